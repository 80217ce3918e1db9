"""The command line: exit code AND output, checked together."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import jsonschema
import pytest

from staffing.checks import CHECKS
from staffing.cli.main import main
from staffing.messages import render
from staffing.packs.load import available

from conftest import CASES, ROOT, STAFFING

XINQIAO = "orgs/jiangsu/taizhou/jingjiang/xinqiao.yaml"
XIASHU = "orgs/jiangsu/zhenjiang/jurong/xiashu.yaml"
ZHANGPU = "orgs/jiangsu/suzhou/kunshan/zhangpu.yaml"
HONGQIAO = "orgs/jiangsu/taizhou/taixing/hongqiao.yaml"
WARNINGS_ONLY = "tests/checks/cases/ST906/bad/old-body-lost.yaml"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _root(in_root: Path) -> None:
    pass


def test_clean_example_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", XINQIAO)
    assert code == 0
    assert "通过1个，不通过0个" in out
    assert "错误" in out and "ST" not in out


def test_whole_orgs_tree(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "orgs")
    assert code == 1
    assert "共检查10个方案：通过7个，不通过3个，不完整0个，无法读取0个" in out
    assert "zhangpu.yaml" in out and "hongqiao.yaml" in out and "xiashu.yaml" not in out


def test_failing_example_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", ZHANGPU)
    assert code == 1
    assert "错误  ST101 职能机构数量超出范围  职能机构11个，超过上限10个，多1个" in out
    assert "ST202 编制划转无文号  从昆山市划入的行政编制2名没有记录文号" in out
    assert "ST201 编制总量增长  行政编制44名，超过改革前的42名，多2名" in out
    assert "依据：《关于深化经济发达镇行政管理体制改革工作的意见》：“综合设置10个以内职能机构”" in out
    assert "staffing-grows" not in out and ".txt" not in out
    assert "不通过1个" in out
    code, out, _ = run(capsys, "check", HONGQIAO)
    assert code == 1
    assert "继续派驻的虹桥派出所，负责人任免须事先书面征求乡镇意见（现为：口头征求）" in out
    assert "缺少服务清单" in out and "事业单位农业服务中心未整合进综合服务中心" in out


def test_failing_example_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--lang", "en", HONGQIAO)
    assert code == 1
    assert "error  ST303 dispatched-head-not-consulted" in out
    assert "the town must be consulted in writing" in out
    assert "error  ST401 support-centre-not-merged  institution 农业服务中心 is not merged" in out
    assert "error  ST701 missing-list  the service list is missing" in out
    assert "1 plan checked: 0 passed, 1 failed" in out
    assert "错误" not in out


def test_warnings_only_passes_unless_strict(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", WARNINGS_ONLY)
    assert code == 0
    assert "警告  ST906" in out and "通过1个" in out
    code, out, _ = run(capsys, "check", "--strict", WARNINGS_ONLY)
    assert code == 1
    assert "警告  ST906" in out and "不通过1个" in out


def test_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--format", "json", ZHANGPU, XIASHU)
    assert code == 1
    data = json.loads(out)
    assert data["format_version"] == 1
    assert data["tool"]["name"] == "staffing" and data["tool"]["version"]
    assert data["summary"]["files"] == 2 and data["summary"]["failed"] == 1 and data["summary"]["passed"] == 1
    by_path = {Path(f["path"]).name: f for f in data["files"]}
    assert by_path["xiashu.yaml"]["findings"] == [] and by_path["xiashu.yaml"]["status"] == "pass"
    findings = by_path["zhangpu.yaml"]["findings"]
    assert by_path["zhangpu.yaml"]["status"] == "fail"
    st101 = next(f for f in findings if f["code"] == "ST101")
    assert isinstance(st101["line"], int) and isinstance(st101["column"], int)
    assert st101["message"]["zh"].startswith("职能机构11个")
    assert st101["message"]["en"].startswith("11 functional bodies")
    assert "003_0e219b8eb1ad14e6.txt" in st101["source"]
    for f in findings:
        assert {"code", "line", "column", "message", "source", "severity"} <= set(f)


def test_unusable_file_among_good_ones(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("town: {name: 坏镇\nbodies: [\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", XINQIAO, str(broken), ZHANGPU)
    assert code == 2
    assert "broken.yaml" in out and "无法使用" in out
    assert "zhangpu.yaml" in out and "ST101" in out  # the others are still reported
    assert "共检查3个方案：通过1个，不通过1个，不完整0个，无法读取1个" in out


def test_unusable_wins_over_clean_in_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("town: 1\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--format", "json", XINQIAO, str(bad))
    assert code == 2
    data = json.loads(out)
    statuses = {Path(f["path"]).name: f["status"] for f in data["files"]}
    assert statuses == {"xinqiao.yaml": "pass", "bad.yaml": "error"}
    err = next(f["error"] for f in data["files"] if f["status"] == "error")
    assert err["message"]["zh"] and err["message"]["en"] and err["line"]


def test_rules_override_with_custom_pack_reports_st000(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--rules", "tests/checks/cases/ST000/packs/loosens-body-count.yaml", XINQIAO)
    assert "ST000" in out and "loosens-body-count.yaml:11:14" in out
    assert code == 0  # a loosened pack is a warning about the pack, not a failing plan


def test_explain_st101_headings(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "explain", "ST101", "--lang", "en")
    assert (code, err) == (0, "")
    for heading in ("## What it checks", "## Why it matters", "## Example", "## Fix"):
        assert heading in out
    assert out.index("What it checks") < out.index("Why it matters") < out.index("Example") < out.index("Fix")
    assert "10个以内职能机构" in out


def test_explain_is_chinese_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    """Chinese headings and Chinese text under a Chinese title (not the English docstring)."""
    code, out, err = run(capsys, "explain", "ST101")
    assert (code, err) == (0, "")
    assert out.startswith("ST101 职能机构数量超出范围\n对应改革要求第1条，适用于单个方案，默认严重程度：错误\n")
    assert "英文标识：body-count（可用于 --select、--ignore 和豁免文件）" in out
    for heading in ("## 检查内容", "## 政策依据与理由", "## 示例", "## 改正方法", "## 规则包可设置的参数"):
        assert heading in out
    assert out.index("## 检查内容") < out.index("## 政策依据与理由") < out.index("## 示例") < out.index("## 改正方法")
    assert "“综合设置10个以内职能机构”（《关于深化经济发达镇行政管理体制改革工作的意见》）" in out
    assert "- max：上限" in out
    assert "Counts the town" not in out and "What it checks" not in out


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.code)
def test_explain_every_code(capsys: pytest.CaptureFixture[str], check: type, lang: str) -> None:
    code, out, err = run(capsys, "explain", check.code, "--lang", lang)
    assert (code, err) == (0, "")
    if lang == "en":
        assert out.startswith(f"{check.code} {check.slug}\n")
        headings = ("## What it checks", "## Why it matters", "## Example", "## Fix")
    else:
        assert out.startswith(f"{check.code} {render(f'title.{check.code}', 'zh', {})}\n")
        headings = ("## 检查内容", "## 政策依据与理由", "## 示例", "## 改正方法")
    for heading in headings:
        assert heading in out, f"{check.code} lacks {heading}"
    code_slug, out_slug, _ = run(capsys, "explain", check.slug, "--lang", lang)
    assert code_slug == 0 and out_slug == out


def test_explain_unknown_code(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "explain", "ST999")
    assert code == 2 and out == ""
    assert err.startswith("staffing: explain: 没有检查项“ST999”")
    code, out, err = run(capsys, "explain", "body-counts", "--lang", "en")
    assert (code, out) == (2, "")
    assert err == ("staffing: explain: no check “body-counts”: did you mean “body-count” (ST101)? "
                   "staffing rules lists every check\n")


def test_rules_lists_every_pack_and_check(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "rules", "--lang", "en")
    assert (code, err) == (0, "")
    for pack_id in ("base", "jiangsu-developed-town", "taizhou-three-integrations", "jiangxi-yongshan"):
        assert pack_id in available()
        assert any(line.startswith(f"{pack_id}  ") for line in out.splitlines()), pack_id

    for check in CHECKS:  # every registered code: plan, county and run-level
        assert f"{check.code}  {check.slug}" in out
    assert "inferred" in out
    assert "body-count.max = 10; source: Opinions on Deepening the Administrative Reform of Economically Developed " \
           "Towns (Jiangsu): “综合设置10个以内职能机构”" in out


def test_rules_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    """Packs by title, values as a reviewer reads them, sources by document title: no seed
    file, no role id, no true/false."""
    code, out, err = run(capsys, "rules")
    assert (code, err) == (0, "")
    assert "泰州市基层“三整合”改革（内置）\n    标识：taizhou-three-integrations" in out
    assert ("    继承：基础规则（三定方案自身一致性） → 江苏省乡镇（街道）共同规则\n    适用于：镇、乡、街道\n") in out
    assert ("    ST101 职能机构数量超出范围  上限：9；依据：《关于推进基层整合审批服务执法力量的实施方案》："
            "“综合设置为7至9个职能机构”") in out
    assert "    ST102 缺少必设机构  必设机构：党政办公室、党建工作办公室、经济发展局、社会事业局、行政审批局、综合行政执法局；" in out
    assert "    ST203 下划编制超出范围或类型  允许下划的编制类型：行政编制、全额拨款事业编制；" in out
    assert "    ST303 派驻机构负责人任免未征求乡镇意见  须书面征求乡镇意见：是；" in out
    assert "  ST101  职能机构数量超出范围  错误  body-count" in out
    for english in (".txt", "true", "false", "approval_service", "institutional_full", "(inferred)", "shipped"):
        assert english not in out, english


@pytest.mark.parametrize(("argv", "err"), [
    (["--select", "body-counts"],
     "staffing: --select: 没有检查项“body-counts”，是否要写“body-count”（ST101 职能机构数量超出范围）？全部检查项见 staffing rules\n"),
    (["--select", "body-counts", "--lang", "en"],
     "staffing: --select: no check “body-counts”: did you mean “body-count” (ST101)? staffing rules lists every check\n"),
    (["--ignore", "ST101,ST2O1"],  # a letter O for the zero
     "staffing: --ignore: 没有检查项“ST2O1”，是否要写“ST201”（编制总量增长）？全部检查项见 staffing rules\n"),
    (["--ignore", "ST2O1", "--lang", "en"],
     "staffing: --ignore: no check “ST2O1”: did you mean “ST201” (staffing-grows)? staffing rules lists every check\n"),
    (["--select", "编制总量增加"],
     "staffing: --select: 没有检查项“编制总量增加”，是否要写“ST201”（编制总量增长）？全部检查项见 staffing rules\n"),
    (["--select", "nothing-like-it"], "staffing: --select: 没有检查项“nothing-like-it”，全部检查项见 staffing rules\n"),
    (["--ignore", "ST001"],
     "staffing: --ignore: ST001（方案文件无法读取或不符合格式）不是对单个方案的检查项，不能用 --select 或 --ignore 选择\n"),
    (["--select", "county-total-not-reduced", "--lang", "en"],
     "staffing: --select: ST952 (The county's quota total did not fall by what it moved down) is not a check of one "
     "plan; --select and --ignore cannot choose it\n"),
])
def test_unknown_check_names_say_what_was_meant(capsys: pytest.CaptureFixture[str], argv: list[str], err: str) -> None:
    """One message, exit 2, no plan checked, and the check the user probably meant."""
    code, out, got = run(capsys, "check", ZHANGPU, *argv)
    assert (code, out, got) == (2, "", err)


def test_selected_checks_by_code_slug_and_full_width_comma(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", ZHANGPU, "--select", "st101，staffing-grows")
    assert (code, err) == (1, "")
    assert "ST101" in out and "ST201" in out and "ST202" not in out


def test_schema_is_valid_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    schema = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_real_subprocess_run() -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run([str(STAFFING), "check", ZHANGPU, "--lang", "en"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert "ST101 body-count  11 functional bodies, over the limit of 10 by 1" in proc.stdout
    assert "\033[" not in proc.stdout  # not a terminal: no colour
    proc = subprocess.run([str(STAFFING), "check", XINQIAO], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0 and "通过1个" in proc.stdout


def test_corpus_folder_runs_as_one_tree(capsys: pytest.CaptureFixture[str]) -> None:
    # every case file is a usable plan (the packs/ folder holds rule packs, which are not plans)
    code, out, _ = run(capsys, "check", "--format", "json", *[str(p) for p in CASES.glob("ST*/*/*.yaml")
                                                              if p.parent.name in ("good", "bad")])
    data = json.loads(out)
    assert data["summary"]["unusable"] == 0
    assert code == 1


# ---------------------------------------------------------------- unknown figures: incomplete, never passed

INCOMPLETE = "tests/checks/cases/ST201/bad/baseline-not-provided.yaml"


def test_incomplete_plan_is_its_own_status_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", INCOMPLETE)
    assert code == 1
    assert "无法检查  ST201 编制总量增长  无法检查：方案未提供改革前基数" in out
    assert "通过0个，不通过0个，不完整1个" in out and "无法检查1条" in out


def test_allow_incomplete_is_a_partial_check(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--allow-incomplete", INCOMPLETE)
    assert code == 0
    assert "不完整1个" in out  # still reported as incomplete, never as passed
    code, _, _ = run(capsys, "check", "--allow-incomplete", ZHANGPU)
    assert code == 1  # a violation still fails a partial check


def test_incomplete_in_json_junit_and_sarif(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--format", "json", INCOMPLETE)
    data = json.loads(out)
    assert code == 1
    assert data["files"][0]["status"] == "incomplete"
    assert data["summary"]["incomplete"] == 1 and data["summary"]["passed"] == 0 and data["summary"]["unknown"] == 1
    assert [f["severity"] for f in data["files"][0]["findings"]] == ["unknown"]
    code, out, _ = run(capsys, "check", "--format", "junit", INCOMPLETE)
    assert code == 1 and '<skipped message="ST201 编制总量增长  无法检查：方案未提供改革前基数"' in out
    code, out, _ = run(capsys, "check", "--format", "junit", "--lang", "en", INCOMPLETE)
    assert code == 1 and '<skipped message="ST201 staffing-grows: cannot check: the plan does not provide the baseline"' in out
    code, out, _ = run(capsys, "check", "--format", "sarif", INCOMPLETE)
    result = json.loads(out)["runs"][0]["results"][0]
    assert code == 1 and result["level"] == "none" and result["kind"] == "review"


def test_unknown_role_value_is_an_input_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = (CASES / "ST102/good/chinese-role-labels.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "plan.yaml"
    bad.write_text(text.replace("role: 社会事业局", "role: 群众工作部"), encoding="utf-8")
    line = next(i for i, ln in enumerate(bad.read_text(encoding="utf-8").splitlines(), 1) if "群众工作部" in ln)
    code, out, _ = run(capsys, "check", str(bad))
    assert code == 2
    assert f"plan.yaml:{line}:9" in out and "未知的角色“群众工作部”（规则包中的角色：党政办公室、党建工作办公室、" in out


def test_explain_roles_shows_how_each_body_was_read(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--explain-roles", "tests/checks/cases/ST102/good/roles-read-from-names.yaml")
    assert code == 0
    assert "政法和社会事业局  角色：社会治理局、社会事业局（名称中的关键词“政法”、“社会事业”）；类别：职能机构（默认）；计入职能机构数量" in out
    code, out, _ = run(capsys, "check", "--explain-roles", "--lang", "en", "tests/checks/cases/ST101/good/own-rules-organs-not-counted.yaml")
    assert code == 0
    assert ("人大主席团办公室  roles: Other body (no role recognised in the name); category: organ set up under its own rules "
            "(keyword in the name: “人大”); not counted: the pack does not count this category") in out
