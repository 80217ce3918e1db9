"""Every output format inert (issues 5 and 17): a plan whose names, or whose file name,
carry control, bidi or markup characters is checked, and every format shows them written
out, never raw; JSON and SARIF still give the exact data back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from staffing.cli import main as cli
from staffing.errors import visible

from conftest import (
    GOOD_TEXT,
    RAW_UNSAFE,
    plan_variant,
    run_cli,
)

HOSTILE_NAMES = [
    "经济\u202e局发展",  # right-to-left override
    "经济发展局\x1b[2J\x1b[31m",  # clear screen, red
    "经济\x07发展\x08局\r",  # bell, backspace, carriage return
    "经济\u2066发展\u2069局\u200b",  # isolates, zero width space
    '<b>"经济发展局"</b> & {x} ]]> \\ | $(rm -rf /) ${x} %s',  # HTML / DOT / SARIF / shell metacharacters
]


@pytest.mark.parametrize("hostile", HOSTILE_NAMES)
def test_hostile_names_are_shown_escaped(hostile: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A valid plan whose names carry control, bidi or markup characters: it is checked
    (a self-parent makes ST905 quote the name) and no raw control character reaches the
    terminal; the JSON-based outputs stay parseable."""
    quoted = json.dumps(hostile)  # a YAML double-quoted scalar
    f = plan_variant(tmp_path, "plan.yaml", "  - name: 经济发展局\n", f"  - name: {quoted}\n    parent: {quoted}\n")
    code, out, err = run_cli(capsys, str(f))
    assert code == 1
    assert "ST905" in out
    assert not RAW_UNSAFE.search(out + err), out
    assert visible(hostile.strip()) in out
    for fmt in cli.CONSOLE_FORMATS:  # the spreadsheet formats are files only (test_summary)
        code = cli.main(["check", "--format", fmt, str(f)])
        assert code == 1
        text = capsys.readouterr().out
        if fmt in ("json", "sarif"):
            json.loads(text)
        if fmt == "text":
            assert not RAW_UNSAFE.search(text)


def test_hostile_file_name_is_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "bad\x1b[31m\u202e.yaml"
    f.write_text("a: [", encoding="utf-8")
    code, out, err = run_cli(capsys, str(tmp_path))
    assert code == 2
    assert not RAW_UNSAFE.search(out + err)
    assert "\\x1b[31m\\u202e.yaml" in out


# What must never reach a terminal, a CI log, a browser or an XML viewer raw: C0 (but tab and
# line breaks of the format itself) and C1 controls, DEL, bidi overrides, embeddings, isolates
# and marks, zero-width characters, line and paragraph separators, tag characters.

# What must never reach a terminal, a CI log, a browser or an XML viewer raw: C0 (but tab and
# line breaks of the format itself) and C1 controls, DEL, bidi overrides, embeddings, isolates
# and marks, zero-width characters, line and paragraph separators, tag characters.
UNSAFE = __import__("re").compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\U000e0000-\U000e007f]")


HOSTILE = "经济\u202e局发展\x1b[2J\x1b[31m\u2066x\u2069\u200b\x85\U000e0041"


def test_every_format_is_inert(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A plan whose town and body names and whose file name carry control and bidi characters:
    every format shows them written out; JSON and SARIF still give the exact data back."""
    def quoted(name: str) -> str:  # a YAML double-quoted scalar
        return json.dumps(name, ensure_ascii=False).replace("\x85", "\\x85")

    text = GOOD_TEXT.replace("  - name: 经济发展局\n", f"  - name: {quoted(HOSTILE)}\n    parent: {quoted(HOSTILE)}\n", 1)
    text = text.replace("  name: 新桥镇\n", f"  name: {quoted('新桥镇' + HOSTILE)}\n", 1)
    assert text != GOOD_TEXT
    folder = tmp_path / "in"
    folder.mkdir()
    f = folder / "plan\x1b[31m\u202e.yaml"
    f.write_text(text, encoding="utf-8")
    formats = list(cli.CONSOLE_FORMATS)  # the spreadsheet formats are files only (test_summary)
    assert {"text", "json", "sarif", "junit", "github"} <= set(formats)
    for fmt in formats:
        code, out, err = run_cli(capsys, "--format", fmt, str(f))
        assert code == 1, (fmt, out)
        assert "ST905" in out, fmt
        assert not UNSAFE.search(out + err), (fmt, UNSAFE.findall(out + err))
        if fmt in ("json", "sarif"):
            data = json.loads(out)
            if fmt == "json":
                assert data["files"][0]["town"] == "新桥镇" + HOSTILE  # the data, exactly
                assert data["files"][0]["path"] == str(f)
                assert any("\\u202e" in x["message"]["en"] for x in data["files"][0]["findings"])
        else:
            assert "\\u202e" in out and "\\x1b[2J" in out, fmt


def test_one_neutraliser_is_idempotent_and_keeps_text() -> None:
    from staffing.charts.render import html_text
    from staffing.errors import code_point, inert_json, visible

    assert visible("新桥镇\u3000综合 服务 1") == "新桥镇\u3000综合 服务 1"  # spaces stay
    once = visible(HOSTILE)
    assert visible(once) == once and not UNSAFE.search(once)
    assert visible("a\nb", keep="\n") == "a\nb" and visible("a\nb") == "a\\x0ab"
    assert visible("\u202e", spell=code_point) == "[U+202E]"
    assert "[U+202E]" in html_text(HOSTILE) and not UNSAFE.search(html_text(HOSTILE))
    dumped = inert_json(json.dumps({"a": HOSTILE, "b": [1, "x\ny"]}, ensure_ascii=False, indent=1))
    assert not UNSAFE.search(dumped) and json.loads(dumped) == {"a": HOSTILE, "b": [1, "x\ny"]}
