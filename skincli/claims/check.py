"""`skincli check`: read a piece of marketing text and grade its claims, one by one, against the
knowledge base. No printing here: renderers turn a CheckReport (or its `to_dict()`) into output.

The steps, each a small function so each rule can be tested on its own:

1. Words. The text is cut into words with their offsets, kept in flat arrays (a few bytes a word, so
   megabytes of text stay small). Every later step works on these offsets, so every span in the report
   indexes the ORIGINAL text: `text[start:end]` is what the report quotes.
2. Ingredients. Every name, alias and INCI name in the knowledge base (plus simple plurals and German
   "-haltig" compounds) goes into one dictionary of normalised keys, built once per knowledge base; the
   text is scanned once, leftmost-longest ("hyaluronic acid filler" before "hyaluronic acid"), whole
   words only ("Retinol-Serum" names retinol, "retinolate" does not; "Retinolcreme", a German product
   compound, does). Spaces, hyphens, case and accents follow the rules in `skincli.claims.phrases`.
   Initials in capitals after a name of several words stand for it ("Sodium Ascorbyl Phosphate ... SAP").
3. Effects. The phrases of `skincli.claims.phrases.EFFECT_PHRASES` (and German "Haut-" compounds of
   them), matched the same way. A one-word phrase in scare quotes ("triggers it to 'heal' itself") is
   not a claim.
4. Sentences, paragraphs and marketing patterns (`skincli.claims.phrases.FLAGS`); a sentence is only
   searched for the patterns whose trigger words it contains.
5. Roles. A name the text compares with ("than vitamin C", "like Botox", "the same benefits as
   Botulinum toxin", "Botox-Creme", "dieses topische Botox") is a comparison, never the subject of a
   claim. "Collagen" is the effect when something else is the subject ("vitamin C boosts collagen"),
   the ingredient when it is the product ("collagen supplements", "Drinks mit Kollagen").
6. Pairing. Within a sentence an effect phrase belongs to the nearest group of ingredients named
   before it, else the nearest group named after it (not across "while", "aber"...). A sentence that
   names an effect but no ingredient takes the ingredient the paragraph is about when it refers back
   ("it", "they", "this ingredient", "the serum", "Sie", a leading "also"/"außerdem", a list bullet);
   sentences that name nothing keep that ingredient, and a paragraph break, a sentence of background
   ("as we age...") or a sentence with effects and no reference back ends it. A sentence whose subject
   is a pronoun ("For one, it's ... packed with glycolic acid") keeps the ingredient before, and so does
   a paragraph that opens with "it". A negation before the phrase marks the pair negated; it is still
   reported.
7. Grading. Each pair carries all the knowledge base's claims for that ingredient and effect, best
   first (`best_claims`); a pair without one is "no evidence on record". An ingredient named but never
   paired is "mentioned, no claim made". A comparison pattern is graded under rule 10 of the grading
   rules: without a head-to-head trial on record it is the advertiser's word, level 1.

Every step is linear in the length of the text: sentences, words and findings are visited a bounded
number of times (no step loops over all mentions per sentence or per flag).
"""

from __future__ import annotations

import bisect
import re
import weakref
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import accumulate, compress
from typing import TYPE_CHECKING, Any, NamedTuple

from skincli.claims import phrases
from skincli.kb import evidence
from skincli.kb.model import Claim, Ingredient, Opinion
from skincli.kb.names import name_key

if TYPE_CHECKING:
    from skincli.kb.store import KnowledgeBase

__all__ = [
    "MAX_TEXT_CHARS",
    "CheckReport",
    "EffectPhrase",
    "Finding",
    "Flag",
    "Lexicon",
    "Mention",
    "Span",
    "best_claims",
    "check_text",
    "effect_lexicon",
    "ingredient_lexicon",
]

SCHEMA_VERSION = 2  # the same as views.SCHEMA_VERSION: one version for every --json output
NO_EVIDENCE = "no evidence on record"
NOT_FOR_THIS_USE = "no evidence for this use on record (only for another route or strength)"
MENTIONED = "mentioned, no claim made"
ADVERTISERS_WORD = 1  # rule 10: a comparison without a head-to-head trial on record is the advertiser's word
# The longest text `check` accepts: far beyond any advert or product page (a long page is ~100 KB),
# small enough that a mistaken file or stream fails fast with a clear message (cli: exit 2).
MAX_TEXT_CHARS = 16 * 1024 * 1024

_CH = r"(?:[^\W_]|[\u0300-\u036f])"  # a letter or digit, or a combining accent (text pasted in NFD form)
_WORD = re.compile(rf"{_CH}+(?:[\u00ad\u200b\u200c\u200d\u2060]+{_CH}+)*")  # soft hyphens and zero-width joiners stay inside
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")
_NEXT_SPACE = re.compile(r"\s")
_PERCENT_SIGNS = re.compile("[%\uff05\u2030]")
_BLOCK = 1 << 16  # characters tokenised at a time: bounds the memory of the intermediate lists
_JOIN_GAP = re.compile(r"[\s\-\u2010\u2011'\u2019/]+")  # what may stand between two words of one name
_SPACE = re.compile(r"\s")
_CLAUSE_BREAK = re.compile(r"[,;:.!?()\[\]\u2013\u2014\"\u201c\u201d\u201e\u00ab\u00bb]")
_NEW_ITEM = re.compile(r"\n\s*(?:[-\u2022*\u25aa\u2714\u2713\u2705]|\d+[.)])")  # a line opening a list item
_COMPARED_INSIDE = {i: (inner, re.compile(rf"\b{w}\b", re.IGNORECASE)) for i, (inner, w) in phrases.COMPARED_INSIDE.items()}
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})
_HAS_HYPHEN = re.compile("[\u2010\u2011]")
_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_ABBREVIATION = re.compile(r"[A-Z0-9]{2,5}")  # "HA", "AHA", "PRP": matched in capitals only
_QUOTES = "'\"\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a"
_HALTIG = ("haltig", "haltige", "haltigen", "haltiger", "haltiges", "haltigem")  # "Retinolhaltige Creme"


# ---- the report ---------------------------------------------------------------------------------
class Span:
    """A stretch of the input: `text == input[start:end]`. Immutable. `Span.of(input, start, end)`
    keeps a reference to the input instead of a copy of the stretch (a long text has many spans)."""

    __slots__ = ("_source", "_offset", "start", "end")
    _source: str
    _offset: int
    start: int
    end: int

    def __init__(self, text: str, start: int, end: int) -> None:
        for name, value in (("_source", text), ("_offset", start), ("start", start), ("end", end)):
            object.__setattr__(self, name, value)

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        span = object.__new__(cls)
        _SET_SOURCE(span, source)  # the slots' own setters: twice as fast as object.__setattr__
        _SET_OFFSET(span, 0)
        _SET_START(span, start)
        _SET_END(span, end)
        return span

    @property
    def text(self) -> str:
        return self._source[self.start - self._offset : self.end - self._offset]

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"Span is immutable: cannot set {name}")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Span):
            return NotImplemented
        return (self.start, self.end, self.text) == (other.start, other.end, other.text)

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.text))

    def __repr__(self) -> str:
        return f"Span(text={self.text!r}, start={self.start}, end={self.end})"

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


_SET_SOURCE, _SET_OFFSET, _SET_START, _SET_END = (Span.__dict__[name].__set__ for name in ("_source", "_offset", "start", "end"))


@dataclass(frozen=True, slots=True)
class Mention:
    """One place an ingredient is named. `role` is "subject", or "comparison" when the text only
    measures something against it ("than vitamin C", "like Botox"). A subject named after a pronoun
    and a copula ("Das sind Peptide") is a `predicate`: it says what the earlier subject is."""

    ingredient: str
    name: str
    span: Span
    role: str
    sentence: int
    predicate: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"ingredient": {"id": self.ingredient, "name": self.name}, **self.span.to_dict(), "role": self.role}


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class Finding:
    """An ingredient paired with an effect the text claims for it (or with none), and what the
    knowledge base has on that pair. `claims` is every claim for the pair, best first."""

    n: int
    mention: Mention
    effect: EffectPhrase | None
    attribution: str | None  # "sentence", "previous-sentence", "next-sentence" (a heading or question), or None when unpaired
    claims: tuple[Claim, ...] = ()
    opinions: tuple[Opinion, ...] = ()
    fitting: int = 0  # how many of `claims`, from the first, are evidence for the advertised use

    @property
    def level(self) -> int | None:
        """The level for the ingredient as the advert uses it (a cream: topical, cosmetic strength)."""
        return self.claims[0].level if self.fitting else None

    @property
    def elsewhere(self) -> list[Claim]:
        """The best claim of each other route, strength or form, stronger than the level shown."""
        seen: dict[tuple[str, bool, tuple[str, ...]], Claim] = {}
        for claim in self.claims[self.fitting :]:
            if claim.direction == "for":
                seen.setdefault((claim.route, claim.prescription, claim.forms), claim)
        shown = self.level if self.level is not None else -1
        return [c for c in seen.values() if c.level > shown]

    @property
    def negated(self) -> bool:
        return self.effect is not None and self.effect.negated

    @property
    def verdict(self) -> str:
        """One line for people: the grade, or why there is none."""
        if self.effect is None:
            return MENTIONED
        if self.level is None:
            return NOT_FOR_THIS_USE if self.claims else NO_EVIDENCE
        return f"{self.level} {evidence.label(self.level)}"


@dataclass(frozen=True, slots=True)
class Flag:
    """A marketing pattern, with the knowledge base's 0-level claim it repeats, when there is one.
    Comparison patterns also say what is compared with what and their level under rule 10."""

    n: int
    kind: str
    span: Span
    explanation: str
    claim: tuple[str, Claim] | None = None  # (ingredient id, claim)
    subject: str | None = None  # comparisons: the ingredient the sentence is about
    compared: str | None = None  # comparisons: the ingredient it is compared with
    level: int | None = None  # comparisons: the linked claim's level, else ADVERTISERS_WORD


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
        levels: dict[str, int] = {}
        claims = negated = no_evidence = mentioned_only = 0
        for f in self.findings:
            if f.effect is None:
                mentioned_only += 1
            elif f.negated:
                negated += 1
            else:
                claims += 1
                no_evidence += f.level is None
                key = "none" if f.level is None else str(f.level)
                levels[key] = levels.get(key, 0) + 1
        return {
            "ingredients": len({m.ingredient for m in self.mentions}),
            "mentions": len(self.mentions),
            "claims": claims,
            "negated": negated,
            "no_evidence": no_evidence,
            "mentioned_only": mentioned_only,
            "unattributed_effects": sum(1 for e in self.effects if not e.attributed),
            "flags": len(self.flags),
            "levels": dict(sorted(levels.items())),
        }

    def to_dict(self) -> dict[str, Any]:
        """The plain view: what `--json` prints and what renderers read. Claim, opinion and source
        lists are built once per claim or pair and shared between findings."""
        rows = _ViewRows(self)
        return {
            "schema_version": SCHEMA_VERSION,
            "text": self.text,
            "summary": self.summary(),
            "findings": [rows.finding(f) for f in self.findings],
            "flags": [rows.flag(g) for g in self.flags],
            "mentions": [rows.mention(m) for m in self.mentions],
            "effects": [rows.effect(e) for e in self.effects],
        }

    def view(self) -> dict[str, Any]:
        """The same view with its four lists built row by row as they are read, so a report of a long
        text (tens of thousands of findings) is drawn without holding every row in memory."""
        rows = _ViewRows(self)
        return {
            "schema_version": SCHEMA_VERSION,
            "text": self.text,
            "summary": self.summary(),
            "findings": _LazyRows(self.findings, rows.finding),
            "flags": _LazyRows(self.flags, rows.flag),
            "mentions": _LazyRows(self.mentions, rows.mention),
            "effects": _LazyRows(self.effects, rows.effect),
            "_marks": self._marks,  # for renderers: not part of the JSON view
        }

    def _marks(self) -> dict[int, list[str]]:
        """Offset -> labels to show right after it (what `skincli.render.check` puts in the text)."""
        marks: dict[int, list[str]] = {}
        for f in self.findings:
            label = str(f.n)
            for span in (f.mention.span, f.effect.span if f.effect else None):
                if span is not None:
                    here = marks.setdefault(span.end, [])
                    if label not in here:
                        here.append(label)
        for g in self.flags:
            marks.setdefault(g.span.end, []).append(f"!{g.n}")
        return marks

    def iter_json(self, extra: dict[str, Any] | None = None) -> Iterator[str]:
        """`json.dumps({**self.to_dict(), **extra}, ensure_ascii=False)` in pieces, row by row, for writing
        a long report to a pipe without building it in memory first. The same text, byte for byte."""
        import json

        def dumps(value: Any) -> str:
            return json.dumps(value, ensure_ascii=False)

        rows = _ViewRows(self)
        yield f'{{"schema_version": {dumps(SCHEMA_VERSION)}, "text": "'
        for at in range(0, len(self.text), 1 << 16):  # escaped a piece at a time: the text can be megabytes
            yield dumps(self.text[at : at + (1 << 16)])[1:-1]
        yield f'", "summary": {dumps(self.summary())}'
        for name, items, build in (
            ("findings", self.findings, rows.finding),
            ("flags", self.flags, rows.flag),
            ("mentions", self.mentions, rows.mention),
            ("effects", self.effects, rows.effect),
        ):
            yield f', "{name}": ['
            for n, item in enumerate(items):
                yield (", " if n else "") + dumps(build(item))
            yield "]"
        for key, value in (extra or {}).items():
            yield f", {dumps(key)}: {dumps(value)}"
        yield "}"


class _LazyRows(Sequence[dict[str, Any]]):
    """A read-only list whose rows are built when read (and dropped after)."""

    def __init__(self, items: Sequence[Any], build: Callable[[Any], dict[str, Any]]) -> None:
        self._items, self._build = items, build

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self._build(item) for item in self._items[index]]
        return self._build(self._items[index])

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return map(self._build, self._items)


class _ViewRows:
    """Turns report objects into view rows, sharing what repeats: one dict per claim, per ingredient's
    opinions, per pair's sources, per ingredient reference."""

    def __init__(self, report: CheckReport) -> None:
        self.kb = kb = report.kb
        self.names = {e.id: e.name for e in kb.effects()}
        self._claims: dict[int, dict[str, Any]] = {}
        self._opinions: dict[str, list[dict[str, Any]]] = {}
        self._sources: dict[tuple[str, str | None], list[dict[str, Any]]] = {}
        self._refs: dict[str, dict[str, str]] = {}

    def ref(self, ingredient_id: str, name: str | None = None) -> dict[str, str]:
        found = self._refs.get(ingredient_id)
        if found is None:
            found = self._refs[ingredient_id] = {"id": ingredient_id, "name": name or self.kb.name_of(ingredient_id)}
        return found

    def claim(self, c: Claim) -> dict[str, Any]:
        from skincli.views import claim_view

        found = self._claims.get(id(c))
        if found is None:
            found = self._claims[id(c)] = claim_view(c, self.kb)
        return found

    def sources(self, f: Finding) -> list[dict[str, Any]]:
        key = (f.mention.ingredient, f.effect.effect if f.effect else None)
        found = self._sources.get(key)
        if found is None:
            kb = self.kb
            cited = [s for c in f.claims for s in (*c.sources, c.claimed_by) if not kb.is_expert(s)]
            cited += [o.source for o in f.opinions]
            found = self._sources[key] = []
            for source_id in dict.fromkeys(cited):
                source = kb.source(source_id)
                found.append({"id": source_id, "citation": source.short() if source else source_id})
        return found

    def finding(self, f: Finding) -> dict[str, Any]:
        from skincli.views import opinion_view

        eff = f.effect
        opinions = self._opinions.get(f.mention.ingredient)
        if opinions is None:
            opinions = self._opinions[f.mention.ingredient] = [opinion_view(o, self.kb) for o in f.opinions]
        return {
            "n": f.n,
            "ingredient": self.ref(f.mention.ingredient, f.mention.name),
            "mention": f.mention.span.to_dict(),
            "mention_role": f.mention.role,
            "effect": eff.effect if eff else None,
            "effect_name": self.names.get(eff.effect, eff.effect) if eff else None,
            "effect_phrase": eff.span.to_dict() if eff else None,
            "negated": f.negated,
            "negation": eff.negation.to_dict() if eff and eff.negation else None,
            "attribution": f.attribution,
            "level": f.level,
            "label": evidence.label(f.level),
            "route": f.claims[0].route if f.fitting else None,
            "elsewhere": [
                {
                    "level": c.level,
                    "label": c.label,
                    "route": c.route,
                    "prescription": c.prescription,
                    "strength": c.strength,
                    "form": " / ".join(str(self.kb.ingredient(f.mention.ingredient).form_name(x)) for x in c.forms) or None,
                }
                for c in f.elsewhere
            ],
            "verdict": f.verdict,
            "claims": [self.claim(c) for c in f.claims],
            "opinions": opinions,
            "sources": self.sources(f),
        }

    def flag(self, g: Flag) -> dict[str, Any]:
        linked = None
        if g.claim:
            ingredient_id, c = g.claim
            linked = {"ingredient": self.ref(ingredient_id), **self.claim(c)}
        compares = None
        if phrases.FLAGS[g.kind]["compares"]:
            compares = {
                "subject": self.ref(g.subject) if g.subject else None,
                "with": self.ref(g.compared) if g.compared else None,
            }
        return {
            "n": g.n,
            "kind": g.kind,
            "kind_label": phrases.FLAGS[g.kind]["label"],
            **g.span.to_dict(),
            "explanation": g.explanation,
            "claim": linked,
            "compares": compares,
            "level": g.level,
            "label": evidence.label(g.level) if compares is not None else None,
        }

    def mention(self, m: Mention) -> dict[str, Any]:
        return {"ingredient": self.ref(m.ingredient, m.name), **m.span.to_dict(), "role": m.role}

    def effect(self, e: EffectPhrase) -> dict[str, Any]:
        return {
            "effect": e.effect,
            "effect_name": self.names.get(e.effect, e.effect),
            **e.span.to_dict(),
            "negated": e.negated,
            "attributed": e.attributed,
        }


def best_claims(ingredient: Ingredient, effect_id: str, form: str | None = None) -> tuple[tuple[Claim, ...], int]:
    """Every claim the knowledge base has for one ingredient and effect, and how many at the head are
    evidence for the ingredient as an advert uses it.

    The single place that decides which claim heads a finding: an advert sells a product put on the
    skin (or, for an injectable or a procedure, that use), so the level is the best claim for that use
    at cosmetic strength (kb/levels.py); oral, injected or prescription evidence follows, labelled,
    never in its place. A claim that denies the effect never heads it. Named by one of its forms'
    names ("ascorbyl palmitate"), an ingredient earns only that form's evidence (`form`).
    """
    from skincli.kb.levels import fits, use_of

    use = use_of(ingredient, "topical" if "topical" in ingredient.use else None, form=form)
    claims = [c for c in ingredient.claims if c.effect == effect_id]
    fitting = sorted((c for c in claims if c.direction == "for" and fits(c, use)), key=lambda c: -c.level)
    rest = sorted((c for c in claims if c not in fitting), key=lambda c: (c.direction != "for", -c.level))
    return (*fitting, *rest), len(fitting)


# ---- words ------------------------------------------------------------------------------------------
class _Tokens:
    """The words of a text as flat arrays: offsets, normalised keys (shared strings), and how each word is
    joined to the one before. About 30 bytes a word, against ~200 for a tuple per word."""

    __slots__ = ("text", "starts", "ends", "keys", "joins", "hard")

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts, self.ends, self.keys = array("i"), array("i"), []
        self.joins, self.hard = bytearray(), bytearray()
        known: dict[str, str] = {}  # word -> key, worked out once per distinct word; keys are shared strings
        carry: tuple[bool, bool] | None = None  # (joins, hard) of the gap the previous block ended with
        offset, n = 0, len(text)
        while offset < n:  # blocks of about a megabyte, cut at a space so no word is split
            end = n
            if offset + _BLOCK < n:
                cut = _NEXT_SPACE.search(text, offset + _BLOCK)
                end = cut.start() if cut else n
            carry = self._block(text, offset, end, known, carry)
            offset = end

    def _block(
        self, text: str, offset: int, end: int, known: dict[str, str], carry: tuple[bool, bool] | None
    ) -> tuple[bool, bool] | None:
        """Add the words of text[offset:end]. The per-word work runs in C (split, map, accumulate); Python
        only sees each distinct word and each distinct gap once."""
        parts = _WORD_SPLIT.split(text[offset:end])  # [gap, word, gap, word, ..., gap]
        words, gaps = parts[1::2], parts[0::2]
        if not words:
            return _gap(gaps[0], carry) if self.keys else None
        had_words = bool(self.keys)
        for word in set(words).difference(known):
            known[word] = name_key(word)
        self.keys.extend(map(known.__getitem__, words))
        cum = list(accumulate(map(len, parts), initial=offset))
        self.starts.extend(cum[1 : 2 * len(words) : 2])
        self.ends.extend(cum[2 : 2 * len(words) + 1 : 2])
        first = _gap(gaps[0], carry) if had_words else (False, False)  # the first word of all joins nothing
        self.joins.append(first[0])
        self.hard.append(first[1])
        inner = gaps[1 : len(words)]
        join_of: dict[str, bool] = {}
        hard_of: dict[str, bool] = {}
        for g in set(inner):
            join_of[g], hard_of[g] = _gap(g, None)
        self.joins.extend(map(join_of.__getitem__, inner))
        self.hard.extend(map(hard_of.__getitem__, inner))
        return _gap(gaps[-1], None)

    def __len__(self) -> int:
        return len(self.keys)

    def raw(self, i: int) -> str:
        """The letters and digits of word i as written (for abbreviations matched in capitals only)."""
        word = self.text[self.starts[i] : self.ends[i]]
        return word if word.isalnum() else "".join(c for c in word if c.isalnum())

    def at(self, offset: int) -> int:
        """Index of the first word starting at or after `offset`."""
        return bisect.bisect_left(self.starts, offset)


def _gap(gap: str, before: tuple[bool, bool] | None) -> tuple[bool, bool]:
    """(may the words on either side be one name, is there a space) for what stands between two words;
    `before` is the part of the gap that ended the previous block."""
    joins = _JOIN_GAP.fullmatch(gap) is not None or gap == ""
    hard = _SPACE.search(gap) is not None
    if before is not None:
        return joins and before[0], hard or before[1]
    return joins, hard


