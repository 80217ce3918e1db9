"""One count everywhere: the summary workbook and CSV, the report and the chart count a plan as
the checks do (checks.tally), and "cannot check" is never counted or coloured as a problem.
And the summary workbook is fit for paper.  Real files, opened again."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from staffing.checks.context import Context
from staffing.checks.tally import body_readings, key_figures
from staffing.cli import main as cli
from staffing.run.engine import check_file

from conftest import ORGS, pdf_font_sizes

EXAMPLES = sorted(ORGS.rglob("*.yaml"))
LUZHI = ORGS / "jiangsu/suzhou/wuzhong/luzhi.yaml"  # published: several figures cannot be checked


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_the_summary_counts_bodies_quotas_and_people_as_the_checks_do(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """职能机构 is the number ST101 judges (not every body listed); 编制 and 实有 cover the same
    holders (the bodies, the service centre, the institutions)."""
    out = tmp_path / "汇总.xlsx"
    csv_out = tmp_path / "汇总.csv"
    run(["check", str(ORGS), "--no-cache", "--output", f"xlsx={out}", "--output", f"csv={csv_out}"], capsys)
    plans = openpyxl.load_workbook(out)["方案"]
    head = [c.value for c in plans[1]]
    rows = {Path(str(r[0].value)).name: dict(zip(head, (c.value for c in r), strict=True))
            for r in plans.iter_rows(min_row=2)}
    with csv_out.open(encoding="utf-8-sig", newline="") as f:
        table = {Path(r["文件"]).name: r for r in csv.DictReader(f)}
    differs = 0
    for example in EXAMPLES:
        result = check_file(str(example))
        assert result.plan is not None and result.pack is not None
        ctx = Context.of(result.plan, result.pack)
        figures = key_figures(ctx)
        row = rows[example.name]
        assert row["职能机构（个）"] == len(ctx.counted) == sum(r.counted for r in body_readings(ctx)), example
        assert table[example.name]["职能机构（个）"] == str(len(ctx.counted))
        assert row["编制总数（名）"] == (figures.quota if figures.quota is not None else "未知")
        assert row["实有人数（人）"] == (figures.actual if figures.actual is not None else "未知")
        differs += len(ctx.counted) != len(result.plan.bodies)
        plan = result.plan
        if figures.actual is not None and plan.support_center is not None and plan.support_center.actual:
            # the people of the service centre are counted, as its quota is
            assert figures.actual == sum(b.actual or 0 for b in plan.bodies) + plan.support_center.actual + sum(
                c.actual or 0 for c in [*plan.support_institutions, *plan.institutions])
    assert differs >= 1  # a plan listing a body the checks do not count: the old count said more


def test_cannot_check_is_its_own_column_never_a_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "汇总.xlsx"
    run(["check", str(LUZHI.parent), "--no-cache", "--output", f"xlsx={out}"], capsys)
    wb = openpyxl.load_workbook(out)
    counties = wb["县汇总"]
    head = [c.value for c in counties[1]]
    row = dict(zip(head, (c.value for c in counties[2]), strict=True))
    assert row["无法检查（条）"] >= 1
    assert row["问题（条）"] == row["错误（条）"] + row["警告（条）"]  # what could not be checked is no problem
    findings = wb["问题"]
    fhead = [c.value for c in findings[1]]
    severity = fhead.index("级别")
    fills = {}
    for r in findings.iter_rows(min_row=2):
        fills.setdefault(r[severity].value, r[severity].fill.fgColor.rgb)
    assert fills["错误"] != fills["无法检查"] and fills["错误"].endswith("F4B6B6")
    assert fills["无法检查"].endswith("E0E0E0")  # grey, never a problem's colour


def test_the_basis_cites_the_document_by_title(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "汇总.xlsx"
    run(["check", str(ORGS / "jiangsu/suzhou/kunshan"), "--no-cache", "--output", f"xlsx={out}"], capsys)
    findings = openpyxl.load_workbook(out)["问题"]
    head = [c.value for c in findings[1]]
    basis = [r[head.index("依据")].value for r in findings.iter_rows(min_row=2)]
    assert basis and all(b.startswith("《") for b in basis), basis
    assert not any(".txt" in b or "(inferred)" in b for b in basis)
    assert any(b.endswith("（推断）") for b in basis)  # ST202's source is inferred, said in Chinese


def test_the_summary_workbook_is_set_up_for_paper(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "汇总.xlsx"
    run(["check", str(ORGS), "--no-cache", "--output", f"xlsx={out}"], capsys)
    wb = openpyxl.load_workbook(out)
    for ws in wb.worksheets:
        assert (ws.page_setup.orientation, ws.page_setup.paperSize) == ("landscape", 9), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
        assert ws.print_title_rows == "$1:$1" and ws.print_area, ws.title
        assert ws["A2"].border.left.style == "thin", ws.title
    plans = wb["方案"]
    head = [c.value for c in plans[1]]
    errors, code = head.index("错误（条）") + 1, head.index("区划代码") + 1
    assert plans.cell(row=1, column=errors).alignment.horizontal == "right"
    assert plans.cell(row=2, column=errors).alignment.horizontal == "right"
    assert plans.cell(row=2, column=code).number_format == "@"
    letter = openpyxl.utils.get_column_letter(code)
    assert plans.column_dimensions[letter].width >= 13  # 12 digits


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftohtml") is None,
                    reason="LibreOffice (soffice) or poppler-utils is not installed: bash scripts/install.sh --test")
def test_the_summary_prints_legibly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Printed through LibreOffice: A4 landscape, all text at 8 pt or more (3.7 pt before)."""
    out = tmp_path / "汇总.xlsx"
    run(["check", str(ORGS), "--no-cache", "--output", f"xlsx={out}"], capsys)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(out)], check=True, capture_output=True, timeout=300)
    pdf = tmp_path / "汇总.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "841.89 x 595.3" in info
    sizes = pdf_font_sizes(pdf)
    assert sizes and min(sizes) >= 8.0, sizes
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "《关于深化经济发达镇行政管理体制改革工作的意见》" in re.sub(r"\s", "", text)


