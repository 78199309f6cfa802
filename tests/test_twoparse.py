"""Large knowledge bases are parsed on two cores; the result and every error must be the same as
parsing in one piece."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from conftest import MINI

from skincli.errors import KnowledgeBaseError
from skincli.kb import cache, twoparse
from skincli.kb.store import KbFiles, open_kb, parse, shipped_path
from skincli.kb.validate import check_documents
from skincli.kb.yamlread import load_yaml, read_text


def _one_piece(path: Path):
    return check_documents([(*load_yaml(read_text(path), str(path)), str(path), False)])


@pytest.fixture
def always_split(monkeypatch):
    monkeypatch.setattr(twoparse, "MIN_BYTES", 0)


def test_split_keeps_every_item_once():
    head, tail, items = twoparse.split(MINI.read_text(encoding="utf-8"))
    assert items == 2
    assert tail.startswith("ingredients:\n  - id: beta")
    assert "id: alpha" in head and "id: beta" not in head


def test_split_declines_files_without_a_block_ingredient_list():
    assert twoparse.split("sources: []\n") is None
    assert twoparse.split("ingredients: []\n") is None
    assert twoparse.split("ingredients:\n  - id: only\n") is None


@pytest.mark.parametrize("path", [MINI, shipped_path()], ids=["mini", "shipped"])
def test_two_process_parse_equals_one_piece(always_split, path):
    halves = twoparse.parse_in_two(read_text(path), str(path))
    assert halves is not None, "the two-process path was not taken"
    assert parse(KbFiles(path, None)) == _one_piece(path)


def test_problem_in_the_childs_part_is_reported_with_its_position(always_split, tmp_path):
    bad = tmp_path / "bad.yaml"
    text = MINI.read_text(encoding="utf-8").replace("level: 0,", "level: 9,")  # in beta, the last item
    bad.write_text(text, encoding="utf-8")
    assert twoparse.parse_in_two(text, str(bad)) is None  # the child refuses; parsing falls back
    with pytest.raises(KnowledgeBaseError) as caught:
        parse(KbFiles(bad, None))
    assert str(caught.value).startswith(f"{bad}:44:20: ") and "out of range" in str(caught.value)


def test_duplicate_id_across_the_two_parts_is_still_an_error(always_split, tmp_path):
    bad = tmp_path / "dup.yaml"
    bad.write_text(MINI.read_text(encoding="utf-8").replace("  - id: beta\n", "  - id: alpha\n"), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as caught:
        parse(KbFiles(bad, None))
    assert "duplicate ingredient id 'alpha' (first at line 13)" in str(caught.value)
    assert f"{bad}:35:5: " in str(caught.value)


def test_large_kb_cache_is_written_in_the_background(always_split, tmp_path):
    kb = tmp_path / "kb.yaml"
    kb.write_bytes(MINI.read_bytes())
    assert open_kb(str(kb), use_overlay=False).find("alpha").name == "Alphaol"
    deadline = time.monotonic() + 10
    while not list(cache.cache_dir().glob("kb-*.bin")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(list(cache.cache_dir().glob("kb-*.bin"))) == 1
    assert open_kb(str(kb), use_overlay=False).find("beta").name == "Betaine Test"
