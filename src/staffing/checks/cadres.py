"""DOMAIN rule 7: the "三超两乱" prohibitions on cadres and bodies."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from staffing.checks.base import Check, Options, Problem, cannot_check
from staffing.checks.context import Context
from staffing.findings import Severity
from staffing.messages import label
from staffing.plan.model import LeadershipPost


def _holders(ctx: Context) -> Iterator[tuple[tuple[str | int, ...], str, str | None, list[LeadershipPost]]]:
    """(loc, name, rank, posts) for every body, the support centre and every institution."""
    for i, body in enumerate(ctx.plan.bodies):
        yield ("bodies", i), body.name, body.rank, body.leadership
    if ctx.plan.support_center is not None:
        c = ctx.plan.support_center
        yield ("support_center",), c.name, None, c.leadership
    for i, inst in enumerate(ctx.plan.institutions):
        yield ("institutions", i), inst.name, None, inst.leadership


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
    messages = ("ST501",)
    slug = "leaders-over-quota"
    rule = 7

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
    messages = ("ST502",)
    slug = "leader-above-body-rank"
    rule = 7

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
    approval_document: bool | None = Field(None, json_schema_extra={"direction": "require"})


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
    messages = ("ST503", "ST503.document")
    slug = "body-above-authority"
    rule = 7
    options = AuthorityOptions

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
    messages = ("ST504", "ST504.rank")
    slug = "unapproved-title"
    rule = 7

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
