"""What a check of one plan (a pre-commit hook's run) loads before it can answer: its
start-up is most of its time, so none of what it never uses may creep back in."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import ROOT

PLAN = "orgs/jiangsu/suzhou/kunshan/zhangpu.yaml"

# Run in a fresh interpreter: the test process has imported everything already.
_PROBE = r"""
import contextlib, importlib.metadata, io, json, sys

groups = []
entry_points = importlib.metadata.entry_points

def recording(**params):
    groups.append(params.get("group"))
    return entry_points(**params)

importlib.metadata.entry_points = recording

from staffing.cli.main import main

with contextlib.redirect_stdout(io.StringIO()):
    code = main(["check", "--no-cache", sys.argv[1]])

import pydantic, pydantic.main

def models(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from models(sub)

found = {f"{m.__module__}.{m.__qualname__}": bool(m.__pydantic_complete__) for m in models(pydantic.BaseModel)
         if m.__module__.startswith("staffing.")}
print(json.dumps({"code": code, "groups": groups, "defer": hasattr(pydantic.main, "_rebuild_lock"), "models": found,
                  "modules": sorted(sys.modules)}))
"""

# Loaded only by the commands, outputs and reports that need them.
_NOT_LOADED = (
    "openpyxl", "networkx", "jsonschema", "jinja2", "weasyprint", "starlette", "uvicorn", "pygls",
    "markdown_it", "sqlite3", "multiprocessing", "difflib",
    "staffing.io.workbook", "staffing.io.layout", "staffing.charts.render", "staffing.report", "staffing.serve", "staffing.lsp",
    "staffing.reporters.json_reporter", "staffing.reporters.sarif", "staffing.reporters.junit",
)


def _probe(plan: str = PLAN) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    proc = subprocess.run([sys.executable, "-c", _PROBE, plan], cwd=ROOT, capture_output=True, text=True,
                          env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_one_plan_loads_only_what_it_uses() -> None:
    seen = _probe()
    assert seen["code"] == 1  # the plan has errors: the check really ran
    # pydantic's search of every installed package's metadata for plugins is not made
    assert "pydantic" not in seen["groups"]
    loaded = set(seen["modules"])
    assert not [m for m in _NOT_LOADED if m in loaded]
    # a model's validator is built on first use (where pydantic builds it under its lock,
    # `plan.model.DEFER_BUILD`): the plan's are, the county file's and the options of checks
    # the pack leaves unset are not
    built = seen["models"]
    assert built["staffing.plan.model.Plan"] is True
    if seen["defer"]:
        assert built["staffing.checks.county.CountyFile"] is False
        assert sum(built.values()) < len(built) / 2, built


def test_a_plan_the_fast_reader_takes_is_checked_without_pyyaml(tmp_path) -> None:
    """A plan yaml-rs reads soundly, against shipped packs only, never loads the reference
    YAML reader (PyYAML: about 15 ms of a one-plan check, and the packs' second parse).
    (Zhangpu's plan above holds folded text, which the reference reader reads.)"""
    from staffing.plan.generate import write

    write(str(tmp_path), 3, 1)
    plan = sorted(p for p in tmp_path.rglob("*.yaml") if not p.name.startswith("_"))[0]
    seen = _probe(str(plan))
    assert seen["code"] in (0, 1)
    loaded = set(seen["modules"])
    assert "staffing.plan.model" in loaded and "yaml_rs" in loaded  # the check really ran, fast
    assert "yaml" not in loaded and "staffing.io.nodes" not in loaded


_WITHOUT_METADATA = r"""
import contextlib, io, json, sys
from staffing.cli.main import main

with contextlib.redirect_stdout(io.StringIO()):
    code = main(["check", "--no-cache", sys.argv[1]])
print(json.dumps({"code": code, "metadata": "importlib.metadata" in sys.modules, "email": "email.parser" in sys.modules}))
"""


def test_a_check_does_not_read_package_metadata_for_plugins_it_will_not_load() -> None:
    """pydantic's plugin loader imports importlib.metadata (and email's parser) only to find no
    plugins when they are off: the check stands in for it, so neither is imported."""
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    proc = subprocess.run([sys.executable, "-c", _WITHOUT_METADATA, PLAN], cwd=ROOT, capture_output=True, text=True,
                          env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"code": 1, "metadata": False, "email": False}


def test_the_stand_in_answers_as_pydantics_loader_does_with_plugins_off(monkeypatch) -> None:
    """What pydantic imports from its loader, the stand-in has; and pydantic's own loader,
    plugins off, answers what the stand-in answers: no plugin."""
    import importlib.util
    import pathlib
    import re

    import pydantic

    from staffing.cli.main import PLUGINS_OFF

    imported = set()
    for source in pathlib.Path(pydantic.__file__).parent.rglob("*.py"):
        for names in re.findall(r"from \.+(?:plugin\.)?_loader import ([\w, ]+)", source.read_text(encoding="utf-8")):
            imported |= {n.strip() for n in names.split(",")}
    assert imported == {"get_plugins"}
    # pydantic's own loader, read from its file (this process may hold the stand-in by that name)
    spec = importlib.util.spec_from_file_location("real_loader", pathlib.Path(pydantic.__file__).parent / "plugin" / "_loader.py")
    assert spec is not None and spec.loader is not None
    loader = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loader)
    for off in PLUGINS_OFF:
        monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", off)
        assert tuple(loader.get_plugins()) == ()
