"""`--help` of every command, and argparse's own words, in Chinese by default and in English
with --lang en (or the configuration's lang): every help text from the catalogue."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from staffing.cli.help import help_key, localize
from staffing.cli.main import build_parser, main
from staffing.messages import CATALOGUE, text

COMMANDS = sorted(next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)).choices)
ENGLISH_ARGPARSE = ("usage:", "options:", "positional arguments", "show this help message", "error:", "argument ")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _arguments() -> list[tuple[str | None, argparse.Action]]:
    parser = build_parser()
    found: list[tuple[str | None, argparse.Action]] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += [(name, a) for a in sub._actions]
        else:
            found.append((None, action))
    return found


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_argument_has_help_in_the_catalogue(lang: str) -> None:
    """A new option without a catalogue entry fails here (and `localize` refuses it)."""
    for command, action in _arguments():
        key = help_key(command, action.dest)
        assert key in CATALOGUE, f"{command} {action.dest}: no {key}"
    for command in COMMANDS:
        assert f"help.cmd.{command}" in CATALOGUE
    localize(build_parser(), lang)


def test_top_level_help_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--help")
    assert (code, err) == (0, "")
    assert out.startswith("用法：staffing [-h] [--version] 命令 ...\n\n")
    assert text("help.description", "zh") in out
    assert "\n位置参数：\n  命令\n    check     检查方案文件或文件夹\n" in out
    assert "\n选项：\n  -h, --help  显示本帮助并退出\n  --version   显示版本号并退出\n" in out
    for english in ENGLISH_ARGPARSE:
        assert english not in out, english


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_in_both_languages(capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, zh, err = run(capsys, command, "-h")
    assert (code, err) == (0, "")
    assert zh.startswith(f"用法：staffing {command} ")
    assert f"\n\n{text(f'help.cmd.{command}', 'zh')}\n\n" in zh
    assert "\n选项：\n  -h, --help" in zh and "显示本帮助并退出" in zh
    for english in ENGLISH_ARGPARSE:
        assert english not in zh, english
    code, en, err = run(capsys, command, "-h", "--lang", "en")
    assert (code, err) == (0, "")
    assert en.startswith(f"usage: staffing {command} ") and "\noptions:\n" in en
    assert text(f"help.cmd.{command}", "en") in " ".join(en.split())
    for name, action in _arguments():
        if name == command and action.help != argparse.SUPPRESS:
            zh_help, en_help = CATALOGUE[help_key(command, action.dest)]
            assert zh_help.split("（")[0].split("%")[0] in zh, action.dest
            assert en_help.split(" (")[0].split("%")[0] in en.replace("\n" + " " * 24, " "), action.dest


def test_configuration_language_is_the_help_language(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "staffing.toml").write_text('[check]\nlang = "en"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "check", "-h")
    assert code == 0 and out.startswith("usage: staffing check ")
    code, out, _ = run(capsys, "check", "-h", "--lang", "zh")  # the command line wins
    assert code == 0 and out.startswith("用法：staffing check ")
    code, out, _ = run(capsys, "explain", "ST101")  # explain reads the configuration's language too
    assert code == 0 and out.startswith("ST101 body-count\nrule 1;")


def test_argument_errors_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "chek")
    assert (code, out) == (2, "")
    assert err.endswith("staffing：错误：参数“命令”：无效的选择“chek”，是否要写“check”？可选：check、rules、explain、render、"
                        "report、schema、diff、init、hook、lsp、generate、template、convert\n")
    assert err.startswith("用法：staffing ")
    code, out, err = run(capsys)
    assert (code, out) == (2, "") and err.endswith("staffing：错误：缺少以下参数：命令\n")
    code, out, err = run(capsys, "check", "orgs", "--max-bytes", "0")
    assert (code, out) == (2, "") and err.endswith("staffing check：错误：参数“--max-bytes”：应为正整数，而不是“0”\n")
    code, out, err = run(capsys, "check", "orgs", "--output", "json")
    assert (code, out) == (2, "") and "参数“--output/-o”：--output 应写成“格式=文件”：json\n" in err
    code, out, err = run(capsys, "check", "orgs", "--no-such-option")
    assert (code, out) == (2, "") and err.endswith("staffing：错误：无法识别的参数：--no-such-option\n")
    code, out, err = run(capsys, "convert")
    assert (code, out) == (2, "") and err.endswith("staffing convert：错误：缺少以下参数：输入文件、-o/--output\n")
    for english in ENGLISH_ARGPARSE:
        assert english not in err, english


def test_placeholders_in_chinese_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "-h")
    assert code == 0
    assert "[--rules 规则包] [--packs 文件夹]" in out and "[--select 检查项]" in out and "路径 [路径 ...]" in out
    code, out, _ = run(capsys, "check", "-h", "--lang", "en")
    assert code == 0 and "[--rules PACK] [--packs DIR]" in out and "PATH [PATH ...]" in out


def test_argument_errors_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "orgs", "--format", "jsn", "--lang", "en")
    assert (code, out) == (2, "")
    assert err.startswith("usage: staffing check ")
    assert err.endswith("staffing check: error: argument --format: invalid choice “jsn”: did you mean “json”? "
                        "(choose from github, json, junit, sarif, text)\n")
    code, out, err = run(capsys, "check", "orgs", "--max-bytes=0", "--lang=en")
    assert (code, out) == (2, "") and err.endswith("argument --max-bytes: expected a positive whole number, got “0”\n")
