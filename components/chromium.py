"""Chromium for print export: where it is, the time limit on drawing, and what to tell a visitor when it is
missing, broken, crashed or too slow, in their words (nothing about the server; the details go to the log)."""

from __future__ import annotations

import os

from choreographer.browsers.chromium import Chromium

RENDER_TIMEOUT = 60.0  # the longest anyone waits for a print file or a pack's figures, in seconds

_MEANWHILE = (
    "Until then, the camera icon on each chart's toolbar saves a screen-sized PNG, and the CSV and Excel "
    "downloads work as usual."
)
CHROMIUM_HELP = (
    "Print downloads (PNG, SVG and PDF) are drawn on the server by Chromium, which is not installed here. "
    "Whoever runs the dashboard can install it: on Debian or Ubuntu, `sudo apt-get install chromium`; "
    "elsewhere, install Chrome or Chromium, or run `kaleido_get_chrome`, or set BROWSER_PATH to the browser. "
    + _MEANWHILE
)
BROKEN_HELP = (
    "Print downloads are not working at the moment: the browser that draws them on the server (Chromium) would "
    "not start. Whoever runs the dashboard can find why in the server's log; the dashboard tries again within a "
    "minute. " + _MEANWHILE
)
CRASHED_HELP = (
    "The figures could not be drawn: the browser that draws them on the server stopped working, and it has been "
    "restarted. Please try again; if it fails again, tell whoever runs the dashboard."
)
TIMED_OUT_HELP = (
    f"Drawing the figures took longer than {RENDER_TIMEOUT:.0f} seconds, so it was stopped and the browser that "
    "draws them on the server was restarted. Please try again in a minute; if it happens again, tell whoever "
    "runs the dashboard."
)


class ChromiumMissing(RuntimeError):
    """No Chrome or Chromium for kaleido to draw with."""

    def __init__(self, message: str = CHROMIUM_HELP) -> None:
        super().__init__(message)


class ExportFailed(RuntimeError):
    """Chromium is here but could not draw: the message says what happened and what to do, for a visitor."""


class ExportTimedOut(ExportFailed):
    """The figures were not drawn within the time limit; the browser behind them was killed."""


def find_chromium() -> str | None:
    """The Chrome or Chromium kaleido will use (BROWSER_PATH first, then the usual names and places), or None."""

    override = os.environ.get("BROWSER_PATH")
    if override is not None:
        return override if os.path.isfile(override) and os.access(override, os.X_OK) else None
    try:
        return Chromium.find_browser(skip_local=False)
    except (OSError, RuntimeError, ValueError):
        return None
