"""DOMAIN rule 11, ST8xx: which units a pack covers (a developed town, a town or street of
its own jurisdiction) and from when."""

from __future__ import annotations

from collections.abc import Iterator

from staffing.checks.base import Check, Doc, Options, Problem, option
from staffing.checks.context import Context
from staffing.findings import Severity
from staffing.messages import CATALOGUE, label, words
from staffing.plan.names import normalize
from staffing.words import Words


class OnlyTownsOptions(Options):
    only_towns: bool | None = option("require", Words("只有镇才能列为经济发达镇", "only towns can be developed towns"))
    # the towns approved as developed towns ("county + town", either script); a plan claiming
    # developed_town: true is one of them or records its approval (developed_town_document)
    listed_towns: list[str] | None = option("allow", Words("已批准的经济发达镇名单", "approved developed towns"))
    pilot_towns: list[str] | None = option("allow", Words("试点镇名单", "pilot towns"))


class DevelopedTownNotATown(Check):
    """A township or street is marked as a developed town.

    ## What it checks
    `developed_town: true` is only possible when `unit_type` is `town`; and where the
    pack lists the approved developed towns (Jiangsu: the 29 of the second batch, 000,
    and the Suzhou pilots, 001), a town claiming it is on the list or records the
    document that approved it (`town.developed_town_document`); otherwise a warning
    asks for it (the seeds do not name every town Jiangsu has approved).

    ## Why it matters
    Nanjing's Shiqiu became a street and left the developed-town list: "原石湫鎮已撤鎮
    設街道,因此不再納入改革範圍" (000).

    ## Example
    Bad:  unit_type: street, developed_town: true
    Good: unit_type: street, developed_town: false

    ## Fix
    Correct the unit type or the developed-town flag.
    """

    code = "ST801"
    slug = "developed-town-not-a-town"
    rule = 11
    options = OnlyTownsOptions
    title = Words("非建制镇被列为经济发达镇", "A township or street is marked as a developed town")
    messages = {
        "ST801": Words("只有镇才能列为经济发达镇，本单位是{unit}", "only towns can be developed towns; this unit is a {unit}"),
        "ST801.unlisted": Words(
            "{county}{name}标为经济发达镇，但不在规则包所列的经济发达镇名单中，也没有记录批准文件（批复文号）：请补充批复文号",
            "{name} ({county}) is marked as a developed town but is not on the pack's list of developed towns and records "
            "no approval document: please record it",
        ),
    }
    doc_zh = Doc(
        "只有`unit_type`为`town`（建制镇）时，才能写`developed_town: true`（经济发达镇）；规则包列出已批准的经济发达镇时"
        "（江苏：第二批29个，见报道《省里批复：句容这个经济发达镇将进行行政管理体制改革！》，以及苏州的试点镇，见《如何推进经济"
        "发达镇行政管理体制改革》），自称经济发达镇的镇要么在名单上，要么写明批准文件（`town.developed_town_document`），"
        "否则给出警告，请补充（原文没有列出江苏批准的全部乡镇）。",
        "南京市石湫镇撤镇设街道后退出了经济发达镇名单：“原石湫镇已撤镇设街道，因此不再纳入改革范围”（报道《省里批复：句容"
        "这个经济发达镇将进行行政管理体制改革！》）。",
        "错误示例：\n"
        "    unit_type: street\n"
        "    developed_town: true\n"
        "正确示例：\n"
        "    unit_type: street\n"
        "    developed_town: false",
        "改正单位类型或经济发达镇标记。",
    )

    def run(self, ctx: Context, opts: OnlyTownsOptions) -> Iterator[Problem]:
        town = ctx.plan.town
        if opts.only_towns is not False and town.developed_town and town.unit_type != "town":
            zh, en = label(f"unit.{town.unit_type}")
            yield Problem("ST801", {"unit_type": town.unit_type, "unit": Words(zh, en)},
                          ("town", "developed_town"), option="only_towns")
        lists = (opts.listed_towns or []) + (opts.pilot_towns or [])
        if not (lists and town.developed_town and town.unit_type == "town") or (town.developed_town_document or "").strip():
            return  # a street marked as one is the finding above, not also "unlisted"
        known = {normalize(n) for n in lists}
        if normalize(town.county + town.name) not in known:
            # a warning that asks: the seeds name the second batch and Suzhou's pilots, not
            # every developed town Jiangsu has approved since 2010 (000: "16個省級")
            yield Problem("ST801.unlisted", {"name": town.name, "county": town.county}, ("town", "developed_town"),
                          option="listed_towns", severity=Severity.WARNING)


