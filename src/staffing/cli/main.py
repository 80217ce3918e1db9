"""The `staffing` command.  Parses arguments, wires loaders, checks and reporters, and is
(with the reporters) the only place that prints."""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from staffing import __version__
from staffing.checks import CHECKS, lookup
from staffing.cli.config import Config, resolve_config
from staffing.cli.options import config_of, pack_folders
from staffing.cli.output import emit, say, silence_stdout, write_file
from staffing.errors import Exit, InputProblem, Interrupted, problem
from staffing.io.load import Limits, display_path
from staffing.messages import render
from staffing.reporters import CONSOLE_FORMATS, REPORTERS, Run, stream
from staffing.run.engine import FileResult, Settings, Skipped, check_file, packs_findings

PLAN_SUFFIXES = (".yaml", ".yml", ".json", ".xlsx")


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
            if not found:
                yield problem(raw, "input.no-plans")
            yield from sorted(found, key=lambda f: f.file if isinstance(f, InputProblem) else f)
            yield from sorted(skipped, key=lambda s: s.path)
        else:
            yield raw


def _limit(value: str) -> int:
    """A positive whole number, for the --max-* options."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {value!r}")
    return number


def _limits(args: argparse.Namespace) -> Limits:
    """The input limits chosen on the command line (defaults for any not offered)."""
    default = Limits()
    return Limits(
        max_bytes=getattr(args, "max_bytes", None) or default.max_bytes,
        max_depth=getattr(args, "max_depth", None) or default.max_depth,
        max_nodes=getattr(args, "max_nodes", None) or default.max_nodes,
        max_findings_per_check=getattr(args, "max_findings_per_check", None) or default.max_findings_per_check,
        max_findings_per_file=getattr(args, "max_findings_per_file", None) or default.max_findings_per_file,
    )


def _codes(values: Sequence[str] | None) -> frozenset[str]:
    out: set[str] = set()
    for value in values or ():
        for part in value.split(","):
            part = part.strip()
            if not part:
                continue
            check = lookup(part, "plan")
            if check is None:
                raise problem("<arguments>", "cli.unknown-check", check=part)
            out.add(check.code)
    return frozenset(out)


def _outputs(args: argparse.Namespace) -> list[tuple[str, str]]:
    """(format, file) for every report this run writes: the configuration's, then
    --output's (which replace the configuration's file for the same format)."""
    chosen: dict[str, str] = dict(config_of(args).get("outputs", {}))
    for fmt, file in args.output or ():
        chosen[fmt] = file
    for fmt in chosen:
        if fmt not in REPORTERS:
            raise problem("--output", "cli.unknown-format", format=fmt, known=", ".join(sorted(REPORTERS)))
    return sorted(chosen.items())


@contextlib.contextmanager
def _no_colour() -> Iterator[None]:
    """NO_COLOR set for the moment a report for a file is made (https://no-color.org)."""
    before = os.environ.get("NO_COLOR")
    os.environ["NO_COLOR"] = "1"
    try:
        yield
    finally:
        if before is None:
            del os.environ["NO_COLOR"]
        else:
            os.environ["NO_COLOR"] = before


def report_pieces(run: Run, fmt: str, lang: str, summary: dict | None) -> Iterator[str | bytes]:
    """The report of `run` in `fmt` (with the roll-up in text and JSON when there is one), in
    pieces as the reporter makes them (see `reporters.stream`).  Formats come from the
    reporters' registry, so a reporter registered there is usable both on the console
    (--format) and as a file (--output FORMAT=FILE)."""
    if summary is not None and fmt == "json":
        from staffing.reporters import json_reporter

        return json_reporter.stream(run, lang, extra={"rollup": summary})
    if summary is not None and fmt == "text":
        from staffing.run.batch import rollup_text

        return itertools.chain(stream(fmt, run, lang), (rollup_text(summary, lang),))
    return stream(fmt, run, lang)


def report_for(run: Run, fmt: str, lang: str, summary: dict | None) -> str | bytes:
    """The whole report of `run` in `fmt` (for a file, written whole or not at all)."""
    pieces = list(report_pieces(run, fmt, lang, summary))
    if pieces and isinstance(pieces[0], bytes):
        return b"".join(p for p in pieces if isinstance(p, bytes))
    return "".join(p for p in pieces if isinstance(p, str))


def cmd_check(args: argparse.Namespace) -> int:
    config = config_of(args)
    if args.select is None:
        args.select = config.get("select")
    if args.ignore is None:
        args.ignore = config.get("ignore")
    args.packs = list(config.get("packs", [])) + list(args.packs or [])  # the file's folders, then the command line's
    outputs = _outputs(args)
    if args.format and args.format not in REPORTERS:  # before any plan is checked
        raise problem("--format", "cli.unknown-format", format=args.format, known=", ".join(sorted(REPORTERS)))
    folders = pack_folders(args)
    from staffing.packs.load import available, resolve

    available(folders)  # a missing folder or a clash of ids is one message before any plan
    if args.rules:  # a pack named on the command line is an argument: one message, not one per plan
        resolve(args.rules, folders)
    settings = Settings(
        rules=args.rules,
        packs=folders,
        select=_codes(args.select),
        ignore=_codes(args.ignore),
        limits=_limits(args),
    )
    results: list[FileResult] = []
    plan_paths: list[str] = []
    skipped: list[Skipped] = []
    for item in discover(args.paths):
        if isinstance(item, InputProblem):
            results.append(FileResult(item.file, error=item))
            continue
        if isinstance(item, Skipped):
            skipped.append(Skipped(display_path(item.path), item.reason))
            continue
        plan_paths.append(item)
    if getattr(args, "charts", None) or args.explain_roles:  # whole plans, not the batch's records
        results.extend(check_file(p, settings) for p in plan_paths)
    else:
        from staffing.run.batch import check_paths

        checked, _ = check_paths(plan_paths, settings, jobs=args.jobs, use_cache=not args.no_cache,
                                 cache_dir=args.cache_dir)
        results.extend(checked)
    from staffing.run.county import check_counties

    county_results = check_counties([r for r in results if r.summary is not None or r.error is not None])
    results.extend(county_results)
    from staffing.run import waivers

    extra: list = []
    waiver_file = None if args.no_waivers else waivers.discover(
        args.waivers, cwd=None if args.waivers or not config.path else config.get("_base"))
    if waiver_file:
        waiver_file = display_path(waiver_file)
    if waiver_file:
        judge_all = any(os.path.isdir(p) for p in args.paths)
        extra = waivers.apply(results, waivers.load(waiver_file), waivers.today(), judge_all=judge_all)
    strict = args.strict or args.fail_on == "warning"
    run = Run(results, packs_findings(results) + extra, strict=strict, settings=settings, skipped=skipped)
    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if fmt not in REPORTERS:
        raise problem("--format", "cli.unknown-format", format=fmt, known=", ".join(sorted(REPORTERS)))
    summary = None
    if len(plan_paths) > 1 or county_results:
        from staffing.run.batch import rollup

        summary = rollup(results, run.status)
    for out_fmt, out_file in outputs:
        with _no_colour():  # a file never gets a terminal's colour codes
            data = report_for(run, out_fmt, args.lang, summary)
        write_file(out_file, data, args.lang)
    for piece in report_pieces(run, fmt, args.lang, summary):  # written as made: memory does not grow with the findings
        if isinstance(piece, bytes):
            raise problem("--format", "cli.format-not-text", format=fmt)
        emit(piece)
    if args.explain_roles and fmt == "text":
        from staffing.reporters.roles import explain

        emit("\n" + "\n".join(filter(None, (explain(r, args.lang) for r in results))))
    chart_status: int = Exit.CLEAN
    if getattr(args, "charts", None):
        from staffing.cli.render import draw_charts

        chart_status = draw_charts(run, args.charts, args.lang, args)
    counts = run.counts()
    if chart_status:
        return chart_status
    if counts["unusable"] or counts["county_unusable"]:
        return Exit.UNUSABLE
    if counts["failed"] or counts["county_failed"] or any(run.failing(f) for f in run.pack_findings):  # e.g. an unused waiver, --fail-on warning
        return Exit.VIOLATIONS
    if counts["incomplete"] and not args.allow_incomplete:  # never a pass: something could not be checked
        return Exit.VIOLATIONS
    return Exit.CLEAN


def cmd_rules(args: argparse.Namespace) -> int:
    from staffing.packs.load import available, resolve

    lang = args.lang
    folders = pack_folders(args)
    for pack_id in sorted(available(folders)):
        pack = resolve(pack_id, folders)
        print(f"{pack.id}  {pack.title.get(lang, '')}  ({origin_words(pack.origin, lang)})")
        print(f"    {render('rules.extends', lang, {})}: {' → '.join(pack.chain)}")
        print(f"    {render('rules.applies', lang, {})}: {', '.join(pack.applies_to)}")
        for note in pack.inferred:
            print(f"    {render('rules.inferred', lang, {})}: {note.get(lang, '')}")
        def cited(source: str | None, inferred: bool) -> str:
            return ("(inferred)  " if inferred else "") + "← " + (source or render("rules.no-source", lang, {}))

        if pack.effective is not None:
            print(f"    {render('rules.effective', lang, {})}: {pack.effective.isoformat()}  "
                  f"{cited(pack.effective_source, pack.effective_inferred)}")
        for name, param in sorted(pack.requires.items()):
            print(f"    {render('rules.requires', lang, {})}: {name} = {json.dumps(param.value)}  {cited(param.source, param.inferred)}")
        vocabulary = {"ranks": pack.ranks, "post_ranks": pack.post_ranks,
                      **{f"titles.{level}": titles for level, titles in sorted(pack.titles.items())}}
        for name, words in vocabulary.items():
            if words:
                print(f"    {render('rules.vocabulary', lang, {})}: {name} = {json.dumps(words, ensure_ascii=False)}")
        for slug, setting in sorted(pack.checks.items()):
            if setting.source:
                print(f"    {slug}  {cited(setting.source, setting.inferred)}")
            for name, param in sorted(setting.params.items()):
                print(f"    {slug}.{name} = {json.dumps(param.value, ensure_ascii=False)}  {cited(param.source, param.inferred)}")
        for lo in pack.loosened:
            print(f"    ! {render('rules.loosens', lang, {})} {lo.parent_pack}: {lo.slug}.{lo.option} {lo.parent_value} → {lo.value}")
        print()
    print(render("rules.checks", lang, {}))
    for check in CHECKS:
        print(f"  {check.code}  {check.slug:<36} {check.severity.value:<8} {render(f'title.{check.code}', lang, {})}")
    return Exit.CLEAN


def origin_words(origin: str, lang: str) -> str:
    """Where a pack came from, in words: shipped, or its folder or file."""
    from staffing.packs.pack import SHIPPED

    return render("report.shipped", lang, {}) if origin == SHIPPED else render("report.from", lang, {"origin": origin})


def cmd_explain(args: argparse.Namespace) -> int:
    check = lookup(args.code)
    if check is None:
        raise problem("<arguments>", "cli.unknown-check", check=args.code)
    rule = f"rule {check.rule}, " if check.rule else ""
    print(f"{check.code} {check.slug}  ({rule}default severity {check.severity.value})")
    print(render(f"title.{check.code}", "zh", {}))
    print()
    print(check.doc())
    fields = check.options.model_fields
    if fields:
        print()
        print("## Options")
        for name in fields:
            print(f"- {name}")
    return Exit.CLEAN


def cmd_schema(args: argparse.Namespace) -> int:
    from staffing.plan.schema import plan_schema

    print(json.dumps(plan_schema(), ensure_ascii=False, indent=2))
    return Exit.CLEAN


def cmd_diff(args: argparse.Namespace) -> int:
    from staffing.run import diff

    limits = Limits(max_bytes=args.max_bytes)
    if args.base is not None and len(args.files) == 1:
        old = diff.load_from_git(args.base, args.files[0], limits)
    elif args.base is None and len(args.files) == 2:
        old = diff.load_version(args.files[0], limits)
    else:
        raise problem("<arguments>", "cli.diff-args")
    new = diff.load_version(args.files[-1], limits)
    if old.plan.town.code != new.plan.town.code and not args.force:
        old_town, new_town = old.plan.town, new.plan.town
        raise problem("<arguments>", "diff.different-towns", old=f"{old_town.name} {old_town.code}",
                      new=f"{new_town.name} {new_town.code}")
    result = diff.compare(old, new)
    emit(diff.report_json(result) if args.format == "json" else diff.report_text(result, args.lang))
    return Exit.CLEAN if result.ok else Exit.VIOLATIONS


def _cmd_render(args: argparse.Namespace) -> int:
    from staffing.cli.render import cmd_render

    return cmd_render(args)


def _output_spec(value: str) -> tuple[str, str]:
    """FORMAT=FILE, for --output."""
    fmt, sep, file = value.partition("=")
    if not sep or not fmt.strip() or not file.strip():
        raise argparse.ArgumentTypeError(render("cli.output-spec", "en", {"value": value}))
    return fmt.strip(), file


def _config_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", dest="config_file", metavar="FILE",
                   help="read defaults from this staffing.toml (default: the one in the working folder or above it, "
                        "up to the repository root)")
    p.add_argument("--isolated", action="store_true", help="ignore every staffing.toml")


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


