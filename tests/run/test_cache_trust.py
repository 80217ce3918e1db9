"""The cache cannot lie: every attack on it leaves the verdicts of the shipped examples as
they are (Zhangpu and Hongqiao fail, the other four pass, exit 1), and none fails a run."""

from __future__ import annotations

import json
import marshal
import os
import random
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from staffing.cli.main import main
from staffing.run import cache as cache_mod
from staffing.run.cache import DB_FILE, KEY_FILE, mac, user_cache_dir

from conftest import ROOT

FAILING = {"orgs/jiangsu/suzhou/kunshan/zhangpu.yaml", "orgs/jiangsu/taizhou/taixing/hongqiao.yaml",
           "orgs/jiangsu/suzhou/wuzhong/luzhi.yaml"}


# every shipped example, the published plans without a statistical code among them
EXAMPLES = len(list((ROOT / "orgs").rglob("*.yaml")))


@pytest.fixture(autouse=True)
def _root(in_root: Path) -> None:
    pass


def verdicts(capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, dict[str, tuple[str, int]], str]:
    """(exit code, path → (status, findings), stderr) of `staffing check orgs --format json`."""
    code = main(["check", "orgs", "--format", "json", "--jobs", "1", *extra])
    out, err = capsys.readouterr()
    data = json.loads(out)
    return code, {f["path"]: (f["status"], len(f["findings"])) for f in data["files"]}, err


def reference(capsys: pytest.CaptureFixture[str]) -> dict[str, tuple[str, int]]:
    code, seen, _ = verdicts(capsys, "--no-cache")
    assert code == 1 and {p for p, (st, _) in seen.items() if st == "fail"} == FAILING
    return seen


def cached_count(capsys: pytest.CaptureFixture[str], folder: Path) -> int:
    """How many of the examples the cache in `folder` answers (a run, then counted)."""
    from staffing.run.batch import check_paths
    from staffing.run.results import Settings

    paths = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "orgs").rglob("*.yaml"))
    _, cached = check_paths(paths, Settings(), jobs=1, cache_dir=folder)
    return cached


def rows(folder: Path, query: str = "SELECT key, value, mac FROM entries3") -> list[tuple]:
    """The rows `query` selects from the cache in `folder` (by default every entry)."""
    db = sqlite3.connect(folder / DB_FILE)
    try:
        return db.execute(query).fetchall()
    finally:
        db.close()


# the fields of a plan's entry (`batch.to_entry`), by name, so a change can name what it damages
ENTRY = ("schema", "path", "pack_ref", "pack_fp", "town", "transfers", "figures", "names", "findings")


def rewrite(folder: Path, change, secret: bytes | None) -> None:
    """Apply `change` to every entry (as a dict of its fields by name; a field added is one
    more at the end); sign with `secret` (None: keep the old MAC)."""
    db = sqlite3.connect(folder / DB_FILE)
    with db:
        for key, value, tag in db.execute("SELECT key, value, mac FROM entries3").fetchall():
            entry = marshal.loads(value)  # the test's own cache
            assert isinstance(entry, tuple) and len(entry) == len(ENTRY)
            rec = dict(zip(ENTRY, entry, strict=True))
            change(rec)
            blob = marshal.dumps(tuple(rec.values()))
            db.execute("UPDATE entries3 SET value = ?, mac = ? WHERE key = ?",
                       (blob, mac(secret, "entry", key, blob) if secret else tag, key))
    db.close()


