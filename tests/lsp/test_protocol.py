"""`staffing lsp` answers broken or out-of-order JSON-RPC as JSON-RPC 2.0 and LSP 3.17 say, driven
as a broken editor would drive it: raw Content-Length framed bodies on its stdin.  Every answer
has its id, every error its code and the catalogue's words, stderr has one plain line a
record and never a traceback, and the server reads on after each mistake.  Last, what it says
of a plan over the size limit, which the editor sets in staffing.toml."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from staffing.messages import render

from conftest import ORGS, ROOT, STAFFING

pytestmark = pytest.mark.skipif(not STAFFING.exists(), reason="staffing script not installed next to python")

INITIALIZE = {"jsonrpc": "2.0", "id": "init", "method": "initialize", "params": {"processId": None, "capabilities": {}}}
INITIALIZED = {"jsonrpc": "2.0", "method": "initialized", "params": {}}
SHUTDOWN = {"jsonrpc": "2.0", "id": "end", "method": "shutdown"}
EXIT = {"jsonrpc": "2.0", "method": "exit"}
NOWHERE = {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}


def frame(message: dict[str, Any] | bytes) -> bytes:
    body = message if isinstance(message, bytes) else json.dumps(message, ensure_ascii=False).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def unframe(data: bytes) -> list[dict[str, Any]]:
    out = []
    while data:
        head, _, rest = data.partition(b"\r\n\r\n")
        length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.startswith(b"Content-Length"))
        out.append(json.loads(rest[:length]))
        data = rest[length:]
    return out


def converse(*messages: dict[str, Any] | bytes, start: bool = True, end: tuple[dict[str, Any], ...] = (SHUTDOWN, EXIT),
             cwd: Path = ROOT) -> tuple[list[dict[str, Any]], int, str]:
    """Everything `staffing lsp` sends back for `messages` (after initialize when `start`, then
    `end`, by default shutdown and exit), in order but the answer to initialize; its exit code; its stderr."""
    sent = ((INITIALIZE, INITIALIZED) if start else ()) + messages + end
    done = subprocess.run([str(STAFFING), "lsp", "--stdio"], input=b"".join(frame(m) for m in sent),
                          capture_output=True, cwd=cwd, timeout=120)
    got = [m for m in unframe(done.stdout) if m.get("id") != "init"]
    return got, done.returncode, done.stderr.decode("utf-8")


def plain(stderr: str) -> bool:
    """One plain line a record: no traceback, nothing but the server's own log lines."""
    return "Traceback" not in stderr and all(line.startswith("staffing lsp: ") for line in stderr.splitlines())


def error(msg_id: Any, code: int, key: str) -> dict[str, Any]:
    return {"jsonrpc": "2.0", "id": msg_id, "error": {"code": code, "message": render(key, "zh", {})}}


