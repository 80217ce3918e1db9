"""No function of the tool runs over 80 lines without the reason written beside it
(a `# long: …` comment on the lines right above its `def`)."""

from __future__ import annotations

import ast

from conftest import ROOT

LIMIT = 80


def test_no_function_over_80_lines_without_a_reason() -> None:
    unexplained = []
    for path in sorted((ROOT / "src" / "staffing").rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for node in ast.walk(ast.parse("\n".join(lines))):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            length = node.end_lineno - node.lineno + 1  # type: ignore[operator]
            if length <= LIMIT:
                continue
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            above = []
            k = first - 2
            while k >= 0 and lines[k].lstrip().startswith("#"):
                above.insert(0, lines[k].strip())
                k -= 1
            if not (above and above[0].startswith("# long: ") and len(above[0]) > len("# long: ") + 10):
                unexplained.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({length} lines)")
    assert unexplained == []
