"""Hostile and messy workbooks: one message (naming the sheet and cell where there is one),
exit 2, no traceback; what an office's real table holds (merged cells, numbers typed as
text, full-width digits, date serials, stray spaces, empty rows) read as what it means;
nothing evaluated, nothing written."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from staffing.cli import main as cli
from staffing.cli.workbook import plan_bytes
from staffing.io.load import load_file

from conftest import ORGS

XINQIAO = ORGS / "jiangsu/taizhou/jingjiang/xinqiao.yaml"
PLAN = load_file(str(XINQIAO)).data


def _as_written() -> dict[str, Any]:
    """PLAN as its workbook reads back: a figure the plan format counts as 0 when left out
    is written out as 0 (a blank cell is unknown)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        return data_of(book(Path(folder)))


def book(tmp_path: Path, edit: Callable[[Any], None] | None = None, name: str = "plan.xlsx") -> Path:
    path = tmp_path / name
    path.write_bytes(plan_bytes(PLAN, ".xlsx", str(path)))
    if edit is not None:
        wb = openpyxl.load_workbook(path)
        edit(wb)
        wb.save(path)
    return path


def at(wb: Any, sheet: str, where: str) -> str:
    """A cell ("G3"), or the value cell of the row labelled so ("@方案日期") on a form sheet."""
    if not where.startswith("@"):
        return where
    row = next(r for r in wb[sheet].iter_rows() if str(r[0].value or "").lstrip("*") == where[1:])
    return f"B{row[0].row}"


def rezip(path: Path, add: dict[str, bytes] | None = None, change: dict[str, Callable[[bytes], bytes]] | None = None) -> None:
    src = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if change and info.filename in change:
                data = change[info.filename](data)
            out.writestr(info.filename, data)
        for name, data in (add or {}).items():
            out.writestr(name, data)
    path.write_bytes(buf.getvalue())


def sheet_part(path: Path, sheet: str) -> str:
    """The zip member holding a sheet's XML."""
    wb = openpyxl.load_workbook(path)
    return f"xl/worksheets/sheet{wb.sheetnames.index(sheet) + 1}.xml"


