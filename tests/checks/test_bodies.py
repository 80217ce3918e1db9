"""ST1xx, the bodies (`staffing/checks/bodies.py`): how many functional bodies, which roles
they must carry, the self-chosen ones and nested units with a rank; what is counted."""

from __future__ import annotations

import pytest

from casebook import Case, bad_cases, case_id, case_result, check_bad_case, check_good_case, good_cases


@pytest.mark.parametrize("case", bad_cases("bodies"), ids=case_id)
def test_bad_case_reports_its_code(case: Case) -> None:
    check_bad_case(case)


@pytest.mark.parametrize("case", good_cases("bodies"), ids=case_id)
def test_good_case_does_not_report_its_code(case: Case) -> None:
    check_good_case(case)


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
        r = case_result(rel)
        assert r.plan is not None and r.pack is not None
        ctx = Context(r.plan, build_graph(r.plan), r.pack)
        assert len(r.plan.bodies) == listed, rel
        assert len(ctx.counted) == 9, rel


def test_traditional_script_names_carry_roles() -> None:
    from staffing.checks.context import Context
    from staffing.plan.graph import build_graph

    r = case_result("ST102/good/traditional-script-names.yaml")
    assert r.plan is not None and r.pack is not None
    ctx = Context(r.plan, build_graph(r.plan), r.pack)
    assert [ctx.role_of(i) for i in range(6)] == [
        "party_government_office", "party_building", "economic_development",
        "social_affairs", "approval_service", "comprehensive_enforcement",
    ]
    assert r.plan.bodies[5].name == "綜合行政執法局"
