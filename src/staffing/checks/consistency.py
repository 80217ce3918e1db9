"""DOMAIN rule 12: the plan agrees with itself."""

from __future__ import annotations

from collections.abc import Iterator

from staffing.checks.base import Check, Options, Problem, cannot_check
from staffing.checks.context import Context
from staffing.findings import Loc, Severity
from staffing.messages import label, render
from staffing.plan.model import QUOTA_LABELS, QUOTA_TYPES, Quotas
from staffing.plan.names import normalize, normalize_many


class TotalsMismatch(Check):
    """The stated totals do not equal the sum of the parts.

    ## What it checks
    Where the plan states `totals`, each quota type equals the sum over its bodies,
    the support centre and any support institution; `totals.leadership_posts` equals
    the approved posts added up; `totals.budget_funded` equals `budget_funded`.

    ## Why it matters
    The first thing a reviewer adds up: a plan whose table does not add up cannot be
    approved, whatever its limits.

    ## Example
    Bad:  totals: {quotas: {administrative: 45}} while the bodies add up to 43.
    Good: totals: {quotas: {administrative: 43}}

    ## Fix
    Correct the total or the body whose figure is wrong.
    """

    code = "ST901"
    messages = ("ST901", "ST901.less", "ST901.posts", "ST901.budget")
    slug = "totals-mismatch"
    rule = 12

    def run(self, ctx: Context, opts: Options) -> Iterator[Problem]:
        totals = ctx.plan.totals
        if totals is None:
            return
        parts = ctx.plan_quotas
        for t in QUOTA_TYPES:
            stated, added = totals.quotas.get(t), parts[t]
            zh, en = QUOTA_LABELS[t]
            loc = ("totals", "quotas", t) if t in totals.quotas.model_fields_set else ("totals", "quotas")
            if stated is None or added is None:
                if stated is not None or t in totals.quotas.model_fields_set:  # an unknown part of a stated total
                    found = ctx.plan.unknown_quota_at(t)
                    where = found[0] if found and stated is not None else loc
                    yield cannot_check((zh, en), where, trail=(label("label.totals"), (zh, en)))
                continue
            if stated != added:
                key = "ST901" if stated > added else "ST901.less"
                yield Problem(key, {"type_zh": zh, "type_en": en, "stated": stated, "sum": added,
                                    "diff": abs(stated - added)}, loc, trail=(label("label.totals"), (zh, en)))
        if totals.leadership_posts is not None:
            posts = ctx.plan.leadership_posts()
            if posts is None:
                yield cannot_check(label("label.leadership-posts"), ("totals", "leadership_posts"),
                                   trail=(label("label.totals"),))
            elif posts != totals.leadership_posts:
                yield Problem("ST901.posts", {"stated": totals.leadership_posts, "sum": posts},
                              ("totals", "leadership_posts"), trail=(label("label.totals"),))
        if (totals.budget_funded is not None and ctx.plan.budget_funded is not None
                and totals.budget_funded != ctx.plan.budget_funded):
            yield Problem("ST901.budget", {"stated": totals.budget_funded, "sum": ctx.plan.budget_funded},
                          ("totals", "budget_funded"), trail=(label("label.totals"),))


class SubunitExceedsBody(Check):
    """Sub-units hold more quota than their body.

    ## What it checks
    For each body, the sub-units' quotas added up, per type, fit inside the body's own
    quotas (a sub-unit's quota is part of its body's, never on top of it).

    ## Why it matters
    A squad with more posts than its bureau means the plan counts staff twice or hides
    growth in the sections.

    ## Example
    Bad:  综合行政执法局 administrative 8; its squads 5 + 4 = 9.
    Good: squads 4 + 4 = 8 or fewer.

    ## Fix
    Correct the sub-units' quotas or raise the body's (within the town's total).
    """

    code = "ST902"
    messages = ("ST902",)
    slug = "subunit-exceeds-body"
    rule = 12

    def run(self, ctx: Context, opts: Options) -> Iterator[Problem]:
        for i, body in enumerate(ctx.plan.bodies):
            if not body.subunits:
                continue
            for t in QUOTA_TYPES:
                values = [s.quotas.get(t) for s in body.subunits]
                own = body.quotas.get(t)
                if own is None or None in values:
                    if own is not None or any(values):  # unknown on one side only: cannot compare
                        zh, en = QUOTA_LABELS[t]
                        what = (render("unknown.of", "zh", {"name": body.name, "what": zh}),
                                render("unknown.of", "en", {"name": body.name, "what": en}))
                        yield cannot_check(what, ("bodies", i, "quotas", t) if own is None else ("bodies", i, "subunits"),
                                           trail=((body.name, body.name), label("label.sub-units")))
                    continue
                inside = sum(v for v in values if v is not None)
                if inside > own:
                    zh, en = QUOTA_LABELS[t]
                    parts = [f"{s.name} {s.quotas.get(t)}" for s in body.subunits if s.quotas.get(t)]
                    yield Problem("ST902", {"body": body.name, "type_zh": zh, "type_en": en, "inside": inside,
                                            "own": own, "parts": parts},
                                  ("bodies", i, "subunits"), trail=((body.name, body.name), label("label.sub-units")),
                                  at_key=True)


