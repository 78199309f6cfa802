"""Plain, JSON-ready views of the domain. Every output format is drawn from these dicts, so a table
and its `--json` can never disagree. Changes to these shapes are additive only (see SCHEMA_VERSION).
"""

from __future__ import annotations

from typing import Any

from skincli.kb import evidence
from skincli.kb.levels import Level, Use, denial, headline, others, tag, use_of
from skincli.kb.model import Claim, Ingredient, Opinion, Source
from skincli.kb.store import KnowledgeBase

# 2: headline levels are for the way an entry is used (route, cosmetic strength, form), with the evidence
# of other contexts under `other`; level objects carry route, form and strength.
SCHEMA_VERSION = 2


def level_view(level: int | None) -> dict[str, Any]:
    return {"level": level, "label": evidence.label(level)}


def level_object(found: Level | None, ingredient: Ingredient, use: Use) -> dict[str, Any]:
    """A level with what it is for: route, form, strength, prescription, and a display tag (`oral`)."""
    if found is None:
        return {**level_view(None), "route": None, "forms": [], "form": None, "strength": None, "prescription": False, "tag": ""}
    claim = found.claim
    names = [str(ingredient.form_name(f)) for f in claim.forms]
    return {
        **level_view(found.level),
        "route": claim.route,
        "forms": list(claim.forms),
        "form": " / ".join(names) or None,
        "strength": claim.strength,
        "prescription": claim.prescription,
        "tag": tag(found, ingredient, use),
    }


def rated(ingredient: Ingredient, use: Use, effects: list[str] | None = None) -> dict[str, Any]:
    """The headline level for a use, and under `other` the best level of every other route, strength or form."""
    return {
        **level_object(headline(ingredient, use, effects), ingredient, use),
        "other": [level_object(o, ingredient, use) for o in others(ingredient, use, effects)],
    }


def benefit_ids(ingredient: Ingredient, kb: KnowledgeBase) -> list[str]:
    return [e for e in ingredient.effect_ids() if not kb.effect(e).is_concern]


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


def claim_view(claim: Claim, kb: KnowledgeBase, ingredient: Ingredient | None = None) -> dict[str, Any]:
    names = [str(ingredient.form_name(f)) if ingredient else f for f in claim.forms]
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
        "forms": list(claim.forms),
        "form": " / ".join(names) or None,
        "strength": claim.strength,
        "prescription": claim.prescription,
        "population": claim.population,
        "direction": claim.direction,
        "comparison": claim.comparison,
        "head_to_head": list(claim.head_to_head),
        "reviewed": claim.reviewed or (ingredient.reviewed if ingredient else None),
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


def best_by_effect(ingredient: Ingredient, kb: KnowledgeBase, use: Use | None = None) -> list[dict[str, Any]]:
    """The verdict at a glance: per claimed effect, the headline level for the way the entry is used and the
    levels from other routes or strengths beside it; benefits strongest first, then concerns."""
    use = use or use_of(ingredient)
    rows = []
    for effect_id in ingredient.effect_ids():
        effect = kb.effect(effect_id)
        row = {"effect": effect_id, "name": effect.name, "kind": effect.kind, **rated(ingredient, use, [effect_id])}
        against = denial(ingredient, effect_id)
        if against is not None:
            row["against"] = level_object(against, ingredient, use)
        rows.append(row)
    return sorted(rows, key=_effect_order)


def _effect_order(row: dict[str, Any]) -> tuple[int, int, int]:
    shown = row["level"] if row["level"] is not None else max((o["level"] for o in row["other"]), default=-1)
    return (row["kind"] == "concern", row["level"] is None, -shown)


