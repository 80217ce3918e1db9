"""Input errors as a user meets them: every mistake of a file in one run, each at its place,
in the user's language, with the allowed values and a suggestion; values written in Chinese
read as the codes they stand for."""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import pytest
import yaml

from staffing.cli.main import main

from conftest import GOOD, GOOD_TEXT, ORGS, by_path, plan_variant, run_json

HONGQIAO = ORGS / "jiangsu/taizhou/taixing/hongqiao.yaml"
ZHANGPU = ORGS / "jiangsu/suzhou/kunshan/zhangpu.yaml"

# canonical value → what a 编办 would write in Chinese
IN_CHINESE = [
    (r"unit_type: town\b", "unit_type: 镇"),
    (r"level: principal\b", "level: 正职"),
    (r"level: deputy\b", "level: 副职"),
    (r"level: county\b", "level: 县级"),
    (r"management: local\b", "management: 属地管理"),
    (r"management: dispatched\b", "management: 继续实行派驻"),
    (r"assessment_lead: town\b", "assessment_lead: 以乡镇为主"),
    (r"head_appointment_consultation: oral\b", "head_appointment_consultation: 口头征求意见"),
    (r"type: administrative\b", "type: 行政编制"),
    (r"kind: office\b", "kind: 办公室"),
    (r"kind: centre\b", "kind: 中心"),
    (r"role: party_building\b", "role: 党建"),
    (r"role: planning_construction\b", "role: 规划建设"),
    (r"role: command_center\b", "role: 综合指挥调度中心"),
    # quota types as keys, by their Chinese names
    (r"(?:(?<=\{)|(?<=, ))administrative: ", "行政编制: "),
    (r"(?:(?<=\{)|(?<=, ))institutional_full: ", "全额拨款事业编制: "),
    (r"(?:(?<=\{)|(?<=, ))service: ", "工勤编制: "),
]


@pytest.fixture(autouse=True)
def _root(in_root: Path) -> None:
    pass


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    out, _ = capsys.readouterr()
    return code, out


def verdicts(capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, list[tuple[str, int, str, str]]]:
    code, out = run(capsys, "check", "--format", "json", str(path))
    files = json.loads(out)["files"]
    assert files[0]["error"] is None, files[0]["error"]
    return code, [(f["code"], f["line"], f["severity"], f["message"]["zh"]) for f in files[0]["findings"]]


