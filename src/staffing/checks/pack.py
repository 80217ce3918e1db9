"""A rule pack as data: its parameters, each with the seed and phrase it rests on, and the
vocabulary (roles, ranks, titles) the checks use.  Loading, merging and resolving packs is
`staffing.packs.load`; this module holds only what the checks read, so the checks need not
know how packs are loaded."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel

from staffing.findings import Severity
from staffing.plan.names import normalize, simplified
from staffing.words import Words

T = TypeVar("T")

# answers a pack remembers to each question the checks ask of it (see `Pack.remember`)
ANSWERS_KEPT = 4096


class CheckRef(Protocol):
    """What a pack needs of a check (a check class of `staffing.checks`): its slug and
    its options model.  A protocol, so that packs need not import the checks."""

    @property
    def slug(self) -> str: ...

    @property
    def options(self) -> type[BaseModel]: ...


SHIPPED = "shipped"


@dataclass(frozen=True)
class Param:
    value: Any
    source: str | None
    inferred: bool
    file: str
    line: int
    column: int


@dataclass(frozen=True)
class Loosening:
    slug: str
    option: str
    parent_pack: str
    parent_value: Any
    value: Any
    file: str
    line: int
    column: int


@dataclass
class CheckSetting:
    enabled: bool = True
    severity: Severity | None = None
    params: dict[str, Param] = field(default_factory=dict)
    # where `enabled` and `severity` were set: option → (file, line, column)
    marks: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    # the source of a check as a whole (a check without options, such as ST501, still rests
    # on a policy sentence); an option's own source wins
    source: str | None = None
    inferred: bool = False
    # the packs of the chain that name this check, root first: a finding binds where one of
    # them covers the plan (ST802)
    declared: list[str] = field(default_factory=list)


# the places a pack's jurisdiction may name, from the widest
PLACES = ("province", "city", "county", "town")
# the endings a place's name may be written with or without (江苏 / 江苏省, 乐平 / 乐平市)
PLACE_ENDINGS = ("街道", "省", "市", "县", "区", "镇", "乡")


def place_name(name: str) -> str:
    """A place's name without its ending (靖江市 → 靖江), normalized."""
    key = normalize(name)
    for ending in PLACE_ENDINGS:
        if key.endswith(ending) and len(key) > len(ending):
            return key[: -len(ending)]
    return key


@dataclass(frozen=True)
class Scope:
    """Which units one pack of a chain covers: the kinds of unit (`applies_to`), whether it is
    for developed towns only (`requires`), and its place (`jurisdiction`: province, city,
    county, town, each where the pack names it), as that pack says or inherits them."""

    pack: str
    title: dict[str, str]
    applies_to: tuple[str, ...]
    developed_only: bool
    place: dict[str, str]

    def outside(self, town: Any) -> str | None:
        """The field of the unit's place (province, city, county, name) that lies outside the
        pack's jurisdiction, the widest first; None when it lies within (a place the pack does
        not name is any)."""
        for level in PLACES:
            if level in self.place:
                field = level if level != "town" else "name"
                if place_name(getattr(town, field)) != place_name(self.place[level]):
                    return field
        return None

    def covers_place(self, town: Any) -> bool:
        """The unit lies within the pack's jurisdiction."""
        return self.outside(town) is None

    def covers(self, town: Any) -> bool:
        """The pack binds this unit: of a kind it applies to, a developed town where it is for
        those only, and within its jurisdiction."""
        return ((not self.applies_to or town.unit_type in self.applies_to)
                and (not self.developed_only or bool(town.developed_town))
                and self.covers_place(town))


