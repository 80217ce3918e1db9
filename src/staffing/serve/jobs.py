"""What the page's workers do (see `staffing.serve.work`): check uploads and make the result
page, make a download, compare two versions, write the template workbook.  Each job takes an
`Ask` (plain data: the uploads' bytes and the reviewer's choices) and returns text or bytes;
it reads and writes no file of its own and keeps nothing for the next job.

Every plan goes through the one pipeline (`staffing.run.pipeline.run`), held in memory under
the name the page shows for it."""

from __future__ import annotations

import base64
import contextlib
import datetime as _dt
import functools
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from staffing.errors import InputProblem, problem
from staffing.findings import Finding, Severity
from staffing.io.document import DEFAULT_LIMITS, Limits
from staffing.io.output import safe_name
from staffing.run.pipeline import NO_WAIVERS, Request, Source, run
from staffing.run.results import FileResult, Run, Settings
from staffing.serve.pages import page, word
from staffing.serve.upload import is_plan_name

ROWS_SHOWN = 300  # rows of a sheet shown as a table (and every row holding a finding)
COLS_SHOWN = 40


@dataclass(frozen=True)
class Ask:
    """One request of the page: the files (name shown, bytes) and what the reviewer chose."""

    files: tuple[tuple[str, bytes], ...]
    lang: str = "zh"
    default_lang: str = "zh"
    pack: str | None = None  # a pack id chosen from the list; None: each plan's own
    strict: bool = False
    limits: Limits = DEFAULT_LIMITS
    packs: tuple[str, ...] = ()  # pack folders the server was started with
    what: str = ""  # which download
    index: int | None = None  # which plan, for a download of one plan


def warm() -> None:
    """Import what the jobs use, once, when a worker starts (the first upload is then as
    quick as the others)."""
    import importlib

    for module in ("staffing.charts.draw", "staffing.io.sheets", "staffing.report.html", "staffing.run.engine",
                   "staffing.serve.markdown", "weasyprint"):
        with contextlib.suppress(ImportError, OSError):  # OSError: Pango missing (said on the page)
            importlib.import_module(module)


# ---- checking ----------------------------------------------------------------------------


def _settings(ask: Ask) -> Settings:
    return Settings(rules=ask.pack, packs=ask.packs, limits=ask.limits)


def checked(ask: Ask, only: int | None = None) -> Run:
    """The uploads checked through the pipeline, results in the order of the uploads (or
    only the upload `only`).  A file that is not a plan by its suffix is an unusable
    result with its reason; the others are still checked."""
    chosen = [(k, name, data) for k, (name, data) in enumerate(ask.files) if only is None or k == only]
    problems = tuple(FileResult(name, error=problem(name, "serve.suffix")) for _, name, data in chosen
                     if not is_plan_name(name))
    sources = tuple(Source(name, data) for _, name, data in chosen if is_plan_name(name))
    outcome = run(Request(sources=sources, settings=_settings(ask), strict=ask.strict, waivers=NO_WAIVERS,
                          county=False, whole=True, problems=problems, rollup=False))
    order = {name: k for k, name, _ in chosen}
    outcome.results.sort(key=lambda r: order.get(r.path, len(order)))
    return outcome


@dataclass
class CellView:
    id: str
    text: str
    hits: list[tuple[str, str, str]] = field(default_factory=list)  # (finding id, severity, code)


@dataclass
class GridView:
    id: str
    name: str
    rows: list[tuple[int | None, list[CellView]]]  # (row number or None for a gap, cells)
    cols: list[str]
    hit: bool
    cut: bool
    count: int  # cells marked


@dataclass
class FindingView:
    id: str
    code: str
    title: str
    severity: str
    message: str
    place: str  # 合计!B3 or 第30行第28列
    trail: str
    document: str | None
    quote: str | None
    inferred: bool
    waived: str | None
    cell: str | None  # the id of its cell in the sheet tables
    explain: Markup | None


@dataclass
class ProblemView:
    place: str
    message: str
    cell: str | None


@dataclass
class PlanView:
    index: int
    id: str
    name: str
    status: str
    section: Any  # report.build.PlanSection, for a usable plan
    groups: list[tuple[str, str, list[FindingView]]]  # (severity, heading, findings)
    waived: list[FindingView]
    problems: list[ProblemView]
    grids: list[GridView]
    convertible: bool


