"""Rule packs: every pack loads, every limit cites a seed that says it, inferred content is
marked, and a child pack that loosens its parent is reported."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

from staffing.checks import BY_SLUG as REGISTRY_BY_SLUG
from staffing.packs.load import available, resolve
from staffing.plan.names import normalize
from staffing.run.engine import pack_findings

from conftest import CASES, RULES, SEEDS, needs_shared

PACK_FILES = sorted(RULES.glob("*.yaml"))
QUOTES = "“”„‟\"'‘’「」『』"


def squash(text: str) -> str:
    """Simplified script, NFKC (full-width → half-width punctuation), no whitespace, no quote marks."""
    text = normalize(unicodedata.normalize("NFKC", text))
    text = "".join(ch for ch in text if ch not in QUOTES)
    # 003's extracted text has a stray comma before the enumeration comma ("严控总量,、盘活存量,、…");
    # that is an artefact of the page's extraction, not a difference in wording.
    return text.replace(",、", "、")


def raw_params(path: Path) -> list[tuple[str, str, dict[str, Any]]]:
    """Every sourced value of a pack: check options, a check's own source, the effective
    date and the unit facts it requires."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for slug, options in (data.get("checks") or {}).items():
        for name, raw in (options or {}).items():
            if isinstance(raw, dict) and "value" in raw:
                out.append((slug, name, raw))
            elif name == "source":
                out.append((slug, "(check)", {"value": True, "source": raw}))
    if isinstance(data.get("effective"), dict):
        out.append(("(pack)", "effective", data["effective"]))
    for name, raw in (data.get("requires") or {}).items():
        out.append(("(requires)", name, raw))
    return out


def test_the_shipped_packs() -> None:
    assert set(available()) >= {"base", "jiangsu-developed-town", "taizhou-three-integrations", "jiangxi-yongshan"}
    assert {p.stem for p in PACK_FILES} == set(available())


@pytest.mark.parametrize("pack_id", sorted(available()))
def test_pack_loads(pack_id: str) -> None:
    pack = resolve(pack_id)
    assert pack.id == pack_id
    assert pack.chain[0] == "base" and pack.chain[-1] == pack_id
    assert pack.title.get("zh") and pack.title.get("en")
    for slug in pack.checks:
        assert slug in REGISTRY_BY_SLUG
    assert not pack.loosened, f"{pack_id} loosens its parent: {pack.loosened}"


PARAMS = [(path, slug, name, raw) for path in PACK_FILES for slug, name, raw in raw_params(path)]


@pytest.mark.parametrize(
    "path,slug,name,raw", PARAMS, ids=[f"{p.stem}:{s}.{n}" for p, s, n, _ in PARAMS]
)
@needs_shared
def test_every_param_quotes_its_seed(path: Path, slug: str, name: str, raw: dict[str, Any]) -> None:
    source = raw.get("source")
    assert isinstance(source, dict) and source.get("seed") and source.get("quote"), f"{path.name}: {slug}.{name} has no source"
    seed = SEEDS / source["seed"]
    assert seed.is_file(), f"{path.name}: {slug}.{name} cites {source['seed']}, which is not in {SEEDS}"
    text = squash(seed.read_text(encoding="utf-8"))
    # a quote may leave out words with "…": each part is in the seed, in order
    at = 0
    for part in source["quote"].split("…"):
        found = text.find(squash(part), at)
        assert found >= 0, f"{path.name}: {slug}.{name}: quote not found in {seed.name}: {source['quote']}"
        at = found + len(squash(part))


def test_numeric_limits_have_sources() -> None:
    numeric = [(p, s, n) for p, s, n, raw in PARAMS if isinstance(raw["value"], (int, float)) and not isinstance(raw["value"], bool)]
    assert len(numeric) >= 8  # body counts, optional range, transfers, grid size
    for p, s, n in numeric:
        pack = resolve(p.stem)
        assert pack.source(s, n), f"{p.stem}: {s}.{n}"


