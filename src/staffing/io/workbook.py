"""Read a plan workbook (.xlsx) into the same plain data and marks the YAML reader gives,
every value located by sheet and cell (`职能机构!D7`).

Reading never evaluates or writes anything.  Before any XML is parsed the zip is
inspected: an old .xls or encrypted file, a macro workbook and a workbook linking other
files are refused; the unpacked size and the number of parts are bounded (a zip bomb
stops here, like an oversized YAML file), and so are the cells and strings
(workbook_bounds).  The cells' values are then read from the sheets' XML directly
(workbook_cells: no document type declaration, so no entity, is ever read there) or, for a
workbook holding what that reader does not read exactly as openpyxl does, by openpyxl,
which parses the XML through defusedxml; both give the same values.
A formula is never evaluated: the value Excel saved with it is used, and said (a note
on the cell); a formula without a saved value is an input error naming the cell.
Merged cells give their value to every cell they cover; numbers typed as text, full-width
digits, date serials and stray spaces are read as what they mean; empty rows are skipped;
a hidden plan sheet is refused rather than read unseen.
"""

from __future__ import annotations

import datetime as _dt
import io
import os
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from staffing.errors import InputProblem, problem, together
from staffing.io.bracketed import split_second_name
from staffing.io.document import (
    DEFAULT_LIMITS,
    UNREADABLE,
    Document,
    Limits,
    Path_,
    Place,
    Unreadable,
    cell_name,
    column_letter,
    read_bytes,
)
from staffing.io.excel_numbers import MAC_EPOCH, WINDOWS_EPOCH, from_excel
from staffing.io.layout import (
    ENUMS,
    EXAMPLE_PREFIX,
    QUOTA_TYPES,
    SHEETS,
    UNKNOWN,
    Field,
    Form,
    Section,
    Table,
    blank_kinds,
    enum_code,
    enum_label,
    enum_labels,
    strip_marks,
    zh,
)
from staffing.io.workbook_cells import Oversized, SheetCells, Unsure, openpyxl_cells, read_cells
from staffing.messages import CATALOGUE, close_matches, hint_words, render
from staffing.words import Words

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")
MAX_PARTS = 2000  # files inside the zip; a plan workbook has a few dozen
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls and encrypted .xlsx (both OLE containers)
_IGNORED_PREFIXES = ("备注", "序号", "说明")  # columns and rows an office adds for itself
# rows an office adds under a table for itself: its own total, and a note (注：本表数据截至…)
_TOTAL_ROWS = frozenset(("合计", "小计", "总计"))
_NOTE_PREFIXES = ("注：", "注:", *_IGNORED_PREFIXES)
_OFFICE_FIRST = frozenset(text[0] for text in (*_TOTAL_ROWS, *_NOTE_PREFIXES))


def is_workbook(path: str) -> bool:
    return path.lower().endswith(WORKBOOK_SUFFIXES)


class _Problem(Exception):
    """An input error at a cell, turned into an InputProblem with the file's name."""

    def __init__(self, sheet: str | None, row: int | None, col: int | None, key: str, **params: object) -> None:
        super().__init__(key)
        self.sheet, self.row, self.col, self.key, self.params = sheet, row, col, key, params


def at_cell(path: str, sheet: str | None, row: int | None, col: int | None, key: str, **params: object) -> InputProblem:
    base = problem(path, key, row, col, **params)
    cell = cell_name(row, col) if row and col else None
    return InputProblem(base.file, base.key, base.params, base.line, base.column, sheet, cell)


# ---- the container -------------------------------------------------------------------------

def inspect_zip(path: str, raw: bytes, limits: Limits) -> zipfile.ZipFile:
    """Refuse what must not reach the XML parser: not a zip, an OLE file (.xls or
    encrypted), macros, external links, too many parts or too many bytes once unpacked.
    The archive, when it may be read."""
    if raw.startswith(_OLE):
        raise problem(path, "xlsx.old-format")
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise problem(path, "xlsx.not-a-workbook", reason=str(exc)) from None
    if len(infos) > MAX_PARTS:
        raise problem(path, "xlsx.too-many-parts", count=len(infos), limit=MAX_PARTS)
    unpacked = sum(i.file_size for i in infos)  # zipfile never yields more than the declared size
    if unpacked > limits.max_bytes:
        raise problem(path, "xlsx.too-big", size=unpacked, limit=limits.max_bytes)
    names = [i.filename for i in infos]
    if "word/document.xml" in names:
        raise problem(path, "input.document-word", suffix=".docx")  # what it is, whatever its name says
    for name in names:
        low = name.lower()
        if "vbaproject" in low or (low.endswith(".bin") and "vba" in low):
            raise problem(path, "xlsx.macro", part=name)
        if low.startswith("xl/externallinks/"):
            raise problem(path, "xlsx.external-link", part=name)
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise problem(path, "xlsx.not-a-workbook", reason="no xl/workbook.xml")
    types = archive.read("[Content_Types].xml")
    if b"macroEnabled" in types:
        raise problem(path, "xlsx.macro", part="[Content_Types].xml")
    return archive


def read_sheets(path: str, raw: bytes, limits: Limits, formulas: bool = True,
                unread: Callable[[str], bool] | None = None) -> list[SheetCells]:
    """The worksheets of the workbook `raw`, each cell's value as openpyxl reads it, once the
    container is found safe (inspect_zip): read from the XML directly where that is certain
    to give what openpyxl gives and the workbook is within the bounds of workbook_bounds
    (`workbook_cells.read_cells`); else the bounds are checked as the XML streams by
    (`workbook_bounds.check_bounds`) and openpyxl reads it.  `formulas=False`: only the
    values Excel saved are wanted.  `unread`: the titles of sheets the caller never reads,
    which the fast reader lists without their cells (openpyxl reads every sheet).  Raises
    InputProblem, for a file openpyxl cannot read too."""
    try:
        archive = inspect_zip(path, raw, limits)
        try:
            return read_cells(archive, limits.max_nodes, unread)  # within the bounds, or unsure
        except Unsure:
            pass
        except Oversized as exc:  # never handed to zipfile, which would unpack it all
            raise problem(path, "xlsx.not-a-workbook", reason=f"{exc.part}: larger unpacked than declared") from None
        from staffing.io.workbook_bounds import check_bounds

        check_bounds(path, archive, limits.max_nodes)  # streamed: stops at the first cell past a bound
        return openpyxl_cells(raw, formulas)
    except InputProblem:
        raise
    except Exception as exc:  # a part zipfile cannot read (encrypted, an unknown method, a bad CRC),
        # or openpyxl's many ways of saying the XML is not a workbook: the file's, even where the
        # parser's C code raised it under a frame of ours (an unknown encoding in expat)
        raise problem(path, "xlsx.not-a-workbook", reason=f"{type(exc).__name__}: {exc}"[:200]) from None


