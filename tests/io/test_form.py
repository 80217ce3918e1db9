"""The plan workbook as the form an office fills in by hand, in Excel or WPS: what a blank
cell means, every column the template offers can be filled, messages in the form's own words,
instructions that match the sheets, drop-downs any spreadsheet program keeps, and files that
are not plans said to be what they are.  Real workbooks, written and opened with openpyxl."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from staffing.cli import main as cli
from staffing.io.load import load_file
from staffing.plan import model
from staffing.vocabulary import QUOTA_TYPES

from conftest import ORGS, pdf_font_sizes


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


# ---- files that are not plans ----------------------------------------------------------------

def _docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return path


def _pdf(path: Path) -> Path:
    done = subprocess.run(["dot", "-Tpdf"], input=b"digraph { a -> b }", capture_output=True, check=True)
    path.write_bytes(done.stdout)
    return path


@pytest.mark.parametrize(("name", "said"), [
    ("方案.docx", "这是 Word 文档（.docx），不能直接检查：请把方案填入 Excel 模板"),
    ("方案.pdf", "这是 PDF 文件，不能直接检查：请把方案内容填入 Excel 模板"),
    ("方案.yaml", "这是 Word 文档（.docx），不能直接检查"),  # by its bytes, whatever its name
    ("方案.xlsx", "这是 Word 文档（.docx），不能直接检查"),
    ("方案.xls", "这是旧版 Excel 或 WPS 表格文件（.xls），不能直接读取：请在 Excel 或 WPS 中“另存为” .xlsx"),
])
def test_a_word_file_or_a_pdf_is_told_what_to_do(name: str, said: str, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / name
    if name.endswith(".pdf"):
        _pdf(path)
    elif name.endswith(".xls"):
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    else:
        _docx(path)
    code, out, _ = run(["check", str(path), "--no-cache"], capsys)
    assert code == 2
    assert said in out and ("staffing template" in out or name.endswith(".xls")), out
    assert "NUL" not in out and "控制字符" not in out
    code, out, _ = run(["check", str(path), "--no-cache", "--lang", "en"], capsys)
    assert code == 2 and "cannot" in out and "NUL" not in out


def test_documents_in_a_folder_are_listed_as_not_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _docx(tmp_path / "新桥镇三定方案.docx")
    _pdf(tmp_path / "新桥镇三定方案.pdf")
    code, out, _ = run(["check", str(tmp_path), "--no-cache"], capsys)
    assert code == 2
    assert "新桥镇三定方案.docx: 已跳过：是 Word、PDF 或旧版表格文件，不作为方案检查" in out
    assert "新桥镇三定方案.pdf: 已跳过" in out and "跳过文件2个" in out


# ---- filling the template as a person would -------------------------------------------------

XINQIAO = ORGS / "jiangsu/taizhou/jingjiang/xinqiao.yaml"


def template(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> Path:
    out = tmp_path / "模板.xlsx"
    assert run(["template", "--rules", "jiangsu-developed-town", "--no-example", "-o", str(out), *args], capsys)[0] == 0
    return out


def form(wb: Any, sheet: str, values: dict[str, object], section: str | None = None) -> None:
    """Type values into a form sheet's rows, found by their labels (within a section)."""
    ws = wb[sheet]
    current = None
    for row in ws.iter_rows(min_row=2):
        label = str(row[0].value or "").lstrip("*")
        if row[0].coordinate in ws.merged_cells:
            current = label
            continue
        if (section is None or current == section) and label in values:
            row[1].value = values[label]


def table(wb: Any, sheet: str, rows: list[dict[str, object]]) -> None:
    """Type rows into a table sheet under its header, by column header."""
    ws = wb[sheet]
    column = {str(c.value).lstrip("*"): c.column for c in ws[1] if c.value}
    for r, values in enumerate(rows, start=2):
        for header, value in values.items():
            ws.cell(row=r, column=column[header], value=value)


