"""DOMAIN rules 1 and 2: how many functional bodies, and which."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import Field

from staffing.checks.base import Check, Options, Problem
from staffing.checks.context import Context
from staffing.messages import label
from staffing.plan.model import Category

_BODIES = (label("label.functional-bodies"),)


class BodyCountOptions(Options):
    min: int | None = Field(None, ge=0, json_schema_extra={"direction": "min"})
    max: int | None = Field(None, ge=0, json_schema_extra={"direction": "max"})
    # which categories count (default: functional bodies only); counting more is stricter
    categories: list[Category] | None = Field(None, json_schema_extra={"direction": "set"})
    # a nested body with its own rank or principal post (下设机构) counts (else ST104 reports it)
    count_nested_with_rank: bool | None = Field(None, json_schema_extra={"direction": "require"})


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
    messages = ("ST101.over", "ST101.under")
    slug = "body-count"
    rule = 1
    options = BodyCountOptions

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
    roles: list[str] | None = Field(None, json_schema_extra={"direction": "set"})
    # may one merged body (政法和社会事业局) satisfy two mandatory roles?  default yes
    # one body may fill several mandatory roles (a loosening when true, hence "max": True > False)
    one_body_many_roles: bool | None = Field(None, json_schema_extra={"direction": "max"})


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
    messages = ("ST102",)
    slug = "missing-mandatory-body"
    rule = 2
    options = MandatoryOptions

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
                    {"role": role, "name_zh": ctx.pack.role_label(role, "zh"), "name_en": ctx.pack.role_label(role, "en")},
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
    min: int | None = Field(None, ge=0, json_schema_extra={"direction": "min"})
    max: int | None = Field(None, ge=0, json_schema_extra={"direction": "max"})


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
    messages = ("ST103.over", "ST103.under")
    slug = "optional-bodies-out-of-range"
    rule = 2
    options = OptionalOptions

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
    messages = ("ST104",)
    slug = "nested-body-with-rank"
    rule = 1

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
