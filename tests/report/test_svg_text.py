"""A chart's text in the PDF laid out a line at a time (report.svg_text): the same page as
WeasyPrint draws it a character at a time, with a layout per line where WeasyPrint made one per
character; a text placed glyph by glyph drawn exactly as before; nothing installed in a
WeasyPrint it was not checked against.  Real charts (Graphviz), real PDFs (WeasyPrint, in a
process of their own each, as the report's engine runs), read with poppler."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from staffing.cli.main import main

from conftest import ORGS, pdf_missing

_MISSING = pdf_missing("pdftoppm", "pdftotext", "dot")
pytestmark = pytest.mark.skipif(_MISSING is not None, reason=str(_MISSING))

# Draws the page of argv[1] with WeasyPrint as it comes ("stock") or with the lines laid out
# whole ("whole"), to argv[3]; prints whether that was installed and the text of every layout
# WeasyPrint made.
_DRAW = r"""
import json, sys
import weasyprint
import weasyprint.text.line_break as line_break
from weasyprint.text.fonts import FontConfiguration
from staffing.report.svg_text import lay_out_lines_whole

page, how, out = sys.argv[1:4]
if how == "other-version":
    weasyprint.__version__ = "0.0"
installed = lay_out_lines_whole() if how != "stock" else False
laid = []
stock = line_break.split_first_line

def counted(text, *args, **kwargs):
    laid.append(str(text))
    return stock(text, *args, **kwargs)

line_break.split_first_line = counted
html = open(page, encoding="utf-8").read()
pdf = weasyprint.HTML(string=html, base_url=None).render(font_config=FontConfiguration()).write_pdf()
open(out, "wb").write(pdf)
print(json.dumps({"installed": installed, "laid": laid}))
"""


def draw(page: Path, how: str, out: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", _DRAW, str(page), how, str(out)], capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout)


def chart_page(tmp_path: Path, plan: Path) -> Path:
    """The page `staffing render PLAN -o chart.pdf` hands to its PDF engine."""
    svg = tmp_path / "chart.svg"
    assert main(["render", str(plan), "-o", str(svg)]) == 0
    import staffing.report.chart_pdf as chart_pdf

    kept: list[str] = []
    stock = chart_pdf.report_pdf
    chart_pdf.report_pdf = kept.append  # type: ignore[assignment]
    try:
        chart_pdf.chart_pdf(svg.read_text(encoding="utf-8"))
    finally:
        chart_pdf.report_pdf = stock
    page = tmp_path / "page.html"
    page.write_text(kept[0], encoding="utf-8")
    return page


def svg_page(tmp_path: Path, body: str) -> Path:
    page = tmp_path / "page.html"
    page.write_text('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
                    f'<svg xmlns="http://www.w3.org/2000/svg" width="300pt" height="200pt">{body}</svg>'
                    "</body></html>", encoding="utf-8")
    return page


def pixels(pdf: Path, tmp_path: Path) -> list[bytes]:
    """Each page of the PDF at 100 dpi, grey, as PGM bytes."""
    stem = tmp_path / pdf.stem
    subprocess.run(["pdftoppm", "-r", "100", "-gray", str(pdf), str(stem)], check=True)
    return [p.read_bytes() for p in sorted(tmp_path.glob(f"{pdf.stem}-*.pgm"))]


def differing(a: bytes, b: bytes) -> float:
    """The share of the page's pixels whose grey differs by more than a quarter of the scale."""
    assert len(a) == len(b)
    return sum(1 for x, y in zip(a, b, strict=True) if abs(x - y) > 64) / len(a)


def text_of(pdf: Path) -> str:
    return "".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                  check=True).stdout.split())


@pytest.mark.parametrize("plan", ["jiangsu/suzhou/kunshan/zhangpu.yaml", "jiangsu/taizhou/taixing/hongqiao.yaml"])
def test_a_chart_is_the_same_page_with_a_layout_per_line(plan: str, tmp_path: Path) -> None:
    page = chart_page(tmp_path, ORGS / plan)
    stock = draw(page, "stock", tmp_path / "stock.pdf")
    whole = draw(page, "whole", tmp_path / "whole.pdf")
    assert whole["installed"] is True and stock["installed"] is False
    # WeasyPrint laid the chart out a character at a time; now each line twice (its width, then
    # drawn), and the single characters it laid out are only those of one-character texts
    lines = [t for t in whole["laid"] if len(t) > 1]
    assert len(lines) > 40 and len(lines) % 2 == 0
    assert len(stock["laid"]) - len(whole["laid"]) == sum(len(t) - 1 for t in lines) // 2
    assert len(whole["laid"]) < len(stock["laid"]) / 3
    # the same text, the same drawing: the glyphs of a line shaped together move by a hair at most
    assert text_of(tmp_path / "whole.pdf") == text_of(tmp_path / "stock.pdf")
    before, after = pixels(tmp_path / "stock.pdf", tmp_path), pixels(tmp_path / "whole.pdf", tmp_path)
    assert len(before) == len(after) == 1
    assert differing(before[0], after[0]) < 0.0005


