"""A form posted to the page, read into memory as it arrives and never written anywhere:
python-multipart's streaming parser driven directly (Starlette's own form reader would
spool a large file to a temporary file on disk), every bound checked as the bytes come in.

The client's file name is never used as a path: `display_name` makes the name the
messages show (no folders, no control or bidirectional characters, its suffix kept)."""

from __future__ import annotations

import asyncio
import io
import logging
import os
import re
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from email.message import Message

from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import ClientDisconnect

from staffing.errors import visible

# python-multipart says what is wrong with a malformed body on its logger, in English, and
# Python prints a logger's warnings to the console when nobody listens: the page answers the
# sender (400, in its words) and the reviewer's console stays quiet
logging.getLogger("python_multipart").addHandler(logging.NullHandler())
logging.getLogger("python_multipart").propagate = False

PLAN_SUFFIXES = (".xlsx", ".yaml", ".yml", ".json")
NAME_CHARS = 80  # longest file name shown, its suffix kept


class FormError(Exception):
    """A form the page refuses: `status` (400, 408, 413, 415) and the catalogue key of
    the message, with its parameters."""

    def __init__(self, status: int, key: str, **params: object) -> None:
        super().__init__(key)
        self.status = status
        self.key = key
        self.params = params


@dataclass(frozen=True)
class FormBounds:
    request_bytes: int  # the whole body
    file_bytes: int  # one file (the CLI's --max-bytes)
    files: int  # files in one form
    fields: int  # other fields in one form
    field_bytes: int = 4096  # one ordinary field
    held_bytes: int = 0  # one field carrying a file back (base64); 0: as field_bytes
    seconds: float = 120.0  # the whole body must arrive within this
    chunk_seconds: float = 30.0  # and no pause between two pieces longer than this


@dataclass
class Upload:
    name: str  # as the client named it (raw), never a path
    data: bytes


@dataclass
class Form:
    fields: dict[str, list[str]] = field(default_factory=dict)
    files: list[Upload] = field(default_factory=list)

    def get(self, name: str, default: str = "") -> str:
        values = self.fields.get(name)
        return values[0] if values else default

    def all(self, name: str) -> list[str]:
        return list(self.fields.get(name, ()))


def megabytes(size: int) -> str:
    """A size in bytes as the page says it: 5 for 5 MiB, 0.5 for half of one."""
    mb = size / 2**20
    return f"{mb:.0f}" if mb >= 10 or mb.is_integer() else f"{mb:.1f}"


def display_name(raw: str, taken: set[str] | None = None) -> str:
    """The name an upload is shown under: the last part of whatever path the client sent
    (either slash), every control, bidirectional or invisible character written out (see
    `errors.visible`), no leading dot or underscore (a name starting with "_" would be
    taken for a county file), at most NAME_CHARS characters with the suffix kept, and made
    unique among `taken` (which it joins)."""
    base = re.split(r"[\\/]", raw)[-1]
    shown = visible(base).strip().lstrip("._ ").strip()
    stem, suffix = os.path.splitext(shown)
    if len(suffix) > 12 or not re.fullmatch(r"\.[A-Za-z0-9]+", suffix or ".x"):
        stem, suffix = shown, ""
    if len(stem) + len(suffix) > NAME_CHARS:
        stem = stem[: max(1, NAME_CHARS - len(suffix) - 1)] + "…"
    stem = stem or "upload"
    name = stem + suffix
    if taken is not None:
        n = 2
        while name.casefold() in taken:
            name = f"{stem} ({n}){suffix}"
            n += 1
        taken.add(name.casefold())
    return name


def is_plan_name(name: str) -> bool:
    return name.lower().endswith(PLAN_SUFFIXES)


