"""In the browser: a link whose values hold a web address, a www. name or an e-mail address shows a notice
with no link in it, quoting the value as text."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from testing.browser import open_page

pytestmark = [pytest.mark.browser, pytest.mark.server]


@pytest.mark.parametrize(
    "query",
    [
        "la=Log%20in%3A%20https%3A%2F%2Fevil.example%2Fsso",
        "la=Log%20in%20at%20www.evil.example",
        "theme=write%20to%20help%40evil.example",
    ],
    ids=["web-address", "www-name", "e-mail"],
)
def test_the_notice_quotes_the_value_and_links_nowhere(page, fixture_server, query):
    open_page(page, f"{fixture_server.url}/?{query}")
    notice = page.locator("[data-testid='stAlertContentInfo']").filter(has_text="Ignored unknown").first
    expect(notice).to_be_visible()
    assert "evil.example" in notice.inner_text()
    assert notice.locator("a").count() == 0, notice.inner_html()
