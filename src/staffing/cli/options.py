"""What the command line chose, read from the parsed arguments (shared by every command)."""

from __future__ import annotations

import argparse
import os

from staffing.cli.config import Config


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