# ---- cell values ---------------------------------------------------------------------------

_SPACES = " \t\r\n\u3000\xa0\u2002\u2003\u2009\u200b\ufeff"
_INT = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?\d+\.\d+")
# A number with thousands separators, as offices write 1,200 and 12,000 (a full-width comma
# is one once NFKC has read it): exactly three digits after each comma.  Any other comma
# ("1,2", "12,3456") separates no thousands: taken out, it would turn 1,2 into 12.
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_UNITS = "名人个项条"
_SPLIT_NAMES = re.compile(r"[、，,；;\n]+")


_NOT_PLAN_SHEETS = frozenset((zh("xlsx.sheet.guide"), zh("xlsx.sheet.choices")))
_PLAN_SHEETS = {s.name: s for s in SHEETS}


def _never_read(title: str) -> bool:
    """A sheet whose cells the plan's read never looks at: the instructions, the drop-downs'
    lists and the template's examples (`_resembled` passes them by on their names alone)."""
    title = title.strip(_SPACES)
    return title in _NOT_PLAN_SHEETS or title.startswith(EXAMPLE_PREFIX)


def _resembled(title: str, ws: SheetCells, present: set[str]) -> Form | Table | None:
    """The plan sheet a sheet of another name is, by its name (编制划转（2020）, 职能机构 (2)) or
    by what it holds (three or more of a table's headers in one of its first rows, or of a
    form's items down its first column), one missing from the workbook (`present`: the titles
    there) first; None for a plan sheet, the instructions, the drop-downs' lists, the
    template's examples and a sheet like none of them."""
    if title in _PLAN_SHEETS or _never_read(title) or not ws.cells:
        return None
    named = [s for s in SHEETS if s.name in title]
    if named:
        return max(named, key=lambda s: len(s.name))
    rows: dict[int, set[str]] = {}
    firsts: set[str] = set()
    for (row, col), value in ws.cells.items():
        text = _clean_text(value)
        if text is None:
            continue
        text = strip_marks(text)
        if row <= 10:
            rows.setdefault(row, set()).add(text)
        if col == 1:
            firsts.add(text)
    like: list[Form | Table] = []
    for layout in SHEETS:
        if isinstance(layout, Table):
            wanted = {f.label for f in layout.fields}
            if any(len(texts & wanted) >= min(3, len(wanted)) for texts in rows.values()):
                like.append(layout)
        elif len(firsts & set(layout.by_label)) >= 3:
            like.append(layout)
    return next((s for s in like if s.name not in present), like[0] if like else None)


def _office_row(name: Any) -> bool:
    """A table row whose first or name cell says it is the office's own: a total (合计, 小计,
    总计, spaced or not) or a note (注：…, 备注, 说明), not an item of the plan.  (Read for
    every row of every table: a name that starts otherwise is let through at once.)"""
    if not isinstance(name, str) or name.lstrip(_SPACES)[:1] not in _OFFICE_FIRST:
        return False
    text = "".join(name.strip(_SPACES).split())
    return text in _TOTAL_ROWS or text.startswith(_NOTE_PREFIXES)


def _clean_text(value: Any) -> str | None:
    if isinstance(value, str):  # the common case first
        return value.strip(_SPACES) or None
    if value is None or value is UNREADABLE:  # a cell said already (a formula without a value): no text
        return None
    if isinstance(value, bool):
        return zh("xlsx.enum.bool.true") if value else zh("xlsx.enum.bool.false")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, _dt.datetime):
        value = value.date() if value.time() == _dt.time() else value
    if isinstance(value, (_dt.date, _dt.datetime, _dt.time)):
        return value.isoformat()
    if isinstance(value, _dt.timedelta):  # a number in a duration's format: in hours, minutes and seconds ([h]:mm:ss)
        seconds = round(abs(value.total_seconds()))
        return f"{'-' if value < _dt.timedelta() else ''}{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
    text = str(value).strip(_SPACES)
    return text or None


def cell_text(value: Any) -> str | None:
    """A cell's value as the reader reads it as text (spaces around it gone)."""
    return _clean_text(value)


