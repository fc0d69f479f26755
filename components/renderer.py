"""One warm Chromium, through kaleido, that draws every print file and pack figure, and what to say when it cannot.

Plain Python, no Streamlit. The promises, each tested in tests/test_renderer_failures.py:

- No caller waits longer than `timeout` (RENDER_TIMEOUT, one minute) for its figures, counted from its request:
  starting the browser, waiting for a tab and drawing all fall within it.
- A browser that does not answer in time is killed (its whole process group) and a fresh one is started for the
  next request; everyone else waiting on the dead one is released at once and tries the fresh one.
- A browser that crashes is replaced once per request, by one restart however many requests saw it crash.
- A browser that will not start is reported (`chromium_problem`) for a minute, so the print buttons say so.
- Messages are in the visitor's words and name nothing on the server; the details go to the log.
"""

from __future__ import annotations

import asyncio
import atexit
import logging
import os
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

import plotly.graph_objects as go

from components.chromium import (
    BROKEN_HELP,
    CHROMIUM_HELP,
    CRASHED_HELP,
    RENDER_TIMEOUT,
    TIMED_OUT_HELP,
    ChromiumMissing,
    ExportFailed,
    ExportTimedOut,
    find_chromium,
)
from components.kaleido_browser import Browser, open_kaleido, shut_down
from components.render_jobs import Format, RenderCache, RenderJob

_LOGGER = logging.getLogger(__name__)
IDLE_SECONDS = 15 * 60.0  # a warm Chromium unused this long is closed, and started again on the next export
RETRY_START_AFTER = 60.0  # after a failed start, print downloads are reported broken this long before a new try


def chromium_problem() -> str | None:
    """What stops print export here, in words for the reader: no Chromium, or one that recently would not start."""
    # Every chart asks on every run, and the search walks the file system (a millisecond each), so the answer
    # is kept for a minute: a Chromium installed while the server runs is found within that.
    key = os.environ.get("BROWSER_PATH")
    now = time.monotonic()
    seen = _FOUND.get(key)
    if seen is None or now - seen[0] > 60:
        seen = _FOUND[key] = (now, find_chromium() is not None)
    if not seen[1]:
        return CHROMIUM_HELP
    return BROKEN_HELP if _RENDERER is not None and _RENDERER.start_failed_recently() else None


_FOUND: dict[str | None, tuple[float, bool]] = {}


class _Broke(Exception):
    """The browser failed or was replaced during a request."""


