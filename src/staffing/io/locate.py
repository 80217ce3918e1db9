"""Line and column of every value of a plan the fast path read, without a second parse.

A plan with a finding needs the place of a few of its values.  The reference loader
would give them by composing a full libyaml node tree (~7-15 ms for an 8 KB plan);
this module reads the same text once more, as the restricted YAML the fast path only
ever accepts (`fastload._risky` has refused tags, anchors, block scalars, multi-line
scalars, flow collections over several lines, escapes, tabs, ...): block mappings and
sequences by indentation, and on one line a plain or quoted scalar or a flow
collection.  It records where each value and each key starts, as libyaml marks them
(1-based line and column, columns in characters): a block mapping at its first key, a
block sequence at its first "-", a flow collection at its bracket, a scalar at its
first character (the quote for a quoted one), an empty value just after its ":" or
"-".

It reads structure only, never values, so it is checked against the data the fast
parser built: every path it finds must be one the data has and every path of the data
must have been found, with every key equal.  Anything it does not expect (a construct
outside that subset, a line it cannot place, a path that does not match) gives None,
and the caller asks the reference loader instead: slower, never different.
`tests/io/test_locate.py` holds it equal to the reference loader's marks on the shipped
examples, a generated corpus and tricky snippets.
"""

from __future__ import annotations

import re
from typing import Any

from staffing.io.document import written_places

Path_ = tuple[str | int, ...]
Marks = dict[Path_, tuple[int, int]]


_SPACES = re.compile(" *")
_FLOW_PLAIN_END = re.compile(r"[,\[\]{}:#]|$")  # where a plain scalar in a flow collection stops


class _Unsure(Exception):
    """The text is outside what this reader knows: ask the reference loader."""


def _is_item(text: str, col: int) -> bool:
    """A block sequence's "- " (or a bare "-") starts at `col` of this line."""
    return text.startswith("-", col) and (col + 1 == len(text) or text[col + 1] == " ")


