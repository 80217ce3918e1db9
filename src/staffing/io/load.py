"""Read a plan or rule-pack file into plain data, keeping the line and column of every value.

Loading never executes anything: only the YAML core types (mappings, sequences, strings,
numbers, booleans, null, dates) are built, any other tag is an error, duplicate keys
are an error (PyYAML would silently keep the last), and size, depth and alias
expansion are bounded.  Every failure is an `InputProblem` naming file, line and column.

The node tree is composed here, from libyaml's event stream, without recursion: the
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

import yaml

from staffing.errors import InputProblem, problem, together
from staffing.io.document import DEFAULT_LIMITS as DEFAULT_LIMITS
from staffing.io.document import UNREADABLE as UNREADABLE
from staffing.io.document import Document as Document
from staffing.io.document import Limits as Limits
from staffing.io.document import Path_ as Path_
from staffing.io.document import Unreadable as Unreadable
from staffing.io.document import read_bytes as read_bytes
from staffing.io.document import refuse_document
from staffing.messages import CATALOGUE
from staffing.words import Words

try:  # the libyaml parser when present; same behaviour, ~8x faster
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]
from yaml import SafeLoader as _PureLoader

# libyaml (bundled with PyYAML >= 6.0.3) stops at its own nesting limit while scanning,
# ahead of the events, so our limit is never reached; its message is English.  Such a
# file is parsed again by the pure-Python parser, which yields events lazily, so our
# limit stops it where it is crossed and the one too-deep message is reported.
_LIBYAML_DEPTH = "exceeded maximum nesting depth"

_SAFE_SCALARS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_INT = "tag:yaml.org,2002:int"
_STR = "tag:yaml.org,2002:str"


def _at(mark: Any) -> tuple[int | None, int | None]:
    if mark is None:
        return None, None
    return mark.line + 1, mark.column + 1




class _Builder:
    """Builds plain Python data from a composed node tree, recording marks.  A value it
    cannot read is a problem it records (with its place in `problems`), standing in the data
    as UNREADABLE; only the bounds (size, depth) stop it."""

    def __init__(self, path: str, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        self.nodes = 0
        self.marks: dict[Path_, tuple[int, int]] = {}
        self.key_marks: dict[Path_, tuple[int, int]] = {}
        self.problems: list[tuple[Path_, InputProblem]] = []
        self._scalar = yaml.constructor.SafeConstructor()

    def _err(self, node: yaml.Node, message_key: str, **params: object) -> InputProblem:
        return problem(
            self.path, message_key, node.start_mark.line + 1, node.start_mark.column + 1, **params
        )

    def _note(self, loc: Path_, node: yaml.Node, message_key: str, **params: object) -> Unreadable:
        self.problems.append((loc, self._err(node, message_key, **params)))
        return UNREADABLE

    def build(self, node: yaml.Node, loc: Path_ = (), depth: int = 0) -> Any:
        self.nodes += 1
        if self.nodes > self.limits.max_nodes:
            raise self._err(node, "input.too-many-nodes", limit=self.limits.max_nodes)
        if depth > self.limits.max_depth:
            raise self._err(node, "input.too-deep", limit=self.limits.max_depth)
        self.marks[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP:
                return self._note(loc, node, "input.tag", tag=node.tag)
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    self._note(loc, key_node, "input.merge-key")
                    continue
                if not isinstance(key_node, yaml.ScalarNode):
                    self._note(loc, key_node, "input.complex-key")
                    continue
                if len(key_node.value) > self.limits.max_key_chars:
                    self._note(loc, key_node, "input.key-too-long", size=len(key_node.value),
                               limit=self.limits.max_key_chars)
                    continue
                key = self._scalar_value(key_node, loc)
                if not isinstance(key, (str, int)) or isinstance(key, bool):
                    key = str(key_node.value)
                key = str(key)
                if key in out:
                    first = self.key_marks[loc + (key,)]
                    self._note(loc + (key,), key_node, "input.duplicate-key", key=key, first_line=first[0],
                               first_column=first[1])
                    continue
                self.key_marks[loc + (key,)] = (
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                )
                out[key] = self.build(value_node, loc + (key,), depth + 1)
            return out
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                return self._note(loc, node, "input.tag", tag=node.tag)
            return [self.build(item, loc + (i,), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar_value(node, loc)

    def _scalar_value(self, node: yaml.Node, loc: Path_ = ()) -> Any:
        if node.tag == _STR:  # what SafeConstructor.construct_yaml_str returns, minus 3 calls
            return node.value
        if node.tag not in _SAFE_SCALARS:
            return self._note(loc, node, "input.tag", tag=node.tag)
        if node.tag == _INT:
            digits = sum(c.isdigit() for c in node.value)
            if digits > self.limits.max_digits:
                return self._note(loc, node, "input.number-too-long", digits=digits, limit=self.limits.max_digits)
        try:
            value = self._scalar.construct_object(node, deep=True)
        except (ValueError, OverflowError, yaml.YAMLError):  # e.g. 30 February
            if node.tag == "tag:yaml.org,2002:timestamp":
                key, params = bad_date(str(node.value))
                return self._note(loc, node, key, **params)
            return self._note(loc, node, "input.bad-scalar", value=str(node.value))
        if isinstance(value, float) and not math.isfinite(value):
            return self._note(loc, node, "input.not-finite", value=str(node.value))
        return value


_YMD = re.compile(r"\s*([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")


def bad_date(text: str) -> tuple[str, dict[str, object]]:
    """The catalogue key and fields saying why `text` is no date: a month past 12, a day
    past the month's end (2月30日), or else a date-like text that cannot be read."""
    import calendar

    m = _YMD.match(text)
    if m is None:
        return "input.bad-date", {"value": text}
    year, month, day = (int(g) for g in m.groups())
    if not 1 <= month <= 12:
        return "input.bad-month", {"value": text, "month": month}
    days = calendar.monthrange(year, month)[1] if year >= 1 else 31
    if not 1 <= day <= days:
        return "input.bad-day", {"value": text, "year": year, "month": month, "days": days}
    return "input.bad-date", {"value": text}


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
_NOT_PRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def _check_characters(path: str, text: str) -> None:
    bad = _NOT_PRINTABLE.search(text)
    if bad is None:
        return
    pos = bad.start()
    line = text.count("\n", 0, pos) + 1
    column = pos - (text.rfind("\n", 0, pos) + 1) + 1
    if bad.group() == "\x00":
        raise problem(path, "input.nul", line, column)
    raise problem(path, "input.control-char", line, column, char=f"U+{ord(bad.group()):04X}")


