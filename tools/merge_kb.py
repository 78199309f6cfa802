"""Merge knowledge-base part files (written in parallel) into data/ingredients.yaml.

Usage: python tools/merge_kb.py data/parts/*.yaml > data/ingredients.yaml

Sections are concatenated in file order; a source, expert or effect id that appears in several parts
is kept once (the first), and differing duplicates are reported on stderr for a human to reconcile.
"""

from __future__ import annotations

import sys

import yaml

HEADER = """\
# skincli knowledge base: ingredients, their claimed effects, the evidence for each claim, who makes
# each claim, what named experts said, and the sources. Format: docs/knowledge-base.md.
# Evidence levels: 0 unsupported, 1 opinion, 2 preclinical, 3 preliminary, 4 supported, 5 established.
# Identifiers (doi, pmid, pmcid, url) are given only where they were verified; a source without one is
# listed with its bibliographic details. Check the file with `skincli validate data/ingredients.yaml`.
"""


def main(paths: list[str]) -> int:
    merged: dict[str, list[dict]] = {"sources": [], "experts": [], "effects": [], "ingredients": []}
    seen: dict[str, dict[str, dict]] = {k: {} for k in merged}
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            part = yaml.safe_load(handle) or {}
        for section in merged:
            for item in part.get(section) or []:
                first = seen[section].get(item["id"])
                if first is None:
                    seen[section][item["id"]] = item
                    merged[section].append(item)
                elif first != item and section != "ingredients":
                    print(f"{path}: {section} id {item['id']!r} differs from an earlier part; kept the first", file=sys.stderr)
                elif section == "ingredients":
                    print(f"{path}: duplicate ingredient id {item['id']!r}; kept the first", file=sys.stderr)
    sys.stdout.write(HEADER)
    sys.stdout.write(yaml.safe_dump({"format": 1, **merged}, sort_keys=False, allow_unicode=True, width=110))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
