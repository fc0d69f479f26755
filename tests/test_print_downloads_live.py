"""Print downloads on a live server while other visitors browse: every PNG, SVG and PDF an officer clicks is
there when the browser asks for it, at once and a second later (Streamlit deletes a file made on click after
any two script runs on the server). Several visitors over the real websocket protocol, bounded in time."""

from __future__ import annotations

import asyncio
import random
import time

import pytest

from bench import load_test
from components.chromium import find_chromium
from tests.conftest import SMALL

pytestmark = [
    pytest.mark.slow,
    pytest.mark.server,
    pytest.mark.skipif(find_chromium() is None, reason="needs Chromium: sudo apt-get install chromium"),
]


def test_every_print_download_is_there_while_others_browse():
    server = load_test.Server(SMALL)
    server.start()
    figures = load_test.Figures(sessions=6, duration_s=20)
    try:

        async def printing(seed: int, until: float) -> None:
            visitor = load_test.Visitor(server, figures, random.Random(seed))
            try:
                await visitor.arrive("")
                pages = ["timeline", "themes", "recommendations"]
                while time.monotonic() < until:
                    await visitor.request(page_hash=visitor.pages[pages[seed % len(pages)]])
                    await visitor.change_a_filter()
                    await visitor.print_files()
            finally:
                await visitor.leave()

        async def browsing(seed: int, until: float) -> None:
            visitor = load_test.Visitor(server, figures, random.Random(seed))
            try:
                await visitor.arrive("")
                while time.monotonic() < until:
                    await visitor.open_another_page()
                    await visitor.change_a_filter()
            finally:
                await visitor.leave()

        async def crowd() -> None:
            until = time.monotonic() + 20
            await asyncio.gather(*(printing(n, until) for n in range(3)), *(browsing(n, until) for n in range(3, 6)))

        asyncio.run(asyncio.wait_for(crowd(), 240))
    finally:
        server.stop()
    assert figures.print_downloads >= 12, figures.summary()
    assert figures.missing_downloads == 0, figures.errors[:5]
    assert figures.errors == [], figures.errors[:5]
