"""Which level a reader sees: the best evidence for the way people use an entry, other evidence beside it.

A cream's "4" must come from trials of creams. An oral trial, an injected pilot or a 20% prescription
product says little about a 5% cosmetic serum (grading rules 2, 3 and 13), so every summary shows the
*headline* level — the best claim that matches the entry's use (its routes, cosmetic strength unless
the entry is a licensed drug, and the form asked about) — and lists the best level of each other
context separately, labelled ("4 oral", "5 prescription 20%"), never in its place.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import NamedTuple

from skincli.kb.model import Claim, Ingredient

ANY = "any"
ROUTES = ("topical", "oral", "injected", "procedure")  # how evidence is given; validate.py checks claims against these


class Use(NamedTuple):
    """The context a level is asked for."""

    routes: frozenset[str] | None  # None: any route
    prescription: bool  # whether prescription-strength evidence may count
    forms: frozenset[str] | None = None  # only evidence for these forms (one INCI name on a label); None: any


class Level(NamedTuple):
    """The best claim in one context, and what that context was."""

    level: int
    claim: Claim

    @property
    def route(self) -> str:
        return self.claim.route

    @property
    def prescription(self) -> bool:
        return self.claim.prescription


def form_for_name(ingredient: Ingredient, name: str) -> str | None:
    """The form a name as written denotes: its form id, "" for an INCI name of the entry that no form
    (no study) covers, None for a common name that says no form ("vitamin C")."""
    from skincli.kb.names import name_key

    form = ingredient.form_of(name)
    if form is not None:
        return form.id
    if ingredient.forms and name_key(name) in {name_key(n) for n in ingredient.inci}:
        return ""
    return None


def use_of(ingredient: Ingredient, route: str | None = None, form: str | None = None) -> Use:
    """How people use an entry (its `use` routes, cosmetic strength unless it is a drug), or the route asked for.

    `route` "any" takes every route and strength; `form` narrows to evidence for that form.
    """
    forms = frozenset([form]) if form is not None else None
    if route == ANY:
        return Use(None, True, forms)
    if route:
        return Use(frozenset([route]), ingredient.prescription_ok, forms)
    return Use(frozenset(ingredient.use), ingredient.prescription_ok, forms)


def fits(claim: Claim, use: Use) -> bool:
    """Whether a claim's evidence is evidence for this use."""
    if use.routes is not None and claim.route not in use.routes:
        return False
    if claim.prescription and not use.prescription:
        return False
    return use.forms is None or not claim.forms or bool(use.forms & set(claim.forms))


def _supporting(ingredient: Ingredient, effects: Collection[str] | None) -> Iterable[Claim]:
    """Claims that assert an effect (not those denying one), optionally for some effects only."""
    return (c for c in ingredient.claims if c.direction == "for" and (effects is None or c.effect in effects))


def _best(claims: Iterable[Claim]) -> Level | None:
    best: Claim | None = None
    for claim in claims:
        if best is None or claim.level > best.level:
            best = claim
    return Level(best.level, best) if best else None


def headline(ingredient: Ingredient, use: Use, effects: Collection[str] | None = None) -> Level | None:
    """The best level for the way the entry is used, for these effects (all when None)."""
    return _best(c for c in _supporting(ingredient, effects) if fits(c, use))


def denial(ingredient: Ingredient, effect: str, use: Use | None = None) -> Level | None:
    """The best evidence that an effect does not happen (how well safe use is shown, for a concern);
    with `use`, only evidence for that use counts."""
    return _best(
        c for c in ingredient.claims if c.effect == effect and c.direction == "against" and (use is None or fits(c, use))
    )


def others(ingredient: Ingredient, use: Use, effects: Collection[str] | None = None) -> list[Level]:
    """The best level of each other context (route, strength, form), strongest first."""
    groups: dict[tuple[str, bool, tuple[str, ...]], list[Claim]] = {}
    for claim in _supporting(ingredient, effects):
        if not fits(claim, use):
            forms = claim.forms if use.forms is not None else ()
            groups.setdefault((claim.route, claim.prescription, forms), []).append(claim)
    found = [level for level in (_best(claims) for claims in groups.values()) if level]
    return sorted(found, key=lambda lv: -lv.level)


def tag(level: Level, ingredient: Ingredient, use: Use) -> str:
    """What sets a level's context apart from the entry's own use: `oral`, `prescription 20%`, `for
    L-ascorbic acid`; empty for evidence of the usual route, strength and form."""
    claim = level.claim
    parts = []
    expected = use.routes if use.routes is not None else frozenset(ingredient.use)
    if claim.route not in expected or (len(expected) > 1 and claim.route != ingredient.use[0]):
        parts.append(claim.route)
    if claim.prescription and not ingredient.prescription_ok:
        short = claim.strength and len(claim.strength) <= 16  # "20% cream" yes, a dosing schedule no
        parts.append("prescription" + (f" {claim.strength}" if short else ""))
    if use.forms is not None and claim.forms and not use.forms & set(claim.forms):
        parts.append("for " + " / ".join(str(ingredient.form_name(f)) for f in claim.forms))
    return " ".join(parts)
