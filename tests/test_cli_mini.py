"""CLI behaviour on a small fixture knowledge base: formats, exit codes, errors, filters."""

from __future__ import annotations

import json

from conftest import MINI


def test_show_text_has_sections_and_badges(cli):
    result = cli("show", "alpha", "--kb", str(MINI))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Alphaol  (ingredient · retinoid)")
    assert "[4 supported]     Wrinkles" in out
    assert "“Alphaol is the gold standard.”" in out
    assert "! pregnancy: Avoid in pregnancy." in out
    assert "doi:10.1000/test.1" in out
    assert "\x1b[" not in out  # not a terminal: no ANSI codes


def test_lookup_is_case_accent_and_punctuation_insensitive(cli):
    for name in ("ALPHAOL", "vitamin-alpha", "Alphasäure", "alphasaure", "alphasaeure", "Vitamin  Alpha"):
        view = cli.json("show", name, "--json", "--kb", str(MINI))
        assert view["id"] == "alpha", name


def test_unknown_name_exits_1_with_suggestion_on_stderr(cli):
    result = cli("show", "alphaoll", "--kb", str(MINI))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "did you mean: Alphaol?" in result.stderr


def test_the_leading_word_of_only_one_name_opens_it(cli):
    view = cli.json("show", "betaine", "--json", "--kb", str(MINI))
    assert view["id"] == "beta"
    # A later word, or part of a word, is not the leading word of a name.
    for name in ("test", "betai"):
        result = cli("show", name, "--kb", str(MINI))
        assert result.exit_code == 1, name


def test_show_json_shape(cli):
    view = cli.json("show", "alpha", "--json", "--kb", str(MINI))
    assert view["schema_version"] == 2
    assert [c["evidence"]["level"] for c in view["claims"]] == [4, 1]
    assert view["claims"][1]["claimed_by"] == {"id": "dr-test", "name": "Dr. Test Person", "type": "expert"}
    assert view["opinions"][0]["expert"] == {"id": "dr-test", "name": "Dr. Test Person"}
    assert {s["id"] for s in view["sources"]} == {"trial-2007", "test-article"}
    assert view["related"] == [{"id": "beta", "name": "Betaine Test"}]


def test_compare_json_levels(cli):
    view = cli.json("compare", "alpha", "beta", "--json", "--kb", str(MINI))
    levels = {row["effect"]: row["levels"] for row in view["effects"]}
    assert levels["wrinkles"] == {"alpha": 4, "beta": None}
    assert levels["antioxidant"] == {"alpha": None, "beta": 0}
    assert [i["id"] for i in view["ingredients"]] == ["alpha", "beta"]


def test_compare_needs_two_different_ingredients(cli):
    assert cli("compare", "alpha", "--kb", str(MINI)).exit_code == 2
    same = cli("compare", "alpha", "ALPHAOL", "--kb", str(MINI))
    assert same.exit_code == 2
    assert "same ingredient" in same.stderr


def test_compare_markdown(cli):
    result = cli("compare", "alpha", "beta", "--markdown", "--kb", str(MINI))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "| | Alphaol | Betaine Test |"
    assert "| Wrinkles | **4** supported | – |" in lines


def test_list_filters(cli):
    assert [i["id"] for i in cli.json("list", "--json", "--kb", str(MINI))] == ["alpha", "beta"]
    assert [i["id"] for i in cli.json("list", "--kind", "procedure", "--json", "--kb", str(MINI))] == ["beta"]
    assert [i["id"] for i in cli.json("list", "--effect", "wrinkles", "--min-evidence", "4", "--json", "--kb", str(MINI))] == [
        "alpha"
    ]
    assert cli.json("list", "--effect", "hydration", "--min-evidence", "2", "--json", "--kb", str(MINI)) == []
    assert [i["id"] for i in cli.json("list", "--category", "INJECT", "--json", "--kb", str(MINI))] == ["beta"]


def test_list_ndjson_one_object_per_line(cli):
    result = cli("list", "--ndjson", "--kb", str(MINI))
    lines = result.stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["alpha", "beta"]


def test_bad_option_values_are_usage_errors(cli):
    assert cli("list", "--min-evidence", "9", "--kb", str(MINI)).exit_code == 2
    assert cli("list", "--kind", "potion", "--kb", str(MINI)).exit_code == 2
    assert cli("show", "", "--kb", str(MINI)).exit_code == 2
    assert cli("show", "x" * 500, "--kb", str(MINI)).exit_code == 2
    assert cli("frobnicate").exit_code == 2


def test_search_finds_quotes_and_ranks_names_first(cli):
    hits = cli.json("search", "gold standard", "--json", "--kb", str(MINI))
    assert [h["id"] for h in hits] == ["alpha"]
    assert hits[0]["matches"] == [{"field": "quote", "text": "Alphaol is the gold standard."}]
    missing = cli("search", "zzzz", "--kb", str(MINI))
    assert missing.exit_code == 1 and "nothing found" in missing.stderr and missing.stdout == ""
    missing_json = cli("search", "zzzz", "--json", "--kb", str(MINI))
    assert missing_json.exit_code == 1 and json.loads(missing_json.stdout) == []


