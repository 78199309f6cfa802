"""Turn the ingredient list printed on a label into clean, ordered name candidates.

Pure functions only (no database, no I/O): the scanner asks CosIng about the candidates
afterwards. Real labels are messy (OCR slips, footnotes, shade blocks, percentages, bilingual
names), so the tokenizer is deliberately forgiving and must never raise.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, NamedTuple

__all__ = ["LabelToken", "loose_key", "normalize", "ocr_variants", "split_label"]


class _Pattern:
    """A regex compiled on first use: importing this module stays cheap for the CLI start-up.

    The compiled pattern's methods are kept on the instance once looked up, so later calls cost
    no more than calling the compiled pattern directly.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        attr = getattr(self._compiled, name)
        self.__dict__[name] = attr
        return attr


# ---------------------------------------------------------------------------------------------
# normalisation: the lookup key
# ---------------------------------------------------------------------------------------------

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe58\ufe63\uff0d"
_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u00b4`"
_DROP = '"\u201c\u201d\u201e\u201f\u2033*!?;#\u00ae\u2122\u00a9'
_NORM_TABLE = str.maketrans(
    {
        **dict.fromkeys(_DASHES, "-"),
        **dict.fromkeys(_QUOTES, "'"),
        **dict.fromkeys(_DROP, " "),
        "\u00ad": None,  # soft hyphen: a line-break hint, not part of the name
        "\u200b": None,
    }
)
_PLAIN = _Pattern(r"[a-z0-9]+(?: [a-z0-9]+)*")
_DOT = _Pattern(r"(?<!\d)\.|\.(?!\d)")  # a period is kept only between two digits ("1.5")
_WS = _Pattern(r"\s+")
_AROUND = _Pattern(r" ?([-/+&,:]) ?")
_OPEN = _Pattern(r"([(\[]) ")
_CLOSE = _Pattern(r" ([)\]])")
_EDGE = " ,-/+&:"


def _fold(text: str) -> str:
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 16)
def normalize(name: str) -> str:
    """The lookup key: equal for spellings of one INCI name that differ only in typography.

    Case, accents, dash/quote variants, spacing and punctuation that never distinguishes two
    INCI names (periods outside numbers, asterisks, trademark signs) are dropped; hyphens,
    slashes, commas and brackets are kept because they do ("1,2-HEXANEDIOL"). Idempotent.
    """
    if name.isascii():
        s = name.casefold()
        if _PLAIN.fullmatch(s):  # letters, digits and single blanks: nothing else to do
            return s
        s = s.translate(_NORM_TABLE)
    else:
        s = _fold(_fold(name).casefold()).translate(_NORM_TABLE)
    s = _DOT.sub(" ", s)
    s = _WS.sub(" ", s)
    s = _AROUND.sub(r"\1", s)
    s = _OPEN.sub(r"\1", s)
    s = _CLOSE.sub(r"\1", s)
    return s.strip(_EDGE)


_NON_ALNUM = _Pattern(r"[^0-9a-z]+")


_BRITISH = (("sulph", "sulf"), ("aluminium", "aluminum"))


@lru_cache(maxsize=1 << 16)
def loose_key(name: str) -> str:
    """Letters and digits only, so "ETHYLHEXYL GLYCERIN" meets "ETHYLHEXYLGLYCERIN".

    British spellings that INCI writes the American way ("SULPHATE") are folded too.
    """
    key = _NON_ALNUM.sub("", normalize(name))
    for british, inci in _BRITISH:
        key = key.replace(british, inci)
    return key


# ---------------------------------------------------------------------------------------------
# OCR repair candidates (tried by the scanner only after an exact match failed)
# ---------------------------------------------------------------------------------------------

_OCR_WORD_FIXES = (
    (_Pattern(r"(?<![A-Za-z])[lL](?=[^aeiouyAEIOUY\W\d])"), "I"),  # "lsoparaffin"
    (_Pattern(r"(?<![A-Za-z])[lL](?=[oO][nN])"), "I"),  # "lonone" -> IONONE
    (_Pattern(r"!"), "L"),  # "Propy!ene"
    (_Pattern(r"(?<=[A-Za-z])0|0(?=[A-Za-z])"), "O"),  # "0at"
    (_Pattern(r"(?<=[A-Za-z])1(?=[A-Za-z])"), "I"),
    (_Pattern(r"(?<=[A-Za-z])t(?=ycol)", re.I), "L"),  # "Gtycol"
    (_Pattern(r"(?<=[A-Z])l(?=[A-Z])|(?<=[A-Z]{2})l\b|\bl(?=[A-Z]{2})"), "I"),  # "CHLORlDE", "BlGUANlDE"
    (_Pattern(r"\bHCI\b", re.I), "HCL"),  # "PYRIDOXINE HCI": I for l in hydrochloride
)


_JUNK_WORD = _Pattern(r"(?<=\S) (?:[A-Za-z]{1,2}|[^\w\s]+) (?=\S)")  # "OLEIC O ACID", "DIETHYLAMINO CO HYDROXY..."
_KEEP_SHORT = frozenset({"SE", "NF", "AL", "DI", "MA", "ET", "HCL", "PCA", "PEG", "PPG", "EO", "PO", "OF", "DE"})
_REPEATED = _Pattern(r"(?i)\b(\w{4,})(?: \1\b)+")  # "Methyldibromo Methyldibromo Glutaronitrile"


def ocr_variants(name: str) -> list[str]:
    """Spellings that undo common OCR confusions (l/I, !/l, 0/O, HCI), stray one- or two-letter
    words read from print noise, and a word printed twice; empty if none apply."""
    out: list[str] = []
    current = name
    for pattern, repl in _OCR_WORD_FIXES:
        fixed = pattern.sub(repl, current)
        if fixed != current:
            current = fixed
            out.append(fixed.upper())
    for base in [name, *out]:
        words = base.split()
        if len(words) >= 3:
            kept = [w for i, w in enumerate(words) if i in (0, len(words) - 1) or len(w) > 2 or w.upper() in _KEEP_SHORT]
            if len(kept) < len(words) and len(kept) >= 2:
                out.append(" ".join(kept).upper())
        single = _REPEATED.sub(r"\1", base)
        if single != base:
            out.append(single.upper())
    return [v for v in dict.fromkeys(out) if v != name.upper()]


# French label names: word by word into INCI English, then matched in any word order
_FR_WORDS = {
    "EAU": "WATER",
    "ACIDE": "ACID",
    "EXTRAIT": "EXTRACT",
    "HUILE": "OIL",
    "BEURRE": "BUTTER",
    "CIRE": "WAX",
    "GOMME": "GUM",
    "AMIDON": "STARCH",
    "FEUILLE": "LEAF",
    "FEUILLES": "LEAF",
    "GRAINE": "SEED",
    "GRAINES": "SEED",
    "FLEUR": "FLOWER",
    "FLEURS": "FLOWER",
    "RACINE": "ROOT",
    "FRUIT": "FRUIT",
    "ECORCE": "BARK",
    "RIZ": "RICE",
    "SILICE": "SILICA",
    "HYDROXYDE": "HYDROXIDE",
    "CHLORURE": "CHLORIDE",
    "OXYDE": "OXIDE",
    "DIOXYDE": "DIOXIDE",
    "SEL": "SALT",
    "SUCRE": "SUCROSE",
    "MIEL": "MEL",
    "ALCOOL": "ALCOHOL",
    "GLYCERINE": "GLYCERIN",
    "MALTODEXTRINE": "MALTODEXTRIN",
    "XANTHANE": "XANTHAN",
    "COPOLYMERE": "COPOLYMER",
    "CROSSPOLYMERE": "CROSSPOLYMER",
    "TRISODIQUE": "TRISODIUM",
    "DISODIQUE": "DISODIUM",
    "TETRASODIQUE": "TETRASODIUM",
    "SODIQUE": "SODIUM",
    "POTASSIQUE": "POTASSIUM",
    "CITRIQUE": "CITRIC",
    "SALICYLIQUE": "SALICYLIC",
    "LACTIQUE": "LACTIC",
    "STEARIQUE": "STEARIC",
    "ASCORBIQUE": "ASCORBIC",
    "HYALURONIQUE": "HYALURONIC",
    "BENZOIQUE": "BENZOIC",
    "SORBIQUE": "SORBIC",
    "GLYCOLIQUE": "GLYCOLIC",
    "PALMITIQUE": "PALMITIC",
    "MYRISTIQUE": "MYRISTIC",
}
_FR_MARKERS = _Pattern(
    r"(?i)\b(?:de|du|des|d')\b|\b(?:acide|extrait|huile|beurre|hydroxyde|chlorure|gomme|amidon|copolym[eè]re)\b|[éèêà]"
)
_FR_LINK = _Pattern(r"(?i)\b(?:de la|de|du|des|d'|l')\s*")


def french_words(name: str) -> list[str] | None:
    """The words of a French label name in INCI English, order left open ("STÉARATE D'ISOCÉTYLE" ->
    STEARATE, ISOCETYL); None when the name does not read as French."""
    if not _FR_MARKERS.search(name):
        return None
    folded = _fold(name).upper().replace("’", "'")
    words = []
    for word in _FR_LINK.sub(" ", folded + " ").replace("'", " ").split():
        if word in _FR_WORDS:
            words.append(_FR_WORDS[word])
        elif word.endswith("YLE"):
            words.append(word[:-1])  # ISOCETYLE -> ISOCETYL
        elif word.endswith("IQUE"):
            words.append(word[:-4] + "IC")
        elif word.endswith("ERE"):
            words.append(word[:-3] + "ER")
        else:
            words.append(word)
    return words or None


# ---------------------------------------------------------------------------------------------
# tokenizer
# ---------------------------------------------------------------------------------------------


class LabelToken(NamedTuple):
    """One entry of the label, in label order, with the cleaned names to try in order."""

    position: int
    raw: str
    candidates: tuple[str, ...]
    percent: float | None = None
    may_contain: bool = False
    note: str | None = None
    group: str | None = None  # the name a bracketed list belongs to ("Iron Oxides (CI 77491, CI 77492)")


_HEADER = _Pattern(
    r"(?i)(?<!\w)(?:[i!l1|]ngr[eé]di[eé]n(?:t|ts|ti|tes|ser)?|inci(?:\s+names?)?|composition"
    r"|zutaten|sk[lł]adniki|ingredi[eë]nten|ainesosat)(?:\s*/\s*[^\W\d_]{2,14}){0,3}\s*(?:\([^)]{0,20}\))?\s*[:：]"
)
_LEADING_HEADER = _Pattern(r"(?i)^\s*(?:ingredients?|ingr[eé]dients?|inci)\b\s*[-–]?\s*")
_MAY_CONTAIN = _Pattern(
    r"(?i)(?:\(\s*)?(?:\+\s*/\s*-|±|may\s+contain|peut\s+contenir|kann\s+enthalten"
    r"|puede\s+contener|pu[oò]\s+contenere|pode\s+conter|kan\s+bevatten)(?:\s*\))?"
    r"(?:\s*(?:\(\s*)?(?:may\s+contain|peut\s+contenir|\+\s*/\s*-|±)(?:\s*\))?)*\s*:?"
)


def _may_contain_possible(text: str) -> bool:
    """Cheap string tests before the costly "(may contain)" patterns."""
    if "+" in text or "±" in text:
        return True
    low = text.lower()
    return any(w in low for w in ("contain", "conten", "conter", "enthalten", "bevatten"))


_MAY_CORE = _Pattern(
    r"(?i)\+\s*/\s*-|±|may\s+contain|peut\s+contenir|kann\s+enthalten|puede\s+contener|pu[oò]\s+contenere|pode\s+conter|kan\s+bevatten"
)
_AND = _Pattern(r"(?i)\(\s*(?:and|et|und|y|e)\s*\)")
_CODE_BRACKETED = _Pattern(r"[\[(]\s*(?:F\.?\s*I\.?\s*L\.?|(?!C\s?[IL1]\b)[A-Z]{1,4}[\s-]?\d{2,})[^\])\[(]{0,30}[\])]")
_CODE_FIL = _Pattern(r"(?i)(?:\(\s*)?(?:\bcode\s*)?\bF\.?\s?[IL1]\.?\s?L\.?\s*[:#]?\s*[A-Z]{0,2}\d[\w/-]*\.?(?:\s*\))?")
_FIL_CORE = _Pattern(r"[Ff]\.?\s?[IiLl1]\.?\s?[Ll]")
_NUMBERED_CORE = _Pattern(r"\d\s?[.,]\s?\d\s?-")
_CODE_TOKEN = _Pattern(r"^[\d\s./:-]*\d[\d\s./:-]*[A-Za-z]?$")
_TAGS = _Pattern(r"<[^<>]{0,200}>")
_FOOTNOTE_WORDS = _Pattern(
    r"(?i)^\s*(?:certified|organic|bio\b|biolog|natural|naturel|from\b|issu|ingr[eé]dients?\b"
    r"|agricult|fair\s*trade|ecocert|cosmos|essential|huile|aus\b|kontroll|=)"
)
_MARKS = _Pattern(r"\*+|†+|‡+|°|[¹²³]")
_PERCENT = _Pattern(r"[<≤~]?\s*(\d{1,3}(?:[.,]\d{1,3})?)\s*%")
_NANO = _Pattern(r"(?i)[\[(]\s*nano\s*[\])]")
_SECTION = _Pattern(r"^([^\W\d_][^:,()]{0,40}?)\s*:\s*(?=[^\d\s])(.+)$")
_CI = _Pattern(r"(?i)(?<![A-Za-z])C\s*\.?\s*[IL1|]\s*\.?\s*(\d{5})(?!\d)")
_LINEBREAK_HYPHEN = _Pattern(r"(?<=[A-Za-z]) ?- (?=[a-z]{2}|[A-Z]{2})")
_NUMBERED = _Pattern(r"(?<![\w.,-])(\d)\s?[.,]\s?(\d)\s?-\s?(?=[A-Za-z])")  # "1, 2-Hexanediol", "1.2 - HEXANEDIOL"
_GLUED_SENTENCE = _Pattern(  # "Linalool.Squalane" (a literal first: the engine skips ahead to each period)
    r"\.(?=[A-Z])(?:(?<=[a-z]{3}\.)(?=[A-Z][a-z])|(?<=[A-Z]{3}\.)(?=[A-Z]{3}))"
)
_GLUED_BRACKET = _Pattern(r"(?i)(?<!poly)(?<!bis)(?<!tris)(?<=[a-z]{3})\((?=[a-z]{2})")  # "Water(Aqua/Eau)"
_CI_LIST = _Pattern(  # "(CI 77491, CI 77492, 77499)": a bracket holding only colour-index numbers
    r"[(\[]\s*((?:C\.?\s?I\.?\s?)?\d{5}(?::\d)?(?:\s*[,/;]\s*(?:C\.?\s?I\.?\s?)?\d{5}(?::\d)?)+)\s*[)\]]"
)
_FIVE_DIGITS = _Pattern(r"\d{5}")
_CI_PAIR = _Pattern(
    r"(?i)\b((?:iron oxides?|ultramarines?|titanium dioxide|mica|chromium oxide greens))\s+(C\s?I\s?\d{5}(?::\d)?)\b"
)
_QUALIFIERS = _Pattern(
    r"(?i)(?:\s+|^)(?:\(?\b(?:usp|nf|bp|ep|ph\.?\s?eur\.?|fcc|jp|sunscreen|uv\s?filter|active|organic|bio"
    r"|extra\s+virgin|virgin|cold\s+pressed|certified\s+organic|non-?gmo|natural|vegan)\b\)?)(?=\s|$)"
)
_QUALIFIER_WORDS = frozenset(
    "USP NF BP EP PH. PH EUR EUR. FCC JP SUNSCREEN UV FILTER ACTIVE ORGANIC BIO VIRGIN COLD CERTIFIED"
    " NON-GMO NONGMO NATURAL VEGAN".split()
)
_STEREO = _Pattern(r"(?i)^(?:[DL]{1,2}\s?\(\s?[+-]\s?\)\s?-?\s?|\(\s?[+-]\s?\)\s?-?\s?|DL-|D-|L-)(?=[A-Za-z]{3})")
_OL_ESTER = _Pattern(r"(?i)\b(TOCOPHER|RETIN)OL\s+(ACETATE|PALMITATE|LINOLEATE|NICOTINATE|SUCCINATE)\b")
_ABBREVIATIONS = frozenset({"denat", "sp", "spp", "ssp", "subsp", "var", "no", "nr", "st", "ext"})


def _unescape(text: str) -> str:
    for _ in range(3):  # "&amp;quot;" is escaped twice on some sites
        unescaped = html.unescape(text)
        if unescaped == text:
            break
        text = unescaped
    return _TAGS.sub(" ", text)


_HEADER_WORDS = ("ngr", "inci", "compos", "zutaten", "adniki", "ainesos")


def _drop_prelude(text: str) -> str:
    """Marketing text before an "Ingredients:" header is not part of the list."""
    low = text.lower()
    match = _HEADER.search(text) if ":" in text and any(w in low for w in _HEADER_WORDS) else None
    if match:
        return text[match.end() :]
    return _LEADING_HEADER.sub("", text, count=1)


def _split_footnotes(text: str) -> tuple[str, dict[int, str]]:
    """Cut "*organic / **from natural origin" definitions off the list; return them by star count."""
    if "*" not in text and "†" not in text:
        return text, {}
    for m in re.finditer(r"(?:(?<=[\s.,;:])|^)(\*+|†+)\s*(?=[^\W\d_])", text):
        prev = _prev_char(text, m.start())
        if prev < 0:
            continue
        if text[prev] in ",;" and not _FOOTNOTE_WORDS.match(text, m.end()):
            continue  # "Aqua, *Aloe ..." marks an ingredient, it is not a definition
        before = text[: prev + 1]
        notes: dict[int, str] = {}
        for part in re.split(r"(?=(?<![*†])[*†]+(?![*†]))", text[m.start() :]):
            marks = re.match(r"[*†]+", part)
            if not marks:
                continue
            body = " ".join(part[marks.end() :].split()).strip(" .,;:")
            if body:
                short = body if len(body) <= 60 else body[:59].rsplit(" ", 1)[0] + "…"
                notes.setdefault(len(marks.group()), short)
        return before, notes
    return text, {}


def _prev_char(text: str, i: int) -> int:
    """Index of the last non-blank character before i, or -1."""
    i -= 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i


_PARENS = _Pattern(r"[()]")


def _paren_pairs(text: str) -> Iterator[tuple[int, int, bool]]:
    """(index of "(", index of its ")", nested in another pair) for each matched pair, innermost first;
    an unmatched ")" is skipped."""
    stack: list[int] = []
    for m in _PARENS.finditer(text):
        i, ch = m.start(), m.group()
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            start = stack.pop()
            yield start, i, bool(stack)


def _group_spans(text: str) -> list[tuple[int, int]]:
    """Matched (...) groups that hold at most one comma: commas inside them do not split."""
    spans: list[tuple[int, int]] = []
    for start, i, _nested in _paren_pairs(text):
        inner = text[start + 1 : i]
        if inner.count(",") <= 1 and len(inner) <= 60 and not (_may_contain_possible(inner) and _MAY_CONTAIN.search(inner)):
            spans.append((start, i))
    return spans


def _is_sentence_end(text: str, i: int) -> bool:
    """A period followed by a blank ends an entry ("PARFUM. LINALOOL"), except after "DENAT." etc."""
    j = i + 1
    if j >= len(text) or not text[j].isspace():
        return False
    while j < len(text) and text[j].isspace():
        j += 1
    if j >= len(text) or text[j] in ",;)]":
        return False
    k = i
    while k > 0 and text[k - 1].isascii() and text[k - 1].isalpha():
        k -= 1
    word = text[k:i]
    return not (len(word) == 1 or word.lower() in _ABBREVIATIONS)


_SEPARATOR = _Pattern(r"[,.;\n•·|、，]")


def _segments(text: str) -> list[tuple[str, bool]]:
    """Split into raw entries, flagging those inside a "+/- (may contain)" block."""
    protected = bytearray(len(text))
    for start, end in _group_spans(text):
        protected[start : end + 1] = b"\x01" * (end + 1 - start)
    may_ranges: list[tuple[int, int]] = []
    skip: dict[int, int] = {}  # marker start -> marker end
    hard: set[int] = set()  # brackets that open/close a shade block
    for m in _MAY_CONTAIN.finditer(text) if _may_contain_possible(text) and _MAY_CORE.search(text) else ():
        start, end = m.start(), m.end()
        prev = _prev_char(text, start)
        stop = len(text)
        opener = text[prev] if prev >= 0 and text[prev] in "[(" and not m.group().startswith("(") else ""
        if opener:
            hard.add(prev)
            close = text.find("]" if opener == "[" else ")", end)
            if close != -1:
                stop = close
                hard.add(close)
        may_ranges.append((end, stop))
        skip[start] = end

    def in_block(pos: int) -> bool:
        return any(lo <= pos <= hi for lo, hi in may_ranges)

    out: list[tuple[str, bool]] = []
    n = len(text)
    seg_start = 0
    # only separator candidates are visited (a per-character loop cost ~0.5 ms a label)
    stops = sorted(set(skip) | hard | {m.start() for m in _SEPARATOR.finditer(text)})
    i_skip_until = -1
    for i in stops:
        if i < i_skip_until:
            continue
        if i in skip:
            out.append((text[seg_start:i], in_block(seg_start)))
            seg_start = i_skip_until = skip[i]
            continue
        ch = text[i]
        if i in hard or ch in ";•·|、，":
            split = True
        elif ch == "," and not protected[i]:
            split = not (0 < i < n - 1 and text[i - 1].isdigit() and text[i + 1].isdigit())
        elif ch == "." and not protected[i]:
            split = _is_sentence_end(text, i)
        elif ch == "\n":  # a blank line, or a line break after a "Header:" ends an entry; a wrap does not
            prev = _prev_char(text, i)
            split = text[i + 1 : i + 2] == "\n" or (prev >= 0 and text[prev] == ":")
        else:
            split = False
        if split:
            out.append((text[seg_start:i], in_block(seg_start)))
            seg_start = i + 1
    out.append((text[seg_start:], in_block(seg_start)))
    return out


def _strip_unbalanced(s: str) -> str:
    s = s.strip(" \t,;:-*_'\"")
    for _ in range(4):
        before = s
        if s[:1] in "([" and not any(c in s for c in ")]"):
            s = s[1:].strip()
        if s[-1:] in ")]" and not any(c in s for c in "(["):
            s = s[:-1].strip()
        if s.startswith("(") and s.endswith(")") and s.count("(") == 1:
            s = s[1:-1].strip()
        s = s.strip(" \t,;:-*_'\"")
        if s == before:
            break
    return s


def _strip_period(s: str) -> str:
    """Drop a trailing period unless it belongs to the name ("ALCOHOL DENAT.")."""
    while s.endswith("."):
        word = re.search(r"([A-Za-z]+)\.$", s)
        if word and word.group(1).lower() in _ABBREVIATIONS:
            break
        s = s[:-1].rstrip()
    return s


def _top_level_split(s: str, seps: str) -> list[str]:
    """Split on separators outside brackets (all of them if the brackets are unbalanced)."""
    parts: list[str] = []
    depth = 0
    balanced = s.count("(") + s.count("[") == s.count(")") + s.count("]")
    buf: list[str] = []
    for ch in s:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if ch in seps and (depth == 0 or not balanced):
            parts.append("".join(buf))
            buf.clear()
        else:
            buf.append(ch)
    parts.append("".join(buf))
    return [p.strip() for p in parts if p.strip()]


_PAREN_GROUP = _Pattern(r"\s+\(([^()]*)\)")  # a spaced "(gloss)", not "POLY(...)"


def _expand(name: str) -> list[str]:
    """Name variants in the order to try: whole, without brackets, trailing alternative, parts.

    "Aqua (Water)" -> AQUA, WATER; "Avena Sativa (Oat) Kernel Flour" -> the whole, then
    AVENA SATIVA KERNEL FLOUR (an inner bracket is a common-name gloss, never a candidate);
    "Aqua/Water/Eau" -> the whole, AQUA, WATER, EAU.
    """
    out: list[str] = []

    def add(candidate: str) -> None:
        c = _strip_unbalanced(_strip_period(" ".join(candidate.split())))
        if c and any(ch.isalnum() for ch in c):
            out.append(c.upper())

    trailing = re.search(r"\s\(([^()]*)\)$", name)
    head = name[: trailing.start()] if trailing else name
    if trailing is None or "(" in head:
        add(name)
    without = _PAREN_GROUP.sub(" ", head)
    add(head)
    add(without)
    bases = [head, without]
    if trailing:
        add(trailing.group(1))
        bases.append(trailing.group(1))
    for base in bases:
        parts = _top_level_split(base, "/\\")
        if len(parts) > 1:
            for part in parts:
                add(part)
                add(_PAREN_GROUP.sub(" ", part))
    for candidate in list(out):
        if "- " in candidate or " -" in candidate:
            joined = _LINEBREAK_HYPHEN.sub("", candidate)
            if joined != candidate:
                add(joined)
        if _QUALIFIER_WORDS.intersection(candidate.replace("(", " ").replace(")", " ").split()):
            bare = _QUALIFIERS.sub(" ", candidate).strip()  # "GLYCERIN USP", "AVOBENZONE SUNSCREEN"
            if bare and bare != candidate:
                add(bare)
        if candidate[:1] in "LD(":
            plain = _STEREO.sub("", candidate)  # "L (+) LACTIC ACID"
            if plain != candidate:
                add(plain)
        if "OL " in candidate:
            ester = _OL_ESTER.sub(r"\1YL \2", candidate)  # "TOCOPHEROL ACETATE" is TOCOPHERYL ACETATE
            if ester != candidate:
                add(ester)
    return list(dict.fromkeys(out))


def _clean(piece: str, footnotes: dict[int, str]) -> tuple[str, tuple[str, ...], float | None, str | None]:
    raw = " ".join(piece.split()).strip(" ,;")
    notes: list[str] = []
    work = raw
    section = _SECTION.match(work)
    if section and len(section.group(1).split()) <= 4:
        notes.append(f"section: {section.group(1).strip()}")
        work = section.group(2)
        raw = work.strip()
    stars = [m.group() for m in _MARKS.finditer(work)]
    if stars:
        mark = max(stars, key=len)
        notes.append(footnotes.get(len(mark), mark) if mark[0] in "*†" else mark)
        work = _MARKS.sub(" ", work)
    percent = None
    pm = _PERCENT.search(work)
    if pm:
        try:
            percent = float(pm.group(1).replace(",", "."))
        except ValueError:  # pragma: no cover - the pattern only admits digits
            percent = None
        work = _PERCENT.sub(" ", work)
        work = re.sub(r"\(\s*\)", " ", work)
    if _NANO.search(work):
        notes.append("nano")
        work = _NANO.sub(" ", work)
    work = _CI.sub(lambda m: f"CI {m.group(1)}", work)
    work = _strip_unbalanced(_strip_period(" ".join(work.split())))
    candidates = tuple(_expand(work)) if work else ()
    spaced = _GLUED_BRACKET.sub(" (", work)
    if spaced != work:  # "Water(Aqua/Eau)": tried after the name as written (POLY(...) names exist)
        candidates = tuple(dict.fromkeys(candidates + tuple(_expand(spaced))))
    note = "; ".join(dict.fromkeys(notes)) or None
    return raw, candidates, percent, note


_CLEAN_MEMO: dict[str, tuple[str, tuple[str, ...], float | None, str | None]] = {}  # piece -> _clean(piece)
_GROUP = "\x01"  # "head<GROUP>member": one member of a bracketed list that belongs to head
_DASH_SEP = _Pattern(r"[ \t]+-[ \t]*(?:\n[ \t]*)?|[ \t]*-[ \t]*\n[ \t]*|\n[ \t]*-[ \t]+")


def _bracket_lists(text: str) -> str:
    """Turn "Iron Oxides (CI 77491, CI 77492, 77499)" into one entry per colour index, each keeping
    its head, and "Parfum (Limonene, Linalool, Citral)" into the head and one entry per member:
    a bracket with several commas is a list, not one name."""

    if _FIVE_DIGITS.search(text):
        parts: list[str] = []
        last = 0
        for m in _CI_LIST.finditer(text):
            j = m.start() - 1  # the head: the text back to the previous separator
            while j >= last and text[j] not in ",;\n•·|":
                j -= 1
            head = text[j + 1 : m.start()].strip()
            codes = re.findall(r"(?i)(?:C\.?\s?I\.?\s?)?(\d{5}(?::\d)?)", m.group(1))
            if head and not any(c.isalpha() for c in head):
                head = ""
            parts.append(text[last : j + 1])
            parts.append(", ".join(f"{head}{_GROUP}CI {code}" if head else f"CI {code}" for code in codes))
            last = m.end()
        text = "".join(parts) + text[last:]
        low = text.lower()
        if any(w in low for w in ("iron oxide", "ultramarine", "titanium dioxide", "mica", "chromium oxide")):
            text = _CI_PAIR.sub(lambda m: f"{m.group(1)}{_GROUP}{m.group(2)}", text)
    if "(" not in text:
        return text
    pieces = list(text)
    for start, i, nested in _paren_pairs(text):
        inner = text[start + 1 : i]
        if nested or inner.count(",") < 2 or _MAY_CONTAIN.search(inner) or "(" in inner:
            continue
        k = start - 1
        while k >= 0 and text[k] == " ":
            k -= 1
        j = k
        while j >= 0 and text[j] not in ",;\n•·|":
            j -= 1
        head = text[j + 1 : k + 1].strip()
        if not head or not any(c.isalpha() for c in head) or len(head) > 60:
            continue
        members = [m.strip() for m in inner.split(",") if m.strip()]
        pieces[start] = ", " + ", ".join(f"{head}{_GROUP}{m}" for m in members)
        for k2 in range(start + 1, i + 1):
            pieces[k2] = ""
    return "".join(pieces)


def split_label(text: str, skipped: list[str] | None = None) -> list[LabelToken]:
    """Split a label's ingredient list into tokens in label order. Never raises on a str.

    Text that is not made into a token (a prelude before "Ingredients:", formula codes such as
    "(F.I.L. B26941/5)", footnote definitions, bare numbers) is appended to `skipped` when given,
    so a caller can show that nothing was dropped silently.

    Handles separators (",", ";", line breaks, sentence periods), "1,2-HEXANEDIOL", "(and)",
    "Aqua/Water/Eau", "Aqua (Water)", "+/- (may contain)" shade blocks, footnote markers,
    percentages, HTML entities, "Ingredients:" headers and formula codes such as "(F.I.L. ...)".
    """
    if not isinstance(text, str) or not text.strip():
        return []
    text = unicodedata.normalize("NFC", _unescape(text)).replace("\r\n", "\n").replace("\r", "\n")
    kept = _drop_prelude(text)
    if skipped is not None and len(kept) < len(text.strip()):
        skipped.append(text[: len(text) - len(kept)].strip())
    text = kept
    before, footnotes = _split_footnotes(text)
    if skipped is not None:
        if len(before) < len(text):
            skipped.append(text[len(before) :].strip())
        skipped.extend(m.group() for m in _CODE_BRACKETED.finditer(before))
        if _FIL_CORE.search(before):
            skipped.extend(m.group() for m in _CODE_FIL.finditer(before))
    text = before
    text = _CODE_BRACKETED.sub(" ", text)
    if _FIL_CORE.search(text):
        text = _CODE_FIL.sub(" ", text)
    text = _AND.sub(",", text)
    if _NUMBERED_CORE.search(text):
        text = _NUMBERED.sub(r"\1,\2-", text)
    text = _GLUED_SENTENCE.sub(". ", text)
    dashes = len(_DASH_SEP.findall(text)) if ("-" in text and text.count("-") >= 3) else 0
    if dashes >= 3 and dashes > text.count(","):  # "AQUA - GLYCERIN - ...": dashes separate entries
        text = _DASH_SEP.sub(", ", text)
    text = _bracket_lists(text)
    tokens: list[LabelToken] = []
    section: str | None = None
    for piece, may in _segments(text):
        if not any(ch.isalnum() for ch in piece) or _CODE_TOKEN.match(piece.strip(" .,;:()[]")):
            if skipped is not None and piece.strip():
                skipped.append(piece.strip())
            continue
        stripped = " ".join(piece.split())
        if stripped.endswith(":") and len(stripped) > 1:  # "Squalane + Probiotic Gel Moisturizer:"
            section = stripped.rstrip(" :")
            continue
        group = None
        if _GROUP in piece:
            group, piece = piece.split(_GROUP, 1)
            group = " ".join(group.split()).strip(" ,;")
        cleaned = _CLEAN_MEMO.get(piece) if not footnotes else None
        if cleaned is None:
            cleaned = _clean(piece, footnotes)
            if not footnotes and len(_CLEAN_MEMO) < 100_000:
                _CLEAN_MEMO[piece] = cleaned
        raw, candidates, percent, note = cleaned
        if not candidates:
            continue
        if group:
            raw = f"{group} ({raw})"
        if section:
            note = "; ".join(n for n in (f"section: {section}", note) if n)
            section = None
        tokens.append(
            LabelToken(
                position=len(tokens) + 1,
                raw=raw,
                candidates=candidates,
                percent=percent,
                may_contain=may,
                note=note,
                group=group,
            )
        )
    if section:  # a header with nothing after it is still label text, never dropped
        raw, candidates, percent, note = _clean(section, footnotes)
        if candidates:
            tokens.append(LabelToken(len(tokens) + 1, raw, candidates, percent, False, note))
    return tokens
