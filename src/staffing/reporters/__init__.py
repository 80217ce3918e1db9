"""Reporters turn a run's results into text.  Name → implementation; the CLI's --format
choices come from this dict."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from staffing.findings import Finding, Severity
from staffing.run.engine import FileResult, Settings, Skipped


@dataclass
class Run:
    """Everything one `staffing check` produced, in a stable order."""

    results: list[FileResult]
    pack_findings: list[Finding] = field(default_factory=list)
    strict: bool = False
    settings: Settings | None = None  # what was selected (the JUnit reporter marks the rest skipped)
    skipped: list[Skipped] = field(default_factory=list)  # plan-like files not checked, with why
    rollup: dict[str, Any] | None = None  # by check, county and province, for a run over many plans (text, JSON)

    def failing(self, finding: Finding) -> bool:
        if finding.waived:
            return False
        return finding.severity == Severity.ERROR or (self.strict and finding.severity == Severity.WARNING)

    def status(self, result: FileResult) -> str:
        """pass, fail, incomplete (nothing fails but something could not be checked) or error."""
        return file_status(result, self.failing)

    def counts(self) -> dict[str, int]:
        """Plans (passed, failed, unusable) apart from county files (`_county.yaml`, whose
        names start with "_", as no plan's may): a county file is not a plan."""
        plans = [self.status(r) for r in self.results if not _is_county(r.path)]
        county = [self.status(r) for r in self.results if _is_county(r.path)]
        every = [f for r in self.results for f in r.findings] + self.pack_findings
        return {
            "files": len(self.results),
            "plans": len(plans),
            "passed": plans.count("pass"),
            "failed": plans.count("fail"),
            "incomplete": plans.count("incomplete"),
            "unusable": plans.count("error"),
            "county_files": len(county),
            "county_failed": county.count("fail"),
            "county_unusable": county.count("error"),
            "errors": sum(1 for f in every if f.severity == Severity.ERROR and not f.waived),
            "warnings": sum(1 for f in every if f.severity == Severity.WARNING and not f.waived),
            "unknown": sum(1 for f in every if f.severity == Severity.UNKNOWN and not f.waived),
            "waived": sum(1 for f in every if f.waived),
            "skipped": len(self.skipped),
        }

    def summary(self, lang: str) -> str:
        """The closing line of a text report, from the catalogue."""
        from staffing.messages import render

        counts = self.counts()
        line = render("report.summary", lang, counts)
        if counts["county_files"]:
            county = dict(counts, county_failed=counts["county_failed"] + counts["county_unusable"])
            line += ("；" if lang == "zh" else "; ") + render("report.summary-county", lang, county)
        return line


def _is_county(path: str) -> bool:
    return os.path.basename(path).startswith("_")


def file_status(result: FileResult, failing: Callable[[Finding], bool]) -> str:
    if result.error is not None:
        return "error"
    if any(failing(f) for f in result.findings):
        return "fail"
    if any(f.severity == Severity.UNKNOWN and not f.waived for f in result.findings):
        return "incomplete"
    return "pass"


Reporter = Callable[[Run, str], str]


class _Registry(Mapping[str, Reporter]):
    """Name → reporter, each module imported the first time its reporter is asked for
    (a one-file check in a pre-commit hook pays for one reporter, not five: JUnit's XML
    and SARIF's imports are ~20 ms of start-up)."""

    _MODULES: ClassVar[dict[str, str]] = {"text": "text", "json": "json_reporter", "sarif": "sarif", "junit": "junit", "github": "github",
                                             # the province summary for Excel (files: --output xlsx=汇总.xlsx)
                                             "xlsx": "workbook_summary", "csv": "csv_summary"}

    def __init__(self) -> None:
        self._loaded: dict[str, Reporter] = {}

    def __getitem__(self, name: str) -> Reporter:
        found = self._loaded.get(name)
        if found is None:
            module = importlib.import_module(f"staffing.reporters.{self._MODULES[name]}")
            found = self._loaded[name] = module.report
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._MODULES)

    def __len__(self) -> int:
        return len(self._MODULES)


REPORTERS: Mapping[str, Reporter] = _Registry()
# Formats made for a spreadsheet program, written only as files (--output FORMAT=FILE): the
# workbook is binary, and the CSV starts with the BOM Excel needs.
FILE_ONLY = frozenset({"xlsx", "csv"})
CONSOLE_FORMATS = tuple(sorted(set(REPORTERS) - FILE_ONLY))


def stream(name: str, run: Run, lang: str) -> Iterator[str | bytes]:
    """The report `name` in pieces, for writing as it is made: a reporter with a `stream`
    (text, json, sarif, github) turns one file's findings into text at a time, so memory
    does not grow with the number of findings; any other gives its whole text."""
    where = _Registry._MODULES.get(name)  # a reporter registered otherwise has no stream
    pieces = getattr(importlib.import_module(f"staffing.reporters.{where}"), "stream", None) if where else None
    if pieces is None:
        return iter((REPORTERS[name](run, lang),))
    return iter(pieces(run, lang))


def whole(name: str, run: Run, lang: str) -> str | bytes:
    """The whole report `name` (for a file, written whole or not at all)."""
    pieces = list(stream(name, run, lang))
    if pieces and isinstance(pieces[0], bytes):
        return b"".join(p for p in pieces if isinstance(p, bytes))
    return "".join(p for p in pieces if isinstance(p, str))
