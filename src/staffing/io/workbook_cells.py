"""The cells of a workbook's sheets, read straight from the sheets' XML.

openpyxl builds an object for every cell, every style and every data validation of every
sheet (about 45 ms for a typical plan workbook, most of the cost of checking one); the plan
reader needs only each cell's value.  `read_cells` gives exactly the values openpyxl gives
(`load_workbook`, with and without `data_only`), from one parse of each part by the
standard library's C XML parser, for the workbooks offices and this tool write: a package
whose parts are plain UTF-8 XML without a document type declaration, its sheets' cells
numbers, shared or inline strings, booleans, errors and formulas (plain or shared) with
their saved values, merged ranges that do not overlap, styles with number formats.

Anything else (a part declaring anything, such as a document type or an entity, in any
part of the package, whether read here or not; a part not plain UTF-8; a sheet title
openpyxl would change, an array formula, a hyperlink, a cell outside the row it sits in, a
merged range it cannot read, a part of more than FAST_BYTES, a count past a bound of
workbook_bounds, …) raises `Unsure`, and the caller reads the workbook through openpyxl
(`openpyxl_cells`) after workbook_bounds' streaming check, as before: openpyxl parses through
defusedxml, gives the same structure and says what is wrong with the file in its own words.
Parts openpyxl parses but whose content holds no cell value (drawings, comments, document
properties, the styles' fonts, fills and borders), a sheet's lists that hold none (its
data validations, its columns' widths, its views: see `_without_lists`) and a row's attributes
but its number (its height, style and outline level) are not read here: their content is not
checked either, so a file that openpyxl refuses only for such a part, list or attribute being
malformed is read here.  The parts are unpacked from the archive's bytes directly
(stored or deflated, each checked against its size and checksum as zipfile checks them).
`tests/io/test_workbook_cells.py` holds the two readers equal on every workbook the tool
writes and on workbooks made to be awkward.

Nothing here evaluates anything.  The cells and strings are counted as workbook_bounds
counts them, and past its bounds this reader is unsure (workbook_bounds then says which)."""

from __future__ import annotations

import functools
import io
import posixpath
import re
import struct
import warnings
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from staffing.io.excel_numbers import (
    MAC_EPOCH,
    WINDOWS_EPOCH,
    builtin_format_code,
    from_excel,
    is_date_format,
    is_timedelta_format,
)
from staffing.io.workbook_bounds import MAX_COL, MAX_ROW, _area

T = TypeVar("T")

def _kept_when_short(read: Callable[..., T], longest: int, size: int) -> Callable[..., T]:
    """`read`, its answers kept for the same few references every plan workbook writes (`size`
    of them at most): text arguments of more than `longest` characters in all are read each
    time and never kept, so that no workbook's long references grow the process."""
    kept = functools.lru_cache(maxsize=size)(read)

    def reading(*texts: str) -> T:
        return kept(*texts) if sum(map(len, texts)) <= longest else read(*texts)

    reading.cache_info = kept.cache_info  # type: ignore[attr-defined]
    return reading


_SHORT_RANGE = 32  # the longest range Excel writes ($XFD$1048576:$XFD$1048576) and then some
# workbook_bounds' reading of a range ("A1:C23"), for the few hundred a plan workbook writes
_known_area = _kept_when_short(_area, _SHORT_RANGE, 4096)


FAST_BYTES = 2 * 2**20  # a part larger than this is left to the streaming bounds check and openpyxl

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_C, _V, _F, _IS, _ROW = _MAIN + "c", _MAIN + "v", _MAIN + "f", _MAIN + "is", _MAIN + "row"
_MERGES, _SI = _MAIN + "mergeCells", _MAIN + "si"
_T, _COL = _MAIN + "t", _MAIN + "col"
_DATA = _MAIN + "sheetData"
_NOT_READ_HERE = {"row": "a row outside the sheet's data", "c": "a cell outside a row",
                  "hyperlinks": "hyperlinks", "hyperlink": "hyperlinks"}  # openpyxl makes a cell for each linked one
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
_XLTX = "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml"
_STRINGS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_COORD = re.compile(r"([A-Za-z]{1,3})([0-9]+)")
_RANGE = re.compile(r"\$?([A-Z]{1,3})\$?([0-9]+)(?::\$?([A-Z]{1,3})\$?([0-9]+))?")
_INVALID_TITLE = re.compile(r"[\\*?:/\[\]]")  # openpyxl refuses a sheet title with one of these
_ENCODING = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']""")
_DECLARATION = re.compile(rb"<!(?!--|\[CDATA\[)")  # <!DOCTYPE, <!ENTITY, <!ELEMENT, …
_STATES = ("visible", "hidden", "veryHidden")
_MAX_MERGES = 256  # more merged ranges than this: openpyxl reads them (their order, their overlaps)

Place = tuple[int, int]  # (row, column), 1-based


class Unsure(Exception):
    """The workbook holds something this reader does not read as openpyxl does."""


