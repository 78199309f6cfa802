"""`skincli check`: ingredient and effect matching, pairing, negation, grading, marketing flags, the
renderers and the CLI; then real passages from the seed article against the shipped knowledge base.

Expected levels are always looked up from the knowledge base in use, never written down here, so the
tests follow the data; what they pin is which ingredient, which effect and which claim is reported.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

import pytest
from conftest import MINI
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skincli.claims import phrases
from skincli.claims.check import CheckReport, Lexicon, check_text, effect_lexicon
from skincli.kb.store import KnowledgeBase, build_tables, open_kb
from skincli.render import check as render_check

# A small knowledge base for the matching rules mini.yaml cannot show: nested names ("hyaluronic acid
# filler" / "hyaluronic acid"), plurals, a capitals-only abbreviation, a word that is both an
# ingredient and an effect ("collagen"), and two claims for one pair.
MATCHING_KB = """
format: 1
sources:
  - {id: trial, kind: study, title: "A trial", authors: ["Doe J"], year: 2020, journal: "J Skin", volume: "3", pages: "4-5"}
  - {id: advert, kind: article, title: "An advert", publisher: "Shop"}
experts:
  - {id: dr-x, name: "Dr. X", source: advert}
effects:
  - {id: wrinkles, name: "Wrinkles", description: "Lines"}
  - {id: hydration, name: "Hydration", description: "Water"}
  - {id: plumping, name: "Plumping", description: "Filling"}
  - {id: collagen, name: "Collagen", description: "Collagen production"}
  - {id: misc, name: "Miscellany", description: "A claim on record, so the entry can be a claim's subject"}
ingredients:
  - id: hyaluronic-acid
    name: "Hyaluronic acid"
    aliases: ["Hyaluronsäure", "HA"]
    inci: ["SODIUM HYALURONATE"]
    kind: ingredient
    category: humectant
    summary: "A humectant."
    claims:
      - {effect: hydration, statement: "HA hydrates (expert).", claimed_by: dr-x, evidence: {level: 1, rationale: "Said so"}}
      - {effect: hydration, statement: "HA hydrates (trial).", claimed_by: trial, sources: [trial],
         evidence: {level: 3, rationale: "Small trial"}}
    opinions:
      - {expert: dr-x, stance: endorses, quote: "HA is fine.", source: advert}
  - id: hyaluronic-acid-filler
    name: "Hyaluronic acid filler"
    aliases: ["filler"]
    kind: procedure
    category: injectable
    summary: "An injection."
    claims:
      - {effect: plumping, statement: "Fillers plump.", claimed_by: trial, evidence: {level: 5, rationale: "RCTs"}}
  - {id: niacinamide, name: "Niacinamide", kind: ingredient, category: vitamin, summary: "B3.",
     claims: [{effect: misc, statement: "On record.", claimed_by: advert, evidence: {level: 1, rationale: "Said so"}}]}
  - {id: exosomes, name: "Exosome", kind: ingredient, category: vesicle, summary: "Vesicles.",
     claims: [{effect: misc, statement: "On record.", claimed_by: advert, evidence: {level: 1, rationale: "Said so"}}]}
  - {id: peptides, name: "Peptides", kind: ingredient, category: peptide, summary: "Chains.",
     claims: [{effect: misc, statement: "On record.", claimed_by: advert, evidence: {level: 1, rationale: "Said so"}}]}
  - {id: collagen, name: "Collagen", kind: ingredient, category: protein, summary: "A protein.",
     claims: [{effect: misc, statement: "On record.", claimed_by: advert, evidence: {level: 1, rationale: "Said so"}}]}
  - {id: retinol, name: "Retinol", aliases: ["Vitamin A"], kind: ingredient, category: retinoid, summary: "A retinoid.",
     claims: [{effect: misc, statement: "On record.", claimed_by: advert, evidence: {level: 1, rationale: "Said so"}}]}
  - {id: vitamin-c, name: "Vitamin C", kind: ingredient, category: vitamin, summary: "Ascorbic acid.",
     claims: [{effect: misc, statement: "On record.", claimed_by: advert, evidence: {level: 1, rationale: "Said so"}}]}
