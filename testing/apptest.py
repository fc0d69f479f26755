"""The one AppTest starter: the dashboard's app.py run in-process by Streamlit's AppTest, on a page, with a link's
query string. Which records file and Chromium it uses are read from the environment (OFSTED_DASHBOARD_DATA and
BROWSER_PATH), so the caller sets those first: tests through the `app` fixture (tests/conftest.py), which sets
them with monkeypatch; bench/bench_pages.py in its own process."""

from __future__ import annotations

from collections.abc import Mapping

from streamlit.testing.v1 import AppTest

from testing.paths import APP

# A Chromium that is not there: the pack page and the print buttons then run without starting a browser.
NO_CHROMIUM = "/nonexistent/chromium"


def start_app(page: str | None = None, params: Mapping[str, object] | None = None, *, timeout: float = 60) -> AppTest:
    """app.py run once with the query parameters given (as if arriving by that link), then switched to page."""
    at = AppTest.from_file(str(APP), default_timeout=timeout)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page).run()
    return at
