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


def test_a_section_is_the_second_team_beside_an_institution_not_the_first(tmp_path: Path) -> None:
    """The team is an institution (综合执法大队), and 经济发展局, written before it, keeps a section
    城管监察大队: the section is the second team, whatever the order the plan writes them in."""
    text = (CASES / "ST607" / "bad" / "enforcement-squad-among-the-institutions.yaml").read_text(encoding="utf-8")
    text = text.replace("- {name: 城管监察大队, kind: service,", "- {name: 综合执法大队, kind: service,")
    text = text.replace("  role: comprehensive_enforcement\n", "  role: other\n").replace("- name: 综合行政执法局\n", "- name: 执法协调办公室\n")
    text = text.replace("  merged_from: [经济发展办公室]\n",
                        "  merged_from: [经济发展办公室]\n  subunits:\n  - {name: 城管监察大队, quotas: {institutional_full: 1}, actual: 1}\n", 1)
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    found = [f for f in check_file(str(plan)).findings if f.code == "ST607"]
    # and the 执法中队 the renamed office still keeps is a squad outside the team too
    assert [(f.loc, f.message.zh) for f in found] == [
        (("bodies", 2, "subunits", 0, "name"), "城管监察大队是综合执法大队之外的又一支执法队伍：执法力量应整合为一支执法队伍"),
        (("bodies", 5, "subunits", 0, "name"), "执法中队是综合执法大队之外的又一支执法队伍：执法力量应整合为一支执法队伍")]
