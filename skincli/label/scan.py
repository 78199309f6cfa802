"""Decode a label's ingredient list: CosIng match, annex limits and KB link for each entry.

No printing here: renderers turn a ScanReport (or its to_dict()) into text, tables or JSON.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from skincli.label.inci import LabelToken, french_words, loose_key, normalize, ocr_variants, split_label

if TYPE_CHECKING:
    from skincli.kb.model import Ingredient
    from skincli.kb.store import KnowledgeBase
    from skincli.label.cosing import AnnexEntry, CosIng, CosIngEntry
    from skincli.label.limits import LimitCheck

__all__ = ["MAX_LABEL_CHARS", "KbHit", "ScanItem", "ScanReport", "annex_words", "kb_lookup_for", "scan_label"]

_MEMO_LIMIT = 20_000  # decoded names kept per process: enough for a batch's vocabulary, bounded for junk
RECOGNISED = "recognised"
SUGGESTED = "suggested"
UNKNOWN = "unknown"
TEXT = "text"  # label text that is not an ingredient (marketing, an address, a usage note)
MAX_LABEL_CHARS = (
    1024 * 1024
)  # 1 MiB, as cli.INPUT_LIMITS: a real label is a few kB; 20,000 entries ~0.6 MB; memory ~200 MiB at the limit
_MAX_RUN_ON_WORDS = 40  # a list printed without commas; each end tries at most 8 words back
_CONNECTORS = frozenset({"AND", "&", "ET", "UND", "+"})
_MIN_JUNK_WORDS = 3  # "CI 16255 Dermatologically tested for ..." is a name plus label prose
_MAX_SUGGESTED = 200  # "did you mean" for at most this many distinct unknown names per label
_PROSE_WORDS = frozenset(
    "the and for with our your you contains contain containing is are of to from free tested made this that"
    " use apply avoid keep only not all skin which by on at as be can may no new formula"
    " et pour avec sans une un est dans"  # not "de", "du", "la": French ingredient names have them
    " und mit für ohne der die das ist von"
    " con para sin los las una es"
    " com sem em uma".split()
)
_ADDRESS = re.compile(
    r"(?i)\bwww\b|https?:|\.com\b|@|\bmade in\b|\bfabriqu|\bdistribu|\bcedex\b|\bimported by\b|\bmanufactured\b"
    r"|\bfabricado|\bhergestellt|\bpostfach\b|\btsa \d|\b\d{5} [A-Z]{3,}|\blot\b|\bexp\b|recycl|\bquestions?\b"
    r"|\b\d{3}[-. ]\d{3}[-. ]\d{4}\b|\brue\b|\bstreet\b|\bcalle\b|\bstra(?:ss|ß)e\b"
)


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


@lru_cache(maxsize=4096)
def annex_words(annex: AnnexEntry) -> str:
    """What an annex entry means, in words: "prohibited in the EU in nano form (classified carcinogenic Cat. 1B)".

    A condition of the entry ("when used as a substance in hair dye products", "if it contains >0.1%
    butadiene", "except for normal content in natural essences") is part of the sentence.
    """
    if annex.annex == "II":
        head = annex.chemical_name.split(" | ")[0]
        text = "prohibited in the EU"
        if annex.form == "nano":
            text += " in nano form"
        cond = re.search(r"(?i)(?:,\s*|\s)((?:when|if|except|with the exception of)\b[^|;]*)", head)
        if cond:
            text += " " + cond.group(1).strip(" .,")
        if re.match(r"(?i)\s*furocoumarin", head):  # the entry is about a constituent, not the ingredient
            text = f"a constituent is {text} (furocoumarins)"
        if annex.cmr:
            reasons = ", ".join(dict.fromkeys(r.strip().replace("()", "").lower() for r in annex.cmr.split(",") if r.strip()))
            text += f" (classified {reasons})"
        return text
    words = {
        "III": "restricted in the EU",
        "IV": "colourant allowed in the EU",
        "V": "preservative allowed in the EU",
        "VI": "UV filter allowed in the EU",
    }.get(annex.annex, "listed in an EU annex")
    if annex.form == "nano":
        words += " (nano form)"
    return words


def _conditional(annex: AnnexEntry) -> bool:
    """An Annex II entry that bans only a form, a use or an impurity ("except if the full refining history
    is known ..."): the label entry is not prohibited as such, and the summary says on what it depends."""
    head = annex.chemical_name.split(" | ")[0]
    return bool(
        annex.form == "nano"
        or re.search(r"(?i)(?:,\s*|\s)(?:when|if|except|with the exception of)\b", head)
        or re.match(r"(?i)\s*furocoumarin", head)
    )


@lru_cache(maxsize=8192)
def _annex_dicts(annexes: tuple[AnnexEntry, ...]) -> list[dict[str, Any]]:
    """JSON-ready annex entries, built once per distinct tuple (a batch repeats them thousands of times)."""
    from skincli.label.limits import explain, limit_cases

    return [
        {
            "annex": a.annex,
            "ref": a.ref,
            "label": a.label,
            "max_concentration": a.max_concentration,
            "product_type": a.product_type,
            "conditions": a.conditions,
            "warnings": a.warnings,
            "meaning": annex_words(a),
            "chemical_name": a.chemical_name,
            "cmr": a.cmr,
            "form": a.form or None,
            "limits": [
                {"case": c.case or None, "product_type": c.product_type, "max": c.max_text, "max_percent": c.max_percent}
                for c in limit_cases(a)
            ],
            "limits_text": explain(a),
        }
        for a in annexes
    ]


class ScanItem(NamedTuple):
    """One decoded label entry. `status`: recognised, suggested, unknown, or text (not an ingredient)."""

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
    via: str | None = None  # exact | loose | alias | colour | chemical | inn | ocr | older | run-on | prefix
    limit_checks: tuple[LimitCheck, ...] = ()
    synonym: str | None = None  # the chemical name or INN the label used ("Tretinoin")
    nano: bool = False

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
            "annexes": _annex_dicts(self.annexes),
            "kb": None if self.kb is None else self.kb.to_dict(),
            "suggestions": list(self.suggestions),
            "percent": self.percent,
            "may_contain": self.may_contain,
            "note": self.note,
            "limit_checks": [
                {"annex": c.annex, "percent": c.percent, "verdict": c.verdict, "message": c.message} for c in self.limit_checks
            ],
            "synonym": self.synonym,
            "nano": self.nano,
        }


class ScanReport(NamedTuple):
    """All entries of one label, in label order, plus summary helpers."""

    items: tuple[ScanItem, ...] = ()
    skipped: tuple[str, ...] = ()  # label text that is not an entry: prelude, formula codes, footnotes
    product_type: str | None = None

    @property
    def count(self) -> int:
        return len(self.items)

    @property
    def recognised_count(self) -> int:
        return sum(1 for item in self.items if item.status == RECOGNISED)

    @property
    def text_count(self) -> int:
        return sum(1 for item in self.items if item.status == TEXT)

    @property
    def recognition_rate(self) -> float:
        """Share of ingredient entries (label text aside) matched to an INCI name (1.0 for none)."""
        entries = self.count - self.text_count
        return self.recognised_count / entries if entries else 1.0

    @property
    def unrecognised(self) -> list[str]:
        """Label text of every ingredient entry CosIng could not match (suggested or unknown)."""
        return [item.raw for item in self.items if item.status in (SUGGESTED, UNKNOWN)]

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
            "not_ingredients": [item.raw for item in self.items if item.status == TEXT],
            "prohibited": [item.name for item in self.items if any(a.prohibited and not _conditional(a) for a in item.annexes)],
            "prohibited_unless": [
                {"name": item.name, "words": annex_words(a)}
                for item in self.items
                for a in item.annexes
                if a.prohibited and _conditional(a)
            ],
            "over_limit": [
                {"name": item.name, "annex": c.annex, "percent": c.percent, "message": c.message}
                for item in self.items
                for c in item.limit_checks
                if c.verdict == "over"
            ],
            "undecided_limits": [
                {"name": item.name, "annex": c.annex, "percent": c.percent, "message": c.message}
                for item in self.items
                for c in item.limit_checks
                if c.verdict == "undecided"
            ],
            "skipped": list(self.skipped),
            "product_type": self.product_type,
        }

    def to_dict(self) -> dict[str, Any]:
        """Plain, JSON-ready dicts and lists."""
        return {"summary": self.summary(), "items": [item.to_dict() for item in self.items]}


