"""Checking many plans: every core, a result cache and a roll-up.

Each plan is checked by `engine.check_source` exactly as a single file is; what this module
adds is the plumbing around it.  It never prints: the progress bar and the roll-up's text
are the reporters' (`staffing.reporters.progress`, `staffing.reporters.rollup`).  Workers (a process pool, in chunks) return a compact,
JSON-able *record* per plan, never the Plan or its Document; the parent turns records
back into `FileResult`s (with a light stand-in for the plan: the reporters only read the
town's name and code) and sorts them by path, so output does not depend on which worker
finished first.  Records are also what the cache stores.
"""

from __future__ import annotations

import gc
import marshal
import os
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from itertools import product
from typing import Any

from staffing.errors import InputProblem
from staffing.findings import RECORD_FIELDS, Finding, Severity, Trail
from staffing.io.load import display_path, read_bytes
from staffing.plan.summary import KeyFigures, PartNames, PlanSummary, TownSummary, TransferSummary
from staffing.run.engine import check_source
from staffing.run.read import Source
from staffing.run.results import FileResult, Settings, is_county
from staffing.words import Words

CHUNK = 64


# ---- records ------------------------------------------------------------------------------


def to_record(result: FileResult, settings: Settings) -> dict[str, Any]:
    summary = result.summary
    rec: dict[str, Any] = {
        "path": result.path,
        "pack_ref": summary.rule_pack if summary is not None else None,
        "town": None,
        "transfers": [],
        "findings": [f.to_record() for f in result.findings],
        "error": None,
    }
    if summary is not None:
        if not result.findings:  # names serve only to match waivers to findings
            summary = replace(summary, names=None)
        rec.update(summary.to_record())
    if result.error is not None:
        rec["error"] = _problem_record(result.error)
        if result.error.also:
            rec["also"] = [_problem_record(e) for e in result.error.also]
    return rec


def _problem_record(e: InputProblem) -> dict[str, Any]:
    return {"file": e.file, "key": e.key, "params": [list(p) for p in e.params], "line": e.line, "column": e.column,
            "sheet": e.sheet, "cell": e.cell}


def _problem_from(v: dict[str, Any]) -> InputProblem:
    params = tuple((k, tuple(x) if isinstance(x, list) else x) for k, x in v["params"])
    return InputProblem(v["file"], v["key"], params, v["line"], v["column"], v["sheet"], v["cell"])


def from_record(rec: dict[str, Any], packs: tuple[str, ...] = ()) -> FileResult:
    result = FileResult(rec["path"])
    if rec.get("town"):
        result.summary = PlanSummary.from_record(rec, rec.get("pack_ref") or "")
    if rec.get("pack_ref"):
        from staffing.packs.load import resolve

        try:
            result.pack = resolve(rec["pack_ref"], packs)
        except InputProblem:
            result.pack = None
    result.findings = [Finding.from_record(v) for v in rec.get("findings") or ()]
    if rec.get("error"):
        result.error = _problem_from(rec["error"])
        if rec.get("also"):
            result.error = replace(result.error, also=tuple(_problem_from(v) for v in rec["also"]))
    return result


# ---- the work of one process ---------------------------------------------------------------


_WORKER: dict[str, Any] = {}


def _cache_context(settings: Settings) -> str:
    from staffing.run.cache import settings_fingerprint, tool_fingerprint

    return tool_fingerprint() + "|" + settings_fingerprint(settings)


class Shown:
    """`display_path` with the working folder's relative path worked out once per folder
    rather than once per plan (os.path.relpath is ~0.08 ms); also the absolute path.  Same
    strings as `display_path`: relpath(head/tail) is relpath(head)/tail for a plain name."""

    def __init__(self) -> None:
        self.cwd = os.getcwd()
        # per folder as the paths write it (up to its last "/"): what goes before the name in
        # the shown path (None: the path as given) and in the absolute path
        self.dirs: dict[str, tuple[str | None, str]] = {}

    def __call__(self, path: str) -> tuple[str, str]:
        """(shown path, absolute path)."""
        if os.sep == "/" and not os.altsep:  # POSIX: cut at the last "/", one string per folder
            cut = path.rfind("/") + 1
            head, tail = path[:cut], path[cut:]
        else:
            head, tail = os.path.split(path)
        if not tail or tail in (".", ".."):
            return display_path(path), os.path.abspath(path)
        known = self.dirs.get(head)
        if known is None:
            known = self.dirs[head] = self._folder(head)
        before, absolute = known
        full = absolute + tail
        if before is None:
            return path, full
        if before:
            return before + tail, full
        return (path if tail.startswith("..") else tail), full

    def _folder(self, head: str) -> tuple[str | None, str]:
        try:
            rel: str | None = os.path.relpath(head or os.curdir)
        except ValueError:
            rel = None
        absolute = os.path.join(os.path.normpath(os.path.join(self.cwd, head)), "")
        if rel is None or rel.startswith(".."):
            return None, absolute
        return ("" if rel == os.curdir else os.path.join(rel, "")), absolute


