"""Org charts: golden DOT text, escaping of hostile names, determinism, and real images
when Graphviz is installed.

Regenerate the golden files with ``STAFFING_REGEN_GOLDEN=1 pytest tests/charts/test_render.py``
and read the diff before committing it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from staffing.charts.render import (
    RenderError,
    chart_dot,
    choose_font,
    compare_dot,
    find_cjk_font,
    html_text,
    image,
    render,
    windows_font,
)
from staffing.checks.context import Context
from staffing.findings import Finding, Severity
from staffing.packs.load import resolve
from staffing.plan.model import Plan
from staffing.words import Words

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden"
XINQIAO = ROOT / "orgs" / "jiangsu" / "taizhou" / "jingjiang" / "xinqiao.yaml"
FONT = "Noto Sans CJK SC"
PACK = "泰州“三整合”改革"
MANDATORY = frozenset(
    {
        "party_government_office",
        "party_building",
        "economic_development",
        "social_affairs",
        "approval_service",
        "comprehensive_enforcement",
    }
)
HAS_DOT = shutil.which("dot") is not None
needs_dot = pytest.mark.skipif(not HAS_DOT, reason="Graphviz `dot` is not installed")


def finding(code: str, loc: tuple[Any, ...], zh: str = "示例问题", en: str = "example finding") -> Finding:
    return Finding(code, "example", Severity.ERROR, Words(zh, en), "plan.yaml", 1, 1, loc)


def xinqiao() -> Plan:
    return Plan.model_validate(yaml.safe_load(XINQIAO.read_text(encoding="utf-8")))


XINQIAO_FINDINGS = [
    finding("S203", ("bodies", 3, "leadership"), "副局长实配超过核定", "deputies over quota"),
    finding("S301", ("dispatched_units", 0)),
    finding("S101", ("totals", "quotas"), "编制总量增加：行政 43 > 42", "quota grew: admin 43 > 42"),
    finding("S110", ("bodies", 5, "subunits", 1, "actual")),
    finding("S401", ("support_center", "quotas")),
]


def big_plan(hostile: str | None = None) -> Plan:
    """10 bodies (one under another), 40 sub-units, 8 dispatched units: the size the
    chart must stay readable at."""
    roles = [
        "party_government_office",
        "party_building",
        "economic_development",
        "social_affairs",
        "approval_service",
        "comprehensive_enforcement",
        "planning_construction",
        "agriculture_rural",
        "safety_environment",
        "command_center",
    ]
    names = [
        "党政办公室",
        "党群工作局",
        "经济发展局",
        "社会事业局",
        "行政审批局",
        "综合行政执法局",
        "规划建设局",
        "农业农村局",
        "安全生产监督管理局",
        "综合指挥调度中心",
    ]
    sub_counts = [2, 2, 3, 3, 4, 16, 3, 3, 2, 2]  # 40 in all
    bodies: list[dict[str, Any]] = []
    for i, (role, name) in enumerate(zip(roles, names, strict=False)):
        body: dict[str, Any] = {
            "name": name,
            "role": role,
            "quotas": {"administrative": 4 + i % 3, "institutional_full": 2 + i % 4},
            "actual": 6 + i % 3,
            "leadership": [
                {"title": "局长", "level": "principal", "approved": 1, "filled": 1},
                {"title": "副局长", "level": "deputy", "approved": 2, "filled": 1 + i % 2},
            ],
            "subunits": [
                {"name": f"{name[:2]}第{j + 1}科" if i != 5 else f"执法{j + 1}中队",
                 "quotas": {"administrative": 1, "institutional_full": 1}, "actual": 2}
                for j in range(sub_counts[i])
            ],
        }
        if i == 4:
            body["nameplates"] = ["便民服务中心", "政务服务中心"]
        if i == 9:
            body["parent"] = "党政办公室"  # a centre run under the office
        bodies.append(body)
    if hostile is not None:
        bodies[2]["name"] = hostile
        bodies[2]["nameplates"] = [hostile]
        bodies[2]["subunits"][0]["name"] = hostile
    departments = ["公安局", "司法局", "市场监督管理局", "自然资源和规划局", "税务局", "生态环境局", "交通运输局", "水利局"]
    data = {
        "town": {
            "name": "示范镇",
            "code": "320000000000",
            "unit_type": "town",
            "developed_town": True,
            "province": "江苏省",
            "city": "示范市",
            "county": "示范县",
        },
        "rule_pack": "jiangsu-developed-town",
        "plan_date": "2020-01-15",
        "baseline": {
            "bodies": ["党政办公室", "经济发展办公室", "社会事业办公室", "城管中队", "安监站", "农业服务中心", "撤并所"],
            "quotas": {"administrative": 60, "institutional_full": 40},
        },
        "bodies": bodies,
        "support_center": {
            "name": "示范镇综合服务中心",
            "quotas": {"institutional_full": 12},
            "actual": 11,
            "absorbed": ["农业服务中心", "文体服务中心"],
        },
        "dispatched_units": [
            {
                "name": f"示范{dep.replace('局', '')}所",
                "parent_department": f"示范县{dep}",
                "management": "dispatched" if k in (0, 4) else "local",
            }
            for k, dep in enumerate(departments)
        ],
    }
    if hostile is not None:
        data["dispatched_units"][1]["name"] = hostile
        data["dispatched_units"][1]["parent_department"] = hostile
        data["support_center"]["absorbed"].append(hostile)
        data["baseline"]["bodies"].append(hostile)
        data["town"]["name"] = hostile
    return Plan.model_validate(data)


BIG_FINDINGS = [
    finding("S120", ("bodies", 5, "subunits", 7, "quotas")),
    finding("S203", ("bodies", 5, "leadership")),
    finding("S204", ("bodies", 5, "leadership", 1)),
    finding("S301", ("dispatched_units", 4, "assessment_lead")),
    finding("S001", ("bodies",), "职能机构 10 个，超过 9 个", "10 bodies, more than 9"),
    finding("S999", ("bodies", 99), "指向已删除机构的问题", "finding about a deleted body"),
]


def ctx(plan: Plan) -> Context:
    """The plan as the checks read it, with its own pack."""
    return Context.of(plan, resolve(plan.rule_pack))


def chart(plan: Plan, findings: list[Finding], lang: str = "zh") -> str:
    return chart_dot(ctx(plan), findings, pack_title=PACK, mandatory_roles=MANDATORY, lang=lang, font=FONT)


CASES = {
    "xinqiao_zh": lambda: chart(xinqiao(), XINQIAO_FINDINGS),
    "xinqiao_en": lambda: chart(xinqiao(), XINQIAO_FINDINGS, "en"),
    "xinqiao_clean_zh": lambda: chart(xinqiao(), []),
    "big_zh": lambda: chart(big_plan(), BIG_FINDINGS),
    "xinqiao_compare_zh": lambda: compare_dot(xinqiao(), pack_title=PACK, lang="zh", font=FONT),
    "xinqiao_compare_en": lambda: compare_dot(xinqiao(), pack_title=PACK, lang="en", font=FONT),
    "big_compare_zh": lambda: compare_dot(big_plan(), pack_title=PACK, lang="zh", font=FONT),
}


# ------------------------------------------------------------------ golden


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_dot(name: str) -> None:
    text = CASES[name]()
    path = GOLDEN / f"{name}.dot"
    if os.environ.get("STAFFING_REGEN_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; run with STAFFING_REGEN_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


# ------------------------------------------------------------------ content


def test_chart_shows_the_parts_of_the_plan() -> None:
    text = chart(xinqiao(), XINQIAO_FINDINGS)
    assert "新桥镇党委、新桥镇政府" in text
    assert "加挂：便民服务中心" in text
    assert "行政6 全额事业8" in text
    assert "职数核定3·实配3" in text
    assert "实有13人" in text
    assert "职能机构·必设" in text and "职能机构·自选" in text  # as the checks read them
    assert "问题：S203" in text  # body 3
    assert "S101" in text and "全镇问题（1）" in text
    assert "图例" in text
    assert "规则包：泰州“三整合”改革" in text and "2020-10-20" in text
    # the dispatched units are one box; the one unit still dispatched has a dashed frame
    # and names its department; local ones are solid
    units = next(line for line in text.splitlines() if line.startswith("  dispatched ["))
    assert units.count('STYLE="dashed"') == 1 and "靖江市公安局" in units
    # body 3 has a finding: thick red frame; body 0 has none
    body3 = next(line for line in text.splitlines() if line.startswith("  body_3 "))
    body0 = next(line for line in text.splitlines() if line.startswith("  body_0 "))
    assert 'BORDER="3"' in body3 and "#d62728" in body3
    assert "#d62728" not in body0


def test_chart_in_english_uses_english_labels() -> None:
    text = chart(xinqiao(), XINQIAO_FINDINGS, "en")
    assert "admin 6 inst. full 8" in text.replace("<BR/>", " ").replace("</FONT></TD></TR><TR><TD><FONT POINT-SIZE=\"9\">", " ")
    assert "Party Committee and Government" in text
    assert "行政6" not in text


def hangs(text: str, parent: str, child: str) -> bool:
    """`child` hangs from `parent`: a line from the parent's bottom edge down to a bar, and
    from a point of that bar down into the child's top edge."""
    meet = re.search(rf"^  {parent}:s -> (bar_\w+) \[", text, flags=re.M)
    if meet is None:
        return False
    bar = meet.group(1).rsplit("_", 1)[0]
    return re.search(rf"^  {bar}_[0-9]+ -> {child}:n \[", text, flags=re.M) is not None


