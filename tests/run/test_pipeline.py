"""The one pipeline: a plan checked from bytes held in memory under a path gives exactly what
the same file on disk gives (every format), county files and waivers are found from the
path, and the result cache stores the verdict of exactly the bytes it hashed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from staffing.cli.main import main
from staffing.plan.generate import corpus
from staffing.run.pipeline import Request, Source, check_one, request_for, run
from staffing.run.results import Waivers

from conftest import ORGS, ROOT

ZHANGPU = ORGS / "jiangsu/suzhou/kunshan/zhangpu.yaml"
XIASHU = ORGS / "jiangsu/zhenjiang/jurong/xiashu.yaml"


def findings(result) -> list[dict]:  # type: ignore[no-untyped-def]
    return [f.to_dict() for f in result.findings]


@pytest.mark.parametrize("plan", sorted(ORGS.rglob("*.yaml")), ids=lambda p: p.stem)
def test_bytes_in_memory_check_as_the_file_on_disk(plan: Path, in_root: Path) -> None:
    rel = str(plan.relative_to(ROOT))
    on_disk = check_one(Source(rel))
    in_memory = check_one(Source(rel, plan.read_bytes()))
    assert in_memory.path == on_disk.path == rel
    assert findings(in_memory) == findings(on_disk)
    assert in_memory.summary == on_disk.summary


@pytest.mark.parametrize("suffix", [".json", ".xlsx"])
def test_every_format_in_memory(suffix: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A workbook and a JSON plan held in memory: the same findings, at the same cells."""
    monkeypatch.chdir(tmp_path)
    target = tmp_path / f"zhangpu{suffix}"
    assert main(["convert", str(ZHANGPU), "-o", str(target)]) == 0
    on_disk = check_one(Source(target.name))
    in_memory = check_one(Source(target.name, target.read_bytes()))
    assert findings(in_memory) == findings(on_disk) != []
    if suffix == ".xlsx":
        assert all(f["sheet"] for f in findings(in_memory))


def test_the_path_decides_the_format_and_names_every_mistake(tmp_path: Path) -> None:
    broken = b"town: {name: x\n"
    result = check_one(Source("uploads/plan.yaml", broken))
    assert result.error is not None and result.error.file == "uploads/plan.yaml"
    as_json = check_one(Source("uploads/plan.json", broken))
    assert as_json.error is not None and as_json.error.file == "uploads/plan.json"
    assert as_json.error.params != result.error.params  # read as JSON, not YAML


def test_memory_is_held_to_the_same_size_limit() -> None:
    from staffing.io.document import Limits
    from staffing.run.results import Settings

    result = check_one(Source("big.yaml", b"#" * 2000), Settings(limits=Limits(max_bytes=1000)))
    assert result.error is not None and result.error.key == "input.too-large"


