"""SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers.

One run; `tool.driver.rules` describes every check (id = code, name = slug, the
docstring as help, the policy source per pack used in the run) plus the three
run-level rules: ST000 (a pack loosens its parent), ST001 (an unusable plan file) and
ST002 (a waiver that matches nothing).  An unusable file is both a result of rule ST001
and a tool execution notification, so it is never dropped.  A waived finding carries a
`suppressions` entry (kind external, status accepted, the waiver as justification).
"""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Iterator
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from staffing import __version__
from staffing.checks import CHECKS, UNUSABLE_INPUT, Check
from staffing.errors import InputProblem
from staffing.findings import Finding, Severity
from staffing.messages import text
from staffing.reporters.jsonstream import Streamed
from staffing.reporters.jsonstream import stream as json_pieces

if TYPE_CHECKING:
    from staffing.run.results import Run

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
UNUSABLE_CODE = UNUSABLE_INPUT.code
# "cannot check" is SARIF's own kind of result: level none, kind review (a person must look)
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note", Severity.UNKNOWN: "none"}


def _driver(rules: list[dict[str, Any]]) -> dict[str, Any]:
    driver: dict[str, Any] = {"name": "staffing", "version": __version__, "semanticVersion": __version__}
    uri = information_uri()
    if uri:  # optional in SARIF; never point at a page that may be someone else's
        driver["informationUri"] = uri
    driver["rules"] = rules
    return driver


def information_uri() -> str | None:
    """The project's home page from the installed package's metadata, if it declares one."""
    try:
        from importlib.metadata import metadata

        md = metadata("staffing")
        for entry in md.get_all("Project-URL") or []:
            _, _, url = entry.partition(",")
            if url.strip().startswith("http"):
                return url.strip()
        # PackageMetadata.get exists at run time (an email.message.Message); the 3.11 stubs omit it
        if (md.get("Home-page") or "").startswith("http"):  # type: ignore[attr-defined]
            return str(md["Home-page"])
    except Exception:  # pragma: no cover - metadata missing when run from a source tree
        pass
    return None


def _rule(check: type[Check], run: Run, lang: str) -> dict[str, Any]:
    """A check as a SARIF rule, documented in the report's language: the title, what it
    checks, why, and the whole documentation `staffing explain` gives (the Chinese from the
    catalogue, the English from the docstring), under the catalogue's headings."""
    doc = inspect.cleandoc(check.__doc__ or "")
    title = text(f"title.{check.code}", lang) if lang == "zh" else (doc.splitlines()[0] if doc else check.slug)
    what, why, example, fix = check.sections(lang)
    full = what or title
    headings = ("explain.what", "explain.why", "explain.example", "explain.fix")
    help_text = "\n\n".join(f"## {text(h, lang)}\n{body}" for h, body in zip(headings, (what, why, example, fix), strict=True))
    help_text = f"{title}\n\n{help_text}"
    sources: dict[str, str] = {}
    for result in run.results:
        pack = result.pack
        if pack is not None and pack.id not in sources:
            src = pack.source(check.slug, None)
            if src:
                sources[pack.id] = src
    props: dict[str, Any] = {"rule": check.rule, "tags": ["staffing", f"rule-{check.rule}"]}
    if why:
        props["policy"] = why
    if sources:
        props["sources"] = dict(sorted(sources.items()))
    return {
        "id": check.code,
        "name": check.slug,
        "shortDescription": {"text": title},
        "fullDescription": {"text": full},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": _LEVEL[check.severity]},
        "properties": props,
    }


def _artifact(path: str) -> dict[str, Any]:
    """A SARIF artifact location. SARIF asks for a URI reference (RFC 3986), so a path with
    spaces, Chinese characters, ``#`` or ``%`` is percent-encoded (UTF-8): code-scanning
    services decode it back to the file in the repository."""
    p = PurePath(path)
    if p.is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(p.as_posix(), safe="/"), "uriBaseId": SRCROOT}


def _location(file: str, line: int | None, column: int | None, trail: tuple[str, ...] = (),
              sheet: str | None = None, cell: str | None = None) -> dict[str, Any]:
    """A physical location viewers accept (in a workbook: the cell's row and column number
    as line and column) and, in a workbook, the cell itself: `职能机构!D7` as the location's
    message and as a logical location."""
    loc: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": _artifact(file),
            "region": {"startLine": max(1, line or 1), "startColumn": max(1, column or 1)},
        }
    }
    logical = []
    if sheet is not None:
        place = f"{sheet}!{cell}" if cell else sheet
        loc["message"] = {"text": place}
        loc["properties"] = {"sheet": sheet, "cell": cell}
        logical.append({"name": cell or sheet, "fullyQualifiedName": place, "kind": "element"})
    if trail:
        logical.append({"fullyQualifiedName": " › ".join(trail), "kind": "object"})
    if logical:
        loc["logicalLocations"] = logical
    return loc


