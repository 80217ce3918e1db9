"""DOMAIN rules 3 and 4: staffing never grows, except quota moved down with the work."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from staffing.checks.base import Check, Doc, Problem, cannot_check, not_provided
from staffing.checks.context import Context
from staffing.checks.growth import (
    STAFFING_GROWS,
    TRANSFER_OUT_OF_RANGE,
    TRANSFER_UNRECORDED,
    StaffingOptions,
    TransferRangeOptions,
    TransferUnrecordedOptions,
)
from staffing.findings import Severity
from staffing.messages import label, render
from staffing.plan.model import QUOTA_LABELS, Plan, Transfer, explicit_unknown
from staffing.words import Words


class StaffingGrows(Check):
    """Staffing grows over the pre-reform baseline.

    ## What it checks
    The town's quotas after the reform (its bodies, support centre and any support
    institution; not dispatched units, whose quotas stay with their departments) are
    compared with the baseline, per quota type and in total.  Quota moved down from a
    higher level (编随事走) counts as growth only where the pack says so with its own
    source (`transfers_count_as_growth`; Taizhou: 1–2 administrative or fully funded
    institutional quotas), of a type and within the total the pack allows; a pack
    without it allows no growth at all (Jiangsu: "只减不增").  A transfer that lacks
    only its document number is reported once, by ST202, and not again here.  Where
    the pack says so, budget-funded people (财政供养人员) and approved leadership posts
    (领导职数) must not grow either; budget-funded people may grow by the quota
    legitimately moved down where the pack says so (Taizhou: "按照编制数及时补充人员").

    ## Why it matters
    "在编制总量不增的前提下" (001); "严控总量、盘活存量、只减不增 … 确保基层机构编制和财政
    供养人员总量只减不增" (003).  Staff may be pooled across posts in use, but the quotas
    do not grow.

    ## Example
    Bad (Taizhou): baseline administrative 40; bodies add up to 42; one transfer of 1 recorded.
    Good (Taizhou): bodies add up to 41 with that transfer, or 40 without it.
    Bad (Jiangsu developed town): 41 with a recorded transfer of 1 (the pack allows none).

    ## Fix
    Bring the quotas back to the baseline, or record the transfer from the county
    with its document number under `transfers`.
    """

    code = "ST201"
    slug = STAFFING_GROWS.slug
    rule = 3
    options = StaffingOptions
    title = Words("编制总量增长", "Staffing grows over the pre-reform baseline")
    messages = {
        "ST201.type": Words(
            "{type}{after}名，超过改革前{before}名与可计入的下划编制{moved}名之和，多{excess}名",
            "{type} {after}, over the baseline {before} plus {moved} moved down that may count, by {excess}",
        ),
        "ST201.type-plain": Words(
            "{type}{after}名，超过改革前的{before}名，多{excess}名",
            "{type} {after}, over the baseline of {before} by {excess}",
        ),
        "ST201.total": Words(
            "编制总数{after}名，超过改革前{before}名与可计入的下划编制{moved}名之和，多{excess}名",
            "total quota {after}, over the baseline {before} plus {moved} moved down that may count, by {excess}",
        ),
        "ST201.total-plain": Words(
            "编制总数{after}名，超过改革前的{before}名，多{excess}名",
            "total quota {after}, over the baseline of {before} by {excess}",
        ),
        "ST201.budget": Words(
            "财政供养人员{after}人，超过改革前的{before}人，多{excess}人",
            "{after} budget-funded people, over the baseline of {before} by {excess}",
        ),
        "ST201.budget-moved": Words(
            "财政供养人员{after}人，超过改革前的{before}人与按下划编制补充的{moved}人之和，多{excess}人",
            "{after} budget-funded people, over the baseline of {before} plus {moved} for quota moved down, by {excess}",
        ),
        "ST201.posts": Words(
            "领导职数{after}名，超过改革前的{before}名，多{excess}名",
            "{after} leadership posts, over the baseline of {before} by {excess}",
        ),
    }
    doc_zh = Doc(
        "改革后乡镇的编制（职能机构、综合服务中心和支持保障类事业单位的编制，不含派驻机构，其编制仍属派出部门）"
        "与改革前基数比较，按编制类型分别比较，也比较总数。上级下划的编制（编随事走），只有规则包以自己的依据允许时"
        "（`transfers_count_as_growth`；泰州：1至2名行政编制或全额拨款事业编制），且类型和数量在允许范围内，才能计入"
        "增长；没有这项规定的规则包不允许任何增长（江苏：“只减不增”）。只缺文号的下划编制由`ST202`报告一次，本检查不再"
        "重复。规则包要求时，财政供养人员和领导职数也不得增加；规则包允许时，财政供养人员可以按依规下划的编制补充"
        "（泰州：“按照编制数及时补充人员”）。",
        "“在编制总量不增的前提下”（《如何推进经济发达镇行政管理体制改革》）；“严控总量、盘活存量、只减不增……确保基层"
        "机构编制和财政供养人员总量只减不增”（《关于深化经济发达镇行政管理体制改革工作的意见》）。人员可以统筹使用，"
        "编制不得增加。",
        "错误示例（泰州）：改革前行政编制40名，各机构合计42名，记录了1名下划编制。\n"
        "正确示例（泰州）：有这1名下划编制时合计41名，没有时40名。\n"
        "错误示例（江苏经济发达镇）：记录了1名下划编制，合计41名（该规则包不允许增长）。",
        "把编制压回改革前基数，或在`transfers`下记录县级下划的编制及其文号。",
    )

    def run(self, ctx: Context, opts: StaffingOptions) -> Iterator[Problem]:
        plan = ctx.plan
        baseline = plan.baseline
        if baseline is None:
            yield not_provided("baseline", option="per_type")
            return
        # growth that only lacks its document is ST202's one finding: counted as if recorded
        g = ctx.growth
        assert g is not None  # the baseline is given
        unknown = g.unknown_types
        if unknown:
            yield _cannot_check_quotas(plan, unknown, g.after)
        if opts.per_type is not False:
            for t in g.grown_types:
                zh, en = QUOTA_LABELS[t]
                yield Problem(
                    "ST201.type" if g.moved[t] else "ST201.type-plain",
                    {"type": Words(zh, en), "after": g.after[t], "before": g.before[t], "moved": g.moved[t],
                     "excess": g.excess(t)},
                    _where(plan, t),
                    trail=(label("label.quotas"), (zh, en)),
                    option="per_type",
                )
        total_moved = g.total_moved
        if g.total_excess is not None and g.total_excess > 0:
            yield Problem(
                "ST201.total" if total_moved else "ST201.total-plain",
                {"after": g.total_after, "before": g.total_before, "moved": total_moved, "excess": g.total_excess},
                _where(plan, None),
                trail=(label("label.quotas"), label("label.total")),
                option="per_type",
            )
        staff_moved = total_moved if opts.budget_funded_follows_transfers else 0
        if opts.budget_funded and explicit_unknown(plan, "budget_funded"):
            yield cannot_check(label("label.budget-funded-people"), ("budget_funded",),
                               trail=(label("label.budget-funded-people"),), option="budget_funded")
        elif opts.budget_funded and explicit_unknown(baseline, "budget_funded"):
            yield cannot_check(label("label.budget-funded-people"), ("baseline", "budget_funded"),
                               trail=(label("label.baseline"),), option="budget_funded")
        elif (opts.budget_funded and plan.budget_funded is not None and baseline.budget_funded is not None
                and plan.budget_funded > baseline.budget_funded + staff_moved):
            yield Problem(
                "ST201.budget-moved" if staff_moved else "ST201.budget",
                {"after": plan.budget_funded, "before": baseline.budget_funded, "moved": staff_moved,
                 "excess": plan.budget_funded - baseline.budget_funded - staff_moved},
                ("budget_funded",),
                trail=(label("label.budget-funded-people"),),
                option="budget_funded",
            )
        if opts.leadership_posts and baseline.leadership_posts is not None:
            posts = plan.leadership_posts()
            if posts is None:
                yield cannot_check(label("label.leadership-posts"), ("baseline", "leadership_posts"),
                                   trail=(label("label.leadership-posts"),), option="leadership_posts")
            elif posts > baseline.leadership_posts:
                yield Problem(
                    "ST201.posts",
                    {"after": posts, "before": baseline.leadership_posts, "excess": posts - baseline.leadership_posts},
                    ("baseline", "leadership_posts"),
                    trail=(label("label.leadership-posts"),),
                    option="leadership_posts",
                )


def _cannot_check_quotas(plan: Plan, unknown: list[str], after: Mapping[str, int | None]) -> Problem:
    """One "cannot check" for every quota type unknown, at the first field that is unknown."""
    zh = "、".join(QUOTA_LABELS[t][0] for t in unknown)
    en = ", ".join(QUOTA_LABELS[t][1] for t in unknown)
    first = unknown[0]
    loc: tuple[str | int, ...]
    if after[first] is None:
        found = plan.unknown_quota_at(first)
        if found is None:  # a section holding quotas is not provided
            loc = ("not_provided",)
        else:
            loc, name = found
            zh, en = render("unknown.of", "zh", {"name": name, "what": zh}), render("unknown.of", "en", {"name": name, "what": en})
    else:
        loc = ("baseline", "quotas", first)
        zh, en = label("label.baseline")[0] + zh, label("label.baseline")[1] + " " + en
    return cannot_check((zh, en), loc, trail=(label("label.quotas"),), option="per_type")


def _where(plan: Plan, quota_type: str | None) -> tuple[str | int, ...]:
    """Point at the plan's stated total when it has one, else at its list of bodies."""
    if plan.totals is not None:
        if quota_type is None:
            return ("totals", "quotas")
        if quota_type in plan.totals.quotas.model_fields_set:
            return ("totals", "quotas", quota_type)
        return ("totals", "quotas")
    return ("bodies",)


