"""`skincli check` measured on real marketing passages (tests/data/adverts/, see its README for sources,
labelling rules, the sets and how each was used). Run with `-s` to see the scores:

    pytest tests/test_check_adverts.py -s

The goal of issue 14 is at least 90% precision and 85% recall of (ingredient, effect) pairs and of
marketing flags on passages never used to develop the checker. Each new set was measured once as held
out and then opened for development; the README records every first measure. The floors below keep the
development sets from sliding back; they are not the goal.
"""

from __future__ import annotations

import collections
from typing import Any

import pytest
from advert_measure import ADVERTS, Scores, load, load_all, measure, report, split_of

from skincli.claims import phrases
from skincli.kb.store import KnowledgeBase, open_kb

GOAL_PRECISION = 0.90
GOAL_RECALL = 0.85


@pytest.fixture(scope="module")
def shipped() -> KnowledgeBase:
    return open_kb(None, use_overlay=False, use_cache=False)


SPLITS = (
    *("dev", "held-out", "dev-2", "dev-3", "dev-4", "dev-5", "dev-6", "dev-7"),
    *("dev-8", "dev-9", "held-out-10", "dev-11", "held-out-12", "dev-13", "held-out-14"),
    "held-out-15",
    "held-out-16",
    "held-out-17",
    "held-out-18",
    "held-out-19",
    "held-out-20",
    "held-out-21",
    "held-out-22",
    "dev-23",
    "held-out-24",
)
# Held out and not yet measured: not scored here, so that no test run shows its numbers before the measure
# (a new set waits here between its commit and its one measure).
NOT_YET_MEASURED: tuple[str, ...] = ()


@pytest.fixture(scope="module")
def passages() -> list[dict[str, Any]]:
    return load(ADVERTS)


@pytest.fixture(scope="module")
def every_passage() -> list[dict[str, Any]]:
    return load_all()


@pytest.fixture(scope="module")
def scores(shipped: KnowledgeBase) -> dict[str, Scores]:
    measured = {split: measure(shipped, split) for split in SPLITS}
    print()
    for split, s in measured.items():
        print(report(split, s))
    return measured


def test_each_passage_is_on_the_side_the_fixed_rule_puts_it(passages):
    assert all(p["split"] == split_of(p["source"]["url"]) for p in passages)
    sides = collections.Counter(p["split"] for p in passages)
    assert len(passages) >= 40 and 0.25 <= sides["held-out"] / len(passages) <= 0.40
    pages = collections.defaultdict(set)
    for p in passages:
        pages[p["source"]["url"]].add(p["split"])
    assert all(len(sides_of_page) == 1 for sides_of_page in pages.values())  # a page never straddles the split


def test_later_sets_use_new_pages_only(every_passage):
    first_page = {}
    for p in every_passage:
        first_page.setdefault(p["source"]["url"], p["split"])
    for p in every_passage:  # a page belongs to one set: no set was measured on pages another was tuned on
        assert first_page[p["source"]["url"]] == p["split"] or {first_page[p["source"]["url"]], p["split"]} <= {
            "dev",
            "held-out",
        }, p["id"]
    assert {p["split"] for p in every_passage} == set(SPLITS) | set(NOT_YET_MEASURED)


def test_labels_use_knowledge_base_ids_and_quote_the_passage(every_passage, shipped):
    ingredients = set(shipped.ingredient_ids()) | {"unknown"}
    effects = {e.id for e in shipped.effects()}
    ids = [p["id"] for p in every_passage]
    assert len(ids) == len(set(ids))
    for p in every_passage:
        assert p["source"]["url"].startswith("http") and p["source"]["accessed"] and p["source"]["language"] in ("en", "de")
        for ingredient, effect in p["pairs"]:
            assert ingredient in ingredients and effect in effects, (p["id"], ingredient, effect)
        for subject, compared, cue in p["comparisons"]:
            assert subject in ingredients | {None} and compared in ingredients | {None}, p["id"]
            assert cue in p["text"], (p["id"], cue)
        for kind, quote in p["flags"]:
            assert kind in phrases.FLAGS and quote in p["text"], (p["id"], kind, quote)


def test_dev_passages_meet_the_goal(scores):
    dev = scores["dev"]
    assert dev.pairs.precision >= GOAL_PRECISION and dev.pairs.recall >= GOAL_RECALL, report("dev", dev)
    assert dev.flags.precision >= GOAL_PRECISION and dev.flags.recall >= GOAL_RECALL, report("dev", dev)


