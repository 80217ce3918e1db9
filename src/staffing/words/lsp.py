"""Words of the language server (`staffing lsp`): what a diagnostic adds to a finding, the
titles of its quick fixes, its --help."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "lsp.citation": ("依据：{citation}", "Source: {citation}"),
    "lsp.trail": ("位置：{trail}", "Where: {trail}"),
    "lsp.waived": ("已豁免：{waiver}", "waived: {waiver}"),
    "lsp.fix-colon": ("把全角冒号改为英文冒号", "Write an ASCII colon for the full-width one"),
    "lsp.fix-number": ("改为{value}", "Write {value}"),
    "lsp.fix-word": ("改为“{word}”", "Write “{word}”"),
}
