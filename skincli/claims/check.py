"""`skincli check`: read a piece of marketing text and grade its claims, one by one, against the
knowledge base. No printing here: renderers turn a CheckReport (or its `to_dict()`) into output.

The steps, each a small function so each rule can be tested on its own:

1. Words. The text is cut into words with their offsets. Every later step works on these offsets, so
   every span in the report indexes the ORIGINAL text: `text[start:end]` is what the report quotes.
2. Ingredients. Every name, alias and INCI name in the knowledge base (plus simple plurals) goes
   into one dictionary of normalised keys, built once per knowledge base; the text is scanned once,
   leftmost-longest ("hyaluronic acid filler" before "hyaluronic acid"), whole words only ("Retinol-Serum"
   names retinol, "retinolate" does not). Spaces, hyphens, case and accents follow the rules in
   `skincli.claims.phrases`.
3. Effects. The phrases of `skincli.claims.phrases.EFFECT_PHRASES`, matched the same way.
4. Sentences and marketing patterns (`skincli.claims.phrases.FLAGS`).
5. Pairing ("near"). Within a sentence an effect phrase belongs to the nearest group of ingredients
   named before it, else the nearest group named after it. A sentence that names an effect but no
   ingredient takes the first ingredient group of the previous sentence when it refers back to it (a
   pronoun such as "it", "they", "sie" before the effect, a leading connective such as "also",
   "another", "außerdem", or a list bullet); a chain of such sentences keeps the same ingredient, and
   a sentence that does neither, or a blank line, ends it. Ingredients
   named as a comparison ("stronger than vitamin C", "like Botox", "a retinol-like effect") are listed
   but never paired. A negation before the phrase marks the pair negated; it is still reported.
6. Grading. Each pair carries all the knowledge base's claims for that ingredient and effect, best
   first; a pair without one is "no evidence on record". An ingredient named but never paired is
   "mentioned, no claim made".
"""

from __future__ import annotations

import bisect
import re
import weakref
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from skincli.claims import phrases
from skincli.kb import evidence
from skincli.kb.model import Claim, Opinion
from skincli.kb.names import name_key

if TYPE_CHECKING:
    from skincli.kb.store import KnowledgeBase

__all__ = [
    "CheckReport",
    "EffectPhrase",
    "Finding",
    "Flag",
    "Lexicon",
    "Mention",
    "Span",
    "check_text",
    "effect_lexicon",
    "ingredient_lexicon",
]

SCHEMA_VERSION = 2  # the same as views.SCHEMA_VERSION: one version for every --json output
NO_EVIDENCE = "no evidence on record"
MENTIONED = "mentioned, no claim made"

_CH = r"(?:[^\W_]|[\u0300-\u036f])"  # a letter or digit, or a combining accent (text pasted in NFD form)
_WORD = re.compile(rf"{_CH}+(?:[\u00ad\u200b\u200c\u200d\u2060]+{_CH}+)*")  # soft hyphens and zero-width joiners stay inside
_JOIN_GAP = re.compile(r"[\s\-\u2010\u2011'\u2019/]+")  # what may stand between two words of one name
_SPACE = re.compile(r"\s")
_CLAUSE_BREAK = re.compile(r"[,;:.!?()\[\]\u2013\u2014\"\u201c\u201d\u201e\u00ab\u00bb]")
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_ABBREVIATION = re.compile(r"[A-Z0-9]{2,5}")  # "HA", "AHA", "PRP": matched in capitals only


# ---- the report ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Span:
    """A stretch of the input: `text == input[start:end]`."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Mention:
    """One place an ingredient is named. `role` is "subject", or "comparison" when the text only
    measures something against it ("than vitamin C", "like Botox")."""

    ingredient: str
    name: str
    span: Span
    role: str
    sentence: int

    def to_dict(self) -> dict[str, Any]:
        return {"ingredient": {"id": self.ingredient, "name": self.name}, **self.span.to_dict(), "role": self.role}


@dataclass(frozen=True)
class EffectPhrase:
    """One effect phrase found in the text, with the negation in front of it, if any."""

    effect: str
    span: Span
    negation: Span | None
    sentence: int
    attributed: bool = False

    @property
    def negated(self) -> bool:
        return self.negation is not None


@dataclass(frozen=True)
class Finding:
    """An ingredient paired with an effect the text claims for it (or with none), and what the
    knowledge base has on that pair. `claims` is every claim for the pair, best first."""

    n: int
    mention: Mention
    effect: EffectPhrase | None
    attribution: str | None  # "sentence", "previous-sentence", or None when no effect is paired
    claims: tuple[Claim, ...] = ()
    opinions: tuple[Opinion, ...] = ()

    @property
    def level(self) -> int | None:
        return self.claims[0].level if self.claims else None

    @property
    def negated(self) -> bool:
        return self.effect is not None and self.effect.negated

    @property
    def verdict(self) -> str:
        """One line for people: the grade, or why there is none."""
        if self.effect is None:
            return MENTIONED
        if self.level is None:
            return NO_EVIDENCE
        return f"{self.level} {evidence.label(self.level)}"


@dataclass(frozen=True)
class Flag:
    """A marketing pattern, with the knowledge base's 0-level claim it repeats, when there is one."""

    n: int
    kind: str
    span: Span
    explanation: str
    claim: tuple[str, Claim] | None = None  # (ingredient id, claim)


