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


def test_columns_after_a_surrogate_pair_are_the_files_columns() -> None:
    """Each pair is rewritten shorter for the YAML reading; the marks still count the file's
    characters: two pairs on a line, a value after them, and a line without any."""
    text = '{"a": "\\ud842\\udfb7\\ud842\\udfb7", "b": 1,\n "c": "\\ud842\\udfb7", "d": [2]}'
    doc = load_text("x.json", text)
    line1, line2 = text.split("\n")
    assert doc.marks[("b",)] == (1, line1.index("1,") + 1)
    assert doc.key_marks[("b",)] == (1, line1.index('"b"') + 1)
    assert doc.marks[("d", 0)] == (2, line2.index("[2]") + 2)
    assert doc.marks[("a",)] == (1, line1.index('"\\ud') + 1)


def test_a_mistake_after_a_surrogate_pair_is_at_its_place() -> None:
    from staffing.errors import InputProblem

    text = '{"a": "\\ud842\\udfb7", "a": 2}'
    with pytest.raises(InputProblem) as exc:
        load_text("x.json", text)
    assert (exc.value.key, exc.value.line, exc.value.column) == ("input.duplicate-key", 1, text.rindex('"a"') + 1)


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


# ---- dot under bounds --------------------------------------------------------------------------

def _chart_dot() -> str:
    from staffing.cli.render import chart_for
    from staffing.run.engine import check_file

    return chart_for(check_file(str(GOOD)), "zh", "sans")


def test_dot_that_runs_too_long_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import time

    from staffing.charts import render as charts

    fake = tmp_path / "bin" / "dot"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\nexec sleep 30\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setattr(charts, "DOT_SECONDS", 1)
    start = time.monotonic()
    with pytest.raises(charts.RenderError) as exc:
        charts.render(_chart_dot(), tmp_path / "out.svg")
    assert time.monotonic() - start < 10
    assert exc.value.key == "render.dot-timeout" and "1" in exc.value.words.en
    assert not (tmp_path / "out.svg").exists()