class FigureRenderer:
    """One Chromium, started on first use and kept warm, shared by every thread (every Streamlit session).

    kaleido is asyncio-based, so each browser lives on an event loop in a daemon thread of its own; callers hand
    it work with `asyncio.run_coroutine_threadsafe`, which gives each caller its own future, so concurrent
    sessions never receive each other's images. With `tabs` > 1 several figures draw at once.
    """

    def __init__(
        self,
        *,
        tabs: int = 2,
        timeout: float = RENDER_TIMEOUT,
        idle_seconds: float | None = IDLE_SECONDS,
        cache: RenderCache | None = None,
        find: Callable[[], str | None] = find_chromium,
        opener: Callable[[int, float], Any] = open_kaleido,
        retry_start_after: float = RETRY_START_AFTER,
    ) -> None:
        self.tabs, self.timeout, self.idle_seconds = tabs, timeout, idle_seconds
        self.retry_start_after = retry_start_after
        self.cache = cache if cache is not None else RenderCache()
        self.starts = 0  # how many browsers were started (the benchmark and tests read it)
        self.kills = 0  # how many were killed for not answering in time
        self._find, self._opener = find, opener
        self._lock = threading.Lock()
        self._browser: Browser | None = None
        self._starting: Future | None = None
        self._start_failed_at: float | None = None
        self._busy = 0
        self._last_used = 0.0
        self._idle_timer: threading.Timer | None = None

    # -- lifecycle --

    @property
    def running(self) -> bool:
        """Whether a browser is open and warm."""
        return self._browser is not None

    def start_failed_recently(self) -> bool:
        """Whether the last attempt to start a browser failed, less than `retry_start_after` seconds ago."""
        failed = self._start_failed_at
        return failed is not None and time.monotonic() - failed < self.retry_start_after

    def start(self) -> None:
        """Open the browser now (it opens on first use otherwise). Raises ChromiumMissing or ExportFailed."""
        self._current(time.monotonic() + self.timeout)

    def warm_up(self) -> None:
        """Start the browser in the background if it is not running, so the next export need not wait for it."""
        with self._lock:
            if self._browser is None and self._starting is None and not self.start_failed_recently():
                self._begin_start()

    def close(self) -> None:
        """Close the browser politely (killing it if it will not close); the next render starts another."""
        with self._lock:
            self._cancel_idle_timer()
            browser, self._browser = self._browser, None
        if browser is not None:
            browser.retired = True
            shut_down(browser, kill=False)

    def _current(self, deadline: float) -> Browser:
        """The warm browser, started (by one thread, whoever asks) if need be, waiting no later than deadline."""
        with self._lock:
            if self._browser is not None:
                return self._browser
            if self._starting is None:
                self._begin_start()
            starting = self._starting
        try:
            return starting.result(timeout=max(deadline - time.monotonic(), 0.0))
        except FutureTimeout:
            raise ExportTimedOut(TIMED_OUT_HELP) from None

    def _begin_start(self) -> None:
        # Called with the lock held. The start runs in its own thread so that every caller waits for it only
        # as long as its own deadline allows.
        self._starting = Future()
        threading.Thread(target=self._start_into, args=(self._starting,), name="kaleido-start", daemon=True).start()

    def _start_into(self, started: Future) -> None:
        try:
            browser = self._open()
        except BaseException as exc:
            with self._lock:
                self._starting = None
                if not isinstance(exc, ChromiumMissing):
                    self._start_failed_at = time.monotonic()
            started.set_exception(exc)
            return
        with self._lock:
            self._browser, self._starting, self._start_failed_at = browser, None, None
            self.starts += 1
            self._touch()
        started.set_result(browser)

    def _open(self) -> Browser:
        if not self._find():
            raise ChromiumMissing()
        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, name="kaleido-renderer", daemon=True)
        thread.start()
        browser = Browser(loop, thread, None)
        try:
            browser.kaleido = asyncio.run_coroutine_threadsafe(self._opener(self.tabs, self.timeout), loop).result(
                timeout=self.timeout
            )
            opening = getattr(browser.kaleido, "open", None)
            if opening is not None:
                asyncio.run_coroutine_threadsafe(opening(), loop).result(timeout=self.timeout)
        except Exception as exc:
            _LOGGER.warning("Chromium did not start for print export", exc_info=True)
            shut_down(browser, kill=True)
            from choreographer.browsers.chromium import ChromeNotFoundError  # late: 70 ms, only when exporting

            if isinstance(exc, ChromeNotFoundError):
                raise ChromiumMissing() from exc
            raise ExportFailed(BROKEN_HELP) from exc
        return browser

    # -- idle shutdown --

    def _touch(self) -> None:
        # Called with the lock held.
        self._last_used = time.monotonic()
        if self.idle_seconds is None:
            return
        self._cancel_idle_timer()
        self._idle_timer = threading.Timer(self.idle_seconds, self._close_if_idle)
        self._idle_timer.daemon = True
        self._idle_timer.start()

    def _cancel_idle_timer(self) -> None:
        if self._idle_timer is not None:
            self._idle_timer.cancel()
            self._idle_timer = None

    def _close_if_idle(self) -> None:
        with self._lock:  # checked and taken under one lock, so no render can start on it in between
            idle = self._busy == 0 and time.monotonic() - self._last_used >= (self.idle_seconds or 0) * 0.99
            browser = self._browser if idle else None
            if browser is not None:
                self._browser, browser.retired = None, True
        if browser is not None:
            shut_down(browser, kill=False)

    # -- drawing --

    def render(self, job: RenderJob) -> bytes:
        """The bytes of one figure, from the cache or drawn by the warm browser."""
        return self.render_many([job])[0]

    def render_many(self, jobs: Sequence[RenderJob], progress: Callable[[int], None] | None = None) -> list[bytes]:
        """The bytes of several figures, drawn concurrently on the browser's tabs; progress(n) after each one.
        Answers within `timeout` seconds, or raises ExportTimedOut (or ExportFailed, ChromiumMissing)."""
        deadline = time.monotonic() + self.timeout
        keys = [job.key() for job in jobs]
        results: list[bytes | None] = [self.cache.get(key) for key in keys]
        todo = [i for i, data in enumerate(results) if data is None]
        done = len(jobs) - len(todo)
        if progress and done:
            progress(done)
        if todo:
            for i, data in zip(todo, self._draw([jobs[i] for i in todo], progress, done, deadline), strict=True):
                self.cache.put(keys[i], data)
                results[i] = data
        return [data for data in results if data is not None]

    def _draw(
        self, jobs: list[RenderJob], progress: Callable[[int], None] | None, done: int, deadline: float
    ) -> list[bytes]:
        for attempt in (1, 2):
            browser = self._current(deadline)
            try:
                return self._draw_on(browser, jobs, progress, done, deadline)
            except FutureTimeout:
                self._retire(browser, kill=True, why="did not answer in time")
                raise ExportTimedOut(TIMED_OUT_HELP) from None
            except _Broke as exc:
                self._retire(browser, kill=True, why="failed while drawing", deadline=deadline)
                if attempt == 2 or time.monotonic() >= deadline:
                    raise ExportFailed(CRASHED_HELP) from exc.__cause__
        raise AssertionError("unreachable")

    def _draw_on(
        self, browser: Browser, jobs: list[RenderJob], progress: Callable[[int], None] | None, done: int, deadline
    ) -> list[bytes]:
        with self._lock:
            if browser.retired:
                raise _Broke("replaced before the request reached it")
            futures: list[Future] = [
                asyncio.run_coroutine_threadsafe(browser.kaleido.calc_fig(job.figure, opts=job.opts()), browser.loop)
                for job in jobs
            ]
            browser.futures.update(futures)
            self._busy += 1
        try:
            out = []
            for n, future in enumerate(futures, start=done + 1):
                try:
                    out.append(future.result(timeout=max(deadline - time.monotonic(), 0.0)))
                except FutureTimeout:
                    raise
                except Exception as exc:  # a crash, or the browser replaced under us (its futures cancelled)
                    _LOGGER.warning("Chromium failed to draw a figure", exc_info=True)
                    raise _Broke(str(exc)) from exc
                if progress:
                    progress(n)
            return out
        finally:
            for future in futures:
                future.cancel()  # no-op on those already done
            with self._lock:
                browser.futures.difference_update(futures)
                self._busy -= 1
                self._touch()

    def _retire(self, browser: Browser, *, kill: bool, why: str, deadline: float | None = None) -> None:
        """Stop using browser; release everyone waiting on it; kill it; clean up, in the background if the
        caller has no time left (at most two seconds here otherwise)."""
        with self._lock:
            if browser.retired:
                return
            browser.retired = True
            if self._browser is browser:
                self._browser = None
            waiting = list(browser.futures)
            self.kills += kill
        _LOGGER.warning("Chromium %s; it is being replaced", why)
        for future in waiting:
            future.cancel()
        cleanup = threading.Thread(target=shut_down, args=(browser, kill), name="kaleido-cleanup", daemon=True)
        cleanup.start()
        cleanup.join(min(2.0, max((deadline or 0.0) - time.monotonic(), 0.0)))


# A plain module attribute rather than functools.cache, so tests can put a renderer of their own in its place.
_RENDERER: FigureRenderer | None = None
_RENDERER_LOCK = threading.Lock()


def renderer() -> FigureRenderer:
    """The process's one warm renderer (created on first call, closed when the process exits)."""
    global _RENDERER
    with _RENDERER_LOCK:
        if _RENDERER is None:
            _RENDERER = FigureRenderer()
            atexit.register(_RENDERER.close)
        return _RENDERER


def figure_bytes(figure: go.Figure, fmt: Format, *, using: FigureRenderer | None = None) -> bytes:
    """One print-ready figure as PNG, SVG or PDF bytes, through the warm renderer."""
    return (using or renderer()).render(RenderJob(figure, fmt))
