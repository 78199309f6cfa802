"""Hostile and malformed input: a clear positioned message and an exit code, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from conftest import DATA, MINI
from hypothesis import given, settings
from hypothesis import strategies as st
from test_installed import _env, _skincli

BAD = DATA / "bad"
EXPECTED = yaml.safe_load((BAD / "EXPECTED.yaml").read_text(encoding="utf-8"))


def test_corpus_and_manifest_agree():
    assert sorted(EXPECTED) == sorted(p.name for p in BAD.glob("*.yaml") if p.name != "EXPECTED.yaml")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_validate_reports_position_and_message(cli, name):
    line, column, words = EXPECTED[name]
    path = BAD / name
    result = cli("validate", str(path))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{path}:{line}:{column}: " in result.stderr and words in result.stderr, result.stderr


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_installed_validate_and_show_on_bad_files(tmp_path, name):
    line, column, words = EXPECTED[name]
    path = BAD / name
    for args in (["validate", str(path)], ["show", "alpha", "--kb", str(path)]):
        result = subprocess.run([_skincli(), *args], capture_output=True, text=True, env=_env(tmp_path), timeout=60)
        assert result.returncode == 1, (args, result.stderr)
        assert f"{path}:{line}:{column}: " in result.stderr and words in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
        assert result.stdout == ""


def test_billion_laughs_is_refused_quickly(cli):
    start = time.perf_counter()
    assert cli("validate", str(BAD / "billion-laughs.yaml")).exit_code == 1
    assert time.perf_counter() - start < 5  # generous: the point is that it does not expand 9^9 items


def test_bom_and_crlf_are_accepted(cli):
    result = cli("show", "alpha", "--json", "--kb", str(DATA / "ok-bom-crlf.yaml"))
    assert result.exit_code == 0, result.output


def test_kb_is_a_directory_or_missing_or_unreadable(cli, tmp_path):
    result = cli("show", "alpha", "--kb", str(tmp_path))
    assert result.exit_code == 1 and "is a directory" in result.stderr
    result = cli("show", "alpha", "--kb", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 1 and "no such file" in result.stderr
    if os.geteuid() != 0:  # root reads everything
        locked = tmp_path / "locked.yaml"
        locked.write_text("x: 1")
        locked.chmod(0)
        assert "permission denied" in cli("show", "alpha", "--kb", str(locked)).stderr


def test_very_large_file_is_refused_with_a_message(cli, tmp_path, monkeypatch):
    monkeypatch.setattr("skincli.kb.store.MAX_BYTES", 1000)
    big = tmp_path / "big.yaml"
    big.write_text("# " + "x" * 2000 + "\n" + MINI.read_text(encoding="utf-8"), encoding="utf-8")
    result = cli("validate", str(big))
    assert result.exit_code == 1 and "the limit is" in result.stderr


def test_markup_and_escapes_in_data_are_shown_literally(cli, tmp_path, monkeypatch):
    hostile = tmp_path / "hostile.yaml"
    text = MINI.read_text(encoding="utf-8").replace(
        "A test retinoid.", "[red]Red[/red] [link=http://x]click[/link] \\e[31mESC\\e[0m"
    )
    hostile.write_text(text.replace('summary: "', 'summary: "', 1), encoding="utf-8")
    plain = cli("show", "alpha", "--kb", str(hostile))
    assert plain.exit_code == 0, plain.output
    assert "[red]Red[/red] [link=http://x]click[/link]" in plain.stdout
    assert "\x1b" not in plain.stdout and "\\x1b[31mESC" in plain.stdout
    monkeypatch.setenv("SKINCLI_FORCE_RICH", "1")
    rich = cli("show", "alpha", "--kb", str(hostile))
    assert rich.exit_code == 0, rich.output
    assert "[red]Red[/red]" in rich.stdout and "[link=http://x]click[/link]" in rich.stdout
    assert "\x1b[31mESC" not in rich.stdout


def test_files_are_never_written(cli, tmp_path):
    kb = tmp_path / "kb.yaml"
    kb.write_bytes(MINI.read_bytes())
    before = (kb.read_bytes(), kb.stat().st_mtime_ns)
    for args in (["show", "alpha"], ["list"], ["validate"], ["compare", "alpha", "beta"]):
        cli(*args, "--kb", str(kb))
    assert (kb.read_bytes(), kb.stat().st_mtime_ns) == before


@pytest.mark.parametrize(
    "raised,code,message",
    [("KeyboardInterrupt", 130, ""), ("RuntimeError('kaput')", 1, "internal error: RuntimeError: kaput")],
    ids=["ctrl-c", "internal-error"],
)
def test_interrupts_and_internal_errors_end_without_traceback(tmp_path, raised, code, message):
    program = (
        "import sys, skincli.kb.store, skincli.cli as c\n"
        f"def boom(*a, **k): raise {raised}\n"
        "skincli.kb.store.open_kb = boom\n"
        "sys.argv = ['skincli', 'show', 'x']\n"
        "c.main()\n"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, env=_env(tmp_path), timeout=60)
    assert result.returncode == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_option_is_exit_2_with_help_pointer(cli):
    result = cli("show", "alpha", "--jsn")
    assert result.exit_code == 2
    assert "No such option" in result.stderr


@pytest.mark.parametrize("path", [Path("/dev/null")])
def test_dev_null_kb_is_empty(cli, path):
    result = cli("validate", str(path))
    assert result.exit_code == 1 and "empty" in result.stderr


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_problem_is_one_line(cli, name):
    path = BAD / name
    lines = cli("validate", str(path)).stderr.splitlines()
    assert lines[-1].startswith("skincli: ") and lines[-1].endswith("found")
    assert all(line.startswith(f"{path}:") for line in lines[:-1]), lines


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--json", "--ndjson"],
        ["search", "alpha", "--json", "--ndjson"],
        ["effect", "wrinkles", "--ndjson", "--json"],
        ["effect", "--ndjson", "--json"],
        ["compare", "alpha", "beta", "--markdown", "--json"],
    ],
    ids=lambda a: " ".join(a),
)
def test_two_output_formats_at_once_is_a_usage_error(cli, args):
    result = cli(*args, "--kb", str(MINI))
    assert result.exit_code == 2
    assert "choose one output format" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("command", ["scan", "check"])
def test_empty_file_name_is_a_usage_error(cli, command):
    result = cli(command, "--file", "", "--kb", str(MINI))
    assert result.exit_code == 2
    assert "'--file': is empty; give the path of a text file" in result.stderr
    assert "directory" not in result.stderr


# ---- YAML: aliases of any kind, dates, names ------------------------------------------------------

_PLAIN = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=30).map(str.strip).filter(bool)


@settings(max_examples=80, deadline=None)
@given(value=_PLAIN, copies=st.integers(1, 5), flow=st.booleans(), quoted=st.booleans())
def test_any_alias_is_refused(value, copies, flow, quoted):
    from skincli.errors import KnowledgeBaseError
    from skincli.kb.yamlread import load_yaml

    scalar = f'"{value}"' if quoted else value
    if flow:
        text = f"a: [&v {scalar}" + ", *v" * copies + "]\n"
    else:
        text = f"a: &v {scalar}\n" + "".join(f"k{i}: *v\n" for i in range(copies))
    with pytest.raises(KnowledgeBaseError) as caught:
        load_yaml(text, "f.yaml")
    assert "anchors and aliases" in str(caught.value) and str(caught.value).startswith("f.yaml:1:")


@settings(max_examples=50, deadline=None)
@given(value=_PLAIN)
def test_ampersands_in_plain_text_are_fine(value):
    from skincli.kb.yamlread import load_yaml

    data, _ = load_yaml(f"a: R&D {value}\nb: '&{value}'\n", "f.yaml")
    assert data == {"a": f"R&D {value}", "b": f"&{value}"}


@given(year=st.integers(1, 9999), month=st.integers(0, 13), day=st.integers(0, 32))
def test_dates_must_exist(year, month, day):
    import datetime

    from skincli.kb.validate import _real_date

    try:
        datetime.date(year, month, day)
        real = True
    except ValueError:
        real = False
    assert _real_date(f"{year:04d}-{month:02d}-{day:02d}") is real
    assert _real_date(f"{year:04d}-{month:02d}") is (1 <= month <= 12)


# ---- rendering: long words, control characters ------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(
        st.one_of(st.text(alphabet="xy-", min_size=1, max_size=200), st.sampled_from([" ", "  ", "\t", "\n", " " * 50])),
        max_size=30,
    ),
    width=st.integers(20, 100),
    indent=st.integers(0, 6),
    subsequent=st.integers(0, 8),
)
def test_linear_wrap_gives_textwrap_output(words, width, indent, subsequent):
    import textwrap

    from skincli.render.text import wrap_lines

    text = "".join(words)
    options = {"initial_indent": " " * indent, "subsequent_indent": " " * subsequent}
    assert wrap_lines(text, width, **options) == textwrap.wrap(text, width, break_on_hyphens=False, **options)


def test_a_long_word_is_cut_once_not_once_per_line(monkeypatch):
    import textwrap

    from skincli.render.text import _wrap

    cuts = []
    original = textwrap.TextWrapper._handle_long_word

    def counting(self, chunks, *args):
        cuts.append(len(chunks[-1]))
        return original(self, chunks, *args)

    monkeypatch.setattr(textwrap.TextWrapper, "_handle_long_word", counting)
    lines = _wrap("summary: " + "x" * 100_000, 80)
    assert len(lines) == 1 + 100_000 // 80
    assert all(len(line) <= 80 for line in lines)
    assert cuts == []  # textwrap's own cutting copies the rest of the word once per line: quadratic


_UNSAFE = [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))] + list(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


@given(st.text(alphabet=st.one_of(st.sampled_from(_UNSAFE), st.characters()), max_size=60))
def test_defang_leaves_no_control_or_bidi_character(text):
    from skincli.render.output import defang

    shown = defang(text)
    assert not any(char in shown for char in _UNSAFE)
    assert defang(shown) == shown


@pytest.mark.parametrize(
    "text,possible",
    [
        ("a: R&D, P&G, Procter & Gamble, x=1&y=2\n", False),
        ("a: &x 1\n", True),
        ("a: [&x 1]\n", True),
        ("- &x 1\n", True),
        ("&x a: 1\n", True),
        ("a: 'text &quoted'\n", True),  # a false alarm only costs the slower, still correct pass
    ],
)
def test_anchor_precheck_never_misses_an_anchor(text, possible):
    from skincli.kb.yamlread import _may_have_anchor

    assert _may_have_anchor(text) is possible


_PIECES = [
    "a",
    "b:",
    ": ",
    " ",
    "\n",
    "- ",
    "&x ",
    "&x",
    "*x",
    "[",
    "]",
    "{",
    "}",
    ", ",
    "R&D",
    "& ",
    "'",
    '"',
    "? ",
    "!t ",
    "#",
    "\t",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_anchor_precheck_agrees_with_libyaml(parts):
    from skincli.kb.yamlread import _may_have_anchor, _SafeLoader

    text = "".join(parts)
    anchored = False
    try:
        for event in yaml.parse(text, Loader=_SafeLoader):
            if not isinstance(event, yaml.AliasEvent):  # an alias alone is an "undefined alias" error
                anchored = anchored or bool(getattr(event, "anchor", None))
    except yaml.YAMLError:
        pass
    if anchored:
        assert _may_have_anchor(text), text