"""


@pytest.fixture(scope="module")
def mini() -> KnowledgeBase:
    return open_kb(str(MINI), use_overlay=False, use_cache=False)


@pytest.fixture(scope="module")
def matching(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    path = tmp_path_factory.mktemp("kb") / "matching.yaml"
    path.write_text(MATCHING_KB, encoding="utf-8")
    return open_kb(str(path), use_overlay=False, use_cache=False)


@pytest.fixture(scope="module")
def shipped() -> KnowledgeBase:
    return open_kb(None, use_overlay=False, use_cache=False)


# ---- helpers -----------------------------------------------------------------------------------------
def assert_offsets(text: str, view: dict[str, Any]) -> None:
    """Every span in the report indexes the original text exactly."""
    spans = [f["mention"] for f in view["findings"]]
    spans += [f[k] for f in view["findings"] for k in ("effect_phrase", "negation") if f[k] is not None]
    spans += view["flags"] + view["mentions"] + view["effects"]
    for span in spans:
        assert text[span["start"] : span["end"]] == span["text"], span


def run(text: str, kb: KnowledgeBase) -> dict[str, Any]:
    view = check_text(text, kb).to_dict()
    assert_offsets(text, view)
    assert [f["n"] for f in view["findings"]] == list(range(1, len(view["findings"]) + 1))
    assert [g["n"] for g in view["flags"]] == list(range(1, len(view["flags"]) + 1))
    json.dumps(view)  # JSON-ready
    return view


def pairs(view: dict[str, Any], *, negated: bool | None = False) -> set[tuple[str, str]]:
    return {
        (f["ingredient"]["id"], f["effect"])
        for f in view["findings"]
        if f["effect"] is not None and (negated is None or f["negated"] == negated)
    }


def finding(view: dict[str, Any], ingredient: str, effect: str | None) -> dict[str, Any]:
    found = [f for f in view["findings"] if f["ingredient"]["id"] == ingredient and f["effect"] == effect]
    assert len(found) == 1, (ingredient, effect, [(f["ingredient"]["id"], f["effect"]) for f in view["findings"]])
    return found[0]


def mentioned(view: dict[str, Any]) -> set[str]:
    return {m["ingredient"]["id"] for m in view["mentions"]}


def effects_found(text: str, kb: KnowledgeBase) -> list[tuple[str, str]]:
    return [(e["text"], e["effect"]) for e in run(text, kb)["effects"]]


# ---- ingredient names ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "written",
    [
        "Alphaol",
        "ALPHAOL",
        "alphaol",
        "Vitamin Alpha",
        "vitamin-alpha",
        "Vitamin\nAlpha",
        "Alphasäure",
        "Alphasaeure",
        "Alphasaure",
        "ALPHASÄURE",
        "Alpha\u00adsäure",
        unicodedata.normalize("NFD", "Alphasäure"),
        "Alphaols",
    ],
)
def test_names_aliases_and_spelling_variants_are_found(mini, written):
    text = f"Our new {written} serum."
    view = run(text, mini)
    assert [(m["ingredient"]["id"], m["text"]) for m in view["mentions"]] == [("alpha", written)]


@pytest.mark.parametrize(
    "text",
    [
        "Alphaolate is not an ingredient.",
        "An alphaolic acid.",
        "Alpha ol is two words.",
        "Vitaminalpha, no space.",
        "Prealphaol.",
    ],
)
def test_names_match_whole_words_only(mini, text):
    assert run(text, mini)["mentions"] == []


def test_a_name_before_a_hyphenated_word_is_found(mini):
    view = run("Das Alphaol-Serum und das ALPHAOL-haltige Fluid.", mini)
    assert [m["text"] for m in view["mentions"]] == ["Alphaol", "ALPHAOL"]


def test_longest_name_wins(matching):
    view = run("A hyaluronic acid filler, then hyaluronic-acid serum and a Hyaluronsäure-Filler-free cream.", matching)
    assert [(m["ingredient"]["id"], m["text"]) for m in view["mentions"]] == [
        ("hyaluronic-acid-filler", "hyaluronic acid filler"),
        ("hyaluronic-acid", "hyaluronic-acid"),
        ("hyaluronic-acid", "Hyaluronsäure"),
        ("hyaluronic-acid-filler", "Filler"),
    ]


def test_a_space_never_stands_where_a_name_has_none(matching):
    view = run("Niacin amide and niacinamide and Niacin-amide.", matching)
    assert [m["text"] for m in view["mentions"]] == ["niacinamide", "Niacin-amide"]


def test_plurals_and_singulars(matching):
    view = run("Exosomes and one exosome; peptides and a peptide.", matching)
    assert [(m["ingredient"]["id"], m["text"]) for m in view["mentions"]] == [
        ("exosomes", "Exosomes"),
        ("exosomes", "exosome"),
        ("peptides", "peptides"),
        ("peptides", "peptide"),
    ]


def test_short_abbreviations_match_in_capitals_only(matching):
    view = run("She has HA. Ha! A serum with HAs, ha.", matching)
    assert [m["text"] for m in view["mentions"]] == ["HA", "HAs"]


def test_a_word_that_is_ingredient_and_effect_is_the_effect_next_to_another_ingredient(matching):
    with_other = run("Retinol boosts collagen.", matching)
    assert pairs(with_other) == {("retinol", "collagen")}
    assert mentioned(with_other) == {"retinol"}
    alone = run("Collagen for plumping.", matching)
    assert pairs(alone) == {("collagen", "plumping")}


def test_ingredient_lexicon_scales_to_ten_thousand_ingredients():
    """Built once per knowledge base; a scan costs dictionary look-ups per word, not per name."""
    ingredients = [
        {
            "id": f"ing-{n}",
            "name": f"Substance {n}",
            "aliases": [f"subst{n}ol"],
            "kind": "ingredient",
            "category": "test",
            "summary": "s",
            "claims": [
                {"effect": "wrinkles", "statement": "s", "claimed_by": "src", "evidence": {"level": n % 6, "rationale": "r"}}
            ],
        }
        for n in range(10_000)
    ]
    data = {
        "sources": [{"id": "src", "kind": "study", "title": "t"}],
        "experts": [],
        "effects": [{"id": "wrinkles", "name": "Wrinkles", "description": "d"}],
        "ingredients": ingredients,
    }
    header, tables = build_tables(data)
    kb = KnowledgeBase(header, lambda table, rid: tables[table].get(rid), "synthetic")
    text = "Filler words here. Subst9999ol and Substance 4321 reduce wrinkles. " * 200
    view = run(text, kb)
    assert pairs(view) == {("ing-9999", "wrinkles"), ("ing-4321", "wrinkles")}
    assert len(view["findings"]) == 400
    assert finding_level(view, "ing-9999") == 9999 % 6


def finding_level(view: dict[str, Any], ingredient: str) -> int | None:
    return next(f["level"] for f in view["findings"] if f["ingredient"]["id"] == ingredient)


# ---- effect phrases -----------------------------------------------------------------------------------
BRIEF_EXAMPLES = [
    ("wrinkles", "wrinkles"),
    ("fine lines", "wrinkles"),
    ("Falten", "wrinkles"),
    ("Faltentiefe", "wrinkles"),
    ("collagen", "collagen"),
    ("Kollagen", "collagen"),
    ("plumping", "plumping"),
    ("aufpolstern", "plumping"),
    ("brightening", "radiance"),  # brightness is the complexion's glow (radiance); spots are hyperpigmentation
    ("dark spots", "hyperpigmentation"),
    ("Pigmentflecken", "hyperpigmentation"),
    ("anti-inflammatory", "inflammation"),
    ("entzündungshemmend", "inflammation"),
    ("entzuendungshemmend", "inflammation"),
    ("hair growth", "hair-growth"),
    ("Haarwachstum", "hair-growth"),
    ("free radicals", "antioxidant"),
    ("freie Radikale", "antioxidant"),
    ("moisture", "hydration"),
    ("Feuchtigkeit", "hydration"),
    ("regenerates", "regeneration"),
    ("regeneriert", "regeneration"),
    ("anti-aging", "skin-ageing"),
    ("Anti-Aging", "skin-ageing"),
    ("antiaging", "skin-ageing"),
    ("blemishes", "acne"),
    ("Unreinheiten", "acne"),
    ("irritated skin", "soothing"),
    ("irritation", "irritation"),
    ("side effects", "tolerability"),
    ("Akne-Narben", "scars"),
    ("sun damage", "photodamage"),
]


@pytest.mark.parametrize(("phrase", "effect"), BRIEF_EXAMPLES)
def test_effect_phrases_english_and_german(mini, phrase, effect):
    assert effects_found(f"Alphaol: {phrase}.", mini) == [(phrase, effect)]


@pytest.mark.parametrize("text", ["Unwrinkled cotton.", "Die Firma straft nicht.", "Healthy food.", "Wunderbar, wonderful!"])
def test_effect_phrases_and_flags_match_whole_words(mini, text):
    view = run(text, mini)
    assert view["effects"] == [] and view["flags"] == []


def test_vocabulary_covers_known_effects_in_both_languages(shipped):
    known = {e.id for e in shipped.effects()}
    assert set(phrases.EFFECT_PHRASES) == known  # every effect of the knowledge base can be recognised
    for effect, by_lang in phrases.EFFECT_PHRASES.items():
        assert set(by_lang) == {"en", "de"} and all(by_lang.values()), effect
    counts = phrases.phrase_count()
    assert counts["en"] >= 150 and counts["de"] >= 100


def test_no_phrase_is_listed_twice():
    spellings = [
        (tuple(keys), p.endswith("*"))
        for by_lang in phrases.EFFECT_PHRASES.values()
        for ps in by_lang.values()
        for p in ps
        for keys, _hard, _raw in Lexicon.spellings(p.rstrip("*"))[:1]
    ]
    duplicates = {s for s in spellings if spellings.count(s) > 1}
    assert not duplicates
    assert len(effect_lexicon()) >= len(spellings)


# ---- pairing ----------------------------------------------------------------------------------------------
def test_effect_pairs_with_the_nearest_ingredient_named_before_it(mini):
    view = run("Alphaol reduces wrinkles, while Betaine Test fights free radicals.", mini)
    assert pairs(view) == {("alpha", "wrinkles"), ("beta", "antioxidant")}


def test_effect_before_any_ingredient_pairs_with_the_one_after(mini):
    assert pairs(run("For fewer wrinkles: Alphaol.", mini)) == {("alpha", "wrinkles")}


def test_ingredients_named_together_share_the_effect(mini):
    view = run("Alphaol and Betaine Test reduce wrinkles.", mini)
    assert pairs(view) == {("alpha", "wrinkles"), ("beta", "wrinkles")}


def test_a_sentence_referring_back_continues_the_previous_ingredient(mini):
    view = run("Meet Alphaol. It hydrates and reduces wrinkles.", mini)
    assert pairs(view) == {("alpha", "hydration"), ("alpha", "wrinkles")}
    assert {f["attribution"] for f in view["findings"]} == {"previous-sentence"}
    german = run("Neu: Alphasäure. Außerdem spendet Feuchtigkeit.", mini)
    assert pairs(german) == {("alpha", "hydration")}


def test_a_list_under_an_ingredient_continues_it(mini):
    view = run("Serum with Alphaol:\n- smooths wrinkles\n- deep moisture", mini)
    assert pairs(view) == {("alpha", "wrinkles"), ("alpha", "hydration")}


@pytest.mark.parametrize(
    "text",
    [
        "Meet Alphaol.\n\nHydrates skin.",  # a blank line ends the paragraph (unless "it" opens the next)
        "Meet Alphaol. As we age, skin loses its ability to hydrate.",  # background: claims nothing for Alphaol
        "Meet Alphaol. Collagen is a protein that keeps skin hydrated.",  # a definition: background too
    ],
)
def test_an_effect_without_a_known_ingredient_is_not_paired(mini, text):
    view = run(text, mini)
    assert pairs(view) == set()
    assert "hydration" in [e["effect"] for e in view["effects"] if not e["attributed"]]
    assert finding(view, "alpha", None)["verdict"] == "mentioned, no claim made"


@pytest.mark.parametrize(
    "text",
    [
        "Meet Alphaol. The bottle is blue. It hydrates.",  # a sentence naming nothing keeps the subject
        "Meet Alphaol. The bottle is blue. Hydrates!",  # ... and so does a claim with no other subject
        "Meet Alphaol. After two weeks, skin feels hydrated.",
    ],
)
def test_the_paragraph_keeps_its_ingredient_until_something_else_is_named(mini, text):
    view = run(text, mini)
    assert pairs(view) == {("alpha", "hydration")}
    assert finding(view, "alpha", "hydration")["attribution"] == "previous-sentence"


@pytest.mark.parametrize(
    ("text", "compared"),
    [
        ("Betaine Test fights free radicals better than Alphaol.", "Alphaol"),
        ("Betaine Test fights free radicals 20 times better than that of vitamin alpha.", "vitamin alpha"),
        ("Betaine Test, eine Alternative zu Alphasäure, gegen freie Radikale.", "Alphasäure"),
        ("Betaine Test has an Alphaol-like effect against free radicals.", "Alphaol"),
        ("Betaine Test fights free radicals without the irritation that Alphaol brings.", "Alphaol"),
        ("Betaine Test, different from Alphaol, fights free radicals.", "Alphaol"),
    ],
)
def test_an_ingredient_named_as_a_comparison_is_not_paired(mini, text, compared):
    view = run(text, mini)
    assert pairs(view) == {("beta", "antioxidant")}
    alpha = finding(view, "alpha", None)
    assert alpha["mention"]["text"] == compared
    assert alpha["mention_role"] == "comparison"


# ---- negation ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "effect", "cue"),
    [
        ("Alphaol does not irritate.", "irritation", "not"),
        ("Alphaol doesn't hydrate.", "hydration", "doesn't"),
        ("Alphaol hydrates without irritation.", "irritation", "without"),
        ("Alphaol: no wrinkles?", "wrinkles", "no"),
        ("Alphasäure ist nicht reizend.", "irritation", "nicht"),
        ("Alphasäure: keine Falten.", "wrinkles", "keine"),
        ("Alphasäure pflegt ohne Reizungen.", "irritation", "ohne"),
        ("Alphaol is free from irritation.", "irritation", "free from"),
        ("Alphasäure reizt die Haut nicht.", "irritation", "nicht"),
        ("Alphaol is non-irritating.", "irritation", "non"),
    ],
)
def test_negated_effects_are_reported_and_flagged(mini, text, effect, cue):
    view = run(text, mini)
    f = finding(view, "alpha", effect)
    assert f["negated"] is True
    assert f["negation"]["text"] == cue
    assert view["summary"]["negated"] == 1


@pytest.mark.parametrize(
    ("text", "effect"),
    [
        ("Alphaol: no more wrinkles!", "wrinkles"),
        ("Alphasäure: keine Falten mehr!", "wrinkles"),
        ("Alphaol not only hydrates, it smooths.", "hydration"),
        ("Alphaol is well tolerated.", "tolerability"),
        ("Alphaol is non-invasive and gentle.", "tolerability"),
        ("Alphaol hydrates. No, really.", "hydration"),
        ("Alphasäure glättet nicht nur Falten.", "wrinkles"),
    ],
)
def test_not_negated(mini, text, effect):
    assert finding(run(text, mini), "alpha", effect)["negated"] is False


# ---- grading --------------------------------------------------------------------------------------------
def test_a_pair_carries_the_knowledge_base_claims_best_first(matching):
    view = run("Hyaluronic acid hydrates.", matching)
    f = finding(view, "hyaluronic-acid", "hydration")
    ingredient = matching.ingredient("hyaluronic-acid")
    assert f["level"] == ingredient.best_level("hydration")
    assert [c["statement"] for c in f["claims"]] == [
        c.statement for c in sorted((c for c in ingredient.claims if c.effect == "hydration"), key=lambda c: -c.level)
    ]
    assert f["claims"][0]["claimed_by"] == {"id": "trial", "name": "Doe J 2020, J Skin 3:4-5", "type": "source"}
    assert f["claims"][1]["claimed_by"]["type"] == "expert"
    assert f["opinions"] == [
        {"expert": {"id": "dr-x", "name": "Dr. X"}, "stance": "endorses", "quote": "HA is fine.", "source": "advert"}
    ]
    assert [s["id"] for s in f["sources"]] == ["trial", "advert"]
    assert f["label"] == "preliminary" and f["verdict"] == f"{f['level']} preliminary"


def test_a_pair_without_a_claim_is_reported_as_no_evidence(mini):
    view = run("Betaine Test hydrates.", mini)
    f = finding(view, "beta", "hydration")
    assert (f["level"], f["label"], f["verdict"], f["claims"]) == (None, "none", "no evidence on record", [])
    assert view["summary"]["no_evidence"] == 1


def test_mentioned_without_an_effect_is_listed(mini):
    view = run("We blend Alphaol and Betaine Test.", mini)
    assert [(f["ingredient"]["id"], f["effect"], f["verdict"]) for f in view["findings"]] == [
        ("alpha", None, "mentioned, no claim made"),
        ("beta", None, "mentioned, no claim made"),
    ]
    assert view["summary"]["mentioned_only"] == 2


def test_the_example_sentence(mini):
    text = "Our Alphaol serum reduces wrinkles like a facelift, with Betaine Test 6000 times stronger than vitamin C."
    view = run(text, mini)
    alpha = finding(view, "alpha", "wrinkles")
    assert alpha["level"] == mini.ingredient("alpha").best_level("wrinkles")
    assert (alpha["mention"]["text"], alpha["effect_phrase"]["text"]) == ("Alphaol", "wrinkles")
    assert finding(view, "beta", None)["mention"]["text"] == "Betaine Test"
    assert [(g["kind"], g["text"]) for g in view["flags"]] == [
        ("injection-comparison", "like a facelift"),
        ("numeric-superlative", "6000 times stronger"),
        ("comparison", "stronger than"),  # a bare multiple and a comparison with vitamin C at once
    ]
    linked = view["flags"][1]["claim"]
    zero = next(c for c in mini.ingredient("beta").claims if "6000" in c.statement)
    assert linked["ingredient"]["id"] == "beta" and linked["statement"] == zero.statement
    assert linked["evidence"]["level"] == zero.level
    assert view["flags"][0]["claim"] is None


# ---- marketing patterns -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "kind", "flagged"),
    [
        ("It is 6000x stronger.", "numeric-superlative", "6000x stronger"),
        ("The base is oil free.", "free-from", "oil free"),
        ("According to studies, it works.", "clinically-proven", "According to studies"),
        ("Gefahrlos.", "no-side-effects", "Gefahrlos"),
        ("Naturrein.", "natural", "Naturrein"),
        ("Twice as powerful.", "numeric-superlative", "Twice as powerful"),
        ("Ophthalmologically tested.", "dermatologically-tested", "Ophthalmologically tested"),
        ("Dermatologically proven.", "clinically-proven", "Dermatologically proven"),
        ("Results after the first use.", "speed", "after the first use"),
        ("Ab der ersten Anwendung.", "speed", "Ab der ersten Anwendung"),
        ("Retinols are weaker versions of retinoids.", "comparison", "weaker versions of"),
        ("Daher ist Retinal der potentere Wirkstoff.", "comparison", "der potentere Wirkstoff"),
        ("Look for a milder product.", "comparison", "a milder product"),
        ("Physical scrubs can't do this.", "comparison", "can't do this"),
        ("It hydrates, which many other products don't offer.", "comparison", "other products don't"),
        ("Ölfreie Formel.", "free-from", "Ölfreie"),
        ("It is free of hydroquinone, retinols, and parabens.", "free-from", "free of hydroquinone, retinols, and parabens"),
        ("Hier ist kein Parfum drin.", "free-from", "kein Parfum"),
        ("SPF 30 blocks about 97% of UVB rays.", "percentage", "blocks about 97%"),
        ("Users saw a 30 per cent overall improvement.", "percentage", "30 per cent overall improvement"),
        ("LED light penetrates 150-200% more efficiently.", "percentage", "150-200% more"),
        ("Smooth skin without the typical drawbacks.", "no-side-effects", "without the typical drawbacks"),
        ("It is 6,000 times more potent.", "numeric-superlative", "6,000 times more"),
        ("A 10-fold boost.", "numeric-superlative", "10-fold"),
        ("Sie ist 6000-mal stärker.", "numeric-superlative", "6000-mal stärker"),
        ("Zehnfach wirksam.", "numeric-superlative", "Zehnfach"),
        ("A botox-like effect.", "injection-comparison", "botox-like"),
        ("Works like Botox.", "injection-comparison", "like Botox"),
        ("Plumps like a filler.", "injection-comparison", "like a filler"),
        ("The filler effect.", "injection-comparison", "filler effect"),
        ("A facelift in a jar.", "injection-comparison", "facelift in a jar"),
        ("Der Botox-Effekt aus der Tube.", "injection-comparison", "Botox-Effekt"),
        ("Glättet wie Botox.", "injection-comparison", "wie Botox"),
        ("Clinically proven.", "clinically-proven", "Clinically proven"),
        ("Klinisch bewiesen!", "clinically-proven", "Klinisch bewiesen"),
        ("Klinisch getestet.", "clinically-proven", "Klinisch getestet"),
        ("Dermatologically tested.", "dermatologically-tested", "Dermatologically tested"),
        ("No side effects.", "no-side-effects", "No side effects"),
        ("Keine Nebenwirkungen.", "no-side-effects", "Keine Nebenwirkungen"),
        ("The miracle serum.", "miracle", "miracle"),
        ("Die Wundercreme.", "miracle", "Wundercreme"),
        ("100% natural.", "natural", "100% natural"),
    ],
)
def test_marketing_patterns_are_flagged(mini, text, kind, flagged):
    view = run(text, mini)
    assert [(g["kind"], g["text"]) for g in view["flags"]] == [(kind, flagged)]
    assert view["flags"][0]["explanation"] == phrases.FLAGS[kind]["explanation"]


@pytest.mark.parametrize(
    "text",
    [
        "Apply 2 times a day.",
        "Zweimal täglich auftragen.",
        "Kein Wunder, dass sie es mag.",
        "Not clinically proven.",
        "Up to 3 times per week.",
        "A filler word.",
    ],
)
def test_ordinary_wording_is_not_flagged(mini, text):
    assert run(text, mini)["flags"] == []


def test_clinically_proven_says_no_study_is_cited_unless_one_is(mini):
    bare = run("Clinically proven to hydrate.", mini)["flags"][0]["explanation"]
    cited = run("Clinically proven (Smith et al. 2020, doi:10.1000/x).", mini)["flags"][0]["explanation"]
    assert "No study is cited" in bare
    assert "No study is cited" not in cited and "cites a study" in cited


def test_a_numeric_flag_links_only_the_zero_level_claim_with_the_same_number(mini):
    assert run("Betaine Test: 6.000-mal stärker!", mini)["flags"][0]["claim"]["ingredient"]["id"] == "beta"
    assert run("Betaine Test: 5000 times stronger!", mini)["flags"][0]["claim"] is None
    assert run("6000 times stronger. Betaine Test.", mini)["flags"][0]["claim"] is None  # not in the same sentence


# ---- offsets and robustness -------------------------------------------------------------------------------
def test_offsets_index_the_original_text(mini):
    text = (
        "\ufeff🧴 Neu!\r\nUnser ALPHAOL\u00ad-Serum (Vitamin\u00a0Alpha) glättet Fältchen – 6000-mal stärker als "
        "Betaine Test.\r\n\r\nIt doesn't irritate; wie Botox!"
    )
    view = run(text, mini)
    assert {m["text"] for m in view["mentions"]} == {"ALPHAOL", "Vitamin\u00a0Alpha", "Betaine Test"}
    assert ("alpha", "wrinkles") in pairs(view)
    # "stärker als Betaine Test": a serum set against a procedure (the mini base's Betaine Test) is an
    # injection comparison, as "wie Botox" is
    assert [g["kind"] for g in view["flags"]].count("injection-comparison") == 2
    assert {g["kind"] for g in view["flags"]} == {"numeric-superlative", "injection-comparison"}


_FRAGMENTS = [
    "Alphaol",
    "ALPHAOL",
    "Vitamin-Alpha",
    "Alphasäure",
    "Betaine Test",
    "wrinkles",
    "hydrates",
    "does not",
    "keine",
    "free radicals",
    "6000x stronger",
    "like Botox",
    "It",
    "than",
    "Dr.",
    "e.V.",
    "Falten",
    "-",
    "\u00ad",
    " ",
    ", ",
    ". ",
    "\n",
    "\n\n",
    "\r\n",
    "- ",
    "“",
    "”",
    "[bold]",
    "\x1b[31m",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=6)), max_size=25))
def test_any_text_gives_exact_offsets_and_renders(mini, parts):
    text = "".join(parts)
    view = run(text, mini)
    plain = render_check.text(view, 60)
    assert "\x1b" not in plain


# ---- rendering and the CLI ------------------------------------------------------------------------------
def test_plain_text_marks_findings_and_flags(mini):
    view = run("Our Alphaol serum reduces wrinkles like a facelift, with Betaine Test.", mini)
    out = render_check.text(view, 120)
    assert "Alphaol⟨1⟩ serum reduces wrinkles⟨1⟩ like a facelift⟨!1⟩, with Betaine Test⟨2⟩." in out
    assert "  1  [4 supported] Alphaol → Wrinkles" in out
    assert "  2  Betaine Test — mentioned, no claim made" in out
    assert "!1   compared with an injection or surgery: “like a facelift”" in out
    assert "claimed by Smith J et al. 2007, J Test 1:2-3" in out
    assert "\x1b[" not in out
    negated = render_check.text(run("Alphaol doesn't hydrate.", mini), 120)
    assert "  1  [1 opinion] Alphaol → Hydration (negated)" in negated
    assert "negated (“doesn't”)" in negated


def test_plain_text_defangs_control_characters(mini):
    out = render_check.text(run("Alphaol \x1b[31mred\x1b[0m hydrates.", mini), 80)
    assert "\x1b" not in out and "\\x1b[31mred" in out


def test_rich_shows_markup_in_the_input_literally(mini):
    from rich.console import Console

    view = run("Alphaol [bold]hydrates[/bold] like Botox.", mini)
    console = Console(record=True, width=100, color_system=None)
    console.print(render_check.rich(view))
    shown = console.export_text()
    assert "[bold]hydrates⟨1⟩[/bold]" in shown
    assert "Dr. Test Person" in shown and "like Botox" in shown


def test_cli_text_json_stdin_and_file(cli, tmp_path, mini):
    text = "Alphasäure reduziert Falten, klinisch bewiesen."
    plain = cli("check", text, "--kb", str(MINI))
    assert plain.exit_code == 0, plain.output
    assert "Alphasäure⟨1⟩ reduziert Falten⟨1⟩, klinisch bewiesen⟨!1⟩." in plain.stdout
    view = cli.json("check", text, "--json", "--kb", str(MINI))
    assert view["schema_version"] == 2 and view["text"] == text
    assert [(f["ingredient"]["id"], f["effect"], f["level"]) for f in view["findings"]] == [
        ("alpha", "wrinkles", mini.ingredient("alpha").best_level("wrinkles"))
    ]
    assert_offsets(text, view)
    piped = cli("check", "-", "--json", "--kb", str(MINI), input=text)
    assert piped.exit_code == 0 and json.loads(piped.stdout) == view
    page = tmp_path / "page.txt"
    page.write_bytes(("\ufeff" + text).encode("utf-8"))
    from_file = cli("check", "--file", str(page), "--json", "--kb", str(MINI))
    assert from_file.exit_code == 0 and json.loads(from_file.stdout) == view


def test_cli_missing_file_and_bad_arguments(cli, tmp_path):
    missing = cli("check", "--file", str(tmp_path / "nope.txt"), "--kb", str(MINI))
    assert missing.exit_code == 1
    assert "nope.txt: no such file" in missing.stderr and missing.stdout == ""
    both = cli("check", "text", "--file", str(tmp_path / "x.txt"), "--kb", str(MINI))
    assert both.exit_code == 2
    empty = cli("check", "-", "--kb", str(MINI), input="")
    assert empty.exit_code == 0 and "Nothing to check" in empty.stdout


def test_cli_text_without_findings(cli):
    result = cli("check", "A plain sentence about the weather.", "--kb", str(MINI))
    assert result.exit_code == 0
    assert "No ingredient from the knowledge base and no marketing pattern found." in result.stdout


# ---- the seed article, against the shipped knowledge base ------------------------------------------------------
# Passages © MarieAge, 14 Aug 2024, Judith Cyriax (with Dr. med. Timm Golüke); quoted for testing.
ASTAXANTHIN = (
    "Astaxanthin Its antioxidant effect is 6000 times higher than that of vitamin C, making it particularly "
    "effective in combating free radicals."
)
RETINOL = (
    "Retinol significantly increases collagen and elastin synthesis, reduces UV-induced collagen damage, and "
    "measurably reduces wrinkle depth."
)
ACTIVES = (
    "Vitamin C, in turn, stimulates new collagen formation and reduces hyperpigmentation, niacinamide increases "
    "skin elasticity and reduces blemishes, peptides improve cell renewal."
)
HYALURONIC = (
    "Another high-performer in anti-aging cosmetics is hyaluronic acid , a moisture booster and reservoir in one, "
    "known for its plumping immediate effect."
)
GOLUEKE = (
    "Exosomes also take on important tasks in the skin, especially when it comes to maintaining skin health and "
    "function,” says Golüke.\nAnd further: “For example, they transmit anti-inflammatory signals, thereby reducing "
    "inflammations in the skin and help alleviate conditions such as psoriasis, acne, or eczema.”"
)
INJECTIONS = (
    "Active ingredients in beauty products can never achieve the same smoothing or plumping results as an "
    "injection with botulinum toxin or fillers."
)


def assert_graded_as_in_kb(view: dict[str, Any], kb: KnowledgeBase) -> None:
    """Each finding's level is the knowledge base's headline level for the ingredient as an advert uses
    it (on the skin, cosmetic strength), and stronger evidence from elsewhere is listed, labelled."""
    from skincli.kb.levels import headline, others, use_of

    for f in view["findings"]:
        if f["effect"] is not None:
            ingredient = kb.ingredient(f["ingredient"]["id"])
            use = use_of(ingredient, "topical" if "topical" in ingredient.use else None)
            best = headline(ingredient, use, [f["effect"]])
            assert f["level"] == (best.level if best else None), f
            stronger = [o for o in others(ingredient, use, [f["effect"]]) if o.level > (best.level if best else -1)]
            assert {(e["level"], e["route"]) for e in f["elsewhere"]} == {(o.level, o.route) for o in stronger}, f
            assert len(f["claims"]) == sum(1 for c in ingredient.claims if c.effect == f["effect"])


def test_article_astaxanthin_6000_times(shipped):
    view = run(ASTAXANTHIN, shipped)
    assert pairs(view) == {("astaxanthin", "antioxidant")}
    astaxanthin = shipped.ingredient("astaxanthin")
    f = finding(view, "astaxanthin", "antioxidant")
    assert_graded_as_in_kb(view, shipped)
    six_thousand = next(c for c in astaxanthin.claims if "6000" in c.statement and c.effect == "antioxidant")
    assert six_thousand.statement in [c["statement"] for c in f["claims"]]
    flag = view["flags"][0]
    assert (flag["kind"], flag["text"]) == ("numeric-superlative", "6000 times higher")
    assert flag["claim"]["statement"] == six_thousand.statement
    assert flag["claim"]["evidence"]["level"] == six_thousand.level == 0
    vitamin_c = finding(view, "vitamin-c", None)
    assert vitamin_c["mention_role"] == "comparison"


def test_article_retinol(shipped):
    view = run(RETINOL, shipped)
    assert {"retinol"} == {i for i, _e in pairs(view)}
    assert {("retinol", "collagen"), ("retinol", "elasticity"), ("retinol", "wrinkles")} <= pairs(view)
    assert finding(view, "retinol", "elasticity")["effect_phrase"]["text"] == "elastin"
    assert_graded_as_in_kb(view, shipped)


def test_article_vitamin_c_niacinamide_peptides(shipped):
    view = run(ACTIVES, shipped)
    assert pairs(view) == {
        ("vitamin-c", "collagen"),
        ("vitamin-c", "hyperpigmentation"),
        ("niacinamide", "elasticity"),
        ("niacinamide", "acne"),
        ("peptides", "cell-renewal"),
    }
    assert finding(view, "niacinamide", "acne")["effect_phrase"]["text"] == "blemishes"
    assert_graded_as_in_kb(view, shipped)


def test_article_hyaluronic_acid(shipped):
    view = run(HYALURONIC, shipped)
    assert {("hyaluronic-acid", "hydration"), ("hyaluronic-acid", "plumping")} <= pairs(view)
    assert {i for i, _e in pairs(view)} == {"hyaluronic-acid"}
    assert_graded_as_in_kb(view, shipped)


def test_article_goluekes_quote_continues_the_sentence_before(shipped):
    view = run(GOLUEKE, shipped)
    expected = {("exosomes", e) for e in ("inflammation", "psoriasis", "acne", "eczema")}
    assert pairs(view) == expected
    for _i, effect in expected:
        f = finding(view, "exosomes", effect)
        assert f["attribution"] == "previous-sentence"
        assert f["mention"]["text"] == "Exosomes"
        assert any(c["claimed_by"]["type"] == "expert" and "Golüke" in c["claimed_by"]["name"] for c in f["claims"])
    assert_graded_as_in_kb(view, shipped)


def test_article_injections_are_a_comparison_not_the_subject(shipped):
    """ "the same smoothing or plumping results as an injection with botulinum toxin or fillers": the
    injections are what creams are compared with, so neither gets the effects (issue 14)."""
    view = run(INJECTIONS, shipped)
    assert pairs(view) == set()
    roles = {m["ingredient"]["id"]: m["role"] for m in view["mentions"]}
    assert roles == {"botulinum-toxin": "comparison", "hyaluronic-acid-filler": "comparison"}
    assert [g["kind"] for g in view["flags"]] == ["injection-comparison"]
    assert {e["text"] for e in view["effects"] if not e["attributed"]} == {"smoothing", "plumping"}


# ---- marketing texts of our own, against the shipped knowledge base ------------------------------------------
def test_own_english_advert(shipped):
    text = "Our exosome serum regenerates skin like a facelift, with astaxanthin 6000 times stronger than vitamin C."
    view = run(text, shipped)
    assert pairs(view) == {("exosomes", "regeneration")}
    assert [f["ingredient"]["id"] for f in view["findings"] if f["effect"] is None] == ["astaxanthin", "vitamin-c"]
    assert [g["kind"] for g in view["flags"]] == ["injection-comparison", "numeric-superlative", "comparison"]
    assert "6000" in view["flags"][1]["claim"]["statement"]
    compares = view["flags"][2]["compares"]
    assert (compares["subject"]["id"], compares["with"]["id"]) == ("astaxanthin", "vitamin-c")
    assert_graded_as_in_kb(view, shipped)


def test_own_german_advert(shipped):
    text = (
        "Unser Serum mit Retinol glättet Falten und regt die Kollagenbildung an. Hyaluronsäure spendet Feuchtigkeit "
        "und polstert die Haut auf – wie ein Filler! Klinisch getestet, keine Nebenwirkungen. Niacinamid reizt nicht."
    )
    view = run(text, shipped)
    assert pairs(view) == {
        ("retinol", "wrinkles"),
        ("retinol", "collagen"),
        ("hyaluronic-acid", "hydration"),
        ("hyaluronic-acid", "plumping"),
    }
    # "keine Nebenwirkungen" denies side effects (tolerability) for the serum the paragraph is about
    assert pairs(view, negated=True) == {("hyaluronic-acid", "tolerability"), ("niacinamide", "irritation")}
    assert [(g["kind"], g["text"]) for g in view["flags"]] == [
        ("injection-comparison", "wie ein Filler"),
        ("clinically-proven", "Klinisch getestet"),
        ("no-side-effects", "keine Nebenwirkungen"),
    ]
    filler = [m for m in view["mentions"] if m["text"] == "Filler"]
    assert filler and filler[0]["role"] == "comparison"
    assert_graded_as_in_kb(view, shipped)


def test_report_is_a_frozen_value(mini):
    report = check_text("Alphaol hydrates.", mini)
    assert isinstance(report, CheckReport)
    with pytest.raises(AttributeError):
        report.text = "x"  # type: ignore[misc]
    assert check_text("Alphaol hydrates.", mini).to_dict() == report.to_dict()


# ---- issue 14: who a claim is about, comparisons, the patterns adverts use -----------------------------------
# Sentences in the style of the real passages quoted in issue 14 (the labelled passages themselves are
# measured in tests/test_check_adverts.py).
def test_collagen_as_the_object_is_the_effect_of_the_subject(shipped):
    view = run("Ascorbic acid is a form of vitamin C. It\u2019s also shown to stimulate the production of new collagen.", shipped)
    assert pairs(view) == {("vitamin-c", "collagen")}
    assert "topical-collagen" not in mentioned(view)
    exosomes = run("Exosomes coax fibroblasts into stitching fresh collagen and elastin, for a firmer texture.", shipped)
    assert {i for i, _e in pairs(exosomes)} == {"exosomes"}
    assert {("exosomes", "collagen"), ("exosomes", "elasticity"), ("exosomes", "firmness")} <= pairs(exosomes)


@pytest.mark.parametrize(
    "text",
    [
        "Growth factor serums may help support collagen production, improve elasticity and minimize fine lines.",
        "This serum boosts collagen production and smooths wrinkles.",
        "The hydrator works by targeting the skin's natural collagen production, restoring firmness.",
        "Red light is used for stimulating collagen, healing and giving the skin a glow.",
        "Peels done regularly lead to collagen stimulation that improves the appearance of wrinkles.",
        "Die Fibroblasten sind f\u00fcr den Aufbau von Collagen verantwortlich.",
        "Das Serum regt das k\u00f6rpereigene Kollagen an und strafft die Haut.",
        "Dr Marwah notes that it not only revives collagen and elastin but also supports healing.",
        "The peptide complex protects collagen from breaking down.",
    ],
)
def test_the_skins_own_collagen_is_the_effect_whoever_the_subject_is(shipped, text):
    """The subject is a product or something the knowledge base lacks: the claims stay unattributed and
    never go to the collagen ingredient, which the sentence does not name."""
    view = run(text, shipped)
    assert "topical-collagen" not in mentioned(view)
    assert "collagen" in {e["effect"] for e in view["effects"]}


def test_a_verb_on_the_line_before_does_not_make_collagen_the_skins_own(shipped):
    text = "Supports Skin Barrier Repair\nCollagen can aid in calming and restoring damaged skin."
    assert ("topical-collagen", "soothing") in pairs(run(text, shipped))


def test_a_text_opening_with_it_is_about_the_first_ingredient_its_paragraph_names(shipped):
    """An excerpt from the middle of a page: "It" comes before the name."""
    text = "It's not just for acne. It also reduces redness. Unlike hydroquinone, azelaic acid is safe in pregnancy."
    found = pairs(run(text, shipped))
    assert {("azelaic-acid", "acne"), ("azelaic-acid", "redness")} <= found
    assert not any(i == "hydroquinone" for i, _e in found)
    # something else named first (a product the knowledge base lacks): "it" is that, and no one's here
    product = "Korean toners have two advantages. They are real moisture bombs. Many also contain hyaluronic acid."
    assert pairs(run(product, shipped)) == set()


@pytest.mark.parametrize(
    ("text", "not_subject", "subject"),
    [
        # what the skin makes itself, as an object
        ("Retinol boosts the skin's own hyaluronic acid production, leaving it more hydrated.", "hyaluronic-acid", "retinol"),
        ("Niacinamide stimulates the production of ceramides and strengthens the barrier.", "ceramides", "niacinamide"),
        ("Microneedling regt die Neubildung von Collagen und Hyalurons\u00e4ure an.", "hyaluronic-acid", "microneedling"),
        # what the product leaves out
        ("With no chemicals and parabens, this retinol serum smooths wrinkles.", "parabens", "retinol"),
        ("Made without parabens, sulfates or fragrance, our niacinamide serum calms redness.", "parabens", "niacinamide"),
        ("Enth\u00e4lt keine Parabene: Niacinamid beruhigt R\u00f6tungen.", "parabens", "niacinamide"),
    ],
)
def test_a_name_the_skin_makes_or_the_product_leaves_out_is_no_subject(shipped, text, not_subject, subject):
    found = pairs(run(text, shipped))
    assert not any(i == not_subject for i, _e in found)
    assert any(i == subject for i, _e in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ceramides repair the skin barrier.", {("ceramides", "barrier")}),
        ("Retinol helps repair sun damage.", {("retinol", "photodamage")}),
        ("Ceramide reparieren die Hautbarriere.", {("ceramides", "barrier")}),
        ("Zinc oxide works by creating a physical barrier on the skin.", set()),
        ("Our cream suits sensitive and acne-prone skin, and niacinamide calms redness.", {("niacinamide", "redness")}),
        ("Peptide hemmen die Signal\u00fcbertragung und frieren die Mimik sanft ein.", set()),
    ],
)
def test_what_a_verb_or_a_skin_type_leaves_of_an_effect_word(shipped, text, expected):
    """ "repairs the barrier" claims the barrier alone; a barrier a sunscreen lays on the skin, an
    "acne-prone" skin type and the adverb "sanft" claim nothing of their own."""
    assert pairs(run(text, shipped)) == expected


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Results in 12 weeks.", []),
        ("In 3 months, wrinkles faded.", []),
        ("Nach 8 Wochen war die Haut glatter.", []),
        ("Visible results in just 8 weeks.", ["in just 8 weeks"]),
        ("Results within 7 days.", ["within 7 days"]),
    ],
)
def test_a_study_length_is_no_speed_promise(shipped, text, flagged):
    assert [f["text"] for f in run(text, shipped)["flags"] if f["kind"] == "speed"] == flagged


@pytest.mark.parametrize(
    ("text", "compared"),
    [
        ("Caffeine is considered equal to minoxidil for hair growth.", "minoxidil"),
        ("Its proven efficiency rivals minoxidil.", "minoxidil"),
        ("Retinal is the stronger cousin of retinol.", "retinol"),
        ("Second only to sunblocks, retinol is beloved by skin experts.", "sunscreen"),
        ("Retinal ist der potentere Wirkstoff als Retinol.", "retinol"),
    ],
)
def test_what_a_thing_is_measured_against_is_a_comparison(shipped, text, compared):
    view = run(text, shipped)
    assert {m["role"] for m in view["mentions"] if m["ingredient"]["id"] == compared} == {"comparison"}
    assert not any(i == compared for i, _e in pairs(view))


def test_german_sanft_as_a_predicate_is_gentleness(shipped):
    found = pairs(run("W\u00e4hrend Retinol reizen kann, ist Bakuchiol besonders sanft.", shipped))
    assert ("bakuchiol", "tolerability") in found


def test_a_list_cue_does_not_reach_past_a_bare_comma(shipped):
    assert ("bakuchiol", "wrinkles") in pairs(run("No retinol, bakuchiol smooths wrinkles.", shipped))


@pytest.mark.parametrize(
    "text",
    [
        "Exosomes act as a cooling agent, soothing the skin after the laser.",
        "It is pure ascorbic acid with a magnesium salt added, which reduces the risk of irritation.",
        "Made from essential oils, plant extracts and mineral salts, it neutralises odour.",
    ],
)
def test_a_generic_phrase_is_no_ingredient_name(shipped, text):
    assert not {"menthol", "sodium-chloride"} & mentioned(run(text, shipped))


@pytest.mark.parametrize(
    "text",
    [
        "Collagen supplements improve skin elasticity.",
        "Collagen visibly improves skin elasticity.",
        "Our serum with collagen improves skin elasticity.",
        "Drinks mit Kollagen verbessern die Elastizität der Haut.",
        "Retinol und Kollagen verbessern die Elastizität der Haut.",  # listed with another ingredient
    ],
)
def test_collagen_as_the_product_is_the_ingredient(shipped, text):
    assert ("topical-collagen", "elasticity") in pairs(run(text, shipped))


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("In contrast, chemical sunscreens absorb UV.", "In contrast"),
        ("Retinol is a milder ingredient, whereas tretinoin is a prescription drug.", "whereas"),
        ("Im Gegensatz dazu wirken chemische Filter erst nach Minuten.", "Im Gegensatz dazu"),
        ("Derms recommend Pure Retinol over other counterparts.", "Pure Retinol over other counterparts"),
    ],
)
def test_a_contrast_or_a_choice_of_one_over_another_is_a_comparison(shipped, text, flagged):
    assert_flagged(run(text, shipped), "comparison", flagged)


def test_over_as_on_top_is_no_comparison_and_a_recommendation_keeps_its_endorsement(shipped):
    assert run("We recommend applying it over your moisturizer.", shipped)["flags"] == []
    assert_flagged(
        run("Dermatologists recommend retinol over other retinoids.", shipped), "endorsement", "Dermatologists recommend"
    )


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The capsules release their actives ten times slower than the average cream.", "slower than"),
        ("Die Kapseln geben die Wirkstoffe zehnmal langsamer als die durchschnittliche Kosmetik ab.", "langsamer als"),
        ("It is much pricier than a peel.", "pricier than"),
    ],
)
def test_any_comparative_against_something_is_a_comparison(shipped, text, flagged):
    assert_flagged(run(text, shipped), "comparison", flagged)


def test_examples_of_a_class_set_against_the_subject_are_compared(shipped):
    text = "If you've tried harsher brightening ingredients like vitamin C or retinol, azelaic acid offers a gentler path."
    view = run(text, shipped)
    roles = {m["ingredient"]["id"]: m["role"] for m in view["mentions"]}
    assert roles == {"vitamin-c": "comparison", "retinol": "comparison", "azelaic-acid": "subject"}
    assert {i for i, _e in pairs(view)} <= {"azelaic-acid"}
    # "a gentler form of": compared; "a form of": the same thing
    view = run(
        "The Retinol uses retinaldehyde, a gentler, more bioavailable form of vitamin A, to regulate cell turnover.", shipped
    )
    assert [m["role"] for m in view["mentions"] if m["start"] > 40] == ["comparison"]
    assert ("retinal", "cell-renewal") in pairs(view)
    assert {m["role"] for m in run("Retinol is a form of vitamin A that smooths lines.", shipped)["mentions"]} == {"subject"}
    # examples with no comparative, or after a verb in -er, are examples
    for text in ("The derms we spoke to prefer ingredients like salicylic acid.", "Gentle ingredients like panthenol soothe."):
        assert {m["role"] for m in run(text, shipped)["mentions"]} == {"subject"}


@pytest.mark.parametrize(
    ("text", "kind", "flagged"),
    [
        ("A clinically-tested formula.", "clinically-proven", "clinically-tested"),
        ("A clinically\u2011proven formula.", "clinically-proven", "clinically\u2011proven"),
        ("Dermatologically-tested.", "dermatologically-tested", "Dermatologically-tested"),
        ("An oil\u2011free moisturiser.", "free-from", "oil\u2011free"),
    ],
)
def test_hyphenated_and_non_breaking_hyphen_spellings_are_flagged(shipped, text, kind, flagged):
    view = run(text, shipped)
    assert_flagged(view, kind, flagged)
    assert all(text[g["start"] : g["end"]] == g["text"] for g in view["flags"])


@pytest.mark.parametrize(
    "text",
    [
        "Use it no more than twice a week; results take longer than a month.",
        "Die Haut wird immer als erstes trocken, aber als Basis dient Wasser.",
        "Women older than 40 and other than that, anyone.",
    ],
)
def test_words_that_only_look_comparative_are_not_a_comparison(shipped, text):
    assert "comparison" not in {g["kind"] for g in run(text, shipped)["flags"]}


@pytest.mark.parametrize(
    "text", ["Botox in a jar smooths wrinkles.", "Pflanzen-Botox glättet Falten.", "Try these botox-like creams."]
)
def test_a_cream_named_after_botox_is_compared_with_it(shipped, text):
    view = run(text, shipped)
    roles = {(m["ingredient"]["id"], m["role"]) for m in view["mentions"]}
    assert roles == {("plant-botox", "subject"), ("botulinum-toxin", "comparison")}
    inner = next(m for m in view["mentions"] if m["ingredient"]["id"] == "botulinum-toxin")
    assert text[inner["start"] : inner["end"]].lower() == "botox"
    assert not {p for p in pairs(view) if p[0] == "botulinum-toxin"}
    assert {m["role"] for m in run("Spilanthol smooths wrinkles.", shipped)["mentions"]} == {"subject"}


@pytest.mark.parametrize(
    "text",
    [
        "Das Bio-Botox glättet Falten.",
        "Kräuter-Botox glättet Falten.",
        "This herbal Botox smooths wrinkles.",
        "Dieses Botox im Tiegel glättet Falten.",
        "Botox für zu Hause glättet Falten.",
        "Needle-free Botox smooths wrinkles.",
        "Liquid Botox smooths wrinkles.",
    ],
)
def test_a_kind_of_botox_is_a_cream_compared_with_the_injection(shipped, text):
    view = run(text, shipped)
    assert_flagged(view, "injection-comparison", "Botox")
    assert not {p for p in pairs(view) if p[0] == "botulinum-toxin"}


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Think of it as a facial in a bottle.", "facial in a bottle"),
        ("Salon results without the salon price.", "Salon results"),
        ("An in-office peel you can do at home.", "in-office peel"),
    ],
)
def test_what_a_professional_does_promised_at_home_is_compared_with_the_procedure(shipped, text, flagged):
    assert_flagged(run(text, shipped), "injection-comparison", flagged)
    # a clinic describing its own treatments compares with nothing
    assert run("Our spa offers professional treatments.", shipped)["flags"] == []


def test_a_procedure_in_a_bottle_is_a_cream_compared_with_it(shipped):
    view = run("Microneedling in a bottle: this serum resurfaces skin.", shipped)
    assert_flagged(view, "injection-comparison", "Microneedling in a bottle")
    assert {(m["ingredient"]["id"], m["role"]) for m in view["mentions"]} == {("microneedling", "comparison")}
    assert ("microneedling", "collagen") in pairs(run("Microneedling boosts collagen.", shipped))


def test_a_comparison_with_botox_is_flagged_and_never_the_subject(shipped):
    text = (
        "Argireline has the same cosmetic benefits as Botulinum toxin (Botox) but is safer. "
        "It can decrease the appearance of wrinkle volume within a week."
    )
    view = run(text, shipped)
    # "is safer" is Argireline's tolerability claim, as "decrease ... wrinkle" is its wrinkles claim
    assert pairs(view) == {("acetyl-hexapeptide-8", "wrinkles"), ("acetyl-hexapeptide-8", "tolerability")}
    assert {m["role"] for m in view["mentions"] if m["ingredient"]["id"] == "botulinum-toxin"} == {"comparison"}
    flags = {g["kind"]: g for g in view["flags"]}
    assert set(flags) == {"injection-comparison", "speed"}
    compared = flags["injection-comparison"]
    assert compared["compares"]["subject"]["id"] == "acetyl-hexapeptide-8"
    assert compared["compares"]["with"]["id"] == "botulinum-toxin"
    claim = compared["claim"]  # the knowledge base records this comparison: no head-to-head trial, level 0
    assert claim is not None and compared["level"] == claim["evidence"]["level"]
    assert flags["speed"]["compares"] is None and flags["speed"]["level"] is None


def test_a_comparison_without_a_head_to_head_claim_is_the_advertisers_word(shipped):
    view = run("Squalane is gentler than retinol and hydrates.", shipped)
    assert ("squalane", "tolerability") in pairs(view)  # gentler: the claim is kept
    (flag,) = view["flags"]
    assert flag["kind"] == "comparison" and flag["level"] == 1 and flag["label"] == "opinion"
    assert flag["claim"] is None
    assert (flag["compares"]["subject"]["id"], flag["compares"]["with"]["id"]) == ("squalane", "retinol")
    assert "head-to-head" in flag["explanation"]


@pytest.mark.parametrize(
    ("text", "subject", "compared", "level"),
    [
        ("Bakuchiol is gentler than retinol and fades dark spots.", "bakuchiol", "retinol", 3),
        ("Caffeine is considered equal to minoxidil for hair growth.", "caffeine", "minoxidil", 3),
    ],
)
def test_a_comparison_with_a_head_to_head_claim_on_record_is_graded_by_it(shipped, text, subject, compared, level):
    """Rule 10: a head-to-head trial of the two on record grades the comparison (bakuchiol against retinol,
    Dhaliwal 2019; caffeine against minoxidil, Dhurat 2017), not the advertiser's word."""
    (flag,) = run(text, shipped)["flags"]
    assert (flag["compares"]["subject"]["id"], flag["compares"]["with"]["id"]) == (subject, compared)
    assert flag["level"] == level and flag["claim"]["comparison"] and flag["claim"]["head_to_head"]
    assert flag["claim"]["ingredient"]["id"] == subject


