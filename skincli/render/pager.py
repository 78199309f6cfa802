"""Long output on a terminal goes through a pager, as git does: $SKINCLI_PAGER, else $PAGER, else
`less` (with LESS=FRX unless set: quit if it fits one screen, keep colours, leave the text on screen).
Never when stdout is not a terminal, with --no-pager, or when the pager cannot start (then the text is
written as usual).
"""

from __future__ import annotations

import os
import shutil
import sys

_disabled = False


def disable() -> None:
    global _disabled
    _disabled = True


def possible() -> bool:
    """A terminal, paging not turned off, and a pager to run."""
    if _disabled or os.environ.get("SKINCLI_NO_PAGER") or not sys.stdout.isatty():
        return False
    command = _command()
    return bool(command) and command != "cat"


def wanted(text: str) -> bool:
    """Whether this text should be paged: paging possible, and more lines than fit the screen."""
    return possible() and text.count("\n") + 1 > shutil.get_terminal_size((80, 24)).lines - 1


def _command() -> str:
    for name in ("SKINCLI_PAGER", "PAGER"):
        value = os.environ.get(name)
        if value is not None:
            return value.strip()
    return "less" if shutil.which("less") else ""


def page(text: str) -> bool:
    """Show text in the pager; False when no pager ran (the caller writes the text itself)."""
    import subprocess

    env = {**os.environ}
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")
    try:
        sys.stdout.flush()
        process = subprocess.Popen(_command(), shell=True, stdin=subprocess.PIPE, env=env)
    except OSError:
        return False
    assert process.stdin is not None
    try:
        process.stdin.write(text.encode(sys.stdout.encoding or "utf-8", errors="replace"))
        process.stdin.close()
    except (BrokenPipeError, OSError):  # the reader quit early: that is fine
        pass
    try:
        code = process.wait()
    except KeyboardInterrupt:
        code = process.wait()
    return code != 127  # 127: the shell could not find the pager
