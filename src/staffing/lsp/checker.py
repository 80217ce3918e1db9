"""The language server's one way into the checker: every call the server makes to read,
check, roll up and waive goes through `check_buffer` and `settings_for` here, so that moving
to the shared pipeline (issue 22: `staffing.run.pipeline`, `request_for(path, data)` →
`run(request)`) is an edit of this module alone.

Until the pipeline lands, this module drives today's engine the way `staffing check FILE`
run in the file's folder does: the staffing.toml found from the file's folder up to its
repository's root (pack folders, selection, limits, waivers), the same pack trust, no result
cache (nothing written anywhere, least of all into the repository).  The buffer is checked
from memory under its real path; a county file in the plan's folder is checked against the
folder's plans (open buffers first, then disk) and its findings are said of the county file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from staffing.checks.county import COUNTY_FILE
from staffing.cli.discover import PLAN_SUFFIXES
from staffing.cli.options import Waivers
from staffing.errors import InputProblem, problem
from staffing.findings import Finding
from staffing.io.load import Document, Limits
from staffing.run.engine import FileResult, Settings

T = TypeVar("T")


@dataclass
class Checked:
    """What the editor shows on one file: its findings (waivers applied) and every input
    problem of it, in document order."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)


@dataclass(frozen=True)
class FileSettings:
    """How `staffing check` would check a file of this folder: its settings and waivers."""

    settings: Settings
    waivers: Waivers


def settings_for(path: str) -> FileSettings:
    """The settings of the staffing.toml found from the file's folder upward to its
    repository's root, as `staffing check FILE` run there reads them.  Raises InputProblem
    for a configuration that cannot be used."""
    from staffing.cli.config import Config, find, load
    from staffing.cli.main import parse
    from staffing.cli.options import CheckOptions

    folder = Path(path).absolute().parent
    found = find(folder)
    config = load(found) if found is not None else Config()
    options = parse(["check", "--no-cache", "--", path], config)
    assert isinstance(options, CheckOptions)
    chosen = options.waivers
    if found is None and not chosen.off and chosen.file is None:
        chosen = Waivers(folder=str(folder))
    return FileSettings(options.settings, chosen)


def is_county(path: str) -> bool:
    return os.path.basename(path) == COUNTY_FILE


def _read(path: str, data: bytes, limits: Limits, validate: Callable[[Document], T]) -> tuple[Document, T]:
    """The document in `data` (standing for `path`) and what `validate` makes of it: fast
    reader first, the reference reader when validation fails (as `engine.read_valid`)."""
    from staffing.io.fastload import LazyDocument
    from staffing.run.engine import load_document

    if len(data) > limits.max_bytes:
        raise problem(path, "input.too-large", size=len(data), limit=limits.max_bytes)
    doc = load_document(path, limits, raw=data)
    doc.path = path
    try:
        return doc, validate(doc)
    except InputProblem:
        if not isinstance(doc, LazyDocument):
            raise
        doc = doc.reference()
        doc.path = path
        return doc, validate(doc)


def _check_plan(path: str, data: bytes, settings: Settings) -> FileResult:
    """One plan held in memory, checked whole (as `engine.check_file` does from disk)."""
    from staffing.plan.summary import PlanSummary
    from staffing.run import engine

    result = FileResult(path)
    try:
        doc, plan = _read(path, data, settings.limits,
                          lambda d: engine.validate_plan(d, lambda raw: engine.raw_role_problems(raw, settings)))
        result.document, result.plan = doc, plan
        result.summary = PlanSummary.of(plan, settings.rules or engine.own_pack(plan, doc))
        pack = engine.pack_for(plan, doc, settings)
        result.pack = pack
        engine.check_roles(plan, pack, doc)
        result.findings = engine.run_checks(plan, pack, doc, settings)
    except InputProblem as exc:
        result.error = exc
    except Exception as exc:  # a bug of ours: said on the file, never a dead server
        result.error = problem(path, "input.internal", reason=f"{type(exc).__name__}: {exc}"[:200])
    return result


