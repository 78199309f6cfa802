"""How often two careful labellers agree on the same passages: the ceiling for `skincli check`'s scores.

A second labeller re-labelled 40 passages of the third set blind (tests/data/adverts/agreement.yaml); this
scores one labeller's labels against the other's with the same matching rules as advert_measure.py, and
the checker against each of them on the same passages:

    python tests/advert_agreement.py
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml
from advert_measure import ADVERTS_3, Tally, _occurrences, load, match_flags

SECOND = Path(__file__).parent / "data" / "adverts" / "agreement.yaml"


def _pairs(labels: dict[str, Any]) -> set[tuple[str, str]]:
    return {(i, e) for i, e in labels["pairs"] if i != "unknown"}


def score(text: str, truth: dict[str, Any], other: dict[str, Any], pairs: Tally, flags: Tally) -> None:
    """Count `other` against `truth` for one passage (pairs as sets, flags by kind and overlapping quote)."""
    t, o = _pairs(truth), _pairs(other)
    pairs.tp += len(t & o)
    pairs.fp += len(o - t)
    pairs.fn += len(t - o)
    predicted = [(kind, _occurrences(text, quote)) for kind, quote in other["flags"]]
    missed, extra = match_flags(text, truth["flags"], predicted)
    flags.tp += len(truth["flags"]) - len(missed)
    flags.fn += len(missed)
    flags.fp += len(extra)


def checker_labels(text: str, kb: Any) -> dict[str, Any]:
    from skincli.claims.check import check_text

    view = check_text(text, kb).to_dict()
    pairs = sorted({(f["ingredient"]["id"], f["effect"]) for f in view["findings"] if f["effect"] is not None})
    return {"pairs": [list(p) for p in pairs], "flags": [[g["kind"], g["text"]] for g in view["flags"]]}


def main() -> int:
    from skincli.kb.store import open_kb

    first = {p["id"]: p for p in load(ADVERTS_3)}
    with SECOND.open(encoding="utf-8") as fh:
        second = {p["id"]: p for p in yaml.safe_load(fh)["passages"]}
    kb = open_kb(None, use_overlay=False, use_cache=False)
    rows = {name: (Tally(), Tally()) for name in ("second vs first", "checker vs first", "checker vs second")}
    for pid, b in second.items():
        a, text = first[pid], first[pid]["text"]
        machine = checker_labels(text, kb)
        score(text, a, b, *rows["second vs first"])
        score(text, a, machine, *rows["checker vs first"])
        score(text, b, machine, *rows["checker vs second"])
    print(f"{len(second)} passages labelled by two labellers (the first is the reference of each row)")
    for name, (p, f) in rows.items():
        print(f"  {name:18}  pairs {p}\n  {'':18}  flags {f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
