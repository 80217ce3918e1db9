"""The check corpus: tests/cases/<CODE>/{bad,good}/*.yaml, discovered from the folders.

Each case file is a complete plan whose header says what it expects:

    # expect: ST101 @ 25:1          bad case: ST101 is reported, its first finding at 25:1
    # expect-not: ST101             good case: ST101 is not reported
    # rules: ../packs/x.yaml        optional: the pack to check with (relative to the file)
    # expect: ST000 @ 11:14 in ../packs/x.yaml   the location is in that file
    # expect: ST201 @ 30:5 cannot-check          bad case whose outcome is "cannot check" (a figure unknown)

Adding a case is adding a file (copy a neighbouring case and change what it is about); the
cases are maintained by hand, each read as the regression baseline it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from staffing.checks import PLAN_CHECKS as ALL_CHECKS
from staffing.checks.context import Context
from staffing.findings import Finding, Severity
from staffing.run.engine import check_file, pack_findings
from staffing.run.results import FileResult, Settings

from conftest import CASES, ORGS, ROOT, needs_shared

HEADER = re.compile(
    r"^#\s*(?P<kind>expect|expect-not):\s*(?P<code>ST\d{3})"
    r"(?:\s*@\s*(?P<line>\d+):(?P<col>\d+)(?:\s+in\s+(?P<file>\S+))?)?(?P<unknown>\s+cannot-check)?\s*$"
)
RULES = re.compile(r"^#\s*rules:\s*(?P<path>\S+)\s*$")


@dataclass(frozen=True)
class Case:
    path: Path
    code: str
    bad: bool
    line: int | None
    column: int | None
    where_file: Path | None
    rules: Path | None
    unknown: bool = False

    @property
    def id(self) -> str:
        return str(self.path.relative_to(CASES))


def parse_case(path: Path) -> Case:
    expect = None
    rules = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.startswith("#"):
            break
        if m := HEADER.match(raw):
            expect = m
        elif m := RULES.match(raw):
            rules = (path.parent / m["path"]).resolve()
    assert expect is not None, f"{path}: no '# expect: CODE @ L:C' or '# expect-not: CODE' header"
    bad = expect["kind"] == "expect"
    folder_kind = path.parent.name
    assert folder_kind == ("bad" if bad else "good"), f"{path}: header says {expect['kind']} but it is in {folder_kind}/"
    assert expect["code"] == path.parents[1].name, f"{path}: header code {expect['code']} is not its folder's"
    if bad:
        assert expect["line"], f"{path}: a bad case must give the location: '# expect: CODE @ LINE:COL'"
    return Case(
        path=path,
        code=expect["code"],
        bad=bad,
        line=int(expect["line"]) if expect["line"] else None,
        column=int(expect["col"]) if expect["col"] else None,
        where_file=(path.parent / expect["file"]).resolve() if expect["file"] else None,
        rules=rules,
        unknown=bool(expect["unknown"]),
    )


ALL_CASES = sorted((parse_case(p) for p in CASES.glob("ST*/*/*.yaml") if p.parent.name in ("good", "bad")),
                   key=lambda c: c.id)


def run_case(case: Case) -> tuple[FileResult, list[Finding]]:
    settings = Settings(rules=str(case.rules) if case.rules else None)
    result = check_file(str(case.path), settings)
    assert result.error is None, f"{case.id} is unusable: {result.error.where()}: {result.error.message('en')}"
    found = list(result.findings) + (pack_findings(result.pack) if result.pack else [])
    return result, found


@pytest.mark.parametrize("case", [c for c in ALL_CASES if c.bad], ids=lambda c: c.id)
def test_bad_case_reports_its_code(case: Case) -> None:
    _, found = run_case(case)
    mine = sorted((f for f in found if f.code == case.code), key=lambda f: (f.line, f.column))
    assert mine, f"{case.id}: expected {case.code}, got {[f'{f.code} {f.message.en}' for f in found]}"
    first = mine[0]
    assert (first.line, first.column) == (case.line, case.column), (
        f"{case.id}: first {case.code} at {first.line}:{first.column}, header says {case.line}:{case.column}"
        f" ({first.message.en})"
    )
    if case.where_file is not None:
        assert Path(first.file).resolve() == case.where_file
    else:
        assert Path(first.file).resolve() == case.path.resolve()
    assert first.message.zh and first.message.en and first.message.zh != first.message.en
    # a violation is a violation; "cannot check" is its own outcome, and the header says which
    assert (first.severity == Severity.UNKNOWN) == case.unknown, (
        f"{case.id}: first {case.code} is {first.severity.value}: {first.message.en}")


@pytest.mark.parametrize("case", [c for c in ALL_CASES if not c.bad], ids=lambda c: c.id)
def test_good_case_does_not_report_its_code(case: Case) -> None:
    _, found = run_case(case)
    mine = [f for f in found if f.code == case.code]
    assert not mine, f"{case.id}: unexpected {[f'{f.line}:{f.column} {f.message.en}' for f in mine]}"


def test_every_check_has_good_and_bad_cases() -> None:
    codes = {c.code for c in ALL_CASES}
    for check in ALL_CHECKS:
        assert {(check.code, True), (check.code, False)} <= {(c.code, c.bad) for c in ALL_CASES}, check.code
    assert "ST000" in codes
    assert {(c.code, c.bad) for c in ALL_CASES if c.code == "ST000"} == {("ST000", True), ("ST000", False)}


def test_case_files_are_not_generated_at_test_time() -> None:
    # the corpus is committed YAML; every case is a complete plan a human can read
    for case in ALL_CASES:
        text = case.path.read_text(encoding="utf-8")
        assert "town:" in text and "bodies:" in text and "rule_pack:" in text, case.id


# ---------------------------------------------------------------- counting subtleties, spelled out


def _result(rel: str) -> FileResult:
    result = check_file(str(CASES / rel))
    assert result.error is None
    return result


def test_not_counted_as_bodies_is_explicit() -> None:
    from staffing.checks.context import Context
    from staffing.plan.graph import build_graph

    for rel, listed in [
        ("ST101/good/development-zone-not-counted.yaml", 10),
        ("ST101/good/nested-body-not-counted.yaml", 10),
        ("ST101/good/nameplates-not-counted.yaml", 9),
        ("ST101/good/subunits-not-counted.yaml", 9),
        ("ST101/good/dispatched-units-not-counted.yaml", 9),
        ("ST101/good/support-centre-not-counted.yaml", 9),
    ]:
        r = _result(rel)
        assert r.plan is not None and r.pack is not None
        ctx = Context(r.plan, build_graph(r.plan), r.pack)
        assert len(r.plan.bodies) == listed, rel
        assert len(ctx.counted) == 9, rel


def test_traditional_script_names_carry_roles() -> None:
    from staffing.checks.context import Context
    from staffing.plan.graph import build_graph

    r = _result("ST102/good/traditional-script-names.yaml")
    assert r.plan is not None and r.pack is not None
    ctx = Context(r.plan, build_graph(r.plan), r.pack)
    assert [ctx.role_of(i) for i in range(6)] == [
        "party_government_office", "party_building", "economic_development",
        "social_affairs", "approval_service", "comprehensive_enforcement",
    ]
    assert r.plan.bodies[5].name == "綜合行政執法局"


def test_recorded_transfer_is_growth_unrecorded_is_reported_once() -> None:
    good = _result("ST201/good/recorded-transfer.yaml")
    once = _result("ST201/good/undocumented-transfer-reported-once.yaml")
    assert not [f for f in good.findings if f.code == "ST201"]
    # one missing document number is one finding (ST202), not also ST201 and ST203
    assert [f.code for f in once.findings if f.severity.value == "error"] == ["ST202"]
    beyond = _result("ST201/bad/growth-beyond-undocumented-transfer.yaml")
    st201 = [f for f in beyond.findings if f.code == "ST201"]
    assert st201 and st201[0].numbers["excess"] == 1 and st201[0].numbers["moved"] == 1


def test_jiangsu_allows_no_growth_by_transfer() -> None:
    st201 = [f for f in _result("ST201/bad/jiangsu-recorded-transfer.yaml").findings if f.code == "ST201"]
    assert st201 and st201[0].numbers == {"after": 24, "before": 23, "moved": 0, "excess": 1}


def test_no_quota_moved_down_is_the_countys_warning() -> None:
    st203 = [f for f in _result("ST203/bad/none-moved.yaml").findings if f.code == "ST203"]
    assert [f.severity.value for f in st203] == ["warning"] and "泰兴市" in st203[0].message.zh


def test_quotas_are_checked_per_type_and_in_total() -> None:
    r = _result("ST201/bad/service-type-grows.yaml")
    st201 = [f for f in r.findings if f.code == "ST201"]
    assert len(st201) == 1 and "service" in st201[0].message.en  # the total fell, one type grew


def test_jiangsu_dispatch_without_basis_is_a_warning_taizhou_an_error() -> None:
    js = [f for f in _result("ST301/bad/no-basis-jiangsu.yaml").findings if f.code == "ST301"]
    tz = [f for f in _result("ST301/bad/no-basis-taizhou.yaml").findings if f.code == "ST301"]
    assert js[0].severity.value == "warning"
    assert tz[0].severity.value == "error"


# ---------------------------------------------------------------- the example plans in orgs/

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


# ---------------------------------------------------------------- plans built from published structures


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
    # what rests on Taizhou's pack is shown for information; Jiangsu's common rules still bind
    # (growth cannot be checked: no baseline), and the date: Gaoyou's towns set up their bodies
    # (2020-04-30) before Taizhou's rules took effect
    assert {f.code for f in r.findings if f.severity.value == "error"} == {"ST802"}
    assert {f.code for f in r.findings if f.severity.value == "unknown"} == {"ST201"}
    assert {f.code for f in r.findings if f.severity.value == "warning"} == {"ST803"}
    assert {f.severity.value for f in r.findings if f.code not in ("ST802", "ST803", "ST201")} == {"info"}
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


def test_every_shipped_plan_and_every_case_loads() -> None:
    """Plans in the old shape and the new (unknown figures, sections not provided, roles as
    Chinese labels, institutions, the leadership team) are all valid, with no migration."""
    for path in sorted(ORGS.rglob("*.yaml")):
        result = check_file(str(path))
        assert result.error is None, f"{path}: {result.error.where()}: {result.error.message('en')}"
    for case in ALL_CASES:
        result, _ = run_case(case)
        assert result.plan is not None, case.id


def test_staff_moved_with_work_to_the_wrong_body_is_one_finding(tmp_path: Path) -> None:
    """A transfer that says what work it moves with is judged once, by ST605 (not also by
    ST203's warning that quota moved down should strengthen those bodies)."""
    result = check_file(str(CASES / "ST605" / "bad" / "enforcement-staff-to-economic-bureau.yaml"))
    assert [f.code for f in result.findings if f.loc[:2] == ("transfers", 0)] == ["ST605"]
    # the same transfer without `work`: ST203's warning, and no ST605
    text = (CASES / "ST605" / "bad" / "enforcement-staff-to-economic-bureau.yaml").read_text(encoding="utf-8")
    plain = tmp_path / "plain.yaml"
    plain.write_text(text.replace(", work: enforcement}", "}"), encoding="utf-8")
    result = check_file(str(plain))
    assert [f.code for f in result.findings if f.loc[:2] == ("transfers", 0)] == ["ST203"]
