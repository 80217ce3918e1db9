"""The three-set plan (三定方案) of one town: the one definition of the plan format.

`staffing schema` prints the JSON Schema generated from these models; the examples in
`orgs/` point their editors at it.  Counts are strict non-negative integers: a
fractional or negative head-count is an input error, never rounded.

Any figure may be unknown: `null` (`~` in YAML) says the plan (or the published source it
was built from) does not state it, and a check that needs it reports that it cannot check,
never a pass or a fail.  A whole section may be declared not provided (`not_provided`).
`quotas: ~` on a body or institution means every quota type is unknown.
"""

from __future__ import annotations

import datetime as _dt
from functools import partial
from typing import Annotated, Any, Literal, get_args

import pydantic.main
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from staffing import vocabulary
from staffing.plan.names import simplified

Count = Annotated[int, Field(ge=0, strict=True)]
# A figure that may be unknown: null / ~ (never 0 for "not stated")
Figure = Count | None
Name = Annotated[str, Field(min_length=1, max_length=200)]
Text = Annotated[str, Field(max_length=2000)]

UnitType = Literal["town", "township", "street"]

QuotaType = Literal[
    "administrative",
    "institutional_full",
    "institutional_partial",
    "institutional_self",
    "political_legal",
    "service",
]
# the quota types in the order a three-set plan lists them, from the one definition above
QUOTA_TYPES: tuple[str, ...] = get_args(QuotaType)


# Values a plan may write in Chinese: the label a workbook's drop-down shows (镇, 属地管理,
# 行政编制, 正职 …) or one of a few words a 编办 writes for the same thing (the vocabulary's).
# Each is read as its code before the value is checked, so a plan written either way is the
# same plan.


def _code_of(words: dict[str, str], value: object) -> object:
    # the usual case, a code, costs one dict look-up (this runs for every enumerated value)
    if type(value) is not str or value in words:
        return words.get(value, value) if type(value) is str else value
    # a word written in traditional script (屬地管理, 鎮) is the same word
    return words.get(value.strip()) or words.get(simplified(value.strip()), value)


def chinese_words(codes: tuple[str, ...]) -> list[str]:
    """The Chinese words read as one of `codes` (the allowed values of one field), in order."""
    enum = vocabulary.enum_of(codes)
    if enum is None:
        return []
    words = [t.label.zh for t in vocabulary.VOCABULARY[enum] if t.label.zh not in codes]
    words += [w for t in vocabulary.VOCABULARY[enum] for w in t.also if w not in words]
    return list(dict.fromkeys(words))


def chinese(enum: str) -> BeforeValidator:
    """Read an allowed value written in Chinese (see staffing.vocabulary) as its code."""
    return BeforeValidator(partial(_code_of, vocabulary.readings(enum)))


# How a sentence names each quota type (行政编制 …), from the vocabulary.
QUOTA_LABELS: dict[str, tuple[str, str]] = {t: vocabulary.named("quota_type", t) for t in QUOTA_TYPES}


# A yes-or-no field: true / false, or 是 / 否 as the plan workbook's drop-downs and a 编办 write it.
YesNo = Annotated[bool, chinese("bool")]


# A model's validator is built when it is first used, not when its class is made: a check of
# one plan validates 17 of the ~50 models (the plan's, the options of the checks its pack
# sets), and building the others was ~10 ms of its start-up.  Only where pydantic rebuilds a
# deferred model under its lock: without it, two threads (the page, the editor server) using a
# model for the first time at once could validate with its parent's validator while the
# other builds it; there every model is built with its class, as before.
DEFER_BUILD = hasattr(pydantic.main, "_rebuild_lock")


# A list left out is empty: made anew for each value by `default_factory`, not copied from a
# `[]` default (the validator deep-copies a mutable default every time it is used: a tenth of
# a plan's validation); the schema still says the default is [].
_EMPTY_LIST: dict[str, Any] = {"default": []}


def _empty_list() -> list[Any]:
    """A new empty list, the `default_factory` of a list left out.  A function of ours, not
    `list`: pydantic reads the factory's signature when it builds the validator, and a
    builtin's signature is parsed from its text by the tokenizer (about 4 ms of a one-plan
    check, the tokenizer's patterns compiled for it)."""
    return []


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=DEFER_BUILD)


