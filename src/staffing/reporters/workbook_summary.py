"""`--output xlsx=汇总.xlsx`: the province summary as a workbook.  Sheets: 方案 (one row per
plan: status, counts by severity, key figures), 问题 (every finding, located), 县汇总 (one row
per county), then one sheet per county with its plans.  Every sheet has a frozen header
row and a filter; text from plans is always text, never a formula."""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any

from staffing.errors import visible
from staffing.io.workbook_write import print_setup
from staffing.reporters.summary import (
    COUNTY_COLUMNS,
    FINDING_COLUMNS,
    NUMERIC,
    PLAN_COLUMNS,
    county_of,
    county_rows,
    finding_rows,
    header,
    plan_rows,
    word,
)

if TYPE_CHECKING:
    from staffing.run.results import Run

_WIDTH = {"file": 36, "message": 60, "trail": 30, "source": 40, "reason": 50, "pack": 24, "town": 12,
          "waiver": 30, "title": 22, "where": 14}
_WRAP = {"message", "trail", "source", "reason", "waiver"}
_NOT_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\']")


def _sheet(wb: Any, title: str, columns: tuple[str, ...], rows: list[dict[str, Any]], lang: str) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    for col, text in enumerate(header(columns, lang), start=1):
        cell = ws.cell(row=1, column=col, value=text)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(col)].width = _WIDTH.get(columns[col - 1], 12)
    unknown = word("xlsx.unknown", lang)
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    for col, key in enumerate(columns, start=1):
        if key == "file" and rows:  # as wide as the longest path, within reason
            width = min(60, max(12, *(_display_width(str(row[key])) + 2 for row in rows)))
            ws.column_dimensions[get_column_letter(col)].width = width
    for r, row in enumerate(rows, start=2):
        lines = 1
        for col, key in enumerate(columns, start=1):
            value = row[key]
            if value is None:
                value = unknown if key in NUMERIC else ""
            if isinstance(value, str):  # inert, as every report (XML cannot hold controls anyway), within a cell's size
                value = visible(value, CELL_CHARS)
            cell = ws.cell(row=r, column=col, value=value)
            cell.alignment = top
            if key in _WRAP and isinstance(value, str) and value:
                cell.alignment = wrap
                lines = max(lines, 1 + _display_width(value) // _WIDTH[key])
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # a name from a plan stays text: never a formula
        if lines > 1:  # spreadsheet programs do not grow a row for text they did not lay out
            ws.row_dimensions[r].height = 15 * min(lines, 12)
    ws.freeze_panes = "A2"
    print_setup(ws)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"


def _display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: a CJK character counts two."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


CELL_CHARS = 32_000  # Excel holds at most 32,767 characters in a cell
SHEET_CHARS = 31  # and 31 in a sheet's name


def sheet_title(text: str) -> str:
    """A sheet name made from plan text: through the one neutraliser (a control or bidi
    character written U+0001, as neither a backslash nor brackets may stand in a sheet
    name), none of []:*?/\\', not starting or ending with an apostrophe, not Excel's
    reserved "History", at most 31 characters."""
    title = visible(text, spell=lambda code: f"U+{code:04X}")
    title = _NOT_IN_SHEET_NAME.sub("_", title).strip()[:SHEET_CHARS] or "_"
    return f"{title[:SHEET_CHARS - 1]}_" if title.casefold() == "history" else title


def _county_titles(counties: list[tuple[str, str, str]], taken: set[str]) -> dict[tuple[str, str, str], str]:
    """A sheet name per county: its name, with its city where two counties share one;
    made a sheet name by `sheet_title`, and unique as Excel compares them (ignoring case)."""
    names = [c[2] or "?" for c in counties]
    used = {t.casefold() for t in taken}
    out: dict[tuple[str, str, str], str] = {}
    for county, name in zip(counties, names, strict=True):
        title = sheet_title(name if names.count(name) == 1 else f"{name}（{county[1]}）")
        base, n = title, 2
        while title.casefold() in used:
            suffix = f"（{n}）"
            title = base[:SHEET_CHARS - len(suffix)] + suffix
            n += 1
        used.add(title.casefold())
        out[county] = title
    return out


def workbook(run: Run, lang: str) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    plans = plan_rows(run, lang)
    _sheet(wb, word("summary.sheet.plans", lang), PLAN_COLUMNS, plans, lang)
    _sheet(wb, word("summary.sheet.findings", lang), FINDING_COLUMNS, finding_rows(run, lang), lang)
    counties = county_rows(run, lang)
    _sheet(wb, word("summary.sheet.counties", lang), COUNTY_COLUMNS, counties, lang)
    titles = _county_titles([county_of(c) for c in counties], set(wb.sheetnames))
    for county in counties:
        key = county_of(county)
        _sheet(wb, titles[key], PLAN_COLUMNS, [p for p in plans if county_of(p) == key], lang)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def report(run: Run, lang: str) -> bytes:
    return workbook(run, lang)
