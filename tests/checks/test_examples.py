"""The example plans in orgs/: each one's verdict, and the plans built from published
structures read as a reviewer would read them (bodies counted, roles and categories)."""

from __future__ import annotations

import re

import pytest

from staffing.checks.context import Context
from staffing.run.engine import check_file
from staffing.run.results import FileResult, Settings

from conftest import ORGS, ROOT, needs_shared

EXPECTED = {
    "jiangsu/taizhou/jingjiang/xinqiao.yaml": set(),
    "jiangsu/taizhou/hailing/chengdong.yaml": set(),
    "jiangsu/zhenjiang/jurong/xiashu.yaml": set(),
    "jiangxi/jingdezhen/leping/yongshan.yaml": set(),
    "jiangsu/suzhou/kunshan/zhangpu.yaml": {"ST101", "ST201", "ST202"},
    "jiangsu/taizhou/taixing/hongqiao.yaml": {"ST303", "ST401", "ST701"},
    # built from published structures, figures unknown where the source is silent
    "jiangsu/suzhou/wuzhong/luzhi.yaml": {"ST201", "ST301", "ST302", "ST303", "ST601", "ST702"},
    "jiangsu/yangzhou/gaoyou/linze.yaml": set(),
    "guangdong/jiangmen/kaiping/shatang.yaml": set(),
    "beijing/beijing/dongcheng/dongzhimen.yaml": set(),
}


@pytest.mark.parametrize("rel", sorted(EXPECTED))
def test_example_plan_verdict(rel: str) -> None:
    result = check_file(str(ORGS / rel))
    assert result.error is None
    assert {f.code for f in result.findings} == EXPECTED[rel], [f"{f.code} {f.message.en}" for f in result.findings]


def test_every_example_is_listed() -> None:
    assert {str(p.relative_to(ORGS)) for p in ORGS.rglob("*.yaml")} == set(EXPECTED)


@needs_shared
def test_examples_cite_seeds_and_schema() -> None:
    seeds = {p.name for p in (ROOT.parent / "shared" / "seeds" / "readable").glob("*.txt")}
    for path in ORGS.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert target == (ROOT / "schema" / "plan.schema.json").resolve(), path
        result = check_file(str(path))
        assert result.plan is not None and result.plan.figures
        if "Illustrative" not in result.plan.figures:
            # built from a published report: the header names the source and what comes from it,
            # and what the source does not give is unknown, never invented
            assert "Source" in text.split("\nfigures:", 1)[0] and "Unknown" in result.plan.figures, path
            cited = set(re.findall(r"\d{3}_[0-9a-f]{16}\.txt", text))
            assert cited <= seeds, path
            continue
        assert "Illustrative" in result.plan.figures, path
        cited = set(re.findall(r"\d{3}_[0-9a-f]{16}\.txt", result.plan.figures))
        assert cited and cited <= seeds, path


def test_yongshan_matches_the_report() -> None:
    r = check_file(str(ORGS / "jiangxi/jingdezhen/leping/yongshan.yaml"))
    plan = r.plan
    assert plan is not None and r.pack is not None
    from staffing.checks.context import Context
    from staffing.plan.graph import build_graph

    ctx = Context(plan, build_graph(plan), r.pack)
    assert len(ctx.counted) == 8  # 一办七局
    assert plan.powers is not None and plan.powers.approval_items + plan.powers.penalty_powers == 158
    assert plan.powers.penalty_powers == 99
    enforcement = [i for i in ctx.counted if ctx.role_of(i) == "comprehensive_enforcement"]
    assert len(enforcement) == 1 and plan.bodies[enforcement[0]].name == "涌山鎮綜合行政執法局"
    subs = [s.name for s in plan.bodies[enforcement[0]].subunits]
    assert "法规科" in subs and "办公室" in subs and sum("中队" in s for s in subs) == 3
    assert plan.grid is not None and plan.grid.workers == 57
    assert plan.command_center is not None and plan.command_center.staffed_24h and plan.command_center.domain_posts == 4


def _read(rel: str, rules: str | None = None) -> tuple[FileResult, Context]:
    from staffing.checks.context import Context
    from staffing.plan.graph import build_graph

    r = check_file(str(ORGS / rel), Settings(rules=rules))
    assert r.error is None and r.plan is not None and r.pack is not None
    return r, Context(r.plan, build_graph(r.plan), r.pack)


