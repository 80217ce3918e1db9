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
COMMIT = "0123456789abcdef0123456789abcdef01234567"
SOURCE = f"staffing @ git+https://example.org/g/staffing@{COMMIT}"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def repo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    root = tmp_path / "plans-repo"
    root.mkdir()
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    code, out, err = run(capsys, "init", str(root), "--lang", "en", "--install", SOURCE)
    assert code == 0 and out.startswith("Next steps:\n")
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
    code, _, err = run(capsys, "init", str(repo), "--lang", "en", "--install", SOURCE)
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


def _commands(root: Path) -> list[tuple[str, str]]:
    github = yaml.safe_load((root / ".github/workflows/staffing.yml").read_text(encoding="utf-8"))
    gitlab = yaml.safe_load((root / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    out = [("github", step["run"]) for step in github["jobs"]["check"]["steps"] if "run" in step]
    out += [("gitlab", line) for line in gitlab["staffing"]["script"]]
    return out


def test_the_ci_jobs_install_the_pinned_commit_and_run_the_check(repo: Path, tmp_path: Path) -> None:
    """The jobs' install lines name the repository and the full commit and take the
    dependencies from the lock with hashes; their check commands run green here (the
    install itself runs in tests/cli/test_plans_repo.py, which is slow)."""
    commands = _commands(repo)
    installs = [c for where, c in commands if "staffing check" not in c]
    assert len(installs) == 2 and installs[0] == installs[1]
    lines = installs[0].splitlines()
    assert "git clone --quiet https://example.org/g/staffing \"$tool\"" in lines
    assert f'git -C "$tool" checkout --quiet --detach {COMMIT}' in lines
    assert 'pip install --require-hashes --no-deps -r "$tool/requirements.lock"' in lines
    assert 'pip install --no-deps --no-build-isolation "$tool"' in lines
    assert not any(re.search(r"pip install .*staffing(==| |$)", line) for line in lines)
    github = yaml.safe_load((repo / ".github/workflows/staffing.yml").read_text(encoding="utf-8"))
    assert github["jobs"]["check"]["steps"][-1]["if"] == "always()"
    hook = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hook == {"repos": [{"repo": "https://example.org/g/staffing", "rev": COMMIT,
                               "hooks": [{"id": "staffing-check"}]}]}
    env = _env(tmp_path)
    for where, command in commands:
        if not command.startswith("staffing "):
            continue
        argv = shlex.split(command)
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


# ---- where CI and the hook install the tool from ----------------------------------------------

WHEEL_HASH = "ab" * 32


@pytest.mark.parametrize(("spec", "kind", "url"), [
    (f"git+https://example.org/g/staffing.git@{COMMIT}", "git", "https://example.org/g/staffing.git"),
    (f"staffing@git+ssh://git@example.org:2222/g/staffing@{COMMIT}", "git", "ssh://git@example.org:2222/g/staffing"),
    (f"git+git@example.org:g/staffing.git@{COMMIT}", "git", "git@example.org:g/staffing.git"),
    (f"git+file:///srv/tools/staffing@{COMMIT}", "git", "file:///srv/tools/staffing"),
    (f"git+https://example.org/g/staffing@{COMMIT}#egg=staffing", "git", "https://example.org/g/staffing"),  # pip's form
    (f"https://pkgs.example.org/staffing-0.1.0-py3-none-any.whl#sha256={WHEEL_HASH}", "wheel",
     "https://pkgs.example.org/staffing-0.1.0-py3-none-any.whl"),
])
def test_a_pinned_source_is_taken(spec: str, kind: str, url: str) -> None:
    from staffing.cli.pinned import parse_install

    pinned = parse_install(spec)
    assert (pinned.kind, pinned.url) == (kind, url)
    assert pinned.rev == (COMMIT if kind == "git" else "")
    assert pinned.sha256 == (WHEEL_HASH if kind == "wheel" else "")


@pytest.mark.parametrize(("spec", "said"), [
    ("staffing==0.1.0", "没有固定安装来源"),  # the bare name the jobs used to install (dependency confusion)
    ("staffing", "没有固定安装来源"),
    ("./dist/staffing-0.1.0-py3-none-any.whl", "没有固定安装来源"),
    ("git+https://example.org/g/staffing@main", "不是完整的提交号"),
    ("git+https://example.org/g/staffing@0123456", "不是完整的提交号"),
    ("git+https://example.org/g/staffing", "应写成 git+仓库地址@完整提交号"),
    ("https://pkgs.example.org/staffing-0.1.0-py3-none-any.whl", "应附上文件的 sha256"),
    ("x: y #", "不是可用的安装来源"),  # issue 27: pasted into the YAML, the workflow no longer parsed
    (f"git+https://example.org/g/s\ntaffing@{COMMIT}", "不是可用的安装来源"),
    # an index, public, a mirror or the office's own: a version from it names no bytes
    ("https://pypi.org/simple", "不是 wheel 文件的地址"),
    ("https://pypi.org/simple/", "不是 wheel 文件的地址"),
    ("https://test.pypi.org/simple/", "不是 wheel 文件的地址"),
    ("https://mirrors.aliyun.com/pypi/simple/", "不是 wheel 文件的地址"),
    ("https://pypi.tuna.tsinghua.edu.cn/simple", "不是 wheel 文件的地址"),
    ("https://pypi.office.example.org/simple/", "不是 wheel 文件的地址"),
    ("staffing @ https://pypi.office.example.org/simple/", "不是 wheel 文件的地址"),
    ("https://pkgs.example.org/staffing-0.1.0.tar.gz#sha256=" + "ab" * 32, "不是 wheel 文件的地址"),
    # fetched in clear, whatever it is
    ("http://pypi.office.example.org/simple/", "未加密"),
    ("http://pkgs.example.org/staffing-0.1.0-py3-none-any.whl#sha256=" + "ab" * 32, "未加密"),
    (f"git+http://example.org/g/staffing@{COMMIT}", "未加密"),
    (f"git+git://example.org/g/staffing@{COMMIT}", "未加密"),
    (f"HTTP://example.org/g/staffing-0.1.0-py3-none-any.whl#sha256={'ab' * 32}", "未加密"),
    # a user name or token in the address would be committed and shown in CI logs
    (f"git+https://user:tok@example.org/g/staffing@{COMMIT}", "带有用户名或口令"),
    (f"git+https://ghp_token@example.org/g/staffing@{COMMIT}", "带有用户名或口令"),
    (f"https://user:pw@pkgs.example.org/staffing-0.1.0-py3-none-any.whl#sha256={'ab' * 32}", "带有用户名或口令"),
])
def test_a_source_that_pins_nothing_is_refused(spec: str, said: str, tmp_path: Path, capsys) -> None:
    code, out, err = run(capsys, "init", str(tmp_path / "r"), "--install", spec)
    assert code == 2 and out == "" and said in err and err.startswith("staffing: --install: ")
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "r").exists()  # nothing written


@pytest.mark.parametrize("spec", ["https://pypi.org/simple", "http://pypi.office.example.org/simple/"])
def test_an_index_is_refused_naming_the_forms_taken(spec: str, tmp_path: Path, capsys) -> None:
    """An index URL was taken and written as `pip install --index-url URL staffing==VERSION`
    into both jobs and the hook: a version from an index pins no bytes."""
    code, out, err = run(capsys, "init", str(tmp_path / "r"), "--install", spec)
    assert code == 2 and out == "" and "git+仓库地址@提交号" in err and "地址#sha256=十六进制值" in err
    assert "本单位软件包索引的地址" not in err  # an index is no longer among the forms offered
    code, out, err = run(capsys, "init", str(tmp_path / "r"), "--install", spec, "--lang", "en")
    assert code == 2 and "git+URL@COMMIT" in err and "URL#sha256=HEX" in err and "index URL" not in err
    assert not (tmp_path / "r").exists()


@pytest.mark.parametrize("spec", [
    f"git+https://example.org/a'b/$(touch x)/`id`/st#ff: x \"q\"@{COMMIT}",
    f"https://example.org/it's/a: b/$HOME/staffing-0.1.0-py3-none-any.whl#sha256={WHEEL_HASH}",
])
def test_a_source_with_yaml_and_shell_characters_stays_one_value(spec: str, tmp_path: Path, capsys) -> None:
    from staffing.cli.pinned import parse_install

    if " " in spec:  # a URL with a space is refused; the rest of the characters must survive
        spec = spec.replace(" ", "")
    pinned = parse_install(spec)
    code, _, _ = run(capsys, "init", str(tmp_path), "--install", spec)
    assert code == 0
    commands = _commands(tmp_path)  # both files still parse as YAML
    for where in ("github", "gitlab"):
        install = next(c for w, c in commands if w == where and "staffing check" not in c)
        words = [shlex.split(line) for line in install.splitlines()]
        assert any(pinned.url in w or pinned.requirement() in w for w in words), (where, install)
    config = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = config["repos"][0]
    if pinned.kind == "git":
        assert hook["repo"] == pinned.url and hook["rev"] == COMMIT
    else:
        assert hook["repo"] == "local" and pinned.requirement() in hook["hooks"][0]["additional_dependencies"]
        assert hook["hooks"][0]["entry"] == "staffing hook" and hook["hooks"][0]["language"] == "python"
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("linked", ["schema", ".github", ".github/workflows", "orgs"])
def test_init_writes_nothing_through_a_linked_folder(linked: str, tmp_path: Path, capsys) -> None:
    """Issue 27: `schema/` or `.github/` as a link to a folder outside made init write there."""
    root, outside = tmp_path / "r", tmp_path / "outside"
    outside.mkdir()
    (root / linked).parent.mkdir(parents=True, exist_ok=True)
    (root / linked).symlink_to(outside, target_is_directory=True)
    code, out, err = run(capsys, "init", str(root), "--install", SOURCE)
    assert code == 2 and out == ""
    assert "是符号链接" in err and "未写入任何文件" in err and "Traceback" not in err
    assert list(outside.rglob("*")) == []
    assert sorted(p.name for p in root.iterdir()) == [Path(linked).parts[0]]  # nothing else written either


def _fake_install(monkeypatch: pytest.MonkeyPatch, record: dict | None) -> None:
    import importlib.metadata

    class Dist:
        def read_text(self, name: str) -> str | None:
            return json.dumps(record) if record is not None and name == "direct_url.json" else None

    monkeypatch.setattr(importlib.metadata, "distribution", lambda name: Dist())


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, text=True).stdout.strip()


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_default_source_is_where_the_running_tool_came_from(tmp_path: Path, monkeypatch, capsys) -> None:
    from staffing.cli.pinned import Pinned, running_tool

    _fake_install(monkeypatch, {"url": "https://example.org/g/staffing", "vcs_info": {"vcs": "git", "commit_id": COMMIT}})
    assert running_tool() == Pinned("git", "https://example.org/g/staffing", rev=COMMIT)
    _fake_install(monkeypatch, {"url": "https://example.org/staffing-0.1.0-py3-none-any.whl",
                                "archive_info": {"hashes": {"sha256": WHEEL_HASH}}})
    assert running_tool() == Pinned("wheel", "https://example.org/staffing-0.1.0-py3-none-any.whl", sha256=WHEEL_HASH)
    # a checkout (an editable install): its remote and HEAD, once HEAD is pushed there
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    _git(checkout, "init", "-q", "-b", "main")
    _git(checkout, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "--allow-empty", "-m", "one")
    head = _git(checkout, "rev-parse", "HEAD")
    _fake_install(monkeypatch, {"url": checkout.as_uri(), "dir_info": {"editable": True}})
    code, out, err = run(capsys, "init", str(tmp_path / "r1"))
    assert code == 2 and "没有远程仓库" in err and not (tmp_path / "r1").exists()
    _git(checkout, "remote", "add", "origin", str(tmp_path / "elsewhere"))  # a path: only this machine has it
    code, out, err = run(capsys, "init", str(tmp_path / "r2"), "--lang", "en")
    assert code == 2 and "only this machine can reach" in err
    # a CI clone's remote carries its job token: never written, nor shown
    _git(checkout, "remote", "set-url", "origin", "https://gitlab-ci-token:s3cr3t@example.org/g/staffing.git")
    code, out, err = run(capsys, "init", str(tmp_path / "r2t"))
    assert code == 2 and "用户名或口令" in err and "s3cr3t" not in err + out and not (tmp_path / "r2t").exists()
    _git(checkout, "remote", "set-url", "origin", "https://example.org/g/staffing.git")
    code, out, err = run(capsys, "init", str(tmp_path / "r3"))
    assert code == 2 and f"本工具当前的提交{head[:12]}尚未推送到https://example.org/g/staffing.git" in err
    _git(checkout, "update-ref", "refs/remotes/origin/main", head)  # as after a push
    assert running_tool() == Pinned("git", "https://example.org/g/staffing.git", rev=head)
    code, out, err = run(capsys, "init", str(tmp_path / "r4"))
    assert code == 0 and head in (tmp_path / "r4" / ".gitlab-ci.yml").read_text(encoding="utf-8")
    # installed from a public index by name, or from a local file: nothing to pin
    for record in (None, {"url": "file:///tmp/staffing-0.1.0-py3-none-any.whl", "archive_info": {}},
                   {"url": "file:///srv/staffing", "vcs_info": {"vcs": "git", "commit_id": COMMIT}},
                   # fetched in clear
                   {"url": "http://example.org/g/staffing", "vcs_info": {"vcs": "git", "commit_id": COMMIT}},
                   {"url": "http://example.org/staffing-0.1.0-py3-none-any.whl",
                    "archive_info": {"hashes": {"sha256": WHEEL_HASH}}},
                   # installed from an address with a password in it
                   {"url": "https://user:s3cr3t@example.org/g/staffing", "vcs_info": {"vcs": "git", "commit_id": COMMIT}}):
        _fake_install(monkeypatch, record)
        code, out, err = run(capsys, "init", str(tmp_path / "r5"))
        assert code == 2 and "--install" in err and out == "" and not (tmp_path / "r5").exists()
        assert "s3cr3t" not in err


