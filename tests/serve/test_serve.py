"""`staffing serve` over HTTP: a real server (uvicorn, the page, its worker processes) on a
loopback port, every request made with raw headers.  Pages and status codes, the refusals
(foreign Host, cross-site posts, sizes, counts, a slow body, a missing token), hostile
names shown as text, downloads, no file written, bounded work.  The browser tests are in
test_serve_browser.py."""

from __future__ import annotations

import base64
import contextlib
import gc
import html
import http.client
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from staffing.io.document import Limits
from staffing.serve.app import CSP, outward_address
from staffing.serve.upload import display_name
from staffing.serve.work import Bounds

from conftest import STAFFING
from serving import HONGQIAO, XIASHU, ZHANGPU, Reply, Server, multipart, serving, workbook_of

HAS_DOT = shutil.which("dot") is not None


@pytest.fixture(scope="module")
def page() -> Iterator[Server]:
    with serving() as server:
        yield server


@pytest.fixture(scope="module")
def zhangpu_xlsx() -> bytes:
    return workbook_of(ZHANGPU)


def check(server: Server, *files: tuple[str, bytes], fields: tuple[tuple[str, str], ...] = ()) -> Reply:
    return server.post("/check", fields, [("files", name, data) for name, data in files])


def held(reply: Reply) -> list[tuple[str, str]]:
    """The files a result page carries back, as its download form sends them."""
    found = re.findall(r'<input type="hidden" name="held" value="([^"]*)">', reply.text)
    return [("held", html.unescape(v)) for v in found]


# ---- pages -------------------------------------------------------------------------------------


def test_upload_page_in_chinese_with_its_security_headers(page: Server) -> None:
    reply = page.get("/")
    assert reply.status == 200
    assert reply.headers["content-type"].startswith("text/html")
    assert reply.headers["content-security-policy"] == CSP
    assert "script-src 'self';" in CSP and "unsafe" not in CSP and "default-src 'none'" in CSP
    assert reply.headers["x-content-type-options"] == "nosniff"
    assert reply.headers["x-frame-options"] == "DENY"
    assert reply.headers["cache-control"] == "no-store"
    text = reply.text
    assert "把方案文件拖到这里" in text and "开始检查" in text and 'type="file"' in text
    assert "江苏省经济发达镇行政管理体制改革" in text and "《关于深化经济发达镇行政管理体制改革工作的意见》" in text
    # every asset is the page's own: no address elsewhere, no inline script or style
    assert not re.search(r'(?:src|href)="(?:https?:)?//', text)
    assert "<script>" not in text and "style=" not in text and "<style" not in text
    for asset in ("/static/app.css", "/static/app.js"):
        assert asset in text and page.get(asset).status == 200


def test_upload_page_in_english(page: Server) -> None:
    reply = page.get("/?lang=en")
    assert reply.status == 200
    assert "Drop plan files here" in reply.text and "把方案文件拖到这里" not in reply.text


def test_guide_checks_and_explanations_are_pages(page: Server) -> None:
    guide = page.get("/guide")
    assert guide.status == 200 and "staffing 用户指南" in guide.text and 'id="ST101"' in guide.text
    listed = page.get("/checks")
    assert listed.status == 200 and 'href="/checks/ST101"' in listed.text and "职能机构数量超出范围" in listed.text
    one = page.get("/checks/ST201")
    assert one.status == 200 and "编制总量增长" in one.text and "改正方法" in one.text
    assert page.get("/checks/ST201?lang=en").text.count("Fix") >= 1
    missing = page.get("/checks/ST999")
    assert missing.status == 404 and "没有检查项“ST999”" in missing.text


def test_unknown_page_and_method_say_so_without_a_traceback(page: Server) -> None:
    for reply in (page.get("/nope"), page.get("/static/../pyproject.toml"), page.request("PUT", "/check"),
                  page.get("/check")):
        assert reply.status in (404, 405)
        assert "Traceback" not in reply.text and "File \"" not in reply.text
        assert 'id="refusal"' in reply.text


# ---- checking ------------------------------------------------------------------------------------


def test_a_failing_workbook_gives_its_findings_and_cells(page: Server, zhangpu_xlsx: bytes) -> None:
    reply = check(page, ("张浦镇.xlsx", zhangpu_xlsx))
    assert reply.status == 200
    text = reply.text
    assert 'class="status-word">不通过<' in text
    assert "错误3条，警告0条" in text
    for code in ("ST101", "ST201", "ST202"):
        assert f'<span class="code">{code}</span>' in text
    # each finding points at its cell in the sheet tables, and the cell points back
    assert re.search(r'<a class="goto place" href="#(p0-s\d+-B3)"[^>]*>合计!B3</a>', text)
    cell = re.search(r'<a class="goto place" href="#(p0-s\d+-B3)"', text).group(1)  # type: ignore[union-attr]
    assert re.search(rf'<td id="{cell}" class="hit sev-error">44<a class="back" href="#(p0-f\d+)">ST201</a>', text)
    # the document by title, the quoted sentence, the check's explanation one click away
    assert "《关于深化经济发达镇行政管理体制改革工作的意见》" in text and "<q>严控总量、盘活存量、只减不增、优化结构</q>" in text
    assert '<details class="explain"><summary>这项检查查什么、为什么、怎么改</summary>' in text
    # the quotas before and after, the chart
    assert "行政编制（超出）" in text
    if HAS_DOT:
        assert re.search(r'<figure class="chart" id="p0-chart"><svg [^>]*role="img"', text)
    # the file comes back in the page for the downloads: the server keeps nothing
    assert held(reply) == [("held", "张浦镇.xlsx:" + base64.b64encode(zhangpu_xlsx).decode())]