class TransferUnrecorded(Check):
    """A quota transfer has no document.

    ## What it checks
    Every entry under `transfers` that moves quota into the town from a higher level
    (not `level: town`, a move between the town's own bodies) must name the document
    (文号) that moved it.  An unrecorded transfer is not legitimate growth: the
    staffing check ignores it.

    ## Why it matters
    Quota follows the duties (编随事走, 004) only when the county records it; the
    county's own total must fall by the same amount, which cannot be checked without
    the document.

    ## Example
    Bad:  - {from: 泰兴市, to: 虹桥镇, type: administrative, count: 1}
    Good: - {from: 泰兴市, to: 虹桥镇, type: administrative, count: 1, document: 泰编〔2019〕8号}

    ## Fix
    Add the document number of the county's decision, or remove the transfer and
    the quota it added.
    """

    code = "ST202"
    slug = TRANSFER_UNRECORDED.slug
    rule = 4
    options = TransferUnrecordedOptions
    title = Words("编制划转无文号", "A quota transfer has no document")
    messages = {
        "ST202": Words(
            "从{source}划入的{type}{count}名没有记录文号，不能作为编制增长的依据",
            "the transfer of {count} {type} from {source} has no document number and cannot justify growth",
        ),
    }
    doc_zh = Doc(
        "`transfers`下从上级划入乡镇的每一条编制划转（`level: town`表示乡镇内部机构之间的调整，不在此列），都要写明"
        "划转的文号。没有文号的划转不是合规的增长，编制总量检查不予计入。",
        "编随事走（《关于推进基层整合审批服务执法力量的实施方案》）须由县级记录在案；县级编制总数也要相应减少，"
        "没有文号就无法核对。",
        "错误示例：\n"
        "    - {from: 泰兴市, to: 虹桥镇, type: administrative, count: 1}\n"
        "正确示例：\n"
        "    - {from: 泰兴市, to: 虹桥镇, type: administrative, count: 1, document: 泰编〔2019〕8号}",
        "补上县级决定的文号，或删除该条划转及其增加的编制。",
    )

    def run(self, ctx: Context, opts: TransferUnrecordedOptions) -> Iterator[Problem]:
        if opts.require_document is False:
            return
        for i, t in enumerate(ctx.plan.transfers):
            if t.incoming and not t.recorded:  # moves between the town's own bodies need no county document
                zh, en = QUOTA_LABELS[t.type]
                yield Problem(
                    "ST202",
                    {"source": t.from_, "count": t.count, "type": Words(zh, en)},
                    ("transfers", i),
                    trail=(label("label.transfers"), (f"{t.from_}→{t.to}", f"{t.from_}→{t.to}")),
                    option="require_document",
                )