@pytest.mark.parametrize(
    ("text", "subject", "compared"),
    [
        ("Argireline works like Botox on wrinkles.", "acetyl-hexapeptide-8", "botulinum-toxin"),
        ("Retinal is a gentle alternative to retinol for wrinkles.", "retinal", "retinol"),
        ("Niacinamide clears blemishes more gently than salicylic acid.", "niacinamide", "salicylic-acid"),
        ("Die Peptide glätten Falten ähnlich wie Botox.", "peptides", "botulinum-toxin"),
        ("Die Creme mit Argireline ist wirkungsvoller als Retinol gegen Falten.", "acetyl-hexapeptide-8", "retinol"),
    ],
)
def test_comparisons_in_english_and_german(shipped, text, subject, compared):
    view = run(text, shipped)
    assert {i for i, _e in pairs(view)} == {subject}
    assert {m["role"] for m in view["mentions"] if m["ingredient"]["id"] == compared} == {"comparison"}


def test_the_paragraph_reference_reaches_the_ingredients_named_before(shipped):
    text = (
        "Niacinamide and Zinc are naturally occurring substances. The combination of these two potent ingredients "
        "helps to battle blemishes."
    )
    assert pairs(run(text, shipped)) == {("niacinamide", "acne")}
    serum = run("Our serum contains retinol. After two weeks the serum smooths fine lines.", shipped)
    assert pairs(serum) == {("retinol", "wrinkles")}


@pytest.mark.parametrize(
    ("text", "kind", "flagged"),
    [
        ("Better than Botox!", "injection-comparison", "Better than Botox"),
        ("A non-surgical alternative to Botox.", "injection-comparison", "alternative to Botox"),
        ("Die Botox-Creme für zu Hause.", "injection-comparison", "Botox-Creme"),
        ("Faltenfrei ohne Spritze.", "injection-comparison", "ohne Spritze"),
        ("Wrinkles disappear in five minutes.", "speed", "in five minutes"),
        ("Visibly firmer overnight.", "speed", "overnight"),
        ("Sichtbar weniger Falten in 14 Tagen.", "speed", "in 14 Tagen"),
        ("Up to 20% fewer wrinkles.", "percentage", "Up to 20%"),
        ("38% saw fewer wrinkles.", "percentage", "38% saw"),
        ("Reduziert Falten um bis zu 30 Prozent.", "percentage", "um bis zu 30 Prozent"),
        ("Studies have shown that it works.", "clinically-proven", "Studies have shown"),
        ("Laut Studien wirkt es.", "clinically-proven", "Laut Studien"),
        ("Dermatologist recommended.", "endorsement", "Dermatologist recommended"),
        ("Von Dermatologen empfohlen.", "endorsement", "Von Dermatologen"),
        ("The first serum of its kind.", "breakthrough", "first serum"),
        ("Ein revolutionärer Wirkstoff.", "breakthrough", "revolutionärer"),
        ("Non-toxic and clean beauty.", "free-from", "Non-toxic"),
        ("Ohne Parabene.", "free-from", "Ohne Parabene"),
        ("Works like magic.", "miracle", "magic"),
        ("Ein wahres Feuchtigkeitswunder.", "miracle", "Feuchtigkeitswunder"),
        ("It is 100% chemical-free.", "natural", "chemical-free"),
        ("Retinol is better than bakuchiol.", "comparison", "better than"),
        ("Wirkt besser als Hyaluron.", "comparison", "besser"),
        # session 6: wordings from the probe lists (tests/data/probes/flags-2.txt)
        ("97% would recommend it to a friend.", "percentage", "97% would recommend"),
        ("Three out of four users saw a firmer jawline.", "percentage", "Three out of four users"),
        ("Rötungen gingen um durchschnittlich 35 % zurück.", "percentage", "um durchschnittlich 35 %"),
        ("Feel the difference from day one.", "speed", "from day one"),
        ("The fastest-acting formula we make.", "speed", "fastest-acting"),
        ("An affordable alternative to in-office Botox.", "injection-comparison", "alternative to in-office Botox"),
        ("Our 'Faux-tox' serum gives a Botox-style smoothing effect.", "injection-comparison", "Botox-style"),
        ("Derms are obsessed with this serum.", "endorsement", "Derms are obsessed"),
        ("Experten empfehlen es bei Rosazea.", "endorsement", "Experten empfehlen"),
        ("Retinol gilt unter Hautärzten als Goldstandard.", "endorsement", "gilt unter Hautärzten als"),
        ("Bei Dermatologen ist Azelainsäure sehr beliebt.", "endorsement", "Bei Dermatologen"),
        ("Die Creme wurde gemeinsam mit Dermatologen entwickelt.", "endorsement", "mit Dermatologen entwickelt"),
        ("Belegte Wirksamkeit gegen Falten.", "clinically-proven", "Belegte Wirksamkeit"),
        ("Its benefits are well documented.", "clinically-proven", "well documented"),
        ("Made exclusively from natural ingredients.", "natural", "exclusively from natural"),
        ("Contains no synthetic ingredients whatsoever.", "natural", "no synthetic"),
        ("Formulated without parabens, sulfates and phthalates.", "free-from", "without parabens"),
        ("Parabenfrei und parfümfrei.", "free-from", "Parabenfrei"),
        ("In contrast to mineral oil, it lets the skin breathe.", "comparison", "In contrast to"),
    ],
)
def test_advert_patterns_in_english_and_german(shipped, text, kind, flagged):
    kinds = [(g["kind"], g["text"]) for g in run(text, shipped)["flags"]]
    assert (kind, flagged) in kinds or any(k == kind and flagged in t for k, t in kinds), kinds


@pytest.mark.parametrize(
    "text",
    [
        "Sie sind kein Ersatz für Injektionen.",  # negated
        "After 12 weeks of treatment, 70% of the treated group had fewer wrinkles than with placebo.",  # a control
        "Hyaluronsäure ist kein Wundermittel.",
        "Vitamin C was first described in 1928.",
        "Apply a pea-sized amount; the 1% retinol serum is cruelty free.",
        "The serum is smooth and absorbs quickly into the skin.",  # how it feels going on
        "After the age of 20, we produce about 1% less collagen each year.",  # a rate, not a result
        "Doch Syn-Ake soll noch mehr können als die Haut zu entspannen.",  # "mehr" before a verb
        "Results were measured in 12 weeks.",  # a study's length
        "It is the first serum I tried.",  # an order, not a first of its kind
        "Das Ergebnis wirkt ganz natürlich.",  # "quite natural-looking", not a purity claim
        "After the first treatment, skin looks brighter.",
        "Ceramides make up 50% of the skin's barrier.",  # a share, not a result
        "The FDA lists zinc oxide as safe and effective.",  # a regulator's category, not a promise
        "It works on the surface rather than deep down.",  # a contrast of places, not of products
    ],
)
def test_ordinary_or_negated_wording_raises_no_advert_flag(shipped, text):
    assert run(text, shipped)["flags"] == []


def test_every_flag_kind_explains_what_to_ask_and_marks_comparisons():
    assert set(phrases.FLAGS) >= {"injection-comparison", "comparison", "speed", "percentage", "clinically-proven",
                                  "endorsement", "breakthrough", "miracle", "natural", "free-from"}  # fmt: skip
    for kind, spec in phrases.FLAGS.items():
        assert spec["explanation"].strip() and spec["triggers"] and spec["patterns"], kind
        assert spec["compares"] == (kind in ("comparison", "injection-comparison")), kind


def test_best_claims_is_the_one_place_that_orders_claims(shipped):
    from skincli.claims.check import best_claims

    retinol = shipped.ingredient("retinol")
    chosen, fitting = best_claims(retinol, "wrinkles")
    assert fitting >= 1 and chosen[0].level == max(c.level for c in chosen[:fitting])
    assert all(c.route == "topical" and not c.prescription and c.direction == "for" for c in chosen[:fitting])
    assert {c.effect for c in chosen} == {"wrinkles"} and len(chosen) == sum(c.effect == "wrinkles" for c in retinol.claims)
    q10, n = best_claims(shipped.ingredient("coenzyme-q10"), "wrinkles")  # the oral trial never heads a cream's claim
    assert all(c.route == "topical" for c in q10[:n]) and any(c.route == "oral" for c in q10[n:])


# ---- long texts: linear, bounded, and the same answers as short ones -------------------------------------------
def _advert_corpus() -> str:
    from advert_measure import load

    return "\n\n".join(p["text"] for p in load())


def test_a_long_text_read_in_pieces_is_read_as_a_whole(shipped, monkeypatch):
    """A text longer than a piece is read a piece at a time (memory), each with context around it: every
    labelled passage of every set, read in pieces of 5,000 characters with 1,000 around them, gives the
    same report, row for row, as one reading of the whole."""
    from advert_measure import load_all

    import skincli.claims.check as check_module

    text = "\n\n".join(p["text"] for p in load_all()) + "\n\n"
    whole = check_text(text, shipped).to_dict()
    monkeypatch.setattr(check_module, "_PIECE", 5000)
    monkeypatch.setattr(check_module, "_AROUND", 1000)
    assert len(list(check_module._pieces(text))) > 100
    pieces = check_text(text, shipped).to_dict()
    assert_offsets(text, pieces)
    for key in ("summary", "findings", "flags", "mentions", "effects"):
        assert pieces[key] == whole[key], key


def test_initials_spelled_out_in_an_earlier_piece_name_the_ingredient_later(shipped, monkeypatch):
    import skincli.claims.check as check_module

    filler = "\n\n".join(f"Paragraph {n} says nothing about skin at all." for n in range(200))
    text = f"Sodium Ascorbyl Phosphate is in the serum.\n\n{filler}\n\nSAP brightens dull skin.\n"
    whole = check_text(text, shipped).to_dict()
    monkeypatch.setattr(check_module, "_PIECE", 2000)
    monkeypatch.setattr(check_module, "_AROUND", 500)
    pieces = check_text(text, shipped).to_dict()
    assert ("vitamin-c", "radiance") in pairs(pieces)
    assert pieces["findings"] == whole["findings"]
    # used before it is spelled out, the initials name nothing, in pieces as in a whole reading
    backwards = f"SAP brightens dull skin.\n\n{filler}\n\nSodium Ascorbyl Phosphate is in the serum.\n"
    assert ("vitamin-c", "radiance") not in pairs(check_text(backwards, shipped).to_dict())


def test_a_long_text_gives_each_passage_the_same_findings_as_alone(shipped, monkeypatch):
    """The same code path as a 10 MB input (words read in blocks, sentences and flags in arrays and
    buckets), on a text of 25 copies of the labelled passages with blocks of 4 KB: every copy gets the
    findings of the first, at shifted offsets (the cost in time is measured in bench/, not here)."""
    import skincli.claims.check as check_module

    once = _advert_corpus() + "\n\n"
    one = check_text(once, shipped).to_dict()
    monkeypatch.setattr(check_module, "_BLOCK", 4096)
    many = check_text(once * 25, shipped).to_dict()
    assert_offsets(once * 25, many)

    def shape(view: dict[str, Any], copy: int) -> list[tuple[Any, ...]]:
        low, high = copy * len(once), (copy + 1) * len(once)
        return [
            (f["ingredient"]["id"], f["effect"], f["mention"]["start"] - low)
            for f in view["findings"]
            if low <= f["mention"]["start"] < high and f["effect"] is not None
        ]

    assert all(shape(many, copy) == shape(one, 0) for copy in (0, 12, 24))
    assert len(many["flags"]) == 25 * len(one["flags"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["Retinol", "Hyaluron-", "Säure", "Co-Enzym", "Q10", " ", "  ", "-", "\n", "\n\n",
                                 ", ", "wrinkles", "fine lines", "HA", "ha", "x\u00ady", "é", "Kollagen", "’"]),  # fmt: skip
                max_size=40),
       st.integers(min_value=1, max_value=40))  # fmt: skip
