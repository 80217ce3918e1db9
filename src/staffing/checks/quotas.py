"""DOMAIN rules 3 and 4: staffing never grows, except quota moved down with the work."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, Field

from staffing.checks.base import Check, Options, Problem, cannot_check, not_provided
from staffing.findings import Severity
from staffing.messages import CATALOGUE, label, render
from staffing.plan.context import Context
from staffing.plan.model import QUOTA_TYPES, LeadershipPost, Plan, Quotas, Transfer

# Full names of the quota types, from the catalogue ("quota.<type>").
QUOTA_LABELS: dict[str, tuple[str, str]] = {t: CATALOGUE[f"quota.{t}"] for t in QUOTA_TYPES}


# sections whose quotas are part of the town's: declared not provided, every total is unknown
_QUOTA_SECTIONS = ("support_center", "institutions", "support_institutions")


def quota_holders(plan: Plan) -> list[tuple[tuple[str | int, ...], Quotas]]:
    """(loc, quotas) of everything whose quotas are the town's own: its bodies, the support
    centre and its institutions.  Dispatched units' quotas belong to their parent
    departments and sub-units are part of their body's."""
    holders: list[tuple[tuple[str | int, ...], Quotas]] = [(("bodies", i), b.quotas) for i, b in enumerate(plan.bodies)]
    if plan.support_center is not None:
        holders.append((("support_center",), plan.support_center.quotas))
    holders.extend((("support_institutions", i), c.quotas) for i, c in enumerate(plan.support_institutions))
    holders.extend((("institutions", i), c.quotas) for i, c in enumerate(plan.institutions))
    return holders


def plan_quotas(plan: Plan) -> dict[str, int | None]:
    """The town's own quotas by type; None for a type that is unknown somewhere (or when a
    section holding quotas is declared not provided)."""
    totals: dict[str, int | None] = dict.fromkeys(QUOTA_TYPES, 0)
    if any(not plan.provided(s) for s in _QUOTA_SECTIONS):
        return dict.fromkeys(QUOTA_TYPES)
    for _, q in quota_holders(plan):
        d = q.__dict__
        for t in QUOTA_TYPES:
            have = totals[t]
            totals[t] = None if have is None or d[t] is None else have + d[t]
    return totals


def unknown_quota_at(plan: Plan, quota_type: str) -> tuple[tuple[str | int, ...], str] | None:
    """Where a quota type is first unknown: (loc of the field, the holder's name)."""
    names: dict[tuple[str | int, ...], str] = {("bodies", i): b.name for i, b in enumerate(plan.bodies)}
    if plan.support_center is not None:
        names[("support_center",)] = plan.support_center.name
    names.update({("support_institutions", i): c.name for i, c in enumerate(plan.support_institutions)})
    names.update({("institutions", i): c.name for i, c in enumerate(plan.institutions)})
    for loc, q in quota_holders(plan):
        if q.get(quota_type) is None:
            return loc + ("quotas", quota_type), names[loc]
    return None


def _posts(posts: list[LeadershipPost]) -> int | None:
    out = 0
    for p in posts:
        if p.approved is None:
            return None
        out += p.approved
    return out


def plan_leadership_posts(plan: Plan) -> int | None:
    """Approved leadership posts in every body and institution; None when any is unknown."""
    groups = [b.leadership for b in plan.bodies] + [c.leadership for c in plan.support_institutions]
    groups += [c.leadership for c in plan.institutions]
    if plan.support_center is not None:
        groups.append(plan.support_center.leadership)
    total = 0
    for g in groups:
        n = _posts(g)
        if n is None:
            return None
        total += n
    return total


def explicit_unknown(model: BaseModel, field: str) -> bool:
    """The plan writes the field as null (~): unknown, not merely left out."""
    return field in model.model_fields_set and getattr(model, field) is None


def is_recorded(t: Transfer) -> bool:
    return bool(t.document and t.document.strip())


def incoming(plan: Plan) -> list[tuple[int, Transfer]]:
    """Transfers from a higher level into the town."""
    return [(i, t) for i, t in enumerate(plan.transfers) if t.level != "town"]


def _moves(ctx: Context, recorded: bool) -> dict[str, int]:
    """Quota moved down into the town that may count as growth, by type: transfers from a
    higher level, recorded (or, with recorded=False, those that lack only their document),
    only where the pack lets transfers count as growth, of the types it allows and up to
    its maximum in all (in the order the plan lists them).  What lies beyond is ST203's."""
    moved = dict.fromkeys(QUOTA_TYPES, 0)
    if not ctx.pack.options(StaffingGrows).transfers_count_as_growth:
        return moved  # a pack without its own source for it allows no growth by transfer
    setting = ctx.pack.setting(TransferOutOfRange)
    limits = ctx.pack.options(TransferOutOfRange) if setting is not None and setting.enabled else None
    room = limits.max if limits is not None and limits.max is not None else None
    allowed = set(limits.types) if limits is not None and limits.types else None
    for _, tr in incoming(ctx.plan):
        if allowed is not None and tr.type not in allowed:
            continue
        count = tr.count if room is None else min(tr.count, room)
        if room is not None:
            room -= count
        if is_recorded(tr) == recorded:
            moved[tr.type] += count
    return moved


def legitimate_moves(ctx: Context) -> dict[str, int]:
    """Recorded quota moved down that counts as growth, by type (see `_moves`)."""
    return _moves(ctx, recorded=True)


