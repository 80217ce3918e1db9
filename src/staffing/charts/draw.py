"""The charts of a checked run (`staffing check --charts DIR`), drawn on every core.

The plans are checked the normal way first (the result cache, every core); what a chart
needs beyond a result (the plan's bodies) is read again in the worker that draws it, with
the pack the result names.  Each worker lays the chart out for the sheet and runs `dot`
for the SVG and the PNG; the parent gets back, per plan, the lines to tell the user, and
tells them in the order of the plans, so the output does not depend on which worker
finished first."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from staffing.charts.paper import Fitted, Sheet, fit
from staffing.charts.render import RenderError, chart_dot, chart_time, render, top_count
from staffing.checks.context import Context
from staffing.checks.pack import Pack
from staffing.errors import InputProblem, visible
from staffing.findings import Finding
from staffing.io.output import inside, write_atomic
from staffing.messages import render as render_message
from staffing.run.pipeline import Source, context_of
from staffing.run.results import Settings


def pack_title(pack: Pack, lang: str) -> str:
    return pack.title.get(lang) or pack.id


def fitted_chart(ctx: Context, findings: Sequence[Finding], lang: str, font: str, sheet: Sheet,
                 draw: str | None = None, sized: bool = False) -> Fitted:
    """The org chart laid out for `sheet`: bodies wrapped into rows, scaled to fit; with
    `draw`, also drawn in that format at its natural size, or with `sized` at the sheet's
    (see `paper.fit`)."""
    title = pack_title(ctx.pack, lang)

    def make(per_row: int | None) -> str:
        return chart_dot(ctx, findings, pack_title=title, lang=lang, font=font, per_row=per_row)

    return fit(make, top_count(ctx), sheet, draw, sized)


@dataclass(frozen=True)
class Setup:
    """What every chart of a run shares: where, in which language, font and sheet, and the
    paper's name for the message about a chart too big for it."""

    folder: str
    lang: str
    font: str
    sheet: Sheet
    paper: str
    orientation: str
    settings: Settings


@dataclass(frozen=True)
class Job:
    path: str  # the plan, as the run shows it
    name: str  # the chart's file name, without a suffix
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class Outcome:
    """What drawing one chart came to: the lines to tell the user, whether both files
    were drawn, and whether the folder could not be written at all (the run stops)."""

    lines: tuple[str, ...] = ()
    drawn: bool = False
    unwritable: bool = False
    failed: bool = False


def too_big(where: str, fitted: Fitted, lang: str, paper: str, orientation: str) -> str | None:
    """The warning for a chart no layout fits on the sheet, or None."""
    if fitted.fits:
        return None
    width_mm, height_mm = (round(x * 25.4) for x in fitted.size)
    text = render_message("render.too-big", lang, {
        "paper": paper, "orientation": render_message(f"render.{orientation}", lang, {}),
        "width": width_mm, "height": height_mm,
    })
    return f"{where}: {text}"


def draw(job: Job, setup: Setup) -> Outcome:
    """One plan's chart, SVG and PNG, into the folder.  Whatever goes wrong with it is said
    in its own lines, and the other charts are drawn all the same."""
    try:
        with chart_time():  # every run of dot for this chart together: CHART_SECONDS
            return _draw(job, setup)
    except Exception as exc:  # a bug of ours in one chart: said for that chart, not the run's end
        reason = f"{type(exc).__name__}: {exc}"[:200]
        return Outcome((f"{job.path}: {render_message('input.internal', setup.lang, {'reason': visible(reason)})}",),
                       failed=True)


def _draw(job: Job, setup: Setup) -> Outcome:
    lang = setup.lang
    try:
        ctx = context_of(Source(job.path), setup.settings)
    except InputProblem as exc:  # changed or gone since it was checked
        return Outcome((f"{exc.where()}: {exc.message(lang)}",), failed=True)
    try:  # the SVG from the runs of dot that chose the layout, where the chart fits the sheet
        fitted = fitted_chart(ctx, job.findings, lang, setup.font, setup.sheet, draw="svg", sized=True)
    except RenderError as exc:
        return Outcome((f"{job.path}: {exc.message(lang)}",), failed=True)
    lines = [line for line in (too_big(job.path, fitted, lang, setup.paper, setup.orientation),) if line]
    done = True
    for suffix in (".svg", ".png"):
        placed = os.path.join(setup.folder, job.name + suffix)
        try:
            if os.path.islink(placed):  # a link named like a chart (committed, or planted): never followed
                raise ValueError(placed)
            target = inside(setup.folder, job.name + suffix)
        except ValueError:
            lines.append(f"{job.path}: {render_message('render.link', lang, {'file': visible(placed)})}")
            done = False
            continue
        try:
            if suffix == ".svg" and fitted.drawn is not None:
                write_atomic(target, fitted.drawn)  # what render would draw: the same DOT text, sized
            else:
                render(fitted.dot, target)
        except RenderError as exc:
            lines.append(f"{job.path}: {exc.message(lang)}")
            done = False
        except OSError as exc:
            lines.append(render_message("cli.unwritable", lang, {
                "target": visible(str(target)), "reason": exc.strerror or type(exc).__name__}))
            return Outcome(tuple(lines), unwritable=True, failed=True)
    return Outcome(tuple(lines), drawn=done, failed=not done)


_SETUP: dict[str, Any] = {}


def _init(setup: Setup) -> None:
    _SETUP["setup"] = setup


def _work(chunk: list[tuple[int, Job]]) -> list[tuple[int, Outcome]]:
    return [(k, draw(job, _SETUP["setup"])) for k, job in chunk]


def draw_all(jobs: Sequence[Job], setup: Setup, processes: int | None = None) -> list[Outcome]:
    """Every chart, on `processes` worker processes (default: every core); the outcomes in
    the order of `jobs`."""
    import os

    from staffing.run.pool import pooled

    processes = max(1, min(processes or os.cpu_count() or 1, len(jobs)))
    numbered = list(enumerate(jobs))
    if processes == 1:
        return [draw(job, setup) for job in jobs]
    outcomes: dict[int, Outcome] = {}

    def take(done: list[tuple[int, Outcome]]) -> None:
        outcomes.update(done)

    chunks = [numbered[i:i + 2] for i in range(0, len(numbered), 2)]  # a chart is slow: small chunks balance
    pooled(chunks, _work, processes, _init, (setup,), take)
    return [outcomes[k] for k in range(len(jobs))]
