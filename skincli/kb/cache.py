"""A parsed-knowledge-base cache: one file per knowledge base, keyed so it can never serve stale data.

The key covers every input file's real path, size, mtime, ctime and inode, a content hash for files
up to HASH_LIMIT bytes, the program version and the cache layout. A file edited in any way changes
its ctime, so even an edit that restores size and mtime misses the cache.

Coarse timestamps: on a file system with 1- or 2-second times, a large file (not content-hashed) edited
in place within the same tick as the run that cached it would keep its size, times and inode. So when
a large file's mtime or ctime is within RACY_SECONDS of the moment it was looked at (as git does for
its index), the cache is written under a name that adds the hash of the bytes parsed, and a later run
hashes the file to find it; once the file is older than that window, the first run that verifies the
hash renames the cache to its plain name, and runs after it no longer hash.

Damage: the header and every record carry a CRC-32, checked before use (it catches accidental damage:
a cache directory someone else can write to could as well hold a different knowledge base). Any problem reading the cache
(a short file, a flipped byte, a vanished file, an OS error) is a miss: the file is deleted and the
knowledge base is read from its YAML again, also when the damage shows only in a record read later.
Files are written to a temporary name and renamed, so a killed process never leaves a half-written
cache; a temporary file left by a killed writer is removed by a later writer once it is old. An
unwritable cache directory only costs speed. Only regular files are cached: a pipe or a device is read
once and parsed every time.

Layout: MAGIC, 8-byte header length, 4-byte header CRC-32, marshal(header), then per ingredient
and source a 4-byte CRC-32 followed by its marshal blob, so `show` reads and checks only the
records it needs, whatever the size of the knowledge base.
"""

from __future__ import annotations

import marshal
import os
import stat
import struct
import time
from pathlib import Path
from typing import Any, BinaryIO

from skincli import __version__

try:  # blake2 without hashlib's OpenSSL extension, which alone cost ~2 ms of start-up
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other Python builds
    from hashlib import blake2b
try:  # CRC-32 for damage checks: 2.8 MB (a 10,000-ingredient header) in ~1.5 ms, blake2b took ~6 ms
    from zlib import crc32
except ImportError:  # pragma: no cover - Python without zlib
    from binascii import crc32

# Bump the last byte whenever the header or record layout changes: it is part of every cache key.
MAGIC = b"SKNCLI\x00\x05"  # 5: CRC-checked records, and a header with groups and interactions
HASH_LIMIT = 2 * 1024 * 1024  # above this, size+mtime+ctime+inode alone; hashing would cost ms per run
RACY_SECONDS = 3.0  # FAT keeps 2-second times; a second more for clocks that disagree a little
STALE_TEMP_SECONDS = 15 * 60  # a writer takes well under a second; older temporary files are leftovers
_PREAMBLE = struct.Struct("<8sQI")  # magic, header length, header CRC-32
_CRC = struct.Struct("<I")  # the CRC-32 before each record


class Damaged(Exception):
    """The cache file cannot be read or does not match its checksums."""


def cache_dir() -> Path | None:
    """$SKINCLI_CACHE_DIR, else $XDG_CACHE_HOME/skincli, else ~/.cache/skincli; None when there is no home.

    As the XDG base-directory spec says, a relative XDG_CACHE_HOME is ignored; an empty or relative
    HOME is not used either (the account's home from the password database is, when there is one).
    """
    explicit = os.environ.get("SKINCLI_CACHE_DIR")
    if explicit:
        return Path(explicit)
    from skincli.kb.store import xdg_base

    base = xdg_base("XDG_CACHE_HOME", ".cache")
    return base / "skincli" if base else None


class Probe:
    """What one run found out about its input files: the cache key, and the bytes read to compute it.

    `data` holds each file's bytes once read (small files are read for the key), so that a cache miss
    parses exactly the bytes that were hashed and no file is read twice.
    """

    def __init__(self, paths: list[Path]) -> None:
        self.paths = paths
        self.data: list[bytes | None] = [None] * len(paths)
        self.sizes: list[int] = []
        self.large: list[int] = []  # indexes of files whose content is not part of the key
        self.racy = False  # a large file's times are too recent to tell a later same-tick edit apart
        self.key = ""


def probe(paths: list[Path]) -> Probe | None:
    """The key for these files, or None when one is not a regular file or cannot be read (no caching)."""
    found = Probe(paths)
    digest = blake2b(digest_size=20)
    digest.update(MAGIC + __version__.encode())
    try:
        for index, path in enumerate(paths):
            looked_at = time.time()
            st = os.stat(path)
            if not stat.S_ISREG(st.st_mode):
                return None
            found.sizes.append(st.st_size)
            digest.update(
                f"{os.path.realpath(path)}|{st.st_size}|{st.st_mtime_ns}|{st.st_ctime_ns}|{st.st_ino}|{st.st_dev}\n".encode()
            )
            if st.st_size <= HASH_LIMIT:
                with open(path, "rb") as handle:
                    data = handle.read(HASH_LIMIT + 1)
                if len(data) > HASH_LIMIT:  # it grew since the stat: let the parser read it, uncached
                    return None
                found.data[index] = data
                digest.update(blake2b(data, digest_size=20).digest())
            else:
                found.large.append(index)
                if max(st.st_mtime, st.st_ctime) > looked_at - RACY_SECONDS:  # also any time in the future
                    found.racy = True
    except OSError:
        return None
    found.key = digest.hexdigest()
    return found