def _place(lang: str, sheet: str | None, cell: str | None, line: int | None, column: int | None) -> str:
    if sheet is not None and cell:
        return f"{sheet}!{cell}"
    if sheet is not None:
        return sheet
    if line is None:
        return word("place.file", lang)
    return word("place.line", lang, line=line, column=column or 1)


@functools.lru_cache(maxsize=256)
def explanation(code: str, lang: str) -> Markup | None:
    """A check's explanation as HTML (the tool's own text, the same for every upload)."""
    from staffing.reporters.explain import explain_text
    from staffing.serve.markdown import explanation_html

    text = explain_text(code, lang)
    return explanation_html(text) if text else None


def _explanations(lang: str) -> Any:
    return lambda code: explanation(code, lang)


def _read_grids(name: str, data: bytes | None, limits: Limits) -> list[Any]:
    """A workbook's visible sheets, or none (not a workbook, or one that cannot be opened)."""
    if data is None:
        return []
    from staffing.io.sheets import sheet_grids

    try:
        return sheet_grids(name, data, limits)
    except Exception:  # a file the reader refuses (InputProblem), or a bug of ours (the check of this file
        return []  # says input.internal): shown without its sheets, and the rest of the page stands


def _grids(grids: list[Any], pid: str,
           hits: dict[tuple[str, str], list[tuple[str, str, str]]]) -> tuple[list[GridView], dict[tuple[str, str], str]]:
    """The workbook's visible sheets as tables, and the id of each cell a finding or a
    problem points at (a finding whose sheet is not shown points nowhere)."""
    from staffing.io.document import cell_name
    from staffing.io.workbook import column_letter

    out: list[GridView] = []
    ids: dict[tuple[str, str], str] = {}
    for s, grid in enumerate(grids):
        wanted = {cell for (sheet, cell) in hits if sheet == grid.name}
        hit_rows: set[int] = set()
        hit_cols: set[int] = set()
        positions: dict[str, tuple[int, int]] = {}
        for cell in wanted:
            letters = cell.rstrip("0123456789")
            digits = cell[len(letters):]
            if not digits:
                continue
            col = 0
            for ch in letters:
                col = col * 26 + ord(ch.upper()) - 64
            positions[cell] = (int(digits), col)
            hit_rows.add(int(digits))
            hit_cols.add(col)
        nrows = max([grid.rows, *hit_rows]) if grid.cells or hit_rows else 0
        ncols = max([grid.cols, *hit_cols]) if grid.cells or hit_cols else 0
        rows_shown = sorted(set(range(1, min(nrows, ROWS_SHOWN) + 1)) | hit_rows)
        cols_shown = sorted(set(range(1, min(ncols, COLS_SHOWN) + 1)) | hit_cols)
        rows: list[tuple[int | None, list[CellView]]] = []
        previous = 0
        for r in rows_shown:
            if r != previous + 1:
                rows.append((None, []))
            previous = r
            cells = []
            for c in cols_shown:
                cname = cell_name(r, c)
                view = CellView(f"{pid}-s{s}-{cname}", grid.cells.get((r, c), ""), hits.get((grid.name, cname), []))
                if view.hits:
                    ids[(grid.name, cname)] = view.id
                cells.append(view)
            rows.append((r, cells))
        out.append(GridView(f"{pid}-s{s}", grid.name, rows, [column_letter(c) for c in cols_shown], bool(wanted),
                            nrows > ROWS_SHOWN or ncols > COLS_SHOWN, sum(1 for _, cells in rows for c in cells if c.hits)))
    return out, ids


