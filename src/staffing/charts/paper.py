"""Charts sized for paper: the bodies wrapped into rows and the drawing scaled so that it
fits a sheet (A4 or A3, landscape or portrait) with no text under 8 pt once printed.

`fit` lays a chart out with `dot` (plain output: sizes only), once with every body in one
row and then with the rows that bring the drawing closest to the sheet's shape, and
returns the DOT text with Graphviz's `size` set to the sheet's printable area, so the
SVG, PNG and PDF come out at the size they are printed at.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from staffing.charts import ORIENTATIONS, PAPERS
from staffing.charts.render import RenderError, image

MM_PER_INCH = 25.4
MARGIN_MM = 10.0
MIN_PRINTED_PT = 8.0
PNG_DPI = 150


@dataclass(frozen=True)
class Sheet:
    """The printable area a chart must fit, in inches."""

    width: float
    height: float

    @classmethod
    def of(cls, paper: str = "A4", orientation: str = "landscape", margin_mm: float = MARGIN_MM) -> Sheet:
        if paper not in PAPERS:
            raise RenderError("render.paper", paper=paper, known=", ".join(PAPERS))
        if orientation not in ORIENTATIONS:
            raise RenderError("render.orientation", orientation=orientation, known=", ".join(ORIENTATIONS))
        short, long = PAPERS[paper]
        w, h = (long, short) if orientation == "landscape" else (short, long)
        return cls((w - 2 * margin_mm) / MM_PER_INCH, (h - 2 * margin_mm) / MM_PER_INCH)

    @classmethod
    def mm(cls, width_mm: float, height_mm: float) -> Sheet:
        return cls(width_mm / MM_PER_INCH, height_mm / MM_PER_INCH)


_SIZES = re.compile(r'(?:POINT-SIZE="|fontsize=)(\d+(?:\.\d+)?)')


def needed_scale(dot_text: str) -> float:
    """The least scale that prints the smallest text at MIN_PRINTED_PT, rounded up to the
    hundredth Graphviz writes its scale with (it would round 0.889 down to 0.88)."""
    return math.ceil(MIN_PRINTED_PT / smallest_font(dot_text) * 100 - 1e-9) / 100


def smallest_font(dot_text: str) -> float:
    """The smallest font size (pt) the DOT text asks for (14, Graphviz's default, if none)."""
    sizes = [float(m) for m in _SIZES.findall(dot_text)]
    return min(sizes) if sizes else 14.0


def _layout(dot_text: str, draw: str | None = None) -> tuple[str, bytes | None]:
    """dot's plain output for `dot_text` (the natural size and every node's, whatever `size`
    the text sets), and with `draw` the drawing itself in that format, from the same run."""
    if draw is None:
        return image(dot_text, "plain").decode("utf-8", "replace"), None
    out = image(dot_text, "plain", also=draw)
    plain, sep, drawn = out.partition(b"\nstop\n")
    return plain.decode("utf-8", "replace"), drawn if sep else None


def _size(plain: str, dot_text: str) -> tuple[float, float]:
    first = plain.split("\n", 1)[0].split()
    if len(first) < 4 or first[0] != "graph":
        raise RenderError("render.dot-failed", fmt="plain", detail=plain[:200])
    pad = _padding(dot_text)
    return float(first[2]) + pad, float(first[3]) + pad


def _padding(dot_text: str) -> float:
    """The pad round the drawing, both sides (inches): dot's plain output leaves it out, and
    `size` scales it too."""
    pad = re.search(r"\bpad=([\d.]+)", dot_text)
    return 2 * float(pad.group(1)) if pad else 2 * 4 / 72  # Graphviz's default pad: 4 points


def node_widths(plain: str) -> dict[str, float]:
    """Each node's width (inches) in dot's plain output ("node NAME X Y WIDTH HEIGHT ...")."""
    widths = {}
    for line in plain.splitlines():
        parts = line.split(" ", 6)
        # a quoted name may hold spaces, which shift the fields: such a node is left out (it
        # counts 0 in `least_width`, which stays a lower bound), as is a line not as expected
        if parts[0] == "node" and len(parts) > 5 and not parts[1].startswith('"'):
            try:
                widths[parts[1]] = float(parts[4])
            except ValueError:
                continue
    return widths


_SAME_RANK = re.compile(r"\{ rank=same; ([^\[;{}]+?) \[")  # a chain a -> b -> c of one rank


def least_width(dot_text: str, widths: dict[str, float]) -> float:
    """Width (inches) that no layout of `dot_text` can be narrower than: dot puts the nodes of
    one rank side by side without overlapping, so the widest `rank=same` chain, its nodes'
    widths added up (as `widths` gives them: a node's size is its label's, the same in every
    layout; one not in `widths` counts 0), less a point a node for dot's rounding (it places
    nodes by whole points) and no gap between them, with the pad."""
    chains = (chain.split(" -> ") for chain in _SAME_RANK.findall(dot_text))
    widest = max((sum(widths.get(n, 0.0) for n in chain) - len(chain) / 72 for chain in chains), default=0.0)
    return max(0.0, widest) + _padding(dot_text)


def scale_for(size: tuple[float, float], sheet: Sheet) -> float:
    """How much the drawing must shrink to fit the sheet (1 when it fits as it is)."""
    w, h = size
    return min(1.0, sheet.width / w if w else 1.0, sheet.height / h if h else 1.0)


def with_size(dot_text: str, sheet: Sheet) -> str:
    """`dot_text` with Graphviz told to scale the drawing down to the sheet."""
    head, sep, rest = dot_text.partition("\n")
    return f'{head}{sep}  size="{sheet.width:.3f},{sheet.height:.3f}";\n{rest}'


@dataclass(frozen=True)
class Fitted:
    """A chart laid out for a sheet: its DOT text, the scale it is printed at, and
    whether that keeps every text at MIN_PRINTED_PT or more."""

    dot: str
    scale: float
    fits: bool
    size: tuple[float, float]  # printed width and height, inches
    drawn: bytes | None = None  # the layout drawn, when `fit` was asked to draw it (see `fit`)


def _candidates(count: int) -> list[int | None]:
    """The bodies a row may hold, in the order `fit` tries them: all in one row (None), then
    each number of rows from two up to eight that rows as even as possible make."""
    candidates: list[int | None] = [None]
    seen_rows = {1}
    for n_rows in range(2, min(count, 8) + 1):
        size_of_row = math.ceil(count / n_rows)
        real_rows = math.ceil(count / size_of_row)
        if real_rows not in seen_rows:
            seen_rows.add(real_rows)
            candidates.append(size_of_row)
    return candidates


def _laid_out(text: str, sheet: Sheet, draw: str | None, sized: bool) -> tuple[float, tuple[float, float], str, bytes | None]:
    """One candidate laid out: the scale that fits it to `sheet`, its natural size, dot's plain
    output and, with `draw`, its drawing (at the sheet's size when `sized`)."""
    plain, drawn = _layout(with_size(text, sheet) if sized else text, draw)
    size = _size(plain, text)
    return scale_for(size, sheet), size, plain, drawn


# A column of a chart (a body, its sections under it, the gap): about this wide before scaling,
# in inches (2.0-3.7 on the examples; 2.0-2.4 took the fewest runs of dot over 360 charts of
# orgs/ and generated plans).  Only which layout `fit` runs first depends on it.
_COLUMN_INCHES = 2.2


def _first_guess(per_rows: list[int | None], count: int, sheet: Sheet, need: float) -> int:
    """The candidate most likely to be the one chosen: the most bodies a row that, at about
    `_COLUMN_INCHES` a column, print at `need` within the sheet's width (else the last)."""
    room = max(1, int(sheet.width / need / _COLUMN_INCHES))
    for i, per_row in enumerate(per_rows):
        if (count if per_row is None else per_row) <= room:
            return i
    return len(per_rows) - 1


def fit(make: Callable[[int | None], str], count: int, sheet: Sheet, draw: str | None = None,
        sized: bool = False) -> Fitted:
    """The DOT text (made by `make(per_row)`) whose layout fits `sheet` best; with `draw`,
    that layout drawn at its natural size in that format too (`Fitted.drawn`: for a page,
    which scales it to the screen), from the same runs of dot.  With `sized` too, drawn at
    the sheet's size instead (each layout is measured with the sheet's size already in its
    DOT text: dot's plain output gives the natural size all the same), so that a chart
    which fits needs no further run; `drawn` is None for one drawn larger than the sheet.

    The candidates are every number of rows from one up to eight (rows as even as
    possible); the fewest rows at which the printed text stays at MIN_PRINTED_PT or more
    win, else the rows that print the text largest.  A chart that no number of rows fits is
    drawn at MIN_PRINTED_PT, larger than the sheet, and `fits` is False: text is never
    printed smaller than that.  The choice is made with as few runs of dot as that allows:
    the likeliest candidate is laid out first (`_first_guess`), and its nodes' widths rule
    out, without a layout, the rows too wide for the sheet whatever dot does (`least_width`);
    the others are laid out in order until one fits.  When none does, those too wide to print
    the text as large as a layout already made does are not laid out either."""
    per_rows = _candidates(count)
    texts = [make(per_rows[0])]
    laid: dict[int, tuple[float, tuple[float, float], bytes | None]] = {}
    widths: dict[str, float] = {}

    def text(i: int) -> str:
        while len(texts) <= i:
            texts.append(make(per_rows[len(texts)]))
        return texts[i]

    def lay_out(i: int) -> tuple[float, tuple[float, float], bytes | None]:
        if i not in laid:
            scale, size, plain, drawn = _laid_out(text(i), sheet, draw, sized)
            if not widths:  # a node's width is the same in every layout: read once
                widths.update(node_widths(plain))
            laid[i] = (scale, size, drawn)
        return laid[i]

    def at_most(i: int) -> float:  # the scale its widest row alone allows, without a layout
        return scale_for((least_width(text(i), widths), 0.0), sheet)

    def fits(i: int) -> bool:
        need = needed_scale(text(i))
        if i not in laid and widths and at_most(i) < need:
            return False  # too wide whatever dot does: not laid out
        return lay_out(i)[0] >= need

    lay_out(_first_guess(per_rows, count, sheet, needed_scale(texts[0])))
    for i in range(len(per_rows)):
        if fits(i):
            scale, size, drawn = laid[i]
            return Fitted(with_size(text(i), sheet), scale, True, (size[0] * scale, size[1] * scale), drawn)
    # none fits: the one printing the text largest (the first of equals), among those laid out and
    # those whose width alone does not print it smaller than the largest found so far
    for i in range(len(per_rows)):
        if i not in laid and at_most(i) >= max(scale for scale, _, _ in laid.values()):
            lay_out(i)
    chosen = max(laid, key=lambda i: (laid[i][0], -i))
    _, size, drawn = laid[chosen]
    need = needed_scale(text(chosen))
    # too big for the sheet at legible size: drawn at the smallest legible scale
    # a hair over, so that Graphviz's own arithmetic (pad, rounding) lands on `need`
    big = Sheet(size[0] * (need + 0.002), size[1] * (need + 0.002))
    return Fitted(with_size(text(chosen), big), need, False, (big.width, big.height), None if sized else drawn)
