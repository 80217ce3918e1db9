"""The part of the Chinese user guide (docs/guide.zh.md) that says what each check means, made
from the registry (`staffing.checks.CHECKS`) and the catalogue's Chinese documentation (the
text `staffing explain CODE` prints), so the guide cannot drift from the tool:
`tests/project/test_guide.py` keeps them equal, and

    python -m staffing.reporters.checks_guide docs/guide.zh.md

rewrites the part between its two marker lines."""

from __future__ import annotations

import sys

from staffing.checks import CHECKS
from staffing.messages import render, text
from staffing.reporters.generated import replace_between, rewrite

BEGIN = "<!-- 检查项说明：由 `python -m staffing.reporters.checks_guide docs/guide.zh.md` 生成，请勿手改 -->"
END = "<!-- 检查项说明结束 -->"
_SECTIONS = ("explain.what", "explain.why", "explain.example", "explain.fix")
_LANG = "zh"


def _markdown(body: str) -> list[str]:
    """A section of a check's documentation as Markdown: prose lines as paragraphs, lines
    indented by four spaces (YAML as typed) as a YAML code block."""
    out: list[str] = []
    code: list[str] = []

    def flush() -> None:
        if code:
            out.extend([*([] if not out or out[-1] == "" else [""]), "```yaml", *code, "```", ""])
            code.clear()

    for line in body.splitlines():
        if line.startswith("    "):
            code.append(line[4:])
        else:
            flush()
            out.extend([line, ""])
    flush()
    while out and out[-1] == "":
        out.pop()
    return out


def checks_guide() -> str:
    """Every registered code: a table, then each check under its code and Chinese title."""
    lines = [f"| {text('guide.col.code', _LANG)} | {text('guide.col.title', _LANG)} | "
             f"{text('guide.col.severity', _LANG)} | {text('guide.col.slug', _LANG)} |",
             "|---|---|---|---|"]
    for c in CHECKS:
        lines.append(f"| {c.code} | {text(f'title.{c.code}', _LANG)} | "
                     f"{text(f'report.{c.severity.value}', _LANG)} | `{c.slug}` |")
    for scope in ("plan", "county", "run"):
        lines += ["", f"### {text(f'guide.group.{scope}', _LANG)}"]
        for c in CHECKS:
            if c.scope != scope:
                continue
            facts = {"rule": c.rule, "scope": text(f"explain.scope.{c.scope}", _LANG),
                     "severity": text(f"report.{c.severity.value}", _LANG)}
            lines += ["", f"#### {c.code} {text(f'title.{c.code}', _LANG)}", "",
                      render("explain.facts-rule" if c.rule else "explain.facts", _LANG, facts) + "。"
                      + render("guide.slug", _LANG, {"slug": c.slug, "code": c.code})]
            for key, body in zip(_SECTIONS, c.sections(_LANG), strict=True):
                lines += ["", f"*{text(key, _LANG)}*", "", *_markdown(body)]
    return "\n".join(lines) + "\n"


def replace_part(doc: str) -> str:
    """`doc` with the part between the markers replaced by the current text."""
    return replace_between(doc, BEGIN, END, checks_guide(), "the guide has no markers for the checks part")


def main(argv: list[str]) -> int:
    return rewrite(argv, replace_part)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
