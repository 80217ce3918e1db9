"""County roll-ups: a county's own record of the quotas it moved down, checked against
its towns' plans.

A county file sits beside its towns, ``orgs/<province>/<city>/<county>/_county.yaml``::

    county: {name: 靖江市, code: "321282000000", province: 江苏省, city: 泰州市}
    quotas_before: {administrative: 520, institutional_full: 1400}
    quotas_after:  {administrative: 518, institutional_full: 1399}
    transfers_down:
      - {town: 新桥镇, type: administrative, count: 1, document: 靖编〔2019〕21号}
    recruitment:                    # 用编用人计划 (optional): people recruited for each town
      - {town: 新桥镇, count: 2}

Files whose name starts with ``_`` are never read as town plans.  The checks here are
cross-file, so they run after every plan has been checked, on the plans' transfers and key
figures; ST953 and ST954 take their numbers and sources from the towns' own packs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from staffing.checks.base import Check, Doc, Options, Problem, cannot_check, option
from staffing.checks.pack import PLACE_ENDINGS, place_name
from staffing.findings import Severity
from staffing.messages import label
from staffing.plan.model import (
    DEFER_BUILD,
    QUOTA_LABELS,
    QUOTA_TYPES,
    Count,
    HeldQuotas,
    Name,
    QuotaType,
    chinese,
)
from staffing.plan.names import normalize, without_town
from staffing.plan.summary import PlanSummary
from staffing.words import Words

COUNTY_FILE = "_county.yaml"


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=DEFER_BUILD)


class CountyInfo(_M):
    name: Name
    code: Annotated[str, Field(pattern=r"^[0-9]{12}$")]
    province: Name | None = None
    city: Name | None = None


class CountyTransfer(_M):
    town: Name
    type: Annotated[QuotaType, chinese("quota_type")]
    count: Count
    document: Name | None = None


class CountyRecruitment(_M):
    """One line of the county's 用编用人计划: people it plans to recruit for a town."""

    town: Name
    count: Count
    document: Name | None = None


class CountyFile(_M):
    county: CountyInfo
    # `~` for either: every type unknown (the file is then incomplete, like a plan)
    quotas_before: HeldQuotas
    quotas_after: HeldQuotas
    transfers_down: list[CountyTransfer] = []
    recruitment: list[CountyRecruitment] = Field(
        [], description="用编用人计划: the people the county plans to recruit for each town",
    )


class CountyTransferMismatch(Check):
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
    rule = 4
    scope = "county"
    title = Words("县级下划记录与乡镇方案不一致", "The county's record of quotas moved down differs from its towns' plans")
    messages = {
        "ST951": Words(
            "{county}记录下划给{town}的{type}{county_count}名（文号{document}），{town}方案记录为{town_count}名",
            "{county} records {county_count} {type} moved down to {town} (document {document}); {town}'s plan records {town_count}",
        ),
        "ST951.unknown-town": Words(
            "{county}记录向{town}下划编制，但本县目录中没有{town}的方案",
            "{county} records quotas moved down to {town}, but the county folder has no plan for {town}",
        ),
    }
    doc_zh = Doc(
        "县内每个乡镇（县级文件夹中的方案），县级文件`transfers_down`中列出的下划该乡镇的编制，按类型和文号，要与该乡镇"
        "方案中记录的从县级划入的`transfers`相同；县级文件提到的每个乡镇都要有方案。",
        "编随事走：下划的编制从县级减出，划入一个乡镇。两边记录不一致，说明编制被重复计算或丢失，两个总数都不可信。",
        "错误示例：县级记录下划新桥镇行政编制2名，新桥镇方案记录1名。\n"
        "    transfers_down: [{town: 新桥镇, type: administrative, count: 2}]\n"
        "正确示例：两边都记录1名，文号相同。",
        "改正有误的一方，两边引用同一文号。",
    )

    def run(self, ctx: CountyContext, opts: Options) -> Iterator[Problem]:
        return _transfer_mismatches(ctx)


