#!/usr/bin/env bash
# Drift check: run the tests against the newest versions pyproject.toml's ranges allow,
# without the lock, in a separate .venv-latest/.  A failure here is a warning that the
# next `bash scripts/lock.sh --upgrade` needs work; the lock (and CI) stay as they are.
#
#   bash scripts/test-latest.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON="${PYTHON:-python3}"
rm -rf .venv-latest
"$PYTHON" -m venv .venv-latest
.venv-latest/bin/python -m pip install --disable-pip-version-check -q --upgrade pip
.venv-latest/bin/python -m pip install --disable-pip-version-check -q --upgrade -e '.[test]'
echo "Newest versions within the ranges / 范围内的最新版本："
.venv-latest/bin/python -m pip freeze --exclude-editable | sed 's/^/  /'
exec .venv-latest/bin/python -m pytest "$@"
