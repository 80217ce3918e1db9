"""What a workbook would cost once opened, counted from its XML before the workbook
library builds anything.

openpyxl makes one object per cell it reads, and more for the cells a merged range or a
hyperlinked range covers: a 31 kB workbook holding the one merged range `D30:Z400000`
made it build nine million cells (minutes, gigabytes).  So every worksheet part is read
here first, by a streaming XML parser that builds nothing (expat, with every entity
declaration refused), and the workbook is refused with one message when

- its cells, counting each merged and each hyperlinked range at the cells it covers
  (each by its local name, in whatever namespace it is written, as openpyxl reads them),
  are more than `Limits.max_nodes` (the same budget a YAML plan's values have);
- its shared-strings table has more entries than that;
- a cell, range or the sheet's declared dimension lies outside Excel's grid
  (1,048,576 rows by 16,384 columns).

Nothing here evaluates or keeps the workbook's text."""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from xml.parsers import expat

from staffing.errors import InputProblem, problem

MAX_ROW = 1_048_576  # Excel's grid
MAX_COL = 16_384
_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


class _Stop(Exception):
    """The budget is spent: stop parsing."""


class _Entity(Exception):
    """An entity declaration: refused before anything could expand it."""


def _col(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _cell(ref: str) -> tuple[int, int] | None:
    m = _REF.fullmatch(ref.strip())
    return (int(m[2]), _col(m[1])) if m else None


def _area(ref: str) -> tuple[int, int, int, int] | None:
    """(min_row, min_col, max_row, max_col) of "A1" or "A1:C3"; None when unreadable."""
    first, _, last = ref.strip().partition(":")
    a = _cell(first)
    b = _cell(last) if last else a
    if a is None or b is None:
        return None
    return min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1])


@dataclass
class _Count:
    """What the sheets add up to, and where the budget ran out."""

    limit: int
    cells: int = 0
    strings: int = 0
    over: tuple[str, str, str] | None = None  # (key, sheet, cell) of the first thing past a bound
    sheet: str = ""
    names: dict[str, str] = field(default_factory=dict)


def _sheet_names(archive: zipfile.ZipFile, parts: set[str]) -> dict[str, str]:
    """Worksheet part → the sheet's name, from xl/workbook.xml and its relationships (the
    part's own name where they do not say)."""
    targets: dict[str, str] = {}
    names: dict[str, str] = {}

    def rel(name: str, attrs: dict[str, str]) -> None:
        if name == f"{_PKG_REL} Relationship" and "Id" in attrs and "Target" in attrs:
            target = attrs["Target"]
            targets[attrs["Id"]] = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join("xl", target))

    def sheet(name: str, attrs: dict[str, str]) -> None:
        if name == f"{_MAIN} sheet":
            rid = attrs.get(f"{_REL} id")
            if rid in targets and "name" in attrs:
                names[targets[rid]] = attrs["name"]

    for part, handler in (("xl/_rels/workbook.xml.rels", rel), ("xl/workbook.xml", sheet)):
        if part in parts:
            _parse(archive.read(part), handler)
    return names


def _parse(data: bytes, start: Callable[[str, dict[str, str]], None]) -> None:
    parser = expat.ParserCreate(namespace_separator=" ")

    def refuse(*_: object) -> None:
        raise _Entity()

    parser.EntityDeclHandler = refuse  # no entity is ever expanded (nor declared)
    parser.StartElementHandler = start
    parser.Parse(data, True)


def _scan_sheet(data: bytes, count: _Count) -> None:
    # every cell, merged range, hyperlink and dimension in any namespace (or none): openpyxl
    # builds a cell for each child of a row, and reads a list's ranges by their local names
    cell_tag, merge_tag, link_tag, dim_tag = "c", "mergeCell", "hyperlink", "dimension"

    def over(key: str, ref: str) -> None:
        count.over = (key, count.sheet, ref)
        raise _Stop(key)

    def start(name: str, attrs: dict[str, str]) -> None:
        name = name[name.rfind(" ") + 1:]
        if name == cell_tag:
            count.cells += 1
            ref = attrs.get("r")
            if ref is not None:
                place = _cell(ref)
                if place is not None and (place[0] > MAX_ROW or place[1] > MAX_COL):
                    over("xlsx.out-of-grid", ref)
            if count.cells > count.limit:
                over("xlsx.too-many-cells", ref or "")
        elif name in (merge_tag, link_tag, dim_tag):
            ref = attrs.get("ref", "")
            area = _area(ref)
            if area is None:
                return  # the workbook library says what is wrong with it
            if area[2] > MAX_ROW or area[3] > MAX_COL:
                over("xlsx.out-of-grid", ref)
            if name != dim_tag:  # every cell a merged or linked range covers becomes an object
                count.cells += (area[2] - area[0] + 1) * (area[3] - area[1] + 1) - (name == merge_tag)
                if count.cells > count.limit:
                    over("xlsx.too-many-cells", ref.split(":")[0])

    _parse(data, start)


def _scan_strings(data: bytes, count: _Count) -> None:
    tag = f"{_MAIN} si"

    def start(name: str, attrs: dict[str, str]) -> None:
        if name == tag:
            count.strings += 1
            if count.strings > count.limit:
                count.over = ("xlsx.too-many-strings", "", "")
                raise _Stop("strings")

    _parse(data, start)


def check_bounds(path: str, archive: zipfile.ZipFile, limit: int) -> None:
    """Raise one InputProblem when the workbook in `archive` would cost more than `limit`
    cells (merged and hyperlinked ranges counted at their size) or shared strings, or
    reaches outside Excel's grid.  The archive's size was bounded before (inspect_zip)."""
    parts = {i.filename for i in archive.infolist()}
    sheets = sorted(p for p in parts if p.startswith("xl/worksheets/") and p.endswith(".xml"))
    count = _Count(limit)
    try:
        count.names = _sheet_names(archive, parts)
        for part in sheets:
            count.sheet = count.names.get(part, part)
            _scan_sheet(archive.read(part), count)
        strings = [p for p in parts if p.lower() == "xl/sharedstrings.xml"]
        for part in strings:
            _scan_strings(archive.read(part), count)
    except _Stop:
        pass
    except _Entity:
        raise problem(path, "xlsx.not-a-workbook", reason="XML entity declaration") from None
    except (expat.ExpatError, zipfile.BadZipFile, ValueError, OSError, LookupError):
        return  # not well-formed (an encoding no codec reads: LookupError): the workbook library says so
    if count.over is None:
        return
    key, sheet, ref = count.over
    if key == "xlsx.too-many-strings":
        raise problem(path, key, limit=limit)
    place = _cell(ref.split(":")[0]) if ref else None
    inside = place is not None and place[0] <= MAX_ROW and place[1] <= MAX_COL
    base = problem(path, key, limit=limit, ref=ref, rows=MAX_ROW, columns=MAX_COL)
    cell = ref.split(":")[0].replace("$", "").upper() if inside else None
    raise InputProblem(base.file, base.key, base.params, sheet=sheet or None, cell=cell)