def test_init_ends_with_the_next_steps(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "init", "--install", SOURCE)
    assert code == 0
    assert out == (
        "下一步：\n"
        "  1. 安装 pre-commit（每台电脑一次）：\n"
        "       pip install pre-commit\n"
        "  2. 在本仓库启用提交前检查：\n"
        "       pre-commit install\n"
        "  3. 把示例方案换成本地的方案，加入版本库，检查全部方案（第一次运行时，pre-commit 从"
        f"https://example.org/g/staffing@{COMMIT[:12]}自动安装本工具，无需另行安装，也不必把它加入命令路径）：\n"
        "       git add -A\n"
        "       pre-commit run --all-files\n"
        "  4. 提交；此后每次提交都检查所提交的方案：\n"
        "       git commit -m \"建立三定方案仓库\"\n"
        "持续集成任务（.github/workflows/staffing.yml、.gitlab-ci.yml）从同一来源安装同一版本；固定和升级的方法见docs/ci.md。\n"
    )
    code, out, _ = run(capsys, "init", "elsewhere", "--install", SOURCE, "--lang", "en")
    assert out.startswith("Next steps:\n  1. Go to the plans repository:\n       cd elsewhere\n"
                          "  2. Install pre-commit (once per computer):\n       pip install pre-commit\n")
    assert 'git commit -m "Set up the plans repository"\n' in out


