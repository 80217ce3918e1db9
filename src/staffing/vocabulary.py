"""The plan format's vocabulary: every enumerated value a plan holds (unit type, quota type,
management, assessment, kind of body, category, section …) with the words the plan, the
workbook and every output use for it, in one place.  The plan model reads a value written in
Chinese through it, the workbook offers its labels in drop-downs, and charts, the report,
`diff` and the messages name values with it.  (Roles are not here: they are a pack's.)

Each value is a `Term`: its code (as YAML writes it), its `label` (what a workbook's
drop-down shows, and a plan may write instead of the code), its `name` in a sentence where
that differs (行政编制 / "administrative quota"), its `short` form for a tight column or a
chart's box (行政 / "admin"), and `also` the other words a 编办 writes for it (街道办事处).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from staffing.words import Words


@dataclass(frozen=True)
class Term:
    code: str
    label: Words
    name: Words | None = None
    short: Words | None = None
    also: tuple[str, ...] = ()

    @property
    def named(self) -> Words:
        """How a sentence names the value."""
        return self.name or self.label


VOCABULARY: dict[str, tuple[Term, ...]] = {
    "bool": (
        Term("true", Words("是", "yes")),
        Term("false", Words("否", "no")),
    ),
    "unit_type": (
        Term("town", Words("镇", "town")),
        Term("township", Words("乡", "township")),
        Term("street", Words("街道", "street"), name=Words("街道", "street (sub-district)"), also=('街道办事处', '街道办')),
    ),
    "kind": (
        Term("office", Words("办公室", "office")),
        Term("bureau", Words("局", "bureau")),
        Term("centre", Words("中心", "centre")),
        Term("other", Words("其他", "other")),
    ),
    "level": (
        Term("principal", Words("正职", "principal")),
        Term("deputy", Words("副职", "deputy")),
    ),
    "management": (
        Term("local", Words("属地管理", "managed locally"), also=('属地',)),
        Term("dispatched", Words("继续实行派驻", "stays dispatched"), also=('派驻', '继续派驻')),
    ),
    "assessment": (
        Term("town", Words("以乡镇为主", "led by the town")),
        Term("department", Words("以派出部门为主", "led by the department")),
        Term("joint", Words("联合考核", "joint")),
    ),
    "joint_lead": (
        Term("town", Words("以乡镇为主", "the town")),
        Term("department", Words("以派出部门为主", "the department")),
    ),
    "work": (
        Term("approval", Words("审批服务", "approval (service) items"), name=Words("审批服务事项", "approval (service) items")),
        Term("enforcement", Words("行政执法", "enforcement")),
    ),
    "consultation": (
        Term("written", Words("书面征求意见", "in writing")),
        Term("oral", Words("口头征求意见", "orally")),
        Term("none", Words("未征求意见", "not consulted")),
    ),
    "from_level": (
        Term("county", Words("县级", "county")),
        Term("city", Words("市级", "city")),
        Term("province", Words("省级", "province")),
        Term("town", Words("乡镇级", "town")),
    ),
    "quota_type": (
        Term("administrative", Words("行政编制", "administrative"), name=Words("行政编制", "administrative quota"), short=Words("行政", "admin")),
        Term("institutional_full", Words("全额拨款事业编制", "fully funded institutional"), name=Words("全额拨款事业编制", "fully funded institutional quota"), short=Words("全额事业", "inst. full")),
        Term("institutional_partial", Words("差额拨款事业编制", "partly funded institutional"), name=Words("差额拨款事业编制", "partly funded institutional quota"), short=Words("差额事业", "inst. partial")),
        Term("institutional_self", Words("自收自支事业编制", "self-funded institutional"), name=Words("自收自支事业编制", "self-funded institutional quota"), short=Words("自收自支", "inst. self")),
        Term("political_legal", Words("政法专项编制", "politics-and-law"), name=Words("政法专项编制", "politics-and-law quota"), short=Words("政法", "pol.-legal")),
        Term("service", Words("工勤编制", "service worker"), name=Words("工勤编制", "service-worker quota"), short=Words("工勤", "service")),
    ),
    "legal_actor": (
        Term("town", Words("乡镇（街道）", "the town")),
        Term("county_department", Words("县级部门", "a county department")),
    ),
    "inst_category": (
        Term("centre", Words("综合服务中心", "the service centre")),
        Term("outside", Words("未整合的事业单位", "an institution left outside it")),
        Term("institution", Words("事业单位", "an institution")),
    ),
    "inst_kind": (
        Term("support", Words("支持保障类", "support")),
        Term("service", Words("公益服务类", "public service")),
        Term("other", Words("其他", "other")),
    ),
    "category": (
        Term("functional", Words("职能机构", "functional body")),
        Term("own_rules", Words("依章程设置的机构", "organ under its own rules")),
        Term("institution", Words("事业单位", "public institution")),
        Term("platform", Words("平台", "platform")),
    ),
    "section": (
        Term("baseline", Words("改革前基数", "the baseline")),
        Term("totals", Words("合计", "the totals")),
        Term("support_center", Words("综合服务中心", "the support service centre")),
        Term("institutions", Words("事业单位", "the public institutions")),
        Term("support_institutions", Words("支持保障类事业单位", "the support institutions")),
        Term("dispatched_units", Words("派驻机构", "the dispatched units")),
        Term("transfers", Words("编制划转", "the quota transfers")),
        Term("lists", Words("清单", "the lists")),
        Term("powers", Words("赋权事项", "the delegated powers")),
        Term("grid", Words("网格", "the grid")),
        Term("command_center", Words("指挥调度中心", "the command centre")),
        Term("development_zone", Words("开发区", "the development zone")),
        Term("leadership_team", Words("乡镇领导班子", "the town's leadership team")),
        Term("budget_funded", Words("财政供养人员", "the budget-funded people")),
    ),
}

_BY_CODE: dict[str, dict[str, Term]] = {enum: {t.code: t for t in terms} for enum, terms in VOCABULARY.items()}


def codes(enum: str) -> tuple[str, ...]:
    """The codes of an enumeration, in the order a plan (and a drop-down) lists them."""
    return tuple(t.code for t in VOCABULARY[enum])


def term(enum: str, code: str) -> Term:
    return _BY_CODE[enum][code]


def label(enum: str, code: str) -> Words:
    """The value's label: what a workbook shows (是/否 for a yes-or-no field)."""
    return _BY_CODE[enum][code].label


