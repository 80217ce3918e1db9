"""DOMAIN rule 12: the plan agrees with itself."""

from __future__ import annotations

from collections.abc import Iterator

from staffing.checks.base import Check, Doc, Options, Problem, cannot_check
from staffing.checks.context import Context, Unit
from staffing.findings import Loc, Severity
from staffing.messages import label, render
from staffing.plan.model import QUOTA_LABELS, QUOTA_TYPES
from staffing.plan.names import normalize, normalize_many, strip_town, without_town
from staffing.words import Words


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
    slug = "totals-mismatch"
    rule = 12
    title = Words("合计与各部分之和不符", "The stated totals do not equal the sum of the parts")
    messages = {
        "ST901": Words(
            "合计{type}{stated}名，比各部分之和{sum}名多{diff}名",
            "stated {type} total {stated} is {diff} more than the sum of the parts, {sum}",
        ),
        "ST901.less": Words(
            "合计{type}{stated}名，比各部分之和{sum}名少{diff}名",
            "stated {type} total {stated} is {diff} less than the sum of the parts, {sum}",
        ),
        "ST901.posts": Words(
            "合计领导职数{stated}名，与各机构核定职数之和{sum}名不符",
            "stated leadership posts {stated} differ from the sum over bodies, {sum}",
        ),
        "ST901.budget": Words(
            "合计财政供养人员{stated}人，与方案所列{sum}人不符",
            "stated budget-funded people {stated} differ from the plan's figure, {sum}",
        ),
    }
    doc_zh = Doc(
        "方案写明`totals`（合计）的，每类编制的合计要等于各职能机构、综合服务中心和支持保障类事业单位该类编制之和；"
        "`totals.leadership_posts`要等于核定领导职数之和；`totals.budget_funded`要等于`budget_funded`。",
        "审核人首先核对的就是合计：表格合计对不上的方案，不论是否超限，都不能批准。",
        "错误示例：各机构行政编制合计43名，而\n"
        "    totals: {quotas: {administrative: 45}}\n"
        "正确示例：\n"
        "    totals: {quotas: {administrative: 43}}",
        "改正合计数，或改正数字有误的机构。",
    )

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
                yield Problem(key, {"type": Words(zh, en), "stated": stated, "sum": added,
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
    slug = "subunit-exceeds-body"
    rule = 12
    title = Words("内设科室、中队编制超过所属机构", "Sections and squads hold more quota than their body")
    messages = {
        "ST902": Words(
            "{body}的内设科室、中队{type}合计{inside}名，超过本机构的{own}名：{parts}",
            "{body}: its sections and squads hold {inside} {type}, more than the body's own {own}: {parts}",
        ),
    }
    doc_zh = Doc(
        "每个职能机构的内设科室、中队编制按类型相加，不得超过该机构自身的编制（内设科室的编制是机构编制的一部分，"
        "不在其外另计）。",
        "中队编制多于所属局的编制，说明方案重复计算了人员，或把增长藏在了内设科室里。",
        "错误示例：综合行政执法局行政编制8名，下设两个中队5名加4名，共9名。\n"
        "正确示例：两个中队4名加4名，共8名或更少。",
        "改正内设科室的编制，或在乡镇总量之内增加该机构的编制。",
    )

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
                inside = sum(values)  # type: ignore[arg-type]  # no value is None here (above)
                if inside > own:
                    zh, en = QUOTA_LABELS[t]
                    parts = [f"{s.name} {s.quotas.get(t)}" for s in body.subunits if s.quotas.get(t)]
                    yield Problem("ST902", {"body": body.name, "type": Words(zh, en), "inside": inside,
                                            "own": own, "parts": parts},
                                  ("bodies", i, "subunits"), trail=((body.name, body.name), label("label.sub-units")),
                                  at_key=True)


class SectionPeopleExceedBody(Check):
    """Sections and squads have more people in post than their body.

    ## What it checks
    For each body that gives its people in post (`actual`), the people in post its sections
    and squads give, added up, are no more than the body's own: a section's people are part
    of its body's, never on top of them.  A body whose own figure is unknown while its
    sections give theirs cannot be checked.

    ## Why it matters
    A squad with more people than its bureau means the plan counts people twice or leaves
    some out of the body's figure, and neither 超编 (ST903) nor the town's budget-funded
    people can then be trusted.

    ## Example
    Bad:  综合行政执法局 actual: 5; its squads actual 3 + 3 = 6.
    Good: the bureau's actual 11 counts its squads' 6.

    ## Fix
    Count the sections' people in their body's `actual`, or correct the sections' figures.
    """

    code = "ST908"
    slug = "section-people-exceed-body"
    rule = 12
    title = Words("内设科室、中队实有人数超过所属机构", "Sections and squads have more people than their body")
    messages = {
        "ST908": Words(
            "{body}的内设科室、中队实有{inside}人，超过本机构实有的{own}人：{parts}",
            "{body}: its sections and squads have {inside} people in post, more than the body's own {own}: {parts}",
        ),
    }
    doc_zh = Doc(
        "每个写明实有人数（`actual`）的职能机构，其内设科室、中队写明的实有人数相加，不得超过该机构自身的实有人数"
        "（内设科室的人员是机构人员的一部分，不在其外另计）。机构自身实有人数未知而内设科室写明了的，无法检查。",
        "中队人数多于所属局，说明方案重复计算了人员，或机构的人数漏计了一部分，超编（`ST903`）和财政供养人员都无从核对。",
        "错误示例：综合行政执法局实有5人，两个中队各3人，共6人。\n"
        "    - name: 综合行政执法局\n"
        "      actual: 5\n"
        "      subunits: [{name: 执法一中队, actual: 3}, {name: 执法二中队, actual: 3}]\n"
        "正确示例：综合行政执法局实有11人，其中包括两个中队的6人。",
        "把内设科室的人员计入所属机构的`actual`，或改正内设科室的人数。",
    )

    def run(self, ctx: Context, opts: Options) -> Iterator[Problem]:
        sections: dict[Loc, list[Unit]] = {}
        for unit in ctx.units:
            if unit.kind == "section" and unit.parent is not None and unit.actual is not None:
                sections.setdefault(unit.parent, []).append(unit)
        for body in ctx.units:
            inside = sections.get(body.loc)
            if body.kind != "body" or not inside:
                continue
            trail = ((body.name, body.name), label("label.sub-units"))
            if body.actual is None:
                what = label("field.actual")
                yield cannot_check((render("unknown.of", "zh", {"name": body.name, "what": what[0]}),
                                    render("unknown.of", "en", {"name": body.name, "what": what[1]})),
                                   (*body.loc, "actual"), trail=trail)
                continue
            total = sum(u.actual for u in inside if u.actual is not None)
            if total > body.actual:
                yield Problem("ST908", {"body": body.name, "inside": total, "own": body.actual,
                                        "parts": [f"{u.name} {u.actual}" for u in inside]},
                              (*body.loc, "actual"), trail=trail)


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
    slug = "over-establishment"
    rule = 12
    title = Words("超编", "More people in post than quota (超编)")
    messages = {
        "ST903": Words(
            "{name}实有{actual}人，超过编制{quota}名，超编{excess}人",
            "{name} has {actual} people in post for {quota} quotas: {excess} over",
        ),
    }
    doc_zh = Doc(
        "写明`actual`（实有人数）的每个职能机构、内设科室、综合服务中心、事业单位（包括留在中心之外的）和派驻机构，"
        "实有人数都不得超过其编制总数。",
        "超编正是整个改革所禁止的：“确保基层机构编制和财政供养人员总量只减不增”（《关于深化经济发达镇行政管理体制改革工作的意见》）。",
        "错误示例：\n"
        "    quotas: {administrative: 6}\n"
        "    actual: 8\n"
        "正确示例：实有人数6人或更少。",
        "把实有人数控制在编制以内，或写明多出的人员在何处计算。",
    )

    def run(self, ctx: Context, opts: Options) -> Iterator[Problem]:
        for unit in ctx.units:  # every unit, the support institutions kept outside the centre too
            actual = unit.actual
            if actual is None:
                continue
            total = unit.quotas.total
            if unit.kind == "dispatched" and total == 0 and not actual:
                continue  # a dispatched unit whose quota is its department's
            # the trail is worked out only for a unit with a finding
            if total is None:
                what = label("field.quota-total")
                yield cannot_check((render("unknown.of", "zh", {"name": unit.name, "what": what[0]}),
                                    render("unknown.of", "en", {"name": unit.name, "what": what[1]})),
                                   unit.loc + ("quotas",), trail=ctx.trail_of(unit))
            elif actual > total:
                yield Problem("ST903", {"name": unit.name, "actual": actual, "quota": total,
                                        "excess": actual - total}, unit.loc + ("actual",), trail=ctx.trail_of(unit))


class DuplicateName(Check):
    """Two parts of the plan have the same name.

    ## What it checks
    Names of bodies, their nameplates and sub-units, the support centre, support
    institutions, the institutions (with their nameplates) and dispatched units are unique across the plan, compared in
    simplified script and without the town's name in front (綜合執法局, 虹桥镇综合执法局 and 综合执法局 are the same
    name).  A sub-unit may
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
    slug = "duplicate-name"
    rule = 12
    title = Words("名称重复", "Two parts of the plan have the same name")
    messages = {
        "ST904": Words(
            "名称“{name}”与{first_where}中的“{first}”（{first_at}）重复",
            "the name “{name}” repeats “{first}” of {first_where} ({first_at})",
        ),
    }
    doc_zh = Doc(
        "职能机构及其加挂牌子、内设科室，综合服务中心，支持保障类事业单位，事业单位（及其加挂牌子）和派驻机构的名称，"
        "在整个方案中不得重复，按简体、去掉前面的乡镇名称比较（綜合執法局、虹桥镇综合执法局与综合执法局是同一个名称）。不同机构的内设科室可以同名（两个局都"
        "可以有“办公室”）。",
        "审核人、组织架构图和编制汇总都无法区分两个同名的机构。",
        "错误示例：两个职能机构都叫经济发展局。\n"
        "正确示例：经济发展局和农业农村局。",
        "改掉其中一个名称，或把两者合并。",
    )

    def run(self, ctx: Context, opts: Options) -> Iterator[Problem]:
        plan = ctx.plan
        town = plan.town.name
        # every name with its unit and which of the unit's names it is (None: its own); where it
        # stands (its path, its trail, the part of the plan it belongs to) is said only where
        # a name repeats, most plans repeating none
        named: list[tuple[str, Unit, int | None]] = []
        for unit in ctx.units:
            if unit.kind == "section":
                continue  # a section may share a name with another body's (两个局都可以有"办公室"): below
            named.append((unit.name, unit, None))
            if unit.written != "support_institutions":
                named.extend((p, unit, j) for j, p in enumerate(unit.names_carried))
        # the same name with or without the town's in front (虹桥镇农业服务中心, 农业服务中心)
        keys = [strip_town(name, town) for name, _, _ in named]
        if len(set(keys)) < len(keys):
            yield from _repeated_names(ctx, named, keys)
        sections = label("label.sub-units")
        for i, body in enumerate(plan.bodies):
            subs: dict[str, tuple[str, Loc]] = {}
            for j, sub in enumerate(body.subunits):
                key = strip_town(sub.name, town)
                here: Loc = ("bodies", i, "subunits", j, "name")
                if key in subs:
                    where = _of(body.name, sections)
                    yield Problem("ST904", {"name": sub.name, "first": subs[key][0], "first_where": Words(where[0], where[1]), "first_loc": subs[key][1]}, here,
                                  trail=((body.name, body.name), sections))
                subs.setdefault(key, (sub.name, here))


def _of(owner: str, part: tuple[str, str]) -> tuple[str, str]:
    """A part of one unit in words: "the nameplates of …", "the sections of …"."""
    return (render("place.of", "zh", {"owner": owner, "part": part[0]}),
            render("place.of", "en", {"owner": owner, "part": part[1]}))


def _repeated_names(ctx: Context, named: list[tuple[str, Unit, int | None]], keys: list[str]) -> Iterator[Problem]:
    """ST904's finding for every name (of `named`, by its key) that repeats an earlier one: the
    part of the plan each name is written in (a nameplate's: "the nameplates of" its owner,
    said in words only for the repeat), its path and its trail."""
    seen: dict[str, tuple[str, tuple[str, str] | str, Loc]] = {}
    plates = label("label.nameplates")
    part_of = {"bodies": label("label.functional-bodies"), "support_center": label("label.support-center"),
               "support_institutions": label("label.institutions"), "institutions": label("label.institutions"),
               "dispatched_units": label("label.dispatched-units")}
    zone_names = ctx.zone_names
    for (name, unit, j), key in zip(named, keys, strict=True):
        loc: Loc
        trail: tuple[tuple[str, str], ...]
        part: tuple[str, str] | str
        if j is None:
            written_in = part_of[unit.written]
            loc, trail, part = (*unit.loc, "name"), (written_in,), written_in
        else:
            loc = (*unit.loc, "nameplates", j) if j < len(unit.nameplates) else (*unit.loc, "name")
            trail, part = ((unit.name, unit.name), plates), unit.name
        if key in seen and key not in zone_names and normalize(name) not in zone_names:
            first, first_part, first_loc = seen[key]
            where = _of(first_part, plates) if isinstance(first_part, str) else first_part
            yield Problem("ST904", {"name": name, "first": first, "first_where": Words(where[0], where[1]), "first_loc": first_loc}, loc, trail=trail)
        seen.setdefault(key, (name, part, loc))


class BrokenHierarchy(Check):
    """The org hierarchy has a cycle, a dangling parent or a part the town cannot reach.

    ## What it checks
    In the org graph (the town's Party committee and government at the root), there is
    one root, no cycle (a body that is its own parent, or A under B under A), every
    `parent` names a body of the plan (by its name, by the first name of a name written
    with its nameplate in brackets, 党政办公室 for 党政办公室（人大办公室）, with or without
    the town's name in front), and every body is reachable from the root.

    ## Why it matters
    A plan whose bodies do not hang together has no chain of command to approve.

    ## Example
    Bad:  - {name: 经济发展局, parent: 经济发展局}
    Good: leave `parent` out (the body sits under the town) or name another body.

    ## Fix
    Correct the `parent` fields.
    """

    code = "ST905"
    slug = "broken-hierarchy"
    rule = 12
    title = Words("机构隶属关系错误", "The org hierarchy has a cycle, a dangling parent or a part the town cannot reach")
    messages = {
        "ST905.parent": Words("{body}的上级“{parent}”不是本方案中的机构", "{body}: parent “{parent}” is not a body of this plan"),
        "ST905.cycle": Words("机构隶属关系成环：{chain}", "the hierarchy has a cycle: {chain}"),
        "ST905.unreachable": Words(
            "{body}不能从镇党委、政府逐级到达",
            "{body} cannot be reached from the town's Party committee and government",
        ),
    }
    doc_zh = Doc(
        "在组织关系图中（以乡镇党委和政府为根），只有一个根，没有循环（机构以自己为上级，或甲在乙之下、乙又在甲之下），"
        "每个`parent`都是方案中的机构（写机构名称；名称后括号中带牌子的，写括号前的名称亦可，如党政办公室（人大办公室）写作"
        "党政办公室；前面是否带乡镇名称均同），每个机构都能从根到达。",
        "机构之间隶属关系不清的方案，没有可供批准的领导关系。",
        "错误示例：\n"
        "    - {name: 经济发展局, parent: 经济发展局}\n"
        "正确示例：不写`parent`（直属乡镇），或写另一个机构的名称。",
        "改正`parent`。",
    )

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
    under `merged_from` / `absorbed` is a pre-reform body.  Names are compared in either
    script and with or without the town's name in front (虹桥镇农业服务中心 is 农业服务中心).

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
    slug = "baseline-body-unaccounted"
    rule = 12
    severity = Severity.WARNING
    title = Words("改革前机构去向不明", "A pre-reform body is not accounted for in the new structure")
    messages = {
        "ST906.lost": Words("改革前的“{name}”没有并入任何新机构", "the pre-reform body “{name}” is not merged into any new body"),
        "ST906.unknown": Words(
            "{body}列出的原机构“{name}”不在改革前机构名单中",
            "{body} lists “{name}” as merged, but it is not a pre-reform body",
        ),
    }
    doc_zh = Doc(
        "`baseline.bodies`（改革前机构）中的每个机构，都要出现在某个新机构的`merged_from`（由哪些机构合并而来）、综合"
        "服务中心的`absorbed`中，或作为保留的机构、加挂牌子；`merged_from`、`absorbed`中的每个名称都应是改革前的机构。名称简繁体均同，前面是否"
        "带乡镇名称均同（虹桥镇农业服务中心即农业服务中心）。",
        "审核人要看到每个原有机构的职责和人员去了哪里；“精简近2/3”（《如何推进经济发达镇行政管理体制改革》）只有在"
        "没有机构悄然消失或出现时才可信。",
        "错误示例：改革前机构中有安监站，但没有新机构在`merged_from`中列出它。\n"
        "正确示例：\n"
        "    - {name: 综合行政执法局, merged_from: [城管中队, 安监站]}",
        "在承接其职责的机构的`merged_from`中列出该原有机构。",
    )

    def run(self, ctx: Context, opts: Options) -> Iterator[Problem]:
        plan = ctx.plan
        if plan.baseline is None or not plan.baseline.bodies:
            return
        town = plan.town.name

        def key(name: str) -> str:  # a name with or without the town's in front is the same body
            return strip_town(name, town)

        landed: set[str] = set()
        for unit in ctx.units:  # where an old body may have gone
            written = unit.written
            if written == "bodies":
                landed.update([key(n) for n in (*unit.merged_from, unit.name, *unit.names_carried)])
            elif written == "support_center":
                landed.update([key(n) for n in unit.absorbed])
            elif written == "support_institutions":
                landed.add(key(unit.name))
            elif written == "institutions":
                landed.update([key(n) for n in (unit.name, *unit.absorbed, *unit.nameplates)])
        town_normal = normalize(town)
        normal = [without_town(n, town_normal) for n in normalize_many(plan.baseline.bodies)]  # a list that can be long
        old = set(normal)
        for j, name in enumerate(plan.baseline.bodies):
            if normal[j] not in landed:
                yield Problem("ST906.lost", {"name": name}, ("baseline", "bodies", j), trail=(label("label.baseline"),))
        for i, body in enumerate(plan.bodies):
            for j, name in enumerate(body.merged_from):
                if key(name) not in old:
                    yield Problem("ST906.unknown", {"name": name, "body": body.name}, ("bodies", i, "merged_from", j),
                                  trail=((body.name, body.name),))
        if plan.support_center is not None:
            for j, name in enumerate(plan.support_center.absorbed):
                if key(name) not in old:
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
    slug = "cross-holding-unknown-post"
    rule = 12
    title = Words("交叉任职与领导班子不符", "A cross-held post is not a post of the town's leadership team")
    messages = {
        "ST907.unknown": Words(
            "领导班子中“{post}”的交叉任职“{other}”不是本方案领导班子的职务",
            "the leadership-team post “{post}” is cross-held with “{other}”, which is not a post of the plan's leadership team",
        ),
        "ST907.self": Words("领导班子中“{post}”的交叉任职列了本职务", "the leadership-team post “{post}” lists itself as cross-held"),
    }
    doc_zh = Doc(
        "乡镇领导班子每个职务的`cross_holding`（交叉任职，即同一批人员兼任的班子其他职务）中的每个名称，都必须是"
        "`leadership_team`中另一个职务的名称，简繁体均可，忽略空格；一个职务不能列出自己。",
        "交叉任职是乡镇控制在领导职数之内的方式（如镇长兼任党委副书记），审核人据此核对谁兼任什么职务。兼任的职务不在"
        "领导班子中，职数和人数就对不上。",
        "错误示例：镇长兼任党委副书记，但领导班子中没有党委副书记这一职务。\n"
        "    leadership_team:\n"
        "      - {title: 镇长, approved: 1, filled: 1, cross_holding: [党委副书记]}\n"
        "正确示例：领导班子中同时列出\n"
        "      - {title: 党委副书记, approved: 2, filled: 2}",
        "在`leadership_team`中补上兼任的职务，或改正`cross_holding`中的名称。",
    )

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
