"""The command line parses into one typed, frozen options object per command, and
`run(options)` returns the exit code: the two halves are tested apart and together."""

from __future__ import annotations

from pathlib import Path

import pytest

from staffing.cli import options as o
from staffing.cli.main import main, parse, run
from staffing.errors import InputProblem
from staffing.run.results import Settings

XINQIAO = "orgs/jiangsu/taizhou/jingjiang/xinqiao.yaml"
ZHANGPU = "orgs/jiangsu/suzhou/kunshan/zhangpu.yaml"


@pytest.fixture(autouse=True)
def _root(in_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def test_check_parses_into_frozen_typed_options() -> None:
    options = parse(["check", "--fail-on", "warning", "--select", "ST101,staffing-grows", "--no-cache",
                     "-o", "json=r.json", "--paper", "A3", XINQIAO])
    assert isinstance(options, o.CheckOptions)
    assert options.paths == (XINQIAO,)
    assert options.strict is True  # --fail-on warning is the same as --strict
    assert options.settings.select == frozenset({"ST101", "ST201"})  # slugs become codes
    assert options.format == "text" and options.outputs == (("json", "r.json"),)
    assert options.use_cache is False and options.paper == o.Paper("A3", "landscape")
    with pytest.raises(AttributeError):  # options are immutable
        options.lang = "en"  # type: ignore[misc]


def test_github_actions_chooses_the_console_format(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    options = parse(["check", XINQIAO])
    assert isinstance(options, o.CheckOptions) and options.format == "github"
    options = parse(["check", "--format", "json", XINQIAO])
    assert isinstance(options, o.CheckOptions) and options.format == "json"


def test_argument_errors_are_raised_while_parsing(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(InputProblem) as exc:
        parse(["check", "--select", "ST999", XINQIAO])
    assert exc.value.key.startswith("cli.unknown-check")  # with a "did you mean" when one is close
    with pytest.raises(InputProblem):
        parse(["diff", XINQIAO])  # diff takes OLD NEW, or --base REV NEW
    with pytest.raises(InputProblem):
        parse(["render", XINQIAO, XINQIAO, "-o", "x.svg"])  # two plans need --compare
    # through main: exit 2, one message, nothing on stdout
    assert main(["check", "--select", "ST999", XINQIAO]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "ST999" in err and err.count("\n") == 1


def test_every_command_has_its_options_and_a_runner() -> None:
    from staffing.cli.main import COMMANDS

    kinds = {type(parse(argv)) for argv in (
        ["check", XINQIAO], ["rules"], ["explain", "ST101"], ["schema"], ["render", XINQIAO, "-o", "x.svg"],
        ["report", XINQIAO, "-o", "r.html"], ["diff", XINQIAO, XINQIAO], ["init"], ["hook"], ["lsp"], ["generate", "d"],
        ["template", "-o", "t.xlsx"], ["convert", XINQIAO, "-o", "x.json"], ["serve"],
    )}
    assert kinds == set(COMMANDS) and len(kinds) == 14


def test_run_returns_the_exit_code_and_prints_the_report(capsys: pytest.CaptureFixture[str]) -> None:
    clean = parse(["check", "--no-cache", XINQIAO])
    assert run(clean) == 0
    assert "通过1个，不通过0个" in capsys.readouterr().out
    assert isinstance(clean, o.CheckOptions)
    failing = clean._replace(paths=(ZHANGPU,), lang="en")
    assert run(failing) == 1
    out = capsys.readouterr().out
    assert "ST201" in out and "1 failed" in out


def test_run_built_by_hand_needs_no_argparse(capsys: pytest.CaptureFixture[str]) -> None:
    """A caller (a test, an editor plugin) can build the options without a command line."""
    options = o.CheckOptions(
        paths=(ZHANGPU,), settings=Settings(select=frozenset({"ST201"})), format="json", outputs=(), lang="zh",
        strict=False, allow_incomplete=False, explain_roles=False, waivers=o.Waivers(off=True), jobs=1,
        use_cache=False, cache_dir=None, charts=None, paper=o.Paper(),
    )
    assert run(options) == 1
    import json

    data = json.loads(capsys.readouterr().out)
    assert {f["code"] for r in data["files"] for f in r["findings"]} == {"ST201"}


def test_diff_options_and_run(capsys: pytest.CaptureFixture[str]) -> None:
    options = parse(["diff", "--format", "json", XINQIAO, XINQIAO])
    assert options == o.DiffOptions(old=XINQIAO, new=XINQIAO, base=None, format="json", lang="zh",
                                    limits=options.limits, force=False)  # type: ignore[union-attr]
    assert run(options) == 0
    assert '"ok": true' in capsys.readouterr().out


def test_staffing_toml_defaults_fold_into_the_options(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = Path.cwd()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "staffing.toml").write_text('[check]\nignore = ["ST201"]\nfail-on = "warning"\nlang = "en"\n',
                                           encoding="utf-8")
    from staffing.run.config import resolve_config

    options = parse(["check", str(root / XINQIAO)], resolve_config(None, False))
    assert isinstance(options, o.CheckOptions)
    assert options.settings.ignore == frozenset({"ST201"}) and options.strict and options.lang == "en"
    assert options.waivers.folder == str(tmp_path)  # the default waiver file sits beside staffing.toml
