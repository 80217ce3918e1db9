"""DOMAIN rule 7: the "三超两乱" prohibitions on cadres and bodies."""

from __future__ import annotations

from collections.abc import Iterator

from staffing.checks.base import Check, Doc, Options, Problem, cannot_check, option
from staffing.checks.context import Context
from staffing.findings import Severity
from staffing.messages import label
from staffing.plan.model import LeadershipPost
from staffing.words import Words


def _holders(ctx: Context) -> Iterator[tuple[tuple[str | int, ...], str, str | None, tuple[LeadershipPost, ...]]]:
    """(loc, name, rank, posts) for every body, the support centre and every institution."""
    for unit in ctx.units_written("bodies", "support_center", "institutions"):
        yield unit.loc, unit.name, unit.rank, unit.leadership


def _team_trail() -> tuple[tuple[str, str], ...]:
    return (label("section.leadership_team"),)


def _over_quota(name: str, title: str, approved: int | None, filled: int | None, loc: tuple[str | int, ...],
                trail: tuple[tuple[str, str], ...]) -> Iterator[Problem]:
    if approved is None or filled is None:
        field = "approved" if approved is None else "filled"
        what = label(f"field.{field}")
        yield cannot_check((f"{name}{title}的{what[0]}", f"{what[1]} of {title} in {name}"), loc + (field,), trail=trail)
    elif filled > approved:
        yield Problem(
            "ST501",
            {"body": name, "title": title, "filled": filled, "approved": approved, "excess": filled - approved},
            loc + ("filled",),
            trail=trail,
        )


def _rank_index(ctx: Context, rank: str | None) -> int | None:
    return ctx.pack.rank_index(rank)


class LeadersOverQuota(Check):
    """Leaders beyond the leadership-post quota (超职数配备干部).

    ## What it checks
    For every post of the town's own leadership team (党委书记, 镇长, 副镇长 …) and every
    leadership title in every body, the support centre and every institution, the posts
    filled must not exceed the posts approved.  Where either number is unknown (`~`), the
    outcome is "cannot check" at that field.

    ## Why it matters
    "坚决治理'超职数配备干部 …'问题" (003).

    ## Example
    Bad:  - {title: 副局长, level: deputy, approved: 2, filled: 3}
    Good: - {title: 副局长, level: deputy, approved: 2, filled: 2}

    ## Fix
    Reduce the posts filled to the approved number.
    """

    code = "ST501"
    slug = "leaders-over-quota"
    rule = 7
    title = Words("超职数配备干部", "Leaders beyond the leadership-post quota (超职数配备干部)")
    messages = {
        "ST501": Words(
            "{body}的{title}实配{filled}人，超过核定职数{approved}名，多配{excess}人",
            "{body}: {filled} {title} in post, over the {approved} approved by {excess}",
        ),
    }
    doc_zh = Doc(
        "乡镇领导班子的每个职务（党委书记、镇长、副镇长等），以及每个职能机构、综合服务中心和每个事业单位的每个领导"
        "职务，实配职数不得超过核定职数。任一数字未知（`~`）时，在该处的结论为“无法检查”。",
        "“坚决治理‘超职数配备干部……’问题”（《关于深化经济发达镇行政管理体制改革工作的意见》）。",
        "错误示例：\n"
        "    - {title: 副局长, level: deputy, approved: 2, filled: 3}\n"
        "正确示例：\n"
        "    - {title: 副局长, level: deputy, approved: 2, filled: 2}",
        "把实配职数减到核定职数以内。",
    )

    def run(self, ctx: Context, opts: Options) -> Iterator[Problem]:
        town = ctx.plan.town.name
        for j, team_post in enumerate(ctx.plan.leadership_team):
            yield from _over_quota(town, team_post.title, team_post.approved, team_post.filled,
                                   ("leadership_team", j), _team_trail() + ((team_post.title, team_post.title),))
        for loc, name, _, posts in _holders(ctx):
            for j, post in enumerate(posts):
                yield from _over_quota(name, post.title, post.approved, post.filled, loc + ("leadership", j),
                                       ((name, name), label("label.leadership-posts"), (post.title, post.title)))