class _Reader:
    def __init__(self, text: str) -> None:
        if "\r" in text.replace("\r\n", ""):  # a lone CR is a line break to YAML
            raise _Unsure
        lines = text.split("\n")
        if "\r" in text:
            lines = [ln[:-1] if ln.endswith("\r") else ln for ln in lines]
        self.lines = lines
        # content lines: (index, indent), blank lines and comment-only lines left out
        self.content: list[tuple[int, int]] = [
            (i, len(ln) - len(stripped)) for i, ln in enumerate(lines)
            if (stripped := ln.lstrip(" ")) and stripped[0] != "#"]
        self.at = 0  # index into self.content of the line being read
        self.marks: Marks = {}
        self.key_marks: Marks = {}

    # ---- block structure ------------------------------------------------------------------

    def node(self, line: int, col: int, loc: Path_) -> None:
        """A block node starting at (line, col): a sequence, a mapping, or an inline value.
        Leaves self.at at the first content line after it."""
        text = self.lines[line]
        if _is_item(text, col):
            self.sequence(line, col, loc)
        elif self.key_end(text, col) is not None:
            self.mapping(line, col, loc)
        else:
            end = self.inline(line, col, loc)
            self.line_ends(text, end)
            self.at += 1

    def next_line(self) -> tuple[int, int] | None:
        return self.content[self.at] if self.at < len(self.content) else None

    def sequence(self, line: int, col: int, loc: Path_) -> None:
        self.marks[loc] = (line + 1, col + 1)
        k = 0
        while True:
            text = self.lines[line]
            p = self.spaces(text, col + 1)
            item = loc + (k,)
            if p >= len(text) or text[p] == "#":
                if p < len(text) and text[p - 1] != " ":
                    raise _Unsure
                self.at += 1
                nxt = self.next_line()
                if nxt is not None and nxt[1] > col:
                    self.node(nxt[0], nxt[1], item)
                else:
                    self.marks[item] = (line + 1, col + 2)  # empty: just after the "-"
            else:
                self.node(line, p, item)
            k += 1
            nxt = self.next_line()
            if nxt is None or nxt[1] < col:
                return
            if nxt[1] > col:
                raise _Unsure
            t = self.lines[nxt[0]]
            if not _is_item(t, col):
                return  # a key of the mapping this (indentless) sequence is the value of
            line = nxt[0]

    def mapping(self, line: int, col: int, loc: Path_) -> None:
        self.marks[loc] = (line + 1, col + 1)
        while True:
            text = self.lines[line]
            found = self.key_end(text, col)
            if found is None:
                raise _Unsure
            key, colon = found
            here = loc + (key,)
            if here in self.key_marks:
                raise _Unsure
            self.key_marks[here] = (line + 1, col + 1)
            p = self.spaces(text, colon + 1)
            if p >= len(text) or text[p] == "#":
                if p < len(text) and text[p - 1] != " ":
                    raise _Unsure
                self.at += 1
                nxt = self.next_line()
                t = self.lines[nxt[0]] if nxt is not None else ""
                if nxt is not None and nxt[1] > col:
                    self.node(nxt[0], nxt[1], here)
                elif nxt is not None and nxt[1] == col and _is_item(t, col):
                    self.sequence(nxt[0], col, here)  # indentless: "key:" then "- item" below it
                else:
                    self.marks[here] = (line + 1, colon + 2)  # empty: just after the ":"
            else:
                end = self.inline(line, p, here)
                self.line_ends(text, end)
                self.at += 1
            nxt = self.next_line()
            if nxt is None or nxt[1] < col:
                return
            if nxt[1] > col:
                raise _Unsure
            t = self.lines[nxt[0]]
            if _is_item(t, col):
                return
            line = nxt[0]

    def key_end(self, text: str, col: int) -> tuple[str, int] | None:
        """(key, index of its ":") when a block mapping key starts at col, else None."""
        c = text[col] if col < len(text) else ""
        if c in ("'", '"'):
            value, end = self.quoted(text, col)
            end = self.spaces(text, end)
            if end < len(text) and text[end] == ":" and (end + 1 == len(text) or text[end + 1] == " "):
                return value, end
            return None
        if not c or c in "[]{},#`@|>!&*%?":
            return None
        i = col
        while True:
            i = text.find(":", i)
            if i < 0:
                return None
            if " #" in text[col:i]:
                return None
            if i + 1 == len(text) or text[i + 1] == " ":
                key = text[col:i].rstrip(" ")
                if not key:
                    raise _Unsure
                return key, i
            i += 1

    def line_ends(self, text: str, end: int) -> None:
        """After a value only spaces and a comment may follow on its line."""
        rest = text[end:]
        stripped = rest.lstrip(" ")
        if stripped and not (stripped.startswith("#") and len(stripped) < len(rest)):
            raise _Unsure

    # ---- on one line ----------------------------------------------------------------------

    def quoted(self, text: str, start: int) -> tuple[str, int]:
        """A quoted scalar on one line: (its value, index after the closing quote)."""
        q = text[start]
        i = start + 1
        parts = []
        while True:
            j = text.find(q, i)
            if j < 0:
                raise _Unsure  # runs onto the next line
            parts.append(text[i:j])
            if q == "'" and j + 1 < len(text) and text[j + 1] == "'":
                parts.append("'")
                i = j + 2
                continue
            if q == '"' and "\\" in text[i:j]:
                raise _Unsure
            return "".join(parts), j + 1

    def inline(self, line: int, p: int, loc: Path_) -> int:
        """A value on one line at p (block context); returns the index after it."""
        text = self.lines[line]
        c = text[p]
        self.marks[loc] = (line + 1, p + 1)
        if c == "[" or c == "{":
            return self.flow(line, p, loc)
        if c in ("'", '"'):
            return self.quoted(text, p)[1]
        if c in "]},#`@|>!&*%?":
            raise _Unsure
        end = text.find(" #", p)
        value = text[p:end if end >= 0 else len(text)].rstrip(" ")
        if ": " in value or value.endswith(":"):
            raise _Unsure
        return p + len(value)

    def flow(self, line: int, p: int, loc: Path_) -> int:
        text = self.lines[line]
        close = "]" if text[p] == "[" else "}"
        is_map = close == "}"
        self.marks[loc] = (line + 1, p + 1)
        i = self.spaces(text, p + 1)
        k = 0
        while True:
            if i >= len(text):
                raise _Unsure
            if text[i] == close:
                return i + 1
            if is_map:
                c = text[i]
                if c in ("'", '"'):
                    key, j = self.quoted(text, i)
                else:
                    j = _FLOW_PLAIN_END.search(text, i).start()  # type: ignore[union-attr]  # "$" always matches
                    key = text[i:j].rstrip(" ")
                    if not key or c in "-?&*!|>%@`":
                        raise _Unsure
                j = self.spaces(text, j)
                if j + 1 >= len(text) or text[j] != ":" or text[j + 1] != " ":
                    raise _Unsure
                here = loc + (key,)
                if here in self.key_marks:
                    raise _Unsure
                self.key_marks[here] = (line + 1, i + 1)
                i = self.spaces(text, j + 1)
                if i >= len(text) or text[i] in ",}":
                    raise _Unsure
                i = self.flow_node(line, i, here)
            else:
                i = self.flow_node(line, i, loc + (k,))
                k += 1
            i = self.spaces(text, i)
            if i < len(text) and text[i] == ",":
                i = self.spaces(text, i + 1)
            elif i < len(text) and text[i] == close:
                return i + 1
            else:
                raise _Unsure

    def flow_node(self, line: int, i: int, loc: Path_) -> int:
        text = self.lines[line]
        c = text[i]
        if c == "[" or c == "{":
            return self.flow(line, i, loc)
        self.marks[loc] = (line + 1, i + 1)
        if c in ("'", '"'):
            return self.quoted(text, i)[1]
        # an indicator first: not read here ("-" only before a digit, a negative number)
        if c in "-?:&*!|>%@`#,]}" and not (c == "-" and i + 1 < len(text) and text[i + 1].isdigit()):
            raise _Unsure
        j = _FLOW_PLAIN_END.search(text, i).start()  # type: ignore[union-attr]  # "$" always matches
        if j < len(text) and text[j] in ":#[{":
            raise _Unsure  # "a:b", "a #", "a[": not read here
        value = text[i:j].rstrip(" ")
        if not value:
            raise _Unsure
        return i + len(value)

    @staticmethod
    def spaces(text: str, i: int) -> int:
        return _SPACES.match(text, i).end()  # type: ignore[union-attr]  # " *" always matches


