"""What a councillor does in the browser, on the fixture records (authorities Alpha and Beta, whose answers
are known): filter by authority and theme, share a link, choose a theme-matrix cell, use only the keyboard."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from testing.browser import APP_IDLE, ERROR_ELEMENTS, open_expanders, open_page

pytestmark = [pytest.mark.browser, pytest.mark.server]


def chart(page, index: int = 0):
    return page.locator("[data-testid='stPlotlyChart']").nth(index)


def ticks(page, axis: str, index: int = 0):
    """The category labels on a chart's axis, as drawn."""
    return chart(page, index).locator(f".{axis}axislayer-above .{axis}tick text")


def expect_labels(locator, expected: set[str], timeout: float = 30) -> None:
    """Until the drawn labels are exactly `expected`, in any order (plotly may draw them bottom-up)."""
    deadline = time.monotonic() + timeout
    while True:
        found = {t.strip() for t in locator.all_text_contents()}
        if found == expected:
            return
        assert time.monotonic() < deadline, f"labels drawn: {sorted(found)}; expected {sorted(expected)}"
        time.sleep(0.1)


def expect_cell(page, text: str, *, count: int | None = None, index: int = 0) -> None:
    """A table has (count=None: at least one) cells reading exactly `text`; retried until it does."""
    grid = page.locator("[data-testid='stDataFrame']").nth(index)
    cells = grid.locator("[role='gridcell']", has_text=re.compile(rf"^\s*{re.escape(text)}\s*$"))
    if count is None:
        expect(cells.first).to_be_attached()
    else:
        expect(cells).to_have_count(count)


def authority_tags(page) -> list[str]:
    tags = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").first
    return [t.strip() for t in tags.locator("[data-tag] span[title]").all_inner_texts()]


def focused(page) -> str:
    """The accessible name of the focused element: its aria-label, else its text (an icon's name is dropped)."""
    return page.evaluate(
        "() => { const e = document.activeElement; if (!e) return '';"
        " return e.getAttribute('aria-label') || (e.innerText || '').trim().split('\\n').pop(); }"
    )


def idle(page) -> None:
    page.wait_for_selector(APP_IDLE, state="attached")


def test_choosing_an_authority_changes_the_chart_and_the_table(page, fixture_server):
    open_page(page, f"{fixture_server.url}/timeline")
    open_expanders(page)
    expect(ticks(page, "y")).to_have_text(["Alpha", "Beta"])
    expect_cell(page, "Alpha")
    expect_cell(page, "Beta")

    page.get_by_role("button", name="Remove Beta").click()

    expect(ticks(page, "y")).to_have_text(["Alpha"])
    expect(page.get_by_role("heading", level=3).first).to_have_text("Latest overall grades: Alpha good")
    expect(page).to_have_url(re.compile(r"[?&]la=alpha(&|$)"))
    expect_cell(page, "Beta", count=0)
    expect_cell(page, "Alpha")
    expect(page.locator(ERROR_ELEMENTS)).to_have_count(0)


def test_choosing_a_theme_changes_the_matrix_and_the_table(page, fixture_server):
    open_page(page, f"{fixture_server.url}/themes")
    open_expanders(page)
    expect_labels(ticks(page, "y"), {"Supervision", "Plans and planning", "Early help"})
    expect_cell(page, "Supervision")

    page.get_by_role("combobox", name="Themes").click()
    page.get_by_role("option", name="Plans and planning").click()
    page.keyboard.press("Escape")

    expect(ticks(page, "y")).to_have_text(["Plans and planning"])
    expect(page).to_have_url(re.compile(r"[?&]theme=plans(&|$)"))
    expect_cell(page, "Supervision", count=0)
    expect_cell(page, "Early help", count=0)
    expect_cell(page, "Plans and planning", count=2)  # one row per authority


def test_a_copied_link_opens_the_same_view(page, fixture_server, browser):
    open_page(page, f"{fixture_server.url}/recommendations")
    page.get_by_role("button", name="Remove Alpha").click()
    expect(page).to_have_url(re.compile(r"la=beta"))
    page.get_by_role("combobox", name="Themes").click()
    page.get_by_role("option", name="Plans and planning").click()
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile(r"theme=plans"))
    idle(page)
    link = page.url
    title = page.get_by_role("heading", level=3).first.inner_text()
    bars = ticks(page, "y").all_text_contents()

    # Someone else opens the copied address: a new browser context shares no cookies or session.
    other = browser.new_context(viewport=page.viewport_size)
    try:
        shared = other.new_page()
        open_page(shared, link)
        assert authority_tags(shared) == ["Beta"]
        themes = shared.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").nth(2)
        expect(themes.locator("[data-tag] span[title]")).to_have_text(["Plans and planning"])
        expect(shared.get_by_role("heading", level=3).first).to_have_text(title)
        expect(ticks(shared, "y")).to_have_text(bars)
        expect(shared.locator("[data-testid='stAlertContentInfo']")).to_have_count(0)  # no "ignored" notices
        expect(shared).to_have_url(link)
    finally:
        other.close()