@dataclass(frozen=True)
class CheckReport:
    """Everything `check` found in one text. `to_dict()` is the `--json` output and what renderers read."""

    text: str
    findings: tuple[Finding, ...]
    flags: tuple[Flag, ...]
    mentions: tuple[Mention, ...]
    effects: tuple[EffectPhrase, ...]
    kb: KnowledgeBase = field(repr=False, compare=False)

    def summary(self) -> dict[str, Any]:
        paired = [f for f in self.findings if f.effect is not None]
        levels: dict[str, int] = {}
        for f in paired:
            if not f.negated:
                key = "none" if f.level is None else str(f.level)
                levels[key] = levels.get(key, 0) + 1
        return {
            "ingredients": len({m.ingredient for m in self.mentions}),
            "mentions": len(self.mentions),
            "claims": sum(1 for f in paired if not f.negated),
            "negated": sum(1 for f in paired if f.negated),
            "no_evidence": sum(1 for f in paired if f.level is None and not f.negated),
            "mentioned_only": len(self.findings) - len(paired),
            "unattributed_effects": sum(1 for e in self.effects if not e.attributed),
            "flags": len(self.flags),
            "levels": dict(sorted(levels.items())),
        }

    def to_dict(self) -> dict[str, Any]:
        from skincli.views import claim_view, opinion_view

        kb = self.kb
        names = {e.id: e.name for e in kb.effects()}

        def finding(f: Finding) -> dict[str, Any]:
            cited = [s for c in f.claims for s in (*c.sources, c.claimed_by) if not kb.is_expert(s)]
            cited += [o.source for o in f.opinions]
            sources = []
            for source_id in dict.fromkeys(cited):
                source = kb.source(source_id)
                sources.append({"id": source_id, "citation": source.short() if source else source_id})
            eff = f.effect
            return {
                "n": f.n,
                "ingredient": {"id": f.mention.ingredient, "name": f.mention.name},
                "mention": f.mention.span.to_dict(),
                "mention_role": f.mention.role,
                "effect": eff.effect if eff else None,
                "effect_name": names.get(eff.effect, eff.effect) if eff else None,
                "effect_phrase": eff.span.to_dict() if eff else None,
                "negated": f.negated,
                "negation": eff.negation.to_dict() if eff and eff.negation else None,
                "attribution": f.attribution,
                "level": f.level,
                "label": evidence.label(f.level),
                "verdict": f.verdict,
                "claims": [claim_view(c, kb) for c in f.claims],
                "opinions": [opinion_view(o, kb) for o in f.opinions],
                "sources": sources,
            }

        def flag(g: Flag) -> dict[str, Any]:
            claim = None
            if g.claim:
                ingredient_id, c = g.claim
                claim = {"ingredient": {"id": ingredient_id, "name": kb.name_of(ingredient_id)}, **claim_view(c, kb)}
            return {
                "n": g.n,
                "kind": g.kind,
                "kind_label": phrases.FLAGS[g.kind]["label"],
                **g.span.to_dict(),
                "explanation": g.explanation,
                "claim": claim,
            }

        return {
            "schema_version": SCHEMA_VERSION,
            "text": self.text,
            "summary": self.summary(),
            "findings": [finding(f) for f in self.findings],
            "flags": [flag(g) for g in self.flags],
            "mentions": [m.to_dict() for m in self.mentions],
            "effects": [
                {
                    "effect": e.effect,
                    "effect_name": names.get(e.effect, e.effect),
                    **e.span.to_dict(),
                    "negated": e.negated,
                    "attributed": e.attributed,
                }
                for e in self.effects
            ],
        }


