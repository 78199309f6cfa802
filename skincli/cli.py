"""The command line: parse arguments, ask the domain, hand views to one renderer. Nothing else."""

from __future__ import annotations

import inspect
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from skincli import __version__, api

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


class Route(str, Enum):
    topical = "topical"
    oral = "oral"
    injected = "injected"
    procedure = "procedure"
    any = "any"


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
RouteOpt = Annotated[
    Optional[Route],
    typer.Option(
        "--route",
        "-r",
        help="Levels for this route instead of the way each entry is normally used (a cream: topical); "
        "'any' takes the best evidence from any route or strength.",
    ),
]
PregnantOpt = Annotated[
    bool, typer.Option("--pregnant", help="Lead with what the knowledge base says about pregnancy (or breastfeeding).")
]
SensitiveOpt = Annotated[bool, typer.Option("--sensitive", help="Lead with irritant and allergen warnings (sensitive skin).")]
AvoidOpt = Annotated[
    Optional[list[str]],
    typer.Option(
        "--avoid",
        metavar="NAMES",
        help="Things you avoid: ingredients, groups or concerns, comma-separated or repeated (fragrance,retinoids).",
    ),
]
NoProfileOpt = Annotated[
    bool, typer.Option("--no-profile", help="Ignore your profile file ($XDG_CONFIG_HOME/skincli/profile.yaml).")
]
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
    return api.knowledge_base(path)


def _render(view: Any, text: Callable[..., str], rich: Callable[..., Any] | None = None) -> None:
    from skincli.render import output

    if rich is not None and output.use_rich():
        output.print_rich(rich(view))
    else:
        _show_text(text(view, output.width()))


def _show_text(text: str) -> None:
    """Plain text to stdout, through the pager when it is long and stdout is a terminal."""
    from skincli.render import output, pager

    if pager.wanted(text) and pager.page(output.defang(text) + "\n"):
        return
    output.emit(text)


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
        _show_text(text())


@app.command()
def show(
    name: Annotated[
        str,
        typer.Argument(metavar="NAME", help="Ingredient name, alias, INCI or German name.", autocompletion=_complete_ingredient),
    ],
    effect: Annotated[
        Optional[str],
        typer.Option("--effect", "-e", metavar="EFFECT", help="Only the claims for this effect (and their sources)."),
    ] = None,
    brief: Annotated[
        bool, typer.Option("--brief", "-b", help="Only the summary, the evidence at a glance and the cautions.")
    ] = False,
    as_json: JsonOpt = False,
    route: RouteOpt = None,
    pregnant: PregnantOpt = False,
    sensitive: SensitiveOpt = False,
    avoid: AvoidOpt = None,
    no_profile: NoProfileOpt = False,
    kb: KbOpt = None,
) -> None:
    """Everything on one ingredient: claims by effect with evidence, experts' words, cautions, sources.

    With a profile (--pregnant, --sensitive, --avoid, or your profile file) the panel opens with what
    concerns you.

    Examples:

      skincli show retinol

      skincli show "sodium hyaluronate"

      skincli show retinol --pregnant

      skincli show exosomes --effect wrinkles

      skincli show exosomes --brief

      skincli show Hyaluronsäure --json | jq '.claims[] | {effect, level: .evidence.level}'
    """
    with _handled():
        name = _require_text(name, "NAME")
        profile = _profile(kb, no_profile, pregnant, sensitive, avoid)
        view = api.lookup(name, route=_route_value(route), effect=effect, brief=brief, profile=profile, kb=kb)
        from skincli.render import text

        _emit(view, as_json, text.show, _rich("show"))


