"""DOMAIN rule 5, ST3xx: units dispatched by county departments: managed locally, or, where
dispatch continues on a basis the pack accepts, assessed by the town and their heads appointed
with its prior say."""

from __future__ import annotations

from collections.abc import Iterator

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
