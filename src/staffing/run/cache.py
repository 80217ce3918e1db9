"""The result cache of `staffing check`: unchanged plans are not checked again.

Nothing in the cache can change a verdict.  It lives in the user's cache folder
(``$XDG_CACHE_HOME/staffing``, else ``~/.cache/staffing``), never in the checked tree; CI
can point it elsewhere (``--cache-dir`` or ``cache_dir`` in staffing.toml) or turn it off
(``--no-cache``).  Every entry is authenticated: a MAC (keyed BLAKE2b) over its key and
value with a random key made for this user and kept in the cache folder (mode 0600), so an
entry made anywhere else -- a database committed to a repository, copied from another
machine, or edited by hand -- is a miss.  A cache folder, database or key that is a
symbolic link, not a regular file or folder, or not the user's own is not used at all.  An
authentic entry is still held to its typed layout (`batch.fits`, a county's
`_valid_county_record`) before use; one that does not fit is a miss and is replaced.  A corrupt or unreadable database is moved aside or
ignored; no cache problem ever fails a check.

An entry is keyed on the plan file's content (BLAKE2b), the settings that change results
(--rules, --select, --ignore, limits) and the tool (its version and a hash of the content
of its own source files and shipped packs).  The entry records which rule pack the plan
was checked against and the fingerprint of that pack's content (every file in its
`extends` chain); a hit counts only while that fingerprint is unchanged, so editing a
pack re-checks exactly the plans it covers.

Storage is one SQLite file, ``results.sqlite3``: writes are transactions (atomic), readers
and a writer may overlap.  Values are plain data (tuples, lists, dicts, strings, numbers,
None) written with `marshal`, which reads them back several times faster than JSON.  Neither
`marshal` nor anything like `pickle` is safe on bytes made by someone else (a crafted value
can crash the interpreter), so a value is unmarshalled only after its MAC has been checked:
only bytes this user's key signed, i.e. that this tool wrote, are ever decoded.

A second table maps a *stat key* (the tool and settings context, the path, and the file's
device, inode, size, mtime_ns and ctime_ns) to the content key, so a warm run need not read
and hash files that have not changed: the trade-off git and make make.  It holds one row per
file, keyed by a hash of the context and the path; the row's MAC is over that key, the stat
it was written for (its *stamp*) and the content key, so a row is used only when it was
written for the file's stat now, and a file whose stat changed gets its row replaced: edits
do not add rows.  (The stamp is not stored: the MAC of a row is worked out with the stamp of
the file now, and a row written for another stat does not match it.)  Nor do edits add
entries without end: the entries no stat row refers to any more (the plan as it was before
an edit) are deleted once there are many (`_prune`); a deleted entry is a miss.  A stat key
is only recorded for a file whose mtime and ctime are at least `RACY_NS` older than the moment it
was read (git's "racily clean" rule), so a rewrite within the file system's timestamp
granularity cannot hide behind an unchanged stat; any rewrite afterwards changes ctime.

A third table holds one *snapshot* per folder of plans: the content key and entry of each
of the folder's plans, in order, as one signed value, in one row per folder (keyed by a hash
of the context and the folder, `batch.folder_key`) that a new snapshot of the folder
replaces.  The row also holds the *stamp* it was made from, a hash of the plans' stat keys
(which name the tool, the settings, each shown and absolute path and each file's stat,
`batch.folder_stamp`), under the MAC with the key and the value.  A warm run then reads a
folder with one row, one MAC and one unmarshal, when the row's stamp is the folder's stamp
now; a file of the folder changed, added or removed gives another stamp, and the run falls
back to the plans' own rows.  A snapshot is written only of entries held to their layout
(`fits`); read, each of its entries must still be of its file, of this SCHEMA and of its pack
as the pack is now (`batch._Fitting.current`).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import marshal
import os
import secrets
import sqlite3
import stat
from functools import lru_cache
from pathlib import Path
from typing import Any

from staffing import __version__

SCHEMA = 11  # 3: findings and errors carry a workbook's sheet and cell; 4: key figures; 5: citations by title;
# 6: records by field name; 7: key figures as the checks count them (checks.tally); 8: values marshalled, not
# JSON, a plan's result as a fixed tuple (batch.to_entry), each MAC keyed BLAKE2b of the value's bytes;
# 9: a snapshot of each folder's entries (table folders3); 10: one snapshot row per folder, replaced when the
# folder's plans change, the stamp of its plans' stat keys in a signed column (table folders4); 11: one stat
# row per file, replaced when its stat changes (table stats4), and entries no stat row refers to deleted
RACY_NS = 2_000_000_000  # FAT's mtime granularity is 2 s; everything else is finer
# Entries no stat row refers to (of a plan as it was before an edit, of a file still racy, of a
# county): once the entries outnumber the stat rows by more than _LOOSE, a write deletes all of them but
# the newest _KEPT (`_prune`)
_LOOSE = 1000
_KEPT = 500
_ROW = 40  # hexadecimal digits of a stat row's key, the start of a stat key (`stat_key`)
_BATCH = 500  # bound parameters per query, well under SQLite's oldest limit (999)
_MMAP = 1 << 30  # bytes of the database a reader maps (SQLite maps no more than the file's size)
KEY_FILE = "key"
DB_FILE = "results.sqlite3"
_KEY_BYTES = 32
# version-3 tables: every row carries its MAC, values are marshalled bytes; tables of older
# versions (entries2 and stats2 held JSON text; folders3, SCHEMA 9, a row per state of a folder) are
# left unread; so is stats3 (SCHEMA 8 to 10, a row per stat of a file, where stats4 has one per file)
_TABLES = (
    "CREATE TABLE IF NOT EXISTS entries3 (key TEXT PRIMARY KEY, value BLOB NOT NULL, mac BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS stats4 (pre TEXT PRIMARY KEY, key TEXT NOT NULL, mac BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS folders4 (key TEXT PRIMARY KEY, stamp TEXT NOT NULL, value BLOB NOT NULL,"
    " mac BLOB NOT NULL)",
)
MISSING: Any = object()  # no authentic value (a miss)


def user_cache_dir() -> Path:
    """The user's cache folder for staffing: $XDG_CACHE_HOME/staffing (an absolute path, as
    the XDG base-directory specification requires), else ~/.cache/staffing."""
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "staffing"


def cache_dir(chosen: str | os.PathLike[str] | None = None) -> Path:
    """The folder a run uses: the one chosen (--cache-dir, staffing.toml), else
    $STAFFING_CACHE_DIR, else the user's cache folder."""
    if chosen:
        return Path(chosen)
    env = os.environ.get("STAFFING_CACHE_DIR")
    return Path(env) if env else user_cache_dir()


