"""Waivers: approved exceptions, their expiry, unused waivers, malformed waiver files and
how waived findings appear in every output format."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from staffing.cli import main as cli
from staffing.cli.main import main
from staffing.errors import InputProblem
from staffing.run import waivers
from staffing.run.engine import check_file

from conftest import plan_repo

ROOT = Path(__file__).resolve().parents[2]
XINQIAO = ROOT / "orgs" / "jiangsu" / "taizhou" / "jingjiang" / "xinqiao.yaml"

WAIVER = """\
waivers:
  - check: ST303
    town: 新桥镇
    body: 新桥派出所
    reason: 试点期间口头征求意见
    approval: 泰编办复〔2020〕3号
    approver: 泰州市委编办
    expires: {expires}
"""


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.setenv("STAFFING_TODAY", "2025-06-01")
    src = XINQIAO.read_text(encoding="utf-8")
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "bad.yaml").write_text(
        src.replace("head_appointment_consultation: written", "head_appointment_consultation: oral"), encoding="utf-8")
    (tmp_path / "plans" / "good.yaml").write_text(src, encoding="utf-8")
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def write(work: Path, text: str, name: str = "w.yaml") -> str:
    (work / name).write_text(text, encoding="utf-8")
    return name


def test_live_waiver_passes_the_run(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "check", "plans/bad.yaml")[0] == 1
    w = write(work, WAIVER.format(expires="2026-12-31"))
    code, out, _ = run(capsys, "check", "plans/bad.yaml", "--waivers", w)
    assert code == 0
    assert "已豁免" in out and "泰编办复〔2020〕3号" in out and "w.yaml:2" in out


def test_expired_waiver_fails_and_says_so(work: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    w = write(work, WAIVER.format(expires="2026-12-31"))
    monkeypatch.setenv("STAFFING_TODAY", "2026-12-31")  # the last day still holds
    assert run(capsys, "check", "plans/bad.yaml", "--waivers", w)[0] == 0
    monkeypatch.setenv("STAFFING_TODAY", "2027-01-01")
    code, out, _ = run(capsys, "check", "plans/bad.yaml", "--waivers", w)
    assert code == 1
    assert "豁免泰编办复〔2020〕3号已于2026-12-31到期" in out
    code, out, _ = run(capsys, "check", "plans/bad.yaml", "--waivers", w, "--lang", "en")
    assert "waiver 泰编办复〔2020〕3号 expired on 2026-12-31" in out


def test_injectable_clock() -> None:
    (w,) = waivers.parse(_doc(WAIVER.format(expires="2026-12-31")))
    assert not w.expired(dt.date(2026, 12, 31)) and w.expired(dt.date(2027, 1, 1))


def _doc(text: str):  # type: ignore[no-untyped-def]
    from staffing.io.load import load_text

    return load_text("w.yaml", text)


def test_bad_today(work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    w = write(work, WAIVER.format(expires="2026-12-31"))
    monkeypatch.setenv("STAFFING_TODAY", "tomorrow")
    code, _, err = run(capsys, "check", "plans/bad.yaml", "--waivers", w)
    assert code == 2 and "STAFFING_TODAY" in err


def test_waiver_by_slug_and_code_and_body(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = WAIVER.format(expires="2026-12-31").replace("check: ST303", "check: dispatched-head-not-consulted")
    text = text.replace("town: 新桥镇", 'town: "321282104000"')
    w = write(work, text)
    assert run(capsys, "check", "plans/bad.yaml", "--waivers", w)[0] == 0
    # another body: does not cover the finding, and is reported unused
    w = write(work, WAIVER.format(expires="2026-12-31").replace("body: 新桥派出所", "body: 新桥司法所"))
    code, out, _ = run(capsys, "check", "plans/bad.yaml", "--waivers", w)
    assert code == 1 and "ST002" in out and "w.yaml:2:5" in out


def test_unused_waiver_warns(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    w = write(work, WAIVER.format(expires="2026-12-31"))
    code, out, _ = run(capsys, "check", "plans/good.yaml", "--waivers", w, "--lang", "en")
    assert code == 0
    assert "w.yaml:2:5" in out and "ST002 waiver-unused" in out and "waiver matches no finding" in out
    assert run(capsys, "check", "plans/good.yaml", "--waivers", w, "--fail-on", "warning")[0] == 1


def test_unused_waiver_for_an_unchecked_town(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    w = write(work, WAIVER.format(expires="2026-12-31").replace("town: 新桥镇", "town: 别的镇"))
    # a batch of files (pre-commit) does not judge waivers of other towns …
    code, out, _ = run(capsys, "check", "plans/good.yaml", "--waivers", w)
    assert code == 0 and "ST002" not in out
    # … a folder does
    code, out, _ = run(capsys, "check", "plans", "--waivers", w)
    assert "ST002" in out


def test_auto_discovery_and_no_waivers(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(work, WAIVER.format(expires="2026-12-31"), waivers.DEFAULT_NAME)
    assert run(capsys, "check", "plans/bad.yaml")[0] == 0
    assert run(capsys, "check", "plans/bad.yaml", "--no-waivers")[0] == 1


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("waivers: {}\n", "w.yaml:1:10", "waivers"),
        ("waiver: []\n", "w.yaml:1:1", "waiver"),
        (WAIVER.format(expires="2026-12-31").replace("    reason: 试点期间口头征求意见\n", ""), "w.yaml:2:5", "reason"),
        (WAIVER.format(expires="2026-12-31").replace("check: ST303", "check: ST999"), "w.yaml:2:12", "ST999"),
        (WAIVER.format(expires="31.12.2026"), "w.yaml:8:14", "31.12.2026"),
        (WAIVER.format(expires="2026-12-31") + "    note: x\n", "w.yaml:9:5", "note"),
        (WAIVER.format(expires="2026-12-31") + "  - check: ST303\n  - check: ST303\n    check: ST101\n", "w.yaml:11:5", "check"),
        ("waivers: [\n", "w.yaml:2:1", ""),
    ],
)
def test_bad_waiver_file(work: Path, capsys: pytest.CaptureFixture[str], text: str, where: str, words: str) -> None:
    w = write(work, text)
    code, out, err = run(capsys, "check", "plans/bad.yaml", "--waivers", w)
    assert code == 2
    assert out == ""
    assert f"staffing: {where}: " in err and words in err


def test_missing_waiver_file(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "plans/bad.yaml", "--waivers", "nope.yaml")
    assert code == 2 and "nope.yaml" in err


def test_waivers_in_every_format(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    w = write(work, WAIVER.format(expires="2026-12-31"))
    base = ("check", "plans/bad.yaml", "--waivers", w, "--format")
    code, out, _ = run(capsys, *base, "json")
    assert code == 0
    data = json.loads(out)
    finding = data["files"][0]["findings"][0]
    assert finding["code"] == "ST303" and "泰编办复〔2020〕3号" in finding["waived"]
    assert data["summary"]["waived"] == 1 and data["summary"]["errors"] == 0

    code, out, _ = run(capsys, *base, "sarif")
    result = json.loads(out)["runs"][0]["results"][0]
    assert result["suppressions"][0]["status"] == "accepted"
    assert "泰州市委编办" in result["suppressions"][0]["justification"]

    code, out, _ = run(capsys, *base, "junit")
    case = ET.fromstring(out.encode()).find(".//testcase[@name='ST303 dispatched-head-not-consulted']")
    assert case is not None and case.find("failure") is None
    assert "已豁免" in (case.findtext("system-out") or "")

    code, out, _ = run(capsys, *base, "github")
    line = next(x for x in out.splitlines() if "ST303" in x)
    assert line.startswith("::notice ") and "已豁免" in line


def test_apply_directly() -> None:
    result = check_file(str(XINQIAO))
    assert result.findings == []
    (w,) = waivers.parse(_doc(WAIVER.format(expires="2026-12-31")))
    unused = waivers.apply([result], [w], dt.date(2025, 1, 1))
    assert [f.code for f in unused] == ["ST002"]
    assert unused[0].file == "w.yaml" and unused[0].line == 2


def test_loader_is_safe(work: Path) -> None:
    w = write(work, "waivers: !!python/object:os.system []\n")
    with pytest.raises(InputProblem) as exc:
        waivers.load(w)
    assert exc.value.key == "input.tag"


# ---- the waiver file is never read through a link (issue 27) ----------------------------------

SECRET = "root:SECRET-LINE-FROM-ELSEWHERE:0:0"


def test_a_linked_waiver_file_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    repo = plan_repo(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_text(f"{SECRET}: x\n")
    (repo / "staffing-waivers.yaml").symlink_to(elsewhere)
    monkeypatch.chdir(repo)
    assert cli.main(["check", "plan.yaml", "--no-cache"]) == 2
    out, err = capsys.readouterr()
    assert err == "staffing: staffing-waivers.yaml: 豁免文件是符号链接，不予读取；请改为普通文件\n"
    assert "SECRET" not in out + err
