"""The workbook's cells read straight from the sheets' XML (io/workbook_cells) are the cells
openpyxl reads: the same values of the same types at the same places, the same formulas,
saved values and merged ranges, on every workbook the tool writes and on workbooks made to
be awkward.  What that reader does not read exactly, or safely, it leaves to openpyxl (after
the bounds of io/workbook_bounds): a declaration (a document type, an entity) anywhere in the
package, a part not plain UTF-8, a count past a bound.  (Every workbook any test reads in
process is read both ways too: conftest's `_both_workbook_readers`.)"""

from __future__ import annotations

import datetime as dt
import io
import re
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont

from staffing.cli import main as cli
from staffing.errors import InputProblem
from staffing.io import workbook, workbook_cells
from staffing.io.document import DEFAULT_LIMITS
from staffing.io.workbook import read_sheets
from staffing.io.workbook_bounds import check_bounds
from staffing.io.workbook_cells import Unsure, openpyxl_cells, read_cells
from staffing.plan.generate import write

from conftest import ORGS, cells_seen

PLANS = sorted(ORGS.rglob("*.yaml"))
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def fast(raw: bytes, limit: int = DEFAULT_LIMITS.max_nodes) -> list[workbook_cells.SheetCells]:
    return read_cells(zipfile.ZipFile(io.BytesIO(raw)), limit)


def assert_read_alike(raw: bytes) -> list[workbook_cells.SheetCells]:
    """The fast reader reads the workbook (it is not unsure of it), and reads what openpyxl
    reads, with and without the formulas."""
    got = fast(raw)
    assert cells_seen(got) == cells_seen(openpyxl_cells(raw, formulas=True))
    assert cells_seen(got, formulas=False) == cells_seen(openpyxl_cells(raw, formulas=False), formulas=False)
    return got


def assert_left_to_openpyxl(raw: bytes, why: str | None = None) -> None:
    """The fast reader is unsure of the workbook (saying `why`), and the tool reads what
    openpyxl reads, or refuses it where openpyxl does."""
    with pytest.raises(Unsure, match=None if why is None else re.escape(why)):
        fast(raw)
    try:
        expected = cells_seen(openpyxl_cells(raw))
    except Exception:  # openpyxl refuses it: so must the tool
        with pytest.raises(InputProblem):
            read_sheets("x.xlsx", raw, DEFAULT_LIMITS)
        return
    assert cells_seen(read_sheets("x.xlsx", raw, DEFAULT_LIMITS)) == expected


def assert_read_alike_or_left_to_openpyxl(raw: bytes) -> None:
    """The fast reader reads what openpyxl reads, or is unsure of the workbook and leaves it to
    openpyxl (`assert_left_to_openpyxl`)."""
    try:
        got = fast(raw)
    except Unsure:
        assert_left_to_openpyxl(raw)
        return
    assert cells_seen(got) == cells_seen(openpyxl_cells(raw))


