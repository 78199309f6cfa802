"""skincli routine and the personal profile (tests/data/mini2.yaml: made-up entries, groups, interactions)."""

from __future__ import annotations

import jsonschema
import pytest
from conftest import DATA

from skincli.outschema import SCHEMA

MINI2 = str(DATA / "mini2.yaml")


def _valid(instance, command):
    jsonschema.Draft202012Validator({**SCHEMA, **SCHEMA["commands"][command]}).validate(instance)


def test_pairs_come_first_with_a_verdict_each(cli):
    result = cli("routine", "tret", "vitc", "q10", "azel", "--kb", MINI2)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    together = lines.index("Together")
    assert lines[together + 2].strip() == "Tretino + Vitamin Cee: more irritation (3 preliminary)"
    assert "Qten + Azelo: 'cancel each other out' is not supported (0 unsupported)" in result.stdout
    assert "No interaction on record (not the same as safe)" in result.stdout
    assert result.stdout.index("Together") < result.stdout.index("The evidence")
    assert "what to do: Use one at a time." in result.stdout


def test_json_has_every_interaction_with_level_rationale_and_sources(cli):
    view = cli.json("routine", "tret", "vitc", "q10", "azel", "--kb", MINI2, "--json")
    _valid(view, "routine")
    pair = next(p for p in view["pairs"] if {b["id"] for b in p["between"]} == {"tret", "vitc"})
    assert pair["interactions"] == ["two-test-retinoids", "tret-with-vitc"]  # strongest first
    by_id = {i["id"]: i for i in view["interactions"]}
    assert by_id["two-test-retinoids"]["evidence"]["level"] == 3
    assert by_id["two-test-retinoids"]["sources"][0]["id"] == "trial-b"
    assert view["doubling_up"] == [
        {
            "group": {"id": "test-retinoids", "name": "Test retinoids"},
            "ingredients": [{"id": "tret", "name": "Tretino"}, {"id": "vitc", "name": "Vitamin Cee"}],
        }
    ]


def test_unknown_names_are_exit_1_naming_all_of_them(cli):
    result = cli("routine", "tret", "nosuch", "qtenn", "--kb", MINI2)
    assert result.exit_code == 1
    assert "no ingredients named 'nosuch', 'qtenn' (did you mean Qten?)" in result.stderr


def test_products_from_a_file_and_from_stdin(cli, tmp_path):
    routine = tmp_path / "routine.txt"
    routine.write_text("# my evening\nSerum: Aqua, Qten, Cee Acid\n\nCream: Aqua, Azelo 10%\n", encoding="utf-8")
    view = cli.json("routine", "--file", str(routine), "--kb", MINI2, "--json")
    _valid(view, "routine")
    assert [(p["name"], p["line"], p["actives"]) for p in view["products"]] == [
        ("Serum", 2, ["q10", "vitc"]),
        ("Cream", 4, ["azel"]),
    ]
    assert {a["id"]: a["products"] for a in view["actives"]} == {"q10": ["Serum"], "vitc": ["Serum"], "azel": ["Cream"]}
    piped = cli.json("routine", "-", "--kb", MINI2, "--json", input=routine.read_text(encoding="utf-8"))
    assert piped["actives"] == view["actives"]


