"""The check corpus as a whole: tests/checks/cases/<CODE>/{bad,good}/*.yaml (read by
casebook.py, which says what a case's header holds).  Each family's cases run in its own
module (test_bodies.py for ST1xx, …, as src/staffing/checks/ is laid out); here, what every
case must be: each check has both kinds, each is a plan a human wrote, each bad case is a good
case of its code with the change its header names, each family's module runs its cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from casebook import ALL_CASES, Case, case_id, differences, family_of, parse_case, run_case
from staffing.checks import CHECKS
from staffing.checks import PLAN_CHECKS as ALL_CHECKS
from staffing.io.load import load_file
from staffing.run.engine import check_file

from conftest import ORGS

HERE = Path(__file__).resolve().parent


def test_every_check_has_good_and_bad_cases() -> None:
    codes = {c.code for c in ALL_CASES}
    for check in ALL_CHECKS:
        assert {(check.code, True), (check.code, False)} <= {(c.code, c.bad) for c in ALL_CASES}, check.code
    assert "ST000" in codes
    assert {(c.code, c.bad) for c in ALL_CASES if c.code == "ST000"} == {("ST000", True), ("ST000", False)}


def test_case_files_are_not_generated_at_test_time() -> None:
    # the corpus is committed YAML; every case is a complete plan a human can read
    for case in ALL_CASES:
        text = case.path.read_text(encoding="utf-8")
        assert "town:" in text and "bodies:" in text and "rule_pack:" in text, case.id


def test_every_shipped_plan_and_every_case_loads() -> None:
    """Plans in the old shape and the new (unknown figures, sections not provided, roles as
    Chinese labels, institutions, the leadership team) are all valid, with no migration."""
    for path in sorted(ORGS.rglob("*.yaml")):
        result = check_file(str(path))
        assert result.error is None, f"{path}: {result.error.where()}: {result.error.message('en')}"
    for case in ALL_CASES:
        result, _ = run_case(case)
        assert result.plan is not None, case.id


def test_every_family_of_checks_has_its_test_module_and_it_runs_the_cases() -> None:
    """A case runs only in its family's module: a module of checks without one (or one that
    does not run its family's cases) would leave its cases unread."""
    families = {family_of(check.code) for check in CHECKS}
    missing = sorted(f for f in families if not (HERE / f"test_{f}.py").is_file())
    assert missing == [], f"no tests/checks/test_<family>.py for the checks in {missing}"
    for family in {case.family for case in ALL_CASES}:
        text = (HERE / f"test_{family}.py").read_text(encoding="utf-8")
        assert f'bad_cases("{family}")' in text and f'good_cases("{family}")' in text, f"test_{family}.py"


@pytest.mark.parametrize("case", [c for c in ALL_CASES if c.bad], ids=case_id)
def test_bad_case_differs_from_its_good_case_exactly_where_it_says(case: Case) -> None:
    """A bad case's first header lines say what it breaks, the good case of its code it
    derives from and where it changes it; the two plans' data differ there and nowhere else."""
    lines = case.path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith(f"# {case.code} bad"), f"{case.id}: the first line says what it breaks"
    assert lines[1].startswith("# derives from: ") and lines[2].startswith("# changes: "), (
        f"{case.id}: lines 2 and 3 are '# derives from: ../good/NAME.yaml' and '# changes: PATH, …'")
    assert case.derives_from is not None and case.changes
    assert case.derives_from.parent == (case.path.parent.parent / "good").resolve(), (
        f"{case.id} derives from {case.derives_from}, not from a good case of {case.code}")
    good = parse_case(case.derives_from)
    found = differences(load_file(str(good.path)).data, load_file(str(case.path)).data)
    if good.rules != case.rules:
        found.append("--rules")
    assert sorted(case.changes) == sorted(found), (
        f"{case.id}: the header says it changes {', '.join(case.changes)}; it differs from "
        f"{good.id} at {', '.join(found) or 'nothing'}")


@pytest.mark.parametrize(("good", "bad", "changes"), [
    ({"a": 1, "b": {"c": [1, 2]}}, {"a": 1, "b": {"c": [1, 2]}}, []),
    ({"a": 1, "b": {"c": 2}}, {"a": 1, "b": {"c": 3}}, ["b.c"]),
    ({"a": 1}, {"a": 1, "b": {"c": 2}}, ["+b"]),
    ({"a": 1, "b": 2}, {"a": 1}, ["-b"]),
    ({"a": [{"x": 1}, {"x": 2}]}, {"a": [{"x": 1}, {"x": 3}]}, ["a.1.x"]),
    ({"a": [1, 2, 3]}, {"a": [1, 9, 2, 3]}, ["+a.1"]),
    ({"a": [1, 2, 3]}, {"a": [1, 3]}, ["-a.1"]),
    ({"a": [1, 2, 3]}, {"a": [1, 4]}, ["a.1", "-a.2"]),
    ({"a": 1}, {"a": "1"}, ["a"]),
    ({"a": 1}, {"a": True}, ["a"]),
])
def test_differences_are_named_as_a_header_writes_them(good: object, bad: object, changes: list[str]) -> None:
    assert differences(good, bad) == changes
