"""The page's HTTP connections: a connection must send each request's head (the request line
and the headers) within HEAD_SECONDS, counted from the connection's opening or from the
answer to its last request.

uvicorn closes a connection that stays silent between two requests (its keep-alive timeout),
but any byte received stops that timer, and nothing times the first request's head: a hundred
connections opened and left silent, or sending a byte of header now and then, held every place
--max-connections allows, and the page answered everyone else 503 for as long as they
stayed.  Here a timer of our own runs until the head is complete (uvicorn has then begun the
request's cycle); the body then has the upload's own bounds (408 for a stalled or trickling
upload, staffing.serve.upload)."""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

HEAD_SECONDS = 5  # to send a request's head, from the connection's opening or the last answer


class HeadInTime(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, each request's head timed (HEAD_SECONDS)."""

    _head_timer: asyncio.TimerHandle | None = None
    _timed_cycle: Any = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._time_head()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.cycle is not self._timed_cycle and self._head_timer is not None:  # a head arrived whole
            self._head_timer.cancel()
            self._head_timer = None

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._time_head()  # the next request's head, if the connection is kept

    def connection_lost(self, exc: Exception | None) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None
        super().connection_lost(exc)

    def _time_head(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
        self._timed_cycle = self.cycle
        self._head_timer = self.loop.call_later(HEAD_SECONDS, self._head_late)

    def _head_late(self) -> None:
        self._head_timer = None
        if self.cycle is self._timed_cycle and not self.transport.is_closing():
            self.transport.close()
