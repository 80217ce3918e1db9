"""The plan workbook (.xlsx): template, convert in every direction, the same findings as
the YAML twin located by sheet and cell.  Real files are written and opened again with
openpyxl."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from staffing.cli import main as cli
from staffing.io.layout import SHEETS, enum_labels
from staffing.io.load import load_file
from staffing.io.workbook import column_letter
from staffing.plan import model
from staffing.plan.generate import write
from staffing.plan.model import Plan
from staffing.run.engine import check_file
from staffing.run.results import Settings
from staffing.vocabulary import QUOTA_TYPES, SECTIONS

from conftest import ORGS, ROOT, assert_opens, needs_shared, plan_with

EXAMPLES = sorted(ORGS.rglob("*.yaml"))
XINQIAO = ORGS / "jiangsu/taizhou/jingjiang/xinqiao.yaml"
ZHANGPU = ORGS / "jiangsu/suzhou/kunshan/zhangpu.yaml"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def _plain(data: object) -> object:
    """Dates as text, so a JSON reading and a YAML reading of one plan compare equal."""
    return json.loads(json.dumps(data, default=lambda v: v.isoformat() if isinstance(v, dt.date) else str(v)))


def _model_leaves(model: type, prefix: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    """Every field of the plan format, lists and nested objects walked through."""
    from pydantic import BaseModel

    out: set[tuple[str, ...]] = set()
    for name, info in model.model_fields.items():  # type: ignore[attr-defined]
        key = info.alias or name
        inner = [a for a in _args(info.annotation) if isinstance(a, type) and issubclass(a, BaseModel)]
        if inner:
            out |= _model_leaves(inner[0], prefix + (key,))
        else:
            out.add(prefix + (key,))
    return out


def _args(ann: object) -> list[object]:
    found = [ann]
    for arg in getattr(ann, "__args__", ()) or ():
        found += _args(arg)
    for meta in getattr(ann, "__metadata__", ()) or ():
        found += _args(meta)
    origin = getattr(ann, "__origin__", None)
    if origin is not None and origin is not list:
        found += _args(origin)
    return found


def _layout_leaves() -> set[tuple[str, ...]]:
    from staffing.io.layout import Form

    out: set[tuple[str, ...]] = set()
    owners = {"subunits": [("bodies",)], "leadership": [("bodies",), ("support_center",), ("support_institutions",),
                                                       ("institutions",)]}
    for sheet in SHEETS:
        if isinstance(sheet, Form):
            out |= {s.base + f.path for s in sheet.sections for f in s.fields}
            continue
        fields = [f.path for f in sheet.fields if not f.path[0].startswith("@")]
        if sheet.target == "list":
            out |= {sheet.path + p for p in fields}
        elif sheet.target == "owned":
            out |= {o + sheet.path + p for o in owners[sheet.path[0]] for p in fields}
        else:
            out |= {(holder,) + p for holder in ("support_center", "support_institutions", "institutions") for p in fields}
    return out


def test_the_workbook_holds_every_field_of_the_plan_format() -> None:
    missing = _model_leaves(Plan) - _layout_leaves()
    assert not missing, f"fields of the plan format with no column or row in the workbook: {sorted(missing)}"


def test_the_vocabulary_knows_the_quota_types_and_sections_of_the_model() -> None:
    assert QUOTA_TYPES == model.QUOTA_TYPES
    assert SECTIONS == model.SECTIONS


# the first plan that breaks each check (all 134 cases, good and bad, take ~45 s here; every
# one of them gave the same findings when the reader was written)
BAD_CASES = sorted({p.parent.parent.name: p for p in sorted((ROOT / "tests" / "checks" / "cases").rglob("*.yaml"), reverse=True)
                    if p.parent.name == "bad"}.values())


def test_every_bad_case_checks_the_same_as_a_workbook(tmp_path: Path) -> None:
    """Every plan that breaks a check, written as a workbook, gives the same findings
    (code, severity, message, place in the plan) as its YAML, each located by a cell."""
    from staffing.cli.workbook import plan_bytes

    assert len(BAD_CASES) > 25
    for case in BAD_CASES:
        book = tmp_path / f"{case.parent.parent.name}-{case.parent.name}-{case.stem}.xlsx"
        book.write_bytes(plan_bytes(load_file(str(case)).data, ".xlsx", str(book)))
        twin, result = check_file(str(case), Settings()), check_file(str(book), Settings())
        assert (twin.error is None, result.error) == (True, None), case
        assert sorted(map(_key, result.findings), key=str) == sorted(map(_key, twin.findings), key=str), case
        assert all(f.sheet and f.cell for f in result.findings), case


def test_unknown_figures_are_written_as_unknown_and_read_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = yaml.safe_load(XINQIAO.read_text(encoding="utf-8"))
    plan["town"]["code"] = None
    plan["bodies"][0]["quotas"] = None  # every type unknown
    plan["bodies"][1]["quotas"]["administrative"] = None
    plan["not_provided"] = ["powers", "grid"]
    del plan["powers"], plan["grid"]
    source = tmp_path / "unknown.yaml"
    source.write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    book = tmp_path / "unknown.xlsx"
    assert run(["convert", str(source), "-o", str(book)], capsys)[0] == 0
    wb = openpyxl.load_workbook(book)
    assert [c.value for c in wb["职能机构"][2]][6:12] == ["未知"] * 6
    town = {r[0].value: r[1].value for r in wb["基本情况"].iter_rows() if r[0].value}
    assert town["*统计用区划代码"] == "未知"
    assert town["方案未提供的部分"] == "赋权事项、网格"
    from staffing.cli.workbook import read_plan

    back = read_plan(str(book))
    assert back["town"]["code"] is None and back["not_provided"] == ["powers", "grid"]
    assert back["bodies"][0]["quotas"] is None  # six cells of 未知: `quotas: ~` again
    assert Plan.model_validate(back) == Plan.model_validate(load_file(str(source)).data)
    twin, result = check_file(str(source)), check_file(str(book))
    assert sorted(map(_key, result.findings), key=str) == sorted(map(_key, twin.findings), key=str)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_converts_to_a_workbook_and_back_unchanged(example: Path, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    book, back, as_json, book2 = (tmp_path / n for n in ("plan.xlsx", "back.yaml", "back.json", "again.xlsx"))
    assert run(["convert", str(example), "-o", str(book)], capsys)[0] == 0
    wb = openpyxl.load_workbook(book)  # a real workbook, opened again
    assert {s.name for s in SHEETS} <= set(wb.sheetnames)
    assert wb["职能机构"]["A1"].value == "*机构名称"
    assert run(["convert", str(book), "-o", str(back)], capsys)[0] == 0
    assert run(["convert", str(back), "-o", str(as_json)], capsys)[0] == 0
    assert run(["convert", str(as_json), "-o", str(book2)], capsys)[0] == 0
    original = load_file(str(example)).data
    # the same plan: an unknown figure (`~`) is 未知 in its cell and `quotas: ~` six of them,
    # read back as they were written; a figure the plan format counts as 0 when left out is
    # written out as 0 (a blank cell is unknown), so it comes back written
    first = load_file(str(back)).data
    assert Plan.model_validate(first) == Plan.model_validate(original)
    assert load_file(str(as_json)).data == _plain(first)
    assert run(["convert", str(book2), "-o", str(back)], capsys)[0] == 0
    assert load_file(str(back)).data == first  # and from then on the very same data


def test_a_generated_corpus_round_trips(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(str(tmp_path / "g"), 16, 5)  # with a duplicate body name, whose sections say which row
    plans = sorted(p for p in (tmp_path / "g").rglob("*.yaml") if not p.name.startswith("_"))
    assert len(plans) == 16
    for plan in plans:
        book = tmp_path / "b" / (plan.stem + ".xlsx")
        back = tmp_path / "b" / (plan.stem + ".yaml")
        assert run(["convert", str(plan), "-o", str(book)], capsys)[0] == 0, plan
        assert run(["convert", str(book), "-o", str(back)], capsys)[0] == 0, plan
        # the same plan: an empty `quotas: {}` and no quotas at all are one plan, and one row
        assert Plan.model_validate(load_file(str(back)).data) == Plan.model_validate(load_file(str(plan)).data), plan


def _key(f):  # what a finding says, wherever it points (a repeated name says where the other is: a line or a cell)
    return (f.code, f.severity, re.sub(r"（(第[0-9]+行|[^（）!]+![A-Z]+[0-9]+)）", "", f.message.zh), f.loc)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_a_workbook_checks_with_the_same_findings_as_its_yaml(example: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    book = tmp_path / (example.stem + ".xlsx")
    assert run(["convert", str(example), "-o", str(book)], capsys)[0] == 0
    twin, result = check_file(str(example), Settings()), check_file(str(book), Settings())
    assert result.error is None and twin.error is None
    assert sorted(map(_key, result.findings), key=str) == sorted(map(_key, twin.findings), key=str)
    for f in result.findings:
        assert f.sheet in {s.name for s in SHEETS} and f.cell, f


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_finding_of_a_workbook_stands_at_the_row_and_column_of_its_cell(
        example: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """JSON, SARIF and GitHub's annotations give a workbook finding's line and column as its
    cell's row and column (README); a finding placed by a key (ST201 on 未提供的部分) stood
    at 1:1 beside its cell B17, a YAML file's key place, which a workbook has none of."""
    book = tmp_path / (example.stem + ".xlsx")
    assert run(["convert", str(example), "-o", str(book)], capsys)[0] == 0
    code, out, _ = run(["check", str(book), "--no-cache", "--isolated", "--format", "json"], capsys)
    findings = json.loads(out)["files"][0]["findings"]
    assert code == (1 if findings else 0)
    for f in findings:
        column, row = re.fullmatch(r"([A-Z]+)([0-9]+)", f["cell"]).groups()  # type: ignore[union-attr]
        assert (f["line"], f["column"]) == (int(row), openpyxl.utils.column_index_from_string(column)), f
    again, out, _ = run(["check", str(book), "--no-cache", "--isolated", "--format", "github"], capsys)
    lines = [line for line in out.splitlines() if line.startswith("::")]
    assert again == code and len(lines) == len(findings)
    for f, line in zip(findings, lines, strict=True):
        assert f"line={f['line']},col={f['column']}" in line, (f, line)


