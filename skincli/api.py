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
    from skincli.kb.profile import Profile
    from skincli.kb.store import KnowledgeBase

from skincli import _API

__all__ = list(_API)  # the names `import skincli` exports, listed once in skincli/__init__.py

KbPath = str | os.PathLike[str] | None  # a knowledge-base YAML; None: the shipped one
_OPEN: dict[tuple[Any, ...], KnowledgeBase] = {}


def knowledge_base(kb: KbPath = None, *, overlay: bool = True) -> KnowledgeBase:
    """The loaded knowledge base, kept for the life of the process while its files are unchanged (the
    same path, size, modification time and inode; a pipe or device is read once and kept)."""
    from skincli.kb.store import KbFiles, open_kb

    path = os.fspath(kb) if kb is not None else None
    files = KbFiles.select(path, use_overlay=overlay)
    key: tuple[Any, ...] = (path, overlay, *(_identity(p) for p in files.paths()))
    if key not in _OPEN:
        _OPEN[key] = open_kb(path, use_overlay=overlay)
    return _OPEN[key]


def _identity(path: os.PathLike[str]) -> tuple[Any, ...]:
    try:
        st = os.stat(path)
    except OSError:
        return (os.fspath(path),)
    import stat

    if not stat.S_ISREG(st.st_mode):
        return (os.fspath(path),)
    return (os.fspath(path), st.st_size, st.st_mtime_ns, st.st_ino)


def lookup(
    name: str,
    *,
    route: str | None = None,
    effect: str | None = None,
    brief: bool = False,
    profile: Profile | None = None,
    kb: KbPath = None,
    overlay: bool = True,
) -> dict[str, Any]:
    """One ingredient by name, alias, INCI or German name: everything `skincli show NAME --json` prints.

    `effect` keeps one effect's claims and their sources (`--effect`); `brief` only the verdict and
    cautions (`--brief`); with an active `profile` (see `profile()`), a `profile` key says what concerns it.
    """
    from skincli.views import ingredient_view, narrow_to_effect

    base = knowledge_base(kb, overlay=overlay)
    found = base.find(_name(name))
    view = ingredient_view(found, base, _route(route))
    if effect is not None:
        view = narrow_to_effect(view, base.find_effect(_name(effect)).id)
    if brief:
        view = {**view, "claims": [], "opinions": [], "facts": [], "sources": [], "brief": True}
    if profile is not None and profile.active:
        from skincli.kb.profile import warnings_for

        view["profile"] = {**profile.to_dict(), "warnings": [w.to_dict() for w in warnings_for(found, base, profile)]}
    return view


def compare(*names: str, route: str | None = None, kb: KbPath = None, overlay: bool = True) -> dict[str, Any]:
    """Two or more ingredients side by side: `skincli compare ... --json`."""
    from skincli.errors import UsageError
    from skincli.views import compare_view

    if len(names) < 2:
        raise UsageError("give at least two ingredients to compare")
    base = knowledge_base(kb, overlay=overlay)
    found = list({i.id: i for i in (base.find(_name(n)) for n in names)}.values())
    if len(found) < 2:
        raise UsageError("these names are all the same ingredient; give two different ones")
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


def scan(
    label: str | bytes,
    *,
    product_type: str | None = None,
    profile: Profile | None = None,
    kb: KbPath = None,
    overlay: bool = True,
) -> dict[str, Any]:
    """Decode one product's ingredient list: `skincli scan LABEL --json` (`product_type` decides EU limits
    that depend on it; an active `profile` marks what concerns it)."""
    from skincli.views import SCHEMA_VERSION

    report, extra = scan_report(label, product_type=product_type, profile=profile, kb=kb, overlay=overlay)
    return {"schema_version": SCHEMA_VERSION, **report.to_dict(), **extra}


