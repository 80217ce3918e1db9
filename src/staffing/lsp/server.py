"""`staffing lsp`: the checker as a language server over stdio (pygls).

- Diagnostics on open and save at once, on change after a short pause (`DEBOUNCE` seconds
  after the last keystroke), each at the finding's line and column in UTF-16 code units,
  with the same findings and input errors `staffing check` reports for the file (every input
  error at once); a county file's findings on the county file.
- The buffer, saved or not, is checked under its real path: staffing.toml, waivers and pack
  folders are those of the file's repository, with the same trust as the command line.  No
  cache is written anywhere; the explanations linked from the codes are written to the
  user's cache folder.
- Hover on a diagnostic (or on a check code such as ST201) shows `staffing explain`.
- Quick fixes where the fix is mechanical (see `staffing.lsp.convert.quick_fix`).

Which files: YAML and JSON plans (a file under an `orgs` folder, or one that starts with the
plan schema's modeline or a `town:` key) and county files (`_county.yaml`); others (a CI
workflow, a rule pack) are left alone.
"""

from __future__ import annotations

import asyncio
import os
import re
from typing import Any
from urllib.parse import unquote, urlsplit

from lsprotocol import types as t
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path

from staffing import __version__
from staffing.lsp import convert
from staffing.lsp.checker import Checker, explain, is_county
from staffing.lsp.protocol import StaffingProtocol, log_to_stderr

DEBOUNCE = 0.05  # seconds after the last change before the buffer is checked
CODE = re.compile(r"ST\d{3}")
PLAN_HINT = re.compile(r"^(#\s*yaml-language-server:.*plan\.schema\.json|town\s*[:：]|\{?\s*\"town\"\s*:)", re.M)


def path_of(uri: str) -> str | None:
    parts = urlsplit(uri)
    return unquote(parts.path) if parts.scheme == "file" else None


def wanted(path: str, text: str) -> bool:
    """Whether the file is one the checker reads: a plan or a county file."""
    name = os.path.basename(path)
    if not name.lower().endswith((".yaml", ".yml", ".json")):
        return False
    if is_county(path):
        return True
    parts = os.path.normpath(path).split(os.sep)
    if name.startswith((".", "_", "~$")) or any(p.startswith(".") and p not in (".", "..") for p in parts[:-1]):
        return False
    return "orgs" in parts[:-1] or bool(PLAN_HINT.search(text[:4000]))


class StaffingServer(LanguageServer):
    protocol: StaffingProtocol

    def __init__(self, lang: str = "zh", debounce: float = DEBOUNCE) -> None:
        super().__init__("staffing", __version__, protocol_cls=StaffingProtocol)
        self.lang = lang
        self.protocol.lang = lang
        self.debounce = debounce
        self.checker = Checker()
        self.timers: dict[str, asyncio.TimerHandle] = {}
        self.shown: dict[str, list[t.Diagnostic]] = {}  # what was last published, by URI
        self.owned: dict[str, set[str]] = {}  # URIs whose diagnostics a file's check published

    # ---- checking ------------------------------------------------------------------------

    def check(self, uri: str) -> None:
        self.timers.pop(uri, None)
        path = path_of(uri)
        if path is None:
            return
        doc = self.workspace.get_text_document(uri)
        if not wanted(path, doc.source) and uri not in self.owned:
            # a file outside orgs/ is a plan by what it says; once checked, it stays one: emptied
            # or broken, it is told what `staffing check` says of it (文件是空的, a syntax error),
            # and what was shown of it before is replaced
            return
        buffers = {}
        for other in self.workspace.text_documents.values():
            other_path = path_of(other.uri)
            if other_path is not None and other.uri != uri:
                buffers[other_path] = other.source.encode("utf-8")
        results = self.checker.check_buffer(path, doc.source.encode("utf-8"), buffers)
        published: set[str] = set()
        for checked in results:
            target = from_fs_path(checked.path) or checked.path
            text = self._text_of(target, checked.path)
            found = convert.diagnostics(checked, text, self.lang)
            self._publish(target, found)
            published.add(target)
        for stale in self.owned.get(uri, set()) - published:  # e.g. the county file no longer beside it
            self._publish(stale, [])
        self.owned[uri] = published

    def _text_of(self, uri: str, path: str) -> str:
        opened = self.workspace.text_documents.get(uri)
        if opened is not None:
            return opened.source
        try:
            with open(path, encoding="utf-8", errors="replace") as fh:
                return fh.read()
        except OSError:
            return ""

    def _publish(self, uri: str, found: list[t.Diagnostic]) -> None:
        self.shown[uri] = found
        opened = self.workspace.text_documents.get(uri)
        version = opened.version if opened is not None else None
        self.text_document_publish_diagnostics(t.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=version))

    def report_server_error(self, error: Exception, source: Any) -> None:
        """As the protocol says it (pygls pops up "Error in server: …" in English)."""
        self.protocol.report(error, source)

    def check_later(self, uri: str) -> None:
        timer = self.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        self.timers[uri] = asyncio.get_running_loop().call_later(self.debounce, self.check, uri)


