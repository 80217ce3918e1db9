"""One file: read → model → graph → checks → findings.  Never prints."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from staffing.checks import FORMULA_VALUE_USED, PACK_LOOSENS_PARENT, PLAN_CHECKS, Check, lookup
from staffing.checks.base import Problem
from staffing.checks.context import Context
from staffing.checks.pack import Pack
from staffing.errors import InputProblem, problem, visible
from staffing.findings import Finding, Severity
from staffing.io.load import Document, display_path
from staffing.messages import CATALOGUE, render
from staffing.packs.load import resolve
from staffing.plan.model import Plan
from staffing.plan.summary import PlanSummary
from staffing.run.read import Source, check_roles, pack_of, pack_ref, read_plan, read_valid, validate_plan
from staffing.run.results import DEFAULT_SETTINGS, FileResult, Settings


def check_source(source: Source, settings: Settings = DEFAULT_SETTINGS) -> FileResult:
    """Check one plan, from disk or from bytes held in memory: read it, choose its pack,
    run the checks.  Never raises for anything in the file: the result carries the error."""
    shown = source.shown
    result = FileResult(shown)
    try:
        doc, plan = read_plan(source, settings)
        result.document = doc
        result.plan = plan
        result.summary = PlanSummary.of(plan, pack_ref(plan.rule_pack, settings, bool(doc.cells)))
        pack = pack_of(plan, doc, settings)
        result.pack = pack
        check_roles(pack, doc)
        result.findings = run_checks(plan, pack, doc, settings)
    except InputProblem as exc:
        result.error = exc if exc.file == shown or exc.file != source.path else exc.renamed(shown)
    except Exception as exc:  # deliberately broad: a bug of ours must not stop the rest of the batch
        result.error = problem(shown, "input.internal", reason=f"{type(exc).__name__}: {exc}"[:200])
    return result


def check_file(path: str, settings: Settings = DEFAULT_SETTINGS) -> FileResult:
    """`check_source` of the file at `path`."""
    return check_source(Source(path), settings)


def read_context(source: Source, settings: Settings) -> Context:
    """What the checks read of a plan (its pack, graph and readings), for a chart drawn
    apart from the check.  Raises InputProblem."""
    doc, plan = read_valid(source, validate_plan, settings.limits)
    return Context.of(plan, pack_of(plan, doc, settings))


def _severity(check: type[Check], pack: Pack, override: Severity | None, unknown: bool = False) -> Severity:
    if unknown:
        return Severity.UNKNOWN
    setting = pack.setting(check)
    if setting is not None and setting.severity is not None:
        return setting.severity
    return override or check.severity


def active_checks(pack: Pack, settings: Settings) -> list[tuple[type[Check], Any]]:
    """The checks a run uses with this pack, with their options: worked out once per pack
    and selection, not for every plan."""
    key = ("active", settings.select, settings.ignore)
    active = pack._memo.get(key)
    if active is None:
        active = []
        for check in PLAN_CHECKS:
            setting = pack.setting(check)
            if setting is None or not setting.enabled or not settings.selects(check.code, check.slug):
                continue
            active.append((check, pack.options(check)))
        pack._memo[key] = active
    return active


def run_checks(plan: Plan, pack: Pack, doc: Document, settings: Settings = DEFAULT_SETTINGS) -> list[Finding]:
    ctx = Context.of(plan, pack)
    town = visible(plan.town.name)
    findings: list[Finding] = []
    per_check = settings.limits.max_findings_per_check
    room = settings.limits.max_findings_per_file
    for check, opts in active_checks(pack, settings):
        listed = 0
        more: list[Problem] = []  # the first one left out, for where the summary points
        more_count = 0
        more_severity: Severity | None = None
        seen: set[tuple[Severity | None, bool]] = set()
        for prob in check().run(ctx, opts):
            if listed >= per_check or room <= 0:
                # counted, not listed: no message, no location, no memory per finding
                more_count += 1
                kind = (prob.severity, prob.unknown)
                if kind not in seen:
                    seen.add(kind)
                    sev = _severity(check, pack, prob.severity, prob.unknown)
                    if more_severity is None or sev.rank < more_severity.rank:
                        more_severity = sev
                if not more:
                    more.append(prob)
                continue
            listed += 1
            room -= 1
            line, col = doc.locate(prob.loc, key=prob.at_key)
            shown = _inert(prob.params)  # names from the plan: no control or bidi character in a message
            if "first_loc" in shown:  # where the other of a pair is (a repeated name): its line or cell
                shown.update(_place_of(doc, tuple(shown.pop("first_loc"))))
            sheet, cell = doc.locate_cell(prob.loc) or (None, None)
            findings.append(
                Finding(
                    code=check.code,
                    slug=check.slug,
                    severity=_severity(check, pack, prob.severity, prob.unknown),
                    message_zh=render(prob.key, "zh", shown),
                    message_en=render(prob.key, "en", shown),
                    file=doc.path,
                    line=line,
                    column=col,
                    loc=prob.loc,
                    trail_zh=(town, *(visible(zh) for zh, _ in prob.trail)),
                    trail_en=(town, *(visible(en) for _, en in prob.trail)),
                    source=(cited := prob.cite or pack.source(check.slug, prob.option)),
                    citation_zh=pack.citation(cited, "zh"),
                    citation_en=pack.citation(cited, "en"),
                    numbers={k: v for k, v in prob.params.items() if isinstance(v, (int, float)) and not isinstance(v, bool)},
                    sheet=sheet,
                    cell=cell,
                )
            )
        if more_count:
            assert more_severity is not None
            findings.append(_more(check, more[0], more_count, listed, more_severity, doc, town))
    if any(f.code == "ST802" for f in findings):
        # the pack does not cover this unit: what else it says is shown, but does not bind
        findings = [f if f.code == "ST802" else replace(f, severity=Severity.INFO) for f in findings]
    findings.extend(reading_notes(plan, doc))
    findings.sort(key=Finding.sort_key)
    return findings


def _place_of(doc: Document, loc: tuple[str | int, ...]) -> dict[str, str]:
    """How a message says where a value is: its sheet and cell in a workbook, else its line."""
    cell = doc.locate_cell(loc)
    if cell is not None:
        return {"first_at_zh": f"{visible(cell[0])}!{cell[1]}", "first_at_en": f"{visible(cell[0])}!{cell[1]}"}
    line, _ = doc.locate(loc)
    return {"first_at_zh": render("place.line", "zh", {"line": line}),
            "first_at_en": render("place.line", "en", {"line": line})}


def _inert(params: dict[str, Any]) -> dict[str, Any]:
    """Message parameters with every text (and every text in a list) made visible."""
    out: dict[str, Any] = {}
    for k, v in params.items():
        if isinstance(v, str):
            v = visible(v)
        elif isinstance(v, (list, tuple)):
            v = [visible(x) if isinstance(x, str) else x for x in v]
        out[k] = v
    return out


def _more(check: type[Check], first: Problem, count: int, listed: int, severity: Severity, doc: Document,
          town: str) -> Finding:
    """One finding for the `count` findings of `check` left out of the list, where the first
    of them stands; it fails the file as they would."""
    params = {"count": count, "listed": listed}
    line, col = doc.locate(first.loc, key=first.at_key)
    return Finding(
        code=check.code, slug=check.slug, severity=severity,
        message_zh=render("run.more-findings", "zh", params), message_en=render("run.more-findings", "en", params),
        file=doc.path, line=line, column=col, loc=(), trail_zh=(town,), trail_en=(town,), numbers=params,
    )


def _setting_word(option: str, value: Any, lang: str) -> Any:
    """A loosened switch in words: enabled/disabled, or the severity's name."""
    if option == "enabled" and isinstance(value, bool):
        return render("pack.enabled" if value else "pack.disabled", lang, {})
    if option == "severity" and isinstance(value, Severity):
        return render(f"report.{value.value}", lang, {})
    return value


