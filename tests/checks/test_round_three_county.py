"""County files, round three: a county file can be incomplete like a plan (an unknown total),
and a recruitment plan that gives a town more places than its vacancies is the county's
finding, naming the town and both numbers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from staffing.cli.main import main

from conftest import ORGS

XINQIAO = ORGS / "jiangsu" / "taizhou" / "jingjiang" / "xinqiao.yaml"  # 6 vacancies, 1 administrative quota moved down
COUNTY = """county: {name: 靖江市, code: '321282000000', province: 江苏省, city: 泰州市}
quotas_before: {administrative: 520, institutional_full: 1400}
quotas_after: {administrative: 519, institutional_full: 1400}
transfers_down:
  - {town: 新桥镇, type: administrative, count: 1, document: 靖编〔2020〕21号}
"""


@pytest.fixture
def county(tmp_path: Path) -> Path:
    folder = tmp_path / "jingjiang"
    folder.mkdir()
    shutil.copy(XINQIAO, folder / "xinqiao.yaml")
    return folder


def run(capsys: pytest.CaptureFixture[str], folder: Path, text: str, *args: str) -> tuple[int, dict[str, object]]:
    (folder / "_county.yaml").write_text(text, encoding="utf-8")
    code = main(["check", "--no-cache", "--format", "json", *args, str(folder)])
    data = json.loads(capsys.readouterr().out)
    return code, next(f for f in data["files"] if f["path"].endswith("_county.yaml")) | {"summary": data["summary"]}


def test_a_consistent_county_file_passes(county: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, found = run(capsys, county, COUNTY)
    assert code == 0 and found["status"] == "pass" and found["findings"] == []


@pytest.mark.parametrize("edit", [
    ("quotas_after: {administrative: 519,", "quotas_after: {administrative: ~,"),
    ("quotas_before: {administrative: 520, institutional_full: 1400}", "quotas_before: ~"),
])
def test_an_unknown_county_total_is_incomplete_and_fails_the_run(county: Path, capsys: pytest.CaptureFixture[str],
                                                                  edit: tuple[str, str]) -> None:
    code, found = run(capsys, county, COUNTY.replace(*edit))
    assert code == 1 and found["status"] == "incomplete"
    assert {f["code"] for f in found["findings"]} == {"ST952"}
    assert {f["severity"] for f in found["findings"]} == {"unknown"}
    summary = found["summary"]
    assert isinstance(summary, dict) and summary["county_incomplete"] == 1 and summary["county_failed"] == 0
    code, _ = run(capsys, county, COUNTY.replace(*edit), "--allow-incomplete")
    assert code == 0


def test_the_text_report_counts_an_incomplete_county_file(county: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (county / "_county.yaml").write_text(COUNTY.replace("quotas_after: {administrative: 519,", "quotas_after: {administrative: ~,"),
                                         encoding="utf-8")
    assert main(["check", "--no-cache", str(county)]) == 1
    out = capsys.readouterr().out
    assert "无法检查：县级改革后行政编制未知" in out and "另检查县级汇总文件1个，有问题0个，不完整1个" in out


def test_recruitment_beyond_a_towns_vacancies_names_the_town_and_both_numbers(county: Path,
                                                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, found = run(capsys, county, COUNTY + "recruitment:\n  - {town: 新桥镇, count: 4}\n  - {town: 新桥镇, count: 4}\n")
    assert code == 1 and found["status"] == "fail"
    (st955,) = [f for f in found["findings"] if f["code"] == "ST955"]
    assert st955["message"]["zh"] == "靖江市的用编用人计划为新桥镇安排8名，超过其空编6名，多2名：应按照编制数补充人员"
    assert st955["severity"] == "error" and "按照编制数及时补充人员" in st955["source"]
    code, found = run(capsys, county, COUNTY + "recruitment:\n  - {town: 新桥镇, count: 6}\n")
    assert code == 0 and not [f for f in found["findings"] if f["code"] == "ST955"]


def test_recruitment_for_a_town_whose_vacancies_are_unknown_cannot_be_checked(county: Path,
                                                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, found = run(capsys, county, COUNTY + "recruitment:\n  - {town: 无此镇, count: 2}\n")
    assert code == 1 and found["status"] == "incomplete"
    assert [(f["code"], f["severity"]) for f in found["findings"]] == [("ST955", "unknown")]
