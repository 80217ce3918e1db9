"""`staffing report` of two checkouts, HTML and PDF, run in turn (issue 28).

    .venv/bin/python benchmarks/report_pairs.py --before /tmp/before/src --after src --pairs 9 \
        one=PLAN.yaml three=DIR3 ten=DIR10

For each pair of runs and each named input, both checkouts write the HTML report and then the
PDF (the order of the checkouts flips from one pair to the next; one pair first to warm up, not
counted).  A checkout is its `src` folder, put first on PYTHONPATH; `--before installed` runs the
installed package with no PYTHONPATH.  Prints, per input, the medians, the median of the pairs'
after/before ratios and of each checkout's PDF/HTML ratios, and with inputs named `three` and
`ten` (folders of 3 and 10 plans) the PDF's cost of each further plan, (ten - three) / 7."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def run(src: str, target: str, out: Path) -> float:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    if src != "installed":
        env["PYTHONPATH"] = str(Path(src).resolve())
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "staffing", "report", target, "-o", str(out)], env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=tempfile.gettempdir())
    took = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"{src} {target} {out.suffix}: exit {done.returncode}: {done.stderr.decode()[-500:]}")
    return took


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--before", required=True, help="the first checkout's src folder, or 'installed'")
    ap.add_argument("--after", required=True, help="the second checkout's src folder, or 'installed'")
    ap.add_argument("--pairs", type=int, default=7)
    ap.add_argument("inputs", nargs="+", metavar="NAME=PATH")
    args = ap.parse_args()
    inputs = dict(item.split("=", 1) for item in args.inputs)
    sides = {"before": args.before, "after": args.after}
    times: dict[tuple[str, str, str], list[float]] = {}
    with tempfile.TemporaryDirectory() as work:
        for k in range(-1, args.pairs):  # -1: warming up
            order = ["before", "after"] if k % 2 == 0 else ["after", "before"]
            for name, target in inputs.items():
                for fmt in ("html", "pdf"):
                    for side in order:
                        took = run(sides[side], target, Path(work) / f"{side}-{name}.{fmt}")
                        if k >= 0:
                            times.setdefault((side, name, fmt), []).append(took)
    med = statistics.median
    print(f"load average {os.getloadavg()[0]:.2f} at the end; {args.pairs} pairs")
    for name in inputs:
        for fmt in ("html", "pdf"):
            b, a = times[("before", name, fmt)], times[("after", name, fmt)]
            print(f"{name} {fmt}: before {med(b):.3f} s, after {med(a):.3f} s, after/before {med(y / x for x, y in zip(b, a, strict=True)):.3f}")
        for side in sides:
            h, p = times[(side, name, "html")], times[(side, name, "pdf")]
            print(f"{name} {side}: PDF/HTML {med(y / x for x, y in zip(h, p, strict=True)):.2f}")
    if "three" in inputs and "ten" in inputs:
        for side in sides:
            for fmt in ("html", "pdf"):
                further = (med(times[(side, "ten", fmt)]) - med(times[(side, "three", fmt)])) / 7
                print(f"{side} {fmt}: each further plan {further:.3f} s")


if __name__ == "__main__":
    main()
