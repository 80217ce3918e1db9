"""A sheet's data read by pattern (`_Book._by_pattern`) is the data read from its tree
(`_Book._by_tree`): the same cells, formulas, saved values and merged ranges, in the same
order, and the same count against the bounds; or the pattern leaves the sheet to the tree
(returns None), or fails where the tree fails.  Never a value the tree would not give.

Sheets come from one seeded random generator, in two kinds: sheets built from pieces where
the two could part ways (attributes in any order, quoted either way, twice, in a prefix not
declared; values with entities, character references, carriage returns, characters XML
refuses; inline strings with runs or none; formulas; rows without numbers, nested, left
open; text, comments and other elements among the rows), and the sheets of converted plans
with such pieces put in, characters cut and spans swapped."""

from __future__ import annotations

import copy
import io
import random
import zipfile
from typing import Any

import pytest

from staffing.cli import main as cli
from staffing.io import workbook_cells
from staffing.io.document import DEFAULT_LIMITS
from test_workbook_cells import MAIN, PLANS, _awkward

X14AC = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"

REFS = ["A1", "B1", "C2", "AA3", "b1", "$A$1", "", "A0", "XFE1", "A1048577", "C1"]
STYLES = ["0", "1", "2", "3", "4", "", "999", "-1", " 1"]
KINDS = ["s", "n", "b", "e", "str", "inlineStr", "d", "x"]
TEXTS = ["0", "1", "2", "7", "1.5", "1E3", "-7", "", "abc", "#DIV/0!", "45000", "99", "1_0", " 3 ",
         "甲&amp;乙", "&#13;", "a\r\nb", "a\nb", "x>y", "&lt;", "\u3000", "&#x1F600;", "a]]b", "\x01", "true"]
CONTENTS = ["", "<v>{t}</v>", "<is><t>{t}</t></is>", '<is><t xml:space="preserve"> {t} </t></is>',
            "<is><r><t>{t}</t></r></is>", "<is><t/></is>", "<v/>", "<f>1+1</f><v>{t}</v>", "<f>A1</f>",
            '<f t="shared" ref="A1:B1" si="0">A1*2</f><v>{t}</v>', '<f t="shared" si="0"/>', "<v><x/></v>",
            "<v>{t}</v><v>{t}</v>", "<is><t>{t}</t></is><v>1</v>", " <v>{t}</v> ", "<x:v>{t}</x:v>",
            '<v xmlns="urn:other">{t}</v>', "<c/>", "<row/>"]
ROW_ATTRS = ['spans="1:3"', 'ht="20"', 'customHeight="1"', 'x14ac:dyDescent="0.25"', 'foo="1"', 'ht="1" ht="2"',
             'xmlns="urn:other"', "hidden='1'", 's="1" customFormat="1"']
ONE = '<sheetData><row r="9"><c r="A9"><v>9</v></c></row></sheetData>'  # a second sheetData
BETWEEN = ["", "", "", "\n", " ", "\t", "text", "<!-- c -->", "<x/>", "<![CDATA[x]]>", "\u3000", "&amp;"]


def _pick(rng: random.Random, pieces: list[str], tidy: bool) -> str:
    """One of the pieces; `tidy`: one of the first few (a cell as workbooks write it)."""
    return rng.choice(pieces[:4] if tidy else pieces)


def _cell(rng: random.Random, tidy: str = "") -> str:
    """A cell; `tidy`: its reference, as workbooks write it (written or not)."""
    attrs = []
    if tidy:
        attrs += [f'r="{tidy}"'] if rng.random() < 0.8 else []
    elif rng.random() < 0.8:
        attrs.append(f'r="{rng.choice(REFS)}"')
    if rng.random() < 0.6:
        attrs.append(f's="{_pick(rng, STYLES, bool(tidy))}"')
    if rng.random() < 0.7:
        attrs.append(f't="{rng.choice(KINDS[:6] if tidy else KINDS)}"')
    if tidy:
        return "<c " + " ".join(attrs) + ">" + _pick(rng, CONTENTS, True).format(t=_pick(rng, TEXTS, rng.random() < 0.7)) + "</c>"
    if rng.random() < 0.1:
        attrs.append(rng.choice(['cm="1"', 'r="B2"', 'xmlns="urn:other"', "x14ac:foo='1'"]))
    if rng.random() < 0.2:
        rng.shuffle(attrs)
    if rng.random() < 0.1:
        attrs = [a.replace('"', "'") for a in attrs]
    space = rng.choice([" ", " ", "  ", "\n"])
    head = "<c" + "".join(space + a for a in attrs) + rng.choice(["", "", " "])
    content = rng.choice(CONTENTS).format(t=rng.choice(TEXTS))
    if not content and rng.random() < 0.5:
        return head + "/>"
    return head + ">" + content + "</c>"