class OverEstablishment(Check):
    """More people in post than quota (超编).

    ## What it checks
    For every body, sub-unit, the support centre, every institution (kept outside the
    centre too) and every dispatched unit that gives `actual`, the people in post do not
    exceed its quotas in total.

    ## Why it matters
    超编 is what the whole reform forbids: "确保基层机构编制和财政供养人员总量只减不增" (003).

    ## Example
    Bad:  quotas: {administrative: 6}, actual: 8
    Good: actual: 6 or fewer.

    ## Fix
    Bring people in post within the quota, or record where the extra people are counted.
    """

    code = "ST903"
    messages = ("ST903",)
    slug = "over-establishment"
    rule = 12

    def run(self, ctx: Context, opts: Options) -> Iterator[Problem]:
        def over(loc: tuple[str | int, ...], name: str, quotas: Quotas, actual: int | None,
                 trail: tuple[tuple[str, str], ...]) -> Iterator[Problem]:
            if actual is None:
                return
            total = quotas.total
            if total is None:
                what = label("field.quota-total")
                yield cannot_check((render("unknown.of", "zh", {"name": name, "what": what[0]}),
                                    render("unknown.of", "en", {"name": name, "what": what[1]})),
                                   loc + ("quotas",), trail=trail)
            elif actual > total:
                yield Problem("ST903", {"name": name, "actual": actual, "quota": total,
                                        "excess": actual - total}, loc + ("actual",), trail=trail)

        for i, body in enumerate(ctx.plan.bodies):
            yield from over(("bodies", i), body.name, body.quotas, body.actual, ((body.name, body.name),))
            for j, sub in enumerate(body.subunits):
                yield from over(("bodies", i, "subunits", j), sub.name, sub.quotas, sub.actual,
                                ((body.name, body.name), (sub.name, sub.name)))
        if ctx.plan.support_center is not None:
            c = ctx.plan.support_center
            yield from over(("support_center",), c.name, c.quotas, c.actual, ((c.name, c.name),))
        for i, inst in enumerate(ctx.plan.institutions):
            yield from over(("institutions", i), inst.name, inst.quotas, inst.actual,
                            (label("label.institutions"), (inst.name, inst.name)))
        for i, kept in enumerate(ctx.plan.support_institutions):  # kept outside the centre: still 超编 if over
            yield from over(("support_institutions", i), kept.name, kept.quotas, kept.actual,
                            (label("label.institutions"), (kept.name, kept.name)))
        for i, unit in enumerate(ctx.plan.dispatched_units):
            if unit.quotas.total != 0 or unit.actual:
                yield from over(("dispatched_units", i), unit.name, unit.quotas, unit.actual,
                                (label("label.dispatched-units"), (unit.name, unit.name)))


