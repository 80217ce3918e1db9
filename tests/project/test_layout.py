"""The code flows one way and has no import cycle.

Every `import` and `from … import` in src/staffing counts: at module level, inside
functions (the lazy imports) and under `if TYPE_CHECKING:`.  `from staffing.x import y`
is an edge to the module `staffing.x.y` when that is a module, else to `staffing.x`.
Importing a module also runs its package's `__init__`; that implicit step is not an edge
(the registry in `staffing/checks/__init__.py` imports every check module, and each check
module imports `staffing.checks.base` beside it: no module waits for another that waits
for it).
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

from conftest import ROOT

SRC = ROOT / "src"
PACKAGE = SRC / "staffing"

# The flow, earliest first: a module may import from its own layer or an earlier one.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("staffing.words",),  # the catalogue's words by area: plain data
    ("staffing", "staffing.errors", "staffing.messages"),
    ("staffing.io",),
    ("staffing.plan",),
    ("staffing.findings",),  # what checks say, and where (a workbook cell's sheet order from io)
    ("staffing.checks",),  # the registry of checks, and what a pack is as they read it (checks.pack)
    ("staffing.packs",),  # loading a pack validates it against the registry of checks
    ("staffing.run",),
    ("staffing.reporters", "staffing.charts"),
    ("staffing.report",),  # the review report: built from results, charts and reporters' verdicts
    ("staffing.serve",),  # the page (staffing serve): results, the report and charts in a browser
    ("staffing.cli", "staffing.lsp", "staffing.__main__"),  # the language server reads the command line's settings
)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str, path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            targets = [f"{module}.{a.name}" if f"{module}.{a.name}" in MODULES else module for a in node.names]
        else:
            continue
        for target in targets:
            while target and target not in MODULES and "." in target:
                target = target.rsplit(".", 1)[0]
            if target in MODULES and target != name:
                out.add(target)
    return out


def graph() -> nx.DiGraph:
    g = nx.DiGraph()
    for name, path in MODULES.items():
        g.add_node(name)
        for target in imports_of(name, path):
            g.add_edge(name, target)
    return g


def layer(name: str) -> int:
    best, rank = -1, -1
    for i, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (name == prefix or name.startswith(prefix + ".")) and len(prefix) > best:
                best, rank = len(prefix), i
    assert rank >= 0, f"{name} is in no layer of the flow"
    return rank


def test_the_import_graph_is_read() -> None:
    g = graph()
    assert g.has_edge("staffing.run.engine", "staffing.checks")
    assert g.has_edge("staffing.run.pipeline", "staffing.run.batch")  # an import inside a function
    assert len(g) > 30


def test_every_import_of_the_package_exists() -> None:
    """An import of a module that is gone (a lazy one inside a function, say) fails here,
    not as an internal error in a user's run."""
    missing = []
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and not node.level and (node.module or "").startswith("staffing"):
                if node.module not in MODULES:
                    missing.append(f"{name}: {node.module}")
            elif isinstance(node, ast.Import):
                missing += [f"{name}: {a.name}" for a in node.names if a.name.startswith("staffing") and a.name not in MODULES]
    assert missing == []


def test_no_import_cycle() -> None:
    cycles = sorted(sorted(c) for c in nx.simple_cycles(graph()))
    assert cycles == [], "import cycles:\n" + "\n".join(" → ".join(c) for c in cycles)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_imports_flow_one_way(name: str) -> None:
    mine = layer(name)
    backwards = sorted(t for t in imports_of(name, MODULES[name]) if layer(t) > mine)
    assert backwards == [], f"{name} imports from later in the flow: {backwards}"


# The steps of a run, which only the pipeline wires together.
PIPELINE_STEPS = ("staffing.run.engine", "staffing.run.batch", "staffing.run.county", "staffing.run.waivers")


def test_commands_go_through_the_one_pipeline() -> None:
    """The command line, the charts, the report (and anything else that reads results)
    check plans only through `staffing.run.pipeline`: none wires the steps itself."""
    wired = {name: sorted(t for t in imports_of(name, path) if t in PIPELINE_STEPS)
             for name, path in MODULES.items()
             if not name.startswith(("staffing.run", "staffing.checks", "staffing.packs"))}
    assert {name: steps for name, steps in wired.items() if steps} == {}


def test_checks_import_no_other_check() -> None:
    """A check module reads the model, the context and the base; never another check."""
    shared = {"staffing.checks", "staffing.checks.base", "staffing.checks.context", "staffing.checks.growth",
              "staffing.checks.pack"}
    for name, path in MODULES.items():
        if not name.startswith("staffing.checks.") or name in shared:
            continue
        others = sorted(t for t in imports_of(name, path) if t.startswith("staffing.checks") and t not in shared)
        assert others == [], f"{name} imports another check module: {others}"


PRINTS_ONLY_IN = ("staffing.reporters", "staffing.charts", "staffing.report", "staffing.cli")


@pytest.mark.parametrize("name", sorted(n for n in MODULES if not n.startswith(PRINTS_ONLY_IN)))
def test_only_reporters_and_the_command_line_print(name: str) -> None:
    """Reading, checking and running return data; what the user sees (reports, the roll-up,
    the progress bar, diff's text) is made in reporters/, charts/ and cli/."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
            found.append(f"print() at line {node.lineno}")
        if isinstance(node, ast.Attribute) and node.attr in ("stdout", "stderr") \
                and isinstance(node.value, ast.Name) and node.value.id == "sys":
            found.append(f"sys.{node.attr} at line {node.lineno}")
    assert found == []


def test_tests_are_laid_out_like_the_source() -> None:
    """A test lives in the folder of what it tests (tests/io/, tests/checks/, …), never at the
    top of tests/ where a newcomer would not look for it."""
    top = sorted(p.name for p in (ROOT / "tests").glob("*.py") if p.name != "conftest.py")
    assert top == []
    folders = {p.name for p in (ROOT / "tests").iterdir() if p.is_dir() and not p.name.startswith((".", "_"))}
    mirrored = {p.name for p in PACKAGE.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))}
    assert folders - mirrored <= {"project"}, folders - mirrored
