"""One kaleido browser as a process: how it is opened, its event loop in a thread of its own, and how it is shut
down or killed with every process it started. No policy here: components.renderer decides when to start, share,
replace and close one.

Plain Python, no Streamlit.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import threading
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

_LOGGER = logging.getLogger(__name__)


def open_kaleido(tabs: int, timeout: float) -> Any:
    """A kaleido browser with `tabs` tabs, not yet opened (a coroutine: run it on the renderer's loop). Opening
    is left to the renderer, which then holds the browser, and so its process, if opening hangs."""
    import kaleido  # late: slow to import, and the app may never export

    from components import kaleido_workarounds

    async def make() -> Any:
        # mathjax=False: our figures carry no LaTeX, and the default fetches MathJax from a CDN on every start.
        options = {"n": tabs, "timeout": timeout, "mathjax": False}
        try:
            return kaleido_workarounds.kept_tabs_kaleido(**options)
        except kaleido_workarounds.KaleidoWorkaroundBroken:
            # Still draws, only slower; tests/test_kaleido_workarounds.py fails on such a kaleido.
            _LOGGER.warning("print files will draw slower: kaleido's tabs cannot be kept", exc_info=True)
            return kaleido.Kaleido(**options)

    return make()


@dataclass(eq=False)
class Browser:
    """One started browser: its event loop (in a thread of its own) and the requests in flight on it."""

    loop: asyncio.AbstractEventLoop
    thread: threading.Thread
    kaleido: Any
    futures: set[Future] = field(default_factory=set)
    retired: bool = False


def shut_down(browser: Browser, kill: bool) -> None:
    """Kill the browser's processes if asked (or if closing fails), close it, and stop its loop."""
    if kill:
        kill_processes(browser.kaleido)
    closed = browser.kaleido is None
    if not closed:
        with contextlib.suppress(Exception):  # a browser that will not close is killed below
            asyncio.run_coroutine_threadsafe(browser.kaleido.close(), browser.loop).result(timeout=5 if kill else 15)
            closed = True
    if not closed:
        kill_processes(browser.kaleido)
    browser.loop.call_soon_threadsafe(browser.loop.stop)
    browser.thread.join(timeout=5)
    if not browser.loop.is_running():
        browser.loop.close()


def kill_processes(kaleido: Any) -> None:
    """Kill the browser's process and every process it started (choreographer starts it as a session leader)."""
    process = getattr(kaleido, "subprocess", None)
    pid = getattr(process, "pid", None)
    if pid is None:
        return
    try:
        if hasattr(os, "killpg"):
            os.killpg(pid, signal.SIGKILL)
        else:
            process.kill()
    except (ProcessLookupError, PermissionError):
        with contextlib.suppress(Exception):
            process.kill()
    with contextlib.suppress(Exception):
        process.wait(timeout=5)