class DuplicateName(Check):
    """Two parts of the plan have the same name.

    ## What it checks
    Names of bodies, their nameplates and sub-units, the support centre, support
    institutions, the institutions (with their nameplates) and dispatched units are unique across the plan, compared in
    simplified script (綜合執法局 and 综合执法局 are the same name).  A sub-unit may
    share a name with a sub-unit of another body (两个局都可以有"办公室").

    ## Why it matters
    A reviewer, a chart and a quota roll-up cannot tell two bodies of the same name apart.

    ## Example
    Bad:  two bodies named 经济发展局.
    Good: 经济发展局 and 农业农村局.

    ## Fix
    Rename one, or merge them.
    """

    code = "ST904"
    messages = ("ST904",)
    slug = "duplicate-name"
    rule = 12

    def run(self, ctx: Context, opts: Options) -> Iterator[Problem]:
        plan = ctx.plan
        # each name with where it stands: its path in the data, its place in the plan's terms
        # (the trail) and the part of the plan it belongs to, said in words for the message
        seen: dict[str, tuple[str, tuple[str, str], Loc]] = {}
        entries: list[tuple[str, Loc, tuple[tuple[str, str], ...], tuple[str, str]]] = []
        bodies, plates = label("label.functional-bodies"), label("label.nameplates")
        centre_label = label("label.support-center")

        def of(owner: str, part: tuple[str, str]) -> tuple[str, str]:
            return (render("place.of", "zh", {"owner": owner, "part": part[0]}),
                    render("place.of", "en", {"owner": owner, "part": part[1]}))

        for i, body in enumerate(plan.bodies):
            entries.append((body.name, ("bodies", i, "name"), (bodies,), bodies))
            entries.extend((p, ("bodies", i, "nameplates", j), ((body.name, body.name), plates), of(body.name, plates))
                           for j, p in enumerate(body.nameplates))
        if plan.support_center is not None:
            centre = plan.support_center.name
            entries.append((centre, ("support_center", "name"), (centre_label,), centre_label))
            entries.extend((p, ("support_center", "nameplates", j), ((centre, centre), plates), of(centre, plates))
                           for j, p in enumerate(plan.support_center.nameplates))
        entries.extend((c.name, ("support_institutions", i, "name"), (label("label.institutions"),),
                        label("label.institutions")) for i, c in enumerate(plan.support_institutions))
        for i, inst in enumerate(plan.institutions):
            inst_part = label("label.institutions")
            entries.append((inst.name, ("institutions", i, "name"), (inst_part,), inst_part))
            entries.extend((p, ("institutions", i, "nameplates", j), ((inst.name, inst.name), plates), of(inst.name, plates))
                           for j, p in enumerate(inst.nameplates))
        entries.extend((u.name, ("dispatched_units", i, "name"), (label("label.dispatched-units"),),
                        label("label.dispatched-units")) for i, u in enumerate(plan.dispatched_units))
        zone_names = ctx.zone_names
        for name, loc, trail, part in entries:
            key = normalize(name)
            if key in seen and key not in zone_names:
                first, where, first_loc = seen[key]
                yield Problem("ST904", {"name": name, "first": first, "first_where_zh": where[0],
                                        "first_where_en": where[1], "first_loc": first_loc}, loc, trail=trail)
            seen.setdefault(key, (name, part, loc))
        sections = label("label.sub-units")
        for i, body in enumerate(plan.bodies):
            subs: dict[str, tuple[str, Loc]] = {}
            for j, sub in enumerate(body.subunits):
                key = normalize(sub.name)
                here: Loc = ("bodies", i, "subunits", j, "name")
                if key in subs:
                    where = of(body.name, sections)
                    yield Problem("ST904", {"name": sub.name, "first": subs[key][0], "first_where_zh": where[0],
                                            "first_where_en": where[1], "first_loc": subs[key][1]}, here,
                                  trail=((body.name, body.name), sections))
                subs.setdefault(key, (sub.name, here))


class BrokenHierarchy(Check):
    """The org hierarchy has a cycle, a dangling parent or a part the town cannot reach.

    ## What it checks
    In the org graph (the town's Party committee and government at the root), there is
    one root, no cycle (a body that is its own parent, or A under B under A), every
    `parent` names a body of the plan, and every body is reachable from the root.

    ## Why it matters
    A plan whose bodies do not hang together has no chain of command to approve.

    ## Example
    Bad:  - {name: 经济发展局, parent: 经济发展局}
    Good: leave `parent` out (the body sits under the town) or name another body.

    ## Fix
    Correct the `parent` fields.
    """

    code = "ST905"
    messages = ("ST905.parent", "ST905.cycle", "ST905.unreachable")
    slug = "broken-hierarchy"
    rule = 12

    def run(self, ctx: Context, opts: Options) -> Iterator[Problem]:
        graph = ctx.graph
        names = ctx.plan.bodies
        for i, parent in graph.unknown_parents:
            yield Problem("ST905.parent", {"body": names[i].name, "parent": parent}, ("bodies", i, "parent"),
                          trail=((names[i].name, names[i].name),))
        reported: set[str] = set()
        nodes = graph.graph.nodes
        shown: list[tuple[list[int], str]] = []
        for cycle in graph.cycles():
            # networkx starts a cycle wherever its set iteration does: shown child → parent,
            # from the body listed first in the plan, so the same plan reads the same
            up = list(reversed(cycle))
            start = min(range(len(up)), key=lambda k: nodes[up[k]].get("index", 0))
            up = up[start:] + up[:start]
            reported.update(cycle)
            shown.append(([nodes[n].get("index", 0) for n in up], " → ".join([*(nodes[n]["name"] for n in up), nodes[up[0]]["name"]])))
        for indexes, chain in sorted(shown):
            i = indexes[0]
            yield Problem("ST905.cycle", {"chain": chain}, ("bodies", i, "parent"),
                          trail=((names[i].name, names[i].name),))
        for node in graph.unreachable():
            data = graph.graph.nodes[node]
            if node in reported or data["kind"] != "body" or data["index"] in {i for i, _ in graph.unknown_parents}:
                continue
            i = data["index"]
            yield Problem("ST905.unreachable", {"body": names[i].name}, ("bodies", i),
                          trail=((names[i].name, names[i].name),))


