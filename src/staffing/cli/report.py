"""`staffing report PLAN... -o FILE.html|FILE.pdf`: the review report a reviewer signs."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from staffing.cli.discover import discover
from staffing.cli.options import ReportOptions
from staffing.errors import Exit, InputProblem, problem
from staffing.findings import Severity
from staffing.run.results import FileResult, Skipped


def cmd_report(options: ReportOptions) -> int:
    """The report of the plans under `options.paths`, found as `check` finds them."""
    out = Path(options.output)
    suffix = out.suffix.lower()
    if suffix not in (".html", ".htm", ".pdf"):
        raise problem("", "report.format", suffix=out.suffix or "-")
    if suffix == ".pdf":
        from staffing.report.pdf import report_engine

        with report_engine() as engine:  # loads WeasyPrint while the plans are checked
            return _report(options, engine.make)
    return _report(options, None)


def _report(options: ReportOptions, pdf: Callable[[str], bytes] | None) -> int:
    """The report, written as HTML, or through `pdf` as PDF."""
    from staffing.report.build import build_report
    from staffing.report.charts import chart_maker
    from staffing.report.html import chart_page, report_html
    from staffing.run.pipeline import Request, Source, run, today

    lang = options.lang
    out = Path(options.output)
    problems: list[FileResult] = []
    plans: list[Source] = []
    for item in discover(options.paths):
        if isinstance(item, Skipped):  # hidden or underscore files in a folder: not plans to review
            continue
        if isinstance(item, InputProblem):
            problems.append(FileResult(item.file, error=item))
        elif isinstance(item, str):
            plans.append(Source(item))
    outcome = run(Request(tuple(plans), options.settings, strict=options.strict, waivers=options.waivers,
                          county=True, whole=True, problems=tuple(problems), rollup=False))
    results = outcome.results
    for r in results:
        if r.error is not None:
            for e in r.error.each():
                print(f"staffing: {e.where()}: {e.message(lang)}", file=sys.stderr)
    fail_on = Severity.WARNING if options.strict else Severity.ERROR
    paper = options.paper
    report = build_report(results, lang, outcome.today or today(), chart_maker(paper=paper.paper,
                          orientation=paper.orientation), fail_on, chart_page(paper.paper, paper.orientation))
    from staffing.cli.output import write_file

    if pdf is not None:
        write_file(str(out), pdf(report_html(report, pdf=True)), lang)
    else:
        write_file(str(out), report_html(report), lang)
    if any(r.error is not None for r in results):
        return Exit.UNUSABLE
    # incomplete is never a pass; a county file that fails fails the report as it fails `check`
    statuses = [s.status for s in report.sections] + [c.status for c in report.counties]
    if any(status in ("fail", "incomplete") for status in statuses):
        return Exit.VIOLATIONS
    return Exit.CLEAN
