"""Roles come from the packs' vocabulary, not from the plan format: a pack adds a role by
naming it under `roles:` (with its Chinese label, aliases and keywords), a plan may then
write it by id or label, and a pack that does not know it refuses it with one message
listing the roles it knows."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from staffing.cli.main import main
from staffing.packs.load import resolve

from conftest import ROOT

XINQIAO = ROOT / "orgs" / "jiangsu" / "taizhou" / "jingjiang" / "xinqiao.yaml"
DATA_BUREAU = {"zh": "数据局", "en": "Data bureau", "aliases": ["大数据管理局"], "keywords": ["数据"]}


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "data-town.yaml").write_text(yaml.safe_dump({
        "id": "data-town", "title": {"zh": "设数据局的试点", "en": "data-bureau pilot"},
        "extends": "taizhou-three-integrations", "roles": {"data_bureau": DATA_BUREAU},
    }, allow_unicode=True), encoding="utf-8")
    return tmp_path


def plan_with(work: Path, name: str, role: str | None, pack: str) -> str:
    data = yaml.safe_load(XINQIAO.read_text(encoding="utf-8"))
    data["rule_pack"] = pack
    body = {"name": name, "quotas": {"institutional_full": 0}}
    if role is not None:
        body["role"] = role
    data["bodies"].append(body)
    path = work / f"plan-{pack}-{role or 'none'}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return str(path)


def test_a_child_pack_adds_a_role_to_its_parents(work: Path) -> None:
    pack = resolve("data-town", (str(work / "packs"),))
    assert "data_bureau" in pack.roles and "party_government_office" in pack.roles  # added, none lost
    assert pack.role_value("数据局") == "data_bureau" and pack.role_value("data_bureau") == "data_bureau"
    assert "data_bureau" not in resolve("taizhou-three-integrations").roles


@pytest.mark.parametrize("role", ["data_bureau", "数据局", None])
def test_a_plan_may_use_the_role_its_pack_adds(work: Path, role: str | None,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    plan = plan_with(work, "数据局", role, "data-town")
    code = main(["check", "--no-cache", "--packs", "packs", "--explain-roles", "--lang", "en", plan])
    out, err = capsys.readouterr()
    assert err == "" and "unknown role" not in out
    line = next(x for x in out.splitlines() if x.strip().startswith("数据局"))
    assert "Data bureau" in line  # read as the pack's new role, written or from the name
    # the same plan judged as the pack it extends judges it: the new body is one more body
    base = main(["check", "--no-cache", "--lang", "en", plan_with(work, "数据局", None, "taizhou-three-integrations")])
    capsys.readouterr()
    assert code == base


def test_a_pack_that_does_not_know_the_role_refuses_it(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = plan_with(work, "数据局", "data_bureau", "taizhou-three-integrations")
    code = main(["check", "--no-cache", plan])
    out, _ = capsys.readouterr()
    assert code == 2
    line = next(x for x in out.splitlines() if "data_bureau" in x)
    assert "未知的角色“data_bureau”" in line and "党政办公室、党建工作办公室" in line  # the roles it knows
