"""DOMAIN rule 8, the two front windows of the "1+4" model: approval (service) items and
the staff who handle them in the approval bureau, enforcement staff in the enforcement
bureau (001: "前臺窗口"); and the command centre's posts for each domain (002)."""

from __future__ import annotations

from collections.abc import Iterator

from staffing.checks.base import Check, Doc, Options, Problem, not_provided, option
from staffing.checks.context import Context
from staffing.findings import Severity
from staffing.messages import label
from staffing.plan.names import normalize
from staffing.words import Words

# the words of a section or squad's name that say it enforces (执法中队, 执法大队, 執法隊 …)
_ENFORCING = ("执法",)


class FrontlineOptions(Options):
    # the roles of the bodies that take on the approval (service) items and their staff
    approval_roles: list[str] | None = option("allow", Words("承接审批服务事项及相关人员的机构", "bodies that take on the approval items and their staff"))
    # the roles of the bodies that hold the enforcement staff and exercise the penalty powers
    enforcement_roles: list[str] | None = option("allow", Words("行使处罚权限、配备执法人员的机构", "bodies that hold the penalty powers and enforcement staff"))
    # an enforcement squad or section under another body is asked about (a warning)
    squads: bool | None = option("require", Words("执法中队只设在综合执法机构", "enforcement squads only in the enforcement bureau"))