# ---- words ------------------------------------------------------------------------------------------
class _Token(NamedTuple):
    start: int
    end: int
    key: str  # normalised: casefolded, accents and punctuation removed
    raw: str  # the letters and digits as written (for abbreviations matched in capitals only)
    joins: bool  # may belong to one name with the previous word (only spaces, hyphens, apostrophes between)
    hard: bool  # a space, not only a hyphen, separates it from the previous word


@lru_cache(maxsize=65536)
def _word(word: str) -> tuple[str, str]:
    """(normalised key, letters and digits as written) of one word; words repeat, so this is cached."""
    return name_key(word), word if word.isalnum() else "".join(c for c in word if c.isalnum())


def _tokens(text: str) -> list[_Token]:
    """The words of `text` with their offsets and how each is joined to the one before."""
    out: list[_Token] = []
    prev_end = -1
    for m in _WORD.finditer(text):
        key, raw = _word(m.group())
        start = m.start()
        if prev_end < 0:
            joins = hard = False
        elif start - prev_end == 1:  # the common case: one character between two words
            gap = text[prev_end]
            hard = gap.isspace()
            joins = hard or gap in "-\u2010\u2011'\u2019/"
        else:
            gap = text[prev_end:start]
            joins = _JOIN_GAP.fullmatch(gap) is not None
            hard = _SPACE.search(gap) is not None
        out.append(_Token(start, m.end(), key, raw, joins, hard))
        prev_end = m.end()
    return out


# ---- a dictionary of names and phrases ------------------------------------------------------------------
class _Entry(NamedTuple):
    payload: str
    hard: frozenset[int]  # offsets in the key where the name has a space
    soft: frozenset[int]  # offsets where it has a hyphen or other punctuation
    case: str | None = None  # abbreviations: the capitals the text must show ("HA" or "HAs")
    rank: int = 0  # 0 for a listed name, 1 for a generated plural


_NONE: frozenset[int] = frozenset()


class _Hit(NamedTuple):
    first: int  # token indexes, inclusive
    last: int
    payload: str


class Lexicon:
    """Names or phrases keyed by their normalised letters, for one leftmost-longest pass over a text.

    Looking up concatenated word keys (not a regular expression per name) keeps a scan at a few
    dictionary look-ups per word however many names there are.
    """

    def __init__(self) -> None:
        self._exact: dict[str, list[_Entry]] = {}
        self._prefix: dict[str, list[_Entry]] = {}
        self._prefix_lengths: list[int] = []
        self.max_tokens = 1
        self._max_len = 0

    def __len__(self) -> int:
        return sum(len(v) for v in self._exact.values()) + sum(len(v) for v in self._prefix.values())

    @staticmethod
    def spellings(phrase: str) -> list[tuple[list[str], list[bool], str]]:
        """(word keys, hard joins, letters as written) of a phrase and of its German transliteration."""
        if phrase.isalnum() and phrase.isascii():  # the common case, fast: one plain word
            return [([name_key(phrase)], [], phrase)]
        out = []
        for variant in dict.fromkeys((phrase, phrase.translate(_GERMAN))):
            toks = _tokens(variant)
            if toks and all(t.key for t in toks):
                out.append(([t.key for t in toks], [t.hard for t in toks[1:]], "".join(t.raw for t in toks)))
        return out

    def add(
        self,
        keys: list[str],
        hard: list[bool],
        entry_payload: str,
        *,
        prefix: bool = False,
        case: str | None = None,
        rank: int = 0,
    ) -> _Entry:
        compact = "".join(keys)
        if len(keys) == 1:
            entry = _Entry(entry_payload, _NONE, _NONE, case, rank)
        else:
            cuts, pos = [], 0
            for k in keys[:-1]:
                pos += len(k)
                cuts.append(pos)
            joins = list(zip(cuts, hard, strict=True))
            hard_set, soft_set = frozenset(c for c, h in joins if h), frozenset(c for c, h in joins if not h)
            entry = _Entry(entry_payload, hard_set, soft_set, case, rank)
        table = self._prefix if prefix else self._exact
        table.setdefault(compact, []).append(entry)
        if prefix and len(compact) not in self._prefix_lengths:
            self._prefix_lengths.append(len(compact))
            self._prefix_lengths.sort()
        if len(keys) + 2 > self.max_tokens:  # +2: a text may split a word at hyphens
            self.max_tokens = len(keys) + 2
        if len(compact) >= self._max_len:
            self._max_len = len(compact) + 1
        return entry

    def has(self, compact: str) -> bool:
        return compact in self._exact

    def payloads(self, compact: str, *, prefix: bool = False) -> list[str]:
        return [e.payload for e in (self._prefix if prefix else self._exact).get(compact, ())]

    def find(self, toks: list[_Token]) -> list[_Hit]:
        """Leftmost-longest matches: at each word the match covering most words wins, then the longest key."""
        hits: list[_Hit] = []
        i, count = 0, len(toks)
        while i < count:
            best: tuple[int, int, int] | None = None
            best_hit: _Hit | None = None
            compact = ""
            raw = ""
            cuts: list[tuple[int, bool]] = []
            for j in range(i, min(count, i + self.max_tokens)):
                tok = toks[j]
                if not tok.key or (j > i and not tok.joins):
                    break
                before = len(compact)
                if j > i:
                    cuts.append((before, tok.hard))
                compact += tok.key
                raw += tok.raw
                for entry in self._exact.get(compact, ()):
                    score = (j - i, len(compact), -entry.rank)
                    if (best is None or score > best) and _fits(entry, cuts, len(compact)) and _case_ok(entry, raw):
                        best, best_hit = score, _Hit(i, j, entry.payload)
                for length in self._prefix_lengths:
                    if length <= before:
                        continue
                    if length > len(compact):
                        break
                    for entry in self._prefix.get(compact[:length], ()):
                        score = (j - i, length, -entry.rank)
                        if (best is None or score > best) and _fits(entry, cuts, length):
                            best, best_hit = score, _Hit(i, j, entry.payload)
                if len(compact) >= self._max_len:
                    break
            if best_hit is None:
                i += 1
            else:
                hits.append(best_hit)
                i = best_hit.last + 1
        return hits