def test_default_folder_is_the_users_not_the_checked_tree(capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert user_cache_dir() == tmp_path / "xdg" / "staffing"
    code, _, _ = verdicts(capsys)
    assert code == 1
    assert (tmp_path / "xdg" / "staffing" / DB_FILE).is_file()
    key = tmp_path / "xdg" / "staffing" / KEY_FILE
    assert key.stat().st_mode & 0o777 == 0o600 and key.stat().st_size == 32
    assert not (ROOT / ".staffing-cache").exists()
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # not absolute: ignored, as the spec says
    assert user_cache_dir() == Path.home() / ".cache" / "staffing"


def planted_repo(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[Path, Path]:
    """A plans repository (the examples, the packs) with a cache folder `.staffing-cache` in
    it whose entries say every plan passes, signed with the key beside them (the planter's)."""
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "orgs", repo / "orgs")
    shutil.copytree(ROOT / "rules", repo / "rules")
    planted = repo / ".staffing-cache"
    verdicts(capsys, "--cache-dir", str(planted))
    rewrite(planted, lambda r: r.update(findings=()), (planted / KEY_FILE).read_bytes())
    return repo, planted


def test_a_committed_cache_folder_is_never_read(capsys, tmp_path: Path, monkeypatch) -> None:
    """The attack as reported: `.staffing-cache/results.sqlite3` with every finding removed,
    committed to the plans repository."""
    ref = reference(capsys)
    repo, planted = planted_repo(capsys, tmp_path)
    (planted / KEY_FILE).unlink()  # a key is never committed (and would not be trusted elsewhere)
    monkeypatch.chdir(repo)
    code, seen, _ = verdicts(capsys)  # CI on a fresh clone: default folder
    assert (code, seen) == (1, ref)
    code, seen, _ = verdicts(capsys, "--cache-dir", str(planted))  # even pointed at it
    assert (code, seen) == (1, ref)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_committed_cache_folder_with_its_key_is_never_read(capsys, tmp_path: Path, monkeypatch) -> None:
    """The same attack with the planter's key committed too, checked out with the mode a key
    of ours has (as a checkout under umask 077 makes it): the folder is refused, not read."""
    ref = reference(capsys)
    repo, planted = planted_repo(capsys, tmp_path)
    assert cached_count(capsys, planted) > 0  # outside a repository, the folder is the user's own
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "add", "-f", ".staffing-cache"], check=True)
    os.chmod(planted / KEY_FILE, 0o600)
    monkeypatch.chdir(repo)
    assert cached_count(capsys, planted) == 0
    code, seen, _ = verdicts(capsys, "--cache-dir", str(planted))
    assert (code, seen) == (1, ref)


def test_an_entry_made_with_another_key_is_a_miss(capsys, tmp_path: Path) -> None:
    ref = reference(capsys)
    theirs, ours = tmp_path / "theirs", tmp_path / "ours"
    verdicts(capsys, "--cache-dir", str(theirs))
    rewrite(theirs, lambda r: r.update(findings=()), (theirs / KEY_FILE).read_bytes())
    ours.mkdir(mode=0o700)
    shutil.copy(theirs / DB_FILE, ours / DB_FILE)  # their database, our key (made on first use)
    assert cached_count(capsys, ours) == 0
    code, seen, _ = verdicts(capsys, "--cache-dir", str(ours))
    assert (code, seen) == (1, ref)
    # edited in place without the key: the MAC no longer matches
    rewrite(ours, lambda r: r.update(findings=()), None)
    code, seen, _ = verdicts(capsys, "--cache-dir", str(ours))
    assert (code, seen) == (1, ref)


@pytest.mark.parametrize("link", [DB_FILE, DB_FILE + "-wal", KEY_FILE, "."])
def test_a_symlink_in_the_cache_is_not_used(capsys, tmp_path: Path, link: str) -> None:
    ref = reference(capsys)
    outside = tmp_path / "outside"
    outside.mkdir()
    victim = outside / "victim"
    victim.write_bytes(b"precious")
    folder = tmp_path / "cache"
    if link == ".":
        folder.symlink_to(outside, target_is_directory=True)
    else:
        folder.mkdir(mode=0o700)
        (folder / link).symlink_to(victim)
    code, seen, _ = verdicts(capsys, "--cache-dir", str(folder))
    assert (code, seen) == (1, ref)
    assert victim.read_bytes() == b"precious"
    assert sorted(p.name for p in outside.iterdir()) == ["victim"]  # nothing created through the link
    assert cached_count(capsys, folder) == 0


