"""A plans repository from nothing, as an office sets one up: `staffing init` in a fresh git
repository, then the next steps it prints, give a first commit that the pre-commit hook
checks with no other install; the CI jobs it writes install exactly the pinned source into
a fresh environment and run green; an untracked failing plan never blocks a commit.

The tool comes from a throwaway clone of this repository at its HEAD commit, named by a
`git+file://` URL, as an office names its own copy.  These tests install the tool into new
environments (the hook's, and one per CI job; dependencies from the lock with hashes), so
they take minutes: marked `slow`
(`pytest -m "not slow"` leaves them out)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from packaging.utils import canonicalize_name

from conftest import ROOT, STAFFING

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]

PRE_COMMIT = Path(sys.executable).parent / "pre-commit"
WHO = {"GIT_AUTHOR_NAME": "编办", "GIT_AUTHOR_EMAIL": "office@example.org",
       "GIT_COMMITTER_NAME": "编办", "GIT_COMMITTER_EMAIL": "office@example.org"}


@pytest.fixture(scope="module")
def tool(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """(git URL, commit) of a throwaway clone of this repository at its HEAD."""
    clone = tmp_path_factory.mktemp("tool") / "staffing"
    subprocess.run(["git", "clone", "--quiet", "--no-local", str(ROOT), str(clone)], check=True, timeout=300)
    head = subprocess.run(["git", "-C", str(clone), "rev-parse", "HEAD"], check=True, capture_output=True,
                          text=True).stdout.strip()
    return clone.as_uri(), head


def _bare_env(tmp: Path, *extra_bin: Path) -> dict[str, str]:
    """The environment of an office's machine: the system's programs, none of this
    checkout's (its staffing is not on PATH), a home and caches of its own."""
    ours = {str(Path(sys.executable).parent), str(STAFFING.parent)}
    system = [p for p in os.environ.get("PATH", "").split(os.pathsep) if p and p not in ours]
    env = {k: v for k, v in os.environ.items()
           if k not in ("VIRTUAL_ENV", "PYTHONPATH", "GITHUB_ACTIONS", "STAFFING_TODAY", "PYTHONHOME")}
    env.update(WHO, PATH=os.pathsep.join([*map(str, extra_bin), *system]), TMPDIR=str(tmp),
               PRE_COMMIT_HOME=str(tmp / "pre-commit-home"), XDG_CACHE_HOME=str(tmp / "cache"))
    return env


def _init(root: Path, source: str) -> str:
    """`staffing init` in `root` (this checkout's tool, as an office runs it once); its stdout."""
    done = subprocess.run([str(STAFFING), "init", "--install", source], cwd=root, capture_output=True, text=True,
                          timeout=300, env={**os.environ, "XDG_CACHE_HOME": str(root.parent / "cache")})
    assert done.returncode == 0, done.stderr
    return done.stdout


def _steps(out: str) -> list[str]:
    """The commands of the printed next steps, in order (each on its own line, indented)."""
    return [line.strip() for line in out.splitlines() if line.startswith("       ")]


def _failing(text: str) -> str:
    """The example plan made to break a rule (ST80x: a developed town written as a township)."""
    broken = text.replace("developed_town: false", "developed_town: true", 1).replace("unit_type: town", "unit_type: township", 1)
    assert broken != text
    return broken


