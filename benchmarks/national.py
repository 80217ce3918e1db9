"""National-scale benchmark: generate N plans, check them cold and warm, and check one
file alone as a pre-commit hook would.

    python benchmarks/national.py --towns 40000 --out /tmp/national --json

prints one JSON line: {"towns", "cold_s", "warm_s", "single_file_s", "peak_rss_mb"}.
Cold and warm are `staffing check DIR` as a subprocess (wall time, all of it: start-up,
discovery, checking, report); cold with an empty cache directory, warm right after.
single_file_s is the median of --repeat runs of `staffing check FILE --no-cache`.
peak_rss_mb is the largest resident set of the parent and any one worker (ru_maxrss).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
STAFFING = [sys.executable, "-m", "staffing"]


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr.decode(errors="replace")[-2000:])
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}")
    return wall, proc.returncode


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--towns", type=int, default=1000)
    ap.add_argument("--out", default=None, help="corpus folder (generated if missing)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=3, help="runs for the medians")
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    out = Path(args.out or Path(tempfile.gettempdir()) / f"staffing-national-{args.towns}-{args.seed}")
    stamp = out / ".generated"
    if not stamp.exists() or stamp.read_text() != f"{args.towns}:{args.seed}":
        if out.exists():
            shutil.rmtree(out)
        from staffing.plan.generate import write

        t = time.perf_counter()
        write(str(out), args.towns, args.seed)
        stamp.write_text(f"{args.towns}:{args.seed}")
        print(f"generated {args.towns} plans in {time.perf_counter() - t:.1f}s", file=sys.stderr)
    cache = Path(tempfile.mkdtemp(prefix="staffing-bench-cache-"))
    env = dict(os.environ, STAFFING_CACHE_DIR=str(cache), CI="1")
    env.pop("GITHUB_ACTIONS", None)
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    target = [str(out / "orgs")]
    colds, warms = [], []
    for _ in range(max(1, args.repeat if args.towns <= 5000 else 1)):
        shutil.rmtree(cache, ignore_errors=True)
        colds.append(run(STAFFING + ["check", *target, *jobs], env)[0])
        warms.append(run(STAFFING + ["check", *target, *jobs], env)[0])
    one = sorted(str(p) for p in (out / "orgs").rglob("*.yaml") if not p.name.startswith("_"))[0]
    singles = [run(STAFFING + ["check", one, "--no-cache"], env)[0] for _ in range(max(3, args.repeat))]
    shutil.rmtree(cache, ignore_errors=True)
    peak_kb = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    result = {
        "towns": args.towns,
        "cold_s": round(statistics.median(colds), 2),
        "warm_s": round(statistics.median(warms), 2),
        "single_file_s": round(statistics.median(singles), 3),
        "peak_rss_mb": round(peak_kb / 1024, 1),
    }
    if args.json:
        print(json.dumps(result))
    else:
        for k, v in result.items():
            print(f"{k:>14}: {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
