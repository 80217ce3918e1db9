"""Property-based tests: generated plans never crash the checker, and the checks obey
invariants that follow from the rules themselves.

- adding a nameplate (加挂牌子) never changes the body count (ST101);
- moving quota between bodies never changes the totals (ST201, ST901);
- removing a body never raises staffing (ST201 only ever gets better);
- whatever the plan, check, load and report end in findings, never an exception.
"""

from __future__ import annotations

import json
import re
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from staffing.findings import Finding
from staffing.io.load import Document, load_text
from staffing.packs.load import available, resolve
from staffing.plan.model import QUOTA_TYPES, Plan
from staffing.run.engine import run_checks

PACKS = sorted(available())
SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ROLES = [
    "party_government_office", "party_building", "economic_development", "social_affairs",
    "approval_service", "comprehensive_enforcement", "planning_construction", "agriculture_rural",
    "safety_environment", "finance", "command_center", "other", None,
]
BODY_NAMES = [
    "党政办公室", "党建工作办公室", "经济发展局", "社会事业局", "行政审批局", "综合行政执法局",
    "规划建设局", "农业农村局", "财政局", "综合指挥调度中心", "安全生产监督管理局", "便民服务中心",
    "黨政辦公室", "经济发展办公室", "Office 7", "名字\u202e反转", "<b>&\"局\"</b>",
]
PLATE_NAMES = ["便民服务中心", "招商局", "退役军人服务站", "新时代文明实践所", "人武部", "综治中心"]

counts = st.integers(min_value=0, max_value=60)
quotas = st.fixed_dictionaries({}, optional={t: counts for t in QUOTA_TYPES})


@st.composite
def bodies(draw: st.DrawFn) -> list[dict[str, Any]]:
    names = draw(st.lists(st.sampled_from(BODY_NAMES), min_size=1, max_size=12, unique=True))
    out = []
    for name in names:
        body: dict[str, Any] = {"name": name, "quotas": draw(quotas)}
        role = draw(st.sampled_from(ROLES))
        if role:
            body["role"] = role
        if draw(st.booleans()):
            body["kind"] = draw(st.sampled_from(["office", "bureau", "centre", "other"]))
        if draw(st.integers(0, 5)) == 0:  # sometimes under another body, or itself
            body["parent"] = draw(st.sampled_from(names + ["不存在的机构"]))
        if draw(st.booleans()):
            body["actual"] = draw(counts)
        if draw(st.booleans()):
            body["leadership"] = [
                {"title": draw(st.sampled_from(["局长", "主任", "副局长", "副主任"])),
                 "level": draw(st.sampled_from(["principal", "deputy"])),
                 "approved": draw(st.integers(0, 3)), "filled": draw(st.integers(0, 4))}
            ]
        plates = draw(st.lists(st.sampled_from(PLATE_NAMES), max_size=2, unique=True))
        if plates:
            body["nameplates"] = plates
        if draw(st.integers(0, 3)) == 0:
            body["subunits"] = [{"name": "一中队", "quotas": draw(quotas)}]
        out.append(body)
    return out


@st.composite
def plans(draw: st.DrawFn) -> dict[str, Any]:
    data: dict[str, Any] = {
        "town": {
            "name": "测试镇",
            "code": "321282104000",
            "unit_type": draw(st.sampled_from(["town", "township", "street"])),
            "developed_town": draw(st.booleans()),
            "province": "江苏省",
            "city": "泰州市",
            "county": "靖江市",
        },
        "rule_pack": draw(st.sampled_from(PACKS)),
        "baseline": {
            "quotas": draw(quotas),
            "bodies": draw(st.lists(st.sampled_from(BODY_NAMES + ["财政所", "安监站"]), max_size=5, unique=True)),
        },
        "bodies": draw(bodies()),
    }
    if draw(st.booleans()):
        data["baseline"]["leadership_posts"] = draw(counts)
    if draw(st.booleans()):
        data["totals"] = {"quotas": draw(quotas)}
    if draw(st.booleans()):
        data["support_center"] = {"name": "测试镇综合服务中心", "quotas": draw(quotas)}
    if draw(st.booleans()):
        data["transfers"] = [
            {"from": "靖江市", "to": "测试镇", "level": "county", "type": draw(st.sampled_from(QUOTA_TYPES)),
             "count": draw(st.integers(0, 5)), "document": draw(st.sampled_from([None, "靖编〔2019〕21号"]))}
        ]
    if draw(st.booleans()):
        data["dispatched_units"] = [
            {"name": "测试派出所", "parent_department": "靖江市公安局",
             "management": draw(st.sampled_from(["local", "dispatched"]))}
        ]
    if draw(st.booleans()):
        data["grid"] = {"grids": draw(counts), "workers": draw(counts)}
    return data


