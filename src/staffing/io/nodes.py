"""The reference YAML reader: the node tree composed from libyaml's event stream (see
`staffing.io.load`), then built into plain data with the line and column of every value.
Kept apart so that PyYAML (about 15 ms to import) is loaded only by a file read this way:
a plan or pack the fast reader (`staffing.io.fastload`) reads soundly never needs it."""

from __future__ import annotations

import bisect
import math
import re
from typing import Any

import yaml

from staffing.errors import InputProblem, problem
from staffing.io.document import LINE_BREAK, UNREADABLE, Document, Limits, Path_, Unreadable, syntax_problem
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


# YAML 1.1 (libyaml, PyYAML) also ends a line at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR;
# an editor, YAML 1.2 and the fast reader only at \n, \r\n and \r.  In a text holding one of
# them every mark is counted again from its index (characters from the start of the text),
# so each place said is the line and column an editor shows.  Other texts keep the parser's
# marks as they are: nothing is paid for them.
_YAML11_BREAKS = ("\x85", "\u2028", "\u2029")


def _line_starts(text: str) -> list[int] | None:
    """Where each of the text's lines starts, as an editor counts lines; None when the
    parser already counts them so (no break of YAML 1.1's own in the text)."""
    if not any(c in text for c in _YAML11_BREAKS):
        return None
    return [0, *(m.end() for m in LINE_BREAK.finditer(text))]


def _editor_mark(mark: Any, starts: list[int] | None) -> Any:
    """`mark` at the line and column an editor shows (see `_line_starts`)."""
    if mark is None or starts is None:
        return mark
    line = bisect.bisect_right(starts, mark.index) - 1
    return yaml.Mark(mark.name, mark.index, line, mark.index - starts[line], mark.buffer, mark.pointer)


def _editor_marked(events: Any, starts: list[int]) -> Any:
    """The parser's events, each marked where an editor shows it."""
    for event in events:
        event.start_mark = _editor_mark(event.start_mark, starts)
        event.end_mark = _editor_mark(event.end_mark, starts)
        yield event


def _events(text: str, loader: Any) -> Any:
    """The parser's events of `text`, marked as an editor counts lines."""
    events = yaml.parse(text, Loader=loader)
    starts = _line_starts(text)
    return events if starts is None else _editor_marked(events, starts)


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
    for event in _events(text, loader):
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
        line, column = _at(_editor_mark(exc.problem_mark, _line_starts(text)))
        raise problem(path, "input.too-deep", line, column, limit=limits.max_depth) from None


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


def load_yaml_text(path: str, text: str, limits: Limits, json_data: Any, is_json: bool = False) -> Document:
    """The document of a YAML text (`is_json`: a JSON text whose data JSON's reader made,
    `json_data`, kept as it is read).  Raises InputProblem."""
    try:
        try:
            root = _compose(path, text, limits)
        except yaml.MarkedYAMLError as exc:
            if _LIBYAML_DEPTH not in (exc.problem or ""):
                raise
            root = _compose_past_libyaml_depth(path, text, limits, exc)
    except yaml.MarkedYAMLError as exc:
        starts = _line_starts(text)
        exc.problem_mark = _editor_mark(exc.problem_mark, starts)
        exc.context_mark = _editor_mark(exc.context_mark, starts)
        mark = exc.problem_mark or exc.context_mark
        if mark is not None and text[mark.index:mark.index + 1] == "\t":
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
    if is_json and not builder.problems:  # numbers as JSON reads them (YAML 1.1 reads 1e5 and 1.5e3 as text)
        data = json_data
    doc = Document(path, data, builder.marks, builder.key_marks)
    doc.problems = [p for _, p in builder.problems]
    doc.problem_locs = {loc for loc, _ in builder.problems}
    return doc


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

