"""The installed entry point with odd standard streams, terminals and files, as a shell would give them.

Each case runs `skincli` as a real process: closed descriptors (`>&-`, `2>&-`, `<&-`), a full disk
(/dev/full), a reader that goes away, terminals that are not UTF-8, invalid UTF-8 on stdin, and
knowledge bases or labels that are pipes, FIFOs or endless devices.
"""

from __future__ import annotations

import os
import resource
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import MINI
from test_installed import _env, _skincli

import skincli.cli

LABEL = "Aqua, Glycerin, Niacinamide, Retinol"


def _sh(tmp_path: Path, command: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    """Run a shell line in which SKINCLI stands for the installed entry point."""
    line = command.replace("SKINCLI", shlex.quote(_skincli())).replace("MINI", shlex.quote(str(MINI)))
    return subprocess.run(["/bin/sh", "-c", line], capture_output=True, env=_env(tmp_path, **env), timeout=60)


def _run(tmp_path: Path, *args: str | bytes, stdin: bytes | None = None, **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([_skincli(), *args], input=stdin, capture_output=True, env=_env(tmp_path, **env), timeout=60)


# ---- closed and failing standard streams -----------------------------------------------------------


@pytest.mark.parametrize("args", ["show alpha --kb MINI", "--help", "show --help", "list --ndjson --kb MINI"])
def test_closed_stdout_is_a_write_error_not_a_traceback(tmp_path, args):
    result = _sh(tmp_path, f"SKINCLI {args} >&-")
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr
    assert result.stderr.decode() == "skincli: cannot write the output: standard output is closed\n"


def test_closed_stdout_still_reports_the_real_error(tmp_path):
    result = _sh(tmp_path, "SKINCLI show nothing-like-it --kb MINI >&-")
    assert result.returncode == 1
    assert b"no ingredient named 'nothing-like-it'" in result.stderr


def test_closed_stdout_cannot_capture_a_file_opened_later(tmp_path):
    # With fd 1 closed, the next file opened (the cache) would get number 1 and receive the output.
    result = _sh(tmp_path, "SKINCLI show alpha --kb MINI >&-")
    assert result.returncode == 1
    for written in (tmp_path / "cache").glob("*"):
        assert b"Alphaol  (ingredient" not in written.read_bytes()


@pytest.mark.parametrize("args", ["show alpha --kb MINI", "list --kb MINI --json", "evidence", "--help"])
def test_closed_stderr_does_not_change_a_good_run(tmp_path, args):
    result = _sh(tmp_path, f"SKINCLI {args} 2>&-")
    assert result.returncode == 0
    assert result.stdout


def test_closed_stderr_keeps_the_error_exit_code(tmp_path):
    assert _sh(tmp_path, "SKINCLI show nothing-like-it --kb MINI 2>&-").returncode == 1


@pytest.mark.parametrize("args", ["scan", "scan -", "check", "check -"])
def test_closed_stdin_is_a_usage_error(tmp_path, args):
    result = _sh(tmp_path, f"SKINCLI {args} --kb MINI <&-")
    assert result.returncode == 2
    assert b"standard input is closed" in result.stderr
    assert b"internal error" not in result.stderr and b"Traceback" not in result.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", ["show alpha --kb MINI", "sources", "list --ndjson", "--help", "show alpha --kb MINI --json"])
def test_full_disk_is_a_write_error(tmp_path, args):
    result = _sh(tmp_path, f"SKINCLI {args} > /dev/full")
    assert result.returncode == 1
    assert result.stderr.decode() == "skincli: cannot write the output: No space left on device\n"


@pytest.mark.parametrize(
    "args",
    [
        ["show", "alpha", "--kb", str(MINI)],
        ["list", "--ndjson"],
        ["list", "--json"],
        ["sources"],
        ["effect", "wrinkles", "--ndjson"],
        ["search", "skin", "--ndjson"],
        ["--help"],
        ["scan", LABEL],
    ],
    ids=lambda a: " ".join(a)[:30],
)
def test_a_reader_that_goes_away_ends_every_command_with_exit_0(tmp_path, args):
    proc = subprocess.Popen([_skincli(), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(tmp_path))
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # before the first write: every write, small or large, meets a closed pipe
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 0
    assert err == b""


# ---- terminals that are not UTF-8 -----------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_validate_says_ok_on_a_terminal_that_is_not_utf8(tmp_path, encoding):
    result = _run(tmp_path, "validate", PYTHONIOENCODING=encoding)
    assert result.returncode == 0, result.stderr
    assert b": OK - " in result.stdout
    assert result.stderr == b""


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize(
    "args",
    [["show", "retinol"], ["compare", "retinol", "bakuchiol"], ["effect", "wrinkles"], ["sources"], ["scan", LABEL]],
    ids=lambda a: a[0],
)
def test_every_command_degrades_on_a_terminal_that_is_not_utf8(tmp_path, encoding, args):
    result = _run(tmp_path, *args, PYTHONIOENCODING=encoding)
    assert result.returncode == 0, result.stderr
    result.stdout.decode(encoding)  # strictly valid in the terminal's encoding
    assert b"internal error" not in result.stderr


def test_rich_output_degrades_on_a_terminal_that_is_not_utf8(tmp_path):
    result = _run(tmp_path, "show", "retinol", PYTHONIOENCODING="ascii", SKINCLI_FORCE_RICH="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.isascii() and b"Retinol" in result.stdout


def test_transliteration_keeps_german_readable(tmp_path):
    result = _run(tmp_path, "show", "hyaluronic acid", PYTHONIOENCODING="ascii")
    assert b"Hyaluronsaeure" in result.stdout


def test_surrogate_escaped_argument_is_still_found(tmp_path):
    # LC_ALL=C without UTF-8 mode: Python decodes argv as ASCII, so "ä" arrives as two surrogates.
    env = {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    probe = subprocess.run(
        [sys.executable, "-c", "import sys; print(ascii(sys.argv[1]))", "ä".encode()],
        capture_output=True,
        env=_env(tmp_path, **env),
        timeout=60,
    )
    assert b"\\udcc3\\udca4" in probe.stdout, "this Python does not decode argv as ASCII under LC_ALL=C"
    result = _run(tmp_path, "show", "Hyaluronsäure".encode(), "--json", **env)
    assert result.returncode == 0, result.stderr
    assert b'"id": "hyaluronic-acid"' in result.stdout


def test_surrogates_never_reach_the_output_as_invalid_utf8(tmp_path):
    env = {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    result = _run(tmp_path, "check", b"Retinol \xff serum", "--json", **env)
    assert result.returncode == 0, result.stderr
    result.stdout.decode("ascii")  # the locale's encoding: never a raw byte it cannot hold


# ---- standard input that is not UTF-8 --------------------------------------------------------------


@pytest.mark.parametrize("command", ["scan", "check"])
@pytest.mark.parametrize("ioencoding", [None, "utf-8:strict"])
def test_invalid_utf8_on_stdin_is_replaced_like_in_files(tmp_path, command, ioencoding):
    env = {"PYTHONIOENCODING": ioencoding} if ioencoding else {}
    result = _run(tmp_path, command, "-", "--json", stdin=b"Aqua, \xff\xfe Glycerin, Retinol", **env)
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("utf-8")  # strict: the JSON is valid UTF-8
    assert "\ufffd" in text


# ---- knowledge bases and labels that are not regular files ---------------------------------------


def test_kb_from_a_pipe_on_stdin(tmp_path):
    result = _run(tmp_path, "show", "alpha", "--kb", "/dev/stdin", stdin=MINI.read_bytes())
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"Alphaol")
    assert not list((tmp_path / "cache").glob("kb-*"))  # a pipe is never cached


@pytest.mark.skipif(not shutil.which("bash"), reason="needs bash for <(...)")
def test_kb_from_process_substitution(tmp_path):
    line = f"{shlex.quote(_skincli())} show alpha --kb <(cat {shlex.quote(str(MINI))})"
    result = subprocess.run(["bash", "-c", line], capture_output=True, env=_env(tmp_path), timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"Alphaol")


def test_kb_from_a_fifo_does_not_hang(tmp_path):
    fifo = tmp_path / "kb.fifo"
    os.mkfifo(fifo)
    proc = subprocess.Popen(
        [_skincli(), "show", "alpha", "--kb", str(fifo)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(tmp_path)
    )
    try:
        with open(fifo, "wb") as writer:  # one writer, once, as `cat kb.yaml > fifo` would
            writer.write(MINI.read_bytes())
        out, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == 0, err
    assert out.startswith(b"Alphaol")


def _memory_cap() -> None:  # an endless read without a limit fails here instead of exhausting the machine
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


@pytest.mark.parametrize("how", ["kb", "overlay"])
def test_endless_device_as_knowledge_base_stops_at_the_limit(tmp_path, how):
    args, env = (["--kb", "/dev/zero"], {}) if how == "kb" else ([], {"SKINCLI_OVERLAY": "/dev/zero"})
    environ = _env(tmp_path)
    environ.update(env)
    result = subprocess.run(
        [_skincli(), "show", "alpha", *args], capture_output=True, env=environ, timeout=60, preexec_fn=_memory_cap
    )
    assert result.returncode == 1
    assert b"/dev/zero:1:1: more than 64 MiB; the limit is 64 MiB" in result.stderr


@pytest.mark.parametrize("command", ["scan", "check"])
def test_endless_device_as_input_stops_at_the_limit(tmp_path, command):
    result = subprocess.run(
        [_skincli(), command, "--file", "/dev/zero", "--kb", str(MINI)],
        capture_output=True,
        env=_env(tmp_path),
        timeout=60,
        preexec_fn=_memory_cap,
    )
    assert result.returncode == 2
    assert b"/dev/zero is larger than the limit of" in result.stderr


@pytest.mark.parametrize("command", ["scan", "check"])
def test_input_just_over_the_limit_is_a_usage_error_and_at_the_limit_is_not(tmp_path, command):
    limit = skincli.cli.INPUT_LIMITS["LABEL" if command == "scan" else "TEXT"]
    over = _run(tmp_path, command, "-", "--json", "--kb", str(MINI), stdin=b"a" * (limit + 1))
    assert over.returncode == 2
    assert f"standard input is larger than the limit of {limit // 2**20} MiB".encode() in over.stderr
    if command == "scan":  # (check's cost on megabytes is measured in bench/, not here)
        padded = b"Aqua, Retinol".ljust(limit, b" ")
        at = _run(tmp_path, command, "-", "--json", "--kb", str(MINI), stdin=padded)
        assert at.returncode == 0, at.stderr[-300:]
        assert b'"count": 2' in at.stdout


def test_limits_leave_room_for_real_input():
    assert skincli.cli.INPUT_LIMITS["TEXT"] >= 10 * 10**6  # the 10 MB advert must be accepted
    assert skincli.cli.INPUT_LIMITS["LABEL"] >= 1 * 2**20


# ---- control characters from data and input never reach the terminal raw ----------------------------

UNSAFE = ["\x1b", "\x85", "\x90", "\x9b", "\x9c", "\x9d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f"]


def _hostile_kb(tmp_path: Path) -> Path:
    text = MINI.read_text(encoding="utf-8")
    escapes = "\\e[31m \\x85 \\x90 \\x9b31m \\x9d0;t\\x9c \\u202eevil\\u202c \\u2066x\\u2069 \\u2067 \\u2068 \\u200f"
    text = text.replace('summary: "A test retinoid."', f'summary: "A test retinoid {escapes}."')
    text = text.replace("category: retinoid", 'category: "reti\\u202enoid\\x9b"')
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("rich", [False, True], ids=["plain", "rich"])
def test_c1_controls_and_bidi_overrides_from_the_kb_are_escaped(tmp_path, rich):
    env = {"SKINCLI_FORCE_RICH": "1"} if rich else {}
    result = _run(tmp_path, "show", "alpha", "--kb", str(_hostile_kb(tmp_path)), **env)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    for char in UNSAFE[1:]:
        assert char not in out, repr(char)
    assert "\\u202eevil" in out and "\\x9b31m" in out and "\\x85" in out
    if not rich:
        assert "\x1b" not in out


@pytest.mark.parametrize("rich", [False, True], ids=["plain", "rich"])
@pytest.mark.parametrize("command", ["scan", "check"])
def test_c1_controls_and_bidi_overrides_in_input_are_escaped(tmp_path, rich, command):
    env = {"SKINCLI_FORCE_RICH": "1"} if rich else {}
    text = "Aqua, Gly\u202ecerin, \x9b31mRetinol, Nia\u2066cin\u2069amide\x85, Parfum\x9d"
    result = _run(tmp_path, command, text, **env)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    for char in UNSAFE[1:]:
        assert char not in out, repr(char)
    assert "\\u202e" in out


def test_messages_escape_bidi_overrides_in_names(tmp_path):
    result = _run(tmp_path, "show", "retin\u202eol-x", "--kb", str(MINI))
    assert result.returncode == 1
    assert "\u202e" not in result.stderr.decode("utf-8")


@pytest.mark.parametrize("args", [["--help"], ["show", "--help"], ["list", "--ndjson"]], ids=" ".join)
def test_a_reader_that_goes_away_on_an_ascii_terminal_is_also_exit_0(tmp_path, args):
    # click writes help through a stream of its own when stdout's encoding is ASCII
    env = _env(tmp_path, PYTHONIOENCODING="ascii")
    proc = subprocess.Popen([_skincli(), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 0
    assert err == b""


def test_a_file_name_given_as_text_gets_a_hint_on_stderr(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Niacinamide fades dark spots.", encoding="utf-8")
    result = _run(tmp_path, "check", str(page))
    assert result.returncode == 0
    assert f"use --file {page}".encode() in result.stderr
    assert b"--file" not in result.stdout  # the report stays clean for scripts
    plain = _run(tmp_path, "check", "Niacinamide fades dark spots.")
    assert plain.stderr == b""