def test_choosing_a_theme_matrix_cell_lists_its_findings(page, fixture_server):
    open_page(page, f"{fixture_server.url}/themes")
    matrix = chart(page).locator(".js-plotly-plot")
    point = matrix.evaluate(
        """(gd) => {
            const layout = gd._fullLayout, box = gd.getBoundingClientRect();
            return {x: box.left + layout._size.l + layout.xaxis.d2p('Beta'),
                    y: box.top + layout._size.t + layout.yaxis.d2p('Plans and planning')};
        }"""
    )
    page.mouse.click(point["x"], point["y"])

    expect(page.get_by_role("combobox", name="Authority", exact=True)).to_have_value("Beta")
    expect(page.get_by_role("combobox", name="Theme", exact=True)).to_have_value("Plans and planning")
    expect(page.get_by_text("2 findings from 1 inspections or visits, oldest first.")).to_be_visible()
    last = page.locator("[data-testid='stDataFrame']").count() - 1
    expect_cell(page, "Plans are generic.", count=1, index=last)
    expect_cell(page, "Sharpen plans.", count=1, index=last)


def test_the_sidebar_works_with_the_keyboard_alone(page, fixture_server):
    open_page(page, f"{fixture_server.url}/timeline")
    expect(ticks(page, "y")).to_have_text(["Alpha", "Beta"])

    reached = []
    for _ in range(30):
        page.keyboard.press("Tab")
        reached.append(focused(page))
        if reached[-1] == "Authorities":
            break
    assert reached[-1] == "Authorities", f"Tab never reached the authority filter: {reached}"
    assert {"Overview", "Judgement timeline", "Recurring themes"} <= set(reached), f"the page links: {reached}"

    # Backspace removes the last authority chosen; the page follows.
    page.keyboard.press("Backspace")
    expect(ticks(page, "y")).to_have_text(["Alpha"])
    expect(page).to_have_url(re.compile(r"[?&]la=alpha(&|$)"))
    # Typing a name and pressing Enter adds it back.
    page.keyboard.type("Bet")
    page.keyboard.press("Enter")
    expect(ticks(page, "y")).to_have_text(["Alpha", "Beta"])
    expect(page).not_to_have_url(re.compile(r"la="))
    page.keyboard.press("Escape")
    idle(page)

    # On through the rest of the sidebar: both ends of the year slider, then the kind and theme filters.
    after = []
    for _ in range(8):
        page.keyboard.press("Tab")
        after.append(focused(page))
        if after[-1] == "Years (date published) — start":
            page.keyboard.press("ArrowRight")  # one year later
            expect(page).to_have_url(re.compile(r"[?&]from=2019(&|$)"))
            idle(page)
        if after[-1] == "Themes":
            break
    expected = ["Years (date published) — start", "Years (date published) — end", "Kinds of inspection and visit"]
    positions = [after.index(name) if name in after else -1 for name in [*expected, "Themes"]]
    assert -1 not in positions and positions == sorted(positions), f"focus order in the sidebar: {after}"
    # 2018 is now outside the years shown, so Alpha's 2018 inspection has left the chart.
    expect(chart(page).locator(".textpoint text", has_text=re.compile("RI"))).to_have_count(0)


def test_the_page_controls_work_with_the_keyboard_alone(page, fixture_server):
    """Past the sidebar: the chart's downloads, its table and the sub-judgements switch are reached by Tab, and
    Space on the switch draws the second chart."""
    open_page(page, f"{fixture_server.url}/timeline")
    expect(page.locator("[data-testid='stPlotlyChart']")).to_have_count(1)

    switch = page.get_by_label("Show every judgement area (sub-judgements)")
    reached = []
    for _ in range(80):
        page.keyboard.press("Tab")
        reached.append(focused(page))
        if switch.evaluate("e => e === document.activeElement"):
            break
    for control in ["Prepare print files", "Download CSV", "Download Excel"]:  # prints: tests/test_print_files.py
        assert control in reached, f"Tab never reached {control!r}: {reached}"
    assert reached[-1] == "Show every judgement area (sub-judgements)", f"Tab never reached the switch: {reached}"

    page.keyboard.press("Space")
    expect(page.locator("[data-testid='stPlotlyChart']")).to_have_count(2)
    idle(page)


def test_browser_back_and_forward_undo_and_redo_a_filter_change(page, fixture_server):
    open_page(page, f"{fixture_server.url}/timeline")
    expect(ticks(page, "y")).to_have_text(["Alpha", "Beta"])
    page.get_by_role("button", name="Remove Beta").click()
    expect(ticks(page, "y")).to_have_text(["Alpha"])
    expect(page).to_have_url(re.compile(r"[?&]la=alpha(&|$)"))

    page.go_back()
    expect(ticks(page, "y")).to_have_text(["Alpha", "Beta"])
    expect(page).not_to_have_url(re.compile(r"la="))
    assert authority_tags(page) == ["Alpha", "Beta"]

    page.go_forward()
    expect(ticks(page, "y")).to_have_text(["Alpha"])
    assert authority_tags(page) == ["Alpha"]
    # A page switch keeps the choice (the new page's first run has no address to follow).
    page.get_by_role("link", name="Recurring themes").click()
    expect(page).to_have_url(re.compile(r"/themes\?la=alpha"))
    idle(page)
    assert authority_tags(page) == ["Alpha"]
