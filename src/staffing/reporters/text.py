"""Text for a terminal: findings grouped by file, Chinese by default."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from staffing.errors import visible as _v  # output escaping: no raw control/bidi chars reach the terminal
from staffing.findings import Finding, Severity
from staffing.messages import CATALOGUE, check_name, render, text
from staffing.reporters import summary_line

if TYPE_CHECKING:
    from staffing.run.results import Run

_KEYS = ("error", "warning", "info", "unknown", "incomplete", "where", "source", "unusable", "pass", "waived", "summary", "pack", "shipped")
# The words of the text report, from the one catalogue (keys "report.*").
LABELS = {lang: {k: CATALOGUE[f"report.{k}"][i] for k in _KEYS} for i, lang in enumerate(("zh", "en"))}

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m", "unknown": "\033[35m", "pass": "\033[32m", "dim": "\033[2m", "bold": "\033[1m"}
_RESET = "\033[0m"


SKIPPED_LISTED = 50  # skipped files named one by one in the text report (JSON names them all)


def _use_colour() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def _paint(text: str, colour: str, on: bool) -> str:
    return f"{_COLOURS[colour]}{text}{_RESET}" if on else text


def _finding_lines(f: Finding, lang: str, colour: bool) -> list[str]:
    lab = LABELS[lang]
    sev = lab["waived"] if f.waived else lab[f.severity.value]
    sev_colour = "dim" if f.waived else f.severity.value
    head = f"  {_v(f.where())}  {_paint(sev, sev_colour, colour)}  {f.code} {check_name(f.code, f.slug, lang)}  {_v(f.message(lang))}"
    lines = [head]
    colon = text("sep.colon", lang)
    trail = _v(" › ".join(f.trail(lang)))
    if trail:
        lines.append(f"      {lab['where']}{colon}{trail}")
    cited = f.citation(lang)
    if cited:
        lines.append(_paint(f"      {lab['source']}{colon}{_v(cited)}", "dim", colour))
    if f.waived:
        lines.append(_paint(f"      {lab['waived']}{colon}{_v(str(f.waived))}", "dim", colour))
    return lines


def report(run: Run, lang: str) -> str:
    return "".join(stream(run, lang))


def stream(run: Run, lang: str) -> Iterator[str]:
    """The report in pieces, one file at a time."""
    colour = _use_colour()
    lab = LABELS[lang]
    out: list[str] = []
    for result in run.results:
        if out:
            yield "\n".join(out) + "\n"
            out = []
        if result.error is not None:  # every mistake of the file, each at its place
            colon = text("sep.colon", lang)
            for e in result.error.each():
                out.append(f"{e.where()}: {_paint(lab['unusable'], 'error', colour)}{colon}{_v(e.message(lang))}")
            continue
        if not result.findings:
            continue
        title = pack_label(result.pack, lang) if result.pack else ""
        town = result.summary.town.name if result.summary else ""
        pack = f"{lab['pack']}：{title}" if lang == "zh" else f"{lab['pack']} “{title}”"
        out.append(_paint(_v(result.path), "bold", colour) + _v(f"  {town} · {pack}"))
        for f in result.findings:
            out.extend(_finding_lines(f, lang, colour))
        out.append("")
    for f in run.pack_findings:
        out.append(f"{_v(f.file)}:{f.line}:{f.column}  {_paint(lab['warning'], 'warning', colour)}  {f.code} {check_name(f.code, f.slug, lang)}  {_v(f.message(lang))}")
    colon = text("sep.colon", lang)
    used = {r.pack.id: r.pack for r in run.results if r.pack is not None}
    if used:  # every report names the packs it used and where each came from
        sep = text("sep.list", lang)
        out.append(_v(lab["pack"] + colon + sep.join(pack_label(used[k], lang) for k in sorted(used))))
    skipped = render("report.skipped", lang, {})
    for s in run.skipped[:SKIPPED_LISTED]:
        out.append(_paint(f"{_v(s.path)}: {skipped}{colon}{s.message(lang)}", "dim", colour))
    if len(run.skipped) > SKIPPED_LISTED:
        out.append(_paint(render("report.skipped-more", lang, {"count": len(run.skipped) - SKIPPED_LISTED}), "dim", colour))
    out.append(summary_line(run, lang))
    yield "\n".join(out) + "\n"
    if run.rollup is not None:
        from staffing.reporters.rollup import rollup_text

        yield rollup_text(run.rollup, lang)


def pack_label(pack: Any, lang: str) -> str:
    """The pack's title and where it came from: 江苏省…（内置） / … (shipped)."""
    from staffing.checks.pack import SHIPPED

    title = pack.title.get(lang) or pack.id
    origin = LABELS[lang]["shipped"] if pack.origin == SHIPPED else CATALOGUE["report.from"][
        0 if lang == "zh" else 1].format(origin=pack.origin)
    return f"{title}（{origin}）" if lang == "zh" else f"{title} ({origin})"


__all__ = ["Severity", "report"]
