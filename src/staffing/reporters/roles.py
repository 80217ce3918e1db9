"""`staffing check --explain-roles`: how the tool read every body, as a reviewer reads names
(its roles and how they were found, its category, whether it counts toward the limit), so a
reviewer sees the reading and corrects it with `role:` or `category:` in the plan."""

from __future__ import annotations

from staffing.checks.context import Context
from staffing.errors import visible as _v
from staffing.messages import render, text
from staffing.plan.graph import build_graph
from staffing.run.results import FileResult


def _t(key: str, lang: str, **params: object) -> str:
    return render(f"roles.{key}", lang, dict(params))


def explain(result: FileResult, lang: str) -> str:
    """The reading of one checked plan ("" for an unusable file)."""
    plan, pack = result.plan, result.pack
    if plan is None or pack is None:
        return ""
    ctx = Context(plan, build_graph(plan), pack)
    quote = "“{}”"  # the names are Chinese in either language
    sep = text("sep.list", lang)
    reasons = dict(ctx.not_counted)
    counted = set(ctx.counted)
    out = [_v(f"{result.path}  {plan.town.name} · ") + _t("header", lang)]
    for i, body in enumerate(plan.bodies):
        reading = ctx.readings[i]
        roles = sep.join(pack.role_label(r, lang) for r in reading.roles)
        how = _t(f"how.{reading.how}", lang, rules=sep.join(quote.format(r) for r in reading.rules))
        category = _t(f"category.{reading.category}", lang)
        cat_how = _t(f"category-how.{reading.category_how}", lang,
                     rule=quote.format(reading.category_rule) if reading.category_rule else "")
        if i in counted:
            verdict = _t("counted", lang)
        else:
            reason = reasons.get(i, "functional")
            verdict = _t(f"not-counted.{reason if reason in ('zone', 'nested') else 'category'}", lang)
        out.append(_v(f"  {body.name}  ") + _t("line", lang, roles=roles, how=how, category=category,
                                                 category_how=cat_how, verdict=verdict))
    return "\n".join(out) + "\n"
