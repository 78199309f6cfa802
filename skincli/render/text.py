"""Plain-text renderer: what pipes, `NO_COLOR` and dumb terminals get. No ANSI codes, no rich import."""

from __future__ import annotations

import textwrap
from typing import Any

from skincli.kb import evidence


class _LinearWrapper(textwrap.TextWrapper):
    """textwrap with the same output, in time linear in the length of the longest word.

    textwrap breaks a word longer than the line by slicing one line off it and copying the rest, again
    and again: a 4 MB word took 4 s to wrap, a 60 MB one over a minute. Here the rest is cut into
    line-wide pieces once; each piece then fills a line of its own, exactly as textwrap would fill it.
    """

    def _handle_long_word(self, reversed_chunks: list[str], cur_line: list[str], cur_len: int, width: int) -> None:
        chunk = reversed_chunks[-1]
        line = self.width - len(self.subsequent_indent)
        if not self.break_long_words or self.break_on_hyphens or width < 1 or line < 1:
            return super()._handle_long_word(reversed_chunks, cur_line, cur_len, width)
        if not chunk.strip():
            if not cur_line:  # leading spaces: textwrap drops `width` of them per (empty) line until the rest fits
                reversed_chunks[-1] = chunk[: (len(chunk) - 1) % width + 1]
                return None
            return super()._handle_long_word(reversed_chunks, cur_line, cur_len, width)  # one cut, then dropped
        reversed_chunks.pop()
        space_left = width - cur_len
        cur_line.append(chunk[:space_left])
        reversed_chunks.extend(reversed([chunk[i : i + line] for i in range(space_left, len(chunk), line)]))
        return None


def wrap_lines(text: str, width: int, **options: str | bool) -> list[str]:
    """textwrap.wrap with break_on_hyphens=False, linear in time (see _LinearWrapper)."""
    return _LinearWrapper(width=width, break_on_hyphens=False, **options).wrap(text)  # type: ignore[arg-type]


def _wrap(text: str, width: int, indent: str = "", subsequent: str | None = None) -> list[str]:
    if len(indent) + len(text) <= width and "\n" not in text and "  " not in text.strip():
        return [(indent + text.strip()).rstrip()]  # fits: textwrap would return it unchanged, slowly
    return wrap_lines(
        text,
        max(width, 20),
        initial_indent=indent,
        subsequent_indent=indent if subsequent is None else subsequent,
    ) or [indent.rstrip()]


def _heading(title: str) -> list[str]:
    return ["", title, "-" * len(title)]


def _source_numbers(view: dict[str, Any]) -> dict[str, int]:
    return {s["id"]: i for i, s in enumerate(view["sources"], 1)}


def _refs(ids: list[str], numbers: dict[str, int]) -> str:
    return "".join(f"[{numbers[i]}]" for i in ids if i in numbers)