@pytest.mark.parametrize("plan", [HONGQIAO, ZHANGPU], ids=lambda p: p.stem)
def test_values_in_chinese_give_the_same_verdicts(plan: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    text = plan.read_text(encoding="utf-8")
    chinese = text
    replaced = 0
    for pattern, words in IN_CHINESE:
        chinese, n = re.subn(pattern, words, chinese)
        replaced += n
    assert replaced >= 50
    (tmp_path / plan.name).write_text(chinese, encoding="utf-8")
    canonical = verdicts(capsys, plan)
    assert canonical[1], "the example is meant to fail"
    assert verdicts(capsys, tmp_path / plan.name) == canonical


def test_a_role_named_by_its_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """农业农村 names one role: read as it; 政法和社会事业 names two: an error naming both."""
    text = HONGQIAO.read_text(encoding="utf-8")
    one = tmp_path / "one.yaml"
    one.write_text(text.replace("role: planning_construction", "role: 规划建设"), encoding="utf-8")
    assert verdicts(capsys, one) == verdicts(capsys, HONGQIAO)
    two = tmp_path / "two.yaml"
    two.write_text(text.replace("role: social_affairs", "role: 政法和社会事业"), encoding="utf-8")
    code, out = run(capsys, "check", str(two))
    assert code == 2
    assert "未知的角色“政法和社会事业”（规则包中的角色：" in out
    assert out.splitlines()[0].endswith("），是否应为“社会治理局”或“社会事业局”？")


MISTAKES = Path(__file__).parent / "mistakes" / "full-of-mistakes.yaml"

# The file is Xiashu's plan with nine mistakes a person makes typing a plan by hand: the code
# unquoted, a unit type cut short, a key twice, 30 February, a negative head-count, an English
# role that is none of the pack's, a full-width colon, a field name misspelt, a management
# written in words of one's own.  Every one is reported, at its place, in Chinese only.
MISTAKES_SAID = """\
{f}:13:9: 无法使用：统计用区划代码：321183105000没有加引号，会被读成数字；请把12位数字写在英文双引号内
{f}:14:14: 无法使用：单位类型：“街”不是允许的取值（可写：镇、乡、街道），是否应为“街道”？
{f}:20:3: 无法使用：键“rank”重复，第一次出现在第19行第3列；重复的键会丢失数据
{f}:23:12: 无法使用：日期“2018-02-30”不存在：2018年2月只有28天
{f}:39:13: 无法使用：职能机构“党政办公室”的实有人数（人）：不能为负数
{f}:45:11: 无法使用：未知的角色“party_construction”（规则包中的角色：党政办公室、党建工作办公室、经济发展局、社会事业局、行政审批局、综合行政执法局、规划建设局、农业农村局、安全生产和环境保护局、财政局、自然资源和规划局、城市管理局、社会治理局、综合指挥调度中心、其他机构），是否应为“规划建设局”或“党建工作办公室”？
{f}:57:11: 无法使用：键“actual”后面是全角冒号“：”，应为英文冒号加空格
{f}:74:5: 无法使用：未知字段“nameplate”，是否应为“nameplates”？
{f}:161:17: 无法使用：派驻机构“下蜀司法所”的管理方式：“属地管辖”不是允许的取值（可写：属地管理、继续实行派驻），是否应为“属地管理”？
共检查1个方案：通过0个，不通过0个，不完整0个，无法读取1个；错误0条，警告0条，无法检查0条，豁免0条；跳过文件0个
"""


def test_a_file_full_of_mistakes_is_reported_in_full_at_once(capsys: pytest.CaptureFixture[str]) -> None:
    path = "tests/plan/mistakes/full-of-mistakes.yaml"
    code, first = run(capsys, "check", path)
    assert code == 2
    assert first == MISTAKES_SAID.format(f=path)
    # Chinese only: past the file name and position, no English word in any line
    for line in first.splitlines():
        said = line.split(": ", 1)[-1] if line.startswith(path) else line
        assert not re.search(r"[A-Za-z]{3,}", re.sub(r"“[^”]*”|（“[^”]*”）", "", said)), line
    again = run(capsys, "check", path)
    assert again == (code, first)  # byte-identical from run to run


def test_the_mistakes_in_english_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    path = "tests/plan/mistakes/full-of-mistakes.yaml"
    code, out = run(capsys, "check", "--lang", "en", path)
    assert code == 2
    assert not re.search(r"[\u3400-\u9fff]", re.sub(r"“[^”]*”", "", out).replace("“", "")), out
    code, out = run(capsys, "check", "--format", "json", path)
    errors = json.loads(out)["files"][0]["errors"]
    assert [(e["line"], e["column"]) for e in errors] == [
        (13, 9), (14, 14), (20, 3), (23, 12), (39, 13), (45, 11), (57, 11), (74, 5), (161, 17)]
    assert len({e["key"] for e in errors}) >= 6


def test_the_systems_reason_is_said_in_chinese() -> None:
    """A file that cannot be written: the OS's English reason is not inside the Chinese line."""
    from staffing.messages import os_reason, render

    assert os_reason("Permission denied") == "没有权限"
    assert os_reason("No space left on device") == "磁盘空间不足"
    assert os_reason("Something new") == "操作系统拒绝了这次操作"
    said = render("cli.unwritable", "zh", {"target": "a.json", "reason": "Read-only file system"})
    assert said == "无法写入“a.json”：文件系统是只读的"
    assert render("cli.unwritable", "en", {"target": "a.json", "reason": "Read-only file system"}).endswith(
        "Read-only file system")


def test_a_repeated_name_says_where_both_are(capsys: pytest.CaptureFixture[str]) -> None:
    """ST904 stands at the second name and says the line of the first."""
    code, out = run(capsys, "check", "--select", "ST904", "tests/checks/cases/ST904/bad/two-economic-bureaus.yaml")
    assert code == 1
    assert "  99:9  错误  ST904 名称重复  名称“经济发展局”与职能机构中的“经济发展局”（第45行）重复" in out
    assert "经济发展局" in Path("tests/checks/cases/ST904/bad/two-economic-bureaus.yaml").read_text(encoding="utf-8").splitlines()[44]


def test_the_schema_accepts_the_chinese_values(tmp_path: Path) -> None:
    """An editor checking a plan against schema/plan.schema.json accepts what check accepts."""
    import jsonschema
    import yaml

    schema = json.loads((ORGS.parent / "schema" / "plan.schema.json").read_text(encoding="utf-8"))
    text = HONGQIAO.read_text(encoding="utf-8")
    for pattern, words in IN_CHINESE:
        if not pattern.startswith("role"):  # a role is any text in the schema; the pack knows its words
            text = re.sub(pattern, words, text)
    def data(text: str) -> object:  # as an editor sees it: dates are text
        return json.loads(json.dumps(yaml.safe_load(text), default=str))

    jsonschema.validate(data(text), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data(text.replace("unit_type: 镇", "unit_type: 村")), schema)


def test_a_pack_option_of_the_wrong_kind_is_said_in_chinese(tmp_path: Path) -> None:
    from staffing.errors import InputProblem
    from staffing.packs.load import resolve

    pack_file = tmp_path / "wrong-kind.yaml"
    pack_file.write_text(
        "id: test-wrong-kind\ntitle: {zh: 测试, en: test}\nextends: taizhou-three-integrations\n"
        "checks:\n  body-count:\n    max:\n      value: 十个\n"
        "      source: {seed: 004_8277045ee1f06dc8.txt, quote: 明确6个机构为必设机构}\n",
        encoding="utf-8")
    with pytest.raises(InputProblem) as exc:
        resolve(str(pack_file))
    assert exc.value.key == "pack.option-value"
    assert exc.value.message("zh") == "body-count.max的值不正确：应为整数"
    assert "integer" in exc.value.message("en")


def test_a_quota_type_written_twice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """行政编制 and administrative in one mapping: an error at that mapping, not a value dropped."""
    bad = tmp_path / "twice.yaml"
    text = HONGQIAO.read_text(encoding="utf-8")
    bad.write_text(text.replace("quotas: {administrative: 5}", "quotas: {administrative: 5, 行政编制: 5}"), encoding="utf-8")
    line = next(i for i, ln in enumerate(bad.read_text(encoding="utf-8").splitlines(), 1) if "行政编制: 5" in ln)
    code, out = run(capsys, "check", str(bad))
    assert code == 2
    assert f"twice.yaml:{line}:13: 无法使用：" in out and "同一编制类型写了两次（代码和中文名称各一次）" in out


def test_a_post_of_a_body_is_named_by_its_title(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "post.yaml"
    text = HONGQIAO.read_text(encoding="utf-8")
    bad.write_text(text.replace("{title: 主任, level: principal,", "{title: 主任, level: chief,", 1), encoding="utf-8")
    code, out = run(capsys, "check", str(bad))
    assert code == 2
    assert ("post.yaml:39:28: 无法使用：职能机构“党政办公室”的领导职数“主任”的正职或副职："
            "“chief”不是允许的取值（可写：正职、副职）") in out


def test_a_full_width_colon_inside_braces(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """{title：主任, …}: YAML reads one odd key; said as the full-width colon, at the colon, and
    the field it meant is not also reported missing."""
    bad = tmp_path / "braces.yaml"
    text = HONGQIAO.read_text(encoding="utf-8")
    bad.write_text(text.replace("{title: 主任, level: principal,", "{title：主任, level: principal,", 1), encoding="utf-8")
    code, out = run(capsys, "check", str(bad))
    assert code == 2
    said = [ln.split("braces.yaml:", 1)[1] for ln in out.splitlines() if "braces.yaml:" in ln]
    assert said == ["39:15: 无法使用：键“title”后面是全角冒号“：”，应为英文冒号加空格"]


def test_gits_reason_is_said_in_chinese() -> None:
    from staffing.messages import render

    def said(reason: str) -> str:
        return render("diff.git", "zh", {"reason": reason})

    assert said("fatal: path 'orgs/x.yaml' does not exist in 'HEAD~1'") == "无法从 git 读取旧版本：这个版本中没有这个文件"
    assert said("fatal: invalid object name 'nosuch'.") == "无法从 git 读取旧版本：找不到这个版本"
    assert said("bad revision") == "无法从 git 读取旧版本：找不到这个版本"
    assert said("fatal: not a git repository (or any of the parent directories): .git") == (
        "无法从 git 读取旧版本：文件所在的文件夹不在 git 仓库中")
    assert render("diff.git", "en", {"reason": "bad revision"}).endswith("bad revision")


# ---- plans that load but are wrong (issue 5) ------------------------------------------------

SCHEMA_CASES = {
    "unknown_field.yaml": ("\nbudget_funded: 110\n", "\nbudget_funded: 110\nbodys: []\n", "input.unknown-field"),
    "negative.yaml": ("    actual: 8\n", "    actual: -8\n", "input.schema"),
    "fraction.yaml": ("    actual: 8\n", "    actual: 7.5\n", "input.schema"),
    "string_count.yaml": ("    actual: 8\n", '    actual: "8"\n', "input.schema"),
    "digits_5000.yaml": ("    actual: 8\n", "    actual: " + "9" * 5000 + "\n", "input.number-too-long"),
    "negative_5000.yaml": ("    actual: 8\n", "    actual: -" + "9" * 5000 + "\n", "input.number-too-long"),
    "float_5000.yaml": ("    actual: 8\n", "    actual: " + "9" * 5000 + ".5\n", "input.not-finite"),
    "quota_5000.json": ("", "", "input.number-too-long"),
}


@pytest.mark.parametrize("name", sorted(SCHEMA_CASES))
def test_wrong_values_name_their_place(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new, key = SCHEMA_CASES[name]
    if name.endswith(".json"):
        data = yaml.safe_load(GOOD_TEXT)
        text = json.dumps(data, ensure_ascii=False, indent=1, default=str)
        f = tmp_path / name
        f.write_text(text.replace('"administrative": 42', '"administrative": ' + "4" * 5000), encoding="utf-8")
        want_line = text[: text.index('"administrative": 42')].count("\n") + 1
    else:
        f = plan_variant(tmp_path, name, old, new)
        changed = f.read_text(encoding="utf-8").splitlines()
        want_line = next((i for i, (x, y) in enumerate(zip(changed, GOOD_TEXT.splitlines(), strict=False), 1) if x != y), len(changed))
    shutil.copy(GOOD, tmp_path / "good.yaml")
    start = time.monotonic()
    code, report = run_json(capsys, str(tmp_path))
    assert time.monotonic() - start < 10
    assert code == 2
    files = by_path(report)
    assert files["good.yaml"]["status"] == "pass"
    err = files[name]["error"]
    assert err["key"] == key
    assert err["line"] == want_line
    assert len(err["message"]["en"]) < 300 and len(err["message"]["zh"]) < 300


# a part of the plan the workbook has no column of its own for, written as the wrong kind of
# value: each named in the plan's words, never by its path in the file (totals.quotas)
PARTS_WRONG = [
    ("  population: {resident: 180000, registered: 90000}", "  population: 180000"),
    ("  quotas: {administrative: 44, institutional_full: 53, service: 3}", "  quotas: [44, 53, 3]"),
    ("    quotas: {administrative: 7, service: 2}", "    quotas: 9"),
    ("      - {title: 主任, level: principal, rank: 副科, approved: 1, filled: 1}\n"
     "      - {title: 副主任, level: deputy, rank: 副科, approved: 2, filled: 2}\n    merged_from: [党政办公室]",
     "      - 主任\n      - {level: deputy, rank: 副科, approved: 2, filled: 2}\n    merged_from: [党政办公室]"),
    ("      - {name: 执法一中队, quotas: {institutional_full: 4}, actual: 4}", "      - 执法一中队"),
    ("      - {name: 执法二中队, quotas: {institutional_full: 4}, actual: 4}", "      - {name: 执法二中队, quotas: 4, actual: 4}"),
    ("  absorbed: [农业服务中心, 文体服务中心]", "  absorbed: {农业服务中心: 1}"),
]
PARTS_SAID = """\
{f}:21:15: 无法使用：人口：应为键和值的映射
{f}:30:11: 无法使用：合计的编制：应为键和值的映射
{f}:38:13: 无法使用：职能机构“党政办公室”的编制：应为键和值的映射
{f}:41:9: 无法使用：职能机构“党政办公室”的领导职数“主任”：应为键和值的映射
{f}:42:9: 无法使用：职能机构“党政办公室”的领导职数第2项中缺少必填的职务名称（“title”）
{f}:89:9: 无法使用：职能机构“综合行政执法局”的内设科室“执法一中队”：应为键和值的映射
{f}:90:31: 无法使用：职能机构“综合行政执法局”的内设科室“执法二中队”的编制：应为键和值的映射
{f}:141:13: 无法使用：综合服务中心的并入单位：应为列表
"""


def test_a_part_written_as_the_wrong_kind_is_named_in_the_plans_words(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = ZHANGPU.read_text(encoding="utf-8")
    for old, new in PARTS_WRONG:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "parts.yaml"
    path.write_text(text, encoding="utf-8")
    code, out = run(capsys, "check", str(path))
    assert code == 2
    lines = out.splitlines()
    assert "\n".join(lines[:-1]) + "\n" == PARTS_SAID.format(f=path)
    for line in lines:  # past the file name and position, no field's path or English word
        said = line.split(": ", 1)[-1]
        assert not re.search(r"[A-Za-z]{3,}|\[\d+\]", re.sub(r"（“[^”]*”）", "", said)), line
    code, out = run(capsys, "check", "--lang", "en", str(path))
    assert "the quotas of the totals: must be a mapping of keys and values" in out
    assert "“主任” (the leadership posts of “党政办公室” (Functional bodies))" in out
    assert not re.search(r"\w\.\w+[\[:]|\[\d+\]", out.replace(str(path), "")), out
