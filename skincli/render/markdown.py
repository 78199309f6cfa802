"""Markdown renderer: comparison tables to paste into notes."""

from __future__ import annotations

from typing import Any

from skincli.kb import evidence
from skincli.render.text import _effect_name, _has_concerns


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _level(cell: dict[str, Any] | None) -> str:
    """`**4** supported`, with its route tag and stronger evidence elsewhere (`– · 4 injected`)."""
    from skincli.views import elsewhere

    if cell is None:
        return "–"
    head = "–" if cell["level"] is None else f"**{cell['level']}** {cell['label']}" + (f" ({cell['tag']})" if cell["tag"] else "")
    return " · ".join([head, *elsewhere(cell)])


def compare(view: dict[str, Any]) -> str:
    ings = view["ingredients"]
    lines = ["| | " + " | ".join(_cell(i["name"]) for i in ings) + " |", "|---" * (len(ings) + 1) + "|"]
    lines.append("| kind | " + " | ".join(_cell(i["kind"]) for i in ings) + " |")
    lines.append("| category | " + " | ".join(_cell(i["category"]) for i in ings) + " |")
    for row in view["effects"]:
        cells = [_level(row["cells"].get(i["id"])) for i in ings]
        lines.append(f"| {_cell(_effect_name(row))} | " + " | ".join(cells) + " |")
    from skincli.views import said_by_expert

    said = ["; ".join(said_by_expert(i)) or "–" for i in ings]
    lines.append("| Experts said | " + " | ".join(_cell(s) for s in said) + " |")
    cautions = [", ".join(dict.fromkeys(c["type"] for c in i["cautions"])) or "–" for i in ings]
    lines.append("| Cautions | " + " | ".join(_cell(c) for c in cautions) + " |")
    lines += ["", "Evidence levels: " + ", ".join(f"{n} {evidence.label(n)}" for n in evidence.LEVELS) + " (skincli)."]
    if _has_concerns(view):
        lines.append("! marks a concern: its level says how well the harm is shown.")
    return "\n".join(lines)