def test_first_sets_held_out_part_meets_the_goal_now_that_it_is_opened(scores):
    held = scores["held-out"]
    assert held.flags.precision >= GOAL_PRECISION and held.flags.recall >= GOAL_RECALL, report("held-out", held)
    assert held.pairs.precision >= GOAL_PRECISION and held.pairs.recall >= GOAL_RECALL, report("held-out", held)


# Where each set stands (pairs precision, pairs recall, flags precision, flags recall), a little below
# the scores measured when this was written; the README has the first, held-out measure of each.
FLOORS = {
    # Session 14 flags every comparison the pairing sees (a cue before or after a name); on dev-2 and dev-7
    # that adds flags their labellers left out ("Botulinum toxin type A mimic", "like a retinol"), so
    # their flag-precision floors went from 0.90 and 0.87 to 0.89 and 0.86.
    "dev-2": (0.86, 0.79, 0.89, 0.92),
    "dev-3": (0.81, 0.82, 0.89, 0.90),
    "dev-4": (0.79, 0.78, 0.88, 0.92),
    "dev-5": (0.88, 0.86, 0.81, 0.87),
    "dev-6": (0.80, 0.75, 0.82, 0.84),
    # Session 15 dropped seven patterns the labellers of every set flag at most 1 time in 3 ("rather than",
    # "same/similar ... as/to" before no name, "game changer", "facelift", "natural alternative", "safe and
    # effective", a bare "nachgewiesen"); dev-7 labels two ("rather than chemical filters", "a safe and
    # effective treatment option").
    "dev-7": (0.86, 0.84, 0.86, 0.83),
    "dev-11": (0.73, 0.77, 0.84, 0.79),
    # The eighth set was held out from session 4 to session 7 (its last held-out measure, at dda2608: pairs
    # 68.8/70.5, flags 84.5/63.6), then opened in session 7 (74.7/79.1 and 87.0/77.9 at the session's end).
    # Session 10's general comparison rules flag "cheaper than" (Botox) and a "whereas" contrast, which its
    # labellers did not: 84.5%. Session 13's plain German comparisons flag "anstelle eines groben Peelings"
    # (a washcloth instead of a scrub, "besser für deine Haut"), whose label sits on the next sentence: 83.3%.
    "dev-8": (0.73, 0.77, 0.83, 0.76),
    # The ninth set was held out from session 4 to session 9 (first measure, end of session 4: pairs
    # 63.3/61.5, flags 75.4/62.0; last held-out measure, session 9's final code: 69.4/71.0 and 76.1/64.6),
    # then opened in session 10 (74.6/75.8 and 78.1/72.2 at the session's end).
    "dev-9": (0.73, 0.74, 0.76, 0.70),
    # The tenth set, held out in session 5: 73.6/68.0 and 80.8/67.0 with its final code, 76.0/69.3 and
    # 80.8/67.0 with session 6's, 79.0/73.7 and 81.0/68.1 with session 7's (README).
    "held-out-10": (0.78, 0.72, 0.80, 0.67),
    # The twelfth set, held out in session 6: 73.8/68.1 and 77.3/62.4 at its commit (session 5's checker),
    # 76.3/68.4 and 77.9/64.5 with session 6's final code, 76.7/71.3 and 77.9/64.5 with session 7's (README).
    "held-out-12": (0.75, 0.67, 0.76, 0.63),
    # The thirteenth set, held out in session 7: 64.5/67.1 and 78.9/53.8 at its commit (session 6's checker),
    # 65.4/69.8 and 79.5/55.8 with session 7's final code (README); its last held-out measure, session 9's
    # final code: 65.4/69.8 and 78.7/56.7. Opened in session 10 (67.5/69.8 and 79.3/62.5 at its end).
    "dev-13": (0.66, 0.68, 0.77, 0.60),
    # The fourteenth set, held out late in session 7: 72.5/70.4 and 69.1/50.7 at its commit (the same with
    # session 6's final code), 73.5/71.4 and 69.6/52.0 with session 7's final code (README). Session 8's
    # flags precision is 67.2%: two of its new patterns ("tested in an independent clinical study", "30%
    # fuller") each flag one passage its labellers did not. Found by the floor, identified by pattern only;
    # kept, not tuned away on held-out data (the note on issue 14 says so), and the floor set below it.
    "held-out-14": (0.72, 0.70, 0.66, 0.51),
    # The fifteenth set, held out in session 8: 79.6/76.8 and 84.4/71.4 at its commit (session 7's final
    # checker, 0e82c7d); 79.9/76.8 and 84.4/71.4 with session 8's final code (README).
    "held-out-15": (0.78, 0.75, 0.82, 0.69),
    # The sixteenth set, held out in session 9: 77.6/71.6 and 80.8/76.4 at its commit (session 8's final
    # checker, aece93c), the same with session 9's final code (README).
    "held-out-16": (0.76, 0.70, 0.79, 0.75),
    # The seventeenth and eighteenth sets, held out in session 10. Seventeenth: 78.1/68.9 and 85.2/69.7 at its
    # commit (session 9's final checker, 48f6ed9), the same with session 10's final code. Eighteenth: 74.0/71.3
    # and 83.1/69.0 with session 9's final checker, 76.1/73.6 and 82.0/73.0 with session 10's (README).
    "held-out-17": (0.76, 0.67, 0.83, 0.67),
    "held-out-18": (0.74, 0.71, 0.80, 0.70),
    # The nineteenth set, held out in session 11: 75.5/79.7 and 73.4/64.4 at its commit (session 10's final
    # checker, 4731363); 75.8/80.0 and 73.4/64.4 with session 11's code at that moment (README).
    "held-out-19": (0.74, 0.78, 0.71, 0.62),
    # The twentieth set, held out at the end of session 11 (half German): 71.2/71.2 and 75.7/59.6 at its commit
    # with session 10's final checker (4731363); 71.1/70.8 and 75.7/59.6 with session 11's final code (README).
    "held-out-20": (0.70, 0.69, 0.73, 0.57),
    # The twenty-first set, held out in session 13 (28 of 64 passages German): 78.3/74.4 and 62.2/46.9 with
    # session 11's final checker (816d984), 78.2/74.1 and 62.3/49.0 with session 13's code at its commit.
    "held-out-21": (0.77, 0.73, 0.61, 0.47),
    # The twenty-second set, held out in session 14 (21 of 46 passages German, themed on trend actives, among
    # them the session's new entries): 83.0/72.2 and 72.9/53.8 with session 14's final code (4b7e127); session
    # 13's final checker, without those entries, 78.5/50.2 and 72.4/52.5 (README).
    "held-out-22": (0.81, 0.70, 0.70, 0.51),
    # The twenty-third set, held out in session 15 (48 passages from 48 sites, 18 German, labels "0.4.0"): measured
    # once, with session 15's final checker (c4a3b2e): 76.5/74.1 and 70.8/60.7; session 14's final checker
    # (31ef230) on it: 76.5/73.0 and 68.6/62.5 (README). Opened in session 16 (its German misses were read):
    # 81.0/79.2 and 72.9/62.5 with session 16's final checker.
    "dev-23": (0.79, 0.77, 0.70, 0.60),
    # The twenty-fourth set, held out in session 16 (47 passages from 47 pages, 24 German, labels "0.4.0"): measured
    # once, with session 16's final checker (935b78d): 81.1/78.3 and 75.5/69.8; session 15's final checker
    # (df4fde9) on it: 81.0/78.0 and 75.5/69.8 (README).
    "held-out-24": (0.80, 0.77, 0.74, 0.68),
}


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_sets_do_not_slide_back(scores, split):
    s = scores[split]
    got = (s.pairs.precision, s.pairs.recall, s.flags.precision, s.flags.recall)
    assert all(value >= floor for value, floor in zip(got, FLOORS[split], strict=True)), report(split, s)


def test_compared_injections_and_ingredients_are_kept_as_comparisons(scores):
    for split in ("dev", "held-out"):
        s = scores[split]
        assert s.comparisons_right / s.comparisons >= 0.7, report(split, s)


def test_the_anatomy_script_sorts_every_mistake_the_scorer_counts(scores, shipped):
    """tests/advert_anatomy.py gives each mistake one cause; its counts add up to the scorer's, and it never
    reads a held-out set."""
    from advert_anatomy import anatomy, main

    counts, _examples = anatomy(shipped, "dev-6")
    s = scores["dev-6"]
    assert sum(n for cause, n in counts.items() if cause.startswith("missed pair")) == s.pairs.fn
    assert sum(n for cause, n in counts.items() if cause.startswith("extra pair")) == s.pairs.fp
    assert sum(n for cause, n in counts.items() if cause.startswith("missed flag")) == s.flags.fn
    assert sum(n for cause, n in counts.items() if cause.startswith("extra flag")) == s.flags.fp
    assert main(["held-out-10"]) == 2
