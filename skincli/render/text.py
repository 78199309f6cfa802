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
    if view.get("profile"):
        out += profile_lines(view["profile"], numbers, width)
    if view["effects"]:
        from skincli.views import against_route, elsewhere

        benefits = [r for r in view["effects"] if r.get("kind") != "concern"]
        concerns = [r for r in view["effects"] if r.get("kind") == "concern"]
        if benefits:
            out += _heading(f"Evidence at a glance ({_use(view)})")
            for row in benefits:
                more = elsewhere(row)
                out += _glance(row, f"elsewhere: {', '.join(more)}" if more else "", width)
        if concerns:
            out += _heading("Concerns: how well each harm is shown")
            for row in concerns:
                notes = [f"elsewhere: {', '.join(elsewhere(row))}"] if elsewhere(row) else []
                if row.get("against"):
                    against = row["against"]
                    notes.append(f"no harm shown{against_route(row)}: {against['level']} {against['label']}")
                out += _glance(row, "; ".join(notes), width)
    if view["claims"]:
        out += _heading("Claims")
        by_effect: dict[str, list[dict[str, Any]]] = {}
        for claim in view["claims"]:
            by_effect.setdefault(claim["effect"], []).append(claim)
        for row in view["effects"]:
            out.append(f"{row['name']}")
            for claim in sorted(by_effect[row["effect"]], key=lambda c: -c["evidence"]["level"]):
                ev = claim["evidence"]
                from skincli.views import studied_text

                studied = studied_text(claim)
                out += _wrap(
                    f"{evidence.badge(ev['level'])} {claim['statement']}" + (f" ({studied})" if studied else ""),
                    width,
                    "  ",
                    "    ",
                )
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


REASONS = {"pregnancy": "pregnancy", "sensitive": "sensitive skin", "avoid": "your list"}


def profile_lines(profile: dict[str, Any], numbers: dict[str, int] | None, width: int) -> list[str]:
    """`For you (pregnant, sensitive skin)`: each warning with its level or as a caution, strongest first."""
    wanted = [w for w, on in (("pregnant", profile["pregnant"]), ("sensitive skin", profile["sensitive"])) if on]
    wanted += [f"avoiding {a['name'].lower()}" for a in profile["avoid"]]
    out = _heading(f"For you ({', '.join(wanted)})")
    if not profile["warnings"]:
        return out + _wrap("Nothing on record here concerns your profile.", width, "  ", "    ")
    for w in profile["warnings"]:
        grade = evidence.badge(w["level"]) if w["level"] is not None else "[avoid]" if w["reason"] == "avoid" else "[caution]"
        refs = _refs(w["sources"], numbers) if numbers else ""
        who = f"{w['name']}: " if numbers is None and w["reason"] != "avoid" else ""
        out += _wrap(f"! {REASONS[w['reason']]} {grade} {who}{w['text']} {refs}".rstrip(), width, "  ", "    ")
    return out


def routine(view: dict[str, Any], width: int = 80) -> str:
    """Verdicts per pair first, then doubling up, the profile, and each interaction in full."""
    out = []
    if view.get("products"):
        out.append("Products: " + "; ".join(f"{p['name']} ({len(p['actives'])} on record)" for p in view["products"]))
    names = ", ".join(a["name"] for a in view["actives"]) or "none"
    out += _wrap(f"Actives on record: {names}", width, "", "  ")
    out += _heading("Together")
    for pair in view["pairs"]:
        out += _wrap(pair["verdict"], width, "  ", "    ")
    if view["no_interaction_on_record"]:
        by_id = {a["id"]: a["name"] for a in view["actives"]}
        quiet = "; ".join(f"{by_id[a]} + {by_id[b]}" for a, b in view["no_interaction_on_record"])
        out += _wrap(f"No interaction on record (not the same as safe): {quiet}", width, "  ", "    ")
    if not view["pairs"] and not view["no_interaction_on_record"]:
        out += _wrap("Fewer than two actives on record: nothing to combine.", width, "  ", "    ")
    if view.get("needs_sunscreen"):
        out += _heading("Sunscreen")
        for need in view["needs_sunscreen"]:
            out += _wrap(f"! {need['verdict']}", width, "  ", "    ")
    if view["doubling_up"]:
        out += _heading("Doubling up")
        for d in view["doubling_up"]:
            out += _wrap(
                f"! {len(d['ingredients'])} {d['group']['name'].lower()}: " + ", ".join(i["name"] for i in d["ingredients"]),
                width,
                "  ",
                "    ",
            )
    profile = view["profile"]
    if profile["pregnant"] or profile["sensitive"] or profile["avoid"]:
        out += profile_lines(profile, None, width)
    if view["interactions"]:
        out += _heading("The evidence")
        for i in view["interactions"]:
            ev = i["evidence"]
            out += _wrap(f"{evidence.badge(ev['level'])} {i['statement']}", width, "  ", "    ")
            out += _wrap(f"why: {ev['rationale']}", width, "    ", "      ")
            if i["advice"]:
                out += _wrap(f"what to do: {i['advice']}", width, "    ", "      ")
            for s in i["sources"]:
                out += _wrap(f"- {s['citation']}" + (f" {s['identifier']}" if s["identifier"] else ""), width, "    ", "      ")
    return "\n".join(out)


