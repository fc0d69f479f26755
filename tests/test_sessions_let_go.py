"""Visitors who leave let go of what they held, with nobody else visiting: after many short sessions, once their
reconnection time is up, the server's open file descriptors are back near where they started."""

from __future__ import annotations

import asyncio
import random
import time

import psutil
import pytest

from bench import load_test
from tests.conftest import SMALL

pytestmark = [pytest.mark.slow, pytest.mark.server]


def open_files(server) -> int:
    return psutil.Process(server.process.pid).num_fds()


def test_short_sessions_let_go_of_their_files_without_another_visit():
    server = load_test.Server(SMALL)
    server.start()
    figures = load_test.Figures(1, 0)
    try:

        async def visits(count: int) -> None:
            async def one(seed: int) -> None:
                visitor = load_test.Visitor(server, figures, random.Random(seed))
                try:
                    await visitor.arrive("")
                finally:
                    await visitor.leave()

            for start in range(0, count, 10):
                await asyncio.gather(*(one(n) for n in range(start, start + 10)))

        asyncio.run(visits(10))
        time.sleep(load_test.SESSION_TTL + 4)
        baseline = open_files(server)
        asyncio.run(visits(100))
        crowded = open_files(server)
        deadline = time.monotonic() + load_test.SESSION_TTL + 10
        while open_files(server) > baseline + 10 and time.monotonic() < deadline:
            time.sleep(0.5)  # nobody visits meanwhile
        after = open_files(server)
    finally:
        server.stop()
    assert figures.errors == []
    assert crowded > baseline, "the sessions did hold files while they lasted"
    assert after <= baseline + 10, f"open files: {baseline} before, {crowded} with the crowd, {after} after"
