"""Where `skincli check`'s mistakes on an opened advert set come from, sorted by cause (a development aid).

    python tests/advert_anatomy.py dev-5             # counts per cause
    python tests/advert_anatomy.py dev-5 --examples  # and the passages and words behind each

Run it with an older checker (a git worktree on PYTHONPATH) to see what a set looked like when it was
still fresh. Held-out sets are refused: their mistakes are never read.

Causes: a missed pair whose ingredient name was not recognised, whose effect wording was not recognised
at all, or whose effect was found but given to another ingredient or to none; an extra pair whose effect
nobody labelled, whose effect the labels give to another known ingredient, or to an ingredient the
knowledge base lacks ("unknown"); missed and extra flags by kind.
"""

from __future__ import annotations

import collections
import sys
from typing import Any

from advert_measure import LEGACY_EFFECTS, SPLIT_NOTES, added_since_labelling, load_all, match_flags


def anatomy(kb: Any, split: str) -> tuple[collections.Counter[str], dict[str, list[tuple[str, ...]]]]:
    from skincli.claims.check import check_text

    counts: collections.Counter[str] = collections.Counter()
    examples: dict[str, list[tuple[str, ...]]] = collections.defaultdict(list)
    for p in load_all():
        if p["split"] != split:
            continue
        view = check_text(p["text"], kb).to_dict()
        expected = {(i, e) for i, e in p["pairs"] if i != "unknown"}
        unknown = {e for i, e in p["pairs"] if i == "unknown"}
        labelled = {e for _i, e in p["pairs"]}
        legacy = p["labels"] == "0.1.0"
        found = {
            (f["ingredient"]["id"], LEGACY_EFFECTS.get(f["effect"], f["effect"]) if legacy else f["effect"])
            for f in view["findings"]
            if f["effect"]
        }
        effects = {e["effect"] for e in view["effects"]}
        named = {m["ingredient"]["id"] for m in view["mentions"]}
        for i, e in sorted(expected - found):
            cause = (
                "missed pair: name not recognised"
                if i not in named
                else "missed pair: effect wording not recognised"
                if e not in effects
                else "missed pair: effect given to another or to none"
            )
            counts[cause] += 1
            examples[cause].append((p["id"], i, e))
        for i, e in sorted(found - expected):
            if i in added_since_labelling(p) and e in unknown:
                continue  # an entry added since labelling, given a claim its labels call "unknown": right
            cause = (
                "extra pair: labelled for an ingredient the knowledge base lacks"
                if e in unknown
                else "extra pair: effect nobody labelled"
                if e not in labelled
                else "extra pair: effect labelled for another ingredient"
            )
            counts[cause] += 1
            examples[cause].append((p["id"], i, e))
        flags = [(g["kind"], [(g["start"], g["end"])]) for g in view["flags"]]
        missed, extra = match_flags(p["text"], p["flags"], flags)
        for n in missed:
            kind, quote = p["flags"][n]
            counts[f"missed flag: {kind}"] += 1
            examples[f"missed flag: {kind}"].append((p["id"], quote))
        for n in extra:
            kind = view["flags"][n]["kind"]
            counts[f"extra flag: {kind}"] += 1
            examples[f"extra flag: {kind}"].append((p["id"], view["flags"][n]["text"]))
    return counts, examples


def main(argv: list[str]) -> int:
    from skincli.kb.store import open_kb

    splits = [a for a in argv if not a.startswith("--")]
    if not splits:
        print(__doc__)
        return 2
    kb = open_kb(None, use_overlay=False, use_cache=False)
    for split in splits:
        if split not in SPLIT_NOTES or not SPLIT_NOTES[split][1]:
            print(f"{split}: not an opened set (held-out sets are never read)", file=sys.stderr)
            return 2
        counts, examples = anatomy(kb, split)
        print(f"{split}:")
        for cause, n in counts.most_common():
            print(f"  {n:4d}  {cause}")
            if "--examples" in argv:
                for example in examples[cause]:
                    print("          " + " | ".join(example))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
