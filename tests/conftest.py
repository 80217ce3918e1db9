"""Shared paths and helpers for the test suite."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ORGS = ROOT / "orgs"
CASES = ROOT / "tests" / "cases"
RULES = ROOT / "rules"
SCHEMA = ROOT / "schema" / "plan.schema.json"
# The project's shared folder (seed articles, the SARIF schema) stands beside the checkout in
# CI; the tool itself never needs it.  Tests that read it are skipped, loudly, without it.
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds" / "readable"
needs_shared = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"{SHARED} (seeds, schemas) is not beside the checkout")
# The console script of the environment running the tests (the README's .venv, or another
# one such as scripts/test-latest.sh's .venv-latest).
STAFFING = Path(sys.executable).parent / "staffing"


@pytest.fixture
def in_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the repository root, so paths print as they do for a user there."""
    monkeypatch.chdir(ROOT)
    return ROOT