def test_a_folder_or_file_not_the_users_own_is_not_used(capsys, tmp_path: Path, monkeypatch) -> None:
    ref = reference(capsys)
    folder = tmp_path / "cache"
    verdicts(capsys, "--cache-dir", str(folder))
    assert cached_count(capsys, folder) == EXAMPLES
    # the same files seen by another user: none of them is that user's own
    other = os.getuid() + 1
    monkeypatch.setattr(cache_mod.os, "getuid", lambda: other, raising=True)
    assert cached_count(capsys, folder) == 0
    code, seen, _ = verdicts(capsys, "--cache-dir", str(folder))
    assert (code, seen) == (1, ref)
    monkeypatch.undo()
    folder.chmod(0o777)  # others could plant files in it
    assert cached_count(capsys, folder) == 0
    folder.chmod(0o700)
    (folder / KEY_FILE).chmod(0o644)  # others could read the key
    assert cached_count(capsys, folder) == 0


def test_an_entry_with_a_null_town_is_a_miss_and_replaced(capsys, tmp_path: Path) -> None:
    """Even correctly signed (a bug of ours, or a key stolen), an entry that is not a
    record of a checked plan decides nothing."""
    ref = reference(capsys)
    folder = tmp_path / "cache"
    verdicts(capsys, "--cache-dir", str(folder))
    rewrite(folder, lambda r: r.update(town=None, findings=()), (folder / KEY_FILE).read_bytes())
    assert cached_count(capsys, folder) == 0  # every entry a miss, and replaced
    assert cached_count(capsys, folder) == EXAMPLES
    code, seen, _ = verdicts(capsys, "--cache-dir", str(folder))
    assert (code, seen) == (1, ref)


def _findings(r, change, otherwise):
    r.update(findings=tuple(change(f) for f in r["findings"]) or otherwise)


@pytest.mark.parametrize("damage", [
    lambda r: r.update(town={"file": "x.yaml", "key": "no.such.message", "params": [], "line": 1, "column": 1,
                             "sheet": None, "cell": None}),
    lambda r: _findings(r, lambda f: (f[0], "fatal", *f[2:]), (("ST999",),)),
    lambda r: _findings(r, lambda f: f[:-1], (1,)),
    lambda r: _findings(r, lambda f: (*f[:3], True, *f[4:]), ((),)),
    lambda r: r.update(path="elsewhere.yaml"),
    lambda r: r.update(town=(None,) * 5),
    lambda r: r.update(transfers=(("a", "b", "c", -1, None),)),
    lambda r: r.update(pack_ref={"id": "base"}),
    lambda r: r.update(names=("not a tuple", (), (), None)),
    lambda r: r.update(figures=r["figures"][:-1]),
    lambda r: r.update(schema=r["schema"] - 1),
    lambda r: r.update(extra=1),
], ids=["an-error-for-a-town", "severity", "finding-fields", "finding-line", "path", "town-nulls", "negative-count",
        "pack-ref", "names", "figures", "schema", "extra-field"])
def test_a_signed_but_malformed_entry_is_a_miss(capsys, tmp_path: Path, damage) -> None:
    ref = reference(capsys)
    folder = tmp_path / "cache"
    verdicts(capsys, "--cache-dir", str(folder))
    rewrite(folder, damage, (folder / KEY_FILE).read_bytes())
    code, seen, err = verdicts(capsys, "--cache-dir", str(folder))
    assert (code, seen, err) == (1, ref, "")
    code, seen, err = verdicts(capsys, "--cache-dir", str(folder))  # replaced: later runs fine too
    assert (code, seen, err) == (1, ref, "")
    assert cached_count(capsys, folder) == EXAMPLES


