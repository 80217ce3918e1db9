"""The one registry of checks: every code the tool reports, whether it looks at one plan,
at a county file against its towns, or at the run (a pack, an unusable file, a waiver).

`staffing rules`, `staffing explain`, the engine, the pack loader, waivers, SARIF and
JUnit all read `CHECKS` (or `lookup`).  Each check is validated when it is registered,
so a typo in a message key, an option or a docstring heading fails every test rather
than a user's run.  Codes are stable and never reused.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from staffing.checks.applicability import DevelopedTownNotATown, PackNotApplicable, PlanBeforePack
from staffing.checks.base import DOC_HEADINGS, Check, Doc, Options, Scope, direction, option_label
from staffing.checks.bodies import (
    BodyCount,
    MissingMandatoryBody,
    NestedBodyWithRank,
    OptionalBodiesOutOfRange,
)
from staffing.checks.cadres import BodyAboveAuthority, LeaderAboveBodyRank, LeadersOverQuota, UnapprovedTitle
from staffing.checks.consistency import (
    BaselineBodyUnaccounted,
    BrokenHierarchy,
    CrossHoldingUnknownPost,
    DuplicateName,
    OverEstablishment,
    SectionPeopleExceedBody,
    SubunitExceedsBody,
    TotalsMismatch,
)
from staffing.checks.county import (
    CountyTotalNotReduced,
    CountyTownWithoutTransfer,
    CountyTransferMismatch,
    CountyVacanciesNotFirst,
)
from staffing.checks.dispatched import (
    DispatchedAssessmentNotTownLed,
    DispatchedHeadNotConsulted,
    DispatchedUnitNotLocal,
)
from staffing.checks.elements import (
    CommandCentreDomainsMissing,
    CommandCentreNotStaffed,
    GridTooCoarse,
    GridWorkersTooFew,
    MissingElement,
    WorkOutsideItsBureau,
)
from staffing.checks.lists import MissingList, PowersNotCatalogued
from staffing.checks.quotas import StaffingGrows, TransferOutOfRange, TransferUnrecorded
from staffing.checks.runlevel import FormulaValueUsed, PackLoosensParent, UnusableInput, WaiverUnused
from staffing.checks.support import OldNameplateKept, SupportCentreNotMerged
from staffing.findings import Severity
from staffing.messages import CATALOGUE
from staffing.words import Words

SCOPES: tuple[Scope, ...] = ("plan", "county", "run")
_CODE = re.compile(r"^ST[0-9]{3}$")
_SLUG = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


class RegistryError(Exception):
    """A check that cannot be registered as written (a bug of ours, caught by the tests)."""


def validate(check: type[Check]) -> None:
    """Everything a check declares must hold together; raises RegistryError."""
    name = check.__name__

    def fail(why: str) -> None:
        raise RegistryError(f"{name}: {why}")

    for attr in ("code", "slug", "rule"):
        if not hasattr(check, attr):
            fail(f"no {attr}")
    if not _CODE.match(check.code):
        fail(f"code {check.code!r} is not ST + three digits")
    if not _SLUG.match(check.slug):
        fail(f"slug {check.slug!r} is not kebab-case")
    if check.scope not in SCOPES:
        fail(f"scope {check.scope!r} is not one of {SCOPES}")
    if not isinstance(check.rule, int) or check.rule < 0:
        fail("rule must be a whole number (0 for run-level codes)")
    if not isinstance(check.severity, Severity):
        fail(f"severity {check.severity!r} is not a Severity")
    _validate_words(check, fail)
    doc = check.doc()
    if not doc:
        fail("no docstring (staffing explain prints it)")
    for heading in DOC_HEADINGS:
        if heading not in doc:
            fail(f"docstring lacks the heading {heading!r}")
    if not (isinstance(check.options, type) and issubclass(check.options, Options)):
        fail("options is not an Options model")
    for option in check.options.model_fields:
        if option_label(check.options, option) is None:
            fail(f"option {option!r} has no label (json_schema_extra={{'label': Words(zh, en)}})")
        if direction(check.options, option) is None:
            fail(f"option {option!r} has no direction (max, min, require, set or allow)")
    if check.options.model_fields and check.scope == "run":
        fail("only plan and county checks read pack options (a county check, its towns' packs)")
    if check.scope == "plan" and check.run is Check.run:
        fail("a plan check must define run(ctx, opts)")


_FIELD = re.compile(r"\{(\w+)[^{}]*\}")


def fields(template: str) -> set[str]:
    """The {fields} a message template fills."""
    return set(_FIELD.findall(template))


def _validate_words(check: type[Check], fail: Callable[[str], None]) -> None:
    """Its title, messages and Chinese documentation: present, in both languages, each
    message under a key of its own code (a run-level code may write its messages under the
    key of the step that makes them) with the same {fields} in both languages."""
    title = getattr(check, "title", None)
    if not (isinstance(title, Words) and title.zh.strip() and title.en.strip()):
        fail("no title = Words(zh, en)")
    if not isinstance(check.messages, dict) or not all(isinstance(w, Words) for w in check.messages.values()):
        fail("messages is not a dict of key → Words(zh, en)")
    if check.scope != "run" and not check.messages:
        fail("declares no messages")
    for key, words in check.messages.items():
        if check.scope != "run" and key != check.code and not key.startswith(check.code + "."):
            fail(f"message key {key!r} is not its code or its code + '.' + a variant")
        if not words.zh.strip() or not words.en.strip():
            fail(f"message {key!r} is empty in one language")
        if fields(words.zh) != fields(words.en):
            fail(f"message {key!r} fills {sorted(fields(words.zh))} in Chinese but {sorted(fields(words.en))} in English")
        if key in CATALOGUE and tuple(CATALOGUE[key]) != tuple(words):
            fail(f"message key {key!r} is another text's already")
    doc = getattr(check, "doc_zh", None)
    if not (isinstance(doc, Doc) and all(part.strip() for part in doc)):
        fail("no Chinese documentation doc_zh = Doc(what, why, example, fix)")


def register(*checks: type[Check]) -> tuple[type[Check], ...]:
    """Validate the checks, and that codes and slugs are unique; their words join the one
    catalogue (`title.<code>` and each message by its key); sorted by code."""
    codes: dict[str, type[Check]] = {}
    slugs: dict[str, type[Check]] = {}
    for check in checks:
        validate(check)
        for seen, key in ((codes, check.code), (slugs, check.slug)):
            if key in seen:
                raise RegistryError(f"{check.__name__}: {key} is taken by {seen[key].__name__}")
            seen[key] = check
    for check in checks:
        CATALOGUE[f"title.{check.code}"] = check.title
        CATALOGUE.update(check.messages)
    return tuple(sorted(checks, key=lambda c: c.code))


CHECKS: tuple[type[Check], ...] = register(
    # per plan
    BodyCount, MissingMandatoryBody, OptionalBodiesOutOfRange, NestedBodyWithRank,
    StaffingGrows, TransferUnrecorded, TransferOutOfRange,
    DispatchedUnitNotLocal, DispatchedAssessmentNotTownLed, DispatchedHeadNotConsulted,
    SupportCentreNotMerged, OldNameplateKept,
    LeadersOverQuota, LeaderAboveBodyRank, BodyAboveAuthority, UnapprovedTitle,
    MissingElement, GridTooCoarse, CommandCentreNotStaffed, GridWorkersTooFew, WorkOutsideItsBureau,
    CommandCentreDomainsMissing,
    MissingList, PowersNotCatalogued,
    DevelopedTownNotATown, PackNotApplicable, PlanBeforePack,
    TotalsMismatch, SubunitExceedsBody, OverEstablishment, DuplicateName, BrokenHierarchy,
    BaselineBodyUnaccounted, CrossHoldingUnknownPost, SectionPeopleExceedBody,
    # per county file
    CountyTransferMismatch, CountyTotalNotReduced, CountyTownWithoutTransfer, CountyVacanciesNotFirst,
    # per run
    PackLoosensParent, UnusableInput, WaiverUnused, FormulaValueUsed,
)
BY_CODE: dict[str, type[Check]] = {c.code: c for c in CHECKS}
BY_SLUG: dict[str, type[Check]] = {c.slug: c for c in CHECKS}


def of_scope(scope: Scope) -> tuple[type[Check], ...]:
    return tuple(c for c in CHECKS if c.scope == scope)


PLAN_CHECKS = of_scope("plan")
COUNTY_CHECKS = of_scope("county")
RUN_CHECKS = of_scope("run")


def lookup(code_or_slug: str, scope: Scope | None = None) -> type[Check] | None:
    """A check by code (any case) or slug, optionally only of one scope."""
    check = BY_CODE.get(code_or_slug.strip().upper()) or BY_SLUG.get(code_or_slug.strip().lower())
    if check is None or (scope is not None and check.scope != scope):
        return None
    return check


def option_words(check: type[Check] | None, name: str) -> Words:
    """How a setting of a check in a pack is named: one of its options (its label), or the
    switches every check has (enabled, severity); the name itself where none fits."""
    if name in ("enabled", "severity"):
        return Words(*CATALOGUE[f"option.{name}"])
    if check is not None and name in check.options.model_fields:
        return check.option_label(name)
    return Words.same(name)


# the run-level codes the engine, the waiver step and the reporters write
PACK_LOOSENS_PARENT = PackLoosensParent
UNUSABLE_INPUT = UnusableInput
WAIVER_UNUSED = WaiverUnused
FORMULA_VALUE_USED = FormulaValueUsed

__all__ = [
    "CHECKS", "COUNTY_CHECKS", "PLAN_CHECKS", "RUN_CHECKS", "Check", "RegistryError",
    "lookup", "of_scope", "register", "validate",
]
