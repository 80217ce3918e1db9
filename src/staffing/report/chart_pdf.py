"""An org chart as a PDF on the paper asked for (`staffing render -o chart.pdf`): a page of that
paper and orientation, the drawing in the middle of it at the size it was laid out for (scaled
so that no text is under 8 pt, see charts.paper), its text kept as text.  Graphviz's own PDF is
a page exactly the drawing's size, which a printer then scales to whatever it likes.

The page is laid out by WeasyPrint, in a child process within its bounds (report.pdf), from
the chart's SVG checked as the report checks it (report.html.inline_svg)."""

from __future__ import annotations

from markupsafe import escape

from staffing.report.html import chart_image, inline_svg
from staffing.report.pages import MARGIN_MM, drawing_size_pt, page_for
from staffing.report.pdf import report_pdf


def chart_pdf(svg: str | bytes, paper: str = "A4", orientation: str = "landscape") -> bytes:
    """The chart's PDF: one page of `paper` in `orientation`, the drawing centred on it."""
    text = svg.decode("utf-8") if isinstance(svg, bytes) else svg
    drawing = chart_image(inline_svg(text))  # as an image: WeasyPrint draws it the same, without parsing it as HTML
    _, width, height = page_for(paper, orientation, drawing_size_pt(text))
    inner_w, inner_h = width - 2 * MARGIN_MM, height - 2 * MARGIN_MM
    html = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><style>'
        f"@page {{ size: {width:.2f}mm {height:.2f}mm; margin: {MARGIN_MM}mm; }}"
        "html, body { margin: 0; padding: 0; }"
        f".page {{ width: {inner_w:.2f}mm; height: {inner_h:.2f}mm; display: flex; align-items: center;"
        " justify-content: center; overflow: hidden; }"
        ".page img { display: block; flex: none; }"
        f"</style><title>{escape('chart')}</title></head><body><div class=\"page\">{drawing}</div></body></html>"
    )
    return report_pdf(html)
