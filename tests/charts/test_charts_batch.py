"""`staffing check --charts` goes the normal way: plans checked through the result cache on
every core, then the charts drawn on every core, the same charts and messages as one
process draws, in the order of the plans."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from staffing.cli.main import main

from conftest import ROOT

HAS_DOT = shutil.which("dot") is not None
needs_dot = pytest.mark.skipif(not HAS_DOT, reason="Graphviz `dot` is not installed (bash scripts/install.sh)")
ORGS = ROOT / "orgs"


def hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@needs_dot
def test_charts_on_two_processes_equal_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code1, out1, err1 = run(capsys, "check", "--no-cache", "-j", "1", "--charts", str(tmp_path / "one"), str(ORGS))
    code2, out2, err2 = run(capsys, "check", "--no-cache", "-j", "2", "--charts", str(tmp_path / "two"), str(ORGS))
    assert code1 == code2 == 1 and out1 == out2
    assert err1.replace("one", "two") == err2 and "10个方案的组织架构图" in err2
    one, two = hashes(tmp_path / "one"), hashes(tmp_path / "two")
    assert one == two and len(one) == 20  # SVG and PNG of each of the ten examples


@needs_dot
def test_charts_use_the_result_cache(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    plans = tmp_path / "plans"
    shutil.copytree(ORGS / "jiangsu" / "taizhou", plans)
    cache = str(tmp_path / "cache")
    code, out, _ = run(capsys, "check", "-j", "1", "--cache-dir", cache, "--charts", str(tmp_path / "a"), str(plans))
    first = hashes(tmp_path / "a")

    def no_checking(*args: object, **kwargs: object) -> None:
        raise AssertionError("checked again: the cache was not used")

    monkeypatch.setattr("staffing.run.engine.run_checks", no_checking)  # a bug of ours: an internal error
    again = run(capsys, "check", "-j", "1", "--cache-dir", cache, "--charts", str(tmp_path / "b"), str(plans))
    assert again[:2] == (code, out) and hashes(tmp_path / "b") == first


@needs_dot
def test_a_workbook_plan_keeps_its_pack_in_a_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A workbook names its pack by title; the batch's records once carried the title, so a
    workbook lost its pack (no pack in the report, no chart) whenever more than one plan
    was checked."""
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(ORGS / "jiangsu" / "taizhou" / "jingjiang" / "xinqiao.yaml", plans)
    assert main(["convert", str(ORGS / "jiangsu" / "suzhou" / "kunshan" / "zhangpu.yaml"),
                 "-o", str(plans / "zhangpu.xlsx")]) == 0
    capsys.readouterr()
    code, out, err = run(capsys, "check", "--no-cache", "--charts", str(tmp_path / "c"), str(plans))
    assert code == 1
    assert "张浦镇 · 规则包：江苏省经济发达镇行政管理体制改革（内置）" in out
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == [
        "320583106000-张浦镇.png", "320583106000-张浦镇.svg", "321282104000-新桥镇.png", "321282104000-新桥镇.svg"]
    assert "2个方案的组织架构图" in err


@needs_dot
def test_a_plan_without_a_code_is_named_by_its_town(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Published plans often have no statistical code: the chart is 甪直镇.svg, not None-甪直镇.svg."""
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(ORGS / "jiangsu" / "suzhou" / "wuzhong" / "luzhi.yaml", plans)
    shutil.copy(ORGS / "jiangsu" / "taizhou" / "jingjiang" / "xinqiao.yaml", plans)
    code, out, err = run(capsys, "check", "--no-cache", "--charts", str(tmp_path / "c"), str(plans))
    assert code == 1 and "甪直镇" in out
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == [
        "321282104000-新桥镇.png", "321282104000-新桥镇.svg", "甪直镇.png", "甪直镇.svg"]
    assert "2个方案的组织架构图" in err
