"""The review page's memory under many large uploads at once, on this machine over HTTP on
127.0.0.1: `--uploads` clients (default 95) each post a form of three files of just under
5 MB (about 15 MB, within --max-bytes and --max-request-bytes) at the same time to
`staffing serve`; the server process's resident memory is read from /proc before, at its
peak (VmHWM, the kernel's own high-water mark) and a few seconds after every answer, with
the answers' status codes counted.  The worker processes are left out: their memory has its
own bound, and what is measured is what the server holds while it receives.

    .venv/bin/python benchmarks/serve_memory.py              # prints one JSON document
    .venv/bin/python benchmarks/serve_memory.py --uploads 40 --workers 2 -- --max-total-bytes 100000000

Arguments after `--` go to `staffing serve`.  Not a test: the numbers are read, not asserted."""

from __future__ import annotations

import argparse
import collections
import http.client
import json
import os
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Any

STAFFING = Path(sys.executable).parent / "staffing"
FILE_BYTES = 5 * 2**20 - 4096  # under the default --max-bytes (5 MiB)


def body() -> tuple[bytes, str]:
    """A form of three files (their names not a plan's: the check is quick, the upload whole)."""
    boundary = "----memory" + uuid.uuid4().hex
    out = bytearray()
    for k in range(3):
        out += (f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="part{k}.txt"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n").encode() + bytes([65 + k]) * FILE_BYTES + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return bytes(out), f"multipart/form-data; boundary={boundary}"


def memory_mb(pid: int) -> dict[str, float]:
    """The process's resident memory now (VmRSS) and at its highest so far (VmHWM), MB."""
    found = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(("VmRSS:", "VmHWM:")):
                found[line.split(":")[0]] = round(int(line.split()[1]) / 1024, 1)
    return found


def post(port: int, data: bytes, kind: str, statuses: collections.Counter[int | str]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    try:
        conn.request("POST", "/check", body=data, headers={"Content-Type": kind, "Origin": f"http://127.0.0.1:{port}",
                                                          "Host": f"127.0.0.1:{port}"})
        response = conn.getresponse()
        response.read()
        statuses[response.status] += 1
    except OSError as exc:
        statuses[type(exc).__name__] += 1
    finally:
        conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--uploads", type=int, default=95)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--settle", type=float, default=5.0, help="seconds to wait after the last answer")
    parser.add_argument("serve", nargs="*", help="more arguments of staffing serve (after --)")
    args = parser.parse_args()
    command = [str(STAFFING), "serve", "--port", "0", "--no-browser", "--workers", str(args.workers), *args.serve]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    out: dict[str, Any] = {"uploads": args.uploads, "upload_mb": None, "serve": command[1:]}
    try:
        assert proc.stdout is not None
        port = int(proc.stdout.readline().rsplit(":", 1)[1].strip("/\n"))
        data, kind = body()
        out["upload_mb"] = round(len(data) / 2**20, 1)
        statuses: collections.Counter[int | str] = collections.Counter()
        post(port, data, kind, statuses)  # the first upload: the page's own imports and first allocations
        out["idle_mb"] = memory_mb(proc.pid)["VmRSS"]
        statuses.clear()
        threads = [threading.Thread(target=post, args=(port, data, kind, statuses)) for _ in range(args.uploads)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        time.sleep(args.settle)
        now = memory_mb(proc.pid)
        out["peak_mb"] = now["VmHWM"]
        out["after_mb"] = now["VmRSS"]
        out["answers"] = {str(k): v for k, v in sorted(statuses.items(), key=str)}
    finally:
        proc.terminate()
        proc.wait(30)
    out["load"] = round(os.getloadavg()[0], 2)
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
