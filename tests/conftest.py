"""Shared paths and helpers for the test suite."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ORGS = ROOT / "orgs"
CASES = ROOT / "tests" / "cases"
RULES = ROOT / "rules"
SCHEMA = ROOT / "schema" / "plan.schema.json"
SEEDS = ROOT.parent / "shared" / "seeds" / "readable"
STAFFING = ROOT / ".venv" / "bin" / "staffing"


@pytest.fixture
def in_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the repository root, so paths print as they do for a user there."""
    monkeypatch.chdir(ROOT)
    return ROOT
