"""Org charts of a plan, as DOT text we write ourselves, and images made from it by `dot`.

`chart_dot` draws the approved structure (town → bodies → sub-units, the support centre,
dispatched units) with the findings of a check marked on the boxes they belong to;
`compare_dot` draws the bodies before and after the reform side by side.  Both return
plain text that needs neither Graphviz nor fonts, so golden tests can compare it; only
`render` (images) and `find_cjk_font` need the `dot` program and an installed CJK font.

Every string taken from a plan goes through `html_text` before it reaches the DOT text:
labels are HTML-like (`label=<…>`) and node ids are ours, so no name can close a label,
add a node or change an attribute.
"""

from __future__ import annotations

import contextlib
import itertools
import math
import os
import re
import shutil
import struct
import subprocess
import time
import unicodedata
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

from staffing import vocabulary
from staffing.checks.context import Context
from staffing.checks.tally import BodyReading, body_readings, reading_words
from staffing.errors import code_point, visible
from staffing.findings import Finding, Severity, body_index
from staffing.io.output import write_atomic
from staffing.messages import text, words
from staffing.plan.model import QUOTA_TYPES, Body, Institution, LeadershipPost, Plan, Quotas, SupportCenter
from staffing.plan.names import normalize

__all__ = [
    "FORMATS",
    "PREFERRED_FONTS",
    "RenderError",
    "chart_dot",
    "compare_dot",
    "compare_versions_dot",
    "find_cjk_font",
    "html_text",
    "image",
    "image_bytes",
    "render",
    "top_count",
]


class RenderError(Exception):
    """A chart that cannot be drawn: no `dot`, no CJK font, an unknown output format, or
    `dot` failing.  The message comes from the catalogue in both languages."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        self.words = words(key, params)
        super().__init__(f"{self.words.zh} / {self.words.en}")

    def message(self, lang: str) -> str:
        return self.words(lang)


# --------------------------------------------------------------------------- text

_QUOTA_LABELS: dict[str, tuple[str, str]] = {t: vocabulary.short("quota_type", t) for t in QUOTA_TYPES}


def _t(key: str, lang: str, **params: object) -> str:
    """Chart words come from the one catalogue (staffing.messages), keys `chart.*`."""
    return text(f"chart.{key}", lang).format(**params)


# --------------------------------------------------------------------------- escaping

_HTML_ENTITIES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#39;",
    "\\": "&#92;",
    "{": "&#123;",
    "}": "&#125;",
    "|": "&#124;",
}


_LINE_BREAKS = re.compile("[\t\n\r\v\f\x85\u2028\u2029]")


@lru_cache(maxsize=65536)
def html_text(text: str) -> str:
    """`text` made safe for an HTML-like DOT label: markup characters become entities,
    line breaks become spaces, and every other control, bidi, zero-width, unassigned or
    private-use character is shown as `[U+XXXX]` by the one neutraliser (`errors.visible`)."""
    shown = visible(_LINE_BREAKS.sub(" ", text), spell=code_point)
    return "".join(_HTML_ENTITIES.get(ch, ch) for ch in shown)


def _width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _tokens(text: str) -> list[str]:
    """Units a line may break between: each CJK character, each run of other
    non-space characters, each run of spaces."""
    return re.findall(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+|\s+", text)


# Punctuation a Chinese line never starts with: it stays at the end of the line before.
_NO_LINE_START = frozenset("、，。：；！？）】」』”’》〉,.;:!?)]}")


def _wrap(text: str, width: int = 28) -> list[str]:
    """Split a long name into display lines of about `width` columns (a CJK character
    is two), so one long name cannot stretch a box across the chart.  Lines break
    between CJK characters or at spaces, never inside a word unless the word alone is
    wider than a line."""
    lines: list[str] = []
    current = ""
    used = 0
    for token in _tokens(text):
        w = sum(_width(ch) for ch in token)
        if token.isspace():
            if current:
                current += token
                used += w
            continue
        if current and used + w > width and not (len(token) == 1 and token in _NO_LINE_START):
            lines.append(current.rstrip())
            current, used = "", 0
        while w > width:  # a word longer than a line: split it, as nothing else can
            head, rest, taken = "", token, 0
            for ch in token:
                if taken + _width(ch) > width - used and (head or current):
                    break
                head += ch
                taken += _width(ch)
            rest = token[len(head):]
            lines.append((current + head).rstrip())
            current, used = "", 0
            token, w = rest, sum(_width(ch) for ch in rest)
        current += token
        used += w
    if current.strip() or not lines:
        lines.append(current.rstrip())
    return lines


def _lines(text: str, width: int) -> list[str]:
    """Escaped display lines of `text`."""
    return [html_text(line) for line in _wrap(text, width)]


@lru_cache(maxsize=65536)
def _label_text(text: str, width: int = 28) -> str:
    """Escaped and wrapped: safe to place inside a <TD>."""
    return "<BR/>".join(html_text(line) for line in _wrap(text, width))


def _dot_string(value: str) -> str:
    """A double-quoted DOT string (for the font name, which comes from the caller)."""
    cleaned = "".join(ch for ch in value if unicodedata.category(ch)[0] != "C")
    return '"' + cleaned.replace("\\", "\\\\").replace('"', '\\"') + '"'


# --------------------------------------------------------------------------- colours

_COLOURS = {
    "town_fill": "#fff1c1",
    "town_line": "#8a6d00",
    "mandatory_fill": "#d6e6f5",
    "mandatory_line": "#2f5d8a",
    "optional_fill": "#e6f2dc",
    "optional_line": "#4f7a36",
    "centre_fill": "#eee3f6",
    "centre_line": "#6a4a85",
    "absorbed_fill": "#f5f5f5",
    "sub_fill": "#ffffff",
    "sub_line": "#9e9e9e",
    "dispatched_fill": "#f0f0f0",
    "dispatched_line": "#6b6b6b",
    "other_fill": "#f7f7f7",  # a body the checks do not count as 职能机构
    "other_line": "#8c8c8c",
    "unknown_line": "#8c8c8c",  # what could not be checked: grey, never a problem's red
    "unknown_text": "#616161",
    "problem_line": "#d62728",
    "problem_fill": "#fde0e0",
    "muted": "#555555",
    "edge": "#7a7a7a",
}
_PROBLEM_BORDER = 3


# --------------------------------------------------------------------------- pieces


def _n(value: int | None, lang: str | None = None) -> str:
    """A figure as drawn: where the plan says it is unknown, the word for it (未知) on the
    org chart (`lang` given), "?" in the comparisons' headlines."""
    if value is None:
        return "?" if lang is None else _t("unknown", lang)
    return str(value)


def _quota_terms(quotas: Quotas, lang: str) -> tuple[str, list[str]]:
    """The quota line's head (编制12名, or 编制未知) and its terms (行政7, 工勤1), each kept
    whole when the line wraps; a type whose figure is unknown is 工勤未知, and quotas
    wholly unknown are the head alone."""
    if all(quotas.get(t) is None for t in QUOTA_TYPES):
        return _t("quotas_unknown", lang), []
    space = " " if lang == "en" else ""
    terms = [f"{_QUOTA_LABELS[t][0 if lang == 'zh' else 1]}{space}"
             f"{_t('unknown', lang) if quotas.get(t) is None else quotas.get(t)}"
             for t in QUOTA_TYPES if quotas.get(t) != 0]
    # some types unknown: no total to give, the types say which
    head = _t("quotas_part", lang) if quotas.total is None else _t("quotas", lang, total=quotas.total)
    return head, terms


