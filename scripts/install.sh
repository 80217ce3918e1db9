#!/usr/bin/env bash
# Set up staffing on a Debian/Ubuntu machine: Graphviz and a Chinese font for the org
# charts (only when missing), then .venv with the package, installed from the lock:
#
#   bash scripts/install.sh           what running needs        (requirements.lock)
#   bash scripts/install.sh --test    the same plus the test tools (requirements-test.lock)
#
# Every version and file hash comes from the lock (refresh it with scripts/lock.sh).
# Safe to run again: every step checks first and only adds what is missing.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

LOCK=requirements.lock
case "${1:-}" in
  "") ;;
  --test) LOCK=requirements-test.lock ;;
  *) echo "usage: bash scripts/install.sh [--test]" >&2; exit 2 ;;
esac

# Running: Graphviz and a CJK font for the charts; Pango (with its FreeType backend) for the
# PDF report, which WeasyPrint lays out through it.  Testing also: a real browser to open the
# HTML report and print it, poppler's pdftotext/pdffonts/pdftoppm to read the PDF, and
# LibreOffice Calc (without its recommended extras) to print the workbooks as an office does.
SYSTEM_PACKAGES=(graphviz fonts-noto-cjk fontconfig libpango-1.0-0 libpangoft2-1.0-0)
TEST_PACKAGES=(chromium poppler-utils libreoffice-calc)

need_system=0
if ! command -v dot >/dev/null 2>&1; then
  echo "Graphviz 'dot' not found / 未找到 Graphviz 的 dot 程序"
  need_system=1
fi
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh family 2>/dev/null)" ]; then
  echo "No Chinese (CJK) font found / 未找到中文字体"
  need_system=1
fi
if command -v ldconfig >/dev/null 2>&1 && ! ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0'; then
  echo "Pango not found (needed for PDF reports) / 未找到 Pango（生成 PDF 报告需要）"
  need_system=1
fi
if [ "$LOCK" = requirements-test.lock ]; then
  if ! command -v chromium >/dev/null 2>&1; then
    echo "Chromium not found (the report tests open it) / 未找到 Chromium（报告测试需要）"
    need_system=1
  fi
  if ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdffonts >/dev/null 2>&1; then
    echo "poppler-utils not found (the report tests read PDFs with it) / 未找到 poppler-utils"
    need_system=1
  fi
  if ! command -v soffice >/dev/null 2>&1; then
    echo "LibreOffice not found (the workbook tests print with it) / 未找到 LibreOffice（工作簿打印测试需要）"
    need_system=1
  fi
  SYSTEM_PACKAGES+=("${TEST_PACKAGES[@]}")
fi

if [ "$need_system" -eq 1 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=()
    if [ "$(id -u)" -ne 0 ]; then
      if command -v sudo >/dev/null 2>&1; then
        SUDO=(sudo)
      else
        echo "Not root and no sudo: ask an administrator to run / 需要管理员执行：" >&2
        echo "  apt-get update && apt-get install -y ${SYSTEM_PACKAGES[*]}" >&2
        exit 1
      fi
    fi
    "${SUDO[@]}" apt-get update
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${SYSTEM_PACKAGES[@]}"
  else
    echo "apt-get is not available. Install these packages with your system's package manager," >&2
    echo "then run this script again / 请用系统的包管理器安装以下软件包后重新运行本脚本：" >&2
    echo "  graphviz (the 'dot' program), a CJK font such as Noto Sans CJK SC (fonts-noto-cjk), fontconfig," >&2
    echo "  Pango 1.44 or later (for PDF reports); for the tests also Chromium, poppler-utils and LibreOffice Calc" >&2
    exit 1
  fi
else
  echo "Graphviz, a Chinese font and Pango are installed / Graphviz、中文字体与 Pango 已安装"
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  if ! "$PYTHON" -m venv .venv; then
    echo "Could not create .venv; on Debian install python3-venv / 无法创建虚拟环境，请安装 python3-venv" >&2
    exit 1
  fi
fi
PIP=(.venv/bin/python -m pip install --disable-pip-version-check -q)
# Exactly the locked files, verified by hash; nothing resolved here.
"${PIP[@]}" --require-hashes --no-deps -r "$LOCK"
# The package itself, in place, built by the locked backend (no download at build time).
"${PIP[@]}" --no-deps --no-build-isolation -e .
# The package is installed in place; compile it once so that every start reads bytecode
# even where PYTHONDONTWRITEBYTECODE is set (as on CI machines).
.venv/bin/python -m compileall -q src >/dev/null

echo "Done / 完成: .venv/bin/staffing --help"
