"""The engine's bounds (issue 17): the findings of one check, and of one file, are capped
and the rest counted, so a plan with thousands of mistakes stays a readable report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import (
    GOOD_TEXT,
    run_cli,
)


def _many_baseline_bodies(tmp_path: Path, n: int) -> Path:
    import re

    names = ", ".join(f"b{i}" for i in range(n))
    text = re.sub(r"(  bodies: \[党政办公室[^\]]*)\]", lambda m: m.group(1) + ", " + names + "]", GOOD_TEXT, count=1)
    f = tmp_path / "many.yaml"
    f.write_text(text, encoding="utf-8")
    return f


def test_findings_of_one_check_are_capped_and_the_rest_counted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from staffing.io.load import Limits

    f = _many_baseline_bodies(tmp_path, 250)
    code, out, _ = run_cli(capsys, "--format", "json", str(f))
    findings = json.loads(out)["files"][0]["findings"]
    st906 = [x for x in findings if x["code"] == "ST906"]
    cap = Limits().max_findings_per_check
    assert len(st906) == cap + 1
    more = [x for x in st906 if x["numbers"].get("count")]
    assert len(more) == 1 and more[0]["numbers"] == {"count": 250 - cap, "listed": cap}
    assert "150 more findings of this check not listed" in more[0]["message"]["en"]
    assert "另有150处问题未逐条列出" in more[0]["message"]["zh"]
    assert more[0]["severity"] == "warning" and more[0]["line"] == 21  # where the first left out stands
    code2, text, _ = run_cli(capsys, str(f))
    assert code2 == code and text.count("ST906") == cap + 1
    code3, out, _ = run_cli(capsys, "--format", "json", "--max-findings-per-check", "5", str(f))
    st906 = [x for x in json.loads(out)["files"][0]["findings"] if x["code"] == "ST906"]
    assert code3 == code and len(st906) == 6
    assert [x["numbers"] for x in st906 if x["numbers"]] == [{"count": 245, "listed": 5}]


def test_findings_of_one_file_are_capped(tmp_path: Path) -> None:
    from staffing.io.load import Limits
    from staffing.run.engine import check_file
    from staffing.run.results import Settings

    f = _many_baseline_bodies(tmp_path, 30)
    whole = check_file(str(f))
    assert len(whole.findings) == 30
    capped = check_file(str(f), Settings(limits=Limits(max_findings_per_check=25, max_findings_per_file=12)))
    listed = [x for x in capped.findings if "count" not in x.numbers]
    more = [x for x in capped.findings if "count" in x.numbers]
    assert len(listed) == 12
    # every finding is listed or counted, per check
    for code in {x.code for x in whole.findings}:
        n = sum(1 for x in listed if x.code == code) + sum(x.numbers["count"] for x in more if x.code == code)
        assert n == sum(1 for x in whole.findings if x.code == code), code
