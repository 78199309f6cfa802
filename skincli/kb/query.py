"""Questions across the whole knowledge base: filter, search, rank by effect."""

from __future__ import annotations

from typing import NamedTuple

from skincli.kb.levels import headline, others, use_of
from skincli.kb.model import Ingredient
from skincli.kb.store import KnowledgeBase
from skincli.kb.words import fold


def filter_ingredients(
    kb: KnowledgeBase,
    *,
    effect: str | None = None,
    min_evidence: int | None = None,
    kind: str | None = None,
    category: str | None = None,
    route: str | None = None,
) -> list[Ingredient]:
    """Ingredients matching every given filter; `min_evidence` is the headline level for the way each is
    used (or for `route`), for `effect` when one is given, else over its benefits. With `effect`, the
    strongest come first."""
    effect_id = kb.find_effect(effect).id if effect else None
    result = []
    for ingredient in kb.ingredients():
        if kind and ingredient.kind != kind:
            continue
        if category and fold(category) not in fold(ingredient.category):
            continue
        if effect_id and effect_id not in ingredient.effect_ids():
            continue
        if min_evidence is not None:
            best = shown_level(kb, ingredient, effect_id, route)
            if best is None or best < min_evidence:
                continue
        result.append(ingredient)
    if effect_id:
        result.sort(key=lambda i: _rank_key(kb, i, effect_id, route))
    return result


def shown_level(kb: KnowledgeBase, ingredient: Ingredient, effect_id: str | None, route: str | None = None) -> int | None:
    """The headline level a summary shows: for one effect, or the best over the ingredient's benefits."""
    effects = [effect_id] if effect_id else [e for e in ingredient.effect_ids() if not kb.effect(e).is_concern]
    found = headline(ingredient, use_of(ingredient, route), effects)
    return found.level if found else None


def _rank_key(kb: KnowledgeBase, ingredient: Ingredient, effect_id: str, route: str | None) -> tuple[int, int, str]:
    """Headline level first; entries with evidence only from other routes or strengths after them."""
    use = use_of(ingredient, route)
    level = shown_level(kb, ingredient, effect_id, route)
    elsewhere = max((o.level for o in others(ingredient, use, [effect_id])), default=-1)
    return (-(level if level is not None else -1), -elsewhere, ingredient.name.casefold())


class SearchHit(NamedTuple):
    ingredient: Ingredient
    matches: tuple[tuple[str, str], ...]  # (field, text)


def search(kb: KnowledgeBase, text: str) -> list[SearchHit]:
    """Every ingredient where all words of `text`, in any word form ("pregnant" finds "pregnancy"), occur
    in one of its texts — names, summary, claims, quotes, facts, cautions — or that has claims for an
    effect the text names ("Falten", "dark spots"); name hits first."""
    from skincli.errors import NotFoundError
    from skincli.kb.words import matches, stems

    query = stems(text)
    if not query:
        return []
    try:
        effect = kb.find_effect(text, fuzzy=False)
    except NotFoundError:
        effect = None
    hits = []
    for ingredient in kb.ingredients():
        fields: list[tuple[str, str]] = [("name", ingredient.name)]
        fields += [("alias", a) for a in ingredient.aliases] + [("inci", n) for n in ingredient.inci]
        fields += [("category", ingredient.category), ("summary", ingredient.summary)]
        fields += [("role", ingredient.role)] if ingredient.role else []
        fields += [("claim", c.statement) for c in ingredient.claims]
        fields += [("quote", o.quote) for o in ingredient.opinions]
        fields += [("fact", f.statement) for f in ingredient.facts]
        fields += [("caution", f"{c.type}: {c.text}") for c in ingredient.cautions]
        found = [(field, value) for field, value in fields if matches(query, value)]
        if effect is not None and effect.id in ingredient.effect_ids() and not found:
            found = [("effect", f"{effect.name}: {c.statement}") for c in ingredient.claims if c.effect == effect.id][:1]
        if found:
            hits.append(SearchHit(ingredient, tuple(found)))
    rank = {"name": 0, "alias": 0, "inci": 0, "category": 1, "role": 1}
    hits.sort(key=lambda h: min(rank.get(f, 2) for f, _ in h.matches))
    return hits


def rank_for_effect(kb: KnowledgeBase, effect_id: str, route: str | None = None) -> list[Ingredient]:
    """Ingredients with a claim for the effect, by the headline level for the way each is used (or for
    `route`), then by evidence from elsewhere, then by name."""
    claimed = [i for i in kb.ingredients() if effect_id in i.effect_ids()]
    return sorted(claimed, key=lambda i: _rank_key(kb, i, effect_id, route))
