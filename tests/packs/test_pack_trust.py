"""Packs come from trusted places only: shipped, or a pack folder the command line (or the
repository's configuration) names.  A plan names its pack by id; a path is refused."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from staffing.cli.main import main

from conftest import ROOT

ZHANGPU = ROOT / "orgs/jiangsu/suzhou/kunshan/zhangpu.yaml"
LENIENT = """id: lenient
title: {zh: 宽松, en: Lenient}
extends: jiangsu-developed-town
checks:
  body-count:
    enabled: false
  staffing-grows:
    severity: info
  transfer-unrecorded:
    enabled: false
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A plans repository with Zhangpu (which fails) in it, as the working folder."""
    (tmp_path / "orgs").mkdir()
    shutil.copy(ZHANGPU, tmp_path / "orgs" / "zhangpu.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def with_pack(repo: Path, ref: str) -> None:
    plan = repo / "orgs" / "zhangpu.yaml"
    text = plan.read_text(encoding="utf-8")
    assert "rule_pack: jiangsu-developed-town" in text
    plan.write_text(text.replace("rule_pack: jiangsu-developed-town", f"rule_pack: {ref}"), encoding="utf-8")


@pytest.mark.parametrize("ref", ["orgs/.lenient.yaml", "/etc/passwd", "../lenient", "lenient.yaml", "'C:\\x\\p.yaml'"])
def test_a_plan_naming_a_pack_by_path_is_refused(capsys, repo: Path, ref: str) -> None:
    (repo / "orgs" / ".lenient.yaml").write_text(LENIENT, encoding="utf-8")
    with_pack(repo, ref)
    code, out, _ = run(capsys, "check", "orgs", "--lang", "en")
    line = next(n for n, t in enumerate((repo / "orgs/zhangpu.yaml").read_text(encoding="utf-8").splitlines(), 1)
                if t.startswith("rule_pack:"))
    assert code == 2
    assert f"orgs/zhangpu.yaml:{line}:12: unusable: a plan names its rule pack by id, not by the file path" in out
    assert "passed" in out and "0 passed" in out
    code, out, _ = run(capsys, "check", "orgs/zhangpu.yaml")
    assert code == 2 and "方案只能用标识指定规则包，不能指定文件路径" in out


def test_a_pack_in_a_named_folder_is_used_and_its_loosening_reported(capsys, repo: Path) -> None:
    (repo / "packs").mkdir()
    (repo / "packs" / "lenient.yaml").write_text(LENIENT, encoding="utf-8")
    with_pack(repo, "lenient")
    code, out, _ = run(capsys, "check", "orgs")  # not named: an unknown pack
    assert code == 2 and "未知的规则包“lenient”" in out
    code, out, err = run(capsys, "check", "orgs", "--packs", "packs", "--format", "json")
    data = json.loads(out)
    assert err == ""
    assert data["files"][0]["pack"] == "lenient" and data["files"][0]["pack_origin"] == "packs"
    loosened = sorted((f["trail"]["en"][1], f["trail"]["en"][2], f["message"]["en"]) for f in data["pack_findings"])
    assert loosened == [
        ("body-count", "enabled", "the rule pack “Lenient” loosens a limit of its parent “Jiangsu economically developed towns reform”: ST101 (body-count), enabled from enabled to disabled"),
        ("staffing-grows", "severity", "the rule pack “Lenient” loosens a limit of its parent “Jiangsu economically developed towns reform”: ST201 (staffing-grows), severity from error to info"),
        ("transfer-unrecorded", "enabled", "the rule pack “Lenient” loosens a limit of its parent “Jiangsu economically developed towns reform”: ST202 (transfer-unrecorded), enabled from enabled to disabled"),
    ]
    assert all(f["code"] == "ST000" and f["file"] == "packs/lenient.yaml" for f in data["pack_findings"])
    assert code == 0  # the repository chose this pack; what it loosens is said, a warning
    code, out, _ = run(capsys, "check", "orgs", "--packs", "packs", "--fail-on", "warning")
    assert code == 1
    assert "规则包“宽松”放宽了上级规则包“江苏省经济发达镇行政管理体制改革”的限制：ST101“职能机构数量超出范围”的启用状态由启用改为停用" in out
    assert "规则包：宽松（来自“packs”）" in out


def test_reports_name_shipped_packs(capsys, repo: Path) -> None:
    code, out, _ = run(capsys, "check", "orgs")
    assert code == 1 and "张浦镇 · 规则包：江苏省经济发达镇行政管理体制改革（内置）" in out
    code, out, _ = run(capsys, "check", "orgs", "--lang", "en", "--format", "json")
    assert json.loads(out)["files"][0]["pack_origin"] == "shipped"
    code, out, _ = run(capsys, "check", "orgs", "--format", "sarif")
    assert json.loads(out)["runs"][0]["properties"]["packs"] == [{"id": "jiangsu-developed-town", "origin": "shipped"}]
    code, out, _ = run(capsys, "rules", "--lang", "en")
    assert code == 0 and "jiangsu-developed-town  " in out and "(shipped)" in out


def test_a_folder_pack_cannot_replace_a_shipped_one(capsys, repo: Path) -> None:
    (repo / "packs").mkdir()
    (repo / "packs" / "jiangsu-developed-town.yaml").write_text(LENIENT.replace("id: lenient", "id: jiangsu-developed-town"),
                                                                 encoding="utf-8")
    code, out, err = run(capsys, "check", "orgs", "--packs", "packs", "--lang", "en")
    assert (code, out) == (2, "")
    assert err == ("staffing: packs/jiangsu-developed-town.yaml: rule pack “jiangsu-developed-town” has the same id as a "
                   "pack already known (a shipped pack cannot be replaced, nor can two pack folders offer one id); rename it\n")
    code, out, err = run(capsys, "check", "orgs", "--packs", "nowhere", "--lang", "en")
    assert (code, out, err) == (2, "", "staffing: nowhere: the rule pack folder does not exist or is not a folder\n")


def test_extends_by_path_is_refused(capsys, repo: Path) -> None:
    (repo / "packs").mkdir()
    (repo / "evil.yaml").write_text(LENIENT.replace("id: lenient", "id: evil"), encoding="utf-8")
    (repo / "packs" / "lenient.yaml").write_text(LENIENT.replace("extends: jiangsu-developed-town", "extends: ../evil.yaml"),
                                                 encoding="utf-8")
    with_pack(repo, "lenient")
    code, out, _ = run(capsys, "check", "orgs", "--packs", "packs", "--lang", "en")
    assert code == 2
    assert "packs/lenient.yaml:3:10: unusable: a rule pack extends another by id, not by the file path “../evil.yaml”" in out


@pytest.mark.parametrize(("ref", "meant"), [
    ("泰州", "taizhou-three-integrations"),  # a word of a pack's title
    ("江苏省经济发达镇行政管理体制改革", "jiangsu-developed-town"),  # a title where the id belongs
    ("jiangsu-develop-town", "jiangsu-developed-town"),  # an id mistyped
])
def test_a_pack_named_by_a_word_is_unknown_with_the_one_meant(capsys, repo: Path, ref: str, meant: str) -> None:
    """A name that is neither a pack's id nor a path is an unknown pack, not a path refused,
    with the pack most likely meant."""
    with_pack(repo, ref)
    code, out, _ = run(capsys, "check", "orgs/zhangpu.yaml")
    assert code == 2 and f"未知的规则包“{ref}”" in out and f"是否应为“{meant}”" in out, out
    assert "不能指定文件路径" not in out
