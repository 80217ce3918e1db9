"""The `staffing` command: `main` parses the arguments into one typed options object
(`staffing.cli.options`) and `run(options)` runs the command and returns its exit code.
With the reporters, the command line is the only place that prints."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext, suppress
from pathlib import PurePath
from typing import NoReturn

from staffing import __version__
from staffing.cli import options as o
from staffing.cli.help import Parser, asked_language, current, language, localize
from staffing.cli.output import emit, say, silence_stdout, tell
from staffing.errors import Exit, InputProblem, Interrupted, problem
from staffing.io.load import Limits
from staffing.messages import render
from staffing.reporters import CONSOLE_FORMATS
from staffing.run.config import Config, resolve_config


def _limit(value: str) -> int:
    """A positive whole number, for the --max-* options."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(render("help.positive", current(), {"value": value}))
    return number


def cmd_rules(options: o.RulesOptions) -> int:
    from staffing.cli.explain import cmd_rules as rules

    return rules(options)


def cmd_explain(options: o.ExplainOptions) -> int:
    from staffing.cli.explain import cmd_explain as explain

    return explain(options)


def cmd_schema(options: o.SchemaOptions) -> int:
    from staffing.plan.schema import plan_schema

    print(json.dumps(plan_schema(), ensure_ascii=False, indent=2))
    return Exit.CLEAN


def cmd_diff(options: o.DiffOptions) -> int:
    from staffing.run import diff

    limits = options.limits
    if options.old is None:
        assert options.base is not None
        old = diff.load_from_git(options.base, options.new, limits)
    else:
        old = diff.load_version(options.old, limits)
    new = diff.load_version(options.new, limits)
    if old.plan.town.code != new.plan.town.code and not options.force:
        old_town, new_town = old.plan.town, new.plan.town
        raise problem("", "diff.different-towns", old=f"{old_town.name} {old_town.code}",
                      new=f"{new_town.name} {new_town.code}")
    result = diff.compare(old, new)
    from staffing.reporters.diff import report_json, report_text

    emit(report_json(result) if options.format == "json" else report_text(result, options.lang))
    return Exit.CLEAN if result.ok else Exit.VIOLATIONS


def _output_spec(value: str) -> tuple[str, str]:
    """FORMAT=FILE, for --output."""
    fmt, sep, file = value.partition("=")
    if not sep or not fmt.strip() or not file.strip():
        raise argparse.ArgumentTypeError(render("cli.output-spec", current(), {"value": value}))
    return fmt.strip(), file


def _port(value: str) -> int:
    """A TCP port (0: any free one), for serve --port."""
    try:
        number = int(value)
    except ValueError:
        number = -1
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError(render("help.port", current(), {"value": value}))
    return number


def _config_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", dest="config_file", metavar="FILE")
    p.add_argument("--isolated", action="store_true")


_CHECK_DEFAULTS = {  # staffing.toml [check] key → argparse dest
    "rules": "rules", "lang": "lang", "fail-on": "fail_on", "strict": "strict", "allow-incomplete": "allow_incomplete",
    "jobs": "jobs", "cache-dir": "cache_dir", "format": "format", "max-bytes": "max_bytes",
    "max-depth": "max_depth", "max-nodes": "max_nodes", "charts": "charts",
}


def _check_defaults(config: Config) -> dict[str, object]:
    out: dict[str, object] = {dest: config.check[key] for key, dest in _CHECK_DEFAULTS.items() if key in config.check}
    if config.get("waivers") is False:
        out["no_waivers"] = True
    elif "waivers" in config.check:
        out["waivers"] = config.get("waivers")
    if config.get("cache") is False:
        out["no_cache"] = True
    return out


def _paper_options(parser: argparse.ArgumentParser) -> None:
    from staffing.charts import ORIENTATIONS, PAPERS

    parser.add_argument("--paper", choices=sorted(PAPERS), default="A4")
    parser.add_argument("--orientation", choices=ORIENTATIONS, default="landscape")


