"""The evidence scale: one place that names and explains each level."""

from __future__ import annotations

LEVELS: dict[int, tuple[str, str]] = {
    0: ("unsupported", "no evidence, contradicted by good trials, or a marketing figure"),
    1: ("opinion", "an expert's statement, no study"),
    2: ("preclinical", "in vitro, animal or mechanism studies only"),
    3: ("preliminary", "uncontrolled or indirect human data (another route, form or population)"),
    4: ("supported", "at least one controlled human trial"),
    5: ("established", "consistent RCTs, a systematic review, or regulatory approval"),
}

MIN_LEVEL = 0
MAX_LEVEL = 5


def label(level: int | None) -> str:
    """Human label of a level; `none` when nothing is on record."""
    if level is None:
        return "none"
    return LEVELS[level][0]


def badge(level: int | None) -> str:
    """A badge that reads the same with or without colour, e.g. `[4 supported]`."""
    if level is None:
        return "[- none]"
    return f"[{level} {label(level)}]"


# Colours for terminals; the badge text alone carries the meaning.
STYLES: dict[int, str] = {
    0: "bold white on red",
    1: "black on yellow",
    2: "black on bright_yellow",
    3: "black on cyan",
    4: "black on green",
    5: "bold white on dark_green",
}