@app.command()
def compare(
    names: Annotated[
        list[str], typer.Argument(metavar="NAME...", help="Two or more ingredients.", autocompletion=_complete_ingredient)
    ],
    as_json: JsonOpt = False,
    markdown: Annotated[bool, typer.Option("--markdown", help="Print a Markdown table for notes.")] = False,
    route: RouteOpt = None,
    kb: KbOpt = None,
) -> None:
    """Side by side: the best evidence per effect, what experts said, cautions.

    Examples:

      skincli compare exosomes retinol

      skincli compare retinol bakuchiol tretinoin --markdown

      skincli compare exosomes retinol --json | jq '.effects'
    """
    _one_format(json=as_json, markdown=markdown)
    with _handled():
        if len(names) < 2:
            raise typer.BadParameter("give at least two ingredients to compare", param_hint="NAMES")
        names = [_require_text(name, "NAMES") for name in names]
        view = api.compare(*names, route=_route_value(route), kb=kb)
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
    route: RouteOpt = None,
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
    _one_format(json=as_json, ndjson=as_ndjson)
    with _handled():
        from skincli.render import text

        items = api.ingredients(
            effect=effect,
            min_evidence=min_evidence,
            kind=kind.value if kind else None,
            category=category,
            route=_route_value(route),
            kb=kb,
        )
        if not items and not (as_json or as_ndjson):
            from skincli.render.output import error

            error("skincli: no ingredient matches these filters")
        _print_items(items, as_json, as_ndjson, lambda: text.summaries(items, extra="level" if effect else None))


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
    _one_format(json=as_json, ndjson=as_ndjson)
    with _handled():
        query = _require_text(query, "QUERY")
        from skincli.render import text

        items = api.search(query, kb=kb)
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
    route: RouteOpt = None,
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
    _one_format(json=as_json, ndjson=as_ndjson)
    with _handled():
        from skincli.render import text

        if name is None:
            rows = api.effects(kb=kb)
            _print_items(rows, as_json, as_ndjson, lambda: text.effects(rows))
            return
        name = _require_text(name, "EFFECT")
        found = api.knowledge_base(kb).find_effect(name)
        items = api.effect(found.id, route=_route_value(route), kb=kb)
        view = {"id": found.id, "name": found.name, "description": found.description, "kind": found.kind}
        _print_items(items, as_json, as_ndjson, lambda: text.effect_ranking(view, items))
        if not items:  # like search: nothing on record is exit 1 in every format (JSON still prints [])
            from skincli.render.output import error

            error(f"skincli: no ingredient on record for {found.name.lower()} ({found.id})")
            raise typer.Exit(1)


@app.command()
def experts(as_json: JsonOpt = False, kb: KbOpt = None) -> None:
    """The named experts, with how many opinions and claims each has.

    Examples:

      skincli experts

      skincli experts --json | jq -r '.[].name'
    """
    with _handled():
        from skincli.render import text

        rows = api.experts(kb=kb)
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
        name = _require_text(name, "NAME")
        view = api.expert(name, kb=kb)
        from skincli.render import text

        _emit(view, as_json, text.expert)


@app.command()
def sources(as_json: JsonOpt = False, kb: KbOpt = None) -> None:
    """The bibliography, and which ingredients cite each source.

    Examples:

      skincli sources

      skincli sources --json | jq -r '.[] | select(.doi) | .doi'
    """
    with _handled():
        from skincli.render import text

        rows = api.sources(kb=kb)
        _print_items(rows, as_json, False, lambda: text.sources(rows))


@app.command()
def evidence(as_json: JsonOpt = False) -> None:
    """The evidence scale, 0 unsupported to 5 established.

    Examples:

      skincli evidence

      skincli evidence --json
    """
    from skincli.render import text

    rows = api.evidence_scale()
    _print_items(rows, as_json, False, lambda: text.scale(rows))


@app.command()
def schema() -> None:
    """Print the JSON Schema of every --json output.

    Examples:

      skincli schema > skincli-schema.json

      skincli schema | jq '.commands | keys'
    """
    from skincli.outschema import SCHEMA
    from skincli.render.output import emit_json

    emit_json(SCHEMA)