def _quota_lines(quotas: Quotas, lang: str, width: int) -> str:
    """The quota line, escaped, wrapped at the spaces between whole terms (工勤1 is never
    split), as rows for `_row`."""
    head, terms = _quota_terms(quotas, lang)
    if not terms:
        return html_text(head)
    lines: list[str] = []
    colon = text("sep.colon", lang)
    line = head + colon
    for term in terms:
        if line and not line.endswith(colon) and _text_width(line + " " + term) > width:
            lines.append(line)
            line = term
        else:
            line = line + ("" if line.endswith(colon) or not line else " ") + term
    lines.append(line)
    return "<BR/>".join(html_text(x) for x in lines)


def _text_width(text: str) -> int:
    return sum(_width(ch) for ch in text)


def _quota_text(quotas: Quotas, lang: str) -> str:
    parts = [
        f"{_QUOTA_LABELS[t][0 if lang == 'zh' else 1]}{' ' if lang == 'en' else ''}{_n(quotas.get(t))}"
        for t in QUOTA_TYPES
        if quotas.get(t) != 0
    ]
    head = _t("quotas", lang, total=_n(quotas.total))
    return head + text("sep.colon", lang) + " ".join(parts) if parts else head


def _leaders_text(posts: Sequence[LeadershipPost], lang: str) -> str | None:
    if not posts:
        return None
    approved = [p.approved for p in posts]
    filled = [p.filled for p in posts]
    return _t("leaders", lang, a=_n(None if None in approved else sum(a for a in approved if a is not None), lang),
              f=_n(None if None in filled else sum(f for f in filled if f is not None), lang))


def _codes(findings: Iterable[Finding]) -> list[str]:
    return sorted({f.code for f in findings})


def _row(content: str, *, size: int | None = None, colour: str | None = None, bold: bool = False) -> str:
    """Table rows for escaped `content`: one row per display line (`<BR/>` separates the
    lines `_label_text` wraps).  Separate rows, because Graphviz 2.43 spaces the lines of
    one cell by the cell's default size, so a smaller line after a larger one was drawn
    over it ("编6 · 实6" over a sub-unit's name)."""
    attrs = ""
    if size is not None:
        attrs += f' POINT-SIZE="{size}"'
    if colour is not None:
        attrs += f' COLOR="{colour}"'
    rows = []
    for line in content.split("<BR/>"):
        if bold:
            line = f"<B>{line}</B>"
        if attrs:
            line = f"<FONT{attrs}>{line}</FONT>"
        rows.append(f"<TR><TD>{line}</TD></TR>")
    return "".join(rows)


def _box(rows: Sequence[str], fill: str, line: str, problem: bool, dashed: bool = False,
         unknown: bool = False, spacing: int = 2) -> str:
    """A box: red and thick with a problem, grey and thicker where something could not be
    checked (and nothing is wrong), else in its own colour."""
    border = _PROBLEM_BORDER if problem else 2 if unknown else 1
    colour = _COLOURS["problem_line"] if problem else _COLOURS["unknown_line"] if unknown else line
    style = ' STYLE="dashed"' if dashed else ""
    return (
        f'<<TABLE BORDER="{border}" CELLBORDER="0" CELLSPACING="{spacing}" CELLPADDING="0"{style} '
        f'BGCOLOR="{fill}" COLOR="{colour}">' + "".join(rows) + "</TABLE>>"
    )


def _split(findings: Sequence[Finding]) -> tuple[list[Finding], list[Finding]]:
    """Problems, and what could not be checked (never drawn as a problem)."""
    return ([f for f in findings if f.severity != Severity.UNKNOWN],
            [f for f in findings if f.severity == Severity.UNKNOWN])


def _finding_row(findings: Sequence[Finding], lang: str) -> list[str]:
    problems, unknown = _split(findings)
    rows = []
    if problems:
        text = _t("findings", lang, codes=", ".join(html_text(c) for c in _codes(problems)))
        rows.append(_row(text, size=9, colour=_COLOURS["problem_line"], bold=True))
    if unknown:
        text = _t("unknown_codes", lang, codes=", ".join(html_text(c) for c in _codes(unknown)))
        rows.append(_row(text, size=9, colour=_COLOURS["unknown_text"]))
    return rows


def _marks(findings: Sequence[Finding]) -> dict[str, bool]:
    """How a box with these findings is framed (see `_box`)."""
    problems, unknown = _split(findings)
    return {"problem": bool(problems), "unknown": bool(unknown)}


def _unit_rows(
    name: str,
    nameplates: Sequence[str],
    tag: str,
    quotas: Quotas,
    actual: int | None,
    leadership: Sequence[LeadershipPost],
    lang: str,
) -> list[str]:
    rows = [_row(_label_text(name, 20), size=10, bold=True)]
    rows += [_row(_sentence("nameplate", lang, name=plate), size=9) for plate in nameplates]
    rows.append(_row(tag, size=9, colour=_COLOURS["muted"]))
    rows.append(_row(_quota_lines(quotas, lang, 26), size=9))
    rows.append(_row(html_text(_t("actual", lang, n=actual) if actual is not None else _t("actual_none", lang)),
                     size=9))
    leaders = _leaders_text(leadership, lang)
    if leaders:
        rows.append(_row(html_text(leaders), size=9))
    return rows


def _split_findings(
    plan: Plan, findings: Iterable[Finding]
) -> tuple[dict[tuple[str, int], list[Finding]], list[Finding], dict[tuple[int, int], list[Finding]]]:
    """Findings by chart node, town-wide findings, and findings of single sub-units.
    Waived findings are not drawn.  A location that points past the plan's lists counts
    as town-wide, so a stale finding is still seen."""
    sizes = {
        "bodies": len(plan.bodies),
        "dispatched_units": len(plan.dispatched_units),
        "support_institutions": len(plan.support_institutions),
        "institutions": len(plan.institutions),
        "support_center": 1 if plan.support_center is not None else 0,
    }
    by_node: dict[tuple[str, int], list[Finding]] = {}
    town: list[Finding] = []
    by_sub: dict[tuple[int, int], list[Finding]] = {}
    for f in sorted(findings, key=Finding.sort_key):
        if f.waived:
            continue
        where = body_index(f)
        if where is None or not 0 <= where[1] < sizes.get(where[0], 0):
            town.append(f)
            continue
        by_node.setdefault(where, []).append(f)
        loc = f.loc
        if where[0] == "bodies" and len(loc) >= 4 and loc[2] == "subunits" and isinstance(loc[3], int):
            by_sub.setdefault((where[1], loc[3]), []).append(f)
    return by_node, town, by_sub


def _positions(ctx: Context) -> dict[int, int | str | None]:
    """Where each body sits, as the checks read it (`OrgGraph.parent_of`)."""
    return {i: ctx.graph.parent_of(i) for i in range(len(ctx.plan.bodies))}