_QUOTA_SET = frozenset(QUOTA_TYPES)


class Quotas(_Model):
    """编制 by type.  Types not given are zero; a type written as null (~) is unknown."""

    administrative: Figure = Field(0, description="行政编制 administrative quota; null: unknown")
    institutional_full: Figure = Field(0, description="全额拨款事业编制 fully funded institutional quota; null: unknown")
    institutional_partial: Figure = Field(0, description="差额拨款事业编制 partly funded institutional quota; null: unknown")
    institutional_self: Figure = Field(0, description="自收自支事业编制 self-funded institutional quota; null: unknown")
    political_legal: Figure = Field(0, description="政法专项编制 politics-and-law special quota; null: unknown")
    service: Figure = Field(0, description="工勤编制 service-worker quota; null: unknown")

    @model_validator(mode="before")
    @classmethod
    def _chinese_names(cls, data: Any) -> Any:
        """A type written by its Chinese name (行政编制: 7) is that type; written twice (by
        its code and its name) it is an error, never one value silently dropped."""
        if type(data) is not dict or data.keys() <= _QUOTA_SET:  # the usual case: codes only
            return data
        out: dict[Any, Any] = {}
        for k, v in data.items():
            code = k if k in QUOTA_TYPES or not isinstance(k, str) else (
                vocabulary.code_of("quota_type", k.strip()) or vocabulary.code_of("quota_type", simplified(k.strip())) or k)
            if code in out:
                raise PydanticCustomError("quota_twice", "the quota type {code} is written twice", {"code": code})
            out[code] = v
        return out

    @property
    def total(self) -> int | None:
        """The sum of every type; None when any type is unknown."""
        d = self.__dict__
        parts = (d["administrative"], d["institutional_full"], d["institutional_partial"],
                 d["institutional_self"], d["political_legal"], d["service"])
        if None in parts:
            return None
        return sum(parts)  # no part is None here

    def get(self, quota_type: str) -> int | None:
        # every field is a strict int (never a bool or a float) or None (unknown)
        value: int | None = self.__dict__[quota_type]
        return value

    @property
    def unknown_types(self) -> list[str]:
        return [t for t in QUOTA_TYPES if self.__dict__[t] is None]


def _unknown_quotas(value: object) -> object:
    """`quotas: ~`: every type unknown."""
    return dict.fromkeys(QUOTA_TYPES) if value is None else value


# quotas of a body, sub-unit, institution or dispatched unit: `~` means all unknown
HeldQuotas = Annotated[Quotas, BeforeValidator(_unknown_quotas, json_schema_input_type=Quotas | None)]


class Population(_Model):
    resident: Count | None = Field(None, description="常住人口 resident population")
    registered: Count | None = Field(None, description="户籍人口 registered population")


class Town(_Model):
    """Identity of the town (乡镇 / 街道)."""

    name: Name = Field(description="名称, e.g. 下蜀镇")
    code: Annotated[str, Field(pattern=r"^[0-9]{12}$")] | None = Field(
        description="12-digit statistical division code (统计用区划代码); null when the source does not give it"
    )
    unit_type: Annotated[UnitType, chinese("unit_type")] = Field(description="town 镇 / township 乡 / street 街道")
    developed_town: YesNo = Field(False, description="经济发达镇 economically developed town")
    developed_town_document: Name | None = Field(
        None, description="批复文号 of the approval as a developed town, where it is not on the pack's list"
    )
    province: Name
    city: Name
    county: Name
    rank: str | None = Field(None, description="规格, e.g. 正科 or 副处")
    population: Population = Population()


class LeadershipPost(_Model):
    """领导职数: one title in a body, with its approved and filled posts."""

    title: Name = Field(description="职务名称, e.g. 局长, 副主任")
    level: Annotated[Literal["principal", "deputy"], chinese("level")] = Field(description="正职 principal / 副职 deputy")
    rank: str | None = Field(None, description="职级, e.g. 副科")
    approved: Figure = Field(description="核定职数 approved posts; null: unknown")
    filled: Figure = Field(0, description="实配 posts filled; null: unknown")