def _tokens(text: str) -> _Tokens:
    return _Tokens(text)


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
        self.suffixes: tuple[str, ...] = ()  # compound endings a one-word name may carry ("-haltige")
        self.no_compounds: frozenset[str] = frozenset()  # payloads never read inside a compound ("Botoxcreme")
        self.numbered: frozenset[str] = frozenset()  # names also written with a number after them ("SPF30")
        # phrases with "non" put in front ("noncomedogenic"), whole and as beginnings of words: see `_fused_non`
        self.fused_exact: set[str] = set()
        self.fused_prefixes: set[str] = set()
        self._stems: set[str] = set()  # every beginning of every key: a scan stops when its letters leave them
        self._first_words: set[str] = set()  # the first word of every name or phrase
        # word -> can a match start with it: 0 no, 1 yes, 2 only when a hyphen joins the next word ("Co-Enzym")
        self._can_start: dict[str, int] = {}
        self._single: dict[str, tuple[tuple[int, int, int] | None, str | None, bool]] = {}  # see `_one_word`

    def __len__(self) -> int:
        return sum(len(v) for v in self._exact.values()) + sum(len(v) for v in self._prefix.values())

    @staticmethod
    def spellings(phrase: str) -> list[tuple[list[str], list[bool], str]]:
        """(word keys, hard joins, letters as written) of a phrase and of its German transliteration."""
        if phrase.isalnum() and phrase.isascii():  # the common case, fast: one plain word
            return [([name_key(phrase)], [], phrase)]
        out = []
        for variant in dict.fromkeys((phrase, phrase.translate(_GERMAN))):
            toks = _Tokens(variant)
            if len(toks) and all(toks.keys):
                raw = "".join(toks.raw(i) for i in range(len(toks)))
                out.append((list(toks.keys), [bool(h) for h in toks.hard[1:]], raw))
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
        self._stems.update(compact[:n] for n in range(1, len(compact) + 1))
        self._first_words.add(keys[0])
        self._can_start.clear()
        self._single.clear()
        if prefix and len(compact) not in self._prefix_lengths:
            self._prefix_lengths.append(len(compact))
            self._prefix_lengths.sort()
        if len(keys) + 2 > self.max_tokens:  # +2: a text may split a word at hyphens
            self.max_tokens = len(keys) + 2
        if len(compact) >= self._max_len:
            self._max_len = len(compact) + 1
        return entry

    def has(self, compact: str, *, prefix: bool = False) -> bool:
        return compact in (self._prefix if prefix else self._exact)

    def payloads(self, compact: str, *, prefix: bool = False) -> list[str]:
        return [e.payload for e in (self._prefix if prefix else self._exact).get(compact, ())]

    def find(self, toks: _Tokens) -> list[_Hit]:
        """Leftmost-longest matches: at each word the match covering most words wins, then the longest key."""
        hits: list[_Hit] = []
        keys, joins, hard = toks.keys, toks.joins, toks.hard
        exact, prefixes, lengths, stems = self._exact, self._prefix, self._prefix_lengths, self._stems
        can_start = self._can_start
        if len(can_start) > 500_000:
            can_start.clear()
            self._single.clear()
        for key in set(keys).difference(can_start):  # each distinct word once
            if not key:
                can_start[key] = 0
            elif (
                key in self._first_words
                or key in exact
                or any(key[:n] in prefixes for n in lengths if n <= len(key))
                or (bool(self.suffixes) and key.endswith(self.suffixes))
                or (key[-1].isdigit() and key.rstrip("0123456789") in self.numbered)
            ):
                can_start[key] = 1
            else:  # the first part of a name the text splits at a hyphen ("Hyaluron-Säure", "Co-Enzym Q10")
                can_start[key] = 2 if key in stems else 0
        count = len(keys)
        next_free = 0
        single = self._single
        for i in compress(range(count), map(can_start.__getitem__, keys)):  # only words a match can start with
            if i < next_free:
                continue
            first_key = keys[i]
            if can_start[first_key] == 2 and not (i + 1 < count and joins[i + 1] and not hard[i + 1]):
                continue
            # the best match of this one word, worked out once per distinct word (abbreviations, matched in
            # capitals only, are checked against the text each time)
            known = single.get(first_key)
            if known is None:
                known = single[first_key] = self._one_word(first_key)
            best, payload, cased = known
            best_hit = _Hit(i, i, payload) if payload is not None else None
            if cased:
                raw = toks.raw(i)
                for entry in exact.get(first_key, ()):
                    score = (0, len(first_key), -entry.rank)
                    if entry.case is not None and (best is None or score > best) and _case_ok(entry, raw):
                        best, best_hit = score, _Hit(i, i, entry.payload)
            if first_key in stems and len(first_key) < self._max_len and i + 1 < count and joins[i + 1]:
                best, best_hit = self._longer(toks, i, best, best_hit)
            if best_hit is None and self.suffixes and first_key:
                best_hit = self._compound(i, first_key)
            if best_hit is None and first_key[-1:].isdigit() and self.numbered:
                best_hit = self._numbered(i, first_key, toks.raw(i))
            if best_hit is not None:
                hits.append(best_hit)
                next_free = best_hit.last + 1
        return hits

    def _one_word(self, key: str) -> tuple[tuple[int, int, int] | None, str | None, bool]:
        """(score, payload) of the best match of `key` alone (names and phrases of one word, or whose only
        breaks are hyphens: "antiaging" is "anti-aging"), and whether a capitals-only entry needs a look."""
        best: tuple[int, int, int] | None = None
        payload: str | None = None
        cased = False
        for entry in self._exact.get(key, ()):
            if entry.hard:
                continue
            if entry.case is not None:
                cased = True
                continue
            score = (0, len(key), -entry.rank)
            if best is None or score > best:
                best, payload = score, entry.payload
        for length in self._prefix_lengths:
            if length > len(key):
                break
            for entry in self._prefix.get(key[:length], ()):
                score = (0, length, -entry.rank)
                if not entry.hard and (best is None or score > best):
                    best, payload = score, entry.payload
        return best, payload, cased

    def _longer(
        self, toks: _Tokens, i: int, best: tuple[int, int, int] | None, best_hit: _Hit | None
    ) -> tuple[tuple[int, int, int] | None, _Hit | None]:
        """Matches of two words or more starting at word i (the one-word match is `best`)."""
        keys, joins, hard = toks.keys, toks.joins, toks.hard
        exact, prefixes, lengths, stems = self._exact, self._prefix, self._prefix_lengths, self._stems
        compact = keys[i]
        cuts: list[tuple[int, bool]] = []
        for j in range(i + 1, min(len(keys), i + self.max_tokens)):
            key = keys[j]
            if not key or not joins[j]:
                break
            before = len(compact)
            cuts.append((before, bool(hard[j])))
            compact += key
            for entry in exact.get(compact, ()):
                score = (j - i, len(compact), -entry.rank)
                if (best is None or score > best) and _fits(entry, cuts, len(compact)):
                    if entry.case is not None and not _case_ok(entry, "".join(toks.raw(k) for k in range(i, j + 1))):
                        continue
                    best, best_hit = score, _Hit(i, j, entry.payload)
            for length in lengths:
                if length <= before:
                    continue
                if length > len(compact):
                    break
                for entry in prefixes.get(compact[:length], ()):
                    score = (j - i, length, -entry.rank)
                    if (best is None or score > best) and _fits(entry, cuts, length):
                        best, best_hit = score, _Hit(i, j, entry.payload)
            if len(compact) >= self._max_len or compact not in stems:
                break
        return best, best_hit

    def _numbered(self, i: int, key: str, raw: str) -> _Hit | None:
        """A name written with its number: "SPF30", "LSF50" are the sunscreen "SPF" and "LSF" name."""
        stem = key.rstrip("0123456789")
        if stem not in self.numbered:
            return None
        for entry in self._exact.get(stem, ()):
            if entry.case is None or _case_ok(entry, raw[: len(stem)]):
                return _Hit(i, i, entry.payload)
        return None

    def _compound(self, i: int, key: str) -> _Hit | None:
        """A one-word name with a compound ending: "hyaluronsäurehaltige", "Retinolcreme" and "Kollagenpulver"
        name hyaluronic acid, retinol and collagen."""
        for suffix in self.suffixes:
            if key.endswith(suffix) and len(key) > len(suffix) + 3:
                stem = key[: -len(suffix)]
                # German may join the two with an "n" or "s": "Kamillenblüten", "Exosomentherapie"
                for joined in dict.fromkeys((stem, stem.removesuffix("n"), stem.removesuffix("s"))):
                    for entry in self._exact.get(joined, ()):
                        if entry.case is None and not entry.hard and not entry.soft and entry.payload not in self.no_compounds:
                            return _Hit(i, i, entry.payload)
        return None


def _fits(entry: _Entry, cuts: list[tuple[int, bool]], length: int) -> bool:
    """A space on either side needs a space or hyphen on the other: "fine-lines" is "fine lines",
    "Hyaluron-Säure" is "Hyaluronsäure", but "niacin amide" is not "niacinamide"."""
    seen = set()
    for pos, is_hard in cuts:
        if pos >= length:
            break
        seen.add(pos)
        if is_hard and pos not in entry.hard and pos not in entry.soft:
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


_ADJECTIVE = re.compile(r"([^\W\d_]{3,}?)(?:e|er|es|en|em) ")
_ENDINGS = ("e", "er", "es", "en", "em")


def _declined(name: str) -> list[str]:
    """A German name that opens with an adjective, in its other cases: "Grüner Tee" is also "Extrakte aus
    grünem Tee" and "des grünen Tees"; "ätherische Öle" also "mit ätherischen Ölen" (the noun's own forms
    come from `_plurals`). German nouns are capitalised, which keeps English names ("German chamomile") out.
    """
    m = _ADJECTIVE.match(name)
    if m is None or not name[m.end() : m.end() + 1].isupper():
        return []
    stem, rest = m.group(1), name[m.end() - 1 :]
    return [stem + ending + rest for ending in _ENDINGS if stem + ending + rest != name]


_lexicons: weakref.WeakKeyDictionary[KnowledgeBase, Lexicon] = weakref.WeakKeyDictionary()


def ingredient_lexicon(kb: KnowledgeBase) -> Lexicon:
    """Every ingredient name, alias and INCI name, then plurals where they collide with nothing; entries
    with no claims at all (water, thickeners) are left out: an advert's claim is never theirs.

    Built once per loaded knowledge base. Short names in capitals ("HA", "PHA", "PRP") match only in
    capitals, so "ha" or "has" in prose never reads as hyaluronic acid. Ids are not matched: they are
    shorthands for the data ("alpha" for "Alphaol"), and a real name they spell is listed as a name.
    """
    cached = _lexicons.get(kb)
    if cached is not None:
        return cached
    lex = Lexicon()
    lex.suffixes = (*_HALTIG, *phrases.COMPOUND_PRODUCTS)
    # "Botoxcreme" is a cream compared with an injection (a flag), not the injection
    lex.no_compounds = frozenset(i.id for i in kb.ingredients() if i.kind in phrases.INJECTABLE_KINDS)
    lex.numbered = frozenset(name_key(n) for n in phrases.NUMBERED_NAMES)
    later: list[tuple[list[str], list[bool], str]] = []
    for ingredient in kb.ingredients():
        if not ingredient.claims and ingredient.id not in phrases.NAMED_WITHOUT_CLAIMS:
            continue  # water, a gum, a chelator: nothing to grade, and "in water" is no subject
        dropped = phrases.PROSE_NOT_NAMES.get(ingredient.id, ())
        spelled: set[tuple[str, tuple[bool, ...]]] = set()
        names = (ingredient.name, *ingredient.aliases, *ingredient.inci, *phrases.PROSE_NAMES.get(ingredient.id, ()))
        names = (*names, *(form for n in names for form in _declined(n)))
        for name in (n for n in names if n not in dropped):
            for keys, hard, raw in Lexicon.spellings(name):
                compact = "".join(keys)
                abbreviation = _ABBREVIATION.fullmatch(raw.removesuffix("s")) is not None
                if abbreviation or len(compact) < 3:
                    base = raw.removesuffix("s") if abbreviation else raw
                    for key in dict.fromkeys((name_key(base), name_key(base) + "s")):
                        if ingredient.id not in lex.payloads(key):
                            lex.add([key], [], ingredient.id, case=base)
                    continue
                if (compact, tuple(hard)) not in spelled:  # "Sheabutter" is not "Shea butter" (a space must be there)
                    spelled.add((compact, tuple(hard)))
                    lex.add(keys, hard, ingredient.id)
                later += [([*keys[:-1], form], hard, ingredient.id) for form in _plurals(keys[-1])]
    for ingredient_id, stems in phrases.PREFIX_NAMES.items():
        for stem in stems:
            lex.add([name_key(stem)], [], ingredient_id, prefix=True, rank=1)
    for keys, hard, ingredient_id in later:  # plurals only where no other ingredient's listed name already is
        compact = "".join(keys)  # "Skinboosters" is the plural of "Skinbooster" though "skin boosters" is listed
        if not lex.has(compact) or set(lex.payloads(compact)) <= {ingredient_id}:
            lex.add(keys, hard, ingredient_id, rank=1)
    for phrase in phrases.NOT_NAMES:  # matched, so they hide the name inside them, then dropped
        for keys, hard, _raw in Lexicon.spellings(phrase):
            lex.add(keys, hard, "")
    _lexicons[kb] = lex
    return lex


@lru_cache(maxsize=1)
def effect_lexicon() -> Lexicon:
    """The effect vocabulary of `skincli.claims.phrases`; a phrase listed under two effects is an error.

    German builds compounds with "Haut" ("Hautregeneration", "Hautfeuchtigkeit"): every one-word phrase
    also matches with "Haut" in front, unless that spelling is listed itself. Words in
    `phrases.NOT_EFFECTS` ("moisturizers") match with an empty payload, so they hide the effect phrase
    they start with and are then dropped.
    """
    lex = Lexicon()
    one_word: list[tuple[str, str, bool]] = []
    for effect_id, by_lang in phrases.EFFECT_PHRASES.items():
        for phrase in (p for ps in by_lang.values() for p in ps):
            prefix = phrase.endswith("*")
            for keys, hard, _raw in Lexicon.spellings(phrase.rstrip("*")):
                compact = "".join(keys)
                taken = set(lex.payloads(compact, prefix=prefix)) - {effect_id}
                if taken:
                    raise ValueError(f"effect phrase {phrase!r} of {effect_id} is also listed under {sorted(taken)}")
                lex.add(keys, hard, effect_id, prefix=prefix)
                if len(keys) == 1 and not compact.startswith("haut"):
                    one_word.append((compact, effect_id, prefix))
    for compact, effect_id, prefix in one_word:
        key = "haut" + compact
        if not lex.has(key) and not lex.has(key, prefix=True):
            lex.add([key], [], effect_id, prefix=prefix)
        # "nonirritating", "noncomedogenic": the phrase, denied by the "non" written into it (`_fused_non`)
        key = _NON + compact
        if compact.isascii() and not compact.startswith(_NON) and not lex.has(key) and not lex.has(key, prefix=True):
            lex.add([key], [], effect_id, prefix=prefix)
            (lex.fused_prefixes if prefix else lex.fused_exact).add(key)
    for phrase in phrases.NOT_EFFECTS:
        prefix = phrase.endswith("*")
        for keys, hard, _raw in Lexicon.spellings(phrase.rstrip("*")):
            lex.add(keys, hard, "", prefix=prefix)
    return lex


_NON = "non"


def _fused_non(text: str, toks: _Tokens, hit: _Hit) -> tuple[Span, Span] | None:
    """(phrase, negation) of an effect phrase matched with "non" in front of it, written into the word
    ("noncomedogenic") or hyphenated ("non-comedogenic"): the phrase is denied by the "non", as any phrase
    after "non" is; None for any other match (and for listed phrases such as "non-invasive")."""
    keys, starts, ends = toks.keys, toks.starts, toks.ends
    compact = "".join(keys[hit.first : hit.last + 1])
    lex = effect_lexicon()
    if not compact.startswith(_NON) or not (compact in lex.fused_exact or any(compact.startswith(p) for p in lex.fused_prefixes)):
        return None
    if hit.first < hit.last and keys[hit.first] == _NON:
        return _span(text, starts[hit.first + 1], ends[hit.last]), _span(text, starts[hit.first], ends[hit.first])
    start = starts[hit.first]
    return _span(text, start + len(_NON), ends[hit.last]), _span(text, start, start + len(_NON))


# ---- sentences ------------------------------------------------------------------------------------------
class _Sentence(NamedTuple):
    start: int
    end: int
    paragraph: int


_SENTENCE_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019\u00bb\u00ab)\]]*(?=\s|$)|\n[ \t]*(?:\n[ \t]*)+|\n")
_BULLET = re.compile(r"[ \t]*(?:[-*\u2022\u00b7\u25aa\u2013]|\d{1,2}[.)])\s")


class _Sentences(Sequence[_Sentence]):
    """Sentences as three flat arrays (a long text has a hundred thousand), read as `_Sentence` tuples."""

    def __init__(self) -> None:
        self.starts, self.ends, self.paragraphs = array("i"), array("i"), array("i")

    def append(self, sentence: _Sentence) -> None:
        self.starts.append(sentence.start)
        self.ends.append(sentence.end)
        self.paragraphs.append(sentence.paragraph)

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return _Sentence(self.starts[index], self.ends[index], self.paragraphs[index])

    def __iter__(self) -> Iterator[_Sentence]:
        return map(_Sentence, self.starts, self.ends, self.paragraphs)


def _sentences(text: str) -> _Sentences:
    """Sentences with their paragraph numbers.

    A full stop after an abbreviation ("Dr.", "z. B.", "e.V.") ends nothing. A blank line ends a
    paragraph. A single line break ends a sentence after a short line (a heading, a list item) or
    before a list bullet; after a longer line it is taken for hard-wrapped prose and ends nothing.
    """
    out = _Sentences()
    start, paragraph = 0, 0
    for m in _SENTENCE_END.finditer(text):
        mark = m.group()
        new_paragraph = False
        if mark.startswith("\n"):
            line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()].strip()  # back to the previous line break only
            new_paragraph = mark.count("\n") > 1
            if not new_paragraph and len(line) >= phrases.SHORT_LINE and not _BULLET.match(text, m.end()):
                continue
        elif mark.rstrip("\"'\u201d\u2019\u00bb\u00ab)]") == "." and _is_abbreviation(text, m.start()):
            continue
        if _has_word(text, start, m.end()):
            out.append(_Sentence(start, m.end(), paragraph))
        start = m.end()
        if new_paragraph:
            paragraph += 1
    if _has_word(text, start, len(text)):
        out.append(_Sentence(start, len(text), paragraph))
    if not out:
        out.append(_Sentence(0, len(text), 0))
    return out


_NOT_SPACE = re.compile(r"\S")


def _has_word(text: str, start: int, end: int) -> bool:
    return _NOT_SPACE.search(text, start, end) is not None


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the full stop at `dot` part of an abbreviation: "Dr.", "z. B.", "e.V." (the word right before it,
    found by walking back at most 40 characters)."""
    start = dot
    while start > 0 and dot - start < 40 and (text[start - 1].isalnum() or "\u0300" <= text[start - 1] <= "\u036f"):
        start -= 1
    if start == dot:
        return False
    word = text[start:dot]
    if name_key(word) in _ABBREVIATIONS:
        return True
    if len(word) == 1:  # "z. B.", "e.V.", but not "vitamin C."
        before = text[max(0, dot - 41) : dot - 1].rstrip(" ")
        return word.islower() or before.endswith(".")
    return False


# ---- word sets, normalised once ---------------------------------------------------------------------------------
def _keys(words: frozenset[str] | tuple[str, ...]) -> frozenset[str]:
    out: set[str] = set()
    for w in words:
        out.update({name_key(w), name_key(w.translate(_GERMAN))})
    out.discard("")
    return frozenset(out)


def _word_set(words: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """Exact keys and prefixes (a trailing *) of a word list, normalised."""
    exact = _keys(tuple(w for w in words if not w.endswith("*") and " " not in w))
    starts = tuple(sorted(_keys(tuple(w.rstrip("*") for w in words if w.endswith("*")))))
    return exact, starts


def _in_set(key: str, words: tuple[frozenset[str], tuple[str, ...]]) -> bool:
    return key in words[0] or key.startswith(words[1])


_ABBREVIATIONS = _keys(phrases.ABBREVIATIONS)
_NEGATIONS = _keys(phrases.NEGATION_WORDS)
_NEGATION_PAIRS = frozenset((name_key(a), name_key(b)) for a, b in phrases.NEGATION_PAIRS)
_NOT_NEGATION_AFTER = _keys(phrases.NEGATION_EXCEPTIONS_AFTER)
_NOT_NEGATION_FOLLOWING = _keys(phrases.NEGATION_EXCEPTIONS_FOLLOWING)
_NEGATIONS_AFTER = _keys(phrases.NEGATION_WORDS_AFTER)
_PRONOUNS = _keys(phrases.CONTINUATION_PRONOUNS)
_SINGULAR = _keys(phrases.SINGULAR_PRONOUNS)
_POSSESSIVES = _keys(phrases.POSSESSIVES) | {"es"}  # refer back only when they open a clause
_ARTICLES = _keys(phrases.CONTINUATION_ARTICLES)
_INGREDIENT_NOUNS = _keys(phrases.INGREDIENT_NOUNS)
_PRODUCT_NOUNS = _keys(phrases.PRODUCT_NOUNS)
_PREDICATE_PRONOUNS = _keys(phrases.PREDICATE_PRONOUNS)
_CONNECTIVES = _keys(phrases.CONTINUATION_CONNECTIVES)
_CONTRAST = _keys(phrases.CONTRAST_WORDS)
_COPULAS = _keys(phrases.COPULAS)
_TOPICAL = _keys(phrases.TOPICAL_WORDS)
_CREAM_NOUNS = _word_set(phrases.CREAM_NOUNS)
_PRODUCT_AFTER = _word_set(tuple(w for w in phrases.PRODUCT_AFTER if " " not in w))
_PRODUCT_AFTER_PHRASES = tuple(name_key(w) for w in phrases.PRODUCT_AFTER if " " in w)
_PRODUCT_BEFORE = tuple(name_key(w) for w in phrases.PRODUCT_BEFORE)
_LIKE_VERB_BEFORE = _keys(phrases.LIKE_VERB_BEFORE)
_LIKE_VERBS_IN_S = _keys(phrases.LIKE_VERBS_IN_S)
_LIKE_EXAMPLES = _keys(phrases.LIKE_EXAMPLES_BEFORE)
_SAME = _keys(phrases.SAME_WORDS)
_AS_WELL_VERBS = _keys(phrases.AS_WELL_VERBS)
_COMPARATIVES = _keys(phrases.GERMAN_COMPARATIVES)
_NOT_COMPARATIVES = _keys(phrases.NOT_COMPARATIVES)
_COMPARISON_AFTER = _word_set(phrases.COMPARISON_AFTER)
_COMPARISON_CUES = tuple(sorted({tuple(name_key(w) for w in c.split()) for c in phrases.COMPARISON_CUES}, key=len, reverse=True))
_FORM_WORDS = _keys(phrases.FORM_WORDS)
_FIRST_WORDS = frozenset(c[0] for c in _COMPARISON_CUES) | {"like", "as", "wie", "als"} | _FORM_WORDS


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))


_STRENGTH = r"\d+(?:[.,]\d+)?\s?(?:%|per\s?cent\b|percent\b|Prozent\b)"
_GLUE_KEYS = _keys(tuple(w for w in phrases.GLUE_WORDS if " " not in w))
_GLUE = re.compile(
    # a short aside after an item is part of the list: "kojic acid (derived from saké), alpha arbutin and ...";
    # so is an item's strength: "15 per cent L-ascorbic acid, 1 per cent vitamin E and 0.5% ferulic acid"
    # and a number a name carries: "Hexapeptide-11, and Bisabolol", "Matrixyl 3000 and retinol"
    rf"(?:\s|[,/&+()\[\]\-\u2013{re.escape(_QUOTES)}®™]|\([^()\n]{{1,60}}\)|{_STRENGTH}|\d{{1,4}}\b|(?:{_alternation(phrases.GLUE_WORDS)})\b\.?)*",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d+(?:[.,'\u2009\u202f ]\d{3})*(?:[.,]\d+)?")
_CITATION = re.compile(r"\bdoi\b|\b10\.\d{4,}/|\bPMID\b|\bet al\.|\bPMC\d", re.IGNORECASE)
_BACKGROUND = re.compile("|".join(f"(?:{p})" for p in phrases.BACKGROUND), re.IGNORECASE)
_DEFINED = tuple(
    {tuple(name_key(w) for w in d.split()) for d in phrases.DEFINED_WORDS}
    | {tuple(name_key(w) for w in d.translate(_GERMAN).split()) for d in phrases.DEFINED_WORDS}
)
_CONTROL = re.compile(_alternation(phrases.CONTROL_WORDS), re.IGNORECASE)


# ---- marketing patterns ----------------------------------------------------------------------------------
class _FlagKind(NamedTuple):
    kind: str  # its patterns are compiled one by one, when first needed (`_compiled`)


class _Triggers(NamedTuple):
    exact: dict[str, list[int]]
    prefixes: list[tuple[str, int]]
    suffixes: list[tuple[str, int]]
    number_x: list[int]  # kinds a number glued to an x triggers ("6000x")
    percent: list[int]  # kinds a % sign triggers


@lru_cache(maxsize=1)
def _flag_table() -> tuple[list[_FlagKind], _Triggers]:
    """The flag kinds and their trigger words. Built once per process."""
    kinds = [_FlagKind(kind) for kind in phrases.FLAGS]
    triggers = _Triggers({}, [], [], [], [])
    for n, (kind, spec) in enumerate(phrases.FLAGS.items()):
        near = tuple(word for rule in phrases.FLAG_NEAR.get(kind, ()) for word in rule["trigger"])
        for trigger in (*spec["triggers"], *near):  # a near rule's trigger words trigger its kind too
            if trigger == "<number>x":
                triggers.number_x.append(n)
            elif trigger == "<percent>":
                triggers.percent.append(n)
                for word in ("percent", "prozent"):
                    triggers.exact.setdefault(word, []).append(n)
            else:
                for key in _keys((trigger.strip("*"),)):
                    if trigger.endswith("*"):
                        triggers.prefixes.append((key, n))
                    elif trigger.startswith("*"):
                        triggers.suffixes.append((key, n))
                    else:
                        triggers.exact.setdefault(key, []).append(n)
    return kinds, triggers


class _Words(NamedTuple):
    """A word list of phrases.FLAG_NEAR, keyed: (keys, how the last key matches) per entry, by first key;
    single words with a * apart, as beginnings and endings."""

    by_first: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]

    @classmethod
    def of(cls, words: tuple[str, ...]) -> _Words:
        entries: list[tuple[tuple[str, ...], str]] = []
        for word in words:
            mode = "prefix" if word.endswith("*") else "suffix" if word.startswith("*") else "exact"
            for variant in dict.fromkeys((word, word.translate(_GERMAN))):
                keys = tuple(k for k in (name_key(w) for w in re.split(r"[\s-]+", variant.strip("*"))) if k)
                if keys:
                    entries.append((keys, mode))
        by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for keys, mode in entries:
            if mode == "exact" or len(keys) > 1:
                by_first.setdefault(keys[0], []).append((keys, mode))
        return cls(
            {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in by_first.items()},
            tuple(k[0] for k, m in entries if m == "prefix" and len(k) == 1),
            tuple(k[0] for k, m in entries if m == "suffix" and len(k) == 1),
        )

    def at(self, keys: list[str], j: int, end: int) -> int:
        """How many words from j on are one of these (the longest), 0 when none is."""
        key = keys[j]
        for words, mode in self.by_first.get(key, ()):
            n = len(words)
            if j + n > end:
                continue
            last, want = keys[j + n - 1], words[-1]
            if tuple(keys[j : j + n - 1]) == words[:-1] and (
                last == want or (mode == "prefix" and last.startswith(want)) or (mode == "suffix" and last.endswith(want))
            ):
                return n
        if (self.prefixes and key.startswith(self.prefixes)) or (self.suffixes and key.endswith(self.suffixes)):
            return 1
        return 0


class _Near(NamedTuple):
    first: _Words
    then: _Words
    gap: int
    via: frozenset[str]
    stop: _Words
    not_after: tuple[tuple[str, ...], ...]


@cache
def _near_rules(kind: str) -> tuple[_Near, ...]:
    return tuple(
        _Near(
            _Words.of(rule["first"]),
            _Words.of(rule["then"]),
            rule["gap"],
            _keys(rule["via"]),
            _Words.of(rule["stop"]),
            tuple(tuple(name_key(w) for w in phrase.split()) for phrase in rule["not_after"]),
        )
        for rule in phrases.FLAG_NEAR.get(kind, ())
    )


_NEAR_BREAK = re.compile(r"[.;:!?()\[\]\n\u2013\u2014]")


def _near_matches(kind: str, text: str, toks: _Tokens, first: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each phrases.FLAG_NEAR match of `kind` among words first..end (one sentence)."""
    keys, starts, ends = toks.keys, toks.starts, toks.ends
    for rule in _near_rules(kind):
        j = first
        while j < end:
            n = rule.first.at(keys, j, end)
            if not n or any(j - len(w) >= first and tuple(keys[j - len(w) : j]) == w for w in rule.not_after):
                j += 1
                continue
            via = not rule.via
            m, words = j + n, 0
            found = 0
            while m < end and words <= rule.gap:
                if _NEAR_BREAK.search(text, ends[m - 1], starts[m]) or rule.stop.at(keys, m, end):
                    break
                if via and (found := rule.then.at(keys, m, end)):
                    break
                via = via or keys[m] in rule.via
                m, words = m + 1, words + 1
            if found:
                yield starts[j], ends[m + found - 1]
                j = m + found
            else:
                j += 1