# long: a table of every command and its arguments, one declaration a line; split, the table would be
# harder to read, not easier
def build_parser(config: Config | None = None) -> argparse.ArgumentParser:
    """The arguments of every command.  Their help, in Chinese or English, is the catalogue's
    (`help.*`), put on by `staffing.cli.help.localize`, which refuses an argument without an
    entry; a command's `help=""` only makes argparse list it."""
    parser = Parser(prog="staffing")
    parser.add_argument("--version", action="version", version=f"staffing {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--rules", metavar="PACK")
    check.add_argument("--packs", action="append", metavar="DIR")
    check.add_argument("--format", choices=CONSOLE_FORMATS, default=None)
    check.add_argument("--lang", choices=["zh", "en"], default="zh")
    check.add_argument("--strict", action="store_true")
    check.add_argument("--fail-on", choices=["error", "warning"], default="error")
    check.add_argument("--allow-incomplete", action="store_true")
    check.add_argument("--explain-roles", action="store_true")
    check.add_argument("--waivers", metavar="FILE")
    check.add_argument("--no-waivers", action="store_true")
    check.add_argument("--select", action="append", metavar="CODES")
    check.add_argument("--ignore", action="append", metavar="CODES")
    check.add_argument("--max-bytes", type=_limit, default=Limits().max_bytes)
    check.add_argument("--max-depth", type=_limit, default=Limits().max_depth)
    check.add_argument("--max-nodes", type=_limit, default=Limits().max_nodes)
    check.add_argument("--max-findings-per-check", type=_limit, default=Limits().max_findings_per_check, metavar="N")
    check.add_argument("--max-findings-per-file", type=_limit, default=Limits().max_findings_per_file, metavar="N")
    check.add_argument("--jobs", "-j", type=int, default=None, metavar="N")
    check.add_argument("--no-cache", action="store_true")
    check.add_argument("--cache-dir", metavar="DIR", default=None)
    check.add_argument("--charts", metavar="DIR")
    _paper_options(check)
    check.add_argument("--output", "-o", action="append", type=_output_spec, metavar="FORMAT=FILE")
    _config_options(check)
    check.set_defaults(options=o.check_options, config=config, **_check_defaults(config or Config()))

    rules = sub.add_parser("rules", help="")
    rules.add_argument("--lang", choices=["zh", "en"], default="zh")
    rules.add_argument("--packs", action="append", metavar="DIR")
    _config_options(rules)
    rules.set_defaults(options=o.rules_options, config=config, **_lang_default(config))

    explain = sub.add_parser("explain", help="")
    explain.add_argument("code")
    explain.add_argument("--lang", choices=["zh", "en"], default="zh")
    explain.set_defaults(options=o.explain_options, **_lang_default(config))

    render_cmd = sub.add_parser("render", help="")
    render_cmd.add_argument("plan", nargs="+", metavar="PLAN")
    render_cmd.add_argument("-o", "--output", required=True, metavar="FILE")
    render_cmd.add_argument("--compare", action="store_true")
    _paper_options(render_cmd)
    render_cmd.add_argument("--rules", metavar="PACK")
    render_cmd.add_argument("--packs", action="append", metavar="DIR")
    _config_options(render_cmd)
    render_cmd.add_argument("--lang", choices=["zh", "en"], default="zh")
    render_cmd.set_defaults(options=o.render_options, config=config, **_lang_default(config))

    report = sub.add_parser("report", help="")
    report.add_argument("paths", nargs="+", metavar="PLAN")
    report.add_argument("-o", "--output", required=True, metavar="FILE")
    report.add_argument("--rules", metavar="PACK")
    report.add_argument("--packs", action="append", metavar="DIR")
    report.add_argument("--lang", choices=["zh", "en"], default="zh")
    report.add_argument("--strict", action="store_true")
    report.add_argument("--waivers", metavar="FILE")
    report.add_argument("--no-waivers", action="store_true")
    _paper_options(report)
    _config_options(report)
    # staffing.toml as `check` reads it: pack, language, strictness, limits, waivers
    report.set_defaults(options=o.report_options, config=config, **_check_defaults(config or Config()))

    schema = sub.add_parser("schema", help="")
    schema.set_defaults(options=o.schema_options)

    diff = sub.add_parser("diff", help="")
    diff.add_argument("files", nargs="+", metavar="FILE")
    diff.add_argument("--base", metavar="REV")
    diff.add_argument("--format", choices=["text", "json"], default="text")
    diff.add_argument("--lang", choices=["zh", "en"], default="zh")
    diff.add_argument("--max-bytes", type=int, default=Limits().max_bytes)
    diff.add_argument("--force", action="store_true")
    _config_options(diff)
    diff.set_defaults(options=o.diff_options, config=config, **_lang_default(config))

    init = sub.add_parser("init", help="")
    init.add_argument("dir", metavar="DIR", nargs="?", default=".")
    init.add_argument("--install", metavar="SPEC", default=None)
    init.add_argument("--lang", choices=["zh", "en"], default="zh")
    init.set_defaults(options=o.init_options)

    hook = sub.add_parser("hook", help="")
    hook.add_argument("files", nargs="*", metavar="FILE")
    hook.add_argument("--plans", metavar="DIR", default="orgs")
    hook.add_argument("--lang", choices=["zh", "en"], default=None)
    _config_options(hook)
    hook.set_defaults(options=o.hook_options, config=config)

    lsp = sub.add_parser("lsp", help="")
    lsp.add_argument("--stdio", action="store_true")
    lsp.add_argument("--lang", choices=["zh", "en"], default="zh")
    lsp.set_defaults(options=o.lsp_options)

    gen = sub.add_parser("generate", help="")
    gen.add_argument("dir", metavar="DIR")
    gen.add_argument("--towns", type=int, default=100)
    gen.add_argument("--seed", type=int, default=0)
    gen.add_argument("--lang", choices=["zh", "en"], default="zh")
    gen.set_defaults(options=o.generate_options)

    # `staffing template` and `staffing convert` (run by staffing.cli.workbook, which is
    # imported only for them: it reads and writes workbooks)
    template = sub.add_parser("template", help="")
    template.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    template.add_argument("--rules", metavar="PACK")
    template.add_argument("--no-example", action="store_true")
    template.add_argument("--lang", choices=["zh", "en"], default="zh")
    template.set_defaults(options=o.template_options)

    convert = sub.add_parser("convert", help="")
    convert.add_argument("input", metavar="IN")
    convert.add_argument("-o", "--output", required=True, metavar="OUT")
    convert.add_argument("--lang", choices=["zh", "en"], default="zh")
    convert.set_defaults(options=o.convert_options)

    # `staffing serve`: the review desk in a browser (run by staffing.cli.serve)
    serve = sub.add_parser("serve", help="")
    serve.add_argument("--host", metavar="HOST", default="127.0.0.1")
    serve.add_argument("--port", type=_port, default=None, metavar="PORT")
    serve.add_argument("--token", metavar="TOKEN", default=None)
    serve.add_argument("--allow-host", action="append", metavar="NAME")
    serve.add_argument("--lang", choices=["zh", "en"], default="zh")
    serve.add_argument("--no-browser", action="store_true")
    serve.add_argument("--workers", type=_limit, default=None, metavar="N")
    serve.add_argument("--packs", action="append", metavar="DIR")
    serve.add_argument("--max-bytes", type=_limit, default=Limits().max_bytes)
    serve.add_argument("--max-depth", type=_limit, default=Limits().max_depth)
    serve.add_argument("--max-nodes", type=_limit, default=Limits().max_nodes)
    serve.add_argument("--max-files", type=_limit, default=20, metavar="N")
    serve.add_argument("--max-request-bytes", type=_limit, default=16 * 2**20, metavar="MAX_BYTES")
    serve.add_argument("--max-connections", type=_limit, default=100, metavar="N")
    serve.add_argument("--max-total-bytes", type=_limit, default=None, metavar="MAX_BYTES")
    serve.set_defaults(options=o.serve_options)
    return parser


