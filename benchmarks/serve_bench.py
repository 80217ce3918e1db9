"""Benchmark the review page (`staffing serve`) on this machine, over HTTP on 127.0.0.1:

- the check page for one typical workbook (Zhangpu's plan as the office's workbook, 3
  findings, 16 sheets): 50 uploads one after another, the server's time (its Server-Timing
  header) and the time the client waited, median and p95 (target: p95 at most 300 ms);
- the review report's PDF download for it (target: at most 3 s), median of 10;
- 20 uploads at once: every one answered, none failed, and the peak memory of the server
  and its worker processes (resident, summed, sampled every 20 ms);
- beside them, yamllint on the same plan as YAML, one file (a peer's start-up and check),
  median of 10.

    .venv/bin/python benchmarks/serve_bench.py              # prints one JSON document
    .venv/bin/python benchmarks/serve_bench.py --workers 2

Not a test: the machine is shared, so the numbers are read, not asserted."""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "orgs" / "jiangsu" / "suzhou" / "kunshan" / "zhangpu.yaml"
STAFFING = Path(sys.executable).parent / "staffing"


def workbook() -> bytes:
    from staffing.io.load import load_file
    from staffing.run.convert import plan_bytes

    return plan_bytes(load_file(str(PLAN)).data, ".xlsx", "张浦镇.xlsx")


def multipart(fields: list[tuple[str, str]], files: list[tuple[str, str, bytes]]) -> tuple[bytes, str]:
    boundary = "----bench" + uuid.uuid4().hex
    out = bytearray()
    for name, value in fields:
        out += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
    for name, filename, data in files:
        out += (f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n").encode() + data + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return bytes(out), f"multipart/form-data; boundary={boundary}"


def post(port: int, path: str, body: bytes, kind: str) -> tuple[int, float, float, bytes]:
    """(status, server ms, client ms, body)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    started = time.perf_counter()
    conn.request("POST", path, body=body, headers={"Content-Type": kind, "Origin": f"http://127.0.0.1:{port}",
                                                   "Host": f"127.0.0.1:{port}"})
    response = conn.getresponse()
    data = response.read()
    client = (time.perf_counter() - started) * 1000
    timing = re.search(r"dur=([0-9.]+)", response.getheader("server-timing") or "")
    conn.close()
    return response.status, float(timing.group(1)) if timing else float("nan"), client, data


def descendants(pid: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    parents[int(entry)] = int(f.read().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
    found, todo = [], [pid]
    while todo:
        here = todo.pop()
        found.append(here)
        todo += [p for p, parent in parents.items() if parent == here]
    return found


def rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--uploads", type=int, default=50)
    parser.add_argument("--concurrent", type=int, default=20)
    args = parser.parse_args()
    data = workbook()
    command = [str(STAFFING), "serve", "--port", "0", "--no-browser"]
    if args.workers:
        command += ["--workers", str(args.workers)]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out: dict[str, Any] = {"machine": {"cores": os.cpu_count(), "python": sys.version.split()[0],
                                       "load_before": round(os.getloadavg()[0], 2)}}
    try:
        assert proc.stdout is not None
        port = int(proc.stdout.readline().rsplit(":", 1)[1].strip("/\n"))
        body, kind = multipart([], [("files", "张浦镇.xlsx", data)])
        for _ in range(3):  # the workers' first imports
            post(port, "/check", body, kind)
        server, client = [], []
        for _ in range(args.uploads):
            status, s_ms, c_ms, page = post(port, "/check", body, kind)
            assert status == 200 and "不通过".encode() in page, status
            server.append(s_ms)
            client.append(c_ms)
        out["check_page"] = {"uploads": args.uploads, "workbook_bytes": len(data),
                             "server_ms": {"median": round(statistics.median(server), 1),
                                           "p95": round(percentile(server, 0.95), 1)},
                             "client_ms": {"median": round(statistics.median(client), 1),
                                           "p95": round(percentile(client, 0.95), 1)}}
        held = re.findall(rb'name="held" value="([^"]*)"', page)[0].decode()
        pdf_body, pdf_kind = multipart([("held", held), ("what", "report.pdf:0")], [])
        pdf_ms = []
        for _ in range(10):
            status, s_ms, _, pdf = post(port, "/download", pdf_body, pdf_kind)
            assert status == 200 and pdf.startswith(b"%PDF-"), status
            pdf_ms.append(s_ms)
        out["report_pdf"] = {"downloads": 10, "bytes": len(pdf), "server_ms": {
            "median": round(statistics.median(pdf_ms), 1), "max": round(max(pdf_ms), 1)}}
        pids = descendants(proc.pid)
        idle = rss_mb(pids)
        peak = [idle]
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set():
                peak.append(rss_mb(descendants(proc.pid)))
                time.sleep(0.02)

        sampler = threading.Thread(target=sample)
        sampler.start()
        results: list[tuple[int, float]] = []

        def one() -> None:
            status, _, c_ms, _ = post(port, "/check", body, kind)
            results.append((status, c_ms))

        started = time.perf_counter()
        threads = [threading.Thread(target=one) for _ in range(args.concurrent)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - started
        stop.set()
        sampler.join()
        statuses = [s for s, _ in results]
        out["concurrent"] = {"uploads": args.concurrent, "answered": len(results),
                             "ok": statuses.count(200), "failed": len(statuses) - statuses.count(200),
                             "wall_s": round(wall, 2), "slowest_ms": round(max(c for _, c in results), 1),
                             "processes": len(pids), "rss_idle_mb": round(idle, 1), "rss_peak_mb": round(max(peak), 1)}
    finally:
        proc.terminate()
        proc.wait(30)
    yamllint = shutil.which("yamllint", path=str(Path(sys.executable).parent)) or shutil.which("yamllint")
    if yamllint:
        times = []
        for _ in range(10):
            started = time.perf_counter()
            subprocess.run([yamllint, "-d", "relaxed", str(PLAN)], capture_output=True, check=False)
            times.append((time.perf_counter() - started) * 1000)
        out["yamllint_one_file_ms"] = {"median": round(statistics.median(times), 1), "file": PLAN.name}
    out["machine"]["load_after"] = round(os.getloadavg()[0], 2)  # other work on the machine skews every number
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
