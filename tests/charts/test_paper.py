"""Charts sized for paper: rows of bodies, text never under 8 pt once printed, PNGs that
carry their DPI, the defects seen on the examples, `render --compare OLD NEW`, and
`--charts` never overwriting a chart.  Images need Graphviz (skipped without it)."""

from __future__ import annotations

import functools
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from staffing.charts.draw import fitted_chart
from staffing.charts.paper import MIN_PRINTED_PT, Sheet, smallest_font
from staffing.charts.render import _wrap, chart_dot, render
from staffing.checks.context import Context
from staffing.cli.main import main
from staffing.plan.model import Plan
from staffing.run.engine import check_file

from conftest import ORGS

EXAMPLES = sorted(ORGS.rglob("*.yaml"))
ZHANGPU = ORGS / "jiangsu" / "suzhou" / "kunshan" / "zhangpu.yaml"
HONGQIAO = ORGS / "jiangsu" / "taizhou" / "taixing" / "hongqiao.yaml"
XINQIAO = ORGS / "jiangsu" / "taizhou" / "jingjiang" / "xinqiao.yaml"
FONT = "Noto Sans CJK SC"
HAS_DOT = shutil.which("dot") is not None
needs_dot = pytest.mark.skipif(not HAS_DOT, reason="Graphviz `dot` is not installed (bash scripts/install.sh)")


