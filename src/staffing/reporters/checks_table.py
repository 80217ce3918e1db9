"""The README's table of checks, made from the registry (`staffing.checks.CHECKS`), so the
two cannot drift apart: `tests/checks/test_registry.py` keeps them equal, and

    python -m staffing.reporters.checks_table README.md

rewrites the table between its two marker lines."""

from __future__ import annotations

import sys

from staffing.checks import CHECKS
from staffing.messages import render
from staffing.reporters.generated import replace_between, rewrite

BEGIN = "<!-- checks table: made by `python -m staffing.reporters.checks_table README.md` -->"
END = "<!-- end of checks table -->"
_SCOPE = {"plan": "plan", "county": "county file", "run": "run"}


def checks_table() -> str:
    """Every registered code, plan checks first, then county-file and run-level codes."""
    rows = ["| code | slug | scope | rule | severity | 中文 | what it checks |", "|---|---|---|---|---|---|---|"]
    for scope in ("plan", "county", "run"):
        for c in CHECKS:
            if c.scope != scope:
                continue
            what = c.doc().splitlines()[0].rstrip(".") + "."  # the docstring's first line
            rows.append(f"| {c.code} | `{c.slug}` | {_SCOPE[scope]} | {c.rule or '—'} | {c.severity.value} | "
                        f"{render(f'title.{c.code}', 'zh', {})} | {what} |")
    return "\n".join(rows) + "\n"


def replace_table(text: str) -> str:
    """`text` with the part between the markers replaced by the current table."""
    return replace_between(text, BEGIN, END, checks_table(), "the README has no checks-table markers")


def main(argv: list[str]) -> int:
    return rewrite(argv, replace_table)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