def test_body_with_parent_hangs_under_it() -> None:
    text = chart(big_plan(), [])
    assert hangs(text, "body_0", "body_9")
    assert not hangs(text, "town", "body_9") and hangs(text, "town", "body_0")


def test_sub_units_share_one_node_per_body() -> None:
    text = chart(big_plan(), [])
    assert text.count("subs_5 [label=") == 1
    assert all(f"执法{j}中队" in text for j in range(1, 17))


def test_stale_finding_location_is_shown_town_wide() -> None:
    text = chart(big_plan(), BIG_FINDINGS)
    assert "S999" in text and "全镇问题（2）" in text


def test_waived_findings_are_not_drawn() -> None:
    waived = Finding("S777", "x", Severity.ERROR, Words("豁免", "waived"), "p.yaml", 1, 1, ("bodies", 0), waived="ok")
    assert "S777" not in chart(xinqiao(), [waived])


def test_compare_headline_and_matching() -> None:
    text = compare_dot(xinqiao(), pack_title=PACK, lang="zh", font=FONT)
    # 10 old bodies → 9 boxes (8 bodies and the centre), as the frame's label says;
    # 104 → 104 quotas (bodies 84 + centre 20)
    assert "机构10个→9个，编制104名→104名" in text
    assert "改革后（9）" in text
    assert "行政 42 → 43" in text
    # 劳动保障所 went into 社会事业局 (body 3); 财政所 into the centre
    assert "old_7 -> new_3" in text
    assert "old_6 -> new_centre" in text
    assert "未并入任何新机构" not in text  # xinqiao accounts for every old body