def test_the_csv_keeps_cannot_check_apart(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "汇总.csv"
    run(["check", str(LUZHI), "--no-cache", "--output", f"csv={out}"], capsys)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert int(rows[0]["无法检查（条）"]) >= 1 and rows[0]["结论"] in ("不完整", "不通过")


def test_a_stated_total_stands_for_unknown_parts_in_the_summary_and_the_report(tmp_path: Path) -> None:
    """Where a body's quota is unknown, ST201 judges the total the plan states (只减不增 judges
    the town's total); the summary's 编制 and the report's quota table show that same total,
    not 未知."""
    import yaml

    from staffing.report.build import build_report
    from staffing.run.pipeline import Source, check_one

    data = yaml.safe_load((ORGS / "jiangsu/taizhou/jingjiang/xinqiao.yaml").read_text(encoding="utf-8"))
    assert data["totals"]["quotas"]["administrative"]
    data["bodies"][1]["quotas"]["administrative"] = None  # one part unknown; the stated total stands
    result = check_one(Source("xinqiao.yaml", yaml.safe_dump(data, allow_unicode=True).encode()))
    assert result.plan is not None and result.pack is not None
    ctx = Context.of(result.plan, result.pack)
    stated = result.plan.totals.quotas.administrative  # type: ignore[union-attr]
    assert ctx.plan_quotas["administrative"] is None and ctx.quotas_after["administrative"] == stated
    assert key_figures(ctx).quota == sum(v for v in ctx.quotas_after.values() if v is not None)
    import datetime as _dt

    report = build_report([result], "zh", _dt.date(2026, 12, 5))
    rows = {row.label: row for row in report.sections[0].quotas}
    assert rows["行政编制"].after == stated