def reading_notes(plan: Plan, doc: Document) -> list[Finding]:
    """What the reader noticed and the user should know (ST003: a formula's saved value
    was used, never evaluated): notes, which never fail a run."""
    out = []
    for loc, key, params in doc.notes:
        line, col = doc.locate(loc)
        sheet, cell = doc.locate_cell(loc) or (None, None)
        out.append(Finding(
            code=FORMULA_VALUE_USED.code, slug=FORMULA_VALUE_USED.slug, severity=FORMULA_VALUE_USED.severity,
            message_zh=render(key, "zh", params), message_en=render(key, "en", params),
            file=doc.path, line=line, column=col, loc=loc,
            trail_zh=(plan.town.name,), trail_en=(plan.town.name,), sheet=sheet, cell=cell,
        ))
    return out


def pack_findings(pack: Pack) -> list[Finding]:
    """Warnings about the pack itself: every limit a child pack loosened, every check it
    turned off and every severity it lowered."""
    out = []
    for lo in pack.loosened:
        check = lookup(lo.slug)
        code = check.code if check else lo.slug
        option = CATALOGUE.get(f"option.{lo.option}", (lo.option, lo.option))
        parent = pack_titles(lo.parent_pack)

        def params(lang: str, lo: Any = lo, code: str = code, option: tuple[str, str] = option,
                   parent: tuple[str, str] = parent) -> dict[str, Any]:
            return {"pack": pack.id, "parent": lo.parent_pack, "check": lo.slug, "option": lo.option,
                    "pack_zh": pack.title.get("zh", pack.id), "pack_en": pack.title.get("en", pack.id),
                    "parent_zh": parent[0], "parent_en": parent[1],
                    "check_zh": f"{code}“{CATALOGUE.get(f'title.{code}', (lo.slug, lo.slug))[0]}”",
                    "check_en": f"{code} ({lo.slug})", "option_zh": option[0], "option_en": option[1],
                    "parent_value": _setting_word(lo.option, lo.parent_value, lang),
                    "value": _setting_word(lo.option, lo.value, lang)}

        out.append(
            Finding(
                code=PACK_LOOSENS_PARENT.code,
                slug=PACK_LOOSENS_PARENT.slug,
                severity=PACK_LOOSENS_PARENT.severity,
                message_zh=render("ST000", "zh", params("zh")),
                message_en=render("ST000", "en", params("en")),
                file=display_path(lo.file),
                line=lo.line,
                column=lo.column,
                loc=("checks", lo.slug, lo.option),
                trail_zh=(pack.id, lo.slug, lo.option),
                trail_en=(pack.id, lo.slug, lo.option),
            )
        )
    return out



def pack_titles(pack_id: str) -> tuple[str, str]:
    """A pack's title in both languages (its id where it cannot be loaded)."""
    try:
        title = resolve(pack_id).title
    except InputProblem:
        return pack_id, pack_id
    return title.get("zh", pack_id), title.get("en", pack_id)


def packs_findings(results: list[FileResult]) -> list[Finding]:
    """Pack warnings, once per pack used in the run."""
    seen: dict[str, Pack] = {}
    for r in results:
        if r.pack is not None:
            seen.setdefault(r.pack.id, r.pack)
    out: list[Finding] = []
    for pack_id in sorted(seen):
        out.extend(pack_findings(seen[pack_id]))
    return out