def ingredient_view(ingredient: Ingredient, kb: KnowledgeBase, route: str | None = None) -> dict[str, Any]:
    sources = [s for s in (kb.source(i) for i in ingredient.cited_ids() if not kb.is_expert(i)) if s]
    use = use_of(ingredient, route)
    return {
        "schema_version": SCHEMA_VERSION,
        "id": ingredient.id,
        "name": ingredient.name,
        "kind": ingredient.kind,
        "category": ingredient.category,
        "aliases": list(ingredient.aliases),
        "inci": list(ingredient.inci),
        "summary": ingredient.summary,
        "role": ingredient.role,
        "use": list(ingredient.use),
        "forms": [{"id": f.id, "name": f.name, "inci": list(f.inci), "note": f.note} for f in ingredient.forms],
        "reviewed": ingredient.reviewed,
        "best_evidence": rated(ingredient, use, benefit_ids(ingredient, kb)),
        "effects": best_by_effect(ingredient, kb, use),
        "claims": [claim_view(c, kb, ingredient) for c in ingredient.claims],
        "opinions": [opinion_view(o, kb) for o in ingredient.opinions],
        "facts": [{"statement": f.statement, "source": f.source} for f in ingredient.facts],
        "cautions": [{"type": c.type, "text": c.text, "sources": list(c.sources)} for c in ingredient.cautions],
        "related": [{"id": r, "name": kb.name_of(r)} for r in ingredient.related],
        "sources": [source_view(s) for s in sources],
    }


def narrow_to_effect(view: dict[str, Any], effect_id: str) -> dict[str, Any]:
    """An ingredient view with only one effect's row, claims and the sources they cite (`show --effect`)."""
    claims = [c for c in view["claims"] if c["effect"] == effect_id]
    cited = {s for c in claims for s in (*c["sources"], *c["head_to_head"], c["claimed_by"]["id"])}
    return {
        **view,
        "effects": [e for e in view["effects"] if e["effect"] == effect_id],
        "claims": claims,
        "opinions": [],
        "facts": [],
        "sources": [s for s in view["sources"] if s["id"] in cited],
        "only_effect": effect_id,
    }


def summary_view(ingredient: Ingredient, kb: KnowledgeBase, route: str | None = None) -> dict[str, Any]:
    use = use_of(ingredient, route)
    return {
        "id": ingredient.id,
        "name": ingredient.name,
        "kind": ingredient.kind,
        "category": ingredient.category,
        "role": ingredient.role,
        "summary": ingredient.summary,
        "best_evidence": rated(ingredient, use, benefit_ids(ingredient, kb)),
        "effects": ingredient.effect_ids(),
        "concerns": concerns_view(ingredient, kb, use),
    }


def concerns_view(ingredient: Ingredient, kb: KnowledgeBase, use: Use) -> list[dict[str, Any]]:
    """Each worry on record: how well the harm is shown (`level`) and how well safe use is (`safe_use`)."""
    rows = []
    for effect_id in ingredient.effect_ids():
        effect = kb.effect(effect_id)
        if not effect.is_concern:
            continue
        harm = headline(ingredient, use, [effect_id])
        safe = denial(ingredient, effect_id)
        rows.append(
            {
                "effect": effect_id,
                "name": effect.name,
                "level": harm.level if harm else None,
                "safe_use": safe.level if safe else None,
            }
        )
    return sorted(rows, key=lambda r: -(r["level"] if r["level"] is not None else -1))


def compare_view(ingredients: list[Ingredient], kb: KnowledgeBase, route: str | None = None) -> dict[str, Any]:
    """One column per ingredient, one row per effect any of them claims; each cell the headline level for
    the way that ingredient is used (`levels`), with the route and the other contexts in `cells`."""
    effect_order = {e.id: i for i, e in enumerate(kb.effects())}
    effect_ids = list(dict.fromkeys(e for ing in ingredients for e in ing.effect_ids()))
    rows = []
    for effect_id in effect_ids:
        cells = {ing.id: rated(ing, use_of(ing, route), [effect_id]) for ing in ingredients if effect_id in ing.effect_ids()}
        levels = {ing.id: (cells[ing.id]["level"] if ing.id in cells else None) for ing in ingredients}
        routes = {ing.id: (cells[ing.id]["route"] if ing.id in cells else None) for ing in ingredients}
        shown = [max([c["level"] or -1, *(o["level"] for o in c["other"])]) for c in cells.values()]
        effect = kb.effect(effect_id)
        rows.append(
            (
                (effect.is_concern, -len(shown), -max(shown), effect_order.get(effect_id, 999)),
                {
                    "effect": effect_id,
                    "name": effect.name,
                    "kind": effect.kind,
                    "levels": levels,
                    "routes": routes,
                    "cells": cells,
                },
            )
        )
    rows.sort(key=lambda r: r[0])
    return {
        "schema_version": SCHEMA_VERSION,
        "route": route,
        "ingredients": [ingredient_view(ing, kb, route) for ing in ingredients],
        "effects": [row for _, row in rows],
    }


