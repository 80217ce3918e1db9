"""ST3xx, units dispatched by county departments (`staffing/checks/dispatched.py`): a
basis to stay dispatched, the town leading their assessment and consulted on their heads."""

from __future__ import annotations

import pytest

from casebook import Case, bad_cases, case_id, case_result, check_bad_case, check_good_case, good_cases


@pytest.mark.parametrize("case", bad_cases("dispatched"), ids=case_id)
def test_bad_case_reports_its_code(case: Case) -> None:
    check_bad_case(case)


@pytest.mark.parametrize("case", good_cases("dispatched"), ids=case_id)
def test_good_case_does_not_report_its_code(case: Case) -> None:
    check_good_case(case)


def test_jiangsu_dispatch_without_basis_is_a_warning_taizhou_an_error() -> None:
    js = [f for f in case_result("ST301/bad/no-basis-jiangsu.yaml").findings if f.code == "ST301"]
    tz = [f for f in case_result("ST301/bad/no-basis-taizhou.yaml").findings if f.code == "ST301"]
    assert js[0].severity.value == "warning"
    assert tz[0].severity.value == "error"
