"""Decode a label's ingredient list: CosIng match, annex limits and KB link for each entry.

No printing here: renderers turn a ScanReport (or its to_dict()) into text, tables or JSON.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from skincli.inci import LabelToken, normalize, ocr_variants, split_label

if TYPE_CHECKING:
    from skincli.cosing import AnnexEntry, CosIng, CosIngEntry

__all__ = ["KbHit", "ScanItem", "ScanReport", "scan_label"]

RECOGNISED = "recognised"
SUGGESTED = "suggested"
UNKNOWN = "unknown"
_MAX_RUN_ON_WORDS = 16  # segmenting longer run-ons costs too many look-ups to be worth it
_CONNECTORS = frozenset({"AND", "&", "ET", "UND", "+"})
_MIN_JUNK_WORDS = 3  # "CI 16255 Dermatologically tested for ..." is a name plus label prose


@dataclass(frozen=True)
class KbHit:
    """What the knowledge base knows about a label entry (filled by the caller's adapter)."""

    id: str
    name: str
    best_level: int | None
    effects: tuple[str, ...] = ()
    cautions: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScanItem:
    """One decoded label entry. `status` says how far CosIng got: recognised/suggested/unknown."""

    position: int
    raw: str
    inci: str | None
    functions: tuple[str, ...]
    annexes: tuple[AnnexEntry, ...]
    kb: KbHit | None
    status: str
    suggestions: tuple[str, ...] = ()
    percent: float | None = None
    may_contain: bool = False
    note: str | None = None
    via: str | None = None  # exact | loose | alias | colour | ocr | run-on | prefix

    @property
    def name(self) -> str:
        """The best display name: the INCI name when matched, else the label text."""
        return self.inci or self.raw

    def to_dict(self) -> dict[str, Any]:
        return {
            "position": self.position,
            "raw": self.raw,
            "inci": self.inci,
            "status": self.status,
            "via": self.via,
            "functions": list(self.functions),
            "annexes": [
                {
                    "annex": a.annex,
                    "ref": a.ref,
                    "label": a.label,
                    "max_concentration": a.max_concentration,
                    "product_type": a.product_type,
                    "conditions": a.conditions,
                    "warnings": a.warnings,
                }
                for a in self.annexes
            ],
            "kb": None
            if self.kb is None
            else {
                "id": self.kb.id,
                "name": self.kb.name,
                "best_level": self.kb.best_level,
                "effects": list(self.kb.effects),
                "cautions": list(self.kb.cautions),
            },
            "suggestions": list(self.suggestions),
            "percent": self.percent,
            "may_contain": self.may_contain,
            "note": self.note,
        }


@dataclass(frozen=True)
class ScanReport:
    """All entries of one label, in label order, plus summary helpers."""

    items: tuple[ScanItem, ...] = field(default_factory=tuple)

    @property
    def count(self) -> int:
        return len(self.items)

    @property
    def recognised_count(self) -> int:
        return sum(1 for item in self.items if item.status == RECOGNISED)

    @property
    def recognition_rate(self) -> float:
        """Share of entries matched to an INCI name (1.0 for an empty label)."""
        return self.recognised_count / self.count if self.items else 1.0

    @property
    def unrecognised(self) -> list[str]:
        """Label text of every entry CosIng could not match (suggested or unknown)."""
        return [item.raw for item in self.items if item.status != RECOGNISED]

    @property
    def restricted(self) -> list[ScanItem]:
        """Entries listed in an EU annex (prohibited, restricted, colorant, preservative, UV)."""
        return [item for item in self.items if item.annexes]

    @property
    def in_kb(self) -> list[ScanItem]:
        return [item for item in self.items if item.kb is not None]

    def actives_by_effect(self) -> dict[str, list[str]]:
        """KB effect id -> names of the entries that claim it, in label order."""
        out: dict[str, list[str]] = {}
        for item in self.items:
            if item.kb is None:
                continue
            for effect in item.kb.effects:
                names = out.setdefault(effect, [])
                if item.name not in names:
                    names.append(item.name)
        return out

    def summary(self) -> dict[str, Any]:
        return {
            "count": self.count,
            "recognised": self.recognised_count,
            "suggested": sum(1 for item in self.items if item.status == SUGGESTED),
            "unknown": sum(1 for item in self.items if item.status == UNKNOWN),
            "recognition_rate": round(self.recognition_rate, 4),
            "in_kb": len(self.in_kb),
            "restricted": [item.name for item in self.restricted],
            "actives_by_effect": self.actives_by_effect(),
            "unrecognised": self.unrecognised,
        }

    def to_dict(self) -> dict[str, Any]:
        """Plain, JSON-ready dicts and lists."""
        return {"summary": self.summary(), "items": [item.to_dict() for item in self.items]}


# ---------------------------------------------------------------------------------------------


def _first_match(cosing: CosIng, names: tuple[str, ...]) -> tuple[CosIngEntry, str] | None:
    for name in names:
        entry = cosing.lookup(name)
        if entry is not None:
            return entry, entry.via
    for name in names:
        for variant in ocr_variants(name):
            entry = cosing.lookup(variant)
            if entry is not None:
                return entry, "ocr"
    return None


def _run_on(cosing: CosIng, name: str) -> list[CosIngEntry] | None:
    """Split "SALICYLIC ACID PARFUM" (a missing comma) into known names, fewest pieces first."""
    words = name.split()
    n = len(words)
    if n < 2 or n > _MAX_RUN_ON_WORDS:
        return None
    # best[i] = fewest-piece segmentation of words[:i]; connector words may sit between pieces
    best: list[list[CosIngEntry] | None] = [None] * (n + 1)
    best[0] = []
    for end in range(1, n + 1):
        if words[end - 1] in _CONNECTORS and best[end - 1] is not None:
            best[end] = best[end - 1]
            continue
        for start in range(max(0, end - 8), end):
            prev = best[start]
            if prev is None or (start == 0 and end == n):
                continue
            entry = cosing.lookup(" ".join(words[start:end]))
            if entry is not None and (best[end] is None or len(prev) + 1 < len(best[end] or ())):
                best[end] = [*prev, entry]
    result = best[n]
    return result if result and len(result) >= 2 else None


def _prefix(cosing: CosIng, name: str) -> tuple[CosIngEntry, str] | None:
    """The longest known name that starts `name`, and the text after it."""
    words = name.split()
    for end in range(min(len(words) - 1, 8), 0, -1):
        entry = cosing.lookup(" ".join(words[:end]))
        if entry is not None:
            return entry, " ".join(words[end:])
    return None


def _joined(token: LabelToken, following: LabelToken | None, cosing: CosIng) -> LabelToken | None:
    """Re-join "Sodium, Cocoyl Isethionate": a comma printed inside one name."""
    if following is None or not token.candidates or not following.candidates:
        return None
    name = f"{token.candidates[0]} {following.candidates[0]}"
    if cosing.lookup(name) is None:
        return None
    notes = [n for n in (token.note, following.note, "re-joined across a comma") if n]
    return LabelToken(
        position=token.position,
        raw=f"{token.raw}, {following.raw}",
        candidates=(name,),
        percent=token.percent if token.percent is not None else following.percent,
        may_contain=token.may_contain,
        note="; ".join(notes),
    )


def _kb_for(
    kb_lookup: Callable[[str], KbHit | None], inci: str | None, token: LabelToken
) -> KbHit | None:
    tried: set[str] = set()
    for name in ((inci,) if inci else ()) + token.candidates:
        key = normalize(name)
        if not key or key in tried:
            continue
        tried.add(key)
        hit = kb_lookup(name)
        if hit is not None:
            return hit
    return None


def _item(
    token: LabelToken,
    position: int,
    entry: CosIngEntry | None,
    via: str | None,
    kb: KbHit | None,
    suggestions: tuple[str, ...] = (),
    note: str | None = None,
) -> ScanItem:
    if entry is not None:
        status = RECOGNISED
    elif suggestions:
        status = SUGGESTED
    else:
        status = UNKNOWN
    notes = "; ".join(n for n in (token.note, note) if n) or None
    return ScanItem(
        position=position,
        raw=token.raw,
        inci=entry.inci_name if entry else None,
        functions=entry.functions if entry else (),
        annexes=entry.annexes if entry else (),
        kb=kb,
        status=status,
        suggestions=suggestions,
        percent=token.percent,
        may_contain=token.may_contain,
        note=notes,
        via=via,
    )


def scan_label(
    text: str,
    kb_lookup: Callable[[str], KbHit | None],
    cosing: CosIng | None = None,
) -> ScanReport:
    """Decode a label. Every entry comes back, matched or not, in label order.

    `kb_lookup` gets a name (the INCI name first, then the names as written) and returns the
    KB ingredient or None. A run-on entry with a missing comma ("SALICYLIC ACID PARFUM")
    becomes one item per recognised name, so positions count decoded entries.
    """
    if cosing is None:
        from skincli.cosing import default_cosing

        cosing = default_cosing()
    tokens = split_label(text)
    items: list[ScanItem] = []

    def add(token: LabelToken, entry: CosIngEntry | None, via: str | None, **kw: Any) -> None:
        kb = _kb_for(kb_lookup, entry.inci_name if entry else None, token)
        items.append(_item(token, len(items) + 1, entry, via, kb, **kw))

    i = 0
    while i < len(tokens):
        token = tokens[i]
        i += 1
        direct = cosing.lookup(token.candidates[0])
        if direct is not None:
            add(token, direct, direct.via)
            continue
        joined = _joined(token, tokens[i] if i < len(tokens) else None, cosing)
        if joined is not None:
            i += 1
            entry = cosing.lookup(joined.candidates[0])
            add(joined, entry, entry.via if entry else None)
            continue
        found = _first_match(cosing, token.candidates)
        if found is not None:
            add(token, found[0], found[1])
            continue
        pieces = next((p for p in (_run_on(cosing, c) for c in token.candidates) if p), None)
        if pieces:
            note = f"split from {token.raw!r} (missing separator?)"
            for entry in pieces:
                add(LabelToken(token.position, token.raw, (), token.percent, token.may_contain,
                               token.note), entry, "run-on", note=note)
            continue
        prefix = next((p for p in (_prefix(cosing, c) for c in token.candidates) if p), None)
        if prefix is not None and len(prefix[1].split()) >= _MIN_JUNK_WORDS:
            add(token, prefix[0], "prefix", note=f"ignored trailing text {prefix[1]!r}")
            continue
        suggestions = cosing.suggest(token.candidates[0])
        if prefix is not None and prefix[0].inci_name not in suggestions:
            suggestions = [*suggestions[:2], prefix[0].inci_name]
        add(token, None, None, suggestions=tuple(suggestions))
    return ScanReport(items=tuple(items))
