"""Waivers: approved exceptions to a check, for one town (and optionally one body), with
the approval document (批复文号), the approver and an expiry date.

A waiver file is YAML (read with the same safe loader as plans, so every value has a
line and column)::

    waivers:
      - check: ST101              # code or slug
        town: 新桥镇               # name or 12-digit division code
        body: 经济发展局            # optional: only findings about this body
        reason: 省编办同意试点期间设 10 个机构
        approval: 苏编办复〔2020〕12号
        approver: 江苏省委编办
        expires: 2026-12-31        # last day the waiver holds

A finding matched by a live waiver is marked waived and no longer fails the run.  A
finding matched only by an expired waiver fails again and its message says the waiver
expired.  A waiver that matches no finding is reported as a warning (ST002) pointing at
its line in the waiver file — but only when its town was checked in this run, or when
the run was given a folder (so `pre-commit`, which passes a batch of files, never
reports waivers for towns outside the batch).

"Today" comes from `today()`: the environment variable STAFFING_TODAY (YYYY-MM-DD) when
set, else the system date; `apply` takes it as a parameter.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from staffing.checks import WAIVER_UNUSED, lookup
from staffing.errors import problem
from staffing.findings import Finding, body_index
from staffing.io.load import DEFAULT_LIMITS, Document, Limits, display_path, load_file
from staffing.messages import CATALOGUE, words
from staffing.plan.names import normalize
from staffing.plan.summary import PlanSummary
from staffing.run.engine import Place, make_finding
from staffing.run.results import FileResult
from staffing.words import Words

DEFAULT_NAME = "staffing-waivers.yaml"

_FIELDS = ("check", "town", "body", "reason", "approval", "approver", "expires")
_REQUIRED = ("check", "town", "reason", "approval", "approver", "expires")
_TOWN_CODE = re.compile(r"^[0-9]{12}$")


@dataclass(frozen=True)
class Waiver:
    code: str
    slug: str
    town: str
    body: str | None
    reason: str
    approval: str
    approver: str
    expires: _dt.date
    file: str
    line: int
    column: int

    def expired(self, today: _dt.date) -> bool:
        return today > self.expires

    def describe(self) -> str:
        """The text stored in `Finding.waived`: document, approver, expiry, reason, and
        where the waiver is written."""
        return (f"{self.approval} · {self.approver} · {self.expires.isoformat()} · {self.reason}"
                f" ({self.file}:{self.line})")

    def to_dict(self) -> dict[str, Any]:
        return {
            "check": self.code, "slug": self.slug, "town": self.town, "body": self.body,
            "reason": self.reason, "approval": self.approval, "approver": self.approver,
            "expires": self.expires.isoformat(), "file": self.file, "line": self.line, "column": self.column,
        }


def today() -> _dt.date:
    """The date waivers are judged on: $STAFFING_TODAY (YYYY-MM-DD) or the system date."""
    raw = os.environ.get("STAFFING_TODAY", "").strip()
    if not raw:
        return _dt.date.today()
    try:
        return _dt.date.fromisoformat(raw)
    except ValueError:
        raise problem("STAFFING_TODAY", "waiver.today", value=raw) from None


def discover(explicit: str | None, cwd: str | Path | None = None) -> str | None:
    """The waiver file to use: the one given, else `staffing-waivers.yaml` in the working
    folder when there is one."""
    if explicit:
        return explicit
    candidate = Path(cwd or ".") / DEFAULT_NAME
    return str(candidate) if candidate.is_file() or candidate.is_symlink() else None  # a link: refused by load


def load(path: str, limits: Limits = DEFAULT_LIMITS) -> list[Waiver]:
    """Read and validate a waiver file.  Raises InputProblem (file:line:col).  A symbolic
    link is refused unread: a committed link could make an error quote a file from
    elsewhere into a CI log."""
    if os.path.islink(path):
        raise problem(display_path(path), "waiver.symlink")
    doc = load_file(path, limits)
    doc.path = display_path(path)
    return parse(doc)


def parse(doc: Document) -> list[Waiver]:
    data = doc.data
    for key in data:
        if key != "waivers":
            line, col = doc.locate((key,), key=True)
            raise problem(doc.path, "waiver.field", line, col, field=key)
    items = data.get("waivers")
    if not isinstance(items, list):
        line, col = doc.locate(("waivers",))
        raise problem(doc.path, "waiver.shape", line, col)
    return [_one(doc, i, raw) for i, raw in enumerate(items)]


def _one(doc: Document, i: int, raw: Any) -> Waiver:
    loc: tuple[str | int, ...] = ("waivers", i)
    line, col = doc.locate(loc)
    if not isinstance(raw, dict):
        raise problem(doc.path, "waiver.shape", line, col)
    for key in raw:
        if key not in _FIELDS:
            kl, kc = doc.locate(loc + (key,), key=True)
            raise problem(doc.path, "waiver.field", kl, kc, field=key)
    for key in _REQUIRED:
        if raw.get(key) in (None, ""):
            raise problem(doc.path, "waiver.missing", line, col, field=key)

    def text(key: str) -> str:
        value = raw[key]
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            vl, vc = doc.locate(loc + (key,))
            raise problem(doc.path, "waiver.value", vl, vc, field=key, value=str(value)[:40])
        return str(value).strip()

    check_ref = text("check")
    check = lookup(check_ref, "plan")
    if check is None:
        vl, vc = doc.locate(loc + ("check",))
        raise problem(doc.path, "waiver.check", vl, vc, check=check_ref)
    expires = raw["expires"]
    if isinstance(expires, str):
        with contextlib.suppress(ValueError):
            expires = _dt.date.fromisoformat(expires.strip())
    if isinstance(expires, _dt.datetime):
        expires = expires.date()
    if not isinstance(expires, _dt.date):
        vl, vc = doc.locate(loc + ("expires",))
        raise problem(doc.path, "waiver.date", vl, vc, value=str(raw["expires"])[:40])
    body = text("body") if raw.get("body") not in (None, "") else None
    return Waiver(
        code=check.code, slug=check.slug, town=text("town"), body=body,
        reason=text("reason"), approval=text("approval"), approver=text("approver"),
        expires=expires, file=doc.path, line=line, column=col,
    )


def _town_matches(waiver: Waiver, plan: PlanSummary) -> bool:
    if _TOWN_CODE.match(waiver.town):
        return waiver.town == plan.town.code
    return normalize(waiver.town) == normalize(plan.town.name)


def _body_name(finding: Finding, plan: PlanSummary) -> str | None:
    where = body_index(finding)
    if where is None:
        return None
    return plan.part_name(*where)


def _body_matches(waiver: Waiver, finding: Finding, plan: PlanSummary) -> bool:
    if waiver.body is None:
        return True
    wanted = normalize(waiver.body)
    name = _body_name(finding, plan)
    if name is not None:
        return normalize(name) == wanted
    # findings about the town as a whole may still name the body in their trail
    return any(normalize(part.zh) == wanted for part in finding.trail[1:])


def _expired_note(finding: Finding, waiver: Waiver) -> Finding:
    params = {"approval": waiver.approval, "expires": waiver.expires.isoformat(),
              "file": waiver.file, "line": waiver.line}
    note = words("waiver.expired", params)
    return replace(finding, message=Words(f"{finding.message.zh}({note.zh})", f"{finding.message.en} ({note.en})"))


def apply(
    results: list[FileResult], waivers: list[Waiver], on: _dt.date, judge_all: bool = False
) -> list[Finding]:
    """Mark waived findings in `results` (in place) and return the warnings about
    waivers that matched nothing.  `judge_all`: report every unused waiver, not only
    those whose town was checked (set when the run covered whole folders)."""
    used: set[Waiver] = set()
    towns_seen: list[PlanSummary] = []
    for result in results:
        plan = result.summary
        if plan is None:
            continue
        towns_seen.append(plan)
        mine = [w for w in waivers if _town_matches(w, plan)]
        if not mine:
            continue
        out: list[Finding] = []
        for f in result.findings:
            matching = [w for w in mine if w.code == f.code and _body_matches(w, f, plan)]
            used.update(matching)
            live = [w for w in matching if not w.expired(on)]
            if live:
                f = replace(f, waived=live[0].describe())
            elif matching:
                f = _expired_note(f, max(matching, key=lambda w: w.expires))
            out.append(f)
        result.findings = out
    warnings: list[Finding] = []
    for w in waivers:
        if w in used:
            continue
        if not judge_all and not any(_town_matches(w, p) for p in towns_seen):
            continue
        params = {"check": w.code, "name": Words(CATALOGUE.get(f"title.{w.code}", (w.slug, w.slug))[0], w.slug),
                  "town": w.town, "body": w.body or "—", "approval": w.approval}
        at = Place(w.file, w.line, w.column, ("waivers",))
        trail = (Words.same(w.town), *([Words.same(w.body)] if w.body else []))
        warnings.append(make_finding(WAIVER_UNUSED, "waiver.unused", params, at, WAIVER_UNUSED.severity, trail))
    return warnings
