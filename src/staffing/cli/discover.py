"""Which files a command checks: plan files under the paths given, sorted, with the
plan-like files it leaves out (and why)."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from staffing.errors import InputProblem, problem
from staffing.io.document import DOCUMENT_SUFFIXES
from staffing.run.results import PLAN_SUFFIXES, Skipped

__all__ = ["PLAN_SUFFIXES", "discover"]


def discover(paths: Sequence[str]) -> Iterator[str | InputProblem | Skipped]:
    """Plan files under the given paths, sorted; folders are walked recursively without
    following symbolic links to folders (so a link loop cannot trap the walk).  A link
    or folder that carries a plan suffix, and a sub-folder that cannot be read, are
    reported rather than skipped, so nothing in a checked folder goes silently unchecked.
    Plan-like files that are not checked (a name starting with "." or "_", other than the
    county file, which the county checks read; anything in a folder starting with ".") are
    yielded as `Skipped`, with the reason."""
    from staffing.checks.county import COUNTY_FILE

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found: list[str | InputProblem] = []

            # os.walk below calls this during this iteration, so `raw` and `found` are current
            def unreadable(exc: OSError) -> None:
                where = exc.filename if isinstance(exc.filename, str) else raw  # noqa: B023
                found.append(problem(where, "input.unreadable", reason=exc.strerror or str(exc)))  # noqa: B023

            skipped: list[Skipped] = []
            for root, dirs, files in os.walk(p, followlinks=False, onerror=unreadable):
                dirs[:] = sorted(dirs)  # folders starting with "." too: what they hold is listed as skipped
                rel = os.path.relpath(root, p)
                hidden = any(part.startswith(".") and part not in (".", "..") for part in rel.split(os.sep))
                for name in files:
                    full = os.path.join(root, name)
                    if not name.lower().endswith(PLAN_SUFFIXES):
                        if os.path.splitext(name)[1].lower() in DOCUMENT_SUFFIXES and not hidden \
                                and not name.startswith((".", "~$")):
                            skipped.append(Skipped(full, "skip.document"))  # said, so it is not thought checked
                        continue
                    if hidden:
                        skipped.append(Skipped(full, "skip.hidden-folder"))
                    elif name.startswith("."):
                        skipped.append(Skipped(full, "skip.hidden-file"))
                    elif name == COUNTY_FILE:
                        continue  # read by the county checks
                    elif name.startswith("~$"):  # the lock file Excel and WPS keep beside an open workbook
                        skipped.append(Skipped(full, "skip.lock-file"))
                    elif name.startswith("_"):
                        skipped.append(Skipped(full, "skip.underscore"))
                    else:
                        found.append(full)
                if hidden:
                    continue
                for d in list(dirs):
                    full = os.path.join(root, d)
                    if os.path.islink(full) and full.lower().endswith(PLAN_SUFFIXES):
                        found.append(full)
                    elif os.path.islink(full):  # never followed (a loop, or plans from elsewhere): said
                        skipped.append(Skipped(full, "skip.linked-folder"))
            if not found:
                yield problem(raw, "input.no-plans")
            yield from sorted(found, key=lambda f: f.file if isinstance(f, InputProblem) else f)
            yield from sorted(skipped, key=lambda s: s.path)
        else:
            yield raw