@app.command()
def validate(
    paths: Annotated[
        Optional[list[str]],
        typer.Argument(
            metavar="[PATH]...",
            help="Knowledge-base YAML files, each checked on its own. Default: the one in use (with your overlay).",
        ),
    ] = None,
    overlay: Annotated[
        bool,
        typer.Option(
            "--overlay",
            help="Check each PATH as an overlay on the knowledge base in use (the shipped one, or --kb): "
            "its entries may cite the shipped sources, effects and experts.",
        ),
    ] = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Also check the grading rules a program can check: route recorded, funding named in every "
            "rationale at level 3+, comparisons marked and not above 1 without a head-to-head trial, forms for "
            "entries with several INCI names, a review date on every level.",
        ),
    ] = False,
    kb: KbOpt = None,
) -> None:
    """Check a knowledge base: schema, references, duplicate ids, name collisions, levels.

    Prints every problem as path:line:column: message and exits 1, or a one-line summary per file and
    exits 0. With --strict, also the mechanical grading rules of docs/grading.md (what a reviewer
    checks first). Several paths are checked one by one (as pre-commit passes them).

    Examples:

      skincli validate

      skincli validate my-ingredients.yaml

      skincli validate --strict data/ingredients.yaml

      skincli validate --overlay --strict ~/.config/skincli/overlay.yaml
    """
    from pathlib import Path

    from skincli.kb.store import KbFiles

    if overlay and not paths:
        raise typer.BadParameter("--overlay needs the overlay file(s) to check", param_hint="PATH")
    if not paths:
        targets = [KbFiles.select(kb)]
    elif overlay:
        base = KbFiles.select(kb, use_overlay=False).base
        targets = [KbFiles(base, Path(p)) for p in paths]
    else:
        targets = [KbFiles(Path(p), None) for p in paths]
    failed = [files for files in targets if not _validate_one(files, strict=strict)]
    if failed:
        raise typer.Exit(1)


def _validate_one(files: Any, *, strict: bool) -> bool:
    """Validate one knowledge base (a file, or a base plus an overlay); print problems or a summary."""
    from skincli.errors import KnowledgeBaseError
    from skincli.kb.store import build_tables, parse
    from skincli.render.output import emit, error

    try:
        data = parse(files)
    except KnowledgeBaseError as exc:
        for problem in exc.problems:
            error(str(problem))
        error(f"skincli: {len(exc.problems)} problem{'s' * (len(exc.problems) != 1)} found")
        return False
    build_tables(data)
    if strict:
        from skincli.kb.policy import check as check_policy

        checked = files.paths()[-1]
        findings = check_policy(data)
        if files.overlay is not None:  # an overlay answers for its own entries only
            own = _entry_labels(files.overlay)
            findings = [f for f in findings if f.where.split(" claim ")[0] in own]
        for finding in findings:
            error(f"{checked}: {finding}")
        if findings:
            error(f"skincli: {len(findings)} grading-rule problem{'s' * (len(findings) != 1)} found")
            return False
    claims = sum(len(i.get("claims", ())) for i in data["ingredients"])
    emit(
        f"{' + '.join(str(p) for p in files.paths())}: OK — {len(data['ingredients'])} ingredients, {claims} claims, "
        f"{len(data['sources'])} sources, {len(data['experts'])} experts, {len(data['effects'])} effects"
        + (f", {len(data['interactions'])} interactions" if data.get("interactions") else "")
    )
    return True


def _entry_labels(path: Any) -> set[str]:
    """`ingredient 'x'` and `interaction 'y'` for every entry a (valid) file defines."""
    from skincli.kb.yamlread import load_yaml, read_text

    doc = load_yaml(read_text(path), str(path))[0] or {}
    labels = {f"ingredient {i['id']!r}" for i in doc.get("ingredients") or []}
    labels |= {f"source {s['id']!r}" for s in doc.get("sources") or []}
    return labels | {f"interaction {i['id']!r}" for i in doc.get("interactions") or []}


@app.command()
def check(
    text: Annotated[
        Optional[str], typer.Argument(metavar="[TEXT]", help="Marketing text to check; '-' reads standard input.")
    ] = None,
    file: FileOpt = None,
    as_json: JsonOpt = False,
    pregnant: PregnantOpt = False,
    sensitive: SensitiveOpt = False,
    avoid: AvoidOpt = None,
    no_profile: NoProfileOpt = False,
    kb: KbOpt = None,
) -> None:
    """Grade the claims in a piece of skincare marketing, claim by claim, against the knowledge base.

    With a profile (--pregnant, --sensitive, --avoid, or your profile file) the report opens with what
    in the advert's ingredients concerns you.

    The reading is automatic and a first pass: on real adverts it had never seen, about three in four of
    the ingredient-effect pairs it reported were right, and it found about three in four of those a
    careful reader marks (README, "Measured on real adverts"). Read the quoted text of a finding before
    you cite it; a missing flag means "not found", not "not there".

    Examples:

      skincli check "Our exosome serum regenerates skin like a facelift"

      skincli check --file product-page.txt

      skincli check --file serum-page.txt --pregnant

      pbpaste | skincli check - --json | jq '.findings[] | {ingredient, effect, level}'
    """
    with _handled():
        from skincli.claims.check import MAX_TEXT_CHARS, check_text

        source = _read_input(text, file, what="TEXT")
        if len(source) > MAX_TEXT_CHARS:
            raise typer.BadParameter(
                f"is {len(source):,} characters long; check reads at most {MAX_TEXT_CHARS:,} (16 MiB)", param_hint="TEXT"
            )
        report = check_text(source, _kb(kb))  # the report object, not api.check's dict: megabytes stream out
        extra = {}
        profile = _profile(kb, no_profile, pregnant, sensitive, avoid)
        if profile is not None and profile.active:
            from skincli.kb.profile import for_entries

            entries = list(dict.fromkeys((f.n, f.mention.ingredient) for f in report.findings))
            extra["profile"] = for_entries(_kb(kb), entries, profile)
        from skincli.render import check as render_check

        render_check.emit(report, as_json, extra)


class ProductType(str, Enum):
    face = "face"
    body = "body"
    hair = "hair"
    rinse_off = "rinse-off"
    leave_on = "leave-on"
    eye = "eye"
    lip = "lip"
    nail = "nail"
    oral = "oral"
    deodorant = "deodorant"
    spray = "spray"
    sunscreen = "sunscreen"


@app.command()
def scan(
    label: Annotated[
        Optional[str], typer.Argument(metavar="[LABEL]", help="The ingredient list as printed; '-' reads standard input.")
    ] = None,
    file: FileOpt = None,
    as_json: JsonOpt = False,
    product_type: Annotated[
        Optional[ProductType],
        typer.Option("--product-type", "-t", help="What the product is, so EU limits that depend on it can be decided."),
    ] = None,
    batch: Annotated[
        Optional[str],
        typer.Option("--batch", metavar="FILE|-", help="Scan many labels: JSON Lines (or --lines), NDJSON out, in input order."),
    ] = None,
    field: Annotated[str, typer.Option("--field", metavar="NAME", help="With --batch: the JSON field holding the label.")] = (
        "ingredients_text"
    ),
    lines: Annotated[bool, typer.Option("--lines", help="With --batch: one plain label per line instead of JSON.")] = False,
    summary: Annotated[bool, typer.Option("--summary", help="With --batch: a last line with counts over the batch.")] = False,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=0,
            max=64,
            help="With --batch: worker processes; 0 (the default) uses every core (up to 4) once a batch passes "
            "200 labels, 1 keeps to one process.",
        ),
    ] = 0,
    pregnant: PregnantOpt = False,
    sensitive: SensitiveOpt = False,
    avoid: AvoidOpt = None,
    no_profile: NoProfileOpt = False,
    kb: KbOpt = None,
) -> None:
    """Decode a product's INCI list: each ingredient identified, its function, its evidence, EU restrictions.

    With a profile (--pregnant, --sensitive, --avoid, or your profile file) each entry that concerns you
    is marked and the summary opens with them.

    Examples:

      skincli scan "Aqua, Glycerin, Niacinamide 4%, Retinol, Parfum"

      skincli scan --file label.txt --product-type face

      skincli scan --file label.txt --pregnant --avoid fragrance

      pbpaste | skincli scan - --json | jq '.summary'

      skincli scan --batch products.jsonl --summary > decoded.ndjson
    """
    with _handled():
        ptype = product_type.value if product_type else None
        if batch is None:
            if lines or summary or jobs != 0 or field != "ingredients_text":
                raise typer.BadParameter("--lines, --summary, --jobs and --field go with --batch", param_hint="--batch")
            _scan_one(label, file, as_json, ptype, kb, (no_profile, pregnant, sensitive, avoid))
            return
        if label is not None or file is not None:
            raise typer.BadParameter("give LABEL/--file or --batch, not both", param_hint="--batch")
        from skincli.render.scan import run_batch

        failed = run_batch(batch, _kb(kb), field=field, plain=lines, summary=summary, jobs=jobs, product_type=ptype)
        if failed:
            raise typer.Exit(1)


