#!/usr/bin/env bash
# Refresh the lock files from pyproject.toml (the one documented way to change them):
#
#   bash scripts/lock.sh              keep every pin that still fits the ranges
#   bash scripts/lock.sh --upgrade    move every pin to the newest version the ranges allow
#
# requirements.lock       what running needs (and the build backend), with hashes
# requirements-test.lock  the same pins plus the test tools and the benchmark's peers
#                         (extras test and bench), with hashes
#
# Uses uv's `pip compile` (pinned below, installed into .venv-lock/): it resolves for every
# platform and Python >= 3.11 at once (--universal), writes sha256 hashes of every file of
# every pin, and takes a second file's pins as constraints, so both locks agree.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

UV_VERSION=0.13.9
PYTHON="${PYTHON:-python3}"
tools=.venv-lock
if [ ! -x "$tools/bin/uv" ] || [ "$("$tools/bin/uv" --version | cut -d' ' -f2)" != "$UV_VERSION" ]; then
  "$PYTHON" -m venv "$tools"
  "$tools/bin/python" -m pip install --disable-pip-version-check -q "uv==$UV_VERSION"
fi

common=(--universal --python-version 3.11 --generate-hashes --quiet
        --custom-compile-command "bash scripts/lock.sh" "$@")
"$tools/bin/uv" pip compile "${common[@]}" pyproject.toml requirements-build.in -o requirements.lock
"$tools/bin/uv" pip compile "${common[@]}" --extra test --extra bench -c requirements.lock \
  pyproject.toml requirements-build.in -o requirements-test.lock
echo "requirements.lock and requirements-test.lock written; run: bash scripts/install.sh --test && .venv/bin/python -m pytest"
