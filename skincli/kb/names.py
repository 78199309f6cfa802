"""Name keys: how a typed name meets a knowledge-base name despite case, accents and punctuation."""

from __future__ import annotations

import re
import unicodedata

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"})
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def name_key(name: str) -> str:
    """The lookup key: casefolded, accents stripped, punctuation and spaces removed.

    "Hyaluronsäure", "hyaluronsaure" and "HYALURON-SÄURE" share one key. Idempotent.
    """
    if name.isascii():  # the common case, ten times faster than normalising
        return _NON_ALNUM.sub("", name.lower())
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_ALNUM.sub("", ascii_only)


def name_keys(name: str) -> set[str]:
    """All keys a name answers to: the plain key and the German transliteration (ä → ae)."""
    keys = {name_key(name)}
    if not name.isascii():  # only non-ASCII names can hold an umlaut to transliterate
        transliterated = name.translate(_GERMAN)
        if transliterated != name:
            keys.add(name_key(transliterated))
    keys.discard("")
    return keys