def cmd_init(options: o.InitOptions) -> int:
    from staffing.cli.init import run_init

    return run_init(options)


def cmd_hook(options: o.HookOptions) -> int:
    """`staffing hook FILE...`: `staffing check` of what the commit needs (staffing.cli.hook)."""
    from staffing.cli.hook import check_argv

    planned = check_argv(options)
    if planned is None:
        return Exit.CLEAN
    argv, counties = planned
    check = parse(argv, options.config)
    assert isinstance(check, o.CheckOptions)
    return run(check._replace(county_files=counties))


def cmd_lsp(options: o.LspOptions) -> int:
    from staffing.lsp.server import serve

    return serve(options.lang)


def _lang_default(config: Config | None) -> dict[str, object]:
    return {"lang": config.get("lang")} if config is not None and config.get("lang") else {}


def _preparse(argv: Sequence[str]) -> tuple[str | None, bool]:
    """--config FILE and --isolated, wherever they stand (the configuration gives the
    defaults of the other options, so it is read before them)."""
    explicit: str | None = None
    isolated = False
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--isolated":
            isolated = True
        elif arg == "--config" and i + 1 < len(argv):
            explicit = argv[i + 1]
        elif arg.startswith("--config="):
            explicit = arg.split("=", 1)[1]
    return explicit, isolated


