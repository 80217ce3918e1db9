"""staffing.toml and --output: one configuration for every run, one run for several reports."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from staffing.cli import main as cli
from staffing.cli.main import main
from staffing.reporters import REPORTERS
from staffing.run.config import find

from conftest import ROOT, plan_repo

ZHANGPU = ROOT / "orgs/jiangsu/suzhou/kunshan/zhangpu.yaml"
XINQIAO = ROOT / "orgs/jiangsu/taizhou/jingjiang/xinqiao.yaml"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A plans repository (a .git folder, two plans: Zhangpu fails, Xinqiao passes)."""
    root = tmp_path / "plans"
    (root / ".git").mkdir(parents=True)
    (root / "orgs" / "a").mkdir(parents=True)
    shutil.copy(ZHANGPU, root / "orgs" / "a" / "zhangpu.yaml")
    shutil.copy(XINQIAO, root / "orgs" / "a" / "xinqiao.yaml")
    monkeypatch.chdir(root)
    return root


def test_found_from_the_working_folder_up_to_the_repository_root(repo: Path, tmp_path: Path, monkeypatch) -> None:
    assert find() is None
    (tmp_path / "staffing.toml").write_text("[check]\n", encoding="utf-8")  # above the repository: not used
    assert find(repo / "orgs" / "a") is None
    (repo / "staffing.toml").write_text("[check]\n", encoding="utf-8")
    assert find(repo / "orgs" / "a") == repo / "staffing.toml"
    (repo / "orgs" / "staffing.toml").write_text("[check]\n", encoding="utf-8")
    assert find(repo / "orgs" / "a") == repo / "orgs" / "staffing.toml"  # the nearest
    outside = tmp_path / "loose"
    (outside / "sub").mkdir(parents=True)
    (outside / "staffing.toml").write_text("[check]\n", encoding="utf-8")
    assert find(outside) == outside / "staffing.toml"
    assert find(outside / "sub") is None  # outside a repository: the working folder only


def test_defaults_come_from_the_file_and_the_command_line_wins(capsys, repo: Path) -> None:
    (repo / "staffing.toml").write_text(
        '[check]\nlang = "en"\nselect = ["ST101"]\nfail-on = "error"\njobs = 1\n', encoding="utf-8")
    code, out, _ = run(capsys, "check", "orgs")
    assert code == 1 and "ST101 body-count  11 functional bodies" in out and "ST202" not in out
    code, out, _ = run(capsys, "check", "orgs", "--lang", "zh", "--select", "ST202")
    assert code == 1 and "ST202 编制划转无文号" in out and "ST101" not in out and "共检查2个方案" in out
    code, out, _ = run(capsys, "check", "orgs", "--isolated")
    assert code == 1 and "ST202" in out and "ST101" in out and "共检查" in out  # no file: Chinese, every check
    (repo / "other.toml").write_text('[check]\nignore = ["ST101", "ST201", "ST202"]\n', encoding="utf-8")
    code, out, _ = run(capsys, "check", "orgs", "--config", "other.toml")
    assert code == 0, out


def test_an_unknown_check_in_the_file_names_the_file(capsys, repo: Path) -> None:
    (repo / "staffing.toml").write_text('[check]\nselect = ["body-counts"]\n', encoding="utf-8")
    code, out, err = run(capsys, "check", "orgs")
    assert (code, out) == (2, "")
    assert err == ("staffing: staffing.toml [check] select: 没有检查项“body-counts”，是否要写“body-count”"
                   "（ST101 职能机构数量超出范围）？全部检查项见 staffing rules\n")
    code, out, err = run(capsys, "check", "orgs", "--select", "ST101")  # the command line wins
    assert code == 1 and err == "" and "ST101" in out


