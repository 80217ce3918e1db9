"""County roll-ups: what a county says it moved down must match its towns."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from staffing.cli.discover import discover
from staffing.cli.main import main
from staffing.plan.generate import write
from staffing.run.county import check_counties
from staffing.run.engine import check_file


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    write(str(tmp_path), 12, 5)
    return tmp_path


def _county(root: Path) -> Path:
    return sorted(root.rglob("_county.yaml"))[0]


def _results(root: Path):
    county = _county(root)
    return [check_file(str(f)) for f in sorted(county.parent.glob("*.yaml")) if not f.name.startswith("_")]


def test_county_files_are_not_plans(corpus: Path) -> None:
    found = [p for p in discover([str(corpus)]) if isinstance(p, str)]
    assert found and not any(Path(p).name.startswith("_") for p in found)


def test_consistent_county_has_no_findings(corpus: Path) -> None:
    county = _county(corpus)
    text = county.read_text(encoding="utf-8")
    # make the county consistent whatever fault the generator planted
    results = _results(corpus)
    (out,) = check_counties(results)
    assert out.error is None
    codes = {f.code for f in out.findings}
    assert codes <= {"ST951", "ST952", "ST953"}  # ST953: a "missing" fault may leave a town without any
    if not codes:
        assert "transfers_down" in text


def test_count_mismatch_is_found(corpus: Path) -> None:
    county = _county(corpus)
    text = county.read_text(encoding="utf-8")
    first = re.search(r"count: (\d+)", text)
    assert first
    county.write_text(text[: first.start()] + f"count: {int(first.group(1)) + 5}" + text[first.end():], encoding="utf-8")
    (out,) = check_counties(_results(corpus))
    st951 = [f for f in out.findings if f.code == "ST951"]
    assert st951 and st951[0].line > 1 and "transfers_down" in st951[0].loc
    assert any(f.code == "ST952" for f in out.findings)  # the total no longer falls by what was moved


def test_unknown_town_and_total(corpus: Path) -> None:
    county = _county(corpus)
    text = county.read_text(encoding="utf-8")
    text = text.replace("transfers_down:\n", "transfers_down:\n  - {town: 无此镇, type: administrative, count: 1, document: 某编〔2020〕1号}\n")
    county.write_text(text, encoding="utf-8")
    (out,) = check_counties(_results(corpus))
    assert any(f.code == "ST951" and "无此镇" in f.message.zh for f in out.findings)
    assert any(f.code == "ST952" for f in out.findings)


def test_cli_reports_county_findings_and_rollup(corpus: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("STAFFING_CACHE_DIR", str(tmp_path / "cache"))
    county = _county(corpus)
    county.write_text(county.read_text(encoding="utf-8").replace("quotas_after: {administrative: ",
                                                                   "quotas_after: {administrative: 1"), encoding="utf-8")
    code = main(["check", str(corpus), "--format", "json", "--jobs", "1"])
    assert code == 1
    data = json.loads(capsys.readouterr().out)
    roll = data["rollup"]
    assert roll["plans"] == 12 and roll["county_files"] >= 1
    assert any(r["code"] == "ST952" for r in roll["findings_per_check"])
    assert roll["per_county"] and roll["per_province"]
    assert main(["explain", "ST951"]) == 0


def test_county_may_shrink_by_more_than_it_moved(corpus: Path) -> None:
    county = _county(corpus)
    text = county.read_text(encoding="utf-8")
    m = re.search(r"quotas_after: \{administrative: (\d+)", text)
    assert m
    # after ≤ before − moved: a county that shrinks by more than it moved down is not at fault
    county.write_text(text[: m.start(1)] + str(int(m.group(1)) - 3) + text[m.end(1):], encoding="utf-8")
    (out,) = check_counties(_results(corpus))
    assert not [f for f in out.findings if f.code == "ST952" and "administrative" in f.message.en]
    county.write_text(text[: m.start(1)] + str(int(m.group(1)) + 1) + text[m.end(1):], encoding="utf-8")
    (out,) = check_counties(_results(corpus))
    assert [f for f in out.findings if f.code == "ST952" and "administrative" in f.message.en]


def test_county_results_are_cached_on_the_county_file_and_its_towns(corpus: Path, tmp_path: Path, monkeypatch,
                                                                    capsys) -> None:
    """A warm run reads a county's result from the cache; editing the county file or one
    of its towns checks it again, and what is shown is always what a cold run shows."""
    import os

    import staffing.run.county as county_mod

    monkeypatch.setenv("STAFFING_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(corpus)
    checked: list[str] = []
    real = county_mod.check_county

    def counting(source, towns, *rest):  # type: ignore[no-untyped-def]
        checked.append(os.path.basename(os.path.dirname(source.path)))
        return real(source, towns, *rest)

    monkeypatch.setattr(county_mod, "check_county", counting)

    def run(*extra: str) -> str:
        checked.clear()
        main(["check", ".", "--format", "json", "--jobs", "1", *extra])
        return capsys.readouterr().out

    cold = run()
    counties = len(checked)
    assert counties >= 1
    assert run() == cold and checked == []  # warm: every county from the cache
    assert run("--no-cache") == cold and len(checked) == counties
    county = _county(corpus)
    text = county.read_text(encoding="utf-8")
    first = re.search(r"count: (\d+)", text)
    assert first
    county.write_text(text[: first.start()] + f"count: {int(first.group(1)) + 5}" + text[first.end():], encoding="utf-8")
    edited = run()
    assert checked == [county.parent.name] and edited != cold
    assert run() == edited and checked == []
    assert run("--no-cache") == edited
    # a town of that county changes what it records as moved down: checked again, and the
    # county's findings follow the town (as a cold run gives them)
    town = next(f for f in sorted(county.parent.glob("*.yaml")) if not f.name.startswith("_")
                and 'level: "county"' in f.read_text(encoding="utf-8"))
    t = town.read_text(encoding="utf-8")
    m = re.search(r'level: "county", type: "\w+", count: (\d+)', t)
    assert m
    town.write_text(t[: m.start(1)] + str(int(m.group(1)) + 7) + t[m.end(1):], encoding="utf-8")
    moved = run()
    assert checked == [county.parent.name] and moved != edited
    assert run("--no-cache") == moved
    town.write_text(town.read_text(encoding="utf-8") + "# a comment\n", encoding="utf-8")
    run()
    assert checked == [county.parent.name]  # any change of a town's content: checked again


CASE = Path(__file__).parent / "cases" / "ST601" / "good" / "centre-hosted-by-a-body.yaml"


NONE_YET = "transfers: []\n"


def _taizhou_county(root: Path, listed: str, received: tuple[str, ...] = ("示范镇", "样板镇")) -> Path:
    """Two Taizhou towns of 泰兴市 (示范镇 and 样板镇; those in `received` record one quota
    moved down, the others none yet) and a county file that lists `listed` (YAML lines
    under transfers_down)."""
    text = CASE.read_text(encoding="utf-8")
    transfer = re.search(r"transfers:\n- \{[^\n]*\}\n", text)
    assert transfer
    shifan = text if "示范镇" in received else text.replace(transfer.group(0), NONE_YET)
    (root / "shifan.yaml").write_text(shifan, encoding="utf-8")
    other = text.replace("name: 示范镇", "name: 样板镇").replace("to: 示范镇", "to: 样板镇").replace("泰编〔2020〕8号", "泰编〔2020〕9号")
    if "样板镇" not in received:
        other = other.replace(transfer.group(0).replace("示范镇", "样板镇").replace("8号", "9号"), NONE_YET)
    (root / "yangban.yaml").write_text(other, encoding="utf-8")
    county = root / "_county.yaml"
    county.write_text(
        'county: {name: 泰兴市, code: "321283000000", province: 江苏省, city: 泰州市}\n'
        "quotas_before: {administrative: 500}\nquotas_after: {administrative: 498}\n"
        "transfers_down:" + (listed or " []") + "\n", encoding="utf-8")
    return county


def test_town_without_transfer_is_the_countys_finding(tmp_path: Path) -> None:
    county = _taizhou_county(tmp_path, "\n  - {town: 示范镇, type: administrative, count: 1, document: 泰编〔2020〕8号}",
                             received=("示范镇",))
    results = [check_file(str(tmp_path / n)) for n in ("shifan.yaml", "yangban.yaml")]
    # the town's own plan: a warning only, naming the county's duty
    assert [(f.code, f.severity.value) for f in results[1].findings if f.code == "ST203"] == [("ST203", "warning")]
    (out,) = check_counties(results)
    assert [f.code for f in out.findings] == ["ST953"]  # the records agree: no ST951
    st953 = [f for f in out.findings if f.code == "ST953"]
    assert [tuple(f.trail("zh")) for f in st953] == [("泰兴市", "样板镇")]
    (f,) = st953
    assert f.file.endswith("_county.yaml") and f.loc == ("transfers_down",) and (f.line, f.column) == (4, 1)
    assert f.message.zh == ("泰兴市向样板镇下沉编制0名，少于每个乡镇（街道）应得的1名：按“编随事走”，"
                            "下沉编制是县（市、区）的责任")
    assert f.severity.value == "error" and "004_8277045ee1f06dc8.txt" in (f.source or "")
    assert "实施方案" in (f.citation("zh") or "")
    assert county.read_text(encoding="utf-8").count("示范镇") == 1  # the input is never written


def test_every_town_given_its_quota_has_no_st953(tmp_path: Path) -> None:
    _taizhou_county(tmp_path, "\n  - {town: 示范镇, type: administrative, count: 1, document: 泰编〔2020〕8号}"
                              "\n  - {town: 样板镇, type: administrative, count: 1, document: 泰编〔2020〕9号}")
    results = [check_file(str(tmp_path / n)) for n in ("shifan.yaml", "yangban.yaml")]
    (out,) = check_counties(results)
    assert out.error is None and out.findings == []


def test_town_without_transfer_through_the_cli(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("STAFFING_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "taixing"
    root.mkdir()
    _taizhou_county(root, "", received=())
    assert main(["check", str(root), "--jobs", "1", "--no-cache"]) == 1
    out = capsys.readouterr().out
    assert "ST953" in out and "泰兴市向样板镇下沉编制0名" in out and "泰兴市向示范镇下沉编制0名" in out
    assert "ST951" not in out


def test_records_that_disagree_are_st951_alone(tmp_path: Path) -> None:
    """The town records its quota, the county's file does not: the records disagree (ST951);
    whether the county moved it is not asked again (ST953)."""
    _taizhou_county(tmp_path, "\n  - {town: 示范镇, type: administrative, count: 1, document: 泰编〔2020〕8号}")
    results = [check_file(str(tmp_path / n)) for n in ("shifan.yaml", "yangban.yaml")]
    (out,) = check_counties(results)
    assert [f.code for f in out.findings] == ["ST951"]


def _with_people(path: Path, actual: int) -> None:
    """示范镇's party-government office: 5 administrative quota, `actual` people in post."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  quotas: {administrative: 5}\n  actual: 5\n", f"  quotas: {{administrative: 5}}\n  actual: {actual}\n", 1),
                    encoding="utf-8")