def test_text_json_and_sarif_name_the_cell(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = tmp_path / "zhangpu.xlsx"
    run(["convert", str(ZHANGPU), "-o", str(book)], capsys)
    code, out, _ = run(["check", str(book), "--no-cache"], capsys)
    assert code == 1
    assert "职能机构!A1  错误  ST101" in out  # the body count points at the bodies sheet
    assert "编制划转!A2  错误  ST202" in out  # the undocumented transfer at its row
    assert "合计!B3  错误  ST201" in out  # the administrative quota in the totals
    code, out, _ = run(["check", str(book), "--no-cache", "--format", "json"], capsys)
    found = {(f["code"], f["sheet"], f["cell"], f["line"], f["column"]) for f in json.loads(out)["files"][0]["findings"]}
    assert ("ST202", "编制划转", "A2", 2, 1) in found
    assert ("ST201", "合计", "B3", 3, 2) in found
    code, out, _ = run(["check", str(book), "--no-cache", "--format", "sarif"], capsys)
    results = json.loads(out)["runs"][0]["results"]
    places = {r["locations"][0]["message"]["text"] for r in results}
    assert "编制划转!A2" in places
    transfer = next(r for r in results if r["ruleId"] == "ST202")["locations"][0]
    assert transfer["physicalLocation"]["region"] == {"startLine": 2, "startColumn": 1}
    assert transfer["logicalLocations"][0] == {"name": "A2", "fullyQualifiedName": "编制划转!A2", "kind": "element"}


def test_a_value_is_placed_at_its_cell_and_the_cell_named_as_excel_names_it(tmp_path: Path,
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """The reader keeps each value's sheet, row and column; the cell is named (G2) when a
    message asks, for the value or, without a place of its own, for the nearest around it."""
    book = tmp_path / "zhangpu.xlsx"
    run(["convert", str(ZHANGPU), "-o", str(book)], capsys)
    doc = load_file(str(book))
    admin = ("bodies", 0, "quotas", "administrative")
    assert doc.cells[admin] == ("职能机构", 2, 7)
    assert doc.locate_cell(admin) == ("职能机构", "G2") and doc.label(admin) == "行政编制（名）"
    assert doc.locate_cell(("bodies", 0, "name", "nothing", 3)) == ("职能机构", "A2")
    assert doc.label(("bodies", 0, "name")) == "机构名称"
    assert [column_letter(c) for c in (1, 26, 27, 52, 16384)] == ["A", "Z", "AA", "AZ", "XFD"]
    assert load_file(str(ZHANGPU)).locate_cell(admin) is None  # a YAML plan has no cells


@pytest.mark.parametrize("plan", EXAMPLES, ids=lambda p: p.stem)
def test_every_value_read_stands_at_the_cell_it_was_read_from(plan: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """A table row's places are worked out when asked, not written down value by value: each
    path the reader gives a place names the cell its value was read from (a name, a quota, a
    row of a sub-unit's, a dispatched unit's, an institution's), with that column's header;
    a path no cell was read for has no place of its own; the marks are the places' row and
    column; and asking for every place gives the same as asking for each."""
    book = tmp_path / f"{plan.stem}.xlsx"
    assert run(["convert", str(plan), "-o", str(book)], capsys)[0] == 0
    doc = load_file(str(book))
    wb = openpyxl.load_workbook(book)
    checked = 0
    for loc, (sheet, row, col) in doc.cells.items():
        value: Any = doc.data
        for part in loc:
            value = value[part] if isinstance(value, (dict, list)) and (
                part in value if isinstance(value, dict) else part < len(value)) else None
        if loc and loc[-1] == "name" and isinstance(value, str):
            assert str(wb[sheet].cell(row, col).value).strip() == value, (loc, sheet, row, col)
            assert str(doc.label(loc)).endswith("名称"), (loc, doc.label(loc))
            checked += 1
        elif loc and loc[-1] in QUOTA_TYPES and isinstance(value, int) and not isinstance(value, bool):
            assert wb[sheet].cell(row, col).value == value, (loc, sheet, row, col)
            assert doc.label(loc) is not None and "编制" in doc.label(loc), (loc, doc.label(loc))
            checked += 1
        assert loc in doc.cells and doc.cells.get(loc) == doc.cells[loc] == (sheet, row, col)
        assert doc.marks[loc] == (row, col) and loc in doc.marks
        if loc and type(loc[-1]) is int:  # an item of a list: nothing read under a made-up field or number
            assert loc + ("nothing",) not in doc.cells and loc + (99, "name") not in doc.cells
            assert doc.place(loc + ("nothing",)) == (sheet, row, col)
    assert checked >= 5
    assert len(doc.cells) == len(list(doc.cells)) == len(set(doc.cells)) == len(doc.marks)
    assert len(doc.labels) == len(list(doc.labels)) and all(doc.labels[p] == t for p, t in doc.labels.items())
    assert ("bodies", 999, "name") not in doc.cells and ("nothing",) not in doc.cells


@needs_shared
def test_sarif_of_a_workbook_is_valid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import jsonschema

    from conftest import SHARED

    book = tmp_path / "zhangpu.xlsx"
    run(["convert", str(ZHANGPU), "-o", str(book)], capsys)
    book.with_name("broken.xlsx").write_bytes(b"not a zip")
    _, out, _ = run(["check", str(tmp_path), "--no-cache", "--format", "sarif"], capsys)
    schema = json.loads((SHARED / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(out), schema)


def test_json_of_a_workbook_follows_the_findings_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import jsonschema

    book = tmp_path / "zhangpu.xlsx"
    run(["convert", str(ZHANGPU), "-o", str(book)], capsys)
    _, out, _ = run(["check", str(book), "--no-cache", "--format", "json"], capsys)
    schema = json.loads((ROOT / "schema" / "findings.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(out), schema)


def test_folders_holding_workbooks_are_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(["convert", str(XINQIAO), "-o", str(tmp_path / "a" / "xinqiao.xlsx")], capsys)
    run(["convert", str(ZHANGPU), "-o", str(tmp_path / "a" / "zhangpu.xlsx")], capsys)
    (tmp_path / "a" / "~$zhangpu.xlsx").write_bytes(b"lock file of an open workbook")
    code, out, _ = run(["check", str(tmp_path / "a"), "--no-cache", "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 1
    assert [(Path(f["path"]).name, f["status"]) for f in data["files"]] == [("xinqiao.xlsx", "pass"), ("zhangpu.xlsx", "fail")]


# ---- the template ----------------------------------------------------------------------------

def test_template_has_chinese_sheets_drop_downs_hints_guide_and_example(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "三定方案模板.xlsx"
    code, _, err = run(["template", "--rules", "taizhou-three-integrations", "-o", str(out)], capsys)
    assert code == 0 and "三定方案模板.xlsx" in err
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "填写说明"
    assert {s.name for s in SHEETS} <= set(wb.sheetnames)
    assert "示例-职能机构" in wb.sheetnames and wb["示例-职能机构"].max_row > 5  # the filled example
    assert wb["选项"].sheet_state == "hidden"
    guide = "\n".join(str(c.value) for row in wb["填写说明"].iter_rows() for c in row if c.value)
    assert "必设机构：党政办公室、党建工作办公室、经济发展局、社会事业局、行政审批局、综合行政执法局" in guide
    assert "泰州市基层" in guide
    bodies = wb["职能机构"]
    headers = [c.value for c in bodies[1]]
    assert headers[:4] == ["*机构名称", "职能类别", "机构类别", "机构类型"]
    assert bodies.freeze_panes == "A2"
    validations = {str(dv.sqref).split(":")[0]: dv for dv in bodies.data_validations.dataValidation}
    role = validations["B2"]
    assert role.type == "list" and role.prompt and "从下拉列表中选择" in role.prompt
    # a workbook-scoped name for the hidden sheet's range: WPS and older Excel keep a list only so
    assert "!" not in role.formula1
    column = wb.defined_names[role.formula1].attr_text.split("!")[1].replace("$", "").split(":")[0][0]
    labels = [c.value for c in wb["选项"][column][1:] if c.value]
    assert labels == enum_labels("role")
    assert validations["G2"].type == "custom" and "未知" in validations["G2"].formula1  # a count, or 未知
    assert "未知" in validations["G2"].prompt
    # what the pack makes mandatory is shaded
    assert bodies["B1"].fill.fgColor.rgb.endswith("FFF2CC")
    lists = wb["清单"]
    shaded = [r[0].value for r in lists.iter_rows() if r[0].fill.fgColor.rgb and r[0].fill.fgColor.rgb.endswith("FFF2CC")]
    assert "赋权清单（县级）" in shaded and "职责准入制度" in shaded
    # the pack is filled in, by its Chinese title
    town = wb["基本情况"]
    row = next(r for r in town.iter_rows() if r[0].value == "*规则包")
    assert row[1].value == "泰州市基层“三整合”改革"


def test_a_reviewer_fills_the_template_and_gets_the_verdict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Fill the blank template's cells as a person would (labels from the drop-downs,
    figures as typed) and check it."""
    out = tmp_path / "模板.xlsx"
    run(["template", "--rules", "jiangsu-developed-town", "--no-example", "-o", str(out)], capsys)
    plan = yaml.safe_load(XINQIAO.read_text(encoding="utf-8"))
    wb = openpyxl.load_workbook(out)
    assert not any(n.startswith("示例-") for n in wb.sheetnames)

    def form(sheet: str, values: dict[str, object], section: str | None = None) -> None:
        ws = wb[sheet]
        current = None
        for row in ws.iter_rows(min_row=2):
            label = str(row[0].value or "").lstrip("*")
            if row[0].coordinate in ws.merged_cells:
                current = label
                continue
            if (section is None or current == section) and label in values:
                row[1].value = values[label]

    t = plan["town"]
    form("基本情况", {"名称": t["name"], "统计用区划代码": t["code"], "单位类型": "镇", "经济发达镇": "是",
                  "省": t["province"], "市": t["city"], "县（市、区）": t["county"], "常住人口": "５６０００"},
         "乡镇（街道）基本情况")
    form("改革前", {"行政编制（名）": 42, "全额拨款事业编制（名）": "58", "工勤编制（名）": 4,
                 # none of these: 0, as the instructions say (a blank row of a form is unknown)
                 "差额拨款事业编制（名）": 0, "自收自支事业编制（名）": "0", "政法专项编制（名）": 0})
    ws = wb["职能机构"]
    column = {c.value: c.column for c in ws[1]}
    for r, body in enumerate(plan["bodies"], start=2):
        ws.cell(row=r, column=1, value=f" {body['name']} ")  # stray spaces
        for qt, n in body.get("quotas", {}).items():
            ws.cell(row=r, column=column[{"administrative": "行政编制（名）", "institutional_full": "全额拨款事业编制（名）",
                                          "service": "工勤编制（名）"}[qt]], value=n)
    ws.cell(row=len(plan["bodies"]) + 4, column=1, value="多出的机构")  # after two empty rows
    ws.cell(row=len(plan["bodies"]) + 4, column=column["行政编制（名）"], value=0)  # none: a blank is unknown
    wb.save(out)
    code, text, _ = run(["check", str(out), "--no-cache"], capsys)
    assert code == 1, text
    # one administrative quota more than before and no transfer recorded; no grid, no powers
    assert "职能机构!A1  错误  ST201 编制总量增长  行政编制43名" in text, text
    assert "基本情况!A1  错误  ST601 缺少“1+4”要素" in text
    assert "错误2条，警告1条" in text
    data = load_file(str(out)).data
    assert data["town"]["population"]["resident"] == 56000
    assert data["baseline"]["quotas"] == {"administrative": 42, "institutional_full": 58, "institutional_partial": 0,
                                          "institutional_self": 0, "political_legal": 0, "service": 4}
    assert data["bodies"][0]["name"] == "党政办公室" and data["bodies"][-1]["name"] == "多出的机构"
    assert "职能机构!A" in text


def test_sections_of_bodies_with_one_name_say_which_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = yaml.safe_load(XINQIAO.read_text(encoding="utf-8"))
    twin = dict(plan["bodies"][5], subunits=[{"name": "执法三中队", "quotas": {"administrative": 1}}])
    plan["bodies"].append(twin)  # a second 综合行政执法局 (ST904), with sections of its own
    source = tmp_path / "twins.yaml"
    source.write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    book = tmp_path / "twins.xlsx"
    assert run(["convert", str(source), "-o", str(book)], capsys)[0] == 0
    owners = [r[0].value for r in openpyxl.load_workbook(book)["内设科室"].iter_rows(min_row=2)]
    assert owners == ["行政审批局", "综合行政执法局（职能机构第7行）", "综合行政执法局（职能机构第7行）",
                      "综合行政执法局（职能机构第10行）"]
    assert load_file(str(book)).data["bodies"] == load_file(str(source)).data["bodies"]
    wb = openpyxl.load_workbook(book)
    wb["内设科室"]["A5"] = "综合行政执法局"  # the name alone: which one?
    wb.save(book)
    code, out, _ = run(["check", str(book), "--no-cache"], capsys)
    assert code == 2
    assert "twins.xlsx:内设科室!A5: 无法使用：所属机构“综合行政执法局”在方案中出现了不止一次" in out


def test_template_only_writes_xlsx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["template", "-o", str(tmp_path / "模板.xls")], capsys)
    assert (code, out) == (2, "")
    assert "只支持 .yaml、.yml、.json、.xlsx" in err and "Traceback" not in err


def test_convert_refuses_an_unknown_suffix_and_an_invalid_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["convert", str(XINQIAO), "-o", str(tmp_path / "x.txt")], capsys)
    assert (code, out) == (2, "") and "“.txt”" in err
    bad = tmp_path / "bad.yaml"
    bad.write_text(XINQIAO.read_text(encoding="utf-8").replace("administrative: 42", "administrative: -1"), encoding="utf-8")
    code, out, err = run(["convert", str(bad), "-o", str(tmp_path / "bad.xlsx")], capsys)
    assert (code, out) == (2, "") and "bad.yaml:" in err and err.count("\n") == 1
    assert not (tmp_path / "bad.xlsx").exists()


# ---- every plan workbook the tool writes opens (issue 27) --------------------------------------


def test_the_template_and_converted_workbooks_open(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = tmp_path / "template.xlsx"
    assert cli.main(["template", "-o", str(template)]) == 0
    converted = tmp_path / "plan.xlsx"
    assert cli.main(["convert", str(XINQIAO), "-o", str(converted)]) == 0
    capsys.readouterr()
    for path in (template, converted):
        assert_opens(path)


def test_convert_writes_names_differing_by_a_space_so_that_check_reads_them(tmp_path: Path,
                                                                             capsys: pytest.CaptureFixture[str]) -> None:
    def edit(data: dict[str, Any]) -> None:
        twin = dict(data["bodies"][1], name=data["bodies"][1]["name"] + " ")  # with its own leadership posts
        data["bodies"].append(twin)

    plan = plan_with(tmp_path, "twins.yaml", edit)
    yaml_code = cli.main(["check", str(plan), "--no-cache", "--format", "json"])
    yaml_out, _ = capsys.readouterr()
    book_path = tmp_path / "twins.xlsx"
    assert cli.main(["convert", str(plan), "-o", str(book_path)]) == 0
    capsys.readouterr()
    code = cli.main(["check", str(book_path), "--no-cache", "--format", "json"])
    out, err = capsys.readouterr()
    assert (code, yaml_code) == (1, 1), out + err
    assert "ST904" in yaml_out and "ST904" in out  # the same verdict: a duplicate name, not an unusable file


def test_a_body_written_with_its_nameplate_in_brackets_owns_the_rows_of_its_first_name(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 名称（牌子）: the body is its first name, and the other sheets may name it so
    book = tmp_path / "bracket.xlsx"
    assert run(["convert", str(XINQIAO), "-o", str(book)], capsys)[0] == 0
    wb = openpyxl.load_workbook(book)
    first = wb["职能机构"]["A2"].value
    wb["职能机构"]["A2"] = f"{first}（人大办公室）"
    wb.save(book)
    assert first in [r[0].value for r in wb["领导职数"].iter_rows(min_row=2)]
    body = load_file(str(book)).data["bodies"][0]
    assert body["name"] == f"{first}（人大办公室）"
    assert body["leadership"] == load_file(str(XINQIAO)).data["bodies"][0]["leadership"]
    code, out, _ = run(["check", str(book), "--no-cache"], capsys)
    assert "无法使用" not in out and code in (0, 1)


def test_a_failure_of_the_tools_own_while_reading_a_workbook_is_not_told_as_the_files(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug of ours part-way through a workbook is an internal error to report, as for any
    other file; it was told as "这不是有效的 Excel 工作簿…或文件已损坏", and a clerk would
    have blamed and re-saved a sound file.  What zipfile, the XML parser or openpyxl refuse
    is still the file's (tests/io/test_workbook_hostile.py)."""
    from staffing.io import workbook
    from staffing.messages import render

    book = tmp_path / "zhangpu.xlsx"
    assert run(["convert", str(ORGS / "jiangsu/suzhou/kunshan/zhangpu.yaml"), "-o", str(book)], capsys)[0] == 0

    for name in ("convert", "strip_marks"):  # a name the form calls, gone: a TypeError in our own code
        with monkeypatch.context() as m:
            m.setattr(workbook, name, None)
            code, out, err = run(["check", str(book), "--no-cache"], capsys)
        said = render("input.internal", "zh", {"reason": "TypeError: 'NoneType' object is not callable"})
        assert code == 2 and said in out + err and "不是有效的 Excel" not in out + err, (out, err)
    code, out, err = run(["check", str(book), "--no-cache"], capsys)  # and, mended, the workbook reads
    assert code == 1 and "内部错误" not in out + err and "不是有效的 Excel" not in out + err, (out, err)
