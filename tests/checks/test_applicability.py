"""ST8xx, which units a pack covers and from when (`staffing/checks/applicability.py`)."""

from __future__ import annotations

import pytest

from casebook import Case, bad_cases, case_id, check_bad_case, check_good_case, good_cases
from staffing.run.engine import check_file, check_source
from staffing.run.read import Source
from staffing.run.results import FileResult, Settings

from conftest import CASES


@pytest.mark.parametrize("case", bad_cases("applicability"), ids=case_id)
def test_bad_case_reports_its_code(case: Case) -> None:
    check_bad_case(case)


@pytest.mark.parametrize("case", good_cases("applicability"), ids=case_id)
def test_good_case_does_not_report_its_code(case: Case) -> None:
    check_good_case(case)


def _binding(result: FileResult) -> list[tuple[str, str, int, int, str]]:
    return [(f.code, f.severity.value, f.line, f.column, f.message.zh) for f in result.findings
            if f.severity.value != "info" and f.code != "ST802"]


@pytest.mark.parametrize(("case", "said"), [
    ("ST802/bad/another-city-growth-of-one.yaml", ["行政编制43名，超过改革前的42名，多1名"]),
    ("ST802/bad/another-city-growth-of-six.yaml",
     ["编制总数109名，超过改革前的104名，多5名", "行政编制48名，超过改革前的42名，多6名"]),
])
def test_a_pack_that_does_not_apply_grants_no_allowance(case: str, said: list[str]) -> None:
    """A Suzhou town under Taizhou's pack (ST802): Jiangsu's common rules bind it, with their own
    options, word for word as under that pack; Taizhou's quota moved down (编随事走) does not
    soften them, and what Taizhou alone asks stays information."""
    path = str(CASES / case)
    named = check_file(path)
    assert [f.code for f in named.findings if f.severity.value == "error"].count("ST802") == 1
    said_802 = next(f.message for f in named.findings if f.code == "ST802")
    assert said_802.zh.endswith("具约束力的结论按适用于本单位的规则包“江苏省乡镇（街道）共同规则”得出，"
                                "本规则包另外的结论仅供参考，不具约束力")
    assert "the binding findings are those of the pack “Jiangsu rules common to towns and streets”" in said_802.en
    common = check_file(path, Settings(rules="jiangsu-common"))
    assert _binding(named) == _binding(common)
    assert [f.message.zh for f in named.findings if f.code == "ST201"] == said
    assert {f.severity.value for f in named.findings if f.code == "ST201"} == {"error"}
    advisory = {f.code for f in named.findings if f.severity.value == "info"}
    assert {"ST303", "ST401", "ST701"} <= advisory  # Taizhou's own requirements


def test_the_allowance_stands_where_the_pack_applies() -> None:
    """The same plans written in Taizhou: the pack binds, the quota moved down counts."""
    good = check_file(str(CASES / "ST802/good/taizhou-town-quota-moved-down.yaml"))
    assert not [f for f in good.findings if f.code in ("ST201", "ST802")]
    assert {f.code for f in good.findings if f.severity.value == "error"} == {"ST303", "ST401", "ST701"}
    six = CASES / "ST802/bad/another-city-growth-of-six.yaml"
    data = six.read_text(encoding="utf-8").replace("city: 苏州市", "city: 泰州市").encode()
    taizhou = check_source(Source(str(six), data))
    assert [f.message.zh for f in taizhou.findings if f.code == "ST201"] == [
        "编制总数109名，超过改革前104名与可计入的下划编制1名之和，多4名",
        "行政编制48名，超过改革前42名与可计入的下划编制1名之和，多5名",
    ]
