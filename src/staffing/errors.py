"""Exit codes and the one error type for unusable input."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class Exit(IntEnum):
    """Exit codes, defined once."""

    CLEAN = 0
    VIOLATIONS = 1
    UNUSABLE = 2


@dataclass(frozen=True)
class InputProblem(Exception):
    """A file or argument the tool cannot use.  Always names the file; line and column
    are 1-based and given where there is one."""

    file: str
    key: str
    params: tuple[tuple[str, object], ...] = ()
    line: int | None = None
    column: int | None = None

    def where(self) -> str:
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}:{self.column or 1}"

    def message(self, lang: str) -> str:
        from staffing.messages import render

        return render(self.key, lang, dict(self.params))

    def __str__(self) -> str:
        return f"{self.where()}: {self.message('en')}"


def problem(
    file: str, key: str, line: int | None = None, column: int | None = None, **params: object
) -> InputProblem:
    """Build an InputProblem; params fill the catalogue entry `key`."""
    return InputProblem(file, key, tuple(sorted(params.items())), line, column)
