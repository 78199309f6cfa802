"""The Python API answers exactly as the command line's --json does, and fails with skincli's errors."""

from __future__ import annotations

import subprocess
import sys

import jsonschema
import pytest
from conftest import DATA

import skincli
from skincli.outschema import SCHEMA

MINI2 = str(DATA / "mini2.yaml")


def _valid(instance, command):
    schema = {**SCHEMA, **SCHEMA["commands"][command]}
    jsonschema.Draft202012Validator(schema).validate(instance)


@pytest.mark.parametrize(
    ("call", "args"),
    [
        (lambda: skincli.lookup("retinol"), ["show", "retinol", "--json"]),
        (lambda: skincli.lookup("Hyaluronsäure"), ["show", "Hyaluronsäure", "--json"]),
        (lambda: skincli.compare("exosomes", "retinol"), ["compare", "exosomes", "retinol", "--json"]),
        (lambda: skincli.ingredients(effect="wrinkles", min_evidence=3), ["list", "--effect", "wrinkles", "-m", "3", "--json"]),
        (lambda: skincli.ingredients(kind="drug"), ["list", "--kind", "drug", "--json"]),
        (lambda: skincli.search("gold standard"), ["search", "gold standard", "--json"]),
        (lambda: skincli.effect("wrinkles", route="oral"), ["effect", "wrinkles", "--route", "oral", "--json"]),
        (lambda: skincli.effects(), ["effect", "--json"]),
        (
            lambda: skincli.scan("Aqua, Glycerin, Niacinamide 4%, Retinol"),
            ["scan", "Aqua, Glycerin, Niacinamide 4%, Retinol", "--json"],
        ),
        (
            lambda: skincli.check("Retinol reduces wrinkles like Botox"),
            ["check", "Retinol reduces wrinkles like Botox", "--json"],
        ),
    ],
)
def test_api_equals_cli_json(cli, call, args):
    assert call() == cli.json(*args)


def test_api_outputs_match_the_schema():
    _valid(skincli.lookup("niacinamide"), "show")
    _valid(skincli.compare("retinol", "bakuchiol", "tretinoin"), "compare")
    _valid(skincli.ingredients(effect="acne"), "list")
    _valid(skincli.scan("Aqua, Ascorbyl Palmitate, Parfum"), "scan")
    _valid(skincli.check("Collagen cream that works overnight"), "check")


def test_other_knowledge_base_and_route():
    q10 = skincli.lookup("qten", kb=MINI2, overlay=False)
    wrinkles = next(e for e in q10["effects"] if e["effect"] == "wrinkles")
    assert wrinkles["level"] == 3 and wrinkles["other"][0]["tag"] == "oral"
    assert skincli.lookup("qten", kb=MINI2, route="oral")["effects"][0]["level"] == 4


def test_errors_are_skincli_errors():
    with pytest.raises(skincli.NotFoundError) as caught:
        skincli.lookup("retinl")
    assert "Retinol" in caught.value.suggestions
    with pytest.raises(skincli.InputError):
        skincli.lookup("  ")
    with pytest.raises(skincli.UsageError):
        skincli.compare("retinol", "vitamin A")  # the same ingredient twice
    with pytest.raises(skincli.InputError):
        skincli.effect("wrinkles", route="nasal")
    with pytest.raises(skincli.KnowledgeBaseError) as bad:
        skincli.lookup("alpha", kb=DATA / "bad" / "missing-field.yaml")
    assert ":13:5:" in str(bad.value)
    assert issubclass(skincli.NotFoundError, skincli.SkincliError)


def test_routine_profile_and_the_small_lists():
    view = skincli.routine(["retinol", "glycolic acid"], profile=skincli.profile(pregnant=True))
    assert view["pairs"][0]["between"][0]["id"] == "retinol"
    assert "pregnancy" in {w["reason"] for w in view["profile"]["warnings"]}
    products = skincli.routine(products="Serum: Aqua, Retinol\nToner: Aqua, Glycolic Acid\n")
    assert [p["name"] for p in products["products"]] == ["Serum", "Toner"]
    assert skincli.lookup("retinol", profile=skincli.profile(avoid=["retinoids"]))["profile"]["warnings"]
    assert skincli.expert("duve")["id"] == "stefan-duve" and len(skincli.experts()) >= 2
    assert [r["level"] for r in skincli.evidence_scale()] == [0, 1, 2, 3, 4, 5]
    assert any(s["id"] == "kafi-2007-retinol" for s in skincli.sources())
    with pytest.raises(skincli.SkincliError, match="nothing named 'nothing like this at all'"):
        skincli.profile(avoid=["nothing like this at all"])


def test_bytes_are_decoded_with_replacement():
    assert skincli.scan(b"Aqua, Glycerin\xff")["summary"]["count"] == 2


def test_import_is_cheap_and_names_are_listed():
    code = "import sys, skincli; print('skincli.api' in sys.modules, 'yaml' in sys.modules, 'rich' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False", "False"]
    assert {"lookup", "compare", "scan", "check", "SkincliError"} <= set(dir(skincli))
    with pytest.raises(AttributeError):
        skincli.no_such_function  # noqa: B018


def test_scan_json_written_item_by_item_is_the_same_bytes(cli):
    """Piped, `scan --json` streams the items of a very large label one by one: the bytes must be those
    of the whole view dumped at once."""
    import json

    label = "Aqua, Glycerin, Retinol 0.3%, Parfum, Ascorbyl Palmitate, Unobtainium"
    streamed = cli("scan", label, "--json", "--pregnant", "--no-profile").stdout
    whole = skincli.scan(label, profile=skincli.profile(pregnant=True))
    assert streamed == json.dumps(whole, ensure_ascii=False) + "\n"
