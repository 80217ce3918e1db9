"""The case plans of the checks: tests/checks/cases/<CODE>/{bad,good}/*.yaml, discovered from
the folders, and how one is run.  Each family's test module (test_bodies.py for ST1xx, …)
runs the cases of its codes; test_cases.py holds what every case must be.

Each case file is a complete plan whose header says what it expects:

    # expect: ST101 @ 25:1          bad case: ST101 is reported, its first finding at 25:1
    # expect-not: ST101             good case: ST101 is not reported
    # rules: ../packs/x.yaml        optional: the pack to check with (relative to the file)
    # expect: ST000 @ 11:14 in ../packs/x.yaml   the location is in that file
    # expect: ST201 @ 30:5 cannot-check          bad case whose outcome is "cannot check" (a figure unknown)

A bad case is a good case of its code with one change that breaks the rule; two more header
lines, after its first (which says what it breaks), say which and where:

    # derives from: ../good/one-worker-per-thousand.yaml
    # changes: grid.workers

`changes` lists, comma-separated, the places in the plan's data where the two differ: dotted
paths, list items by their index (`bodies.3.quotas.administrative`); `+path` is a key or a
list item only the bad case has, `-path` one only the good case has (lists are aligned on
their equal items, as a text diff aligns lines: `+bodies.9` is an added body, at its index in
the bad case; `-transfers.1` a removed transfer, at its index in the good case); `--rules`
says the bad case is checked with another pack (its `# rules:` line) than the good one.
test_cases.py holds every bad case to differ from its good case exactly there.

Adding a case is adding a file: copy a good case of the code, make the one change, and write
the header (the runner says where the first finding is); the cases are maintained by hand,
each read as the regression baseline it is.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from staffing.checks import lookup
from staffing.findings import Finding, Severity
from staffing.run.engine import check_file, pack_findings
from staffing.run.results import FileResult, Settings

from conftest import CASES

HEADER = re.compile(
    r"^#\s*(?P<kind>expect|expect-not):\s*(?P<code>ST\d{3})"
    r"(?:\s*@\s*(?P<line>\d+):(?P<col>\d+)(?:\s+in\s+(?P<file>\S+))?)?(?P<unknown>\s+cannot-check)?\s*$"
)
RULES = re.compile(r"^#\s*rules:\s*(?P<path>\S+)\s*$")
DERIVES = re.compile(r"^#\s*derives from:\s*(?P<path>\S+)\s*$")
CHANGES = re.compile(r"^#\s*changes:\s*(?P<paths>\S.*?)\s*$")


@dataclass(frozen=True)
class Case:
    path: Path
    code: str
    bad: bool
    line: int | None
    column: int | None
    where_file: Path | None
    rules: Path | None
    unknown: bool = False
    derives_from: Path | None = None
    changes: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return str(self.path.relative_to(CASES))

    @property
    def family(self) -> str:
        """The module of src/staffing/checks its code is written in (bodies, quotas, …)."""
        return family_of(self.code)


def family_of(code: str) -> str:
    return lookup(code).__module__.rsplit(".", 1)[1]


def parse_case(path: Path) -> Case:
    expect = None
    rules = None
    derives = None
    changes: tuple[str, ...] = ()
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.startswith("#"):
            break
        if m := HEADER.match(raw):
            expect = m
        elif m := RULES.match(raw):
            rules = (path.parent / m["path"]).resolve()
        elif m := DERIVES.match(raw):
            derives = (path.parent / m["path"]).resolve()
        elif m := CHANGES.match(raw):
            changes = tuple(p.strip() for p in m["paths"].split(","))
    assert expect is not None, f"{path}: no '# expect: CODE @ L:C' or '# expect-not: CODE' header"
    bad = expect["kind"] == "expect"
    folder_kind = path.parent.name
    assert folder_kind == ("bad" if bad else "good"), f"{path}: header says {expect['kind']} but it is in {folder_kind}/"
    assert expect["code"] == path.parents[1].name, f"{path}: header code {expect['code']} is not its folder's"
    if bad:
        assert expect["line"], f"{path}: a bad case must give the location: '# expect: CODE @ LINE:COL'"
    return Case(
        path=path,
        code=expect["code"],
        bad=bad,
        line=int(expect["line"]) if expect["line"] else None,
        column=int(expect["col"]) if expect["col"] else None,
        where_file=(path.parent / expect["file"]).resolve() if expect["file"] else None,
        rules=rules,
        unknown=bool(expect["unknown"]),
        derives_from=derives,
        changes=changes,
    )


ALL_CASES = sorted((parse_case(p) for p in CASES.glob("ST*/*/*.yaml") if p.parent.name in ("good", "bad")),
                   key=lambda c: c.id)


def bad_cases(family: str) -> list[Case]:
    return [c for c in ALL_CASES if c.bad and c.family == family]


def good_cases(family: str) -> list[Case]:
    return [c for c in ALL_CASES if not c.bad and c.family == family]


def case_id(case: Case) -> str:
    return case.id


def run_case(case: Case) -> tuple[FileResult, list[Finding]]:
    settings = Settings(rules=str(case.rules) if case.rules else None)
    result = check_file(str(case.path), settings)
    assert result.error is None, f"{case.id} is unusable: {result.error.where()}: {result.error.message('en')}"
    found = list(result.findings) + (pack_findings(result.pack) if result.pack else [])
    return result, found


def check_bad_case(case: Case) -> None:
    """The bad case reports its code, its first finding where the header says."""
    _, found = run_case(case)
    mine = sorted((f for f in found if f.code == case.code), key=lambda f: (f.line, f.column))
    assert mine, f"{case.id}: expected {case.code}, got {[f'{f.code} {f.message.en}' for f in found]}"
    first = mine[0]
    assert (first.line, first.column) == (case.line, case.column), (
        f"{case.id}: first {case.code} at {first.line}:{first.column}, header says {case.line}:{case.column}"
        f" ({first.message.en})"
    )
    if case.where_file is not None:
        assert Path(first.file).resolve() == case.where_file
    else:
        assert Path(first.file).resolve() == case.path.resolve()
    assert first.message.zh and first.message.en and first.message.zh != first.message.en
    # a violation is a violation; "cannot check" is its own outcome, and the header says which
    assert (first.severity == Severity.UNKNOWN) == case.unknown, (
        f"{case.id}: first {case.code} is {first.severity.value}: {first.message.en}")


def check_good_case(case: Case) -> None:
    """The good case does not report its code."""
    _, found = run_case(case)
    mine = [f for f in found if f.code == case.code]
    assert not mine, f"{case.id}: unexpected {[f'{f.line}:{f.column} {f.message.en}' for f in mine]}"


def case_result(rel: str) -> FileResult:
    result = check_file(str(CASES / rel))
    assert result.error is None
    return result


# ---------------------------------------------------------------- where two plans differ


def differences(good: Any, bad: Any, at: tuple[str | int, ...] = ()) -> list[str]:
    """The places where `bad` differs from `good`, in the notation of the `# changes:` header."""
    def name(path: tuple[str | int, ...]) -> str:
        return ".".join(str(k) for k in path)

    if isinstance(good, dict) and isinstance(bad, dict):
        out = [f"-{name(at + (k,))}" for k in good if k not in bad]
        out += [f"+{name(at + (k,))}" for k in bad if k not in good]
        for k in good:
            if k in bad:
                out += differences(good[k], bad[k], at + (k,))
        return out
    if isinstance(good, list) and isinstance(bad, list):
        if len(good) == len(bad):
            return [d for i, (g, b) in enumerate(zip(good, bad, strict=True)) for d in differences(g, b, at + (i,))]
        # lists of different lengths: aligned on their equal items, as a text diff aligns lines
        def key(v: Any) -> str:
            return json.dumps(v, sort_keys=True, default=str, ensure_ascii=False)

        out = []
        matcher = difflib.SequenceMatcher(a=[key(g) for g in good], b=[key(b) for b in bad], autojunk=False)
        for tag, g1, g2, b1, b2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            paired = min(g2 - g1, b2 - b1)  # a replaced run: item against item, the rest added or removed
            for k in range(paired):
                out += differences(good[g1 + k], bad[b1 + k], at + (b1 + k,))
            out += [f"-{name(at + (i,))}" for i in range(g1 + paired, g2)]
            out += [f"+{name(at + (i,))}" for i in range(b1 + paired, b2)]
        return out
    if type(good) is not type(bad) or good != bad:
        return [name(at)]
    return []
