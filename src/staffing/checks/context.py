"""What every check sees of one plan, built once and shared by the checks, the chart and
`staffing diff`: the plan, its org graph, the pack, and the facts derived from them once
(each body's roles and category, which bodies count, the plan's own quotas, growth)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from staffing.checks.growth import Growth
from staffing.checks.growth import growth as judge_growth
from staffing.checks.pack import Pack
from staffing.plan.graph import OrgGraph, build_graph
from staffing.plan.model import QUOTA_TYPES, Body, Plan
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