def test_effect_ranking_and_listing(cli):
    ranked = cli.json("effect", "wrinkle", "--json", "--kb", str(MINI))
    assert [(r["id"], r["level"]) for r in ranked] == [("alpha", 4)]
    effects = cli.json("effect", "--json", "--kb", str(MINI))
    assert {e["id"]: e["ingredients"] for e in effects} == {"wrinkles": 1, "hydration": 1, "antioxidant": 1}
    unknown = cli("effect", "glow", "--kb", str(MINI))
    assert unknown.exit_code == 1 and "no effect named 'glow'" in unknown.stderr


def test_experts_expert_sources_evidence(cli):
    experts = cli.json("experts", "--json", "--kb", str(MINI))
    assert [e["id"] for e in experts] == ["dr-test"]
    one = cli.json("expert", "test person", "--json", "--kb", str(MINI))
    assert one["opinions"][0]["quote"] == "Alphaol is the gold standard."
    assert [c["statement"] for c in one["claims"]] == ["Alphaol hydrates."]
    sources = cli.json("sources", "--json", "--kb", str(MINI))
    cited = {s["id"]: s["cited_by"] for s in sources}
    assert cited["trial-2007"] == ["alpha"]
    assert set(cited["test-article"]) == {"alpha", "beta", "expert:dr-test"}
    scale = cli.json("evidence", "--json")
    assert [r["label"] for r in scale] == ["unsupported", "opinion", "preclinical", "preliminary", "supported", "established"]


def test_text_outputs_of_every_command(cli):
    for args in (
        ["list"],
        ["search", "alpha"],
        ["effect"],
        ["effect", "wrinkles"],
        ["experts"],
        ["expert", "dr-test"],
        ["sources"],
        ["evidence"],
    ):
        result = cli(*args, "--kb", str(MINI)) if args[0] != "evidence" else cli(*args)
        assert result.exit_code == 0, (args, result.output)
        assert result.stdout.strip(), args


def test_kb_from_environment(cli, monkeypatch):
    monkeypatch.setenv("SKINCLI_KB", str(MINI))
    assert cli.json("show", "alpha", "--json")["name"] == "Alphaol"


def test_overlay_adds_and_overrides(cli, tmp_path, monkeypatch):
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text(
        "ingredients:\n"
        "  - {id: beta, name: Beta Two, kind: drug, category: test, summary: Overridden.}\n"
        "  - {id: gamma, name: Gamma, kind: ingredient, category: test, summary: Added., related: [alpha]}\n",
        encoding="utf-8",
    )
    before = MINI.read_bytes()
    monkeypatch.setenv("SKINCLI_OVERLAY", str(overlay))
    ids = [i["id"] for i in cli.json("list", "--json", "--kb", str(MINI))]
    assert ids == ["alpha", "beta", "gamma"]
    assert cli.json("show", "beta", "--json", "--kb", str(MINI))["name"] == "Beta Two"
    assert MINI.read_bytes() == before


def test_validate_ok_and_problems(cli, tmp_path):
    ok = cli("validate", str(MINI))
    assert ok.exit_code == 0
    assert "OK — 2 ingredients, 3 claims, 2 sources, 1 experts, 3 effects" in ok.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        MINI.read_text(encoding="utf-8").replace("level: 4", "level: 7").replace("effect: wrinkles", "effect: wrinkels"),
        encoding="utf-8",
    )
    result = cli("validate", str(bad))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert any(line.startswith(f"{bad}:") and "claims[0].evidence.level is 7, out of range" in line for line in lines), lines
    assert any("no effect with id 'wrinkels'; did you mean 'wrinkles'?" in line for line in lines), lines
    assert lines[-1] == "skincli: 2 problems found"


def test_help_has_examples_for_every_command(cli):
    from skincli.cli import app

    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        result = cli(name, "--help")
        assert result.exit_code == 0, name
        assert command.callback.__doc__, name


def test_help_prose_is_wrapped_to_the_terminal_not_to_the_source():
    """Every help paragraph of prose is one line for rich to wrap: none breaks mid-sentence at the
    source's width (examples, indented, keep their lines)."""
    from skincli.cli import app, new_app

    for command in (*app.registered_commands, *new_app.registered_commands):
        for paragraph in (command.callback.__doc__ or "").split("\n\n"):
            lines = paragraph.splitlines()
            assert len(lines) == 1 or any(line[:1].isspace() for line in lines), (command.callback.__name__, paragraph)


def test_version(cli):
    from skincli import __version__

    assert cli("--version").stdout.strip() == f"skincli {__version__}"
