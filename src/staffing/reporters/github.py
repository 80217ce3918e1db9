"""GitHub Actions workflow commands: one annotation per finding.

    ::error file=orgs/….yaml,line=12,col=5,title=ST101 body-count::message

Errors (and warnings under --strict / --fail-on warning) are `::error`, other warnings
`::warning`, infos and waived findings `::notice` (a waived one says so and names the
waiver).  Values are escaped as GitHub's toolkit does: in the message % CR LF, in
properties also `:` and `,`; before that, control and bidi characters from the plan are
written out (`errors.visible`), so the log shows them instead of obeying them.  The plain summary line ends the output.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from staffing.errors import visible
from staffing.findings import Finding, Severity
from staffing.messages import check_name, render
from staffing.reporters import summary_line

if TYPE_CHECKING:
    from staffing.run.results import Run


def escape_data(text: str) -> str:
    text = visible(text, keep="\n\r")  # no control or bidi character reaches the log (CR, LF: %0D, %0A)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, *, file: str | None = None, line: int | None = None,
            col: int | None = None, title: str | None = None) -> str:
    props = []
    if file is not None:
        props.append(f"file={escape_property(file)}")
    if line is not None:
        props.append(f"line={line}")
    if col is not None:
        props.append(f"col={col}")
    if title is not None:
        props.append(f"title={escape_property(title)}")
    head = f"::{kind} {','.join(props)}" if props else f"::{kind}"
    return f"{head}::{escape_data(message)}"


def _kind(f: Finding, run: Run) -> str:
    if f.waived:
        return "notice"
    if run.failing(f):
        return "error"
    return "warning" if f.severity == Severity.WARNING else "notice"


def _annotation(f: Finding, run: Run, lang: str) -> str:
    text = f.message(lang)
    trail = " › ".join(f.trail(lang))
    if trail:
        text += f"\n{trail}"
    if f.citation(lang):
        text += f"\n{f.citation(lang)}"
    named = {"code": f.code, "title": check_name(f.code, f.slug, lang)}  # the Chinese title in Chinese, the slug in English
    title = render("ci.title", lang, named)
    if f.waived:
        waived = render("ci.waived", lang, {})
        text += "\n" + render("ci.waived-line", lang, {"waived": waived, "waiver": f.waived})
        title = render("ci.title-waived", lang, {**named, "waived": waived})
    return command(_kind(f, run), text, file=f.file, line=f.line, col=f.column, title=title)


def report(run: Run, lang: str) -> str:
    return "".join(stream(run, lang))


def stream(run: Run, lang: str) -> Iterator[str]:
    """The annotations in pieces, one file at a time."""
    out: list[str] = []
    for result in run.results:
        if out:
            yield "\n".join(out) + "\n"
            out = []
        if result.error is not None:
            for e in result.error.each():
                out.append(command("error", e.message(lang), file=e.file, line=e.line, col=e.column,
                                   title=f"ST001 unusable-input ({render('ci.unusable', lang, {})})"))
            continue
        out.extend(_annotation(f, run, lang) for f in result.findings)
    out.extend(_annotation(f, run, lang) for f in run.pack_findings)
    skipped = render("report.skipped", lang, {})
    out.extend(command("notice", s.message(lang), file=s.path, title=skipped) for s in run.skipped)
    out.append(summary_line(run, lang))
    yield "\n".join(out) + "\n"
