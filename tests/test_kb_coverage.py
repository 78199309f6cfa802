"""Issue 15: at least half of all ingredient entries on real labels link to a knowledge-base entry, on
every label source in tests/data (dev and held-out alike; the knowledge base was built from label
frequencies of the dev lists of one source). `pytest tests/test_kb_coverage.py -s` prints the rates.
"""

from __future__ import annotations

import collections

import labelsets
import pytest

from skincli.kb.store import open_kb
from skincli.label.scan import kb_lookup_for, scan_label

GOAL = 0.50


@pytest.fixture(scope="module")
def rates() -> dict[tuple[str, str], tuple[int, int]]:
    lookup = kb_lookup_for(open_kb(None, use_overlay=False))
    counts: dict[tuple[str, str], list[int]] = collections.defaultdict(lambda: [0, 0])
    for label in labelsets.labels():
        report = scan_label(label.text, lookup)
        key = (label.source, "held-out" if label.held_out else "dev")
        for item in report.items:
            if item.status == "text":  # label prose, not an ingredient
                continue
            counts[key][1] += 1
            counts[key][0] += item.kb is not None
    print("\n| source | split | entries | linked to the knowledge base | rate |\n|---|---|---:|---:|---:|")
    for (source, split), (linked, total) in sorted(counts.items()):
        print(f"| {source} | {split} | {total} | {linked} | {linked / total:.1%} |")
    return {k: (v[0], v[1]) for k, v in counts.items()}


def test_every_source_and_split_links_half_its_entries(rates):
    assert {s for s, _ in rates} == set(labelsets.SOURCES)
    for (source, split), (linked, total) in rates.items():
        assert total > 100, (source, split)
        assert linked / total >= GOAL, f"{source} {split}: {linked}/{total} = {linked / total:.1%} linked"
