"""The parsed-KB cache: used when valid, never stale, rebuilt when corrupt, harmless when unwritable."""

from __future__ import annotations

import os
import pwd
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import MINI
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
    assert cache.probe([kb_file]).key != cache.probe([kb_file, overlay]).key


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


# ---- damage: any problem reading the cache is a miss, and the answer is still right -------------


def _answer(kb_file: Path) -> tuple[Any, ...]:
    return _everything(open_kb(str(kb_file), use_overlay=False))


def _everything(kb: Any) -> tuple[Any, ...]:
    """Every record of the mini knowledge base: each ingredient, each source, the name list."""
    return (tuple(kb.ingredients()), tuple(kb.sources()), tuple(kb.ingredient_ids()))


def test_cache_truncated_by_one_byte_is_rebuilt(kb_file):
    expected = _answer(kb_file)
    (only,) = _cache_files()
    size = only.stat().st_size
    only.write_bytes(only.read_bytes()[:-1])
    assert _answer(kb_file) == expected
    (rebuilt,) = _cache_files()
    assert rebuilt.stat().st_size == size  # deleted and written again in full
    assert _answer(kb_file) == expected


def test_same_length_edit_inside_a_record_is_not_served(kb_file):
    expected = _answer(kb_file)
    (only,) = _cache_files()
    data = bytearray(only.read_bytes())
    at = data.rindex(b"A test retinoid.")
    data[at : at + 6] = b"A fake"  # same length, inside alpha's record
    only.write_bytes(bytes(data))
    assert _answer(kb_file) == expected
    assert b"A fake" not in b"".join(p.read_bytes() for p in _cache_files())


def test_same_length_edit_inside_the_header_is_not_served(kb_file):
    expected = _answer(kb_file)
    (only,) = _cache_files()
    data = bytearray(only.read_bytes())
    at = data.index(b"Wrinkles")  # the effects live in the header
    data[at] = ord("V")
    only.write_bytes(bytes(data))
    kb = open_kb(str(kb_file), use_overlay=False)
    assert kb.effect("wrinkles").name == "Wrinkles"
    assert _answer(kb_file) == expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(damage=st.data())
def test_any_single_byte_damage_or_truncation_still_gives_the_right_answer(kb_file, damage):
    expected = _answer(kb_file)
    (only,) = _cache_files()
    data = bytearray(only.read_bytes())
    if damage.draw(st.booleans(), label="truncate"):
        data = data[: damage.draw(st.integers(0, len(data) - 1), label="length")]
    else:
        at = damage.draw(st.integers(0, len(data) - 1), label="offset")
        data[at] ^= damage.draw(st.integers(1, 255), label="xor")
    only.write_bytes(bytes(data))
    assert _answer(kb_file) == expected


def test_damage_found_after_the_header_was_read_rebuilds_from_the_yaml(kb_file):
    expected = _answer(kb_file)
    kb = open_kb(str(kb_file), use_overlay=False)  # header checked, no record read yet
    (only,) = _cache_files()
    only.write_bytes(only.read_bytes()[:-1])  # damaged in place (same inode) under the running process
    assert _everything(kb) == expected
    assert _answer(kb_file) == expected


def test_cache_removed_between_check_and_read_is_harmless(kb_file):
    expected = _answer(kb_file)
    kb = open_kb(str(kb_file), use_overlay=False)
    for path in _cache_files():  # a concurrent run's clean-up
        path.unlink()
    assert _everything(kb) == expected


def test_record_read_error_is_reported_as_damage(kb_file):
    open_kb(str(kb_file), use_overlay=False)
    found = cache.probe([kb_file])
    store = cache.load(found)
    assert store is not None
    store._handle.close()  # any OS error while reading a record
    with pytest.raises(cache.Damaged):
        store.record("ingredients", "alpha")


# ---- coarse timestamps --------------------------------------------------------------------------


@pytest.fixture
def coarse_clock(monkeypatch):
    """A file system with 1-second times, frozen: an edit in the same second changes no stat field."""
    real_stat = os.stat
    frozen: dict[str, float] = {}

    def coarse_stat(path, *args, **kwargs):
        st = real_stat(path, *args, **kwargs)
        key = os.path.realpath(path)
        if key not in frozen:
            return st
        second = frozen[key]
        fields = list(st)
        fields[7:10] = [int(second)] * 3  # atime, mtime, ctime
        return _Stat(fields, second, st.st_ino, st.st_dev)

    monkeypatch.setattr(cache.os, "stat", coarse_stat)
    return frozen


class _Stat:
    def __init__(self, fields, second, ino, dev):
        self.st_mode, self.st_size = fields[0], fields[6]
        self.st_mtime = self.st_ctime = float(int(second))
        self.st_mtime_ns = self.st_ctime_ns = int(second) * 10**9
        self.st_ino, self.st_dev = ino, dev


