"""`staffing.toml`: the repository's defaults for `staffing check` (and the pack folders and
language of the other commands), so CI, pre-commit and people run the same check.

Found from the working folder upward to the repository root (the folder holding `.git`;
outside a repository, the working folder only), or named with `--config FILE`;
`--isolated` ignores it.  The command line wins over the file.  Paths in the file are
relative to the file's folder.  An unknown key is an error with a "did you mean".

    [check]
    packs = ["packs"]                     # folders of the repository's own rule packs
    select = ["ST101", "staffing-grows"]  # or ignore = [...]
    lang = "zh"
    fail-on = "error"
    waivers = "staffing-waivers.yaml"     # or false: no waivers
    jobs = 2
    cache = true                          # false: --no-cache
    cache-dir = ".ci-cache"
    format = "text"
    outputs = { junit = "reports/staffing-junit.xml", sarif = "reports/staffing.sarif" }
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from staffing.errors import InputProblem, problem
from staffing.io.document import DEFAULT_LIMITS, Limits
from staffing.io.load import display_path
from staffing.messages import close_matches
from staffing.run.results import Settings, Waivers
from staffing.words import Words

CONFIG_NAME = "staffing.toml"
TABLES = ("check",)


def _str(v: Any) -> bool:
    return isinstance(v, str) and bool(v)


def _strs(v: Any) -> bool:
    return isinstance(v, str) or (isinstance(v, list) and all(isinstance(x, str) for x in v))


def _bool(v: Any) -> bool:
    return isinstance(v, bool)


def _count(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v >= 1


def _outputs(v: Any) -> bool:
    return isinstance(v, dict) and all(isinstance(k, str) and _str(x) for k, x in v.items())


def _choice(*allowed: str) -> Callable[[Any], bool]:
    return lambda v: v in allowed


# key → (test of its value, what it must be (zh, en), kind of value: plain / path / paths)
CHECK_KEYS: dict[str, tuple[Callable[[Any], bool], tuple[str, str], str]] = {
    "packs": (_strs, ("文件夹路径的列表", "a list of folder paths"), "paths"),
    "rules": (_str, ("规则包标识或文件", "a pack id or file"), "plain"),
    "select": (_strs, ("检查项代码或名称的列表", "a list of check codes or slugs"), "plain"),
    "ignore": (_strs, ("检查项代码或名称的列表", "a list of check codes or slugs"), "plain"),
    "lang": (_choice("zh", "en"), ("zh 或 en", "zh or en"), "plain"),
    "fail-on": (_choice("error", "warning"), ("error 或 warning", "error or warning"), "plain"),
    "strict": (_bool, ("true 或 false", "true or false"), "plain"),
    "allow-incomplete": (_bool, ("true 或 false", "true or false"), "plain"),
    "waivers": (lambda v: _str(v) or v is False, ("文件路径或 false", "a file path or false"), "path"),
    "jobs": (_count, ("正整数", "a positive whole number"), "plain"),
    "cache": (_bool, ("true 或 false", "true or false"), "plain"),
    "cache-dir": (_str, ("文件夹路径", "a folder path"), "path"),
    "format": (_str, ("输出格式名称", "an output format name"), "plain"),
    "outputs": (_outputs, ("格式 = 文件 的表", "a table of format = file"), "outputs"),
    "max-bytes": (_count, ("正整数", "a positive whole number"), "plain"),
    "max-depth": (_count, ("正整数", "a positive whole number"), "plain"),
    "max-nodes": (_count, ("正整数", "a positive whole number"), "plain"),
    "charts": (_str, ("文件夹路径", "a folder path"), "path"),
}


@dataclass
class Config:
    """The settings a staffing.toml gives, paths already made absolute."""

    path: str | None = None
    check: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.check.get(key, default)

    @property
    def strict(self) -> bool:
        """Warnings fail too (`strict = true` or `fail-on = "warning"`)."""
        return bool(self.get("strict")) or self.get("fail-on") == "warning"


def repository_root(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def find(start: str | Path | None = None) -> Path | None:
    """staffing.toml in the working folder or a folder above it, up to the repository root."""
    here = Path(start or os.getcwd()).absolute()
    root = repository_root(here)
    folders = [here] if root is None else [here, *here.parents[: len(here.parts) - len(root.parts)]]
    for folder in folders:
        candidate = folder / CONFIG_NAME
        if candidate.is_file() or candidate.is_symlink():  # a link is found, and refused by load
            return candidate
    return None


def _where(text: str, table: str | None, key: str) -> tuple[int, int]:
    """Line and column of `key` in `table` (None: the top level) of the TOML text."""
    current: str | None = None
    header = re.compile(r"\s*\[\s*([^\]]+?)\s*\]")
    for n, line in enumerate(text.splitlines(), 1):
        m = header.match(line)
        if m and not line.lstrip().startswith("[["):
            current = m.group(1).strip("\"'")
            continue
        m = re.match(r"(\s*)([\"']?)([^\"'=\s]+)\2\s*=", line)
        if m and m.group(3) == key and current == table:
            return n, len(m.group(1)) + 1
    return 1, 1


def _unknown(file: str, text: str, table: str | None, key: str, known: list[str]) -> InputProblem:
    close = close_matches(key, known, n=1, cutoff=0.6)
    hint = close[0] if close else ""
    if table is None and key in CHECK_KEYS:
        hint = f"[check] {key}"
    line, col = _where(text, table, key)
    shown = f"{table}.{key}" if table else key
    return problem(file, "config.unknown-key", line, col, key=shown, hint=hint) if hint else problem(
        file, "config.unknown-key-plain", line, col, key=shown)


def _depth(data: Any) -> int:
    """How deep the parsed tables and arrays nest (without recursion)."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        stack.extend((child, level + 1) for child in children if isinstance(child, (dict, list)))
    return deepest


