"""County roll-ups: a county's own record of the quotas it moved down, checked against
its towns' plans.

A county file sits beside its towns, ``orgs/<province>/<city>/<county>/_county.yaml``::

    county: {name: 靖江市, code: "321282000000", province: 江苏省, city: 泰州市}
    quotas_before: {administrative: 520, institutional_full: 1400}
    quotas_after:  {administrative: 518, institutional_full: 1399}
    transfers_down:
      - {town: 新桥镇, type: administrative, count: 1, document: 靖编〔2019〕21号}

Files whose name starts with ``_`` are never read as town plans.  The checks here are
cross-file, so they run after every plan has been checked, on the plans' transfers.
"""

from __future__ import annotations

import inspect
import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from staffing.checks.quotas import QUOTA_LABELS
from staffing.errors import InputProblem, problem
from staffing.findings import Finding, Severity
from staffing.io.load import Document, display_path, load_file
from staffing.messages import render
from staffing.plan.model import QUOTA_TYPES, Count, Name, Quotas, QuotaType
from staffing.plan.names import normalize
from staffing.run.engine import FileResult

COUNTY_FILE = "_county.yaml"


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class CountyInfo(_M):
    name: Name
    code: Annotated[str, Field(pattern=r"^[0-9]{12}$")]
    province: Name | None = None
    city: Name | None = None


class CountyTransfer(_M):
    town: Name
    type: QuotaType
    count: Count
    document: Name | None = None


class CountyFile(_M):
    county: CountyInfo
    quotas_before: Quotas
    quotas_after: Quotas
    transfers_down: list[CountyTransfer] = []


class CountyTransferMismatch:
    """What the county says it moved down differs from what its towns record.

    ## What it checks
    For every town of the county (the plans in the county's folder), the quotas listed
    under the county file's `transfers_down` for that town, by type and document, equal
    the `transfers` from county level recorded in the town's own plan; and every town
    the county names has a plan.

    ## Why it matters
    编随事走: a quota moved down leaves the county and arrives in one town.  If the two
    records disagree, a quota has been counted twice or lost, and neither total can be
    trusted.

    ## Example
    Bad:  county: {town: 新桥镇, type: administrative, count: 2}; 新桥镇's plan records 1.
    Good: both record 1, under the same document number.

    ## Fix
    Correct whichever record is wrong, citing the same 文号 in both.
    """

    code = "ST951"
    slug = "county-transfer-mismatch"
    severity = Severity.ERROR
    rule = 4


class CountyTotalNotReduced:
    """The county's quota total did not fall by what it moved down.

    ## What it checks
    For each quota type, `quotas_after` in the county file is at most `quotas_before`
    minus the quotas listed in `transfers_down` (after ≤ before − moved): the county
    may shrink by more, never by less.

    ## Why it matters
    Quotas moved to towns must leave the county's own establishment: otherwise the
    reform grows the total ("只减不增").

    ## Example
    Bad:  before 520, after 520 (or 519), two administrative quotas moved down.
    Good: before 520, after 518 (or fewer).

    ## Fix
    Correct the county's after-reform figures, or its transfer list.
    """

    code = "ST952"
    slug = "county-total-not-reduced"
    severity = Severity.ERROR
    rule = 4


COUNTY_CHECKS = (CountyTransferMismatch, CountyTotalNotReduced)
CountyCheck = type[CountyTransferMismatch] | type[CountyTotalNotReduced]


class _Explain:
    """Adapter so `staffing explain ST951` can print a county check like any other."""

    def __init__(self, cls: CountyCheck) -> None:
        self.cls = cls
        self.code = cls.code
        self.slug = cls.slug
        self.rule = cls.rule
        self.severity = cls.severity

        class _NoOptions:
            model_fields: ClassVar[dict[str, Any]] = {}

        self.options = _NoOptions

    def doc(self) -> str:
        return inspect.cleandoc(self.cls.__doc__ or "")

    def title(self) -> str:
        return self.doc().splitlines()[0]


def lookup(code_or_slug: str) -> _Explain | None:
    for cls in COUNTY_CHECKS:
        if code_or_slug.upper() == cls.code or code_or_slug.lower() == cls.slug:
            return _Explain(cls)
    return None


def county_files(plan_paths: Iterable[str]) -> list[str]:
    """The county file of every folder that holds plans, where there is one."""
    seen: set[str] = set()
    out: list[str] = []
    for p in plan_paths:
        d = os.path.dirname(p)
        if d in seen:
            continue
        seen.add(d)
        f = os.path.join(d, COUNTY_FILE)
        if os.path.isfile(f):
            out.append(f)
    return sorted(out)


def _finding(cls: CountyCheck, key: str, params: dict[str, Any], doc: Document, loc: tuple[Any, ...],
             county: str, trail: tuple[str, ...] = (), at_key: bool = False) -> Finding:
    line, col = doc.locate(loc, key=at_key)
    return Finding(
        code=cls.code, slug=cls.slug, severity=cls.severity,
        message_zh=render(key, "zh", params), message_en=render(key, "en", params),
        file=doc.path, line=line, column=col, loc=loc,
        trail_zh=(county, *trail), trail_en=(county, *trail),
        numbers={k: v for k, v in params.items() if isinstance(v, int) and not isinstance(v, bool)},
    )


def _reason(err: Any) -> str:
    return str(err.get("msg", "invalid"))


