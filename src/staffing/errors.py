"""Exit codes and the one error type for unusable input."""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum

from staffing.words import Words

PARAM_CHARS = 80  # longest text from an input file quoted in one message


def backslash(code: int) -> str:
    """\\x1b, \\u202e, \\U000e0001: how a terminal, a CI log or an XML report shows it."""
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def code_point(code: int) -> str:
    """[U+202E]: how a chart shows it (no backslash to escape again in a label)."""
    return f"[U+{code:04X}]"


def json_escape(code: int) -> str:
    """\\u202e, or a surrogate pair: a JSON string escape, so a JSON reader gets the very
    character back while the bytes of the report hold none."""
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def visible(text: str, limit: int | None = None, spell: Callable[[int], str] = backslash, keep: str = "") -> str:
    """`text` with every character that is not printable written out by `spell`: C0 and C1
    controls (ESC starts colour and cursor sequences), DEL, bidirectional overrides, embeddings
    and isolates (they reorder what the reader sees), zero-width and other format characters,
    line and paragraph separators, surrogates, private-use and unassigned code points.
    Spaces (category Zs, such as the ideographic space U+3000) and the characters in `keep`
    stay.  Cut to `limit` characters with an ellipsis first.

    The one neutraliser for anything that comes from an input file (plan values, pack and
    waiver text, file names) on its way out: every reporter and the charts use it."""
    if limit is not None and len(text) > limit:
        text = text[:limit] + "…"
    if text.isprintable():  # all of it, in C: the usual case
        return text
    out: list[str] = []
    for ch in text:
        if ch.isprintable() or ch in keep or unicodedata.category(ch) == "Zs":
            out.append(ch)
        else:
            out.append(spell(ord(ch)))
    return "".join(out)


def inert_json(dumped: str) -> str:
    """JSON text (from json.dumps with ensure_ascii=False) with every unprintable character
    inside its strings written as a JSON escape: the same data for a JSON reader, nothing
    for a terminal or a browser to obey.  (json.dumps already escapes C0 controls; its
    own line breaks between values stay.)"""
    if dumped.isprintable() or dumped.replace("\n", "").isprintable():  # the usual case, in C
        return dumped
    return "\n".join(visible(line, spell=json_escape) for line in dumped.split("\n"))


class Exit(IntEnum):
    """Exit codes, defined once."""

    CLEAN = 0
    VIOLATIONS = 1
    UNUSABLE = 2


class Interrupted(BaseException):
    """SIGTERM or SIGINT arrived while plans were being checked (the workers are ended
    before this propagates); the command exits 128 + the signal's number."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@dataclass(unsafe_hash=True)
class InputProblem(Exception):
    """A file or argument the tool cannot use.  Always names the file; line and column
    are 1-based and given where there is one.

    Not a frozen dataclass: Python sets an exception's ``__traceback__`` as it passes
    through a ``with`` block of a context manager, which a frozen one refuses (a
    FrozenInstanceError in place of the message).  Treat it as immutable all the same."""

    file: str
    key: str
    params: tuple[tuple[str, object], ...] = ()
    line: int | None = None
    column: int | None = None
    sheet: str | None = None  # in a workbook: the sheet, and the cell ("D7") when there is one
    cell: str | None = None
    # the file's other mistakes found in the same reading, in document order after this one
    # (a file with five mistakes is reported in full by one run)
    also: tuple[InputProblem, ...] = ()

    def each(self) -> tuple[InputProblem, ...]:
        """This problem and every other one found in the same file, in document order."""
        return (dataclasses.replace(self, also=()), *self.also) if self.also else (self,)

    def where(self) -> str:
        shown = visible(self.file)
        if self.sheet is not None:
            return f"{shown}:{visible(self.sheet)}!{self.cell}" if self.cell else f"{shown}:{visible(self.sheet)}"
        if self.line is None:
            return shown
        return f"{shown}:{self.line}:{self.column or 1}"

    def renamed(self, file: str) -> InputProblem:
        """The same problems, said of `file` (the path as the user named it)."""
        return dataclasses.replace(self, file=file, also=tuple(dataclasses.replace(p, file=file) for p in self.also))

    def message(self, lang: str) -> str:
        from staffing.messages import render

        return render(self.key, lang, dict(self.params))

    def __str__(self) -> str:
        return f"{self.where()}: {self.message('en')}"


def problem(
    file: str, message_key: str, line: int | None = None, column: int | None = None, **params: object
) -> InputProblem:
    """Build an InputProblem; params fill the catalogue entry `message_key`.  Text params
    come from input files, so they are made visible and short (see `visible`)."""
    shown = {k: _kept(v) for k, v in params.items()}
    return InputProblem(file, message_key, tuple(sorted(shown.items())), line, column)


def _kept(value: object) -> object:
    """A parameter as a problem keeps it: a text visible and short (both languages of a
    `Words`), a list as a tuple (a problem is hashed and compared)."""
    if isinstance(value, Words):
        return Words(visible(value.zh, PARAM_CHARS), visible(value.en, PARAM_CHARS))
    if isinstance(value, str):
        return visible(value, PARAM_CHARS)
    return tuple(value) if isinstance(value, list) else value


def together(problems: list[InputProblem]) -> InputProblem:
    """One InputProblem carrying every problem of a file: the first as itself, the rest in
    `also`, each kept once (the same message at the same place is one mistake)."""
    seen: set[tuple[object, ...]] = set()
    kept: list[InputProblem] = []
    for p in problems:
        for one in p.each():
            ident = (one.key, one.params, one.line, one.column, one.sheet, one.cell)
            if ident not in seen:
                seen.add(ident)
                kept.append(one)
    return dataclasses.replace(kept[0], also=tuple(kept[1:]))