BOTH = ("\n  - {town: 示范镇, type: administrative, count: 1, document: 泰编〔2020〕8号}"
        "\n  - {town: 样板镇, type: administrative, count: 1, document: 泰编〔2020〕9号}")


def test_recruitment_passing_over_vacancies_is_a_warning(tmp_path: Path) -> None:
    county = _taizhou_county(tmp_path, BOTH)
    _with_people(tmp_path / "yangban.yaml", 2)  # 样板镇: three places vacant; 示范镇: none
    county.write_text(county.read_text(encoding="utf-8") + "recruitment:\n  - {town: 示范镇, count: 2}\n", encoding="utf-8")
    results = [check_file(str(tmp_path / n)) for n in ("shifan.yaml", "yangban.yaml")]
    assert [r.summary.figures.vacant for r in results] == [0, 3]
    (out,) = check_counties(results)
    (f,) = [f for f in out.findings if f.code == "ST954"]
    assert f.severity.value == "warning" and f.loc == ("recruitment", 0, "count")
    assert f.message.zh == ("泰兴市的用编用人计划为示范镇安排2名，超过其空编0名，而样板镇仍有空编未安排："
                            "应优先保障空编的乡镇（街道）")
    assert "优先保障空编" in (f.source or "")
    # beyond its vacancies at all is the error ST955 besides (按照编制数及时补充人员)
    assert [x.code for x in out.findings] == ["ST954", "ST955"]


