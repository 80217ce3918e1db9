"""What a check means, in Chinese or English, every word from the catalogue: the text
`staffing explain CODE` prints and the page (`staffing serve`) shows beside each finding."""

from __future__ import annotations

from staffing.checks import lookup
from staffing.messages import render, text

_SECTIONS = ("explain.what", "explain.why", "explain.example", "explain.fix")


def explain_text(code: str, lang: str) -> str | None:
    """The documentation of a check (by code or slug) in `lang`, or None for no such check."""
    check = lookup(code)
    if check is None:
        return None
    title = text(f"title.{check.code}", lang)
    scope = text(f"explain.scope.{check.scope}", lang)
    severity = text(f"report.{check.severity.value}", lang)
    facts = {"rule": check.rule, "scope": scope, "severity": severity}
    lines = [render("explain.head", lang, {"code": check.code, "title": title, "slug": check.slug}),
             render("explain.facts-rule" if check.rule else "explain.facts", lang, facts),
             render("explain.slug", lang, {"slug": check.slug, "title": text(f"title.{check.code}", "zh")})]
    for key, body in zip(_SECTIONS, check.sections(lang), strict=True):
        lines += ["", f"## {text(key, lang)}", body]
    if check.options.model_fields:
        lines += ["", f"## {text('explain.options', lang)}"]
        lines += ["- " + render("explain.option", lang, {"name": name, "label": check.option_label(name)(lang)})
                  for name in check.options.model_fields]
    return "\n".join(lines) + "\n"
