"""`staffing explain CODE` and `staffing rules`: what each check means and what each pack
sets, in Chinese (the default) or English, every word from the catalogue.

In Chinese a value a pack holds is shown as a reviewer reads it (role ids as the bodies'
names, quota types as 行政编制 …, true as 是), and every source as its document's title with
the quoted sentence, never a seed file name; English shows the values as a pack author
types them."""

from __future__ import annotations

import json
from typing import Any

from staffing.checks import CHECKS, lookup, option_words
from staffing.cli.options import ExplainOptions, RulesOptions
from staffing.errors import Exit
from staffing.messages import CATALOGUE, check_name, render, text

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


def cmd_explain(options: ExplainOptions) -> int:
    from staffing.run.select import unknown_check

    out = explain_text(options.code, options.lang)
    if out is None:
        raise unknown_check(options.code, "explain", scope=None)
    print(out, end="")
    return Exit.CLEAN


def _word(value: str, pack: Any, lang: str) -> str:
    """One value of a pack's parameter as a reviewer reads it (zh): a role, a quota type, a
    unit type, a body category, one of the 1+4 elements or the five lists by its name."""
    from staffing.checks.elements import ELEMENT_LABELS
    from staffing.checks.lists import LIST_LABELS

    zh = lang == "zh"
    if value in pack.roles:
        return str(pack.role_label(value, lang))
    for table in (ELEMENT_LABELS, LIST_LABELS):
        if value in table:
            return table[value][0 if zh else 1]
    for prefix in ("quota.", "unit."):
        if prefix + value in CATALOGUE:
            return text(prefix + value, lang)
    if value == "functional":
        return text("label.functional-bodies", lang)
    if value in pack.categories:
        return str(pack.categories[value].get(lang) or value)
    return value


def shown_value(value: Any, pack: Any, lang: str) -> str:
    """A parameter's value: in Chinese as words (是/否, names joined with 、), in English as
    the pack writes it (JSON)."""
    if lang != "zh":
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return text("value.yes" if value else "value.no", lang)
    if isinstance(value, list):
        return "、".join(_word(str(v), pack, lang) for v in value) or text("value.none", lang)
    if isinstance(value, str):
        return _word(value, pack, lang)
    return str(value)


def _cited(pack: Any, source: str | None, inferred: bool, lang: str) -> str:
    """Where a value comes from: the document by title and the quote, or "no source"."""
    if source is None:
        return text("rules.no-source", lang)
    citation = pack.citation(source + (" (inferred)" if inferred else ""), lang)
    return render("rules.source", lang, {"citation": citation or source})


def _vocabulary_name(name: str, lang: str) -> str:
    return text(f"rules.vocabulary.{name}", lang) if f"rules.vocabulary.{name}" in CATALOGUE else name


def origin_words(origin: str, lang: str) -> str:
    """Where a pack came from, in words: shipped, or its folder or file."""
    from staffing.checks.pack import SHIPPED

    return render("report.shipped", lang, {}) if origin == SHIPPED else render("report.from", lang, {"origin": origin})


