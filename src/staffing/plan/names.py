"""Names as a reviewer reads them: simplified or traditional script, stray spaces,
full-width forms.  Two names are the same body when their normal forms are equal."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import opencc

# the first name of 名称（牌子） is the body's (read by the workbook too, so written before the plan)
from staffing.io.bracketed import split_second_name as split_second_name

_T2S = opencc.OpenCC("t2s")
_S2T: opencc.OpenCC | None = None


@lru_cache(maxsize=65536)
def normalize(name: str) -> str:
    """Simplified script, NFKC (full-width letters and digits to ASCII), no whitespace."""
    text = unicodedata.normalize("NFKC", name)
    text = "".join(text.split())
    return _T2S.convert(text)


def simplified(text: str) -> str:
    """The text in simplified script, as it is otherwise written (a quote from a seed saved in
    traditional script, shown to a reader of simplified Chinese)."""
    return _T2S.convert(text)


def traditional(text: str) -> str:
    """The text in traditional script (the forms a plan written so may use), for the schema."""
    global _S2T
    if _S2T is None:
        _S2T = opencc.OpenCC("s2t")
    return str(_S2T.convert(text))


def normalize_many(names: list[str]) -> list[str]:
    """`normalize` of each name, with one script conversion for them all (a long list of
    names costs one call into OpenCC, not one per name; no name holds a line break once
    its whitespace is gone, so the conversion cannot join two)."""
    if len(names) < 64:
        return [normalize(n) for n in names]
    cleaned = ["".join(unicodedata.normalize("NFKC", n).split()) for n in names]
    return _T2S.convert("\n".join(cleaned)).split("\n")


@lru_cache(maxsize=65536)  # asked of every unit's names by several checks of every plan
def strip_town(name: str, town: str) -> str:
    """`涌山镇综合行政执法局` → `综合行政执法局` when the town is 涌山镇."""
    return without_town(normalize(name), normalize(town))


def without_town(normal: str, town: str) -> str:
    """`strip_town` of a name already in normal form, the town's name in normal form too (for
    a long list of names normalized at once)."""
    return normal[len(town):] if town and normal.startswith(town) and len(normal) > len(town) else normal
