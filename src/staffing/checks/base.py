"""What a check is: a code, a slug, a default severity, typed options, a generator of
problems and a docstring under fixed headings that `staffing explain CODE` prints.

A check never formats text or knows about files: it yields `Problem`s (the key of one of
its messages, the numbers behind it, where in the plan) and the engine stamps code,
severity, location, messages and the policy source.  Its words (title, messages, option
labels, Chinese documentation) are declared on it and join the one catalogue when it
registers.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from staffing.findings import Loc, Severity
from staffing.plan.model import DEFER_BUILD
from staffing.words import Words

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


class Doc(NamedTuple):
    """What `staffing explain CODE` prints in Chinese, under the four headings (the English
    is the check's docstring).  Lines indented by four spaces are YAML as a user types it;
    text in `backticks` is a key or value to type."""

    what: str  # 检查内容
    why: str  # 政策依据与理由
    example: str  # 示例
    fix: str  # 改正方法


class Options(BaseModel):
    """Base for a check's options.  Every option defaults to None (= not set by any pack),
    and a check that lacks what it needs stays silent."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=DEFER_BUILD)  # see plan.model


def option(direction: Direction, label: Words, default: Any = None, **constraints: Any) -> Any:
    """A pack parameter of a check (a field of its `Options`): its default (None: not set by
    any pack), how a child pack may tighten it (`direction`) and its label in both languages."""
    extra: dict[str, Any] = {"direction": direction, "label": label}
    return Field(default, json_schema_extra=extra, **constraints)


def direction(options: type[Options], name: str) -> Direction | None:
    extra = options.model_fields[name].json_schema_extra
    if isinstance(extra, dict):
        value = extra.get("direction")
        if value in ("max", "min", "require", "set", "allow"):
            return value  # type: ignore[return-value]
    return None


def option_label(options: type[Options], name: str) -> Words | None:
    """An option's label in both languages (`json_schema_extra={"label": Words(…)}`)."""
    extra = options.model_fields[name].json_schema_extra
    label = extra.get("label") if isinstance(extra, dict) else None
    return label if isinstance(label, Words) else None


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
    return Problem("unknown", {"what": Words(what[0], what[1])}, loc, trail=trail, option=option,
                   at_key=at_key, unknown=True)


def not_provided(section: str, option: str | None = None) -> Problem:
    """The outcome "cannot check: the plan does not provide …" for a section declared not provided."""
    from staffing.messages import label

    zh, en = label(f"section.{section}")
    return Problem("unknown.section", {"section": Words(zh, en)}, ("not_provided",), trail=((zh, en),),
                   option=option, at_key=True, unknown=True)


class Check:
    """A check as the registry (`staffing.checks`) holds it: everything about it in one place.

    code:      stable code, never reused (ST + three digits)
    slug:      stable kebab-case name; a pack's `checks:` are keyed by it
    rule:      the number of the rule in DOMAIN.md ("The rules"), 0 for run-level codes
    scope:     "plan", "county" or "run" (see `Scope`)
    severity:  default severity; a pack may change it
    options:   the pack parameters it reads (a pydantic model, every field with its direction
               and its label: `json_schema_extra={"direction": "max", "label": Words(…)}`)
    title:     its name, in Chinese and English
    messages:  its findings' messages by key (its code, or code + "." + variant), each
               `Words(zh, en)` with the same {fields}; merged into the catalogue when it registers
    doc_zh:    what `staffing explain CODE` prints in Chinese; the English is the docstring
    run:       `run(ctx, opts)` yields its problems (a plan's `Context`, a county's
               `CountyContext`; run-level codes are made by the step that finds them)
    """

    code: ClassVar[str]
    slug: ClassVar[str]
    rule: ClassVar[int]
    scope: ClassVar[Scope] = "plan"
    severity: ClassVar[Severity] = Severity.ERROR
    options: ClassVar[type[Options]] = Options
    title: ClassVar[Words]
    messages: ClassVar[dict[str, Words]] = {}
    doc_zh: ClassVar[Doc]
    # what a finding of this check does to the plan's other findings: advisory (ST802: the
    # pack does not cover this plan, so what else it says is shown but does not bind)
    others_advisory: ClassVar[bool] = False

    def run(self, ctx: Any, opts: Any) -> Iterator[Problem]:  # pragma: no cover - abstract
        raise NotImplementedError

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def option_label(cls, name: str) -> Words:
        """How messages and `staffing explain` name one of its options."""
        label = option_label(cls.options, name)
        return label if label is not None else Words.same(name)

    @classmethod
    def sections(cls, lang: str) -> tuple[str, str, str, str]:
        """What it checks, why it matters, an example and the fix, in `lang`: the Chinese
        beside the check (`doc_zh`), the English from the docstring's four headings."""
        if lang == "zh":
            return cls.doc_zh
        parts: dict[str, list[str]] = {}
        current: list[str] | None = None
        for line in cls.doc().splitlines():
            if line in DOC_HEADINGS:
                current = parts.setdefault(line, [])
            elif current is not None:
                current.append(line)
        what, why, example, fix = ("\n".join(parts.get(h, [])).strip("\n") for h in DOC_HEADINGS)
        return what, why, example, fix
