"""Questions across the whole knowledge base: filter, search, rank by effect."""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

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
) -> list[Ingredient]:
    """Ingredients matching every given filter; `min_evidence` applies to `effect` when one is given."""
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
            best = ingredient.best_level(effect_id)
            if best is None or best < min_evidence:
                continue
        result.append(ingredient)
    return result


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


def rank_for_effect(kb: KnowledgeBase, effect_id: str) -> list[Ingredient]:
    """Ingredients with a claim for the effect, best evidence first, then by name."""
    claimed = [i for i in kb.ingredients() if effect_id in i.effect_ids()]
    return sorted(claimed, key=lambda i: (-(i.best_level(effect_id) or 0), i.name.casefold()))
