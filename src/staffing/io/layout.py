"""The plan workbook's layout: which sheet, row and column holds which field of the plan.

One definition, read by the workbook reader (`io.workbook`) and the writer
(`io.workbook_write`), so that a plan written to a workbook and read back is the same plan.
Every word shown in the workbook comes from the catalogue (`xlsx.*` keys).

Two kinds of sheet:
- a *form* (基本情况, 改革前, 合计, 清单, 赋权事项, 网格与指挥中心): one item per row, the label in
  column A, the value in column B, the hint in column C, grouped under section titles;
- a *table* (职能机构, 内设科室, 领导职数, 事业单位, 派驻机构, 编制划转, 收回事项): a header row,
  then one body, section, post, unit or transfer per row.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

from staffing import vocabulary
from staffing.messages import CATALOGUE
from staffing.vocabulary import QUOTA_TYPES, words_for


def zh(key: str) -> str:
    return CATALOGUE[key][0]


# value kinds: text, code (text of digits), count, bool, date, names (joined by 、), lines
# (one per line in the cell), enum:<name>, enums:<name> (several, joined by 、), roles (role
# ids by their labels, or any other text the plan format reads as a role), pack (a rule pack
# id or its Chinese title).  A count or a code written 未知 is unknown (null in YAML); an
# empty cell leaves the field out.  Every enumeration is the vocabulary's
# (staffing.vocabulary), but for the roles the shipped packs share.
ROLES: tuple[str, ...] = (
    "party_government_office", "party_building", "economic_development", "social_affairs",
    "approval_service", "comprehensive_enforcement", "planning_construction", "agriculture_rural",
    "safety_environment", "finance", "natural_resources", "urban_management",
    "public_security_governance", "command_center", "other",
)
ENUMS: dict[str, tuple[str, ...]] = {**{name: vocabulary.codes(name) for name in vocabulary.VOCABULARY}, "role": ROLES}

UNKNOWN = "xlsx.unknown"  # the word for an unknown figure (未知)

# A blank figure cell is unknown, as the instructions say, where the plan format would
# otherwise read a left-out figure as 0:
# - on a form (改革前, 合计) each quota type is a row of its own: blank, it is unknown;
# - in a table the quota types of one row are read together, as an office's own staffing
#   table is: a row that gives any type gives the types left blank as none (0); a row that
#   gives no type at all leaves its quotas unknown;
# - these figures, which the plan format counts as 0 when left out, are unknown when blank.
# The writer writes out the 0 the plan format means, so a plan reads back as it was.
ZERO_WHEN_OMITTED = frozenset({"filled", "approval_items", "penalty_powers", "other_powers", "workers"})


def _label_key(name: str, code: str) -> str:
    return f"section.{code}" if name == "section" else f"xlsx.enum.{name}.{code}"


def enum_labels(name: str) -> list[str]:
    return [zh(_label_key(name, code)) for code in ENUMS[name]]


def enum_code(name: str, text: str) -> str | None:
    """The code for a drop-down label (or the code itself, as written in YAML)."""
    if name != "role":
        return vocabulary.code_of(name, text)
    return _role_codes().get(text)


@functools.cache
def _role_codes() -> dict[str, str]:
    """Each way of writing each role (vocabulary.written_ways)."""
    return vocabulary.written_ways((code, zh(_label_key("role", code))) for code in ROLES)


def quota_key(mapping: dict[str, object], code: str) -> str | None:
    """The key under which `mapping` holds the quota type `code`: the code itself, or the
    type's Chinese name (行政编制), which a plan may write instead."""
    if code in mapping:
        return code
    if code in QUOTA_TYPES:
        return next((w for w in words_for("quota_type", code) if w in mapping), None)
    return None


def is_quota(field: Field) -> bool:
    """A column (or row) of one quota type."""
    return len(field.path) == 2 and field.path[0] == "quotas" and field.path[1] in QUOTA_TYPES


def blank_is_unknown(field: Field) -> bool:
    """A figure the plan format reads as 0 when left out, which a blank cell leaves unknown."""
    return field.kind == "count" and field.path[-1] in ZERO_WHEN_OMITTED


def blank_kinds(fields: Iterable[Field]) -> tuple[list[Field], list[Field]]:
    """Of the fields of a table (or form section), in their order: the quota types, and the
    figures a blank cell leaves unknown (see ZERO_WHEN_OMITTED)."""
    fields = list(fields)
    return [f for f in fields if is_quota(f)], [f for f in fields if blank_is_unknown(f)]


def enum_label(name: str, code: object) -> str:
    if name == "bool":
        code = "true" if code else "false"
    return zh(_label_key(name, str(code)))