def test_words_read_in_small_blocks_match_words_read_at_once(parts, block):
    import skincli.claims.check as check_module
    from skincli.kb.names import name_key

    text = "".join(parts)
    expected, prev = [], -1
    for m in check_module._WORD.finditer(text):
        gap = text[prev : m.start()] if prev >= 0 else None
        joins = gap is not None and check_module._JOIN_GAP.fullmatch(gap) is not None
        hard = gap is not None and check_module._SPACE.search(gap) is not None
        expected.append((m.start(), m.end(), name_key(m.group()), joins, hard))
        prev = m.end()
    old = check_module._BLOCK
    check_module._BLOCK = block
    try:
        toks = check_module._Tokens(text)
    finally:
        check_module._BLOCK = old
    got = list(zip(toks.starts, toks.ends, toks.keys, map(bool, toks.joins), map(bool, toks.hard), strict=True))
    assert got == expected


def test_json_streamed_row_by_row_is_byte_identical(shipped):
    report = check_text(_advert_corpus(), shipped)
    assert "".join(report.iter_json()) == json.dumps(report.to_dict(), ensure_ascii=False)
    assert render_check.text(report.view(), 80) == render_check.text(report.to_dict(), 80)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "b", " ", "  ", "\u00a0", "\t", "\r", "word", "⟨12⟩", "x" * 30, "y" * 90]), max_size=60),
    st.sampled_from([20, 40, 80, 133]),
)
def test_fast_wrapping_matches_textwrap(parts, width):
    from skincli.render.check import _fill, _wrap_text
    from skincli.render.text import _wrap

    line = "".join(parts)

    assert _wrap_text(line, width) == _wrap(line, width, "  ", "  ")
    assert _fill(line, width, "", "        ") == _wrap(line, width, "", "        ")


def test_cli_streams_json_and_refuses_text_past_the_limit(cli, monkeypatch):
    import skincli.claims.check as check_module

    text = "Retinol smooths fine lines. " * 50
    streamed = cli("check", "-", "--json", "--kb", str(MINI), input=text)
    assert streamed.exit_code == 0 and json.loads(streamed.stdout)["text"] == text
    monkeypatch.setattr(check_module, "MAX_TEXT_CHARS", 100)
    refused = cli("check", "-", "--kb", str(MINI), input=text)
    assert refused.exit_code == 2 and refused.stdout == ""
    assert "check reads at most 100" in refused.stderr


def test_an_entry_with_no_claims_never_takes_a_claim(shipped):
    """Water is in the knowledge base (it is on every label) but has nothing to grade: in an advert,
    "in water" must not become the subject that takes hyaluronic acid's claim."""
    assert not shipped.ingredient("water").claims
    view = run("Hyaluronic acid hydrates the skin. It holds up to 1,000 times its weight in water.", shipped)
    assert pairs(view) == {("hyaluronic-acid", "hydration")}
    assert "water" not in mentioned(view)


def test_a_form_named_in_an_advert_earns_only_its_own_evidence(shipped):
    """Issue 11: an ester is not L-ascorbic acid; the advert's claim for it shows the acid's level as
    evidence for another form, never as its own."""
    view = run("Our serum with ascorbyl palmitate boosts collagen. Ascorbic acid boosts collagen too.", shipped)
    ester, acid = (f for f in view["findings"] if f["effect"] == "collagen")
    assert ester["mention"]["text"] == "ascorbyl palmitate" and ester["level"] is None
    assert ester["elsewhere"] and all(e["form"] for e in ester["elsewhere"])
    assert acid["level"] is not None and acid["level"] >= ester["elsewhere"][0]["level"] - 1


# ---- session 3: general causes of wrong pairs found on the labelled adverts --------------------------
@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        ("This niacinamide serum will calm breakouts.", ("niacinamide", "acne"), ("niacinamide", "soothing")),
        ("Retinol tightens crow's feet.", ("retinol", "wrinkles"), ("retinol", "firmness")),
        ("Niacinamide helps by reducing redness and irritation.", ("niacinamide", "soothing"), ("niacinamide", "irritation")),
        ("Retinol can cause irritation at first.", ("retinol", "irritation"), ("retinol", "soothing")),
        ("Panthenol is calming and moisturising.", ("panthenol", "soothing"), None),  # a list, not an object
    ],
)
def test_an_effect_verb_with_an_effect_object_claims_the_object(shipped, text, expected, not_expected):
    found = pairs(run(text, shipped), negated=None)
    assert expected in found
    if not_expected:
        assert not_expected not in found


def test_hyaluronic_acid_named_as_injected_is_the_filler(shipped):
    found = pairs(run("Nur eine Faltenunterspritzung mit Hyaluronsäure glättet tiefe Falten dauerhaft.", shipped))
    assert found == {("hyaluronic-acid-filler", "wrinkles")}
    cream = pairs(run("Hyaluronsäure glättet Fältchen, auch ohne Injektion.", shipped))
    assert cream == {("hyaluronic-acid", "wrinkles")}


def test_a_sentence_about_an_ingredient_the_kb_lacks_claims_nothing_for_the_one_before(shipped):
    text = "Niacinamide balances sebum. Zinc repairs skin damaged by acne. It also soothes redness."
    found = pairs(run(text, shipped))
    assert ("niacinamide", "oil-control") in found
    assert not {p for p in found if p[1] in {"regeneration", "acne", "redness", "soothing"}}


@pytest.mark.parametrize(
    "text",
    [
        "Our serum pairs vitamin C with botanicals for radiance. Tremella extract soothes redness and calms the skin.",
        "Our serum pairs vitamin C with botanicals for radiance. Yuzu extract soothes redness and calms the skin.",
        "Our serum pairs vitamin C with botanicals for radiance. Growth factors soothe redness and calm the skin.",
        "Our serum pairs vitamin C with botanicals for radiance. Blue tansy soothes redness and calms the skin.",
        "Das Serum mit Vitamin C sorgt für einen strahlenden Teint. Ringelblume beruhigt Rötungen.",
        "Das Serum mit Vitamin C sorgt für einen strahlenden Teint. Wachstumsfaktoren beruhigen Rötungen.",
    ],
)
def test_an_everyday_name_the_kb_lacks_opens_its_own_claim(shipped, text):
    found = pairs(run(text, shipped))
    assert ("vitamin-c", "radiance") in found
    assert not {p for p in found if p[1] in {"redness", "soothing"}}


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("Our serum pairs vitamin C with botanicals for radiance. Mugwort soothes redness and calms the skin.", "mugwort"),
        ("Our toner pairs vitamin C with botanicals for radiance. Heartleaf extract soothes redness.", "heartleaf"),
        ("Das Serum mit Vitamin C sorgt für einen strahlenden Teint. Beifuß beruhigt Rötungen.", "mugwort"),
    ],
)
def test_a_name_added_in_session_15_takes_its_own_claim(shipped, text, entry):
    found = pairs(run(text, shipped))
    assert ("vitamin-c", "radiance") in found
    assert {p[1] for p in found if p[0] == entry} & {"redness", "soothing"}
    assert not {p for p in found if p[0] == "vitamin-c" and p[1] in {"redness", "soothing"}}


def test_after_a_while_clause_the_main_clause_ingredient_is_the_topic(shipped):
    text = "While retinol can sting, bakuchiol is gentle. It also reduces fine lines."
    found = pairs(run(text, shipped))
    assert ("bakuchiol", "wrinkles") in found
    assert ("retinol", "wrinkles") not in found


def flag_kinds(view: dict[str, Any]) -> list[tuple[str, str]]:
    return [(g["kind"], g["text"]) for g in view["flags"]]


def test_a_german_verb_last_replacing_an_injection_is_a_comparison(shipped):
    view = run("Diese Creme soll eine Botox-Behandlung komplett ersetzen.", shipped)
    assert [k for k, _t in flag_kinds(view)] == ["injection-comparison"]
    assert {m["role"] for m in view["mentions"] if m["ingredient"]["id"] == "botulinum-toxin"} == {"comparison"}


def test_as_good_as_they_say_compares_nothing(shipped):
    assert flag_kinds(run("The serum is as good as they say.", shipped)) == []
    assert [k for k, _t in flag_kinds(run("The serum is as good as retinol.", shipped))] == ["comparison"]


def test_a_late_nicht_denies_a_miracle_but_not_a_comparison(shipped):
    assert flag_kinds(run("Wunder kann selbst Hyaluron nicht vollbringen.", shipped)) == []
    view = run("Anders als Botox wird das Mittel aber nicht unter die Haut gespritzt.", shipped)
    assert [k for k, _t in flag_kinds(view)] == ["injection-comparison"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Most people see results within 2-4 weeks.", "speed"),
        ("Fine lines faded within just a few minutes.", "speed"),
        ("It is a fast way to shrink a blemish.", "speed"),
        ("Wrinkles were reduced by eight percent.", "percentage"),
        ("The peptide can double collagen levels.", "numeric-superlative"),
        ("Retinol is beloved by dermatologists.", "endorsement"),
        ("It's a favorite among dermatologists.", "endorsement"),
        ("Dermatologists agree that it works.", "endorsement"),
        ("The serum is totally safe for every skin type.", "no-side-effects"),
        ("It has no major side effects.", "no-side-effects"),
        ("It is potent even without preservatives.", "free-from"),
        ("The research backs it up.", "clinically-proven"),
        ("Der Wirkstoff ist erwiesenermaßen wirksam.", "clinically-proven"),
        ("Dabei hat sich gezeigt, dass es wirkt.", "clinically-proven"),
        ("Retinal has a higher exfoliation rate than retinol.", "comparison"),
        ("Niacinamid ist eine sanfte Alternative zu Retinol.", "comparison"),
        ("It is more efficacious than use of CO2 laser.", "injection-comparison"),
        ("Das Resultat ist eine rasche Milderung von Fältchen.", "speed"),
    ],
)
def test_more_advert_wordings_are_flagged(shipped, text, kind):
    assert kind in [k for k, _t in flag_kinds(run(text, shipped))]


@pytest.mark.parametrize(
    "text",
    [
        "It won't produce any miracles, but it helps.",
        "Results don't happen overnight.",
        "The serum absorbs quickly and feels light.",
        "It is quickly gaining in popularity.",
        "Integrieren Sie ab sofort Ceramide in Ihre Routine.",
        "In a double blind study it was observed.",
        "Preservatives can do more harm than good.",
    ],
)
def test_wordings_that_promise_nothing_are_not_flagged(shipped, text):
    assert flag_kinds(run(text, shipped)) == []


def test_explicit_irritation_is_the_concern_and_gentleness_is_tolerability(shipped):
    view = run("Bakuchiol is gentle and doesn't cause irritation.", shipped)
    assert pairs(view) == {("bakuchiol", "tolerability")}
    assert pairs(view, negated=True) == {("bakuchiol", "irritation")}


def test_bha_in_prose_is_salicylic_acid(shipped):
    assert pairs(run("A BHA unclogs pores and clears acne.", shipped)) >= {("salicylic-acid", "acne")}


def test_an_apposition_says_what_the_subject_is(shipped):
    found = pairs(run("Lactic acid \u2014 a gentle AHA \u2014 exfoliates and moisturizes.", shipped))
    assert ("lactic-acid", "exfoliation") in found
    assert not {p for p in found if p[0] == "alpha-hydroxy-acids"}


def test_who_a_product_suits_is_not_what_it_does(shipped):
    text = "Tranexamic acid fades dark spots and is suitable for all skin types, including those with acne-prone skin."
    found = pairs(run(text, shipped), negated=None)
    assert ("tranexamic-acid", "hyperpigmentation") in found
    assert ("tranexamic-acid", "acne") not in found
    assert ("glycolic-acid", "skin-ageing") not in pairs(run("Glycolic acid is a favourite for mature skin types.", shipped))
    claim = pairs(run("Even if you have fine lines, lactic acid can help.", shipped))
    assert claim == {("lactic-acid", "wrinkles")}


def test_the_products_own_texture_and_procedures_are_no_effects(shipped):
    found = pairs(run("Retinol serum: the lightweight texture layers under makeup.", shipped), negated=None)
    assert ("retinol", "texture") not in found
    assert pairs(run("Exosomes are used after laser resurfacing.", shipped), negated=None) == set()


def test_a_name_used_alongside_is_not_the_subject(shipped):
    found = pairs(run("When combined with microneedling, exosome serum can hydrate skin.", shipped))
    assert found == {("exosomes", "hydration")}


def test_a_heading_line_introduces_the_line_after_it(shipped):
    text = "Our serum\n- Reduces Dark Spots\nTranexamic acid works by inhibiting plasmin."
    view = run(text, shipped)
    f = finding(view, "tranexamic-acid", "hyperpigmentation")
    assert f["attribution"] == "next-sentence"
    listed = "These filters have been linked to:\nCoral bleaching\nZinc oxide is a mineral filter."
    assert ("zinc-oxide", "environmental-harm") not in pairs(run(listed, shipped), negated=None)


def test_a_question_is_answered_by_the_next_sentences_ingredient(shipped):
    text = "Klagst du über trockene Haut? Einen fahlen Teint? Dann solltest du Ceramide verwenden."
    view = run(text, shipped)
    assert pairs(view) == {("ceramides", "hydration"), ("ceramides", "radiance")}
    assert {f["attribution"] for f in view["findings"] if f["effect"]} == {"next-sentence"}


def test_these_peptides_continue_the_peptide_named_before(shipped):
    text = "A copper peptide complex is a popular active. These peptides are considered antioxidants."
    assert pairs(run(text, shipped)) == {("copper-peptides", "antioxidant")}


@pytest.mark.parametrize(
    ("text", "effect"),
    [
        ("Salicylic acid unclogs pores.", "acne"),
        ("Mineral oil can clog pores.", "comedogenicity"),
    ],
)
def test_clogged_pores_are_acne_or_comedogenicity_not_pore_size(shipped, text, effect):
    assert {e for _i, e in pairs(run(text, shipped))} == {effect}


def test_a_single_thing_like_another_is_compared(shipped):
    view = run("Snail mucin, like hyaluronic acid, draws water to your skin.", shipped)
    assert {m["ingredient"]["id"]: m["role"] for m in view["mentions"]}["hyaluronic-acid"] == "comparison"
    examples = run("Proven ingredients, like retinol, reduce wrinkles.", shipped)
    assert ("retinol", "wrinkles") in pairs(examples)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("You can see a difference after just one use.", "speed"),
        ("Firmness improved from 55% to 80%.", "percentage"),
        ("Mineral sunscreens are friendlier to the oceans and our skin than regular sunscreens.", "comparison"),
    ],
)
def test_advert_wordings_from_the_second_set(shipped, text, kind):
    assert kind in [k for k, _t in flag_kinds(run(text, shipped))]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Retinal works 11 times faster than retinol.", {"numeric-superlative", "comparison"}),
        ("Freeze 24/7 relaxes muscles in a less invasive fashion than Botox.", {"injection-comparison"}),
        ("These topicals mimic the same smoothing action of Botox.", {"injection-comparison"}),
        ("A healthier way to youthful skin, without the dangers of Botox.", {"injection-comparison"}),
        ("It pulls in a thousand times its weight in water.", {"numeric-superlative"}),
        ("Lab studies have also shown that it helps.", {"clinically-proven"}),
        ("Retinol ist einer der am besten erforschten Wirkstoffe.", {"clinically-proven"}),
        ("Laut Dermatologen genügt ein LSF 20.", {"endorsement"}),
        ("Exosomen haben nahezu keinerlei Nebenwirkungen.", {"no-side-effects"}),
        ("It works with little or no side effects.", {"no-side-effects"}),
        ("Our formulas do not contain alcohol.", {"free-from"}),
        ("Wrinkles fade in a matter of days.", {"speed"}),
        ("Verbesserungen werden schon nach ein paar Tagen sichtbar.", {"speed"}),
        ("Like retinol, bakuchiol boosts collagen.", {"comparison"}),
        ("It gives retinol-like results.", {"comparison"}),
        ("But are these wonder shots worth it?", {"miracle"}),
    ],
)
def test_advert_wordings_from_the_third_set(shipped, text, kinds):
    assert kinds <= {k for k, _t in flag_kinds(run(text, shipped))}


@pytest.mark.parametrize(
    "text",
    [
        "You can go back to your daily routine immediately.",
        "If the burn is serious, consult a dermatologist immediately.",
        "Silicones can make up to 40% of your cream.",
        "Botulinum toxin, more commonly referred to as Botox, is injected.",
        "Are they as effective as their makers would have you believe?",
        "Like all good things, results take time.",
        "It is applied to the skin rather than injected.",
    ],
)
def test_more_wordings_that_promise_nothing(shipped, text):
    assert flag_kinds(run(text, shipped)) == []


def test_dryness_is_the_concern_after_a_cause_and_hydration_after_relief(shipped):
    harm = run("Unlike retinol, bakuchiol doesn't cause irritation or dryness.", shipped)
    assert ("bakuchiol", "dryness") in pairs(harm, negated=None)
    relief = run("Bakuchiol decreases roughness and dryness.", shipped)
    assert ("bakuchiol", "hydration") in pairs(relief)


def test_a_name_before_free_is_what_the_product_lacks(shipped):
    found = pairs(run("After exfoliating, apply a fragrance-free moisturizer that repairs the barrier.", shipped), negated=None)
    assert not {p for p in found if p[0] == "fragrance"}


def test_an_effect_adjective_before_another_thing_describes_that_thing(shipped):
    view = run("Our retinol is blended with soothing shea butter in a calming, hydrating base.", shipped)
    assert not {p for p in pairs(view, negated=None) if p[0] == "retinol"}


def test_a_contrast_with_its_own_subject_ends_the_claim(shipped):
    text = "Zinc oxide is the only filter considered safe, while 12 other UV filters were identified as toxic."
    assert ("zinc-oxide", "systemic-toxicity") not in pairs(run(text, shipped), negated=None)
    same = "Retinol reduces wrinkles but it can irritate."
    assert ("retinol", "irritation") in pairs(run(same, shipped), negated=None)


@pytest.mark.parametrize(
    ("text", "effect"),
    [
        ("Retinol enhances the skin's ability to retain water.", "hydration"),
        ("Bakuchiol doesn't decrease the size of oil glands.", "oil-control"),
        ("Squalane helps reverse damage caused by the sun.", "photodamage"),
        ("Niacinamid verfeinert vergrößerte Poren.", "pores"),
        ("Ceramide halten die Haut geschmeidig.", "elasticity"),
        ("Retinol hat eine peelende Wirkung.", "exfoliation"),
        ("Panthenol wirkt reizlindernd.", "soothing"),
        # session 9, from unlabelled pages read for wordings (never from a held-out set)
        ("Koffein wirkt abschwellend.", "dark-circles"),
        ("Niacinamid sorgt für eine Verfeinerung des Hautbildes.", "texture"),
        ("Hyaluronic acid helps prevent moisture loss.", "barrier"),
        ("Retinol improves pliability.", "elasticity"),
        # session 13: a harm, not a target ("for dehydrated skin" stays hydration)
        ("Alcohol can dehydrate the skin.", "dryness"),
        ("Retinol verursacht anfangs Schälungen.", "dryness"),
        ("Bakuchiol ist auch für Sensibelchen geeignet.", "tolerability"),
    ],
)
def test_more_effect_wordings(shipped, text, effect):
    assert effect in {e for _i, e in pairs(run(text, shipped), negated=None)}


def test_numbered_items_after_blank_lines_continue_the_ingredient(shipped):
    text = "The benefits of urea for dry skin:\n\n1. Intensive moisture\n\n2. Relief of itching"
    found = pairs(run(text, shipped))
    assert {("urea", "hydration"), ("urea", "soothing")} <= found
    fresh = pairs(run("Urea is a popular moisturiser.\n\nSmoother skin is a goal for many.", shipped))
    assert ("urea", "texture") not in fresh  # a new paragraph that is no list item starts afresh


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Results appear within 4 to 12 weeks.", "speed"),
        ("It works in just three-minutes a day.", "speed"),
        ("Changes become apparent within the first week.", "speed"),
        ("It cut wrinkles by 29 per cent.", "percentage"),
        ("Aloe vera blocks out 20% of harmful UV rays.", "percentage"),
        ("Exosome therapy is the latest groundbreaking advancement.", "breakthrough"),
        ("This next-gen device works.", "breakthrough"),
        ("A good serum can do wonders for your skin.", "miracle"),
        ("Durch zahlreiche klinische Tests ist seine Wirksamkeit bewiesen.", "clinically-proven"),
        ("There is encouraging evidence that it works.", "clinically-proven"),
        ("It passed an irritation test for sensitive skin.", "dermatologically-tested"),
        ("Retinol and tretinoin are the dermatologist stars of your routine.", "endorsement"),
        ("Anstelle von Wasser verwenden wir 100% reine Aloe Vera.", "natural"),
        ("The formula doesn't include harsh or irritating ingredients.", "free-from"),
        ("Mineral sunscreens are generally less irritating.", "comparison"),
        ("Instead of topical collagen, use a peptide.", "comparison"),
        ("If you're not ready for cosmetic injections, try this.", "injection-comparison"),
        ("Die Technologie dringt zehn mal tiefer ein.", "numeric-superlative"),
    ],
)
def test_advert_wordings_from_the_fourth_set(shipped, text, kind):
    assert kind in [k for k, _t in flag_kinds(run(text, shipped))]


@pytest.mark.parametrize(
    "text",
    [
        "It is applied to the face instead of being injected.",
        "Patients expected much more pain.",
        "Dermatolog:innen schätzen ihn ebenso wie Fans.",
        "It sold out in 39 minutes.",
        "Your skin uses it immediately.",
        "Two weights of hyaluronic acid work double-duty.",
    ],
)
def test_wordings_from_the_fourth_set_that_promise_nothing(shipped, text):
    assert [k for k, _t in flag_kinds(run(text, shipped)) if k != "endorsement"] == []


def test_after_several_ingredients_a_sentence_that_does_not_say_which_is_no_ones(shipped):
    text = "This serum contains retinol and niacinamide. Skin looks smoother in weeks."
    view = run(text, shipped)
    assert not pairs(view)
    assert [e["effect"] for e in view["effects"] if not e["attributed"]] == ["texture"]
    assert ("retinol", "texture") in pairs(run("This serum contains retinol. Skin looks smoother in weeks.", shipped))
    both = run("This serum contains retinol and niacinamide. They smooth skin.", shipped)
    assert {("retinol", "texture"), ("niacinamide", "texture")} <= pairs(both)


def test_a_list_of_vitamin_letters_names_each_vitamin(shipped):
    view = run("The formula also contains vitamins A, C and E to add radiance.", shipped)
    assert {("retinol", "radiance"), ("vitamin-c", "radiance"), ("vitamin-e", "radiance")} <= pairs(view)
    german = run("Die Vitamine C und E sollen freie Radikale neutralisieren.", shipped)
    assert {("vitamin-c", "antioxidant"), ("vitamin-e", "antioxidant")} <= pairs(german)