class _Unknown:
    """A figure written 未知: null in the plan (unknown), where an empty cell leaves the
    field out."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN_VALUE = _Unknown()
_UNKNOWN_WORDS = frozenset((zh(UNKNOWN), "~", "null"))
_UNKNOWN_LONGEST = max(map(len, _UNKNOWN_WORDS))  # a longer text is none of them (not hashed to find out)


def _unknown_word(text: str) -> bool:
    """Whether a stripped text is 未知 (or ~, null)."""
    return len(text) <= _UNKNOWN_LONGEST and text in _UNKNOWN_WORDS


def _is_unknown(value: Any) -> bool:
    return isinstance(value, str) and _unknown_word(value.strip(_SPACES))


def takes_unknown(kind: str) -> bool:
    """Kinds of value a plan may give as null (unknown): written 未知 in a cell."""
    return kind in ("count", "code", "text", "date") or (kind.startswith("enum:") and kind != "enum:bool")


# A name, or a name that refers to another row, is one line: a line break in its cell is how an
# office wraps a long name (Alt+Enter: 综合行政⏎执法局), and is read as if it were not there.
_ONE_LINE = frozenset({"name", "parent", "@owner", "from", "to", "body", "approval_body", "penalty_body",
                       "parent_department", "province", "city", "county"})


def convert(field: Field, value: Any, epoch: _dt.datetime = WINDOWS_EPOCH) -> Any:
    """The plan value for a cell's value, or _Problem (raised) naming what is wrong.
    None for an empty cell: the field is then absent from the plan; UNKNOWN_VALUE for a
    count or code written 未知 (null in the plan).  `epoch`: the workbook's date system, for
    a date written as a serial number in a cell not formatted as a date."""
    kind = field.kind
    if kind == "count":  # the most cells: a number, a count typed as a number
        if type(value) is int and -_LONGEST < value < _LONGEST:
            return value
        return UNKNOWN_VALUE if _is_unknown(value) else _count(value)
    if kind == "text" and type(value) is str:  # the next most: a name, a duty
        plain = value.strip(_SPACES)
        if ("\n" in plain or "\r" in plain) and field.path[-1] in _ONE_LINE:  # a name wrapped with Alt+Enter
            plain = "".join(part.strip(_SPACES) for part in plain.splitlines())
        return UNKNOWN_VALUE if _unknown_word(plain) else plain or None
    if _is_unknown(value) and takes_unknown(kind):
        return UNKNOWN_VALUE
    if kind == "date":
        return _date(value, epoch)
    if kind.startswith("enum:"):
        text = _clean_text(value)
        if text is None:
            return None
        name = kind[5:]
        if name == "bool":
            if isinstance(value, bool):
                return value
            if type(value) in (int, float) and value in (0, 1):  # TRUE re-saved by LibreOffice: =TRUE() saved as 1
                return value == 1
            low = text.lower()
            if low in ("true", "yes", zh("xlsx.enum.bool.true")):
                return True
            if low in ("false", "no", zh("xlsx.enum.bool.false")):
                return False
            raise _Problem(None, None, None, "xlsx.bad-bool", value=text)
        code = enum_code(name, text) or enum_code(name, unicodedata.normalize("NFKC", text))
        if code is None:
            raise _not_a_choice(name, text)
        return code
    text = _clean_text(value)
    if text is None:
        return None
    if kind in ("names", "roles") or kind.startswith("enums:"):
        names = [n for n in (n.strip(_SPACES) for n in _SPLIT_NAMES.split(text)) if n]
        if kind == "roles":  # a role's label is its id; any other text is for the plan format to read
            roles = [enum_code("role", n) or enum_code("role", unicodedata.normalize("NFKC", n)) or n for n in names]
            return roles[0] if len(roles) == 1 else roles
        if kind.startswith("enums:"):
            codes = []
            for n in names:
                code = enum_code(kind[6:], n) or enum_code(kind[6:], unicodedata.normalize("NFKC", n))
                if code is None:
                    raise _not_a_choice(kind[6:], n)
                codes.append(code)
            return codes
        return names
    if kind == "lines":
        lines = [n.strip(_SPACES) for n in text.split("\n")]
        return [n for n in lines if n]
    if kind == "code":
        return unicodedata.normalize("NFKC", text)
    return text


def _not_a_choice(name: str, text: str) -> _Problem:
    """A value that is none of a drop-down's labels: said as for a YAML plan (the allowed
    values, and the nearest as a suggestion)."""
    labels = enum_labels(name)
    close = close_matches(text, labels, n=1, cutoff=0.5)
    return _Problem(None, None, None, "input.not-allowed", value=text, allowed=labels, hint=hint_words(close))


def _count(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, bool):
        raise _Problem(None, None, None, "xlsx.bad-number", value=_clean_text(value))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        if not -_LONGEST < value < _LONGEST:  # as the plan format bounds an integer's digits
            digits = len(str(abs(value)))
            raise _Problem(None, None, None, "xlsx.number-too-long", digits=digits, limit=DEFAULT_LIMITS.max_digits)
        return value
    if isinstance(value, float):
        return value  # a fraction (or inf, nan): the plan format says why not
    if isinstance(value, (_dt.date, _dt.time, _dt.timedelta)):  # a cell formatted as a date or a time
        raise _Problem(None, None, None, "xlsx.bad-number", value=_clean_text(value))
    text = _clean_text(value)
    if text is None:
        return None
    norm = unicodedata.normalize("NFKC", text).replace(" ", "")
    if len(norm) > 1 and norm[-1] in _UNITS:
        norm = norm[:-1]
    if "," in norm:
        if not _THOUSANDS.fullmatch(norm):
            raise _Problem(None, None, None, "xlsx.bad-thousands", value=text)
        norm = norm.replace(",", "")
    if _INT.fullmatch(norm) and len(norm.lstrip("+-")) <= 30:
        return int(norm)
    if _DECIMAL.fullmatch(norm) and len(norm) <= 40:
        number = float(norm)
        return int(number) if number.is_integer() else number
    raise _Problem(None, None, None, "xlsx.bad-number", value=text)


_LONGEST = 10 ** DEFAULT_LIMITS.max_digits  # an integer of more digits is refused, as in a YAML plan

_FIRST_1900 = _dt.datetime(1900, 1, 1)  # serial 1: Excel's first day (1904's is serial 0, MAC_EPOCH)


def _date(value: Any, epoch: _dt.datetime = WINDOWS_EPOCH) -> Any:
    if value is None:
        return None
    if isinstance(value, _dt.datetime):  # a serial number in a date's format
        if value < (_FIRST_1900 if epoch == WINDOWS_EPOCH else MAC_EPOCH):  # below Excel's first day: ####
            days = (value - epoch) / _dt.timedelta(days=1)
            raise _Problem(None, None, None, "xlsx.bad-date", value=str(int(days) if days == int(days) else days))
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:  # in the workbook's date system; Excel has no date before its first (####)
            serial = from_excel(value, epoch) if value >= 0 else None
        except (ValueError, OverflowError, TypeError):
            serial = None
        if serial is None:
            raise _Problem(None, None, None, "xlsx.bad-date", value=str(value))
        if isinstance(serial, _dt.datetime):
            return serial.date()
        if isinstance(serial, _dt.date):
            return serial
        raise _Problem(None, None, None, "xlsx.bad-date", value=str(value))
    text = _clean_text(value)
    if text is None:
        return None
    match = _DATE.fullmatch(unicodedata.normalize("NFKC", text))
    if match:
        try:
            return _dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            pass
    raise _Problem(None, None, None, "xlsx.bad-date", value=text)


# ---- the sheet's cells ---------------------------------------------------------------------

class _Sheet:
    """The non-empty cells of one worksheet, merged ranges filled in, formulas replaced by
    their saved values."""

    def __init__(self, name: str, cells: dict[tuple[int, int], Any],
                 merged: list[tuple[int, int, int, int]] | None = None) -> None:
        self.name = name
        self.cells = cells
        self.rows = sorted({r for r, _ in cells})
        self.merged = merged or []  # the merged ranges filled from their first cell (min_row, min_col, max_row, max_col)

    def value(self, row: int, col: int) -> Any:
        return self.cells.get((row, col))

    def row_cols(self, row: int) -> list[int]:
        return sorted(c for r, c in self.cells if r == row)


class _WorkedOut(Mapping[Any, Any]):
    """A mapping whose entries are worked out when asked (`get`, None for none)."""

    __slots__ = ()

    def __getitem__(self, key: Any) -> Any:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, tuple) and self.get(key) is not None


class _Places(_WorkedOut):
    """Where each value read from a workbook stands: (sheet, row, column) by its path in the
    plan.  A table row's values are not each written down as the row is read, since a run
    asks for the places of a few of a plan's hundreds (a finding's, a mistake's): the row
    keeps its item's path, its sheet and row, its first column and its table's column of each
    field (`rows`), and a value's place is worked out when asked, the same place it would have
    been written at.  What is marked one by one (`kept`: the forms, the tables' headers, the
    service centre's row) is at a path without an item's number; a table row's values are at
    paths with one (the last number of a path ends its item's path)."""

    __slots__ = ("kept", "rows")

    def __init__(self) -> None:
        self.kept: dict[Path_, Place] = {}
        self.rows: dict[Path_, tuple[str, int, int, dict[tuple[str, ...], int]]] = {}

    def get(self, loc: Path_, default: Any = None) -> Any:
        found = self.kept.get(loc)
        if found is not None:
            return found
        for i in range(len(loc) - 1, -1, -1):
            if type(loc[i]) is int:
                row = self.rows.get(loc[:i + 1])
                if row is None:
                    return default
                col = row[2] if i == len(loc) - 1 else row[3].get(loc[i + 1:])  # type: ignore[arg-type]
                return default if col is None else (row[0], row[1], col)
        return default

    def __iter__(self) -> Iterator[Path_]:
        yield from self.kept
        for loc, (_, _, _, columns) in self.rows.items():
            yield loc
            for path in columns:
                yield loc + path

    def __len__(self) -> int:
        return len(self.kept) + sum(1 + len(columns) for _, _, _, columns in self.rows.values())


class _Marks(_WorkedOut):
    """(row, column) of each value: its place's (`_Places`), without the sheet."""

    __slots__ = ("places",)

    def __init__(self, places: _Places) -> None:
        self.places = places

    def get(self, loc: Path_, default: Any = None) -> Any:
        found = self.places.get(loc)
        return default if found is None else found[1:]

    def __iter__(self) -> Iterator[Path_]:
        return iter(self.places)

    def __len__(self) -> int:
        return len(self.places)


class _Labels(_WorkedOut):
    """The header of each cell a value was read from (a table's column, a form's row): kept
    one by one for a form (`kept`), by row for a table row (`rows`: (sheet, row) → its table's
    header of each column holding a field)."""

    __slots__ = ("kept", "rows")

    def __init__(self) -> None:
        self.kept: dict[Place, str] = {}
        self.rows: dict[tuple[str, int], dict[int, str]] = {}

    def get(self, place: Place, default: Any = None) -> Any:
        found = self.kept.get(place)
        if found is not None:
            return found
        columns = self.rows.get(place[:2])
        return default if columns is None else columns.get(place[2], default)

    def __iter__(self) -> Iterator[Place]:
        yield from self.kept
        for (sheet, row), columns in self.rows.items():
            for col in columns:
                yield sheet, row, col

    def __len__(self) -> int:
        return len(self.kept) + sum(map(len, self.rows.values()))


class _Reader:
    def __init__(self, path: str, raw: bytes, limits: Limits) -> None:
        self.path = path
        self.raw = raw
        self.limits = limits
        self.data: dict[str, Any] = {}
        self.cells = _Places()
        self.labels = _Labels()
        self.notes: list[tuple[Path_, str, dict[str, object]]] = []
        self.formulas: dict[tuple[str, int, int], str] = {}
        self.owners: dict[str, list[Path_]] = {}
        self.first_names: dict[str, list[Path_]] = {}  # the first name of each 名称（牌子）
        self.owner_rows: dict[tuple[str, int], Path_] = {}  # (sheet, row) of each owner
        self.unplaced: set[Any] = set()  # the names of rows said and not read (a 事业单位 of no 类别)
        # what could not be read but was read past: each problem (a cell that is no number,
        # a row or column the layout does not know, a row whose body cannot be found), so a
        # workbook's mistakes are reported together, each at its cell
        self.problems: list[InputProblem] = []
        self.epoch = WINDOWS_EPOCH  # the workbook's date system (its sheets say)

    # -- errors and marks
    def fail(self, sheet: str | None, row: int | None, col: int | None, key: str, **params: object) -> InputProblem:
        return at_cell(self.path, sheet, row, col, key, **params)

    def later(self, sheet: str | None, row: int | None, col: int | None, key: str, **params: object) -> Unreadable:
        """Record a problem to report with the others, and read on."""
        self.problems.append(self.fail(sheet, row, col, key, **params))
        return UNREADABLE

    def mark(self, loc: Path_, sheet: str, row: int, col: int, label: str | None = None) -> None:
        self.cells.kept[loc] = place = (sheet, row, col)  # named (D7) only where a message says where
        if label is not None:
            self.labels.kept[place] = label

    # -- reading
    def read(self) -> Document:
        sheets_read = read_sheets(self.path, self.raw, self.limits, unread=_never_read)
        by_name = {ws.title.strip(_SPACES): ws for ws in sheets_read}
        if any(ws.date1904 for ws in by_name.values()):
            self.epoch = MAC_EPOCH
        known = [s for s in SHEETS if s.name in by_name]
        if not known:
            raise problem(self.path, "xlsx.no-sheets", names="、".join(s.name for s in SHEETS))
        for title, ws in by_name.items():  # a plan sheet under another name would go unread: said
            layout = _resembled(title, ws, set(by_name)) if ws.state == "visible" else None
            if layout is not None:
                key = "xlsx.copied-sheet" if layout.name in by_name else "xlsx.renamed-sheet"
                self.later(ws.title, 1, 1, key, name=title, meant=layout.name)
        first = known[0].name
        self.mark((), first, 1, 1)
        budget = self.limits.max_nodes
        sheets: dict[str, _Sheet] = {}
        for layout in known:
            ws = by_name[layout.name]
            if ws.state != "visible":
                raise self.fail(layout.name, None, None, "xlsx.hidden-sheet", name=layout.name)
            sheet = self._load_sheet(layout.name, ws, budget)
            budget -= len(sheet.cells)
            sheets[layout.name] = sheet
        for layout in known:
            sheet = sheets[layout.name]
            if isinstance(layout, Form):
                self._form(layout, sheet)
            else:
                self._table(layout, sheet)
        # marks: its places' (row, column), read-only (a workbook's Document is never re-marked,
        # as load_text re-marks a YAML file's)
        doc = Document(self.path, self.data, _Marks(self.cells),  # type: ignore[arg-type]
                       cells=self.cells, notes=self.notes, labels=self.labels)
        doc.problems = list(self.problems)
        if self.problems:
            bad = {(p.sheet, p.cell) for p in self.problems}
            doc.problem_locs = {loc for loc, (sheet, row, col) in self.cells.items()
                                if (sheet, cell_name(row, col)) in bad}
        return doc

    def _load_sheet(self, name: str, ws: SheetCells, budget: int) -> _Sheet:
        cells: dict[tuple[int, int], Any] = {}
        formulas = ws.formulas
        if formulas:
            for place, value in ws.cells.items():
                if place in formulas:
                    value = self._saved(name, ws, *place, value)
                elif isinstance(value, str) and not value.strip(_SPACES):
                    continue
                cells[place] = value
                if len(cells) > budget:
                    raise self.fail(name, *place, "xlsx.too-many-cells", limit=self.limits.max_nodes)
        else:  # the same, at once
            cells = {place: value for place, value in ws.cells.items()
                     if not isinstance(value, str) or value.strip(_SPACES)}
            if len(cells) > budget:
                raise self.fail(name, *list(cells)[budget], "xlsx.too-many-cells", limit=self.limits.max_nodes)
        if ws.hidden_rows or ws.hidden_columns:
            self._unseen(name, cells, ws.hidden_rows, ws.hidden_columns)
        merged = []
        for min_row, min_col, max_row, max_col in ws.merged:
            top = cells.get((min_row, min_col))
            if top is None:
                continue
            merged.append((min_row, min_col, max_row, max_col))
            area = (max_row - min_row + 1) * (max_col - min_col + 1)
            if area > budget - len(cells):
                raise self.fail(name, min_row, min_col, "xlsx.too-many-cells", limit=self.limits.max_nodes)
            for r in range(min_row, max_row + 1):
                for c in range(min_col, max_col + 1):
                    cells.setdefault((r, c), top)
        return _Sheet(name, cells, merged)

    def _unseen(self, name: str, cells: dict[tuple[int, int], Any], rows: set[int], columns: set[int]) -> None:
        """A hidden row or column holding anything, said at its first such cell: read unseen,
        what it adds to the plan would be missed on the screen and on paper (as a hidden
        sheet's would: refused the same way)."""
        said: set[tuple[str, int]] = set()
        for row, col in sorted(cells):
            for kind, at, hidden in (("row", row, rows), ("column", col, columns)):
                if at in hidden and (kind, at) not in said:
                    said.add((kind, at))
                    self.later(name, row, col, f"xlsx.hidden-{kind}", number=row, letter=column_letter(col))

    def _saved(self, name: str, ws: SheetCells, row: int, col: int, formula: Any) -> Any:
        text = formula if isinstance(formula, str) else str(getattr(formula, "text", "") or "=?")
        value = ws.saved.get((row, col))
        if isinstance(value, str) and value.startswith("#"):  # what Excel shows for a formula that failed (#DIV/0!)
            return self.later(name, row, col, "xlsx.formula-error", formula=text, error=value[:20])
        if value is None:
            return self.later(name, row, col, "xlsx.formula-no-value", formula=text)
        self.formulas[(name, row, col)] = text
        return value

    def _value(self, sheet: _Sheet, row: int, col: int, field: Field,
               who: tuple[Words, str | None] | None = None) -> tuple[Any, dict[str, object] | None]:
        """The plan value of a cell, and the note to make when it came from a formula.  A
        mistake is said with the field's words (`who`: the sheet, in both languages, and the name of its row,
        said with the column's header; else the header alone), as the plan format's own
        messages say it (worded only for a mistake: most cells have none)."""
        raw = sheet.cells.get((row, col))
        if raw is None:  # an empty cell: the field left out
            return None, None
        if raw is UNREADABLE:  # said where it was read
            return raw, None
        try:
            value = convert(field, raw, self.epoch)
        except _Problem as exc:
            label = field.label
            said = Words(*((_in_row(*who, field) if who else None) or (label, CATALOGUE[field.key][1])))
            return self.later(sheet.name, row, col, exc.key, field=said, **exc.params), None
        formula = self.formulas.get((sheet.name, row, col)) if self.formulas else None
        if formula is None or value is None:
            return value, None
        return value, {"formula": formula, "value": _clean_text(raw) or ""}

    def note(self, loc: Path_, params: dict[str, object] | None) -> None:
        if params is not None:
            self.notes.append((loc, "xlsx.formula-cached", params))

    # -- forms
    def _form(self, layout: Form, sheet: _Sheet) -> None:
        titles = layout.titles
        found: dict[str, tuple[int, dict[str, tuple[int, Field]]]] = {}
        current: Section | None = None
        skip = {zh("xlsx.form.item")}
        by_label = layout.by_label
        cells = sheet.cells
        first = [(row, strip_marks(label)) for row in sheet.rows if (label := _clean_text(cells.get((row, 1)))) is not None]
        # a title an office writes above the form's header (项目 | 填写内容) is not an item
        header = next((row for row, label in first if label in skip), 0)
        for row, label in first:
            if row < header:
                continue
            if label in titles:
                current = titles[label]
                found.setdefault(current.key, (row, {}))
                continue
            if label in skip or label.startswith(_IGNORED_PREFIXES):
                continue
            matched = [(s, f) for s, f in by_label.get(label, ()) if current is None or s is current]
            if not matched:
                candidates = [current] if current is not None else list(layout.sections)
                headers = [f.label for s in candidates for f in s.fields]
                close = close_matches(label, headers, n=1)
                self.later(sheet.name, row, 1, "xlsx.unknown-row", label=label, hint=hint_words(close))
                continue
            section, field = matched[0]
            rows = found.setdefault(section.key, (row, {}))[1]
            rows[field.key] = (row, field)
        figures = [row for _, rows in found.values() for row, field in rows.values() if field.kind == "count"]
        self._merged_figures(sheet, lambda r0, c0, r1, c1: sum(r0 <= r <= r1 for r in figures) if c0 <= 2 <= c1 else 0)
        for section in layout.sections:
            title_row, rows = found.get(section.key, (None, {}))
            values: list[tuple[Field, Any, int]] = []
            for _, (row, field) in sorted(rows.items(), key=lambda kv: kv[1][0]):
                loc = section.base + field.path
                self.mark(loc, sheet.name, row, 2, field.label)
                value, formula = self._value(sheet, row, 2, field)
                self.note(loc, formula)
                if value is not None:
                    values.append((field, value, row))
            if section.optional and not values:
                continue
            target = self._ensure(section.base)
            if title_row is not None and section.base:
                self.mark(section.base, sheet.name, title_row, 1)
            elif section.base and section.base not in self.cells:
                self.mark(section.base, sheet.name, 1, 1)
            for nested in section.always:
                target.setdefault(nested, {})
            for field, value, _ in values:
                _put(target, field.path, value)
            _blanks(*section.blank_kinds, {f.key for f, _, _ in values}, target, form=True)
            if section.base != ("totals",):  # the stated totals' quotas are never `~` (each type is)
                _every_quota_unknown(target)

    def _ensure(self, base: Path_) -> dict[str, Any]:
        node: dict[str, Any] = self.data
        for part in base:
            node = node.setdefault(str(part), {})
        return node

    # -- tables
    def _header(self, layout: Table, sheet: _Sheet) -> tuple[int, dict[int, Field]]:
        wanted = {f.label: f for f in layout.fields}
        need = min(2, len(wanted))
        for row in sheet.rows[:10]:
            labels = {c: strip_marks(_clean_text(sheet.value(row, c)) or "") for c in sheet.row_cols(row)}
            if sum(1 for t in labels.values() if t in wanted) < need:
                continue
            columns: dict[int, Field] = {}
            seen: dict[str, int] = {}
            for col, text in sorted(labels.items()):
                if not text or text.startswith(_IGNORED_PREFIXES):
                    continue
                field = wanted.get(text)
                if field is None:
                    close = close_matches(text, list(wanted), n=1)
                    self.later(sheet.name, row, col, "xlsx.unknown-column", header=text, hint=hint_words(close))
                    continue
                if text in seen:
                    self.later(sheet.name, row, col, "xlsx.duplicate-column", header=text,
                               first=column_letter(seen[text]))
                    continue
                seen[text] = col
                columns[col] = field
            return row, columns
        raise self.fail(sheet.name, 1, 1, "xlsx.no-header", names="、".join(f.header for f in layout.fields))

    def _merged_figures(self, sheet: _Sheet, figures: Callable[[int, int, int, int], int]) -> None:
        """A merged range over two or more cells that each hold a figure of the plan (a
        quota of two bodies, two rows of a form; `figures`: how many a range covers, from its
        first and last row and column): its one number would be read into every cell it covers
        and counted as many times, so it is said at its first cell instead."""
        for min_row, min_col, max_row, max_col in sheet.merged:
            if figures(min_row, min_col, max_row, max_col) >= 2:
                self.later(sheet.name, min_row, min_col, "xlsx.merged-figures",
                           ref=f"{cell_name(min_row, min_col)}:{cell_name(max_row, max_col)}")
                top = sheet.cells.get((min_row, min_col))
                for r in range(min_row, max_row + 1):  # the cells it covers left empty: one message, at its first
                    for c in range(min_col, max_col + 1):
                        if sheet.cells.get((r, c)) is top:
                            del sheet.cells[(r, c)]
                sheet.cells[(min_row, min_col)] = UNREADABLE

    def _unheaded(self, sheet: _Sheet, header_row: int, columns: dict[int, Field]) -> None:
        """A column holding values below the header whose header cell is empty: said at that
        cell, since nothing in the column would be read (a column headed by words the table does
        not know is said by `_header`; one headed 备注 is left unread on purpose)."""
        cells = sheet.cells
        for col in sorted({c for _, c in cells} - columns.keys()):  # most tables: none
            header = cells.get((header_row, col))
            if header is not UNREADABLE and not strip_marks(_clean_text(header) or "") and any(
                    r > header_row for r, c in cells if c == col):
                self.later(sheet.name, header_row, col, "xlsx.unheaded-column", letter=column_letter(col))

    def _table(self, layout: Table, sheet: _Sheet) -> None:
        if not sheet.cells:
            return
        header_row, columns = self._header(layout, sheet)
        self._unheaded(sheet, header_row, columns)
        figures = [c for c, f in columns.items() if f.kind == "count"]
        self._merged_figures(sheet, lambda r0, c0, r1, c1: max(0, r1 - max(r0, header_row + 1) + 1)
                             * sum(c0 <= c <= c1 for c in figures))
        if layout.target == "list":
            self.mark(layout.path, sheet.name, header_row, min(columns))
        elif layout.target == "institutions":
            self.mark(("support_institutions",), sheet.name, header_row, min(columns))
        centre_row: int | None = None
        named = next((c for c, f in columns.items() if f.path in (("name",), ("title",))), None)
        ordered = [(col, field, field.path[0].startswith("@")) for col, field in sorted(columns.items())]
        blanks = blank_kinds(columns.values())
        first_col = min(columns)
        listed = Words(sheet.name, CATALOGUE[layout.key][1])
        cells = sheet.cells
        # each row's places, worked out when asked (_Places): the column of each field, the
        # header of each column
        fields = {field.path: col for col, field, where in ordered if not where}
        headers = {col: field.label for col, field, where in ordered if not where}
        rows, row_headers, name_ = self.cells.rows, self.labels.rows, sheet.name
        held = {r for r, c in cells if r > header_row and c in columns}  # the rows holding a value to read
        for row in sheet.rows:
            if row not in held:
                continue
            if _office_row(cells.get((row, named if named is not None else first_col))):
                continue
            item, notes, special = self._row(sheet, listed, row, ordered, named, blanks)
            if layout.target == "list":
                loc = self._append(layout.path, item)
            elif layout.target == "owned":
                owner = self._owner(sheet, row, *special.get("@owner", (None, first_col)))
                if owner is None:
                    continue
                loc = self._append(owner + layout.path, item)
            else:  # institutions
                category, col = special.get("@category", (None, first_col))
                if category is None or category is UNKNOWN_VALUE:  # blank or 未知: where the row goes is not said
                    self._no_category(sheet, row, col, category)
                    self.unplaced.add(item.get("name"))  # its own rows (领导职数) are not said again
                    continue
                if category is UNREADABLE:  # said already
                    continue
                if category in ("centre", "outside"):
                    self._support_row(sheet, row, columns, str(category), item)
                if category == "centre":
                    if centre_row is not None:
                        self.later(sheet.name, row, col, "xlsx.two-centres", first=centre_row)
                        continue
                    centre_row = row
                    self.data["support_center"] = item
                    loc = ("support_center",)
                elif category == "institution":
                    loc = self._append(("institutions",), item)
                else:
                    loc = self._append(("support_institutions",), item)
            if type(loc[-1]) is int:  # an item of a list
                rows[loc] = (name_, row, first_col, fields)
                row_headers[(name_, row)] = headers
            else:  # the service centre: its one row marked value by value
                self.mark(loc, name_, row, first_col)
                for path, col in fields.items():
                    self.mark(loc + path, name_, row, col, headers[col])
            for path, formula in notes:
                self.note(loc + path, formula)
            name = item.get("name")
            if isinstance(name, str) and (layout.path == ("bodies",) or layout.target == "institutions"):
                self.owners.setdefault(name, []).append(loc)
                first = split_second_name(name)[0]
                if first != name:
                    self.first_names.setdefault(first, []).append(loc)
                self.owner_rows[(sheet.name, row)] = loc

    def _no_category(self, sheet: _Sheet, row: int, col: int, category: Any) -> None:
        """A 事业单位 row whose 类别 is blank or 未知, said at that cell: whether the row is the
        service centre, an institution left outside it or another institution decides what
        the support-institution checks find, so the row is not read as any of them."""
        choices = "、".join(enum_labels("inst_category"))
        if category is None:
            self.later(sheet.name, row, col, "xlsx.missing-category", choices=choices)
        else:
            self.later(sheet.name, row, col, "xlsx.unknown-value-category", choices=choices,
                       value=_written(sheet, row, col))

    def _owner(self, sheet: _Sheet, row: int, owner: Any, col: int) -> Path_ | None:
        """The path of the body or institution a row of an owned table (内设科室, …) belongs
        to, by its 所属机构 cell (`owner`, at `col`); None, said at that cell, where the cell
        names none, or none or several of the plan's."""
        if owner is None or owner is UNREADABLE:
            if owner is None:
                self.later(sheet.name, row, col, "xlsx.missing-owner")
            return None
        if owner is UNKNOWN_VALUE:  # 未知: no body to put the row under
            self.later(sheet.name, row, col, "xlsx.unknown-value-owner",
                       value=_written(sheet, row, col))
            return None
        # a body written with its nameplate in brackets (党政办公室（人大办公室）) is found
        # by its first name too, where no body is called that
        paths = self.owners.get(owner, []) or self.first_names.get(owner, [])
        by_row = _OWNER_ROW.fullmatch(owner)
        if not paths and by_row and (by_row["sheet"], int(by_row["row"])) in self.owner_rows:
            paths = [self.owner_rows[(by_row["sheet"], int(by_row["row"]))]]
        if not paths:
            if owner not in self.unplaced:  # else its row was said, and why it was not read
                self.later(sheet.name, row, col, "xlsx.unknown-owner", name=owner)
            return None
        if len(paths) > 1:
            self.later(sheet.name, row, col, "xlsx.ambiguous-owner", name=owner)
            return None
        return paths[0]

    def _row(self, sheet: _Sheet, listed: Words, row: int, columns: list[tuple[int, Field, bool]],
             named: int | None, blanks: tuple[list[Field], list[Field]],
             ) -> tuple[dict[str, Any], list[tuple[tuple[str, ...], dict[str, object]]], dict[str, tuple[Any, int]]]:
        """One row of a table (`columns`: each column, its field and whether it says where the
        item goes): its item, the note of each value read from a formula (the field's path, the
        note), and the values of the columns that say where the item goes (@owner, @category)."""
        cells = sheet.cells
        item: dict[str, Any] = {}
        notes: list[tuple[tuple[str, ...], dict[str, object]]] = []
        special: dict[str, tuple[Any, int]] = {}
        filled: set[str] = set()
        plain = not self.formulas  # no cell of the workbook is a formula: no note to make
        epoch = self.epoch
        for col, field, where in columns:
            value = formula = None
            raw = cells.get((row, col))
            if raw is not None:
                filled.add(field.key)
                if plain and raw is not UNREADABLE:
                    try:
                        value = convert(field, raw, epoch)  # self._value, in short
                    except _Problem:
                        value = _NOT_CONVERTED
                else:
                    value = _NOT_CONVERTED
                if value is _NOT_CONVERTED:  # a mistake to say, a formula's value to note, or one said already
                    who = (listed, _clean_text(cells.get((row, named))) if named is not None else None)
                    value, formula = self._value(sheet, row, col, field, who)
            if where:
                special[field.path[0]] = (value, col)
                continue
            if formula is not None:
                notes.append((field.path, formula))
            if value is not None:
                path = field.path
                if len(path) == 1:  # _put, in short
                    item[path[0]] = None if value is UNKNOWN_VALUE else value
                else:
                    _put(item, path, value)
        _blanks(*blanks, filled, item)
        _every_quota_unknown(item)
        return item, notes, special

    def _support_row(self, sheet: _Sheet, row: int, columns: dict[int, Field], category: str,
                     item: dict[str, Any]) -> None:
        """A row of the service centre or of a support institution left outside it: what the
        category already says (a support institution; the centre or not) may be filled in
        too, as the template offers those columns on every row; what contradicts it is said
        at its cell."""
        cols = {f.path: c for c, f in columns.items()}
        centre = category == "centre"
        said = enum_label("inst_category", category)
        flag = item.pop("support_center", None)
        if flag is not None and flag is not UNREADABLE and flag != centre:
            self.later(sheet.name, row, cols[("support_center",)], "xlsx.centre-flag", category=said,
                       header=zh("xlsx.col.is_centre"), expected=enum_label("bool", centre))
        kind = item.pop("kind", None)
        if kind is not None and kind is not UNREADABLE and kind != "support":
            self.later(sheet.name, row, cols[("kind",)], "xlsx.centre-kind", category=said,
                       header=zh("xlsx.col.inst_kind"), value=enum_label("inst_kind", kind),
                       support=enum_label("inst_kind", "support"), other=enum_label("inst_category", "institution"))

    def _append(self, path: Path_, item: dict[str, Any]) -> Path_:
        node: Any = self.data
        for part in path[:-1]:
            node = node[part] if isinstance(part, int) else node.setdefault(part, {})
        items = node.setdefault(path[-1], [])
        items.append(item)
        return (*path, len(items) - 1)


# "党政办公室（职能机构第5行）": an owner named by its row, where its name alone is ambiguous
_OWNER_ROW = re.compile(
    re.escape(zh("xlsx.owner-row")).replace(r"\{name\}", "(?P<name>.+)").replace(r"\{sheet\}", "(?P<sheet>.+)")
    .replace(r"\{row\}", r"(?P<row>\d+)")
)


def _written(sheet: _Sheet, row: int, col: int) -> str:
    """What a cell read as unknown says (未知, ~, null), for a message quoting it."""
    return _clean_text(sheet.cells.get((row, col))) or zh(UNKNOWN)


def _in_row(listed: Words, name: str | None, field: Field) -> tuple[str, str] | None:
    """How a message names a cell of a named row: 职能机构“经济发展局”的行政编制（名）, as a
    YAML plan's messages name the field; None for a row without a name."""
    if name is None or name is UNREADABLE:
        return None
    said = f"“{name}”"
    label_zh, label_en = field.label, CATALOGUE[field.key][1]
    return (render("place.listed-field", "zh", {"list": listed.zh, "said": said, "field": label_zh}),
            render("place.listed-field", "en", {"list": listed.en, "said": said, "field": label_en}))


_NOT_CONVERTED = object()  # a cell `_Reader._row` leaves to `_Reader._value`


def _put(target: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for part in path[:-1]:
        target = target.setdefault(part, {})
    target[path[-1]] = None if value is UNKNOWN_VALUE else value


def _blanks(quotas: list[Field], unknown: list[Field], filled: set[str], target: dict[str, Any],
            form: bool = False) -> None:
    """What the blank cells of one table row (or form section) say (see layout.ZERO_WHEN_OMITTED):
    on a form every blank quota type is unknown; in a table row that gives no quota type at
    all, every type is; a blank figure the plan format would count as 0 is unknown.  The
    fields: `layout.blank_kinds`."""
    if form:
        for f in quotas:
            if f.key not in filled:
                _put(target, f.path, UNKNOWN_VALUE)
    elif quotas and not any(f.key in filled for f in quotas):
        target["quotas"] = dict.fromkeys(QUOTA_TYPES)
    for f in unknown:
        if f.key not in filled:
            _put(target, f.path, UNKNOWN_VALUE)


def _every_quota_unknown(item: dict[str, Any]) -> None:
    """`quotas: ~` (every type unknown) is six cells of 未知; read back as it was written."""
    quotas = item.get("quotas")
    if isinstance(quotas, dict) and len(quotas) == len(QUOTA_TYPES) and all(v is None for v in quotas.values()):
        item["quotas"] = None


def load_workbook_bytes(path: str, raw: bytes, limits: Limits = DEFAULT_LIMITS, collect: bool = False) -> Document:
    """A plan workbook's data and marks.  Raises InputProblem, and nothing else for any
    content of the file; the cells it read past are raised together, or with `collect`
    left in the Document's `problems` (see load.load_text).  A failure of the form's own code
    is raised as it is: the run tells it as an internal error (`_ours`)."""
    try:
        doc = _Reader(path, raw, limits).read()
        if doc.problems and not collect:
            raise together(doc.problems)
        return doc
    except InputProblem:
        raise
    except (RecursionError, MemoryError):
        raise problem(path, "xlsx.too-big", size=len(raw), limit=limits.max_bytes) from None
    except Exception as exc:  # a workbook openpyxl chokes on part-way: still one message
        if _ours(exc):
            raise
        raise problem(path, "xlsx.not-a-workbook", reason=f"{type(exc).__name__}: {exc}"[:200]) from None


_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # staffing/


def _ours(exc: BaseException) -> bool:
    """Whether `exc`, raised while the form reads the sheets' values (the bytes were read by
    `read_sheets`, which says what is wrong with a file), was raised in this tool's own code: a
    bug of ours, which the run tells as an internal error to report, never as the file's fault."""
    tb = exc.__traceback__
    if tb is None:
        return False
    while tb.tb_next is not None:
        tb = tb.tb_next
    return os.path.abspath(tb.tb_frame.f_code.co_filename).startswith(_PACKAGE + os.sep)


def load_workbook_file(path: str, limits: Limits = DEFAULT_LIMITS, collect: bool = False) -> Document:
    return load_workbook_bytes(path, read_bytes(path, limits), limits, collect)


__all__ = ["ENUMS", "WORKBOOK_SUFFIXES", "column_letter", "is_workbook", "load_workbook_bytes", "load_workbook_file"]
