"""Read a plan or rule-pack file into plain data, keeping the line and column of every value.

Loading never executes anything: only the YAML core types (mappings, sequences, strings,
numbers, booleans, null, dates) are built, any other tag is an error, duplicate keys
are an error (PyYAML would silently keep the last), and size, depth and alias
expansion are bounded.  Every failure is an `InputProblem` naming file, line and column.

The node tree is composed (in `staffing.io.nodes`, imported by the first file read this
way), from libyaml's event stream, without recursion: the
composer that ships with PyYAML's C loader recurses in C and crashes the interpreter
on a file nested a few tens of thousands of levels deep.  Composing stops at the first
event past `Limits.max_depth` or `Limits.max_nodes`, so neither depth nor size can make
parsing expensive; the builder then counts nodes again as aliases are expanded.
"""

from __future__ import annotations

import bisect
import codecs
import dataclasses
import json
import math
import os
import re
from typing import Any

from staffing.errors import InputProblem, problem, together
from staffing.io.document import DEFAULT_LIMITS as DEFAULT_LIMITS
from staffing.io.document import UNREADABLE as UNREADABLE
from staffing.io.document import Document as Document
from staffing.io.document import Limits as Limits
from staffing.io.document import Path_ as Path_
from staffing.io.document import Unreadable as Unreadable
from staffing.io.document import line_column, refuse_document, syntax_problem
from staffing.io.document import read_bytes as read_bytes

# ---- bytes to text -------------------------------------------------------------------------

def decode(path: str, raw: bytes) -> str:
    """Bytes to text.  UTF-8 (with or without BOM) is read; UTF-16/32 with a BOM is
    certain and read too; anything else is an error naming the encoding it looks like.
    Text is never guessed into Chinese: a file that is not certainly UTF-8/16/32 is
    refused rather than shown garbled.  An office document (Word, PDF, an old spreadsheet)
    is said to be one, with what to do instead."""
    refuse_document(path, raw)
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    elif raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _decode_bom(path, raw, "utf-32")
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_bom(path, raw, "utf-16")
    if b"\x00" in raw:
        utf16 = _utf16_without_bom(raw)
        if utf16:
            raise problem(path, "input.encoding", 1, 1, guess=utf16)
        at = raw.index(b"\x00")
        line, column = _byte_position(raw, at)
        raise problem(path, "input.nul", line, column)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _byte_position(raw, exc.start)
        guess = _guess_encoding(raw)
        if guess == "binary":
            raise problem(path, "input.binary", line, column) from None
        raise problem(path, "input.encoding", line, column, guess=guess) from None


