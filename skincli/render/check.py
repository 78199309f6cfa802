"""Renderers for `check`: the text with every finding marked, then the claims one by one, then the
marketing patterns. Both read the plain view from `CheckReport.to_dict()`; rich is imported only
inside `rich()`, so the plain-text path stays light."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from skincli.kb import evidence
from skincli.render.output import defang
from skincli.render.text import _heading, _wrap

LEGEND = "⟨n⟩ marks claim n below, ⟨!n⟩ marketing pattern n."


# ---- shared --------------------------------------------------------------------------------------
def _marks(view: dict[str, Any]) -> dict[int, list[str]]:
    """Offset -> labels to show right after it: finding numbers on mentions and effect phrases,
    `!n` on marketing patterns. A report's `view()` brings them ready-made ("_marks"), so the findings
    are not turned into rows twice."""
    if "_marks" in view:
        return view["_marks"]()
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
    """The text cut at every span edge and mark: (piece, styles covering it, marks right after it).
    One sweep over the cuts with the spans that are open at each (a handful), so a long text with many
    findings costs in proportion to its length."""
    text = view["text"]
    marks = _marks(view)
    cuts = sorted({0, len(text), *marks, *(a for a, _b, _s in spans), *(b for _a, b, _s in spans)})
    ordered = sorted(spans)
    at = 0
    active: list[tuple[int, int, str]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        while at < len(ordered) and ordered[at][0] <= a:
            active.append(ordered[at])
            at += 1
        active = [span for span in active if span[1] > a]
        piece = text[a:b].replace("\r\n", "\n").replace("\r", "\n")
        yield piece, [style for x, y, style in active if x <= a and b <= y], marks.get(b, [])


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


def _comparison_line(g: dict[str, Any]) -> str:
    """What a comparison pattern compares and its level under rule 10 of the grading rules."""
    compares = g["compares"]
    subject = compares["subject"]["name"] if compares["subject"] else "the product"
    other = compares["with"]["name"] if compares["with"] else "what it names"
    how = "as on record" if g["claim"] else "no head-to-head trial on record, so it is the advertiser's word"
    return f"graded {evidence.badge(g['level'])}: {subject} compared with {other} ({how})"


def _unattributed(view: dict[str, Any]) -> list[str]:
    return list(dict.fromkeys(e["text"] for e in view["effects"] if not e["attributed"]))


# ---- plain text ----------------------------------------------------------------------------------
_SIMPLE_LINE = re.compile(r"\S+(?: \S+)*")  # words with single spaces: the usual line of prose


class _LongWords(dict[int, "re.Pattern[str]"]):
    def __missing__(self, room: int) -> re.Pattern[str]:
        self[room] = re.compile(rf"\S{{{room + 1},}}")
        return self[room]


_LONG_WORD = _LongWords()


def _fill_simple(line: str, width: int, indent: str = "  ", subsequent: str = "  ") -> list[str]:
    """Greedy filling of a line of single-spaced words none longer than a line: cut at the last space
    that keeps each line within the width (what textwrap does for such a line), a search per output line."""
    out: list[str] = []
    pos, n = 0, len(line)
    prefix = indent
    while n - pos > width - len(prefix):
        cut = line.rfind(" ", pos, pos + width - len(prefix) + 1)
        out.append(prefix + line[pos:cut])
        pos = cut + 1
        prefix = subsequent
    out.append(prefix + line[pos:])
    return out


def _fill(line: str, width: int, indent: str = "", subsequent: str | None = None) -> list[str]:
    """`_wrap(line, width, indent, subsequent)`, faster for the usual line of single-spaced words."""
    subsequent = indent if subsequent is None else subsequent
    width = max(width, 20)
    room = width - max(len(indent), len(subsequent))
    if len(indent) + len(line) > width and room > 0 and _SIMPLE_LINE.fullmatch(line) and not _LONG_WORD[room].search(line):
        return _fill_simple(line, width, indent, subsequent)
    return _wrap(line, width, indent, subsequent)


_TEXTWRAP_SPACE = str.maketrans(dict.fromkeys("\t\n\x0b\x0c\r", " "))
_SPACES = re.compile("( +)")


def _wrap_text(line: str, width: int) -> list[str]:
    """A line of the checked text, wrapped and indented by two: the same lines as
    `textwrap.wrap(line, width, initial_indent="  ", subsequent_indent="  ", break_on_hyphens=False)`
    (which `_wrap` calls), computed without textwrap's per-chunk overhead, because the checked text can be
    megabytes long. tests/test_check.py compares the two on random lines."""
    if len(line) + 2 <= width and "  " not in line.strip():
        return _wrap(line, width, "  ", "  ")
    width = max(width, 20)
    room = width - 2
    if _SIMPLE_LINE.fullmatch(line) and not _LONG_WORD[room].search(line):
        return _fill_simple(line, width)
    chunks = [c for c in _SPACES.split(line.expandtabs().translate(_TEXTWRAP_SPACE)) if c]
    chunks.reverse()  # consumed from the end, as textwrap does
    out: list[str] = []
    room = width - 2  # both indents are two spaces
    while chunks:
        cur: list[str] = []
        cur_len = 0
        if out and chunks[-1].strip() == "":  # a line other than the first does not start with spaces
            chunks.pop()
        while chunks:
            size = len(chunks[-1])
            if cur_len + size <= room:
                cur.append(chunks.pop())
                cur_len += size
            else:
                break
        if chunks and len(chunks[-1]) > room:  # a word longer than a line fills what is left of this one
            space_left = room - cur_len
            cur.append(chunks[-1][:space_left])
            chunks[-1] = chunks[-1][space_left:]
            cur_len += space_left
        if cur and cur[-1].strip() == "":
            cur_len -= len(cur[-1])
            del cur[-1]
        if cur:
            out.append("  " + "".join(cur))
    return out or ["  ".rstrip()]


def text(view: dict[str, Any], width: int = 80) -> str:
    """Plain text for pipes and NO_COLOR: no ANSI codes; every piece of input passes through defang."""
    return "\n".join(lines(view, width))


def lines(view: dict[str, Any], width: int = 80) -> Iterator[str]:
    """The plain text, line by line, so a long report can be written as it is made."""
    if not view["text"].strip():
        yield "Nothing to check: the text is empty."
        return
    yield f"Text checked ({LEGEND})"
    yield ""
    blank = 0  # blank lines seen but not yet written: trailing ones are dropped
    for line in _marked_lines(view):
        if not line.strip():
            blank += 1
            continue
        yield from [""] * blank
        blank = 0
        yield from _wrap_text(line, width)
    findings, flags = view["findings"], view["flags"]
    if not findings and not flags:
        yield from ["", *_wrap("No ingredient from the knowledge base and no marketing pattern found.", width)]
    if findings:
        yield from _heading("Claims, one by one")
        experts_shown: set[str] = set()
        for f in findings:
            yield from _finding_lines(f, width, show_experts=f["ingredient"]["id"] not in experts_shown)
            experts_shown.add(f["ingredient"]["id"])
    if flags:
        yield from _heading("Marketing patterns")
        for g in flags:
            yield from _fill(f"!{g['n']:<3} {g['kind_label']}: “{defang(g['text'])}”", width, "", "     ")
            yield from _wrapped(defang(g["explanation"]), width, "     ", "     ")
            if g["claim"]:
                c = g["claim"]
                yield from _wrapped(
                    f"on record: {evidence.badge(c['evidence']['level'])} {defang(c['ingredient']['name'])}: "
                    f"{defang(_statement(c))} — claimed by {defang(c['claimed_by']['name'])}",
                    width,
                    "     ",
                    "       ",
                )
            if g.get("compares") is not None:
                yield from _wrapped(defang(_comparison_line(g)), width, "     ", "       ")
    yield ""
    unattributed = _unattributed(view)
    if unattributed:
        yield from _wrap(
            "Effects named with no known ingredient: " + ", ".join(f"“{defang(t)}”" for t in unattributed) + ".", width
        )
    yield from _wrap(_summary(view), width)
    yield from _wrap(
        "Levels: "
        + " · ".join(f"{n} {evidence.label(n)}" for n in evidence.LEVELS)
        + ". `skincli show NAME` gives every claim and source.",
        width,
    )


def _marked_lines(view: dict[str, Any]) -> Iterator[str]:
    """The checked text with the marks put in, one line of the input at a time."""
    current: list[str] = []
    for piece, _styles, marks in _segments(view, []):
        parts = defang(piece).split("\n")
        for part in parts[:-1]:
            current.append(part)
            yield "".join(current)
            current = []
        current.append(parts[-1])
        if marks:
            current.append(f"⟨{','.join(marks)}⟩")
    yield "".join(current)


def emit(report: Any, as_json: bool, extra: dict[str, Any] | None = None) -> None:
    """Write a check report to standard output: JSON (streamed row by row when piped), rich on a
    terminal, else plain text written line by line. A report of megabytes of text is never held whole
    as one string. `extra` (the profile) is added to the JSON and, on screen, opens the report."""
    import sys

    from skincli.render import output

    extra = extra or {}
    if as_json:
        if sys.stdout.isatty():
            output.emit_json({**report.to_dict(), **extra})
        else:
            for piece in report.iter_json(extra):
                sys.stdout.write(piece)
            sys.stdout.write("\n")
        return
    if extra.get("profile"):
        from skincli.render.text import profile_lines

        sys.stdout.write(defang("\n".join(profile_lines(extra["profile"], None, output.width())[1:])) + "\n\n")
    view = report.view()
    if output.use_rich():
        from skincli.render.rich import print_renderable

        print_renderable(rich(view))
        return
    buffer: list[str] = []
    size = 0
    for line in lines(view, output.width()):
        buffer.append(line)
        size += len(line)
        if size > 1 << 16:  # written (and defanged) in pieces of about 64 KB
            sys.stdout.write(defang("\n".join(buffer)) + "\n")
            buffer, size = [], 0
    if buffer:
        sys.stdout.write(defang("\n".join(buffer)) + "\n")


@lru_cache(maxsize=8192)
def _wrapped(line: str, width: int, indent: str, subsequent: str) -> tuple[str, ...]:
    """Finding lines repeat (the same best claim and rationale for every finding of a pair): wrap each once."""
    return tuple(_fill(line, width, indent, subsequent))


def _finding_lines(f: dict[str, Any], width: int, *, show_experts: bool) -> list[str]:
    sub = "        "
    badge = "" if f["effect"] is None else evidence.badge(f["level"]) + " "
    out = _fill(f"{f['n']:>3}  {badge}{defang(_headline(f))}", width, "", sub)
    if f["effect"] is not None:
        said = f"“{defang(f['mention']['text'])}” … “{defang(f['effect_phrase']['text'])}”"
        if f["attribution"] == "previous-sentence":
            said += " (ingredient from the sentence before)"
        elif f["attribution"] == "next-sentence":
            said += " (ingredient from the sentence after it: a heading or a question)"
        out += _wrapped(f"text: {said}", width, sub, sub + "  ")
        if f["negated"]:
            out += _wrapped(
                f"negated (“{defang(f['negation']['text'])}”): the text puts this effect under a negation; read it in context.",
                width,
                sub,
                sub + "  ",
            )
        for other in f.get("elsewhere", []):
            what = other["route"] + (" prescription" if other["prescription"] else "") + " use"
            if other.get("form"):
                what = f"{other['form']} ({what})"
            out += _wrapped(
                f"elsewhere: {other['level']} {other['label']} for {what} — not evidence for this product",
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
            out += _wrapped(line, width, sub, sub + "  ")
            out += _wrapped(f"why {best['evidence']['level']}: {defang(best['evidence']['rationale'])}", width, sub, sub + "  ")
        else:
            out += _wrapped("no evidence on record: the knowledge base has no claim for this pair.", width, sub, sub + "  ")
    if f["sources"]:
        out += _wrapped("sources: " + "; ".join(defang(s["citation"]) for s in f["sources"]), width, sub, sub + "  ")
    if show_experts and f["opinions"]:
        out += _wrapped(f"experts on {defang(f['ingredient']['name'])}: {defang(_experts(f))}", width, sub, sub + "  ")
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
            elif f["attribution"] == "next-sentence":
                cell.append("\ningredient from the sentence after it (a heading or a question)", style="dim")
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
            if g.get("compares") is not None:
                why.append("\n" + defang(_comparison_line(g)), style="dim")
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
