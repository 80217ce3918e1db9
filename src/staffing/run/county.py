"""County files: ``_county.yaml`` beside the towns of a county, read and checked against
the plans of its folder after every plan has been checked (checks ST951 and ST952 in
`staffing.checks.county`).  Files whose name starts with ``_`` are never read as plans."""

from __future__ import annotations

import contextlib
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

from staffing.checks import COUNTY_CHECKS
from staffing.checks.county import (
    COUNTY_FILE,
    CountyContext,
    CountyFile,
    CountyRecruitmentOverVacancies,
    CountyVacanciesNotFirst,
    TownDuty,
)
from staffing.checks.growth import TRANSFER_OUT_OF_RANGE
from staffing.errors import InputProblem, visible
from staffing.findings import Finding, Severity
from staffing.io.load import DEFAULT_LIMITS, Document, Limits
from staffing.packs.load import resolve
from staffing.plan.summary import PlanSummary
from staffing.plan.validate import validate
from staffing.run.engine import finding_of
from staffing.run.read import Source, folder_plans, read_valid
from staffing.run.results import FileResult, Settings
from staffing.words import Words

T = TypeVar("T")


def by_folder(items: Iterable[T], path: Callable[[T], str]) -> dict[str, list[T]]:
    """`items` by the absolute folder of their `path`, worked out once per folder as the
    paths write it (a national run has ~2,800 folders for 40,000 plans)."""
    written: dict[str, list[T]] = defaultdict(list)
    for item in items:
        written[os.path.dirname(path(item))].append(item)
    out: dict[str, list[T]] = defaultdict(list)
    for folder, found in written.items():
        out[os.path.abspath(folder or os.curdir)] += found
    return out


def county_files(plan_paths: Iterable[str], walked: Sequence[str] = ()) -> tuple[list[str], list[str]]:
    """The county file of every folder that holds plans, where there is one: those whose
    folder's plans are all among `plan_paths` (checked against them), and the others (left
    out: held against some of its towns only, a county file would report the towns not
    given as missing and its totals as wrong).  `walked`: folders (absolute) whose plans
    were all found by walking them (`staffing check FOLDER`): in those and their sub-folders
    but hidden ones, the plans are not listed again."""
    whole: list[str] = []
    partial: list[str] = []
    for d, paths in by_folder(plan_paths, str).items():
        f = os.path.join(d, COUNTY_FILE)
        if os.path.isfile(f):
            complete = _walked(d, walked) or _among(folder_plans(d), paths)
            (whole if complete else partial).append(f)
    return sorted(whole), sorted(partial)


def _among(plans: list[str], paths: list[str]) -> bool:
    """Whether every plan of `plans` is among `paths` (by name: all are of one folder)."""
    given = {os.path.basename(p) for p in paths}
    return all(os.path.basename(p) in given for p in plans)


def _walked(folder: str, walked: Sequence[str]) -> bool:
    """Whether `folder` is one of the `walked` folders or under one, through no hidden folder
    (where the walk finds no plans)."""
    for top in walked:
        if folder == top:
            return True
        if folder.startswith(os.path.join(top, "")):
            return not any(part.startswith(".") for part in folder[len(os.path.join(top, "")):].split(os.sep))
    return False


def validate_county(doc: Document) -> CountyFile:
    """The county file in `doc`, or an InputProblem carrying every mistake in it."""
    return validate(CountyFile, doc)


def _town_packs(towns: Sequence[PlanSummary], packs: tuple[str, ...]) -> Iterator[tuple[PlanSummary, Any]]:
    """Each town with its rule pack; a town whose pack cannot be read is left out (its own plan
    reports that)."""
    for plan in towns:
        try:
            yield plan, resolve(plan.rule_pack, packs)
        except InputProblem:
            continue