def filled(tmp_path: Path, capsys: pytest.CaptureFixture[str], baseline: dict[str, object]) -> Path:
    """Xinqiao typed into the blank template: the town, its bodies and their quotas, and the
    part of 改革前 given."""
    out = template(tmp_path, capsys)
    plan = yaml.safe_load(XINQIAO.read_text(encoding="utf-8"))
    wb = openpyxl.load_workbook(out)
    t = plan["town"]
    form(wb, "基本情况", {"名称": t["name"], "统计用区划代码": t["code"], "单位类型": "镇", "经济发达镇": "是",
                      "省": t["province"], "市": t["city"], "县（市、区）": t["county"]}, "乡镇（街道）基本情况")
    form(wb, "改革前", baseline)
    headers = {"administrative": "行政编制（名）", "institutional_full": "全额拨款事业编制（名）", "service": "工勤编制（名）"}
    table(wb, "职能机构", [{"机构名称": b["name"], **{headers[k]: v for k, v in b["quotas"].items()}}
                        for b in plan["bodies"]])
    wb.save(out)
    return out


def test_a_blank_figure_is_unknown_never_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """改革前 given by its bodies only: its quotas are unknown (cannot check), not 0 (a growth
    of 41); a blank beside a filled type of one row is none, as in the office's own table."""
    book = filled(tmp_path, capsys, {"原有机构和事业单位": "党政办公室、经济发展办公室"})
    assert load_file(str(book)).data["bodies"][0]["quotas"] == {"administrative": 7, "service": 2}  # the rest: none
    code, out, _ = run(["check", str(book), "--no-cache"], capsys)
    assert code == 1 and "超过改革前的0名" not in out, out
    assert "改革前!B4  无法检查  ST201 编制总量增长  无法检查：改革前基数行政编制" in out, out
    data = load_file(str(book)).data
    assert data["baseline"]["quotas"] is None  # every type unknown
    # on a form every type is a row of its own: one left blank is unknown (one typed 未知 too,
    # which the cell's validation takes), never 0
    book = filled(tmp_path, capsys, {"行政编制（名）": "未知", "全额拨款事业编制（名）": 58, "政法专项编制（名）": 0})
    assert load_file(str(book)).data["baseline"]["quotas"] == {
        "administrative": None, "institutional_full": 58, "institutional_partial": None, "institutional_self": None,
        "political_legal": 0, "service": None}
    _, out, _ = run(["check", str(book), "--no-cache"], capsys)
    assert "改革前!B4  无法检查  ST201" in out and "超过改革前" not in out, out


def test_a_blank_figure_the_format_counts_as_zero_is_unknown(tmp_path: Path) -> None:
    """实配, 网格员 and the delegated powers: the plan format reads them as 0 when left out;
    a blank cell leaves them unknown, and the writer writes a 0 out so it reads back as 0."""
    from staffing.io.layout import SHEETS, ZERO_WHEN_OMITTED, Form, blank_is_unknown
    from staffing.plan.model import Plan

    figures: set[str] = set()

    def walk(model: Any) -> None:
        for name, info in model.model_fields.items():
            inner = [a for a in getattr(info.annotation, "__args__", ()) if isinstance(a, type)
                     and hasattr(a, "model_fields")]
            if isinstance(info.annotation, type) and hasattr(info.annotation, "model_fields"):
                walk(info.annotation)
            elif inner:
                walk(inner[0])
            elif info.default == 0 and "null: unknown" in (info.description or "") and name not in QUOTA_TYPES:
                figures.add(name)

    walk(Plan)
    for sub in ("LeadershipPost", "TeamPost"):
        walk(getattr(model, sub))
    assert figures == set(ZERO_WHEN_OMITTED)
    fields = [f for s in SHEETS for f in ([f for sec in s.sections for f in sec.fields] if isinstance(s, Form)
                                           else s.fields)]
    assert {f.path[-1] for f in fields if blank_is_unknown(f)} == set(ZERO_WHEN_OMITTED)


def test_the_instructions_and_the_hints_say_the_same_about_blanks(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    wb = openpyxl.load_workbook(template(tmp_path, capsys))
    guide = "\n".join(str(c.value) for row in wb["填写说明"].iter_rows() for c in row if c.value)
    assert "不清楚的数字留空或填“未知”" in guide and "没有的填0" in guide
    assert "不清楚的数字留空即可" not in guide
    prompts = {str(dv.sqref).split(":")[0]: dv for dv in wb["职能机构"].data_validations.dataValidation}
    assert "不清楚的留空或填“未知”，没有的填0" in prompts["K2"].prompt or "不清楚" in prompts["M2"].prompt
    assert "其余空着的按没有（0）计" in prompts["G2"].prompt and "都空着，编制数按未知计" in prompts["G2"].prompt
    actual = next(dv for dv in wb["职能机构"].data_validations.dataValidation
                  if dv.promptTitle and dv.promptTitle.startswith("实有人数"))
    assert "不清楚的留空或填“未知”，没有的填0" in actual.prompt
    for ws in wb.worksheets:  # no hint tells anyone that an empty cell means none
        for dv in ws.data_validations.dataValidation:
            assert "留空表示没有" not in (dv.prompt or ""), (ws.title, dv.sqref)


# ---- drop-downs and cells any spreadsheet program keeps --------------------------------------

needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None or shutil.which("pdftohtml") is None,
    reason="LibreOffice (soffice) or poppler-utils (pdftotext, pdfinfo), which print and read the workbooks, "
           "is not installed: bash scripts/install.sh --test")