def test_compare_flags_unmatched_and_unknown() -> None:
    text = compare_dot(big_plan(), pack_title=PACK, lang="zh", font=FONT)
    assert "未并入任何新机构" in text  # 撤并所, 经济发展办公室 ... taken in by nobody
    # a merged_from that names no old body is flagged on the new body
    plan = xinqiao()
    bodies = list(plan.bodies)
    bodies[0] = bodies[0].model_copy(update={"merged_from": ["不存在的办公室"]})
    text = compare_dot(plan.model_copy(update={"bodies": bodies}), pack_title=PACK, lang="zh", font=FONT)
    assert "来源不在原机构名单：不存在的办公室" in text


def test_compare_matches_traditional_script() -> None:
    plan = xinqiao()
    bodies = list(plan.bodies)
    bodies[2] = bodies[2].model_copy(update={"merged_from": ["經濟發展辦公室"]})
    text = compare_dot(plan.model_copy(update={"bodies": bodies}), pack_title=PACK, lang="zh", font=FONT)
    assert "old_1 -> new_2" in text


def test_unknown_language_is_refused() -> None:
    with pytest.raises(RenderError):
        chart(xinqiao(), [], "fr")


# ------------------------------------------------------------------ determinism


def test_findings_order_does_not_matter() -> None:
    assert chart(big_plan(), BIG_FINDINGS) == chart(big_plan(), list(reversed(BIG_FINDINGS)))