def _byte_position(raw: bytes, at: int) -> tuple[int, int]:
    """1-based line and character column of byte offset `at` (columns counted in the
    UTF-8 characters before it, as far as they decode)."""
    start = raw.rfind(b"\n", 0, at) + 1
    column = len(raw[start:at].decode("utf-8", errors="replace")) + 1
    return raw.count(b"\n", 0, at) + 1, column


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 without a BOM shows as NUL bytes at every other position in the ASCII parts."""
    sample = raw[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.3 and even < odd / 4:
        return "UTF-16LE (no BOM)"
    if even > half * 0.3 and odd < even / 4:
        return "UTF-16BE (no BOM)"
    return None


def _decode_bom(path: str, raw: bytes, codec: str) -> str:
    try:
        return raw.decode(codec).lstrip("\ufeff")
    except UnicodeDecodeError:
        raise problem(path, "input.encoding", 1, 1, guess=f"{codec.upper()} (damaged)") from None


def _guess_encoding(raw: bytes) -> str:
    """A name for the user, never used to decode: GBK/GB18030 and Big5 files are refused."""
    for codec, name in (("gb18030", "GBK/GB18030"), ("big5", "Big5")):
        try:
            raw.decode(codec)
        except UnicodeDecodeError:
            continue
        return name
    return "binary"


# YAML 1.1 printable characters (5.1); anything else is refused with its code point.
# (Written as the class of what is refused: the same set as
# [^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff], checked over every
# code point, but compiled in 1 ms instead of 10: start-up of a one-file check.)
_NOT_PRINTABLE = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"



def first_refused(text: str, refused: str) -> re.Match[str] | None:
    """The first character of `text` in the class `refused`, a class of characters for each of
    which str.isprintable() is False (tests hold each class used so over every code point).  A
    text isprintable() clears, its line feeds left out (one C pass, about half the class
    scan's cost), has none, and the class is then neither compiled nor searched."""
    if text.replace("\n", "").isprintable():
        return None
    return re.search(refused, text)


def _check_characters(path: str, text: str) -> None:
    bad = first_refused(text, _NOT_PRINTABLE)
    if bad is None:
        return
    line, column = line_column(text, bad.start())
    if bad.group() == "\x00":
        raise problem(path, "input.nul", line, column)
    raise problem(path, "input.control-char", line, column, char=f"U+{ord(bad.group()):04X}")


# ---- reading -------------------------------------------------------------------------------


def load_text(path: str, text: str, limits: Limits = DEFAULT_LIMITS, collect: bool = False) -> Document:
    """Parse YAML (or JSON, which is checked by the JSON grammar first) into a Document.
    Values that cannot be read (a date that does not exist, a repeated key, a tag) are
    problems: raised together, or with `collect` kept in the Document's `problems` for the
    caller to report with the file's other mistakes (the value stands as UNREADABLE)."""
    _check_characters(path, text)
    json_data: Any = None
    shifts: dict[int, list[int]] = {}
    is_json = path.lower().endswith(".json")
    if is_json:
        json_data = _check_json(path, text, limits)
        # YAML reads JSON except for tabs used as indentation (plain spaces to JSON) and
        # characters beyond the BMP escaped as UTF-16 surrogate pairs, which YAML spells
        # \UXXXXXXXX.  The YAML reading gives the marks and the limits; the data is JSON's.
        # A pair is two characters shorter that way; `shifts` puts the columns back.
        text, shifts = _yaml_escapes(text.replace("\t", " "))
        lone = _LONE_SURROGATE.search(text)
        if lone is not None:  # JSON's grammar lets it through; it stands for no character
            raise problem(path, "input.lone-surrogate", *line_column(text, lone.start(2)), escape=lone.group(2))
    colons: list[InputProblem] = []
    inserted: dict[int, int] = {}
    if not is_json:
        text, colons, inserted = full_width_colons(path, text)
    try:
        from staffing.io.nodes import load_yaml_text  # PyYAML, imported by the first file read this way

        doc = load_yaml_text(path, text, limits, json_data if is_json else None, is_json)
    except InputProblem as exc:
        if colons:  # the colons first: they may be what the parser stumbled over
            raise together([*colons, _unspaced(exc, inserted)]) from None
        if not shifts:
            raise
        raise _shifted(exc, shifts) from None
    if colons:
        for marks in (doc.marks, doc.key_marks):
            for loc, (line, column) in marks.items():
                marks[loc] = (line, _unspace(inserted, line, column))
        doc.problems = colons + [_unspaced(p, inserted) for p in doc.problems]
    if shifts:
        for marks in (doc.marks, doc.key_marks):
            for loc, (line, column) in marks.items():
                marks[loc] = (line, _unshift(shifts, line, column))
        doc.problems = [_shifted(p, shifts) for p in doc.problems]
    if doc.problems and not collect:
        raise together(doc.problems)
    return doc


# A key written with a full-width colon (actual：21, an input method's colon): YAML reads
# the line as text and complains a line later, in its own words.  Such a colon is said at
# its own place, and read as the colon meant, so the rest of the file is read too.  (Only
# at the start of a line, after its indentation and list dashes, and never inside a block
# of text (| or >), where it is the text's own.)
_FULL_WIDTH_KEY = re.compile(r"^([ ]*(?:-[ ]+)*[A-Za-z_][A-Za-z0-9_]*[ ]*)\uff1a([ ]?)")
_BLOCK_START = re.compile(r"(?:^|[ ])[|>][0-9+-]*[ ]*(?:#.*)?$")


def full_width_colons(path: str, text: str) -> tuple[str, list[InputProblem], dict[int, int]]:
    """`text` with every key's full-width colon read as ": ", a problem at each, and the
    0-based lines where a space was put after the colon (columns past it are one further
    right in the file's text than in the one parsed: (line -> column of the space))."""
    if "\uff1a" not in text:
        return text, [], {}
    lines = text.split("\n")
    problems: list[InputProblem] = []
    inserted: dict[int, int] = {}
    block: int | None = None  # indentation of the line that opened a block of text
    for i, ln in enumerate(lines):
        indent = len(ln) - len(ln.lstrip(" "))
        if block is not None:
            if not ln.strip() or indent > block:
                continue
            block = None
        m = _FULL_WIDTH_KEY.match(ln)
        if m is not None:
            colon = m.end(1)
            problems.append(problem(path, "input.full-width-colon", i + 1, colon + 1, key=m.group(1).strip(" -")))
            if m.group(2):
                ln = ln[:colon] + ":" + ln[colon + 1:]
            else:
                ln = ln[:colon] + ": " + ln[colon + 1:]
                inserted[i] = colon + 1
            lines[i] = ln
        if _BLOCK_START.search(ln.split(" #")[0] if " #" in ln else ln):
            block = indent
    return "\n".join(lines), problems, inserted


# \uD842\uDFB7 (after an even number of backslashes: "\\uD842" is a backslash and text)
_SURROGATE_PAIR = re.compile(r"(?<!\\)((?:\\\\)*)\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})")

_LONE_SURROGATE = re.compile(r"(?<!\\)((?:\\\\)*)(\\u[dD][89a-fA-F][0-9a-fA-F]{2})")


def _yaml_escapes(text: str) -> tuple[str, dict[int, list[int]]]:
    """JSON's surrogate-pair escapes spelled as YAML's \\UXXXXXXXX, and where each rewritten
    escape ends on its line (0-based line -> 0-based columns in the new text): whatever
    stands after one of them is two columns further right in the file."""
    parts: list[str] = []
    shifts: dict[int, list[int]] = {}
    done = 0
    for m in _SURROGATE_PAIR.finditer(text):
        high, low = int(m.group(2), 16), int(m.group(3), 16)
        parts.append(text[done:m.start()])
        parts.append(f"{m.group(1)}\\U{0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00):08X}")
        done = m.end()
        line = text.count("\n", 0, m.start())
        ends = shifts.setdefault(line, [])
        # the column, in the new text, just after this escape
        new_end = (m.end() - (text.rfind("\n", 0, m.start()) + 1)) - 2 * (len(ends) + 1)
        ends.append(new_end)
    if not parts:
        return text, {}
    parts.append(text[done:])
    return "".join(parts), shifts


def _unshift(shifts: dict[int, list[int]], line: int, column: int) -> int:
    """The file's 1-based column for a 1-based (line, column) of the rewritten text."""
    ends = shifts.get(line - 1)
    return column + 2 * bisect.bisect_right(ends, column - 1) if ends else column


def _unspace(inserted: dict[int, int], line: int, column: int) -> int:
    """The file's 1-based column for one in a text with a space put after a colon."""
    at = inserted.get(line - 1)
    return column - 1 if at is not None and column > at + 1 else column


def _unspaced(exc: InputProblem, inserted: dict[int, int]) -> InputProblem:
    if not inserted or exc.line is None or exc.column is None:
        return exc
    return dataclasses.replace(exc, column=_unspace(inserted, exc.line, exc.column))


def _shifted(exc: InputProblem, shifts: dict[int, list[int]]) -> InputProblem:
    if exc.line is None or exc.column is None:
        return exc
    return dataclasses.replace(exc, column=_unshift(shifts, exc.line, exc.column))


def _check_json(path: str, text: str, limits: Limits = DEFAULT_LIMITS) -> Any:
    """JSON's own grammar first (YAML would accept more); duplicates and marks come from
    the YAML node tree afterwards, JSON being a subset of YAML's flow style."""
    depth = _json_depth(text, limits.max_depth)
    if depth is not None:
        line, column = depth
        raise problem(path, "input.too-deep", line, column, limit=limits.max_depth)

    def no_constants(name: str) -> Any:
        raise _BadJSONConstant(name)

    def bounded_int(digits: str) -> int:
        if len(digits.lstrip("-")) > limits.max_digits:
            raise _LongJSONNumber(digits)
        return int(digits)

    def finite_float(digits: str) -> float:
        number = float(digits)
        if not math.isfinite(number):  # 1e400
            raise _BadJSONConstant(digits)
        return number

    try:
        return json.loads(text, parse_constant=no_constants, parse_int=bounded_int, parse_float=finite_float)
    except json.JSONDecodeError as exc:
        what = next((key for words, key in _JSON_REASONS if exc.msg.startswith(words)), "syntax.other")
        raise syntax_problem(path, what, *line_column(text, exc.pos)) from None  # json counts only \\n
    except _BadJSONConstant as exc:
        line, column = _find(text, exc.args[0])
        raise problem(path, "input.not-finite", line, column, value=exc.args[0]) from None
    except _LongJSONNumber as exc:
        digits = exc.args[0]
        line, column = _find(text, digits)
        raise problem(path, "input.number-too-long", line, column, digits=len(digits.lstrip("-")),
                      limit=limits.max_digits) from None
    except RecursionError:  # pragma: no cover - _json_depth comes first
        raise problem(path, "input.too-deep", limit=limits.max_depth) from None


def _json_depth(text: str, limit: int) -> tuple[int, int] | None:
    """Where JSON brackets first nest deeper than `limit` (outside strings), if they do."""
    depth = 0
    for match in _JSON_TOKENS.finditer(text):
        tok = match.group()
        if tok in "[{":
            depth += 1
            if depth > limit:
                return line_column(text, match.start())
        elif tok in "]}":
            depth -= 1
    return None


# strings unrolled ("[^"\\]*(?:\\.[^"\\]*)*"): a per-character group would cost the regex
# engine ~100 bytes of backtracking state per character of a long string
_JSON_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


# What Python's JSON reader says, by its first words: the catalogue entry that says it.
_JSON_REASONS: tuple[tuple[str, str], ...] = (
    ("Expecting value", "syntax.json-value"),
    ("Expecting ',' delimiter", "syntax.json-comma"),
    ("Expecting ':' delimiter", "syntax.json-colon"),
    ("Expecting property name", "syntax.json-key"),
    ("Unterminated string", "syntax.unclosed-quote"),
    ("Invalid control character", "syntax.json-control"),
    ("Invalid \\escape", "syntax.escape"),
    ("Invalid \\u", "syntax.escape"),
    ("Extra data", "syntax.json-extra"),
    ("Illegal trailing comma", "syntax.json-trailing-comma"),
)


class _BadJSONConstant(Exception):
    pass


class _LongJSONNumber(Exception):
    pass


def _find(text: str, needle: str) -> tuple[int, int]:
    """Line/column of the first occurrence of needle outside a string (best effort)."""
    pos = text.find(needle)
    while pos > 0 and text[pos - 1] == '"':
        pos = text.find(needle, pos + 1)
    if pos < 0:
        return (1, 1)
    return line_column(text, pos)


def load_file(path: str, limits: Limits = DEFAULT_LIMITS, collect: bool = False) -> Document:
    """Read, decode and parse one file (a plan workbook too).  Raises InputProblem, and
    nothing else for any content of the file (see `load_text` for `collect`)."""
    if path.lower().endswith((".xlsx", ".xlsm", ".xltx", ".xltm")):
        from staffing.io.workbook import load_workbook_file

        return load_workbook_file(path, limits, collect)
    try:
        return load_text(path, decode(path, read_bytes(path, limits)), limits, collect)
    except (RecursionError, MemoryError):  # pragma: no cover - limits come first
        raise problem(path, "input.too-deep", limit=limits.max_depth) from None


def display_path(path: str) -> str:
    """The path as the user should see it: relative to the working folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel
