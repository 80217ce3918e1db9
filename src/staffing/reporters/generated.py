"""Parts of a document made from the registry, kept between two marker comments: the
README's table of checks, the Chinese guide's part on the checks.  A test keeps each
document equal to what its generator writes now."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def replace_between(doc: str, begin: str, end: str, part: str, missing: str) -> str:
    """`doc` with the text between the `begin` and `end` markers replaced by `part`;
    `missing` is the error's text when a marker is absent."""
    head, found_begin, rest = doc.partition(begin)
    _, found_end, tail = rest.partition(end)
    if not found_begin or not found_end:
        raise ValueError(missing)
    return head + begin + "\n" + part + end + tail


def rewrite(argv: list[str], replace: Callable[[str], str]) -> int:
    """Each file named in `argv` rewritten in place with `replace` (the generator's main)."""
    for name in argv:
        path = Path(name)
        path.write_text(replace(path.read_text(encoding="utf-8")), encoding="utf-8")
    return 0