def test_common_marketing_names_are_known(shipped):
    assert ("green-tea", "redness") in pairs(run("Green tea can reduce redness.", shipped))
    assert ("acetyl-hexapeptide-8", "wrinkles") in pairs(run("Hexapeptide-8 reduces wrinkles.", shipped))
    assert ("plant-botox", "wrinkles") in pairs(run("This botox serum smooths wrinkles.", shipped))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Research continually supports daily sunscreen.", "clinically-proven"),
        ("It's well established that retinols help.", "clinically-proven"),
        ("A long-term study found fewer wrinkles.", "clinically-proven"),
        ("Hyaluronic acid is a dermatologist-approved go-to.", "endorsement"),
        ("Retinoic acid is still the favoured molecule by dermatologists.", "endorsement"),
        ("It has become a dermatological staple.", "endorsement"),
        ("It works without the danger of genetic cargo.", "no-side-effects"),
        ("I noticed smoother skin after a few days.", "speed"),
        ("More resilient skin from 1st use.", "speed"),
        ("It targets puffiness and fine lines quickly.", "speed"),
        ("Die Behandlung zeigt eine Verdopplung der Fasern.", "numeric-superlative"),
        ("Second only to sunblocks, retinol is loved.", "comparison"),
        ("It also outscored its rivals.", "comparison"),
        ("Microneedling ist die Schönheitsrevolution in Hollywood.", "breakthrough"),
    ],
)
def test_advert_wordings_from_the_fifth_set(shipped, text, kind):
    assert kind in [k for k, _t in flag_kinds(run(text, shipped))]


@pytest.mark.parametrize(
    "text",
    [
        "Let's take a closer look at what the research says.",
        "After a few weeks of use, skin gradually feels smoother.",
        "It delivers intensive overnight therapy for dry lips.",
        "Ureacremes wirken auf zweifache Weise.",
        "Azelaic acid offers a triple-action approach.",
        "Hyaluronic acid serums are the holy grail of hydration.",
    ],
)
def test_wordings_from_the_fifth_set_that_promise_nothing(shipped, text):
    assert flag_kinds(run(text, shipped)) == []


def test_dermatologist_approved_is_an_endorsement_not_a_test(shipped):
    assert [k for k, _t in flag_kinds(run("A dermatologist-approved serum.", shipped))] == ["endorsement"]
    assert [k for k, _t in flag_kinds(run("Dermatologically tested.", shipped))] == ["dermatologically-tested"]


def test_skin_boosters_are_injected_hyaluronic_acid(shipped):
    found = pairs(run("Hyaluronic acid skin boosters deliver deep hydration.", shipped))
    assert found == {("hyaluronic-acid-filler", "hydration")}


def test_chemical_sunscreens_are_not_the_sunscreen_product(shipped):
    found = pairs(run("Chemical sunscreens are endocrine disruptors.", shipped), negated=None)
    assert ("sunscreen", "endocrine-activity") not in found
    assert ("sunscreen", "photoprotection") in pairs(run("Sunscreen protects against UV rays.", shipped))


def test_its_says_what_the_subject_is(shipped):
    text = "Retinoic acid is the favoured molecule. It's vitamin A. It makes pores look smaller."
    found = pairs(run(text, shipped))
    assert ("tretinoin", "pores") in found and ("retinol", "pores") not in found


@pytest.mark.parametrize(
    ("text", "effect"),
    [
        ("Hyaluronic acid leaves your hands feeling soft and smooth.", "texture"),
        ("Salicylic acid helps improve skin's natural turnover.", "cell-renewal"),
        ("Caffeine targets puffiness and dark shadows.", "dark-circles"),
        ("Niacinamide slows down overproduction of oil.", "oil-control"),
        ("Urea fördert die Abschilferung abgestorbener Hautzellen.", "exfoliation"),
        ("Microneedling hilft bei grobporiger Haut.", "pores"),
        ("Parabens mimic estrogen in the body.", "endocrine-activity"),
    ],
)
def test_effect_wordings_from_the_fifth_set(shipped, text, effect):
    assert effect in {e for _i, e in pairs(run(text, shipped), negated=None)}


def test_a_patterns_required_word_is_in_every_match_it_makes():
    """The flag search skips a pattern when its required word is not in the sentence; that is only sound
    if no match of the pattern lacks the word. Checked on every labelled advert passage."""
    import re

    from advert_measure import load_all

    from skincli.claims.check import _kind_patterns, _required_word

    assert _required_word(r"\bas\s+good\s+as\b") == "good"
    assert _required_word(r"\balternatives?\s+to\b") == "alternative"
    assert _required_word(r"\b(?:a|b)\s+than\b") == "than"
    assert _required_word(r"\bfoo\b|\bbar\b") is None
    texts = [p["text"] for p in load_all()]
    checked = 0
    for n, kind in enumerate(phrases.FLAGS):
        for pattern, word in _kind_patterns(n):
            if word is None:
                continue
            for text in texts:
                for m in re.finditer(pattern, text, re.IGNORECASE):
                    assert word in m.group().lower(), (kind, pattern, m.group())
                    checked += 1
    assert checked > 300


def assert_flagged(view: dict[str, Any], kind: str, flagged: str) -> None:
    """A flag of that kind whose quoted text overlaps `flagged` (either holds the other)."""
    kinds = [(g["kind"], g["text"]) for g in view["flags"]]
    assert any(k == kind and (flagged in t or t in flagged) for k, t in kinds), kinds


# ---- session 4: flags worded as two concepts near each other, not as a fixed phrase --------------------------
@pytest.mark.parametrize(
    ("text", "kind", "flagged"),
    [
        ("Research continually supports its daily use.", "clinically-proven", "Research continually supports"),
        ("This study, presented at a congress, showed firmer skin.", "clinically-proven", "study, presented"),
        ("Gewebsuntersuchungen einige Wochen nach der Behandlung zeigen mehr Kollagen.", "clinically-proven", "zeigen"),
        ("Its benefits were confirmed in trials on volunteers.", "clinically-proven", "confirmed in"),
        ("Erste präklinische Studien weisen darauf hin, dass es wirkt.", "clinically-proven", "Studien weisen darauf hin"),
        ("We have endless studies that tell us this.", "clinically-proven", "studies that tell"),
        ("Its benefits, as evidenced in trials, are clear.", "clinically-proven", "evidenced in trials"),
        ("It boosts ATP by 500%, according to one study performed on animals.", "clinically-proven", "according to one study"),
        ("Some dermatologists, in fact, still prefer this peel.", "endorsement", "dermatologists, in fact, still prefer"),
        ("Hautärzte schätzen den Wirkstoff seit Jahren.", "endorsement", "Hautärzte schätzen"),
        ("It brings potentially none of the side effects.", "no-side-effects", "none of the side effects"),
        ("Without retinol's unwelcome side effects.", "no-side-effects", "Without retinol's unwelcome side effects"),
        ("Ganz ohne bekannte Risiken für die Haut.", "no-side-effects", "ohne bekannte Risiken"),
    ],
)
def test_flags_worded_as_two_concepts_near_each_other(shipped, text, kind, flagged):
    assert_flagged(run(text, shipped), kind, flagged)


@pytest.mark.parametrize(
    "text",
    [
        "A 2019 study in the Journal of Dermatology found fewer lesions.",  # a named source is cited, not unnamed proof
        "Ingredients dermatologists could love, if only they were stable.",
    ],
)
def test_concept_flags_leave_cited_and_hypothetical_wordings_alone(shipped, text):
    kinds = {g["kind"] for g in run(text, shipped)["flags"]}
    assert not kinds & {"clinically-proven", "endorsement"}, kinds


@pytest.mark.parametrize(
    ("text", "effect"),
    [
        ("Retinol smooths the skin.", "texture"),  # smooth skin is texture (README, "Labels")
        ("Bakuchiol glättet die Haut.", "texture"),
        ("Retinol has a smoothing effect.", "texture"),
        ("Retinol smooths fine lines.", "wrinkles"),  # the verb's object carries the claim
        ("Retinol gives wrinkle-smoothing results.", "wrinkles"),  # ... also when it comes first
        ("Bakuchiol kann Falten glätten.", "wrinkles"),
    ],
)
def test_smoothing_is_texture_unless_its_object_is_another_effect(shipped, text, effect):
    assert {e for _i, e in pairs(run(text, shipped))} == {effect}


@pytest.mark.parametrize(
    ("text", "kind", "flagged"),
    [
        ("It offers all of the same benefits, gently.", "comparison", "same benefits"),
        ("Genau wie Retinol hat Bakuchiol eine Anti-Aging-Wirkung.", "comparison", "Genau wie"),
        ("Bakuchiol is comparable with retinol in its ability to smooth skin.", "comparison", "comparable with"),
        ("Retinal is the stronger cousin of retinol.", "comparison", "stronger cousin"),
        ("Mineralische Filter sind deutlich besser verträglich als chemische Filter.", "comparison", "besser verträglich als"),
        ("Es gibt auch eine pflanzliche Alternative.", "comparison", "pflanzliche Alternative"),
        ("Mineral sunscreens are also safer for the environment.", "comparison", "safer for"),
        ("Within days, skin is energized.", "speed", "Within days"),
        ("They offer protection as soon as they're applied.", "speed", "as soon as they're applied"),
        ("Die Wirkung ist nach einigen Tagen schon sichtbar.", "speed", "nach einigen Tagen"),
        ("In one study, wrinkles faded.", "clinically-proven", "In one study"),
        ("Its efficacy in skin regeneration has been proven.", "clinically-proven", "has been proven"),
        ("Auch Versuche mit Mäusen zeigten eine Aufhellung.", "clinically-proven", "Versuche mit Mäusen zeigten"),
        ("Vitamin C hellt nachweislich Pigmentflecken auf.", "clinically-proven", "nachweislich"),
        ("Cicalfate ist der Liebling aller Dermatologen.", "endorsement", "Liebling aller Dermatologen"),
        ("A totally natural treatment.", "natural", "totally natural"),
        ("A non-fragranced serum with no parabens and no phthalates.", "free-from", "no parabens"),
        ("A soap-free cleanser.", "free-from", "soap-free"),
        ("It holds up to 1,000 times its volume in water.", "numeric-superlative", "times its volume"),
        ("Wrinkles fell by approximately 50 to 60 percent.", "percentage", "by approximately 50 to 60 percent"),
        ("A state of the art treatment.", "breakthrough", "state of the art"),
    ],
)
def test_flag_families_from_the_sixth_and_seventh_sets(shipped, text, kind, flagged):
    assert_flagged(run(text, shipped), kind, flagged)


@pytest.mark.parametrize(
    "text",
    [
        "Salicylsäure, besser bekannt auch als BHA, wirkt in der Pore.",  # "better known as" compares nothing
        "I can do this at home.",  # "can't do this" compares; "can do this" does not
        "The first time I used it, I was surprised.",
        "It is twice as large.",
        "There is nothing you cannot do.",
    ],
)
def test_flag_families_leave_look_alikes_alone(shipped, text):
    assert [(g["kind"], g["text"]) for g in run(text, shipped)["flags"]] == []


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Bakuchiol is pregnancy-safe.", ("bakuchiol", "pregnancy-risk")),
        ("Retinol is on the no-no list for pregnant women.", ("retinol", "pregnancy-risk")),
        ("Salicylsäure sollte in der Schwangerschaft gemieden werden.", ("salicylic-acid", "pregnancy-risk")),
        ("Oxybenzone is harmful to marine life.", ("benzophenone-3", "environmental-harm")),
        ("Hydrochinon ist in hohen Dosen gesundheitsbelastend.", ("hydroquinone", "systemic-toxicity")),
        ("Azelainsäure wird meist gut vertragen.", ("azelaic-acid", "tolerability")),
    ],
)
def test_hazard_and_safety_wordings_name_their_concern(shipped, text, pair):
    assert pair in pairs(run(text, shipped), negated=None)


def test_harsh_describes_the_thing_it_stands_before(shipped):
    """ "harsh environmental conditions", "harsh retinoids": the adjective is about its noun, not a claim."""
    assert pairs(run("Ceramide levels drop when we face harsh environmental conditions.", shipped)) == set()


def test_these_chemicals_refer_back_to_the_list_before(shipped):
    text = (
        "Many products contain harmful chemicals, such as parabens and sulfates. These chemicals are known endocrine disruptors."
    )
    assert pairs(run(text, shipped)) == {("parabens", "endocrine-activity"), ("lauryl-sulfates", "endocrine-activity")}


def test_comparable_with_makes_a_comparison_not_a_subject(shipped):
    text = "Bakuchiol is comparable with retinol in its ability to improve photo-aging. It is known to boost collagen."
    found = pairs(run(text, shipped))
    assert ("bakuchiol", "collagen") in found and not any(i == "retinol" for i, _e in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Peptides give results without side effects like warming of the skin, itching, dryness and sensitivity.",
            {("peptides", "tolerability"), ("peptides", "irritation"), ("peptides", "dryness")},
        ),  # side effects named are the concerns
        ("Tranexamic acid fades post-acne marks.", {("tranexamic-acid", "hyperpigmentation")}),
        ("Azelaic acid treats post-inflammatory erythema.", {("azelaic-acid", "redness")}),
        (
            "Niacinamide reduces pigment made in response to sun exposure or inflammation.",
            {("niacinamide", "hyperpigmentation")},
        ),  # a cause is not a claim
    ],
)
def test_side_effects_marks_and_causes_are_read_as_such(shipped, text, expected):
    assert {(i, e) for i, e in pairs(run(text, shipped), negated=None)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Salicylic acid exfoliates within the pores.", {("salicylic-acid", "exfoliation")}),  # where it acts
        ("Benzoyl peroxide penetrates deep into the pores.", set()),
        ("Niacinamide minimizes pores.", {("niacinamide", "pores")}),
        ("Retinol verfeinert die Poren.", {("retinol", "pores")}),  # the verb's object carries the claim
        ("Retinol refines skin texture.", {("retinol", "texture")}),
    ],
)
def test_pores_as_a_place_claim_nothing(shipped, text, expected):
    assert pairs(run(text, shipped)) == expected


@pytest.mark.parametrize(
    ("text", "ingredient"),
    [
        ("Die Creme enthält Sheabutter.", "shea-butter"),  # written together, though "Shea butter" has a space
        ("Botulinumtoxin glättet Falten.", "botulinum-toxin"),
        ("Methylparaben is a preservative.", "parabens"),
        ("Shea butter softens skin.", "shea-butter"),
    ],
)
def test_a_name_written_as_one_word_is_found_beside_its_spaced_spelling(shipped, text, ingredient):
    assert ingredient in {m["ingredient"]["id"] for m in run(text, shipped)["mentions"]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The serum has retinol, with niacinamide for redness and panthenol to calm irritation.",
            {("niacinamide", "redness"), ("panthenol", "soothing")},  # an adjunct serves its own purpose
        ),
        ("The serum has retinol, plus zinc for oil control.", set()),  # zinc's purpose, and zinc is not on record
        ("Retinol and niacinamide for smoother skin.", {("retinol", "texture"), ("niacinamide", "texture")}),
    ],
)
def test_an_ingredient_named_with_its_purpose_claims_that_purpose(shipped, text, expected):
    assert pairs(run(text, shipped)) == expected


def test_it_after_a_list_is_the_first_named(shipped):
    text = "Key ingredients include retinaldehyde, ceramides and chamomile extract. It reduces fine lines."
    assert pairs(run(text, shipped)) == {("retinal", "wrinkles")}


def test_a_class_before_its_example_leaves_the_claim_to_the_example(shipped):
    found = pairs(run("A gentle alpha-hydroxy acid such as glycolic acid smooths and brightens skin.", shipped))
    assert found == {("glycolic-acid", "tolerability"), ("glycolic-acid", "texture"), ("glycolic-acid", "radiance")}


def test_confused_with_compares(shipped):
    text = "Often confused with its less powerful relative Retinol, Retinaldehyde is ideal for sensitive skin."
    assert pairs(run(text, shipped)) == {("retinal", "tolerability")}


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("It works like retinol to encourage cell turnover.", "works like retinol"),
        ("Azelaic acid calms redness without the side effects of steroids.", "without the side effects of steroids"),
        ("It exfoliates without the rough abrasion of scrubs.", "without the rough abrasion of scrubs"),
    ],
)
def test_working_like_and_without_the_downsides_of_compare(shipped, text, flagged):
    kinds = [(g["kind"], g["text"]) for g in run(text, shipped)["flags"]]
    assert any(k == "comparison" and (flagged in t or t in flagged) for k, t in kinds), kinds


@pytest.mark.parametrize(
    "text",
    ["This cream works like a charm.", "A gel that hydrates without the weight of a cream."],
)
def test_figures_of_speech_are_not_comparisons(shipped, text):
    assert "comparison" not in {g["kind"] for g in run(text, shipped)["flags"]}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Hyaluronic acid works to hydrate and smooth the skin's surface.", ("hyaluronic-acid", "texture")),
        ("Der Beauty-Booster Hyaluronsäure bringt die Haut zum Strahlen.", ("hyaluronic-acid", "radiance")),
        ("Salicylsäure ist eine milde Betahydroxysäure.", ("salicylic-acid", "tolerability")),
        ("Sensitive skin usually tolerates niacinamide well.", ("niacinamide", "tolerability")),
    ],
)
def test_more_wordings_of_texture_radiance_and_tolerability(shipped, text, pair):
    assert pair in pairs(run(text, shipped))


def test_a_patterns_opening_words_hold_every_match_it_makes():
    """A pattern with no required word but an opening group of plain alternatives is tried only when one of
    them is in the sentence; sound only if every match holds one. Checked on every labelled passage."""
    import re

    from advert_measure import load_all

    from skincli.claims.check import _by_opening, _opening_words

    assert _opening_words(r"\b(?:safer|gentler|milder)\s+(?:for|on)\b") == ("safer", "gentler", "milder")
    assert _opening_words(r"\b(?:a|b)\s+x|\by") is None  # a "|" outside the group: a match may start elsewhere
    assert _opening_words(r"\b(?:more|less)\w*\s+x") is not None and _opening_words(r"\b(?:mo+re)\s+x") == ("mo",)
    # the letters an alternative starts with, whatever follows them
    assert _opening_words(r"\b(?:botox|filler\w*(?:\s+shots?)?|face[\s-]?lift)\s+x") == ("botox", "filler", "face")
    assert _opening_words(r"\b(?:injections?|fillers)\b") == ("injection", "fillers")  # the last letter optional
    assert _opening_words(r"\b(?:a|an)?\s+proven") is None  # an optional group may match nothing
    assert _opening_words(r"\b(?:\d+|two)\s+x") is None  # an alternative opening on no letters
    texts = [p["text"] for p in load_all()]
    checked = 0
    for n, _kind in enumerate(phrases.FLAGS):
        for words, i in _by_opening(n):
            pattern = list(phrases.FLAGS.values())[n]["patterns"][i]
            for text in texts:
                for m in re.finditer(pattern, text, re.IGNORECASE):
                    assert any(w in m.group().lower() for w in words), (pattern, m.group())
                    checked += 1
    assert checked > 100


@pytest.mark.parametrize(
    ("text", "ingredient"),
    [
        ("Das Mikroneedling hilft bei Aknenarben.", "microneedling"),
        ("Die Kollagen-Induktionstherapie glättet Falten.", "microneedling"),  # not the collagen product
        ("Das Vampirlifting strafft die Haut.", "prp"),
        ("Skin boosters hydrate the skin from within.", "hyaluronic-acid-filler"),
        ("Centella calms redness.", "centella-asiatica"),
        ("Mineralöl verstopft angeblich die Poren.", "mineral-oil-petrolatum"),
        # session 5
        ("Lichtschutzfaktor 50 schützt vor Sonnenbrand.", "sunscreen"),
        ("Eine Sonnenmilch mit LSF 30 schützt vor UV-Strahlen.", "sunscreen"),
        ("Glycolsäure peelt sanft.", "glycolic-acid"),
        ("Salizylsäure befreit die Poren.", "salicylic-acid"),
        ("Natriumhyaluronat spendet Feuchtigkeit.", "hyaluronic-acid"),
        ("Schneckensekret spendet Feuchtigkeit.", "snail-secretion"),
        ("Tea tree fights blemishes.", "tea-tree-oil"),
        ("Grüntee wirkt antioxidativ.", "green-tea"),
        ("Kamillenextrakt beruhigt die Haut.", "chamomile"),
        ("Das Peptid glättet Falten.", "peptides"),
        ("Vitamin B5 soothes dry skin.", "panthenol"),
        ("A glycolic toner smooths texture.", "glycolic-acid"),
        ("Azelaic is a multitasker for redness.", "azelaic-acid"),
    ],
)
def test_everyday_and_german_names_of_procedures_and_ingredients(shipped, text, ingredient):
    assert {m["ingredient"]["id"] for m in run(text, shipped)["mentions"]} == {ingredient}


@pytest.mark.parametrize(
    "second",
    [
        "For one, it's anti-microbial and packed with glycolic acid. It can fade dark spots.",
        "It fades dark spots and is rich in glycolic acid.",
    ],
)
def test_a_pronoun_subject_keeps_the_ingredient_before(shipped, second):
    # the names after "it" are what it contains: neither the claims nor the next "it" are theirs
    found = pairs(run(f"Snail mucin is loved by editors. {second}", shipped))
    assert ("snail-secretion", "hyperpigmentation") in found
    assert not {p for p in found if p[0] == "glycolic-acid"}


def test_an_unnamed_product_holding_several_actives_keeps_its_own_claims(shipped):
    # "it" is a product nobody named: of the several actives it holds, none is what the next "it" means
    text = (
        "The corrector fades spots. It is formulated with vitamin C, vitamin E and pine bark. "
        "It promotes surface cell turnover and helps skin look younger."
    )
    found = pairs(run(text, shipped))
    assert not {p for p in found if p[1] in ("cell-renewal", "skin-ageing")}
    # ... but "these ingredients" are all of them
    text = "The serum fades spots. It has 3% tranexamic acid and 4% niacinamide. These ingredients brighten your face."
    assert {("tranexamic-acid", "radiance"), ("niacinamide", "radiance")} <= pairs(run(text, shipped))
    # ... and a product holding one active goes on about that active
    text = "Differin Gel clears acne. It contains 0.1% adapalene. It works to regulate skin cell turnover."
    assert ("adapalene", "cell-renewal") in pairs(run(text, shipped))


def test_bio_retinol_is_bakuchiol_and_retinol_is_compared(shipped):
    view = run("The natural retinol alternative, or bio-retinol, works by increasing the speed of cell turnover.", shipped)
    assert pairs(view) == {("bakuchiol", "cell-renewal")}
    assert {(m["ingredient"]["id"], m["role"]) for m in view["mentions"]} == {("retinol", "comparison"), ("bakuchiol", "subject")}
    assert pairs(run("Das Bio-Retinol glättet Falten.", shipped)) == {("bakuchiol", "wrinkles")}