class SubUnit(_Model):
    """An internal section or squad (科室 / 中队) of a body: never counted as a body."""

    name: Name
    quotas: HeldQuotas = Quotas()
    actual: Count | None = Field(None, description="实有人数 people in post")


# How a reviewer counts a body: a functional body (职能机构); an organ set up under its own
# rules (纪委/纪工委, 人大主席团/人大工委, 武装部, 工青妇); a public institution (事业单位);
# a platform (指挥中心, 服务大厅).  Which categories count toward a limit is the pack's.
Category = Literal["functional", "own_rules", "institution", "platform"]


class Body(_Model):
    """A body of the town: by default a functional body (职能机构)."""

    name: Name
    role: Annotated[str, Field(min_length=1, max_length=200)] | list[Annotated[str, Field(min_length=1, max_length=200)]] | None = Field(
        None,
        description="role, or several: a role id (e.g. social_affairs) or its Chinese label (e.g. 社会事业局); "
                    "always wins over what the name suggests; recognised from the name when absent",
    )
    category: Annotated[Category, chinese("category")] | None = Field(
        None, description="functional 职能机构 / own_rules 依各自章程设置的机构 (纪委、人大、武装部、工青妇) / "
                          "institution 事业单位 / platform 平台; recognised from the name when absent",
    )
    kind: Annotated[Literal["office", "bureau", "centre", "other"], chinese("kind")] = "bureau"
    rank: str | None = Field(None, description="规格 of the body, e.g. 副科")
    parent: Name | None = Field(None, description="the body this one sits under; default the town")
    quotas: HeldQuotas = Quotas()
    leadership: list[LeadershipPost] = Field(default_factory=_empty_list, json_schema_extra=_EMPTY_LIST)
    actual: Count | None = Field(None, description="实有人数 people in post")
    nameplates: list[Name] = Field(default_factory=_empty_list, json_schema_extra=_EMPTY_LIST, description="加挂牌子 extra nameplates")
    subunits: list[SubUnit] = Field(default_factory=_empty_list, json_schema_extra=_EMPTY_LIST)
    merged_from: list[Name] = Field(default_factory=_empty_list, json_schema_extra=_EMPTY_LIST, description="pre-reform bodies merged into this one")
    duties: list[Text] = Field(default_factory=_empty_list, json_schema_extra=_EMPTY_LIST, description="主要职责 main duties")
    approval_document: Name | None = Field(None, description="批复文号: the document that approved the body")


class SupportCenter(_Model):
    """综合服务中心: the one institution that supports the town."""

    name: Name
    quotas: HeldQuotas = Quotas()
    actual: Count | None = None
    absorbed: list[Name] = Field(default_factory=_empty_list, json_schema_extra=_EMPTY_LIST, description="institutions merged into the centre")
    nameplates: list[Name] = Field(default_factory=_empty_list, json_schema_extra=_EMPTY_LIST)
    leadership: list[LeadershipPost] = Field(default_factory=_empty_list, json_schema_extra=_EMPTY_LIST)


class Institution(_Model):
    """事业单位: a public institution of the town, with its quotas, leaders and people."""

    name: Name
    support_center: YesNo = Field(False, description="this is the town's 综合服务中心 (at most one)")
    kind: Annotated[Literal["support", "service", "other"], chinese("inst_kind")] = Field(
        "support", description="support 支持保障类 / service 公益服务类 / other",
    )
    quotas: HeldQuotas = Quotas()
    actual: Count | None = Field(None, description="实有人数 people in post")
    leadership: list[LeadershipPost] = Field(default_factory=_empty_list, json_schema_extra=_EMPTY_LIST)
    absorbed: list[Name] = Field(default_factory=_empty_list, json_schema_extra=_EMPTY_LIST, description="institutions merged into this one")
    nameplates: list[Name] = Field(default_factory=_empty_list, json_schema_extra=_EMPTY_LIST)


