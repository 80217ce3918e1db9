"""JSON output: one document per run.  The shape is versioned (`format_version`) and
documented in README.md; fields are only ever added, never renamed or removed."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from staffing import __version__
from staffing.errors import inert_json

if TYPE_CHECKING:
    from staffing.reporters import Run

FORMAT_VERSION = 1


def as_data(run: Run) -> dict[str, Any]:
    files: list[dict[str, Any]] = []
    for r in run.results:
        entry: dict[str, Any] = {
            "path": r.path,
            "status": run.status(r),
            "town": r.plan.town.name if r.plan else None,
            "code": r.plan.town.code if r.plan else None,
            "pack": r.pack.id if r.pack else None,
            "pack_origin": r.pack.origin if r.pack else None,
            "error": None,
            "findings": [f.to_dict() for f in r.findings],
        }
        if r.error is not None:
            entry["error"] = {
                "file": r.error.file,
                "line": r.error.line,
                "column": r.error.column,
                "key": r.error.key,
                "sheet": r.error.sheet,
                "cell": r.error.cell,
                "message": {"zh": r.error.message("zh"), "en": r.error.message("en")},
            }
        files.append(entry)
    return {
        "format_version": FORMAT_VERSION,
        "tool": {"name": "staffing", "version": __version__},
        "summary": run.counts(),
        "files": files,
        "pack_findings": [f.to_dict() for f in run.pack_findings],
        "skipped": [{"path": s.path, "reason": s.reason, "message": {"zh": s.message("zh"), "en": s.message("en")}}
                    for s in run.skipped],
    }


def report(run: Run, lang: str) -> str:
    return inert_json(json.dumps(as_data(run), ensure_ascii=False, indent=2, sort_keys=False, default=str)) + "\n"
