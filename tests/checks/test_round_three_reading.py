"""How a reviewer reads a body, round three: what the plan writes (its role, its category)
wins over any word in the name; a name with a second name in brackets is the first body,
carrying the second as a nameplate; single words are not categories."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from staffing.checks.context import Context, read_body
from staffing.cli.main import main
from staffing.packs.load import resolve
from staffing.plan.model import Body, Plan
from staffing.plan.names import split_second_name

from conftest import CASES

TOWN = {"name": "样板镇", "code": "320000000001", "unit_type": "town", "province": "江苏省", "city": "泰州市",
        "county": "泰兴市"}


def plan_of(*bodies: dict[str, object], pack: str = "taizhou-three-integrations") -> Context:
    plan = Plan.model_validate({"town": TOWN, "rule_pack": pack, "not_provided": ["baseline"], "bodies": list(bodies)})
    return Context.of(plan, resolve(pack))


@pytest.mark.parametrize("name,first,second", [
    ("党政办公室（人大办公室）", "党政办公室", "人大办公室"),
    ("纪工委(监察组)", "纪工委", "监察组"),
    ("黨政辦公室（人大辦公室） ", "黨政辦公室", "人大辦公室"),
    ("综合行政执法局", "综合行政执法局", None),
    ("乡镇(街道)综合服务中心", "乡镇(街道)综合服务中心", None),  # brackets inside a name are part of it
    ("（党建办）", "（党建办）", None),
])
def test_a_second_name_in_brackets_is_split_off(name: str, first: str, second: str | None) -> None:
    assert split_second_name(name) == (first, second)


def test_a_written_role_wins_over_a_word_in_the_name() -> None:
    ctx = plan_of({"name": "人大办公室（党政办公室）", "role": "party_government_office"})
    reading = ctx.readings[0]
    assert reading.roles == ("party_government_office",) and reading.how == "written"
    assert (reading.category, reading.category_how) == ("functional", "role")
    assert ctx.counted == [0]


def test_a_written_category_wins_over_a_role_read_from_the_name() -> None:
    ctx = plan_of({"name": "党政办公室（人大办公室）", "category": "own_rules"})
    assert ctx.readings[0].category == "own_rules" and ctx.counted == []


def test_the_first_name_is_the_body_and_the_second_a_nameplate() -> None:
    ctx = plan_of({"name": "党政办公室（人大办公室）"}, {"name": "人大办公室（党政办公室）"})
    first, second = ctx.readings
    assert (first.roles, first.category, first.second_name) == (("party_government_office",), "functional", "人大办公室")
    assert second.category == "own_rules" and second.roles == ("other",)
    assert ctx.counted == [0]
    # the nameplate in brackets is carried like a written one: found by name, and its role carried
    assert ctx.nameplates_of(1) == ("党政办公室",) and "party_government_office" in ctx.roles_carried(1)
    assert ctx.body_named("样板镇人大办公室") == 0 and ctx.body_named("党政办公室") == 0
    assert [u.names_carried for u in ctx.units] == [("人大办公室",), ("党政办公室",)]


def test_a_bracketed_name_also_written_as_a_nameplate_is_carried_once() -> None:
    ctx = plan_of({"name": "党政办公室（人大办公室）", "nameplates": ["人大辦公室"]})
    assert ctx.nameplates_of(0) == ("人大辦公室",) and ctx.units[0].names_carried == ("人大辦公室",)


def test_the_command_centre_is_a_platform_whatever_it_is_named() -> None:
    pack = resolve("taizhou-three-integrations")
    plan = plan_of().plan
    for body in ({"name": "指挥调度中心"}, {"name": "综合治理指挥中心"}, {"name": "平安联动中心", "role": "command_center"},
                 {"name": "综合指挥调度中心", "role": "综合指挥调度中心"}):
        assert read_body(pack, plan, Body.model_validate(body)).category == "platform", body
    # a body whose written role is another wins over the word 指挥 in its name
    assert read_body(pack, plan, Body.model_validate({"name": "社会治理和指挥调度局", "role": "社会治理局"})).category == "functional"


def test_explain_roles_says_a_bracketed_name_is_a_nameplate(capsys: pytest.CaptureFixture[str]) -> None:
    path = CASES / "ST102/good/second-name-in-brackets.yaml"
    assert main(["check", "--no-cache", "--explain-roles", str(path)]) == 0
    out = capsys.readouterr().out
    assert ("党政办公室（人大办公室）  角色：党政办公室（名称即该角色的名称或别名）；类别：职能机构（默认）；计入职能机构数量；"
            "括号中的“人大办公室”读作加挂牌子") in out
    path = CASES / "ST102/good/written-role-beats-a-word-in-the-name.yaml"
    assert main(["check", "--no-cache", "--explain-roles", "--lang", "en", str(path)]) == 0
    out = capsys.readouterr().out
    assert ("人大办公室（党政办公室）  roles: Party and government office (written in the plan); category: functional body "
            "(what its role is); counted toward the limit; “党政办公室” in brackets read as a nameplate it carries") in out


def test_a_second_name_reads_as_a_written_nameplate() -> None:
    # the same plan with the second name written as a nameplate reads the same
    text = (CASES / "ST102/good/second-name-in-brackets.yaml").read_text(encoding="utf-8")
    plain = text.replace("- name: 党政办公室（人大办公室）\n", "- name: 党政办公室\n  nameplates: [人大办公室]\n")
    a = Plan.model_validate(yaml.safe_load(text))
    b = Plan.model_validate(yaml.safe_load(plain))
    pack = resolve(a.rule_pack)
    ca, cb = Context.of(a, pack), Context.of(b, pack)
    assert ca.counted == cb.counted and [ca.roles_carried(i) for i in ca.counted] == [cb.roles_carried(i) for i in cb.counted]


SQUAD = CASES / "ST605/bad/inspection-squad-under-social-affairs.yaml"


def test_which_units_enforce_is_the_packs_word(tmp_path: Path) -> None:
    """ST605 reads a squad's name by the pack's `recognition.enforcement_unit`, not by a word in
    code: a pack that says only 执法 does not hold 劳动保障监察中队 against the plan."""
    from staffing.run.engine import check_file
    from staffing.run.results import Settings

    found = check_file(str(SQUAD)).findings
    assert [f.code for f in found if f.code == "ST605"] == ["ST605"]
    pack = tmp_path / "only-zhifa.yaml"
    pack.write_text(yaml.safe_dump({
        "id": "only-zhifa", "title": {"zh": "只认执法", "en": "enforcement by 执法 only"},
        "extends": "taizhou-three-integrations",
        "recognition": {"enforcement_unit": {"zh": "执法单位", "en": "enforcement unit", "keywords": ["执法"]}},
    }, allow_unicode=True), encoding="utf-8")
    found = check_file(str(SQUAD), Settings(rules=str(pack))).findings
    assert not [f for f in found if f.code == "ST605"]


@pytest.mark.parametrize("name,category", [
    ("城管监察大队", "functional"), ("劳动保障监察中队", "functional"), ("勞動保障監察中隊", "functional"),
    ("纪检监察办公室", "own_rules"), ("监察办公室", "own_rules"), ("派驻监察专员办公室", "own_rules"),
    ("党群服务中心", "platform"), ("新时代文明实践中心", "platform"), ("新时代文明实践所", "platform"),
    ("党群工作部", "functional"), ("行政服务中心", "functional"),
])
def test_single_words_are_not_categories(name: str, category: str) -> None:
    assert plan_of({"name": name}).readings[0].category == category


@pytest.mark.parametrize("name,role", [
    ("城管监察大队", "comprehensive_enforcement"), ("劳动保障监察中队", "comprehensive_enforcement"),
    ("党群工作部", "party_building"), ("黨群工作部", "party_building"), ("行政服务中心", "approval_service"),
])
def test_roles_read_from_names(name: str, role: str) -> None:
    assert role in plan_of({"name": name}).roles_carried(0)


@pytest.mark.parametrize("name", ["党群服务中心", "党群服务站", "新时代文明实践中心"])
def test_service_venues_carry_no_party_building_role(name: str) -> None:
    assert "party_building" not in plan_of({"name": name}).roles_carried(0)


def test_explain_roles_says_whether_a_platform_counts(capsys: pytest.CaptureFixture[str]) -> None:
    for case, said in [
        ("ST101/good/command-centre-platform-not-counted.yaml", "综合指挥调度中心  角色：综合指挥调度中心（方案写明）；类别：平台（由其角色确定）；"
                                                                 "不计入：平台，没有自己的规格和正职"),
        ("ST101/bad/command-centre-with-rank-counted.yaml", "综合指挥调度中心  角色：综合指挥调度中心（方案写明）；类别：平台（由其角色确定）；"
                                                             "计入职能机构数量：平台，但有自己的规格或正职"),
    ]:
        main(["check", "--no-cache", "--explain-roles", str(CASES / case)])
        assert said in capsys.readouterr().out, case


def test_a_section_rank_is_not_a_body_rank() -> None:
    ctx = plan_of({"name": "党政办公室"}, {"name": "信访股", "parent": "党政办公室", "rank": "股级"},
                  {"name": "督查室", "parent": "党政办公室", "rank": "副科级"}, {"name": "法制室", "parent": "党政办公室", "rank": "相当于副科"})
    assert [ctx.has_own_rank(i) for i in range(4)] == [False, False, True, True]  # a rank the ladder does not know is asked about
    assert ctx.nested_with_rank == [2, 3]


def test_explain_roles_says_an_institution_among_the_bodies_is_one(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--no-cache", "--explain-roles", str(CASES / "ST401/bad/institution-beside-the-centre-among-the-bodies.yaml")])
    out = capsys.readouterr().out
    assert "示范镇综合服务中心  角色：其他机构（名称中未识别出角色）；类别：事业单位（方案写明）；不计入：综合服务中心（写在职能机构中）" in out
    assert "文化站  角色：其他机构（名称中未识别出角色）；类别：事业单位（名称中的关键词“文化站”）；不计入：事业单位（写在职能机构中）" in out
