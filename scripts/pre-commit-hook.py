#!/usr/bin/env python3
"""The pre-commit hook's entry (`.pre-commit-hooks.yaml`, `language: script`): staffing in an
environment of its own, installed from the lock, then `staffing hook FILE...`.

pre-commit's `language: python` would run `pip install .` here, and pip would resolve every
dependency (and the build backend) from whatever index it is given, by version, with no hash
checked.  CI installs `requirements.lock` with every file's hash checked; so does this, into
the same set:

    pip install --require-hashes --no-deps -r requirements.lock
    pip install --no-deps --no-build-isolation .

(the lock holds the build backend too, so building the tool downloads nothing).  pre-commit
clones this repository once per pinned commit; the environment is made beside that clone,
once, named after the Python that makes it and the lock's and the commit's hashes, and is
used until `pre-commit clean` (or `gc`) removes the clone.  It is built under a temporary
name and renamed into place when complete: a run that stops half way, or two repositories
installing at once, never leave a half-made environment in use.

Runs with the Python that runs this file (`python3`, 3.11 or later); nothing but the
standard library, and the catalogue's words from this checkout for what it says.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

TOOL = Path(__file__).resolve().parent.parent
LOCK = TOOL / "requirements.lock"
MIN_PYTHON = (3, 11)


def words(key: str, lang: str, **params: str) -> str:
    """One of the catalogue's messages, from this checkout's source (staffing is not installed
    yet when this speaks)."""
    sys.path.insert(0, str(TOOL / "src"))
    try:
        from staffing.words.cli import WORDS
    finally:
        sys.path.pop(0)
    zh, en = WORDS[key]
    return "staffing: " + (en if lang == "en" else zh).format(**params)


def language(argv: list[str]) -> str:
    """The language `staffing hook` will speak: `--lang` among the hook's args, else the
    repository's staffing.toml, else Chinese."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    try:
        import tomllib  # Python 3.11: older ones are told so, in Chinese

        with open("staffing.toml", "rb") as f:
            lang = tomllib.load(f).get("check", {}).get("lang", "zh")
    except (ImportError, OSError, ValueError, AttributeError):
        return "zh"
    return lang if lang in ("zh", "en") else "zh"


# what git sets for a hook to name the repository being committed to (the plans repository),
# which would otherwise win over `git -C` and answer for the wrong repository
REPOSITORY_VARIABLES = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
                        "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_COMMON_DIR", "GIT_PREFIX")


def commit() -> str:
    """The commit this checkout is at (pre-commit's clone: the pinned `rev`)."""
    env = {k: v for k, v in os.environ.items() if k not in REPOSITORY_VARIABLES}
    try:
        done = subprocess.run(["git", "-C", str(TOOL), "rev-parse", "HEAD"], capture_output=True, text=True,
                              timeout=60, check=False, env=env)
    except (OSError, subprocess.SubprocessError):
        return "no-git"
    return done.stdout.strip() if done.returncode == 0 else "no-git"


def env_dir() -> Path:
    """Where the environment for this Python, this lock and this commit lives."""
    key = hashlib.sha256(LOCK.read_bytes() + b"\0" + commit().encode()).hexdigest()[:16]
    return TOOL / f".staffing-hook-env-{sys.implementation.cache_tag}-{key}"


def env_python(env: Path) -> Path:
    return env / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def install(env: Path, lang: str) -> None:
    """Make the environment at `env`: built under another name, renamed when complete."""
    print(words("hook.env-installing", lang, lock=str(LOCK), env=str(env)), file=sys.stderr)
    building = env.with_name(f"{env.name}.building-{os.getpid()}")
    shutil.rmtree(building, ignore_errors=True)
    python = str(env_python(building))
    # compiled once in place below: bytecode compiled here would name the temporary folder
    pip = [python, "-m", "pip", "install", "--disable-pip-version-check", "--quiet", "--no-compile"]
    steps = [
        [sys.executable, "-m", "venv", str(building)],
        # exactly the locked files, each checked against its hash; nothing resolved
        [*pip, "--require-hashes", "--no-deps", "-r", str(LOCK)],
        # the tool itself, built by the locked backend (no download at build time)
        [*pip, "--no-deps", "--no-build-isolation", str(TOOL)],
    ]
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            shutil.rmtree(building, ignore_errors=True)
            print(words("hook.env-failed", lang, command=" ".join(step)), file=sys.stderr)
            sys.stderr.write(done.stdout[-4000:] + done.stderr[-4000:])
            sys.exit(2)
    try:
        building.rename(env)
    except OSError:  # another run finished first: use its environment
        shutil.rmtree(building, ignore_errors=True)
        if not env_python(env).exists():
            raise
        return
    # every later start reads bytecode (best effort: without it Python compiles as it imports)
    subprocess.run([str(env_python(env)), "-m", "compileall", "-q", str(env)], capture_output=True, check=False)


def main(argv: list[str]) -> int:
    lang = language(argv)
    if sys.version_info < MIN_PYTHON:
        print(words("hook.env-python", lang, python=sys.executable,
                    version=".".join(map(str, sys.version_info[:3])),
                    needed=".".join(map(str, MIN_PYTHON))), file=sys.stderr)
        return 2
    env = env_dir()
    if not env_python(env).exists():
        install(env, lang)
    command = [str(env_python(env)), "-m", "staffing", "hook", *argv]
    if os.name == "nt":
        return subprocess.run(command, check=False).returncode
    os.execv(command[0], command)
    return 2  # not reached


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
