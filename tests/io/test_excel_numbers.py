"""The number formats and serial dates read without openpyxl (io/excel_numbers.py) are read
as the installed openpyxl reads them, and a plan workbook is checked without importing it."""

from __future__ import annotations

import datetime as dt
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from openpyxl.styles import numbers as theirs
from openpyxl.utils import datetime as their_dates

from staffing.cli import main as cli
from staffing.io import excel_numbers as ours

from conftest import ORGS

# formats offices write (Excel's and WPS's Chinese dates, times, currencies, text) and the
# corners of openpyxl's patterns: quoted text, locale and colour brackets, escaped and
# padded letters, sections, elapsed times
OFFICE_FORMATS = [
    None, "", "General", "@", "0", "0.00", "#,##0", "0_ ", "0.00_ ", "#,##0;[Red]-#,##0", "0%",
    'yyyy"年"m"月"d"日"', 'yyyy"年"m"月"', 'm"月"d"日"', "yyyy/m/d", "yyyy/m/d;@", "yyyy-mm-dd",
    "[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\"", "[$-F800]dddd, mmmm dd, yyyy", "[$-804]aaaa",
    "[DBNum1]yyyy\"年\"m\"月\"", "h\"时\"mm\"分\"", "上午/下午h\"时\"mm\"分\"", "[h]:mm:ss", "[mm]:ss",
    "[ss].00", "[HH]:MM", "[h]", "mm:ss.0", "\\d0", "_d0", "0\"d\"", '"天"0', "0\"天\"",
    "[Red]0;[Blue]-0", "[$¥-804]#,##0.00", "¥#,##0.00;¥-#,##0.00", "0.00E+00", "# ?/?",
    ";;;", "d;@", "@;d", "[<=9999999]###-####;(###) ###-####", "[h]:mm:ss;@", '"[h]"0',
    '"unclosed', "[unclosed", "]", "\\", "_", "\"\"d", "[$-409]mmm-yy;@", "yy", "S", "E",
]

_ALPHABET = list('dmhysDMHYSaAeE0#?@.,;:/-_ "[]\\$%+*()年月日时分秒') + ["[h]", "[mm]", "[ss]", "[Red]", "[$-804]",
                                                                        "AM/PM", '"年"', "yyyy", "mm"]


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 12))) for _ in range(count)]


def test_every_built_in_format_number_is_openpyxls() -> None:
    for index in range(-1, 400):
        assert ours.builtin_format_code(index) == theirs.builtin_format_code(index), index
    assert ours.BUILTIN_FORMATS == theirs.BUILTIN_FORMATS


@pytest.mark.parametrize("fmt", [*theirs.BUILTIN_FORMATS.values(), *OFFICE_FORMATS])
def test_a_format_is_a_date_or_a_duration_as_openpyxl_says(fmt: str | None) -> None:
    assert ours.is_date_format(fmt) is theirs.is_date_format(fmt)
    assert ours.is_timedelta_format(fmt) is theirs.is_timedelta_format(fmt)


def test_generated_formats_are_read_as_openpyxl_reads_them() -> None:
    formats = _generated(20_000, seed=28)
    dates = [f for f in formats if theirs.is_date_format(f)]
    durations = [f for f in formats if theirs.is_timedelta_format(f)]
    assert 1_000 < len(dates) < 19_000 and len(durations) > 50  # the corpus holds both answers of each
    for fmt in formats:
        assert (ours.is_date_format(fmt), ours.is_timedelta_format(fmt)) == (
            theirs.is_date_format(fmt), theirs.is_timedelta_format(fmt)), fmt


def _outcome(read: Any, value: float, epoch: dt.datetime, timedelta: bool) -> object:
    try:
        return read(value, epoch, timedelta=timedelta)
    except (OverflowError, ValueError) as exc:
        return type(exc)


SERIALS = [0, 0.0, 1e-9, 0.25, 0.5, 0.99999999, 1, 1.5, 59, 59.999, 60, 60.5, 61, 367.25, 43891,
           43891.0001, 45658.999994, 2958465, 2958465.9999999, 2958466, 1e7, 1e12, 1e300, float("inf"),
           -1e-9, -0.5, -1, -693593, -693594, -1e7, 1.5e-5, 7 / 3]


@pytest.mark.parametrize("epoch", [ours.WINDOWS_EPOCH, ours.MAC_EPOCH])
@pytest.mark.parametrize("timedelta", [False, True])
def test_a_serial_number_is_the_date_openpyxl_makes_of_it(epoch: dt.datetime, timedelta: bool) -> None:
    assert ours.WINDOWS_EPOCH == their_dates.CALENDAR_WINDOWS_1900 and ours.MAC_EPOCH == their_dates.CALENDAR_MAC_1904
    rng = random.Random(1904 if epoch == ours.MAC_EPOCH else 1900)
    values = SERIALS + [rng.uniform(-1000, 80_000) for _ in range(3_000)] + [rng.randint(0, 3_000_000) for _ in range(500)]
    for value in values:
        assert _outcome(ours.from_excel, value, epoch, timedelta) == _outcome(
            their_dates.from_excel, value, epoch, timedelta), value


def test_checking_a_workbook_does_not_import_openpyxl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A workbook of dates, date styles and a 1904 epoch or not is read from its XML alone:
    importing openpyxl would cost about 95 ms, a quarter of checking one workbook."""
    plan = ORGS / "jiangsu/suzhou/kunshan/zhangpu.yaml"
    assert "plan_date: 2018-03-15" in plan.read_text(encoding="utf-8")
    book = tmp_path / "zhangpu.xlsx"
    assert cli.main(["convert", str(plan), "-o", str(book)]) == 0
    capsys.readouterr()
    script = (
        "import sys\n"
        "from staffing.io.workbook import load_workbook_file\n"
        "doc = load_workbook_file(sys.argv[1])\n"
        "print(doc.data['plan_date'], 'openpyxl' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(book)], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, "2018-03-15 False\n", "")
