"""Reports streamed (issue 17): each streaming reporter gives the document a file at a
time, and the pieces make exactly the whole-text reporter's document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


def test_reports_are_written_a_file_at_a_time(tmp_path: Path) -> None:
    """Each streaming reporter gives one piece per file (and a few around them), and the
    pieces make exactly the document the whole-text reporter gives."""
    from staffing.errors import inert_json
    from staffing.plan.generate import write
    from staffing.reporters import REPORTERS, json_reporter, sarif, stream
    from staffing.run.batch import check_paths
    from staffing.run.results import Run, Settings

    write(str(tmp_path), 6, 2)
    plans = sorted(str(p) for p in tmp_path.rglob("*.yaml") if not p.name.startswith("_"))
    results, _ = check_paths(plans, Settings(), jobs=1, use_cache=False)
    run = Run(results)
    with_findings = sum(1 for r in results if r.findings)
    findings = sum(len(r.findings) for r in results)
    assert with_findings >= 1
    least = {"text": with_findings, "github": with_findings, "json": len(plans) + 1, "sarif": findings + 1}
    for fmt in ("text", "json", "sarif", "github"):
        pieces = list(stream(fmt, run, "en"))
        assert len(pieces) >= least[fmt], fmt  # not one string at the end
        assert "".join(pieces) == REPORTERS[fmt](run, "en"), fmt
    whole = json.dumps(json_reporter.as_data(run), ensure_ascii=False, indent=2, default=str)
    assert "".join(stream("json", run, "en")) == inert_json(whole) + "\n"
    whole = json.dumps(sarif.as_data(run, "en"), ensure_ascii=False, indent=2, default=str)
    assert "".join(stream("sarif", run, "en")) == inert_json(whole) + "\n"
    assert json.loads("".join(stream("sarif", run, "en")))["runs"][0]["results"] == sarif.as_data(run, "en")["runs"][0]["results"]


_SCALARS = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True)
            | st.text() | st.sampled_from(["中文，全角：", "\x00\x1f\x7f\u2028", '"\\\\/', ""]))
_KEYS = st.text() | st.integers() | st.floats() | st.booleans() | st.none()
_VALUES = st.recursive(
    _SCALARS | st.builds(lambda d: __import__("datetime").date(2026, 1, d), st.integers(1, 28)),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner) | st.dictionaries(_KEYS, inner, max_size=4),
    max_leaves=30)


@settings(max_examples=400, deadline=None)
@given(_VALUES)
def test_the_indented_encoder_writes_what_json_dumps_writes(value: object) -> None:
    """The reports' encoder is json.dumps(…, ensure_ascii=False, indent=2, default=str) to
    the character: keys of every kind, floats (nan, infinities), escapes, empty lists and
    mappings, tuples as lists, anything else through str."""
    from staffing.reporters.jsonstream import dumps_indented

    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2, default=str)


def test_the_indented_encoder_refuses_what_json_dumps_refuses() -> None:
    from staffing.reporters.jsonstream import dumps_indented

    loop: list[object] = []
    loop.append(loop)
    for bad, error in (({(1, 2): 3}, TypeError), (loop, ValueError)):
        with pytest.raises(error):
            json.dumps(bad, ensure_ascii=False, indent=2, default=str)
        with pytest.raises(error):
            dumps_indented(bad)
