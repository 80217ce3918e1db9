"""Which pack binds a plan, round three: each pack binds its own jurisdiction (declared as data:
Jiangsu's packs Jiangsu, Taizhou's pack Taizhou's towns and streets), and ST802 makes only the
inapplicable pack's own findings non-binding; it cites its basis."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from staffing.findings import Finding
from staffing.packs.load import resolve
from staffing.run.engine import check_file
from staffing.run.results import Settings
from test_packs import squash

from conftest import CASES, ORGS, RULES, SEEDS, needs_shared

STREET = CASES / "ST802/bad/street-jiangsu-pack.yaml"  # a Jiangsu street under the developed-town pack


def findings(tmp_path: Path, text: str, rules: str | None = None) -> list[Finding]:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    result = check_file(str(path), Settings(rules=rules))
    assert result.error is None
    return result.findings


def severities(found: list[Finding]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in found:
        out.setdefault(f.code, set()).add(f.severity.value)
    return out


def test_only_the_inapplicable_packs_own_findings_stop_binding(tmp_path: Path) -> None:
    text = STREET.read_text(encoding="utf-8")
    # the street is also flagged a developed town (ST801, Jiangsu's common rules), one body is
    # over its quota (ST903, the base pack) and it has eleven bodies (ST101, the developed-town pack)
    text = text.replace("  developed_town: false\n", "  developed_town: true\n")
    text = text.replace("  quotas: {administrative: 5}\n  actual: 5\n", "  quotas: {administrative: 5}\n  actual: 7\n", 1)
    extra = "".join(f"- {{name: 自设机构{i}, quotas: {{administrative: 0}}}}\n" for i in range(4))
    text = text.replace("support_center:\n", extra + "support_center:\n", 1)
    found = severities(findings(tmp_path, text))
    assert found["ST802"] == {"error"}
    assert found["ST903"] == {"error"}  # 超编: the base pack binds every plan
    assert found["ST801"] == {"error"}  # a street flagged a developed town: Jiangsu's common rules bind it
    assert found["ST201"] == {"error"}  # 只减不增: Jiangsu's common rules
    assert found["ST101"] == {"info"}  # 10 以内: the developed-town pack, which does not cover a street


def test_a_plan_from_another_province_keeps_only_the_base_packs_findings(tmp_path: Path) -> None:
    text = (ORGS / "guangdong/jiangmen/kaiping/shatang.yaml").read_text(encoding="utf-8")
    found = findings(tmp_path, text, rules="taizhou-three-integrations")
    by_code = severities(found)
    assert by_code["ST802"] == {"error"}
    # Taizhou's and Jiangsu's common findings rest on packs that cover neither Guangdong nor Kaiping
    assert {sev for code, sevs in by_code.items() if code not in ("ST802", "ST803") for sev in sevs} <= {"info"}


@pytest.mark.parametrize("case,quote", [
    ("ST802/bad/another-city-under-taizhou-pack.yaml", "泰州市全面推进基层"),
    ("ST802/bad/street-jiangsu-pack.yaml", "原石湫鎮已撤鎮設街道"),
    ("ST802/bad/not-a-developed-town.yaml", "將再遴選一批經濟發達鎮實施改革"),
])
def test_st802_cites_its_basis(case: str, quote: str) -> None:
    result = check_file(str(CASES / case))
    cited = [f for f in result.findings if f.code == "ST802" and quote in (f.source or "")]
    assert cited and all(f.citation("zh") for f in cited)


def test_each_pack_declares_its_jurisdiction_as_data() -> None:
    places = {p: resolve(p).scope.place for p in ("base", "jiangsu-common", "jiangsu-developed-town",
                                                   "taizhou-three-integrations", "jiangxi-yongshan")}
    assert places == {"base": {}, "jiangsu-common": {"province": "江苏省"}, "jiangsu-developed-town": {"province": "江苏省"},
                      "taizhou-three-integrations": {"province": "江苏省", "city": "泰州市"},
                      "jiangxi-yongshan": {"province": "江西省", "county": "乐平市"}}


@needs_shared
@pytest.mark.parametrize("path", sorted(RULES.glob("*.yaml")), ids=lambda p: p.stem)
def test_jurisdiction_and_unit_sources_quote_their_seed(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for raw in (data.get("jurisdiction"), data.get("applies_to")):
        source = raw.get("source") if isinstance(raw, dict) else None
        if source is None:
            continue
        text = squash((SEEDS / source["seed"]).read_text(encoding="utf-8"))
        assert squash(source["quote"]) in text, (path.name, source["quote"])


@needs_shared
@pytest.mark.parametrize("path", sorted(RULES.glob("*.yaml")), ids=lambda p: p.stem)
def test_an_inferred_date_is_inferred_from_its_source(path: Path) -> None:
    """A pack's inferred effective date rests on a quote that gives its year or its month, never
    on the example plans (jiangsu-common's 2017-12-01 was chosen to fit them)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    effective = data.get("effective")
    if not isinstance(effective, dict):
        return
    date = effective["value"]
    quote = squash(effective["source"]["quote"])
    assert quote in squash((SEEDS / effective["source"]["seed"]).read_text(encoding="utf-8")), path.name
    if effective.get("inferred"):
        assert str(date.year) in quote or f"{date.month}月" in quote, (path.name, date, quote)


def document_title_inner(title: str) -> str:
    return title.split("《", 1)[1].rsplit("》", 1)[0] if "《" in title else title.split("（", 1)[0]


@needs_shared
@pytest.mark.parametrize("pack_id", ["base", "jiangsu-common", "jiangsu-developed-town", "taizhou-three-integrations",
                                     "jiangxi-yongshan"])
def test_no_sentence_is_cited_under_a_document_its_seed_does_not_report(pack_id: str) -> None:
    """Every seed is cited under the title it gives itself (a report under its headline): seed 000
    is a news report of the province's approval, never the central guidance it mentions."""
    pack = resolve(pack_id)
    for seed, entry in pack.documents.items():
        text = squash((SEEDS / seed).read_text(encoding="utf-8"))
        # the title's words as the seed gives them (001's page title is cut short: its first words)
        for part in document_title_inner(entry["zh"]).split("——"):  # a headline and its subtitle
            assert squash(part)[:12] in text, (pack_id, seed, entry["zh"])
    assert "指导意见" not in pack.document_title("000_405315825a5f8f8f.txt", "zh")


def test_quotes_are_shown_in_simplified_script_and_kept_verbatim_in_source() -> None:
    result = check_file(str(ORGS / "jiangsu/suzhou/wuzhong/luzhi.yaml"))
    st702 = next(f for f in result.findings if f.code == "ST702")
    assert "可賦予經濟發達鎮,制定目錄向社會公布" in (st702.source or "")  # the seed's own text, for machines
    assert st702.citation("zh") == ("《关于深化经济发达镇行政管理体制改革工作的意见》：“可赋予经济发达镇，制定目录向社会公布，"
                                   "镇政府为权力实施主体”")
    st601 = next(f for f in result.findings if f.code == "ST601")
    assert (st601.citation("zh") or "").startswith("报道《省里批复：句容这个经济发达镇将进行行政管理体制改革！》：“在坚持全面加强党的领导")
