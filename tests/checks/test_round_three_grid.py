"""The grid rules on one shortfall (ST602 grids, ST604 grid workers): one finding, or two whose
numbers say how they differ."""

from __future__ import annotations

from pathlib import Path

import pytest

from staffing.run.engine import check_file

from conftest import CASES

BASE = CASES / "ST602/good/one-per-thousand.yaml"  # Yongshan's pack: a grid per 1,000, a worker each


def grid_findings(tmp_path: Path, grids: int, workers: int, residents: int = 28000) -> list[tuple[str, str]]:
    text = BASE.read_text(encoding="utf-8").replace("grid: {grids: 28, workers: 28}", f"grid: {{grids: {grids}, workers: {workers}}}")
    text = text.replace("population: {resident: 28000}", f"population: {{resident: {residents}}}")
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    result = check_file(str(path))
    assert result.error is None
    return [(f.code, f.message.en) for f in result.findings if f.code in ("ST602", "ST604")]


@pytest.mark.parametrize("grids,workers,said", [
    # too few grids, each with its worker: one shortfall, said once (grids and their workers)
    (20, 20, [("ST602", "28000 residents at one grid per 1000 need 28 grids, each with its worker; the plan has 20 grids")]),
    # enough grids, too few workers: the workers' one shortfall, said by the worker rule
    (28, 20, [("ST604", "28000 residents at 1 grid workers per 1,000 need 28 grid workers; the plan has 20")]),
    # more grids than the residents need, too few workers for them: two shortfalls, each with its own numbers
    (35, 20, [("ST602", "35 grids but only 20 grid workers"),
              ("ST604", "28000 residents at 1 grid workers per 1,000 need 28 grid workers; the plan has 20")]),
    # too few grids and fewer workers still: the grids' finding, and the workers' own (once)
    (20, 15, [("ST602", "28000 residents at one grid per 1000 need 28 grids, each with its worker; the plan has 20 grids"),
              ("ST604", "28000 residents at 1 grid workers per 1,000 need 28 grid workers; the plan has 15")]),
    (28, 28, []),
])
def test_one_shortfall_is_one_finding(tmp_path: Path, grids: int, workers: int, said: list[tuple[str, str]]) -> None:
    assert sorted(grid_findings(tmp_path, grids, workers)) == sorted(said)
