"""Word forms: "pregnant" finds "pregnancy", "irritation" finds "irritating", "Falten" finds "Falte".

A light suffix-stripping stemmer for English and German, enough to match the forms people type to the
forms the knowledge base writes. It never needs to be a linguist's stem: both sides go through the
same function, and a stem is kept at least four letters long so short words do not collide.
"""

from __future__ import annotations

import re
import unicodedata

# Longest first. English: -ation(s), -ancy, -ant, -ing, -ed, -es, -s, -e ...; German: -ungen, -ung, -en.
_SUFFIXES = tuple(
    sorted(
        "ations ation ating ances ancy ance ants ant ences ency ence ates ated ate ions ion ings ing ities ity ies ied "
        "ness ising izing ised ized ises izes ers er es ed s e y ungen ung heit keit en".split(),
        key=len,
        reverse=True,
    )
)
_MIN_STEM = 4
_WORD = re.compile(r"[0-9a-z]+")


def fold(text: str) -> str:
    """Case- and accent-insensitive text (ä -> a); spaces kept, runs of space collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def stem(word: str) -> str:
    """The word without its known endings (stripped until none is left), keeping at least four letters.

    No ending that chemical names use ("-al", "-ol", "-in") is stripped: "retinal" stays apart from
    "retinol", "glycerin" from "glycerol".
    """
    for _ in range(3):
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
                word = word[: -len(suffix)]
                break
        else:
            return word
    return word


def stems(text: str) -> list[str]:
    """The stems of every word of a text, in order."""
    return [stem(w) for w in _WORD.findall(fold(text))]


def matches(query: list[str], text: str) -> bool:
    """Whether every query stem begins some word stem of the text ("gold stand" finds "gold standard")."""
    found = stems(text)
    return all(any(s.startswith(q) for s in found) for q in query)