def _slot(paths: list[Path]) -> str:
    """The file name prefix for one set of inputs; an edit replaces the file in this slot."""
    joined = "|".join(os.path.realpath(p) for p in paths)
    return "kb-" + blake2b(joined.encode(), digest_size=10).hexdigest()


def _content_hash(found: Probe) -> str:
    """The hash of the large files' bytes, for the name of a cache written while they were racy."""
    digest = blake2b(digest_size=16)
    for index in found.large:
        data = found.data[index]
        if data is None:
            from skincli.kb.store import MAX_BYTES

            with open(found.paths[index], "rb") as handle:
                data = found.data[index] = handle.read(MAX_BYTES + 1)
        digest.update(blake2b(data, digest_size=20).digest())
    return digest.hexdigest()


class CachedStore:
    """Read access to one open cache file: the header at once, records on demand, each checked.

    The file stays open from the header's check to the last record, so a concurrent run that removes
    or replaces the file cannot pull it away in between.
    """

    def __init__(self, path: Path, handle: BinaryIO, header: dict[str, Any], data_start: int) -> None:
        self.path = path
        self.header = header
        self._handle = handle
        self._start = data_start

    def record(self, table: str, key: str) -> Any:
        """The record, or None when there is none by that key; raises Damaged on any read problem."""
        where = self.header[table].get(key)
        if where is None:
            return None
        try:
            self._handle.seek(self._start + where[0])
            blob = self._handle.read(where[1])
            if len(blob) != where[1] or _CRC.unpack_from(blob)[0] != crc32(memoryview(blob)[_CRC.size :]):
                raise Damaged(f"record {table}/{key} does not match its checksum")
            return marshal.loads(memoryview(blob)[_CRC.size :])
        except Damaged:
            raise
        except Exception as exc:  # OSError, EOFError, ValueError from marshal...: all mean a damaged cache
            raise Damaged(f"record {table}/{key}: {exc}") from None

    def discard(self) -> None:
        """Delete the damaged file so that no later run trips over it."""
        _remove(self.path)


def load(found: Probe) -> CachedStore | None:
    """The cache for these files, or None on a miss, a damaged file, or any OS problem."""
    directory = cache_dir()
    if directory is None or not found.key:
        return None
    slot = _slot(found.paths)
    path = directory / f"{slot}-{found.key}.bin"
    store = _open(path, found.key)
    if store is not None or not found.large:
        return store
    # A cache written while a large file was racy carries the file's content hash in its name.
    try:
        candidates = list(directory.glob(f"{slot}-{found.key}-*.bin"))
        if not candidates:
            return None
        racy_path = directory / f"{slot}-{found.key}-{_content_hash(found)}.bin"
    except OSError:
        return None
    store = _open(racy_path, found.key)
    if store is not None and not found.racy:
        try:  # the file is now too old for a same-tick edit: later runs may trust its times alone
            os.replace(racy_path, path)
            store.path = path
        except OSError:
            pass
    return store


def _open(path: Path, key: str) -> CachedStore | None:
    try:
        handle = open(path, "rb")  # noqa: SIM115 - kept open for the run's record reads
    except OSError:
        return None
    try:
        magic, length, check = _PREAMBLE.unpack(handle.read(_PREAMBLE.size))
        if magic != MAGIC:
            raise Damaged("bad magic")
        if length > os.fstat(handle.fileno()).st_size:
            raise Damaged("truncated header")
        head = handle.read(length)
        if crc32(head) != check:
            raise Damaged("header does not match its checksum")
        header = marshal.loads(head)
        if not isinstance(header, dict) or header.get("key") != key:
            raise Damaged("foreign header")
        return CachedStore(path, handle, header, _PREAMBLE.size + length)
    except Exception:  # any damage at all: drop the file and rebuild from the YAML
        handle.close()
        _remove(path)
        return None


def save(found: Probe, header: dict[str, Any], tables: dict[str, dict[str, Any]]) -> None:
    """Write a cache file atomically; silently give up when the directory is not writable."""
    directory = cache_dir()
    if directory is None or not found.key:
        return
    slot = _slot(found.paths)
    try:
        name = f"{slot}-{found.key}-{_content_hash(found)}.bin" if found.racy else f"{slot}-{found.key}.bin"
    except OSError:
        return
    parts: list[bytes] = []
    size = 0
    header = dict(header, key=found.key)
    for table, records in tables.items():
        offsets: dict[str, tuple[int, int]] = {}
        for record_id, record in records.items():
            data = marshal.dumps(record)
            parts += (_CRC.pack(crc32(data)), data)
            offsets[record_id] = (size, _CRC.size + len(data))
            size += _CRC.size + len(data)
        header[table] = offsets
    head = marshal.dumps(header)
    import tempfile

    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=directory)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(_PREAMBLE.pack(MAGIC, len(head), crc32(head)) + head)
                handle.writelines(parts)
            os.replace(tmp, directory / name)
        except BaseException:
            _remove(Path(tmp))
            raise
        for old in directory.glob(f"{slot}-*.bin"):
            if old.name != name:
                _remove(old)
        _remove_stale_temporaries(directory)
    except OSError:
        return


def _remove_stale_temporaries(directory: Path) -> None:
    """Temporary files a killed writer left behind; a running writer's file is younger than this."""
    limit = time.time() - STALE_TEMP_SECONDS
    for leftover in directory.glob(".tmp-*"):
        try:
            if leftover.lstat().st_mtime < limit:
                leftover.unlink()
        except OSError:
            pass


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
