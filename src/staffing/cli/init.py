"""`staffing init [DIR]`: set up a plans repository so the editor, pre-commit and CI work there,
not only in this one.

Writes (never over an existing file, each one said):

- `staffing.toml`: the repository's defaults for `staffing check`;
- `schema/plan.schema.json`: the JSON Schema where every plan's modeline points
  (`# yaml-language-server: $schema=../../../../schema/plan.schema.json` from
  `orgs/<province>/<city>/<county>/<town>.yaml`);
- `orgs/…`: one example plan in that layout (a generated town that passes, to replace);
- `staffing-waivers.yaml`: an empty waiver file;
- `.pre-commit-config.yaml`: the hook from the tool's own repository at a pinned commit,
  which installs the commit's lock with hashes and then the tool (or a local `language:
  python` hook installing a pinned wheel), so pre-commit installs the tool itself; it checks
  the plans being committed (`staffing hook`);
- `.github/workflows/staffing.yml` and `.gitlab-ci.yml`: one check run each, with SARIF for
  code scanning and a JUnit report, installing exactly the pinned source;
- `.gitignore`: reports and local environments.

Where CI and the hook install the tool from is `staffing.cli.pinned`'s business: `--install
SPEC`, or where the running tool came from; never a name from a package index (a version
pins no bytes).  Nothing is written through a symbolic link to a folder.
"""

from __future__ import annotations

import json
import shlex
from pathlib import Path

from staffing.cli.options import InitOptions
from staffing.cli.pinned import Pinned
from staffing.messages import render

GITHUB = """\
# staffing check: annotations on the changed lines, the verdict, and SARIF for code scanning,
# from one run.  Written by `staffing init`.  staffing is installed from a pinned source (the
# same as the pre-commit hook's); to upgrade, see "Pinning and upgrading" in staffing's docs/ci.md.
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
      - name: Install staffing (pinned)
        run: |
{install}
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
# staffing is installed from a pinned source (the same as the pre-commit hook's); to upgrade,
# see "Pinning and upgrading" in staffing's docs/ci.md.
staffing:
  image: python:3.12
  script:
    - |
{install}
    - staffing check orgs --output junit=staffing-junit.xml
  artifacts:
    when: always
    reports:
      junit: staffing-junit.xml
"""

# The hook fires when a plan, the waivers, the configuration, a pack or the schema is
# committed; `staffing hook` then checks the plans committed (and what their county roll-up
# needs), or every committed plan when a setting changed.  Untracked files are never read.
HOOK_FILES = r"^(orgs/.*\.(ya?ml|json|xlsx)|staffing-waivers\.ya?ml|staffing\.toml|packs/.*\.ya?ml|schema/plan\.schema\.json)$"
HOOK_ID = "staffing-check"

PRE_COMMIT_REMOTE = """\
# pre-commit (`pip install pre-commit && pre-commit install`): on its first run the hook installs
# staffing itself from this repository at this commit, as the CI jobs do: the commit's
# requirements.lock with every file's hash checked, then the tool, nothing resolved.  It needs
# Python 3.11 or later (python3) and nothing else.  Written by `staffing init`.
repos:
  - repo: {repo}
    rev: {rev}
    hooks:
      - id: {hook}
"""

