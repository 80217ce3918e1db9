"""Reporters turn a run's results into text.  Name → implementation; the CLI's --format
choices come from this dict."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from typing import ClassVar

from staffing.run.results import Run


def summary_line(run: Run, lang: str) -> str:
    """The closing line of a text report, from the catalogue."""
    from staffing.messages import render

    counts = run.counts()
    line = render("report.summary", lang, counts)
    if counts["county_files"]:
        county = dict(counts, county_failed=counts["county_failed"] + counts["county_unusable"])
        line += render("sep.clause", lang, {}) + render("report.summary-county", lang, county)
    return line


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