def _duty(pack: Any, check: Any, option: str) -> TownDuty | None:
    """What `pack` asks of the county through `check`'s `option` (its value, where the check is
    on and the value set), with the rule's source."""
    setting = pack.setting(check)
    value = getattr(pack.options(check), option, None) if setting is not None and setting.enabled else None
    if not value:
        return None
    source = pack.source(check.slug, option)
    return TownDuty(int(value), source, pack.cited(source))


def town_duties(towns: Sequence[PlanSummary], packs: tuple[str, ...] = ()) -> dict[str, TownDuty]:
    """What each town's rule pack says the county owes it (the least quota moved down to
    each town, ST203's `min`), by the town's name; towns whose pack sets none are left out."""
    return {plan.town.name: duty for plan, pack in _town_packs(towns, packs)
            if (duty := _duty(pack, TRANSFER_OUT_OF_RANGE, "min")) is not None}


def vacancies_first(towns: Sequence[PlanSummary], packs: tuple[str, ...] = ()) -> TownDuty | None:
    """Whether a town's pack asks the county to fill vacancies first (ST954), with its
    source: the first town, by name, whose pack does."""
    ordered = sorted(towns, key=lambda t: t.town.name)
    return next((duty for _, pack in _town_packs(ordered, packs)
                 if (duty := _duty(pack, CountyVacanciesNotFirst, "vacancies_first")) is not None), None)


def within_vacancies(towns: Sequence[PlanSummary], packs: tuple[str, ...] = ()) -> dict[str, TownDuty]:
    """The towns whose pack keeps the county's recruitment within their vacancies (ST955), by
    the town's name, with the rule's source."""
    return {plan.town.name: duty for plan, pack in _town_packs(towns, packs)
            if (duty := _duty(pack, CountyRecruitmentOverVacancies, "within_vacancies")) is not None}


def check_county(source: Source, towns: Sequence[FileResult], packs: tuple[str, ...] = (),
                 limits: Limits = DEFAULT_LIMITS) -> FileResult:
    """Check one county file (on disk, or its bytes held in memory) against the results of
    the plans in its folder (`packs`: the pack folders the run was given, to read each
    town's pack; `limits`: the run's input limits, as for its plans)."""
    shown = source.shown
    result = FileResult(shown)
    try:
        # the fast reader when it is sound, as for plans: a national run has ~2,800 county
        # files, ~5 ms each through the reference loader
        doc, cf = read_valid(source, validate_county, limits)
    except InputProblem as exc:
        result.error = exc if exc.file == shown else exc.renamed(shown)
        return result
    summaries = [r.summary for r in towns if r.summary is not None]
    ctx = CountyContext(cf, summaries, town_duties(summaries, packs), vacancies_first(summaries, packs),
                        within_vacancies(summaries, packs))
    head = (Words.same(visible(ctx.county)),)
    result.findings = [finding_of(check, prob, doc, Severity.UNKNOWN if prob.unknown else prob.severity or check.severity,
                                  head, prob.cite, ctx.cited(prob.cite))
                       for check in COUNTY_CHECKS for prob in check().run(ctx, check.options())]
    result.findings.sort(key=Finding.sort_key)
    return result


