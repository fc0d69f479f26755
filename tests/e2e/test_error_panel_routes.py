"""In the browser, while the records are broken and after they are fixed: a visitor arriving by any page's
address sees the error panel with no "Page not found" dialog, and a tab left open on the panel shows the page
it asked for once the records are fixed, not the overview."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from testing.browser import open_page
from testing.server import StreamlitServer
from tests.conftest import SMALL

pytestmark = [pytest.mark.browser, pytest.mark.server]


@pytest.fixture
def records_file(tmp_path):
    path = tmp_path / "records.yaml"
    path.write_text("themes: [\n", encoding="utf-8")
    return path


def test_a_visitor_arriving_at_any_page_sees_the_panel_and_no_page_not_found(page, records_file):
    with StreamlitServer(records_file, name="broken-routes") as server:
        for address in (f"{server.url}/timeline", f"{server.url}/themes?la=alpha", server.url):
            open_page(page, address)
            expect(page.get_by_role("heading", level=1)).to_have_text("The records need attention")
            page.wait_for_timeout(500)
            assert page.get_by_text("Page not found").count() == 0, address


def test_a_tab_open_on_the_panel_shows_its_page_once_the_records_are_fixed(page, records_file):
    with StreamlitServer(records_file, name="broken-then-fixed") as server:
        open_page(page, f"{server.url}/timeline")
        expect(page.get_by_role("heading", level=1)).to_have_text("The records need attention")
        records_file.write_bytes(SMALL.read_bytes())
        page.reload()
        expect(page.get_by_role("heading", level=1)).to_have_text("Judgement timeline")
        assert page.get_by_text("Page not found").count() == 0