class PackNotApplicable(Check):
    """The rule pack does not cover this kind of unit.

    ## What it checks
    The plan's `unit_type` must be one the pack `applies_to` (the Jiangsu
    developed-town pack covers towns only; Taizhou's covers towns and streets); where
    the pack `requires` it, the unit must be a developed town (`developed_town: true`);
    and the unit must lie within the pack's `jurisdiction` (the province, city or county
    it names: Jiangsu's packs Jiangsu, Taizhou's pack Taizhou's towns and streets, Yongshan's
    Leping).  Once the pack does not apply, the binding findings are those of the nearest
    pack of its `extends` chain that covers the unit, each check run with that pack's own
    options (Jiangsu's common rules for any Jiangsu town or street, else the base pack: a
    plan's own consistency, 超编): an allowance only the named pack grants (Taizhou's quota
    moved down from the county) does not soften them.  What rests on the named pack alone
    (the options it, or a parent that does not cover the unit either, sets) is shown as
    information only (severity info), not as binding.  The finding cites the pack's basis
    for its units or its place.

    ## Why it matters
    A plan checked against the wrong pack gets the wrong verdict.

    ## Example
    Bad:  unit_type: street with rule_pack: jiangsu-developed-town
    Good: unit_type: street with rule_pack: taizhou-three-integrations

    ## Fix
    Choose the pack that covers the unit, or correct the unit type.
    """

    code = "ST802"
    slug = "pack-not-applicable"
    rule = 11
    others_advisory = True
    title = Words("规则包不适用于该单位类型", "The rule pack does not cover this kind of unit")
    messages = {
        "ST802": Words(
            "规则包“{pack}”只适用于{applies}，本单位是{unit}；{rest}",
            "the rule pack “{pack}” covers {applies} only; this unit is a {unit}; {rest}",
        ),
        "ST802.place": Words(
            "规则包“{pack}”只适用于{place}，{name}在{where}；{rest}",
            "the rule pack “{pack}” covers {place} only and {name} is in {where}; {rest}",
        ),
        "ST802.developed": Words(
            "{name}不是经济发达镇，规则包“{pack}”只适用于经济发达镇；{rest}",
            "{name} is not a developed town and the pack “{pack}” covers developed towns only; {rest}",
        ),
        # what then binds: the rules of the nearest pack it extends that covers the unit
        "ST802.rest": Words("本规则包的其他结论仅供参考，不具约束力",
                            "the pack's other findings are for information only, not binding"),
        "ST802.rest-bound": Words(
            "具约束力的结论按适用于本单位的规则包“{binding}”得出，本规则包另外的结论仅供参考，不具约束力",
            "the binding findings are those of the pack “{binding}”, which covers it; this pack's other findings "
            "are for information only, not binding",
        ),
    }
    doc_zh = Doc(
        "方案的`unit_type`（单位类型）必须在规则包的`applies_to`（适用范围）之内（江苏经济发达镇规则包只适用于镇；"
        "泰州规则包适用于镇和街道）；规则包有`requires`要求时，本单位还必须是经济发达镇（`developed_town: true`）；"
        "本单位还必须在规则包的`jurisdiction`（适用地域：写明的省、市或县）之内（江苏的规则包适用于江苏，泰州的规则包适用于"
        "泰州的乡镇和街道，涌山镇的规则包适用于乐平市）。规则包不适用时，具约束力的结论来自它所继承（`extends`）的规则包中"
        "适用于本单位的最近一个，各项检查按该规则包自己的参数进行（江苏任何乡镇、街道按江苏共同规则，否则按基础规则包，如"
        "方案自身一致性、超编），不适用的规则包另给的余地（如泰州的县级下划编制）不能放宽这些结论；只以不适用的规则包为依据"
        "的结论（它或同样不适用的上级规则包设置的参数）只作为提示，不具约束力。本结论引用规则包关于适用单位或地域的依据。",
        "用错了规则包的方案，得出的结论也是错的。",
        "错误示例：街道使用江苏经济发达镇规则包：\n"
        "    unit_type: street\n"
        "    rule_pack: jiangsu-developed-town\n"
        "正确示例：\n"
        "    unit_type: street\n"
        "    rule_pack: taizhou-three-integrations",
        "选择适用于本单位的规则包，或改正单位类型。",
    )

    def run(self, ctx: Context, opts: Options) -> Iterator[Problem]:
        pack, town = ctx.pack, ctx.plan.town
        scope = pack.scope
        if scope.covers(town):
            return
        rest = _rest(ctx)
        if not scope.covers_place(town):
            # a pack binds its own province or city only (Taizhou's, Taizhou's towns and streets)
            where = "".join(dict.fromkeys(x for x in (town.province, town.city, town.county) if x))
            yield Problem("ST802.place", {"pack": _title(ctx), "place": Words(pack.jurisdiction.get("zh", ""),
                                                                                pack.jurisdiction.get("en", "")),
                                          "where": where, "name": town.name, "rest": rest},
                          ("town", scope.outside(town) or "name"), cite=pack.jurisdiction_source)
        applies = pack.applies_to
        if applies and town.unit_type not in applies:
            unit = town.unit_type
            kinds = [label(f"unit.{a}") for a in applies if f"unit.{a}" in CATALOGUE]
            yield Problem("ST802", {"unit_type": unit, "unit": Words(*label(f"unit.{unit}")),
                                    "pack": _title(ctx), "applies": [Words(*k) for k in kinds], "rest": rest},
                          ("rule_pack",), cite=pack.applies_source)
        needs = ctx.pack.requires.get("developed_town")
        if needs is not None and needs.value and not ctx.plan.town.developed_town:
            yield Problem("ST802.developed", {"pack": _title(ctx), "name": ctx.plan.town.name, "rest": rest},
                          ("town", "developed_town") if "developed_town" in ctx.plan.town.model_fields_set else ("rule_pack",),
                          cite=needs.source + (" (inferred)" if needs.inferred else "") if needs.source else None)