def _fits(entry: _Entry, cuts: list[tuple[int, bool]], length: int) -> bool:
    """A space on either side needs a space or hyphen on the other: "fine-lines" is "fine lines",
    "Hyaluron-Säure" is "Hyaluronsäure", but "niacin amide" is not "niacinamide"."""
    seen = set()
    for pos, hard in cuts:
        if pos >= length:
            break
        seen.add(pos)
        if hard and pos not in entry.hard and pos not in entry.soft:
            return False
    return entry.hard <= seen


def _case_ok(entry: _Entry, raw: str) -> bool:
    return entry.case is None or raw in (entry.case, entry.case + "s")


def _plurals(key: str) -> list[str]:
    """Simple English and German plural/singular forms of a last word: exosome(s), Peptid(e), Exosom(en)."""
    if len(key) < 4 or not key.isalpha():
        return []
    if key.endswith("s"):
        return [] if key.endswith(("ss", "us", "is")) else [key[:-1]]
    forms = [key + "s"]
    if len(key) >= 5:
        forms += [key + "n"] if key.endswith("e") else [key + "e", key + "en"]
    return forms


_lexicons: weakref.WeakKeyDictionary[KnowledgeBase, Lexicon] = weakref.WeakKeyDictionary()


def ingredient_lexicon(kb: KnowledgeBase) -> Lexicon:
    """Every ingredient name, alias and INCI name, then plurals where they collide with nothing.

    Built once per loaded knowledge base. Short names in capitals ("HA", "PHA", "PRP") match only in
    capitals, so "ha" or "has" in prose never reads as hyaluronic acid. Ids are not matched: they are
    shorthands for the data ("alpha" for "Alphaol"), and a real name they spell is listed as a name.
    """
    cached = _lexicons.get(kb)
    if cached is not None:
        return cached
    lex = Lexicon()
    later: list[tuple[list[str], list[bool], str]] = []
    for ingredient in kb.ingredients():
        names = (ingredient.name, *ingredient.aliases, *ingredient.inci)
        for name in names:
            for keys, hard, raw in Lexicon.spellings(name):
                compact = "".join(keys)
                abbreviation = _ABBREVIATION.fullmatch(raw.removesuffix("s")) is not None
                if abbreviation or len(compact) < 3:
                    base = raw.removesuffix("s") if abbreviation else raw
                    for key in dict.fromkeys((name_key(base), name_key(base) + "s")):
                        if ingredient.id not in lex.payloads(key):
                            lex.add([key], [], ingredient.id, case=base)
                    continue
                if ingredient.id not in lex.payloads(compact):
                    lex.add(keys, hard, ingredient.id)
                later += [([*keys[:-1], form], hard, ingredient.id) for form in _plurals(keys[-1])]
    for keys, hard, ingredient_id in later:  # plurals only where no listed name already is
        if not lex.has("".join(keys)):
            lex.add(keys, hard, ingredient_id, rank=1)
    _lexicons[kb] = lex
    return lex