def _numbers(text: str) -> set[str]:
    """Numbers as digits only, thousands separators dropped: "6,000" and "6000" are one number."""
    return {re.sub(r"[.,'\u2009\u202f ](?=\d{3}(?!\d))", "", n) for n in _NUMBER.findall(text)}


_SPEED_SPAN = re.compile(r"\b(?:after|nach|in|within|innerhalb(?:\s+von)?)\s+(\w+)\s+(\w+)", re.IGNORECASE)
_SPEED_JUST = re.compile(r"\b(?:just|only|nur|schon|bereits|as\s+little\s+as|less\s+than|under)\b", re.IGNORECASE)
_DAYS = {
    **{"day": 1, "days": 1, "tag": 1, "tage": 1, "tagen": 1, "week": 7, "weeks": 7, "woche": 7, "wochen": 7},
    **{"month": 30, "months": 30, "monat": 30, "monate": 30, "monaten": 30},
}
_COUNTS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "einer": 1,
    "einem": 1,
    "eine": 1,
    "ein": 1,
    "zwei": 2,
    "two": 2,
    "drei": 3,
    "three": 3,
    "vier": 4,
    "four": 4,
    "fünf": 5,
    "five": 5,
    "sechs": 6,
    "six": 6,
    "sieben": 7,
    "seven": 7,
    "acht": 8,
    "zehn": 10,
    "ten": 10,
    "vierzehn": 14,
    "fourteen": 14,
    "wenigen": 3,
}


def _slow_after(flagged: str) -> bool:
    """ "after 12 weeks", "in 12 weeks", "nach acht Wochen" is a study's duration, not a speed promise (over
    four weeks); "in just 8 weeks" still promises speed."""
    m = _SPEED_SPAN.search(flagged)
    if m is None or _SPEED_JUST.search(flagged):
        return False
    count, unit = m.group(1).lower(), m.group(2).lower()
    per = _DAYS.get(unit)
    if per is None:
        return False
    number = int(count) if count.isdigit() else _COUNTS.get(count, 1)
    return number * per > 28


@lru_cache(maxsize=1 << 16)
def _kinds_triggered(key: str) -> frozenset[int]:
    """The flag kinds a word triggers, worked out once per distinct word (a long text is read in pieces
    that share most of their words)."""
    _kinds, triggers = _flag_table()
    hit = set(triggers.exact.get(key, ()))
    if key[:1].isdigit() and key.endswith("x") and key[:-1].isdigit():
        hit.update(triggers.number_x)
    hit.update(n for p, n in triggers.prefixes if key.startswith(p))
    hit.update(n for x, n in triggers.suffixes if key.endswith(x) and key != x)
    return frozenset(hit)


def _find_flags(text: str, toks: _Tokens, sentences: _Sentences) -> list[tuple[str, int, int]]:
    """(kind, start, end) of each marketing pattern, overlaps resolved to the earliest, longest match.
    A sentence is searched only for the kinds whose trigger words it contains, so the cost follows the
    text, not the text times the number of patterns. A pattern right after a negation ("kein Wunder",
    "not clinically proven") is not a claim; a percentage in a sentence that names a control group is
    a measured result, not a bare figure."""
    kinds, triggers = _flag_table()
    keys, starts = toks.keys, toks.starts
    triggered = {key: _kinds_triggered(key) for key in set(keys)}  # word -> the kinds it triggers
    trigger_words = list(compress(range(len(keys)), map(triggered.__getitem__, keys)))  # the few words that matter
    percent_signs = _PERCENT_SIGNS.finditer(text) if triggers.percent else iter(())
    next_percent = next(percent_signs, None)
    wanted_by_sentence: dict[int, set[int]] = {}  # only sentences holding a trigger are visited
    sentence_starts = sentences.starts
    for k in trigger_words:
        index = bisect.bisect_right(sentence_starts, starts[k]) - 1
        wanted_by_sentence.setdefault(index, set()).update(triggered[keys[k]])
    while next_percent is not None:
        index = bisect.bisect_right(sentence_starts, next_percent.start()) - 1
        wanted_by_sentence.setdefault(index, set()).update(triggers.percent)
        next_percent = next(percent_signs, None)
    found = []
    for index in sorted(wanted_by_sentence):
        if index < 0:
            continue
        wanted = wanted_by_sentence[index]
        sentence = sentences[index]
        first, k = toks.at(sentence.start), toks.at(sentence.end)
        lowered = text[sentence.start : sentence.end].lower()
        for n in sorted(wanted):
            kind = kinds[n].kind
            spans = [(m.start(), m.end()) for m in _alternation_matches(n, lowered, text, sentence.start, sentence.end)]
            # a near rule only where no listed pattern of the kind matched: it words what the list does not
            spans += [(a, b) for a, b in _near_matches(kind, text, toks, first, k) if all(b <= c or d <= a for c, d in spans)]
            for m_start, m_end in spans:
                if m_end == m_start:
                    continue
                # "isn't as potent as Botox" compares; "a non-fragranced serum with no parabens" is free from them
                if phrases.FLAGS[kind]["compares"]:
                    reach = _comparison_reach(text, m_start)
                else:
                    reach = 1 if kind in phrases.FLAGS_THAT_DENY else phrases.FLAG_NEGATION_BEFORE
                if _denied_before(text, toks, bisect.bisect_left(starts, m_start, first, k), first, m_start, reach):
                    continue
                if kind in phrases.FLAG_NOUN_KINDS and _denied_after(text, toks, m_end, k):
                    continue
                if kind == "speed" and (
                    _slow_after(text[m_start:m_end]) or _RECOVERY.search(text, max(sentence.start, m_start - 60), m_start)
                ):
                    continue
                if kind == "percentage" and _CONTROL.search(text, sentence.start, sentence.end):
                    continue
                found.append((m_start, -(m_end - m_start), n, 0, kind, m_end))
    # Overlapping matches: the longest wins, then the earliest, then the kind and pattern listed first.
    # Matches are cut into clusters of mutually overlapping ones (sorted by start), each cluster decided
    # on its own, so this stays linear however many patterns the text holds.
    found.sort()
    kept: list[tuple[int, int, str]] = []
    cluster: list[tuple[int, int, int, int, str, int]] = []
    reach = -1
    for item in [*found, None]:
        if item is not None and item[0] < reach:
            cluster.append(item)
            reach = max(reach, item[5])
            continue
        chosen: list[tuple[int, int, str]] = []
        for start, _neg_len, _n, _order, kind, end in sorted(cluster, key=lambda f: (f[1], f[0], f[2], f[3])):
            if all(end <= a or b <= start or frozenset((kind, other)) in _COEXIST for a, b, other in chosen):
                chosen.append((start, end, kind))
                kept.append((start, end, kind))
        if item is not None:
            cluster, reach = [item], item[5]
    kept.sort()
    return [(kind, start, end) for start, end, kind in kept]


_COEXIST = frozenset(frozenset(pair) for pair in phrases.FLAGS_THAT_COEXIST)


def _outline(pattern: str) -> Iterator[tuple[str, int]]:
    """A pattern read for its shape: each character outside escapes and classes with the group depth it
    stands at; an escape or a whole character class comes as "\\" (a break between literal letters)."""
    depth, i = 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            yield "\\", depth
            i += 2
            continue
        if ch == "[":  # skip a character class
            i += 1
            while i < len(pattern) and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
            yield "\\", depth
            i += 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        yield ch, depth
        i += 1


def _required_word(pattern: str) -> str | None:
    """The longest word a pattern cannot match without (letters outside any group, class, escape or
    quantifier), lower-cased; None when there is none (a top-level "|", or no such word)."""
    words, word = [], ""
    for ch, depth in _outline(pattern):
        if ch == "|" and depth == 0:
            return None
        if depth == 0 and ch.isalpha():
            word += ch
        else:
            if ch in "?*+{" and word:
                word = word[:-1]  # the letter before a quantifier is not required as written
            words.append(word)
            word = ""
    words.append(word)
    best = max(words, key=len)
    return best.lower() if len(best) >= 3 else None


@cache
def _kind_patterns(n: int) -> tuple[tuple[str, str | None], ...]:
    return tuple((p, _required_word(p)) for p in list(phrases.FLAGS.values())[n]["patterns"])


@cache
def _compiled(n: int, i: int) -> re.Pattern[str]:
    return re.compile(_kind_patterns(n)[i][0], re.IGNORECASE)


@cache
def _by_word(n: int) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Kind n's patterns that have a required word, grouped by that word."""
    groups: dict[str, list[int]] = {}
    for i, (_pattern, word) in enumerate(_kind_patterns(n)):
        if word is not None:
            groups.setdefault(word, []).append(i)
    return tuple((word, tuple(indexes)) for word, indexes in groups.items())


_OPENING = re.compile(r"(?:\(\?<!(?:[^()]|\([^()]*\))*\))*\\b\(\?:")  # lookbehinds, then a word boundary and a group
_LEADING_LETTERS = re.compile(r"[^\W\d_]+")


def _opening_words(pattern: str) -> tuple[str, ...] | None:
    """For a pattern with no required word that opens with a group of alternatives ("\\b(?:safer|gentler|
    milder)\\s+for", "\\b(?:botox|botulinum\\w*|filler\\w*)..."): the letters each alternative starts with,
    lower-cased, one of which every match holds; None when an alternative starts otherwise (or the group
    is optional, or the pattern has a "|" outside every group)."""
    m = _OPENING.match(pattern)
    if m is None or _top_level_bar(pattern):
        return None
    alternatives, depth, start, i = [], 0, m.end(), m.end()
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i += 1
            while i < len(pattern) and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif ch == ")":
            alternatives.append(pattern[start:i])
            if pattern[i + 1 : i + 2] in ("?", "*") or pattern.startswith("{0", i + 1):
                return None  # the group may match nothing
            break
        elif ch == "|" and not depth:
            alternatives.append(pattern[start:i])
            start = i + 1
        i += 1
    else:
        return None
    words = []
    for alternative in alternatives:
        lead = _LEADING_LETTERS.match(alternative)
        if lead is None:
            return None
        word = lead.group()
        if alternative[lead.end() : lead.end() + 1] in ("?", "*", "{"):
            word = word[:-1]  # "injections?": the last letter is optional
        if len(word) < 2:
            return None
        words.append(word.lower())
    return tuple(words)


def _top_level_bar(pattern: str) -> bool:
    """Does the pattern have a "|" outside every group (so a match need not start as it opens)?"""
    return any(ch == "|" and depth == 0 for ch, depth in _outline(pattern))


@cache
def _by_opening(n: int) -> tuple[tuple[tuple[str, ...], int], ...]:
    """Kind n's patterns without a required word that open with plain alternatives, and their words."""
    out = []
    for i, (pattern, word) in enumerate(_kind_patterns(n)):
        if word is None and (words := _opening_words(pattern)) is not None:
            out.append((words, i))
    return tuple(out)


@cache
def _wordless(n: int) -> tuple[re.Pattern[str] | None, dict[int, int]]:
    """Kind n's patterns that have neither a required word nor opening words, as one alternation compiled
    once, each in its own group; and which pattern each group is (tried on every sentence of the kind)."""
    patterns = _kind_patterns(n)
    opening = {i for _words, i in _by_opening(n)}
    parts, group_of, group = [], {}, 1
    for i, (pattern, word) in enumerate(patterns):
        if word is None and i not in opening:
            group_of[group] = i
            parts.append(f"({pattern})")
            group += 1 + _compiled(n, i).groups
    return (re.compile("|".join(parts), re.IGNORECASE) if parts else None), group_of


