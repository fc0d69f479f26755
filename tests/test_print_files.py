"""Print files in the page (AppTest, with a stand-in browser): one click prepares a chart's PNG, SVG and PDF and
offers them as ordinary downloads that stay while the chart is shown; a click that fails says what failed and
what to do, and the next run greys the buttons out while the browser cannot start."""

from __future__ import annotations

import asyncio
import sys

import pytest
from streamlit.testing.v1 import AppTest

from components import renderer as rendering
from components.print_files import PREPARE_LABEL
from tests.conftest import SMALL


class Browser:
    async def calc_fig(self, figure, opts):
        await asyncio.sleep(0.01)
        return f"{opts['format']} of {figure.layout.title.text[:40]}".encode()

    async def close(self):
        pass


class HungBrowser(Browser):
    async def calc_fig(self, figure, opts):
        await asyncio.sleep(3600)


def stand_in(opener, **kwargs) -> rendering.FigureRenderer:
    return rendering.FigureRenderer(find=lambda: sys.executable, opener=opener, idle_seconds=None, **kwargs)


async def working(tabs, timeout):
    return Browser()


async def hung(tabs, timeout):
    return HungBrowser()


async def broken(tabs, timeout):
    raise RuntimeError("/usr/lib/chromium/chromium: cannot open shared object file")


@pytest.fixture
def timeline(monkeypatch, app):
    def open_with(renderer: rendering.FigureRenderer) -> AppTest:
        monkeypatch.setenv("BROWSER_PATH", sys.executable)  # a file that exists: Chromium counts as installed
        monkeypatch.setattr(rendering, "_RENDERER", renderer)
        monkeypatch.setattr(rendering, "_FOUND", {})
        at = app(SMALL, "pages/timeline.py")
        assert not at.exception, at.exception
        return at

    yield open_with
    if rendering._RENDERER is not None:
        rendering._RENDERER.close()


def prepare(at: AppTest):
    return at.button(key="print_timeline")


def print_buttons(at: AppTest) -> dict[str, object]:
    return {
        b.label: b for b in at.get("download_button") if b.label in {"Download PNG", "Download SVG", "Download PDF"}
    }


def test_one_click_prepares_the_three_print_files(timeline):
    at = timeline(stand_in(working))
    assert prepare(at).label == PREPARE_LABEL and not print_buttons(at)
    prepare(at).click().run()
    assert not at.exception and not at.error
    buttons = print_buttons(at)
    assert set(buttons) == {"Download PNG", "Download SVG", "Download PDF"}
    assert not any(b.proto.disabled for b in buttons.values())
    files = at.session_state["print_files"]["timeline"].files
    assert {fmt: data.split(b" ")[0] for fmt, data in files.items()} == {"png": b"png", "svg": b"svg", "pdf": b"pdf"}
    assert all(b.proto.url for b in buttons.values()), "offered as files made in the page's run, not on click"


def test_prepared_files_stay_while_the_chart_does_and_go_with_the_view(timeline):
    at = timeline(stand_in(working))
    prepare(at).click().run()
    urls = {label: b.proto.url for label, b in print_buttons(at).items()}
    at.toggle(key="show_subjudgements").set_value(True).run()  # another run of the same view
    assert {label: b.proto.url for label, b in print_buttons(at).items()} == urls
    at.multiselect(key="f_authorities").set_value(["alpha"]).run()  # a new view: a new chart, new files
    assert not print_buttons(at) and prepare(at).label == PREPARE_LABEL


def test_a_chromium_that_will_not_start_says_so_and_greys_the_buttons_out(timeline):
    at = timeline(stand_in(broken))
    prepare(at).click().run()
    assert not at.exception
    (error,) = [e.value for e in at.error]
    assert "would not start" in error and "/" not in error
    at.run()
    buttons = print_buttons(at)
    assert buttons and all(b.proto.disabled for b in buttons.values())
    assert "would not start" in next(iter(buttons.values())).proto.help
    assert any("Print downloads are unavailable" in c.value for c in at.caption)


def test_a_hung_chromium_is_reported_within_the_limit(timeline):
    at = timeline(stand_in(hung, timeout=1.0))
    prepare(at).click().run(timeout=15)
    assert not at.exception
    (error,) = [e.value for e in at.error]
    assert "took longer than" in error and "try again" in error
    assert prepare(at).label == PREPARE_LABEL, "and the visitor can try again"


def test_a_shared_chart_is_laid_out_for_print_once_per_wording():
    """Every visitor preparing the same chart's print files gets the one print layout, made once."""
    import plotly.graph_objects as go

    from components.print_files import _print_ready
    from components.shared_figures import share

    chart = share(go.Figure(go.Bar(x=["a"], y=[1])))
    first = _print_ready(chart, "Title", "Subtitle", "Source")
    assert _print_ready(chart, "Title", "Subtitle", "Source") is first
    assert _print_ready(chart, "Another title", "Subtitle", "Source") is not first
    assert first.layout.title.text is not None and first is not chart