@lru_cache(maxsize=1)
def effect_lexicon() -> Lexicon:
    """The effect vocabulary of `skincli.claims.phrases`; a phrase listed under two effects is an error."""
    lex = Lexicon()
    for effect_id, by_lang in phrases.EFFECT_PHRASES.items():
        for phrase in (p for ps in by_lang.values() for p in ps):
            prefix = phrase.endswith("*")
            for keys, hard, _raw in Lexicon.spellings(phrase.rstrip("*")):
                compact = "".join(keys)
                taken = set(lex.payloads(compact, prefix=prefix)) - {effect_id}
                if taken:
                    raise ValueError(f"effect phrase {phrase!r} of {effect_id} is also listed under {sorted(taken)}")
                lex.add(keys, hard, effect_id, prefix=prefix)
    return lex


# ---- sentences ------------------------------------------------------------------------------------------
class _Sentence(NamedTuple):
    start: int
    end: int
    paragraph: int


_SENTENCE_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019\u00bb\u00ab)\]]*(?=\s|$)|\n[ \t]*(?:\n\s*)+|\n")
_BULLET = re.compile(r"[ \t]*[-*\u2022\u00b7\u25aa\u2013]\s")
_WORD_BEFORE = re.compile(rf"({_CH}+)(\W*)$")


def _sentences(text: str) -> list[_Sentence]:
    """Sentences with their paragraph numbers.

    A full stop after an abbreviation ("Dr.", "z. B.", "e.V.") ends nothing. A blank line ends a
    paragraph. A single line break ends a sentence after a short line (a heading, a list item) or
    before a list bullet; after a longer line it is taken for hard-wrapped prose and ends nothing.
    """
    out: list[_Sentence] = []
    start, paragraph = 0, 0
    for m in _SENTENCE_END.finditer(text):
        mark = m.group()
        new_paragraph = False
        if mark.startswith("\n"):
            line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()].strip()
            new_paragraph = mark.count("\n") > 1
            if not new_paragraph and len(line) >= phrases.SHORT_LINE and not _BULLET.match(text, m.end()):
                continue
        elif mark.rstrip("\"'\u201d\u2019\u00bb\u00ab)]") == "." and _is_abbreviation(text, m.start()):
            continue
        if text[start : m.end()].strip():
            out.append(_Sentence(start, m.end(), paragraph))
        start = m.end()
        if new_paragraph:
            paragraph += 1
    if text[start:].strip():
        out.append(_Sentence(start, len(text), paragraph))
    return out or [_Sentence(0, len(text), 0)]


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _WORD_BEFORE.search(text[max(0, dot - 40) : dot])
    if m is None or m.group(2):
        return False
    word = m.group(1)
    if name_key(word) in _ABBREVIATIONS:
        return True
    if len(word) == 1:  # "z. B.", "e.V.", but not "vitamin C."
        before = text[: dot - 1].rstrip(" ")
        return word.islower() or before.endswith(".")
    return False


# ---- word sets, normalised once ---------------------------------------------------------------------------------
def _keys(words: frozenset[str] | tuple[str, ...]) -> frozenset[str]:
    out: set[str] = set()
    for w in words:
        out.update({name_key(w), name_key(w.translate(_GERMAN))})
    return frozenset(out)


_ABBREVIATIONS = _keys(phrases.ABBREVIATIONS)
_NEGATIONS = _keys(phrases.NEGATION_WORDS)
_NEGATION_PAIRS = frozenset((name_key(a), name_key(b)) for a, b in phrases.NEGATION_PAIRS)
_NOT_NEGATION_AFTER = _keys(phrases.NEGATION_EXCEPTIONS_AFTER)
_NOT_NEGATION_FOLLOWING = _keys(phrases.NEGATION_EXCEPTIONS_FOLLOWING)
_NEGATIONS_AFTER = _keys(phrases.NEGATION_WORDS_AFTER)
_PRONOUNS = _keys(phrases.CONTINUATION_PRONOUNS)
_CONNECTIVES = _keys(phrases.CONTINUATION_CONNECTIVES)


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))


