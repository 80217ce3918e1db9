"""National-scale benchmark: the four targets, the floors and the peers, measured in one run.

    python benchmarks/national.py --towns 40000 --out /tmp/national --json

generates N plans (`staffing generate`, once per folder), then measures, --repeat times each
(medians are reported, every run is listed under "runs"):

- targets: `staffing check DIR` cold (empty cache; every core) and warm (right after), one
  file alone (`staffing check FILE --no-cache`, as a pre-commit hook runs it), and the
  peak resident set of any of those runs (the process and its workers); beside each wall
  time the CPU time (user + system, the process and its workers), which a shared machine's
  load moves much less;
- floors, in this process on a sample of the plans: reading the bytes, yaml-rs parsing
  them, PyYAML's C loader (`CSafeLoader`) parsing them; per plan and projected to N plans
  on two cores;
- peers on the same sample and on the same single file: `yamllint -d relaxed` and
  `check-jsonschema` against the plan schema `staffing schema` exports (both from the
  `bench` extra; a peer that is not installed is skipped and the output says so), and
  `staffing check --jobs 1` on that sample, so the three compare per core;
- the other paths: a workbook against its YAML twin (`staffing convert` makes the .xlsx;
  `staffing check` of both folders), and `staffing report` per plan (HTML and PDF);

and prints ratios: against the floors, against yamllint, and against the targets.  With
--json one JSON line; otherwise a table.  Every run is a subprocess, timed by wall clock;
the package is byte-compiled first (as scripts/install.sh does), so no run pays for
compiling it.  The machine is shared: read ratios measured in one run, not absolutes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
STAFFING = [sys.executable, "-m", "staffing"]
BIN = Path(sys.executable).parent
TARGETS = {"cold_s_40k": 20.0, "warm_s_40k": 3.0, "single_file_s": 0.3, "peak_rss_mb": 1024.0}


class Run:
    """One subprocess: wall seconds, exit code and peak RSS (the process and the children it
    waited for, as wait4 reports it)."""

    def __init__(self, cmd: list[str], env: dict[str, str], ok: tuple[int, ...] = (0, 1)) -> None:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        assert proc.stderr is not None
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        self.wall = time.perf_counter() - start
        self.code = proc.returncode
        self.peak_mb = usage.ru_maxrss / 1024
        self.cpu = usage.ru_utime + usage.ru_stime  # the process and its workers: less moved by load than wall
        if self.code not in ok:
            sys.stderr.write(err.decode(errors="replace")[-2000:])
            raise SystemExit(f"{' '.join(cmd)} exited {self.code}")


def median(xs: list[float], digits: int = 3) -> float:
    return round(statistics.median(xs), digits)


def per_plan_us(fn: Callable[[Any], object], items: list[Any], repeat: int) -> float:
    """Median over `repeat` rounds of the time per item of fn, in µs."""
    rounds = []
    for _ in range(repeat):
        start = time.perf_counter()
        for item in items:
            fn(item)
        rounds.append((time.perf_counter() - start) / len(items) * 1e6)
    return round(statistics.median(rounds), 1)


def floors(sample: list[Path], repeat: int) -> dict[str, Any]:
    """Per-plan cost of reading and parsing, in this process (nothing else done)."""
    out: dict[str, Any] = {}

    def read(p: Path) -> bytes:
        with open(p, "rb") as fh:
            return fh.read()

    out["read_bytes_us"] = per_plan_us(read, sample, repeat)
    texts = [read(p).decode("utf-8") for p in sample]
    try:
        import yaml_rs

        out["yaml_rs_us"] = per_plan_us(lambda t: yaml_rs.loads(t, parse_datetime=True), texts, repeat)
    except ImportError:
        out["yaml_rs_us"] = None
    import yaml

    loader = getattr(yaml, "CSafeLoader", None)
    out["pyyaml_c_us"] = per_plan_us(lambda t: yaml.load(t, Loader=loader), texts, repeat) if loader else None
    return out


def peer(name: str) -> str | None:
    found = BIN / name
    if found.exists():
        return str(found)
    return shutil.which(name)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--towns", type=int, default=1000)
    ap.add_argument("--out", default=None, help="corpus folder (generated if missing)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=3, help="runs for the medians (at least 3 recommended)")
    ap.add_argument("--jobs", type=int, default=None, help="workers for cold and warm (default: every core)")
    ap.add_argument("--sample", type=int, default=100, help="plans in the peers' and floors' sample")
    ap.add_argument("--workbooks", type=int, default=20, help="plans converted to .xlsx for the workbook line")
    ap.add_argument("--reports", type=int, default=3, help="plans in the folder report (0: no report lines)")
    ap.add_argument("--skip", default="", help="comma-separated parts to leave out: peers,workbook,report")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    skip = {s for s in args.skip.split(",") if s}
    repeat = max(1, args.repeat)

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

    import staffing

    # as scripts/install.sh does: every start reads bytecode, none compiles the package
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(staffing.__file__).parent)],
                   stdout=subprocess.DEVNULL, check=False)
    work = Path(tempfile.mkdtemp(prefix="staffing-bench-"))
    cache = work / "cache"
    env = dict(os.environ, STAFFING_CACHE_DIR=str(cache), CI="1")
    env.pop("GITHUB_ACTIONS", None)
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    target = [str(out / "orgs")]
    plans = sorted(str(p) for p in (out / "orgs").rglob("*.yaml") if not p.name.startswith("_"))
    one = plans[0]
    step = max(1, len(plans) // max(1, args.sample))
    sample = plans[::step][: args.sample]
    notes: list[str] = []
    runs: dict[str, list[float]] = {"cold_s": [], "warm_s": [], "single_file_s": [],
                                    "cold_cpu_s": [], "warm_cpu_s": [], "single_file_cpu_s": []}
    peaks: list[float] = []

    def log(msg: str) -> None:
        if not args.json:
            print(msg, file=sys.stderr, flush=True)

    for i in range(repeat):
        shutil.rmtree(cache, ignore_errors=True)
        cold = Run(STAFFING + ["check", *target, *jobs], env)
        warm = Run(STAFFING + ["check", *target, *jobs], env)
        runs["cold_s"].append(round(cold.wall, 2))
        runs["warm_s"].append(round(warm.wall, 2))
        runs["cold_cpu_s"].append(round(cold.cpu, 2))
        runs["warm_cpu_s"].append(round(warm.cpu, 2))
        peaks += [cold.peak_mb, warm.peak_mb]
        log(f"run {i + 1}: cold {cold.wall:.2f}s warm {warm.wall:.2f}s")
    shutil.rmtree(cache, ignore_errors=True)
    for _ in range(max(5, repeat)):
        single = Run(STAFFING + ["check", one, "--no-cache"], env)
        runs["single_file_s"].append(round(single.wall, 3))
        runs["single_file_cpu_s"].append(round(single.cpu, 3))
        peaks.append(single.peak_mb)

    # floors, in this process, on the sample
    fl = floors([Path(p) for p in sample], repeat)
    n = args.towns
    for key in ("read_bytes_us", "yaml_rs_us", "pyyaml_c_us"):
        if fl.get(key) is not None:
            fl[key.replace("_us", "_s_for_n_on_2_cores")] = round(fl[key] * n / 2 / 1e6, 3)
    fl["python_start_s"] = median([Run([sys.executable, "-c", "pass"], env).wall for _ in range(max(5, repeat))])

    # peers on the same sample (one core each) and on the same single file
    peers: dict[str, Any] = {"sample": len(sample)}
    if "peers" not in skip:
        schema_file = work / "plan.schema.json"
        schema_file.write_bytes(subprocess.run(STAFFING + ["schema"], env=env, capture_output=True, check=True).stdout)
        commands = {
            "staffing": STAFFING + ["check", "--no-cache", "--jobs", "1"],
            "yamllint": [peer("yamllint") or "", "-d", "relaxed"],
            "check_jsonschema": [peer("check-jsonschema") or "", "--schemafile", str(schema_file)],
        }
        for name, cmd in commands.items():
            if not cmd[0]:
                notes.append(f"{name} not installed (pip install '.[bench]'): peer skipped")
                continue
            batch_runs = [Run(cmd + sample, env) for _ in range(repeat)]
            single_runs = [Run(cmd + [one], env) for _ in range(max(5, repeat))]
            batch = [r.wall for r in batch_runs]
            peers[name] = {"sample_s": median(batch, 2), "files_per_s": round(len(sample) / statistics.median(batch), 1),
                           "single_file_s": median([r.wall for r in single_runs]),
                           "sample_cpu_s": median([r.cpu for r in batch_runs], 2),
                           "single_file_cpu_s": median([r.cpu for r in single_runs])}
            log(f"{name}: sample {peers[name]['sample_s']}s, one file {peers[name]['single_file_s']}s")

    # a workbook against its YAML twin
    workbook: dict[str, Any] = {}
    if "workbook" not in skip and args.workbooks > 0:
        ydir, xdir = work / "yaml", work / "xlsx"
        ydir.mkdir()
        xdir.mkdir()
        for i, p in enumerate(plans[:: max(1, len(plans) // args.workbooks)][: args.workbooks]):
            shutil.copyfile(p, ydir / f"{i:03d}.yaml")
            Run(STAFFING + ["convert", p, "-o", str(xdir / f"{i:03d}.xlsx")], env, ok=(0,))
        count = len(list(ydir.iterdir()))
        y = [Run(STAFFING + ["check", str(ydir), "--no-cache", "--jobs", "1"], env).wall for _ in range(repeat)]
        x = [Run(STAFFING + ["check", str(xdir), "--no-cache", "--jobs", "1"], env).wall for _ in range(repeat)]
        y1 = [Run(STAFFING + ["check", str(ydir / "000.yaml"), "--no-cache"], env).wall for _ in range(repeat)]
        x1 = [Run(STAFFING + ["check", str(xdir / "000.xlsx"), "--no-cache"], env).wall for _ in range(repeat)]
        workbook = {"plans": count, "yaml_s": median(y, 2), "xlsx_s": median(x, 2),
                    "yaml_one_s": median(y1), "xlsx_one_s": median(x1),
                    # per plan beyond start-up: (folder - one file) / (plans - 1)
                    "yaml_ms_per_plan": round((statistics.median(y) - statistics.median(y1)) / max(1, count - 1) * 1e3, 1),
                    "xlsx_ms_per_plan": round((statistics.median(x) - statistics.median(x1)) / max(1, count - 1) * 1e3, 1)}
        workbook["xlsx_over_yaml"] = round(workbook["xlsx_ms_per_plan"] / max(0.1, workbook["yaml_ms_per_plan"]), 1)
        log(f"workbook: {workbook}")

    # the review report, per plan
    report: dict[str, Any] = {}
    if "report" not in skip and args.reports > 0:
        rdir = work / "report"
        rdir.mkdir()
        for i, p in enumerate(plans[: args.reports]):
            shutil.copyfile(p, rdir / f"{i:03d}.yaml")
        for fmt in ("html", "pdf"):
            one_runs = [Run(STAFFING + ["report", one, "-o", str(work / f"one.{fmt}")], env).wall for _ in range(repeat)]
            many = [Run(STAFFING + ["report", str(rdir), "-o", str(work / f"many.{fmt}")], env).wall for _ in range(repeat)]
            report[f"{fmt}_one_s"] = median(one_runs)
            report[f"{fmt}_s_per_plan"] = round((statistics.median(many) - statistics.median(one_runs)) / max(1, args.reports - 1), 3)
        report["plans"] = args.reports
        log(f"report: {report}")

    result: dict[str, Any] = {
        "towns": n,
        "cold_s": median(runs["cold_s"], 2),
        "warm_s": median(runs["warm_s"], 2),
        "single_file_s": median(runs["single_file_s"]),
        "peak_rss_mb": round(max(peaks), 1),
        "plans_per_s_cold": round(n / statistics.median(runs["cold_s"]), 1),
        "cold_cpu_s": median(runs["cold_cpu_s"], 2),
        "warm_cpu_s": median(runs["warm_cpu_s"], 2),
        "single_file_cpu_s": median(runs["single_file_cpu_s"]),
    }
    scale = 40000 / n  # the targets are for 40,000 plans; a smaller corpus is judged pro rata
    ratios: dict[str, Any] = {}
    if fl.get("yaml_rs_s_for_n_on_2_cores"):
        ratios["cold_over_yaml_rs"] = round(result["cold_s"] / fl["yaml_rs_s_for_n_on_2_cores"], 1)
    if fl.get("pyyaml_c_s_for_n_on_2_cores"):
        ratios["cold_over_pyyaml_c"] = round(result["cold_s"] / fl["pyyaml_c_s_for_n_on_2_cores"], 2)
    if fl.get("read_bytes_s_for_n_on_2_cores"):
        ratios["warm_over_read_bytes"] = round(result["warm_s"] / fl["read_bytes_s_for_n_on_2_cores"], 1)
    if "yamllint" in peers:
        ratios["single_over_yamllint"] = round(result["single_file_s"] / peers["yamllint"]["single_file_s"], 2)
        ratios["single_cpu_over_yamllint_cpu"] = round(
            result["single_file_cpu_s"] / max(0.001, peers["yamllint"]["single_file_cpu_s"]), 2)
        if "staffing" in peers:
            ratios["sample_yamllint_over_staffing"] = round(peers["yamllint"]["sample_s"] / peers["staffing"]["sample_s"], 1)
    if "check_jsonschema" in peers:
        ratios["single_over_check_jsonschema"] = round(result["single_file_s"] / peers["check_jsonschema"]["single_file_s"], 2)
    met = {
        "cold": result["cold_s"] * scale <= TARGETS["cold_s_40k"],
        "warm": result["warm_s"] * scale <= TARGETS["warm_s_40k"],
        "single_file": result["single_file_s"] <= TARGETS["single_file_s"]
        and ("yamllint" not in peers or result["single_file_s"] <= peers["yamllint"]["single_file_s"]),
        "peak": result["peak_rss_mb"] <= TARGETS["peak_rss_mb"],
    }
    result.update({"targets_met": met, "floors": fl, "peers": peers, "ratios": ratios, "workbook": workbook,
                   "report": report, "runs": runs, "notes": notes})
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    rows = [
        ("cold (s)", result["cold_s"], f"≤ {TARGETS['cold_s_40k'] / scale:g}", f"{ratios.get('cold_over_yaml_rs', '-')}× yaml-rs floor"),
        ("warm (s)", result["warm_s"], f"≤ {TARGETS['warm_s_40k'] / scale:g}", f"{ratios.get('warm_over_read_bytes', '-')}× reading the bytes"),
        ("one file (s)", result["single_file_s"], "≤ 0.3 and ≤ yamllint", f"{ratios.get('single_over_yamllint', '-')}× yamllint"),
        ("peak RSS (MB)", result["peak_rss_mb"], "≤ 1024", ""),
    ]
    print(f"{n} plans, medians of {repeat} runs")
    print(f"{'':16}{'measured':>10}  {'target':<22}{'ratio'}")
    for (name, value, tgt, ratio), ok in zip(rows, met.values(), strict=True):
        print(f"{name:16}{value:>10}  {tgt:<22}{ratio}  {'met' if ok else 'MISSED'}")
    print(f"CPU (user+sys, the process and its workers): cold {result['cold_cpu_s']} s, warm {result['warm_cpu_s']} s, "
          f"one file {result['single_file_cpu_s']} s")
    print("floors per plan (µs):", {k: v for k, v in fl.items() if k.endswith("_us")})
    for name in ("staffing", "yamllint", "check_jsonschema"):
        if name in peers:
            print(f"peer {name:17} {peers[name]['files_per_s']:>7} files/s on {len(sample)} files (one core), "
                  f"one file {peers[name]['single_file_s']} s")
    if workbook:
        print(f"workbook: {workbook['xlsx_ms_per_plan']} ms per plan against {workbook['yaml_ms_per_plan']} ms "
              f"for its YAML twin ({workbook['xlsx_over_yaml']}×)")
    if report:
        print(f"report: HTML {report['html_one_s']} s for one plan, +{report['html_s_per_plan']} s per plan; "
              f"PDF {report['pdf_one_s']} s, +{report['pdf_s_per_plan']} s per plan")
    for note in notes:
        print("note:", note)
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
