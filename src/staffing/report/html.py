"""The review report as one self-contained HTML page: Jinja2 templates with autoescape
(every name from a plan is text, never markup), the stylesheet inline, the org chart as
inline SVG; nothing is fetched when the page is opened or printed."""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from staffing import __version__
from staffing.errors import visible
from staffing.report.build import Report, word
from staffing.report.environment import page_environment
from staffing.report.pages import CHART_MARGINS_MM

_HERE = Path(__file__).parent
SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
# What Graphviz writes for our charts; anything else (a script, a foreign object, a link)
# is refused rather than passed into the page.
_SVG_TAGS = frozenset({"svg", "g", "title", "text", "tspan", "path", "polygon", "polyline", "ellipse",
                       "rect", "line", "defs", "desc"})


def css_string(text: str) -> Markup:
    """`text` as a quoted CSS string in which every character but letters and digits is a
    six-digit hex escape, so no name can end the string, the rule or the <style>.  A space
    is escaped too: CSS takes one space after an escape as the escape's end, so a space
    left bare after one would vanish ("张浦镇 ·江苏省").  The text goes through the one
    neutraliser first: a bidi override in a page header is shown, not obeyed."""
    out = []
    for ch in visible(str(text)):
        if ch.isalnum():
            out.append(ch)
        else:
            out.append(f"\\{ord(ch):06x}")
    return Markup('"' + "".join(out) + '"')


HEADER_CHARS = 16  # of the town's name, and of its region, in a page header


def page_header(town: str, region: str) -> Markup:
    """A plan's page header: its town and region, each cut to HEADER_CHARS, so a long name
    stays on one line beside the report's title."""
    return css_string(f"{visible(town, HEADER_CHARS)} · {visible(region, HEADER_CHARS)}")


def _page_label(lang: str) -> Markup:
    """The catalogue's "page {page} of {pages}" as CSS `content`, with page counters."""
    template = word("page", lang, page="\x00page\x00", pages="\x00pages\x00")
    parts: list[str] = []
    for piece in re.split(r"(\x00page\x00|\x00pages\x00)", template):
        if piece == "\x00page\x00":
            parts.append("counter(page)")
        elif piece == "\x00pages\x00":
            parts.append("counter(pages)")
        elif piece:
            parts.append(str(css_string(piece)))
    return Markup(" ".join(parts))


def inline_svg(svg: str | bytes) -> str:
    """Graphviz's SVG ready to sit inside HTML: no XML declaration, doctype or comments,
    only drawing elements, no event handlers or links.  Raises ValueError otherwise."""
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    root = ET.fromstring(svg)
    for el in root.iter():
        tag = el.tag.rsplit("}", 1)[-1]
        if not el.tag.startswith("{" + SVG_NS + "}") or tag not in _SVG_TAGS:
            raise ValueError(f"unexpected SVG element {el.tag}")
        for name in el.attrib:
            local = name.rsplit("}", 1)[-1].lower()
            if local.startswith("on") or local == "href" or local == "style":
                raise ValueError(f"unexpected SVG attribute {name}")
    # a tooltip <title> per node repeats the node id: not for paper
    for parent in root.iter():
        for child in list(parent):
            if child.tag == f"{{{SVG_NS}}}title":
                parent.remove(child)
    root.set("role", "img")
    return ET.tostring(root, encoding="unicode")


# What the PDF's engine is given for a chart: the same drawing as an image (a data: URI, so
# still nothing outside the page), styled as report.css styles `.chart svg`.  WeasyPrint
# draws it the same, but does not parse its few hundred elements as HTML and cascade the
# page's styles over each of them first (0.06 s of the 0.6 s it takes for one plan).
PDF_CSS = "\n.chart img { display: block; margin: 0 auto; max-width: 100%; height: auto; }"


def chart_image(svg: str) -> Markup:
    """A chart's SVG (as `inline_svg` returns it) as an <img> holding it."""
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return Markup(f'<img alt="" src="data:image/svg+xml;base64,{data}">')


# The chart's page: A4 landscape with these margins (top right bottom left, room for the
# header and the page number); the chart (which carries its own title) is laid out for
# the rest, less a millimetre each way for rounding (`chart_area_mm`).  The chart's page is
# the paper asked for (--paper, --orientation): A4 landscape unless told otherwise.
CHART_PAGE_MARGIN = "11mm 10mm 11mm 10mm"


def chart_area_mm(paper: str = "A4", orientation: str = "landscape") -> tuple[float, float]:
    """Width and height (mm) the chart is laid out for on its page."""
    from staffing.charts import PAPERS

    short, long = PAPERS[paper]
    width, height = (long, short) if orientation == "landscape" else (short, long)
    return width - CHART_MARGINS_MM[0], height - CHART_MARGINS_MM[1]


def chart_page(paper: str = "A4", orientation: str = "landscape") -> str:
    """The chart's page as CSS `size` names it (A3 portrait)."""
    return f"{paper} {orientation}"


CHART_AREA_MM = chart_area_mm()


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = page_environment(_HERE / "templates")
    env.filters["css_string"] = css_string
    return env


def report_html(report: Report, pdf: bool = False) -> str:
    """The whole page; with `pdf`, the page as the PDF's engine is given it (`chart_image`)."""
    lang = report.lang
    template = _environment().get_template("report.html.j2")
    return template.render(
        report=report,
        pdf=pdf,
        pdf_css=Markup(PDF_CSS),
        chart_image=chart_image,
        css=Markup((_HERE / "report.css").read_text(encoding="utf-8")),
        page_label=_page_label(lang),
        made_by=word("made-by", lang, version=__version__),
        chart_margin=Markup(CHART_PAGE_MARGIN),
        page_header=page_header,
        w=lambda key, **params: word(key, lang, **params),
        n=lambda value: word("unknown", lang) if value is None else value,  # a figure the plan says is unknown
    )
