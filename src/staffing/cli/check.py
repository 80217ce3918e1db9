"""`staffing check`: the options → the pipeline (find the plans, check them with the county
and run-level checks and the waivers) → the reports and charts → the exit code."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field

from staffing.cli.discover import discover
from staffing.cli.options import CheckOptions
from staffing.cli.output import emit, write_file
from staffing.errors import InputProblem, problem
from staffing.io.load import display_path
from staffing.reporters import stream, whole
from staffing.run.pipeline import Request, Source, run
from staffing.run.read import folder_plans
from staffing.run.results import FileResult, Run, Skipped, is_county


@dataclass
class Found:
    """What the paths given hold: plan files to check, paths that are not usable (as
    results, in the order met) and plan-like files left out."""

    plans: list[str] = field(default_factory=list)
    problems: list[FileResult] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def find(paths: tuple[str, ...]) -> Found:
    """The files under `paths`; a county file named on its own brings the plans of its
    folder, which it is checked against (as the pre-commit hook does)."""
    found = Found()
    for item in discover(paths):
        if isinstance(item, InputProblem):
            found.problems.append(FileResult(item.file, error=item))
        elif isinstance(item, Skipped):
            found.skipped.append(Skipped(display_path(item.path), item.reason))
        else:
            found.plans.append(item)
    counties = [p for p in found.plans if is_county(p)]
    named = {os.path.abspath(p) for p in found.plans} if counties else set()
    for county in counties:
        for plan in folder_plans(os.path.dirname(county)):
            if os.path.abspath(plan) not in named:
                named.add(os.path.abspath(plan))
                found.plans.append(plan)
    return found


def request(found: Found, options: CheckOptions) -> Request:
    """What the pipeline is asked to run for these options."""
    counties = tuple(Source(p) for p in options.county_files or ())
    walked = tuple(os.path.abspath(p) for p in options.paths if os.path.isdir(p))
    return Request(
        sources=tuple(Source(p) for p in found.plans) + counties, settings=options.settings, strict=options.strict,
        waivers=options.waivers, walked=walked,
        jobs=options.jobs, use_cache=options.use_cache, cache_dir=options.cache_dir,
        whole=options.explain_roles,  # whole plans, not the batch's records
        problems=tuple(found.problems), skipped=tuple(found.skipped), county=options.county_files is None,
    )


@contextlib.contextmanager
def _no_colour() -> Iterator[None]:
    """NO_COLOR set for the moment a report for a file is made (https://no-color.org)."""
    before = os.environ.get("NO_COLOR")
    os.environ["NO_COLOR"] = "1"
    try:
        yield
    finally:
        if before is None:
            del os.environ["NO_COLOR"]
        else:
            os.environ["NO_COLOR"] = before


def write_reports(outcome: Run, options: CheckOptions) -> None:
    """The report files (--output), then the console report, written as made.  Formats
    come from the reporters' registry, so a reporter registered there is usable both on
    the console (--format) and as a file (--output FORMAT=FILE)."""
    for out_fmt, out_file in options.outputs:
        with _no_colour():  # a file never gets a terminal's colour codes
            data = whole(out_fmt, outcome, options.lang)
        write_file(out_file, data, options.lang)
    for piece in stream(options.format, outcome, options.lang):  # memory does not grow with the findings
        if isinstance(piece, bytes):
            raise problem("--format", "cli.format-not-text", format=options.format)
        emit(piece)
    if options.explain_roles and options.format == "text":
        from staffing.reporters.roles import explain

        emit("\n" + "\n".join(filter(None, (explain(r, options.lang) for r in outcome.results))))


def run_check(options: CheckOptions) -> int:
    found = find(options.paths)
    whole_run = request(found, options)
    if whole_run.whole:
        outcome = run(whole_run)
    else:
        from staffing.reporters.progress import Progress, show_progress

        bar = Progress(len(found.plans), show_progress())
        outcome = run(whole_run, on_progress=bar.update)
        bar.close()
    write_reports(outcome, options)
    if options.charts:
        from staffing.cli.render import draw_charts

        status = draw_charts(outcome, options.charts, options.lang, options.paper, options.settings, options.jobs)
        if status:
            return status
    return outcome.exit_code(options.allow_incomplete)
