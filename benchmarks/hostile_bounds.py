"""The bounds of issue 27, measured: how long the worst inputs now take to be refused or
made, and the peak memory of each run, each a `staffing` subprocess timed by wall clock.

    python benchmarks/hostile_bounds.py [--repeat 3] [--json]

Builds, in a temporary folder:

- the 31 kB workbook with one merged range D30:Z400000 (264 s and 2.7 GB before), one with
  a merged range over the whole sheet (A1:XFD1048576), one hyperlinked range of the same
  size, and one with 1,000,000 shared strings (near the 5 MiB unpacked limit);
- a staffing.toml nested 1,000 levels (2 kB), and one of 5 MiB of comments (at the limit);
- a plan of 10,000 bodies (its report PDF took 281 s and 1.46 GB before) and its chart;

then runs `staffing check` / `report` / `render` on each and prints the median wall time,
the peak resident set of the run (the process and its children: dot, WeasyPrint), and its
exit code.  The machine is shared: read ratios, not absolutes.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
STAFFING = Path(sys.executable).parent / "staffing"
PLAN = ROOT / "orgs/jiangsu/taizhou/jingjiang/xinqiao.yaml"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _plan_workbook(folder: Path) -> Path:
    path = folder / "plan.xlsx"
    subprocess.run([str(STAFFING), "convert", str(PLAN), "-o", str(path)], check=True, capture_output=True)
    return path


def _rezip(src: Path, dst: Path, change: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None,
           edit: tuple[str, bytes] | None = None) -> Path:
    """`src` with parts replaced, added, or one part's `</sheetData>` followed by `edit[1]`."""
    zin = zipfile.ZipFile(src)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if edit and info.filename == edit[0]:
                if b"<mergeCells" in data and b"mergeCell " in edit[1]:
                    inner = edit[1].replace(b"<mergeCells>", b"").replace(b"</mergeCells>", b"")
                    data = data.replace(b"</mergeCells>", inner + b"</mergeCells>", 1)
                else:
                    data = data.replace(b"</sheetData>", b"</sheetData>" + edit[1], 1)
            out.writestr(info.filename, (change or {}).get(info.filename, data))
        for name, data in (add or {}).items():
            out.writestr(name, data)
    dst.write_bytes(buf.getvalue())
    return dst


def build(folder: Path) -> dict[str, list[str]]:
    """The inputs, and the command line of each case."""
    book = _plan_workbook(folder)
    bodies = "xl/worksheets/sheet4.xml"  # 职能机构 in a converted plan
    cases: dict[str, list[str]] = {}
    for name, element in {
        "workbook: merged D30:Z400000": b'<mergeCells><mergeCell ref="D30:Z400000"/></mergeCells>',
        "workbook: merged A1:XFD1048576": b'<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>',
        "workbook: hyperlink A1:XFD1048576": b'<hyperlinks><hyperlink ref="A1:XFD1048576" display="x"/></hyperlinks>',
    }.items():
        path = _rezip(book, folder / f"{len(cases)}.xlsx", edit=(bodies, element))
        cases[f"{name} ({path.stat().st_size // 1024} kB)"] = ["check", str(path), "--no-cache"]
    strings = (f'<?xml version="1.0"?><sst xmlns="{MAIN}">' + "<si/>" * 1_000_000 + "</sst>").encode()
    path = _rezip(book, folder / "strings.xlsx", add={"xl/sharedStrings.xml": strings})
    cases[f"workbook: 1,000,000 shared strings ({path.stat().st_size // 1024} kB)"] = ["check", str(path), "--no-cache"]

    deep = folder / "deep"
    (deep / ".git").mkdir(parents=True)
    (deep / "staffing.toml").write_text("[check]\nx = " + "[" * 1000 + "]" * 1000 + "\n")
    cases["staffing.toml nested 1,000 levels (2 kB)"] = ["-C", str(deep), "check", str(PLAN), "--no-cache"]
    big = folder / "big"
    (big / ".git").mkdir(parents=True)
    (big / "staffing.toml").write_text("[check]\n" + "# padding\n" * 524_000)
    cases["staffing.toml of 5 MiB (at the limit)"] = ["-C", str(big), "check", str(PLAN), "--no-cache"]

    data = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    data["bodies"].extend({"name": f"机构{k}", "role": "other", "quotas": {"administrative": 1}} for k in range(10_000))
    large = folder / "large.yaml"
    large.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    cases["report PDF of a 10,000-body plan"] = ["report", str(large), "-o", str(folder / "large.pdf")]
    cases["report HTML of a 10,000-body plan"] = ["report", str(large), "-o", str(folder / "large.html")]
    data["bodies"] = data["bodies"][: len(data["bodies"]) - 9_000]
    mid = folder / "mid.yaml"
    mid.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    cases["chart (SVG) of a 1,000-body plan"] = ["render", str(mid), "-o", str(folder / "mid.svg")]
    cases["chart (PNG) of a 1,000-body plan"] = ["render", str(mid), "-o", str(folder / "mid.png")]
    return cases


def run(argv: list[str]) -> tuple[float, int, int]:
    """Wall seconds, peak resident set (MB) of the run and its children, exit code."""
    cwd = None
    if argv[:1] == ["-C"]:
        cwd, argv = argv[1], argv[2:]
    started = time.monotonic()
    proc = subprocess.Popen([str(STAFFING), *argv], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.monotonic() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    # wait4's ru_maxrss is the largest of the process and the children it waited for (dot, WeasyPrint)
    return elapsed, usage.ru_maxrss // 1024, proc.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, argv in build(Path(tmp)).items():
            runs = [run(argv) for _ in range(args.repeat)]
            rows.append({"case": name, "median_s": round(statistics.median(r[0] for r in runs), 2),
                         "peak_mb": max(r[1] for r in runs), "exit": sorted({r[2] for r in runs})})
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
    else:
        for r in rows:
            print(f"{r['case']:<52} {r['median_s']:>7.2f} s {r['peak_mb']:>6} MB  exit {r['exit']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
