"""What every check sees of one plan, built once and shared by the checks, the chart and
`staffing diff`: the plan, its org graph, the pack, and the facts derived from them once
(each body's roles and category, which bodies count, the plan's own quotas, growth)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from staffing.checks.growth import Growth
from staffing.checks.growth import growth as judge_growth
from staffing.checks.pack import Pack
from staffing.findings import Loc
from staffing.plan.graph import OrgGraph, build_graph
from staffing.plan.model import QUOTA_TYPES, Body, LeadershipPost, Plan, Quotas
from staffing.plan.names import normalize, strip_town


@dataclass(frozen=True)
class Reading:
    """How the tool read one body, as a reviewer would (shown by `--explain-roles`).

    roles:    the roles, in order (the first is the body's main role)
    how:      "written" (its `role:`), "name" (its name is a role's name or alias),
              "keywords" (recognition rules found them in its name) or "none"
    rules:    the keyword or pattern behind each role read from the name
    category: functional / own_rules / institution / platform
    category_how: "written", "keywords" (with category_rule) or "default"
    """

    roles: tuple[str, ...]
    how: str
    rules: tuple[str, ...]
    category: str
    category_how: str
    category_rule: str | None = None


# What a unit is, however the plan wrote it: a body of the town (its category says which kind:
# a functional body, an organ under its own rules, an institution or a platform written among
# the bodies), a section or squad of a body (内设科室、中队), the service centre (综合服务中心),
# an institution (事业单位), a unit a county department dispatches (派驻机构).
UnitKind = Literal["body", "section", "centre", "institution", "dispatched"]


NO_QUOTAS = Quotas()


@dataclass(frozen=True)
class Unit:
    """One unit of the plan in the normalized reading every check, the chart and the report
    read: every unit, wherever the plan wrote it (`bodies`, a body's `subunits`,
    `support_center`, `institutions` (the service centre among them, marked), `support_institutions`,
    `dispatched_units`), with its kind, the category and roles the checker read, the unit it
    sits under and where it was written (`loc`, the path of its entry in the plan's data)."""

    kind: UnitKind
    name: str
    loc: Loc
    category: str  # a body's category as read; for the others their kind
    roles: tuple[str, ...] = ()
    parent: Loc | None = None  # the unit it sits under (a section's body, a body's parent body); None: the town
    nameplates: tuple[str, ...] = ()
    absorbed: tuple[str, ...] = ()  # institutions merged into it (the centre, an institution)
    merged_from: tuple[str, ...] = ()  # pre-reform bodies merged into it (a body)
    quotas: Quotas = NO_QUOTAS
    actual: int | None = None
    leadership: tuple[LeadershipPost, ...] = ()
    rank: str | None = None
    institution_kind: str | None = None  # support / service / other, where the plan says

    @property
    def written(self) -> str:
        """The section of the plan it was written in (a section's: `subunits`)."""
        return "subunits" if self.kind == "section" else str(self.loc[0])


def explicit_roles(pack: Pack, body: Body) -> list[str] | None:
    """The roles a body's `role:` names (ids or Chinese labels), or None when not written.
    A value the pack does not know is left out here; the engine reports it as an input error."""
    if body.role is None:
        return None
    values = [body.role] if isinstance(body.role, str) else list(body.role)
    out: list[str] = []
    for v in values:
        role = pack.role_value(v)
        if role is not None and role not in out:
            out.append(role)
    return out


def read_body(pack: Pack, plan: Plan, body: Body) -> Reading:
    name = strip_town(body.name, plan.town.name)
    written = explicit_roles(pack, body)
    roles: tuple[str, ...]
    rules: tuple[str, ...]
    category: str
    if written:
        roles = tuple(written)
        how, rules = "written", ()
    elif (exact := pack.role_for_name(name)) is not None:
        roles, how, rules = (exact,), "name", ()
    elif found := [(r, rule) for r, rule in pack.roles_recognised(name) if r != "other"]:
        roles, how, rules = tuple(r for r, _ in found), "keywords", tuple(rule for _, rule in found)
    else:
        roles, how, rules = ("other",), "none", ()
    if body.category is not None:
        category, category_how, category_rule = body.category, "written", None
    elif how == "name" or how == "written":
        # a body a pack names as a role is read as what that role is: a functional body,
        # unless its name says it is set up under its own rules
        cat = pack.category_recognised(name)
        if cat is not None and cat[0] == "own_rules":
            category, category_how, category_rule = cat[0], "keywords", cat[1]
        else:
            category, category_how, category_rule = "functional", "default", None
    elif (cat := pack.category_recognised(name)) is not None:
        category, category_how, category_rule = cat[0], "keywords", cat[1]
    else:
        category, category_how, category_rule = "functional", "default", None
    return Reading(roles, how, rules, category, category_how, category_rule)


def resolve_role(pack: Pack, plan: Plan, body: Body) -> str:
    """A body's main role: as written, else from its name (either script, town prefix dropped)."""
    return read_body(pack, plan, body).roles[0]


@dataclass
class Context:
    plan: Plan
    graph: OrgGraph
    pack: Pack

    @classmethod
    def of(cls, plan: Plan, pack: Pack) -> Context:
        return cls(plan, build_graph(plan), pack)

    def role_of_name(self, name: str) -> str | None:
        """The roles a name is read as (first one), for nameplates and other names."""
        stripped = strip_town(name, self.plan.town.name)
        exact = self.pack.role_for_name(stripped)
        if exact is not None:
            return exact
        found = [r for r, _ in self.pack.roles_recognised(stripped) if r != "other"]
        return found[0] if found else None

    @cached_property
    def readings(self) -> list[Reading]:
        """How every body was read, once for every check."""
        return [read_body(self.pack, self.plan, b) for b in self.plan.bodies]

    def role_of(self, i: int) -> str:
        return self.readings[i].roles[0]

    def roles_of(self, i: int) -> tuple[str, ...]:
        return self.readings[i].roles

    def category_of(self, i: int) -> str:
        return self.readings[i].category

    def roles_carried(self, i: int) -> set[str]:
        """The body's roles plus any role its extra nameplates name (a copy: the caller may
        change it)."""
        return set(self._roles_carried[i])

    @cached_property
    def _roles_carried(self) -> list[frozenset[str]]:
        out: list[frozenset[str]] = []
        for i, body in enumerate(self.plan.bodies):
            roles = set(self.roles_of(i))
            roles.update(r for r in (self.role_of_name(p) for p in body.nameplates) if r)
            out.append(frozenset(roles))
        return out

    @cached_property
    def _body_index(self) -> dict[str, int]:
        town = self.plan.town.name
        index: dict[str, int] = {}
        for i, b in enumerate(self.plan.bodies):
            for name in (b.name, *b.nameplates):
                index.setdefault(normalize(strip_town(name, town)), i)
        return index

    def body_named(self, name: str) -> int | None:
        """The body a name stands for: its name or one of its nameplates, with or without the
        town's name in front, in either script; the first body listed wins a shared name."""
        return self._body_index.get(normalize(strip_town(name, self.plan.town.name)))

    @cached_property
    def units(self) -> tuple[Unit, ...]:
        """Every unit of the plan, however the plan wrote it, in the plan's order: the bodies
        (each followed by its sections), the service centre, the support institutions kept
        outside it, the institutions, the dispatched units."""
        plan = self.plan
        out: list[Unit] = []
        for i, body in enumerate(plan.bodies):
            reading = self.readings[i]
            above = self.graph.parent_of(i)
            out.append(Unit("body", body.name, ("bodies", i), reading.category, reading.roles,
                            ("bodies", above) if isinstance(above, int) else None, tuple(body.nameplates), (),
                            tuple(body.merged_from), body.quotas, body.actual, tuple(body.leadership), body.rank))
            out.extend(Unit("section", sub.name, ("bodies", i, "subunits", j), "section", parent=("bodies", i),
                            quotas=sub.quotas, actual=sub.actual) for j, sub in enumerate(body.subunits))
        if plan.support_center is not None:
            c = plan.support_center
            out.append(Unit("centre", c.name, ("support_center",), "centre", nameplates=tuple(c.nameplates),
                            absorbed=tuple(c.absorbed), quotas=c.quotas, actual=c.actual, leadership=tuple(c.leadership),
                            institution_kind="support"))
        out.extend(Unit("institution", c.name, ("support_institutions", i), "institution", nameplates=tuple(c.nameplates),
                        absorbed=tuple(c.absorbed), quotas=c.quotas, actual=c.actual, leadership=tuple(c.leadership),
                        institution_kind="support") for i, c in enumerate(plan.support_institutions))
        out.extend(Unit("centre" if inst.support_center else "institution", inst.name, ("institutions", i),
                        "centre" if inst.support_center else "institution", nameplates=tuple(inst.nameplates),
                        absorbed=tuple(inst.absorbed), quotas=inst.quotas, actual=inst.actual,
                        leadership=tuple(inst.leadership), institution_kind=inst.kind)
                   for i, inst in enumerate(plan.institutions))
        out.extend(Unit("dispatched", u.name, ("dispatched_units", i), "dispatched", quotas=u.quotas, actual=u.actual)
                   for i, u in enumerate(plan.dispatched_units))
        return tuple(out)

    def trail_of(self, unit: Unit) -> tuple[tuple[str, str], ...]:
        """Where a unit stands in the plan's own terms, below the town: a body, a section of
        its body, the centre, an institution among the institutions, a dispatched unit."""
        from staffing.messages import label

        named = (unit.name, unit.name)
        if unit.kind == "section" and unit.parent is not None:
            owner = self.plan.bodies[int(unit.parent[1])].name
            return ((owner, owner), named)
        if unit.kind == "institution":
            return (label("label.institutions"), named)
        if unit.kind == "dispatched":
            return (label("label.dispatched-units"), named)
        if unit.kind == "centre" and unit.written == "institutions":
            return (label("label.institutions"), named)
        return (named,)

    def units_written(self, *sections: str) -> list[Unit]:
        """The units written in these sections of the plan (`bodies`, `subunits`,
        `support_center`, `institutions`, `support_institutions`, `dispatched_units`)."""
        return [u for u in self.units if u.written in sections]

    @cached_property
    def plan_quotas(self) -> dict[str, int | None]:
        """`Plan.own_quotas()`, worked out once for all the checks (a copy would be needed
        before changing it: none does)."""
        return self.plan.own_quotas()

    @cached_property
    def growth(self) -> Growth | None:
        """Quotas after the reform against the baseline plus the quota moved down that
        counts (ST201); None when the plan declares its baseline not provided."""
        baseline = self.plan.baseline
        if baseline is None:
            return None
        before = {t: baseline.quotas.get(t) for t in QUOTA_TYPES}
        return judge_growth(self.pack, before, self.plan_quotas, self.plan.transfers)

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

    def has_own_rank(self, i: int) -> bool:
        """A body with its own rank or a principal post of its own (a 下设机构, when nested),
        rather than a section (内设科室) of its parent."""
        body = self.plan.bodies[i]
        return body.rank is not None or any(p.level == "principal" for p in body.leadership)

    @cached_property
    def nested_with_rank(self) -> list[int]:
        """Bodies under another body that have their own rank or principal post (下设机构)."""
        top = set(self.graph.bodies_under_town())
        reachable = {self.graph.graph.nodes[n]["index"] for n in self.graph.graph.nodes
                     if self.graph.graph.nodes[n]["kind"] == "body"} - {i for i, _ in self.graph.unknown_parents}
        return [i for i in sorted(reachable - top)
                if self.has_own_rank(i) and not self.is_zone_body(self.plan.bodies[i])]

    @cached_property
    def counted(self) -> list[int]:
        """The bodies that count toward the limit: directly under the town (or nested with a
        rank of their own, where the pack counts those), of a category the pack counts, not
        the development zone's body."""
        categories = self.pack.counted_categories()
        candidates = set(self.graph.bodies_under_town())
        if self.pack.count_nested_with_rank():
            candidates |= set(self.nested_with_rank)
        return [i for i in sorted(candidates)
                if not self.is_zone_body(self.plan.bodies[i]) and self.category_of(i) in categories]

    @cached_property
    def not_counted(self) -> list[tuple[int, str]]:
        """Bodies listed but not counted, with the reason key (zone, nested, or the category)."""
        out: list[tuple[int, str]] = []
        counted = set(self.counted)
        top = set(self.graph.bodies_under_town())
        for i, body in enumerate(self.plan.bodies):
            if i in counted:
                continue
            if self.is_zone_body(body):
                out.append((i, "zone"))
            elif i not in top and not (self.pack.count_nested_with_rank() and i in self.nested_with_rank):
                out.append((i, "nested"))
            else:
                out.append((i, self.category_of(i)))
        return out
