"""A routine: the actives of several products (or named ingredients) and what the knowledge base says
about using them together — graded interactions, doubling up, and what concerns the user's profile.

"No interaction on record" says only that: the knowledge base has no graded claim for the pair.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any, NamedTuple

from skincli.errors import InputError, UnknownNamesError
from skincli.kb.model import Interaction
from skincli.kb.profile import Profile, warnings_for
from skincli.kb.store import KnowledgeBase

EFFECT_WORDS = {
    "irritation": "more irritation",
    "inactivation": "one inactivates the other",
    "photosensitivity": "more sun sensitivity",
    "cancelling-out": "cancel each other out",
    "reduced-efficacy": "less effective together",
    "synergy": "work better together",
    "other": "an interaction",
}
MAX_PRODUCTS = 200


class Active(NamedTuple):
    """One knowledge-base entry in the routine, and where it comes from."""

    id: str
    name: str
    products: tuple[str, ...]  # product names (or "named" for a name given directly)


class Product(NamedTuple):
    name: str
    line: int
    actives: tuple[str, ...]  # knowledge-base ids found on its label
    unrecognised: int


def from_names(kb: KnowledgeBase, names: list[str]) -> list[Active]:
    """Ingredients named directly; every unknown name is reported at once."""
    found: dict[str, Active] = {}
    missing: list[tuple[str, list[str]]] = []
    for name in names:
        ingredient_id = kb.resolve(name)
        if ingredient_id is None:
            missing.append((name, kb.suggest(name)))
            continue
        found.setdefault(ingredient_id, Active(ingredient_id, kb.name_of(ingredient_id), ("named",)))
    if missing:
        raise UnknownNamesError("ingredient" if len(missing) == 1 else "ingredients", missing)
    return list(found.values())


def parse_products(text: str) -> list[tuple[int, str, str]]:
    """`Name: INCI list` lines -> (line number, product name, label text). Blank lines and # comments are
    skipped; a line without a colon is a label of its own ("product 3")."""
    products = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, label = line.partition(":")
        if not sep or not label.strip():
            name, label = f"product {len(products) + 1}", line
        products.append((number, name.strip(), label.strip()))
    if not products:
        raise InputError("no products: give one per line as 'Name: INCI list'")
    if len(products) > MAX_PRODUCTS:
        raise InputError(f"{len(products)} products; a routine takes at most {MAX_PRODUCTS}")
    return products


def from_products(kb: KnowledgeBase, text: str) -> tuple[list[Product], list[Active]]:
    """Decode each product's label and collect the knowledge-base entries on it."""
    from skincli.label.scan import kb_lookup_for, scan_label

    lookup = kb_lookup_for(kb)
    products, where = [], {}
    for number, name, label in parse_products(text):
        report = scan_label(label, lookup)
        ids = tuple(dict.fromkeys(item.kb.id for item in report.items if item.kb is not None))
        products.append(Product(name, number, ids, len(report.unrecognised)))
        for ingredient_id in ids:
            where.setdefault(ingredient_id, []).append(name)
    actives = [Active(i, kb.name_of(i), tuple(p)) for i, p in where.items()]
    return products, actives


def _members(kb: KnowledgeBase) -> dict[str, set[str]]:
    """Ingredient or group id -> the ingredient ids it stands for."""
    members = {g.id: set(g.members) for g in kb.groups()}
    return members


def _applies(interaction: Interaction, a: str, b: str, members: dict[str, set[str]]) -> bool:
    sides = [members.get(side, {side}) for side in interaction.between]
    if len(set(interaction.between)) == 1:  # one group: two of its members together
        return a in sides[0] and b in sides[0]
    return any(a in x and b in y for x, y in combinations(sides, 2)) or any(b in x and a in y for x, y in combinations(sides, 2))


def _protective(kb: KnowledgeBase, interaction: Interaction) -> set[str]:
    """The sides of a photosensitivity interaction that protect (a sunscreen or UV filter): such an
    interaction applies when the routine lacks them ("AHAs without sunscreen")."""
    if interaction.effect != "photosensitivity":
        return set()
    sides = set()
    for side in interaction.between:
        if kb.resolve(side) == side and any(w in kb.ingredient(side).category for w in ("uv-filter", "sunscreen", "uv filter")):
            sides.add(side)
    return sides


