"""JUnit XML output, for Jenkins and GitLab test reports.

One <testsuite> per plan file and one <testcase> per check that the plan's pack runs:
a check with failing findings has a <failure> (message, and file:line:col of every
finding in the text); a check that passed is a plain testcase (its non-failing warnings
and waived findings, if any, in <system-out>); a check the pack disables or the command
line deselects is <skipped>.  An unusable file is a suite with one testcase in <error>.
Run-level findings (a pack loosening its parent, an unused waiver) form a last suite
named "staffing".
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from staffing.checks import COUNTY_CHECKS, PLAN_CHECKS, UNUSABLE_INPUT, Check
from staffing.checks.county import COUNTY_FILE
from staffing.errors import visible
from staffing.findings import Finding, Severity
from staffing.messages import check_name, render
from staffing.run.results import FileResult

if TYPE_CHECKING:
    from staffing.run.results import Run

_BAD_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _x(text: object) -> str:
    """Text safe for XML 1.0 and inert for whoever reads it: control and bidi characters
    written out (`errors.visible`; our own line breaks stay), anything XML cannot hold replaced."""
    return _BAD_XML.sub("\ufffd", visible(str(text), keep="\n"))


def _classname(path: str) -> str:
    return _x(path.replace(".", "_"))


def checks_for(result: FileResult) -> tuple[type[Check], ...]:
    """The checks a file is tested against: a county file's own checks, else every plan check."""
    if os.path.basename(result.path) == COUNTY_FILE:
        return COUNTY_CHECKS
    return PLAN_CHECKS


def ran(check: type[Check], result: FileResult, run: Run) -> bool:
    if check.scope != "plan":
        return True
    pack = result.pack
    if pack is None:
        return False
    setting = pack.setting(check)
    if setting is None or not setting.enabled:
        return False
    settings = getattr(run, "settings", None)
    return settings is None or settings.selects(check.code, check.slug)


def _named(f: Finding, lang: str) -> dict[str, str]:
    """A finding's code, its check (the Chinese title in Chinese, the slug in English) and message."""
    return {"code": f.code, "title": check_name(f.code, f.slug, lang), "message": f.message(lang)}


def _line(f: Finding, lang: str) -> str:
    where = " › ".join(f.trail(lang))
    severity = render(f"report.{f.severity.value}", lang, {}) if lang == "zh" else f.severity.value
    text = render("ci.finding-line", lang, {"where": f"{f.file}:{f.where()}", "severity": severity, **_named(f, lang)})
    if where:
        text += f"\n    {where}"
    if f.citation(lang):
        text += f"\n    {f.citation(lang)}"
    if f.waived:
        text += "\n    " + render("ci.waived-line", lang, {"waived": render("ci.waived", lang, {}), "waiver": f.waived})
    return text


def _case(suite: ET.Element, name: str, classname: str, findings: list[Finding], run: Run,
          lang: str) -> tuple[int, int]:
    """Add a testcase; returns (failures, skipped) it counts for.  Where each finding is
    (file:line:col) is in the failure's text: Jenkins' schema has no file or line on a
    testcase."""
    case = ET.SubElement(suite, "testcase", name=_x(name), classname=classname, time="0")
    failing = [f for f in findings if run.failing(f)]
    others = [f for f in findings if not run.failing(f)]
    unknown = [f for f in others if f.severity == Severity.UNKNOWN and not f.waived]
    if failing:
        first = failing[0]
        fail = ET.SubElement(case, "failure", message=_x(render("ci.finding", lang, _named(first, lang))),
                             type=_x(first.severity.value))
        fail.text = _x("\n".join(_line(f, lang) for f in failing))
    elif unknown:  # cannot check: neither passed nor failed, so the test case is skipped with the reason
        ET.SubElement(case, "skipped", message=_x(render("ci.finding", lang, _named(unknown[0], lang))))
    if others:
        out = ET.SubElement(case, "system-out")
        out.text = _x("\n".join(_line(f, lang) for f in others))
    return (1 if failing else 0), (1 if not failing and unknown else 0)


def report(run: Run, lang: str) -> str:
    root = ET.Element("testsuites", name="staffing")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for result in run.results:
        suite = ET.SubElement(root, "testsuite", name=_x(result.path), file=_x(result.path))
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        classname = _classname(result.path)
        if result.error is not None:
            e = result.error
            case = ET.SubElement(suite, "testcase", name=f"{UNUSABLE_INPUT.code} {UNUSABLE_INPUT.slug}", classname=classname,
                                 time="0")
            err = ET.SubElement(case, "error", message=_x(e.message(lang)), type=_x(e.key))
            err.text = _x("\n".join(f"{one.where()}: {render('ci.unusable', lang, {})}: {one.message(lang)}"
                                    for one in e.each()))
            counts["tests"] += 1
            counts["errors"] += 1
        else:
            if result.summary is not None:
                props = ET.SubElement(suite, "properties")
                ET.SubElement(props, "property", name="town", value=_x(result.summary.town.name))
                ET.SubElement(props, "property", name="code", value=_x(result.summary.town.code or ""))
                if result.pack is not None:
                    ET.SubElement(props, "property", name="pack", value=_x(result.pack.id))
                    ET.SubElement(props, "property", name="pack-origin", value=_x(result.pack.origin))
            checks = checks_for(result)
            for check in checks:
                name = f"{check.code} {check.slug}"
                counts["tests"] += 1
                if not ran(check, result, run):
                    case = ET.SubElement(suite, "testcase", name=name, classname=classname, time="0")
                    ET.SubElement(case, "skipped", message=render("ci.not-run", lang, {}))
                    counts["skipped"] += 1
                    continue
                mine = [f for f in result.findings if f.code == check.code]
                failed, skipped = _case(suite, name, classname, mine, run, lang)
                counts["failures"] += failed
                counts["skipped"] += skipped
            listed = {c.code for c in checks}
            stray = sorted({f.code for f in result.findings} - listed)
            for code in stray:  # findings of a check this report does not know: never dropped
                mine = [f for f in result.findings if f.code == code]
                counts["tests"] += 1
                failed, skipped = _case(suite, f"{code} {mine[0].slug}", classname, mine, run, lang)
                counts["failures"] += failed
                counts["skipped"] += skipped
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
        suite.set("time", "0")
    if run.pack_findings:
        suite = ET.SubElement(root, "testsuite", name="staffing")
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        for f in run.pack_findings:
            counts["tests"] += 1
            failed, _ = _case(suite, f"{f.code} {f.slug} {f.file}:{f.where()}", "staffing", [f], run, lang)
            counts["failures"] += failed
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
        suite.set("time", "0")
    if run.skipped:  # plan-like files not checked: one skipped test case each, with the reason
        suite = ET.SubElement(root, "testsuite", name=_x(render("report.skipped", lang, {})))
        for s in run.skipped:
            case = ET.SubElement(suite, "testcase", name=_x(s.path), classname=_classname(s.path), time="0")
            ET.SubElement(case, "skipped", message=_x(s.message(lang)))
        n = str(len(run.skipped))
        for attribute, text in (("tests", n), ("failures", "0"), ("errors", "0"), ("skipped", n), ("time", "0")):
            suite.set(attribute, text)
        totals["tests"] += len(run.skipped)
    for key, value in totals.items():
        if key != "skipped":  # Jenkins' schema has no skipped count on <testsuites> (each suite has its own)
            root.set(key, str(value))
    root.set("time", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
