"""The real label sets used to measure `scan`, and their fixed dev / held-out split.

Each source lives in tests/data/<dir>/ with its SOURCE.txt (provenance and licence). A list is
held out when ``int(sha256(id).hexdigest(), 16) % 5 < 2`` (about 40%), where id is the Open Beauty
Facts barcode or the pick-spf id ("pickspf-7"). The rule never changes: development looks only at
the dev part; the held-out part is measured, never inspected for fixes.

A list is measured only when it reads as a list: at least 5 pieces when split on commas, bullets,
semicolons, line breaks and " - " (a rule that does not depend on the scanner).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import NamedTuple

DATA = Path(__file__).parent / "data"
SOURCES = {
    "obf": ["obf/obf_inci_lists.jsonl", "obf/obf_raw_lists.jsonl"],
    "pickspf": ["pickspf/sunscreens.jsonl"],
}
_PIECES = re.compile(r",|;|\u2022|\n|\r| - ")


class Label(NamedTuple):
    source: str
    id: str
    text: str
    held_out: bool
    file: str


def held_out(label_id: str) -> bool:
    """The fixed split: about two lists in five are held out."""
    return int(hashlib.sha256(label_id.encode("utf-8")).hexdigest(), 16) % 5 < 2


def reads_as_list(text: str) -> bool:
    return len([p for p in _PIECES.split(text) if p.strip()]) >= 5


def labels(source: str | None = None) -> list[Label]:
    """Every measured label of one source (or all), in file order."""
    out: list[Label] = []
    for name, files in SOURCES.items():
        if source is not None and name != source:
            continue
        for rel in files:
            with (DATA / rel).open(encoding="utf-8") as fh:
                for line in fh:
                    if not line.strip():
                        continue
                    row = json.loads(line)
                    label_id = str(row.get("code") or row["id"])
                    text = row["ingredients_text"]
                    if reads_as_list(text):
                        out.append(Label(name, label_id, text, held_out(label_id), rel))
    return out
