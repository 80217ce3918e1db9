"""What every check sees of one plan, built once and shared by the checks, the chart and
`staffing diff`: the plan, its org graph, the pack, and the facts derived from them once
(each body's roles and category, which bodies count, the plan's own quotas, growth)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, partial
from typing import Literal

from staffing.checks.growth import Growth
from staffing.checks.growth import growth as judge_growth
from staffing.checks.pack import Pack
from staffing.findings import Loc
from staffing.plan.graph import OrgGraph, build_graph
from staffing.plan.model import QUOTA_TYPES, Body, LeadershipPost, Plan, Quotas
from staffing.plan.names import normalize, split_second_name, strip_town


@dataclass(frozen=True)
class Reading:
    """How the tool read one body, as a reviewer would (shown by `--explain-roles`).

    roles:    the roles, in order (the first is the body's main role)
    how:      "written" (its `role:`), "name" (its name is a role's name or alias),
              "keywords" (recognition rules found them in its name) or "none"
    rules:    the keyword or pattern behind each role read from the name
    category: functional / own_rules / institution / platform
    category_how: "written" (its `category:`), "role" (what its role is: the command centre a
              platform, any other role a functional body), "keywords" (with category_rule)
              or "default"
    second_name: the name in brackets after its name (党政办公室（人大办公室）): a nameplate
              it carries, never what it is read as
    """

    roles: tuple[str, ...]
    how: str
    rules: tuple[str, ...]
    category: str
    category_how: str
    category_rule: str | None = None
    second_name: str | None = None


# What a unit is, however the plan wrote it: a body of the town (its category says which kind:
# a functional body, an organ under its own rules, an institution or a platform written among
# the bodies), a section or squad of a body (内设科室、中队), the service centre (综合服务中心),
# an institution (事业单位), a unit a county department dispatches (派驻机构).
UnitKind = Literal["body", "section", "centre", "institution", "dispatched"]


NO_QUOTAS = Quotas()


@dataclass(slots=True)
class Unit:
    """One unit of the plan in the normalized reading every check, the chart and the report
    read: every unit, wherever the plan wrote it (`bodies`, a body's `subunits`,
    `support_center`, `institutions` (the service centre among them, marked), `support_institutions`,
    `dispatched_units`), with its kind, the category and roles the checker read, the unit it
    sits under and where it was written (`loc`, the path of its entry in the plan's data).

    Read only, like the plan it comes from: nothing changes a unit once `Context.units` has
    made it.  Not declared frozen, because a frozen dataclass sets each of its sixteen fields
    through `object.__setattr__` and a plan has some twenty units: building them cost a
    frozen class five times what it costs this one, and was the largest part of the units'
    cost to every plan checked."""

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
    second_name: str | None = None  # the name in brackets after its name: a nameplate it carries

    @property
    def names_carried(self) -> tuple[str, ...]:
        """Its extra nameplates and the second name in brackets after its name, once."""
        if self.second_name is None or normalize(self.second_name) in {normalize(p) for p in self.nameplates}:
            return self.nameplates
        return (*self.nameplates, self.second_name)

    @property
    def is_institution(self) -> bool:
        """A public institution (事业单位), wherever the plan wrote it: the centre, an institution,
        a support institution kept outside the centre, or a body read as one (its `category:`
        or its name)."""
        return self.kind in ("institution", "centre") or (self.kind == "body" and self.category == "institution")

    @property
    def written(self) -> str:
        """The section of the plan it was written in (a section's: `subunits`)."""
        return "subunits" if self.kind == "section" else str(self.loc[0])


def explicit_roles(pack: Pack, role: str | tuple[str, ...] | None) -> list[str] | None:
    """The roles a body's `role:` names (ids or Chinese labels), or None when not written.
    A value the pack does not know is left out here; the engine reports it as an input error."""
    if role is None:
        return None
    values = [role] if isinstance(role, str) else list(role)
    out: list[str] = []
    for v in values:
        found = pack.role_value(v)
        if found is not None and found not in out:
            out.append(found)
    return out


# the role that is a platform whatever the body is called (综合指挥调度中心, 指挥调度中心): the
# centre of "指挥调度一中心" (004), a platform of the town rather than a 职能机构 of its own
PLATFORM_ROLES = frozenset({"command_center"})


def category_of_roles(roles: tuple[str, ...]) -> str:
    """What a body is, read from its roles: a platform when it is only the command centre,
    else a functional body."""
    return "platform" if roles and set(roles) <= PLATFORM_ROLES else "functional"


def read_body(pack: Pack, plan: Plan, body: Body) -> Reading:
    """How a reviewer reads one body.  What the plan writes always wins: its `role:` over any
    word in its name, its `category:` over any reading.  A name with a second name in
    brackets (党政办公室（人大办公室）) is read by its first name; the second is a nameplate.
    A reading rests only on the name (the town's dropped), the second name, the role and the
    category as written: read once per pack, the same body name in every plan after the first
    costs one look-up."""
    first, second = split_second_name(body.name)
    role = body.role if body.role is None or isinstance(body.role, str) else tuple(body.role)
    return pack.remember("reading", (strip_town(first, plan.town.name), second, role, body.category),
                         partial(_read_name, pack))


def _read_name(pack: Pack, asked: tuple[str, str | None, str | tuple[str, ...] | None, str | None]) -> Reading:
    """`read_body` of a body by its name (first name, town dropped), second name, written role
    and written category."""
    name, second, role, written_category = asked
    written = explicit_roles(pack, role)
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
    cat = pack.category_recognised(name) if how != "written" and written_category is None else None
    if written_category is not None:
        category, category_how, category_rule = written_category, "written", None
    elif how == "written":
        # a role written in the plan says what the body is: a word in its name cannot make the
        # 党政办公室（人大办公室） it names an organ under its own rules
        category, category_how, category_rule = category_of_roles(roles), "role", None
    elif how == "name" and not (cat is not None and cat[0] == "own_rules"):
        # a body a pack names as a role is what that role is, unless its name says it is set
        # up under its own rules
        category, category_how, category_rule = category_of_roles(roles), "role" if roles[0] in PLATFORM_ROLES else "default", None
    elif cat is not None:
        category, category_how, category_rule = cat[0], "keywords", cat[1]
    elif category_of_roles(roles) == "platform":
        category, category_how, category_rule = "platform", "role", None
    else:
        category, category_how, category_rule = "functional", "default", None
    return Reading(roles, how, rules, category, category_how, category_rule, second)


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
        found = self.pack.roles_read(strip_town(name, self.plan.town.name))
        return found[0] if found else None

    def roles_named(self, name: str) -> tuple[str, ...]:
        """Every role a unit's name is read as, as a body's name is read (its first name, the
        town's name dropped): the role it names, else each role the pack recognises in it."""
        return self.pack.roles_read(strip_town(split_second_name(name)[0], self.plan.town.name))

    def roles_of_unit(self, unit: Unit) -> tuple[str, ...]:
        """The roles a unit is read as, wherever the plan wrote it: a body's as read (its
        written role or its name), any other unit's from its name."""
        return unit.roles if unit.kind == "body" else self.roles_named(unit.name)

    @cached_property
    def unit_roles(self) -> tuple[tuple[str, ...], ...]:
        """`roles_of_unit` of every unit, in the order of `units`: read once for the checks
        that ask it of every unit for each of several roles."""
        return tuple(self.roles_of_unit(u) for u in self.units)

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

    def nameplates_of(self, i: int) -> tuple[str, ...]:
        """The names body `i` carries besides its own: its extra nameplates, and the second
        name its name gives in brackets (党政办公室（人大办公室）)."""
        body = self.plan.bodies[i]
        second = self.readings[i].second_name
        if second is None or normalize(second) in {normalize(p) for p in body.nameplates}:
            return tuple(body.nameplates)
        return (*body.nameplates, second)

    def roles_carried(self, i: int) -> set[str]:
        """The body's roles plus any role its extra nameplates name (a copy: the caller may
        change it)."""
        return set(self._roles_carried[i])

    @cached_property
    def _roles_carried(self) -> list[frozenset[str]]:
        out: list[frozenset[str]] = []
        for i in range(len(self.plan.bodies)):
            roles = set(self.roles_of(i))
            roles.update(r for r in (self.role_of_name(p) for p in self.nameplates_of(i)) if r)
            out.append(frozenset(roles))
        return out

    @cached_property
    def _body_index(self) -> dict[str, int]:
        town = self.plan.town.name
        index: dict[str, int] = {}
        for i, b in enumerate(self.plan.bodies):
            for name in (b.name, split_second_name(b.name)[0], *self.nameplates_of(i)):
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
        readings = self.readings
        for i, body in enumerate(plan.bodies):
            reading = readings[i]
            above = self.graph.parent_index(i)
            institution = reading.category == "institution"
            out.append(Unit("body", body.name, ("bodies", i), reading.category, reading.roles,
                            ("bodies", above) if above is not None else None, tuple(body.nameplates),
                            # an institution written among the bodies: what it merged, it absorbed
                            tuple(body.merged_from) if institution else (),
                            tuple(body.merged_from), body.quotas, body.actual, tuple(body.leadership), body.rank,
                            # a body read as an institution is one of the town's institutions, which
                            # support the town unless the plan says otherwise (as for `institutions`)
                            institution_kind="support" if institution else None,
                            second_name=reading.second_name))
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

    def is_centre(self, unit: Unit) -> bool:
        """The town's support centre (综合服务中心): the plan's `support_center`, the institution it
        marks as the centre, or an institution (written among the bodies or the institutions,
        unmarked) that the pack recognises by its name as the centre."""
        if unit.kind == "centre":
            return True
        if not unit.is_institution or unit.written == "support_institutions":
            return False
        name = strip_town(split_second_name(unit.name)[0], self.plan.town.name)
        return self.pack.recognised("support_centre", name) is not None

    @cached_property
    def centres(self) -> list[Unit]:
        """Every unit read as the support centre, in the plan's order (one is the rule)."""
        return [u for u in self.units if self.is_centre(u)]

    @cached_property
    def institutions(self) -> list[Unit]:
        """Every institution of the town other than the centre, wherever the plan wrote it (among
        its bodies, its institutions, the support institutions kept outside the centre)."""
        return [u for u in self.units if u.is_institution and not self.is_centre(u)]

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
        return judge_growth(self.pack, before, self.quotas_after, self.plan.transfers)

    @cached_property
    def quotas_after(self) -> dict[str, int | None]:
        """The town's quotas after the reform, by type, as 只减不增 judges them (003): its parts
        added up, or, where a part is unknown (or a section holding quotas is not provided), the
        total the plan itself states for that type (a type its totals leave out is stated as
        none, as everywhere in a plan); unknown only where neither is known."""
        out = dict(self.plan_quotas)
        totals = self.plan.totals
        if totals is not None:
            for t in QUOTA_TYPES:
                if out[t] is None:
                    out[t] = totals.quotas.get(t)
        return out

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
        """A body with a 科级 rank (the pack's `body_rank_from` and up) or a principal post of its
        own: a body in its own right (a 下设机构, when nested; a body in disguise, when a
        platform), rather than a section (内设科室, 股室) of its parent.  A 股级 unit is a section."""
        body = self.plan.bodies[i]
        return self.pack.ranks_a_body(body.rank) or any(p.level == "principal" for p in body.leadership)

    @cached_property
    def nested_with_rank(self) -> list[int]:
        """Bodies under another body that have their own 科级 rank or principal post (下设机构):
        never an organ under its own rules (纪检监察, 人大) or an institution, which are not
        functional bodies wherever they sit, nor a body whose parents form a cycle or lead
        nowhere (that is the hierarchy's one finding)."""
        graph = self.graph.graph
        top = set(self.graph.bodies_under_town())
        reachable = {graph.nodes[n]["index"] for n in self.graph.reachable if graph.nodes[n]["kind"] == "body"}
        return [i for i in sorted(reachable - top)
                if self.has_own_rank(i) and not self.is_zone_body(self.plan.bodies[i])
                and self.category_of(i) not in ("own_rules", "institution")]

    def platform_counted(self, i: int) -> bool:
        """A platform (the command centre) with its own 科级 rank or head: a body in disguise,
        counted as a functional body whatever the pack's categories say."""
        return self.category_of(i) == "platform" and self.has_own_rank(i)

    @cached_property
    def counted(self) -> list[int]:
        """The bodies that count toward the limit: directly under the town (or nested with a
        rank of their own, where the pack counts those), of a category the pack counts (a
        platform with its own rank or head is counted as the body it is), not the development
        zone's body."""
        categories = self.pack.counted_categories()
        candidates = set(self.graph.bodies_under_town())
        if self.pack.count_nested_with_rank():
            candidates |= set(self.nested_with_rank)
        return [i for i in sorted(candidates)
                if not self.is_zone_body(self.plan.bodies[i])
                and (self.category_of(i) in categories or self.platform_counted(i))]

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
