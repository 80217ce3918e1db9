"""The review report: what it says (built from the checks), the HTML page (autoescaped,
self-contained), the PDF (WeasyPrint: text, embedded CJK font, A4 pages), and the page
as a real browser shows and prints it (Debian's headless Chromium).

Tools that are not installed skip their tests with the reason; `bash scripts/install.sh
--test` installs them all (Graphviz, Pango, Chromium, poppler-utils).
"""

from __future__ import annotations

import base64
import datetime as _dt
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from staffing.cli.main import main
from staffing.findings import Severity
from staffing.report.build import build_report
from staffing.report.html import PDF_CSS, css_string, inline_svg, report_html
from staffing.run.engine import check_file
from staffing.run.results import file_status

from conftest import ORGS, ROOT, STAFFING

ZHANGPU = ORGS / "jiangsu" / "suzhou" / "kunshan" / "zhangpu.yaml"
HONGQIAO = ORGS / "jiangsu" / "taizhou" / "taixing" / "hongqiao.yaml"
XINQIAO = ORGS / "jiangsu" / "taizhou" / "jingjiang" / "xinqiao.yaml"
TODAY = _dt.date(2026, 3, 1)

HAS_DOT = shutil.which("dot") is not None
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
HAS_POPPLER = all(shutil.which(t) for t in ("pdftotext", "pdffonts", "pdfinfo"))
needs_dot = pytest.mark.skipif(not HAS_DOT, reason="Graphviz `dot` is not installed (bash scripts/install.sh)")
needs_browser = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (bash scripts/install.sh --test installs Debian's chromium)"
)
needs_poppler = pytest.mark.skipif(
    not HAS_POPPLER, reason="poppler-utils (pdftotext, pdffonts, pdfinfo) is not installed (bash scripts/install.sh --test)"
)


def _weasyprint_ok() -> str | None:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        return f"WeasyPrint cannot load ({exc}); install Pango (bash scripts/install.sh)"
    return None


needs_weasyprint = pytest.mark.skipif(_weasyprint_ok() is not None, reason=str(_weasyprint_ok()))


# ------------------------------------------------------------------ helpers


def report_of(*paths: Path, lang: str = "zh") -> Any:
    return build_report([check_file(str(p)) for p in paths], lang, TODAY)