@dataclass
class SheetCells:
    """One worksheet as openpyxl reads it: its title and state, the value of every cell that
    has one (merged ranges' covered cells cleared, as openpyxl clears them), for a formula
    cell the formula (openpyxl's value without `data_only`) and the value saved with it
    (its value with `data_only`), and the merged ranges in the order openpyxl keeps them."""

    title: str
    state: str
    cells: dict[Place, Any] = field(default_factory=dict)
    formulas: dict[Place, Any] = field(default_factory=dict)
    saved: dict[Place, Any] = field(default_factory=dict)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # min_row, min_col, max_row, max_col
    hidden_rows: set[int] = field(default_factory=set)  # rows the sheet hides (Excel shows them not)
    hidden_columns: set[int] = field(default_factory=set)
    date1904: bool = False  # the workbook counts its serial dates from 1904 (old Mac Excel), not 1900
    unread: bool = False  # left unread, as the caller asked (a sheet it never reads): no cells

    def shown(self) -> dict[Place, Any]:
        """The cells as Excel shows them: a formula's saved value in its place (openpyxl's
        `data_only=True`); a cell without a value left out."""
        if not self.formulas:
            return self.cells
        out: dict[Place, Any] = {}
        for place, value in self.cells.items():
            if place in self.formulas:
                value = self.saved.get(place)
            if value is not None:
                out[place] = value
        return out


# ---- the fast reader ---------------------------------------------------------------------------


def _local(tag: str) -> str:
    return tag[tag.rfind("}") + 1:]


# What may stand before a part's first "<" when it is XML: a byte-order mark, then white space
# and, in UTF-16 or UTF-32, zero bytes (however long: white space before a doctype is allowed)
_XML_START = re.compile(rb"(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)?[\x00\t\n\r ]*<")


def _may_be_xml(data: bytes) -> bool:
    """Whether a part could be XML at all.  An image (PNG, JPEG, EMF) cannot, and no XML
    parser would read one."""
    return _XML_START.match(data) is not None


def _declares(data: bytes) -> bool:
    """Whether a part holds a declaration (<!DOCTYPE, <!ENTITY, …), in any encoding whose
    markup is ASCII or ASCII with zero bytes between (UTF-16, UTF-32).  A comment or a
    CDATA section is not one; a part that cannot be XML (an image) holds none."""
    if b"!" not in data or not _may_be_xml(data):  # "!" alone: a byte the scan finds far faster than "<!"
        return False
    if b"\0" in data:
        data = data.replace(b"\0", b"")
    return _DECLARATION.search(data) is not None


class _Package:
    """The archive's parts, each unpacked once (the one zipfile would read for a name
    that is there twice)."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        fp = archive.fp
        if isinstance(fp, io.BytesIO):
            self.parts = _unpacked(archive, fp)
        else:
            self.parts = {name: archive.read(name) for name in archive.namelist()}

    def read(self, name: str) -> bytes:
        return self.parts[name]

    def namelist(self) -> list[str]:
        return list(self.parts)


_LOCAL = b"PK\x03\x04"  # a part's local header
_NOT_PLAIN = 0x1 | 0x20 | 0x40  # encrypted, a patch, strongly encrypted: zipfile refuses or asks for a key


class Oversized(Exception):
    """A part that unpacks to more than the archive says it holds: zipfile would unpack it
    (up to 2 GB at a time) and cut it to the size said, so the workbook is refused instead."""

    def __init__(self, part: str) -> None:
        super().__init__(part)
        self.part = part


def _unpacked(archive: zipfile.ZipFile, fp: io.BytesIO) -> dict[str, bytes]:
    """Every part of an archive in memory, as zipfile's `read` gives it, unpacked straight
    from the archive's bytes (zipfile's own reading costs a third of a plan workbook's
    unpacking): stored or deflated, its local header naming it as the directory does, its
    size and checksum the directory's.  Anything else: unsure (zipfile, in openpyxl, then
    says what is wrong), once every part that can be has been unpacked: a deflated part
    that unpacks to more than its declared size raises Oversized, whatever else the archive
    holds, before anything else reads it."""
    parts: dict[str, bytes] = {}
    unsure: str | None = None
    view = fp.getbuffer()
    try:
        for name, info in archive.NameToInfo.items():
            data = _part(archive, view, name, info)
            if isinstance(data, str):
                unsure = unsure or data
            else:
                parts[name] = data
    finally:
        view.release()
    if unsure is not None:
        raise Unsure(unsure)
    return parts


def _part(archive: zipfile.ZipFile, view: memoryview, name: str, info: zipfile.ZipInfo) -> bytes | str:
    """One part unpacked (`_unpacked`), or why it is not."""
    at = info.header_offset
    if at < 0 or view[at:at + 4] != _LOCAL or info.flag_bits & _NOT_PLAIN or info.compress_type not in (0, 8):
        return f"{name}: stored in a way not read here"
    flags, = struct.unpack_from("<H", view, at + 6)
    named, extra = struct.unpack_from("<HH", view, at + 26)
    local = bytes(view[at + 30:at + 30 + named])
    if local.decode("utf-8" if flags & 0x800 else getattr(archive, "metadata_encoding", None) or "cp437") != info.orig_filename:
        return f"{name}: named otherwise in its header"
    start = at + 30 + named + extra
    packed = view[start:start + info.compress_size]
    try:
        if info.compress_type == zipfile.ZIP_DEFLATED:
            unpacking = zlib.decompressobj(-15)
            # never more than declared (and for a part declared empty, one byte: 0 is no limit)
            data = unpacking.decompress(packed, info.file_size or 1)
            if len(data) >= info.file_size and not unpacking.eof and (
                    len(data) > info.file_size or unpacking.decompress(unpacking.unconsumed_tail, 1)):
                raise Oversized(name)
        else:
            data = bytes(packed)
    finally:
        packed.release()
    if len(data) != info.file_size or zlib.crc32(data) != info.CRC:
        return f"{name}: size or checksum"
    return data


def _xml(archive: _Package, name: str, sheet: bool = False) -> ET.Element:
    """A part parsed, when it is plain UTF-8 XML of at most FAST_BYTES without any
    declaration: nothing the parser could expand or fetch is ever given to it.  `sheet`: a
    worksheet, whose drop-downs' lists are left unparsed (`_without_lists`)."""
    try:
        data = archive.read(name)
    except KeyError:
        raise Unsure(f"no part {name}") from None
    if len(data) > FAST_BYTES:
        raise Unsure(f"{name}: large part")
    if b"\0" in data or data.startswith((b"\xfe\xff", b"\xff\xfe")) or (b"!" in data and _DECLARATION.search(data)):
        raise Unsure(f"{name}: encoding or declaration")
    head = _ENCODING.match(data.removeprefix(b"\xef\xbb\xbf"))
    if head is not None and head[1].lower().replace(b"-", b"").replace(b"_", b"") != b"utf8":
        raise Unsure(f"{name}: encoding {head[1]!r}")
    try:
        return _parse_sheet(data) if sheet else ET.fromstring(data)
    except ET.ParseError as exc:
        raise Unsure(f"{name}: {exc}") from None