@dataclass(frozen=True)
class Field:
    """One column (table) or row (form): its header key, the path of its value inside the
    item (or section), the kind of value, and whether the plan format requires it."""

    key: str  # catalogue key of the header, e.g. "xlsx.col.name"
    path: tuple[str, ...]
    kind: str = "text"
    required: bool = False
    unknown: bool = True  # a count or code the plan format lets be unknown (未知, null)

    @property
    def header(self) -> str:
        return zh(self.key)

    @functools.cached_property
    def label(self) -> str:
        """The header as the reader matches it (`strip_marks`)."""
        return strip_marks(self.header)


def _quotas(prefix: tuple[str, ...] = ("quotas",)) -> list[Field]:
    return [Field(f"xlsx.col.q.{t}", prefix + (t,), "count") for t in QUOTA_TYPES]


@dataclass(frozen=True)
class Section:
    """A group of rows on a form sheet: the fields of one object of the plan at `base`."""

    key: str  # catalogue key of the section title
    base: tuple[str, ...]
    fields: tuple[Field, ...]
    optional: bool = True  # the object exists only when one of its cells is filled
    always: tuple[str, ...] = ()  # nested objects the plan format requires once the section exists

    @property
    def title(self) -> str:
        return zh(self.key)

    @functools.cached_property
    def blank_kinds(self) -> tuple[list[Field], list[Field]]:
        """`blank_kinds` of its fields (made once: read for every form of every workbook)."""
        return blank_kinds(self.fields)


@dataclass(frozen=True)
class Form:
    key: str
    sections: tuple[Section, ...]

    @functools.cached_property
    def name(self) -> str:  # the sheet's name (made once: looked up for every sheet of every workbook)
        return zh(self.key)

    @functools.cached_property
    def titles(self) -> dict[str, Section]:
        """Each section's title → the section (made once, as `by_label`)."""
        return {section.title: section for section in self.sections}

    @functools.cached_property
    def by_label(self) -> dict[str, list[tuple[Section, Field]]]:
        """Each row label → its fields, in the sections' order (made once: read for every
        row of every workbook)."""
        table: dict[str, list[tuple[Section, Field]]] = {}
        for section in self.sections:
            for field in section.fields:
                table.setdefault(field.label, []).append((section, field))
        return table


@dataclass(frozen=True)
class Table:
    """A sheet with one item per row.  `target` says where a row goes: "list" (appended to
    the list at `path`), "owned" (to the `path` list of the body or institution named in
    the owner column), "institutions" (the service centre or the list of institutions
    left outside it, by the category column)."""

    key: str
    path: tuple[str, ...]
    fields: tuple[Field, ...]
    target: str = "list"

    @functools.cached_property
    def name(self) -> str:  # the sheet's name (made once: looked up for every sheet of every workbook)
        return zh(self.key)


OWNER = Field("xlsx.col.owner", ("@owner",), "text", True)
CATEGORY = Field("xlsx.col.category", ("@category",), "enum:inst_category", True)

TOWN = Form("xlsx.sheet.town", (
    Section("xlsx.section.town", ("town",), (
        Field("xlsx.col.name", ("name",), required=True),
        Field("xlsx.col.code", ("code",), "code", True),
        Field("xlsx.col.unit_type", ("unit_type",), "enum:unit_type", True),
        Field("xlsx.col.developed_town", ("developed_town",), "enum:bool"),
        Field("xlsx.col.developed_town_document", ("developed_town_document",)),
        Field("xlsx.col.province", ("province",), required=True),
        Field("xlsx.col.city", ("city",), required=True),
        Field("xlsx.col.county", ("county",), required=True),
        Field("xlsx.col.rank", ("rank",)),
        Field("xlsx.col.resident", ("population", "resident"), "count"),
        Field("xlsx.col.registered", ("population", "registered"), "count"),
    ), optional=False),
    Section("xlsx.section.plan", (), (
        Field("xlsx.col.rule_pack", ("rule_pack",), "pack", True),
        Field("xlsx.col.plan_date", ("plan_date",), "date"),
        Field("xlsx.col.not_provided", ("not_provided",), "enums:section"),
        Field("xlsx.col.figures", ("figures",)),
        Field("xlsx.col.budget_funded", ("budget_funded",), "count"),
    ), optional=False),
    Section("xlsx.section.zone", ("development_zone",), (
        Field("xlsx.col.name", ("name",), required=True),
        Field("xlsx.col.shared_leadership", ("shared_leadership",), "enum:bool"),
        Field("xlsx.col.zone_body", ("body",)),
    )),
))

BASELINE = Form("xlsx.sheet.baseline", (
    Section("xlsx.section.baseline", ("baseline",), (
        Field("xlsx.col.baseline_bodies", ("bodies",), "names"),
        *_quotas(),
        Field("xlsx.col.leadership_posts", ("leadership_posts",), "count"),
        Field("xlsx.col.budget_funded", ("budget_funded",), "count"),
    ), always=("quotas",)),
))

