"""CI outputs: SARIF 2.1.0 (validated against the official schema), JUnit XML, GitHub
workflow commands, the JSON schema of --format json, --fail-on, the pre-commit hook and
the command lines of docs/ci.md run against the shipped examples."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from staffing.checks import PLAN_CHECKS as ALL_CHECKS
from staffing.cli.main import main
from staffing.reporters.github import command, escape_data, escape_property

ROOT = Path(__file__).resolve().parents[2]
XINQIAO = ROOT / "orgs" / "jiangsu" / "taizhou" / "jingjiang" / "xinqiao.yaml"
SARIF_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
FINDINGS_SCHEMA = ROOT / "schema" / "findings.schema.json"
STAFFING = Path(sys.executable).with_name("staffing")


def _variant(src: str, old: str, new: str) -> str:
    assert old in src, old
    return src.replace(old, new, 1)


@pytest.fixture
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp/plans with a passing plan, one with an error (ST303), one with a warning
    (ST906) and one unusable file; the working folder is tmp."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("STAFFING_TODAY", raising=False)
    d = tmp_path / "plans"
    d.mkdir()
    src = XINQIAO.read_text(encoding="utf-8")
    (d / "good.yaml").write_text(src, encoding="utf-8")
    (d / "bad.yaml").write_text(
        _variant(src, "head_appointment_consultation: written", "head_appointment_consultation: oral"),
        encoding="utf-8")
    (d / "warn.yaml").write_text(
        _variant(src, "bodies: [党政办公室,", "bodies: [老干部活动室, 党政办公室,"), encoding="utf-8")
    (d / "broken.yaml").write_text("town: [\n", encoding="utf-8")
    return d


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


# ---- SARIF ------------------------------------------------------------------------------------


def _sarif_validator() -> Any:
    if not SARIF_SCHEMA.exists():
        pytest.skip("SARIF schema not available")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def validate_sarif(data: Any) -> None:
    errors = sorted(_sarif_validator().iter_errors(data), key=str)
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]


def test_sarif_is_valid_and_complete(plans: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_cli(capsys, "check", "plans", "--format", "sarif")
    assert code == 2  # broken.yaml is unusable
    data = json.loads(out)
    validate_sarif(data)
    run = data["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "staffing" and driver["version"]
    assert driver.get("informationUri", "http").startswith("http")
    ids = [r["id"] for r in driver["rules"]]
    assert {c.code for c in ALL_CHECKS} <= set(ids)
    assert {"ST000", "ST001", "ST002"} <= set(ids)
    body_count = next(r for r in driver["rules"] if r["id"] == "ST101")
    assert body_count["name"] == "body-count"
    assert body_count["shortDescription"]["text"] == "职能机构数量超出范围"  # the report's language: Chinese by default
    assert body_count["fullDescription"]["text"].startswith("清点乡镇的职能机构")
    assert "## 政策依据与理由\n" in body_count["help"]["text"] and "Why it matters" not in body_count["help"]["text"]
    assert "taizhou-three-integrations" in body_count["properties"]["sources"]

    by_rule: dict[str, list[dict[str, Any]]] = {}
    for r in run["results"]:
        by_rule.setdefault(r["ruleId"], []).append(r)
        assert driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
    st303 = by_rule["ST303"][0]
    assert st303["level"] == "error"
    assert "新桥派出所" in st303["message"]["text"] and "书面" in st303["message"]["text"]
    phys = st303["locations"][0]["physicalLocation"]
    assert phys["artifactLocation"] == {"uri": "plans/bad.yaml", "uriBaseId": "%SRCROOT%"}
    line = phys["region"]["startLine"]
    assert "head_appointment_consultation" in (plans / "bad.yaml").read_text(encoding="utf-8").splitlines()[line - 1]
    assert by_rule["ST906"][0]["level"] == "warning"
    # the unusable file: a result of its own rule and a notification, never dropped
    unusable = by_rule["ST001"][0]
    assert unusable["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "plans/broken.yaml"
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert notes and notes[0]["descriptor"]["id"] == "ST001"


def test_sarif_english(plans: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_cli(capsys, "check", "plans/bad.yaml", "--format", "sarif", "--lang", "en")
    assert code == 1
    data = json.loads(out)
    validate_sarif(data)
    result = data["runs"][0]["results"][0]
    assert "consulted in writing" in result["message"]["text"]
    assert "书面" in result["properties"]["message"]["zh"]
    body_count = next(r for r in data["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "ST101")
    assert body_count["shortDescription"]["text"] == "Too many (or too few) functional bodies."
    assert "functional bodies" in body_count["fullDescription"]["text"]
    assert "## Why it matters\n" in body_count["help"]["text"] and "10个以内职能机构" in body_count["help"]["text"]


def test_sarif_clean_run_has_no_results(plans: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_cli(capsys, "check", "plans/good.yaml", "--format", "sarif")
    assert code == 0
    data = json.loads(out)
    validate_sarif(data)
    assert data["runs"][0]["results"] == []


# ---- JUnit ------------------------------------------------------------------------------------


def test_junit(plans: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_cli(capsys, "check", "plans", "--format", "junit", "--select", "ST303,ST906,ST101")
    assert code == 2
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {f"plans/{n}.yaml" for n in ("bad", "broken", "good", "warn")}
    n_checks = len(ALL_CHECKS)
    for name, suite in suites.items():
        cases = suite.findall("testcase")
        assert int(suite.get("tests", "-1")) == len(cases)
        assert int(suite.get("failures", "-1")) == len(suite.findall("testcase/failure"))
        assert int(suite.get("errors", "-1")) == len(suite.findall("testcase/error"))
        assert int(suite.get("skipped", "-1")) == len(suite.findall("testcase/skipped"))
        if name != "plans/broken.yaml":
            assert len(cases) == n_checks
    bad = {c.get("name"): c for c in suites["plans/bad.yaml"].findall("testcase")}
    failure = bad["ST303 dispatched-head-not-consulted"].find("failure")
    assert failure is not None and "新桥派出所" in failure.get("message", "")
    assert re.search(r"plans/bad\.yaml:\d+:\d+", failure.text or "")
    assert bad["ST101 body-count"].find("failure") is None and bad["ST101 body-count"].find("skipped") is None
    assert bad["ST201 staffing-grows"].find("skipped") is not None  # not selected
    warn = {c.get("name"): c for c in suites["plans/warn.yaml"].findall("testcase")}
    case = warn["ST906 baseline-body-unaccounted"]
    assert case.find("failure") is None and "老干部活动室" in (case.findtext("system-out") or "")
    error = suites["plans/broken.yaml"].find("testcase/error")
    assert error is not None and "plans/broken.yaml:" in (error.text or "")
    assert int(root.get("tests", "0")) == sum(int(s.get("tests", "0")) for s in suites.values())


def test_junit_strict_warning_fails(plans: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_cli(capsys, "check", "plans/warn.yaml", "--format", "junit", "--fail-on", "warning")
    assert code == 1
    root = ET.fromstring(out.encode("utf-8"))
    assert root.find(".//testcase[@name='ST906 baseline-body-unaccounted']/failure") is not None


# ---- GitHub -----------------------------------------------------------------------------------


def test_github_escaping() -> None:
    assert escape_data("a%b\r\nc") == "a%25b%0D%0Ac"
    assert escape_property("x:y,z%\n") == "x%3Ay%2Cz%25%0A"
    line = command("error", "50% over,\nnext: line", file="a,b:c.yaml", line=3, col=4, title="ST101 x,y")
    assert line == "::error file=a%2Cb%3Ac.yaml,line=3,col=4,title=ST101 x%2Cy::50%25 over,%0Anext: line"


def test_github_format(plans: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_cli(capsys, "check", "plans", "--format", "github", "--lang", "en")
    assert code == 2
    lines = out.splitlines()
    err = next(x for x in lines if "ST303" in x)
    assert re.match(r"^::error file=plans/bad\.yaml,line=\d+,col=\d+,title=ST303 dispatched-head-not-consulted::", err)
    assert "\n" not in err
    assert any(x.startswith("::warning file=plans/warn.yaml") and "ST906" in x for x in lines)
    assert any(x.startswith("::error file=plans/broken.yaml,line=") and "ST001" in x for x in lines)
    assert not lines[-1].startswith("::")  # the summary
    code, out = run_cli(capsys, "check", "plans", "--format", "github")  # Chinese: the check's Chinese title
    assert code == 2
    err = next(x for x in out.splitlines() if "ST303" in x)
    assert re.match(r"^::error file=plans/bad\.yaml,line=\d+,col=\d+,title=ST303 派驻机构负责人任免未征求乡镇意见::", err)


def test_github_chosen_in_actions(plans: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out = run_cli(capsys, "check", "plans/bad.yaml")
    assert code == 1 and out.startswith("::error ")
    code, out = run_cli(capsys, "check", "plans/bad.yaml", "--format", "text")
    assert not out.startswith("::")
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    code, out = run_cli(capsys, "check", "plans/bad.yaml")
    assert not out.startswith("::")


# ---- --fail-on --------------------------------------------------------------------------------


def test_fail_on(plans: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(capsys, "check", "plans/warn.yaml")[0] == 0
    assert run_cli(capsys, "check", "plans/warn.yaml", "--fail-on", "error")[0] == 0
    assert run_cli(capsys, "check", "plans/warn.yaml", "--fail-on", "warning")[0] == 1
    assert run_cli(capsys, "check", "plans/warn.yaml", "--strict")[0] == 1
    assert run_cli(capsys, "check", "plans/bad.yaml", "--fail-on", "warning")[0] == 1
    assert run_cli(capsys, "check", "plans/good.yaml", "--fail-on", "warning")[0] == 0
    assert run_cli(capsys, "check", "plans/good.yaml", "--fail-on", "nonsense")[0] == 2


# ---- JSON schema ------------------------------------------------------------------------------


def test_json_output_matches_schema(plans: Path, capsys: pytest.CaptureFixture[str]) -> None:
    schema = json.loads(FINDINGS_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    waivers = plans.parent / "w.yaml"
    waivers.write_text(
        "waivers:\n"
        "  - {check: ST303, town: 新桥镇, reason: r, approval: 泰编办复〔2020〕3号, approver: a, expires: 2099-01-01}\n"
        "  - {check: ST101, town: 新桥镇, reason: r, approval: x, approver: a, expires: 2099-01-01}\n",
        encoding="utf-8")
    for argv in (["plans"], ["plans/good.yaml"], ["plans", "--waivers", str(waivers)], ["plans/broken.yaml"]):
        _code, out = run_cli(capsys, "check", *argv, "--format", "json")
        data = json.loads(out)
        errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(data)]
        assert not errors, (argv, errors[:5])
        if "--waivers" in argv:
            every = [f for entry in data["files"] for f in entry["findings"]]
            assert any(f["waived"] and "泰编办复〔2020〕3号" in f["waived"] for f in every)
            assert [f["code"] for f in data["pack_findings"]] == ["ST002"]


# ---- pre-commit and docs/ci.md ----------------------------------------------------------------


def test_pre_commit_hook(plans: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from staffing.cli.init import HOOK_FILES, HOOK_ID, PRE_COMMIT_LOCAL

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == HOOK_ID)
    # not `language: python`, which makes pre-commit resolve the dependencies unhashed: a script
    # that installs the lock with hashes, then runs `staffing hook` (tests/cli/test_plans_repo.py runs it)
    assert hook["entry"] == "scripts/pre-commit-hook.py" and hook["language"] == "script"
    assert os.access(ROOT / hook["entry"], os.X_OK)  # pre-commit runs it as a program
    assert hook["require_serial"] is True
    assert "pass_filenames" not in hook  # pre-commit passes the files being committed
    assert hook["files"] == HOOK_FILES  # the same as `staffing init` writes for a local hook
    local = yaml.safe_load(PRE_COMMIT_LOCAL.format(hook=HOOK_ID, deps="[]", files=HOOK_FILES))["repos"][0]["hooks"][0]
    assert {k: local[k] for k in ("files", "require_serial")} == {k: hook[k] for k in ("files", "require_serial")}
    assert local["entry"] == "staffing hook"
    pattern = re.compile(hook["files"])
    examples = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "orgs").rglob("*") if p.is_file())
    assert examples and all(pattern.search(e) for e in examples if e.endswith((".yaml", ".yml", ".json")))
    # it also fires when the waivers, the configuration or a repository pack change
    for other in ("staffing-waivers.yaml", "staffing.toml", "packs/mine.yaml", "schema/plan.schema.json"):
        assert pattern.search(other), other
    assert not pattern.search("rules/base.yaml") and not pattern.search("orgs/README.md")
    # the files being committed, among those git tracks
    repo = plans.parent
    (repo / "orgs").mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    monkeypatch.chdir(repo)
    shutil.copy(plans / "good.yaml", repo / "orgs" / "good.yaml")
    shutil.copy(plans / "bad.yaml", repo / "orgs" / "bad.yaml")
    subprocess.run(["git", "add", "orgs/good.yaml"], check=True)
    argv = local["entry"].split()[1:]
    assert run_cli(capsys, *argv, "orgs/good.yaml", "orgs/bad.yaml")[0] == 0  # bad.yaml is not tracked
    subprocess.run(["git", "add", "orgs/bad.yaml"], check=True)
    assert run_cli(capsys, *argv, "orgs/bad.yaml")[0] == 1


def doc_commands() -> list[tuple[str, str]]:
    """(where, command) for every `staffing …` command in a YAML block of docs/ci.md."""
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    out: list[tuple[str, str]] = []

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if k != "name":  # a step's or hook's title, not a command
                    walk(v, where)
        elif isinstance(node, list):
            for v in node:
                walk(v, where)
        elif isinstance(node, str) and node.strip().startswith("staffing "):
            out.append((where, node.strip()))

    for block in re.findall(r"```yaml\n(.*?)```", text, flags=re.S):
        data = yaml.safe_load(block)
        where = "github" if isinstance(data, dict) and "jobs" in data else "other"
        walk(data, where)
    return out


def test_doc_commands_are_the_expected_ones() -> None:
    commands = [c for _, c in doc_commands()]
    assert "staffing check orgs --output sarif=staffing.sarif" in commands
    assert "staffing check orgs --output junit=staffing-junit.xml" in commands


@pytest.mark.skipif(not STAFFING.exists(), reason="staffing script not installed next to python")
def test_doc_commands_run_on_examples(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "orgs", tmp_path / "orgs")
    for where, cmd in doc_commands():
        argv = shlex.split(cmd)
        target = None
        if ">" in argv:
            i = argv.index(">")
            argv, target = argv[:i], argv[i + 1]
        env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "STAFFING_TODAY")}
        if where == "github":
            env["GITHUB_ACTIONS"] = "true"
        proc = subprocess.run([str(STAFFING), *argv[1:]], cwd=tmp_path, env=env, capture_output=True, check=False)
        assert proc.returncode in (0, 1), (cmd, proc.stderr.decode())
        out = proc.stdout.decode("utf-8")
        if target:
            (tmp_path / target).write_text(out, encoding="utf-8")
        if "--output" in argv:  # the report written beside the console's
            fmt, file = argv[argv.index("--output") + 1].split("=", 1)
            written = (tmp_path / file).read_text(encoding="utf-8")
            assert proc.stderr.decode("utf-8").startswith(f"staffing: 已写入“{file}”\n")
            if fmt == "sarif":
                validate_sarif(json.loads(written))
            else:
                assert fmt == "junit" and ET.fromstring(written.encode("utf-8")).tag == "testsuites"
        if "--format sarif" in cmd:
            validate_sarif(json.loads(out))
        elif "--format junit" in cmd:
            assert ET.fromstring(out.encode("utf-8")).tag == "testsuites"
        elif where == "github":
            body = out.splitlines()[:-1]
            assert all(x.startswith("::") for x in body)
            assert (proc.returncode == 1) == any(x.startswith("::error ") for x in body)


def test_sarif_uris_are_percent_encoded(plans: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """SARIF's artifact URIs are URI references: a Chinese file name in a folder with a space is
    percent-encoded as UTF-8, and decodes back to the file in the repository."""
    from urllib.parse import unquote

    folder = plans / "昆山 市"
    folder.mkdir()
    (folder / "张浦#1.yaml").write_text((plans / "bad.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    code, out = run_cli(capsys, "check", "plans/昆山 市", "--format", "sarif")
    assert code == 1
    data = json.loads(out)
    validate_sarif(data)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in data["runs"][0]["results"]}
    assert uris == {"plans/%E6%98%86%E5%B1%B1%20%E5%B8%82/%E5%BC%A0%E6%B5%A6%231.yaml"}
    assert (Path.cwd() / unquote(uris.pop())).is_file()
