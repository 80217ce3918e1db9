"""Charts from the command line: `staffing render` and `staffing check --charts`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from staffing.charts.paper import Fitted, Sheet, fit, with_size
from staffing.charts.render import (
    RenderError,
    chart_dot,
    compare_dot,
    compare_versions_dot,
    find_cjk_font,
    render,
    top_count,
)
from staffing.checks.context import read_body
from staffing.cli.options import Paper, RenderOptions
from staffing.errors import Exit
from staffing.io.output import inside, safe_name
from staffing.messages import render as render_message
from staffing.plan.model import Plan
from staffing.run.engine import FileResult, check_file

if TYPE_CHECKING:
    from staffing.reporters import Run


def with_roles(result: FileResult) -> Plan:
    """The plan with every body's role filled in as the checks saw it (from its name,
    in either script, when the plan leaves `role` out)."""
    plan, pack = result.plan, result.pack
    assert plan is not None and pack is not None
    bodies = [b.model_copy(update={"role": list(read_body(pack, plan, b).roles)}) for b in plan.bodies]
    return plan.model_copy(update={"bodies": bodies})


def _pack_title(result: FileResult, lang: str) -> str:
    assert result.pack is not None
    return result.pack.title.get(lang) or result.pack.id


def fitted_chart(result: FileResult, lang: str, font: str, sheet: Sheet) -> Fitted:
    """The org chart laid out for `sheet`: bodies wrapped into rows, scaled to fit."""
    assert result.pack is not None
    plan = with_roles(result)
    title = _pack_title(result, lang)
    mandatory = result.pack.mandatory_roles

    def make(per_row: int | None) -> str:
        return chart_dot(plan, result.findings, pack_title=title, mandatory_roles=mandatory,
                         lang=lang, font=font, per_row=per_row)

    return fit(make, top_count(plan), sheet)


def chart_for(result: FileResult, lang: str, font: str, compare: bool = False) -> str:
    """The chart's DOT text as laid out without a sheet (one row of bodies)."""
    assert result.plan is not None and result.pack is not None
    title = _pack_title(result, lang)
    if compare:
        return compare_dot(result.plan, pack_title=title, lang=lang, font=font)
    return chart_dot(with_roles(result), result.findings, pack_title=title,
                     mandatory_roles=result.pack.mandatory_roles, lang=lang, font=font)


def sheet_of(paper: Paper) -> Sheet:
    return Sheet.of(paper.paper, paper.orientation)


def _warn_too_big(where: str, fitted: Fitted, paper: Paper, lang: str) -> None:
    if fitted.fits:
        return
    width_mm, height_mm = (round(x * 25.4) for x in fitted.size)
    text = render_message("render.too-big", lang, {
        "paper": paper.paper, "orientation": render_message(f"render.{paper.orientation}", lang, {}),
        "width": width_mm, "height": height_mm,
    })
    print(f"staffing: {where}: {text}", file=sys.stderr)


def chart_names(results: list[FileResult]) -> dict[int, str]:
    """A file name for each usable result: `<code>-<town>`, and where two plans share
    it (two versions of one town's plan), `<code>-<town>-<file>`, then a number, so no
    chart of a run overwrites another."""
    base: dict[int, str] = {}
    for k, r in enumerate(results):
        if r.plan is not None and r.pack is not None:
            base[k] = safe_name(f"{r.plan.town.code}-{r.plan.town.name}")
    counts: dict[str, int] = {}
    for name in base.values():
        counts[name] = counts.get(name, 0) + 1
    names: dict[int, str] = {}
    used: set[str] = set()
    for k, name in base.items():
        if counts[name] > 1:
            name = safe_name(f"{name}-{Path(results[k].path).stem}")
        unique, n = name, 2
        while unique.casefold() in used:
            unique = f"{name}-{n}"
            n += 1
        used.add(unique.casefold())
        names[k] = unique
    return names