def cmd_generate(options: o.GenerateOptions) -> int:
    from staffing.plan.generate import write

    try:
        n = write(options.folder, options.towns, options.seed)
    except OSError as exc:
        raise problem(options.folder, "cli.unwritable", target=exc.filename or options.folder,
                      reason=exc.strerror or type(exc).__name__) from None
    say("cli.generated", options.lang, count=n, folder=options.folder)
    return Exit.CLEAN


def _check(options: o.CheckOptions) -> int:
    from staffing.cli.check import run_check

    return run_check(options)


def _render(options: o.RenderOptions) -> int:
    from staffing.cli.render import cmd_render

    return cmd_render(options)


def _report(options: o.ReportOptions) -> int:
    from staffing.cli.report import cmd_report

    return cmd_report(options)


def _template(options: o.TemplateOptions) -> int:
    from staffing.cli.workbook import cmd_template

    return cmd_template(options)


def _convert(options: o.ConvertOptions) -> int:
    from staffing.cli.workbook import cmd_convert

    return cmd_convert(options)


def _serve(options: o.ServeOptions) -> int:
    from staffing.cli.serve import cmd_serve

    return cmd_serve(options)


COMMANDS: dict[type, Callable[..., int]] = {
    o.CheckOptions: _check, o.RulesOptions: cmd_rules, o.ExplainOptions: cmd_explain, o.SchemaOptions: cmd_schema,
    o.RenderOptions: _render, o.ReportOptions: _report, o.DiffOptions: cmd_diff, o.InitOptions: cmd_init,
    o.HookOptions: cmd_hook, o.LspOptions: cmd_lsp,
    o.GenerateOptions: cmd_generate, o.TemplateOptions: _template, o.ConvertOptions: _convert,
    o.ServeOptions: _serve,
}


def run(options: o.Options) -> int:
    """Run the command the options are for; its exit code."""
    return int(COMMANDS[type(options)](options))


def parse(argv: Sequence[str], config: Config | None = None) -> o.Options:
    """The options of the command line `argv` (staffing.toml given as `config`).  Raises
    SystemExit on a malformed command line, InputProblem on an argument that names
    something unknown."""
    args = build_parser(config).parse_args(list(argv))
    options: o.Options = args.options(args)
    return options


def _terminated(signum: int, frame: object) -> None:
    raise Interrupted(signum)


PLUGINS_OFF = ("__all__", "1", "true")  # what pydantic's loader reads as "no plugins"


def _without_plugin_search() -> None:
    """With pydantic's plugins off, its plugin loader still imports importlib.metadata (and
    the email parser with it: ~17 ms, 6 % of a one-file check) only to answer "none".  While
    no one has imported that loader yet, a stand-in gives the same answer without the import
    (tests/cli/test_startup.py holds it to what pydantic imports from the loader and to the
    loader's own answer)."""
    import types

    name = "pydantic.plugin._loader"
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") in PLUGINS_OFF and name not in sys.modules:
        stand_in = types.ModuleType(name, "pydantic's plugin loader, plugins off: none to load")
        stand_in.get_plugins = lambda: ()  # type: ignore[attr-defined]
        sys.modules[name] = stand_in


