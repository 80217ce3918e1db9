"""What the tool writes (issues 5 and 27): outputs whole or not at all, never an input,
names that cannot leave their folder, and a device, a pipe or a link that stays what it is;
temporaries removed on SIGTERM, and after SIGKILL by the next run."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from staffing.cli import main as cli
from staffing.io import output

from conftest import (
    GOOD,
    ORGS,
    RAW_UNSAFE,
    STAFFING,
    plan_variant,
)

HOSTILE = Path(__file__).resolve().parent / "hostile"


# ---- nothing lost -----------------------------------------------------------------------------


def fingerprint(folder: Path) -> dict[str, tuple[str, int, int]]:
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file() and not p.is_symlink():
            st = p.stat()
            out[str(p)] = (hashlib.sha256(p.read_bytes()).hexdigest(), st.st_mtime_ns, stat.S_IMODE(st.st_mode))
    return out


def test_inputs_are_never_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for p in HOSTILE.iterdir():
        shutil.copy(p, tmp_path / p.name)
    shutil.copy(GOOD, tmp_path / "good.yaml")
    plan_variant(tmp_path, "cycle.yaml", "  - name: 经济发展局\n", "  - name: 经济发展局\n    parent: 经济发展局\n")
    before = fingerprint(tmp_path)
    names_before = sorted(os.listdir(tmp_path))
    time.sleep(0.01)
    for fmt in cli.CONSOLE_FORMATS:  # the spreadsheet formats are files only (test_summary)
        cli.main(["check", "--format", fmt, str(tmp_path)])
    capsys.readouterr()
    assert fingerprint(tmp_path) == before
    assert sorted(os.listdir(tmp_path)) == names_before  # no stray temporary files either


def test_write_atomic_replaces_whole_or_not_at_all(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out" / "chart.svg"
    output.write_atomic(target, "第一版")
    assert target.read_text(encoding="utf-8") == "第一版"
    output.write_atomic(target, b"second")
    assert target.read_bytes() == b"second"

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        output.write_atomic(target, b"third, never seen")
    assert target.read_bytes() == b"second"
    assert sorted(p.name for p in target.parent.iterdir()) == ["chart.svg"]  # temp file removed


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd",
        "..",
        ".",
        "/etc/passwd",
        "C:\\Windows\\system32",
        "a/../../b",
        "bad\x00name",
        "\x1b[31m\u202e名字",
        "x" * 10_000,
        "镇" * 5_000,
        "",
        "....",
        "~",
        "CON",
    ],
)
def test_output_names_cannot_escape_the_folder(name: str, tmp_path: Path) -> None:
    safe = output.safe_name(name)
    assert safe and "/" not in safe and "\\" not in safe and "\x00" not in safe
    assert safe not in (".", "..")
    assert not RAW_UNSAFE.search(safe)
    assert len(safe.encode("utf-8")) <= 255 - len(".svg.XXXXXXXX.tmp") - 1
    target = output.inside(tmp_path, safe + ".svg")
    assert target.parent == tmp_path.resolve()
    output.write_atomic(target, b"<svg/>")
    assert target.read_bytes() == b"<svg/>"


@pytest.mark.parametrize("relative", ["../x.svg", "/etc/x.svg", "a/../../x.svg", "sub/../../x.svg"])
def test_inside_refuses_escapes(relative: str, tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        output.inside(tmp_path / "out", relative)


def test_inside_refuses_symlinked_escape(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    os.symlink(tmp_path.parent, out / "link")
    with pytest.raises(ValueError):
        output.inside(out, "link/x.svg")
    assert output.inside(out, "sub/x.svg") == out.resolve() / "sub" / "x.svg"


def test_inside_refuses_nul(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        output.inside(tmp_path, "a\x00b.svg")


XINQIAO = ORGS / "jiangsu/taizhou/jingjiang/xinqiao.yaml"


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
