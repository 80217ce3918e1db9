"""Exit codes and the one error type for unusable input."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

# Characters that must never reach a terminal raw: C0/C1 controls (ESC starts colour and
# cursor sequences), DEL, bidirectional overrides and isolates (which reorder what the
# reader sees), zero-width characters, line/paragraph separators and the BOM.
_INVISIBLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]"
)
PARAM_CHARS = 80  # longest text from an input file quoted in one message


def visible(text: str, limit: int | None = None) -> str:
    """`text` with every control, bidi and zero-width character written as an escape
    (\\x1b, \\u202e), cut to `limit` characters with an ellipsis.  For anything taken from
    an input file and shown in a terminal."""
    if limit is not None and len(text) > limit:
        text = text[:limit] + "…"

    def esc(m: re.Match[str]) -> str:
        code = ord(m.group())
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _INVISIBLE.sub(esc, text)


class Exit(IntEnum):
    """Exit codes, defined once."""

    CLEAN = 0
    VIOLATIONS = 1
    UNUSABLE = 2


class Interrupted(BaseException):
    """SIGTERM or SIGINT arrived while plans were being checked (the workers are ended
    before this propagates); the command exits 128 + the signal's number."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


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
        shown = visible(self.file)
        if self.line is None:
            return shown
        return f"{shown}:{self.line}:{self.column or 1}"

    def message(self, lang: str) -> str:
        from staffing.messages import render

        return render(self.key, lang, dict(self.params))

    def __str__(self) -> str:
        return f"{self.where()}: {self.message('en')}"


def problem(
    file: str, message_key: str, line: int | None = None, column: int | None = None, **params: object
) -> InputProblem:
    """Build an InputProblem; params fill the catalogue entry `message_key`.  Text params
    come from input files, so they are made visible and short (see `visible`)."""
    shown = {k: visible(v, PARAM_CHARS) if isinstance(v, str) else v for k, v in params.items()}
    return InputProblem(file, message_key, tuple(sorted(shown.items())), line, column)