# Three lists in a sheet give no cell a value, and openpyxl keeps them apart from the cells:
# the data validations (the drop-downs, each with its list, its prompt and its error message:
# in the form this tool writes, 40 % of a sheet's bytes), the columns' widths and the views.
# Where the sheet holds one of such a list, holding nothing but its own elements, and the part
# holds no comment, no CDATA section and no processing instruction (so that every "<" in it
# starts a tag), the list is parsed as an empty one; if it then is not the worksheet's own
# child, the part is parsed whole.  The cells, rows and merged ranges read are the same; the
# lists' content is not checked here, as a drawing's or a comment's is not.
_UNREAD = {"sheetViews": ("sheetView", "pane", "selection"), "cols": ("col",),
           "dataValidations": ("dataValidation", "formula1", "formula2")}
_UNREAD_TAGS = [(b"<" + name.encode(), b"</" + name.encode() + b">", b"<" + name.encode() + b"/>",
                 re.compile(rb"<(?!/?(?:" + "|".join(inner).encode() + rb")[\s/>])"), _MAIN + name,
                 name != "dataValidations")  # before the cells (the schema's order), or after them
                for name, inner in _UNREAD.items()]
_DATA_TAG = b"<sheetData"
_COLS = _MAIN + "cols"


def _without_lists(data: bytes) -> tuple[bytes, list[str]] | None:
    """The part with those lists emptied, and their tags; None where none can be emptied
    with certainty that the rest is left as it is."""
    declared = data.startswith((b"<?xml", b"\xef\xbb\xbf<?xml"))  # the XML declaration, the one "<?" allowed
    if (b"!" in data and b"<!" in data) or (  # "!", "?" alone: bytes found far faster than "<!", "<?"
            data.find(b"?", data.find(b"?>") + 2 if declared else 0) >= 0 and data.count(b"<?") != declared):
        return None  # a comment, a CDATA section or a processing instruction
    cells = data.find(_DATA_TAG)
    spans: list[tuple[int, int, bytes]] = []
    tags: list[str] = []
    for opening, closing, empty, others, tag, before in _UNREAD_TAGS:
        start = data.find(opening, 0, cells) if before else data.rfind(opening)
        if start < 0 or data[start + len(opening):start + len(opening) + 1] not in (b" ", b">"):
            continue
        end = data.find(closing, start)
        if end < 0 or others.search(data, start + 1, end) or (tag == _COLS and data.find(b"hidden", start, end) >= 0):
            continue  # a list holding anything but its own elements; the columns' list hiding one
        spans.append((start, end + len(closing), empty))
        tags.append(tag)
    if not spans:
        return None
    spans.sort()
    pieces: list[bytes] = []
    at = 0
    for start, end, empty in spans:
        if start < at:
            return None
        pieces += (data[at:start], empty)
        at = end
    pieces.append(data[at:])
    return b"".join(pieces), tags


