"""Renderers for `check`: the text with every finding marked, then the claims one by one, then the
marketing patterns. Both read the plain view from `CheckReport.to_dict()`; rich is imported only
inside `rich()`, so the plain-text path stays light."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from skincli.kb import evidence
from skincli.render.output import defang
from skincli.render.text import _heading, _wrap

LEGEND = "⟨n⟩ marks claim n below, ⟨!n⟩ marketing pattern n."


# ---- shared --------------------------------------------------------------------------------------
def _marks(view: dict[str, Any]) -> dict[int, list[str]]:
    """Offset -> labels to show right after it: finding numbers on mentions and effect phrases,
    `!n` on marketing patterns."""
    marks: dict[int, list[str]] = {}
    for f in view["findings"]:
        for span in (f["mention"], f["effect_phrase"]):
            if span is not None and str(f["n"]) not in marks.setdefault(span["end"], []):
                marks[span["end"]].append(str(f["n"]))
    for g in view["flags"]:
        marks.setdefault(g["end"], []).append(f"!{g['n']}")
    return marks


def _styled_spans(view: dict[str, Any]) -> list[tuple[int, int, str]]:
    spans = [(m["start"], m["end"], "bold cyan" if m["role"] == "subject" else "cyan") for m in view["mentions"]]
    spans += [
        (e["start"], e["end"], "yellow" if e["negated"] else "bold green" if e["attributed"] else "green")
        for e in view["effects"]
    ]
    spans += [(g["start"], g["end"], "bold red") for g in view["flags"]]
    return spans


def _segments(view: dict[str, Any], spans: list[tuple[int, int, str]]) -> Iterator[tuple[str, list[str], list[str]]]:
    """The text cut at every span edge and mark: (piece, styles covering it, marks right after it)."""
    text = view["text"]
    marks = _marks(view)
    cuts = sorted({0, len(text), *marks, *(a for a, _b, _s in spans), *(b for _a, b, _s in spans)})
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = text[a:b].replace("\r\n", "\n").replace("\r", "\n")
        yield piece, [s for x, y, s in spans if x <= a and b <= y], marks.get(b, [])


def _statement(claim: dict[str, Any]) -> str:
    route = f" ({claim['route']})" if claim["route"] else ""
    return f"{claim['statement']}{route}"


def _experts(finding: dict[str, Any]) -> str:
    """ "Timm Golüke: endorses, neutral; Stefan Duve: skeptical"."""
    stances: dict[str, list[str]] = {}
    for o in finding["opinions"]:
        said = stances.setdefault(o["expert"]["name"], [])
        if o["stance"] not in said:
            said.append(o["stance"])
    return "; ".join(f"{name}: {', '.join(said)}" for name, said in stances.items())


def _headline(f: dict[str, Any]) -> str:
    if f["effect"] is None:
        role = " (named as a comparison)" if f["mention_role"] == "comparison" else ""
        return f"{f['ingredient']['name']}{role} — mentioned, no claim made"
    return f"{f['ingredient']['name']} → {f['effect_name']}" + (" (negated)" if f["negated"] else "")


def _summary(view: dict[str, Any]) -> str:
    s = view["summary"]
    parts = [f"{s['claims']} claim{'s' * (s['claims'] != 1)} checked"]
    graded = {k: v for k, v in s["levels"].items() if k != "none"}
    if graded:
        parts[0] += " (" + ", ".join(f"{v}× {k} {evidence.label(int(k))}" for k, v in sorted(graded.items(), reverse=True)) + ")"
    if s["no_evidence"]:
        parts.append(f"{s['no_evidence']} with no evidence on record")
    if s["negated"]:
        parts.append(f"{s['negated']} negated")
    if s["mentioned_only"]:
        parts.append(f"{s['mentioned_only']} ingredient{'s' * (s['mentioned_only'] != 1)} only mentioned")
    parts.append(f"{s['flags']} marketing pattern{'s' * (s['flags'] != 1)}")
    return ", ".join(parts) + "."


def _unattributed(view: dict[str, Any]) -> list[str]:
    return list(dict.fromkeys(e["text"] for e in view["effects"] if not e["attributed"]))


# ---- plain text ----------------------------------------------------------------------------------
def text(view: dict[str, Any], width: int = 80) -> str:
    """Plain text for pipes and NO_COLOR: no ANSI codes; every piece of input passes through defang."""
    if not view["text"].strip():
        return "Nothing to check: the text is empty."
    marked = ""
    for piece, _styles, marks in _segments(view, []):
        marked += defang(piece) + (f"⟨{','.join(marks)}⟩" if marks else "")
    out = [f"Text checked ({LEGEND})", ""]
    for line in marked.split("\n"):
        out += _wrap(line, width, "  ", "  ") if line.strip() else [""]
    while out and out[-1] == "":
        out.pop()
    if not view["findings"] and not view["flags"]:
        out += ["", *_wrap("No ingredient from the knowledge base and no marketing pattern found.", width)]
    if view["findings"]:
        out += _heading("Claims, one by one")
        experts_shown: set[str] = set()
        for f in view["findings"]:
            out += _finding_lines(f, width, show_experts=f["ingredient"]["id"] not in experts_shown)
            experts_shown.add(f["ingredient"]["id"])
    if view["flags"]:
        out += _heading("Marketing patterns")
        for g in view["flags"]:
            out += _wrap(f"!{g['n']:<3} {g['kind_label']}: “{defang(g['text'])}”", width, "", "     ")
            out += _wrap(defang(g["explanation"]), width, "     ", "     ")
            if g["claim"]:
                c = g["claim"]
                out += _wrap(
                    f"on record: {evidence.badge(c['evidence']['level'])} {defang(c['ingredient']['name'])}: "
                    f"{defang(_statement(c))} — claimed by {defang(c['claimed_by']['name'])}",
                    width,
                    "     ",
                    "       ",
                )
    out.append("")
    unattributed = _unattributed(view)
    if unattributed:
        out += _wrap("Effects named with no known ingredient: " + ", ".join(f"“{defang(t)}”" for t in unattributed) + ".", width)
    out += _wrap(_summary(view), width)
    out += _wrap(
        "Levels: "
        + " · ".join(f"{n} {evidence.label(n)}" for n in evidence.LEVELS)
        + ". `skincli show NAME` gives every claim and source.",
        width,
    )
    return "\n".join(out)


def _finding_lines(f: dict[str, Any], width: int, *, show_experts: bool) -> list[str]:
    sub = "        "
    badge = "" if f["effect"] is None else evidence.badge(f["level"]) + " "
    out = _wrap(f"{f['n']:>3}  {badge}{defang(_headline(f))}", width, "", sub)
    if f["effect"] is not None:
        said = f"“{defang(f['mention']['text'])}” … “{defang(f['effect_phrase']['text'])}”"
        if f["attribution"] == "previous-sentence":
            said += " (ingredient from the sentence before)"
        out += _wrap(f"text: {said}", width, sub, sub + "  ")
        if f["negated"]:
            out += _wrap(
                f"negated (“{defang(f['negation']['text'])}”): the text puts this effect under a negation; read it in context.",
                width,
                sub,
                sub + "  ",
            )
        if f["claims"]:
            best = f["claims"][0]
            more = len(f["claims"]) - 1
            line = f"best on record: {defang(_statement(best))} — claimed by {defang(best['claimed_by']['name'])}"
            if more:
                line += f" (+{more} more claim{'s' * (more != 1)} for this pair)"
            out += _wrap(line, width, sub, sub + "  ")
            out += _wrap(f"why {best['evidence']['level']}: {defang(best['evidence']['rationale'])}", width, sub, sub + "  ")
        else:
            out += _wrap("no evidence on record: the knowledge base has no claim for this pair.", width, sub, sub + "  ")
    if f["sources"]:
        out += _wrap("sources: " + "; ".join(defang(s["citation"]) for s in f["sources"]), width, sub, sub + "  ")
    if show_experts and f["opinions"]:
        out += _wrap(f"experts on {defang(f['ingredient']['name'])}: {defang(_experts(f))}", width, sub, sub + "  ")
    return out


# ---- rich ------------------------------------------------------------------------------------------
def rich(view: dict[str, Any]) -> Any:
    """Colour terminal: the text with mentions, effects and patterns highlighted, then two tables.
    All data goes in as `Text`, so markup in the input is shown, never interpreted."""
    from rich import box
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    from skincli.render.rich import badge

    if not view["text"].strip():
        return Text("Nothing to check: the text is empty.")
    marked = Text()
    for piece, styles, marks in _segments(view, _styled_spans(view)):
        marked.append(Text(defang(piece), style=" ".join(styles)))
        if marks:
            marked.append(f"⟨{','.join(marks)}⟩", style="bold red" if all(m.startswith("!") for m in marks) else "dim")
    parts: list[Any] = [
        Panel(
            marked,
            title=Text("Text checked"),
            subtitle=Text(LEGEND, style="dim"),
            title_align="left",
            subtitle_align="left",
            border_style="blue",
        )
    ]
    if view["findings"]:
        table = Table(box=box.SIMPLE_HEAD, expand=True, title="Claims, one by one", title_justify="left", title_style="bold")
        table.add_column("#", justify="right", width=3)
        table.add_column("Ingredient → effect", ratio=3, overflow="fold")
        table.add_column("Evidence", no_wrap=True, width=15)
        table.add_column("Best claim on record · who claims it · sources", ratio=7)
        experts_shown: set[str] = set()
        for f in view["findings"]:
            what = Text(defang(f["ingredient"]["name"]), style="bold")
            if f["effect"] is None:
                what.append("\n" + ("named as a comparison" if f["mention_role"] == "comparison" else "mentioned"), style="dim")
                level = Text("no claim made", style="dim")
            else:
                what.append(" → " + defang(f["effect_name"] or f["effect"]))
                what.append(f"\n“{defang(f['effect_phrase']['text'])}”", style="italic dim")
                level = badge(f["level"])
                if f["negated"]:
                    level = Text(" negated ", style="black on yellow").append("\n").append_text(badge(f["level"]))
            cell = Text()
            if f["claims"]:
                best = f["claims"][0]
                cell.append(defang(_statement(best)))
                cell.append("\n" + defang(f"by {best['claimed_by']['name']}"), style="italic")
                cell.append("\n" + defang(best["evidence"]["rationale"]), style="dim")
                if len(f["claims"]) > 1:
                    cell.append(f"\n+{len(f['claims']) - 1} more for this pair", style="dim")
            elif f["effect"] is not None:
                cell.append("no evidence on record", style="bold")
            if f["negated"]:
                cell.append(f"\nnegated by “{defang(f['negation']['text'])}”: read it in context", style="yellow")
            if f["attribution"] == "previous-sentence":
                cell.append("\ningredient from the sentence before", style="dim")
            if f["sources"]:
                cell.append("\n" + defang("; ".join(s["citation"] for s in f["sources"])), style="cyan")
            if f["opinions"] and f["ingredient"]["id"] not in experts_shown:
                cell.append("\nexperts: " + defang(_experts(f)), style="magenta")
            experts_shown.add(f["ingredient"]["id"])
            table.add_row(str(f["n"]), what, level, cell if cell.plain else Text("-"))
        parts.append(table)
    if view["flags"]:
        flags = Table(box=box.SIMPLE_HEAD, expand=True, title="Marketing patterns", title_justify="left", title_style="bold")
        flags.add_column("#", justify="right", width=3)
        flags.add_column("Pattern", ratio=3)
        flags.add_column("Why it matters", ratio=7)
        for g in view["flags"]:
            what = Text(defang(g["kind_label"]), style="bold red").append("\n“" + defang(g["text"]) + "”", style="italic")
            why = Text(defang(g["explanation"]))
            if g["claim"]:
                c = g["claim"]
                why.append("\non record: ").append_text(badge(c["evidence"]["level"]))
                said = f"{c['ingredient']['name']}: {_statement(c)} — by {c['claimed_by']['name']}"
                why.append(" " + defang(said), style="dim")
            flags.add_row(f"!{g['n']}", what, why)
        parts.append(flags)
    if not view["findings"] and not view["flags"]:
        parts.append(Text("No ingredient from the knowledge base and no marketing pattern found."))
    unattributed = _unattributed(view)
    if unattributed:
        parts.append(
            Text("Effects named with no known ingredient: ", style="dim").append(
                defang(", ".join(f"“{t}”" for t in unattributed)), style="green"
            )
        )
    parts.append(Text(defang(_summary(view)), style="bold"))
    return Group(*parts)
