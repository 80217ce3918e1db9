"""National-scale benchmark: issue 28's targets, their floors and the peers, measured in one run.

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
  `staffing check --jobs 1` on that sample, so the three compare per core; beside them the
  chosen stack's floor on the same sample (Python, pydantic and the plan model, each plan
  parsed by yaml-rs and validated, nothing else);
- the other paths: a workbook against its YAML twin (`staffing convert` makes the .xlsx, the YAML
  twins are checked ten times over in ten folders and the workbooks three times over in three,
  so that neither side is a small difference beside the start's jitter; `staffing check` of
  both folders), with the workbook's floor (its package opened and its XML
  parsed by the standard library's C parser, over the same folder and one workbook); and `staffing report` per plan
  (HTML and PDF), with the PDF's engine alone (`python -m staffing.report.pdf`: WeasyPrint, a chart's text a line at a time)
  on the very pages the report hands it;
- the review page (`staffing serve`, through benchmarks/serve_bench.py): the check page for
  one workbook, 50 uploads one after another (median and p95 of the time the client
  waited) and 20 at once; the editor server (`staffing lsp`, through
  benchmarks/lsp_latency.py): the last change to the diagnostics published for it (median
  and p95);

and prints every figure of issue 28's table as a ratio to its floor or peer measured in this
same run, in rounds: the floors right after each round's cold and warm runs, the one-file and
sample runs of ours and of the peers (and the report's, the workbook's) one of each a round in
an order that turns; a ratio is the median of its rounds' ratios, so the machine's speed
drifting between rounds falls out of it (`table` in the JSON: the ratio, what it is a ratio to, the target, met or not; the
seconds beside it), with yamllint's time for one file stated so that the figures given in
milliseconds (the page, the editor) can be scaled to another machine.  With --json one JSON
line; otherwise a table.  Every run is a subprocess, timed by wall clock; the package is
byte-compiled first (as scripts/install.sh does), so no run pays for compiling it.  The
machine is shared: read ratios measured in one run, not absolutes; the load average before
and after is printed with them.
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
# issue 28's targets, as ratios to a floor or a peer measured in the same run (see `table`)
TARGETS = {"cold_over_yaml_rs": 2.0, "warm_over_read_bytes": 8.0, "single_over_yamllint": 1.0,
           "xlsx_over_yaml": 5.0, "pdf_one_over_html_one": 2.0, "pdf_s_per_plan": 0.3, "peak_rss_mb": 1024.0,
           "per_core_over_peers": 10.0, "page_p95_ms": 300.0, "editor_median_ms": 100.0}


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
    # the chosen stack's own floor: the plan model (pydantic) validating what was parsed, which
    # every plan goes through before any check runs
    from staffing.plan.model import Plan

    parsed = [yaml.load(t, Loader=loader or yaml.SafeLoader) for t in texts]
    for data in parsed[:10]:  # the model's validator is built on first use
        Plan.model_validate(data)
    out["plan_model_us"] = per_plan_us(Plan.model_validate, parsed, repeat)
    return out


# One plan through the chosen stack and nothing else: Python, pydantic and the plan model
# loaded (plugins off, as the command turns them off), the file parsed by yaml-rs, validated.
# What a one-file check cannot go below while the plan is a pydantic model.
_MODEL_ONE_FILE = r"""
import os, sys, types
os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
sys.modules["pydantic.plugin._loader"] = types.SimpleNamespace(get_plugins=lambda: ())
import yaml_rs
from staffing.plan.model import Plan
with open(sys.argv[1], encoding="utf-8") as fh:
    Plan.model_validate(yaml_rs.loads(fh.read(), parse_datetime=True))
"""


# The same over every file named (the per-core sample): what checking them on one core cannot
# go below while each plan is a pydantic model.
_MODEL_FILES = r"""
import os, sys, types
os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
sys.modules["pydantic.plugin._loader"] = types.SimpleNamespace(get_plugins=lambda: ())
import yaml_rs
from staffing.plan.model import Plan
for name in sys.argv[1:]:
    with open(name, encoding="utf-8") as fh:
        data = yaml_rs.loads(fh.read(), parse_datetime=True)
    try:
        Plan.model_validate(data)
    except ValueError:  # a plan the model refuses costs its validation all the same
        pass