def test_from_a_subfolder_paths_are_the_files_own(capsys, repo: Path, monkeypatch) -> None:
    (repo / "packs").mkdir()
    (repo / "packs" / "mine.yaml").write_text(
        "id: mine\ntitle: {zh: 本地, en: Mine}\nextends: jiangsu-developed-town\n", encoding="utf-8")
    plan = repo / "orgs" / "a" / "zhangpu.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("rule_pack: jiangsu-developed-town", "rule_pack: mine"),
                    encoding="utf-8")
    (repo / "staffing.toml").write_text(
        '[check]\npacks = ["packs"]\noutputs = { json = "reports/out.json" }\n', encoding="utf-8")
    monkeypatch.chdir(repo / "orgs")
    code, out, err = run(capsys, "check", "a", "--lang", "en")
    assert code == 1 and "Mine (from " in out
    data = json.loads((repo / "reports" / "out.json").read_text(encoding="utf-8"))
    assert {f["pack"] for f in data["files"]} == {"mine", "taizhou-three-integrations"}
    assert err == f"staffing: wrote {repo / 'reports' / 'out.json'}\n"


def test_unknown_keys_are_errors_with_did_you_mean(capsys, repo: Path) -> None:
    (repo / "staffing.toml").write_text('[check]\nlang = "en"\nfail_on = "warning"\n', encoding="utf-8")
    code, out, err = run(capsys, "check", "orgs", "--lang", "en")
    assert (code, out) == (2, "")
    assert err == "staffing: staffing.toml:3:1: unknown setting “check.fail_on”; did you mean “fail-on”?\n"
    code, out, err = run(capsys, "check", "orgs")
    assert err == "staffing: staffing.toml:3:1: 未知的配置项“check.fail_on”，是否应为“fail-on”？\n"
    (repo / "staffing.toml").write_text('lang = "en"\n', encoding="utf-8")
    code, out, err = run(capsys, "check", "orgs", "--lang", "en")
    assert (code, err) == (2, "staffing: staffing.toml:1:1: unknown setting “lang”; did you mean “[check] lang”?\n")
    (repo / "staffing.toml").write_text('[check]\n  zzz = 1\n', encoding="utf-8")
    code, out, err = run(capsys, "check", "orgs", "--lang", "en")
    assert (code, err) == (2, "staffing: staffing.toml:2:3: unknown setting “check.zzz”\n")
    (repo / "staffing.toml").write_text('[check]\njobs = 0\n', encoding="utf-8")
    code, out, err = run(capsys, "check", "orgs", "--lang", "en")
    assert (code, err) == (2, "staffing: staffing.toml:2:1: check.jobs must be a positive whole number\n")
    (repo / "staffing.toml").write_text('[check\n', encoding="utf-8")
    code, out, err = run(capsys, "check", "orgs", "--lang", "en")
    assert code == 2 and err.startswith("staffing: staffing.toml:1:") and "not valid TOML" in err
    code, out, err = run(capsys, "check", "orgs", "--isolated", "--lang", "en")
    assert code == 1  # --isolated: the broken file is not read
    code, out, err = run(capsys, "check", "orgs", "--config", "nope.toml", "--lang", "en")
    assert (code, err) == (2, "staffing: nope.toml: no such configuration file\n")