class InFlight:
    """The bytes every upload the page is receiving or checking holds at once, within
    `total`: a request takes the length its body may have before a byte of it is read, and
    gives it back when it ends (answered, refused, or its browser gone); one that would go
    over the total is turned away unread.  A request alone is always let in, so a total
    smaller than one body makes the page take uploads one at a time, never none."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.held = 0

    def take(self, size: int) -> bool:
        if size and self.held and self.held + size > self.total:
            return False
        self.held += size
        return True

    def give(self, size: int) -> None:
        self.held -= size


def body_bytes(content_length: str | None, chunked: bool, bound: int) -> int:
    """The most a request's body can bring: its declared length, or the body's bound when it
    comes in chunks (no length declared); none without either (HTTP/1.1 then has no body)."""
    if content_length is not None and content_length.isdigit():
        return min(int(content_length), bound)
    return bound if chunked else 0


def file_name(options: dict[bytes, bytes], disposition: bytes) -> str | None:
    """A part's file name: its `filename`, or else its RFC 5987 `filename*=UTF-8''…`
    (percent-encoded; python-multipart leaves it out, as RFC 7578 forbids it, yet a client
    may name a file no other way), decoded by the standard library's mail headers; None
    for an ordinary field, "" for a name no codec reads."""
    plain = options.get(b"filename")
    if plain is not None:
        return plain.decode("utf-8", "replace")
    header = Message()
    header["content-disposition"] = disposition.decode("latin-1")
    try:
        return header.get_filename()
    except ValueError:  # a charset's name with a NUL in it
        return ""


class _Parts:
    """python-multipart's callbacks: each part's headers, then its bytes, kept in memory
    and counted against the bounds as they come; the first bound passed is kept in
    `error` (the parser's callbacks cannot raise through it).

    A part's bytes go into one `io.BytesIO`, taken out whole at the part's end without a
    copy: no second buffer of a file's size, no bytes object grown piece by piece."""

    def __init__(self, bounds: FormBounds, held: tuple[str, ...]) -> None:
        self.bounds = bounds
        self.held = held
        self.form = Form()
        self.error: FormError | None = None
        self.name = ""
        self.filename: str | None = None
        self.buffer = io.BytesIO()
        self.field = bytearray()
        self.value = bytearray()
        self.disposition = b""

    def callbacks(self) -> dict[str, object]:
        return {"on_part_begin": self.part_begin, "on_header_field": self.header_field,
                "on_header_value": self.header_value, "on_header_end": self.header_end,
                "on_headers_finished": self.headers_finished, "on_part_data": self.part_data,
                "on_part_end": self.part_end}

    def part_begin(self) -> None:
        self.disposition = b""
        self.buffer = io.BytesIO()

    def header_field(self, data: bytes, start: int, end: int) -> None:
        self.field += data[start:end]

    def header_value(self, data: bytes, start: int, end: int) -> None:
        self.value += data[start:end]

    def header_end(self) -> None:
        if bytes(self.field).lower() == b"content-disposition":
            self.disposition = bytes(self.value)
        self.field = bytearray()
        self.value = bytearray()

    def headers_finished(self) -> None:
        _, options = parse_options_header(self.disposition)
        self.name = options.get(b"name", b"").decode("utf-8", "replace")
        self.filename = file_name(options, self.disposition)
        if self.error is not None:
            return
        if self.filename is not None:
            if len(self.form.files) >= self.bounds.files:
                self.error = FormError(413, "serve.too-many-files", limit=self.bounds.files)
        elif sum(len(v) for v in self.form.fields.values()) >= self.bounds.fields:
            self.error = FormError(413, "serve.too-many-fields", limit=self.bounds.fields)

    def part_data(self, data: bytes, start: int, end: int) -> None:
        if self.error is not None:
            return
        self.buffer.write(memoryview(data)[start:end])
        size = self.buffer.tell()
        bounds = self.bounds
        if self.filename is not None:
            if size > bounds.file_bytes:
                self.error = FormError(413, "serve.file-too-large", name=display_name(self.filename),
                                       mb=megabytes(bounds.file_bytes))
        else:
            limit = (bounds.held_bytes or bounds.field_bytes) if self.name in self.held else bounds.field_bytes
            if size > limit:
                self.error = FormError(413, "serve.field-too-large", limit=limit)

    def part_end(self) -> None:
        if self.error is not None:
            return
        data = self.buffer.getvalue()
        self.buffer = io.BytesIO()
        if self.filename is not None:
            if self.filename or data:  # a file input left empty sends a part with no name and no bytes
                self.form.files.append(Upload(self.filename, data))
        else:
            self.form.fields.setdefault(self.name, []).append(data.decode("utf-8", "replace"))


async def read_form(content_type: str, content_length: str | None, body: AsyncIterator[bytes],
                    bounds: FormBounds, held: tuple[str, ...] = ()) -> Form:
    """The form in `body`, parsed in memory within `bounds`.  Fields named in `held` may
    carry a file back (base64) and be as long as `bounds.held_bytes`.  Raises FormError."""
    kind, params = parse_options_header(content_type or "")
    if kind != b"multipart/form-data" or b"boundary" not in params:
        raise FormError(415, "serve.form-type")
    if content_length is not None:
        try:
            declared = int(content_length)
        except ValueError:
            raise FormError(400, "serve.bad-form") from None
        if declared > bounds.request_bytes:
            raise FormError(413, "serve.too-large", mb=megabytes(bounds.request_bytes))
    parts = _Parts(bounds, held)
    try:  # python-multipart refuses a boundary it cannot use (longer than 256 bytes) here
        parser = MultipartParser(params[b"boundary"], parts.callbacks(),  # type: ignore[arg-type]
                                 max_header_count=8, max_header_size=4096)
    except Exception:
        raise FormError(400, "serve.bad-form") from None
    received = 0
    deadline = time.monotonic() + bounds.seconds
    iterator = body.__aiter__()
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise FormError(408, "serve.too-slow", seconds=int(bounds.seconds))
        try:  # in this task, not one of its own as asyncio.wait_for makes: see `_refusal`
            async with asyncio.timeout(min(left, bounds.chunk_seconds)):
                chunk = await anext(iterator, None)
        except TimeoutError:
            raise FormError(408, "serve.too-slow", seconds=int(bounds.seconds)) from None
        except ClientDisconnect:  # the browser went away mid-upload: nothing to answer, nothing to print
            raise FormError(400, "serve.bad-form") from None
        if chunk is None:
            break
        received += len(chunk)
        if received > bounds.request_bytes:
            raise FormError(413, "serve.too-large", mb=megabytes(bounds.request_bytes))
        try:
            parser.write(chunk)
        except Exception:  # python-multipart's errors for a malformed body
            raise FormError(400, "serve.bad-form") from None
        if parts.error is not None:
            raise _refusal(parts.error)
    try:
        parser.finalize()
    except Exception:
        raise FormError(400, "serve.bad-form") from None
    if parts.error is not None:
        raise _refusal(parts.error)
    return parts.form


def _refusal(error: FormError) -> FormError:
    """A new FormError like `error`, to raise: raising the one `parts` keeps would make a
    cycle (the error, its traceback, read_form's frame, `parts`, the error) that holds the
    form's bytes until Python's cycle collector next runs, long after the request has
    ended.  (So would asyncio.wait_for's task around each chunk: the body's end, an
    exception kept by that task, holds read_form's frame in a cycle too.)"""
    return FormError(error.status, error.key, **error.params)
