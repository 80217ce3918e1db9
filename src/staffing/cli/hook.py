"""`staffing hook FILE...`: what the pre-commit hook runs.  pre-commit passes the files being
committed; this checks the plans among them, plus what a county roll-up needs beside them
(a folder's other committed plans when the folder has a committed `_county.yaml`), or every
committed plan when a setting changed (the waivers, staffing.toml, a pack, the schema: they
change the verdict of plans that did not change).  Only files git tracks are read: a
failing plan that was never added cannot block a commit of another one."""

from __future__ import annotations

import os
import posixpath
import subprocess

from staffing.checks.county import COUNTY_FILE
from staffing.cli.discover import PLAN_SUFFIXES
from staffing.cli.options import HookOptions
from staffing.errors import problem


def tracked() -> set[str]:
    """The files git tracks in the index, relative to the working folder (as pre-commit
    passes them), with forward slashes."""
    try:
        done = subprocess.run(["git", "ls-files", "-z"],
                              capture_output=True, timeout=120, check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        raise problem("", "hook.no-git", reason=str(exc)) from None
    if done.returncode != 0:
        raise problem("", "hook.no-git", reason=done.stderr.decode("utf-8", "replace").strip())
    return {p for p in done.stdout.decode("utf-8", "surrogateescape").split("\0") if p}


def _norm(path: str) -> str:
    return posixpath.normpath(path.replace(os.sep, "/")).removeprefix("./")


def _is_plan(path: str, plans: str) -> bool:
    """A file `staffing check PLANS` would read as a plan (its folder walk's rules)."""
    if not path.startswith(plans + "/") or not path.lower().endswith(PLAN_SUFFIXES):
        return False
    parts = path.split("/")
    name = parts[-1]
    hidden = any(p.startswith(".") for p in parts[:-1])
    return not (hidden or name.startswith((".", "_", "~$")))


def to_check(given: list[str], known: set[str], plans: str) -> list[str]:
    """The plans to check for a commit of `given`, among the tracked files `known`."""
    plans = _norm(plans).rstrip("/")
    every = sorted(p for p in known if _is_plan(p, plans))
    chosen: set[str] = set()
    for path in (_norm(g) for g in given):
        if path not in known:
            continue  # never an untracked file
        if _is_plan(path, plans):
            chosen.add(path)
        elif path.startswith(plans + "/") and posixpath.basename(path) != COUNTY_FILE:
            continue  # a file in the plans folder the check would not read (a note, a hidden file)
        elif posixpath.basename(path) != COUNTY_FILE:
            return every  # a setting: every committed plan
        folder = posixpath.dirname(path)
        if posixpath.join(folder, COUNTY_FILE) in known:  # the county roll-up needs the whole folder
            chosen.update(p for p in every if posixpath.dirname(p) == folder)
    return sorted(chosen)


def county_files(paths: list[str], known: set[str]) -> tuple[str, ...]:
    """The county files git tracks beside the plans to check: the only ones the check reads
    (an untracked `_county.yaml` on disk never decides a commit)."""
    folders = sorted({posixpath.dirname(p) for p in paths})
    return tuple(c for c in (posixpath.join(f, COUNTY_FILE) for f in folders) if c in known)


def check_argv(options: HookOptions) -> tuple[list[str], tuple[str, ...]] | None:
    """The `staffing check` command line the hook runs and the county files it may read, or
    None when nothing is to be checked."""
    known = tracked()
    paths = to_check(list(options.files), known, options.plans)
    if not paths:
        return None
    lang = ["--lang", options.lang] if options.lang else []
    return ["check", *lang, "--", *paths], county_files(paths, known)
