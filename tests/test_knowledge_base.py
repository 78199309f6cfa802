"""The shipped knowledge base itself: valid, big enough, honest, and faithful to the seed article."""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from skincli.kb.names import name_keys
from skincli.kb.store import KbFiles, build_tables, parse, shipped_path

# The knowledge base under test: the shipped one, or SKINCLI_TEST_KB (a contributor's draft or overlay).
KB_UNDER_TEST = Path(os.environ.get("SKINCLI_TEST_KB") or shipped_path())
CONTRACT = yaml.safe_load((Path(__file__).parent / "data" / "article_statements.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def data():
    return parse(KbFiles(KB_UNDER_TEST, None))


@pytest.fixture(scope="module")
def by_id(data):
    return {i["id"]: i for i in data["ingredients"]}


@pytest.fixture(scope="module")
def sources(data):
    return {s["id"]: s for s in data["sources"]}


def test_size(data):
    claims = sum(len(i.get("claims", ())) for i in data["ingredients"])
    assert len(data["ingredients"]) >= 45
    assert claims >= 180
    assert len(data["sources"]) >= 70


def test_every_level_has_a_rationale_and_a_label(data):
    for ing in data["ingredients"]:
        for claim in ing.get("claims", ()):
            assert 0 <= claim["evidence"]["level"] <= 5
            assert len(claim["evidence"]["rationale"].split()) >= 3, (ing["id"], claim["statement"])


def test_identifiers_are_well_formed(data):
    for source in data["sources"]:
        if "doi" in source:
            assert re.fullmatch(r"10\.\d{4,9}/\S+", source["doi"]), source["id"]
        if "pmid" in source:
            assert re.fullmatch(r"[1-9]\d{0,8}", str(source["pmid"])), source["id"]
        if "pmcid" in source:
            assert re.fullmatch(r"PMC\d+", source["pmcid"]), source["id"]
        for key in ("doi", "pmid", "pmcid", "url"):
            assert not re.search(r"todo|tbd|xxx|unknown|example", str(source.get(key, "")), re.I), source["id"]


def test_every_reference_resolves(data, by_id, sources):
    experts = {e["id"] for e in data["experts"]}
    effects = {e["id"] for e in data["effects"]}
    for ing in data["ingredients"]:
        for claim in ing.get("claims", ()):
            assert claim["effect"] in effects
            assert claim["claimed_by"] in experts | set(sources)
            assert set(claim.get("sources", ())) <= set(sources)
        for opinion in ing.get("opinions", ()):
            assert opinion["expert"] in experts and opinion["source"] in sources
        assert set(ing.get("related", ())) <= set(by_id)
    for expert in data["experts"]:
        assert expert["source"] in sources


def test_no_name_belongs_to_two_ingredients(data):
    owners: dict[str, set[str]] = {}
    for ing in data["ingredients"]:
        for name in (ing["id"], ing["name"], *ing.get("aliases", ()), *ing.get("inci", ())):
            for key in name_keys(name):
                owners.setdefault(key, set()).add(ing["id"])
    shared = {k: v for k, v in owners.items() if len(v) > 1}
    assert shared == {}


def test_articles_never_raise_a_level(data, sources):
    """A level above 1 must rest on something other than an article: a study, review, guideline..."""
    for ing in data["ingredients"]:
        for claim in ing.get("claims", ()):
            if claim["evidence"]["level"] >= 2:
                kinds = {sources[s]["kind"] for s in claim.get("sources", ())}
                assert kinds - {"article"}, (ing["id"], claim["statement"])


def test_expert_opinions_only_claims_stay_at_opinion_level(data, sources):
    for ing in data["ingredients"]:
        for claim in ing.get("claims", ()):
            if not claim.get("sources"):
                assert claim["evidence"]["level"] <= 1, (ing["id"], claim["statement"])


def test_ids_are_unique_per_section(data):
    for section in ("sources", "experts", "effects", "ingredients"):
        counts = Counter(item["id"] for item in data[section])
        assert [k for k, n in counts.items() if n > 1] == []


def test_shipped_kb_builds_an_index(data):
    header, tables = build_tables(data)
    assert len(tables["ingredients"]) == len(data["ingredients"])
    assert header["index"]


# ---- the seed article ------------------------------------------------------------------------

ARTICLE = CONTRACT["article_source"]


def _who(by: str) -> str:
    return ARTICLE if by == "article" else by


@pytest.mark.parametrize(
    "entry",
    CONTRACT["statements"],
    ids=lambda e: f"{e['type']}-{e['ingredient']}-{e.get('effect', '')}-{'-'.join(e.get('match', [e.get('quote', '')[:20]]))}",
)
def test_article_statement_is_recorded(entry, by_id):
    ing = by_id.get(entry["ingredient"])
    assert ing is not None, f"missing ingredient {entry['ingredient']}"
    if entry["type"] == "claim":
        found = [
            c
            for c in ing.get("claims", ())
            if c["effect"] == entry["effect"]
            and c["claimed_by"] == _who(entry["by"])
            and all(w.casefold() in c["statement"].casefold() for w in entry["match"])
        ]
        assert found, f"no claim on {entry['ingredient']}/{entry['effect']} by {entry['by']} mentioning {entry['match']}"
        for claim in found:
            if "max_level" in entry:
                assert claim["evidence"]["level"] <= entry["max_level"], claim
    elif entry["type"] == "opinion":
        found = [o for o in ing.get("opinions", ()) if o["expert"] == entry["by"] and entry["quote"] in o["quote"]]
        assert found, f"no opinion by {entry['by']} on {entry['ingredient']} quoting {entry['quote']!r}"
        assert all(o["source"] == entry["source"] for o in found)
    else:
        found = [
            f
            for f in ing.get("facts", ())
            if f["source"] == entry["source"] and all(w.casefold() in f["statement"].casefold() for w in entry["match"])
        ]
        assert found, f"no fact on {entry['ingredient']} mentioning {entry['match']}"


def test_article_quotes_are_exact_and_attributed(data):
    """Every opinion sourced to the article quotes, word for word, a passage that person said there."""
    passages = CONTRACT["quoted_passages"]
    quoted_passages = set()
    for ing in data["ingredients"]:
        for opinion in ing.get("opinions", ()):
            if opinion["source"] != ARTICLE:
                continue
            own = [i for i, p in enumerate(passages) if p["by"] == opinion["expert"] and opinion["quote"] in p["text"]]
            assert own, f"{ing['id']}: {opinion['expert']} never said {opinion['quote']!r} in the article"
            quoted_passages.update(own)
    assert quoted_passages == set(range(len(passages))), "every quoted passage of the article is recorded as an opinion"


def test_article_experts_are_attributed_as_the_article_states(data):
    experts = {e["id"]: e for e in data["experts"]}
    for expert_id, want in CONTRACT["experts"].items():
        expert = experts[expert_id]
        assert want["name_contains"] in expert["name"]
        assert want["specialty_contains"] in expert.get("specialty", "")
        if "affiliation_contains" in want:
            assert want["affiliation_contains"] in expert.get("affiliation", "")
        else:
            assert "affiliation" not in expert, "the article states no affiliation for this expert"
        assert expert["source"] == ARTICLE


def test_article_and_guideline_sources(sources):
    article = sources[ARTICLE]
    assert article["kind"] == "article" and article.get("date") == "2024-08-14"
    assert "Judith Cyriax" in article.get("authors", [])
    assert CONTRACT["guideline_source"] in sources


@pytest.fixture(scope="module")
def shipped_kb(data):
    from skincli.kb.store import KnowledgeBase

    header, tables = build_tables(data)
    return KnowledgeBase(header, lambda table, key: tables[table].get(key), "shipped")


@pytest.mark.parametrize("ingredient,names", sorted(CONTRACT["ingredients"].items()))
def test_article_ingredients_resolve_by_their_names(ingredient, names, shipped_kb):
    for name in names:
        assert shipped_kb.resolve(name) == ingredient, name


@pytest.mark.parametrize(
    "name,ingredient",
    [
        ("Hyaluronsäure", "hyaluronic-acid"),
        ("Fruchtsäuren", "alpha-hydroxy-acids"),
        ("SODIUM HYALURONATE", "hyaluronic-acid"),
        ("ASCORBIC ACID", "vitamin-c"),
        ("TOCOPHEROL", "vitamin-e"),
        ("ECTOIN", "ectoine"),
        ("PALMITOYL TRIPEPTIDE-1", "peptides"),
        ("SODIUM ASCORBYL PHOSPHATE", "vitamin-c"),
        ("Vitamin A", "retinol"),
    ],
)
def test_common_inci_and_german_names(name, ingredient, shipped_kb):
    assert shipped_kb.resolve(name) == ingredient


# ---- grading rules version 2, as far as a program can check them (issue 11) ----------------------------
def test_the_knowledge_base_follows_the_mechanical_grading_rules(data):
    """Route on every claim, funding named at level 3+, comparisons marked and at most 1 without a
    head-to-head trial, forms for entries with several INCI names, a review date on every level, no
    template placeholder (skincli/kb/policy.py; `skincli validate --strict` prints the same list)."""
    from skincli.kb.policy import check

    problems = [str(p) for p in check(data)]
    assert problems == [], "\n".join(problems[:20])


def test_every_claim_says_how_the_evidence_was_given(data):
    assert data and all("route" in c for i in data["ingredients"] for c in i.get("claims", ()))


def test_no_summary_shows_another_routes_level_without_saying_so(data):
    """Every level a summary shows is for the entry's own use, or carries a tag naming its route,
    strength or form; and nothing from another context is ever in the headline."""
    from skincli.kb.store import open_kb
    from skincli.views import summary_view

    kb = open_kb(str(KB_UNDER_TEST), use_overlay=False, use_cache=False)
    for ingredient in kb.ingredients():
        best = summary_view(ingredient, kb)["best_evidence"]
        if best["level"] is not None:
            assert best["route"] in ingredient.use or best["tag"], ingredient.id
            assert not best["prescription"] or ingredient.kind == "drug", ingredient.id
        for other in best["other"]:
            assert other["tag"], (ingredient.id, other)


def test_comparisons_are_marked(data):
    from skincli.kb.policy import COMPARISON

    for ingredient in data["ingredients"]:
        for claim in ingredient.get("claims", ()):
            if COMPARISON.search(claim["statement"]):
                assert claim.get("comparison") is True, (ingredient["id"], claim["statement"])
                assert claim["evidence"]["level"] <= 1 or claim.get("head_to_head"), (ingredient["id"], claim["statement"])


def test_no_paper_is_listed_twice(data):
    """One study, one source: a DOI or PMID shared by two source entries splits what cites it."""
    for key in ("doi", "pmid", "pmcid"):
        values = Counter(str(s[key]).lower() for s in data["sources"] if s.get(key))
        assert [v for v, n in values.items() if n > 1] == [], key