def draw_charts(run: Run, folder: str, lang: str, paper: Paper | None = None) -> int:
    """SVG and PNG of every usable plan of the run into `folder`, sized for the sheet
    chosen with --paper and --orientation.  Returns an exit code (0, or 2 when charts
    cannot be drawn at all); messages go to stderr."""
    try:
        font = find_cjk_font()
        sheet = sheet_of(paper) if paper is not None else Sheet.of()
    except RenderError as exc:
        print(f"staffing: {exc.message(lang)}", file=sys.stderr)
        return Exit.UNUSABLE
    from staffing.cli.output import say

    status = Exit.CLEAN
    drawn = 0
    names = chart_names(run.results)
    for k, result in enumerate(run.results):
        if k not in names:
            continue
        try:
            fitted = fitted_chart(result, lang, font, sheet)
        except RenderError as exc:
            print(f"staffing: {result.path}: {exc.message(lang)}", file=sys.stderr)
            status = Exit.UNUSABLE
            continue
        if paper is not None:
            _warn_too_big(result.path, fitted, paper, lang)
        done = True
        for suffix in (".svg", ".png"):
            target = inside(folder, names[k] + suffix)
            try:
                render(fitted.dot, target)
            except RenderError as exc:
                print(f"staffing: {result.path}: {exc.message(lang)}", file=sys.stderr)
                status = Exit.UNUSABLE
                done = False
            except OSError as exc:
                say("cli.unwritable", lang, target=str(target), reason=exc.strerror or type(exc).__name__)
                return Exit.UNUSABLE
        drawn += done
    say("cli.wrote-charts", lang, count=drawn, folder=folder)
    return status


def cmd_render(options: RenderOptions) -> int:
    out, lang, compare = options.output, options.lang, options.compare
    from staffing.cli.output import say

    results = [check_file(p, options.settings) for p in options.plans]
    for result in results:
        if result.error is not None:
            for e in result.error.each():
                print(f"staffing: {e.where()}: {e.message(lang)}", file=sys.stderr)
    if any(r.error is not None for r in results):
        return Exit.UNUSABLE
    try:
        font = find_cjk_font(require_dot=not out.lower().endswith(".dot"))
        sheet = sheet_of(options.paper)
        if len(results) == 2:
            text = _versions(results[0], results[1], lang, font)
            fitted = None
        elif compare:
            text = compare_dot(results[0].plan, pack_title=_pack_title(results[0], lang),  # type: ignore[arg-type]
                               lang=lang, font=font)
            fitted = None
        else:
            fitted = fitted_chart(results[0], lang, font, sheet) if not out.lower().endswith(".dot") else None
            text = fitted.dot if fitted is not None else chart_for(results[0], lang, font)
        if fitted is None and not out.lower().endswith(".dot"):
            text = with_size(text, sheet)
        if fitted is not None:
            _warn_too_big(results[0].path, fitted, options.paper, lang)
        render(text, Path(out))
    except RenderError as exc:
        print(f"staffing: {exc.message(lang)}", file=sys.stderr)
        return Exit.UNUSABLE
    except OSError as exc:
        say("cli.unwritable", lang, target=out, reason=exc.strerror or type(exc).__name__)
        return Exit.UNUSABLE
    say("cli.wrote", lang, file=out)
    return Exit.CLEAN


def _versions(old: FileResult, new: FileResult, lang: str, font: str) -> str:
    """`render --compare OLD NEW`: the two versions side by side, bodies matched as
    `staffing diff` matches them."""
    from staffing.run.diff import Version, compare

    assert old.plan is not None and new.plan is not None
    diff = compare(Version(old.path, old.plan), Version(new.path, new.plan))
    links = [(i, j) for j, olds in diff.body_map.items() for i in olds]
    return compare_versions_dot(old.plan, new.plan, links, labels=(Path(old.path).name, Path(new.path).name),
                                pack_title=_pack_title(new, lang), lang=lang, font=font)