@pytest.mark.parametrize(
    "gap",
    [
        "\n\nGetty Images\n\nIt's a miracle worker when it comes to hydration.",
        "\n\nAble to retain 1,000 times its own weight in water, it's a miracle worker when it comes to hydration.",
        "\n\nAdvertisement\n\nAble to hold 1,000 times its weight in water, it's a miracle worker for hydration.",
    ],
)
def test_a_paragraph_s_it_after_a_caption_or_an_opening_phrase_goes_on_about_the_one_before(shipped, gap):
    assert pairs(run(f"The key component in this product is hyaluronic acid.{gap}", shipped)) == {
        ("hyaluronic-acid", "hydration")
    }


@pytest.mark.parametrize(
    "second",
    [
        "Growth factors produce collagen and elastin.",
        "However, growth factors produce collagen and elastin.",
        "Yes, but growth factors produce collagen and elastin.",
        "Aber Wachstumsfaktoren regen die Kollagenbildung an.",
    ],
)
def test_a_sentence_about_an_ingredient_the_knowledge_base_lacks_is_not_the_one_before(shipped, second):
    assert pairs(run(f"Retinol is popular. {second}", shipped)) == set()


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Retinol is popular. Polynucleotides produce collagen and elastin.", ("polynucleotides", "collagen")),
        ("Salmon DNA injections improve skin texture.", ("polynucleotides", "texture")),
        ("Das Lachssperma-Facial soll die Haut straffen.", ("polynucleotides", "firmness")),
        ("Glutathion-Kapseln sollen die Haut aufhellen.", ("glutathione", "hyperpigmentation")),
        ("Sulfur masks clear acne.", ("sulfur", "acne")),
    ],
)
def test_entries_added_in_session_14_are_read_in_adverts(shipped, text, expected):
    assert expected in pairs(run(text, shipped))


@pytest.mark.parametrize(
    "second", ["However, it boosts collagen.", "Yes, retinol boosts collagen.", "However, this boosts collagen."]
)
def test_an_opening_word_does_not_hide_the_subject(shipped, second):
    assert pairs(run(f"Retinol is popular. {second}", shipped)) == {("retinol", "collagen")}


def test_an_answer_goes_on_about_the_ingredient_across_question_headings(shipped):
    text = (
        "What are exosomes?\n\nThey are small vesicles that derive from stem cells.\n\n"
        "What are the benefits for the skin?\n\nThey regenerate the skin and reduce fine lines."
    )
    # exosomes that "derive from stem cells" are the lab-made entry
    assert pairs(run(text, shipped)) == {("lab-exosomes", "regeneration"), ("lab-exosomes", "wrinkles")}


def test_a_placeholder_it_is_no_subject(shipped):
    text = "Snail mucin is loved by editors. It's no wonder that for fine lines, retinol is the gold standard."
    assert pairs(run(text, shipped)) == {("retinol", "wrinkles")}


def test_a_german_participle_with_its_example_describes_it(shipped):
    text = "Retinol ist beliebt. Sie glätten Fältchen durch feuchtigkeitsbindende Inhaltsstoffe wie Hyaluronsäure."
    found = pairs(run(text, shipped))
    assert ("hyaluronic-acid", "hydration") in found
    assert ("retinol", "hydration") not in found


def test_a_paragraph_opening_with_it_goes_on_about_the_one_before(shipped):
    text = "This lotion is packed with pure retinol.\n\nNot only does it hydrate dry skin, but it also firms."
    assert pairs(run(text, shipped)) == {("retinol", "hydration"), ("retinol", "firmness")}
    # without a pronoun, a new paragraph's claim is nobody's
    assert pairs(run("This lotion is packed with pure retinol.\n\nHydrates dry skin.", shipped)) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Masks include moisturizing agents like hyaluronic acid, helping skin stay plump.", ("hyaluronic-acid", "plumping")),
        ("It works like retinol to reduce fine lines.", None),  # a verb before "like": a comparison
    ],
)
def test_like_after_a_plural_noun_lists_examples(shipped, text, expected):
    view = run(text, shipped)
    roles = {f["ingredient"]["id"]: f["mention_role"] for f in view["findings"]}
    if expected is None:
        assert roles.get("retinol") == "comparison"
    else:
        assert expected in pairs(view) and roles[expected[0]] == "subject"


def test_a_name_opening_a_sentence_before_a_modal_is_its_subject(shipped):
    text = "Vitamin C serums brighten skin. Collagen can aid in calming damaged skin."
    assert ("topical-collagen", "soothing") in pairs(run(text, shipped))


@pytest.mark.parametrize(
    ("phrase", "effect"),
    [
        ("visibly reduces creases", "wrinkles"),
        ("restores springiness", "elasticity"),
        ("quenches thirsty skin", "hydration"),
        ("leaves skin silky soft", "texture"),
        ("inhibits melanin production", "hyperpigmentation"),
        ("illuminates the complexion", "radiance"),
        ("controls oil", "oil-control"),
        ("turns back the clock", "skin-ageing"),
        ("reduces puffiness and under-eye bags", "dark-circles"),
        ("makes skin more sensitive to the sun", "photosensitivity"),
        ("stärkt die natürliche Schutzschicht", "barrier"),
        ("hemmt die Melaninbildung", "hyperpigmentation"),
        ("macht die Haut samtweich", "texture"),
        ("kann Allergien auslösen", "contact-allergy"),
        ("targets crepiness", "wrinkles"),
        ("improves skin laxity", "firmness"),
        ("relieves dehydrated skin", "hydration"),
        ("fades freckles", "hyperpigmentation"),
        ("reduces congestion", "acne"),
        ("helps regulate oil", "oil-control"),
        ("helps with undereye bags", "dark-circles"),
        ("lässt müde Augen wach aussehen", "dark-circles"),
        ("soll Brustkrebs fördern", "cancer-risk"),
        ("kann die Haut reizen", "irritation"),
        ("und Glycerin binden Wasser", "hydration"),
        ("wirkt zellschützend", "cell-protection"),
        ("can dry the skin", "dryness"),
        ("hilft bei trockener Haut", "hydration"),
        ("strengthens the skin's natural defences", "barrier"),
        ("keeps skin looking young", "skin-ageing"),
        ("is suitable for all skin types", "tolerability"),
        ("eignet sich für alle Hauttypen", "tolerability"),
        ("reduziert Schwellungen unter den Augen", "dark-circles"),
    ],
)
def test_everyday_wordings_of_effects(shipped, phrase, effect):
    assert ("niacinamide", effect) in pairs(run(f"Niacinamide {phrase}.", shipped))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Results rival those of injectables.", "injection-comparison"),
        ("It is the topical answer to Botox.", "injection-comparison"),
        ("It beats retinol for sensitive skin.", "comparison"),
        ("It is superior to other moisturisers.", "comparison"),
        ("Zehnmal wirksamer.", "numeric-superlative"),
        ("It works in seconds.", "speed"),
        ("Schon nach der ersten Anwendung strahlt die Haut.", "speed"),
        ("9 out of 10 women agreed their skin felt softer.", "percentage"),
        ("Tested under dermatological supervision.", "dermatologically-tested"),
        ("Es ist absolut sicher.", "no-side-effects"),
        ("Ein wahrer Alleskönner mit Zauberwirkung.", "miracle"),
        ("Die neueste Generation der Hautpflege.", "breakthrough"),
        ("Made without harsh chemicals.", "free-from"),
        ("Ohne schädliche Chemikalien.", "free-from"),
        # the second probe list (comparisons first)
        ("Move over, retinol.", "comparison"),
        ("It offers the benefits of retinol without the irritation.", "comparison"),
        ("It performs on par with vitamin C.", "comparison"),
        ("Bakuchiol is a great swap for retinol.", "comparison"),
        ("It is a kinder version of retinol.", "comparison"),
        ("Bakuchiol gilt als pflanzliches Retinol.", "comparison"),
        ("This plant-based retinol alternative is gentle.", "comparison"),
        ("Es ist deutlich stabiler als reines Vitamin C.", "comparison"),
        ("Skip the injections and try this serum.", "injection-comparison"),
        ("Eine Alternative zur Faltenunterspritzung.", "injection-comparison"),
        ("Der Effekt ähnelt dem einer Botox-Spritze.", "injection-comparison"),
        ("Fast-acting formula.", "speed"),
        ("Die Haut wirkt im Handumdrehen praller.", "speed"),
        ("The next big thing in skincare.", "breakthrough"),
        ("Made from natural ingredients only.", "natural"),
        ("Rein pflanzlich.", "natural"),
        ("Frei von schädlichen Inhaltsstoffen.", "free-from"),
        ("Doppelt so wirksam.", "numeric-superlative"),
        # the eleventh set's misses, in their general form
        ("An aluminium-free deodorant.", "free-from"),
        ("Free from talc and tar pigments.", "free-from"),
        ("Naturkosmetik verzichtet auf Aluminiumsalze.", "free-from"),
        ("Wir haben uns entschieden, auf Füllstoffe, Alkohol und Parabene zu verzichten.", "free-from"),
        ("It won't contain harmful ingredients.", "free-from"),
        ("99 Prozent pflanzliche Inhaltsstoffe.", "natural"),
        ("Made with 100 percent natural oils.", "natural"),
        ("Skin looks plump and glowing by morning.", "speed"),
        ("It works in less than half an hour.", "speed"),
        ("Lips feel softer with the first swipe.", "speed"),
        ("Created by pediatricians for babies.", "endorsement"),
        ("Visible results that rival prescription treatments.", "comparison"),
        ("Caffeine is considered equal to minoxidil.", "comparison"),
        ("What sets it apart from other ingredients is its power.", "comparison"),
        ("Salz hat eine ähnliche Wirkung.", "comparison"),
        ("A supercharged version of the classic patch.", "comparison"),
        ("Ein Meilenstein der Hautpflege.", "breakthrough"),
        ("A new generation of overnight formulas.", "breakthrough"),
        ("Its proven efficacy speaks for itself.", "clinically-proven"),
        ("Der am besten durch Studien gesicherte Wirkstoff.", "clinically-proven"),
        ("Propolis gilt als Wunderpflanze.", "miracle"),
    ],
)
def test_everyday_wordings_of_marketing_patterns(shipped, text, kind):
    assert kind in {f["kind"] for f in run(text, shipped)["flags"]}


@pytest.mark.parametrize(
    "text",
    [
        "Faltenunterspritzung heißt das Zauberwort.",
        "It absorbs in seconds.",
        "Its rivals are many.",
        "«Die Versprechen der Marketingabteilungen übertreffen bei weitem den sichtbaren Erfolg.»",  # a sceptic
        "Urea bindet zu 10% die natürliche Feuchtigkeit.",
        "Das Treatment verzichtet auf den Einsatz von Fremdmaterial.",
        "Laut Experten ist die Werbemasche irreführend.",
    ],
)
def test_near_misses_of_marketing_patterns_are_not_flagged(shipped, text):
    assert run(text, shipped)["flags"] == []


def test_an_ingredient_after_the_subjects_verb_is_its_object(shipped):
    found = pairs(run("Vitamin C also helps by replenishing vitamin E and reducing fine lines.", shipped))
    assert ("vitamin-c", "wrinkles") in found and ("vitamin-e", "wrinkles") not in found
    # a partner brought in by "combining" keeps its own claim
    found = pairs(run("Retinol works best combining niacinamide, which calms redness.", shipped))
    assert ("niacinamide", "redness") in found


def test_a_pair_combined_for_a_purpose_shares_it(shipped):
    found = pairs(run("Our serum combines 15% vitamin C with ferulic acid to brighten dull skin.", shipped))
    assert {("vitamin-c", "radiance"), ("ferulic-acid", "radiance")} <= found
    # an adjunct named with its own purpose still claims it alone
    assert pairs(run("A retinol cream, with niacinamide for redness.", shipped)) == {("niacinamide", "redness")}


def test_a_german_verb_before_aber_keeps_the_subject(shipped):
    text = "Retinol gilt als Goldstandard gegen Falten, kann aber die Haut irritieren."
    assert pairs(run(text, shipped)) == {("retinol", "wrinkles"), ("retinol", "irritation")}


@pytest.mark.parametrize(
    ("word", "ingredient"),
    [
        ("Retinolcreme", "retinol"),
        ("Kollagenpulver", "topical-collagen"),
        ("Sonnenschutzcreme", "sunscreen"),
        ("Peptidserum", "peptides"),
        ("Fruchtsäurepeeling", "alpha-hydroxy-acids"),
        ("Niacinamidtoner", "niacinamide"),
        ("Kollagenbalsam", "topical-collagen"),
    ],
)
def test_a_german_product_compound_names_its_active(shipped, word, ingredient):
    view = run(f"Die {word} mildert Falten.", shipped)
    assert {f["ingredient"]["id"] for f in view["findings"]} == {ingredient}


def test_a_cream_named_after_an_injection_is_a_flag_not_the_injection(shipped):
    view = run("Die Botoxcreme mildert Falten.", shipped)
    assert view["findings"] == [] and [f["kind"] for f in view["flags"]] == ["injection-comparison"]
    assert run("Die Tagescreme mildert Falten.", shipped)["findings"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Niacinamid kann zusammen mit Retinol verwendet werden und mindert Rötungen.",
        "Niacinamide works well alongside retinol, reducing redness.",
    ],
)
def test_a_partner_named_after_the_subject_leaves_it_the_claim(shipped, text):
    assert pairs(run(text, shipped)) == {("niacinamide", "redness")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sodium Ascorbyl Phosphate is a stable form. SAP brightens skin.", {("vitamin-c", "radiance")}),
        ("Acetyl Hexapeptide-8 is a peptide. Creams with AH-8 relax wrinkles.", {("acetyl-hexapeptide-8", "wrinkles")}),
        ("SAP brightens skin.", set()),  # initials before the name, or without it, name nothing
    ],
)
def test_initials_after_a_name_stand_for_it(shipped, text, expected):
    assert pairs(run(text, shipped)) == expected


def test_who_a_product_is_designed_for_is_no_claim(shipped):
    text = "The serum is designed for skin that's easily irritated or sensitised. Niacinamide calms redness."
    assert pairs(run(text, shipped)) == {("niacinamide", "redness")}


def test_initials_are_graded_as_the_form_they_stand_for(shipped):
    # "SAP" is sodium ascorbyl phosphate: it must not borrow L-ascorbic acid's collagen evidence
    full = finding(run("Sodium ascorbyl phosphate boosts collagen.", shipped), "vitamin-c", "collagen")
    short = finding(run("Sodium Ascorbyl Phosphate is stable. SAP boosts collagen.", shipped), "vitamin-c", "collagen")
    generic = finding(run("Vitamin C boosts collagen.", shipped), "vitamin-c", "collagen")
    assert short["verdict"] == full["verdict"] != generic["verdict"]
    assert short["level"] is None and generic["level"] is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # names the lexicon had only as parts of longer names
        ("Licorice brightens dark spots.", {("licorice", "hyperpigmentation")}),
        ("Aluminium clogs the pores.", {("aluminium-antiperspirant-salts", "pores")}),
        # a German name opening with an adjective, in another case
        ("Extrakte aus grünem Tee wirken antioxidativ.", {("green-tea", "antioxidant")}),
        ("Die ätherischen Öle mildern Rötungen.", {("essential-oils", "redness")}),
        # the salts of other things are not table salt
        ("Zinc salts calm redness.", {("zinc-salts", "redness")}),
        ("An ammonium salt calms redness.", set()),
        # a German compound with "-extrakt", and "lactic" for the acid as "glycolic" is
        ("Süßholzwurzelextrakt mildert Pigmentflecken.", {("licorice", "hyperpigmentation")}),
        ("A lactic toner smooths texture.", {("lactic-acid", "texture")}),
        ("Lactic acid bacteria smooth texture.", set()),
        # any INCI peptide is a cosmetic peptide; names of their own stay theirs
        ("Hexapeptide-11 smooths wrinkles.", {("peptides", "wrinkles")}),
        ("Acetyl Tetrapeptide-5 smooths wrinkles.", {("peptides", "wrinkles")}),
        ("Acetyl Hexapeptide-8 smooths wrinkles.", {("acetyl-hexapeptide-8", "wrinkles")}),
        ("Copper tripeptide-1 smooths wrinkles.", {("copper-peptides", "wrinkles")}),
        ("A hyaluronic serum hydrates.", {("hyaluronic-acid", "hydration")}),
        ("Phytoceramides hydrate.", {("ceramides", "hydration")}),
        ("Tocopherylacetat wirkt antioxidativ.", {("vitamin-e", "antioxidant")}),
        ("Matcha fights free radicals.", {("green-tea", "antioxidant")}),
        ("Niacinamid mildert Linien und rote Flecken.", {("niacinamide", "wrinkles"), ("niacinamide", "redness")}),
        ("In erster Linie spendet Urea Feuchtigkeit.", {("urea", "hydration")}),
        # effect words in their other forms
        ("Urea works by moisturising and softening the skin.", {("urea", "hydration"), ("urea", "texture")}),
        ("Hyaluronic acid gives a dewy look.", {("hyaluronic-acid", "radiance")}),
        ("PHAs are gentle exfoliants.", {("polyhydroxy-acids", "exfoliation"), ("polyhydroxy-acids", "tolerability")}),
        ("Mineral sunscreens are safer for the environment.", {("sunscreen", "environmental-harm")}),
        ("Argireline is safer.", {("acetyl-hexapeptide-8", "tolerability")}),
        ("Zinc oxide blocks UV light.", {("zinc-oxide", "photoprotection")}),
        ("Fragrance molecules exposed to UV light harm the skin.", set()),
        (
            "Niacinamide evens out uneven colour and sallowness.",
            {("niacinamide", "hyperpigmentation"), ("niacinamide", "radiance")},
        ),
    ],
)
def test_names_found_in_their_prose_forms(shipped, text, expected):
    assert pairs(run(text, shipped)) == expected


def test_a_short_aside_after_a_list_item_keeps_the_list(shipped):
    text = "Loaded with kojic acid (derived from sake), alpha arbutin and licorice to fade dark spots."
    assert pairs(run(text, shipped)) == {
        ("kojic-acid", "hyperpigmentation"),
        ("alpha-arbutin", "hyperpigmentation"),
        ("licorice", "hyperpigmentation"),
    }
    strengths = "It has 15 per cent L-ascorbic acid, 1 per cent vitamin E and 0.5% ferulic acid for anti-ageing benefits."
    assert {i for i, _ in pairs(run(strengths, shipped))} == {"vitamin-c", "vitamin-e", "ferulic-acid"}
    # an aside that makes its own claim ends the list: each item keeps its own
    own = "It contains Argireline (wrinkle smoothing) and copper peptides (antioxidant)."
    assert pairs(run(own, shipped)) == {("acetyl-hexapeptide-8", "wrinkles"), ("copper-peptides", "antioxidant")}


def test_a_long_list_of_what_the_product_leaves_out_names_no_subject(shipped):
    text = (
        "Ideal for sensitive skin, this formula is free of 10 common questionable ingredients (such as parabens, "
        "artificial colors, fragrance, mineral oil, silicones and more)."
    )
    assert pairs(run(text, shipped)) == set()


def test_hyaluronic_acid_on_a_skin_booster_page_is_the_injection(shipped):
    text = "Skin boosters are micro-injections into the dermis. Hyaluronic acid hydrates and smooths fine lines."
    assert pairs(run(text, shipped)) == {
        ("hyaluronic-acid-filler", "hydration"),
        ("hyaluronic-acid-filler", "wrinkles"),
    }
    cream = "Skin boosters are micro-injections. Afterwards, apply a hyaluronic acid serum to smooth fine lines."
    assert ("hyaluronic-acid", "wrinkles") in pairs(run(cream, shipped))


@pytest.mark.parametrize("word", ["irritating", "comedogenic", "allergenic"])
def test_non_written_into_the_word_reads_as_the_hyphenated_form(shipped, word):
    fused, hyphenated = run(f"Zinc oxide is non{word}.", shipped), run(f"Zinc oxide is non-{word}.", shipped)
    assert pairs(fused, negated=True) == pairs(hyphenated, negated=True) != set()
    assert [(e["text"], e["negated"]) for e in fused["effects"]] == [(e["text"], e["negated"]) for e in hyphenated["effects"]]


@pytest.mark.parametrize("text", ["The cream has SPF15 in it.", "Mit LSF30 gegen Sonnenbrand.", "It has SPF50+ protection."])
def test_a_protection_factor_written_with_its_number_names_sunscreen(shipped, text):
    assert [m["ingredient"]["id"] for m in run(text, shipped)["mentions"]] == ["sunscreen"]


def test_a_scent_is_how_a_product_smells_not_the_fragrance_ingredient(shipped):
    assert run("With a delightful rose petal scent, this toner leaves skin rejuvenated.", shipped)["mentions"] == []
    assert [m["ingredient"]["id"] for m in run("Fragrance can irritate.", shipped)["mentions"]] == ["fragrance"]


def test_who_reports_a_claim_is_not_who_makes_it(shipped):
    text = "Supporters say they help reduce fine lines and speed up recovery after procedures such as microneedling."
    view = run("Exosome serums are new. " + text, shipped)
    assert ("exosomes", "wrinkles") in pairs(view)
    assert not any(i == "microneedling" for i, _ in pairs(view))


def test_a_german_compound_with_komplex_names_its_ingredient(shipped):
    view = run("Drinks mit Kollagenkomplexen sollen die Haut aufpolstern.", shipped)
    assert pairs(view) == {("topical-collagen", "plumping")}


def test_hyaluronic_acid_applied_by_hand_on_a_skin_booster_page_is_still_the_injection(shipped):
    text = "Skin boosters are built around hyaluronic acid. Applied by an experienced hand, hyaluronic acid can reduce wrinkles."
    assert pairs(run(text, shipped)) == {("hyaluronic-acid-filler", "wrinkles")}


@pytest.mark.parametrize(
    ("text", "compared"),
    [
        ("Unlike synthetic fillers or neurotoxins, exosomes work with the skin.", "botulinum-toxin"),
        ("It is unlikely to replicate the results of Botox injections.", "botulinum-toxin"),
        ("Unlike Juvederm, this serum smooths lines.", "hyaluronic-acid-filler"),
    ],
)
def test_injectables_named_by_class_or_brand_are_comparisons(shipped, text, compared):
    roles = {m["ingredient"]["id"]: m["role"] for m in run(text, shipped)["mentions"]}
    assert roles[compared] == "comparison"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Layer the retinol under moisturizer if you have dry skin.", set()),
        ("The retinol serum is hydrating enough for those with oily skin to use alone.", {("retinol", "hydration")}),
    ],
)
def test_the_readers_skin_is_no_result(shipped, text, expected):
    assert pairs(run(text, shipped)) == expected


def test_a_clause_after_while_with_an_ingredient_the_knowledge_base_lacks_is_not_the_one_before(shipped):
    text = "Caffeine calms the skin, while whey protein strengthens the skin's collagen."
    assert pairs(run(text, shipped)) == {("caffeine", "soothing")}