def plan_view(outcome: Run, result: FileResult, k: int, data: bytes | None, ask: Ask, today: _dt.date,
              explain: Any, chart: Any) -> PlanView:
    from staffing.report.build import SEVERITIES, plan_section

    lang = ask.lang
    pid = f"p{k}"
    status = outcome.status(result)
    fail_on = Severity.WARNING if ask.strict else Severity.ERROR
    section = None
    groups: list[tuple[str, str, list[FindingView]]] = []
    waived: list[FindingView] = []
    problems: list[ProblemView] = []
    hits: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    findings: list[tuple[Finding, Any, str]] = []
    grid_data = data if data is not None and result.path.lower().endswith(".xlsx") else None
    grids_read = _read_grids(result.path, grid_data, ask.limits)  # while the chart is drawn
    if result.error is None and result.plan is not None and result.pack is not None:
        section = plan_section(result, lang, today, k + 1, chart, fail_on)
        live = [f for f in result.findings if not f.waived]
        rows = {g.severity: g.findings for g in section.groups}
        n = 0
        for sev in SEVERITIES:
            mine = [f for f in live if f.severity == sev]
            if not mine:
                continue
            for f, row in zip(mine, rows[sev.value], strict=True):
                findings.append((f, row, f"{pid}-f{n}"))
                n += 1
        for f, row in zip([f for f in result.findings if f.waived], section.waivers, strict=True):
            findings.append((f, row, f"{pid}-f{n}"))
            n += 1
        for f, _, fid in findings:
            if f.sheet is not None and f.cell:
                hits.setdefault((f.sheet, f.cell), []).append((fid, f.severity.value if not f.waived else "waived", f.code))
    elif result.error is not None:
        for n, e in enumerate(result.error.each()):
            if e.sheet is not None and e.cell:
                hits.setdefault((e.sheet, e.cell), []).append((f"{pid}-e{n}", "error", ""))
    grids: list[GridView] = []
    cell_ids: dict[tuple[str, str], str] = {}
    if grids_read:
        grids, cell_ids = _grids(grids_read, pid, hits)
    by_sev: dict[str, list[FindingView]] = {}
    for f, row, fid in findings:
        view = FindingView(fid, f.code, row.title, row.severity, row.message,
                           _place(lang, f.sheet, f.cell, f.line, f.column), row.trail, row.document, row.quote,
                           row.inferred, row.waived, cell_ids.get((f.sheet or "", f.cell or "")), explain(f.code))
        if f.waived:
            waived.append(view)
        else:
            by_sev.setdefault(row.severity, []).append(view)
    for sev in SEVERITIES:
        if sev.value in by_sev:
            groups.append((sev.value, word(f"sev.{sev.value}", lang), by_sev[sev.value]))
    if result.error is not None:
        for e in result.error.each():
            problems.append(ProblemView(_place(lang, e.sheet, e.cell, e.line, e.column), e.message(lang),
                                        cell_ids.get((e.sheet or "", e.cell or ""))))
    return PlanView(k, pid, result.path, status, section, groups, waived, problems, grids,
                    result.document is not None and result.plan is not None)


def held_fields(ask: Ask) -> list[str]:
    """Each upload carried back in the page (name, then its bytes in base64), so that a
    download or a second look sends the same files again: the server keeps nothing."""
    return [f"{name}:{base64.b64encode(data).decode('ascii')}" for name, data in ask.files]


_FONT: list[str] = []


def font() -> str | None:
    """The CJK font charts are drawn with, looked up once per worker (fc-list); None while
    there is none (looked up again next time: it may have been installed since)."""
    if not _FONT:
        from staffing.charts.render import RenderError, find_cjk_font

        try:
            _FONT.append(find_cjk_font())
        except RenderError:
            return None
    return _FONT[0]


def check(ask: Ask) -> str:
    """The result page of the uploads.  Each plan's chart is drawn (by `dot`, in processes
    of its own) while the rest of the page is made."""
    from concurrent.futures import ThreadPoolExecutor

    from staffing.report.charts import chart_maker
    from staffing.run.pipeline import today

    outcome = checked(ask)
    on = outcome.today or today()
    explain = _explanations(ask.lang)
    maker = chart_maker(font(), natural=True)
    data = {name: raw for name, raw in ask.files}
    with ThreadPoolExecutor(max_workers=2) as drawing:
        charts = {id(r): drawing.submit(maker, r, ask.lang) for r in outcome.results
                  if r.error is None and r.plan is not None and r.pack is not None}

        def chart(result: FileResult, lang: str) -> tuple[str | None, str | None]:
            return charts[id(result)].result()

        plans = [plan_view(outcome, r, k, data.get(r.path), ask, on, explain, chart)
                 for k, r in enumerate(outcome.results)]
    return page("result.html.j2", ask.lang, ask.default_lang, plans=plans, counts=outcome.counts(),
                held=held_fields(ask), pack=ask.pack or "", pack_title=_pack_title(ask), strict=ask.strict,
                review_date=on.isoformat(), many=len(plans) > 1, rows_shown=ROWS_SHOWN, cols_shown=COLS_SHOWN)


