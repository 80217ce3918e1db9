"""The registry of checks: code → check, slug → check.  Codes are stable and never reused."""

from __future__ import annotations

from staffing.checks.base import Check
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
    DuplicateName,
    OverEstablishment,
    SubunitExceedsBody,
    TotalsMismatch,
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
from staffing.checks.quotas import StaffingGrows, TransferOutOfRange, TransferUnrecorded
from staffing.checks.units import (
    DispatchedAssessmentNotTownLed,
    DispatchedHeadNotConsulted,
    DispatchedUnitNotLocal,
    OldNameplateKept,
    SupportCentreNotMerged,
)

ALL_CHECKS: tuple[type[Check], ...] = tuple(
    sorted(
        (
            BodyCount, MissingMandatoryBody, OptionalBodiesOutOfRange, NestedBodyWithRank,
            StaffingGrows, TransferUnrecorded, TransferOutOfRange,
            DispatchedUnitNotLocal, DispatchedAssessmentNotTownLed, DispatchedHeadNotConsulted,
            SupportCentreNotMerged, OldNameplateKept,
            LeadersOverQuota, LeaderAboveBodyRank, BodyAboveAuthority, UnapprovedTitle,
            MissingElement, GridTooCoarse, CommandCentreNotStaffed,
            MissingList, PowersNotCatalogued,
            DevelopedTownNotATown, PackNotApplicable, PlanBeforePack,
            TotalsMismatch, SubunitExceedsBody, OverEstablishment, DuplicateName, BrokenHierarchy,
            BaselineBodyUnaccounted,
        ),
        key=lambda c: c.code,
    )
)
REGISTRY: dict[str, type[Check]] = {c.code: c for c in ALL_CHECKS}
REGISTRY_BY_SLUG: dict[str, type[Check]] = {c.slug: c for c in ALL_CHECKS}


def lookup(code_or_slug: str) -> type[Check] | None:
    return REGISTRY.get(code_or_slug.upper()) or REGISTRY_BY_SLUG.get(code_or_slug.lower())


__all__ = ["ALL_CHECKS", "REGISTRY", "REGISTRY_BY_SLUG", "Check", "lookup"]