class TeamPost(_Model):
    """One post of the town's own leadership team (乡镇领导班子): 党委书记, 镇长, 副镇长 …"""

    title: Name = Field(description="职务, e.g. 党委书记, 副镇长, 人大主席")
    rank: str | None = Field(None, description="职级, e.g. 正科")
    approved: Figure = Field(description="核定职数; null: unknown")
    filled: Figure = Field(0, description="实配; null: unknown")
    cross_holding: list[Name] = Field(
        [], description="交叉任职: other team posts held by the same people (e.g. 党委副书记 held by 镇长)",
    )


class DispatchedUnit(_Model):
    """派驻机构: a unit a county/city department stations in the town."""

    name: Name
    parent_department: Name = Field(description="派出部门, e.g. 句容市公安局")
    management: Annotated[Literal["local", "dispatched"], chinese("management")] = Field(
        description="local 属地管理 / dispatched 继续实行派驻"
    )
    dispatch_basis: Text | None = Field(None, description="basis for continued dispatch, e.g. 党中央明确要求")
    assessment_lead: Annotated[Literal["town", "department", "joint"], chinese("assessment")] | None = Field(
        None, description="who leads performance assessment"
    )
    assessment_joint_lead: Annotated[Literal["town", "department"], chinese("joint_lead")] | None = Field(
        None, description="who leads a joint assessment (assessment_lead: joint): 以乡镇为主 is town"
    )
    head_appointment_consultation: Annotated[Literal["written", "oral", "none"], chinese("consultation")] | None = Field(
        None, description="how the town is consulted before the head is appointed"
    )
    quotas: HeldQuotas = Quotas()
    actual: Count | None = None


class Transfer(_Model):
    """编随事走: quota moved between levels, with its document."""

    from_: Name = Field(alias="from", description="e.g. 泰兴市 (county level)")
    to: Name = Field(description="the town, or one of its bodies")
    level: Annotated[Literal["county", "city", "province", "town"], chinese("from_level")] = Field(
        "county", description="the level the quota comes from"
    )
    type: Annotated[QuotaType, chinese("quota_type")]
    count: Count
    document: Name | None = Field(None, description="文号 of the transfer, e.g. 泰编〔2019〕12号")
    work: Annotated[Literal["approval", "enforcement"], chinese("work")] | None = Field(
        None, description="the work the quota and its staff move with: approval 审批服务 / enforcement 行政执法",
    )

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @property
    def recorded(self) -> bool:
        """The transfer names the document that moved the quota."""
        return bool(self.document and self.document.strip())

    @property
    def incoming(self) -> bool:
        """Quota moved into the town from a higher level."""
        return self.level != "town"


class Baseline(_Model):
    """The town before the reform."""

    bodies: list[Name] = Field(default_factory=_empty_list, json_schema_extra=_EMPTY_LIST, description="bodies and institutions before the reform")
    quotas: HeldQuotas
    leadership_posts: Count | None = Field(None, description="领导职数 in all bodies before the reform")
    budget_funded: Count | None = Field(None, description="财政供养人员 before the reform")


class Totals(_Model):
    """The plan's stated totals, which the parts must add up to."""

    quotas: Quotas
    budget_funded: Count | None = None
    leadership_posts: Count | None = None


class ListEntry(_Model):
    present: YesNo = True
    document: Name | None = None
    items: Count | None = None


class FiveLists(_Model):
    """The 5 lists: county empowerment list + the town's four lists."""

    empowerment: ListEntry | None = Field(None, description="赋权清单 (county)")
    power: ListEntry | None = Field(None, description="权力清单")
    responsibility: ListEntry | None = Field(None, description="责任清单")
    service: ListEntry | None = Field(None, description="服务清单")
    lead_supporting: ListEntry | None = Field(None, description="主体责任与配合责任清单")
    duty_admission: YesNo | None = Field(None, description="职责准入制度 in place")


class ReturnedPowers(_Model):
    area: Name
    count: Count
    document: Name | None = None


