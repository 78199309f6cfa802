"""Renderers for `scan`: a label decoded line by line, then what it adds up to."""

from __future__ import annotations

import os
import re
import sys
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
    with worries but no benefit claims, or with no claims at all (water)."""
    role = f" ({kb['role']})" if kb.get("role") else ""
    effects = _effects(kb, names)
    if not effects and (kb.get("concerns") or kb["best_level"] is None):
        return f"{kb['name']}{role}"
    return f"{evidence.badge(kb['best_level'])} {kb['name']}{role}: {effects or 'no graded claims'}"


def _for_you(profile: dict[str, Any] | None, width: int) -> list[str]:
    """The summary opens with what concerns the user: one line per entry and reason, strongest first."""
    if not profile:
        return []
    wanted = [w for w, on in (("pregnant", profile["pregnant"]), ("sensitive skin", profile["sensitive"])) if on]
    wanted += [f"avoiding {a['name'].lower()}" for a in profile["avoid"]]
    out = _wrap(f"For you ({', '.join(wanted)}):", width)
    if not profile["warnings"]:
        return out + _wrap("nothing on this label concerns your profile.", width, "  ", "    ") + [""]
    for w in profile["warnings"]:
        grade = f"{w['level']} {evidence.label(w['level'])}" if w["level"] is not None else "caution"
        out += _wrap(f"! #{w['position']} {w['name']} ({REASONS[w['reason']]}, {grade}): {w['text']}", width, "  ", "    ")
    return out + [""]


_LABELLING = re.compile(r"(?is)(?:must|shall) be indicated in the list of ingredients.*?exceeds:?(.*?)(?:\.\s|\.?$)")


def labelling_threshold(conditions: str) -> str | None:
    """Annex III's labelling rule for a fragrance allergen, in a line: `named on the label above 0.001% in
    leave-on products, 0.01% in rinse-off products`; None for any other condition."""
    found = _LABELLING.search(conditions)
    if not found:
        return None
    cases = [" ".join(c.split()).strip(" -:") for c in re.split(r"[|\u2014\u2013]", found.group(1))]
    cases = [re.sub(r"(\d),(\d)", r"\1.\2", c).replace(" %", "%") for c in cases if c]
    return "named on the label above " + ", ".join(cases) if cases else None


def _flags(item: dict[str, Any]) -> list[str]:
    """EU annex entries in words, each limit case on its own line (never cut), limit checks, cautions."""
    flags = []
    for annex in item["annexes"]:
        threshold = labelling_threshold(annex.get("conditions") or "")
        meaning = "fragrance allergen, named on EU labels" if threshold else annex.get("meaning") or ""
        flags.append(f"{annex['label']}: {meaning}".rstrip(": "))
        flags.extend(f"  {line}" for line in annex.get("limits_text", ()))
        if threshold:
            flags.append(f"  {threshold}")
    for check in item.get("limit_checks", ()):  # the cases are listed just above; --json has the full message
        mark = {
            "over": "over the EU limit",
            "within": "within the EU limit",
            "undecided": "over the limit for some product types; cannot be decided from the label (--product-type)",
        }
        line = f"{check['annex']}: {check['percent']:g}% is {mark.get(check['verdict'], check['verdict'])}"
        if check["verdict"] == "over" and "for " in check["message"] and "every" not in check["message"]:
            line = f"{check['annex']}: {check['message'].split(' (', 1)[0]}"
        if "expressed as" in check["message"]:
            line += " (limit expressed as an equivalent)"
        flags.append(line)
    if item["kb"] and item["kb"]["cautions"]:
        flags.append("caution: " + ", ".join(item["kb"]["cautions"]))
    if item["may_contain"]:
        flags.append("may contain")
    return flags


def _status(item: dict[str, Any]) -> str:
    if item["status"] == "recognised":
        if item.get("synonym"):
            return f"{item['inci']} (written as {item['synonym']})"
        return item["inci"]
    if item["status"] == "text":
        return "not an ingredient (label text)"
    if item["suggestions"]:
        return "not recognised; did you mean " + " / ".join(item["suggestions"]) + "?"
    return "not recognised"


REASONS = {"pregnancy": "pregnancy", "sensitive": "sensitive skin", "avoid": "on your list"}


def text(view: dict[str, Any], width: int = 80) -> str:
    names = view.get("effect_names", {})
    out: list[str] = []
    for_you: dict[int, list[dict[str, Any]]] = {}
    for w in (view.get("profile") or {}).get("warnings", []):
        for_you.setdefault(w["position"], []).append(w)
    for item in view["items"]:
        head = f"{item['position']:>3}  {item['raw']}"
        if item["percent"] is not None and f"{item['percent']:g}%" not in item["raw"]:
            head += f" ({item['percent']:g}%)"
        out += _wrap(head, width, "", "     ")
        detail = _status(item)
        if item["functions"]:
            detail += " · " + ", ".join(f.lower() for f in item["functions"][:3])
        if item.get("note") and item["status"] != "text":
            detail += f" ({item['note']})"
        out += _wrap(detail, width, "     ", "       ")
        if item["kb"]:
            kb = item["kb"]
            out += _wrap(kb_line(kb, names), width, "     ", "       ")
            for line in concern_lines(kb, names):
                out += _wrap(line, width, "     ", "       ")
        for flag in _flags(item):
            out += _wrap(f"! {flag}", width, "     ", "       ")
        for w in for_you.get(item["position"], []):
            out += _wrap(f"! for you ({REASONS[w['reason']]}): {w['text']}", width, "     ", "       ")
    out += ["", *summary_lines(view, width)]
    return "\n".join(out)


def summary_lines(view: dict[str, Any], width: int) -> list[str]:
    s = view["summary"]
    names = view.get("effect_names", {})
    text_items = len(s.get("not_ingredients", ()))
    out = _for_you(view.get("profile"), width)
    out += _wrap(
        f"{s['count'] - text_items} ingredients, {s['recognised']} recognised ({s['recognition_rate']:.0%}), "
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
    if s.get("prohibited"):
        out += _wrap("Prohibited in the EU: " + "; ".join(s["prohibited"]), width, "", "  ")
    for row in s.get("prohibited_unless", ()):
        out += _wrap(f"Depends on grade or use: {row['name']} is {row['words']}", width, "", "  ")
    for row in s.get("over_limit", ()):
        out += _wrap(f"Over an EU limit: {row['name']} ({row['annex']}): {row['message']}", width, "", "  ")
    if s["unrecognised"]:
        out += _wrap("Not recognised: " + "; ".join(s["unrecognised"]), width, "", "  ")
    if s.get("not_ingredients"):
        out += _wrap("Label text, not ingredients: " + "; ".join(s["not_ingredients"]), width, "", "  ")
    return out


TABLE_MIN_WIDTH = 110  # below this, five columns would break long INCI names: one block per entry instead


def rich(view: dict[str, Any]) -> Any:
    """A table on a wide terminal; on a narrow one, one block per entry (names wrap at spaces only)."""
    from rich.console import Console, ConsoleOptions, RenderResult

    class _Adaptive:
        def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
            if options.max_width >= TABLE_MIN_WIDTH:
                yield _table(view, options.max_width)
            else:
                yield _blocks(view, options.max_width)

    return _Adaptive()


def _blocks(view: dict[str, Any], width: int) -> Any:
    """The plain-text layout, with warnings in colour: each name takes the room it needs."""
    from rich.text import Text

    out = Text()
    for line in text(view, width).split("\n"):
        stripped = line.strip()
        style = "bold yellow" if stripped.startswith("!") else "bold" if line[:3].strip().isdigit() else ""
        out.append(defang(line) + "\n", style=style)
    out.rstrip()
    return out


def _table(view: dict[str, Any], width: int = 200) -> Any:
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
            graded = bool(_effects(kb, names)) or not (kb.get("concerns") or kb["best_level"] is None)
            kb_cell = badge(kb["best_level"]).append(" ") if graded else Text("")
            kb_cell.append(defang(kb["name"]), style="bold")
            if kb.get("role"):
                kb_cell.append(f" ({defang(kb['role'])})", style="italic")
            said = _effects(kb, names, limit=2)  # effects, or which form the evidence is for, and elsewhere
            if said:
                kb_cell.append("\n" + defang(said), style="dim")
            for line in concern_lines(kb, names):
                kb_cell.append("\n" + defang(line), style="yellow" if line.startswith("!") else "dim")
        flags = Text("\n".join(defang(f) for f in _flags(item)), style="bold yellow")
        table.add_row(str(item["position"]), Text(defang(item["raw"])), inci, kb_cell, flags)
    summary = Text("\n".join(defang(line) for line in summary_lines(view, width)))
    return Group(table, summary)


def stream_json(report: Any, head: dict[str, Any], tail: dict[str, Any]) -> None:
    """`{**head, "summary": ..., "items": [...], **tail}` written item by item: the bytes of json.dumps
    of the whole view, without holding every item's dict at once (a label of 50,000 entries)."""
    import json

    write = sys.stdout.write
    opening = json.dumps({**head, "summary": report.summary()}, ensure_ascii=False)
    write(opening[:-1] + ', "items": [')
    for n, item in enumerate(report.items):
        write((", " if n else "") + json.dumps(item.to_dict(), ensure_ascii=False))
    write("]")
    for key, value in tail.items():
        write(f", {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    write("}\n")


# ---- many labels: scan --batch ------------------------------------------------------------------


def _open_batch(source: str) -> Any:
    """The batch input as text lines (UTF-8, undecodable bytes replaced), '-' for standard input."""
    import io

    from skincli.errors import open_input

    if source == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", errors="replace", newline=None)
    return open_input(source, "r", expected="a JSON Lines file", encoding="utf-8-sig", errors="replace", newline=None)


_WORKER: dict[str, Any] = {}
AUTO_AFTER = 200  # labels scanned in one process before --jobs 0 (auto) starts workers
AUTO_MAX_JOBS = 4


def _scan_lines(chunk: list[tuple[int, Any, str]]) -> list[str]:
    """In a worker process: scan a chunk of labels, return their NDJSON lines."""
    import json

    from skincli.label.scan import scan_label

    out = []
    for line, label_id, text in chunk:
        report = scan_label(text, _WORKER["kb"], _WORKER["cosing"], _WORKER["product_type"])
        out.append(
            json.dumps(
                {"schema_version": _WORKER["version"], "line": line, "id": label_id, **report.to_dict()}, ensure_ascii=False
            )
        )
    return out


def run_batch(
    source: str,
    kb: Any,
    *,
    field: str = "ingredients_text",
    plain: bool = False,
    summary: bool = False,
    jobs: int = 1,
    product_type: str | None = None,
) -> int:
    """Scan every label of a batch, NDJSON to stdout in input order; return how many lines failed.

    A broken line is reported on stderr with its line number and skipped. `--summary` adds a last
    line with counts. A progress count goes to stderr only when it is a terminal and the batch is long.
    """
    import json
    import time

    from skincli.label.batch import BatchProblem, BatchSummary, read_batch
    from skincli.label.cosing import default_cosing
    from skincli.label.scan import kb_lookup_for, scan_label
    from skincli.render.output import error
    from skincli.views import SCHEMA_VERSION

    cosing = default_cosing()
    cosing.load_index()
    lookup = kb_lookup_for(kb)
    totals = BatchSummary()
    failed = 0
    done = 0
    started = time.monotonic()
    progress = sys.stderr.isatty()
    write = sys.stdout.write
    stream = _open_batch(source)
    inputs = read_batch(stream, field=field, plain=plain)

    def tick() -> None:
        if progress and done % 200 == 0 and time.monotonic() - started > 1.0:
            sys.stderr.write(f"\rscanned {done:,} labels")
            sys.stderr.flush()

    def problem(p: BatchProblem) -> None:
        nonlocal failed
        failed += 1
        totals.failed += 1
        error(f"skincli: {source if source != '-' else '<stdin>'}:{p.line}: {p.message}; line skipped")

    workers = jobs if jobs else min(os.cpu_count() or 1, AUTO_MAX_JOBS)
    # --jobs 0 (the default): one process for a short batch; past AUTO_AFTER labels the rest goes to a
    # worker per core (forking costs ~50 ms, repaid within a few hundred labels). Order is kept.
    alone = AUTO_AFTER if not jobs and workers > 1 else None if workers == 1 else 0
    try:
        pending = iter(inputs)
        for item in pending:
            if isinstance(item, BatchProblem):
                problem(item)
                continue
            report = scan_label(item.text, lookup, cosing, product_type)
            if summary:
                totals.add(report)
            view = {"schema_version": SCHEMA_VERSION, "line": item.line, "id": item.id, **report.to_dict()}
            write(json.dumps(view, ensure_ascii=False) + "\n")
            done += 1
            tick()
            if alone is not None and done >= alone:
                break
        if alone is not None:
            sys.stdout.flush()
            counted = totals.labels
            # problem() counts the failed lines itself (`failed += _run_parallel(...)` would read `failed`
            # before the call and lose them)
            _run_parallel(pending, workers, lookup, cosing, product_type, totals, summary, problem, tick, SCHEMA_VERSION)
            done += totals.labels - counted
    finally:
        if stream is not sys.stdin:
            stream.close()
        if progress and done >= 200 and time.monotonic() - started > 1.0:
            sys.stderr.write(f"\rscanned {done:,} labels\n")
    if summary:
        write(json.dumps({"schema_version": SCHEMA_VERSION, "batch": totals.to_dict()}, ensure_ascii=False) + "\n")
    return failed


def _run_parallel(
    inputs: Any,
    jobs: int,
    lookup: Any,
    cosing: Any,
    product_type: Any,
    totals: Any,
    summary: bool,
    problem: Any,
    tick: Any,
    version: str,
) -> None:
    """--jobs N: forked workers share the loaded indexes; chunks come back in input order."""
    import json
    import multiprocessing

    from skincli.label.batch import BatchProblem

    _WORKER.update(kb=lookup, cosing=cosing, product_type=product_type, version=version)
    ctx = multiprocessing.get_context("fork")

    def chunks() -> Any:
        chunk: list[tuple[int, Any, str]] = []
        for item in inputs:
            if isinstance(item, BatchProblem):
                if chunk:
                    yield chunk
                    chunk = []
                yield item
                continue
            chunk.append((item.line, item.id, item.text))
            if len(chunk) >= 64:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    problems: list[BatchProblem] = []

    def work() -> Any:
        for c in chunks():
            if isinstance(c, BatchProblem):
                problems.append(c)
                continue
            yield c

    with ctx.Pool(jobs) as pool:
        for lines in pool.imap(_scan_lines, work()):
            while problems:
                problem(problems.pop(0))
            for line in lines:
                sys.stdout.write(line + "\n")
                if summary:
                    totals.add_view(json.loads(line))
                else:
                    totals.labels += 1
                tick()
    while problems:
        problem(problems.pop(0))
