"""Reading a plan file, hostile and broken input first (GitHub issues 5 and 17): a clear
message every time, nothing executed, nothing lost.

For every bad input: exit code 2 (1 for a valid plan that breaks a rule), exactly one
message naming the file, with line and column where there is one, no traceback, bounded
time and memory, and the rest of the batch still checked.  Small cases live in
tests/io/hostile/; big ones (60 MB, 3 MB lines, 5,000-digit integers, deep nesting, alias
bombs) are generated into tmp_path here and never committed.  JSON is read as JSON defines it.
"""

from __future__ import annotations

import codecs
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from staffing.cli import main as cli
from staffing.errors import InputProblem
from staffing.io import load
from staffing.io.load import Limits, load_text
from staffing.run.engine import check_file

from conftest import (
    GOOD,
    GOOD_TEXT,
    RAW_UNSAFE,
    by_path,
    run_cli,
    run_json,
)

HOSTILE = Path(__file__).resolve().parent / "hostile"


# ---- the corpus ------------------------------------------------------------------------------

CORPUS: dict[str, tuple[str, int | None, int | None]] = {
    "unclosed_bracket.yaml": ("input.syntax", 3, 10),
    "unclosed_bracket.json": ("input.syntax", 2, 1),
    "tab_indent.yaml": ("input.tab", 2, 1),
    "trailing_comma.json": ("input.syntax", 1, 25),
    "nan.json": ("input.not-finite", 1, 26),
    "infinity.json": ("input.not-finite", 2, 13),
    "nan.yaml": ("input.not-finite", 3, 9),
    "inf.yaml": ("input.not-finite", 3, 9),
    "duplicate_top.yaml": ("input.duplicate-key", 3, 1),
    "duplicate_nested.yaml": ("input.duplicate-key", 4, 3),
    "duplicate_in_list.yaml": ("input.duplicate-key", 3, 33),
    "duplicate.json": ("input.duplicate-key", 2, 2),
    "complex_key.yaml": ("input.complex-key", 1, 3),
    "merge_key.yaml": ("input.merge-key", 3, 3),
    "merge_loop.yaml": ("input.alias-cycle", 2, 7),
    "alias_self.yaml": ("input.alias-cycle", 1, 11),
    "alias_undefined.yaml": ("input.undefined-alias", 1, 4),
    "python_apply.yaml": ("input.tag", 1, 7),
    "python_new.yaml": ("input.tag", 1, 7),
    "python_name.yaml": ("input.tag", 1, 7),
    "tag_directive.yaml": ("input.tag", 3, 7),
    "local_tag.yaml": ("input.tag", 1, 7),
    "binary_tag.yaml": ("input.tag", 1, 12),
    "empty.yaml": ("input.empty", 1, 1),
    "comments_only.yaml": ("input.empty", 1, 1),
    "only_marker.yaml": ("input.empty", 1, 1),
    "two_documents.yaml": ("input.many-documents", 2, 1),
    "root_list.yaml": ("input.root-type", 1, 1),
    "root_list.json": ("input.root-type", 1, 1),
    "root_scalar.yaml": ("input.root-type", 1, 1),
    "bad_date.yaml": ("input.bad-day", 1, 12),
    "control_char.yaml": ("input.control-char", 2, 5),
    "escape_char.yaml": ("input.control-char", 2, 4),
    "nul.yaml": ("input.nul", 1, 5),
}


