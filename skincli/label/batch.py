"""Many labels in one process: read JSON Lines or plain lines, scan each, count over the whole batch.

The CosIng indexes are loaded into memory once (`CosIng.load_index`) and every decoded entry is
memoised per process, so the thousandth label costs a fraction of the first. Input errors are
reported per line and never stop the batch.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from skincli.label.scan import MAX_LABEL_CHARS, TEXT, ScanReport, scan_label

if TYPE_CHECKING:
    from skincli.label.cosing import CosIng
    from skincli.label.scan import KbHit

__all__ = ["BatchInput", "BatchProblem", "BatchSummary", "Measure", "measure", "read_batch", "scan_batch"]

ID_FIELDS = ("id", "code", "_id", "barcode", "sku")


class BatchInput(NamedTuple):
    """One label of a batch: its line number (1-based), the input's id if any, and the text."""

    line: int
    id: str | int | None
    text: str


class BatchProblem(NamedTuple):
    """A line that could not be scanned, with why."""

    line: int
    message: str


def read_batch(lines: Iterable[str], field: str = "ingredients_text", plain: bool = False) -> Iterator[BatchInput | BatchProblem]:
    """Parse a batch: JSON Lines (the label in `field`, an id from id/code/...) or, with `plain`, one label a line.

    Blank lines are skipped silently (they hold no label); anything else that cannot be read
    becomes a BatchProblem naming its line.
    """
    for number, line in enumerate(lines, start=1):
        if len(line) > MAX_LABEL_CHARS:
            yield BatchProblem(number, f"line is {len(line):,} characters long; the limit is {MAX_LABEL_CHARS:,}")
            continue
        if not line.strip():
            continue
        if plain:
            yield BatchInput(number, None, line.rstrip("\r\n"))
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            yield BatchProblem(number, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(row, dict):
            yield BatchProblem(number, f"expected a JSON object, got {type(row).__name__}")
            continue
        text = row.get(field)
        if not isinstance(text, str):
            kinds = {"int": "a number", "float": "a number", "bool": "true/false", "list": "a list", "dict": "an object"}
            what = "missing" if text is None else f"{kinds.get(type(text).__name__, 'not text')}, not text"
            yield BatchProblem(number, f"field {field!r} is {what}")
            continue
        label_id = next(
            (row[k] for k in ID_FIELDS if isinstance(row.get(k), (str, int)) and not isinstance(row.get(k), bool)), None
        )
        yield BatchInput(number, label_id, text)


def scan_batch(
    inputs: Iterable[BatchInput | BatchProblem],
    kb_lookup: Callable[[str], KbHit | None],
    cosing: CosIng,
    product_type: str | None = None,
) -> Iterator[tuple[BatchInput, ScanReport] | BatchProblem]:
    """Scan each input in order; problems pass through untouched."""
    cosing.load_index()
    for item in inputs:
        if isinstance(item, BatchProblem):
            yield item
            continue
        yield item, scan_label(item.text, kb_lookup, cosing, product_type)


class BatchSummary:
    """Counts over a whole batch: labels, entries, recognition, top unrecognised names, annex hits."""

    def __init__(self) -> None:
        self.labels = 0
        self.failed = 0
        self.entries = 0
        self.recognised = 0
        self.text = 0
        self.unrecognised: Counter[str] = Counter()
        self.annex: Counter[str] = Counter()
        self.prohibited: Counter[str] = Counter()
        self.over_limit: Counter[str] = Counter()

    def add(self, report: ScanReport) -> None:
        self.labels += 1
        self.entries += report.count
        self.recognised += report.recognised_count
        self.text += report.text_count
        self.unrecognised.update(" ".join(raw.split()).upper() for raw in report.unrecognised)
        for item in report.items:
            for annex in item.annexes:
                self.annex[f"{annex.label} {item.name}"] += 1
                if annex.prohibited:
                    self.prohibited[item.name] += 1
            for check in item.limit_checks:
                if check.verdict == "over":
                    self.over_limit[f"{item.name} ({check.annex})"] += 1

    def add_view(self, view: dict[str, Any]) -> None:
        """The same counts from a report already turned into JSON (a --jobs worker's output)."""
        self.labels += 1
        items = view["items"]
        self.entries += len(items)
        self.recognised += sum(1 for i in items if i["status"] == "recognised")
        self.text += sum(1 for i in items if i["status"] == TEXT)
        self.unrecognised.update(" ".join(i["raw"].split()).upper() for i in items if i["status"] in ("suggested", "unknown"))
        for i in items:
            name = i["inci"] or i["raw"]
            for annex in i["annexes"]:
                self.annex[f"{annex['label']} {name}"] += 1
                if annex["annex"] == "II":
                    self.prohibited[name] += 1
            for check in i["limit_checks"]:
                if check["verdict"] == "over":
                    self.over_limit[f"{name} ({check['annex']})"] += 1

    def to_dict(self, top: int = 20) -> dict[str, Any]:
        entries = self.entries - self.text
        return {
            "labels": self.labels,
            "failed_lines": self.failed,
            "entries": self.entries,
            "not_ingredients": self.text,
            "recognised": self.recognised,
            "recognition_rate": round(self.recognised / entries, 4) if entries else 1.0,
            "top_unrecognised": [{"name": n, "count": c} for n, c in self.unrecognised.most_common(top)],
            "annex_hits": [{"entry": n, "count": c} for n, c in self.annex.most_common(top)],
            "prohibited": [{"name": n, "count": c} for n, c in self.prohibited.most_common(top)],
            "over_limit": [{"name": n, "count": c} for n, c in self.over_limit.most_common(top)],
        }


# --------------------------------------------------------------------------------------------------
# measurement on real label sets (tests/test_label_recognition.py, tools/label_eval.py)

_WORD = re.compile(r"[^\W\d_]{2,}")


def _words(text: str) -> set[str]:
    folded = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
    return set(_WORD.findall(folded))


class Measure(NamedTuple):
    lists: int
    entries: int  # items, label text included
    recognised: int
    text: int  # items reported as label text, not ingredients
    dropped: int  # input words that appear in no item, note or skipped text: silently dropped
    words: int
    misses: list[str]
    dropped_words: list[str]
    text_items: list[str]

    @property
    def rate(self) -> float:
        """Recognised share of the ingredient entries (label text reported as such aside)."""
        n = self.entries - self.text
        return self.recognised / n if n else 1.0

    @property
    def strict_rate(self) -> float:
        """Recognised share of every item, label text counted as a miss."""
        return self.recognised / self.entries if self.entries else 1.0


def measure(texts: Iterable[str], cosing: CosIng | None = None) -> Measure:
    """Scan each text; count entries, recognised ones, label text, and words dropped without a trace."""
    import html

    if cosing is None:
        from skincli.label.cosing import default_cosing

        cosing = default_cosing()
    lists = entries = recognised = text_items = dropped = words_total = 0
    misses: list[str] = []
    dropped_words: list[str] = []
    texts_seen: list[str] = []
    for text in texts:
        report = scan_label(text, lambda _n: None, cosing)
        lists += 1
        entries += report.count
        recognised += report.recognised_count
        text_items += report.text_count
        misses.extend(item.raw for item in report.items if item.status in ("suggested", "unknown"))
        texts_seen.extend(item.raw for item in report.items if item.status == TEXT)
        seen: set[str] = set()
        for item in report.items:
            seen |= _words(item.raw) | _words(item.note or "")
        for s in report.skipped:
            seen |= _words(s)
        source = html.unescape(html.unescape(text))
        want = _words(source)
        words_total += len(want)
        lost = sorted(w for w in want - seen if not any(w in s for s in seen))
        dropped += len(lost)
        dropped_words.extend(lost)
    return Measure(lists, entries, recognised, text_items, dropped, words_total, misses, dropped_words, texts_seen)
