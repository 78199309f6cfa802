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
    monkeypatch.setattr("skincli.kb.yamlread.MAX_BYTES", 1000)
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
