"""`--help` and argument errors in the user's language.

Every command's and option's help comes from the catalogue (`help.*`), put on the parser
once it is built; argparse's own words ("usage:", "options", "invalid choice" …) come from
the catalogue too (`argparse.*`), by the gettext ids argparse looks them up with, for as long
as `language` is in force.  The language is the one the command line asks for (`--lang`),
else the configuration's, else Chinese."""

from __future__ import annotations

import argparse
import contextlib
import re
from collections.abc import Iterator, Sequence
from typing import Any, NoReturn

from staffing.messages import CATALOGUE, close_matches, render, text

_current = ["zh"]  # the language argparse speaks while `language` is in force


def current() -> str:
    """The language of the command line being parsed (for messages of option types)."""
    return _current[0]


def asked_language(argv: Sequence[str], default: str | None) -> str:
    """The language the command line asks for: `--lang en` or `--lang=en` anywhere before
    `--`, else `default` (the configuration's), else Chinese."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in ("zh", "en"):
            return argv[i + 1]
        if arg.startswith("--lang=") and arg.partition("=")[2] in ("zh", "en"):
            return arg.partition("=")[2]
    return default if default in ("zh", "en") else "zh"


def _gettext(message: str) -> str:
    entry = CATALOGUE.get(f"argparse.{message}")
    return entry[0] if entry is not None and _current[0] == "zh" else message


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


@contextlib.contextmanager
def language(lang: str) -> Iterator[None]:
    """argparse speaks `lang` while the block runs (building the parser, parsing, printing
    help or an error); its own lookups are put back afterwards."""
    saved = (argparse._, argparse.ngettext, _current[0])  # type: ignore[attr-defined]
    argparse._ = _gettext  # type: ignore[attr-defined]
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]
    _current[0] = lang
    try:
        yield
    finally:
        argparse._, argparse.ngettext, _current[0] = saved  # type: ignore[attr-defined]


class Formatter(argparse.HelpFormatter):
    """argparse's help, with a full-width colon after a Chinese section heading (argparse
    writes "heading:" itself)."""

    def format_help(self) -> str:
        return re.sub(r"(?m)^(\S[^\n]*[\u3400-\u9fff]):$", r"\1：", super().format_help())


class Parser(argparse.ArgumentParser):
    """An argument parser whose "invalid choice" lists the choices in the user's language
    and says which one was probably meant."""

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        choices = action.choices
        if choices is not None and value not in choices:
            names = [str(c) for c in choices]
            close = close_matches(str(value), names, n=1, cutoff=0.6)
            lang = current()
            params = {"value": value, "choices": text("sep.list", lang).join(names),
                      "close": close[0] if close else ""}
            key = "help.invalid-choice-hint" if close else "help.invalid-choice"
            raise argparse.ArgumentError(action, render(key, lang, params))
        super()._check_value(action, value)

    def error(self, message: str) -> NoReturn:
        """argparse joins the names of missing arguments with ", "; Chinese joins them with 、."""
        missing = _gettext("the following arguments are required: %s").replace("%s", "")
        if current() == "zh" and message.startswith(missing):
            message = missing + message[len(missing):].replace(", ", "、")
        super().error(message)


def help_key(command: str | None, dest: str) -> str:
    """The catalogue entry of an argument's help: the command's own, else the shared one."""
    own = f"help.{command}.{dest}"
    return own if command is not None and own in CATALOGUE else f"help.opt.{dest}"


def _localize_actions(parser: argparse.ArgumentParser, command: str | None, lang: str) -> None:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            _localize_commands(action, lang)
            continue
        if action.help == argparse.SUPPRESS:
            continue
        key = help_key(command, action.dest)
        if key not in CATALOGUE:
            raise KeyError(f"no catalogue entry {key} (help of {command or 'staffing'} {action.dest})")
        action.help = text(key, lang)
        placeholder = action.metavar or (action.dest.upper() if action.option_strings else action.dest)
        if lang == "zh" and action.nargs != 0 and isinstance(placeholder, str) and f"help.metavar.{placeholder}" in CATALOGUE:
            action.metavar = text(f"help.metavar.{placeholder}", lang)


def _localize_commands(action: Any, lang: str) -> None:
    if lang == "zh":
        action.metavar = text("help.metavar.command", lang)
    for listed in action._choices_actions:  # the lines under "commands" in `staffing -h`
        listed.help = text(f"help.cmd.{listed.dest}", lang)
    for name, sub in action.choices.items():
        sub.description = text(f"help.cmd.{name}", lang)
        sub.formatter_class = Formatter
        _localize_actions(sub, name, lang)


def localize(parser: argparse.ArgumentParser, lang: str) -> argparse.ArgumentParser:
    """Put the catalogue's help in `lang` on the parser and each command's parser; an
    argument without an entry is a KeyError (a bug the tests catch)."""
    parser.description = text("help.description", lang)
    parser.formatter_class = Formatter
    _localize_actions(parser, None, lang)
    return parser
