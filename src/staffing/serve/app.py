"""`staffing serve`: the review desk as a web page, an ASGI application (Starlette).

Safe by default (each point has a test over HTTP in tests/serve/test_serve.py):
- the command listens on 127.0.0.1 unless told otherwise, and then only with a token: a
  cookie set from the link the command prints, asked of every request;
- a request for another host name (DNS rebinding) is refused (400), and so is a form posted
  from another site (Origin, Sec-Fetch-Site: 403);
- the body and each upload are bounded (413 with the reason in Chinese), and so are the
  number of files and fields; a body that arrives too slowly is refused (408); uploads
  are read into memory and checked within the command line's limits; nothing is written
  to disk, nothing kept between requests (a download carries its files back from the page);
- so are the bytes of every upload held at once (`total_bytes`): one that would go over
  is refused (503, with Retry-After) before its body is read, as is a request past the
  connection limit (`staffing.serve.protocol` marks it, the guard answers in the page's words);
- pages are Jinja2 templates with autoescape, the chart's SVG passes the report's
  allow-list, and a Content-Security-Policy allows only the page's own script and style;
- checking, charts and PDF run in a bounded pool of worker processes with a time and a
  memory bound (`staffing.serve.work`); no error shows a traceback."""

from __future__ import annotations

import base64
import binascii
import contextlib
import hmac
import socket
import time
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from staffing.io.document import DEFAULT_LIMITS, Limits
from staffing.serve.pages import HERE, LANGS, page, word
from staffing.serve.upload import (
    Form,
    FormBounds,
    FormError,
    InFlight,
    body_bytes,
    display_name,
    megabytes,
    read_form,
)
from staffing.serve.work import Bounds, JobFailed, Pool

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
WILDCARD_HOSTS = ("0.0.0.0", "::", "")
COOKIE = "staffing_token"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
STATIC = {"app.css": "text/css; charset=utf-8", "app.js": "text/javascript; charset=utf-8"}
HELD = "held"
OVER_LIMIT = "staffing.over_limit"  # set in a request's scope by the protocol: past --max-connections
RETRY_SECONDS = 5  # what a 503 asks the client to wait before trying again


@dataclass(frozen=True)
class ServeConfig:
    """How the page runs: where it listens, who may use it, within which bounds."""

    host: str = "127.0.0.1"
    port: int = 8765
    token: str | None = None
    lang: str = "zh"
    allow_hosts: tuple[str, ...] = ()  # more names the page may be reached by (an office server's)
    limits: Limits = DEFAULT_LIMITS
    packs: tuple[str, ...] = ()  # folders of the office's own packs
    max_files: int = 20
    request_bytes: int = 16 * 2**20
    body_seconds: float = 120.0
    bounds: Bounds = field(default_factory=Bounds)
    total_bytes: int | None = None  # every upload held at once; None: see `total_bytes`


def total_bytes(config: ServeConfig) -> int:
    """The bytes every upload being received or checked may hold together: by default as
    many whole bodies as the workers can check and the queue can keep waiting at once (one
    more would be told the page is busy anyway, after its body had been read)."""
    if config.total_bytes is not None:
        return config.total_bytes
    return config.request_bytes * (config.bounds.workers + config.bounds.queue)


def is_local(host: str) -> bool:
    return host in LOCAL_HOSTS


def host_names(config: ServeConfig) -> frozenset[str]:
    """Every host name a request may carry (without its port)."""
    names = {h.lower() for h in (*LOCAL_HOSTS, *config.allow_hosts) if h}
    if config.host not in WILDCARD_HOSTS:
        names.add(config.host.lower())
    else:  # every address: the machine's own names and addresses
        names |= {n.lower() for n in own_names()}
    return frozenset(names)


def outward_address() -> str | None:
    """The address other computers reach this one by: the one the system would send from
    toward another network (a UDP socket's connect sends nothing), or None."""
    for family, far in ((socket.AF_INET, "192.0.2.1"), (socket.AF_INET6, "2001:db8::1")):
        with contextlib.suppress(OSError), socket.socket(family, socket.SOCK_DGRAM) as probe:
            probe.connect((far, 9))
            address = str(probe.getsockname()[0])
            if address not in LOCAL_HOSTS and not address.startswith("127."):
                return address
    return None


