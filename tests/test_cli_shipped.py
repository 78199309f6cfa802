"""The CLI on the shipped knowledge base: JSON validated against `skincli schema`, 80-column output,
scan linked to the knowledge base."""

from __future__ import annotations

import io
import json

import jsonschema
import pytest

from skincli.outschema import SCHEMA


def _validate(data, command):
    schema = {**SCHEMA, **SCHEMA["commands"][command]}
    jsonschema.validate(data, schema)


@pytest.mark.parametrize(
    "command,args",
    [
        ("show", ["show", "retinol", "--json"]),
        ("show", ["show", "exosomes", "--json"]),
        ("compare", ["compare", "exosomes", "retinol", "--json"]),
        ("compare", ["compare", "retinol", "bakuchiol", "tretinoin", "niacinamide", "--json"]),
        ("list", ["list", "--json"]),
        ("list", ["list", "--effect", "wrinkles", "--min-evidence", "4", "--json"]),
        ("search", ["search", "collagen", "--json"]),
        ("effect", ["effect", "wrinkles", "--json"]),
        ("effects", ["effect", "--json"]),
        ("experts", ["experts", "--json"]),
        ("expert", ["expert", "golüke", "--json"]),
        ("sources", ["sources", "--json"]),
        ("evidence", ["evidence", "--json"]),
        ("scan", ["scan", "Aqua, Glycerin, Niacinamide 4%, Retinol, Salicylic Acid, Parfum", "--json"]),
        (
            "check",
            [
                "check",
                "Our exosome serum regenerates skin like a facelift, with astaxanthin 6000 times stronger than vitamin C",
                "--json",
            ],
        ),
    ],
)
def test_json_outputs_match_the_published_schema(cli, command, args):
    _validate(cli.json(*args), command)


def test_schema_command_prints_the_schema(cli):
    printed = cli.json("schema")
    assert printed == json.loads(json.dumps(SCHEMA))
    jsonschema.Draft202012Validator.check_schema(printed)


def test_schema_catches_a_wrong_output():
    with pytest.raises(jsonschema.ValidationError):
        _validate({"schema_version": 1, "ingredients": [], "effects": []}, "compare")


def test_compare_exosomes_retinol_shows_strong_and_weak_evidence(cli):
    view = cli.json("compare", "exosomes", "retinol", "--json")
    levels = {row["effect"]: row["levels"] for row in view["effects"]}
    assert levels["wrinkles"]["retinol"] >= 4 and levels["wrinkles"]["exosomes"] is None
    assert max(v for v in levels_of(view, "exosomes") if v is not None) <= 3  # only hope so far
    text = cli("compare", "exosomes", "retinol").stdout
    assert text.splitlines()[0].startswith("Exosomes: best 3 preliminary")


def levels_of(view, ingredient):
    return [row["levels"][ingredient] for row in view["effects"]]


def test_a_unique_first_word_opens_the_ingredient_and_an_ambiguous_one_suggests(cli):
    assert cli.json("show", "azelaic", "--json")["id"] == "azelaic-acid"
    assert [c["id"] for c in cli.json("compare", "tranexamic", "kojic", "--json")["ingredients"]] == [
        "tranexamic-acid",
        "kojic-acid",
    ]
    result = cli("show", "hyaluronic")
    assert result.exit_code == 1
    assert "Hyaluronic acid, Hyaluronic acid filler" in result.stderr


def test_plain_show_fits_80_columns(cli):
    out = cli("show", "retinol").stdout
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "Evidence at a glance" in out and "[4 supported]" in out


def test_rich_panel_at_80_columns_without_colour(cli):
    from rich.console import Console

    from skincli.kb.store import open_kb
    from skincli.render import rich
    from skincli.views import ingredient_view

    kb = open_kb(None, use_overlay=False)
    buffer = io.StringIO()
    console = Console(file=buffer, width=80, color_system=None, force_terminal=False, highlight=False)
    console.print(rich.show(ingredient_view(kb.find("retinol"), kb)))
    lines = buffer.getvalue().splitlines()
    assert "\x1b" not in buffer.getvalue()
    assert all(len(line) <= 80 for line in lines)
    assert lines[0].startswith("╭─ Retinol") and lines[-1].startswith("╰")
    assert any("4 supported" in line and "wrinkles" in line.lower() for line in lines)
    assert any("Photoprotection" in line for line in lines), "effect names must not be broken mid-word"