def _cmd_report(args: argparse.Namespace) -> int:
    from staffing.cli.report import cmd_report

    return cmd_report(args, discover)


def _paper_options(parser: argparse.ArgumentParser) -> None:
    from staffing.charts.paper import ORIENTATIONS, PAPERS

    parser.add_argument("--paper", choices=sorted(PAPERS), default="A4",
                        help="sheet the chart is sized for (default A4; text never under 8 pt on it)")
    parser.add_argument("--orientation", choices=ORIENTATIONS, default="landscape",
                        help="sheet orientation (default landscape)")


def build_parser(config: Config | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="staffing",
        description="Check township three-set plans (三定方案) against reform rule packs and draw org charts.",
    )
    parser.add_argument("--version", action="version", version=f"staffing {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="check plan files or folders")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--rules", metavar="PACK", help="pack id or file, overriding each plan's rule_pack")
    check.add_argument("--packs", action="append", metavar="DIR",
                       help="a folder of your own rule packs, which plans may then name by id (repeatable)")
    check.add_argument("--format", choices=CONSOLE_FORMATS, default=None,
                       help="output format; default text, or github when GITHUB_ACTIONS=true")
    check.add_argument("--lang", choices=["zh", "en"], default="zh")
    check.add_argument("--strict", action="store_true", help="warnings fail too (same as --fail-on warning)")
    check.add_argument("--fail-on", choices=["error", "warning"], default="error",
                       help="lowest severity that fails the run (exit 1)")
    check.add_argument("--allow-incomplete", action="store_true",
                       help="a partial check: plans that could not be checked in full (figures or sections "
                            "unknown) do not fail the run; they are still reported as incomplete")
    check.add_argument("--explain-roles", action="store_true",
                       help="after the report, show how each body was read: its roles and how they were found, "
                            "its category, and whether it counts toward the limit")
    check.add_argument("--waivers", metavar="FILE",
                       help="waiver file (default: staffing-waivers.yaml in the working folder, if any)")
    check.add_argument("--no-waivers", action="store_true", help="ignore every waiver file")
    check.add_argument("--select", action="append", metavar="CODES", help="only these checks (codes or slugs, comma-separated)")
    check.add_argument("--ignore", action="append", metavar="CODES", help="skip these checks")
    check.add_argument("--max-bytes", type=_limit, default=Limits().max_bytes,
                       help="largest plan file accepted, in bytes (default %(default)s)")
    check.add_argument("--max-depth", type=_limit, default=Limits().max_depth,
                       help="deepest nesting of mappings and lists accepted (default %(default)s)")
    check.add_argument("--max-nodes", type=_limit, default=Limits().max_nodes,
                       help="most values accepted in one file, aliases expanded (default %(default)s)")
    check.add_argument("--max-findings-per-check", type=_limit, default=Limits().max_findings_per_check, metavar="N",
                       help="findings of one check listed per file; the rest are counted (default %(default)s)")
    check.add_argument("--max-findings-per-file", type=_limit, default=Limits().max_findings_per_file, metavar="N",
                       help="findings listed per file; the rest are counted (default %(default)s)")
    check.add_argument("--jobs", "-j", type=int, default=None, metavar="N", help="processes to use (default: every core)")
    check.add_argument("--no-cache", action="store_true", help="check every plan again and keep no results")
    check.add_argument("--cache-dir", metavar="DIR", default=None,
                       help="keep the result cache in DIR (default: $XDG_CACHE_HOME/staffing or ~/.cache/staffing)")
    check.add_argument("--charts", metavar="DIR", help="draw the chart of every plan into DIR (SVG and PNG)")
    _paper_options(check)
    check.add_argument("--output", "-o", action="append", type=_output_spec, metavar="FORMAT=FILE",
                       help="also write the report in FORMAT to FILE (repeatable: one run, several reports; "
                            "formats as for --format)")
    _config_options(check)
    check.set_defaults(func=cmd_check, config=config, **_check_defaults(config or Config()))

    rules = sub.add_parser("rules", help="list rule packs and checks")
    rules.add_argument("--lang", choices=["zh", "en"], default="zh")
    rules.add_argument("--packs", action="append", metavar="DIR", help="a folder of your own rule packs (repeatable)")
    _config_options(rules)
    rules.set_defaults(func=cmd_rules, config=config, **_lang_default(config))

    explain = sub.add_parser("explain", help="explain a check: staffing explain ST101")
    explain.add_argument("code")
    explain.set_defaults(func=cmd_explain)

    render_cmd = sub.add_parser("render", help="draw a plan's org chart: staffing render PLAN -o chart.svg")
    render_cmd.add_argument("plan", nargs="+", metavar="PLAN", help="a plan; with --compare, OLD NEW as well")
    render_cmd.add_argument("-o", "--output", required=True, metavar="FILE", help="output: .svg .png .pdf or .dot")
    render_cmd.add_argument("--compare", action="store_true",
                            help="one plan: before and after the reform; two plans (OLD NEW): the two versions")
    _paper_options(render_cmd)
    render_cmd.add_argument("--rules", metavar="PACK", help="pack id or file, overriding the plan's rule_pack")
    render_cmd.add_argument("--packs", action="append", metavar="DIR", help="a folder of your own rule packs (repeatable)")
    _config_options(render_cmd)
    render_cmd.add_argument("--lang", choices=["zh", "en"], default="zh")
    render_cmd.set_defaults(func=_cmd_render, config=config, **_lang_default(config))

    report = sub.add_parser(
        "report", help="the review report a reviewer signs: staffing report PLAN... -o report.pdf (or .html)"
    )
    report.add_argument("paths", nargs="+", metavar="PLAN", help="plan files or folders")
    report.add_argument("-o", "--output", required=True, metavar="FILE", help="report file: .html or .pdf")
    report.add_argument("--rules", metavar="PACK", help="pack id or file, overriding each plan's rule_pack")
    report.add_argument("--packs", action="append", metavar="DIR", help="a folder of your own rule packs (repeatable)")
    report.add_argument("--lang", choices=["zh", "en"], default="zh")
    report.add_argument("--strict", action="store_true", help="warnings fail too")
    report.add_argument("--waivers", metavar="FILE",
                        help="waiver file (default: staffing-waivers.yaml in the working folder, if any)")
    report.add_argument("--no-waivers", action="store_true", help="ignore every waiver file")
    report.set_defaults(func=_cmd_report)

    schema = sub.add_parser("schema", help="print the JSON Schema of the plan format")
    schema.set_defaults(func=cmd_schema)

    diff = sub.add_parser("diff", help="compare two versions of a plan: staffing diff OLD NEW | --base REV NEW")
    diff.add_argument("files", nargs="+", metavar="FILE")
    diff.add_argument("--base", metavar="REV", help="compare FILE with itself at git revision REV")
    diff.add_argument("--format", choices=["text", "json"], default="text")
    diff.add_argument("--lang", choices=["zh", "en"], default="zh")
    diff.add_argument("--max-bytes", type=int, default=Limits().max_bytes, help="largest plan file accepted")
    diff.add_argument("--force", action="store_true", help="compare even plans of two different towns")
    _config_options(diff)
    diff.set_defaults(func=cmd_diff, config=config, **_lang_default(config))

    init = sub.add_parser("init", help="set up a plans repository: staffing.toml, the plan schema, an example plan, "
                                       "waivers, pre-commit, GitHub and GitLab CI jobs, .gitignore")
    init.add_argument("dir", metavar="DIR", nargs="?", default=".")
    init.add_argument("--install", metavar="SPEC", default=None,
                      help="how CI installs staffing: a pip requirement (default: staffing==VERSION)")
    init.add_argument("--lang", choices=["zh", "en"], default="zh")
    init.set_defaults(func=cmd_init)

    gen = sub.add_parser("generate", help="write a corpus of realistic generated plans: staffing generate --towns N DIR")
    gen.add_argument("dir", metavar="DIR")
    gen.add_argument("--towns", type=int, default=100)
    gen.add_argument("--seed", type=int, default=0)
    gen.add_argument("--lang", choices=["zh", "en"], default="zh")
    gen.set_defaults(func=cmd_generate)

    from staffing.cli.workbook import add_commands

    add_commands(sub)
    return parser


