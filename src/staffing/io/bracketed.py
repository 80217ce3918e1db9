"""A name with a second name in brackets, as plans write a body that carries another
nameplate (名称（牌子）: 党政办公室（人大办公室）, 纪工委(监察组)): the body is its first name.
Here, before the plan's names, because the workbook reader finds a row's owner by it too."""

from __future__ import annotations

import re

# Brackets inside a name (乡镇(街道)综合…) are part of it.
_SECOND = re.compile(r"^(?P<first>[^（(）)]+?)\s*[（(](?P<second>[^（(）)]+)[）)]\s*$")


def split_second_name(name: str) -> tuple[str, str | None]:
    """`党政办公室（人大办公室）` → (`党政办公室`, `人大办公室`): the body is the first name and
    carries the bracketed one as a nameplate; a name without one → (name, None)."""
    m = _SECOND.match(name)
    if m is None:
        return name, None
    return m["first"].strip(), m["second"].strip()