def ended(got: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`got` less the answer to shutdown, which must be its last message: the server read on to the end."""
    assert got[-1] == {"jsonrpc": "2.0", "id": "end", "result": None}
    return got[:-1]


def hover(msg_id: Any, params: Any) -> dict[str, Any]:
    return {"jsonrpc": "2.0", "id": msg_id, "method": "textDocument/hover", "params": params}


def test_a_request_whose_params_do_not_fit_is_answered_invalid_params_with_its_id() -> None:
    got, code, stderr = converse(hover(7, {"x": 1}), hover("eight", "a string"), hover(9, None))
    assert ended(got) == [error(7, -32602, "lsp.invalid-params"), error("eight", -32602, "lsp.invalid-params"),
                          error(9, -32602, "lsp.invalid-params")]
    assert code == 0 and plain(stderr), stderr


def test_a_message_whose_method_is_no_string_is_answered_invalid_request() -> None:
    got, code, stderr = converse({"jsonrpc": "2.0", "id": 9, "method": 5, "params": {}},
                                 {"jsonrpc": "2.0", "method": 5, "params": {}},
                                 {"jsonrpc": "2.0", "id": [1], "method": "shutdown"}, b"[]", b'{"foo": 1}',
                                 {"jsonrpc": "2.0", "id": 10, "method": "staffing/nothing", "params": {}},
                                 {"jsonrpc": "2.0", "id": 11, "method": "workspace/symbol", "params": {"query": "x"}},
                                 {"jsonrpc": "2.0", "id": 12, "method": "textDocument/hover", "error": None,
                                  "params": {"textDocument": {"uri": "file:///x.yaml"}, "position": NOWHERE["start"]}})
    assert ended(got) == [error(9, -32600, "lsp.invalid-request")] + [error(None, -32600, "lsp.invalid-request")] * 4 + [
        error(10, -32601, "lsp.method-not-found"), error(11, -32601, "lsp.method-not-found"),
        error(12, -32600, "lsp.invalid-request")]  # a request carrying an error: pygls took it for an answer
    assert code == 0 and plain(stderr), stderr


def test_a_client_offering_utf8_positions_first_is_told_utf16() -> None:
    """Neovim and Helix offer utf-8 first; every position the server sends or reads is in
    UTF-16 code units, so it must say utf-16, whatever the client prefers (it said utf-8, and
    a squiggle or quick fix after a Chinese character landed that many bytes off)."""
    for offered in (["utf-8", "utf-16", "utf-32"], ["utf-32"], None):
        general = {} if offered is None else {"positionEncodings": offered}
        init = {"jsonrpc": "2.0", "id": 0, "method": "initialize",
                "params": {"processId": None, "capabilities": {"general": general}}}
        got, code, stderr = converse(init, INITIALIZED, start=False)
        assert got[0]["id"] == 0 and got[0]["result"]["capabilities"]["positionEncoding"] == "utf-16", got[0]
        assert code == 0 and plain(stderr), stderr


def test_a_body_that_is_not_json_is_answered_parse_error_and_the_server_reads_on() -> None:
    got, code, stderr = converse(b"{not json", b'{"jsonrpc": "2.0", "id": 1,', b"\xff\xfe\x00")
    assert ended(got) == [error(None, -32700, "lsp.parse-error")] * 3  # and shutdown, sent next, is answered
    assert code == 0 and plain(stderr), stderr


def test_no_traceback_reaches_stderr_or_an_answer_and_a_popup_is_in_the_catalogues_words() -> None:
    uri = (ROOT / "orgs" / "never-opened.yaml").as_uri()
    broken_fix = {"range": NOWHERE, "message": "m", "data": {"fix": {"range": 1}}}
    got, code, stderr = converse(
        hover(1, {"x": 1}), {"jsonrpc": "2.0", "id": 2, "method": 5},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"x": 1}},
        {"jsonrpc": "2.0", "id": 3, "method": "textDocument/codeAction",
         "params": {"textDocument": {"uri": uri}, "range": NOWHERE, "context": {"diagnostics": [broken_fix]}}},
        {"jsonrpc": "2.0", "method": "textDocument/didChange",
         "params": {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": "town: x\n"}]}})
    popup = {"jsonrpc": "2.0", "method": "window/showMessage", "params": {"type": 1, "message": render("lsp.failed", "zh", {})}}
    assert ended(got) == [error(1, -32602, "lsp.invalid-params"), error(2, -32600, "lsp.invalid-request"),
                          error(3, -32603, "lsp.internal"), popup]  # no data: pygls put the traceback there
    assert code == 0 and plain(stderr) and len(stderr.splitlines()) >= 3, stderr


def test_before_initialize_a_request_is_answered_server_not_initialized_and_a_notification_dropped(
        tmp_path: Path) -> None:
    plan = tmp_path / "orgs" / "zhangpu.yaml"
    plan.parent.mkdir()
    plan.write_text((ORGS / "jiangsu/suzhou/kunshan/zhangpu.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    opened = {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": plan.as_uri(), "languageId": "yaml", "version": 1, "text": plan.read_text(encoding="utf-8")}}}
    got, code, stderr = converse(hover(1, {"textDocument": {"uri": plan.as_uri()}, "position": {"line": 0, "character": 0}}),
                                 opened, {"jsonrpc": "2.0", "id": 2, "method": "shutdown"}, start=False, end=(INITIALIZE, INITIALIZED, SHUTDOWN, EXIT),
                                 cwd=tmp_path)
    assert ended(got) == [error(1, -32002, "lsp.not-initialized"), error(2, -32002, "lsp.not-initialized")]
    assert code == 0 and plain(stderr), stderr  # the plan opened too early was never checked nor published


def test_after_shutdown_a_request_is_answered_invalid_request() -> None:
    got, code, stderr = converse(end=(SHUTDOWN, hover(1, {"textDocument": {"uri": (ROOT / "x.yaml").as_uri()},
                                                         "position": {"line": 0, "character": 0}}), EXIT))
    assert got == [{"jsonrpc": "2.0", "id": "end", "result": None}, error(1, -32600, "lsp.shut-down")]
    assert code == 0 and plain(stderr), stderr


def test_a_hover_on_a_document_never_opened_and_gone_is_answered_nothing(tmp_path: Path) -> None:
    """A hover where the editor has no document open, on a file that is not there (or is a
    folder): nothing to explain, answered null, not an internal error."""
    gone = {"uri": (tmp_path / "gone.yaml").as_uri()}
    folder = {"uri": tmp_path.as_uri()}
    got, code, stderr = converse(hover(1, {"textDocument": gone, "position": {"line": 3, "character": 2}}),
                                 hover(2, {"textDocument": folder, "position": {"line": 0, "character": 0}}))
    assert ended(got) == [{"jsonrpc": "2.0", "id": 1, "result": None}, {"jsonrpc": "2.0", "id": 2, "result": None}]
    assert code == 0 and stderr == "", stderr


def test_exit_ends_the_server_with_1_without_shutdown_and_0_after_it() -> None:
    got, code, stderr = converse(end=(EXIT,))
    assert (got, code, stderr) == ([], 1, "")
    got, code, stderr = converse()
    assert (got, code, stderr) == ([{"jsonrpc": "2.0", "id": "end", "result": None}], 0, "")


def test_a_plan_over_the_size_limit_is_told_where_the_editor_sets_the_limit(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "staffing.toml").write_text("[check]\nmax-bytes = 100\n", encoding="utf-8")
    plan = tmp_path / "orgs" / "zhangpu.yaml"
    plan.parent.mkdir()
    text = (ORGS / "jiangsu/suzhou/kunshan/zhangpu.yaml").read_text(encoding="utf-8")
    plan.write_text(text, encoding="utf-8")
    opened = {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": plan.as_uri(), "languageId": "yaml", "version": 1, "text": text}}}
    got, code, stderr = converse(opened, cwd=tmp_path)
    published = [m["params"] for m in ended(got) if m.get("method") == "textDocument/publishDiagnostics"]
    said = render("lsp.too-large", "zh", {"size": len(text.encode("utf-8")), "limit": 100})
    assert [[d["message"] for d in p["diagnostics"]] for p in published] == [[said]]
    assert "staffing.toml" in said and "--max-bytes" not in said
    assert code == 0 and stderr == ""


def test_a_second_initialize_is_refused_and_the_open_documents_are_kept(tmp_path: Path) -> None:
    """LSP sends `initialize` once; pygls answered a second one and started its workspace
    over, so the documents the editor had open were forgotten and their next change failed."""
    plan = tmp_path / "orgs" / "zhangpu.yaml"
    plan.parent.mkdir()
    text = (ORGS / "jiangsu/suzhou/kunshan/zhangpu.yaml").read_text(encoding="utf-8")
    plan.write_text(text, encoding="utf-8")
    doc = {"uri": plan.as_uri(), "version": 1}
    opened = {"jsonrpc": "2.0", "method": "textDocument/didOpen",
              "params": {"textDocument": {**doc, "languageId": "yaml", "text": text}}}
    changed = {"jsonrpc": "2.0", "method": "textDocument/didChange",
               "params": {"textDocument": {**doc, "version": 2},
                          "contentChanges": [{"range": NOWHERE, "text": "# 改动\n"}]}}
    saved = {"jsonrpc": "2.0", "method": "textDocument/didSave", "params": {"textDocument": {"uri": plan.as_uri()}}}
    got, code, stderr = converse(opened, {**INITIALIZE, "id": "again"}, changed, saved, cwd=tmp_path)
    got = ended(got)
    assert got[1] == error("again", -32600, "lsp.initialized-twice")
    published = [(m["params"]["uri"], m["params"].get("version")) for m in got
                 if m.get("method") == "textDocument/publishDiagnostics"]
    # opened, then saved: the document the editor changed, checked as version 2, not the file on disk
    assert published == [(plan.as_uri(), 1), (plan.as_uri(), 2)] and len(got) == 3, got
    assert code == 0 and plain(stderr) and "initialize" in stderr, stderr


def test_a_notification_sent_with_an_id_is_answered_invalid_request() -> None:
    """A notification's method carrying an id is a request no handler answers: pygls ran it
    and the client waited for an answer for ever."""
    uri = (ROOT / "orgs" / "never-opened.yaml").as_uri()
    got, code, stderr = converse({"jsonrpc": "2.0", "id": 5, "method": "textDocument/didClose",
                                  "params": {"textDocument": {"uri": uri}}},
                                 {"jsonrpc": "2.0", "id": "six", "method": "initialized", "params": {}},
                                 {"jsonrpc": "2.0", "id": 7, "method": "$/cancelRequest", "params": {"id": 1}})
    assert ended(got) == [error(5, -32600, "lsp.notification-with-id"), error("six", -32600, "lsp.notification-with-id"),
                          error(7, -32600, "lsp.notification-with-id")]
    assert code == 0 and plain(stderr), stderr
