"""DOMAIN rules 1 and 2: how many functional bodies, and which."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import Field

from staffing.checks.base import Check, Options, Problem
from staffing.messages import label
from staffing.plan.context import Context

_BODIES = (label("label.functional-bodies"),)


class BodyCountOptions(Options):
    min: int | None = Field(None, ge=0, json_schema_extra={"direction": "min"})
    max: int | None = Field(None, ge=0, json_schema_extra={"direction": "max"})


class BodyCount(Check):
    """Too many (or too few) functional bodies.

    ## What it checks
    Counts the town's functional bodies (职能机构) and compares the count with the pack's
    range.  Only bodies directly under the town count.  Extra nameplates (加挂牌子),
    sub-units (科室、中队), dispatched units (派驻机构), the support service centre
    (综合服务中心) and a development-zone body run by the town's own leadership
    (一套班子、两块牌子) are not bodies and are not counted.

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


class MissingMandatoryBody(Check):
    """A mandatory body is missing.

    ## What it checks
    Each role the pack lists as mandatory (必设机构) must be carried by one of the
    counted bodies, by its role, its name, or one of its extra nameplates (names are
    matched in simplified or traditional script, with or without the town's name).

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

    def run(self, ctx: Context, opts: MandatoryOptions) -> Iterator[Problem]:
        if not opts.roles:
            return
        carried: set[str] = set()
        for i in ctx.counted:
            carried |= ctx.roles_carried(i)
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
    slug = "optional-bodies-out-of-range"
    rule = 2
    options = OptionalOptions

    def run(self, ctx: Context, opts: OptionalOptions) -> Iterator[Problem]:
        mandatory = ctx.pack.mandatory_roles
        if not mandatory:
            return
        optional = [ctx.plan.bodies[i].name for i in ctx.counted if ctx.role_of(i) not in mandatory]
        n = len(optional)
        if opts.max is not None and n > opts.max:
            yield Problem("ST103.over", {"count": n, "limit": opts.max, "names": optional}, ("bodies",), trail=_BODIES, option="max", at_key=True)
        if opts.min is not None and n < opts.min:
            yield Problem("ST103.under", {"count": n, "limit": opts.min, "names": optional}, ("bodies",), trail=_BODIES, option="min", at_key=True)
