"""The one pipeline every command, the page and the editor server share:

    sources (files on disk, or bytes held in memory under the path they stand for)
      → each plan read, its pack chosen, checked           (engine, batch: every core, the cache)
      → the county files of their folders checked           (county)
      → waivers applied, the run's own findings added       (waivers, engine.packs_findings)
      → a `Run`: results, counts, roll-up and exit code     (results)

A caller says what to run in a `Request` and reads the `Run`; it never re-wires these steps.
Never prints: the progress of a long run is told through `on_progress`.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from staffing.checks.context import Context
from staffing.errors import InputProblem
from staffing.io.document import Limits
from staffing.run.read import Source
from staffing.run.results import DEFAULT_SETTINGS, FileResult, Run, Settings, Skipped, Waivers, is_county

NO_WAIVERS = Waivers(off=True)


@dataclass(frozen=True)
class Request:
    """What to run.  `sources` are plan files (a county file among them, held in memory, is
    checked in place of the one on disk); `problems` and `skipped` are what finding the files
    met before any was read (a folder without plans, a hidden file)."""

    sources: tuple[Source, ...]
    settings: Settings = DEFAULT_SETTINGS
    strict: bool = False  # warnings fail too
    waivers: Waivers = NO_WAIVERS
    county: bool = True  # check the county file of every folder that has one (else only those among the sources)
    jobs: int | None = None  # worker processes (default: every core)
    use_cache: bool = False
    cache_dir: str | None = None
    whole: bool = False  # keep each plan whole (plan, document), checked in this process
    problems: tuple[FileResult, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    rollup: bool | None = None  # by check, county and province; None: when over several plans or a county
    # folders (absolute) walked whole to find the sources: their county files need no second listing
    # (county.county_files), and every unused waiver is reported (the run covered whole folders)
    walked: tuple[str, ...] = ()


def check_one(source: Source, settings: Settings = DEFAULT_SETTINGS) -> FileResult:
    """One plan, whole (its plan and document kept), checked in this process."""
    from staffing.run.engine import check_source

    return check_source(source, settings)


def context_of(source: Source, settings: Settings = DEFAULT_SETTINGS) -> Context:
    """What the checks read of a plan (its pack, org graph and each body's reading), for a
    chart drawn apart from the check (in another process).  Raises InputProblem."""
    from staffing.run.engine import read_context

    return read_context(source, settings)


def run(request: Request, on_progress: Callable[[int], None] | None = None) -> Run:
    """Run the request through every step; the Run every writer reads."""
    plans = [s for s in request.sources if not is_county(s.path)]
    counties = {os.path.abspath(s.path): s for s in request.sources if is_county(s.path)}
    results = list(request.problems) + check_sources(plans, request, on_progress)
    county: list[FileResult] = []
    left: list[Skipped] = []
    if request.county or counties:
        from staffing.io.load import display_path
        from staffing.run.county import check_counties, county_files

        usable = [r for r in results if r.summary is not None or r.error is not None]
        # a county file beside some of its towns only is said, not checked (see county_files)
        beside, partial = county_files((r.path for r in usable), request.walked) if request.county else ([], [])
        left = [Skipped(display_path(f), "skip.county-partial") for f in partial if os.path.abspath(f) not in counties]
        county = check_counties(usable, request.settings, use_cache=request.use_cache and not counties,
                                cache_dir=request.cache_dir, given=counties, beside=beside)
    results += county
    outcome = judge(results, request, left)
    if request.rollup or (request.rollup is None and (len(plans) > 1 or county)):
        from staffing.run.batch import rollup

        outcome.rollup = rollup(outcome.results, outcome.status)
    return outcome


def check_sources(sources: Sequence[Source], request: Request,
                  on_progress: Callable[[int], None] | None = None) -> list[FileResult]:
    """Every plan checked: in this process, whole, for sources held in memory or when asked
    to keep plans whole; else in the batch (every core, the result cache).  Results in the
    order of the sources' shown paths."""
    from staffing.run.engine import check_source

    held = [s for s in sources if request.whole or s.data is not None]
    on_disk = [s.path for s in sources if not (request.whole or s.data is not None)]
    results = [check_source(s, request.settings) for s in held]
    if held and on_progress is not None:
        on_progress(len(held))
    if on_disk:
        from staffing.run.batch import check_paths

        checked, _ = check_paths(on_disk, request.settings, jobs=request.jobs, use_cache=request.use_cache,
                                 cache_dir=request.cache_dir, on_progress=on_progress)
        results += checked
    if held and on_disk:
        results.sort(key=lambda r: r.path)
    return results


def judge(results: list[FileResult], request: Request, left: Sequence[Skipped] = ()) -> Run:
    """The run: results with the waivers applied, and the findings of the run itself (packs
    that loosen their parents, waivers that match nothing)."""
    from staffing.io.load import display_path
    from staffing.run import waivers
    from staffing.run.engine import packs_findings

    extra = []
    on = None
    chosen = request.waivers
    waiver_file = None if chosen.off else waivers.discover(chosen.file, cwd=chosen.folder)
    if waiver_file:
        waiver_file = display_path(waiver_file)
        on = waivers.today()
        extra = waivers.apply(results, waivers.load(waiver_file), on, judge_all=bool(request.walked))
    return Run(results, packs_findings(results) + extra, strict=request.strict, settings=request.settings,
               skipped=[*request.skipped, *left], today=on)


def today() -> _dt.date:
    """The day a run is judged on: $STAFFING_TODAY (YYYY-MM-DD) or the system date.  Raises
    InputProblem for a date that is none."""
    from staffing.run import waivers

    return waivers.today()


# ---- settings of a file's repository (the editor server) -----------------------------------


def request_for(path: str, data: bytes | None = None, limits: Limits | None = None) -> Request:
    """A request to check one file as `staffing check FILE` run in the file's folder would:
    the staffing.toml found from the file's folder up to its repository's root (pack
    folders, selection, limits, waivers), the file's bytes held in memory when given (an
    editor's unsaved buffer).  Raises InputProblem for a configuration that cannot be used."""
    from staffing.run.config import find, load, settings_of

    folder = Path(path).absolute().parent
    found = find(folder)
    config = load(found) if found is not None else None
    settings, chosen = settings_of(config, limits)
    if config is None:
        chosen = Waivers(folder=str(folder))
    return Request((Source(path, data),), settings, strict=bool(config and config.strict), waivers=chosen)


__all__ = ["InputProblem", "Request", "Run", "Source", "Waivers", "check_one", "context_of", "request_for", "run"]