def show(view: dict[str, Any], width: int = 80) -> str:
    numbers = _source_numbers(view)
    out = [
        f"{view['name']}  ({view['kind']} · {view['category']})",
        "=" * min(width, len(view["name"]) + len(view["kind"]) + len(view["category"]) + 7),
    ]
    if view["aliases"]:
        out += _wrap("Also called: " + ", ".join(view["aliases"]), width, "", "  ")
    if view["inci"]:
        out += _wrap("INCI: " + ", ".join(view["inci"]), width, "", "  ")
    out += _wrap(view["summary"], width)
    if view["effects"]:
        out += _heading("Evidence at a glance")
        for row in view["effects"]:
            route = f" ({row['route']})" if row.get("route") not in (None, "topical") else ""
            out.append(f"  {evidence.badge(row['level']):<17} {row['name']}{route}")
    if view["claims"]:
        out += _heading("Claims")
        by_effect: dict[str, list[dict[str, Any]]] = {}
        for claim in view["claims"]:
            by_effect.setdefault(claim["effect"], []).append(claim)
        for row in view["effects"]:
            out.append(f"{row['name']}")
            for claim in sorted(by_effect[row["effect"]], key=lambda c: -c["evidence"]["level"]):
                ev = claim["evidence"]
                route = f" ({claim['route']})" if claim["route"] else ""
                out += _wrap(f"{evidence.badge(ev['level'])} {claim['statement']}{route}", width, "  ", "    ")
                out += _wrap(f"claimed by: {claim['claimed_by']['name']}", width, "    ", "      ")
                out += _wrap(f"why: {ev['rationale']} {_refs(claim['sources'], numbers)}".rstrip(), width, "    ", "      ")
    if view["opinions"]:
        out += _heading("What experts said")
        for op in view["opinions"]:
            out += _wrap(f"{op['expert']['name']} ({op['stance']}) {_refs([op['source']], numbers)}", width, "  ", "    ")
            out += _wrap(f"“{op['quote']}”", width, "    ", "     ")
    if view["facts"]:
        out += _heading("Background")
        for fact in view["facts"]:
            out += _wrap(f"- {fact['statement']} {_refs([fact['source']], numbers)}", width, "  ", "    ")
    if view["cautions"]:
        out += _heading("Cautions")
        for caution in view["cautions"]:
            out += _wrap(
                f"! {caution['type']}: {caution['text']} {_refs(caution['sources'], numbers)}".rstrip(), width, "  ", "    "
            )
    if view["related"]:
        out += ["", *_wrap("Related: " + ", ".join(r["name"] for r in view["related"]), width, "", "  ")]
    if view["sources"]:
        out += _heading("Sources")
        for source in view["sources"]:
            out += source_lines(source, width, f"  [{numbers[source['id']]}] ")
    return "\n".join(out)


def source_lines(source: dict[str, Any], width: int, prefix: str = "  ") -> list[str]:
    ident = source["identifier"]
    head = f"{source['citation']}. {source['title']}." + (f" {ident}" if ident else "")
    return _wrap(head, width, prefix, " " * len(prefix))


