"""Charts from the command line: `staffing render` and `staffing check --charts`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from staffing.charts.render import RenderError, chart_dot, compare_dot, find_cjk_font, render
from staffing.checks.context import read_body
from staffing.cli.options import pack_folders
from staffing.errors import Exit
from staffing.io.output import inside, safe_name
from staffing.plan.model import Plan
from staffing.run.engine import FileResult, Settings, check_file

if TYPE_CHECKING:
    import argparse

    from staffing.reporters import Run


def with_roles(result: FileResult) -> Plan:
    """The plan with every body's role filled in as the checks saw it (from its name,
    in either script, when the plan leaves `role` out)."""
    plan, pack = result.plan, result.pack
    assert plan is not None and pack is not None
    bodies = [b.model_copy(update={"role": list(read_body(pack, plan, b).roles)}) for b in plan.bodies]
    return plan.model_copy(update={"bodies": bodies})


def chart_for(result: FileResult, lang: str, font: str, compare: bool = False) -> str:
    assert result.plan is not None and result.pack is not None
    title = result.pack.title.get(lang) or result.pack.id
    if compare:
        return compare_dot(result.plan, pack_title=title, lang=lang, font=font)
    return chart_dot(with_roles(result), result.findings, pack_title=title,
                     mandatory_roles=result.pack.mandatory_roles, lang=lang, font=font)


def chart_name(result: FileResult) -> str:
    """`<code>-<town>`: unique per town, and safe whatever the plan's name holds."""
    assert result.plan is not None
    return safe_name(f"{result.plan.town.code}-{result.plan.town.name}")


def draw_charts(run: Run, folder: str, lang: str) -> int:
    """SVG and PNG of every usable plan of the run into `folder`.  Returns an exit code
    (0, or 2 when charts cannot be drawn at all); messages go to stderr."""
    try:
        font = find_cjk_font()
    except RenderError as exc:
        print(f"staffing: {exc.message(lang)}", file=sys.stderr)
        return Exit.UNUSABLE
    from staffing.cli.output import say

    status = Exit.CLEAN
    drawn = 0
    for result in run.results:
        if result.plan is None or result.pack is None:
            continue
        dot_text = chart_for(result, lang, font)
        done = True
        for suffix in (".svg", ".png"):
            target = inside(folder, chart_name(result) + suffix)
            try:
                render(dot_text, target)
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


def cmd_render(args: argparse.Namespace) -> int:
    plan_path: str = args.plan
    out: str = args.output
    lang: str = args.lang
    from staffing.cli.output import say

    result = check_file(plan_path, Settings(rules=getattr(args, "rules", None), packs=pack_folders(args)))
    if result.error is not None:
        print(f"staffing: {result.error.where()}: {result.error.message(lang)}", file=sys.stderr)
        return Exit.UNUSABLE
    try:
        font = find_cjk_font(require_dot=not out.lower().endswith(".dot"))
        render(chart_for(result, lang, font, compare=getattr(args, "compare", False)), Path(out))
    except RenderError as exc:
        print(f"staffing: {exc.message(lang)}", file=sys.stderr)
        return Exit.UNUSABLE
    except OSError as exc:
        say("cli.unwritable", lang, target=out, reason=exc.strerror or type(exc).__name__)
        return Exit.UNUSABLE
    say("cli.wrote", lang, file=out)
    return Exit.CLEAN
