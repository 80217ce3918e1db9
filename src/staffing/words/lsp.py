"""Words of the language server (`staffing lsp`): what a diagnostic adds to a finding, the
titles of its quick fixes, its answers to a message it cannot take, its --help."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "lsp.citation": ("依据：{citation}", "Source: {citation}"),
    "lsp.trail": ("位置：{trail}", "Where: {trail}"),
    "lsp.waived": ("已豁免：{waiver}", "waived: {waiver}"),
    "lsp.fix-colon": ("把全角冒号改为英文冒号", "Write an ASCII colon for the full-width one"),
    "lsp.fix-number": ("改为{value}", "Write {value}"),
    "lsp.fix-word": ("改为“{word}”", "Write “{word}”"),
    "lsp.too-large": (
        "文件大小{size}字节，超过上限{limit}字节（上限可在配置文件 staffing.toml 中调整）",
        "the file is {size} bytes, over the limit of {limit} (max-bytes in staffing.toml sets it)",
    ),
    "lsp.parse-error": ("消息不是有效的 JSON", "the message is not valid JSON"),
    "lsp.invalid-request": ("消息不是有效的请求或通知", "the message is no valid JSON-RPC request or notification"),
    "lsp.invalid-params": ("请求的参数不符合要求", "the request's params do not fit its method"),
    "lsp.not-initialized": ("服务尚未初始化，请先发送初始化请求", "the server is not initialized yet: send initialize first"),
    "lsp.shut-down": ("服务已关闭，不再处理请求", "the server has shut down and takes no more requests"),
    "lsp.initialized-twice": ("服务已经初始化，不能再次初始化", "the server is initialized already: initialize comes once"),
    "lsp.notification-with-id": (
        "这是一条通知，不应带有请求编号，本服务不予处理",
        "this method is a notification and takes no id: the message is not handled",
    ),
    "lsp.method-not-found": ("本服务不处理这种请求", "the server does not handle this request"),
    "lsp.internal": ("本工具处理这个请求时出错，请把操作步骤报告给维护人员", "the tool failed on this request; please report what you did"),
    "lsp.failed": (
        "本工具出错，编辑器中的检查结果可能没有更新；请把操作步骤报告给维护人员",
        "the tool failed and the findings in the editor may be out of date; please report what you did",
    ),
}