def grid(rows: list[list[str] | None], width: int, first: int) -> list[str]:
    """A text table: the first column `first` wide, the rest sharing what is left, cells wrapped.

    The first row is the header; a None row draws a rule between sections.
    """
    columns = len(rows[0] or [])
    rest = max((width - first - 1) // max(columns - 1, 1) - 1, 8)
    widths = [first] + [rest] * (columns - 1)
    rule = " ".join("-" * w for w in widths)
    lines = []
    for r, row in enumerate(rows):
        if row is None:
            lines.append(rule)
            continue
        cells = [wrap_lines(cell, w) or [""] for cell, w in zip(row, widths, strict=True)]
        for i in range(max(len(c) for c in cells)):
            lines.append(" ".join((c[i] if i < len(c) else "").ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())
        if r == 0:
            lines.append(rule)
    return lines


def compare(view: dict[str, Any], width: int = 80) -> str:
    ings = view["ingredients"]
    first = 18 if width < 100 else 22
    rows: list[list[str] | None] = [
        ["", *[i["name"] for i in ings]],
        ["kind", *[i["kind"] for i in ings]],
        ["category", *[i["category"] for i in ings]],
        None,
    ]
    rows += [
        [row["name"], *[_short_badge(row["levels"][i["id"]]) + _route(row, i["id"]) for i in ings]] for row in view["effects"]
    ]
    rows += [
        None,
        ["Experts said", *[_said(i) for i in ings]],
        ["Cautions", *[", ".join(dict.fromkeys(c["type"] for c in i["cautions"])) or "-" for i in ings]],
    ]
    from skincli.views import verdict

    out = [line for i in ings for line in _wrap(verdict(i), width, "", "  ")]
    out += ["", "Best evidence per effect (0 unsupported … 5 established)", "", *grid(rows, width, first)]
    out += [
        "",
        *_wrap(
            "Levels: "
            + " · ".join(f"{n} {evidence.label(n)}" for n in evidence.LEVELS)
            + ". `skincli evidence` explains them; `skincli show NAME` gives the claims and sources.",
            width,
        ),
    ]
    return "\n".join(out)


def _cell(row: dict[str, Any], ingredient_id: str) -> str:
    return _short_badge(row["levels"][ingredient_id]) + _route(row, ingredient_id)


def _route(row: dict[str, Any], ingredient_id: str) -> str:
    """` (oral)` when the best evidence for a cell is not for use on the skin."""
    route = row.get("routes", {}).get(ingredient_id)
    return f" ({route})" if route not in (None, "topical") else ""


def _short_badge(level: int | None) -> str:
    return "-" if level is None else f"{level} {evidence.label(level)}"


def _said(view: dict[str, Any]) -> str:
    from skincli.views import said_by_expert

    return "; ".join(said_by_expert(view)) or "-"


def summaries(items: list[dict[str, Any]], width: int = 80, extra: str | None = None) -> str:
    """One line per ingredient: best level, name, kind/category, and an optional extra column."""
    out = []
    for item in items:
        level = item.get("level", item["best_evidence"]["level"]) if extra == "level" else item["best_evidence"]["level"]
        line = f"{evidence.badge(level):<17} {item['name']} ({item['kind']}, {item['category']})"
        out.append(line)
        if extra == "matches":
            for field, text in item["matches"][:3]:
                out += _wrap(f"{field}: {text}", width, "    ", "      ")
    return "\n".join(out)


def effect_ranking(effect: dict[str, Any], items: list[dict[str, Any]], width: int = 80) -> str:
    out = [f"What works for {effect['name'].lower()}? ({effect['description']})", ""]
    for item in items:
        out.append(f"{evidence.badge(item['level']):<17} {item['name']}")
        best = max(item["claims"], key=lambda c: c["evidence"]["level"])
        out += _wrap(f"{best['statement']} — {best['evidence']['rationale']}", width, "    ", "    ")
    return "\n".join(out)


def effects(rows: list[dict[str, Any]], width: int = 80) -> str:
    return "\n".join(f"{r['id']:<18} {r['name']} — {r['description']} ({r['ingredients']} ingredients)" for r in rows)


def experts(rows: list[dict[str, Any]], width: int = 80) -> str:
    out = []
    for row in rows:
        out += _wrap(
            f"{row['name']} ({row['id']})"
            + (f" — {row['specialty']}" if row["specialty"] else "")
            + (f", {row['affiliation']}" if row["affiliation"] else ""),
            width,
        )
        out.append(f"    {len(row['opinions'])} opinions, {len(row['claims'])} claims")
    return "\n".join(out)


def expert(view: dict[str, Any], width: int = 80) -> str:
    title = f"{view['title']} {view['name']}" if view["title"] and not view["name"].startswith(view["title"]) else view["name"]
    out = [title, "=" * len(title)]
    for key in ("title", "specialty", "affiliation"):
        if view[key]:
            out.append(f"{key}: {view[key]}")
    out.append(f"as stated in: {view['source']['citation']}")
    if view["opinions"]:
        out += _heading("Said")
        for op in view["opinions"]:
            out += _wrap(f"on {op['ingredient']['name']} ({op['stance']}):", width, "  ")
            out += _wrap(f"“{op['quote']}”", width, "    ", "     ")
            out += _wrap(f"source: {op['source_citation']}", width, "    ")
    if view["claims"]:
        out += _heading("Claims attributed")
        for claim in view["claims"]:
            out += _wrap(
                f"{evidence.badge(claim['evidence']['level'])} {claim['ingredient']['name']}: {claim['statement']}",
                width,
                "  ",
                "    ",
            )
    return "\n".join(out)


def sources(rows: list[dict[str, Any]], width: int = 80) -> str:
    out = []
    for row in rows:
        out += source_lines(row, width, f"{row['id']}: ")
        if row["note"]:
            out += _wrap(f"note: {row['note']}", width, "    ", "    ")
        out += _wrap("cited by: " + (", ".join(row["cited_by"]) or "nothing"), width, "    ", "      ")
    return "\n".join(out)


def scale(rows: list[dict[str, Any]], width: int = 80) -> str:
    out = ["Evidence levels (each claim is graded on its own):", ""]
    for row in rows:
        out += _wrap(f"{evidence.badge(row['level']):<17} {row['meaning']}", width, "  ", " " * 20)
    out += [
        "",
        *_wrap(
            "An article's or advert's statement never raises a level; only studies do. "
            "An ingredient has no single grade: `show` lists the best level per effect.",
            width,
        ),
    ]
    return "\n".join(out)