class WorkOutsideItsBureau(Check):
    """Approval items or enforcement staff sit outside the bureau that should hold them.

    ## What it checks
    Where the plan says which body takes on the delegated approval (service) items
    (`powers.approval_body`) or exercises the penalty powers (`powers.penalty_body`), that
    body is one of the plan's and carries the role the pack names (the approval bureau,
    the enforcement bureau).  A transfer that moves quota and staff with approval or
    enforcement work (`transfers[].work`) goes to such a body; one recorded against the
    town as a whole is asked about (a warning).  Where the pack says so, an enforcement
    squad or section (执法中队 …) under another body is asked about too (a warning: the
    name suggests enforcement staff outside the enforcement bureau).  A plan that records
    none of this gets no finding.

    ## Why it matters
    "試點鎮承接的所有審批服務事項及相關工作人員全部實現向鎮行政審批局歸并"; "將執法權限
    涉及的執法人員全部劃轉至綜合執法局" (001).  Taizhou: "将相关人员充实到乡镇(街道)综合
    行政执法、为民服务等职能机构" (004).

    ## Example
    Bad:  powers: {approval_items: 158, approval_body: 经济发展局}
    Good: powers: {approval_items: 158, approval_body: 行政审批局}

    ## Fix
    Move the items and their staff to the approval bureau, the enforcement staff to the
    enforcement bureau, or correct the body the plan names.
    """

    code = "ST605"
    slug = "work-outside-its-bureau"
    rule = 8
    options = FrontlineOptions
    title = Words("审批服务或执法力量未归入对应机构", "Approval items or enforcement staff outside their bureau")
    messages = {
        "ST605.approval": Words(
            "审批服务事项由{body}承接，但{body}不是{roles}：审批服务事项及相关工作人员应全部归并到{roles}",
            "the approval (service) items are taken on by {body}: they and the staff who handle them belong in the "
            "approval bureau ({roles})",
        ),
        "ST605.enforcement": Words(
            "行政处罚权限由{body}行使，但{body}不是{roles}：执法人员应全部划转至{roles}",
            "the penalty powers are exercised by {body}: the enforcement staff belong in the enforcement bureau ({roles})",
        ),
        "ST605.unknown": Words(
            "承接下放事项的机构“{body}”不在本方案的机构中：应为{roles}",
            "the body named to take on the delegated work, “{body}”, is not a body of this plan (it should be a body of "
            "the kind {roles})",
        ),
        "ST605.transfer": Words(
            "随{work}从{source}划转的编制{count}名划入{to}，{to}不是{roles}：相关人员应划入{roles}",
            "{count} quota moved from {source} with {work} go to {to}: they and their staff belong in a body of the "
            "kind {roles}",
        ),
        "ST605.transfer-town": Words(
            "随{work}从{source}划转的编制{count}名只记到{to}，没有写明划入哪个机构：请写明，应为{roles}",
            "{count} quota moved from {source} with {work} are recorded against {to} as a whole: say which body "
            "receives them ({roles})",
        ),
        "ST605.squad": Words(
            "{body}下设{unit}：执法人员应全部划转至{roles}，请核实该单位是否承担执法",
            "{body} has a unit {unit}: enforcement staff belong in {roles}; please check whether the unit enforces",
        ),
    }
    doc_zh = Doc(
        "方案写明承接审批服务事项的机构（`powers.approval_body`）或行使行政处罚权限的机构（`powers.penalty_body`）时，该机构"
        "须是本方案的机构，并承担规则包指定的角色（行政审批局、综合行政执法局）。随审批服务或执法事项划转编制和人员的记录"
        "（`transfers`中写明`work`）须划入这样的机构；只记到全镇、没有写明机构的，给出警告。规则包要求时，设在其他机构下的"
        "执法中队等执法单位也给出警告，请核实。方案没有写明这些内容时，不作判断。",
        "“試點鎮承接的所有審批服務事項及相關工作人員全部實現向鎮行政審批局歸并”“將執法權限涉及的執法人員全部劃轉至綜合執法局”"
        "（苏州试点）；泰州：“按要求将相关人员充实到乡镇（街道）综合行政执法、为民服务等职能机构”。",
        "错误示例：\n"
        "    powers: {approval_items: 158, approval_body: 经济发展局}\n"
        "正确示例：\n"
        "    powers: {approval_items: 158, approval_body: 行政审批局}",
        "把审批服务事项及相关人员归并到行政审批局，执法人员划转至综合行政执法局，或改正方案中写明的机构。",
    )

    def run(self, ctx: Context, opts: FrontlineOptions) -> Iterator[Problem]:
        plan = ctx.plan
        town = plan.town.name
        wanted = {"approval": opts.approval_roles, "enforcement": opts.enforcement_roles}
        wanted_set = {work: set(roles or []) for work, roles in wanted.items()}
        option = {"approval": "approval_roles", "enforcement": "enforcement_roles"}

        def labels(work: str) -> dict[str, list[Words]]:
            roles = wanted[work] or []
            return {"roles": [Words(ctx.pack.role_label(r, "zh"), ctx.pack.role_label(r, "en")) for r in roles]}

        powers = plan.powers
        if powers is not None:
            for work, field, named in (("approval", "approval_body", powers.approval_body),
                                       ("enforcement", "penalty_body", powers.penalty_body)):
                if not wanted[work] or not (named or "").strip():
                    continue
                assert named is not None
                held = ctx.body_named(named)
                if held is None:
                    yield Problem("ST605.unknown", {"body": named, **labels(work)}, ("powers", field),
                                  trail=(label("label.delegated-powers"),), option=option[work])
                elif not ctx.roles_carried(held) & wanted_set[work]:
                    yield Problem(f"ST605.{work}", {"body": plan.bodies[held].name, **labels(work)},
                                  ("powers", field), trail=(label("label.delegated-powers"),), option=option[work])
        for j, t in enumerate(plan.transfers):
            if t.work is None or not wanted[t.work]:
                continue
            trail = (label("label.transfers"), (f"{t.from_}→{t.to}", f"{t.from_}→{t.to}"))
            params = {"source": t.from_, "to": t.to, "count": t.count, "work": Words(*label(f"work.{t.work}")),
                      **labels(t.work)}
            to = ctx.body_named(t.to)
            if to is None:
                if normalize(t.to) in (normalize(town), normalize(plan.town.county + town)):
                    yield Problem("ST605.transfer-town", params, ("transfers", j, "to"), trail=trail,
                                  option=option[t.work], severity=Severity.WARNING)
                # a name that is neither the town nor one of its bodies is a matter of the plan's
                # own consistency, not of where the work goes
            elif not ctx.roles_carried(to) & wanted_set[t.work]:
                yield Problem("ST605.transfer", {**params, "to": plan.bodies[to].name}, ("transfers", j, "to"), trail=trail,
                              option=option[t.work])
        if opts.squads and opts.enforcement_roles:
            for i, b in enumerate(plan.bodies):
                if ctx.roles_carried(i) & wanted_set["enforcement"]:
                    continue
                for k, sub in enumerate(b.subunits):
                    if any(w in normalize(sub.name) for w in _ENFORCING):
                        yield Problem("ST605.squad", {"body": b.name, "unit": sub.name, **labels("enforcement")},
                                      ("bodies", i, "subunits", k, "name"), trail=((b.name, b.name),),
                                      option="squads", severity=Severity.WARNING)


