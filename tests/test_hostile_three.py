"""Hostile input, round three (issue 27): workbooks bounded before they are expanded,
outputs that stay what they are (devices, pipes, links), configuration and waivers read
within limits and never through a link, every plan string neutral wherever it goes,
charts and reports bounded.  Every reproducer is built here; no large file is committed."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

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
