"""Workbooks bounded before they are expanded (issue 27): merged and hyperlinked ranges,
shared strings and dimensions counted from the XML before anything is built."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest

from test_workbook_hostile import book, check, one_message, rezip, sheet_part

from conftest import (
    STAFFING,
)


def _add_to_sheet(xml: bytes, element: bytes) -> bytes:
    """`element` placed after the sheet's data (where mergeCells and hyperlinks stand)."""
    if b"<mergeCells" in xml:
        return xml.replace(b"</mergeCells>", element.replace(b"<mergeCells>", b"").replace(b"</mergeCells>", b"")
                           + b"</mergeCells>", 1)
    return xml.replace(b"</sheetData>", b"</sheetData>" + element, 1)


@pytest.mark.parametrize("ref", ["D30:Z60", "A1:XFD1048576"])
def test_a_merged_range_is_counted_at_its_size(ref: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = book(tmp_path)
    part = sheet_part(path, "职能机构")
    rezip(path, change={part: lambda b: _add_to_sheet(b, f'<mergeCells><mergeCell ref="{ref}"/></mergeCells>'.encode())})
    line = one_message(path, capsys, "--max-nodes", "1000")
    assert "职能机构!D30" in line or "职能机构!A1" in line
    assert "工作簿的单元格超过1000个（合并单元格、超链接区域按所占单元格计）" in line


def test_a_hyperlinked_range_is_counted_at_its_size(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = book(tmp_path)
    part = sheet_part(path, "职能机构")
    rezip(path, change={part: lambda b: b.replace(
        b"</sheetData>", b'</sheetData><hyperlinks><hyperlink ref="B40:H400" display="x"/></hyperlinks>', 1)})
    line = one_message(path, capsys, "--max-nodes", "1000")
    assert "职能机构!B40" in line and "单元格超过1000个" in line


def test_shared_strings_are_counted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = book(tmp_path)
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    strings = (f'<?xml version="1.0"?><sst xmlns="{main}">' + "<si><t>x</t></si>" * 1500 + "</sst>").encode()
    rezip(path, add={"xl/sharedStrings.xml": strings})
    assert "工作簿的共享字符串超过1000项" in one_message(path, capsys, "--max-nodes", "1000")


def test_a_dimension_outside_the_grid_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = book(tmp_path)
    part = sheet_part(path, "职能机构")
    rezip(path, change={part: lambda b: b.replace(b'<dimension ref="', b'<dimension ref="A1:XFE9999999" x="', 1)})
    line = one_message(path, capsys)
    assert "A1:XFE9999999超出 Excel 工作表的范围（1048576行、16384列）" in line


def test_the_workbook_of_the_issue_is_refused_at_once(tmp_path: Path) -> None:
    """The 31 kB workbook that cost 264 s and 2.7 GB: one merged range D30:Z400000, at the
    default limits, in a real process; refused in well under the minute it is given."""
    path = book(tmp_path)
    part = sheet_part(path, "职能机构")
    rezip(path, change={part: lambda b: _add_to_sheet(b, b'<mergeCells><mergeCell ref="D30:Z400000"/></mergeCells>')})
    assert path.stat().st_size < 40_000
    done = subprocess.run([str(STAFFING), "check", str(path), "--no-cache"], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "职能机构!D30" in done.stdout and "单元格超过200000个" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


def test_the_plan_workbooks_the_tool_writes_stay_within_the_bounds(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = book(tmp_path)
    with zipfile.ZipFile(path) as z:
        assert any(n.startswith("xl/worksheets/") for n in z.namelist())
    code, out, _ = check(path, capsys)
    assert code in (0, 1) and "无法使用" not in out