def _row(rng: random.Random, number: int, tidy: bool = False) -> str:
    attrs = []
    if tidy:
        attrs += [f'r="{number}"'] if rng.random() < 0.9 else []
    elif rng.random() < 0.85:
        attrs.append(f'r="{rng.choice([str(number), str(number), "0", "01", "x", "1048577"])}"')
    attrs += rng.sample(ROW_ATTRS[:4] if tidy else ROW_ATTRS, rng.choice([0, 0, 1, 2]))
    head = "<row" + "".join(" " + a for a in attrs)
    if rng.random() < 0.05:
        return head + "/>"
    cells = "".join((rng.choice(BETWEEN) if not tidy and rng.random() < 0.1 else "")
                    + _cell(rng, f"{'ABCDE'[k]}{number}" if tidy else "") for k in range(rng.randint(0, 5)))
    end = "</row>" if tidy or rng.random() < 0.97 else ""
    return head + ">" + cells + end


def built(rng: random.Random) -> bytes:
    """A sheet made of the pieces above."""
    tidy = rng.random() < 0.5  # a sheet as workbooks write it, of any value
    declared = f' xmlns:x14ac="{X14AC}"' if rng.random() < 0.7 else ""
    if rng.random() < 0.3:
        declared += f' xmlns:x="{rng.choice([MAIN, "urn:x"])}"'
    rows = "".join((rng.choice(BETWEEN) if not tidy and rng.random() < 0.1 else "") + _row(rng, k + 1, tidy)
                   for k in range(rng.randint(0, 6)))
    data = ("<sheetData>{}</sheetData>" if tidy else rng.choice(["<sheetData>{}</sheetData>", "<sheetData>{}</sheetData>", "<sheetData >{}</sheetData>",
                       '<sheetData xmlns:x14ac="' + X14AC + '">{}</sheetData>', "<x:sheetData>{}</x:sheetData>",
                       "<sheetData/>{}", "<sheetData>{}", "<x:sheetData>{}</x:sheetData>" + ONE,
                       "<sheetData>{}</sheetData><x:sheetData/>", "<sheetPr><sheetData>{}</sheetData></sheetPr>" + ONE,
                       "<sheetPr>" + ONE + "</sheetPr><sheetData>{}</sheetData>"])).format(rows)
    merged = rng.choice(["", "", '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>',
                         '<mergeCells><mergeCell ref="A1:C2"/></mergeCells><mergeCells/>'])
    head = rng.choice(['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', "", "\ufeff"])
    return (f'{head}<worksheet xmlns="{MAIN}"{declared}><dimension ref="A1:C3"/>{data}{merged}'
            "</worksheet>").encode()


def mutated(rng: random.Random, sheet: bytes) -> bytes:
    """A converted plan's sheet with a piece put in, a span cut or two spans swapped."""
    text = sheet.decode()
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(text))
        what = rng.random()
        if what < 0.5:
            piece = rng.choice([_cell(rng), _row(rng, 1), rng.choice(BETWEEN), rng.choice(TEXTS), "<", ">", '"', "/"])
            text = text[:at] + piece + text[at:]
        elif what < 0.8:
            text = text[:at] + text[at + rng.randint(1, 12):]
        else:
            other = rng.randrange(len(text))
            a, b = sorted((at, other))
            n = rng.randint(1, 30)
            text = text[:a] + text[b:b + n] + text[a + n:b] + text[a:a + n] + text[b + n:]
    return text.encode()


def _opened(raw: bytes) -> workbook_cells._Book:
    return workbook_cells._Book(workbook_cells._Package(zipfile.ZipFile(io.BytesIO(raw))), DEFAULT_LIMITS.max_nodes)