def test_a_yaml_plan_in_english(page: Server) -> None:
    reply = check(page, ("hongqiao.yaml", HONGQIAO.read_bytes()), fields=(("lang", "en"),))
    assert reply.status == 200
    assert 'class="status-word">Fails<' in reply.text and "line " in reply.text
    assert "不通过" not in reply.text


def test_a_batch_gives_the_summary(page: Server, zhangpu_xlsx: bytes) -> None:
    reply = check(page, ("zhangpu.xlsx", zhangpu_xlsx), ("hongqiao.yaml", HONGQIAO.read_bytes()),
                  ("xiashu.yaml", XIASHU.read_bytes()), ("notes.txt", b"hello"))
    assert reply.status == 200
    text = reply.text
    assert "共检查4个方案：通过1个，不通过2个，不完整0个，无法读取1个" in text
    assert text.count('<tr><td><a href="#p') == 4
    assert "不是方案文件：只能检查 .xlsx、.yaml、.yml、.json 文件" in text  # the rest of the batch still checked
    for what in ("summary.xlsx", "summary.csv", "report.pdf", "findings.json"):
        assert f'value="{what}"' in text


def test_a_pack_chosen_from_the_list_is_used(page: Server) -> None:
    reply = check(page, ("xiashu.yaml", XIASHU.read_bytes()), fields=(("pack", "taizhou-three-integrations"),))
    assert reply.status == 200 and "泰州市基层“三整合”改革" in reply.text


def test_only_a_pack_of_the_list_may_be_chosen(page: Server) -> None:
    for pack in ("/etc/passwd", "../rules/base.yaml", "nope"):
        reply = check(page, ("xiashu.yaml", XIASHU.read_bytes()), fields=(("pack", pack),))
        assert reply.status == 400 and "所选规则包不在列表中。" in reply.text


def test_an_unusable_workbook_shows_every_mistake_at_its_cell(page: Server, zhangpu_xlsx: bytes) -> None:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(zhangpu_xlsx))
    book["合计"]["B3"] = "四十四"
    book["职能机构"]["G2"] = "七个"
    out = io.BytesIO()
    book.save(out)
    reply = check(page, ("张浦镇.xlsx", out.getvalue()))
    assert reply.status == 200
    text = reply.text
    assert 'class="status-word">无法读取<' in text
    assert "文件无法读取，共2处问题" in text
    assert re.search(r'<a class="goto place" href="#p0-s\d+-B3"[^>]*>合计!B3</a>', text)
    assert re.search(r'<a class="goto place" href="#p0-s\d+-G2"[^>]*>职能机构!G2</a>', text)


def test_uploads_are_read_within_the_command_line_limits(zhangpu_xlsx: bytes) -> None:
    deep = "town:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(12))
    bomb = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", "0" * 3_000_000)  # a few kilobytes packed, 3 MB unpacked
    with serving(limits=Limits(max_depth=5, max_bytes=1_000_000)) as server:
        text = check(server, ("deep.yaml", deep.encode()), ("bomb.xlsx", bomb.getvalue())).text
    assert "嵌套" in text and "5" in text
    assert "bomb.xlsx" in text and re.search(r"解压后.*超过", text)


# ---- hostile input shown as text ----------------------------------------------------------------


def test_hostile_names_are_shown_as_text(page: Server) -> None:
    plan = XIASHU.read_text(encoding="utf-8").replace("name: 下蜀镇", 'name: "<img src=x onerror=alert(1)>下蜀\u202e镇"', 1)
    assert "<img" in plan
    reply = check(page, ('<img src=y onerror=alert(2)>\u202e.yaml', plan.encode()))
    assert reply.status == 200
    text = reply.text
    assert "<img src=y" not in text and "<img src=x" not in text
    assert "&lt;img src=y onerror=alert(2)&gt;" in text and "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "\u202e" not in text and "\\u202e" in text  # the bidi override written out, not obeyed
    svg = re.search(r'<figure class="chart"[^>]*>(.*?)</figure>', text, re.S)
    if HAS_DOT and svg:
        assert "<script" not in svg.group(1) and "onerror=" not in svg.group(1).replace("onerror=alert", "")


def test_the_client_file_name_is_never_a_path(page: Server, tmp_path: Path) -> None:
    assert display_name("../../etc/passwd.yaml") == "passwd.yaml"
    assert display_name("C:\\Users\\科员\\方案.xlsx") == "方案.xlsx"
    assert display_name("_county.yaml") == "county.yaml"  # never taken for a county file
    assert display_name(".hidden.json") == "hidden.json"
    assert display_name("a\x1b[31m.yaml") == "a\\x1b[31m.yaml"
    assert display_name("x" * 300 + ".xlsx").endswith("….xlsx") and len(display_name("x" * 300 + ".xlsx")) <= 80
    taken: set[str] = set()
    assert [display_name("方案.xlsx", taken) for _ in range(3)] == ["方案.xlsx", "方案 (2).xlsx", "方案 (3).xlsx"]
    reply = check(page, ("../../../../etc/passwd.yaml", XIASHU.read_bytes()), ("_county.yaml", XIASHU.read_bytes()))
    assert reply.status == 200
    assert "passwd.yaml" in reply.text and "county.yaml" in reply.text and "../" not in reply.text
    assert reply.text.count('class="status-word">通过<') == 2  # both checked as plans, from memory


