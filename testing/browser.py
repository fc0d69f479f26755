"""Driving the dashboard in a real browser: Debian's Chromium through Playwright, the router's pages, and the
waits and screenshots every browser test needs (the server itself is testing/server.py).

Shared by the browser tests (tests/e2e/), scripts/screenshots.py and bench/bench_pages.py. Playwright's
own browser download does not work here, so Chromium is the one apt installs at /usr/bin/chromium.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from testing.paths import APP

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
VIEWPORT = {"width": 1366, "height": 900}
# Generous: a 2-core CI machine running a server, a browser and pytest at once can be slow.
TIMEOUT_MS = 60_000
# Streamlit marks the app root with the state of the script run and of the websocket.
APP_IDLE = "[data-testid='stApp'][data-test-script-state='notRunning'][data-test-connection-state='CONNECTED']"
_NO_SKELETONS = "() => !document.querySelector(\"[data-testid='stSkeleton']\")"
ERROR_ELEMENTS = "[data-testid='stException'], [data-testid='stAlertContentError']"


def browser_problem() -> str | None:
    """Why browser tests cannot run here, or None."""
    if not CHROMIUM.exists():
        return (
            f"{CHROMIUM} is missing: run `bash scripts/ensure-chromium.sh` (as root) or `sudo apt-get install chromium`"
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed: run `make test` (it installs requirements-dev.txt)"
    return None


@dataclass(frozen=True)
class AppPage:
    """One page of the router, read from app.py so a new page is covered without editing the tests."""

    script: str  # pages/timeline.py
    title: str  # Judgement timeline
    url_path: str  # "timeline"; "" for the default page

    @property
    def name(self) -> str:
        return Path(self.script).stem

    def url(self, base: str, query: str = "") -> str:
        return f"{base}/{self.url_path}" + (f"?{query.lstrip('?')}" if query else "")


def app_pages(app: Path = APP) -> list[AppPage]:
    """Every page in the router's PAGES table, (script, title, icon, address), in menu order; the first is the
    default page at the site's root. Refuses to return none, so a test looping over pages cannot pass empty."""
    for node in ast.walk(ast.parse(app.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "PAGES" for t in node.targets):
            table = ast.literal_eval(node.value)
            pages = [AppPage(script, title, address) for script, title, _icon, address in table]
            if pages and all(p.script.startswith("pages/") for p in pages):
                return pages
    raise AssertionError(f"no PAGES table of (script, title, icon, address) found in {app}")


def launch(playwright):
    """Debian's Chromium, headless."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)


PHONE_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36"
)


def phone_options(width: int | None, phone: bool) -> dict:
    """Browser context settings for a window width and, optionally, a phone's user agent and touch screen."""
    options: dict = {}
    if width:
        options["viewport"] = {"width": width, "height": 844 if width < 600 else 900}
    if phone:
        options |= {"user_agent": PHONE_AGENT, "is_mobile": True, "has_touch": True}
    return options


def new_context(browser, **kwargs):
    kwargs.setdefault("viewport", VIEWPORT)
    context = browser.new_context(accept_downloads=True, reduced_motion="reduce", **kwargs)
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    return context


def wait_for_app(page, timeout: float = TIMEOUT_MS) -> None:
    """Until the script run has finished, the lazily loaded elements (charts, tables) have replaced their
    loading skeletons, and every chart on the page has drawn."""
    page.locator("h1").first.wait_for(timeout=timeout)
    page.wait_for_selector(APP_IDLE, state="attached", timeout=timeout)
    page.wait_for_function(_NO_SKELETONS, timeout=timeout)
    page.wait_for_selector(APP_IDLE, state="attached", timeout=timeout)
    for chart in page.locator("[data-testid='stPlotlyChart']").all():
        chart.locator(".main-svg").first.wait_for(state="attached", timeout=timeout)


def open_page(page, url: str) -> None:
    page.goto(url, wait_until="domcontentloaded")
    wait_for_app(page)


def open_tab(page, tab) -> None:
    """Choose a tab and wait for what it holds: a tab that shows only when chosen (the Sources page's tables)
    reruns the page to draw it."""
    from playwright.sync_api import expect  # here: this module is imported where Playwright may be missing

    tab.click()
    expect(tab).to_have_attribute("aria-selected", "true", timeout=TIMEOUT_MS)
    panel = page.locator("[role='tabpanel']").filter(visible=True)
    expect(panel.locator("[data-testid='stDownloadButton']").first).to_be_visible(timeout=TIMEOUT_MS)
    page.wait_for_selector(APP_IDLE, state="attached")


def open_expanders(page) -> None:
    """Open every collapsed expander (the tables behind the charts), so what they hold is on the page. A folded
    table (components.blocks.folded) is drawn by the page run its opening starts, so each is waited for."""
    closed = page.locator("[data-testid='stExpander'] details:not([open]) > summary").filter(visible=True)
    for _ in range(50):
        if not closed.count():
            break
        closed.first.click()
        page.wait_for_timeout(150)  # for the run the click starts to begin
        page.wait_for_selector(APP_IDLE, state="attached")
    page.wait_for_selector(APP_IDLE, state="attached")


def full_page_screenshot(page, path: Path) -> Path:
    """A PNG of the whole page. Streamlit scrolls its main area, not the document, so the window is made
    as tall as the content first (and put back after)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    original = page.viewport_size or VIEWPORT
    height = original["height"]
    for _ in range(5):  # the page can reflow once it is taller; stop when its height settles
        wanted = page.evaluate(
            """() => Math.max(
                ...['stMain', 'stSidebarContent'].map(id => document.querySelector(`[data-testid='${id}']`))
                    .filter(Boolean).map(e => e.scrollHeight))"""
        )
        wanted = min(max(int(wanted), original["height"]), 16_000)
        if wanted == height:
            break
        height = wanted
        page.set_viewport_size({"width": original["width"], "height": height})
        page.wait_for_timeout(300)  # let plotly and the data grids redraw at the new size
        page.wait_for_selector(APP_IDLE, state="attached")
    page.screenshot(path=str(path), full_page=True, animations="disabled", caret="initial")
    page.set_viewport_size(original)
    return path