def converted(source: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> bytes:
    assert cli.main(["convert", str(source), "-o", str(out)]) == 0
    capsys.readouterr()
    return out.read_bytes()


# ---- every workbook the tool writes ------------------------------------------------------------

@pytest.mark.parametrize("plan", PLANS, ids=lambda p: p.stem)
def test_every_plan_converted_reads_alike(plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheets = assert_read_alike(converted(plan, tmp_path / "plan.xlsx", capsys))
    assert sum(len(s.cells) for s in sheets) > 50 and any(s.merged for s in sheets)
    assert any(s.state != "visible" for s in sheets)  # the drop-downs' lists


def test_a_generated_corpus_converted_reads_alike(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(str(tmp_path / "g"), 8, 11)
    plans = sorted(p for p in (tmp_path / "g").rglob("*.yaml") if not p.name.startswith("_"))
    assert len(plans) == 8
    for plan in plans:
        assert_read_alike(converted(plan, tmp_path / f"{plan.stem}.xlsx", capsys))


@pytest.mark.parametrize("args", [["--rules", "jiangsu-developed-town", "--no-example"],
                                  ["--rules", "taizhou-three-integrations"]], ids=["blank", "example"])
def test_the_templates_read_alike(args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "模板.xlsx"
    assert cli.main(["template", *args, "-o", str(out)]) == 0
    capsys.readouterr()
    assert_read_alike(out.read_bytes())


def test_a_workbook_filled_in_and_saved_by_openpyxl_reads_alike(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "plan.xlsx"
    converted(ORGS / "jiangsu/taizhou/jingjiang/xinqiao.yaml", path, capsys)
    wb = openpyxl.load_workbook(path)
    ws = wb["职能机构"]
    ws["B2"] = "=1+1"  # a formula without a saved value, as a script writes one
    ws["C3"] = 7.25
    ws["D4"] = ""  # an empty string
    ws["E5"] = True
    ws["F6"] = dt.datetime(2024, 3, 1, 12, 30)
    wb.save(path)
    assert_read_alike(path.read_bytes())


# ---- workbooks made to be awkward -------------------------------------------------------------

def _base() -> tuple[bytes, dict[str, str]]:
    """A workbook from openpyxl with a visible, a hidden and a very hidden sheet, and the
    styles of a date, a duration and a number format; the style number of each."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "数据"
    for ref, value, fmt in (("A1", dt.datetime(2024, 1, 2), "yyyy-mm-dd"), ("A2", dt.timedelta(hours=30), "[h]:mm:ss"),
                            ("A3", 1.5, "0.00"), ("A4", dt.datetime(2024, 1, 2, 3, 4), "yyyy\"年\"m\"月\"d\"日\" hh:mm")):
        ws[ref] = value
        ws[ref].number_format = fmt
    ws["A5"] = "x"
    ws["A6"] = CellRichText(["普通", TextBlock(InlineFont(b=True), "加粗")])
    hidden = wb.create_sheet("隐藏")
    hidden["A1"] = "列表"
    hidden.sheet_state = "hidden"
    very = wb.create_sheet("很隐藏")
    very["B2"] = 3
    very.sheet_state = "veryHidden"
    buf = io.BytesIO()
    wb.save(buf)
    raw = buf.getvalue()
    sheet = zipfile.ZipFile(io.BytesIO(raw)).read("xl/worksheets/sheet1.xml").decode()
    styles = {ref: re.search(rf'<c r="{ref}" s="(\d+)"', sheet)[1] for ref in ("A1", "A2", "A3", "A4")}  # type: ignore[index]
    return raw, {"date": styles["A1"], "duration": styles["A2"], "number": styles["A3"], "datetime": styles["A4"]}


def _rezip(raw: bytes, change: dict[str, Callable[[bytes], bytes]]) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(raw))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        names = src.namelist() + [n for n in change if n not in src.namelist()]
        for name in names:
            data = src.read(name) if name in src.namelist() else b""
            out.writestr(name, change[name](data) if name in change else data)
    return buf.getvalue()


STRINGS = (
    "<si><t></t></si>",  # 0: empty
    '<si><t xml:space="preserve">   </t></si>',  # 1: spaces
    '<si><r><t>甲</t></r><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve"> 乙 </t></r>'
    '<rPh sb="0" eb="1"><t>ジャ</t></rPh><phoneticPr fontId="1"/></si>',  # 2: rich text
    "<si><t>合并区的值</t></si>",  # 3
    "<si><t>x005F_x0041_ 与 x005F_x000D_</t></si>",  # 4: escapes
    "<si><t>第十行</t></si>",  # 5
    "<si><t>前</t><r><t>后</t></r></si>",  # 6: plain text and a run
    "<si/>",  # 7: nothing at all
)


def _awkward(date1904: bool = False) -> bytes:
    raw, s = _base()
    data = f"""<sheetData>
<row r="1"><c r="A1" s="{s['date']}"><v>45000</v></c><c r="B1" s="{s['datetime']}"><v>45000.5</v></c>
<c r="C1" s="{s['duration']}"><v>1.25</v></c><c r="D1" s="{s['number']}"><v>1.50</v></c><c r="E1"><v>1E3</v></c>
<c r="F1"><v>-7</v></c><c r="G1" s="{s['date']}"><v>99999999</v></c><c r="H1"><v></v></c><c r="I1" s="0"><v>2.5e-3</v></c></row>
<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c><c r="C2" t="e"><v>#DIV/0!</v></c>
<c r="D2" t="str"><v>文本</v></c><c r="E2" t="inlineStr"><is><t>行内</t></is></c>
<c r="F2" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r></is></c>
<c r="G2" t="s"><v>0</v></c><c r="H2" t="s"><v>1</v></c><c r="I2" t="s"><v>2</v></c><c r="J2" t="inlineStr"><is><t></t></is></c>
<c r="K2" t="inlineStr"/><c r="L2" t="s"><v>4</v></c><c r="M2" t="s"><v>6</v></c><c r="N2" t="s"><v>7</v></c></row>
<row r="3"><c r="A3"><f>1+1</f><v>2</v></c><c r="B3"><f>A1&amp;"x"</f></c><c r="C3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>
<c r="D3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E3" t="b"><f>TRUE()</f><v>1</v></c><c r="F3" s="{s['date']}"><f>A1+1</f><v>45001</v></c>
<c r="G3" t="str"><f>""</f><v></v></c></row>
<row r="4"><c r="A4"><f t="shared" ref="A4:D4" si="0">A3*2</f><v>4</v></c><c r="B4"><f t="shared" si="0"/><v>0</v></c>
<c r="C4"><f t="shared" si="0"/></c><c r="D4"><f t="shared" si="0"/><v>8</v></c></row>
<row r="5"><c r="A5" t="s"><v>3</v></c><c r="B5"><v>5</v></c><c r="C5"><f>1</f><v>1</v></c><c r="D5" t="s"><v>3</v></c></row>
<row r="6" spans="1:3" ht="20" customHeight="1"><c r="A6"><v>6</v></c><c r="B6"><v>7</v></c></row>
<row><c><v>8</v></c><c t="s"><v>5</v></c><c r="E9"><v>9</v></c><c><v>10</v></c></row>
<row r="12"><c r="b12"><v>12</v></c><c r="AA12" t="s"><v>5</v></c></row>
</sheetData><mergeCells count="3"><mergeCell ref="A5:C6"/><mergeCell ref="D10:E11"/><mergeCell ref="G7:G8"/></mergeCells>"""
    table = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{MAIN}">{"".join(STRINGS)}</sst>'

    def sheet(xml: bytes) -> bytes:
        xml = re.sub(rb"<sheetData>.*</sheetData>|<sheetData/>", lambda _: data.encode(), xml, flags=re.S)
        return re.sub(rb"<dimension [^>]*/>", b"", xml)

    def book(xml: bytes) -> bytes:
        return xml.replace(b"<workbookPr", b'<workbookPr date1904="1"', 1) if date1904 else xml

    def types(xml: bytes) -> bytes:  # openpyxl wrote its strings inline: the table is declared here
        return xml.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                           b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')

    return _rezip(raw, {"xl/worksheets/sheet1.xml": sheet, "xl/sharedStrings.xml": lambda _: table.encode(),
                        "xl/workbook.xml": book, "[Content_Types].xml": types})


@pytest.mark.parametrize("date1904", [False, True], ids=["1900", "1904"])
def test_an_awkward_workbook_reads_alike(date1904: bool) -> None:
    raw = _awkward(date1904)
    assert b"date1904" in zipfile.ZipFile(io.BytesIO(raw)).read("xl/workbook.xml") or not date1904
    sheets = assert_read_alike(raw)
    assert [(s.title, s.state) for s in sheets] == [("数据", "visible"), ("隐藏", "hidden"), ("很隐藏", "veryHidden")]
    cells = sheets[0]
    # what is read, so that reading alike means something
    assert isinstance(cells.cells[(1, 1)], dt.datetime) and isinstance(cells.cells[(1, 3)], dt.timedelta)
    assert cells.cells[(1, 7)] == "#VALUE!"  # a date serial past the calendar: an error, as openpyxl says
    assert cells.cells[(2, 1)] is True and cells.cells[(2, 2)] is False
    assert cells.cells[(2, 9)] == "甲 乙 " and cells.cells[(2, 6)] == "富文本" and cells.cells[(2, 13)] == "前后"
    assert cells.cells[(2, 7)] == "" and cells.cells[(2, 8)] == "   " and (2, 11) not in cells.cells
    assert cells.cells[(2, 12)] == "x0041_ 与 x000D_"
    assert cells.formulas[(4, 2)] == "=B3*2" and cells.formulas[(4, 4)] == "=D3*2" and (4, 3) not in cells.saved
    assert (3, 2) in cells.formulas and (3, 2) not in cells.saved  # no saved value
    assert (5, 2) not in cells.cells and (5, 3) not in cells.formulas and (6, 1) not in cells.cells  # under A5:C6
    assert cells.cells[(9, 5)] == 9 and cells.cells[(7, 6)] == 10 and cells.cells[(12, 2)] == 12
    assert sorted(cells.merged) == [(5, 1, 6, 3), (7, 7, 8, 7), (10, 4, 11, 5)]
    assert sheets[2].cells == {(2, 2): 3}


def test_the_reading_is_the_plan_readers_and_the_pages(tmp_path: Path) -> None:
    """read_sheets gives the fast reading, and without formulas what Excel shows."""
    raw = _awkward()
    got = read_sheets("x.xlsx", raw, DEFAULT_LIMITS, formulas=False)
    assert cells_seen(got, formulas=False) == cells_seen(openpyxl_cells(raw, formulas=False), formulas=False)
    shown = got[0].shown()
    assert shown[(3, 1)] == 2 and (3, 2) not in shown and shown[(4, 1)] == 4


@pytest.mark.parametrize("cell, why", [
    ('<c r="A1"><f t="array" ref="A1">1+1</f><v>2</v></c>', "array formula"),
    ('<c r="A1" t="d"><v>2024-01-02</v></c>', "ISO date cell"),
    ('<c r="A1"><v>1</v></c><c r="A1"><v>2</v></c>', "two cells at one place"),
    ('<c r="$A$1"><v>1</v></c>', "cell reference"),
    ('<c r="A1" s="999"><v>1</v></c>', "style out of range"),
    ('<c r="A1"><v>1</v><v>2</v></c>', "cell structure"),
])
def test_what_the_fast_reader_does_not_read_exactly_is_left_to_openpyxl(cell: str, why: str) -> None:
    assert_left_to_openpyxl(_rezip(_awkward(), {"xl/worksheets/sheet2.xml": lambda xml: re.sub(
        rb"<sheetData>.*</sheetData>", f'<sheetData><row r="1">{cell}</row></sheetData>'.encode(), xml,
        flags=re.S)}), why)


# ---- hostile parts: never parsed here --------------------------------------------------------

DOCTYPE = b'<!DOCTYPE sst [<!ELEMENT sst ANY>]>'
LAUGHS = b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'


def _declared(xml: bytes, declaration: bytes, use: bytes = b"") -> bytes:
    head, sep, rest = xml.partition(b"?>")
    out = head + sep + declaration + rest if sep else declaration + xml
    return out.replace(b"<t>\xe5\x90\x88", b"<t>" + use + b"\xe5\x90\x88", 1) if use else out


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Every part the fast reader hands the XML parser."""
    seen: list[bytes] = []
    real = ET.fromstring

    def spy(data: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(bytes(data))
        return real(data, *args, **kwargs)

    monkeypatch.setattr(workbook_cells.ET, "fromstring", spy)
    return seen


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml",
                                  "xl/styles.xml", "docProps/core.xml"])
def test_a_document_type_goes_to_openpyxl(part: str, parsed: list[bytes]) -> None:
    raw = _rezip(_awkward(), {part: lambda xml: _declared(xml, DOCTYPE)})
    with pytest.raises(Unsure, match="declaration"):
        fast(raw)
    assert not any(b"<!D" in data or b"<!E" in data for data in parsed)
    # openpyxl (defusedxml) reads a document type without entities: the same cells as before
    assert cells_seen(read_sheets("x.xlsx", raw, DEFAULT_LIMITS)) == cells_seen(openpyxl_cells(raw))


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "docProps/core.xml"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_an_entity_is_refused_and_never_expanded(part: str, encoding: str, parsed: list[bytes]) -> None:
    def hostile(xml: bytes) -> bytes:
        text = _declared(xml, LAUGHS, b"&lol2;").decode()
        if encoding == "utf-16":
            text = text.replace('encoding="UTF-8"', 'encoding="UTF-16"').replace("encoding='UTF-8'", "encoding='UTF-16'")
        return text.encode(encoding)

    raw = _rezip(_awkward(), {part: hostile})
    with pytest.raises(Unsure):
        fast(raw)
    assert not parsed or not any(b"ENTITY" in data.replace(b"\0", b"") for data in parsed)
    with pytest.raises(InputProblem) as refused:
        read_sheets("x.xlsx", raw, DEFAULT_LIMITS)
    assert refused.value.key == "xlsx.not-a-workbook"


def test_an_image_is_no_declaration_but_a_padded_doctype_is() -> None:
    """A picture (a seal, a logo) whose bytes happen to hold "<!" keeps the fast reader; a
    document type after any amount of white space is still found (XML allows the space)."""
    image = b"\x89PNG\r\n\x1a\n\x00\x00<!\x07" + bytes(range(256))
    assert_read_alike(_rezip(_awkward(), {"xl/media/image1.png": lambda _: image}))
    padded = _rezip(_awkward(), {"docProps/core.xml": lambda xml: b" \n" * 500 + DOCTYPE + xml.split(b"?>", 1)[-1]})
    with pytest.raises(Unsure, match="declaration"):
        fast(padded)


@pytest.mark.parametrize("xml, why", [
    ('<?xml version="1.0" encoding="ISO-8859-1"?><sst xmlns="{MAIN}"/>', "encoding"),
    ('<sst xmlns="{MAIN}"><!-- fine --><![CDATA[also fine]]></sst>', None),
])
def test_only_plain_utf8_is_parsed_here(xml: str, why: str | None) -> None:
    raw = _rezip(_awkward(), {"docProps/app.xml": lambda _: xml.replace("{MAIN}", MAIN).encode("latin-1")}) \
        if why is None else _rezip(_awkward(), {"xl/sharedStrings.xml": lambda _: xml.replace("{MAIN}", MAIN).encode()})
    if why is None:
        assert_read_alike(raw)  # a comment or a CDATA section is not a declaration
    else:
        with pytest.raises(Unsure, match=why):
            fast(raw)


# ---- the bounds, counted alike ---------------------------------------------------------------

def _least_limit(raw: bytes) -> int:
    """The least limit workbook_bounds lets the workbook through at."""
    low, high = 1, 10_000
    while low < high:
        mid = (low + high) // 2
        try:
            check_bounds("x.xlsx", zipfile.ZipFile(io.BytesIO(raw)), mid)
        except InputProblem:
            low = mid + 1
        else:
            high = mid
    return low


@pytest.mark.parametrize("extra", ["", '<mergeCells><mergeCell ref="H20:K40"/></mergeCells>'], ids=["cells", "merged"])
def test_the_fast_reader_stops_where_the_bounds_stop(extra: str) -> None:
    raw = _awkward()
    if extra:
        raw = _rezip(raw, {"xl/worksheets/sheet2.xml": lambda xml: xml.replace(b"</sheetData>",
                                                                                  b"</sheetData>" + extra.encode(), 1)})
    least = _least_limit(raw)
    assert least > len(STRINGS)
    fast(raw, least)
    with pytest.raises(Unsure, match="too many"):
        fast(raw, least - 1)


def test_a_large_part_is_left_to_the_streaming_check(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = _awkward()
    monkeypatch.setattr(workbook_cells, "FAST_BYTES", 1000)
    with pytest.raises(Unsure, match="large part"):
        fast(raw)
    assert cells_seen(read_sheets("x.xlsx", raw, DEFAULT_LIMITS)) == cells_seen(openpyxl_cells(raw))


@pytest.mark.parametrize("data", [b"<!DOCTYPE sst><sst/>", b'<?xml version="1.0"?>\n<!ENTITY x "y"><sst/>',
                                  "<sst/>".encode("utf-16"), "<sst/>".encode("utf-16-le"), b"<sst>\0</sst>"])
def test_a_part_is_parsed_here_only_as_plain_utf8_without_declarations(data: bytes, parsed: list[bytes]) -> None:
    """The parser's own guard, however a part reaches it (read_cells refuses such a
    package before it reads any part)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        out.writestr("part.xml", data)
    with pytest.raises(Unsure, match="encoding or declaration"):
        workbook_cells._xml(workbook_cells._Package(zipfile.ZipFile(buf)), "part.xml")
    assert parsed == []


def test_a_string_inside_another_is_left_to_openpyxl() -> None:
    """openpyxl lists a shared string inside another before it: not read here."""
    nested = f'<sst xmlns="{MAIN}"><si><t>外</t><si><t>内</t></si></si>{"".join(STRINGS)}</sst>'.encode()
    raw = _rezip(_awkward(), {"xl/sharedStrings.xml": lambda _: nested})
    with pytest.raises(Unsure, match="a string inside another"):
        fast(raw)
    assert cells_seen(read_sheets("x.xlsx", raw, DEFAULT_LIMITS)) == cells_seen(openpyxl_cells(raw))


# ---- what is read without parsing it, and what is unpacked without zipfile --------------------

def _plan_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> bytes:
    return converted(ORGS / "jiangsu/taizhou/jingjiang/xinqiao.yaml", tmp_path / "plan.xlsx", capsys)


def _in_sheet(raw: bytes, part: str, before: bytes, insert: bytes) -> bytes:
    def change(xml: bytes) -> bytes:
        assert before in xml
        return xml.replace(before, insert + before, 1)
    return _rezip(raw, {part: change})


def test_the_lists_of_a_sheet_are_not_parsed_and_the_cells_read_alike(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], parsed: list[bytes]) -> None:
    """The drop-downs, the columns' widths and the views of the tool's own form are never
    handed to the parser, and the cells come out as openpyxl reads them."""
    raw = _plan_workbook(tmp_path, capsys)
    sheets = [zipfile.ZipFile(io.BytesIO(raw)).read(n) for n in zipfile.ZipFile(io.BytesIO(raw)).namelist()
              if n.startswith("xl/worksheets/")]
    assert sum(b"<dataValidation " in s for s in sheets) >= 8 and sum(b"<col " in s for s in sheets) >= 8
    assert_read_alike(raw)
    handed = [data for data in parsed if b"<worksheet" in data]
    assert len(handed) == len(sheets)
    assert not any(b"<dataValidation " in data or b"<col " in data or b"<sheetView " in data for data in handed)
    assert sum(b"<dataValidations/>" in data for data in handed) >= 8


def _sheet_parts(raw: bytes) -> dict[str, str]:
    """Each worksheet's title → its part, as the workbook and its relationships list them."""
    package = zipfile.ZipFile(io.BytesIO(raw))
    targets = {r.get("Id"): r.get("Target", "").lstrip("/") for r in ET.fromstring(package.read("xl/_rels/workbook.xml.rels"))}
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    return {sheet.get("name"): targets[sheet.get(rid)]
            for sheet in ET.fromstring(package.read("xl/workbook.xml")).iter(f"{{{MAIN}}}sheet")}


def test_a_sheet_the_plan_never_reads_is_listed_but_never_parsed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], parsed: list[bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    """The instructions and the drop-downs' lists: the plan's read lists them by title and
    state (a plan sheet renamed is told from them by its name) and never hands them to the
    parser, so whatever they hold, even XML no parser takes, the plan reads the same; every
    other sheet reads as openpyxl reads it."""
    raw = _plan_workbook(tmp_path, capsys)
    parts = _sheet_parts(raw)
    unread = {"填写说明", "选项"}
    assert unread <= set(parts)
    parsed.clear()
    got = read_cells(zipfile.ZipFile(io.BytesIO(raw)), DEFAULT_LIMITS.max_nodes, unread.__contains__)
    wanted = openpyxl_cells(raw)
    assert [(s.title, s.state) for s in got] == [(s.title, s.state) for s in wanted]
    assert [s.title for s in got if s.unread] == [s.title for s in wanted if s.title in unread]
    assert not any(s.cells or s.formulas or s.merged for s in got if s.unread)
    assert cells_seen([s for s in got if not s.unread]) == cells_seen([s for s in wanted if s.title not in unread])
    handed = [data for data in parsed if b"<worksheet" in data]
    assert len(handed) == len(parts) - 2

    def garbage(xml: bytes) -> bytes:
        return xml.replace(b"<sheetData>", b"<sheetData><row><c>&nope;<", 1)
    broken = _rezip(raw, {parts[title]: garbage for title in unread})
    with pytest.raises(ET.ParseError):
        openpyxl_cells(broken)
    monkeypatch.setattr(workbook, "read_sheets", read_sheets)  # not held to openpyxl's, which refuses it
    read = workbook.load_workbook_bytes("x.xlsx", raw, DEFAULT_LIMITS)
    again = workbook.load_workbook_bytes("x.xlsx", broken, DEFAULT_LIMITS)
    assert again.data == read.data and dict(again.cells.items()) == dict(read.cells.items())
    assert not again.problems and not read.problems


@pytest.mark.parametrize("part, before, insert", [
    ("xl/workbook.xml", b"</definedNames>", b'<definedName name="x">&bogus;</definedName>'),
    ("xl/workbook.xml", b"</definedNames>", b'<definedName name="x" name="y">A1</definedName>'),
    ("xl/styles.xml", b"</colors>", b"<mruColors><color rgb='FF000000'></mruColors>"),
], ids=["names-entity", "names-attribute-twice", "colours-unclosed"])
def test_a_workbook_or_styles_part_not_well_formed_is_refused_as_openpyxl_refuses_it(
        part: str, before: bytes, insert: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The workbook part and the styles are parsed whole, their lists too: a defined name or a
    colour that is not well-formed XML leaves the workbook to openpyxl, which refuses it, and
    so does the tool (a review found this read past while those lists were left unparsed)."""
    raw = _in_sheet(_plan_workbook(tmp_path, capsys), part, before, insert)
    assert insert in zipfile.ZipFile(io.BytesIO(raw)).read(part)
    with pytest.raises(Exception):  # noqa: B017 - whatever openpyxl raises for it
        openpyxl_cells(raw)
    assert_left_to_openpyxl(raw)


def test_the_word_hidden_anywhere_in_a_sheet_reads_its_columns_as_openpyxl_would() -> None:
    """A sheet whose bytes say "hidden" (here only in a page header) has its rows and columns
    read for what they hide, and a column without its first number leaves the workbook to
    openpyxl, as it did before (a review found this read past when only the attributes were
    looked at)."""
    def change(xml: bytes) -> bytes:
        xml = xml.replace(b"</sheetData>", b'</sheetData><headerFooter><oddHeader>hidden</oddHeader></headerFooter>', 1)
        return xml.replace(b"<sheetData>", b'<cols><col max="30" width="5"/></cols><!-- c --><sheetData>', 1)
    raw = _rezip(_awkward(), {"xl/worksheets/sheet1.xml": change})
    assert b'<col max="30"' in zipfile.ZipFile(io.BytesIO(raw)).read("xl/worksheets/sheet1.xml")
    assert_left_to_openpyxl(raw, "number None")


def test_the_caches_of_references_keep_no_long_one() -> None:
    """The references and targets read once and kept (merged ranges, dimensions, relationships'
    targets) are kept only when short: a workbook's long ones (a range padded with a megabyte of
    spaces reads as the range) are read each time and never kept, so no stream of uploads grows
    the process (a review grew a page's worker past 2 GB with them)."""
    long_range = "A1:B2" + " " * 100_000
    long_target = "worksheets/" + "a" * 100_000 + ".xml"
    kept = (workbook_cells._known_area, workbook_cells._merged_range, workbook_cells._resolved)
    before = [cache.cache_info().currsize for cache in kept]
    assert workbook_cells._known_area(long_range) == (1, 1, 2, 2)
    assert workbook_cells._merged_range(long_range) is None  # openpyxl reads no spaces in a merged range
    assert workbook_cells._resolved("xl", long_target) == "xl/" + long_target
    assert [cache.cache_info().currsize for cache in kept] == before
    workbook_cells._known_area("C3:D4")
    workbook_cells._merged_range("C3:D4")
    workbook_cells._resolved("xl", "worksheets/sheet99.xml")
    assert all(cache.cache_info().currsize <= size + 1 for cache, size in zip(kept, before, strict=True))
    assert all(cache.cache_info().maxsize for cache in kept)


@pytest.mark.parametrize("hidden", [
    b'<row r="30"><c r="A30"><v>5</v></c></row>',  # a row: openpyxl reads it wherever it is
    b'<c r="A30"><v>5</v></c>',
    b'<mergeCell ref="A1:C3"/>',
    b'<hyperlink ref="A1" display="x"/>',
    b"<!-- a comment -->",
    b"<?pi here?>",
], ids=["row", "cell", "merge", "link", "comment", "instruction"])
def test_a_list_holding_anything_else_is_parsed_whole(hidden: bytes, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """A list of data validations with anything but its own elements in it is parsed with
    the rest: what lies in it is then read as openpyxl reads it, or left to openpyxl."""
    raw = _in_sheet(_plan_workbook(tmp_path, capsys), "xl/worksheets/sheet6.xml", b"</dataValidation>", hidden)
    emptied = workbook_cells._without_lists(zipfile.ZipFile(io.BytesIO(raw)).read("xl/worksheets/sheet6.xml"))
    assert emptied is None or _MAIN_DV not in emptied[1]
    assert_read_alike_or_left_to_openpyxl(raw)


_MAIN_DV = f"{{{MAIN}}}dataValidations"


def test_a_list_emptied_where_it_is_not_the_sheets_own_is_parsed_whole(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """A list of data validations inside a cell's text: emptied, it would be found there,
    not as the worksheet's child, so the part is parsed as it is, and the cell reads as
    openpyxl reads it."""
    raw = _rezip(_awkward(), {"xl/worksheets/sheet1.xml": lambda xml: xml.replace(
        b"<is><t>\xe8\xa1\x8c\xe5\x86\x85</t></is>",
        b'<is><t>\xe8\xa1\x8c\xe5\x86\x85</t><dataValidations count="1"><dataValidation sqref="A1"/>'
        b"</dataValidations></is>", 1)})
    data = zipfile.ZipFile(io.BytesIO(raw)).read("xl/worksheets/sheet1.xml")
    emptied = workbook_cells._without_lists(data)
    assert emptied is not None and _MAIN_DV in emptied[1]
    assert ET.tostring(workbook_cells._parse_sheet(data)) == ET.tostring(ET.fromstring(data))
    assert assert_read_alike(raw)[0].cells[(2, 5)] == "行内"


@pytest.mark.parametrize("where, why", [
    (b"<sheetData>", b"<c r=\"Z1\"><v>1</v></c>"),  # a cell in the sheet's data, outside a row
    (b"</sheetData>", b'<sheetPr><row r="40"><c r="A40"><v>1</v></c></row></sheetPr>'),  # a row elsewhere
    (b'<c r="A3">', b""),  # nothing: the control
], ids=["cell-outside-a-row", "row-elsewhere", "control"])
def test_what_lies_outside_the_rows_is_left_to_openpyxl(where: bytes, why: bytes) -> None:
    raw = _awkward()
    if why:
        assert_left_to_openpyxl(_rezip(raw, {"xl/worksheets/sheet1.xml": lambda xml: xml.replace(where, where + why, 1)}))
    else:
        assert_read_alike(raw)


def _zipped(raw: bytes, compression: int, names: dict[str, str] | None = None) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(raw))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as out:
        for name in src.namelist():
            out.writestr((names or {}).get(name, name), src.read(name))
    return buf.getvalue()


@pytest.mark.parametrize("compression", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED], ids=["stored", "deflated"])
def test_parts_stored_or_deflated_are_unpacked_here_as_zipfile_unpacks_them(compression: int) -> None:
    raw = _zipped(_awkward(), compression)
    archive = zipfile.ZipFile(io.BytesIO(raw))
    assert workbook_cells._Package(archive).parts == {name: archive.read(name) for name in archive.namelist()}
    assert_read_alike(raw)


def test_a_part_packed_otherwise_is_left_to_openpyxl() -> None:
    assert_left_to_openpyxl(_zipped(_awkward(), zipfile.ZIP_BZIP2), "stored in a way")


def _corrupt_checksum(raw: bytes, part: str) -> bytes:
    """The archive with the checksum of `part` changed, in its local header and in the
    directory alike (the bytes themselves as they were)."""
    info = zipfile.ZipFile(io.BytesIO(raw)).getinfo(part)
    old = info.CRC.to_bytes(4, "little")
    new = (info.CRC ^ 1).to_bytes(4, "little")
    assert raw.count(old) == 2
    return raw.replace(old, new)


def test_a_part_whose_checksum_is_wrong_is_refused_as_zipfile_refuses_it() -> None:
    raw = _corrupt_checksum(_awkward(), "xl/worksheets/sheet1.xml")
    with pytest.raises(Unsure, match="checksum"):
        fast(raw)
    with pytest.raises(zipfile.BadZipFile):
        zipfile.ZipFile(io.BytesIO(raw)).read("xl/worksheets/sheet1.xml")
    with pytest.raises(InputProblem) as refused:
        read_sheets("x.xlsx", raw, DEFAULT_LIMITS)
    assert refused.value.key == "xlsx.not-a-workbook"


@pytest.mark.parametrize("part, renamed", [("xl/styles.xml", "xl/STYLES.xml"), ("docProps/app.xml", "docProps/APP.xml")])
def test_a_part_named_otherwise_in_its_header_is_left_to_openpyxl(part: str, renamed: str) -> None:
    raw = _awkward()
    at = zipfile.ZipFile(io.BytesIO(raw)).getinfo(part).header_offset + 30
    assert raw[at:at + len(part)] == part.encode()
    raw = raw[:at] + renamed.encode() + raw[at + len(part):]
    with pytest.raises(Unsure, match="named otherwise"):
        fast(raw)
    try:
        expected = cells_seen(openpyxl_cells(raw))  # a part openpyxl never reads: the same cells
    except zipfile.BadZipFile:  # zipfile refuses the part openpyxl reads: so does the tool
        assert part == "xl/styles.xml"
        with pytest.raises(InputProblem) as refused:
            read_sheets("x.xlsx", raw, DEFAULT_LIMITS)
        assert refused.value.key == "xlsx.not-a-workbook"
        return
    assert part == "docProps/app.xml"
    assert cells_seen(read_sheets("x.xlsx", raw, DEFAULT_LIMITS)) == expected


# ---- what a review of the reader found, each kept as an example -------------------------------

@pytest.mark.parametrize("root, refused", [
    (f'<dimension xmlns="{MAIN}" ref="A1:XFE1"/>', "xlsx.out-of-grid"),
    (f'<mergeCell xmlns="{MAIN}" ref="A1:XFD1048576"/>', "xlsx.too-many-cells"),
    (f'<hyperlink xmlns="{MAIN}" ref="A1:XFD1048576"/>', "xlsx.too-many-cells"),
    (f'<mergeCells xmlns="{MAIN}"><mergeCell ref="A1:B2"/></mergeCells>', None),
], ids=["dimension", "merge", "link", "merges"])
def test_a_sheet_whose_root_is_what_the_bounds_count_is_bounded(root: str, refused: str | None) -> None:
    """The sheet part's own root element is looked at as every other element is."""
    raw = _rezip(_awkward(), {"xl/worksheets/sheet2.xml": lambda _: root.encode()})
    if refused is None:
        assert assert_read_alike(raw)[1].merged == [(1, 1, 2, 2)]
        return
    with pytest.raises(Unsure):
        fast(raw)
    with pytest.raises(InputProblem) as stopped:
        read_sheets("x.xlsx", raw, DEFAULT_LIMITS)
    assert stopped.value.key == refused


def test_a_merged_range_in_another_namespace_is_counted_by_the_bounds() -> None:
    """openpyxl reads a list's merged ranges by their local names: counted so, a range over
    the whole sheet in another namespace is refused before openpyxl would build its cells."""
    other = "urn:other"
    raw = _rezip(_awkward(), {"xl/worksheets/sheet2.xml": lambda xml: xml.replace(
        b"</worksheet>", f'<mergeCells><o:mergeCell xmlns:o="{other}" ref="A2:XFD1048576"/></mergeCells>'
                         f'<x:c xmlns:x="{other}"/></worksheet>'.encode(), 1)})
    with pytest.raises(Unsure):
        fast(raw)
    with pytest.raises(InputProblem) as stopped:
        check_bounds("x.xlsx", zipfile.ZipFile(io.BytesIO(raw)), DEFAULT_LIMITS.max_nodes)
    assert stopped.value.key == "xlsx.too-many-cells"


def test_what_is_read_is_not_kept_past_the_workbook_when_it_is_long() -> None:
    """A number format, a row's number and a cell's reference written long (leading zeros)
    are read as openpyxl reads them, and nothing of them is kept for the next workbook."""
    long_format = "yyyy-mm-dd;" + "0" * 5000
    def sheet(xml: bytes) -> bytes:
        return xml.replace(b'<row r="12">', b'<row r="' + b"0" * 3000 + b'12">', 1).replace(
            b'<c r="AA12"', b'<c r="AA' + b"0" * 3000 + b'12"', 1)
    def styles(xml: bytes) -> bytes:
        return xml.replace(b'formatCode="yyyy-mm-dd"', f'formatCode="{long_format}"'.encode(), 1)
    raw = _rezip(_awkward(), {"xl/worksheets/sheet1.xml": sheet, "xl/styles.xml": styles})
    assert b"0" * 3000 + b"12" in zipfile.ZipFile(io.BytesIO(raw)).read("xl/worksheets/sheet1.xml")
    assert long_format.encode() in zipfile.ZipFile(io.BytesIO(raw)).read("xl/styles.xml")
    cells = assert_read_alike(raw)[0].cells
    assert cells[(12, 27)] == "第十行" and isinstance(cells[(1, 1)], dt.datetime)
    assert max(map(len, workbook_cells._ROWS), default=0) <= 10
    assert max(map(len, workbook_cells._PLACES), default=0) <= 10


@pytest.mark.parametrize("declared", [0, 100], ids=["declared-empty", "declared-small"])
def test_a_part_unpacking_to_more_than_declared_is_refused_before_zipfile_reads_it(
        declared: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """A part whose deflated bytes unpack to more than the directory says (a zip bomb
    declaring a small size: zipfile would unpack up to 2 GB of it, then cut it) is refused,
    and nothing hands it to zipfile or openpyxl."""
    big = b"<a>" + b" " * (8 * 2**20) + b"</a>"
    raw = _rezip(_awkward(), {"docProps/custom.xml": lambda _: big})
    info = zipfile.ZipFile(io.BytesIO(raw)).getinfo("docProps/custom.xml")
    crc = zlib.crc32(big[:declared])
    for old, new in ((info.file_size.to_bytes(4, "little"), declared.to_bytes(4, "little")),
                     (info.CRC.to_bytes(4, "little"), crc.to_bytes(4, "little"))):
        assert raw.count(old) >= 2
        raw = raw.replace(old, new)
    assert zipfile.ZipFile(io.BytesIO(raw)).getinfo("docProps/custom.xml").file_size == declared

    real = zipfile.ZipFile.open

    def never_the_bomb(self: zipfile.ZipFile, name: Any, *args: Any, **kwargs: Any) -> Any:
        assert "custom" not in str(getattr(name, "filename", name)), "handed to zipfile"
        return real(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", never_the_bomb)  # zipfile's read opens the part
    with pytest.raises(InputProblem) as refused:
        read_sheets("x.xlsx", raw, DEFAULT_LIMITS)
    assert refused.value.key == "xlsx.not-a-workbook" and "custom.xml" in str(dict(refused.value.params)["reason"])


def test_a_part_said_to_start_before_the_archive_is_left_to_zipfile() -> None:
    """A header offset that comes out negative (an end record pointing past the directory)
    is never read from the end of the bytes."""
    archive = zipfile.ZipFile(io.BytesIO(_awkward()))
    archive.getinfo("xl/styles.xml").header_offset = -100
    with pytest.raises(Unsure, match="stored in a way"):
        workbook_cells._Package(archive)


def test_a_malformed_list_of_drop_downs_is_not_checked_here() -> None:
    """The documented difference: a sheet's data validations are not parsed, so a list that is
    not well-formed XML (here an undefined entity) is read past, where openpyxl refuses the
    workbook; the cells read are those openpyxl reads once the list is mended."""
    def broken(xml: bytes) -> bytes:
        return xml.replace(b"</worksheet>", b'<dataValidations count="1"><dataValidation sqref="A1">'
                                            b"<formula1>&nope;</formula1></dataValidation></dataValidations>"
                                            b"</worksheet>", 1)
    def mended(xml: bytes) -> bytes:
        return broken(xml).replace(b"&nope;", b"x")
    raw = _rezip(_awkward(), {"xl/worksheets/sheet2.xml": broken})
    with pytest.raises(ET.ParseError):
        openpyxl_cells(raw)
    assert cells_seen(fast(raw)) == cells_seen(openpyxl_cells(_rezip(_awkward(), {"xl/worksheets/sheet2.xml": mended})))


@pytest.mark.parametrize("attribute", [b'ht="abc"', b's="999"', b'outlineLevel="x"'])
def test_a_rows_malformed_height_style_or_outline_is_not_checked_here(attribute: bytes) -> None:
    """The documented difference: a row's attributes but its number give no cell a value and
    are not read, so a malformed one is read past, where openpyxl refuses the workbook; the
    cells read are those openpyxl reads without it."""
    def broken(xml: bytes) -> bytes:
        return xml.replace(b'<row r="1"', b'<row r="1" ' + attribute, 1)
    raw = _rezip(_awkward(), {"xl/worksheets/sheet1.xml": broken})
    assert attribute in zipfile.ZipFile(io.BytesIO(raw)).read("xl/worksheets/sheet1.xml")
    with pytest.raises((TypeError, ValueError, IndexError)):
        openpyxl_cells(raw)
    assert cells_seen(fast(raw)) == cells_seen(openpyxl_cells(_awkward()))


@pytest.mark.parametrize(("rows", "cols", "hidden_rows", "hidden_columns"), [
    ({b'<row r="2"': b'<row r="2" hidden="1"'}, b'<col min="2" max="3" width="9" hidden="true"/>', [2], [2, 3]),
    ({b'<row r="2"': b'<row r="2" hidden="0"', b'<row r="3"': b'<row r="3" hidden="f"'},
     b'<col min="2" max="3" hidden="false"/><col min="5" hidden="1"/>', [], [5]),
    ({b'<row r="12"': b'<row r="12" hidden=""', b"<row>": b'<row hidden="yes">'},
     b'<col min="2" max="3" hidden="1"/><col min="2" max="2" hidden="0"/>', [7], []),  # the last at one column
])
def test_the_rows_and_columns_a_sheet_hides_are_read_alike(rows: dict[bytes, bytes], cols: bytes,
                                                           hidden_rows: list[int], hidden_columns: list[int]) -> None:
    """Which rows and columns a sheet hides, as openpyxl reads them (its flags: anything but
    "false", "f", "0" or empty is true; a column element without a last column covers its
    first; of two starting at one column the last counts)."""
    def sheet(xml: bytes) -> bytes:
        for old, new in rows.items():
            assert old in xml
            xml = xml.replace(old, new, 1)
        return xml.replace(b"<sheetData>", b"<cols>" + cols + b"</cols><sheetData>", 1)
    sheets = assert_read_alike(_rezip(_awkward(), {"xl/worksheets/sheet1.xml": sheet}))
    assert (sorted(sheets[0].hidden_rows), sorted(sheets[0].hidden_columns)) == (hidden_rows, hidden_columns)