# ---- reading -------------------------------------------------------------------------------

# ---- composing -----------------------------------------------------------------------------

_ScalarEvent = yaml.ScalarEvent
_MappingStartEvent, _MappingEndEvent = yaml.MappingStartEvent, yaml.MappingEndEvent
_SequenceStartEvent, _SequenceEndEvent = yaml.SequenceStartEvent, yaml.SequenceEndEvent
_AliasEvent, _DocumentStartEvent = yaml.AliasEvent, yaml.DocumentStartEvent


# The tag the default resolver gives a plain or quoted scalar: a pure function of the
# scalar's text and its (plain, quoted) flags, with no path resolvers registered.
_RESOLVED: dict[tuple[str, tuple[bool, bool]], str] = {}


# long: the one loop over libyaml's events with its explicit stack; split, every event of every plan
# would pay for a call on the hot path
def _compose(path: str, text: str, limits: Limits, loader: Any = _Loader) -> yaml.Node | None:
    """The one document's node tree, built from parser events with an explicit stack.
    None for a stream with no document (empty, or comments only)."""
    resolver = yaml.resolver.Resolver()
    anchors: dict[str, yaml.Node] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, list[yaml.Node], int]] = []
    size: dict[int, int] = {}  # id(node) -> values in it once its aliases are expanded
    root: yaml.Node | None = None
    documents = 0
    expanded = 0  # values so far, each alias counted as the size of what it names
    aliases = False

    def grow(by: int, mark: Any) -> None:
        nonlocal expanded
        expanded += by
        if expanded > limits.max_nodes:
            key = "input.too-many-nodes" if aliases else "input.too-many-values"
            raise problem(path, key, *_at(mark), limit=limits.max_nodes)

    def attach(node: yaml.Node) -> None:
        nonlocal root
        if stack:
            stack[-1][1].append(node)
        else:
            root = node

    def anchor(name: str | None, node: yaml.Node) -> None:
        if name is not None:
            anchors[name] = node

    max_nodes = limits.max_nodes
    scalar_node = yaml.ScalarNode
    resolved = _RESOLVED
    event: Any  # told apart by exact class (`cls is ...`), which mypy does not narrow on
    node: yaml.Node
    for event in yaml.parse(text, Loader=loader):
        cls = type(event)  # exact classes: the parser builds no subclasses
        if cls is _ScalarEvent:  # the most frequent event: grow() and attach() inlined
            expanded += 1
            if expanded > max_nodes:
                grow(0, event.start_mark)
            tag = event.tag
            value = event.value
            if tag is None or tag == "!":
                key = (value, event.implicit)
                tag = resolved.get(key)
                if tag is None:
                    tag = resolver.resolve(scalar_node, value, event.implicit)
                    if len(resolved) >= 4096:
                        resolved.clear()
                    resolved[key] = tag
            node = scalar_node(tag, value, event.start_mark, event.end_mark, style=event.style)
            if event.anchor is not None:  # only an anchored node can be an alias's target
                size[id(node)] = 1
                anchors[event.anchor] = node
            if stack:
                stack[-1][1].append(node)
            else:
                root = node
        elif cls is _MappingStartEvent or cls is _SequenceStartEvent:
            grow(1, event.start_mark)
            if len(stack) >= limits.max_depth:
                raise problem(path, "input.too-deep", *_at(event.start_mark), limit=limits.max_depth)
            is_seq = cls is _SequenceStartEvent
            kind = yaml.SequenceNode if is_seq else yaml.MappingNode
            tag = event.tag
            if tag is None or tag == "!":
                tag = resolver.resolve(kind, None, event.implicit)
            node = kind(tag, [], event.start_mark, None, flow_style=event.flow_style)
            anchor(event.anchor, node)
            attach(node)
            stack.append((node, [], expanded - 1))
            open_nodes.add(id(node))
        elif cls is _MappingEndEvent or cls is _SequenceEndEvent:
            node, children, before = stack.pop()
            open_nodes.discard(id(node))
            size[id(node)] = expanded - before  # (only read for anchored nodes)
            node.end_mark = event.end_mark
            if isinstance(node, yaml.MappingNode):
                node.value = list(zip(children[0::2], children[1::2], strict=False))
            else:
                node.value = children
        elif cls is _AliasEvent:
            target = anchors.get(event.anchor)
            if target is None:
                raise problem(path, "input.undefined-alias", *_at(event.start_mark), anchor=event.anchor)
            if id(target) in open_nodes:
                raise problem(path, "input.alias-cycle", *_at(event.start_mark), anchor=event.anchor)
            aliases = True
            grow(size[id(target)], event.start_mark)
            attach(target)
        elif cls is _DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise problem(path, "input.many-documents", *_at(event.start_mark))
            anchors.clear()
    return root


