"""The province summary a reviewer opens in Excel: one row per plan (status, counts by
severity, key figures), the findings, and the roll-up per county.  The rows are built here
once; `workbook_summary` writes them as an .xlsx, `csv_summary` as CSV with a BOM."""

from __future__ import annotations

import os
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from staffing.errors import visible
from staffing.findings import Severity
from staffing.messages import CATALOGUE, render, text

if TYPE_CHECKING:
    from staffing.run.results import FileResult, Run

PLAN_COLUMNS = ("file", "province", "city", "county", "town", "code", "pack", "status", "errors", "warnings",
                "unknown", "infos", "waived", "bodies", "quota", "baseline", "actual", "reason")
FINDING_COLUMNS = ("file", "county", "town", "where", "severity", "check", "title", "message", "trail", "source",
                   "waiver")
COUNTY_COLUMNS = ("province", "city", "county", "plans", "passed", "failed", "incomplete", "unusable", "errors",
                  "warnings", "unknown", "findings")
NUMERIC = {"errors", "warnings", "unknown", "infos", "waived", "bodies", "quota", "baseline", "actual", "plans",
           "passed", "failed", "incomplete", "unusable", "findings"}


def word(key: str, lang: str, **params: Any) -> str:
    return render(key, lang, params)


def header(columns: tuple[str, ...], lang: str) -> list[str]:
    return [word(f"summary.col.{c}", lang) for c in columns]


def _plans(run: Run) -> list[FileResult]:
    """The plans of the run (county files are held against their towns, not plans)."""
    return [r for r in run.results if not os.path.basename(r.path).startswith("_")]


def _town(result: FileResult) -> Any:
    return result.summary.town if result.summary is not None else None


def plan_row(run: Run, result: FileResult, lang: str) -> dict[str, Any]:
    town = _town(result)
    counts: defaultdict[str, int] = defaultdict(int)
    for f in result.findings:
        counts["waived" if f.waived else f.severity.value] += 1
    figures = result.summary.figures if result.summary is not None else None
    pack = result.pack
    return {
        "file": result.path,
        "province": getattr(town, "province", ""),
        "city": getattr(town, "city", ""),
        "county": getattr(town, "county", ""),
        "town": getattr(town, "name", ""),
        "code": getattr(town, "code", "") or "",
        "pack": pack.title.get(lang, pack.id) if pack is not None else "",
        "status": word(f"summary.status.{run.status(result)}", lang),
        "mark": run.status(result),  # how the status cell is coloured
        "errors": counts[Severity.ERROR.value],
        "warnings": counts[Severity.WARNING.value],
        "unknown": counts[Severity.UNKNOWN.value],
        "infos": counts[Severity.INFO.value],
        "waived": counts["waived"],
        "bodies": figures.bodies if figures else None,
        "quota": figures.quota if figures else None,
        "baseline": figures.baseline if figures else None,
        "actual": figures.actual if figures else None,
        "reason": text("sep.clause", lang).join(
            (e.where() + text("sep.colon", lang) if e.line is not None or e.sheet is not None else "")
            + e.message(lang) for e in result.error.each()) if result.error is not None else "",
    }


def plan_rows(run: Run, lang: str) -> list[dict[str, Any]]:
    """One row per plan; an unusable plan is counted in the county of the plans beside it,
    where they are all of one county (a folder of several counties', or the page's uploads of
    several: its county is left unknown, not taken from whichever plan came last)."""
    rows = [plan_row(run, r, lang) for r in _plans(run)]
    folders: dict[str, set[tuple[str, str, str]]] = {}
    for r in rows:
        if r["county"]:
            folders.setdefault(os.path.dirname(r["file"]), set()).add(county_of(r))
    for row in rows:
        counties = folders.get(os.path.dirname(row["file"]), set())
        if not row["county"] and len(counties) == 1:
            row["province"], row["city"], row["county"] = next(iter(counties))
    return rows


def finding_rows(run: Run, lang: str) -> list[dict[str, Any]]:
    rows = []
    for result in run.results:
        town = _town(result)
        for f in result.findings:
            rows.append({
                "file": result.path,
                "county": getattr(town, "county", ""),
                "town": getattr(town, "name", ""),
                "where": f.where(),
                "severity": word(f"summary.severity.{f.severity.value}", lang),
                "mark": "waived" if f.waived else f.severity.value,
                "check": f.code,
                "title": _title(f.code, lang),
                "message": f.message(lang),
                "trail": " › ".join(f.trail(lang)),
                "source": f.citation(lang) or "",  # the document by its title, as the text output says it
                "waiver": f.waived or "",
            })
    return rows


def _title(code: str, lang: str) -> str:
    key = f"title.{code}"
    return render(key, lang, {}) if key in CATALOGUE else ""


def county_rows(run: Run, lang: str) -> list[dict[str, Any]]:
    """One row per county: plans by status and findings by severity."""
    out: dict[tuple[str, str, str], dict[str, Any]] = {}
    for result, row in zip(_plans(run), plan_rows(run, lang), strict=True):
        key = (row["province"], row["city"], row["county"])
        into = out.setdefault(key, {"province": key[0], "city": key[1], "county": key[2], "plans": 0, "passed": 0,
                                    "failed": 0, "incomplete": 0, "unusable": 0, "errors": 0, "warnings": 0,
                                    "unknown": 0, "findings": 0})
        into["plans"] += 1
        into[{"pass": "passed", "fail": "failed", "incomplete": "incomplete", "error": "unusable"}[run.status(result)]] += 1
        for k in ("errors", "warnings", "unknown"):
            into[k] += row[k]
        # problems: errors and warnings; what could not be checked has its own column
        into["findings"] += row["errors"] + row["warnings"]
    return [out[k] for k in sorted(out)]


def county_of(row: dict[str, Any]) -> tuple[str, str, str]:
    return (row["province"], row["city"], row["county"])


def defused(value: Any) -> Any:
    """Text from a plan made inert (control and bidi characters written out, as in every
    report), and, where a spreadsheet would take it for a formula (=, +, -, @ first),
    written with a leading apostrophe, as OWASP advises for CSV."""
    if not isinstance(value, str):
        return value
    value = visible(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value
