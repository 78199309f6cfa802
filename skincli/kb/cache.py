"""A parsed-knowledge-base cache: one file per knowledge base, keyed so it can never serve stale data.

The key covers every input file's real path, size, mtime, ctime and inode, a content hash for files
up to HASH_LIMIT bytes, the program version and the cache layout. A file edited in any way changes
its ctime, so even an edit that restores size and mtime misses the cache. Files are written to a
temporary name and renamed, so a killed process never leaves a half-written cache; an unreadable or
corrupt cache is ignored and rebuilt; an unwritable cache directory only costs speed.

Layout: MAGIC, 8-byte header length, marshal(header), then one marshal blob per ingredient and source,
so `show` reads only the records it needs, whatever the size of the knowledge base.
"""

from __future__ import annotations

import marshal
import os
import struct
from pathlib import Path
from typing import Any

from skincli import __version__

try:  # blake2 without hashlib's OpenSSL extension, which alone cost ~2 ms of start-up
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other Python builds
    from hashlib import blake2b

# Bump the last byte whenever the header or record layout changes: it is part of every cache key.
MAGIC = b"SKNCLI\x00\x04"  # 4: the header gains groups and interactions
HASH_LIMIT = 2 * 1024 * 1024  # above this, size+mtime+ctime+inode alone; hashing would cost ms per run


def cache_dir() -> Path:
    """$SKINCLI_CACHE_DIR, else $XDG_CACHE_HOME/skincli, else ~/.cache/skincli."""
    explicit = os.environ.get("SKINCLI_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "skincli"


def fingerprint(paths: list[Path]) -> str:
    """A key that changes whenever any input file, the program or the layout changes."""
    digest = blake2b(digest_size=20)
    digest.update(MAGIC + __version__.encode())
    for path in paths:
        st = path.stat()
        digest.update(
            f"{os.path.realpath(path)}|{st.st_size}|{st.st_mtime_ns}|{st.st_ctime_ns}|{st.st_ino}|{st.st_dev}\n".encode()
        )
        if st.st_size <= HASH_LIMIT:
            digest.update(blake2b(path.read_bytes(), digest_size=20).digest())
    return digest.hexdigest()


def _slot(paths: list[Path]) -> str:
    """The file name prefix for one set of inputs; an edit replaces the file in this slot."""
    joined = "|".join(os.path.realpath(p) for p in paths)
    return "kb-" + blake2b(joined.encode(), digest_size=10).hexdigest()


class CachedStore:
    """Read access to one cache file: the header at once, records on demand."""

    def __init__(self, path: Path, header: dict[str, Any], data_start: int) -> None:
        self.path = path
        self.header = header
        self._start = data_start
        self._handle: Any = None

    def record(self, table: str, key: str) -> Any:
        where = self.header[table].get(key)
        if where is None:
            return None
        if self._handle is None:
            self._handle = open(self.path, "rb")  # noqa: SIM115 - kept open for the process's few reads
        self._handle.seek(self._start + where[0])
        return marshal.loads(self._handle.read(where[1]))


def load(paths: list[Path]) -> tuple[str, CachedStore | None]:
    """Return (key, store) — store is None on a miss, a corrupt file, or any OS problem."""
    try:
        key = fingerprint(paths)
    except OSError:
        return "", None
    path = cache_dir() / f"{_slot(paths)}-{key}.bin"
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
            if len(head) != 16 or head[:8] != MAGIC:
                raise ValueError("bad magic")
            (length,) = struct.unpack("<Q", head[8:])
            if length > os.fstat(handle.fileno()).st_size:
                raise ValueError("truncated header")
            header = marshal.loads(handle.read(length))
            if not isinstance(header, dict) or header.get("key") != key:
                raise ValueError("foreign header")
            return key, CachedStore(path, header, 16 + length)
    except FileNotFoundError:
        return key, None
    except Exception:  # any damage at all: drop the file and rebuild from the YAML
        _remove(path)
        return key, None


def save(paths: list[Path], key: str, header: dict[str, Any], tables: dict[str, dict[str, Any]]) -> None:
    """Write a cache file atomically; silently give up when the directory is not writable."""
    if not key:
        return
    directory = cache_dir()
    slot = _slot(paths)
    blob = bytearray()
    header = dict(header, key=key)
    for table, records in tables.items():
        offsets: dict[str, tuple[int, int]] = {}
        for record_id, record in records.items():
            data = marshal.dumps(record)
            offsets[record_id] = (len(blob), len(data))
            blob += data
        header[table] = offsets
    head = marshal.dumps(header)
    import tempfile

    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=directory)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(MAGIC + struct.pack("<Q", len(head)) + head + blob)
            os.replace(tmp, directory / f"{slot}-{key}.bin")
        except BaseException:
            _remove(Path(tmp))
            raise
        for old in directory.glob(f"{slot}-*.bin"):
            if old.name != f"{slot}-{key}.bin":
                _remove(old)
    except OSError:
        return


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
