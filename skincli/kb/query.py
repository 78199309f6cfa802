"""Questions across the whole knowledge base: filter, search, rank by effect."""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

from skincli.kb.levels import headline, others, use_of
from skincli.kb.model import Ingredient
from skincli.kb.store import KnowledgeBase


def fold(text: str) -> str:
    """Case- and accent-insensitive text for substring search; spaces are kept."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


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
    """Every ingredient where all words of `text` occur in one of its texts; name hits first."""
    words = fold(text).split()
    if not words:
        return []
    hits = []
    for ingredient in kb.ingredients():
        fields: list[tuple[str, str]] = [("name", ingredient.name)]
        fields += [("alias", a) for a in ingredient.aliases] + [("inci", n) for n in ingredient.inci]
        fields += [("category", ingredient.category), ("summary", ingredient.summary)]
        fields += [("claim", c.statement) for c in ingredient.claims]
        fields += [("quote", o.quote) for o in ingredient.opinions]
        fields += [("fact", f.statement) for f in ingredient.facts]
        fields += [("caution", c.text) for c in ingredient.cautions]
        matches = tuple((field, value) for field, value in fields if all(w in fold(value) for w in words))
        if matches:
            hits.append(SearchHit(ingredient, matches))
    rank = {"name": 0, "alias": 0, "inci": 0, "category": 1}
    hits.sort(key=lambda h: min(rank.get(f, 2) for f, _ in h.matches))
    return hits


def rank_for_effect(kb: KnowledgeBase, effect_id: str, route: str | None = None) -> list[Ingredient]:
    """Ingredients with a claim for the effect, by the headline level for the way each is used (or for
    `route`), then by evidence from elsewhere, then by name."""
    claimed = [i for i in kb.ingredients() if effect_id in i.effect_ids()]
    return sorted(claimed, key=lambda i: _rank_key(kb, i, effect_id, route))
