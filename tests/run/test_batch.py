"""Batch checking: parallel equals sequential, the cache, and the fast loader."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

import pytest

from staffing.io import fastload
from staffing.io.load import load_file, load_text
from staffing.plan.generate import write
from staffing.run.batch import check_paths
from staffing.run.engine import check_file
from staffing.run.results import Settings

GOOD = Path(__file__).resolve().parents[2] / "orgs/jiangsu/taizhou/jingjiang/xinqiao.yaml"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    root = tmp_path_factory.mktemp("corpus")
    write(str(root), 40, 11)
    return sorted(str(f) for f in root.rglob("*.yaml") if not f.name.startswith("_"))


def _key(r):
    return (r.path, [f.to_dict() for f in r.findings], r.error, r.summary.town.name if r.summary else None,
            r.pack.id if r.pack else None)


def test_parallel_equals_sequential(corpus: list[str], tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("STAFFING_CACHE_DIR", str(tmp_path / "c"))
    seq = [check_file(p) for p in corpus]
    told: list[int] = []
    par, _ = check_paths(corpus, Settings(), jobs=2, use_cache=False, on_progress=told.append)
    assert sum(told) == len(corpus) and len(told) > 1  # progress is told per chunk; a reporter draws it
    one, _ = check_paths(corpus, Settings(), jobs=1, use_cache=False)
    assert [_key(r) for r in par] == [_key(r) for r in one] == sorted((_key(r) for r in seq), key=lambda k: k[0])
    assert any(r.findings for r in par) and any(not r.findings for r in par)


def test_cache_hit_miss_and_pack_change(corpus: list[str], tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("STAFFING_CACHE_DIR", str(tmp_path / "c"))
    first, s1 = check_paths(corpus, Settings(), jobs=1)
    assert s1 == 0
    again, s2 = check_paths(corpus, Settings(), jobs=1)
    assert s2 == len(corpus)
    assert [_key(r) for r in again] == [_key(r) for r in first]
    # a changed plan is checked again, the rest come from the cache
    Path(corpus[0]).write_text(Path(corpus[0]).read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _, s3 = check_paths(corpus, Settings(), jobs=1)
    assert s3 == len(corpus) - 1
    # --no-cache checks everything
    _, s4 = check_paths(corpus, Settings(), jobs=1, use_cache=False)
    assert s4 == 0


def test_warm_run_sends_only_misses_to_the_workers(corpus: list[str], tmp_path: Path, monkeypatch) -> None:
    """With the cache, the parent looks every plan up itself: a run whose every plan is a
    hit starts no pool, and the workers get exactly the plans the cache did not have."""
    from staffing.run import batch

    monkeypatch.setenv("STAFFING_CACHE_DIR", str(tmp_path / "c"))
    first, s1 = check_paths(corpus, Settings(), jobs=2)
    assert s1 == 0
    sent: list[list] = []
    real = batch._pooled

    def spy(items, jobs, *rest):
        sent.append(list(items))
        return real(items, jobs, *rest)

    monkeypatch.setattr(batch, "_pooled", spy)
    again, s2 = check_paths(corpus, Settings(), jobs=2)
    assert s2 == len(corpus) and sent == []
    assert [_key(r) for r in again] == [_key(r) for r in first]
    changed = corpus[:20]  # enough misses for two workers
    for plan in changed:
        Path(plan).write_text(Path(plan).read_text(encoding="utf-8") + "\n", encoding="utf-8")
    third, s3 = check_paths(corpus, Settings(), jobs=2)
    assert s3 == len(corpus) - len(changed)
    assert len(sent) == 1 and sorted(p for p, *_ in sent[0]) == sorted(changed)
    fresh, _ = check_paths(corpus, Settings(), jobs=1, use_cache=False)
    assert [_key(r) for r in third] == [_key(r) for r in fresh]
    _, s4 = check_paths(corpus, Settings(), jobs=2)  # the rechecked plans were stored
    assert s4 == len(corpus) and len(sent) == 1


def test_pack_change_rechecks_what_it_covers(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("STAFFING_CACHE_DIR", str(tmp_path / "c"))
    root = tmp_path / "plans"
    write(str(root), 10, 4)
    plans = sorted(str(f) for f in root.rglob("*.yaml") if not f.name.startswith("_"))
    base = Path(__file__).resolve().parents[2] / "rules" / "base.yaml"
    pack = tmp_path / "mypack.yaml"
    pack.write_text(base.read_text(encoding="utf-8").replace("id: base", "id: mypack"), encoding="utf-8")
    settings = Settings(rules=str(pack))
    _, s1 = check_paths(plans, settings, jobs=1)
    _, s2 = check_paths(plans, settings, jobs=1)
    assert (s1, s2) == (0, len(plans))
    from staffing.packs.load import resolve
    from staffing.run.cache import pack_fingerprint

    pack.write_text(pack.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    pack_fingerprint.cache_clear()
    resolve.cache_clear()
    _, s3 = check_paths(plans, settings, jobs=1)
    assert s3 == 0


def test_corrupt_cache_is_never_fatal(corpus: list[str], tmp_path: Path, monkeypatch) -> None:
    from staffing.run import cache as cache_mod

    # settled whatever the time since the corpus was written, so the folder's snapshot is made
    # and damaged too (which answers first depends on nothing but this test)
    monkeypatch.setattr(cache_mod, "RACY_NS", 0)
    cache = tmp_path / "c"
    monkeypatch.setenv("STAFFING_CACHE_DIR", str(cache))
    first, _ = check_paths(corpus[:5], Settings(), jobs=1)
    db = sqlite3.connect(cache / "results.sqlite3")
    with db:
        assert db.execute("SELECT count(*) FROM folders4").fetchone()[0] > 0
        db.execute("UPDATE entries3 SET value = X'7b6e6f74'")  # not what was signed, nor marshal
        db.execute("UPDATE folders4 SET value = X'7b6e6f74'")
    db.close()
    again, s = check_paths(corpus[:5], Settings(), jobs=1)
    assert s == 0 and [_key(r) for r in again] == [_key(r) for r in first]
    (cache / "results.sqlite3").write_bytes(b"garbage" * 100)
    for f in cache.glob("results.sqlite3-*"):
        f.unlink()
    again, s = check_paths(corpus[:5], Settings(), jobs=1)
    assert [_key(r) for r in again] == [_key(r) for r in first]


def test_fast_loader_matches_reference_on_corpus(corpus: list[str]) -> None:
    fast = 0
    for p in corpus + [str(GOOD)]:
        doc = fastload.load(p)
        ref = load_file(p)
        assert doc.data == ref.data
        assert _types(doc.data) == _types(ref.data)
        fast += bool(getattr(doc, "fast", False))
        if getattr(doc, "fast", False):
            assert doc.locate(("bodies", 1, "quotas")) == ref.locate(("bodies", 1, "quotas"))
    if fastload._yaml_rs is not None:
        assert fast >= len(corpus)  # every generated plan takes the fast path


def _types(v):
    if isinstance(v, dict):
        return {k: _types(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_types(x) for x in v]
    return type(v).__name__


TRICKY = [
    "a: 010", "a: 0o10", "a: yes", "a: On", "a: off", "a: 1_000", "a: 1e3", "a: 1:20", "a: '2022-04-11'",
    "a: 2022-04-11", "a: 2022-04-11T10:00:00", "a: 1\na: 2", "a: {b: 1, b: 2}", "a: &x 1\nb: *x",
    "a: !!str 1", "a: !foo 1", "<<: {a: 1}", "a: .inf", "a: ~", "a:", "? a\n", "a: 0x1f", "a: 0b11",
    "a: +5", "1: x", "true: x", "a: 12.50", "a: x\n---\nb: 1", "a: NULL", "a: =", "a: 2019-13-45",
    "a: \"x\\ty\"", "a: x\n  y", "a: [1,\n  2]", "a: >-\n  folded\n  text", "a: |\n  lit", "a: \x07",
    "a: \"\\u0041\"", "a: 'it''s'", "a: 中文: 冒号", "a: [中文, 'x y', \"z\"]", "a: {b: [1, 2], c: {d: e}}",
    "a: 1.5", "a: 3E2", "a: 12:30", "a: 第3.5条", "a: x 1:2", "a: 1e", "a: \u3000x\x01", "a: \xa0\x7f", "a: x\r\nb: \x9f",
]


def test_printable_pass_finds_what_the_scan_finds() -> None:
    """The C pass that spares the scan (`_printable`) finds every character the scan looks for,
    alone and beside the characters that make str.isprintable() fail without being refused."""
    for i in range(0x110000):
        c = chr(i)
        refused = re.match(fastload._NON_PRINTABLE, c) is not None
        assert fastload._printable(f"a: {c}\n") is not refused, hex(i)
        assert fastload._printable(f"a: \u3000{c}\r\n") is not refused, hex(i)


@pytest.mark.parametrize("text", TRICKY)
def test_fast_path_never_disagrees(text: str) -> None:
    data = fastload.fast_data(text)
    try:
        ref = load_text("x.yaml", text).data
    except Exception:
        assert data is None  # whatever the reference rejects, the fast path leaves to it
        return
    if data is not None:
        assert data == ref and _types(data) == _types(ref)


def test_shown_path_matches_display_path(tmp_path: Path, monkeypatch) -> None:
    from staffing.io.load import display_path
    from staffing.run.batch import Shown

    (tmp_path / "a" / "b").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "a")
    paths = ["x.yaml", "b/x.yaml", "./b/../b/x.yaml", "..x.yaml", "b/..x.yaml", "../a/b/x.yaml", "../other/x.yaml",
             str(tmp_path / "a" / "b" / "x.yaml"), str(tmp_path / "x.yaml"), "/x.yaml", "b/", "b/..",
             "..d/x.yaml", "b//x.yaml", "./x.yaml", "b/./x.yaml", "//x.yaml", "../a/x.yaml", ".", ".."]
    shown = Shown()
    for p in paths:
        assert shown(p)[0] == display_path(p), p
        assert shown(p)[1] == os.path.abspath(p), p


def test_stat_key_skips_reading_until_the_file_changes(tmp_path: Path, monkeypatch) -> None:
    from staffing.run import batch, cache

    monkeypatch.setenv("STAFFING_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setattr(cache, "RACY_NS", 0)  # files written just now count as settled
    root = tmp_path / "plans"
    write(str(root), 6, 3)
    plans = sorted(str(f) for f in root.rglob("*.yaml") if not f.name.startswith("_"))
    reads: list[str] = []
    real = batch.read_bytes
    monkeypatch.setattr(batch, "read_bytes", lambda p, limits: reads.append(p) or real(p, limits))
    first, _ = check_paths(plans, Settings(), jobs=1)
    reads.clear()
    again, s = check_paths(plans, Settings(), jobs=1)
    assert s == len(plans) and reads == []  # unchanged files are not even read
    assert [_key(r) for r in again] == [_key(r) for r in first]
    # same size, same mtime, different content: ctime still moves, so it is checked again
    target = Path(plans[0])
    text = target.read_text(encoding="utf-8")
    info = target.stat()
    edited = text.replace("name:", "nAme:", 1)
    assert edited != text and len(edited.encode()) == len(text.encode())
    target.write_text(edited, encoding="utf-8")
    os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns))
    reads.clear()
    third, s3 = check_paths(plans, Settings(), jobs=1)
    assert s3 == len(plans) - 1 and reads == [plans[0]]
    assert _key(third[0]) != _key(first[0])
    # --no-cache still checks everything
    _, s4 = check_paths(plans, Settings(), jobs=1, use_cache=False)
    assert s4 == 0


def test_fresh_files_get_no_stat_key(corpus: list[str], tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("STAFFING_CACHE_DIR", str(tmp_path / "c"))
    root = tmp_path / "plans"
    write(str(root), 3, 5)
    plans = sorted(str(f) for f in root.rglob("*.yaml") if not f.name.startswith("_"))
    check_paths(plans, Settings(), jobs=1)  # written within RACY_NS: racily clean
    db = sqlite3.connect(tmp_path / "c" / "results.sqlite3")
    assert db.execute("SELECT count(*) FROM stats4").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM entries3").fetchone()[0] == len(plans)
    db.close()


@pytest.mark.parametrize("spread", [False, True], ids=["looked-up-here", "looked-up-by-workers"])
def test_malformed_entry_is_checked_again(corpus: list[str], tmp_path: Path, monkeypatch, spread: bool) -> None:
    import marshal

    from staffing.run import batch
    from staffing.run import cache as cache_mod
    from staffing.run.cache import mac

    if spread:
        monkeypatch.setattr(batch, "SPREAD", 1)
    monkeypatch.setattr(cache_mod, "RACY_NS", 0)  # settled, however long ago the corpus was written
    cache = tmp_path / "c"
    monkeypatch.setenv("STAFFING_CACHE_DIR", str(cache))
    first, _ = check_paths(corpus[:5], Settings(), jobs=1)
    secret = (cache / "key").read_bytes()
    db = sqlite3.connect(cache / "results.sqlite3")
    with db:
        db.execute("DELETE FROM folders4")  # the folder's snapshot would answer before the entries
        for key, value in db.execute("SELECT key, value FROM entries3").fetchall():
            v = list(marshal.loads(value))
            v[-1] = ((1,),)  # signed with the user's key, current schema, not a finding
            blob = marshal.dumps(tuple(v))
            db.execute("UPDATE entries3 SET value = ?, mac = ? WHERE key = ?", (blob, mac(secret, "entry", key, blob), key))
    db.close()
    again, s = check_paths(corpus[:5], Settings(), jobs=2)
    assert s == 0 and [_key(r) for r in again] == [_key(r) for r in first]
    third, s3 = check_paths(corpus[:5], Settings(), jobs=1)  # entries were replaced
    assert s3 == 5 and [_key(r) for r in third] == [_key(r) for r in first]


def test_many_plans_are_looked_up_on_every_core(corpus: list[str], tmp_path: Path, monkeypatch) -> None:
    """From `batch.SPREAD` plans on, a warm run's look-ups are shared: a worker looks up
    most, the parent the rest (and builds every result); the results are those of a run
    without the cache, and only the plans that changed are checked again."""
    from staffing.run import batch, pool

    monkeypatch.setenv("STAFFING_CACHE_DIR", str(tmp_path / "c"))
    first, s1 = check_paths(corpus, Settings(), jobs=2)
    assert s1 == 0
    monkeypatch.setattr(batch, "SPREAD", 1)
    calls: list[tuple[str, int, int]] = []
    real = pool.pooled

    def spy(chunks, work, jobs, initializer, initargs, take, meanwhile=()):
        calls.append((work.__name__, sum(len(c) for c in chunks), len(meanwhile)))
        return real(chunks, work, jobs, initializer, initargs, take, meanwhile)

    monkeypatch.setattr(pool, "pooled", spy)
    again, s2 = check_paths(corpus, Settings(), jobs=2)
    assert s2 == len(corpus) and [_key(r) for r in again] == [_key(r) for r in first]
    assert len(calls) == 1 and calls[0][0] == "_look" and 0 < calls[0][1] < len(corpus) and calls[0][2] >= 1
    changed = corpus[::2]  # enough misses for two workers
    for plan in changed:
        Path(plan).write_text(Path(plan).read_text(encoding="utf-8") + "\n", encoding="utf-8")
    calls.clear()
    third, s3 = check_paths(corpus, Settings(), jobs=2)
    assert s3 == len(corpus) - len(changed)
    assert [name for name, _, _ in calls] == ["_look", "_work_misses"] and calls[1][1] == len(changed)
    fresh, _ = check_paths(corpus, Settings(), jobs=1, use_cache=False)
    assert [_key(r) for r in third] == [_key(r) for r in fresh]


def test_an_input_problem_comes_back_from_a_worker_with_its_words() -> None:
    """A problem's record crosses to the parent pickled: a `Words` parameter (and a list of
    them) comes back as `Words`, so the message reads the same in each language."""
    import pickle

    from staffing.errors import problem
    from staffing.run.batch import _problem_from, _problem_record
    from staffing.words import Words

    p = problem("plan.yaml", "input.not-allowed", 4, 9, field=Words("类别", "category"), value="x",
                allowed=[Words("党建", "party (Party building)"), Words("执法", "enforcement")],
                hint=Words("", ""))
    back = _problem_from(pickle.loads(pickle.dumps(_problem_record(p))))
    assert back == p and hash(back) == hash(p)
    assert isinstance(dict(back.params)["field"], Words)
    assert all(isinstance(w, Words) for w in dict(back.params)["allowed"])
    assert back.message("en") == p.message("en")
    assert p.message("en") == "category: “x” is not allowed (allowed: party (Party building), enforcement)"
    assert back.message("zh") == "类别：“x”不是允许的取值（可写：党建、执法）"


def test_an_entry_fits_only_its_exact_layout() -> None:
    """`fits` holds a cached entry to the tuple `to_entry` makes, type by type: anything else
    (a list for a tuple, a bool for a count, a negative figure, a field too many or too few)
    is a miss."""
    from staffing.run.batch import fits
    from staffing.run.cache import SCHEMA

    def fingerprint(ref: str) -> str:
        return "F" if ref == "base" else ""

    good = (SCHEMA, "a.yaml", "base", "F", ("示范镇", None, "江苏省", "泰州市", "泰兴市"),
            (("泰兴市", "county", "administrative", 2, None),), (1, 2, 3, 4, None), None,
            (("ST101", "error", ("中", "en"), 3, 5, ("bodies", 0), (("示范镇", "Town"),), None, {"n": 1.5},
              None, None, None),))
    assert fits(good, "a.yaml", fingerprint)
    damaged = [(0, SCHEMA - 1), (1, "b.yaml"), (2, "other"), (3, "G"), (4, ("示范镇", None, "江苏省", "泰州市")),
               (4, ("", None, "江苏省", "泰州市", "泰兴市")), (4, ["示范镇", None, "江苏省", "泰州市", "泰兴市"]),
               (5, None), (5, []), (5, (("泰兴市", "county", "administrative", -1, None),)),
               (5, (("泰兴市", "county", "administrative", True, None),)), (6, (1, 2, 3, 4)), (6, (1, 2, 3, 4, -1)),
               (6, (1, 2, 3, 4, False)), (7, ((), (), ())), (7, ((), (), (1,), None)), (8, None), (8, []),
               (8, (("ST999",) + good[8][0][1:],)), (8, (good[8][0][:1] + ("fatal",) + good[8][0][2:],)),
               (8, (good[8][0][:3] + (0,) + good[8][0][4:],)), (8, (good[8][0][:8] + ({"n": True},) + good[8][0][9:],)),
               (8, (good[8][0][:10] + ("Sheet",) + good[8][0][11:],))]
    for at, value in damaged:
        entry = good[:at] + (value,) + good[at + 1:]
        assert not fits(entry, "a.yaml", fingerprint), (at, value)
    assert not fits(good + (None,), "a.yaml", fingerprint)
    assert not fits(list(good), "a.yaml", fingerprint)


def test_edits_of_a_plan_keep_one_stat_row_and_few_entries(tmp_path: Path, monkeypatch) -> None:
    """A plan edited and checked again 30 times keeps one stat row (replaced at each edit), and
    the entries of its states before are deleted once there are more of them than the cache
    lets be (here 10, keeping the newest 5): the table stays within its stat rows and those 10.
    A state among the newest kept is still answered when the plan is back to it (an edit undone)."""
    from staffing.run import cache

    monkeypatch.setenv("STAFFING_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setattr(cache, "RACY_NS", 0)  # files written just now count as settled
    monkeypatch.setattr(cache, "_LOOSE", 10)
    monkeypatch.setattr(cache, "_KEPT", 5)
    root = tmp_path / "plans"
    write(str(root), 6, 3)
    plans = sorted(str(f) for f in root.rglob("*.yaml") if not f.name.startswith("_"))
    check_paths(plans, Settings(), jobs=1)
    target = Path(plans[0])
    text = target.read_text(encoding="utf-8")
    db = sqlite3.connect(tmp_path / "c" / "results.sqlite3")
    for n in range(30):
        target.write_text(text + f"# edit {n}\n", encoding="utf-8")
        assert check_paths(plans, Settings(), jobs=1)[1] == len(plans) - 1
        stats, entries = (db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("stats4", "entries3"))
        assert stats == len(plans) and entries <= stats + 10, n
        if n == 10:  # 11 states of before, the newest 5 kept (edits 5 to 9): the edit undone
            target.write_text(text + "# edit 8\n", encoding="utf-8")
            again, cached = check_paths(plans, Settings(), jobs=1)
            assert cached == len(plans)
            fresh, _ = check_paths(plans, Settings(), jobs=1, use_cache=False)
            assert [_key(r) for r in again] == [_key(r) for r in fresh]
    db.close()
