"""components.kaleido_workarounds: kaleido's tabs keep their page between figures, are reloaded every
RELOAD_EVERY figures, and the check fails loudly on a kaleido without the internals the workaround replaces."""

from __future__ import annotations

import asyncio
import io

import kaleido
import plotly.graph_objects as go
import pytest
from pypdf import PdfReader

from components import kaleido_workarounds
from components.chromium import find_chromium
from components.render_jobs import RenderCache, RenderJob
from components.renderer import FigureRenderer

needs_chromium = pytest.mark.skipif(find_chromium() is None, reason="needs Chromium: sudo apt-get install chromium")


def figure(title: str, height: int = 300) -> go.Figure:
    return go.Figure(go.Bar(x=["a", "b"], y=[1, 2]), layout={"title": {"text": title}, "height": height})


def test_this_kaleido_still_hands_tabs_back_through_the_method_replaced():
    kaleido_workarounds.check()


def test_a_kaleido_without_that_method_is_refused_by_name(monkeypatch):
    monkeypatch.delattr(kaleido.Kaleido, "_return_kaleido_tab")
    with pytest.raises(kaleido_workarounds.KaleidoWorkaroundBroken, match="_return_kaleido_tab is gone"):
        kaleido_workarounds.check()


def test_a_kaleido_whose_method_takes_other_arguments_is_refused(monkeypatch):
    async def returner(self, tab, reload=True):
        pass

    monkeypatch.setattr(kaleido.Kaleido, "_return_kaleido_tab", returner)
    with pytest.raises(kaleido_workarounds.KaleidoWorkaroundBroken, match="other arguments"):
        kaleido_workarounds.check()


@pytest.fixture
def one_tab():
    renderer = FigureRenderer(tabs=1, idle_seconds=None, cache=RenderCache(max_bytes=0))
    renderer.start()
    yield renderer
    renderer.close()


def _on_every_tab(renderer: FigureRenderer, expression: str) -> list:
    """What a JavaScript expression gives on each of the browser's tabs (peeked at only to test the workaround)."""
    browser = renderer._browser

    async def evaluate() -> list:
        answers = []
        for tab in list(browser.kaleido.tabs.values()):
            response = await tab.send_command("Runtime.evaluate", params={"expression": expression})
            answers.append(response["result"]["result"].get("value"))
        return answers

    return asyncio.run_coroutine_threadsafe(evaluate(), browser.loop).result(timeout=30)


@pytest.mark.browser
@needs_chromium
def test_the_page_is_kept_between_figures_and_reloaded_every_so_often(one_tab, monkeypatch):
    monkeypatch.setattr(kaleido_workarounds, "RELOAD_EVERY", 3)
    one_tab.render(RenderJob(figure("first"), "svg"))  # the tab has drawn 1
    _on_every_tab(one_tab, "window.keptMark = 'here'")
    one_tab.render(RenderJob(figure("second"), "svg"))  # 2
    assert _on_every_tab(one_tab, "typeof window.keptMark") == ["string"], "the page was reloaded"
    one_tab.render(RenderJob(figure("third"), "svg"))  # 3: reloaded after this one
    assert _on_every_tab(one_tab, "typeof window.keptMark") == ["undefined"], "the page was never reloaded"
    assert one_tab.render(RenderJob(figure("after the reload"), "svg")).lstrip().startswith(b"<svg")


@pytest.mark.browser
@needs_chromium
def test_a_kept_page_draws_each_pdf_at_its_own_size_whatever_it_drew_before(one_tab):
    def page_height(pdf: bytes) -> float:
        return float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.height)

    short = one_tab.render(RenderJob(figure("short", 300), "pdf"))
    assert one_tab.render(RenderJob(figure("between", 500), "png")).startswith(b"\x89PNG")
    tall = one_tab.render(RenderJob(figure("tall", 600), "pdf"))
    again = one_tab.render(RenderJob(figure("short", 300), "pdf"))
    assert page_height(tall) == pytest.approx(2 * page_height(short), rel=0.02)
    assert page_height(again) == pytest.approx(page_height(short), rel=0.001)