def test_a_file_named_only_the_rfc_5987_way_is_a_file(page: Server) -> None:
    """A part naming its file only by `filename*=UTF-8''…` (percent-encoded UTF-8) is that
    file, under its decoded name (and still never a path), not a form field too long."""
    plan = XIASHU.read_bytes()
    assert len(plan) > 4096  # longer than an ordinary field may be
    boundary = "----staffing5987"
    body = b""
    for encoded in ("%E4%B8%8B%E8%9C%80%E9%95%87.yaml", "..%2F..%2Fetc%2F%E6%96%B9%E6%A1%88.yaml"):  # 下蜀镇, 方案
        body += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename*=UTF-8''{encoded}\r\n"
                 "Content-Type: application/octet-stream\r\n\r\n").encode() + plan + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    reply = page.request("POST", "/check", body, {"Content-Type": f"multipart/form-data; boundary={boundary}",
                                                  "Origin": page.base})
    assert reply.status == 200, reply.text[:300]
    assert "共检查2个方案：通过2个" in reply.text
    assert "下蜀镇.yaml" in reply.text and "方案.yaml" in reply.text and "etc" not in reply.text


# ---- the guard ------------------------------------------------------------------------------------


def test_a_foreign_host_is_refused(page: Server) -> None:
    """DNS rebinding: a page of another site whose name now points here."""
    for host in ("evil.example", f"evil.example:{page.port}", f"127.0.0.1:{page.port + 1}", "127.0.0.1.evil.example"):
        reply = page.request("GET", "/", headers={"Host": host})
        assert reply.status == 400, host
        assert "请求的主机名不是本页面的地址" in reply.text
    for host in (f"127.0.0.1:{page.port}", f"localhost:{page.port}", "localhost"):
        assert page.request("GET", "/", headers={"Host": host}).status == 200, host


