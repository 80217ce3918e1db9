"""The checker's reading of a plan as every output shows it, worked out in one place: which
bodies it counts as 职能机构 and what it reads each of the others as (the report's table of
bodies, the chart's boxes), and the key figures a summary gives (the bodies counted, the
quotas and the people in post over the same holders).  So the summary workbook, the CSV, the
report and the chart never count a plan differently from the checks, or from each other."""

from __future__ import annotations

from dataclasses import dataclass

from staffing.checks.context import Context
from staffing.messages import render
from staffing.plan.model import Plan
from staffing.plan.summary import KeyFigures


@dataclass(frozen=True)
class BodyReading:
    """How the checker reads one body of `plan.bodies`.

    counted:  it counts toward the number of 职能机构 (ST101 and the packs' limits)
    kind:     counted: "mandatory" / "optional" (the pack names mandatory bodies) or "body";
              not counted: "zone" (the development zone's, under the town's own leadership),
              "nested" (under another body) or "category" (of a category the pack does not count)
    category: the pack's category of a body not counted for its category (own_rules, platform …)
    """

    counted: bool
    kind: str
    category: str | None = None


def body_readings(ctx: Context) -> list[BodyReading]:
    """Every body's reading, in the plan's order, from the context the checks read."""
    mandatory = ctx.pack.mandatory_roles
    not_counted = dict(ctx.not_counted)
    out: list[BodyReading] = []
    for i in range(len(ctx.plan.bodies)):
        reason = not_counted.get(i)
        if reason in ("zone", "nested"):
            out.append(BodyReading(False, reason))
        elif reason is not None:
            out.append(BodyReading(False, "category", reason))
        elif not mandatory:  # a pack without mandatory bodies makes none "self-chosen" either
            out.append(BodyReading(True, "body"))
        else:
            out.append(BodyReading(True, "mandatory" if set(ctx.roles_of(i)) & mandatory else "optional"))
    return out


def reading_words(ctx: Context, reading: BodyReading, lang: str, short: bool = False) -> str:
    """What a body is, as the checker read it: 职能机构（必设）, 下属机构（不计入职能机构数）…;
    `short` for a chart's box (职能机构·必设, 平台·不计数)."""
    form = "short" if short else "long"
    if reading.kind == "category":
        info = ctx.pack.categories.get(reading.category or "", {})
        name = str(info.get(lang) or info.get("zh") or reading.category)
        return render(f"tally.{form}.category", lang, {"category": name})
    return render(f"tally.{form}.{reading.kind}", lang, {})


def key_figures(ctx: Context) -> KeyFigures:
    """The figures a province summary shows of a plan, as the checks count them: the bodies
    counted as 职能机构 (the count ST101 judges), the town's own quota (the total ST201 judges:
    its bodies, the service centre and its institutions) and the people in post in those
    same holders, the quota before the reform, and the quota not yet filled (空编, ST954).
    None where a figure is unknown."""
    plan = ctx.plan
    quotas = ctx.quotas_after
    quota = None if None in quotas.values() else sum(v for v in quotas.values() if v is not None)
    actual: int | None = 0 if quota is not None else None
    holders = _holders(plan)
    for total, value in holders:
        if value is None and total == 0:  # holds no quota and says no head-count: none to count
            continue
        actual = None if actual is None or value is None else actual + value
    baseline = plan.baseline.quotas.total if plan.baseline is not None else None
    return KeyFigures(len(ctx.counted), quota, baseline, actual, _vacant(holders))


def _holders(plan: Plan) -> list[tuple[int | None, int | None]]:
    """(quota in all, people in post) of each holder of the town's own quota
    (`Plan.quota_holders`: its bodies, the service centre, its institutions)."""
    out = [(b.quotas.total, b.actual) for b in plan.bodies]
    if plan.support_center is not None:
        out.append((plan.support_center.quotas.total, plan.support_center.actual))
    out += [(c.quotas.total, c.actual) for c in plan.support_institutions]
    out += [(c.quotas.total, c.actual) for c in plan.institutions]
    return out


def _vacant(holders: list[tuple[int | None, int | None]]) -> int | None:
    """Quota held minus people in post, over everything whose quota is the town's own
    (`_holders`); a holder over its quota (超编, ST903) fills none of another's vacancies."""
    vacant = 0
    for total, actual in holders:
        if total is None or actual is None:
            if total == 0:  # holds no quota: nothing to be vacant
                continue
            return None
        vacant += max(total - actual, 0)
    return vacant