def top_count(ctx: Context) -> int:
    """How many boxes hang directly under the town (bodies, support centre, institutions
    kept outside it): what `per_row` wraps."""
    plan = ctx.plan
    parents = _positions(ctx)
    bodies = sum(1 for i in range(len(plan.bodies)) if not isinstance(parents[i], int))
    return bodies + (plan.support_center is not None) + len(plan.support_institutions) + len(plan.institutions)


def _top_ancestor(parents: dict[int, int | str | None], i: int) -> int | None:
    """The body of the row under the town that body `i` is drawn under (itself if it is
    in that row); None inside a cycle of parents."""
    seen: set[int] = set()
    while True:
        parent = parents[i]
        if not isinstance(parent, int):
            return i
        if i in seen:
            return None
        seen.add(i)
        i = parent


def _rows(nodes: Sequence[str], per_row: int | None) -> list[list[str]]:
    """`nodes` in rows of at most `per_row`, as even as possible, in order."""
    if not nodes:
        return []
    if per_row is None or per_row >= len(nodes):
        return [list(nodes)]
    count = math.ceil(len(nodes) / max(1, per_row))
    size = math.ceil(len(nodes) / count)
    return [list(nodes[k : k + size]) for k in range(0, len(nodes), size)]


def _header(font: str, rankdir: str, title_label: str) -> list[str]:
    f = _dot_string(font)
    return [
        "digraph staffing {",
        f'  graph [charset="UTF-8", fontname={f}, rankdir={rankdir}, newrank=true, splines=polyline, '
        'nodesep=0.12, ranksep=0.16, labelloc=t, labeljust=c, pad=0.05, '
        f"label={title_label}];",
        f"  node [fontname={f}, shape=none, margin=0];",
        f'  edge [fontname={f}, fontsize=9, color="{_COLOURS["edge"]}", arrowhead=none];',
    ]


def _title(lines: Sequence[tuple[str, int, bool]], extra: str = "") -> str:
    rows = "".join(_row(text, size=size, bold=bold) for text, size, bold in lines)
    return f'<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="1">{rows}{extra}</TABLE>>'


# --------------------------------------------------------------------------- chart