def pack_lines(pack: Any, folders: tuple[str, ...], lang: str) -> list[str]:
    """What `staffing rules` says of one pack."""
    from staffing.packs.load import resolve

    by_slug = {c.slug: c for c in CHECKS}
    title = pack.title.get(lang) or pack.id
    lines = [render("rules.pack", lang, {"id": pack.id, "title": title, "origin": origin_words(pack.origin, lang)})]
    if lang == "zh":
        lines.append("    " + render("rules.id", lang, {"id": pack.id}))
        parents = [resolve(p, folders).title.get(lang) or p for p in pack.chain[:-1]]
        chain = " → ".join(parents) if parents else text("value.none", lang)
    else:
        chain = " → ".join(pack.chain)
    lines.append("    " + render("rules.extends-line", lang, {"chain": chain}))
    units = shown_value(list(pack.applies_to), pack, lang) if lang == "zh" else ", ".join(pack.applies_to)
    lines.append("    " + render("rules.applies-line", lang, {"units": units}))
    # the pack's own notes first, then those it inherits, each marked with the pack that wrote it
    for note in sorted(pack.inferred, key=lambda n: n.get("pack", pack.id) != pack.id):
        if note.get("pack", pack.id) == pack.id:
            lines.append("    " + render("rules.inferred-line", lang, {"note": note.get(lang, "")}))
        else:
            lines.append("    " + render("rules.inferred-from-line", lang, {
                "pack": note.get(f"pack_{lang}") or note.get("pack", ""), "note": note.get(lang, "")}))
    for seed, entry in sorted(pack.documents.items()):
        lines.append("    " + render("rules.document", lang, {"title": entry.get(lang) or entry.get("zh") or seed}))
    if pack.effective is not None:
        lines.append("    " + render("rules.effective-line", lang, {
            "date": pack.effective.isoformat(), "inferred": text("report.inferred", lang) if pack.effective_inferred else "",
            "source": _cited(pack, pack.effective_source, False, lang)}))
        if pack.effective_note.get(lang):  # why an inferred date is what it is
            lines.append("        " + render("rules.why-line", lang, {"note": pack.effective_note[lang]}))
    for name, param in sorted(pack.requires.items()):
        label = text("rules.requires.developed_town", lang) if name == "developed_town" and lang == "zh" else name
        lines.append("    " + render("rules.requires-line", lang, {
            "name": label, "value": shown_value(param.value, pack, lang),
            "source": _cited(pack, param.source, param.inferred, lang)}))
    vocabulary = {"ranks": pack.ranks, "post_ranks": pack.post_ranks,
                  **{f"titles.{level}": titles for level, titles in sorted(pack.titles.items())}}
    for name, words in vocabulary.items():
        if words:
            shown = "、".join(words) if lang == "zh" else json.dumps(words, ensure_ascii=False)
            lines.append("    " + render("rules.vocabulary-line", lang, {"name": _vocabulary_name(name, lang), "words": shown}))
    for slug, setting in sorted(pack.checks.items(), key=lambda kv: by_slug[kv[0]].code if kv[0] in by_slug else kv[0]):
        check = by_slug.get(slug)
        if check is None or not (setting.source or setting.params):
            continue
        named = f"{check.code} {check_name(check.code, check.slug, lang)}"
        if setting.source:
            lines.append(f"    {named}  {_cited(pack, setting.source, setting.inferred, lang)}")
        for name, param in sorted(setting.params.items()):
            option = option_words(check, name)(lang) if lang == "zh" else f"{slug}.{name}"
            lines.append("    " + render("rules.param", lang, {
                "check": named, "option": option, "value": shown_value(param.value, pack, lang),
                "source": _cited(pack, param.source, param.inferred, lang)}))
    for lo in pack.loosened:
        check = by_slug.get(lo.slug)
        named = f"{check.code} {check_name(check.code, check.slug, lang)}" if check else lo.slug
        parent = resolve(lo.parent_pack, folders).title.get(lang) or lo.parent_pack
        option = option_words(check, lo.option)(lang)
        lines.append("    ! " + render("rules.loosens-line", lang, {
            "parent": parent, "check": named, "option": option,
            "before": shown_value(lo.parent_value, pack, lang), "after": shown_value(lo.value, pack, lang)}))
    return lines


def rules_text(folders: tuple[str, ...], lang: str) -> str:
    """Every pack with its parameters and their sources, then every check."""
    from staffing.packs.load import available, resolve

    lines: list[str] = []
    for pack_id in sorted(available(folders)):
        lines += pack_lines(resolve(pack_id, folders), folders, lang)
        lines.append("")
    lines.append(text("rules.checks", lang))
    for check in CHECKS:
        severity = text(f"report.{check.severity.value}", lang) if lang == "zh" else check.severity.value
        if lang == "zh":
            lines.append(f"  {check.code}  {text(f'title.{check.code}', lang)}  {severity}  {check.slug}")
        else:
            lines.append(f"  {check.code}  {check.slug:<36} {severity:<8} {text(f'title.{check.code}', lang)}")
    return "\n".join(lines) + "\n"


def cmd_rules(options: RulesOptions) -> int:
    print(rules_text(options.packs, options.lang), end="")
    return Exit.CLEAN