def _paths(data: Any) -> tuple[set[Path_], set[Path_]]:
    """Every path of the data (values), and every key's path."""
    values: set[Path_] = {()}
    keys: set[Path_] = set()
    stack: list[tuple[Path_, Any]] = [((), data)]
    while stack:
        loc, node = stack.pop()
        if type(node) is dict:
            for k, v in node.items():
                here = loc + (k,)
                values.add(here)
                keys.add(here)
                if type(v) is dict or type(v) is list:
                    stack.append((here, v))
        elif type(node) is list:
            for i, v in enumerate(node):
                here = loc + (i,)
                values.add(here)
                if type(v) is dict or type(v) is list:
                    stack.append((here, v))
    return values, keys


def block_marks(text: str, data: Any) -> tuple[Marks, Marks] | None:
    """(marks, key_marks) of `text` as the reference loader would record them, given the
    data the fast parser read from it; None when this reader is not certain."""
    try:
        reader = _Reader(text)
        first = reader.next_line()
        if first is None:
            return None
        reader.node(first[0], first[1], ())
        if reader.next_line() is not None:
            return None  # something after the root node: not a shape this reader knows
    except (_Unsure, IndexError):
        return None
    values, keys = _paths(data)
    if set(reader.marks) != values or set(reader.key_marks) != keys:
        return None
    return reader.marks, reader.key_marks


# ---- one value at a time -------------------------------------------------------------------

_Start = tuple[int, int] | None  # (line index, column) where a block node starts; None: an empty value
_Child = tuple[_Start, tuple[int, int], tuple[int, int] | None]  # start, value mark, key mark (None: an item)


