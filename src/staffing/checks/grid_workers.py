"""DOMAIN rule 8 ("1+4"): enough grid workers (网格员) for the resident population."""

from __future__ import annotations

import math
from collections.abc import Iterator

from pydantic import Field

from staffing.checks.base import Check, Options, Problem, cannot_check, not_provided
from staffing.checks.context import Context
from staffing.findings import Severity
from staffing.messages import label


class GridWorkersOptions(Options):
    # grid workers needed for every 1,000 residents; a pack that asks for more is stricter
    min_per_thousand: int | float | None = Field(None, gt=0, json_schema_extra={"direction": "min"})


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
    messages = ("ST604",)

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
