"""Reporters turn a run's results into text.  Name → implementation; the CLI's --format
choices come from this dict."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from staffing.engine import FileResult, Settings
from staffing.findings import Finding, Severity


@dataclass
class Run:
    """Everything one `staffing check` produced, in a stable order."""

    results: list[FileResult]
    pack_findings: list[Finding] = field(default_factory=list)
    strict: bool = False
    settings: Settings | None = None  # what was selected (the JUnit reporter marks the rest skipped)

    def failing(self, finding: Finding) -> bool:
        if finding.waived:
            return False
        return finding.severity == Severity.ERROR or (self.strict and finding.severity == Severity.WARNING)

    def status(self, result: FileResult) -> str:
        if result.error is not None:
            return "error"
        return "fail" if any(self.failing(f) for f in result.findings) else "pass"

    def counts(self) -> dict[str, int]:
        statuses = [self.status(r) for r in self.results]
        every = [f for r in self.results for f in r.findings] + self.pack_findings
        return {
            "files": len(self.results),
            "passed": statuses.count("pass"),
            "failed": statuses.count("fail"),
            "unusable": statuses.count("error"),
            "errors": sum(1 for f in every if f.severity == Severity.ERROR and not f.waived),
            "warnings": sum(1 for f in every if f.severity == Severity.WARNING and not f.waived),
            "waived": sum(1 for f in every if f.waived),
        }


Reporter = Callable[[Run, str], str]


def _registry() -> dict[str, Reporter]:
    from staffing.reporters.github import report as github_report
    from staffing.reporters.json_reporter import report as json_report
    from staffing.reporters.junit import report as junit_report
    from staffing.reporters.sarif import report as sarif_report
    from staffing.reporters.text import report as text_report

    return {"text": text_report, "json": json_report, "sarif": sarif_report, "junit": junit_report,
            "github": github_report}


REPORTERS: dict[str, Reporter] = _registry()
