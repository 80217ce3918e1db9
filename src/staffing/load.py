"""Read a plan or rule-pack file into plain data, keeping the line and column of every value.

Loading never executes anything: only the YAML core types (mappings, sequences, strings,
numbers, booleans, null, dates) are built, any other tag is an error, duplicate keys
are an error (PyYAML would silently keep the last), and size, depth and alias
expansion are bounded.  Every failure is an `InputProblem` naming file, line and column.
"""

from __future__ import annotations

import codecs
import json
import math
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from staffing.errors import InputProblem, problem

try:  # the libyaml parser when present; same behaviour, ~8x faster
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Limits:
    """Bounds on what one input file may cost.  All configurable from the command line."""

    max_bytes: int = 5 * 1024 * 1024
    max_depth: int = 64
    max_nodes: int = 200_000


DEFAULT_LIMITS = Limits()


@dataclass
class Document:
    """One loaded file: its data and where each value stands (1-based line, column)."""

    path: str
    data: Any
    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def locate(self, loc: Path_, key: bool = False) -> tuple[int, int]:
        """Line and column of the value at `loc` (or of its key), falling back to the
        nearest enclosing value that has one."""
        table = self.key_marks if key else self.marks
        probe = tuple(loc)
        while probe:
            if probe in table:
                return table[probe]
            if not key and probe in self.marks:
                return self.marks[probe]
            probe = probe[:-1]
        return self.marks.get((), (1, 1))


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


