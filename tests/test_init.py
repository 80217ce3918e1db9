"""`staffing init` in an empty folder gives a plans repository where the editor (the YAML
language server's modeline), pre-commit and the CI jobs work."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import yaml

from staffing.cli.main import main

from conftest import STAFFING

MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.M)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def repo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    root = tmp_path / "plans-repo"
    root.mkdir()
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    code, out, err = run(capsys, "init", str(root), "--lang", "en", "--install", "staffing @ git+https://example.org/g/staffing@abc")
    assert code == 0 and out == ""
    assert err.count("staffing: wrote ") == 8
    return root


def plans(root: Path) -> list[Path]:
    return sorted((root / "orgs").rglob("*.yaml"))


def test_writes_every_file_and_overwrites_none(repo: Path, capsys) -> None:
    expected = {"staffing.toml", "schema/plan.schema.json", "staffing-waivers.yaml", ".pre-commit-config.yaml",
                ".github/workflows/staffing.yml", ".gitlab-ci.yml", ".gitignore"}
    written = {str(p.relative_to(repo)) for p in repo.rglob("*") if p.is_file() and ".git/" not in str(p) + "/"
               and not str(p.relative_to(repo)).startswith(".git/")}
    assert expected <= written and len(plans(repo)) == 1
    (repo / "staffing.toml").write_text("[check]\nlang = \"en\"\n", encoding="utf-8")
    code, _, err = run(capsys, "init", str(repo), "--lang", "en")
    assert code == 0 and err.count("exists; left as it is") == 8 and "wrote" not in err
    assert (repo / "staffing.toml").read_text(encoding="utf-8") == "[check]\nlang = \"en\"\n"


def test_the_modelines_point_at_the_schema(repo: Path) -> None:
    schema = json.loads((repo / "schema" / "plan.schema.json").read_text(encoding="utf-8"))
    assert "$id" not in schema  # no address that resolves to nothing
    jsonschema.Draft202012Validator.check_schema(schema)
    for plan in plans(repo):
        text = plan.read_text(encoding="utf-8")
        m = MODELINE.search(text)
        assert m, plan
        target = (plan.parent / m.group(1)).resolve()
        assert target == (repo / "schema" / "plan.schema.json").resolve()
        data = json.loads(json.dumps(yaml.safe_load(text), default=str))  # as an editor sees it: dates are strings
        jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)


def test_the_example_passes_and_the_config_is_read(repo: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(repo)
    code, out, err = run(capsys, "check", "orgs")
    assert code == 0 and "通过1个" in out and err == ""


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "STAFFING_TODAY")}
    env["PATH"] = f"{STAFFING.parent}{os.pathsep}{env.get('PATH', '')}"
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-home")  # never the user's own
    return env


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_runs_the_hook_on_plans_waivers_and_config(repo: Path, tmp_path: Path) -> None:
    pre_commit = STAFFING.parent / "pre-commit"
    if not pre_commit.exists():
        pytest.skip("pre-commit is not installed beside python")
    env = _env(tmp_path)

    def hook(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(pre_commit), "run", *args], cwd=repo, env=env, capture_output=True, text=True,
                              timeout=300)

    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    done = hook("--all-files")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "staffing check" in done.stdout and "Passed" in done.stdout
    for changed in ("staffing-waivers.yaml", "staffing.toml", str(plans(repo)[0].relative_to(repo))):
        done = hook("--files", changed)
        assert "Passed" in done.stdout and "no files to check" not in done.stdout, (changed, done.stdout)
    assert "no files to check" in hook("--files", ".gitignore").stdout
    # a plan that breaks a rule stops the commit
    plan = plans(repo)[0]
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("developed_town: false", "developed_town: true", 1)
                    .replace("unit_type: town", "unit_type: township", 1), encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    done = hook("--files", str(plan.relative_to(repo)))
    assert done.returncode == 1 and "Failed" in done.stdout and "ST80" in done.stdout, done.stdout


def _commands(root: Path) -> list[tuple[str, str]]:
    github = yaml.safe_load((root / ".github/workflows/staffing.yml").read_text(encoding="utf-8"))
    gitlab = yaml.safe_load((root / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    out = [("github", step["run"]) for step in github["jobs"]["check"]["steps"] if "run" in step]
    out += [("gitlab", line) for line in gitlab["staffing"]["script"]]
    return out


def test_the_ci_jobs_run_in_the_new_repository(repo: Path, tmp_path: Path) -> None:
    commands = _commands(repo)
    assert ("github", "pip install 'staffing @ git+https://example.org/g/staffing@abc'") in commands
    assert ("gitlab", "pip install 'staffing @ git+https://example.org/g/staffing@abc'") in commands
    github = yaml.safe_load((repo / ".github/workflows/staffing.yml").read_text(encoding="utf-8"))
    assert github["jobs"]["check"]["steps"][-1]["if"] == "always()"
    env = _env(tmp_path)
    for where, command in commands:
        argv = shlex.split(command)
        if argv[0] != "staffing":
            continue
        job_env = dict(env, GITHUB_ACTIONS="true") if where == "github" else env
        done = subprocess.run([str(STAFFING), *argv[1:]], cwd=repo, env=job_env, capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, (command, done.stdout, done.stderr)
        fmt, file = argv[argv.index("--output") + 1].split("=", 1)
        written = (repo / file).read_text(encoding="utf-8")
        if fmt == "sarif":
            assert json.loads(written)["version"] == "2.1.0"
        else:
            assert ET.fromstring(written.encode("utf-8")).tag == "testsuites"
    assert (repo / "staffing.sarif").name in (repo / ".gitignore").read_text(encoding="utf-8")
