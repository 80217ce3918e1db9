"""Exit codes that hold: a closed stdout, a signal, two different towns, an output that
cannot be written; and every command says what it wrote."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from staffing.cli.main import main

from conftest import ROOT, STAFFING

XINQIAO = "orgs/jiangsu/taizhou/jingjiang/xinqiao.yaml"
ZHANGPU = "orgs/jiangsu/suzhou/kunshan/zhangpu.yaml"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("args", "expected"), [
    (["check", "orgs"], 1),
    (["check", "orgs", "--format", "json"], 1),
    (["check", ZHANGPU, "--format", "sarif"], 1),
    (["check", XINQIAO], 0),
])
def test_a_closed_stdout_keeps_the_verdict(args: list[str], expected: int) -> None:
    """`staffing check orgs | head`: the reader is gone before the report is written."""
    proc = subprocess.Popen([str(STAFFING), *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == expected
    assert "Traceback" not in err and "BrokenPipe" not in err


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find the worker processes")
@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 128 + signal.SIGTERM), (signal.SIGINT, 130)])
def test_a_signal_ends_the_workers(tmp_path: Path, sig: signal.Signals, code: int) -> None:
    subprocess.run([str(STAFFING), "generate", "--towns", "600", "--seed", "3", str(tmp_path / "plans")],
                   check=True, capture_output=True, timeout=300)
    # a shell without job control starts background commands with SIGINT ignored, and an
    # ignored signal stays ignored (POSIX): start the run as a terminal would
    proc = subprocess.Popen([str(STAFFING), "check", str(tmp_path / "plans"), "--jobs", "2", "--no-cache"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        workers = _children(proc.pid)
    assert len(workers) >= 2, "the run ended before its workers could be seen"
    proc.send_signal(sig)
    status = proc.wait(timeout=60)
    assert proc.stderr is not None
    err = proc.stderr.read().decode()
    assert status == code, err
    assert "Traceback" not in err
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [w for w in workers if _alive(w)], "workers outlived the run"


_SIGNAL_AS_THE_WORKERS_END = """
import os, signal
import concurrent.futures.process as futures
from staffing.errors import Interrupted
from staffing.run import pool

quieted = []
real_quiet, real_shutdown = pool._quiet_exit, futures.ProcessPoolExecutor.shutdown
pool._quiet_exit = lambda *args: (quieted.append(args), real_quiet(*args))

kept = []  # the pool's thread, alive at the interpreter's exit as under load

def shutdown(self, wait=True, **kwargs):
    kept.append(self._executor_manager_thread)
    if wait:  # the signal arrives as the run waits for its workers to end
        os.kill(os.getpid(), signal.SIGTERM)
    return real_shutdown(self, wait=wait, **kwargs)

futures.ProcessPoolExecutor.shutdown = shutdown

def work(chunk):
    return sum(chunk)

def start():
    pass

taken = []
try:
    pool.pooled([[1], [2], [3]], work, 2, start, (), taken.append)
except Interrupted as exc:
    print("interrupted", exc.signum, len(quieted), sorted(taken))
    # the race the signal test meets under load, made certain: the pool's wake-up pipe closed
    # under the interpreter's exit, which wakes the pool's thread once more
    for wakeup in futures._threads_wakeups.values():
        if not wakeup._writer.closed:
            os.close(wakeup._writer.fileno())
        wakeup._closed = False