class BaselineBodyUnaccounted(Check):
    """A pre-reform body is not accounted for in the new structure.

    ## What it checks
    Every body listed under `baseline.bodies` appears in some new body's `merged_from`,
    in the support centre's `absorbed`, or as a kept body or nameplate; and every name
    under `merged_from` / `absorbed` is a pre-reform body.

    ## Why it matters
    The reviewer must see where each old body's duties and staff went; "精简近2/3" (001)
    is only credible when nothing silently disappears or appears.

    ## Example
    Bad:  baseline.bodies has 安监站; no new body lists it under merged_from.
    Good: 综合行政执法局 merged_from: [城管中队, 安监站]

    ## Fix
    List the old body under the `merged_from` of the body that took its duties.
    """

    code = "ST906"
    messages = ("ST906.lost", "ST906.unknown")
    slug = "baseline-body-unaccounted"
    rule = 12
    severity = Severity.WARNING

    def run(self, ctx: Context, opts: Options) -> Iterator[Problem]:
        plan = ctx.plan
        if plan.baseline is None or not plan.baseline.bodies:
            return
        landed: set[str] = set()
        for body in plan.bodies:
            landed |= {normalize(n) for n in [*body.merged_from, body.name, *body.nameplates]}
        if plan.support_center is not None:
            landed |= {normalize(n) for n in plan.support_center.absorbed}
        landed |= {normalize(c.name) for c in plan.support_institutions}
        for inst in plan.institutions:
            landed |= {normalize(n) for n in [inst.name, *inst.absorbed, *inst.nameplates]}
        normal = normalize_many(plan.baseline.bodies)  # a list that can be long
        old = set(normal)
        for j, name in enumerate(plan.baseline.bodies):
            if normal[j] not in landed:
                yield Problem("ST906.lost", {"name": name}, ("baseline", "bodies", j), trail=(label("label.baseline"),))
        for i, body in enumerate(plan.bodies):
            for j, name in enumerate(body.merged_from):
                if normalize(name) not in old:
                    yield Problem("ST906.unknown", {"name": name, "body": body.name}, ("bodies", i, "merged_from", j),
                                  trail=((body.name, body.name),))
        if plan.support_center is not None:
            for j, name in enumerate(plan.support_center.absorbed):
                if normalize(name) not in old:
                    yield Problem("ST906.unknown", {"name": name, "body": plan.support_center.name},
                                  ("support_center", "absorbed", j))


class CrossHoldingUnknownPost(Check):
    """A cross-held post is not a post of the town's leadership team.

    ## What it checks
    Every name under a leadership-team post's `cross_holding` (交叉任职: the other team posts
    the same people hold) is the title of another post of `leadership_team`, compared in
    either script and ignoring spaces; a post does not list itself.

    ## Why it matters
    Cross-holding is how a town stays within its leadership-post quota (镇长 also serving as
    党委副书记); a reviewer counts who holds what from it.  A cross-held post the team does
    not have leaves the count of posts and people unexplained.

    ## Example
    Bad:  leadership_team: [{title: 镇长, approved: 1, filled: 1, cross_holding: [党委副书记]}]
          with no 党委副书记 post in the team.
    Good: the team also lists {title: 党委副书记, approved: 2, filled: 2}.

    ## Fix
    Add the cross-held post to `leadership_team`, or correct the name under `cross_holding`.
    """

    code = "ST907"
    messages = ("ST907.unknown", "ST907.self")
    slug = "cross-holding-unknown-post"
    rule = 12

    def run(self, ctx: Context, opts: Options) -> Iterator[Problem]:
        team = ctx.plan.leadership_team
        titles = normalize_many([post.title for post in team])
        for j, post in enumerate(team):
            trail = (label("section.leadership_team"), (post.title, post.title))
            for k, other in enumerate(post.cross_holding):
                key = normalize(other)
                if key == titles[j]:
                    yield Problem("ST907.self", {"post": post.title}, ("leadership_team", j, "cross_holding", k),
                                  trail=trail)
                elif key not in titles:
                    yield Problem("ST907.unknown", {"post": post.title, "other": other},
                                  ("leadership_team", j, "cross_holding", k), trail=trail)
