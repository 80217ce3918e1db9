"""The one registry of checks: every code the tool reports, whether it looks at one plan,
at a county file against its towns, or at the run (a pack, an unusable file, a waiver).

`staffing rules`, `staffing explain`, the engine, the pack loader, waivers, SARIF and
JUnit all read `CHECKS` (or `lookup`).  Each check is validated when it is registered,
so a typo in a message key, an option or a docstring heading fails every test rather
than a user's run.  Codes are stable and never reused.
"""

from __future__ import annotations

import re

from staffing.checks.base import DOC_HEADINGS, Check, Options, Scope, direction
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
    SubunitExceedsBody,
    TotalsMismatch,
)
from staffing.checks.county import (
    CountyTotalNotReduced,
    CountyTownWithoutTransfer,
    CountyTransferMismatch,
    CountyVacanciesNotFirst,
)
from staffing.checks.elements import (
    CommandCentreNotStaffed,
    DevelopedTownNotATown,
    GridTooCoarse,
    MissingElement,
    MissingList,
    PackNotApplicable,
    PlanBeforePack,
    PowersNotCatalogued,
)
from staffing.checks.frontline import CommandCentreDomainsMissing, WorkOutsideItsBureau
from staffing.checks.grid_workers import GridWorkersTooFew
from staffing.checks.quotas import StaffingGrows, TransferOutOfRange, TransferUnrecorded
from staffing.checks.runlevel import FormulaValueUsed, PackLoosensParent, UnusableInput, WaiverUnused
from staffing.checks.units import (
    DispatchedAssessmentNotTownLed,
    DispatchedHeadNotConsulted,
    DispatchedUnitNotLocal,
    OldNameplateKept,
    SupportCentreNotMerged,
)
from staffing.findings import Severity
from staffing.messages import CATALOGUE, CHECK_DOCS

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
    if f"title.{check.code}" not in CATALOGUE:
        fail(f"no catalogue entry title.{check.code}")
    for key in check.messages:
        if key not in CATALOGUE:
            fail(f"message key {key!r} is not in the catalogue")
    if check.scope != "run":
        own = {k for k in CATALOGUE if k == check.code or k.startswith(check.code + ".")}
        if not check.messages:
            fail("declares no message keys")
        if own - set(check.messages):
            fail(f"catalogue entries {sorted(own - set(check.messages))} are not in its messages")
    doc = check.doc()
    if not doc:
        fail("no docstring (staffing explain prints it)")
    for heading in DOC_HEADINGS:
        if heading not in doc:
            fail(f"docstring lacks the heading {heading!r}")
    zh_doc = CHECK_DOCS.get(check.code)
    if zh_doc is None or len(zh_doc) != 4 or not all(part.strip() for part in zh_doc):
        fail(f"no Chinese documentation CHECK_DOCS[{check.code!r}] (what, why, example, fix)")
    if not (isinstance(check.options, type) and issubclass(check.options, Options)):
        fail("options is not an Options model")
    for option in check.options.model_fields:
        if f"option.{option}" not in CATALOGUE:
            fail(f"option {option!r} has no catalogue label option.{option}")
        if direction(check.options, option) is None:
            fail(f"option {option!r} has no direction (max, min, require, set or allow)")
    if check.options.model_fields and check.scope == "run":
        fail("only plan and county checks read pack options (a county check, its towns' packs)")
    if check.scope == "plan" and check.run is Check.run:
        fail("a plan check must define run(ctx, opts)")


def register(*checks: type[Check]) -> tuple[type[Check], ...]:
    """Validate the checks, and that codes and slugs are unique; sorted by code."""
    codes: dict[str, type[Check]] = {}
    slugs: dict[str, type[Check]] = {}
    for check in checks:
        validate(check)
        for seen, key in ((codes, check.code), (slugs, check.slug)):
            if key in seen:
                raise RegistryError(f"{check.__name__}: {key} is taken by {seen[key].__name__}")
            seen[key] = check
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
    BaselineBodyUnaccounted, CrossHoldingUnknownPost,
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


# the run-level codes the engine, the waiver step and the reporters write
PACK_LOOSENS_PARENT = PackLoosensParent
UNUSABLE_INPUT = UnusableInput
WAIVER_UNUSED = WaiverUnused
FORMULA_VALUE_USED = FormulaValueUsed

__all__ = [
    "CHECKS", "COUNTY_CHECKS", "PLAN_CHECKS", "RUN_CHECKS", "Check", "RegistryError",
    "lookup", "of_scope", "register", "validate",
]
