"""`--output xlsx=汇总.xlsx`: the province summary as a workbook.  Sheets: 方案 (one row per
plan: status, counts by severity, key figures), 问题 (every finding, located), 县汇总 (one row
per county), then one sheet per county with its plans.  Every sheet has a frozen header
row and a filter; text from plans is always text, never a formula."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from staffing.errors import visible
from staffing.io.workbook_write import print_setup, workbook_bytes
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

# column widths (characters) that print every sheet on A4 landscape at 8 pt or more
_WIDTH = {"file": 18, "message": 30, "trail": 14, "source": 28, "reason": 14, "pack": 12, "town": 9,
          "waiver": 8, "title": 12, "where": 8, "code": 13.5, "status": 6, "province": 6, "city": 6, "county": 8,
          "severity": 6, "check": 6.5}
_WRAP = {"message", "trail", "source", "reason", "waiver", "pack", "file", "title"}
_NOT_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\']")
# what tells an error from a warning on paper and on screen: the severity's cell (and, in a plan
# row, the count of it) filled; what could not be checked is grey, never a problem's colour
_FILLS = {"error": "F4B6B6", "warning": "FCE0B2", "unknown": "E0E0E0", "info": "D6E4F5", "pass": "C8E6C9",
          "fail": "F4B6B6", "incomplete": "E0E0E0"}
_COUNT_FILL = {"errors": "error", "warnings": "warning", "unknown": "unknown"}


def _sheet(wb: Any, title: str, columns: tuple[str, ...], rows: list[dict[str, Any]], lang: str,
           marks: list[str | None] | None = None) -> None:
    """One sheet: a header row, one row per item, printable (A4 landscape, as wide as the
    page, the header on every page, every cell ruled); `marks` colours each row's severity or
    status cell."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    line = Side(style="thin", color="808080")
    border = Border(left=line, right=line, top=line, bottom=line)
    fills = {k: PatternFill("solid", fgColor=v) for k, v in _FILLS.items()}
    for col, text in enumerate(header(columns, lang), start=1):
        cell = ws.cell(row=1, column=col, value=text)
        cell.font, cell.fill, cell.border = bold, fill, border
        # a number's header stands right above it; headers wrap in narrow columns
        cell.alignment = Alignment(wrap_text=True, vertical="center",
                                   horizontal="right" if columns[col - 1] in NUMERIC else "left")
        ws.column_dimensions[get_column_letter(col)].width = _width(columns[col - 1])
    ws.row_dimensions[1].height = 15 * max(1 + _display_width(t) // max(1, int(_width(c)) - 1)
                                         for t, c in zip(header(columns, lang), columns, strict=True)) + 4
    unknown = word("xlsx.unknown", lang)
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    right = Alignment(vertical="top", horizontal="right")
    for r, row in enumerate(rows, start=2):
        lines = 1
        mark = marks[r - 2] if marks is not None else None
        for col, key in enumerate(columns, start=1):
            value = row[key]
            if value is None:
                value = unknown if key in NUMERIC else ""
            if isinstance(value, str):  # inert, as every report (XML cannot hold controls anyway), within a cell's size
                value = visible(value, CELL_CHARS)
            cell = ws.cell(row=r, column=col, value=value)
            cell.border = border
            cell.alignment = right if key in NUMERIC else top
            if key == "code":
                cell.number_format = "@"  # 12 digits stay a code, never 3.21282E+11
            if key in _WRAP and isinstance(value, str) and value:
                cell.alignment = wrap
                lines = max(lines, 1 + _display_width(value) // max(1, int(_WIDTH[key]) - 2))
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # a name from a plan stays text: never a formula
            if key in ("status", "severity") and mark in fills:
                cell.fill = fills[mark]
            elif key in _COUNT_FILL and isinstance(value, int) and value > 0:
                cell.fill = fills[_COUNT_FILL[key]]
        if lines > 1:  # spreadsheet programs do not grow a row for text they did not lay out
            ws.row_dimensions[r].height = 15 * min(lines, 12)
    ws.freeze_panes = "A2"
    last = get_column_letter(len(columns))
    print_setup(ws, 1, f"A1:{last}{len(rows) + 1}")
    ws.auto_filter.ref = f"A1:{last}{len(rows) + 1}"


def _width(key: str) -> float:
    return _WIDTH.get(key, 5.5 if key in NUMERIC else 9)


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


def _county_titles(counties: list[tuple[str, str, str]], taken: set[str], lang: str,
                   ) -> dict[tuple[str, str, str], str]:
    """A sheet name per county: its name, with its city where two counties share one (the
    unusable plans whose county is not known: 县（市、区）不明); made a sheet name by
    `sheet_title`, and unique as Excel compares them (ignoring case)."""
    names = [c[2] or word("summary.county-unknown", lang) for c in counties]
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
    _sheet(wb, word("summary.sheet.plans", lang), PLAN_COLUMNS, plans, lang, [p["mark"] for p in plans])
    findings = finding_rows(run, lang)
    _sheet(wb, word("summary.sheet.findings", lang), FINDING_COLUMNS, findings, lang, [f["mark"] for f in findings])
    counties = county_rows(run, lang)
    _sheet(wb, word("summary.sheet.counties", lang), COUNTY_COLUMNS, counties, lang)
    titles = _county_titles([county_of(c) for c in counties], set(wb.sheetnames), lang)
    for county in counties:
        key = county_of(county)
        mine = [p for p in plans if county_of(p) == key]
        _sheet(wb, titles[key], PLAN_COLUMNS, mine, lang, [p["mark"] for p in mine])
    return workbook_bytes(wb)


def report(run: Run, lang: str) -> bytes:
    return workbook(run, lang)