def _validations(wb: Any) -> list[tuple[str, Any]]:
    return [(ws.title, dv) for ws in wb.worksheets for dv in ws.data_validations.dataValidation]


def _lists_by_name(wb: Any) -> None:
    """Every drop-down names a workbook-scoped defined name (not a range on another sheet,
    which WPS and older Excel drop), and the name holds the labels the reader takes."""
    names = dict(wb.defined_names.items())
    lists = [(title, dv) for title, dv in _validations(wb) if dv.type == "list"]
    assert len(lists) > 20
    for title, dv in lists:
        assert "!" not in dv.formula1 and dv.formula1 in names, (title, dv.sqref, dv.formula1)
        sheet, _ = names[dv.formula1].attr_text.split("!")
        assert sheet.strip("'") == "选项" and wb[sheet.strip("'")].sheet_state == "hidden"
    counts = [(title, dv) for title, dv in _validations(wb) if dv.type == "custom"]
    assert len(counts) > 30
    for title, dv in counts:  # a count or 未知: typing 未知 trips no warning (where the plan format takes it)
        top = str(dv.sqref).split(":")[0].split()[0]
        whole = f"AND(ISNUMBER({top}),{top}>=0,INT({top})={top})"
        assert dv.formula1 in (f'OR({top}="未知",{whole})', whole), (title, dv.sqref)
        assert (dv.formula1 == whole) == ("未知" not in (dv.prompt or "")), (title, dv.sqref, dv.prompt)
    assert sum(dv.formula1.startswith("OR(") for _, dv in counts) > 30


def test_drop_downs_use_defined_names_and_counts_take_unknown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wb = openpyxl.load_workbook(template(tmp_path, capsys))
    _lists_by_name(wb)
    role = next(dv for dv in wb["职能机构"].data_validations.dataValidation if str(dv.sqref).startswith("B2"))
    labels = [c.value for c in wb["选项"][wb.defined_names[role.formula1].attr_text.split("$")[1]][1:] if c.value]
    assert labels[:3] == ["党政办公室", "党建工作办公室", "经济发展局"]


def test_the_division_code_cell_is_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A 12-digit code typed into the template stays text, never 3.21282E+11."""
    wb = openpyxl.load_workbook(template(tmp_path, capsys))
    town = wb["基本情况"]
    code = next(r[1] for r in town.iter_rows() if r[0].value == "*统计用区划代码")
    assert code.value is None and code.number_format == "@"
    for ws in wb.worksheets:  # in tables, every text column is text for whatever is typed later
        if ws.title in ("职能机构", "事业单位", "派驻机构"):
            assert ws.column_dimensions["A"].number_format == "@"


@needs_soffice
def test_a_spreadsheet_program_keeps_the_drop_downs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Opened and saved again by another spreadsheet program (LibreOffice, as WPS would), the
    drop-downs still name their lists and the lists hold their labels."""
    source = template(tmp_path, capsys)
    out = tmp_path / "saved"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "xlsx",
                    "--outdir", str(out), str(source)], check=True, capture_output=True, timeout=180)
    wb = openpyxl.load_workbook(out / source.name)
    _lists_by_name(wb)
    town = wb["基本情况"]
    assert next(r[1] for r in town.iter_rows() if r[0].value == "*统计用区划代码").number_format == "@"


# ---- every column the template offers can be filled ------------------------------------------