_COMPARISON_BEFORE = re.compile(
    rf"(?<!\w)(?:{_alternation(phrases.COMPARISON_CUES)})\.?\s+(?:(?:{_alternation(phrases.COMPARISON_FILLERS)})\s+){{0,3}}$",
    re.IGNORECASE,
)
_COMPARISON_AFTER = re.compile(r"[\-\u2010\u2011](?:like|ähnlich\w*|artig\w*)\b", re.IGNORECASE)  # "retinol-like"
_GLUE = re.compile(rf"(?:\s|[,/&+()\[\]\-\u2013]|(?:{_alternation(phrases.GLUE_WORDS)})\b\.?)*", re.IGNORECASE)
_NUMBER = re.compile(r"\d+(?:[.,'\u2009\u202f ]\d{3})*(?:[.,]\d+)?")
_CITATION = re.compile(r"\bdoi\b|\b10\.\d{4,}/|\bPMID\b|\bet al\.|\bPMC\d", re.IGNORECASE)


# ---- marketing patterns ----------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _flag_patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [(kind, re.compile(p, re.IGNORECASE)) for kind, spec in phrases.FLAGS.items() for p in spec["patterns"]]


def _numbers(text: str) -> set[str]:
    """Numbers as digits only, thousands separators dropped: "6,000" and "6000" are one number."""
    return {re.sub(r"[.,'\u2009\u202f ](?=\d{3}(?!\d))", "", n) for n in _NUMBER.findall(text)}


def _find_flags(text: str, toks: list[_Token]) -> list[tuple[str, int, int]]:
    """(kind, start, end) of each marketing pattern, overlaps resolved to the earliest, longest match.
    A pattern right after a negation ("kein Wunder", "not clinically proven") is not a claim."""
    found = []
    starts = [t.start for t in toks]
    for order, (kind, pattern) in enumerate(_flag_patterns()):
        for m in pattern.finditer(text):
            k = bisect.bisect_left(starts, m.start()) - 1
            if k >= 0 and toks[k].key in _NEGATIONS and not _CLAUSE_BREAK.search(text[toks[k].end : m.start()]):
                continue
            found.append((m.start(), -(m.end() - m.start()), order, kind, m.end()))
    found.sort()
    kept: list[tuple[str, int, int]] = []
    for start, _neg_len, _order, kind, end in found:
        if not kept or start >= kept[-1][2]:
            kept.append((kind, start, end))
    return kept


# ---- the check -------------------------------------------------------------------------------------------
def check_text(text: str, kb: KnowledgeBase) -> CheckReport:
    """Find ingredients, effect claims and marketing patterns in `text` and grade each claim."""
    toks = _tokens(text)
    sentences = _sentences(text)
    sentence_starts = [s.start for s in sentences]

    def sentence_of(offset: int) -> int:
        return max(bisect.bisect_right(sentence_starts, offset) - 1, 0)

    raw_mentions = ingredient_lexicon(kb).find(toks)
    raw_effects = effect_lexicon().find(toks)
    raw_flags = _find_flags(text, toks)

    # A span that is both a name and an effect phrase ("collagen" where collagen is also an ingredient)
    # is an effect when its sentence names another ingredient, else the ingredient. An effect phrase
    # overlapping a longer name ("anti-wrinkle injections") is part of the name.
    by_sentence_ids: dict[int, set[str]] = {}
    for hit in raw_mentions:
        by_sentence_ids.setdefault(sentence_of(toks[hit.first].start), set()).add(hit.payload)
    effect_hits: list[_Hit] = []
    taken: dict[int, _Hit] = {}
    for hit in raw_mentions:
        for k in range(hit.first, hit.last + 1):
            taken[k] = hit
    dropped_mentions: set[int] = set()
    for hit in raw_effects:
        overlapping = {id(taken[k]): taken[k] for k in range(hit.first, hit.last + 1) if k in taken}
        if not overlapping:
            effect_hits.append(hit)
            continue
        same = [m for m in overlapping.values() if (m.first, m.last) == (hit.first, hit.last)]
        if len(overlapping) == 1 and same:
            others = by_sentence_ids.get(sentence_of(toks[hit.first].start), set()) - {same[0].payload}
            if others:
                dropped_mentions.add(id(same[0]))
                effect_hits.append(hit)
    mention_hits = [h for h in raw_mentions if id(h) not in dropped_mentions]

    flags_spans = [(start, end) for kind, start, end in raw_flags if kind == "injection-comparison"]
    mentions = tuple(
        _mention(text, toks, h, kb, sentences[sentence_of(toks[h.first].start)], sentence_of(toks[h.first].start), flags_spans)
        for h in mention_hits
    )
    effects = [
        EffectPhrase(
            h.payload,
            _span(text, toks[h.first].start, toks[h.last].end),
            _negation(text, toks, h),
            sentence_of(toks[h.first].start),
        )
        for h in effect_hits
    ]
    pairs, effects = _pair(text, toks, sentences, mentions, effects)
    findings = _grade(pairs, mentions, kb)
    flags = tuple(
        Flag(
            n, kind, _span(text, start, end), _explain(kind, text), _link(kind, text[start:end], sentence_of(start), mentions, kb)
        )
        for n, (kind, start, end) in enumerate(raw_flags, 1)
    )
    return CheckReport(text, findings, flags, mentions, tuple(effects), kb)


