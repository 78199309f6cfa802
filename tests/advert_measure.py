"""Precision and recall of `skincli check` on the labelled real passages in tests/data/adverts/.

Used by tests/test_check_adverts.py; also a script for development, on the dev part only:

    python tests/advert_measure.py            # every split's scores, and each opened passage with a mistake
    python tests/advert_measure.py --scores   # every split's scores, no passages shown

Held-out sets are only ever scored here: their passages are never printed.

The rules (what counts as a match) are in tests/data/adverts/README.md.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ADVERTS = Path(__file__).parent / "data" / "adverts" / "adverts.yaml"
ADVERTS_2 = Path(__file__).parent / "data" / "adverts" / "adverts-2.yaml"  # "dev-2": measured once, then opened
ADVERTS_3 = Path(__file__).parent / "data" / "adverts" / "adverts-3.yaml"  # "dev-3": measured once, then opened
ADVERTS_4 = Path(__file__).parent / "data" / "adverts" / "adverts-4.yaml"  # "dev-4": measured once, then opened
ADVERTS_5 = Path(__file__).parent / "data" / "adverts" / "adverts-5.yaml"  # "dev-5": measured once, then opened
ADVERTS_6 = Path(__file__).parent / "data" / "adverts" / "adverts-6.yaml"  # "dev-6": measured, then opened in session 4
ADVERTS_7 = Path(__file__).parent / "data" / "adverts" / "adverts-7.yaml"  # "dev-7": measured, then opened in session 4
ADVERTS_8 = Path(__file__).parent / "data" / "adverts" / "adverts-8.yaml"  # "dev-8": held out in sessions 4-7, then opened
ADVERTS_9 = (
    Path(__file__).parent / "data" / "adverts" / "adverts-9.yaml"
)  # "dev-9": held out in sessions 4-9, then opened in session 10
ADVERTS_10 = Path(__file__).parent / "data" / "adverts" / "adverts-10.yaml"  # "held-out-10": session 5's measure
ADVERTS_11 = Path(__file__).parent / "data" / "adverts" / "adverts-11.yaml"  # "dev-11": measured once, then opened
ADVERTS_12 = Path(__file__).parent / "data" / "adverts" / "adverts-12.yaml"  # "held-out-12": session 6's measure
ADVERTS_13 = (
    Path(__file__).parent / "data" / "adverts" / "adverts-13.yaml"
)  # "dev-13": held out in sessions 7-9, then opened in session 10
ADVERTS_14 = Path(__file__).parent / "data" / "adverts" / "adverts-14.yaml"  # "held-out-14": session 7's last measure
ADVERTS_15 = Path(__file__).parent / "data" / "adverts" / "adverts-15.yaml"  # "held-out-15": session 8's measure
ADVERTS_16 = Path(__file__).parent / "data" / "adverts" / "adverts-16.yaml"  # "held-out-16": session 9's measure
ADVERTS_17 = Path(__file__).parent / "data" / "adverts" / "adverts-17.yaml"  # "held-out-17": session 10's first measure
ADVERTS_18 = Path(__file__).parent / "data" / "adverts" / "adverts-18.yaml"  # "held-out-18": session 10's last measure
ADVERTS_19 = Path(__file__).parent / "data" / "adverts" / "adverts-19.yaml"  # "held-out-19": session 11's measure
ADVERTS_20 = Path(__file__).parent / "data" / "adverts" / "adverts-20.yaml"  # "held-out-20": session 11's last measure
ADVERTS_21 = Path(__file__).parent / "data" / "adverts" / "adverts-21.yaml"  # "held-out-21": session 13's measure
ADVERTS_22 = Path(__file__).parent / "data" / "adverts" / "adverts-22.yaml"  # "held-out-22": session 14's measure
ADVERTS_23 = Path(__file__).parent / "data" / "adverts" / "adverts-23.yaml"  # "dev-23": opened in session 16
ADVERTS_24 = Path(__file__).parent / "data" / "adverts" / "adverts-24.yaml"  # "held-out-24": session 16's measure
# The first set's held-out part was opened for development in session 3 (its mistakes were read): it is
# reported under its old name, but it is development data now. The second set was measured once as
# held out and then opened too (tests/data/adverts/README.md).


def load(path: Path = ADVERTS) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    for passage in data["passages"]:
        passage["labels"] = data.get("labels", "0.1.0")
    return data["passages"]


def load_all() -> list[dict[str, Any]]:
    sets = (
        ADVERTS,
        ADVERTS_2,
        ADVERTS_3,
        ADVERTS_4,
        ADVERTS_5,
        ADVERTS_6,
        ADVERTS_7,
        ADVERTS_8,
        ADVERTS_9,
        ADVERTS_10,
        ADVERTS_11,
        ADVERTS_12,
        ADVERTS_13,
        ADVERTS_14,
        ADVERTS_15,
        ADVERTS_16,
        ADVERTS_17,
        ADVERTS_18,
        ADVERTS_19,
        ADVERTS_20,
        ADVERTS_21,
        ADVERTS_22,
        ADVERTS_23,
        ADVERTS_24,
    )
    return [p for path in sets for p in load(path)]


def split_of(url: str) -> str:
    """The fixed split rule: a third of the pages, by a hash of the URL, are held out."""
    return "held-out" if int(hashlib.sha256(url.encode("utf-8")).hexdigest(), 16) % 3 == 0 else "dev"


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def __str__(self) -> str:
        return f"precision {self.precision:6.1%}  recall {self.recall:6.1%}  (tp {self.tp}, fp {self.fp}, fn {self.fn})"


@dataclass
class Scores:
    pairs: Tally = field(default_factory=Tally)
    flags: Tally = field(default_factory=Tally)
    comparisons_right: int = 0
    comparisons: int = 0
    unknown_left: int = 0
    unknown: int = 0
    newer_right: int = 0  # an "unknown" claim given to an entry added to the knowledge base since labelling
    not_scored: int = 0  # pairs for effects added since labelling (concerns), which the labels cannot have
    passages: int = 0
    mistakes: list[tuple[str, list[str]]] = field(default_factory=list)


def _occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    out, at = [], text.find(quote)
    while at >= 0:
        out.append((at, at + len(quote)))
        at = text.find(quote, at + 1)
    return out


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


# The ids the labels were written with (the knowledge base of 0.1.0, before the labels' commit). Entries
# and effects added since could not be labelled by name: a pair for a newer entry counts as the
# passage's "unknown" claim for that effect (right when one is labelled, an extra pair otherwise); a pair
# for a newer effect (the concerns) is not scored, and is counted in `not_scored`.
LABELLED_INGREDIENTS = frozenset(
    "exosomes autologous-exosomes lab-exosomes plant-exosomes retinol hyaluronic-acid vitamin-c niacinamide peptides "
    "vitamin-e alpha-hydroxy-acids polyhydroxy-acids astaxanthin ectoine plant-botox botulinum-toxin "
    "hyaluronic-acid-filler prp microneedling tretinoin retinal adapalene bakuchiol azelaic-acid salicylic-acid "
    "benzoyl-peroxide glycolic-acid lactic-acid mandelic-acid gluconolactone ceramides panthenol urea glycerin "
    "squalane tranexamic-acid alpha-arbutin kojic-acid hydroquinone centella-asiatica zinc-oxide titanium-dioxide "
    "sunscreen avobenzone caffeine copper-peptides acetyl-hexapeptide-8 resveratrol green-tea coenzyme-q10 "
    "snail-secretion topical-collagen".split()
)
LABELLED_EFFECTS = frozenset(
    "wrinkles collagen elasticity firmness hydration plumping texture hyperpigmentation radiance acne scars "
    "inflammation antioxidant photoprotection barrier wound-healing regeneration hair-growth rosacea eczema "
    "psoriasis exfoliation redness oil-control soothing cell-renewal skin-ageing volume pores dark-circles "
    "photodamage tolerability cell-protection".split()
)


# Entries added to the knowledge base after the newest labels were made (session 14): a label could only
# call their claims "unknown", so a pair given to one is scored as a 0.1.0 label's newer entries are: right
# where the passage has that effect as "unknown", a false pair otherwise.
ADDED_IN_SESSION_14 = frozenset(
    {"glutathione", "sulfur", "polynucleotides", "hydroxypinacolone-retinoate", "led-light-therapy"}
    | {"polyglutamic-acid", "beta-glucan", "honey", "witch-hazel", "rosehip-oil", "sea-buckthorn-oil"}
    | {"growth-factors", "plant-stem-cells", "idebenone"}
    | {"microcurrent", "dermaplaning", "hydrafacial"}
    | {"propolis", "ginseng", "arnica"}
    | {"vitamin-k", "dmae", "lash-serums"}
    | {"bee-venom", "syn-ake", "pentapeptide-18"}
    | {"clay", "activated-charcoal", "rice-water", "castor-oil", "beef-tallow", "adenosine"}
)
# Session 15's entries, added after the twenty-second set was labelled ("0.3.0"): its labels, and every
# older one, could only call their claims "unknown".
ADDED_SINCE_0_3_0 = frozenset(
    {"thiamidol", "cysteamine", "biotin", "mugwort", "heartleaf", "thermal-spring-water"}
    | {"turmeric", "bimatoprost", "colloidal-silver"}
)
ADDED_SINCE_LABELLING = ADDED_IN_SESSION_14 | ADDED_SINCE_0_3_0  # what labels older than 0.3.0 could not name


def added_since_labelling(passage: dict[str, Any]) -> frozenset[str]:
    """The entries this passage's labels could only call "unknown" (labels 0.1.0 leave every entry outside
    LABELLED_INGREDIENTS unscored instead)."""
    if "0.1.0" < passage["labels"] < "0.3.0":
        return ADDED_SINCE_LABELLING
    return ADDED_SINCE_0_3_0 if passage["labels"] == "0.3.0" else frozenset()


LEGACY_EFFECTS = {"irritation": "tolerability"}  # an effect of today -> the 0.1.0 effect that covered it


def match_flags(
    text: str, labelled: list[list[str]], predicted: list[tuple[str, list[tuple[int, int]]]]
) -> tuple[list[int], list[int]]:
    """Match predicted flags (kind, spans) to labelled ones (kind, quote): a label matches the first unused
    prediction of its kind that overlaps one of its quote's places; each side matches at most once.
    Returns the indexes of the labels left unmatched and of the predictions left unmatched."""
    used: set[int] = set()
    missed = []
    for n, (kind, quote) in enumerate(labelled):
        places = _occurrences(text, quote)
        hit = next(
            (
                m
                for m, (k, spans) in enumerate(predicted)
                if m not in used and k == kind and any(_overlaps(s, places) for s in spans)
            ),
            None,
        )
        if hit is None:
            missed.append(n)
        else:
            used.add(hit)
    return missed, [m for m in range(len(predicted)) if m not in used]


def score_passage(passage: dict[str, Any], view: dict[str, Any], scores: Scores) -> list[str]:
    """Add one passage's counts to `scores`; return a line per mistake."""
    text = passage["text"]
    mistakes: list[str] = []
    expected = {(i, e) for i, e in passage["pairs"] if i != "unknown"}
    unknown = {e for i, e in passage["pairs"] if i == "unknown"}
    found = {(f["ingredient"]["id"], f["effect"]) for f in view["findings"] if f["effect"] is not None}
    if passage["labels"] == "0.1.0":  # labelled with the ids of 0.1.0: later entries and effects are "newer"
        # 0.1.0 had no `irritation`: its `tolerability` covered it ("pain, downtime, irritation, side effects")
        found = {(i, LEGACY_EFFECTS.get(e, e)) for i, e in found}
        scores.not_scored += sum(1 for _i, e in found if e not in LABELLED_EFFECTS)
        found = {(i, e) for i, e in found if e in LABELLED_EFFECTS}
        predicted = {(i, e) for i, e in found if i in LABELLED_INGREDIENTS}
    else:  # labelled with today's ids, or before session 14's entries: theirs are scored as above
        predicted = {(i, e) for i, e in found if i not in added_since_labelling(passage)}
    newer = found - predicted
    scores.newer_right += sum(1 for _i, e in newer if e in unknown)
    wrong_newer = {(i, e) for i, e in newer if e not in unknown}
    scores.pairs.tp += len(expected & predicted)
    scores.pairs.fp += len(predicted - expected) + len(wrong_newer)
    scores.pairs.fn += len(expected - predicted)
    mistakes += [f"  extra pair   {i} -> {e}" for i, e in sorted((predicted - expected) | wrong_newer)]
    mistakes += [f"  missed pair  {i} -> {e}" for i, e in sorted(expected - predicted)]

    unattributed = {e["effect"] for e in view["effects"] if not e["attributed"]}
    for ingredient, effect in passage["pairs"]:
        if ingredient == "unknown":
            scores.unknown += 1
            scores.unknown_left += effect in unattributed or not any(e == effect for _i, e in predicted - expected)

    flags = [(g["kind"], [(g["start"], g["end"])]) for g in view["flags"]]
    missed, extra = match_flags(text, passage["flags"], flags)
    scores.flags.tp += len(passage["flags"]) - len(missed)
    scores.flags.fn += len(missed)
    scores.flags.fp += len(extra)
    mistakes += [f"  missed flag  {kind}: {quote!r}" for kind, quote in (passage["flags"][n] for n in missed)]
    mistakes += [f"  extra flag   {view['flags'][n]['kind']}: {view['flags'][n]['text']!r}" for n in extra]

    for _subject, compared, cue in passage["comparisons"]:
        if compared is None:
            continue
        scores.comparisons += 1
        spans = _occurrences(text, cue)
        inside = [m for m in view["mentions"] if m["ingredient"]["id"] == compared and _overlaps((m["start"], m["end"]), spans)]
        paired = any(
            f["effect"] is not None
            and f["ingredient"]["id"] == compared
            and _overlaps((f["mention"]["start"], f["mention"]["end"]), spans)
            for f in view["findings"]
        )
        if inside and all(m["role"] == "comparison" for m in inside) and not paired:
            scores.comparisons_right += 1
        else:
            mistakes.append(f"  comparison not kept as one: {compared} in {cue!r}")
    scores.passages += 1
    return mistakes


