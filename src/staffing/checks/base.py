"""What a check is: a code, a slug, a default severity, typed options, a generator of
problems and a docstring under fixed headings that `staffing explain CODE` prints.

A check never formats text or knows about files: it yields `Problem`s (a message key
from the catalogue, the numbers behind it, where in the plan) and the engine stamps
code, severity, location, messages and the policy source.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict

from staffing.findings import Loc, Severity
from staffing.messages import CHECK_DOCS

# The headings of every check's docstring, in this order (`sections` reads them).
DOC_HEADINGS = ("## What it checks", "## Why it matters", "## Example", "## Fix")

# Where a check looks: one plan (with its pack), one county file against the plans of its
# towns, or the run as a whole (a pack, an unusable file, a waiver).
Scope = Literal["plan", "county", "run"]

# How a pack may tighten or loosen an option: "max" options are tighter when lower,
# "min" options tighter when higher, "require" options tighter when true, and
# "set" options (lists of required things) tighter when larger, and "allow" options
# (lists of allowed things) tighter when smaller.
Direction = Literal["max", "min", "require", "set", "allow"]


class Options(BaseModel):
    """Base for a check's options.  Every option defaults to None (= not set by any pack),
    and a check that lacks what it needs stays silent."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def direction(options: type[Options], name: str) -> Direction | None:
    extra = options.model_fields[name].json_schema_extra
    if isinstance(extra, dict):
        value = extra.get("direction")
        if value in ("max", "min", "require", "set", "allow"):
            return value  # type: ignore[return-value]
    return None


@dataclass(frozen=True)
class Problem:
    """One thing wrong, before the engine turns it into a Finding.

    key:     catalogue entry (the check's code, or code + "." + variant)
    params:  the numbers and names the message shows
    loc:     path of the offending value in the plan's data
    trail:   (zh, en) labels of the place in business terms, below the town
    option:  the pack option whose `source` this finding cites
    at_key:  point at the key rather than the value (for missing or extra entries)
    """

    key: str
    params: dict[str, Any] = field(default_factory=dict)
    loc: Loc = ()
    trail: tuple[tuple[str, str], ...] = ()
    option: str | None = None
    at_key: bool = False
    severity: Severity | None = None  # only where one check has a milder variant
    cite: str | None = None  # a source from outside the check's options (a pack's own field)
    unknown: bool = False  # "cannot check": what the check needs is unknown or not provided


def cannot_check(what: tuple[str, str], loc: Loc, trail: tuple[tuple[str, str], ...] = (),
                 option: str | None = None, at_key: bool = False) -> Problem:
    """The outcome "cannot check: … unknown" at the field that is unknown; `what` names it
    (zh, en), e.g. ("党政办公室的行政编制", "administrative quota of 党政办公室")."""
    return Problem("unknown", {"what_zh": what[0], "what_en": what[1]}, loc, trail=trail, option=option,
                   at_key=at_key, unknown=True)


def not_provided(section: str, option: str | None = None) -> Problem:
    """The outcome "cannot check: the plan does not provide …" for a section declared not provided."""
    from staffing.messages import label

    zh, en = label(f"section.{section}")
    return Problem("unknown.section", {"section_zh": zh, "section_en": en}, ("not_provided",), trail=((zh, en),),
                   option=option, at_key=True, unknown=True)


class Check:
    """A check as the registry (`staffing.checks`) holds it.

    code:      stable code, never reused (ST + three digits)
    slug:      stable kebab-case name; a pack's `checks:` are keyed by it
    rule:      the number of the rule in DOMAIN.md ("The rules"), 0 for run-level codes
    scope:     "plan", "county" or "run" (see `Scope`)
    severity:  default severity; a pack may change it
    options:   the pack parameters it reads (a pydantic model, every field with a direction)
    messages:  the catalogue keys its findings are written with (besides `title.<code>`)
    """

    code: ClassVar[str]
    slug: ClassVar[str]
    rule: ClassVar[int]
    scope: ClassVar[Scope] = "plan"
    severity: ClassVar[Severity] = Severity.ERROR
    options: ClassVar[type[Options]] = Options
    messages: ClassVar[tuple[str, ...]] = ()
    # what a finding of this check does to the plan's other findings: advisory (ST802: the
    # pack does not cover this plan, so what else it says is shown but does not bind)
    others_advisory: ClassVar[bool] = False

    def run(self, ctx: Any, opts: Any) -> Iterator[Problem]:  # pragma: no cover - abstract
        raise NotImplementedError

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def title(cls) -> str:
        return cls.doc().splitlines()[0] if cls.doc() else cls.slug

    @classmethod
    def sections(cls, lang: str) -> tuple[str, str, str, str]:
        """What it checks, why it matters, an example and the fix, in `lang`: the Chinese
        from the catalogue (`CHECK_DOCS`), the English from the docstring's four headings."""
        if lang == "zh":
            return CHECK_DOCS[cls.code]
        parts: dict[str, list[str]] = {}
        current: list[str] | None = None
        for line in cls.doc().splitlines():
            if line in DOC_HEADINGS:
                current = parts.setdefault(line, [])
            elif current is not None:
                current.append(line)
        what, why, example, fix = ("\n".join(parts.get(h, [])).strip("\n") for h in DOC_HEADINGS)
        return what, why, example, fix
