"""DOMAIN rule 6, ST4xx: the institutions that support the town merged into one service
centre, and the absorbed institutions' names and nameplates not kept."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from staffing.checks.base import Check, Doc, Options, Problem, not_provided, option
from staffing.checks.context import Context, Unit
from staffing.findings import Loc
from staffing.messages import label
from staffing.plan.names import split_second_name, strip_town
from staffing.words import Words


class SupportOptions(Options):
    one_centre: bool | None = option("require", Words("只设一个综合服务中心", "one support centre only"))
    # how many institutions may remain beside the centre, and of which kinds
    max_remaining: int | None = option("max", Words("中心之外最多保留的事业单位数", "most institutions kept beside the centre"), ge=0)
    remaining_kinds: list[Literal["support", "service", "other"]] | None = option("allow", Words("中心之外可保留的事业单位类别", "kinds of institution that may stay beside the centre"))


class SupportCentreNotMerged(Check):
    """Support institutions are not merged into one service centre.

    ## What it checks
    Where the pack requires one centre, the plan has one support centre and no other support
    institution, wherever the plan writes them.  The centre is `support_center`, the
    institution marked `support_center: true`, or an institution named 综合服务中心 written
    among the bodies or the institutions.  Every other institution is seen wherever it is
    written: under `support_institutions`, under `institutions` (of kind `support`), or
    among the bodies (with `category: institution`, or read as one from its name, such as
    文化站 or 农业服务站; it supports the town, since the plan says nothing else, and is not
    counted as a body).  The pack may also say how many institutions may remain beside the
    centre (`max_remaining`) and of which kinds (`remaining_kinds`).  Where the plan declares
    its institutions not provided, the outcome is "cannot check".

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
        "规则包要求只设一个综合服务中心时，方案应有一个综合服务中心，且不再另有支持保障类事业单位，不论写在方案的哪一部分。"
        "综合服务中心是`support_center`、标明`support_center: true`的事业单位，或写在职能机构、事业单位中名为综合服务中心的"
        "单位。其他事业单位写在哪里都要核对：`support_institutions`中的、`institutions`中`kind`为`support`的，以及写在职能机构"
        "中的事业单位（写明`category: institution`，或按名称识别，如文化站、农业服务站；方案未说明的视为支持保障类，"
        "不计入职能机构数量）。规则包还可以规定中心之外最多保留几个事业单位（`max_remaining`）及其类别"
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
        centres = ctx.centres
        if opts.one_centre and not centres:
            yield Problem("ST401.missing", {}, (), option="one_centre")
        for centre in centres[1:]:  # the first is the centre; a second is one too many
            yield Problem("ST401.two-centres", {"name": centre.name}, _centre_mark(centre),
                          trail=ctx.trail_of(centre), option="one_centre")
        # every other institution, wherever the plan wrote it: among its bodies (a body read as
        # an institution is not counted as a body, so it must be seen here), its institutions,
        # or the support institutions kept outside the centre
        remaining = ctx.institutions
        for unit in remaining:
            if unit.written == "support_institutions":
                if opts.one_centre:
                    yield Problem("ST401.separate", {"name": unit.name}, unit.loc, trail=ctx.trail_of(unit),
                                  option="one_centre")
            elif opts.one_centre and unit.institution_kind == "support":
                yield Problem("ST401.separate", {"name": unit.name}, _kind_mark(ctx, unit), trail=ctx.trail_of(unit),
                              option="one_centre")
            elif opts.remaining_kinds is not None and unit.institution_kind not in opts.remaining_kinds:
                zh, en = label(f"institution.{unit.institution_kind}")
                yield Problem("ST401.kind", {"name": unit.name, "kind": Words(zh, en)},
                              _kind_mark(ctx, unit), trail=ctx.trail_of(unit), option="remaining_kinds")
        if opts.max_remaining is not None and len(remaining) > opts.max_remaining:
            names = [u.name for u in remaining]
            yield Problem("ST401.remaining", {"count": len(remaining), "limit": opts.max_remaining, "names": names},
                          ("institutions",), trail=(label("label.institutions"),), option="max_remaining", at_key=True)