@pytest.mark.parametrize("width", [80, 120])
def test_compare_text_fits_the_width(cli, monkeypatch, width):
    monkeypatch.setenv("COLUMNS", str(width))
    out = cli("compare", "retinol", "bakuchiol", "tretinoin", "niacinamide").stdout
    assert max(len(line) for line in out.splitlines()) <= width


def test_scan_links_inci_names_to_the_kb(cli):
    view = cli.json(
        "scan", "Aqua, Sodium Ascorbyl Phosphate, Tocopherol, Palmitoyl Tripeptide-1, Sodium Hyaluronate, Retinol", "--json"
    )
    assert [i["kb"]["id"] if i["kb"] else None for i in view["items"]] == [
        "water",
        "vitamin-c",
        "vitamin-e",
        "peptides",
        "hyaluronic-acid",
        "retinol",
    ]
    retinol = view["items"][-1]
    assert "pregnancy" in retinol["kb"]["cautions"]
    assert view["summary"]["count"] == 6 and view["summary"]["recognised"] == 6


def test_scan_reads_stdin_and_files(cli, tmp_path):
    from_stdin = cli.json("scan", "-", "--json", input="INCI: Aqua, Niacinamide, Glycerin.\n")
    assert [i["inci"] for i in from_stdin["items"]] == ["AQUA", "NIACINAMIDE", "GLYCERIN"]
    label = tmp_path / "label.txt"
    label.write_text("Ingredients: Aqua (Water), Salicylic Acid 2%", encoding="utf-8")
    from_file = cli.json("scan", "--file", str(label), "--json")
    salicylic = from_file["items"][1]
    assert salicylic["percent"] == 2.0 and {a["annex"] for a in salicylic["annexes"]} >= {"III"}
    missing = cli("scan", "--file", str(tmp_path / "nope.txt"))
    assert missing.exit_code == 1 and "no such file" in missing.stderr
    both = cli("scan", "Aqua", "--file", str(label))
    assert both.exit_code == 2


def test_scan_text_reports_unrecognised_names_with_suggestions(cli):
    result = cli("scan", "Aqua, Niacnamde, Zzyzxq")
    assert result.exit_code == 0
    assert "did you mean NIACINAMIDE?" in result.stdout
    assert "Not recognised: Niacnamde; Zzyzxq" in result.stdout


def test_check_offsets_point_into_the_text(cli):
    text = "Retinol smooths wrinkles. Hyaluronsäure polstert Falten auf – clinically proven!"
    view = cli.json("check", text, "--json")
    assert view["findings"] and view["flags"]
    for finding in view["findings"]:
        span = finding["mention"]
        assert text[span["start"] : span["end"]] == span["text"]
    for flag in view["flags"]:
        assert text[flag["start"] : flag["end"]] == flag["text"]


@pytest.mark.parametrize(
    "name,entry",
    [("Schwefel", "sulfur"), ("Glutathion", "glutathione"), ("PDRN", "polynucleotides"), ("Lachs-DNA", "polynucleotides")],
)
def test_entries_added_in_session_14_answer_to_their_everyday_names(cli, name, entry):
    assert cli.json("show", name, "--json")["id"] == entry


def test_a_reassurance_from_another_route_says_which(cli):
    out = cli("show", "glutathione").stdout
    assert "Systemic toxicity (injected) — no harm shown (oral): 3" in " ".join(out.split())


@pytest.mark.parametrize(
    "name,entry",
    [
        ("LED mask", "led-light-therapy"),
        ("red light therapy", "led-light-therapy"),
        ("Rotlichttherapie", "led-light-therapy"),
        ("HPR", "hydroxypinacolone-retinoate"),
        ("Granactive Retinoid", "hydroxypinacolone-retinoate"),
    ],
)
def test_led_and_hpr_answer_to_the_names_people_use(cli, name, entry):
    assert cli.json("show", name, "--json")["id"] == entry


def test_a_null_meta_analysis_keeps_blue_light_for_acne_low(cli):
    view = cli.json("show", "blue light therapy", "--json")
    acne = [c for c in view["claims"] if c["effect"] == "acne"]
    assert acne and min(c["evidence"]["level"] for c in acne) == 0
