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

from conftest import CASES, RULES, SEEDS, needs_shared

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
    text = (ORGS_SHATANG := CASES.parent.parent / "orgs/guangdong/jiangmen/kaiping/shatang.yaml").read_text(encoding="utf-8")
    assert ORGS_SHATANG.is_file()
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
