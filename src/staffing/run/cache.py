"""The result cache of `staffing check`: unchanged plans are not checked again.

An entry is keyed on the plan file's content (BLAKE2b), the settings that change results
(--rules, --select, --ignore, limits) and the tool (its version and a hash of the content
of its own source files and shipped packs).  The entry records which rule pack the plan
was checked against and the fingerprint of that pack's content (every file in its
`extends` chain); a hit counts only while that fingerprint is unchanged, so editing a
pack re-checks exactly the plans it covers.

Storage is one SQLite file, ``.staffing-cache/results.sqlite3`` in the working directory
(or ``$STAFFING_CACHE_DIR``): writes are transactions (atomic), readers and a writer may
overlap, and values are JSON (never pickle: a cache folder can come with a checkout).
A corrupt entry is a miss; a corrupt or unreadable database is moved aside, or ignored;
no cache problem ever fails a check.

A second table maps a *stat key* (the tool and settings context, the path, and the file's
device, inode, size, mtime_ns and ctime_ns) to the content key, so a warm run need not read
and hash files that have not changed: the trade-off git and make make.  A stat key is only
recorded for a file whose mtime and ctime are at least `RACY_NS` older than the moment it
was read (git's "racily clean" rule), so a rewrite within the file system's timestamp
granularity cannot hide behind an unchanged stat; any rewrite afterwards changes ctime.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Any

from staffing import __version__

SCHEMA = 1
RACY_NS = 2_000_000_000  # FAT's mtime granularity is 2 s; everything else is finer
_BATCH = 500  # bound parameters per query, well under SQLite's oldest limit (999)
_TABLES = (
    "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS stats (pre TEXT PRIMARY KEY, key TEXT NOT NULL)",
)


def cache_dir() -> Path:
    return Path(os.environ.get("STAFFING_CACHE_DIR") or ".staffing-cache")


@lru_cache(maxsize=1)
def tool_fingerprint() -> str:
    """The version plus a hash of the content of every source file of the package and
    of every shipped pack, so an edited check invalidates what it may have changed (and
    a file merely touched, checked out again or copied does not).  Computed once per
    process: ~0.4 MB read and hashed, a few milliseconds."""
    from staffing.packs.load import pack_dirs

    h = hashlib.blake2b(f"{__version__}:{SCHEMA}".encode(), digest_size=16)
    root = Path(__file__).resolve().parents[1]  # staffing/
    files = [(f"src/{f.relative_to(root).as_posix()}", f) for f in root.rglob("*.py")]
    for folder in pack_dirs():
        files += [(f"rules/{f.name}", f) for f in folder.glob("*.yaml")]
    for name, f in sorted(files):
        try:
            data = f.read_bytes()
        except OSError:
            data = b"\xff"  # unreadable: still a stable, distinct input
        h.update(f"{name}:{len(data)}:".encode())
        h.update(data)
    return h.hexdigest()


def settings_fingerprint(settings: Any) -> str:
    parts = [
        settings.rules or "",
        ",".join(sorted(settings.select)),
        ",".join(sorted(settings.ignore)),
        repr(settings.limits),
    ]
    if settings.rules:
        parts.append(pack_fingerprint(settings.rules))
    return "|".join(parts)


def file_key(raw: bytes, context: str) -> str:
    h = hashlib.blake2b(raw, digest_size=20)
    h.update(context.encode())
    return h.hexdigest()


@lru_cache(maxsize=256)
def pack_fingerprint(ref: str) -> str:
    """Hash of the content of every file in the pack's extends chain ("" when it does not
    resolve; such results are not cached)."""
    try:
        from staffing.packs.load import resolve

        pack = resolve(ref)
    except Exception:
        return ""
    files = pack.files
    if not files:
        return ""
    h = hashlib.blake2b(digest_size=16)
    for f in files:
        try:
            h.update(Path(f).read_bytes())
        except OSError:
            return ""
        h.update(b"\0")
    h.update(pack.id.encode())
    return h.hexdigest()


def stat_key(context: str, path: str, info: os.stat_result) -> str:
    """The pre-key of a file: context (tool, settings, shown path), absolute path and stat."""
    h = hashlib.blake2b(digest_size=20)
    h.update(f"{context}|{path}|{info.st_dev}|{info.st_ino}|{info.st_size}|{info.st_mtime_ns}|"
             f"{info.st_ctime_ns}".encode())
    return h.hexdigest()


def _entry(text: Any) -> dict[str, Any] | None:
    try:
        value = json.loads(text)
    except (ValueError, TypeError):
        return None
    if not isinstance(value, dict) or value.get("schema") != SCHEMA:
        return None
    return value


class Cache:
    """Get and put JSON records by key.  Every method swallows cache trouble."""

    def __init__(self, directory: Path | None = None, readonly: bool = False) -> None:
        self.dir = directory or cache_dir()
        self.file = self.dir / "results.sqlite3"
        self.readonly = readonly
        self._db: sqlite3.Connection | None = None
        self.broken = False

    def _conn(self) -> sqlite3.Connection | None:
        if self._db is not None or self.broken:
            return self._db
        try:
            if self.readonly:
                if not self.file.exists():
                    self.broken = True
                    return None
                db = sqlite3.connect(f"file:{self.file}?mode=ro", uri=True, timeout=10)
            else:
                self.dir.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(str(self.file), timeout=30)
                db.execute("PRAGMA journal_mode=WAL")
                for sql in _TABLES:
                    db.execute(sql)
            db.execute("SELECT count(*) FROM entries WHERE key = ''").fetchone()
            self._db = db
        except sqlite3.DatabaseError:
            self.broken = True
            if not self.readonly:
                self._move_aside()
                try:
                    db = sqlite3.connect(str(self.file), timeout=30)
                    for sql in _TABLES:
                        db.execute(sql)
                    self._db = db
                    self.broken = False
                except sqlite3.DatabaseError:
                    self._db = None
        except OSError:
            self.broken = True
        return self._db

    def _move_aside(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            f = Path(str(self.file) + suffix)
            try:
                if f.exists():
                    os.replace(f, f.with_name(f.name + ".corrupt"))
            except OSError:
                pass

    def get(self, key: str) -> dict[str, Any] | None:
        db = self._conn()
        if db is None:
            return None
        try:
            row = db.execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError:
            return None
        if row is None:
            return None
        return _entry(row[0])

    def _select(self, sql: str, keys: list[str]) -> list[tuple[Any, Any]]:
        """Rows of `sql` (with one `{}` for the placeholders) for every key, a few hundred
        keys per query; [] on any database trouble."""
        db = self._conn()
        if db is None or not keys:
            return []
        rows: list[tuple[Any, Any]] = []
        try:
            for i in range(0, len(keys), _BATCH):
                part = keys[i:i + _BATCH]
                rows += db.execute(sql.format(",".join("?" * len(part))), part).fetchall()
        except sqlite3.DatabaseError:
            return []
        return rows

    def get_many(self, keys: list[str]) -> dict[str, dict[str, Any]]:
        """The well-formed entries among `keys` (one query per few hundred keys)."""
        out: dict[str, dict[str, Any]] = {}
        for key, value in self._select("SELECT key, value FROM entries WHERE key IN ({})", keys):
            entry = _entry(value)
            if entry is not None and isinstance(key, str):
                out[key] = entry
        return out

    def get_stat_keys(self, pres: list[str]) -> dict[str, str]:
        """Content key per stat key, for the stat keys that have one."""
        return {pre: key for pre, key in self._select("SELECT pre, key FROM stats WHERE pre IN ({})", pres)
                if isinstance(pre, str) and isinstance(key, str) and len(key) == 40}

    def put_many(self, items: list[tuple[str, dict[str, Any]]],
                 stat_keys: list[tuple[str, str]] | None = None) -> None:
        if not items and not stat_keys:
            return
        db = self._conn()
        if db is None:
            return
        try:
            with db:
                db.executemany(
                    "INSERT OR REPLACE INTO entries (key, value) VALUES (?, ?)",
                    [(k, json.dumps(v, ensure_ascii=False, default=str)) for k, v in items],
                )
                if stat_keys:
                    db.executemany("INSERT OR REPLACE INTO stats (pre, key) VALUES (?, ?)", stat_keys)
        except (sqlite3.DatabaseError, OSError):
            pass

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None
