"""Our one workaround for kaleido 1.5, where it has no public setting for what we need. Plain Python, no Streamlit.

Tabs kept between figures. After every figure it draws, kaleido reloads the tab's page
(`Kaleido._return_kaleido_tab` calls `tab.reload()`, and the caller waits for it), so each figure pays again for
Chromium parsing and starting plotly.js. On our 2-core machine a chart's three print files (PNG, SVG, PDF) took
1.35 to 1.5 s of Chromium's CPU with the reloads and 0.6 to 0.7 s without; under the load test Chromium used more
CPU than the dashboard's server. Without the reloads the PNG is byte for byte the same, the PDF differs only in its
creation time, and the SVG only in plotly's random clip-path ids (which differ between any two drawings anyway).
Nothing else is left behind on the page: plotly.js draws each figure in a div of its own and removes it, and the
PDF's picture and page size are replaced by the next PDF. So a tab is reloaded only every `RELOAD_EVERY` figures,
which still bounds whatever a long-lived page might keep (Chromium's memory grew slowly over 450 figures without
reloads, and stayed below what it used with them).

Upstream: the nearest report is plotly/Kaleido#400 ("Performance Regression: v1.0.0 renders a lot slower than
v0.2.1", open); no report of the reload itself was found. `kept_tabs_kaleido` raises KaleidoWorkaroundBroken when
kaleido's internals it relies on are gone, and tests/test_kaleido_workarounds.py fails on such a kaleido and on one
where the page is no longer kept.
"""

from __future__ import annotations

import inspect
from typing import Any

import kaleido  # only imported when something is exported: kaleido is slow to import

_RETURN_TAB = "_return_kaleido_tab"
_ISSUE = "https://github.com/plotly/Kaleido/issues/400"
RELOAD_EVERY = 50  # figures a tab draws before its page is reloaded


class KaleidoWorkaroundBroken(RuntimeError):
    """This kaleido no longer has an internal that our workaround relies on: see the message."""


class _KeptTabsKaleido(kaleido.Kaleido):
    """kaleido's browser, with each tab's page kept for RELOAD_EVERY figures instead of reloaded after each."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._kept_drawn: dict[int, int] = {}  # figures each tab (by id) has drawn since its page was loaded

    async def _return_kaleido_tab(self, tab: Any) -> None:
        drawn = self._kept_drawn.get(id(tab), 0) + 1
        if drawn >= RELOAD_EVERY:
            self._kept_drawn[id(tab)] = 0
            await super()._return_kaleido_tab(tab)  # reloads the page, then puts the tab back
            return
        self._kept_drawn[id(tab)] = drawn
        await self.tabs_ready.put(tab)


def kept_tabs_kaleido(**options: Any) -> kaleido.Kaleido:
    """A kaleido browser (not yet opened) whose tabs keep their page between figures; `options` go to Kaleido.
    Raises KaleidoWorkaroundBroken if this kaleido no longer hands tabs back the way the workaround expects."""
    check()
    browser = _KeptTabsKaleido(**options)
    if not hasattr(browser, "tabs_ready") or not hasattr(browser.tabs_ready, "put"):
        raise KaleidoWorkaroundBroken(
            f"kaleido.Kaleido no longer keeps its free tabs in `tabs_ready`, so a tab cannot be handed back "
            f"without a reload ({_ISSUE}): see components/kaleido_workarounds.py"
        )
    return browser


def check() -> None:
    """Raise KaleidoWorkaroundBroken unless kaleido still hands each tab back through the method we replace."""
    returner = vars(kaleido.Kaleido).get(_RETURN_TAB)
    if returner is None or not inspect.iscoroutinefunction(returner):
        raise KaleidoWorkaroundBroken(
            f"kaleido.Kaleido.{_RETURN_TAB} is gone, so every figure reloads plotly.js again ({_ISSUE}): "
            f"see components/kaleido_workarounds.py"
        )
    if list(inspect.signature(returner).parameters) != ["self", "tab"]:
        raise KaleidoWorkaroundBroken(
            f"kaleido.Kaleido.{_RETURN_TAB} takes other arguments now ({_ISSUE}): see components/kaleido_workarounds.py"
        )
