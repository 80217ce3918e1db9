"""Benchmark org-chart rendering: our own DOT generation per chart, and whole plans per
second including Graphviz `dot`.

    .venv/bin/python benchmarks/render_bench.py            # 200 plans, SVG
    .venv/bin/python benchmarks/render_bench.py --plans 50 --format png --jobs 4

Prints one JSON line.  Plans are synthetic (10 bodies, 40 sub-units, 8 dispatched units,
a support centre, some findings), varied by a seeded generator so runs are comparable.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from staffing.charts.render import chart_dot, find_cjk_font, render
from staffing.findings import Finding, Severity
from staffing.plan.model import Plan

MANDATORY = frozenset(
    {"party_government_office", "party_building", "economic_development", "social_affairs",
     "approval_service", "comprehensive_enforcement"}
)
ROLES = ["party_government_office", "party_building", "economic_development", "social_affairs",
         "approval_service", "comprehensive_enforcement", "planning_construction", "agriculture_rural",
         "safety_environment", "command_center"]
NAMES = ["党政办公室", "党群工作局", "经济发展局", "社会事业局", "行政审批局", "综合行政执法局",
         "规划建设局", "农业农村局", "安全生产监督管理局", "综合指挥调度中心"]
DEPTS = ["公安局", "司法局", "市场监督管理局", "自然资源和规划局", "税务局", "生态环境局", "交通运输局", "水利局"]


def synthetic_plan(seed: int) -> tuple[Plan, list[Finding]]:
    rng = random.Random(seed)
    cuts = sorted(rng.sample(range(1, 40), 9))
    counts = [b - a for a, b in zip([0] + cuts, cuts + [40], strict=True)]  # 40 sub-units over 10 bodies
    town = f"样本{seed}镇"
    bodies: list[dict[str, Any]] = []
    for i, (role, name) in enumerate(zip(ROLES, NAMES, strict=True)):
        bodies.append({
            "name": name, "role": role,
            "quotas": {"administrative": rng.randint(3, 9), "institutional_full": rng.randint(0, 8)},
            "actual": rng.randint(3, 15),
            "leadership": [{"title": "局长", "level": "principal", "approved": 1, "filled": 1},
                           {"title": "副局长", "level": "deputy", "approved": 2, "filled": rng.randint(0, 3)}],
            "subunits": [{"name": f"{name[:2]}{j + 1}科", "quotas": {"administrative": 1}, "actual": 1}
                         for j in range(counts[i])],
        })
    data = {
        "town": {"name": town, "code": f"{320000000000 + seed:012d}", "unit_type": "town",
                 "province": "江苏省", "city": "样本市", "county": "样本县"},
        "rule_pack": "jiangsu-developed-town", "plan_date": "2020-01-15",
        "baseline": {"bodies": ["党政办公室", "农业服务中心"], "quotas": {"administrative": 60}},
        "bodies": bodies,
        "support_center": {"name": f"{town}综合服务中心", "quotas": {"institutional_full": 12},
                           "absorbed": ["农业服务中心"]},
        "dispatched_units": [{"name": f"{town}{d[:2]}所", "parent_department": f"样本县{d}",
                              "management": rng.choice(["local", "dispatched"])} for d in DEPTS],
    }
    findings = [
        Finding("S203", "x", Severity.ERROR, "超职数", "over posts", "p.yaml", 1, 1, ("bodies", rng.randrange(10))),
        Finding("S001", "x", Severity.ERROR, "机构超数", "too many bodies", "p.yaml", 1, 1, ("bodies",)),
        Finding("S301", "x", Severity.WARNING, "派驻", "dispatched", "p.yaml", 1, 1, ("dispatched_units", 0)),
    ]
    return Plan.model_validate(data), findings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=200)
    parser.add_argument("--format", choices=["svg", "png", "pdf"], default="svg")
    parser.add_argument("--jobs", type=int, default=1, help="dot processes run at once")
    parser.add_argument("--no-dot", action="store_true", help="time DOT generation only")
    args = parser.parse_args(argv)

    font = "Noto Sans CJK SC" if args.no_dot else find_cjk_font()
    plans = [synthetic_plan(seed) for seed in range(args.plans)]

    gen_us: list[float] = []
    texts: list[str] = []
    start = time.perf_counter()
    for plan, findings in plans:
        t0 = time.perf_counter_ns()
        texts.append(chart_dot(plan, findings, pack_title="基准", mandatory_roles=MANDATORY, font=font))
        gen_us.append((time.perf_counter_ns() - t0) / 1000)
    if not args.no_dot:
        with tempfile.TemporaryDirectory() as tmp:
            outs = [Path(tmp) / f"plan{k}.{args.format}" for k in range(len(texts))]
            with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
                list(pool.map(render, texts, outs))
    total = time.perf_counter() - start
    gen_sorted = sorted(gen_us)
    print(json.dumps({
        "plans": args.plans,
        "format": None if args.no_dot else args.format,
        "jobs": args.jobs,
        "dot_gen_median_us": round(statistics.median(gen_us), 1),
        "dot_gen_p95_us": round(gen_sorted[min(len(gen_sorted) - 1, int(0.95 * len(gen_sorted)))], 1),
        "dot_bytes_median": int(statistics.median(len(t) for t in texts)),
        "total_seconds": round(total, 3),
        "plans_per_second": round(args.plans / total, 2),
    }, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
