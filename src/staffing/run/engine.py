"""Load → model → graph → checks → findings, for one file at a time.  Never prints."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from staffing.checks import FORMULA_VALUE_USED, PACK_LOOSENS_PARENT, PLAN_CHECKS, Check, lookup
from staffing.checks.base import Problem
from staffing.checks.context import Context
from staffing.errors import InputProblem, problem, together, visible
from staffing.findings import Finding, Severity
from staffing.io.load import DEFAULT_LIMITS, Document, Limits, display_path
from staffing.messages import CATALOGUE, render
from staffing.packs.load import is_pack_id, resolve, titles
from staffing.packs.pack import Pack
from staffing.plan.model import Plan, lacks_baseline
from staffing.plan.summary import PlanSummary
from staffing.plan.validate import did_you_mean, suggest, validate

T = TypeVar("T")


@dataclass(frozen=True)
class Settings:
    rules: str | None = None  # pack id, or a file named on the command line, overriding each plan's own
    packs: tuple[str, ...] = ()  # pack folders the configuration or --packs names (absolute paths)
    select: frozenset[str] = frozenset()  # codes; empty = all
    ignore: frozenset[str] = frozenset()
    limits: Limits = DEFAULT_LIMITS


@dataclass(frozen=True)
class Skipped:
    """A plan-like file in a checked folder that is not checked, and why (a catalogue key)."""

    path: str
    reason: str

    def message(self, lang: str) -> str:
        return render(self.reason, lang, {})


@dataclass
class FileResult:
    """One checked file.  `summary` is what every later step reads (reporters, waivers,
    county checks, roll-ups); `plan` and `document` are there only when the file was
    checked in this process (never for a result from another worker or the cache)."""

    path: str
    summary: PlanSummary | None = None
    pack: Pack | None = None
    findings: list[Finding] = field(default_factory=list)
    error: InputProblem | None = None
    plan: Plan | None = None
    document: Document | None = None
    # the result cache's key of the file's content, settings and tool, when the batch
    # worked it out (county roll-ups are cached on their towns' keys; see run.county)
    cache_key: str | None = None


def check_file(path: str, settings: Settings = Settings()) -> FileResult:
    shown = display_path(path)
    result = FileResult(shown)
    try:
        doc, plan = read_valid(path, shown, lambda d: validate_plan(d, lambda raw: raw_role_problems(raw, settings)),
                               settings.limits)
        result.document = doc
        result.plan = plan
        result.summary = PlanSummary.of(plan, settings.rules or own_pack(plan, doc))
        pack = pack_for(plan, doc, settings)
        result.pack = pack
        check_roles(plan, pack, doc)
        result.findings = run_checks(plan, pack, doc, settings)
    except InputProblem as exc:
        result.error = exc if exc.file == shown or exc.file != path else _renamed(exc, shown)
    except Exception as exc:  # deliberately broad: a bug of ours must not stop the rest of the batch
        result.error = problem(shown, "input.internal", reason=f"{type(exc).__name__}: {exc}"[:200])
    return result


def read_valid(path: str, shown: str, validate: Callable[[Document], T], limits: Limits = DEFAULT_LIMITS) -> tuple[Document, T]:
    """Read a file and validate what it holds: through the fast reader when it is sound,
    and again through the reference reader when validation fails, so that every error is
    reported from the reference reading, never the fast one.  Raises InputProblem."""
    doc = load_document(path, limits)
    doc.path = shown
    doc.problems = [p.renamed(shown) for p in doc.problems]
    try:
        return doc, validate(doc)
    except InputProblem:
        from staffing.io.fastload import LazyDocument

        if not isinstance(doc, LazyDocument):
            raise
        doc = doc.reference()  # the text already read, through the reference loader
        doc.path = shown
        doc.problems = [p.renamed(shown) for p in doc.problems]
        return doc, validate(doc)


def load_document(path: str, limits: Limits = DEFAULT_LIMITS, raw: bytes | None = None) -> Document:
    """The plan's document: parsed fast, with line numbers worked out only when asked for
    (see staffing.io.fastload); the reference loader wherever the fast parser could differ."""
    from staffing.io import fastload

    if raw is None:
        return fastload.load(path, limits)
    return fastload.load_raw(path, raw, limits)


def _renamed(exc: InputProblem, shown: str) -> InputProblem:
    return exc.renamed(shown)


def own_pack(plan: Plan, doc: Document) -> str:
    """The pack the plan names: its `rule_pack`, where a workbook names it by the Chinese
    title its drop-down shows (then the id of the pack of that title)."""
    own = plan.rule_pack
    if doc.cells:
        own = {title: pack_id for pack_id, title in titles().items()}.get(own.strip(), own)
    return own


def pack_for(plan: Plan, doc: Document, settings: Settings) -> Pack:
    """The pack a plan is checked against: --rules, else the plan's own `rule_pack`, which
    must be an id (a shipped pack or one in a configured pack folder), never a path: what
    a plan says cannot choose which file is read as its rules."""
    own = own_pack(plan, doc)
    if not settings.rules and not is_pack_id(own):
        raise problem_at(doc, ("rule_pack",), "pack.path-refused", pack=plan.rule_pack)
    ref = settings.rules or own
    try:
        return resolve(ref, settings.packs)
    except InputProblem as exc:
        if exc.key == "pack.unknown" and not settings.rules:
            line, col = doc.locate(("rule_pack",))
            sheet, cell = doc.locate_cell(("rule_pack",)) or (None, None)
            raise InputProblem(doc.path, exc.key, exc.params, line, col, sheet, cell) from None
        raise


def check_roles(plan: Plan, pack: Pack, doc: Document) -> None:
    """Every `role:` names a role of the pack, by id or Chinese label: a role the pack does
    not know is an input error at that value (a typo must not silently drop a role)."""
    problems = role_problems(doc, pack)
    if problems:
        raise together(problems)


def role_problems(doc: Document, pack: Pack) -> list[InputProblem]:
    """A problem at every `role:` value of the raw data the pack does not know, each with the
    pack's roles in full and the nearest one as a suggestion."""
    data = doc.data if isinstance(doc.data, dict) else {}
    bodies = data.get("bodies")
    out: list[InputProblem] = []
    for i, body in enumerate(bodies if isinstance(bodies, list) else []):
        role = body.get("role") if isinstance(body, dict) else None
        if isinstance(role, str):
            values: list[tuple[tuple[str | int, ...], Any]] = [(("bodies", i, "role"), role)]
        elif isinstance(role, list):
            values = [(("bodies", i, "role", j), v) for j, v in enumerate(role)]
        else:
            continue
        for loc, value in values:
            if not isinstance(value, str) or not value.strip() or pack.role_value(value.strip()) is not None:
                continue
            labels = {r: str(info.get("zh", r)) for r, info in pack.roles.items()}
            words = {**{r: r for r in labels}, **{zh: r for r, zh in labels.items()}}
            # words that name several roles (政法和社会事业): those; else the nearest by spelling
            guess = [r for r, _ in pack.roles_recognised(value.strip())]
            guess = list(dict.fromkeys(guess or [words[w] for w in suggest(value, words)]))
            out.append(problem_at(doc, loc, "input.unknown-role", role=value, known=list(labels.values()),
                                  known_en=list(labels), hint=did_you_mean([labels[g] for g in guess], "zh"),
                                  hint_en=did_you_mean(guess, "en")))
    return out


