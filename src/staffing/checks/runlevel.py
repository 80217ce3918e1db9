"""Codes that are not checks of one plan but of a run: a pack that loosens its parent, a
file that cannot be used, a waiver that matches nothing.  They are reported by the engine,
the waiver step and the reporters; they are here so that `staffing explain` documents them
like every other code."""

from __future__ import annotations

from staffing.checks.base import Check, Doc
from staffing.findings import Severity
from staffing.words import Words


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
    slug = "pack-loosens-parent"
    rule = 0
    scope = "run"
    severity = Severity.WARNING
    title = Words("下级规则包放宽了上级限制", "A child rule pack loosens its parent's limit")
    messages = {
        "ST000": Words(
            "规则包“{pack}”放宽了上级规则包“{parent}”的限制：{check}的{option}由{parent_value}改为{value}",
            "the rule pack “{pack}” loosens a limit of its parent “{parent}”: {check}, {option} from {parent_value} to {value}",
        ),
    }
    doc_zh = Doc(
        "下级规则包用`extends`继承上级规则包，又设置了同一参数时，下级的值不得更宽松：上限不得更高，下限不得更低，"
        "要求不得取消，必须具备的事项不得减少。",
        "县、市规则包可以在省级规则之上从严，不能放宽；放宽了的限制会让上级政策不允许的方案通过检查。",
        "错误示例：继承泰州规则包，却把职能机构数量上限设为12个（上级为9个）。\n"
        "    extends: taizhou-three-integrations\n"
        "    checks:\n"
        "      body-count:\n"
        "        max: {value: 12, source: …}\n"
        "正确示例：上限设为8个或9个。",
        "沿用上级规则包的限制；确需放宽的，报请制定该政策的机关决定。",
    )


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
    slug = "unusable-input"
    rule = 0
    scope = "run"
    title = Words("方案文件无法读取或不符合格式", "The plan file cannot be read or does not fit the format")
    messages = {}  # written with the input.* entries of the catalogue (one per kind of mistake)
    doc_zh = Doc(
        "文件能够读取；编码为UTF-8（或带BOM的UTF-16、UTF-32）；是格式正确、未超出大小、层级和数值个数限制的"
        "YAML或JSON（或工作簿）；内容为一个映射，只含普通数据，并符合方案格式（见 staffing schema）。",
        "无法读取的方案无法检查。本工具报告文件名和行号、列号，其余文件照常检查，整次运行以退出码2结束。",
        "错误示例：方案以GBK编码保存，或同一个键（如`bodies`）写了两次。\n"
        "正确示例：同一方案以UTF-8编码保存，每个键只写一次。",
        "按提示，在所指的行、列改正。",
    )


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
    slug = "waiver-unused"
    rule = 0
    scope = "run"
    severity = Severity.WARNING
    title = Words("豁免未匹配到任何问题", "A waiver matches no finding")
    messages = {
        "waiver.unused": Words(
            "豁免未匹配到任何问题：{check}（{name}），{town}，机构{body}，批复文号{approval}",
            "waiver matches no finding: {check} ({name}), {town}, body {body}, approval {approval}",
        ),
        "waiver.expired": Words(
            "豁免{approval}已于{expires}到期，见{file}第{line}行",
            "waiver {approval} expired on {expires}, see {file}:{line}",
        ),
    }
    doc_zh = Doc(
        "豁免文件中的每一条豁免，都应与本次运行的某个问题相对应（按检查项、乡镇和机构匹配）。",
        "没有对应任何问题的豁免，要么已经过时（方案已改正），要么写错了（本应豁免的问题仍然不通过）。",
        "错误示例：新桥镇只有9个职能机构，却仍有一条针对新桥镇`ST101`的豁免。\n"
        "正确示例：方案符合要求后，删除该条豁免。",
        "删除该条豁免，或改正其中的检查项、乡镇或机构。",
    )


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
    slug = "formula-value-used"
    rule = 0
    scope = "run"
    severity = Severity.INFO
    title = Words("工作簿单元格的公式未计算，使用了保存的结果", "A workbook cell's formula was not evaluated; its saved result was used")
    messages = {
        "xlsx.formula-cached": Words(
            "单元格是公式{formula}，未计算公式，使用了文件中保存的结果{value}",
            "the cell holds the formula {formula}; it was not evaluated, the saved result {value} was used",
        ),
    }
    doc_zh = Doc(
        "本工具不计算工作簿中的任何内容，公式从不求值。方案工作簿的单元格中有公式时，读取电子表格程序保存在文件中的"
        "计算结果，并在该单元格处提示；公式没有保存结果的，按输入错误报告。",
        "保存的结果可能已经过时（保存时未重新计算），公式也会掩盖数字的来历；审核人应当知道哪些数字是计算得出的。",
        "提示示例：合计!B3单元格为公式`=SUM(职能机构!F2:F9)`，保存的结果为43。\n"
        "正确示例：在合计!B3中直接填写43。",
        "保存的结果正确时无需改动；直接填写数字后不再提示。",
    )