class LeaderAboveBodyRank(Check):
    """A leader's rank is above the body's rank (超机构规格提拔干部).

    ## What it checks
    A leadership post's `rank` must not be higher than its body's `rank`, on the
    pack's rank ladder (办事员 < 科员 < 股级 < 副科 < 正科 < 副处 < 正处; 副科级 is 副科,
    either script); a post of the town's own leadership team must not be higher than
    the town's `rank`.  A civil-service grade (职级, 一级主任科员 …) is a ladder of its
    own (职务与职级并行) and is not compared with the body's rank.

    ## Why it matters
    "坚决治理'… 超机构规格提拔干部 …'问题" (003).

    ## Example
    Bad:  a 副科 body whose 局长 is 正科.
    Good: the 局长 is 副科.

    ## Fix
    Keep the post at the body's rank, or have the body's rank approved first.
    """

    code = "ST502"
    slug = "leader-above-body-rank"
    rule = 7
    title = Words("超机构规格提拔干部", "A leader's rank is above the body's rank (超机构规格提拔干部)")
    messages = {
        "ST502": Words(
            "{body}的{title}职级为{rank}，高于机构规格{body_rank}",
            "{body}: the {title} is ranked {rank}, above the body's rank {body_rank}",
        ),
    }
    doc_zh = Doc(
        "领导职务的`rank`（规格）不得高于所在机构的`rank`，按规则包的规格序列比较（办事员＜科员＜股级＜副科＜正科＜"
        "副处＜正处；副科级即副科，简繁体均可）；乡镇领导班子的职务不得高于乡镇的`rank`。公务员职级（一级主任科员等）"
        "自成序列（职务与职级并行），不与机构规格比较。",
        "“坚决治理‘……超机构规格提拔干部……’问题”（《关于深化经济发达镇行政管理体制改革工作的意见》）。",
        "错误示例：副科级机构的局长为正科。\n"
        "正确示例：该局长为副科。",
        "职务规格与机构规格保持一致，或先报批提高机构规格。",
    )

    def run(self, ctx: Context, opts: Options) -> Iterator[Problem]:
        town = ctx.plan.town
        town_rank = _rank_index(ctx, town.rank)
        if town_rank is not None:
            for j, team_post in enumerate(ctx.plan.leadership_team):
                post_rank = _rank_index(ctx, team_post.rank)
                if post_rank is not None and post_rank > town_rank:
                    yield Problem("ST502", {"body": town.name, "title": team_post.title, "rank": team_post.rank,
                                            "body_rank": town.rank},
                                  ("leadership_team", j, "rank"), trail=_team_trail() + ((team_post.title, team_post.title),))
        for loc, name, rank, posts in _holders(ctx):
            body_rank = _rank_index(ctx, rank)
            if body_rank is None:
                continue
            for j, post in enumerate(posts):
                post_rank = _rank_index(ctx, post.rank)
                if post_rank is not None and post_rank > body_rank:
                    yield Problem(
                        "ST502",
                        {"body": name, "title": post.title, "rank": post.rank, "body_rank": rank},
                        loc + ("leadership", j, "rank"),
                        trail=((name, name), (post.title, post.title)),
                    )


class AuthorityOptions(Options):
    # every body records the document that approved it (批复文号)
    approval_document: bool | None = option("require", Words("机构须写明批准文件", "each body records its approval document"))


class BodyAboveAuthority(Check):
    """A body is ranked at or above the town itself (超审批权限设置机构).

    ## What it checks
    超审批权限设置机构 is a body set up without, or beyond, the approving authority.  Two
    tests: a body's `rank` must be lower than the town's `rank` on the pack's rank
    ladder (a town cannot set up a body of its own rank or higher: a proxy, marked
    inferred in the packs); and, where the pack asks (`approval_document`), every body
    records the document that approved it (`approval_document`).

    ## Why it matters
    "坚决治理'… 超审批权限设置机构 …'问题" (003).

    ## Example
    Bad:  a 正科 town with a 正科 经济发展局.
    Good: the bureau is 副科 (or 股级).

    ## Fix
    Lower the body's rank, or obtain approval from the authority that may grant it.
    """

    code = "ST503"
    slug = "body-above-authority"
    rule = 7
    options = AuthorityOptions
    title = Words("超审批权限设置机构", "A body is ranked at or above the town itself (超审批权限设置机构)")
    messages = {
        "ST503": Words(
            "{body}规格为{rank}，不低于乡镇本身的规格{town_rank}，超出审批权限",
            "{body} is ranked {rank}, not below the town's own rank {town_rank}: beyond the approval authority",
        ),
        "ST503.document": Words(
            "{body}没有记录批准设立的文件（批复文号），无法确认是否在审批权限内设置",
            "{body} records no document approving it, so it cannot be shown to be set up within the approving authority",
        ),
    }
    doc_zh = Doc(
        "超审批权限设置机构，是指未经或超出审批机关权限设置机构。检查两项：机构的`rank`须低于乡镇的`rank`（乡镇不能"
        "设置与自身同级或更高规格的机构；这是一种近似判断，规则包中注明为推断）；规则包要求时（`approval_document`），"
        "每个机构都要写明批准设立的文件（`approval_document`）。",
        "“坚决治理‘……超审批权限设置机构……’问题”（《关于深化经济发达镇行政管理体制改革工作的意见》）。",
        "错误示例：正科级的镇设置正科级的经济发展局。\n"
        "正确示例：该局为副科级（或股级）。",
        "降低机构规格，或报有权审批的机关批准。",
    )

    def run(self, ctx: Context, opts: AuthorityOptions) -> Iterator[Problem]:
        if opts.approval_document:
            for i, body in enumerate(ctx.plan.bodies):
                if not (body.approval_document or "").strip():
                    yield Problem("ST503.document", {"body": body.name}, ("bodies", i), trail=((body.name, body.name),),
                                  option="approval_document")
        town_rank = _rank_index(ctx, ctx.plan.town.rank)
        if town_rank is None:
            return
        for i, body in enumerate(ctx.plan.bodies):
            body_rank = _rank_index(ctx, body.rank)
            if body_rank is not None and body_rank >= town_rank:
                yield Problem(
                    "ST503",
                    {"body": body.name, "rank": body.rank, "town_rank": ctx.plan.town.rank},
                    ("bodies", i, "rank"),
                    trail=((body.name, body.name),),
                )