PRE_COMMIT_LOCAL = """\
# pre-commit (`pip install pre-commit && pre-commit install`): the hook installs staffing itself
# from the wheel below, checked against its hash (the same the CI jobs install); pip resolves
# the wheel's dependencies from your configured index.  Written by `staffing init`.
repos:
  - repo: local
    hooks:
      - id: {hook}
        name: staffing check (三定方案)
        entry: staffing hook
        language: python
        additional_dependencies: {deps}
        files: '{files}'
        require_serial: true
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


def _yaml_string(text: str) -> str:
    """`text` as a YAML scalar that reads back as exactly `text` (a JSON string is a YAML
    double-quoted scalar), whatever it holds: `: `, ` #`, quotes."""
    return json.dumps(text)


def _block(lines: list[str], indent: int) -> str:
    """Lines of a YAML literal block (`|`), indented; a block holds any printable text as it is."""
    return "\n".join(" " * indent + line for line in lines)


def pre_commit_config(pinned: Pinned) -> str:
    if pinned.kind == "git":
        return PRE_COMMIT_REMOTE.format(repo=_yaml_string(pinned.url), rev=_yaml_string(pinned.rev), hook=HOOK_ID)
    return PRE_COMMIT_LOCAL.format(hook=HOOK_ID, deps="[" + _yaml_string(pinned.requirement()) + "]", files=HOOK_FILES)


def files(pinned: Pinned) -> list[tuple[str, str]]:
    """(relative path, text) of every file `init` writes, installing the tool from `pinned`."""
    from staffing.plan.schema import plan_schema

    lines = pinned.install_lines()
    rel, plan = example_plan()
    return [
        ("staffing.toml", CONFIG),
        ("schema/plan.schema.json", json.dumps(plan_schema(), ensure_ascii=False, indent=2) + "\n"),
        (rel, plan),
        ("staffing-waivers.yaml", WAIVERS),
        (".pre-commit-config.yaml", pre_commit_config(pinned)),
        (".github/workflows/staffing.yml", GITHUB.format(install=_block(lines, 10))),
        (".gitlab-ci.yml", GITLAB.format(install=_block(lines, 6))),
        (".gitignore", GITIGNORE),
    ]


def through_link(root: Path, rel: str) -> Path | None:
    """The first folder on the way from `root` to `root/rel` that is a symbolic link (a file
    written there would land wherever the link points), or None.  `root` itself is the
    folder the user named, link or not; the file itself, if it exists, is left alone anyway."""
    here = root
    for part in Path(rel).parts[:-1]:
        here = here / part
        if here.is_symlink():
            return here
        if not here.exists():
            return None
    return None


def next_steps(folder: str, pinned: Pinned, lang: str) -> str:
    """What to do after `init`, in order, each command on its own line (indented by seven
    spaces): install pre-commit, turn the hook on, add the files and check them all (the
    hook reads only what git tracks), the first commit."""
    steps: list[tuple[str, dict[str, object], list[str]]] = []
    if Path(folder).resolve() != Path.cwd().resolve():
        steps.append(("init.step-cd", {}, [f"cd {shlex.quote(folder)}"]))
    steps += [
        ("init.step-pre-commit", {}, ["pip install pre-commit"]),
        ("init.step-enable", {}, ["pre-commit install"]),
        ("init.step-first", {"source": pinned.shown()}, ["git add -A", "pre-commit run --all-files"]),
        ("init.step-commit", {}, [f'git commit -m "{render("init.first-commit", lang, {})}"']),
    ]
    out = [render("init.next", lang, {})]
    for n, (key, params, commands) in enumerate(steps, 1):
        out.append("  " + render(key, lang, {"n": n, **params}))
        out += ["       " + c for c in commands]
    out.append(render("init.ci-note", lang, {"files": (".github/workflows/staffing.yml", ".gitlab-ci.yml"),
                                             "doc": "docs/ci.md"}))
    return "\n".join(out) + "\n"


def run_init(options: InitOptions) -> int:
    """Set up a plans repository in options.folder: every file `files` lists, none
    overwritten, nothing written through a linked folder (then nothing at all); each file
    said on stderr, the next steps on stdout."""
    from staffing.cli.output import emit, say, write_file
    from staffing.cli.pinned import parse_install, running_tool
    from staffing.errors import Exit, problem, together
    from staffing.io.load import display_path

    pinned = parse_install(options.install) if options.install is not None else running_tool()
    root = Path(options.folder)
    planned = files(pinned)
    links = []
    for rel, _ in planned:
        link = through_link(root, rel)
        if link is not None:
            links.append(problem(display_path(str(link)), "init.through-link", link=display_path(str(link)),
                                 target=display_path(str(root / rel))))
    if links:
        raise together(links)
    for rel, text in planned:
        target = root / rel
        shown = display_path(str(target))
        if target.exists() or target.is_symlink():
            say("cli.exists", options.lang, file=shown)
            continue
        write_file(shown, text, options.lang)
    emit(next_steps(options.folder, pinned, options.lang))
    return Exit.CLEAN
