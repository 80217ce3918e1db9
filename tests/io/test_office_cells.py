"""Cells as an office's spreadsheet program leaves them, read as the clerk meant them or said
plainly: a date in a workbook counting from 1904, a serial number before Excel's first day, a
figure in a cell formatted as a time, TRUE saved as 1 (LibreOffice writes =TRUE() with 1), a
header wrapped with a line break (Alt+Enter).  Real workbooks: a shipped plan converted,
edited with openpyxl."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from staffing.cli import main as cli
from staffing.errors import InputProblem
from staffing.io.layout import strip_marks, zh
from staffing.io.load import load_file

from conftest import ORGS

PLAN = ORGS / "jiangsu/suzhou/kunshan/zhangpu.yaml"  # plan_date 2018-03-15, developed_town true


def converted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    book = tmp_path / "zhangpu.xlsx"
    assert cli.main(["convert", str(PLAN), "-o", str(book)]) == 0
    capsys.readouterr()
    return book


def form_cell(ws: Any, key: str) -> Any:
    """The value cell of a form's row, found by its label."""
    label = strip_marks(zh(key))
    row = next(r for r in range(1, ws.max_row + 1) if strip_marks(str(ws.cell(r, 1).value or "")) == label)
    return ws.cell(row, 2)


def edited(book: Path, edit: Any, epoch1904: bool = False) -> Path:
    wb = openpyxl.load_workbook(book)
    if epoch1904:
        wb.epoch = CALENDAR_MAC_1904
    edit(wb)
    wb.save(book)
    return book


def problems_of(book: Path) -> list[str]:
    try:
        load_file(str(book))
    except InputProblem as exc:
        return [f"{p.sheet}!{p.cell}: {p.message('zh')}" for p in exc.each()]
    return []


def set_plan_date(value: object, fmt: str) -> Any:
    def edit(wb: Any) -> None:
        cell = form_cell(wb[zh("xlsx.sheet.town")], "xlsx.col.plan_date")
        cell.value, cell.number_format = value, fmt
    return edit


