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
    "help.cmd.lsp": (
        "语言服务器（经标准输入输出）：在编辑器中随写随查，问题标在所在的行列",
        "language server over stdio: findings in the editor, at their line and column, as you type",
    ),
    "help.lsp.stdio": ("经标准输入输出通信（默认，编辑器客户端常传此参数）", "talk over stdin/stdout (the default; clients often pass it)"),
}
