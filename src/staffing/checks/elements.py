"""DOMAIN rules 8 to 11: the 1+4 elements, the five lists, delegated powers, and which
units a pack covers."""

from __future__ import annotations

import math
from collections.abc import Iterator

from staffing.checks.base import Check, Doc, Options, Problem, cannot_check, not_provided, option
from staffing.checks.context import Context
from staffing.findings import Severity
from staffing.messages import CATALOGUE, label
from staffing.plan.names import normalize, strip_town
from staffing.words import Words

ELEMENT_LABELS = {
    "party_leadership": label("label.party-leadership-a-party-building-body"),
    "approval_window": label("label.approval-services-in-one-window-an-appro"),
    "enforcement_team": label("label.enforcement-in-one-team-an-enforcement-b"),
    "grid": label("label.governance-in-one-grid"),
    "command_center": label("label.command-in-one-centre"),
}

LIST_LABELS = {
    "empowerment": label("label.empowerment-list"),
    "power": label("label.power-list"),
    "responsibility": label("label.responsibility-list"),
    "service": label("label.service-list"),
    "lead_supporting": label("label.lead-and-supporting-responsibility-list"),
}


class ElementOptions(Options):
    elements: list[str] | None = option("set", Words("“1+4”要素", "the 1+4 elements"))


class MissingElement(Check):
    """One of the "1+4" elements is missing.

    ## What it checks
    Each element the pack lists must be in the plan:
    `party_leadership` a body carrying the `party_building` role;
    `approval_window` a body carrying `approval_service`;
    `enforcement_team` a body carrying `comprehensive_enforcement`;
    `grid` a `grid` with at least one grid, integrated into one (`unified`);
    `command_center` a `command_center` (or a body with that role); where the centre
    names the body that hosts it (`command_center.body`), that body is in the plan.

    ## Why it matters
    The "1+4" model: "加强党的全面领导、审批服务一窗口、综合执法一队伍、基层治理一网格、
    指挥调度一中心" (004, and 000 for Jiangsu's developed towns).

    ## Example
    Bad:  no `grid:` section.
    Good: grid: {grids: 57, workers: 57}

    ## Fix
    Add the missing element to the plan (or the body that carries it).
    """

    code = "ST601"
    slug = "missing-element"
    rule = 8
    options = ElementOptions
    title = Words("缺少“1+4”要素", "One of the 1+4 elements is missing")
    messages = {
        "ST601": Words("缺少“1+4”要素：{element}", "missing 1+4 element: {element}"),
        "ST601.host": Words(
            "{name}所依托的机构“{body}”不在本方案的职能机构中：指挥调度中心须由方案中的机构承担",
            "{name} is hosted by “{body}”, which is not a body of this plan: the command centre must sit in one of its bodies",
        ),
    }
    doc_zh = Doc(
        "规则包列出的每个要素都要在方案中：党的全面领导，即承担党建职能的机构；审批服务一窗口，即承担行政审批服务职能的"
        "机构；综合执法一队伍，即承担综合行政执法职能的机构；基层治理一网格，即至少有一个网格并统一为一张网的`grid`"
        "（`unified`）；指挥调度一中心，即`command_center`（或承担该职能的机构），写明了承载机构（`command_center.body`）"
        "的，该机构须在方案中。",
        "“1+4”模式：“加强党的全面领导、审批服务一窗口、综合执法一队伍、基层治理一网格、指挥调度一中心”（《关于推进基层"
        "整合审批服务执法力量的实施方案》；江苏经济发达镇见《关于深入推进经济发达镇行政管理体制改革的指导意见》）。",
        "错误示例：没有`grid`部分。\n"
        "正确示例：\n"
        "    grid: {grids: 57, workers: 57}",
        "在方案中补上所缺的要素（或承担该要素的机构）。",
    )

    def run(self, ctx: Context, opts: ElementOptions) -> Iterator[Problem]:
        if not opts.elements:
            return
        roles: set[str] = set()
        for i in range(len(ctx.plan.bodies)):
            roles |= ctx.roles_carried(i)
        plan = ctx.plan
        present = {
            "party_leadership": "party_building" in roles,
            "approval_window": "approval_service" in roles,
            "enforcement_team": "comprehensive_enforcement" in roles,
            # a grid whose number is unknown is there all the same
            "grid": plan.grid is not None and plan.grid.grids != 0 and plan.grid.unified,
            "command_center": plan.command_center is not None or "command_center" in roles,
        }
        sections = {"grid": "grid", "command_center": "command_center"}
        for element in opts.elements:
            if present.get(element, False):
                continue
            section = sections.get(element)
            if section is not None and not plan.provided(section):
                yield not_provided(section, option="elements")
                continue
            zh, en = ELEMENT_LABELS.get(element, (element, element))
            loc: tuple[str | int, ...] = ("grid",) if element == "grid" and plan.grid is not None else ()
            yield Problem("ST601", {"element": Words(zh, en)}, loc, option="elements")
        centre = plan.command_center
        if "command_center" in opts.elements and centre is not None and centre.body:
            # the body that hosts the centre must be one of the plan's: a name nobody can find
            # leaves the centre without staff or leaders
            names = {strip_town(b.name, plan.town.name) for b in plan.bodies}
            names |= {strip_town(n, plan.town.name) for b in plan.bodies for n in b.nameplates}
            if strip_town(centre.body, plan.town.name) not in names:
                yield Problem("ST601.host", {"name": centre.name, "body": centre.body}, ("command_center", "body"),
                              trail=((centre.name, centre.name),), option="elements")