# ---------------------------------------------------------------------------------------------


def _first_match(cosing: CosIng, names: tuple[str, ...], raw: str = "") -> tuple[CosIngEntry, str] | None:
    for name in names:
        entry = cosing.lookup(name)
        if entry is not None:
            return entry, entry.via
    words = french_words(raw) if raw else None
    if words:
        for variant in (" ".join(words), " ".join(w for w in words if w not in ("OF", "THE"))):
            entry = cosing.lookup(variant) or cosing.lookup_words(variant.split())
            if entry is not None:
                return entry, "translated"
    ocr_bases = [raw] if raw and raw not in names else []
    for name in [*ocr_bases, *names]:
        for variant in ocr_variants(name):
            entry = cosing.lookup(variant)
            if entry is not None:
                return entry, "ocr"
    for name in names:
        older = _older_name(cosing, name)
        if older is not None:
            return older, "older"
    return None


_PLANT = re.compile(r"^([A-Z]+ [A-Z]+) (OIL|EXTRACT|BUTTER|WAX|JUICE|WATER|POWDER|FLOUR|STARCH)$")


def _older_name(cosing: CosIng, name: str) -> CosIngEntry | None:
    """An older INCI name without the plant part ("RICINUS COMMUNIS OIL") when exactly one current
    name adds one ("RICINUS COMMUNIS SEED OIL")."""
    m = _PLANT.match(normalize(name).upper())
    if not m:
        return None
    prefix = loose_key(m.group(1))
    last = m.group(2).lower()
    found = [(k, n) for k, n in cosing.keys_with_prefix(prefix) if k.endswith(last) and len(k) - len(prefix) - len(last) <= 8]
    if len(found) != 1:
        return None
    return cosing.lookup(found[0][1])


