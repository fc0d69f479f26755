"""When Chromium fails: hung, killed in the middle of several visitors' exports, or unable to start. Nobody waits
past the time limit, a hung browser is killed and replaced, everyone else is released and served by the new
one, and what a visitor is told names nothing on the server. Fake browsers stand in for kaleido; the hung one
owns a real process, so killing it is checked for real."""

from __future__ import annotations

import asyncio
import logging
import subprocess
import sys
import threading
import time

import plotly.graph_objects as go
import pytest

from components import renderer as rendering
from components.chromium import ExportFailed, ExportTimedOut
from components.render_jobs import RenderJob
from components.renderer import FigureRenderer

LIMIT = 1.5  # seconds: the renderer's time limit in these tests
SLACK = 0.75  # what a loaded two-core machine may add to it


def job(title: str, fmt: str = "png") -> RenderJob:
    return RenderJob(go.Figure(layout={"title": {"text": title}}), fmt)


class Browser:
    """A stand-in for kaleido.Kaleido. hang: never answers; crash_together: the first n calls all fail together,
    as when Chromium is killed in the middle of several exports."""

    def __init__(self, *, hang: bool = False, crash_together: int = 0, with_process: bool = False) -> None:
        self.hang, self.crash_together = hang, crash_together
        self.closed = False
        self.arrived = 0
        self.subprocess = (
            subprocess.Popen([sys.executable, "-c", "import time; time.sleep(300)"], start_new_session=True)
            if with_process
            else None
        )

    async def calc_fig(self, figure, opts):
        self.arrived += 1
        if self.hang:
            await asyncio.sleep(3600)
        if self.arrived <= self.crash_together:
            while self.arrived < self.crash_together:
                await asyncio.sleep(0.005)
            raise RuntimeError("Browser closed: /usr/lib/chromium/chromium (pid 4242) exited")
        await asyncio.sleep(0.01)
        return f"{opts['format']}:{figure.layout.title.text}".encode()

    async def close(self):
        self.closed = True


def renderer_of(*browsers: Browser, **kwargs) -> tuple[FigureRenderer, list[Browser]]:
    queue, opened = list(browsers), []

    async def open_next(tabs, timeout):
        browser = queue.pop(0) if queue else Browser()
        opened.append(browser)
        return browser

    kwargs.setdefault("timeout", LIMIT)
    return FigureRenderer(find=lambda: "/usr/bin/chromium", opener=open_next, idle_seconds=None, **kwargs), opened


def run_at_once(calls: dict[str, tuple[float, object]]) -> dict[str, tuple[object, float]]:
    """Each call after its delay, in its own thread: {name: (result or exception, seconds it waited)}."""
    out: dict[str, tuple[object, float]] = {}

    def run(name, delay, call):
        time.sleep(delay)
        started = time.monotonic()
        try:
            result = call()
        except Exception as exc:
            result = exc
        out[name] = (result, time.monotonic() - started)

    threads = [threading.Thread(target=run, args=(n, d, c), daemon=True) for n, (d, c) in calls.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(LIMIT * 4 + 10)
    return out


def test_a_hung_browser_is_killed_and_nobody_waits_past_the_limit():
    hung = Browser(hang=True, with_process=True)
    renderer, _ = renderer_of(hung)
    try:
        out = run_at_once(
            {
                "first PNG": (0.0, lambda: renderer.render(job("A"))),
                "a pack of three": (0.3, lambda: renderer.render_many([job("P1"), job("P2"), job("P3")])),
                "a later SVG": (0.9, lambda: renderer.render(job("B", "svg"))),
            }
        )
        assert set(out) == {"first PNG", "a pack of three", "a later SVG"}
        for name, (_, waited) in out.items():
            assert waited <= LIMIT + SLACK, f"{name} waited {waited:.1f} s"
        first, _ = out["first PNG"]
        assert isinstance(first, ExportTimedOut) and "took longer than" in str(first)
        for name in ("a pack of three", "a later SVG"):  # released when the hung browser was killed, then served
            result, _ = out[name]
            assert not isinstance(result, Exception) or isinstance(result, ExportFailed), (name, result)
        assert hung.subprocess.wait(timeout=5) is not None, "the hung browser's process is gone"
        assert renderer.kills == 1
        assert renderer.render(job("After")) == b"png:After", "the next export gets a fresh browser"
        assert renderer.starts >= 2
    finally:
        renderer.close()
        if hung.subprocess.poll() is None:
            hung.subprocess.kill()


def test_exports_under_way_when_chromium_is_killed_are_all_redrawn_on_one_new_browser():
    renderer, opened = renderer_of(Browser(crash_together=5), timeout=10)
    try:
        out = run_at_once({f"visitor {n}": (0.0, lambda n=n: renderer.render(job(f"Figure {n}"))) for n in range(5)})
        assert {name: result for name, (result, _) in out.items()} == {
            f"visitor {n}": f"png:Figure {n}".encode() for n in range(5)
        }
        assert renderer.starts == 2, "one restart, however many exports saw the crash"
        assert opened[0].closed
    finally:
        renderer.close()


def test_a_browser_that_will_not_start_is_reported_in_plain_words(monkeypatch, caplog):
    async def broken(tabs, timeout):
        raise RuntimeError("Chromium exited: /usr/lib/chromium/chromium: error while loading shared libraries")

    renderer = FigureRenderer(find=lambda: "/usr/bin/chromium", opener=broken, idle_seconds=None, timeout=LIMIT)
    monkeypatch.setattr(rendering, "_RENDERER", renderer)
    monkeypatch.setattr(rendering, "_FOUND", {})
    monkeypatch.setenv("BROWSER_PATH", sys.executable)  # a file that exists: only starting it fails
    assert rendering.chromium_problem() is None, "before the first try, the buttons are offered"
    with caplog.at_level(logging.WARNING), pytest.raises(ExportFailed) as failed:
        renderer.render(job("A"))
    message = str(failed.value)
    assert "would not start" in message and "camera icon" in message
    assert "/" not in message and "shared libraries" not in message, "nothing about the server"
    assert "shared libraries" in caplog.text, "the log has the details"
    assert rendering.chromium_problem() == rendering.BROKEN_HELP, "so the print buttons say so"
    renderer.retry_start_after = 0
    assert rendering.chromium_problem() is None, "and it is tried again later"


def test_a_crash_that_happens_again_is_reported_in_plain_words():
    renderer, _ = renderer_of(Browser(crash_together=1), Browser(crash_together=1), timeout=10)
    try:
        with pytest.raises(ExportFailed) as failed:
            renderer.render(job("A"))
    finally:
        renderer.close()
    assert str(failed.value) == rendering.CRASHED_HELP
    assert "/" not in str(failed.value)


def test_a_start_that_hangs_counts_against_the_limit():
    class Slow(Browser):
        async def open(self):
            await asyncio.sleep(3600)

    slow = Slow(with_process=True)
    renderer, _ = renderer_of(slow)
    started = time.monotonic()
    try:
        with pytest.raises(ExportTimedOut):
            renderer.render(job("A"))
        assert time.monotonic() - started <= LIMIT + SLACK
        assert slow.subprocess.wait(timeout=LIMIT + 10) is not None, "the browser that never opened is killed too"
    finally:
        renderer.close()
        if slow.subprocess.poll() is None:
            slow.subprocess.kill()
