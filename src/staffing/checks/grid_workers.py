"""DOMAIN rule 8 ("1+4"): enough grid workers (网格员) for the resident population."""

from __future__ import annotations

import math
from collections.abc import Iterator

from staffing.checks.base import Check, Doc, Options, Problem, cannot_check, not_provided, option
from staffing.checks.context import Context
from staffing.findings import Severity
from staffing.messages import label
from staffing.words import Words


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
    limit.  Where the grid is declared not provided, or the number of workers is unknown,
    the outcome is "cannot check".

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
        "限额。方案声明未提供网格或网格员人数未知时，结论为“无法检查”。",
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
        if grid is None or not residents:
            return
        if grid.workers is None:
            yield cannot_check(label("label.grid-workers"), ("grid", "workers"), trail=(label("label.grid"),),
                               option="min_per_thousand")
            return
        needed = math.ceil(residents * opts.min_per_thousand / 1000)
        if grid.workers < needed:
            yield Problem(
                "ST604",
                {"workers": grid.workers, "needed": needed, "residents": residents, "per": opts.min_per_thousand},
                ("grid", "workers"), trail=(label("label.grid"),), option="min_per_thousand",
            )