class GridOptions(Options):
    residents_per_grid: int | None = option("max", Words("每个网格的常住人口", "residents per grid"), gt=0)
    worker_per_grid: bool | None = option("require", Words("每个网格配备一名网格员", "one grid worker per grid"))


class GridTooCoarse(Check):
    """Too few grids for the resident population.

    ## What it checks
    With the pack's standard of residents per grid, the town needs at least
    ceil(resident population / standard) grids, and, where the pack says so, one grid
    worker per grid.  A warning by default: the standard is a practice a report
    describes (Yongshan's 千人一网格), not a general limit.

    ## Why it matters
    Yongshan: "按照千人一网格的标准,全镇配备57个网格员" (002).

    ## Example
    Bad:  population 60,000, grid: {grids: 40, workers: 40}
    Good: grid: {grids: 60, workers: 60}

    ## Fix
    Divide the town into more grids, each with its worker.
    """

    code = "ST602"
    slug = "grid-too-coarse"
    rule = 8
    severity = Severity.WARNING
    options = GridOptions
    title = Words("网格划分过粗", "Too few grids for the resident population")
    messages = {
        "ST602.grids": Words(
            "常住人口{residents}人，按每{per}人一个网格需要{needed}个网格，现有{grids}个",
            "{residents} residents at one grid per {per} need {needed} grids; the plan has {grids}",
        ),
        "ST602.workers": Words("网格{grids}个，网格员只有{workers}人", "{grids} grids but only {workers} grid workers"),
    }
    doc_zh = Doc(
        "按规则包规定的每个网格常住人口标准，乡镇至少需要“常住人口÷标准”（向上取整）个网格；规则包要求时，每个网格配备"
        "一名网格员。默认为警告：这一标准是报道介绍的做法（涌山镇的千人一网格），不是普遍适用的限额。",
        "涌山镇：“按照千人一网格的标准，全镇配备57个网格员”（《乐平市涌山镇推进经济发达镇行政管理体制改革结硕果》）。",
        "错误示例：常住人口60000人，\n"
        "    grid: {grids: 40, workers: 40}\n"
        "正确示例：\n"
        "    grid: {grids: 60, workers: 60}",
        "把乡镇划分为更多网格，每个网格配备网格员。",
    )

    def run(self, ctx: Context, opts: GridOptions) -> Iterator[Problem]:
        grid = ctx.plan.grid
        residents = ctx.plan.town.population.resident
        if opts.residents_per_grid is None:
            return
        if not ctx.plan.provided("grid"):
            yield not_provided("grid", option="residents_per_grid")
            return
        if grid is None or not residents:
            return
        needed = math.ceil(residents / opts.residents_per_grid)
        if grid.grids is None:
            yield cannot_check(label("label.grid-count"), ("grid", "grids"), trail=(label("label.grid"),),
                               option="residents_per_grid")
            return
        if grid.grids < needed:
            yield Problem(
                "ST602.grids",
                {"grids": grid.grids, "needed": needed, "residents": residents, "per": opts.residents_per_grid},
                ("grid", "grids"), trail=(label("label.grid"),), option="residents_per_grid",
            )
        if opts.worker_per_grid and grid.workers is None:
            yield cannot_check(label("label.grid-workers"), ("grid", "workers"), trail=(label("label.grid"),),
                               option="worker_per_grid")
        elif opts.worker_per_grid and grid.workers is not None and grid.workers < grid.grids:
            yield Problem("ST602.workers", {"grids": grid.grids, "workers": grid.workers},
                          ("grid", "workers"), trail=(label("label.grid"),), option="worker_per_grid")


