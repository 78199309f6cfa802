"""Probe lists: short sentences written from how copy words each effect, flag and claim (not taken from
any advert set), to measure how much everyday wording `skincli check` reads. A development aid beside the
advert sets: `python tests/probes.py` prints each list's rate and its misses.

    effects-en.txt / effects-de.txt   "effect | wording": "Niacinamide <wording>." must pair niacinamide with it
    flags.txt                         "kind | sentence": the sentence must raise a flag of that kind
    pairs.txt                         "sentence || ing:effect, ...": the exact (ingredient, effect) pairs
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, NamedTuple

PROBES = Path(__file__).parent / "data" / "probes"


class Rate(NamedTuple):
    hits: int
    total: int
    misses: list[str]

    @property
    def rate(self) -> float:
        return self.hits / self.total


def _lines(name: str) -> list[str]:
    text = (PROBES / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def effects(kb: Any, language: str) -> Rate:
    from skincli.claims.check import check_text

    subject = "Niacinamid" if language == "de" else "Niacinamide"
    hits, misses = 0, []
    lines = _lines(f"effects-{language}.txt")
    for line in lines:
        effect, wording = (part.strip() for part in line.split("|", 1))
        view = check_text(f"{subject} {wording}.", kb).to_dict()
        found = {f["effect"] for f in view["findings"] if f["ingredient"]["id"] == "niacinamide"}
        if effect in found:
            hits += 1
        else:
            misses.append(f"{effect}: {wording}  (read: {sorted(e for e in found if e)})")
    return Rate(hits, len(lines), misses)


def flags(kb: Any) -> Rate:
    from skincli.claims.check import check_text

    hits, misses = 0, []
    lines = _lines("flags.txt")
    for line in lines:
        kind, sentence = (part.strip() for part in line.split("|", 1))
        found = {f["kind"] for f in check_text(sentence, kb).to_dict()["flags"]}
        if kind in found:
            hits += 1
        else:
            misses.append(f"{kind}: {sentence}  (read: {sorted(found)})")
    return Rate(hits, len(lines), misses)


def pairs(kb: Any) -> tuple[Rate, Rate]:
    """(recall over expected pairs, precision over pairs found)."""
    from skincli.claims.check import check_text

    tp = fp = fn = 0
    misses: list[str] = []
    for line in _lines("pairs.txt"):
        sentence, expected_text = (part.strip() for part in line.split("||", 1))
        sentence = sentence.replace("\\n", "\n")
        expected = {tuple(item.strip().split(":")) for item in expected_text.split(",") if item.strip()}
        view = check_text(sentence, kb).to_dict()
        found = {(f["ingredient"]["id"], f["effect"]) for f in view["findings"] if f["effect"]}
        tp, fp, fn = tp + len(found & expected), fp + len(found - expected), fn + len(expected - found)
        if found != expected:
            misses.append(f"{sentence!r}: missing {sorted(expected - found)}, extra {sorted(found - expected)}")
    return Rate(tp, tp + fn, misses), Rate(tp, tp + fp, misses)


def main() -> int:
    from skincli.kb.store import open_kb

    kb = open_kb(None, use_overlay=False, use_cache=False)
    recall, precision = pairs(kb)
    for name, rate in (
        ("effects-en", effects(kb, "en")),
        ("effects-de", effects(kb, "de")),
        ("flags", flags(kb)),
        ("pairs recall", recall),
        ("pairs precision", precision),
    ):
        print(f"{name:16} {rate.hits:4} of {rate.total:4}  {rate.rate:6.1%}")
        if name != "pairs precision":
            for miss in rate.misses:
                print(f"    {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