def test_both_and_they_refer_to_the_two_named_together(shipped):
    text = (
        "Retinol and tretinoin are vitamin A derivatives.\n"
        "Both compounds promote collagen production.\n"
        "Tretinoin is particularly effective for acne.\n"
        "They can fade dark spots."
    )
    found = pairs(run(text, shipped))
    assert {("retinol", "collagen"), ("tretinoin", "collagen")} <= found
    assert {("retinol", "hyperpigmentation"), ("tretinoin", "hyperpigmentation")} <= found
    assert ("retinol", "acne") not in found


def test_a_sentence_opening_on_the_ingredients_is_about_them_even_when_it_names_the_body(shipped):
    text = (
        "Products contain parabens and sulfates. These chemicals are known endocrine disruptors, meaning they "
        "interfere with the body."
    )
    assert pairs(run(text, shipped)) == {("parabens", "endocrine-activity"), ("lauryl-sulfates", "endocrine-activity")}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Honestly? This stuff is basically Botox you rub on.", "injection-comparison"),
        ("Spritzen war gestern: Dieses Serum entspannt Mimikfalten sanft.", "injection-comparison"),
        ("Elasticity up 15% on average.", "percentage"),
        ("88 Prozent fanden, dass sich ihre Haut praller anfühlte.", "percentage"),
        ("Dermatologisch getestete Pflege für die ganze Familie.", "dermatologically-tested"),
        ("Backed by dermatologists for daily use on sensitive skin.", "endorsement"),
        ("Dark spots fade fast with this targeted serum.", "speed"),
        ("Not one synthetic ingredient, ever.", "natural"),
        # comparisons whose other side is a class
        ("It works twice as well as ordinary creams.", "numeric-superlative"),
        ("This is no ordinary moisturizer.", "comparison"),
        ("Where other serums fail, ours delivers.", "comparison"),
        ("Das ist keine gewöhnliche Creme.", "comparison"),
        # unnamed proof and no side effects in other words
        ("Tested in an independent clinical study.", "clinically-proven"),
        ("A proven anti-ager for every skin type.", "clinically-proven"),
        ("No irritation, no redness, no downtime.", "no-side-effects"),
    ],
)
def test_general_flag_wordings(shipped, text, kind):
    assert kind in {k for k, _t in flag_kinds(run(text, shipped))}


@pytest.mark.parametrize(
    "text",
    [
        "Pause your retinol for a week before any Botox appointment.",
        "The lotion absorbs quickly and leaves no residue.",
        "After 25, skin makes about 1% less collagen each year.",
        "Use it twice a day as well as at night.",
    ],
)
def test_look_alikes_of_the_general_flag_wordings_raise_none(shipped, text):
    assert flag_kinds(run(text, shipped)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "soften" with an effect as its object is the means: the claim is the object's
        (
            "Retinol ramps up collagen production, which softens wrinkles over time.",
            {("retinol", "collagen"), ("retinol", "wrinkles")},
        ),
        # the skin's own ceramides in German genitive are the effect, not the ingredient
        ("Niacinamid fördert die Bildung hauteigener Ceramide und stärkt so die Barriere.", {("niacinamide", "barrier")}),
        # a sentence opened by an extract the knowledge base lacks claims nothing for the ingredient before
        ("Ringelblumenextrakt beruhigt gereizte Haut, Hyaluronsäure spendet Feuchtigkeit.", {("hyaluronic-acid", "hydration")}),
        ("Our toner has niacinamide for radiance. Bilberry extract soothes redness.", {("niacinamide", "radiance")}),
        (
            "Titanium dioxide reflects UV, while vitamin E mops up free radicals.",
            {("titanium-dioxide", "photoprotection"), ("vitamin-e", "antioxidant")},
        ),
        # who the product suits, not what it does
        (
            "Is hyaluronic acid right for oily skin? Absolutely: it hydrates without feeling heavy.",
            {("hyaluronic-acid", "hydration")},
        ),
        ("Astaxanthin, a red pigment from microalgae, is one of the strongest antioxidants.", {("astaxanthin", "antioxidant")}),
    ],
)
def test_general_reading_rules_of_session_8(shipped, text, expected):
    assert pairs(run(text, shipped)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Our SPF is free of oxybenzone, which has been linked to coral reef damage.",
            {("benzophenone-3", "environmental-harm")},
        ),
        ("Free from parabens, which are linked to hormone disruption.", {("parabens", "endocrine-activity")}),
        (
            "Formulated without oxybenzone or octinoxate, two filters under scrutiny for harming coral reefs.",
            {("benzophenone-3", "environmental-harm"), ("octinoxate", "environmental-harm")},
        ),
        # what the product is, after its free-from list, is not said of the left-out ingredient
        ("The cream contains no retinol, so it is safe to use during pregnancy.", set()),
        ("It is fragrance-free and non-comedogenic.", set()),
    ],
)
def test_a_hazard_said_of_a_left_out_ingredient_is_its_own(shipped, text, expected):
    assert {p for p in pairs(run(text, shipped)) if p[0] != "sunscreen"} == expected


@pytest.mark.parametrize(
    "text",
    [
        "Salicylic acid exfoliates inside the pore. Quickly reduces oil and can dry the skin.",
        "Salicylic acid exfoliates inside the pore. Excess oil is dissolved, and it can dry the skin.",
    ],
)
def test_a_verb_phrase_or_the_skins_oil_is_no_unknown_ingredient(shipped, text):
    assert ("salicylic-acid", "dryness") in pairs(run(text, shipped))


@pytest.mark.parametrize(
    ("text", "subject", "compared"),
    [
        ("Im Vergleich zu Retinol wirkt Retinal deutlich schneller gegen Falten.", "retinal", "retinol"),
        ("Als sanfte Alternative zu Hydrochinon hellt Alpha-Arbutin Pigmentflecken auf.", "alpha-arbutin", "hydroquinone"),
        ("Im Vergleich zu herkömmlichem Retinol ist Bakuchiol sanfter.", "bakuchiol", "retinol"),
    ],
)
def test_after_a_fronted_german_comparison_the_verb_ends_it(shipped, text, subject, compared):
    view = run(text, shipped)
    roles = {m["ingredient"]["id"]: m["role"] for m in view["mentions"]}
    assert roles == {subject: "subject", compared: "comparison"}
    assert {i for i, _e in pairs(view)} == {subject}


def test_examples_of_a_compared_class_stay_compared(shipped):
    view = run("Niacinamid ist eine Alternative zu aggressiveren Wirkstoffen wie Retinol.", shipped)
    assert {m["role"] for m in view["mentions"] if m["ingredient"]["id"] == "retinol"} == {"comparison"}


def test_the_moisture_barrier_is_the_barrier(shipped):
    assert pairs(run("Niacinamide strengthens your skin's moisture barrier.", shipped)) == {("niacinamide", "barrier")}


def test_both_with_an_adverb_still_refers_to_the_two(shipped):
    found = pairs(run("Caffeine and green tea are antioxidants. Both also help reduce dark circles.", shipped))
    assert {("caffeine", "dark-circles"), ("green-tea", "dark-circles")} <= found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The star ingredient in our KeraFine Body Smoothing Lotion is glycolic acid.", set()),
        ("Superdrug's new Naturally Radiant Glycolic Tonic contains glycolic acid.", set()),
        # said again outside the name, the claim stands
        ("Our Hydrating Daily Serum with hyaluronic acid hydrates deeply.", {("hyaluronic-acid", "hydration")}),
        # a hyphenated German compound is one word, not a name
        ("Niacinamid ist ein echter Anti-Aging-Booster.", {("niacinamide", "skin-ageing")}),
    ],
)
def test_an_effect_word_in_a_product_name_is_no_claim(shipped, text, expected):
    assert pairs(run(text, shipped)) == expected


def test_a_sun_factor_ending_a_product_name_is_not_the_sunscreen_ingredient(shipped):
    text = "The brand says the New Age Defense Hydrator SPF15 works by targeting the skin's natural collagen."
    assert pairs(run(text, shipped)) == set()
    assert pairs(run("Always use SPF30 to protect from UV damage.", shipped)) == {("sunscreen", "photoprotection")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cleft singles the name out as the subject
        (
            "Marula oil gives the glow, but it is the vitamin E in the blend that protects skin from free radicals.",
            {("vitamin-e", "antioxidant")},
        ),
        ("Es ist das Niacinamid, das Rötungen mildert.", {("niacinamide", "redness")}),
        # "it is a peptide that ..." says what it is: no cleft
        ("Our serum smooths lines. It is a peptide that relaxes wrinkles.", set()),
        # a relative clause right after names is theirs
        (
            "Adenosine smooths wrinkles and is paired with niacinamide, which brightens.",
            {("adenosine", "wrinkles"), ("niacinamide", "radiance")},
        ),
        ("The serum pairs retinol with niacinamide, which calms redness.", {("niacinamide", "redness")}),
        (
            "It contains vitamin C and ferulic acid, which protect against free radicals.",
            {("vitamin-c", "antioxidant"), ("ferulic-acid", "antioxidant")},
        ),
    ],
)
def test_clefts_and_relative_clauses_name_whose_claim_it_is(shipped, text, expected):
    assert pairs(run(text, shipped)) == expected


def test_a_formula_verb_before_ohne_makes_a_free_from_list(shipped):
    text = "Die Creme ist ohne Alkohol und Duftstoffe, dafür mit beruhigendem Panthenol."
    assert pairs(run(text, shipped)) == {("panthenol", "soothing")}


def test_an_english_comparison_goes_on_past_a_capitalised_name(shipped):
    view = run("Bakuchiol is a gentle alternative to Vitamin A derivatives like retinol.", shipped)
    assert {m["role"] for m in view["mentions"] if m["ingredient"]["id"] == "retinol"} == {"comparison"}


def test_a_share_of_patients_that_has_a_condition_is_no_result(shipped):
    assert flag_kinds(run("Acne affects about 15% of patients in their twenties.", shipped)) == []
    assert [k for k, _t in flag_kinds(run("89% of respondents felt their skin was more radiant.", shipped))] == ["percentage"]


# The knowledge base's own words for an effect that the checker leaves alone on purpose: each names the
# effect only in some uses ("lines" of text, "spots" of acne or of pigment, "peeling" skin as a side effect,
# "allergy" in "allergy season", "burning" as a verb of the sun, "renewal" read as cell renewal).
_KB_WORDS_NOT_READ = {
    ("wrinkles", "lines"),
    ("acne", "spots"),
    ("exfoliation", "peeling"),
    ("exfoliation", "Peeling"),
    ("contact-allergy", "allergy"),
    ("contact-allergy", "allergic"),
    ("contact-allergy", "Allergie"),
    ("irritation", "burning"),
    ("regeneration", "renewal"),
    ("plumping", "volumising lips"),
    ("dryness", "Dryness"),
    ("dryness", "Trockenheit"),
    ("environmental-harm", "environment"),
    # lookup words (`skincli effect eyelashes`), not claims on their own: "UV" alone is the harm, "Wimpern" a body
    # part (check reads "longer, fuller lashes"), "hormones" no disruption said
    ("photoprotection", "UV"),
    *(("hair-growth", w) for w in ("lashes", "eyelashes", "eyebrows", "Wimpern")),
    *(("endocrine-activity", w) for w in ("hormones", "Hormone")),
}


def test_the_checker_reads_the_knowledge_base_s_own_names_for_each_effect(shipped):
    """An advert that says "photoprotection" or "Kupferrose" uses the knowledge base's own word: the
    checker must read it as that effect, unless the word is listed above as read on purpose otherwise."""
    from skincli.claims.check import _tokens

    lexicon = effect_lexicon()
    missed = []
    for effect in shipped.effects():
        for word in (effect.name, *effect.aliases):
            if (effect.id, word) in _KB_WORDS_NOT_READ:
                continue
            text = f"zz {word} zz"
            found = {h.payload for h in lexicon.find(_tokens(text)) if h.payload}
            if effect.id not in found:
                missed.append((effect.id, word, sorted(found)))
    assert missed == []


@pytest.mark.parametrize(
    "text",
    [
        "Argireline is marketed as a Botox alternative that smooths wrinkles.",
        "Argireline is often touted as Botox in a jar and smooths wrinkles.",
        "Argireline, often touted as Botox in a jar, smooths wrinkles.",
        "Argireline, sold as the Botox alternative, smooths wrinkles.",
    ],
)
def test_a_name_the_subject_is_sold_as_is_no_second_subject(shipped, text):
    """A participle of marketing ("marketed as", "touted as", "sold as") says what the subject is sold as,
    as "is a" says what it is: the wrinkle claim is Argireline's, not the product category's."""
    assert pairs(run(text, shipped)) == {("acetyl-hexapeptide-8", "wrinkles")}


def test_another_name_after_known_as_is_the_claims_owner(shipped):
    # "known as" gives the narrower name of the same thing: its claim
    assert ("acetyl-hexapeptide-8", "wrinkles") in pairs(run("This peptide, known as Argireline, smooths wrinkles.", shipped))


def test_a_passive_participle_still_introduces_another_ingredient(shipped):
    assert ("shea-butter", "soothing") in pairs(run("The balm is blended with shea butter that soothes dry lips.", shipped))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It contains sodium hyaluronate, allantoin and glycerin.\n\nAll these ingredients help repair damaged skin.",
            {("hyaluronic-acid", "regeneration"), ("allantoin", "regeneration"), ("glycerin", "regeneration")},
        ),
        ("The serum is built on niacinamide.\n\nThis ingredient calms redness.", {("niacinamide", "redness")}),
        (
            "Die Creme enthält Panthenol und Glycerin.\n\nDiese Wirkstoffe spenden Feuchtigkeit.",
            {("panthenol", "hydration"), ("glycerin", "hydration")},
        ),
    ],
)
def test_a_paragraph_opening_on_these_ingredients_goes_on_about_the_ones_before(shipped, text, expected):
    """A paragraph break ends the topic, but "These ingredients" or "This ingredient" opening the next
    paragraph names it again, as "They" or "It" do."""
    assert pairs(run(text, shipped)) == expected


def test_a_question_heading_that_names_an_ingredient_hands_it_to_the_answer(shipped):
    # an FAQ: the question is a paragraph of its own, and the answer need not name the ingredient again
    text = "What types of red skin does CBD help with?\n\nRegular use helps to soothe the skin."
    assert pairs(run(text, shipped)) == {("cannabidiol", "redness"), ("cannabidiol", "soothing")}
    # a paragraph that goes on after the question is no heading
    text = "Does CBD help? Some say so.\n\nRegular use helps to soothe the skin."
    assert ("cannabidiol", "soothing") not in pairs(run(text, shipped))


@pytest.mark.parametrize(
    "text",
    [
        "CBD is great. This beautiful, pure oil helps to soothe the skin.",  # adjectives before a comma: no opener
        "CBD is great.\n\nThis pure oil helps to soothe the skin.",  # a new paragraph on "this oil" goes on
        "CBD is great.\n\nThese two powerful ingredients help to soothe the skin.",
    ],
)
def test_a_demonstrative_with_adjectives_still_refers_back(shipped, text):
    assert pairs(run(text, shipped)) == {("cannabidiol", "soothing")}


def test_it_does_not_mean_an_ingredient_named_in_the_plural(shipped):
    """English "it" agrees in number: after "physical sunscreens create a barrier", "It blocks UVA" goes
    back to the singular "zinc oxide" named before, not to the sunscreens."""
    text = "Another sun protector is zinc oxide, used for centuries. Physical sunscreens create a barrier. It blocks UVA rays."
    found = pairs(run(text, shipped))
    assert ("zinc-oxide", "photoprotection") in found
    assert ("sunscreen", "photoprotection") not in found
    # with no singular name before, the plural one is still the best guess
    assert ("sunscreen", "photoprotection") in pairs(run("Physical sunscreens create a barrier. It blocks UVA rays.", shipped))


def test_a_longer_aside_inside_a_list_keeps_the_list_together(shipped):
    text = "It features madecassoside (a molecule derived from centella asiatica), panthenol and cypress extract to soothe skin."
    assert {("centella-asiatica", "soothing"), ("panthenol", "soothing")} <= pairs(run(text, shipped))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vitamin C neutralises free radicals caused by UV radiation.", {("vitamin-c", "antioxidant")}),
        ("Bakuchiol mildert Pickel, die durch übermäßige UV-Strahlung entstehen.", {("bakuchiol", "acne")}),
        ("Vitamin C protects against UV radiation.", {("vitamin-c", "photoprotection")}),
        ("Vitamin C reduces damage from UV radiation.", {("vitamin-c", "photoprotection")}),
        ("Zinkoxid schützt vor UV-Strahlen.", {("zinc-oxide", "photoprotection")}),
        ("Zinc oxide blocks UVA and UVB.", {("zinc-oxide", "photoprotection")}),
    ],
)
def test_uv_light_is_a_photoprotection_claim_only_beside_a_word_of_protection(shipped, text, expected):
    """UV light on its own is what harms the skin; "caused by UV radiation" claims no sun protection."""
    assert pairs(run(text, shipped)) == expected


@pytest.mark.parametrize(
    "text", ["Salicylic acid helps unclog our pores.", "Salicylic acid keeps pores clear.", "Salicylic acid is pore-clearing."]
)
def test_pores_cleared_are_an_acne_claim_not_pore_size(shipped, text):
    assert pairs(run(text, shipped)) == {("salicylic-acid", "acne")}


@pytest.mark.parametrize(
    "text",
    [
        "Retinol is clinically effective against wrinkles.",
        "Retinol has a proven ability to smooth wrinkles.",
        "Enjoy the proven benefits of retinol.",
        "Wissenschaftler haben herausgefunden, dass Retinol Falten glättet.",
        "Retinol ist in Studien erprobt.",
    ],
)
def test_more_ways_of_saying_proven_are_flagged(shipped, text):
    assert "clinically-proven" in {g["kind"] for g in run(text, shipped)["flags"]}


def test_a_list_of_side_effects_after_a_colon_names_harms(shipped):
    text = "Tretinoin often comes with side effects during the adjustment phase: redness, peeling, dryness."
    found = pairs(run(text, shipped))
    assert ("tretinoin", "dryness") in found
    assert ("tretinoin", "hydration") not in found
    assert ("bakuchiol", "dryness") in pairs(
        run("Bakuchiol ist geeignet, weil es die Haut nicht austrocknet.", shipped), negated=True
    )


def test_a_sentence_opening_on_a_product_name_does_not_go_on_about_the_ingredient_before(shipped):
    text = "Vitamin C brightens. Launching in April, Hydra Life Sleeping Mask has a jellylike texture that leaves skin plump."
    assert pairs(run(text, shipped)) == {("vitamin-c", "radiance")}
    # German capitalises its nouns: "Feine Linien" opens no product's name
    text = "Retinol regt die Kollagensynthese an. Feine Linien werden so gemildert."
    assert ("retinol", "wrinkles") in pairs(run(text, shipped))


@pytest.mark.parametrize(
    "text", ["Niacinamide serum: a fresh, gel-like texture that absorbs fast.", "Das Niacinamid-Serum hat eine gelartige Textur."]
)
def test_the_product_s_own_texture_is_no_skin_texture_claim(shipped, text):
    assert ("niacinamide", "texture") not in pairs(run(text, shipped))


def test_acne_treatments_named_as_a_class_claim_no_acne_effect(shipped):
    text = "Ceramides are great after using harsh products like retinoids or acne treatments."
    assert ("ceramides", "acne") not in pairs(run(text, shipped))
    assert ("benzoyl-peroxide", "acne") in pairs(run("Benzoyl peroxide is a powerful acne treatment.", shipped))


@pytest.mark.parametrize(
    ("text", "effect"),
    [
        ("PRP leaves tighter skin.", "firmness"),
        ("Mit Retinol erscheint die Haut gestrafft.", "firmness"),
        ("Mit Retinol wird die Haut fester.", "firmness"),
        ("Retinol sorgt für eine festere Haut und einen gefestigten Teint.", "firmness"),
        ("Mit Retinol werden Pigmentflecken aufgehellt.", "hyperpigmentation"),
        ("Retinol leaves an even-toned complexion.", "hyperpigmentation"),
    ],
)
def test_comparative_and_participle_forms_of_effect_words(shipped, text, effect):
    assert effect in {e for _i, e in pairs(run(text, shipped))}


def test_an_effect_verb_opening_a_list_item_is_no_object_of_the_item_before(shipped):
    text = "Bakuchiol serum:\n- Reduces fine lines\n- Brightens and evens skin tone"
    assert ("bakuchiol", "radiance") in pairs(run(text, shipped))


@pytest.mark.parametrize("text", ["A 17% acceleration in cell renewal.", "Eine 20-prozentige Verbesserung der Elastizität."])
def test_more_wordings_of_a_percentage_result(shipped, text):
    assert "percentage" in {g["kind"] for g in run(text, shipped)["flags"]}


def test_a_lower_risk_of_irritation_is_irritation_not_soothing(shipped):
    found = pairs(run("Vitamin C with magnesium reduces the risk of irritation.", shipped))
    assert ("vitamin-c", "irritation") in found and ("vitamin-c", "soothing") not in found
    assert ("vitamin-c", "soothing") in pairs(run("Vitamin C reduces irritation.", shipped))


def test_a_moisturising_product_named_in_german_is_no_hydration_claim(shipped):
    assert ("vitamin-c", "hydration") not in pairs(run("Ganz neu: eine Feuchtigkeitspflege mit Vitamin C.", shipped))


def test_a_one_word_plural_is_found_though_a_two_word_spelling_is_listed(shipped):
    # "Skinbooster" and "skin boosters" are listed: "Skinboosters" is still the plural of the first
    view = run("Skinboosters act as bio-remodellers. They stimulate collagen synthesis.", shipped)
    assert ("hyaluronic-acid-filler", "collagen") in pairs(view)


@pytest.mark.parametrize(
    "text",
    [
        "Squalane is chemically similar to the sebum we produce naturally.",
        "Salmon DNA is very similar to human DNA.",
        "Its composition is similar to the natural lipids of the skin.",
    ],
)
def test_a_likeness_to_the_body_s_own_substances_is_no_comparison_flag(shipped, text):
    assert "comparison" not in {g["kind"] for g in run(text, shipped)["flags"]}
    assert "comparison" in {g["kind"] for g in run("Bakuchiol is similar to retinol.", shipped)["flags"]}


