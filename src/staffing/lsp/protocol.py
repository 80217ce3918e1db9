"""JSON-RPC 2.0 and LSP 3.17 where pygls 2 answers otherwise, in one place.

pygls structures a message while `json.loads` still reads it (as its `object_hook`) and
reports any failure there to the read loop, which pops up "Error in server: …" in English and
answers nothing: a request whose params do not fit its method, or whose method is no string,
waited for ever.  It answers a request before `initialize` with an internal error and its
traceback, drops a request after `shutdown` unanswered, and logs every failure with Python's
traceback on stderr.  Here a message is structured whole, after it is read, and:

- a body that is not JSON is answered ParseError (id null), and the server reads on;
- a message that is no JSON-RPC request, notification or response is answered InvalidRequest
  (its id when it has one, else null);
- a request whose params do not fit its method is answered InvalidParams, its id kept;
- before `initialize` a request is answered ServerNotInitialized, after `shutdown`
  InvalidRequest; a notification then is dropped, but `exit`, which ends the process with
  code 0 after `shutdown` and 1 without;
- a second `initialize` is answered InvalidRequest (pygls started the workspace over), and so
  is a notification's method sent with an id (pygls ran it and the client waited for ever);
- a handler's failure is answered InternalError in the catalogue's words, without the
  traceback pygls puts in the error's data; a notification's, shown in them;
- a log record is one line on stderr.
"""

from __future__ import annotations

import logging
from typing import Any

from lsprotocol import types as t
from pygls.exceptions import FeatureRequestError, JsonRpcException, JsonRpcMethodNotFound
from pygls.protocol import LanguageServerProtocol

from staffing.messages import render

logger = logging.getLogger(__name__)
LOG_LINE = 300  # characters of a log record kept: pygls logs a notification's whole params


def _id_of(message: Any) -> int | str | None:
    """The message's id where it is one JSON-RPC allows (a string or a whole number), else None."""
    value = message.get("id") if isinstance(message, dict) else None
    return value if isinstance(value, int | str) and not isinstance(value, bool) else None


def _utf16_only(initialize: dict[str, Any]) -> None:
    """Positions in UTF-16 code units, LSP's own, which the diagnostics, quick fixes and hover
    count in (lsp/convert.py): a client offering other encodings first (Neovim and Helix offer
    utf-8) is told utf-16, where pygls would agree to its first choice and the client would
    place every squiggle and quick fix after a Chinese character by the wrong count."""
    params = initialize.get("params")
    capabilities = params.get("capabilities") if isinstance(params, dict) else None
    general = capabilities.get("general") if isinstance(capabilities, dict) else None
    if isinstance(general, dict) and "positionEncodings" in general:
        general["positionEncodings"] = [t.PositionEncodingKind.Utf16.value]


def well_formed(message: Any) -> bool:
    """Whether `message` is a JSON-RPC 2.0 request or notification (a method that is a string,
    an id that is a string or a whole number if any) or a response (an id, a result or an error)."""
    if not isinstance(message, dict) or message.get("jsonrpc") != "2.0":
        return False
    if "method" in message:  # a request or a notification: neither carries a result or an error
        return (isinstance(message["method"], str) and ("id" not in message or _id_of(message) is not None)
                and "result" not in message and "error" not in message)
    return "id" in message and ("result" in message or "error" in message)


