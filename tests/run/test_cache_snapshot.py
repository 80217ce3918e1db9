"""A folder's snapshot (one signed value for all of a folder's plans, in the folder's one row
`batch.folder_key`, with the `batch.folder_stamp` of the plans' stat keys it was made from)
cannot lie either: forged, of another folder, of an older SCHEMA, of an older state of the
folder, or of a folder whose files changed, it is a miss, and the run says what a run without
the cache says.  A folder keeps one row however often its plans are edited."""

from __future__ import annotations

import json
import marshal
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from staffing.cli.main import main
from staffing.run import cache as cache_mod
from staffing.run.batch import check_paths
from staffing.run.cache import DB_FILE, KEY_FILE, folder_signed, mac
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


def table(folder: Path, name: str = "folders4") -> list[tuple]:
    """The rows of a table: (key, stamp, value, mac) each of the snapshots'."""
    columns = "key, stamp, value, mac" if name == "folders4" else "*"
    db = sqlite3.connect(folder / DB_FILE)
    try:
        return db.execute(f"SELECT {columns} FROM {name}").fetchall()
    finally:
        db.close()


def store(folder: Path, rows: list[tuple[str, str, bytes, bytes]], clear: tuple[str, ...] = ()) -> None:
    """Replace the snapshots with `rows`; empty the tables in `clear`."""
    db = sqlite3.connect(folder / DB_FILE)
    with db:
        db.execute("DELETE FROM folders4")
        db.executemany("INSERT INTO folders4 (key, stamp, value, mac) VALUES (?, ?, ?, ?)", rows)
        for name in clear:
            db.execute(f"DELETE FROM {name}")
    db.close()


def without_findings(value: bytes) -> tuple:
    """A snapshot's value with every plan's findings removed (what would make them all pass)."""
    return tuple((key, (*entry[:-1], ())) for key, entry in marshal.loads(value))  # the test's own cache


def test_a_folder_is_answered_by_its_snapshot_alone(capsys, tmp_path: Path) -> None:
    folder, cache = towns(tmp_path / "towns"), tmp_path / "cache"
    code, cold = run(capsys, str(folder), "--cache-dir", str(cache))
    assert code == 1 and len(table(cache)) == 1
    store(cache, table(cache), clear=("entries3", "stats4"))  # nothing else to answer from
    paths = folder_plans(str(folder))
    _, cached = check_paths(paths, Settings(), jobs=1, cache_dir=cache)
    assert cached == len(PLANS)
    assert run(capsys, str(folder), "--cache-dir", str(cache)) == (1, cold)
    assert run(capsys, str(folder), "--no-cache") == (1, cold)


def _sign(value: tuple, secret: bytes | None, key: str, stamp: str, tag: bytes,
          kind: str = "folder") -> tuple[str, str, bytes, bytes]:
    blob = marshal.dumps(value)
    return key, stamp, blob, mac(secret, kind, folder_signed(key, stamp), blob) if secret else tag


@pytest.mark.parametrize("forge", [
    lambda v, own, key, st, tag: _sign(without_findings(v), None, key, st, tag),  # edited, old MAC
    lambda v, own, key, st, tag: _sign(without_findings(v), b"k" * 32, key, st, tag),  # someone else's key
    lambda v, own, key, st, tag: _sign(without_findings(v), own, key, st, tag, "entry"),  # signed as an entry
    lambda v, own, key, st, tag: (key, st, marshal.dumps(without_findings(v)),  # signed without its stamp
                                  mac(own, "folder", key, marshal.dumps(without_findings(v)))),
    lambda v, own, key, st, tag: _sign(tuple((k, (e[0] - 1, *e[1:-1], ())) for k, e in marshal.loads(v)),
                                       own, key, st, tag),
    lambda v, own, key, st, tag: _sign(tuple((k, (*e[:3], "0" * 32, *e[4:-1], ())) for k, e in marshal.loads(v)),
                                       own, key, st, tag),
    lambda v, own, key, st, tag: _sign(without_findings(v)[:-1], own, key, st, tag),
    lambda v, own, key, st, tag: _sign(tuple(e for _, e in without_findings(v)), own, key, st, tag),
    lambda v, own, key, st, tag: _sign(tuple((k[:-1], e) for k, e in without_findings(v)), own, key, st, tag),
    lambda v, own, key, st, tag: (key, st, b"\xff" + v[1:], mac(own, "folder", folder_signed(key, st),
                                                                 b"\xff" + v[1:])),
], ids=["edited", "another-key", "signed-as-an-entry", "signed-without-its-stamp", "older-schema",
        "pack-edited", "a-plan-short", "no-content-keys", "content-key", "not-marshal"])