def build(lang: str = "zh", debounce: float = DEBOUNCE) -> StaffingServer:
    server = StaffingServer(lang, debounce)

    @server.feature(t.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: StaffingServer, params: t.DidOpenTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(t.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: StaffingServer, params: t.DidChangeTextDocumentParams) -> None:
        ls.check_later(params.text_document.uri)

    @server.feature(t.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: StaffingServer, params: t.DidSaveTextDocumentParams) -> None:
        ls.check(params.text_document.uri)

    @server.feature(t.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: StaffingServer, params: t.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        timer = ls.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        for owned in ls.owned.pop(uri, {uri}):
            ls.text_document_publish_diagnostics(t.PublishDiagnosticsParams(uri=owned, diagnostics=[]))
            ls.shown.pop(owned, None)

    @server.feature(t.TEXT_DOCUMENT_HOVER)
    def hover(ls: StaffingServer, params: t.HoverParams) -> t.Hover | None:
        uri, pos = params.text_document.uri, params.position
        codes: list[str] = []
        for d in ls.shown.get(uri, []):
            if d.range.start.line <= pos.line <= d.range.end.line and isinstance(d.code, str) and d.code not in codes:
                on_line = d.range.start.line == d.range.end.line
                if not on_line or d.range.start.character <= pos.character <= max(d.range.end.character,
                                                                                   d.range.start.character + 1):
                    codes.append(d.code)
        if not codes:  # a check code written in the file (a waiver, a comment)
            try:  # an unopened document is read from disk: one gone or unreadable has nothing to explain
                line = ls.workspace.get_text_document(uri).lines[pos.line]
            except (IndexError, OSError, ValueError):
                line = ""
            codes = [m.group() for m in CODE.finditer(line) if m.start() <= _chars(line, pos.character) <= m.end()]
        texts = [text for text in (explain(code, ls.lang) for code in codes) if text]
        if not texts:
            return None
        return t.Hover(contents=t.MarkupContent(kind=t.MarkupKind.PlainText, value="\n\n".join(texts)))

    @server.feature(t.TEXT_DOCUMENT_CODE_ACTION,
                    t.CodeActionOptions(code_action_kinds=[t.CodeActionKind.QuickFix]))
    def code_action(ls: StaffingServer, params: t.CodeActionParams) -> list[t.CodeAction]:
        return convert.code_actions(params.text_document.uri, list(params.context.diagnostics))

    return server


def _chars(line: str, utf16_offset: int) -> int:
    """The character index of a UTF-16 offset in `line`."""
    count = 0
    for i, ch in enumerate(line):
        if count >= utf16_offset:
            return i
        count += 2 if ord(ch) > 0xFFFF else 1
    return len(line)


def serve(lang: str = "zh") -> int:
    """Run the server on stdin/stdout until the client says exit; the exit code LSP asks for
    (0 after shutdown, 1 without; 0 when the client just goes away)."""
    log_to_stderr()
    server = build(lang)
    server.start_io()
    return server.protocol.exit_code


__all__: list[Any] = ["StaffingServer", "build", "serve"]