def printed_text_sizes(svg: str) -> tuple[float, float, float, list[float]]:
    """(width pt, height pt, scale, font sizes) of an SVG made by `dot`: the drawing is
    scaled by the transform on its outer group, so a font's printed size is size × scale."""
    m = re.search(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"', svg)
    assert m, svg[:300]
    t = re.search(r'transform="scale\(([\d.]+) [\d.]+\)', svg)
    scale = float(t.group(1)) if t else 1.0
    return float(m.group(1)), float(m.group(2)), scale, [float(x) for x in re.findall(r'font-size="([\d.]+)"', svg)]


# ------------------------------------------------------------------ text, without dot


def test_english_lines_break_between_words() -> None:
    lines = _wrap('Rule pack: Jiangsu economically developed towns reform', 40)
    assert lines == ["Rule pack: Jiangsu economically", "developed towns reform"]
    assert _wrap("Taizhou \"three integrations\" reform · Plan date: 2019-10-20", 40)[0].endswith("reform ·")


def test_chinese_lines_break_between_characters_not_before_punctuation() -> None:
    lines = _wrap("职能机构 11 个,超过上限 10 个(多 1 个):党政办公室、党建工作办公室、经济发展局", 24)
    assert all(len(line.encode("gbk")) <= 26 for line in lines)
    assert not any(line.startswith(("、", "，", ",", ")", "）", ":", "：")) for line in lines)
    assert "".join(lines).replace(" ", "") == "职能机构11个,超过上限10个(多1个):党政办公室、党建工作办公室、经济发展局"


def test_a_word_longer_than_a_line_is_still_cut() -> None:
    assert _wrap("x" * 50, 20) == ["x" * 20, "x" * 20, "x" * 10]


def _chart(path: Path, lang: str = "zh", per_row: int | None = None) -> str:
    result = check_file(str(path))
    assert result.plan is not None and result.pack is not None
    return chart_dot(Context.of(result.plan, result.pack), result.findings, pack_title="p",
                     lang=lang, font=FONT, per_row=per_row)


def test_sub_unit_name_and_figures_are_separate_rows() -> None:
    # "编6 · 实6" was a second line of the name's cell, and was drawn over the name
    text = _chart(ZHANGPU)
    subs = next(line for line in text.splitlines() if line.startswith("  subs_"))
    assert "<BR/>" not in subs
    assert re.search(r"<TR><TD><FONT POINT-SIZE=\"9\"><B>执法一中队</B></FONT></TD></TR><TR><TD>"
                     r"<FONT POINT-SIZE=\"9\">编4·实4</FONT></TD></TR>", subs)


def test_town_wide_findings_lines_keep_their_leading() -> None:
    # wrapped lines of one cell collided in Zhangpu's town-wide box: every line is 9 pt and
    # carries an 11-point space, which gives the lines their leading
    title = next(line for line in _chart(ZHANGPU).splitlines() if "label=<<TABLE" in line and "graph [" in line)
    box = re.search(r'<TD ALIGN="LEFT" VALIGN="TOP"[^>]*COLOR="#d62728"[^>]*><FONT POINT-SIZE="9" '
                    r'COLOR="#d62728">(.*?)</FONT></TD>', title)
    assert box is not None
    lines = box.group(1).split("<BR/>")
    assert len(lines) >= 5  # the heading, and ST101 takes two lines
    assert all(line.endswith('<FONT POINT-SIZE="11"> </FONT>') for line in lines)
    assert not re.search(r'POINT-SIZE="(?!9"|11")', box.group(1))  # one size: no smaller line under a larger


def test_dispatched_units_are_one_box_with_one_line_from_the_town() -> None:
    text = _chart(HONGQIAO)
    assert len(re.findall(r"^  bar_\w+ -> dispatched:n \[", text, flags=re.M)) == 1  # from the last row's bar
    assert "disp_" not in text and "cluster_dispatched" not in text
    units = next(line for line in text.splitlines() if line.startswith("  dispatched ["))
    assert units.count('STYLE="dashed"') == 1  # 虹桥派出所 stays dispatched


def test_bodies_wrap_into_rows() -> None:
    text = _chart(ZHANGPU, per_row=5)
    bands = re.findall(r"\{ rank=same; ([^}]*) \[style=invis\]; \}", text)
    rows = [b.split(" -> ") for b in bands]
    assert [len(r) for r in rows] == [4, 4, 4 + 1]  # 12 under the town in even rows, the dispatched box last
    assert rows[-1][-1] == "dispatched"
    # the town's line to the first row's bar, a trunk down its left end to the others' bars
    assert re.search(r"^  town:s -> bar_0_\w+ \[", text, flags=re.M)
    assert "  bar_0_left -> bar_1_left [weight=100];" in text and "  bar_1_left -> bar_2_left [weight=100];" in text
    assert "  bar_1_0 -> body_4:n [weight=100];" in text and "bar_0_0 -> body_4" not in text


# ------------------------------------------------------------------ with dot


@needs_dot
@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_example_fits_a4_landscape_at_8pt(path: Path, lang: str, tmp_path: Path) -> None:
    sheet = Sheet.of("A4", "landscape")
    result = check_file(str(path))
    assert result.plan is not None and result.pack is not None
    fitted = fitted_chart(Context.of(result.plan, result.pack), result.findings, lang, FONT, sheet)
    assert fitted.fits
    out = tmp_path / "chart.svg"
    render(fitted.dot, out)
    width, height, scale, sizes = printed_text_sizes(out.read_text(encoding="utf-8"))
    assert width <= sheet.width * 72 + 1 and height <= sheet.height * 72 + 1
    assert min(sizes) * scale >= MIN_PRINTED_PT - 0.05
    assert smallest_font(fitted.dot) == min(sizes)


@needs_dot
def test_the_chosen_layout_drawn_at_its_natural_size_from_the_same_runs() -> None:
    """For a page (`staffing serve`): the layout `fit` chose, drawn unscaled by the runs of
    dot that measured it; the same layout and sheet as without, the same drawing less its scale."""
    sheet = Sheet.of("A4", "landscape")
    result = check_file(str(ZHANGPU))
    assert result.plan is not None and result.pack is not None
    ctx = Context.of(result.plan, result.pack)
    plain = fitted_chart(ctx, result.findings, "zh", FONT, sheet)
    drawn = fitted_chart(ctx, result.findings, "zh", FONT, sheet, draw="svg")
    assert plain.drawn is None and drawn.drawn is not None
    assert (drawn.dot, drawn.scale, drawn.fits, drawn.size) == (plain.dot, plain.scale, plain.fits, plain.size)
    svg = drawn.drawn.decode("utf-8")
    assert svg.startswith("<?xml") and svg.rstrip().endswith("</svg>")
    width, height, scale, sizes = printed_text_sizes(svg)
    assert scale == 1.0 and min(sizes) == smallest_font(plain.dot)
    assert abs(width * plain.scale - plain.size[0] * 72) < 2 and abs(height * plain.scale - plain.size[1] * 72) < 2


@needs_dot
@pytest.mark.parametrize(("paper", "orientation", "fits"), [("A4", "landscape", True), ("A4", "portrait", False)])
def test_the_chosen_layout_drawn_at_the_sheets_size_from_the_same_runs(
        monkeypatch: pytest.MonkeyPatch, paper: str, orientation: str, fits: bool) -> None:
    """For paper (the report): the layout `fit` chose, drawn at the sheet's size by the runs
    that measured it, byte for byte what a further run of dot on the chosen DOT text draws
    (the report's PDF unchanged, one run of dot fewer a chart); a chart larger than the sheet
    is drawn at its own size, so none is handed back for it."""
    from staffing.charts import paper as paper_module

    sheet = Sheet.of(paper, orientation)
    result = check_file(str(ZHANGPU))
    assert result.plan is not None and result.pack is not None
    ctx = Context.of(result.plan, result.pack)
    plain = fitted_chart(ctx, result.findings, "zh", FONT, sheet)
    runs: list[str] = []
    real_image = paper_module.image
    monkeypatch.setattr(paper_module, "image", lambda text, fmt, also=None: runs.append(fmt) or real_image(text, fmt, also))
    sized = fitted_chart(ctx, result.findings, "zh", FONT, sheet, draw="svg", sized=True)
    assert (sized.dot, sized.scale, sized.fits, sized.size) == (plain.dot, plain.scale, plain.fits, plain.size)
    assert sized.fits is fits and runs and set(runs) == {"plain"}
    if fits:
        assert sized.drawn == real_image(plain.dot, "svg")
    else:
        assert sized.drawn is None


def _every_layout_in_order(make: Any, count: int, sheet: Sheet) -> tuple[str, float, bool]:
    """`fit`'s choice made the plain way, every candidate laid out in order: the first that
    prints its text at 8 pt or more, else the one that prints it largest (the first of equals);
    its DOT text without a size, its scale and whether it fits."""
    from staffing.charts.paper import _candidates, _laid_out, needed_scale

    best = None
    for per_row in _candidates(count):
        text = make(per_row=per_row)
        scale = _laid_out(text, sheet, None, False)[0]
        if scale >= needed_scale(text):
            return text, scale, True
        if best is None or scale > best[1]:
            best = (text, scale)
    assert best is not None
    return best[0], needed_scale(best[0]), False


@needs_dot
@pytest.mark.parametrize("sheet", [Sheet.of("A4", "landscape"), Sheet.of("A4", "portrait")],
                         ids=["A4-landscape", "A4-portrait"])
@pytest.mark.parametrize("column", [None, 0.5, 50.0], ids=["guess", "guess-too-few-rows", "guess-too-many-rows"])
def test_rows_too_wide_for_the_sheet_are_not_laid_out_and_the_choice_stays(
        sheet: Sheet, column: float | None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The likeliest candidate laid out first, and rows whose nodes side by side are already
    too wide for the sheet (`least_width`, from its node widths) laid out only when no layout
    fits: every example gets the layout that laying out every candidate in order gives,
    however wrong the guess of a column's width; each candidate's least width is never more
    than its layout's width; and with the guess as shipped, layouts are spared."""
    from staffing.charts import paper as paper_module
    from staffing.charts.draw import pack_title
    from staffing.charts.paper import _candidates, _laid_out, _size, least_width, node_widths
    from staffing.charts.render import top_count

    runs = [0]
    real_image = paper_module.image
    monkeypatch.setattr(paper_module, "image", lambda *a, **k: runs.__setitem__(0, runs[0] + 1) or real_image(*a, **k))
    if column is not None:
        monkeypatch.setattr(paper_module, "_COLUMN_INCHES", column)
    spared = 0
    for path in EXAMPLES:
        result = check_file(str(path))
        assert result.plan is not None and result.pack is not None
        ctx = Context.of(result.plan, result.pack)
        make = functools.partial(chart_dot, ctx, result.findings, pack_title=pack_title(ctx.pack, "zh"), lang="zh",
                                 font=FONT)
        runs[0] = 0
        fitted = fitted_chart(ctx, result.findings, "zh", FONT, sheet)
        chosen = runs[0]
        runs[0] = 0
        unsized = re.sub(r'\n  size="[\d.]+,[\d.]+";', "", fitted.dot, count=1)
        assert (unsized, fitted.scale, fitted.fits) == _every_layout_in_order(make, top_count(ctx), sheet), path.name
        spared += runs[0] - chosen
        widths = node_widths(_laid_out(make(per_row=None), sheet, None, False)[2])
        for per_row in _candidates(top_count(ctx)):
            text = make(per_row=per_row)
            assert least_width(text, widths) <= _size(_laid_out(text, sheet, None, False)[2], text)[0], (path.name, per_row)
    assert spared > 0 or column is not None


@needs_dot
def test_a_chart_too_big_for_the_sheet_keeps_8pt_and_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "z.svg"
    code = main(["render", str(ZHANGPU), "-o", str(out), "--paper", "A4", "--orientation", "portrait"])
    _, err = capsys.readouterr()
    width, height, scale, sizes = printed_text_sizes(out.read_text(encoding="utf-8"))
    assert code == 0
    assert min(sizes) * scale >= MIN_PRINTED_PT - 0.05
    portrait = Sheet.of("A4", "portrait")
    assert width > portrait.width * 72 or height > portrait.height * 72  # larger than the sheet, not smaller text
    assert "A4纵向纸上放不下" in err and "--paper A3" in err
    # on A3 it fits, silently
    code = main(["render", str(ZHANGPU), "-o", str(out), "--paper", "A3", "--orientation", "portrait"])
    assert (code, capsys.readouterr().err) == (0, f"staffing: 已写入“{out}”\n")
    width, height, scale, sizes = printed_text_sizes(out.read_text(encoding="utf-8"))
    a3 = Sheet.of("A3", "portrait")
    assert width <= a3.width * 72 + 1 and height <= a3.height * 72 + 1


@needs_dot
def test_png_carries_its_dpi(tmp_path: Path) -> None:
    from PIL import Image

    out = tmp_path / "h.png"
    assert main(["render", str(HONGQIAO), "-o", str(out)]) == 0
    with Image.open(out) as img:
        dpi = img.info.get("dpi")
        assert dpi is not None and round(dpi[0]) == round(dpi[1]) == 150
        # printed at that DPI it is the sheet's size or less
        sheet = Sheet.of("A4", "landscape")
        assert img.width / dpi[0] <= sheet.width + 0.05 and img.height / dpi[1] <= sheet.height + 0.05


def test_paper_options_are_checked(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["render", str(HONGQIAO), "-o", str(tmp_path / "x.svg"), "--paper", "A5"]) == 2
    assert "staffing render：错误：参数“--paper”：无效的选择“A5”，可选：A3、A4\n" in capsys.readouterr().err


def _versions(tmp_path: Path) -> tuple[Path, Path]:
    data: dict[str, Any] = yaml.safe_load(XINQIAO.read_text(encoding="utf-8"))
    old = tmp_path / "xinqiao-2019.yaml"
    old.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    data["bodies"][2]["name"] = "新桥镇经济服务局"  # renamed (same role)
    data["bodies"][6]["merged_from"] = [data["bodies"][7]["name"]]  # 7 merged into 6
    del data["bodies"][7]
    data["bodies"].append({"name": "新桥镇文化旅游局", "quotas": {"administrative": 2}})
    new = tmp_path / "xinqiao-2021.yaml"
    new.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return old, new


def test_compare_two_versions_headline_agrees_with_the_boxes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = _versions(tmp_path)
    out = tmp_path / "v.dot"
    assert main(["render", "--compare", str(old), str(new), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    old_plan = Plan.model_validate(yaml.safe_load(old.read_text(encoding="utf-8")))
    new_plan = Plan.model_validate(yaml.safe_load(new.read_text(encoding="utf-8")))
    q0 = sum(b.quotas.total for b in old_plan.bodies)
    q1 = sum(b.quotas.total for b in new_plan.bodies)
    assert f"机构8个→8个，编制{q0}名→{q1}名" in text
    assert text.count(" [label=<<TABLE") == 16  # 8 boxes a side, as the headline says
    assert f"{old.name}（8）" in text and f"{new.name}（8）" in text
    assert "old_2 -> new_2" in text  # renamed, matched by role
    assert "old_7 -> new_6" in text  # merged
    assert "新设" in text  # the new bureau
    # one plan: before and after the reform, as before
    assert main(["render", "--compare", str(new), "-o", str(out)]) == 0
    assert "改革前" in out.read_text(encoding="utf-8")
    # two plans without --compare, or three, is a usage error
    assert main(["render", str(old), str(new), "-o", str(out)]) == 2
    assert "绘图需要一个方案文件" in capsys.readouterr().err


@needs_dot
def test_charts_never_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = _versions(tmp_path)
    charts = tmp_path / "charts"
    assert main(["check", str(old), str(new), "--charts", str(charts)]) == 1  # the new version fails
    capsys.readouterr()
    names = sorted(p.name for p in charts.iterdir())
    assert names == [
        "321282104000-新桥镇-xinqiao-2019.png", "321282104000-新桥镇-xinqiao-2019.svg",
        "321282104000-新桥镇-xinqiao-2021.png", "321282104000-新桥镇-xinqiao-2021.svg",
    ]
    assert "新桥镇经济服务局" in (charts / "321282104000-新桥镇-xinqiao-2021.svg").read_text(encoding="utf-8")
    assert "新桥镇经济服务局" not in (charts / "321282104000-新桥镇-xinqiao-2019.svg").read_text(encoding="utf-8")


@needs_dot
@pytest.mark.parametrize(("orientation", "svg_runs"), [("landscape", 0), ("portrait", 1)])
def test_charts_svg_comes_from_the_runs_that_chose_the_layout(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, orientation: str, svg_runs: int) -> None:
    """`check --charts`: the SVG of a chart that fits the sheet is the one the fitting runs of
    dot drew (no run of its own), byte for byte what rendering the chosen DOT text draws; a
    chart larger than the sheet (Zhangpu on A4 portrait) is drawn by a run of its own."""
    from staffing.charts import paper as paper_module
    from staffing.charts import render as render_module

    runs: list[tuple[str, str | None]] = []
    real_image = render_module.image

    def counted(text: str, fmt: str, also: str | None = None) -> bytes:
        runs.append((fmt, also))
        return real_image(text, fmt, also)

    monkeypatch.setattr(paper_module, "image", counted)
    monkeypatch.setattr(render_module, "image", counted)
    charts = tmp_path / "charts"
    assert main(["check", str(ZHANGPU), "--charts", str(charts), "--no-cache", "--orientation", orientation]) == 1
    assert runs.count(("svg", None)) == svg_runs and runs.count(("png", None)) == 1
    result = check_file(str(ZHANGPU))
    assert result.plan is not None and result.pack is not None
    fitted = fitted_chart(Context.of(result.plan, result.pack), result.findings, "zh", FONT, Sheet.of("A4", orientation))
    (svg,) = charts.glob("*.svg")
    assert svg.read_bytes() == real_image(fitted.dot, "svg")


def test_node_widths_leave_out_what_they_cannot_read() -> None:
    """A node whose quoted name holds a space, or whose width is not a number, is left out of
    the widths (it then counts 0, and `least_width` stays a lower bound): never an error."""
    from staffing.charts.paper import least_width, node_widths

    plain = ('graph 1 9.5 3\nnode a 1 2 0.5 0.3 x solid box black white\nnode "a b" 1 2 0.7 0.3 x\n'
             "node c 1 2 wide 0.3 x\nedge a c 4\nstop")
    widths = node_widths(plain)
    assert widths == {"a": 0.5}
    assert least_width('digraph g {\n  pad=0;\n  { rank=same; a -> c [style=invis]; }\n}\n', widths) == 0.5 - 2 / 72
