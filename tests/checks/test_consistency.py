"""ST9xx, the plan agrees with itself (`staffing/checks/consistency.py`): totals, quota of
sections, people in post, names, the hierarchy, the pre-reform bodies, cross-held posts."""

from __future__ import annotations

from pathlib import Path

import pytest

from casebook import Case, bad_cases, case_id, check_bad_case, check_good_case, good_cases

from conftest import GOOD_TEXT, plan_variant, run_cli, run_json


@pytest.mark.parametrize("case", bad_cases("consistency"), ids=case_id)
def test_bad_case_reports_its_code(case: Case) -> None:
    check_bad_case(case)


@pytest.mark.parametrize("case", good_cases("consistency"), ids=case_id)
def test_good_case_does_not_report_its_code(case: Case) -> None:
    check_good_case(case)


@pytest.mark.parametrize("variant", ["self", "cycle"])
def test_hierarchy_cycle_is_a_finding_not_a_crash(variant: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if variant == "self":
        f = plan_variant(tmp_path, "plan.yaml", "  - name: 经济发展局\n", "  - name: 经济发展局\n    parent: 经济发展局\n")
    else:
        text = GOOD_TEXT.replace("  - name: 经济发展局\n", "  - name: 经济发展局\n    parent: 社会事业局\n")
        text = text.replace("  - name: 社会事业局\n", "  - name: 社会事业局\n    parent: 规划建设局\n")
        text = text.replace("  - name: 规划建设局\n", "  - name: 规划建设局\n    parent: 经济发展局\n")
        f = tmp_path / "plan.yaml"
        f.write_text(text, encoding="utf-8")
    code, report = run_json(capsys, str(f))
    assert code == 1
    codes = {x["code"] for x in report["files"][0]["findings"]}
    assert "ST905" in codes
    code, out, err = run_cli(capsys, str(f))
    assert code == 1 and "ST905" in out and "Traceback" not in out + err