def test_a_text_placed_glyph_by_glyph_is_drawn_as_before(tmp_path: Path) -> None:
    page = svg_page(tmp_path, (
        '<text x="10 40 70" y="30" font-size="14">三个字</text>'
        '<text x="10" y="60" dx="0 6 12" font-size="14">办公室</text>'
        '<text x="10" y="90" rotate="0 15 30" font-size="14">派驻机构</text>'
        '<text x="10" y="120" letter-spacing="4" font-size="14">综合服务中心</text>'
        '<text x="10" y="150" textLength="200" font-size="14">党政办公室</text>'
        '<text x="10,80" y="180" font-size="14">编制</text>'))
    stock = draw(page, "stock", tmp_path / "stock.pdf")
    whole = draw(page, "whole", tmp_path / "whole.pdf")
    assert whole["installed"] is True
    assert whole["laid"] == stock["laid"]
    assert pixels(tmp_path / "whole.pdf", tmp_path) == pixels(tmp_path / "stock.pdf", tmp_path)


@pytest.mark.parametrize("body", [
    '<text x="10" y="30" font-size="14">党政<tspan>办公室</tspan></text>',
    '<text x="150" y="30" text-anchor="middle" font-size="14">综合<tspan>服务中心</tspan></text>',
    '<text x="10" y="30" font-size="14"><a href="#x">派驻机构</a>属地管理</text>',
    '<text x="10" y="30" font-size="14">两行\u2028文字</text>',
])
def test_what_follows_a_text_in_parts_is_drawn_too(tmp_path: Path, body: str) -> None:
    """A text with a tspan or a link in it, or a line separator: all of it drawn, and all that
    comes after it in the drawing (a box, another text), as WeasyPrint draws it."""
    page = svg_page(tmp_path, body
                    + '<rect x="10" y="100" width="80" height="40" fill="black"/>'
                    + '<text x="10" y="180" font-size="14">之后</text>')
    draw(page, "stock", tmp_path / "stock.pdf")
    draw(page, "whole", tmp_path / "whole.pdf")
    assert "之后" in text_of(tmp_path / "whole.pdf")
    assert text_of(tmp_path / "whole.pdf") == text_of(tmp_path / "stock.pdf")
    before, after = pixels(tmp_path / "stock.pdf", tmp_path), pixels(tmp_path / "whole.pdf", tmp_path)
    assert differing(before[0], after[0]) < 0.0005


def test_a_line_at_one_place_is_laid_out_whole(tmp_path: Path) -> None:
    page = svg_page(tmp_path, '<text x="10" y="30" font-size="14">社会事务办公室</text>'
                              '<text x="10" y="60" font-size="14">编</text>')
    whole = draw(page, "whole", tmp_path / "whole.pdf")
    assert whole["laid"].count("社会事务办公室") == 2
    assert not set("社会事务办公室") & set(whole["laid"])
    assert text_of(tmp_path / "whole.pdf") == "社会事务办公室编"


def test_nothing_is_installed_in_a_weasyprint_it_was_not_checked_against(tmp_path: Path) -> None:
    page = svg_page(tmp_path, '<text x="10" y="30" font-size="14">社会事务办公室</text>')
    other = draw(page, "other-version", tmp_path / "other.pdf")
    stock = draw(page, "stock", tmp_path / "stock.pdf")
    assert other["installed"] is False
    assert other["laid"] == stock["laid"]
    assert pixels(tmp_path / "other.pdf", tmp_path) == pixels(tmp_path / "stock.pdf", tmp_path)


def test_the_pdf_engine_lays_out_lines_whole() -> None:
    """The report's child process installs it when it loads WeasyPrint."""
    done = subprocess.run([sys.executable, "-c",
                           "import weasyprint.svg as svg; from staffing.report.pdf import _engine; _engine(); "
                           "print(getattr(svg.TAGS['text'], 'whole_lines', False))"],
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "True"