def test_one_run_several_reports(capsys, repo: Path) -> None:
    code, out, err = run(capsys, "check", "orgs", "--output", "json=r/out.json", "--output", "junit=r/junit.xml",
                         "-o", "sarif=r/out.sarif", "--lang", "en")
    assert code == 1
    assert "2 plans checked: 1 passed, 1 failed" in out  # the console keeps --format (text)
    assert err == "staffing: wrote r/out.json\nstaffing: wrote r/junit.xml\nstaffing: wrote r/out.sarif\n"
    data = json.loads((repo / "r/out.json").read_text(encoding="utf-8"))
    assert data["summary"]["failed"] == 1 and "rollup" in data
    assert (repo / "r/junit.xml").read_text(encoding="utf-8").startswith("<?xml")
    assert json.loads((repo / "r/out.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    code, out, err = run(capsys, "check", "orgs", "--output", "text=r/out.txt", "--format", "json")
    assert code == 1 and json.loads(out)["summary"]["failed"] == 1
    assert "\033[" not in (repo / "r/out.txt").read_text(encoding="utf-8")


def test_output_errors(capsys, repo: Path) -> None:
    code, out, err = run(capsys, "check", "orgs", "--output", "yaml=x.yaml", "--lang", "en")
    assert (code, out) == (2, "") and err.startswith("staffing: --output: unknown output format “yaml” (known: ")
    code, out, err = run(capsys, "check", "orgs", "--output", "json", "--lang", "en")
    assert code == 2 and "--output takes FORMAT=FILE: json" in err
    (repo / "blocker").write_text("", encoding="utf-8")
    code, out, err = run(capsys, "check", "orgs", "--output", "json=blocker/x.json", "--lang", "en")
    assert code == 2 and err.startswith("staffing: blocker/x.json: cannot write blocker/x.json: ")


def test_outputs_dispatch_through_the_reporters_registry(capsys, repo: Path, monkeypatch) -> None:
    """A reporter registered by name (as the spreadsheet writers are) is an --output format,
    and one that makes bytes is written as bytes but never printed."""
    monkeypatch.setitem(REPORTERS._loaded, "bytesy", lambda run, lang: b"\x00" + str(run.counts()["failed"]).encode())
    code, _, err = run(capsys, "check", "orgs", "--output", "bytesy=r/x.bin", "--lang", "en")
    assert code == 1 and (repo / "r/x.bin").read_bytes() == b"\x001"
    (repo / "staffing.toml").write_text('[check]\nformat = "bytesy"\n', encoding="utf-8")
    code, out, err = run(capsys, "check", "orgs", "--lang", "en")
    assert (code, out) == (2, "") and "use --output bytesy=FILE" in err
    (repo / "staffing.toml").write_text('[check]\nformat = "nope"\n', encoding="utf-8")
    code, out, err = run(capsys, "check", "orgs", "--lang", "en")
    assert (code, out) == (2, "") and "unknown output format “nope”" in err


# ---- staffing.toml: bounded, and never read through a link (issue 27) --------------------------

COMMANDS = [
    ["check", "plan.yaml", "--no-cache"],
    ["rules"],
    ["explain", "ST201"],
    ["render", "plan.yaml", "-o", "chart.dot"],
    ["diff", "plan.yaml", "plan.yaml"],
]


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: a[0])
def test_a_deeply_nested_config_is_one_message_in_every_command(argv: list[str], tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    repo = plan_repo(tmp_path)
    (repo / "staffing.toml").write_text("[check]\nx = " + "[" * 1000 + "]" * 1000 + "\n")  # 2 kB
    monkeypatch.chdir(repo)
    code = cli.main(argv)
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err == "staffing: staffing.toml: 嵌套超过64层\n"


def test_config_nesting_is_bounded_at_the_plans_depth(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    repo = plan_repo(tmp_path)
    (repo / "staffing.toml").write_text("[check]\nx = " + "[" * 65 + "]" * 65 + "\n")  # tomllib reads it
    monkeypatch.chdir(repo)
    assert cli.main(["rules", "--lang", "en"]) == 2
    assert capsys.readouterr().err == "staffing: staffing.toml: nested deeper than 64 levels\n"


def test_a_huge_config_is_refused_before_it_is_parsed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    repo = plan_repo(tmp_path)
    with open(repo / "staffing.toml", "w") as fh:
        fh.write("[check]\n")
        fh.write("# padding\n" * 600_000)  # 6 MB, made here
    monkeypatch.chdir(repo)
    started = time.monotonic()
    assert cli.main(["check", "plan.yaml", "--no-cache"]) == 2
    assert time.monotonic() - started < 30
    err = capsys.readouterr().err
    assert "staffing.toml: " in err and "超过上限5242880字节" in err


SECRET = "root:SECRET-LINE-FROM-ELSEWHERE:0:0"


def test_a_linked_config_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    repo = plan_repo(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_text(f"{SECRET} = 1\n")
    (repo / "staffing.toml").symlink_to(elsewhere)
    monkeypatch.chdir(repo)
    assert cli.main(["check", "plan.yaml", "--no-cache"]) == 2
    out, err = capsys.readouterr()
    assert err == "staffing: staffing.toml: 配置文件是符号链接，不予读取；请改为普通文件\n"
    assert "SECRET" not in out + err