def undocumented_moves(ctx: Context) -> dict[str, int]:
    """Quota that would count as growth but for its missing document: ST202 reports it
    (one finding for one missing number), so ST201 does not count it again.  Zero when the
    pack does not ask for documents, since then nobody reports it."""
    setting = ctx.pack.setting(TransferUnrecorded)
    if setting is None or not setting.enabled or ctx.pack.options(TransferUnrecorded).require_document is False:
        return dict.fromkeys(QUOTA_TYPES, 0)
    return _moves(ctx, recorded=False)


class StaffingOptions(Options):
    per_type: bool | None = Field(None, json_schema_extra={"direction": "require"})
    budget_funded: bool | None = Field(None, json_schema_extra={"direction": "require"})
    leadership_posts: bool | None = Field(None, json_schema_extra={"direction": "require"})
    # quota moved down from above may count as growth (a loosening, hence "max": True > False)
    transfers_count_as_growth: bool | None = Field(None, json_schema_extra={"direction": "max"})
    # budget-funded people may grow by the quota legitimately moved down (filled as it comes)
    budget_funded_follows_transfers: bool | None = Field(None, json_schema_extra={"direction": "max"})


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
    slug = "staffing-grows"
    rule = 3
    options = StaffingOptions

    def run(self, ctx: Context, opts: StaffingOptions) -> Iterator[Problem]:
        plan = ctx.plan
        baseline = plan.baseline
        if baseline is None:
            yield not_provided("baseline", option="per_type")
            return
        after = ctx.plan_quotas
        before = {t: baseline.quotas.get(t) for t in QUOTA_TYPES}
        # growth that only lacks its document is ST202's one finding: counted here as if recorded
        documented, pending = legitimate_moves(ctx), undocumented_moves(ctx)
        moved = {t: documented[t] + pending[t] for t in QUOTA_TYPES}
        unknown = [t for t in QUOTA_TYPES if after[t] is None or before[t] is None]
        if unknown:
            yield _cannot_check_quotas(plan, unknown, after)
        if opts.per_type is not False:
            for t in QUOTA_TYPES:
                a, b = after[t], before[t]
                if a is not None and b is not None and a > b + moved[t]:
                    zh, en = QUOTA_LABELS[t]
                    yield Problem(
                        "ST201.type",
                        {"type_zh": zh, "type_en": en, "after": a, "before": b, "moved": moved[t],
                         "excess": a - b - moved[t]},
                        _where(plan, t),
                        trail=(label("label.quotas"), (zh, en)),
                        option="per_type",
                    )
        total_after = sum(v for v in after.values() if v is not None)
        total_before = sum(v for v in before.values() if v is not None)
        total_moved = sum(moved.values())
        if not unknown and total_after > total_before + total_moved:
            yield Problem(
                "ST201.total",
                {"after": total_after, "before": total_before, "moved": total_moved,
                 "excess": total_after - total_before - total_moved},
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
            posts = plan_leadership_posts(plan)
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


def _cannot_check_quotas(plan: Plan, unknown: list[str], after: dict[str, int | None]) -> Problem:
    """One "cannot check" for every quota type unknown, at the first field that is unknown."""
    zh = "、".join(QUOTA_LABELS[t][0] for t in unknown)
    en = ", ".join(QUOTA_LABELS[t][1] for t in unknown)
    first = unknown[0]
    loc: tuple[str | int, ...]
    if after[first] is None:
        found = unknown_quota_at(plan, first)
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


class TransferUnrecordedOptions(Options):
    require_document: bool | None = Field(None, json_schema_extra={"direction": "require"})


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
    slug = "transfer-unrecorded"
    rule = 4
    options = TransferUnrecordedOptions

    def run(self, ctx: Context, opts: TransferUnrecordedOptions) -> Iterator[Problem]:
        if opts.require_document is False:
            return
        for i, t in incoming(ctx.plan):  # moves between the town's own bodies need no county document
            if not is_recorded(t):
                zh, en = QUOTA_LABELS[t.type]
                yield Problem(
                    "ST202",
                    {"source": t.from_, "count": t.count, "type_zh": zh, "type_en": en},
                    ("transfers", i),
                    trail=(label("label.transfers"), (f"{t.from_}→{t.to}", f"{t.from_}→{t.to}")),
                    option="require_document",
                )


_TRANSFERS = (label("label.transfers"),)


class TransferRangeOptions(Options):
    min: int | None = Field(None, ge=0, json_schema_extra={"direction": "min"})
    max: int | None = Field(None, ge=0, json_schema_extra={"direction": "max"})
    types: list[str] | None = Field(None, json_schema_extra={"direction": "set"})


class TransferOutOfRange(Check):
    """Quota moved down outside the pack's range or of a type it does not allow.

    ## What it checks
    Adds up the transfers into the town from a higher level (a missing document is
    ST202's finding, not a shortfall here) and compares the sum with the pack's range;
    each transfer's quota type must be one the pack allows.  Too little moved down is a
    warning: moving the quota is the county's duty, not the town's.

    ## Why it matters
    Taizhou: "从上往下跨层级调剂1至2名行政编制或者全额拨款事业编制给每个乡镇(街道)" (004).

    ## Example
    Bad: three administrative quotas moved down, or one self-funded quota.
    Good: one or two administrative or fully funded institutional quotas.

    ## Fix
    Keep the transfer within the range and types the pack allows.
    """

    code = "ST203"
    slug = "transfer-out-of-range"
    rule = 4
    options = TransferRangeOptions

    def run(self, ctx: Context, opts: TransferRangeOptions) -> Iterator[Problem]:
        if (opts.min is not None or opts.max is not None) and not ctx.plan.provided("transfers"):
            yield not_provided("transfers", option="min" if opts.min is not None else "max")
            return
        # every transfer from above counts, recorded or not: a missing document is ST202's
        # finding alone, not also a shortfall here
        moved_in = incoming(ctx.plan)
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