def _own(info: os.stat_result) -> bool:
    getuid = getattr(os, "getuid", None)
    return getuid is None or info.st_uid == getuid()


def _trusted_dir(directory: Path) -> bool:
    """The folder exists (made 0700 if not), is a real folder (not a link) and is ours."""
    try:
        info = os.lstat(directory)
    except FileNotFoundError:
        try:
            directory.mkdir(mode=0o700, parents=True)
            info = os.lstat(directory)
        except OSError:
            return False
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and _own(info) and not info.st_mode & 0o022


def _trusted_file(path: Path) -> bool:
    """Absent, or a regular file (not a link) that is ours."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and _own(info)


def _read_key(path: Path) -> bytes | None:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or not _own(info) or info.st_mode & 0o077:
            return None
        data = os.read(fd, _KEY_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return data if len(data) == _KEY_BYTES else None


def _make_key(path: Path) -> bytes | None:
    """A fresh random key, written 0600 with O_EXCL (never through a link); if another run
    made one first, that one."""
    secret = secrets.token_bytes(_KEY_BYTES)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except FileExistsError:
        return _read_key(path)
    except OSError:
        return None
    try:
        os.write(fd, secret)
        os.fsync(fd)
    except OSError:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(path)
        return None
    os.close(fd)
    return secret


def open_location(directory: Path) -> tuple[Path, bytes] | None:
    """(folder, key) when the cache folder can be trusted, else None (the run goes without
    a cache).  Refused: a folder, database, journal or key that is a symbolic link, not a
    regular file or folder, or owned by someone else; a folder others may write to; a key
    file others may read."""
    if not _trusted_dir(directory):
        return None
    for name in (DB_FILE, DB_FILE + "-wal", DB_FILE + "-shm", DB_FILE + "-journal", KEY_FILE):
        if not _trusted_file(directory / name):
            return None
    key_path = directory / KEY_FILE
    if os.path.lexists(key_path) and _committed(directory):
        return None
    secret = _read_key(key_path)
    if secret is None and not os.path.lexists(key_path):
        secret = _make_key(key_path)
    if secret is None:
        return None
    return directory, secret


def _committed(directory: Path) -> bool:
    """Whether the cache folder's key or database is committed to the git repository the
    folder lies in: made by whoever committed it, and checked out as ours (a checkout under
    umask 077 gives the key the very mode a key of ours has).  Asked of git (`ls-files`); in
    a repository git cannot answer for (not installed, not the user's), taken as committed:
    the run goes without the cache, never with someone else's."""
    import shutil
    import subprocess

    folder = Path(os.path.abspath(directory))
    root = next((p for p in (folder, *folder.parents) if (p / ".git").exists()), None)
    if root is None:
        return False
    git = shutil.which("git")
    if git is None:
        return True
    try:
        done = subprocess.run([git, "-C", str(root), "ls-files", "-z", "--", str(folder / KEY_FILE),
                               str(folder / DB_FILE)], capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return True
    return done.returncode != 0 or bool(done.stdout)


def mac(secret: bytes, kind: str, key: str, value: str | bytes) -> bytes:
    """The MAC of one row: what it is ("entry", "stat", "folder"), its key (hexadecimal; a folder's
    row is signed under `folder_signed` of its key and stamp, a stat row under the whole
    `stat_key`, its row's key and the file's stat) and its value (bytes as stored; a
    string is signed as its UTF-8), hashed with keyed BLAKE2b, which is a
    MAC by design (RFC 7693; hashlib's documentation gives it as a faster HMAC) and takes
    one pass over a short row where HMAC-SHA256 takes four compressions at least."""
    if isinstance(value, str):
        value = value.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(b"%s\0%s\0%s" % (kind.encode(), key.encode(), value), key=secret,
                           digest_size=32).digest()


def folder_signed(key: str, stamp: str) -> str:
    """What a folder's row is signed under: its key and the stamp it was made from (both
    hexadecimal), so that neither can be changed nor the row moved to another folder."""
    return f"{key}:{stamp}"


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
        "\0".join(getattr(settings, "packs", ())),
        ",".join(sorted(settings.select)),
        ",".join(sorted(settings.ignore)),
        repr(settings.limits),
    ]
    if settings.rules:
        parts.append(pack_fingerprint(settings.rules, getattr(settings, "packs", ())))
    return "|".join(parts)


def file_key(raw: bytes, context: str) -> str:
    h = hashlib.blake2b(raw, digest_size=20)
    h.update(context.encode())
    return h.hexdigest()


@lru_cache(maxsize=256)
def pack_fingerprint(ref: str, folders: tuple[str, ...] = ()) -> str:
    """Hash of the content of every file in the pack's extends chain ("" when it does not
    resolve; such results are not cached)."""
    try:
        from staffing.packs.load import resolve

        pack = resolve(ref, folders)
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
    h.update(f"{pack.id}\0{pack.origin}".encode())
    return h.hexdigest()


def stat_key(context: str, path: str, info: os.stat_result) -> str:
    """The stat key of a file: the key of its stat row (a hash of the context -- tool, settings,
    shown path -- and the absolute path, `_ROW` hexadecimal digits), a colon, and its stamp: the
    file's device, inode, size, mtime_ns and ctime_ns."""
    row = hashlib.blake2b(f"{context}|{path}".encode(), digest_size=_ROW // 2).hexdigest()
    return f"{row}:{info.st_dev}:{info.st_ino}:{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}"


def encode(value: Any) -> bytes:
    """The bytes a value is stored as: `marshal` of plain data.  Anything marshal does not
    take (a subclass of str or tuple, say) goes through JSON first, as values used to (`str`
    of what JSON does not know)."""
    try:
        return marshal.dumps(value)
    except ValueError:
        return marshal.dumps(json.loads(json.dumps(value, ensure_ascii=False, default=str)))


def decode(blob: bytes) -> Any:
    """The value of an entry WHOSE MAC HAS BEEN CHECKED (`Cache.blobs`, `Cache.stat_blobs`):
    `marshal` is not safe on bytes from anyone else and must never see them.  MISSING if it
    does not decode."""
    try:
        return marshal.loads(blob)
    except (ValueError, EOFError, TypeError):
        return MISSING


def _prune(db: sqlite3.Connection, written: int) -> None:
    """Delete the entries no stat row refers to, all but the newest `_KEPT` (and those just
    written), once there are more than `_LOOSE` more entries than stat rows.  Such an entry
    still answers a file that is racy (no stat row yet) or whose content is back to an earlier
    state (an edit undone, a branch checked out again), a county, or a plan under another path
    or other settings: the newest are kept for those.  A deleted entry is a miss, never another
    verdict.  (A row's rowid is the order it was written in: INSERT OR REPLACE inserts anew.)"""
    entries = db.execute("SELECT count(*) FROM entries3").fetchone()[0]
    if entries > db.execute("SELECT count(*) FROM stats4").fetchone()[0] + _LOOSE:
        db.execute("DELETE FROM entries3 WHERE rowid IN (SELECT rowid FROM entries3 WHERE key NOT IN"
                   " (SELECT key FROM stats4) ORDER BY rowid DESC LIMIT -1 OFFSET ?)", (max(_KEPT, written),))


class Cache:
    """Get and put values by key, each authenticated with the user's key.  Every method
    swallows cache trouble; an entry whose MAC does not match is a miss (and never decoded)."""

    def __init__(self, directory: Path, secret: bytes, readonly: bool = False) -> None:
        self.dir = directory
        self.secret = secret
        self.file = self.dir / DB_FILE
        self.readonly = readonly
        self._db: sqlite3.Connection | None = None
        self.broken = False

    @classmethod
    def open(cls, directory: Path) -> Cache | None:
        """The cache in `directory` for writing, or None when that folder cannot be trusted
        (workers, which only read, get the folder and key from the parent)."""
        found = open_location(directory)
        return None if found is None else cls(found[0], found[1])

    def _connect(self, readonly: bool) -> sqlite3.Connection:
        if readonly:
            uri = Path(os.path.abspath(self.file)).as_uri() + "?mode=ro"
            db = sqlite3.connect(uri, uri=True, timeout=10)
            # pages read straight from a memory map, not copied in by a read() each: a warm
            # run's look-ups land on pages all over the file (keys are hashes); ~40 % less
            # time in SQLite.  (The file is never truncated under a reader: no VACUUM.)
            db.execute(f"PRAGMA mmap_size={_MMAP}")
            return db
        db = sqlite3.connect(str(self.file), timeout=30)
        db.execute("PRAGMA journal_mode=WAL")
        for sql in _TABLES:
            db.execute(sql)
        return db

    def _conn(self) -> sqlite3.Connection | None:
        if self._db is not None or self.broken:
            return self._db
        try:
            if self.readonly and not self.file.exists():
                self.broken = True
                return None
            db = self._connect(self.readonly)
            db.execute("SELECT count(*) FROM entries3 WHERE key = ''").fetchone()
            self._db = db
        except (sqlite3.DatabaseError, ValueError):  # ValueError: damaged schema text that is not UTF-8
            self.broken = True
            if not self.readonly:
                self._move_aside()
                try:
                    self._db = self._connect(False)
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

    def _authentic(self, key: Any, blob: Any, tag: Any, kind: str = "entry") -> bytes | None:
        """The stored bytes of one row when its MAC is this user's (not yet decoded), else None."""
        if (type(key) is str and type(blob) is bytes and type(tag) is bytes
                and hmac.compare_digest(tag, mac(self.secret, kind, key, blob))):
            return blob
        return None

    def _select(self, sql: str, keys: list[str]) -> list[tuple[Any, ...]]:
        """Rows of `sql` (with one `{}` for the placeholders) for every key, a few hundred
        keys per query; [] on any database trouble."""
        db = self._conn()
        if db is None or not keys:
            return []
        rows: list[tuple[Any, ...]] = []
        try:
            for i in range(0, len(keys), _BATCH):
                part = keys[i:i + _BATCH]
                rows += db.execute(sql.format(",".join("?" * len(part))), part).fetchall()
        except (sqlite3.Error, OSError, ValueError):
            return []
        return rows

    def blobs(self, keys: list[str]) -> dict[str, bytes]:
        """The authentic stored bytes of plans' entries among `keys`, not decoded (see `decode`)."""
        out: dict[str, bytes] = {}
        for key, blob, tag in self._select("SELECT key, value, mac FROM entries3 WHERE key IN ({})", keys):
            found = self._authentic(key, blob, tag)
            if found is not None:
                out[key] = found
        return out

    def snapshots(self, wanted: list[tuple[str, str]]) -> dict[tuple[str, str], bytes]:
        """The authentic stored bytes of folders' snapshots, not decoded, by (key, stamp) among
        `wanted`: a row whose stamp is not the one wanted is passed over before its MAC is worked
        out."""
        wants = set(wanted)
        out: dict[tuple[str, str], bytes] = {}
        sql = "SELECT key, stamp, value, mac FROM folders4 WHERE key IN ({})"
        for key, stamp, blob, tag in self._select(sql, list({k for k, _ in wants})):
            if (key, stamp) in wants:  # both strings, then: the ones wanted
                found = self._authentic(folder_signed(key, stamp), blob, tag, "folder")
                if found is not None:
                    out[key, stamp] = found
        return out

    def values(self, keys: list[str]) -> dict[str, Any]:
        """The authentic values among `keys`, whatever their shape (the caller checks that)."""
        out: dict[str, Any] = {}
        for key, blob in self.blobs(keys).items():
            value = decode(blob)  # signed with our key: bytes this tool wrote
            if value is not MISSING:
                out[key] = value
        return out

    def get_many(self, keys: list[str]) -> dict[str, dict[str, Any]]:
        """The authentic records among `keys` that are dicts of this SCHEMA (one query per few
        hundred keys)."""
        return {k: v for k, v in self.values(keys).items() if isinstance(v, dict) and v.get("schema") == SCHEMA}

    def stat_blobs(self, pres: list[str]) -> dict[str, tuple[str, bytes | None]]:
        """(content key, the authentic stored bytes of its entry or None) per stat key (`stat_key`)
        that has an authentic content key: one query (a join) for both tables, by the files' rows.
        A row is signed under the whole stat key, its row's key and its stamp: one written for
        another stat of the file does not match."""
        sql = ("SELECT s.pre, s.key, s.mac, e.value, e.mac FROM stats4 AS s LEFT JOIN entries3 AS e"
               " ON e.key = s.key WHERE s.pre IN ({})")
        wanted = {pre[:_ROW]: pre for pre in pres}
        out: dict[str, tuple[str, bytes | None]] = {}
        secret = self.secret
        for row, key, tag, blob, entry_tag in self._select(sql, list(wanted)):
            pre = wanted.get(row)
            if (pre is not None and type(key) is str and type(tag) is bytes and len(key) == 40
                    and hmac.compare_digest(tag, mac(secret, "stat", pre, key))):
                out[pre] = (key, self._authentic(key, blob, entry_tag))
        return out

    def _signed(self, kind: str, key: str, value: Any) -> tuple[bytes, bytes]:
        """The bytes `value` is stored as and their MAC."""
        blob = encode(value)
        return blob, mac(self.secret, kind, key, blob)

    def put_many(self, items: list[tuple[str, Any]], stat_keys: list[tuple[str, str]] | None = None,
                 folders: list[tuple[str, str, Any]] | None = None) -> None:
        """Store entries by content key, content keys by stat key (each replacing its file's row),
        and folders' snapshots (key, stamp, value each), each replacing the folder's row; then,
        when entries were stored, bound the entries no stat row refers to (`_prune`)."""
        if not items and not stat_keys and not folders:
            return
        db = self._conn()
        if db is None:
            return
        rows = [(k, *self._signed("entry", k, v)) for k, v in items]
        try:
            with db:
                db.executemany("INSERT OR REPLACE INTO entries3 (key, value, mac) VALUES (?, ?, ?)", rows)
                if folders:
                    db.executemany("INSERT OR REPLACE INTO folders4 (key, stamp, value, mac) VALUES (?, ?, ?, ?)",
                                   [(k, s, *self._signed("folder", folder_signed(k, s), v)) for k, s, v in folders])
                if stat_keys:
                    db.executemany("INSERT OR REPLACE INTO stats4 (pre, key, mac) VALUES (?, ?, ?)",
                                   [(p[:_ROW], k, mac(self.secret, "stat", p, k)) for p, k in stat_keys])
                if rows:
                    _prune(db, len(rows))
        except (sqlite3.Error, OSError, ValueError):
            pass

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None
