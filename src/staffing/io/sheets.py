"""A plan workbook's sheets as the office sees them, for the page (`staffing serve`) to show
as tables with the cells of each finding marked.

Read as the plan reader reads it, within the same bounds (`staffing.io.workbook.read_sheets`):
the zip inspected first (no macros, no external links; the unpacked size, the number of parts,
the cells and the strings bounded), formulas never evaluated (the value Excel saved is shown),
and no more cells than the limits allow.  Hidden sheets (the drop-downs' lists) are left out, as
the office does not see them."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from staffing.errors import problem
from staffing.io.document import DEFAULT_LIMITS, Limits
from staffing.io.workbook import _SPACES, cell_text, read_sheets


@dataclass(frozen=True)
class Grid:
    """One visible sheet: its name as the plan reader names it (stripped of spaces), and
    the text of each non-empty cell by (row, column), 1-based."""

    name: str
    cells: dict[tuple[int, int], str]

    @property
    def rows(self) -> int:
        return max((r for r, _ in self.cells), default=0)

    @property
    def cols(self) -> int:
        return max((c for _, c in self.cells), default=0)


def _text(value: object) -> str:
    if isinstance(value, _dt.datetime):
        return value.date().isoformat() if value.time() == _dt.time() else value.isoformat(sep=" ")
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, _dt.timedelta):  # a number in a duration's format: in hours, minutes and seconds, as messages say it
        return cell_text(value) or ""
    return str(value)


def sheet_grids(path: str, raw: bytes, limits: Limits = DEFAULT_LIMITS) -> list[Grid]:
    """The visible sheets of the workbook `raw`, in the workbook's order.  Raises
    InputProblem for a file the plan reader would refuse too."""
    budget = limits.max_nodes
    grids: list[Grid] = []
    for ws in read_sheets(path, raw, limits, formulas=False):  # the values Excel saved; no formula is evaluated
        if ws.state != "visible":
            continue
        cells: dict[tuple[int, int], str] = {}
        for (row, col), value in ws.shown().items():
            if isinstance(value, str) and not value.strip(_SPACES):
                continue
            cells[(row, col)] = _text(value)
            if len(cells) > budget:
                raise problem(path, "xlsx.too-many-cells", limit=limits.max_nodes)
        budget -= len(cells)
        grids.append(Grid(ws.title.strip(_SPACES), cells))
    return grids