# long: one DOT document written in the order the chart reads (title, town, rows of bodies with their
# sections and problems, centre, institutions, dispatched units, the town-wide box); each part is a few lines
def chart_dot(
    ctx: Context,
    findings: Sequence[Finding],
    *,
    pack_title: str,
    mandatory_roles: frozenset[str] | None = None,
    lang: str = "zh",
    font: str,
    per_row: int | None = None,
) -> str:
    """The org chart of the plan the checks read as `ctx` (bodies where the org graph puts
    them, with the roles the checks read), with `findings` marked on their boxes.  A body
    is drawn as mandatory when one of its roles is in `mandatory_roles` (default: the
    pack's).

    `per_row` wraps the bodies under the town into rows of at most that many (None:
    one row); `staffing.charts.paper.fit` chooses it so the chart fits a sheet.

    Deterministic: the same plan and the same findings (in any order) give the same
    text.  `font` is a font family name (see `find_cjk_font`); `lang` is "zh" or "en"
    for the chart's own words (names from the plan are never translated).
    """
    _check_lang(lang)
    plan = ctx.plan
    if mandatory_roles is None:
        mandatory_roles = ctx.pack.mandatory_roles
    by_node, town_findings, by_sub = _split_findings(plan, findings)
    town = plan.town

    # the town-wide findings beside the legend: the problems in red, what could not be
    # checked in grey with its own count (never among the problems)
    problems, unknown = _split(town_findings)
    # one box as wide as the title allows; two, one above the other, narrower
    width = _TOWN_WIDTH if problems and unknown else 100
    boxes = [_town_box(found, key, colour, border, lang, width) for found, key, colour, border in (
        (problems, "town_findings", _COLOURS["problem_line"], _PROBLEM_BORDER),
        (unknown, "town_unknown", _COLOURS["unknown_line"], 2)) if found]
    if boxes:
        town_lines = sum(len(_lines(f.message(lang), width)) for f in town_findings)
        # beside the findings: as tall as they are, about
        legend = _legend(lang, bool(mandatory_roles), per_line=2 if town_lines + 2 * len(boxes) >= 6 else 3)
        # the two boxes one above the other, the legend beside them: a title as narrow as it
        # can be, so that a chart fits a portrait sheet too
        stack = ('<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0">'
                 + "".join(f"<TR>{box}</TR>" for box in boxes) + "</TABLE>")
        extra = (
            '<TR><TD><TABLE BORDER="0" CELLSPACING="4" CELLPADDING="0">'
            f'<TR><TD VALIGN="TOP">{stack}</TD><TD VALIGN="TOP">{legend}</TD></TR></TABLE></TD></TR>'
        )
    else:
        extra = f"<TR><TD>{_legend(lang, bool(mandatory_roles))}</TD></TR>"
    date = _t("date", lang, date=plan.plan_date.isoformat()) if plan.plan_date else _t("no_date", lang)
    title = _title(
        [
            (_sentence("chart", lang, town=town.name), 14, True),
            (_sentence("pack", lang, width=90, pack=pack_title) + " · " + html_text(date), 10, False),
        ],
        extra,
    )
    out = _header(font, "TB", title)
    # `ordering=out` keeps the plan's order.  Not splines=ortho: Graphviz 2.43 aborts
    # on some graphs with it (maze.c chkSgraph assertion).
    out.append("  ordering=out;")
    # every line from one row of boxes to the next passes a rank of bar points: half the gap
    # each side keeps a chart as tall as it was with straight lines
    out.append("  ranksep=0.09; nodesep=0.07;")
    # a box is as big as its table (Graphviz makes a node at least half an inch tall): the
    # lines start at the box's own bottom edge and end at its top edge
    out.append("  node [width=0, height=0];")

    # root: the town's Party committee and government
    root_key = "root_street" if town.unit_type == "street" else "root_town"
    root_rows = [_row(_sentence(root_key, lang, town=town.name), size=12, bold=True)]
    if plan.development_zone is not None and plan.development_zone.shared_leadership:
        root_rows.append(_row(_sentence("zone", lang, zone=plan.development_zone.name), size=9))
    out.append(f"  town [label={_box(root_rows, _COLOURS['town_fill'], _COLOURS['town_line'], False, spacing=1)}];")

    # bodies and their sub-units
    parents = _positions(ctx)
    readings = body_readings(ctx)  # what the checks read each body as: its box says so
    edges: list[str] = []
    top: list[str] = []  # the row under the town, left to right
    below: dict[str, list[str]] = {}  # a node of the top row → every node drawn under it
    hanging: dict[str, list[str]] = {}  # a body → what hangs under it (its sections, its bodies)
    for i, body in enumerate(plan.bodies):
        label = _body_label(body, readings[i], reading_words(ctx, readings[i], lang, short=True), i, parents[i],
                            by_node, mandatory_roles, lang)
        out.append(f"  body_{i} [label={label}];")
        parent = parents[i]
        head = _top_ancestor(parents, i)
        if isinstance(parent, int):
            hanging.setdefault(f"body_{parent}", []).append(f"body_{i}")
        else:
            top.append(f"body_{i}")
        if head is not None:
            below.setdefault(f"body_{head}", []).append(f"body_{i}")
        if body.subunits:
            out.append(f"  subs_{i} [label={_subunits_label(body, i, by_sub, lang)}];")
            hanging.setdefault(f"body_{i}", []).insert(0, f"subs_{i}")
            if head is not None:
                below.setdefault(f"body_{head}", []).append(f"subs_{i}")

    # the support centre, what it absorbed, and institutions kept outside it
    if plan.support_center is not None:
        centre = plan.support_center
        out.append(
            f"  centre [label={_centre_label(centre, by_node.get(('support_center', 0), []), lang)}];"
        )
        top.append("centre")
        below["centre"] = ["centre"]
    for k, inst in enumerate(plan.support_institutions):
        out.append(
            f"  inst_{k} [label={_centre_label(inst, by_node.get(('support_institutions', k), []), lang, kept=True)}];"
        )
        top.append(f"inst_{k}")
    # the institutions list: the one marked as the support centre is drawn as the centre
    for k, pub in enumerate(plan.institutions):
        found = by_node.get(("institutions", k), [])
        # what the centre absorbed is written in its box (see `_centre_label`)
        out.append(f"  pub_{k} [label={_centre_label(pub, found, lang, kept=not pub.support_center)}];")
        top.append(f"pub_{k}")
        below[f"pub_{k}"] = [f"pub_{k}"]

    # dispatched units: one box at the right end of the last row, holding a
    # box per unit (as separate nodes in a cluster, each with its own line from the
    # town, the lines ran round the column and their labels crossed its border).  The
    # department and the management are written in each box; a unit that stays
    # dispatched has a dashed frame.
    if plan.dispatched_units:
        units = []
        for k, unit in enumerate(plan.dispatched_units):
            rows: list[str] = [_row(_label_text(unit.name, 20), size=10, bold=True)]
            rows.append(_row(_sentence("department", lang, dep=unit.parent_department), size=9))
            rows.append(_row(html_text(_t(unit.management, lang)), size=9, colour=_COLOURS["muted"]))
            if unit.quotas.total != 0 or unit.actual is not None:
                rows.append(_row(_quota_lines(unit.quotas, lang, 26), size=9))
            unit_findings = by_node.get(("dispatched_units", k), [])
            rows += _finding_row(unit_findings, lang)
            marks = _marks(unit_findings)
            box = _box(rows, _COLOURS["dispatched_fill"], _COLOURS["dispatched_line"], marks["problem"],
                       dashed=unit.management == "dispatched", unknown=marks["unknown"], spacing=1)
            units.append(f"<TD>{box[1:-1]}</TD>")
        # two to a line from three units on: a tall column made the whole row as tall
        per_line = 1 if len(units) < 3 else 2
        lines = [units[k : k + per_line] for k in range(0, len(units), per_line)]
        grid = "".join("<TR>" + "".join(line) + "<TD></TD>" * (per_line - len(line)) + "</TR>" for line in lines)
        heading = (f'<TR><TD COLSPAN="{per_line}"><FONT POINT-SIZE="10"><B>'
                f"{html_text(_t('dispatched_cluster', lang))}</B></FONT></TD></TR>")
        out.append(
            '  dispatched [label=<<TABLE BORDER="1" STYLE="rounded" CELLBORDER="0" CELLSPACING="4" '
            f'CELLPADDING="0" COLOR="{_COLOURS["dispatched_line"]}">{heading}{grid}</TABLE>>];'
        )
        top_extra = ["dispatched"]
    else:
        top_extra = []


    # Connectors as an org chart draws them: from the bottom edge of a box a line down to a
    # bar, along the bar, and down into the top edge of each box under it (points with no
    # size make the corners; heavy edges keep the lines straight).  A chart wrapped into rows
    # has a trunk down its left side from the first row's bar to each further row's.
    bands = _rows(top, per_row)
    # the dispatched column ends the last row, on its bar (but lines up with no column above:
    # as wide as it is, it pushed the columns apart)
    bars = [*bands[:-1], bands[-1] + top_extra] if bands else ([list(top_extra)] if top_extra else [])
    points: list[str] = []
    for r in range(len(bars)):
        left = f"bar_{r}_left" if len(bars) > 1 else None
        joints = _bus(f"bar_{r}", bars[r], points, edges, left=left)
        if r == 0:
            edges.append(f"  town:s -> {joints} [weight=100];")
            continue
        edges.append(f"  bar_{r - 1}_left -> bar_{r}_left [weight=100];")
        # the bar of this row under everything of the row above
        for node in bands[r - 1]:
            for above in dict.fromkeys([node, *below.get(node, [])]):
                edges.append(f"  {above} -> bar_{r}_left [style=invis, weight=0];")
        # column by column under the row above, so the rows line up instead of the
        # next row starting where the one above ends
        for j, node in enumerate(bands[r] if r < len(bands) else []):
            if j < len(bands[r - 1]):
                above_node = bands[r - 1][j]
                lowest = (below.get(above_node) or [above_node])[-1]
                edges.append(f"  {lowest} -> {node} [style=invis, weight=10];")
    ends: dict[str, tuple[str, str]] = {}
    for parent, children in hanging.items():  # a body's sections and the bodies under it
        joints = _bus(f"bar_{parent}", children, points, edges, ends=ends)
        edges.append(f"  {parent}:s -> {joints} [weight=100];")
    # the bars under one row's boxes in the boxes' order, so each hangs under its own box
    # (left to dot, a bar and what hangs from it could end up under another column)
    for row_nodes in bands:
        under = [ends[n] for n in row_nodes if n in ends]
        for (_, last), (first, _) in itertools.pairwise(under):
            edges.append(f"  {{ rank=same; {last} -> {first} [style=invis]; }}")
    out.extend(points)
    out.extend(edges)
    # keep the plan's order left to right, the dispatched column at the end
    for row_nodes in bars:
        if len(row_nodes) > 1:
            out.append("  { rank=same; " + " -> ".join(row_nodes) + " [style=invis]; }")
    out.append("}")
    return "\n".join(out) + "\n"


_TOWN_WIDTH = 64  # columns of a town-wide finding's line in one of two boxes (a CJK character is two)


def _town_box(findings: Sequence[Finding], key: str, colour: str, border: int, lang: str,
              width: int = _TOWN_WIDTH) -> str:
    """A cell of town-wide findings, its count in its heading: one cell of 9-point lines, its
    text at the top, so a box beside a taller one grows a margin at the bottom rather than
    spreading its lines (Graphviz stretches a nested table to its cell's height)."""
    text_colour = _COLOURS["unknown_text"] if key == "town_unknown" else colour
    lines = [f"<B>{html_text(_t(key, lang, n=len(findings)))}</B>"]
    for f in findings:
        for n, line in enumerate(_lines(f.message(lang), width)):
            lines.append((f"<B>{html_text(f.code)}</B> " if n == 0 else "") + line)
    # a space of 11 points on each line gives the 9-point lines their leading (Graphviz sets
    # lines of one cell as close as their font's size, and CJK glyphs then touch)
    strut = '<FONT POINT-SIZE="11"> </FONT>'
    return (f'<TD ALIGN="LEFT" VALIGN="TOP" BALIGN="LEFT" BORDER="{border}" COLOR="{colour}" BGCOLOR="#ffffff" '
            f'CELLPADDING="4"><FONT POINT-SIZE="9" COLOR="{text_colour}">'
            + "<BR/>".join(line + strut for line in lines) + "</FONT></TD>")


