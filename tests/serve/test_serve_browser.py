"""`staffing serve` in a real browser: Playwright driving the system Chromium (headless),
as a reviewer uses the page: a failing workbook through the file chooser and by
drag-and-drop, its findings, a finding's cell highlighted and back, the PDF report
downloaded and read, a batch of three giving the summary."""

from __future__ import annotations

import base64
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from serving import HONGQIAO, XIASHU, ZHANGPU, Server, serving, workbook_of

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (bash scripts/install.sh --test installs Debian's chromium)")


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with serving() as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    opened.on("pageerror", lambda e: errors.append(str(e)))
    yield opened
    context.close()
    assert errors == []  # no script error, nothing the Content-Security-Policy refused


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plans") / "张浦镇.xlsx"
    path.write_bytes(workbook_of(ZHANGPU))
    return path


def in_view(page: Any, selector: str) -> bool:
    return bool(page.eval_on_selector(selector, """el => { const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth; }"""))


def see_findings(page: Any) -> None:
    page.wait_for_selector(".verdict")
    assert page.inner_text(".verdict .status-word") == "不通过"
    codes = page.locator(".finding .code").all_inner_texts()
    assert sorted(codes) == ["ST101", "ST201", "ST202"]


def test_a_failing_workbook_through_the_file_chooser(server: Server, page: Any, workbook: Path) -> None:
    page.goto(server.base + "/")
    with page.expect_file_chooser() as chooser:
        page.click("#files")
    chooser.value.set_files(str(workbook))
    assert page.inner_text("#chosen ul") == "张浦镇.xlsx"
    page.click("#submit")
    see_findings(page)
    # a finding's cell: highlighted and brought into view, its sheet opened; and back
    finding = page.locator(".finding", has_text="ST201")
    link = finding.locator("a.goto")
    assert link.inner_text() == "合计!B3"
    cell_id = link.get_attribute("href")[1:]
    link.click()
    cell = f"#{cell_id}"
    page.wait_for_function("id => document.getElementById(id).classList.contains('current')", arg=cell_id)
    assert page.is_visible(cell) and in_view(page, cell)
    assert page.inner_text(cell).startswith("44")
    assert "hit" in page.get_attribute(cell, "class")
    page.click(f"{cell} a.back")
    finding_id = finding.get_attribute("id")
    page.wait_for_function("id => document.getElementById(id).classList.contains('current')", arg=finding_id)
    assert in_view(page, f"#{finding_id}")
    # the explanation of the check, one click away
    finding.locator("details.explain summary").click()
    assert "改正方法" in finding.locator("details.explain").inner_text()


def test_a_failing_workbook_by_drag_and_drop(server: Server, page: Any, workbook: Path) -> None:
    page.goto(server.base + "/")
    data = base64.b64encode(workbook.read_bytes()).decode()
    transfer = page.evaluate_handle("""([name, data]) => {
        const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], name, {type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}));
        return dt; }""", [workbook.name, data])
    page.dispatch_event("#drop", "dragenter", {"dataTransfer": transfer})
    assert "over" in page.get_attribute("#drop", "class")
    page.dispatch_event("#drop", "drop", {"dataTransfer": transfer})
    assert page.eval_on_selector("#files", "el => el.files.length") == 1
    assert page.inner_text("#chosen ul") == "张浦镇.xlsx"
    page.click("#submit")
    see_findings(page)


def test_the_pdf_report_downloads_and_names_the_town(server: Server, page: Any, workbook: Path,
                                                     tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed (bash scripts/install.sh --test installs poppler-utils)")
    page.goto(server.base + "/")
    page.set_input_files("#files", str(workbook))
    page.click("#submit")
    see_findings(page)
    with page.expect_download(timeout=60_000) as downloading:
        page.click("button.dl[value='report.pdf:0']")
    download = downloading.value
    assert download.suggested_filename == "张浦镇-审核意见书.pdf"
    target = tmp_path / "report.pdf"
    download.save_as(str(target))
    assert target.read_bytes().startswith(b"%PDF-")
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "张浦镇" in text and "不通过" in text and "ST201" in text
    assert page.url.endswith("/check")  # the page stays where it was


def test_a_batch_of_three_gives_the_summary(server: Server, page: Any, workbook: Path, tmp_path: Path) -> None:
    page.goto(server.base + "/")
    page.set_input_files("#files", [str(workbook), str(HONGQIAO), str(XIASHU)])
    page.click("#submit")
    page.wait_for_selector("#summary")
    assert "共检查3个方案：通过1个，不通过2个" in page.inner_text("#summary")
    rows = page.locator("#summary tbody tr").all_inner_texts()
    assert len(rows) == 3
    assert any("下蜀镇" in r and "通过" in r for r in rows)
    assert page.locator("section.plan").count() == 3
    with page.expect_download() as downloading:
        page.click("button.dl[value='summary.xlsx']")
    assert downloading.value.suggested_filename == "汇总.xlsx"


def test_the_page_in_english(server: Server, page: Any, workbook: Path) -> None:
    page.goto(server.base + "/?lang=en")
    assert page.inner_text("h1") == "Township three-set plan review"
    page.set_input_files("#files", str(workbook))
    page.click("#submit")
    page.wait_for_selector(".verdict")
    assert page.inner_text(".verdict .status-word") == "Fails"
    page.click("button.lang")  # the same files again, in Chinese
    page.wait_for_selector(".verdict")
    assert page.inner_text(".verdict .status-word") == "不通过"