class _Builder:
    """Builds plain Python data from a composed node tree, recording marks."""

    def __init__(self, path: str, limits: Limits, line_offset: int = 0) -> None:
        self.path = path
        self.limits = limits
        self.nodes = 0
        self.marks: dict[Path_, tuple[int, int]] = {}
        self.key_marks: dict[Path_, tuple[int, int]] = {}
        self._scalar = yaml.constructor.SafeConstructor()

    def _err(self, node: yaml.Node, key: str, **params: object) -> InputProblem:
        return problem(
            self.path, key, node.start_mark.line + 1, node.start_mark.column + 1, **params
        )

    def build(self, node: yaml.Node, loc: Path_ = (), depth: int = 0) -> Any:
        self.nodes += 1
        if self.nodes > self.limits.max_nodes:
            raise self._err(node, "input.too-many-nodes", limit=self.limits.max_nodes)
        if depth > self.limits.max_depth:
            raise self._err(node, "input.too-deep", limit=self.limits.max_depth)
        self.marks[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP:
                raise self._err(node, "input.tag", tag=node.tag)
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise self._err(key_node, "input.merge-key")
                if not isinstance(key_node, yaml.ScalarNode):
                    raise self._err(key_node, "input.complex-key")
                key = self._scalar_value(key_node)
                if not isinstance(key, (str, int)) or isinstance(key, bool):
                    key = str(key_node.value)
                key = str(key)
                if key in out:
                    first = self.key_marks[loc + (key,)]
                    raise self._err(
                        key_node, "input.duplicate-key", key=key, first_line=first[0]
                    )
                self.key_marks[loc + (key,)] = (
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                )
                out[key] = self.build(value_node, loc + (key,), depth + 1)
            return out
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                raise self._err(node, "input.tag", tag=node.tag)
            return [self.build(item, loc + (i,), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar_value(node)

    def _scalar_value(self, node: yaml.Node) -> Any:
        if node.tag not in _SAFE_SCALARS:
            raise self._err(node, "input.tag", tag=node.tag)
        try:
            value = self._scalar.construct_object(node, deep=True)
        except ValueError as exc:  # e.g. an integer of thousands of digits
            raise self._err(node, "input.bad-scalar", value=str(node.value)[:40], reason=str(exc)[:80]) from None
        except yaml.YAMLError as exc:
            raise self._err(node, "input.bad-scalar", value=str(node.value)[:40], reason=str(exc)[:80]) from None
        if isinstance(value, float) and not math.isfinite(value):
            raise self._err(node, "input.not-finite", value=str(node.value)[:40])
        return value


def decode(path: str, raw: bytes) -> str:
    """Bytes to text.  UTF-8 (with or without BOM) is read; UTF-16/32 with a BOM is
    certain and read too; anything else is an error naming the encoding it looks like."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    elif raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _decode_bom(path, raw, "utf-32")
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_bom(path, raw, "utf-16")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise problem(path, "input.encoding", line, column, guess=_guess_encoding(raw)) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise problem(path, "input.nul", line, 1)
    return text


def _decode_bom(path: str, raw: bytes, codec: str) -> str:
    try:
        return raw.decode(codec).lstrip("\ufeff")
    except UnicodeDecodeError:
        raise problem(path, "input.encoding", 1, 1, guess=codec) from None


def _guess_encoding(raw: bytes) -> str:
    for codec in ("gb18030", "big5"):
        try:
            raw.decode(codec)
        except UnicodeDecodeError:
            continue
        return "GBK/GB18030" if codec == "gb18030" else "Big5"
    return "binary"


def read_bytes(path: str, limits: Limits = DEFAULT_LIMITS) -> bytes:
    p = Path(path)
    try:
        if p.is_dir():
            raise problem(path, "input.is-directory")
        size = p.stat().st_size
        if size > limits.max_bytes:
            raise problem(path, "input.too-large", size=size, limit=limits.max_bytes)
        with open(p, "rb") as fh:
            raw = fh.read(limits.max_bytes + 1)
    except InputProblem:
        raise
    except FileNotFoundError:
        raise problem(path, "input.missing") from None
    except PermissionError:
        raise problem(path, "input.unreadable", reason="permission denied") from None
    except OSError as exc:
        raise problem(path, "input.unreadable", reason=exc.strerror or str(exc)) from None
    if len(raw) > limits.max_bytes:
        raise problem(path, "input.too-large", size=len(raw), limit=limits.max_bytes)
    return raw


def load_text(path: str, text: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Parse YAML (or JSON, which is checked by the JSON grammar first) into a Document."""
    if path.lower().endswith(".json"):
        _check_json(path, text)
        # YAML reads JSON except for tabs used as indentation; they are plain spaces to JSON.
        text = text.replace("\t", " ")
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        reason = (exc.problem or exc.context or "syntax error").strip()
        raise problem(path, "input.syntax", line, column, reason=reason) from None
    except yaml.YAMLError as exc:
        raise problem(path, "input.syntax", reason=str(exc).splitlines()[0][:120]) from None
    except RecursionError:
        raise problem(path, "input.too-deep", limit=limits.max_depth) from None
    nodes = [n for n in nodes if n is not None]
    if not nodes:
        raise problem(path, "input.empty", 1, 1)
    if len(nodes) > 1:
        second = nodes[1]
        raise problem(
            path, "input.many-documents", second.start_mark.line + 1, second.start_mark.column + 1
        )
    root = nodes[0]
    builder = _Builder(path, limits)
    try:
        data = builder.build(root)
    except RecursionError:
        raise problem(path, "input.too-deep", limit=limits.max_depth) from None
    if not isinstance(data, dict):
        raise problem(
            path,
            "input.root-not-mapping",
            root.start_mark.line + 1,
            root.start_mark.column + 1,
            found=type(data).__name__,
        )
    return Document(path, data, builder.marks, builder.key_marks)


def _check_json(path: str, text: str) -> Any:
    """JSON's own grammar first (YAML would accept more); duplicates and marks come from
    the YAML node tree afterwards, JSON being a subset of YAML's flow style."""

    def no_constants(name: str) -> Any:
        raise _BadJSONConstant(name)

    try:
        return json.loads(text, parse_constant=no_constants)
    except json.JSONDecodeError as exc:
        raise problem(path, "input.syntax", exc.lineno, exc.colno, reason=exc.msg) from None
    except _BadJSONConstant as exc:
        line, column = _find(text, exc.args[0])
        raise problem(path, "input.not-finite", line, column, value=exc.args[0]) from None
    except RecursionError:
        raise problem(path, "input.too-deep", limit=DEFAULT_LIMITS.max_depth) from None


class _BadJSONConstant(Exception):
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


def load_file(path: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read, decode and parse one file.  Raises InputProblem."""
    return load_text(path, decode(path, read_bytes(path, limits)), limits)


def display_path(path: str) -> str:
    """The path as the user should see it: relative to the working folder when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel
