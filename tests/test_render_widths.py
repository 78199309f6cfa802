"""Every screen at 80 and 120 columns, plain and rich: no line wider than the terminal, no name broken
inside a word, no ellipsis cutting a name (issue 16)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any

import pytest
from rich.console import Console

from skincli.kb.store import open_kb
from skincli.render import markdown as md
from skincli.render import rich as rich_render
from skincli.render import scan as scan_render
from skincli.render import text

WIDTHS = (80, 120)
LABEL = (
    "Aqua, Glycerin, Ethoxydiglycol, Butyrospermum Parkii Butter, Niacinamide 4%, Retinol, Tocopheryl Acetate, "
    "Phenoxyethanol, Methylparaben, Hydroxyethylcellulose, Parfum, Linalool, Iron Oxides (CI 77491, CI 77492)"
)


@pytest.fixture(scope="module")
def kb():
    return open_kb(None, use_overlay=False)


def _views(kb) -> dict[str, tuple[Any, Callable[..., str], Callable[..., Any] | None, list[str]]]:
    """name -> (view, plain renderer, rich renderer, names that must appear whole)."""
    from skincli import api
    from skincli.kb.query import rank_for_effect, search
    from skincli.views import compare_view, effect_rank_view, effects_view, expert_view, ingredient_view, summary_view

    out: dict[str, tuple[Any, Callable[..., str], Callable[..., Any] | None, list[str]]] = {}
    for name in ("retinol", "niacinamide", "exosomes", "vitamin-c", "parabens"):
        if kb.resolve(name) is None:
            continue
        view = ingredient_view(kb.find(name), kb)
        out[f"show {name}"] = (view, text.show, rich_render.show, [e["name"] for e in view["effects"]])
    trio = [kb.find(n) for n in ("exosomes", "retinol", "niacinamide")]
    view = compare_view(trio, kb)
    out["compare"] = (view, text.compare, rich_render.compare, [e["name"] for e in view["effects"]] + [i.name for i in trio])
    items = [summary_view(i, kb) for i in kb.ingredients()]
    out["list"] = (items, lambda v, w: text.summaries(v, w), None, [i["name"] for i in items if len(i["name"]) < 40])
    effect = kb.find_effect("wrinkles")
    ranked = effect_rank_view(effect.id, rank_for_effect(kb, effect.id), kb)
    head = {"id": effect.id, "name": effect.name, "description": effect.description}
    out["effect wrinkles"] = (ranked, lambda v, w: text.effect_ranking(head, v, w), None, [r["name"] for r in ranked])
    rows = effects_view(kb)
    out["effect"] = (rows, lambda v, w: text.effects(v, w), None, [r["name"] for r in rows])
    hits = [{**summary_view(h.ingredient, kb), "matches": list(h.matches)} for h in search(kb, "pregnancy")]
    out["search"] = (hits, lambda v, w: text.summaries(v, w, extra="matches"), None, [h["name"] for h in hits])
    expert = expert_view("stefan-duve", kb)
    out["expert"] = (expert, text.expert, None, [expert["name"]])
    scan = api.scan(LABEL)
    scan["effect_names"] = {e.id: e.name for e in kb.effects()}
    names = [i["inci"] for i in scan["items"] if i["inci"] and len(i["inci"]) < 30]
    out["scan"] = (scan, scan_render.text, scan_render.rich, names)
    from skincli.claims.check import check_text
    from skincli.render import check as check_render

    advert = (
        "Our Extracellular Vesicle serum with Ethoxydiglycol and Hyperpigmentation-correcting Niacinamide works like "
        "Botox in five minutes! Clinically proven: 98% saw fewer wrinkles. Retinol boosts collagen."
    )
    view = check_text(advert, kb).view()
    found = [f["ingredient"]["name"] for f in view["findings"]] + [f["effect_name"] for f in view["findings"] if f["effect_name"]]
    out["check"] = (view, check_render.text, check_render.rich, [n for n in found if len(n) < 40])
    experts = api.experts()
    out["experts"] = (experts, lambda v, w: text.experts(v, w), None, [e["name"] for e in experts])
    sources = api.sources()[:40]
    out["sources"] = (sources, lambda v, w: text.sources(v, w), None, [])
    scale = api.evidence_scale()
    out["evidence"] = (scale, lambda v, w: text.scale(v, w), None, [r["label"] for r in scale])
    routine = api.routine(["retinol", "glycolic acid", "niacinamide", "vitamin c", "benzoyl peroxide"])
    out["routine"] = (routine, text.routine, None, [a["name"] for a in routine["actives"]])
    return out


def _flat(output: str) -> str:
    return " ".join(output.split())


def _rich(renderable: Any, width: int) -> str:
    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None, force_terminal=False, highlight=False).print(renderable)
    return buffer.getvalue()


def _check(output: str, width: int, names: list[str], where: str) -> None:
    for n, line in enumerate(output.splitlines(), 1):
        assert len(line) <= width, f"{where}: line {n} is {len(line)} wide: {line!r}"
    assert not re.search(r"\w…", output), f"{where}: an ellipsis cuts a word: {re.search(r'.{0,30}…', output).group()!r}"
    flat = _flat(output)
    for name in names:
        assert _flat(name) in flat, f"{where}: {name!r} is broken or missing"


@pytest.mark.parametrize("width", WIDTHS)
def test_plain_text_screens(kb, width):
    for where, (view, plain, _rich_fn, names) in _views(kb).items():
        _check(plain(view, width), width, names, f"{where} (plain, {width})")


@pytest.mark.parametrize("width", WIDTHS)
def test_rich_screens(kb, width):
    for where, (view, _plain, rich_fn, names) in _views(kb).items():
        if rich_fn is not None:
            _check(_rich(rich_fn(view), width), width, names, f"{where} (rich, {width})")


def test_markdown_compare_keeps_names_whole(kb):
    from skincli.views import compare_view

    view = compare_view([kb.find("exosomes"), kb.find("retinol")], kb)
    out = md.compare(view)
    for row in view["effects"]:
        assert row["name"] in out


@pytest.mark.parametrize("columns", ["1", "20", "99999999999"])
def test_rich_output_is_clamped_like_plain_text_and_never_drops_a_caution(kb, capsys, monkeypatch, columns):
    """Issue 12 item 10: COLUMNS=1 drew an empty box, 20 cut the pregnancy caution to '…', 10**11 was a
    MemoryError. The rich path now keeps the plain path's 40 to 200 columns."""
    from skincli.render.rich import print_renderable, show
    from skincli.views import ingredient_view

    monkeypatch.setenv("COLUMNS", columns)
    monkeypatch.setenv("NO_COLOR", "1")
    print_renderable(show(ingredient_view(kb.find("retinol"), kb)))
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert 40 <= max(len(line) for line in lines) <= 200
    flat = " ".join(" ".join(line.strip("│ ") for line in lines).split())
    assert "pregnancy: Retinoid drug labels advise against use in pregnancy" in flat
