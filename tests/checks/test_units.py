"""The normalized reading of a plan (`Context.units`): every unit, wherever the plan wrote
it, once, with its kind, where it was written and the unit it sits under."""

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
  - {name: 党政办公室, subunits: [{name: 秘书科}]}
  - {name: 综合行政执法局, subunits: [{name: 一中队}, {name: 二中队}]}
  - {name: 招商服务局, parent: 综合行政执法局, rank: 副科}
  - {name: 农业服务站, category: institution}
support_center: {name: 综合服务中心, absorbed: [文化站]}
support_institutions: [{name: 财政所}]
institutions:
  - {name: 卫生院, kind: service}
  - {name: 便民服务中心, support_center: true}
dispatched_units:
  - {name: 派出所, parent_department: 泰兴市公安局, management: dispatched}
"""


def context() -> Context:
    plan = Plan.model_validate(yaml.safe_load(PLAN))
    return Context.of(plan, resolve(plan.rule_pack))


def test_every_unit_once_wherever_it_is_written() -> None:
    units = context().units
    assert [(u.kind, u.name, u.loc) for u in units] == [
        ("body", "党政办公室", ("bodies", 0)),
        ("section", "秘书科", ("bodies", 0, "subunits", 0)),
        ("body", "综合行政执法局", ("bodies", 1)),
        ("section", "一中队", ("bodies", 1, "subunits", 0)),
        ("section", "二中队", ("bodies", 1, "subunits", 1)),
        ("body", "招商服务局", ("bodies", 2)),
        ("body", "农业服务站", ("bodies", 3)),
        ("centre", "综合服务中心", ("support_center",)),
        ("institution", "财政所", ("support_institutions", 0)),
        ("institution", "卫生院", ("institutions", 0)),
        ("centre", "便民服务中心", ("institutions", 1)),
        ("dispatched", "派出所", ("dispatched_units", 0)),
    ]


def test_each_unit_knows_where_it_sits_and_what_it_was_read_as() -> None:
    ctx = context()
    by_name = {u.name: u for u in ctx.units}
    assert by_name["一中队"].parent == ("bodies", 1) and by_name["一中队"].written == "subunits"
    assert by_name["招商服务局"].parent == ("bodies", 1)  # a body under another body
    assert by_name["党政办公室"].parent is None  # under the town
    assert by_name["农业服务站"].category == "institution"  # written among the bodies, read as an institution
    assert by_name["党政办公室"].roles == ("party_government_office",)
    assert by_name["综合服务中心"].absorbed == ("文化站",)
    assert by_name["卫生院"].institution_kind == "service" and by_name["财政所"].institution_kind == "support"
    assert [u.name for u in ctx.units_written("support_institutions", "institutions")] == ["财政所", "卫生院", "便民服务中心"]
    assert ctx.trail_of(by_name["二中队"]) == (("综合行政执法局", "综合行政执法局"), ("二中队", "二中队"))
    assert ctx.trail_of(by_name["卫生院"])[1] == ("卫生院", "卫生院")
