"""JSON written piece by piece: the same text as `json.dumps(document, indent=2)`, but the
long lists (files, results) are turned into JSON one item at a time as they are written, so
memory does not grow with the number of findings.  Every piece goes through `inert_json`."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from staffing.errors import inert_json

_MARK = "\x00streamed:{}\x00"


class Streamed:
    """A list whose items are produced only while the document is written."""

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = items


# ---- json.dumps(value, ensure_ascii=False, indent=2, default=str), twice as fast ----------------
#
# With an indent, the json module leaves its C encoder aside for its Python one, a generator
# per list and mapping; a warm run over 2,000 plans spent a tenth of its time there.  This
# gives the same text (tests/reporters/test_stream.py holds it to json.dumps on generated
# values): the same order of type tests, the C escaping of strings, the same keys and floats.

_encode_str = json.encoder.encode_basestring  # the C function where the interpreter has it
_float_repr = float.__repr__
_int_repr = int.__repr__
_INFINITY = float("inf")


def _float(o: float) -> str:
    if o != o:
        return "NaN"
    if o == _INFINITY:
        return "Infinity"
    if o == -_INFINITY:
        return "-Infinity"
    return _float_repr(o)


def _key(k: Any) -> str:
    if isinstance(k, str):
        return k
    if isinstance(k, float):
        return _float(k)
    if k is True:
        return "true"
    if k is False:
        return "false"
    if k is None:
        return "null"
    if isinstance(k, int):
        return _int_repr(k)
    raise TypeError(f"keys must be str, int, float, bool or None, not {k.__class__.__name__}")


def dumps_indented(value: Any, newline: str = "\n") -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2, default=str)`, the same text; with
    `newline` ("\n" and spaces), every line after the first indented by those spaces too."""
    parts: list[str] = []
    _encode(value, newline, parts, set())
    return "".join(parts)


def _encode(o: Any, nl: str, parts: list[str], markers: set[int]) -> None:
    if isinstance(o, str):
        parts.append(_encode_str(o))
    elif o is None:
        parts.append("null")
    elif o is True:
        parts.append("true")
    elif o is False:
        parts.append("false")
    elif isinstance(o, int):
        parts.append(_int_repr(o))
    elif isinstance(o, float):
        parts.append(_float(o))
    elif isinstance(o, (list, tuple, dict)):
        if not o:
            parts.append("{}" if isinstance(o, dict) else "[]")
            return
        if id(o) in markers:
            raise ValueError("Circular reference detected")
        markers.add(id(o))
        inner = nl + "  "
        if isinstance(o, dict):
            parts.append("{")
            for n, (k, v) in enumerate(o.items()):
                parts.append(("," if n else "") + inner + _encode_str(_key(k)) + ": ")
                _encode(v, inner, parts, markers)
            parts.append(nl + "}")
        else:
            parts.append("[")
            for n, v in enumerate(o):
                parts.append("," + inner if n else inner)
                _encode(v, inner, parts, markers)
            parts.append(nl + "]")
        markers.discard(id(o))
    else:
        if id(o) in markers:
            raise ValueError("Circular reference detected")
        markers.add(id(o))
        _encode(str(o), nl, parts, markers)
        markers.discard(id(o))


def stream(document: dict[str, Any]) -> Iterator[str]:
    """The pieces of `document` as JSON text ending in a line break; each `Streamed` value,
    at any depth, is written item by item."""
    lists: list[Iterable[Any]] = []

    def mark(value: Any) -> Any:
        if isinstance(value, Streamed):
            lists.append(value.items)
            return [_MARK.format(len(lists) - 1)]
        if isinstance(value, dict):
            return {k: mark(v) for k, v in value.items()}
        if isinstance(value, list):
            return [mark(v) for v in value]
        return value

    skeleton = dumps_indented(mark(document))  # the marks stand where the lists go: '[\n<pad>"<mark>"\n<pad-2>]'
    rest = skeleton
    for n, items in enumerate(lists):
        token = json.dumps(_MARK.format(n))
        at = rest.index(token)
        start = rest.rindex("[", 0, at)
        end = rest.index("]", at) + 1
        pad = rest[rest.rindex("\n", 0, at) + 1:at]
        yield inert_json(rest[:start])
        first = True
        for item in items:
            text = dumps_indented(item, "\n" + pad)  # indented where it stands, in one pass
            yield inert_json(("[\n" if first else ",\n") + pad + text)
            first = False
        yield "[]" if first else "\n" + pad[:-2] + "]"  # the closing bracket one level out
        rest = rest[end:]
    yield inert_json(rest) + "\n"
