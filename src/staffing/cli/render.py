"""Charts from the command line: `staffing render` and `staffing check --charts`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from staffing.charts.draw import Job, Setup, draw_all, fitted_chart, pack_title, too_big
from staffing.charts.paper import Fitted, Sheet, with_size
from staffing.charts.render import (
    RenderError,
    chart_dot,
    chart_time,
    compare_dot,
    compare_versions_dot,
    find_cjk_font,
    image,
    render,
)
from staffing.checks.context import Context
from staffing.cli.options import Paper, RenderOptions
from staffing.errors import Exit, InputProblem
from staffing.io.output import safe_name
from staffing.run.pipeline import Source, check_one
from staffing.run.results import FileResult, Settings

if TYPE_CHECKING:
    from staffing.run.results import Run


def context_of(result: FileResult) -> Context:
    """The context the checks read the plan with (roles, parents), for its chart."""
    assert result.plan is not None and result.pack is not None
    return Context.of(result.plan, result.pack)


def _pack_title(result: FileResult, lang: str) -> str:
    assert result.pack is not None
    return pack_title(result.pack, lang)


def chart_for(result: FileResult, lang: str, font: str, compare: bool = False) -> str:
    """The chart's DOT text as laid out without a sheet (one row of bodies)."""
    assert result.plan is not None and result.pack is not None
    title = _pack_title(result, lang)
    if compare:
        return compare_dot(result.plan, pack_title=title, lang=lang, font=font)
    return chart_dot(context_of(result), result.findings, pack_title=title, lang=lang, font=font)


def sheet_of(paper: Paper) -> Sheet:
    return Sheet.of(paper.paper, paper.orientation)


def _warn_too_big(where: str, fitted: Fitted, paper: Paper, lang: str) -> None:
    line = too_big(where, fitted, lang, paper.paper, paper.orientation)
    if line:
        print(f"staffing: {line}", file=sys.stderr)


def chart_names(results: list[FileResult]) -> dict[int, str]:
    """A file name for each usable result: `<code>-<town>` (the town alone for a plan
    without its code, as published plans often are), and where two plans share
    it (two versions of one town's plan), `<code>-<town>-<file>`, then a number, so no
    chart of a run overwrites another."""
    base: dict[int, str] = {}
    for k, r in enumerate(results):
        if r.summary is not None and r.pack is not None:
            town = r.summary.town
            base[k] = safe_name(f"{town.code}-{town.name}" if town.code else town.name)
    counts: dict[str, int] = {}
    for name in base.values():
        counts[name] = counts.get(name, 0) + 1
    names: dict[int, str] = {}
    used: set[str] = set()
    for k, name in base.items():
        if counts[name] > 1:
            name = safe_name(f"{name}-{Path(results[k].path).stem}")
        unique, n = name, 2
        while unique.casefold() in used:
            unique = f"{name}-{n}"
            n += 1
        used.add(unique.casefold())
        names[k] = unique
    return names


def draw_charts(run: Run, folder: str, lang: str, paper: Paper, settings: Settings, jobs: int | None = None) -> int:
    """SVG and PNG of every usable plan of the run into `folder`, sized for the sheet
    chosen with --paper and --orientation, on `jobs` processes (default: every core).
    Returns an exit code (0, or 2 when a chart cannot be drawn); messages go to stderr, in
    the order of the plans."""
    try:
        font = find_cjk_font()
        sheet = sheet_of(paper)
    except RenderError as exc:
        print(f"staffing: {exc.message(lang)}", file=sys.stderr)
        return Exit.UNUSABLE
    from staffing.cli.output import say

    names = chart_names(run.results)
    work = [Job(r.path, names[k], tuple(r.findings)) for k, r in enumerate(run.results) if k in names]
    setup = Setup(folder, lang, font, sheet, paper.paper, paper.orientation, settings)
    status = Exit.CLEAN
    drawn = 0
    for outcome in draw_all(work, setup, jobs):
        for line in outcome.lines:
            print(f"staffing: {line}", file=sys.stderr)
        if outcome.unwritable:
            return Exit.UNUSABLE
        if outcome.failed:
            status = Exit.UNUSABLE
        drawn += outcome.drawn
    say("cli.wrote-charts", lang, count=drawn, folder=folder)
    return status


def cmd_render(options: RenderOptions) -> int:
    out, lang, compare = options.output, options.lang, options.compare
    from staffing.cli.output import say

    results = [check_one(Source(p), options.settings) for p in options.plans]
    for result in results:
        if result.error is not None:
            for e in result.error.each():
                print(f"staffing: {e.where()}: {e.message(lang)}", file=sys.stderr)
    if any(r.error is not None for r in results):
        return Exit.UNUSABLE
    try:
        with chart_time():  # every run of dot for this chart together: CHART_SECONDS
            font = find_cjk_font(require_dot=not out.lower().endswith(".dot"))
            sheet = sheet_of(options.paper)
            if len(results) == 2:
                text = _versions(results[0], results[1], lang, font)
                fitted = None
            elif compare:
                text = compare_dot(results[0].plan, pack_title=_pack_title(results[0], lang),  # type: ignore[arg-type]
                                   lang=lang, font=font)
                fitted = None
            else:
                fitted = fitted_chart(context_of(results[0]), results[0].findings, lang, font, sheet) \
                    if not out.lower().endswith(".dot") else None
                text = fitted.dot if fitted is not None else chart_for(results[0], lang, font)
            if fitted is None and not out.lower().endswith(".dot"):
                text = with_size(text, sheet)
            if fitted is not None:
                _warn_too_big(results[0].path, fitted, options.paper, lang)
            if out.lower().endswith(".pdf"):  # a page of the paper asked for, the drawing in its middle
                from staffing.io.output import write_atomic
                from staffing.report.chart_pdf import chart_pdf

                write_atomic(Path(out), chart_pdf(image(text, "svg"), options.paper.paper, options.paper.orientation))
            else:
                render(text, Path(out))
    except RenderError as exc:
        print(f"staffing: {exc.message(lang)}", file=sys.stderr)
        return Exit.UNUSABLE
    except InputProblem as exc:  # the PDF could not be laid out (WeasyPrint missing, failed, out of bounds)
        print(f"staffing: {exc.message(lang)}", file=sys.stderr)
        return Exit.UNUSABLE
    except OSError as exc:
        say("cli.unwritable", lang, target=out, reason=exc.strerror or type(exc).__name__)
        return Exit.UNUSABLE
    say("cli.wrote", lang, file=out)
    return Exit.CLEAN


def _versions(old: FileResult, new: FileResult, lang: str, font: str) -> str:
    """`render --compare OLD NEW`: the two versions side by side, bodies matched as
    `staffing diff` matches them."""
    from staffing.run.diff import Version, compare

    assert old.plan is not None and new.plan is not None
    diff = compare(Version(old.path, old.plan), Version(new.path, new.plan))
    links = [(i, j) for j, olds in diff.body_map.items() for i in olds]
    return compare_versions_dot(old.plan, new.plan, links, labels=(Path(old.path).name, Path(new.path).name),
                                pack_title=_pack_title(new, lang), lang=lang, font=font)
