"""County files: ``_county.yaml`` beside the towns of a county, read and checked against
the plans of its folder after every plan has been checked (checks ST951 and ST952 in
`staffing.checks.county`).  Files whose name starts with ``_`` are never read as plans."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable, Sequence

from staffing.checks.county import COUNTY_FILE, CountyFile, county_findings
from staffing.errors import InputProblem
from staffing.findings import Finding
from staffing.io.load import Document, display_path
from staffing.plan.validate import validate
from staffing.run.engine import FileResult, read_valid


def county_files(plan_paths: Iterable[str]) -> list[str]:
    """The county file of every folder that holds plans, where there is one."""
    seen: set[str] = set()
    out: list[str] = []
    for p in plan_paths:
        d = os.path.dirname(p)
        if d in seen:
            continue
        seen.add(d)
        f = os.path.join(d, COUNTY_FILE)
        if os.path.isfile(f):
            out.append(f)
    return sorted(out)


def validate_county(doc: Document) -> CountyFile:
    """The county file in `doc`, or an InputProblem carrying every mistake in it."""
    return validate(CountyFile, doc)


def check_county(path: str, towns: Sequence[FileResult]) -> FileResult:
    """Check one county file against the results of the plans in its folder."""
    shown = display_path(path)
    result = FileResult(shown)
    try:
        # the fast reader when it is sound, as for plans: a national run has ~2,800 county
        # files, ~5 ms each through the reference loader
        doc, cf = read_valid(path, shown, validate_county)
    except InputProblem as exc:
        result.error = exc if exc.file == shown else exc.renamed(shown)
        return result
    result.findings = county_findings(cf, doc, [r.summary for r in towns if r.summary is not None])
    result.findings.sort(key=Finding.sort_key)
    return result


def check_counties(results: Sequence[FileResult]) -> list[FileResult]:
    """County-file results for every folder of `results` that has a county file."""
    by_dir: dict[str, list[FileResult]] = defaultdict(list)
    for r in results:
        by_dir[os.path.dirname(os.path.abspath(r.path))].append(r)
    out = []
    for f in county_files(os.path.join(d, "x") for d in by_dir):
        out.append(check_county(f, by_dir[os.path.dirname(os.path.abspath(f))]))
    return out
