"""What the command line chose, as one typed, frozen options object per command.

`staffing.cli.main` parses the arguments with argparse and hands the namespace to the
command's `*_options` function here, which folds in staffing.toml, checks what can be
checked before any plan is read (formats, check codes, pack folders) and returns the
options; `staffing.cli.main.run(options)` then runs the command and returns its exit
code.  Nothing after this module reads the argparse namespace."""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from typing import NamedTuple

from staffing.errors import problem
from staffing.io.load import Limits
from staffing.reporters import REPORTERS
from staffing.run.config import Config
from staffing.run.results import Settings, Waivers


def config_of(args: argparse.Namespace) -> Config:
    """The staffing.toml settings the command read (empty when there is none)."""
    return getattr(args, "config", None) or Config()


def pack_folders(args: argparse.Namespace) -> tuple[str, ...]:
    """The pack folders named by staffing.toml and --packs (absolute, so workers and the
    cache agree; each once)."""
    named = list(getattr(args, "packs", None) or ())
    if args.command != "check":  # check merges the configuration's folders itself
        named = list(config_of(args).get("packs", [])) + named
    return tuple(dict.fromkeys(os.path.abspath(p) for p in named))


class Paper(NamedTuple):
    """The sheet a chart is sized for (--paper, --orientation)."""

    paper: str = "A4"
    orientation: str = "landscape"


class CheckOptions(NamedTuple):
    paths: tuple[str, ...]
    settings: Settings
    format: str  # the console format, GITHUB_ACTIONS already taken into account
    outputs: tuple[tuple[str, str], ...]  # (format, file), sorted by format
    lang: str
    strict: bool  # --strict or --fail-on warning: warnings fail too
    allow_incomplete: bool
    explain_roles: bool
    waivers: Waivers
    jobs: int | None
    use_cache: bool
    cache_dir: str | None
    charts: str | None
    paper: Paper
    # the county files to read: None, each folder's own beside its plans; else only these
    # (the pre-commit hook: only a county file git tracks)
    county_files: tuple[str, ...] | None = None


class RulesOptions(NamedTuple):
    lang: str
    packs: tuple[str, ...]


class ExplainOptions(NamedTuple):
    code: str
    lang: str = "zh"


class SchemaOptions(NamedTuple):
    lang: str = "zh"


class RenderOptions(NamedTuple):
    plans: tuple[str, ...]
    output: str
    compare: bool
    paper: Paper
    settings: Settings
    lang: str


class ReportOptions(NamedTuple):
    paths: tuple[str, ...]
    output: str
    settings: Settings
    lang: str
    strict: bool
    waivers: Waivers
    paper: Paper = Paper()  # the chart's page


class DiffOptions(NamedTuple):
    old: str | None  # None with --base: the new file itself at `base`
    new: str
    base: str | None
    format: str
    lang: str
    limits: Limits
    force: bool


class InitOptions(NamedTuple):
    folder: str
    install: str | None
    lang: str


class HookOptions(NamedTuple):
    """`staffing hook FILE...`: the files pre-commit passes, the plans folder, the language
    asked for (None: staffing.toml's or the default) and the configuration read."""

    files: tuple[str, ...]
    plans: str
    lang: str | None
    config: Config | None


class LspOptions(NamedTuple):
    lang: str


class GenerateOptions(NamedTuple):
    folder: str
    towns: int
    seed: int
    lang: str


class TemplateOptions(NamedTuple):
    output: str
    rules: str | None
    example: bool
    lang: str


class ConvertOptions(NamedTuple):
    source: str
    target: str
    lang: str


class ServeOptions(NamedTuple):
    host: str
    port: int
    port_given: bool  # --port named: no other port is tried
    token: str | None
    allow_hosts: tuple[str, ...]
    lang: str
    browser: bool
    workers: int
    packs: tuple[str, ...]
    limits: Limits
    max_files: int
    max_request_bytes: int
    max_connections: int
    max_total_bytes: int | None  # None: as many whole uploads as the workers and their queue take


