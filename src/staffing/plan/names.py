"""Names as a reviewer reads them: simplified or traditional script, stray spaces,
full-width forms.  Two names are the same body when their normal forms are equal."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import opencc

_T2S = opencc.OpenCC("t2s")


@lru_cache(maxsize=65536)
def normalize(name: str) -> str:
    """Simplified script, NFKC (full-width letters and digits to ASCII), no whitespace."""
    text = unicodedata.normalize("NFKC", name)
    text = "".join(text.split())
    return _T2S.convert(text)


def normalize_many(names: list[str]) -> list[str]:
    """`normalize` of each name, with one script conversion for them all (a long list of
    names costs one call into OpenCC, not one per name; no name holds a line break once
    its whitespace is gone, so the conversion cannot join two)."""
    if len(names) < 64:
        return [normalize(n) for n in names]
    cleaned = ["".join(unicodedata.normalize("NFKC", n).split()) for n in names]
    return _T2S.convert("\n".join(cleaned)).split("\n")


def strip_town(name: str, town: str) -> str:
    """`涌山镇综合行政执法局` → `综合行政执法局` when the town is 涌山镇."""
    n, t = normalize(name), normalize(town)
    return n[len(t):] if t and n.startswith(t) and len(n) > len(t) else n
