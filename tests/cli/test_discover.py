"""Finding the plans to check (issues 5 and 17): files that are not plan files (a folder
named like one, link loops, a FIFO, what cannot be read) are each one message and the rest
is checked; every plan-like file is checked or listed as skipped, never passed over silently."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from staffing.cli import main as cli
from staffing.errors import InputProblem
from staffing.io import document, load

from conftest import (
    GOOD,
    ROOT,
    STAFFING,
    by_path,
    run_cli,
    run_json,
)


def test_directory_named_like_a_plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x.yaml").mkdir()
    shutil.copy(GOOD, tmp_path / "good.yaml")
    # inside a checked folder it is a folder like any other: walked, not read
    code, report = run_json(capsys, str(tmp_path))
    assert code == 0 and by_path(report)["good.yaml"]["status"] == "pass"
    # named on the command line, an empty one has no plans: one clear message
    code, out, _err = run_cli(capsys, str(tmp_path / "x.yaml"), str(GOOD))
    assert code == 2 and out.count("unusable:") == 1 and "no plan files" in out
    # read as a file, it is refused as a folder
    assert load.read_bytes.__name__
    with pytest.raises(InputProblem) as exc:
        load.load_file(str(tmp_path / "x.yaml"))
    assert exc.value.key == "input.is-directory"


def test_symlink_loops_inside_a_checked_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(GOOD, tmp_path / "good.yaml")
    sub = tmp_path / "sub"
    sub.mkdir()
    os.symlink(tmp_path, sub / "up")  # folder loop: never followed
    os.symlink("self.yaml", tmp_path / "self.yaml")  # a link to itself
    os.symlink(tmp_path, tmp_path / "loop.yaml")  # a link to a folder with a plan suffix
    os.symlink("nowhere.yaml", tmp_path / "dangling.yaml")
    start = time.monotonic()
    code, report = run_json(capsys, str(tmp_path))
    assert time.monotonic() - start < 10
    assert code == 2
    files = by_path(report)
    assert files["good.yaml"]["status"] == "pass"
    assert files["self.yaml"]["error"]["key"] == "input.symlink-loop"
    assert files["loop.yaml"]["error"]["key"] == "input.is-directory"
    assert files["dangling.yaml"]["error"]["key"] == "input.broken-link"
    assert len(report["files"]) == 4


def test_fifo_is_refused_without_blocking(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(tmp_path / "pipe.yaml")
    shutil.copy(GOOD, tmp_path / "good.yaml")
    code, report = run_json(capsys, str(tmp_path))
    assert code == 2
    assert by_path(report)["pipe.yaml"]["error"]["key"] == "input.not-regular"
    assert by_path(report)["good.yaml"]["status"] == "pass"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "locked.yaml"
    shutil.copy(GOOD, bad)
    shutil.copy(GOOD, tmp_path / "good.yaml")
    bad.chmod(0)
    try:
        if os.access(bad, os.R_OK):  # root reads anything: simulate the refusal instead
            real_open = open

            def guarded(file: object, *args: object, **kwargs: object) -> object:
                if str(file) == str(bad):
                    raise PermissionError(13, "Permission denied", str(bad))
                return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

            monkeypatch.setattr(document, "open", guarded, raising=False)  # where files are read
        code, report = run_json(capsys, str(tmp_path))
    finally:
        bad.chmod(0o644)
    assert code == 2
    files = by_path(report)
    assert files["locked.yaml"]["error"]["key"] == "input.unreadable"
    assert "permission denied" in files["locked.yaml"]["error"]["message"]["en"]
    assert files["good.yaml"]["status"] == "pass"


def test_unreadable_subfolder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(GOOD, tmp_path / "good.yaml")
    locked = tmp_path / "locked"
    locked.mkdir()
    shutil.copy(GOOD, locked / "hidden.yaml")
    real_scandir = os.scandir

    def guarded(path: object = ".") -> object:
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", guarded)
    code, report = run_json(capsys, str(tmp_path))
    assert code == 2
    files = by_path(report)
    assert files["good.yaml"]["status"] == "pass"
    assert files["locked"]["error"]["key"] == "input.unreadable"


# ---- no plan-like file skipped without a word --------------------------------------------------


def test_every_plan_like_file_is_checked_or_listed_as_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    root = tmp_path / "plans"
    (root / ".drafts" / "deep").mkdir(parents=True)
    (root / "town").mkdir()
    shutil.copy(GOOD, root / "town" / "good.yaml")
    shutil.copy(GOOD, root / "town" / "_old.yaml")
    shutil.copy(GOOD, root / "town" / ".hidden.json")
    shutil.copy(GOOD, root / ".drafts" / "deep" / "draft.yml")
    (root / "town" / "notes.txt").write_text("not plan-like", encoding="utf-8")
    code, out, err = run_cli(capsys, "--format", "json", str(root))
    assert code == 0, out + err
    report = json.loads(out)
    assert [Path(f["path"]).name for f in report["files"]] == ["good.yaml"]
    skipped = {Path(s["path"]).name: s["reason"] for s in report["skipped"]}
    assert skipped == {"_old.yaml": "skip.underscore", ".hidden.json": "skip.hidden-file",
                       "draft.yml": "skip.hidden-folder"}
    assert report["summary"]["skipped"] == 3
    code, out, _ = run_cli(capsys, str(root))
    assert code == 0
    assert out.count("skipped: ") == 3 and "3 files skipped" in out.splitlines()[-1]
    assert "_old.yaml: skipped: the name starts with “_”" in out
    code, out, _ = run_cli(capsys, "--format", "github", str(root))
    assert out.count("::notice file=") == 3 and "3 files skipped" in out
    code, out, _ = run_cli(capsys, "--format", "sarif", str(root))
    notes = json.loads(out)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert sorted(n["properties"]["reason"] for n in notes) == ["skip.hidden-file", "skip.hidden-folder", "skip.underscore"]
    code, out, _ = run_cli(capsys, "--format", "junit", str(root))
    import xml.etree.ElementTree as ET

    cases = ET.fromstring(out.encode("utf-8")).findall(".//testsuite[@name='skipped']/testcase")
    assert sorted(Path(c.get("name") or "").name for c in cases) == [".hidden.json", "_old.yaml", "draft.yml"]
    assert all((c.find("skipped").get("message") or "").startswith(("the name", "inside")) for c in cases)
    xsd = ROOT.parent / "shared" / "schemas" / "junit-10.xsd"
    xmlschema = pytest.importorskip("xmlschema")
    if xsd.is_file():  # Jenkins' schema, beside the checkout in CI
        assert list(xmlschema.XMLSchema10(str(xsd)).iter_errors(out)) == []
    code, out = cli.main(["check", "--lang", "zh", str(root)]), capsys.readouterr().out
    assert "跳过文件3个" in out


def test_county_file_is_not_called_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from staffing.plan.generate import write

    write(str(tmp_path), 4, 1)
    _code, out, _ = run_cli(capsys, "--format", "json", str(tmp_path))
    assert json.loads(out)["skipped"] == []


def test_a_plan_that_is_a_link_is_not_checked_as_what_it_points_to(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """A link committed among the plans would give one town the verdict of another plan (or of
    a file outside the repository): it is one message at its path, never followed, in a folder
    and named alone."""
    shutil.copy(GOOD, tmp_path / "good.yaml")
    os.symlink("good.yaml", tmp_path / "other-town.yaml")  # a failing town made to pass
    outside = tmp_path.parent / f"{tmp_path.name}-outside.yaml"
    shutil.copy(GOOD, outside)
    os.symlink(outside, tmp_path / "outside.yaml")
    code, report = run_json(capsys, str(tmp_path))
    assert code == 2
    files = by_path(report)
    assert files["good.yaml"]["status"] == "pass"
    for name in ("other-town.yaml", "outside.yaml"):
        assert files[name]["error"]["key"] == "input.symlink", files[name]
    assert cli.main(["check", "--no-cache", str(tmp_path / "other-town.yaml")]) == 2
    out = capsys.readouterr().out
    assert "这是符号链接，不予检查；请检查它指向的文件本身" in out and "Traceback" not in out


def test_a_linked_folder_in_a_checked_folder_is_said_not_followed(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(GOOD, tmp_path / "good.yaml")
    elsewhere = tmp_path.parent / f"{tmp_path.name}-elsewhere"
    elsewhere.mkdir()
    shutil.copy(GOOD, elsewhere / "other.yaml")
    os.symlink(elsewhere, tmp_path / "county")
    code, report = run_json(capsys, str(tmp_path))
    assert code == 0 and [f["path"] for f in report["files"]] == [str(tmp_path / "good.yaml")]
    assert [(s["path"], s["message"]["zh"]) for s in report["skipped"]] == [
        (str(tmp_path / "county"), "这是指向文件夹的符号链接，不跟随检查；请检查它指向的文件夹本身")]


def test_stdin_redirected_from_a_file_is_read(capsys: pytest.CaptureFixture[str]) -> None:
    """/dev/stdin is a link (to /proc/self/fd/0) the system makes, not one committed among plans."""
    if not os.path.islink("/dev/stdin"):
        pytest.skip("/dev/stdin is not a link here")
    with open(GOOD, "rb") as plan:
        done = subprocess.run([str(STAFFING), "check", "--no-cache", "/dev/stdin"], stdin=plan,
                              capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "符号链接" not in done.stdout, done.stdout
