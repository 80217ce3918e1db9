"""The static checks stay clean: `ruff check src tests` and `mypy src`, with the settings
in pyproject.toml.  Each is skipped, with the reason, where its tool is not installed
(both are pinned in the `test` extra)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from conftest import ROOT


def run_tool(module: str, *args: str) -> None:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed (pip install -e '.[test]')")
    proc = subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=600,
    )
    assert proc.returncode == 0, (
        f"`{module} {' '.join(args)}` exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"
    )


def test_ruff() -> None:
    run_tool("ruff", "check", "--no-cache", "src", "tests")


def test_mypy() -> None:
    run_tool("mypy", "src")