class UnapprovedTitle(Check):
    """A leadership title is not an approved one (擅自设置职务名称), or a rank is unknown.

    ## What it checks
    Every leadership `title` must be one of the pack's titles for its level
    (principal / deputy), in either script (局長 is 局长).  A body's titles are those of
    its leaders: 经理 (an enterprise's) and 书记 (a Party post) are not.  A rank the pack
    does not know (neither a body rank such as 副科 / 副科级 nor a civil-service grade
    such as 一级主任科员) is a warning that asks what it means, not an error.

    ## Why it matters
    "坚决治理'… 擅自提高干部职级待遇、擅自设置职务名称'问题" (003).

    ## Example
    Bad:  - {title: 常务副局长, level: deputy, approved: 1}
    Good: - {title: 副局长, level: deputy, approved: 1}

    ## Fix
    Use an approved title; name the duties in the body's `duties` instead.
    """

    code = "ST504"
    slug = "unapproved-title"
    rule = 7
    title = Words("擅自设置职务名称或职级", "A leadership title is not an approved one (擅自设置职务名称), or a rank is unknown")
    messages = {
        "ST504": Words(
            "{body}的职务名称“{title}”不是核定的职务名称（可用：{allowed}）",
            "{body}: the title “{title}” is not an approved title (allowed: {allowed})",
        ),
        "ST504.rank": Words(
            "“{rank}”既不是规则包认识的机构规格（{known}），也不是公务员职级（{grades}）：请核实其含义，是否为批准的规格或职级",
            "“{rank}” is neither a body rank the pack knows ({known}) nor a civil-service grade ({grades}): please say what "
            "it means and whether it was approved",
        ),
    }
    doc_zh = Doc(
        "每个领导职务的`title`（职务名称）都必须是规则包中该层级（正职、副职）的职务名称之一，简繁体均可（局長即局长）。"
        "机构领导的职务名称只能是机构的职务名称：经理（企业职务）和书记（党内职务）都不是。规则包不认识的规格（既不是"
        "副科、副科级这样的机构规格，也不是一级主任科员这样的公务员职级）给出警告，请写明其含义，不作为错误。",
        "“坚决治理‘……擅自提高干部职级待遇、擅自设置职务名称’问题”（《关于深化经济发达镇行政管理体制改革工作的意见》）。",
        "错误示例：\n"
        "    - {title: 常务副局长, level: deputy, approved: 1}\n"
        "正确示例：\n"
        "    - {title: 副局长, level: deputy, approved: 1}",
        "使用规定的职务名称；具体分工写在机构的`duties`中。",
    )

    def run(self, ctx: Context, opts: Options) -> Iterator[Problem]:
        pack = ctx.pack

        def unknown(rank: str | None, post: bool) -> bool:
            if not rank or not pack.ranks:
                return False
            return pack.rank_index(rank) is None and not (post and pack.is_post_rank(rank))

        def ask(rank: str, loc: tuple[str | int, ...], trail: tuple[tuple[str, str], ...] = ()) -> Problem:
            return Problem("ST504.rank", {"rank": rank, "known": pack.ranks, "grades": pack.post_ranks}, loc,
                           trail=trail, severity=Severity.WARNING)

        if unknown(ctx.plan.town.rank, post=False):
            yield ask(str(ctx.plan.town.rank), ("town", "rank"))
        for i, body in enumerate(ctx.plan.bodies):
            if unknown(body.rank, post=False):
                yield ask(str(body.rank), ("bodies", i, "rank"), ((body.name, body.name),))
        for loc, name, _, posts in _holders(ctx):
            for j, post in enumerate(posts):
                if pack.title_allowed(post.level, post.title) is False:
                    yield Problem(
                        "ST504",
                        {"body": name, "title": post.title, "allowed": pack.titles.get(post.level, [])},
                        loc + ("leadership", j, "title"),
                        trail=((name, name), (post.title, post.title)),
                    )
                if unknown(post.rank, post=True):
                    yield ask(str(post.rank), loc + ("leadership", j, "rank"), ((name, name), (post.title, post.title)))