TOTALS = Form("xlsx.sheet.totals", (
    Section("xlsx.section.totals", ("totals",), (
        *_quotas(),
        Field("xlsx.col.budget_funded", ("budget_funded",), "count"),
        Field("xlsx.col.leadership_posts", ("leadership_posts",), "count"),
    ), always=("quotas",)),
))

LIST_KEYS = ("empowerment", "power", "responsibility", "service", "lead_supporting")

LISTS = Form("xlsx.sheet.lists", (
    *(Section(f"xlsx.section.list.{k}", ("lists", k), (
        Field("xlsx.col.present", ("present",), "enum:bool"),
        Field("xlsx.col.document", ("document",)),
        Field("xlsx.col.items", ("items",), "count"),
    )) for k in LIST_KEYS),
    Section("xlsx.section.duty", ("lists",), (
        Field("xlsx.col.duty_admission", ("duty_admission",), "enum:bool"),
    )),
))

POWERS = Form("xlsx.sheet.powers", (
    Section("xlsx.section.powers", ("powers",), (
        Field("xlsx.col.approval_items", ("approval_items",), "count"),
        Field("xlsx.col.penalty_powers", ("penalty_powers",), "count"),
        Field("xlsx.col.other_powers", ("other_powers",), "count"),
        Field("xlsx.col.catalogue", ("catalogue",)),
        Field("xlsx.col.legal_actor", ("legal_actor",), "enum:legal_actor"),
        Field("xlsx.col.approval_body", ("approval_body",)),
        Field("xlsx.col.penalty_body", ("penalty_body",)),
    )),
))

GRID = Form("xlsx.sheet.grid", (
    Section("xlsx.section.grid", ("grid",), (
        Field("xlsx.col.grids", ("grids",), "count", True),
        Field("xlsx.col.workers", ("workers",), "count"),
        Field("xlsx.col.unified", ("unified",), "enum:bool"),
    )),
    Section("xlsx.section.command", ("command_center",), (
        Field("xlsx.col.name", ("name",), required=True),
        Field("xlsx.col.host_body", ("body",)),
        Field("xlsx.col.staffed_24h", ("staffed_24h",), "enum:bool"),
        Field("xlsx.col.domain_posts", ("domain_posts",), "count", unknown=False),
        Field("xlsx.col.domains", ("domains",), "names"),
    )),
))

BODIES = Table("xlsx.sheet.bodies", ("bodies",), (
    Field("xlsx.col.body_name", ("name",), required=True),
    Field("xlsx.col.role", ("role",), "roles"),
    Field("xlsx.col.body_category", ("category",), "enum:category"),
    Field("xlsx.col.kind", ("kind",), "enum:kind"),
    Field("xlsx.col.rank", ("rank",)),
    Field("xlsx.col.parent", ("parent",)),
    *_quotas(),
    Field("xlsx.col.actual", ("actual",), "count"),
    Field("xlsx.col.nameplates", ("nameplates",), "names"),
    Field("xlsx.col.merged_from", ("merged_from",), "names"),
    Field("xlsx.col.duties", ("duties",), "lines"),
    Field("xlsx.col.approval_document", ("approval_document",)),
))

SUBUNITS = Table("xlsx.sheet.subunits", ("subunits",), (
    OWNER,
    Field("xlsx.col.subunit", ("name",), required=True),
    *_quotas(),
    Field("xlsx.col.actual", ("actual",), "count"),
), target="owned")

LEADERSHIP = Table("xlsx.sheet.leadership", ("leadership",), (
    OWNER,
    Field("xlsx.col.title", ("title",), required=True),
    Field("xlsx.col.level", ("level",), "enum:level", True),
    Field("xlsx.col.post_rank", ("rank",)),
    Field("xlsx.col.approved", ("approved",), "count", True),
    Field("xlsx.col.filled", ("filled",), "count"),
), target="owned")

INSTITUTIONS = Table("xlsx.sheet.institutions", (), (
    CATEGORY,
    Field("xlsx.col.name", ("name",), required=True),
    Field("xlsx.col.inst_kind", ("kind",), "enum:inst_kind"),
    Field("xlsx.col.is_centre", ("support_center",), "enum:bool"),
    *_quotas(),
    Field("xlsx.col.actual", ("actual",), "count"),
    Field("xlsx.col.absorbed", ("absorbed",), "names"),
    Field("xlsx.col.nameplates", ("nameplates",), "names"),
), target="institutions")

TEAM = Table("xlsx.sheet.team", ("leadership_team",), (
    Field("xlsx.col.team_title", ("title",), required=True),
    Field("xlsx.col.post_rank", ("rank",)),
    Field("xlsx.col.approved", ("approved",), "count", True),
    Field("xlsx.col.filled", ("filled",), "count"),
    Field("xlsx.col.cross_holding", ("cross_holding",), "names"),
))