"""

# The workbook's floor: each workbook named opened and every XML part its cells are read from
# (all but the theme, the document properties and the sheets the plan's read never parses: the
# instructions, the drop-downs' lists) parsed by the standard library's C parser, nothing done
# with the trees.  Run as ours are, over the folder and over one workbook.
_WORKBOOK_XML = r"""
import sys, zipfile
import xml.etree.ElementTree as ET
from staffing.io.workbook import _never_read
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
for name in sys.argv[1:]:
    with open(name, "rb") as fh, zipfile.ZipFile(fh) as package:
        trees = {part: ET.fromstring(package.read(part)) for part in package.namelist()
                 if part.endswith((".xml", ".rels")) and not part.startswith(("docProps/", "xl/theme/", "xl/worksheets/"))}
        targets = {r.get("Id"): r.get("Target", "").lstrip("/") for r in trees["xl/_rels/workbook.xml.rels"]}
        for sheet in trees["xl/workbook.xml"].iter(MAIN + "sheet"):
            if not _never_read(sheet.get("name", "")):
                ET.fromstring(package.read(targets[sheet.get(RID)]))
"""


def interleaved(commands: list[list[str]], env: dict[str, str], repeat: int,
                ok: tuple[int, ...] = (0, 1)) -> list[list[Run]]:
    """The runs of each command: `repeat` rounds, each running every command once, in an
    order that turns by one each round, so that the machine's speed changing meanwhile (this
    machine is shared) falls on each command alike; a figure made of the difference or the
    ratio of two of them is then less its drift.  One list a command, in the order given; the
    k-th run of each is of round k."""
    runs: list[list[Run]] = [[] for _ in commands]
    for r in range(repeat if commands else 0):
        order = list(range(len(commands)))
        order = order[r % len(order):] + order[: r % len(order)]
        for k in order:
            runs[k].append(Run(commands[k], env, ok))
    return runs


def walls(runs: list[Run]) -> list[float]:
    return [r.wall for r in runs]


def beyond_one(many: list[float], one: list[float], items: int) -> list[float]:
    """Seconds an item beyond the start, round by round: (the run over `items` - the run over
    one) / (items - 1)."""
    return [(a - b) / max(1, items - 1) for a, b in zip(many, one, strict=True)]


def further(many: list[float], one: list[float], items: int) -> float:
    """Seconds each further item costs, of the medians: (median over `items` - median over one)
    / (items - 1)."""
    return round((statistics.median(many) - statistics.median(one)) / max(1, items - 1), 3)


def ratio_of_rounds(tops: list[float], bottoms: list[float], digits: int = 2) -> float:
    """The median of the ratios round by round (each top over the bottom measured in its
    round): the machine's drift between rounds falls out of each ratio."""
    return round(statistics.median(t / b for t, b in zip(tops, bottoms, strict=True) if b), digits)


def peer(name: str) -> str | None:
    found = BIN / name
    if found.exists():
        return str(found)
    return shutil.which(name)


def bench_json(cmd: list[str], env: dict[str, str], notes: list[str], name: str) -> dict[str, Any]:
    """Run another benchmark of this folder and read the one JSON document it prints ({} and a
    note when it fails: the rest of the run goes on)."""
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    try:
        found: dict[str, Any] = json.loads(proc.stdout)
        return found
    except json.JSONDecodeError:
        notes.append(f"{name}: {' '.join(cmd[1:2])} exited {proc.returncode}: {proc.stderr.strip()[-300:]}")
        return {}


