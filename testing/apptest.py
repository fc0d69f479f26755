"""The one AppTest starter: the dashboard's app.py run in-process by Streamlit's AppTest, on a page, with a link's
query string. Which records file and Chromium it uses are read from the environment (OFSTED_DASHBOARD_DATA and
BROWSER_PATH), so the caller sets those first: tests through the `app` fixture (tests/conftest.py), which sets
them with monkeypatch; bench/bench_pages.py in its own process."""

from __future__ import annotations

from collections.abc import Mapping

from streamlit.testing.v1 import AppTest

from components.blocks import FOLDED_PREFIX
from testing.paths import APP

# A Chromium that is not there: the pack page and the print buttons then run without starting a browser.
NO_CHROMIUM = "/nonexistent/chromium"


def start_app(
    page: str | None = None,
    params: Mapping[str, object] | None = None,
    *,
    timeout: float = 60,
    tables_open: bool = True,
) -> AppTest:
    """app.py run once with the query parameters given (as if arriving by that link), then switched to page; with
    tables_open, every folded table on it opened too (as a reader clicking each), so a test reads every table."""
    at = AppTest.from_file(str(APP), default_timeout=timeout)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page).run()
    return open_folded(at) if tables_open else at


def folded_keys(at: AppTest) -> list[str]:
    """The session state keys of the page's folded expanders (components.blocks.folded)."""
    return [key for key in at.session_state.to_dict() if str(key).startswith(FOLDED_PREFIX)]


def open_folded(at: AppTest) -> AppTest:
    """at with every folded expander on its page opened, and run again if any was closed."""
    closed = [key for key in folded_keys(at) if not at.session_state[key]]
    for key in closed:
        at.session_state[key] = True
    return at.run() if closed else at
