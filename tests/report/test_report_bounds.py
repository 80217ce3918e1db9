"""The review report on hostile plans (issue 27): page headers neutral, long names kept
on the page and off the header, a large plan's report a page of bodies and a count, and the
PDF renderer bounded in time and memory like dot."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from staffing.cli import main as cli

from conftest import (
    ORGS,
    plan_with,
)

XINQIAO = ORGS / "jiangsu/taizhou/jingjiang/xinqiao.yaml"

ZHANGPU = ORGS / "jiangsu/suzhou/kunshan/zhangpu.yaml"

HAS_PDF_TOOLS = all(shutil.which(t) for t in ("pdftotext", "pdfinfo"))

needs_pdf_tools = pytest.mark.skipif(not HAS_PDF_TOOLS, reason="poppler-utils is not installed (scripts/install.sh --test)")


def css_text(css: str) -> str:
    """A CSS string's value as CSS Syntax reads it: an escape is up to six hex digits and
    takes one whitespace after it as its end."""
    out, k = [], 0
    while k < len(css):
        ch = css[k]
        if ch == "\\":
            m = re.match(r"[0-9a-fA-F]{1,6}", css[k + 1:])
            assert m, css[k:]
            out.append(chr(int(m.group(), 16)))
            k += 1 + len(m.group())
            if k < len(css) and css[k] in " \t\n":
                k += 1  # the escape's end, not a space of the text
            continue
        out.append(ch)
        k += 1
    return "".join(out)


def page_headers(html: str) -> list[str]:
    return [css_text(m) for m in re.findall(r'@top-left \{ content: "((?:[^"\\]|\\.)*)"', html)]


def test_page_header_keeps_the_space_after_the_dot(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.html"
    assert cli.main(["report", str(ZHANGPU), "-o", str(out)]) in (0, 1)
    capsys.readouterr()
    headers = page_headers(out.read_text(encoding="utf-8"))
    assert headers and set(headers) == {"张浦镇 · 江苏省 苏州市 昆山市"}


def test_bidi_in_a_town_name_is_shown_not_obeyed_in_page_headers(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["town"]["name"] = "新桥\u202e镇abc"

    plan = plan_with(tmp_path, "bidi.yaml", edit)
    out = tmp_path / "r.html"
    assert cli.main(["report", str(plan), "-o", str(out)]) in (0, 1)
    capsys.readouterr()
    headers = page_headers(out.read_text(encoding="utf-8"))
    assert headers and all(h.startswith("新桥\\u202e镇abc · ") for h in headers), headers


@needs_pdf_tools
def test_no_plan_string_reaches_the_pdf_raw(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["town"]["name"] = "新桥\u202e镇abc"
        data["town"]["county"] = "靖江\u2067市\x1b"
        data["bodies"][0]["name"] = "党政\u202d办公室"

    plan = plan_with(tmp_path, "bidi.yaml", edit)
    out = tmp_path / "r.pdf"
    assert cli.main(["report", str(plan), "-o", str(out)]) in (0, 1)
    capsys.readouterr()
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    info = subprocess.run(["pdfinfo", "-enc", "UTF-8", str(out)], capture_output=True, text=True, check=True).stdout
    for raw in ("\u202e", "\u2067", "\u202d", "\x1b"):
        assert raw not in text and raw not in info
    assert text.count("新桥\\u202e镇abc · ") >= 2  # the page headers, as the body shows it


def _words(pdf: Path, page: int) -> list[tuple[float, float, float, float, str]]:
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    return [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html)]


@needs_pdf_tools
@pytest.mark.parametrize("kind", ["latin", "cjk"])
def test_long_names_stay_on_the_page_and_off_the_header(kind: str, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    def edit(data: dict[str, Any]) -> None:
        if kind == "latin":
            data["town"]["name"] = "A" * 200
            data["bodies"][0]["name"] = "B" * 200
        else:
            data["town"]["name"] = "新桥镇" * 66
            data["town"]["county"] = "靖江市" * 40

    plan = plan_with(tmp_path, f"{kind}.yaml", edit)
    out = tmp_path / "r.pdf"
    assert cli.main(["report", str(plan), "-o", str(out)]) in (0, 1)
    capsys.readouterr()
    width_pt = 595.3  # A4 portrait: the first page
    margin_pt = 15 / 25.4 * 72
    words = _words(out, 1)
    assert words
    assert max(w[2] for w in words) <= width_pt - margin_pt + 1, "text runs off the page"
    header = [w for w in words if w[3] < 18 / 25.4 * 72]  # above the top margin
    assert header and len({round(w[1]) for w in header}) == 1, "the page header is one line"
    assert min(w[1] for w in words if w not in header) > max(w[3] for w in header), "the header overlaps the page"


def _large_plan(tmp_path: Path, bodies: int) -> Path:
    def edit(data: dict[str, Any]) -> None:
        data["bodies"].extend({"name": f"机构{k}"} for k in range(bodies))

    return plan_with(tmp_path, f"large{bodies}.yaml", edit)


def test_a_large_plans_report_lists_a_page_of_bodies_and_counts_the_rest(tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    from staffing.report.build import BODY_ROWS

    plan = _large_plan(tmp_path, 10_000)
    out = tmp_path / "r.html"
    started = time.monotonic()
    assert cli.main(["report", str(plan), "-o", str(out)]) in (0, 1)
    capsys.readouterr()
    html = out.read_text(encoding="utf-8")
    rows = html.split('<table class="bodies">', 1)[1].split("</table>", 1)[0]
    assert rows.count("<tr") == BODY_ROWS + 2  # the header, the listed bodies, the line counting the rest
    assert re.search(r"其余\d+个机构未逐一列出，其中有问题的\d+个", rows)
    assert "方案有10009个机构，超过报告附图的上限300个" in html
    assert time.monotonic() - started < 120


def test_a_report_past_its_bodies_is_refused_with_one_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    from staffing.report import build

    monkeypatch.setattr(build, "REPORT_BODIES", 15)
    out = tmp_path / "r.pdf"
    assert cli.main(["report", str(XINQIAO), str(ZHANGPU), "-o", str(out)]) == 2
    _, err = capsys.readouterr()
    assert err.endswith("staffing: 报告中的方案共有21个机构，超过一份报告的上限15个；请分成几份报告\n"), err
    assert not out.exists()


@pytest.mark.parametrize(("bound", "value", "says"), [
    ("REPORT_SECONDS", 0.3, "生成 PDF 超过0.3秒，已停止"),
    ("REPORT_MEMORY", 64 * 2**20, "生成 PDF 所需内存超过64MB，已停止"),
])
def test_the_pdf_renderer_is_bounded_like_dot(bound: str, value: float, says: str, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from staffing.report import pdf

    monkeypatch.setattr(pdf, bound, value)
    out = tmp_path / "r.pdf"
    assert cli.main(["report", str(XINQIAO), "-o", str(out)]) == 2
    _, err = capsys.readouterr()
    assert says in err and "Traceback" not in err
    assert not out.exists()


def _engines_started(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every PDF engine started from now on, in the order started."""
    from staffing.report import pdf

    engines: list[Any] = []
    started = pdf.PdfEngine.__init__

    def start(self: Any) -> None:
        started(self)
        engines.append(self)

    monkeypatch.setattr(pdf.PdfEngine, "__init__", start)
    return engines