def test_squash_handles_script_and_punctuation() -> None:
    assert squash("綜合設置 10 個以內職能機構") == squash("综合设置10个以内职能机构")
    assert squash("通过“5张清单”厘清") == squash('通过"5张清单"厘清')
    assert squash("(街道)") == squash("(街道)")
    assert squash("严控总量,、盘活存量") == squash("严控总量、盘活存量")


def test_taizhou_mandatory_roles_are_marked_inferred() -> None:
    pack = resolve("taizhou-three-integrations")
    param = pack.checks["missing-mandatory-body"].params["roles"]
    assert param.inferred
    assert len(param.value) == 6
    assert pack.source("missing-mandatory-body", "roles").endswith("(inferred)")
    notes = " ".join(n.get("en", "") for n in pack.inferred)
    assert "inferred" in notes and "six" in notes
    assert any("推断" in n.get("zh", "") for n in pack.inferred)


@pytest.mark.parametrize("pack_id", sorted(available()))
def test_every_pack_says_what_it_infers(pack_id: str) -> None:
    pack = resolve(pack_id)
    assert pack.inferred, pack_id
    for note in pack.inferred:
        assert note.get("zh") and note.get("en")


def test_roles_have_names_in_both_languages() -> None:
    pack = resolve("base")
    for role, info in pack.roles.items():
        assert info.get("zh") and info.get("en"), role
    # traditional script and the town's name are matched
    assert pack.role_for_name("綜合行政執法局") == "comprehensive_enforcement"
    assert pack.role_for_name("便民服務中心") == "approval_service"


def test_child_loosening_parent_is_reported() -> None:
    path = CASES / "ST000" / "packs" / "loosens-body-count.yaml"
    pack = resolve(str(path))
    assert len(pack.loosened) == 1
    lo = pack.loosened[0]
    assert (lo.slug, lo.option, lo.parent_pack, lo.parent_value, lo.value) == (
        "body-count", "max", "taizhou-three-integrations", 9, 12)
    findings = pack_findings(pack)
    assert [f.code for f in findings] == ["ST000"]
    assert (findings[0].line, findings[0].column) == (11, 14)
    assert "12" in findings[0].message.en and "9" in findings[0].message.en


def test_child_tightening_parent_is_not_reported() -> None:
    pack = resolve(str(CASES / "ST000" / "packs" / "tightens-body-count.yaml"))
    assert pack.loosened == []
    assert pack.options(REGISTRY_BY_SLUG["body-count"]).max == 8
    assert pack.options(REGISTRY_BY_SLUG["body-count"]).min == 7  # inherited


@pytest.mark.parametrize(
    "slug,option,value",
    [
        ("body-count", "min", 5),  # lower minimum
        ("missing-mandatory-body", "roles", ["party_government_office"]),  # fewer required roles
        ("dispatched-head-not-consulted", "written", False),  # no longer in writing
        ("missing-list", "duty_admission", False),
        # an allow-list: letting one more quota type count as moved down is looser
        ("transfer-out-of-range", "types", ["administrative", "institutional_full", "institutional_partial"]),
    ],
)
def test_each_kind_of_loosening_is_reported(tmp_path: Path, slug: str, option: str, value: Any) -> None:
    pack_file = tmp_path / f"loosen-{slug}-{option}.yaml"
    pack_file.write_text(
        yaml.safe_dump({
            "id": f"test-{slug}-{option}", "title": {"zh": "测试", "en": "test"},
            "extends": "taizhou-three-integrations",
            "checks": {slug: {option: {"value": value,
                                       "source": {"seed": "004_8277045ee1f06dc8.txt", "quote": "明确6个机构为必设机构"}}}},
        }, allow_unicode=True),
        encoding="utf-8",
    )
    pack = resolve(str(pack_file))
    assert [(lo.slug, lo.option) for lo in pack.loosened] == [(slug, option)]