def test_corpus_is_complete() -> None:
    assert sorted(CORPUS) == sorted(p.name for p in HOSTILE.iterdir())


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_corpus_file_alone(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    _key, line, column = CORPUS[name]
    code, out, err = run_cli(capsys, str(HOSTILE / name))
    assert code == 2
    assert "Traceback" not in out + err
    unusable = [ln for ln in out.splitlines() if "unusable:" in ln]
    # the reader's problem first, then (where it read past it) the file's other mistakes,
    # each once: a fragment of a plan also lacks its town, pack and bodies
    assert unusable and len(unusable) == len(set(unusable)), out
    where = f"{name}:{line}:{column}: " if line is not None else f"{name}: "
    assert any(where in ln for ln in unusable), out
    assert not RAW_UNSAFE.search(out + err)


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_corpus_file_in_a_batch(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The bad file beside a good one: the bad one is reported with its key and position,
    the good one is still checked and passes."""
    key, line, column = CORPUS[name]
    shutil.copy(HOSTILE / name, tmp_path / name)
    shutil.copy(GOOD, tmp_path / "good.yaml")
    code, report = run_json(capsys, str(tmp_path))
    assert code == 2
    files = by_path(report)
    assert files["good.yaml"]["status"] == "pass"
    bad = files[name]
    assert bad["status"] == "error"
    assert bad["error"] == bad["errors"][0]
    assert (key, line, column) in [(e["key"], e["line"], e["column"]) for e in bad["errors"]]
    assert all(e["message"]["zh"] and e["message"]["en"] for e in bad["errors"])


def test_nothing_is_executed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Tags that would construct objects or run commands are refused before anything runs."""

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("a plan file made the checker run something")

    for target in (os, subprocess):
        for name in ("system", "popen", "Popen", "run", "check_output", "call", "execv", "execvp", "spawnv"):
            if hasattr(target, name):
                monkeypatch.setattr(target, name, forbidden)
    monkeypatch.chdir(tmp_path)
    for name in ("python_apply.yaml", "python_new.yaml", "python_name.yaml", "tag_directive.yaml"):
        shutil.copy(HOSTILE / name, tmp_path / name)
    code, out, _ = run_cli(capsys, *sorted(p.name for p in tmp_path.iterdir()))
    assert code == 2
    assert len({ln.split(":")[0] for ln in out.splitlines() if "unusable:" in ln}) == 4
    assert out.count("YAML tag") == 4
    assert not (tmp_path / "pwned.txt").exists()


def test_nothing_is_executed_in_a_real_process(tmp_path: Path) -> None:
    for name in ("python_apply.yaml", "python_new.yaml", "tag_directive.yaml"):
        shutil.copy(HOSTILE / name, tmp_path / name)
    proc = subprocess.run([sys.executable, "-m", "staffing", "check", "."], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "pwned.txt").exists()
    assert not (tmp_path / "PWNED").exists()


# ---- encodings ------------------------------------------------------------------------------


def test_utf8_bom_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "bom.yaml"
    f.write_bytes(codecs.BOM_UTF8 + GOOD_TEXT.encode("utf-8"))
    code, report = run_json(capsys, str(f))
    assert code == 0
    assert report["files"][0]["town"] == "新桥镇"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom_are_read(codec: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(codec, b"")
    f = tmp_path / "wide.yaml"
    f.write_bytes(bom + GOOD_TEXT.encode(codec))
    code, report = run_json(capsys, str(f))
    assert code == 0, report
    assert report["files"][0]["town"] == "新桥镇"


@pytest.mark.parametrize(
    ("codec", "named"),
    [("gbk", "GBK/GB18030"), ("gb18030", "GBK/GB18030"), ("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE")],
)
def test_uncertain_encodings_are_refused_by_name(codec: str, named: str, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Without a BOM the encoding is a guess: refuse, name it, and never print garbled Chinese."""
    f = tmp_path / "plan.yaml"
    f.write_bytes(GOOD_TEXT.encode(codec))
    shutil.copy(GOOD, tmp_path / "good.yaml")
    code, out, _err = run_cli(capsys, str(tmp_path))
    assert code == 2
    line = next(ln for ln in out.splitlines() if "unusable:" in ln)
    assert line.startswith(f"{f}:")
    assert named in line
    assert "\ufffd" not in out and "鏂" not in out  # no replacement characters, no mojibake
    assert "1 passed" in out
    cli.main(["check", "--lang", "zh", str(f)])
    zh = capsys.readouterr().out
    assert named in zh and "UTF-8" in zh


def test_gbk_error_points_at_the_first_bad_byte(tmp_path: Path) -> None:
    f = tmp_path / "plan.yaml"
    f.write_bytes("# ok\nfigures: abc\ntown:\n  name: 新桥镇\n".encode("gbk"))
    result = check_file(str(f))
    assert result.error is not None
    assert (result.error.key, result.error.line, result.error.column) == ("input.encoding", 4, 9)


def test_binary_garbage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rng = random.Random(5)
    (tmp_path / "garbage.yaml").write_bytes(bytes(rng.randrange(256) for _ in range(65536)))
    (tmp_path / "noise.json").write_bytes(bytes(rng.randrange(128, 256) for _ in range(4096)).replace(b"\x00", b""))
    (tmp_path / "png.yaml").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    shutil.copy(GOOD, tmp_path / "good.yaml")
    code, report = run_json(capsys, str(tmp_path))
    assert code == 2
    files = by_path(report)
    assert files["good.yaml"]["status"] == "pass"
    for name in ("garbage.yaml", "noise.json", "png.yaml"):
        assert files[name]["error"]["key"] in {"input.nul", "input.binary", "input.encoding"}, files[name]


def test_long_key_and_value_are_cut_short(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "plan.yaml"
    f.write_text("town: 1\n" + "k" * 100_000 + ": 1\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, str(f))
    assert code == 2 and len(out) < 500
    f.write_text("a: 1\nb: 2019-02-3" + "0" * 10 + "\n", encoding="utf-8")
    assert check_file(str(f)).error is not None


# ---- size, depth and expansion: bounded in time and memory -----------------------------------

PROBE = (
    "import resource, sys\n"
    "from staffing.cli.main import main\n"
    "code = main(sys.argv[1:])\n"
    "print('MAXRSS', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(code)\n"
)


BOUND_SECONDS = 20  # generous for slow CI; measured worst case is under 2 s

BOUND_MB = 400  # measured worst case is under 120 MB


def probe(*args: str) -> tuple[int, str, float, float]:
    """Run the checker in its own process; exit code, stdout, seconds, peak MB."""
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", PROBE, "check", "--lang", "en", *args],
                          capture_output=True, text=True, timeout=120)
    seconds = time.monotonic() - start
    assert "Traceback" not in proc.stderr, proc.stderr
    peak = int(re.search(r"MAXRSS (\d+)", proc.stderr).group(1)) / 1024  # type: ignore[union-attr]
    return proc.returncode, proc.stdout, seconds, peak


def billion_laughs(levels: int = 9, width: int = 10) -> str:
    lines = ["a0: &a0 [" + ", ".join(["lol"] * width) + "]"]
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def deep_alias_bomb() -> str:
    """Few aliases, each naming a deeply nested value: expansion builds long paths."""
    inner = "[" * 50 + "x" + "]" * 50
    lines = [f"a0: &a0 {inner}"]
    for i in range(1, 12):
        lines.append(f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}]")
    return "\n".join(lines) + "\n"


BIG_CASES = {
    # name: (content maker, expected key)
    "huge_60mb.yaml": (lambda: "# " + "填充" * 40 + "\n", "input.too-large"),
    "line_3mb.yaml": (lambda: GOOD_TEXT.replace("figures: >-", 'figures: "' + "长" * 1_000_000 + '"\nx_: >-'), "input.schema"),
    "list_3mb_line.yaml": (lambda: "a: [" + "1," * 1_500_000 + "1]\n", "input.too-many-values"),
    "line_3mb.json": (lambda: '{"a": "' + "x" * 3_000_000 + '"}', "input.unknown-field"),
    "deep_flow.yaml": (lambda: "a: " + "[" * 200_000 + "]" * 200_000 + "\n", "input.too-deep"),
    "deep_flow_unclosed.yaml": (lambda: "a: " + "{b: " * 200_000 + "\n", "input.too-deep"),
    "deep_block_dashes.yaml": (lambda: "- " * 200_000 + "x\n", "input.too-deep"),
    "deep_block_indent.yaml": (lambda: "".join(" " * i + f"k{i}:\n" for i in range(2500)), "input.too-deep"),
    "deep.json": (lambda: '{"a": ' + "[" * 200_000 + "]" * 200_000 + "}", "input.too-deep"),
    "deep_json_in_strings.json": (lambda: '{"a": "' + "[" * 200_000 + '"}', "input.unknown-field"),
    "laughs.yaml": (billion_laughs, "input.too-many-nodes"),
    "laughs_wide.yaml": (lambda: billion_laughs(levels=4, width=1000), "input.too-many-nodes"),
    "deep_alias_bomb.yaml": (deep_alias_bomb, "input.too-many-nodes"),
    "alias_too_deep.yaml": (lambda: "a: &a " + "[" * 40 + "]" * 40 + "\nb: " + "[" * 40 + "*a" + "]" * 40 + "\n",
                            "input.too-deep"),
    "many_keys.yaml": (lambda: "".join(f"k{i}: {i}\n" for i in range(250_000)), "input.too-many-values"),
}


def write_big(tmp_path: Path, name: str) -> Path:
    maker, _ = BIG_CASES[name]
    f = tmp_path / name
    if name == "huge_60mb.yaml":
        chunk = maker().encode("utf-8")
        with open(f, "wb") as fh:
            for _ in range(60 * 1024 * 1024 // len(chunk) + 1):
                fh.write(chunk)
    else:
        f.write_text(maker(), encoding="utf-8")
    return f


@pytest.mark.parametrize("name", sorted(BIG_CASES))
def test_big_and_deep_inputs_are_bounded(name: str, tmp_path: Path) -> None:
    f = write_big(tmp_path, name)
    shutil.copy(GOOD, tmp_path / "good.yaml")
    code, out, seconds, peak = probe("--format", "json", str(tmp_path))
    assert code == 2
    files = by_path(json.loads(out))
    assert files["good.yaml"]["status"] == "pass"
    err = files[f.name]["error"]
    assert BIG_CASES[name][1] in [e["key"] for e in files[f.name]["errors"]], err
    assert all(len(e["message"]["en"]) < 400 for e in files[f.name]["errors"])
    assert seconds < BOUND_SECONDS
    assert peak < BOUND_MB


def test_deep_nesting_in_process_is_a_clean_message(tmp_path: Path) -> None:
    """In process too (the C composer used to segfault here): no crash, the depth named."""
    for text in ("a: " + "[" * 100_000, "- " * 100_000 + "x", "{a: " * 100_000):
        with pytest.raises(InputProblem) as exc:
            load_text("deep.yaml", text)
        assert exc.value.key == "input.too-deep"
        assert exc.value.line == 1


def test_alias_bomb_composes_cheaply() -> None:
    """The bomb is caught while composing, before any value is built."""
    start = time.monotonic()
    with pytest.raises(InputProblem) as exc:
        load_text("bomb.yaml", billion_laughs(levels=30, width=30))
    assert exc.value.key == "input.too-many-nodes"
    assert time.monotonic() - start < 1


def test_limits_are_configurable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "plan.yaml"
    shutil.copy(GOOD, f)
    size = f.stat().st_size
    assert run_cli(capsys, str(f))[0] == 0
    code, out, _ = run_cli(capsys, "--max-bytes", str(size - 1), str(f))
    assert code == 2 and "over the limit of" in out and "--max-bytes" in out
    assert run_cli(capsys, "--max-bytes", str(size), str(f))[0] == 0
    code, out, _ = run_cli(capsys, "--max-depth", "3", str(f))
    assert code == 2 and "deeper than 3" in out
    assert run_cli(capsys, "--max-depth", "6", str(f))[0] == 0
    code, out, _ = run_cli(capsys, "--max-nodes", "50", str(f))
    assert code == 2 and "more than 50 values" in out and "--max-nodes" in out
    deep = tmp_path / "deep.yaml"
    deep.write_text("a: " + "[" * 100 + "]" * 100 + "\n", encoding="utf-8")
    assert load.load_file(str(deep), Limits(max_depth=200)).data["a"]
    for bad in ("0", "-1", "many"):
        code, _, err = run_cli(capsys, "--max-bytes", bad, str(f))
        assert code == 2 and "positive whole number" in err


@pytest.mark.parametrize("text", ["a: " + "[" * 1500 + "]" * 1500 + "\n", "a: " + "{b: " * 1500 + "\n"])
def test_libyaml_own_depth_limit_is_the_tools_message(text: str) -> None:
    """PyYAML >= 6.0.3 bundles a libyaml that stops at 1,000 levels with an English
    ScannerError before our limit is seen: the user still gets the one too-deep message,
    with the limit, in both languages, at the place our limit is crossed."""
    with pytest.raises(InputProblem) as exc:
        load_text("deep.yaml", text)
    assert exc.value.key == "input.too-deep"
    assert exc.value.line == 1 and exc.value.column < 300  # at depth 64, not at libyaml's 1,000
    zh, en = exc.value.message("zh"), exc.value.message("en")
    assert "64" in zh and "64" in en and "nesting depth" not in zh + en


# ---- JSON escapes ----------------------------------------------------------------------------


def test_json_surrogate_pairs_read_as_json_defines_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """json.dumps writes 𠮷 (U+20BB7, beyond the BMP) as the pair \\ud842\\udfb7 by default."""
    data = yaml.safe_load(GOOD_TEXT)
    data["town"]["name"] = "𠮷家镇"
    f = tmp_path / "plan.json"
    f.write_text(json.dumps(data, indent=1, default=str), encoding="utf-8")
    assert "\\ud842\\udfb7" in f.read_text(encoding="utf-8")
    code, out, err = run_cli(capsys, "--format", "json", str(f))
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


# ---- a problem keeps its place -------------------------------------------------------------


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


# ---- the characters YAML 1.1 does not allow -------------------------------------------------


def test_the_printable_pass_refuses_what_the_class_refuses() -> None:
    """`_check_characters` lets str.isprintable() clear a text before the class is searched:
    over every code point, alone and beside characters that fail isprintable without being
    refused (a tab, a carriage return, an ideographic space), it refuses exactly the class's
    characters, at their place."""
    for i in range(0x110000):
        c = chr(i)
        refused = re.match(load._NOT_PRINTABLE, c) is not None
        for text, column in ((f"a: {c}\n", 4), (f"a:\t\u3000{c}\r\n", 5)):
            try:
                load._check_characters("x.yaml", text)
            except InputProblem as e:
                assert refused and (e.line, e.column) == (1, column), hex(i)
            else:
                assert not refused, hex(i)


# ---- a file read whole, or refused whole ---------------------------------------------------


@pytest.mark.parametrize("stat_says", [0, 1, 100, 5_000])
def test_a_file_that_grew_after_its_stat_is_read_whole_or_refused(stat_says: int, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The read asks for a byte more than the stat said; a file longer by then (it grew, or a
    file system that says 0) is read on up to the limit, and refused above it."""
    from staffing.io import document

    text = "town:\n  name: 某镇\n" + "# 注释\n" * 400
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    real = os.stat

    def stale(p, *args, **kwargs):  # type: ignore[no-untyped-def]
        info = real(p, *args, **kwargs)
        if str(p) != str(path):
            return info
        fields = list(info)
        fields[6] = min(stat_says, info.st_size)  # st_size
        return os.stat_result(fields)

    monkeypatch.setattr(document.os, "stat", stale)
    assert document.read_bytes(str(path)) == text.encode("utf-8")
    size = len(text.encode("utf-8"))
    assert document.read_bytes(str(path), Limits(max_bytes=size)) == text.encode("utf-8")
    with pytest.raises(InputProblem) as exc:
        document.read_bytes(str(path), Limits(max_bytes=size - 1))
    assert exc.value.key == "input.too-large"


# ---- YAML 1.1's own line breaks --------------------------------------------------------------

GRADE_CASE = Path(__file__).resolve().parents[1] / "checks" / "cases" / "ST505" / "bad" / "grade-above-its-bodys-rank.yaml"
GRADE_LINE = "  - {title: 局长, level: principal, rank: 一级主任科员, approved: 1, filled: 1}"


@pytest.mark.parametrize("brk", ["\u2028", "\u2029", "\x85"])
@pytest.mark.parametrize(("mistake", "code", "said"), [
    ("filled: 1}", 0, r"^  (\d+:\d+)  warning  ST505 "),  # none: the finding on the line's rank
    ("filled: 1, filled: 1}", 2, r":(\d+:\d+): unusable: duplicate key .*line (\d+), column (\d+)"),
    ("filled: 1", 2, r":(\d+:\d+): unusable: syntax error"),  # the flow mapping never closed
])
def test_yaml_11_line_breaks_move_no_place(brk: str, mistake: str, code: int, said: str, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    """NEL, U+2028 and U+2029 end a line to YAML 1.1 (the reference reader, which a plan holding
    one is sent to) but not to an editor: the same plan with one of them ending a comment, inside
    a quoted text and before the value a message is about on its line, is said at the same
    places as without."""
    text = GRADE_CASE.read_text(encoding="utf-8")
    assert text.count(GRADE_LINE) == 1
    plain = text.replace(GRADE_LINE, GRADE_LINE.replace("局长", "'局 长'").replace("filled: 1}", mistake))
    marked = (plain.replace("\n", f"{brk}\n", 1).replace("figures: 'Illustrative", f"figures: 'Illus{brk}trative")
              .replace("'局 长'", f"'局{brk}长'"))
    places = []
    for name, plan in (("plain.yaml", plain), ("marked.yaml", marked)):
        (tmp_path / name).write_text(plan, encoding="utf-8")
        got, out, err = run_cli(capsys, str(tmp_path / name))
        assert (got, err) == (code, ""), out
        places.append(re.findall(said, out, re.MULTILINE))
    assert places[0] == places[1] != [], places


@pytest.mark.parametrize(("name", "text", "key"), [
    ("plan.yaml", "town:\n  name: 示范镇\n  note: 'a\x01b'\n", "input.control-char"),
    ("plan.json", '{\n  "town": {\n    "name": "\\ud842x"\n  }\n}\n', "input.lone-surrogate"),
    ("plan.json", '{\n  "town": {\n    "name": "示范镇",\n  }\n}\n', None),  # json's own syntax error
    ("plan.json", '{\n  "town": {\n    "size": NaN\n  }\n}\n', "input.not-finite"),
    ("plan.json", '{\n  "a":\n' + "[" * 80 + "]" * 80 + "\n}\n", None),  # nested past the limit
])
@pytest.mark.parametrize("ending", ["\r", "\r\n"])
def test_a_plan_whose_lines_end_otherwise_is_said_at_the_same_places(name: str, text: str, key: str | None,
                                                                      ending: str) -> None:
    """A file whose lines end in a lone carriage return (as old Mac editors write them) or in
    \\r\\n (Windows) is said at the lines and columns of its \\n twin: each place the reader
    works out of the text itself (a refused character, a lone surrogate escape, a JSON syntax
    error or constant, nesting past the limit) counted only \\n."""
    places = []
    for text_of in (text, text.replace("\n", ending)):
        with pytest.raises(InputProblem) as caught:
            load_text(name, text_of, Limits(max_depth=64))
        problems = getattr(caught.value, "problems", None) or [caught.value]
        assert key is None or problems[0].key == key
        places.append([(p.key, p.line, p.column) for p in problems])
    assert places[0] == places[1] and places[0][0][1] > 1, places
