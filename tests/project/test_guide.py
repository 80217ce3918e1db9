"""The Chinese user guide (docs/guide.zh.md): its part on the checks is made from the registry
and the catalogue and kept equal here, its example output is what the tool prints, the README
links it, and its prose reads as the catalogue's Chinese does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from staffing.checks import CHECKS
from staffing.cli.main import main
from staffing.reporters.checks_guide import BEGIN, END, checks_guide, replace_part
from test_messages import ascii_problems, spacing_problems, unit_problems

from conftest import ROOT

GUIDE = ROOT / "docs" / "guide.zh.md"


def test_checks_part_equals_the_registry() -> None:
    """Regenerate with `python -m staffing.reporters.checks_guide docs/guide.zh.md`."""
    text = GUIDE.read_text(encoding="utf-8")
    assert replace_part(text) == text, "the guide's part on the checks differs from the registry"
    part = text.split(BEGIN)[1].split(END)[0]
    for check in CHECKS:
        assert f"\n#### {check.code} " in part, check.code
        what, why, _, fix = check.sections("zh")
        assert what in part and why in part and fix in part


def test_generator_fails_without_markers() -> None:
    with pytest.raises(ValueError):
        replace_part("# 指南\n没有标记\n")
    assert checks_guide().startswith("| 代码 | 名称 | 默认严重程度 | 英文标识 |\n")


def test_example_output_is_what_the_tool_prints(in_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = GUIDE.read_text(encoding="utf-8")
    block = re.search(r"```console\n\$ staffing (check [^\n]+)\n(.*?)```", text, re.S)
    assert block is not None
    code = main([*block.group(1).split(), "--no-cache"])
    out, err = capsys.readouterr()
    assert (code, err) == (1, "")
    assert out == block.group(2)


def test_pack_table_names_every_shipped_pack_by_its_title() -> None:
    from staffing.packs.load import available, resolve

    text = GUIDE.read_text(encoding="utf-8")
    for pack_id in available(()):
        pack = resolve(pack_id, ())
        assert f"| `{pack_id}` | {pack.title['zh']} |" in text, pack_id


def test_readme_links_the_guide() -> None:
    assert "(docs/guide.zh.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


def _prose() -> list[tuple[int, str]]:
    """Lines of Chinese prose: outside code blocks and HTML comments, with `code spans`
    (commands, keys and values to type) left out."""
    out = []
    in_code = False
    for n, line in enumerate(GUIDE.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("```"):
            in_code = not in_code
            continue
        if in_code or line.startswith("<!--") or not re.search("[\u3400-\u9fff]", line):
            continue
        bare = re.sub(r"`[^`]+`", "", line)
        bare = re.sub(r"\[([^]]+)\]\([^)]+\)", r"\1", bare)  # a link: its words, not its target
        bare = re.sub(r"^#+ (ST\d{3} )?|\*\*|\*", "", bare)  # a heading's marks and a check's code before its title
        cells = bare.strip("| ").split(" | ") if bare.startswith("|") else [bare]  # a table row: each cell alone
        out += [(n, cell) for cell in cells if not re.fullmatch(r"ST\d{3}|[0-9]+", cell.strip())]
    return out


@pytest.mark.parametrize(("line", "prose"), _prose(), ids=[str(n) for n, _ in _prose()])
def test_guide_reads_as_chinese(line: int, prose: str) -> None:
    assert ascii_problems(prose) + spacing_problems(prose) + unit_problems(prose) == []