@pytest.mark.parametrize(("epoch1904", "value", "fmt", "expected"), [
    (False, 40000, "General", dt.date(2009, 7, 6)),  # a serial in a General cell: Excel shows 40000, means the date
    (True, 40000, "General", dt.date(2013, 7, 7)),  # the same in a 1904 workbook: Excel's date is four years later
    (True, 40000, "yyyy-mm-dd", dt.date(2013, 7, 7)),  # formatted as a date, as Excel shows it
    (True, dt.datetime(2018, 3, 15), 'yyyy"年"m"月"d"日"', dt.date(2018, 3, 15)),
    (False, dt.datetime(2018, 3, 15), 'yyyy"年"m"月"d"日"', dt.date(2018, 3, 15)),
    (True, 1, "General", dt.date(1904, 1, 2)),
])
def test_a_serial_date_is_read_in_the_workbooks_date_system(epoch1904: bool, value: object, fmt: str,
                                                            expected: dt.date, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    book = edited(converted(tmp_path, capsys), set_plan_date(value, fmt), epoch1904)
    assert load_file(str(book)).data["plan_date"] == expected


@pytest.mark.parametrize(("epoch1904", "value", "fmt", "said"), [
    (False, -1, "General", "“-1”不是日期"),
    (False, -1, "yyyy-mm-dd", "“-1”不是日期"),  # Excel shows ####: no date before its first day
    (True, -1, "yyyy-mm-dd", "“-1”不是日期"),
    (False, 0, "General", "“0”不是日期"),
    (False, 43891, "[h]:mm:ss", "“1053384:00:00”不是日期"),  # in hours, minutes and seconds, not Python's "43891 days"
])
def test_a_serial_number_that_is_no_date_is_said_plainly(epoch1904: bool, value: object, fmt: str,
                                                                    said: str, tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    book = edited(converted(tmp_path, capsys), set_plan_date(value, fmt), epoch1904)
    found = problems_of(book)
    assert len(found) == 1 and said in found[0] and "days" not in found[0], found


def test_a_figure_in_a_cell_formatted_as_a_time_is_said_in_hours_minutes_and_seconds(tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    def edit(wb: Any) -> None:
        ws = wb[zh("xlsx.sheet.baseline")]
        cell = form_cell(ws, "xlsx.col.q.administrative")
        cell.value, cell.number_format = 4, "[h]:mm"

    found = problems_of(edited(converted(tmp_path, capsys), edit))
    assert len(found) == 1 and "“96:00:00”不是0或以上的整数" in found[0] and "days" not in found[0], found


@pytest.mark.parametrize(("value", "expected"), [(1, True), (0, False), (True, True), (False, False),
                                                 (1.0, True), ("是", True), ("否", False)])
def test_true_saved_as_one_is_yes(value: object, expected: bool, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    """LibreOffice saves a TRUE typed into a cell as the formula =TRUE() with the value 1."""
    def edit(wb: Any) -> None:
        form_cell(wb[zh("xlsx.sheet.town")], "xlsx.col.developed_town").value = value

    book = edited(converted(tmp_path, capsys), edit)
    assert load_file(str(book)).data["town"]["developed_town"] is expected


@pytest.mark.parametrize("value", [2, -1, 0.5, "1"])
def test_other_numbers_in_a_yes_or_no_cell_are_refused(value: object, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    def edit(wb: Any) -> None:
        form_cell(wb[zh("xlsx.sheet.town")], "xlsx.col.developed_town").value = value

    found = problems_of(edited(converted(tmp_path, capsys), edit))
    assert len(found) == 1 and f"“{value}”应为“是”或“否”" in found[0], found


def test_a_header_wrapped_with_a_line_break_is_the_header(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An office wraps a long header with Alt+Enter (行政编制⏎（名）): read as the header,
    as one written with a space in it is."""
    book = converted(tmp_path, capsys)
    before = load_file(str(book)).data

    def edit(wb: Any) -> None:
        ws = wb[zh("xlsx.sheet.bodies")]
        for cell in ws[1]:
            if isinstance(cell.value, str) and "（" in cell.value:
                cell.value = cell.value.replace("（", "\n（", 1)
        label = form_cell(wb[zh("xlsx.sheet.town")], "xlsx.col.plan_date")
        ws2 = label.parent
        ws2.cell(label.row, 1).value = "方案\r\n日期"

    after = edited(book, edit)
    assert problems_of(after) == [] and load_file(str(after)).data == before


def test_a_name_wrapped_with_a_line_break_is_one_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An office wraps a long name with Alt+Enter (综合行政⏎执法局): the body is still the one
    its sections, posts and units name in the other sheets, and the plan reads as before."""
    book = converted(tmp_path, capsys)
    before = load_file(str(book)).data

    def edit(wb: Any) -> None:
        for title in (zh("xlsx.sheet.bodies"), zh("xlsx.sheet.subunits")):
            ws = wb[title]
            for row in ws.iter_rows(min_row=2, max_col=1):
                if isinstance(row[0].value, str) and len(row[0].value) > 4:
                    row[0].value = row[0].value[:4] + "\n" + row[0].value[4:]
        town = form_cell(wb[zh("xlsx.sheet.town")], "xlsx.col.name")
        town.value = town.value[:1] + "\r\n" + town.value[1:]

    after = edited(book, edit)
    assert problems_of(after) == [] and load_file(str(after)).data == before


@pytest.mark.parametrize(("value", "digits"), [(1e300, 301), (10**30, 31), (-(10**40), 41), (1e30, 31)])
def test_a_figure_of_more_digits_than_a_plan_takes_is_refused_as_in_yaml(value: object, digits: int, tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """A YAML plan refuses an integer of more than 30 digits; its workbook twin read 1e300 as a
    301-digit count and checked it (found by an independent review)."""
    def edit(wb: Any) -> None:
        form_cell(wb[zh("xlsx.sheet.baseline")], "xlsx.col.q.administrative").value = value

    found = problems_of(edited(converted(tmp_path, capsys), edit))
    assert len(found) == 1 and f"整数有{digits}位，超过上限30位" in found[0], found


def test_a_figure_of_fifteen_digits_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The most digits Excel keeps of a number: read as it is (the plan's checks then say it is too many)."""
    def edit(wb: Any) -> None:
        form_cell(wb[zh("xlsx.sheet.baseline")], "xlsx.col.q.administrative").value = 123456789012345

    book = edited(converted(tmp_path, capsys), edit)
    assert load_file(str(book)).data["baseline"]["quotas"]["administrative"] == 123456789012345


def test_the_pages_sheet_view_shows_a_duration_as_the_message_says_it(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """The page shows the sheet beside the message: the cell reads 96:00:00 in both (hours,
    minutes and seconds; Excel shows [h]:mm as 96:00), not Python's "4 days, 0:00:00"."""
    from staffing.io.sheets import sheet_grids

    def edit(wb: Any) -> None:
        cell = form_cell(wb[zh("xlsx.sheet.baseline")], "xlsx.col.q.administrative")
        cell.value, cell.number_format = 4, "[h]:mm"

    book = edited(converted(tmp_path, capsys), edit)
    grid = next(g for g in sheet_grids(str(book), book.read_bytes()) if g.name == zh("xlsx.sheet.baseline"))
    assert "96:00:00" in grid.cells.values() and not any("days" in text for text in grid.cells.values())