def level_text(obj: dict[str, Any]) -> str:
    """`4 supported`, `3 preliminary (injected)`, `-` for nothing on record."""
    if obj["level"] is None:
        return "-"
    text = f"{obj['level']} {obj['label']}"
    return f"{text} ({obj['tag']})" if obj.get("tag") else text


def elsewhere(obj: dict[str, Any]) -> list[str]:
    """Stronger evidence from other routes, strengths or forms, labelled: `3 injected`, `5 prescription 20%`
    (everything from elsewhere when there is no level for the use itself, so `- none` is never the whole story)."""
    return [
        f"{o['level']} {o['tag']}".strip()
        for o in obj.get("other", ())
        if o["tag"] and (obj["level"] is None or (o["level"] >= 2 and o["level"] > obj["level"]))
    ]


def against_route(row: dict[str, Any]) -> str:
    """` (oral)` when the "no harm shown" evidence of a concern row is for another route than its headline."""
    tag = row["against"].get("tag")
    return f" ({tag})" if tag and tag != row.get("tag") else ""


def cell_text(obj: dict[str, Any]) -> str:
    """A level for a table cell: the headline, then what is stronger elsewhere (`2 preclinical · 3 injected`)."""
    return " · ".join([level_text(obj), *elsewhere(obj)])


def studied_text(claim: dict[str, Any]) -> str:
    """What a claim's evidence studied: `topical, L-ascorbic acid 15%, prescription, photoaged women`."""
    form = " ".join(p for p in (claim.get("form"), claim.get("strength")) if p)
    parts = [claim.get("route"), form, "prescription" if claim.get("prescription") else "", claim.get("population")]
    return ", ".join(p for p in parts if p)


def verdict(view: dict[str, Any]) -> str:
    """One line per ingredient for the top of a comparison: where its evidence for the way it is used is
    strongest and weakest, and any stronger evidence from another route or strength, labelled."""
    benefits = [e for e in view["effects"] if e.get("kind") != "concern"]
    rated = [e for e in benefits if e["level"] is not None]
    if rated:
        best, worst = rated[0]["level"], min(e["level"] for e in rated)
        top = [e["name"].lower() for e in rated if e["level"] == best]
        line = f"{view['name']}: best {best} {evidence.label(best)} ({', '.join(top)})"
        if worst < best:
            low = [e["name"].lower() for e in rated if e["level"] == worst]
            line += f"; weakest {worst} {evidence.label(worst)} ({', '.join(low)})"
    else:
        line = f"{view['name']}: no evidence for the way it is used ({', '.join(view.get('use', [])) or 'topical'})"
        best = -1
    stronger = [(o, e) for e in benefits for o in e["other"] if o["level"] > best]
    if stronger:
        o, e = max(stronger, key=lambda pair: pair[0]["level"])
        line += f"; elsewhere {level_text(o)} for {e['name'].lower()}"
    return line


def said_by_expert(view: dict[str, Any]) -> list[str]:
    """`Golüke: endorses, neutral` — each expert once, with every stance they took."""
    stances: dict[str, list[str]] = {}
    for opinion in view["opinions"]:
        who = opinion["expert"]["name"].split()[-1]
        if opinion["stance"] not in stances.setdefault(who, []):
            stances[who].append(opinion["stance"])
    return [f"{who}: {', '.join(s)}" for who, s in stances.items()]


def effect_rank_view(
    effect_id: str, ingredients: list[Ingredient], kb: KnowledgeBase, route: str | None = None
) -> list[dict[str, Any]]:
    rows = []
    for i in ingredients:
        level = rated(i, use_of(i, route), [effect_id])
        rows.append(
            {
                **summary_view(i, kb, route),
                "effect": effect_id,
                **level,
                "claims": [claim_view(c, kb, i) for c in i.claims if c.effect == effect_id],
            }
        )
    return rows


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
