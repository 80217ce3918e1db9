"""The sheet a chart is printed on: the paper asked for, or the smallest larger one that holds a
chart no layout fits at 8 pt; and the room the report leaves for a chart on its page.  Plain
arithmetic, shared by the chart's PDF (chart_pdf) and the report (build, html)."""

from __future__ import annotations

import re

from staffing.charts import PAPERS

# the report's chart page: margins across and down (mm), with a millimetre for rounding
CHART_MARGINS_MM = (20.0 + 1.0, 22.0 + 1.0)
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