def test_usage_errors(cli, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing\n", encoding="utf-8")
    assert cli("routine", "--file", str(empty), "--kb", MINI2).exit_code == 1
    assert cli("routine", "tret", "--avoid", "nothing-like-this", "--kb", MINI2).exit_code == 2


def test_profile_flags_change_show_and_routine(cli):
    plain = cli("show", "tret", "--kb", MINI2).stdout
    pregnant = cli("show", "tret", "--kb", MINI2, "--pregnant").stdout
    assert "For you" not in plain
    assert pregnant.index("For you (pregnant)") < pregnant.index("Evidence at a glance")
    assert "! pregnancy [caution] Not for use in pregnancy." in pregnant
    view = cli.json("show", "azel", "--kb", MINI2, "--sensitive", "--json")
    _valid(view, "show")
    assert [(w["reason"], w["level"]) for w in view["profile"]["warnings"]] == [("sensitive", 4)]


def test_avoid_names_groups_and_concerns(cli):
    view = cli.json("routine", "tret", "azel", "--kb", MINI2, "--avoid", "test retinoids,irritation", "--json")
    reasons = {(w["ingredient"], w["reason"]) for w in view["profile"]["warnings"]}
    assert reasons == {("tret", "avoid"), ("azel", "avoid")}
    kinds = {a["kind"] for a in view["profile"]["avoid"]}
    assert kinds == {"group", "concern"}


@pytest.fixture
def profile_dir(tmp_path, monkeypatch):
    home = tmp_path / "config"
    (home / "skincli").mkdir(parents=True)
    monkeypatch.delenv("SKINCLI_PROFILE", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    return home / "skincli"


def test_profile_file_is_read_and_no_profile_ignores_it(cli, profile_dir):
    (profile_dir / "profile.yaml").write_text("pregnant: true\navoid:\n  - azelo\n", encoding="utf-8")
    view = cli.json("routine", "tret", "azel", "--kb", MINI2, "--json")
    assert view["profile"]["pregnant"] is True and view["profile"]["file"].endswith("profile.yaml")
    assert {w["reason"] for w in view["profile"]["warnings"]} == {"pregnancy", "avoid"}
    ignored = cli.json("routine", "tret", "azel", "--kb", MINI2, "--json", "--no-profile")
    assert ignored["profile"]["warnings"] == [] and ignored["profile"]["file"] is None


@pytest.mark.parametrize(
    ("text", "position", "words"),
    [
        ("pregant: true\n", "1:1", "unknown key 'pregant'; did you mean 'pregnant'?"),
        ("sensitive: very\n", "1:1", "sensitive must be true or false"),
        ("avoid:\n  - azelo\n  - unobtainium\n", "3:5", "nothing named 'unobtainium'"),
        ("avoid: 3\n", "1:1", "avoid must be a list of names"),
        ("- pregnant\n", "1:1", "the file must be a mapping"),
        ("pregnant: [true\n", "2:1", "invalid YAML"),
    ],
)
def test_profile_file_errors_name_file_line_and_column(cli, profile_dir, text, position, words):
    path = profile_dir / "profile.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("show", "tret", "--kb", MINI2)
    assert result.exit_code == 1, result.output
    assert f"{path}:{position}" in result.stderr and words in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert cli("show", "tret", "--kb", MINI2, "--no-profile").exit_code == 0


def test_relative_xdg_config_home_is_ignored(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rel" / "skincli").mkdir(parents=True)
    (tmp_path / "rel" / "skincli" / "profile.yaml").write_text("pregnant: true\n", encoding="utf-8")
    monkeypatch.delenv("SKINCLI_PROFILE", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", "rel")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    view = cli.json("show", "tret", "--kb", MINI2, "--json")
    assert "profile" not in view


def test_the_profile_is_never_written(cli, profile_dir):
    path = profile_dir / "profile.yaml"
    path.write_text("sensitive: true\n", encoding="utf-8")
    before = path.stat().st_mtime_ns, path.read_bytes()
    cli("routine", "azel", "tret", "--kb", MINI2, "--avoid", "irritation")
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before
    assert sorted(p.name for p in profile_dir.iterdir()) == ["profile.yaml"]


def test_profile_changes_check(cli):
    """Issue 17: check opens with what in the advert's ingredients concerns the user; JSON carries it,
    each warning pointing at its finding."""
    advert = "Tretino smooths wrinkles overnight. Azelo clears acne."
    plain = cli("check", advert, "--kb", MINI2)
    assert "For you" not in plain.stdout
    text = cli("check", advert, "--kb", MINI2, "--pregnant", "--sensitive").stdout
    assert text.index("For you (pregnant, sensitive skin)") < text.index("Text checked")
    view = cli.json("check", advert, "--kb", MINI2, "--pregnant", "--sensitive", "--json")
    _valid(view, "check")
    by_n = {f["n"]: f["ingredient"]["id"] for f in view["findings"]}
    assert {(by_n[w["position"]], w["reason"]) for w in view["profile"]["warnings"]} == {
        ("tret", "pregnancy"),
        ("azel", "sensitive"),
    }