def _usable_piece(entry: CosIngEntry | None, words: list[str]) -> bool:
    """A run-on piece must be a real inventory name, not a word that also ends chemical names."""
    if entry is None or entry.origin != "inventory":
        return False
    return len(words) > 1 or len(words[0]) >= 4 or entry.inci_name.startswith("CI ")


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
            if _usable_piece(entry, words[start:end]) and (best[end] is None or len(prev) + 1 < len(best[end] or ())):
                best[end] = [*prev, entry]  # type: ignore[list-item]
    result = best[n]
    return result if result and len(result) >= 2 else None


def _prefix(cosing: CosIng, name: str) -> tuple[CosIngEntry, str] | None:
    """The longest known name that starts `name`, and the text after it."""
    words = name.split()
    for end in range(min(len(words) - 1, 8), 0, -1):
        entry = cosing.lookup(" ".join(words[:end]))
        if entry is not None and entry.origin == "inventory":
            return entry, " ".join(words[end:])
    return None


def looks_like_text(raw: str) -> bool:
    """Label text that is not an ingredient: a sentence, an address, a web site, a usage note."""
    if _ADDRESS.search(raw):
        return True
    words = re.findall(r"[^\W\d_]+", raw.lower())
    if len(words) >= 4 and sum(w in _PROSE_WORDS for w in words) >= 1:
        return True
    letters = sum(c.isalpha() for c in raw)
    return len(raw) >= 6 and letters < len(raw) / 3


def _joined(token: LabelToken, following: LabelToken | None, cosing: CosIng) -> LabelToken | None:
    """Re-join "Sodium, Cocoyl Isethionate": a comma printed inside one name."""
    if following is None or not token.candidates or not following.candidates:
        return None
    name = f"{token.candidates[0]} {following.candidates[0]}"
    entry = cosing.lookup(name)
    if entry is None or entry.origin != "inventory":
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
    text: bool = False  # the token (or this part of it) is label text, not an ingredient
    raw: str | None = None  # the part of the label text this stands for, when not the whole token


class _Budget:
    """How many "did you mean" searches a label may still spend (each is bounded too)."""

    __slots__ = ("left",)

    def __init__(self, left: int) -> None:
        self.left = left


