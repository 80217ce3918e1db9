"""`staffing template` and `staffing convert`: the office's own workbook in and out."""

from __future__ import annotations

import os
from typing import Any

from staffing.cli.options import ConvertOptions, TemplateOptions
from staffing.errors import Exit, problem
from staffing.io.load import DEFAULT_LIMITS, Limits, display_path, load_file
from staffing.run.convert import example_plan, mandatory_of, own_data, pack_titles, plan_bytes

__all__ = ["example_plan", "mandatory_of", "own_data", "pack_titles", "plan_bytes", "read_plan"]

CONVERTIBLE = (".yaml", ".yml", ".json", ".xlsx")


def _suffix(path: str) -> str:
    low = path.lower()
    for suffix in CONVERTIBLE:
        if low.endswith(suffix):
            return suffix
    raise problem(path, "convert.suffix", suffix=os.path.splitext(path)[1] or path)


def read_plan(path: str, limits: Limits = DEFAULT_LIMITS) -> dict[str, Any]:
    """A plan file's data, checked against the plan format (the same messages as
    `staffing check`), with a pack named by its title written back as its id."""
    from staffing.run.read import validate_plan

    doc = load_file(path, limits)
    doc.path = display_path(path)
    validate_plan(doc)
    return own_data(doc)


def cmd_convert(options: ConvertOptions) -> int:
    source, target = options.source, options.target
    out_suffix = _suffix(target)
    _suffix(source)
    if os.path.exists(target) and os.path.exists(source) and os.path.samefile(source, target):
        raise problem(target, "convert.same")
    data = read_plan(source)
    from staffing.cli.output import write_file

    write_file(target, plan_bytes(data, out_suffix, target), options.lang)
    return Exit.CLEAN


def cmd_template(options: TemplateOptions) -> int:
    from staffing.io.workbook_write import template_workbook

    out = options.output
    if not out.lower().endswith(".xlsx"):
        raise problem(out, "convert.suffix", suffix=os.path.splitext(out)[1] or out)
    mandatory, pack_id, roles = mandatory_of(options.rules) if options.rules else (None, None, None)
    example = example_plan(pack_id) if options.example else None
    from staffing.cli.output import write_file

    write_file(out, template_workbook(example, pack_titles(), mandatory, pack_id, roles), options.lang)
    return Exit.CLEAN