def check(data: dict[str, Any]) -> list[Finding]:
    """Load the plan as a file would be (JSON text → Document), validate, run every check."""
    doc: Document = load_text("plan.json", json.dumps(data, ensure_ascii=False, indent=1))
    plan = Plan.model_validate(doc.data)
    return run_checks(plan, resolve(plan.rule_pack), doc)


def of(findings: list[Finding], code: str) -> list[tuple[str, dict[str, Any]]]:
    """The findings of one check: message and numbers, not positions (which move)."""
    return sorted((f.message.en, f.numbers) for f in findings if f.code == code)  # type: ignore[misc]


@SETTINGS
@given(plans())
def test_checker_never_crashes(data: dict[str, Any]) -> None:
    findings = check(data)
    for f in findings:
        assert f.code.startswith("ST")
        assert f.line >= 1 and f.column >= 1
        assert f.message.zh and f.message.en


@SETTINGS
@given(plans(), st.data())
def test_adding_a_nameplate_never_changes_the_body_count(data: dict[str, Any], more: st.DataObject) -> None:
    before = check(data)
    i = more.draw(st.integers(0, len(data["bodies"]) - 1))
    plate = more.draw(st.sampled_from(PLATE_NAMES + ["加挂牌子甲", "加挂牌子乙"]))
    assume(plate not in data["bodies"][i].get("nameplates", []))
    data["bodies"][i].setdefault("nameplates", []).append(plate)
    after = check(data)
    assert of(after, "ST101") == of(before, "ST101")


@SETTINGS
@given(plans(), st.data())
def test_moving_quota_between_bodies_keeps_the_totals(data: dict[str, Any], more: st.DataObject) -> None:
    assume(len(data["bodies"]) >= 2)
    i, j = more.draw(st.lists(st.integers(0, len(data["bodies"]) - 1), min_size=2, max_size=2, unique=True))
    t = more.draw(st.sampled_from(QUOTA_TYPES))
    have = data["bodies"][i]["quotas"].get(t, 0)
    assume(have > 0)
    k = more.draw(st.integers(1, have))
    before = check(data)
    data["bodies"][i]["quotas"][t] = have - k
    data["bodies"][j]["quotas"][t] = data["bodies"][j]["quotas"].get(t, 0) + k
    after = check(data)
    assert of(after, "ST201") == of(before, "ST201")
    assert of(after, "ST901") == of(before, "ST901")


@SETTINGS
@given(plans(), st.data())
def test_removing_a_body_never_raises_staffing(data: dict[str, Any], more: st.DataObject) -> None:
    """Every ST201 finding after the removal was there before, with no larger excess."""
    assume(len(data["bodies"]) >= 2)
    before = growth(check(data))
    del data["bodies"][more.draw(st.integers(0, len(data["bodies"]) - 1))]
    after = growth(check(data))
    for kind, excess in after.items():
        assert kind in before, f"removing a body made staffing grow: {kind}"
        assert excess <= before[kind]


def growth(findings: list[Finding]) -> dict[str, int]:
    """ST201 findings by kind (the message with its numbers blanked) → excess."""
    return {re.sub(r"\d+", "#", f.message.en): int(f.numbers.get("excess", 0))
            for f in findings if f.code == "ST201"}
