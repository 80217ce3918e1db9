"""DOMAIN rules 8 to 11: the 1+4 elements, the five lists, delegated powers, and which
units a pack covers."""

from __future__ import annotations

import math
from collections.abc import Iterator

from pydantic import Field

from staffing.checks.base import Check, Options, Problem, cannot_check, not_provided
from staffing.checks.context import Context
from staffing.findings import Severity
from staffing.messages import CATALOGUE, label
from staffing.plan.names import normalize, strip_town

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
    elements: list[str] | None = Field(None, json_schema_extra={"direction": "set"})


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
    messages = ("ST601", "ST601.host")
    slug = "missing-element"
    rule = 8
    options = ElementOptions

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
            yield Problem("ST601", {"element_zh": zh, "element_en": en}, loc, option="elements")
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
    residents_per_grid: int | None = Field(None, gt=0, json_schema_extra={"direction": "max"})
    worker_per_grid: bool | None = Field(None, json_schema_extra={"direction": "require"})


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
    messages = ("ST602.grids", "ST602.workers")
    slug = "grid-too-coarse"
    rule = 8
    severity = Severity.WARNING
    options = GridOptions

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
    staffed_24h: bool | None = Field(None, json_schema_extra={"direction": "require"})


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
    messages = ("ST603",)
    slug = "command-centre-not-staffed"
    rule = 8
    options = CommandOptions

    def run(self, ctx: Context, opts: CommandOptions) -> Iterator[Problem]:
        centre = ctx.plan.command_center
        if opts.staffed_24h and not ctx.plan.provided("command_center"):
            yield not_provided("command_center", option="staffed_24h")
        elif opts.staffed_24h and centre is not None and not centre.staffed_24h:
            yield Problem("ST603", {"name": centre.name}, ("command_center",), option="staffed_24h",
                          trail=((centre.name, centre.name),))


_LISTS = (label("label.lists"),)


class ListOptions(Options):
    lists: list[str] | None = Field(None, json_schema_extra={"direction": "set"})
    duty_admission: bool | None = Field(None, json_schema_extra={"direction": "require"})


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
    messages = ("ST701", "ST701.document", "ST701.admission")
    slug = "missing-list"
    rule = 9
    options = ListOptions

    def run(self, ctx: Context, opts: ListOptions) -> Iterator[Problem]:
        lists = ctx.plan.lists
        if (opts.lists or opts.duty_admission) and not ctx.plan.provided("lists"):
            yield not_provided("lists", option="lists" if opts.lists else "duty_admission")
            return
        for name in opts.lists or []:
            entry = getattr(lists, name, None)
            zh, en = LIST_LABELS.get(name, (name, name))
            if entry is None or not entry.present:
                yield Problem("ST701", {"list_zh": zh, "list_en": en},
                              ("lists", name) if entry is not None else ("lists",), trail=_LISTS, option="lists")
            elif not (entry.document or "").strip():
                yield Problem("ST701.document", {"list_zh": zh, "list_en": en}, ("lists", name),
                              trail=(*_LISTS, (zh, en)), option="lists")
        if opts.duty_admission and not lists.duty_admission:
            yield Problem("ST701.admission", {}, ("lists", "duty_admission") if lists.duty_admission is not None else ("lists",),
                          trail=_LISTS, option="duty_admission")


class PowersOptions(Options):
    require_catalogue: bool | None = Field(None, json_schema_extra={"direction": "require"})
    returned_documented: bool | None = Field(None, json_schema_extra={"direction": "require"})
    powers_expected: bool | None = Field(None, json_schema_extra={"direction": "require"})


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
    messages = ("ST702", "ST702.none", "ST702.actor", "ST702.returned", "ST702.some")
    slug = "powers-not-catalogued"
    rule = 10
    options = PowersOptions

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
    only_towns: bool | None = Field(None, json_schema_extra={"direction": "require"})
    # the towns approved as developed towns ("county + town", either script); a plan claiming
    # developed_town: true is one of them or records its approval (developed_town_document)
    listed_towns: list[str] | None = Field(None, json_schema_extra={"direction": "allow"})  # the towns named as developed
    pilot_towns: list[str] | None = Field(None, json_schema_extra={"direction": "allow"})


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
    messages = ("ST801", "ST801.unlisted")
    slug = "developed-town-not-a-town"
    rule = 11
    options = OnlyTownsOptions

    def run(self, ctx: Context, opts: OnlyTownsOptions) -> Iterator[Problem]:
        town = ctx.plan.town
        if opts.only_towns is not False and town.developed_town and town.unit_type != "town":
            zh, en = label(f"unit.{town.unit_type}")
            yield Problem("ST801", {"unit_type": town.unit_type, "unit_zh": zh, "unit_en": en},
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
    messages = ("ST802", "ST802.developed")
    slug = "pack-not-applicable"
    rule = 11
    others_advisory = True

    def run(self, ctx: Context, opts: Options) -> Iterator[Problem]:
        applies = ctx.pack.applies_to
        if applies and ctx.plan.town.unit_type not in applies:
            unit = ctx.plan.town.unit_type
            kinds = [label(f"unit.{a}") for a in applies if f"unit.{a}" in CATALOGUE]
            yield Problem("ST802", {"unit_type": unit, "unit_zh": label(f"unit.{unit}")[0],
                                    "unit_en": label(f"unit.{unit}")[1], "pack": ctx.pack.id,
                                    "pack_zh": ctx.pack.title.get("zh", ctx.pack.id),
                                    "pack_en": ctx.pack.title.get("en", ctx.pack.id),
                                    "applies": applies, "applies_zh": [zh for zh, _ in kinds],
                                    "applies_en": [en for _, en in kinds]},
                          ("rule_pack",))
        needs = ctx.pack.requires.get("developed_town")
        if needs is not None and needs.value and not ctx.plan.town.developed_town:
            yield Problem("ST802.developed", {"pack": ctx.pack.id, "pack_zh": ctx.pack.title.get("zh", ctx.pack.id),
                                              "pack_en": ctx.pack.title.get("en", ctx.pack.id), "name": ctx.plan.town.name},
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
    messages = ("ST803",)
    slug = "plan-before-pack"
    rule = 11
    severity = Severity.WARNING

    def run(self, ctx: Context, opts: Options) -> Iterator[Problem]:
        effective, dated = ctx.pack.effective, ctx.plan.plan_date
        if effective is None or dated is None or dated >= effective:
            return
        cite = ctx.pack.effective_source
        yield Problem(
            "ST803",
            {"date": dated.isoformat(), "effective": effective.isoformat(),
             "pack_zh": ctx.pack.title.get("zh", ctx.pack.id), "pack_en": ctx.pack.title.get("en", ctx.pack.id)},
            ("plan_date",),
            cite=(cite + (" (inferred)" if ctx.pack.effective_inferred else "")) if cite else None,
        )
