"""A broken records file shows the error panel in the browser, never a traceback; fixing the file and
reloading brings the dashboard back (the records are re-read when their content changes)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from testing.browser import open_page
from testing.server import StreamlitServer
from tests.conftest import SMALL

pytestmark = [pytest.mark.browser, pytest.mark.server]

BROKEN = {
    "yaml-syntax": ("themes: [\n", "YAML syntax"),
    "duplicate-key": ("schema_version: 1\nchecked: 2026-01-31\nchecked: 2026-02-01\n", "duplicate key 'checked'"),
    "not-utf-8": (b"name: \xff\n", "not valid UTF-8"),
}


@pytest.fixture(scope="module")
def records_file(tmp_path_factory):
    return tmp_path_factory.mktemp("records") / "authorities.yaml"


@pytest.fixture(scope="module")
def broken_server(records_file):
    records_file.write_text("themes: [\n", encoding="utf-8")
    with StreamlitServer(records_file, name="broken") as server:
        yield server


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_file_shows_the_error_panel_not_a_traceback(page, broken_server, records_file, case):
    content, expected = BROKEN[case]
    if isinstance(content, bytes):
        records_file.write_bytes(content)
    else:
        records_file.write_text(content, encoding="utf-8")
    for address in (broken_server.url, f"{broken_server.url}/timeline?la=alpha"):
        open_page(page, address)
        expect(page.get_by_role("heading", level=1)).to_have_text("The records need attention")
        expect(page.locator("[data-testid='stAlertContentError']")).to_contain_text("cannot show the records")
        problems = page.locator("[data-testid='stDataFrame'] [role='gridcell']", has_text=expected)
        expect(problems.first).to_be_attached()
        expect(page.locator("[data-testid='stException']")).to_have_count(0)
        expect(page.locator("[data-testid='stPlotlyChart']")).to_have_count(0)
        assert "Traceback" not in page.content()
    assert "Traceback" not in broken_server.log()


def test_fixing_the_file_brings_the_dashboard_back(page, broken_server, records_file):
    records_file.write_bytes(SMALL.read_bytes())
    open_page(page, f"{broken_server.url}/timeline")
    expect(page.get_by_role("heading", level=1)).to_have_text("Judgement timeline")
    expect(page.locator("[data-testid='stPlotlyChart']")).to_have_count(1)