def _span(text: str, start: int, end: int) -> Span:
    return Span(text[start:end], start, end)


def _mention(
    text: str,
    toks: list[_Token],
    hit: _Hit,
    kb: KnowledgeBase,
    sentence: _Sentence,
    index: int,
    injection_spans: list[tuple[int, int]],
) -> Mention:
    start, end = toks[hit.first].start, toks[hit.last].end
    comparison = (
        any(a <= start and end <= b for a, b in injection_spans)
        or _COMPARISON_BEFORE.search(text[max(sentence.start, start - 80) : start]) is not None
        or _COMPARISON_AFTER.match(text, end) is not None
    )
    role = "comparison" if comparison else "subject"
    return Mention(hit.payload, kb.name_of(hit.payload), _span(text, start, end), role, index)


def _negation(text: str, toks: list[_Token], hit: _Hit) -> Span | None:
    """The negation word(s) up to NEGATION_WINDOW words before a phrase, or a German "nicht" right
    after it ("reizt nicht"), in the same clause; None when there is none."""
    for k in range(hit.last + 1, min(hit.last + 1 + phrases.NEGATION_AFTER_WINDOW, len(toks))):
        if _CLAUSE_BREAK.search(text[toks[k - 1].end : toks[k].start]):
            break
        if toks[k].key in _NOT_NEGATION_FOLLOWING:
            return None
        following = toks[k + 1].key if k + 1 < len(toks) else ""
        if toks[k].key in _NEGATIONS_AFTER and following not in _NOT_NEGATION_AFTER:
            return _span(text, toks[k].start, toks[k].end)
    k = hit.first - 1
    while k >= 0 and hit.first - k <= phrases.NEGATION_WINDOW:
        if _CLAUSE_BREAK.search(text[toks[k].end : toks[k + 1].start]):
            return None
        key, following = toks[k].key, toks[k + 1].key
        if (key, following) in _NEGATION_PAIRS:
            return _span(text, toks[k].start, toks[k + 1].end)
        prefix_only = toks[k + 1].joins and not toks[k + 1].hard and following != "t" and k + 1 < hit.first  # "non-invasive"
        if key in _NEGATIONS and following not in _NOT_NEGATION_AFTER and not prefix_only:
            end = toks[k + 1].end if following == "t" and k + 1 < hit.first else toks[k].end  # "doesn't"
            return _span(text, toks[k].start, end)
        k -= 1
    return None


class _Pair(NamedTuple):
    mention: Mention
    effect: EffectPhrase
    attribution: str


def _groups(text: str, subjects: list[Mention]) -> list[list[Mention]]:
    """Ingredients named one after another ("retinol and niacinamide", "fruit acids (AHAs and PHAs)")."""
    groups: list[list[Mention]] = []
    for m in subjects:
        if groups and _GLUE.fullmatch(text, groups[-1][-1].span.end, m.span.start):
            groups[-1].append(m)
        else:
            groups.append([m])
    return groups


def _continues(text: str, sentence: _Sentence, toks: list[_Token], first_tok: int, until: int) -> bool:
    """Does a sentence refer back to the one before: a pronoun before `until`, a leading connective, or
    a list bullet ("With retinol:\n- smooths wrinkles")?"""
    if _BULLET.match(text[sentence.start : sentence.end].lstrip("\r\n")):
        return True
    opening = "".join(t.key for t in toks[first_tok : first_tok + 2] if t.start < until)
    if first_tok < len(toks) and (toks[first_tok].key in _CONNECTIVES or opening in _CONNECTIVES):  # "also", "in addition"
        return True
    k = first_tok
    while k < len(toks) and toks[k].start < until:
        if toks[k].key in _PRONOUNS:
            return True
        k += 1
    return False


