"""Every value the README promises in Chinese is read: 是/否 for a yes-or-no field, allowed values
and quota names in traditional script, and no English path inside a Chinese error message."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from staffing.cli.main import main
from staffing.run.engine import check_file

from conftest import CASES, SCHEMA

PLAN = CASES / "ST401/good/one-centre.yaml"
WRITTEN = [
    ("developed_town: false", "developed_town: 否"),
    ("staffed_24h: true", "staffed_24h: 是"),
    ("grid: {grids: 30, workers: 30}", "grid: {grids: 30, workers: 30, unified: 是}"),
    ("unit_type: town", "unit_type: 鎮"),
    ("management: local", "management: 屬地管理"),
    ("management: dispatched", "management: 繼續實行派駐"),
    ("  quotas: {administrative: 5}\n", "  quotas: {行政編制: 5}\n"),
    ("  duty_admission: true", "  duty_admission: 是"),
    ("level: county, type: administrative", "level: 縣級, type: 行政編制"),
]


def codes(path: Path) -> list[tuple[str, str, int, int]]:
    result = check_file(str(path))
    assert result.error is None, result.error.message("en")
    return sorted((f.code, f.severity.value, f.line, f.column) for f in result.findings)


def test_chinese_and_traditional_values_read_as_their_codes(tmp_path: Path) -> None:
    text = PLAN.read_text(encoding="utf-8")
    written = text
    for plain, chinese in WRITTEN:
        assert plain in written, plain
        written = written.replace(plain, chinese, 1)
    (tmp_path / "plain.yaml").write_text(text.replace("grid: {grids: 30, workers: 30}", "grid: {grids: 30, workers: 30, unified: true}"),
                                         encoding="utf-8")
    (tmp_path / "chinese.yaml").write_text(written, encoding="utf-8")
    assert codes(tmp_path / "chinese.yaml") == codes(tmp_path / "plain.yaml")
    # and an editor checking against the schema accepts what the checker accepts
    data = json.loads(json.dumps(yaml.safe_load(written), default=str))
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_a_section_declared_not_provided_in_traditional_script(tmp_path: Path) -> None:
    text = PLAN.read_text(encoding="utf-8")
    start, end = text.index("baseline:\n"), text.index("totals:\n")
    path = tmp_path / "plan.yaml"
    path.write_text(text[:start] + "not_provided: [改革前基數]\n" + text[end:], encoding="utf-8")
    found = check_file(str(path))
    assert found.error is None and any(f.code == "ST201" and f.severity.value == "unknown" for f in found.findings)


@pytest.mark.parametrize("edit,said", [
    (("developed_town: false", "developed_town: 也许"), "经济发达镇：应为“是”或“否”"),
    (("  quotas: {institutional_full: 10}\n  actual: 10\n", "  quotas: {institutional_full: 十}\n  actual: 10\n"),
     "综合服务中心的全额拨款事业编制（名）：应为整数"),
])
def test_a_chinese_error_message_names_fields_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          edit: tuple[str, str], said: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.read_text(encoding="utf-8").replace(*edit, 1), encoding="utf-8")
    assert main(["check", "--no-cache", str(path)]) == 2
    out = capsys.readouterr().out
    assert said in out
    message = next(line for line in out.splitlines() if said in line)
    assert not re.search(r"[a-z_]+\.[a-z_]+|true|false", message.split("无法使用：", 1)[1]), message