def _fingerprint(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:32]


def _result(f: Finding, lang: str, index: dict[str, int]) -> dict[str, Any]:
    other = "en" if lang == "zh" else "zh"
    out: dict[str, Any] = {
        "ruleId": f.code,
        "level": _LEVEL[f.severity],
        "message": {"text": f.message(lang)},
        "locations": [_location(f.file, f.line, f.column, f.trail(lang), f.sheet, f.cell)],
        "partialFingerprints": {"staffing/v1": _fingerprint(f.code, f.file, "/".join(map(str, f.loc)), f.message.en)},
        "properties": {
            "slug": f.slug,
            "message": {"zh": f.message.zh, "en": f.message.en},
            "trail": {"zh": list(f.trail("zh")), "en": list(f.trail("en"))},
            f"message_{other}": f.message(other),
        },
    }
    if f.severity == Severity.UNKNOWN:
        out["kind"] = "review"
    if f.code in index:
        out["ruleIndex"] = index[f.code]
    if f.source:
        out["properties"]["source"] = f.source
    if f.numbers:
        out["properties"]["numbers"] = f.numbers
    if f.waived:
        out["suppressions"] = [{"kind": "external", "status": "accepted", "justification": f.waived}]
    return out


def _unusable(e: InputProblem, lang: str, index: dict[str, int]) -> dict[str, Any]:
    return {
        "ruleId": UNUSABLE_CODE,
        "ruleIndex": index[UNUSABLE_CODE],
        "level": "error",
        "message": {"text": e.message(lang)},
        "locations": [_location(e.file, e.line, e.column, (), e.sheet, e.cell)],
        "partialFingerprints": {"staffing/v1": _fingerprint(UNUSABLE_CODE, e.file, e.key)},
        "properties": {"key": e.key, "message": {"zh": e.message("zh"), "en": e.message("en")}},
    }


def _results(run: Run, lang: str, index: dict[str, int]) -> Iterator[dict[str, Any]]:
    for r in run.results:
        if r.error is not None:
            for e in r.error.each():
                yield _unusable(e, lang, index)
            continue
        for f in r.findings:
            yield _result(f, lang, index)
    for f in run.pack_findings:
        yield _result(f, lang, index)


def as_data(run: Run, lang: str, streamed: bool = False) -> dict[str, Any]:
    """The SARIF log; with `streamed`, its results as a list turned into JSON one by one."""
    # every registered code, in the registry's order by scope: plan checks, county-file
    # checks, then the run-level codes (ST000 pack loosens parent, ST001 unusable input,
    # ST002 unused waiver, ST003 a formula's saved value used)
    rules = [_rule(c, run, lang) for scope in ("plan", "county", "run") for c in CHECKS if c.scope == scope]
    index = {r["id"]: i for i, r in enumerate(rules)}
    notifications: list[dict[str, Any]] = []
    for r in run.results:  # an unusable file is a result and a notification, so never dropped
        for e in r.error.each() if r.error is not None else ():
            notifications.append({
                "level": "error",
                "message": {"text": e.message(lang)},
                "locations": [_location(e.file, e.line, e.column, (), e.sheet, e.cell)],
                "descriptor": {"id": UNUSABLE_CODE},
            })
    for s in run.skipped:  # a plan-like file not checked: said, never silent
        notifications.append({"level": "note", "message": {"text": s.message(lang)},
                              "locations": [_location(s.path, None, None)], "properties": {"reason": s.reason}})
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    results = _results(run, lang, index)
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": _driver(rules)
                },
                "invocations": [invocation],
                "language": "zh-CN" if lang == "zh" else "en-US",
                "columnKind": "unicodeCodePoints",
                "results": Streamed(results) if streamed else list(results),
                "properties": {"summary": run.counts(), "packs": packs_used(run)},
            }
        ],
    }


def packs_used(run: Run) -> list[dict[str, str]]:
    """Every pack the run used and where it came from (shipped, a pack folder, --rules FILE)."""
    used = {(r.pack.id, r.pack.origin) for r in run.results if r.pack is not None}
    return [{"id": i, "origin": o} for i, o in sorted(used)]


def stream(run: Run, lang: str) -> Iterator[str]:
    """The log in pieces, one result at a time."""
    return json_pieces(as_data(run, lang, streamed=True))


def report(run: Run, lang: str) -> str:
    return "".join(stream(run, lang))