def test_a_forged_or_stale_snapshot_is_a_miss(capsys, tmp_path: Path, forge) -> None:
    folder, cache = towns(tmp_path / "towns"), tmp_path / "cache"
    code, cold = run(capsys, str(folder), "--cache-dir", str(cache))
    (key, stamp, value, tag), = table(cache)
    store(cache, [forge(value, (cache / KEY_FILE).read_bytes(), key, stamp, tag)])
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
    (my_key, my_stamp, _, _), = table(cache)
    assert set(statuses(run(capsys, str(theirs), "--cache-dir", str(cache))[1]).values()) == {"pass"}
    (their_value,) = [value for key, _, value, _ in table(cache) if key != my_key]
    own = (cache / KEY_FILE).read_bytes()
    store(cache, [(my_key, my_stamp, their_value, mac(own, "folder", folder_signed(my_key, my_stamp), their_value))])
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
    assert len(table(cache)) == 1  # the folder's row, replaced
    if change == "changed":
        assert statuses(expected[1])[str(passing)] == "fail"


def test_a_cache_of_before_snapshots_is_read_and_given_them(capsys, tmp_path: Path) -> None:
    """A database without the snapshots' table (SCHEMA 8 made none, SCHEMA 9 table folders3,
    left unread): the run reads what it can, fails nothing, and the next one is answered by
    the snapshot then written."""
    folder, cache = towns(tmp_path / "towns"), tmp_path / "cache"
    code, cold = run(capsys, str(folder), "--cache-dir", str(cache))
    db = sqlite3.connect(cache / DB_FILE)
    with db:
        db.execute("DROP TABLE folders4")
    db.close()
    assert run(capsys, str(folder), "--cache-dir", str(cache)) == (code, cold)
    store(cache, table(cache), clear=("entries3", "stats4"))
    _, cached = check_paths(folder_plans(str(folder)), Settings(), jobs=1, cache_dir=cache)
    assert cached == len(PLANS)


TOTAL = b"  quotas: {administrative: 43, institutional_full: 58, service: 3}"  # the passing plan's totals


def edit(plan: Path, day: int, mistake: bool) -> None:
    """Edit the passing plan as someone would on `day`: a note of the day, and when `mistake`
    its stated administrative total 99 where its bodies add up to 43 (ST901); a new mtime."""
    data = (ROOT / "orgs" / PLANS[2]).read_bytes()
    assert data.count(TOTAL) == 1
    if mistake:
        data = data.replace(TOTAL, TOTAL.replace(b"43", b"99"))
    plan.write_bytes(data + b"# day %d\n" % day)
    when = (1_700_000_000 + day * 86_400) * 10**9
    os.utime(plan, ns=(when, when))


def test_a_folder_edited_day_after_day_keeps_one_row(capsys, tmp_path: Path) -> None:
    """A folder of plans edited and checked again day after day (a CI runner, an office's
    machine): each new state of the folder replaces its row, and every run finds what a run
    without the cache finds, the mistake planted that day included."""
    folder, cache = towns(tmp_path / "towns"), tmp_path / "cache"
    plan = folder / Path(PLANS[2]).name
    run(capsys, str(folder), "--cache-dir", str(cache))
    stamps = {table(cache)[0][1]}
    for day in range(1, 6):
        mistake = day % 2 == 1
        edit(plan, day, mistake)
        expected = run(capsys, str(folder), "--no-cache")
        assert statuses(expected[1])[str(plan)] == ("fail" if mistake else "pass")
        assert run(capsys, str(folder), "--cache-dir", str(cache)) == expected  # after the edit
        (_, stamp, _, _), = table(cache)  # the folder's one row, of the folder as it is now
        assert stamp not in stamps
        stamps.add(stamp)
        assert run(capsys, str(folder), "--cache-dir", str(cache)) == expected  # from that row
        assert table(cache)[0][1] == stamp
    store(cache, table(cache), clear=("entries3", "stats4"))  # the row alone answers the last state
    assert check_paths(folder_plans(str(folder)), Settings(), jobs=1, cache_dir=cache)[1] == len(PLANS)


def test_an_older_snapshot_of_the_folder_is_a_miss(capsys, tmp_path: Path) -> None:
    """The folder's row as it was before a plan was edited, put back (an old copy of the
    database): its stamp is not the folder's now; given the stamp of now, its MAC does not
    match.  Either way the edit is seen."""
    folder, cache = towns(tmp_path / "towns"), tmp_path / "cache"
    run(capsys, str(folder), "--cache-dir", str(cache))
    (key, old_stamp, old_value, old_tag), = table(cache)
    edit(folder / Path(PLANS[2]).name, 1, mistake=True)
    expected = run(capsys, str(folder), "--no-cache")
    assert run(capsys, str(folder), "--cache-dir", str(cache)) == expected
    (_, stamp, _, _), = table(cache)
    assert stamp != old_stamp
    for row in [(key, old_stamp, old_value, old_tag), (key, stamp, old_value, old_tag)]:
        store(cache, [row], clear=("entries3", "stats4"))
        for _ in range(2):  # the run that meets it, and the run after
            assert run(capsys, str(folder), "--cache-dir", str(cache)) == expected
