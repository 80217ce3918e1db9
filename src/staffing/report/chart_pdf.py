"""An org chart as a PDF on the paper asked for (`staffing render -o chart.pdf`): a page of that
paper and orientation, the drawing in the middle of it at the size it was laid out for (scaled
so that no text is under 8 pt, see charts.paper), its text kept as text.  Graphviz's own PDF is
a page exactly the drawing's size, which a printer then scales to whatever it likes.

The page is laid out by WeasyPrint, in a child process within its bounds (report.pdf), from
the chart's SVG checked as the report checks it (report.html.inline_svg)."""

from __future__ import annotations

import re

from markupsafe import escape

from staffing.charts import PAPERS
from staffing.report.html import inline_svg
from staffing.report.pdf import report_pdf

MARGIN_MM = 10.0
PT_PER_MM = 72 / 25.4
# Larger sheets, for a chart that no layout fits on the paper asked for at 8 pt: the smallest
# that holds it, in the same orientation (A3, then those a plotter prints); mm, portrait.
LARGER = {"A2": (420.0, 594.0), "A1": (594.0, 841.0), "A0": (841.0, 1189.0)}
_SIZE = re.compile(r'<svg[^>]*?\bwidth="([\d.]+)pt"[^>]*?\bheight="([\d.]+)pt"', re.S)


def drawing_size_pt(svg: str) -> tuple[float, float]:
    """Width and height (pt) of a Graphviz SVG."""
    found = _SIZE.search(svg)
    if found is None:
        raise ValueError("the SVG gives no size in points")
    return float(found.group(1)), float(found.group(2))


def page_for(paper: str, orientation: str, drawing_pt: tuple[float, float],
             margins_mm: tuple[float, float] = (2 * MARGIN_MM, 2 * MARGIN_MM)) -> tuple[str, float, float]:
    """The page's name and size (mm): the paper asked for, or where the drawing is larger
    than its printable area (the page less `margins_mm`, across and down), the smallest
    larger sheet that holds it (the drawing plus the margins beyond A0)."""
    width_mm, height_mm = (d / PT_PER_MM + m for d, m in zip(drawing_pt, margins_mm, strict=True))
    every = {**PAPERS, **LARGER}
    names = list(every)
    sheets = [(name, every[name]) for name in names[names.index(paper):]]
    for name, (short, long) in sheets:
        w, h = (long, short) if orientation == "landscape" else (short, long)
        if width_mm <= w + 0.5 and height_mm <= h + 0.5:
            return name, w, h
    return "", width_mm, height_mm


def chart_pdf(svg: str | bytes, paper: str = "A4", orientation: str = "landscape") -> bytes:
    """The chart's PDF: one page of `paper` in `orientation`, the drawing centred on it."""
    text = svg.decode("utf-8") if isinstance(svg, bytes) else svg
    drawing = inline_svg(text)
    _, width, height = page_for(paper, orientation, drawing_size_pt(text))
    inner_w, inner_h = width - 2 * MARGIN_MM, height - 2 * MARGIN_MM
    html = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><style>'
        f"@page {{ size: {width:.2f}mm {height:.2f}mm; margin: {MARGIN_MM}mm; }}"
        "html, body { margin: 0; padding: 0; }"
        f".page {{ width: {inner_w:.2f}mm; height: {inner_h:.2f}mm; display: flex; align-items: center;"
        " justify-content: center; overflow: hidden; }"
        ".page svg { display: block; flex: none; }"
        f"</style><title>{escape('chart')}</title></head><body><div class=\"page\">{drawing}</div></body></html>"
    )
    return report_pdf(html)