_TRANSFERS = (label("label.transfers"),)


class TransferOutOfRange(Check):
    """Quota moved down outside the pack's range or of a type it does not allow.

    ## What it checks
    Adds up the transfers into the town from a higher level (a missing document is
    ST202's finding, not a shortfall here) and compares the sum with the pack's range;
    each transfer's quota type must be one the pack allows.  Too little moved down is a
    warning: moving the quota is the county's duty, not the town's.  Where the pack names
    the bodies the quota should strengthen (`to_roles`; Taizhou: enforcement and service),
    a transfer to another body of the plan is a warning (one that says what work it moves
    with, `work`, is judged by ST605 instead).

    ## Why it matters
    Taizhou: "从上往下跨层级调剂1至2名行政编制或者全额拨款事业编制给每个乡镇(街道)" (004).

    ## Example
    Bad: three administrative quotas moved down, or one self-funded quota.
    Good: one or two administrative or fully funded institutional quotas.

    ## Fix
    Keep the transfer within the range and types the pack allows.
    """

    code = "ST203"
    slug = TRANSFER_OUT_OF_RANGE.slug
    rule = 4
    options = TransferRangeOptions
    title = Words("下划编制超出范围或类型", "Quota moved down outside the pack's range or of a type it does not allow")
    messages = {
        "ST203.over": Words("下划编制共{count}名，超过上限{limit}名", "{count} quotas moved down in all, over the limit of {limit}"),
        "ST203.under": Words(
            "下划编制共{count}名，少于应下划的{limit}名；下划编制是{county}的职责，不是本方案的错误，请与{county}机构编制部门核实",
            "{count} quotas moved down in all, under the required {limit}; moving them down is {county}'s duty, not a fault of "
            "this plan: check with {county}'s establishment office",
        ),
        "ST203.type": Words(
            "下划的{type}不在允许的类型内（允许：{allowed}）",
            "{type} moved down is not an allowed type (allowed: {allowed})",
        ),
        "ST203.to": Words(
            "下划编制划入{to}；应充实到{roles}等职能机构",
            "quota moved down goes to {to}; it should strengthen bodies such as {roles}",
        ),
    }
    doc_zh = Doc(
        "把从上级划入乡镇的编制加总（缺文号的由`ST202`报告，这里不算少划），与规则包规定的范围比较；每条划转的编制"
        "类型都必须是规则包允许的类型。下划不足只是警告：下划编制是县级的职责，不是乡镇的。规则包写明下划编制应充实"
        "的机构时（`to_roles`；泰州：执法和服务），划入其他机构的给出警告。",
        "泰州：“从上往下跨层级调剂1至2名行政编制或者全额拨款事业编制给每个乡镇（街道）”（《关于推进基层整合审批服务执法力量的实施方案》）。",
        "错误示例：下划3名行政编制，或下划1名自收自支事业编制。\n"
        "正确示例：下划1至2名行政编制或全额拨款事业编制。",
        "把下划编制控制在规则包允许的数量和类型之内。",
    )

    def run(self, ctx: Context, opts: TransferRangeOptions) -> Iterator[Problem]:
        if (opts.min is not None or opts.max is not None) and not ctx.plan.provided("transfers"):
            yield not_provided("transfers", option="min" if opts.min is not None else "max")
            return
        # every transfer from above counts, recorded or not: a missing document is ST202's
        # finding alone, not also a shortfall here
        moved_in = [(i, t) for i, t in enumerate(ctx.plan.transfers) if t.incoming]
        total = sum(t.count for _, t in moved_in)
        if opts.max is not None and total > opts.max:
            yield Problem("ST203.over", {"count": total, "limit": opts.max}, ("transfers",), trail=_TRANSFERS,
                          option="max", at_key=True)
        if opts.min is not None and total < opts.min:
            # moving the quota down is the county's duty, not the town's: a warning on the
            # town's plan (the county file's record is held against the towns by ST951)
            yield Problem("ST203.under", {"count": total, "limit": opts.min, "county": ctx.plan.town.county},
                          ("transfers",), trail=_TRANSFERS,
                          option="min", at_key=True, severity=Severity.WARNING)
        if opts.types:
            for i, t in moved_in:
                if t.type not in opts.types:
                    zh, en = QUOTA_LABELS[t.type]
                    yield Problem(
                        "ST203.type",
                        {"type": Words(zh, en),
                         "allowed": [Words(*QUOTA_LABELS[x]) for x in opts.types if x in QUOTA_LABELS]},
                        ("transfers", i, "type"),
                        option="types",
                    )
        if opts.to_roles:
            yield from _to_other_bodies(ctx, moved_in, opts.to_roles)


def _to_other_bodies(ctx: Context, moved_in: list[tuple[int, Transfer]], to_roles: list[str]) -> Iterator[Problem]:
    """Quota moved down to a body of the plan that carries none of the roles the pack names
    (a transfer to the town as a whole says nothing about where the quota goes)."""
    wanted = set(to_roles)
    roles = [Words(ctx.pack.role_label(r, "zh"), ctx.pack.role_label(r, "en")) for r in to_roles]
    for i, t in moved_in:
        if t.work is not None:  # it says what work it moves with: where that goes is ST605's one finding
            continue
        body = ctx.body_named(t.to)
        if body is None or ctx.roles_carried(body) & wanted:
            continue
        yield Problem("ST203.to", {"to": t.to, "roles": roles}, ("transfers", i, "to"),
                      trail=(label("label.transfers"), (t.to, t.to)), option="to_roles", severity=Severity.WARNING)
