"""Unknown figures, round three: nothing unknown passes silently, and what the plan itself
states is judged where its parts are unknown (只减不增, 003)."""

from __future__ import annotations

import json

import pytest

from staffing.cli.main import main

from conftest import CASES


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, object]]:
    code = main(["check", "--no-cache", "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("case", [
    "ST201/bad/stated-total-over-baseline-part-unknown.yaml",
    "ST201/bad/stated-total-over-baseline-section-not-provided.yaml",
    "ST201/bad/transfers-not-provided-growth-beyond-range.yaml",
])
def test_growth_the_plan_states_fails_even_when_incomplete_is_allowed(case: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, data = check(capsys, "--allow-incomplete", str(CASES / case))
    files = data["files"]
    assert isinstance(files, list)
    assert code == 1 and files[0]["status"] == "fail"
    assert any(f["code"] == "ST201" and f["severity"] == "error" for f in files[0]["findings"])


@pytest.mark.parametrize("case", [
    "ST201/bad/transfers-not-provided-growth-within-range.yaml",
    "ST201/bad/baseline-leadership-posts-left-out.yaml",
    "ST201/bad/budget-funded-not-provided.yaml",
])
def test_what_cannot_be_judged_is_incomplete_never_passed(case: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, data = check(capsys, str(CASES / case))
    files = data["files"]
    assert isinstance(files, list)
    assert code == 1 and files[0]["status"] == "incomplete"
    assert [f["severity"] for f in files[0]["findings"] if f["code"] == "ST201"] == ["unknown"]
    code, _ = check(capsys, "--allow-incomplete", str(CASES / case))
    assert code == 0


def test_a_stated_total_within_the_baseline_passes_the_growth_test(capsys: pytest.CaptureFixture[str]) -> None:
    _, data = check(capsys, str(CASES / "ST201/good/stated-total-within-baseline-part-unknown.yaml"))
    files = data["files"]
    assert isinstance(files, list)
    assert not [f for f in files[0]["findings"] if f["code"] == "ST201"]
    # the unknown part is still said where the plan's own sum cannot be made (ST901)
    assert [f["severity"] for f in files[0]["findings"] if f["code"] == "ST901"] == ["unknown"]


def test_cannot_check_is_never_counted_as_a_problem(capsys: pytest.CaptureFixture[str]) -> None:
    """The roll-up of a run counts problems (errors and warnings that bind) apart from what could
    not be checked: Luzhi's six 'cannot check' are not six problems of Wuzhong."""
    from conftest import ORGS

    _, data = check(capsys, str(ORGS))
    rollup = data["rollup"]
    assert isinstance(rollup, dict)
    wuzhong = next(r for r in rollup["per_county"] if r["county"] == "吴中区")
    assert (wuzhong["findings"], wuzhong["unknown"]) == (1, 6)
    st601 = next(r for r in rollup["findings_per_check"] if r["code"] == "ST601")
    assert (st601["count"], st601["unknown"]) == (0, 2)
    assert main(["check", "--no-cache", str(ORGS)]) == 1
    out = capsys.readouterr().out
    assert "江苏省苏州市吴中区：1个方案，不通过1个，问题1条，无法检查6条" in out