class CountyTotalNotReduced(Check):
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
    rule = 4
    scope = "county"
    title = Words("县级编制总数未按下划数减少", "The county's quota total did not fall by what it moved down")
    messages = {
        "ST952": Words(
            "{county}{type}改革前{before}名、改革后{after}名，下划{moved}名，改革后应不超过{expected}名",
            "{county}: {type} {before} before and {after} after, {moved} moved down; after should be at most {expected}",
        ),
    }
    doc_zh = Doc(
        "县级文件中每类编制的`quotas_after`（改革后）不得多于`quotas_before`（改革前）减去`transfers_down`中下划的编制"
        "（改革后≤改革前－下划数）：县级可以多减，不能少减。",
        "下划到乡镇的编制必须从县级编制中减出，否则改革反而使编制总量增加（“只减不增”）。",
        "错误示例：改革前520名，改革后仍为520名（或519名），下划行政编制2名。\n"
        "正确示例：改革前520名，改革后518名或更少。",
        "改正县级改革后的数字，或改正下划记录。",
    )

    def run(self, ctx: CountyContext, opts: Options) -> Iterator[Problem]:
        return _total_not_reduced(ctx)


class CountyTownWithoutTransfer(Check):
    """The county has moved less quota down to a town than the town's pack asks.

    ## What it checks
    For every town of the county whose rule pack sets a least quota moved down to each
    town (Taizhou: 1 to 2 per town or street), the quotas the county file lists for that
    town under `transfers_down` add up to at least that least number (where the town's
    own plan records enough and the county's file does not, the records disagree: that is
    ST951).  The town's own plan gets only a warning for it (ST203): moving the quota is
    the county's duty, and the county's file is where it is found.

    ## Why it matters
    Taizhou: "从上往下跨层级调剂1至2名行政编制或者全额拨款事业编制给每个乡镇(街道)" (004).

    ## Example
    Bad:  a county file whose transfers_down names 新桥镇 but not 虹桥镇 (both Taizhou plans).
    Good: each town of the folder receives one or two quotas, each with its document.

    ## Fix
    Move the quota down to the town, and record it (with its document) in both files.
    """

    code = "ST953"
    slug = "county-town-without-transfer"
    rule = 4
    scope = "county"
    title = Words("县级尚未向乡镇（街道）下沉编制", "The county has not moved quota down to a town")
    messages = {
        "ST953": Words(
            "{county}向{town}下沉编制{count}名，少于每个乡镇（街道）应得的{limit}名：按“编随事走”，下沉编制是县（市、区）的责任",
            "{county} has moved {count} quota down to {town}, fewer than the {limit} each town or street should receive: "
            "moving quota down with the work is the county's duty",
        ),
    }
    doc_zh = Doc(
        "规则包规定每个乡镇（街道）至少应得的下划编制数时（泰州：1至2名），县级文件`transfers_down`中列给县内每个乡镇"
        "的编制合计不得少于这个数；乡镇方案记录的数够而县级文件不够时，是两边记录不一致，由核对县乡下划记录的检查报告，不在此重复。乡镇自己的"
        "方案对此只有警告（下划编制超出范围的检查）：下沉编制是县（市、区）的责任，问题记在县级文件上。",
        "泰州：“从上往下跨层级调剂1至2名行政编制或者全额拨款事业编制给每个乡镇（街道）”（《关于推进基层整合审批服务执法力量的"
        "实施方案》）。",
        "错误示例：县级文件只列了新桥镇，没有列虹桥镇，两镇都按泰州规则包审核，虹桥镇方案也没有记录下划编制。\n"
        "正确示例：县内每个乡镇都下划1至2名，两边都记录文号。",
        "向该乡镇下沉编制，并在县级文件和乡镇方案中都记录（含文号）。",
    )

    def run(self, ctx: CountyContext, opts: Options) -> Iterator[Problem]:
        return _owed(ctx)


class VacanciesOptions(Options):
    # the county's recruitment plan fills the towns' vacancies first (a town's pack sets it)
    vacancies_first: bool | None = option("require", Words("用编用人计划优先保障空编的乡镇（街道）", "recruitment fills towns' vacancies first"))


