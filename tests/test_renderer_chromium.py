"""With a real Chromium: one that stops answering (frozen with SIGSTOP, as a hung browser is) is killed when the
time limit runs out, the export says so in plain words on time, and the next export is drawn by a fresh one."""

from __future__ import annotations

import os
import signal
import time

import plotly.graph_objects as go
import pytest

from components.chromium import ExportTimedOut, find_chromium
from components.render_jobs import RenderJob
from components.renderer import FigureRenderer

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(find_chromium() is None, reason="needs Chromium: sudo apt-get install chromium"),
]
LIMIT = 10.0


def figure(title: str) -> go.Figure:
    return go.Figure(go.Bar(x=["a", "b"], y=[1, 2]), layout={"title": {"text": title}, "height": 300})


def test_a_frozen_chromium_is_killed_within_the_limit_and_replaced():
    renderer = FigureRenderer(timeout=LIMIT, idle_seconds=None)
    try:
        assert renderer.render(RenderJob(figure("warm"), "svg")).lstrip().startswith(b"<svg")
        process = renderer._browser.kaleido.subprocess  # peeked at only to freeze it, as a hang would
        os.killpg(process.pid, signal.SIGSTOP)
        started = time.monotonic()
        with pytest.raises(ExportTimedOut, match="took longer than"):
            renderer.render(RenderJob(figure("while frozen"), "svg"))
        assert time.monotonic() - started <= LIMIT + 2
        assert process.wait(timeout=10) is not None, "the frozen browser was killed"
        assert renderer.render(RenderJob(figure("after"), "svg")).lstrip().startswith(b"<svg")
        assert renderer.starts == 2 and renderer.kills == 1
    finally:
        renderer.close()
