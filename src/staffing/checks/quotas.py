"""DOMAIN rules 3 and 4: staffing never grows, except quota moved down with the work."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from staffing.checks.base import Check, Problem, cannot_check, not_provided
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
    messages = ("ST201.type", "ST201.type-plain", "ST201.total", "ST201.total-plain", "ST201.budget", "ST201.budget-moved",
                "ST201.posts")

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
                    {"type_zh": zh, "type_en": en, "after": g.after[t], "before": g.before[t], "moved": g.moved[t],
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
    messages = ("ST202",)

    def run(self, ctx: Context, opts: TransferUnrecordedOptions) -> Iterator[Problem]:
        if opts.require_document is False:
            return
        for i, t in enumerate(ctx.plan.transfers):
            if t.incoming and not t.recorded:  # moves between the town's own bodies need no county document
                zh, en = QUOTA_LABELS[t.type]
                yield Problem(
                    "ST202",
                    {"source": t.from_, "count": t.count, "type_zh": zh, "type_en": en},
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
    messages = ("ST203.over", "ST203.under", "ST203.type", "ST203.to")

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
                        {"type_zh": zh, "type_en": en,
                         "allowed_zh": [QUOTA_LABELS[x][0] for x in opts.types if x in QUOTA_LABELS],
                         "allowed_en": [QUOTA_LABELS[x][1] for x in opts.types if x in QUOTA_LABELS]},
                        ("transfers", i, "type"),
                        option="types",
                    )
        if opts.to_roles:
            yield from _to_other_bodies(ctx, moved_in, opts.to_roles)


def _to_other_bodies(ctx: Context, moved_in: list[tuple[int, Transfer]], to_roles: list[str]) -> Iterator[Problem]:
    """Quota moved down to a body of the plan that carries none of the roles the pack names
    (a transfer to the town as a whole says nothing about where the quota goes)."""
    wanted = set(to_roles)
    labels = [ctx.pack.role_label(r, "zh") for r in to_roles]
    labels_en = [ctx.pack.role_label(r, "en") for r in to_roles]
    for i, t in moved_in:
        if t.work is not None:  # it says what work it moves with: where that goes is ST605's one finding
            continue
        body = ctx.body_named(t.to)
        if body is None or ctx.roles_carried(body) & wanted:
            continue
        yield Problem("ST203.to", {"to": t.to, "roles_zh": labels, "roles_en": labels_en}, ("transfers", i, "to"),
                      trail=(label("label.transfers"), (t.to, t.to)), option="to_roles", severity=Severity.WARNING)