DISPATCHED = Table("xlsx.sheet.dispatched", ("dispatched_units",), (
    Field("xlsx.col.name", ("name",), required=True),
    Field("xlsx.col.parent_department", ("parent_department",), required=True),
    Field("xlsx.col.management", ("management",), "enum:management", True),
    Field("xlsx.col.dispatch_basis", ("dispatch_basis",)),
    Field("xlsx.col.assessment_lead", ("assessment_lead",), "enum:assessment"),
    Field("xlsx.col.assessment_joint_lead", ("assessment_joint_lead",), "enum:joint_lead"),
    Field("xlsx.col.consultation", ("head_appointment_consultation",), "enum:consultation"),
    *_quotas(),
    Field("xlsx.col.actual", ("actual",), "count"),
))

TRANSFERS = Table("xlsx.sheet.transfers", ("transfers",), (
    Field("xlsx.col.from", ("from",), required=True),
    Field("xlsx.col.to", ("to",), required=True),
    Field("xlsx.col.from_level", ("level",), "enum:from_level"),
    Field("xlsx.col.quota_type", ("type",), "enum:quota_type", True),
    Field("xlsx.col.count", ("count",), "count", True, unknown=False),
    Field("xlsx.col.document", ("document",)),
    Field("xlsx.col.work", ("work",), "enum:work"),
))

RETURNED = Table("xlsx.sheet.returned", ("powers", "returned"), (
    Field("xlsx.col.area", ("area",), required=True),
    Field("xlsx.col.returned_count", ("count",), "count", True, unknown=False),
    Field("xlsx.col.document", ("document",)),
))

# In the order a three-set plan has them (and the reader fills the plan in this order, so
# that bodies and institutions exist before the rows that name them as their owner).
EXAMPLE_PREFIX = "示例-"  # the template's filled example sheets (示例-基本情况 …), never read

SHEETS: tuple[Form | Table, ...] = (
    TOWN, BASELINE, TOTALS, TEAM, BODIES, INSTITUTIONS, SUBUNITS, LEADERSHIP, DISPATCHED, TRANSFERS,
    LISTS, POWERS, RETURNED, GRID,
)
GUIDE_KEYS = {
    "xlsx.sheet.town": "xlsx.guide.sheet.town", "xlsx.sheet.baseline": "xlsx.guide.sheet.baseline",
    "xlsx.sheet.totals": "xlsx.guide.sheet.totals", "xlsx.sheet.bodies": "xlsx.guide.sheet.bodies",
    "xlsx.sheet.subunits": "xlsx.guide.sheet.subunits", "xlsx.sheet.leadership": "xlsx.guide.sheet.leadership",
    "xlsx.sheet.institutions": "xlsx.guide.sheet.institutions", "xlsx.sheet.dispatched": "xlsx.guide.sheet.dispatched",
    "xlsx.sheet.transfers": "xlsx.guide.sheet.transfers", "xlsx.sheet.lists": "xlsx.guide.sheet.lists",
    "xlsx.sheet.powers": "xlsx.guide.sheet.powers", "xlsx.sheet.returned": "xlsx.guide.sheet.returned",
    "xlsx.sheet.grid": "xlsx.guide.sheet.grid", "xlsx.sheet.team": "xlsx.guide.sheet.team",
}
# the order sheets appear in a written workbook (owners' sheets before the sheets naming them)
WRITE_ORDER: tuple[Form | Table, ...] = (
    TOWN, BASELINE, TEAM, BODIES, SUBUNITS, LEADERSHIP, INSTITUTIONS, DISPATCHED, TRANSFERS, LISTS,
    POWERS, RETURNED, GRID, TOTALS,
)


_RANK: dict[str, int] = {}


def sheet_rank(name: str | None) -> int:
    """Where a sheet comes in the plan (for ordering places in a workbook by plan order);
    the sheets' names (the workbook's words) are read only for a workbook's places."""
    if name is None:
        return -1
    if not _RANK:
        _RANK.update({sheet.name: n for n, sheet in enumerate(SHEETS)})
    return _RANK.get(name, len(_RANK))


# the required mark, spaces, and the line breaks and tabs an office types into a header to wrap it
# (Alt+Enter in Excel: 行政编制⏎（名）)
_MARKS = str.maketrans("", "", "*＊ \u3000\n\r\t\xa0")


@functools.lru_cache(maxsize=4096)  # the same few hundred headers, for every cell of every workbook
def strip_marks(header: str) -> str:
    """A header as the reader matches it: without the required mark (*), spaces and line breaks."""
    return header.translate(_MARKS).strip()
