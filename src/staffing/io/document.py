"""What reading a file gives: a `Document` (the data, and where each value stands), the
`Limits` a file is read within, and its bytes read safely.  The readers (`load`,
`fastload`, `workbook`) all build on this module, so none of them needs another."""

from __future__ import annotations

import errno
import functools
import os
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from staffing.errors import InputProblem, problem
from staffing.messages import CATALOGUE
from staffing.words import Words

Path_ = tuple[str | int, ...]


class Unreadable:
    """What stands in the data for a value the reader could not read (a date that does
    not exist, a tag): its problem is reported once, at its place, and the plan format
    refuses the stand-in quietly, so the file's other mistakes are reported with it."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<unreadable>"


UNREADABLE = Unreadable()


LINE_BREAK = re.compile(r"\r\n?|\n")  # an editor's, LSP's and YAML 1.2's (not NEL, U+2028, U+2029)


def line_column(text: str, pos: int) -> tuple[int, int]:
    """The 1-based line and column of `pos` in `text`, a line ended by \\n, \\r\\n or a lone
    \\r as an editor (and the YAML reader) ends it; columns in characters."""
    if "\r" not in text:
        return text.count("\n", 0, pos) + 1, pos - (text.rfind("\n", 0, pos) + 1) + 1
    line, start = 1, 0
    for m in LINE_BREAK.finditer(text, 0, pos):
        line, start = line + 1, m.end()
    return line, pos - start + 1


@functools.lru_cache(maxsize=1024)
def column_letter(col: int) -> str:
    """D for 4: a workbook's column as Excel names it."""
    out = ""
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def cell_name(row: int, col: int) -> str:
    """D7 for (7, 4): a workbook's cell as Excel names it."""
    return f"{column_letter(col)}{row}"


Place = tuple[str, int, int]  # a workbook's cell: (sheet, row, column), 1-based


@dataclass(frozen=True)
class Limits:
    """Bounds on what one input file may cost.  All configurable from the command line
    (--max-bytes, --max-depth, --max-nodes)."""

    max_bytes: int = 5 * 1024 * 1024  # file size
    max_depth: int = 64  # nesting of mappings and lists
    max_nodes: int = 200_000  # values, counting each alias expansion again
    max_digits: int = 30  # digits of one integer
    max_key_chars: int = 200  # characters of one mapping key
    # What checking one file may produce: findings of one check beyond the first
    # max_findings_per_check, and of the file beyond max_findings_per_file, are summed up
    # in one finding per check (with their count), so no plan within the limits above can
    # make a run slow or big however many of its values break a rule.
    max_findings_per_check: int = 100
    max_findings_per_file: int = 1000


DEFAULT_LIMITS = Limits()


@dataclass
class Document:
    """One loaded file: its data and where each value stands (1-based line, column)."""

    path: str
    data: Any
    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    # A workbook's places: (sheet, row, column) of each value, beside its (row, column) in
    # marks, named as Excel names the cell (D7) only when a message or a note says where;
    # and what the reader noticed on the way (a formula's saved value used), for the run.
    # (A workbook's, and its marks, are worked out when asked: see workbook._Places, _Marks.)
    cells: Mapping[Path_, Place] = field(default_factory=dict)
    notes: list[tuple[Path_, str, dict[str, object]]] = field(default_factory=list)
    labels: Mapping[Place, str] = field(default_factory=dict)  # a cell -> its column's header
    # what the reader could not read but read past (see load.load_text's `collect`): each
    # problem, and the places of the values standing as UNREADABLE in `data`
    problems: list[InputProblem] = field(default_factory=list)
    problem_locs: set[Path_] = field(default_factory=set)

    def place(self, loc: Path_) -> Place | None:
        """(sheet, row, column) of the value at `loc` in a workbook, falling back to the
        nearest enclosing value that has one; None for a YAML or JSON file."""
        if not self.cells:
            return None
        probe = tuple(loc)
        while probe:
            if probe in self.cells:
                return self.cells[probe]
            probe = probe[:-1]
        return self.cells.get(())

    def label(self, loc: Path_) -> str | None:
        """The header of the column (or the form's row) of the cell of `loc` (`place`)."""
        found = self.place(loc)
        return None if found is None else self.labels.get(found)

    def locate_cell(self, loc: Path_) -> tuple[str, str] | None:
        """(sheet, cell) of the value at `loc` in a workbook (`place`), the cell named as
        Excel names it (D7)."""
        found = self.place(loc)
        return None if found is None else (found[0], cell_name(found[1], found[2]))

    def locate(self, loc: Path_, key: bool = False) -> tuple[int, int]:
        """Line and column of the value at `loc` (or of its key), falling back to the
        nearest enclosing value that has one.  A workbook has no keys: a key's place is its
        value's cell, as `place` says."""
        if key and self.cells:
            key = False
        table = self.key_marks if key else self.marks
        probe = tuple(loc)
        while probe:
            if probe in table:
                return table[probe]
            if not key and probe in self.marks:
                return self.marks[probe]
            for place in written_places(probe):  # a quota type written by its Chinese name
                if place in table:
                    return table[place]
                if not key and place in self.marks:
                    return self.marks[place]
            probe = probe[:-1]
        return self.marks.get((), (1, 1))