class _Tags(HTMLParser):
    """Every start tag of a page, with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def tags_of(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STAFFING_TODAY", TODAY.isoformat())


# ------------------------------------------------------------------ what the report says


def test_failing_plan_report_says_what_check_says() -> None:
    report = report_of(ZHANGPU)
    (s,) = report.sections
    assert report.summary is None
    assert (s.town, s.code, s.region) == ("张浦镇", "320583106000", "江苏省 苏州市 昆山市")
    assert s.pack == "江苏省经济发达镇行政管理体制改革"
    assert s.document == "《关于深化经济发达镇行政管理体制改革工作的意见》"
    assert (s.plan_date, s.review_date) == ("2018-03-15", "2026-03-01")
    assert not s.passed and (s.errors, s.warnings, s.waived) == (3, 0, 0)
    # quotas by type: administrative 42 → 44 over its limit of 42; the total goes down
    admin = next(q for q in s.quotas if q.label == "行政编制")
    assert (admin.before, admin.moved, admin.limit, admin.after, admin.change, admin.over) == (42, 0, 42, 44, 2, True)
    assert (s.quota_total.before, s.quota_total.after, s.quota_total.over) == (102, 100, False)
    # the bodies with the role and category the tool read; 11 counted
    assert s.counted == 11
    office = s.bodies[0]
    assert (office.name, office.role, office.category, office.counted) == ("党政办公室", "党政办公室", "职能机构", True)
    assert s.bodies[-1].category == "综合服务中心" and not s.bodies[-1].counted
    # findings by severity, each with its location and the document by title and quote
    (errors,) = s.groups
    assert errors.severity == "error" and [f.code for f in errors.findings] == ["ST201", "ST101", "ST202"]
    st101 = errors.findings[1]
    assert st101.title == "职能机构数量超出范围"
    assert st101.location == "orgs/jiangsu/suzhou/kunshan/zhangpu.yaml · 第33行第1列" or st101.location.endswith(
        "zhangpu.yaml · 第33行第1列"
    )
    assert st101.trail == "张浦镇 › 职能机构"
    assert st101.document == "《关于深化经济发达镇行政管理体制改革工作的意见》"
    assert st101.quote == "综合设置10个以内职能机构"
    # a quote the seed saved with an ASCII comma reads as the finding's citation gives it
    st202 = errors.findings[2]
    assert st202.quote == "在编制总量不增的前提下，统筹使用行政事业编制人员"
    assert st202.quote in next(f for f in check_file(str(ZHANGPU)).findings if f.code == "ST202").cited.zh


def test_passing_plan_and_english() -> None:
    (s,) = report_of(XINQIAO, lang="en").sections
    assert s.passed and s.groups == ()
    assert s.document is not None and s.document.startswith("Implementation Plan for Integrating")
    html = report_html(report_of(XINQIAO, lang="en"))
    assert "Three-set plan review report" in html and "Passes" in html and "Reviewer" in html
    assert "审核人" not in html


def test_waived_finding_is_listed_with_its_approval(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    waivers = tmp_path / "w.yaml"
    waivers.write_text(
        yaml.safe_dump({"waivers": [{
            "check": "ST101", "town": "张浦镇", "reason": "试点期间经批准设 11 个机构",
            "approval": "苏编办复〔2018〕7号", "approver": "江苏省委编办", "expires": "2027-12-31",
        }]}, allow_unicode=True),
        encoding="utf-8",
    )
    out = tmp_path / "r.html"
    code, _, err = run_cli(capsys, "report", str(ZHANGPU), "--waivers", str(waivers), "-o", str(out))
    assert (code, err) == (1, f"staffing: 已写入“{out}”\n")  # ST201 and ST202 still fail
    html = out.read_text(encoding="utf-8")
    waivers_part = html[html.index("豁免事项"):html.index("审核签署")]
    assert "ST101" in waivers_part and "苏编办复〔2018〕7号" in waivers_part and "江苏省委编办" in waivers_part
    assert "错误2条，警告0条，已豁免1条" in html


def test_folder_gives_a_summary_page_and_a_section_per_plan(tmp_path: Path) -> None:
    plans = sorted(ORGS.rglob("*.yaml"))
    results = [check_file(str(p)) for p in plans]
    report = build_report(results, "zh", TODAY)
    assert report.summary is not None
    assert len(report.sections) == len(plans) == len(report.summary.plans)
    # the verdicts are those `staffing check` gives
    statuses = [file_status(r, lambda f: f.severity == Severity.ERROR and not f.waived) for r in results]
    assert [p.status for p in report.summary.plans] == statuses
    summary = report.summary
    assert (summary.passed, summary.failed, summary.incomplete, summary.unusable) == tuple(
        statuses.count(s) for s in ("pass", "fail", "incomplete", "error"))
    by_path = {Path(p.path).name: p.status for p in summary.plans}
    assert by_path["zhangpu.yaml"] == by_path["hongqiao.yaml"] == "fail" and by_path["xinqiao.yaml"] == "pass"
    counties = {c.county: (c.passed, c.failed) for c in summary.counties}
    assert counties["昆山市"] == (0, 1) and counties["泰兴市"] == (0, 1) and counties["靖江市"] == (1, 0)
    html = report_html(report)
    assert html.count('<section class="plan') == len(plans)
    # each plan's pages are named, so the town stands in the header of its own pages
    for n, section in enumerate(report.sections, 1):
        assert f"#plan-{n} {{ page: plan-{n}; }}" in html
        assert f"@page plan-{n} {{ @top-left {{ content: {css_string(section.town + ' · ' + section.region)}" in html


# ------------------------------------------------------------------ the page is safe and self-contained


HOSTILE_NAMES = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</style><b>粗体</b>",
    "\u202e局法执\u202c",
    "a\\\"b';}@import url(http://x);",
]


def _hostile_plan(tmp_path: Path, name: str) -> Path:
    data = yaml.safe_load(XINQIAO.read_text(encoding="utf-8"))
    data["bodies"][2]["name"] = name
    data["bodies"][2]["nameplates"] = [name]
    data["town"]["county"] = name
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_names_show_as_text(tmp_path: Path, name: str) -> None:
    html = report_html(report_of(_hostile_plan(tmp_path, name)))
    page = tags_of(html)
    assert [t for t, _ in page.tags if t in ("script", "img", "iframe", "object", "link", "b")] == []
    assert not any(k.startswith("on") for _, attrs in page.tags for k in attrs)
    assert html.count("</style>") == 1
    assert "\u202e" not in html
    shown = "".join(page.text)
    assert (name if "\u202e" not in name else "\\u202e局法执\\u202c") in shown


def test_page_fetches_nothing() -> None:
    html = report_html(report_of(ZHANGPU))
    page = tags_of(html)
    for tag, attrs in page.tags:
        assert tag not in ("link", "script", "img", "iframe")
        for key in ("src", "href"):
            value = attrs.get(key)
            assert value is None or value.startswith("#"), (tag, attrs)
    assert "url(" not in html and "@import" not in html


@needs_dot
def test_the_pdf_engine_is_given_each_chart_as_an_image_of_the_same_drawing() -> None:
    """The page WeasyPrint lays out differs from the HTML report only in how it holds a chart:
    an <img> of the same SVG (a data: URI, nothing fetched), styled as the inline drawing is."""
    from staffing.report.charts import chart_maker

    report = build_report([check_file(str(p)) for p in (ZHANGPU, HONGQIAO)], "zh", TODAY, chart_maker())
    html, pdf_page = report_html(report), report_html(report, pdf=True)
    drawings = re.findall(r"<svg\b.*?</svg>", html, flags=re.S)
    assert len(drawings) == 2 and "<svg" not in pdf_page
    images = [attrs.get("src") or "" for tag, attrs in tags_of(pdf_page).tags if tag == "img"]
    assert all(src.startswith("data:image/svg+xml;base64,") for src in images)
    assert [base64.b64decode(src.split(",", 1)[1]).decode("utf-8") for src in images] == drawings
    inline_rule = re.search(r"\.chart svg \{([^}]*)\}", html)
    image_rule = re.search(r"\.chart img \{([^}]*)\}", pdf_page)
    assert inline_rule and image_rule and image_rule.group(1) == inline_rule.group(1)
    unchanged = re.sub(r'<img alt="" src="data:image/svg\+xml;base64,[^"]*">', "", pdf_page.replace(PDF_CSS, "", 1))
    assert unchanged == re.sub(r"<svg\b.*?</svg>", "", html, flags=re.S)


def test_a_reports_charts_are_drawn_two_at_a_time_each_in_its_own_section(monkeypatch: pytest.MonkeyPatch) -> None:
    """With several plans the charts are drawn on threads, one a core (each is mostly `dot`
    running), and each section still gets its own plan's chart."""
    import os
    import threading

    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    both = threading.Barrier(2, timeout=10)  # broken (an error) unless two charts are drawn at once

    def chart(result: Any, lang: str) -> tuple[str | None, str | None]:
        both.wait()
        return f"<svg>{result.plan.town.name}</svg>", None

    report = build_report([check_file(str(p)) for p in (ZHANGPU, HONGQIAO)], "zh", TODAY, chart)
    assert [s.chart_svg for s in report.sections] == [f"<svg>{s.town}</svg>" for s in report.sections]
    assert len({s.town for s in report.sections}) == 2