def _bus(name: str, children: Sequence[str], points: list[str], edges: list[str], left: str | None = None,
         ends: dict[str, tuple[str, str]] | None = None) -> str:
    """A bar above `children`: a point over each (the line drops straight into its top edge)
    and, for an even number, one in the middle, where the line from above meets the bar;
    `left`, a point at the bar's left end (a trunk to further rows comes down from it).
    Returns the point the line from above comes down to."""
    joints = [f"{name}_{k}" for k in range(len(children))]
    middle = len(children) // 2
    meet = joints[middle] if len(children) % 2 else f"{name}_mid"
    chain = ([left] if left else []) + joints[:middle] + ([] if len(children) % 2 else [meet]) + joints[middle:]
    for point in chain:
        points.append(f'  {point} [shape=point, width=0, height=0, label="", color="{_COLOURS["edge"]}"];')
    for joint, child in zip(joints, children, strict=True):
        edges.append(f"  {joint} -> {child}:n [weight=100];")
    if len(chain) > 1:
        edges.append("  { rank=same; " + " -> ".join(chain) + " [weight=10]; }")
    if ends is not None:  # the bar's two ends, by what it hangs from (bar_body_3 → body_3)
        ends[name.removeprefix("bar_")] = (chain[0], chain[-1])
    return meet


def _sentence(key: str, lang: str, width: int = 40, **params: str) -> str:
    """A catalogue sentence whose parameters are plan text: the sentence is ours and is
    escaped as text, each parameter is escaped and wrapped on its own.  One pass of
    `re.sub`, so text from one parameter is never read as a placeholder."""
    names = sorted(params)
    template = html_text(_t(key, lang, **{name: f"\x00{n}\x00" for n, name in enumerate(names)}))
    return _MARKER.sub(lambda m: _label_text(params[names[int(m.group(1))]], width), template)


_MARKER = re.compile(re.escape(html_text("\x00")) + r"(\d+)" + re.escape(html_text("\x00")))


def _body_label(
    body: Body,
    reading: BodyReading,
    tag_words: str,
    i: int,
    parent: int | str | None,
    by_node: dict[tuple[str, int], list[Finding]],
    mandatory_roles: frozenset[str],
    lang: str,
) -> str:
    """A body's box: its name, what the checks read it as (职能机构·必设, 下属机构·不计数 …),
    its quotas, people and posts, and its findings."""
    tag = html_text(tag_words)
    if body.rank:
        tag += " · " + html_text(body.rank)
    rows = _unit_rows(body.name, body.nameplates, tag, body.quotas, body.actual, body.leadership, lang)
    if isinstance(parent, str):
        rows.append(_row(_sentence("parent_missing", lang, name=parent), size=9, colour=_COLOURS["problem_line"]))
    body_findings = by_node.get(("bodies", i), [])
    rows += _finding_row(body_findings, lang)
    if not reading.counted:
        fill, line = _COLOURS["other_fill"], _COLOURS["other_line"]
    elif reading.kind == "mandatory":
        fill, line = _COLOURS["mandatory_fill"], _COLOURS["mandatory_line"]
    else:
        fill, line = _COLOURS["optional_fill"], _COLOURS["optional_line"]
    marks = _marks(body_findings)
    return _box(rows, fill, line, marks["problem"], unknown=marks["unknown"], spacing=1)


def _subunits_label(body: Body, i: int, by_sub: dict[tuple[int, int], list[Finding]], lang: str) -> str:
    """All sub-units of one body in one table: two rows a column up to 4 columns (more
    rows beyond 8 sub-units),
    so 40 squads stay one compact block under their body."""
    n = len(body.subunits)
    cols = min(4, max(1, math.ceil(n / 2)))
    cells: list[str] = []
    for j, sub in enumerate(body.subunits):
        sub_findings = by_sub.get((i, j), [])
        actual = "—" if sub.actual is None else str(sub.actual)
        # a table per cell, one row per line (see `_row`)
        inner = _row(_label_text(sub.name, 20), size=9, bold=True)
        inner += _row(html_text(_t("sub_cell", lang, q=_n(sub.quotas.total, lang), a=actual)), size=9)
        problems, unknown = _split(sub_findings)
        if problems:
            codes = ", ".join(html_text(c) for c in _codes(problems))
            inner += _row(codes, size=9, colour=_COLOURS["problem_line"], bold=True)
        if unknown:
            inner += _row(html_text(_t("unknown_codes", lang, codes=", ".join(_codes(unknown)))), size=9,
                          colour=_COLOURS["unknown_text"])
        text = f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">{inner}</TABLE>'
        if problems:
            cells.append(f'<TD BGCOLOR="{_COLOURS["problem_fill"]}" COLOR="{_COLOURS["problem_line"]}">{text}</TD>')
        else:
            cells.append(f"<TD>{text}</TD>")
    rows_n = math.ceil(n / cols)
    body_rows = []
    for r in range(rows_n):
        # column-major, so the plan's order reads top to bottom, then left to right
        row = [cells[c * rows_n + r] if c * rows_n + r < n else "<TD></TD>" for c in range(cols)]
        body_rows.append("<TR>" + "".join(row) + "</TR>")
    head = (
        f'<TR><TD COLSPAN="{cols}" BGCOLOR="#eeeeee"><FONT POINT-SIZE="9">'
        f"{html_text(_t('subunits', lang, n=n))}</FONT></TD></TR>"
    )
    return (
        f'<<TABLE BORDER="1" CELLBORDER="1" CELLSPACING="0" CELLPADDING="2" '
        f'BGCOLOR="{_COLOURS["sub_fill"]}" COLOR="{_COLOURS["sub_line"]}">{head}{"".join(body_rows)}</TABLE>>'
    )


def _centre_label(centre: SupportCenter | Institution, findings: Sequence[Finding], lang: str,
                  kept: bool = False) -> str:
    tag = html_text(_t("institution" if kept else "centre", lang))
    rows = _unit_rows(centre.name, centre.nameplates, tag, centre.quotas, centre.actual, centre.leadership, lang)
    if not kept and centre.absorbed:  # in the box: a box of their own took a rank
        rows.append(_row(html_text(_t("absorbed", lang, n=len(centre.absorbed))), size=9, colour=_COLOURS["muted"]))
        rows += [_row(_label_text(name, 26), size=9, colour=_COLOURS["muted"]) for name in centre.absorbed]
    rows += _finding_row(findings, lang)
    marks = _marks(findings)
    return _box(rows, _COLOURS["centre_fill"], _COLOURS["centre_line"], marks["problem"], unknown=marks["unknown"],
                spacing=1)


