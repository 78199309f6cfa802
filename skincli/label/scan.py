"""Decode a label's ingredient list: CosIng match, annex limits and KB link for each entry.

No printing here: renderers turn a ScanReport (or its to_dict()) into text, tables or JSON.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from skincli.label.inci import LabelToken, normalize, ocr_variants, split_label

if TYPE_CHECKING:
    from skincli.kb.model import Ingredient
    from skincli.kb.store import KnowledgeBase
    from skincli.label.cosing import AnnexEntry, CosIng, CosIngEntry

__all__ = ["KbHit", "ScanItem", "ScanReport", "kb_lookup_for", "scan_label"]

RECOGNISED = "recognised"
SUGGESTED = "suggested"
UNKNOWN = "unknown"
_MAX_RUN_ON_WORDS = 16  # segmenting longer run-ons costs too many look-ups to be worth it
_CONNECTORS = frozenset({"AND", "&", "ET", "UND", "+"})
_MIN_JUNK_WORDS = 3  # "CI 16255 Dermatologically tested for ..." is a name plus label prose


class KbHit(NamedTuple):
    """What the knowledge base knows about a label entry (filled by the caller's adapter).

    Levels are for this entry as it is used in a product (on the skin, at cosmetic strength) and for the
    form the INCI name denotes; evidence from other routes, strengths or forms is in `elsewhere`, labelled.
    """

    id: str
    name: str
    best_level: int | None
    effects: tuple[tuple[str, int], ...] = ()  # (effect id, headline level), strongest first
    cautions: tuple[str, ...] = ()
    form: str | None = None  # the form this INCI name denotes, when the entry lists forms
    elsewhere: tuple[tuple[str, int, str], ...] = ()  # (effect id, level, tag such as "oral", "for L-ascorbic acid")
    note: str | None = None  # "evidence is for L-ascorbic acid; this form: not studied"
    role: str | None = None  # its main role in a product, from the knowledge base
    concerns: tuple[tuple[str, int | None, int | None], ...] = ()  # (concern, harm shown, safe use shown)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "best_level": self.best_level,
            "effects": [{"effect": e, "level": lv} for e, lv in self.effects],
            "cautions": list(self.cautions),
            "form": self.form,
            "elsewhere": [{"effect": e, "level": lv, "tag": tag} for e, lv, tag in self.elsewhere],
            "note": self.note,
            "role": self.role,
            "concerns": [{"effect": e, "harm_level": h, "safe_use_level": s} for e, h, s in self.concerns],
        }


class ScanItem(NamedTuple):
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
            "kb": None if self.kb is None else self.kb.to_dict(),
            "suggestions": list(self.suggestions),
            "percent": self.percent,
            "may_contain": self.may_contain,
            "note": self.note,
        }


class ScanReport(NamedTuple):
    """All entries of one label, in label order, plus summary helpers."""

    items: tuple[ScanItem, ...] = ()

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

    def actives_by_effect(self, min_level: int = 3) -> dict[str, list[dict[str, Any]]]:
        """KB effect id -> the entries with evidence at `min_level` or better for it, strongest first."""
        out: dict[str, list[dict[str, Any]]] = {}
        for item in self.items:
            if item.kb is None:
                continue
            for effect, level in item.kb.effects:
                if level < min_level:
                    continue
                rows = out.setdefault(effect, [])
                if all(r["id"] != item.kb.id for r in rows):
                    rows.append({"id": item.kb.id, "name": item.kb.name, "level": level})
        for rows in out.values():
            rows.sort(key=lambda r: -r["level"])
        return dict(sorted(out.items(), key=lambda kv: -kv[1][0]["level"]))

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


def _kb_for(kb_lookup: Callable[[str], KbHit | None], names: tuple[str, ...]) -> KbHit | None:
    """Ask the KB about each distinct name in turn; the first hit wins."""
    tried: set[str] = set()
    for name in names:
        key = normalize(name)
        if not key or key in tried:
            continue
        tried.add(key)
        hit = kb_lookup(name)
        if hit is not None:
            return hit
    return None


class _Decoded(NamedTuple):
    """What CosIng made of (part of) one token."""

    entry: CosIngEntry | None
    via: str | None
    note: str | None = None
    suggestions: tuple[str, ...] = ()
    whole_token: bool = True  # False for one piece of a run-on: the label text is not its name


def _decode(cosing: CosIng, token: LabelToken) -> list[_Decoded]:
    """Try, in order: each candidate (and its OCR repairs), a run-on split, a name followed by
    label prose; otherwise return suggestions."""
    found = _first_match(cosing, token.candidates)
    if found is not None:
        return [_Decoded(found[0], found[1])]
    pieces = next((p for p in (_run_on(cosing, c) for c in token.candidates) if p), None)
    if pieces:
        note = f"split from {token.raw!r} (missing separator?)"
        return [_Decoded(entry, "run-on", note, whole_token=False) for entry in pieces]
    prefix = next((p for p in (_prefix(cosing, c) for c in token.candidates) if p), None)
    if prefix is not None and len(prefix[1].split()) >= _MIN_JUNK_WORDS:
        return [_Decoded(prefix[0], "prefix", f"ignored trailing text {prefix[1]!r}")]
    suggestions = cosing.suggest(token.candidates[0])
    if prefix is not None and prefix[0].inci_name not in suggestions:
        suggestions = [*suggestions[:2], prefix[0].inci_name]
    return [_Decoded(None, None, suggestions=tuple(suggestions))]


def _item(token: LabelToken, position: int, decoded: _Decoded, kb: KbHit | None) -> ScanItem:
    if decoded.entry is not None:
        status = RECOGNISED
    elif decoded.suggestions:
        status = SUGGESTED
    else:
        status = UNKNOWN
    entry = decoded.entry
    return ScanItem(
        position=position,
        raw=token.raw,
        inci=entry.inci_name if entry else None,
        functions=entry.functions if entry else (),
        annexes=entry.annexes if entry else (),
        kb=kb,
        status=status,
        suggestions=decoded.suggestions,
        percent=token.percent,
        may_contain=token.may_contain,
        note="; ".join(n for n in (token.note, decoded.note) if n) or None,
        via=decoded.via,
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
        from skincli.label.cosing import default_cosing

        cosing = default_cosing()
    tokens = split_label(text)
    items: list[ScanItem] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        i += 1
        if cosing.lookup(token.candidates[0]) is None:
            joined = _joined(token, tokens[i] if i < len(tokens) else None, cosing)
            if joined is not None:
                token, i = joined, i + 1
        for decoded in _decode(cosing, token):
            inci = (decoded.entry.inci_name,) if decoded.entry else ()
            kb = _kb_for(kb_lookup, inci + (token.candidates if decoded.whole_token else ()))
            items.append(_item(token, len(items) + 1, decoded, kb))
    return ScanReport(items=tuple(items))


def kb_lookup_for(kb: KnowledgeBase) -> Callable[[str], KbHit | None]:
    """Adapt a knowledge base to scan_label's look-up: name -> what the KB knows, memoised per name."""
    memo: dict[str, KbHit | None] = {}

    def lookup(name: str) -> KbHit | None:
        if name not in memo:
            found = kb.resolve(name)
            memo[name] = None if found is None else kb_hit(kb, kb.ingredient(found), name)
        return memo[name]

    return lookup


def kb_hit(kb: KnowledgeBase, ingredient: Ingredient, name: str) -> KbHit:
    """The levels a label entry earns: topical evidence for its form (the INCI name's); other routes,
    strengths and forms go to `elsewhere`, labelled; worries go to `concerns` with both directions."""
    from skincli.kb.levels import fits, headline, others, tag, use_of
    from skincli.kb.names import name_key

    form = ingredient.form_of(name)
    form_id = form.id if form else None
    if form is None and ingredient.forms and name_key(name) in {name_key(n) for n in ingredient.inci}:
        form_id = ""  # an INCI name of the entry that no study covers: no form's level is its level
    use = use_of(ingredient, "topical", form=form_id)  # a product label is put on the skin
    effects, elsewhere, concerns = [], [], []
    for effect_id in ingredient.effect_ids():
        if kb.effect(effect_id).is_concern:
            concerns.append(_concern(ingredient, use, effect_id))
            continue
        best = headline(ingredient, use, [effect_id])
        if best is not None:
            effects.append((effect_id, best.level))
        elsewhere += [
            (effect_id, o.level, tag(o, ingredient, use))
            for o in others(ingredient, use, [effect_id])
            if best is None or (o.level >= 2 and o.level > best.level)
        ]
    note = None
    if form_id is not None and not any(fits(c, use) for c in ingredient.claims):
        studied = sorted({str(ingredient.form_name(f)) for c in ingredient.claims for f in c.forms})
        if studied:
            note = f"evidence is for {', '.join(studied)}; {form.name if form else name}: not studied on the skin"
    best_all = headline(ingredient, use, [e for e in ingredient.effect_ids() if not kb.effect(e).is_concern])
    return KbHit(
        id=ingredient.id,
        name=ingredient.name,
        best_level=best_all.level if best_all else None,
        effects=tuple(sorted(effects, key=lambda x: -x[1])),
        cautions=tuple(dict.fromkeys(c.type for c in ingredient.cautions)),
        form=form.name if form else None,
        elsewhere=tuple(sorted(elsewhere, key=lambda x: -x[1])),
        note=note,
        role=ingredient.role,
        concerns=tuple(c for c in concerns if c[1] is not None or c[2] is not None),
    )


def _concern(ingredient: Ingredient, use: Any, effect_id: str) -> tuple[str, int | None, int | None]:
    """(concern, how well the harm is shown, how well safe use is shown) for this form on the skin."""
    from skincli.kb.levels import fits, headline

    harm = headline(ingredient, use, [effect_id])
    denials = [c.level for c in ingredient.claims if c.effect == effect_id and c.direction == "against" and fits(c, use)]
    return (effect_id, harm.level if harm else None, max(denials) if denials else None)