def _roles(ctx: Context) -> dict[str, tuple[str, ...]]:
    return {b.name: ctx.roles_of(i) for i, b in enumerate(ctx.plan.bodies)}


def test_luzhi_one_office_seven_bureaus_read_as_a_reviewer_would() -> None:
    r, ctx = _read("jiangsu/suzhou/wuzhong/luzhi.yaml")
    assert len(ctx.counted) == 8  # 一办七局, within Jiangsu's 10
    roles = _roles(ctx)
    assert roles["组织人事和社会保障局"] == ("party_building",)
    assert roles["政法和社会事业局"] == ("public_security_governance", "social_affairs")
    assert roles["财政和资产管理局"] == ("finance",) and roles["建设局"] == ("planning_construction",)
    failing = {f.code for f in r.findings if f.severity.value == "error"}
    assert failing == {"ST702"}  # the report: 100 approval items approved, the catalogue not yet issued
    unknown = {f.code for f in r.findings if f.severity.value == "unknown"}
    assert unknown == {"ST201", "ST301", "ST302", "ST303", "ST601"}  # not given, so not judged


def test_gaoyou_nine_bodies_carry_taizhous_six_roles() -> None:
    r, ctx = _read("jiangsu/yangzhou/gaoyou/linze.yaml")
    assert not r.findings  # base pack: the plan agrees with itself
    r, ctx = _read("jiangsu/yangzhou/gaoyou/linze.yaml", rules="taizhou-three-integrations")
    assert len(ctx.counted) == 9
    # Taizhou's pack binds Taizhou's towns and streets only: Gaoyou (Yangzhou) gets ST802, and
    # what rests on Taizhou's pack is shown for information; Jiangsu's common rules bind (growth
    # cannot be checked: no baseline); the date is Taizhou's, which does not bind Gaoyou: that
    # its towns set up their bodies (2020-04-30) before Taizhou's rules took effect is information
    assert {f.code for f in r.findings if f.severity.value == "error"} == {"ST802"}
    assert {f.code for f in r.findings if f.severity.value == "unknown"} == {"ST201"}
    assert not [f for f in r.findings if f.severity.value == "warning"]
    assert [f.severity.value for f in r.findings if f.code == "ST803"] == ["info"]
    assert {f.severity.value for f in r.findings if f.code not in ("ST802", "ST201")} == {"info"}
    assert {"ST101", "ST102", "ST103"}.isdisjoint(f.code for f in r.findings)
    assert _roles(ctx)["建设和生态环境局"] == ("planning_construction", "safety_environment")
    assert "command_center" in ctx.roles_carried(0)  # 党政办公室 carries 指挥调度中心 as a nameplate


def test_shatang_discipline_and_congress_offices_do_not_count() -> None:
    r, ctx = _read("guangdong/jiangmen/kaiping/shatang.yaml", rules="jiangsu-developed-town")
    names = [ctx.plan.bodies[i].name for i in ctx.counted]
    assert len(ctx.plan.bodies) == 11 and len(names) == 9
    assert "人大常委会办公室" not in names and "纪检监察办公室" not in names
    assert {ctx.category_of(i) for i, b in enumerate(ctx.plan.bodies) if b.name.startswith(("人大", "纪检"))} == {"own_rules"}
    assert "ST101" not in {f.code for f in r.findings}
    roles = _roles(ctx)
    assert roles["党政综合办公室"] == ("party_government_office",)
    assert roles["综合行政执法办公室"] == ("comprehensive_enforcement",)


def test_dongcheng_six_offices_one_committee_one_team_four_centres() -> None:
    r, ctx = _read("beijing/beijing/dongcheng/dongzhimen.yaml")
    assert not r.findings
    roles = _roles(ctx)
    assert roles["综合保障办公室"] == ("party_government_office",)
    assert roles["民生保障办公室"] == ("social_affairs",)
    assert roles["综合执法队"] == ("comprehensive_enforcement",)
    categories = {b.name: ctx.category_of(i) for i, b in enumerate(ctx.plan.bodies)}
    assert categories["纪工委（监察组）"] == "own_rules"
    assert categories["网格化服务管理中心"] == "platform"
    assert categories["社区服务中心"] == "institution"
    assert len(ctx.counted) == 8  # 六办一队 and 政务服务中心 (read as the approval body)
