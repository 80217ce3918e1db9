"""The three-set plan (三定方案) of one town: the one definition of the plan format.

`staffing schema` prints the JSON Schema generated from these models; the examples in
`orgs/` point their editors at it.  Counts are strict non-negative integers: a
fractional or negative head-count is an input error, never rounded.
"""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Count = Annotated[int, Field(ge=0, strict=True)]
Name = Annotated[str, Field(min_length=1, max_length=200)]
Text = Annotated[str, Field(max_length=2000)]

UnitType = Literal["town", "township", "street"]

Role = Literal[
    # the six bodies the shipped packs treat as mandatory (inferred, see rules/)
    "party_government_office",
    "party_building",
    "economic_development",
    "social_affairs",
    "approval_service",
    "comprehensive_enforcement",
    # bodies towns commonly choose for themselves
    "planning_construction",
    "agriculture_rural",
    "safety_environment",
    "finance",
    "natural_resources",
    "urban_management",
    "public_security_governance",
    "command_center",
    "other",
]

QUOTA_TYPES: tuple[str, ...] = (
    "administrative",
    "institutional_full",
    "institutional_partial",
    "institutional_self",
    "political_legal",
    "service",
)

QuotaType = Literal[
    "administrative",
    "institutional_full",
    "institutional_partial",
    "institutional_self",
    "political_legal",
    "service",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Quotas(_Model):
    """编制 by type.  Types not given are zero."""

    administrative: Count = Field(0, description="行政编制 administrative quota")
    institutional_full: Count = Field(0, description="全额拨款事业编制 fully funded institutional quota")
    institutional_partial: Count = Field(0, description="差额拨款事业编制 partly funded institutional quota")
    institutional_self: Count = Field(0, description="自收自支事业编制 self-funded institutional quota")
    political_legal: Count = Field(0, description="政法专项编制 politics-and-law special quota")
    service: Count = Field(0, description="工勤编制 service-worker quota")

    @property
    def total(self) -> int:
        d = self.__dict__
        return d["administrative"] + d["institutional_full"] + d["institutional_partial"] + \
            d["institutional_self"] + d["political_legal"] + d["service"]

    def get(self, quota_type: str) -> int:
        # every field is a strict int (never a bool or a float), so no int() is needed
        return self.__dict__[quota_type]


class Population(_Model):
    resident: Count | None = Field(None, description="常住人口 resident population")
    registered: Count | None = Field(None, description="户籍人口 registered population")


class Town(_Model):
    """Identity of the town (乡镇 / 街道)."""

    name: Name = Field(description="名称, e.g. 下蜀镇")
    code: Annotated[str, Field(pattern=r"^[0-9]{12}$")] = Field(
        description="12-digit statistical division code (统计用区划代码)"
    )
    unit_type: UnitType = Field(description="town 镇 / township 乡 / street 街道")
    developed_town: bool = Field(False, description="经济发达镇 economically developed town")
    province: Name
    city: Name
    county: Name
    rank: str | None = Field(None, description="规格, e.g. 正科 or 副处")
    population: Population = Population()


class LeadershipPost(_Model):
    """领导职数: one title in a body, with its approved and filled posts."""

    title: Name = Field(description="职务名称, e.g. 局长, 副主任")
    level: Literal["principal", "deputy"] = Field(description="正职 principal / 副职 deputy")
    rank: str | None = Field(None, description="职级, e.g. 副科")
    approved: Count = Field(description="核定职数 approved posts")
    filled: Count = Field(0, description="实配 posts filled")


class SubUnit(_Model):
    """An internal section or squad (科室 / 中队) of a body: never counted as a body."""

    name: Name
    quotas: Quotas = Quotas()
    actual: Count | None = Field(None, description="实有人数 people in post")


class Body(_Model):
    """A functional body (职能机构) of the town."""

    name: Name
    role: Role | None = Field(None, description="role id; inferred from the name when absent")
    kind: Literal["office", "bureau", "centre", "other"] = "bureau"
    rank: str | None = Field(None, description="规格 of the body, e.g. 副科")
    parent: Name | None = Field(None, description="the body this one sits under; default the town")
    quotas: Quotas = Quotas()
    leadership: list[LeadershipPost] = []
    actual: Count | None = Field(None, description="实有人数 people in post")
    nameplates: list[Name] = Field([], description="加挂牌子 extra nameplates")
    subunits: list[SubUnit] = []
    merged_from: list[Name] = Field([], description="pre-reform bodies merged into this one")
    duties: list[Text] = Field([], description="主要职责 main duties")


class SupportCenter(_Model):
    """综合服务中心: the one institution that supports the town."""

    name: Name
    quotas: Quotas = Quotas()
    actual: Count | None = None
    absorbed: list[Name] = Field([], description="institutions merged into the centre")
    nameplates: list[Name] = []
    leadership: list[LeadershipPost] = []


class DispatchedUnit(_Model):
    """派驻机构: a unit a county/city department stations in the town."""

    name: Name
    parent_department: Name = Field(description="派出部门, e.g. 句容市公安局")
    management: Literal["local", "dispatched"] = Field(
        description="local 属地管理 / dispatched 继续实行派驻"
    )
    dispatch_basis: Text | None = Field(None, description="basis for continued dispatch, e.g. 党中央明确要求")
    assessment_lead: Literal["town", "department", "joint"] | None = Field(
        None, description="who leads performance assessment"
    )
    head_appointment_consultation: Literal["written", "oral", "none"] | None = Field(
        None, description="how the town is consulted before the head is appointed"
    )
    quotas: Quotas = Quotas()
    actual: Count | None = None


class Transfer(_Model):
    """编随事走: quota moved between levels, with its document."""

    from_: Name = Field(alias="from", description="e.g. 泰兴市 (county level)")
    to: Name = Field(description="the town, or one of its bodies")
    level: Literal["county", "city", "province", "town"] = Field(
        "county", description="the level the quota comes from"
    )
    type: QuotaType
    count: Count
    document: Name | None = Field(None, description="文号 of the transfer, e.g. 泰编〔2019〕12号")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Baseline(_Model):
    """The town before the reform."""

    bodies: list[Name] = Field([], description="bodies and institutions before the reform")
    quotas: Quotas
    leadership_posts: Count | None = Field(None, description="领导职数 in all bodies before the reform")
    budget_funded: Count | None = Field(None, description="财政供养人员 before the reform")


class Totals(_Model):
    """The plan's stated totals, which the parts must add up to."""

    quotas: Quotas
    budget_funded: Count | None = None
    leadership_posts: Count | None = None


class ListEntry(_Model):
    present: bool = True
    document: Name | None = None
    items: Count | None = None


class FiveLists(_Model):
    """The 5 lists: county empowerment list + the town's four lists."""

    empowerment: ListEntry | None = Field(None, description="赋权清单 (county)")
    power: ListEntry | None = Field(None, description="权力清单")
    responsibility: ListEntry | None = Field(None, description="责任清单")
    service: ListEntry | None = Field(None, description="服务清单")
    lead_supporting: ListEntry | None = Field(None, description="主体责任与配合责任清单")
    duty_admission: bool | None = Field(None, description="职责准入制度 in place")


class ReturnedPowers(_Model):
    area: Name
    count: Count
    document: Name | None = None


class Powers(_Model):
    """Powers delegated by the county."""

    approval_items: Count = Field(0, description="审批(服务)事项")
    penalty_powers: Count = Field(0, description="行政处罚权限")
    other_powers: Count = 0
    catalogue: Name | None = Field(None, description="document publishing the catalogue (目录)")
    legal_actor: Literal["town", "county_department"] = "town"
    returned: list[ReturnedPowers] = []


class Grid(_Model):
    grids: Count = Field(description="网格数")
    workers: Count = Field(0, description="网格员")
    unified: bool = Field(True, description="多网合一: one integrated grid")


class CommandCenter(_Model):
    name: Name
    body: Name | None = Field(None, description="the body that hosts it, if any")
    staffed_24h: bool = False
    domain_posts: Count = 0


class DevelopmentZone(_Model):
    """一套班子、两块牌子: a zone run by the town's own leadership."""

    name: Name
    shared_leadership: bool = True
    body: Name | None = Field(None, description="body that carries the zone's nameplate")


class Plan(_Model):
    """A town's three-set plan (三定方案)."""

    town: Town
    rule_pack: Name = Field(description="id of the rule pack, e.g. taizhou-three-integrations")
    plan_date: _dt.date | None = None
    figures: Text | None = Field(
        None, description="which figures come from published reports and which are illustrative"
    )
    baseline: Baseline
    totals: Totals | None = None
    bodies: list[Body]
    support_center: SupportCenter | None = None
    support_institutions: list[SupportCenter] = Field(
        [], description="support institutions kept outside the one centre (should be empty)"
    )
    dispatched_units: list[DispatchedUnit] = []
    transfers: list[Transfer] = []
    lists: FiveLists = FiveLists()
    powers: Powers | None = None
    grid: Grid | None = None
    command_center: CommandCenter | None = None
    development_zone: DevelopmentZone | None = None
    budget_funded: Count | None = Field(None, description="财政供养人员 after the reform")