def test_same_text_across_processes() -> None:
    """Nothing depends on hash order: two interpreters with different hash seeds agree."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import test_render as t; "
        "sys.stdout.write(t.chart(t.big_plan(), t.BIG_FINDINGS) + t.CASES['big_compare_zh']())"
    )
    outs = []
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run(
            [sys.executable, "-c", code, str(Path(__file__).parent)],
            capture_output=True, env=env, check=True,
        )
        outs.append(done.stdout)
    assert outs[0] == outs[1] and outs[0]


# ------------------------------------------------------------------ escaping

HOSTILE = [
    '"]; evil [label="pwned"]; //',
    "</TD></TR></TABLE>>]; evil2 [shape=box]; x [label=<",
    "<B>粗体</B><IMG SRC=\"/etc/passwd\"/>",
    "a\\nb\\\"c\\l",
    "{x|y} <port>",
    "行一\n行二\r\n行三",
    "ctrl\x00\x01\x1b[31m\x7f",
    "\u202e局法执\u202c \u2066iso\u2069 \u200b\ufeff",
    "&amp; &#60; &lt; 'single'",
    "subgraph cluster_x { z }",
]


def _strip_entities(text: str) -> str:
    return re.sub(r"&(#[0-9]+|amp|lt|gt|quot);", "", text)


@pytest.mark.parametrize("name", HOSTILE)
def test_html_text_leaves_no_markup(name: str) -> None:
    out = _strip_entities(html_text(name))
    assert not set(out) & set("<>&\"'\\{}|\n\r")
    assert not any(ord(ch) < 32 or ord(ch) == 127 for ch in out)
    assert not any(0x202A <= ord(ch) <= 0x202E or 0x2066 <= ord(ch) <= 0x2069 for ch in out)


def test_bidi_override_is_shown_not_obeyed() -> None:
    assert html_text("\u202eabc") == "[U+202E]abc"


@given(st.text(max_size=60))
@settings(max_examples=300, deadline=None)
def test_html_text_is_safe_for_any_text(name: str) -> None:
    out = _strip_entities(html_text(name))
    assert not set(out) & set("<>&\"'\\{}|")
    assert all(ch.isprintable() or unicodedata.category(ch) == "Zs" for ch in out)


def _labels_balanced(text: str) -> None:
    """Every `<` in the DOT text opens one of our tags or an HTML label."""
    tags = re.findall(r"<(/?)([A-Za-z]*)", text)
    allowed = {"", "TABLE", "TR", "TD", "FONT", "B", "BR"}
    assert {t for _, t in tags} <= allowed


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_cannot_break_out(name: str) -> None:
    plan = big_plan(hostile=name.strip() or "x")
    for text in (chart(plan, BIG_FINDINGS), chart(plan, [], "en"), compare_dot(plan, pack_title=name, lang="zh", font=FONT)):
        _labels_balanced(text)
        assert "\u202e" not in text and "\x00" not in text and "\x1b" not in text
        # node ids are ours only
        ids = set(re.findall(r"^\s*([A-Za-z_0-9]+) \[", text, flags=re.M))
        assert ids <= {"town", "centre", "dispatched", "graph", "node", "edge", "new_centre"} | {
            i for i in ids if re.fullmatch(r"(body|subs|inst|old|new|row)_[0-9]+", i)
            or re.fullmatch(r"bar_(?:body_)?[0-9]+_(?:[0-9]+|mid|left)", i)  # the connectors' corners
        }


def _canon_nodes(text: str) -> set[str]:
    done = subprocess.run(["dot", "-Tcanon"], input=text.encode("utf-8"), capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    canon = done.stdout.decode("utf-8")
    names = set(re.findall(r"^\s*([A-Za-z_0-9]+)\s*(?:\[|;)", canon, flags=re.M))
    return names - {"graph", "node", "edge"}


@needs_dot
@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_parse_with_dot_into_the_same_nodes(name: str) -> None:
    plan = big_plan(hostile=name.strip() or "x")
    clean = big_plan()
    assert _canon_nodes(chart(plan, BIG_FINDINGS)) == _canon_nodes(chart(clean, BIG_FINDINGS))
    assert _canon_nodes(compare_dot(plan, pack_title=name, lang="zh", font=FONT)) == _canon_nodes(
        compare_dot(clean, pack_title=PACK, lang="zh", font=FONT)
    ) | {"old_7"}  # the hostile name is one more old body


@needs_dot
def test_hostile_font_name_cannot_break_out() -> None:
    text = chart_dot(ctx(xinqiao()), [], pack_title=PACK, mandatory_roles=MANDATORY, font='x", evil="1\n]; e [')
    assert _canon_nodes(text) == _canon_nodes(chart(xinqiao(), []))


# ------------------------------------------------------------------ fonts and images


def test_choose_font_prefers_noto_sans_sc() -> None:
    assert choose_font(["Noto Serif CJK SC", "Noto Sans CJK JP", "Noto Sans CJK SC"]) == "Noto Sans CJK SC"
    assert choose_font(["AR PL UKai TW", "Foo Sans CN"]) == "Foo Sans CN"
    assert choose_font([]) is None


def test_find_cjk_font_without_dot(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(RenderError) as err:
        find_cjk_font()
    assert "graphviz" in err.value.words.en and "graphviz" in err.value.words.zh


def test_find_cjk_font_without_fonts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: f"/usr/bin/{name}")

    def fake_run(args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        assert isinstance(args, list) and not kwargs.get("shell")
        return subprocess.CompletedProcess(args, 0, stdout="", stderr="")

    monkeypatch.setattr(subprocess, "run", fake_run)
    with pytest.raises(RenderError) as err:
        find_cjk_font()
    assert "fonts-noto-cjk" in err.value.words.en and "中文字体" in err.value.words.zh


def test_choose_font_takes_what_windows_has_when_noto_is_absent() -> None:
    """An office PC without Noto: Microsoft YaHei over SimSun over any other family; Noto
    still first where it is installed."""
    assert choose_font(["Arial Unicode MS", "SimSun", "Microsoft YaHei", "新宋体"]) == "Microsoft YaHei"
    assert choose_font(["Arial Unicode MS", "SimSun", "NSimSun"]) == "SimSun"
    assert choose_font(["Microsoft YaHei", "Noto Sans CJK SC"]) == "Noto Sans CJK SC"


def test_windows_font_is_found_by_its_file(tmp_path: Path) -> None:
    assert windows_font(str(tmp_path)) is None
    (tmp_path / "SIMSUN.TTC").write_bytes(b"")
    assert windows_font(str(tmp_path)) == "SimSun"
    (tmp_path / "msyh.ttc").write_bytes(b"")
    assert windows_font(str(tmp_path)) == "Microsoft YaHei"
    assert windows_font(str(tmp_path / "missing")) is None


def test_find_cjk_font_on_windows_without_fc_list(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Graphviz's Windows build may come without fc-list: the fonts folder says which
    Chinese font the chart can use."""
    (tmp_path / "Fonts").mkdir()
    (tmp_path / "Fonts" / "simhei.ttf").write_bytes(b"")
    monkeypatch.setattr(shutil, "which", lambda name: None if name == "fc-list" else f"C:/Graphviz/bin/{name}.exe")
    monkeypatch.setenv("WINDIR", str(tmp_path))
    with monkeypatch.context() as m:
        m.setattr(os, "name", "nt")
        font = find_cjk_font()
    assert font == "SimHei"
    with pytest.raises(RenderError) as err:  # elsewhere, no fc-list is still said
        find_cjk_font()
    assert "fc-list" in err.value.message("en")