@pytest.mark.skipif(not PRE_COMMIT.exists(), reason="pre-commit is not installed beside python (the test lock has it)")
def test_the_first_commit_is_checked_by_the_hook_with_nothing_else_installed(tool: tuple[str, str],
                                                                            tmp_path: Path) -> None:
    url, head = tool
    root = tmp_path / "plans"
    root.mkdir()
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    steps = _steps(_init(root, f"git+{url}@{head}"))
    assert steps == ["pip install pre-commit", "pre-commit install", "git add -A", "pre-commit run --all-files",
                     'git commit -m "建立三定方案仓库"']
    bin_dir = tmp_path / "bin"  # pre-commit, and nothing else of this checkout
    bin_dir.mkdir()
    (bin_dir / "pre-commit").symlink_to(PRE_COMMIT)
    env = _bare_env(tmp_path, bin_dir)
    assert shutil.which("staffing", path=env["PATH"]) is None

    def sh(command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["bash", "-c", command], cwd=root, env=env, capture_output=True, text=True, timeout=900)

    outputs = {}
    for command in steps[1:]:  # the first step installs pre-commit, which the test lock has done
        done = sh(command)
        assert done.returncode == 0, (command, done.stdout, done.stderr)
        outputs[command] = done.stdout + done.stderr
    assert "staffing check (三定方案)" in outputs["pre-commit run --all-files"]
    assert "Passed" in outputs["pre-commit run --all-files"]
    commit = outputs[steps[-1]]
    assert "staffing check (三定方案)" in commit and "Passed" in commit  # the hook ran on the first commit
    assert sh("git rev-list --count HEAD").stdout.strip() == "1"
    _assert_the_hook_installed_the_lock(tmp_path / "pre-commit-home", url, head)

    # an untracked failing plan never blocks a commit of another plan
    plan = next((root / "orgs").rglob("*.yaml"))
    (plan.parent / "failing.yaml").write_text(_failing(plan.read_text(encoding="utf-8")), encoding="utf-8")
    plan.write_text(plan.read_text(encoding="utf-8") + "# 已核对\n", encoding="utf-8")
    done = sh(f"git add {plan.relative_to(root)} && git commit -m 核对")
    assert done.returncode == 0 and "Passed" in done.stdout + done.stderr, done.stdout + done.stderr
    # nor a change of the configuration, which checks every committed plan (not the untracked one)
    (root / "staffing.toml").write_text((root / "staffing.toml").read_text(encoding="utf-8") + "# 全部检查\n",
                                        encoding="utf-8")
    done = sh("git add staffing.toml && git commit -m 配置")
    assert done.returncode == 0 and "Passed" in done.stdout + done.stderr, done.stdout + done.stderr
    # once added, the failing plan stops the commit, with its finding
    done = sh("git add -A && git commit -m 新方案")
    said = done.stdout + done.stderr
    assert done.returncode == 1 and "Failed" in said and "ST80" in said and "failing.yaml" in said, said
    assert sh("git rev-list --count HEAD").stdout.strip() == "3"


def _locked(lock: Path) -> dict[str, set[str]]:
    """name → the versions `lock` pins for it (one per set of environment markers)."""
    pins = re.findall(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;]+)", lock.read_text(encoding="utf-8"), re.M)
    out: dict[str, set[str]] = {}
    for name, version in pins:
        out.setdefault(canonicalize_name(name), set()).add(version)
    return out


def _assert_the_hook_installed_the_lock(home: Path, url: str, head: str) -> None:
    """The hook's environment holds exactly what the pinned commit's lock names, at the lock's
    versions, and the tool from the pinned clone; pre-commit made no environment of its own
    (`language: python` would have, resolving the dependencies from the index, unhashed)."""
    assert not list(home.glob("repo*/py_env-*"))
    envs = list(home.glob("repo*/.staffing-hook-env-*"))
    assert len(envs) == 1 and not list(home.glob("repo*/.staffing-hook-env-*.building-*")), envs
    clone = envs[0].parent
    assert subprocess.run(["git", "-C", str(clone), "rev-parse", "HEAD"], capture_output=True, text=True,
                          check=True).stdout.strip() == head
    python = envs[0] / "bin" / "python"
    listed = subprocess.run([str(python), "-m", "pip", "list", "--format=json", "--disable-pip-version-check"],
                            capture_output=True, text=True, check=True).stdout
    installed = {canonicalize_name(d["name"]): d["version"] for d in json.loads(listed)}
    locked = _locked(clone / "requirements.lock")
    assert installed.pop("staffing") and installed.pop("pip")
    installed.pop("setuptools", None)  # what venv itself puts there on older Pythons
    unlocked = {name: version for name, version in installed.items() if version not in locked.get(name, set())}
    assert unlocked == {}  # nothing the lock does not pin, at no other version
    record = subprocess.run([str(python), "-c", "import importlib.metadata as m; "
                             "print(m.distribution('staffing').read_text('direct_url.json'))"],
                            capture_output=True, text=True, check=True).stdout
    assert json.loads(record)["url"] == clone.as_uri()