def test_the_charts_drawn_two_at_a_time_look_the_font_up_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CJK font is looked up (fc-list) by the first chart that needs it; the chart drawn
    beside it waits for that answer instead of running fc-list too."""
    import os
    import time

    from staffing.charts import render
    from staffing.report.charts import chart_maker

    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    looked: list[str] = []

    def find_cjk_font() -> str:
        looked.append("fc-list")
        time.sleep(0.3)  # the other chart's thread is started meanwhile
        return "Noto Sans CJK SC"

    monkeypatch.setattr(render, "find_cjk_font", find_cjk_font)
    report = build_report([check_file(str(p)) for p in (ZHANGPU, HONGQIAO)], "zh", TODAY, chart_maker())
    assert len(looked) == 1
    assert all(s.chart_svg and s.chart_svg.startswith("<svg") for s in report.sections)


def test_css_string_cannot_end_the_string_or_the_style() -> None:
    text = str(css_string('x"; } </style><script>'))
    assert text.startswith('"') and text.endswith('"')
    inner = text[1:-1]
    assert '"' not in inner and "<" not in inner and ";" not in inner and "}" not in inner


def test_inline_svg_refuses_anything_but_drawing() -> None:
    ok = '<svg xmlns="http://www.w3.org/2000/svg" width="10pt"><g><title>n</title><text>编制</text></g></svg>'
    shown = inline_svg(ok)
    assert "<title>" not in shown and "编制" in shown and "<?xml" not in shown
    for bad in (
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><g onload="alert(1)"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink"><a x:href="http://e"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>',
    ):
        with pytest.raises(ValueError):
            inline_svg(bad)


# ------------------------------------------------------------------ the command


def test_report_command_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "zhangpu.html"
    code, stdout, err = run_cli(capsys, "report", str(ZHANGPU), "-o", str(out))
    assert (code, stdout, err) == (1, "", f"staffing: 已写入“{out}”\n")
    html = out.read_text(encoding="utf-8")
    assert "三定方案审核意见书" in html and "不通过" in html
    for word in ("审核人", "审核意见", "日期"):
        assert f"<th>{word}</th>" in html
    if HAS_DOT:
        assert html.count("<svg") == 1 and "张浦镇党委、张浦镇政府" in html


def test_report_command_passing_plan_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "report", str(XINQIAO), "-o", str(tmp_path / "x.html"))
    assert (code, err) == (0, f"staffing: 已写入“{tmp_path / 'x.html'}”\n")


def test_report_command_refuses_other_suffixes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "report", str(ZHANGPU), "-o", str(tmp_path / "r.docx"))
    assert (code, out) == (2, "")
    assert err == "staffing: 报告文件须以 .pdf 或网页文件后缀结尾，而不是“.docx”\n"
    assert not (tmp_path / "r.docx").exists()


def test_unusable_plan_is_reported_and_the_rest_still_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("town: [\n", encoding="utf-8")
    out = tmp_path / "r.html"
    code, _, err = run_cli(capsys, "report", str(broken), str(ZHANGPU), "-o", str(out))
    assert code == 2
    assert err.startswith(f"staffing: {broken}:") and err.count("\n") == 2
    assert err.endswith(f"staffing: 已写入“{out}”\n")
    html = out.read_text(encoding="utf-8")
    assert "无法读取" in html and "张浦镇" in html


# ------------------------------------------------------------------ PDF


def _pdf(tmp_path: Path, plan: Path, name: str = "r.pdf", *extra: str) -> Path:
    out = tmp_path / name
    done = subprocess.run([str(STAFFING), "report", str(plan), "-o", str(out), *extra], capture_output=True,
                          text=True, timeout=300, cwd=ROOT, env={"PATH": "/usr/bin:/bin", "STAFFING_TODAY": "2026-03-01"})
    assert done.returncode == 1 and done.stderr == (f"staffing: wrote {out}\n" if '--lang' in extra else f"staffing: 已写入“{out}”\n"), done.stderr
    return out


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, flags=re.M).group(1))  # type: ignore[union-attr]


@needs_weasyprint
@needs_poppler
@needs_dot
def test_pdf_has_every_finding_the_fonts_and_page_numbers(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path, ZHANGPU)
    assert pdf.read_bytes().startswith(b"%PDF-")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    squeezed = re.sub(r"\s+", "", text)
    for code in ("ST201", "ST101", "ST202"):
        assert code in text
    for title in ("《关于深化经济发达镇行政管理体制改革工作的意见》", "《如何推进经济发达镇行政管理体制改革》"):
        assert title in squeezed
    for word in ("审核人", "审核意见", "日期", "审核结论", "不通过", "张浦镇党委、张浦镇政府"):
        assert word in squeezed
    pages = pdf_pages(pdf)
    assert pages == 3
    for n in range(1, pages + 1):
        assert f"第{n}页，共{pages}页" in squeezed
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    cjk = [line for line in fonts.splitlines() if "CJK" in line]
    assert cjk, fonts
    # the columns of pdffonts: name type encoding emb sub uni ...
    assert all(line.split()[-5] == "yes" for line in cjk), fonts
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", str(pages), str(pdf)], capture_output=True, text=True).stdout
    sizes = re.findall(r"size:\s+([\d.]+) x ([\d.]+) pts", info)
    # A4 portrait, the chart's page (A4 landscape) after the bodies, then the findings and the sign-off
    assert sizes == [("595.276", "841.89"), ("841.89", "595.276"), ("595.276", "841.89")]


@needs_weasyprint
@needs_poppler
def test_pdf_in_english(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path, HONGQIAO, "en.pdf", "--lang", "en")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Three-set plan review report" in text and "Reviewer" in text and "Fails" in text
    assert "ST401" in text and "ST303" in text


# ------------------------------------------------------------------ in a real browser

# Run after the page has loaded: what a reader sees, measured by the browser's own layout,
# written into the page for --dump-dom to bring out.  The page is given the width of an A4
# sheet's text (180 mm), and the chart the width and height of its landscape page.
_PROBE = """
<script>
(function () {
  const mm = (n) => n * 96 / 25.4;
  document.body.style.maxWidth = mm(180) + "px";
  document.body.style.margin = "0";
  const out = {findings: [], charts: [], overflow: [], codes: []};
  const shown = (el) => {
    const r = el.getBoundingClientRect(), cs = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && cs.visibility !== "hidden" && cs.display !== "none" && +cs.opacity > 0;
  };
  for (const f of document.querySelectorAll(".finding")) {
    out.findings.push(shown(f));
    out.codes.push(f.querySelector(".code").textContent);
  }
  for (const svg of document.querySelectorAll(".chart svg")) {
    out.charts.push({shown: shown(svg), text: svg.querySelectorAll("text").length,
                     width: svg.width.baseVal.value, height: svg.height.baseVal.value,
                     maxWidth: mm(297 - 20), maxHeight: mm(210 - 22)});
  }
  const right = document.body.getBoundingClientRect().right + 1;
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest("svg")) continue;
    const r = el.getBoundingClientRect();
    if (r.right > right || el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible")
      out.overflow.push(el.tagName + "." + el.className);
  }
  const pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""

_CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-extensions", "--hide-scrollbars",
    "--window-size=1200,900",
]


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    return subprocess.run([CHROMIUM, *_CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=180)


@needs_browser
@needs_dot
def test_browser_shows_findings_and_chart_and_nothing_overflows(tmp_path: Path) -> None:
    html = tmp_path / "report.html"
    assert main(["report", str(ZHANGPU), str(HONGQIAO), "-o", str(html)]) == 1
    probe = tmp_path / "probe.html"
    probe.write_text(html.read_text(encoding="utf-8").replace("</body>", _PROBE + "</body>"), encoding="utf-8")
    done = chromium(tmp_path, "--dump-dom", probe.as_uri())
    match = re.search(r'<pre id="probe">(.*?)</pre>', done.stdout, flags=re.S)
    assert match, done.stderr[-2000:]
    seen = json.loads(match.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    assert seen["findings"] and all(seen["findings"])
    assert sorted(seen["codes"]) == sorted(["ST201", "ST101", "ST202", "ST401", "ST303", "ST701"])
    assert len(seen["charts"]) == 2
    for chart in seen["charts"]:
        assert chart["shown"] and chart["text"] > 20
        assert chart["width"] <= chart["maxWidth"] + 1 and chart["height"] <= chart["maxHeight"] + 1
    assert seen["overflow"] == []


@needs_browser
@needs_weasyprint
@needs_poppler
@needs_dot
def test_browser_prints_as_many_pages_as_the_pdf(tmp_path: Path) -> None:
    for plan in (ZHANGPU, HONGQIAO):
        html = tmp_path / f"{plan.stem}.html"
        pdf = tmp_path / f"{plan.stem}.pdf"
        assert main(["report", str(plan), "-o", str(html)]) == 1
        assert main(["report", str(plan), "-o", str(pdf)]) == 1
        printed = tmp_path / f"{plan.stem}-chromium.pdf"
        done = chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={printed}", html.as_uri())
        assert printed.exists(), done.stderr[-2000:]
        assert pdf_pages(printed) == pdf_pages(pdf) == 3
        text = subprocess.run(["pdftotext", str(printed), "-"], capture_output=True, text=True, check=True).stdout
        squeezed = re.sub(r"\s+", "", text)
        assert "第3页，共3页" in squeezed and "审核人" in squeezed
