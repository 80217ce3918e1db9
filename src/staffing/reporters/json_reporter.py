"""JSON output: one document per run.  The shape is versioned (`format_version`) and
documented in README.md; fields are only ever added, never renamed or removed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from staffing import __version__
from staffing.errors import InputProblem
from staffing.reporters.jsonstream import Streamed
from staffing.reporters.jsonstream import stream as json_pieces

if TYPE_CHECKING:
    from staffing.run.results import FileResult, Run

FORMAT_VERSION = 1


def file_entry(run: Run, r: FileResult) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "path": r.path,
        "status": run.status(r),
        "town": r.summary.town.name if r.summary else None,
        "code": r.summary.town.code if r.summary else None,
        "pack": r.pack.id if r.pack else None,
        "pack_origin": r.pack.origin if r.pack else None,
        "error": None,
        "findings": [f.to_dict() for f in r.findings],
    }
    if r.error is not None:  # the first mistake, and every mistake of the file in document order
        problems = [_problem(e) for e in r.error.each()]
        entry["error"] = problems[0]
        entry["errors"] = problems
    return entry


def _problem(e: InputProblem) -> dict[str, Any]:
    return {
        "file": e.file,
        "line": e.line,
        "column": e.column,
        "key": e.key,
        "sheet": e.sheet,
        "cell": e.cell,
        "message": {"zh": e.message("zh"), "en": e.message("en")},
    }


def as_data(run: Run, streamed: bool = False) -> dict[str, Any]:
    """The document; with `streamed`, its files as a list turned into JSON one by one."""
    entries = (file_entry(run, r) for r in run.results)
    return {
        "format_version": FORMAT_VERSION,
        "tool": {"name": "staffing", "version": __version__},
        "summary": run.counts(),
        "files": Streamed(entries) if streamed else list(entries),
        "pack_findings": [f.to_dict() for f in run.pack_findings],
        "skipped": [{"path": s.path, "reason": s.reason, "message": {"zh": s.message("zh"), "en": s.message("en")}}
                    for s in run.skipped],
    }


def stream(run: Run, lang: str) -> Iterator[str]:
    """The document in pieces, one file at a time (the roll-up, when the run has one, last)."""
    rollup = {"rollup": run.rollup} if run.rollup is not None else {}
    return json_pieces({**as_data(run, streamed=True), **rollup})


def report(run: Run, lang: str) -> str:
    return "".join(stream(run, lang))
