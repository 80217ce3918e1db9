"""Shared paths and helpers for the test suite."""

from __future__ import annotations

import sys
from collections.abc import Iterator
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


@pytest.fixture(autouse=True, scope="session")
def _own_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Never the real user cache folder: several people run the suite on one machine at
    once, and a test must not read (or plant) what another run cached.  Set in os.environ,
    so the tool run as a subprocess inherits it too."""
    home = tmp_path_factory.mktemp("xdg-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(home))
        mp.delenv("STAFFING_CACHE_DIR", raising=False)
        yield home


def pdf_font_sizes(pdf: Path) -> list[float]:
    """The smallest font size (pt, to a third of a point) on each page of a PDF, as poppler's
    pdftohtml reads the fonts the text is set in (a word's box from pdftotext is its font's
    line height, about 1.45 em for Noto Sans CJK, not its size)."""
    import re
    import subprocess

    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    out = []
    for page in range(1, pages + 1):
        xml = subprocess.run(["pdftohtml", "-xml", "-i", "-zoom", "3", "-stdout", "-f", str(page), "-l", str(page),
                              str(pdf)], capture_output=True, text=True, check=True).stdout
        sizes = [int(s) / 3 for s in re.findall(r'<fontspec id="\d+" size="(\d+)"', xml)]
        out.append(min(sizes) if sizes else 0.0)
    return out