def _value(f: Any, n: int) -> object:
    """A valid value of the field's kind (`n` makes names differ between rows)."""
    from staffing.io.layout import enum_labels

    kind = f.kind
    if kind == "count":
        return 1
    if kind == "code":
        return "321282104000"
    if kind == "date":
        return "2020-10-20"
    if kind == "names":
        return f"甲单位{n}、乙单位{n}"
    if kind == "lines":
        return "承担党委和政府的日常运转工作\n负责督查督办"
    if kind == "roles":
        return "党政办公室"
    if kind.startswith("enums:"):
        return "开发区"
    if kind.startswith("enum:"):
        return enum_labels(kind[5:])[0]
    return f"{f.header.lstrip('*')}{n}"


def test_every_column_of_every_sheet_can_be_filled(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every row of every form and every column of every table of the template, filled with
    a valid value (the institutions sheet once per category: the centre, one left outside,
    one institution), is read without a mistake, and each value is where its field is."""
    from staffing.cli.workbook import read_plan
    from staffing.io.layout import SHEETS, Form

    out = template(tmp_path, capsys)
    wb = openpyxl.load_workbook(out)
    owners = {"所属机构": "机构名称2"}
    for layout in SHEETS:
        ws = wb[layout.name]
        if isinstance(layout, Form):
            for row in ws.iter_rows(min_row=2):
                label = str(row[0].value or "").lstrip("*")
                field = next((f for s in layout.sections for f in s.fields if f.header == label), None)
                if field is not None and field.kind != "pack":
                    row[1].value = _value(field, 1)
            continue
        rows = ["综合服务中心", "未整合的事业单位", "事业单位"] if layout.name == "事业单位" else [None]
        for r, category in enumerate(rows, start=2):
            for col, field in enumerate(layout.fields, start=1):
                value = owners.get(field.header.lstrip("*")) or _value(field, r)
                if field.path == ("@category",):
                    value = category
                if field.path == ("support_center",):
                    value = "是" if category == "综合服务中心" else "否"
                if field.path == ("kind",) and layout.name == "事业单位":
                    value = "支持保障类"
                if field.key == "xlsx.col.quota_type":
                    value = "行政编制"
                ws.cell(row=r, column=col, value=value)
    wb.save(out)
    data = read_plan(str(out))  # the plan format's own validation: no mistake
    assert data["bodies"][0]["role"] == "party_government_office"
    assert data["bodies"][0]["duties"] == ["承担党委和政府的日常运转工作", "负责督查督办"]
    assert data["bodies"][0]["subunits"][0]["quotas"]["administrative"] == 1
    assert data["support_center"]["name"] == "名称2" and data["support_institutions"][0]["name"] == "名称3"
    assert data["institutions"][0] == {
        "name": "名称4", "kind": "support", "support_center": False, "quotas": dict.fromkeys(QUOTA_TYPES, 1),
        "actual": 1, "absorbed": ["甲单位4", "乙单位4"], "nameplates": ["甲单位4", "乙单位4"]}
    assert data["town"]["code"] == "321282104000" and data["not_provided"] == ["development_zone"]
    for key in ("dispatched_units", "transfers", "leadership_team"):
        assert len(data[key]) == 1, key
    assert data["grid"]["workers"] == 1 and data["command_center"]["domain_posts"] == 1
    assert data["powers"]["returned"][0]["count"] == 1 and data["lists"]["service"]["items"] == 1


def test_a_centre_row_that_contradicts_its_category_is_said_at_its_cells(tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    book = tmp_path / "x.xlsx"
    assert run(["convert", str(XINQIAO), "-o", str(book)], capsys)[0] == 0
    wb = openpyxl.load_workbook(book)
    inst = wb["事业单位"]
    assert inst["A2"].value == "综合服务中心"
    inst["C2"], inst["D2"] = "公益服务类", "否"
    wb.save(book)
    code, out, _ = run(["check", str(book), "--no-cache"], capsys)
    assert code == 2
    assert ("事业单位!C2: 无法使用：类别为“综合服务中心”的行是支持保障类事业单位，“事业单位类型”不能填“公益服务类”；"
            "其他类型的事业单位，类别请选“事业单位”") in out
    assert "事业单位!D2: 无法使用：类别为“综合服务中心”的行，“是综合服务中心”应为“是”" in out
    assert "kind" not in out and "support_center" not in out


# ---- messages in the form's words -------------------------------------------------------------

def _identifiers(text: str) -> list[str]:
    """Lower-case ASCII words (YAML keys, English field names) in Chinese messages."""
    return re.findall(r"[a-z][a-z_]{2,}", re.sub(r"\S+\.xlsx", "", text))


def test_mistakes_in_a_workbook_are_said_in_the_forms_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Sheets, columns and row names, never YAML keys or English field names; the same
    suggestion and the same words for a value as the YAML plan's message."""
    book = tmp_path / "x.xlsx"
    assert run(["convert", str(XINQIAO), "-o", str(book)], capsys)[0] == 0
    wb = openpyxl.load_workbook(book)
    town = wb["基本情况"]
    next(r for r in town.iter_rows() if r[0].value == "*单位类型")[1].value = "街"
    wb["职能机构"]["G3"] = "五"
    wb["职能机构"]["D4"] = "科室"
    wb["事业单位"]["D2"] = "否"
    for row in wb["改革前"].iter_rows(min_row=3):  # 改革前 left empty
        row[1].value = None
    wb.save(book)
    code, out, _ = run(["check", str(book), "--no-cache"], capsys)
    assert code == 2
    lines = out.splitlines()[:-1]
    assert len(lines) == 5, out
    assert not [w for line in lines for w in _identifiers(line)], out
    assert "基本情况!B5: 无法使用：单位类型：“街”不是允许的取值（可写：镇、乡、街道），是否应为“街道”？" in out
    assert "职能机构!G3: 无法使用：职能机构“党建工作办公室”的行政编制（名）：“五”不是0或以上的整数" in out
    assert "职能机构!D4: 无法使用：职能机构“经济发展局”的机构类型：“科室”不是允许的取值（可写：办公室、局、中心、其他）" in out
    # in English, the sheet said in English, as the plan's own checks say the same list
    en = run(["check", str(book), "--no-cache", "--lang", "en"], capsys)[1]
    assert "职能机构!G3: unusable: administrative quota of “党建工作办公室” (Functional bodies): “五” is not a whole" in en
    assert ("x.xlsx: 无法使用：方案中缺少改革前基数：请填写“改革前”表；来源未提供时，在“基本情况”表的“方案未提供的部分”中选"
            "“改革前基数”") in out
    # the very words of the YAML plan's message for the same value
    twin = tmp_path / "x.yaml"
    twin.write_text(XINQIAO.read_text(encoding="utf-8").replace("unit_type: town", "unit_type: 街"), encoding="utf-8")
    yaml_out = run(["check", str(twin), "--no-cache"], capsys)[1]
    said = next(line for line in yaml_out.splitlines() if "单位类型" in line).split("无法使用：", 1)[1]
    assert f"基本情况!B5: 无法使用：{said}" in out
    code, out, _ = run(["check", str(book), "--no-cache", "--lang", "en"], capsys)
    assert "the plan lacks the baseline: fill in the sheet “改革前”" in out and "not_provided" not in out


def test_an_unknown_role_is_said_by_its_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = tmp_path / "x.xlsx"
    assert run(["convert", str(XINQIAO), "-o", str(book)], capsys)[0] == 0
    wb = openpyxl.load_workbook(book)
    wb["职能机构"]["B3"] = "宣传科"
    wb.save(book)
    code, out, _ = run(["check", str(book), "--no-cache"], capsys)
    assert code == 2
    assert "职能机构!B3: 无法使用：职能机构“党建工作办公室”的职能类别：“宣传科”不是规则包中的职能类别（可选：党政办公室" in out
    assert "角色" not in out


def test_an_empty_bodies_sheet_is_said_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = tmp_path / "x.xlsx"
    assert run(["convert", str(XINQIAO), "-o", str(book)], capsys)[0] == 0
    wb = openpyxl.load_workbook(book)
    wb["职能机构"].delete_rows(2, 40)
    wb["内设科室"].delete_rows(2, 40)
    wb["领导职数"].delete_rows(2, 40)
    wb.save(book)
    code, out, _ = run(["check", str(book), "--no-cache"], capsys)
    assert (code, out.splitlines()[0]) == (2, f"{book}:职能机构!A1: 无法使用：“职能机构”表没有填写，方案必须有这一部分")


# ---- instructions that match the sheets, and printing ------------------------------------------

def test_the_instructions_name_the_example_sheets_which_say_they_are_not_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "模板.xlsx"
    assert run(["template", "--rules", "taizhou-three-integrations", "-o", str(out)], capsys)[0] == 0
    wb = openpyxl.load_workbook(out)
    guide = "\n".join(str(c.value) for row in wb["填写说明"].iter_rows() for c in row if c.value)
    assert "“示例-基本情况”至“示例-合计”各表是按示例方案填好的样例，只供参照，检查时不读取" in guide
    named = re.findall(r"“([^”]+)”", guide)
    sheets = set(wb.sheetnames)
    for name in named:  # every sheet the instructions name by 示例-… exists
        if name.startswith("示例-") and name != "示例-":
            assert name in sheets, name
    examples = [n for n in wb.sheetnames if n.startswith("示例-")]
    assert len(examples) == 14
    for name in examples:
        ws = wb[name]
        assert ws["A1"].value == f"说明：本表是示例，检查时不读取。请在“{name[3:]}”表中填写。", name
        assert ws.sheet_properties.tabColor.rgb.endswith("A6A6A6")
    from staffing.cli.workbook import read_plan

    # the example sheets are really not read: the blank plan sheets are
    with pytest.raises(Exception, match="基本情况!B3"):  # the blank 名称, not the example's
        read_plan(str(out))


def test_every_sheet_is_set_up_for_a4_landscape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "模板.xlsx"
    assert run(["template", "--rules", "taizhou-three-integrations", "-o", str(out)], capsys)[0] == 0
    wb = openpyxl.load_workbook(out)
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        assert (ws.page_setup.orientation, ws.page_setup.paperSize) == ("landscape", 9), ws.title  # 9: A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1, ws.title
        assert ws.print_area, ws.title
        if ws.title != "填写说明":
            header = 2 if ws.title.startswith("示例-") else 1
            assert ws.print_title_rows == f"${header}:${header}", ws.title
    bodies = wb["职能机构"]
    assert bodies.print_area == "'职能机构'!$A$1:$Q$16"  # the header and 15 ruled rows to fill in by hand
    assert bodies["A16"].border.bottom.style == "thin" and bodies["Q2"].border.right.style == "thin"


def _printed(book: Path, tmp_path: Path) -> Path:
    """The workbook printed to PDF by LibreOffice, as an office prints it."""
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path / "pdf"), str(book)], check=True, capture_output=True, timeout=300)
    return tmp_path / "pdf" / (book.stem + ".pdf")