class CountyVacanciesNotFirst(Check):
    """The county's recruitment plan passes over towns with vacancies.

    ## What it checks
    Where a town's rule pack says so, the county's recruitment plan (`recruitment` in the
    county file, 用编用人计划) gives a town no more places than its vacancies (空编: its own
    quota less the people in post, from its plan) while another town of the folder still
    has vacancies the plan does not fill.  A warning: priority, not a ban.

    ## Why it matters
    Taizhou: "按照编制数及时补充人员,制定用编用人计划时优先保障空编的乡镇(街道)" (004).

    ## Example
    Bad:  recruitment: [{town: 新桥镇, count: 3}] where 新桥镇 has no vacancy and 虹桥镇 has 4.
    Good: recruitment: [{town: 虹桥镇, count: 3}].

    ## Fix
    Give the places to the towns with vacancies first.
    """

    code = "ST954"
    slug = "county-vacancies-not-first"
    rule = 4
    scope = "county"
    severity = Severity.WARNING
    options = VacanciesOptions
    title = Words("用编用人计划未优先保障空编的乡镇（街道）", "The recruitment plan passes over towns with vacancies")
    messages = {
        "ST954": Words(
            "{county}的用编用人计划为{town}安排{count}名，超过其空编{vacant}名，而{others}仍有空编未安排：应优先保障空编的乡镇（街道）",
            "{county}'s recruitment plan gives {town} {count} places, more than its {vacant} vacancies, while {others} still "
            "have vacancies it does not fill: towns with vacancies come first",
        ),
    }
    doc_zh = Doc(
        "乡镇的规则包要求时，县级文件中的用编用人计划（`recruitment`）为某乡镇安排的人数超过其空编（方案中本级编制减实有"
        "人数），而县内另一乡镇仍有空编未安排，给出警告：这是优先顺序，不是禁止。空编未知的乡镇不参与比较。",
        "泰州：“按照编制数及时补充人员，制定用编用人计划时优先保障空编的乡镇（街道）”（《关于推进基层整合审批服务执法力量的"
        "实施方案》）。",
        "错误示例：新桥镇没有空编，计划仍为其安排3名；虹桥镇有空编4名，计划没有安排。\n"
        "    recruitment: [{town: 新桥镇, count: 3}]\n"
        "正确示例：\n"
        "    recruitment: [{town: 虹桥镇, count: 3}]",
        "先把名额安排给有空编的乡镇（街道）。",
    )

    def run(self, ctx: CountyContext, opts: Options) -> Iterator[Problem]:
        return _vacancies_passed_over(ctx)


class RecruitmentOptions(Options):
    # the county recruits for a town no more people than its vacancies (its quota less the
    # people in post): recruitment follows the quota ("按照编制数及时补充人员"); a town's pack sets it
    within_vacancies: bool | None = option("require", Words("用编用人计划不超过乡镇（街道）空编", "recruitment within the town's vacancies"))


