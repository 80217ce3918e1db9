"""Hostile input, round three (issue 27): workbooks bounded before they are expanded,
outputs that stay what they are (devices, pipes, links), configuration and waivers read
within limits and never through a link, every plan string neutral wherever it goes,
charts and reports bounded.  Every reproducer is built here; no large file is committed."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import stat
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from staffing.cli import main as cli
from test_workbook_hostile import book, check, one_message, rezip, sheet_part

from conftest import ORGS, STAFFING

XINQIAO = ORGS / "jiangsu/taizhou/jingjiang/xinqiao.yaml"


def _add_to_sheet(xml: bytes, element: bytes) -> bytes:
    """`element` placed after the sheet's data (where mergeCells and hyperlinks stand)."""
    if b"<mergeCells" in xml:
        return xml.replace(b"</mergeCells>", element.replace(b"<mergeCells>", b"").replace(b"</mergeCells>", b"")
                           + b"</mergeCells>", 1)
    return xml.replace(b"</sheetData>", b"</sheetData>" + element, 1)


# ---- workbooks: counted from the XML before anything is built ---------------------------------

@pytest.mark.parametrize("ref", ["D30:Z60", "A1:XFD1048576"])
def test_a_merged_range_is_counted_at_its_size(ref: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = book(tmp_path)
    part = sheet_part(path, "职能机构")
    rezip(path, change={part: lambda b: _add_to_sheet(b, f'<mergeCells><mergeCell ref="{ref}"/></mergeCells>'.encode())})
    line = one_message(path, capsys, "--max-nodes", "1000")
    assert "职能机构!D30" in line or "职能机构!A1" in line
    assert "工作簿的单元格超过1000个（合并单元格、超链接区域按所占单元格计）" in line


def test_a_hyperlinked_range_is_counted_at_its_size(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = book(tmp_path)
    part = sheet_part(path, "职能机构")
    rezip(path, change={part: lambda b: b.replace(
        b"</sheetData>", b'</sheetData><hyperlinks><hyperlink ref="B40:H400" display="x"/></hyperlinks>', 1)})
    line = one_message(path, capsys, "--max-nodes", "1000")
    assert "职能机构!B40" in line and "单元格超过1000个" in line


def test_shared_strings_are_counted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = book(tmp_path)
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    strings = (f'<?xml version="1.0"?><sst xmlns="{main}">' + "<si><t>x</t></si>" * 1500 + "</sst>").encode()
    rezip(path, add={"xl/sharedStrings.xml": strings})
    assert "工作簿的共享字符串超过1000项" in one_message(path, capsys, "--max-nodes", "1000")


def test_a_dimension_outside_the_grid_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = book(tmp_path)
    part = sheet_part(path, "职能机构")
    rezip(path, change={part: lambda b: b.replace(b'<dimension ref="', b'<dimension ref="A1:XFE9999999" x="', 1)})
    line = one_message(path, capsys)
    assert "A1:XFE9999999超出 Excel 工作表的范围（1048576行、16384列）" in line


def test_the_workbook_of_the_issue_is_refused_at_once(tmp_path: Path) -> None:
    """The 31 kB workbook that cost 264 s and 2.7 GB: one merged range D30:Z400000, at the
    default limits, in a real process; refused in well under the minute it is given."""
    path = book(tmp_path)
    part = sheet_part(path, "职能机构")
    rezip(path, change={part: lambda b: _add_to_sheet(b, b'<mergeCells><mergeCell ref="D30:Z400000"/></mergeCells>')})
    assert path.stat().st_size < 40_000
    done = subprocess.run([str(STAFFING), "check", str(path), "--no-cache"], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "职能机构!D30" in done.stdout and "单元格超过200000个" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


def test_the_plan_workbooks_the_tool_writes_stay_within_the_bounds(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = book(tmp_path)
    with zipfile.ZipFile(path) as z:
        assert any(n.startswith("xl/worksheets/") for n in z.namelist())
    code, out, _ = check(path, capsys)
    assert code in (0, 1) and "无法使用" not in out


# ---- outputs: a device, a pipe or a link stays what it is ---------------------------------------

def _sarif_into(target: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(["check", str(XINQIAO), "--no-cache", "--output", f"sarif={target}"])
    _, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, err


def test_output_into_a_fifo_is_a_stream(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "sarif.pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as fh:
            got.append(fh.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    time.sleep(0.2)  # the reader is waiting on the pipe
    code, _ = _sarif_into(fifo, capsys)
    reader.join(10)
    assert code in (0, 1)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still the pipe
    assert json.loads(got[0])["version"] == "2.1.0"


def test_output_into_a_fifo_nobody_reads_is_refused_at_once(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "sarif.pipe"
    os.mkfifo(fifo)
    code, err = _sarif_into(fifo, capsys)
    assert code == 2 and "没有程序在读取这个管道" in err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root (CI runs as root)")
def test_output_into_a_device_is_written_not_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # the null device, here
    link = tmp_path / "stdout-like"
    link.symlink_to(null)  # as /dev/stdout is a link
    for target in (null, link):
        code, err = _sarif_into(target, capsys)
        assert code in (0, 1), err
    assert stat.S_ISCHR(os.lstat(null).st_mode) and link.is_symlink()


def test_sarif_to_dev_stdout_reaches_stdout() -> None:
    done = subprocess.run([str(STAFFING), "check", str(XINQIAO), "--no-cache", "--format", "text",
                           "--output", "sarif=/dev/stdout"], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode in (0, 1), done.stderr
    assert '"version": "2.1.0"' in done.stdout
    assert os.path.islink("/dev/stdout") or stat.S_ISCHR(os.stat("/dev/stdout").st_mode)


def test_output_through_a_link_replaces_the_file_and_keeps_the_link(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    real = tmp_path / "real.sarif"
    real.write_text("old")
    link = tmp_path / "link.sarif"
    link.symlink_to(real)
    code, _ = _sarif_into(link, capsys)
    assert code in (0, 1) and link.is_symlink()
    assert json.loads(real.read_text())["version"] == "2.1.0"


@pytest.mark.parametrize("kind", ["folder", "socket", "broken-link"])
def test_output_onto_what_is_not_a_file_is_refused(kind: str, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.sarif"
    if kind == "folder":
        target.mkdir()
    elif kind == "socket":
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(target))
    else:
        target.symlink_to(tmp_path / "nowhere")
    code, err = _sarif_into(target, capsys)
    says = {"folder": "这是一个文件夹", "socket": "这不是普通文件，也不是可以写入的设备或管道",
            "broken-link": "符号链接指向的文件不存在"}[kind]
    assert code == 2 and f"无法写入“{target}”：{says}" in err
    assert os.path.lexists(target) and not target.is_file()


def test_a_full_disk_on_stdout_says_it_cannot_write() -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run([str(STAFFING), "check", str(XINQIAO), "--no-cache"], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=120, check=False)
    assert done.returncode == 2
    assert done.stderr.strip() == "staffing: 无法写入标准输出：磁盘空间不足", done.stderr
    with open("/dev/full", "w") as full:
        done = subprocess.run([str(STAFFING), "check", str(XINQIAO), "--no-cache", "--lang", "en"], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=120, check=False)
    assert done.returncode == 2 and "cannot write to standard output: No space left on device" in done.stderr


def test_wrote_says_the_path_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "a\u202eb\x1b[31m.json"
    code = cli.main(["check", str(XINQIAO), "--no-cache", "--output", f"json={target}"])
    _, err = capsys.readouterr()
    assert code in (0, 1) and target.is_file()
    assert "\u202e" not in err and "\x1b" not in err
    assert "a\\u202eb\\x1b[31m.json”" in err


# ---- temporaries: removed on SIGTERM, and after SIGKILL by the next run -------------------------

_TERM_DURING_WRITE = """
import os, signal, sys
from staffing.cli import main as cli
real = os.fsync
def fsync(fd):
    os.kill(os.getpid(), signal.SIGTERM)  # as a CI runner's timeout would, mid-write
    real(fd)
os.fsync = fsync
sys.exit(cli.main(sys.argv[1:]))
"""


def test_sigterm_during_a_write_leaves_nothing_beside_the_target(tmp_path: Path) -> None:
    out = tmp_path / "out" / "report.json"
    done = subprocess.run([sys.executable, "-c", _TERM_DURING_WRITE, "check", str(XINQIAO), "--no-cache",
                           "--output", f"json={out}"], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 143, done.stderr
    assert "Traceback" not in done.stderr
    assert list((tmp_path / "out").iterdir()) == []  # neither half a report nor a temporary


def test_a_later_run_removes_the_temporaries_a_killed_run_left(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()  # a process number nobody has now
    out = tmp_path / "report.json"
    stale = tmp_path / f".report.json.staffing-{gone.pid}-abc123.tmp"
    stale.write_text("{half")
    live = tmp_path / f".report.json.staffing-{os.getppid()}-def456.tmp"  # a run still writing
    live.write_text("{")
    other = tmp_path / ".notes.txt.staffing-1-x.tmp"  # not this target's
    other.write_text("x")
    code = cli.main(["check", str(XINQIAO), "--no-cache", "--output", f"json={out}"])
    capsys.readouterr()
    assert code in (0, 1) and out.is_file()
    assert not stale.exists() and live.exists() and other.exists()


# ---- staffing.toml and the waiver file: bounded, and never read through a link ------------------

def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "plan.yaml").write_bytes(XINQIAO.read_bytes())
    return repo


COMMANDS = [
    ["check", "plan.yaml", "--no-cache"],
    ["rules"],
    ["explain", "ST201"],
    ["render", "plan.yaml", "-o", "chart.dot"],
    ["diff", "plan.yaml", "plan.yaml"],
]


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: a[0])
def test_a_deeply_nested_config_is_one_message_in_every_command(argv: list[str], tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    repo = _repo(tmp_path)
    (repo / "staffing.toml").write_text("[check]\nx = " + "[" * 1000 + "]" * 1000 + "\n")  # 2 kB
    monkeypatch.chdir(repo)
    code = cli.main(argv)
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err == "staffing: staffing.toml: 嵌套超过64层\n"


def test_config_nesting_is_bounded_at_the_plans_depth(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    repo = _repo(tmp_path)
    (repo / "staffing.toml").write_text("[check]\nx = " + "[" * 65 + "]" * 65 + "\n")  # tomllib reads it
    monkeypatch.chdir(repo)
    assert cli.main(["rules", "--lang", "en"]) == 2
    assert capsys.readouterr().err == "staffing: staffing.toml: nested deeper than 64 levels\n"


def test_a_huge_config_is_refused_before_it_is_parsed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    repo = _repo(tmp_path)
    with open(repo / "staffing.toml", "w") as fh:
        fh.write("[check]\n")
        fh.write("# padding\n" * 600_000)  # 6 MB, made here
    monkeypatch.chdir(repo)
    started = time.monotonic()
    assert cli.main(["check", "plan.yaml", "--no-cache"]) == 2
    assert time.monotonic() - started < 30
    err = capsys.readouterr().err
    assert "staffing.toml: " in err and "超过上限5242880字节" in err


SECRET = "root:SECRET-LINE-FROM-ELSEWHERE:0:0"


def test_a_linked_config_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    repo = _repo(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_text(f"{SECRET} = 1\n")
    (repo / "staffing.toml").symlink_to(elsewhere)
    monkeypatch.chdir(repo)
    assert cli.main(["check", "plan.yaml", "--no-cache"]) == 2
    out, err = capsys.readouterr()
    assert err == "staffing: staffing.toml: 配置文件是符号链接，不予读取；请改为普通文件\n"
    assert "SECRET" not in out + err


def test_a_linked_waiver_file_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    repo = _repo(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_text(f"{SECRET}: x\n")
    (repo / "staffing-waivers.yaml").symlink_to(elsewhere)
    monkeypatch.chdir(repo)
    assert cli.main(["check", "plan.yaml", "--no-cache"]) == 2
    out, err = capsys.readouterr()
    assert err == "staffing: staffing-waivers.yaml: 豁免文件是符号链接，不予读取；请改为普通文件\n"
    assert "SECRET" not in out + err


# ---- the review report: neutral headers, long names, bounded ------------------------------------

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


def _plan_with(tmp_path: Path, name: str, edit: Callable[[dict[str, Any]], None], source: Path = XINQIAO) -> Path:
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


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

    plan = _plan_with(tmp_path, "bidi.yaml", edit)
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

    plan = _plan_with(tmp_path, "bidi.yaml", edit)
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

    plan = _plan_with(tmp_path, f"{kind}.yaml", edit)
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

    return _plan_with(tmp_path, f"large{bodies}.yaml", edit)


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


# ---- charts: each fails alone, none decoded, the whole chart bounded ----------------------------

HAS_DOT = shutil.which("dot") is not None
needs_dot = pytest.mark.skipif(not HAS_DOT, reason="Graphviz `dot` is not installed (bash scripts/install.sh)")


def _two_plans(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "a.yaml").write_bytes(XINQIAO.read_bytes())
    (plans / "b.yaml").write_bytes(ZHANGPU.read_bytes())
    return plans


def _charts(plans: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = cli.main(["check", str(plans), "--no-cache", "--jobs", "1", "--charts", str(out)])
    _, err = capsys.readouterr()
    assert "Traceback" not in err and "Warning" not in err and "warnings.warn" not in err
    return code, err


@needs_dot
@pytest.mark.parametrize("pixels", [30_000, 300_000])  # a warning past 1x, an error past 2x
def test_a_png_is_never_decoded_so_no_bomb_stops_the_charts(pixels: int, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    from PIL import Image

    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", pixels)  # as a 1,000-body chart meets the real bound
    out = tmp_path / "charts"
    code, err = _charts(_two_plans(tmp_path), out, capsys)
    assert code in (0, 1), err
    assert sorted(p.suffix for p in out.iterdir()) == [".png", ".png", ".svg", ".svg"], err
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", None)
    with Image.open(next(out.glob("*.png"))) as img:  # a PNG that says its dpi
        img.load()
        assert round(img.info["dpi"][0]) == 150


@needs_dot
def test_a_png_past_its_pixels_is_said_and_the_rest_drawn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    from staffing.charts import render as charts

    monkeypatch.setattr(charts, "PNG_MAX_PIXELS", 1_000_000)
    out = tmp_path / "charts"
    code, err = _charts(_two_plans(tmp_path), out, capsys)
    assert code == 2
    assert len(re.findall(r"组织图的 PNG 将有\d+×\d+像素，超过上限1000000像素，未生成 PNG；请使用 SVG 文件", err)) == 2
    assert sorted(p.suffix for p in out.iterdir()) == [".svg", ".svg"]


@needs_dot
def test_a_link_in_the_charts_folder_fails_that_chart_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "charts"
    out.mkdir()
    victim = tmp_path / "victim.svg"
    victim.write_text("keep")
    (out / "321282104000-新桥镇.svg").symlink_to(victim)  # outside the folder
    (out / "321282104000-新桥镇.png").symlink_to(out / "inside.png")  # inside it: not followed either
    code, err = _charts(_two_plans(tmp_path), out, capsys)
    assert code == 2
    assert err.count("是符号链接，不予覆盖，本图未生成") == 2
    assert victim.read_text() == "keep" and not (out / "inside.png").exists()
    assert (out / "320583106000-张浦镇.svg").is_file() and (out / "320583106000-张浦镇.png").is_file()


@needs_dot
def test_one_chart_is_bounded_as_a_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    from staffing.charts import render as charts

    real = shutil.which("dot")
    slow = tmp_path / "bin" / "dot"
    slow.parent.mkdir()
    slow.write_text(f'#!/bin/sh\nsleep 0.4\nexec "{real}" "$@"\n', encoding="utf-8")  # each run takes its time
    slow.chmod(0o755)
    monkeypatch.setenv("PATH", f"{slow.parent}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setattr(charts, "CHART_SECONDS", 1.5)
    out = tmp_path / "chart.svg"
    started = time.monotonic()
    assert cli.main(["render", str(ZHANGPU), "-o", str(out)]) == 2
    _, err = capsys.readouterr()
    assert time.monotonic() - started < 10
    assert "绘制这张组织图（dot 多次排版并生成图片）超过1.5秒，已停止" in err
    assert not out.exists()


# ---- every workbook the tool writes opens -----------------------------------------------------

SHEET_FORBIDDEN = set("[]:*?/\\")


def _assert_opens(path: Path) -> Any:
    """The workbook opens in openpyxl, and every sheet name is one Excel takes."""
    wb = openpyxl.load_workbook(path)
    folded = [t.casefold() for t in wb.sheetnames]
    assert len(set(folded)) == len(folded), wb.sheetnames
    for title in wb.sheetnames:
        assert 0 < len(title) <= 31 and not SHEET_FORBIDDEN & set(title), title
        assert title.isprintable() and not title.startswith("'") and title.casefold() != "history", title
    return wb


@pytest.mark.parametrize("county", ["\x01县", "\u202e靖江市", "a/b:c*?[x]\\y", "History", "'引号'",
                                    "很长的县名" * 10])
def test_the_summary_workbook_opens_whatever_the_county_is_called(county: str, tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    for n, name in enumerate((county, county.upper(), county.lower())):
        data = yaml.safe_load(XINQIAO.read_text(encoding="utf-8"))
        data["town"]["county"] = name
        data["town"]["code"] = f"32128210400{n}"
        data["plan_date"] = data["plan_date"].isoformat()
        (plans / f"p{n}.json").write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")  # \u0001 in JSON
    out = tmp_path / "summary.xlsx"
    code = cli.main(["check", str(plans), "--no-cache", "--output", f"xlsx={out}"])
    _, err = capsys.readouterr()
    assert code in (0, 1), err
    wb = _assert_opens(out)
    assert len(wb.sheetnames) >= 4
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            assert all(v is None or not isinstance(v, str) or v.isprintable() or "\n" in v for v in row)


def test_the_template_and_converted_workbooks_open(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = tmp_path / "template.xlsx"
    assert cli.main(["template", "-o", str(template)]) == 0
    converted = tmp_path / "plan.xlsx"
    assert cli.main(["convert", str(XINQIAO), "-o", str(converted)]) == 0
    capsys.readouterr()
    for path in (template, converted):
        _assert_opens(path)


def test_convert_writes_names_differing_by_a_space_so_that_check_reads_them(tmp_path: Path,
                                                                             capsys: pytest.CaptureFixture[str]) -> None:
    def edit(data: dict[str, Any]) -> None:
        twin = dict(data["bodies"][1], name=data["bodies"][1]["name"] + " ")  # with its own leadership posts
        data["bodies"].append(twin)

    plan = _plan_with(tmp_path, "twins.yaml", edit)
    yaml_code = cli.main(["check", str(plan), "--no-cache", "--format", "json"])
    yaml_out, _ = capsys.readouterr()
    book_path = tmp_path / "twins.xlsx"
    assert cli.main(["convert", str(plan), "-o", str(book_path)]) == 0
    capsys.readouterr()
    code = cli.main(["check", str(book_path), "--no-cache", "--format", "json"])
    out, err = capsys.readouterr()
    assert (code, yaml_code) == (1, 1), out + err
    assert "ST904" in yaml_out and "ST904" in out  # the same verdict: a duplicate name, not an unusable file
