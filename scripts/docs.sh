#!/usr/bin/env bash
# Rewrite what the documentation takes from the registry of checks: the README's table of
# checks and the Chinese user guide's part on the checks (tests fail until they are current).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY="${PYTHON:-.venv/bin/python}"
"$PY" -m staffing.reporters.checks_table README.md
"$PY" -m staffing.reporters.checks_guide docs/guide.zh.md