class CountyRecruitmentOverVacancies(Check):
    """The county's recruitment plan gives a town more places than its vacancies.

    ## What it checks
    Where a town's rule pack says so, the places the county's recruitment plan (`recruitment`
    in the county file, 用编用人计划) gives the town, added up, are at most its vacancies (空编:
    its own quota less the people in post, from its plan).  Each town given more is an error
    that names the town and both numbers.  Where the town's vacancies are unknown (a quota or
    a head-count unknown, or no plan of it in the county's folder) the outcome is "cannot
    check", and the county file is incomplete.

    ## Why it matters
    Taizhou: "按照编制数及时补充人员" (004): people are recruited by the quota.  Recruiting
    beyond the vacancies puts more people in post than the town's quota (超编), which the
    whole reform forbids.

    ## Example
    Bad:  recruitment: [{town: 新桥镇, count: 5}] where 新桥镇 has 3 vacancies.
    Good: recruitment: [{town: 新桥镇, count: 3}].

    ## Fix
    Give the town at most its vacancies.
    """

    code = "ST955"
    slug = "county-recruitment-over-vacancies"
    rule = 4
    scope = "county"
    options = RecruitmentOptions
    title = Words("用编用人计划超过乡镇（街道）空编", "The recruitment plan gives a town more places than its vacancies")
    messages = {
        "ST955": Words(
            "{county}的用编用人计划为{town}安排{count}名，超过其空编{vacant}名，多{excess}名：应按照编制数补充人员",
            "{county}'s recruitment plan gives {town} {count} places, more than its {vacant} vacancies by {excess}: people "
            "are recruited by the quota",
        ),
        "ST955.unknown": Words(
            "无法检查：{town}的空编未知（方案中有编制或实有人数未知，或本县目录中没有其方案），无法核对用编用人计划安排的{count}名",
            "cannot check: the vacancies of {town} are unknown (a quota or head-count of its plan is unknown, or the "
            "county folder has no plan of it), so the {count} places the recruitment plan gives it cannot be checked",
        ),
    }
    doc_zh = Doc(
        "乡镇的规则包要求时，县级文件中的用编用人计划（`recruitment`）为某乡镇安排的人数合计，不得超过其空编（方案中本级编制"
        "减实有人数）。每个超出的乡镇报告一个错误，写明乡镇和两个数字。空编未知（方案中有编制或实有人数未知，或县级目录中没有"
        "该乡镇的方案）时，结论为“无法检查”，县级文件不完整。",
        "泰州：“按照编制数及时补充人员”（《关于推进基层整合审批服务执法力量的实施方案》）：按编制补充人员。超出空编安排人员，"
        "实有人数就会超过编制（超编），这正是改革所禁止的。",
        "错误示例：新桥镇空编3名，计划为其安排5名。\n"
        "    recruitment: [{town: 新桥镇, count: 5}]\n"
        "正确示例：\n"
        "    recruitment: [{town: 新桥镇, count: 3}]",
        "为该乡镇安排的人数不超过其空编。",
    )

    def run(self, ctx: CountyContext, opts: Options) -> Iterator[Problem]:
        return _over_vacancies(ctx)


@dataclass(frozen=True)
class TownDuty:
    """What a town's rule pack says the county owes it: the least quota moved down, and
    the source of that number (seed and quote; the citation by document title)."""

    least: int
    source: str | None = None
    cited: Words | None = None


@dataclass
class CountyContext:
    """What every county check sees: the county file, the usable plans of its folder (their
    summaries), what each town's pack says the county owes it (by the town's name as its
    plan writes it; only towns whose pack sets a least quota moved down), and whether a
    town's pack asks the county to fill vacancies first."""

    file: CountyFile
    towns: Sequence[PlanSummary]
    duties: Mapping[str, TownDuty]
    vacancies_first: TownDuty | None = None
    # the towns (by name, as their plans write it) whose pack keeps the county's recruitment
    # within their vacancies, with the source of that rule (ST955)
    within_vacancies: Mapping[str, TownDuty] = field(default_factory=dict)

    @property
    def county(self) -> str:
        return self.file.county.name

    def cited(self, source: str | None) -> Words | None:
        """The citation of a source one of the towns' packs gave."""
        for duty in (*self.duties.values(), self.vacancies_first, *self.within_vacancies.values()):
            if duty is not None and duty.source == source:
                return duty.cited
        return None

    @cached_property
    def _prefixes(self) -> tuple[tuple[str, ...], ...]:
        """For the county's province, city and county in turn, every way a town's name may
        write it in front: as the county file writes it, and its name with each place ending
        or none (靖江, 靖江市), longest first."""
        info = self.file.county
        levels = []
        for written in (info.province, info.city, info.name):
            if written:
                base = place_name(written)
                ways = {normalize(written), base, *(base + ending for ending in PLACE_ENDINGS)}
                levels.append(tuple(sorted(ways, key=len, reverse=True)))
        return tuple(levels)

    def town_key(self, name: str) -> str:
        """A town's name as the county file and the plans are matched on: normalized, with the
        county's province, city and county in front dropped, written with or without their
        ending (靖江市新桥镇 and 靖江新桥镇 are 新桥镇 for the county 靖江市 or 靖江), never down to
        an ending alone (靖江镇 stays 靖江镇)."""
        key = normalize(name)
        for ways in self._prefixes:
            for prefix in ways:
                rest = without_town(key, prefix)
                if len(rest) < len(key) and rest not in PLACE_ENDINGS:
                    key = rest
                    break
        return key

    @cached_property
    def town_side(self) -> dict[str, dict[tuple[str, str], int]]:
        """What the towns record as moved in from the county: town → (type, document) → count."""
        out: dict[str, dict[tuple[str, str], int]] = {}
        for plan in self.towns:
            side = out.setdefault(self.town_key(plan.town.name), defaultdict(int))
            for t in plan.transfers:
                if t.level == "county":
                    side[(t.type, normalize(t.document or ""))] += t.count
        return out


