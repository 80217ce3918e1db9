"""DOMAIN rule 8, ST6xx: the "1+4" elements (a party-building body, one approval window, one
enforcement team, one grid, one command centre), the grid's size and workers, the command
centre's staffing and domain posts, and the approval and enforcement work in their bureaus
(001: "前臺窗口"; 002)."""

from __future__ import annotations

import math
from collections.abc import Iterator

from staffing.checks.base import Check, Doc, Options, Problem, cannot_check, not_provided, option
from staffing.checks.context import Context, Unit
from staffing.findings import Loc, Severity
from staffing.messages import label
from staffing.plan.names import normalize, split_second_name, strip_town
from staffing.words import Words

ELEMENT_LABELS = {
    "party_leadership": label("label.party-leadership-a-party-building-body"),
    "approval_window": label("label.approval-services-in-one-window-an-appro"),
    "enforcement_team": label("label.enforcement-in-one-team-an-enforcement-b"),
    "grid": label("label.governance-in-one-grid"),
    "command_center": label("label.command-in-one-centre"),
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
        "整合审批服务执法力量的实施方案》；江苏经济发达镇见报道《省里批复：句容这个经济发达镇将进行行政管理体制改革！》）。",
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
            # an element is carried by a body of the town (a functional body, or the command
            # centre's platform): an institution (党建服务中心) or an organ under its own rules is not one
            if ctx.category_of(i) in ("functional", "platform"):
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
        # the body that hosts the centre must be one of the plan's: a name nobody can find
        # leaves the centre without staff or leaders
        if "command_center" in opts.elements and centre is not None and centre.body and ctx.body_named(centre.body) is None:
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
    describes (Yongshan's 千人一网格), not a general limit.  Where the resident population
    is unknown (or not given) the outcome is "cannot check".  Too few grids where each grid
    has its worker is one finding that says both (the grids and their workers), not also a
    second from ST604.

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
        "ST602.grids-workers": Words(
            "常住人口{residents}人，按每{per}人一个网格需要{needed}个网格、每格一名网格员，现有{grids}个网格",
            "{residents} residents at one grid per {per} need {needed} grids, each with its worker; the plan has {grids} grids",
        ),
        "ST602.workers": Words("网格{grids}个，网格员只有{workers}人", "{grids} grids but only {workers} grid workers"),
    }
    doc_zh = Doc(
        "按规则包规定的每个网格常住人口标准，乡镇至少需要“常住人口÷标准”（向上取整）个网格；规则包要求时，每个网格配备"
        "一名网格员。默认为警告：这一标准是报道介绍的做法（涌山镇的千人一网格），不是普遍适用的限额。常住人口未知（或未写）"
        "时，结论为“无法检查”。网格不足而每格已有网格员时，一条结论同时说明网格和网格员，网格员配备的检查不再重复。",
        "涌山镇：“按照千人一网格的标准，全镇配备57个网格员”（《乐平市涌山镇推进经济发达镇行政管理体制改革结硕果》）。",
        "错误示例：常住人口60000人，\n"
        "    grid: {grids: 40, workers: 40}\n"
        "正确示例：\n"
        "    grid: {grids: 60, workers: 60}",
        "把乡镇划分为更多网格，每个网格配备网格员。",
    )

    def run(self, ctx: Context, opts: GridOptions) -> Iterator[Problem]:
        grid = ctx.plan.grid
        if opts.residents_per_grid is None:
            return
        if not ctx.plan.provided("grid"):
            yield not_provided("grid", option="residents_per_grid")
            return
        if grid is None:
            return  # no grid at all is ST601's finding
        residents = ctx.plan.town.population.resident
        if residents is None:
            yield _residents_unknown(ctx, "residents_per_grid")
            return
        if not residents:
            return
        needed = math.ceil(residents / opts.residents_per_grid)
        if grid.grids is None:
            yield cannot_check(label("label.grid-count"), ("grid", "grids"), trail=(label("label.grid"),),
                               option="residents_per_grid")
            return
        if grid.grids < needed:
            # with a worker for every grid, the workers fall short with the grids: one finding says both
            yield Problem(
                "ST602.grids-workers" if opts.worker_per_grid else "ST602.grids",
                {"grids": grid.grids, "needed": needed, "residents": residents, "per": opts.residents_per_grid},
                ("grid", "grids"), trail=(label("label.grid"),), option="residents_per_grid",
            )
        if opts.worker_per_grid and grid.workers is None:
            yield cannot_check(label("label.grid-workers"), ("grid", "workers"), trail=(label("label.grid"),),
                               option="worker_per_grid")
        elif (opts.worker_per_grid and grid.workers is not None and grid.workers < grid.grids
              and not _workers_shortfall_said(ctx, grid.grids, grid.workers, residents)):
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


class GridWorkersOptions(Options):
    # grid workers needed for every 1,000 residents; a pack that asks for more is stricter
    min_per_thousand: int | float | None = option("min", Words("每千名常住人口最少网格员人数", "fewest grid workers per 1,000 residents"), gt=0)


class GridWorkersTooFew(Check):
    """Too few grid workers for the resident population.

    ## What it checks
    With the pack's minimum of grid workers (网格员) per 1,000 residents, the town needs at
    least ceil(resident population × minimum ÷ 1,000) grid workers; the plan's
    `grid.workers` is compared with that.  A warning by default: the standard is a practice
    a report describes (Yongshan's 千人一网格 with a worker for every grid), not a general
    limit.  Where the grid is declared not provided, or the number of workers or the resident
    population is unknown, the outcome is "cannot check".  Where the workers fall short only
    because the grids do (a worker for every grid, and the grids ST602 asks for, each with its
    worker, would be enough), ST602's one finding says so and this check adds none.

    ## Why it matters
    The grid is one of the "1+4" elements; a grid without the people to walk it exists on
    paper only.  Yongshan: "按照千人一网格的标准,全镇配备57个网格员" (002).

    ## Example
    Bad:  population 28,000, grid: {grids: 28, workers: 20} (at 1 per 1,000: 28 needed)
    Good: grid: {grids: 28, workers: 28}

    ## Fix
    Staff the grid: at least the pack's number of grid workers per 1,000 residents.
    """

    code = "ST604"
    slug = "grid-workers-too-few"
    rule = 8
    severity = Severity.WARNING
    options = GridWorkersOptions
    title = Words("网格员配备不足", "Too few grid workers for the resident population")
    messages = {
        "ST604": Words(
            "常住人口{residents}人，按每千人{per}名网格员需{needed}名，现有网格员{workers}名",
            "{residents} residents at {per} grid workers per 1,000 need {needed} grid workers; the plan has {workers}",
        ),
    }
    doc_zh = Doc(
        "按规则包规定的每千名常住人口最少网格员人数，乡镇至少需要“常住人口×标准÷1000”（向上取整）名网格员，与方案的"
        "`grid.workers`比较。默认为警告：这一标准是报道介绍的做法（涌山镇千人一网格、每格一名网格员），不是普遍适用的"
        "限额。方案声明未提供网格，或网格员人数、常住人口未知时，结论为“无法检查”。网格员不足只是因为网格不足（每格已有一名"
        "网格员，按网格划分检查要求的网格数各配一名即已足够）时，由网格划分的检查一并说明，本检查不再重复。",
        "网格是“1+4”要素之一，没有人员巡查的网格只停留在纸面上。涌山镇：“按照千人一网格的标准，全镇配备57个网格员”"
        "（《乐平市涌山镇推进经济发达镇行政管理体制改革结硕果》）。",
        "错误示例：常住人口28000人（每千人1名，需28名），\n"
        "    grid: {grids: 28, workers: 20}\n"
        "正确示例：\n"
        "    grid: {grids: 28, workers: 28}",
        "按每千名常住人口不少于规则包规定的人数配齐网格员。",
    )

    def run(self, ctx: Context, opts: GridWorkersOptions) -> Iterator[Problem]:
        if opts.min_per_thousand is None:
            return
        if not ctx.plan.provided("grid"):
            yield not_provided("grid", option="min_per_thousand")
            return
        grid, residents = ctx.plan.grid, ctx.plan.town.population.resident
        if grid is None:
            return  # no grid at all is ST601's finding
        if residents is None:
            yield _residents_unknown(ctx, "min_per_thousand")
            return
        if not residents:
            return
        if grid.workers is None:
            yield cannot_check(label("label.grid-workers"), ("grid", "workers"), trail=(label("label.grid"),),
                               option="min_per_thousand")
            return
        needed = math.ceil(residents * opts.min_per_thousand / 1000)
        if grid.workers < needed and not _grid_shortfall_said(ctx, grid.grids, grid.workers, residents, needed):
            yield Problem(
                "ST604",
                {"workers": grid.workers, "needed": needed, "residents": residents, "per": opts.min_per_thousand},
                ("grid", "workers"), trail=(label("label.grid"),), option="min_per_thousand",
            )


def _residents_unknown(ctx: Context, option: str) -> Problem:
    """"Cannot check" at the resident population a grid rule needs (unknown, or not given)."""
    population = ctx.plan.town.population
    loc: Loc = ("town", "population", "resident")
    at_key = "resident" not in population.model_fields_set
    if "population" not in ctx.plan.town.model_fields_set:
        loc = ("town",)
    elif at_key:
        loc = ("town", "population")
    return cannot_check(label("label.resident-population"), loc, trail=(label("label.grid"),), option=option, at_key=at_key)


def _grid_shortfall_said(ctx: Context, grids: int | None, workers: int, residents: int, needed: int) -> bool:
    """The grid workers fall short only because the grids do, and the pack's grid rule (ST602)
    says so in one finding: too few grids, each with its worker, and the grids it asks for,
    each with its worker, are workers enough."""
    setting = ctx.pack.setting(GridTooCoarse)
    if setting is None or not setting.enabled or grids is None:
        return False
    grid_rule: GridOptions = ctx.pack.options(GridTooCoarse)
    if grid_rule.residents_per_grid is None or not grid_rule.worker_per_grid:
        return False
    grids_needed = math.ceil(residents / grid_rule.residents_per_grid)
    return grids < grids_needed and workers >= grids and grids_needed >= needed


def _workers_shortfall_said(ctx: Context, grids: int, workers: int, residents: int) -> bool:
    """Too few workers for the grids, where the pack's worker rule (ST604) says so in one
    finding: it finds too few workers for the residents, and the workers it asks for are at
    least one for every grid."""
    setting = ctx.pack.setting(GridWorkersTooFew)
    if setting is None or not setting.enabled:
        return False
    rule: GridWorkersOptions = ctx.pack.options(GridWorkersTooFew)
    if rule.min_per_thousand is None:
        return False
    needed = math.ceil(residents * rule.min_per_thousand / 1000)
    return workers < needed and needed >= grids


class FrontlineOptions(Options):
    # the roles of the bodies that take on the approval (service) items and their staff
    approval_roles: list[str] | None = option("allow", Words("承接审批服务事项及相关人员的机构", "bodies that take on the approval items and their staff"))
    # the roles of the bodies that hold the enforcement staff and exercise the penalty powers
    enforcement_roles: list[str] | None = option("allow", Words("行使处罚权限、配备执法人员的机构", "bodies that hold the penalty powers and enforcement staff"))
    # an enforcement squad or section under another body is asked about (a warning)
    squads: bool | None = option("require", Words("执法中队只设在综合执法机构", "enforcement squads only in the enforcement bureau"))


class WorkOutsideItsBureau(Check):
    """Approval items or enforcement staff sit outside the bureau that should hold them.

    ## What it checks
    Where the plan says which body takes on the delegated approval (service) items
    (`powers.approval_body`) or exercises the penalty powers (`powers.penalty_body`), that
    body is one of the plan's and carries the role the pack names (the approval bureau,
    the enforcement bureau).  A transfer that moves quota and staff with approval or
    enforcement work (`transfers[].work`) goes to such a body; one recorded against the
    town as a whole is asked about (a warning).  Where the pack says so, an enforcement
    squad or section under another body is asked about too (a warning: the name suggests
    enforcement staff outside the enforcement bureau); which names say a unit enforces is the
    pack's `recognition.enforcement_unit` (执法中队, 城管监察大队, 劳动保障监察中队).  A plan that records
    none of this gets no finding.

    ## Why it matters
    "試點鎮承接的所有審批服務事項及相關工作人員全部實現向鎮行政審批局歸并"; "將執法權限
    涉及的執法人員全部劃轉至綜合執法局" (001).  Taizhou: "将相关人员充实到乡镇(街道)综合
    行政执法、为民服务等职能机构" (004).

    ## Example
    Bad:  powers: {approval_items: 158, approval_body: 经济发展局}
    Good: powers: {approval_items: 158, approval_body: 行政审批局}

    ## Fix
    Move the items and their staff to the approval bureau, the enforcement staff to the
    enforcement bureau, or correct the body the plan names.
    """

    code = "ST605"
    slug = "work-outside-its-bureau"
    rule = 8
    options = FrontlineOptions
    title = Words("审批服务或执法力量未归入对应机构", "Approval items or enforcement staff outside their bureau")
    messages = {
        "ST605.approval": Words(
            "审批服务事项由{body}承接，但{body}不是{roles}：审批服务事项及相关工作人员应全部归并到{roles}",
            "the approval (service) items are taken on by {body}: they and the staff who handle them belong in the "
            "approval bureau ({roles})",
        ),
        "ST605.enforcement": Words(
            "行政处罚权限由{body}行使，但{body}不是{roles}：执法人员应全部划转至{roles}",
            "the penalty powers are exercised by {body}: the enforcement staff belong in the enforcement bureau ({roles})",
        ),
        "ST605.unknown": Words(
            "承接下放事项的机构“{body}”不在本方案的机构中：应为{roles}",
            "the body named to take on the delegated work, “{body}”, is not a body of this plan (it should be a body of "
            "the kind {roles})",
        ),
        "ST605.transfer": Words(
            "随{work}从{source}划转的编制{count}名划入{to}，{to}不是{roles}：相关人员应划入{roles}",
            "{count} quota moved from {source} with {work} go to {to}: they and their staff belong in a body of the "
            "kind {roles}",
        ),
        "ST605.transfer-town": Words(
            "随{work}从{source}划转的编制{count}名只记到{to}，没有写明划入哪个机构：请写明，应为{roles}",
            "{count} quota moved from {source} with {work} are recorded against {to} as a whole: say which body "
            "receives them ({roles})",
        ),
        "ST605.squad": Words(
            "{body}下设{unit}：执法人员应全部划转至{roles}，请核实该单位是否承担执法",
            "{body} has a unit {unit}: enforcement staff belong in {roles}; please check whether the unit enforces",
        ),
    }
    doc_zh = Doc(
        "方案写明承接审批服务事项的机构（`powers.approval_body`）或行使行政处罚权限的机构（`powers.penalty_body`）时，该机构"
        "须是本方案的机构，并承担规则包指定的角色（行政审批局、综合行政执法局）。随审批服务或执法事项划转编制和人员的记录"
        "（`transfers`中写明`work`）须划入这样的机构；只记到全镇、没有写明机构的，给出警告。规则包要求时，设在其他机构下的"
        "执法中队等执法单位也给出警告，请核实；哪些名称表明是执法单位，由规则包的`recognition.enforcement_unit`确定（执法中队、"
        "城管监察大队、劳动保障监察中队）。方案没有写明这些内容时，不作判断。",
        "“试点镇承接的所有审批服务事项及相关工作人员全部实现向镇行政审批局归并”“将执法权限涉及的执法人员全部划转至综合执法局”"
        "（《如何推进经济发达镇行政管理体制改革》）；泰州：“按要求将相关人员充实到乡镇（街道）综合行政执法、为民服务等职能机构”。",
        "错误示例：\n"
        "    powers: {approval_items: 158, approval_body: 经济发展局}\n"
        "正确示例：\n"
        "    powers: {approval_items: 158, approval_body: 行政审批局}",
        "把审批服务事项及相关人员归并到行政审批局，执法人员划转至综合行政执法局，或改正方案中写明的机构。",
    )

    def run(self, ctx: Context, opts: FrontlineOptions) -> Iterator[Problem]:
        plan = ctx.plan
        town = plan.town.name
        wanted = {"approval": opts.approval_roles, "enforcement": opts.enforcement_roles}
        wanted_set = {work: set(roles or []) for work, roles in wanted.items()}
        option = {"approval": "approval_roles", "enforcement": "enforcement_roles"}

        def labels(work: str) -> dict[str, list[Words]]:
            roles = wanted[work] or []
            return {"roles": [Words(ctx.pack.role_label(r, "zh"), ctx.pack.role_label(r, "en")) for r in roles]}

        powers = plan.powers
        if powers is not None:
            for work, field, named in (("approval", "approval_body", powers.approval_body),
                                       ("enforcement", "penalty_body", powers.penalty_body)):
                if not wanted[work] or not (named or "").strip():
                    continue
                assert named is not None
                held = ctx.body_named(named)
                if held is None:
                    yield Problem("ST605.unknown", {"body": named, **labels(work)}, ("powers", field),
                                  trail=(label("label.delegated-powers"),), option=option[work])
                elif not ctx.roles_carried(held) & wanted_set[work]:
                    yield Problem(f"ST605.{work}", {"body": plan.bodies[held].name, **labels(work)},
                                  ("powers", field), trail=(label("label.delegated-powers"),), option=option[work])
        for j, t in enumerate(plan.transfers):
            if t.work is None or not wanted[t.work]:
                continue
            trail = (label("label.transfers"), (f"{t.from_}→{t.to}", f"{t.from_}→{t.to}"))
            params = {"source": t.from_, "to": t.to, "count": t.count, "work": Words(*label(f"work.{t.work}")),
                      **labels(t.work)}
            to = ctx.body_named(t.to)
            if to is None:
                if normalize(t.to) in (normalize(town), normalize(plan.town.county + town)):
                    yield Problem("ST605.transfer-town", params, ("transfers", j, "to"), trail=trail,
                                  option=option[t.work], severity=Severity.WARNING)
                # a name that is neither the town nor one of its bodies is a matter of the plan's
                # own consistency, not of where the work goes
            elif not ctx.roles_carried(to) & wanted_set[t.work]:
                yield Problem("ST605.transfer", {**params, "to": plan.bodies[to].name}, ("transfers", j, "to"), trail=trail,
                              option=option[t.work])
        if opts.squads and opts.enforcement_roles:
            for i, b in enumerate(plan.bodies):
                if ctx.roles_carried(i) & wanted_set["enforcement"]:
                    continue
                for k, sub in enumerate(b.subunits):
                    # the pack's words for a unit that enforces (执法中队, 城管监察大队 …)
                    if ctx.pack.recognised("enforcement_unit", sub.name) is not None:
                        yield Problem("ST605.squad", {"body": b.name, "unit": sub.name, **labels("enforcement")},
                                      ("bodies", i, "subunits", k, "name"), trail=((b.name, b.name),),
                                      option="squads", severity=Severity.WARNING)


class DomainPostsOptions(Options):
    # the domains whose matters the command centre dispatches, each with its own post
    domains: list[str] | None = option("set", Words("指挥调度中心应进驻的领域事项流转岗", "domains with a post at the command centre"))


def _same_domain(ctx: Context, wanted: str, named: str) -> bool:
    """The domain a post serves, as a reviewer reads it: the written name holds the domain's
    name (综治信访岗 is 综治信访, 生态环境保护 is 环境保护) or one of the pack's words for the domain
    (`domain_words`: 城管 for 城市管理, 环保 for 环境保护, 国土 for 自然资源和规划); a part of the
    domain's name is not the domain (管理 is not 城市管理, 资源 not 自然资源和规划)."""
    a, b = normalize(wanted), normalize(named)
    if a in b:
        return True
    words = next((ws for d, ws in ctx.pack.domain_words.items() if normalize(d) == a), [])
    return any(normalize(w) in b for w in words)


class CommandCentreDomainsMissing(Check):
    """The command centre has no post for a domain the pack names.

    ## What it checks
    Where the pack names the domains whose matters the command centre dispatches
    (Yongshan: natural resources and planning, urban management, petitions, environment),
    the centre has a post for each: every domain is among `command_center.domains`, read as
    a reviewer reads them (a written name holding the domain's name, or one of the pack's
    words for the same work: 城管 is 城市管理, 环保 is 环境保护; a part of a domain's name is not
    the domain: 管理 is not 城市管理); a plan that does not name its domains has at least as
    many `domain_posts` as the pack names domains, and even then which domain each post serves
    cannot be checked ("cannot check", never a silent pass).  A warning by default: the
    domains are what one town's report describes.

    ## Why it matters
    Yongshan: "进驻了自然资源和规划、城市管理、综治信访、环境保护等4个重点领域的事项流转岗"
    (002): matters reported by the grid are passed to the post of their domain and
    followed up from the centre.

    ## Example
    Bad:  command_center: {name: 综合指挥调度中心, domains: [城市管理, 综治信访]}
    Good: command_center: {name: 综合指挥调度中心, domains: [自然资源和规划, 城市管理, 综治信访, 环境保护]}

    ## Fix
    Set up the missing domain posts at the centre, or name the domains its posts serve.
    """

    code = "ST606"
    slug = "command-centre-domain-missing"
    rule = 8
    severity = Severity.WARNING
    options = DomainPostsOptions
    title = Words("指挥调度中心缺少领域事项流转岗", "The command centre has no post for a domain")
    messages = {
        "ST606.missing": Words(
            "{name}没有{missing}领域的事项流转岗：指挥调度中心应进驻{domains}等领域的事项流转岗",
            "{name} has no post for {missing}: the command centre should have a post for each of {domains}",
        ),
        "ST606.unnamed": Words(
            "无法检查：{name}设领域事项流转岗{posts}个，但没有写明各岗位所属的领域，无法核对是否进驻了{domains}等领域",
            "cannot check: {name} has {posts} domain posts but does not name their domains, so whether {domains} each have "
            "a post cannot be checked",
        ),
        "ST606.posts": Words(
            "{name}只设领域事项流转岗{posts}个，少于应进驻的{needed}个领域（{domains}）：请补设岗位，或写明各岗位所属领域",
            "{name} has {posts} domain posts, fewer than the {needed} domains it should serve ({domains}): add the posts, "
            "or name the domain of each",
        ),
    }
    doc_zh = Doc(
        "规则包列出指挥调度中心应进驻事项流转岗的领域时（涌山镇：自然资源和规划、城市管理、综治信访、环境保护），每个领域都要"
        "在`command_center.domains`中，按审核人的读法比对（写明的名称包含该领域的名称，或包含规则包为该领域列出的用词：城管即"
        "城市管理，环保即环境保护；只写领域名称的一部分不算：管理不是城市管理）；方案没有写明领域的，`domain_posts`（领域岗位数）不得少于规则包列出的领域数，即使不少于，"
        "也无法核对各岗位所属的领域，结论为“无法检查”，不作通过。默认为警告：这些领域是一个镇的报道介绍的做法。",
        "涌山镇：“进驻了自然资源和规划、城市管理、综治信访、环境保护等4个重点领域的事项流转岗”（《乐平市涌山镇推进经济发达镇"
        "行政管理体制改革结硕果》）：网格员报送的事项转到所属领域的岗位，由中心跟踪办理。",
        "错误示例：\n"
        "    command_center: {name: 综合指挥调度中心, domains: [城市管理, 综治信访]}\n"
        "正确示例：\n"
        "    command_center: {name: 综合指挥调度中心, domains: [自然资源和规划, 城市管理, 综治信访, 环境保护]}",
        "补设缺少的领域事项流转岗，或写明各岗位所属的领域。",
    )

    def run(self, ctx: Context, opts: DomainPostsOptions) -> Iterator[Problem]:
        if not opts.domains:
            return
        plan = ctx.plan
        if not plan.provided("command_center"):
            yield not_provided("command_center", option="domains")
            return
        centre = plan.command_center
        if centre is None:  # no centre at all is ST601's finding
            return
        trail = ((centre.name, centre.name),)
        if centre.domains:
            missing = [d for d in opts.domains if not any(_same_domain(ctx, d, n) for n in centre.domains)]
            if missing:
                yield Problem("ST606.missing", {"name": centre.name, "missing": missing, "domains": opts.domains},
                              ("command_center", "domains"), trail=trail, option="domains")
        elif centre.domain_posts < len(opts.domains):
            loc: tuple[str | int, ...] = ("command_center", "domain_posts")
            if "domain_posts" not in centre.model_fields_set:
                loc = ("command_center",)
            yield Problem("ST606.posts", {"name": centre.name, "posts": centre.domain_posts,
                                          "needed": len(opts.domains), "domains": opts.domains},
                          loc, trail=trail, option="domains", at_key=loc == ("command_center",))
        else:
            # enough posts, but which domains they serve is not said: whether each domain has its
            # post cannot be checked (never a silent pass)
            yield Problem("ST606.unnamed", {"name": centre.name, "posts": centre.domain_posts, "domains": opts.domains},
                          ("command_center", "domain_posts"), trail=trail, option="domains", unknown=True)


class OneTeamOptions(Options):
    # enforcement integrated into one team: no second enforcement body beside it
    one_team: bool | None = option("require", Words("综合执法一队伍", "enforcement in one team"))
    # approval and services in one window: no second approval or service body beside it
    one_window: bool | None = option("require", Words("审批服务一窗口", "approval services in one window"))


# the work each "one" holds together, and the role that does it
_ONE = (("one_team", "comprehensive_enforcement", "team"), ("one_window", "approval_service", "window"))


class SecondTeamOrWindow(Check):
    """A second enforcement team or approval window beside the one the reform sets up.

    ## What it checks
    Where the pack says so, the town has one enforcement team and one approval (service)
    window: among the town's own units (its bodies, wherever they sit, their sections, and its
    institutions, wherever written; not an organ under its own rules, nor a unit a county
    department dispatches), at most one is read
    as enforcement (`comprehensive_enforcement`: 综合行政执法局, 城管执法大队, 劳动保障监察中队 …)
    and at most one as the approval body (`approval_service`: 行政审批局, 便民服务中心, 政务服务中心,
    行政服务中心 …), by its written role or its name; a section or an institution whose name says it
    enforces (the pack's `recognition.enforcement_unit`: 城管执法中队, 劳动监察中队) is read as
    enforcement too.  The team or window is the body the plan names for the role (its written role,
    or a name that is the role's own), else the first counted body, then the other bodies and the
    institutions, then the sections.  A unit under the team or the window (a squad
    hung under the enforcement bureau) is part of it.  Each further one is an error that names
    it and the one it stands beside.  A nameplate (便民服务中心 on the approval bureau) is the
    same body, not a second one.

    ## Why it matters
    Taizhou: "将现有站所、分局执法力量和资源,整合为一支执法队伍"; "实行'一门式、一窗式'便民服务"
    (004).  Suzhou's pilots: "所有審批服務事項及相關工作人員全部實現向鎮行政審批局歸并" (001).
    A second team or window keeps the split the reform ends.

    ## Example
    Bad:  bodies: [{name: 综合行政执法局}, {name: 城管执法大队}]
    Good: the squad sits in the bureau:
        - name: 综合行政执法局
          subunits: [{name: 城管执法中队}]

    ## Fix
    Merge the second team or window into the first (as a squad, a section or a nameplate).
    """

    code = "ST607"
    slug = "second-team-or-window"
    rule = 8
    options = OneTeamOptions
    title = Words("另设执法队伍或审批服务窗口", "A second enforcement team or approval window")
    messages = {
        "ST607.team": Words(
            "{name}是{first}之外的又一支执法队伍：执法力量应整合为一支执法队伍",
            "{name} is a second enforcement team beside {first}: enforcement is integrated into one team",
        ),
        "ST607.window": Words(
            "{name}是{first}之外的又一个审批服务窗口：审批服务应由一个机构一门式、一窗式办理",
            "{name} is a second approval or service window beside {first}: approval services are given by one body, "
            "in one window",
        ),
    }
    doc_zh = Doc(
        "规则包要求时，乡镇只有一支执法队伍、一个审批服务窗口：在乡镇自己的单位中（职能机构，不论设在哪里，及其内设科室；事业单位，"
        "不论写在方案哪一部分；不含依各自章程设置的机构，也不含县级部门派驻的机构），按写明的角色或名称，读作综合执法的（综合行政执法局、城管执法"
        "大队、劳动保障监察中队等）至多一个，读作行政审批服务的（行政审批局、便民服务中心、政务服务中心、行政服务中心等）至多"
        "一个；名称表明承担执法的内设科室或事业单位（规则包的`recognition.enforcement_unit`：城管执法中队、劳动监察中队等）也读作执法。"
        "执法队伍或审批窗口是方案为该角色写明的机构（写明角色，或名称就是该角色的名称），否则依次为计数的职能机构、其他机构和事业单位、"
        "内设科室中的第一个。设在执法队伍或审批窗口之下的单位（挂在综合行政执法局下的中队）属于它。每多出一个，报告一个错误，写明它和它所"
        "并列的那个。加挂牌子（行政审批局加挂便民服务中心）是同一个机构，不算第二个。",
        "泰州：“将现有站所、分局执法力量和资源，整合为一支执法队伍”“实行‘一门式、一窗式’便民服务”（《关于推进基层整合审批"
        "服务执法力量的实施方案》）；苏州试点：“所有审批服务事项及相关工作人员全部实现向镇行政审批局归并”。另设的队伍或窗口"
        "保留了改革要消除的分割。",
        "错误示例：\n"
        "    bodies: [{name: 综合行政执法局}, {name: 城管执法大队}]\n"
        "正确示例：中队设在综合行政执法局内：\n"
        "    - name: 综合行政执法局\n"
        "      subunits: [{name: 城管执法中队}]",
        "把另设的队伍或窗口并入前一个（作为中队、科室或加挂牌子）。",
    )

    def run(self, ctx: Context, opts: OneTeamOptions) -> Iterator[Problem]:
        for name, role, what in _ONE:
            if not getattr(opts, name):
                continue
            held = _units_doing(ctx, role)
            if len(held) < 2:
                continue
            first = held[0]
            seen = [first]
            for unit in held[1:]:
                if any(_under(ctx, unit, one) for one in seen):
                    continue  # a squad hung under the bureau is part of the team (a second one's, of that one)
                seen.append(unit)
                yield Problem(f"ST607.{what}", {"name": unit.name, "first": first.name}, (*unit.loc, "name"),
                              trail=ctx.trail_of(unit), option=name)


def _units_doing(ctx: Context, role: str) -> list[Unit]:
    """The town's own units read as doing `role` (by a written role or the name), wherever the
    plan wrote them (a body, a section of a body, an institution, the centre), the first being
    the one that stands (a counted body first, then the other bodies and the institutions in
    the plan's order, then the sections, so that a bureau or an institution is not called the
    second team beside a section).  An organ under its own rules and its sections, and a
    dispatched unit, are not the town's team."""
    counted = set(ctx.counted)
    unit_roles = ctx.unit_roles
    found: list[tuple[int, int, int, Unit]] = []
    for n, unit in enumerate(ctx.units):
        if unit.kind == "dispatched" or unit.category == "own_rules":
            continue
        if unit.kind == "section" and unit.parent is not None and ctx.category_of(int(unit.parent[1])) == "own_rules":
            continue
        squad = (role == "comprehensive_enforcement" and unit.kind in ("section", "institution")
                 and ctx.pack.recognised("enforcement_unit", unit.name) is not None)  # 城管执法中队
        if role in unit_roles[n] or squad:
            body = int(unit.loc[1]) if unit.kind == "body" else -1
            # the body that IS the role (its name or written role says so, not a word in its name) stands
            # before one that only sounds like it: 综合行政执法局 before a 城管监察大队 written above it
            named = 0 if unit.kind == "body" and _is_the_role(ctx, body, role) else 1
            found.append((0 if body in counted else 2 if unit.kind == "section" else 1, named, n, unit))
    return [u for *_, u in sorted(found, key=lambda x: (x[0], x[1], x[2]))]


def _is_the_role(ctx: Context, i: int, role: str) -> bool:
    """Body `i` is read as `role` by its written role or by a name that names the role itself."""
    body = ctx.plan.bodies[i]
    if body.role is not None:  # written: what the plan says it is
        return role in ctx.roles_of(i)
    return ctx.pack.role_for_name(strip_town(split_second_name(body.name)[0], ctx.plan.town.name)) == role


def _under(ctx: Context, unit: Unit, first: Unit) -> bool:
    """The unit sits (at any depth) under the first one of its kind."""
    seen: set[Loc] = set()
    above = unit.parent
    while above is not None and above not in seen:
        if above == first.loc:
            return True
        seen.add(above)
        parent = ctx.graph.parent_of(int(above[1]))
        above = ("bodies", parent) if isinstance(parent, int) else None
    return False
