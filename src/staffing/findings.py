"""Findings: what a check says about a plan, immutable and sortable."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from staffing.words import Words


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


class Trail(tuple[Words, ...]):
    """Where a finding is in the plan's own terms (town › body › field), each step in both
    languages; `trail(lang)` gives the steps in one."""

    __slots__ = ()

    def __call__(self, lang: str) -> tuple[str, ...]:
        return tuple(step(lang) for step in self)


NO_TRAIL = Trail()


@dataclass(frozen=True)
class Finding:
    """One problem in one file.

    `loc` is the path of the offending value in the plan's data (e.g.
    ("bodies", 3, "quotas", "administrative")); `trail` is the same place in the plan's
    own terms (town › body › field).  Texts are `Words`: `finding.message(lang)`,
    `finding.trail(lang)`, `finding.citation(lang)`.
    """

    code: str
    slug: str
    severity: Severity
    message: Words
    file: str
    line: int
    column: int
    loc: Loc = ()
    trail: Trail = NO_TRAIL
    source: str | None = None
    numbers: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    waived: str | None = None
    # In a workbook: the sheet and the cell ("D7"); line and column are then its row and
    # column number.  None for a YAML or JSON file.
    sheet: str | None = None
    cell: str | None = None
    # the source as a reviewer cites it: the document by title and the quote (`source`
    # keeps the seed file, for traceability)
    cited: Words | None = None

    def where(self) -> str:
        """`职能机构!D7` in a workbook, `line:column` elsewhere."""
        return f"{self.sheet}!{self.cell}" if self.sheet is not None and self.cell else f"{self.line}:{self.column}"

    def citation(self, lang: str) -> str | None:
        """What the text report prints after 依据: the document by title, else the source."""
        return (self.cited(lang) if self.cited is not None else None) or self.source

    def sort_key(self) -> tuple[Any, ...]:
        rank = -1  # no sheet: a text file's place, before any sheet's (`io.layout.sheet_rank`)
        if self.sheet is not None:  # the workbook's layout is read only for a workbook's places
            from staffing.io.layout import sheet_rank

            rank = sheet_rank(self.sheet)
        return (self.file, rank, self.line, self.column, self.code, self.message.en)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "slug": self.slug,
            "severity": self.severity.value,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": [str(p) for p in self.loc],
            "trail": {"zh": list(self.trail("zh")), "en": list(self.trail("en"))},
            "message": {"zh": self.message.zh, "en": self.message.en},
            "source": self.source,
            "citation": {"zh": self.cited.zh, "en": self.cited.en} if self.cited is not None and self.cited.zh else None,
            "numbers": self.numbers,
            "waived": self.waived,
            "sheet": self.sheet,
            "cell": self.cell,
        }

    # ---- the record the batch and the result cache keep, by field name ----------------------

    def to_record(self) -> dict[str, Any]:
        """Every field by its name, as JSON-able values (`from_record` reads it back)."""
        return {
            "code": self.code, "slug": self.slug, "severity": self.severity.value, "message": list(self.message),
            "file": self.file, "line": self.line, "column": self.column, "loc": list(self.loc),
            "trail": [list(step) for step in self.trail], "source": self.source, "numbers": self.numbers,
            "waived": self.waived, "sheet": self.sheet, "cell": self.cell,
            "cited": list(self.cited) if self.cited is not None else None,
        }

    @classmethod
    def from_record(cls, rec: dict[str, Any]) -> Finding:
        cited = rec["cited"]
        return cls(rec["code"], rec["slug"], Severity(rec["severity"]), Words(*rec["message"]), rec["file"],
                   rec["line"], rec["column"], tuple(rec["loc"]), Trail(Words(*step) for step in rec["trail"]),
                   rec["source"], dict(rec["numbers"]), rec["waived"], rec["sheet"], rec["cell"],
                   Words(*cited) if cited is not None else None)


RECORD_FIELDS = frozenset(("code", "slug", "severity", "message", "file", "line", "column", "loc", "trail", "source",
                           "numbers", "waived", "sheet", "cell", "cited"))


def body_index(finding: Finding) -> tuple[str, int] | None:
    """Which part of the org chart a finding belongs to: ("bodies", i),
    ("dispatched_units", i), ("support_center", 0) or None for the town as a whole."""
    loc = finding.loc
    if len(loc) >= 2 and loc[0] in ("bodies", "dispatched_units", "support_institutions", "institutions") and isinstance(loc[1], int):
        return (str(loc[0]), loc[1])
    if loc and loc[0] == "support_center":
        return ("support_center", 0)
    return None