def check_counties(results: Sequence[FileResult], settings: Settings | None = None, use_cache: bool = False,
                   cache_dir: str | os.PathLike[str] | None = None,
                   given: Mapping[str, Source] | None = None, beside: Sequence[str] | None = None) -> list[FileResult]:
    """County-file results for the county files `beside` the plans of `results` (None: those
    `county_files` finds checkable there), and for every county file `given` (by absolute path; held in memory, it is checked in
    place of the file on disk).

    With `use_cache` (and the settings of the run) a county's result is kept in the result
    cache under a key made of the county file's content and shown path, the tool and
    settings, and the cache key of every usable plan of its folder (each itself a hash of
    that plan's content): the only inputs of its checks.  The county file is read once and
    what is hashed is what is checked.  A folder with a usable plan that has no cache key
    (checked without the cache) is checked again, as is any entry that does not fit its
    typed record.  Entries are signed like every other (run.cache)."""
    given = dict(given or {})
    by_dir = by_folder(results, lambda r: r.path)
    if beside is None:
        beside = county_files(r.path for r in results)[0]
    files = sorted(set(beside) | set(given))
    packs = settings.packs if settings is not None else ()
    limits = settings.limits if settings is not None else DEFAULT_LIMITS
    cache: Any = None
    context = ""
    if use_cache and settings is not None and files:
        from staffing.run.cache import Cache, settings_fingerprint, tool_fingerprint
        from staffing.run.cache import cache_dir as default_dir

        cache = Cache.open(default_dir(cache_dir))
        context = tool_fingerprint() + "|" + settings_fingerprint(settings)
    out = []
    new: list[tuple[str, dict[str, Any]]] = []
    fingerprints: dict[str, str] = {}
    sources: dict[str, Source] = {}
    keys: dict[str, str | None] = {}
    for f in files:
        source = given.get(os.path.abspath(f)) or Source(f)
        if cache is not None:
            with contextlib.suppress(InputProblem):  # unreadable: the check below reports it
                source = source.held(limits)  # read once: the key is of the bytes that are checked
            keys[f] = _county_key(source, by_dir[os.path.dirname(os.path.abspath(f))], context, settings, fingerprints)
        sources[f] = source
    hits = cache.get_many([k for k in keys.values() if k is not None]) if cache is not None else {}
    for f in files:
        key = keys.get(f)
        hit = hits.get(key) if key is not None else None
        source = sources[f]
        if hit is not None and _valid_county_record(hit, source.shown):
            out.append(_from_county_record(hit))
            continue
        result = check_county(source, by_dir[os.path.dirname(os.path.abspath(f))], packs, limits)
        out.append(result)
        if key is not None and result.error is None:
            new.append((key, _county_record(result)))
    if cache is not None:
        cache.put_many(new)
        cache.close()
    return out


def _county_key(source: Source, towns: Sequence[FileResult], context: str, settings: Any,
                fingerprints: dict[str, str]) -> str | None:
    """The cache key of a county file's result (its bytes held in `source`), or None when
    it cannot have one."""
    import hashlib

    from staffing.run.cache import SCHEMA, pack_fingerprint

    if source.data is None:
        return None
    raw = source.data
    h = hashlib.blake2b(digest_size=20)
    h.update(f"county|{SCHEMA}|{context}|{source.shown}|{len(raw)}|".encode("utf-8", "surrogatepass"))
    h.update(raw)
    for r in sorted(towns, key=lambda r: r.path):
        if r.summary is None:
            continue  # an unusable plan: not among what the county is held against
        if r.cache_key is None:
            return None
        # the town's pack too: ST953 and ST954 take their numbers from it, and a plan's own
        # cache key is its content alone
        ref = r.summary.rule_pack
        if ref not in fingerprints:  # one hash per pack and run, not one per town
            fingerprints[ref] = pack_fingerprint(ref, settings.packs)
        fingerprint = fingerprints[ref]
        h.update(f"|{r.path}|{r.cache_key}|{fingerprint}".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _county_record(result: FileResult) -> dict[str, Any]:
    from staffing.run.cache import SCHEMA

    return {"schema": SCHEMA, "county": True, "path": result.path,
            "findings": [f.to_record() for f in result.findings]}


def _valid_county_record(rec: Any, shown: str) -> bool:
    """Exactly the shape `_county_record` gives, for this very county file."""
    from staffing.run.batch import valid_finding
    from staffing.run.cache import SCHEMA

    return bool(isinstance(rec, dict) and set(rec) == {"schema", "county", "path", "findings"}
                and rec["schema"] == SCHEMA and rec["county"] is True and rec["path"] == shown
                and isinstance(rec["findings"], list) and all(valid_finding(f, shown) for f in rec["findings"]))


def _from_county_record(rec: dict[str, Any]) -> FileResult:
    return FileResult(rec["path"], findings=[Finding.from_record(v) for v in rec["findings"]])
