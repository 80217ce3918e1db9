"""What a review report shows, worked out from checked plans: plain data, no markup.

`build_report` takes the results of a run (plans, their packs, findings with waivers
applied) and returns a `Report`: one `PlanSection` per plan and, for more than one plan,
a `Summary`.  Every word comes from the catalogue (keys `rpt.*`); every figure from the
plan, its pack and the checks, so the report says what `staffing check` says.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from staffing.checks.context import Context
from staffing.checks.pack import shown_quote
from staffing.checks.tally import body_readings, reading_words
from staffing.errors import problem
from staffing.findings import Finding, Severity, body_index
from staffing.messages import CATALOGUE, render, text
from staffing.plan.model import QUOTA_TYPES
from staffing.run.results import FileResult, file_status, is_county

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.UNKNOWN, Severity.INFO)

# Bounds on one report (measured in docs/guarantees.md).  A plan's body table lists at most
# BODY_ROWS bodies (those with findings first, then in plan order; the rest are counted in
# one line), so a plan of 10,000 bodies makes a report of a few pages; the plans of one
# report may hold at most REPORT_BODIES bodies in all, else the report is refused with one
# message (split it).  WeasyPrint itself runs within time and memory bounds (report.pdf).
BODY_ROWS = 100
REPORT_BODIES = 20_000
CHART_BODIES = 300  # a plan with more bodies gets no chart in the report (staffing render draws it)


def word(key: str, lang: str, **params: object) -> str:
    """A report word from the catalogue (`rpt.<key>`)."""
    return render(f"rpt.{key}", lang, dict(params))


@dataclass(frozen=True)
class QuotaRow:
    """One quota type (or the total); None where the plan says a figure is unknown."""

    label: str
    before: int | None
    moved: int
    limit: int | None
    after: int | None
    change: int | None
    over: bool


@dataclass(frozen=True)
class BodyRow:
    name: str
    role: str
    category: str
    counted: bool
    quotas: int | None
    actual: int | None
    codes: tuple[str, ...]


@dataclass(frozen=True)
class FindingRow:
    code: str
    title: str
    severity: str
    message: str
    location: str
    trail: str
    document: str | None
    quote: str | None
    inferred: bool
    waived: str | None


@dataclass(frozen=True)
class SeverityGroup:
    severity: str  # error / warning / info
    heading: str
    findings: tuple[FindingRow, ...]


@dataclass(frozen=True)
class PlanSection:
    anchor: str
    path: str
    town: str
    code: str
    region: str
    pack: str
    document: str | None
    plan_date: str
    review_date: str
    status: str  # pass / fail / incomplete (something could not be checked), as `check` says
    passed: bool
    banner: str  # the verdict's banner: pass, fail, incomplete, or unchecked (passes, but its quotas are unknown)
    errors: int
    warnings: int
    unknown: int
    waived: int
    quotas: tuple[QuotaRow, ...]
    quota_total: QuotaRow
    bodies: tuple[BodyRow, ...]
    counted: int
    bodies_more: int  # bodies not listed in the table (past BODY_ROWS)
    bodies_more_flagged: int  # of those, how many have findings
    groups: tuple[SeverityGroup, ...]
    waivers: tuple[FindingRow, ...]
    chart_svg: str | None
    chart_error: str | None
    county: str
    chart_page: str = "A4 landscape"  # the chart's page: the paper asked for, or a larger one that holds it


@dataclass(frozen=True)
class CountySection:
    """A county file (`_county.yaml`) checked with its towns: what it says against them."""

    anchor: str
    path: str
    county: str
    status: str  # pass / fail / incomplete
    errors: int
    warnings: int
    unknown: int
    groups: tuple[SeverityGroup, ...]


@dataclass(frozen=True)
class SummaryRow:
    path: str
    town: str
    county: str
    status: str  # pass / fail / incomplete / error
    errors: int
    warnings: int
    anchor: str | None
    note: str = ""  # why an unusable plan could not be read


@dataclass(frozen=True)
class CountyRow:
    county: str
    passed: int
    failed: int
    incomplete: int
    unusable: int


@dataclass(frozen=True)
class Summary:
    plans: tuple[SummaryRow, ...]
    counties: tuple[CountyRow, ...]
    passed: int
    failed: int
    incomplete: int
    unusable: int


@dataclass
class Report:
    lang: str
    title: str
    review_date: str
    sections: list[PlanSection] = field(default_factory=list)
    summary: Summary | None = None
    counties: list[CountySection] = field(default_factory=list)
    chart_page: str = "A4 landscape"  # the chart's page (--paper, --orientation), as CSS `size` names it


# A chart maker: (result, lang) → (inline SVG text or None, error message or None).
ChartMaker = Callable[[FileResult, str], tuple[str | None, str | None]]


def _failing(f: Finding, fail_on: Severity) -> bool:
    return not f.waived and f.severity in (Severity.ERROR, Severity.WARNING) and f.severity.rank <= fail_on.rank


def _split_source(source: str | None) -> tuple[str | None, str | None, bool]:
    """A finding's source, "seed: “quote”" with an optional " (inferred)", split."""
    if not source:
        return None, None, False
    inferred = source.endswith(" (inferred)")
    if inferred:
        source = source[: -len(" (inferred)")]
    seed, sep, quote = source.partition(": ")
    if not sep:
        return None, source, inferred
    return seed, quote.strip().strip("“”"), inferred