def measure(kb: Any, split: str) -> Scores:
    from skincli.claims.check import check_text

    scores = Scores()
    for passage in load_all():
        if passage["split"] != split:
            continue
        view = check_text(passage["text"], kb).to_dict()
        mistakes = score_passage(passage, view, scores)
        if mistakes:
            scores.mistakes.append((passage["id"], mistakes))
    return scores


def report(name: str, s: Scores) -> str:
    return "\n".join(
        [
            f"{name}: {s.passages} passages",
            f"  (ingredient, effect) pairs  {s.pairs}",
            f"  marketing flags             {s.flags}",
            f"  comparisons kept as such    {s.comparisons_right} of {s.comparisons}",
            f"  'unknown' claims not given to a known ingredient  {s.unknown_left} of {s.unknown}",
            f"  'unknown' claims now given to entries added since labelling  {s.newer_right}; "
            f"pairs for effects added since labelling, not scored  {s.not_scored}",
        ]
    )


# Every split, how it was used, and whether its mistakes may be printed (a held-out set's never are).
SPLIT_NOTES = {
    "dev": ("first set", True),
    "held-out": ("first set; opened for development in session 3", True),
    "dev-2": ("second set; measured once as held out, then opened", True),
    "dev-3": ("third set; measured once as held out, then opened", True),
    "dev-4": ("fourth set; measured once as held out, then opened", True),
    "dev-5": ("fifth set; measured once as held out, then opened", True),
    "dev-6": ("sixth set; measured as held out, then opened in session 4", True),
    "dev-7": ("seventh set; measured as held out, then opened in session 4", True),
    "dev-8": ("eighth set; measured as held out in sessions 4 to 7, then opened in session 7", True),
    "dev-9": ("ninth set; measured as held out in sessions 4 to 9, then opened in session 10", True),
    "held-out-10": ("tenth set, held out; its passages are never printed", False),
    "dev-11": ("eleventh set; measured once as held out, then opened in session 5", True),
    "held-out-12": ("twelfth set, held out; its passages are never printed", False),
    "dev-13": ("thirteenth set; measured as held out in sessions 7 to 9, then opened in session 10", True),
    "held-out-14": ("fourteenth set, held out; its passages are never printed", False),
    "held-out-15": ("fifteenth set, held out; its passages are never printed", False),
    "held-out-16": ("sixteenth set, held out; its passages are never printed", False),
    "held-out-17": ("seventeenth set, held out; its passages are never printed", False),
    "held-out-18": ("eighteenth set, held out; its passages are never printed", False),
    "held-out-19": ("nineteenth set, held out; its passages are never printed", False),
    "held-out-20": ("twentieth set, held out; its passages are never printed", False),
    "held-out-21": ("twenty-first set, held out; its passages are never printed", False),
    "held-out-22": ("twenty-second set, held out; its passages are never printed", False),
    "dev-23": ("twenty-third set; measured once as held out in session 15, then opened in session 16", True),
    "held-out-24": ("twenty-fourth set, held out; its passages are never printed", False),
}


def main(argv: list[str]) -> int:
    from skincli.kb.store import open_kb

    kb = open_kb(None, use_overlay=False, use_cache=False)
    mistakes: list[tuple[str, list[str]]] = []
    for split, (note, printable) in SPLIT_NOTES.items():
        scores = measure(kb, split)
        print(report(f"{split} ({note})", scores))
        if printable:
            mistakes += scores.mistakes
    if "--scores" in argv:
        return 0
    by_id = {p["id"]: p for p in load_all()}
    for pid, lines in mistakes:
        print(f"\n{pid}: {by_id[pid]['text'][:300]!r}")
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