def _parse_sheet(data: bytes) -> ET.Element:
    emptied = _without_lists(data)
    if emptied is not None:
        try:
            root = ET.fromstring(emptied[0])
        except ET.ParseError:
            return ET.fromstring(data)
        for tag in emptied[1]:
            kept = root.find(tag)
            if kept is None or len(kept) or kept.keys():
                return ET.fromstring(data)
        return root
    return ET.fromstring(data)


def _only(node: ET.Element, name: str) -> ET.Element | None:
    """The one child of `node` with local name `name` (openpyxl would take the last of
    several: unsure)."""
    found = [child for child in node if _local(child.tag) == name]
    if len(found) > 1:
        raise Unsure(f"{len(found)} {name}")
    return found[0] if found else None


def _text(node: ET.Element) -> str:
    """openpyxl's `Text.from_tree(node).content`: the plain text and every run's text."""
    if len(node) == 1 and not node.attrib:  # the common case: one plain text
        only = node[0]
        if only.tag == _T and not len(only):
            return only.text or ""
    if any(not key.startswith("{") for key in node.attrib):
        raise Unsure("attributes on a string")
    plain: str | None = None
    runs: list[str] = []
    for child in node:
        name = _local(child.tag)
        if name == "t":
            if len(child):
                raise Unsure("markup inside a text")
            plain = child.text
        elif name == "r":
            if any(not key.startswith("{") for key in child.attrib):
                raise Unsure("attributes on a run")
            text: str | None = None
            for part in child:
                if _local(part.tag) == "t":
                    if len(part):
                        raise Unsure("markup inside a text")
                    text = part.text
            if text is not None:
                runs.append(text)
    return "".join(([plain] if plain is not None else []) + runs)


