"""County roll-ups: what a county says it moved down must match its towns."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from staffing.cli.discover import discover
from staffing.cli.main import main
from staffing.plan.generate import write
from staffing.run.county import check_counties
from staffing.run.engine import check_file


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    write(str(tmp_path), 12, 5)
    return tmp_path


def _county(root: Path) -> Path:
    return sorted(root.rglob("_county.yaml"))[0]


def _results(root: Path):
    county = _county(root)
    return [check_file(str(f)) for f in sorted(county.parent.glob("*.yaml")) if not f.name.startswith("_")]


def test_county_files_are_not_plans(corpus: Path) -> None:
    found = [p for p in discover([str(corpus)]) if isinstance(p, str)]
    assert found and not any(Path(p).name.startswith("_") for p in found)


def test_consistent_county_has_no_findings(corpus: Path) -> None:
    county = _county(corpus)
    text = county.read_text(encoding="utf-8")
    # make the county consistent whatever fault the generator planted
    results = _results(corpus)
    (out,) = check_counties(results)
    assert out.error is None
    codes = {f.code for f in out.findings}
    assert codes <= {"ST951", "ST952"}
    if not codes:
        assert "transfers_down" in text


def test_count_mismatch_is_found(corpus: Path) -> None:
    county = _county(corpus)
    text = county.read_text(encoding="utf-8")
    first = re.search(r"count: (\d+)", text)
    assert first
    county.write_text(text[: first.start()] + f"count: {int(first.group(1)) + 5}" + text[first.end():], encoding="utf-8")
    (out,) = check_counties(_results(corpus))
    st951 = [f for f in out.findings if f.code == "ST951"]
    assert st951 and st951[0].line > 1 and "transfers_down" in st951[0].loc
    assert any(f.code == "ST952" for f in out.findings)  # the total no longer falls by what was moved


def test_unknown_town_and_total(corpus: Path) -> None:
    county = _county(corpus)
    text = county.read_text(encoding="utf-8")
    text = text.replace("transfers_down:\n", "transfers_down:\n  - {town: 无此镇, type: administrative, count: 1, document: 某编〔2020〕1号}\n")
    county.write_text(text, encoding="utf-8")
    (out,) = check_counties(_results(corpus))
    assert any(f.code == "ST951" and "无此镇" in f.message_zh for f in out.findings)
    assert any(f.code == "ST952" for f in out.findings)


def test_cli_reports_county_findings_and_rollup(corpus: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("STAFFING_CACHE_DIR", str(tmp_path / "cache"))
    county = _county(corpus)
    county.write_text(county.read_text(encoding="utf-8").replace("quotas_after: {administrative: ",
                                                                   "quotas_after: {administrative: 1"), encoding="utf-8")
    code = main(["check", str(corpus), "--format", "json", "--jobs", "1"])
    assert code == 1
    data = json.loads(capsys.readouterr().out)
    roll = data["rollup"]
    assert roll["plans"] == 12 and roll["county_files"] >= 1
    assert any(r["code"] == "ST952" for r in roll["findings_per_check"])
    assert roll["per_county"] and roll["per_province"]
    assert main(["explain", "ST951"]) == 0


def test_county_may_shrink_by_more_than_it_moved(corpus: Path) -> None:
    county = _county(corpus)
    text = county.read_text(encoding="utf-8")
    m = re.search(r"quotas_after: \{administrative: (\d+)", text)
    assert m
    # after ≤ before − moved: a county that shrinks by more than it moved down is not at fault
    county.write_text(text[: m.start(1)] + str(int(m.group(1)) - 3) + text[m.end(1):], encoding="utf-8")
    (out,) = check_counties(_results(corpus))
    assert not [f for f in out.findings if f.code == "ST952" and "administrative" in f.message_en]
    county.write_text(text[: m.start(1)] + str(int(m.group(1)) + 1) + text[m.end(1):], encoding="utf-8")
    (out,) = check_counties(_results(corpus))
    assert [f for f in out.findings if f.code == "ST952" and "administrative" in f.message_en]
