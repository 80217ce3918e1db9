"""This checkout against another, on the same machine and interpreter: CPU medians of a
`staffing check` of one file, of a folder of plans cold (no cache) and warm (every plan in
the cache), run in pairs, the two checkouts in turn, so a machine that drifts slows both.

    git worktree add /tmp/before b8673f9          # the checkout to compare with
    .venv/bin/staffing generate --towns 2000 --seed 1 /tmp/corpus
    .venv/bin/python benchmarks/against.py --before /tmp/before --corpus /tmp/corpus

Each figure is the CPU time (user + system, the workers included) of the whole command;
the ratio is the median of the pairs' ratios (this checkout over the other), so it holds
when the machine's speed changes between pairs.  With --instructions, each command is also
run once under valgrind (cachegrind, no cache simulation) and its instructions counted:
one number per command that does not move with the machine's load (the cold batch is then
counted with one job: a forked worker's count would include its parent's start).  Both
checkouts are run by this interpreter, with PYTHONPATH set to their `src`.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent.parent


def cpu_of(cmd: list[str], env: dict[str, str], cwd: str) -> float:
    """CPU seconds of one run of `cmd`, its children (the workers) included."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def instructions(cmd: list[str], env: dict[str, str], cwd: str) -> int | None:
    """Instructions the command executes (every process), or None without valgrind."""
    if shutil.which("valgrind") is None:
        return None
    run = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--trace-children=yes",
                          "--cachegrind-out-file=/dev/null", *cmd], env=env, cwd=cwd,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    counts = re.findall(r"I\s+refs:\s+([\d,]+)", run.stderr.decode("utf-8", "replace"))
    return sum(int(c.replace(",", "")) for c in counts) or None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--before", required=True, help="the other checkout (its src/ is run)")
    ap.add_argument("--corpus", required=True, help="a folder of plans (staffing generate)")
    ap.add_argument("--one", default=str(HERE / "orgs/jiangsu/suzhou/kunshan/zhangpu.yaml"), help="the one file")
    ap.add_argument("--pairs", type=int, default=9)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--instructions", action="store_true", help="count instructions too (valgrind)")
    ap.add_argument("--json", action="store_true", help="print one JSON document")
    args = ap.parse_args(argv)

    corpus = str(Path(args.corpus).resolve())
    one = Path(args.one).resolve()
    sides = {"after": str(HERE / "src"), "before": str(Path(args.before).resolve() / "src")}
    py = [sys.executable, "-m", "staffing", "check", "--format", "json"]
    work = Path(tempfile.mkdtemp(prefix="against-"))
    try:
        caches = {side: str(work / f"cache-{side}") for side in sides}
        commands = {
            "one file": lambda side: (py + ["--no-cache", one.name], str(one.parent)),
            "cold": lambda side: (py + ["--no-cache", "--jobs", str(args.jobs), "."], corpus),
            "warm": lambda side: (py + ["--cache-dir", caches[side], "--jobs", str(args.jobs), "."], corpus),
        }
        envs = {side: {**os.environ, "PYTHONPATH": src, "PYTHONDONTWRITEBYTECODE": "1"} for side, src in sides.items()}
        for side in sides:  # bytecode compiled, caches filled: neither counted
            subprocess.run([sys.executable, "-m", "compileall", "-q", sides[side]], check=False,
                           stdout=subprocess.DEVNULL, env={**os.environ, "PYTHONDONTWRITEBYTECODE": ""})
            cmd, cwd = commands["warm"](side)
            cpu_of(cmd, envs[side], cwd)
        result: dict[str, Any] = {}
        for name, make in commands.items():
            times: dict[str, list[float]] = {side: [] for side in sides}
            ratios: list[float] = []
            for n in range(args.pairs):
                order = list(sides) if n % 2 == 0 else list(reversed(sides))
                got = {}
                for side in order:
                    cmd, cwd = make(side)
                    got[side] = cpu_of(cmd, envs[side], cwd)
                    times[side].append(got[side])
                ratios.append(got["after"] / got["before"])
            row: dict[str, Any] = {side: round(statistics.median(t), 3) for side, t in times.items()}
            row["ratio"] = round(statistics.median(ratios), 3)
            row["ratio_range"] = [round(min(ratios), 3), round(max(ratios), 3)]
            if args.instructions:
                counted = {}
                for side in sides:
                    cmd, cwd = make(side)
                    if name == "cold":  # one job: a forked worker's count would hold its parent's start
                        at = cmd.index("--jobs") + 1
                        cmd = [*cmd[:at], "1", *cmd[at + 1:]]
                    counted[side] = instructions(cmd, envs[side], cwd)
                if counted["after"] and counted["before"]:
                    row["instructions"] = counted
                    row["instructions_ratio"] = round(counted["after"] / counted["before"], 4)
            result[name] = row
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{'':10} {'after s':>9} {'before s':>9} {'ratio':>7}  {'range':>13}  instructions")
    for name, row in result.items():
        ins = f"×{row['instructions_ratio']}" if "instructions_ratio" in row else "-"
        print(f"{name:10} {row['after']:>9} {row['before']:>9} {row['ratio']:>7}  "
              f"{row['ratio_range'][0]:>6}–{row['ratio_range'][1]:<6}  {ins}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
