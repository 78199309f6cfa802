#!/usr/bin/env python3
"""Measure `scan` on the real label sets (tests/data, split by tests/labelsets.py).

    python tools/label_eval.py                 # rates per source and split
    python tools/label_eval.py --misses        # plus every dev miss, counted (never the held-out ones)
    python tools/label_eval.py --final         # after development: also list held-out misses

Development looks only at dev misses; --final is for the report, once the code is frozen.
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import labelsets  # noqa: E402

from skincli.label.batch import measure  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list dev misses")
    parser.add_argument("--final", action="store_true", help="also list held-out misses (for the final report)")
    args = parser.parse_args(argv)
    groups: dict[tuple[str, bool], list[labelsets.Label]] = collections.defaultdict(list)
    for label in labelsets.labels():
        groups[(label.source, label.held_out)].append(label)
    print("| source | split | lists | entries | not ingredients | recognised | rate | strict rate | silent drops |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    misses: dict[bool, collections.Counter[str]] = {False: collections.Counter(), True: collections.Counter()}
    texts: dict[bool, list[str]] = {False: [], True: []}
    drops: dict[bool, list[str]] = {False: [], True: []}
    for (source, held), rows in sorted(groups.items()):
        m = measure([r.text for r in rows])
        misses[held].update(m.misses)
        texts[held].extend(m.text_items)
        drops[held].extend(m.dropped_words)
        print(
            f"| {source} | {'held-out' if held else 'dev'} | {len(rows)} | {m.entries} | {m.text} | {m.recognised} | "
            f"{m.rate:.2%} | {m.strict_rate:.2%} | {m.dropped} |"
        )
    for held in (False, True):
        if (args.misses and not held) or (args.final and held):
            print(f"\n{'held-out' if held else 'dev'} misses ({sum(misses[held].values())}):")
            for raw, n in misses[held].most_common():
                print(f"  {n:3d}  {raw}")
            print(f"reported as label text ({len(texts[held])}):")
            for raw in texts[held]:
                print(f"       {raw}")
            print(f"dropped words: {drops[held]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
