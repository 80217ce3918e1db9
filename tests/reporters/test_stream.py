"""Reports streamed (issue 17): each streaming reporter gives the document a file at a
time, and the pieces make exactly the whole-text reporter's document."""

from __future__ import annotations

import json
from pathlib import Path


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
