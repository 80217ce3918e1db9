"""The org chart of each plan of the review report: inline SVG laid out for the chart's
page (the paper asked for), or the reason there is none.  Used by `staffing report` and the page
(`staffing serve`)."""

from __future__ import annotations

import threading

from staffing.checks.context import Context
from staffing.report.build import ChartMaker
from staffing.run.results import FileResult


def chart_maker(font_family: str | None = None, natural: bool = False, paper: str = "A4",
                orientation: str = "landscape") -> ChartMaker:
    """Charts for the report: inline SVG laid out for the chart's page (--paper,
    --orientation: A4 landscape unless told otherwise), or the reason there is none.  `font_family`: the CJK font to draw with, when the
    caller has looked it up already (else it is looked up on the first chart).
    `natural`: the same layout at its natural size (for a screen, which scales it), else at
    the page's; either drawn by the runs of dot that chose it (one run fewer), unless the
    chart is larger than the page."""
    from staffing.charts.draw import fitted_chart
    from staffing.charts.paper import Sheet
    from staffing.charts.render import RenderError, chart_time, find_cjk_font, image
    from staffing.report.build import CHART_BODIES, body_count, word
    from staffing.report.html import chart_area_mm, inline_svg

    font: list[str] = [font_family] if font_family else []
    looking = threading.Lock()  # the charts of a report are drawn two at a time: one lookup, not one each
    sheet = Sheet.mm(*chart_area_mm(paper, orientation))

    def make(result: FileResult, lang: str) -> tuple[str | None, str | None]:
        assert result.plan is not None and result.pack is not None
        bodies = body_count(result)
        if bodies > CHART_BODIES:  # laid out by dot up to ten times: not for a report of this size
            return None, word("chart.too-many", lang, n=bodies, limit=CHART_BODIES)
        try:
            with looking:
                if not font:
                    font.append(find_cjk_font())
            with chart_time():  # every run of dot for this chart together
                chart = fitted_chart(Context.of(result.plan, result.pack), result.findings, lang, font[0], sheet,
                                     draw="svg", sized=not natural)
                return inline_svg(chart.drawn if chart.drawn is not None else image(chart.dot, "svg")), None
        except RenderError as exc:
            return None, exc.message(lang)

    return make
