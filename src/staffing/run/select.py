"""Checks named on the command line or in staffing.toml (`--select`, `--ignore`,
`staffing explain CODE`): by code or slug, and a name that is none of them is one message
that says which check was probably meant."""

from __future__ import annotations

import re
from collections.abc import Sequence

from staffing.checks import CHECKS, Check, Scope, lookup
from staffing.errors import InputProblem, problem
from staffing.messages import close_matches, text
from staffing.words import Words


def suggestion(name: str, scope: Scope | None = None) -> type[Check] | None:
    """The check (of `scope`) a mistyped name most likely meant: the closest code, slug or
    Chinese title (difflib), or None when nothing is close."""
    names: dict[str, type[Check]] = {}
    for check in CHECKS:
        if scope is not None and check.scope != scope:
            continue
        names[check.code] = names[check.code.lower()] = names[check.slug] = check
        names[text(f"title.{check.code}", "zh")] = check
    close = close_matches(name.strip(), list(names), n=1, cutoff=0.6)
    if not close:
        close = close_matches(name.strip().lower(), list(names), n=1, cutoff=0.6)
    return names[close[0]] if close else None


def unknown_check(name: str, where: str, scope: Scope | None) -> InputProblem:
    """The message for a name that is no check (of `scope`), with a "did you mean"."""
    known = lookup(name)
    if known is not None and scope is not None and known.scope != scope:
        return problem(where, "cli.check-not-selectable", code=known.code,
                       title=Words(text(f"title.{known.code}", "zh"), text(f"title.{known.code}", "en")))
    close = suggestion(name, scope)
    if close is not None:
        # suggested as the user wrote it: a slug for a slug, a code for a code or a Chinese title
        as_slug = name.isascii() and not re.match(r"(?i)^\s*st\s*\d", name)
        key = "cli.unknown-check-slug" if as_slug else "cli.unknown-check-code"
        return problem(where, key, check=name, code=close.code, slug=close.slug, title=text(f"title.{close.code}", "zh"))
    return problem(where, "cli.unknown-check", check=name)


def codes(values: Sequence[str] | None, where: str) -> frozenset[str]:
    """The codes of the plan checks named in `values` (each comma-separated, codes or
    slugs, any case); raises InputProblem, at `where`, for the first name that is none."""
    out: set[str] = set()
    for value in values or ():
        for part in value.replace("，", ",").split(","):
            part = part.strip()
            if not part:
                continue
            check = lookup(part, "plan")
            if check is None:
                raise unknown_check(part, where, "plan")
            out.add(check.code)
    return frozenset(out)
