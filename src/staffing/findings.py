"""Findings: what a check says about a plan, immutable and sortable."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Severity(str, Enum):  # noqa: UP042 - StrEnum would change str() and format() of a member
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    # not a severity a pack can choose: the outcome "cannot check" (a figure or section the
    # check needs is unknown or not provided), neither a pass nor a fail
    UNKNOWN = "unknown"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2, "unknown": 3}[self.value]


Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Finding:
    """One problem in one file.

    `loc` is the path of the offending value in the plan's data (e.g.
    ("bodies", 3, "quotas", "administrative")); `trail` is the same place in the plan's
    own terms (town › body › field), already in both languages.
    """

    code: str
    slug: str
    severity: Severity
    message_zh: str
    message_en: str
    file: str
    line: int
    column: int
    loc: Loc = ()
    trail_zh: tuple[str, ...] = ()
    trail_en: tuple[str, ...] = ()
    source: str | None = None
    numbers: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    waived: str | None = None
    # In a workbook: the sheet and the cell ("D7"); line and column are then its row and
    # column number.  None for a YAML or JSON file.
    sheet: str | None = None
    cell: str | None = None

    def where(self) -> str:
        """`职能机构!D7` in a workbook, `line:column` elsewhere."""
        return f"{self.sheet}!{self.cell}" if self.sheet is not None and self.cell else f"{self.line}:{self.column}"
    # the source as a reviewer cites it: the document by title and the quote, per language
    # (`source` keeps the seed file, for traceability)
    citation_zh: str | None = None
    citation_en: str | None = None

    def message(self, lang: str) -> str:
        return self.message_zh if lang == "zh" else self.message_en

    def citation(self, lang: str) -> str | None:
        """What the text report prints after 依据: the document by title, else the source."""
        return (self.citation_zh if lang == "zh" else self.citation_en) or self.source

    def trail(self, lang: str) -> tuple[str, ...]:
        return self.trail_zh if lang == "zh" else self.trail_en

    def sort_key(self) -> tuple[Any, ...]:
        from staffing.io.layout import sheet_rank

        return (self.file, sheet_rank(self.sheet), self.line, self.column, self.code, self.message_en)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "slug": self.slug,
            "severity": self.severity.value,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": [str(p) for p in self.loc],
            "trail": {"zh": list(self.trail_zh), "en": list(self.trail_en)},
            "message": {"zh": self.message_zh, "en": self.message_en},
            "source": self.source,
            "citation": {"zh": self.citation_zh, "en": self.citation_en} if self.citation_zh else None,
            "numbers": self.numbers,
            "waived": self.waived,
            "sheet": self.sheet,
            "cell": self.cell,
        }


def body_index(finding: Finding) -> tuple[str, int] | None:
    """Which part of the org chart a finding belongs to: ("bodies", i),
    ("dispatched_units", i), ("support_center", 0) or None for the town as a whole."""
    loc = finding.loc
    if len(loc) >= 2 and loc[0] in ("bodies", "dispatched_units", "support_institutions", "institutions") and isinstance(loc[1], int):
        return (str(loc[0]), loc[1])
    if loc and loc[0] == "support_center":
        return ("support_center", 0)
    return None