def own_names() -> list[str]:
    """This machine's names and addresses, the outward address first."""
    names: list[str] = []
    outward = outward_address()
    if outward:
        names.append(outward)
    with contextlib.suppress(OSError):
        own = socket.gethostname()
        names += [own, socket.getfqdn()]
        names += [str(info[4][0]) for info in socket.getaddrinfo(own, None)]
    return list(dict.fromkeys(n for n in names if n))


def split_host(value: str) -> tuple[str, int | None]:
    """("example", 8765) from "example:8765"; IPv6 in brackets ("[::1]:8765")."""
    value = value.strip().lower()
    if value.startswith("["):
        end = value.find("]")
        if end < 0:
            return value, None
        name, rest = value[1:end], value[end + 1:]
        port = rest[1:] if rest.startswith(":") else ""
    else:
        name, _, port = value.partition(":")
    if port:
        return name, int(port) if port.isdigit() else -1
    return name, None


# ---- the guard in front of every request --------------------------------------------------


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


def _lang_of(scope: Scope, default: str) -> str:
    query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
    return query.get("lang") if query.get("lang") in LANGS else default  # type: ignore[return-value]


class Guard:
    """Host, token, origin and size checks before the application sees a request, and the
    security headers on every response."""

    def __init__(self, app: ASGIApp, config: ServeConfig) -> None:
        self.app = app
        self.config = config
        self.names = host_names(config)
        self.in_flight = InFlight(total_bytes(config))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        started = time.perf_counter()

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                for name, value in security_headers(scope.get("path", "")):
                    headers.append((name.encode("latin-1"), value.encode("latin-1")))
                # how long the page took (the benchmark reads it; a browser's tools show it)
                took = (time.perf_counter() - started) * 1000
                headers.append((b"server-timing", f"app;dur={took:.1f}".encode("latin-1")))
                message["headers"] = headers
            await send(message)

        headers = _headers(scope)
        refusal = self.refuse(scope, headers)
        if refusal is not None:
            await refusal(scope, receive, secured)
            return
        size = body_bytes(headers.get("content-length"), "transfer-encoding" in headers, self.config.request_bytes)
        if not self.in_flight.take(size):
            await busy_page("serve.uploads-full", scope, self.config.lang)(scope, receive, secured)
            return
        try:
            await self.app(scope, receive, secured)
        finally:  # the request has ended, however: answered, refused, its browser gone
            self.in_flight.give(size)

    def refuse(self, scope: Scope, headers: dict[str, str]) -> Response | None:
        config = self.config
        if scope.get(OVER_LIMIT):
            return busy_page("serve.connections-full", scope, config.lang, close=True)
        lang = _lang_of(scope, config.lang)
        name, port = split_host(headers.get("host", ""))
        server_port = (scope.get("server") or (None, None))[1]
        if name not in self.names or (port is not None and server_port is not None and port != server_port):
            return error_page(400, "serve.foreign-host", lang, config.lang)
        method = scope.get("method", "GET")
        if method not in ("GET", "HEAD"):
            origin = headers.get("origin")
            site = headers.get("sec-fetch-site")
            if origin is not None and origin.lower() != f"http://{headers.get('host', '').lower()}":
                return error_page(403, "serve.cross-site", lang, config.lang)
            if site is not None and site not in ("same-origin", "none"):
                return error_page(403, "serve.cross-site", lang, config.lang)
            length = headers.get("content-length")
            if length is not None and length.isdigit() and int(length) > config.request_bytes:
                return error_page(413, "serve.too-large", lang, config.lang, mb=megabytes(config.request_bytes))
        if config.token:
            return self.token_check(scope, headers, lang)
        return None

    def token_check(self, scope: Scope, headers: dict[str, str], lang: str) -> Response | None:
        token = self.config.token or ""
        cookies = dict(part.strip().split("=", 1) for part in headers.get("cookie", "").split(";") if "=" in part)
        if hmac.compare_digest(cookies.get(COOKIE, "").encode(), token.encode()):
            return None
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"))
        given = dict(query).get("token", "")
        if scope.get("method") == "GET" and hmac.compare_digest(given.encode(), token.encode()):
            rest = urlencode([(k, v) for k, v in query if k != "token"])
            target = scope.get("path", "/") + ("?" + rest if rest else "")
            response = RedirectResponse(target, status_code=303)
            response.set_cookie(COOKIE, token, httponly=True, samesite="strict", path="/")
            return response
        return error_page(403, "serve.token", lang, self.config.lang)


