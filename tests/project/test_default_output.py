"""The issue's "done when" for default output: `staffing check` as a reviewer runs it (Chinese,
text) on every shipped example, and on a street checked under the developed-town pack, reads
as a reviewer would write it, and is byte-identical from run to run.

A Chinese line may carry, as fields of its own, the file checked (at the head of a plan's
header line), the line:column or sheet!cell of a finding, and a finding's code (ST101) next to
its title: a reviewer quotes those.  Everything else in a Chinese line is Chinese text, held to
the same rules as the catalogue (tests/project/test_messages.py): no slug, id, role key, file name or
English word outside the allowed list, no half-width punctuation.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from staffing.cli.main import main
from test_messages import ascii_problems

from conftest import ORGS, ROOT, STAFFING

EXAMPLES = sorted(str(p.relative_to(ROOT)) for p in ORGS.rglob("*.yaml") if not p.name.startswith(("_", ".")))
STREETS = ["orgs/jiangsu/taizhou/hailing/chengdong.yaml", "orgs/beijing/beijing/dongcheng/dongzhimen.yaml"]
DEVELOPED = ["--rules", "jiangsu-developed-town"]
# runs whose output must not change from one process to the next: the examples one by one
# and together, the streets under the developed-town pack, and the cycles ST905 lists
RUNS = ([[p] for p in EXAMPLES] + [["orgs"]] + [[s, *DEVELOPED] for s in STREETS]
        + [[str(p.relative_to(ROOT))] for p in sorted((ROOT / "tests" / "checks" / "cases" / "ST905" / "bad").glob("*.yaml"))])

CJK = re.compile("[\u3400-\u9fff]")
_HEAD_PATH = re.compile(r"^\S+\.(?:ya?ml|json|xlsx)(?=  )")  # the file a plan's header names
_LOCATION = re.compile(r"^(\s*)(?:\d+:\d+|[^\s!]+![A-Z]+\d+)(?=  )")  # 30:28 or 职能机构!D7
_CODE = re.compile(r"(?<!\S)ST\d{3}(?= )")  # a finding's code before its title


def chinese_text(line: str) -> str:
    """The line without the fields a reviewer quotes as they are (file, place, code)."""
    line = _HEAD_PATH.sub("", line)
    line = _LOCATION.sub(r"\1", line)
    return _CODE.sub("", line)


def line_problems(output: str) -> list[str]:
    out = []
    for line in output.splitlines():
        if CJK.search(line):
            out += [f"{p} in {line!r}" for p in ascii_problems(chinese_text(line))]
    return out


def test_scanner_fails_on_what_the_issue_showed() -> None:
    """The line scanner is not blind: each of these lines is one a reviewer would send back."""
    for bad in ("  30:28  错误  ST201 staffing-grows  行政编制44名",
                "  1:1  错误  ST802 规则包不适用于该单位类型  本单位类型为 street",
                "orgs/a.yaml  张浦镇 · 规则包 jiangsu-developed-town",
                "      依据：003_0e219b8eb1ad14e6.txt",
                "规则包：基础规则(三定方案自身一致性)",
                "  33:1  错误  ST101 职能机构数量超出范围  职能机构11个,超过上限10个",
                "  5:3  错误  ST102 缺少必设机构（角色 approval_service）",
                "  5:3  错误  ST102 缺少必设机构，见ST101"):
        assert line_problems(bad), bad
    assert not line_problems("orgs/jiangsu/suzhou/kunshan/zhangpu.yaml  张浦镇 · 规则包：江苏省经济发达镇行政管理体制改革（内置）")
    assert not line_problems("  职能机构!D7  错误  ST101 职能机构数量超出范围  职能机构11个")


@pytest.mark.parametrize("argv", RUNS, ids=[" ".join(a) for a in RUNS])
def test_default_output_reads_as_chinese(argv: list[str], in_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", "--no-cache", *argv])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    assert CJK.search(out)
    assert line_problems(out + err) == []


def test_street_under_developed_town_pack_says_so(in_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", "--no-cache", STREETS[0], *DEVELOPED])
    out, _ = capsys.readouterr()
    assert code == 1
    assert "规则包“江苏省经济发达镇行政管理体制改革”只适用于镇，本单位是街道" in out
    assert "street" not in out and "town" not in out


def _run(argv: list[str], seed: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run([str(STAFFING), "check", *argv], cwd=ROOT, env=env, capture_output=True, timeout=300)


@pytest.mark.parametrize("argv", [["orgs"], [STREETS[0], *DEVELOPED],
                                  ["tests/checks/cases/ST905/bad"]], ids=["orgs", "street-developed", "ST905"])
def test_two_runs_are_byte_identical(argv: list[str]) -> None:
    """Two processes with different hash seeds (and the second reading the first's cache)
    print the very same bytes, with the same exit code."""
    first, second = _run(argv, "1"), _run(argv, "2")
    assert first.returncode == second.returncode == 1
    assert first.stdout == second.stdout and first.stdout
    assert first.stderr == second.stderr


def test_rules_and_explain_read_as_chinese(in_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`staffing rules` and `staffing explain` in Chinese: a pack's id (after 标识：) and a
    check's English name (the last column of the list of checks, and after 英文标识：) are
    what a user types, quoted as fields; YAML examples and `backticked` keys are what a user
    writes; everything else is Chinese text."""
    from staffing.checks import CHECKS

    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    for code in [c.code for c in CHECKS]:
        assert main(["explain", code]) == 0
        out += "\n" + "\n".join(line for line in capsys.readouterr().out.splitlines() if not line.startswith("    "))
    out = re.sub(r"`[^`]+`", "", out)
    out = re.sub(r"标识：[a-z0-9-]+", "标识：", out)
    out = re.sub(r"(?m)  [a-z][a-z0-9-]+$", "", out)
    out = re.sub(r"(?m)^- [a-z0-9_]+：", "- ", out)  # an option's key before its Chinese name
    assert line_problems(out) == []
