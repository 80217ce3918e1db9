"""What the checker says, as the Language Server Protocol says it: places in UTF-16 code
units (LSP's default position encoding; the checker counts characters, and a CJK plan with an
astral character differs), severities, the code linked to its explanation, the policy
document in the message, and quick fixes where the fix is mechanical."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path
from typing import Any

from lsprotocol import types as t

from staffing.errors import InputProblem
from staffing.findings import Finding, Severity
from staffing.io.document import LINE_BREAK
from staffing.lsp.checker import Checked
from staffing.messages import render
from staffing.words import Words

SOURCE = "staffing"
UNUSABLE = "ST001"  # the code an unusable file's mistakes carry (as in SARIF and JUnit)
SEVERITY = {Severity.ERROR: t.DiagnosticSeverity.Error, Severity.WARNING: t.DiagnosticSeverity.Warning,
            Severity.INFO: t.DiagnosticSeverity.Information, Severity.UNKNOWN: t.DiagnosticSeverity.Information}
TOKEN = re.compile(r"""["']?[^\s,\[\]{}#"']+["']?""")
WHOLE_NUMBER = re.compile(r"^([0-9\uff10-\uff19]+)\s*名?$")
QUOTED = re.compile(r"“([^”]+)”")


def utf16(text: str, column: int) -> int:
    """The 0-based UTF-16 offset of the 1-based character column `column` in `text`."""
    prefix = text[: max(column - 1, 0)]
    return len(prefix.encode("utf-16-le")) // 2


def _span(lines: list[str], line: int, column: int) -> tuple[t.Range, str]:
    """The range of the value at 1-based (line, column), and its text: the token there, or
    one character, or the end of the line."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    start = min(max(column - 1, 0), len(text))
    m = TOKEN.match(text, start)
    end = m.end() if m else min(start + 1, len(text))
    token = text[start:end]
    begin = t.Position(line=max(line - 1, 0), character=utf16(text, start + 1))
    return t.Range(start=begin, end=t.Position(line=begin.line, character=utf16(text, end + 1))), token


def explanation_uri(code: str, lang: str) -> str | None:
    """A file holding `staffing explain CODE` (in the user's cache folder, never in the
    repository), as a URI an editor opens from the diagnostic's code."""
    from staffing.lsp.checker import explain

    body = explain(code, lang)
    if body is None:
        return None
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "staffing" / "explain" / lang
    target = base / f"{code}.md"
    try:
        if not target.is_file() or target.read_text(encoding="utf-8") != body:
            from staffing.io.output import write_atomic

            write_atomic(target, body)
    except OSError:
        return None
    return target.as_uri()


def _code(code: str, lang: str) -> dict[str, Any]:
    href = explanation_uri(code, lang)
    return {"code": code, "code_description": t.CodeDescription(href=href) if href else None}


def finding_diagnostic(f: Finding, lines: list[str], lang: str) -> t.Diagnostic:
    rng, _ = _span(lines, f.line, f.column)
    parts = [f.message(lang)]
    trail = f.trail(lang)
    if trail:
        parts.append(render("lsp.trail", lang, {"trail": " › ".join(trail)}))
    citation = f.citation(lang)
    if citation:
        parts.append(render("lsp.citation", lang, {"citation": citation}))
    if f.waived:
        parts.append(render("lsp.waived", lang, {"waiver": f.waived}))
    severity = t.DiagnosticSeverity.Hint if f.waived else SEVERITY[f.severity]
    return t.Diagnostic(range=rng, message="\n".join(parts), severity=severity, source=SOURCE, **_code(f.code, lang))


def problem_diagnostic(p: InputProblem, lines: list[str], lang: str) -> t.Diagnostic:
    rng, token = _span(lines, p.line or 1, p.column or 1)
    if p.line is None:  # a section the plan lacks: no line is where it is missing
        rng = t.Range(start=t.Position(line=0, character=0), end=t.Position(line=0, character=0))
    fix = quick_fix(p, lines, token, rng, lang)
    return t.Diagnostic(range=rng, message=problem_message(p, lang), severity=t.DiagnosticSeverity.Error,
                        source=SOURCE, data={"fix": fix} if fix else None, **_code(UNUSABLE, lang))