class Powers(_Model):
    """Powers delegated by the county."""

    approval_items: Figure = Field(0, description="审批(服务)事项; null: unknown")
    penalty_powers: Figure = Field(0, description="行政处罚权限; null: unknown")
    other_powers: Figure = Field(0, description="other delegated powers (e.g. 行政强制、监督检查); null: unknown")
    catalogue: Name | None = Field(None, description="document publishing the catalogue (目录)")
    approval_body: Name | None = Field(
        None, description="the body that takes on the approval (service) items and their staff, e.g. 行政审批局",
    )
    penalty_body: Name | None = Field(
        None, description="the body that exercises the penalty powers, with the enforcement staff, e.g. 综合行政执法局",
    )
    legal_actor: Annotated[Literal["town", "county_department"], chinese("legal_actor")] = "town"
    returned: list[ReturnedPowers] = Field(default_factory=_empty_list, json_schema_extra=_EMPTY_LIST)


class Grid(_Model):
    grids: Figure = Field(description="网格数; null: unknown")
    workers: Figure = Field(0, description="网格员; null: unknown")
    unified: YesNo = Field(True, description="多网合一: one integrated grid")


class CommandCenter(_Model):
    name: Name
    body: Name | None = Field(None, description="the body that hosts it, if any")
    staffed_24h: YesNo = False
    domain_posts: Count = Field(0, description="领域事项流转岗: posts of the domains whose matters the centre dispatches")
    domains: list[Name] = Field(
        [], description="the domains those posts serve, e.g. 自然资源和规划, 城市管理, 综治信访, 环境保护",
    )


class DevelopmentZone(_Model):
    """一套班子、两块牌子: a zone run by the town's own leadership."""

    name: Name
    shared_leadership: YesNo = True
    body: Name | None = Field(None, description="body that carries the zone's nameplate")


# Sections a plan may declare not provided (the source does not give them): a check that
# needs one reports that it cannot check, where leaving the section out is a finding.
Section = Literal[
    "baseline", "totals", "support_center", "institutions", "support_institutions", "dispatched_units",
    "transfers", "lists", "powers", "grid", "command_center", "development_zone", "leadership_team",
    "budget_funded",
]
SECTIONS: tuple[str, ...] = Section.__args__  # type: ignore[attr-defined]