class DomainPostsOptions(Options):
    # the domains whose matters the command centre dispatches, each with its own post
    domains: list[str] | None = option("set", Words("指挥调度中心应进驻的领域事项流转岗", "domains with a post at the command centre"))


def _same_domain(wanted: str, named: str) -> bool:
    """综治信访 is 综治信访岗, and 环境保护 is 生态环境保护: one name holds the other."""
    a, b = normalize(wanted), normalize(named)
    return a in b or b in a


class CommandCentreDomainsMissing(Check):
    """The command centre has no post for a domain the pack names.

    ## What it checks
    Where the pack names the domains whose matters the command centre dispatches
    (Yongshan: natural resources and planning, urban management, petitions, environment),
    the centre has a post for each: every domain is among `command_center.domains`; a plan
    that does not name its domains has at least as many `domain_posts` as the pack names
    domains.  A warning by default: the domains are what one town's report describes.

    ## Why it matters
    Yongshan: "进驻了自然资源和规划、城市管理、综治信访、环境保护等4个重点领域的事项流转岗"
    (002): matters reported by the grid are passed to the post of their domain and
    followed up from the centre.

    ## Example
    Bad:  command_center: {name: 综合指挥调度中心, domains: [城市管理, 综治信访]}
    Good: command_center: {name: 综合指挥调度中心, domains: [自然资源和规划, 城市管理, 综治信访, 环境保护]}

    ## Fix
    Set up the missing domain posts at the centre, or name the domains its posts serve.
    """

    code = "ST606"
    slug = "command-centre-domain-missing"
    rule = 8
    severity = Severity.WARNING
    options = DomainPostsOptions
    title = Words("指挥调度中心缺少领域事项流转岗", "The command centre has no post for a domain")
    messages = {
        "ST606.missing": Words(
            "{name}没有{missing}领域的事项流转岗：指挥调度中心应进驻{domains}等领域的事项流转岗",
            "{name} has no post for {missing}: the command centre should have a post for each of {domains}",
        ),
        "ST606.posts": Words(
            "{name}只设领域事项流转岗{posts}个，少于应进驻的{needed}个领域（{domains}）：请补设岗位，或写明各岗位所属领域",
            "{name} has {posts} domain posts, fewer than the {needed} domains it should serve ({domains}): add the posts, "
            "or name the domain of each",
        ),
    }
    doc_zh = Doc(
        "规则包列出指挥调度中心应进驻事项流转岗的领域时（涌山镇：自然资源和规划、城市管理、综治信访、环境保护），每个领域都要"
        "在`command_center.domains`中；方案没有写明领域的，`domain_posts`（领域岗位数）不得少于规则包列出的领域数。默认为"
        "警告：这些领域是一个镇的报道介绍的做法。",
        "涌山镇：“进驻了自然资源和规划、城市管理、综治信访、环境保护等4个重点领域的事项流转岗”（《乐平市涌山镇推进经济发达镇"
        "行政管理体制改革结硕果》）：网格员报送的事项转到所属领域的岗位，由中心跟踪办理。",
        "错误示例：\n"
        "    command_center: {name: 综合指挥调度中心, domains: [城市管理, 综治信访]}\n"
        "正确示例：\n"
        "    command_center: {name: 综合指挥调度中心, domains: [自然资源和规划, 城市管理, 综治信访, 环境保护]}",
        "补设缺少的领域事项流转岗，或写明各岗位所属的领域。",
    )

    def run(self, ctx: Context, opts: DomainPostsOptions) -> Iterator[Problem]:
        if not opts.domains:
            return
        plan = ctx.plan
        if not plan.provided("command_center"):
            yield not_provided("command_center", option="domains")
            return
        centre = plan.command_center
        if centre is None:  # no centre at all is ST601's finding
            return
        trail = ((centre.name, centre.name),)
        if centre.domains:
            missing = [d for d in opts.domains if not any(_same_domain(d, n) for n in centre.domains)]
            if missing:
                yield Problem("ST606.missing", {"name": centre.name, "missing": missing, "domains": opts.domains},
                              ("command_center", "domains"), trail=trail, option="domains")
        elif centre.domain_posts < len(opts.domains):
            loc: tuple[str | int, ...] = ("command_center", "domain_posts")
            if "domain_posts" not in centre.model_fields_set:
                loc = ("command_center",)
            yield Problem("ST606.posts", {"name": centre.name, "posts": centre.domain_posts,
                                          "needed": len(opts.domains), "domains": opts.domains},
                          loc, trail=trail, option="domains", at_key=loc == ("command_center",))
