"""The province summary for Excel: `--output xlsx=汇总.xlsx` and `--output csv=汇总.csv`,
real files opened again."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
import yaml

from staffing.cli import main as cli

from conftest import ORGS, assert_opens

XINQIAO = ORGS / "jiangsu/taizhou/jingjiang/xinqiao.yaml"


@pytest.fixture
def province(tmp_path: Path) -> Path:
    """The shipped examples, one of them as a workbook, one unusable, one with a name a
    spreadsheet would take for a formula."""
    root = tmp_path / "plans"
    shutil.copytree(ORGS, root)
    assert cli.main(["convert", str(root / "jiangsu/taizhou/jingjiang/xinqiao.yaml"),
                     "-o", str(root / "jiangsu/taizhou/jingjiang/xinqiao-表.xlsx")]) == 0
    (root / "jiangsu/taizhou/jingjiang/broken.yaml").write_text("town: [\n", encoding="utf-8")
    hongqiao = root / "jiangsu/taizhou/taixing/hongqiao.yaml"
    hongqiao.write_text(hongqiao.read_text(encoding="utf-8").replace("name: 虹桥镇", 'name: "=HYPERLINK(1)"', 1),
                        encoding="utf-8")
    return root


def test_xlsx_summary(province: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "汇总.xlsx"
    code = cli.main(["check", str(province), "--no-cache", "--output", f"xlsx={out}"])
    _, err = capsys.readouterr()
    assert code == 2  # broken.yaml is unusable; every other plan is still in the summary
    assert "汇总.xlsx" in err
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:3] == ["方案", "问题", "县汇总"]
    assert {"靖江市", "泰兴市", "昆山市", "句容市", "乐平市", "海陵区"} <= set(wb.sheetnames[3:])
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref, ws.title
    plans = wb["方案"]
    head = [c.value for c in plans[1]]
    assert head[:8] == ["文件", "省", "市", "县（市、区）", "乡镇（街道）", "区划代码", "规则包", "结论"]
    rows = [dict(zip(head, (c.value for c in r), strict=True)) for r in plans.iter_rows(min_row=2)]
    examples = len(list(ORGS.rglob("*.yaml")))
    assert len(rows) == examples + 2  # the examples, the workbook twin and the broken file
    by_file = {Path(r["文件"]).name: r for r in rows}
    assert by_file["xinqiao.yaml"]["结论"] == by_file["xinqiao-表.xlsx"]["结论"] == "通过"
    assert by_file["xinqiao.yaml"]["职能机构（个）"] == 8 and by_file["xinqiao.yaml"]["编制总数（名）"] == 104
    assert by_file["zhangpu.yaml"]["结论"] == "不通过" and by_file["zhangpu.yaml"]["错误（条）"] >= 1
    assert by_file["broken.yaml"]["结论"] == "无法读取" and by_file["broken.yaml"]["无法读取的原因"]
    formula = plans.cell(row=2 + [r["文件"] for r in rows].index(by_file["hongqiao.yaml"]["文件"]), column=5)
    assert formula.value == "=HYPERLINK(1)" and formula.data_type == "s"  # text, never a formula
    findings = wb["问题"]
    fhead = [c.value for c in findings[1]]
    assert fhead[:6] == ["文件", "县（市、区）", "乡镇（街道）", "位置", "级别", "检查项"]
    places = [(Path(r[0].value).name, r[3].value) for r in findings.iter_rows(min_row=2)]
    assert any(name == "zhangpu.yaml" for name, _ in places)
    assert all(re.fullmatch(r"\d+:\d+|\S+![A-Z]+\d+", where) for _, where in places), places
    counties = {r[2].value: r for r in wb["县汇总"].iter_rows(min_row=2)}
    assert counties["靖江市"][3].value == 3  # xinqiao twice and the broken file
    assert [c.value for c in wb["靖江市"][1]] == head


def test_csv_summary_has_a_bom_for_excel(province: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "汇总.csv"
    code = cli.main(["check", str(province), "--no-cache", "--output", f"csv={out}", "--output",
                     f"xlsx={tmp_path / 's.xlsx'}"])
    capsys.readouterr()
    assert code == 2
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0][:3] == ["文件", "省", "市"] and len(rows) == len(list(ORGS.rglob("*.yaml"))) + 3
    names = {r[4] for r in rows[1:]}
    assert "'=HYPERLINK(1)" in names  # a formula-looking name is defused
    assert "新桥镇" in names


def test_hostile_names_are_inert_in_both(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = ORGS / "jiangsu/taizhou/jingjiang/xinqiao.yaml"
    plan = tmp_path / "p" / "plan.yaml"
    plan.parent.mkdir()
    plan.write_text(source.read_text(encoding="utf-8").replace("name: 新桥镇", 'name: "新桥镇\\e[2J\\u202e"', 1),
                    encoding="utf-8")
    code = cli.main(["check", str(plan), "--no-cache", "--output", f"xlsx={tmp_path / 's.xlsx'}",
                     "--output", f"csv={tmp_path / 's.csv'}"])
    capsys.readouterr()
    assert code == 0
    town = openpyxl.load_workbook(tmp_path / "s.xlsx")["方案"]["E2"].value
    assert town == "新桥镇\\x1b[2J\\u202e"
    assert "新桥镇\\x1b[2J\\u202e" in (tmp_path / "s.csv").read_text(encoding="utf-8-sig")


def test_spreadsheet_formats_are_files_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.main(["check", str(ORGS), "--format", "xlsx"])
    _, err = capsys.readouterr()
    assert code == 2 and "参数“--format”：无效的选择“xlsx”，可选：github、json、junit、sarif、text" in err


# ---- the summary workbook opens whatever the plans hold (issue 27) -----------------------------


@pytest.mark.parametrize("county", ["\x01县", "\u202e靖江市", "a/b:c*?[x]\\y", "History", "'引号'",
                                    "很长的县名" * 10])
def test_the_summary_workbook_opens_whatever_the_county_is_called(county: str, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    for n, name in enumerate((county, county.upper(), county.lower())):
        data = yaml.safe_load(XINQIAO.read_text(encoding="utf-8"))
        data["town"]["county"] = name
        data["town"]["code"] = f"32128210400{n}"
        data["plan_date"] = data["plan_date"].isoformat()
        (plans / f"p{n}.json").write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")  # \u0001 in JSON
    out = tmp_path / "summary.xlsx"
    code = cli.main(["check", str(plans), "--no-cache", "--output", f"xlsx={out}"])
    _, err = capsys.readouterr()
    assert code in (0, 1), err
    wb = assert_opens(out)
    assert len(wb.sheetnames) >= 4
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            assert all(v is None or not isinstance(v, str) or v.isprintable() or "\n" in v for v in row)


def test_an_unusable_plan_among_several_counties_plans_is_counted_in_none_of_them(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unusable plan is counted in the county of the plans beside it only where they are of
    one county: in a folder (or one upload on the page) of several counties' plans it went to
    whichever came last (found by an independent review of the page's summary download)."""
    mixed = tmp_path / "plans"
    mixed.mkdir()
    for plan in ("jiangsu/suzhou/kunshan/zhangpu.yaml", "jiangsu/taizhou/taixing/hongqiao.yaml",
                 "jiangsu/zhenjiang/jurong/xiashu.yaml"):
        shutil.copyfile(ORGS / plan, mixed / Path(plan).name)
    (mixed / "broken.yaml").write_text("town: [\n", encoding="utf-8")
    out = tmp_path / "汇总.xlsx"
    assert cli.main(["check", str(mixed), "--no-cache", "--output", f"xlsx={out}"]) == 2
    capsys.readouterr()
    wb = openpyxl.load_workbook(out)
    head = [c.value for c in wb["方案"][1]]
    rows = {Path(r["文件"]).name: r for r in
            (dict(zip(head, (c.value for c in row), strict=True)) for row in wb["方案"].iter_rows(min_row=2))}
    assert not rows["broken.yaml"]["县（市、区）"] and not rows["broken.yaml"]["市"]
    counties = {r[2].value: r[3].value for r in wb["县汇总"].iter_rows(min_row=2)}
    assert counties["昆山市"] == counties["泰兴市"] == counties["句容市"] == 1, counties
    assert wb.sheetnames[3:] == ["县（市、区）不明", "泰兴市", "昆山市", "句容市"]  # its sheet was named "_"
    assert [Path(r[0].value).name for r in wb["县（市、区）不明"].iter_rows(min_row=2)] == ["broken.yaml"]