def security_headers(path: str) -> list[tuple[str, str]]:
    return [
        ("content-security-policy", CSP),
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("referrer-policy", "same-origin"),  # "no-referrer" would make a form post say Origin: null
        ("cross-origin-opener-policy", "same-origin"),
        ("cross-origin-resource-policy", "same-origin"),
        ("cache-control", "no-store"),
    ]


def error_page(status: int, key: str, lang: str, default_lang: str, **params: object) -> HTMLResponse:
    """A page that says, in the reviewer's language, why the request was refused: never a
    traceback."""
    text = page("error.html.j2", lang, default_lang, status=status, message=word(key.removeprefix("serve."), lang, **params))
    return HTMLResponse(text, status_code=status)


def busy_page(key: str, scope: Scope, default_lang: str, close: bool = False) -> HTMLResponse:
    """503: the page cannot take this request now, with when to try again.  Its body is not
    read into memory: uvicorn lets what is still coming through and drops it, so the
    browser, still sending, gets this answer rather than a reset connection; or, with
    `close` (past the connection limit), the connection is closed."""
    response = error_page(503, key, _lang_of(scope, default_lang), default_lang)
    response.headers["retry-after"] = str(RETRY_SECONDS)
    if close:
        response.headers["connection"] = "close"
    return response


# ---- the application ---------------------------------------------------------------------

FAILED_STATUS = {"serve.busy": 503, "serve.timeout": 504, "serve.worker-died": 500, "serve.memory": 500,
                 "serve.internal": 500}


@dataclass
class State:
    config: ServeConfig
    pool: Pool
    packs: list[dict[str, str]] = field(default_factory=list)
    tools: dict[str, dict[str, str | None]] = field(default_factory=dict)  # by language


def pack_choices(folders: tuple[str, ...], lang: str) -> list[dict[str, str]]:
    """Every pack a reviewer may choose: id, title, jurisdiction and policy document."""
    from staffing.errors import InputProblem
    from staffing.packs.load import available, resolve

    out = []
    for pack_id in sorted(available(folders)):
        try:
            pack = resolve(pack_id, folders)
        except InputProblem:
            continue
        out.append({"id": pack.id, "title": pack.title.get(lang) or pack.id,
                    "jurisdiction": pack.jurisdiction.get(lang) or pack.jurisdiction.get("zh") or "",
                    "document": pack.document_title(pack.document, lang) or ""})
    return out


def tools_missing(lang: str) -> dict[str, str | None]:
    """What charts and PDF need and this machine lacks: the message, with the install
    commands, or None where the tool is there."""
    import ctypes.util
    import importlib.util

    from staffing.charts.render import RenderError, find_cjk_font

    out: dict[str, str | None] = {"chart": None, "pdf": None}
    try:
        find_cjk_font()
    except RenderError as exc:
        out["chart"] = exc.message(lang)
    pango = ctypes.util.find_library("pango-1.0") or ctypes.util.find_library("pango-1.0-0")
    if importlib.util.find_spec("weasyprint") is None or not pango:
        from staffing.messages import render

        out["pdf"] = render("report.no-pdf-engine", lang, {"reason": "Pango"})
    return out


def create_app(config: ServeConfig) -> ASGIApp:
    """The page, wrapped in its guard.  The worker pool starts with the application and
    ends with it."""
    state = State(config, Pool(config.bounds))

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await state.pool.start()
        state.packs = pack_choices(config.packs, "zh")
        try:
            yield
        finally:
            state.pool.close()

    routes = [
        Route("/", index, methods=["GET"]),
        Route("/check", check, methods=["POST"]),
        Route("/download", download, methods=["POST"]),
        Route("/compare", compare_form, methods=["GET"]),
        Route("/compare", compare, methods=["POST"]),
        Route("/template", template, methods=["GET"]),
        Route("/guide", guide, methods=["GET"]),
        Route("/checks", checks, methods=["GET"]),
        Route("/checks/{code}", explain, methods=["GET"]),
        Route("/static/{name}", static, methods=["GET"]),
        Route("/docs/img/{name}", picture, methods=["GET"]),
    ]
    app = Starlette(debug=False, routes=routes, lifespan=lifespan,
                    exception_handlers={404: _not_found, 405: _not_allowed, Exception: _internal})
    app.state.serve = state
    return Guard(app, config)


def _state(request: Request) -> State:
    state: State = request.app.state.serve
    return state