"""


def test_a_signal_as_the_workers_end_ends_them_as_any_other_does() -> None:
    """SIGTERM while a pooled run waits for its workers to end, every result taken: the
    workers are ended and the pool's thread kept from the closed pipe at exit, as for a
    signal at any other moment (it was raised outside that clean-up, and the interpreter's
    exit then printed a traceback: seen under load by the signal test above).  The pipe is
    closed under the exit here: the clean-up took the pool's thread and pipe after the pool's
    shutdown had forgotten them, and the exit wrote to it ("Bad file descriptor")."""
    done = subprocess.run([sys.executable, "-c", _SIGNAL_AS_THE_WORKERS_END], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    assert done.stdout == "interrupted 15 1 [1, 2, 3]\n", done.stderr
    assert "Traceback" not in done.stderr


def test_diff_of_two_different_towns_is_an_error_unless_forced(capsys, in_root: Path) -> None:
    code, out, err = run(capsys, "diff", XINQIAO, ZHANGPU, "--lang", "en")
    assert (code, out) == (2, "")
    assert err == ("staffing: the two files are plans of different towns (新桥镇 321282104000 and "
                   "张浦镇 320583106000); add --force to compare them anyway\n")
    code, out, err = run(capsys, "diff", XINQIAO, ZHANGPU, "--force")
    assert code in (0, 1) and out and err == ""
    code, out, err = run(capsys, "diff", XINQIAO, XINQIAO)
    assert code == 0 and err == ""


def test_render_says_what_it_wrote(capsys, in_root: Path, tmp_path: Path) -> None:
    target = tmp_path / "x.dot"
    code, out, err = run(capsys, "render", XINQIAO, "-o", str(target))
    assert (code, out, err) == (0, "", f"staffing: 已写入“{target}”\n") and target.stat().st_size > 0
    code, out, err = run(capsys, "render", XINQIAO, "-o", str(target), "--lang", "en")
    assert (code, out, err) == (0, "", f"staffing: wrote {target}\n")


def test_generate_says_what_it_wrote(capsys, tmp_path: Path) -> None:
    code, out, err = run(capsys, "generate", "--towns", "3", str(tmp_path / "g"), "--lang", "en")
    assert code == 0 and out == "" and err.startswith("staffing: wrote ") and err.endswith(f"files under {tmp_path / 'g'}\n")


def test_an_unwritable_output_is_a_clear_message(capsys, in_root: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    target = blocker / "chart.dot"  # its folder is a file: cannot be written, even by root
    code, out, err = run(capsys, "render", XINQIAO, "-o", str(target), "--lang", "en")
    assert (code, out) == (2, "")
    assert err.startswith(f"staffing: cannot write {target}: ") and err.count("\n") == 1
    assert "internal error" not in err
    code, out, err = run(capsys, "generate", "--towns", "2", str(blocker / "g"), "--lang", "en")
    assert (code, out) == (2, "") and "cannot write" in err and "internal error" not in err
    code, out, err = run(capsys, "check", XINQIAO, "--charts", str(blocker / "charts"), "--lang", "en")
    assert code == 2 and "cannot write" in err and "internal error" not in err


def test_check_charts_says_what_it_wrote(capsys, in_root: Path, tmp_path: Path) -> None:
    pytest.importorskip("shutil").which("dot") or pytest.skip("Graphviz is not installed")
    code, _, err = run(capsys, "check", XINQIAO, "--charts", str(tmp_path / "c"), "--lang", "en")
    assert code == 0 and err == f"staffing: wrote the org charts of 1 plan (SVG and PNG) into {tmp_path / 'c'}\n"


def test_python_runs_the_module_too() -> None:
    proc = subprocess.run([sys.executable, "-m", "staffing", "check", XINQIAO], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env={**os.environ})
    assert proc.returncode == 0


# leave(): a finished command exits without the interpreter's teardown; what still runs is
# waited for as before.  argv: marker file, what is left running (nothing, a thread, a child
# process), the exit code.
_LEAVE = r"""
import atexit, sys, threading, time
from pathlib import Path
from staffing.cli.main import leave

marker, running, code = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
atexit.register(lambda: marker.with_suffix(".teardown").write_text("ran"))
if running == "thread":
    def late():
        time.sleep(0.3)
        marker.write_text("finished")
    threading.Thread(target=late).start()
elif running == "child":
    import multiprocessing
    multiprocessing.get_context("spawn").Process(target=time.sleep, args=(0.3,)).start()
sys.stdout.write("verdict, no newline")
leave(code)
"""


def _leave(tmp_path: Path, running: str, code: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", _LEAVE, str(tmp_path / "marker"), running, str(code)],
                          capture_output=True, text=True, timeout=60)


def test_a_finished_command_leaves_without_the_teardown_its_output_whole(tmp_path: Path) -> None:
    done = _leave(tmp_path, "nothing", 1)
    assert (done.returncode, done.stdout, done.stderr) == (1, "verdict, no newline", "")
    assert not (tmp_path / "marker.teardown").exists()  # the interpreter's teardown never ran


@pytest.mark.parametrize("running", ["thread", "child"])
def test_what_still_runs_is_waited_for(tmp_path: Path, running: str) -> None:
    done = _leave(tmp_path, running, 0)
    assert (done.returncode, done.stdout) == (0, "verdict, no newline")
    assert (tmp_path / "marker.teardown").read_text() == "ran"  # the ordinary exit
    if running == "thread":
        assert (tmp_path / "marker").read_text() == "finished"


def test_the_command_and_the_module_leave_with_the_whole_report(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", ZHANGPU, "--format", "json")
    for command in ([str(STAFFING)], [sys.executable, "-m", "staffing"]):
        done = subprocess.run([*command, "check", ZHANGPU, "--format", "json"], cwd=ROOT, capture_output=True,
                              text=True, timeout=120)
        assert (done.returncode, done.stdout) == (code, out) == (1, out)


DONGZHIMEN = "orgs/beijing/beijing/dongcheng/dongzhimen.yaml"


@pytest.mark.parametrize(("closed", "args"), [
    (1, ["--version"]),
    (1, ["check", ZHANGPU]),
    (2, ["check", DONGZHIMEN, "--format", "json"]),
    (2, ["check", ZHANGPU, "--format", "sarif"]),
])
def test_a_stream_closed_before_the_start_changes_no_exit_code(capsys: pytest.CaptureFixture[str], closed: int,
                                                                 args: list[str]) -> None:
    """`staffing check … >&-` or `2>&-`: what would go to the closed stream is lost, nothing
    else; the exit code is the one the command earns, and stdout holds only the report."""
    code, out, _ = run(capsys, *args)
    done = subprocess.run([sys.executable, "-m", "staffing", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, preexec_fn=lambda: os.close(closed))
    assert done.returncode == code
    assert "Traceback" not in done.stdout + done.stderr
    if closed == 2:
        assert done.stdout == out