def _trail(*names: str) -> tuple[tuple[str, str], ...]:
    return tuple((n, n) for n in names)


def _transfer_mismatches(ctx: CountyContext) -> Iterator[Problem]:
    """ST951: by town, the county's `transfers_down` against the towns' own records."""
    cf, county = ctx.file, ctx.county
    town_side = ctx.town_side
    county_side: dict[str, dict[tuple[str, str], int]] = defaultdict(lambda: defaultdict(int))
    first_index: dict[tuple[str, str, str], int] = {}
    for i, ct in enumerate(cf.transfers_down):
        key: tuple[str, str] = (ct.type, normalize(ct.document or ""))
        county_side[ctx.town_key(ct.town)][key] += ct.count
        first_index.setdefault((ctx.town_key(ct.town),) + key, i)
    names = {ctx.town_key(ct.town): ct.town for ct in cf.transfers_down}
    for town_key in sorted(set(county_side) | set(town_side)):
        c = county_side.get(town_key, {})
        if town_key not in town_side:
            if c:
                i = first_index[(town_key,) + next(iter(c))]
                yield Problem("ST951.unknown-town", {"town": names[town_key], "county": county},
                              ("transfers_down", i, "town"), trail=_trail(names[town_key]))
            continue
        t_side = town_side[town_key]
        for key in sorted(set(c) | set(t_side)):
            key_type, key_document = key
            said, recorded = c.get(key, 0), t_side.get(key, 0)
            if said == recorded:
                continue
            zh, en = QUOTA_LABELS.get(key_type, (key_type, key_type))
            params: dict[str, Any] = {
                "town": names.get(town_key, town_key), "type": Words(zh, en), "county_count": said,
                "town_count": recorded, "document": key_document or "-", "county": county}
            if (town_key,) + key in first_index:
                loc: tuple[Any, ...] = ("transfers_down", first_index[(town_key,) + key], "count")
            else:
                loc = ("transfers_down",)
            yield Problem("ST951", params, loc, trail=_trail(params["town"]), at_key=loc == ("transfers_down",))


def _total_not_reduced(ctx: CountyContext) -> Iterator[Problem]:
    """ST952: each quota type of the county falls by at least what it moved down."""
    cf = ctx.file
    moved = dict.fromkeys(QUOTA_TYPES, 0)
    for ct in cf.transfers_down:
        moved[ct.type] += ct.count
    for qt in QUOTA_TYPES:
        before, after = cf.quotas_before.get(qt), cf.quotas_after.get(qt)
        if before is None or after is None:
            # unknown: whether the county fell by what it moved down cannot be checked (the
            # file is incomplete, like a plan with an unknown figure), never a pass
            side = "quotas_before" if before is None else "quotas_after"
            zh, en = QUOTA_LABELS.get(qt, (qt, qt))
            where = label(f"county.{side}")
            written = qt in getattr(cf, side).model_fields_set
            yield cannot_check((where[0] + zh, f"{en} {where[1]}"), (side, qt) if written else (side,),
                               trail=_trail(zh), at_key=not written)
            continue
        # moved down, the quota leaves the county: it falls by at least that much (it may
        # fall further for reasons of its own: "只减不增")
        if after > before - moved[qt]:
            zh, en = QUOTA_LABELS.get(qt, (qt, qt))
            params = {"type": Words(zh, en), "before": before, "after": after, "moved": moved[qt],
                      "expected": before - moved[qt], "county": ctx.county}
            loc = ("quotas_after", qt) if qt in cf.quotas_after.model_fields_set else ("quotas_after",)
            yield Problem("ST952", params, loc, trail=_trail(zh))


