"""The command line: parse arguments, ask the domain, hand views to one renderer. Nothing else."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from skincli import __version__

if TYPE_CHECKING:
    from skincli.kb.store import KnowledgeBase

app = typer.Typer(
    name="skincli",
    help="What a skincare ingredient really does: each claimed effect, its evidence level, who said it, "
    "and the sources.\n\nExamples:\n\n  skincli show retinol\n\n  skincli compare exosomes retinol\n\n"
    "  skincli effect wrinkles\n\n  skincli show niacinamide --json | jq '.effects'",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Kind(str, Enum):
    ingredient = "ingredient"
    procedure = "procedure"
    drug = "drug"


def _complete_ingredient(incomplete: str) -> list[str]:
    """Shell completion: ingredient ids and names that start with what was typed."""
    try:
        from skincli.kb.store import open_kb

        kb = open_kb(os.environ.get("SKINCLI_KB"))
    except Exception:  # completion must never print a traceback into the shell
        return []
    typed = incomplete.casefold()
    ids = kb.ingredient_ids()
    return [i for i in ids if i.startswith(typed)] or [i for i in ids if kb.name_of(i).casefold().startswith(typed)]


KbOpt = Annotated[
    Optional[str],
    typer.Option("--kb", envvar="SKINCLI_KB", metavar="PATH", help="Use this knowledge-base YAML instead of the shipped one."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON for scripts (versioned, see `skincli schema`).")]
NdjsonOpt = Annotated[bool, typer.Option("--ndjson", help="Print one JSON object per line.")]
FileOpt = Annotated[Optional[str], typer.Option("--file", "-f", metavar="PATH", help="Read the text from a file.")]


@contextmanager
def _handled() -> Iterator[None]:
    """Turn domain errors into a message on stderr and exit 1; never a traceback."""
    from skincli.errors import SkincliError

    try:
        yield
    except SkincliError as exc:
        from skincli.render.output import error

        error(f"skincli: {exc}")
        raise typer.Exit(exc.exit_code) from None


def _kb(path: str | None) -> KnowledgeBase:
    from skincli.kb.store import open_kb

    return open_kb(path)


def _render(view: Any, text: Callable[..., str], rich: Callable[..., Any] | None = None) -> None:
    from skincli.render import output

    if rich is not None and output.use_rich():
        from skincli.render.rich import print_renderable

        print_renderable(rich(view))
    else:
        output.emit(text(view, output.width()))


def _emit(view: Any, as_json: bool, text: Callable[..., str], rich: Callable[..., Any] | None = None) -> None:
    """One view, as JSON for scripts or drawn for people."""
    if as_json:
        from skincli.render.output import emit_json

        emit_json(view)
    else:
        _render(view, text, rich)


def _print_items(items: list[dict[str, Any]], as_json: bool, as_ndjson: bool, text: Callable[[], str]) -> None:
    from skincli.render import output

    if as_ndjson:
        output.emit_ndjson(items)
    elif as_json:
        output.emit_json(items)
    elif items:
        output.emit(text())


@app.command()
def show(
    name: Annotated[
        str,
        typer.Argument(metavar="NAME", help="Ingredient name, alias, INCI or German name.", autocompletion=_complete_ingredient),
    ],
    as_json: JsonOpt = False,
    kb: KbOpt = None,
) -> None:
    """Everything on one ingredient: claims by effect with evidence, experts' words, cautions, sources.

    Examples:

      skincli show retinol

      skincli show "sodium hyaluronate"

      skincli show Hyaluronsäure --json | jq '.claims[] | {effect, level: .evidence.level}'
    """
    with _handled():
        _require_text(name, "NAME")
        from skincli.views import ingredient_view

        base = _kb(kb)
        view = ingredient_view(base.find(name), base)
        from skincli.render import text

        _emit(view, as_json, text.show, _rich("show"))


@app.command()
def compare(
    names: Annotated[
        list[str], typer.Argument(metavar="NAME...", help="Two or more ingredients.", autocompletion=_complete_ingredient)
    ],
    as_json: JsonOpt = False,
    markdown: Annotated[bool, typer.Option("--markdown", help="Print a Markdown table for notes.")] = False,
    kb: KbOpt = None,
) -> None:
    """Side by side: the best evidence per effect, what experts said, cautions.

    Examples:

      skincli compare exosomes retinol

      skincli compare retinol bakuchiol tretinoin --markdown

      skincli compare exosomes retinol --json | jq '.effects'
    """
    with _handled():
        if len(names) < 2:
            raise typer.BadParameter("give at least two ingredients to compare", param_hint="NAMES")
        for name in names:
            _require_text(name, "NAMES")
        from skincli.views import compare_view

        base = _kb(kb)
        found = list({i.id: i for i in (base.find(n) for n in names)}.values())
        if len(found) < 2:
            raise typer.BadParameter("these names are all the same ingredient; give two different ones", param_hint="NAMES")
        view = compare_view(found, base)
        from skincli.render import output

        if as_json:
            output.emit_json(view)
        elif markdown:
            from skincli.render import markdown as md

            output.emit(md.compare(view))
        else:
            from skincli.render import text

            _render(view, text.compare, _rich("compare"))


@app.command("list")
def list_(
    effect: Annotated[Optional[str], typer.Option("--effect", "-e", help="Only ingredients claimed for this effect.")] = None,
    min_evidence: Annotated[
        Optional[int],
        typer.Option("--min-evidence", "-m", min=0, max=5, help="Best level at least this (for --effect if given)."),
    ] = None,
    kind: Annotated[Optional[Kind], typer.Option("--kind", help="ingredient, procedure or drug.")] = None,
    category: Annotated[Optional[str], typer.Option("--category", "-c", help="Category contains this text.")] = None,
    as_json: JsonOpt = False,
    as_ndjson: NdjsonOpt = False,
    kb: KbOpt = None,
) -> None:
    """List ingredients, optionally filtered.

    Examples:

      skincli list --effect wrinkles --min-evidence 4

      skincli list --kind procedure

      skincli list --ndjson | jq -r .name
    """
    with _handled():
        from skincli.kb.query import filter_ingredients
        from skincli.render import text
        from skincli.views import summary_view

        base = _kb(kb)
        found = filter_ingredients(
            base, effect=effect, min_evidence=min_evidence, kind=kind.value if kind else None, category=category
        )
        items = [summary_view(i) for i in found]
        if not items and not (as_json or as_ndjson):
            from skincli.render.output import error

            error("skincli: no ingredient matches these filters")
        _print_items(items, as_json, as_ndjson, lambda: text.summaries(items))


@app.command()
def search(
    query: Annotated[str, typer.Argument(metavar="TEXT", help="Words to find in names, aliases, summaries, claims and quotes.")],
    as_json: JsonOpt = False,
    as_ndjson: NdjsonOpt = False,
    kb: KbOpt = None,
) -> None:
    """Search names, aliases, summaries, claims and expert quotes.

    Examples:

      skincli search collagen

      skincli search "gold standard"
    """
    with _handled():
        _require_text(query, "QUERY")
        from skincli.kb.query import search as run_search
        from skincli.render import text
        from skincli.views import summary_view

        hits = run_search(_kb(kb), query)
        items = [{**summary_view(h.ingredient), "matches": [{"field": f, "text": t} for f, t in h.matches]} for h in hits]
        plain = [{**i, "matches": [(m["field"], m["text"]) for m in i["matches"]]} for i in items]
        _print_items(items, as_json, as_ndjson, lambda: text.summaries(plain, extra="matches"))
        if not items:  # like grep: no hit is exit 1 in every format (JSON still prints [])
            from skincli.render.output import error

            error(f"skincli: nothing found for {query!r}")
            raise typer.Exit(1)


@app.command()
def effect(
    name: Annotated[
        Optional[str], typer.Argument(metavar="[EFFECT]", help="An effect, e.g. wrinkles, hydration, acne. Omit to list effects.")
    ] = None,
    as_json: JsonOpt = False,
    as_ndjson: NdjsonOpt = False,
    kb: KbOpt = None,
) -> None:
    """What works for an effect? Ingredients ranked by evidence. Without EFFECT, list the effects.

    Examples:

      skincli effect

      skincli effect wrinkles

      skincli effect hyperpigmentation --json | jq '.[0]'
    """
    with _handled():
        from skincli.render import text
        from skincli.views import effect_rank_view, effects_view

        base = _kb(kb)
        if name is None:
            rows = effects_view(base)
            _print_items(rows, as_json, as_ndjson, lambda: text.effects(rows))
            return
        _require_text(name, "EFFECT")
        from skincli.kb.query import rank_for_effect

        found = base.find_effect(name)
        items = effect_rank_view(found.id, rank_for_effect(base, found.id), base)
        view = {"id": found.id, "name": found.name, "description": found.description}
        _print_items(items, as_json, as_ndjson, lambda: text.effect_ranking(view, items))


@app.command()
def experts(as_json: JsonOpt = False, kb: KbOpt = None) -> None:
    """The named experts, with how many opinions and claims each has."""
    with _handled():
        from skincli.render import text
        from skincli.views import expert_view

        base = _kb(kb)
        rows = [expert_view(e.id, base) for e in base.experts()]
        _print_items(rows, as_json, False, lambda: text.experts(rows))


@app.command()
def expert(
    name: Annotated[str, typer.Argument(metavar="NAME", help="Expert name or id, e.g. golüke, duve.")],
    as_json: JsonOpt = False,
    kb: KbOpt = None,
) -> None:
    """Who said what: one expert's quotes and the claims attributed to them, with sources.

    Examples:

      skincli expert duve

      skincli expert "Timm Golüke" --json
    """
    with _handled():
        _require_text(name, "NAME")
        from skincli.views import expert_view

        base = _kb(kb)
        view = expert_view(base.find_expert(name).id, base)
        from skincli.render import text

        _emit(view, as_json, text.expert)


@app.command()
def sources(as_json: JsonOpt = False, kb: KbOpt = None) -> None:
    """The bibliography, and which ingredients cite each source."""
    with _handled():
        from skincli.render import text
        from skincli.views import sources_view

        rows = sources_view(_kb(kb))
        _print_items(rows, as_json, False, lambda: text.sources(rows))


@app.command()
def evidence(as_json: JsonOpt = False) -> None:
    """The evidence scale, 0 unsupported to 5 established."""
    from skincli.render import text
    from skincli.views import scale_view

    rows = scale_view()
    _print_items(rows, as_json, False, lambda: text.scale(rows))


@app.command()
def schema() -> None:
    """Print the JSON Schema of every --json output."""
    from skincli.outschema import SCHEMA
    from skincli.render.output import emit_json

    emit_json(SCHEMA)


@app.command()
def validate(
    path: Annotated[
        Optional[str],
        typer.Argument(metavar="[PATH]", help="A knowledge-base YAML file. Default: the one in use (with your overlay)."),
    ] = None,
    kb: KbOpt = None,
) -> None:
    """Check a knowledge base: schema, references, duplicate ids, name collisions, levels.

    Prints every problem as path:line:column: message and exits 1, or a one-line summary and exits 0.

    Examples:

      skincli validate

      skincli validate my-ingredients.yaml
    """
    from skincli.errors import KnowledgeBaseError
    from skincli.kb.store import KbFiles, build_tables, parse

    files = KbFiles.select(path) if path else KbFiles.select(kb)
    if path:
        files = KbFiles(files.base, None)
    try:
        data = parse(files)
    except KnowledgeBaseError as exc:
        from skincli.render.output import error

        for problem in exc.problems:
            error(str(problem))
        error(f"skincli: {len(exc.problems)} problem{'s' * (len(exc.problems) != 1)} found")
        raise typer.Exit(1) from None
    build_tables(data)
    claims = sum(len(i.get("claims", ())) for i in data["ingredients"])
    from skincli.render.output import emit

    emit(
        f"{' + '.join(str(p) for p in files.paths())}: OK — {len(data['ingredients'])} ingredients, {claims} claims, "
        f"{len(data['sources'])} sources, {len(data['experts'])} experts, {len(data['effects'])} effects"
    )


@app.command()
def check(
    text: Annotated[
        Optional[str], typer.Argument(metavar="[TEXT]", help="Marketing text to check; '-' reads standard input.")
    ] = None,
    file: FileOpt = None,
    as_json: JsonOpt = False,
    kb: KbOpt = None,
) -> None:
    """Grade the claims in a piece of skincare marketing, claim by claim, against the knowledge base.

    Examples:

      skincli check "Our exosome serum regenerates skin like a facelift"

      skincli check --file product-page.txt

      pbpaste | skincli check - --json | jq '.findings[] | {ingredient, effect, level}'
    """
    with _handled():
        from skincli.claims.check import MAX_TEXT_CHARS, check_text

        source = _read_input(text, file, what="TEXT")
        if len(source) > MAX_TEXT_CHARS:
            raise typer.BadParameter(
                f"is {len(source):,} characters long; check reads at most {MAX_TEXT_CHARS:,} (16 MiB)", param_hint="TEXT"
            )
        report = check_text(source, _kb(kb))
        from skincli.render import check as render_check

        render_check.emit(report, as_json)


@app.command()
def scan(
    label: Annotated[
        Optional[str], typer.Argument(metavar="[LABEL]", help="The ingredient list as printed; '-' reads standard input.")
    ] = None,
    file: FileOpt = None,
    as_json: JsonOpt = False,
    kb: KbOpt = None,
) -> None:
    """Decode a product's INCI list: each ingredient identified, its function, its evidence, EU restrictions.

    Examples:

      skincli scan "Aqua, Glycerin, Niacinamide 4%, Retinol, Parfum"

      skincli scan --file label.txt

      pbpaste | skincli scan - --json | jq '.summary'
    """
    with _handled():
        from skincli.label.scan import kb_lookup_for, scan_label
        from skincli.views import SCHEMA_VERSION

        base = _kb(kb)
        report = scan_label(_read_input(label, file, what="LABEL"), kb_lookup_for(base))
        view = {"schema_version": SCHEMA_VERSION, **report.to_dict()}
        if as_json:
            from skincli.render.output import emit_json

            emit_json(view)
            return
        from skincli.render import scan as render_scan

        view["effect_names"] = {e.id: e.name for e in base.effects()}
        _render(view, render_scan.text, render_scan.rich)


def _read_input(text: str | None, file: str | None, *, what: str) -> str:
    """The text to work on: an argument, '-' for standard input, or --file; exactly one of them."""
    from skincli.errors import InputError

    if text is not None and file is not None:
        raise typer.BadParameter(f"give {what} or --file, not both", param_hint=what)
    if file is not None:
        from pathlib import Path

        path = Path(file)
        try:
            if path.is_dir():
                raise InputError(f"{file}: is a directory; give a text file")
            data = path.read_bytes()
        except FileNotFoundError:
            raise InputError(f"{file}: no such file") from None
        except PermissionError:
            raise InputError(f"{file}: permission denied") from None
        except OSError as exc:
            raise InputError(f"{file}: cannot read ({exc.strerror})") from None
        return data.decode("utf-8-sig", errors="replace")
    if text is None or text == "-":
        if text is None and sys.stdin.isatty():
            raise typer.BadParameter(f"give {what}, '-' for standard input, or --file", param_hint=what)
        return sys.stdin.read()
    return text


def _require_text(value: str, hint: str) -> None:
    if not value.strip():
        raise typer.BadParameter("must not be empty", param_hint=hint)
    if len(value) > 200:
        raise typer.BadParameter(f"is {len(value)} characters long; names are at most 200", param_hint=hint)


def _rich(name: str) -> Callable[..., Any]:
    def render(view: Any) -> Any:
        from skincli.render import rich

        return getattr(rich, name)(view)

    return render


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"skincli {__version__}\n")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """What a skincare ingredient really does."""


def main() -> None:
    """Console entry point: quiet on a closed pipe, 130 on Ctrl-C, never a traceback."""
    # Typer 0.28 ships its own click; its exception classes are only reachable here.
    from typer._click.exceptions import ClickException

    try:
        result = _app_for(sys.argv[1:])(standalone_mode=False)
        code = result if isinstance(result, int) else 0
    except typer.Exit as exc:
        code = exc.exit_code
    except ClickException as exc:
        exc.show()
        code = exc.exit_code
    except (KeyboardInterrupt, typer.Abort):
        sys.stderr.write("\n")
        code = 130
    except BrokenPipeError:
        _silence_stdout()
        code = 0
    except Exception as exc:  # the last line of defence: a message, not a traceback
        if os.environ.get("SKINCLI_DEBUG"):
            raise
        sys.stderr.write(f"skincli: internal error: {type(exc).__name__}: {exc}\n(set SKINCLI_DEBUG=1 for details)\n")
        code = 1
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    sys.stderr.flush()
    # Everything is written and closed: leave without the interpreter's teardown, which frees every
    # object one by one (a quarter of a second after loading a 10,000-ingredient knowledge base).
    os._exit(code)


def _app_for(argv: list[str]) -> typer.Typer:
    """The app to run: only the named command when the line names one.

    Typer turns every registered command into a click command (inspecting its signature) before it
    runs any; with 16 commands that was a sixth of `show`'s start-up. Help, completion and unknown
    commands still get the whole app, so behaviour is the same.
    """
    if not argv or argv[0].startswith("-") or os.environ.get("_SKINCLI_COMPLETE"):
        return app
    for info in app.registered_commands:
        name = info.name or (info.callback.__name__.replace("_", "-") if info.callback else "")
        if name == argv[0]:
            import copy

            single = copy.copy(app)
            single.registered_commands = [info]
            return single
    return app


def _silence_stdout() -> None:
    """After the reader went away, point stdout at /dev/null so the final flush cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
