"""Plain, JSON-ready views of the domain. Every output format is drawn from these dicts, so a table
and its `--json` can never disagree. Changes to these shapes are additive only (see SCHEMA_VERSION).
"""

from __future__ import annotations

from typing import Any

from skincli.kb import evidence
from skincli.kb.model import Claim, Ingredient, Opinion, Source
from skincli.kb.store import KnowledgeBase

SCHEMA_VERSION = 1


def level_view(level: int | None) -> dict[str, Any]:
    return {"level": level, "label": evidence.label(level)}


def source_view(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "kind": source.kind,
        "title": source.title,
        "authors": list(source.authors),
        "date": source.date,
        "year": source.year,
        "publisher": source.publisher,
        "journal": source.journal,
        "volume": source.volume,
        "issue": source.issue,
        "pages": source.pages,
        "doi": source.doi,
        "pmid": source.pmid,
        "pmcid": source.pmcid,
        "url": source.url,
        "note": source.note,
        "citation": source.short(),
        "identifier": source.identifier(),
    }


def claim_view(claim: Claim, kb: KnowledgeBase) -> dict[str, Any]:
    return {
        "effect": claim.effect,
        "effect_name": kb.effect(claim.effect).name,
        "statement": claim.statement,
        "claimed_by": {
            "id": claim.claimed_by,
            "name": kb.claimant_name(claim.claimed_by),
            "type": "expert" if kb.is_expert(claim.claimed_by) else "source",
        },
        "route": claim.route,
        "evidence": {**level_view(claim.level), "rationale": claim.rationale},
        "sources": list(claim.sources),
    }


def opinion_view(opinion: Opinion, kb: KnowledgeBase) -> dict[str, Any]:
    return {
        "expert": {"id": opinion.expert, "name": kb.claimant_name(opinion.expert)},
        "stance": opinion.stance,
        "quote": opinion.quote,
        "source": opinion.source,
    }


def best_by_effect(ingredient: Ingredient, kb: KnowledgeBase) -> list[dict[str, Any]]:
    """The verdict at a glance: best level per claimed effect, strongest first, with the route of
    the claim that earns it (an oral trial says little about a cream)."""
    rows = []
    for effect_id in ingredient.effect_ids():
        best = ingredient.best_claim(effect_id)
        assert best is not None
        rows.append({"effect": effect_id, "name": kb.effect(effect_id).name, **level_view(best.level), "route": best.route})
    return sorted(rows, key=lambda r: -r["level"])


def ingredient_view(ingredient: Ingredient, kb: KnowledgeBase) -> dict[str, Any]:
    sources = [s for s in (kb.source(i) for i in ingredient.cited_ids() if not kb.is_expert(i)) if s]
    return {
        "schema_version": SCHEMA_VERSION,
        "id": ingredient.id,
        "name": ingredient.name,
        "kind": ingredient.kind,
        "category": ingredient.category,
        "aliases": list(ingredient.aliases),
        "inci": list(ingredient.inci),
        "summary": ingredient.summary,
        "best_evidence": level_view(ingredient.best_level()),
        "effects": best_by_effect(ingredient, kb),
        "claims": [claim_view(c, kb) for c in ingredient.claims],
        "opinions": [opinion_view(o, kb) for o in ingredient.opinions],
        "facts": [{"statement": f.statement, "source": f.source} for f in ingredient.facts],
        "cautions": [{"type": c.type, "text": c.text, "sources": list(c.sources)} for c in ingredient.cautions],
        "related": [{"id": r, "name": kb.name_of(r)} for r in ingredient.related],
        "sources": [source_view(s) for s in sources],
    }


def summary_view(ingredient: Ingredient) -> dict[str, Any]:
    return {
        "id": ingredient.id,
        "name": ingredient.name,
        "kind": ingredient.kind,
        "category": ingredient.category,
        "summary": ingredient.summary,
        "best_evidence": level_view(ingredient.best_level()),
        "effects": ingredient.effect_ids(),
    }


