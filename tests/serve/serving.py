"""Helpers for the page's tests: a real server (uvicorn, the page's application, its worker
processes) on a free loopback port, raw HTTP requests with any header, multipart bodies,
and the plan files the tests upload."""

from __future__ import annotations

import contextlib
import dataclasses
import http.client
import socket
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conftest import ORGS

ZHANGPU = ORGS / "jiangsu" / "suzhou" / "kunshan" / "zhangpu.yaml"
HONGQIAO = ORGS / "jiangsu" / "taizhou" / "taixing" / "hongqiao.yaml"
XIASHU = ORGS / "jiangsu" / "zhenjiang" / "jurong" / "xiashu.yaml"


def workbook_of(plan: Path) -> bytes:
    """The plan written as the office's workbook (as `staffing convert` writes it)."""
    from staffing.io.load import load_file
    from staffing.run.convert import plan_bytes

    return plan_bytes(load_file(str(plan)).data, ".xlsx", plan.with_suffix(".xlsx").name)


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


@dataclass(frozen=True)
class Server:
    host: str
    port: int

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.port}"

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None,
                timeout: float = 120) -> Reply:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            sent = {"Host": f"{self.host}:{self.port}", **(headers or {})}
            conn.request(method, path, body=body, headers=sent)
            response = conn.getresponse()
            return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
        finally:
            conn.close()

    def get(self, path: str, **headers: str) -> Reply:
        return self.request("GET", path, headers=headers)

    def post(self, path: str, fields: Sequence[tuple[str, str]] = (), files: Sequence[tuple[str, str, bytes]] = (),
             headers: dict[str, str] | None = None) -> Reply:
        body, kind = multipart(fields, files)
        return self.request("POST", path, body, {"Content-Type": kind, "Origin": self.base, **(headers or {})})


def multipart(fields: Sequence[tuple[str, str]], files: Sequence[tuple[str, str, bytes]]) -> tuple[bytes, str]:
    """A multipart/form-data body: (name, value) fields and (name, file name, bytes) files."""
    boundary = "----staffing" + uuid.uuid4().hex
    out = bytearray()
    for name, value in fields:
        out += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
        out += value.encode("utf-8") + b"\r\n"
    for name, filename, data in files:
        out += (f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n").encode()
        out += data + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return bytes(out), f"multipart/form-data; boundary={boundary}"


@contextlib.contextmanager
def serving(**config: Any) -> Iterator[Server]:
    """The page on a free port of 127.0.0.1, in a thread of this process (its workers are
    processes of their own), until the block ends."""
    import uvicorn

    from staffing.serve.app import ServeConfig, create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    port = sock.getsockname()[1]
    settings = dataclasses.replace(ServeConfig(), port=port, **config)
    server = uvicorn.Server(uvicorn.Config(create_app(settings), log_level="error", lifespan="on",
                                           limit_concurrency=200))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the page did not start")
        time.sleep(0.05)
    try:
        yield Server("127.0.0.1", port)
    finally:
        server.should_exit = True
        thread.join(30)
        sock.close()
