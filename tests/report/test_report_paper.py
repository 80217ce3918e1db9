"""The review report as a reviewer prints and signs it: the place of a workbook's finding by its
cell, unknown figures said as 未知 and never under a plain 通过, no nearly empty page and the
sign-off on the last one, staffing.toml read as `check` reads it, the county file checked with
its towns, the chart's page on the paper asked for.  Real PDFs (WeasyPrint), read with poppler."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from staffing.cli.main import main
from staffing.plan.generate import write

from conftest import ORGS, pdf_missing

ZHANGPU = ORGS / "jiangsu/suzhou/kunshan/zhangpu.yaml"
LUZHI = ORGS / "jiangsu/suzhou/wuzhong/luzhi.yaml"
HONGQIAO = ORGS / "jiangsu/taizhou/taixing/hongqiao.yaml"
XINQIAO = ORGS / "jiangsu/taizhou/jingjiang/xinqiao.yaml"


_MISSING = pdf_missing("pdftotext", "pdfinfo", "dot")
pytestmark = pytest.mark.skipif(_MISSING is not None, reason=str(_MISSING))


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STAFFING_TODAY", "2026-03-01")


def report(capsys: pytest.CaptureFixture[str], out: Path, *argv: str) -> tuple[int, str]:
    code = main(["report", *argv, "-o", str(out)])
    _, err = capsys.readouterr()
    return code, err


def pages(pdf: Path) -> list[str]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    n = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    return [re.sub(r"\s", "", subprocess.run(["pdftotext", "-f", str(k), "-l", str(k), str(pdf), "-"],
                                              capture_output=True, text=True, check=True).stdout)
            for k in range(1, n + 1)]


def filled(pdf: Path, page: int) -> float:
    """How far down its page the content reaches (the running header and the page number
    left out): 1 for a full page."""
    box = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', box).group(1))  # type: ignore[union-attr]
    bottoms = [float(b) for b in re.findall(r'yMax="([\d.]+)"', box)]
    body = [b for b in bottoms if 45 < b < height - 45]
    return max(body) / height if body else 0.0


def sizes(pdf: Path) -> list[tuple[str, str]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(pdf)], capture_output=True, text=True).stdout
    return re.findall(r"size:\s+([\d.]+) x ([\d.]+) pts", info)


def test_a_workbooks_finding_is_placed_by_its_cell(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = tmp_path / "zhangpu.xlsx"
    assert main(["convert", str(ZHANGPU), "-o", str(book)]) == 0
    out = tmp_path / "r.pdf"
    assert report(capsys, out, str(book))[0] == 1
    text = "".join(pages(out))
    assert "zhangpu.xlsx·职能机构!A1" in text and "zhangpu.xlsx·编制划转!A2" in text
    assert "第2行第1列" not in text and "第1行第1列" not in text


@pytest.mark.parametrize("plan", [ZHANGPU, LUZHI, HONGQIAO], ids=lambda p: p.stem)
def test_no_nearly_empty_page_and_the_signoff_on_the_last(plan: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.pdf"
    report(capsys, out, str(plan))
    text = pages(out)
    assert "审核人" in text[-1] and "审核意见" in text[-1]
    assert all("审核人" not in page for page in text[:-1])
    for k in range(1, len(text) + 1):
        assert filled(out, k) > 0.4, (k, text[k - 1])
    portrait, landscape = ("595.276", "841.89"), ("841.89", "595.276")
    assert sizes(out)[:3] == [portrait, landscape, portrait]  # the chart beside the bodies, then the findings


def test_unknown_figures_are_said_unknown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.html"
    report(capsys, out, str(LUZHI))
    html = out.read_text(encoding="utf-8")
    assert '<td class="num">未知</td>' in html and '<td class="num">?</td>' not in html


def _all_unknown(folder: Path) -> Path:
    data = yaml.safe_load(XINQIAO.read_text(encoding="utf-8"))
    for body in data["bodies"]:
        body["quotas"] = None
    data["support_center"]["quotas"] = None
    data["baseline"]["quotas"] = None
    del data["totals"]
    plan = folder / "unknown.yaml"
    plan.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return plan


def test_a_plan_whose_quotas_are_unknown_never_shows_a_plain_pass(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the body count checked (staffing.toml selects ST101, as for `check`): the plan
    passes, but the banner says its quotas were not checked, in grey."""
    plan = _all_unknown(tmp_path)
    (tmp_path / "staffing.toml").write_text('[check]\nselect = ["ST101"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "r.html"
    code, _ = report(capsys, out, str(plan))
    html = out.read_text(encoding="utf-8")
    assert code == 0
    assert '<div class="verdict unchecked">' in html and "通过（编制数未知，未能核对编制）" in html
    # without the selection the unknown quotas cannot be checked: incomplete, grey, exit 1
    (tmp_path / "staffing.toml").write_text("[check]\n", encoding="utf-8")
    code, _ = report(capsys, out, str(plan))
    html = out.read_text(encoding="utf-8")
    assert code == 1 and '<div class="verdict incomplete">' in html and "未能全部检查" in html


def test_report_reads_staffing_toml_as_check_does(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(ZHANGPU, folder / "zhangpu.yaml")
    (tmp_path / ".git").mkdir()
    (tmp_path / "staffing.toml").write_text('[check]\nlang = "en"\nignore = ["ST101"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "r.html"
    code, _ = report(capsys, out, "plans")
    html = out.read_text(encoding="utf-8")
    assert code == 1 and "Three-set plan review report" in html
    assert "ST201" in html and "ST101" not in html
    code, out_text = main(["check", "plans", "--no-cache"]), capsys.readouterr().out
    assert "ST201" in out_text and "ST101" not in out_text  # the same selection


def test_the_county_file_is_checked_with_its_towns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(str(tmp_path / "g"), 6, 5)
    county = sorted((tmp_path / "g").rglob("_county.yaml"))[0]
    text = county.read_text(encoding="utf-8")
    county.write_text(text.replace("quotas_after: {administrative: ", "quotas_after: {administrative: 1"),
                      encoding="utf-8")
    out = tmp_path / "r.pdf"
    code, _ = report(capsys, out, str(county.parent))
    text = "".join(pages(out))
    assert code == 1
    assert "县级汇总文件：" in text and "ST952" in text and "_county.yaml" in text


@pytest.mark.parametrize(("paper", "orientation", "size"), [
    ("A3", "landscape", ("1190.55", "841.89")), ("A4", "portrait", ("595.276", "841.89")),
    ("A3", "portrait", ("841.89", "1190.55")),
])
def test_the_chart_page_follows_paper_and_orientation(paper: str, orientation: str, size: tuple[str, str],
                                                      tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.pdf"
    report(capsys, out, str(HONGQIAO), "--paper", paper, "--orientation", orientation)
    assert sizes(out)[1] == size
    assert "虹桥镇机构设置图" in pages(out)[1]
