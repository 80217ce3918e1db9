"""How openpyxl reads a cell's number format and a serial date, without importing openpyxl.

A plan workbook's cells are read from its XML (`workbook_cells`), and openpyxl is imported
only for what that reader leaves to it.  Two small, pure parts of openpyxl were still needed
on every workbook: which cell styles format a number as a date or a duration
(`openpyxl.styles.numbers`) and a serial number's date (`openpyxl.utils.datetime.from_excel`).
Importing either imports the whole of openpyxl, about 95 ms, a quarter of checking one
workbook.  They are written out here as openpyxl 3.1.3 to 3.1.5 have them (MIT licence,
copyright (c) 2010-2024 openpyxl; pyproject.toml asks for 3.1.3 or later, since 3.1.2 read the
padding `_d` in a format as a date), and tests/io/test_excel_numbers.py holds them equal to the
installed openpyxl over every built-in format, the formats offices write and generated ones.
"""

from __future__ import annotations

import datetime
import re

# openpyxl.styles.numbers.BUILTIN_FORMATS: the formats a style names by number alone
BUILTIN_FORMATS = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
    5: '"$"#,##0_);("$"#,##0)', 6: '"$"#,##0_);[Red]("$"#,##0)',
    7: '"$"#,##0.00_);("$"#,##0.00)', 8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
    14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
    37: "#,##0_);(#,##0)", 38: "#,##0_);[Red](#,##0)", 39: "#,##0.00_);(#,##0.00)",
    40: "#,##0.00_);[Red](#,##0.00)",
    41: r'_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)',
    42: r'_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)',
    43: r'_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)',
    44: r'_("$"* #,##0.00_)_("$"* \(#,##0.00\)_("$"* "-"??_)_(@_)',
    45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
}

_LITERAL_GROUP = r'".*?"'  # anything in quotes
_LOCALE_GROUP = r"\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]"  # anything in square brackets but hours, minutes, seconds
_STRIP = re.compile(f"{_LITERAL_GROUP}|{_LOCALE_GROUP}")
_DATE_PART = re.compile(r"(?<![_\\])[dmhysDMHYS]")
_TIMEDELTA = re.compile(r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?", re.I)


def builtin_format_code(index: int) -> str | None:
    """The built-in format numbered `index`, or None."""
    return BUILTIN_FORMATS.get(index)


def is_date_format(fmt: str | None) -> bool:
    """Whether a number shown in `fmt` is a date or a time (its first section read)."""
    if fmt is None:
        return False
    fmt = _STRIP.sub("", fmt.split(";")[0])
    return _DATE_PART.search(fmt) is not None


def is_timedelta_format(fmt: str | None) -> bool:
    """Whether a number shown in `fmt` is a duration ([h]:mm and the like)."""
    if fmt is None:
        return False
    return _TIMEDELTA.search(fmt.split(";")[0]) is not None


WINDOWS_EPOCH = datetime.datetime(1899, 12, 30)
MAC_EPOCH = datetime.datetime(1904, 1, 1)
_SECS_PER_DAY = 86400


def from_excel(value: float, epoch: datetime.datetime = WINDOWS_EPOCH, timedelta: bool = False,
               ) -> datetime.datetime | datetime.time | datetime.timedelta | None:
    """An Excel serial number as openpyxl reads it: a date and time, a time of day (below 1),
    or with `timedelta` a duration.  Raises OverflowError or ValueError past what Python's
    dates hold, as openpyxl does."""
    if value is None:
        return None
    if timedelta:
        td = datetime.timedelta(days=value)
        if td.microseconds:  # to the millisecond
            td = datetime.timedelta(seconds=td.total_seconds() // 1, microseconds=round(td.microseconds, -3))
        return td
    day, fraction = divmod(value, 1)
    diff = datetime.timedelta(milliseconds=round(fraction * _SECS_PER_DAY * 1000))
    if 0 <= value < 1 and diff.days == 0:
        mins, seconds = divmod(diff.seconds, 60)
        hours, mins = divmod(mins, 60)
        return datetime.time(hours, mins, seconds, diff.microseconds)
    if 0 < value < 60 and epoch == WINDOWS_EPOCH:  # Excel's 1900 counts a 29 February that was not
        day += 1
    return epoch + datetime.timedelta(days=day) + diff


__all__ = ["BUILTIN_FORMATS", "MAC_EPOCH", "WINDOWS_EPOCH", "builtin_format_code", "from_excel",
           "is_date_format", "is_timedelta_format"]
