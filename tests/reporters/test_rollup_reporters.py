"""The roll-up after a run over many plans is the reporters' to write: the text report ends
with it, the JSON document carries it under "rollup", and the other formats leave it out."""

from __future__ import annotations

import json

import pytest

from staffing.reporters import stream, whole
from staffing.reporters.progress import Progress
from staffing.run.batch import rollup
from staffing.run.engine import check_file
from staffing.run.results import Run

from conftest import ROOT

PLANS = [str(ROOT / "orgs/jiangsu/taizhou/jingjiang/xinqiao.yaml"), str(ROOT / "orgs/jiangsu/suzhou/kunshan/zhangpu.yaml")]


@pytest.fixture(scope="module")
def run() -> Run:
    r = Run([check_file(p) for p in PLANS])
    r.rollup = rollup(r.results, r.status)
    return r


def test_text_ends_with_the_rollup(run: Run) -> None:
    text = whole("text", run, "zh")
    assert isinstance(text, str)
    tail = text[text.index("== 汇总 =="):]
    assert tail.startswith("== 汇总 ==\n方案2个：通过1个，不通过1个")
    assert "  ST201 编制总量增长：1条" in tail and "  江苏省：2个方案，不通过1个" in tail
    english = whole("text", run, "en")
    assert isinstance(english, str) and "== Summary ==\n2 plans: 1 passed, 1 failed" in english


def test_json_carries_it_and_other_formats_do_not(run: Run) -> None:
    data = json.loads("".join(str(p) for p in stream("json", run, "zh")))
    assert data["rollup"]["plans"] == 2 and data["rollup"]["failed"] == 1
    assert list(data)[-1] == "rollup"  # added last, after every file
    for fmt in ("sarif", "junit", "github"):
        out = whole(fmt, run, "zh")
        assert isinstance(out, str) and "== 汇总 ==" not in out and '"rollup"' not in out


def test_a_single_plan_has_no_rollup() -> None:
    one = Run([check_file(PLANS[0])])
    assert "== 汇总 ==" not in str(whole("text", one, "zh"))
    assert "rollup" not in json.loads(str(whole("json", one, "zh")))


def test_progress_bar_draws_only_when_enabled(capsys: pytest.CaptureFixture[str]) -> None:
    bar = Progress(10, enabled=True)
    bar.update(10)
    bar.close()
    err = capsys.readouterr().err
    assert "[##############################] 10/10" in err and err.endswith("\r")
    quiet = Progress(10, enabled=False)
    quiet.update(10)
    quiet.close()
    assert capsys.readouterr().err == ""
