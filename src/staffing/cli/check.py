"""`staffing check`: find the plans, check them (with the county and run-level checks and
the waivers), write the reports and charts, and return the exit code."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field

from staffing.cli.discover import discover
from staffing.cli.options import CheckOptions
from staffing.cli.output import emit, write_file
from staffing.errors import Exit, InputProblem, problem
from staffing.io.load import display_path
from staffing.reporters import Run, stream, whole
from staffing.run.engine import FileResult, Skipped, check_file, packs_findings


@dataclass
class Found:
    """What the paths given hold: plan files to check, paths that are not usable (as
    results, in the order met) and plan-like files left out."""

    plans: list[str] = field(default_factory=list)
    problems: list[FileResult] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def find(paths: tuple[str, ...]) -> Found:
    found = Found()
    for item in discover(paths):
        if isinstance(item, InputProblem):
            found.problems.append(FileResult(item.file, error=item))
        elif isinstance(item, Skipped):
            found.skipped.append(Skipped(display_path(item.path), item.reason))
        else:
            found.plans.append(item)
    return found


def check_plans(found: Found, options: CheckOptions) -> tuple[list[FileResult], int]:
    """Every plan checked, then the county files of their folders (and how many of those)."""
    results = list(found.problems)
    if options.explain_roles:  # whole plans, not the batch's records
        results.extend(check_file(p, options.settings) for p in found.plans)
    else:
        from staffing.reporters.progress import Progress, show_progress
        from staffing.run.batch import check_paths

        bar = Progress(len(found.plans), show_progress())
        checked, _ = check_paths(found.plans, options.settings, jobs=options.jobs, use_cache=options.use_cache,
                                 cache_dir=options.cache_dir, on_progress=bar.update)
        bar.close()
        results.extend(checked)
    from staffing.run.county import check_counties

    county = check_counties([r for r in results if r.summary is not None or r.error is not None],
                            options.settings, use_cache=options.use_cache, cache_dir=options.cache_dir)
    return results + county, len(county)


def judge(results: list[FileResult], found: Found, options: CheckOptions) -> Run:
    """The run: results with the waivers applied and the pack- and waiver-level findings."""
    from staffing.run import waivers

    extra: list = []
    chosen = options.waivers
    waiver_file = None if chosen.off else waivers.discover(chosen.file, cwd=chosen.folder)
    if waiver_file:
        waiver_file = display_path(waiver_file)
        judge_all = any(os.path.isdir(p) for p in options.paths)
        extra = waivers.apply(results, waivers.load(waiver_file), waivers.today(), judge_all=judge_all)
    return Run(results, packs_findings(results) + extra, strict=options.strict, settings=options.settings,
               skipped=found.skipped)


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


def write_reports(run: Run, options: CheckOptions) -> None:
    """The report files (--output), then the console report, written as made.  Formats
    come from the reporters' registry, so a reporter registered there is usable both on
    the console (--format) and as a file (--output FORMAT=FILE)."""
    for out_fmt, out_file in options.outputs:
        with _no_colour():  # a file never gets a terminal's colour codes
            data = whole(out_fmt, run, options.lang)
        write_file(out_file, data, options.lang)
    for piece in stream(options.format, run, options.lang):  # memory does not grow with the findings
        if isinstance(piece, bytes):
            raise problem("--format", "cli.format-not-text", format=options.format)
        emit(piece)
    if options.explain_roles and options.format == "text":
        from staffing.reporters.roles import explain

        emit("\n" + "\n".join(filter(None, (explain(r, options.lang) for r in run.results))))


def verdict(run: Run, allow_incomplete: bool) -> int:
    """The exit code the results earn: 2 unusable, 1 failed (or incomplete, unless
    allowed), else 0."""
    counts = run.counts()
    if counts["unusable"] or counts["county_unusable"]:
        return Exit.UNUSABLE
    if counts["failed"] or counts["county_failed"] or any(run.failing(f) for f in run.pack_findings):  # e.g. an unused waiver, --fail-on warning
        return Exit.VIOLATIONS
    if counts["incomplete"] and not allow_incomplete:  # never a pass: something could not be checked
        return Exit.VIOLATIONS
    return Exit.CLEAN


def run_check(options: CheckOptions) -> int:
    found = find(options.paths)
    results, county = check_plans(found, options)
    run = judge(results, found, options)
    if len(found.plans) > 1 or county:  # the roll-up by check, county and province
        from staffing.run.batch import rollup

        run.rollup = rollup(run.results, run.status)
    write_reports(run, options)
    if options.charts:
        from staffing.cli.render import draw_charts

        status = draw_charts(run, options.charts, options.lang, options.paper, options.settings, options.jobs)
        if status:
            return status
    return verdict(run, options.allow_incomplete)
