"""DOMAIN rules 5 and 6: dispatched units, and the one support centre."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from staffing.checks.base import Check, Options, Problem, not_provided
from staffing.checks.context import Context
from staffing.findings import Severity
from staffing.messages import label
from staffing.plan.names import normalize


def _unit_trail(name: str) -> tuple[tuple[str, str], ...]:
    return (label("label.dispatched-units"), (name, name))


class DispatchOptions(Options):
    local_by_default: bool | None = Field(None, json_schema_extra={"direction": "require"})
    basis_required: bool | None = Field(None, json_schema_extra={"direction": "require"})
    # the bases the pack accepts for continued dispatch (phrases the recorded basis must contain)
    accepted_bases: list[str] | None = Field(None, json_schema_extra={"direction": "allow"})


class DispatchedUnitNotLocal(Check):
    """A dispatched unit is still dispatched without a recorded basis.

    ## What it checks
    Units that county or city departments station in the town (派出所、司法所、市场监管所 …)
    are handed to local management (属地管理) in principle.  A unit whose
    `management` is `dispatched` must give its `dispatch_basis`; where the pack
    requires a basis (Taizhou: only where the Party centre requires it) the finding is
    an error, otherwise a warning.  Where the pack lists the bases it accepts
    (`accepted_bases`), a recorded basis must name one of them: "县里决定" is no basis in
    Taizhou, "党中央明确要求" is.

    ## Why it matters
    "市县政府部门派驻在经济发达镇的机构,原则上应下放实行属地管理" (003); Taizhou: "除党中央
    明确要求外 … 原则上实行属地管理" (004).

    ## Example
    Bad:  - {name: 新桥市场监管所, parent_department: 靖江市市场监督管理局, management: dispatched}
    Good: - {name: 新桥市场监管所, parent_department: 靖江市市场监督管理局, management: local}

    ## Fix
    Hand the unit to local management, or record why dispatch continues.
    """

    code = "ST301"
    messages = ("ST301", "ST301.required", "ST301.basis")
    slug = "dispatched-unit-not-local"
    rule = 5
    options = DispatchOptions

    def run(self, ctx: Context, opts: DispatchOptions) -> Iterator[Problem]:
        if not (opts.local_by_default or opts.basis_required):
            return
        if not ctx.plan.provided("dispatched_units"):
            yield not_provided("dispatched_units", option="basis_required" if opts.basis_required else "local_by_default")
            return
        accepted = [normalize(b) for b in opts.accepted_bases or [] if b.strip()]
        for i, unit in enumerate(ctx.plan.dispatched_units):
            basis = (unit.dispatch_basis or "").strip()
            if unit.management == "dispatched" and basis and accepted and not any(a in normalize(basis) for a in accepted):
                yield Problem(
                    "ST301.basis",
                    {"name": unit.name, "department": unit.parent_department, "basis": basis,
                     "accepted": list(opts.accepted_bases or [])},
                    ("dispatched_units", i, "dispatch_basis"),
                    trail=_unit_trail(unit.name),
                    option="accepted_bases",
                )
            if unit.management == "dispatched" and not basis:
                key = "ST301.required" if opts.basis_required else "ST301"
                yield Problem(
                    key,
                    {"name": unit.name, "department": unit.parent_department},
                    ("dispatched_units", i, "management"),
                    trail=_unit_trail(unit.name),
                    option="basis_required" if opts.basis_required else "local_by_default",
                    severity=None if opts.basis_required else Severity.WARNING,
                )


class AssessmentOptions(Options):
    town_leads: bool | None = Field(None, json_schema_extra={"direction": "require"})
    # the town alone assesses (Taizhou "统一考核"): a joint assessment does not do, even town-led
    town_alone: bool | None = Field(None, json_schema_extra={"direction": "require"})


class DispatchedAssessmentNotTownLed(Check):
    """The town does not lead the assessment of a unit that is still dispatched.

    ## What it checks
    For each dispatched unit whose `management` is `dispatched`, `assessment_lead`
    must be `town`, or `joint` with `assessment_joint_lead: town` (a joint assessment
    led by the town is "以经济发达镇为主").  Where the pack says the town alone assesses
    (`town_alone`, Taizhou), only `town` passes.

    ## Why it matters
    "继续实行派驻体制的,工作考核要以经济发达镇为主" (003); Taizhou: "由乡镇(街道)统一管理、
    统一考核" (004).

    ## Example
    Bad:  assessment_lead: department
    Bad (Taizhou): assessment_lead: joint, assessment_joint_lead: town
    Good: assessment_lead: town
    Good (Jiangsu): assessment_lead: joint, assessment_joint_lead: town

    ## Fix
    Record that the town leads the unit's performance assessment.
    """

    code = "ST302"
    messages = ("ST302", "ST302.alone")
    slug = "dispatched-assessment-not-town-led"
    rule = 5
    options = AssessmentOptions

    def run(self, ctx: Context, opts: AssessmentOptions) -> Iterator[Problem]:
        if not opts.town_leads:
            return
        if not ctx.plan.provided("dispatched_units"):
            yield not_provided("dispatched_units", option="town_leads")
            return
        for i, unit in enumerate(ctx.plan.dispatched_units):
            if unit.management != "dispatched" or unit.assessment_lead == "town":
                continue
            town_led_joint = unit.assessment_lead == "joint" and unit.assessment_joint_lead == "town"
            if town_led_joint and not opts.town_alone:
                continue
            given: str = unit.assessment_lead or "—"
            if unit.assessment_lead == "joint":
                given = f"joint ({unit.assessment_joint_lead or '—'})"
            given_zh = {"department": "派出部门为主", "—": "未填"}.get(given, given)
            if unit.assessment_lead == "joint":
                given_zh = {"town": "共同考核，以乡镇为主", "department": "共同考核，以派出部门为主"}.get(
                    unit.assessment_joint_lead or "", "共同考核，未写明以谁为主")
            loc = ("dispatched_units", i, "assessment_lead") if unit.assessment_lead else ("dispatched_units", i)
            yield Problem(
                "ST302.alone" if opts.town_alone else "ST302",
                {"name": unit.name, "given": given, "given_zh": given_zh},
                loc,
                trail=_unit_trail(unit.name),
                option="town_alone" if opts.town_alone else "town_leads",
            )


class ConsultationOptions(Options):
    written: bool | None = Field(None, json_schema_extra={"direction": "require"})


class DispatchedHeadNotConsulted(Check):
    """The town is not consulted (in writing, where required) on a dispatched unit's head.

    ## What it checks
    For each unit still dispatched, `head_appointment_consultation` must be `written`
    or `oral`; where the pack requires it in writing (Taizhou), only `written` passes.

    ## Why it matters
    "干部任免应当事先听取所在镇党委和政府意见" (003); Taizhou: "主要负责同志的任免须事先书面
    征求乡镇(街道)意见" (004).

    ## Example
    Bad (Taizhou):  head_appointment_consultation: oral
    Good:           head_appointment_consultation: written

    ## Fix
    Record the town's prior (written) opinion in the appointment procedure.
    """

    code = "ST303"
    messages = ("ST303", "ST303.written")
    slug = "dispatched-head-not-consulted"
    rule = 5
    options = ConsultationOptions

    def run(self, ctx: Context, opts: ConsultationOptions) -> Iterator[Problem]:
        if opts.written is None:
            return
        if not ctx.plan.provided("dispatched_units"):
            yield not_provided("dispatched_units", option="written")
            return
        allowed = {"written"} if opts.written else {"written", "oral"}
        for i, unit in enumerate(ctx.plan.dispatched_units):
            if unit.management != "dispatched" or unit.head_appointment_consultation in allowed:
                continue
            given = unit.head_appointment_consultation or "none"
            given_zh = {"oral": "口头征求", "none": "未征求"}.get(given, given)
            key = "ST303.written" if opts.written else "ST303"
            loc = ("dispatched_units", i, "head_appointment_consultation") if unit.head_appointment_consultation else ("dispatched_units", i)
            yield Problem(key, {"name": unit.name, "given": given, "given_zh": given_zh}, loc, trail=_unit_trail(unit.name), option="written")


class SupportOptions(Options):
    one_centre: bool | None = Field(None, json_schema_extra={"direction": "require"})
    # how many institutions may remain beside the centre, and of which kinds
    max_remaining: int | None = Field(None, ge=0, json_schema_extra={"direction": "max"})
    remaining_kinds: list[Literal["support", "service", "other"]] | None = Field(
        None, json_schema_extra={"direction": "allow"})


class SupportCentreNotMerged(Check):
    """Support institutions are not merged into one service centre.

    ## What it checks
    Where the pack requires one centre, the plan has one support centre (`support_center`,
    or the one institution under `institutions` marked `support_center: true`) and no other
    support institution (`support_institutions` is empty, and no institution of kind
    `support` remains beside the centre).  The pack may also say how many institutions may
    remain beside the centre (`max_remaining`) and of which kinds (`remaining_kinds`).
    Where the plan declares its institutions not provided, the outcome is "cannot check".

    ## Why it matters
    Taizhou: "为乡镇(街道)提供支持保障的事业单位,整合为乡镇(街道)综合服务中心" (004).

    ## Example
    Bad:  support_institutions: [{name: 农业服务中心}, {name: 文体服务中心}]
    Good: support_center: {name: 综合服务中心, absorbed: [农业服务中心, 文体服务中心]}

    ## Fix
    Merge the institutions into the centre and list them under `absorbed`.
    """

    code = "ST401"
    messages = ("ST401.missing", "ST401.separate", "ST401.kind", "ST401.remaining", "ST401.two-centres")
    slug = "support-centre-not-merged"
    rule = 6
    options = SupportOptions

    def run(self, ctx: Context, opts: SupportOptions) -> Iterator[Problem]:
        if not (opts.one_centre or opts.max_remaining is not None or opts.remaining_kinds):
            return
        plan = ctx.plan
        if not plan.provided("institutions") or not plan.provided("support_center"):
            yield not_provided("institutions" if not plan.provided("institutions") else "support_center",
                               option="one_centre")
            return
        marked = [i for i, inst in enumerate(plan.institutions) if inst.support_center]
        if opts.one_centre and plan.support_center is None and not marked:
            yield Problem("ST401.missing", {}, (), option="one_centre")
        centres = (1 if plan.support_center is not None else 0) + len(marked)
        if centres > 1:
            for i in marked[1 if plan.support_center is None else 0:]:
                inst = plan.institutions[i]
                yield Problem("ST401.two-centres", {"name": inst.name}, ("institutions", i, "support_center"),
                              trail=(label("label.institutions"), (inst.name, inst.name)), option="one_centre")
        others = [i for i, inst in enumerate(plan.institutions) if not inst.support_center]
        for i in others:
            inst = plan.institutions[i]
            trail = (label("label.institutions"), (inst.name, inst.name))
            if opts.one_centre and inst.kind == "support":
                yield Problem("ST401.separate", {"name": inst.name}, ("institutions", i, "kind"), trail=trail,
                              option="one_centre")
            elif opts.remaining_kinds is not None and inst.kind not in opts.remaining_kinds:
                zh, en = label(f"institution.{inst.kind}")
                yield Problem("ST401.kind", {"name": inst.name, "kind_zh": zh, "kind_en": en},
                              ("institutions", i, "kind"), trail=trail, option="remaining_kinds")
        remaining = len(others) + len(plan.support_institutions)
        if opts.max_remaining is not None and remaining > opts.max_remaining:
            names = [plan.institutions[i].name for i in others] + [c.name for c in plan.support_institutions]
            yield Problem("ST401.remaining", {"count": remaining, "limit": opts.max_remaining, "names": names},
                          ("institutions",), trail=(label("label.institutions"),), option="max_remaining", at_key=True)
        if not opts.one_centre:
            return
        for i, kept in enumerate(ctx.plan.support_institutions):
            yield Problem(
                "ST401.separate",
                {"name": kept.name},
                ("support_institutions", i),
                trail=(label("label.institutions"), (kept.name, kept.name)),
                option="one_centre",
            )


class NameplateOptions(Options):
    forbid: bool | None = Field(None, json_schema_extra={"direction": "require"})


class OldNameplateKept(Check):
    """An absorbed institution's name or nameplate is kept.

    ## What it checks
    A name listed under the support centre's `absorbed` must not appear again as a
    body, a nameplate, a sub-unit or a separate institution.

    ## Why it matters
    Taizhou: "原有机构和牌子不再保留" (004): the old bodies and nameplates are not kept.

    ## Example
    Bad:  support_center absorbed [农业服务中心] and 经济发展局 has nameplates: [农业服务中心]
    Good: the nameplate is dropped.

    ## Fix
    Remove the old name; its duties live on in the centre.
    """

    code = "ST402"
    messages = ("ST402",)
    slug = "old-nameplate-kept"
    rule = 6
    options = NameplateOptions

    def run(self, ctx: Context, opts: NameplateOptions) -> Iterator[Problem]:
        centre = ctx.plan.support_center
        if not opts.forbid or centre is None:
            return
        absorbed = {normalize(n): n for n in centre.absorbed}
        for j, plate in enumerate(centre.nameplates):
            if normalize(plate) in absorbed:
                yield Problem("ST402", {"name": plate, "holder": centre.name}, ("support_center", "nameplates", j), option="forbid")
        for i, body in enumerate(ctx.plan.bodies):
            if normalize(body.name) in absorbed:
                yield Problem("ST402", {"name": body.name, "holder": ctx.plan.town.name}, ("bodies", i, "name"),
                              trail=((body.name, body.name),), option="forbid")
            for j, plate in enumerate(body.nameplates):
                if normalize(plate) in absorbed:
                    yield Problem("ST402", {"name": plate, "holder": body.name}, ("bodies", i, "nameplates", j),
                                  trail=((body.name, body.name),), option="forbid")
            for j, sub in enumerate(body.subunits):
                if normalize(sub.name) in absorbed:
                    yield Problem("ST402", {"name": sub.name, "holder": body.name}, ("bodies", i, "subunits", j, "name"),
                                  trail=((body.name, body.name),), option="forbid")
        for i, inst in enumerate(ctx.plan.support_institutions):
            if normalize(inst.name) in absorbed:
                yield Problem("ST402", {"name": inst.name, "holder": ctx.plan.town.name}, ("support_institutions", i, "name"),
                              option="forbid")
