"""`staffing diff` output: the comparison (`staffing.run.diff.Diff`) as text, Chinese
first with every phrase from the catalogue, or as a versioned JSON document."""

from __future__ import annotations

import json
from typing import Any

from staffing import __version__
from staffing.messages import render, text
from staffing.plan.model import QUOTA_LABELS, QUOTA_TYPES
from staffing.run.diff import Diff

FORMAT_VERSION = 1


def as_data(d: Diff) -> dict[str, Any]:
    return {
        "format_version": FORMAT_VERSION,
        "tool": {"name": "staffing", "version": __version__},
        "old": {"path": d.old.label, "town": d.old.plan.town.name, "code": d.old.plan.town.code},
        "new": {"path": d.new.label, "town": d.new.plan.town.name, "code": d.new.plan.town.code},
        "bodies": {"added": d.added, "removed": d.removed, "renamed": d.renamed, "merged": d.merged},
        "quotas": {"bodies": d.quota_rows, "totals": d.totals},
        "leadership_posts": {"bodies": d.post_rows, "total": d.posts_total},
        "dispatched_units": {"added": d.units_added, "removed": d.units_removed, "changed": d.units_changed},
        "transfers_added": d.transfers_added,
        "violations": d.violations,
        "ok": d.ok,
    }


def report_json(d: Diff) -> str:
    return json.dumps(as_data(d), ensure_ascii=False, indent=2) + "\n"


def _t(key: str, lang: str, **params: Any) -> str:
    return render(key, lang, params)


def _qtype(t: str, lang: str) -> str:
    zh, en = QUOTA_LABELS[t]
    return zh if lang == "zh" else en


def _figure(n: int | None, lang: str) -> str:
    """A count of 编制 or posts: 4名 / 4; unknown (null in the plan): 未知 / ?."""
    return _t("diff.figure-unknown", lang) if n is None else _t("diff.figure", lang, count=n)


def change(old: int | None, new: int | None, lang: str) -> str:
    """One figure before and after: 由4名减至0名（减少4名） / 4 → 0 (-4)."""
    shown = {"old": _figure(old, lang), "new": _figure(new, lang)}
    if old is None or new is None:
        return _t("diff.change.unknown", lang, **shown)
    return _t("diff.change.more" if new > old else "diff.change.less", lang, delta=abs(new - old), **shown)


def _typed(t: str, old: int | None, new: int | None, lang: str) -> str:
    return _t("diff.typed", lang, type=_qtype(t, lang), change=change(old, new, lang))


def _row(name: str, changes: list[str], lang: str) -> str:
    return "  " + _t("diff.row", lang, name=name, changes=text("sep.changes", lang).join(changes))


def report_text(d: Diff, lang: str) -> str:
    out = [_t("diff.header", lang, old=d.old.label, new=d.new.label, town=d.new.plan.town.name)]
    sep = text("sep.list", lang)
    changes = False

    section: list[str] = []
    for name in d.added:
        section.append("  " + _t("diff.added", lang, name=name))
    for name in d.removed:
        section.append("  " + _t("diff.removed", lang, name=name))
    for r in d.renamed:
        section.append("  " + _t("diff.renamed", lang, old=r["old"], new=r["new"], by=_t(f"diff.by.{r['by']}", lang)))
    for m in d.merged:
        section.append("  " + _t("diff.merged", lang, names=sep.join(m["from"]), into=m["into"]))
    if section:
        changes = True
        out += [_t("diff.bodies", lang), *section]

    section = []
    for row in d.quota_rows:
        parts = [_typed(t, row["old"][t], row["new"][t], lang) for t in QUOTA_TYPES if row["old"][t] != row["new"][t]]
        if parts:
            section.append(_row(row["body"], parts, lang))
    total_parts = [_typed(t, d.totals["old"][t], d.totals["new"][t], lang)
                   for t in QUOTA_TYPES if d.totals["delta"][t] != 0]
    if total_parts:
        section.append(_row(_t("diff.total", lang), total_parts, lang))
    if section:
        changes = True
        out += [_t("diff.quotas", lang), *section]

    section = [_row(r["body"], [change(r["old"], r["new"], lang)], lang) for r in d.post_rows if r["old"] != r["new"]]
    if d.posts_total["old"] != d.posts_total["new"]:
        section.append(_row(_t("diff.total", lang), [change(d.posts_total["old"], d.posts_total["new"], lang)], lang))
    if section:
        changes = True
        out += [_t("diff.posts", lang), *section]

    section = ["  " + _t("diff.unit-added", lang, name=n) for n in d.units_added]
    section += ["  " + _t("diff.unit-removed", lang, name=n) for n in d.units_removed]
    section += ["  " + _t("diff.management", lang, name=c["name"], old=_t(f"diff.mgmt.{c['old']}", lang),
                          new=_t(f"diff.mgmt.{c['new']}", lang)) for c in d.units_changed]
    if section:
        changes = True
        out += [_t("diff.units", lang), *section]

    if d.transfers_added:
        changes = True
        out.append(_t("diff.transfers", lang))
        for tr in d.transfers_added:
            out.append("  " + _t("diff.transfer", lang, source=tr["from"], to=tr["to"], count=tr["count"],
                                 type=_qtype(tr["type"], lang), document=tr["document"] or "—"))

    if not changes:
        out.append(_t("diff.no-change", lang))
    for v in d.violations:
        out.append(_t("diff.violation", lang, message=v["message"][lang]))
    out.append(_t("diff.ok" if d.ok else "diff.broken", lang, count=len(d.violations)))
    return "\n".join(out) + "\n"
