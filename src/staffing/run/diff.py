"""`staffing diff OLD NEW`: what changed between two versions of a town's plan.

Bodies are matched by name first (normalized: script, width, spaces), then by role,
then by overlap of `merged_from` (or an old body's name appearing in a new body's
`merged_from`).  One old body matched to one new body is a rename; several old bodies
ending in one new body is a merger.  Quotas are compared per body and per type, and in
total; leadership posts per body and in total; dispatched units by name, reporting a
change of management.

The staffing-never-grows rule applies between the versions: for every quota type (and
in total) NEW may not exceed OLD plus the quota moved in from a higher level by
recorded transfers (with a document number) that NEW adds.  A breach is a violation
(exit 1); unusable input is exit 2.  Never prints: `staffing.reporters.diff` writes
the text and JSON.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from typing import Any

from staffing.checks.context import resolve_role
from staffing.checks.growth import growth
from staffing.checks.pack import Pack
from staffing.errors import InputProblem, problem
from staffing.io.load import DEFAULT_LIMITS, Limits, display_path
from staffing.messages import render
from staffing.plan.model import QUOTA_LABELS, QUOTA_TYPES, Body, Plan, Quotas, Transfer
from staffing.plan.names import normalize, strip_town
from staffing.run.read import Source, choose_pack, read_valid, validate_plan
from staffing.run.results import Settings
from staffing.words import Words


@dataclass
class Version:
    label: str
    plan: Plan


@dataclass
class Diff:
    old: Version
    new: Version
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    renamed: list[dict[str, str]] = field(default_factory=list)
    merged: list[dict[str, Any]] = field(default_factory=list)
    quota_rows: list[dict[str, Any]] = field(default_factory=list)
    totals: dict[str, dict[str, int | None]] = field(default_factory=dict)
    post_rows: list[dict[str, Any]] = field(default_factory=list)
    posts_total: dict[str, int | None] = field(default_factory=dict)
    units_added: list[str] = field(default_factory=list)
    units_removed: list[str] = field(default_factory=list)
    units_changed: list[dict[str, str]] = field(default_factory=list)
    transfers_added: list[dict[str, Any]] = field(default_factory=list)
    violations: list[dict[str, Any]] = field(default_factory=list)
    # new body index → the old body indexes it continues (same name, same role, merged_from)
    body_map: dict[int, list[int]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.violations


# ---- loading -----------------------------------------------------------------------------


def load_version(path: str, limits: Limits = DEFAULT_LIMITS, data: bytes | None = None) -> Version:
    """A version of a plan: the file at `path`, or its bytes held in memory (`data`)."""
    source = Source(path, data)
    return Version(source.shown, read_valid(source, validate_plan, limits)[1])


def load_from_git(rev: str, path: str, limits: Limits = DEFAULT_LIMITS) -> Version:
    """The file `path` as it was at git revision `rev` (`git show REV:./name`, run in the
    file's folder so the path is relative to it).  Raises InputProblem."""
    folder = os.path.dirname(os.path.abspath(path))
    name = os.path.basename(path)
    label = f"{rev}:{display_path(path)}"
    if rev.startswith("-"):
        raise problem(label, "diff.git", reason="bad revision")
    try:
        proc = subprocess.run(
            ["git", "-C", folder, "show", f"{rev}:./{name}"],
            capture_output=True, check=False, timeout=60,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise problem(label, "diff.git", reason=str(exc)[:200]) from None
    if proc.returncode != 0:
        reason = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise problem(label, "diff.git", reason=(reason[0] if reason else f"exit {proc.returncode}")[:200])
    raw = proc.stdout
    if len(raw) > limits.max_bytes:
        raise problem(label, "input.too-large", size=len(raw), limit=limits.max_bytes)
    return Version(label, read_valid(Source(label, raw), validate_plan, limits)[1])


# ---- comparing ---------------------------------------------------------------------------


def _pack(plan: Plan) -> Pack | None:
    """The plan's own pack, or None when it cannot be found (then roles are only those
    written, and every recorded transfer counts)."""
    try:
        return choose_pack(plan.rule_pack, Settings())  # a plan never chooses a file to read as rules
    except InputProblem:
        return None


def _role_lookup(plan: Plan, pack: Pack | None) -> Any:
    if pack is None:
        return lambda body: body.role if isinstance(body.role, str) or body.role is None else (body.role or [None])[0]
    return lambda body: resolve_role(pack, plan, body)


def _key(name: str, plan: Plan) -> str:
    return strip_town(name, plan.town.name)


def _merged(body: Body) -> set[str]:
    return {normalize(n) for n in body.merged_from}


def _quotas(q: Quotas | None) -> dict[str, int | None]:
    return {t: (q.get(t) if q is not None else 0) for t in QUOTA_TYPES}


def _add(a: dict[str, int | None], b: dict[str, int | None]) -> dict[str, int | None]:
    return {t: _plus(a[t], b[t]) for t in QUOTA_TYPES}


def _plus(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a + b


def _posts(body: Body) -> int | None:
    approved = [p.approved for p in body.leadership]
    return None if None in approved else sum(a for a in approved if a is not None)


def _minus(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a - b


def _transfer_key(t: Transfer) -> tuple[Any, ...]:
    return (normalize(t.from_), normalize(t.to), t.level, t.type, t.count, normalize(t.document or ""))


def compare(old: Version, new: Version) -> Diff:
    """What changed from `old` to `new`: bodies matched (renamed, merged, added, removed),
    quotas and posts per body and in total, dispatched units, transfers added, and the
    never-grows rule between the two versions."""
    d = Diff(old, new)
    new_pack = _pack(new.plan)
    mapping, free_old = _match_bodies(d, old, new, new_pack)
    _compare_quotas(d, old, new, mapping, free_old)
    _compare_units(d, old, new)
    _judge_growth(d, old, new, new_pack)
    return d


def _match_bodies(d: Diff, old: Version, new: Version, new_pack: Pack | None) -> tuple[dict[int, list[int]], set[int]]:
    """Each new body matched to the old bodies it continues (by name, then role, then
    `merged_from`); renames, mergers, added and removed bodies written into `d`.  Returns
    the match (new index → old indexes) and the old bodies matched to none."""
    ob, nb = old.plan.bodies, new.plan.bodies
    mapping: dict[int, list[int]] = {j: [] for j in range(len(nb))}  # new index → old indexes
    free_old = set(range(len(ob)))
    free_new = set(range(len(nb)))

    # 1. same name
    by_name = {_key(b.name, new.plan): j for j, b in enumerate(nb)}
    for i, b in enumerate(ob):
        j = by_name.get(_key(b.name, old.plan))
        if j is not None and j in free_new:
            mapping[j].append(i)
            free_old.discard(i)
            free_new.discard(j)

    # 2. same role, one on each side
    old_role, new_role = _role_lookup(old.plan, _pack(old.plan)), _role_lookup(new.plan, new_pack)
    for j in sorted(free_new):
        role = new_role(nb[j])
        if not role or role == "other":
            continue
        olds = [i for i in free_old if old_role(ob[i]) == role]
        news = [k for k in free_new if new_role(nb[k]) == role]
        if len(olds) == 1 and len(news) == 1:
            i = olds[0]
            mapping[j].append(i)
            free_old.discard(i)
            free_new.discard(j)
            d.renamed.append({"old": ob[i].name, "new": nb[j].name, "by": "role"})

    # 3. merged_from overlap with a new body not yet matched
    def overlaps(i: int, j: int) -> bool:
        mf = _merged(nb[j])
        return _key(ob[i].name, old.plan) in mf or normalize(ob[i].name) in mf or bool(_merged(ob[i]) & mf)

    merged_into: dict[int, list[int]] = {}
    for j in sorted(free_new):
        olds = sorted(i for i in free_old if overlaps(i, j))
        if not olds:
            continue
        mapping[j].extend(olds)
        free_old.difference_update(olds)
        free_new.discard(j)
        if len(olds) == 1:
            d.renamed.append({"old": ob[olds[0]].name, "new": nb[j].name, "by": "merged_from"})
        else:
            merged_into.setdefault(j, []).extend(olds)

    # 4. an old body gone into a body that was matched already
    for i in sorted(free_old):
        targets = [j for j in range(len(nb)) if overlaps(i, j)]
        if targets:
            j = targets[0]
            mapping[j].append(i)
            merged_into.setdefault(j, []).append(i)
            free_old.discard(i)

    for j, olds in sorted(merged_into.items()):
        d.merged.append({"from": [ob[i].name for i in sorted(olds)], "into": nb[j].name})
    d.body_map = {j: sorted(olds) for j, olds in mapping.items() if olds}
    d.added = [nb[j].name for j in sorted(free_new)]
    d.removed = [ob[i].name for i in sorted(free_old)]
    return mapping, free_old


def _compare_quotas(d: Diff, old: Version, new: Version, mapping: dict[int, list[int]], free_old: set[int]) -> None:
    """Quotas and leadership posts per body (a new body against the old ones it continues),
    the service centre's, and the plans' totals."""
    ob, nb = old.plan.bodies, new.plan.bodies
    for j, body in enumerate(nb):
        before: dict[str, int | None] = {t: 0 for t in QUOTA_TYPES}
        posts_before: int | None = 0
        for i in mapping[j]:
            before = _add(before, _quotas(ob[i].quotas))
            posts_before = _plus(posts_before, _posts(ob[i]))
        after = _quotas(body.quotas)
        old_names = [ob[i].name for i in mapping[j]]
        if before != after or not old_names:
            d.quota_rows.append(_row(body.name, old_names, before, after))
        if posts_before != _posts(body) or not old_names:
            d.post_rows.append({"body": body.name, "from": old_names, "old": posts_before, "new": _posts(body)})
    for i in sorted(free_old):
        d.quota_rows.append(_row(ob[i].name, [ob[i].name], _quotas(ob[i].quotas), _quotas(None)))
        d.post_rows.append({"body": ob[i].name, "from": [ob[i].name], "old": _posts(ob[i]), "new": 0})
    osc, nsc = old.plan.support_center, new.plan.support_center
    if osc is not None or nsc is not None:
        before, after = _quotas(osc.quotas if osc else None), _quotas(nsc.quotas if nsc else None)
        if before != after:
            d.quota_rows.append(_row((nsc or osc).name, [osc.name] if osc else [], before, after))  # type: ignore[union-attr]
    t_old, t_new = old.plan.own_quotas(), new.plan.own_quotas()
    d.totals = {"old": t_old, "new": t_new, "delta": {t: _minus(t_new[t], t_old[t]) for t in QUOTA_TYPES}}
    d.posts_total = {"old": old.plan.leadership_posts(), "new": new.plan.leadership_posts()}


def _compare_units(d: Diff, old: Version, new: Version) -> None:
    """Dispatched units added, removed, or whose management changed."""
    old_units = {normalize(u.name): u for u in old.plan.dispatched_units}
    new_units = {normalize(u.name): u for u in new.plan.dispatched_units}
    d.units_added = [u.name for k, u in new_units.items() if k not in old_units]
    d.units_removed = [u.name for k, u in old_units.items() if k not in new_units]
    for k, u in new_units.items():
        if k in old_units and old_units[k].management != u.management:
            d.units_changed.append({"name": u.name, "old": old_units[k].management, "new": u.management})


def _judge_growth(d: Diff, old: Version, new: Version, new_pack: Pack | None) -> None:
    """The transfers NEW adds, and the never-grows rule between the versions, judged with
    NEW's pack exactly as ST201 judges the plan against its baseline."""
    t_old, t_new = d.totals["old"], d.totals["new"]
    old_keys = {_transfer_key(t) for t in old.plan.transfers}
    added = [tr for tr in new.plan.transfers if _transfer_key(tr) not in old_keys]
    for tr in added:
        d.transfers_added.append({"from": tr.from_, "to": tr.to, "level": tr.level, "type": tr.type,
                                  "count": tr.count, "document": tr.document, "recorded": tr.recorded})
    g = growth(new_pack, t_old, t_new, added, undocumented_reported=False)
    for t in g.grown_types:
        _violation(d, "diff.grows.type", t, t_old[t], t_new[t], g.moved[t], type=Words(*QUOTA_LABELS[t]))
    if g.total_excess is not None and g.total_excess > 0:
        _violation(d, "diff.grows.total", "total", g.total_before, g.total_after, g.total_moved)


def _row(body: str, olds: list[str], before: dict[str, int | None], after: dict[str, int | None]) -> dict[str, Any]:
    return {"body": body, "from": olds, "old": before, "new": after,
            "delta": {t: _minus(after[t], before[t]) for t in QUOTA_TYPES if after[t] != before[t]}}


def _violation(d: Diff, key: str, qtype: str, old: int | None, new: int | None, moved: int, **extra: Words) -> None:
    assert old is not None and new is not None  # growth is judged only between known figures
    params: dict[str, Any] = {"old": old, "new": new, "moved": moved, "excess": new - old - moved, **extra}
    d.violations.append({
        "key": key, "type": qtype, "old": old, "new": new, "moved": moved, "excess": new - old - moved,
        "message": {"zh": render(key, "zh", params), "en": render(key, "en", params)},
    })
