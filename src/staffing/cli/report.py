"""`staffing report PLAN... -o FILE.html|FILE.pdf`: the review report a reviewer signs."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from staffing.errors import Exit, InputProblem, problem
from staffing.findings import Severity
from staffing.run.engine import FileResult, Settings, Skipped, check_file

if TYPE_CHECKING:
    import argparse

    from staffing.report.build import ChartMaker


def _chart_maker() -> ChartMaker:
    """Charts for the report: inline SVG laid out for the chart's page (A4 landscape),
    or the reason there is none."""
    from staffing.charts.paper import Sheet
    from staffing.charts.render import RenderError, find_cjk_font, image
    from staffing.cli.render import fitted_chart
    from staffing.report.html import CHART_AREA_MM, inline_svg

    font: list[str] = []
    sheet = Sheet.mm(*CHART_AREA_MM)

    def make(result: FileResult, lang: str) -> tuple[str | None, str | None]:
        try:
            if not font:
                font.append(find_cjk_font())
            return inline_svg(image(fitted_chart(result, lang, font[0], sheet).dot, "svg")), None
        except RenderError as exc:
            return None, exc.message(lang)

    return make


def cmd_report(args: argparse.Namespace, discover: Callable[[Sequence[str]], Iterable[object]]) -> int:
    """The report of the plans under `args.paths`, found by `discover` (the walk `check`
    uses, handed in by the command line so the two modules do not import each other)."""
    from staffing.cli.options import pack_folders
    from staffing.report.build import build_report
    from staffing.report.html import report_html
    from staffing.run import waivers

    lang: str = args.lang
    out = Path(args.output)
    suffix = out.suffix.lower()
    if suffix not in (".html", ".htm", ".pdf"):
        raise problem("<arguments>", "report.format", suffix=out.suffix or "-")
    settings = Settings(rules=args.rules, packs=pack_folders(args))
    results: list[FileResult] = []
    for item in discover(args.paths):
        if isinstance(item, Skipped):  # hidden or underscore files in a folder: not plans to review
            continue
        if isinstance(item, InputProblem):
            results.append(FileResult(item.file, error=item))
        elif isinstance(item, str):
            results.append(check_file(item, settings))
    for r in results:
        if r.error is not None:
            print(f"staffing: {r.error.where()}: {r.error.message(lang)}", file=sys.stderr)
    waiver_file = None if args.no_waivers else waivers.discover(args.waivers)
    if waiver_file:
        waivers.apply(results, waivers.load(waiver_file), waivers.today(), judge_all=False)
    fail_on = Severity.WARNING if args.strict else Severity.ERROR
    report = build_report(results, lang, waivers.today(), _chart_maker(), fail_on)
    html = report_html(report)
    from staffing.cli.output import write_file

    if suffix == ".pdf":
        from staffing.report.pdf import report_pdf

        write_file(str(out), report_pdf(html), lang)
    else:
        write_file(str(out), html, lang)
    if any(r.error is not None for r in results):
        return Exit.UNUSABLE
    if any(s.status in ("fail", "incomplete") for s in report.sections):  # incomplete is never a pass
        return Exit.VIOLATIONS
    return Exit.CLEAN
