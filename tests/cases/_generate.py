"""Generate the check corpus in tests/cases/<CODE>/{good,bad}/*.yaml, ONCE.

    .venv/bin/python tests/cases/_generate.py          # writes the files, then commit them

The test suite never runs this: it reads the committed YAML (tests/test_checks.py).  Every
case is a complete plan built from one small base plan plus a patch, so a human can read it
on its own.  The header of each file is the convention the test reads:

    # <what the case shows>
    # expect: ST101 @ 33:1                 (bad: the code is reported; its first finding there)
    # expect-not: ST101                    (good: the code is not reported)
    # rules: ../packs/loosens.yaml         (optional: check with this pack, path relative to the file)
    # expect: ST000 @ 21:14 in ../packs/loosens.yaml   (the location is in that file)

The location in `expect` is filled in by running the checker when generating; read the
generated diff before committing (it is the regression baseline, not an oracle).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent

# ---------------------------------------------------------------- the base plan


def _body(name: str, role: str | None, quotas: dict[str, int], kind: str = "bureau", **extra: Any) -> dict[str, Any]:
    title = "主任" if kind in ("office", "centre") else "局长"
    b: dict[str, Any] = {"name": name}
    if role:
        b["role"] = role
    b["kind"] = kind
    b["rank"] = "副科"
    b["quotas"] = quotas
    b["actual"] = sum(quotas.values())
    b["leadership"] = [{"title": title, "level": "principal", "rank": "副科", "approved": 1, "filled": 1}]
    b.update(extra)
    return b


def base() -> dict[str, Any]:
    """A small Taizhou town plan that passes every check of taizhou-three-integrations."""
    return {
        "town": {
            "name": "示范镇", "code": "321283100000", "unit_type": "town", "developed_town": False,
            "province": "江苏省", "city": "泰州市", "county": "泰兴市", "rank": "正科",
            "population": {"resident": 28000},
        },
        "rule_pack": "taizhou-three-integrations",
        "plan_date": dt.date(2019, 10, 20),
        "figures": "Illustrative test case: every name, number and document is made up.",
        "baseline": {
            "bodies": ["党政办公室", "经济发展办公室", "农业服务中心", "城管中队"],
            "quotas": {"administrative": 23, "institutional_full": 30},
            "leadership_posts": 12,
            "budget_funded": 55,
        },
        "totals": {},
        "bodies": [
            _body("党政办公室", "party_government_office", {"administrative": 5}, "office", merged_from=["党政办公室"]),
            _body("党建工作办公室", "party_building", {"administrative": 3}, "office"),
            _body("经济发展局", "economic_development", {"administrative": 4, "institutional_full": 2},
                  merged_from=["经济发展办公室"]),
            _body("社会事业局", "social_affairs", {"administrative": 4, "institutional_full": 2}),
            _body("行政审批局", "approval_service", {"administrative": 3, "institutional_full": 4},
                  nameplates=["便民服务中心"]),
            _body("综合行政执法局", "comprehensive_enforcement", {"administrative": 5, "institutional_full": 6},
                  subunits=[{"name": "执法中队", "quotas": {"institutional_full": 4}, "actual": 4}],
                  merged_from=["城管中队"]),
            _body("综合指挥调度中心", "command_center", {"institutional_full": 3}, "centre"),
        ],
        "support_center": {
            "name": "示范镇综合服务中心", "quotas": {"institutional_full": 10}, "actual": 10,
            "absorbed": ["农业服务中心"],
            "leadership": [{"title": "主任", "level": "principal", "rank": "副科", "approved": 1, "filled": 1}],
        },
        "dispatched_units": [
            {"name": "示范派出所", "parent_department": "泰兴市公安局", "management": "dispatched",
             "dispatch_basis": "党中央明确要求公安派出所继续实行派驻体制", "assessment_lead": "town",
             "head_appointment_consultation": "written"},
            {"name": "示范司法所", "parent_department": "泰兴市司法局", "management": "local"},
        ],
        "transfers": [
            {"from": "泰兴市", "to": "示范镇", "level": "county", "type": "administrative", "count": 1,
             "document": "泰编〔2019〕8号"},
        ],
        "lists": {
            "empowerment": {"document": "泰政发〔2019〕40号", "items": 80},
            "power": {"document": "示政发〔2019〕1号", "items": 80},
            "responsibility": {"document": "示政发〔2019〕2号"},
            "service": {"document": "示政发〔2019〕3号"},
            "lead_supporting": {"document": "示政发〔2019〕4号"},
            "duty_admission": True,
        },
        "powers": {"approval_items": 20, "penalty_powers": 60, "catalogue": "泰政发〔2019〕40号"},
        "grid": {"grids": 30, "workers": 30},
        "command_center": {"name": "综合指挥调度中心", "body": "综合指挥调度中心", "staffed_24h": True, "domain_posts": 4},
        "budget_funded": 50,
    }


QUOTA_TYPES = ("administrative", "institutional_full", "institutional_partial", "institutional_self",
               "political_legal", "service")


def finalize(p: dict[str, Any]) -> dict[str, Any]:
    """Make the stated totals add up (cases about ST901 skip this)."""
    sums = dict.fromkeys(QUOTA_TYPES, 0)
    holders = [b.get("quotas", {}) for b in p["bodies"]] + [c.get("quotas", {}) for c in p.get("support_institutions", [])]
    if p.get("support_center"):
        holders.append(p["support_center"].get("quotas", {}))
    for q in holders:
        for t, v in q.items():
            sums[t] += v
    posts = sum(x["approved"] for b in p["bodies"] for x in b.get("leadership", []))
    if p.get("support_center"):
        posts += sum(x["approved"] for x in p["support_center"].get("leadership", []))
    posts += sum(x["approved"] for c in p.get("support_institutions", []) for x in c.get("leadership", []))
    totals: dict[str, Any] = {"quotas": {t: v for t, v in sums.items() if v}, "leadership_posts": posts}
    if p.get("budget_funded") is not None:
        totals["budget_funded"] = p["budget_funded"]
    p["totals"] = totals
    return p


def nine(p: dict[str, Any]) -> dict[str, Any]:
    """Six mandatory + three self-chosen bodies (the Taizhou maximum)."""
    p["bodies"] += [
        _body("规划建设局", "planning_construction", {"administrative": 0}),
        _body("农业农村局", "agriculture_rural", {"administrative": 0}),
    ]
    p["baseline"]["leadership_posts"] = 12
    return p


def yongshan(p: dict[str, Any]) -> dict[str, Any]:
    """The base plan under the Yongshan pack: 一办七局 = 8 bodies."""
    p["rule_pack"] = "jiangxi-yongshan"
    p["town"].update(province="江西省", city="景德镇市", county="乐平市", code="360281100000")
    p["bodies"].insert(6, _body("规划建设局", "planning_construction", {"administrative": 0}))
    return p


def jiangsu(p: dict[str, Any]) -> dict[str, Any]:
    p["rule_pack"] = "jiangsu-developed-town"
    p["town"]["developed_town"] = True
    return p


def body(p: dict[str, Any], name: str) -> dict[str, Any]:
    return next(b for b in p["bodies"] if b["name"] == name)


def drop_body(p: dict[str, Any], name: str) -> dict[str, Any]:
    p["bodies"] = [b for b in p["bodies"] if b["name"] != name]
    return p


Patch = Callable[[dict[str, Any]], Any]


def chain(*fs: Patch) -> Patch:
    def run(p: dict[str, Any]) -> dict[str, Any]:
        for f in fs:
            r = f(p)
            p = r if isinstance(r, dict) else p
        return p
    return run


def setin(path: str, value: Any) -> Patch:
    """setin("bodies.0.rank", "正科")"""
    def run(p: dict[str, Any]) -> None:
        parts = [int(x) if x.isdigit() else x for x in path.split(".")]
        obj: Any = p
        for k in parts[:-1]:
            obj = obj[k]
        obj[parts[-1]] = value
    return run


def delin(path: str) -> Patch:
    def run(p: dict[str, Any]) -> None:
        parts = [int(x) if x.isdigit() else x for x in path.split(".")]
        obj: Any = p
        for k in parts[:-1]:
            obj = obj[k]
        del obj[parts[-1]]
    return run


# ---------------------------------------------------------------- the cases
# (code, "good"|"bad", file stem, description, patch, options)
# options: keep_totals (do not recompute totals), rules (pack path relative to the case file)

CASES: list[tuple[str, str, str, str, Patch, dict[str, Any]]] = []


def case(code: str, kind: str, stem: str, desc: str, *patches: Patch, **opts: Any) -> None:
    CASES.append((code, kind, stem, desc, chain(*patches), opts))


def add_bodies(*names_roles: tuple[str, str]) -> Patch:
    def run(p: dict[str, Any]) -> None:
        for name, role in names_roles:
            p["bodies"].append(_body(name, role, {"administrative": 0}))
    return run


# ST000 -- a pack that loosens its parent (the packs live in tests/cases/ST000/packs/)
case("ST000", "bad", "loosened-body-count", "a custom pack extends taizhou-three-integrations and raises body-count.max 9 → 12",
     rules="../packs/loosens-body-count.yaml")
case("ST000", "good", "tightened-body-count", "a custom pack lowers body-count.max 9 → 8: tightening is not reported",
     rules="../packs/tightens-body-count.yaml")
case("ST000", "bad", "disabled-check", "a custom pack extends taizhou-three-integrations and turns body-count off",
     rules="../packs/disables-body-count.yaml")
case("ST000", "bad", "lowered-severity", "a custom pack makes body-count an info instead of an error",
     rules="../packs/lowers-severity.yaml")
case("ST000", "good", "raised-severity", "a custom pack makes baseline-body-unaccounted an error: stricter, not reported",
     rules="../packs/raises-severity.yaml")

# ST101 body count (Taizhou 7..9)
case("ST101", "bad", "ten-bodies-taizhou", "ten functional bodies directly under the town (Taizhou allows 7 to 9)",
     nine, add_bodies(("财政局", "finance")))
case("ST101", "bad", "six-bodies-taizhou", "six functional bodies (Taizhou requires at least 7)",
     lambda p: drop_body(p, "综合指挥调度中心"))
case("ST101", "bad", "eleven-bodies-jiangsu", "eleven bodies in a Jiangsu developed town (at most 10)", jiangsu, nine,
     add_bodies(("财政局", "finance"), ("安全生产和环境保护局", "safety_environment")))
case("ST101", "good", "seven-bodies", "seven bodies: the Taizhou minimum")
case("ST101", "good", "nameplates-not-counted",
     "nine bodies; three extra nameplates (加挂牌子) on them are not bodies", nine,
     setin("bodies.2.nameplates", ["招商服务中心", "科技创新服务中心"]), setin("bodies.3.nameplates", ["退役军人服务站"]))
case("ST101", "good", "subunits-not-counted",
     "nine bodies; the sections and squads (科室、中队) inside them are not bodies", nine,
     setin("bodies.5.subunits", [
         {"name": "执法一中队", "quotas": {"institutional_full": 2}, "actual": 2},
         {"name": "执法二中队", "quotas": {"institutional_full": 2}, "actual": 2},
         {"name": "法规科", "quotas": {"administrative": 1}, "actual": 1},
         {"name": "办公室", "quotas": {"administrative": 1}, "actual": 1}]))
case("ST101", "good", "dispatched-units-not-counted",
     "nine bodies; five dispatched units (派驻机构) stationed in the town are not bodies", nine,
     lambda p: p["dispatched_units"].extend([
         {"name": "示范市场监管所", "parent_department": "泰兴市市场监督管理局", "management": "local"},
         {"name": "示范自然资源所", "parent_department": "泰州市自然资源和规划局泰兴分局", "management": "local"},
         {"name": "示范税务分局", "parent_department": "国家税务总局泰兴市税务局", "management": "local"}]))
case("ST101", "good", "support-centre-not-counted",
     "nine bodies; the one support service centre (综合服务中心) is not a functional body", nine)
case("ST101", "good", "development-zone-not-counted",
     "nine bodies plus the office of a development zone run by the same leadership (一套班子、两块牌子): ten entries, nine counted",
     nine, lambda p: p["bodies"].append(_body("示范经济开发区管理办公室", "other", {"administrative": 0}, "office")),
     setin("development_zone", {"name": "示范经济开发区", "shared_leadership": True, "body": "示范经济开发区管理办公室"}))
case("ST101", "good", "nested-body-not-counted",
     "nine bodies; a tenth sits under the Party and government office (parent:) and is not directly under the town",
     nine, lambda p: p["bodies"].append(_body("信访办公室", "other", {"administrative": 0}, "office", parent="党政办公室")))

# ST102 mandatory bodies (Taizhou: six, inferred)
case("ST102", "bad", "no-approval-bureau", "no body carries approval_service (行政审批局 replaced by a planning bureau)",
     lambda p: p["bodies"].__setitem__(4, _body("规划建设局", "planning_construction", {"administrative": 3, "institutional_full": 4})))
case("ST102", "bad", "mandatory-body-nested", "the approval bureau sits under the Party and government office, so it is not a counted body",
     setin("bodies.4.parent", "党政办公室"), add_bodies(("规划建设局", "planning_construction")))
case("ST102", "good", "traditional-script-names",
     "the six mandatory bodies are written in traditional script and have no `role`: their roles are recognised from the names",
     *[delin(f"bodies.{i}.role") for i in range(6)],
     setin("bodies.0.name", "黨政辦公室"), setin("bodies.1.name", "黨建工作辦公室"), setin("bodies.2.name", "經濟發展局"),
     setin("bodies.3.name", "社會事業局"), setin("bodies.4.name", "行政審批局"), setin("bodies.5.name", "綜合行政執法局"))
case("ST102", "good", "town-prefixed-names", "bodies named with the town's name (示范镇经济发展局) and no `role` still carry their roles",
     delin("bodies.2.role"), setin("bodies.2.name", "示范镇经济发展局"), delin("bodies.3.role"), setin("bodies.3.name", "示范镇社会事业局"))
case("ST102", "good", "role-by-nameplate",
     "approval services carried by a nameplate (便民服务中心) on the Party and government office; a self-chosen body takes its place",
     lambda p: p["bodies"].__setitem__(4, _body("规划建设局", "planning_construction", {"administrative": 3, "institutional_full": 4})),
     setin("bodies.0.nameplates", ["便民服务中心"]))

# ST103 self-chosen bodies (Taizhou 1..3)
case("ST103", "bad", "four-self-chosen", "four self-chosen bodies besides the mandatory six (at most 3)",
     nine, add_bodies(("财政局", "finance")))
case("ST103", "bad", "none-self-chosen", "only the six mandatory bodies (at least one self-chosen)",
     lambda p: drop_body(p, "综合指挥调度中心"))
case("ST103", "good", "three-self-chosen", "three self-chosen bodies", nine)
case("ST103", "good", "one-self-chosen", "one self-chosen body (the command centre)")

# ST201 staffing never grows
case("ST201", "bad", "unrecorded-transfer-growth",
     "administrative quota grows by 1 over the baseline; the transfer that would justify it has no document",
     delin("transfers.0.document"))
case("ST201", "bad", "service-type-grows",
     "a service-worker quota appears (baseline 0) while the total falls: quotas are checked per type",
     setin("bodies.0.quotas", {"administrative": 5, "service": 1}), setin("bodies.0.actual", 6),
     setin("support_center.quotas", {"institutional_full": 8}), setin("support_center.actual", 8))
case("ST201", "bad", "budget-funded-grows", "budget-funded people 56 after the reform, 55 before",
     setin("budget_funded", 56))
case("ST201", "bad", "leadership-posts-grow", "approved leadership posts 8 after the reform, 7 before",
     setin("baseline.leadership_posts", 7))
case("ST201", "good", "recorded-transfer", "administrative quota 24 = baseline 23 + 1 moved down with a document (编随事走)")
case("ST201", "good", "dispatched-quotas-not-counted",
     "the police station's politics-and-law quota belongs to its department, not to the town's total",
     setin("dispatched_units.0.quotas", {"political_legal": 12}), setin("dispatched_units.0.actual", 12))

# ST202 transfer without a document
case("ST202", "bad", "no-document", "a transfer from the county without a document number", delin("transfers.0.document"))
case("ST202", "good", "documented", "the transfer names its document")

# ST203 transfer range and types (Taizhou 1..2, administrative or fully funded)
case("ST203", "bad", "three-quotas", "three administrative quotas moved down (at most 2)",
     setin("transfers.0.count", 3), setin("baseline.quotas.administrative", 21))
case("ST203", "bad", "self-funded-type", "a self-funded institutional quota moved down (only administrative or fully funded)",
     lambda p: p["transfers"].append({"from": "泰兴市", "to": "示范镇", "level": "county", "type": "institutional_self",
                                      "count": 1, "document": "泰编〔2019〕9号"}))
case("ST203", "bad", "none-moved", "no quota moved down (at least 1)",
     setin("transfers", []), setin("baseline.quotas.administrative", 24))
case("ST203", "good", "two-types", "one administrative and one fully funded quota moved down, both documented",
     lambda p: p["transfers"].append({"from": "泰兴市", "to": "示范镇", "level": "county", "type": "institutional_full",
                                      "count": 1, "document": "泰编〔2019〕9号"}))
case("ST203", "good", "unrecorded-not-in-range",
     "an undocumented transfer of 5 is not counted towards the range (it is ST202's business)",
     lambda p: p["transfers"].append({"from": "泰兴市", "to": "示范镇", "level": "county", "type": "administrative", "count": 5}))

# ST301 dispatched units managed locally
case("ST301", "bad", "no-basis-taizhou", "the market-supervision office stays dispatched with no basis (Taizhou: error)",
     lambda p: p["dispatched_units"].append({"name": "示范市场监管所", "parent_department": "泰兴市市场监督管理局",
                                             "management": "dispatched", "assessment_lead": "town",
                                             "head_appointment_consultation": "written"}))
case("ST301", "bad", "no-basis-jiangsu", "a unit stays dispatched with no basis (Jiangsu: a warning)", jiangsu,
     delin("dispatched_units.0.dispatch_basis"))
case("ST301", "good", "all-local", "every dispatched unit is managed locally", setin("dispatched_units.0.management", "local"))
case("ST301", "good", "basis-given", "the police station stays dispatched because the Party centre requires it")

# ST302 assessment led by the town
case("ST302", "bad", "department-leads", "the police station's assessment is led by its department",
     setin("dispatched_units.0.assessment_lead", "department"))
case("ST302", "bad", "not-stated", "the police station stays dispatched and nobody is named to lead its assessment",
     delin("dispatched_units.0.assessment_lead"))
case("ST302", "good", "local-unit-department", "a locally managed unit may record department-led assessment: only dispatched units are checked",
     setin("dispatched_units.1.assessment_lead", "department"))

# ST303 consulting the town on the head's appointment
case("ST303", "bad", "oral-taizhou", "only oral consultation before appointing the police station's head (Taizhou: in writing)",
     setin("dispatched_units.0.head_appointment_consultation", "oral"))
case("ST303", "bad", "none-jiangsu", "the town is not consulted at all (Jiangsu)", jiangsu,
     setin("dispatched_units.0.head_appointment_consultation", "none"))
case("ST303", "good", "oral-jiangsu", "oral consultation is enough in Jiangsu's pack", jiangsu,
     setin("dispatched_units.0.head_appointment_consultation", "oral"))
case("ST303", "good", "written-taizhou", "written consultation (Taizhou)")

# ST401 one support centre
case("ST401", "bad", "separate-institution", "the agricultural service centre is kept outside the one centre",
     setin("support_center.absorbed", []), setin("support_center.quotas", {"institutional_full": 6}),
     setin("support_center.actual", 6),
     setin("support_institutions", [{"name": "农业服务中心", "quotas": {"institutional_full": 4}, "actual": 4}]))
case("ST401", "bad", "no-centre", "no support service centre at all", delin("support_center"),
     setin("baseline.bodies", ["党政办公室", "经济发展办公室", "城管中队"]))
case("ST401", "good", "one-centre", "one centre absorbing the old institutions")

# ST402 old nameplates not kept
case("ST402", "bad", "nameplate-kept-traditional",
     "the absorbed 农业服务中心 lives on as a nameplate written in traditional script (農業服務中心)",
     setin("bodies.2.nameplates", ["農業服務中心"]))
case("ST402", "bad", "subunit-kept", "the absorbed 农业服务中心 lives on as a section of the economic bureau",
     setin("bodies.2.subunits", [{"name": "农业服务中心", "quotas": {"institutional_full": 2}, "actual": 2}]))
case("ST402", "good", "names-dropped", "the absorbed institution's name appears nowhere else")

# ST501 leaders over quota
case("ST501", "bad", "two-principals", "two 局长 in post, one approved", setin("bodies.2.leadership.0.filled", 2))
case("ST501", "bad", "support-centre-deputies", "the support centre has a deputy in post without an approved post",
     lambda p: p["support_center"]["leadership"].append(
         {"title": "副主任", "level": "deputy", "rank": "副科", "approved": 0, "filled": 1}))
case("ST501", "good", "filled-equals-approved", "posts filled equal posts approved; unfilled posts are fine",
     setin("bodies.2.leadership.0.filled", 0))

# ST502 leader above the body's rank
case("ST502", "bad", "bureau-chief-above-bureau", "a 副科 bureau whose 局长 is 正科", setin("bodies.2.leadership.0.rank", "正科"))
case("ST502", "good", "same-rank", "the 局长 has the bureau's rank")

# ST503 body at or above the town's rank
case("ST503", "bad", "bureau-at-town-rank", "a 正科 town with a 正科 bureau", setin("bodies.2.rank", "正科"),
     setin("bodies.2.leadership.0.rank", "正科"))
case("ST503", "good", "bureau-below-town", "every body is below the town's rank (副科 and 股级)", setin("bodies.6.rank", "股级"),
     setin("bodies.6.leadership.0.rank", "股级"))

# ST504 unapproved titles
case("ST504", "bad", "invented-title", "a 常务副局长 is not an approved title",
     lambda p: body(p, "经济发展局")["leadership"].append(
         {"title": "常务副局长", "level": "deputy", "rank": "副科", "approved": 1, "filled": 1}),
     setin("baseline.leadership_posts", 12))
case("ST504", "bad", "unknown-rank", "a body ranked 副科级 (not on the rank ladder)", setin("bodies.1.rank", "副科级"))
case("ST504", "good", "approved-titles", "主任, 局长 and 副局长 are approved titles",
     lambda p: body(p, "经济发展局")["leadership"].append(
         {"title": "副局长", "level": "deputy", "rank": "副科", "approved": 1, "filled": 1}))

# ST601 the 1+4 elements
case("ST601", "bad", "no-grid", "no `grid:` section", delin("grid"))
case("ST601", "bad", "grid-not-unified", "several grids kept side by side (多网未合一)", setin("grid.unified", False))
case("ST601", "bad", "no-party-building-jiangsu", "no Party-building body in a Jiangsu developed town", jiangsu,
     lambda p: p["bodies"].__setitem__(1, _body("农业农村局", "agriculture_rural", {"administrative": 3}, "bureau")))
case("ST601", "good", "enforcement-by-traditional-name",
     "the enforcement team is recognised from a traditional-script name with no `role` (綜合執法局)",
     delin("bodies.5.role"), setin("bodies.5.name", "綜合執法局"))
case("ST601", "good", "all-elements", "all five elements present")

# ST602 grid size (Yongshan: one grid per thousand residents)
case("ST602", "bad", "too-few-grids", "28,000 residents in 20 grids (one per thousand needs 28)", yongshan,
     setin("grid", {"grids": 20, "workers": 20}))
case("ST602", "bad", "grid-without-worker", "30 grids but 25 grid workers", yongshan, setin("grid.workers", 25))
case("ST602", "good", "one-per-thousand", "28,000 residents in 28 grids with 28 workers", yongshan,
     setin("grid", {"grids": 28, "workers": 28}))

# ST603 command centre staffed 24h (Yongshan)
case("ST603", "bad", "office-hours", "the command centre is staffed in office hours only", yongshan,
     setin("command_center.staffed_24h", False))
case("ST603", "good", "round-the-clock", "the command centre is staffed 24 hours", yongshan)

# ST701 five lists
case("ST701", "bad", "no-service-list", "the service list (服务清单) is missing", delin("lists.service"))
case("ST701", "bad", "list-without-document", "the responsibility list has no document", setin("lists.responsibility", {"items": 40}))
case("ST701", "bad", "no-duty-admission", "duty admission (职责准入) is not in place", setin("lists.duty_admission", False))
case("ST701", "good", "five-lists", "the five lists, each with its document, and duty admission")

# ST702 delegated powers catalogued
case("ST702", "bad", "no-catalogue", "158 approval items and 994 penalty powers but no catalogue",
     setin("powers", {"approval_items": 158, "penalty_powers": 994}))
case("ST702", "bad", "county-department-acts", "the county department, not the town, is the legal actor",
     setin("powers.legal_actor", "county_department"))
case("ST702", "bad", "returned-without-document", "91 gas-enforcement powers handed back without a document",
     setin("powers.returned", [{"area": "燃气管理", "count": 91}]))
case("ST702", "good", "returned-with-document", "91 gas-enforcement powers handed back with a document (Zhangpu)",
     setin("powers.returned", [{"area": "燃气管理", "count": 91, "document": "昆政发〔2017〕58号"}]))

# ST801 developed towns are towns
case("ST801", "bad", "street-marked-developed", "a street marked as a developed town", setin("town.unit_type", "street"),
     setin("town.name", "示范街道"), setin("transfers.0.to", "示范街道"), setin("town.developed_town", True))
case("ST801", "good", "street-not-developed", "a street in the Taizhou reform, not a developed town",
     setin("town.unit_type", "street"), setin("town.name", "示范街道"), setin("transfers.0.to", "示范街道"))

# ST802 pack covers the unit
case("ST802", "bad", "street-jiangsu-pack", "a street checked with the developed-town pack (towns only)", jiangsu,
     setin("town.developed_town", False), setin("town.unit_type", "street"), setin("town.name", "示范街道"))
case("ST802", "good", "street-taizhou-pack", "a street checked with Taizhou's pack (towns and streets)",
     setin("town.unit_type", "street"), setin("town.name", "示范街道"))

# ST901 totals add up
case("ST901", "bad", "administrative-total", "stated administrative total 26; the bodies add up to 24",
     finalize, setin("totals.quotas.administrative", 26), keep_totals=True)
case("ST901", "bad", "leadership-total", "stated leadership posts 9; the posts add up to 8",
     finalize, setin("totals.leadership_posts", 9), keep_totals=True)
case("ST901", "bad", "budget-total", "stated budget-funded 48, but budget_funded is 50",
     finalize, setin("totals.budget_funded", 48), keep_totals=True)
case("ST901", "good", "totals-add-up", "totals equal the sum over the bodies and the centre (sub-units are not added again)")

# ST902 sub-units inside their body
case("ST902", "bad", "squads-exceed-bureau", "the enforcement bureau has 6 fully funded quotas; its squads 4 + 3 = 7",
     setin("bodies.5.subunits", [{"name": "执法一中队", "quotas": {"institutional_full": 4}, "actual": 4},
                                 {"name": "执法二中队", "quotas": {"institutional_full": 3}, "actual": 3}]))
case("ST902", "good", "squads-fill-bureau", "squads 3 + 3 = 6, exactly the bureau's quota",
     setin("bodies.5.subunits", [{"name": "执法一中队", "quotas": {"institutional_full": 3}, "actual": 3},
                                 {"name": "执法二中队", "quotas": {"institutional_full": 3}, "actual": 3}]))

# ST903 over establishment
case("ST903", "bad", "body-over", "6 quotas, 8 people in post (超编)", setin("bodies.2.actual", 8))
case("ST903", "bad", "squad-over", "a squad of 4 quotas with 5 people", setin("bodies.5.subunits.0.actual", 5))
case("ST903", "good", "vacancies", "fewer people than quotas (空编) is fine", setin("bodies.2.actual", 4))

# ST904 unique names
case("ST904", "bad", "two-economic-bureaus", "two bodies named 经济发展局",
     add_bodies(("经济发展局", "other")))
case("ST904", "bad", "traditional-duplicate", "經濟發展局 and 经济发展局 are the same name",
     add_bodies(("經濟發展局", "other")))
case("ST904", "bad", "nameplate-equals-body", "a nameplate with the name of another body",
     setin("bodies.3.nameplates", ["经济发展局"]))
case("ST904", "good", "same-section-in-two-bodies", "two bureaus may each have a section named 办公室",
     setin("bodies.2.subunits", [{"name": "办公室", "quotas": {"administrative": 1}, "actual": 1}]),
     setin("bodies.5.subunits", [{"name": "执法中队", "quotas": {"institutional_full": 4}, "actual": 4},
                                 {"name": "办公室", "quotas": {"administrative": 1}, "actual": 1}]))

# ST905 hierarchy
case("ST905", "bad", "own-parent", "a body that is its own parent", setin("bodies.6.parent", "综合指挥调度中心"))
case("ST905", "bad", "unknown-parent", "a parent that names no body of the plan", setin("bodies.6.parent", "城市管理局"))
case("ST905", "bad", "two-body-cycle", "A under B under A",
     add_bodies(("信访办公室", "other"), ("督查办公室", "other")),
     lambda p: (p["bodies"][-2].__setitem__("parent", "督查办公室"), p["bodies"][-1].__setitem__("parent", "信访办公室")))
case("ST905", "good", "nested", "a body under another body, which is under the town",
     add_bodies(("信访办公室", "other")), lambda p: p["bodies"][-1].__setitem__("parent", "党政办公室"))
case("ST905", "good", "parent-is-town", "`parent` naming the town itself is the same as leaving it out",
     setin("bodies.6.parent", "示范镇"))

# ST906 baseline bodies accounted for (a warning)
case("ST906", "bad", "old-body-lost", "the pre-reform 安监站 went nowhere",
     setin("baseline.bodies", ["党政办公室", "经济发展办公室", "农业服务中心", "城管中队", "安监站"]))
case("ST906", "bad", "unknown-merged-body", "a body lists a merged_from name that was not a pre-reform body",
     setin("bodies.3.merged_from", ["文化站"]))
case("ST906", "good", "all-accounted", "every old body is merged, absorbed or kept; traditional script matches (黨政辦公室)",
     setin("bodies.0.merged_from", ["黨政辦公室"]))


# ---------------------------------------------------------------- writing


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", data)


_Dumper.add_representer(str, _str)


class Block(dict):  # type: ignore[type-arg]
    """A mapping written one key per line even when its values are all scalars."""


_Dumper.add_representer(Block, lambda d, data: d.represent_mapping("tag:yaml.org,2002:map", data, flow_style=False))


def render(plan: dict[str, Any]) -> str:
    plan = dict(plan)
    plan["dispatched_units"] = [Block(u) for u in plan.get("dispatched_units", [])]
    for key in ("powers", "command_center", "development_zone"):
        if isinstance(plan.get(key), dict):
            plan[key] = Block(plan[key])
    return yaml.dump(plan, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=None, width=160)


def header(code: str, kind: str, desc: str, rules: str | None, where: str) -> str:
    lines = [f"# {code} {kind}: {desc}"]
    lines.append(f"# expect: {code} @ {where}" if kind == "bad" else f"# expect-not: {code}")
    if rules:
        lines.append(f"# rules: {rules}")
    return "\n".join(lines) + "\n"


def main() -> int:
    sys.path.insert(0, str(HERE.parents[1] / "src"))
    from staffing.run.engine import Settings, check_file, pack_findings

    for d in HERE.glob("ST*/good"):
        shutil.rmtree(d)
    for d in HERE.glob("ST*/bad"):
        shutil.rmtree(d)
    os.chdir(HERE.parents[1])
    failures = 0
    for code, kind, stem, desc, patch, opts in CASES:
        plan = patch(base())
        if not opts.get("keep_totals"):
            finalize(plan)
        folder = HERE / code / kind
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{stem}.yaml"
        rules = opts.get("rules")
        body_text = render(plan)
        path.write_text(header(code, kind, desc, rules, "0:0") + body_text, encoding="utf-8")
        settings = Settings(rules=str((folder / rules).resolve().relative_to(Path.cwd())) if rules else None)
        result = check_file(str(path.relative_to(Path.cwd())), settings)
        if result.error is not None:
            print(f"UNUSABLE {path}: {result.error.message('en')}")
            failures += 1
            continue
        found = list(result.findings) + (pack_findings(result.pack) if result.pack else [])
        mine = sorted((f for f in found if f.code == code), key=lambda f: (f.line, f.column))
        if kind == "bad":
            if not mine:
                print(f"MISSING {code} in {path}: got {[f.code for f in found]}")
                failures += 1
                continue
            where = f"{mine[0].line}:{mine[0].column}"
            if rules and mine[0].file != str(path.relative_to(Path.cwd())):
                where += f" in {rules}"
            path.write_text(header(code, kind, desc, rules, where) + body_text, encoding="utf-8")
        elif mine:
            print(f"UNEXPECTED {code} in {path}: {mine[0].message_en}")
            failures += 1
        others = sorted({f.code for f in found} - {code})
        print(f"{code} {kind:4} {stem:<36} others: {' '.join(others)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
