"""A form posted to the page, read into memory as it arrives and never written anywhere:
python-multipart's streaming parser driven directly (Starlette's own form reader would
spool a large file to a temporary file on disk), every bound checked as the bytes come in.

The client's file name is never used as a path: `display_name` makes the name the
messages show (no folders, no control or bidirectional characters, its suffix kept)."""

from __future__ import annotations

import asyncio
import os
import re
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from python_multipart.multipart import MultipartParser, parse_options_header

from staffing.errors import visible

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
    form = Form()
    state: dict[str, object] = {}
    parts: list[tuple[str, str | None]] = []  # (name, filename or None) of the part being read
    buffers: list[bytearray] = []
    header = {"field": bytearray(), "value": bytearray(), "disposition": b""}

    def on_part_begin() -> None:
        header["disposition"] = b""
        buffers.append(bytearray())

    def on_header_field(data: bytes, start: int, end: int) -> None:
        assert isinstance(header["field"], bytearray)
        header["field"] += data[start:end]

    def on_header_value(data: bytes, start: int, end: int) -> None:
        assert isinstance(header["value"], bytearray)
        header["value"] += data[start:end]

    def on_header_end() -> None:
        assert isinstance(header["field"], bytearray) and isinstance(header["value"], bytearray)
        if bytes(header["field"]).lower() == b"content-disposition":
            header["disposition"] = bytes(header["value"])
        header["field"] = bytearray()
        header["value"] = bytearray()

    def on_headers_finished() -> None:
        disposition = header["disposition"]
        assert isinstance(disposition, bytes)
        _, options = parse_options_header(disposition)
        name = options.get(b"name", b"").decode("utf-8", "replace")
        filename = options.get(b"filename")
        parts.append((name, None if filename is None else filename.decode("utf-8", "replace")))
        if filename is not None:
            if len(form.files) >= bounds.files:
                state["error"] = FormError(413, "serve.too-many-files", limit=bounds.files)
        elif sum(len(v) for v in form.fields.values()) >= bounds.fields:
            state["error"] = FormError(413, "serve.too-many-fields", limit=bounds.fields)

    def on_part_data(data: bytes, start: int, end: int) -> None:
        if "error" in state:
            return
        buffer = buffers[-1]
        buffer += data[start:end]
        name, filename = parts[-1]
        if filename is not None:
            limit = bounds.file_bytes
            if len(buffer) > limit:
                state["error"] = FormError(413, "serve.file-too-large", name=display_name(filename), mb=megabytes(limit))
        else:
            limit = (bounds.held_bytes or bounds.field_bytes) if name in held else bounds.field_bytes
            if len(buffer) > limit:
                state["error"] = FormError(413, "serve.field-too-large", limit=limit)

    def on_part_end() -> None:
        if "error" in state or not parts:
            return
        name, filename = parts[-1]
        data = bytes(buffers[-1])
        buffers[-1] = bytearray()
        if filename is not None:
            if filename or data:  # a file input left empty sends a part with no name and no bytes
                form.files.append(Upload(filename, data))
        else:
            form.fields.setdefault(name, []).append(data.decode("utf-8", "replace"))

    parser = MultipartParser(params[b"boundary"], {
        "on_part_begin": on_part_begin, "on_header_field": on_header_field, "on_header_value": on_header_value,
        "on_header_end": on_header_end, "on_headers_finished": on_headers_finished, "on_part_data": on_part_data,
        "on_part_end": on_part_end,
    }, max_header_count=8, max_header_size=4096)
    received = 0
    deadline = time.monotonic() + bounds.seconds
    iterator = body.__aiter__()
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise FormError(408, "serve.too-slow", seconds=int(bounds.seconds))
        try:
            chunk = await asyncio.wait_for(iterator.__anext__(), timeout=min(left, bounds.chunk_seconds))
        except StopAsyncIteration:
            break
        except TimeoutError:
            raise FormError(408, "serve.too-slow", seconds=int(bounds.seconds)) from None
        received += len(chunk)
        if received > bounds.request_bytes:
            raise FormError(413, "serve.too-large", mb=megabytes(bounds.request_bytes))
        try:
            parser.write(chunk)
        except Exception:  # python-multipart's errors for a malformed body
            raise FormError(400, "serve.bad-form") from None
        error = state.get("error")
        if isinstance(error, FormError):
            raise error
    try:
        parser.finalize()
    except Exception:
        raise FormError(400, "serve.bad-form") from None
    error = state.get("error")
    if isinstance(error, FormError):
        raise error
    return form