@needs_soffice
def test_the_template_and_a_filled_workbook_print_legibly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Printed through LibreOffice: every page A4 landscape, all text at 8 pt or more (the
    17 columns of 职能机构 printed at 3.7 pt before, the forms' hints at 7.3 pt), the example
    sheets saying they are not read."""
    template_book = tmp_path / "模板.xlsx"
    assert run(["template", "--rules", "taizhou-three-integrations", "-o", str(template_book)], capsys)[0] == 0
    filled_book = tmp_path / "新桥镇.xlsx"
    assert run(["convert", str(XINQIAO), "-o", str(filled_book)], capsys)[0] == 0
    for book in (template_book, filled_book):
        pdf = _printed(book, tmp_path)
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
        assert "841.89 x 595.3" in info, info  # A4 landscape
        assert pages >= 15
        sizes = pdf_font_sizes(pdf)
        assert len(sizes) == pages and min(sizes) >= 8.0, (book.name, sizes)
    text = subprocess.run(["pdftotext", str(_printed(template_book, tmp_path)), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "说明：本表是示例，检查时不读取。请在“职能机构”表中填写。" in text


def test_the_role_drop_down_is_the_packs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A pack that adds a role (数据局): the template made for it offers that role, and a
    plan filled with it is read as that pack's role."""
    pack = tmp_path / "data-town.yaml"
    pack.write_text(yaml.safe_dump({
        "id": "data-town", "title": {"zh": "设数据局的试点", "en": "data-bureau pilot"},
        "extends": "taizhou-three-integrations",
        "roles": {"data_bureau": {"zh": "数据局", "en": "Data bureau", "keywords": ["数据"]}},
    }, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "模板.xlsx"
    assert run(["template", "--rules", str(pack), "--no-example", "-o", str(out)], capsys)[0] == 0
    wb = openpyxl.load_workbook(out)
    role = next(dv for dv in wb["职能机构"].data_validations.dataValidation if str(dv.sqref).startswith("B2"))
    column = wb.defined_names[role.formula1].attr_text.split("$")[1]
    labels = [c.value for c in wb["选项"][column][1:] if c.value]
    assert "数据局" in labels and "党政办公室" in labels
    plain = tmp_path / "plain.xlsx"
    assert run(["template", "--no-example", "-o", str(plain)], capsys)[0] == 0
    wb = openpyxl.load_workbook(plain)
    column = wb.defined_names["List_role"].attr_text.split("$")[1]
    assert "数据局" not in [c.value for c in wb["选项"][column][1:]]


def test_a_corrected_workbook_is_written_anew(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`convert` from a workbook to a workbook writes it anew from the plan read (the layout,
    drop-downs by defined names, print set-up), never the user's file loaded and saved again."""
    book = tmp_path / "x.xlsx"
    assert run(["convert", str(XINQIAO), "-o", str(book)], capsys)[0] == 0
    wb = openpyxl.load_workbook(book)
    wb.create_sheet("草稿")["A1"] = "=SUM(1,2)"
    wb["职能机构"].cell(row=1, column=30, value="备注")
    del wb.defined_names["List_role"]
    wb.save(book)
    again = tmp_path / "y.xlsx"
    assert run(["convert", str(book), "-o", str(again)], capsys)[0] == 0
    wb = openpyxl.load_workbook(again)
    assert "草稿" not in wb.sheetnames and wb["职能机构"].max_column == 17
    _lists_by_name(wb)


def _takes_null(model: Any, path: tuple[str, ...]) -> bool:
    """Whether the plan model takes null (未知) at `path` below `model` (a list's items are
    walked through; the owner of an "owned" row is a body)."""
    import types
    import typing

    from pydantic import BaseModel

    annotation: Any = model
    for part in path:
        while True:  # down to the model the next part is a field of
            origin = typing.get_origin(annotation)
            if origin is typing.Annotated:
                annotation = typing.get_args(annotation)[0]
            elif origin in (typing.Union, types.UnionType):
                annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
            elif origin is list:
                annotation = typing.get_args(annotation)[0]
            else:
                break
        assert isinstance(annotation, type) and issubclass(annotation, BaseModel), (path, annotation)
        annotation = annotation.model_fields[part].annotation
    args = typing.get_args(typing.get_args(annotation)[0] if typing.get_origin(annotation) is typing.Annotated
                           else annotation)
    return type(None) in args


def test_a_hint_offers_unknown_exactly_where_the_plan_format_takes_it() -> None:
    """The prompt under a count or a code says “未知” where the plan model takes null there,
    and never offers a blank for a required one (a clerk who follows the hint is never told
    the cell is wrong)."""
    from staffing.io.layout import SHEETS, Form, is_quota
    from staffing.io.workbook_write import _hint

    checked = 0
    for sheet in SHEETS:
        if isinstance(sheet, Form):
            places = [(s.base, f, False) for s in sheet.sections for f in s.fields]
        else:
            base = {"owned": ("bodies",) + sheet.path, "institutions": ("institutions",)}.get(sheet.target, sheet.path)
            places = [(base, f, True) for f in sheet.fields]
        for base, f, table in places:
            if f.kind not in ("count", "code") or f.path[0].startswith("@") or (is_quota(f) and table):
                continue
            hint = _hint(f, table)
            takes = _takes_null(model.Plan, base + f.path if base else f.path)
            assert ("未知" in hint) == takes, (sheet.name, f.header, hint)
            assert f.unknown == takes, (sheet.name, f.header)
            if f.required:
                assert "留空" not in hint, (sheet.name, f.header, hint)
            checked += 1
    assert checked > 20


@pytest.mark.parametrize("enum", ["role", "bool", "section", "quota_type", "level", "kind", "management"])
def test_every_way_a_choice_is_written_reads_as_its_code(enum: str) -> None:
    """A drop-down's value is read by its label as the template writes it, by the label's
    NFKC form (half-width brackets typed for 乡镇（街道）) and by its code as a YAML plan
    writes it: each as the first choice, in the drop-down's order, written so; anything else
    is none of them."""
    import unicodedata

    from staffing.io.layout import ENUMS, enum_code, enum_labels

    codes, labels = ENUMS[enum], enum_labels(enum)
    ways = [(code, (label, unicodedata.normalize("NFKC", label), code)) for code, label in zip(codes, labels, strict=True)]
    for _, written in ways:
        for text in written:
            assert enum_code(enum, text) == next(c for c, w in ways if text in w), (enum, text)
    for other in ("", " ", "未知", labels[0] + "局", f" {codes[0]}", codes[0].upper() + "X"):
        if not any(other in w for _, w in ways):
            assert enum_code(enum, other) is None, (enum, other)
