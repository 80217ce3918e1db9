"""The one judgement of staffing growth (DOMAIN rules 3 and 4), shared by ST201 and
`staffing diff`: quotas after against quotas before plus the quota legitimately moved in,
per type and in total, with the pack's own rules for what counts.

The pack options it reads belong to three checks (ST201 staffing-grows, ST202
transfer-unrecorded, ST203 transfer-out-of-range); their models are defined here, once,
and those checks take them from here, so that growth never depends on a check module.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from pydantic import BaseModel

from staffing.checks.base import Options, option
from staffing.checks.pack import Pack
from staffing.plan.model import QUOTA_TYPES, Transfer
from staffing.words import Words


class StaffingOptions(Options):
    per_type: bool | None = option("require", Words("按编制类型分别只减不增", "no growth within each quota type"))
    budget_funded: bool | None = option("require", Words("财政供养人员只减不增", "budget-funded people never grow"))
    leadership_posts: bool | None = option("require", Words("领导职数只减不增", "leadership posts never grow"))
    # quota moved down from above may count as growth (a loosening, hence "max": True > False)
    transfers_count_as_growth: bool | None = option("max", Words("依规下划的编制可计入增长", "quota moved down may count as growth"))
    # budget-funded people may grow by the quota legitimately moved down (filled as it comes)
    budget_funded_follows_transfers: bool | None = option(
        "max", Words("财政供养人员可按下划编制补充", "budget-funded people may grow with quota moved down"))


class TransferUnrecordedOptions(Options):
    require_document: bool | None = option("require", Words("划转须有文号", "transfers need a document"))


class TransferRangeOptions(Options):
    min: int | None = option("min", Words("下限", "minimum"), ge=0)
    max: int | None = option("max", Words("上限", "maximum"), ge=0)
    types: list[str] | None = option("allow", Words("允许下划的编制类型", "quota types that may be moved down"))
    # the roles of the bodies quota moved down should go to (Taizhou: enforcement and service)
    to_roles: list[str] | None = option("allow", Words("下划编制应充实的机构", "bodies quota moved down should strengthen"))


@dataclass(frozen=True)
class OptionsOf:
    """A check's slug and options model, as a pack looks them up."""

    slug: str
    options: type[BaseModel]


STAFFING_GROWS = OptionsOf("staffing-grows", StaffingOptions)
TRANSFER_UNRECORDED = OptionsOf("transfer-unrecorded", TransferUnrecordedOptions)
TRANSFER_OUT_OF_RANGE = OptionsOf("transfer-out-of-range", TransferRangeOptions)


@dataclass(frozen=True)
class GrowthRules:
    """What a pack says about quota moved down: whether it counts as growth at all, the
    most that may count in all, the types that may, and whether a transfer lacking only
    its document still counts (because ST202 reports it, once)."""

    transfers_count: bool
    room: int | None
    types: frozenset[str] | None
    undocumented_count: bool

    @classmethod
    def of(cls, pack: Pack | None) -> GrowthRules:
        if pack is None:  # a pack that cannot be found: every recorded transfer counts
            return cls(True, None, None, False)
        memo = pack._memo.get("growth-rules")
        if memo is not None:
            rules: GrowthRules = memo
            return rules
        staffing: Any = pack.options(STAFFING_GROWS)
        unrecorded = pack.setting(TRANSFER_UNRECORDED)
        reported = (unrecorded is not None and unrecorded.enabled
                    and pack.options(TRANSFER_UNRECORDED).require_document is not False)
        in_range = pack.setting(TRANSFER_OUT_OF_RANGE)
        limits: Any = pack.options(TRANSFER_OUT_OF_RANGE) if in_range is not None and in_range.enabled else None
        rules = cls(
            transfers_count=bool(staffing.transfers_count_as_growth),
            room=limits.max if limits is not None and limits.max is not None else None,
            types=frozenset(limits.types) if limits is not None and limits.types else None,
            undocumented_count=reported,
        )
        pack._memo["growth-rules"] = rules
        return rules


@dataclass(frozen=True)
class Growth:
    """Quotas after against before plus the quota that may count as moved in, per type.
    A figure may be unknown (None: written as ~, or its section not provided); what
    depends on it is then unknown too, never a pass or a fail."""

    before: Mapping[str, int | None]
    after: Mapping[str, int | None]
    moved: Mapping[str, int]

    def excess(self, quota_type: str) -> int | None:
        a, b = self.after[quota_type], self.before[quota_type]
        return None if a is None or b is None else a - b - self.moved[quota_type]

    @property
    def unknown_types(self) -> list[str]:
        """The quota types whose growth cannot be judged, in the catalogue's order."""
        return [t for t in QUOTA_TYPES if self.excess(t) is None]

    @property
    def grown_types(self) -> list[str]:
        """The quota types that grew, in the catalogue's order."""
        return [t for t in QUOTA_TYPES if (self.excess(t) or 0) > 0]

    @property
    def total_before(self) -> int:
        """The known figures before, added up."""
        return sum(v for v in self.before.values() if v is not None)

    @property
    def total_after(self) -> int:
        """The known figures after, added up."""
        return sum(v for v in self.after.values() if v is not None)

    @property
    def total_moved(self) -> int:
        return sum(self.moved.values())

    @property
    def total_excess(self) -> int | None:
        """None when any type is unknown."""
        if self.unknown_types:
            return None
        return self.total_after - self.total_before - self.total_moved


def counted_moves(rules: GrowthRules, transfers: Iterable[Transfer]) -> dict[str, int]:
    """Quota moved down into the town that counts as growth, by type: transfers from a
    higher level, only where the pack lets transfers count, of the types it allows and up
    to its maximum in all (in the order the plan lists them; what lies beyond is ST203's);
    recorded ones, and those lacking only their document where ST202 reports that."""
    moved = dict.fromkeys(QUOTA_TYPES, 0)
    if not rules.transfers_count:
        return moved  # a pack without its own source for it allows no growth by transfer
    room = rules.room
    for tr in transfers:
        if not tr.incoming or (rules.types is not None and tr.type not in rules.types):
            continue
        count = tr.count if room is None else min(tr.count, room)
        if room is not None:
            room -= count
        if tr.recorded or rules.undocumented_count:
            moved[tr.type] += count
    return moved


def growth(pack: Pack | None, before: Mapping[str, int | None], after: Mapping[str, int | None],
           transfers: Iterable[Transfer], undocumented_reported: bool = True) -> Growth:
    """The one judgement of growth: ST201 (the plan against its baseline) and `staffing
    diff` (NEW against OLD, with the transfers NEW adds), both with the plan's pack.
    `undocumented_reported=False` where no ST202 finding reports a missing document (diff):
    then a transfer without its document never counts."""
    rules = GrowthRules.of(pack)
    if not undocumented_reported:
        rules = replace(rules, undocumented_count=False)
    return Growth(before, after, counted_moves(rules, transfers))
