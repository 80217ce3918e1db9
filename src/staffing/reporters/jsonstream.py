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


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, default=str)


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

    skeleton = _dumps(mark(document))  # the marks stand where the lists go: '[\n<pad>"<mark>"\n<pad-2>]'
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
            text = _dumps(item).replace("\n", "\n" + pad)
            yield inert_json(("[\n" if first else ",\n") + pad + text)
            first = False
        yield "[]" if first else "\n" + pad[:-2] + "]"  # the closing bracket one level out
        rest = rest[end:]
    yield inert_json(rest) + "\n"
