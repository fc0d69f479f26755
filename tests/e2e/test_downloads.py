"""Every download button on every page delivers a file that opens: CSV, Excel, the print PNG, SVG and PDF,
and the committee pack."""

from __future__ import annotations

import csv
import io
import re
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from testing.browser import APP_IDLE, TIMEOUT_MS, app_pages, open_expanders, open_page, open_tab

pytestmark = [pytest.mark.browser, pytest.mark.server]

PAGES = [p for p in app_pages() if p.name != "pack"]
SAFE_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]*\.[a-z]+$")


def check_opens(path: Path) -> str:
    """Open the file as its kind of file; return a short description of what is in it."""
    data = path.read_bytes()
    assert data, f"{path.name} is empty"
    kind = path.suffix.lower()
    if kind == ".csv":
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        assert rows and rows[0] and all(rows[0]), f"{path.name} has no header row"
        return f"{len(rows) - 1} rows"
    if kind == ".xlsx":
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
        assert book.sheetnames
        assert any(sheet.max_row and sheet.max_row >= 1 for sheet in book.worksheets)
        return f"sheets {book.sheetnames}"
    if kind == ".png":
        assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
        width, height = struct.unpack(">II", data[16:24])
        assert width > 100 and height > 100
        return f"{width}x{height}"
    if kind == ".svg":
        root = ET.fromstring(data)
        assert root.tag.endswith("svg")
        return "svg"
    if kind == ".pdf":
        pages = len(PdfReader(io.BytesIO(data)).pages)
        assert pages >= 1
        return f"{pages} pages"
    if kind == ".docx":
        from docx import Document

        paragraphs = Document(io.BytesIO(data)).paragraphs
        assert paragraphs
        return f"{len(paragraphs)} paragraphs"
    raise AssertionError(f"unexpected download type {path.name}")


# Chromium drops a frame's eleventh download within a second, silently ("Throttle url download requests from a
# RenderFrame", Chromium CL 1132485; chromedp/chromedp#791), and this test clicks about twenty buttons. A person
# cannot click that fast, so each download waits this long after the one before.
DOWNLOAD_GAP_MS = 200


def download(page, button, folder: Path) -> Path:
    page.wait_for_timeout(DOWNLOAD_GAP_MS)
    with page.expect_download(timeout=TIMEOUT_MS) as info:
        button.click()
    got = info.value
    assert got.failure() is None, got.failure()
    path = folder / got.suggested_filename
    got.save_as(path)
    return path


def prepare_print_files(page) -> None:
    """Click each chart's "Prepare print files" in turn, waiting for its three downloads to replace it."""
    for _ in range(10):
        prepare = page.get_by_role("button", name="Prepare print files").filter(visible=True)
        if not prepare.count() or prepare.first.is_disabled():
            return
        before = prepare.count()
        prepare.first.click()
        expect(page.get_by_role("button", name="Prepare print files").filter(visible=True)).to_have_count(
            before - 1, timeout=2 * TIMEOUT_MS
        )
        page.wait_for_selector(APP_IDLE, state="attached")


@pytest.mark.parametrize("app_page", PAGES, ids=lambda p: p.name)
def test_every_download_button_delivers_a_file_that_opens(page, fixture_server, app_page, tmp_path):
    open_page(page, app_page.url(fixture_server.url))
    tabs = page.get_by_role("tab")
    panels = max(tabs.count(), 1)
    done: dict[str, str] = {}
    for i in range(panels):
        if tabs.count():
            open_tab(page, tabs.nth(i))
        open_expanders(page)
        prepare_print_files(page)
        buttons = page.locator("[data-testid='stDownloadButton'] button").filter(visible=True)
        for n in range(buttons.count()):
            button = buttons.nth(n)
            if button.is_disabled():
                continue
            path = download(page, button, tmp_path)
            assert SAFE_NAME.match(path.name), f"file name {path.name!r}"
            done[path.name] = check_opens(path)
            page.wait_for_selector(APP_IDLE, state="attached")
    assert done, f"no download buttons on {app_page.title}"
    assert len(done) >= 2 * panels, f"not every tab's table offered its CSV and Excel: {sorted(done)}"
    kinds = {Path(name).suffix for name in done}
    assert {".csv", ".xlsx"} <= kinds, done
    if page.locator("[data-testid='stPlotlyChart']").count():  # Chromium is here, so print files are offered
        assert {".png", ".svg", ".pdf"} <= kinds, done


def test_the_committee_pack_downloads_and_opens(page, fixture_server, tmp_path):
    pack = next((p for p in app_pages() if p.name == "pack"), None)
    if pack is None:
        pytest.skip("no committee pack page in app.py")
    open_page(page, pack.url(fixture_server.url))
    page.get_by_role("button", name="Build the pack").click()
    button = page.get_by_role("button", name=re.compile(r"Download the committee pack"))
    expect(button).to_be_visible(timeout=2 * TIMEOUT_MS)
    check_opens(download(page, button, tmp_path))