def _compose_past_libyaml_depth(path: str, text: str, limits: Limits, exc: yaml.MarkedYAMLError) -> yaml.Node | None:
    """Where libyaml gave up on nesting: the pure parser stops at our limit, at its place.
    Should our limit be above libyaml's and the file within it, the file is read all the
    same (slower, but what the user asked for); past it, the one too-deep message."""
    try:
        return _compose(path, text, limits, _PureLoader)
    except RecursionError:  # pragma: no cover - the pure parser is not recursive
        line, column = _at(exc.problem_mark)
        raise problem(path, "input.too-deep", line, column, limit=limits.max_depth) from None


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
            pos = lone.start(2)
            raise problem(path, "input.lone-surrogate", text.count("\n", 0, pos) + 1,
                          pos - (text.rfind("\n", 0, pos) + 1) + 1, escape=lone.group(2))
    colons: list[InputProblem] = []
    inserted: dict[int, int] = {}
    if not is_json:
        text, colons, inserted = full_width_colons(path, text)
    try:
        doc = _load_yaml_text(path, text, limits, json_data if is_json else _NOT_JSON)
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


_NOT_JSON = object()


# What the YAML parsers (libyaml and the pure-Python one, whose words differ) say, by the
# words that tell the mistake apart: the catalogue entry that says it in the user's
# language, and whether the place to show is where the construct began (a key without
# its colon, a quote never closed) rather than where the parser gave up.
_YAML_REASONS: tuple[tuple[str, str, bool], ...] = (
    ("could not find expected ':'", "syntax.no-colon", True),
    ("mapping values are not allowed", "syntax.colon-in-value", False),
    ("expected ',' or ']'", "syntax.flow-list", False),
    ("expected ',' or '}'", "syntax.flow-map", False),
    ("found unexpected end of stream", "syntax.unclosed-quote", True),
    ("cannot start any token", "syntax.bad-start", False),
    ("unknown escape character", "syntax.escape", False),
    ("expected hexdecimal number", "syntax.escape", False),
    ("node content", "syntax.no-value", False),
    ("tag handle", "syntax.tag", False),
    ("alphabetic or numeric character", "syntax.anchor", False),
    ("directive", "syntax.directive", False),
    ("expected '-' indicator", "syntax.list-indent", False),
)


