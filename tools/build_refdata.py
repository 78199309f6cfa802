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

SCHEMA_VERSION = 1

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
    update_date TEXT NOT NULL
);
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
_ANNEX_ORDER = {"II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6}


def _annex_names(cell: str) -> list[str]:
    """INCI names in an annex cell ("A, B", "A / B", "A; B", "A AND B"), skipping prose."""
    out = []
    protected = _LETTER_COMMA.sub("\\1\x00", cell.upper())
    for part in _ANNEX_SPLIT.split(protected):
        part = part.replace("\x00", ",")
        part = " ".join(_ANNEX_NOISE.sub("", part).split()).strip(" .")
        if (
            sum(c.isalpha() for c in part) < 3
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
    annex_only = 0
    for row in annexes:
        cur = con.execute(
            "INSERT INTO annex (annex, ref, names, chemical_name, product_type, max_concentration,"
            " other_conditions, warnings, colour, regulation, update_date)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
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
                )
            ),
        )
        annex_id = int(cur.lastrowid)
        for name in _cell_names(row["inci_name"], exact) + _cell_names(row["identified_ingredients"], exact):
            key = normalize(name)
            inci_id = exact.get(key) or loose.get(loose_key(name))
            if inci_id is None:
                if not key:
                    continue
                inci_id = add_inci(name.upper(), "", "", "", "annex")
                annex_only += 1
            links.add((inci_id, annex_id))

    con.executemany("INSERT INTO inci_annex VALUES (?, ?)", sorted(links))
    con.executemany("INSERT INTO lookup VALUES (?, ?)", sorted(keyed))
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
        "bytes": out.stat().st_size,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared", type=Path, default=Path("../shared/data"), help="folder holding cosing-inventory/ and cosing-annexes/"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "skincli" / "refdata" / "cosing.sqlite")
    args = parser.parse_args(argv)
    stats = build(args.shared, args.out)
    for key, value in stats.items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