_QUOTA_WORDS: dict[str, tuple[str, ...]] = {}


def written_places(loc: Path_) -> tuple[Path_, ...]:
    """Where a quota type may stand in the file: under its Chinese name (行政编制) for its code."""
    if not _QUOTA_WORDS:
        from staffing.vocabulary import QUOTA_TYPES, words_for

        _QUOTA_WORDS.update({t: words_for("quota_type", t) for t in QUOTA_TYPES})
    words = _QUOTA_WORDS.get(loc[-1]) if loc and type(loc[-1]) is str else None
    return tuple((*loc[:-1], w) for w in words) if words else ()


def is_linked_file(path: str) -> bool:
    """A symbolic link to a regular file, other than the system's own names for a process's
    streams (/dev/stdin → /proc/self/fd/0, redirected from a file): what a plans folder
    must not hold as a plan, a county file or a pack."""
    return os.path.islink(path) and os.path.isfile(path) and not os.path.abspath(path).startswith("/dev/")


def read_bytes(path: str, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The file's bytes, refusing folders, devices, pipes, symbolic links and anything over
    max_bytes (checked before reading, and again while reading in case the file grows).  The
    file is opened read-only and never written.  A link is refused, not followed: a link
    committed into a plans repository would give one plan (or pack) the verdict of whatever
    it points to, in the repository or outside it."""
    try:
        if is_linked_file(path):
            raise problem(path, "input.symlink")
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise problem(path, "input.is-directory")
        if not stat.S_ISREG(info.st_mode):
            raise problem(path, "input.not-regular")
        if info.st_size > limits.max_bytes:
            raise problem(path, "input.too-large", size=info.st_size, limit=limits.max_bytes)
        # a byte more than the stat says, not max_bytes + 1: asked for that many, Python makes a
        # buffer of that size before it reads (2 MB: ~20 µs a plan).  A file that grew meanwhile
        # fills it, and is read on up to the limit.
        want = info.st_size + 1
        with open(path, "rb") as fh:
            raw = fh.read(want)
            if len(raw) == want:
                raw += fh.read(limits.max_bytes + 1 - want)
    except InputProblem:
        raise
    except FileNotFoundError:
        if os.path.islink(path):
            raise problem(path, "input.broken-link") from None
        raise problem(path, "input.missing") from None
    except PermissionError:
        raise problem(path, "input.unreadable", reason="permission denied") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise problem(path, "input.symlink-loop") from None
        raise problem(path, "input.unreadable", reason=exc.strerror or str(exc)) from None
    if len(raw) > limits.max_bytes:
        raise problem(path, "input.too-large", size=len(raw), limit=limits.max_bytes)
    return raw


# ---- files that are not plans, though an office may take them for one ---------------------

# a document a plan is published in, by its suffix: the kind said in the message
DOCUMENT_SUFFIXES = {".doc": "word", ".docx": "word", ".wps": "word", ".rtf": "word", ".odt": "word",
                     ".pdf": "pdf", ".xls": "sheet", ".et": "sheet", ".ods": "sheet"}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls, .wps, .et (and an encrypted .xlsx)


def document_kind(path: str, raw: bytes) -> str | None:
    """What a file a plan reader was given is, when it is an office document rather than a
    plan: "word", "pdf", "sheet" (an old or other spreadsheet) or "xlsx" (a workbook under
    another name); None for anything else.  Its suffix decides, then its first bytes."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix in DOCUMENT_SUFFIXES:
        return DOCUMENT_SUFFIXES[suffix]
    head = raw[:8]
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"{\\rtf"):
        return "word"
    if head.startswith(_OLE):
        return "ole"
    if head.startswith(b"PK\x03\x04"):
        window = raw[:65536]
        if b"word/" in window:
            return "word"
        if b"xl/" in window:
            return "xlsx"
    return None


def refuse_document(path: str, raw: bytes) -> None:
    """Raise the message that says what to do with an office document given as a plan (fill
    the workbook template, or save it as .xlsx), rather than what its bytes are not."""
    kind = document_kind(path, raw)
    if kind is not None:
        suffix = os.path.splitext(path)[1] or "-"
        if suffix.lower() not in DOCUMENT_SUFFIXES and kind == "word":  # what it is, whatever its name says
            suffix = ".rtf" if raw.startswith(b"{\\rtf") else ".docx"
        raise problem(path, f"input.document-{kind}", suffix=suffix)


def syntax_problem(path: str, what: str, line: int | None = None, column: int | None = None) -> InputProblem:
    return problem(path, "input.syntax", line, column, what=Words(*CATALOGUE[what]))