def _legend(lang: str, has_mandatory: bool = True, per_line: int = 4) -> str:
    def swatch(fill: str, line: str, key: str, border: int = 1, dashed: bool = False) -> str:
        style = ' STYLE="dashed"' if dashed else ""
        return (
            f'<TD BORDER="{border}" COLOR="{line}" BGCOLOR="{fill}" WIDTH="18"{style}> </TD>'
            f'<TD ALIGN="LEFT"><FONT POINT-SIZE="9">{html_text(_t(key, lang))}</FONT></TD>'
        )

    kinds = (
        [
            swatch(_COLOURS["mandatory_fill"], _COLOURS["mandatory_line"], "lg_mandatory"),
            swatch(_COLOURS["optional_fill"], _COLOURS["optional_line"], "lg_optional"),
        ]
        if has_mandatory  # a pack without mandatory bodies draws every body alike
        else [swatch(_COLOURS["optional_fill"], _COLOURS["optional_line"], "body")]
    )
    cells = [
        *kinds,
        swatch(_COLOURS["other_fill"], _COLOURS["other_line"], "lg_other"),
        swatch(_COLOURS["centre_fill"], _COLOURS["centre_line"], "lg_centre"),
        swatch(_COLOURS["sub_fill"], _COLOURS["sub_line"], "lg_sub"),
        swatch(_COLOURS["dispatched_fill"], _COLOURS["dispatched_line"], "lg_local"),
        swatch(_COLOURS["dispatched_fill"], _COLOURS["dispatched_line"], "lg_dispatch_edge", dashed=True),
        swatch("#ffffff", _COLOURS["problem_line"], "lg_problem", _PROBLEM_BORDER),
        swatch("#ffffff", _COLOURS["unknown_line"], "lg_unknown", 2),
    ]
    # part of the title (beside the town-wide findings, or a strip under the title): a
    # box of its own took a rank (a whole band of the chart's height) or a column
    lines = [cells[k : k + per_line] for k in range(0, len(cells), per_line)]
    body = "".join("<TR>" + "".join(line) + "<TD></TD><TD></TD>" * (per_line - len(line)) + "</TR>" for line in lines)
    return (
        '<TABLE BORDER="1" STYLE="rounded" COLOR="#bbbbbb" CELLBORDER="0" CELLSPACING="2" CELLPADDING="1">'
        f'<TR><TD COLSPAN="{2 * per_line}"><FONT POINT-SIZE="9"><B>{html_text(_t("legend", lang))}</B></FONT></TD></TR>'
        f"{body}</TABLE>"
    )


# --------------------------------------------------------------------------- compare


# long: one DOT document, before and after side by side, written in the order the chart reads
def compare_dot(plan: Plan, *, pack_title: str, lang: str = "zh", font: str) -> str:
    """The bodies before the reform (`plan.baseline.bodies`, left) and after (bodies and
    support centre, right), with an edge from each old body to the new one that took it
    in (`merged_from`, or the centre's `absorbed`; names compared by `normalize`).  Old
    bodies nothing took in are framed red."""
    _check_lang(lang)
    old = list(plan.baseline.bodies) if plan.baseline is not None else []
    old_index: dict[str, list[int]] = {}
    for k, name in enumerate(old):
        old_index.setdefault(normalize(name), []).append(k)

    # new side: bodies, then the support centre
    new: list[tuple[str, str, Quotas, Sequence[str], str]] = []  # id, name, quotas, sources, kind
    for i, body in enumerate(plan.bodies):
        new.append((f"new_{i}", body.name, body.quotas, body.merged_from, "body"))
    if plan.support_center is not None:
        c = plan.support_center
        new.append(("new_centre", c.name, c.quotas, c.absorbed, "centre"))

    edges: list[tuple[int, str]] = []
    unknown: dict[str, list[str]] = {}
    for node, _name, _q, sources, _kind in new:
        for src in sources:
            hits = old_index.get(normalize(src))
            if hits:
                edges.extend((k, node) for k in hits)
            else:
                unknown.setdefault(node, []).append(src)
    edges = sorted(set(edges), key=lambda e: (e[0], e[1]))
    matched = {k for k, _ in edges}

    after_quotas = _sum_quotas([b.quotas for b in plan.bodies] + (
        [plan.support_center.quotas] if plan.support_center is not None else []
    ))
    before_quotas = {t: plan.baseline.quotas.get(t) if plan.baseline is not None else None for t in QUOTA_TYPES}
    per_type = " · ".join(
        f"{_QUOTA_LABELS[t][0 if lang == 'zh' else 1]} {_n(before_quotas[t])} → {_n(after_quotas[t])}"
        for t in QUOTA_TYPES
        if before_quotas[t] != 0 or after_quotas[t] != 0
    )
    headline = _t(
        "headline",
        lang,
        b0=len(old),
        b1=len(new),  # the boxes on the right, as their frame's label says
        q0=_n(plan.baseline.quotas.total if plan.baseline is not None else None),
        q1=_n(None if None in after_quotas.values() else sum(v for v in after_quotas.values() if v is not None)),
    )
    date = _t("date", lang, date=plan.plan_date.isoformat()) if plan.plan_date else _t("no_date", lang)
    title = _title(
        [
            (_sentence("compare", lang, town=plan.town.name), 20, True),
            (html_text(headline), 13, True),
            (html_text(per_type), 11, False),
            (_sentence("pack", lang, pack=pack_title) + " · " + html_text(date), 11, False),
        ]
    )
    out = _header(font, "LR", title)
    out.append("  ranksep=1.6;")

    out.append("  subgraph cluster_before {")
    out.append(
        f'    label=<<B>{html_text(_t("before", lang, n=len(old)))}</B>>; style=rounded; color="#999999";'
    )
    for k, name in enumerate(old):
        rows = [_row(_label_text(name, 24), size=12, bold=True)]
        if k not in matched:
            rows.append(_row(html_text(_t("unmatched", lang)), size=9, colour=_COLOURS["problem_line"]))
        out.append(
            f"    old_{k} [label={_box(rows, _COLOURS['absorbed_fill'], _COLOURS['sub_line'], k not in matched)}];"
        )
    out.append("  }")

    out.append("  subgraph cluster_after {")
    out.append(
        f'    label=<<B>{html_text(_t("after", lang, n=len(new)))}</B>>; style=rounded; color="#999999";'
    )
    for node, name, quotas, sources, kind in new:
        rows = [_row(_label_text(name, 24), size=12, bold=True)]
        rows.append(_row(html_text(_quota_text(quotas, lang)), size=10))
        if not sources:
            rows.append(_row(html_text(_t("new_body", lang)), size=9, colour=_COLOURS["muted"]))
        for src in unknown.get(node, []):
            rows.append(_row(_sentence("unknown_source", lang, name=src), size=9, colour=_COLOURS["problem_line"]))
        fill, line = (
            (_COLOURS["centre_fill"], _COLOURS["centre_line"])
            if kind == "centre"
            else (_COLOURS["mandatory_fill"], _COLOURS["mandatory_line"])
        )
        out.append(f"    {node} [label={_box(rows, fill, line, bool(unknown.get(node)))}];")
    out.append("  }")
    # each side one rank (a column, since rankdir=LR), in its given order top to bottom;
    # with LR a flat edge points upwards, hence the reversed chain
    old_ids = [f"old_{k}" for k in range(len(old))]
    new_ids = [node for node, *_ in new]
    for side in (old_ids, new_ids):
        if len(side) > 1:
            out.append("  { rank=same; " + " -> ".join(reversed(side)) + " [style=invis]; }")
    if old_ids and new_ids:
        out.append(f"  {old_ids[0]} -> {new_ids[0]} [style=invis];")
    for k, node in edges:
        out.append(f"  old_{k} -> {node} [arrowhead=normal];")
    out.append("}")
    return "\n".join(out) + "\n"


