"""DOMAIN rules 1 and 2: how many functional bodies, and which."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from staffing.checks.base import Check, Doc, Options, Problem, option
from staffing.checks.context import Context
from staffing.messages import label
from staffing.plan.model import Category
from staffing.words import Words

_BODIES = (label("label.functional-bodies"),)


class BodyCountOptions(Options):
    min: int | None = option("min", Words("下限", "minimum"), ge=0)
    max: int | None = option("max", Words("上限", "maximum"), ge=0)
    # which categories count (default: functional bodies only); counting more is stricter
    categories: list[Category] | None = option("set", Words("计入职能机构数量的机构类别", "body categories counted"))
    # a nested body with its own rank or principal post (下设机构) counts (else ST104 reports it)
    count_nested_with_rank: bool | None = option("require", Words("有规格或正职的下设机构计入数量", "nested bodies with a rank or principal post counted"))


class BodyCount(Check):
    """Too many (or too few) functional bodies.

    ## What it checks
    Counts the town's functional bodies (职能机构) and compares the count with the pack's
    range.  Only bodies directly under the town count, and only of the categories the
    pack counts (`categories`, default functional): organs set up under their own rules
    (纪委/纪工委, 人大主席团/人大工委, 武装部, 工青妇), public institutions (事业单位) and
    platforms are read from their names (or a body's own `category:`) and counted only
    where the pack says so.  Extra nameplates (加挂牌子), sub-units (科室、中队),
    dispatched units (派驻机构), the support service centre (综合服务中心) and a
    development-zone body run by the town's own leadership (一套班子、两块牌子) are not
    bodies and are not counted.  A body under another body that has its own rank or
    principal post (下设机构) counts where the pack sets `count_nested_with_rank`;
    otherwise ST104 reports it.

    ## Why it matters
    Jiangsu's developed towns may set up "10个以内职能机构" (003, 001); Taizhou's
    three-integration reform sets "7至9个职能机构" (004).  A plan over the limit is
    sent back.

    ## Example
    Bad (Jiangsu, 11 bodies):  bodies: [党政办公室, 党建工作办公室, …, 财政局]  # 11 entries
    Good: merge two bodies, or carry one as a nameplate of another:
        - name: 行政审批局
          nameplates: [便民服务中心]

    ## Fix
    Merge bodies with related duties, or turn a body into an extra nameplate or a
    sub-unit of another body.
    """

    code = "ST101"
    slug = "body-count"
    rule = 1
    options = BodyCountOptions
    title = Words("职能机构数量超出范围", "Too many (or too few) functional bodies")
    messages = {
        "ST101.over": Words(
            "职能机构{count}个，超过上限{limit}个，多{excess}个：{names}",
            "{count} functional bodies, over the limit of {limit} by {excess}: {names}",
        ),
        "ST101.under": Words(
            "职能机构{count}个，少于下限{limit}个，少{short}个：{names}",
            "{count} functional bodies, under the minimum of {limit} by {short}: {names}",
        ),
    }
    doc_zh = Doc(
        "清点乡镇的职能机构，与规则包规定的数量范围比较。只计算直属乡镇的机构，且只计算规则包计入的类别"
        "（`categories`，默认只计职能机构）：依各自章程设置的机构（纪委、纪工委，人大主席团、人大工委，武装部，"
        "工青妇）、事业单位和平台按名称（或机构的`category`）识别，只在规则包规定时计入。加挂牌子、内设科室和中队、"
        "派驻机构、综合服务中心，以及与乡镇“一套班子、两块牌子”的开发区机构，都不是职能机构，不计入。设在其他机构"
        "之下、有自己规格或正职的下设机构，规则包设置`count_nested_with_rank`时计入，否则由`ST104`报告。",
        "江苏省经济发达镇“综合设置10个以内职能机构”（《关于深化经济发达镇行政管理体制改革工作的意见》）；泰州市"
        "“三整合”改革设置“7至9个职能机构”（《关于推进基层整合审批服务执法力量的实施方案》）。超出数量的方案会被退回。",
        "错误示例（江苏，11个职能机构）：\n"
        "    bodies: [党政办公室, 党建工作办公室, …, 财政局]   # 11个\n"
        "正确示例：合并两个机构，或把其中一个作为另一个机构的加挂牌子：\n"
        "    - name: 行政审批局\n"
        "      nameplates: [便民服务中心]",
        "合并职责相近的机构，或把某个机构改为其他机构的加挂牌子或内设科室。",
    )

    def run(self, ctx: Context, opts: BodyCountOptions) -> Iterator[Problem]:
        counted = ctx.counted
        names = [ctx.plan.bodies[i].name for i in counted]
        n = len(counted)
        params: dict[str, Any] = {"count": n, "names": names, "excluded": [ctx.plan.bodies[i].name for i, _ in ctx.not_counted]}
        if opts.max is not None and n > opts.max:
            yield Problem("ST101.over", {**params, "limit": opts.max, "excess": n - opts.max}, ("bodies",), trail=_BODIES, option="max", at_key=True)
        if opts.min is not None and n < opts.min:
            yield Problem("ST101.under", {**params, "limit": opts.min, "short": opts.min - n}, ("bodies",), trail=_BODIES, option="min", at_key=True)


class MandatoryOptions(Options):
    roles: list[str] | None = option("set", Words("必设机构", "mandatory bodies"))
    # may one merged body (政法和社会事业局) satisfy two mandatory roles?  default yes
    # one body may fill several mandatory roles (a loosening when true, hence "max": True > False)
    one_body_many_roles: bool | None = option("max", Words("一个机构可算作多个必设机构", "one body may fill several mandatory roles"))


class MissingMandatoryBody(Check):
    """A mandatory body is missing.

    ## What it checks
    Each role the pack lists as mandatory (必设机构) must be carried by one of the
    counted bodies, by its `role:` (one or several, ids or Chinese labels; always wins),
    its name (a role's name or alias, or the pack's recognition keywords, so a merged
    政法和社会事业局 carries two roles), or one of its extra nameplates (names are matched in
    simplified or traditional script, with or without the town's name).  Where the pack
    sets `one_body_many_roles: false`, one body satisfies at most one mandatory role.

    ## Why it matters
    Taizhou: "明确6个机构为必设机构,其余1至3个机构由乡镇(街道)…自行确定" (004).  The seed
    does not name the six; the shipped pack infers them and says so.

    ## Example
    Bad: no body with role `approval_service` (行政审批局 / 便民服务中心).
    Good:
        - name: 行政审批局
          role: approval_service

    ## Fix
    Add the missing body, or give an existing body the role (and its nameplate).
    """

    code = "ST102"
    slug = "missing-mandatory-body"
    rule = 2
    options = MandatoryOptions
    title = Words("缺少必设机构", "A mandatory body is missing")
    messages = {
        "ST102": Words("缺少必设机构：{name}", "mandatory body missing: {name}"),
    }
    doc_zh = Doc(
        "规则包列为必设机构的每一类职能，都要由某个计入的职能机构承担：依据机构的`role`（可写一个或几个，"
        "写标识或中文名称均可，写明的始终优先）、机构名称（职能的名称或别称，或规则包的识别关键词，因此合并设置的"
        "政法和社会事业局承担两类职能）或其加挂牌子识别；名称按简体或繁体、带或不带乡镇名称比对。规则包设置"
        "`one_body_many_roles: false`时，一个机构最多只能算作一个必设机构。",
        "泰州：“明确6个机构为必设机构，其余1至3个机构由乡镇（街道）……自行确定”（《关于推进基层整合审批服务执法力量的"
        "实施方案》）。原文没有列出是哪6个，随附的规则包是推断的，并注明了推断。",
        "错误示例：没有承担行政审批服务职能的机构（行政审批局或便民服务中心）。\n"
        "正确示例：\n"
        "    - name: 行政审批局\n"
        "      role: 行政审批局",
        "增设所缺的机构，或由现有机构承担该职能（并加挂相应牌子）。",
    )

    def run(self, ctx: Context, opts: MandatoryOptions) -> Iterator[Problem]:
        if not opts.roles:
            return
        carried: set[str] = set()
        by_body = {i: ctx.roles_carried(i) for i in ctx.counted}
        for roles in by_body.values():
            carried |= roles
        if opts.one_body_many_roles is False:
            carried = _matched(opts.roles, by_body)
        for role in opts.roles:
            if role not in carried:
                yield Problem(
                    "ST102",
                    {"role": role, "name": Words(ctx.pack.role_label(role, "zh"), ctx.pack.role_label(role, "en"))},
                    ("bodies",),
                    trail=_BODIES,
                    option="roles",
                    at_key=True,
                )


def _matched(roles: list[str], by_body: dict[int, set[str]]) -> set[str]:
    """The mandatory roles that can be carried when each body carries at most one: a
    maximum matching of roles to bodies (augmenting paths; a town has a handful of each)."""
    owner: dict[int, str] = {}

    def place(role: str, seen: set[int]) -> bool:
        for i in sorted(by_body):
            if role in by_body[i] and i not in seen:
                seen.add(i)
                if i not in owner or place(owner[i], seen):
                    owner[i] = role
                    return True
        return False

    for role in roles:
        place(role, set())
    return set(owner.values())


class OptionalOptions(Options):
    min: int | None = option("min", Words("下限", "minimum"), ge=0)
    max: int | None = option("max", Words("上限", "maximum"), ge=0)


class OptionalBodiesOutOfRange(Check):
    """Too many (or too few) self-chosen bodies.

    ## What it checks
    Counts the counted bodies whose role is not one of the pack's mandatory roles
    (自设机构) and compares the count with the pack's range.

    ## Why it matters
    Taizhou: besides the six mandatory bodies, "其余1至3个机构由乡镇(街道)…自行确定" (004).

    ## Example
    Bad: six mandatory bodies and four more (规划建设局, 农业农村局, 财政局, 社会治理局).
    Good: six mandatory bodies and two more.

    ## Fix
    Merge self-chosen bodies into each other or into a mandatory body.
    """

    code = "ST103"
    slug = "optional-bodies-out-of-range"
    rule = 2
    options = OptionalOptions
    title = Words("自选机构数量超出范围", "Too many (or too few) self-chosen bodies")
    messages = {
        "ST103.over": Words(
            "自选机构{count}个，超过上限{limit}个：{names}",
            "{count} self-chosen bodies, over the limit of {limit}: {names}",
        ),
        "ST103.under": Words("自选机构{count}个，少于下限{limit}个", "{count} self-chosen bodies, under the minimum of {limit}"),
    }
    doc_zh = Doc(
        "清点计入的职能机构中不属于必设机构的自选机构，与规则包规定的数量范围比较。",
        "泰州：6个必设机构之外，“其余1至3个机构由乡镇（街道）……自行确定”（《关于推进基层整合审批服务执法力量的实施方案》）。",
        "错误示例：6个必设机构之外另设4个（规划建设局、农业农村局、财政局、社会治理局）。\n"
        "正确示例：6个必设机构之外另设2个。",
        "把自选机构相互合并，或并入必设机构。",
    )

    def run(self, ctx: Context, opts: OptionalOptions) -> Iterator[Problem]:
        mandatory = ctx.pack.mandatory_roles
        if not mandatory:
            return
        optional = [ctx.plan.bodies[i].name for i in ctx.counted if not set(ctx.roles_of(i)) & mandatory]
        n = len(optional)
        if opts.max is not None and n > opts.max:
            yield Problem("ST103.over", {"count": n, "limit": opts.max, "names": optional}, ("bodies",), trail=_BODIES, option="max", at_key=True)
        if opts.min is not None and n < opts.min:
            yield Problem("ST103.under", {"count": n, "limit": opts.min, "names": optional}, ("bodies",), trail=_BODIES, option="min", at_key=True)


class NestedBodyWithRank(Check):
    """A body hung under another body has its own rank or principal post (下设机构).

    ## What it checks
    A body whose `parent` is another body drops out of the body count only when it is a
    section of that body (内设科室): no rank of its own and no principal post.  A nested body
    with its own `rank` or a principal leadership post is a body in its own right
    (下设机构); where the pack does not count such bodies (`body-count.count_nested_with_rank`),
    this check reports each one.

    ## Why it matters
    Hanging a ranked body under another with `parent:` is the classic way past the limit
    of "10个以内职能机构" (003): the count looks right while the town keeps another body
    with its own head.

    ## Example
    Bad:
        - {name: 经济发展局, rank: 副科}
        - {name: 招商服务局, parent: 经济发展局, rank: 副科,
           leadership: [{title: 局长, level: principal, approved: 1}]}
    Good: the nested unit is a 内设科室 (a sub-unit, or no rank and no principal post):
        - name: 经济发展局
          subunits: [{name: 招商服务科}]

    ## Fix
    Count it as a body (and keep within the limit), or make it a 内设科室 of its parent:
    no rank of its own, led by the parent's deputy.
    """

    code = "ST104"
    slug = "nested-body-with-rank"
    rule = 1
    title = Words("下设机构未计入职能机构", "A nested body with its own rank or principal post (下设机构)")
    messages = {
        "ST104": Words(
            "{name}设在{parent}之下，却有自己的规格或正职（{what}），属于下设机构：应计入职能机构数量，或改为内设科室",
            "{name} sits under {parent} but has its own rank or principal post ({what}): a body in its own right "
            "(下设机构) that must be counted, or become a section (内设科室)",
        ),
    }
    doc_zh = Doc(
        "`parent`为其他机构的机构，只有作为该机构的内设科室（没有自己的规格，也没有正职）时才不计入职能机构数量。"
        "有自己的`rank`或正职的，是单独的下设机构；规则包不计入这类机构时（`body-count.count_nested_with_rank`），"
        "本检查逐个报告。",
        "把有规格的机构挂在其他机构之下，是绕过“综合设置10个以内职能机构”（《关于深化经济发达镇行政管理体制改革工作的意见》）"
        "的常见做法：数量看似合规，乡镇却多了一个有自己负责人的机构。",
        "错误示例：\n"
        "    - {name: 经济发展局, rank: 副科}\n"
        "    - {name: 招商服务局, parent: 经济发展局, rank: 副科,\n"
        "       leadership: [{title: 局长, level: principal, approved: 1}]}\n"
        "正确示例：下设单位作为内设科室（没有规格，也没有正职）：\n"
        "    - name: 经济发展局\n"
        "      subunits: [{name: 招商服务科}]",
        "计入职能机构数量（并控制在上限之内），或改为上级机构的内设科室：不定规格，由上级机构的副职分管。",
    )

    def run(self, ctx: Context, opts: Options) -> Iterator[Problem]:
        if ctx.pack.count_nested_with_rank():
            return
        plan = ctx.plan
        parent_of = {i: b.parent for i, b in enumerate(plan.bodies)}
        for i in ctx.nested_with_rank:
            body = plan.bodies[i]
            what = body.rank or next((p.title for p in body.leadership if p.level == "principal"), "")
            yield Problem("ST104", {"name": body.name, "parent": parent_of[i] or "", "what": what},
                          ("bodies", i, "parent"), trail=((body.name, body.name),))
