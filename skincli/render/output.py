"""Where output goes and in which format: JSON for scripts, rich on a colour terminal, plain text else."""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Iterable
from typing import Any

# C0 and C1 controls (ESC, CSI U+009B, OSC U+009D, ST U+009C, NEL U+0085...) and the bidi marks,
# embeddings, overrides and isolates that reorder what a terminal shows ("Trojan source").
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{_BIDI}]")
_RICH_UNSAFE = re.compile(f"[\\x80-\\x9f{_BIDI}]")  # never part of what rich itself writes


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def defang(text: str) -> str:
    """Show control characters (ANSI escapes) and bidi overrides from data literally, as \\x1b or
    \\u202e, instead of letting a terminal act on them."""
    return _CONTROL.sub(_escape, text)


class WriteError(Exception):
    """Standard output cannot take the output: it is closed, the disk is full, an I/O error."""


class ReaderGone(Exception):
    """The reader of standard output went away (`| head -1`): not an error, the run just ends."""


class _Guarded:
    """A standard stream as the commands see it. A failed write on stdout raises ReaderGone or
    WriteError rather than OSError, so Typer's click cannot turn it into an exit code of its own
    and main() handles every writer (ours, rich's, click's help) in one place; on stderr, where the
    messages about such failures would go, failed writes are dropped."""

    def __init__(self, stream: Any, *, quiet: bool = False) -> None:
        self._stream = stream
        self._quiet = quiet

    def _call(self, method: str, *args: Any) -> Any:
        try:
            return getattr(self._stream, method)(*args)
        except OSError as exc:
            if self._quiet:
                return None
            if isinstance(exc, BrokenPipeError):
                raise ReaderGone from None
            raise WriteError(exc.strerror or str(exc)) from None

    def write(self, text: str) -> Any:
        return self._call("write", text)

    def flush(self) -> None:
        self._call("flush")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class _Closed:
    """Standard output when the shell closed it (`>&-`): writing anything is a WriteError."""

    encoding = "utf-8"
    errors = "strict"

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError("write() argument must be str")
        if text:
            raise WriteError("standard output is closed")
        return 0

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        import io

        raise io.UnsupportedOperation("standard output is closed")


def setup_streams() -> None:
    """Make the standard streams safe whatever the shell gave: closed, not UTF-8, or failing.

    A closed descriptor (`>&-`, `2>&-`, `<&-`) is pointed at /dev/null, so no file opened later can
    take its number and receive output by accident; a closed stdin stays None (commands that read it
    say so), a closed stdout makes any output a WriteError, a closed stderr drops messages. Output
    that the terminal's encoding cannot hold is spelled in ASCII or replaced (see _degrade), never
    an error; stray surrogates (undecodable bytes) become U+FFFD, so output is always valid text.
    """
    import codecs

    codecs.register_error("skincli-degrade", _degrade)
    for fd, name in ((0, "stdin"), (1, "stdout"), (2, "stderr")):
        if getattr(sys, name) is None:
            try:
                placeholder = os.open(os.devnull, os.O_RDWR)
                if placeholder != fd:
                    os.dup2(placeholder, fd)
                    os.close(placeholder)
            except OSError:
                pass
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, _Closed() if name == "stdout" else open(os.devnull, "w"))  # noqa: SIM115
            continue
        try:
            stream.reconfigure(errors="skincli-degrade")
        except (AttributeError, ValueError, OSError):
            pass
        setattr(sys, name, _Guarded(stream, quiet=name == "stderr"))


# Spellings for characters skincli's own text uses, where accent stripping gives nothing useful.
_SPELLINGS = {
    "—": "-", "–": "-", "‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "…": "...",
    "·": "-", "•": "*", "⚠": "!", "≥": ">=", "≤": "<=", "×": "x", "→": "->", "←": "<-", "⟨": "<",
    "⟩": ">", "±": "+/-", "€": "EUR", "µ": "u", "ß": "ss", "ä": "ae", "ö": "oe", "ü": "ue",
    "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "\ufffd": "?",
}  # fmt: skip


def _degrade(exc: UnicodeError) -> tuple[str, int]:
    """Encoding error handler for output: a close spelling the encoding can hold, else '?'."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    return "".join(_spell(ch, exc.encoding) for ch in exc.object[exc.start : exc.end]), exc.end


def _spell(char: str, encoding: str) -> str:
    if "\ud800" <= char <= "\udfff":  # a byte that was not valid text where it came from
        candidates = ["\ufffd"]
    else:
        import unicodedata

        stripped = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        candidates = [_SPELLINGS.get(char, ""), stripped]
    for candidate in candidates:
        try:
            if candidate:
                candidate.encode(encoding)
                return candidate
        except (UnicodeError, LookupError):
            pass
    return "?"


class _RichSafe(_Guarded):
    """stdout for rich: C1 controls and bidi marks in data are escaped; rich's own ANSI codes pass."""

    def write(self, text: str) -> Any:
        return super().write(_RICH_UNSAFE.sub(_escape, text))


def print_rich(renderable: Any) -> None:
    """Print a rich renderable with C1 controls and bidi marks from the data shown literally,
    whichever fields a renderer passed through defang."""
    from skincli.render.rich import print_renderable

    real = sys.stdout
    sys.stdout = _RichSafe(real)  # type: ignore[assignment]
    try:
        print_renderable(renderable)
    finally:
        sys.stdout = real


def use_rich() -> bool:
    """Rich tables only on a real terminal, and not when NO_COLOR or TERM=dumb asks for plain text."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    force = os.environ.get("FORCE_COLOR") or os.environ.get("SKINCLI_FORCE_RICH")
    return bool(force) or sys.stdout.isatty()


def width() -> int:
    """Terminal width, $COLUMNS when set, 80 when piped."""
    return max(40, min(shutil.get_terminal_size((80, 24)).columns, 200))


def emit(text: str) -> None:
    sys.stdout.write(defang(text) + "\n")


def emit_json(data: Any) -> None:
    """Indented on a terminal, compact (one line) when piped, as `gh` does: scripts parse either."""
    import json

    indent = 2 if sys.stdout.isatty() else None
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=indent) + "\n")


def emit_ndjson(items: Iterable[Any]) -> None:
    import json

    for item in items:
        sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")


def error(message: str) -> None:
    sys.stderr.write(defang(message) + "\n")
