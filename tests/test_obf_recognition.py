"""Recognition rate on 60 real, noisy INCI lists from Open Beauty Facts (ODbL; test data only).

The lists live in tests/data/obf/ with their SOURCE.txt; they are never shipped in the package.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from skincli.label.cosing import CosIng
from skincli.label.scan import ScanReport, scan_label

OBF = Path(__file__).parent / "data" / "obf"
MIN_RATE = 0.95


def _lists() -> list[dict[str, str]]:
    with (OBF / "obf_inci_lists.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="module")
def reports() -> list[tuple[dict[str, str], ScanReport]]:
    cosing = CosIng()
    try:
        return [(row, scan_label(row["ingredients_text"], lambda _name: None, cosing)) for row in _lists()]
    finally:
        cosing.close()


def test_test_data_keeps_its_licence_notice() -> None:
    source = (OBF / "SOURCE.txt").read_text(encoding="utf-8")
    assert "ODbL" in source and "Open Beauty Facts" in source


def test_every_list_scans(reports: list[tuple[dict[str, str], ScanReport]]) -> None:
    assert len(reports) == 60
    for row, report in reports:
        assert report.count >= 5, (row["url"], report.count)


def test_at_least_95_percent_of_tokens_are_recognised(reports: list[tuple[dict[str, str], ScanReport]]) -> None:
    total = sum(report.count for _, report in reports)
    recognised = sum(report.recognised_count for _, report in reports)
    rate = recognised / total
    misses = [item.raw for _, report in reports for item in report.items if item.status != "recognised"]
    print(f"\nOBF recognition: {recognised}/{total} tokens = {rate:.1%} ({len(misses)} not recognised)")
    assert rate >= MIN_RATE, f"recognised {recognised}/{total} = {rate:.1%} < {MIN_RATE:.0%}; misses: {misses[:25]}"


def test_nothing_is_silently_dropped(reports: list[tuple[dict[str, str], ScanReport]]) -> None:
    # every comma-separated chunk that reads like a name must surface as at least one item
    # (footnote definitions such as "*Organic Orange Oil, ..." become notes, so stop there)
    for row, report in reports:
        words = {w for item in report.items for w in re.findall(r"[A-Z0-9-]+", item.raw.upper())}
        listed = re.split(r"\s\*+(?=\w)", row["ingredients_text"])[0]
        for chunk in listed.split(","):
            chunk = chunk.strip(" .\n")
            if chunk.replace(" ", "").isalpha() and 1 <= len(chunk.split()) <= 4:
                assert chunk.split()[0].upper() in words, (row["url"], chunk)
