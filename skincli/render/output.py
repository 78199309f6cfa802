"""Where output goes and in which format: JSON for scripts, rich on a colour terminal, plain text else."""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Iterable
from typing import Any

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x9b]")


def defang(text: str) -> str:
    """Show control characters (ANSI escapes) from data literally instead of letting a terminal act on them."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


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