def _owed(ctx: CountyContext) -> Iterator[Problem]:
    """ST953: a town of the folder that the county's own record gives less than its pack's
    least (moving quota down is the county's duty, so it is found on the county's file).
    Where the town's plan records enough but the county's file does not, the two records
    disagree: that is ST951's one finding, not also this one."""
    cf, duties, town_side = ctx.file, ctx.duties, ctx.town_side
    given: dict[str, int] = defaultdict(int)
    first: dict[str, int] = {}
    for i, ct in enumerate(cf.transfers_down):
        given[ctx.town_key(ct.town)] += ct.count
        first.setdefault(ctx.town_key(ct.town), i)
    for town in sorted(duties, key=normalize):
        duty, key = duties[town], ctx.town_key(town)
        if max(given.get(key, 0), sum(town_side.get(key, {}).values())) >= duty.least:
            continue
        loc: tuple[Any, ...] = ("transfers_down", first[key], "count") if key in first else ("transfers_down",)
        params = {"county": ctx.county, "town": town, "count": given.get(key, 0), "limit": duty.least}
        yield Problem("ST953", params, loc, trail=_trail(town), at_key=key not in first, cite=duty.source)


def _vacancies_passed_over(ctx: CountyContext) -> Iterator[Problem]:
    """ST954: places for a town beyond its vacancies while another town's vacancies are left
    unfilled (towns whose vacancies are unknown are held against no one)."""
    cf, rule = ctx.file, ctx.vacancies_first
    if rule is None:
        return
    vacant = {ctx.town_key(t.town.name): (t.town.name, t.figures.vacant) for t in ctx.towns}
    planned: dict[str, int] = defaultdict(int)
    for r in cf.recruitment:
        planned[ctx.town_key(r.town)] += r.count
    waiting = sorted((name for key, (name, v) in vacant.items() if v is not None and v > planned.get(key, 0)),
                     key=normalize)
    seen: set[str] = set()
    for i, r in enumerate(cf.recruitment):
        key = ctx.town_key(r.town)
        if key in seen or key not in vacant or vacant[key][1] is None:
            continue
        seen.add(key)
        has = vacant[key][1]
        assert has is not None
        others = [n for n in waiting if ctx.town_key(n) != key]
        if planned[key] > has and others:
            params = {"county": ctx.county, "town": r.town, "count": planned[key], "vacant": has, "others": others}
            yield Problem("ST954", params, ("recruitment", i, "count"), trail=_trail(r.town), cite=rule.source)


def _over_vacancies(ctx: CountyContext) -> Iterator[Problem]:
    """ST955: by town, the places the recruitment plan gives it against its vacancies, for the
    towns whose pack keeps recruitment within them."""
    rules = {ctx.town_key(name): duty for name, duty in ctx.within_vacancies.items()}
    if not rules:
        return
    vacant = {ctx.town_key(t.town.name): t.figures.vacant for t in ctx.towns}
    planned: dict[str, int] = defaultdict(int)
    first: dict[str, int] = {}
    for i, r in enumerate(ctx.file.recruitment):
        planned[ctx.town_key(r.town)] += r.count
        first.setdefault(ctx.town_key(r.town), i)
    # a town of the folder is held by its own pack; a town the folder has no plan of, by the
    # rule its neighbours' packs give (the county's recruitment plan is one document)
    fallback = next(iter(sorted(rules.items())))[1]
    for key, i in first.items():
        duty = rules.get(key, fallback if key not in vacant else None)
        if duty is None:
            continue
        r = ctx.file.recruitment[i]
        has = vacant.get(key)
        if has is None:
            yield Problem("ST955.unknown", {"town": r.town, "count": planned[key]}, ("recruitment", i, "town"),
                          trail=_trail(r.town), cite=duty.source, unknown=True)
        elif planned[key] > has:
            params = {"county": ctx.county, "town": r.town, "count": planned[key], "vacant": has,
                      "excess": planned[key] - has}
            yield Problem("ST955", params, ("recruitment", i, "count"), trail=_trail(r.town), cite=duty.source)