def compare_view(ingredients: list[Ingredient], kb: KnowledgeBase) -> dict[str, Any]:
    """One column per ingredient, one row per effect any of them claims, each cell the best level."""
    effect_order = {e.id: i for i, e in enumerate(kb.effects())}
    effect_ids = list(dict.fromkeys(e for ing in ingredients for e in ing.effect_ids()))
    rows = []
    for effect_id in effect_ids:
        levels = {ing.id: ing.best_level(effect_id) for ing in ingredients}
        best = {ing.id: ing.best_claim(effect_id) for ing in ingredients}
        routes = {i: (c.route if c else None) for i, c in best.items()}
        known = [lv for lv in levels.values() if lv is not None]
        rows.append(
            (
                (-len(known), -max(known), effect_order.get(effect_id, 999)),
                {"effect": effect_id, "name": kb.effect(effect_id).name, "levels": levels, "routes": routes},
            )
        )
    rows.sort(key=lambda r: r[0])
    return {
        "schema_version": SCHEMA_VERSION,
        "ingredients": [ingredient_view(ing, kb) for ing in ingredients],
        "effects": [row for _, row in rows],
    }


def verdict(view: dict[str, Any]) -> str:
    """One line per ingredient for the top of a comparison: where its evidence is strongest and weakest."""
    effects = view["effects"]
    if not effects:
        return f"{view['name']}: no claims on record"
    best, worst = effects[0]["level"], effects[-1]["level"]
    top = [e["name"].lower() for e in effects if e["level"] == best]
    line = f"{view['name']}: best {best} {evidence.label(best)} ({', '.join(top)})"
    if worst < best:
        low = [e["name"].lower() for e in effects if e["level"] == worst]
        line += f"; weakest {worst} {evidence.label(worst)} ({', '.join(low)})"
    return line


def said_by_expert(view: dict[str, Any]) -> list[str]:
    """`Golüke: endorses, neutral` — each expert once, with every stance they took."""
    stances: dict[str, list[str]] = {}
    for opinion in view["opinions"]:
        who = opinion["expert"]["name"].split()[-1]
        if opinion["stance"] not in stances.setdefault(who, []):
            stances[who].append(opinion["stance"])
    return [f"{who}: {', '.join(s)}" for who, s in stances.items()]


def effect_rank_view(effect_id: str, ingredients: list[Ingredient], kb: KnowledgeBase) -> list[dict[str, Any]]:
    return [
        {
            **summary_view(i),
            "effect": effect_id,
            **level_view(i.best_level(effect_id)),
            "claims": [claim_view(c, kb) for c in i.claims if c.effect == effect_id],
        }
        for i in ingredients
    ]


def effects_view(kb: KnowledgeBase) -> list[dict[str, Any]]:
    counts: dict[str, int] = {}
    for ingredient in kb.ingredients():
        for effect_id in ingredient.effect_ids():
            counts[effect_id] = counts.get(effect_id, 0) + 1
    return [{"id": e.id, "name": e.name, "description": e.description, "ingredients": counts.get(e.id, 0)} for e in kb.effects()]


def expert_view(expert_id: str, kb: KnowledgeBase) -> dict[str, Any]:
    expert = kb.expert(expert_id)
    assert expert is not None
    opinions, claims = [], []
    for ingredient in kb.ingredients():
        ref = {"id": ingredient.id, "name": ingredient.name}
        for o in ingredient.opinions:
            if o.expert == expert_id:
                source = kb.source(o.source)
                opinions.append(
                    {
                        "ingredient": ref,
                        "stance": o.stance,
                        "quote": o.quote,
                        "source": o.source,
                        "source_citation": source.short() if source else o.source,
                    }
                )
        claims += [{"ingredient": ref, **claim_view(c, kb)} for c in ingredient.claims if c.claimed_by == expert_id]
    source = kb.source(expert.source)
    return {
        "schema_version": SCHEMA_VERSION,
        "id": expert.id,
        "name": expert.name,
        "title": expert.title,
        "specialty": expert.specialty,
        "affiliation": expert.affiliation,
        "source": source_view(source) if source else {"id": expert.source, "citation": expert.source},
        "opinions": opinions,
        "claims": claims,
    }


def sources_view(kb: KnowledgeBase) -> list[dict[str, Any]]:
    cited: dict[str, list[str]] = {}
    for ingredient in kb.ingredients():
        for source_id in ingredient.cited_ids():
            cited.setdefault(source_id, []).append(ingredient.id)
    for expert in kb.experts():
        cited.setdefault(expert.source, []).append(f"expert:{expert.id}")
    return [{**source_view(s), "cited_by": cited.get(s.id, [])} for s in kb.sources()]


def scale_view() -> list[dict[str, Any]]:
    from skincli.kb.evidence import LEVELS

    return [{"level": n, "label": lab, "meaning": meaning} for n, (lab, meaning) in LEVELS.items()]
