"""What the commands print and write: reports to stdout, messages to stderr, outputs whole
or not at all."""

from __future__ import annotations

import os
import sys

from staffing.errors import InputProblem, problem, visible
from staffing.messages import render


def silence_stdout() -> None:
    """Point stdout at the null device, so nothing more (nor the flush at exit) fails."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def emit(text: str) -> None:
    """Print a report.  A reader that went away (`staffing check orgs | head`) is not a
    verdict: the command goes on and exits with the code the plans earn."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
    except OSError as exc:  # a full disk, /dev/full, a device error: the report is not whole
        silence_stdout()
        raise problem("", "cli.stdout-unwritable", reason=exc.strerror or type(exc).__name__) from None


def say(key: str, lang: str, **params: object) -> None:
    """Tell the user (on stderr) what a command wrote.  Paths and names may come from a
    plan or staffing.toml: shown through the one neutraliser, escapes and bidi inert."""
    shown = {k: visible(v) if isinstance(v, str) else v for k, v in params.items()}
    print(f"staffing: {render(key, lang, shown)}", file=sys.stderr)


def tell(exc: InputProblem, lang: str) -> None:
    """An unusable input or argument, on stderr: where (a file and its place, or the option;
    nothing for the command line as a whole), then what is wrong."""
    for one in exc.each():  # every mistake of a file, each at its place
        where = one.where()
        print(f"staffing: {where}: {one.message(lang)}" if where else f"staffing: {one.message(lang)}", file=sys.stderr)


def write_file(path: str, data: str | bytes, lang: str) -> None:
    """Write an output whole (or not at all) and say so; a path that cannot be written is
    one clear message and exit 2, not an internal error."""
    from staffing.io.output import write_atomic

    try:
        write_atomic(path, data)
    except OSError as exc:
        raise problem(path, "cli.unwritable", target=path, reason=exc.strerror or type(exc).__name__) from None
    say("cli.wrote", lang, file=path)
