#!/usr/bin/env python3
"""Build skincli/label/refdata/cosing.sqlite from the CosIng CSV extracts.

The CSVs are parsed once here, so users never parse CSV at run time. The output is
deterministic (fixed row order, no timestamps, VACUUMed) so a rebuild from the same inputs
gives the same bytes with the same SQLite version.

    python3 tools/build_refdata.py [--shared ../shared/data] [--out skincli/label/refdata/cosing.sqlite]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import re
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from skincli.label.inci import loose_key, normalize  # noqa: E402  (single source of the lookup keys)

SCHEMA_VERSION = 2

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE inci (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,               -- INCI name as CosIng spells it
    functions TEXT NOT NULL,          -- ' '-joined function ids (table function)
    cas TEXT NOT NULL,
    ec TEXT NOT NULL,
    origin TEXT NOT NULL,             -- 'inventory' or 'annex' (name known only from an annex)
    p2 TEXT NOT NULL,                 -- first 2 chars of the loose key (narrows suggestions;
    s3 TEXT NOT NULL,                 -- last 3 chars of the loose key   a full scan takes ~3 ms,
    klen INTEGER NOT NULL             -- length of the loose key         so no index is needed)
);
CREATE TABLE function (id INTEGER PRIMARY KEY, name TEXT NOT NULL);  -- e.g. 'SKIN CONDITIONING'
CREATE TABLE lookup (
    key TEXT NOT NULL,                -- skincli.label.inci.loose_key(name); a few spellings share one
    inci_id INTEGER NOT NULL REFERENCES inci(id),
    PRIMARY KEY (key, inci_id)
) WITHOUT ROWID;
CREATE TABLE annex (
    id INTEGER PRIMARY KEY,
    annex TEXT NOT NULL,              -- II (prohibited), III (restricted), IV (colorants),
    ref TEXT NOT NULL,                -- V (preservatives), VI (UV filters)
    names TEXT NOT NULL,              -- the annex's INCI-name cell
    chemical_name TEXT NOT NULL,
    product_type TEXT NOT NULL,
    max_concentration TEXT NOT NULL,
    other_conditions TEXT NOT NULL,
    warnings TEXT NOT NULL,
    colour TEXT NOT NULL,
    regulation TEXT NOT NULL,
    update_date TEXT NOT NULL,
    cmr TEXT NOT NULL,                -- CMR classification (the usual reason for an Annex II entry)
    form TEXT NOT NULL                -- 'nano' when the entry covers only the nano form, else ''
);
CREATE TABLE bag (
    key TEXT NOT NULL,                -- the name's words as loose keys, sorted, joined by ' ':
    inci_id INTEGER NOT NULL REFERENCES inci(id),  -- "cetyl phosphate potassium" (any word order)
    PRIMARY KEY (key, inci_id)
) WITHOUT ROWID;
CREATE TABLE synonym (
    key TEXT NOT NULL,                -- loose_key of a chemical name or INN from an annex entry
    inci_id INTEGER NOT NULL REFERENCES inci(id),
    name TEXT NOT NULL,               -- the name as the annex writes it ("Tretinoin")
    kind TEXT NOT NULL,               -- 'inn' or 'chemical'
    PRIMARY KEY (key, inci_id)
) WITHOUT ROWID;
CREATE TABLE inci_annex (
    inci_id INTEGER NOT NULL REFERENCES inci(id),
    annex_id INTEGER NOT NULL REFERENCES annex(id),
    PRIMARY KEY (inci_id, annex_id)
) WITHOUT ROWID;
"""


