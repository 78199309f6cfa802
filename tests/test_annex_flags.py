"""The hand-checked sample of 200 EU-annex flags (tests/data/annex_flags_sample.tsv) still holds:
every flag is still produced, with the same words, and none was judged false."""

from __future__ import annotations

import csv

import labelsets

from skincli.label.cosing import CosIng
from skincli.label.scan import annex_words, scan_label

SAMPLE = labelsets.DATA / "annex_flags_sample.tsv"


def _rows() -> list[dict[str, str]]:
    with SAMPLE.open(encoding="utf-8") as fh:
        return list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))


def test_the_sample_has_200_checked_flags_and_no_false_one() -> None:
    rows = _rows()
    assert len(rows) == 200
    assert {row["verdict"] for row in rows} == {"ok"}


def test_every_sampled_flag_is_still_produced() -> None:
    texts = {(lb.source, lb.id): lb.text for lb in labelsets.labels()}
    cosing = CosIng()
    reports = {}
    for row in _rows():
        key = (row["source"], row["label_id"])
        if key not in reports:
            reports[key] = scan_label(texts[key], lambda _n: None, cosing)
        found = {(item.raw, item.inci or "", a.label, annex_words(a)) for item in reports[key].items for a in item.annexes}
        assert (row["label_text"], row["inci"], row["annex"], row["meaning"]) in found, row