def cmd_init(args: argparse.Namespace) -> int:
    """Set up a plans repository in args.dir: every file `staffing.cli.init` lists, none
    overwritten; each one said."""
    from staffing.cli.init import default_install, files

    root = Path(args.dir)
    for rel, text in files(args.install or default_install()):
        target = root / rel
        shown = display_path(str(target))
        if target.exists() or target.is_symlink():
            say("cli.exists", args.lang, file=shown)
            continue
        write_file(shown, text, args.lang)
    return Exit.CLEAN


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


def cmd_generate(args: argparse.Namespace) -> int:
    from staffing.plan.generate import write

    try:
        n = write(args.dir, args.towns, args.seed)
    except OSError as exc:
        raise problem(args.dir, "cli.unwritable", target=exc.filename or args.dir,
                      reason=exc.strerror or type(exc).__name__) from None
    say("cli.generated", args.lang, count=n, folder=args.dir)
    return Exit.CLEAN


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        config = resolve_config(*_preparse(argv)) if argv and argv[0] in ("check", "rules", "render", "diff") else None
    except InputProblem as exc:
        lang = "en" if any(a == "--lang=en" or (a == "--lang" and argv[i + 1:i + 2] == ["en"])
                           for i, a in enumerate(argv)) else "zh"
        print(f"staffing: {exc.where()}: {exc.message(lang)}", file=sys.stderr)
        return Exit.UNUSABLE
    parser = build_parser(config)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad arguments, 0 on --help
        return int(exc.code or 0)
    try:
        return int(args.func(args))
    except InputProblem as exc:
        lang = getattr(args, "lang", "zh")
        print(f"staffing: {exc.where()}: {exc.message(lang)}", file=sys.stderr)
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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