def _pack_title(ask: Ask) -> str:
    if not ask.pack:
        return ""
    from staffing.packs.load import resolve

    pack = resolve(ask.pack, ask.packs)
    return pack.title.get(ask.lang) or pack.id


# ---- downloads ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Download:
    data: bytes
    media_type: str
    filename: str


MEDIA = {"pdf": "application/pdf", "html": "text/html; charset=utf-8", "svg": "image/svg+xml", "png": "image/png",
         "yaml": "application/yaml; charset=utf-8", "json": "application/json; charset=utf-8",
         "sarif": "application/sarif+json; charset=utf-8",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "csv": "text/csv; charset=utf-8"}
KINDS = ("report.pdf", "report.html", "chart-A4.svg", "chart-A4.png", "chart-A4.pdf", "chart-A3.svg", "chart-A3.png",
         "chart-A3.pdf", "plan.yaml", "plan.xlsx", "findings.json", "findings.sarif", "summary.xlsx", "summary.csv")


class Refused(Exception):
    """A download that cannot be made: the catalogue key and its parameters."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def _town(result: FileResult) -> str:
    if result.plan is not None:
        return safe_name(result.plan.town.name)
    return safe_name(result.path.rsplit(".", 1)[0], "plan")


def download(ask: Ask) -> Download:
    """One download (`ask.what`, one of KINDS), of the plan `ask.index` or of every upload.
    Raises Refused."""
    what = ask.what
    lang = ask.lang
    if what not in KINDS:
        raise Refused("serve.unknown-download")
    suffix = what.rsplit(".", 1)[1]
    one = ask.index is not None and 0 <= ask.index < len(ask.files)
    outcome = checked(ask, ask.index if one else None)
    if what.startswith(("findings.", "summary.")):
        from staffing.reporters import whole

        text = whole({"findings.json": "json", "findings.sarif": "sarif"}.get(what, suffix), outcome, lang)
        data = text.encode("utf-8") if isinstance(text, str) else text
        name = word(f"file.{what.split('.')[0]}", lang)
        return Download(data, MEDIA[suffix], f"{name}.{suffix}")
    if what.startswith("report."):
        return _report(outcome, suffix, lang, ask.strict)
    if not one or not outcome.results:
        raise Refused("serve.unknown-download")
    result = outcome.results[0]
    if result.plan is None or result.pack is None:
        raise Refused("serve.unusable-download", name=result.path)
    if what.startswith("chart-"):
        return _chart(result, what[6:8], suffix, lang)
    return _plan(result, suffix)


def _report(outcome: Run, suffix: str, lang: str, strict: bool) -> Download:
    from staffing.report.build import build_report
    from staffing.report.charts import chart_maker
    from staffing.report.html import report_html
    from staffing.run.pipeline import today

    fail_on = Severity.WARNING if strict else Severity.ERROR
    report = build_report(outcome.results, lang, outcome.today or today(), chart_maker(font()), fail_on)
    if not report.sections and report.summary is None:
        raise Refused("serve.unusable-download", name=outcome.results[0].path if outcome.results else "")
    towns = [s.town for s in report.sections]
    base = safe_name(towns[0]) if len(outcome.results) == 1 and towns else word("file.reports", lang)
    name = f"{base}-{word('file.report', lang)}.{suffix}"
    if suffix == "html":
        return Download(report_html(report).encode("utf-8"), MEDIA["html"], name)
    from staffing.report.pdf import report_pdf

    try:
        return Download(report_pdf(report_html(report, pdf=True)), MEDIA["pdf"], name)
    except InputProblem as exc:
        raise Refused("serve.no-pdf", reason=exc.message(lang)) from None


def _chart(result: FileResult, paper: str, fmt: str, lang: str) -> Download:
    from staffing.charts.draw import fitted_chart
    from staffing.charts.paper import Sheet
    from staffing.charts.render import RenderError, chart_time, find_cjk_font, image_bytes
    from staffing.checks.context import Context

    assert result.plan is not None and result.pack is not None
    try:
        with chart_time():  # every run of dot for this chart together
            fitted = fitted_chart(Context.of(result.plan, result.pack), result.findings, lang, find_cjk_font(),
                                  Sheet.of(paper, "landscape"))
            data = image_bytes(fitted.dot, fmt)
    except RenderError as exc:
        raise Refused("serve.no-chart", reason=exc.message(lang)) from None
    return Download(data, MEDIA[fmt], f"{_town(result)}-{word('file.chart', lang)}-{paper}.{fmt}")


def _plan(result: FileResult, suffix: str) -> Download:
    from staffing.run.convert import own_data, plan_bytes

    assert result.document is not None
    name = f"{_town(result)}.{suffix}"
    return Download(plan_bytes(own_data(result.document), f".{suffix}", name), MEDIA[suffix], name)


# ---- comparing two versions ----------------------------------------------------------------


def compare(ask: Ask) -> str:
    """The page comparing the first upload (old) with the second (new): what changed, and
    both versions side by side on one chart."""
    from staffing.reporters.diff import report_text
    from staffing.run import diff

    lang = ask.lang
    problems: list[tuple[str, str]] = []
    versions = []
    for name, data in ask.files[:2]:
        try:
            if not is_plan_name(name):
                raise problem(name, "serve.suffix")
            versions.append(diff.load_version(name, ask.limits, data=data))
        except InputProblem as exc:
            problems += [(e.where(), e.message(lang)) for e in exc.each()]
    lines: list[tuple[bool, str]] = []
    chart_svg = chart_error = None
    ok = None
    other_town = False
    if not problems and len(versions) == 2:
        old, new = versions
        result = diff.compare(old, new)
        ok = result.ok
        other_town = old.plan.town.code != new.plan.town.code
        lines = [(line.startswith("  "), line.strip()) for line in report_text(result, lang).splitlines() if line.strip()]
        chart_svg, chart_error = _versions_chart(result, ask)
    return page("compared.html.j2", lang, ask.default_lang, problems=problems, lines=lines, ok=ok,
                other_town=other_town, chart_svg=chart_svg, chart_error=chart_error,
                names=[name for name, _ in ask.files[:2]])


def _versions_chart(result: Any, ask: Ask) -> tuple[Markup | None, str | None]:
    from staffing.charts.paper import Sheet, with_size
    from staffing.charts.render import RenderError, chart_time, compare_versions_dot, find_cjk_font, image
    from staffing.report.html import CHART_AREA_MM, inline_svg
    from staffing.run.read import choose_pack

    old, new = result.old, result.new
    try:
        pack = choose_pack(new.plan.rule_pack, _settings(ask))
        title = pack.title.get(ask.lang) or pack.id
    except InputProblem:
        title = new.plan.rule_pack
    links = [(i, j) for j, olds in result.body_map.items() for i in olds]
    try:
        dot = compare_versions_dot(old.plan, new.plan, links, labels=(old.label, new.label), pack_title=title,
                                   lang=ask.lang, font=find_cjk_font())
        with chart_time():
            return Markup(inline_svg(image(with_size(dot, Sheet.mm(*CHART_AREA_MM)), "svg"))), None
    except RenderError as exc:
        return None, exc.message(ask.lang)


# ---- the template workbook -----------------------------------------------------------------


def template(ask: Ask) -> Download:
    """The plan workbook an office fills in, for the pack `ask.pack` (marked with what it
    makes mandatory) or for none, with the filled example sheets."""
    from staffing.io.workbook_write import template_workbook
    from staffing.run.convert import example_plan, mandatory_of, pack_titles

    mandatory, pack_id, roles = mandatory_of(ask.pack) if ask.pack else (None, None, None)
    data = template_workbook(example_plan(pack_id), pack_titles(), mandatory, pack_id, roles)
    return Download(data, MEDIA["xlsx"], word("file.template", ask.lang) + ".xlsx")


JOBS = {"check": check, "download": download, "compare": compare, "template": template}
