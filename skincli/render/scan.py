"""Renderers for `scan`: a label decoded line by line, then what it adds up to."""

from __future__ import annotations

from typing import Any

from skincli.kb import evidence
from skincli.render.output import defang
from skincli.render.text import _wrap


def _effects(kb: dict[str, Any], names: dict[str, str], limit: int = 3) -> str:
    """`Wrinkles 3, Hydration 4`, then stronger evidence that is not for this use or form, labelled
    (`elsewhere: Wrinkles 4 oral`), or why there is none (`evidence is for L-ascorbic acid; ...`)."""
    parts = [f"{names.get(e['effect'], e['effect'])} {e['level']}" for e in kb["effects"][:limit]]
    other = [f"{names.get(e['effect'], e['effect'])} {e['level']} {e['tag']}".rstrip() for e in kb.get("elsewhere", [])[:2]]
    text = ", ".join(parts)
    if kb.get("note"):
        text = "; ".join(p for p in (text, kb["note"]) if p)
    if other:
        text = "; ".join(p for p in (text, "elsewhere: " + ", ".join(other)) if p)
    return text


HARM_WORDS = {0: "contradicted by studies", 1: "someone's word only", 2: "lab or animal data only, not shown in people"}


def concern_lines(kb: dict[str, Any], names: dict[str, str]) -> list[str]:
    """Each worry with how well it is shown: `! Contact allergy: 4 supported (shown in people)`, or
    `Cancer risk: 2 preclinical (lab or animal data only, ...); safe use: 5 established`."""
    lines = []
    for c in kb.get("concerns", []):
        name, harm, safe = names.get(c["effect"], c["effect"]), c["harm_level"], c["safe_use_level"]
        if harm is not None and harm >= 3:
            where = "" if c["effect"] == "environmental-harm" else " in people"
            text = f"! {name}: {harm} {evidence.label(harm)} (shown{where})"
        elif harm is not None:
            text = f"{name}: {harm} {evidence.label(harm)} ({HARM_WORDS[harm]})"
        else:
            text = f"{name}: no harm on record"
        if safe is not None:
            text += f"; safe use: {safe} {evidence.label(safe)}"
        lines.append(text)
    return lines


def kb_line(kb: dict[str, Any], names: dict[str, str]) -> str:
    """`[4 supported] Niacinamide: Hyperpigmentation 4, ...`, or `Parabens (preservative)` for an entry
    with worries but no benefit claims."""
    role = f" ({kb['role']})" if kb.get("role") else ""
    effects = _effects(kb, names)
    if not effects and kb.get("concerns"):
        return f"{kb['name']}{role}"
    return f"{evidence.badge(kb['best_level'])} {kb['name']}{role}: {effects or 'no graded claims'}"


def _flags(item: dict[str, Any], limit: int = 44) -> list[str]:
    """EU annex entries with their limit (shortened; --json has the full text), cautions, shade blocks."""
    flags = []
    for annex in item["annexes"]:
        flag = annex["label"] + (f": max {annex['max_concentration']}" if annex["max_concentration"] else "")
        flags.append(flag if len(flag) <= limit else flag[: limit - 1].rstrip() + "…")
    if item["kb"] and item["kb"]["cautions"]:
        flags.append("caution: " + ", ".join(item["kb"]["cautions"]))
    if item["may_contain"]:
        flags.append("may contain")
    return flags


def _status(item: dict[str, Any]) -> str:
    if item["status"] == "recognised":
        return item["inci"]
    if item["suggestions"]:
        return "not recognised; did you mean " + " / ".join(item["suggestions"]) + "?"
    return "not recognised"


def text(view: dict[str, Any], width: int = 80) -> str:
    names = view.get("effect_names", {})
    out: list[str] = []
    for item in view["items"]:
        head = f"{item['position']:>3}  {item['raw']}"
        if item["percent"] is not None and f"{item['percent']:g}%" not in item["raw"]:
            head += f" ({item['percent']:g}%)"
        out += _wrap(head, width, "", "     ")
        detail = _status(item)
        if item["functions"]:
            detail += " · " + ", ".join(f.lower() for f in item["functions"][:3])
        out += _wrap(detail, width, "     ", "       ")
        if item["kb"]:
            kb = item["kb"]
            out += _wrap(kb_line(kb, names), width, "     ", "       ")
            for line in concern_lines(kb, names):
                out += _wrap(line, width, "     ", "       ")
        for flag in _flags(item):
            out += _wrap(f"! {flag}", width, "     ", "       ")
    out += ["", *summary_lines(view, width)]
    return "\n".join(out)


def summary_lines(view: dict[str, Any], width: int) -> list[str]:
    s = view["summary"]
    names = view.get("effect_names", {})
    out = _wrap(
        f"{s['count']} ingredients, {s['recognised']} recognised ({s['recognition_rate']:.0%}), "
        f"{s['in_kb']} in the knowledge base, {len(s['restricted'])} with EU annex entries.",
        width,
    )
    if s["actives_by_effect"]:
        out.append("Evidence (level 3 or better) for:")
        for effect, rows in s["actives_by_effect"].items():
            out += _wrap(
                f"{names.get(effect, effect)}: "
                + ", ".join(f"{r['name']} ({r['level']} {evidence.label(r['level'])})" for r in rows),
                width,
                "  ",
                "    ",
            )
    if s["unrecognised"]:
        out += _wrap("Not recognised: " + "; ".join(s["unrecognised"]), width, "", "  ")
    return out


def rich(view: dict[str, Any]) -> Any:
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from skincli.render.rich import badge

    names = view.get("effect_names", {})
    table = Table(box=box.SIMPLE_HEAD, expand=True, title="Label, line by line", title_justify="left", title_style="bold")
    table.add_column("#", justify="right", width=2)
    table.add_column("As written", ratio=3, overflow="fold")
    table.add_column("INCI · functions", ratio=4, overflow="fold")
    table.add_column("Evidence (skincli)", ratio=4)
    table.add_column("Flags", ratio=4)
    for item in view["items"]:
        inci = Text(defang(_status(item)), style="" if item["status"] == "recognised" else "yellow")
        if item["functions"]:
            inci.append("\n" + ", ".join(f.lower() for f in item["functions"][:2]), style="dim")
        kb_cell = Text("")
        if item["kb"]:
            kb = item["kb"]
            kb_cell = badge(kb["best_level"]).append(" " + defang(kb["name"]), style="bold")
            if kb["effects"]:
                kb_cell.append("\n" + defang(_effects(kb, names, limit=2)), style="dim")
            for line in concern_lines(kb, names):
                kb_cell.append("\n" + defang(line), style="yellow" if line.startswith("!") else "dim")
        flags = Text("\n".join(defang(f) for f in _flags(item)), style="bold yellow")
        table.add_row(str(item["position"]), Text(defang(item["raw"])), inci, kb_cell, flags)
    summary = Text("\n".join(defang(line) for line in summary_lines(view, 200)))
    return Group(table, summary)
