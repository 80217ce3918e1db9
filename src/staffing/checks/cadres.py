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
    """(loc, name, rank, posts) for every unit with leaders, wherever the plan wrote it: every
    body, the support centre, every institution, the support institutions kept outside it."""
    for unit in ctx.units:
        if unit.kind in ("body", "centre", "institution"):
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
                approved, filled = post.approved, post.filled
                if approved is not None and filled is not None and filled <= approved:
                    continue  # within its quota: nothing to say, nor a trail to build
                yield from _over_quota(name, post.title, approved, filled, loc + ("leadership", j),
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
        rank_index = ctx.pack.rank_index
        town_rank = rank_index(town.rank)
        if town_rank is not None:
            for j, team_post in enumerate(ctx.plan.leadership_team):
                post_rank = rank_index(team_post.rank)
                if post_rank is not None and post_rank > town_rank:
                    yield Problem("ST502", {"body": town.name, "title": team_post.title, "rank": team_post.rank,
                                            "body_rank": town.rank},
                                  ("leadership_team", j, "rank"), trail=_team_trail() + ((team_post.title, team_post.title),))
        for loc, name, rank, posts in _holders(ctx):
            body_rank = rank_index(rank)
            if body_rank is None:
                continue
            for j, post in enumerate(posts):
                post_rank = rank_index(post.rank)
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
        rank_index = ctx.pack.rank_index
        town_rank = rank_index(ctx.plan.town.rank)
        if town_rank is None:
            return
        for i, body in enumerate(ctx.plan.bodies):
            body_rank = rank_index(body.rank)
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
    its leaders: 经理 (an enterprise's) and 书记 (a Party post) are not.  Every post of the
    town's own leadership team (`leadership_team`) must be one of the pack's team posts
    (党委书记, 镇长, 副镇长, 人大主席 …): 镇长助理 is not a post of the team.  A rank the pack
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
        "ST504.team": Words(
            "乡镇领导班子的职务“{title}”不是领导班子的职务（可用：{allowed}）",
            "the leadership-team post “{title}” is not a post of a town's leadership team (allowed: {allowed})",
        ),
        "ST504.rank": Words(
            "“{rank}”既不是规则包认识的机构规格（{known}），也不是公务员职级（{grades}）：请核实其含义，是否为批准的规格或职级",
            "“{rank}” is neither a body rank the pack knows ({known}) nor a civil-service grade ({grades}): please say what "
            "it means and whether it was approved",
        ),
    }
    doc_zh = Doc(
        "每个领导职务的`title`（职务名称）都必须是规则包中该层级（正职、副职）的职务名称之一，简繁体均可（局長即局长）。"
        "机构领导的职务名称只能是机构的职务名称：经理（企业职务）和书记（党内职务）都不是。乡镇领导班子（`leadership_team`）的"
        "每个职务都必须是规则包列出的领导班子职务（党委书记、镇长、副镇长、人大主席等）：镇长助理不是领导班子的职务。规则包不认识的规格（既不是"
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
        # the town's own leadership team: its posts are the team's (镇长助理 is none), its ranks known
        for j, team_post in enumerate(ctx.plan.leadership_team):
            trail = _team_trail() + ((team_post.title, team_post.title),)
            if pack.title_allowed("team", team_post.title) is False:
                yield Problem("ST504.team", {"title": team_post.title, "allowed": pack.titles.get("team", [])},
                              ("leadership_team", j, "title"), trail=trail)
            if unknown(team_post.rank, post=True):
                yield ask(str(team_post.rank), ("leadership_team", j, "rank"), trail)
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


class GradeAboveRank(Check):
    """A civil-service grade above the rank its body or town carries (擅自提高干部职级待遇).

    ## What it checks
    A leader's `rank` that is a civil-service grade (职级: 一级主任科员, 四级调研员 …)
    corresponds to a body rank (the pack's `post_rank_equivalents`: 一级、二级主任科员 a
    正科 post, 三级、四级 a 副科 one …).  Where that rank is above the rank of the leader's
    body, or above the town's own rank (for every leader, and for the town's leadership
    team), the grade needs an approval the plan does not record: a warning that asks for it.
    Grades run on a ladder of their own (职务与职级并行), so this is no error by itself.

    ## Why it matters
    "坚决治理'… 擅自提高干部职级待遇 …'问题" (003): a grade beyond what a town's posts carry
    raises a cadre's treatment without the approving authority.

    ## Example
    Bad:  a 副科 body whose 局长 is 一级主任科员 (a 正科 grade) with no approval recorded.
    Good: the 局长 is 三级主任科员 (a 副科 grade), or the approval is recorded and waived.

    ## Fix
    Record the approval of the grade (and waive the finding with its document), or correct it.
    """

    code = "ST505"
    slug = "grade-above-rank"
    rule = 7
    severity = Severity.WARNING
    title = Words("擅自提高干部职级待遇", "A grade above the rank its body or town carries (擅自提高干部职级待遇)")
    messages = {
        "ST505": Words(
            "{body}的{title}职级为{grade}（相当于{equivalent}），高于{holder}的规格{rank}：请写明批准文件，未经批准即属擅自提高干部职级待遇",
            "{body}: the {title} holds the grade {grade} (a {equivalent} grade), above the rank {rank} of {holder}: record "
            "its approval; without one it raises a cadre's treatment beyond authority",
        ),
    }
    doc_zh = Doc(
        "领导职务的`rank`为公务员职级（一级主任科员、四级调研员等）时，该职级相当于某一机构规格（规则包的`post_rank_equivalents`："
        "一级、二级主任科员相当于正科，三级、四级主任科员相当于副科等）。相当的规格高于该领导所在机构的规格，或高于乡镇本身的规格"
        "（所有领导，以及乡镇领导班子）时，该职级须经批准，而方案没有记录：给出警告，请写明批准文件。职级自成序列（职务与职级"
        "并行），本身不是错误。",
        "“坚决治理‘……擅自提高干部职级待遇……’问题”（《关于深化经济发达镇行政管理体制改革工作的意见》）：超出乡镇职务所能"
        "承载的职级，未经审批机关批准就提高了干部待遇。",
        "错误示例：副科级机构的局长职级为一级主任科员（相当于正科），没有记录批准文件。\n"
        "正确示例：该局长职级为三级主任科员（相当于副科），或记录批准文件并豁免本结论。",
        "写明该职级的批准文件（并以该文件豁免本结论），或改正职级。",
    )

    def run(self, ctx: Context, opts: Options) -> Iterator[Problem]:
        pack, town = ctx.pack, ctx.plan.town
        town_rank = pack.rank_index(town.rank)

        def above(grade: str | None, rank: str | None) -> tuple[str, str] | None:
            """The grade's rank where it is above `rank` (both on the ladder)."""
            if not grade or not pack.is_post_rank(grade):
                return None  # a body rank, or none: not a grade
            equivalent = pack.grade_equivalent(grade)
            at, of = pack.rank_index(equivalent), pack.rank_index(rank)
            return (str(grade), str(equivalent)) if equivalent and at is not None and of is not None and at > of else None

        for j, team_post in enumerate(ctx.plan.leadership_team):
            found = above(team_post.rank, town.rank)
            if found:
                yield Problem("ST505", {"body": town.name, "title": team_post.title, "grade": found[0], "equivalent": found[1],
                                        "holder": town.name, "rank": town.rank},
                              ("leadership_team", j, "rank"), trail=_team_trail() + ((team_post.title, team_post.title),))
        for loc, name, rank, posts in _holders(ctx):
            # a body ranked at or above the town itself is ST503's: its leaders are held to the town
            own = pack.rank_index(rank)
            ceiling, holder = (rank, name) if own is not None and (town_rank is None or own <= town_rank) else (town.rank, town.name)
            for j, post in enumerate(posts):
                found = above(post.rank, ceiling)
                if found:
                    yield Problem("ST505", {"body": name, "title": post.title, "grade": found[0], "equivalent": found[1],
                                            "holder": holder, "rank": ceiling},
                                  loc + ("leadership", j, "rank"), trail=((name, name), (post.title, post.title)))
