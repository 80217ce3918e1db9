"""ST0xx, codes of a run (`staffing/checks/runlevel.py`): the case plans of ST000, a pack
that loosens its parent (ST001–ST003 are reported by the engine and the waivers: their
tests are tests/io/test_load.py, tests/run/test_waivers.py and tests/io/test_workbook_hostile.py)."""

from __future__ import annotations

import pytest

from casebook import Case, bad_cases, case_id, check_bad_case, check_good_case, good_cases


@pytest.mark.parametrize("case", bad_cases("runlevel"), ids=case_id)
def test_bad_case_reports_its_code(case: Case) -> None:
    check_bad_case(case)


@pytest.mark.parametrize("case", good_cases("runlevel"), ids=case_id)
def test_good_case_does_not_report_its_code(case: Case) -> None:
    check_good_case(case)
