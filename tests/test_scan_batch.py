"""scan --batch and the large-input paths, through the same code as the benchmark rows (smaller sizes)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from skincli.label.cosing import CosIng
from skincli.label.scan import scan_label
from skincli.outschema import SCHEMA


def _validate(data: object, ref: str) -> None:
    jsonschema.validate(data, {**SCHEMA, "$ref": f"#/$defs/{ref}"})


def _write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_batch_keeps_order_ids_and_line_numbers(cli, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        [
            json.dumps({"code": "111", "ingredients_text": "Aqua, Glycerin"}),
            "",
            json.dumps({"id": "b", "ingredients_text": "Tretinoin, Aqua"}),
            json.dumps({"ingredients_text": "Niacinamide"}),
        ],
    )
    result = cli("scan", "--batch", str(path))
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["line"], r["id"]) for r in rows] == [(1, "111"), (3, "b"), (4, None)]
    assert rows[1]["summary"]["prohibited"] == ["RETINOIC ACID"]
    for row in rows:
        _validate(row, "scan_batch_line")


def test_a_broken_line_is_reported_with_its_number_and_skipped(cli, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        [
            json.dumps({"code": "1", "ingredients_text": "Aqua"}),
            "{not json",
            json.dumps({"code": "3", "ingredients_text": 5}),
            json.dumps(["a list"]),
            json.dumps({"code": "5", "ingredients_text": "Glycerin"}),
        ],
    )
    result = cli("scan", "--batch", str(path))
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["1", "5"]
    assert f"{path}:2: not valid JSON" in result.stderr
    assert f"{path}:3: field 'ingredients_text' is a number, not text" in result.stderr
    assert f"{path}:4: expected a JSON object" in result.stderr


def test_field_option_and_plain_lines(cli, tmp_path: Path) -> None:
    path = _write(tmp_path, [json.dumps({"sku": "x", "inci": "Aqua, Parfum"})])
    rows = [json.loads(line) for line in cli("scan", "--batch", str(path), "--field", "inci").stdout.splitlines()]
    assert rows[0]["id"] == "x" and rows[0]["summary"]["count"] == 2
    result = cli("scan", "--batch", "-", "--lines", input="Aqua, Glycerin\nTretinoin\n")
    assert [json.loads(line)["line"] for line in result.stdout.splitlines()] == [1, 2]


def test_summary_line_counts_the_batch(cli, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        [json.dumps({"code": str(i), "ingredients_text": "Aqua, Zzyzx Qwertium, Retinol 1%"}) for i in range(3)],
    )
    last = json.loads(cli("scan", "--batch", str(path), "--summary").stdout.splitlines()[-1])
    _validate(last, "scan_batch_summary")
    batch = last["batch"]
    assert (batch["labels"], batch["entries"], batch["recognised"]) == (3, 9, 6)
    assert batch["top_unrecognised"][0] == {"name": "ZZYZX QWERTIUM", "count": 3}
    assert {"name": "RETINOL (Annex III/376)", "count": 3} in batch["over_limit"]


def test_jobs_give_the_same_lines_in_the_same_order(cli, tmp_path: Path) -> None:
    lines = [json.dumps({"code": str(i), "ingredients_text": f"Aqua, Glycerin, CI {77491 + i % 3}"}) for i in range(150)]
    path = _write(tmp_path, lines)
    one = cli("scan", "--batch", str(path)).stdout
    two = cli("scan", "--batch", str(path), "--jobs", "2").stdout
    assert one == two and len(one.splitlines()) == 150


def test_batch_options_need_batch(cli) -> None:
    result = cli("scan", "Aqua", "--summary")
    assert result.exit_code == 2
    assert cli("scan", "Aqua", "--batch", "-").exit_code == 2


def test_a_missing_batch_file_is_a_clear_error(cli, tmp_path: Path) -> None:
    result = cli("scan", "--batch", str(tmp_path / "nope.jsonl"))
    assert result.exit_code == 1 and "no such file" in result.stderr


def test_a_label_past_the_size_limit_is_a_usage_error(cli, monkeypatch) -> None:
    import skincli.label.scan as scan_module

    monkeypatch.setattr(scan_module, "MAX_LABEL_CHARS", 100)
    result = cli("scan", "Aqua, " * 40)
    assert result.exit_code == 2 and "the limit is 100" in result.stderr


def test_product_type_decides_a_limit(cli) -> None:
    view = cli.json("scan", "Homosalate 13.5%", "--product-type", "face", "--json")
    assert view["items"][0]["limit_checks"][0]["verdict"] == "over"
    assert view["summary"]["product_type"] == "face"


def test_a_large_label_goes_through_the_in_memory_index() -> None:
    # the bench row scans 20,000 entries; the same path with 2,000
    cosing = CosIng()
    names = ["Aqua", "Glycerin", "Niacinamide", "CI 77491", "Parfum", "Tocopherol"]
    report = scan_label(", ".join(names[i % len(names)] for i in range(2_000)), lambda _n: None, cosing)
    assert cosing.in_memory
    assert report.count == 2_000 and report.recognised_count == 2_000


def test_many_unknown_names_get_bounded_suggestions() -> None:
    # the bench row has 20,000 distinct unknown names; the same path with 500
    cosing = CosIng()
    text = ", ".join(f"Qzx{i:05d}vorb Ulmquat" for i in range(500))
    report = scan_label(text, lambda _n: None, cosing)
    assert report.count == 500 and report.recognised_count == 0
    searched = sum(1 for item in report.items if item.status == "suggested") + sum(
        1 for item in report.items if item.status == "unknown"
    )
    assert searched == 500
    assert len(cosing._suggest_cache) <= 200  # at most _MAX_SUGGESTED searches per label


def test_suggestions_depend_on_the_name_only_not_on_what_was_asked_before():
    """The first suggestions come from SQL, later ones from the in-memory index: both must give the same
    answer, or a batch split over --jobs would print different suggestions for the same label."""
    from skincli.label.cosing import CosIng

    names = [
        "Niacinamid",
        "Glycerinn",
        "Phenoxyetanol",
        "Tocopheryl Acetat",
        "Sodium Hyaluronat",
        "Dimethicon",
        "Cetearyl Alcohl",
        "Parfume",
        "Xanthan Gumm",
        "Carbomerr",
        "Butylene Glycoll",
        "Panthenoll",
        "Allantoinn",
        "Squalanne",
        "Ceramid NP",
        "PEG-120 METHYL GLYCOSE DIOLEATE",
    ]
    fresh = [CosIng().suggest(n) for n in names]  # each on a new instance: always the SQL path
    warmed = CosIng()
    warmed.load_index()  # as a batch does
    for n in reversed(names):  # more than ten calls: the in-memory index takes over
        warmed.suggest(n + "x")
    assert [warmed.suggest(n) for n in names] == fresh
    assert any(fresh)


def test_auto_jobs_past_the_threshold_give_the_same_lines_in_the_same_order(cli, tmp_path):
    """--jobs 0 (the default) hands a long batch to worker processes after AUTO_AFTER labels; the output
    must be the one of a single process, line for line, including the summary."""
    import json

    import labelsets

    from skincli.render.scan import AUTO_AFTER

    texts = [label.text for label in labelsets.labels()]
    rows = [{"id": f"p{i}", "ingredients_text": texts[i % len(texts)]} for i in range(AUTO_AFTER + 60)]
    rows.insert(AUTO_AFTER + 5, "not json")  # a broken line in the parallel part is still reported
    batch = tmp_path / "many.jsonl"
    batch.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    auto = cli("scan", "--batch", str(batch), "--summary")
    one = cli("scan", "--batch", str(batch), "--summary", "--jobs", "1")
    assert auto.exit_code == one.exit_code == 1
    assert auto.stdout == one.stdout and auto.stdout.count("\n") == AUTO_AFTER + 60 + 1
    assert f":{AUTO_AFTER + 6}:" in auto.stderr and auto.stderr == one.stderr
