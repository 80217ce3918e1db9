"""DOMAIN rules 5 and 6: dispatched units, and the one support centre."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from staffing.checks.base import Check, Doc, Options, Problem, not_provided, option
from staffing.checks.context import Context
from staffing.findings import Severity
from staffing.messages import label
from staffing.plan.names import normalize
from staffing.words import Words


def _unit_trail(name: str) -> tuple[tuple[str, str], ...]:
    return (label("label.dispatched-units"), (name, name))


class DispatchOptions(Options):
    local_by_default: bool | None = option("require", Words("派驻机构原则上属地管理", "dispatched units managed locally by default"))
    basis_required: bool | None = option("require", Words("须写明继续派驻的依据", "basis required for continued dispatch"))
    # the bases the pack accepts for continued dispatch (phrases the recorded basis must contain)
    accepted_bases: list[str] | None = option("allow", Words("认可的继续派驻依据", "accepted bases for continued dispatch"))


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
    slug = "dispatched-unit-not-local"
    rule = 5
    options = DispatchOptions
    title = Words("派驻机构未实行属地管理且无依据", "A dispatched unit is still dispatched without a recorded basis")
    messages = {
        "ST301": Words(
            "派驻机构{name}（{department}）继续实行派驻，未说明依据；原则上应实行属地管理",
            "dispatched unit {name} ({department}) stays dispatched with no basis given; it should in principle be managed locally",
        ),
        "ST301.required": Words(
            "派驻机构{name}（{department}）继续实行派驻，但没有写明党中央明确要求等依据",
            "dispatched unit {name} ({department}) stays dispatched without a basis such as a Party-centre requirement",
        ),
        "ST301.basis": Words(
            "派驻机构{name}（{department}）继续实行派驻的依据“{basis}”不是本规则包认可的依据（认可：{accepted}）",
            "dispatched unit {name} ({department}) stays dispatched on the basis “{basis}”, which the pack does not accept (accepted: {accepted})",
        ),
    }
    doc_zh = Doc(
        "县、市部门派驻乡镇的机构（派出所、司法所、市场监管所等）原则上下放，实行属地管理。`management`为`dispatched`"
        "（继续派驻）的，要写明`dispatch_basis`（继续派驻的依据）；规则包要求写明依据时（泰州：只有党中央明确要求的"
        "才继续派驻）报告为错误，否则为警告。规则包列出认可的依据时（`accepted_bases`），写明的依据必须是其中之一："
        "在泰州，“县里决定”不是依据，“党中央明确要求”是。",
        "“市县政府部门派驻在经济发达镇的机构，原则上应下放实行属地管理”（《关于深化经济发达镇行政管理体制改革工作的意见》）；"
        "泰州：“除党中央明确要求外……原则上实行属地管理”（《关于推进基层整合审批服务执法力量的实施方案》）。",
        "错误示例：\n"
        "    - {name: 新桥市场监管所, parent_department: 靖江市市场监督管理局, management: dispatched}\n"
        "正确示例：\n"
        "    - {name: 新桥市场监管所, parent_department: 靖江市市场监督管理局, management: local}",
        "把该机构交由乡镇属地管理，或写明继续派驻的依据。",
    )

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
    town_leads: bool | None = option("require", Words("考核以乡镇为主", "the town leads the assessment"))
    # the town alone assesses (Taizhou "统一考核"): a joint assessment does not do, even town-led
    town_alone: bool | None = option("require", Words("考核由乡镇统一进行", "the town alone assesses"))


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
    slug = "dispatched-assessment-not-town-led"
    rule = 5
    options = AssessmentOptions
    title = Words("派驻机构考核未以乡镇为主", "The town does not lead the assessment of a unit that is still dispatched")
    messages = {
        "ST302": Words(
            "继续派驻的{name}，工作考核未以乡镇为主（现为：{given}）",
            "{name} stays dispatched but the town does not lead its assessment (given: {given})",
        ),
        "ST302.alone": Words(
            "继续派驻的{name}，应由乡镇统一管理、统一考核（现为：{given}）",
            "{name} stays dispatched; the town alone must manage and assess it (given: {given})",
        ),
    }
    doc_zh = Doc(
        "继续派驻（`management: dispatched`）的机构，其考核`assessment_lead`应为`town`（乡镇），或为`joint`（联合考核）"
        "且`assessment_joint_lead: town`（以乡镇为主的联合考核即“以经济发达镇为主”）。规则包规定由乡镇统一考核时"
        "（`town_alone`，泰州），只有`town`符合要求。",
        "“继续实行派驻体制的，工作考核要以经济发达镇为主”（《关于深化经济发达镇行政管理体制改革工作的意见》）；"
        "泰州：“由乡镇（街道）统一管理、统一考核”（《关于推进基层整合审批服务执法力量的实施方案》）。",
        "错误示例：\n"
        "    assessment_lead: department\n"
        "错误示例（泰州）：\n"
        "    assessment_lead: joint\n"
        "    assessment_joint_lead: town\n"
        "正确示例：\n"
        "    assessment_lead: town",
        "写明由乡镇主导该机构的工作考核。",
    )

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
                {"name": unit.name, "given": Words(given_zh, given)},
                loc,
                trail=_unit_trail(unit.name),
                option="town_alone" if opts.town_alone else "town_leads",
            )


class ConsultationOptions(Options):
    written: bool | None = option("require", Words("须书面征求乡镇意见", "written consultation of the town"))


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
    slug = "dispatched-head-not-consulted"
    rule = 5
    options = ConsultationOptions
    title = Words(
        "派驻机构负责人任免未征求乡镇意见",
        "The town is not consulted (in writing, where required) on a dispatched unit's head",
    )
    messages = {
        "ST303": Words(
            "继续派驻的{name}，负责人任免未事先听取乡镇意见（现为：{given}）",
            "{name} stays dispatched but the town is not consulted before its head is appointed (given: {given})",
        ),
        "ST303.written": Words(
            "继续派驻的{name}，负责人任免须事先书面征求乡镇意见（现为：{given}）",
            "{name} stays dispatched; the town must be consulted in writing before its head is appointed (given: {given})",
        ),
    }
    doc_zh = Doc(
        "继续派驻的每个机构，`head_appointment_consultation`（负责人任免是否征求乡镇意见）应为`written`（书面）或"
        "`oral`（口头）；规则包要求书面征求时（泰州），只有`written`符合要求。",
        "“干部任免应当事先听取所在镇党委和政府意见”（《关于深化经济发达镇行政管理体制改革工作的意见》）；泰州："
        "“主要负责同志的任免须事先书面征求乡镇（街道）意见”（《关于推进基层整合审批服务执法力量的实施方案》）。",
        "错误示例（泰州）：\n"
        "    head_appointment_consultation: oral\n"
        "正确示例：\n"
        "    head_appointment_consultation: written",
        "在任免程序中事先（书面）征求乡镇意见，并在方案中写明。",
    )

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
            yield Problem(key, {"name": unit.name, "given": Words(given_zh, given)}, loc, trail=_unit_trail(unit.name),
                          option="written")


class SupportOptions(Options):
    one_centre: bool | None = option("require", Words("只设一个综合服务中心", "one support centre only"))
    # how many institutions may remain beside the centre, and of which kinds
    max_remaining: int | None = option("max", Words("中心之外最多保留的事业单位数", "most institutions kept beside the centre"), ge=0)
    remaining_kinds: list[Literal["support", "service", "other"]] | None = option("allow", Words("中心之外可保留的事业单位类别", "kinds of institution that may stay beside the centre"))


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
    slug = "support-centre-not-merged"
    rule = 6
    options = SupportOptions
    title = Words("支持保障事业单位未整合为综合服务中心", "Support institutions are not merged into one service centre")
    messages = {
        "ST401.missing": Words(
            "未设综合服务中心：为乡镇提供支持保障的事业单位应整合为一个综合服务中心",
            "no support service centre: the support institutions must be merged into one centre",
        ),
        "ST401.separate": Words("事业单位{name}未整合进综合服务中心", "institution {name} is not merged into the support service centre"),
        "ST401.kind": Words(
            "事业单位{name}（{kind}）不在可以保留的类别之内",
            "institution {name} ({kind}) is not of a kind that may remain",
        ),
        "ST401.remaining": Words(
            "综合服务中心之外保留事业单位{count}个，超过上限{limit}个：{names}",
            "{count} institutions remain beside the support service centre, over the limit of {limit}: {names}",
        ),
        "ST401.two-centres": Words(
            "{name}也标为综合服务中心：一个乡镇只设一个综合服务中心",
            "{name} is marked as the support service centre too: a town has one centre",
        ),
    }
    doc_zh = Doc(
        "规则包要求只设一个综合服务中心时，方案应有一个综合服务中心（`support_center`，或`institutions`中标明"
        "`support_center: true`的事业单位），且不再另有支持保障类事业单位（`support_institutions`为空，中心之外也没有"
        "`kind`为`support`的事业单位）。规则包还可以规定中心之外最多保留几个事业单位（`max_remaining`）及其类别"
        "（`remaining_kinds`）。方案声明未提供事业单位的，结论为“无法检查”。",
        "泰州：“为乡镇（街道）提供支持保障的事业单位，整合为乡镇（街道）综合服务中心”（《关于推进基层整合审批服务执法力量的实施方案》）。",
        "错误示例：\n"
        "    support_institutions: [{name: 农业服务中心}, {name: 文体服务中心}]\n"
        "正确示例：\n"
        "    support_center: {name: 综合服务中心, absorbed: [农业服务中心, 文体服务中心]}",
        "把这些事业单位并入综合服务中心，并列在`absorbed`下。",
    )

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
                yield Problem("ST401.kind", {"name": inst.name, "kind": Words(zh, en)},
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
    forbid: bool | None = option("require", Words("禁止的做法", "forbidden practices"))


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
    slug = "old-nameplate-kept"
    rule = 6
    options = NameplateOptions
    title = Words("保留了原有机构或牌子", "An absorbed institution's name or nameplate is kept")
    messages = {
        "ST402": Words(
            "已整合的原机构名称“{name}”仍在{holder}保留；原有机构和牌子不再保留",
            "the absorbed body's name “{name}” is still kept at {holder}; old bodies and nameplates are not kept",
        ),
    }
    doc_zh = Doc(
        "列在综合服务中心`absorbed`下的名称，不得再作为职能机构、加挂牌子、内设科室或单独的事业单位出现。",
        "泰州：“原有机构和牌子不再保留”（《关于推进基层整合审批服务执法力量的实施方案》）。",
        "错误示例：综合服务中心已整合农业服务中心，经济发展局却加挂农业服务中心牌子。\n"
        "    support_center: {name: 综合服务中心, absorbed: [农业服务中心]}\n"
        "    bodies:\n"
        "      - {name: 经济发展局, nameplates: [农业服务中心]}\n"
        "正确示例：去掉这块牌子。",
        "删除原有名称，其职责由综合服务中心承担。",
    )

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
