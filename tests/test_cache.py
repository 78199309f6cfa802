"""The parsed-KB cache: used when valid, never stale, rebuilt when corrupt, harmless when unwritable."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import MINI

from skincli.kb import cache
from skincli.kb.store import open_kb


@pytest.fixture
def kb_file(tmp_path: Path) -> Path:
    path = tmp_path / "kb.yaml"
    path.write_bytes(MINI.read_bytes())
    return path


def _cache_files() -> list[Path]:
    return sorted(cache.cache_dir().glob("kb-*.bin"))


def test_second_open_reads_the_cache_not_the_yaml(kb_file, monkeypatch):
    open_kb(str(kb_file), use_overlay=False)
    assert len(_cache_files()) == 1

    def no_parse(*_a, **_k):
        raise AssertionError("YAML parsed although the cache is valid")

    monkeypatch.setattr("skincli.kb.store.parse", no_parse)
    assert open_kb(str(kb_file), use_overlay=False).find("alpha").name == "Alphaol"


def test_edit_is_never_served_from_cache(kb_file):
    assert open_kb(str(kb_file), use_overlay=False).find("alpha").name == "Alphaol"
    stat = kb_file.stat()
    text = kb_file.read_text(encoding="utf-8").replace('name: "Alphaol"', 'name: "Alphaox"')
    assert len(text) == len(kb_file.read_text(encoding="utf-8"))  # same size on purpose
    kb_file.write_text(text, encoding="utf-8")
    os.utime(kb_file, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # and the same mtime
    assert open_kb(str(kb_file), use_overlay=False).find("alpha").name == "Alphaox"
    assert len(_cache_files()) == 1  # the stale entry was replaced, not kept beside


def test_corrupt_cache_is_rebuilt(kb_file):
    open_kb(str(kb_file), use_overlay=False)
    (only,) = _cache_files()
    only.write_bytes(only.read_bytes()[:40])
    assert open_kb(str(kb_file), use_overlay=False).find("beta").name == "Betaine Test"
    assert open_kb(str(kb_file), use_overlay=False).find("beta").name == "Betaine Test"


def test_garbage_cache_file_is_ignored(kb_file):
    open_kb(str(kb_file), use_overlay=False)
    (only,) = _cache_files()
    only.write_bytes(cache.MAGIC + b"\xff" * 64)
    assert open_kb(str(kb_file), use_overlay=False).find("alpha").id == "alpha"


def test_unwritable_cache_dir_costs_only_speed(kb_file, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("SKINCLI_CACHE_DIR", str(blocker / "cache"))
    assert open_kb(str(kb_file), use_overlay=False).find("alpha").id == "alpha"


def test_no_temporary_files_are_left(kb_file):
    open_kb(str(kb_file), use_overlay=False)
    assert [p.name for p in cache.cache_dir().iterdir() if p.name.startswith(".tmp-")] == []


def test_key_changes_with_overlay(kb_file, tmp_path):
    overlay = tmp_path / "o.yaml"
    overlay.write_text(
        "ingredients:\n  - {id: gamma, name: Gamma, kind: ingredient, category: x, summary: y.}\n", encoding="utf-8"
    )
    assert cache.fingerprint([kb_file]) != cache.fingerprint([kb_file, overlay])


def test_a_write_killed_midway_leaves_no_cache_and_no_temporary_file(kb_file, monkeypatch):
    def killed(*_args, **_kwargs):
        raise KeyboardInterrupt  # as if the process were interrupted between write and rename

    with monkeypatch.context() as patched, pytest.raises(KeyboardInterrupt):
        patched.setattr("os.replace", killed)
        open_kb(str(kb_file), use_overlay=False)
    directory = cache.cache_dir()
    assert list(directory.iterdir()) == []
    assert open_kb(str(kb_file), use_overlay=False).find("alpha").id == "alpha"
    assert len(_cache_files()) == 1
