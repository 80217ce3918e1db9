"""`staffing serve`: the review desk in a browser (see `staffing.serve.app`).

Listens on 127.0.0.1 unless `--host` says otherwise; another address needs an access token
(`--token`, or one made here and printed), which the printed link carries.  Opens the
browser at that link unless `--no-browser`."""

from __future__ import annotations

import contextlib
import secrets
import socket
import sys

from staffing.cli.options import ServeOptions
from staffing.errors import Exit
from staffing.messages import render

DEFAULT_PORT = 8765
PORTS_TRIED = 10  # when the default port is taken, the next ones are tried
M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter
MAPPED_BYTES = 128 * 1024  # a block this large or larger is a mapping of its own, unmapped when freed


def _bind(host: str, port: int, explicit: bool) -> socket.socket | None:
    """A listening socket on host:port (or, for the default port, the first free one of
    the next few); None when none is free."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    tries = [port] if explicit or port == 0 else [port + k for k in range(PORTS_TRIED)]
    for candidate in tries:
        sock = socket.socket(family, socket.SOCK_STREAM)
        if sys.platform != "win32":  # on Windows SO_REUSEADDR would let two servers share a port
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, candidate))
        except OSError:
            sock.close()
            continue
        sock.listen(128)
        return sock
    return None


def link(host: str, port: int, token: str | None) -> str:
    """The address to open: for every address (0.0.0.0, ::), the one other computers reach
    this machine by, not 127.0.0.1, which on their screens is their own."""
    shown = host
    if host in ("0.0.0.0", "", "::"):
        from staffing.serve.app import outward_address

        shown = outward_address() or ("127.0.0.1" if host != "::" else "::1")
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/" + (f"?token={token}" if token else "")


def give_back_freed_memory() -> None:
    """Have the C library hand a freed upload's memory back to the system.  glibc maps each
    large block on its own and unmaps it when freed, until a first such block is freed: it
    then raises that bound to the block's size and carves the next ones out of its heap,
    which it keeps.  95 uploads of 15 MB at once (benchmarks/serve_memory.py, no total
    bound) left the server holding 1.5 GB once every one was answered and its bytes freed;
    with the bound fixed here, 74 MB.  On macOS and Windows nothing is done."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import ctypes.util

    with contextlib.suppress(OSError, AttributeError, TypeError):
        ctypes.CDLL(ctypes.util.find_library("c")).mallopt(M_MMAP_THRESHOLD, MAPPED_BYTES)


def cmd_serve(options: ServeOptions) -> int:
    import uvicorn

    from staffing.serve.app import ServeConfig, create_app, is_local
    from staffing.serve.protocol import HeadInTime
    from staffing.serve.work import Bounds

    lang = options.lang
    token = options.token
    if not is_local(options.host) and not token:
        token = secrets.token_urlsafe(24)
        print(f"staffing: {render('serve.token-made', lang, {'token': token})}", file=sys.stderr)
    sock = _bind(options.host, options.port, options.port_given)
    if sock is None:
        print(f"staffing: {render('serve.port-busy', lang, {'port': options.port})}", file=sys.stderr)
        return Exit.UNUSABLE
    port = sock.getsockname()[1]
    config = ServeConfig(host=options.host, port=port, token=token, lang=lang, allow_hosts=options.allow_hosts,
                         limits=options.limits, packs=options.packs, max_files=options.max_files,
                         request_bytes=options.max_request_bytes, total_bytes=options.max_total_bytes,
                         bounds=Bounds(workers=options.workers))
    app = create_app(config)
    give_back_freed_memory()
    server = uvicorn.Server(uvicorn.Config(
        app, log_level="warning", access_log=False, lifespan="on", proxy_headers=False, server_header=False,
        limit_concurrency=options.max_connections, timeout_keep_alive=5, http=HeadInTime,
        h11_max_incomplete_event_size=16 * 1024))
    url = link(options.host, port, token)
    key = "serve.started" if is_local(options.host) else "serve.started-token"
    print(render(key, lang, {"url": url}), flush=True)
    if options.browser:
        import webbrowser

        with contextlib.suppress(Exception):  # no browser here (a server room): the address is printed
            webbrowser.open(url)
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
    print(render("serve.stopped", lang, {}), flush=True)
    return Exit.CLEAN