def yaml_reason(exc: yaml.MarkedYAMLError) -> tuple[str, Any]:
    """The catalogue entry for a YAML parser's complaint, and the mark to show it at."""
    said = f"{exc.problem or ''} | {exc.context or ''}"
    for words, key, at_start in _YAML_REASONS:
        if words in said:
            return key, (exc.context_mark if at_start and exc.context_mark is not None else exc.problem_mark)
    if "expected <block end>" in said or "did not find expected key" in said:
        key = "syntax.list-indent" if "block collection" in said else "syntax.indent"
        return key, exc.problem_mark
    return "syntax.other", exc.problem_mark or exc.context_mark


def syntax_problem(path: str, what: str, line: int | None = None, column: int | None = None) -> InputProblem:
    return problem(path, "input.syntax", line, column, what=Words(*CATALOGUE[what]))


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


def _load_yaml_text(path: str, text: str, limits: Limits, json_data: Any) -> Document:
    try:
        try:
            root = _compose(path, text, limits)
        except yaml.MarkedYAMLError as exc:
            if _LIBYAML_DEPTH not in (exc.problem or ""):
                raise
            root = _compose_past_libyaml_depth(path, text, limits, exc)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
            raise problem(path, "input.tab", *_at(mark)) from None
        what, mark = yaml_reason(exc)
        raise syntax_problem(path, what, *_at(mark)) from None
    except yaml.YAMLError:  # a reader error: the characters are checked before, so seldom
        raise syntax_problem(path, "syntax.other") from None
    if root is None or (isinstance(root, yaml.ScalarNode) and root.tag == "tag:yaml.org,2002:null"):
        raise problem(path, "input.empty", 1, 1)
    builder = _Builder(path, limits)
    try:
        data = builder.build(root)
    except RecursionError:  # pragma: no cover - the depth limit comes first
        raise problem(path, "input.too-deep", limit=limits.max_depth) from None
    if not isinstance(data, dict):
        found = Words(*CATALOGUE.get(f"kind.{type(data).__name__}", CATALOGUE["kind.other"]))
        raise problem(path, "input.root-type", *_at(root.start_mark), found=found)
    if json_data is not _NOT_JSON and not builder.problems:  # numbers as JSON reads them (YAML 1.1 reads 1e5 and 1.5e3 as text)
        data = json_data
    doc = Document(path, data, builder.marks, builder.key_marks)
    doc.problems = [p for _, p in builder.problems]
    doc.problem_locs = {loc for loc, _ in builder.problems}
    return doc


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


def _char_at(text: str, line: int, column: int) -> str:
    start = 0
    for _ in range(line):
        start = text.find("\n", start) + 1
        if start == 0:
            return ""
    return text[start + column: start + column + 1]




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
        raise syntax_problem(path, what, exc.lineno, exc.colno) from None
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
                pos = match.start()
                return text.count("\n", 0, pos) + 1, pos - (text.rfind("\n", 0, pos) + 1) + 1
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
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


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