def assess(kb: KnowledgeBase, actives: list[Active], profile: Profile) -> dict[str, Any]:
    """The routine's pairs (each with every graded interaction on record), what needs sunscreen, doubling
    up, and profile warnings."""
    members = _members(kb)
    present = {a.id for a in actives}
    by_id = {a.id: a for a in actives}
    interactions = kb.interactions()
    pairs, quiet, needs = [], [], []
    has_protection = False
    for i in interactions:
        shields = _protective(kb, i)
        if not shields:
            continue
        covered = any(members.get(s, {s}) & present for s in shields)
        has_protection |= covered
        exposed = [a for side in i.between if side not in shields for a in actives if a.id in members.get(side, {side})]
        if exposed and not covered:
            for a in dict.fromkeys(exposed):
                needs.append({"ingredient": _ref(a), "interaction": i.id, "verdict": _without(a, i)})
    pairwise = [i for i in interactions if not _protective(kb, i)]
    for a, b in combinations(actives, 2):
        found = sorted((i for i in pairwise if _applies(i, a.id, b.id, members)), key=lambda i: -i.level)
        if not found:
            quiet.append([a.id, b.id])
            continue
        pairs.append({"between": [_ref(a), _ref(b)], "verdict": _verdict(a, b, found), "interactions": [i.id for i in found]})
    used = {i for pair in pairs for i in pair["interactions"]} | {n["interaction"] for n in needs}
    doubling, seen_sets = [], set()
    for group in sorted((g for g in kb.groups() if g.doubling), key=lambda g: -len(set(g.members) & present)):
        ids = [a.id for a in actives if a.id in group.members]
        if len(ids) >= 2 and frozenset(ids) not in seen_sets:  # glycolic + lactic: once, under the widest group
            seen_sets.add(frozenset(ids))
            doubling.append({"group": {"id": group.id, "name": group.name}, "ingredients": [_ref(by_id[i]) for i in ids]})
    found_warnings = [w for a in actives for w in warnings_for(kb.ingredient(a.id), kb, profile)]
    warnings = [w.to_dict() for w in sorted(found_warnings, key=lambda w: (w.level is None, -(w.level or 0)))]
    return {
        "actives": [{**_ref(a), "products": list(a.products)} for a in actives],
        "pairs": pairs,
        "no_interaction_on_record": quiet,
        "needs_sunscreen": needs,
        "doubling_up": doubling,
        "interactions": [_interaction(kb, i) for i in interactions if i.id in used],
        "profile": {**profile.to_dict(), "warnings": warnings},
    }


def _ref(active: Active) -> dict[str, str]:
    return {"id": active.id, "name": active.name}


def _verdict(a: Active, b: Active, found: list[Interaction]) -> str:
    """`Retinol + Glycolic acid: more irritation (1 opinion)`; each effect on record once, at its strongest."""
    parts: dict[str, str] = {}  # effect -> its strongest interaction's words
    for i in found:
        what = EFFECT_WORDS.get(i.effect, i.effect)
        if i.effect not in parts:
            parts[i.effect] = f"'{what}' is not supported ({_grade(0)})" if i.level == 0 else f"{what} ({_grade(i.level)})"
    return f"{a.name} + {b.name}: " + "; ".join(parts.values())


def _without(a: Active, i: Interaction) -> str:
    what = EFFECT_WORDS.get(i.effect, i.effect)
    if i.level == 0:
        return f"{a.name} without sunscreen: '{what}' is not supported ({_grade(i.level)})"
    return f"{a.name} without sunscreen: {what} ({_grade(i.level)})"


def _grade(level: int) -> str:
    from skincli.kb import evidence

    return f"{level} {evidence.label(level)}"


def _interaction(kb: KnowledgeBase, i: Interaction) -> dict[str, Any]:
    from skincli.views import level_view

    names = [kb.name_of(s) if kb.resolve(s) == s else next((g.name for g in kb.groups() if g.id == s), s) for s in i.between]
    sources = [s for s in (kb.source(x) for x in i.sources) if s]
    return {
        "id": i.id,
        "between": [{"id": s, "name": n} for s, n in zip(i.between, names, strict=True)],
        "effect": i.effect,
        "effect_words": EFFECT_WORDS.get(i.effect, i.effect),
        "statement": i.statement,
        "route": i.route,
        "advice": i.advice,
        "reviewed": i.reviewed,
        "claimed_by": {"id": i.claimed_by, "name": kb.claimant_name(i.claimed_by)} if i.claimed_by else None,
        "evidence": {**level_view(i.level), "rationale": i.rationale},
        "sources": [{"id": s.id, "citation": s.short(), "identifier": s.identifier()} for s in sources],
    }
