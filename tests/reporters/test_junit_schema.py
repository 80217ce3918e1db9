"""JUnit output is valid against Jenkins' junit-10.xsd (the schema GitLab and Jenkins
readers follow), for every kind of result: passing, failing, skipped, unusable, waived,
run-level findings, and names with characters XML cannot hold."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from staffing.cli.main import main

from conftest import ROOT, SHARED

JUNIT_XSD = SHARED / "schemas" / "junit-10.xsd"
pytestmark = pytest.mark.skipif(not JUNIT_XSD.is_file(), reason=f"{JUNIT_XSD} is not beside the checkout")

XINQIAO = ROOT / "orgs/jiangsu/taizhou/jingjiang/xinqiao.yaml"
WAIVERS = """waivers:
  - check: ST303
    town: 新桥镇
    reason: 试点期间口头征求意见
    approval: 泰编办复〔2020〕3号
    approver: 泰州市委编办
    expires: 2099-12-31
  - check: ST101
    town: 新桥镇
    reason: 不会用到
    approval: 泰编办复〔2020〕4号
    approver: 泰州市委编办
    expires: 2099-12-31
"""


@pytest.fixture(scope="module")
def schema():
    xmlschema = pytest.importorskip("xmlschema")
    return xmlschema.XMLSchema10(str(JUNIT_XSD))


def junit(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    main(["check", "--format", "junit", *argv])
    return capsys.readouterr().out


def assert_valid(schema, text: str) -> None:
    errors = [f"{e.path}: {e.reason}" for e in schema.iter_errors(text)]
    assert errors == [], "\n".join(errors[:20])


def test_the_examples_validate(schema, capsys, in_root: Path) -> None:
    text = junit(capsys, "orgs")
    assert "<failure" in text and "<skipped" in text
    assert_valid(schema, text)


def test_every_kind_of_result_validates(schema, capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    plans = tmp_path / "plans"
    plans.mkdir()
    src = XINQIAO.read_text(encoding="utf-8")
    shutil.copy(XINQIAO, plans / "good.yaml")
    (plans / "bad.yaml").write_text(src.replace("head_appointment_consultation: written",
                                                "head_appointment_consultation: oral", 1), encoding="utf-8")
    (plans / "broken.yaml").write_text("town: [\n", encoding="utf-8")
    (plans / "odd\x1bname.yaml").write_text(src.replace("新桥镇", "新桥\x07镇\u202e", 1), encoding="utf-8")
    (tmp_path / "w.yaml").write_text(WAIVERS, encoding="utf-8")
    text = junit(capsys, "plans", "--waivers", "w.yaml", "--select", "ST303,ST101,ST906")
    assert "<error" in text and "已豁免" in text and "ST002" in text
    assert_valid(schema, text)
    text = junit(capsys, "plans", "--fail-on", "warning", "--lang", "en", "--no-waivers")
    assert_valid(schema, text)


def test_the_old_attributes_are_gone(capsys, in_root: Path) -> None:
    """What the schema refused before: file and line on a testcase, skipped on testsuites."""
    import xml.etree.ElementTree as ET

    root = ET.fromstring(junit(capsys, "orgs").encode("utf-8"))
    assert "skipped" not in root.attrib
    assert all("file" not in c.attrib and "line" not in c.attrib for c in root.iter("testcase"))
    assert {s.get("file") for s in root.iter("testsuite")} >= {"orgs/jiangsu/suzhou/kunshan/zhangpu.yaml"}