def test_recruitment_for_the_towns_with_vacancies_passes(tmp_path: Path) -> None:
    county = _taizhou_county(tmp_path, BOTH)
    _with_people(tmp_path / "yangban.yaml", 2)
    county.write_text(county.read_text(encoding="utf-8") + "recruitment:\n  - {town: 样板镇, count: 3}\n", encoding="utf-8")
    results = [check_file(str(tmp_path / n)) for n in ("shifan.yaml", "yangban.yaml")]
    (out,) = check_counties(results)
    assert out.findings == []
    # beyond its vacancies, but no other town is waiting: not ST954's finding, but ST955's
    county.write_text(county.read_text(encoding="utf-8").replace("count: 3}\n", "count: 5}\n"), encoding="utf-8")
    (out,) = check_counties(results)
    assert [(f.code, f.numbers["count"], f.numbers["vacant"]) for f in out.findings] == [("ST955", 5, 3)]


def test_a_town_named_with_its_county_or_city_in_front_is_the_same_town(tmp_path: Path) -> None:
    """泰兴市示范镇 in the county's file is the plan's 示范镇: the county, its city and province
    in front of a town's name are dropped when the two are matched."""
    county = _taizhou_county(tmp_path, "\n  - {town: 泰兴市示范镇, type: administrative, count: 1, document: 泰编〔2020〕8号}"
                                       "\n  - {town: 江苏省泰州市泰兴市样板镇, type: administrative, count: 1, document: 泰编〔2020〕9号}")
    _with_people(tmp_path / "yangban.yaml", 2)  # 样板镇: three places vacant
    county.write_text(county.read_text(encoding="utf-8") + "recruitment:\n  - {town: 泰州市泰兴市样板镇, count: 3}\n",
                      encoding="utf-8")
    results = [check_file(str(tmp_path / n)) for n in ("shifan.yaml", "yangban.yaml")]
    (out,) = check_counties(results)
    assert out.error is None and out.findings == []
    county.write_text(county.read_text(encoding="utf-8").replace("count: 3}\n", "count: 5}\n"), encoding="utf-8")
    (out,) = check_counties(results)
    assert [(f.code, f.numbers["count"], f.numbers["vacant"]) for f in out.findings] == [("ST955", 5, 3)]