def _rels(archive: _Package, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id → (type, target resolved as openpyxl resolves it)."""
    folder, name = posixpath.split(part)
    path = posixpath.join(folder, "_rels", f"{name}.rels")
    base = posixpath.split(posixpath.dirname(path))[0]  # what a target is relative to
    out: dict[str, tuple[str, str]] = {}
    for rel in _xml(archive, path):
        if _local(rel.tag) != "Relationship":
            continue
        rid, target, kind = rel.get("Id"), rel.get("Target"), rel.get("Type")
        if rid is None or target is None or kind is None or rel.get("TargetMode") == "External":
            raise Unsure("relationship")
        out[rid] = (kind, target[1:] if target.startswith("/") else _resolved(base, target))
    return out


def _resolve(folder: str, target: str) -> str:
    """A relationship's target, relative to the folder of the part it is of, as openpyxl
    resolves it."""
    return posixpath.normpath(posixpath.join(folder, target))


_resolved = _kept_when_short(_resolve, 255, 1024)


def _date_styles(archive: _Package) -> tuple[int, set[int], set[int]]:
    """How many cell styles there are, and which of them format a number as a date or as a
    duration (openpyxl's `_date_formats`, `_timedelta_formats`)."""
    root = _xml(archive, "xl/styles.xml")
    custom: dict[int, str] = {}
    formats = _only(root, "numFmts")
    for fmt in formats if formats is not None else ():
        if _local(fmt.tag) == "numFmt":
            custom[_int(fmt.get("numFmtId"))] = fmt.get("formatCode") or ""
    xfs = _only(root, "cellXfs")
    ids = [_int(xf.get("numFmtId", "0")) for xf in (xfs if xfs is not None else ()) if _local(xf.tag) == "xf"]
    if not ids:
        raise Unsure("no cell styles")
    dates: set[int] = set()
    durations: set[int] = set()
    if any(i for i in ids):
        kinds: dict[str | None, tuple[bool, bool]] = {}  # each format's, once (many styles share one)
        for k, i in enumerate(ids):
            code = custom[i] if i in custom else builtin_format_code(i)
            kind = kinds.get(code) or _FORMATS.get(code)
            if kind is None:
                kind = kinds[code] = bool(is_date_format(code)), bool(is_timedelta_format(code))
                if (code is None or len(code) <= 255) and len(_FORMATS) < 10_000:  # Excel's longest
                    _FORMATS[code] = kind
            if kind[0]:
                dates.add(k)
            if kind[1]:
                durations.add(k)
    return len(ids), dates, durations


_FORMATS: dict[str | None, tuple[bool, bool]] = {}  # a number format Excel could write → (a date, a duration)


def _true(flag: str | None) -> bool:
    """An XML flag as openpyxl reads it (its Bool): anything but absent, empty, "false", "f" or "0"."""
    return flag is not None and flag not in ("false", "f", "0") and bool(flag)


def _int(text: str | None) -> int:
    if text is None or not text.strip().lstrip("-").isdigit() or not text.isascii():
        raise Unsure(f"number {text!r}")
    return int(text)


def _column(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


class _Book:
    def __init__(self, archive: _Package, limit: int) -> None:
        self.archive = archive
        self.limit = limit
        self.counted = 0  # cells, as workbook_bounds counts them
        self.names = set(archive.namelist())
        types = _xml(archive, "[Content_Types].xml")
        overrides = [(o.get("ContentType"), o.get("PartName") or "") for o in types if _local(o.tag) == "Override"]
        part = next((name for kind in (_XLTX, _XLSX) for ct, name in overrides if ct == kind), None)
        if part is None:
            raise Unsure("no workbook part")
        self.part = part[1:]
        strings_part = next((name[1:] for ct, name in overrides if ct == _STRINGS), None)
        if {p for p in self.names if p.lower() == "xl/sharedstrings.xml"} != ({strings_part} - {None}):
            raise Unsure("shared strings elsewhere")  # workbook_bounds counts them by name
        self.strings: list[str] = []
        if strings_part is not None:
            root = _xml(archive, strings_part)
            self.strings = [_text(si).replace("x005F_", "") for si in root if si.tag == _SI]
            if sum(1 for _ in root.iter(_SI)) != len(self.strings):
                raise Unsure("a string inside another")  # openpyxl would list the inner first
            if len(self.strings) > limit:
                raise Unsure("too many shared strings")
        self.count, self.dates, self.durations = _date_styles(archive)
        self.styles: dict[Any, int] = {0: 0}  # the attribute's text → its style number
        self.epoch_1904 = False
        self.translators: dict[str | None, Any] = {}

    def sheets(self) -> list[tuple[str, str, str]]:
        """(title, state, part) of each worksheet openpyxl reads, in its order."""
        root = _xml(self.archive, self.part)
        props = _only(root, "workbookPr")
        if props is not None:
            self.epoch_1904 = _true(props.get("date1904"))
        listed = _only(root, "sheets")
        rels = _rels(self.archive, self.part)
        out: list[tuple[str, str, str]] = []
        seen: set[str] = set()
        for sheet in listed if listed is not None else ():
            if _local(sheet.tag) != "sheet":
                continue
            if "id" in sheet.attrib:
                raise Unsure("a sheet's id without a namespace")
            rid = sheet.get(_REL_ID)
            if not rid:
                continue  # openpyxl leaves it out too
            if rid not in rels:
                raise Unsure("sheet without a relationship")
            kind, target = rels[rid]
            if target not in self.names:
                continue
            if "chartsheet" in kind or not kind.endswith("/worksheet"):
                raise Unsure(f"sheet of type {kind}")
            title, state = sheet.get("name") or "", sheet.get("state", "visible")
            if not title or _INVALID_TITLE.search(title) or title.lower() in seen or state not in _STATES:
                raise Unsure("sheet title or state")
            seen.add(title.lower())
            out.append((title, state, target))
        return out

    # -- one sheet
    def sheet(self, title: str, state: str, part: str) -> SheetCells:
        """One worksheet's cells.  Its tree is walked as it is laid out (the rows of the
        sheet's data, their cells, each cell's value), and everything else in it is looked at
        element by element: a row, a cell or a hyperlink anywhere else is where openpyxl would
        read it and this walk would not: unsure."""
        root = _xml(self.archive, part, sheet=True)
        out = SheetCells(title, state, date1904=self.epoch_1904)
        self.translators = {}
        found = _Found()
        data: ET.Element | None = None
        _look(root, found, deep=False)
        for top in root:
            if top.tag == _DATA and data is None:
                data = top
            else:
                _look(top, found)
        count = self._rows(data, out, found) if data is not None else 0
        if len(found.merges) > 1:
            raise Unsure("two lists of merged ranges")
        if found.merges:
            self._merge(found.merges[0], out)
        self._bound(found.bounded, count)
        if b"hidden" in self.archive.read(part):  # a row or a column hidden: which (few sheets hide any)
            self._hidden(root, data, out)
        return out

    @staticmethod
    def _hidden(root: ET.Element, data: ET.Element | None, out: SheetCells) -> None:
        """The rows and columns the sheet hides, as openpyxl reads them: a row's `hidden`, and
        each column element's anywhere outside the data (the last of those starting at one
        column), from its first column to its last (or its first alone)."""
        counter = 0
        for row in data if data is not None else ():
            counter = _row_at(row, counter)
            if _true(row.get("hidden")):
                out.hidden_rows.add(counter)
        spans: dict[int, tuple[int, bool]] = {}
        for top in root:
            if top is data:
                continue
            for col in top.iter(_COL):
                first, end = _int(col.get("min")), col.get("max")
                if not 1 <= first <= MAX_COL:
                    raise Unsure("column out of range")
                spans[first] = (_int(end) if end is not None else 0) or first, _true(col.get("hidden"))
        for first, (last, hidden) in spans.items():
            if hidden:
                out.hidden_columns.update(range(first, min(last, MAX_COL) + 1))

    def _rows(self, data: ET.Element, out: SheetCells, found: _Found) -> int:
        """The cells of the sheet's data into `out`, the two common kinds of value (a value
        alone, an inline string of one text) read here, in the loop (a call a cell would cost
        a tenth of reading a plan workbook), any other by `_other`.  How many cells there are."""
        cells = out.cells
        places, styles = _PLACES, self.styles
        strings, dates = self.strings, self.dates
        row_counter = count = 0
        seen: set[Place] = set()
        see = seen.add
        numbers = _ROWS
        for row in data:
            if row.tag != _ROW:
                raise Unsure("not a row in the sheet's data")
            r = row.get("r")  # _row_at, in short
            row_counter = row_counter + 1 if r is None else numbers.get(r) or _row_number(r)
            col_counter = 0
            count += len(row)
            for c in row:
                if c.tag != _C:
                    raise Unsure("not a cell in a row")
                ref = c.get("r")
                if ref:
                    place = places.get(ref) or _place(ref)
                else:
                    place = (row_counter, col_counter + 1)
                    if not (1 <= place[0] <= MAX_ROW and place[1] <= MAX_COL):
                        raise Unsure("a cell outside the grid")
                see(place)  # two cells at one place: told by the count, below
                col_counter = place[1]
                style = styles.get(c.get("s", 0))
                if style is None:
                    style = self._style(c.get("s", ""))
                held = len(c)
                if not held:  # a cell with no value (a style alone)
                    continue
                kind = c.get("t", "n")
                child = c[0]
                if held == 1 and child.tag == _V and kind != "inlineStr":
                    if len(child):
                        raise Unsure("cell structure")
                    raw = child.text
                    if not raw:
                        continue
                    if kind == "s":
                        cells[place] = strings[int(raw)]
                    elif kind == "n" and style not in dates:  # openpyxl's _cast_number
                        cells[place] = float(raw) if ("." in raw or "E" in raw or "e" in raw) else int(raw)
                    else:
                        value = self._value(c, kind, raw, style)
                        if value is not None:
                            cells[place] = value
                elif (held == 1 and kind == "inlineStr" and child.tag == _IS and len(child) == 1
                      and (text := child[0]).tag == _T and not len(text) and not child.keys()):
                    cells[place] = text.text or ""
                else:
                    self._other(c, kind, place, style, ref, out, found)
        if len(seen) != count:
            raise Unsure("two cells at one place")
        return count

    def _other(self, c: ET.Element, kind: str, place: Place, style: int, ref: str | None, out: SheetCells,
               found: _Found) -> None:
        """A cell of any other make (a formula, rich text, a value beside something else)
        into `out`, as openpyxl's WorkSheetParser.parse_cell reads it."""
        v = f = None
        for child in c:
            _look(child, found)
            tag = child.tag
            if tag == _V:
                if v is not None or len(child):
                    raise Unsure("cell structure")
                v = child
            elif tag == _F:
                if f is not None or len(child):
                    raise Unsure("cell structure")
                f = child
        raw = (v.text or None) if v is not None and kind != "inlineStr" else None
        if raw is None and f is None and kind != "inlineStr":  # a cell with no value (a style alone)
            return
        if f is not None:
            out.formulas[place] = out.cells[place] = self._formula(f, ref)
        value = self._value(c, kind, raw, style)
        if value is not None:
            (out.saved if f is not None else out.cells)[place] = value

    def _style(self, text: str) -> int:
        """A cell's style number (openpyxl: int of the attribute, an empty one left as it is)."""
        style = _int(text)
        if not -self.count <= style < self.count:
            raise Unsure("style out of range")
        self.styles[text] = style
        return style

    def _bound(self, bounded: list[ET.Element], cells: int) -> None:
        """What workbook_bounds counts in this sheet part, counted again from its tree (`cells`
        cells, and the sheet's merged ranges and dimension, `bounded`): a cell for each cell
        and each cell a merged range covers; past a bound, or anything outside Excel's grid:
        unsure (and workbook_bounds says what)."""
        for node in bounded:
            area = _known_area(node.get("ref", ""))
            if area is None:
                continue
            if area[2] > MAX_ROW or area[3] > MAX_COL:
                raise Unsure("outside the grid")
            if node.tag.endswith("mergeCell") and _local(node.tag) == "mergeCell":
                cells += (area[2] - area[0] + 1) * (area[3] - area[1] + 1) - 1
        self.counted += cells
        if self.counted > self.limit:
            raise Unsure("too many cells")

    def _value(self, c: ET.Element, kind: str, raw: str | None, style: int) -> Any:
        """openpyxl's WorkSheetParser.parse_cell, the value part (no formula)."""
        if raw is not None:
            if kind == "n":
                number: Any = float(raw) if ("." in raw or "E" in raw or "e" in raw) else int(raw)
                if style in self.dates:
                    try:
                        return from_excel(number, MAC_EPOCH if self.epoch_1904 else WINDOWS_EPOCH,
                                          timedelta=style in self.durations)
                    except (OverflowError, ValueError):
                        return "#VALUE!"
                return number
            if kind == "s":
                return self.strings[int(raw)]
            if kind == "b":
                return bool(int(raw))
            if kind == "d":
                raise Unsure("ISO date cell")
            return raw  # str, e and anything else: the text
        if kind == "inlineStr":
            for child in c:
                if child.tag == _IS:
                    return _text(child)
        return None

    def _formula(self, f: ET.Element, ref: str | None) -> str:
        """openpyxl's WorkSheetParser.parse_formula: "=" and the text; a shared formula's
        other cells translated from its first."""
        value = "=" + (f.text or "")
        kind = f.get("t")
        if kind == "shared":
            if not ref:
                raise Unsure("shared formula without a reference")
            index = f.get("si")
            if index in self.translators:
                return str(self.translators[index].translate_formula(ref))
            if value != "=":
                from openpyxl.formula.translate import Translator

                self.translators[index] = Translator(value, ref)
        elif kind in ("array", "dataTable"):
            raise Unsure(f"{kind} formula")
        return value

    @staticmethod
    def _merge(node: ET.Element, out: SheetCells) -> None:
        ranges: list[tuple[int, int, int, int]] = []
        for m in node:
            if _local(m.tag) != "mergeCell":
                continue
            ref = m.get("ref")
            merged = _merged_range(ref or "")
            if merged is None or (len(m.attrib) > 1 and any(not k.startswith("{") and k != "ref" for k in m.attrib)):
                raise Unsure(f"merged range {ref!r}")
            ranges.append(merged)
        if len(ranges) > _MAX_MERGES:
            raise Unsure("many merged ranges")
        for k, a in enumerate(ranges):
            for b in ranges[k + 1:]:
                if a != b and a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]:
                    raise Unsure("overlapping merged ranges")
        cells, formulas, saved = out.cells, out.formulas, out.saved
        for top, left, bottom, right in ranges:  # openpyxl clears every cell but the first
            if (bottom - top + 1) * (right - left + 1) > len(cells) + len(formulas):
                covered = [p for p in (*cells, *formulas) if top <= p[0] <= bottom and left <= p[1] <= right]
            else:
                covered = [(r, c) for r in range(top, bottom + 1) for c in range(left, right + 1)]
            for place in covered:
                if place != (top, left):
                    cells.pop(place, None)
                    formulas.pop(place, None)
                    saved.pop(place, None)
        # openpyxl keeps them in a set of ranges, whose hash is their bounds' tuple's
        out.merged = list(set(r for r in set(ranges)))  # the same two steps as openpyxl


class _Found:
    """What the walk of one sheet's tree keeps to read after it (`_look`, `_Book._rows`)."""

    __slots__ = ("bounded", "merges")

    def __init__(self) -> None:
        self.merges: list[ET.Element] = []  # the lists of merged ranges openpyxl reads
        self.bounded: list[ET.Element] = []  # the merged ranges and the declared dimension


def _read_range(ref: str) -> tuple[int, int, int, int] | None:
    """A merged range's (top, left, bottom, right) as openpyxl reads its reference; None for one
    read otherwise here, or outside the grid."""
    match = _RANGE.fullmatch(ref)
    if match is None:
        return None
    top, left = int(match[2]), _column(match[1])
    bottom, right = (int(match[4]), _column(match[3])) if match[3] else (top, left)
    if top < 1 or left < 1 or bottom < top or right < left or bottom > MAX_ROW or right > MAX_COL:
        return None
    return top, left, bottom, right


_merged_range = _kept_when_short(_read_range, _SHORT_RANGE, 4096)


def _look(node: ET.Element, found: _Found, deep: bool = True) -> None:
    """The elements of `node`'s tree (`deep`), or `node` alone, each looked at: none of them
    may be a row, a cell or a hyperlink, in any namespace; the merged ranges and the dimension,
    in any namespace, are kept to be counted (workbook_bounds counts them so), the lists of
    merged ranges openpyxl reads to be read."""
    for element in node.iter() if deep else (node,):
        tag = element.tag
        seen = _SEEN.get(tag)
        if seen is None:
            seen = _seen(tag)
        if seen == _BOUNDED:
            found.bounded.append(element)
        elif seen == _LIST:
            found.merges.append(element)


_BOUNDED, _LIST = 1, 2
_SEEN: dict[str, int] = {}  # a tag → what `_look` does with it (0: nothing), for the tags of plan workbooks


def _seen(tag: str) -> int:
    local = tag[tag.rfind("}") + 1:]
    if local in _NOT_READ_HERE:
        raise Unsure(_NOT_READ_HERE[local])
    seen = _BOUNDED if local in ("mergeCell", "dimension") else _LIST if tag == _MERGES else 0
    if len(tag) <= 200 and len(_SEEN) < 1000:  # a workbook's own tags, however many, are not kept past a bound
        _SEEN[tag] = seen
    return seen


_ROWS: dict[str, int] = {}  # "7" → 7: a row's number as its attribute says it


def _row_at(row: ET.Element, before: int) -> int:
    """A row's number: its attribute's, else the one after the row before it (`before`)."""
    r = row.get("r")
    return before + 1 if r is None else _ROWS.get(r) or _row_number(r)


def _row_number(text: str) -> int:
    number = _int(text)
    if len(_ROWS) < 100_000 and len(text) <= _SHORT:
        _ROWS[text] = number
    return number


_SHORT = 10  # the longest reference Excel writes (XFD1048576); a longer one is read, not kept


_PLACES: dict[str, Place] = {}  # "D7" → (7, 4): the few hundred references every plan workbook uses


def _place(ref: str) -> Place:
    """openpyxl's coordinate_to_tuple, for the references it reads the same way."""
    m = _COORD.fullmatch(ref)
    if m is None:
        raise Unsure(f"cell reference {ref!r}")
    row, col = int(m[2]), _column(m[1])
    if not (1 <= row <= MAX_ROW and 1 <= col <= MAX_COL):
        raise Unsure(f"cell reference {ref!r}")
    if len(ref) <= _SHORT:  # kept: not a reference written with any number of leading zeros
        if len(_PLACES) > 100_000:
            _PLACES.clear()
        _PLACES[ref] = row, col
    return row, col


def read_cells(archive: zipfile.ZipFile, limit: int,
               unread: Callable[[str], bool] | None = None) -> list[SheetCells]:
    """Every worksheet of the workbook in `archive`, in the workbook's order, as openpyxl
    would read it, when it is within the bounds workbook_bounds checks (`limit` cells and
    shared strings).  A sheet whose title `unread` holds is listed with its title and state
    alone, its part never parsed (nor counted against `limit`: it holds nothing read).
    Raises Unsure where any of that is not certain."""
    try:
        # A part declaring anything (a document type, an entity) goes to openpyxl, whose
        # XML is parsed by defusedxml (and to workbook_bounds, which refuses an entity),
        # even a part this reader would not read: a hostile file is refused as before.
        package = _Package(archive)  # every part's size was bounded (inspect_zip)
        for name, data in package.parts.items():
            if _declares(data):
                raise Unsure(f"{name}: a declaration")
        book = _Book(package, limit)
        listed = book.sheets()
        parts = {p for p in book.names if p.startswith("xl/worksheets/") and p.endswith(".xml")}
        if parts != {part for _, _, part in listed}:
            raise Unsure("worksheet parts not read as sheets")  # workbook_bounds counts them too
        return [SheetCells(title, state, date1904=book.epoch_1904, unread=True)
                if unread is not None and unread(title) else book.sheet(title, state, part)
                for title, state, part in listed]
    except (Unsure, Oversized):
        raise
    except Exception as exc:  # whatever went wrong, openpyxl reads it and says what
        raise Unsure(f"{type(exc).__name__}: {exc}") from None


# ---- the same through openpyxl -----------------------------------------------------------------


def _open(raw: bytes, data_only: bool) -> Any:
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about extensions it drops; we only read
        return openpyxl.load_workbook(io.BytesIO(raw), data_only=data_only, keep_vba=False,
                                      keep_links=False, rich_text=False)


def openpyxl_cells(raw: bytes, formulas: bool = True) -> list[SheetCells]:
    """What `read_cells` gives, read by openpyxl (which raises what it raises for a file it
    cannot read).  `formulas=False`: only the values Excel saved are wanted (`shown`), and
    the workbook is opened once, with `data_only`."""
    wb = _open(raw, data_only=not formulas)
    cached: Any = None
    out: list[SheetCells] = []
    for ws in wb.worksheets:
        sheet = SheetCells(ws.title, ws.sheet_state, date1904=wb.epoch == MAC_EPOCH)
        for place, cell in ws._cells.items():  # only cells that exist in the file, in its order
            value = cell.value
            if value is None:
                continue
            sheet.cells[place] = value
            if cell.data_type == "f" and formulas:
                sheet.formulas[place] = value
                if cached is None:
                    cached = _open(raw, data_only=True)
                saved = cached[ws.title].cell(row=place[0], column=place[1]).value
                if saved is not None:
                    sheet.saved[place] = saved
        sheet.merged = [(r.min_row, r.min_col, r.max_row, r.max_col) for r in ws.merged_cells.ranges]
        sheet.hidden_rows = {row for row, dim in ws.row_dimensions.items() if dim.hidden}
        for dim in ws.column_dimensions.values():
            if dim.hidden:
                sheet.hidden_columns.update(range(dim.min, min(dim.max or dim.min, MAX_COL) + 1))
        out.append(sheet)
    return out

