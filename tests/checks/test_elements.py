"""ST6xx, the “1+4” elements (`staffing/checks/elements.py`): the five elements, the grid
and its workers, the command centre, approval and enforcement work in their bureaus."""

from __future__ import annotations

from pathlib import Path

import pytest

from casebook import Case, bad_cases, case_id, check_bad_case, check_good_case, good_cases
from staffing.run.engine import check_file

from conftest import CASES


@pytest.mark.parametrize("case", bad_cases("elements"), ids=case_id)
def test_bad_case_reports_its_code(case: Case) -> None:
    check_bad_case(case)


@pytest.mark.parametrize("case", good_cases("elements"), ids=case_id)
def test_good_case_does_not_report_its_code(case: Case) -> None:
    check_good_case(case)


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