def compare_versions_dot(
    old: Plan,
    new: Plan,
    links: Sequence[tuple[int, int]],
    *,
    labels: tuple[str, str],
    pack_title: str,
    lang: str = "zh",
    font: str,
) -> str:
    """Two versions of one plan side by side: the old version's bodies (left) and the new
    one's (right), each with its quotas, an edge from each old body to the new body it
    became (`links`: pairs of body indexes, as `staffing diff` matches them).  An old
    body that went nowhere is framed red; a new body nothing became is marked new.  The
    headline counts exactly the boxes drawn and adds up exactly their quotas."""
    _check_lang(lang)
    olds = [(b.name, b.quotas) for b in old.bodies]
    news = [(b.name, b.quotas) for b in new.bodies]
    linked_old = {i for i, _ in links}
    linked_new = {j for _, j in links}
    q_old = _sum_quotas([q for _, q in olds])
    q_new = _sum_quotas([q for _, q in news])
    per_type = " · ".join(
        f"{_QUOTA_LABELS[t][0 if lang == 'zh' else 1]} {_n(q_old[t])} → {_n(q_new[t])}"
        for t in QUOTA_TYPES
        if q_old[t] or q_new[t]
    )
    headline = _t("headline", lang, b0=len(olds), b1=len(news), q0=_n(_total(q_old)), q1=_n(_total(q_new)))
    title = _title(
        [
            (_sentence("versions", lang, town=new.town.name), 14, True),
            (html_text(headline), 11, True),
            (html_text(per_type), 10, False),
            (_sentence("pack", lang, pack=pack_title), 10, False),
        ]
    )
    out = _header(font, "LR", title)
    out.append("  ranksep=1.2;")
    for side, items, linked, prefix, label in (
        ("before", olds, linked_old, "old", labels[0]),
        ("after", news, linked_new, "new", labels[1]),
    ):
        out.append(f"  subgraph cluster_{side} {{")
        out.append(
            f'    label=<<B>{_sentence("version", lang, label=label, n=str(len(items)))}</B>>; '
            'style=rounded; color="#999999";'
        )
        for k, (name, quotas) in enumerate(items):
            rows = [_row(_label_text(name, 24), size=11, bold=True)]
            rows.append(_row(_label_text(_quota_text(quotas, lang), 30), size=9))
            missing = k not in linked
            if missing:
                rows.append(_row(html_text(_t("unmatched" if prefix == "old" else "new_body", lang)), size=9,
                                 colour=_COLOURS["problem_line"] if prefix == "old" else _COLOURS["muted"]))
            fill, line = ((_COLOURS["absorbed_fill"], _COLOURS["sub_line"]) if prefix == "old"
                          else (_COLOURS["mandatory_fill"], _COLOURS["mandatory_line"]))
            out.append(f"    {prefix}_{k} [label={_box(rows, fill, line, missing and prefix == 'old')}];")
        out.append("  }")
    old_ids = [f"old_{k}" for k in range(len(olds))]
    new_ids = [f"new_{k}" for k in range(len(news))]
    for side_ids in (old_ids, new_ids):
        if len(side_ids) > 1:
            out.append("  { rank=same; " + " -> ".join(reversed(side_ids)) + " [style=invis]; }")
    if old_ids and new_ids:
        out.append(f"  {old_ids[0]} -> {new_ids[0]} [style=invis];")
    for i, j in sorted(set(links)):
        out.append(f"  old_{i} -> new_{j} [arrowhead=normal];")
    out.append("}")
    return "\n".join(out) + "\n"


def _sum_quotas(items: Sequence[Quotas]) -> dict[str, int | None]:
    out: dict[str, int | None] = {}
    for t in QUOTA_TYPES:
        values = [q.get(t) for q in items]
        out[t] = None if None in values else sum(v for v in values if v is not None)
    return out


def _total(by_type: dict[str, int | None]) -> int | None:
    """The sum of quotas by type; None when any is unknown."""
    values = list(by_type.values())
    return None if None in values else sum(v for v in values if v is not None)


def _check_lang(lang: str) -> None:
    if lang not in ("zh", "en"):
        raise RenderError("render.lang", lang=repr(lang))


# --------------------------------------------------------------------------- fonts and images

PREFERRED_FONTS: tuple[str, ...] = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "AR PL UMing CN",
    "Droid Sans Fallback",
    # what an office PC already has, where no Noto font is installed: Windows, then macOS
    "Microsoft YaHei",
    "DengXian",
    "SimHei",
    "SimSun",
    "PingFang SC",
    "Hiragino Sans GB",
    "STHeiti",
)

# Windows keeps its fonts in %WINDIR%\Fonts and has no fc-list unless Graphviz brought one:
# the Chinese fonts every simplified-Chinese Windows has, by file, in the order preferred.
WINDOWS_FONTS: tuple[tuple[str, str], ...] = (
    ("msyh.ttc", "Microsoft YaHei"),
    ("Deng.ttf", "DengXian"),
    ("simhei.ttf", "SimHei"),
    ("simsun.ttc", "SimSun"),
)

FORMATS: dict[str, str] = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot"}

