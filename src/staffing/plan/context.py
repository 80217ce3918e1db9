"""What every check sees: the plan, its org graph, the pack, and the facts derived once
(which bodies count, each body's role)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from staffing.packs.pack import Pack
from staffing.plan.graph import OrgGraph
from staffing.plan.model import Body, Plan
from staffing.plan.names import normalize, strip_town


def resolve_role(pack: Pack, plan: Plan, body: Body) -> str:
    """A body's role: as written, else from its name (either script, town prefix dropped)."""
    return body.role or pack.role_for_name(strip_town(body.name, plan.town.name)) or "other"


@dataclass
class Context:
    plan: Plan
    graph: OrgGraph
    pack: Pack

    def town_trail(self) -> tuple[str, str]:
        return (self.plan.town.name, self.plan.town.name)

    def body_trail(self, i: int) -> tuple[tuple[str, str], ...]:
        name = self.plan.bodies[i].name
        return ((name, name),)

    def role_of_name(self, name: str) -> str | None:
        return self.pack.role_for_name(strip_town(name, self.plan.town.name))

    def role_of(self, i: int) -> str:
        return resolve_role(self.pack, self.plan, self.plan.bodies[i])

    def roles_carried(self, i: int) -> set[str]:
        """The body's role plus any role its extra nameplates name."""
        roles = {self.role_of(i)}
        for plate in self.plan.bodies[i].nameplates:
            role = self.role_of_name(plate)
            if role:
                roles.add(role)
        return roles

    @cached_property
    def plan_quotas(self) -> dict[str, int]:
        """`checks.quotas.plan_quotas(plan)`, worked out once for all the checks (a copy
        would be needed before changing it: none does)."""
        from staffing.checks.quotas import plan_quotas

        return plan_quotas(self.plan)

    @cached_property
    def zone_names(self) -> set[str]:
        zone = self.plan.development_zone
        if zone is None or not zone.shared_leadership:
            return set()
        names = {normalize(zone.name)}
        if zone.body:
            names.add(normalize(zone.body))
        return names

    def is_zone_body(self, body: Body) -> bool:
        """A development-zone body run by the town's own leadership (一套班子、两块牌子)."""
        return bool(self.zone_names) and normalize(body.name) in self.zone_names

    @cached_property
    def counted(self) -> list[int]:
        """The functional bodies that count: directly under the town, not the zone's body."""
        return [i for i in self.graph.bodies_under_town() if not self.is_zone_body(self.plan.bodies[i])]

    @cached_property
    def not_counted(self) -> list[tuple[int, str]]:
        """Bodies listed but not counted, with the reason key."""
        out: list[tuple[int, str]] = []
        top = set(self.graph.bodies_under_town())
        for i, body in enumerate(self.plan.bodies):
            if self.is_zone_body(body):
                out.append((i, "zone"))
            elif i not in top:
                out.append((i, "nested"))
        return out
