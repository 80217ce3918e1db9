"""A folder's snapshot (one signed value for all of a folder's plans, `batch.folder_key`)
cannot lie either: forged, of another folder, of an older SCHEMA, or of a folder whose files
changed, it is a miss, and the run says what a run without the cache says."""

from __future__ import annotations

import json
import marshal
import shutil
import sqlite3
from pathlib import Path

import pytest

from staffing.cli.main import main
from staffing.run import cache as cache_mod
from staffing.run.batch import check_paths
from staffing.run.cache import DB_FILE, KEY_FILE, mac
from staffing.run.read import folder_plans
from staffing.run.results import Settings

from conftest import ROOT

# two that fail, one that passes
PLANS = ("jiangsu/suzhou/kunshan/zhangpu.yaml", "jiangsu/taizhou/taixing/hongqiao.yaml",
         "jiangsu/taizhou/hailing/chengdong.yaml")


@pytest.fixture(autouse=True)
def _settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written by the test count as settled at once (else no stat key is recorded for
    two seconds after a write, nor any snapshot: see cache.RACY_NS)."""
    monkeypatch.setattr(cache_mod, "RACY_NS", 0)


def towns(folder: Path, plans: tuple[str, ...] = PLANS) -> Path:
    folder.mkdir(parents=True)
    for p in plans:
        shutil.copy(ROOT / "orgs" / p, folder / Path(p).name)
    return folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check", *args, "--format", "json", "--jobs", "1"])
    out, err = capsys.readouterr()
    assert err == ""
    return code, out


def statuses(out: str) -> dict[str, str]:
    return {f["path"]: f["status"] for f in json.loads(out)["files"]}


def table(folder: Path, name: str) -> list[tuple[str, bytes, bytes]]:
    db = sqlite3.connect(folder / DB_FILE)
    try:
        return db.execute(f"SELECT key, value, mac FROM {name}").fetchall()
    finally:
        db.close()


def store(folder: Path, rows: list[tuple[str, bytes, bytes]], clear: tuple[str, ...] = ()) -> None:
    """Replace the snapshots with `rows`; empty the tables in `clear`."""
    db = sqlite3.connect(folder / DB_FILE)
    with db:
        db.execute("DELETE FROM folders3")
        db.executemany("INSERT INTO folders3 (key, value, mac) VALUES (?, ?, ?)", rows)
        for name in clear:
            db.execute(f"DELETE FROM {name}")
    db.close()


def without_findings(value: bytes) -> tuple:
    """A snapshot's value with every plan's findings removed (what would make them all pass)."""
    return tuple((key, (*entry[:-1], ())) for key, entry in marshal.loads(value))  # the test's own cache


def test_a_folder_is_answered_by_its_snapshot_alone(capsys, tmp_path: Path) -> None:
    folder, cache = towns(tmp_path / "towns"), tmp_path / "cache"
    code, cold = run(capsys, str(folder), "--cache-dir", str(cache))
    assert code == 1 and len(table(cache, "folders3")) == 1
    store(cache, table(cache, "folders3"), clear=("entries3", "stats3"))  # nothing else to answer from
    paths = folder_plans(str(folder))
    _, cached = check_paths(paths, Settings(), jobs=1, cache_dir=cache)
    assert cached == len(PLANS)
    assert run(capsys, str(folder), "--cache-dir", str(cache)) == (1, cold)
    assert run(capsys, str(folder), "--no-cache") == (1, cold)


def _sign(value: tuple, secret: bytes | None, key: str, tag: bytes) -> tuple[str, bytes, bytes]:
    blob = marshal.dumps(value)
    return key, blob, mac(secret, "folder", key, blob) if secret else tag


@pytest.mark.parametrize("forge", [
    lambda v, own, key, tag: _sign(without_findings(v), None, key, tag),  # edited, old MAC
    lambda v, own, key, tag: _sign(without_findings(v), b"k" * 32, key, tag),  # someone else's key
    lambda v, own, key, tag: (key, marshal.dumps(without_findings(v)), mac(own, "entry", key,
                                                                            marshal.dumps(without_findings(v)))),
    lambda v, own, key, tag: _sign(tuple((k, (e[0] - 1, *e[1:-1], ())) for k, e in marshal.loads(v)), own, key, tag),
    lambda v, own, key, tag: _sign(tuple((k, (*e[:3], "0" * 32, *e[4:-1], ())) for k, e in marshal.loads(v)),
                                   own, key, tag),
    lambda v, own, key, tag: _sign(without_findings(v)[:-1], own, key, tag),
    lambda v, own, key, tag: _sign(tuple(e for _, e in without_findings(v)), own, key, tag),
    lambda v, own, key, tag: _sign(tuple((k[:-1], e) for k, e in without_findings(v)), own, key, tag),
    lambda v, own, key, tag: (key, b"\xff" + v[1:], mac(own, "folder", key, b"\xff" + v[1:])),
], ids=["edited", "another-key", "signed-as-an-entry", "older-schema", "pack-edited", "a-plan-short",
        "no-content-keys", "content-key", "not-marshal"])
def test_a_forged_or_stale_snapshot_is_a_miss(capsys, tmp_path: Path, forge) -> None:
    folder, cache = towns(tmp_path / "towns"), tmp_path / "cache"
    code, cold = run(capsys, str(folder), "--cache-dir", str(cache))
    (key, value, tag), = table(cache, "folders3")
    store(cache, [forge(value, (cache / KEY_FILE).read_bytes(), key, tag)])
    for _ in range(2):  # the run that meets it, and the run after
        assert run(capsys, str(folder), "--cache-dir", str(cache)) == (code, cold)


def test_the_snapshot_of_another_folder_is_a_miss(capsys, tmp_path: Path) -> None:
    """Signed with the user's key and well-formed, but of another folder's plans (the same
    names, each holding the passing plan): under this folder's key it answers nothing."""
    mine, theirs, cache = towns(tmp_path / "mine"), tmp_path / "theirs", tmp_path / "cache"
    theirs.mkdir()
    for p in PLANS:
        shutil.copy(ROOT / "orgs" / PLANS[2], theirs / Path(p).name)
    code, cold = run(capsys, str(mine), "--cache-dir", str(cache))
    assert sorted(statuses(cold).values()) == ["fail", "fail", "pass"]
    (my_key, _, _), = table(cache, "folders3")
    assert set(statuses(run(capsys, str(theirs), "--cache-dir", str(cache))[1]).values()) == {"pass"}
    (their_value,) = [value for key, value, _ in table(cache, "folders3") if key != my_key]
    own = (cache / KEY_FILE).read_bytes()
    store(cache, [(my_key, their_value, mac(own, "folder", my_key, their_value))])
    assert run(capsys, str(mine), "--cache-dir", str(cache)) == (code, cold)