def _report_to_pdf(words: Sequence[str]) -> bool:
    """Whether the command line's words ask for a report written as PDF (`report … -o X.pdf`,
    `--output X.pdf`, `--output=X.pdf`, `-oX.pdf`, an abbreviated --output), read before
    argparse reads them: a wrong guess only changes when the PDF's engine starts."""
    if not words or words[0] != "report":
        return False
    output = ""
    rest = iter(words[1:])
    for word in rest:
        if word == "--":
            break
        name, equals, value = word.partition("=")
        if word == "-o" or (len(word) > 3 and "--output".startswith(word)):
            output = next(rest, "")
        elif equals and len(name) > 3 and "--output".startswith(name):
            output = value
        elif word.startswith("-o"):
            output = word[2:]
    return PurePath(output).suffix.lower() == ".pdf"


def main(argv: Sequence[str] | None = None) -> int:
    """The command line: its exit code (0, 1, 2; 130 and 143 when interrupted)."""
    import signal
    import threading

    # Unless told otherwise, pydantic reads every installed package's metadata for plugins of
    # its own when the first model is built (~6 ms of a one-file check); the command wants
    # none: a plugin is outside code run on every validation of a plan.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _without_plugin_search()
    engine: AbstractContextManager[None] = nullcontext()
    if _report_to_pdf(sys.argv[1:] if argv is None else argv):
        from staffing.report.pdf import early_engine

        engine = early_engine()  # WeasyPrint loads in a child from now on, while this process starts
    with engine:
        if threading.current_thread() is not threading.main_thread():
            return _main(argv)
        # SIGTERM unwinds like Ctrl-C: an output being written is removed, the exit code is 143
        previous = signal.signal(signal.SIGTERM, _terminated)
        try:
            return _main(argv)
        except Interrupted as exc:  # before the command started (reading staffing.toml, the arguments)
            return 128 + exc.signum
        except KeyboardInterrupt:
            return 130
        finally:
            signal.signal(signal.SIGTERM, previous)


def _main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        config = resolve_config(*_preparse(argv)) if argv and argv[0] in ("check", "rules", "explain", "render", "report", "diff", "hook") else None
    except InputProblem as exc:
        tell(exc, asked_language(argv, None))
        return Exit.UNUSABLE
    lang = asked_language(argv, config.get("lang") if config is not None else None)
    with language(lang):  # help and argument errors in the language asked for
        parser = localize(build_parser(config), lang)
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:  # argparse exits 2 on bad arguments, 0 on --help
            return int(exc.code or 0)
    try:
        return run(args.options(args))
    except InputProblem as exc:
        tell(exc, getattr(args, "lang", "zh"))
        return Exit.UNUSABLE
    except BrokenPipeError:  # stdout closed before a verdict was known: never "clean"
        silence_stdout()
        return Exit.UNUSABLE
    except Interrupted as exc:  # SIGTERM (or SIGINT) during a parallel run; the workers are ended
        return 128 + exc.signum
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug of ours: one message, not a traceback (STAFFING_DEBUG=1 shows it)
        if os.environ.get("STAFFING_DEBUG"):
            raise
        lang = getattr(args, "lang", "zh")
        reason = f"{type(exc).__name__}: {exc}"[:200]
        print(f"staffing: {render('input.internal', lang, {'reason': reason})}", file=sys.stderr)
        return Exit.UNUSABLE


def entry() -> NoReturn:
    """The `staffing` command and `python -m staffing`: `main`, then out (`leave`).  A stream
    whose descriptor was closed before the start (`staffing … >&-`) is None in Python: what
    would go there goes to the null device instead, so that no step fails on it."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - for the process's life
    leave(main())


def leave(code: int) -> NoReturn:
    """Exit with `code`.  When nothing is left to finish (no other thread, no child process of
    multiprocessing), without the interpreter's teardown, which frees the run's objects one by
    one (the models, the checks, a result for each plan: about 0.02 s after a check of one
    file, 0.07 s after one of a hundred plans on one core, a tenth of the command and more), as
    mypy leaves: stdout and stderr flushed first, everything the command wrote already whole
    and closed (outputs are renamed into place before the command returns).  Otherwise the
    ordinary exit, which waits for what still runs."""
    import threading

    for stream in (sys.stdout, sys.stderr):
        with suppress(OSError, ValueError):  # a reader gone (a broken pipe), a closed stream: nothing to keep
            stream.flush()
    multiprocessing = sys.modules.get("multiprocessing")
    if threading.active_count() == 1 and not (multiprocessing and multiprocessing.active_children()):
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    entry()