def test_dot_runs_without_preexec_fn_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows has no preexec_fn (subprocess refuses one): dot's memory bound is POSIX only."""
    seen: dict[str, Any] = {}

    def fake_run(args: list[str], **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
        seen.update(kwargs)
        return subprocess.CompletedProcess(args, 0, stdout=b"<svg/>", stderr=b"")

    monkeypatch.setattr(shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(subprocess, "run", fake_run)
    image("digraph { a }", "svg")
    assert seen["preexec_fn"] is not None
    with monkeypatch.context() as m:
        m.setattr(os, "name", "nt")
        image("digraph { a }", "svg")
    assert seen["preexec_fn"] is None


def test_unknown_suffix_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RenderError):
        render("digraph {}", tmp_path / "chart.jpg")
    assert not (tmp_path / "chart.jpg").exists()


def test_dot_suffix_writes_the_text(tmp_path: Path) -> None:
    text = chart(xinqiao(), XINQIAO_FINDINGS)
    render(text, tmp_path / "out" / "chart.DOT")
    assert (tmp_path / "out" / "chart.DOT").read_text(encoding="utf-8") == text


@needs_dot
@pytest.mark.parametrize("suffix, magic", [(".svg", b"<?xml"), (".png", b"\x89PNG"), (".pdf", b"%PDF")])
def test_render_images(tmp_path: Path, suffix: str, magic: bytes) -> None:
    font = find_cjk_font()
    out = tmp_path / f"big{suffix}"
    render(chart_dot(ctx(big_plan()), BIG_FINDINGS, pack_title=PACK, mandatory_roles=MANDATORY, font=font), out)
    assert out.read_bytes().startswith(magic)
    cmp_out = tmp_path / f"compare{suffix}"
    render(compare_dot(xinqiao(), pack_title=PACK, lang="zh", font=font), cmp_out)
    assert cmp_out.read_bytes().startswith(magic)


@needs_dot
def test_svg_has_the_chinese_names_as_text(tmp_path: Path) -> None:
    font = find_cjk_font()
    assert "CJK" in font or "Hei" in font or "Han" in font or "SC" in font
    out = tmp_path / "xinqiao.svg"
    plan = xinqiao()
    render(chart_dot(ctx(plan), XINQIAO_FINDINGS, pack_title=PACK, mandatory_roles=MANDATORY, font=font), out)
    svg = out.read_text(encoding="utf-8")
    texts = set(re.findall(r"<text[^>]*>([^<]*)</text>", svg))
    for body in plan.bodies:
        assert body.name in texts
    assert f'font-family="{font}' in svg


@needs_dot
def test_hostile_names_render_as_text(tmp_path: Path) -> None:
    font = find_cjk_font()
    out = tmp_path / "hostile.svg"
    render(chart_dot(ctx(big_plan(hostile="<B>粗体</B>")), [], pack_title=PACK, mandatory_roles=MANDATORY, font=font), out)
    assert "&lt;B&gt;粗体&lt;/B&gt;" in out.read_text(encoding="utf-8")


@needs_dot
def test_dot_failure_is_a_render_error(tmp_path: Path) -> None:
    with pytest.raises(RenderError):
        render("digraph { this is not dot", tmp_path / "bad.svg")
    assert not (tmp_path / "bad.svg").exists()


def test_chart_draws_the_institutions_and_unknown_figures() -> None:
    """The institutions list: the one marked support_center is drawn as the centre, the others
    as institutions kept, each with its findings; an unknown quota is said to be unknown."""
    from conftest import CASES as CASE_DIR

    plan = Plan.model_validate(yaml.safe_load((CASE_DIR / "ST401/bad/too-many-institutions-kept.yaml").read_text(encoding="utf-8")))
    found = [finding("ST401", ("institutions", 2, "kind"))]
    text = chart(plan, found)
    lines = {line.split()[0]: line for line in text.splitlines() if line.startswith("  pub_") and "[label=" in line}
    assert "综合服务中心" in lines["pub_0"] and "示范镇综合服务中心" in lines["pub_0"]
    assert "保留的事业单位" in lines["pub_1"] and "示范镇卫生院" in lines["pub_1"]
    assert "问题：ST401" in lines["pub_2"] and "问题" not in lines["pub_1"]
    assert "整合的原事业单位" in lines["pub_0"]  # what the centre absorbed, in its box
    unknown = Plan.model_validate(yaml.safe_load((CASE_DIR / "ST201/bad/quota-unknown.yaml").read_text(encoding="utf-8")))
    body1 = next(line for line in chart(unknown, []).splitlines() if line.startswith("  body_1 "))
    assert "编制：行政未知" in body1 and "?" not in body1, body1  # the type that is unknown, in words


# ------------------------------------------------------------------ the checks' context


def test_the_chart_reads_roles_and_parents_as_the_checks_do() -> None:
    """Roles left out of the plan are read from the body's name (as the checks read them),
    and where a body sits comes from the checks' org graph: under the town, under another
    body, or a parent named that is no other body (none by that name, or itself)."""
    data = yaml.safe_load(XINQIAO.read_text(encoding="utf-8"))
    for body in data["bodies"]:
        body.pop("role", None)
    names = [b["name"] for b in data["bodies"]]
    data["bodies"][1]["parent"] = names[0]
    data["bodies"][2]["parent"] = "不存在的机构"
    data["bodies"][3]["parent"] = names[3]
    plan = Plan.model_validate(data)
    context = ctx(plan)
    assert [context.graph.parent_of(i) for i in range(4)] == [None, 0, "不存在的机构", names[3]]
    assert context.roles_of(0) == ("party_government_office",)  # from its name
    text = chart_dot(context, [], pack_title=PACK, mandatory_roles=MANDATORY, font=FONT)
    body0 = next(line for line in text.splitlines() if line.startswith("  body_0 "))
    assert 'BGCOLOR="#d6e6f5"' in body0  # drawn as mandatory: the role read from its name
    assert hangs(text, "body_0", "body_1")
    for i, parent in ((2, "不存在的机构"), (3, names[3])):
        line = next(line for line in text.splitlines() if line.startswith(f"  body_{i} "))
        assert f"上级机构未找到：{parent}" in line


@pytest.mark.parametrize(("out", "said"), [
    ("/dev/stdout", "输出文件名没有写明图片格式，请以 .svg、.png、.pdf 或 .dot 结尾"),
    ("chart.gif", "不支持的图片格式：.gif；可用 .svg、.png、.pdf、.dot"),
])
def test_a_chart_format_the_name_does_not_say_is_one_message(out: str, said: str, tmp_path: Path) -> None:
    staffing = Path(sys.executable).parent / "staffing"
    target = out if out.startswith("/") else str(tmp_path / out)
    done = subprocess.run([str(staffing), "render", str(ROOT / "orgs/jiangsu/suzhou/kunshan/zhangpu.yaml"), "-o", target],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2 and said in done.stderr and "Traceback" not in done.stderr, done.stderr