@pytest.mark.parametrize("change", ["changed", "added", "removed"])
def test_a_file_changed_added_or_removed_after_the_snapshot(capsys, tmp_path: Path, change: str) -> None:
    folder, cache = towns(tmp_path / "towns"), tmp_path / "cache"
    run(capsys, str(folder), "--cache-dir", str(cache))
    passing = folder / Path(PLANS[2]).name
    if change == "changed":  # the passing plan now holds a failing one
        passing.write_bytes((ROOT / "orgs" / PLANS[0]).read_bytes())
    elif change == "added":
        shutil.copy(ROOT / "orgs" / "jiangsu/suzhou/wuzhong/luzhi.yaml", folder / "luzhi.yaml")
    else:
        (folder / Path(PLANS[0]).name).unlink()
    expected = run(capsys, str(folder), "--no-cache")
    assert run(capsys, str(folder), "--cache-dir", str(cache)) == expected
    assert run(capsys, str(folder), "--cache-dir", str(cache)) == expected  # and from the snapshot made then
    assert len(table(cache, "folders3")) == 2
    if change == "changed":
        assert statuses(expected[1])[str(passing)] == "fail"


def test_a_cache_of_before_snapshots_is_read_and_given_them(capsys, tmp_path: Path) -> None:
    """A database without the snapshots' table (SCHEMA 8 made none): the run reads what it
    can, fails nothing, and the next one is answered by the snapshot then written."""
    folder, cache = towns(tmp_path / "towns"), tmp_path / "cache"
    code, cold = run(capsys, str(folder), "--cache-dir", str(cache))
    db = sqlite3.connect(cache / DB_FILE)
    with db:
        db.execute("DROP TABLE folders3")
    db.close()
    assert run(capsys, str(folder), "--cache-dir", str(cache)) == (code, cold)
    store(cache, table(cache, "folders3"), clear=("entries3", "stats3"))
    _, cached = check_paths(folder_plans(str(folder)), Settings(), jobs=1, cache_dir=cache)
    assert cached == len(PLANS)
