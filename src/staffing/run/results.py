"""What a run is asked and what it gives back: the settings every plan is checked with, one
file's result, and the run as a whole with its verdict.  Plain types, imported by every
module that passes results along (reporters, the report, charts, the command line, the page
and the editor server) without importing how a plan is checked."""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from staffing.errors import Exit, InputProblem
from staffing.findings import Finding, Severity
from staffing.io.document import DEFAULT_LIMITS, Document, Limits

if TYPE_CHECKING:
    from staffing.checks.pack import Pack
    from staffing.plan.model import Plan
    from staffing.plan.summary import PlanSummary


@dataclass(frozen=True)
class Settings:
    """How every plan of a run is checked (the same for a file, a folder, an upload and an
    editor's buffer): which pack, which pack folders, which checks, within which limits."""

    rules: str | None = None  # pack id, or a file named on the command line, overriding each plan's own
    packs: tuple[str, ...] = ()  # pack folders the configuration or --packs names (absolute paths)
    select: frozenset[str] = frozenset()  # codes; empty = all
    ignore: frozenset[str] = frozenset()
    limits: Limits = DEFAULT_LIMITS

    def selects(self, code: str, slug: str) -> bool:
        """Whether the run checks the check of this code and slug (--select, --ignore)."""
        keys = {code, slug}
        if self.select and not keys & self.select:
            return False
        return not keys & self.ignore


@dataclass(frozen=True)
class Waivers:
    """Which waiver file a run reads: `file` given (--waivers or staffing.toml), else the
    default file in `folder` (the working folder when None); none at all when `off`."""

    file: str | None = None
    folder: str | None = None
    off: bool = False


@dataclass(frozen=True)
class Skipped:
    """A plan-like file in a checked folder that is not checked, and why (a catalogue key)."""

    path: str
    reason: str

    def message(self, lang: str) -> str:
        from staffing.messages import render

        return render(self.reason, lang, {})


@dataclass
class FileResult:
    """One checked file.  `summary` is what every later step reads (reporters, waivers,
    county checks, roll-ups); `plan` and `document` are there only when the file was
    checked in this process (never for a result from another worker or the cache)."""

    path: str
    summary: PlanSummary | None = None
    pack: Pack | None = None
    findings: list[Finding] = field(default_factory=list)
    error: InputProblem | None = None
    plan: Plan | None = None
    document: Document | None = None
    # the result cache's key of the file's content, settings and tool, when the batch
    # worked it out (county roll-ups are cached on their towns' keys; see run.county)
    cache_key: str | None = None


PLAN_SUFFIXES = (".yaml", ".yml", ".json", ".xlsx")  # what a checked folder's plans are named


def is_county(path: str) -> bool:
    """A county file (`_county.yaml`): no plan's name starts with "_".  (Asked of every result
    several times a run: the name is not cut out of the path where "/" is the one separator.)"""
    if os.sep == "/" and os.altsep is None:
        return path.startswith("_", path.rfind("/") + 1)
    return os.path.basename(path).startswith("_")


def file_status(result: FileResult, failing: Callable[[Finding], bool]) -> str:
    """pass, fail, incomplete (nothing fails but something could not be checked) or error."""
    if result.error is not None:
        return "error"
    if not result.findings:  # most results: nothing to say
        return "pass"
    if any(failing(f) for f in result.findings):
        return "fail"
    if any(f.severity == Severity.UNKNOWN and not f.waived for f in result.findings):
        return "incomplete"
    return "pass"


@dataclass
class Run:
    """Everything one run produced, in a stable order: what every reporter, the report, the
    charts, the page and the editor server read."""

    results: list[FileResult]
    pack_findings: list[Finding] = field(default_factory=list)  # of the run: packs, waivers
    strict: bool = False
    settings: Settings | None = None  # what was selected (the JUnit reporter marks the rest skipped)
    skipped: list[Skipped] = field(default_factory=list)  # plan-like files not checked, with why
    rollup: dict[str, Any] | None = None  # by check, county and province, for a run over many plans (text, JSON)
    today: _dt.date | None = None  # the day the run was judged on (waivers' expiry; the report's date)

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
        plans: list[str] = []
        county: list[str] = []
        for r in self.results:
            (county if is_county(r.path) else plans).append(self.status(r))
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
            "county_incomplete": county.count("incomplete"),
            "county_unusable": county.count("error"),
            "errors": sum(1 for f in every if f.severity == Severity.ERROR and not f.waived),
            "warnings": sum(1 for f in every if f.severity == Severity.WARNING and not f.waived),
            "unknown": sum(1 for f in every if f.severity == Severity.UNKNOWN and not f.waived),
            "waived": sum(1 for f in every if f.waived),
            "skipped": len(self.skipped),
        }

    def exit_code(self, allow_incomplete: bool = False) -> int:
        """The exit code the results earn: 2 unusable, 1 failed (or incomplete, unless
        allowed), else 0."""
        counts = self.counts()
        if counts["unusable"] or counts["county_unusable"]:
            return Exit.UNUSABLE
        if counts["failed"] or counts["county_failed"] or any(self.failing(f) for f in self.pack_findings):
            return Exit.VIOLATIONS  # e.g. an unused waiver, --fail-on warning
        if (counts["incomplete"] or counts["county_incomplete"]) and not allow_incomplete:
            # never a pass: something could not be checked, in a plan or a county file
            return Exit.VIOLATIONS
        return Exit.CLEAN


DEFAULT_SETTINGS = Settings()