def _decode(cosing: CosIng, token: LabelToken, budget: _Budget) -> list[_Decoded]:
    """Try, in order: each candidate (and its OCR repairs, older names), a run-on split, a name
    followed by label prose; label text is reported as such; otherwise return suggestions."""
    found = _first_match(cosing, token.candidates, token.raw)
    if found is not None:
        return [_Decoded(found[0], found[1])]
    pieces = next((p for p in (_run_on(cosing, c) for c in token.candidates) if p), None)
    if pieces:
        note = f"split from {token.raw!r} (missing separator?)"
        return [_Decoded(entry, "run-on", note, whole_token=False) for entry in pieces]
    prefix = next((p for p in (_prefix(cosing, c) for c in token.candidates) if p), None)
    if prefix is not None and len(prefix[1].split()) >= _MIN_JUNK_WORDS and looks_like_text(prefix[1]):
        name_words = len(prefix[0].inci_name.split())
        if name_words >= 2 or prefix[0].inci_name.startswith("CI "):
            cut = token.raw.upper().rfind(prefix[1].upper()[:12])
            head = token.raw[:cut].strip() if cut > 0 else " ".join(token.raw.split()[:name_words])
            return [
                _Decoded(prefix[0], "prefix", "label text follows the name", raw=head),
                _Decoded(None, None, "not an ingredient", text=True, whole_token=False, raw=prefix[1]),
            ]
    if looks_like_text(token.raw):
        return [_Decoded(None, None, "not an ingredient", text=True)]
    if prefix is not None and len(prefix[0].inci_name.split()) >= 2 and len(prefix[1].split()) <= 2:
        rest = prefix[1]  # "sodium hydroxide ouestiouo": a whole name and a little print noise
        if sum(c.isalpha() for c in rest) < sum(c.isalpha() for c in prefix[0].inci_name):
            return [_Decoded(prefix[0], "prefix", f"ignored trailing text {rest!r}")]
    suggestions: list[str] = []
    if budget.left > 0:
        budget.left -= 1
        suggestions = cosing.suggest(token.candidates[0])
    slip = _one_slip_match(cosing, token.candidates[0], suggestions)
    if slip is not None:
        return [_Decoded(slip, "typo", f"read as {slip.inci_name} (one letter differs from the label)")]
    if prefix is not None and prefix[0].inci_name not in suggestions:
        suggestions = [*suggestions[:2], prefix[0].inci_name]
    return [_Decoded(None, None, suggestions=tuple(suggestions))]


_DIGITS = re.compile(r"\D")


def _one_slip_match(cosing: CosIng, name: str, suggestions: list[str]) -> CosIngEntry | None:
    """The one INCI name a long name is a print or OCR slip of: one letter replaced, dropped, added, or
    two neighbours swapped ("Homosapate", "Octocylene", "Sodium Laureth ulfate"). Only for names of eight
    letters or more, only when the digits agree (CETEARETH-20 is not CETEARETH-25), and only when no
    other name is as close; otherwise the reader gets "did you mean"."""
    key = loose_key(name)
    if len(key) < 8 or not suggestions:
        return None
    close = [s for s in dict.fromkeys(suggestions) if _one_slip(key, loose_key(s))]
    if len(close) != 1 or _DIGITS.sub("", key) != _DIGITS.sub("", loose_key(close[0])):
        return None
    return cosing.lookup(close[0])


