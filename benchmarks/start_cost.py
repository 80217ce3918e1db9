"""What a command's start spends on making classes: each dataclass (its methods compiled from
source every start) and each pydantic model class, timed as the command's modules are imported,
split by package (staffing or a dependency).  The command is run in this process.

    .venv/bin/python benchmarks/start_cost.py check --no-cache orgs/jiangsu/suzhou/kunshan/zhangpu.yaml

Prints one line per package and kind (ms, classes) and the slowest classes of ours.  Wall clock
of one start: run it a few times and compare medians.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import os
import sys
import time
import types
from collections import Counter, defaultdict
from typing import Any

spent: dict[tuple[str, str], float] = defaultdict(float)
count: Counter[tuple[str, str]] = Counter()
ours: dict[str, float] = defaultdict(float)


def timed(kind: str, make: Any, module_of: Any) -> Any:
    def run(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        made = make(*args, **kwargs)
        took = time.perf_counter() - start
        module = module_of(made) or "?"
        key = (module.split(".")[0], kind)
        spent[key] += took
        count[key] += 1
        if key[0] == "staffing":
            ours[f"{kind} {module}.{made.__qualname__}"] += took
        return made

    return run


def main() -> int:
    # as the command line does (staffing.cli.main): pydantic's plugins off, its loader not imported
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    sys.modules.setdefault("pydantic.plugin._loader", types.SimpleNamespace(get_plugins=lambda: ()))  # type: ignore[arg-type]
    dataclasses._process_class = timed("dataclass", dataclasses._process_class,  # type: ignore[attr-defined]
                                       lambda cls: cls.__module__)
    from pydantic._internal import _model_construction as construction

    meta = construction.ModelMetaclass
    make_model = meta.__new__
    meta.__new__ = timed("pydantic model", make_model, lambda cls: cls.__module__)  # type: ignore[method-assign]
    from staffing.cli.main import main as staffing

    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        code = staffing(sys.argv[1:])
    print(f"the command (after the CLI's import): exit {code}, {(time.perf_counter() - start) * 1000:.1f} ms")
    for (package, kind), seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"{package:20} {kind:15} {seconds * 1000:7.1f} ms  {count[package, kind]:4} classes")
    print("slowest of ours:")
    for name, seconds in sorted(ours.items(), key=lambda kv: -kv[1])[:10]:
        print(f"  {seconds * 1000:6.2f} ms  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