def test_a_county_file_in_memory_is_checked_against_its_folders_plans(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """An editor's unsaved county file: checked in place of the one on disk, against the
    plans of its folder; the plans in the folder are found from its path."""
    monkeypatch.chdir(tmp_path)
    written = [(rel, text) for rel, text in corpus(40, 3)]
    for rel, text in written:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    county = next(rel for rel, _ in written if Path(rel).name == "_county.yaml")
    folder = Path(county).parent
    plans = sorted(str(p.relative_to(tmp_path)) for p in (tmp_path / folder).glob("*.yaml")
                   if not p.name.startswith("_"))
    on_disk = run(Request(tuple(Source(p) for p in plans)))
    disk_county = [r for r in on_disk.results if r.path == county]
    assert len(disk_county) == 1
    # the same county file, edited in memory: its total after the reform raised by 1000
    edited = (tmp_path / county).read_text(encoding="utf-8").replace("quotas_after: {administrative: ",
                                                                       "quotas_after: {administrative: 1000")
    assert edited != (tmp_path / county).read_text(encoding="utf-8")
    in_memory = run(Request(tuple(Source(p) for p in plans) + (Source(county, edited.encode()),)))
    memory_county = [r for r in in_memory.results if r.path == county]
    assert len(memory_county) == 1
    assert {f.code for f in memory_county[0].findings} - {f.code for f in disk_county[0].findings}


def test_request_for_finds_the_files_repository_settings(tmp_path: Path) -> None:
    """staffing.toml, waivers and packs are those of the file's repository, wherever the
    process stands."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "staffing.toml").write_text('[check]\nignore = ["ST202"]\nstrict = true\n', encoding="utf-8")
    (tmp_path / "plans").mkdir()
    shutil.copy(ZHANGPU, tmp_path / "plans" / "zhangpu.yaml")
    request = request_for(str(tmp_path / "plans" / "zhangpu.yaml"), ZHANGPU.read_bytes())
    assert request.settings.ignore == frozenset({"ST202"})
    assert request.strict
    assert request.waivers == Waivers(folder=str(tmp_path))
    outcome = run(request)
    assert [f.code for f in outcome.results[0].findings] == ["ST201", "ST101"]


def test_the_cache_stores_the_verdict_of_the_bytes_it_hashed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """A file changed between the read that hashes it and the read that checks it must not
    leave the new content's verdict under the old content's key: when the file returns to
    the old content, its own verdict is shown (not the other's), as with --no-cache."""
    import staffing.run.batch as batch

    monkeypatch.chdir(tmp_path)
    failing = ZHANGPU.read_bytes()  # fails ST201 and ST101
    passing = XIASHU.read_bytes()
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(failing)
    real = batch.read_bytes
    swapped: list[bool] = []

    def read_then_swap(path: str, limits):  # type: ignore[no-untyped-def]
        raw = real(path, limits)
        if not swapped:  # the file changes right after it was hashed
            swapped.append(True)
            plan.write_bytes(passing)
        return raw

    monkeypatch.setattr(batch, "read_bytes", read_then_swap)
    cache = str(tmp_path / "cache")
    main(["check", "plan.yaml", "--format", "json", "--cache-dir", cache, "--jobs", "1"])
    capsys.readouterr()
    assert swapped
    monkeypatch.setattr(batch, "read_bytes", real)
    plan.write_bytes(failing)
    code = main(["check", "plan.yaml", "--format", "json", "--cache-dir", cache, "--jobs", "1"])
    cached = json.loads(capsys.readouterr().out)
    code_fresh = main(["check", "plan.yaml", "--format", "json", "--no-cache"])
    fresh = json.loads(capsys.readouterr().out)
    assert code == code_fresh == 1
    assert [f["code"] for f in cached["files"][0]["findings"]] == [f["code"] for f in fresh["files"][0]["findings"]]


def test_a_county_file_is_hashed_as_it_is_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """As for plans: a county file changed between the read that hashes it and the read
    that checks it never leaves one content's verdict under the other's key."""
    import staffing.run.read as read

    monkeypatch.chdir(tmp_path)
    for rel, text in corpus(40, 3):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    county = next(p for p in tmp_path.rglob("_county.yaml"))
    folder = str(county.parent.relative_to(tmp_path))
    good = county.read_bytes()
    bad = good.replace(b"quotas_after: {administrative: ", b"quotas_after: {administrative: 1000")
    assert bad != good
    real = read.read_bytes
    swapped: list[bool] = []

    def read_then_swap(path: str, limits):  # type: ignore[no-untyped-def]
        raw = real(path, limits)
        if path.endswith("_county.yaml") and not swapped:
            swapped.append(True)
            county.write_bytes(bad)
        return raw

    def county_codes(*extra: str) -> tuple[int, list[str]]:
        code = main(["check", folder, "--format", "json", "--jobs", "1", *extra])
        data = json.loads(capsys.readouterr().out)
        found = [f for f in data["files"] if f["path"].endswith("_county.yaml")]
        return code, [f["code"] for f in found[0]["findings"]]

    cache = str(tmp_path / "cache")
    monkeypatch.setattr(read, "read_bytes", read_then_swap)
    county_codes("--cache-dir", cache)
    assert swapped
    monkeypatch.setattr(read, "read_bytes", real)
    county.write_bytes(good)
    assert county_codes("--cache-dir", cache) == county_codes("--no-cache")
    county.write_bytes(bad)
    assert county_codes("--cache-dir", cache) == county_codes("--no-cache")
