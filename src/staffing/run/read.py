"""Reading a plan for a run: its bytes (from disk, once, or held in memory under the path they
stand for), its document in any format, the plan it holds, and the pack it is checked
against, chosen in one place for every command, the page and the editor server."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from staffing.checks.pack import Pack
from staffing.errors import InputProblem, problem, together
from staffing.io.document import DEFAULT_LIMITS, Document, Limits, read_bytes
from staffing.io.load import display_path
from staffing.messages import CATALOGUE, close_matches
from staffing.packs.load import available, is_pack_id, resolve, titles, unknown_params
from staffing.plan.model import Plan, lacks_baseline
from staffing.plan.validate import did_you_mean, field_words, missing_section, suggest, validate
from staffing.run.results import PLAN_SUFFIXES, Settings
from staffing.words import Words

T = TypeVar("T")


@dataclass(frozen=True)
class Source:
    """A file to check: on disk at `path`, or its bytes held in memory (`data`: an upload,
    an editor's unsaved buffer) standing for `path`, which then names it in every message
    and decides its format by its suffix."""

    path: str
    data: bytes | None = None
    # how messages show the path, where the caller has worked it out already (a batch does,
    # once per folder); else `display_path` of it, worked out on each use
    shown_as: str | None = dataclasses.field(default=None, compare=False)

    @property
    def shown(self) -> str:
        """The path as messages show it (relative to the working folder when inside it)."""
        return self.shown_as if self.shown_as is not None else display_path(self.path)

    def read(self, limits: Limits = DEFAULT_LIMITS) -> bytes:
        """The bytes, read once: from memory, or from disk within the limits.  Raises InputProblem."""
        if self.data is None:
            return read_bytes(self.path, limits)
        if len(self.data) > limits.max_bytes:
            raise problem(self.path, "input.too-large", size=len(self.data), limit=limits.max_bytes)
        return self.data

    def held(self, limits: Limits = DEFAULT_LIMITS) -> Source:
        """The same source with its bytes in memory (read from disk now, once), so that what
        is hashed for the cache is what is checked.  Raises InputProblem."""
        return self if self.data is not None else Source(self.path, self.read(limits), self.shown_as)


def folder_plans(folder: str) -> list[str]:
    """The plans of a folder, as `staffing check FOLDER` finds them there (not its
    sub-folders'), sorted, each written as joined to `folder` ("" is the working folder: a
    plan named without its folder)."""
    try:
        with os.scandir(folder or os.curdir) as entries:  # a file's kind from the listing: no stat but for a link
            names = [e.name for e in entries if e.name.lower().endswith(PLAN_SUFFIXES)
                     and not e.name.startswith((".", "_", "~$")) and e.is_file()]
    except OSError:
        return []
    return [os.path.join(folder, n) for n in sorted(names)]


def load_document(source: Source, limits: Limits = DEFAULT_LIMITS) -> Document:
    """The source's document: parsed fast, with line numbers worked out only when asked for
    (see staffing.io.fastload); the reference loader wherever the fast parser could differ."""
    from staffing.io import fastload

    return fastload.load_raw(source.path, source.read(limits), limits)


def read_valid(source: Source, validate: Callable[[Document], T], limits: Limits = DEFAULT_LIMITS) -> tuple[Document, T]:
    """Read a source and validate what it holds: through the fast reader when it is sound,
    and again through the reference reader when validation fails, so that every error is
    reported from the reference reading, never the fast one.  Raises InputProblem, named
    by the source's shown path."""
    shown = source.shown
    try:
        doc = load_document(source, limits)
    except InputProblem as exc:
        raise exc if exc.file == shown or exc.file != source.path else exc.renamed(shown) from None
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


def read_plan(source: Source, settings: Settings) -> tuple[Document, Plan]:
    """The plan a source holds, or an InputProblem carrying every mistake of the file at once
    (unknown roles among them, against the pack the file names)."""
    return read_valid(source, lambda d: validate_plan(d, lambda raw: raw_role_problems(raw, settings)),
                      settings.limits)


def validate_plan(doc: Document, more: Callable[[Document], list[InputProblem]] | None = None) -> Plan:
    """The plan in `doc`, or an InputProblem carrying every mistake of the file at once
    (see staffing.plan.validate); `more` adds problems found in the raw data (roles)."""
    early = []
    if lacks_baseline(doc.data):
        if "baseline" in doc.data:  # written as ~: at its place
            early.append(problem_at(doc, ("baseline",), "input.missing-section", name="baseline",
                                    section=Words(*CATALOGUE["section.baseline"])))
        else:  # absent: no line of the file is where it is missing
            early.append(missing_section(doc, "baseline"))
    return validate(Plan, doc, more, also=early)


def problem_at(doc: Document, loc: tuple[str | int, ...], key: str, **params: object) -> InputProblem:
    """An input error at the value `loc` of the plan: line and column, and in a workbook
    the sheet and cell too."""
    line, col = doc.locate(loc)
    sheet, cell = doc.locate_cell(loc) or (None, None)
    return dataclasses.replace(problem(doc.path, key, line, col, **params), sheet=sheet, cell=cell)


# ---- which pack -----------------------------------------------------------------------------


def pack_ref(written: str, settings: Settings, workbook: bool = False) -> str:
    """What names the pack a plan is checked against: --rules, else the plan's own
    `rule_pack`, where a workbook names it by the Chinese title its drop-down shows (then
    the id of the pack of that title)."""
    if settings.rules:
        return settings.rules
    if workbook:
        return {title: pack_id for pack_id, title in titles().items()}.get(written.strip(), written)
    return written


def choose_pack(written: str, settings: Settings, doc: Document | None = None) -> Pack:
    """The pack a plan is checked against (see `pack_ref`), which, when the plan names it,
    must be an id (a shipped pack or one in a configured pack folder), never a path: what a
    plan says cannot choose which file is read as its rules.  Raises InputProblem, at the
    plan's `rule_pack` where the plan named it."""
    ref = pack_ref(written, settings, bool(doc is not None and doc.cells))
    if not settings.rules and not is_pack_id(ref) and not _looks_like_path(ref):
        # a word that is neither an id nor a path (泰州): an unknown pack, with the one meant
        raise _unknown_pack(written, settings, doc)
    if not settings.rules and not is_pack_id(ref):
        if doc is None:
            raise problem(written, "pack.path-refused", pack=written)
        raise problem_at(doc, ("rule_pack",), "pack.path-refused", pack=written)
    try:
        return resolve(ref, settings.packs)
    except InputProblem as exc:
        if exc.key == "pack.unknown" and not settings.rules and doc is not None:
            line, col = doc.locate(("rule_pack",))
            sheet, cell = doc.locate_cell(("rule_pack",)) or (None, None)
            raise InputProblem(doc.path, exc.key, exc.params, line, col, sheet, cell) from None
        raise


def _looks_like_path(ref: str) -> bool:
    return any(c in ref for c in "/\\") or ref.lower().endswith((".yaml", ".yml", ".json"))


def _unknown_pack(written: str, settings: Settings, doc: Document | None) -> InputProblem:
    """"Unknown rule pack", naming the packs there are and the one `written` most likely means
    (by its id, or by its Chinese title, which a workbook's drop-down shows), at the plan's
    `rule_pack`."""
    known = sorted(available(settings.packs))
    by_title = {title: pack_id for pack_id, title in titles().items()}
    word = written.strip()
    meant = [t for t in by_title if word and word in t] or close_matches(word, sorted(by_title), n=1)
    shown = (meant[0] if doc is not None and doc.cells else by_title[meant[0]]) if meant else None
    if shown is None:
        ids = close_matches(word, known, n=1)
        shown = ids[0] if ids else None
    params = unknown_params(written, known, shown)
    if doc is None:
        return problem(written, "pack.unknown", None, None, **params)
    return problem_at(doc, ("rule_pack",), "pack.unknown", **params)


def pack_of(plan: Plan, doc: Document, settings: Settings) -> Pack:
    """The pack a valid plan is checked against.  Raises InputProblem."""
    return choose_pack(plan.rule_pack, settings, doc)


def check_roles(pack: Pack, doc: Document) -> None:
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
            by_word = {**{r: r for r in labels}, **{zh: r for r, zh in labels.items()}}
            # words that name several roles (政法和社会事业): those; else the nearest by spelling
            guess = [r for r, _ in pack.roles_recognised(value.strip())]
            guess = list(dict.fromkeys(guess or [by_word[w] for w in suggest(value, by_word)]))
            # a workbook's column says it in the form's words (职能机构“…”的职能类别), with its choices
            key, field = ("xlsx.unknown-role", field_words(data, loc[:3])) if doc.cells else ("input.unknown-role", ("", ""))
            # the roles by their Chinese labels; in English a YAML plan's by their ids
            known = [Words(zh, zh if doc.cells else r) for r, zh in labels.items()]
            named = [labels[g] for g in guess]
            hint = Words(did_you_mean(named, "zh"), did_you_mean(named if doc.cells else guess, "en"))
            out.append(problem_at(doc, loc, key, role=value, known=known, hint=hint, field=Words(*field)))
    return out


def raw_role_problems(doc: Document, settings: Settings) -> list[InputProblem]:
    """Role problems of a file that does not fit the plan format, so that they are reported
    with its other mistakes: against the pack it names, when that pack can be found."""
    data = doc.data if isinstance(doc.data, dict) else {}
    own = data.get("rule_pack")
    if not settings.rules and not isinstance(own, str):
        return []
    try:
        pack = choose_pack(str(own), settings, doc)
    except InputProblem as exc:
        return [exc] if exc.key in ("pack.path-refused", "pack.unknown") and not settings.rules else []
    return role_problems(doc, pack)