def _finding_row(f: Finding, result: FileResult, lang: str) -> FindingRow:
    seed, quote, inferred = _split_source(f.source)
    document = result.pack.document_title(seed, lang) if seed and result.pack is not None else None
    if seed and document is None:
        document = seed  # a source the pack gives no title for is still shown, by its file
    title_key = f"title.{f.code}"
    return FindingRow(
        code=f.code,
        title=text(title_key, lang) if title_key in CATALOGUE else f.slug,
        severity=f.severity.value,
        message=f.message(lang),
        # where `check` says it is: a workbook's sheet and cell (职能机构!D7), else its line and column
        location=f"{f.file} · " + (f.where() if f.sheet is not None and f.cell else
                                   word("f.line", lang, line=f.line, column=f.column)),
        trail=" › ".join(f.trail(lang)),
        document=document,
        quote=shown_quote(quote) if quote else None,  # as the findings' citations show it
        inferred=inferred,
        waived=f.waived,
    )


def _minus(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a - b


def _plus(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a + b


def _quota_row(label: str, before: int | None, moved: int, after: int | None) -> QuotaRow:
    limit = _plus(before, moved)
    return QuotaRow(label, before, moved, limit, after, _minus(after, before),
                    limit is not None and after is not None and after > limit)


def _quota_rows(ctx: Context, lang: str) -> tuple[list[QuotaRow], QuotaRow]:
    """Quotas by type as ST201 judges them (the context's one growth computation): before
    (the baseline), quota moved down that counts, the limit they make, after (the town's
    own bodies), change.  Without a baseline every 'before' is unknown."""
    growth = ctx.growth
    after = ctx.quotas_after  # the parts added up, or the total the plan states where a part is unknown
    rows: list[QuotaRow] = []
    for t in QUOTA_TYPES:
        before = growth.before[t] if growth is not None else None
        moved = growth.moved[t] if growth is not None else 0
        if before == 0 and after[t] == 0 and not moved:
            continue
        rows.append(_quota_row(text(f"quota.{t}", lang), before, moved, after[t]))

    def total(values: list[int | None]) -> int | None:
        return None if None in values else sum(v for v in values if v is not None)

    b = total([r.before for r in rows])
    a = total([r.after for r in rows])
    return rows, _quota_row(word("q.total", lang), b, sum(r.moved for r in rows), a)


def _body_rows(ctx: Context, findings: Sequence[Finding], lang: str) -> tuple[list[BodyRow], int]:
    plan, pack = ctx.plan, ctx.pack
    readings = body_readings(ctx)  # what the checks read each body as: the chart's boxes say the same
    codes: dict[tuple[str, int], set[str]] = {}
    for f in findings:
        where = body_index(f)
        if where is not None and not f.waived:
            codes.setdefault(where, set()).add(f.code)
    rows: list[BodyRow] = []
    for i, body in enumerate(plan.bodies):
        labels = [word("role.other", lang) if r == "other" else pack.role_label(r, lang) for r in ctx.roles_of(i)]
        reading = readings[i]
        rows.append(BodyRow(body.name, text("sep.list", lang).join(labels),
                            reading_words(ctx, reading, lang), reading.counted, body.quotas.total, body.actual,
                            tuple(sorted(codes.get(("bodies", i), ())))))
    if plan.support_center is not None:
        c = plan.support_center
        rows.append(BodyRow(c.name, "—", word("cat.centre", lang), False, c.quotas.total, c.actual,
                            tuple(sorted(codes.get(("support_center", 0), ())))))
    for k, inst in enumerate(plan.support_institutions):
        rows.append(BodyRow(inst.name, "—", word("cat.institution", lang), False, inst.quotas.total, inst.actual,
                            tuple(sorted(codes.get(("support_institutions", k), ())))))
    return rows, sum(r.counted for r in readings)


def _listed(rows: list[BodyRow]) -> tuple[list[BodyRow], int, int]:
    """At most BODY_ROWS of `rows`, in plan order: those with findings first chosen, then the
    first others; and how many are left out, and how many of those have findings."""
    if len(rows) <= BODY_ROWS:
        return rows, 0, 0
    flagged = [k for k, r in enumerate(rows) if r.codes]
    keep = set(flagged[:BODY_ROWS])
    for k in range(len(rows)):
        if len(keep) >= BODY_ROWS:
            break
        keep.add(k)
    left_flagged = len(flagged) - len(keep & set(flagged))
    return [r for k, r in enumerate(rows) if k in keep], len(rows) - len(keep), left_flagged


def body_count(result: FileResult) -> int:
    """The bodies, the centre and the institutions of a checked plan (0 for none)."""
    plan = result.plan
    if plan is None:
        return 0
    return len(plan.bodies) + len(plan.support_institutions) + (plan.support_center is not None)


def _region(result: FileResult) -> str:
    assert result.plan is not None
    town = result.plan.town
    parts = [p for p in (getattr(town, "province", None), getattr(town, "city", None), getattr(town, "county", None)) if p]
    return " ".join(dict.fromkeys(parts))


def _chart_page(svg: str | None, page: str) -> str:
    """The chart's page (CSS `size`): the paper asked for (`page`, "A4 landscape"), or, for
    a chart no layout fits on it at 8 pt, the smallest larger sheet that holds it, so that
    its text is never shrunk below 8 pt to fit."""
    from staffing.report.pages import CHART_MARGINS_MM, drawing_size_pt, page_for

    paper, orientation = page.split()
    if svg is None:
        return page
    try:
        size = drawing_size_pt(svg)
    except ValueError:
        return page
    name, width, height = page_for(paper, orientation, size, CHART_MARGINS_MM)
    return page if name == paper else f"{width:.1f}mm {height:.1f}mm"


def plan_section(result: FileResult, lang: str, review_date: _dt.date, n: int, chart: ChartMaker | None,
                 fail_on: Severity = Severity.ERROR, chart_page: str = "A4 landscape") -> PlanSection:
    plan, pack = result.plan, result.pack
    assert plan is not None and pack is not None
    ctx = Context.of(plan, pack)
    quotas, total = _quota_rows(ctx, lang)
    all_bodies, counted = _body_rows(ctx, result.findings, lang)
    bodies, more, more_flagged = _listed(all_bodies)
    live = [f for f in result.findings if not f.waived]
    groups = _groups(result.findings, result, lang)
    waivers = tuple(_finding_row(f, result, lang) for f in result.findings if f.waived)
    svg, chart_error = chart(result, lang) if chart is not None else (None, None)
    status = file_status(result, lambda f: _failing(f, fail_on))
    # a plan that passes with its quotas unknown was never checked against them: no plain 通过
    banner = "unchecked" if status == "pass" and total.after is None else status
    return PlanSection(
        anchor=f"plan-{n}",
        path=result.path,
        town=plan.town.name,
        code=plan.town.code or "—",
        region=_region(result),
        pack=pack.title.get(lang) or pack.id,
        document=pack.document_title(pack.document, lang),
        plan_date=plan.plan_date.isoformat() if plan.plan_date else word("none", lang),
        review_date=review_date.isoformat(),
        status=status,
        passed=status == "pass",
        banner=banner,
        errors=sum(1 for f in live if f.severity == Severity.ERROR),
        warnings=sum(1 for f in live if f.severity == Severity.WARNING),
        unknown=sum(1 for f in live if f.severity == Severity.UNKNOWN),
        waived=len(waivers),
        quotas=tuple(quotas),
        quota_total=total,
        bodies=tuple(bodies),
        counted=counted,
        bodies_more=more,
        bodies_more_flagged=more_flagged,
        groups=groups,
        waivers=waivers,
        chart_svg=svg,
        chart_error=chart_error,
        county=plan.town.county or "",
        chart_page=_chart_page(svg, chart_page),
    )


def _groups(findings: Sequence[Finding], result: FileResult, lang: str) -> tuple[SeverityGroup, ...]:
    live = [f for f in findings if not f.waived]
    return tuple(
        SeverityGroup(sev.value, word(f"sev.{sev.value}", lang),
                      tuple(_finding_row(f, result, lang) for f in live if f.severity == sev))
        for sev in SEVERITIES
        if any(f.severity == sev for f in live)
    )


def county_section(result: FileResult, county: str, lang: str, n: int,
                   fail_on: Severity = Severity.ERROR) -> CountySection:
    """What a county file says against its towns (ST95x), as `check` says it."""
    live = [f for f in result.findings if not f.waived]
    return CountySection(
        anchor=f"county-{n}", path=result.path, county=county,
        status=file_status(result, lambda f: _failing(f, fail_on)),
        errors=sum(1 for f in live if f.severity == Severity.ERROR),
        warnings=sum(1 for f in live if f.severity == Severity.WARNING),
        unknown=sum(1 for f in live if f.severity == Severity.UNKNOWN),
        groups=_groups(result.findings, result, lang),
    )


def _drawn_together(plans: Sequence[FileResult], lang: str, chart: ChartMaker | None) -> ChartMaker | None:
    """`chart` for a report of several plans: their charts drawn first, one a core at a time (a
    chart is mostly its runs of `dot`, each a process of its own; while one thread waits for
    its dot the next chart's is running), then handed to the sections in order."""
    if chart is None or len(plans) < 2:
        return chart
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=min(len(plans), os.cpu_count() or 1)) as pool:
        drawn = dict(zip(map(id, plans), pool.map(lambda r: chart(r, lang), plans), strict=True))
    return lambda result, _lang: drawn[id(result)]


def build_report(results: Sequence[FileResult], lang: str, review_date: _dt.date, chart: ChartMaker | None = None,
                 fail_on: Severity = Severity.ERROR, chart_page: str = "A4 landscape") -> Report:
    """The report of `results` (in the order given: the CLI sorts them by path), county files
    among them.  Raises InputProblem when their plans hold more than REPORT_BODIES bodies in all."""
    county_files = [r for r in results if is_county(r.path) and r.error is None and r.plan is None]
    results = [r for r in results if not (is_county(r.path) and r.error is None and r.plan is None)]
    plans = [r for r in results if r.plan is not None and r.pack is not None]
    total = sum(body_count(r) for r in plans)
    if total > REPORT_BODIES:
        raise problem("", "report.too-many-bodies", count=total, limit=REPORT_BODIES)
    many = len(results) > 1 or bool(county_files)  # a county file is read with its towns: on the summary page
    report = Report(lang, word("title.many" if many else "title", lang), review_date.isoformat(),
                    chart_page=chart_page)
    chart = _drawn_together(plans, lang, chart)
    report.sections = [plan_section(r, lang, review_date, n, chart, fail_on, chart_page) for n, r in enumerate(plans, 1)]
    folders = {os.path.dirname(s.path): s.county for s in report.sections if s.county}
    report.counties = [county_section(r, folders.get(os.path.dirname(r.path)) or os.path.basename(
        os.path.dirname(r.path)) or r.path, lang, n, fail_on) for n, r in enumerate(county_files, 1)]
    if many:
        by_path = {s.path: s for s in report.sections}
        rows: list[SummaryRow] = []
        for r in results:
            s = by_path.get(r.path)
            if s is None:
                note = r.error.where() + "：" + r.error.message(lang) if r.error is not None else ""
                rows.append(SummaryRow(r.path, "—", "—", "error", 0, 0, None, note))
            else:
                rows.append(SummaryRow(r.path, s.town, s.county or "—", s.status, s.errors, s.warnings, s.anchor))
        counties: dict[str, list[SummaryRow]] = {}
        for row in rows:
            counties.setdefault(row.county, []).append(row)
        report.summary = Summary(
            plans=tuple(rows),
            counties=tuple(
                CountyRow(c, sum(r.status == "pass" for r in rs), sum(r.status == "fail" for r in rs),
                          sum(r.status == "incomplete" for r in rs), sum(r.status == "error" for r in rs))
                for c, rs in sorted(counties.items())
            ),
            passed=sum(r.status == "pass" for r in rows),
            failed=sum(r.status == "fail" for r in rows),
            incomplete=sum(r.status == "incomplete" for r in rows),
            unusable=sum(r.status == "error" for r in rows),
        )
    return report