AWKWARD = _opened(_awkward())  # its styles: dates, a duration, a number; its shared strings


def _book(of: workbook_cells._Book = AWKWARD) -> workbook_cells._Book:
    """A fresh reading of a workbook's sheet: nothing counted or kept from another."""
    book = copy.copy(of)
    book.counted, book.styles, book.translators = 0, {0: 0}, {}
    return book


def _outcome(read: Any) -> tuple[str, Any]:
    try:
        return "read", read()
    except Exception as exc:  # the tree's failing is compared, not raised
        return "failed", type(exc).__name__


def agree(data: bytes, of: workbook_cells._Book = AWKWARD) -> str:
    """How the pattern read `data`: "left" to the tree, "read" alike, or "failed" where the
    tree failed; asserting it never reads what the tree does not."""
    by_pattern, by_tree = _book(of), _book(of)
    tree = _outcome(lambda: by_tree._by_tree("表", "visible", "xl/worksheets/sheet1.xml", data))
    pattern = _outcome(lambda: by_pattern._by_pattern("表", "visible", data))
    if pattern == ("read", None):
        return "left"
    if pattern[0] == "failed":
        assert tree[0] == "failed", (data, pattern)
        return "failed"
    assert tree[0] == "read", (data, tree)
    got, expected = pattern[1], tree[1]
    assert got == expected, data
    assert [list(d.items()) for d in (got.cells, got.formulas, got.saved)] == \
        [list(d.items()) for d in (expected.cells, expected.formulas, expected.saved)], data
    assert by_pattern.counted == by_tree.counted, data
    return "read"


def test_sheets_built_from_awkward_pieces_read_alike() -> None:
    rng = random.Random(20261206)
    seen = {"left": 0, "read": 0, "failed": 0}
    for _ in range(1500):
        seen[agree(built(rng))] += 1
    # the pieces reach every way out: read by pattern, left to the tree, failing as the tree fails
    assert min(seen.values()) > 100, seen


Sheet = tuple[workbook_cells._Book, bytes]


@pytest.fixture(scope="module")
def plan_sheets(tmp_path_factory: pytest.TempPathFactory) -> list[Sheet]:
    """Every sheet of four converted plans, with its workbook (its styles)."""
    folder = tmp_path_factory.mktemp("books")
    sheets = []
    for plan in PLANS[:4]:
        out = folder / f"{plan.stem}.xlsx"
        assert cli.main(["convert", str(plan), "-o", str(out)]) == 0
        book = _opened(out.read_bytes())
        sheets += [(book, workbook_cells._plain(book.archive, part)) for _, _, part in book.sheets()]
    return sheets


def test_a_converted_plans_sheets_are_read_by_pattern(plan_sheets: list[Sheet]) -> None:
    assert [agree(sheet, book) for book, sheet in plan_sheets] == ["read"] * len(plan_sheets)


def test_a_converted_plans_sheets_changed_read_alike(plan_sheets: list[Sheet]) -> None:
    rng = random.Random(61)
    seen = {"left": 0, "read": 0, "failed": 0}
    for _ in range(1000):
        book, sheet = rng.choice(plan_sheets)
        seen[agree(mutated(rng, sheet), book)] += 1
    assert seen["read"] > 100 and seen["left"] > 100, seen


def test_an_excel_row_is_read_by_pattern_only_where_its_prefix_is_declared() -> None:
    row = '<row r="1" spans="1:2" x14ac:dyDescent="0.25"><c r="A1" s="1" t="s"><v>0</v></c></row>'
    declared = f'<worksheet xmlns="{MAIN}" xmlns:x14ac="{X14AC}"><sheetData>{row}</sheetData></worksheet>'
    assert agree(declared.encode()) == "read"
    undeclared = f'<worksheet xmlns="{MAIN}"><sheetData>{row}</sheetData></worksheet>'
    assert agree(undeclared.encode()) in ("left", "failed")
    with pytest.raises(workbook_cells.Unsure):  # the parser refuses the prefix: openpyxl's to say
        _book()._by_tree("表", "visible", "p", undeclared.encode())