Options = (CheckOptions | RulesOptions | ExplainOptions | SchemaOptions | RenderOptions | ReportOptions
           | DiffOptions | InitOptions | HookOptions | LspOptions | GenerateOptions | TemplateOptions | ConvertOptions
           | ServeOptions)


def codes(values: Sequence[str] | None, where: str) -> frozenset[str]:
    """The codes of the checks named (codes or slugs, comma-separated); an unknown one is
    an argument error at `where` (the option, or the staffing.toml key) that says which
    check was probably meant."""
    from staffing.run.select import codes as named

    return named(values, where)


def limits_of(args: argparse.Namespace) -> Limits:
    """The input limits chosen on the command line (defaults for any not offered)."""
    default = Limits()
    return Limits(
        max_bytes=getattr(args, "max_bytes", None) or default.max_bytes,
        max_depth=getattr(args, "max_depth", None) or default.max_depth,
        max_nodes=getattr(args, "max_nodes", None) or default.max_nodes,
        max_findings_per_check=getattr(args, "max_findings_per_check", None) or default.max_findings_per_check,
        max_findings_per_file=getattr(args, "max_findings_per_file", None) or default.max_findings_per_file,
    )


def _unknown_format(where: str, fmt: str) -> Exception:
    return problem(where, "cli.unknown-format", format=fmt, known=", ".join(sorted(REPORTERS)))


def _outputs(args: argparse.Namespace, config: Config) -> tuple[tuple[str, str], ...]:
    """(format, file) for every report this run writes: the configuration's, then
    --output's (which replace the configuration's file for the same format)."""
    chosen: dict[str, str] = dict(config.get("outputs", {}))
    for fmt, file in args.output or ():
        chosen[fmt] = file
    for fmt in chosen:
        if fmt not in REPORTERS:
            raise _unknown_format("--output", fmt)
    return tuple(sorted(chosen.items()))


def _paper(args: argparse.Namespace) -> Paper:
    return Paper(getattr(args, "paper", None) or "A4", getattr(args, "orientation", None) or "landscape")


def check_options(args: argparse.Namespace) -> CheckOptions:
    """`staffing check`: the command line over staffing.toml.  Every argument error (an
    unknown format, pack folder, pack or check) is raised here, before any plan is read,
    in the order the user meets them."""
    config = config_of(args)
    select = args.select if args.select is not None else config.get("select")
    ignore = args.ignore if args.ignore is not None else config.get("ignore")
    packs = list(config.get("packs", [])) + list(args.packs or [])  # the file's folders, then the command line's
    folders = tuple(dict.fromkeys(os.path.abspath(p) for p in packs))
    outputs = _outputs(args, config)
    if args.format and args.format not in REPORTERS:  # a format from staffing.toml
        raise _unknown_format("--format", args.format)
    from staffing.packs.load import available, resolve

    available(folders)  # a missing folder or a clash of ids is one message before any plan
    if args.rules:  # a pack named on the command line is an argument: one message, not one per plan
        resolve(args.rules, folders)
    where = {option: f"--{option}" if getattr(args, option) is not None else f"{config.path} [check] {option}"
             for option in ("select", "ignore")}
    settings = Settings(rules=args.rules, packs=folders, select=codes(select, where["select"]),
                        ignore=codes(ignore, where["ignore"]),
                        limits=limits_of(args))
    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    return CheckOptions(
        paths=tuple(args.paths),
        settings=settings,
        format=fmt,
        outputs=outputs,
        lang=args.lang,
        strict=args.strict or args.fail_on == "warning",
        allow_incomplete=args.allow_incomplete,
        explain_roles=args.explain_roles,
        waivers=Waivers(file=args.waivers, folder=None if args.waivers or not config.path else config.get("_base"),
                        off=args.no_waivers),
        jobs=args.jobs,
        use_cache=not args.no_cache,
        cache_dir=args.cache_dir,
        charts=args.charts or None,
        paper=_paper(args),
    )


