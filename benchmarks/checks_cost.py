"""Where a plan's time goes: µs a plan of each step of reading it (the bytes, the text, the fast
reader's guard, yaml-rs, the walk of the values, the plan model; for a workbook its cells and the
form), of each check, of each fact the checks share (`Context`'s cached properties, built where a
check first asks for it), of the org graph and of making the findings, in one process, every plan
checked as a run checks it (`engine.check_source`, one after the other, so each step finds the
caches as a run leaves them).  What a step's label starts with says whose it is: "read:" the
steps of reading; "floor:" the parser and the plan model, which every plan goes through before
anything of ours (issue 28's floors); the rest is ours.

    .venv/bin/python benchmarks/checks_cost.py /tmp/corpus            # a folder of plans
    .venv/bin/python benchmarks/checks_cost.py /tmp/sample.txt        # or a list of paths
    PYTHONPATH=/tmp/before/src .venv/bin/python benchmarks/checks_cost.py /tmp/corpus   # another checkout

Each figure is exclusive (a fact built inside a check counts for the fact, not the check) and
the best of --rounds rounds over every plan, after one warm-up round over the first 100.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import Any

from staffing.checks import context
from staffing.run import engine
from staffing.run.read import Source

spent: dict[str, int] = defaultdict(int)
_inside: list[int] = []  # time spent in timed calls below the one running


def timed(label: str, f: Callable[..., Any]) -> Callable[..., Any]:
    """`f`, its own time (less that of timed calls inside it) added to `spent[label]`."""

    def run(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter_ns()
        _inside.append(0)
        try:
            return f(*args, **kwargs)
        finally:
            inner = _inside.pop()
            took = time.perf_counter_ns() - start
            spent[label] += took - inner
            if _inside:
                _inside[-1] += took

    return run


class _Timed:
    """A module seen through `timed`: each attribute named in `names` timed under `label`."""

    def __init__(self, module: Any, names: dict[str, str]) -> None:
        self._module = module
        for name, label in names.items():
            setattr(self, name, timed(label, getattr(module, name)))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._module, name)


def instrument() -> None:
    from staffing.io import fastload, workbook, workbook_cells
    from staffing.plan import validate
    from staffing.plan.model import Plan
    from staffing.run import read

    read.read_bytes = timed("read: the bytes", read.read_bytes)
    fastload.decode = timed("read: the text (decode)", fastload.decode)
    fastload._risky = timed("read: the fast reader's guard", fastload._risky)
    fastload._within = timed("read: the walk of the values", fastload._within)
    if fastload._yaml_rs is not None:
        fastload._yaml_rs = _Timed(fastload._yaml_rs, {"loads": "floor: yaml-rs"})
    validate.validate = timed("read: validation (less the model)", validate.validate)
    read.validate = validate.validate
    Plan.model_rebuild(force=True)  # its validator built now (it is deferred to first use)
    Plan.__pydantic_validator__ = _Timed(Plan.__pydantic_validator__,
                                         {"validate_python": "floor: the plan model"})
    workbook_cells.ET = _Timed(workbook_cells.ET, {"fromstring": "read: workbook XML (C parser)"})
    workbook_cells.read_cells = timed("read: workbook cells", workbook_cells.read_cells)
    workbook.read_cells = workbook_cells.read_cells
    workbook.load_workbook_bytes = timed("read: workbook form", workbook.load_workbook_bytes)  # (fastload imports it when called)
    for name, prop in list(vars(context.Context).items()):
        if isinstance(prop, cached_property):
            wrapped = cached_property(timed(f"fact {name}", prop.func))
            wrapped.__set_name__(context.Context, name)
            setattr(context.Context, name, wrapped)
    run_check = engine._run_check
    engine._run_check = lambda check, *a, **k: timed(check.code, run_check)(check, *a, **k)
    for name in ("read_plan", "finding_of", "key_figures"):
        setattr(engine, name, timed(name, getattr(engine, name)))
    context.build_graph = timed("org graph", context.build_graph)


def plans(where: str) -> list[str]:
    if where.endswith(".txt"):
        return Path(where).read_text().split()
    return sorted(str(p) for p in Path(where).rglob("*") if p.suffix in (".yaml", ".xlsx") and not p.name.startswith("_"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("plans", help="a folder of plans, or a .txt file listing plan paths")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    paths = plans(args.plans)
    instrument()
    for p in paths[:100]:
        engine.check_source(Source(p))
    best: dict[str, float] = {}
    for _ in range(args.rounds):
        spent.clear()
        start = time.perf_counter_ns()
        for p in paths:
            engine.check_source(Source(p))
        spent["check_source (all)"] = time.perf_counter_ns() - start
        for label, ns in spent.items():
            best[label] = min(best.get(label, float("inf")), ns / len(paths) / 1000)
    for label in sorted(best, key=lambda k: -best[k]):
        print(f"{label:28} {best[label]:8.1f}")
    print(f"{'reading, ours':28} {sum(v for k, v in best.items() if k.startswith('read:')):8.1f}")
    print(f"{'the floors':28} {sum(v for k, v in best.items() if k.startswith('floor:')):8.1f}")
    print(f"{'the checks (own)':28} {sum(v for k, v in best.items() if k.startswith('ST')):8.1f}")
    print(f"{'the shared facts':28} {sum(v for k, v in best.items() if k.startswith('fact ')):8.1f}")


if __name__ == "__main__":
    main()