def test_a_cross_site_post_is_refused(page: Server) -> None:
    body, kind = multipart([], [("files", "x.yaml", XIASHU.read_bytes())])
    for headers in ({"Origin": "http://evil.example"}, {"Origin": "null"},
                    {"Origin": f"http://localhost:{page.port + 1}"},
                    {"Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "same-site"},
                    {"Origin": page.base, "Sec-Fetch-Site": "cross-site"}):
        reply = page.request("POST", "/check", body, {"Content-Type": kind, **headers})
        assert reply.status == 403, headers
        assert "该表单来自其他网站，已拒绝。" in reply.text
    same = page.request("POST", "/check", body, {"Content-Type": kind, "Origin": page.base,
                                                 "Sec-Fetch-Site": "same-origin"})
    assert same.status == 200


def test_sizes_and_counts_are_bounded() -> None:
    with serving(limits=Limits(max_bytes=10_000), request_bytes=100_000, max_files=3) as server:
        big = check(server, ("big.yaml", b"#" * 10_001))
        assert big.status == 413 and "文件“big.yaml”过大：每个文件最多" in big.text
        many = check(server, *[(f"p{k}.yaml", XIASHU.read_bytes()) for k in range(4)])
        assert many.status == 413 and "文件过多：一次最多3个。" in many.text
        fields = server.post("/check", [("x", "1")] * 40, [("files", "x.yaml", XIASHU.read_bytes())])
        assert fields.status == 413 and "表单的项目过多" in fields.text
        long_field = server.post("/check", [("pack", "x" * 5000)], [("files", "x.yaml", XIASHU.read_bytes())])
        assert long_field.status == 413
        # said before a byte of the body is read ...
        body, kind = multipart([], [("files", "x.yaml", b"#" * 200_000)])
        declared = server.request("POST", "/check", body, {"Content-Type": kind, "Origin": server.base})
        assert declared.status == 413 and "上传的内容过大：一次最多" in declared.text
        # ... and counted as it comes when no length is declared (chunked)
        chunked = _chunked(server, body, kind)
        assert chunked.startswith(b"HTTP/1.1 413") and "过大".encode() in chunked


def _chunked(server: Server, body: bytes, kind: str) -> bytes:
    with socket.create_connection((server.host, server.port), timeout=30) as sock:
        head = (f"POST /check HTTP/1.1\r\nHost: {server.host}:{server.port}\r\nOrigin: {server.base}\r\n"
                f"Content-Type: {kind}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
        sock.sendall(head.encode())
        try:
            for k in range(0, len(body), 8192):
                piece = body[k:k + 8192]
                sock.sendall(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
            sock.sendall(b"0\r\n\r\n")
        except OSError:
            pass  # the server answered and closed before the rest
        return _read_all(sock)


def _read_all(sock: socket.socket) -> bytes:
    out = b""
    while True:
        try:
            data = sock.recv(65536)
        except OSError:
            break
        if not data:
            break
        out += data
    return out


def _open_upload(server: Server, body: bytes, kind: str, sent: int, path: str = "/check") -> socket.socket:
    """A connection that has sent an upload's head and the first `sent` bytes of its body."""
    sock = socket.create_connection((server.host, server.port), timeout=30)
    sock.sendall((f"POST {path} HTTP/1.1\r\nHost: {server.host}:{server.port}\r\nOrigin: {server.base}\r\n"
                  f"Content-Type: {kind}\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body[:sent])
    return sock


def _answer(sock: socket.socket) -> Reply:
    """The answer read from a raw connection (its length as it says), the connection left open."""
    response = http.client.HTTPResponse(sock)
    response.begin()
    return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_total_s_help_says_the_default_the_page_takes(lang: str) -> None:
    """--max-total-bytes' help states its default with the queue's length written out: held
    to the length the page's workers take, and to the total it sets by default."""
    from staffing.messages import text
    from staffing.serve.app import ServeConfig, total_bytes

    bounds = Bounds(workers=3)
    assert total_bytes(ServeConfig(request_bytes=1000, bounds=bounds)) == 1000 * (3 + bounds.queue)
    assert f"+{bounds.queue}" in text("help.serve.max_total_bytes", lang).replace(" ", "").replace("排队等候的", "")


def test_the_uploads_held_at_once_are_bounded_in_total() -> None:
    """Each upload takes its length from a total before its body is read and gives it back
    when its request ends: with one upload held open mid-body, another that would pass the
    total is refused (503, Retry-After, the page's words) without a byte of its body sent;
    once the first has finished, or its browser has gone, the next is taken."""
    plan = XIASHU.read_bytes() + b"\n#" + b"#" * 60_000 + b"\n"
    body, kind = multipart([], [("files", "xiashu.yaml", plan)])
    with serving(total_bytes=100_000) as server:
        first = _open_upload(server, body, kind, 30_000)
        time.sleep(1.0)  # the page has its head and part of its body
        second = _open_upload(server, body, kind, 0)  # the head alone: the answer comes before the body
        refused = _answer(second)
        second.close()
        assert refused.status == 503 and refused.headers["retry-after"] == "5"
        assert "同时上传的文件过多，暂时不能接收，请稍后再试。" in refused.text and 'id="refusal"' in refused.text
        assert refused.headers["content-security-policy"] == CSP
        english = server.post("/check?lang=en", files=[("files", "xiashu.yaml", plan)])
        assert english.status == 503 and "Too many files are being uploaded at once" in english.text
        assert server.get("/").status == 200  # a page without a body is not held up
        first.sendall(body[30_000:])
        done = _answer(first)
        first.close()
        assert done.status == 200 and 'class="status-word">通过<' in done.text
        third = check(server, ("xiashu.yaml", plan))
        assert third.status == 200 and 'class="status-word">通过<' in third.text
        gone = _open_upload(server, body, kind, 30_000)
        time.sleep(1.0)
        gone.close()  # the browser went away mid-upload
        time.sleep(1.0)
        assert check(server, ("xiashu.yaml", plan)).status == 200


def test_an_upload_is_let_go_when_its_request_ends() -> None:
    """Once a check is answered, or an upload refused, nothing holds its form: its bytes go
    then, not when Python's cycle collector next runs (on a quiet page, much later)."""
    from staffing.serve.upload import Form

    with serving(limits=Limits(max_bytes=10_000)) as server:
        gc.collect()
        gc.disable()
        try:
            passed = check(server, ("xiashu.yaml", XIASHU.read_bytes()))
            refused = check(server, ("big.yaml", b"#" * 10_001))
            forms = [o for o in gc.get_objects() if isinstance(o, Form)]
        finally:
            gc.enable()
    assert passed.status == 200 and refused.status == 413
    assert forms == []


def test_a_slow_upload_does_not_hold_up_others(zhangpu_xlsx: bytes) -> None:
    """One client sends its body a byte at a time: the page answers others meanwhile, and
    the slow body is given up on once its time is out (408)."""
    with serving(body_seconds=8.0) as server:
        assert check(server, ("zhangpu.xlsx", zhangpu_xlsx)).status == 200  # the workers are ready
        body, kind = multipart([], [("files", "slow.yaml", XIASHU.read_bytes())])
        sock = socket.create_connection((server.host, server.port), timeout=30)
        sock.sendall((f"POST /check HTTP/1.1\r\nHost: {server.host}:{server.port}\r\nOrigin: {server.base}\r\n"
                      f"Content-Type: {kind}\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body[:100])
        started = time.monotonic()
        assert server.get("/").status == 200
        assert check(server, ("zhangpu.xlsx", zhangpu_xlsx)).status == 200
        assert time.monotonic() - started < 8.0  # answered while the slow body was still coming
        sock.settimeout(0.5)
        reply = b""
        for k in range(100, 140):  # a byte every half second, until the page gives up on it
            try:
                sock.sendall(body[k:k + 1])
                reply = sock.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                break
            if reply:
                break
        sock.settimeout(10)
        reply += _read_all(sock)
        sock.close()
        assert reply.startswith(b"HTTP/1.1 408") and "上传在8秒内没有完成".encode() in reply


def test_other_addresses_need_the_token(tmp_path: Path) -> None:
    """`--host` other than this computer: a token is made and printed, every request needs
    it; the printed link sets it as a cookie."""
    proc = subprocess.Popen([str(STAFFING), "serve", "--host", "0.0.0.0", "--port", "0", "--no-browser",
                             "--workers", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=tmp_path)
    try:
        assert proc.stdout is not None and proc.stderr is not None
        said = proc.stderr.readline()
        assert said.startswith("staffing: 用 --host 监听本机以外的地址时必须有访问令牌；未用 --token 指定，已生成一个：")
        token = said.rsplit("：", 1)[1].strip()
        first = proc.stdout.readline()
        # the address other computers reach this one by (127.0.0.1 would be their own)
        outward = outward_address()
        shown = outward or "127.0.0.1"
        assert first.startswith(f"审核页面已启动，其他电脑可访问：http://{shown}:") and f"?token={token}" in first
        assert "该链接带有访问令牌" in proc.stdout.readline()
        port = int(re.search(r":(\d+)/", first).group(1))  # type: ignore[union-attr]
        if outward is not None and ":" not in outward:  # the printed link works as printed
            assert Server(outward, port).get(f"/?token={token}").status == 303
        server = Server("127.0.0.1", port)
        refused = server.get("/")
        assert refused.status == 403 and "需要访问令牌" in refused.text
        assert server.get("/?token=wrong").status == 403
        link = server.get(f"/?token={token}")
        assert link.status == 303 and link.headers["location"] == "/"
        cookie = link.headers["set-cookie"]
        assert cookie.startswith(f"staffing_token={token};") and "HttpOnly" in cookie and "SameSite=strict" in cookie
        assert server.get("/", Cookie=f"staffing_token={token}").status == 200
        assert server.get("/", Cookie="staffing_token=nope").status == 403
        posted = server.post("/check", files=[("files", "x.yaml", XIASHU.read_bytes())],
                             headers={"Cookie": f"staffing_token={token}"})
        assert posted.status == 200
    finally:
        proc.terminate()
        proc.wait(30)
    assert proc.returncode in (0, -15, 143)


@contextlib.contextmanager
def _limited_page(tmp_path: Path, connections: int) -> Iterator[tuple[int, list[str]]]:
    """`staffing serve` with one worker and `--max-connections`, on a free port (yielded),
    ended on leaving; what it printed on stderr then in the list yielded with the port."""
    proc = subprocess.Popen([str(STAFFING), "serve", "--port", "0", "--no-browser", "--workers", "1",
                             "--max-connections", str(connections)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    err: list[str] = []
    try:
        assert proc.stdout is not None
        yield int(proc.stdout.readline().rsplit(":", 1)[1].strip("/\n")), err
    finally:
        proc.terminate()
        err.append(proc.communicate(timeout=30)[1])


def test_connections_that_never_finish_their_request_cannot_shut_the_page(tmp_path: Path) -> None:
    """As many silent connections as --max-connections allows, and one sending a byte of its
    headers now and then, are closed once HEAD_SECONDS pass without a whole request head; the
    page then answers a reviewer again (before, it answered 503 for as long as they stayed)."""
    from staffing.serve.protocol import HEAD_SECONDS

    held: list[socket.socket] = []
    with _limited_page(tmp_path, 4) as (port, err):
        for _ in range(4):
            held.append(socket.create_connection(("127.0.0.1", port), timeout=30))
        trickle = held[0]
        trickle.sendall(b"GET / HTTP/1.1\r\nHo")
        time.sleep(0.5)
        assert Server("127.0.0.1", port).get("/").status == 503  # every place taken
        trickle.sendall(b"s")  # a byte now and then does not keep it open
        time.sleep(HEAD_SECONDS + 1.5)
        for sock in held:  # each closed by the page: reading gives the end of the stream
            assert sock.recv(100) == b""
        assert Server("127.0.0.1", port).get("/").status == 200
        for sock in held:
            sock.close()
    assert "Traceback" not in err[0], err


def test_past_the_connection_limit_the_page_says_so_in_its_words(tmp_path: Path) -> None:
    """--max-connections reached: the 503 is the page's (its words, in its language, its
    headers, when to try again), not uvicorn's two English words, and the console stays quiet."""
    held: list[socket.socket] = []
    with _limited_page(tmp_path, 2) as (port, err):
        server = Server("127.0.0.1", port)
        assert server.get("/").status == 200
        held += [socket.create_connection(("127.0.0.1", port), timeout=30) for _ in range(2)]
        time.sleep(0.5)
        busy = server.get("/")
        assert busy.status == 503 and "同时访问本页面的人太多，请稍后再试。" in busy.text and 'id="refusal"' in busy.text
        assert busy.headers["retry-after"] == "5" and busy.headers["connection"] == "close"
        assert busy.headers["content-security-policy"] == CSP and "Service Unavailable" not in busy.text
        english = server.get("/?lang=en")
        assert english.status == 503 and "Too many people are using the page at once" in english.text
        posted = server.post("/check", files=[("files", "x.yaml", XIASHU.read_bytes())])
        assert posted.status == 503 and "同时访问本页面的人太多" in posted.text
        for sock in held:
            sock.close()
        time.sleep(0.5)
        assert server.get("/").status == 200
    assert "Traceback" not in err[0] and "Exceeded concurrency limit" not in err[0], err


def test_the_connection_limit_counts_the_asking_connection_within_it(tmp_path: Path) -> None:
    """--max-connections 1: one reviewer's browser is answered; a second connection at once is
    not (the limit counted the asking connection against itself: 1 refused everyone)."""
    with _limited_page(tmp_path, 1) as (port, err):
        server = Server("127.0.0.1", port)
        assert server.get("/").status == 200
        with socket.create_connection(("127.0.0.1", port), timeout=30):
            time.sleep(0.5)
            assert server.get("/").status == 503
    assert "Traceback" not in err[0], err


def test_a_request_sent_before_the_last_answer_has_its_body_s_own_time(tmp_path: Path) -> None:
    """HTTP/1.1 lets a client send its next request before the answer to the last: its head
    is whole when that answer goes, and its body then has the upload's own bounds; the page
    closed the connection HEAD_SECONDS after the first answer, mid-body."""
    from staffing.serve.protocol import HEAD_SECONDS

    body, kind = multipart([], [("files", "xiashu.yaml", XIASHU.read_bytes())])
    with _limited_page(tmp_path, 10) as (port, err):
        head = f"Host: 127.0.0.1:{port}\r\n"
        with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
            sock.sendall((f"GET / HTTP/1.1\r\n{head}\r\nPOST /check HTTP/1.1\r\n{head}"
                          f"Origin: http://127.0.0.1:{port}\r\nContent-Type: {kind}\r\n"
                          f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode())
            pieces = HEAD_SECONDS + 3
            step = len(body) // pieces + 1
            for k in range(0, len(body), step):  # over HEAD_SECONDS + 2 seconds
                sock.sendall(body[k:k + step])
                time.sleep(1)
            answers = _read_all(sock)
    assert answers.count(b"HTTP/1.1 200 OK") == 2, answers[:300]
    assert "Traceback" not in err[0], err


def test_a_broken_upload_leaves_the_console_quiet(tmp_path: Path) -> None:
    """A browser that goes away mid-upload, or a body that is not a form, is answered (or
    not, if nobody is there) without a traceback or the parser's English on the console the
    reviewer started the page from."""
    proc = subprocess.Popen([str(STAFFING), "serve", "--port", "0", "--no-browser", "--workers", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        port = int(first.rsplit(":", 1)[1].strip("/\n"))
        head = (f"POST /check HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\n"
                f"Content-Type: multipart/form-data; boundary=xx\r\nContent-Length: 1000\r\n\r\n")
        gone = socket.create_connection(("127.0.0.1", port), timeout=10)
        gone.sendall(head.encode() + b"--xx")
        time.sleep(0.5)
        gone.close()  # the browser went away
        time.sleep(1.0)
        bad = Server("127.0.0.1", port).request(
            "POST", "/check", b"--xy\r\nnot a form\r\n",
            {"Content-Type": "multipart/form-data; boundary=xx", "Origin": f"http://127.0.0.1:{port}"})
        assert bad.status == 400 and "上传的表单无法读取" in bad.text, bad.text[:300]
        long = "b" * 300  # a boundary python-multipart refuses outright (over 256 bytes)
        refused = Server("127.0.0.1", port).request(
            "POST", "/check", f"--{long}\r\nnot a form\r\n".encode(),
            {"Content-Type": f"multipart/form-data; boundary={long}", "Origin": f"http://127.0.0.1:{port}"})
        assert refused.status == 400 and "上传的表单无法读取" in refused.text, refused.text[:300]
        assert Server("127.0.0.1", port).get("/").status == 200  # and the page goes on
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert "Traceback" not in err and "Expected boundary" not in err and "ClientDisconnect" not in err, err


def test_the_command_listens_on_this_computer_only_by_default() -> None:
    proc = subprocess.Popen([str(STAFFING), "serve", "--port", "0", "--no-browser", "--workers", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert re.fullmatch(r"审核页面已启动：http://127\.0\.0\.1:\d+/\n", first)
        port = int(first.rsplit(":", 1)[1].strip("/\n"))
        if shutil.which("ss"):  # iproute2: which address the socket is bound to
            listening = subprocess.run(["ss", "-ltnH", f"sport = :{port}"], capture_output=True, text=True, check=False)
            assert listening.stdout.split()[3] == f"127.0.0.1:{port}"
        assert Server("127.0.0.1", port).get("/").status == 200
        workers = _children(proc.pid)
        assert workers  # the worker pool
    finally:
        proc.terminate()
        proc.wait(30)
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [pid for pid in workers if Path(f"/proc/{pid}").exists()] == []  # stopping the page ends its workers


def test_the_command_opens_the_browser_at_its_address(tmp_path: Path) -> None:
    """Without --no-browser the reviewer's browser is opened at the printed address (the
    browser named by $BROWSER, as Python's webbrowser module reads it)."""
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\necho "$1" > {opened}\n', encoding="utf-8")
    browser.chmod(0o755)
    env = {**os.environ, "BROWSER": str(browser)}
    proc = subprocess.Popen([str(STAFFING), "serve", "--port", "0", "--workers", "1"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().split("：", 1)[1].strip()
        deadline = time.monotonic() + 30
        while not opened.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert opened.read_text(encoding="utf-8").strip() == url
    finally:
        proc.terminate()
        proc.wait(30)


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


# ---- downloads, and nothing on disk --------------------------------------------------------------


def download(server: Server, reply: Reply, what: str, lang: str = "zh") -> Reply:
    return server.post("/download", [("lang", lang), *held(reply), ("what", what)])


@pytest.mark.skipif(not HAS_DOT, reason="Graphviz (dot) is not installed: bash scripts/install.sh installs it")
def test_downloads_write_nothing_on_disk(tmp_path: Path, zhangpu_xlsx: bytes) -> None:
    """The server runs with TMPDIR and its working folder in watched, empty folders: after
    uploads large enough to be spooled by a usual form reader and every kind of download,
    both are still empty."""
    watched = tmp_path / "tmp"
    cwd = tmp_path / "cwd"
    watched.mkdir()
    cwd.mkdir()
    env = {**os.environ, "TMPDIR": str(watched), "TEMP": str(watched), "TMP": str(watched)}
    proc = subprocess.Popen([str(STAFFING), "serve", "--port", "0", "--no-browser", "--workers", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd, env=env)
    try:
        assert proc.stdout is not None
        port = int(proc.stdout.readline().rsplit(":", 1)[1].strip("/\n"))
        server = Server("127.0.0.1", port)
        padded = XIASHU.read_bytes() + b"\n" + b"#" * 1_500_000 + b"\n"  # over Starlette's 1 MB spool
        reply = check(server, ("张浦镇.xlsx", zhangpu_xlsx), ("xiashu.yaml", padded))
        assert reply.status == 200 and "共检查2个方案" in reply.text
        made = {}
        for what in ("report.pdf:0", "report.html:0", "chart-A3.png:0", "chart-A4.svg:0", "chart-A4.pdf:0",
                     "plan.yaml:0", "plan.xlsx:0", "findings.json", "findings.sarif", "summary.xlsx", "summary.csv",
                     "report.pdf"):
            got = download(server, reply, what)
            assert got.status == 200, (what, got.text[:300])
            assert got.headers["content-disposition"].startswith("attachment;")
            made[what] = got
        assert made["report.pdf:0"].body.startswith(b"%PDF-")
        assert "filename*=UTF-8''%E5%BC%A0%E6%B5%A6%E9%95%87-%E5%AE%A1%E6%A0%B8%E6%84%8F%E8%A7%81%E4%B9%A6.pdf" in \
            made["report.pdf:0"].headers["content-disposition"]  # 张浦镇-审核意见书.pdf
        assert made["chart-A3.png:0"].body.startswith(b"\x89PNG")
        assert made["chart-A4.svg:0"].body.lstrip().startswith(b"<?xml")
        assert made["chart-A4.pdf:0"].body.startswith(b"%PDF-")
        assert made["plan.xlsx:0"].body.startswith(b"PK")
        assert made["summary.xlsx"].body.startswith(b"PK")
        assert made["summary.csv"].body.startswith("\ufeff".encode())
        assert json.loads(made["findings.json"].body)["files"]
        assert json.loads(made["findings.sarif"].body)["version"] == "2.1.0"
        assert "张浦镇" in made["report.html:0"].text and "<style>" in made["report.html:0"].text
        assert made["plan.yaml:0"].text.startswith("town:\n  name: 张浦镇")
        # the plan given back as a workbook is the same plan
        again = check(server, ("again.xlsx", made["plan.xlsx:0"].body))
        assert "错误3条，警告0条" in again.text
    finally:
        proc.terminate()
        proc.wait(30)
    assert sorted(p.name for p in watched.iterdir()) == []
    assert sorted(p.name for p in cwd.iterdir()) == []


def test_a_download_that_cannot_be_made_says_why(page: Server) -> None:
    reply = check(page, ("bad.yaml", b"town: [\n"))
    assert 'class="status-word">无法读取<' in reply.text
    assert 'value="report.pdf:0"' not in reply.text  # not offered ...
    refused = download(page, reply, "chart-A4.png:0")  # ... and refused if asked all the same
    assert refused.status == 422 and "无法读取，不能生成这项下载" in refused.text
    assert download(page, reply, "../../etc/passwd").status == 422
    tampered = page.post("/download", [("held", "x.yaml:not base64!"), ("what", "findings.json")])
    assert tampered.status == 400


def test_the_template_workbook_for_a_pack(page: Server) -> None:
    import openpyxl

    reply = page.get("/template?pack=jiangsu-developed-town")
    assert reply.status == 200
    assert "filename*=UTF-8''" in reply.headers["content-disposition"]
    book = openpyxl.load_workbook(io.BytesIO(reply.body))
    assert "职能机构" in book.sheetnames
    assert page.get("/template?pack=/etc/passwd").status == 400


def test_two_versions_compared(page: Server) -> None:
    old = XIASHU.read_text(encoding="utf-8")
    new = old.replace("name: 规划建设局", "name: 规划建设和住房保障局", 1)
    assert new != old
    files = [("old", "旧版.yaml", old.encode()), ("new", "新版.yaml", new.encode())]
    reply = page.post("/compare", [], files)
    assert reply.status == 200
    assert "两个版本的比较" in reply.text and "规划建设和住房保障局" in reply.text
    assert "编制没有超出旧版加上级下划的数量。" in reply.text
    if HAS_DOT:
        assert re.search(r'<figure class="chart"><svg ', reply.text)
    one = page.post("/compare", [], files[:1])
    assert one.status == 400 and "请选择两个文件" in one.text


# ---- bounded work ----------------------------------------------------------------------------------


def test_concurrent_uploads_are_all_answered(zhangpu_xlsx: bytes) -> None:
    with serving(bounds=Bounds(workers=2, queue=16)) as server:
        replies: list[Reply] = []

        def one() -> None:
            replies.append(check(server, ("zhangpu.xlsx", zhangpu_xlsx)))

        threads = [threading.Thread(target=one) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
    assert [r.status for r in replies] == [200] * 8
    assert all('class="status-word">不通过<' in r.text for r in replies)


def test_more_uploads_than_the_queue_holds_are_told_to_wait(zhangpu_xlsx: bytes) -> None:
    with serving(bounds=Bounds(workers=1, queue=1)) as server:
        replies: list[Reply] = []

        def one() -> None:
            replies.append(check(server, ("zhangpu.xlsx", zhangpu_xlsx)))

        threads = [threading.Thread(target=one) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        statuses = sorted(r.status for r in replies)
        assert statuses[0] == 200 and statuses[-1] == 503
        busy = next(r for r in replies if r.status == 503)
        assert "检查的人太多，请稍后再试。" in busy.text
        assert server.get("/").status == 200


def test_a_job_past_its_time_is_stopped_and_the_page_goes_on(tmp_path: Path) -> None:
    from staffing.plan.generate import corpus

    big = next(text for rel, text in corpus(400, 0) if rel.endswith(".yaml") and not Path(rel).name.startswith("_"))
    with serving(bounds=Bounds(workers=1, seconds=0.05)) as server:
        slow = check(server, ("big.yaml", big.encode()))
        assert slow.status == 504 and "检查在0秒内没有完成，已停止。" in slow.text
        assert "Traceback" not in slow.text
        assert server.get("/").status == 200
    with serving(bounds=Bounds(workers=1, seconds=60)) as server:
        assert check(server, ("big.yaml", big.encode())).status == 200


def test_a_worker_error_is_one_message(tmp_path: Path) -> None:
    """A bug in a job: the page says so in one line, no traceback, and the worker goes on."""
    import asyncio

    from staffing.serve.work import JobFailed, Pool

    async def go() -> tuple[str, str, int]:
        pool = Pool(Bounds(workers=1), jobs="serve_jobs_for_tests")
        await pool.start()
        try:
            with pytest.raises(JobFailed) as err:
                await pool.call("boom", None)
            value = await pool.call("echo", 21)
            return err.value.key, str(err.value.params), value
        finally:
            pool.close()

    sys.path.insert(0, str(Path(__file__).parent))
    try:
        key, params, value = asyncio.run(go())
    finally:
        sys.path.remove(str(Path(__file__).parent))
    assert key == "serve.internal" and "ZeroDivisionError" in params and "Traceback" not in params
    assert value == 42


# ---- without Graphviz -------------------------------------------------------------------------------


def test_without_graphviz_the_page_still_checks_and_says_what_to_install(tmp_path: Path) -> None:
    bare = tmp_path / "bin"
    bare.mkdir()
    env = {**os.environ, "PATH": str(bare)}
    proc = subprocess.Popen([str(STAFFING), "serve", "--port", "0", "--no-browser", "--workers", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout is not None
        port = int(proc.stdout.readline().rsplit(":", 1)[1].strip("/\n"))
        server = Server("127.0.0.1", port)
        index = server.get("/").text
        assert "本机暂时不能画组织架构图" in index
        for command in ("sudo apt-get install graphviz", "brew install graphviz", "winget install Graphviz.Graphviz"):
            assert command in index
        reply = check(server, ("hongqiao.yaml", HONGQIAO.read_bytes()))
        assert reply.status == 200 and 'class="status-word">不通过<' in reply.text
        assert "未能画出组织架构图" in reply.text
        chart = download(server, reply, "chart-A4.png:0")
        assert chart.status == 422 and "winget install Graphviz.Graphviz" in chart.text
    finally:
        proc.terminate()
        proc.wait(30)


def test_the_desk_starts_without_the_checks() -> None:
    """The server process renders pages and hands checks to its workers: it loads Jinja2, not
    the checks, the plan model or pydantic behind them."""
    probe = "import sys, staffing.serve.app; print(sorted(m for m in ('staffing.checks', 'staffing.report.build', 'pydantic') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True).stdout
    assert out.strip() == "[]"


def test_a_failure_of_the_tools_own_on_one_workbook_leaves_the_rest_of_the_page(
        zhangpu_xlsx: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug of ours on one workbook of an upload is that file's internal error on the page;
    the other plans keep their results (it made the whole upload a 500 once the workbook
    reader let its own failures out as internal errors: found by an independent review)."""
    from staffing.io import sheets, workbook
    from staffing.messages import render
    from staffing.serve import jobs

    real = sheets.sheet_grids

    def view(name: str, raw: bytes, limits: Limits) -> list[object]:
        if name == "坏.xlsx":
            raise TypeError("坏的表格视图")
        return real(name, raw, limits)

    monkeypatch.setattr(sheets, "sheet_grids", view)
    xiashu = workbook_of(XIASHU)
    shown = jobs.check(jobs.Ask(files=(("坏.xlsx", zhangpu_xlsx), ("下蜀.xlsx", xiashu))))
    assert shown.count("张浦镇") >= 1 and shown.count("下蜀镇") >= 1  # both checked, the sheet view of one left out

    monkeypatch.setattr(workbook, "convert", None)  # now the form itself fails on every workbook
    shown = jobs.check(jobs.Ask(files=(("坏.xlsx", zhangpu_xlsx), ("下蜀.yaml", XIASHU.read_bytes()))))
    said = render("input.internal", "zh", {"reason": "TypeError: "})
    assert shown.count(said) == 1 and "下蜀镇" in shown
