"""The `staffing` command.  Parses arguments, wires loaders, checks and reporters, and is
(with the reporters) the only place that prints."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from staffing import __version__
from staffing.checks import ALL_CHECKS, lookup
from staffing.engine import FileResult, Settings, check_file, packs_findings
from staffing.errors import Exit, InputProblem, problem
from staffing.load import Limits
from staffing.reporters import REPORTERS, Run

PLAN_SUFFIXES = (".yaml", ".yml", ".json")


def discover(paths: Sequence[str]) -> Iterator[str | InputProblem]:
    """Plan files under the given paths, sorted; folders are walked recursively without
    following symbolic links to folders (so a link loop cannot trap the walk)."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found: list[str] = []
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    full = os.path.join(root, name)
                    if name.lower().endswith(PLAN_SUFFIXES) and not name.startswith("."):
                        found.append(full)
                for d in list(dirs):
                    full = os.path.join(root, d)
                    if os.path.islink(full) and full.lower().endswith(PLAN_SUFFIXES):
                        found.append(full)
            if not found:
                yield problem(raw, "input.no-plans")
            yield from sorted(found)
        else:
            yield raw


def _codes(values: Sequence[str] | None) -> frozenset[str]:
    out: set[str] = set()
    for value in values or ():
        for part in value.split(","):
            part = part.strip()
            if not part:
                continue
            check = lookup(part)
            if check is None:
                raise problem("<arguments>", "cli.unknown-check", check=part)
            out.add(check.code)
    return frozenset(out)


def cmd_check(args: argparse.Namespace) -> int:
    settings = Settings(
        rules=args.rules,
        select=_codes(args.select),
        ignore=_codes(args.ignore),
        limits=Limits(max_bytes=args.max_bytes),
    )
    results: list[FileResult] = []
    for item in discover(args.paths):
        if isinstance(item, InputProblem):
            results.append(FileResult(item.file, error=item))
            continue
        results.append(check_file(item, settings))
    run = Run(results, packs_findings(results), strict=args.strict)
    text = REPORTERS[args.format](run, args.lang)
    sys.stdout.write(text)
    if getattr(args, "charts", None):
        from staffing.cli_render import draw_charts

        draw_charts(run, args.charts, args.lang)
    counts = run.counts()
    if counts["unusable"]:
        return Exit.UNUSABLE
    if counts["failed"]:
        return Exit.VIOLATIONS
    return Exit.CLEAN


def cmd_rules(args: argparse.Namespace) -> int:
    from staffing.packs import available, resolve

    lang = args.lang
    for pack_id in sorted(available()):
        pack = resolve(pack_id)
        print(f"{pack.id}  {pack.title.get(lang, '')}")
        print(f"    {'继承' if lang == 'zh' else 'extends'}: {' → '.join(pack.chain)}")
        print(f"    {'适用' if lang == 'zh' else 'applies to'}: {', '.join(pack.applies_to)}")
        for note in pack.inferred:
            print(f"    {'推断' if lang == 'zh' else 'inferred'}: {note.get(lang, '')}")
        for slug, setting in sorted(pack.checks.items()):
            for name, param in sorted(setting.params.items()):
                flag = " (inferred)" if param.inferred else ""
                print(f"    {slug}.{name} = {json.dumps(param.value, ensure_ascii=False)}{flag}  ← {param.source}")
        for lo in pack.loosened:
            print(f"    ! {'放宽' if lang == 'zh' else 'loosens'} {lo.parent_pack}: {lo.slug}.{lo.option} {lo.parent_value} → {lo.value}")
        print()
    print("检查项" if lang == "zh" else "Checks")
    for check in ALL_CHECKS:
        print(f"  {check.code}  {check.slug:<36} {check.severity.value:<8} {check.title()}")
    return Exit.CLEAN


def cmd_explain(args: argparse.Namespace) -> int:
    check = lookup(args.code)
    if check is None:
        raise problem("<arguments>", "cli.unknown-check", check=args.code)
    print(f"{check.code} {check.slug}  (rule {check.rule}, default severity {check.severity.value})")
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
    from staffing.schema import plan_schema

    print(json.dumps(plan_schema(), ensure_ascii=False, indent=2))
    return Exit.CLEAN


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="staffing",
        description="Check township three-set plans (三定方案) against reform rule packs and draw org charts.",
    )
    parser.add_argument("--version", action="version", version=f"staffing {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="check plan files or folders")
    check.add_argument("paths", nargs="+", metavar="PATH")
    check.add_argument("--rules", metavar="PACK", help="pack id or file, overriding each plan's rule_pack")
    check.add_argument("--format", choices=sorted(REPORTERS), default="text")
    check.add_argument("--lang", choices=["zh", "en"], default="zh")
    check.add_argument("--strict", action="store_true", help="warnings fail too")
    check.add_argument("--select", action="append", metavar="CODES", help="only these checks (codes or slugs, comma-separated)")
    check.add_argument("--ignore", action="append", metavar="CODES", help="skip these checks")
    check.add_argument("--max-bytes", type=int, default=Limits().max_bytes, help="largest plan file accepted")
    check.add_argument("--charts", metavar="DIR", help="draw the chart of every plan into DIR (SVG and PNG)")
    check.set_defaults(func=cmd_check)

    rules = sub.add_parser("rules", help="list rule packs and checks")
    rules.add_argument("--lang", choices=["zh", "en"], default="zh")
    rules.set_defaults(func=cmd_rules)

    explain = sub.add_parser("explain", help="explain a check: staffing explain ST101")
    explain.add_argument("code")
    explain.set_defaults(func=cmd_explain)

    schema = sub.add_parser("schema", help="print the JSON Schema of the plan format")
    schema.set_defaults(func=cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
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
    except BrokenPipeError:  # `staffing check … | head`
        return Exit.CLEAN
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