@needs_shared
def test_a_shorter_allow_list_is_tighter(tmp_path: Path) -> None:
    pack_file = tmp_path / "fewer-types.yaml"
    pack_file.write_text(
        yaml.safe_dump({
            "id": "test-fewer-types", "title": {"zh": "测试", "en": "test"},
            "extends": "taizhou-three-integrations",
            "checks": {"transfer-out-of-range": {"types": {
                "value": ["administrative"],
                "source": {"seed": "004_8277045ee1f06dc8.txt", "quote": "行政编制或者全额拨款事业编制"}}}},
        }, allow_unicode=True),
        encoding="utf-8",
    )
    assert resolve(str(pack_file)).loosened == []


@needs_shared
def test_pack_quotes_name_real_seed_files() -> None:
    names = {p.name for p in SEEDS.glob("*.txt")}
    for path in PACK_FILES:
        for seed in re.findall(r"seed:\s*([\w.]+)", path.read_text(encoding="utf-8")):
            assert seed in names, f"{path.name} cites {seed}"


@needs_shared
def test_listed_developed_towns_are_those_of_the_seeds() -> None:
    # every town of the lists is named, county and town, in the seed its source cites
    pack = resolve("jiangsu-common")
    setting = pack.checks["developed-town-not-a-town"]
    for option, count in (("listed_towns", 29), ("pilot_towns", 5)):
        param = setting.params[option]
        assert len(param.value) == count == len(set(param.value)), option
        seed = (SEEDS / param.source.split(":")[0]).read_text(encoding="utf-8")
        for name in param.value:
            assert squash(name) in squash(seed), f"{option}: {name}"


def test_a_child_shows_its_own_notes_and_its_own_date_reason() -> None:
    """Taizhou's notes are Taizhou's: jiangsu-common's reason for its own date travels with that
    date, so a pack with a date of its own never shows its parent's reason (inherited notes
    are marked with the pack that wrote them)."""
    taizhou = resolve("taizhou-three-integrations")
    own = [n for n in taizhou.inferred if n["pack"] == taizhou.id]
    assert own and all("six" in n["en"] for n in own)
    assert not any("2017" in n["zh"] + n["en"] for n in taizhou.inferred)
    assert "2020" in taizhou.effective_note["zh"] and taizhou.effective_inferred
    # the developed-town pack keeps jiangsu-common's date, and with it the reason
    developed = resolve("jiangsu-developed-town")
    assert developed.effective == resolve("jiangsu-common").effective
    assert developed.effective_note == resolve("jiangsu-common").effective_note
    assert "推断" in developed.effective_note["zh"]


def test_rules_explains_each_inferred_date_once(capsys: pytest.CaptureFixture[str]) -> None:
    from staffing.cli.main import main

    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    block = out.split("标识：taizhou-three-integrations")[1].split("\n\n")[0]
    assert "2017-12-01" not in block  # no parent's date note under Taizhou
    assert "推断理由：" in block and "2020-08-01" in block
    assert "推断（沿用“江苏省乡镇（街道）共同规则”）：领导职数不增" in block
    own = [line for line in block.splitlines() if line.strip().startswith("推断：")]
    assert len(own) == 1 and "6个机构为必设机构" in own[0]
    assert "泰州市基层“三整合”改革" in out
    # the developed-town pack keeps jiangsu-common's date, and says why it is inferred
    developed = out.split("标识：jiangsu-developed-town")[1].split("\n\n")[0]
    assert "生效日期：2017-12-01（推断）" in developed and "推断理由：种子文件没有写明省委办公厅意见的印发日期" in developed


@pytest.mark.parametrize("path", PACK_FILES, ids=lambda p: p.stem)
def test_every_effective_date_has_a_source_or_is_inferred(path: Path) -> None:
    """A pack's effective date is a policy fact like any number: quoted, or inferred with its reason."""
    pack = resolve(path.stem)
    assert pack.effective_source, path.name
    if pack.effective_inferred:
        assert pack.effective_note.get("zh") and pack.effective_note.get("en"), path.name
