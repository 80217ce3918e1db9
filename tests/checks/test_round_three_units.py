"""The units the support-centre rules (ST401, ST402) hold, wherever the plan writes them: the
centre (its own section, marked among the institutions, or named so among the bodies or the
institutions) and every other institution (among the bodies too)."""

from __future__ import annotations

import yaml

from staffing.checks.context import Context
from staffing.packs.load import resolve
from staffing.plan.model import Plan

PLAN = """
town: {name: 样板镇, code: '320000000001', unit_type: town, province: 江苏省, city: 泰州市, county: 泰兴市}
rule_pack: taizhou-three-integrations
not_provided: [baseline]
bodies:
  - {name: 党政办公室}
  - {name: 样板镇综合服务中心, category: institution, merged_from: [农业服务中心]}
  - {name: 文化站}
  - {name: 农技推广中心, category: institution}
  - {name: 經濟發展局（农业服务中心）}
support_institutions: [{name: 财政所}]
institutions:
  - {name: 卫生院, kind: service}
  - {name: 农业综合服务中心, absorbed: [水利站]}
"""


def context(text: str = PLAN) -> Context:
    plan = Plan.model_validate(yaml.safe_load(text))
    return Context.of(plan, resolve(plan.rule_pack))


def test_the_centre_and_the_institutions_wherever_written() -> None:
    ctx = context()
    assert [(u.name, u.loc) for u in ctx.centres] == [("样板镇综合服务中心", ("bodies", 1))]
    assert [(u.name, u.written, u.institution_kind) for u in ctx.institutions] == [
        ("文化站", "bodies", "support"), ("农技推广中心", "bodies", "support"), ("财政所", "support_institutions", "support"),
        ("卫生院", "institutions", "service"), ("农业综合服务中心", "institutions", "support")]
    # the centre written among the bodies absorbed what it merged; no body read as an institution counts
    assert ctx.centres[0].absorbed == ("农业服务中心",)
    assert ctx.counted == [0, 4]


def test_a_marked_centre_and_a_centre_named_so_are_two() -> None:
    ctx = context(PLAN + "  - {name: 便民中心, support_center: true}\n")
    assert [u.name for u in ctx.centres] == ["样板镇综合服务中心", "便民中心"]
