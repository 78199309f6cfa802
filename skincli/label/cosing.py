"""Look names up in the EU CosIng inventory and annexes shipped as skincli/label/refdata/cosing.sqlite.

The database is opened read-only and only on first use, so importing this module costs nothing.
It handles US label names ("FRAGRANCE" -> PARFUM), US colour names ("YELLOW 5" -> CI 19140) and
colour-index spellings ("C.I. 77491", OCR'd "CL 77491") besides spacing/typography variants.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import ExitStack
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from skincli.label.inci import loose_key, normalize

if TYPE_CHECKING:
    import sqlite3
    from os import PathLike

__all__ = ["ALIASES", "AnnexEntry", "CosIng", "CosIngEntry", "default_cosing"]

# US / common label names whose INCI (EU) name differs. Sources: the INCI vs. US "established
# name" pairs for sunscreen drug actives (21 CFR 352), FD&C/D&C colour names vs. Colour Index
# numbers (21 CFR 74), and everyday US label words. Keys are label spellings, values INCI names.
ALIASES: dict[str, str] = {
    "FRAGRANCE": "PARFUM",
    # Older INCI spelling of lemon, still printed on labels (seen on Open Beauty Facts lists).
    "CITRUS MEDICA LIMONUM PEEL OIL": "CITRUS LIMON PEEL OIL",
    "CITRUS MEDICA LIMONUM FRUIT EXTRACT": "CITRUS LIMON FRUIT EXTRACT",
    "PERFUME": "PARFUM",
    "EAU": "AQUA",
    "ACQUA": "AQUA",
    "AGUA": "AQUA",
    "PURIFIED WATER": "WATER",
    "DEIONIZED WATER": "WATER",
    "DISTILLED WATER": "WATER",
    "MINERAL OIL": "PARAFFINUM LIQUIDUM",
    "HUILE MINERALE": "PARAFFINUM LIQUIDUM",
    "PETROLEUM JELLY": "PETROLATUM",
    "SHEA BUTTER": "BUTYROSPERMUM PARKII BUTTER",
    "VITAMIN E": "TOCOPHEROL",
    "VITAMIN E ACETATE": "TOCOPHERYL ACETATE",
    "VITAMIN C": "ASCORBIC ACID",
    "VITAMIN B3": "NIACINAMIDE",
    "PROVITAMIN B5": "PANTHENOL",
    "SD ALCOHOL 40": "ALCOHOL DENAT.",
    "SD ALCOHOL 40-B": "ALCOHOL DENAT.",
    "SD ALCOHOL 39-C": "ALCOHOL DENAT.",
    "SODIUM CARBOXYMETHYL CELLULOSE": "CELLULOSE GUM",
    "AVOBENZONE": "BUTYL METHOXYDIBENZOYLMETHANE",
    "OCTISALATE": "ETHYLHEXYL SALICYLATE",
    "OCTYL SALICYLATE": "ETHYLHEXYL SALICYLATE",
    "OCTINOXATE": "ETHYLHEXYL METHOXYCINNAMATE",
    "OCTYL METHOXYCINNAMATE": "ETHYLHEXYL METHOXYCINNAMATE",
    "OXYBENZONE": "BENZOPHENONE-3",
    "SULISOBENZONE": "BENZOPHENONE-4",
    "ENSULIZOLE": "PHENYLBENZIMIDAZOLE SULFONIC ACID",
    "ECAMSULE": "TEREPHTHALYLIDENE DICAMPHOR SULFONIC ACID",
    "MERADIMATE": "MENTHYL ANTHRANILATE",
    "PADIMATE O": "ETHYLHEXYL DIMETHYL PABA",
    "BEMOTRIZINOL": "BIS-ETHYLHEXYLOXYPHENOL METHOXYPHENYL TRIAZINE",
    "BISOCTRIZOLE": "METHYLENE BIS-BENZOTRIAZOLYL TETRAMETHYLBUTYLPHENOL",
    "BUTYLATED HYDROXYANISOLE": "BHA",
}

# FD&C / D&C colour names -> Colour Index number (21 CFR 74 listings).
US_COLOURS: dict[tuple[str, int], str] = {
    ("YELLOW", 5): "CI 19140",
    ("YELLOW", 6): "CI 15985",
    ("YELLOW", 10): "CI 47005",
    ("YELLOW", 11): "CI 47000",
    ("RED", 4): "CI 14700",
    ("RED", 6): "CI 15850",
    ("RED", 7): "CI 15850",
    ("RED", 21): "CI 45380",
    ("RED", 22): "CI 45380",
    ("RED", 27): "CI 45410",
    ("RED", 28): "CI 45410",
    ("RED", 30): "CI 73360",
    ("RED", 33): "CI 17200",
    ("RED", 36): "CI 12085",
    ("RED", 40): "CI 16035",
    ("BLUE", 1): "CI 42090",
    ("GREEN", 3): "CI 42053",
    ("GREEN", 5): "CI 61570",
    ("GREEN", 6): "CI 61565",
    ("ORANGE", 4): "CI 15510",
    ("ORANGE", 5): "CI 45370",
    ("VIOLET", 2): "CI 60725",
}

# plain strings: re caches them compiled on first use, keeping the import cheap
_CI = r"^c\s?[il1|]\s?(\d{5})(?::?(\d))?$"
_US_COLOUR = (
    r"^(?:(?:ext\s)?(?:fd&c|d&c|fdc|dc)\s)?(yellow|red|blue|green|orange|violet)\s?(?:no\s?)?(\d{1,2})"
    r"(?:\s(?:aluminum\s|al\s|ca\s|ba\s)?lake)?$"
)
_TEXT_MAX = 300


class AnnexEntry(NamedTuple):
    """One entry of Annexes II-VI of Regulation (EC) No 1223/2009 that names the ingredient."""

    annex: str  # II prohibited, III restricted, IV colorant, V preservative, VI UV filter
    ref: str
    max_concentration: str
    product_type: str
    conditions: str
    warnings: str

    @property
    def label(self) -> str:
        """Short citation, e.g. "Annex V/3"."""
        return f"Annex {self.annex}/{self.ref}"

    @property
    def prohibited(self) -> bool:
        return self.annex == "II"


class CosIngEntry(NamedTuple):
    """A CosIng match: the INCI name, its CosIng functions and any annex entries."""

    inci_name: str
    functions: tuple[str, ...]
    annexes: tuple[AnnexEntry, ...]
    via: str = "exact"  # exact | loose | alias | colour


@cache
def _alias_keys() -> dict[str, str]:
    return {loose_key(k): v for k, v in ALIASES.items()}


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _TEXT_MAX else text[: _TEXT_MAX - 1].rstrip() + "…"


class CosIng:
    """Read-only access to the shipped CosIng database, opened lazily and cached per name."""

    def __init__(self, path: str | PathLike[str] | None = None) -> None:
        self._path = path
        self._con: sqlite3.Connection | None = None
        self._stack = ExitStack()
        self._cache: dict[str, CosIngEntry | None] = {}
        self._functions: dict[int, str] = {}

    # -- connection ----------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        if self._con is None:
            import sqlite3
            from pathlib import Path

            if self._path is None:
                path = Path(__file__).resolve().parent / "refdata" / "cosing.sqlite"
                if not path.is_file():  # a zipped install: importlib.resources extracts a copy
                    from importlib.resources import as_file, files

                    resource = files("skincli.label.refdata").joinpath("cosing.sqlite")
                    path = Path(self._stack.enter_context(as_file(resource)))
            else:
                path = Path(self._path)
            if not path.is_file():
                raise FileNotFoundError(f"CosIng database not found: {path}")
            uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
            con = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._functions = dict(con.execute("SELECT id, name FROM function"))
            self._con = con
        return self._con

    def close(self) -> None:
        """Close the database (it reopens on next use)."""
        if self._con is not None:
            self._con.close()
            self._con = None
        self._stack.close()

    def __enter__(self) -> CosIng:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def meta(self) -> dict[str, str]:
        """Build information stored in the database (sources, counts, input checksums)."""
        return dict(self._connect().execute("SELECT key, value FROM meta"))

    # -- lookup --------------------------------------------------------------------------------
    def lookup(self, name: str) -> CosIngEntry | None:
        """The CosIng entry a label name stands for, or None. Never guesses beyond spelling."""
        key = normalize(name)
        if not key:
            return None
        if key in self._cache:
            return self._cache[key]
        entry = self._resolve(key)
        self._cache[key] = entry
        return entry

    def _resolve(self, key: str) -> CosIngEntry | None:
        colour = re.match(_CI, key)
        if colour:
            ci = f"CI {colour.group(1)}" + (f":{colour.group(2)}" if colour.group(2) else "")
            hit = self._by_key(ci)
            via = "exact" if key == normalize(ci) else "colour"
            return self._entry(hit, via) if hit else None
        hit = self._by_key(key)
        if hit:
            return self._entry(hit, "exact" if normalize(hit[1]) == key else "loose")
        target = _alias_keys().get(loose_key(key))
        if target is None:
            us = re.match(_US_COLOUR, key)
            if us:
                target = US_COLOURS.get((us.group(1).upper(), int(us.group(2))))
        if target:
            hit = self._by_key(target)
            return self._entry(hit, "alias") if hit else None
        return None

    def _by_key(self, name: str) -> tuple[int, str, str] | None:
        lk = loose_key(name)
        if not lk:
            return None
        rows = (
            self._connect()
            .execute(
                "SELECT inci.id, inci.name, inci.functions FROM lookup JOIN inci ON inci.id = inci_id"
                " WHERE key = ? ORDER BY inci.origin DESC, inci.id",
                (lk,),
            )
            .fetchall()
        )
        if not rows:
            return None
        wanted = normalize(name)
        for row in rows:  # several spellings share a loose key: prefer the exact one
            if normalize(row[1]) == wanted:
                return row
        return rows[0]

    def _entry(self, row: tuple[int, str, str], via: str) -> CosIngEntry:
        inci_id, name, codes = row
        functions = tuple(self._functions[int(c)] for c in codes.split())
        annexes = tuple(
            AnnexEntry(
                annex=a,
                ref=ref,
                max_concentration=_short(maxc),
                product_type=_short(ptype),
                conditions=_short(other),
                warnings=_short(warn),
            )
            for a, ref, maxc, ptype, other, warn in self._connect().execute(
                "SELECT annex, ref, max_concentration, product_type, other_conditions, warnings"
                " FROM inci_annex JOIN annex ON annex.id = annex_id WHERE inci_id = ?"
                " ORDER BY annex.id",
                (inci_id,),
            )
        )
        return CosIngEntry(inci_name=name, functions=functions, annexes=annexes, via=via)

    # -- suggestions ---------------------------------------------------------------------------
    def suggest(self, name: str, n: int = 3) -> list[str]:
        """INCI names close to a misspelt one ("Niacinamid" -> NIACINAMIDE), best first.

        SQL narrows the pool to names sharing the first two or last three letters and a similar
        length; difflib ranks that pool. A few ms per call.
        """
        import difflib

        lk = loose_key(name)
        if len(lk) < 3 or n <= 0:
            return []
        lo, hi = int(len(lk) * 0.75), int(len(lk) * 1.25) + 2
        pool: dict[str, str] = {}
        for key, target in self._pool(lk, lo, hi):
            pool.setdefault(key, target)
        matches = difflib.get_close_matches(lk, list(pool), n=n * 3, cutoff=0.75)
        out: list[str] = []
        for match in matches:
            if pool[match] not in out:
                out.append(pool[match])
        return out[:n]

    def _pool(self, lk: str, lo: int, hi: int) -> Iterator[tuple[str, str]]:
        # The lookup table already holds each name's loose key: recomputing it in Python for the
        # ~700 rows a common prefix matches cost ~25 ms per unknown name.
        rows = self._connect().execute(
            "SELECT lookup.key, inci.name FROM inci JOIN lookup ON lookup.inci_id = inci.id"
            " WHERE (inci.p2 = ? OR inci.s3 = ?) AND inci.klen BETWEEN ? AND ?",
            (lk[:2], lk[-3:], lo, hi),
        )
        yield from rows
        for alias_key, target in _alias_keys().items():
            if (alias_key[:2] == lk[:2] or alias_key[-3:] == lk[-3:]) and lo <= len(alias_key) <= hi:
                yield alias_key, target


_DEFAULT: CosIng | None = None


def default_cosing() -> CosIng:
    """The process-wide CosIng instance on the shipped database."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = CosIng()
    return _DEFAULT
