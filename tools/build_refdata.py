#!/usr/bin/env python3
"""Build skincli/refdata/cosing.sqlite from the CosIng CSV extracts.

The CSVs are parsed once here, so users never parse CSV at run time. The output is
deterministic (fixed row order, no timestamps, VACUUMed) so a rebuild from the same inputs
gives the same bytes with the same SQLite version.

    python3 tools/build_refdata.py [--shared ../shared/data] [--out skincli/refdata/cosing.sqlite]
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

from skincli.inci import loose_key, normalize  # noqa: E402  (single source of the lookup keys)

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE inci (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,        -- INCI name as CosIng spells it
    functions TEXT NOT NULL,          -- ';'-joined CosIng functions
    cas TEXT NOT NULL,
    ec TEXT NOT NULL,
    origin TEXT NOT NULL,             -- 'inventory' or 'annex' (name known only from an annex)
    p2 TEXT NOT NULL,                 -- first 2 chars of the loose key   (suggestion narrowing)
    s3 TEXT NOT NULL,                 -- last 3 chars of the loose key
    klen INTEGER NOT NULL,            -- length of the loose key
    lkey TEXT NOT NULL                -- loose key
);
CREATE TABLE lookup (
    kind TEXT NOT NULL,               -- 'exact' (skincli.inci.normalize) or 'loose' (loose_key)
    key TEXT NOT NULL,
    inci_id INTEGER NOT NULL REFERENCES inci(id),
    PRIMARY KEY (kind, key)
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

INDEXES = """
CREATE INDEX inci_p2 ON inci(p2, klen);
CREATE INDEX inci_s3 ON inci(s3, klen);
"""

_ANNEX_SPLIT = re.compile(
    r"\s*;\s*|\s+/\s*|\s*/\s+|\s+(?:\(AND\)|AND)\s+"
    r"|(?<![\d'])(?<!\b[A-Z]),(?!\d)"  # a comma splits, but not in "1,2-" or "N,N-"
)
_ANNEX_NOISE = re.compile(r"\s*\((?:nano|\d)\)", re.IGNORECASE)
_ANNEX_ORDER = {"II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6}


def _annex_names(cell: str) -> list[str]:
    """INCI names in an annex cell ("A, B", "A / B", "A; B", "A AND B"), skipping prose."""
    out = []
    for part in _ANNEX_SPLIT.split(cell.upper()):
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

    def add_inci(name: str, functions: str, cas: str, ec: str, origin: str) -> int:
        lk = loose_key(name)
        cur = con.execute(
            "INSERT INTO inci (name, functions, cas, ec, origin, p2, s3, klen, lkey)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            (name, functions, cas, ec, origin, lk[:2], lk[-3:], len(lk), lk),
        )
        row_id = int(cur.lastrowid)
        names[name] = row_id
        exact.setdefault(normalize(name), row_id)  # first (sorted) spelling wins on a tie
        if lk:
            loose.setdefault(lk, row_id)
        return row_id

    for row in inventory:
        name = " ".join(row["inci_name"].split()).upper()
        if not name or name in names:
            continue
        add_inci(name, row["functions"].strip(), row["cas"].strip(), row["ec"].strip(), "inventory")

    links: set[tuple[int, int]] = set()
    annex_only = 0
    for row in annexes:
        cur = con.execute(
            "INSERT INTO annex (annex, ref, names, chemical_name, product_type, max_concentration,"
            " other_conditions, warnings, colour, regulation, update_date)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                row["annex"],
                row["ref"],
                row["inci_name"],
                row["chemical_name"],
                row["product_type"],
                row["max_concentration"],
                row["other_conditions"],
                row["warnings"],
                row["colour"],
                row["regulation"],
                row["update_date"],
            ),
        )
        annex_id = int(cur.lastrowid)
        for name in _annex_names(row["inci_name"]) + _annex_names(row["identified_ingredients"]):
            key = normalize(name)
            inci_id = exact.get(key) or loose.get(loose_key(name))
            if inci_id is None:
                if not key:
                    continue
                inci_id = add_inci(name.upper(), "", "", "", "annex")
                annex_only += 1
            links.add((inci_id, annex_id))

    con.executemany("INSERT INTO inci_annex VALUES (?, ?)", sorted(links))
    con.executemany(
        "INSERT INTO lookup VALUES ('exact', ?, ?)", sorted(exact.items())
    )
    con.executemany(
        "INSERT INTO lookup VALUES ('loose', ?, ?)", sorted(loose.items())
    )
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
    con.executescript(INDEXES)
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
        "exact_keys": len(exact),
        "loose_keys": len(loose),
        "bytes": out.stat().st_size,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"),
                        help="folder holding cosing-inventory/ and cosing-annexes/")
    parser.add_argument("--out", type=Path, default=ROOT / "skincli" / "refdata" / "cosing.sqlite")
    args = parser.parse_args(argv)
    stats = build(args.shared, args.out)
    for key, value in stats.items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