def find_cjk_font(*, require_dot: bool = True) -> str:
    """The family name of an installed font with Chinese glyphs, preferring Noto Sans
    CJK SC.  Raises RenderError when there is none, or (with `require_dot`) when the
    Graphviz `dot` program is missing, since the font is only needed to run `dot`."""
    if require_dot and shutil.which("dot") is None:
        raise RenderError("render.no-dot")
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        font = windows_font()
        if font is not None:
            return font
        raise RenderError("render.no-fc-list")
    try:
        done = subprocess.run(
            [fc_list, ":lang=zh", "family"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise RenderError("render.fc-list-failed", reason=str(exc)) from exc
    families = _font_families(done.stdout) if done.returncode == 0 else []
    font = choose_font(families) or windows_font()
    if font is None:
        raise RenderError("render.no-font")
    return font


def windows_font(folder: str | None = None) -> str | None:
    """The family of a Chinese font Windows ships (Microsoft YaHei, DengXian, SimHei,
    SimSun) found in its fonts folder (`folder`, else %WINDIR%\\Fonts), or None: on Windows
    without fontconfig's fc-list, or where fc-list does not list the system's fonts."""
    if folder is None:
        if os.name != "nt":
            return None
        folder = os.path.join(os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT") or r"C:\Windows", "Fonts")
    try:
        present = {name.lower() for name in os.listdir(folder)}
    except OSError:
        return None
    for file, family in WINDOWS_FONTS:
        if file.lower() in present:
            return family
    return None


def _font_families(fc_output: str) -> list[str]:
    """fc-list prints one font per line, its family names separated by commas."""
    names: set[str] = set()
    for line in fc_output.splitlines():
        for name in line.split(","):
            name = name.strip()
            if name:
                names.add(name)
    return sorted(names)


def choose_font(families: Sequence[str]) -> str | None:
    """The preferred family among `families`: the list in PREFERRED_FONTS first, then
    any simplified-Chinese family (SC/CN/Hans), then the first by name."""
    available = set(families)
    for name in PREFERRED_FONTS:
        if name in available:
            return name
    lowered = sorted(families)
    for name in lowered:
        if any(tag in name for tag in (" SC", " CN", "Hans", "GB")):
            return name
    return lowered[0] if lowered else None


@contextlib.contextmanager
def chart_time(seconds: float | None = None) -> Iterator[None]:
    """Bound every `dot` run inside the block together: laying one chart out for a sheet
    runs dot up to eight times, then once for the SVG and once for the PNG; all of them
    share CHART_SECONDS (each also within DOT_SECONDS)."""
    token = _DEADLINE.set(time.monotonic() + (CHART_SECONDS if seconds is None else seconds))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def image(dot_text: str, fmt: str, also: str | None = None) -> bytes:
    """The chart drawn by `dot` in format `fmt` (svg, png, pdf, plain), within the time and
    memory bounds below (and the whole chart's, inside `chart_time`); with `also`, followed
    by the same layout in that format too (one run of dot, one layout)."""
    dot = shutil.which("dot")
    if dot is None:
        find_cjk_font()  # raises the bilingual "install graphviz" error
        raise RenderError("render.no-dot")
    deadline = _DEADLINE.get()
    timeout: float = DOT_SECONDS
    if deadline is not None:
        left = deadline - time.monotonic()
        if left <= 0:
            raise RenderError("render.chart-timeout", seconds=CHART_SECONDS)
        timeout = min(timeout, left)
    try:
        done = subprocess.run([dot, f"-T{fmt}", *([f"-T{also}"] if also else [])], input=dot_text.encode("utf-8"),
                              capture_output=True, timeout=timeout, check=False,
                              # a memory bound where the system has one (Windows has no preexec_fn)
                              preexec_fn=_bound_memory if os.name == "posix" else None)
    except subprocess.TimeoutExpired as exc:  # subprocess.run has killed it
        if timeout < DOT_SECONDS:  # the whole chart's time ran out
            raise RenderError("render.chart-timeout", seconds=CHART_SECONDS) from exc
        raise RenderError("render.dot-timeout", fmt=fmt, seconds=DOT_SECONDS) from exc
    except OSError as exc:
        raise RenderError("render.dot-failed", fmt=fmt, detail=str(exc)[:500]) from exc
    if done.returncode != 0:
        detail = (done.stderr or b"").decode("utf-8", "replace").strip()[:500]
        lowered = detail.lower()
        if done.returncode < 0 or any(w in lowered for w in ("out of memory", "memory exhausted", "cannot allocate")):
            raise RenderError("render.dot-too-big", fmt=fmt, megabytes=DOT_MEMORY // 2**20)
        raise RenderError("render.dot-failed", fmt=fmt, detail=visible(detail))
    return done.stdout


def render(dot_text: str, out_path: str | Path) -> None:
    """Write `dot_text` to `out_path` in the format its suffix names (.svg, .png, .pdf,
    or .dot for the text itself).  The file is written whole or not at all."""
    path = Path(out_path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        if not path.suffix:  # /dev/stdout, a name without one: the format is said by the suffix
            raise RenderError("render.no-format")
        raise RenderError("render.format", suffix=path.suffix)
    if fmt == "dot":
        write_atomic(path, dot_text)
        return
    if fmt == "png":
        write_atomic(path, _png_with_dpi(dot_text, PNG_DPI))
        return
    write_atomic(path, image(dot_text, fmt))


PNG_DPI = 150
# The largest PNG drawn (pixels; about 2 m by 1.3 m at 150 dpi): a chart laid out bigger
# gets its SVG only, and says so.  The size is known from the layout before dot runs.
PNG_MAX_PIXELS = 120_000_000
_SIZE = re.compile(r'\bsize="([\d.]+),([\d.]+)"')


def image_bytes(dot_text: str, fmt: str) -> bytes:
    """The chart as `render` would write it in format `fmt` (svg, png at PNG_DPI, pdf),
    as bytes held in memory (the page's downloads write nothing)."""
    if fmt == "png":
        return _png_with_dpi(dot_text, PNG_DPI)
    return image(dot_text, fmt)


def _png_with_dpi(dot_text: str, dpi: int) -> bytes:
    """A PNG drawn at `dpi` that says so (its pHYs chunk), so it prints at the size the
    chart was laid out for rather than at whatever a viewer assumes.  The chunk is written
    into dot's bytes: the image is never decoded (a chart of a thousand bodies is a hundred
    million pixels, which the imaging library refuses as a decompression bomb)."""
    size = _SIZE.search(dot_text)
    if size is not None:
        width, height = (round(float(v) * dpi) for v in size.groups())
        if width * height > PNG_MAX_PIXELS:
            raise RenderError("render.png-too-big", width=width, height=height, limit=PNG_MAX_PIXELS)
    head, sep, rest = dot_text.partition("\n")
    return with_dpi(image(f"{head}{sep}  dpi={dpi};\n{rest}", "png"), dpi)


def with_dpi(png: bytes, dpi: int) -> bytes:
    """`png` with one pHYs chunk saying `dpi`, right after its header (any other pHYs dropped)."""
    signature = b"\x89PNG\r\n\x1a\n"
    if not png.startswith(signature):
        raise RenderError("render.dot-failed", fmt="png", detail="not a PNG")
    per_metre = round(dpi / 0.0254)
    data = struct.pack(">IIB", per_metre, per_metre, 1)
    phys = struct.pack(">I", len(data)) + b"pHYs" + data + struct.pack(">I", zlib.crc32(b"pHYs" + data))
    out, k = [signature], len(signature)
    while k + 8 <= len(png):
        length, kind = struct.unpack(">I4s", png[k:k + 8])
        chunk = png[k:k + 12 + length]
        k += 12 + length
        if kind == b"pHYs":
            continue
        out.append(chunk)
        if kind == b"IHDR":
            out.append(phys)
    return b"".join(out)


# Bounds on one run of `dot`: a chart within the input limits but with thousands of boxes
# can keep dot busy for minutes and take every byte of memory; past these it is stopped and
# the chart is reported as not drawn (the check's own results are unaffected).  All the runs
# of one chart together are bounded by CHART_SECONDS.
DOT_SECONDS = 60
DOT_MEMORY = 2 * 2**30  # address space, bytes
CHART_SECONDS: float = 120
_DEADLINE: ContextVar[float | None] = ContextVar("chart_deadline", default=None)


def _bound_memory() -> None:  # pragma: no cover - runs in the child, before exec
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (DOT_MEMORY, DOT_MEMORY))
    except (ImportError, ValueError, OSError):
        pass
