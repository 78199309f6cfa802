"""Honest levels: every summary shows the level for the way an entry is used (route, cosmetic strength,
form), with evidence from elsewhere labelled beside it, never instead of it (tests/data/mini2.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DATA

from skincli.kb.levels import headline, others, tag, use_of
from skincli.kb.store import open_kb
from skincli.label.scan import kb_hit

MINI2 = str(DATA / "mini2.yaml")


@pytest.fixture(scope="module")
def kb():
    return open_kb(MINI2, use_overlay=False, use_cache=False)


def test_oral_evidence_never_becomes_a_creams_headline(kb):
    q10 = kb.ingredient("q10")
    use = use_of(q10)
    assert headline(q10, use, ["wrinkles"]).level == 3
    (oral,) = others(q10, use, ["wrinkles"])
    assert (oral.level, tag(oral, q10, use)) == (4, "oral")


def test_prescription_strength_is_labelled_for_a_cosmetic_but_counts_for_a_drug(kb):
    azel, tret = kb.ingredient("azel"), kb.ingredient("tret")
    assert headline(azel, use_of(azel), ["acne"]).level == 3
    (rx,) = others(azel, use_of(azel), ["acne"])
    assert tag(rx, azel, use_of(azel)) == "prescription 20% cream"
    assert headline(tret, use_of(tret), ["wrinkles"]).level == 5
    assert tag(headline(tret, use_of(tret), ["wrinkles"]), tret, use_of(tret)) == ""


def test_route_any_takes_every_route_and_strength(kb):
    azel = kb.ingredient("azel")
    best = headline(azel, use_of(azel, "any"), ["acne"])
    assert best.level == 5 and tag(best, azel, use_of(azel, "any")) == "prescription 20% cream"


def test_a_denial_is_not_evidence_for_the_effect(kb):
    azel = kb.ingredient("azel")
    assert headline(azel, use_of(azel), ["irritation"]).level == 4  # the 3 'rarely irritates' is direction: against


def test_a_form_shows_only_its_own_evidence(kb):
    vitc = kb.ingredient("vitc")
    acid = kb_hit(kb, vitc, "CEE ACID")
    assert acid.form == "L-cee acid" and dict(acid.effects) == {"collagen": 4}
    ester = kb_hit(kb, vitc, "CEE PALMITATE")
    assert dict(ester.effects) == {"wrinkles": 2} and ("collagen", 4, "for L-cee acid") in ester.elsewhere
    unstudied = kb_hit(kb, vitc, "SODIUM CEE PHOSPHATE")
    assert unstudied.effects == () and unstudied.best_level is None
    assert "evidence is for" in unstudied.note and "not studied" in unstudied.note
    alias = kb_hit(kb, vitc, "vit cee")  # a common name says no form: the entry's best for any form
    assert dict(alias.effects) == {"collagen": 4, "wrinkles": 2}


def test_list_filters_and_shows_the_level_for_the_effect(cli):
    rows = cli.json("list", "--kb", MINI2, "--effect", "wrinkles", "--min-evidence", "3", "--json")
    assert [(r["id"], r["level"]) for r in rows] == [("tret", 5), ("q10", 3)]
    assert rows[1]["other"][0]["route"] == "oral" and rows[1]["other"][0]["level"] == 4
    oral = cli.json("list", "--kb", MINI2, "--effect", "wrinkles", "--min-evidence", "4", "--route", "oral", "--json")
    assert [r["id"] for r in oral] == ["q10"]
    text = cli("list", "--kb", MINI2, "--effect", "wrinkles", "--min-evidence", "3").stdout
    assert "[3 preliminary]   Qten (ingredient, antioxidant); elsewhere: 4 oral" in text


def test_summary_objects_carry_route_and_never_show_an_unlabelled_other_route(cli):
    for row in cli.json("list", "--kb", MINI2, "--json"):
        best = row["best_evidence"]
        assert best["route"] in (None, "topical"), row["id"]
        for other in best["other"]:
            assert other["tag"], (row["id"], other)
    plantx = next(r for r in cli.json("list", "--kb", MINI2, "--json") if r["id"] == "plantx")
    assert plantx["best_evidence"]["level"] == 2 and plantx["best_evidence"]["other"][0]["tag"] == "injected"


def test_effect_ranks_by_headline_then_elsewhere(cli):
    rows = cli.json("effect", "wrinkles", "--kb", MINI2, "--json")
    assert [(r["id"], r["level"]) for r in rows] == [("tret", 5), ("q10", 3), ("vitc", 2)]
    rows = cli.json("effect", "wrinkles", "--kb", MINI2, "--route", "oral", "--json")
    assert rows[0]["id"] == "q10" and rows[0]["level"] == 4


def test_compare_cells_and_text(cli):
    view = cli.json("compare", "q10", "azel", "--kb", MINI2, "--json")
    rows = {r["effect"]: r for r in view["effects"]}
    assert rows["wrinkles"]["levels"] == {"q10": 3, "azel": None}
    assert rows["acne"]["cells"]["azel"]["other"][0]["prescription"] is True
    assert rows["irritation"]["kind"] == "concern" and view["effects"][-1]["effect"] == "irritation"
    text = cli("compare", "q10", "azel", "--kb", MINI2).stdout
    assert "3 preliminary · 4 oral" in text and "! Irritation" in text
    assert "elsewhere 5 established (prescription 20%" in text  # the verdict names it too
    md = cli("compare", "q10", "azel", "--kb", MINI2, "--markdown").stdout
    assert "| Wrinkles | **3** preliminary · 4 oral | – |" in md and "| ! Irritation | – | **4** supported |" in md


def test_show_separates_benefits_from_concerns_and_says_what_was_studied(cli):
    text = cli("show", "azel", "--kb", MINI2).stdout
    glance, concerns = text.split("Concerns: how well each harm is shown")
    assert "Acne — elsewhere: 5 prescription 20% cream" in glance
    assert "Irritation — no harm shown: 3 preliminary" in concerns
    assert "Azelo clears acne. (topical, 20% cream, prescription)" in text
    view = cli.json("show", "vitc", "--kb", MINI2, "--json")
    claim = next(c for c in view["claims"] if c["effect"] == "collagen")
    assert (claim["route"], claim["forms"], claim["form"], claim["strength"]) == ("topical", ["cee-acid"], "L-cee acid", "15%")
    assert view["forms"][1] == {"id": "cee-palmitate", "name": "Cee palmitate", "inci": ["CEE PALMITATE"], "note": "an ester"}


def test_scan_does_not_lend_one_forms_level_to_another(cli):
    view = cli.json("scan", "--kb", MINI2, "--json", "Aqua, Cee Palmitate, Sodium Cee Phosphate")
    kb = {item["raw"]: item["kb"] for item in view["items"]}
    assert kb["Cee Palmitate"]["best_level"] == 2 and kb["Cee Palmitate"]["form"] == "Cee palmitate"
    assert kb["Sodium Cee Phosphate"]["best_level"] is None and "not studied" in kb["Sodium Cee Phosphate"]["note"]


def _kb_file(tmp_path: Path, ingredient: str, extra: str = "") -> Path:
    path = tmp_path / "kb.yaml"
    path.write_text(
        "format: 2\n"
        "sources:\n  - {id: s1, kind: study, title: T}\n"
        "effects:\n  - {id: wrinkles, name: Wrinkles, description: d}\n"
        f"ingredients:\n{ingredient}{extra}",
        encoding="utf-8",
    )
    return path


INTERACTION = (
    "interactions:\n  - {{id: i1, between: [{0}], effect: irritation, statement: s., evidence: {{level: 1, rationale: r}}}}\n"
)
ALPHA = "  - id: alpha\n    name: Alpha\n    kind: ingredient\n    category: c\n    summary: s.\n"
CLAIM = "    claims:\n      - {effect: wrinkles, statement: x., claimed_by: s1, evidence: {level: 3, rationale: r r r}"


@pytest.mark.parametrize(
    ("ingredient", "extra", "message"),
    [
        (ALPHA + CLAIM + "}\n", "", "missing required field 'route'"),
        (ALPHA + CLAIM + ", route: oral, form: ester}\n", "", "form 'ester' is not a form of this ingredient"),
        (
            ALPHA + "    inci: [A]\n    forms: [{id: a, name: A, inci: [B]}]\n" + CLAIM + ", route: topical, form: a}\n",
            "",
            "'B' is not in the ingredient's inci list",
        ),
        (
            ALPHA + "    inci: [A]\n    forms: [{id: a, name: A, inci: [A]}]\n" + CLAIM + ", route: topical}\n",
            "",
            "the ingredient lists forms, so say which one was studied",
        ),
        (ALPHA + CLAIM + ", route: topical, head_to_head: [s1]}\n", "", "head_to_head is for comparison claims"),
        (ALPHA + CLAIM + ", route: topical, prescription: maybe}\n", "", "prescription must be true or false"),
        (ALPHA + CLAIM + ", route: skin}\n", "", "route 'skin' is not one of"),
        (
            ALPHA,
            INTERACTION.format("alpha, beta"),
            "'beta' is neither an ingredient nor a group id",
        ),
        (
            ALPHA,
            INTERACTION.format("alpha, alpha"),
            "between needs two different ingredients or groups",
        ),
        (ALPHA, "groups:\n  - {id: g1, name: G, members: [alpha, nobody]}\n", "no ingredient with id 'nobody'"),
    ],
)
def test_validate_new_fields(cli, tmp_path, ingredient, extra, message):
    result = cli("validate", str(_kb_file(tmp_path, ingredient, extra)))
    assert result.exit_code == 1 and message in result.stderr, result.stderr


def test_format_1_claims_take_the_entrys_own_route(cli):
    beta = cli.json("show", "beta", "--kb", str(DATA / "mini.yaml"), "--json")  # a procedure, no route written
    assert beta["claims"][0]["route"] == "procedure" and beta["best_evidence"]["level"] == 0
