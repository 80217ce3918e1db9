"""One file: read → model → graph → checks → findings.  Never prints."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from staffing.checks import (
    FORMULA_VALUE_USED,
    PACK_LOOSENS_PARENT,
    PLAN_CHECKS,
    Check,
    lookup,
    option_words,
)
from staffing.checks.base import Problem
from staffing.checks.context import Context
from staffing.checks.pack import Pack
from staffing.checks.tally import key_figures
from staffing.errors import InputProblem, problem, visible
from staffing.findings import Finding, Loc, Severity, Trail
from staffing.io.load import Document, display_path
from staffing.messages import CATALOGUE, words
from staffing.packs.load import resolve
from staffing.plan.model import Plan
from staffing.plan.summary import PlanSummary
from staffing.run.read import Source, check_roles, pack_of, pack_ref, read_plan, read_valid, validate_plan
from staffing.run.results import DEFAULT_SETTINGS, FileResult, Settings
from staffing.words import Words


def check_source(source: Source, settings: Settings = DEFAULT_SETTINGS) -> FileResult:
    """Check one plan, from disk or from bytes held in memory: read it, choose its pack,
    run the checks.  Never raises for anything in the file: the result carries the error."""
    shown = source.shown
    if source.shown_as is None:  # worked out once, not again by each step that names the file
        source = replace(source, shown_as=shown)
    result = FileResult(shown)
    try:
        doc, plan = read_plan(source, settings)
        result.document = doc
        result.plan = plan
        result.summary = PlanSummary.of(plan, pack_ref(plan.rule_pack, settings, bool(doc.cells)))
        pack = pack_of(plan, doc, settings)
        result.pack = pack
        check_roles(pack, doc)
        ctx = Context.of(plan, pack)
        result.findings = run_checks(plan, pack, doc, settings, ctx)
        # the figures every summary shows, as the checks count them
        result.summary = replace(result.summary, figures=key_figures(ctx))
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


def binding_pack(pack: Pack, plan: Plan, settings: Settings) -> Pack | None:
    """Where the pack a plan names does not cover it (ST802 runs and the unit lies outside the
    pack's kinds, developed towns or place): the nearest pack of its `extends` chain that does
    (Jiangsu's common rules for a Suzhou town checked against Taizhou's pack, else the base
    rules), whose checks with its own options are the binding ones.  None where the named pack
    covers the plan, ST802 does not run, or no pack of the chain covers it."""
    town = plan.town
    if pack.scope.covers(town) or not any(check.others_advisory for check, _ in active_checks(pack, settings)):
        return None
    owner = pack.covering(town)
    if owner is None or owner == pack.id:
        return None
    try:
        return resolve(owner, settings.packs)
    except InputProblem:
        return None


def run_checks(plan: Plan, pack: Pack, doc: Document, settings: Settings = DEFAULT_SETTINGS,
               ctx: Context | None = None) -> list[Finding]:
    """Every active check of the pack on the plan, each problem made a finding (at most
    `max_findings_per_check` of a check and `max_findings_per_file` in all, the rest summed
    up in one finding per check), then what a check's finding does to the others (ST802)
    and the reader's notes; sorted.

    Where the pack does not cover the plan (ST802), the binding findings are those of the
    nearest pack of its chain that does, each check run with that pack's own options (an
    allowance only the named pack grants, such as Taizhou's quota moved down, does not soften
    Jiangsu's common rule); the named pack's findings are kept as information where they say
    something the binding ones do not (`_beside`)."""
    ctx = ctx or Context.of(plan, pack)
    head = (Words.same(visible(plan.town.name)),)
    findings: list[Finding] = []
    room = settings.limits.max_findings_per_file
    binder = binding_pack(pack, plan, settings)
    named = active_checks(pack, settings)
    if binder is None:
        binding: list[bool] = []  # each finding: does the pack it rests on cover the plan (ST802)?
        for check, opts in named:
            room = _run_check(check, opts, pack, ctx, doc, head, settings, room, findings, binding, False)
        if any(f.code in _ADVISORY_CODES for f in findings):
            # a check says the pack does not cover this plan and none of the packs it extends
            # does either: what rests on that pack (its options, or a check only it names) does
            # not bind; what the packs it extends say of a unit they do cover keeps its severity
            findings = [f if binds else replace(f, severity=Severity.INFO)
                        for f, binds in zip(findings, binding, strict=True)]
    else:
        # the checks of the pack that covers the plan, with its options, bind; the named pack's
        # findings are information, where they say something the binding ones do not
        bound_ctx = Context(plan, ctx.graph, binder)
        bound = dict(active_checks(binder, settings))
        flags: list[bool] = []
        said: list[Finding] = []
        for check, opts in named:
            if check.others_advisory:  # ST802 itself, of the named pack
                room = _run_check(check, opts, pack, ctx, doc, head, settings, room, findings, flags, False)
                continue
            if check in bound:
                room = _run_check(check, bound.pop(check), binder, bound_ctx, doc, head, settings, room, said,
                                  [], False)
            room = _run_check(check, opts, pack, ctx, doc, head, settings, room, findings, flags, True)
        for check, opts in bound.items():  # a check the named pack turns off binds all the same
            if not check.others_advisory:
                room = _run_check(check, opts, binder, bound_ctx, doc, head, settings, room, said, [], False)
        findings = _beside(said, findings, flags)
    findings.extend(reading_notes(plan, doc))
    findings.sort(key=Finding.sort_key)
    return findings


_ADVISORY_CODES = frozenset(check.code for check in PLAN_CHECKS if check.others_advisory)


def _run_check(check: type[Check], opts: Any, pack: Pack, ctx: Context, doc: Document, head: tuple[Words, ...],
               settings: Settings, room: int, findings: list[Finding], binding: list[bool], advisory_only: bool) -> int:
    """The findings of one check, with `pack`'s severities and sources, appended to `findings`
    (and, for each, whether the pack it rests on covers the plan to `binding`); `advisory_only`:
    every one as information.  Returns the room left."""
    town = ctx.plan.town
    per_check = settings.limits.max_findings_per_check
    listed = 0
    more: Problem | None = None  # the first one left out, for where the summary points
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
            more = more or prob
            continue
        listed += 1
        room -= 1
        source = prob.cite or pack.source(check.slug, prob.option)
        severity = Severity.INFO if advisory_only else _severity(check, pack, prob.severity, prob.unknown)
        findings.append(finding_of(check, prob, doc, severity, head, source, pack.cited(source)))
        binding.append(check.others_advisory or pack.binds(check.slug, prob.option, town))
    if more is not None:
        assert more_severity is not None
        params = {"count": more_count, "listed": listed}
        findings.append(make_finding(check, "run.more-findings", params, place(doc, more.loc, more.at_key, cell=False),
                                     Severity.INFO if advisory_only else more_severity, head))
        binding.append(check.others_advisory or pack.binds(check.slug, more.option, town))
    return room


def _beside(binding: list[Finding], named: list[Finding], binds: list[bool]) -> list[Finding]:
    """The binding findings, then those of the named pack (information, but ST802's own) that say
    what they do not: one resting on the rules that cover the plan, where a binding finding of its
    check stands at the same place, is that finding softened by what does not apply (Taizhou's
    quota moved down: 多5名 beside 多6名), and a repeat of a binding finding word for word (an
    option the named pack sets as its parent does) says nothing more."""
    places = {(f.code, f.loc, f.line, f.column) for f in binding}
    exact = {(f.code, f.loc, f.line, f.column, f.message) for f in binding}
    kept = [f for f, b in zip(named, binds, strict=True)
            if f.code in _ADVISORY_CODES
            or ((f.code, f.loc, f.line, f.column) not in places if b
                else (f.code, f.loc, f.line, f.column, f.message) not in exact)]
    return binding + kept


# ---- making a finding: one way for every code ----------------------------------------------


@dataclass(frozen=True)
class Place:
    """Where a finding stands: the file, line and column (a workbook's row and column),
    the path of the value in the data and, in a workbook, the sheet and cell."""

    file: str
    line: int
    column: int
    loc: Loc = ()
    sheet: str | None = None
    cell: str | None = None


def place(doc: Document, loc: Loc, at_key: bool = False, cell: bool = True) -> Place:
    """The place of the value (or of its key) at `loc` in a document; `cell=False`: the
    line alone, with no path (a summary of findings left out)."""
    line, col = doc.locate(loc, key=at_key)
    if not cell:
        return Place(doc.path, line, col)
    sheet, where = doc.locate_cell(loc) or (None, None)
    return Place(doc.path, line, col, loc, sheet, where)


def make_finding(check: type[Check], key: str, params: dict[str, Any], at: Place, severity: Severity,
                 trail: Sequence[Words] = (), source: str | None = None, cited: Words | None = None) -> Finding:
    """A finding of `check`: its message `key` filled with `params` in both languages (every
    text from a plan made visible first: no control or bidi character reaches a message),
    at its place, with the trail, the policy source and its citation; the numbers behind it
    kept for machines."""
    shown = _inert(params)
    numbers = {k: v for k, v in params.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}
    return Finding(code=check.code, slug=check.slug, severity=severity, message=words(key, shown), file=at.file,
                   line=at.line, column=at.column, loc=at.loc, trail=Trail(trail), source=source, numbers=numbers,
                   sheet=at.sheet, cell=at.cell, cited=cited)


def finding_of(check: type[Check], prob: Problem, doc: Document, severity: Severity, head: Sequence[Words],
               source: str | None, cited: Words | None) -> Finding:
    """The finding a check's problem in `doc` makes: at the problem's place, its trail below
    `head` (the town, or the county)."""
    params = dict(prob.params)
    if "first_loc" in params:  # where the other of a pair is (a repeated name): its line or cell
        params.update(_place_of(doc, tuple(params.pop("first_loc"))))
    trail = (*head, *(Words(visible(zh), visible(en)) for zh, en in prob.trail))
    return make_finding(check, prob.key, params, place(doc, prob.loc, prob.at_key), severity, trail, source, cited)


def _place_of(doc: Document, loc: tuple[str | int, ...]) -> dict[str, Any]:
    """How a message says where a value is: its sheet and cell in a workbook, else its line."""
    cell = doc.locate_cell(loc)
    if cell is not None:
        return {"first_at": Words.same(f"{visible(cell[0])}!{cell[1]}")}
    line, _ = doc.locate(loc)
    return {"first_at": words("place.line", {"line": line})}


def _inert(params: dict[str, Any]) -> dict[str, Any]:
    """Message parameters with every text (and every text in a list) made visible."""
    return {k: [_visible(x) for x in v] if isinstance(v, list) or (isinstance(v, tuple) and not isinstance(v, Words))
            else _visible(v) for k, v in params.items()}


def _visible(value: Any) -> Any:
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, Words):
        return Words(visible(value.zh), visible(value.en))
    return value


def _setting_word(option: str, value: Any) -> Any:
    """A loosened switch in words: enabled/disabled, or the severity's name."""
    if option == "enabled" and isinstance(value, bool):
        return words("pack.enabled" if value else "pack.disabled")
    if option == "severity" and isinstance(value, Severity):
        return words(f"report.{value.value}")
    return value


def reading_notes(plan: Plan, doc: Document) -> list[Finding]:
    """What the reader noticed and the user should know (ST003: a formula's saved value
    was used, never evaluated): notes, which never fail a run."""
    head = (Words.same(plan.town.name),)
    return [make_finding(FORMULA_VALUE_USED, key, params, place(doc, loc), FORMULA_VALUE_USED.severity, head)
            for loc, key, params in doc.notes]


def pack_findings(pack: Pack) -> list[Finding]:
    """Warnings about the pack itself: every limit a child pack loosened, every check it
    turned off and every severity it lowered."""
    out = []
    for lo in pack.loosened:
        check = lookup(lo.slug)
        code = check.code if check else lo.slug
        option = option_words(check, lo.option)
        parent = pack_titles(lo.parent_pack)
        params = {"pack": Words(pack.title.get("zh", pack.id), pack.title.get("en", pack.id)),
                  "parent": Words(*parent),
                  "check": Words(f"{code}“{CATALOGUE.get(f'title.{code}', (lo.slug, lo.slug))[0]}”", f"{code} ({lo.slug})"),
                  "option": option, "parent_value": _setting_word(lo.option, lo.parent_value),
                  "value": _setting_word(lo.option, lo.value)}
        at = Place(display_path(lo.file), lo.line, lo.column, ("checks", lo.slug, lo.option))
        trail = (Words.same(pack.id), Words.same(lo.slug), Words.same(lo.option))
        out.append(make_finding(PACK_LOOSENS_PARENT, "ST000", params, at, PACK_LOOSENS_PARENT.severity, trail))
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
