"""The installed entry point, run as a user runs it: a real process, real pipes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import MINI


def _skincli() -> str:
    found = shutil.which("skincli") or str(Path(sys.executable).with_name("skincli"))
    assert Path(found).exists(), "skincli is not installed; run pip install . first"
    return found


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SKINCLI_KB", "NO_COLOR", "FORCE_COLOR")}
    env.update(SKINCLI_CACHE_DIR=str(tmp_path / "cache"), SKINCLI_OVERLAY="", **extra)
    return env


def test_installed_show_retinol_uses_packaged_data(tmp_path):
    result = subprocess.run(
        [_skincli(), "show", "retinol", "--json"], capture_output=True, text=True, env=_env(tmp_path), cwd=tmp_path, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert '"id": "retinol"' in result.stdout
    assert result.stderr == ""


def test_closed_pipe_ends_quietly(tmp_path):
    proc = subprocess.Popen(
        [_skincli(), "show", "alpha", "--kb", str(MINI)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(tmp_path)
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    err = proc.stderr.read()
    code = proc.wait(timeout=60)
    assert first.startswith(b"Alphaol")
    assert b"Traceback" not in err and err == b""
    assert code == 0


@pytest.mark.parametrize("big", [False, True])
def test_closed_pipe_with_large_output(tmp_path, big):
    # `list` on the shipped KB writes more than a pipe buffer when asked for ndjson many times over.
    args = [_skincli(), "sources"] if big else [_skincli(), "evidence"]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(tmp_path))
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 0
    assert err == b""


def test_python_dash_m(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "skincli", "--version"],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("skincli ")


def test_usage_error_exit_2_points_to_help(tmp_path):
    result = subprocess.run([_skincli(), "frobnicate"], capture_output=True, text=True, env=_env(tmp_path), timeout=60)
    assert result.returncode == 2
    assert "--help" in result.stderr or "-h" in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


def test_no_color_and_pipe_give_plain_text(tmp_path):
    result = subprocess.run(
        [_skincli(), "show", "alpha", "--kb", str(MINI)],
        capture_output=True,
        text=True,
        env=_env(tmp_path, NO_COLOR="1"),
        timeout=60,
    )
    assert result.returncode == 0
    assert "\x1b" not in result.stdout


def test_shell_completion_offers_ingredient_names(tmp_path):
    env = _env(tmp_path, SKINCLI_KB=str(MINI), _SKINCLI_COMPLETE="complete_bash", COMP_WORDS="skincli show al", COMP_CWORD="2")
    result = subprocess.run([_skincli()], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0
    assert result.stdout.split() == ["alpha"]
    env.update(COMP_WORDS="skincli compare alpha b", COMP_CWORD="3")
    result = subprocess.run([_skincli()], capture_output=True, text=True, env=env, timeout=60)
    assert result.stdout.split() == ["beta"]