def test_the_hook_installs_nothing_whose_hash_does_not_match(tmp_path: Path) -> None:
    """The hook's installer stops at a file whose hash is not the lock's, says so in Chinese,
    and leaves no environment behind to be used by the next run."""
    tool = tmp_path / "tool"
    shutil.copytree(ROOT / "src" / "staffing" / "words", tool / "src" / "staffing" / "words")
    (tool / "src" / "staffing" / "__init__.py").write_text("", encoding="utf-8")
    (tool / "scripts").mkdir()
    shutil.copy2(ROOT / "scripts" / "pre-commit-hook.py", tool / "scripts")
    name, versions = next(iter(_locked(ROOT / "requirements.lock").items()))
    version = min(versions)
    (tool / "requirements.lock").write_text(f"{name}=={version} \\\n    --hash=sha256:{'0' * 64}\n", encoding="utf-8")
    env = _bare_env(tmp_path)
    done = subprocess.run([sys.executable, str(tool / "scripts" / "pre-commit-hook.py"), "orgs/a.yaml"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "首次运行" in done.stderr and "安装本工具失败" in done.stderr and "--require-hashes" in done.stderr
    assert "HASHES" in done.stderr, done.stderr  # pip's own words: the file's hash is not the lock's
    assert [p.name for p in tool.iterdir() if p.name.startswith(".staffing-hook-env")] == []


def _jobs(root: Path) -> dict[str, list[str]]:
    """Each job's shell scripts, as its runner runs them: every GitHub `run:` step, and the
    GitLab `script:` lines in one session."""
    github = yaml.safe_load((root / ".github/workflows/staffing.yml").read_text(encoding="utf-8"))
    gitlab = yaml.safe_load((root / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    return {"github": [step["run"] for step in github["jobs"]["check"]["steps"] if "run" in step],
            "gitlab": ["\n".join(gitlab["staffing"]["script"])]}


@pytest.mark.parametrize("where", ["github", "gitlab"])
def test_the_ci_job_installs_the_pinned_commit_and_runs_green(where: str, tool: tuple[str, str],
                                                              tmp_path: Path) -> None:
    url, head = tool
    root = tmp_path / "plans"
    root.mkdir()
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    _init(root, f"git+{url}@{head}")
    scripts = _jobs(root)[where]
    assert any(head in s and "--require-hashes" in s for s in scripts)
    venv = tmp_path / "runner"  # the runner's Python: nothing but pip
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    env = _bare_env(tmp_path, venv / "bin")
    if where == "github":
        env["GITHUB_ACTIONS"] = "true"
    for script in scripts:  # as the runners do: bash, stop at the first failing command
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=root, env=env,
                              capture_output=True, text=True, timeout=1200)
        assert done.returncode == 0, (script, done.stdout[-3000:], done.stderr[-3000:])
    # the tool that ran is the pinned commit's, installed into the runner's environment
    record = subprocess.run([str(venv / "bin" / "python"), "-c",
                             "import importlib.metadata as m, staffing; print(staffing.__file__); "
                             "print(m.distribution('staffing').read_text('direct_url.json'))"],
                            capture_output=True, text=True, check=True, env=env).stdout.splitlines()
    assert record[0].startswith(str(venv)), record
    assert not json.loads(record[1]).get("dir_info", {}).get("editable", False)
    if where == "github":
        assert json.loads((root / "staffing.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    else:
        assert ET.fromstring((root / "staffing-junit.xml").read_bytes()).tag == "testsuites"