def _alternation_matches(n: int, lowered: str, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """What `finditer` of kind n's patterns joined by "|" would give in text[start:end]: at the leftmost
    place any of them matches, the first listed one that matches there, then on after its end. Patterns
    whose required word is not in the sentence (`lowered`) cannot match and are not tried; those with a
    word are compiled one by one, on first use, and those without are searched together."""
    wordless, group_of = _wordless(n)
    searchers: dict[int, re.Pattern[str]] = {}
    for word, indexes in _by_word(n):  # each distinct required word is looked for once
        if word in lowered:
            for i in indexes:
                searchers[i] = _compiled(n, i)
    for words, i in _by_opening(n):
        if any(word in lowered for word in words):
            searchers[i] = _compiled(n, i)
    if wordless is not None:
        searchers[-1] = wordless  # its matches say which pattern they are: group_of[m.lastindex]
    pending = {slot: rx.search(text, start, end) for slot, rx in searchers.items()}
    pos = start
    while True:
        best: re.Match[str] | None = None
        best_i = -1
        for slot, m in pending.items():
            if m is not None and m.start() < pos:
                m = pending[slot] = searchers[slot].search(text, pos, end)
            if m is None:
                continue
            i = slot if slot >= 0 else group_of[m.lastindex or 0]
            if best is None or m.start() < best.start() or (m.start() == best.start() and i < best_i):
                best, best_i = m, i
        if best is None:
            return
        yield best
        pos = best.end() if best.end() > best.start() else best.end() + 1


def _denied_before(text: str, toks: _Tokens, at: int, first: int, start: int, reach: int) -> bool:
    """A negation up to `reach` words before a pattern, in its clause: "kein Wunder", "won't produce any
    miracles", "doesn't happen overnight" ("not only" does not deny)."""
    keys = toks.keys
    for j in range(at - 1, max(first, at - reach) - 1, -1):
        if _CLAUSE_BREAK.search(text, toks.ends[j], start if j == at - 1 else toks.starts[j + 1]):
            return False
        if keys[j] in _NEGATIONS and not text.startswith("-", toks.ends[j]):  # "non-invasive" denies "invasive"
            return j + 1 >= len(keys) or keys[j + 1] not in _NOT_NEGATION_AFTER
    return False


# Cues that say one thing takes another's place: denied, they are a disclaimer ("doesn't replace sunscreen").
_REPLACING = re.compile(r"(?:replace|replaces|replacement|substitute|alternative|ersetz|ersatz)", re.IGNORECASE)
# "doesn't replace" (doesn + t), "is not a substitute", "won't replace your": three words back is enough, and
# "no downtime and a natural alternative to Botox" is not denied
_REPLACING_REACH = 3


def _comparison_reach(text: str, cue_start: int) -> int:
    """How many words back a negation denies a comparison cue: one ("isn't as potent as Botox" still
    compares), or three for a cue of replacing ("doesn't replace sunscreen" is a disclaimer)."""
    return _REPLACING_REACH if _REPLACING.match(text, cue_start) else 1


_RECOVERY = re.compile(rf"\b(?:{'|'.join(phrases.SPEED_NOT_AFTER)})\b[^.!?]*$", re.IGNORECASE)


def _denied_after(text: str, toks: _Tokens, end: int, limit: int) -> bool:
    """German puts "nicht" late: "Wunder kann selbst Hyaluron nicht vollbringen" denies the pattern before
    it (within FLAG_NEGATION_AFTER words, in the same clause; "nicht nur" does not deny)."""
    keys = toks.keys
    k = toks.at(end)
    for j in range(k, min(limit, k + phrases.FLAG_NEGATION_AFTER)):
        if _CLAUSE_BREAK.search(text, end if j == k else toks.ends[j - 1], toks.starts[j]):
            return False
        if keys[j] in _NEGATIONS_AFTER:
            return j + 1 >= len(keys) or keys[j + 1] not in _NOT_NEGATION_AFTER
    return False


# ---- the check -------------------------------------------------------------------------------------------
def check_text(text: str, kb: KnowledgeBase) -> CheckReport:
    """Find ingredients, effect claims and marketing patterns in `text` and grade each claim.

    A long text is read a piece at a time (`_pieces`), so the words and sentences of megabytes are never
    all held at once; each piece is read with the paragraphs around it, and keeps only what starts in it,
    so a claim is paired as in a whole reading. Grading is done once, over the whole text."""
    pairs: list[_Pair] = []
    mentions: list[Mention] = []
    effects: list[EffectPhrase] = []
    flags: list[Flag] = []
    spelled_out: dict[str, str] = {}
    initials: dict[str, tuple[str, str]] = {}  # spelled out in the pieces before: "SAP" names it from there on
    sentence_base = 0
    for lo, hi, start, end in _pieces(text):
        whole = lo == 0 and hi == len(text)  # a text of one piece: nothing to move
        found = _analyse(text if whole else text[start:end], kb, initials)
        spelled_out.update(found.spelled_out)
        for key, (ingredient, at, name) in found.defined.items():
            if lo <= at + start < hi:
                initials.setdefault(key, (ingredient, name))
        if whole:
            pairs, mentions, effects, flags = found.pairs, list(found.mentions), found.effects, list(found.flags)
            break
        first, after = (bisect.bisect_left(found.sentence_starts, at - start) for at in (lo, hi))
        keep = _Keep(text, start, lo - start, hi - start, sentence_base - first)
        mentions += [keep.mention(m) for m in found.mentions if keep.inside(m.span)]
        effects += [keep.effect(e) for e in found.effects if keep.inside(e.span)]
        pairs += [
            _Pair(keep.mention(p.mention), keep.effect(p.effect), p.attribution)
            for p in found.pairs
            if keep.inside(p.effect.span)
        ]
        flags += [keep.flag(g, n) for n, g in enumerate((g for g in found.flags if keep.inside(g.span)), len(flags) + 1)]
        sentence_base += after - first
    findings = _grade(pairs, tuple(mentions), kb, spelled_out)
    return CheckReport(text, findings, tuple(flags), tuple(mentions), tuple(effects), kb)


_PIECE = 1 << 20  # characters of a long text read at a time
_AROUND = 1 << 12  # characters read before and after a piece, for what refers across its edges
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")


def _pieces(text: str) -> Iterator[tuple[int, int, int, int]]:
    """(lo, hi, start, end): the text cut at blank lines into pieces [lo, hi) of about `_PIECE`
    characters, each read as [start, end), a paragraph or more of context on either side."""
    n = len(text)
    lo = 0
    while lo < n:
        cut = _PARAGRAPH_BREAK.search(text, lo + _PIECE) if n - lo > _PIECE + _AROUND else None
        hi = cut.end() if cut is not None else n
        before = _PARAGRAPH_BREAK.search(text, max(lo - 2 * _AROUND, 0), max(lo - _AROUND // 2, 0)) if lo else None
        start = before.end() if before is not None else max(lo - 2 * _AROUND, 0)
        after = _PARAGRAPH_BREAK.search(text, min(hi + _AROUND, n)) if hi < n else None
        end = after.start() if after is not None else n
        yield lo, hi, start, end
        lo = hi


class _Found(NamedTuple):
    pairs: list[_Pair]
    mentions: tuple[Mention, ...]
    effects: list[EffectPhrase]
    flags: tuple[Flag, ...]
    spelled_out: dict[str, str]
    defined: dict[str, tuple[str, int, str]]  # initials spelled out in the piece: (ingredient, offset, name)
    sentence_starts: Any  # array of the piece's sentence starts


class _Keep:
    """Moves what a piece found to the whole text's offsets and sentence numbers; a mention or phrase
    that two pairs share stays one object."""

    def __init__(self, text: str, start: int, lo: int, hi: int, sentence_shift: int) -> None:
        self.text, self.start, self.lo, self.hi, self.shift = text, start, lo, hi, sentence_shift
        self._moved: dict[int, Any] = {}

    def inside(self, span: Span) -> bool:
        return self.lo <= span.start < self.hi

    def span(self, span: Span) -> Span:
        return Span.of(self.text, span.start + self.start, span.end + self.start)

    def mention(self, m: Mention) -> Mention:
        moved = self._moved.get(id(m))
        if moved is None:
            span, sentence = self.span(m.span), m.sentence + self.shift
            moved = self._moved[id(m)] = Mention(m.ingredient, m.name, span, m.role, sentence, m.predicate)
        return moved

    def effect(self, e: EffectPhrase) -> EffectPhrase:
        moved = self._moved.get(id(e))
        if moved is None:
            negation = None if e.negation is None else self.span(e.negation)
            span, sentence = self.span(e.span), e.sentence + self.shift
            moved = self._moved[id(e)] = EffectPhrase(e.effect, span, negation, sentence, e.attributed)
        return moved

    def flag(self, g: Flag, n: int) -> Flag:
        return Flag(n, g.kind, self.span(g.span), g.explanation, g.claim, g.subject, g.compared, g.level)


def _analyse(text: str, kb: KnowledgeBase, known_initials: dict[str, tuple[str, str]] | None = None) -> _Found:
    """Everything before grading, for one text or one piece of a long one (`known_initials`: those the
    pieces before spelled out)."""
    toks = _Tokens(text)
    sentences = _sentences(text)
    sentence_starts = sentences.starts

    def sentence_of(offset: int) -> int:
        return max(bisect.bisect_right(sentence_starts, offset) - 1, 0)

    lexicon = ingredient_lexicon(kb)
    raw_mentions = _vitamin_lists(text, toks, lexicon, [h for h in lexicon.find(toks) if h.payload])
    raw_mentions, spelled_out, defined = _initialisms(text, toks, raw_mentions, known_initials)
    raw_effects = [h for h in effect_lexicon().find(toks) if h.payload and not _scare_quoted(text, toks, h)]
    # "oil\u2011free": the patterns spell a hyphen as "-"; a web page's non-breaking one is the same letter count
    raw_flags = _find_flags(text.translate(_HYPHENS) if _HAS_HYPHEN.search(text) else text, toks, sentences)

    mention_hits, effect_hits = _resolve_overlaps(text, toks, sentences, sentence_of, raw_mentions, raw_effects, kb)
    mention_hits = [h for h in mention_hits if not _sun_factor_of_a_name(text, toks, h)]
    effect_hits = _not_the_user(text, toks, _effect_objects(text, toks, effect_hits))
    effect_hits = _not_described(text, toks, effect_hits, mention_hits)
    effect_hits = [
        h
        for h in effect_hits
        if not _a_cause(text, toks, h)
        and not _in_product_name(text, toks, h)
        and not _harmful_light(toks, h, sentences, sentence_of)
    ]
    injection_spans = [(start, end) for kind, start, end in raw_flags if kind == "injection-comparison"]
    mentions, left_out_at, cued = _mentions(text, toks, mention_hits, kb, sentences, sentence_of, injection_spans)
    raw_flags = _cued_comparisons(raw_flags, cued)
    effects = [
        EffectPhrase(
            h.payload,
            fused[0] if fused else _span(text, toks.starts[h.first], toks.ends[h.last]),
            fused[1] if fused else _negation(text, toks, h),
            sentence_of(toks.starts[h.first]),
        )
        for h in effect_hits
        for fused in (_fused_non(text, toks, h),)
    ]
    del raw_mentions, raw_effects, mention_hits, effect_hits  # long texts: free what is done with before pairing
    pairs, effects, subjects_by_sentence = _pair(text, toks, sentences, mentions, effects, left_out_at)
    del toks  # the words are not needed any more
    flags = _flags(text, sentences, raw_flags, sentence_of, mentions, subjects_by_sentence, kb)
    return _Found(pairs, mentions, effects, flags, spelled_out, defined, sentence_starts)


def _span(text: str, start: int, end: int) -> Span:
    return Span.of(text, start, end)


_COMPARING_KINDS = frozenset(kind for kind, spec in phrases.FLAGS.items() if spec["compares"])
_CUED = "cued-comparison"  # a comparison flag a cue before or after a name made: "comparison" once graded


def _cued_comparisons(raw_flags: list[tuple[str, int, int]], cued: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """A name a comparison cue makes a comparison ("performed comparably to tretinoin", "retinol-like") is
    flagged as one where no comparison pattern covers it already: the reader sees the comparisons the
    pairing saw, so a name left unpaired as "compared" always has its flag."""
    covering = [(a, b) for kind, a, b in raw_flags if kind in _COMPARING_KINDS]
    added = []
    for a, b in cued:
        if not any(c < b and a < d for c, d in covering):
            added.append((_CUED, a, b))
            covering.append((a, b))
    return sorted([*raw_flags, *added], key=lambda f: (f[1], f[2])) if added else raw_flags


_VITAMIN_LIST = re.compile(
    r"\b(?:vitamins?|Vitamine?n?)\s+([A-K]\d{0,2})((?:\s*(?:,|\band\b|\bund\b|&|\bsowie\b|\bor\b|\boder\b)\s*[A-K]\d{0,2}\b)+)"
)
_LETTER = re.compile(r"\b[A-K]\d{0,2}\b")


_INITIALISM = re.compile(r"[A-Z]{2,5}(?:-\d{1,2})?")


def _initialisms(
    text: str, toks: _Tokens, hits: list[_Hit], known: dict[str, tuple[str, str]] | None = None
) -> tuple[list[_Hit], dict[str, str], dict[str, tuple[str, int, str]]]:
    """A name of several words, then its initials in capitals: "Sodium Ascorbyl Phosphate ... SAP",
    "Palmitoyl Oligopeptide ... PO", "Acetyl Hexapeptide-8 ... AH-8". The initials name that ingredient
    from there on in this text (copy abbreviates what it named in full a sentence before). Also returns
    each initialism used with the name it stands for, whose form ("sodium ascorbyl phosphate") it is graded
    as, so "SAP" never borrows the evidence of another form of vitamin C; and the initials this text
    spells out, with where (a long text's later pieces get them as `known`: initials -> (ingredient, name))."""
    initials: dict[str, tuple[str, int, str]] = {key: (ingredient, -1, full) for key, (ingredient, full) in (known or {}).items()}
    defined: dict[str, tuple[str, int, str]] = {}  # initials -> (ingredient, offset of the full name, the name)
    for hit in hits:
        if hit.last > hit.first:
            words = [toks.raw(k) for k in range(hit.first, hit.last + 1)]
            letters = "".join(w[0] for w in words if w[:1].isalpha()).upper()
            digits = "".join(w for w in words if w.isdigit())
            if len(letters) >= 2:
                key = f"{letters}-{digits}" if digits else letters
                if key not in initials:
                    full = text[toks.starts[hit.first] : toks.ends[hit.last]]
                    initials[key] = (hit.payload, hit.first, full)
                    defined[key] = (hit.payload, toks.starts[hit.first], full)
    if not initials:
        return hits, {}, defined
    firsts = [h.first for h in hits]  # sorted: a word inside a name found already is no initialism
    added: list[_Hit] = []
    spelled_out: dict[str, str] = {}
    for m in _INITIALISM.finditer(text):
        named = initials.get(m.group())
        if named is None:
            continue
        k, last = toks.at(m.start()), toks.at(m.end()) - 1
        if k <= named[1] or k >= len(toks) or toks.starts[k] != m.start() or toks.ends[last] != m.end():
            continue
        at = bisect.bisect_right(firsts, k) - 1
        if at >= 0 and hits[at].last >= k:
            continue
        added.append(_Hit(k, last, named[0]))
        spelled_out[m.group()] = named[2]
    if not added:
        return hits, {}, defined
    return sorted([*hits, *added], key=lambda h: h.first), spelled_out, defined


def _vitamin_lists(text: str, toks: _Tokens, lexicon: Lexicon, hits: list[_Hit]) -> list[_Hit]:
    """ "Vitamins A, C and E", "die Vitamine C und E": each letter names the vitamin the knowledge base
    has under "vitamin <letter>" (letters it lacks stay unnamed)."""
    if "itamin" not in text:
        return hits
    taken = {k for h in hits for k in range(h.first, h.last + 1)}
    extra = []
    for m in _VITAMIN_LIST.finditer(text):
        letters = [(m.start(1), m.end(1))] + [
            (x.start() + m.start(2), x.end() + m.start(2)) for x in _LETTER.finditer(m.group(2))
        ]
        for start, end in letters:
            k = toks.at(start)
            if k >= len(toks) or toks.starts[k] != start or k in taken:
                continue
            ids = lexicon.payloads(name_key("vitamin" + text[start:end]))
            if len(ids) == 1:
                extra.append(_Hit(k, k, ids[0]))
                taken.add(k)
    return sorted(hits + extra, key=lambda h: h.first) if extra else hits


def _scare_quoted(text: str, toks: _Tokens, hit: _Hit) -> bool:
    """A one-word effect phrase set in quotes ("triggers it to 'heal' itself") is a figure of speech."""
    if hit.first != hit.last:
        return False
    start, end = toks.starts[hit.first], toks.ends[hit.last]
    if start == 0 or text[start - 1] not in _QUOTES:
        return False
    closing = end + 1 if end < len(text) and text[end] in ".,!?" else end  # “heal.”
    return closing < len(text) and text[closing] in _QUOTES


def _resolve_overlaps(
    text: str,
    toks: _Tokens,
    sentences: _Sentences,
    sentence_of: Any,
    raw_mentions: list[_Hit],
    raw_effects: list[_Hit],
    kb: KnowledgeBase,
) -> tuple[list[_Hit], list[_Hit]]:
    """Which of the spans that are both a name and an effect phrase ("collagen") are the ingredient.

    An effect phrase inside a longer name ("anti-wrinkle injections") is part of the name. A span that is
    exactly both is the ingredient when written as a product ("collagen supplements", "Drinks mit
    Kollagen"), when listed with another ingredient ("Hyaluronsäure und Kollagen"), or when no other
    ingredient is named nearby; otherwise it is the effect ("vitamin C boosts collagen").
    """
    by_first = {h.first: h for h in raw_mentions}
    taken: dict[int, _Hit] = {}
    for hit in raw_mentions:
        for k in range(hit.first, hit.last + 1):
            taken[k] = hit
    ambiguous: dict[int, _Hit] = {}  # mention first token -> the effect hit with the same span
    effect_hits: list[_Hit] = []
    for hit in raw_effects:
        overlapping = {taken[k] for k in range(hit.first, hit.last + 1) if k in taken}
        if not overlapping:
            effect_hits.append(hit)
        elif len(overlapping) == 1:
            (m,) = overlapping
            if (m.first, m.last) == (hit.first, hit.last):
                ambiguous[m.first] = hit
    if not ambiguous:
        return raw_mentions, effect_hits
    # ingredients other than the ambiguous ones, by sentence, to look for nearby subjects
    others: dict[int, set[str]] = {}
    for hit in raw_mentions:
        if hit.first not in ambiguous:
            others.setdefault(sentence_of(toks.starts[hit.first]), set()).add(hit.payload)
    mention_hits = []
    for hit in raw_mentions:
        eff = ambiguous.get(hit.first)
        if eff is not None and _skins_own(text, toks, hit):  # "Neubildung von Collagen und Hyaluronsäure"
            effect_hits.append(eff)
            continue
        if eff is None or _is_product(text, toks, hit, by_first, raw_mentions, ambiguous):
            mention_hits.append(hit)
            continue
        index = sentence_of(toks.starts[hit.first])
        if _opens_with_modal(toks, hit, sentences[index]):
            mention_hits.append(hit)
            continue
        paragraph = sentences[index].paragraph
        near = False
        for other in range(max(0, index - phrases.CONTEXT_SENTENCES), min(len(sentences), index + phrases.CONTEXT_SENTENCES + 1)):
            if sentences[other].paragraph == paragraph and others.get(other, set()) - {hit.payload}:
                near = True
                break
        if near:
            effect_hits.append(eff)
        else:
            mention_hits.append(hit)
    effect_hits.sort(key=lambda h: h.first)
    return mention_hits, effect_hits


_HARM_OR_RELIEF = {effect: (_keys(words), concern) for effect, (words, concern) in phrases.HARM_OR_RELIEF.items()}
_HARM_CUES = _word_set(phrases.HARM_CUES)


def _harm_or_relief(text: str, toks: _Tokens, hit: _Hit, concern: str) -> _Hit:
    """The concern when a cause comes before the word ("can cause dryness"), unless relief comes first
    ("decrease roughness and dryness"); a comma may stand in the list between."""
    keys = toks.keys
    for k in range(hit.first - 1, max(0, hit.first - phrases.HARM_WINDOW) - 1, -1):
        gap = text[toks.ends[k] : toks.starts[k + 1]]
        if _CLAUSE_BREAK.search(gap) and gap.strip() not in (",", ":"):  # "side effects: redness, dryness"
            break
        if _in_set(keys[k], _RELIEF_VERBS):
            return hit
        if _in_set(keys[k], _HARM_CUES):
            return hit._replace(payload=concern)
    return hit


_EFFECT_VERBS = _word_set(phrases.EFFECT_VERBS)
_OBJECT_FILLER = _keys(phrases.EFFECT_OBJECT_FILLER)
_OBJECT_BEFORE_FILLER = _keys(phrases.EFFECT_OBJECT_BEFORE_FILLER)
_RELIEF_VERBS = _word_set(phrases.RELIEF_VERBS)
_IRRITATION = _keys(phrases.IRRITATION_WORDS)
_SUNBURN = _keys(phrases.SUNBURN_WORDS)


def _effect_objects(text: str, toks: _Tokens, hits: list[_Hit]) -> list[_Hit]:
    """Read effect verbs with their objects: "calms breakouts" claims acne (not soothing), "tightens crow's
    feet" wrinkles (not firmness), "Falten glätten" and "wrinkle-smoothing" wrinkles (not texture);
    "reduces redness and irritation" claims soothing (not irritation)."""
    keys, out = toks.keys, []
    for n, hit in enumerate(hits):
        if hit.first == hit.last and _in_set(keys[hit.first], _EFFECT_VERBS) and n + 1 < len(hits):
            nxt = hits[n + 1]
            between = range(hit.last + 1, nxt.first)
            if (
                nxt.payload != hit.payload
                and len(between) <= phrases.EFFECT_OBJECT_GAP
                and all(keys[k] in _OBJECT_FILLER for k in between)
                and not _CLAUSE_BREAK.search(text, toks.ends[hit.last], toks.starts[nxt.first])
                and not _NEW_ITEM.search(text, toks.ends[hit.last], toks.starts[nxt.first])
            ):
                continue  # the verb's object carries the claim
        if hit.first == hit.last and _in_set(keys[hit.first], _EFFECT_VERBS) and n > 0:
            before = hits[n - 1]  # "Falten glätten", "Falten zu glätten", "wrinkle-smoothing": the object comes first
            between = range(before.last + 1, hit.first)
            if (
                before.payload != hit.payload
                and not keys[before.last].endswith("ly")  # "gently soothes": an adverb, not the object
                and all(keys[k] in _OBJECT_BEFORE_FILLER for k in between)
                and len(between) <= 1
                and not _CLAUSE_BREAK.search(text, toks.ends[before.last], toks.starts[hit.first])
                and not _NEW_ITEM.search(text, toks.ends[before.last], toks.starts[hit.first])
            ):
                continue
        if hit.payload == "pores" and _pores_cleared(text, toks, hit):
            hit = hit._replace(payload="acne")
        words, concern = _HARM_OR_RELIEF.get(hit.payload, ((), ""))
        if hit.first == hit.last and keys[hit.first] in words:
            hit = _harm_or_relief(text, toks, hit, concern)
        relieved = (hit.payload == "irritation" and keys[hit.first] in _IRRITATION and not _a_risk_of(keys, hit)) or (
            hit.payload == "photoprotection" and keys[hit.first] in _SUNBURN
        )
        if relieved and hit.first == hit.last:
            lo = max(0, hit.first - phrases.RELIEF_WINDOW)
            for k in range(hit.first - 1, lo - 1, -1):
                if _CLAUSE_BREAK.search(text, toks.ends[k], toks.starts[k + 1]):
                    break
                if _in_set(keys[k], _RELIEF_VERBS):
                    hit = hit._replace(payload="soothing")
                    break
        out.append(hit)
    return out


def _a_risk_of(keys: list[str], hit: _Hit) -> bool:
    """ "reduces the risk of irritation": lowered irritation, not irritation relieved (soothing)."""
    k = hit.first
    return (k >= 2 and keys[k - 1] in ("of", "for") and keys[k - 2] in _RISK) or (k >= 1 and keys[k - 1] in _RISK)


_RISK = frozenset({"risk", "chance", "likelihood", "potential", "risiko", "gefahr"})


def _pores_cleared(text: str, toks: _Tokens, hit: _Hit) -> bool:
    """ "unclog our pores", "keeps pores clear", "pore-clearing": comedones cleared, not pores made smaller."""
    keys = toks.keys
    k = hit.first - 1
    while k >= 0 and hit.first - k <= 3 and keys[k] in _PORE_FILLER:
        k -= 1
    if k >= 0 and hit.first - k <= 3 and keys[k].startswith(_PORE_BEFORE):
        if not _CLAUSE_BREAK.search(text, toks.ends[k], toks.starts[hit.first]):
            return True
    after = hit.last + 1
    return (
        after < len(toks)
        and keys[after].startswith(_PORE_AFTER)
        and not _CLAUSE_BREAK.search(text, toks.ends[hit.last], toks.starts[after])
    )


_PORE_BEFORE = tuple(phrases.PORE_CLEARING_BEFORE)
_PORE_AFTER = tuple(phrases.PORE_CLEARING_AFTER)
_PORE_FILLER = frozenset(phrases.PORE_FILLER)


class _Cues(NamedTuple):
    """Multi-word cues as tuples of word keys, and the words they start and end with (a cheap first test)."""

    phrases: tuple[tuple[str, ...], ...]
    first: frozenset[str]
    last: frozenset[str]

    @classmethod
    def of(cls, words: tuple[str, ...]) -> _Cues:
        keyed = tuple(tuple(name_key(w) for w in c.split()) for c in words)
        return cls(keyed, frozenset(c[0] for c in keyed), frozenset(c[-1] for c in keyed))

    def at(self, keys: list[str], k: int) -> bool:
        """Does one of the cues start at word k?"""
        return keys[k] in self.first and any(tuple(keys[k : k + len(c)]) == c for c in self.phrases)

    def ends_at(self, keys: list[str], k: int) -> bool:
        """Does one of the cues end at word k?"""
        return keys[k] in self.last and any(k + 1 >= len(c) and tuple(keys[k + 1 - len(c) : k + 1]) == c for c in self.phrases)


def _cue_before(text: str, toks: _Tokens, hit: _Hit, cues: _Cues, window: int) -> bool:
    """Does one of `cues` stand up to `window` words before the hit, in its clause (a comma may stand in
    between: a list of conditions or causes)?"""
    return _cue_at(text, toks, hit, cues, window) is not None


def _cue_at(text: str, toks: _Tokens, hit: _Hit, cues: _Cues, window: int) -> int | None:
    """The word where the nearest of `cues` before the hit starts (see `_cue_before`), or None."""
    keys, ends, starts = toks.keys, toks.ends, toks.starts
    for k in range(hit.first - 1, max(0, hit.first - window) - 1, -1):
        if starts[k + 1] - ends[k] > 1 or text[ends[k]] != " ":  # only a gap other than one space can break
            gap = text[ends[k] : starts[k + 1]]
            if _CLAUSE_BREAK.search(gap) and gap.strip() != ",":
                return None
        if cues.at(keys, k):
            return k
    return None


_POPULATION_CUES = _Cues.of(phrases.POPULATION_CUES)
_SKIN_TYPES = _Cues.of(phrases.SKIN_TYPE_WORDS).phrases


_CAUSE_CUES = _Cues.of(phrases.CAUSE_CUES)


def _harmful_light(toks: _Tokens, hit: _Hit, sentences: _Sentences, sentence_of: Callable[[int], int]) -> bool:
    """Is this "UV light" or "UV-Strahlung" named as what harms the skin, not what the product protects
    from? Only with no word of protection near it in its sentence."""
    if hit.payload != "photoprotection" or not all(
        toks.keys[k] in _RADIATION or toks.keys[k].startswith(_RADIATION_STEMS) for k in range(hit.first, hit.last + 1)
    ):
        return False
    sentence = sentences[sentence_of(toks.starts[hit.first])]
    lo = max(toks.at(sentence.start), hit.first - phrases.RADIATION_WINDOW)
    hi = min(toks.at(sentence.end), hit.last + phrases.RADIATION_WINDOW + 1, len(toks))
    return not any(toks.keys[k].startswith(_PROTECTION) for k in range(lo, hi) if not hit.first <= k <= hit.last)


_RADIATION = frozenset(phrases.RADIATION_WORDS)
_RADIATION_STEMS = phrases.RADIATION_STEMS
_PROTECTION = tuple(name_key(w) for w in phrases.PROTECTION_STEMS)


def _a_cause(text: str, toks: _Tokens, hit: _Hit) -> bool:
    """Is this effect named as the cause of a problem ("due to factors like aging")? Not when it is the
    ingredient's own property that the cue names as the reason ("due to its anti-inflammatory properties",
    "aufgrund seiner feuchtigkeitsspendenden Wirkung")."""
    k = _cue_at(text, toks, hit, _CAUSE_CUES, phrases.CAUSE_WINDOW + 2)
    if k is None:
        return False
    return not any(toks.keys[j] in _POSSESSIVES for j in range(k + 1, hit.first))


_DESCRIBED = _keys(phrases.DESCRIBED_NOUNS)


def _not_described(text: str, toks: _Tokens, hits: list[_Hit], names: list[_Hit]) -> list[_Hit]:
    """Drop an effect adjective that describes another thing named right after it: "blended with soothing
    shea butter", "in a calming, hydrating base", "moisturizing, omega-rich marula oil"."""
    keys, n = toks.keys, len(toks)
    named = {h.first for h in names}
    out = []
    for hit in hits:
        word = keys[hit.last]
        if hit.first == hit.last and (word.endswith("ing") or word.endswith("end")):
            k = hit.last + 1
            while (
                k < n
                and k - hit.last <= 4
                and (keys[k].endswith("ing") or toks.joins[k] and not toks.hard[k] or keys[k] in ("and", "und"))
            ):
                k += 1  # over other adjectives: "calming, hydrating", "omega-rich"
            if (
                k < n
                and k not in named
                and not _CLAUSE_BREAK.search(text, toks.ends[k - 1], toks.starts[k])
                and (keys[k] in _DESCRIBED or _inventory_words(text, toks, k))
            ):
                continue
        out.append(hit)
    return out


def _inventory_words(text: str, toks: _Tokens, k: int) -> bool:
    """Do the one to three words from k name an ingredient of the EU inventory ("shea butter")?"""
    for last in range(min(len(toks) - 1, k + 2), k - 1, -1):
        if all(toks.joins[j] for j in range(k + 1, last + 1)) and _inventory_name(text[toks.starts[k] : toks.ends[last]]):
            return True
    return False


def _not_the_user(text: str, toks: _Tokens, hits: list[_Hit]) -> list[_Hit]:
    """Drop effect phrases that say who a product suits ("for oily skin types", "those with acne-prone
    skin"), or where it acts ("deep into the pores"); tolerability there is still a claim ("suitable
    for sensitive skin")."""
    keys, n = toks.keys, len(toks)
    out = []
    for hit in hits:
        if hit.payload != "tolerability" and (_after_population_cue(text, toks, hit) or _before_skin_type(keys, hit, n)):
            continue
        if hit.payload != "tolerability" and keys[hit.last] in _SKIN_WORDS and _cue_before(text, toks, hit, _WHO_HAS, 3):
            continue  # "if you have dry skin", "those with oily skin": a skin, not a result
        if hit.payload in phrases.PLACE_EFFECTS and hit.first == hit.last and _a_place(text, toks, hit):
            continue
        out.append(hit)
    return out


_PLACE_WORDS = _word_set(phrases.PLACE_WORDS)
_PLACE_FILLER = _keys(phrases.PLACE_FILLER)


def _a_place(text: str, toks: _Tokens, hit: _Hit) -> bool:
    """Is the word a place ("into the pores"): a place word up to PLACE_WINDOW words before, across
    determiners only, in the same clause?"""
    keys = toks.keys
    for k in range(hit.first - 1, max(-1, hit.first - 1 - phrases.PLACE_WINDOW), -1):
        if _CLAUSE_BREAK.search(text, toks.ends[k], toks.starts[k + 1]):
            return False
        if _in_set(keys[k], _PLACE_WORDS):
            return True
        if keys[k] not in _PLACE_FILLER:
            return False
    return False


def _before_skin_type(keys: list[str], hit: _Hit, n: int) -> bool:
    after = hit.last + 1
    if keys[hit.last] == "skin" and after < n and keys[after] in ("type", "types"):  # "mature skin types"
        return True
    return any(tuple(keys[after : after + len(w)]) == w for w in _SKIN_TYPES) or (
        after < n
        and keys[after] in ("and", "or", "und", "oder")
        and any(tuple(keys[after + 2 : after + 2 + len(w)]) == w for w in _SKIN_TYPES)
    )


_WHO_HAS = _Cues.of(phrases.WHO_HAS_CUES)
_SKIN_WORDS = _keys(phrases.SKIN_WORDS)


_PRODUCT_NAME_NOUNS = _keys(phrases.PRODUCT_NAME_NOUNS)


def _in_product_name(text: str, toks: _Tokens, hit: _Hit) -> bool:
    """ "KèraPhine Body Smoothing Lotion", "Naturally Radiant Glycolic Tonic": an effect word inside a
    product's name, three or more capitalised words ending on a product noun, names the product; it is
    not a claim the text makes (the labelled pages never pair it when the text does not say it again)."""
    starts, ends, n = toks.starts, toks.ends, len(toks)
    if not all(_capitalised(text, toks, k, digits=True) for k in range(hit.first, hit.last + 1)):
        return False
    last = hit.last
    while last + 1 < n and _capitalised(text, toks, last + 1, digits=True) and text[ends[last] : starts[last + 1]] in (" ", "-"):
        last += 1
        if toks.keys[last] in _PRODUCT_NAME_NOUNS:
            break
    if toks.keys[last] not in _PRODUCT_NAME_NOUNS:
        return False
    first = _capitalised_run_start(text, toks, hit.first, (" ", "-"), digits=True)
    return text.count(" ", starts[first], ends[last]) >= 2  # words, not a hyphenated compound ("Anti-Aging-Pflege")


def _capitalised(text: str, toks: _Tokens, k: int, *, digits: bool) -> bool:
    """Does word k open with a capital (or, with `digits`, a digit), as the words of a product's name do?"""
    first = text[toks.starts[k] : toks.starts[k] + 1]
    return first.isupper() or (digits and first.isdigit())


def _capitalised_run_start(text: str, toks: _Tokens, k: int, gaps: tuple[str, ...], *, digits: bool) -> int:
    """The first word of the run of capitalised words that ends at word k, each joined to the next by one
    of `gaps`: where a product's name starts ("New Age Defense Hydrator SPF15")."""
    while k > 0 and _capitalised(text, toks, k - 1, digits=digits) and text[toks.ends[k - 1] : toks.starts[k]] in gaps:
        k -= 1
    return k


_SUN_FACTOR = re.compile(r"(?:SPF|LSF)\s?\d+\+?")


def _sun_factor_of_a_name(text: str, toks: _Tokens, hit: _Hit) -> bool:
    """ "the New Age Defense Hydrator SPF15 works by...": the sun factor ends a product's name (two or more
    capitalised words before it); the claims are the product's, not sunscreen's as an ingredient."""
    if hit.first != hit.last or not _SUN_FACTOR.fullmatch(text, toks.starts[hit.first], toks.ends[hit.last]):
        return False
    k = _capitalised_run_start(text, toks, hit.first, (" ",), digits=False)
    return hit.first - k >= 2 and k > 0 and text[toks.ends[k - 1] : toks.starts[k]].strip() == ""


def _after_population_cue(text: str, toks: _Tokens, hit: _Hit) -> bool:
    return _cue_before(text, toks, hit, _POPULATION_CUES, phrases.POPULATION_WINDOW)


def _is_product(
    text: str, toks: _Tokens, hit: _Hit, by_first: dict[int, _Hit], raw_mentions: list[_Hit], ambiguous: dict[int, _Hit]
) -> bool:
    """Is this "collagen" the product: "collagen supplements", "Kollagen zum Trinken", "Drinks mit
    Kollagen", or a list "Hyaluronsäure und Kollagen"?"""
    keys, n = toks.keys, len(toks)
    after = hit.last + 1
    if after < n and toks.joins[after] and _in_set(keys[after], _PRODUCT_AFTER):
        return True
    if after + 1 < n and toks.joins[after] and toks.joins[after + 1] and keys[after] + keys[after + 1] in _PRODUCT_AFTER_PHRASES:
        return True
    before = "".join(keys[max(0, hit.first - 2) : hit.first])
    if hit.first > 0 and (before.endswith(_PRODUCT_BEFORE) or keys[hit.first - 1] in _PRODUCT_BEFORE):
        return True
    start, end = toks.starts[hit.first], toks.ends[hit.last]
    for neighbour in (_neighbour(raw_mentions, hit, -1), _neighbour(raw_mentions, hit, 1)):
        if neighbour is None or neighbour.first in ambiguous:
            continue
        a, b = (toks.ends[neighbour.last], start) if neighbour.first < hit.first else (end, toks.starts[neighbour.first])
        glue = _GLUE.fullmatch(text, a, b) if b - a <= 40 else None
        if glue is not None and glue.group().strip(" ()[]-"):
            return True
    return False


_CONSTITUENT_GOVERNORS = _word_set(phrases.CONSTITUENT_GOVERNORS)
_CONSTITUENT_FILLER = _keys(phrases.CONSTITUENT_FILLER)
_CONSTITUENT_AFTER = _keys(phrases.CONSTITUENT_AFTER)
_CONSTITUENTS = frozenset(phrases.CONSTITUENT_INGREDIENTS)
_CONSTITUENT_WORDS = _keys(phrases.CONSTITUENT_WORDS)


def _skins_own(text: str, toks: _Tokens, hit: _Hit) -> bool:
    """Is this "collagen" the skin's own, whatever else the sentence names: "stimulates collagen",
    "support the skin's natural collagen", "collagen production", "Aufbau von Kollagen"? Then it is the
    effect; an unknown subject ("growth factor serums support collagen production") keeps the claim."""
    keys, n = toks.keys, len(toks)
    after = hit.last + 1
    if after < n and keys[after] in _CONSTITUENT_AFTER:
        return not _CLAUSE_BREAK.search(text, toks.ends[hit.last], toks.starts[after])
    k, skipped = hit.first - 1, 0
    while k >= 0 and skipped <= phrases.CONSTITUENT_WINDOW:
        gap = text[toks.ends[k] : toks.starts[k + 1]]
        # a comma may part a list of what the skin makes; a line break ends the walk ("...Barrier Repair\nCollagen")
        if (_CLAUSE_BREAK.search(gap) and gap.strip() != ",") or "\n" in gap:
            return False
        if _in_set(keys[k], _CONSTITUENT_GOVERNORS):
            return True
        if keys[k] not in _CONSTITUENT_FILLER and keys[k] not in _CONSTITUENT_WORDS:
            return False
        k, skipped = k - 1, skipped + 1
    return False


_SUBJECT_MODALS = _keys(phrases.SUBJECT_MODALS)


def _opens_with_modal(toks: _Tokens, hit: _Hit, sentence: _Sentence) -> bool:
    """ "Collagen can aid in calming...", "Kollagen kann...": the name opens the sentence and a modal follows,
    so it is what the sentence is about, not an effect of something named nearby."""
    return toks.at(sentence.start) == hit.first and hit.last + 1 < len(toks) and toks.keys[hit.last + 1] in _SUBJECT_MODALS


def _neighbour(hits: list[_Hit], hit: _Hit, step: int) -> _Hit | None:
    at = _index_of(hits, hit) + step
    return hits[at] if 0 <= at < len(hits) else None


def _index_of(hits: list[_Hit], hit: _Hit) -> int:
    lo, hi = 0, len(hits)
    while lo < hi:
        mid = (lo + hi) // 2
        if hits[mid].first < hit.first:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _mentions(
    text: str,
    toks: _Tokens,
    hits: list[_Hit],
    kb: KnowledgeBase,
    sentences: _Sentences,
    sentence_of: Any,
    injection_spans: list[tuple[int, int]],
) -> tuple[tuple[Mention, ...], frozenset[int], list[tuple[int, int]]]:
    """Each name with its role; a name listed right after a comparison ("than retinol and salicylic
    acid", "Botulinum toxin (Botox)") is a comparison too. Also where the names the product leaves out
    start ("free of parabens"): a hazard said of them is theirs (kept apart, so a mention costs no more); and
    the span from cue to name of each comparison a cue makes, to be flagged."""
    out: list[Mention] = []
    left_out_at: set[int] = set()
    cued: list[tuple[int, int]] = []  # (cue start, name end) of each name a cue makes a comparison
    flag_at = 0
    injectable: dict[str, bool] = {}  # ingredient id -> an injection or procedure, not also a cream
    named = frozenset(k for h in hits for k in range(h.first, h.last + 1))
    for hit in hits:
        if hit.payload in _SOURCED_AS and (source := _sourced_as(text, hit.payload, toks.starts[hit.first])):
            hit = hit._replace(payload=source)
        start, end = toks.starts[hit.first], toks.ends[hit.last]
        index = sentence_of(start)
        while flag_at < len(injection_spans) and injection_spans[flag_at][1] <= start:
            flag_at += 1
        inside_flag = (
            flag_at < len(injection_spans) and injection_spans[flag_at][0] <= start and end <= injection_spans[flag_at][1]
        )
        if hit.payload in phrases.INJECTED_AS and (
            _injected(text, toks, hit, sentences[index], injection_spans, hits)
            or _injected_topic(toks, hit, sentences[index], out, phrases.INJECTED_AS[hit.payload], sentences)
        ):
            hit = hit._replace(payload=phrases.INJECTED_AS[hit.payload])
        injected = injectable.get(hit.payload)
        if injected is None:  # "PDRN serum" is PDRN's own cream, not an injection named as a cream
            injected = injectable[hit.payload] = _injectable(kb.ingredient(hit.payload))
        clause_start = _clause_start(text, sentences[index].start, start)
        named_in_flag = inside_flag and injected  # not the cream the flag names: "this botox serum"
        cue = None if named_in_flag else _compared_before(text, toks, hit, clause_start)
        cued_after = cue is None and not named_in_flag and _compared_after(text, toks, hit)
        if cue is not None and cue.flagged and _flaggable(text, toks, cue.start, clause_start, start):
            cued.append((toks.starts[cue.start], end))
        elif cued_after:  # "retinol-like", "Botox-Injektionen ähneln": the name and its cue
            after = hit.last + 1 if _in_set(toks.keys[hit.last + 1], _COMPARISON_AFTER) else hit.last + 2
            cued.append((start, toks.ends[after]))
        comparison = (
            named_in_flag or cue is not None or cued_after or (injected and _named_as_cream(text, toks, hit, hits, clause_start))
        )
        if not comparison and out and out[-1].role == "comparison" and out[-1].sentence == index:
            prev = out[-1].span
            glue = _GLUE.fullmatch(text, prev.end, start)
            comparison = glue is not None and end - prev.end < 60
            if comparison and glue.group().strip() == ",":  # "Unlike retinol, bakuchiol...": a bare comma
                comparison = _LIST_GOES_ON.match(text, end) is not None  # continues a list only if one goes on

        previous = out[-1] if out and out[-1].sentence == index and out[-1].span.end >= clause_start else None
        absent = not comparison and (_absent(toks, hit) or _named_absent(text, toks, hit, named))
        predicate = absent or (
            not comparison
            and (
                _predicate(text, toks, hit, clause_start, previous)
                or _apposition(text, out[-1] if out else None, index, start)
                or _adjunct(toks, hit)
                or _held_in(text, start, out, sentences[index], index)
                or _anaphor(toks, hit)
                or (hit.payload in _CONSTITUENTS and _skins_own(text, toks, hit))
            )
        )
        role = "comparison" if comparison else "subject"
        out.append(Mention(hit.payload, kb.name_of(hit.payload), _span(text, start, end), role, index, predicate))
        if absent:
            left_out_at.add(start)
        compared = _COMPARED_INSIDE.get(hit.payload)
        if compared is not None and (named_after := compared[1].search(text, start, end)):
            # "Botox in a jar", "botox-like creams": a cream named after the injection it is set against
            inner, (a, b) = compared[0], named_after.span()
            out.append(Mention(inner, kb.name_of(inner), _span(text, a, b), "comparison", index, False))
    return tuple(out), frozenset(left_out_at), cued


def _flaggable(text: str, toks: _Tokens, cue: int, clause_start: int, name_start: int) -> bool:
    """A cue worth a flag of its own: not a class ("Like all other peptides"), not denied ("doesn't replace
    sunscreen", a disclaimer), not a swapped base ("Statt Alkohol enthält das Tonikum Rosenwasser")."""
    if toks.keys[cue] in _INSTEAD and _SWAPPED_BASE.match(text, name_start):
        return False
    if toks.keys[cue] == "without" and toks.at(name_start) - cue <= 3:  # "made without the alpha arbutin": left out
        return False
    reach = _comparison_reach(text, toks.starts[cue])
    class_after_like = toks.keys[cue] in ("like", "wie") and toks.keys[cue + 1] in _CLASS_AFTER_LIKE
    return not class_after_like and not _denied_before(text, toks, cue, toks.at(clause_start), toks.starts[cue], reach)


_INSTEAD = _keys(phrases.INSTEAD_WORDS)
_SWAPPED_BASE = re.compile(phrases.SWAPPED_BASE, re.IGNORECASE)


_INJECTION = _word_set(phrases.INJECTION_WORDS)
_INJECTION_DENIED = _keys(phrases.INJECTION_DENIED)


def _injected(text: str, toks: _Tokens, hit: _Hit, sentence: _Sentence, flagged: list[tuple[int, int]], hits: list[_Hit]) -> bool:
    """Is this cream ingredient named as what is injected ("Faltenunterspritzung mit Hyaluronsäure")?"""
    keys = toks.keys
    lo = max(toks.at(sentence.start), hit.first - phrases.INJECTION_WINDOW)
    hi = min(toks.at(sentence.end), hit.last + 1 + phrases.INJECTION_WINDOW)
    at = _index_of(hits, _Hit(lo, lo, ""))
    named = {k for h in hits[at : _index_of(hits, _Hit(hi, hi, ""))] for k in range(h.first, h.last + 1)}
    for k in range(lo, hi):
        booster = keys[k] in ("booster", "boosters") and k > 0 and keys[k - 1] == "skin"  # "skin boosters" are injected
        if k in named or not (booster or _in_set(keys[k], _INJECTION)):
            continue  # a word of a name ("Hyaluronsäure-Filler") is that name's
        if any(s <= toks.starts[k] < e for s, e in flagged):
            continue  # "ohne Spritze", "needle-free": compared with, not done
        if any(keys[j] in _INJECTION_DENIED for j in range(max(lo, k - 3), k)):
            continue
        return True
    return False


_SOURCED_AS = {
    general: tuple((entry, re.compile(pattern, re.IGNORECASE)) for entry, pattern in sources)
    for general, sources in phrases.SOURCED_AS.items()
}


def _sourced_as(text: str, general: str, at: int) -> str | None:
    """The entry a general name stands for when the text around it gives its one source ("exosomes ...
    derived from stem cells" are lab-made); None when it names none or several. Only SOURCE_WINDOW
    characters either way count, so a long text read in pieces reads the same."""
    lo, hi = max(0, at - phrases.SOURCE_WINDOW), min(len(text), at + phrases.SOURCE_WINDOW)
    found = {entry for entry, pattern in _SOURCED_AS[general] if pattern.search(text, lo, hi)}
    return found.pop() if len(found) == 1 else None


def _injected_topic(
    toks: _Tokens, hit: _Hit, sentence: _Sentence, before: list[Mention], injected: str, sentences: _Sentences
) -> bool:
    """A page about skin boosters goes on about "the hyaluronic acid" they inject: once the injection is a
    subject of the paragraph, the plain name is it too, unless its sentence speaks of a cream."""
    for m in reversed(before):  # the paragraph's names are the last ones before this
        if sentences[m.sentence].paragraph != sentence.paragraph:
            return False
        if m.ingredient == injected and m.role == "subject":
            break
    else:
        return False
    keys = toks.keys
    return not any(keys[k] in _CREAM_WORDS for k in range(toks.at(sentence.start), min(len(keys), toks.at(sentence.end))))


_CREAM_WORDS = _PRODUCT_NOUNS | _TOPICAL | _keys(phrases.APPLIED_WORDS)


_LIST_GOES_ON = re.compile(r"\s*(?:,|and\b|or\b|und\b|oder\b|sowie\b|&)", re.IGNORECASE)
_UP_TO_LAST_BREAK = re.compile(rf"(?s).*{_CLAUSE_BREAK.pattern}")


def _clause_start(text: str, sentence_start: int, offset: int) -> int:
    """Where the clause holding `offset` begins: after the last comma, colon, bracket or dash before it
    (looked for at most 200 characters back)."""
    lo = max(sentence_start, offset - 200)
    m = _UP_TO_LAST_BREAK.match(text, lo, offset)
    return m.end() if m else lo


class _Cue(NamedTuple):
    """Where a comparison cue before a name starts (a word index), and whether it earns a flag of its own.
    "as ... as" and "wie" make a name a comparison more often than they make a marketing comparison ("as
    revered as retinol", "so universell empfohlen wie Retinol"): on the labelled sets 3 of 17 such flags
    were labelled, against 16 of 31 for the other cues, so they set the role but raise no flag."""

    start: int
    flagged: bool


def _compared_before(text: str, toks: _Tokens, hit: _Hit, clause_start: int) -> _Cue | None:
    """The comparison cue up to COMPARISON_GAP words before the name, in the same clause, if there is one."""
    keys = toks.keys
    first = max(toks.at(clause_start), hit.first - phrases.COMPARISON_GAP - 6)
    for k in range(hit.first - 1, first - 1, -1):
        key = keys[k]
        if key not in _FIRST_WORDS:
            continue
        if key in _FORM_WORDS:
            if k + 1 < hit.first and keys[k + 1] in ("of", "von") and _comparative_class(toks, k):
                start = next((j for j in range(max(first, k - 3), k) if keys[j] not in _NOT_OPENING), k)
                return _Cue(start, True)  # "retinaldehyde, a gentler, more bioavailable form of vitamin A"
            continue
        for cue in _COMPARISON_CUES:
            end = k + len(cue)
            if tuple(keys[k:end]) == cue and end <= hit.first and hit.first - end <= phrases.COMPARISON_GAP:
                if _GERMAN_CUE_WORDS.intersection(cue) and _verb_after_compared(text, toks, end, hit.first):
                    return None
                return _Cue(k, True)
        if hit.first - k - 1 > phrases.COMPARISON_GAP:
            continue
        if key == "like" and _like_is_comparison(text, toks, k):
            return _Cue(k, True)
        if key == "as" and _as_is_comparison(keys, k, first):
            return _Cue(k, False)  # "as potent as", "the same benefits as"
        if key == "wie" and _wie_is_comparison(text, toks, k):
            return _Cue(k, False)  # "genauso wirksam wie", "so reizend wie"
        for j in (1, 2, 3):
            if key == "als" and k - j >= first and _is_comparative(text, toks, k - j):
                if _NAMING_WORDS.intersection(keys[k - j + 1 : k]):
                    break  # "besser bekannt als BHA": a name, not a comparison
                return _Cue(k - j, True)  # "stärker als", "der potentere Wirkstoff als"
    return _drawback_of(text, toks, hit, first)


_DRAWBACK_OF_AFTER = _keys(phrases.DRAWBACK_OF_AFTER)
_WITHOUT = _keys(phrases.WITHOUT_WORDS)


def _drawback_of(text: str, toks: _Tokens, hit: _Hit, first: int) -> _Cue | None:
    """ "without retinol-associated side effects": the name's drawbacks, which the subject is said to lack."""
    after = hit.last + 1
    if after >= len(toks) or toks.keys[after] not in _DRAWBACK_OF_AFTER or text[toks.ends[hit.last] : toks.starts[after]] != "-":
        return None
    return next(
        (_Cue(k, True) for k in range(hit.first - 1, max(first, hit.first - 3) - 1, -1) if toks.keys[k] in _WITHOUT), None
    )


# After "like" or "wie": a class the subject belongs to, or examples, not what it is compared with.
_CLASS_AFTER_LIKE = _keys(phrases.CLASS_AFTER_LIKE)
_SENTENCE_BREAK = re.compile(r"[.!?:\n]")
_NOT_OPENING = _keys(phrases.NOT_OPENING_A_COMPARISON)
_WIE_COMPARES = _keys(phrases.WIE_COMPARES_BEFORE)
_NAMING_WORDS = _keys(phrases.NAMING_WORDS)


_NOUN_PHRASE_WORDS = _keys(phrases.NOUN_PHRASE_WORDS)
_GERMAN_CUE_WORDS = _keys(phrases.GERMAN_COMPARISON_WORDS)


def _verb_after_compared(text: str, toks: _Tokens, lo: int, hi: int) -> bool:
    """ "Im Vergleich zu Retinol wirkt Retinal ...", "Als Alternative zu Hydrochinon hellt Alpha-Arbutin ...":
    a capitalised name after a German cue, then a lower-case verb before this name. The comparison ended with
    the first name; German puts its verb, then the subject, after a fronted phrase. (English capitalises
    names, not nouns: "compared to Vitamin A derivatives like retinol" goes on.)"""
    capital = False
    for k in range(lo, hi):
        word = text[toks.starts[k] : toks.ends[k]]
        if word[:1].isupper():
            capital = True
        elif capital and toks.keys[k] not in _NOUN_PHRASE_WORDS and not word[:1].isdigit():
            return True
    return False


def _like_is_comparison(text: str, toks: _Tokens, k: int) -> bool:
    """ "like Botox", "works like a filler", "Snail mucin, like hyaluronic acid, draws water" compare; "we like
    retinol" does not, nor do examples: "ingredients like retinol", "proven ingredients, like vitamin A"."""
    if k == 0:
        return True
    before = toks.keys[k - 1]
    if "," in text[toks.ends[k - 1] : toks.starts[k]]:  # ", like X," compares after a single thing ("Snail mucin,
        return before not in _LIKE_EXAMPLES and not before.endswith("s")  # like hyaluronic acid, draws water")
    if before not in _LIKE_VERBS_IN_S and len(before) > 3 and before.endswith("s") and not before.endswith("ss"):
        return _comparative_class(toks, k - 1)  # a plural noun: "moisturizing agents like hyaluronic acid"
    if before in _LIKE_EXAMPLES:
        return _comparative_class(toks, k - 1)
    return before not in _LIKE_VERB_BEFORE


_NOT_COMPARATIVE_ER = _keys(phrases.NOT_COMPARATIVE_ER)


def _comparative_class(toks: _Tokens, noun: int) -> bool:
    """Are the examples after this noun those of a class set against the subject: "harsher brightening
    ingredients like vitamin C or retinol", "less gentle acids like glycolic"?"""
    for j in range(noun - 1, max(-1, noun - 4), -1):
        word = toks.keys[j]
        if word in ("more", "less", "mehr", "weniger") or (
            len(word) > 4 and word.endswith("er") and word not in _NOT_COMPARATIVE_ER
        ):
            return True
    return False


def _as_is_comparison(keys: list[str], k: int, first: int) -> bool:
    """ "as potent as", "the same ... as", "works as well as" compare; "known as", "used as" do not."""
    if k >= 2 and keys[k - 2] == "as":  # "as potent as X"
        return True
    if k >= 3 and keys[k - 2] == "well" and keys[k - 3] == "as":  # "as well as": a comparison after a verb only
        return k >= 4 and keys[k - 4] in _AS_WELL_VERBS
    return any(keys[j] in _SAME for j in range(max(first, k - 5), k))


def _wie_is_comparison(text: str, toks: _Tokens, k: int) -> bool:
    """ "so wirksam wie Botox", "einen ähnlichen Effekt wie Botox" compare; "Wirkstoffe wie Retinol" and
    ", wie Peptide" list examples (", wie es mit einer Botox-Spritze der Fall ist" compares again)."""
    following = toks.keys[k + 1] if k + 1 < len(toks) else ""
    if following in _CLASS_AFTER_LIKE:  # "wie alle Naturkosmetik", "wie beispielsweise Q10": a class, examples
        return False
    next_word = text[toks.starts[k + 1] : toks.ends[k + 1]] if k + 1 < len(toks) else ""
    opens = k == 0 or _SENTENCE_BREAK.search(text, toks.ends[k - 1], toks.starts[k])
    if opens and next_word.islower() and following not in _WIE_COMPARES:
        return False  # "Wie wirkt Retinol?": a question, not "Wie Botox ..." or "Wie bei Botox ..."
    if k == 0:
        return True
    between = text[toks.ends[k - 1] : toks.starts[k]]
    if "," in between:
        return following in {"es", "er", "man", "bei", "mit"}
    word = text[toks.starts[k - 1] : toks.ends[k - 1]]
    if word[:1].isupper() and word.lower().endswith(("e", "en", "n", "s", "er")) and len(word) > 3:
        return False  # a plural noun: "Inhaltsstoffe wie", "Krankheiten wie"
    return True


def _is_comparative(text: str, toks: _Tokens, k: int) -> bool:
    """A German comparative before "als": "stärker", "wirkungsvoller", "anders", "mehr"."""
    key = toks.keys[k]
    if key in _COMPARATIVES:
        return True
    word = text[toks.starts[k] : toks.ends[k]]
    # "stärker", and inflected before a noun: "der potentere Wirkstoff als", "eine mildere Alternative als"
    stem = key.removesuffix("en").removesuffix("e") if key.endswith(("ere", "eren")) else key
    return word.islower() and stem.endswith("er") and stem not in _NOT_COMPARATIVES and len(stem) > 4


def _compared_after(text: str, toks: _Tokens, hit: _Hit) -> bool:
    """ "retinol-like", "Botox®-alternative", "a Botulinum toxin type A mimic", "dem Botox ähnlich",
    "denen von Botox-Injektionen ähneln": a cue in the next word, or in the word after a hyphenated
    part of the name's compound ("Botox-Injektionen")."""
    n, first = len(toks), hit.last + 1
    if first >= n or not toks.joins[first] or _CLAUSE_BREAK.search(text, toks.ends[hit.last], toks.starts[first]):
        return False
    if _in_set(toks.keys[first], _COMPARISON_AFTER):
        # "a Botox mimic" compares; "Parabens mimic estrogen" is the subject doing it
        return toks.keys[first] not in ("mimic", "mimics") or (hit.first > 0 and toks.keys[hit.first - 1] in ("a", "an", "the"))
    if toks.hard[first]:  # a separate word that is no cue
        return False
    second = first + 1
    return (
        second < n
        and bool(toks.joins[second])
        and not _CLAUSE_BREAK.search(text, toks.ends[first], toks.starts[second])
        and _in_set(toks.keys[second], _COMPARISON_AFTER)
    )


def _named_as_cream(text: str, toks: _Tokens, hit: _Hit, hits: list[_Hit], clause_start: int) -> bool:
    """An injection or procedure named as a cream: "Botox-Creme", "Botox-Gel", "topical 'Botox'",
    "sein Serum «Hyaluron Cellular Filler»", "«Hyaluron-Filler»"."""
    keys, n = toks.keys, len(toks)
    after = hit.last + 1
    if after < n and toks.joins[after] and _in_set(keys[after], _CREAM_NOUNS):
        return True
    for k in range(max(toks.at(clause_start), hit.first - 4), hit.first):
        if keys[k] in _TOPICAL and hit.first - k <= 2:
            return True
        if _in_set(keys[k], _CREAM_NOUNS) and _QUOTES_RE.search(text, toks.ends[k], toks.starts[hit.first]):
            return True
    at = _index_of(hits, hit)
    if at > 0:  # another name right before it, as in a product's name: "Hyaluron-Filler", "Hyaluron Cellular Filler"
        prev = hits[at - 1]
        gap = hit.first - prev.last - 1
        if gap == 0:
            return toks.joins[hit.first] and not toks.hard[hit.first]
        if gap == 1:
            middle = prev.last + 1
            return bool(toks.joins[middle] and toks.joins[hit.first]) and keys[middle] not in _GLUE_KEYS
    return False


_QUOTES_RE = re.compile(f"[{re.escape(_QUOTES)}]")


def _cleft(text: str, toks: _Tokens, pronoun: int, hit: _Hit) -> bool:
    """ "It is the vitamin E in the blend that protects...", "Es ist das Niacinamid, das Rötungen mildert":
    "it" + copula + (the) name + "that" singles the name out as the subject of what follows."""
    keys = toks.keys
    if keys[pronoun] not in _CLEFT_PRONOUNS:
        return False
    between = [keys[j] for j in range(pronoun + 2, hit.first) if keys[j] != "s"]
    if any(w not in _CLEFT_DETERMINERS for w in between):
        return False  # "It is a peptide that...": what it is, not which one
    for j in range(hit.last + 1, min(len(toks), hit.last + 6)):
        if keys[j] in _CLEFT_RELATIVES or (
            keys[j] in _CLEFT_RELATIVES_AFTER_COMMA and "," in text[toks.ends[j - 1] : toks.starts[j]]
        ):
            return True
        if keys[j] in _CLEFT_BREAKS:
            return False
    return False


_CLEFT_PRONOUNS = _keys(phrases.CLEFT_PRONOUNS)
_CLEFT_DETERMINERS = _keys(phrases.CLEFT_DETERMINERS)
_CLEFT_RELATIVES = _keys(phrases.CLEFT_RELATIVES)
_CLEFT_RELATIVES_AFTER_COMMA = _keys(phrases.CLEFT_RELATIVES_AFTER_COMMA)
_CLEFT_BREAKS = _keys(phrases.CLEFT_BREAKS)


def _predicate(text: str, toks: _Tokens, hit: _Hit, clause_start: int, previous: Mention | None) -> bool:
    """ "It is a peptide", "Das sind Peptide", "Argireline is the trade name for a synthetic peptide": a
    pronoun or a name, then a copula, before this name in the same clause make it say what that subject
    is; it is not a new subject."""
    keys = toks.keys
    first = max(toks.at(clause_start), hit.first - 5)
    for k in range(first, hit.first - 1):
        copula = keys[k + 1] in _COPULAS or (keys[k + 1] == "s" and toks.joins[k + 1] and not toks.hard[k + 1])  # "It's"
        if keys[k] in _PREDICATE_PRONOUNS and copula and not _new_clause(keys, k + 2, hit.first):
            return not _cleft(text, toks, k, hit)
    if previous is not None and previous.role == "subject":
        after_previous = toks.at(previous.span.end)
        copulas = [k for k in range(after_previous, hit.first) if keys[k] in _COPULAS]
        if hit.first - after_previous <= 8 and copulas and not _new_clause(keys, copulas[-1] + 1, hit.first):
            return True
    return _describes_a_form(toks, hit, clause_start)


_DESCRIBED_FORMS = _keys(phrases.DESCRIBED_FORMS)
_INDEFINITE = _keys(phrases.INDEFINITE_ARTICLES)


def _describes_a_form(toks: _Tokens, hit: _Hit, clause_start: int) -> bool:
    """ "Retinal\nA fast-acting form of vitamin A that smooths wrinkles": a clause opening on "a ... form
    of" a name describes what its subject (the heading, the name before) is; the name is not the subject."""
    keys, first = toks.keys, toks.at(clause_start)
    return (
        hit.first >= 2
        and keys[hit.first - 1] in ("of", "von")
        and keys[hit.first - 2] in _DESCRIBED_FORMS
        and first < hit.first - 2
        and keys[first] in _INDEFINITE
        and hit.first - 2 - first <= 4
    )


_NEW_CLAUSE = _keys(phrases.NEW_CLAUSE_WORDS)
_ADJUNCT_CUES = _Cues.of(phrases.ADJUNCT_CUES).phrases
_ADJUNCT_LAST = frozenset(c[-1] for c in _ADJUNCT_CUES)


_DEMONSTRATIVES = _keys(phrases.DEMONSTRATIVES)


def _anaphor(toks: _Tokens, hit: _Hit) -> bool:
    """ "These peptides", "dieser Wirkstoff": a class word after a demonstrative refers back to the
    ingredient before; it is not a new subject (the sentence continues that one)."""
    keys = toks.keys
    return (
        hit.first == hit.last
        and hit.first > 0
        and keys[hit.first] in _INGREDIENT_NOUNS
        and keys[hit.first - 1] in _DEMONSTRATIVES
    )


_ABSENT_AFTER = _keys(phrases.ABSENT_AFTER)
_ABSENT_BEFORE = _Cues.of(phrases.ABSENT_BEFORE)
_ABSENT_FILLER = _keys(phrases.ABSENT_FILLER)
_LIST_JOIN = re.compile(r"[ \t]*,?[ \t]+|,|[ \t]*\([ \t]*")


def _named_absent(text: str, toks: _Tokens, hit: _Hit, named: frozenset[int]) -> bool:
    """ "No chemicals and parabens", "made without parabens, sulfates or phthalates": a name in the list of
    what the product leaves out is no subject. `named` holds the word indexes of every name in the text."""
    keys, starts, ends = toks.keys, toks.starts, toks.ends
    other, words, conjunction, closed = 0, 0, False, False
    for k in range(hit.first - 1, -1, -1):  # names cost nothing: a long list still reaches its cue
        gap = text[ends[k] : starts[k + 1]]
        if not _LIST_JOIN.fullmatch(gap):
            return False
        if "," in gap and not conjunction and keys[k + 1] not in _CONJUNCTIONS:
            closed = True  # "A, B or C, our serum": a comma with no conjunction after it ends the list
        if _ABSENT_BEFORE.ends_at(keys, k):
            return not closed or _LIST_GOES_ON.match(text, ends[hit.last]) is not None
        if k in named:
            continue
        words += 1
        if words > 9:
            return False
        if keys[k] in _ABSENT_FILLER:
            conjunction = conjunction or keys[k] in _CONJUNCTIONS
            continue
        other += 1
        if other > phrases.ABSENT_OTHER_WORDS:
            return False
    return False


_CONJUNCTIONS = _keys(phrases.LIST_CONJUNCTIONS)


def _absent(toks: _Tokens, hit: _Hit) -> bool:
    """ "A fragrance-free moisturiser": the name says what the product lacks; it is no subject."""
    after = hit.last + 1
    return after < len(toks) and toks.keys[after] in _ABSENT_AFTER and bool(toks.joins[after])


def _adjunct(toks: _Tokens, hit: _Hit) -> bool:
    """A name right after "combined with", "in combination with" is used alongside the subject; it is
    not a subject itself (it is no comparison either)."""
    keys = toks.keys
    if hit.first == 0 or keys[hit.first - 1] not in _ADJUNCT_LAST:
        return False
    return any(tuple(keys[max(0, hit.first - len(c)) : hit.first]) == c for c in _ADJUNCT_CUES)


_HELD_IN = re.compile(rf"\b(?:{_alternation(phrases.HELD_IN_CUES)})\s+(?:[^\W\d_]+\s+){{0,2}}?$", re.IGNORECASE)


def _held_in(text: str, start: int, before: list[Mention], sentence: _Sentence, index: int) -> bool:
    """Is the name one in a list of what an ingredient holds ("Aloe vera, reich an Vitamin E, ...", "Rich in
    vitamins C and E, it helps ...")? Not when a product holds it ("a serum rich in ceramides", "Loaded with
    kojic acid ... to fade dark spots"): then the claim is the name's."""
    previous = before[-1] if before and before[-1].sentence == index else None
    if previous is not None and previous.predicate and _GLUE.fullmatch(text, previous.span.end, start):
        cue_at = previous.span.start  # a later item of the same list: "rich in vitamin C, vitamin E and ..."
    else:
        cue_at = start
    cue = _HELD_IN.search(text, max(sentence.start, cue_at - 60), cue_at)
    if cue is None:
        return False
    holder = any(m.sentence == index and m.role == "subject" and not m.predicate and m.span.end <= cue.start() for m in before)
    fronted = not text[sentence.start : cue.start()].strip(" \t\n-*\u2022")  # the sentence opens on the cue ...
    return holder or (fronted and _THEN_PRONOUN.search(text, start, sentence.end) is not None)  # ... then "it"


_THEN_PRONOUN = re.compile(r",\s*(?:it|they|es|sie|er)\b", re.IGNORECASE)


def _new_clause(keys: list[str], lo: int, hi: int) -> bool:
    """Does a new clause with its own subject start between a copula and a name ("That was until I
    discovered lactic acid"), or a verb make the copula a passive ("is blended with shea butter")? Then
    the name is not what the copula's subject is."""
    return any(
        keys[k] in _NEW_CLAUSE or (keys[k].endswith("ed") and len(keys[k]) > 4 and keys[k] not in _NAMING) or keys[k] == "with"
        for k in range(lo, hi)
    )


_NAMING = _keys(phrases.NAMING_PARTICIPLES)


_ARTICLE_AND_WORDS = r"(?:an?|the|ein|eine|einer|einem|der|die|das)\s+(?:[\w-]+\s+){0,3}"
_NAMED_AS = (
    r"(?:(?:often|also|sometimes|widely|commonly)\s+)?(?:" + "|".join(phrases.NAMING_PARTICIPLES) + r")(?:\s+(?:to\s+)?as)?\s+"
)
_APPOSITION = re.compile(
    rf"\s*(?:,|\u2014|\u2013|\s-|\()\s*(?:{_NAMED_AS}(?:(?:an?|the)\s+)?(?:[\w-]+\s+){{0,3}}|{_ARTICLE_AND_WORDS})",
    re.IGNORECASE,
)


def _apposition(text: str, previous: Mention | None, sentence: int, start: int) -> bool:
    """ "Lactic acid \u2014 a gentle AHA", "Retinal, a potent vitamin A derivative": a name set after another with
    an article says what that one is; it is not a second subject."""
    if previous is None or previous.sentence != sentence or previous.role != "subject" or start - previous.span.end > 60:
        return False
    if _GLOSS.fullmatch(text, previous.span.end, start):  # "AHA (alpha hydroxy acid)": the same name spelled out
        return previous.predicate
    return _APPOSITION.fullmatch(text, previous.span.end, start) is not None


_GLOSS = re.compile(r"\s*\(\s*")


def _negation(text: str, toks: _Tokens, hit: _Hit) -> Span | None:
    """The negation word(s) up to NEGATION_WINDOW words before a phrase, or a German "nicht" right
    after it ("reizt nicht"), in the same clause; None when there is none."""
    keys, starts, ends = toks.keys, toks.starts, toks.ends
    n = len(keys)
    for k in range(hit.last + 1, min(hit.last + 1 + phrases.NEGATION_AFTER_WINDOW, n)):
        if _CLAUSE_BREAK.search(text, ends[k - 1], starts[k]):
            break
        if keys[k] in _NOT_NEGATION_FOLLOWING:
            return None
        following = keys[k + 1] if k + 1 < n else ""
        if keys[k] in _NEGATIONS_AFTER and following not in _NOT_NEGATION_AFTER:
            return _span(text, starts[k], ends[k])
    k = hit.first - 1
    while k >= 0 and hit.first - k <= phrases.NEGATION_WINDOW:
        if _CLAUSE_BREAK.search(text, ends[k], starts[k + 1]):
            return None
        key, following = keys[k], keys[k + 1]
        if (key, following) in _NEGATION_PAIRS:
            return _span(text, starts[k], ends[k + 1])
        prefix_only = toks.joins[k + 1] and not toks.hard[k + 1] and following != "t" and k + 1 < hit.first  # "non-invasive"
        if key in _NEGATIONS and following not in _NOT_NEGATION_AFTER and not prefix_only:
            end = ends[k + 1] if following == "t" and k + 1 < hit.first else ends[k]  # "doesn't"
            return _span(text, starts[k], end)
        k -= 1
    return None


class _Pair(NamedTuple):
    mention: Mention
    effect: EffectPhrase
    attribution: str


_ASIDE_OPEN = re.compile(r"\s*\([^()\n]{0,40}")
_ASIDE_CLOSE = re.compile(r"[^()\n]{0,40}\)")


def _groups(text: str, subjects: list[Mention], effects: Sequence[EffectPhrase] = ()) -> list[list[Mention]]:
    """Ingredients named one after another ("retinol and niacinamide", "fruit acids (AHAs and PHAs)"). A
    class before its examples ("a gentle AHA such as glycolic acid") is left out: the claim is the
    example's, the ingredient the text names. An aside that makes a claim ("Argireline (expression line
    smoothing), and Copper Peptides (antioxidant)") ends the list: each item has its own."""
    groups: list[list[Mention]] = []
    aside_end = -1  # where the last name inside an item's own aside ends: "Retinol (Vitamin A derivative)"
    for m in subjects:
        end = groups[-1][-1].span.end if groups else 0
        if (
            groups
            and m.ingredient == groups[-1][-1].ingredient
            and _ASIDE_OPEN.fullmatch(text, end, m.span.start)
            and _ASIDE_CLOSE.match(text, m.span.end)
        ):
            aside_end = m.span.end  # the item explained in its aside, not a new item
            continue
        if groups and aside_end > end and not _GLUE.fullmatch(text, end, m.span.start):
            end = aside_end  # "Fruit acids (AHAs and PHAs)": the list goes on inside the aside
        if groups and _GLUE.fullmatch(text, end, m.span.start) and not any(end <= e.span.start < m.span.start for e in effects):
            if len(groups[-1]) == 1 and _EXAMPLES.search(text, groups[-1][-1].span.end, m.span.start):
                groups[-1] = [m]
            else:
                groups[-1].append(m)
        else:
            groups.append([m])
    return groups


_EXAMPLES = re.compile(
    r"\b(?:such\s+as|e\.?g\.?|for\s+example|z\.\s?B\.?|zum\s+Beispiel|beispielsweise|wie\s+etwa)\b", re.IGNORECASE
)


def _reference(text: str, sentence: _Sentence, toks: _Tokens, first_tok: int, until: int) -> str | None:
    """How a sentence refers back to what came before: "plural" ("they", "these", "Sie", "these two
    ingredients", a bullet, a leading connective), "singular" ("it", "this"), "product" ("the serum",
    "this formulation", "diese Creme": the product the paragraph opened with), or None."""
    pos = sentence.start
    while pos < sentence.end and text[pos] in "\r\n":
        pos += 1
    if _BULLET.match(text, pos):
        return "plural"
    keys, starts, n = toks.keys, toks.starts, len(toks)
    opening = "".join(keys[first_tok : first_tok + 2]) if first_tok + 1 < n and starts[first_tok + 1] < until else ""
    if first_tok < n and (keys[first_tok] in _CONNECTIVES or opening in _CONNECTIVES):  # "also", "in addition"
        return "plural"
    k = first_tok
    while k < n and starts[k] < until:
        key = keys[k]
        if (key in _ARTICLES or (key in _POSSESSIVES and k == first_tok)) and k + 1 < n and starts[k + 1] < until:
            following = keys[k + 1]
            if following in _PRODUCT_NOUNS or _product_after_adjectives(text, toks, k + 1, until):
                return "product"  # "the serum", "this gentle formulation", "its lightweight, fast-absorbing gel"
            if following in _INGREDIENT_NOUNS:
                return "plural"
        if key in _BOTH:
            j = k + 1
            while j < n and j - k <= 2 and keys[j] in _BOTH_ADVERBS:  # "Both also help", "Beide sorgen zudem"
                j += 1
            if j < n and (keys[j] in _INGREDIENT_NOUNS or keys[j] in _BOTH_VERBS):
                return "plural"  # "Both compounds promote collagen", "Beide wirken"
        if key in _PRONOUNS or key == "es":
            opens = k == first_tok or _CLAUSE_BREAK.search(text, toks.ends[k - 1], starts[k]) is not None
            if opens or key not in _POSSESSIVES or _inverted_es(text, toks, first_tok, k):
                return "singular" if key in _SINGULAR else "either" if key in _EITHER_NUMBER else "plural"
        k += 1
    return None


def _inverted_es(text: str, toks: _Tokens, first_tok: int, k: int) -> bool:
    """German puts the subject after the verb when another word opens the sentence: "Dort stimuliert es die
    Kollagenproduktion", "Gleichzeitig mindert es ..." ("Dort gibt es ..." is no one)."""
    if toks.keys[k] != "es" or k != first_tok + 2 or toks.keys[k - 1] in _EXPLETIVE_AFTER:
        return False
    verb = text[toks.starts[k - 1] : toks.ends[k - 1]]
    return verb[:1].islower() and text[toks.ends[first_tok] : toks.starts[k - 1]] == " "


def _product_after_adjectives(text: str, toks: _Tokens, k: int, until: int) -> bool:
    """Up to two lower-case words, commas between them allowed, then a product noun: "gentle formulation",
    "lightweight, fast-absorbing serum" (not "skin's" or a name: a capital or an apostrophe ends the look)."""
    keys, starts, n = toks.keys, toks.starts, len(toks)
    for j in range(k, min(k + 3, n)):
        if starts[j] >= until:
            return False
        if keys[j] in _PRODUCT_NOUNS:
            return j > k
        word = text[starts[j] : toks.ends[j]]
        if not word[:1].islower() or "'" in word or "’" in word:
            return False
    return False


def _opens_on_ingredients(toks: _Tokens, first_tok: int) -> bool:
    """Does the sentence open with "these chemicals", "this ingredient", "the serum"?"""
    keys = toks.keys
    return (
        first_tok + 1 < len(keys)
        and keys[first_tok] in _DEMONSTRATIVES
        and (keys[first_tok + 1] in _INGREDIENT_NOUNS or keys[first_tok + 1] in _PRODUCT_NOUNS)
    )


_BOTH = _keys(phrases.BOTH_WORDS)
_THEY = _keys(phrases.THEY_WORDS)
_BOTH_VERBS = _keys(phrases.BOTH_VERBS)
_BOTH_ADVERBS = _keys(phrases.BOTH_ADVERBS)


def _is_background(text: str, toks: _Tokens, sentence: _Sentence, first_tok: int) -> bool:
    """A sentence about how skin ages or what collagen is ("As we age...", "Collagen is a protein...")
    claims nothing for the ingredient before it."""
    if _BACKGROUND.search(text, sentence.start, sentence.end):
        return True
    keys, k = toks.keys, first_tok
    if k < len(keys) and keys[k] in _ARTICLES:
        k += 1
    for words in _DEFINED:
        if tuple(keys[k : k + len(words)]) == words and k + len(words) < len(keys) and keys[k + len(words)] in _COPULAS:
            return True
    return False


_DASH = re.compile("[;\u2013\u2014]|\\s-\\s")


def _contrast_between(text: str, toks: _Tokens, a: int, b: int) -> bool:
    """Is there a "while", "but", "während", a dash or a semicolon between offsets a and b?"""
    if _DASH.search(text, a, b):
        return True
    for k in range(toks.at(a), min(toks.at(b), toks.at(a) + 40)):
        if toks.keys[k] in _CONTRAST:
            return True
    return False


def _describes(text: str, toks: _Tokens, eff: EffectPhrase, name_start: int) -> bool:
    """Is this effect an adjective set right before a name ("soothing shea butter", "calming, hydrating
    aloe"), so that it describes that ingredient?"""
    between = text[eff.span.end : name_start]
    if _CLASS_EXAMPLES.fullmatch(between):
        return True  # a class and its members: "hydrators (amino acids, ceramides)", "antioxidants (vitamin E)"
    last = toks.at(eff.span.end) - 1
    word = toks.keys[last]
    if not word.endswith(_PARTICIPLE_ENDINGS) or toks.at(eff.span.start) != last:
        return False
    return len(between) <= 40 and _ADJECTIVES_ONLY.fullmatch(between) is not None


_CLASS_EXAMPLES = re.compile(
    r"[\w-]*\s*\(\s*(?:(?:like|such\s+as|e\.\s?g\.|incl\.|including|z\.\s?B\.|wie|etwa)\s*,?\s*)?(?:[^(),.;:]{1,30},\s*){0,2}",
    re.IGNORECASE,
)


_PARTICIPLE_ENDINGS = ("ing", "end", "ende", "enden", "ender", "endes")  # "soothing", "beruhigende"
_ADJECTIVES_ONLY = re.compile(
    r"(?:\s*,?\s*(?:and\s+|und\s+)?[\w-]*(?:ing|end(?:e[nrs]?)?|rich|reich)\b)*\s*,?\s*"
    r"(?:(?:ingredients?|actives?|Inhaltsstoffen?|Wirkstoffen?)\s+(?:like|such\s+as|wie)\s+)?",  # "hydrating ingredients like"
    re.IGNORECASE,
)
_NEW_SUBJECT = _keys(phrases.NEW_SUBJECT_AFTER_CONTRAST)
_VERB_BEFORE_CONTRAST = _keys(phrases.VERB_BEFORE_CONTRAST)


def _new_subject_between(text: str, toks: _Tokens, a: int, b: int) -> bool:
    """Is there a "while 12 other filters...", "but the skin..." between offsets a and b: a contrast word
    opening a clause with its own subject?"""
    lo, hi = toks.at(a), toks.at(b)
    for k in range(lo, min(hi, lo + 40) - 1):
        if toks.keys[k] in _CONTRAST and (
            toks.keys[k + 1] in _NEW_SUBJECT or toks.keys[k + 1][:1].isdigit() or _unknown_after(text, toks, k + 1, b)
        ):
            if k > lo and toks.keys[k - 1] in _VERB_BEFORE_CONTRAST:
                continue  # "kann aber die Haut reizen": the verb came first, the subject is the one before
            return True
    return False


def _unknown_after(text: str, toks: _Tokens, k: int, until: int) -> bool:
    """Does an ingredient the knowledge base lacks open the clause at word k ("..., while whey protein
    strengthens collagen")? Up to three words, read in the EU inventory."""
    if toks.keys[k] in _NOT_UNKNOWN or toks.keys[k] in _PRONOUNS or toks.keys[k] in _CONNECTIVES:
        return False
    return toks.ends[k] <= until and _inventory_name_at(text, toks, k, until) is not None


def _pair(
    text: str,
    toks: _Tokens,
    sentences: _Sentences,
    mentions: tuple[Mention, ...],
    effects: list[EffectPhrase],
    left_out_at: frozenset[int] = frozenset(),
) -> tuple[list[_Pair], list[EffectPhrase], dict[int, list[Mention]]]:
    """Pair each effect phrase with the ingredients it is claimed for (see the module docstring).
    Mentions and effects are bucketed by sentence once, so each sentence sees only its own."""
    subjects_by_sentence: dict[int, list[Mention]] = {}
    absent_by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.role == "subject" and not m.predicate:
            subjects_by_sentence.setdefault(m.sentence, []).append(m)
        elif m.span.start in left_out_at:
            absent_by_sentence.setdefault(m.sentence, []).append(m)
    effects_by_sentence: dict[int, list[EffectPhrase]] = {}
    for e in effects:
        effects_by_sentence.setdefault(e.sentence, []).append(e)
    effects.clear()  # each phrase is replaced by its final form below; the first forms go as they are used
    pairs: list[_Pair] = []
    attributed: list[EffectPhrase] = []
    predicates = {m.sentence for m in mentions if m.predicate}
    topic: list[list[Mention]] = []
    plural: list[list[Mention]] = []  # the paragraph's last topic of two ingredients or more: what "they" are
    opened: list[list[Mention]] = []  # the paragraph's first ingredients: what "the serum" refers to
    paragraph = -1
    named_at = [m.span.start for m in mentions]  # every name, as subject or not: an opener that is one is known
    # A text that opens with "it" before naming anything ("It's not just for acne ... azelaic acid is safe"):
    # an excerpt from the middle of a page, whose claims are the first ingredient the paragraph names.
    ahead: list[EffectPhrase] = []
    named_yet = False
    only_pronouns = True  # every sentence so far refers back with a pronoun: nothing else was named first
    caption = False  # the paragraph before was one line naming nothing: "Getty Images", "Advertisement"
    name_heading = False  # the paragraph before was one line naming an ingredient and claiming nothing: "Retinol"
    before_caption: list[list[Mention]] = []
    plural_before_caption: list[list[Mention]] = []
    asked_alone = False  # the paragraph so far is one question naming an ingredient: a heading for the next
    history: list[list[list[Mention]]] = []  # the paragraph's topics so far, for an "it" its last one cannot be
    touched: dict[str, int] = {}  # the last sentence that named an ingredient
    for index, sentence in enumerate(sentences):
        touched.update((m.ingredient, index) for m in subjects_by_sentence.get(index, ()))
        carried: list[list[Mention]] = []
        carried_plural: list[list[Mention]] = []
        groups = _groups(text, subjects_by_sentence.get(index, []), effects_by_sentence.get(index, ()))
        if sentence.paragraph != paragraph:
            if not _list_item(text, sentence):  # items of a numbered or bulleted list, blank lines between, go on
                carried, carried_plural = (before_caption, plural_before_caption) if caption else (topic, plural)
                # "What types of red skin does CBD help with?\n\n"This pure oil soothes...": the answer is CBD's;
                # "Tranexamic acid fades spots.\n\nBenefits:\n- calms redness": the list under the label is its too
                goes_on = (
                    (asked_alone and not caption)
                    or (name_heading and not caption)  # "Retinol\n\nBoosts collagen and smooths wrinkles."
                    or (not groups and _goes_on_from_before(text, sentence, caption))
                )
                topic, opened, plural = (carried if goes_on else []), [], []
            paragraph = sentence.paragraph
            asked_alone = bool(groups) and _asks(text, sentence)
            attributed += ahead  # nothing named in the paragraph that opened with "it": no one's
            ahead = []
            caption = not groups and index not in effects_by_sentence and (_label_line(text, sentence) or _asks(text, sentence))
            name_heading = bool(groups) and index not in effects_by_sentence and _label_line(text, sentence)
            before_caption, plural_before_caption = carried, carried_plural
        else:
            caption = asked_alone = name_heading = False
        if index == 0 or sentences[index - 1].paragraph != sentence.paragraph:
            history = [carried] if carried else []
        if topic and (not history or history[-1] is not topic):
            history.append(topic)
        first_tok = toks.at(sentence.start)
        if groups and ahead and _opens_clause(text, sentence, (main := _main_clause(text, toks, first_tok, groups)[0])[0]):
            for eff in ahead:
                attributed.append(EffectPhrase(eff.effect, eff.span, eff.negation, eff.sentence, True))
                pairs += [_Pair(mention, attributed[-1], "next-sentence") for mention in _first_of_each(main)]
            ahead = []
        named_yet = named_yet or bool(groups)
        if only_pronouns and not groups and not _label_line(text, sentence):
            only_pronouns = any(
                toks.keys[k] in _PRONOUNS or (toks.keys[k] in _ARTICLES and toks.keys[k + 1] in _INGREDIENT_NOUNS)
                for k in range(first_tok, min(toks.at(sentence.end), len(toks) - 1))
            )
        here = effects_by_sentence.pop(index, [])
        if not here:
            if groups and _pronoun_subject(text, toks, first_tok, groups[0][0].span.start):
                if not topic:
                    topic, plural = _what_it_holds(_main_clause(text, toks, first_tok, groups), plural)
            elif groups:
                topic = _main_clause(text, toks, first_tok, groups)
                opened = opened or groups
                plural = topic if _distinct(topic) > 1 else plural
            elif _unknown_subject(text, toks, first_tok, sentence.end, named_at) is not None:
                topic = []  # "Zinc is a mineral. It..." continues zinc, not the ingredient before
            elif (
                carried
                and _reference(text, sentence, toks, first_tok, sentence.end) in ("singular", "plural", "either")
                and _opening_pronoun(text, toks, first_tok, sentence.end)
            ):
                topic = carried  # "What are exosomes?\n\nThey are small vesicles...": a paragraph going on about them
            elif (carried or carried_plural) and (referent := _referent_noun(toks, first_tok, sentence.end)):
                topic = carried_plural if referent == "plural" and carried_plural else carried
            continue
        unknown_end = None
        if not groups or not _GLUE.fullmatch(text, toks.ends[first_tok], groups[0][0].span.start):
            unknown_end = _unknown_subject(text, toks, first_tok, here[0].span.start, named_at)
        reference = _reference(text, sentence, toks, first_tok, here[-1].span.start)
        either = reference == "either"
        if either:
            reference = "plural"
        if reference is None and index in predicates:
            reference = "singular"
        if (
            carried
            and not groups
            and reference in ("singular", "plural")
            and _opening_pronoun(text, toks, first_tok, here[-1].span.start)
        ):
            topic = carried  # a paragraph opening "Not only does it hydrate..." goes on about the one before
        elif (carried or carried_plural) and not groups and (referent := _referent_noun(toks, first_tok, here[0].span.start)):
            # "...allantoin, panthenol and glycerin.\n\nAll these ingredients work together to repair...": they
            topic = carried_plural if referent == "plural" and carried_plural else carried
        if (
            reference == "plural"
            and not groups
            and plural
            and _distinct(topic) <= 1
            and any(
                toks.keys[k] in _THEY or (not topic and toks.keys[k] in _DEMONSTRATIVES and toks.keys[k + 1] in _INGREDIENT_NOUNS)
                for k in range(first_tok, min(toks.at(here[-1].span.start), first_tok + 6))
            )
        ):
            # "Tretinoin is best for acne. ... They fade dark spots": "they" are the two named before; "It has
            # tranexamic acid and niacinamide. These ingredients...": the two the product holds
            topic = plural
        if either and _distinct(topic) > 1 and len(topic) > 1:
            # German "sie" after names that are no one list ("Seren mit Vitamin C ... Retinol"): it may as well be
            # "die Haut" or "die Creme"; after one list ("Kollagen und Hyaluronsäure. Sie ...") it is "they"
            reference = None
        # "These chemicals ... interfere with the body": a sentence opening on the ingredients is about them
        background = _is_background(text, toks, sentence, first_tok) and not _opens_on_ingredients(toks, first_tok)
        pronoun_subject = bool(groups) and _pronoun_subject(text, toks, first_tok, groups[0][0].span.start)
        heading_for = None  # a bullet continues the ingredient before it, when there is one
        if not groups and (reference is None or not topic):
            heading_for = _heading_subject(text, sentences, index, subjects_by_sentence)
        if not groups and reference is None and heading_for is None:
            heading_for = _answer_subject(text, sentences, index, subjects_by_sentence)
        seen: set[tuple[str, str, bool]] = set()
        group_ends = [g[-1].span.end for g in groups]
        group_starts = [g[0].span.start for g in groups]
        left_out = absent_by_sentence.get(index, [])
        for eff in here:
            group: list[Mention] | None = None
            how = "sentence"
            if left_out and eff.effect in _HAZARDS:
                group = _hazard_of_left_out(text, left_out, group_starts, eff)
            if group is None:
                group = _relative_of(text, mentions, named_at, sentence.start, eff, left_out_at)
            before = bisect.bisect_right(group_ends, eff.span.start)  # groups ending before the phrase
            after = bisect.bisect_left(group_starts, eff.span.end)  # the first group starting after it
            if group is not None:
                pass  # "free of oxybenzone, which harms reefs", "paired with niacinamide, which brightens"
            elif unknown_end is not None and not before:
                pass  # the claim of an ingredient the knowledge base lacks, named first: nobody else's
            elif heading_for is not None:
                group, how = heading_for, "next-sentence"
            elif after < len(groups) and _describes(text, toks, eff, group_starts[after]):
                group = groups[after]  # "blended with soothing shea butter": the butter's
            elif (
                not before
                and pronoun_subject
                and topic
                and not background
                and not (after < len(groups) and _MEANS.match(text[eff.span.end : group_starts[after]]))
            ):
                # "It's anti-microbial and packed with glycolic acid": the pronoun is the subject, not the names after
                if reference == "singular":
                    group = _it_means(text, _agreeing(text, toks, first_tok, eff.span.start, topic, history))
                else:
                    group = [m for g in topic for m in g]
                how = "previous-sentence"
            elif before and not _new_subject_between(text, toks, group_ends[before - 1], eff.span.start):
                group = groups[before - 1]
                if before > 1 and _object_of_subject(toks, first_tok, groups[0], group):
                    group = groups[0]  # "Vitamin C ... replenishing vitamin E and stimulating collagen": vitamin C's
                elif before > 1 and _clause_pronoun_between(
                    text, toks, first_tok, groups[0], group_ends[before - 1], eff.span.start
                ):
                    group = groups[0]  # "Retinol works with niacinamide; it smooths wrinkles": the subject's
                purpose = _purpose_of(text, toks, group, eff)
                if purpose is not None:
                    if not purpose:
                        attributed.append(eff)  # "with witch hazel for pore-minimising": not the retinol's
                        continue
                    group = purpose
            elif after < len(groups) and not _contrast_between(text, toks, eff.span.end, group_starts[after]):
                group = groups[after]
            elif (
                topic
                and not background
                and (
                    reference is not None
                    or (_distinct(topic) == 1 and not _product_named_first(text, toks, first_tok, eff.span.start))
                )
            ):
                # several ingredients before and nothing saying which: no guess (a wrong pair misleads more than a gap)
                if reference == "product" and opened:
                    # "the serum" is the product: its claims are an active's only when it named one active
                    group = [m for g in opened for m in g] if _distinct(opened) == 1 else None
                else:
                    # "it" is one thing: the first named of a list ("retinaldehyde, ceramides and chamomile. It...")
                    if reference == "singular":
                        group = _it_means(text, _agreeing(text, toks, first_tok, eff.span.start, topic, history))
                    elif _distinct(topic) > 1 and _sentences_between(
                        text, sentences, max(touched.get(m.ingredient, m.sentence) for g in topic for m in g), index
                    ):
                        group = None  # "they" a sentence or more after the last of them was named: other things were since
                    else:
                        group = [m for g in topic for m in g]
                how = "previous-sentence"
            if group is None:
                if only_pronouns and not named_yet and not groups and reference in ("singular", "plural") and not background:
                    ahead.append(eff)
                else:
                    attributed.append(eff)
                continue
            attributed.append(EffectPhrase(eff.effect, eff.span, eff.negation, eff.sentence, True))
            for mention in _first_of_each(group):
                key = (mention.ingredient, eff.effect, eff.negated)
                if key not in seen:
                    seen.add(key)
                    pairs.append(_Pair(mention, attributed[-1], how))
        if groups and pronoun_subject and not topic:
            topic, plural = _what_it_holds(_main_clause(text, toks, first_tok, groups), plural)
        elif groups and not pronoun_subject:
            topic = _main_clause(text, toks, first_tok, groups)
            opened = opened or groups
            plural = topic if _distinct(topic) > 1 else plural
        elif background or unknown_end is not None:
            topic = []
    attributed += ahead
    attributed.sort(key=lambda e: e.span.start)
    return pairs, attributed, subjects_by_sentence


_HAZARDS = frozenset(phrases.HAZARD_EFFECTS)
_RELATIVE = re.compile(
    r"\s*(?:\([^()]{0,60}\)\s*)?,\s*(?:which|who|die|der|das|welche[rsn]?)\s+(?:[^\s,;:.!?]+\s+){0,8}?$", re.IGNORECASE
)
_COORDINATED = re.compile(r"\s*(?:,|and|or|und|oder|&)\s*(?:(?:and|or|und|oder)\s+)?", re.IGNORECASE)


def _relative_of(
    text: str,
    mentions: tuple[Mention, ...],
    starts: list[int],
    sentence_start: int,
    eff: EffectPhrase,
    left_out_at: frozenset[int],
) -> list[Mention] | None:
    """ "... paired with niacinamide, which brightens", "retinol and ceramides, which strengthen...": an effect
    in a relative clause right after names is theirs, whatever the sentence's subject. `starts` are the
    mentions' starts (sorted), so only the names just before the phrase are looked at."""
    k = bisect.bisect_left(starts, eff.span.start) - 1
    if k < 0 or mentions[k].span.start < sentence_start or not _named_here(mentions[k], left_out_at):
        return None
    if not _RELATIVE.fullmatch(text, mentions[k].span.end, eff.span.start):
        return None
    if _A_FORM_OF.search(text[sentence_start : mentions[k].span.start]):
        return None  # "Eine Form von Vitamin A, die Falten glättet": the clause is the described subject's
    group = [mentions[k]]
    for j in range(k - 1, -1, -1):
        m = mentions[j]
        if (
            m.span.start < sentence_start
            or not _named_here(m, left_out_at)
            or not _COORDINATED.fullmatch(text, m.span.end, group[0].span.start)
        ):
            break
        group.insert(0, m)
    return group


_A_FORM_OF = re.compile(  # the text form of _describes_a_form, for a relative clause's name
    rf"(?:^|[,:(\n]\s*)(?:{_alternation(phrases.INDEFINITE_ARTICLES)})\s+(?:[\w-]+\s+){{0,3}}?"
    rf"(?:{_alternation(phrases.DESCRIBED_FORMS)})\s+(?:of|von)\s+$",
    re.IGNORECASE,
)


def _named_here(m: Mention, left_out_at: frozenset[int]) -> bool:
    """A name an effect can belong to: not a comparison, not one the product leaves out."""
    return m.role == "subject" and m.span.start not in left_out_at


# what follows a left-out name to say something of it: a relative clause, an apposition, a bracket (not
# ", so it is safe", which says something of the product)
_SAID_OF = re.compile(
    r"\s*(?:\(|[,:\u2013\u2014]\s*(?:which|that|die|der|das|welche\w*|two|three|both|all|each|an?|known|linked|shown"
    r"|suspected|considered|commonly|often|chemicals?|filters?|ingredients?|preservatives?|substances?|compounds?"
    r"|Stoffe\w*|Inhaltsstoff\w*|beide|zwei|drei)\b)",
    re.IGNORECASE,
)


def _hazard_of_left_out(text: str, left_out: list[Mention], group_starts: list[int], eff: EffectPhrase) -> list[Mention] | None:
    """The ingredients a product leaves out, followed by a clause or apposition that names a hazard, with no
    subject between ("without parabens, which are linked to hormone disruption", "no oxybenzone or
    octinoxate, two filters shown to harm reefs"): the hazard is said of them. A product's own properties
    after the list ("fragrance-free and non-comedogenic") are not."""
    named = [m for m in left_out if m.span.end <= eff.span.start]
    if not named:
        return None
    last = named[-1].span.end
    if eff.span.start - last > 120 or not _SAID_OF.match(text, last):
        return None
    if any(last <= start < eff.span.start for start in group_starts):
        return None  # "Free of parabens, our serum calms irritation": the serum's
    return named


def _distinct(groups: list[list[Mention]]) -> int:
    """How many different ingredients the groups name ("retinol and retinol serum" is one)."""
    return len({m.ingredient for g in groups for m in g})


def _first_of_each(group: list[Mention]) -> list[Mention]:
    """The first mention of each ingredient in a group ("retinol ... retinol and niacinamide" pairs twice)."""
    firsts: dict[str, Mention] = {}
    for m in group:
        firsts.setdefault(m.ingredient, m)
    return list(firsts.values())


_LISTED_BY = re.compile(
    rf"\b(?:{_alternation(phrases.CONTAINS_WORDS)})\s+(?:(?:\d+(?:[.,]\d+)?\s?%|an?|the|some|pure)\s+)?$", re.IGNORECASE
)


def _agreeing(
    text: str, toks: _Tokens, first_tok: int, until: int, topic: list[list[Mention]], history: list[list[list[Mention]]]
) -> list[list[Mention]]:
    """The topic an English "it" can mean: not one ingredient named in the plural ("physical sunscreens
    create a barrier... It's one of the few ingredients that blocks UVA"), when the paragraph named a
    singular one before ("zinc oxide")."""
    if _distinct(topic) != 1 or not all(_named_in_plural(text, m) for g in topic for m in g):
        return topic
    keys = toks.keys[first_tok : toks.at(until)]
    if not any(k in _IT for k in keys[:6]) or any(k in _THEY for k in keys[:6]):
        return topic
    for earlier in reversed(history):
        if earlier is not topic and not any(_named_in_plural(text, m) for g in earlier for m in g):
            return earlier
    return topic


_IT = frozenset({"it", "its", "itself"})


def _named_in_plural(text: str, mention: Mention) -> bool:
    """ "sunscreens", "AHAs", "peptides": an English plural (not "snail mucus", "hibiscus", "glass")."""
    last = text[mention.span.start : mention.span.end].rsplit(None, 1)[-1]
    return len(last) > 3 and last.endswith("s") and not last.lower().endswith(("ss", "us", "is", "os"))


def _it_means(text: str, topic: list[list[Mention]]) -> list[Mention]:
    """What "it" stands for after the topic: the first name, or, when the names were a product's inventory
    ("contains retinol, squalane and peptides"), the product, whose claims are every listed name's."""
    first = topic[0][0].span.start
    if _LISTED_BY.search(text, max(0, first - 40), first):
        return [m for g in topic for m in g]
    return topic[0][:1]


_SUBJECT_PRONOUNS = _keys(phrases.SUBJECT_PRONOUNS)
_EITHER_NUMBER = _keys(phrases.EITHER_NUMBER_PRONOUNS)
_CLAUSE_OPENING = re.compile(
    r"(?:[\W_]*\b(?:the|this|our|its|but|and|so|yet|die|der|das|dieses?|unser\w*|aber|und)\b)*[\W_]*", re.IGNORECASE
)


def _opens_clause(text: str, sentence: _Sentence, mention: Mention) -> bool:
    """Does the name open its sentence, the clause after its last comma ("Unlike hydroquinone, azelaic
    acid is...") or a label's list ("Key actives: peptides, caffeine")? Then it is what the sentence is
    about, not an ingredient listed in passing."""
    start = max(sentence.start, text.rfind(",", sentence.start, mention.span.start) + 1)
    label = _LABEL.match(text, sentence.start)
    if label and label.end() <= mention.span.start:
        start = max(start, label.end())
    return _CLAUSE_OPENING.fullmatch(text, start, mention.span.start) is not None


# "Key actives:", "Benefits:", "Wirkstoffe:": a short label and a colon opening a line
_LABEL = re.compile(r"\s*(?:[-*\u2022\u2713\u2714]\s*)?[\w' -]{2,30}:\s*")


def _asks(text: str, sentence: _Sentence) -> bool:
    """A short question of its own ("What are the benefits for the skin?"): a heading the answer after it
    goes on under, about what came before."""
    line = text[sentence.start : sentence.end].strip()
    return 0 < len(line) <= 2 * phrases.SHORT_LINE and line.endswith("?")


def _label_line(text: str, sentence: _Sentence) -> bool:
    """A bullet, or a short line with no sentence ending (a heading, a product's name): it names nothing the
    claims after it could belong to, so a text opening with such lines still waits for its ingredient."""
    line = text[sentence.start : sentence.end].strip()
    if _BULLET.match(text, sentence.start) or line[:1] in "\u2713\u2714\u2022":
        return True
    ends_line = text[sentence.start : sentence.end].rstrip(" \t").endswith("\n") or text.startswith("\n", sentence.end)
    return bool(line) and len(line) <= phrases.SHORT_LINE and line[-1] not in ".!?" and ends_line


# "It gets to work to repair and soothe with zinc sulfate": the means named after the effect is the one claimed
_MEANS = re.compile(
    r"^\W*(?:(?:and|or|und|oder)\s+[\w-]+\s+)?(?<!packed\s)(?<!loaded\s)(?<!filled\s)(?:with|using|thanks\s+to|via|mit|dank)\s+(?:[\w-]+\s+){0,2}?$",
    re.IGNORECASE,
)


def _referent_noun(toks: _Tokens, first_tok: int, until: int) -> str | None:
    """ "plural" or "singular" when a sentence names what came before with a demonstrative and an ingredient
    noun ("These ingredients", "All these actives", "Diese Wirkstoffe", "By adding this ingredient, you'll...")."""
    keys, starts, n = toks.keys, toks.starts, len(toks)
    for k in range(first_tok, n):
        if starts[k] >= until:
            break
        if k + 1 < n and starts[k + 1] < until and keys[k] in _DEMONSTRATIVES:
            # the noun may follow a number and up to two adjectives: "these two powerful ingredients", "this pure oil"
            for noun in range(k + 1, min(n, k + 4)):
                if starts[noun] >= until:
                    break
                if keys[noun] in _INGREDIENT_NOUNS or keys[noun] in _OIL_NOUNS:
                    return "singular" if keys[k] in _SINGULAR_DEMONSTRATIVES else "plural"
    return None


def _opening_pronoun(text: str, toks: _Tokens, first_tok: int, until: int) -> bool:
    """Is one of the sentence's first four words a subject pronoun ("It", "Not only does it", "Plus, they"),
    or the first word after an opening phrase ("Able to retain 1,000 times its weight in water, it's...")?"""
    keys = toks.keys
    if any(key in _SUBJECT_PRONOUNS for key in keys[first_tok : first_tok + 4]):
        return True
    for k in range(first_tok + 1, min(len(keys), first_tok + 16)):
        if toks.starts[k] >= until:
            break
        gap = text[toks.ends[k - 1] : toks.starts[k]]
        if "," in gap and not (gap == "," and keys[k - 1][-1:].isdigit() and keys[k][:1].isdigit()):
            return keys[k] in _SUBJECT_PRONOUNS
    return False


_EXPLETIVE_AFTER = _keys(phrases.EXPLETIVE_AFTER)
_OIL_NOUNS = frozenset({"oil", "oils", "ol", "ole", "extract", "extracts", "extrakt", "butter"})
_SINGULAR_DEMONSTRATIVES = frozenset({"this", "dieser", "dieses", "diesem"})


def _what_it_holds(held: list[list[Mention]], plural: list[list[Mention]]) -> tuple[list[list[Mention]], list[list[Mention]]]:
    """The topic and plural referent after "It has 3% tranexamic acid and 4% niacinamide", whose "it" is a
    product nobody named: one active is what "it" goes on about; of several, none is ("It promotes cell
    turnover" is the product's), but "these ingredients" and "they" are all of them."""
    if _distinct(held) == 1:
        return held, plural
    return [], held


def _pronoun_subject(text: str, toks: _Tokens, first_tok: int, until: int) -> bool:
    """Does the sentence open with a pronoun as its subject ("It's anti-microbial...", "For one, it...",
    "Sie spendet..."), before any name? Then the names that follow are its objects ("packed with glycolic
    acid") and the sentence goes on about the ingredient before. "It is important to..." opens with no one."""
    keys, starts, n = toks.keys, toks.starts, len(toks)
    k = first_tok
    while k < n and starts[k] < until and keys[k] in _CONNECTIVES:
        k += 1
    if k < n and keys[k] not in _SUBJECT_PRONOUNS:
        k = _past_opening_phrase(text, toks, k, until, 3)  # "For one, it", "In fact, they"
    if k < n and keys[k] not in _SUBJECT_PRONOUNS:
        for j in range(k, min(n - 2, k + 4)):  # "Supporters say they help...": who says it is not who does it
            if starts[j + 1] >= until:
                break
            if keys[j] in _REPORTING:
                k = j + 2 if keys[j + 1] in _THAT and starts[j + 2] < until else j + 1
                break
    if k >= n or starts[k] >= until or keys[k] not in _SUBJECT_PRONOUNS:
        return False
    for j in range(k + 1, min(n, k + 5)):
        if starts[j] >= until:
            break
        if keys[j] in _EXPLETIVE_AFTER:
            return False
    return True


def _past_opening_phrase(text: str, toks: _Tokens, k: int, until: int, words: int, stop: frozenset[str] = frozenset()) -> int:
    """The word after an opening phrase of up to `words` words that a comma ends ("For one, it...", "Yes,
    but polynucleotides..."), or k when there is none before `until` (or before a word in `stop`)."""
    starts = toks.starts
    for j in range(k, min(len(toks) - 1, k + words)):
        if starts[j + 1] >= until or toks.keys[j] in stop:
            break
        if "," in text[toks.ends[j] : starts[j + 1]]:
            return j + 1
    return k


_REPORTING = _keys(phrases.REPORTING_VERBS)
_THAT = _keys(phrases.THAT_WORDS)
_PURPOSE_CUE = r"(?:for|to|zur?|für|gegen)\s+(?:(?!and\b|und\b)[\w'’-]+\s+){0,3}?"  # "for", "to calm any"
_PURPOSE = re.compile(rf"\s*{_PURPOSE_CUE}$", re.IGNORECASE)  # right after the name
_PURPOSE_BEFORE = re.compile(rf"\b{_PURPOSE_CUE}$", re.IGNORECASE)  # after words the name is followed by
_WITH = re.compile(r"\b(?:with|plus|mit|sowie)\b", re.IGNORECASE)
_TOGETHER = re.compile(
    r"\b(?:combin\w*|pair\w*|team\w*|blend\w*|kombinier\w*|vereint|verbindet)\s+(?:[\w%.,-]+\s+){0,3}$", re.IGNORECASE
)


def _purpose_of(text: str, toks: _Tokens, group: list[Mention], eff: EffectPhrase) -> list[Mention] | None:
    """ "with niacinamide for redness", "aloe vera to calm irritation": an ingredient named with the purpose
    it serves claims that purpose alone, not the ingredients listed with it. Returns that ingredient, [] when
    the one named is one the knowledge base lacks ("with witch hazel for pore-minimising"), None otherwise."""
    last = group[-1]
    if len(group) > 1 and _PURPOSE.fullmatch(text, last.span.end, eff.span.start):
        glue = text[group[-2].span.end : last.span.start]  # "retinol, with niacinamide for", not "retinol and
        if _TOGETHER.search(text, max(0, group[0].span.start - 30), group[0].span.start):
            return None  # "combines vitamin C with ferulic acid to brighten": the pair's purpose
        return [last] if _WITH.search(glue) else None  # niacinamide for": an adjunct serves its own purpose
    cue = _PURPOSE_BEFORE.search(text, last.span.end, eff.span.start)
    if cue is None or not _WITH.search(text, last.span.end, cue.start()):
        return None
    k = toks.at(cue.start()) - 1  # "with witch hazel for": an ingredient the knowledge base lacks?
    for first in range(k, max(toks.at(last.span.end) - 1, k - 3), -1):
        if first >= 0 and _inventory_words(text, toks, first) and toks.starts[first] >= last.span.end:
            return []
    return None


_OBJECT_VERBS = _keys(phrases.OBJECT_VERBS)
_NOT_OBJECT_VERBS = _keys(phrases.NOT_OBJECT_VERBS)
_PARTNER_PAIRS = frozenset(tuple(phrase.split()) for phrase in phrases.PARTNER_PHRASES)


def _object_of_subject(toks: _Tokens, first_tok: int, subject: list[Mention], group: list[Mention]) -> bool:
    """Is `group` the object of a verb whose subject opens the sentence ("Vitamin C ... replenishing vitamin
    E", "Retinol increases hyaluronic acid")? Then what follows is still the subject's claim."""
    if toks.at(subject[0].span.start) != first_tok:
        return False
    k = toks.at(group[0].span.start) - 1
    if k <= first_tok:
        return False
    word = toks.keys[k]
    if word in _NOT_OBJECT_VERBS:
        return False
    if (toks.keys[k - 1], word) in _PARTNER_PAIRS:  # "Niacinamid kann zusammen mit Retinol ... und mindert"
        return True
    return word in _OBJECT_VERBS or (word.endswith("ing") and len(word) > 5)


def _clause_pronoun_between(text: str, toks: _Tokens, first_tok: int, subject: list[Mention], a: int, b: int) -> bool:
    """Does a clause open with a subject pronoun between offsets a and b ("; it", "— it", ", and it",
    "because it"), after a sentence that opened on `subject`? A pronoun subject picks up the subject."""
    if toks.at(subject[0].span.start) != first_tok:
        return False
    lo, hi = toks.at(a), toks.at(b)
    for k in range(lo, min(hi, lo + 6)):
        if toks.keys[k] in _SUBJECT_PRONOUNS and k > 0:
            gap = text[toks.ends[k - 1] : toks.starts[k]]
            return bool(_CLAUSE_BREAK.search(gap)) or "\u2014" in gap or toks.keys[k - 1] in _CLAUSE_JOINERS
    return False


_CLAUSE_JOINERS = frozenset({"and", "so", "because", "since", "as", "und", "denn", "weil", "da"})


def _sentences_between(text: str, sentences: _Sentences, last: int, index: int) -> bool:
    """Is there a sentence between the two, not counting headings and list items ("Benefits:", "- firms skin")?
    A plural "they" across one was wrong more often than right on the advert sets (17 of 78 right): the
    testers, the results or the products had been named in between."""
    return any(not _label_line(text, s) and not _list_item(text, s) for s in sentences[last + 1 : index])


# "Results: smoother skin within weeks", "Das Ergebnis: ...": a paragraph reporting what the one before did
_RESULTS_OPENING = re.compile(
    rf"\W*(?:the\s+|das\s+|die\s+)?(?:{_alternation(phrases.RESULTS_WORDS)})\s*(?:[:?\u2013\u2014]|-\s)", re.IGNORECASE
)
# "Plus, it fades dark marks", "Zudem mildert sie ...": a paragraph that adds to the one before
_CONNECTIVE_OPENING = re.compile(rf"\W*(?:{_alternation(phrases.PARAGRAPH_CONNECTIVES)})\b", re.IGNORECASE)


def _goes_on_from_before(text: str, sentence: _Sentence, after_caption: bool) -> bool:
    """Does a paragraph that names nothing open as a continuation of the one before? A short label line naming
    benefits ("Benefits:", "Wirkung:", "Best for:") whose list is said of the topic before it; unless a caption
    stood between, "Results: ..." or "Plus, ..."."""
    line = text[sentence.start : sentence.end].strip()
    if line and len(line) <= phrases.SHORT_LINE and line.endswith(":") and _LIST_LABEL.search(line) is not None:
        return True
    return not after_caption and any(
        p.match(text, sentence.start, sentence.end) is not None for p in (_RESULTS_OPENING, _CONNECTIVE_OPENING)
    )


_LIST_LABEL = re.compile(rf"\b(?:{'|'.join(phrases.LIST_LABEL_WORDS)})", re.IGNORECASE)


def _list_item(text: str, sentence: _Sentence) -> bool:
    pos = sentence.start
    while pos < sentence.end and text[pos] in "\r\n":
        pos += 1
    return _BULLET.match(text, pos) is not None


def _heading_subject(
    text: str, sentences: _Sentences, index: int, subjects_by_sentence: dict[int, list[Mention]]
) -> list[Mention] | None:
    """A heading line names no ingredient ("- Reduces Dark Spots & Hyperpigmentation") and introduces the
    line after it: its effects are claimed for that line's first ingredients (None when it has none)."""
    sentence = sentences[index]
    line = text[sentence.start : sentence.end].strip(" \t\r\n-\u2022*")
    if not line or len(line) > phrases.SHORT_LINE or line[-1] in ".!?;," or index + 1 >= len(sentences):
        return None
    after = sentences[index + 1]
    alone = after.paragraph != sentence.paragraph and (index == 0 or sentences[index - 1].paragraph != sentence.paragraph)
    if not alone and (after.paragraph != sentence.paragraph or "\n" not in text[sentence.start : after.start]):
        return None  # a heading alone in its paragraph ("Fades dark spots\n\nVitamin C ...") introduces the next
    if index > 0 and text[sentences[index - 1].start : sentences[index - 1].end].rstrip().endswith(":"):
        return None  # an item of a list the line before opened, not a heading
    subjects = subjects_by_sentence.get(index + 1)
    if not subjects:
        return None
    groups = _groups(text, subjects)
    opening = text[after.start : after.end].lstrip(" \t\r\n-\u2022*").split(" ", 1)[0].casefold()
    comma = text.find(",", after.start, after.end)
    if opening in _PREPOSITIONS and comma >= 0:  # "With its glycolic acid content, snail mucin exfoliates"
        main = [g for g in groups if g[0].span.start > comma]
        return main[0] if main else groups[0]
    return groups[0]


_PREPOSITIONS = frozenset(phrases.OPENING_PREPOSITIONS)


def _answer_subject(
    text: str, sentences: _Sentences, index: int, subjects_by_sentence: dict[int, list[Mention]]
) -> list[Mention] | None:
    """A question that names no ingredient ("Klagst du über trockene Haut? Einen fahlen Teint? Dann solltest
    du Ceramide...") raises a problem the answer's ingredient is sold for: the first ingredients of the next
    sentence that is no question, within ANSWER_SENTENCES, in the same paragraph."""
    sentence = sentences[index]
    if not text[sentence.start : sentence.end].rstrip().endswith("?"):
        return None
    for later in range(index + 1, min(len(sentences), index + 1 + phrases.ANSWER_SENTENCES)):
        after = sentences[later]
        if after.paragraph != sentence.paragraph:
            return None
        subjects = subjects_by_sentence.get(later)
        if subjects:
            return _groups(text, subjects)[0]
        if not text[after.start : after.end].rstrip().endswith("?"):
            return None
    return None


_CONTRAST_OPENERS = _keys(phrases.CONTRAST_OPENERS)
_NOT_UNKNOWN = _keys(phrases.NOT_UNKNOWN_SUBJECTS)


def _main_clause(text: str, toks: _Tokens, first_tok: int, groups: list[list[Mention]]) -> list[list[Mention]]:
    """The ingredients a sentence leaves as its topic: after "While X ..., Y ..." the main clause's Y."""
    if first_tok >= len(toks) or toks.keys[first_tok] not in _CONTRAST_OPENERS:
        return groups
    comma = text.find(",", toks.ends[first_tok], groups[-1][0].span.start)
    if comma < 0:
        return groups
    main = [g for g in groups if g[0].span.start > comma]
    return main or groups


def _unknown_subject(text: str, toks: _Tokens, first_tok: int, until: int, named_at: list[int]) -> int | None:
    """Where the name ends when a sentence opens with an ingredient the knowledge base lacks ("Zinc
    repairs...", "Ferulic acid boosts..."), found in the CosIng inventory; None otherwise."""
    keys, starts, n = toks.keys, toks.starts, len(toks)
    k = _past_openers(toks, first_tok, until)
    if _named_first(toks, k, named_at):
        return None  # a name of the knowledge base opens it
    past = _past_opening_phrase(text, toks, k, until, 4, _SUBJECT_PRONOUNS)  # "Yes, but polynucleotides..."
    if past != k and k < n and keys[k] not in _ARTICLES:  # "This beautiful, pure oil": adjectives, not an opener
        k = _past_openers(toks, past, until)
        if _named_first(toks, k, named_at):
            return None
    if k >= n or starts[k] >= until or keys[k] in _NOT_UNKNOWN or keys[k] in _ARTICLES or keys[k] in _PRONOUNS:
        return None
    return _inventory_name_at(text, toks, k, until)


def _product_named_first(text: str, toks: _Tokens, first_tok: int, until: int) -> bool:
    """Does an English sentence open, past any opening phrase, on a product's name of two capitalised
    words or more ("Hydra Life Sleeping Mask has a jellylike texture that leaves skin plump")? Then its
    claims are the product's, not those of the ingredient the sentence before was about. (A possessive,
    "Dior's Hydra Life...", was tried too: the labels give such claims to the product's ingredients.)"""
    k = _past_openers(toks, first_tok, until)
    k = _past_opening_phrase(text, toks, k, until, 4)
    n, keys = len(toks), toks.keys
    if k + 1 >= n or toks.starts[k + 1] >= until or keys[k] in _ARTICLES or keys[k] in _PRONOUNS:
        return False
    if not _capitalised(text, toks, k, digits=False):
        return False
    if text[toks.ends[k] : toks.starts[k + 1]] != " " or not _capitalised(text, toks, k + 1, digits=True):
        return False
    # German capitalises its nouns ("Feine Linien und Fältchen werden..."): only an English sentence counts
    words = toks.keys[first_tok : toks.at(until)]
    return sum(w in _ENGLISH for w in words) > sum(w in _GERMAN_WORDS for w in words)


_ENGLISH = frozenset({"the", "and", "is", "are", "has", "have", "with", "to", "of", "for", "that", "it", "its", "this"})
_GERMAN_WORDS = frozenset(
    {"der", "die", "das", "und", "ist", "sind", "mit", "fur", "den", "dem", "des", "wird", "werden", "sich"}
)


def _past_openers(toks: _Tokens, k: int, until: int) -> int:
    """The first word from k that is no connective or opener ("also", "however", "aber")."""
    keys, starts, n = toks.keys, toks.starts, len(toks)
    while k < n and starts[k] < until and (keys[k] in _CONNECTIVES or keys[k] in _OPENERS):
        k += 1
    return k


def _named_first(toks: _Tokens, k: int, named_at: list[int]) -> bool:
    """Does a name of the knowledge base start within word k's first three words?"""
    if k >= len(toks):
        return False
    at = bisect.bisect_left(named_at, toks.starts[k])
    return at < len(named_at) and named_at[at] < toks.ends[min(k + 2, len(toks) - 1)]


_OPENERS = _keys(phrases.SUBJECT_OPENERS)


def _inventory_name_at(text: str, toks: _Tokens, k: int, until: int) -> int | None:
    """Where an EU-inventory name of up to three joined words starting at word k ends (the longest), or None."""
    last, n = k, len(toks)
    while last + 1 < n and last - k < 2 and toks.joins[last + 1] and toks.ends[last + 1] <= until:
        last += 1
    for end in range(last, k - 1, -1):
        if _inventory_name(text[toks.starts[k] : toks.ends[end]]):
            return toks.ends[end]
    return None


@cache
def _inventory() -> Any:
    """A CosIng reader of check's own that never loads the whole name index: a long text asks for many
    sentence openers, each once, and the index would cost more memory than the queries cost time."""
    from skincli.label.cosing import CosIng

    return CosIng(memory_index=False)


_UNKNOWN_ENDINGS = tuple(phrases.UNKNOWN_NAME_ENDINGS)
_NOT_AN_INGREDIENT_BEFORE = frozenset(phrases.NOT_AN_INGREDIENT_BEFORE)


def _named_like_an_ingredient(folded: str) -> bool:
    """ "Bilberry extract", "Hagebuttenöl": a plant's extract or oil. Not "excess oil" or "natural oils" (the
    skin's, an effect), nor "facial oils" (a kind of product)."""
    words = folded.split(" ")
    if words[0] in _NOT_AN_INGREDIENT_BEFORE or effect_lexicon().has(name_key(folded)):
        return False
    # "Quickly reduces oil": a verb phrase, not a name (names before "oil" are nouns: "sea buckthorn oil")
    return not any(
        w in _NOT_AN_INGREDIENT_BEFORE or w in _NOT_IN_A_NAME or w.endswith(_NOT_IN_A_NAME_ENDINGS) or _A_VERB.fullmatch(w)
        for w in words[:-1]
    )


_NOT_IN_A_NAME = frozenset(phrases.NOT_IN_AN_INGREDIENT_NAME)
_NOT_IN_A_NAME_ENDINGS = phrases.NOT_IN_AN_INGREDIENT_NAME_ENDINGS
_A_VERB = re.compile(rf"(?:{_alternation(phrases.NOT_IN_AN_INGREDIENT_NAME_STEMS)})\w*")


@lru_cache(maxsize=4096)
def _inventory_name(phrase: str) -> bool:
    """Is `phrase` an ingredient of the EU inventory (exact INCI name or a common name it maps), or an
    everyday name of one the knowledge base lacks (`phrases.UNKNOWN_NAMES`)?"""
    if len(phrase) < 3 or not phrase[0].isalpha():
        return False
    folded = " ".join(phrase.split()).casefold()
    if folded in phrases.UNKNOWN_NAMES:
        return True
    if folded.endswith(_UNKNOWN_ENDINGS) and _named_like_an_ingredient(folded):
        return True
    try:
        entry = _inventory().lookup(phrase)
    except Exception:  # noqa: BLE001 - no inventory: no unknown subjects, as before
        return False
    return entry is not None and entry.via in ("exact", "alias")


def _grade(
    pairs: list[_Pair], mentions: tuple[Mention, ...], kb: KnowledgeBase, spelled_out: dict[str, str]
) -> tuple[Finding, ...]:
    """Attach the knowledge base's claims (best first) and opinions; add ingredients never paired. Initials
    ("SAP") are graded as the name they stand for (`spelled_out`), so they earn that form's evidence only."""
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
    from skincli.kb.levels import form_for_name

    graded: dict[tuple[str, str, str | None], tuple[tuple[Claim, ...], int]] = {}
    forms: dict[tuple[str, str], str | None] = {}  # (ingredient, name as written) -> its form: once per distinct name
    findings = []
    for n, (_key, mention, eff, how) in enumerate(rows, 1):
        ingredient = kb.ingredient(mention.ingredient)
        claims: tuple[Claim, ...] = ()
        fitting = 0
        if eff is not None:
            written = (mention.ingredient, mention.span.text)
            if written not in forms:
                forms[written] = form_for_name(ingredient, spelled_out.get(mention.span.text, mention.span.text))
            form = forms[written]
            key = (mention.ingredient, eff.effect, form)
            claims, fitting = graded.get(key) or graded.setdefault(key, best_claims(ingredient, eff.effect, form))
        findings.append(Finding(n, mention, eff, how, claims, ingredient.opinions, fitting))
    return tuple(findings)


def _flags(
    text: str,
    sentences: _Sentences,
    raw_flags: list[tuple[str, int, int]],
    sentence_of: Any,
    mentions: tuple[Mention, ...],
    subjects_by_sentence: dict[int, list[Mention]],
    kb: KnowledgeBase,
) -> tuple[Flag, ...]:
    """Each marketing pattern with its explanation, the 0-level claim it repeats, and for comparisons
    what is compared with what and the level under rule 10."""
    mentions_by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        mentions_by_sentence.setdefault(m.sentence, []).append(m)
    out = []
    for n, (kind, start, end) in enumerate(raw_flags, 1):
        cued = kind == _CUED
        kind = "comparison" if cued else kind
        sentence = sentence_of(start)
        here = mentions_by_sentence.get(sentence, [])
        # two procedures set against each other ("Unlike fillers, polynucleotides...") are a plain comparison
        procedures = kind in _COMPARING_KINDS and _procedure_compared(text, sentences[sentence], start, end)
        if kind == "injection-comparison" and procedures:
            kind = "comparison"
        claim = _link(kind, text[start:end], here, kb)
        subject = compared = level = None
        if phrases.FLAGS[kind]["compares"]:
            compared_m = next(
                (m for m in here if m.role == "comparison" and m.span.end > start and m.span.start < end + 60), None
            )
            compared = compared_m.ingredient if compared_m else None
            before = [m for m in subjects_by_sentence.get(sentence, []) if m.span.start < start]
            after = [m for m in subjects_by_sentence.get(sentence, []) if m.span.start >= end]
            subject_m = before[-1] if before else after[0] if after else None
            subject = subject_m.ingredient if subject_m else None
            if (
                kind == "comparison"
                and compared is not None
                and (compared in phrases.INJECTED_DRUGS or kb.ingredient(compared).kind == "procedure")
                and (not _injectable(kb.ingredient(subject)) if subject else cued)
                and not procedures
            ):
                kind = "injection-comparison"  # "a retinol cream is cheaper than Botox": a cream set against an injection
            if claim and claim[0] != subject:  # the compared thing's own claim is not this comparison's grade
                claim = None
            if claim is None and subject is not None and compared is not None:
                claim = _comparison_claim(kb, subject, compared)
            level = claim[1].level if claim else ADVERTISERS_WORD
        s = sentences[sentence]
        out.append(Flag(n, kind, _span(text, start, end), _explain(kind, text, s.start, s.end), claim, subject, compared, level))
    return tuple(out)


def _injectable(entry: Any) -> bool:
    """An injection or procedure, not a procedure also sold as a cream (PDRN): "Unsere PDRN-Creme ist eine
    Alternative zu Botox" sets a cream against an injection (whether the PDRN named is the injected one is
    `_procedure_compared`'s to say)."""
    return entry.kind in phrases.INJECTABLE_KINDS and not (entry.kind == "procedure" and "topical" in entry.use)


_PROCEDURE_SUBJECT = re.compile(phrases.PROCEDURE_SUBJECTS, re.IGNORECASE)
# "Revitalift Laser X3-Creme", "a microneedling serum": a product named after a procedure is a cream
_NAMES_A_CREAM = re.compile(r"[^.!?\n]{0,12}?(?:cream|creme|serum|seren|gel|lotion|balm|mask|maske)", re.IGNORECASE)


def _procedure_compared(text: str, sentence: _Sentence, start: int, end: int) -> bool:
    """Is the thing set against the injection itself a procedure ("Unlike fillers, polynucleotides...", "PRP
    lasts longer than fillers")? Then two procedures are compared: a comparison, not a cream's injection claim."""
    return any(
        not (start <= found.start() < end) and not _NAMES_A_CREAM.match(text, found.end())
        for found in _PROCEDURE_SUBJECT.finditer(text, sentence.start, sentence.end)
    )


def _explain(kind: str, text: str, start: int, end: int) -> str:
    """The kind's explanation; "clinically proven" next to a citation (in its sentence) says so."""
    if kind == "clinically-proven" and _CITATION.search(text, start, end):
        return "The text cites a study: check that it tested this product, on people, for this effect."
    return phrases.FLAGS[kind]["explanation"]


def _comparison_claim(kb: KnowledgeBase, subject: str, compared: str) -> tuple[str, Claim] | None:
    """The subject's comparison claim on record that names the compared ingredient ("works as well as
    minoxidil 5%"), best level first: rule 10 grades the comparison by it, not by the advertiser's word."""
    other = kb.ingredient(compared)
    names = [n.casefold() for n in (other.name, *other.aliases) if len(n) >= 3]
    found = [c for c in kb.ingredient(subject).claims if c.comparison and any(name in c.statement.casefold() for name in names)]
    return (subject, max(found, key=lambda c: c.level if c.level is not None else -1)) if found else None


def _link(kind: str, flagged: str, here: list[Mention], kb: KnowledgeBase) -> tuple[str, Claim] | None:
    """The knowledge base's claim that this pattern repeats, if any: a comparison claim (grading rule 10)
    or a 0-level claim of an ingredient named in the same sentence, with the same number for a numeric
    superlative or the same key word (botox, filler, miracle...) for the others."""
    words = phrases.FLAGS[kind]["link"]
    if not words:
        return None
    numbers = _numbers(flagged) if "<number>" in words else set()
    keywords = [w for w in words if w != "<number>"]
    for ingredient_id in dict.fromkeys(m.ingredient for m in here):
        for claim in kb.ingredient(ingredient_id).claims:
            if claim.level != 0 and not claim.comparison:
                continue
            statement = claim.statement.casefold()
            if (numbers and numbers & _numbers(claim.statement)) or any(w in statement for w in keywords):
                return ingredient_id, claim
    return None
