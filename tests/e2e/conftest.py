"""Fixtures for the browser tests: one Streamlit server per records file and one Chromium for the whole
package (both stopped when the package is done), and a fresh browser context per test.

Browser tests are marked `@pytest.mark.browser`. Without /usr/bin/chromium or Playwright they are skipped
with the reason; under CI (CI=true) that is a failure instead, because CI installs both.
"""

from __future__ import annotations

import contextlib
import os
import re

import pytest

from testing.browser import TIMEOUT_MS, browser_problem, launch, new_context
from testing.paths import ARTIFACTS
from testing.server import StreamlitServer
from tests.conftest import SHIPPED, SMALL


def pytest_collection_modifyitems(config, items):
    problem = browser_problem()
    if not problem or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(reason=f"browser test skipped: {problem}")
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


@pytest.fixture(scope="package")
def playwright_driver():
    problem = browser_problem()
    if problem:
        pytest.fail(f"CI must run the browser tests, but {problem}")  # only reached under CI; else skipped
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=TIMEOUT_MS // 2)
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="package")
def browser(playwright_driver):
    chromium = launch(playwright_driver)
    yield chromium
    chromium.close()


@pytest.fixture(scope="package")
def shipped_server():
    """The dashboard on the shipped records, as councillors see it."""
    with StreamlitServer(SHIPPED, name="shipped") as server:
        yield server


@pytest.fixture(scope="package")
def fixture_server():
    """The dashboard on tests/fixtures/small.yaml, whose answers are known."""
    with StreamlitServer(SMALL, name="fixture") as server:
        yield server


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if call.when == "call":
        item.stash.setdefault(_OUTCOME, {})["failed"] = report.failed
    return report


_OUTCOME = pytest.StashKey[dict]()


@pytest.fixture(scope="package")
def browser_context(browser):
    """One context for the package, so Streamlit's scripts are fetched and compiled once (its HTTP cache);
    each test's new tab still opens its own Streamlit session."""
    context = new_context(browser)
    yield context
    context.close()


@pytest.fixture
def page(browser_context, request):
    """A new tab; on failure, a screenshot goes to artifacts/e2e/failures/."""
    tab = browser_context.new_page()
    yield tab
    if request.node.stash.get(_OUTCOME, {}).get("failed"):
        name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)[:120]
        path = ARTIFACTS / "failures" / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(Exception):  # the page may be gone; the failure itself is what matters
            tab.screenshot(path=str(path), full_page=True)
    tab.close()
