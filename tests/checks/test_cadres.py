"""ST5xx, cadres and ranks (`staffing/checks/cadres.py`): the “三超两乱” prohibitions."""

from __future__ import annotations

import pytest

from casebook import Case, bad_cases, case_id, check_bad_case, check_good_case, good_cases


@pytest.mark.parametrize("case", bad_cases("cadres"), ids=case_id)
def test_bad_case_reports_its_code(case: Case) -> None:
    check_bad_case(case)


@pytest.mark.parametrize("case", good_cases("cadres"), ids=case_id)
def test_good_case_does_not_report_its_code(case: Case) -> None:
    check_good_case(case)
