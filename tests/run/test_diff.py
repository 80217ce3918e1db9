"""`staffing diff`: bodies added, removed, renamed and merged; quotas, posts and dispatched
units; the never-grows rule between two versions; --base REV through git."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from staffing.cli.main import main
from staffing.run.diff import compare, load_version
from staffing.run.engine import check_file

ROOT = Path(__file__).resolve().parents[2]
XINQIAO = ROOT / "orgs" / "jiangsu" / "taizhou" / "jingjiang" / "xinqiao.yaml"


@pytest.fixture
def base() -> dict[str, Any]:
    return yaml.safe_load(XINQIAO.read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def _cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def save(data: dict[str, Any], name: str) -> str:
    Path(name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return name


def body(data: dict[str, Any], name: str) -> dict[str, Any]:
    return next(b for b in data["bodies"] if b["name"] == name)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def diff_json(capsys: pytest.CaptureFixture[str], old: str, new: str) -> tuple[int, dict[str, Any]]:
    code, out, _ = run(capsys, "diff", old, new, "--format", "json")
    return code, json.loads(out)


def test_no_change(base: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    old = save(base, "old.yaml")
    code, out, _ = run(capsys, "diff", old, str(XINQIAO))
    assert code == 0 and "没有变化" in out and "编制总量未增长" in out
    code, out, _ = run(capsys, "diff", old, old, "--lang", "en")
    assert "no changes" in out and "staffing does not grow" in out


def test_rename_by_role_and_growth(base: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    old = save(base, "old.yaml")
    new = copy.deepcopy(base)
    b = body(new, "规划建设局")
    b["name"] = "村镇规划建设局"
    b["quotas"]["administrative"] += 2
    code, data = diff_json(capsys, old, save(new, "new.yaml"))
    assert code == 1
    assert data["bodies"]["renamed"] == [{"old": "规划建设局", "new": "村镇规划建设局", "by": "role"}]
    assert data["bodies"]["added"] == [] and data["bodies"]["removed"] == []
    row = next(r for r in data["quotas"]["bodies"] if r["body"] == "村镇规划建设局")
    assert row["delta"] == {"administrative": 2}
    assert data["quotas"]["totals"]["delta"]["administrative"] == 2
    assert [v["type"] for v in data["violations"]] == ["administrative", "total"]
    assert data["violations"][0]["excess"] == 2 and not data["ok"]
    code, out, _ = run(capsys, "diff", old, "new.yaml")
    assert "更名：规划建设局 → 村镇规划建设局" in out and "  合计：行政编制由43名增至45名（增加2名）\n" in out
    assert "违反规则" in out
    code, out, _ = run(capsys, "diff", old, "new.yaml", "--lang", "en")
    assert "renamed: 规划建设局 → 村镇规划建设局 (matched by role)" in out
    assert "administrative quota grows from 43 to 45" in out


def test_growth_covered_by_a_recorded_transfer(base: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    old = save(base, "old.yaml")
    new = copy.deepcopy(base)
    body(new, "经济发展局")["quotas"]["administrative"] += 2
    new["transfers"].append({"from": "靖江市", "to": "新桥镇", "level": "county", "type": "administrative",
                             "count": 2, "document": "靖编〔2020〕5号"})
    code, data = diff_json(capsys, old, save(new, "new.yaml"))
    assert code == 0 and data["ok"]
    assert data["transfers_added"][0]["document"] == "靖编〔2020〕5号"
    # without a document the transfer does not justify the growth
    new["transfers"][-1]["document"] = None
    code, data = diff_json(capsys, old, save(new, "new.yaml"))
    assert code == 1 and data["violations"][0]["moved"] == 0
    # a transfer already in OLD does not count again
    code, data = diff_json(capsys, save(new, "old2.yaml"), save(new, "new.yaml"))
    assert code == 0 and data["transfers_added"] == []


def test_merged_added_removed(base: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    old = save(base, "old.yaml")
    new = copy.deepcopy(base)
    social, planning = body(new, "社会事业局"), body(new, "规划建设局")
    new["bodies"] = [b for b in new["bodies"] if b["name"] not in ("社会事业局", "规划建设局", "综合指挥调度中心")]
    new["bodies"].append({
        "name": "社会建设局", "role": "other", "rank": "副科",
        "quotas": {"administrative": 11, "institutional_full": 12},
        "leadership": [{"title": "局长", "level": "principal", "rank": "副科", "approved": 1, "filled": 1}],
        "merged_from": social["merged_from"] + planning["merged_from"],
    })
    new["bodies"].append({"name": "数据局", "role": "other", "quotas": {"institutional_full": 4}})
    code, data = diff_json(capsys, old, save(new, "new.yaml"))
    assert data["bodies"]["merged"] == [{"from": ["社会事业局", "规划建设局"], "into": "社会建设局"}]
    assert data["bodies"]["added"] == ["数据局"]
    assert data["bodies"]["removed"] == ["综合指挥调度中心"]
    rows = {r["body"]: r for r in data["quotas"]["bodies"]}
    assert "社会建设局" not in rows  # the merged body holds exactly what its sources held
    assert rows["数据局"]["delta"] == {"institutional_full": 4} and rows["数据局"]["from"] == []
    assert rows["综合指挥调度中心"]["delta"] == {"institutional_full": -4}
    posts = next(r for r in data["leadership_posts"]["bodies"] if r["body"] == "社会建设局")
    assert (posts["old"], posts["new"]) == (5, 1)
    assert data["leadership_posts"]["total"]["new"] == data["leadership_posts"]["total"]["old"] - 5
    assert code == 0  # 4 institutional_full moved from the command centre to 数据局: no growth
    _, out, _ = run(capsys, "diff", old, "new.yaml")
    assert "合并：社会事业局、规划建设局 → 社会建设局" in out and "新增：数据局" in out and "撤销：综合指挥调度中心" in out


def test_merged_into_an_existing_body(base: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    old = save(base, "old.yaml")
    new = copy.deepcopy(base)
    planning = body(new, "规划建设局")
    new["bodies"].remove(planning)
    econ = body(new, "经济发展局")
    econ["merged_from"] += planning["merged_from"]
    econ["quotas"] = {"administrative": 12, "institutional_full": 10}
    code, data = diff_json(capsys, old, save(new, "new.yaml"))
    assert code == 0
    assert data["bodies"]["merged"] == [{"from": ["规划建设局"], "into": "经济发展局"}]
    assert data["bodies"]["removed"] == []


def test_dispatched_units(base: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    old = save(base, "old.yaml")
    new = copy.deepcopy(base)
    new["dispatched_units"][1]["management"] = "dispatched"
    new["dispatched_units"].pop()
    new["dispatched_units"].append({"name": "新桥税务所", "parent_department": "靖江市税务局", "management": "local"})
    _code, data = diff_json(capsys, old, save(new, "new.yaml"))
    units = data["dispatched_units"]
    assert units["changed"] == [{"name": "新桥司法所", "old": "local", "new": "dispatched"}]
    assert units["added"] == ["新桥税务所"] and units["removed"] == ["新桥自然资源所"]
    _, out, _ = run(capsys, "diff", old, "new.yaml")
    assert "新桥司法所：属地管理 → 继续实行派驻" in out


def test_bad_input(base: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    old = save(base, "old.yaml")
    Path("broken.yaml").write_text("town: [\n", encoding="utf-8")
    code, out, err = run(capsys, "diff", old, "broken.yaml")
    assert code == 2 and out == "" and "broken.yaml:2:1" in err
    assert run(capsys, "diff", old)[0] == 2
    assert run(capsys, "diff", old, old, old)[0] == 2
    assert run(capsys, "diff", "--base", "HEAD", old, old)[0] == 2
    assert run(capsys, "diff", old, "missing.yaml")[0] == 2


def test_compare_api(base: dict[str, Any]) -> None:
    d = compare(load_version(save(base, "a.yaml")), load_version(str(XINQIAO)))
    assert d.ok and not d.added and not d.removed and not d.quota_rows


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_base_revision(base: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = tmp_path / "repo"
    (repo / "orgs").mkdir(parents=True)

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                       check=True, capture_output=True)

    git("init", "-q")
    plan = repo / "orgs" / "xinqiao.yaml"
    plan.write_text(XINQIAO.read_text(encoding="utf-8"), encoding="utf-8")
    git("add", ".")
    git("commit", "-q", "-m", "v1")
    new = copy.deepcopy(base)
    body(new, "党政办公室")["quotas"]["administrative"] += 1
    plan.write_text(yaml.safe_dump(new, allow_unicode=True), encoding="utf-8")
    code, out, _ = run(capsys, "diff", "--base", "HEAD", str(plan), "--lang", "en")
    assert code == 1
    assert "HEAD:" in out and "administrative quota 7 → 8 (+1)" in out
    code, _, err = run(capsys, "diff", "--base", "no-such-rev", str(plan))
    assert code == 2 and "git" in err
    code, _, err = run(capsys, "diff", "--base", "--output=x", str(plan))
    assert code == 2


def test_growth_judged_with_the_plans_pack(base: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    # the same documented transfer excuses growth under Taizhou's pack (004 "编随事走") but not
    # under Jiangsu's developed-town pack, which allows no growth by transfer (003 "只减不增"),
    # exactly as ST201 judges it
    base["rule_pack"] = "jiangsu-developed-town"
    old = save(base, "old.yaml")
    new = copy.deepcopy(base)
    body(new, "经济发展局")["quotas"]["administrative"] += 1
    new["transfers"].append({"from": "靖江市", "to": "新桥镇", "level": "county", "type": "administrative",
                             "count": 1, "document": "靖编〔2020〕5号"})
    code, data = diff_json(capsys, old, save(new, "new.yaml"))
    assert code == 1 and data["violations"][0]["moved"] == 0
    new_file = save(new, "new.yaml")
    assert {f.code for f in check_file(new_file).findings} >= {"ST201"}


def test_text_is_chinese_first_with_full_width_punctuation(base: dict[str, Any],
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """Every row of the Chinese text comes from the catalogue: full-width punctuation,
    编制 and 职数 counted in 名; the English rows keep their arrows."""
    old = save(base, "old.yaml")
    new = copy.deepcopy(base)
    new["bodies"] = [b for b in new["bodies"] if b["name"] != "综合指挥调度中心"]
    new["bodies"].append({"name": "数据局", "role": "other", "quotas": {"institutional_full": 4}})
    body(new, "经济发展局")["quotas"]["administrative"] = None  # a figure left unknown
    body(new, "社会事业局")["leadership"][0]["approved"] += 1
    new["transfers"].append({"from": "靖江市", "to": "新桥镇", "level": "county", "type": "administrative",
                             "count": 2, "document": "靖编〔2020〕5号"})
    code, out, err = run(capsys, "diff", old, save(new, "new.yaml"))
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "比较“old.yaml”与“new.yaml”（新桥镇）"
    assert "  数据局：全额拨款事业编制由0名增至4名（增加4名）" in lines
    assert "  综合指挥调度中心：全额拨款事业编制由4名减至0名（减少4名）" in lines
    assert "  经济发展局：行政编制由6名变为未知（增减不明）" in lines
    assert "  合计：行政编制由43名变为未知（增减不明）" in lines
    assert "  社会事业局：由3名增至4名（增加1名）" in lines
    assert "  靖江市向新桥镇划转行政编制2名，文号靖编〔2020〕5号" in lines
    for line in lines[1:]:  # the header names the files; no other line has half-width punctuation
        assert not set(line) & set(",:;()"), line
    code, out, _ = run(capsys, "diff", old, "new.yaml", "--lang", "en")
    lines = out.splitlines()
    assert code == 0 and lines[0] == "comparing old.yaml → new.yaml (新桥镇)"
    assert "  数据局: fully funded institutional quota 0 → 4 (+4)" in lines
    assert "  经济发展局: administrative quota 6 → ? (?)" in lines
    assert "  社会事业局: 3 → 4 (+1)" in lines
    assert "  靖江市 → 新桥镇: 2 administrative quota, document 靖编〔2020〕5号" in lines


def test_several_types_in_one_row(base: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    old = save(base, "old.yaml")
    new = copy.deepcopy(base)
    b = body(new, "经济发展局")
    b["quotas"]["administrative"] -= 1
    b["quotas"]["institutional_full"] -= 2
    _, out, _ = run(capsys, "diff", old, save(new, "new.yaml"))
    assert "  经济发展局：行政编制由6名减至5名（减少1名）；全额拨款事业编制由4名减至2名（减少2名）\n" in out
    _, out, _ = run(capsys, "diff", old, "new.yaml", "--lang", "en")
    assert "  经济发展局: administrative quota 6 → 5 (-1), fully funded institutional quota 4 → 2 (-2)\n" in out