@dataclass
class Pack:
    id: str
    title: dict[str, str]
    jurisdiction: dict[str, str]
    effective: _dt.date | None
    extends: str | None
    applies_to: list[str]
    # what the pack infers rather than quotes ({zh, en} notes); each note also records the
    # pack that wrote it ("pack"), so a child shows its own notes apart from those it inherits
    inferred: list[dict[str, str]]
    roles: dict[str, dict[str, Any]]
    ranks: list[str]
    titles: dict[str, list[str]]
    checks: dict[str, CheckSetting]
    file: str
    chain: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # every file of the extends chain, root first
    loosened: list[Loosening] = field(default_factory=list)
    # where the pack came from: SHIPPED, a pack folder named by the configuration or
    # --packs, or the file named by --rules
    origin: str = SHIPPED
    post_ranks: list[str] = field(default_factory=list)  # civil-service grades (职级), a ladder apart
    # the words a post's name may use for a domain of the command centre (城管 for 城市管理 …)
    domain_words: dict[str, list[str]] = field(default_factory=dict)
    # the body rank each civil-service grade corresponds to (一级主任科员: 正科 …)
    post_rank_equivalents: dict[str, str] = field(default_factory=dict)
    # the lowest rank of a body in its own right (下设机构; below it, a section of its body)
    body_rank_from: str | None = None
    effective_source: str | None = None  # seed and quote the effective date rests on
    effective_inferred: bool = False
    # why the date is what it is ({zh, en}), where it is inferred: travels with the date, so a
    # child that keeps its parent's date keeps the reason and one with its own date has its own
    effective_note: dict[str, str] = field(default_factory=dict)
    # unit facts the pack is for beyond applies_to (e.g. developed_town: true), with a source
    requires: dict[str, Param] = field(default_factory=dict)
    document: str | None = None  # the seed file of the pack's own policy document
    documents: dict[str, dict[str, str]] = field(default_factory=dict)  # seed → {"zh", "en"} title
    _role_index: dict[str, str] = field(default_factory=dict)
    # how a reviewer reads names: category → {zh, en, keywords, patterns}
    categories: dict[str, dict[str, Any]] = field(default_factory=dict)
    # the seed and quote the pack's jurisdiction and unit types rest on (ST802 cites them)
    jurisdiction_source: str | None = None
    applies_source: str | None = None
    # the scope of every pack of the chain, by id (a child's own, or what it inherits)
    scopes: dict[str, Scope] = field(default_factory=dict)
    # how a reviewer reads other names ({zh, en, keywords, patterns} by what they say): the
    # one support centre written among the bodies, a section or squad that enforces …
    recognition: dict[str, dict[str, Any]] = field(default_factory=dict)
    # per-process memo of derived values (validated options, the checks a run uses);
    # a pack is not changed after `resolve` builds it
    _memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def scope(self) -> Scope:
        """The pack's own scope (its units and its place)."""
        return self.scopes.get(self.id) or Scope(self.id, self.title, tuple(self.applies_to),
                                                 bool(self.requires.get("developed_town") and self.requires["developed_town"].value),
                                                 {k: v for k, v in self.jurisdiction.items() if k in PLACES})

    def binds(self, slug: str, option: str | None, town: Any) -> bool:
        """A finding of check `slug` (citing `option`) binds the unit: the pack of the chain that
        set that option covers it, or, for a finding without one, a pack that names the check
        does.  Where the pack a plan names does not cover it (ST802), only these bind."""
        setting = self.checks.get(slug)
        if setting is None:
            return True
        if option and option in setting.params:
            owner = self.pack_of_file(setting.params[option].file)
            scope = self.scopes.get(owner) if owner else None
            return scope is None or scope.covers(town)
        scopes = [self.scopes[p] for p in setting.declared if p in self.scopes]
        return not scopes or any(sc.covers(town) for sc in scopes)

    def covering(self, town: Any) -> str | None:
        """The id of the nearest pack of the `extends` chain, this one first, whose scope covers
        the unit (its kind, developed town or not, its place), or None where none does: where the
        pack a plan names does not cover it (ST802), that pack's rules are the ones that bind."""
        for pack_id in reversed(self.chain or [self.id]):
            scope = self.scope if pack_id == self.id else self.scopes.get(pack_id)
            if scope is not None and scope.covers(town):
                return pack_id
        return None

    def pack_of_file(self, file: str) -> str | None:
        """The id of the pack of the chain written in `file`."""
        for pack_id, path in zip(self.chain, self.files, strict=False):
            if path == file:
                return pack_id
        return None

    def role_for_name(self, name: str) -> str | None:
        """The role a name is exactly (its label or an alias, either script)."""
        if not self._role_index:
            for role, info in self.roles.items():
                for alias in [info.get("zh", ""), *info.get("aliases", [])]:
                    if alias:
                        self._role_index.setdefault(normalize(alias), role)
        return self._role_index.get(normalize(name))

    def role_value(self, value: str) -> str | None:
        """A `role:` as written in a plan: a role id, its Chinese label or alias, or words
        that name one role and no other (农业农村, 党建: what a reviewer reads in a name)."""
        if value in self.roles:
            return value
        exact = self.role_for_name(value)
        if exact is not None:
            return exact
        found = {role for role, _ in self.roles_recognised(value)}
        return found.pop() if len(found) == 1 else None

    def roles_recognised(self, name: str) -> list[tuple[str, str]]:
        """Roles a reviewer reads in a name, in the order they appear in it, each with the
        words of the name that matched: 政法和社会事业局 → public_security_governance (政法),
        social_affairs (社会事业).  Names and rules are compared in simplified script."""
        return list(self.remember("roles_recognised", name, self._roles_recognised))

    def _roles_recognised(self, name: str) -> tuple[tuple[str, str], ...]:
        return tuple(_recognise(self._rules("roles", self.roles), normalize(name)))

    def roles_read(self, name: str) -> tuple[str, ...]:
        """Every role a name (in normal form, the town's dropped) is read as: the role it is
        exactly, else each role a reviewer reads in it (`other` left out); remembered, for the
        names of units and nameplates every plan repeats."""
        return self.remember("roles_read", name, self._roles_read)

    def _roles_read(self, name: str) -> tuple[str, ...]:
        exact = self.role_for_name(name)
        if exact is not None:
            return (exact,)
        return tuple(r for r, _ in self.roles_recognised(name) if r != "other")

    def category_recognised(self, name: str) -> tuple[str, str] | None:
        """The category (other than functional) a name says, with the keyword that matched."""
        return self.remember("category_recognised", name, self._category_recognised)

    def _category_recognised(self, name: str) -> tuple[str, str] | None:
        found = _recognise(self._rules("categories", self.categories), normalize(name))
        return found[0] if found else None

    def _rules(self, what: str, table: dict[str, dict[str, Any]]) -> list[tuple[str, str, re.Pattern[str]]]:
        key = ("rules", what)
        rules = self._memo.get(key)
        if rules is None:
            rules = []
            for item, info in table.items():
                for word in info.get("keywords", []) or []:
                    rules.append((item, str(word), re.compile(re.escape(normalize(str(word))))))
                for pattern in info.get("patterns", []) or []:
                    rules.append((item, str(pattern), re.compile(normalize(str(pattern)))))
            self._memo[key] = rules
        return rules

    def recognised(self, what: str, name: str) -> str | None:
        """The words of `name` that say it is `what` (a key of the pack's `recognition`:
        support_centre, enforcement_unit …), or None."""
        if not self.recognition.get(what):
            return None
        return self.remember("recognised", (what, name), self._recognised)

    def _recognised(self, asked: tuple[str, str]) -> str | None:
        what, name = asked
        found = _recognise(self._rules(f"recognition.{what}", {what: self.recognition[what]}), normalize(name))
        return found[0][1] if found else None

    def counted_categories(self) -> frozenset[str]:
        """Categories of body that count toward the body limit (default: functional only)."""
        setting = self.checks.get("body-count")
        if setting and "categories" in setting.params and setting.params["categories"].value:
            return frozenset(setting.params["categories"].value)
        return frozenset({"functional"})

    def count_nested_with_rank(self) -> bool:
        setting = self.checks.get("body-count")
        return bool(setting and "count_nested_with_rank" in setting.params and setting.params["count_nested_with_rank"].value)

    def remember(self, question: str, value: Any, work: Callable[[Any], T]) -> T:
        """`work(value)`, remembered for this pack: the checks ask the same few questions of
        every plan (the place of 副科 on the ladder, whether 局长 is an approved title), and
        normalizing the words each time was a tenth of the checks' time.  At most
        `ANSWERS_KEPT` answers a question (the words come from the plans)."""
        answers = self._memo.get(question)
        if answers is None:
            answers = self._memo[question] = {}
        try:
            found: T = answers[value]
            return found
        except KeyError:
            found = work(value)
            if len(answers) < ANSWERS_KEPT:
                answers[value] = found
            return found

    def rank_index(self, rank: str | None) -> int | None:
        """A body rank's place on the ladder: either script, 副科级 read as 副科."""
        if rank is None:
            return None
        return self.remember("rank_index", rank, self._rank_index)

    def _rank_index(self, rank: str) -> int | None:
        ladder = self._memo.get("ranks")
        if ladder is None:
            ladder = self._memo["ranks"] = {normalize(r): i for i, r in enumerate(self.ranks)}
        key = normalize(rank)
        if key not in ladder and key.endswith("级") and key[:-1] in ladder:
            key = key[:-1]
        return ladder.get(key)

    def ranks_a_body(self, rank: str | None) -> bool:
        """A unit's rank makes it a body in its own right (a 科级 rank, `body_rank_from` and up):
        a 股级 unit is a section.  A rank the ladder does not know cannot be shown to be below
        it, so it does; without `body_rank_from` any rank does."""
        if rank is None:
            return False
        index = self.rank_index(rank)
        floor = self.rank_index(self.body_rank_from)
        return index is None or floor is None or index >= floor

    def grade_equivalent(self, grade: str | None) -> str | None:
        """The body rank a civil-service grade corresponds to (either script), or None."""
        if not grade:
            return None
        return self.remember("grade_equivalent", grade, self._grade_equivalent)

    def _grade_equivalent(self, grade: str) -> str | None:
        key = normalize(grade)
        return next((rank for g, rank in self.post_rank_equivalents.items() if normalize(g) == key), None)

    def is_post_rank(self, rank: str) -> bool:
        """A civil-service grade (职级, e.g. 一级主任科员): a ladder of its own."""
        return self.remember("is_post_rank", rank, self._is_post_rank)

    def _is_post_rank(self, rank: str) -> bool:
        grades = self._memo.get("post_ranks")
        if grades is None:
            grades = self._memo["post_ranks"] = {normalize(r) for r in self.post_ranks}
        return normalize(rank) in grades

    def title_allowed(self, level: str, title: str) -> bool | None:
        """Whether a leadership title is approved for its level (either script); None when
        the pack lists no titles for the level."""
        allowed = self.titles.get(level)
        if not allowed:
            return None
        return self.remember("title_allowed", (level, title), self._title_allowed)

    def _title_allowed(self, asked: tuple[str, str]) -> bool:
        level, title = asked
        return normalize(title) in {normalize(t) for t in self.titles.get(level, ())}

    def document_title(self, seed: str | None, lang: str) -> str | None:
        """The title of the policy document kept in `seed`, or None when the pack does not
        name it."""
        entry = self.documents.get(seed or "")
        return (entry.get(lang) or entry.get("zh")) if entry else None

    def role_label(self, role: str, lang: str) -> str:
        info = self.roles.get(role, {})
        return str(info.get(lang) or info.get("zh") or role)

    @property
    def mandatory_roles(self) -> frozenset[str]:
        setting = self.checks.get("missing-mandatory-body")
        if setting and setting.enabled and "roles" in setting.params:
            return frozenset(setting.params["roles"].value or ())
        return frozenset()

    def setting(self, check: CheckRef) -> CheckSetting | None:
        return self.checks.get(check.slug)

    def options(self, check: CheckRef) -> Any:
        """The check's options, validated once per pack (options models are frozen)."""
        key = ("options", check)
        opts = self._memo.get(key)
        if opts is None:
            setting = self.checks.get(check.slug)
            values = {k: p.value for k, p in (setting.params.items() if setting else ())}
            opts = self._memo[key] = check.options.model_validate(values)
        return opts

    def source(self, slug: str, option: str | None) -> str | None:
        """The seed file and quote a finding rests on ("seed: “quote”"): JSON keeps it."""
        setting = self.checks.get(slug)
        if setting is None:
            return None
        params = [setting.params[option]] if option and option in setting.params else list(setting.params.values())
        if setting.source and not (option and option in setting.params):
            return setting.source + (" (inferred)" if setting.inferred else "")
        for p in params:
            if p.source:
                return p.source + (" (inferred)" if p.inferred else "")
        if setting.source:
            return setting.source + (" (inferred)" if setting.inferred else "")
        return None

    def cited(self, source: str | None) -> Words | None:
        """`citation` in both languages, or None where the source cannot be cited; worked out
        once per source (a pack's findings cite a few sources, plan after plan)."""
        return self.remember("cited", source, self._cited)

    def _cited(self, source: str | None) -> Words | None:
        zh = self.citation(source, "zh")
        en = self.citation(source, "en")
        return Words(zh, en) if zh is not None and en is not None else None

    def citation(self, source: str | None, lang: str) -> str | None:
        """A source ("seed: “quote”", maybe " (inferred)") as a reviewer cites it: the
        document by its title, then the quote in simplified script (《关于……的意见》：“……”),
        marked where the pack infers rather than quotes.  The seed file and the quote as the
        seed writes it stay in `source`, for machines and for the test that it is there."""
        from staffing.messages import render, text

        if not source:
            return None
        inferred = source.endswith(" (inferred)")
        body = source[: -len(" (inferred)")] if inferred else source
        m = re.match(r"^(\S+): “(.*)”$", body, re.S)
        if m is None:
            return None
        title = self.document_title(m.group(1), lang) or m.group(1)
        # shown in simplified script, full-width punctuation; `source` keeps the seed's own text
        out = render("report.citation", lang, {"document": title, "quote": shown_quote(m.group(2))})
        return out + (text("report.inferred", lang) if inferred else "")


def shown_quote(quote: str) -> str:
    """A seed's quote as a reviewer reads it inside “”: simplified script, full-width
    punctuation next to Chinese, its own quotation marks made single."""
    from staffing.messages import full_width

    return _inner(full_width(simplified(quote)))


def _inner(quote: str) -> str:
    """Quotation marks inside a quote: “…” becomes ‘…’ (the citation puts the quote in “”)."""
    return quote.replace("“", "‘").replace("”", "’")


def _recognise(rules: list[tuple[str, str, re.Pattern[str]]], text: str) -> list[tuple[str, str]]:
    """(item, matched words) for every item a rule finds in text, by where its first match starts."""
    first: dict[str, tuple[int, str]] = {}
    for item, _rule, pattern in rules:
        m = pattern.search(text)
        if m and m.group(0) and (item not in first or m.start() < first[item][0]):
            first[item] = (m.start(), m.group(0))  # the words matched, as a reviewer sees them
    return [(item, rule) for item, (_, rule) in sorted(first.items(), key=lambda kv: (kv[1][0], kv[0]))]
