"""The probe lists (tests/data/probes, tests/probes.py): how much everyday wording `check` reads. Floors
sit a little below the rates measured when they were written (README, "Probe lists"); a change that reads
less of them fails here."""

from __future__ import annotations

import pytest
from probes import effects, flags, pairs

from skincli.kb.store import KnowledgeBase, open_kb


@pytest.fixture(scope="module")
def shipped() -> KnowledgeBase:
    return open_kb(None, use_overlay=False, use_cache=False)


def test_effect_wordings_in_english(shipped):
    rate = effects(shipped, "en")
    assert rate.total >= 250 and rate.rate >= 0.85, rate.misses


def test_effect_wordings_in_german(shipped):
    rate = effects(shipped, "de")
    assert rate.total >= 90 and rate.rate >= 0.93, rate.misses


def test_marketing_pattern_wordings(shipped):
    rate = flags(shipped)
    assert rate.total >= 180 and rate.rate >= 0.95, rate.misses


def test_pairing_sentences(shipped):
    recall, precision = pairs(shipped)
    assert recall.total >= 100 and recall.rate >= 0.92 and precision.rate >= 0.92, recall.misses


def test_marketing_pattern_wordings_of_the_second_list(shipped):
    """flags-2.txt: the part tuned on, and the third held back (its rate when written: 67.5%; 75.6% after
    session 6, 79.7% after session 8)."""
    tuned = flags(shipped, "flags-2.txt", "tuned")
    held = flags(shipped, "flags-2.txt", "held")
    assert tuned.total >= 200 and tuned.rate >= 0.95, tuned.misses
    assert held.total >= 100 and held.rate >= 0.77, held.misses


def test_effect_wordings_of_the_second_lists(shipped):
    """effects-2-en/-de.txt (session 6): rates when written, tuned part / held-back third: English
    72.9% -> 93.2% / 79.7% -> 80.5%, German 80.0% -> 97.4% / 71.9% -> 71.9%."""
    for language, tuned_floor, held_floor in (("en", 0.91, 0.78), ("de", 0.95, 0.70)):
        tuned = effects(shipped, language, f"effects-2-{language}.txt", "tuned")
        held = effects(shipped, language, f"effects-2-{language}.txt", "held")
        assert tuned.total >= 100 and tuned.rate >= tuned_floor, tuned.misses
        assert held.total >= 50 and held.rate >= held_floor, (language, held.rate)


def test_pairing_sentences_of_the_second_list(shipped):
    """pairs-2.txt (session 6): who a claim belongs to, in ten situations. Recall and precision when
    written, tuned part 74.1%/82.7% -> 78.7%/83.5%, held-back third 81.0%/93.1% -> 82.0%/93.2%."""
    recall, precision = pairs(shipped, "pairs-2.txt", "tuned")
    assert recall.total >= 150 and recall.rate >= 0.76 and precision.rate >= 0.81, recall.misses
    recall, precision = pairs(shipped, "pairs-2.txt", "held")
    assert recall.total >= 80 and recall.rate >= 0.80 and precision.rate >= 0.91, (recall.rate, precision.rate)


def test_the_third_lists_of_session_8(shipped):
    """effects-3-en/-de, flags-3 and pairs-3 (session 8), written by helpers who never saw the checker; lines
    sharing five words in a row with a held-out advert set were dropped. Rates when written -> after the
    session's wordings, tuned part / held-back third: effects-3-en 81.0% -> 95.3% / 80.0% -> 82.2%,
    effects-3-de 78.8% -> 96.1% / 76.6% -> 78.2%, flags-3 83.5% -> 96.5% / 84.3% -> 84.3%, pairs-3 recall
    and precision 83.7%/86.3% -> 91.1%/93.9% / 88.8%/95.0% -> 92.5%/98.0%."""
    for language, tuned_floor, held_floor in (("en", 0.95, 0.80), ("de", 0.95, 0.76)):
        tuned = effects(shipped, language, f"effects-3-{language}.txt", "tuned")
        held = effects(shipped, language, f"effects-3-{language}.txt", "held")
        assert tuned.total >= 400 and tuned.rate >= tuned_floor, tuned.misses
        assert held.total >= 150 and held.rate >= held_floor, (language, held.rate)
    tuned = flags(shipped, "flags-3.txt", "tuned")
    held = flags(shipped, "flags-3.txt", "held")
    assert tuned.total >= 250 and tuned.rate >= 0.94, tuned.misses
    assert held.total >= 120 and held.rate >= 0.82, held.rate
    recall, precision = pairs(shipped, "pairs-3.txt", "tuned")
    assert recall.total >= 180 and recall.rate >= 0.89 and precision.rate >= 0.92, recall.misses
    recall, precision = pairs(shipped, "pairs-3.txt", "held")
    assert recall.total >= 90 and recall.rate >= 0.91 and precision.rate >= 0.96, (recall.rate, precision.rate)