def _one_slip(a: str, b: str) -> bool:
    """Whether b is a with one letter replaced, dropped or added, or two neighbouring letters swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        swapped = i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
        return a[i + 1 :] == b[i + 1 :] or swapped
    return a[i + 1 :] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1 :]


def _annexes_for(entry: CosIngEntry, nano: bool) -> tuple[AnnexEntry, ...]:
    """Entries that apply to the form on the label: a nano-only entry only to "(nano)" ingredients,
    and for those it replaces the general entry of the same annex."""
    if not nano:
        return tuple(a for a in entry.annexes if a.form != "nano")
    nano_annexes = {a.annex for a in entry.annexes if a.form == "nano"}
    return tuple(a for a in entry.annexes if a.form == "nano" or a.annex not in nano_annexes)


def _item(token: LabelToken, position: int, decoded: _Decoded, kb: KbHit | None, product_type: str | None) -> ScanItem:
    if decoded.text:
        status = TEXT
    elif decoded.entry is not None:
        status = RECOGNISED
    elif decoded.suggestions:
        status = SUGGESTED
    else:
        status = UNKNOWN
    entry = decoded.entry
    nano = bool(token.note and "nano" in token.note.split("; "))
    annexes = _annexes_for(entry, nano) if entry else ()
    checks: tuple[LimitCheck, ...] = ()
    if token.percent is not None and annexes and decoded.whole_token:
        from skincli.label.limits import check

        found = (check(a, token.percent, product_type) for a in annexes if a.annex != "II")
        checks = tuple(c for c in found if c is not None)
    return ScanItem(
        position=position,
        raw=decoded.raw or token.raw,
        inci=entry.inci_name if entry else None,
        functions=entry.functions if entry else (),
        annexes=annexes,
        kb=kb,
        status=status,
        suggestions=decoded.suggestions,
        percent=token.percent,
        may_contain=token.may_contain,
        note="; ".join(n for n in (token.note, decoded.note) if n) or None,
        via=decoded.via,
        limit_checks=checks,
        synonym=entry.synonym if entry else None,
        nano=nano,
    )


def scan_label(
    text: str,
    kb_lookup: Callable[[str], KbHit | None],
    cosing: CosIng | None = None,
    product_type: str | None = None,
) -> ScanReport:
    """Decode a label. Every entry comes back, matched or not, in label order.

    `kb_lookup` gets a name (the INCI name first, then the names as written) and returns the
    KB ingredient or None. A run-on entry with a missing comma ("SALICYLIC ACID PARFUM")
    becomes one item per recognised name, so positions count decoded entries. `product_type`
    (see skincli.label.limits.PRODUCT_TYPES) decides annex limits that depend on it.
    """
    if cosing is None:
        from skincli.label.cosing import default_cosing

        cosing = default_cosing()
    skipped: list[str] = []
    tokens = split_label(text, skipped)
    if len(tokens) > 300:  # a very large label: one pass over the whole index beats many queries
        cosing.load_index()
    budget = _Budget(_MAX_SUGGESTED)
    memo: dict[tuple[str, tuple[str, ...]], list[_Decoded]] = cosing.memo.setdefault("decoded", {})  # type: ignore[assignment]
    kb_memo: dict[tuple[str, ...], KbHit | None] = getattr(kb_lookup, "_scan_memo", None) or {}
    try:  # the adapter is one function per knowledge base: its answers can be kept on it
        kb_lookup._scan_memo = kb_memo  # type: ignore[attr-defined]
    except AttributeError:
        pass
    items: list[ScanItem] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        i += 1
        if cosing.lookup(token.candidates[0]) is None:
            joined = _joined(token, tokens[i] if i < len(tokens) else None, cosing)
            if joined is not None:
                token, i = joined, i + 1
        key = (token.raw, token.candidates)
        decoded_list = memo.get(key)
        if decoded_list is None:
            decoded_list = _decode(cosing, token, budget)
            if len(memo) < _MEMO_LIMIT and (
                decoded_list[0].entry is not None or decoded_list[0].text or decoded_list[0].suggestions
            ):
                memo[key] = decoded_list
        for decoded in decoded_list:
            if decoded.text:
                kb = None
            else:
                inci = (decoded.entry.inci_name,) if decoded.entry else ()
                if inci and token.note and "nano" in token.note.split("; "):
                    inci = (f"{inci[0]} (NANO)", *inci)  # the EU name of the nano form, when the KB has it
                names = inci + (token.candidates if decoded.whole_token else ())
                if names in kb_memo:
                    kb = kb_memo[names]
                else:
                    kb = kb_memo[names] = _kb_for(kb_lookup, names)
            items.append(_item(token, len(items) + 1, decoded, kb, product_type))
    return ScanReport(items=tuple(items), skipped=tuple(s for s in skipped if s), product_type=product_type)


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
    from skincli.kb.levels import fits, form_for_name, headline, others, tag, use_of

    form = ingredient.form_of(name)
    form_id = form_for_name(ingredient, name)  # "" for an INCI name no study covers: no form's level is its own
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
    from skincli.kb.levels import denial, headline

    harm = headline(ingredient, use, [effect_id])
    safe = denial(ingredient, effect_id, use)
    return (effect_id, harm.level if harm else None, safe.level if safe else None)