def test_random_damage_never_changes_a_verdict_or_fails_a_run(capsys, tmp_path: Path) -> None:
    ref = reference(capsys)
    pristine = tmp_path / "pristine"
    verdicts(capsys, "--cache-dir", str(pristine))
    size = (pristine / DB_FILE).stat().st_size
    rng = random.Random(16)
    for trial in range(24):
        folder = tmp_path / f"t{trial}"
        shutil.copytree(pristine, folder)
        folder.chmod(0o700)
        data = bytearray((folder / DB_FILE).read_bytes())
        for _ in range(rng.choice((1, 4, 32))):
            at = rng.randrange(size)
            for i in range(at, min(size, at + rng.randrange(1, 64))):
                data[i] = rng.randrange(256)
        (folder / DB_FILE).write_bytes(bytes(data))
        for _ in range(2):  # the damaged run, and the run after it
            code, seen, err = verdicts(capsys, "--cache-dir", str(folder))
            assert (code, seen, err) == (1, ref, ""), trial


def test_ci_can_turn_it_off_or_choose_the_folder(capsys, tmp_path: Path) -> None:
    folder = tmp_path / "kept"
    code, _, _ = verdicts(capsys, "--cache-dir", str(folder))
    assert code == 1 and (folder / DB_FILE).is_file()
    assert cached_count(capsys, folder) == EXAMPLES
    before = rows(folder)
    code, _, _ = verdicts(capsys, "--cache-dir", str(folder), "--no-cache")
    assert code == 1 and rows(folder) == before


def stat_rows(folder: Path) -> list[tuple]:
    """(pre, key, mac) of every stat row."""
    return rows(folder, "SELECT pre, key, mac FROM stats4")


def test_a_stat_row_of_another_stat_is_a_miss(capsys, tmp_path: Path, monkeypatch) -> None:
    """A plan's stat row as it was before the plan was edited, put back (an old copy of the
    database), or signed with the user's key for the plan's content of before and a stat of
    the file that is not its stat now: neither answers for the edited plan, whose entry of
    before (it passed) is still there; the edit is seen."""
    monkeypatch.setattr(cache_mod, "RACY_NS", 0)  # files written here count as settled at once
    plan, cache = tmp_path / "towns" / "xinqiao.yaml", tmp_path / "cache"
    plan.parent.mkdir()  # one plan in its folder: no folder snapshot to answer first
    text = (ROOT / "orgs/jiangsu/taizhou/jingjiang/xinqiao.yaml").read_text(encoding="utf-8")
    plan.write_text(text, encoding="utf-8")
    args = ["check", str(plan), "--format", "json", "--jobs", "1"]
    assert main([*args, "--cache-dir", str(cache)]) == 0
    capsys.readouterr()
    (pre, old_key, old_tag), = stat_rows(cache)
    total = "quotas: {administrative: 43,"  # its stated administrative total, which its bodies add up to
    assert text.count(total) == 1
    plan.write_text(text.replace(total, total.replace("43", "99")), encoding="utf-8")
    expected = (main([*args, "--no-cache"]), capsys.readouterr().out)
    assert expected[0] == 1
    assert (main([*args, "--cache-dir", str(cache)]), capsys.readouterr().out) == expected
    (_, key, tag), = stat_rows(cache)
    assert key != old_key and old_key in {k for k, _, _ in rows(cache)}
    info = plan.stat()
    other = f"{pre}:{info.st_dev}:{info.st_ino}:{info.st_size}:{info.st_mtime_ns + 1}:{info.st_ctime_ns}"
    secret = (cache / KEY_FILE).read_bytes()
    for row in [(pre, old_key, old_tag), (pre, old_key, mac(secret, "stat", other, old_key))]:
        db = sqlite3.connect(cache / DB_FILE)
        with db:
            db.execute("INSERT OR REPLACE INTO stats4 (pre, key, mac) VALUES (?, ?, ?)", row)
        db.close()
        for _ in range(2):  # the run that meets it, and the run after
            assert (main([*args, "--cache-dir", str(cache)]), capsys.readouterr().out) == expected
    assert stat_rows(cache) == [(pre, key, tag)]  # the run put the row of now back