def test_same_second_edit_of_a_large_file_is_not_served_stale(kb_file, coarse_clock, monkeypatch):
    monkeypatch.setattr(cache, "HASH_LIMIT", 0)  # every file is "large": times, not content, key it
    coarse_clock[os.path.realpath(kb_file)] = time.time()
    assert open_kb(str(kb_file), use_overlay=False).find("alpha").name == "Alphaol"
    text = kb_file.read_text(encoding="utf-8")
    kb_file.write_text(text.replace('name: "Alphaol"', 'name: "Alphaox"'), encoding="utf-8")  # same size, same second
    assert open_kb(str(kb_file), use_overlay=False).find("alpha").name == "Alphaox"
    assert open_kb(str(kb_file), use_overlay=False).find("alpha").name == "Alphaox"


def test_racy_cache_is_verified_then_trusted_once_the_file_is_old(kb_file, coarse_clock, monkeypatch):
    monkeypatch.setattr(cache, "HASH_LIMIT", 0)
    written = time.time()
    coarse_clock[os.path.realpath(kb_file)] = written
    open_kb(str(kb_file), use_overlay=False)
    (racy,) = _cache_files()
    assert racy.name.count("-") == 3  # kb-<slot>-<key>-<content hash>.bin

    def never_parse(*_a, **_k):
        raise AssertionError("parsed although the cache matches")

    monkeypatch.setattr("skincli.kb.store.parse", never_parse)
    assert open_kb(str(kb_file), use_overlay=False).find("alpha").name == "Alphaol"  # verified by hash
    monkeypatch.setattr(cache.time, "time", lambda: written + 60)  # a minute later: times are trustworthy
    assert open_kb(str(kb_file), use_overlay=False).find("alpha").name == "Alphaol"
    (plain,) = _cache_files()
    assert plain.name.count("-") == 2

    def never_hash(*_a, **_k):
        raise AssertionError("hashed although the file is old")

    monkeypatch.setattr(cache, "_content_hash", never_hash)
    assert open_kb(str(kb_file), use_overlay=False).find("alpha").name == "Alphaol"


# ---- files that are not regular files, leftovers, where the cache lives -----------------------------


def test_a_pipe_is_read_once_and_not_cached(tmp_path):
    fifo = tmp_path / "kb.fifo"
    os.mkfifo(fifo)

    def feed():
        with open(fifo, "wb") as writer:
            writer.write(MINI.read_bytes())

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    assert open_kb(str(fifo), use_overlay=False).find("alpha").name == "Alphaol"
    feeder.join(timeout=10)
    assert cache.probe([fifo]) is None
    assert not cache.cache_dir().exists() or _cache_files() == []


def test_stale_temporary_files_are_removed_by_the_next_writer(kb_file):
    directory = cache.cache_dir()
    directory.mkdir(parents=True)
    old, fresh = directory / ".tmp-killed", directory / ".tmp-running"
    old.write_bytes(b"half a cache")
    fresh.write_bytes(b"being written")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    open_kb(str(kb_file), use_overlay=False)
    assert not old.exists()
    assert fresh.exists()  # another process may still be writing it


@pytest.mark.parametrize(
    "env,expected",
    [
        ({"XDG_CACHE_HOME": "/xdg/cache", "HOME": "/home/u"}, "/xdg/cache/skincli"),
        ({"XDG_CACHE_HOME": "relative/cache", "HOME": "/home/u"}, "/home/u/.cache/skincli"),
        ({"XDG_CACHE_HOME": "", "HOME": "/home/u"}, "/home/u/.cache/skincli"),
        ({"HOME": ""}, "passwd"),
        ({"HOME": "relative"}, "passwd"),
    ],
)
def test_cache_dir_follows_the_xdg_rules(monkeypatch, env, expected):
    monkeypatch.delenv("SKINCLI_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    if expected == "passwd":
        home = pwd.getpwuid(os.getuid()).pw_dir
        assert cache.cache_dir() == (Path(home) / ".cache" / "skincli" if os.path.isabs(home) else None)
        assert cache.cache_dir() != Path("/.cache/skincli") or home == "/"
    else:
        assert cache.cache_dir() == Path(expected)


def test_no_home_at_all_means_no_cache_but_a_working_lookup(kb_file, monkeypatch):
    monkeypatch.delenv("SKINCLI_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", "")
    monkeypatch.setattr(pwd, "getpwuid", lambda uid: (_ for _ in ()).throw(KeyError(uid)))
    assert cache.cache_dir() is None
    assert open_kb(str(kb_file), use_overlay=False).find("alpha").name == "Alphaol"


def test_relative_xdg_config_home_is_ignored_for_the_overlay(tmp_path, monkeypatch):
    from skincli.kb.store import overlay_path

    monkeypatch.delenv("SKINCLI_OVERLAY")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rel" / "skincli").mkdir(parents=True)
    (tmp_path / "rel" / "skincli" / "overlay.yaml").write_text("ingredients: []\n")
    monkeypatch.setenv("XDG_CONFIG_HOME", "rel")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert overlay_path() is None
