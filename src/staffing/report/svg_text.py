"""A chart's text in the PDF laid out a line at a time, not a character at a time.

WeasyPrint (up to 70 at least) draws an SVG `<text>` one code point after another, each in
a layout of its own, so that it can honour positions given glyph by glyph (a list of x or y,
dx, dy, rotate, letter-spacing, textLength): Kozea/WeasyPrint#2249, open upstream.  An org
chart from Graphviz gives none of them: each text is one line at one x and one y.  A report
page's charts hold about a hundred such lines each, most of ten to twenty characters, and
laying out their characters one by one was about a fifth of what the PDF engine spent on
a report's pages.

`lay_out_lines_whole()` has WeasyPrint draw such a text with its own drawing code, the line
laid out once: while the text is drawn it is handed over as one piece (`_Line`), so the loop
that WeasyPrint runs over the characters runs once, over the whole line.  The line is then
shaped as the HTML page shows it in a browser (the same glyphs; full-width punctuation side
by side spaced as the font says).  A text with positions glyph by glyph is drawn as before,
and so is a text with a character that is not printable (a line or paragraph separator would
end the one line laid out).  Installed only in a WeasyPrint this was checked against
(`CHECKED`); in another the charts are drawn as WeasyPrint draws them, slower, never wrong.
`tests/report/test_svg_text.py` draws a chart both ways and compares the pages.

Only the PDF engine's child process (`report.pdf`) installs it."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from typing import Any

CHECKED = ("70.0",)  # WeasyPrint versions whose SVG text drawing this was checked against

# what makes WeasyPrint place glyphs one by one (each read with the node's `get`, which sees
# the attribute and the style property alike)
_PER_GLYPH = ("dx", "dy", "rotate", "letter-spacing", "textLength")


class _Line(str):
    """A text that, iterated, gives itself whole: WeasyPrint's loop over the characters of a
    text then lays the line out once."""

    __slots__ = ()

    def __iter__(self) -> Iterator[str]:
        yield str(self)


def _one_place(node: Any) -> bool:
    """Whether nothing of the text node places its glyphs one by one: no attribute of
    `_PER_GLYPH`, and one value (or none) for x and for y."""
    if any(node.get(name) is not None for name in _PER_GLYPH):
        return False
    return all(len(str(node.get(name, "")).replace(",", " ").split()) <= 1 for name in ("x", "y"))


def lay_out_lines_whole() -> bool:
    """Install the drawing of a one-place text as one line into WeasyPrint's SVG renderer,
    where WeasyPrint is a version of `CHECKED`.  Whether it is installed."""
    import weasyprint
    import weasyprint.svg as svg
    import weasyprint.svg.text  # the module, which `svg.text` (its function) hides

    if weasyprint.__version__ not in CHECKED:
        return False
    drawn = svg.TAGS.get("text")
    if getattr(drawn, "whole_lines", False):
        return True  # installed already
    module: Any = sys.modules["weasyprint.svg.text"]
    stock: Callable[..., Any] = module.text
    if drawn is not stock or getattr(svg, "text", None) is not stock:
        return False  # not the renderer this was checked against

    def text(drawing: Any, node: Any, font_size: float) -> Any:
        element = node._etree_node
        line = element.text
        if not isinstance(line, str) or len(line) < 2 or not line.isprintable() or not _one_place(node):
            return stock(drawing, node, font_size)
        element.text = _Line(line)
        try:
            return stock(drawing, node, font_size)
        finally:
            element.text = line

    text.whole_lines = True  # type: ignore[attr-defined]
    # every name: the renderer finds a node's drawing in TAGS (text, tspan, textPath, a), and
    # tells a text node by that drawing being `text` (a tspan left with the stock one would not
    # be one, and the rest of the drawing would be lost)
    for tag, drawing in list(svg.TAGS.items()):
        if drawing is stock:
            svg.TAGS[tag] = text
    svg.text = text
    return True
