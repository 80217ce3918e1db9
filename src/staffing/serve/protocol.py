"""The page's HTTP connections: a connection must send each request's head (the request line
and the headers) within HEAD_SECONDS, counted from the connection's opening or from the
answer to its last request.

uvicorn closes a connection that stays silent between two requests (its keep-alive timeout),
but any byte received stops that timer, and nothing times the first request's head: a hundred
connections opened and left silent, or sending a byte of header now and then, held every place
--max-connections allows, and the page answered everyone else 503 for as long as they
stayed.  Here a timer of our own runs until the head is complete (uvicorn has then begun the
request's cycle); the body then has the upload's own bounds (408 for a stalled or trickling
upload, staffing.serve.upload).

A request past --max-connections is answered 503 by the page, in its words and language
(uvicorn's own answer is two English words of plain text): the limit is tested here, as
uvicorn tests it but for counting this request's own connection within it, and a request past
it goes to the page marked (app.OVER_LIMIT)."""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

from staffing.serve.app import OVER_LIMIT

HEAD_SECONDS = 5  # to send a request's head, from the connection's opening or the last answer


class HeadInTime(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, each request's head timed (HEAD_SECONDS), a request
    past the connection limit marked for the page to answer."""

    _head_timer: asyncio.TimerHandle | None = None
    _timed_cycle: Any = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.connection_limit, self.limit_concurrency = self.limit_concurrency, None  # uvicorn's own 503 unused
        self.page, self.app = self.app, self._within_limit

    async def _within_limit(self, scope: Any, receive: Any, send: Any) -> None:
        """The page, told when this request is past the limit: as uvicorn tests it when a
        request's head arrives (this request's task is now one of `tasks`)."""
        limit = self.connection_limit
        if limit is not None and (len(self.connections) > limit or len(self.tasks) > limit):  # this one's among them
            scope[OVER_LIMIT] = True
        await self.page(scope, receive, send)

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._time_head()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.cycle is not self._timed_cycle and self._head_timer is not None:  # a head arrived whole
            self._head_timer.cancel()
            self._head_timer = None

    def on_response_complete(self) -> None:
        answered = self.cycle
        super().on_response_complete()
        # the next request's head, if the connection is kept, unless it came with this one's
        # (pipelined: uvicorn has begun it, its head whole, and its body has the upload's bounds)
        if not self.transport.is_closing() and self.cycle is answered:
            self._time_head()

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
