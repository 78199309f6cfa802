"""Recognition on real labels from two sources, dev and held-out (tests/labelsets.py has the split).

`pytest tests/test_label_recognition.py -s` prints the table. The goals of issue 13: on held-out
labels of every source at least 98.5% of ingredient entries recognised, and no word of a label
dropped without a trace. The data are test-only (ODbL and MIT; see each SOURCE.txt).
"""

from __future__ import annotations

from collections import defaultdict

import labelsets
import pytest

from skincli.label.batch import Measure, measure
from skincli.label.cosing import CosIng

GOAL = 0.985


@pytest.fixture(scope="module")
def measured() -> dict[tuple[str, bool], Measure]:
    groups: dict[tuple[str, bool], list[str]] = defaultdict(list)
    for label in labelsets.labels():
        groups[(label.source, label.held_out)].append(label.text)
    cosing = CosIng()
    try:
        out = {key: measure(texts, cosing) for key, texts in sorted(groups.items())}
    finally:
        cosing.close()
    print("\n| source | split | lists | entries | label text | recognised | rate | silent drops |")
    for (source, held), m in out.items():
        split = "held-out" if held else "dev"
        print(f"| {source} | {split} | {m.lists} | {m.entries} | {m.text} | {m.recognised} | {m.rate:.2%} | {m.dropped} |")
    return out


def test_licence_notices_travel_with_the_data() -> None:
    assert "ODbL" in (labelsets.DATA / "obf" / "SOURCE.txt").read_text(encoding="utf-8")
    assert "MIT License" in (labelsets.DATA / "pickspf" / "LICENSE").read_text(encoding="utf-8")
    assert "vilaca/pick-spf" in (labelsets.DATA / "pickspf" / "SOURCE.txt").read_text(encoding="utf-8")


def test_the_split_is_fixed_and_both_parts_are_used() -> None:
    assert labelsets.held_out("3600542663045") is labelsets.held_out("3600542663045")
    for source in labelsets.SOURCES:
        labels = labelsets.labels(source)
        assert any(lb.held_out for lb in labels) and any(not lb.held_out for lb in labels)


def test_nothing_is_dropped_silently(measured: dict[tuple[str, bool], Measure]) -> None:
    for key, m in measured.items():
        assert m.dropped == 0, (key, m.dropped_words)


def test_dev_labels_meet_the_goal(measured: dict[tuple[str, bool], Measure]) -> None:
    for (source, held), m in measured.items():
        if not held:
            assert m.rate >= GOAL, (source, f"{m.rate:.2%}", m.misses)


def test_held_out_labels_meet_the_goal(measured: dict[tuple[str, bool], Measure]) -> None:
    """Measured only: the held-out lists were never looked at while developing (the one-slip rule came
    from the OCR slips of the dev lists)."""
    for (source, held), m in measured.items():
        if held:
            assert m.rate >= GOAL, (source, f"{m.rate:.2%}")
