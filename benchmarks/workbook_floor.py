"""A plan workbook's read, step by step, against the least a reader in Python could do at each.

For each workbook of a folder (made by `staffing convert`, or saved by a spreadsheet program),
in one process, the best of --rounds rounds, ms a workbook:

- the XML: every part unpacked and each part cells are read from (the sheets, the shared
  strings, the styles, the workbook and its relationships) parsed into a tree by the standard
  library's C parser, as our reader parses them (a sheet's drop-downs' lists left out), nothing
  done with the trees;
- the walk, ours: the trees walked into each sheet's cells, as openpyxl would read them, with
  every check that keeps the reader equal to openpyxl's, the shared strings' and the styles'
  trees read too (`workbook_cells.read_cells`, less the XML);
- the walk, least: every cell of the sheets' data with a value, its reference and its text
  copied into a dict, nothing checked, nothing converted;
- the form, ours: those cells into the plan's data, each value converted and marked with its
  cell (`workbook.load_workbook_bytes`, less `read_sheets`);
- the form, least: each of those values stored once in a dict and marked once in another.

    .venv/bin/python benchmarks/workbook_floor.py /tmp/workbooks
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from staffing.io import workbook, workbook_cells
from staffing.io.document import DEFAULT_LIMITS


def best(books: list[Any], step: Callable[[Any], Any], rounds: int) -> float:
    """ms a workbook, the best of `rounds` rounds over every workbook."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        for book in books:
            step(book)
        times.append(time.perf_counter() - start)
    return min(times) / len(books) * 1e3


def least_walk(roots: list[Any]) -> list[dict[str, Any]]:
    """Each cell with a value: its reference → its text (a value's, or an inline string's)."""
    out = []
    for root in roots:
        cells: dict[str, Any] = {}
        for top in root:
            if top.tag == workbook_cells._DATA:
                for row in top:
                    for c in row:
                        if len(c):
                            v = c[0]
                            cells[c.get("r")] = v.text if v.text is not None else v[0].text
        out.append(cells)
    return out


def least_form(sheets: list[dict[str, Any]]) -> None:
    data: dict[tuple[int, str], Any] = {}
    marks: dict[tuple[int, str], tuple[int, str]] = {}
    for k, cells in enumerate(sheets):
        for ref, value in cells.items():
            data[k, ref] = value
            marks[k, ref] = (k, ref)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path, help="a folder of .xlsx workbooks")
    ap.add_argument("--rounds", type=int, default=11)
    args = ap.parse_args()
    paths = sorted(str(p) for p in args.folder.glob("*.xlsx"))
    if not paths:
        print(f"no .xlsx in {args.folder}", file=sys.stderr)
        return 2
    raws = {p: Path(p).read_bytes() for p in paths}
    limit = DEFAULT_LIMITS.max_nodes

    def package(path: str) -> Any:
        return workbook_cells._Package(zipfile.ZipFile(io.BytesIO(raws[path])))

    packages = {p: package(p) for p in paths}
    listed = {p: [one for one in workbook_cells._Book(packages[p], limit).sheets() if not workbook._never_read(one[0])]
              for p in paths}  # the sheets the plan's read parses
    trees = {p: [workbook_cells._parse_sheet(packages[p].read(part)) for _, _, part in listed[p]] for p in paths}
    walked = {p: least_walk(trees[p]) for p in paths}
    read = {p: workbook.read_sheets(p, raws[p], DEFAULT_LIMITS, unread=workbook._never_read) for p in paths}

    def parsed(path: str) -> None:  # every part unpacked, every XML part cells are read from parsed
        pkg = package(path)
        sheets = {part for _, _, part in listed[path]}
        for name, data in pkg.parts.items():
            if name in sheets:
                workbook_cells._parse_sheet(data)
            elif name.endswith((".xml", ".rels")) and not name.startswith(("docProps/", "xl/theme/", "xl/worksheets/")):
                ET.fromstring(data)

    def ours_cells(path: str) -> None:
        workbook_cells.read_cells(zipfile.ZipFile(io.BytesIO(raws[path])), limit, workbook._never_read)

    def ours_form(path: str) -> None:
        workbook.load_workbook_bytes(path, raws[path], DEFAULT_LIMITS)

    real_read = workbook.read_sheets
    rounds = args.rounds
    xml = best(paths, parsed, rounds)
    walk = best(paths, ours_cells, rounds) - xml
    walk_least = best(paths, lambda p: least_walk(trees[p]), rounds)
    workbook.read_sheets = lambda path, raw, limits, formulas=True, unread=None: read[path]
    try:
        form = best(paths, ours_form, rounds)
    finally:
        workbook.read_sheets = real_read
    form_least = best(paths, lambda p: least_form(walked[p]), rounds)
    values = statistics.mean(sum(len(s) for s in walked[p]) for p in paths)
    print(f"{len(paths)} workbooks, {values:.0f} cells with a value each; ms a workbook, best of {rounds}")
    print(f"{'the XML (unpacked, parsed)':32}{xml:8.3f}")
    print(f"{'the walk, ours':32}{walk:8.3f}   least {walk_least:.3f} ({walk / walk_least:.1f}×)")
    print(f"{'the form, ours':32}{form:8.3f}   least {form_least:.3f} ({form / form_least:.1f}×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