def _storable(rec: dict[str, Any], key: str | None, settings: Settings) -> str | None:
    """Mark a fresh record for the cache; the key to store it under, or None."""
    from staffing.run.cache import SCHEMA, pack_fingerprint

    if key is not None and rec["pack_ref"] and rec["error"] is None:
        fp = pack_fingerprint(rec["pack_ref"], settings.packs)
        if fp:
            rec["pack_fp"] = fp
            rec["schema"] = SCHEMA
            return key
    return None


def _is_str(v: Any) -> bool:
    return isinstance(v, str)


def _is_int(v: Any, low: int = 0) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v >= low


def _strs(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


_SEVERITIES = frozenset(s.value for s in Severity)


_FINDING_TYPES: dict[str, Callable[[Any], bool]] = {
    "severity": lambda v: v in _SEVERITIES,
    "message": lambda v: _strs(v) and len(v) == 2,
    "line": lambda v: _is_int(v, 1),
    "column": lambda v: _is_int(v, 1),
    "loc": lambda v: isinstance(v, list) and all(_is_str(x) or _is_int(x) for x in v),
    "trail": lambda v: isinstance(v, list) and all(_strs(step) and len(step) == 2 for step in v),
    "source": lambda v: v is None or _is_str(v),
    "numbers": lambda v: isinstance(v, dict) and all(
        _is_str(k) and isinstance(x, (int, float)) and not isinstance(x, bool) for k, x in v.items()),
    "waived": lambda v: v is None,
    "cited": lambda v: v is None or (_strs(v) and len(v) == 2),
}


def valid_finding(v: Any, shown: str) -> bool:
    """A finding's record exactly as `Finding.to_record` makes it, of a check of the
    registry, in the file shown as `shown` (a county file's cached findings; a plan's are
    held in its entry, see `fits`)."""
    from staffing.checks import lookup

    if not (isinstance(v, dict) and v.keys() == RECORD_FIELDS):
        return False
    check = lookup(v["code"]) if isinstance(v["code"], str) else None
    sheet, cell = v["sheet"], v["cell"]
    if not ((sheet is None and cell is None) or (_is_str(sheet) and _is_str(cell))):
        return False
    return bool(check is not None and check.code == v["code"] and check.slug == v["slug"] and v["file"] == shown
                and all(test(v[name]) for name, test in _FINDING_TYPES.items()))


# ---- a checked plan in the cache: one fixed tuple ---------------------------------------------
#
# (SCHEMA, path, pack_ref, pack_fp, town, transfers, figures, names, findings), where
#   town       (name, code, province, city, county)
#   transfers  ((source, level, type, count, document), ...)
#   figures    KeyFigures' values in the order of its fields
#   names      None, or (bodies, dispatched_units, support_institutions, support_center)
#   findings   ((code, severity, message, line, column, loc, trail, source, numbers, sheet, cell,
#                cited), ...): a message and each step of a trail (zh, en), cited (zh, en) or
#                None; the file is the entry's path, the slug the check's, never waived.
# Written with marshal (see run.cache): tuples, strings, numbers and one dict read back in C,
# with no field names; `fits` holds a decoded entry to exactly this shape before it is used.

_FIGURE_ORDER = tuple(KeyFigures.__dataclass_fields__)
_NONE = type(None)
_TOWNS = frozenset({(str, str, str, str, str), (str, _NONE, str, str, str)})
_TRANSFERS = frozenset({(str, str, str, int, str), (str, str, str, int, _NONE)})
_FIGURES = frozenset(product((int, _NONE), repeat=len(_FIGURE_ORDER)))
_TWO = (str, str)
_SEVERITY = {s.value: s for s in Severity}
ENTRY_FIELDS = 9
FINDING_FIELDS = 12


def to_entry(rec: dict[str, Any]) -> tuple[Any, ...] | None:
    """The cache's form of the record of a checked plan (`to_record`, marked by `_storable`),
    or None for one it does not keep: without a town, or with a finding of a check not in the
    registry, of another file or waived (none of which a checked plan's record holds)."""
    from staffing.checks import lookup

    path = rec["path"]
    if not rec.get("town"):
        return None
    findings = []
    for f in rec["findings"]:
        check = lookup(f["code"])
        if (check is None or check.code != f["code"] or check.slug != f["slug"] or f["file"] != path
                or f["waived"] is not None):
            return None
        cited = f["cited"]
        findings.append((f["code"], f["severity"], tuple(f["message"]), f["line"], f["column"], tuple(f["loc"]),
                         tuple(tuple(step) for step in f["trail"]), f["source"], f["numbers"], f["sheet"], f["cell"],
                         None if cited is None else tuple(cited)))
    town, figures, names = rec["town"], rec["figures"], rec.get("names")
    return (rec["schema"], path, rec["pack_ref"], rec["pack_fp"],
            (town["name"], town["code"], town["province"], town["city"], town["county"]),
            tuple((t["source"], t["level"], t["type"], t["count"], t["document"]) for t in rec["transfers"]),
            tuple(figures[k] for k in _FIGURE_ORDER),
            None if names is None else (tuple(names["bodies"]), tuple(names["dispatched_units"]),
                                        tuple(names["support_institutions"]), names["support_center"]),
            tuple(findings))


def fits(entry: Any, shown: str, fingerprint: Callable[[str], str], schema: int | None = None) -> bool:
    """Whether a value read from the cache is exactly an entry `to_entry` makes, of the file
    shown as `shown`, checked against its pack as the pack is now (`fingerprint(ref)`).
    Anything else is a miss: a cache entry never decides a verdict by being odd.  (Types
    are compared exactly: a bool is not a count, and marshal gives no subclasses.)
    `schema`: the cache's SCHEMA, when the caller has it at hand."""
    if schema is None:
        from staffing.run.cache import SCHEMA as schema
    if not (type(entry) is tuple and len(entry) == ENTRY_FIELDS and entry[0] == schema and entry[1] == shown):
        return False
    _, _, ref, fp, town, transfers, figures, names, findings = entry
    if not (type(ref) is str and ref and type(fp) is str and fp and fp == fingerprint(ref)):
        return False
    if not (type(town) is tuple and tuple(map(type, town)) in _TOWNS and town[0]):
        return False
    if not (type(figures) is tuple and tuple(map(type, figures)) in _FIGURES
            and all(x is None or x >= 0 for x in figures)):
        return False
    if not (transfers == () or (type(transfers) is tuple
                                and all(type(t) is tuple and tuple(map(type, t)) in _TRANSFERS and t[3] >= 0
                                        for t in transfers))):
        return False
    if names is not None and not (type(names) is tuple and len(names) == 4
                                  and all(type(part) is tuple and all(type(x) is str for x in part)
                                          for part in names[:3])
                                  and (names[3] is None or type(names[3]) is str)):
        return False
    return findings == () or (type(findings) is tuple and all(_fits_finding(f) for f in findings))


def _fits_finding(f: Any) -> bool:
    from staffing.checks import lookup

    if not (type(f) is tuple and len(f) == FINDING_FIELDS):
        return False
    code, severity, message, line, column, loc, trail, source, numbers, sheet, cell, cited = f
    check = lookup(code) if type(code) is str else None
    return bool(check is not None and check.code == code and type(severity) is str and severity in _SEVERITY
                and type(message) is tuple and tuple(map(type, message)) == _TWO
                and type(line) is int and line >= 1 and type(column) is int and column >= 1
                and type(loc) is tuple and all(type(x) is str or (type(x) is int and x >= 0) for x in loc)
                and type(trail) is tuple and all(type(step) is tuple and tuple(map(type, step)) == _TWO
                                                 for step in trail)
                and (source is None or type(source) is str)
                and type(numbers) is dict and all(type(k) is str and type(x) in (int, float)
                                                  for k, x in numbers.items())
                and ((sheet is None and cell is None) or (type(sheet) is str and type(cell) is str))
                and (cited is None or (type(cited) is tuple and tuple(map(type, cited)) == _TWO)))


def from_entry(entry: tuple[Any, ...], packs: tuple[str, ...] = (), resolved: dict[str, Any] | None = None) -> FileResult:
    """The result an entry that `fits` stands for: what `from_record` gives its record
    (`resolved`: the packs found so far by reference, kept by the caller for the next)."""
    _, path, ref, _, town, transfers, figures, names, findings = entry
    result = FileResult(path, PlanSummary(TownSummary(*town), ref, tuple([TransferSummary(*t) for t in transfers]),
                                          None if names is None else PartNames(*names), KeyFigures(*figures)))
    if resolved is None:
        resolved = {}
    pack = resolved.get(ref, resolved)
    if pack is resolved:
        from staffing.packs.load import resolve

        try:
            pack = resolve(ref, packs)
        except InputProblem:
            pack = None
        resolved[ref] = pack
    result.pack = pack
    if findings:
        result.findings = [_finding(f, path) for f in findings]
    return result


def _finding(f: tuple[Any, ...], path: str) -> Finding:
    from staffing.checks import lookup

    code, severity, message, line, column, loc, trail, source, numbers, sheet, cell, cited = f
    check = lookup(code)
    assert check is not None  # `fits` made sure
    return Finding(code, check.slug, _SEVERITY[severity], Words(*message), path, line, column, loc,
                   Trail([Words(*step) for step in trail]), source, numbers, None, sheet, cell,
                   None if cited is None else Words(*cited))


# (a fresh record (a dict), or a cache entry that fits (a tuple, or its stored bytes from a worker),
# content key, path, the file's stat key where it is known to stand for that content key (the
# file settled: see cache.RACY_NS), what to do with it: STAT to record it, FOLDER when the
# entry came from its folder's snapshot, else None)
Item = tuple[Any, str | None, str, str | None, str | None]
STAT = "stat"
FOLDER = "folder"


def check_chunk(paths: Sequence[str], settings: Settings, cache: Any | None, context: str,
                shown: Shown | None = None) -> list[Item]:
    """One (record or entry, content key, path, stat key, mark) per path.  A cached entry has been
    held to its shape (`fits`); the parent still re-checks the plan if turning it into a
    result fails."""
    if cache is None:
        shown = shown or Shown()
        return [(to_record(check_source(Source(p, shown_as=shown(p)[0]), settings), settings), None, p, None, None)
                for p in paths]
    found = look_up(paths, settings, cache, context, shown)
    return [item if item[0] is not None
            else _checked(item[2], item[1], item[3], item[4], settings, context, shown or Shown()) for item in found]


Lookup = tuple[tuple[Any, ...] | None, str | None, str, str | None, str | None]  # as Item; no entry: a miss


def _checked(path: str, key: str | None, pre: str | None, mark: str | None, settings: Settings, context: str,
             shown: Shown) -> Item:
    """A plan the cache did not have, checked: its record and the keys to store it under.
    The file is read once, and the key it is stored under is the hash of exactly the bytes
    that were checked: a file that changed since it was looked up is stored under its new
    content (and its stat key is dropped)."""
    from staffing.run.cache import file_key

    disp = shown(path)[0]
    source = Source(path, shown_as=disp)
    fresh: str | None = None
    try:
        source = source.held(settings.limits)
        assert source.data is not None
        fresh = str(file_key(source.data, context + "|" + disp))
    except InputProblem:
        pass  # unreadable: the check says why, and nothing is stored
    rec = to_record(check_source(source, settings), settings)
    stored = _storable(rec, fresh, settings)
    if stored is None or stored != key:
        pre = mark = None
    return rec, stored, path, pre, mark


class _Fitting:
    """For a chunk of plans: each stored entry unmarshalled, once its MAC has been checked,
    and held to its shape (`fits`), with each pack's fingerprint worked out once for the
    chunk rather than once for each plan."""

    def __init__(self, settings: Settings) -> None:
        from staffing.run.cache import SCHEMA, decode, pack_fingerprint

        self.packs = settings.packs
        self.prints: dict[str, str] = {}
        self.schema = SCHEMA
        self.decode = decode
        self.pack_fingerprint = pack_fingerprint

    def fingerprint(self, ref: str) -> str:
        found = self.prints.get(ref)
        if found is None:
            found = self.prints[ref] = self.pack_fingerprint(ref, self.packs)
        return found

    def __call__(self, blob: bytes | None, shown: str) -> tuple[Any, ...] | None:
        """The entry stored as `blob` (bytes whose MAC has been checked) if it fits, else None."""
        if blob is None:
            return None
        return self.fit(self.decode(blob), shown)

    def current(self, entry: Any, shown: str) -> bool:
        """Whether an entry of a folder's snapshot is of the file shown as `shown`, of this
        SCHEMA, checked against its pack as the pack is now.  (The rest of its layout was
        held to `fits` before the snapshot was written, by this very code: the snapshot's
        key names the tool's fingerprint, and its MAC the user's key.)"""
        return bool(type(entry) is tuple and len(entry) == ENTRY_FIELDS and entry[0] == self.schema
                    and entry[1] == shown and type(entry[2]) is str and entry[3] == self.fingerprint(entry[2]))

    def fit(self, entry: Any, shown: str) -> tuple[Any, ...] | None:
        """`entry` (a value decoded from authentic bytes) if it fits, else None."""
        try:
            return entry if fits(entry, shown, self.fingerprint, self.schema) else None
        except Exception:  # an odd entry is a miss, never a failed run
            return None


def look_up(paths: Sequence[str], settings: Settings, cache: Any, context: str,
            shown: Shown | None = None, raw: bool = False) -> list[Lookup]:
    """One (entry, content key, path, stat key, mark) per path, as `check_chunk`; the entry
    is None for a plan the cache has no usable entry for (a miss: to be checked, then stored
    under that content key).  A folder whose plans are all as its snapshot has them (see
    `folder_key`) is read with one row and one MAC; a file whose stat key is known is neither
    read nor hashed: one query (stat key, content key and entry together) and two MACs.  With
    `raw`, an entry that fits is given as its stored bytes (to cross to another process,
    which unmarshals them again: cheaper than pickling the tuple)."""
    from staffing.run.cache import file_key

    fitting = _Fitting(settings)
    shown = shown or Shown()
    infos = _stats(paths, shown, context)
    out: list[Lookup | None] = [None] * len(infos)
    for n, item in _snapshot_hits(infos, cache, fitting, raw, context, shown):
        out[n] = item
    known = cache.stat_blobs([i[2] for i, o in zip(infos, out, strict=True) if i[2] is not None and o is None])
    rest: list[tuple[int, str | None]] = []  # by content: (index, content key)
    for n, (p, disp, pre, _) in enumerate(infos):
        if out[n] is not None:
            continue
        got = known.get(pre) if pre is not None else None
        if got is not None:
            entry = fitting(got[1], disp)
            if entry is not None:
                out[n] = (got[1] if raw else entry, got[0], p, pre, None)
                continue
        # no stat key, or it pointed at an entry that is gone, stale (pack edited) or odd:
        # go by content
        rest.append((n, _content_key(p, settings, context, disp, file_key)))
    if rest:
        blobs = cache.blobs([k for _, k in rest if k is not None])
        for n, key in rest:
            p, disp, pre, old = infos[n]
            blob = blobs.get(key) if key is not None else None
            before = known.get(pre) if pre is not None else None
            stands = pre is not None and old and key is not None  # the stat key stands for this content
            mark = STAT if stands and (before is None or before[0] != key) else None
            entry = fitting(blob, disp)
            out[n] = ((blob if raw else entry) if entry is not None else None, key, p, pre if stands else None, mark)
    return out  # type: ignore[return-value]


def _stats(paths: Sequence[str], shown: Shown, context: str) -> list[tuple[str, str, str | None, bool]]:
    """(path, shown path, stat key or None, whether the file has settled) per path."""
    import stat as st_

    from staffing.run.cache import RACY_NS, stat_key

    settled = time.time_ns() - RACY_NS  # before any stat: later writes get later times
    infos: list[tuple[str, str, str | None, bool]] = []
    for p in paths:
        disp, full = shown(p)
        pre = None
        old = False
        try:
            info = os.stat(p)
        except OSError:
            info = None
        if info is not None and st_.S_ISREG(info.st_mode):
            pre = stat_key(context + "|" + disp, full, info)
            old = info.st_mtime_ns <= settled and info.st_ctime_ns <= settled
        infos.append((p, disp, pre, old))
    return infos


# ---- a folder's snapshot ----------------------------------------------------------------------
#
# The plans of one folder, as a run lists them one after another, are stored once more as one
# value: ((content key, entry), ...) in their order, in the folder's one row (`folder_key`) with
# the `folder_stamp` of their stat keys.  It is written only when every plan of the folder has an
# entry and a stat key that stands for its content (settled) and an entry that fits (`fits`),
# replacing the folder's row, and read only when every one of them has that very stat key now
# (the row's stamp is the folder's now) and each entry is still of its file and of its pack as it
# is now (`_Fitting.current`).


def folder_key(context: str, full: str) -> str:
    """The key of a folder's snapshot row: a hash of the context (the tool, the settings) and
    the absolute folder of a plan in it (`full`, its absolute path as `Shown` makes it,
    normalised).  One row per folder, whatever the state of its plans."""
    import hashlib

    folder = f"folder\0{context}\0{full[:full.rfind(os.sep)]}"
    return hashlib.blake2b(folder.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


def folder_stamp(stat_keys: Sequence[str]) -> str:
    """The state of a folder's plans its snapshot was made from: a hash of their stat keys in
    order (each names the tool, the settings, the plan's shown and absolute path and the
    file's stat)."""
    import hashlib

    h = hashlib.blake2b(b"folder", digest_size=20)
    for pre in stat_keys:
        h.update(b"\0" + pre.encode())
    return h.hexdigest()


def folder_runs(paths: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) of each run of consecutive paths in one folder (as the paths write it)."""
    runs: list[tuple[int, int]] = []
    start, last = 0, None
    seps = os.sep + (os.altsep or "")
    for n, p in enumerate(paths):
        head = p[:max(p.rfind(c) for c in seps) + 1] if len(seps) > 1 else p[:p.rfind(os.sep) + 1]
        if head != last and n:
            runs.append((start, n))
            start = n
        last = head
    if paths:
        runs.append((start, len(paths)))
    return runs


def _snapshot_hits(infos: list[tuple[str, str, str | None, bool]], cache: Any, fitting: _Fitting,
                   raw: bool, context: str, shown: Shown) -> list[tuple[int, Lookup]]:
    """The plans answered by their folder's snapshot, by index: every plan of a snapshot that
    is there, of the folder's plans as they are now, authentic and fits, else none of them."""
    runs = []
    for i, j in folder_runs([x[0] for x in infos]):
        pres = [x[2] for x in infos[i:j]]
        if j - i >= 2 and None not in pres:
            runs.append((i, j, (folder_key(context, shown(infos[i][0])[1]), folder_stamp(pres))))  # type: ignore[arg-type]
    blobs = cache.snapshots([k for _, _, k in runs]) if runs else {}
    out: list[tuple[int, Lookup]] = []
    for i, j, key in runs:
        blob = blobs.get(key)
        value = fitting.decode(blob) if blob is not None else None  # bytes this user's key signed
        if not (type(value) is tuple and len(value) == j - i):
            continue
        got: list[tuple[int, Lookup]] = []
        for n, item in zip(range(i, j), value, strict=True):
            p, disp, pre, _ = infos[n]
            if not (type(item) is tuple and len(item) == 2 and type(item[0]) is str and len(item[0]) == 40
                    and fitting.current(item[1], disp)):
                break
            entry: Any = marshal.dumps(item[1]) if raw else item[1]
            got.append((n, (entry, item[0], p, pre, FOLDER)))
        else:
            out += got
    return out


def _content_key(path: str, settings: Settings, context: str, disp: str, file_key: Any) -> str | None:
    try:
        raw = read_bytes(path, settings.limits)
    except InputProblem:
        return None
    return str(file_key(raw, context + "|" + disp))


def _worker_cache() -> Any:
    cache = _WORKER.get("cache")
    if cache is None and _WORKER.get("location") is not None:
        from staffing.run.cache import Cache

        directory, secret = _WORKER["location"]
        cache = _WORKER["cache"] = Cache(directory, secret, readonly=True)
    if "shown" not in _WORKER:
        _WORKER["shown"] = Shown()
    return cache


def _work(chunk: list[str]) -> list[Item]:
    cache = _worker_cache()
    return check_chunk(chunk, _WORKER["settings"], cache, _WORKER["context"], _WORKER["shown"])


def _look(chunk: list[str]) -> list[Lookup]:
    """A share of a warm run's look-ups, in a worker: each entry that fits as its stored
    bytes (the parent unmarshals them: cheaper than pickling the tuple), or a miss."""
    cache = _worker_cache()
    gc.disable()  # a process of look-ups only (see `_warm`)
    return look_up(chunk, _WORKER["settings"], cache, _WORKER["context"], _WORKER["shown"], raw=True)


def _work_misses(chunk: list[tuple[str, str | None, str | None, str | None]]) -> list[Item]:
    """Plans the parent found no cache entry for: (path, content key, stat key, mark) each."""
    settings: Settings = _WORKER["settings"]
    if "shown" not in _WORKER:
        _WORKER["shown"] = Shown()
    return [_checked(p, key, pre, mark, settings, _WORKER["context"], _WORKER["shown"])
            for p, key, pre, mark in chunk]


def _init(settings: Settings, location: tuple[Any, bytes] | None, context: str) -> None:
    _WORKER.clear()
    _WORKER.update(settings=settings, location=location, context=context)


# ---- the run --------------------------------------------------------------------------------


@dataclass
class _Collected:
    """What the parent gathers from the workers: the results, how many came from the cache,
    and the entries to store (new records by content key; stat keys to content keys; each
    plan's stat key, content key, entry and mark by path, for its folder's snapshot)."""

    settings: Settings
    context: str
    on_progress: Callable[[int], None] | None = None
    results: list[FileResult] = field(default_factory=list)
    cached: int = 0
    new: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)
    stat_keys: list[tuple[str, str]] = field(default_factory=list)
    packs: dict[str, Any] = field(default_factory=dict)  # each pack by reference, resolved once
    entries: dict[str, tuple[str, str, tuple[Any, ...], str | None]] = field(default_factory=dict)
    fitting: _Fitting | None = None  # to hold a new entry to its layout before it goes into a snapshot

    def take(self, batch: list[Item]) -> None:
        packs = self.settings.packs
        resolved = self.packs
        entries = self.entries
        for rec, key, path, pre, mark in batch:
            if type(rec) is bytes:
                # an entry a worker found to fit, as the bytes it unmarshalled: the MAC was
                # checked there (and the bytes came from that worker, forked from here)
                rec = marshal.loads(rec)
            hit = type(rec) is tuple
            try:
                result = from_entry(rec, packs, resolved) if hit else from_record(rec, packs)
            except Exception:
                if not hit:
                    raise
                # an entry that does not convert: check the plan again and replace the entry
                hit = False
                rec, key, _, pre, mark = _checked(path, key, pre, mark if mark == STAT else None, self.settings,
                                                  self.context, Shown())
                result = from_record(rec, packs)
            result.cache_key = key
            entry = rec if hit else None
            if hit:
                self.cached += 1
            elif key is not None:
                entry = to_entry(rec)
                if entry is not None:
                    self.new.append((key, entry))
            if pre is not None and key is not None:
                if mark == STAT:
                    self.stat_keys.append((pre, key))
                if entry is not None and (hit or self._fits(entry)):
                    entries[path] = (pre, key, entry, mark)
            self.results.append(result)
        if self.on_progress is not None:
            self.on_progress(len(batch))

    def _fits(self, entry: tuple[Any, ...]) -> bool:
        if self.fitting is None:
            self.fitting = _Fitting(self.settings)
        return self.fitting.fit(entry, entry[1]) is not None


def check_paths(
    paths: Sequence[str],
    settings: Settings,
    jobs: int | None = None,
    use_cache: bool = True,
    on_progress: Callable[[int], None] | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
) -> tuple[list[FileResult], int]:
    """Check every path (plan files); results sorted by path.  `cache_dir` is the cache
    folder (default: see `staffing.run.cache.cache_dir`); a folder that cannot be trusted
    means no cache for this run.  Returns the results and how many of them came from the
    cache.  `on_progress(n)` is told each time n more plans are done
    (a reporter draws the progress bar from it)."""
    jobs = max(1, jobs or os.cpu_count() or 1)
    jobs = min(jobs, max(1, len(paths) // 8 or 1))
    location = None
    if use_cache:  # the cache module (sqlite3, hmac) is imported only for a run that uses it
        from staffing.run.cache import cache_dir as default_dir
        from staffing.run.cache import open_location

        location = open_location(default_dir(cache_dir))
    context = _cache_context(settings) if location is not None else ""
    got = _Collected(settings, context, on_progress)
    # What is loaded by now (modules, packs, the catalogue) lives as long as the run: kept out
    # of the collector's way, it is never scanned again (in the workers forked from here
    # either, whose copies of it then stay shared); and a plan's objects are many and short-
    # lived, so the youngest generation is collected ten times less often.  Together about
    # 4 % of a cold batch.
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(threshold[0], 7000), *threshold[1:])
    try:
        if jobs == 1:
            _in_process(by_folders(paths, CHUNK), _work, settings, location, context, got.take)
        elif location is not None:
            _warm(paths, jobs, settings, location, context, got.take)
        else:
            _pooled(paths, jobs, settings, location, context, got.take, _work)
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()
    folders = _snapshots(paths, got.entries, context) if location is not None else []
    if location is not None and (got.new or got.stat_keys or folders):
        from staffing.run.cache import Cache

        store = Cache(*location)
        store.put_many(got.new, got.stat_keys, folders)
        store.close()
    got.results.sort(key=lambda r: r.path)
    return got.results, got.cached


def _snapshots(paths: Sequence[str], entries: dict[str, tuple[str, str, tuple[Any, ...], str | None]],
               context: str) -> list[tuple[str, str, tuple[Any, ...]]]:
    """The snapshot (key, stamp, value) of each run of plans of one folder (two or more) whose
    plans all have an entry and a stat key that stands for it, unless it was read from that
    snapshot."""
    out = []
    shown = Shown()
    for i, j in folder_runs(paths):
        got = [entries.get(p) for p in paths[i:j]]
        if j - i < 2 or None in got or all(g[3] == FOLDER for g in got):  # type: ignore[index]
            continue
        out.append((folder_key(context, shown(paths[i])[1]), folder_stamp([g[0] for g in got]),  # type: ignore[index]
                    tuple((g[1], g[2]) for g in got)))  # type: ignore[index]
    return out


def by_folders(paths: Sequence[Any], size: int) -> list[list[Any]]:
    """`paths` in chunks of about `size`, cut only where the folder changes, so that each
    folder's plans are looked up together (its snapshot)."""
    chunks: list[list[Any]] = []
    start = 0
    for _, end in folder_runs(paths):
        if end - start >= size:
            chunks.append(list(paths[start:end]))
            start = end
    if start < len(paths):
        chunks.append(list(paths[start:]))
    return chunks


def _in_process(chunks: Sequence[list[Any]], work: Callable[[list[Any]], list[Item]], settings: Settings,
                location: tuple[Any, bytes] | None, context: str, take: Callable[[list[Item]], None]) -> None:
    """Every chunk worked in this process (one job, or few misses)."""
    _init(settings, location, context)
    try:
        for chunk in chunks:
            take(work(chunk))
    finally:
        cache = _WORKER.get("cache")
        if cache is not None:
            cache.close()
        _WORKER.clear()


SPREAD = 10_000  # from this many plans on, a warm run's look-ups are shared with the workers (below, the
# fork costs the parent about what it saves)
LOOK_CHUNK = 500  # plans looked up at a time (one query of the cache)
PARENT_SHARE = 0.8  # of a worker's share of the look-ups, what the parent does itself (it also builds every result)


def _warm(paths: Sequence[str], jobs: int, settings: Settings, location: tuple[Any, bytes], context: str,
          take: Callable[[list[Item]], None]) -> None:
    """A run with the cache on several cores.  A warm run is mostly hits.  Few plans: the
    parent looks every plan up itself, so an all-hit run starts no pool.  Many: workers
    look up most of them (stat, keys, the cache's rows and their MACs, each entry decoded
    and held to its shape) and send back the entries that fit, while the parent looks up
    the rest and turns every entry into a result as it comes.  Either way only the misses
    are then checked, on every core."""
    from staffing.run.cache import Cache

    misses: list[tuple[str, str | None, str | None, str | None]] = []

    def found(items: list[Lookup]) -> None:
        hits: list[Item] = [item for item in items if item[0] is not None]
        misses.extend((p, k, pre, mark) for r, k, p, pre, mark in items if r is None)
        if hits:
            take(hits)

    shown = Shown()
    lookup = Cache(*location, readonly=True)

    def step(part: list[str]) -> Callable[[], None]:
        return lambda: found(look_up(part, settings, lookup, context, shown))

    # The look-ups make what lives as long as the run (entries, results) and no cycles: nothing
    # to collect, then nothing to scan again (frozen with the rest, see check_paths)
    collecting = gc.isenabled()
    gc.disable()
    try:
        if len(paths) >= SPREAD:
            from staffing.run.pool import pooled

            workers = jobs - 1 if PARENT_SHARE else jobs
            mine = int(len(paths) * PARENT_SHARE / (workers + PARENT_SHARE))
            size = max(CHUNK, min(LOOK_CHUNK, (len(paths) - mine) // (workers * 4) or CHUNK))
            ends = [end for _, end in folder_runs(paths)]  # the parent's share starts with a folder
            cut = next(end for end in ends if end >= len(paths) - mine)
            cut = ends[-2] if cut == len(paths) and len(ends) > 1 else cut
            steps = [step(chunk) for chunk in by_folders(paths[cut:], size)]
            pooled(by_folders(paths[:cut], size), _look, workers, _init, (settings, location, context), found, steps)
        else:
            for chunk in by_folders(paths, LOOK_CHUNK):
                step(chunk)()
    finally:
        lookup.close()
        gc.freeze()
        if collecting:
            gc.enable()
    jobs = min(jobs, max(1, len(misses) // 8 or 1))
    if jobs == 1:
        _in_process([misses[i:i + CHUNK] for i in range(0, len(misses), CHUNK)], _work_misses, settings, location,
                    context, take)
    else:
        _pooled(misses, jobs, settings, location, context, take, _work_misses)


def _pooled(paths: Sequence[Any], jobs: int, settings: Settings, location: tuple[Any, bytes] | None,
            context: str, take: Callable[[list[Item]], None], work: Callable[[list[Any]], list[Item]]) -> None:
    """Chunks of `paths` (what `work` takes: paths, or the parent's misses) checked on `jobs`
    processes (see `staffing.run.pool`)."""
    from staffing.run.pool import pooled

    # small chunks first would starve nobody; equal chunks keep both cores busy to the end
    size = max(8, min(CHUNK, len(paths) // (jobs * 4) or 8))
    chunks = [list(paths[i:i + size]) for i in range(0, len(paths), size)]
    pooled(chunks, work, jobs, _init, (settings, location, context), take)


# ---- roll-up ---------------------------------------------------------------------------------


_LABELS = {"pass": "passed", "fail": "failed", "incomplete": "incomplete", "error": "unusable"}


def rollup(results: Sequence[FileResult], status: Callable[[FileResult], str]) -> dict[str, Any]:
    """Plans checked, passed, failed; per check, per county, per province, the problems found
    (errors and warnings that bind, not waived) and, apart, what could not be checked: a
    "cannot check" is never counted as a problem, nor is a finding shown for information."""
    plans: list[FileResult] = []
    counties: list[FileResult] = []
    for r in results:
        (counties if is_county(r.path) else plans).append(r)
    per_check: Counter[str] = Counter()
    unknown_per_check: Counter[str] = Counter()
    slug_of: dict[str, str] = {}
    binding = (Severity.ERROR, Severity.WARNING)

    def empty() -> dict[str, int]:
        return {"plans": 0, "passed": 0, "failed": 0, "incomplete": 0, "unusable": 0, "findings": 0, "unknown": 0}

    per_county: dict[tuple[str, str, str], dict[str, int]] = defaultdict(empty)
    per_province: dict[str, dict[str, int]] = defaultdict(empty)
    statuses: Counter[str] = Counter()

    def problems(r: FileResult) -> int:
        return sum(1 for f in r.findings if not f.waived and f.severity in binding)

    def unknowns(r: FileResult) -> int:
        return sum(1 for f in r.findings if not f.waived and f.severity == Severity.UNKNOWN)

    for r in results:
        for f in r.findings:
            if f.waived or f.severity not in (Severity.ERROR, Severity.WARNING, Severity.UNKNOWN):
                continue
            (unknown_per_check if f.severity == Severity.UNKNOWN else per_check)[f.code] += 1
            slug_of[f.code] = f.slug
    for r in plans:
        st = status(r)
        statuses[st] += 1
        town = r.summary.town if r.summary is not None else None
        if town is not None:
            keyc = (town.province, town.city, town.county)
            prov = town.province
        else:
            parts = r.path.replace(os.sep, "/").split("/")
            keyc = ("?", "?", parts[-2] if len(parts) > 1 else "?")
            prov = "?"
        label = _LABELS[st]
        found, unknown = (problems(r), unknowns(r)) if r.findings else (0, 0)  # most plans have none
        for bucket in (per_county[keyc], per_province[prov]):
            bucket["plans"] += 1
            bucket[label] += 1
            bucket["findings"] += found
            bucket["unknown"] += unknown
    for r in counties:
        if not r.findings:
            continue
        name = r.findings[0].trail[0].zh if r.findings[0].trail else "?"
        for key in per_county:
            if key[2] == name:
                for bucket in (per_county[key], per_province[key[0]]):
                    bucket["findings"] += problems(r)
                    bucket["unknown"] += unknowns(r)
                break
    return {
        "plans": len(plans),
        "passed": statuses["pass"],
        "failed": statuses["fail"],
        "incomplete": statuses["incomplete"],
        "unusable": statuses["error"],
        "county_files": len(counties),
        "county_files_failed": sum(1 for r in counties if status(r) not in ("pass", "incomplete")),
        "findings_per_check": [{"code": c, "slug": slug_of[c], "count": per_check[c], "unknown": unknown_per_check[c]}
                               for c in sorted(set(per_check) | set(unknown_per_check))],
        "per_county": [{"province": k[0], "city": k[1], "county": k[2], **v} for k, v in sorted(per_county.items())],
        "per_province": [{"province": k, **v} for k, v in sorted(per_province.items())],
    }
