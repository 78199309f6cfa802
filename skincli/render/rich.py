"""Rich renderer for colour terminals. Data text goes in as `Text`, so markup in the data is shown
literally and never interpreted; badges carry their meaning in words as well as colour."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from skincli.kb import evidence
from skincli.render.output import defang
from skincli.render.text import _effect_name, _has_concerns, _said


def _t(value: str, style: str = "") -> Text:
    return Text(defang(value), style=style)


def badge(level: int | None) -> Text:
    if level is None:
        return Text(" - none ", style="dim")
    return Text(f" {level} {evidence.label(level)} ", style=evidence.STYLES[level])


def _refs(ids: list[str], numbers: dict[str, int]) -> str:
    return "".join(f"[{numbers[i]}]" for i in ids if i in numbers)


def show(view: dict[str, Any]) -> RenderableType:
    numbers = {s["id"]: i for i, s in enumerate(view["sources"], 1)}
    parts: list[RenderableType] = []
    head = Text()
    if view["aliases"]:
        head.append("Also called: ", style="bold").append(defang(", ".join(view["aliases"]))).append("\n")
    if view["inci"]:
        head.append("INCI: ", style="bold").append(defang(", ".join(view["inci"]))).append("\n")
    head.append(defang(view["summary"]))
    parts.append(head)
    if view.get("profile"):
        from skincli.render.text import profile_lines

        lines = profile_lines(view["profile"], numbers, 200)
        block = Text(lines[1] + "\n", style="bold yellow")
        for line in lines[3:]:
            block.append(defang(line.strip()) + "\n", style="yellow" if line.strip().startswith("!") else "")
        block.rstrip()
        parts.append(block)
    if view["effects"]:
        from rich.columns import Columns

        from skincli.views import against_route, elsewhere

        def glance(row: dict[str, Any]) -> Text:
            cell = badge(row["level"]).append(" " + defang(row["name"].lower()), style="")
            cell.append(f" ({row['tag']})" if row.get("tag") else "", style="italic")
            more = elsewhere(row)
            if more:
                cell.append(" · elsewhere " + ", ".join(more), style="italic dim")
            if row.get("against"):
                cell.append(f" · no harm shown{against_route(row)} {row['against']['level']}", style="italic dim")
            return cell

        benefits = [glance(r) for r in view["effects"] if r.get("kind") != "concern"]
        concerns = [glance(r) for r in view["effects"] if r.get("kind") == "concern"]
        routes = " or ".join(view.get("use") or ["topical"])
        if benefits:
            head = f"Evidence at a glance (as used: {routes}" + ("" if view["kind"] == "drug" else ", cosmetic strength") + ")"
            parts.append(Group(Text(head, style="bold"), Columns(benefits, padding=(0, 3))))
        if concerns:
            parts.append(Group(Text("Concerns: how well each harm is shown", style="bold"), Columns(concerns, padding=(0, 3))))

    if view["claims"]:
        table = Table(
            box=box.SIMPLE_HEAD, show_lines=False, expand=True, title="Claims by effect", title_justify="left", title_style="bold"
        )
        longest = max((len(word) for e in view["effects"] for word in e["name"].split()), default=12)
        table.add_column("Effect", style="bold", min_width=min(max(12, longest), 20), max_width=20)  # never cut a word
        table.add_column("Evidence", no_wrap=True, width=15)
        table.add_column("Claim · who · why this grade", ratio=1)
        for row in view["effects"]:
            claims = sorted((c for c in view["claims"] if c["effect"] == row["effect"]), key=lambda c: -c["evidence"]["level"])
            for n, claim in enumerate(claims):
                ev = claim["evidence"]
                from skincli.views import studied_text

                studied = studied_text(claim)
                cell = _t(claim["statement"] + (f" ({studied})" if studied else ""))
                cell.append("\n" + defang(f"by {claim['claimed_by']['name']}"), style="italic")
                cell.append("\n" + defang(f"{ev['rationale']} {_refs(claim['sources'], numbers)}"), style="dim")
                table.add_row(_t(row["name"]) if n == 0 else Text(""), badge(ev["level"]), cell, end_section=n == len(claims) - 1)
        parts.append(table)

    if view["opinions"]:
        said = Table(
            box=None,
            show_header=False,
            expand=True,
            title="What experts said",
            title_justify="left",
            title_style="bold",
            padding=(0, 1),
        )
        said.add_column("who", ratio=2)
        said.add_column("quote", ratio=5)
        for op in view["opinions"]:
            who = _t(op["expert"]["name"], "bold")
            who.append(f"\n{op['stance']} {_refs([op['source']], numbers)}", style="dim")
            said.add_row(who, _t(f"“{op['quote']}”", "italic"))
        parts.append(said)

    if view["facts"]:
        facts = Text()
        for fact in view["facts"]:
            facts.append("• " + defang(fact["statement"]) + f" {_refs([fact['source']], numbers)}\n")
        facts.rstrip()
        parts.append(Group(Text("Background", style="bold"), facts))

    if view["cautions"]:
        cautions = Text()
        for c in view["cautions"]:
            cautions.append(f"⚠ {c['type']}: ", style="bold yellow").append(
                defang(c["text"]) + f" {_refs(c['sources'], numbers)}\n"
            )
        cautions.rstrip()
        parts.append(Group(Text("Cautions", style="bold"), cautions))

    if view["related"]:
        parts.append(Text("Related: ", style="bold").append(defang(", ".join(r["name"] for r in view["related"]))))

    if view["sources"]:
        srcs = Text()
        for s in view["sources"]:
            ident = s["identifier"]
            srcs.append(f"[{numbers[s['id']]}] ", style="bold").append(defang(f"{s['citation']}. {s['title']}."))
            if ident:
                srcs.append(" " + defang(ident), style="cyan")
            srcs.append("\n")
        srcs.rstrip()
        parts.append(Group(Text("Sources", style="bold"), srcs))

    title = Text(defang(view["name"]), style="bold").append(f"  {view['kind']} · {view['category']}", style="dim")
    spaced: list[RenderableType] = []
    for part in parts:
        spaced += [part, Text("")]
    return Panel(Group(*spaced[:-1]), title=title, title_align="left", border_style="blue")


def compare(view: dict[str, Any]) -> RenderableType:
    ings = view["ingredients"]
    table = Table(box=box.SIMPLE_HEAVY, expand=True, title="Best evidence per effect", title_style="bold")
    table.add_column("", style="bold", ratio=3, overflow="fold")
    for ing in ings:
        table.add_column(_t(ing["name"], "bold"), ratio=3, overflow="fold")
    table.add_row("kind", *[_t(i["kind"]) for i in ings])
    table.add_row("category", *[_t(i["category"]) for i in ings], end_section=True)
    for row in view["effects"]:
        table.add_row(_t(_effect_name(row)), *[_cell(row, i["id"]) for i in ings])
    table.add_section()
    table.add_row("Experts said", *[_t(_said(i)) for i in ings])
    table.add_row("Cautions", *[_t(", ".join(dict.fromkeys(c["type"] for c in i["cautions"])) or "-") for i in ings])
    legend = Text("Levels: ", style="dim")
    for n in evidence.LEVELS:
        legend.append_text(badge(n)).append(" ")
    if _has_concerns(view):
        legend.append("\n! marks a concern: its level says how well the harm is shown.", style="dim")
    from skincli.views import verdict

    verdicts = Text("\n".join(defang(verdict(i)) for i in ings) + "\n")
    return Group(verdicts, table, legend)


def _cell(row: dict[str, Any], ingredient_id: str) -> Text:
    """The headline level as a badge, its route tag, and stronger evidence from elsewhere after it."""
    from skincli.views import elsewhere

    cell = row.get("cells", {}).get(ingredient_id)
    if cell is None:
        return badge(None)
    out = badge(cell["level"]).append(f" ({cell['tag']})" if cell.get("tag") else "", style="italic")
    more = elsewhere(cell)
    if more:
        out.append(" · " + ", ".join(more), style="italic dim")
    return out


def print_renderable(renderable: RenderableType) -> None:
    """Print to the terminal, through the pager when the output is longer than the screen."""
    from skincli.render import output, pager

    # The plain path's bounds (40 to 200 columns): COLUMNS=1 would draw an empty box, COLUMNS=10**11 ask
    # for a line of that length.
    console = Console(highlight=False, emoji=False, width=output.width())

    if pager.possible():  # measure the real output first
        with console.capture() as captured:
            console.print(renderable)
        text = captured.get()
        if pager.wanted(text.rstrip("\n")) and pager.page(text):
            return
        console.file.write(text)
        return
    console.print(renderable)