def _scan_one(
    label: str | None,
    file: str | None,
    as_json: bool,
    product_type: str | None,
    kb: str | None,
    profile_args: tuple[bool, bool, bool, list[str] | None],
) -> None:
    from skincli.label.scan import MAX_LABEL_CHARS

    text = _read_input(label, file, what="LABEL")
    if len(text) > MAX_LABEL_CHARS:
        raise typer.BadParameter(
            f"the label is {len(text):,} characters long; the limit is {MAX_LABEL_CHARS:,} (use --batch for many labels)",
            param_hint="LABEL",
        )
    report, extra = api.scan_report(text, product_type=product_type, profile=_profile(kb, *profile_args), kb=kb)
    from skincli.views import SCHEMA_VERSION

    if as_json and not sys.stdout.isatty():  # piped: item by item, the same bytes as one json.dumps
        from skincli.render.scan import stream_json

        stream_json(report, {"schema_version": SCHEMA_VERSION}, extra)
        return
    view = {"schema_version": SCHEMA_VERSION, **report.to_dict(), **extra}
    if as_json:
        from skincli.render.output import emit_json

        emit_json(view)
        return
    from skincli.render import scan as render_scan

    view["effect_names"] = {e.id: e.name for e in api.knowledge_base(kb).effects()}
    _render(view, render_scan.text, render_scan.rich)


new_app = typer.Typer(
    name="new",
    help="Start a new knowledge-base entry from a commented template (see CONTRIBUTING.md).",
    no_args_is_help=True,
)
app.add_typer(new_app)


@new_app.command("ingredient")
def new_ingredient(
    name: Annotated[str, typer.Argument(metavar="NAME", help="The ingredient's display name, e.g. 'Ferulic acid'.")],
    output: Annotated[
        Optional[str],
        typer.Option("--output", "-o", metavar="PATH", help="Write to this new file (never overwritten) instead of stdout."),
    ] = None,
) -> None:
    """Write a skeleton entry with every required field and comments on what goes where.

    The skeleton validates as an overlay; `skincli validate --overlay --strict FILE` then lists what is
    still to fill in.

    Examples:

      skincli new ingredient "Ferulic acid" -o ferulic.yaml

      skincli new ingredient Bakuchiol > draft.yaml
    """
    with _handled():
        name = _require_text(name, "NAME")
        import datetime
        import re
        from importlib.resources import files

        from skincli.errors import InputError

        slug = re.sub(r"[^a-z0-9]+", "-", _ascii(name).lower()).strip("-")
        if not slug:
            raise typer.BadParameter("needs letters or digits to make an id from", param_hint="NAME")
        template = files("skincli.kb").joinpath("template.yaml").read_text(encoding="utf-8")
        text = (
            template.replace("{id}", slug)
            .replace("{name}", name.replace("\\", "\\\\").replace('"', '\\"'))
            .replace("{date}", datetime.date.today().isoformat())
        )
        if output is None:
            from skincli.render.output import emit

            emit(text.rstrip("\n"))
            return
        try:
            with open(output, "x", encoding="utf-8") as handle:  # "x": never overwrite
                handle.write(text)
        except FileExistsError:
            raise InputError(f"{output}: already exists; choose another name (skincli never overwrites)") from None
        except OSError as exc:
            raise InputError(f"{output}: cannot write ({exc.strerror})") from None
        from skincli.render.output import error

        error(f"skincli: wrote {output}; fill it in, then run: skincli validate --overlay --strict {output}")