class PlanBeforePack(Check):
    """The plan is dated before the rule pack took effect.

    ## What it checks
    A plan's `plan_date` must not be earlier than the pack's `effective` date (Taizhou's
    three integrations: August 2020).  A warning: the plan may have been drawn up under
    earlier rules, and the reviewer should say which ones apply.

    ## Why it matters
    A plan approved before a policy existed cannot have broken it; judged by the later
    pack, its findings may be wrong.

    ## Example
    Bad:  rule_pack: taizhou-three-integrations, plan_date: 2019-10-20
    Good: plan_date: 2020-10-20

    ## Fix
    Correct the plan's date, or check it against the pack that was in force on that date.
    """

    code = "ST803"
    slug = "plan-before-pack"
    rule = 11
    severity = Severity.WARNING
    title = Words("方案日期早于规则包生效日期", "The plan is dated before the rule pack took effect")
    messages = {
        "ST803": Words(
            "方案日期{date}早于规则包“{pack}”的生效日期{effective}：请核实方案日期，或按当时有效的规定审核",
            "the plan is dated {date}, before the pack “{pack}” took effect on {effective}: check the date, or review "
            "the plan against the rules in force then",
        ),
    }
    doc_zh = Doc(
        "方案的`plan_date`（方案日期）不得早于规则包的`effective`（生效日期）（泰州“三整合”：2020年8月）。"
        "为警告：方案可能是按此前的规定制定的，审核人应说明适用哪些规定。",
        "政策出台前批准的方案不可能违反该政策；用后来的规则包衡量，结论可能不对。",
        "错误示例：\n"
        "    rule_pack: taizhou-three-integrations\n"
        "    plan_date: 2019-10-20\n"
        "正确示例：\n"
        "    plan_date: 2020-10-20",
        "改正方案日期，或用该日期有效的规则包检查。",
    )

    def run(self, ctx: Context, opts: Options) -> Iterator[Problem]:
        effective, dated = ctx.pack.effective, ctx.plan.plan_date
        if effective is None or dated is None or dated >= effective:
            return
        cite = ctx.pack.effective_source
        yield Problem(
            "ST803",
            {"date": dated.isoformat(), "effective": effective.isoformat(),
             "pack": _title(ctx)},
            ("plan_date",),
            cite=(cite + (" (inferred)" if ctx.pack.effective_inferred else "")) if cite else None,
        )


def _rest(ctx: Context) -> Words:
    """What binds a unit the pack does not cover: the rules of the nearest pack of its chain
    that does (the engine checks the plan against them), by that pack's title."""
    owner = ctx.pack.covering(ctx.plan.town)
    scope = ctx.pack.scopes.get(owner) if owner and owner != ctx.pack.id else None
    if scope is None:
        return words("ST802.rest")
    title = Words(scope.title.get("zh", scope.pack), scope.title.get("en", scope.pack))
    return words("ST802.rest-bound", {"binding": title})


def _title(ctx: Context) -> Words:
    """The pack's title, as a message names it."""
    return Words(ctx.pack.title.get("zh", ctx.pack.id), ctx.pack.title.get("en", ctx.pack.id))