def _running_when_called(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str, engines: list[Any]) -> list[int]:
    """How many of `engines` were running at each call of `owner.name`."""
    seen: list[int] = []
    real = getattr(owner, name)

    def called(*args: Any, **kwargs: Any) -> Any:
        seen.append(sum(1 for e in engines if e._proc is not None and e._proc.poll() is None))
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, called)
    return seen


def test_the_pdf_engine_loads_while_the_plans_are_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`staffing report -o x.pdf` starts the child that makes the PDF before it checks the
    plans, so that loading WeasyPrint overlaps the checks; and a report that stops before its
    page is made (a plan that cannot be read) leaves no child behind."""
    from staffing.report import build
    from staffing.run import pipeline

    engines = _engines_started(monkeypatch)
    checked_with = _running_when_called(monkeypatch, pipeline, "run", engines)
    out = tmp_path / "r.pdf"
    assert cli.main(["report", str(XINQIAO), "-o", str(out)]) == 0
    assert checked_with == [1] and out.read_bytes().startswith(b"%PDF")
    assert engines[0]._proc is None  # done with, and reaped

    engines.clear()
    monkeypatch.setattr(build, "REPORT_BODIES", 15)
    code = cli.main(["report", str(XINQIAO), str(ZHANGPU), "-o", str(tmp_path / "big.pdf")])
    assert code == 2 and not (tmp_path / "big.pdf").exists()
    assert len(engines) == 1 and engines[0]._proc is None  # stopped and reaped


def test_the_pdf_engine_starts_before_the_arguments_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The child starts first thing for a PDF report (loading WeasyPrint takes longer than all
    the command does before the page is ready), whichever way -o is written; a command line
    that turns out wrong stops it; an HTML report starts none."""
    engines = _engines_started(monkeypatch)
    parsed_with = _running_when_called(monkeypatch, cli, "build_parser", engines)
    out = tmp_path / "r.pdf"
    for written in (["-o", str(out)], [f"--output={out}"], ["--out", str(out)], [f"-o{out}"]):
        engines.clear()
        parsed_with.clear()
        out.unlink(missing_ok=True)
        assert cli.main(["report", str(XINQIAO), *written]) == 0
        assert parsed_with == [1] and len(engines) == 1 and engines[0]._proc is None, written
        assert out.read_bytes().startswith(b"%PDF")

    engines.clear()
    assert cli.main(["report", str(XINQIAO), "-o", str(tmp_path / "x.pdf"), "--no-such-option"]) == 2
    assert len(engines) == 1 and engines[0]._proc is None  # started, then stopped and reaped

    engines.clear()
    assert cli.main(["report", str(XINQIAO), "-o", str(tmp_path / "r.html")]) == 0
    assert engines == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the dynamic linker's cache (ldconfig) is Linux's")