def _ascii(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text.translate(str.maketrans({"ß": "ss"}))) if c.isascii())


# Far beyond any real label (a few KB) or advert page (tens of KB); the README's Conventions say so.
# What each command reads at most: a label, an advert (check is linear; 10 MB runs in seconds), a routine's products.
INPUT_LIMITS = {"LABEL": 1024 * 1024, "TEXT": 16 * 1024 * 1024, "PRODUCTS": 2 * 1024 * 1024}


def _read_input(text: str | None, file: str | None, *, what: str) -> str:
    """The text to work on: an argument, '-' for standard input, or --file; exactly one of them.

    Files and standard input are read once, at most INPUT_LIMITS[what] bytes, and decoded as UTF-8
    with replacement characters for invalid bytes (whatever the locale says).
    """
    from skincli.errors import InputError, open_input

    limit = INPUT_LIMITS[what]
    if text is not None and file is not None:
        raise typer.BadParameter(f"give {what} or --file, not both", param_hint=what)
    if file is not None:
        if not file:
            raise typer.BadParameter("is empty; give the path of a text file", param_hint="'--file'")
        with open_input(file, "rb") as handle:
            try:
                data = handle.read(limit + 1)
            except OSError as exc:
                raise InputError(f"{file}: cannot read ({exc.strerror or exc})") from None
        return _decoded(data, limit, "'--file'", f"{file} is")
    if text is None or text == "-":
        if sys.stdin is None:  # `<&-`: the shell closed it
            raise typer.BadParameter(f"standard input is closed; give {what} or --file", param_hint=what)
        if text is None and sys.stdin.isatty():
            raise typer.BadParameter(f"give {what}, '-' for standard input, or --file", param_hint=what)
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:  # a text-only stdin (some test runners)
            return sys.stdin.read(limit + 1)
        try:
            data = stream.read(limit + 1)
        except OSError as exc:
            raise InputError(f"cannot read standard input ({exc.strerror or exc})") from None
        return _decoded(data, limit, what, "standard input is")
    text = _arg_text(text)
    if len(text) > limit:
        raise typer.BadParameter(f"is longer than the limit of {limit // (1024 * 1024)} MiB", param_hint=what)
    if len(text) < 1024 and not any(c.isspace() for c in text) and os.path.isfile(text):
        # `skincli check page.txt` reads the words "page.txt": say so, the way a user expects to hear it
        typer.echo(f"note: {text!r} is read as {what}; to read the file, use --file {text}", err=True)
    return text


def _profile(kb: str | None, no_profile: bool, pregnant: bool, sensitive: bool, avoid: list[str] | None) -> Any:
    """The user's profile file (unless --no-profile) with the flags added; a bad --avoid name is a usage error."""
    if not (pregnant or sensitive or avoid):  # the common case: no flags, and maybe no file to read
        from skincli.kb.store import profile_path

        if no_profile or profile_path() is None:
            return None
    from skincli.kb.profile import ProfileError

    try:
        return api.profile(use_file=not no_profile, pregnant=pregnant, sensitive=sensitive, avoid=avoid, kb=kb)
    except ProfileError as exc:
        if exc.problems[0].path == "--avoid":
            raise typer.BadParameter(exc.problems[0].message.removeprefix("profile: "), param_hint="--avoid") from None
        raise


