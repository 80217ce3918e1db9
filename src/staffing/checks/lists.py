"""DOMAIN rules 9 and 10, ST7xx: the five lists (the county's empowerment list and the town's
four), the duty-admission system, and the delegated powers with their catalogue."""

from __future__ import annotations

from collections.abc import Iterator

from staffing.checks.base import Check, Doc, Options, Problem, not_provided, option
from staffing.checks.context import Context
from staffing.findings import Severity
from staffing.messages import label
from staffing.words import Words

LIST_LABELS = {
    "empowerment": label("label.empowerment-list"),
    "power": label("label.power-list"),
    "responsibility": label("label.responsibility-list"),
    "service": label("label.service-list"),
    "lead_supporting": label("label.lead-and-supporting-responsibility-list"),
}


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
