"""Every page at a phone's width (390 px, with a phone's user agent, so charts take their phone layout), a tablet's
(768), a laptop's (1280) and a large screen's (1920): no error, nothing wider than the window but the tables and
charts that scroll inside themselves, and a full-page screenshot in artifacts/e2e/widths/ to look at."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from testing.browser import ERROR_ELEMENTS, app_pages, full_page_screenshot, new_context, open_page, phone_options
from testing.paths import ALL_TWELVE, ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.server]

WIDTHS = [(390, True), (768, False), (1280, False), (1920, False)]


@pytest.mark.parametrize(("width", "phone"), WIDTHS, ids=[f"{w}px" for w, _ in WIDTHS])
def test_every_page_fits_the_window(browser, shipped_server, width, phone):
    context = new_context(browser, **phone_options(width, phone))
    try:
        for app_page in app_pages():
            tab = context.new_page()
            open_page(tab, app_page.url(shipped_server.url, "la=" + ",".join(ALL_TWELVE)))
            expect(tab.locator(ERROR_ELEMENTS)).to_have_count(0)
            overflow = tab.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 1, f"{app_page.name} at {width} px is {overflow} px wider than the window"
            full_page_screenshot(tab, ARTIFACTS / "widths" / f"{app_page.name}-{width}.png")
            tab.close()
    finally:
        context.close()


def test_on_a_phone_charts_drop_the_labels_that_would_collide(browser, shipped_server):
    context = new_context(browser, **phone_options(390, True))
    try:
        tab = context.new_page()
        open_page(tab, shipped_server.url + "/timeline")
        modes = tab.evaluate(
            "() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(p => p.data.map(t => t.mode || ''))"
        )
        assert modes and "markers+text" not in modes
    finally:
        context.close()