def rules_options(args: argparse.Namespace) -> RulesOptions:
    return RulesOptions(lang=args.lang, packs=pack_folders(args))


def explain_options(args: argparse.Namespace) -> ExplainOptions:
    return ExplainOptions(code=args.code, lang=args.lang)


def schema_options(args: argparse.Namespace) -> SchemaOptions:
    return SchemaOptions()


def render_options(args: argparse.Namespace) -> RenderOptions:
    plans = tuple(args.plan)
    if len(plans) > 2 or (len(plans) == 2 and not args.compare):
        raise problem("", "cli.render-args")
    return RenderOptions(plans=plans, output=args.output, compare=args.compare, paper=_paper(args),
                         settings=Settings(rules=args.rules, packs=pack_folders(args)), lang=args.lang)


def report_options(args: argparse.Namespace) -> ReportOptions:
    """`staffing report`: the command line over staffing.toml, as `check` reads it (its pack,
    pack folders, selection of checks, limits, waivers, strictness and language), so that
    the report a reviewer signs says what `check` says."""
    config = config_of(args)
    folders = pack_folders(args)
    from staffing.packs.load import available, resolve

    available(folders)
    if args.rules:
        resolve(args.rules, folders)
    where = {option: f"{config.path} [check] {option}" for option in ("select", "ignore")}
    settings = Settings(rules=args.rules, packs=folders, select=codes(config.get("select"), where["select"]),
                        ignore=codes(config.get("ignore"), where["ignore"]), limits=limits_of(args))
    return ReportOptions(paths=tuple(args.paths), output=args.output, settings=settings, lang=args.lang,
                         strict=args.strict or getattr(args, "fail_on", "error") == "warning",
                         waivers=Waivers(file=args.waivers,
                                         folder=None if args.waivers or not config.path else config.get("_base"),
                                         off=args.no_waivers),
                         paper=_paper(args))


def diff_options(args: argparse.Namespace) -> DiffOptions:
    files = tuple(args.files)
    if args.base is not None and len(files) == 1:
        old = None
    elif args.base is None and len(files) == 2:
        old = files[0]
    else:
        raise problem("", "cli.diff-args")
    return DiffOptions(old=old, new=files[-1], base=args.base, format=args.format, lang=args.lang,
                       limits=Limits(max_bytes=args.max_bytes), force=args.force)


def init_options(args: argparse.Namespace) -> InitOptions:
    return InitOptions(folder=args.dir, install=args.install, lang=args.lang)


def hook_options(args: argparse.Namespace) -> HookOptions:
    return HookOptions(files=tuple(args.files), plans=args.plans, lang=args.lang, config=args.config)


def lsp_options(args: argparse.Namespace) -> LspOptions:
    return LspOptions(lang=args.lang)


def generate_options(args: argparse.Namespace) -> GenerateOptions:
    return GenerateOptions(folder=args.dir, towns=args.towns, seed=args.seed, lang=args.lang)


def template_options(args: argparse.Namespace) -> TemplateOptions:
    return TemplateOptions(output=args.output, rules=args.rules, example=not args.no_example, lang=args.lang)


def convert_options(args: argparse.Namespace) -> ConvertOptions:
    return ConvertOptions(source=args.input, target=args.output, lang=args.lang)


def serve_options(args: argparse.Namespace) -> ServeOptions:
    from staffing.packs.load import available

    folders = pack_folders(args)
    available(folders)  # a missing folder or a clash of ids is one message before the page starts
    workers = args.workers or max(1, min(4, os.cpu_count() or 1))
    return ServeOptions(host=args.host, port=8765 if args.port is None else args.port, port_given=args.port is not None,
                        token=args.token or None, allow_hosts=tuple(args.allow_host or ()), lang=args.lang,
                        browser=not args.no_browser, workers=workers, packs=folders, limits=limits_of(args),
                        max_files=args.max_files, max_request_bytes=args.max_request_bytes,
                        max_connections=args.max_connections, max_total_bytes=args.max_total_bytes)