def _check_county(path: str, data: bytes, towns: list[FileResult], settings: Settings) -> FileResult:
    """A county file held in memory, against the results of its folder's plans."""
    from staffing.checks.county import county_findings
    from staffing.run.county import town_duties, vacancies_first, validate_county

    result = FileResult(path)
    try:
        doc, county = _read(path, data, settings.limits, validate_county)
    except InputProblem as exc:
        result.error = exc
        return result
    summaries = [r.summary for r in towns if r.summary is not None]
    result.findings = county_findings(county, doc, summaries, town_duties(summaries, settings.packs),
                                      vacancies_first(summaries, settings.packs))
    result.findings.sort(key=Finding.sort_key)
    return result


class Checker:
    """Checks buffers; remembers the plans of a county's folder that were read from disk
    (by path, size and modification time) so that typing in one plan does not read its
    neighbours again.  Memory only: nothing is written."""

    def __init__(self) -> None:
        self._disk: dict[str, tuple[tuple[int, int], FileResult]] = {}

    def _neighbour(self, path: str, buffers: Mapping[str, bytes], settings: Settings) -> FileResult | None:
        if path in buffers:
            return _check_plan(path, buffers[path], settings)
        try:
            info = os.stat(path)
        except OSError:
            return None
        stamp = (info.st_size, info.st_mtime_ns)
        known = self._disk.get(path)
        if known is not None and known[0] == stamp:
            return known[1]
        try:
            data = Path(path).read_bytes()
        except OSError:
            return None
        result = _check_plan(path, data, settings)
        self._disk[path] = (stamp, result)
        return result

    def check_buffer(self, path: str, data: bytes, buffers: Mapping[str, bytes] | None = None) -> list[Checked]:
        """The file `path` as `data` (an editor's buffer, saved or not), checked as `staffing
        check` would check it in its repository; then, when its folder has a county file,
        that county file against the folder's plans.  `buffers`: other open files (path →
        bytes), read in place of their files on disk.  Never raises."""
        path = os.path.abspath(path)
        buffers = {os.path.abspath(k): v for k, v in (buffers or {}).items()}
        buffers[path] = data
        try:
            chosen = settings_for(path)
        except InputProblem as exc:  # an unusable staffing.toml: said there, and nothing checked
            return _by_file([Checked(path)], list(exc.each()))
        settings = chosen.settings
        folder = os.path.dirname(path)
        county_path = os.path.join(folder, COUNTY_FILE)
        results: list[FileResult] = []
        if not is_county(path):
            results.append(_check_plan(path, data, settings))
        if county_path in buffers or os.path.isfile(county_path):
            towns = list(results)
            for name in sorted(os.listdir(folder)):
                other = os.path.join(folder, name)
                if other == path or not name.lower().endswith(PLAN_SUFFIXES) or name.startswith((".", "_", "~$")):
                    continue
                found = self._neighbour(other, buffers, settings)
                if found is not None:
                    towns.append(found)
            county_data = buffers.get(county_path)
            if county_data is None:
                try:
                    county_data = Path(county_path).read_bytes()
                except OSError as exc:
                    results.append(FileResult(county_path, error=problem(
                        county_path, "input.unreadable", reason=exc.strerror or str(exc))))
            if county_data is not None:
                results.append(_check_county(county_path, county_data, towns, settings))
        unusable = _waive(results, chosen.waivers)
        out = [Checked(r.path, list(r.findings)) for r in results]
        every = [p for r in results if r.error is not None for p in r.error.each()]
        return _by_file(out or [Checked(path)], every + unusable)


def _by_file(checked: list[Checked], problems: list[InputProblem]) -> list[Checked]:
    """Each problem on the file it is about (a plan, the county file, the waiver file or
    staffing.toml), every file listed once, the edited one first."""
    out = {c.path: c for c in checked}
    for one in problems:
        where = os.path.abspath(one.file) if one.file else checked[0].path
        out.setdefault(where, Checked(where)).problems.append(one)
    return list(out.values())


def _waive(results: list[FileResult], chosen: Waivers) -> list[InputProblem]:
    """Apply the repository's waivers to the results (in place); the problems of a waiver
    file that cannot be used (said on that file)."""
    from staffing.run import waivers

    if chosen.off:
        return []
    found = waivers.discover(chosen.file, cwd=chosen.folder)
    if not found:
        return []
    try:
        waivers.apply(results, waivers.load(found), waivers.today(), judge_all=False)
    except InputProblem as exc:
        return list(exc.each())
    return []


def explain(code: str, lang: str) -> str | None:
    """`staffing explain CODE` in `lang`, or None for a code that is no check."""
    from staffing.cli.explain import explain_text

    return explain_text(code, lang)