def load(path: str | Path) -> Config:
    """Read and check one configuration file, within the limits a plan is read in (size,
    nesting).  A symbolic link is refused unread, as a committed link could make an error
    message quote a file from elsewhere.  Raises InputProblem (file:line:col)."""
    from staffing.io.document import DEFAULT_LIMITS, read_bytes

    shown = display_path(str(path))
    if os.path.islink(path):
        raise problem(shown, "config.symlink")
    try:
        raw = read_bytes(str(path), DEFAULT_LIMITS)
    except InputProblem as exc:
        raise exc.renamed(shown) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise problem(shown, "config.syntax", reason="UTF-8") from None
    import tomllib  # only when there is a configuration file to read

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        reason = re.sub(r"\s*\(at line.*\)$", "", str(exc))
        raise problem(shown, "config.syntax", int(m.group(1)) if m else None, int(m.group(2)) if m else None,
                      reason=reason) from None
    except (RecursionError, MemoryError):  # arrays or inline tables nested past what the parser can
        raise problem(shown, "input.too-deep", limit=DEFAULT_LIMITS.max_depth) from None
    if _depth(data) > DEFAULT_LIMITS.max_depth:
        raise problem(shown, "input.too-deep", limit=DEFAULT_LIMITS.max_depth)
    base = Path(path).absolute().parent
    config = Config(path=shown)
    for key in data:
        if key not in TABLES:
            raise _unknown(shown, text, None, key, list(TABLES))
    check = data.get("check", {})
    if not isinstance(check, dict):
        line, col = _where(text, None, "check")
        raise problem(shown, "config.value", line, col, key="check", expected=Words("表", "a table"))
    for key, value in check.items():
        spec = CHECK_KEYS.get(key)
        if spec is None:
            raise _unknown(shown, text, "check", key, sorted(CHECK_KEYS))
        test, (want_zh, want_en), kind = spec
        if not test(value):
            line, col = _where(text, "check", key)
            raise problem(shown, "config.value", line, col, key=f"check.{key}", expected=Words(want_zh, want_en))
        if kind == "path" and isinstance(value, str):
            value = str(base / value)
        elif kind == "paths":
            value = [str(base / v) for v in ([value] if isinstance(value, str) else value)]
        elif kind == "outputs":
            value = {fmt: str(base / f) for fmt, f in value.items()}
        elif key in ("select", "ignore") and isinstance(value, str):
            value = [value]
        config.check[key] = value
    config.check.setdefault("_base", str(base))
    return config


def resolve_config(explicit: str | None, isolated: bool) -> Config:
    """The configuration a run uses: none with --isolated, the file --config names, else
    the one `find` finds (or none)."""
    if isolated:
        if explicit:
            raise problem("--isolated", "config.isolated-and-file")
        return Config()
    if explicit:
        if not (Path(explicit).is_file() or Path(explicit).is_symlink()):
            raise problem(explicit, "config.missing")
        return load(explicit)
    found = find()
    return load(found) if found is not None else Config()


def settings_of(config: Config | None, limits: Limits | None = None) -> tuple[Settings, Waivers]:
    """The settings and waiver file a configuration gives a run (`staffing check` with no
    option of its own): its pack folders, selection and input limits.  Raises InputProblem
    for a check name that is none, at its key."""
    from staffing.run.select import codes

    if config is None:
        return Settings(limits=limits or DEFAULT_LIMITS), Waivers()
    where = {key: f"{config.path} [check] {key}" for key in ("select", "ignore")}
    default = DEFAULT_LIMITS
    limits = limits or Limits(max_bytes=config.get("max-bytes") or default.max_bytes,
                              max_depth=config.get("max-depth") or default.max_depth,
                              max_nodes=config.get("max-nodes") or default.max_nodes)
    settings = Settings(rules=config.get("rules"),
                        packs=tuple(dict.fromkeys(os.path.abspath(p) for p in config.get("packs", []))),
                        select=codes(config.get("select"), where["select"]),
                        ignore=codes(config.get("ignore"), where["ignore"]), limits=limits)
    waivers = config.get("waivers")
    if waivers is False:
        return settings, Waivers(off=True)
    return settings, Waivers(file=waivers, folder=None if waivers else config.get("_base"))
