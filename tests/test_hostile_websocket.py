"""Hostile websocket clients on a live server: huge messages are refused before the server holds them (the
inbound cap is server.maxMessageSize, set to what the app needs), and frames that are not Streamlit messages
cost one readable line of log each, never a traceback."""

from __future__ import annotations

import asyncio
import os
import random

import pytest
import websockets

from bench import load_test
from tests.conftest import SMALL

pytestmark = [pytest.mark.slow, pytest.mark.server]


LARGEST_PAGE_MESSAGE = 420_000  # bytes: the Sources page with all twelve authorities (bench/load_test.py measures it)


@pytest.fixture
def server():
    running = load_test.Server(SMALL)
    running.start()
    yield running
    running.stop()


def visit(server) -> load_test.Figures:
    figures = load_test.Figures(1, 0)

    async def once():
        visitor = load_test.Visitor(server, figures, random.Random(0))
        try:
            await visitor.arrive("")
            await visitor.request(page_hash=visitor.pages["sources"])
        finally:
            await visitor.leave()

    asyncio.run(once())
    return figures


async def send_raw(server, payload: bytes) -> int | None:
    """Send one binary frame on a fresh websocket; the close code the server answers with (None: kept open)."""
    url = f"ws://127.0.0.1:{server.port}/_stcore/stream"
    async with websockets.connect(url, subprotocols=["streamlit"], max_size=None, open_timeout=30) as ws:
        try:
            await ws.send(payload)
            await asyncio.wait_for(ws.wait_closed(), 30)
        except (websockets.ConnectionClosed, TimeoutError):
            pass
        return ws.close_code


def test_huge_messages_are_refused_without_the_server_holding_them(server):
    assert visit(server).errors == []
    before = server.rss_mb()

    async def five_at_once():
        payload = os.urandom(23 * 1024 * 1024)
        return await asyncio.gather(*(send_raw(server, payload) for _ in range(5)))

    codes = asyncio.run(five_at_once())
    assert all(code in (1009, 1006) for code in codes), codes  # 1009: message too big
    assert server.rss_mb() - before < 60, f"memory rose from {before:.0f} to {server.rss_mb():.0f} MB"
    assert visit(server).errors == [], "and the next visitor is served"


def test_the_cap_leaves_room_for_every_page(server):
    from streamlit import config

    config.get_config_options(force_reparse=True)
    cap = config.get_option("server.maxMessageSize") * 1_000_000
    assert LARGEST_PAGE_MESSAGE * 3 <= cap <= 2_000_000
    assert visit(server).largest_message_bytes < cap


def test_garbage_frames_cost_one_readable_line_each(server):
    assert visit(server).errors == []

    async def garbage():
        return await asyncio.gather(*(send_raw(server, b"\xff\xfe not a protobuf \x00" * n) for n in range(1, 6)))

    asyncio.run(garbage())
    server.stop()
    assert "Traceback" not in server.log(), server.log()[-3000:]
    lines = [line for line in server.log().splitlines() if "Error deserializing back message" in line]
    assert len(lines) == 5, server.log()[-3000:]
    assert all(len(line) < 300 for line in lines), lines