def test_a_county_written_without_its_ending_still_matches_its_towns(tmp_path: Path) -> None:
    """The county file's county written 泰兴 (no 市), its towns written 泰兴市示范镇 or 泰兴样板镇:
    both are the plans' towns, as the packs read 泰兴 and 泰兴市 as one place."""
    county = _taizhou_county(tmp_path, "\n  - {town: 泰兴市示范镇, type: administrative, count: 1, document: 泰编〔2020〕8号}"
                                       "\n  - {town: 泰兴样板镇, type: administrative, count: 1, document: 泰编〔2020〕9号}")
    county.write_text(county.read_text(encoding="utf-8").replace("name: 泰兴市,", "name: 泰兴,"), encoding="utf-8")
    results = [check_file(str(tmp_path / n)) for n in ("shifan.yaml", "yangban.yaml")]
    (out,) = check_counties(results)
    assert out.error is None and out.findings == []


def test_a_town_named_after_its_county_keeps_its_name() -> None:
    """靖江镇 of the county 靖江 is not 镇: a name is never cut down to a place ending alone."""
    from staffing.checks.county import CountyContext, CountyFile

    file = CountyFile.model_validate({"county": {"name": "靖江", "code": "321282000000", "province": "江苏省", "city": "泰州市"},
                                      "quotas_before": {}, "quotas_after": {}})
    ctx = CountyContext(file, [], {})
    assert [ctx.town_key(n) for n in ("靖江镇", "靖江市新桥镇", "靖江新桥镇", "江苏省泰州市靖江市新桥镇", "新桥镇")] == [
        "靖江镇", "新桥镇", "新桥镇", "新桥镇", "新桥镇"]