def _pair(
    text: str, toks: list[_Token], sentences: list[_Sentence], mentions: tuple[Mention, ...], effects: list[EffectPhrase]
) -> tuple[list[_Pair], list[EffectPhrase]]:
    """Pair each effect phrase with the ingredients it is claimed for (see the module docstring)."""
    tok_starts = [t.start for t in toks]
    pairs: list[_Pair] = []
    attributed: list[EffectPhrase] = []
    topic: list[Mention] | None = None
    paragraph = -1
    for index, sentence in enumerate(sentences):
        if sentence.paragraph != paragraph:
            topic, paragraph = None, sentence.paragraph
        groups = _groups(text, [m for m in mentions if m.sentence == index and m.role == "subject"])
        here = [e for e in effects if e.sentence == index]
        first_tok = bisect.bisect_left(tok_starts, sentence.start)
        continues = _continues(text, sentence, toks, first_tok, here[0].span.start if here else sentence.end)
        seen: set[tuple[str, str, bool]] = set()
        for eff in here:
            group, how = None, "sentence"
            before = [g for g in groups if g[-1].span.end <= eff.span.start]
            after = [g for g in groups if g[0].span.start >= eff.span.end]
            if before:
                group = before[-1]
            elif after:
                group = after[0]
            elif topic is not None and continues:
                group, how = topic, "previous-sentence"
            if group is None:
                attributed.append(eff)
                continue
            attributed.append(EffectPhrase(eff.effect, eff.span, eff.negation, eff.sentence, True))
            firsts: dict[str, Mention] = {}
            for m in group:
                firsts.setdefault(m.ingredient, m)
            for mention in firsts.values():
                key = (mention.ingredient, eff.effect, eff.negated)
                if key not in seen:
                    seen.add(key)
                    pairs.append(_Pair(mention, attributed[-1], how))
        if groups:
            topic = groups[0]
        elif not continues:
            topic = None
    return pairs, attributed


def _grade(pairs: list[_Pair], mentions: tuple[Mention, ...], kb: KnowledgeBase) -> tuple[Finding, ...]:
    """Attach the knowledge base's claims (best first) and opinions; add ingredients never paired."""
    rows: list[tuple[tuple[int, int, int], Mention, EffectPhrase | None, str | None]] = []
    for order, pair in enumerate(pairs):
        rows.append(((pair.effect.span.start, pair.mention.span.start, order), pair.mention, pair.effect, pair.attribution))
    paired = {p.mention.ingredient for p in pairs}
    first: dict[str, Mention] = {}
    for m in mentions:  # the first mention, or the first as a subject when there is one
        if m.ingredient in paired:
            continue
        if m.ingredient not in first or (first[m.ingredient].role != "subject" and m.role == "subject"):
            first[m.ingredient] = m
    rows += [((m.span.start, m.span.start, len(pairs)), m, None, None) for m in first.values()]
    rows.sort(key=lambda r: r[0])
    findings = []
    for n, (_key, mention, eff, how) in enumerate(rows, 1):
        ingredient = kb.ingredient(mention.ingredient)
        claims: tuple[Claim, ...] = ()
        if eff is not None:
            claims = tuple(sorted((c for c in ingredient.claims if c.effect == eff.effect), key=lambda c: -c.level))
        findings.append(Finding(n, mention, eff, how, claims, ingredient.opinions))
    return tuple(findings)


def _explain(kind: str, text: str) -> str:
    if kind == "clinically-proven" and _CITATION.search(text):
        return "The text cites a study: check that it tested this product, on people, for this effect."
    return phrases.FLAGS[kind]["explanation"]


def _link(kind: str, flagged: str, sentence: int, mentions: tuple[Mention, ...], kb: KnowledgeBase) -> tuple[str, Claim] | None:
    """The 0-level claim of an ingredient named in the same sentence that this pattern repeats, if any:
    same number for a numeric superlative, same key word (botox, filler, miracle...) for the others."""
    words = phrases.FLAGS[kind]["link"]
    if not words:
        return None
    numbers = _numbers(flagged) if "<number>" in words else set()
    keywords = [w for w in words if w != "<number>"]
    for ingredient_id in dict.fromkeys(m.ingredient for m in mentions if m.sentence == sentence):
        for claim in kb.ingredient(ingredient_id).claims:
            if claim.level != 0:
                continue
            statement = claim.statement.casefold()
            if (numbers and numbers & _numbers(claim.statement)) or any(w in statement for w in keywords):
                return ingredient_id, claim
    return None
