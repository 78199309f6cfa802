"""Probe lists: short sentences written from how copy words each effect, flag and claim (not taken from
any advert set), to measure how much everyday wording `skincli check` reads. A development aid beside the
advert sets: `python tests/probes.py` prints each list's rate and its misses.

    effects-en.txt / effects-de.txt   "effect | wording": "Niacinamide <wording>." must pair niacinamide with it
    flags.txt                         "kind | sentence": the sentence must raise a flag of that kind
    flags-2.txt                       the same, and "none | sentence": no flag at all (session 6; a third held back)
    effects-3-*.txt, flags-3.txt, pairs-3.txt    session 8's lists, a third held back the same way
    pairs.txt                         "sentence || ing:effect, ...": the exact (ingredient, effect) pairs
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Any, NamedTuple

from advert_measure import ADDED_SINCE_LABELLING

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


def effects(kb: Any, language: str, name: str = "", part: str = "all") -> Rate:
    from skincli.claims.check import check_text

    subject = "Niacinamid" if language == "de" else "Niacinamide"
    hits, total, misses = 0, 0, []
    for line in _lines(name or f"effects-{language}.txt"):
        effect, wording = (piece.strip() for piece in line.split("|", 1))
        if part != "all" and held_back(wording) != (part == "held"):
            continue
        total += 1
        view = check_text(f"{subject} {wording}.", kb).to_dict()
        found = {f["effect"] for f in view["findings"] if f["ingredient"]["id"] == "niacinamide"}
        if effect in found:
            hits += 1
        else:
            misses.append(f"{effect}: {wording}  (read: {sorted(e for e in found if e)})")
    return Rate(hits, total, misses)


def held_back(sentence: str) -> bool:
    """The third of each session-6 list (flags-2, effects-2, pairs-2) never tuned on, by a hash of the
    sentence: its rate is the honest one."""
    return int(hashlib.sha256(sentence.encode("utf-8")).hexdigest(), 16) % 3 == 0


def flags(kb: Any, name: str = "flags.txt", part: str = "all") -> Rate:
    """A "kind | sentence" line is read when the sentence raises a flag of that kind; a "none" line when
    it raises no flag at all. `part`: "all", "tuned" or "held" (flags-2.txt's two parts, `held_back`)."""
    from skincli.claims.check import check_text

    hits, total, misses = 0, 0, []
    for line in _lines(name):
        kind, sentence = (part_.strip() for part_ in line.split("|", 1))
        if part != "all" and held_back(sentence) != (part == "held"):
            continue
        total += 1
        found = {f["kind"] for f in check_text(sentence, kb).to_dict()["flags"]}
        if (not found) if kind == "none" else kind in found:
            hits += 1
        else:
            misses.append(f"{kind}: {sentence}  (read: {sorted(found)})")
    return Rate(hits, total, misses)


def pairs(kb: Any, name: str = "pairs.txt", part: str = "all") -> tuple[Rate, Rate]:
    """(recall over expected pairs, precision over pairs found)."""
    from skincli.claims.check import check_text

    tp = fp = fn = 0
    misses: list[str] = []
    for line in _lines(name):
        sentence, expected_text = (piece.strip() for piece in line.split("||", 1))
        if part != "all" and held_back(sentence) != (part == "held"):
            continue
        sentence = sentence.replace("\\n", "\n")
        expected = {tuple(item.strip().split(":")) for item in expected_text.split(",") if item.strip()}
        view = check_text(sentence, kb).to_dict()
        found = {(f["ingredient"]["id"], f["effect"]) for f in view["findings"] if f["effect"]}
        # an entry added after the list was written ("propolis") could only be given no pair there: not scored
        found = {(i, e) for i, e in found if i not in ADDED_SINCE_LABELLING}
        tp, fp, fn = tp + len(found & expected), fp + len(found - expected), fn + len(expected - found)
        if found != expected:
            misses.append(f"{sentence!r}: missing {sorted(expected - found)}, extra {sorted(found - expected)}")
    return Rate(tp, tp + fn, misses), Rate(tp, tp + fp, misses)


def main(argv: list[str]) -> int:
    from skincli.kb.store import open_kb

    kb = open_kb(None, use_overlay=False, use_cache=False)
    rates: list[tuple[str, Rate]] = [
        ("effects-en", effects(kb, "en")),
        ("effects-de", effects(kb, "de")),
        ("flags", flags(kb)),
    ]
    recall, precision = pairs(kb)
    rates += [("pairs recall", recall), ("pairs precision", precision)]
    # the session-8 lists, then the session-6 ones; the held-back third's misses are not printed
    for generation in ("3", "2"):
        for part in ("tuned", "held"):
            recall, precision = pairs(kb, f"pairs-{generation}.txt", part)
            rates += [
                (f"effects-{generation}-en {part}", effects(kb, "en", f"effects-{generation}-en.txt", part)),
                (f"effects-{generation}-de {part}", effects(kb, "de", f"effects-{generation}-de.txt", part)),
                (f"flags-{generation} {part}", flags(kb, f"flags-{generation}.txt", part)),
                (f"pairs-{generation} {part} recall", recall),
                (f"pairs-{generation} {part} precision", precision),
            ]
    for name, rate in rates:
        print(f"{name:26} {rate.hits:4} of {rate.total:4}  {rate.rate:6.1%}")
        if "precision" not in name and ("held" not in name or "--all" in argv):
            for miss in rate.misses:
                print(f"    {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