def problem_message(p: InputProblem, lang: str) -> str:
    """What `staffing check` says of the problem, but a size limit said as the editor sets it:
    in staffing.toml, not by the command line's option the editor server does not have."""
    if p.key == "input.too-large":
        return render("lsp.too-large", lang, dict(p.params))
    return p.message(lang)


def diagnostics(checked: Checked, text: str, lang: str) -> list[t.Diagnostic]:
    """Every problem and finding of one file, in document order, placed in `text`."""
    lines = LINE_BREAK.split(text)  # not splitlines(): NEL, U+2028 and U+2029 end no line here
    out = [problem_diagnostic(p, lines, lang) for p in checked.problems]
    out += [finding_diagnostic(f, lines, lang) for f in checked.findings]
    out.sort(key=lambda d: (d.range.start.line, d.range.start.character))
    return out


# ---- quick fixes ---------------------------------------------------------------------------


def _ascii_digits(text: str) -> str:
    return "".join(str(unicodedata.digit(ch)) if ch.isdigit() else ch for ch in text)


def quick_fix(p: InputProblem, lines: list[str], token: str, rng: t.Range, lang: str) -> dict[str, Any] | None:
    """{title, range, newText} of the one edit that mends `p`, where it is mechanical: a
    full-width colon after a key, a whole number written with 名 or full-width digits, a value
    the did-you-mean is sure of.  None elsewhere."""
    params = dict(p.params)
    if p.line is None:
        return None
    text = lines[p.line - 1] if p.line <= len(lines) else ""
    at = (p.column or 1) - 1
    if p.key == "input.full-width-colon" and text[at:at + 1] == "：":
        new = ":" if text[at + 1:at + 2] == " " else ": "
        end = t.Position(line=rng.start.line, character=rng.start.character + 1)
        return _edit(render("lsp.fix-colon", lang, {}), t.Range(start=rng.start, end=end), new)
    bare = token.strip("\"'")
    reason = params.get("reason")
    if p.key == "input.schema" and isinstance(reason, Words) and reason.en == "must be a whole number":
        m = WHOLE_NUMBER.match(bare)
        if m and bare != _ascii_digits(m.group(1)):
            number = _ascii_digits(m.group(1))
            return _edit(render("lsp.fix-number", lang, {"value": number}), rng, number)
    value, hint = params.get("value"), params.get("hint")
    if isinstance(value, str) and value == bare and isinstance(hint, Words):
        said = QUOTED.findall(hint.zh if re.search(r"[\u3400-\u9fff]", value) else hint.en)
        if len(said) == 1:  # one nearest word: sure enough to offer
            return _edit(render("lsp.fix-word", lang, {"word": said[0]}), rng, token.replace(bare, said[0]))
    return None


def _edit(title: str, rng: t.Range, new: str) -> dict[str, Any]:
    return {"title": title, "range": [rng.start.line, rng.start.character, rng.end.line, rng.end.character],
            "newText": new}


def code_actions(uri: str, diagnostics: list[t.Diagnostic]) -> list[t.CodeAction]:
    """The quick fixes the diagnostics carry."""
    out = []
    for d in diagnostics:
        fix = (d.data or {}).get("fix") if isinstance(d.data, dict) else None
        if not fix:
            continue
        a, b, c, e = fix["range"]
        rng = t.Range(start=t.Position(line=a, character=b), end=t.Position(line=c, character=e))
        edit = t.WorkspaceEdit(changes={uri: [t.TextEdit(range=rng, new_text=fix["newText"])]})
        out.append(t.CodeAction(title=fix["title"], kind=t.CodeActionKind.QuickFix, diagnostics=[d], edit=edit,
                                is_preferred=True))
    return out
