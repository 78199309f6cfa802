"""The Python API: the same answers as the command line's `--json`, as plain dicts and lists.

    >>> import skincli
    >>> retinol = skincli.lookup("retinol")
    >>> [(e["name"], e["level"]) for e in retinol["effects"]][:2]
    >>> skincli.compare("exosomes", "retinol")["effects"][0]
    >>> skincli.scan("Aqua, Glycerin, Niacinamide 4%")["summary"]["recognition_rate"]
    >>> skincli.check("Our serum works like Botox")["flags"]

Every function takes `kb=` (a path to another knowledge-base YAML; default: the shipped one plus the
user's overlay, as on the command line; `overlay=False` leaves the overlay out). The loaded knowledge
base is kept per path for the life of the process, so a thousand calls parse it once. Errors are
`skincli.SkincliError` subclasses: `NotFoundError` (with `.suggestions`), `KnowledgeBaseError` (with
`.problems`, each `path:line:column: message`), `InputError`. The shapes are those of `skincli schema`
and change only additively within a `schema_version`.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from skincli.kb.store import KnowledgeBase

__all__ = ["check", "compare", "effect", "effects", "ingredients", "knowledge_base", "lookup", "scan", "search"]

KbPath = str | os.PathLike[str] | None  # a knowledge-base YAML; None: the shipped one
_OPEN: dict[tuple[str, bool], KnowledgeBase] = {}


def knowledge_base(kb: KbPath = None, *, overlay: bool = True) -> KnowledgeBase:
    """The loaded knowledge base (cached per path and overlay choice for the life of the process)."""
    from skincli.kb.store import open_kb

    key = (os.fspath(kb) if kb is not None else "", overlay)
    if key not in _OPEN:
        _OPEN[key] = open_kb(key[0] or None, use_overlay=overlay)
    return _OPEN[key]


def lookup(name: str, *, route: str | None = None, kb: KbPath = None, overlay: bool = True) -> dict[str, Any]:
    """One ingredient by name, alias, INCI or German name: everything `skincli show NAME --json` prints."""
    from skincli.views import ingredient_view

    base = knowledge_base(kb, overlay=overlay)
    return ingredient_view(base.find(_name(name)), base, _route(route))


def compare(*names: str, route: str | None = None, kb: KbPath = None, overlay: bool = True) -> dict[str, Any]:
    """Two or more ingredients side by side: `skincli compare ... --json`."""
    from skincli.errors import InputError
    from skincli.views import compare_view

    base = knowledge_base(kb, overlay=overlay)
    found = list({i.id: i for i in (base.find(_name(n)) for n in names)}.values())
    if len(found) < 2:
        raise InputError("give at least two different ingredients to compare")
    return compare_view(found, base, _route(route))


def ingredients(
    *,
    effect: str | None = None,
    min_evidence: int | None = None,
    kind: str | None = None,
    category: str | None = None,
    route: str | None = None,
    kb: KbPath = None,
    overlay: bool = True,
) -> list[dict[str, Any]]:
    """Ingredients matching every filter: `skincli list ... --json` (with `effect`, its level for that effect)."""
    from skincli.kb.query import filter_ingredients
    from skincli.views import effect_rank_view, summary_view

    base = knowledge_base(kb, overlay=overlay)
    chosen = _route(route)
    found = filter_ingredients(base, effect=effect, min_evidence=min_evidence, kind=kind, category=category, route=chosen)
    if effect:
        return effect_rank_view(base.find_effect(effect).id, found, base, chosen)
    return [summary_view(i, base, chosen) for i in found]


def search(text: str, *, kb: KbPath = None, overlay: bool = True) -> list[dict[str, Any]]:
    """Ingredients whose names, summaries, claims, quotes or cautions contain the words: `skincli search`."""
    from skincli.kb.query import search as run_search
    from skincli.views import summary_view

    base = knowledge_base(kb, overlay=overlay)
    return [
        {**summary_view(h.ingredient, base), "matches": [{"field": f, "text": t} for f, t in h.matches]}
        for h in run_search(base, _name(text))
    ]


def effect(name: str, *, route: str | None = None, kb: KbPath = None, overlay: bool = True) -> list[dict[str, Any]]:
    """What works for an effect, ranked by the level for the way each is used: `skincli effect NAME --json`."""
    from skincli.kb.query import rank_for_effect
    from skincli.views import effect_rank_view

    base = knowledge_base(kb, overlay=overlay)
    found = base.find_effect(_name(name))
    chosen = _route(route)
    return effect_rank_view(found.id, rank_for_effect(base, found.id, chosen), base, chosen)


def effects(*, kb: KbPath = None, overlay: bool = True) -> list[dict[str, Any]]:
    """The effect vocabulary with how many ingredients claim each: `skincli effect --json`."""
    from skincli.views import effects_view

    return effects_view(knowledge_base(kb, overlay=overlay))


def scan(label: str, *, kb: KbPath = None, overlay: bool = True) -> dict[str, Any]:
    """Decode one product's ingredient list: `skincli scan LABEL --json`."""
    from skincli.label.scan import kb_lookup_for, scan_label
    from skincli.views import SCHEMA_VERSION

    base = knowledge_base(kb, overlay=overlay)
    return {"schema_version": SCHEMA_VERSION, **scan_label(_text(label), kb_lookup_for(base)).to_dict()}


def check(text: str, *, kb: KbPath = None, overlay: bool = True) -> dict[str, Any]:
    """Grade the claims in marketing text: `skincli check TEXT --json`."""
    from skincli.claims.check import check_text

    return check_text(_text(text), knowledge_base(kb, overlay=overlay)).to_dict()


def _name(value: str) -> str:
    from skincli.errors import InputError

    if not isinstance(value, str) or not value.strip():
        raise InputError("a name must be a non-empty string")
    return value


def _text(value: str | bytes) -> str:
    from skincli.errors import InputError

    if isinstance(value, bytes):
        value = value.decode("utf-8-sig", errors="replace")
    if not isinstance(value, str):
        raise InputError(f"expected text, not {type(value).__name__}")
    return value


def _route(route: str | None) -> str | None:
    from skincli.errors import InputError
    from skincli.kb.validate import ROUTES

    if route is not None and route not in (*ROUTES, "any"):
        raise InputError(f"route {route!r} is not one of: {', '.join((*ROUTES, 'any'))}")
    return route
