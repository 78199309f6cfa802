"""`skincli check` measured on real marketing passages (tests/data/adverts/, see its README for sources,
labelling rules and the split). Run with `-s` to see the scores:

    pytest tests/test_check_adverts.py -s

The goal of issue 14 is at least 90% precision and 85% recall of (ingredient, effect) pairs and of
marketing flags on the held-out passages, which were never used to develop the checker.
"""

from __future__ import annotations

import collections
from typing import Any

import pytest
from advert_measure import Scores, load, measure, report, split_of

from skincli.claims import phrases
from skincli.kb.store import KnowledgeBase, open_kb

GOAL_PRECISION = 0.90
GOAL_RECALL = 0.85


@pytest.fixture(scope="module")
def shipped() -> KnowledgeBase:
    return open_kb(None, use_overlay=False, use_cache=False)


@pytest.fixture(scope="module")
def passages() -> list[dict[str, Any]]:
    return load()


@pytest.fixture(scope="module")
def scores(shipped: KnowledgeBase) -> dict[str, Scores]:
    measured = {split: measure(shipped, split) for split in ("dev", "held-out")}
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


def test_labels_use_knowledge_base_ids_and_quote_the_passage(passages, shipped):
    ingredients = set(shipped.ingredient_ids()) | {"unknown"}
    effects = {e.id for e in shipped.effects()}
    ids = [p["id"] for p in passages]
    assert len(ids) == len(set(ids))
    for p in passages:
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


def test_held_out_flags_meet_the_goal(scores):
    held = scores["held-out"]
    assert held.flags.precision >= GOAL_PRECISION and held.flags.recall >= GOAL_RECALL, report("held-out", held)


def test_held_out_pair_recall_meets_the_goal(scores):
    held = scores["held-out"]
    assert held.pairs.recall >= GOAL_RECALL, report("held-out", held)


# Held-out pair precision is short of issue 14's 90% goal: 84.3% (70 of 83) when development on dev was
# done, 85.4% (70 of 82) after three phrases quoted in the issue itself were added; never tuned on
# held-out. The test keeps it from falling; raise HELD_OUT_PRECISION_FLOOR to GOAL_PRECISION when a change
# developed on dev lifts it (README and the issue note say the goal is not met).
HELD_OUT_PRECISION_FLOOR = 0.85


def test_held_out_pair_precision_does_not_fall_below_where_it_stands(scores):
    held = scores["held-out"]
    assert held.pairs.precision >= HELD_OUT_PRECISION_FLOOR, report("held-out", held)


def test_compared_injections_and_ingredients_are_kept_as_comparisons(scores):
    for split in ("dev", "held-out"):
        s = scores[split]
        assert s.comparisons_right / s.comparisons >= 0.7, report(split, s)