def test_dot_runs_with_bounded_memory_and_a_killed_dot_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from staffing.charts import render as charts

    fake = tmp_path / "bin" / "dot"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\ncat > /dev/null\nulimit -v\n", encoding="utf-8")  # prints its own bound (KB)
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ.get('PATH', '')}")
    charts.render(_chart_dot(), tmp_path / "limit.svg")
    assert (tmp_path / "limit.svg").read_text().strip() == str(charts.DOT_MEMORY // 1024)
    # killed for memory (as the kernel or the bound ends it): one message, no file
    fake.write_text("#!/bin/sh\ncat > /dev/null\nkill -9 $$\n", encoding="utf-8")
    with pytest.raises(charts.RenderError) as exc:
        charts.render(_chart_dot(), tmp_path / "out.svg")
    assert exc.value.key == "render.dot-too-big"
    assert not (tmp_path / "out.svg").exists()
    # stopped by the bound inside dot's own parser (as a 5,000-body chart is): the same message
    fake.write_text("#!/bin/sh\ncat > /dev/null\necho \"Error: <stdin>: memory exhausted in line 3\" >&2\nexit 1\n",
                    encoding="utf-8")
    with pytest.raises(charts.RenderError) as exc:
        charts.render(_chart_dot(), tmp_path / "out.svg")
    assert exc.value.key == "render.dot-too-big" and "2048 MB" in exc.value.words.en


# ---- findings capped ---------------------------------------------------------------------------

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
    code, out, _ = run(capsys, "--format", "json", str(f))
    findings = json.loads(out)["files"][0]["findings"]
    st906 = [x for x in findings if x["code"] == "ST906"]
    cap = Limits().max_findings_per_check
    assert len(st906) == cap + 1
    more = [x for x in st906 if x["numbers"].get("count")]
    assert len(more) == 1 and more[0]["numbers"] == {"count": 250 - cap, "listed": cap}
    assert "150 more findings of this check not listed" in more[0]["message"]["en"]
    assert "另有150处问题未逐条列出" in more[0]["message"]["zh"]
    assert more[0]["severity"] == "warning" and more[0]["line"] == 21  # where the first left out stands
    code2, text, _ = run(capsys, str(f))
    assert code2 == code and text.count("ST906") == cap + 1
    code3, out, _ = run(capsys, "--format", "json", "--max-findings-per-check", "5", str(f))
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


# ---- every format inert ------------------------------------------------------------------------

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
        code, out, err = run(capsys, "--format", fmt, str(f))
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


# ---- no plan-like file skipped without a word --------------------------------------------------

def test_every_plan_like_file_is_checked_or_listed_as_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    root = tmp_path / "plans"
    (root / ".drafts" / "deep").mkdir(parents=True)
    (root / "town").mkdir()
    shutil.copy(GOOD, root / "town" / "good.yaml")
    shutil.copy(GOOD, root / "town" / "_old.yaml")
    shutil.copy(GOOD, root / "town" / ".hidden.json")
    shutil.copy(GOOD, root / ".drafts" / "deep" / "draft.yml")
    (root / "town" / "notes.txt").write_text("not plan-like", encoding="utf-8")
    code, out, err = run(capsys, "--format", "json", str(root))
    assert code == 0, out + err
    report = json.loads(out)
    assert [Path(f["path"]).name for f in report["files"]] == ["good.yaml"]
    skipped = {Path(s["path"]).name: s["reason"] for s in report["skipped"]}
    assert skipped == {"_old.yaml": "skip.underscore", ".hidden.json": "skip.hidden-file",
                       "draft.yml": "skip.hidden-folder"}
    assert report["summary"]["skipped"] == 3
    code, out, _ = run(capsys, str(root))
    assert code == 0
    assert out.count("skipped: ") == 3 and "3 files skipped" in out.splitlines()[-1]
    assert "_old.yaml: skipped: the name starts with “_”" in out
    code, out, _ = run(capsys, "--format", "github", str(root))
    assert out.count("::notice file=") == 3 and "3 files skipped" in out
    code, out, _ = run(capsys, "--format", "sarif", str(root))
    notes = json.loads(out)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert sorted(n["properties"]["reason"] for n in notes) == ["skip.hidden-file", "skip.hidden-folder", "skip.underscore"]
    code, out, _ = run(capsys, "--format", "junit", str(root))
    import xml.etree.ElementTree as ET

    cases = ET.fromstring(out.encode("utf-8")).findall(".//testsuite[@name='skipped']/testcase")
    assert sorted(Path(c.get("name") or "").name for c in cases) == [".hidden.json", "_old.yaml", "draft.yml"]
    assert all((c.find("skipped").get("message") or "").startswith(("the name", "inside")) for c in cases)
    xsd = ROOT.parent / "shared" / "schemas" / "junit-10.xsd"
    xmlschema = pytest.importorskip("xmlschema")
    if xsd.is_file():  # Jenkins' schema, beside the checkout in CI
        assert list(xmlschema.XMLSchema10(str(xsd)).iter_errors(out)) == []
    code, out = cli.main(["check", "--lang", "zh", str(root)]), capsys.readouterr().out
    assert "跳过文件3个" in out


def test_county_file_is_not_called_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from staffing.plan.generate import write

    write(str(tmp_path), 4, 1)
    _code, out, _ = run(capsys, "--format", "json", str(tmp_path))
    assert json.loads(out)["skipped"] == []


# ---- output streamed ---------------------------------------------------------------------------

def test_reports_are_written_a_file_at_a_time(tmp_path: Path) -> None:
    """Each streaming reporter gives one piece per file (and a few around them), and the
    pieces make exactly the document the whole-text reporter gives."""
    from staffing.errors import inert_json
    from staffing.plan.generate import write
    from staffing.reporters import REPORTERS, json_reporter, sarif, stream
    from staffing.run.batch import check_paths
    from staffing.run.results import Run, Settings

    write(str(tmp_path), 6, 2)
    plans = sorted(str(p) for p in tmp_path.rglob("*.yaml") if not p.name.startswith("_"))
    results, _ = check_paths(plans, Settings(), jobs=1, use_cache=False)
    run = Run(results)
    with_findings = sum(1 for r in results if r.findings)
    findings = sum(len(r.findings) for r in results)
    assert with_findings >= 1
    least = {"text": with_findings, "github": with_findings, "json": len(plans) + 1, "sarif": findings + 1}
    for fmt in ("text", "json", "sarif", "github"):
        pieces = list(stream(fmt, run, "en"))
        assert len(pieces) >= least[fmt], fmt  # not one string at the end
        assert "".join(pieces) == REPORTERS[fmt](run, "en"), fmt
    whole = json.dumps(json_reporter.as_data(run), ensure_ascii=False, indent=2, default=str)
    assert "".join(stream("json", run, "en")) == inert_json(whole) + "\n"
    whole = json.dumps(sarif.as_data(run, "en"), ensure_ascii=False, indent=2, default=str)
    assert "".join(stream("sarif", run, "en")) == inert_json(whole) + "\n"
    assert json.loads("".join(stream("sarif", run, "en")))["runs"][0]["results"] == sarif.as_data(run, "en")["runs"][0]["results"]


def test_an_input_problem_passes_through_a_context_manager() -> None:
    """contextlib sets __traceback__ on the exception it re-raises; the problem must survive it."""
    import contextlib

    from staffing.errors import problem

    @contextlib.contextmanager
    def block():  # type: ignore[no-untyped-def]
        yield

    with pytest.raises(Exception) as exc, block():
        raise problem("x.yaml", "input.empty", 1, 1)
    assert type(exc.value).__name__ == "InputProblem" and exc.value.line == 1