class CommandOptions(Options):
    staffed_24h: bool | None = option("require", Words("24小时值班", "staffed around the clock"))


class CommandCentreNotStaffed(Check):
    """The command centre is not staffed around the clock.

    ## What it checks
    Where the pack requires it, `command_center.staffed_24h` is true.

    ## Why it matters
    Yongshan: "指挥调度中心24小时值班监控" (002).

    ## Example
    Bad:  command_center: {name: 综合指挥调度中心, staffed_24h: false}
    Good: command_center: {name: 综合指挥调度中心, staffed_24h: true}

    ## Fix
    Set up round-the-clock duty at the centre.
    """

    code = "ST603"
    slug = "command-centre-not-staffed"
    rule = 8
    options = CommandOptions
    title = Words("指挥调度中心未24小时值班", "The command centre is not staffed around the clock")
    messages = {
        "ST603": Words("{name}未实行24小时值班", "{name} is not staffed around the clock"),
    }
    doc_zh = Doc(
        "规则包要求时，`command_center.staffed_24h`（指挥调度中心24小时值班）须为`true`。",
        "涌山镇：“指挥调度中心24小时值班监控”（《乐平市涌山镇推进经济发达镇行政管理体制改革结硕果》）。",
        "错误示例：\n"
        "    command_center: {name: 综合指挥调度中心, staffed_24h: false}\n"
        "正确示例：\n"
        "    command_center: {name: 综合指挥调度中心, staffed_24h: true}",
        "建立指挥调度中心24小时值班制度。",
    )

    def run(self, ctx: Context, opts: CommandOptions) -> Iterator[Problem]:
        centre = ctx.plan.command_center
        if opts.staffed_24h and not ctx.plan.provided("command_center"):
            yield not_provided("command_center", option="staffed_24h")
        elif opts.staffed_24h and centre is not None and not centre.staffed_24h:
            yield Problem("ST603", {"name": centre.name}, ("command_center",), option="staffed_24h",
                          trail=((centre.name, centre.name),))


_LISTS = (label("label.lists"),)


class ListOptions(Options):
    lists: list[str] | None = option("set", Words("须有的清单", "required lists"))
    duty_admission: bool | None = option("require", Words("须建立职责准入制度", "duty admission required"))


class MissingList(Check):
    """One of the five lists is missing, or duty admission is not in place.

    ## What it checks
    Each list the pack names must be under `lists`, present and with its document:
    the county's empowerment list (赋权清单) and the town's power, responsibility,
    service and lead/supporting-responsibility lists.  Where the pack requires it,
    `lists.duty_admission` (职责准入) is true.

    ## Why it matters
    Taizhou: "通过'5张清单'厘清县乡两级职责边界 … 建立职责准入制度" (004).

    ## Example
    Bad:  lists: {power: {document: 新政发〔2019〕15号}}
    Good: all five lists, each with its document, and duty_admission: true.

    ## Fix
    Add the list with the document that issued it.
    """

    code = "ST701"
    slug = "missing-list"
    rule = 9
    options = ListOptions
    title = Words("缺少清单或职责准入制度", "One of the five lists is missing, or duty admission is not in place")
    messages = {
        "ST701": Words("缺少{list}", "the {list} is missing"),
        "ST701.document": Words("{list}没有发文文号", "the {list} has no document number"),
        "ST701.admission": Words("未建立职责准入制度", "no duty-admission procedure (职责准入) is in place"),
    }
    doc_zh = Doc(
        "规则包列出的每张清单都要在`lists`下，且写明印发文件：县级赋权清单，乡镇权力清单、责任清单、公共服务清单和"
        "主体责任与配合责任清单。规则包要求时，`lists.duty_admission`（职责准入制度）须为`true`。",
        "泰州：“通过‘5张清单’厘清县乡两级职责边界……建立职责准入制度”（《关于推进基层整合审批服务执法力量的实施方案》）。",
        "错误示例：\n"
        "    lists: {power: {document: 新政发〔2019〕15号}}\n"
        "正确示例：五张清单齐全，各有印发文件，并且`duty_admission: true`。",
        "补上清单及其印发文件。",
    )

    def run(self, ctx: Context, opts: ListOptions) -> Iterator[Problem]:
        lists = ctx.plan.lists
        if (opts.lists or opts.duty_admission) and not ctx.plan.provided("lists"):
            yield not_provided("lists", option="lists" if opts.lists else "duty_admission")
            return
        for name in opts.lists or []:
            entry = getattr(lists, name, None)
            zh, en = LIST_LABELS.get(name, (name, name))
            if entry is None or not entry.present:
                yield Problem("ST701", {"list": Words(zh, en)},
                              ("lists", name) if entry is not None else ("lists",), trail=_LISTS, option="lists")
            elif not (entry.document or "").strip():
                yield Problem("ST701.document", {"list": Words(zh, en)}, ("lists", name),
                              trail=(*_LISTS, (zh, en)), option="lists")
        if opts.duty_admission and not lists.duty_admission:
            yield Problem("ST701.admission", {}, ("lists", "duty_admission") if lists.duty_admission is not None else ("lists",),
                          trail=_LISTS, option="duty_admission")


