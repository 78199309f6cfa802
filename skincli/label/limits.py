"""Compare a percentage printed on a label with an EU annex entry's maximum concentrations.

The annex texts are the Commission's prose: "(a) 3.0% | (b) 2.0% | (c) 0.5%" against product types
"(a) Rinse-off hair products | (b) Other products except ... | (c) Body lotion, ...". This module
pairs the lettered cases, reads the numbers, and answers only what the label can decide: a figure
above every listed limit is over; at or below every one is within; in between, the answer depends on
the product type, which a label does not state: given `product_type`, the cases naming it decide,
otherwise the verdict is "undecided" and the message lists the cases. Not legal advice.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from skincli.label.cosing import AnnexEntry

__all__ = ["PRODUCT_TYPES", "LimitCase", "LimitCheck", "check", "explain", "limit_cases"]

# --product-type values -> words that name them in the annexes' product-type texts
PRODUCT_TYPES: dict[str, tuple[str, ...]] = {
    "face": ("face", "facial"),
    "body": ("body",),
    "hair": ("hair",),
    "rinse-off": ("rinse-off", "rinse off", "shampoo", "soap", "shower"),
    "leave-on": ("leave-on", "leave on"),
    "eye": ("eye",),
    "lip": ("lip",),
    "nail": ("nail",),
    "oral": ("oral", "toothpaste", "mouth"),
    "deodorant": ("deodorant", "antiperspirant"),
    "spray": ("spray", "propellent", "propellant"),
    "sunscreen": ("sun", "uv"),
}

_CASE = re.compile(r"\(([a-z])\)")
_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*%+")
_EXCEPT = re.compile(r"(?i)\b(?:except|with the exception of|other than|excluding)\b")
_EXPRESSED = re.compile(r"(?i)\(?\b(?:as|calculated as|expressed as)\s+[\w\s-]{1,30}\)?|\bRE\b|retinol equivalent")


class LimitCase(NamedTuple):
    """One lettered case of an entry: "(b) Other leave-on and rinse-off products: 0,3 % RE"."""

    case: str  # "a", "b", ... or "" for an entry without cases
    product_type: str
    max_text: str
    max_percent: float | None


class LimitCheck(NamedTuple):
    """A label percentage against one annex entry."""

    annex: str  # "Annex VI/3"
    percent: float
    verdict: str  # over | within | undecided
    message: str


def _split_cases(text: str) -> dict[str, str]:
    """{"a": "...", "b": "..."} from "(a) ... | (b) ..."; {"": text} when there are no letters."""
    marks = list(_CASE.finditer(text))
    if not marks or marks[0].start() > 3:
        return {"": text.strip()}
    out: dict[str, str] = {}
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        body = text[m.end() : end].strip(" |;,")
        if m.group(1) not in out or not out[m.group(1)]:
            out[m.group(1)] = body
    return out


def _number(text: str) -> float | None:
    m = _PERCENT.search(text)
    if not m:
        return None
    try:
        return float(m.group(1).replace(",", "."))
    except ValueError:  # pragma: no cover - the pattern admits digits only
        return None


@lru_cache(maxsize=4096)
def limit_cases(entry: AnnexEntry) -> list[LimitCase]:
    """The entry's cases with their product types and numeric maxima (None where not a number)."""
    if not entry.max_concentration.strip():
        return []
    maxima = _split_cases(entry.max_concentration)
    types = _split_cases(entry.product_type) if entry.product_type.strip() else {"": ""}
    if "" in maxima and len(types) > 1:  # one limit for every lettered product type
        return [LimitCase(k, v, maxima[""], _number(maxima[""])) for k, v in types.items()]
    out = []
    for key, max_text in maxima.items():
        ptype = types.get(key, types.get("", ""))
        out.append(LimitCase(key, ptype, max_text, _number(max_text)))
    return out


@lru_cache(maxsize=4096)
def explain(entry: AnnexEntry) -> list[str]:
    """The limits as lines a reader can follow: "(a) Body lotion: max 0,05 % RE"."""
    lines = []
    for case in limit_cases(entry):
        head = f"({case.case}) " if case.case else ""
        where = f"{case.product_type}: " if case.product_type else ""
        lines.append(f"{head}{where}max {case.max_text}")
    return lines


def _names(ptype_text: str, product_type: str) -> bool:
    """Whether an annex product-type text covers `product_type` (words before any "except")."""
    words = PRODUCT_TYPES.get(product_type, (product_type,))
    positive = _EXCEPT.split(ptype_text, 1)[0].lower()
    if product_type in ("leave-on", "rinse-off") and "leave-on and rinse-off" in positive:
        return True
    return any(w in positive for w in words)


def check(entry: AnnexEntry, percent: float, product_type: str | None = None) -> LimitCheck | None:
    """Compare `percent` with the entry's limits; None when the entry has no numeric limit."""
    cases = [c for c in limit_cases(entry) if c.max_percent is not None]
    if not cases:
        return None
    label = entry.label
    caveat = ""
    if any(_EXPRESSED.search(c.max_text) for c in cases):
        caveat = " (the limit is expressed as a part of the substance or an equivalent; the label's figure may not be)"
    listed = "; ".join(
        f"({c.case}) {c.product_type or 'all products'}: {c.max_text}"
        if c.case
        else f"{c.product_type or 'all products'}: {c.max_text}"
        for c in cases
    )
    top = max(c.max_percent for c in cases if c.max_percent is not None)
    low = min(c.max_percent for c in cases if c.max_percent is not None)
    whole_scope = all(not c.product_type or c.product_type.lower().startswith("all") for c in cases)
    if percent <= low:
        return LimitCheck(label, percent, "within", f"{percent:g}% is within the EU limit ({listed}){caveat}")
    if product_type:
        matching = [c for c in cases if not c.product_type or _names(c.product_type, product_type)]
        if matching:
            limit = min(c.max_percent for c in matching if c.max_percent is not None)
            verdict = "over" if percent > limit else "within"
            word = "over" if verdict == "over" else "within"
            return LimitCheck(
                label, percent, verdict, f"{percent:g}% is {word} the EU limit for {product_type} products ({listed}){caveat}"
            )
        return LimitCheck(
            label,
            percent,
            "undecided",
            f"{percent:g}%: the annex lists no limit for {product_type} products ({listed}); check the regulation{caveat}",
        )
    if percent > top and (whole_scope or len(cases) > 1):
        return LimitCheck(label, percent, "over", f"{percent:g}% is over every EU limit listed ({listed}){caveat}")
    return LimitCheck(
        label,
        percent,
        "undecided",
        f"{percent:g}% is over the EU limit for some product types ({listed}); the label does not say which type "
        f"this product is (use --product-type){caveat}",
    )