@pytest.mark.parametrize(
    "text",
    [
        "Retinol works with niacinamide, and it smooths wrinkles.",
        "Retinol works with niacinamide — it smooths wrinkles.",
        "Retinol works with niacinamide because it smooths wrinkles.",
    ],
)
def test_a_pronoun_opening_a_later_clause_picks_up_the_sentence_s_subject(shipped, text):
    assert pairs(run(text, shipped)) == {("retinol", "wrinkles")}


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Bakuchiol statt Retinol: sanfter zur Haut.", "statt Retinol"),
        ("Nutzen Sie das Serum anstelle von Retinol.", "anstelle von"),
        ("Während Retinol die Haut oft reizt, bleibt Bakuchiol sanft.", "Während Retinol"),
        ("Der Unterschied zu Retinol: keine Rötungen.", "Unterschied zu"),
        ("Die Wirkung ist mit Retinol vergleichbar.", "mit Retinol vergleichbar"),
        ("Bakuchiol ist Retinol klar überlegen.", "überlegen"),
        ("Kein Serum kann mit diesem mithalten.", "mithalten"),
        ("Bakuchiol hat die gleiche Wirkung wie Retinol.", "gleiche Wirkung wie"),
        ("Bakuchiol ist weniger reizend als Retinol.", "weniger reizend als"),
        ("Azelainsäure ist nicht so aggressiv wie Tretinoin.", "nicht so aggressiv wie"),
        ("Das Serum ist doppelt so wirksam wie Vitamin C.", "doppelt so wirksam wie"),
        ("Gegenüber Retinol hat Bakuchiol keine Nachteile.", "Gegenüber Retinol"),
        ("Glatte Haut ohne die Nebenwirkungen von Retinol.", "ohne die Nebenwirkungen von"),
        ("Bakuchiol is not as harsh as retinol.", "not as harsh as"),
        ("This serum is twice as hydrating as hyaluronic acid.", "twice as hydrating as"),
    ],
)
def test_plain_german_and_english_comparisons_are_flagged(shipped, text, cue):
    flagged = [text[g["start"] : g["end"]] for g in run(text, shipped)["flags"] if g["kind"] == "comparison"]
    assert any(cue in f or f in cue for f in flagged), flagged


@pytest.mark.parametrize(
    "text",
    [
        "Statt zu reiben, tupfen Sie das Serum sanft ein.",
        "Während der Nacht regeneriert sich die Haut.",
        "Retinol is not as well known as it should be.",
        "Auftragen, ohne die Augenpartie zu berühren.",
        "Anstelle von Wasser verwenden wir reines Aloe-Vera-Gel als Basis.",
        "Statt Alkohol enthält das Tonikum Rosenwasser.",
    ],
)
def test_look_alikes_of_plain_comparisons_are_not_flagged(shipped, text):
    assert "comparison" not in {g["kind"] for g in run(text, shipped)["flags"]}


@pytest.mark.parametrize(
    "text",
    [
        "The serum has tranexamic acid and niacinamide. We tested it on 40 women for four weeks. "
        "They saw brighter, more even skin.",
        "Die Creme enthält Retinol und Niacinamid. Wir haben sie vier Wochen lang an 30 Frauen getestet. "
        "Sie bemerkten weniger Falten.",
    ],
)
def test_they_two_sentences_on_is_not_the_ingredients_named_before(shipped, text):
    # on the advert sets a plural "they" two sentences or more after several ingredients was right 17
    # times in 78: the testers, the results, the products had been named since
    assert pairs(run(text, shipped)) == set()


def test_they_in_the_next_sentence_is_still_the_ingredients(shipped):
    text = "The serum has 3% tranexamic acid and 4% niacinamide. These ingredients brighten your face."
    assert pairs(run(text, shipped)) == {("tranexamic-acid", "radiance"), ("niacinamide", "radiance")}


def test_the_product_is_one_active_only_when_it_names_one(shipped):
    one = "Our serum is made with retinol. The serum visibly smooths wrinkles."
    assert pairs(run(one, shipped)) == {("retinol", "wrinkles")}
    # a product of several actives: its claims are the product's, not each active's
    several = "Our serum combines retinol, niacinamide and ceramides. The serum visibly smooths wrinkles."
    assert pairs(run(several, shipped)) == set()


@pytest.mark.parametrize(
    "text",
    [
        "The toner has glycolic acid, lactic acid and squalane. This gentle formulation helps avoid breakouts.",
        "The cleanser has hyaluronic acid and ceramides. Its gentle formula helps prevent dryness.",
    ],
)
def test_the_product_with_adjectives_or_its_is_still_the_product(shipped, text):
    # "this gentle formulation", "its gentle formula": the product of several actives, not the first active
    assert {e for _i, e in pairs(run(text, shipped))} == set()


def test_a_product_of_one_active_keeps_its_claims_through_adjectives(shipped):
    text = "Our serum is made with retinol. This lightweight, fast-absorbing serum smooths fine lines."
    assert pairs(run(text, shipped)) == {("retinol", "wrinkles")}


@pytest.mark.parametrize(
    "text,kind,not_kind",
    [
        # a procedure set against an injection: two procedures compared
        (
            "Unlike fillers that merely add volume, polynucleotides start a biological repair process.",
            "comparison",
            "injection-comparison",
        ),
        ("Compared to laser therapy, LED light therapy is a very gentle treatment.", "comparison", "injection-comparison"),
        (
            "Unlike dermal fillers such as Restylane, which last about six months, a PRP treatment lasts longer.",
            "comparison",
            "injection-comparison",
        ),
        # a cream set against an injection or a procedure
        ("A retinol cream is noninvasive and cheaper than Botox.", "injection-comparison", "comparison"),
        (
            "Die «Revitalift Laser X3»-Creme wirke bei Falten fast wie eine Laserbehandlung.",
            "injection-comparison",
            "comparison",
        ),
    ],
)
def test_what_is_set_against_an_injection_decides_the_comparison_kind(shipped, text, kind, not_kind):
    kinds = [g["kind"] for g in run(text, shipped)["flags"]]
    assert kind in kinds and not_kind not in kinds, kinds


@pytest.mark.parametrize(
    "text,compared",
    [
        ("In a trial, the gel performed comparably to prescription tretinoin.", "tretinoin"),
        ("Retinal works fast in comparison to other forms of retinol.", "retinol"),
        ("Bakuchiol is a retinol-like active that smooths wrinkles.", "retinol"),
        ("Retinaldehyde, a gentler, more bioavailable form of vitamin A, smooths lines.", "retinol"),
    ],
)
def test_a_name_the_pairing_treats_as_compared_is_flagged(shipped, text, compared):
    view = run(text, shipped)
    assert any(m["ingredient"]["id"] == compared and m["role"] == "comparison" for m in view["mentions"]), view["mentions"]
    flagged = [g for g in view["flags"] if g["kind"] in ("comparison", "injection-comparison")]
    assert flagged and all(g["start"] >= 0 and text[g["start"] : g["end"]] == g["text"] for g in flagged), flagged
    assert any((g["compares"] or {}).get("with", {}).get("id") == compared for g in flagged), flagged


@pytest.mark.parametrize(
    "text",
    [
        "Like all other peptides, Argireline is gentle.",
        "Try our moisturizer that is made without the alpha arbutin.",
        "Wie wirkt Retinol? Retinol glättet Falten.",
        "Salicylsäure, besser bekannt auch als BHA, wirkt in der Pore.",
    ],
)
def test_a_class_a_left_out_active_or_a_question_is_no_comparison_flag(shipped, text):
    kinds = [g["kind"] for g in run(text, shipped)["flags"]]
    assert "comparison" not in kinds, kinds


def test_a_question_opening_on_wie_leaves_the_name_its_claims(shipped):
    pairs = {(f["ingredient"]["id"], f["effect"]) for f in run("Wie wirkt Retinol? Retinol glättet Falten.", shipped)["findings"]}
    assert ("retinol", "wrinkles") in pairs
    roles = [m["role"] for m in run("Wie wirkt Retinol? Es glättet Falten.", shipped)["mentions"]]
    assert roles == ["subject"], roles


def test_a_procedure_also_sold_as_a_cream_is_the_cream_s_subject(shipped):
    """PDRN is injected and sold in serums: "PDRN serum" is that serum, not an injection named as a cream
    ("Botox serum"), so the serum's claim is PDRN's."""
    view = run("Our PDRN serum visibly smooths wrinkles.", shipped)
    assert [m["role"] for m in view["mentions"] if m["ingredient"]["id"] == "polynucleotides"] == ["subject"]
    assert ("polynucleotides", "wrinkles") in pairs(view)
    botox = run("Our Botox serum visibly smooths wrinkles.", shipped)
    assert "botulinum-toxin" not in {i for i, _e in pairs(botox)}


@pytest.mark.parametrize(
    "text",
    [
        "This serum doesn't replace sunscreen.",
        "This serum is not a substitute for sunscreen.",
        "Retinol cannot replace a good sunscreen.",
    ],
)
def test_a_denied_replacement_is_a_disclaimer_not_a_comparison(shipped, text):
    kinds = [g["kind"] for g in run(text, shipped)["flags"]]
    assert "comparison" not in kinds and "injection-comparison" not in kinds, kinds


@pytest.mark.parametrize(
    "text,kind",
    [
        ("Our peptide cream is a non-invasive alternative to Botox.", "injection-comparison"),
        ("With no downtime and a natural alternative to Botox, this serum smooths lines.", "injection-comparison"),
        ("Bakuchiol isn't as potent as retinol.", "comparison"),
        ("Bakuchiol can replace retinol in your routine.", "comparison"),
    ],
)
def test_a_negation_that_is_not_the_cue_s_leaves_the_comparison(shipped, text, kind):
    assert kind in [g["kind"] for g in run(text, shipped)["flags"]]


@pytest.mark.parametrize(
    "text", ["Experten sind sich einig: Sonnenschutz ist Pflicht.", "Experten empfehlen Vitamin C am Morgen."]
)
def test_german_experts_agreeing_is_an_endorsement(shipped, text):
    assert "endorsement" in [g["kind"] for g in run(text, shipped)["flags"]]


def test_the_german_separable_verb_for_lightening_is_read(shipped):
    assert ("glutathione", "hyperpigmentation") in pairs(run("Glutathion hellt die Haut in nur 7 Tagen auf.", shipped))


@pytest.mark.parametrize(
    "text,kind",
    [
        ("Unsere PDRN-Creme ist eine sanfte Alternative zu Botox.", "injection-comparison"),
        ("This PDRN serum works like Botox.", "injection-comparison"),
        ("Polynucleotides are a gentler alternative to Botox.", "comparison"),
    ],
)
def test_a_pdrn_cream_against_botox_is_an_injection_comparison_pdrn_injections_a_comparison(shipped, text, kind):
    assert kind in [g["kind"] for g in run(text, shipped)["flags"]]


@pytest.mark.parametrize(
    "text",
    ["This lash serum with isopropyl cloprostenate grows longer, fuller lashes.", "Das Wimpernserum sorgt für längere Wimpern."],
)
def test_lash_growth_is_hair_growth(shipped, text):
    assert ("lash-serums", "hair-growth") in pairs(run(text, shipped))


@pytest.mark.parametrize(
    "text", ["Wie bei Botox entspannen sich die Muskeln.", "Wie eine Botox-Spritze glättet das Serum Falten."]
)
def test_a_sentence_opening_on_wie_can_still_compare(shipped, text):
    view = run(text, shipped)
    assert [m["role"] for m in view["mentions"] if m["ingredient"]["id"] == "botulinum-toxin"] == ["comparison"]


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("Exosomes, tiny vesicles derived from stem cells, promote skin regeneration.", "lab-exosomes"),
        ("What are exosomes? They come from stem cells. They boost collagen.", "lab-exosomes"),
        ("Synthetically made exosomes support regeneration.", "lab-exosomes"),
        ("Exosomes derived from roses calm redness and support regeneration.", "plant-exosomes"),
        ("Exosomes boost collagen and support regeneration.", "exosomes"),  # no source given
        ("Unlike synthetic fillers, exosomes support regeneration.", "exosomes"),  # the fillers are synthetic
        # two sources named: the text is about exosomes in general
        ("Exosomes derived from stem cells or from plants support regeneration.", "exosomes"),
    ],
)
def test_a_general_name_is_the_entry_for_the_one_source_the_text_gives(shipped, text, entry):
    found = pairs(run(text, shipped))
    assert (entry, "regeneration") in found or (entry, "collagen") in found, found
    assert not {p for p in found if p[0].endswith("exosomes") and p[0] != entry}


@pytest.mark.parametrize(
    ("text", "subject", "described"),
    [
        ("Retinal\nA fast-acting form of vitamin A that smooths wrinkles.", "retinal", "retinol"),
        ("Retinaldehyd\nEine Form von Vitamin A, die Falten glättet.", "retinal", "retinol"),
        ("Retinal\nEine Vorstufe von Retinsäure, die Falten glättet.", "retinal", "tretinoin"),
    ],
)
def test_a_line_describing_a_heading_as_a_form_of_another_gives_the_heading_the_claim(shipped, text, subject, described):
    found = pairs(run(text, shipped))
    assert (subject, "wrinkles") in found and (described, "wrinkles") not in found


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("This serum contains a stable form of vitamin C that brightens dull skin.", "vitamin-c"),  # not opening the clause
        ("Retinol is combined with niacinamide, which brightens.", "niacinamide"),  # a relative after a plain name
    ],
)
def test_a_form_named_inside_a_clause_keeps_its_claim(shipped, text, subject):
    assert (subject, "radiance") in pairs(run(text, shipped))


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Aloe vera gently soothes the skin.", ("aloe-vera", "soothing")),  # an adverb before the verb is no object
        ("Snail mucin can even soothe sunburns.", ("snail-secretion", "soothing")),  # a sunburn relieved
        ("Aloe Vera kühlt und beruhigt Sonnenbrand.", ("aloe-vera", "soothing")),
        ("Sunscreen prevents sunburn.", ("sunscreen", "photoprotection")),  # a sunburn prevented
    ],
)
def test_relief_of_a_sunburn_is_soothing_and_an_adverb_keeps_its_verb(shipped, text, pair):
    assert pair in pairs(run(text, shipped))


@pytest.mark.parametrize(
    "text",
    [
        "Niacinamide is a form of vitamin B3.\n\nBenefits:\n- calms redness\n- strengthens the barrier",
        "Niacinamid ist ein Vitamin.\n\nWirkung:\n\n  • beruhigt Rötungen\n\n  • stärkt die Hautbarriere",
    ],
)
def test_a_benefits_label_hands_its_list_to_the_ingredient_before_it(shipped, text):
    assert {("niacinamide", "redness"), ("niacinamide", "barrier")} <= pairs(run(text, shipped))


def test_a_label_that_names_no_benefit_does_not(shipped):
    text = "Niacinamide is a form of vitamin B3.\n\nSuitable for:\n- dry skin\n- sensitive skin"
    assert not {p for p in pairs(run(text, shipped)) if p[0] == "niacinamide"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Retinol\n\nBoosts collagen and smooths wrinkles.", {("retinol", "collagen"), ("retinol", "wrinkles")}),
        (
            "Hyaluronic Acid\n\nA moisture magnet that plumps skin.\n\nVitamin C\n\nBrightens and fights free radicals.",
            {("hyaluronic-acid", "plumping"), ("vitamin-c", "radiance"), ("vitamin-c", "antioxidant")},
        ),
    ],
)
def test_a_paragraph_under_a_heading_that_names_an_ingredient_is_about_it(shipped, text, expected):
    found = pairs(run(text, shipped))
    assert expected <= found
    assert ("hyaluronic-acid", "radiance") not in found  # each heading rules only the paragraph under it


def test_an_effect_heading_alone_in_its_paragraph_introduces_the_next(shipped):
    assert ("vitamin-c", "hyperpigmentation") in pairs(run("Fades dark spots\n\nVitamin C brightens dull skin.", shipped))


def test_a_results_paragraph_reports_what_the_one_before_did(shipped):
    found = pairs(run("Retinol is a vitamin A derivative.\n\nResults: smoother skin and fewer wrinkles.", shipped))
    assert {("retinol", "texture"), ("retinol", "wrinkles")} <= found


def test_a_paragraph_opening_on_plus_or_zudem_goes_on_about_the_one_before(shipped):
    assert ("azelaic-acid", "hyperpigmentation") in pairs(
        run("Azelaic acid calms redness.\n\nPlus, it fades dark marks.", shipped)
    )
    assert ("azelaic-acid", "hyperpigmentation") in pairs(
        run("Azelainsäure beruhigt Rötungen.\n\nZudem mildert sie Pigmentflecken.", shipped)
    )


def test_an_entry_without_claims_that_adverts_claim_for_is_named_with_no_evidence(shipped):
    view = run("Avocado oil deeply hydrates dry skin.", shipped)
    found = [f for f in view["findings"] if f["effect"] == "hydration"]
    assert [f["ingredient"]["id"] for f in found] == ["avocado-oil"]
    assert found[0]["level"] is None and found[0]["claims"] == []
    assert not run("Mix the powder in water.", shipped)["mentions"]  # water stays unnamed


def test_sowohl_als_auch_names_both(shipped):
    assert {("retinol", "wrinkles"), ("bakuchiol", "wrinkles")} <= pairs(
        run("Sowohl Retinol als auch Bakuchiol mildern Falten.", shipped)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The serum combines Retinol (Vitamin A derivative), Hexapeptide-11 (peptide), and Bisabolol to support skin texture.",
            {("retinol", "texture"), ("peptides", "texture"), ("chamomile", "texture")},
        ),
        (
            "Fruit acids (AHAs and PHAs) exfoliate.",
            {("alpha-hydroxy-acids", "exfoliation"), ("polyhydroxy-acids", "exfoliation")},
        ),
    ],
)
def test_a_list_goes_on_past_an_items_own_aside_and_number(shipped, text, expected):
    assert expected <= pairs(run(text, shipped))


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        (  # what an ingredient holds is not what makes its claim
            "Avocado Oil\n\nRich in vitamins C and E, it helps protect the skin from free radicals.",
            {("avocado-oil", "antioxidant")},
            {("vitamin-c", "antioxidant"), ("vitamin-e", "antioxidant")},
        ),
        (
            "Aloe vera, reich an Vitamin E und Panthenol, beruhigt die Haut.",
            {("aloe-vera", "soothing")},
            {("vitamin-e", "soothing"), ("panthenol", "soothing")},
        ),
        (  # a product holding them: the claim is theirs
            "This serum is rich in ceramides which restore the barrier.",
            {("ceramides", "barrier")},
            set(),
        ),
    ],
)
def test_names_an_ingredient_is_rich_in_are_not_its_claims_subject(shipped, text, expected, not_expected):
    found = pairs(run(text, shipped))
    assert expected <= found and not found & not_expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die Exosomentherapie erhöht die Kollagen- und Elastinproduktion.",
            {("exosomes", "collagen"), ("exosomes", "elasticity")},
        ),
        (
            "Beruhigende Wirkstoffe wie Kamillenblüten-Extrakt lindern Rötungen.",
            {("chamomile", "redness"), ("chamomile", "soothing")},
        ),
        ("Zinkoxid wehrt sowohl UVB- als auch UVA-Strahlen ab.", {("zinc-oxide", "photoprotection")}),
        ("Vitamin E schützt die Haut vor Sonnenlicht.", {("vitamin-e", "photoprotection")}),
        ("Zinkoxid eignet sich auch für empfindliche Hauttypen.", {("zinc-oxide", "tolerability")}),
        ("Retinol fördert die Zellbildung.", {("retinol", "cell-renewal")}),
    ],
)
def test_german_compounds_and_rays(shipped, text, expected):
    assert pairs(run(text, shipped)) == expected


def test_rays_are_not_radiance_and_sunlight_alone_is_no_protection(shipped):
    assert pairs(run("UVA-Strahlen lassen die Haut altern, Retinol glättet Falten.", shipped)) == {("retinol", "wrinkles")}
    assert pairs(run("Sonnenlicht lässt die Haut altern, Retinol glättet Falten.", shipped)) == {("retinol", "wrinkles")}


def test_german_sie_is_they_only_after_one_list(shipped):
    view = run("Kollagen und Hyaluronsäure liegen im Trend. Sie versprechen straffere Haut.", shipped)
    assert pairs(view) == {("topical-collagen", "firmness"), ("hyaluronic-acid", "firmness")}
    # names apart: "sie" may be the skin or the cream as well, so no one is given the claim
    view = run("Retinol steckt in der Nachtcreme, Vitamin C im Serum. Sie versorgt die Haut mit Feuchtigkeit.", shipped)
    assert pairs(view) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Bakuchiol delivers similar results without retinol-associated side-effects.",
        "Bakuchiol mildert Falten, jedoch ohne die bei Retinol üblichen Nebenwirkungen.",
    ],
)
def test_the_drawbacks_of_another_ingredient_make_it_a_comparison(shipped, text):
    view = run(text, shipped)
    assert [m["role"] for m in view["mentions"] if m["ingredient"]["id"] == "retinol"] == ["comparison"]
    found = pairs(view, negated=None)
    assert not any(i == "retinol" for i, _ in found) and ("bakuchiol", "tolerability") in found


def test_a_drawback_named_after_an_ingredient_without_without_is_its_own(shipped):
    assert pairs(run("Retinol-associated irritation is common.", shipped)) == {("retinol", "irritation")}


def test_newer_ones_like_are_examples_not_a_comparison(shipped):
    view = run("Newer ones like resveratrol and bakuchiol boost collagen.", shipped)
    assert {m["role"] for m in view["mentions"]} == {"subject"}


def test_this_ingredient_inside_a_new_paragraph_goes_on_about_the_one_before(shipped):
    text = "Glycolic acid removes dead skin cells.\n\nBy adding this ingredient, you'll notice a brighter complexion."
    assert ("glycolic-acid", "radiance") in pairs(run(text, shipped))


@pytest.mark.parametrize(
    "text",
    [
        "Retinol dringt in die Haut ein. Dort stimuliert es die körpereigene Kollagenproduktion.",
        "Retinol dringt in die Haut ein. Gleichzeitig stimuliert es die Kollagenproduktion.",
    ],
)
def test_german_es_after_the_verb_goes_on_about_the_ingredient(shipped, text):
    assert pairs(run(text, shipped)) == {("retinol", "collagen")}


def test_what_the_body_makes_is_still_background(shipped):
    text = "Retinol glättet Falten. Der Körper bildet mit den Jahren weniger Kollagen."
    assert pairs(run(text, shipped)) == {("retinol", "wrinkles")}


def test_naturally_occurring_is_a_description_not_background(shipped):
    text = "Niacinamide is a form of vitamin B3. Naturally occurring in the skin, it calms redness."
    assert pairs(run(text, shipped)) == {("niacinamide", "redness")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Due to its anti-inflammatory properties, niacinamide calms the skin.", {("niacinamide", "inflammation")}),
        ("Aufgrund seiner feuchtigkeitsspendenden Wirkung ist Panthenol beliebt.", {("panthenol", "hydration")}),
    ],
)
def test_the_ingredients_own_property_named_as_the_reason_is_its_claim(shipped, text, expected):
    assert expected <= pairs(run(text, shipped))


def test_a_cause_of_a_problem_is_still_no_claim(shipped):
    text = "Skin becomes rough due to factors like aging and sun damage. Niacinamide brightens it."
    assert pairs(run(text, shipped)) == {("niacinamide", "radiance")}