# ---- the hook: the files being committed, what a county needs, never an untracked file ---------


def test_the_hook_checks_what_is_committed_and_what_the_county_needs() -> None:
    from staffing.cli.hook import to_check

    known = {"orgs/a/b/c/one.yaml", "orgs/a/b/c/two.yaml", "orgs/a/b/c/_county.yaml", "orgs/a/b/d/three.yaml",
             "orgs/a/b/d/four.xlsx", "orgs/a/b/d/_notes.yaml", "orgs/.hidden/x.yaml", "staffing.toml",
             "staffing-waivers.yaml", "packs/mine.yaml"}
    # a plan of a folder without a county file: itself
    assert to_check(["orgs/a/b/d/three.yaml"], known, "orgs") == ["orgs/a/b/d/three.yaml"]
    # a plan of a county: the whole folder, for the roll-up
    assert to_check(["orgs/a/b/c/one.yaml"], known, "orgs") == ["orgs/a/b/c/one.yaml", "orgs/a/b/c/two.yaml"]
    assert to_check(["orgs/a/b/c/_county.yaml"], known, "orgs") == ["orgs/a/b/c/one.yaml", "orgs/a/b/c/two.yaml"]
    # a setting: every committed plan
    every = ["orgs/a/b/c/one.yaml", "orgs/a/b/c/two.yaml", "orgs/a/b/d/four.xlsx", "orgs/a/b/d/three.yaml"]
    for setting in ("staffing.toml", "staffing-waivers.yaml", "packs/mine.yaml", "./staffing.toml"):
        assert to_check([setting], known, "orgs") == every
    # never an untracked file, nor one the check would not read as a plan
    assert to_check(["orgs/a/b/d/new.yaml", "orgs/a/b/d/_notes.yaml", "orgs/.hidden/x.yaml"], known, "orgs") == []
    assert to_check(["orgs/a/b/d/new.yaml", "orgs/a/b/d/four.xlsx"], known, "orgs") == ["orgs/a/b/d/four.xlsx"]
    assert to_check(["untracked.toml"], known, "orgs") == []


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_hook_never_reads_an_untracked_plan(repo: Path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(repo)
    plan = plans(repo)[0]
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    failing = plan.with_name("failing.yaml")
    failing.write_text(plan.read_text(encoding="utf-8").replace("developed_town: false", "developed_town: true", 1)
                       .replace("unit_type: town", "unit_type: township", 1), encoding="utf-8")
    rel = str(plan.relative_to(repo))
    code, out, err = run(capsys, "hook", rel, str(failing.relative_to(repo)))
    assert code == 0 and "通过1个" in out, out + err
    code, out, err = run(capsys, "hook", "staffing.toml")  # a setting: every committed plan, not the untracked one
    assert code == 0 and "通过1个" in out, out + err
    subprocess.run(["git", "add", str(failing)], cwd=repo, check=True)
    code, out, err = run(capsys, "hook", str(failing.relative_to(repo)))
    assert code == 1 and "ST80" in out
    code, out, err = run(capsys, "hook", "staffing.toml", "--lang", "en")
    assert code == 1 and "2 plans checked" in out


def test_the_hook_never_reads_an_untracked_county_file(repo: Path, capsys, monkeypatch) -> None:
    """A `_county.yaml` on disk that git does not track decides nothing: it is read only once
    it is committed (then its findings count, as `staffing check` reports them)."""
    monkeypatch.chdir(repo)
    plan = plans(repo)[0]
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    county = plan.parent / "_county.yaml"
    county.write_text("county: {name: 示例县, code: '320000000000'}\n"
                      "quotas_before: {administrative: 10}\nquotas_after: {administrative: 10}\n"
                      "transfers_down: [{town: 无此镇, type: administrative, count: 1}]\n", encoding="utf-8")
    rel = str(plan.relative_to(repo))
    code, out, err = run(capsys, "hook", rel)
    assert code == 0 and "通过1个" in out and "ST95" not in out, out + err
    subprocess.run(["git", "add", str(county)], cwd=repo, check=True)
    code, out, err = run(capsys, "hook", rel)
    assert code == 1 and "ST951" in out, out + err


def test_a_refused_address_does_not_repeat_its_password(tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "init", str(tmp_path / "r"), "--install",
                       f"git+https://user:s3cret@example.org/g/staffing@{COMMIT}")
    assert code == 2 and "s3cret" not in err and "***@example.org" in err
