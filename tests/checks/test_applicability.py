"""ST8xx, which units a pack covers and from when (`staffing/checks/applicability.py`)."""

from __future__ import annotations

import pytest

from casebook import Case, bad_cases, case_id, check_bad_case, check_good_case, good_cases


@pytest.mark.parametrize("case", bad_cases("applicability"), ids=case_id)
def test_bad_case_reports_its_code(case: Case) -> None:
    check_bad_case(case)


@pytest.mark.parametrize("case", good_cases("applicability"), ids=case_id)
def test_good_case_does_not_report_its_code(case: Case) -> None:
    check_good_case(case)
