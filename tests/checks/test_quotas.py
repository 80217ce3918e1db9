"""ST2xx, the quotas (`staffing/checks/quotas.py`): staffing never grows, except quota moved
down with the work, documented and within the pack's range."""

from __future__ import annotations

import pytest

from casebook import Case, bad_cases, case_id, case_result, check_bad_case, check_good_case, good_cases


@pytest.mark.parametrize("case", bad_cases("quotas"), ids=case_id)
def test_bad_case_reports_its_code(case: Case) -> None:
    check_bad_case(case)


@pytest.mark.parametrize("case", good_cases("quotas"), ids=case_id)
def test_good_case_does_not_report_its_code(case: Case) -> None:
    check_good_case(case)


def test_recorded_transfer_is_growth_unrecorded_is_reported_once() -> None:
    good = case_result("ST201/good/recorded-transfer.yaml")
    once = case_result("ST201/good/undocumented-transfer-reported-once.yaml")
    assert not [f for f in good.findings if f.code == "ST201"]
    # one missing document number is one finding (ST202), not also ST201 and ST203
    assert [f.code for f in once.findings if f.severity.value == "error"] == ["ST202"]
    beyond = case_result("ST201/bad/growth-beyond-undocumented-transfer.yaml")
    st201 = [f for f in beyond.findings if f.code == "ST201"]
    assert st201 and st201[0].numbers["excess"] == 1 and st201[0].numbers["moved"] == 1


def test_jiangsu_allows_no_growth_by_transfer() -> None:
    st201 = [f for f in case_result("ST201/bad/jiangsu-recorded-transfer.yaml").findings if f.code == "ST201"]
    assert st201 and st201[0].numbers == {"after": 24, "before": 23, "moved": 0, "excess": 1}


def test_no_quota_moved_down_is_the_countys_warning() -> None:
    st203 = [f for f in case_result("ST203/bad/none-moved.yaml").findings if f.code == "ST203"]
    assert [f.severity.value for f in st203] == ["warning"] and "泰兴市" in st203[0].message.zh


def test_quotas_are_checked_per_type_and_in_total() -> None:
    r = case_result("ST201/bad/service-type-grows.yaml")
    st201 = [f for f in r.findings if f.code == "ST201"]
    assert len(st201) == 1 and "service" in st201[0].message.en  # the total fell, one type grew