_ANNEX_SPLIT = re.compile(
    r"\s*;\s*|\s+/\s*|\s*/\s+|\s+(?:\(AND\)|AND)\s+"
    r"|(?<![\d']),|,(?!\d)"  # a comma splits, but not in "1,2-HEXANEDIOL" ...
)
_LETTER_COMMA = re.compile(r"(?<![A-Z0-9])([A-Z]'?),(?=[A-Z]'?-)")  # ... nor in "N,N-DIMETHYL"
_ANNEX_NOISE = re.compile(r"\s*\((?:nano|\d)\)", re.IGNORECASE)
_ION_WORDS = frozenset({"ACETATE", "CHLORIDE", "SULFATE", "SULPHATE", "NITRATE", "PHOSPHATE", "BROMIDE", "SALTS", "ESTERS"})
_CI_NAME = re.compile(r"^CI \d{5}(?::\d)?$")
_CI_SLASH = re.compile(r"\s*/\s*(?=CI \d{5})|(?<=\d{5})\s*/\s*")  # "TITANIUM DIOXIDE/CI 77891"
_NANO = re.compile(r"\(\s*nano\s*\)", re.IGNORECASE)
_ANNEX_ORDER = {"II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6}


def _annex_names(cell: str) -> list[str]:
    """INCI names in an annex cell ("A, B", "A / B", "A; B", "A AND B"), skipping prose."""
    out = []
    protected = _CI_SLASH.sub(" / ", _LETTER_COMMA.sub("\\1\x00", cell.upper()))
    for part in _ANNEX_SPLIT.split(protected):
        part = part.replace("\x00", ",")
        part = " ".join(_ANNEX_NOISE.sub("", part).split()).strip(" .")
        if _CI_NAME.match(part):
            out.append(part)
            continue
        if (
            sum(c.isalpha() for c in part) < 3
            or part in _ION_WORDS  # "..., acetate" ends a chemical name: no ingredient is called that
            or len(part) > 100
            or ":" in part
            or " IS A " in part
            or part.startswith("X ")
            or part.endswith("-")
            or part.count("(") != part.count(")")
        ):
            continue
        out.append(part)
    return out


_INN = re.compile(r"([A-Za-z][\w\-]*(?: [a-z][\w\-]*){0,2}) \((?:INN|ISO)\)")
_CHEM_TAIL = re.compile(
    r"(?:,? (?:and|its|their) (?:its |their )?(?:salts|esters|isomers|derivatives)\b.*"
    r"|, (?:when|if|with the exception|except)\b.*|\s*\[[^\]]*\]|\s*\((?:INN|ISO|nano)\))",
    re.IGNORECASE,
)


def _chemical_names(cell: str) -> list[tuple[str, str]]:
    """(name, kind) pairs a label might print for an annex entry: INNs and short chemical names.

    "Tretinoin (INN) (retinoic acid and its salts)" -> Tretinoin (inn), retinoic acid (chemical).
    Long systematic names ("Benzoic acid, 2-hydroxy-, ...") are skipped: no label prints them.
    """
    out: list[tuple[str, str]] = [(m.group(1), "inn") for m in _INN.finditer(cell)]
    for part in re.split(r" \| |; |\s\[\d+\]\s*", cell):
        # "1,4-Dihydroxybenzene (Hydroquinone)": a name in brackets after a blank, not a substituent
        # such as "(hydroxymethyl)" inside a systematic name
        inner = [
            m
            for m in re.findall(r"(?<= )\(([A-Za-z][A-Za-z \-]{4,40})\)(?=$|[ ,;])", part)
            if not re.search(r"(?:yl|oxy|bis|azo|ylene|idene|o)$", m, re.I)
        ]
        for name in [_CHEM_TAIL.sub("", part), *inner]:
            name = " ".join(_CHEM_TAIL.sub("", name).split()).strip(" ,.")
            words = name.split()
            if (
                1 <= len(words) <= 4
                and sum(c.isalpha() for c in name) >= 4
                and not re.search(r"[\[\]();:]|\d,\d|\bcontain|\bused\b|\bmixture\b|^moved|^deleted", name, re.I)
                and name.upper() not in {"INN", "ISO"}
            ):
                out.append((name, "chemical"))
    return list(dict.fromkeys(out))


def _entry_form(row: dict[str, str]) -> str:
    """'nano' when the entry names only nano forms (Annex II/1725 bans styrene/acrylates copolymer (nano))."""
    text = f"{row['inci_name']} | {row['chemical_name']}"
    return "nano" if _NANO.search(text) and "massive" not in text.lower() else ""


def _drop_mixture_parts(con: sqlite3.Connection, links: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """An Annex V entry for a mixture ("CITRIC ACID (AND) SILVER CITRATE", "METHYLCHLOROISOTHIAZOLINONE
    AND METHYLISOTHIAZOLINONE") covers the mixture, not each part on its own: a part keeps the link only
    if it is itself a preservative (CosIng function) with no entry of its own in Annex V."""
    mixtures = {
        aid
        for aid, names in con.execute("SELECT id, names FROM annex WHERE annex = 'V'")
        if re.search(r"\(AND\)|\sAND\s", names.upper())
    }
    preservative = {
        iid
        for iid, codes in con.execute("SELECT id, functions FROM inci")
        if any(name in ("PRESERVATIVE",) for name in _function_names(con, codes))
    }
    own_v = {
        iid
        for iid, aid in links
        if aid not in mixtures and con.execute("SELECT annex FROM annex WHERE id = ?", (aid,)).fetchone()[0] == "V"
    }
    return {(iid, aid) for iid, aid in links if aid not in mixtures or (iid in preservative and iid not in own_v)}


_FUNCTION_CACHE: dict[str, str] = {}


def _function_names(con: sqlite3.Connection, codes: str) -> list[str]:
    if not _FUNCTION_CACHE:
        _FUNCTION_CACHE.update({str(i): n for i, n in con.execute("SELECT id, name FROM function")})
    return [_FUNCTION_CACHE[c] for c in codes.split()]


def _clean_text(text: str) -> str:
    """Drop soft hyphens (line-break hints in the Commission's text) and collapse blanks."""
    return " ".join(text.replace("\u00ad", "").split())


def _cell_names(cell: str, known: dict[str, int]) -> list[str]:
    """The whole cell if it is a known name ("TERPENES AND TERPENOIDS"), else its parts."""
    whole = " ".join(cell.split())
    return [whole] if normalize(whole) in known else _annex_names(cell)


def _ref_sort_key(ref: str) -> tuple[int, str]:
    m = re.match(r"(\d+)(.*)", ref)
    return (int(m.group(1)), m.group(2)) if m else (10**9, ref)


def build(shared: Path, out: Path) -> dict[str, int]:
    inv_csv = shared / "cosing-inventory" / "cosing_inventory.csv"
    ann_csv = shared / "cosing-annexes" / "cosing_annexes.csv"
    with inv_csv.open(encoding="utf-8", newline="") as fh:
        inventory = sorted(csv.DictReader(fh), key=lambda r: r["inci_name"])
    with ann_csv.open(encoding="utf-8", newline="") as fh:
        annexes = list(csv.DictReader(fh))
    annexes.sort(key=lambda r: (_ANNEX_ORDER.get(r["annex"], 9), _ref_sort_key(r["ref"])))

    tmp = out.with_suffix(".tmp")
    if tmp.exists():
        tmp.unlink()
    con = sqlite3.connect(tmp)
    con.execute("PRAGMA page_size = 4096")
    con.executescript(SCHEMA)

    names: dict[str, int] = {}
    exact: dict[str, int] = {}
    loose: dict[str, int] = {}
    keyed: set[tuple[str, int]] = set()

    def add_inci(name: str, functions: str, cas: str, ec: str, origin: str) -> int:
        lk = loose_key(name)
        cur = con.execute(
            "INSERT INTO inci (name, functions, cas, ec, origin, p2, s3, klen) VALUES (?,?,?,?,?,?,?,?)",
            (name, functions, cas, ec, origin, lk[:2], lk[-3:], len(lk)),
        )
        row_id = int(cur.lastrowid)
        names[name] = row_id
        exact.setdefault(normalize(name), row_id)  # first (sorted) spelling wins on a tie
        if lk:
            loose.setdefault(lk, row_id)
            keyed.add((lk, row_id))
        return row_id

    all_functions = sorted({f.strip() for row in inventory for f in row["functions"].split(";") if f.strip()})
    function_ids = {name: i for i, name in enumerate(all_functions, start=1)}
    con.executemany("INSERT INTO function VALUES (?, ?)", [(i, n) for n, i in function_ids.items()])
    for row in inventory:
        name = " ".join(row["inci_name"].split()).upper()
        if not name or name in names:
            continue
        codes = [str(function_ids[f.strip()]) for f in row["functions"].split(";") if f.strip()]
        add_inci(name, " ".join(codes), row["cas"].strip(), row["ec"].strip(), "inventory")

    links: set[tuple[int, int]] = set()
    synonyms: set[tuple[str, int, str, str]] = set()
    annex_only = 0
    for row in annexes:
        cur = con.execute(
            "INSERT INTO annex (annex, ref, names, chemical_name, product_type, max_concentration,"
            " other_conditions, warnings, colour, regulation, update_date, cmr, form)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            tuple(
                _clean_text(row[column])
                for column in (
                    "annex",
                    "ref",
                    "inci_name",
                    "chemical_name",
                    "product_type",
                    "max_concentration",
                    "other_conditions",
                    "warnings",
                    "colour",
                    "regulation",
                    "update_date",
                    "cmr",
                )
            )
            + (_entry_form(row),),
        )
        annex_id = int(cur.lastrowid)
        linked: list[int] = []
        for name in _cell_names(row["inci_name"], exact) + _cell_names(row["identified_ingredients"], exact):
            key = normalize(name)
            inci_id = exact.get(key) or loose.get(loose_key(name))
            if inci_id is None:
                if not key:
                    continue
                inci_id = add_inci(name.upper(), "", "", "", "annex")
                annex_only += 1
            links.add((inci_id, annex_id))
            linked.append(inci_id)
        chem = _chemical_names(row["chemical_name"])
        for name, kind in chem:
            lk = loose_key(name)
            if not lk:
                continue
            if lk in loose:  # already an INCI name: link it when the entry names nothing else
                if not linked:
                    links.add((loose[lk], annex_id))
                    linked.append(loose[lk])
                continue
            if not linked:  # no INCI name at all: the chemical name stands for the entry
                inci_id = add_inci(name.upper(), "", "", "", "annex")
                annex_only += 1
                links.add((inci_id, annex_id))
                linked.append(inci_id)
                continue
            for inci_id in dict.fromkeys(linked):
                synonyms.add((lk, inci_id, name, kind))

    links = _drop_mixture_parts(con, links)
    con.executemany("INSERT INTO inci_annex VALUES (?, ?)", sorted(links))
    con.executemany("INSERT INTO lookup VALUES (?, ?)", sorted(keyed))
    bags = {}
    for name, inci_id in names.items():
        words = [loose_key(w) for w in re.split(r"[\s/]+", name) if loose_key(w)]
        if len(words) >= 2:
            bags.setdefault(" ".join(sorted(words)), inci_id)
    con.executemany("INSERT INTO bag VALUES (?, ?)", sorted(bags.items()))
    seen_syn: set[tuple[str, int]] = set()
    for syn in sorted(synonyms):
        if syn[:2] not in seen_syn:
            seen_syn.add(syn[:2])
            con.execute("INSERT INTO synonym VALUES (?, ?, ?, ?)", syn)
    digests = {
        "inventory_sha256": hashlib.sha256(inv_csv.read_bytes()).hexdigest(),
        "annexes_sha256": hashlib.sha256(ann_csv.read_bytes()).hexdigest(),
    }
    meta = {
        "schema_version": str(SCHEMA_VERSION),
        "source_inventory": "EU CosIng ingredient inventory (c) European Union, CC BY 4.0",
        "source_annexes": "EU CosIng Annexes II-VI of Regulation (EC) No 1223/2009, CC BY 4.0",
        "inci_count": str(len(names)),
        "annex_count": str(len(annexes)),
        **digests,
    }
    con.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    con.commit()
    con.execute("VACUUM")
    con.close()
    os.replace(tmp, out)
    return {
        "inci": len(names),
        "annex_only_names": annex_only,
        "annex_entries": len(annexes),
        "annex_links": len(links),
        "lookup_rows": len(keyed),
        "lookup_keys": len(loose),
        "synonyms": len(seen_syn),
        "bags": len(bags),
        "bytes": out.stat().st_size,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared", type=Path, default=Path("../shared/data"), help="folder holding cosing-inventory/ and cosing-annexes/"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "skincli" / "label" / "refdata" / "cosing.sqlite")
    args = parser.parse_args(argv)
    stats = build(args.shared, args.out)
    for key, value in stats.items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