class Places:
    """Where single values stand, found by walking down to them: only the collections on
    the way are read (keys and items by indentation, what lies under the others skipped
    line by line), so placing a finding costs a few dozen lines, not the whole plan.

    Checked as it goes against the data the fast parser built: every mapping passed
    through must have exactly the data's keys in the data's order, every sequence as many
    items, a scalar must be a scalar, and a flow collection reached is read whole and must
    have exactly the data's paths.  Anything else: `place` gives None (ask `block_marks`
    or the reference loader)."""

    def __init__(self, text: str, data: Any) -> None:
        self.reader = _Reader(text)
        self.data = data
        self.row = {line: i for i, (line, _) in enumerate(self.reader.content)}
        self.memo: dict[tuple[int, int], Any] = {}

    def place(self, loc: Path_, key: bool = False) -> tuple[int, int] | None:
        """What `Document.locate(loc, key)` gives with the reference loader's marks."""
        try:
            return self._place(tuple(loc), key)
        except (_Unsure, IndexError, KeyError, TypeError):
            return None

    def _dash(self, line: int, col: int) -> bool:
        return _is_item(self.reader.lines[line], col)

    def _place(self, loc: Path_, key: bool) -> tuple[int, int]:
        content = self.reader.content
        if not content:
            raise _Unsure
        start: _Start = content[0]
        node = self.data
        root = value_mark = (content[0][0] + 1, content[0][1] + 1)
        key_mark: tuple[int, int] | None = None
        for n, part in enumerate(loc):
            if start is None:
                break  # an empty value has nothing under it
            kids = self._children(start, node)
            if isinstance(kids, tuple):  # a flow collection, read whole: the rest is in its tables
                marks, key_marks = kids
                rest = loc[n:]
                for d in range(len(rest), 0, -1):
                    if rest[:d] in marks:
                        value_mark = marks[rest[:d]]
                        break
                for d in range(len(rest), 0, -1):
                    if rest[:d] in key_marks:
                        key_mark = key_marks[rest[:d]]
                        break
                break
            if kids is None or isinstance(part, bool):
                break
            written = part if part in kids else next(
                (w[-1] for w in written_places(loc[:n + 1]) if w[-1] in kids), None)  # 行政编制 for administrative
            if written is None:
                break
            start, value_mark, found_key = kids[written]
            node = node[part] if part in node else node[written]
            if found_key is not None:
                key_mark = found_key
        else:
            if start is not None:
                self._children(start, node)  # the value itself is checked too
        if key:
            return key_mark or root
        return value_mark

    def _children(self, start: tuple[int, int], node: Any) -> Any:
        """The node at `start`, checked against `node`: {key or index: child} for a block
        collection, (marks, key_marks) relative to it for a flow collection, None for a
        scalar."""
        found = self.memo.get(start)
        if found is not None or start in self.memo:
            return found
        line, col = start
        r = self.reader
        text = r.lines[line]
        if self._dash(line, col):
            items = self._sequence(line, col)
            if type(node) is not list or len(items) != len(node):
                raise _Unsure
            found = dict(enumerate(items))
        elif r.key_end(text, col) is not None:
            entries = self._mapping(line, col)
            if type(node) is not dict or [k for k, _ in entries] != list(node):
                raise _Unsure
            found = dict(entries)
        else:
            r.marks, r.key_marks = {}, {}
            end = r.inline(line, col, ())
            r.line_ends(text, end)
            if text[col] in "[{":
                values, keys = _paths(node)
                if set(r.marks) != values or set(r.key_marks) != keys:
                    raise _Unsure
                found = (r.marks, r.key_marks)
            elif type(node) is dict or type(node) is list:
                raise _Unsure
            else:
                found = None
        self.memo[start] = found
        return found

    def _after(self, row: int, line: int, col: int, colon: int) -> tuple[_Start, tuple[int, int]]:
        """Where the value after an indicator ending at `colon` on `line` starts."""
        r = self.reader
        text = r.lines[line]
        p = r.spaces(text, colon + 1)
        if p < len(text) and text[p] != "#":
            return (line, p), (line + 1, p + 1)
        if p < len(text) and text[p - 1] != " ":
            raise _Unsure
        nxt = r.content[row + 1] if row + 1 < len(r.content) else None
        if nxt is not None and nxt[1] > col:
            return nxt, (nxt[0] + 1, nxt[1] + 1)
        return None, (line + 1, colon + 2)  # empty: just after the indicator

    def _mapping(self, line: int, col: int) -> list[tuple[str, _Child]]:
        r = self.reader
        content = r.content
        lines = r.lines
        n = len(content)
        row = self.row[line]
        out: list[tuple[str, _Child]] = []
        while True:
            found = r.key_end(lines[line], col)
            if found is None:
                raise _Unsure
            key, colon = found
            start, mark = self._after(row, line, col, colon)
            if start is None and row + 1 < n and content[row + 1][1] == col \
                    and self._dash(content[row + 1][0], col):
                start = content[row + 1]  # indentless: "key:" then "- item" below it
                mark = (start[0] + 1, start[1] + 1)
            out.append((key, (start, mark, (line + 1, col + 1))))
            row += 1
            while row < n:  # past what is under this key: deeper lines, and its indentless items
                at, indent = content[row]
                if indent < col or (indent == col and not _is_item(lines[at], col)):
                    break
                row += 1
            if row >= n or content[row][1] < col:
                return out
            line = content[row][0]

    def _sequence(self, line: int, col: int) -> list[_Child]:
        r = self.reader
        content = r.content
        n = len(content)
        row = self.row[line]
        out: list[_Child] = []
        while True:
            start, mark = self._after(row, line, col, col)
            out.append((start, mark, None))
            row += 1
            while row < n and content[row][1] > col:
                row += 1
            if row >= n or content[row][1] < col or not self._dash(content[row][0], col):
                return out
            line = content[row][0]