class Plan(_Model):
    """A town's three-set plan (三定方案)."""

    town: Town
    rule_pack: Name = Field(description="id of the rule pack, e.g. taizhou-three-integrations")
    plan_date: _dt.date | None = None
    figures: Text | None = Field(
        None, description="which figures come from published reports and which are illustrative"
    )
    not_provided: list[Annotated[Section, chinese("section")]] = Field(
        [], description="sections the plan (or its source) does not give: checks that need them cannot check",
    )
    baseline: Baseline | None = Field(None, description="required unless declared not provided")
    totals: Totals | None = None
    leadership_team: list[TeamPost] = Field(default_factory=_empty_list, json_schema_extra=_EMPTY_LIST, description="乡镇领导班子: the town's own leadership posts")
    bodies: list[Body]
    support_center: SupportCenter | None = None
    support_institutions: list[SupportCenter] = Field(
        [], description="support institutions kept outside the one centre (should be empty)"
    )
    institutions: list[Institution] = Field(
        [], description="事业单位 of the town, the 综合服务中心 among them (marked support_center: true)",
    )
    dispatched_units: list[DispatchedUnit] = Field(default_factory=_empty_list, json_schema_extra=_EMPTY_LIST)
    transfers: list[Transfer] = Field(default_factory=_empty_list, json_schema_extra=_EMPTY_LIST)
    lists: FiveLists = FiveLists()
    powers: Powers | None = None
    grid: Grid | None = None
    command_center: CommandCenter | None = None
    development_zone: DevelopmentZone | None = None
    budget_funded: Count | None = Field(None, description="财政供养人员 after the reform")

    @model_validator(mode="after")
    def _baseline_given_or_declared(self) -> Plan:
        if self.baseline is None and "baseline" not in self.not_provided:
            raise ValueError("baseline is required unless listed under not_provided")
        return self

    def provided(self, section: str) -> bool:
        return section not in self.not_provided

    # ---- data helpers the checks, the chart and diff share -----------------------------

    def quota_holders(self) -> list[tuple[tuple[str | int, ...], Quotas]]:
        """(loc, quotas) of everything whose quotas are the town's own: its bodies, the
        support centre and its institutions.  Dispatched units' quotas belong to their
        parent departments and sub-units are part of their body's."""
        holders: list[tuple[tuple[str | int, ...], Quotas]] = [
            (("bodies", i), b.quotas) for i, b in enumerate(self.bodies)]
        if self.support_center is not None:
            holders.append((("support_center",), self.support_center.quotas))
        holders.extend((("support_institutions", i), c.quotas) for i, c in enumerate(self.support_institutions))
        holders.extend((("institutions", i), c.quotas) for i, c in enumerate(self.institutions))
        return holders

    def own_quotas(self) -> dict[str, int | None]:
        """The town's own quotas by type; None for a type that is unknown somewhere (or
        when a section holding quotas is declared not provided)."""
        totals: dict[str, int | None] = dict.fromkeys(QUOTA_TYPES, 0)
        if any(not self.provided(s) for s in QUOTA_SECTIONS):
            return dict.fromkeys(QUOTA_TYPES)
        for _, q in self.quota_holders():
            d = q.__dict__
            for t in QUOTA_TYPES:
                have = totals[t]
                totals[t] = None if have is None or d[t] is None else have + d[t]
        return totals

    def unknown_quota_at(self, quota_type: str) -> tuple[tuple[str | int, ...], str] | None:
        """Where a quota type is first unknown: (loc of the field, the holder's name)."""
        names: dict[tuple[str | int, ...], str] = {("bodies", i): b.name for i, b in enumerate(self.bodies)}
        if self.support_center is not None:
            names[("support_center",)] = self.support_center.name
        names.update({("support_institutions", i): c.name for i, c in enumerate(self.support_institutions)})
        names.update({("institutions", i): c.name for i, c in enumerate(self.institutions)})
        for loc, q in self.quota_holders():
            if q.get(quota_type) is None:
                return loc + ("quotas", quota_type), names[loc]
        return None

    def unknown_post_at(self) -> tuple[str | int, ...] | None:
        """Where an approved leadership post is first unknown (the `approved` field), or None."""
        holders: list[tuple[tuple[str | int, ...], list[LeadershipPost]]] = [
            (("bodies", i), b.leadership) for i, b in enumerate(self.bodies)]
        holders += [(("support_institutions", i), c.leadership) for i, c in enumerate(self.support_institutions)]
        holders += [(("institutions", i), c.leadership) for i, c in enumerate(self.institutions)]
        if self.support_center is not None:
            holders.append((("support_center",), self.support_center.leadership))
        for loc, posts in holders:
            for j, p in enumerate(posts):
                if p.approved is None:
                    return (*loc, "leadership", j, "approved")
        return None

    def leadership_posts(self) -> int | None:
        """Approved leadership posts (领导职数) in every body and institution; None when any
        is unknown."""
        groups = [b.leadership for b in self.bodies] + [c.leadership for c in self.support_institutions]
        groups += [c.leadership for c in self.institutions]
        if self.support_center is not None:
            groups.append(self.support_center.leadership)
        total = 0
        for g in groups:
            for p in g:
                if p.approved is None:
                    return None
                total += p.approved
        return total


# sections whose quotas are part of the town's: declared not provided, every total is unknown
QUOTA_SECTIONS = ("support_center", "institutions", "support_institutions")


def lacks_baseline(data: object) -> bool:
    """The plan's data has no `baseline` and does not declare it not provided (read from the
    raw data, so that this is said together with the file's other mistakes)."""
    if not isinstance(data, dict) or data.get("baseline") is not None:
        return False
    declared = data.get("not_provided")
    return not (isinstance(declared, list)
                and any(isinstance(d, str) and "baseline" in (vocabulary.code_of("section", d.strip()),
                                                              vocabulary.code_of("section", simplified(d.strip())))
                        for d in declared))


def explicit_unknown(model: BaseModel, field: str) -> bool:
    """The plan writes the field as null (~): unknown, not merely left out."""
    return field in model.model_fields_set and getattr(model, field) is None