def scan_report(
    label: str | bytes,
    *,
    product_type: str | None = None,
    profile: Profile | None = None,
    kb: KbPath = None,
    overlay: bool = True,
) -> tuple[Any, dict[str, Any]]:
    """The ScanReport object itself and the view's extra keys (`profile`), for callers that write a very
    large label's JSON item by item instead of building it whole (the command line, when piped)."""
    from skincli.label.scan import MAX_LABEL_CHARS, kb_lookup_for, scan_label

    text = _text(label)
    if len(text) > MAX_LABEL_CHARS:
        from skincli.errors import UsageError

        raise UsageError(f"the label is {len(text):,} characters long; the limit is {MAX_LABEL_CHARS:,}")
    base = knowledge_base(kb, overlay=overlay)
    report = scan_label(text, kb_lookup_for(base), product_type=product_type)
    extra: dict[str, Any] = {}
    if profile is not None and profile.active:
        from skincli.kb.profile import for_entries

        extra["profile"] = for_entries(base, [(i.position, i.kb.id) for i in report.items if i.kb], profile)
    return report, extra


def check(text: str, *, kb: KbPath = None, overlay: bool = True) -> dict[str, Any]:
    """Grade the claims in marketing text: `skincli check TEXT --json`."""
    from skincli.claims.check import check_text

    return check_text(_text(text), knowledge_base(kb, overlay=overlay)).to_dict()


def routine(
    names: list[str] | None = None,
    *,
    products: str | None = None,
    profile: Profile | None = None,
    kb: KbPath = None,
    overlay: bool = True,
) -> dict[str, Any]:
    """What goes together: `skincli routine NAME... --json`, or for `products` ("Name: INCI list" lines)
    `skincli routine --file ... --json`. Unknown names raise NotFoundError naming all of them."""
    from skincli import routines as domain
    from skincli.errors import UsageError
    from skincli.kb.profile import Profile as _Profile
    from skincli.views import SCHEMA_VERSION

    base = knowledge_base(kb, overlay=overlay)
    found = None
    if products is not None:
        found, actives = domain.from_products(base, _text(products))
    elif names:
        actives = domain.from_names(base, [_name(n) for n in names])
    else:
        raise UsageError("give ingredient names or products")
    view = {"schema_version": SCHEMA_VERSION, **domain.assess(base, actives, profile or _Profile())}
    if found is not None:
        view["products"] = [
            {"name": p.name, "line": p.line, "actives": list(p.actives), "unrecognised": p.unrecognised} for p in found
        ]
    return view


def profile(
    *,
    pregnant: bool = False,
    sensitive: bool = False,
    avoid: list[str] | None = None,
    use_file: bool = False,
    kb: KbPath = None,
    overlay: bool = True,
) -> Profile:
    """A personal profile for `lookup`, `scan` and `routine`. `avoid` names ingredients, groups
    (fragrance, retinoids) or concerns (contact allergy). `use_file` adds the user's profile file, as the
    command line does; the API leaves it out unless asked."""
    from skincli.kb.profile import load

    return load(knowledge_base(kb, overlay=overlay), use_file=use_file, pregnant=pregnant, sensitive=sensitive, avoid=avoid)


def experts(*, kb: KbPath = None, overlay: bool = True) -> list[dict[str, Any]]:
    """The named experts with their opinions and claims: `skincli experts --json`."""
    from skincli.views import expert_view

    base = knowledge_base(kb, overlay=overlay)
    return [expert_view(e.id, base) for e in base.experts()]


def expert(name: str, *, kb: KbPath = None, overlay: bool = True) -> dict[str, Any]:
    """One expert by name or id: `skincli expert NAME --json`."""
    from skincli.views import expert_view

    base = knowledge_base(kb, overlay=overlay)
    return expert_view(base.find_expert(_name(name)).id, base)


def sources(*, kb: KbPath = None, overlay: bool = True) -> list[dict[str, Any]]:
    """The bibliography and what cites each source: `skincli sources --json`."""
    from skincli.views import sources_view

    return sources_view(knowledge_base(kb, overlay=overlay))


def evidence_scale() -> list[dict[str, Any]]:
    """The evidence scale: `skincli evidence --json`."""
    from skincli.views import scale_view

    return scale_view()


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
    from skincli.kb.levels import ROUTES

    if route is not None and route not in (*ROUTES, "any"):
        raise InputError(f"route {route!r} is not one of: {', '.join((*ROUTES, 'any'))}")
    return route
