"""Every page in Chromium on the shipped records: it loads without a Streamlit error, is saved as a full-page
screenshot (artifacts/e2e/screenshots/), and each chart carries its words and its table."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from testing.browser import ERROR_ELEMENTS, app_pages, full_page_screenshot, open_expanders, open_page
from testing.paths import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.server]

PAGES = app_pages()


def test_the_router_lists_every_page(page, shipped_server):
    open_page(page, shipped_server.url)
    links = page.locator("[data-testid='stSidebarNav'] [data-testid='stSidebarNavLink']")
    expect(links).to_have_count(len(PAGES))
    for link, app_page in zip(links.all(), PAGES, strict=True):
        expect(link).to_contain_text(app_page.title)


@pytest.mark.parametrize("app_page", PAGES, ids=lambda p: p.name)
def test_every_page_loads_without_an_error(page, shipped_server, app_page):
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    open_page(page, app_page.url(shipped_server.url))
    expect(page.locator("h1").first).to_be_visible()
    expect(page.locator(ERROR_ELEMENTS)).to_have_count(0)
    expect(page).to_have_title(re.compile(r"Ofsted"))
    assert page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").count() >= 1, "filters are drawn"
    full_page_screenshot(page, ARTIFACTS / "screenshots" / f"{app_page.name}.png")
    assert not problems, f"JavaScript errors on {app_page.title}: {problems}"
    assert "Traceback" not in shipped_server.log(), "the server logged an exception"


@pytest.mark.parametrize(
    "app_page", [p for p in PAGES if p.name in {"timeline", "themes", "recommendations"}], ids=lambda p: p.name
)
def test_each_chart_has_a_title_a_summary_and_a_table(page, shipped_server, app_page):
    """The text alternative sits next to every chart: a heading that states the message, the sentence
    'In words: …' and the table of the numbers; the chart itself has the summary as its accessible name."""
    open_page(page, app_page.url(shipped_server.url))
    charts = page.locator("[data-testid='stPlotlyChart']")
    count = charts.count()
    assert count >= 1
    open_expanders(page)
    for i in range(count):
        chart = charts.nth(i)
        block = chart.locator("xpath=ancestor::div[contains(@class,'stElementContainer')][1]")
        heading = block.locator("xpath=preceding::h3[1]")
        expect(heading).not_to_be_empty()
        summary = block.locator("xpath=following::p[starts-with(normalize-space(.), 'In words:')][1]")
        expect(summary).to_be_visible()
        sentence = summary.inner_text().removeprefix("In words:").strip()
        # A screen reader meets the chart as a figure named by the same sentence.
        expect(chart).to_have_attribute("role", "figure")
        expect(chart).to_have_attribute("aria-label", sentence)
        grid = block.locator("xpath=following::*[@data-testid='stDataFrame'][1]")
        expect(grid).to_be_visible()
        expect(grid.locator("[role='gridcell']").first).to_have_text(re.compile(r"\S"))