@app.command()
def routine(
    names: Annotated[
        Optional[list[str]],
        typer.Argument(
            metavar="[NAME]...",
            help="Ingredients of the routine; '-' reads products from standard input.",
            autocompletion=_complete_ingredient,
        ),
    ] = None,
    file: Annotated[
        Optional[str],
        typer.Option("--file", "-f", metavar="PATH", help="Products, one per line as 'Name: INCI list'."),
    ] = None,
    as_json: JsonOpt = False,
    pregnant: PregnantOpt = False,
    sensitive: SensitiveOpt = False,
    avoid: AvoidOpt = None,
    no_profile: NoProfileOpt = False,
    kb: KbOpt = None,
) -> None:
    """What goes together: graded interactions between a routine's actives, doubling up, and what concerns you.

    A one-line verdict per pair comes first, then each interaction with its level, rationale and sources.
    "No interaction on record" means the knowledge base has no graded claim for the pair, not that it is safe.

    Examples:

      skincli routine retinol "glycolic acid"

      skincli routine tretinoin "benzoyl peroxide" --pregnant

      skincli routine --file routine.txt --avoid fragrance

      skincli routine "vitamin c" niacinamide --json | jq '.pairs[].verdict'
    """
    with _handled():
        products = None
        if file is not None or (names in (None, [], ["-"]) and (names == ["-"] or not sys.stdin.isatty())):
            products = _read_input("-" if names == ["-"] else None, file, what="PRODUCTS")
        elif names:
            names = [_require_text(name, "NAME") for name in names]
        else:
            raise typer.BadParameter("give ingredient names, --file, or '-' for products on standard input", param_hint="NAME")
        profile = _profile(kb, no_profile, pregnant, sensitive, avoid)
        view = api.routine(None if products is not None else names, products=products, profile=profile, kb=kb)
        from skincli.render import text as render_text

        _emit(view, as_json, render_text.routine)


def _route_value(route: Route | None) -> str | None:
    return route.value if route else None


def _decoded(data: bytes, limit: int, hint: str, source: str) -> str:
    if len(data) > limit:
        raise typer.BadParameter(f"{source} larger than the limit of {limit // (1024 * 1024)} MiB", param_hint=hint)
    return data.decode("utf-8-sig", errors="replace")


def _arg_text(value: str) -> str:
    """An argument as the user typed it. Without UTF-8 mode under LC_ALL=C, Python decodes argv as
    ASCII and keeps other bytes as surrogates ('Hyalurons\\udcc3\\udca4ure'); terminals send UTF-8,
    so decode those bytes as UTF-8 (or, if they are not, as Latin-1)."""
    if value.isascii() or not any("\udc80" <= c <= "\udcff" for c in value):
        return value
    raw = value.encode("utf-8", "surrogateescape")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _one_format(**chosen: bool) -> None:
    """--json, --ndjson and --markdown each choose the output: two at once is a usage error (exit 2)."""
    picked = [f"--{name}" for name, on in chosen.items() if on]
    if len(picked) > 1:
        raise typer.BadParameter("choose one output format", param_hint=" and ".join(f"'{p}'" for p in picked))


def _require_text(value: str, hint: str) -> str:
    """The argument, repaired if it arrived surrogate-escaped; a usage error when empty or too long."""
    value = _arg_text(value)
    if not value.strip():
        raise typer.BadParameter("must not be empty", param_hint=hint)
    if len(value) > 200:
        raise typer.BadParameter(f"is {len(value)} characters long; names are at most 200", param_hint=hint)
    return value


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
    no_pager: Annotated[
        bool,
        typer.Option("--no-pager", help="Never page long output (also anywhere on the line, or SKINCLI_NO_PAGER=1; PAGER=cat)."),
    ] = False,
) -> None:
    """What a skincare ingredient really does."""
    if no_pager:
        from skincli.render import pager

        pager.disable()


