"""Shared paths and helpers for the test suite."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
ORGS = ROOT / "orgs"
CASES = ROOT / "tests" / "checks" / "cases"
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


def cells_seen(sheets: list[Any], formulas: bool = True) -> list[tuple[object, ...]]:
    """What a reading of a workbook's sheets (io/workbook_cells.SheetCells) holds, in its
    order, each value with its type (True is not 1, nor a date its datetime): with
    `formulas`, every cell's value, the formulas and their saved values; without, the
    values Excel shows."""
    out: list[tuple[object, ...]] = []
    for sheet in sheets:
        def typed(values: dict[Any, Any]) -> list[tuple[object, str, str]]:
            return [(place, type(v).__name__, repr(vars(v) if hasattr(v, "__dict__") else v))  # a formula object: its fields
                    for place, v in values.items()]

        out.append((sheet.title, sheet.state, list(sheet.merged), sorted(sheet.hidden_rows), sorted(sheet.hidden_columns),
                    sheet.date1904))
        if formulas:
            out += [("cells", typed(sheet.cells)), ("formulas", typed(sheet.formulas)), ("saved", typed(sheet.saved))]
        else:
            out.append(("shown", typed(sheet.shown())))
    return out


@pytest.fixture(autouse=True)
def _both_workbook_readers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every workbook a test reads in this process is read by openpyxl too, and the reading
    the tool used must be the very same: the reader of io/workbook_cells either gives what
    openpyxl gives or leaves the workbook to openpyxl."""
    from staffing.io import sheets, workbook
    from staffing.io.workbook_cells import SheetCells, openpyxl_cells

    real = workbook.read_sheets

    def both(path: str, raw: bytes, limits: Any, formulas: bool = True, unread: Any = None) -> list[Any]:
        got = real(path, raw, limits, formulas, unread)
        wanted = openpyxl_cells(raw, formulas)
        for k, sheet in enumerate(got):  # a sheet left unread is one the caller asked for, listed bare
            if sheet.unread:
                assert unread is not None and unread(sheet.title), (path, sheet.title)
                wanted[k] = SheetCells(wanted[k].title, wanted[k].state, date1904=wanted[k].date1904, unread=True)
        assert cells_seen(got, formulas) == cells_seen(wanted, formulas), path
        return got

    monkeypatch.setattr(workbook, "read_sheets", both)
    monkeypatch.setattr(sheets, "read_sheets", both)


# ---- the clean example, varied: `staffing check --lang en` on it (the hostile-input tests) ----

GOOD = ORGS / "jiangsu" / "taizhou" / "jingjiang" / "xinqiao.yaml"
GOOD_TEXT = GOOD.read_text(encoding="utf-8")

# Raw characters that must never reach terminal text.
RAW_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    from staffing.cli import main as cli

    code = cli.main(["check", "--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *paths: str) -> tuple[int, dict]:
    code, out, err = run_cli(capsys, "--format", "json", *paths)
    assert "Traceback" not in out + err
    return code, json.loads(out)


def by_path(report: dict) -> dict[str, dict]:
    return {Path(f["path"]).name: f for f in report["files"]}


def plan_variant(tmp_path: Path, name: str, old: str, new: str, count: int = 1) -> Path:
    assert old in GOOD_TEXT
    f = tmp_path / name
    f.write_text(GOOD_TEXT.replace(old, new, count), encoding="utf-8")
    return f


def plan_with(tmp_path: Path, name: str, edit: Callable[[dict[str, Any]], None], source: Path = GOOD) -> Path:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def plan_repo(tmp_path: Path) -> Path:
    """A plans repository (a .git folder) holding the clean example as plan.yaml."""
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "plan.yaml").write_bytes(GOOD.read_bytes())
    return repo


SHEET_FORBIDDEN = set("[]:*?/\\")


def assert_opens(path: Path) -> Any:
    """The workbook opens in openpyxl, and every sheet name is one Excel takes."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    folded = [t.casefold() for t in wb.sheetnames]
    assert len(set(folded)) == len(folded), wb.sheetnames
    for title in wb.sheetnames:
        assert 0 < len(title) <= 31 and not SHEET_FORBIDDEN & set(title), title
        assert title.isprintable() and not title.startswith("'") and title.casefold() != "history", title
    return wb


def pdf_missing(*tools: str) -> str | None:
    """Why a test of real PDFs cannot run here (WeasyPrint cannot load, or one of `tools` is
    not on PATH), or None."""
    import shutil

    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        return f"WeasyPrint cannot load ({exc}); install Pango (bash scripts/install.sh)"
    if not all(shutil.which(tool) for tool in tools):
        return f"{', '.join(tools)}: poppler-utils or Graphviz is not installed (bash scripts/install.sh --test)"
    return None


def pdf_font_sizes(pdf: Path) -> list[float]:
    """The smallest font size (pt, to a third of a point) on each page of a PDF, as poppler's
    pdftohtml reads the fonts the text is set in (a word's box from pdftotext is its font's
    line height, about 1.45 em for Noto Sans CJK, not its size)."""
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