class PowersOptions(Options):
    require_catalogue: bool | None = option("require", Words("赋权须公布目录", "delegated powers published as a catalogue"))
    returned_documented: bool | None = option("require", Words("收回的权限须有文件", "powers handed back need a document"))
    powers_expected: bool | None = option("require", Words("经济发达镇应有赋权事项", "a developed town is expected to have delegated powers"))


class PowersNotCatalogued(Check):
    """Delegated powers are not published as a catalogue, or the town is not the actor.

    ## What it checks
    When the town has delegated approval or penalty powers, `powers.catalogue` names
    the document that published them and `powers.legal_actor` is `town`.  Where the
    pack says so (each an inferred option): every entry under `powers.returned` (powers
    handed back) has its document (`returned_documented`), and a developed town with
    no `powers` section at all is reported as a warning (`powers_expected`).

    ## Why it matters
    "可赋予经济发达镇,制定目录向社会公布,镇政府为权力实施主体" (003); Kunshan's Zhangpu
    handed 91 gas-enforcement powers back (001).

    ## Example
    Bad:  powers: {approval_items: 158, penalty_powers: 994}
    Good: powers: {approval_items: 158, penalty_powers: 994, catalogue: 昆政发〔2017〕12号}

    ## Fix
    Name the document that published the catalogue.
    """

    code = "ST702"
    slug = "powers-not-catalogued"
    rule = 10
    options = PowersOptions
    title = Words("赋权事项未公布目录", "Delegated powers are not published as a catalogue, or the town is not the actor")
    messages = {
        "ST702": Words(
            "赋予的审批事项{approval}项、处罚权限{penalty}项没有公布目录的文件",
            "{approval} approval items and {penalty} penalty powers delegated with no published catalogue",
        ),
        "ST702.none": Words("经济发达镇未列出赋予的权限及其目录", "a developed town with no delegated powers or catalogue listed"),
        "ST702.actor": Words("赋予的权限应以镇政府为实施主体", "the town must be the legal actor of the delegated powers"),
        "ST702.returned": Words("交还的{area}权限{count}项没有文件依据", "{count} {area} powers handed back with no document"),
        "ST702.some": Words(
            "赋予乡镇的审批、处罚等权限（部分数量未知）没有公布目录的文件",
            "powers delegated to the town (some counts unknown) with no published catalogue",
        ),
    }
    doc_zh = Doc(
        "乡镇获赋审批、处罚等权限的，`powers.catalogue`要写明公布目录的文件，`powers.legal_actor`（权力实施主体）须为"
        "`town`（乡镇）。规则包要求时（均为推断的参数）：`powers.returned`下每项收回的权限都要有文件"
        "（`returned_documented`）；经济发达镇完全没有`powers`部分的，给出警告（`powers_expected`）。",
        "“可赋予经济发达镇，制定目录向社会公布，镇政府为权力实施主体”（《关于深化经济发达镇行政管理体制改革工作的意见》）；"
        "昆山市张浦镇曾把91项燃气执法权限交回（《如何推进经济发达镇行政管理体制改革》）。",
        "错误示例：\n"
        "    powers: {approval_items: 158, penalty_powers: 994}\n"
        "正确示例：\n"
        "    powers: {approval_items: 158, penalty_powers: 994, catalogue: 昆政发〔2017〕12号}",
        "写明公布权限目录的文件。",
    )

    def run(self, ctx: Context, opts: PowersOptions) -> Iterator[Problem]:
        if not opts.require_catalogue:
            return
        powers = ctx.plan.powers
        if not ctx.plan.provided("powers"):
            yield not_provided("powers", option="require_catalogue")
            return
        if powers is None:
            if ctx.plan.town.developed_town and opts.powers_expected:
                yield Problem("ST702.none", {}, (), option="powers_expected", severity=Severity.WARNING)
            return
        # any power delegated, however many (an unknown number is not none)
        total = any(n is None or n > 0 for n in (powers.approval_items, powers.penalty_powers, powers.other_powers))
        if total and not (powers.catalogue or "").strip():
            counts_known = powers.approval_items is not None and powers.penalty_powers is not None
            yield Problem("ST702" if counts_known else "ST702.some", {"approval": powers.approval_items, "penalty": powers.penalty_powers},
                          ("powers",), trail=(label("label.delegated-powers"),), option="require_catalogue")
        if total and powers.legal_actor != "town":
            yield Problem("ST702.actor", {}, ("powers", "legal_actor"), trail=(label("label.delegated-powers"),),
                          option="require_catalogue")
        for j, ret in enumerate(powers.returned if opts.returned_documented else []):
            if not (ret.document or "").strip():
                yield Problem("ST702.returned", {"area": ret.area, "count": ret.count}, ("powers", "returned", j),
                              trail=(label("label.delegated-powers"), (ret.area, ret.area)), option="returned_documented")


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
        "（江苏：第二批29个，见《关于深入推进经济发达镇行政管理体制改革的指导意见》，以及苏州的试点镇，见《如何推进经济"
        "发达镇行政管理体制改革》），自称经济发达镇的镇要么在名单上，要么写明批准文件（`town.developed_town_document`），"
        "否则给出警告，请补充（原文没有列出江苏批准的全部乡镇）。",
        "南京市石湫镇撤镇设街道后退出了经济发达镇名单：“原石湫镇已撤镇设街道，因此不再纳入改革范围”（《关于深入推进"
        "经济发达镇行政管理体制改革的指导意见》）。",
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
    developed-town pack covers towns only; Taizhou's covers towns and streets), and
    where the pack `requires` it, the unit must be a developed town
    (`developed_town: true`).  Once the pack does not apply, its other findings on
    the plan are shown as information only (severity info), not as binding.

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
            "规则包“{pack}”只适用于{applies}，本单位是{unit}；本规则包的其他结论仅供参考，不具约束力",
            "the rule pack “{pack}” covers {applies} only; this unit is a {unit}; the pack's other findings are for "
            "information only, not binding",
        ),
        "ST802.developed": Words(
            "{name}不是经济发达镇，规则包“{pack}”只适用于经济发达镇；本规则包的其他结论仅供参考，不具约束力",
            "{name} is not a developed town and the pack “{pack}” covers developed towns only; its other findings "
            "are for information only, not binding",
        ),
    }
    doc_zh = Doc(
        "方案的`unit_type`（单位类型）必须在规则包的`applies_to`（适用范围）之内（江苏经济发达镇规则包只适用于镇；"
        "泰州规则包适用于镇和街道）；规则包有`requires`要求时，本单位还必须是经济发达镇（`developed_town: true`）。"
        "规则包不适用时，它对该方案的其他结论只作为提示，不具约束力。",
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
        applies = ctx.pack.applies_to
        if applies and ctx.plan.town.unit_type not in applies:
            unit = ctx.plan.town.unit_type
            kinds = [label(f"unit.{a}") for a in applies if f"unit.{a}" in CATALOGUE]
            yield Problem("ST802", {"unit_type": unit, "unit": Words(*label(f"unit.{unit}")),
                                    "pack": _title(ctx), "applies": [Words(*k) for k in kinds]},
                          ("rule_pack",))
        needs = ctx.pack.requires.get("developed_town")
        if needs is not None and needs.value and not ctx.plan.town.developed_town:
            yield Problem("ST802.developed", {"pack": _title(ctx), "name": ctx.plan.town.name},
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


def _title(ctx: Context) -> Words:
    """The pack's title, as a message names it."""
    return Words(ctx.pack.title.get("zh", ctx.pack.id), ctx.pack.title.get("en", ctx.pack.id))