def main() -> None:
    """Console entry point: quiet on a closed pipe, 130 on Ctrl-C, never a traceback.

    Exit codes beyond the commands' own: 0 when the reader of the output went away (`| head -1`),
    whatever was being written; 1 with a message when the output cannot be written (closed stdout,
    disk full); 130 on Ctrl-C.
    """
    from skincli.render import output

    output.setup_streams()
    # Typer 0.28 ships its own click; its exception classes are only reachable here.
    from typer._click.exceptions import ClickException

    argv = sys.argv[1:]
    if "--no-pager" in argv[: argv.index("--") if "--" in argv else len(argv)]:  # like git: allowed anywhere
        from skincli.render import pager

        pager.disable()
        argv = [a for a in argv if a != "--no-pager"]
    unwritable = False
    try:
        result = _app_for(argv)(args=argv, standalone_mode=False)
        code = result if isinstance(result, int) else 0
    except typer.Exit as exc:
        code = exc.exit_code
    except ClickException as exc:
        exc.show()
        code = exc.exit_code
    except (KeyboardInterrupt, typer.Abort):
        sys.stderr.write("\n")
        code = 130
    except output.ReaderGone:
        code = BROKEN_PIPE_EXIT
    except output.WriteError as exc:
        sys.stderr.write(f"skincli: cannot write the output: {exc}\n")
        code, unwritable = 1, True
    except BrokenPipeError:  # a writer that bypassed the guard (click's own stream on an ASCII terminal)
        code = BROKEN_PIPE_EXIT
    except SystemExit as exc:  # click's own broken-pipe exit, should a write ever bypass the guard
        code = exc.code if isinstance(exc.code, int) else 1
        if type(sys.stdout).__name__ == "PacifyFlushWrapper":
            code = BROKEN_PIPE_EXIT
    except Exception as exc:  # the last line of defence: a message, not a traceback
        if os.environ.get("SKINCLI_DEBUG"):
            raise
        sys.stderr.write(f"skincli: internal error: {type(exc).__name__}: {exc}\n(set SKINCLI_DEBUG=1 for details)\n")
        code = 1
    try:
        sys.stdout.flush()
    except output.ReaderGone:
        code = BROKEN_PIPE_EXIT
    except output.WriteError as exc:
        if not unwritable:
            sys.stderr.write(f"skincli: cannot write the output: {exc}\n")
        code = 1
    except OSError:  # stdout replaced by something unguarded (click's wrapper)
        pass
    sys.stderr.flush()
    # Everything is written and closed: leave without the interpreter's teardown, which frees every
    # object one by one (a quarter of a second after loading a 10,000-ingredient knowledge base).
    # Output still buffered for a reader that went away, or for a full disk, is dropped by _exit.
    os._exit(code)


def _reflow(doc: str | None) -> str | None:
    """Typer keeps the single line breaks of every help paragraph after the first, so prose wrapped at
    the source's width broke mid-sentence in a narrower terminal. Prose paragraphs become one line each
    (rich wraps them to the terminal); indented lines, the examples, stay as written."""
    if not doc:
        return doc
    paragraphs = inspect.cleandoc(doc).split("\n\n")
    return "\n\n".join(p if any(line[:1].isspace() for line in p.splitlines()) else " ".join(p.split("\n")) for p in paragraphs)


for _info in (*app.registered_commands, *new_app.registered_commands):
    if _info.callback is not None:
        _info.callback.__doc__ = _reflow(_info.callback.__doc__)


# A reader that stops reading (`skincli list --ndjson | head -1`) is not a failure: every command ends
# quietly with this code (as `| head` users and `set -o pipefail` scripts expect).
BROKEN_PIPE_EXIT = 0


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
            single.registered_groups = []  # `new` and its sub-commands are not needed to run another command
            return single
    return app
