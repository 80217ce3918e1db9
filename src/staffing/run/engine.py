"""Load → model → graph → checks → findings, for one file at a time.  Never prints."""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from pydantic import ValidationError

from staffing.checks import FORMULA_VALUE_USED, PACK_LOOSENS_PARENT, PLAN_CHECKS, Check, lookup
from staffing.checks.base import Problem
from staffing.checks.context import Context
from staffing.errors import InputProblem, problem, visible
from staffing.findings import Finding, Severity
from staffing.io.layout import sheet_rank
from staffing.io.load import DEFAULT_LIMITS, Document, Limits, display_path, load_file
from staffing.messages import CATALOGUE, render
from staffing.packs.load import is_pack_id, resolve, titles
from staffing.packs.pack import Pack
from staffing.plan.model import Plan
from staffing.plan.summary import PlanSummary

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


def check_file(path: str, settings: Settings = Settings()) -> FileResult:
    shown = display_path(path)
    result = FileResult(shown)
    try:
        doc, plan = read_valid(path, shown, validate_plan, settings.limits)
        result.document = doc
        result.plan = plan
        result.summary = PlanSummary.of(plan, settings.rules or plan.rule_pack)
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
    try:
        return doc, validate(doc)
    except InputProblem:
        if not getattr(doc, "fast", False):
            raise
        doc = load_file(path, limits)
        doc.path = shown
        return doc, validate(doc)


def load_document(path: str, limits: Limits = DEFAULT_LIMITS, raw: bytes | None = None) -> Document:
    """The plan's document: parsed fast, with line numbers worked out only when asked for
    (see staffing.io.fastload); the reference loader wherever the fast parser could differ."""
    from staffing.io import fastload

    if raw is None:
        return fastload.load(path, limits)
    return fastload.load_raw(path, raw, limits)


def _renamed(exc: InputProblem, shown: str) -> InputProblem:
    return dataclasses.replace(exc, file=shown)


def pack_for(plan: Plan, doc: Document, settings: Settings) -> Pack:
    """The pack a plan is checked against: --rules, else the plan's own `rule_pack`, which
    must be an id (a shipped pack or one in a configured pack folder), never a path: what
    a plan says cannot choose which file is read as its rules."""
    own = plan.rule_pack
    if doc.cells:  # a workbook names its pack by the Chinese title its drop-down shows
        own = {title: pack_id for pack_id, title in titles().items()}.get(own.strip(), own)
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
    for i, body in enumerate(plan.bodies):
        if body.role is None:
            continue
        values = [body.role] if isinstance(body.role, str) else list(body.role)
        for j, value in enumerate(values):
            if pack.role_value(value) is None:
                loc: tuple[str | int, ...] = ("bodies", i, "role") if isinstance(body.role, str) else ("bodies", i, "role", j)
                known = "、".join(str(info.get("zh", r)) for r, info in pack.roles.items())
                raise problem_at(doc, loc, "input.unknown-role", role=value, known=known)


def problem_at(doc: Document, loc: tuple[str | int, ...], key: str, **params: object) -> InputProblem:
    """An input error at the value `loc` of the plan: line and column, and in a workbook
    the sheet and cell too."""
    line, col = doc.locate(loc)
    sheet, cell = doc.locate_cell(loc) or (None, None)
    return dataclasses.replace(problem(doc.path, key, line, col, **params), sheet=sheet, cell=cell)


_FIELD_NAMES: dict[str, set[str]] = {}


def _known_fields(loc: tuple[Any, ...]) -> list[str]:
    """Field names allowed where an unknown one was found (for a 'did you mean')."""
    model: Any = Plan
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        info = getattr(model, "model_fields", {}).get(part)
        if info is None:
            return []
        ann = info.annotation
        model = _inner_model(ann)
        if model is None:
            return []
    return sorted(getattr(model, "model_fields", {}))


def _inner_model(ann: Any) -> Any:
    from pydantic import BaseModel

    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return ann
    for arg in getattr(ann, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def validate_plan(doc: Document) -> Plan:
    try:
        return Plan.model_validate(doc.data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)

        def position(err: Any) -> tuple[int, int]:
            loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
            return doc.locate(loc, key=err["type"] == "extra_forbidden")

        def order(err: Any) -> tuple[int, int, int]:  # in a workbook, sheets in plan order first
            loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
            place = doc.locate_cell(loc)
            return (sheet_rank(place[0]) if place else 0, *position(err))

        err = min(errors, key=order)
        loc = tuple(err["loc"])
        line, col = position(err)
        field_path = _dotted(loc)
        place = doc.locate_cell(tuple(p for p in loc if not (isinstance(p, str) and p.startswith("function-"))))
        if place is not None:  # a workbook: the cell says where; the message names the column
            raise _at_cell(problem(doc.path, "input.schema", line, col, field=_header(doc, loc, place),
                                   reason=_reason(err), reason_en=err["msg"]), place) from None
        if err["type"] == "extra_forbidden":
            known = _known_fields(loc)
            close = difflib.get_close_matches(str(loc[-1]), known, n=1)
            hint_zh = f",是否应为“{close[0]}”?" if close else ""
            raise problem(doc.path, "input.unknown-field", line, col, field=field_path,
                          hint=hint_zh or "", hint_en=f"; did you mean “{close[0]}”?" if close else "") from None
        raise problem(doc.path, "input.schema", line, col, field=field_path,
                      reason=_reason(err), reason_en=err["msg"]) from None


def _at_cell(exc: InputProblem, place: tuple[str, str]) -> InputProblem:
    return dataclasses.replace(exc, sheet=place[0], cell=place[1])


def _header(doc: Document, loc: tuple[Any, ...], place: tuple[str, str]) -> str:
    """The column header (or row label) of the cell a schema error points at."""
    from staffing.io.workbook import header_at

    return header_at(doc, place) or place[0]


def _dotted(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(root)"




def _reason(err: Any) -> str:
    zh = CATALOGUE.get(f"schema.{err['type']}", CATALOGUE["schema.other"])[0]
    ctx = err.get("ctx") or {}
    if err["type"] == "literal_error" and "expected" in ctx:
        zh += f":{ctx['expected']}"
    return zh


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