def check(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    code = cli.main(["check", str(path), "--no-cache", *extra])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def one_message(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    """Exit 2 and exactly one message about the file; the message."""
    code, out, _ = check(path, capsys, *extra)
    lines = [line for line in out.splitlines() if "无法使用" in line]
    assert code == 2 and len(lines) == 1, out
    return lines[0]


def messages(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> list[str]:
    """Exit 2 and every message about the file, in the order of the sheets and cells."""
    code, out, _ = check(path, capsys, *extra)
    lines = [line for line in out.splitlines() if "无法使用" in line]
    assert code == 2 and lines, out
    return lines


def data_of(path: Path) -> dict[str, Any]:
    from staffing.cli.workbook import read_plan

    return read_plan(str(path))


# ---- refused ---------------------------------------------------------------------------------

def test_formula_without_a_saved_value_names_its_cell(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(wb: Any) -> None:
        wb["改革前"]["B4"] = "=40+2"  # openpyxl saves formulas without a result, as a script would

    line = one_message(book(tmp_path, edit), capsys)
    assert "plan.xlsx:改革前!B4: 无法使用：单元格是公式=40+2，文件中没有保存计算结果（或结果为空）；公式不会被计算" in line


def test_formula_whose_saved_result_is_empty_is_said_truly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """=IF(…,"","") as Excel and LibreOffice save it (t="str", an empty <v>): openpyxl reads no
    value, as for a formula saved without one, and the two readers are held equal; the message
    says both, so it is true of this file too (it said "no saved result")."""
    path = book(tmp_path)
    part = sheet_part(path, "改革前")
    rezip(path, change={part: lambda b: re.sub(rb'<c r="B4"[^>]*?(/>|>.*?</c>)',
                                               b'<c r="B4" t="str"><f>IF(TRUE(),"","")</f><v></v></c>', b, count=1)})
    line = one_message(path, capsys)
    assert '改革前!B4: 无法使用：单元格是公式=IF(TRUE(),"","")，文件中没有保存计算结果（或结果为空）' in line, line


def test_formula_whose_saved_result_is_an_error_names_the_error(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """=1/0 saved as Excel and LibreOffice save it: the error it shows, #DIV/0!, is named."""
    def edit(wb: Any) -> None:
        wb["改革前"]["B4"] = "=1/0"

    path = book(tmp_path, edit)
    part = sheet_part(path, "改革前")
    rezip(path, change={part: lambda b: re.sub(rb'(<c r="B4")([^>]*>)<f>1/0</f>(<v\s*/>|<v></v>)?',
                                               rb'\1 t="e"\2<f>1/0</f><v>#DIV/0!</v>', b)})
    assert b"<v>#DIV/0!</v>" in zipfile.ZipFile(path).read(part)
    line = one_message(path, capsys)
    assert "plan.xlsx:改革前!B4: 无法使用：单元格是公式=1/0，计算结果是错误值#DIV/0!；" in line


def test_macro_workbook_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = book(tmp_path)
    rezip(path, add={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 macro"})
    assert "工作簿含有宏（xl/vbaProject.bin）" in one_message(path, capsys)
    xlsm = book(tmp_path, name="plan2.xlsx")
    rezip(xlsm, change={"[Content_Types].xml": lambda b: b.replace(
        b"spreadsheetml.sheet.main+xml", b"sheet.macroEnabled.main+xml")})
    assert "工作簿含有宏" in one_message(xlsm, capsys)


def test_external_links_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = book(tmp_path)
    rezip(path, add={"xl/externalLinks/externalLink1.xml": b"<externalLink/>"})
    assert "工作簿引用了外部文件（xl/externalLinks/externalLink1.xml）" in one_message(path, capsys)


def test_hidden_plan_sheet_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(wb: Any) -> None:
        wb["职能机构"].sheet_state = "hidden"

    assert "plan.xlsx:职能机构: 无法使用：工作表“职能机构”被隐藏" in one_message(book(tmp_path, edit), capsys)


def test_zip_bomb_is_stopped_before_unpacking(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = book(tmp_path)
    rezip(path, change={sheet_part(path, "职能机构"): lambda b: b + b" " * (60 * 1024 * 1024)})
    assert path.stat().st_size < 1024 * 1024  # 60 MB of XML in well under 1 MB
    assert re.search(r"工作簿解压后\d+字节，超过上限5242880字节", one_message(path, capsys))


def test_huge_sheet_is_bounded_like_yaml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(wb: Any) -> None:
        ws = wb["职能机构"]
        for row in range(20, 220):
            ws.cell(row=row, column=15, value=f"职责{row}")

    line = one_message(book(tmp_path, edit), capsys, "--max-nodes", "300")
    assert "单元格超过300个" in line and "!" in line


def test_entity_expansion_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = book(tmp_path)
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>')
    rezip(path, change={sheet_part(path, "基本情况"): lambda b: laughs + b.split(b"?>", 1)[-1]})
    assert "这不是有效的 Excel 工作簿（.xlsx）" in one_message(path, capsys)


@pytest.mark.parametrize("part", ["基本情况", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"])
@pytest.mark.parametrize("encoding", [b"foo", b"rot13", b"mbcs"])
def test_a_part_in_an_encoding_no_codec_reads_is_the_files_fault(part: str, encoding: bytes, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """expat raises LookupError for an encoding Python has no codec for, from C code under a
    frame of ours: the file's fault (not a valid workbook), never told as an internal error of
    the tool (found by an independent review)."""
    path = book(tmp_path)
    name = sheet_part(path, part) if not part.startswith("xl/") else part
    rezip(path, change={name: lambda b: b'<?xml version="1.0" encoding="' + encoding + b'"?>' + b.split(b"?>", 1)[-1]
                        if b.startswith(b"<?xml") else b'<?xml version="1.0" encoding="' + encoding + b'"?>' + b})
    said = one_message(path, capsys)
    assert "这不是有效的 Excel 工作簿（.xlsx）" in said and "内部错误" not in said, said


@pytest.mark.parametrize(("content", "says"), [
    (b"town: not a workbook\n", "这不是有效的 Excel 工作簿（.xlsx）"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "旧版 Excel（.xls）或加密的工作簿"),
    (b"", "这不是有效的 Excel 工作簿（.xlsx）"),
])
def test_not_a_workbook(content: bytes, says: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_bytes(content)
    assert says in one_message(path, capsys)


def test_a_workbook_without_plan_sheets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wb = openpyxl.Workbook()
    wb.active["A1"] = "工资表"
    wb.save(tmp_path / "plan.xlsx")
    assert "工作簿中没有方案工作表（应有：基本情况、改革前" in one_message(tmp_path / "plan.xlsx", capsys)


@pytest.mark.parametrize(("sheet", "cell", "value", "says"), [
    # in the words a YAML plan's messages use: the field by its row's name and its column
    ("职能机构", "C2", "综合部门",
     "plan.xlsx:职能机构!C2: 无法使用：职能机构“党政办公室”的机构类别：“综合部门”不是允许的取值（可写：职能机构、依章程设置的机构"),
    ("职能机构", "G3", "五个", "plan.xlsx:职能机构!G3: 无法使用：职能机构“党建工作办公室”的行政编制（名）：“五个”不是0或以上的整数"),
    ("职能机构", "G3", 2.5, "plan.xlsx:职能机构!G3: 无法使用：职能机构“党建工作办公室”的行政编制（名）"),
    ("职能机构", "G3", -1, "plan.xlsx:职能机构!G3: 无法使用：职能机构“党建工作办公室”的行政编制（名）"),
    ("基本情况", "@经济发达镇", "可能", "plan.xlsx:基本情况!{cell}: 无法使用：经济发达镇：“可能”应为“是”或“否”"),
    ("基本情况", "@方案日期", "去年", "plan.xlsx:基本情况!{cell}: 无法使用：方案日期：“去年”不是日期"),
    ("职能机构", "G1", "编制数", "plan.xlsx:职能机构!G1: 无法使用：未知的列“编制数”"),
    # a header cleared: its column's values are never read, so the header cell is said
    ("职能机构", "G1", None, "plan.xlsx:职能机构!G1: 无法使用：第G列填有内容，但没有列标题，这一列不会被读取"),
    ("编制划转", "F1", "  ", "plan.xlsx:编制划转!F1: 无法使用：第F列填有内容，但没有列标题"),
    ("职能机构", "Z5", 3, "plan.xlsx:职能机构!Z1: 无法使用：第Z列填有内容，但没有列标题"),
    ("基本情况", "A4", "区划代码", "plan.xlsx:基本情况!A4: 无法使用：未知的项目“区划代码”，是否应为“统计用区划代码”？"),
    ("基本情况", "B3", None, "plan.xlsx:基本情况!B3: 无法使用：名称"),
    ("内设科室", "A2", "审批局", "plan.xlsx:内设科室!A2: 无法使用：所属机构“审批局”不在“职能机构”或“事业单位”表中"),
    # 未知 is no body to put the row under (it was an internal error)
    ("内设科室", "A2", "未知", "plan.xlsx:内设科室!A2: 无法使用：所属机构不能填“未知”：请填写本行所属的职能机构或事业单位的名称"),
    ("内设科室", "A2", " ~ ", "plan.xlsx:内设科室!A2: 无法使用：所属机构不能填“~”"),
    # a 事业单位 row whose 类别 is blank or 未知 was read as a support institution left outside
    # the centre, which the checks then found (the service centre too, so it went missing)
    ("事业单位", "A2", None, "plan.xlsx:事业单位!A2: 无法使用：请填写类别（综合服务中心、未整合的事业单位、事业单位）"),
    ("事业单位", "A2", "未知", "plan.xlsx:事业单位!A2: 无法使用：类别不能填“未知”：请填写综合服务中心、未整合的事业单位、事业单位之一"),
])
def test_a_wrong_cell_is_named(sheet: str, cell: str, value: Any, says: str, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    def edit(wb: Any) -> None:
        wb[sheet][at(wb, sheet, cell)] = value

    path = book(tmp_path, edit)
    said = messages(path, capsys)
    # a row label renamed leaves its field unread too: both are said, the row at its cell
    assert len(said) == (2 if cell == "A4" else 1), said
    assert any(says.format(cell=at(openpyxl.load_workbook(path), sheet, cell)) in line for line in said), said


def test_a_header_written_as_a_formula_without_a_value_is_said_once(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """Its column cannot be read: the formula is said at its cell, and nothing else is said
    of the header (it was also said as a column of unknown name “<unreadable>”); what the rows
    then lack is said by the column's header, without the plan format's key a reviewer
    never typed (划出单位, not 划出单位（“from”）)."""
    def edit(wb: Any) -> None:
        wb["编制划转"]["A1"] = "=1+1"

    said = messages(book(tmp_path, edit), capsys)
    assert "plan.xlsx:编制划转!A1: 无法使用：单元格是公式=1+1，文件中没有保存计算结果（或结果为空）" in said[0], said
    assert [line for line in said if "编制划转!A1" in line] == [said[0]], said
    assert any("编制划转!B2: 无法使用：编制划转第1项中缺少必填的划出单位" in line for line in said), said  # the row's first read cell
    assert not any("unreadable" in line or "“from”" in line or "没有列标题" in line for line in said), said


def test_a_column_without_a_header_is_read_past_only_when_it_is_empty_or_headed_remarks(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A header cell left empty over an empty column, or a column headed 备注 (an office's own
    notes), is no mistake: the plan reads as its YAML twin does."""
    def edit(wb: Any) -> None:
        ws = wb["职能机构"]
        ws["Z1"] = None  # an empty column with an empty header: nothing there to lose
        ws["Y1"] = "备注"
        ws["Y2"] = "待核实"

    path = book(tmp_path, edit)
    assert data_of(path) == _as_written()
    code, out, _ = check(path, capsys)
    assert code in (0, 1) and "无法使用" not in out


@pytest.mark.parametrize("rows", [
    [["合计", None, None, None, None, None, 42, 40]],
    [["小 计", None, None, None, None, None, 42]],
    [["注：本表数据截至2020年10月"]],
    [["备注：编制数以批复为准"], ["总计", None, None, None, None, None, 42]],
])
def test_a_total_or_a_note_an_office_adds_under_a_table_is_not_an_item(
        rows: list[list[Any]], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A clerk's own total row or note under the bodies' table is not read as a body (a body
    called 合计 would break the totals, a note row would be a body of unknown quotas)."""
    def edit(wb: Any) -> None:
        ws = wb["职能机构"]
        for row in rows:
            ws.append(row)

    path = book(tmp_path, edit)
    assert data_of(path) == _as_written()
    code, out, _ = check(path, capsys)
    assert code == 0, out


@pytest.mark.parametrize(("sheet", "title", "says"), [
    ("编制划转", "编制划转（2020）", "编制划转（2020）!A1: 无法使用：工作表“编制划转（2020）”像是“编制划转”表，但名称不同"),
    ("编制划转", "Sheet1", "Sheet1!A1: 无法使用：工作表“Sheet1”像是“编制划转”表"),  # by its headers
    ("合计", "汇总", "汇总!A1: 无法使用：工作表“汇总”像是“合计”表"),  # by its items; 改革前 (alike) is there
    ("领导职数", "领导职数（定稿）", "领导职数（定稿）!A1: 无法使用：工作表“领导职数（定稿）”像是“领导职数”表"),
])
def test_a_plan_sheet_under_another_name_is_said_not_dropped(
        sheet: str, title: str, says: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A plan sheet renamed would go unread: its transfers, totals or posts dropped without a
    word (a plan that passes as YAML failing as a workbook, or the other way round)."""
    path = book(tmp_path, lambda wb: setattr(wb[sheet], "title", title))
    said = messages(path, capsys)
    assert any(says in line for line in said), said


def test_a_second_copy_of_a_plan_sheet_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(wb: Any) -> None:
        wb.copy_worksheet(wb["职能机构"]).title = "职能机构 (2)"

    said = messages(book(tmp_path, edit), capsys)
    assert said == [next(line for line in said if "职能机构 (2)!A1: 无法使用：工作表“职能机构 (2)”像是又一张“职能机构”表" in line)]


def test_a_sheet_of_the_office_s_own_is_left_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A sheet like no plan sheet (the office's own notes), and the template's examples, are
    not read and not said."""
    def edit(wb: Any) -> None:
        ws = wb.create_sheet("审核记录")
        ws.append(["日期", "审核人", "意见"])
        ws.append(["2020-10-01", "张三", "机构名称、行政编制已核对"])

    path = book(tmp_path, edit)
    assert data_of(path) == _as_written()
    code, out, _ = check(path, capsys)
    assert code == 0 and "审核记录" not in out, out


def test_a_bad_workbook_does_not_stop_the_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book(tmp_path, lambda wb: wb["改革前"].__setitem__("B4", "=1"), name="a.xlsx")
    book(tmp_path, name="b.xlsx")
    code = cli.main(["check", str(tmp_path), "--no-cache", "--format", "json"])
    out, _ = capsys.readouterr()
    files = json.loads(out)["files"]
    assert code == 2
    assert [(Path(f["path"]).name, f["status"]) for f in files] == [("a.xlsx", "error"), ("b.xlsx", "pass")]
    assert (files[0]["error"]["sheet"], files[0]["error"]["cell"], files[0]["error"]["line"]) == ("改革前", "B4", 4)


# ---- handled: what real tables hold ----------------------------------------------------------

def test_saved_formula_value_is_used_and_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(wb: Any) -> None:
        wb["改革前"]["B4"] = "=40+2"

    path = book(tmp_path, edit)
    part = sheet_part(path, "改革前")
    # what Excel saves: the formula and, beside it, the value it computed
    rezip(path, change={part: lambda b: re.sub(rb'(<c r="B4"[^>]*>)<f>40\+2</f><v\s*/>|(<c r="B4"[^>]*>)<f>40\+2</f><v></v>',
                                               lambda m: (m.group(1) or m.group(2)) + b"<f>40+2</f><v>42</v>", b)})
    assert b"<v>42</v>" in zipfile.ZipFile(path).read(part)
    before = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
    code, out, _ = check(path, capsys, "--format", "json")
    assert code == 0
    notes = [f for f in json.loads(out)["files"][0]["findings"] if f["code"] == "ST003"]
    assert [(n["severity"], n["sheet"], n["cell"]) for n in notes] == [("info", "改革前", "B4")]
    assert notes[0]["message"]["zh"] == "单元格是公式=40+2，未计算公式，使用了文件中保存的结果42"
    assert data_of(path)["baseline"]["quotas"]["administrative"] == 42
    # the workbook is never written to
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns) == before


def test_office_habits_are_read_as_meant(tmp_path: Path) -> None:
    """Merged owner cells, numbers typed as text, full-width digits, units, date serials,
    stray spaces, empty rows, a title row above the header: the same plan."""

    def edit(wb: Any) -> None:
        base = wb["改革前"]
        base["B4"] = " ４２ "  # full-width digits and spaces
        base["B5"] = "58名"  # with its unit
        town = wb["基本情况"]
        town[at(wb, "基本情况", "@方案日期")] = (PLAN["plan_date"] - dt.date(1899, 12, 30)).days  # as Excel counts days
        town["B3"] = "\u3000新桥镇 "  # a full-width space
        subs = wb["内设科室"]
        subs.insert_rows(1)
        subs["A1"] = "新桥镇内设科室表"  # a title row above the header
        subs.merge_cells("A4:A5")  # one owner cell over its two squads
        bodies = wb["职能机构"]
        bodies.insert_rows(4, amount=2)  # empty rows between bodies

    path = book(tmp_path, edit)
    wb = openpyxl.load_workbook(path)
    assert wb["内设科室"]["A5"].value is None  # really merged: the value is only in A4
    assert data_of(path) == _as_written()
    assert isinstance(PLAN["plan_date"], dt.date)


@pytest.mark.parametrize(("sheet", "cells", "says"), [
    ("职能机构", "G2:G3", "职能机构!G2: 无法使用：合并单元格G2:G3跨了几个数字格"),  # two bodies' quotas
    ("职能机构", "G2:H2", "职能机构!G2: 无法使用：合并单元格G2:H2跨了几个数字格"),  # two quota types of one body
    ("合计", "B3:B4", "合计!B3: 无法使用：合并单元格B3:B4跨了几个数字格"),  # two rows of a form
])
def test_a_merged_cell_over_several_figures_is_said_not_counted_twice(
        sheet: str, cells: str, says: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One number over two figures would be read into each and counted twice (a plan that
    passes as YAML would fail as a workbook, with wrong sums): one message at its first cell."""
    path = book(tmp_path, lambda wb: wb[sheet].merge_cells(cells))
    said = messages(path, capsys)
    assert len(said) == 1 and says in said[0], said


@pytest.mark.parametrize("sheet", ["合计", "改革前"])  # (openpyxl moves no merged range on insert_rows: forms without one)
def test_a_title_row_above_a_form_is_read_as_meant(sheet: str, tmp_path: Path) -> None:
    """A title an office writes above a form's 项目 | 填写内容 header, merged across it or not,
    is not an item of the form (as above a table's header)."""
    def edit(wb: Any) -> None:
        ws = wb[sheet]
        ws.insert_rows(1)
        ws["A1"] = f"新桥镇三定方案{sheet}表"
        ws.merge_cells("A1:B1")

    path = book(tmp_path, edit)
    assert data_of(path) == _as_written()


def test_a_cell_at_the_last_row_is_read_without_walking_the_sheet(tmp_path: Path) -> None:
    def edit(wb: Any) -> None:
        wb["职能机构"]["A1048576"] = "最后一行的机构"

    data = data_of(book(tmp_path, edit))
    assert data["bodies"][-1] == {"name": "最后一行的机构", "quotas": None}  # its blank quotas: unknown


def test_unknown_sheets_and_notes_columns_are_left_alone(tmp_path: Path) -> None:
    def edit(wb: Any) -> None:
        wb.create_sheet("草稿")["A1"] = "=SUM(1,2)"
        ws = wb["职能机构"]
        ws.cell(row=1, column=30, value="备注")
        ws.cell(row=2, column=30, value="待定")

    assert data_of(book(tmp_path, edit)) == _as_written()


def test_a_formula_looking_name_stays_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(json.dumps(PLAN, default=str))
    data["bodies"][2]["name"] = "=HYPERLINK(\"http://x\")"
    source = tmp_path / "p.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert cli.main(["convert", str(source), "-o", str(tmp_path / "p.xlsx")]) == 0
    cell = openpyxl.load_workbook(tmp_path / "p.xlsx")["职能机构"]["A4"]
    assert (cell.value, cell.data_type) == ("=HYPERLINK(\"http://x\")", "s")
    assert data_of(tmp_path / "p.xlsx")["bodies"][2]["name"] == "=HYPERLINK(\"http://x\")"
    capsys.readouterr()


def test_a_control_character_cannot_go_into_a_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(json.dumps(PLAN, default=str))
    data["bodies"][2]["name"] = "经济\u0007发展局"
    source = tmp_path / "p.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code = cli.main(["convert", str(source), "-o", str(tmp_path / "p.xlsx")])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "") and err.count("\n") == 1 and "含有控制字符" in err and "Traceback" not in err
    assert not (tmp_path / "p.xlsx").exists()


def test_every_wrong_cell_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A workbook with several wrong cells: one message per cell, in the order of the sheets
    and cells, each at its sheet!cell, in one run."""
    def edit(wb: Any) -> None:
        wb["基本情况"][at(wb, "基本情况", "@方案日期")] = "去年"
        wb["职能机构"]["C2"] = "综合部门"
        wb["职能机构"]["G3"] = "五个"  # in the column whose header is wrong: that column is not read
        wb["职能机构"]["G1"] = "编制数"

    path = book(tmp_path, edit)
    said = messages(path, capsys)
    wb = openpyxl.load_workbook(path)
    assert [line.split(": ", 1)[0].rsplit(":", 1)[-1] for line in said] == [
        f"基本情况!{at(wb, '基本情况', '@方案日期')}", "职能机构!G1", "职能机构!C2"]
    assert said[0].endswith("无法使用：“去年”不是日期") or "“去年”不是日期" in said[0]
    assert "未知的列“编制数”" in said[1]
    assert "“综合部门”不是允许的取值" in said[2]


def _damaged(raw: bytes, how: str) -> bytes:
    """A workbook whose [Content_Types].xml zipfile cannot read: its stored CRC wrong, or a
    compression method it does not know (99, as an AES-encrypted part declares)."""
    data = bytearray(raw)
    name = b"[Content_Types].xml"
    at = data.find(name)
    while at != -1:  # each header that names the part: the local one, then the central one
        head = data.rfind(b"PK\x03\x04", 0, at)
        central = data.rfind(b"PK\x01\x02", 0, at)
        start, method, crc = (central, 10, 16) if central > head else (head, 8, 14)
        if how == "crc":
            data[start + crc] ^= 0xFF
        else:
            data[start + method:start + method + 2] = (99).to_bytes(2, "little")
        at = data.find(name, at + 1)
    return bytes(data)


@pytest.mark.parametrize("how", ["crc", "method"])
def test_a_part_that_cannot_be_unpacked_is_one_message(how: str, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """The plan reader and the page's sheet tables both say the file is not a workbook it can
    read, never an internal error."""
    from staffing.errors import InputProblem
    from staffing.io.sheets import sheet_grids

    path = book(tmp_path)
    path.write_bytes(_damaged(path.read_bytes(), how))
    assert "这不是有效的 Excel 工作簿（.xlsx）" in one_message(path, capsys)
    with pytest.raises(InputProblem) as raised:
        sheet_grids(str(path), path.read_bytes())
    assert raised.value.key == "xlsx.not-a-workbook"


@pytest.mark.parametrize(("typed", "read"), [("1,200", 1200), ("12,000", 12000), ("1，200", 1200), ("1,200名", 1200),
                                             ("1,234,567", 1234567)])
def test_thousands_separators_are_read_as_written(typed: str, read: int, tmp_path: Path) -> None:
    def edit(wb: Any) -> None:
        wb["改革前"]["B4"] = typed  # a form's figure
        wb["职能机构"]["G2"] = typed  # a table's

    data = data_of(book(tmp_path, edit))
    assert data["baseline"]["quotas"]["administrative"] == read
    assert data["bodies"][0]["quotas"]["administrative"] == read


@pytest.mark.parametrize("typed", ["1,2", "1,23", "12,3456", "1，2", "12，3456", "1,200,5"])
def test_a_comma_that_separates_no_thousands_is_said_at_its_cell(typed: str, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """"1,2" was read as 12: a comma with other than three digits after it is no thousands
    separator, and the figure is said at its cell, not guessed."""
    def edit(wb: Any) -> None:
        wb["改革前"]["B4"] = typed
        wb["职能机构"]["G2"] = typed

    said = messages(book(tmp_path, edit), capsys)
    why = f"：“{typed}”中的逗号不是千位分隔符（千位分隔符后应正好是三位数字）；请填写整数"
    assert [line.split("plan.xlsx:")[1] for line in said] == [
        f"改革前!B4: 无法使用：行政编制（名）{why}", f"职能机构!G2: 无法使用：职能机构“党政办公室”的行政编制（名）{why}"]


def test_a_hidden_row_or_column_holding_entries_is_said_not_read_unseen(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """A clerk hid a body's row (a body merged away, hidden rather than deleted) and a
    column of quotas: read as before, the hidden body counted toward the limit and its
    quotas toward the total, though neither the screen nor the printout showed them.  Each
    is said at its first cell holding anything, as a hidden sheet is refused; a hidden row or
    column holding nothing is no matter."""
    def edit(wb: Any) -> None:
        wb["职能机构"].row_dimensions[3].hidden = True
        wb["职能机构"].column_dimensions["H"].hidden = True
        wb["职能机构"].row_dimensions[40].hidden = True  # empty
        wb["改革前"].column_dimensions["D"].hidden = True  # empty
        wb["合计"].row_dimensions[2].hidden = True

    said = messages(book(tmp_path, edit), capsys)
    assert [line.split("plan.xlsx:")[1] for line in said] == [
        "合计!A2: 无法使用：第2行被隐藏，但其中填有内容：请取消隐藏（或删除该行）后再检查，以免漏看其中内容",
        "职能机构!H1: 无法使用：第H列被隐藏，但其中填有内容：请取消隐藏（或删除该列）后再检查，以免漏看其中内容",
        "职能机构!A3: 无法使用：第3行被隐藏，但其中填有内容：请取消隐藏（或删除该行）后再检查，以免漏看其中内容"]


def test_rows_and_columns_shown_again_read_as_before(tmp_path: Path) -> None:
    """Hidden, then shown again (hidden="0", as Excel writes a row it once hid): read as if
    never hidden."""
    def edit(wb: Any) -> None:
        wb["职能机构"].row_dimensions[3].hidden = False
        wb["职能机构"].row_dimensions[3].height = 30
        wb["职能机构"].column_dimensions["H"].hidden = False
        wb["职能机构"].column_dimensions["H"].width = 20

    assert data_of(book(tmp_path, edit)) == _as_written()
