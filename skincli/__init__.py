"""skincli: what a skincare ingredient really does, claim by claim, with the evidence for each.

The Python API (see `skincli.api`) answers as the command line's `--json` does:

    import skincli
    skincli.lookup("retinol")               # skincli show retinol --json
    skincli.compare("exosomes", "retinol")  # skincli compare exosomes retinol --json
    skincli.ingredients(effect="acne", min_evidence=4)
    skincli.search("gold standard"); skincli.effect("wrinkles"); skincli.effects()
    skincli.scan("Aqua, Glycerin, Niacinamide 4%")
    skincli.check("Our exosome serum works like a facelift")
    skincli.routine(["retinol", "glycolic acid"], profile=skincli.profile(pregnant=True))

The names are loaded on first use, so `import skincli` (and the command line's start-up) stays cheap.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.2.0"

_API = (
    "check",
    "compare",
    "effect",
    "effects",
    "evidence_scale",
    "expert",
    "experts",
    "ingredients",
    "knowledge_base",
    "lookup",
    "profile",
    "routine",
    "scan",
    "search",
    "sources",
)
_ERRORS = ("SkincliError", "NotFoundError", "KnowledgeBaseError", "InputError", "UsageError")
__all__ = [*_API, *_ERRORS, "__version__"]


def __getattr__(name: str) -> Any:
    if name in _API:
        from skincli import api

        return getattr(api, name)
    if name in _ERRORS:
        from skincli import errors

        return getattr(errors, name)
    raise AttributeError(f"module 'skincli' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