def _lang(request: Request, form: Form | None = None) -> str:
    default = _state(request).config.lang
    asked = form.get("lang") if form is not None else request.query_params.get("lang", "")
    return asked if asked in LANGS else default


async def _not_found(request: Request, exc: Exception) -> Response:
    return error_page(404, "serve.not-found", _lang(request), _state(request).config.lang)


async def _not_allowed(request: Request, exc: Exception) -> Response:
    return error_page(405, "serve.not-allowed", _lang(request), _state(request).config.lang)


async def _internal(request: Request, exc: Exception) -> Response:
    reason = type(exc).__name__
    return error_page(500, "serve.internal", _lang(request), _state(request).config.lang, reason=reason)


def _html(request: Request, template: str, lang: str, **context: Any) -> HTMLResponse:
    state = _state(request)
    return HTMLResponse(page(template, lang, state.config.lang, path=request.url.path, **context))


async def _tools(state: State, lang: str) -> dict[str, str | None]:
    """What this machine lacks for charts and PDF, looked up once (in a thread: fc-list)."""
    if lang not in state.tools:
        import asyncio

        state.tools[lang] = await asyncio.get_running_loop().run_in_executor(None, tools_missing, lang)
    return state.tools[lang]


async def index(request: Request) -> Response:
    state = _state(request)
    lang = _lang(request)
    packs = state.packs if lang == "zh" else pack_choices(state.config.packs, lang)
    missing = {k: v for k, v in (await _tools(state, lang)).items() if v}
    return _html(request, "index.html.j2", lang, packs=packs, missing=missing,
                 mb=megabytes(state.config.limits.max_bytes), max_files=state.config.max_files)


def _bounds(config: ServeConfig) -> FormBounds:
    return FormBounds(request_bytes=config.request_bytes, file_bytes=config.limits.max_bytes,
                      files=config.max_files, fields=config.max_files + 16,
                      held_bytes=(config.limits.max_bytes + 2) // 3 * 4 + 4096, seconds=config.body_seconds)


async def _form(request: Request) -> Form:
    config = _state(request).config

    async def body() -> AsyncIterator[bytes]:
        async for chunk in request.stream():
            if chunk:
                yield chunk

    return await read_form(request.headers.get("content-type", ""), request.headers.get("content-length"),
                           body(), _bounds(config), held=(HELD,))


def _ask(request: Request, form: Form, lang: str) -> Any:
    """What the reviewer asked, from the form: the uploads (new files and files carried
    back by the page), the pack (one of the list, or each plan's own), strict or not."""
    from staffing.serve.jobs import Ask

    state = _state(request)
    config = state.config
    taken: set[str] = set()
    files: list[tuple[str, bytes]] = []
    for value in form.all(HELD):
        name, sep, encoded = value.rpartition(":")
        try:
            data = base64.b64decode(encoded, validate=True) if sep else b""
        except (binascii.Error, ValueError):
            raise FormError(400, "serve.bad-form") from None
        if not sep or len(data) > config.limits.max_bytes:
            raise FormError(400, "serve.bad-form") if not sep else \
                FormError(413, "serve.file-too-large", name=display_name(name), mb=megabytes(config.limits.max_bytes))
        files.append((display_name(name, taken), data))
    for upload in form.files:
        files.append((display_name(upload.name, taken), upload.data))
    if len(files) > config.max_files:
        raise FormError(413, "serve.too-many-files", limit=config.max_files)
    pack = form.get("pack")
    known = {p["id"] for p in state.packs}
    if pack and pack not in known:  # only a pack of the list: never a path read from the server's disk
        raise FormError(400, "serve.unknown-pack")
    index_text = form.get("index")
    return Ask(files=tuple(files), lang=lang, default_lang=config.lang, pack=pack or None,
               strict=form.get("strict") == "1", limits=config.limits, packs=config.packs,
               what=form.get("what"), index=int(index_text) if index_text.isdigit() else None)


async def _run_job(request: Request, name: str, ask: Any) -> Any:
    return await _state(request).pool.call(name, ask)


async def _posted(request: Request) -> tuple[Form | None, str, Response | None]:
    lang = _lang(request)
    try:
        form = await _form(request)
    except FormError as exc:
        config = _state(request).config
        return None, lang, error_page(exc.status, exc.key, lang, config.lang, **exc.params)
    switch = form.get("switch_lang")
    return form, switch if switch in LANGS else _lang(request, form), None


def _failed(request: Request, exc: JobFailed | FormError, lang: str) -> Response:
    status = exc.status if isinstance(exc, FormError) else FAILED_STATUS.get(exc.key, 422)
    return error_page(status, exc.key, lang, _state(request).config.lang, **exc.params)


async def check(request: Request) -> Response:
    form, lang, refused = await _posted(request)
    if refused is not None or form is None:
        return refused or error_page(400, "serve.bad-form", lang, _state(request).config.lang)
    try:
        ask = _ask(request, form, lang)
        if not ask.files:
            raise FormError(400, "serve.no-files")
        html = await _run_job(request, "check", ask)
    except (JobFailed, FormError) as exc:
        return _failed(request, exc, lang)
    return HTMLResponse(html)


def attachment(filename: str) -> str:
    """Content-Disposition for a download: an ASCII name for old clients, the real one
    (RFC 5987) for the others."""
    plain = "".join(ch if ch.isascii() and (ch.isalnum() or ch in "._-") else "_" for ch in filename)
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(filename, safe='')}"