def figures(result: dict[str, Any], fl: dict[str, Any], peers: dict[str, Any], ratios: dict[str, Any],
            workbook: dict[str, Any], report: dict[str, Any], serve: dict[str, Any], editor: dict[str, Any],
            yamllint_one: float | None) -> list[dict[str, Any]]:
    """Issue 28's table: each figure as a ratio to its floor or peer measured in this run (the
    absolute figure only beside it), its target and whether it is met (None: not measured)."""
    rows: list[dict[str, Any]] = []

    def row(what: str, ratio: float | None, to: str, target: str, ok: bool | None, measured: str) -> None:
        rows.append({"what": what, "ratio": ratio, "to": to, "target": target, "met": ok, "measured": measured})

    def le(value: float | None, limit: float) -> bool | None:
        return None if value is None else value <= limit

    def over(value: float | None, floor: float | None, digits: int = 2) -> float | None:
        return None if value is None or not floor else round(value / floor, digits)

    n = result["towns"]
    cold = ratios.get("cold_over_yaml_rs")
    row(f"cold, {n} plans", cold, "yaml-rs parsing them on 2 cores", "≤ 2×", le(cold, TARGETS["cold_over_yaml_rs"]),
        f"{result['cold_s']} s wall, {result['cold_cpu_s']} s CPU")
    warm = ratios.get("warm_over_read_bytes")
    row("warm, nothing changed", warm, "reading the bytes on 2 cores", "≤ 8×", le(warm, TARGETS["warm_over_read_bytes"]),
        f"{result['warm_s']} s wall, {result['warm_cpu_s']} s CPU")
    single = ratios.get("single_over_yamllint")
    row("one file (pre-commit)", single, "yamllint on the same file", "≤ 1.0×", le(single, TARGETS["single_over_yamllint"]),
        f"{result['single_file_s']} s wall, {result['single_file_cpu_s']} s CPU")
    one_book = workbook.get("xlsx_one_s")
    row("one workbook (for information)", over(one_book, yamllint_one), "yamllint on one file", "-", None,
        f"{one_book} s wall; its YAML twin {workbook.get('yaml_one_s')} s" if workbook else "-")
    x = workbook.get("xlsx_over_yaml")
    row("a workbook against its YAML twin", x, "the YAML twin, per plan", "≤ 5×", le(x, TARGETS["xlsx_over_yaml"]),
        f"{workbook.get('xlsx_ms_per_plan')} ms against {workbook.get('yaml_ms_per_plan')} ms; its XML alone "
        f"{workbook.get('xml_floor_ms')} ms ({workbook.get('xml_floor_over_yaml')}×)" if workbook else "-")
    pdf = report.get("pdf_over_html_one")
    row("report PDF, one plan", pdf, "the HTML report, one plan", "≤ 2×", le(pdf, TARGETS["pdf_one_over_html_one"]),
        f"{report.get('pdf_one_s')} s against {report.get('html_one_s')} s" if report else "-")
    further = report.get("pdf_s_per_plan")
    row("report PDF, each further plan", over(further, yamllint_one), "yamllint on one file", "≤ 0.3 s",
        le(further, TARGETS["pdf_s_per_plan"]),
        f"{further} s; the engine alone {report.get('weasyprint_s_per_plan')} s" if report else "-")
    peak = result["peak_rss_mb"]
    row(f"peak memory, {n} plans", round(peak / TARGETS["peak_rss_mb"], 2), "1 GB", "≤ 1 GB",
        peak <= TARGETS["peak_rss_mb"], f"{peak} MB")
    for name in ("yamllint", "check_jsonschema"):
        if "staffing" in peers and name in peers:
            r = ratios[f"per_core_over_{name}"]
            floor = ratios.get(f"floor_per_core_over_{name}")
            row(f"per core against {name}", r, f"{name}, files/s on {peers['sample']} plans", "≥ 10×",
                r >= TARGETS["per_core_over_peers"],
                f"{peers['staffing']['files_per_s']} against {peers[name]['files_per_s']} files/s; "
                f"the stack's floor {floor}×")
        else:
            row(f"per core against {name}", None, name, "≥ 10×", None, "not measured")
    page = serve.get("check_page", {}).get("client_ms", {})
    p95 = page.get("p95")
    row("page: one workbook, p95 of 50", over(p95 / 1000 if p95 else None, yamllint_one), "yamllint on one file",
        "≤ 300 ms", le(p95, TARGETS["page_p95_ms"]), f"median {page.get('median')} ms, p95 {p95} ms" if page else "-")
    together = serve.get("concurrent", {})
    slowest = together.get("slowest_ms")
    row(f"page: {together.get('uploads', 20)} uploads at once", over(slowest / 1000 if slowest else None, yamllint_one),
        "yamllint on one file", "all answer", together.get("failed") == 0 if together else None,
        f"{together.get('ok')} ok in {together.get('wall_s')} s, slowest {slowest} ms" if together else "-")
    med = editor.get("median_ms")
    row("editor: last change → diagnostics", over(med / 1000 if med else None, yamllint_one), "yamllint on one file",
        "≤ 100 ms", le(med, TARGETS["editor_median_ms"]), f"median {med} ms, p95 {editor.get('p95_ms')} ms" if editor else "-")
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--towns", type=int, default=1000)
    ap.add_argument("--out", default=None, help="corpus folder (generated if missing)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=3, help="runs for the medians (at least 3 recommended)")
    ap.add_argument("--jobs", type=int, default=None, help="workers for cold and warm (default: every core)")
    ap.add_argument("--sample", type=int, default=100, help="plans in the peers' and floors' sample")
    ap.add_argument("--workbooks", type=int, default=60,
                    help="plans converted to .xlsx for the workbook line (a plan's cost is the difference of two "
                         "runs over the plans: enough of them that the machine's jitter is small beside it)")
    ap.add_argument("--reports", type=int, default=10,
                    help="plans in the folder report, as for the workbooks (0: no report lines)")
    ap.add_argument("--skip", default="", help="comma-separated parts to leave out: peers,workbook,report,serve,lsp")
    ap.add_argument("--uploads", type=int, default=50, help="sequential uploads of one workbook to the page")
    ap.add_argument("--concurrent", type=int, default=20, help="uploads at once to the page")
    ap.add_argument("--changes", type=int, default=100, help="changes sent to the editor server")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    skip = {s for s in args.skip.split(",") if s}
    repeat = max(1, args.repeat)

    out = Path(args.out or Path(tempfile.gettempdir()) / f"staffing-national-{args.towns}-{args.seed}")
    stamp = out / ".generated"
    if not stamp.exists() or stamp.read_text() != f"{args.towns}:{args.seed}":
        if out.exists():
            shutil.rmtree(out)
        # in a process of its own: a run started from this process after it had generated
        # 40,000 plans in memory reported this process's size as its own peak (Linux counts
        # what a child shares with its parent when it is forked until it has started anew)
        t = time.perf_counter()
        subprocess.run([*STAFFING, "generate", str(out), "--towns", str(args.towns), "--seed", str(args.seed)],
                       stdout=subprocess.DEVNULL, check=True)
        stamp.write_text(f"{args.towns}:{args.seed}")
        print(f"generated {args.towns} plans in {time.perf_counter() - t:.1f}s", file=sys.stderr)

    import staffing

    # as scripts/install.sh does: every start reads bytecode, none compiles the package
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(staffing.__file__).parent)],
                   stdout=subprocess.DEVNULL, check=False)
    load_before = round(os.getloadavg()[0], 2)
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

    # cold and warm, and right after them in each round the floors (in this process, on the
    # sample): each round's ratio is of times the machine gave at about the same moment
    n = args.towns
    rounds: list[dict[str, Any]] = []
    for i in range(repeat):
        shutil.rmtree(cache, ignore_errors=True)
        cold = Run(STAFFING + ["check", *target, *jobs], env)
        warm = Run(STAFFING + ["check", *target, *jobs], env)
        runs["cold_s"].append(round(cold.wall, 2))
        runs["warm_s"].append(round(warm.wall, 2))
        runs["cold_cpu_s"].append(round(cold.cpu, 2))
        runs["warm_cpu_s"].append(round(warm.cpu, 2))
        peaks += [cold.peak_mb, warm.peak_mb]
        rounds.append(floors([Path(p) for p in sample], 1))
        log(f"run {i + 1}: cold {cold.wall:.2f}s warm {warm.wall:.2f}s; floors {rounds[-1]}")
    shutil.rmtree(cache, ignore_errors=True)
    fl: dict[str, Any] = {key: median([r[key] for r in rounds], 1) for key in rounds[0] if rounds[0][key] is not None}
    for key in ("read_bytes_us", "yaml_rs_us", "pyyaml_c_us"):
        if fl.get(key) is not None:
            fl[key.replace("_us", "_s_for_n_on_2_cores")] = round(fl[key] * n / 2 / 1e6, 3)

    # one file: ours, the stack's floor (Python, pydantic and the plan model reading it), Python
    # alone and the peers, in rounds
    singles: dict[str, list[str]] = {"staffing": STAFFING + ["check", one, "--no-cache"],
                                     "model_floor": [sys.executable, "-c", _MODEL_ONE_FILE, one],
                                     "python_start": [sys.executable, "-c", "pass"]}

    # peers on the same sample (one core each) and on the same single file
    peers: dict[str, Any] = {"sample": len(sample)}
    commands: dict[str, list[str]] = {}
    if "peers" not in skip:
        schema_file = work / "plan.schema.json"
        schema_file.write_bytes(subprocess.run(STAFFING + ["schema"], env=env, capture_output=True, check=True).stdout)
        commands = {
            "staffing": STAFFING + ["check", "--no-cache", "--jobs", "1"],
            "yamllint": [peer("yamllint") or "", "-d", "relaxed"],
            "check_jsonschema": [peer("check-jsonschema") or "", "--schemafile", str(schema_file)],
        }
        for name, cmd in list(commands.items()):
            if not cmd[0]:
                notes.append(f"{name} not installed (pip install '.[bench]'): peer skipped")
                del commands[name]
            elif name != "staffing":
                singles[name] = cmd + [one]
        commands["model_floor"] = [sys.executable, "-c", _MODEL_FILES]  # the stack's floor, over the sample too
    names = list(singles)
    single = dict(zip(names, interleaved([singles[k] for k in names], env, max(5, repeat)), strict=True))
    for r in single["staffing"]:
        runs["single_file_s"].append(round(r.wall, 3))
        runs["single_file_cpu_s"].append(round(r.cpu, 3))
        peaks.append(r.peak_mb)
    fl["python_start_s"] = median(walls(single["python_start"]))
    fl["model_one_file_s"] = median(walls(single["model_floor"]))
    # the sample, one core each, in rounds too
    batch = dict(zip(commands, interleaved([cmd + sample for cmd in commands.values()], env, repeat), strict=True))
    for name in commands:
        peers[name] = {"sample_s": median(walls(batch[name]), 2),
                       "files_per_s": round(len(sample) / statistics.median(walls(batch[name])), 1),
                       "single_file_s": median(walls(single[name])),
                       "sample_cpu_s": median([r.cpu for r in batch[name]], 2),
                       "single_file_cpu_s": median([r.cpu for r in single[name]])}
        log(f"{name}: sample {peers[name]['sample_s']}s, one file {peers[name]['single_file_s']}s")

    # a workbook against its YAML twin
    workbook: dict[str, Any] = {}
    if "workbook" not in skip and args.workbooks > 0:
        # the YAML twins ten times over (ten folders of the same plans): 60 of them checked in
        # ~0.1 s beyond the start, a difference a moment's jitter of the machine moved by a third;
        # the workbooks, for the same reason, three times over (60 of them took ~0.4 s beyond a
        # start of ~0.3 s, and a round's ratio moved by a fifth either way)
        ydir, xdir, copies, xcopies = work / "yaml", work / "xlsx", 10, 3
        for k in range(copies):
            (ydir / f"{k}").mkdir(parents=True)
        for k in range(xcopies):
            (xdir / f"{k}").mkdir(parents=True)
        for i, p in enumerate(plans[:: max(1, len(plans) // args.workbooks)][: args.workbooks]):
            for k in range(copies):
                shutil.copyfile(p, ydir / f"{k}" / f"{i:03d}.yaml")
            Run(STAFFING + ["convert", p, "-o", str(xdir / "0" / f"{i:03d}.xlsx")], env, ok=(0,))
            for k in range(1, xcopies):
                shutil.copyfile(xdir / "0" / f"{i:03d}.xlsx", xdir / f"{k}" / f"{i:03d}.xlsx")
        count = len(list((xdir / "0").iterdir()))
        books = [str(p) for k in range(xcopies) for p in sorted((xdir / f"{k}").iterdir())]
        y, x, y1, x1, f, f1 = map(walls, interleaved([
            STAFFING + ["check", str(ydir), "--no-cache", "--jobs", "1"],
            STAFFING + ["check", str(xdir), "--no-cache", "--jobs", "1"],
            STAFFING + ["check", str(ydir / "0" / "000.yaml"), "--no-cache"],
            STAFFING + ["check", str(xdir / "0" / "000.xlsx"), "--no-cache"],
            [sys.executable, "-c", _WORKBOOK_XML, *books],
            [sys.executable, "-c", _WORKBOOK_XML, books[0]]], env, max(5, repeat)))
        # per plan beyond start-up: (folder - one file) / (plans - 1), round by round
        yaml_pp, xlsx_pp = beyond_one(y, y1, count * copies), beyond_one(x, x1, count * xcopies)
        floor_pp = beyond_one(f, f1, count * xcopies)
        workbook = {"plans": count, "yaml_copies": copies, "xlsx_copies": xcopies, "yaml_s": median(y, 2),
                    "xlsx_s": median(x, 2), "yaml_one_s": median(y1), "xlsx_one_s": median(x1),
                    "yaml_ms_per_plan": round(statistics.median(yaml_pp) * 1e3, 1),
                    "xlsx_ms_per_plan": round(statistics.median(xlsx_pp) * 1e3, 1),
                    "xlsx_over_yaml": ratio_of_rounds(xlsx_pp, yaml_pp, 1)}
        workbook["xml_floor_ms"] = round(statistics.median(floor_pp) * 1e3, 1)  # its package opened, its XML parsed
        workbook["xml_floor_over_yaml"] = ratio_of_rounds(floor_pp, yaml_pp, 1)
        log(f"workbook: {workbook}")

    # the review report, per plan
    report: dict[str, Any] = {}
    if "report" not in skip and args.reports > 0:
        rdir = work / "report"
        rdir.mkdir()
        for i, p in enumerate(plans[: args.reports]):
            shutil.copyfile(p, rdir / f"{i:03d}.yaml")
        # the pages the PDF's engine is given, for the engine alone (WeasyPrint: its start, the
        # page laid out and written), in the same rounds as ours
        from pdf_floor import page_of  # (this folder is the script's: first on its path)

        pages: dict[str, Path] = {}
        for name, given in (("one", one), ("many", str(rdir))):
            pages[name] = work / f"page-{name}.html"
            pages[name].write_text(page_of(given), encoding="utf-8")
        engine = [["sh", "-c", 'exec "$0" -m staffing.report.pdf <"$1"', sys.executable, str(pages[name])]
                  for name in ("one", "many")]
        took = [walls(r) for r in interleaved([STAFFING + ["report", target, "-o", str(work / f"{name}.{fmt}")]
                                               for fmt in ("html", "pdf")
                                               for name, target in (("one", one), ("many", str(rdir)))] + engine,
                                              env, max(5, repeat))]
        report["weasyprint_one_s"] = median(took[4])
        report["weasyprint_s_per_plan"] = further(took[5], took[4], args.reports)
        for fmt, (one_runs, many) in zip(("html", "pdf"), (took[0:2], took[2:4]), strict=True):
            report[f"{fmt}_one_s"] = median(one_runs)
            report[f"{fmt}_s_per_plan"] = further(many, one_runs, args.reports)
        report["pdf_over_html_one"] = ratio_of_rounds(took[2], took[0])
        report["plans"] = args.reports
        log(f"report: {report}")

    # the review page and the editor server, each through its own benchmark (one JSON document)
    serve: dict[str, Any] = {}
    if "serve" not in skip:
        serve = bench_json([sys.executable, str(HERE / "serve_bench.py"), "--uploads", str(args.uploads),
                            "--concurrent", str(args.concurrent)], env, notes, "serve")
        log(f"serve: {serve.get('check_page')}")
    editor: dict[str, Any] = {}
    if "lsp" not in skip:
        editor = bench_json([sys.executable, str(HERE / "lsp_latency.py"), "--json", "--rounds", str(args.changes)],
                            env, notes, "lsp")
        log(f"editor: {editor}")

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
    # each ratio: the median of its rounds' ratios (the floors of a round measured right after
    # its cold and warm runs; the one-file and sample runs of ours and the peers in rounds)
    ratios: dict[str, Any] = {}

    def on_2_cores(key: str) -> list[float]:
        return [r[key] * n / 2 / 1e6 for r in rounds]

    if fl.get("yaml_rs_us"):
        ratios["cold_over_yaml_rs"] = ratio_of_rounds(runs["cold_s"], on_2_cores("yaml_rs_us"), 1)
    if fl.get("pyyaml_c_us"):
        ratios["cold_over_pyyaml_c"] = ratio_of_rounds(runs["cold_s"], on_2_cores("pyyaml_c_us"))
    if fl.get("read_bytes_us"):
        ratios["warm_over_read_bytes"] = ratio_of_rounds(runs["warm_s"], on_2_cores("read_bytes_us"), 1)
    if "yamllint" in single:
        ratios["single_over_yamllint"] = ratio_of_rounds(walls(single["staffing"]), walls(single["yamllint"]))
        ratios["single_cpu_over_yamllint_cpu"] = ratio_of_rounds([r.cpu for r in single["staffing"]],
                                                                 [r.cpu for r in single["yamllint"]])
        ratios["model_one_file_over_yamllint"] = ratio_of_rounds(walls(single["model_floor"]), walls(single["yamllint"]))
    if "check_jsonschema" in single:
        ratios["single_over_check_jsonschema"] = ratio_of_rounds(walls(single["staffing"]),
                                                                 walls(single["check_jsonschema"]))
    for name in ("yamllint", "check_jsonschema"):
        if "staffing" in batch and name in batch:  # files a second, ours over theirs: their time over ours
            ratios[f"per_core_over_{name}"] = ratio_of_rounds(walls(batch[name]), walls(batch["staffing"]), 1)
        if "model_floor" in batch and name in batch:  # the most the chosen stack allows on one core
            ratios[f"floor_per_core_over_{name}"] = ratio_of_rounds(walls(batch[name]), walls(batch["model_floor"]), 1)
    if fl.get("yaml_rs_us") and fl.get("plan_model_us"):  # the stack's floor for cold: parse + the plan model
        ratios["model_floor_over_yaml_rs"] = round((fl["yaml_rs_us"] + fl["plan_model_us"]) / fl["yaml_rs_us"], 2)
    if fl.get("yaml_rs_us"):  # the same on CPU time: what the run spent against what parsing alone costs
        ratios["cold_cpu_over_yaml_rs_cpu"] = round(result["cold_cpu_s"] / (fl["yaml_rs_us"] * n / 1e6), 1)
    if fl.get("read_bytes_us"):
        ratios["warm_cpu_over_read_bytes_cpu"] = round(result["warm_cpu_s"] / (fl["read_bytes_us"] * n / 1e6), 1)
    yamllint_one = peers.get("yamllint", {}).get("single_file_s")
    machine = {"cores": os.cpu_count(), "python": sys.version.split()[0], "load_before": load_before,
               "load_after": round(os.getloadavg()[0], 2), "yamllint_one_file_s": yamllint_one}
    table = figures(result, fl, peers, ratios, workbook, report, serve, editor, yamllint_one)
    met = {row["what"]: row["met"] for row in table}
    result.update({"machine": machine, "table": table, "targets_met": met, "floors": fl, "peers": peers,
                   "ratios": ratios, "workbook": workbook, "report": report, "serve": serve, "editor": editor,
                   "runs": runs, "notes": notes})
    shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    print(f"{n} plans, medians of {repeat} runs; load average {load_before} before, {machine['load_after']} after; "
          f"yamllint on one file here: {yamllint_one} s")
    print(f"{'':34}{'ratio':>8}  {'to':<34}{'target':<10}{'measured':<28}")
    for row in table:
        ratio = "-" if row["ratio"] is None else f"{row['ratio']:g}×"
        state = "-" if row["met"] is None else ("met" if row["met"] else "MISSED")
        print(f"{row['what']:34}{ratio:>8}  {row['to']:<34}{row['target']:<10}{row['measured']:<28}{state}")
    print(f"CPU (user+sys, the process and its workers): cold {result['cold_cpu_s']} s, warm {result['warm_cpu_s']} s, "
          f"one file {result['single_file_cpu_s']} s")
    print("floors per plan (µs):", {k: v for k, v in fl.items() if k.endswith("_us")})
    if "model_floor_over_yaml_rs" in ratios:
        print(f"the chosen stack's floor for cold: parsing + the plan model = {ratios['model_floor_over_yaml_rs']}× "
              "yaml-rs alone, before any check")
    if "model_one_file_over_yamllint" in ratios:
        print(f"the chosen stack's floor for one file: Python + pydantic + the plan model, one plan parsed and "
              f"validated = {fl['model_one_file_s']} s = {ratios['model_one_file_over_yamllint']}× yamllint")
    for name in ("staffing", "model_floor", "yamllint", "check_jsonschema"):
        if name in peers:
            print(f"peer {name:17} {peers[name]['files_per_s']:>7} files/s on {len(sample)} files (one core), "
                  f"one file {peers[name]['single_file_s']} s")
    if workbook:
        print(f"workbook: {workbook['xlsx_ms_per_plan']} ms per plan against {workbook['yaml_ms_per_plan']} ms "
              f"for its YAML twin ({workbook['xlsx_over_yaml']}×); its floor, the package opened and its XML "
              f"parsed: {workbook['xml_floor_ms']} ms ({workbook['xml_floor_over_yaml']}×)")
    if report:
        print(f"report: HTML {report['html_one_s']} s for one plan, +{report['html_s_per_plan']} s per plan; "
              f"PDF {report['pdf_one_s']} s, +{report['pdf_s_per_plan']} s per plan; the PDF's engine alone on "
              f"the same pages {report['weasyprint_one_s']} s, +{report['weasyprint_s_per_plan']} s per plan")
    for note in notes:
        print("note:", note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