def check_county(path: str, towns: Sequence[FileResult]) -> FileResult:
    """Check one county file against the results of the plans in its folder."""
    shown = display_path(path)
    result = FileResult(shown)
    try:
        # the fast reader when it is sound (line numbers only for a finding), as for plans:
        # a national run has ~2,800 county files, ~5 ms each through the reference loader
        from staffing.io.fastload import load as fast_load

        doc = fast_load(path)
        doc.path = shown
        try:
            try:
                cf = CountyFile.model_validate(doc.data)
            except ValidationError:
                if not getattr(doc, "fast", False):
                    raise
                doc = load_file(path)  # every error is reported from the reference reading
                doc.path = shown
                cf = CountyFile.model_validate(doc.data)
        except ValidationError as exc:
            err = exc.errors(include_url=False)[0]
            loc = tuple(err["loc"])
            line, col = doc.locate(loc)
            field = ".".join(str(p) for p in loc) or "(root)"
            raise problem(shown, "input.schema", line, col, field=field, reason=_reason(err), reason_en=err["msg"]) from None
    except InputProblem as exc:
        result.error = exc if exc.file == shown else InputProblem(shown, exc.key, exc.params, exc.line, exc.column)
        return result
    result.findings = county_findings(cf, doc, towns)
    result.findings.sort(key=Finding.sort_key)
    return result


def county_findings(cf: CountyFile, doc: Document, towns: Sequence[FileResult]) -> list[Finding]:
    county = cf.county.name
    out: list[Finding] = []
    # what the towns record, by town → (type, document) → count
    town_side: dict[str, dict[tuple[str, str], int]] = {}
    unusable: set[str] = set()
    for r in towns:
        plan = r.plan
        if plan is None:
            continue
        name = normalize(plan.town.name)
        side = town_side.setdefault(name, defaultdict(int))
        for t in plan.transfers:
            if isinstance(t, tuple):
                _, level, qtype, count, document = t
            else:
                level, qtype, count, document = t.level, t.type, t.count, t.document
            if level != "county":
                continue
            side[(qtype, normalize(document or ""))] += count
    for r in towns:
        if r.plan is None and r.error is not None:
            unusable.add(os.path.basename(r.path))
    county_side: dict[str, dict[tuple[str, str], int]] = defaultdict(lambda: defaultdict(int))
    first_index: dict[tuple[str, str, str], int] = {}
    for i, ct in enumerate(cf.transfers_down):
        key: tuple[str, str] = (ct.type, normalize(ct.document or ""))
        county_side[normalize(ct.town)][key] += ct.count
        first_index.setdefault((normalize(ct.town),) + key, i)
    names = {normalize(ct.town): ct.town for ct in cf.transfers_down}
    for town_key in sorted(set(county_side) | set(town_side)):
        c = county_side.get(town_key, {})
        if town_key not in town_side:
            if c:
                i = first_index[(town_key,) + next(iter(c))]
                out.append(_finding(CountyTransferMismatch, "ST951.unknown-town", {"town": names[town_key], "county": county},
                                    doc, ("transfers_down", i, "town"), county, (names[town_key],)))
            continue
        t_side = town_side[town_key]
        for key in sorted(set(c) | set(t_side)):
            key_type, key_document = key
            said, recorded = c.get(key, 0), t_side.get(key, 0)
            if said == recorded:
                continue
            zh, en = QUOTA_LABELS.get(key_type, (key_type, key_type))
            params: dict[str, Any] = {
                "town": names.get(town_key, town_key), "type_zh": zh, "type_en": en, "county_count": said,
                "town_count": recorded, "document": key_document or "-", "county": county}
            if (town_key,) + key in first_index:
                loc: tuple[Any, ...] = ("transfers_down", first_index[(town_key,) + key], "count")
            else:
                loc = ("transfers_down",)
            out.append(_finding(CountyTransferMismatch, "ST951", params, doc, loc, county, (params["town"],),
                                at_key=loc == ("transfers_down",)))
    moved = dict.fromkeys(QUOTA_TYPES, 0)
    for ct in cf.transfers_down:
        moved[ct.type] += ct.count
    for qt in QUOTA_TYPES:
        before, after = cf.quotas_before.get(qt), cf.quotas_after.get(qt)
        if before is None or after is None:  # unknown: nothing to hold against the towns
            continue
        # moved down, the quota leaves the county: it falls by at least that much (it may
        # fall further for reasons of its own: "只减不增")
        if after > before - moved[qt]:
            zh, en = QUOTA_LABELS.get(qt, (qt, qt))
            params = {"type_zh": zh, "type_en": en, "before": before, "after": after, "moved": moved[qt],
                      "expected": before - moved[qt], "county": county}
            loc = ("quotas_after", qt) if qt in cf.quotas_after.model_fields_set else ("quotas_after",)
            out.append(_finding(CountyTotalNotReduced, "ST952", params, doc, loc, county, (zh,)))
    return out




def check_counties(results: Sequence[FileResult]) -> list[FileResult]:
    """County-file results for every folder of `results` that has a county file."""
    by_dir: dict[str, list[FileResult]] = defaultdict(list)
    for r in results:
        by_dir[os.path.dirname(os.path.abspath(r.path))].append(r)
    out = []
    for f in county_files(os.path.join(d, "x") for d in by_dir):
        out.append(check_county(f, by_dir[os.path.dirname(os.path.abspath(f))]))
    return out