def test_the_pdf_child_finds_its_libraries_in_the_linker_cache_without_running_gcc(monkeypatch: pytest.MonkeyPatch) -> None:
    """While WeasyPrint loads, a library name the linker's cache does not know costs one
    `ldconfig -p`, not runs of gcc and ld; a name it knows is answered as before."""
    import ctypes.util

    from staffing.report import pdf

    stock = ctypes.util.find_library
    known = stock("c")
    ran: list[str] = []
    popen = subprocess.Popen

    def recorded(args: Any, *a: Any, **k: Any) -> Any:
        ran.append(os.path.basename(args[0]))
        return popen(args, *a, **k)

    monkeypatch.setattr(subprocess, "Popen", recorded)
    with pdf._libraries_from_linker_cache():
        assert ctypes.util.find_library("c") == known
        assert ctypes.util.find_library("no-such-library-0") is None
    assert ctypes.util.find_library is stock
    assert known is not None and ran == ["ldconfig", "ldconfig"]


def test_the_pdf_child_loads_weasyprint_the_ordinary_way_when_the_cache_does_not_find_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import ctypes.util

    from staffing.report import pdf

    stock = ctypes.util.find_library
    calls: list[bool] = []

    def load() -> str:
        calls.append(ctypes.util.find_library is stock)
        if ctypes.util.find_library is not stock:
            print("WeasyPrint could not import some external libraries")  # not onto the PDF's stdout
            raise OSError("cannot load library 'libgobject-2.0-0'")
        return "fonts"

    monkeypatch.setattr(pdf, "_load_engine", load)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert pdf._engine() == "fonts"
    assert out.getvalue() == ""
    assert calls == ([False, True] if sys.platform.startswith("linux") else [True])
