"""Codes that are not checks of one plan but of a run: a pack that loosens its parent, a
file that cannot be used, a waiver that matches nothing.  They are reported by the engine,
the waiver step and the reporters; they are here so that `staffing explain` documents them
like every other code."""

from __future__ import annotations

from staffing.checks.base import Check
from staffing.findings import Severity


class PackLoosensParent(Check):
    """A rule pack loosens a limit its parent pack set.

    ## What it checks
    When a pack `extends` another and sets one of the same options, the child's value must
    not be looser: a `max` no higher, a `min` no lower, a requirement not dropped, a list of
    required things not shortened.

    ## Why it matters
    A county or city pack may tighten the province's rules but not relax them; a loosened
    limit means plans pass that the parent policy forbids.

    ## Example
    Bad:  extends: taizhou-three-integrations, with body-count.max 12 (parent: 9)
    Good: body-count.max 8

    ## Fix
    Keep the parent's limit, or take the relaxation to the authority that issued it.
    """

    code = "ST000"
    messages = ("ST000",)
    slug = "pack-loosens-parent"
    rule = 0
    scope = "run"
    severity = Severity.WARNING


class UnusableInput(Check):
    """A file cannot be used as a plan.

    ## What it checks
    The file can be read, is UTF-8 (or UTF-16/32 with a BOM), is well-formed YAML or JSON
    within the size, depth and value limits, holds one mapping, uses only plain data, and
    fits the plan format (`staffing schema`).

    ## Why it matters
    A plan that cannot be read cannot be checked; it is reported, with file, line and
    column, and the run exits 2 while every other file is still checked.

    ## Example
    Bad:  a plan saved in GBK, or with the key `bodies` twice.
    Good: the same plan saved as UTF-8, each key once.

    ## Fix
    Do what the message says at the line and column it names.
    """

    code = "ST001"
    messages = ()  # written with the input.* entries of the catalogue (one per kind of mistake)
    slug = "unusable-input"
    rule = 0
    scope = "run"


class WaiverUnused(Check):
    """A waiver matches no finding.

    ## What it checks
    Every entry of the waiver file matches a finding of the run (by code, town and body).

    ## Why it matters
    A waiver that matches nothing is either out of date (the plan was fixed) or mistyped
    (and the finding it was meant for still fails).

    ## Example
    Bad:  a waiver for ST101 at 新桥镇 when 新桥镇 has 9 bodies.
    Good: remove the waiver once the plan complies.

    ## Fix
    Remove the waiver or correct its code, town or body.
    """

    code = "ST002"
    messages = ("waiver.unused", "waiver.expired")
    slug = "waiver-unused"
    rule = 0
    scope = "run"
    severity = Severity.WARNING


class FormulaValueUsed(Check):
    """A workbook cell holds a formula, and the value saved with it was used.

    ## What it checks
    Nothing is computed from a workbook: a formula is never evaluated.  When a cell of a
    plan workbook holds a formula, the result the spreadsheet program saved in the file
    is read, and this note says so, at the cell.  A formula saved without a result is an
    input error instead.

    ## Why it matters
    A saved result can be stale (a program that does not recalculate on saving) and a
    formula can hide where a figure comes from; the reviewer should know which figures
    were computed rather than entered.

    ## Example
    Note: 合计!B3 holds =SUM(职能机构!F2:F9), saved result 43.
    Good: 43 typed into 合计!B3.

    ## Fix
    None needed when the saved result is right; type the figure in to silence the note.
    """

    code = "ST003"
    messages = ("xlsx.formula-cached",)
    slug = "formula-value-used"
    rule = 0
    scope = "run"
    severity = Severity.INFO

