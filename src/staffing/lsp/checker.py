"""The language server's one way into the checker: every call the server makes to read,
check, roll up and waive goes through `Checker.check_buffer` here, and that goes through the
shared pipeline (`staffing.run.pipeline`: `request_for(path, data)` → `run(request)`), as
every command does.

The buffer is checked from memory under its real path, so the staffing.toml found from the
file's folder up to its repository's root (pack folders, selection, limits, waivers) is the
one `staffing check` run there would read, with the same pack trust and no result cache
(nothing written anywhere, least of all into the repository).  A county file in the plan's
folder is checked against the folder's plans (open buffers in place of their files) and its
findings are said of the county file.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from staffing.checks.county import COUNTY_FILE
from staffing.errors import InputProblem, problem
from staffing.findings import Finding
from staffing.io.document import is_linked_file


@dataclass
class Checked:
    """What the editor shows on one file: its findings (waivers applied) and every input
    problem of it, in document order."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    problems: list[InputProblem] = field(default_factory=list)


def is_county(path: str) -> bool:
    return os.path.basename(path) == COUNTY_FILE


def _plans_beside(folder: str, but: str) -> list[str]:
    """The other plans of a folder, as `staffing check FOLDER` would find them there."""
    from staffing.run.read import folder_plans

    return [p for p in folder_plans(folder) if p != but]


class Checker:
    """Checks editor buffers through the pipeline.  Holds nothing between checks."""

    def check_buffer(self, path: str, data: bytes, buffers: Mapping[str, bytes] | None = None) -> list[Checked]:
        """The file `path` as `data` (an editor's buffer, saved or not), checked as `staffing
        check` would check it in its repository; then, when its folder has a county file,
        that county file against the folder's plans.  `buffers`: other open files (path →
        bytes), read in place of their files on disk.  The edited file first; every other
        file that has something to say after it.  Never raises."""
        from staffing.run.pipeline import Source, request_for, run

        path = os.path.abspath(path)
        if is_linked_file(path):  # as `staffing check` and the hook say of it: the file it points to is checked
            return [Checked(path, [], [problem(path, "input.symlink")])]
        held = {os.path.abspath(k): v for k, v in (buffers or {}).items()}
        held[path] = data
        try:
            request = request_for(path, data)
        except InputProblem as exc:  # an unusable staffing.toml: said there, and nothing checked
            return _by_file([Checked(path)], list(exc.each()))
        folder = os.path.dirname(path)
        county = os.path.join(folder, COUNTY_FILE)
        sources = [] if is_county(path) else [Source(path, data)]
        if county in held or os.path.isfile(county):
            sources += [Source(p, held.get(p)) for p in _plans_beside(folder, path)]
            if county in held:
                sources.append(Source(county, held[county]))
        request = dataclasses.replace(request, sources=tuple(sources), whole=True, jobs=1, use_cache=False,
                                      county=True, rollup=False)
        try:
            outcome = run(request)
        except InputProblem as exc:  # an unusable waiver file: said on it
            return _by_file([Checked(path)], list(exc.each()))
        mine = {path, county}
        out = [Checked(os.path.abspath(r.path), list(r.findings)) for r in outcome.results
               if os.path.abspath(r.path) in mine]
        out.sort(key=lambda c: c.path != path)
        every = [p for r in outcome.results if os.path.abspath(r.path) in mine and r.error is not None
                 for p in r.error.each()]
        return _by_file(out or [Checked(path)], every)


def _by_file(checked: list[Checked], problems: list[InputProblem]) -> list[Checked]:
    """Each problem on the file it is about (a plan, the county file, the waiver file or
    staffing.toml), every file listed once, the edited one first."""
    out = {c.path: c for c in checked}
    for one in problems:
        where = os.path.abspath(one.file) if one.file else checked[0].path
        out.setdefault(where, Checked(where)).problems.append(one)
    return list(out.values())


def explain(code: str, lang: str) -> str | None:
    """`staffing explain CODE` in `lang`, or None for a code that is no check."""
    from staffing.cli.explain import explain_text

    return explain_text(code, lang)