def test_a_county_file_is_read_within_the_runs_limits(corpus: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    """--max-bytes holds for county files as for plans: one over it is unusable, said at the file."""
    monkeypatch.setenv("STAFFING_CACHE_DIR", str(tmp_path / "cache"))
    county = _county(corpus)
    county.write_text(county.read_text(encoding="utf-8") + "#" + "x" * 20000 + "\n", encoding="utf-8")
    code = main(["check", str(corpus), "--max-bytes", "15000", "--jobs", "1"])
    out = capsys.readouterr().out
    assert code == 2
    assert f"{county.name}: 无法使用：文件大小" in out and "超过上限15000字节" in out


def _json_check(capsys, *args: str) -> tuple[int, dict]:
    code = main(["check", *args, "--format", "json", "--jobs", "1", "--no-cache"])
    return code, json.loads(capsys.readouterr().out)


def _county_entries(data: dict) -> list[dict]:
    return [f for f in data["files"] if Path(f["path"]).name == "_county.yaml"]


def test_a_county_file_beside_some_of_its_towns_only_is_said_not_checked(corpus: Path, capsys) -> None:
    """Held against one town, a county file would call every other town of its folder
    missing (ST951) and its totals wrong: it is listed as skipped, with why."""
    county = _county(corpus)
    plans = sorted(p for p in county.parent.glob("*.yaml") if not p.name.startswith("_"))
    assert len(plans) >= 3
    code, data = _json_check(capsys, str(plans[0]))
    assert _county_entries(data) == []
    assert not any(f["code"].startswith("ST95") for entry in data["files"] for f in entry["findings"])
    assert [(Path(s["path"]).name, s["reason"]) for s in data["skipped"]] == [("_county.yaml", "skip.county-partial")]
    assert "县级汇总文件" in data["skipped"][0]["message"]["zh"]
    assert code == (1 if data["files"][0]["status"] == "fail" else 0)
    # two of the folder's towns: still partial
    _, data = _json_check(capsys, str(plans[0]), str(plans[1]))
    assert _county_entries(data) == [] and data["skipped"][0]["reason"] == "skip.county-partial"
    # every town named one by one is the whole folder: checked as `staffing check FOLDER` checks it
    _, named = _json_check(capsys, *map(str, plans))
    _, folder = _json_check(capsys, str(county.parent))
    assert named["skipped"] == [] and len(_county_entries(named)) == 1
    assert _county_entries(named)[0]["findings"] == _county_entries(folder)[0]["findings"]


def test_a_county_file_beside_one_town_is_said_in_text_too(corpus: Path, capsys) -> None:
    county = _county(corpus)
    plan = sorted(p for p in county.parent.glob("*.yaml") if not p.name.startswith("_"))[0]
    code = main(["check", str(plan), "--jobs", "1", "--no-cache"])
    out = capsys.readouterr().out
    assert code in (0, 1)
    assert "ST951" not in out and "跳过文件1个" in out
    assert f"{county}: 已跳过：这是县级汇总文件，本次没有检查其所在文件夹的全部方案" in out


def test_a_county_file_named_alone_is_checked_against_its_folder(corpus: Path, capsys) -> None:
    """`staffing check _county.yaml` brings the plans of its folder (as the pre-commit hook
    does): what it says is held against every town, as when the folder is checked."""
    county = _county(corpus)
    code, alone = _json_check(capsys, str(county))
    folder_code, folder = _json_check(capsys, str(county.parent))
    assert code == folder_code
    assert [f["path"] for f in alone["files"]] == [f["path"] for f in folder["files"]]
    assert _county_entries(alone)[0]["findings"] == _county_entries(folder)[0]["findings"]
    assert alone["skipped"] == []


def test_a_county_file_named_without_its_folder_is_checked_against_its_folder(corpus: Path, capsys,
                                                                              monkeypatch) -> None:
    """`staffing check _county.yaml` from the county's own folder: its folder is the working
    one, and its towns are all there (not a county with no towns, every town missing)."""
    county = _county(corpus)
    _, folder = _json_check(capsys, str(county.parent))
    monkeypatch.chdir(county.parent)
    code, alone = _json_check(capsys, "_county.yaml")
    assert len(alone["files"]) == len(folder["files"]) and alone["skipped"] == []
    assert _county_entries(alone)[0]["findings"] == _county_entries(folder)[0]["findings"]
    assert not any(f["code"] == "ST951" for f in _county_entries(alone)[0]["findings"])
    assert code == (1 if any(f["status"] == "fail" for f in folder["files"]) else 0)


def test_a_folder_walked_whole_is_not_listed_again(tmp_path: Path, monkeypatch) -> None:
    """`staffing check FOLDER` found every plan of each folder under it (but hidden ones):
    their county files are checked without listing the folders again; elsewhere the listing
    decides."""
    from staffing.run import county

    for folder in ("a", ".h"):
        (tmp_path / folder).mkdir()
        for name in ("_county.yaml", "x.yaml", "y.yaml"):
            (tmp_path / folder / name).write_text("{}\n", encoding="utf-8")
    listed: list[str] = []
    real = county.folder_plans
    monkeypatch.setattr(county, "folder_plans", lambda d: listed.append(d) or real(d))
    a, h = str(tmp_path / "a"), str(tmp_path / ".h")
    assert county.county_files([f"{a}/x.yaml", f"{a}/y.yaml"], [str(tmp_path)]) == ([f"{a}/_county.yaml"], [])
    assert listed == []
    assert county.county_files([f"{a}/x.yaml"], []) == ([], [f"{a}/_county.yaml"])  # not walked: listed
    assert county.county_files([f"{h}/x.yaml"], [str(tmp_path)]) == ([], [f"{h}/_county.yaml"])  # hidden: listed
    assert county.county_files([f"{h}/x.yaml", f"{h}/y.yaml"], [str(tmp_path)]) == ([f"{h}/_county.yaml"], [])
    assert listed == [a, h, h]