def _use(view: dict[str, Any]) -> str:
    """How the headline levels are meant: `as used: topical`, or the route asked for."""
    routes = view.get("use") or ["topical"]
    return "as used: " + " or ".join(routes) + ("" if view["kind"] == "drug" else ", cosmetic strength")


def _glance(row: dict[str, Any], note: str, width: int) -> list[str]:
    tag = f" ({row['tag']})" if row.get("tag") else ""
    line = f"  {evidence.badge(row['level']):<17} {row['name']}{tag}" + (f" — {note}" if note else "")
    return _wrap(line, width, "", " " * 20)


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
    rows += [[_effect_name(row), *[_cell(row, i["id"]) for i in ings]] for row in view["effects"]]
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
            + ". `skincli evidence` explains them; `skincli show NAME` gives the claims and sources."
            + (" ! marks a concern: its level says how well the harm is shown." if _has_concerns(view) else ""),
            width,
        ),
    ]
    return "\n".join(out)


def _has_concerns(view: dict[str, Any]) -> bool:
    return any(row.get("kind") == "concern" for row in view["effects"])


def _effect_name(row: dict[str, Any]) -> str:
    """A concern's level says how well a harm is shown: the row says so."""
    return f"! {row['name']}" if row.get("kind") == "concern" else row["name"]


def _cell(row: dict[str, Any], ingredient_id: str) -> str:
    """A comparison cell: the headline level for the way the ingredient is used, stronger evidence elsewhere after it."""
    from skincli.views import cell_text

    cell = row.get("cells", {}).get(ingredient_id)
    return cell_text(cell) if cell else "-"


def _said(view: dict[str, Any]) -> str:
    from skincli.views import said_by_expert

    return "; ".join(said_by_expert(view)) or "-"


def summaries(items: list[dict[str, Any]], width: int = 80, extra: str | None = None) -> str:
    """One line per ingredient: best level, name, kind/category, and an optional extra column."""
    out = []
    from skincli.views import elsewhere

    for item in items:
        shown = item if extra == "level" and "level" in item else item["best_evidence"]
        tag = f" ({shown['tag']})" if shown.get("tag") else ""
        line = f"{evidence.badge(shown['level']):<17} {item['name']}{tag} ({item['kind']}, {item['category']})"
        more = elsewhere(shown)
        line += f"; elsewhere: {', '.join(more)}" if more else ""
        if shown["level"] is None and item.get("concerns"):
            line += "; worries: " + ", ".join(_worry(c) for c in item["concerns"])
        out += _wrap(line, width, "", " " * 18)
        if extra == "matches":
            for field, text in item["matches"][:3]:
                out += _wrap(f"{field}: {text}", width, "    ", "      ")
    return "\n".join(out)


def _worry(concern: dict[str, Any]) -> str:
    """`contact allergy 4`, `cancer risk 2 (safe use 5)`, `irritation - (safe use 4)`."""
    level = "-" if concern["level"] is None else str(concern["level"])
    safe = f" (safe use {concern['safe_use']})" if concern["safe_use"] is not None else ""
    return f"{concern['name'].lower()} {level}{safe}"


def effect_ranking(effect: dict[str, Any], items: list[dict[str, Any]], width: int = 80) -> str:
    if effect.get("kind") == "concern":
        head = f"{effect['name']}: how well the harm is shown, per ingredient ({effect['description']})"
    else:
        head = f"What works for {effect['name'].lower()}? ({effect['description']})"
    out = [*_wrap(head, width, "", "  "), ""]
    from skincli.views import elsewhere

    for item in items:
        tag = f" ({item['tag']})" if item.get("tag") else ""
        more = elsewhere(item)
        out += _wrap(
            f"{evidence.badge(item['level']):<17} {item['name']}{tag}" + (f"; elsewhere: {', '.join(more)}" if more else ""),
            width,
            "",
            " " * 18,
        )
        best = _headline_claim(item)
        out += _wrap(f"{best['statement']} — {best['evidence']['rationale']}", width, "    ", "    ")
    return "\n".join(out)


def _headline_claim(item: dict[str, Any]) -> dict[str, Any]:
    """The claim behind the level shown: the best one of the route shown, else the best of all."""
    fitting = [c for c in item["claims"] if item["level"] is not None and c["evidence"]["level"] == item["level"]]
    fitting = [c for c in fitting if c["route"] == item["route"]] or fitting
    return fitting[0] if fitting else max(item["claims"], key=lambda c: c["evidence"]["level"])


def effects(rows: list[dict[str, Any]], width: int = 80) -> str:
    out = []
    for r in rows:
        mark = "! " if r.get("kind") == "concern" else ""
        line = f"{r['id']:<18} {mark}{r['name']} — {r['description']} ({r['ingredients']} ingredients)"
        out += _wrap(line, width, "", " " * 19)
    if any(r.get("kind") == "concern" for r in rows):
        out += ["", *_wrap("! marks a concern: a harm people worry about; its levels say how well the harm is shown.", width)]
    return "\n".join(out)


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
