"""Hostile input, round two (issue 17): JSON read as JSON defines it, every output format
inert, work bounded by more than size, and no plan-like file skipped without a word."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from staffing.cli import main as cli
from staffing.io.load import load_text

ROOT = Path(__file__).resolve().parent.parent
GOOD = ROOT / "orgs" / "jiangsu" / "taizhou" / "jingjiang" / "xinqiao.yaml"
GOOD_TEXT = GOOD.read_text(encoding="utf-8")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(["check", "--lang", "en", *args])
    out, err = capsys.readouterr()
    return code, out, err


# ---- JSON escapes ----------------------------------------------------------------------------

def test_json_surrogate_pairs_read_as_json_defines_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """json.dumps writes 𠮷 (U+20BB7, beyond the BMP) as the pair \\ud842\\udfb7 by default."""
    data = yaml.safe_load(GOOD_TEXT)
    data["town"]["name"] = "𠮷家镇"
    f = tmp_path / "plan.json"
    f.write_text(json.dumps(data, indent=1, default=str), encoding="utf-8")
    assert "\\ud842\\udfb7" in f.read_text(encoding="utf-8")
    code, out, err = run(capsys, "--format", "json", str(f))
    assert (code, err) == (0, ""), out
    report = json.loads(out)
    assert report["files"][0]["town"] == "𠮷家镇" and report["files"][0]["status"] == "pass"


@pytest.mark.parametrize(("text", "want"), [
    ('{"a": "\\ud842\\udfb7"}', {"a": "𠮷"}),
    ('{"\\uD842\\uDFB7": 1}', {"𠮷": 1}),
    ('{"a": "\\\\ud842"}', {"a": "\\ud842"}),  # an escaped backslash, then text
    ('{"a": 1e5, "b": 1.5e3, "c": 2.50, "d": "x\\/y"}', {"a": 100000.0, "b": 1500.0, "c": 2.5, "d": "x/y"}),
])
def test_json_values_are_json_values(text: str, want: dict) -> None:
    doc = load_text("x.json", text)
    assert doc.data == want == json.loads(text)
    assert [type(v) for v in doc.data.values()] == [type(v) for v in want.values()]


@pytest.mark.parametrize(("text", "key", "column"), [
    ('{"a": "\\ud842"}', "input.lone-surrogate", 8),
    ('{"a": "x\\udfb7"}', "input.lone-surrogate", 9),
    ('{"a": 1e400}', "input.not-finite", 7),
])
def test_json_values_that_stand_for_nothing_are_refused(text: str, key: str, column: int) -> None:
    from staffing.errors import InputProblem

    with pytest.raises(InputProblem) as exc:
        load_text("x.json", text)
    assert (exc.value.key, exc.value.line, exc.value.column) == (key, 1, column)