def raw_role_problems(doc: Document, settings: Settings) -> list[InputProblem]:
    """Role problems of a file that does not fit the plan format, so that they are reported
    with its other mistakes: against the pack it names, when that pack can be found."""
    data = doc.data if isinstance(doc.data, dict) else {}
    own = data.get("rule_pack")
    if not settings.rules and not isinstance(own, str):
        return []
    if isinstance(own, str) and doc.cells:
        own = {title: pack_id for pack_id, title in titles().items()}.get(own.strip(), own)
    ref = settings.rules or str(own)
    if not settings.rules and not is_pack_id(ref):
        return [problem_at(doc, ("rule_pack",), "pack.path-refused", pack=str(own))]
    try:
        return role_problems(doc, resolve(ref, settings.packs))
    except InputProblem as exc:
        if exc.key == "pack.unknown" and not settings.rules:
            line, col = doc.locate(("rule_pack",))
            sheet, cell = doc.locate_cell(("rule_pack",)) or (None, None)
            return [InputProblem(doc.path, exc.key, exc.params, line, col, sheet, cell)]
        return []


def problem_at(doc: Document, loc: tuple[str | int, ...], key: str, **params: object) -> InputProblem:
    """An input error at the value `loc` of the plan: line and column, and in a workbook
    the sheet and cell too."""
    line, col = doc.locate(loc)
    sheet, cell = doc.locate_cell(loc) or (None, None)
    return dataclasses.replace(problem(doc.path, key, line, col, **params), sheet=sheet, cell=cell)


def validate_plan(doc: Document, more: Callable[[Document], list[InputProblem]] | None = None) -> Plan:
    """The plan in `doc`, or an InputProblem carrying every mistake of the file at once
    (see staffing.plan.validate); `more` adds problems found in the raw data (roles)."""
    early = []
    if lacks_baseline(doc.data):
        zh, en = CATALOGUE["section.baseline"]
        if "baseline" in doc.data:  # written as ~: at its place
            early.append(problem_at(doc, ("baseline",), "input.missing-section", name="baseline", section_zh=zh,
                                    section_en=en))
        else:  # absent: no line of the file is where it is missing
            early.append(problem(doc.path, "input.missing-section", name="baseline", section_zh=zh, section_en=en))
    return validate(Plan, doc, more, also=early)


def _severity(check: type[Check], pack: Pack, override: Severity | None, unknown: bool = False) -> Severity:
    if unknown:
        return Severity.UNKNOWN
    setting = pack.setting(check)
    if setting is not None and setting.severity is not None:
        return setting.severity
    return override or check.severity


def selected(check: type[Check], settings: Settings) -> bool:
    keys = {check.code, check.slug}
    if settings.select and not keys & settings.select:
        return False
    return not keys & settings.ignore


def active_checks(pack: Pack, settings: Settings) -> list[tuple[type[Check], Any]]:
    """The checks a run uses with this pack, with their options: worked out once per pack
    and selection, not for every plan."""
    key = ("active", settings.select, settings.ignore)
    active = pack._memo.get(key)
    if active is None:
        active = []
        for check in PLAN_CHECKS:
            setting = pack.setting(check)
            if setting is None or not setting.enabled or not selected(check, settings):
                continue
            active.append((check, pack.options(check)))
        pack._memo[key] = active
    return active


def run_checks(plan: Plan, pack: Pack, doc: Document, settings: Settings = Settings()) -> list[Finding]:
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
