"""What a run keeps of a checked plan: the town, the pack it was checked with, the quota it
records as moved in, and the names of the parts its findings point at.

A plan checked in another process (or read from the cache) comes back as this summary,
never as a `Plan`; reporters, waivers, county checks and roll-ups read only this.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from staffing.plan.model import Plan


@dataclass(frozen=True)
class TownSummary:
    name: str
    code: str | None  # None where the plan's source does not give it
    province: str
    city: str
    county: str


@dataclass(frozen=True)
class TransferSummary:
    """One entry of the plan's `transfers`."""

    source: str
    level: str
    type: str
    count: int
    document: str | None


@dataclass(frozen=True)
class PartNames:
    """Names of the parts a finding's path can point at (bodies[i], dispatched_units[i],
    support_institutions[i], the support centre)."""

    bodies: tuple[str, ...] = ()
    dispatched_units: tuple[str, ...] = ()
    support_institutions: tuple[str, ...] = ()
    support_center: str | None = None


@dataclass(frozen=True)
class KeyFigures:
    """The figures a province summary shows of a plan, as the checks count them (worked out
    by `staffing.checks.tally.key_figures`); None where one is unknown."""

    bodies: int | None = None  # bodies counted as 职能机构
    quota: int | None = None  # the town's own quota in all (bodies, service centre, institutions)
    baseline: int | None = None  # quota before the reform
    actual: int | None = None  # people in post in those same holders
    # 空编: the town's own quota not yet filled (its bodies, support centre and institutions);
    # None where a quota or a head-count is unknown.  A county's recruitment plan fills
    # these first (ST954).
    vacant: int | None = None


@dataclass(frozen=True)
class PlanSummary:
    town: TownSummary
    rule_pack: str  # the pack reference the plan was checked with (--rules, else its own)
    transfers: tuple[TransferSummary, ...] = ()
    names: PartNames | None = None  # kept only for a plan with findings (waivers match on them)
    figures: KeyFigures = KeyFigures()

    @classmethod
    def of(cls, plan: Plan, pack_ref: str, keep_names: bool = True, figures: KeyFigures | None = None) -> PlanSummary:
        t = plan.town
        names = None
        if keep_names:
            names = PartNames(
                tuple(b.name for b in plan.bodies),
                tuple(u.name for u in plan.dispatched_units),
                tuple(c.name for c in plan.support_institutions),
                plan.support_center.name if plan.support_center else None,
            )
        return cls(
            TownSummary(t.name, t.code, t.province, t.city, t.county),
            pack_ref,
            tuple(TransferSummary(x.from_, x.level, x.type, x.count, x.document) for x in plan.transfers),
            names,
            figures or KeyFigures(),
        )

    def part_name(self, kind: str, i: int) -> str | None:
        """The name of `kind`[i] ("support_center": the centre), where it is known."""
        if self.names is None:
            return None
        if kind == "support_center":
            return self.names.support_center
        items: tuple[str, ...] = getattr(self.names, kind, ())
        return items[i] if 0 <= i < len(items) else None

    def to_record(self) -> dict[str, Any]:
        """The JSON-able form the batch and the cache store, every value by its field's name."""
        rec: dict[str, Any] = {
            "town": _fields(self.town),
            "transfers": [_fields(x) for x in self.transfers],
            "figures": _fields(self.figures),
        }
        if self.names is not None:
            rec["names"] = {
                "bodies": list(self.names.bodies),
                "dispatched_units": list(self.names.dispatched_units),
                "support_institutions": list(self.names.support_institutions),
                "support_center": self.names.support_center,
            }
        return rec

    @classmethod
    def from_record(cls, rec: dict[str, Any], pack_ref: str) -> PlanSummary:
        names = rec.get("names")
        return cls(
            TownSummary(**rec["town"]),
            pack_ref,
            tuple(TransferSummary(**x) for x in rec.get("transfers") or ()),
            PartNames(
                tuple(names.get("bodies", ())),
                tuple(names.get("dispatched_units", ())),
                tuple(names.get("support_institutions", ())),
                names.get("support_center"),
            ) if names else None,
            KeyFigures(**(rec.get("figures") or {})),
        )


def _fields(flat: Any) -> dict[str, Any]:
    """A dataclass of plain values as a dict, its fields in their order (what `asdict` gives
    it, without `asdict`'s deep copy of every value)."""
    return {name: getattr(flat, name) for name in flat.__dataclass_fields__}