def named(enum: str, code: str) -> Words:
    """How a sentence names the value (行政编制 / administrative quota)."""
    return _BY_CODE[enum][code].named


def short(enum: str, code: str) -> Words:
    """The value in a tight column or a chart's box (行政 / admin)."""
    t = _BY_CODE[enum][code]
    return t.short or t.label


def words_for(enum: str, code: str) -> tuple[str, ...]:
    """The Chinese words a plan may write for `code`: its label (also in NFKC, so that a
    label with full-width brackets matches a plan that wrote half-width ones)."""
    zh = _BY_CODE[enum][code].label.zh
    return tuple(dict.fromkeys((zh, unicodedata.normalize("NFKC", zh))))


def readings(enum: str) -> dict[str, str]:
    """Every word read as one of the enum's codes (each code itself too, its label, the
    other words a 编办 writes) → its code."""
    out = {code: code for code in codes(enum)}
    for t in VOCABULARY[enum]:
        for word in words_for(enum, t.code):
            out.setdefault(word, t.code)
    for t in VOCABULARY[enum]:
        for word in t.also:
            out.setdefault(word, t.code)
    return out


def code_of(enum: str, text: str) -> str | None:
    """The code a label (its text, or its NFKC form) or the code itself stands for, or None
    (the first term, in the vocabulary's order, written so)."""
    return _codes(enum).get(text)


def written_ways(labelled: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each way of writing each (code, label) of a choice, in order, to its code: the label,
    the label's NFKC form (half-width brackets typed for 乡镇（街道）) and the code itself; the
    first code written so where two are."""
    found: dict[str, str] = {}
    for code, label in labelled:
        for text in (label, unicodedata.normalize("NFKC", label), code):
            found.setdefault(text, code)
    return found


@functools.cache
def _codes(enum: str) -> dict[str, str]:
    return written_ways((t.code, t.label.zh) for t in VOCABULARY[enum])


def enum_of(values: tuple[str, ...] | set[str]) -> str | None:
    """The enumeration whose codes are exactly `values` (not the yes-or-no one), or None."""
    wanted = set(values)
    return next((enum for enum in VOCABULARY if enum != "bool" and set(codes(enum)) == wanted), None)


def catalogue() -> dict[str, tuple[str, str]]:
    """The vocabulary's words under the catalogue's keys, for the messages that name a value
    by key: `section.<code>` and `xlsx.enum.<enum>.<code>` (labels), `quota.<type>` and
    `unit.<type>`, `work.<work>` and `institution.<kind>` (names in a sentence),
    `quota.short.<type>` (short forms)."""
    out: dict[str, tuple[str, str]] = {}
    for enum, terms in VOCABULARY.items():
        for t in terms:
            out[f"section.{t.code}" if enum == "section" else f"xlsx.enum.{enum}.{t.code}"] = t.label
    for enum, prefix in (("quota_type", "quota"), ("unit_type", "unit"), ("work", "work"), ("inst_kind", "institution")):
        for t in VOCABULARY[enum]:
            out[f"{prefix}.{t.code}"] = t.named
    for t in VOCABULARY["quota_type"]:
        out[f"quota.short.{t.code}"] = short("quota_type", t.code)
    return out


QUOTA_TYPES: tuple[str, ...] = codes("quota_type")
SECTIONS: tuple[str, ...] = codes("section")