class StaffingProtocol(LanguageServerProtocol):
    lang = "zh"  # the server's language, set by the server
    initialize_seen = False
    exit_code = 0  # the process's, once `exit` came: 1 unless `shutdown` came before

    def structure_message(self, data: dict[str, Any]) -> Any:
        """Every object as JSON has it: `handle_message` structures the message whole, where
        a mistake can still be answered with the message's id."""
        return data

    def handle_message(self, message: Any) -> None:
        if not well_formed(message):
            logger.warning("Invalid JSON-RPC message")
            self.reply_error(_id_of(message), t.ErrorCodes.InvalidRequest, "lsp.invalid-request")
            return
        method = message.get("method")
        request = method is not None and "id" in message
        if method is not None and not self._in_order(method, _id_of(message), request):
            return
        if method == t.INITIALIZE:
            _utf16_only(message)
        try:
            structured = super().structure_message(message)
        except JsonRpcException:  # logged by pygls; a notification is dropped, as the specs say
            if request:
                self._refuse_params(message["id"], method)
            return
        if method == t.INITIALIZE:
            self.initialize_seen = True
        elif method == t.EXIT:
            self.exit_code = 0 if self._shutdown else 1
        super().handle_message(structured)

    def _in_order(self, method: str, msg_id: int | str | None, request: bool) -> bool:
        """Whether the message comes where LSP takes it: `exit` always, `initialize` first
        and once, nothing else after `shutdown`, a notification's method without an id.  A
        request out of order is answered, a notification dropped."""
        if method == t.EXIT:
            return True
        types = t.METHOD_TO_TYPES.get(method)
        if not self.initialize_seen and method != t.INITIALIZE:
            code, key = t.ErrorCodes.ServerNotInitialized, "lsp.not-initialized"
        elif self._shutdown:
            code, key = t.ErrorCodes.InvalidRequest, "lsp.shut-down"
        elif method == t.INITIALIZE and self.initialize_seen:  # pygls would start the workspace over
            code, key = t.ErrorCodes.InvalidRequest, "lsp.initialized-twice"
        elif request and types is not None and types[1] is None:  # pygls would run it and answer nothing
            code, key = t.ErrorCodes.InvalidRequest, "lsp.notification-with-id"
        else:
            return True
        logger.warning("Refused %s: %s", method, key)
        if request:
            self.reply_error(msg_id, code, key)
        return False

    def _refuse_params(self, msg_id: int | str, method: str) -> None:
        """A request pygls could not structure: a method it has no handler for is not found
        (whatever its params), any other's params do not fit it."""
        try:
            self._get_handler(method)
        except JsonRpcMethodNotFound as exc:
            self._send_response(msg_id, None, exc.to_response_error())
            return
        self.reply_error(msg_id, t.ErrorCodes.InvalidParams, "lsp.invalid-params")

    def reply_error(self, msg_id: int | str | None, code: int, key: str) -> None:
        """An error answer in the catalogue's words; written out here, as lsprotocol leaves a
        null id out and JSON-RPC wants it said."""
        error = {"code": int(code), "message": render(key, self.lang, {})}
        self._send_data({"jsonrpc": "2.0", "id": msg_id, "error": error})

    def _send_response(self, msg_id: Any, result: Any | None = None, error: t.ResponseError | None = None) -> None:
        """A handler's failure, or a method no handler serves, in the catalogue's words:
        pygls sends Python's traceback in the error's data (the log has the failure's one
        line), and "Method Not Found: …" in English."""
        key = {t.ErrorCodes.InternalError: "lsp.internal", t.ErrorCodes.MethodNotFound: "lsp.method-not-found"}.get(
            error.code) if error is not None else None  # type: ignore[call-overload]
        if error is not None and key is not None:
            error = t.ResponseError(code=error.code, message=render(key, self.lang, {}))
        super()._send_response(msg_id, result, error)

    def report(self, error: Exception, source: Any) -> None:
        """What pygls reports outside a request's answer.  From the read loop it is a body
        `json.loads` refused (`handle_message` lets nothing out): answered ParseError with a
        null id.  A request's failure was answered already.  Anything else, a notification's
        handler failing, is shown to the user in the catalogue's words."""
        if source is JsonRpcException:
            self.reply_error(None, t.ErrorCodes.ParseError, "lsp.parse-error")
        elif source is not FeatureRequestError:
            self.notify(t.WINDOW_SHOW_MESSAGE,
                        t.ShowMessageParams(type=t.MessageType.Error, message=render("lsp.failed", self.lang, {})))


class OneLine(logging.Formatter):
    """A log record as one line: its message's first line and an exception's type and text,
    never Python's traceback (pygls logs each failure with one)."""

    def format(self, record: logging.LogRecord) -> str:
        lines = record.getMessage().splitlines()
        text = lines[0][:LOG_LINE] if lines else ""
        exc = record.exc_info[1] if record.exc_info else None
        if exc is not None:
            text += ": " + " ".join(f"{type(exc).__name__}: {exc}".split())[:LOG_LINE]
        return f"staffing lsp: {record.levelname.lower()}: {text}"


def log_to_stderr() -> None:
    """Warnings and errors, each on one line on stderr (where an editor keeps its server's log)."""
    handler = logging.StreamHandler()  # stderr
    handler.setFormatter(OneLine())
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(logging.WARNING)