def _centre_mark(unit: Unit) -> Loc:
    """Where a unit is said to be the centre: its mark among the institutions, else its name."""
    return (*unit.loc, "support_center") if unit.kind == "centre" and unit.written == "institutions" else (*unit.loc, "name")


def _kind_mark(ctx: Context, unit: Unit) -> Loc:
    """Where an institution's kind is said: its `kind:` among the institutions; among the
    bodies its `category:` where written, else its name (read as an institution from it)."""
    if unit.written == "institutions":
        return (*unit.loc, "kind")
    if unit.written == "bodies" and ctx.plan.bodies[int(unit.loc[1])].category is not None:
        return (*unit.loc, "category")
    return (*unit.loc, "name")


class NameplateOptions(Options):
    forbid: bool | None = option("require", Words("禁止的做法", "forbidden practices"))


class OldNameplateKept(Check):
    """An absorbed institution's name or nameplate is kept.

    ## What it checks
    A name the plan says was merged into the support centre (or into another institution),
    wherever it records it (`support_center.absorbed`, an institution's `absorbed`, the
    `merged_from` of the centre written among the bodies), must not appear again as a body,
    a nameplate (written, or the second name in brackets after a body's name), a sub-unit
    or a separate institution, in either script, with or without the town's name in front
    (虹桥镇农业服务中心 is 农业服务中心).

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
        "方案写明已并入综合服务中心（或其他事业单位）的名称，不论记在哪里（`support_center.absorbed`、事业单位的`absorbed`、"
        "写在职能机构中的综合服务中心的`merged_from`），都不得再作为职能机构、加挂牌子（写明的，或机构名称后括号中的名称）、"
        "内设科室或单独的事业单位出现，简繁体均同，前面是否带乡镇名称均同（虹桥镇农业服务中心即农业服务中心）。",
        "泰州：“原有机构和牌子不再保留”（《关于推进基层整合审批服务执法力量的实施方案》）。",
        "错误示例：综合服务中心已整合农业服务中心，经济发展局却加挂农业服务中心牌子。\n"
        "    support_center: {name: 综合服务中心, absorbed: [农业服务中心]}\n"
        "    bodies:\n"
        "      - {name: 经济发展局, nameplates: [农业服务中心]}\n"
        "正确示例：去掉这块牌子。",
        "删除原有名称，其职责由综合服务中心承担。",
    )

    def run(self, ctx: Context, opts: NameplateOptions) -> Iterator[Problem]:
        if not opts.forbid:
            return
        # what was merged, wherever the plan records it: the centre's `absorbed` (written as the
        # plan's support centre or as an institution marked as the centre) and any institution's
        town = ctx.plan.town.name

        def key(name: str) -> str:  # with or without the town's name in front: 虹桥镇文体服务中心 is 文体服务中心
            return strip_town(name, town)

        absorbed = {key(n): n for u in ctx.units for n in u.absorbed}
        if not absorbed:
            return
        for unit in ctx.units:
            if unit.kind == "dispatched":
                continue  # a county department's unit, not one of the town's old ones
            if key(unit.name) in absorbed or key(split_second_name(unit.name)[0]) in absorbed:
                holder = town
                trail = ctx.trail_of(unit)
                if unit.kind == "section" and unit.parent is not None:
                    holder = ctx.plan.bodies[int(unit.parent[1])].name
                    trail = ((holder, holder),)
                yield Problem("ST402", {"name": unit.name, "holder": holder}, (*unit.loc, "name"), trail=trail,
                              option="forbid")
            for j, plate in enumerate(unit.names_carried):
                if key(plate) in absorbed:
                    at = (*unit.loc, "nameplates", j) if j < len(unit.nameplates) else (*unit.loc, "name")
                    yield Problem("ST402", {"name": plate, "holder": unit.name}, at, trail=ctx.trail_of(unit),
                                  option="forbid")
