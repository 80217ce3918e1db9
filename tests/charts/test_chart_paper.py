"""Org charts fit for paper and read as an org chart: a PDF of the paper asked for with the drawing
centred and no text under 8 pt, connectors drawn square from the parent's bottom edge into the
child's top edge, unknown quotas in one short line, quota terms never split, what could not be
checked apart from the problems, and each box saying what the checks read it as.  Tests on the
DOT text, the SVG Graphviz draws and the PDF (pdfinfo, pdftotext, pdftohtml)."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from staffing.charts.render import chart_dot, find_cjk_font, image
from staffing.checks.context import Context
from staffing.checks.tally import body_readings
from staffing.cli.main import main
from staffing.plan.model import Plan
from staffing.run.engine import check_file

from conftest import ORGS, pdf_font_sizes, pdf_missing

EXAMPLES = sorted(ORGS.rglob("*.yaml"))
LUZHI = ORGS / "jiangsu/suzhou/wuzhong/luzhi.yaml"
ZHANGPU = ORGS / "jiangsu/suzhou/kunshan/zhangpu.yaml"
HONGQIAO = ORGS / "jiangsu/taizhou/taixing/hongqiao.yaml"
XINQIAO = ORGS / "jiangsu/taizhou/jingjiang/xinqiao.yaml"
SVG = "{http://www.w3.org/2000/svg}"

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed (bash scripts/install.sh)")


def _dot(path: Path, lang: str = "zh", per_row: int | None = None) -> tuple[str, Context]:
    result = check_file(str(path))
    assert result.plan is not None and result.pack is not None
    ctx = Context.of(result.plan, result.pack)
    return chart_dot(ctx, result.findings, pack_title="p", lang=lang, font="Noto Sans CJK SC", per_row=per_row), ctx


def _label(text: str, node: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(f"  {node} [label="))


# ---- a PDF on the paper asked for ------------------------------------------------------------

_PDF_MISSING = pdf_missing("pdftohtml")


@needs_dot
@pytest.mark.skipif(_PDF_MISSING is not None, reason=str(_PDF_MISSING))
@pytest.mark.parametrize(("paper", "orientation", "size"), [
    ("A4", "landscape", ("841.89", "595.276")), ("A3", "landscape", ("1190.55", "841.89")),
    ("A3", "portrait", ("841.89", "1190.55")),
])
@pytest.mark.parametrize("plan", [HONGQIAO, LUZHI], ids=lambda p: p.stem)
def test_a_pdf_chart_is_a_page_of_the_paper_asked_for(plan: Path, paper: str, orientation: str,
                                                      size: tuple[str, str], tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """`render --paper A4 -o x.pdf` wrote a 656×611 pt page (the drawing's), and --paper A3 no A3
    page: now the page is the paper, the drawing in its middle, its text 8 pt or more, as text."""
    out = tmp_path / "chart.pdf"
    assert main(["render", str(plan), "--paper", paper, "--orientation", orientation, "-o", str(out)]) == 0
    capsys.readouterr()
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Pages:\s+1\n", info)
    assert re.search(rf"Page size:\s+{size[0]} x {size[1]} pts", info), info
    assert min(pdf_font_sizes(out)) >= 8.0
    box = subprocess.run(["pdftotext", "-bbox", str(out), "-"], capture_output=True, text=True, check=True).stdout
    words = [tuple(float(v) for v in m) for m in re.findall(
        r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', box)]
    left, top = min(w[0] for w in words), min(w[1] for w in words)
    right, bottom = max(w[2] for w in words), max(w[3] for w in words)
    width, height = float(size[0]), float(size[1])
    assert abs(left - (width - right)) < 0.06 * width, (left, width - right)  # centred across
    assert abs(top - (height - bottom)) < 0.08 * height, (top, height - bottom)  # and down
    assert plan.stem != "hongqiao" or "虹桥镇机构设置图" in re.sub(r"\s", "", subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout)


# ---- connectors as an org chart draws them ---------------------------------------------------

def _points(d: str) -> list[tuple[float, float]]:
    return [(float(x), float(y)) for x, y in re.findall(r"(-?[\d.]+),(-?[\d.]+)", d)]


@needs_dot
@pytest.mark.parametrize("plan", [ZHANGPU, HONGQIAO, LUZHI], ids=lambda p: p.stem)
def test_connectors_are_square_from_the_bottom_edge_into_the_top_edge(plan: Path) -> None:
    """Every line is horizontal or vertical; a box's line leaves its bottom edge and enters the
    top edge of each box under it; no point has more than four lines (no fan of lines from one
    dot across the boxes' tops, as the rows under the town had)."""
    text, _ = _dot(plan, per_row=4)
    svg = ET.fromstring(image(text.replace('fontname="Noto Sans CJK SC"', f'fontname="{find_cjk_font()}"'), "svg"))
    tops: dict[str, float] = {}
    bottoms: dict[str, float] = {}
    for node in svg.iter(f"{SVG}g"):
        if node.get("class") != "node":
            continue
        name = node.findtext(f"{SVG}title") or ""
        ys = [y for poly in node.iter(f"{SVG}polygon") for _, y in _points(poly.get("points", ""))]
        ys += [y for frame in node.iter(f"{SVG}path") for _, y in _points(frame.get("d", ""))]  # a rounded frame
        if ys and not name.startswith("bar_"):
            tops[name], bottoms[name] = min(ys), max(ys)
    degree: dict[str, int] = {}
    edges = 0
    for edge in svg.iter(f"{SVG}g"):
        if edge.get("class") != "edge":
            continue
        title = (edge.findtext(f"{SVG}title") or "").replace("&#45;", "-")
        path = edge.find(f"{SVG}path")
        if path is None or "->" not in title:
            continue
        tail, head = (part.split(":")[0] for part in title.split("->"))
        points = _points(path.get("d", ""))
        start, end = points[0], points[-1]
        for a, b in itertools.pairwise(points):  # a polyline's corners (controls are on its segments)
            assert abs(a[0] - b[0]) < 1.0 or abs(a[1] - b[1]) < 1.0, (title, a, b)
        if head in tops:
            assert abs(end[1] - tops[head]) < 2.0, (title, end, tops[head])
        if tail in bottoms:
            assert abs(start[1] - bottoms[tail]) < 2.0, (title, start, bottoms[tail])
        for name in (tail, head):
            degree[name] = degree.get(name, 0) + 1
        edges += 1
    assert edges > 10
    assert max(n for name, n in degree.items() if name.startswith("bar_")) <= 4


# ---- what a box says ----------------------------------------------------------------------------

def test_unknown_quotas_are_one_short_line() -> None:
    text, ctx = _dot(LUZHI)
    for i in range(len(ctx.plan.bodies)):
        label = _label(text, f"body_{i}")
        assert label.count(">编制未知<") == 1 and "?" not in label, label


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_quota_term_is_split(path: Path, lang: str) -> None:
    """A line of a box never ends inside a term (工勤 on one line and 1 on the next)."""
    text, _ = _dot(path, lang)
    words = ("行政", "全额事业", "差额事业", "自收自支", "政法", "工勤") if lang == "zh" else (
        "admin", "inst. full", "inst. partial", "inst. self", "pol.-legal", "service")
    for row in re.findall(r'<FONT POINT-SIZE="9">([^<]*)</FONT>', text):
        assert not row.rstrip().endswith(words), row
        assert not re.match(r"\s*\d", row) or row.startswith(("1+4",)), row


def test_the_town_wide_box_keeps_cannot_check_apart() -> None:
    """Luzhi: one problem in the red box, six that could not be checked in a grey one of their own."""
    text, _ = _dot(LUZHI)
    title = next(line for line in text.splitlines() if line.startswith("  graph ["))
    red = re.search(r'COLOR="#d62728" BGCOLOR="#ffffff"[^>]*><FONT POINT-SIZE="9" COLOR="#d62728">(.*?)</FONT></TD>', title)
    grey = re.search(r'COLOR="#8c8c8c" BGCOLOR="#ffffff"[^>]*><FONT POINT-SIZE="9" COLOR="#616161">(.*?)</FONT></TD>', title)
    assert red and grey
    assert "全镇问题（1）" in red.group(1) and "无法检查" not in red.group(1).replace("部分数量未知", "")
    assert "无法检查（6）" in grey.group(1) and grey.group(1).count("<B>ST") == 6
    assert "ST702" in red.group(1) and "ST702" not in grey.group(1)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_each_box_says_what_the_checks_read_it_as(path: Path) -> None:
    """职能机构 on a box only where the checks count the body (the number ST101 judges)."""
    text, ctx = _dot(path)
    said = [bool(re.search(r">职能机构(·必设|·自选)?( · [^<]*)?</FONT>", _label(text, f"body_{i}")))
            for i in range(len(ctx.plan.bodies))]
    assert said == [r.counted for r in body_readings(ctx)]
    assert sum(said) == len(ctx.counted)


def test_a_body_not_counted_says_why() -> None:
    data = yaml.safe_load(XINQIAO.read_text(encoding="utf-8"))
    data["bodies"][1]["parent"] = data["bodies"][0]["name"]  # under 党政办公室: not counted
    plan = Plan.model_validate(data)
    from staffing.packs.load import resolve

    ctx = Context.of(plan, resolve(plan.rule_pack))
    text = chart_dot(ctx, [], pack_title="p", font="Noto Sans CJK SC")
    assert "下属机构·不计数" in _label(text, "body_1") and "职能机构" not in _label(text, "body_1")
    assert 'BGCOLOR="#f7f7f7"' in _label(text, "body_1")  # drawn apart from the counted bodies
    assert "职能机构·必设" in _label(text, "body_0")
