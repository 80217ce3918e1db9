"""`staffing init [DIR]`: set up a plans repository so the editor, pre-commit and CI work there,
not only in this one.

Writes (never over an existing file, each one said):

- `staffing.toml`: the repository's defaults for `staffing check`;
- `schema/plan.schema.json`: the JSON Schema where every plan's modeline points
  (`# yaml-language-server: $schema=../../../../schema/plan.schema.json` from
  `orgs/<province>/<city>/<county>/<town>.yaml`);
- `orgs/…`: one example plan in that layout (a generated town that passes, to replace);
- `staffing-waivers.yaml`: an empty waiver file;
- `.pre-commit-config.yaml`: a local hook that checks the plans whenever a plan, the waivers,
  the configuration, a pack or the schema changes (no remote revision to pin);
- `.github/workflows/staffing.yml` and `.gitlab-ci.yml`: one check run each, with SARIF for
  code scanning and a JUnit report;
- `.gitignore`: reports and local environments.

How CI installs the tool is the one thing this repository cannot know: `--install SPEC` (a pip
requirement, e.g. `staffing @ git+https://example.org/group/staffing@<commit>`) goes into both
CI jobs; by default `staffing==<this version>`.
"""

from __future__ import annotations

import json
import shlex
from pathlib import Path

from staffing import __version__

GITHUB = """\
# staffing check: annotations on the changed lines, the verdict, and SARIF for code scanning,
# from one run.  Written by `staffing init`.
name: staffing
on: [push, pull_request]
permissions:
  contents: read
  security-events: write
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: pip install {install}
      - name: Annotations, verdict and SARIF
        run: staffing check orgs --output sarif=staffing.sarif
      - uses: github/codeql-action/upload-sarif@v3
        if: always()
        with:
          sarif_file: staffing.sarif
          category: staffing
"""

GITLAB = """\
# staffing check with a JUnit test report, from one run.  Written by `staffing init`.
staffing:
  image: python:3.12
  script:
    - pip install {install}
    - staffing check orgs --output junit=staffing-junit.xml
  artifacts:
    when: always
    reports:
      junit: staffing-junit.xml
"""

# The hook checks the whole plans folder (the cache makes unchanged plans free): a changed
# waiver file, configuration or pack changes the verdict of plans that did not change.
HOOK_FILES = r"^(orgs/.*\.(ya?ml|json|xlsx)|staffing-waivers\.ya?ml|staffing\.toml|packs/.*\.ya?ml|schema/plan\.schema\.json)$"
PRE_COMMIT = f"""\
# pre-commit: `pip install pre-commit && pre-commit install`; needs `staffing` installed.
# Written by `staffing init`.
repos:
  - repo: local
    hooks:
      - id: staffing-check
        name: staffing check (三定方案)
        entry: staffing check orgs
        language: system
        pass_filenames: false
        files: '{HOOK_FILES}'
"""

CONFIG = """\
# Defaults for `staffing check` in this repository (the command line wins).  Keys and
# meanings: `staffing check -h`; unknown keys are errors.
[check]
lang = "zh"
fail-on = "error"
waivers = "staffing-waivers.yaml"
# packs = ["packs"]        # folders of this repository's own rule packs, named by id in plans
# jobs = 2
# outputs = { junit = "reports/staffing-junit.xml" }
"""

WAIVERS = """\
# Approved exceptions (批复): check, town, optional body, reason, approval, approver, expires.
# See the staffing documentation (docs/ci.md, "Waivers").
waivers: []
"""

GITIGNORE = """\
reports/
staffing.sarif
staffing-junit.xml
.venv/
__pycache__/
"""


def example_plan() -> tuple[str, str]:
    """(relative path, text) of a generated plan that passes every check of its pack."""
    from staffing.plan.generate import corpus
    from staffing.run.pipeline import Source, check_one

    for rel, text in corpus(12, 16):
        if Path(rel).name.startswith("_"):
            continue
        result = check_one(Source(rel, text.encode("utf-8")))
        if result.error is None and not result.findings:
            note = "# 示例方案（由 staffing init 生成，数字为虚构）：请换成本地的方案。\n"
            return rel, note + text
    raise RuntimeError("no passing plan in the generated corpus")  # pragma: no cover


def files(install: str) -> list[tuple[str, str]]:
    from staffing.plan.schema import plan_schema

    spec = shlex.quote(install)
    rel, plan = example_plan()
    return [
        ("staffing.toml", CONFIG),
        ("schema/plan.schema.json", json.dumps(plan_schema(), ensure_ascii=False, indent=2) + "\n"),
        (rel, plan),
        ("staffing-waivers.yaml", WAIVERS),
        (".pre-commit-config.yaml", PRE_COMMIT),
        (".github/workflows/staffing.yml", GITHUB.format(install=spec)),
        (".gitlab-ci.yml", GITLAB.format(install=spec)),
        (".gitignore", GITIGNORE),
    ]


def default_install() -> str:
    return f"staffing=={__version__}"
