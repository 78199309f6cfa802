"""Markdown renderer: comparison tables to paste into notes."""

from __future__ import annotations

from typing import Any

from skincli.kb import evidence
from skincli.render.text import _route


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def compare(view: dict[str, Any]) -> str:
    ings = view["ingredients"]
    lines = ["| | " + " | ".join(_cell(i["name"]) for i in ings) + " |", "|---" * (len(ings) + 1) + "|"]
    lines.append("| kind | " + " | ".join(_cell(i["kind"]) for i in ings) + " |")
    lines.append("| category | " + " | ".join(_cell(i["category"]) for i in ings) + " |")
    for row in view["effects"]:
        cells = [
            ("–" if row["levels"][i["id"]] is None else f"**{row['levels'][i['id']]}** {evidence.label(row['levels'][i['id']])}")
            + _route(row, i["id"])
            for i in ings
        ]
        lines.append(f"| {_cell(row['name'])} | " + " | ".join(cells) + " |")
    from skincli.views import said_by_expert

    said = ["; ".join(said_by_expert(i)) or "–" for i in ings]
    lines.append("| Experts said | " + " | ".join(_cell(s) for s in said) + " |")
    cautions = [", ".join(dict.fromkeys(c["type"] for c in i["cautions"])) or "–" for i in ings]
    lines.append("| Cautions | " + " | ".join(_cell(c) for c in cautions) + " |")
    lines += ["", "Evidence levels: " + ", ".join(f"{n} {evidence.label(n)}" for n in evidence.LEVELS) + " (skincli)."]
    return "\n".join(lines)