async def download(request: Request) -> Response:
    form, lang, refused = await _posted(request)
    if refused is not None or form is None:
        return refused or error_page(400, "serve.bad-form", lang, _state(request).config.lang)
    try:
        ask = _ask(request, form, lang)
        what, _, index = ask.what.partition(":")
        ask = replace(ask, what=what, index=int(index) if index.isdigit() else None)
        if not ask.files:
            raise FormError(400, "serve.no-files")
        made = await _run_job(request, "download", ask)
    except (JobFailed, FormError) as exc:
        return _failed(request, exc, lang)
    return Response(made.data, media_type=made.media_type,
                    headers={"content-disposition": attachment(made.filename)})


async def compare_form(request: Request) -> Response:
    return _html(request, "compare.html.j2", _lang(request), limits=_state(request).config.limits)


async def compare(request: Request) -> Response:
    form, lang, refused = await _posted(request)
    if refused is not None or form is None:
        return refused or error_page(400, "serve.bad-form", lang, _state(request).config.lang)
    try:
        ask = _ask(request, form, lang)
        if len(ask.files) != 2:
            raise FormError(400, "serve.two-files")
        html = await _run_job(request, "compare", ask)
    except (JobFailed, FormError) as exc:
        return _failed(request, exc, lang)
    return HTMLResponse(html)


async def template(request: Request) -> Response:
    from staffing.serve.jobs import Ask

    state = _state(request)
    lang = _lang(request)
    pack = request.query_params.get("pack", "")
    if pack and pack not in {p["id"] for p in state.packs}:
        return error_page(400, "serve.unknown-pack", lang, state.config.lang)
    try:
        made = await state.pool.call("template", Ask(files=(), lang=lang, pack=pack or None))
    except JobFailed as exc:
        return _failed(request, exc, lang)
    return Response(made.data, media_type=made.media_type, headers={"content-disposition": attachment(made.filename)})


async def guide(request: Request) -> Response:
    from staffing.serve.markdown import guide_html

    lang = _lang(request)
    body = guide_html()
    if body is None:
        return error_page(404, "serve.no-guide", lang, _state(request).config.lang)
    return _html(request, "guide.html.j2", lang, body=body)


async def checks(request: Request) -> Response:
    from staffing.checks import CHECKS
    from staffing.messages import text

    lang = _lang(request)
    rows = [(c.code, text(f"title.{c.code}", lang), c.slug, text(f"report.{c.severity.value}", lang)) for c in CHECKS]
    return _html(request, "checks.html.j2", lang, rows=rows)


async def explain(request: Request) -> Response:
    from staffing.reporters.explain import explain_text
    from staffing.serve.markdown import explanation_html

    lang = _lang(request)
    code = request.path_params["code"]
    found = explain_text(code, lang) if len(code) <= 60 else None
    if found is None:
        return error_page(404, "serve.no-check", lang, _state(request).config.lang, code=code[:60])
    return _html(request, "explain.html.j2", lang, code=code, body=explanation_html(found))


async def static(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in STATIC:
        return await _not_found(request, KeyError(name))
    return Response((HERE / "static" / name).read_bytes(), media_type=STATIC[name])


async def picture(request: Request) -> Response:
    from staffing.serve.markdown import image_bytes

    data = image_bytes(request.path_params["name"])
    if data is None:
        return await _not_found(request, KeyError(request.path_params["name"]))
    return Response(data, media_type="image/png")
