"""Each workaround in components/streamlit_workarounds.py fails loudly on a Streamlit where it no longer works: the
internals it uses are there and behave as it expects, and a live server shows the effect it is there for."""

from __future__ import annotations

import asyncio
import importlib.util
import logging
import random
import sys
import threading
from types import SimpleNamespace

import pytest
import websockets
from streamlit.runtime.memory_session_storage import MemorySessionStorage
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.session_manager import SessionInfo
from streamlit.runtime.websocket_session_manager import WebsocketSessionManager

from components import streamlit_workarounds as workarounds
from testing.browser import app_pages
from tests.conftest import ROOT, SMALL


def _load_bench():
    spec = importlib.util.spec_from_file_location("load_test", ROOT / "bench" / "load_test.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["load_test"] = module
    spec.loader.exec_module(module)
    return module


load_test = _load_bench()


# ------------------------------------------------------------------------------------------- 1. bare page runs


def test_a_fresh_process_still_treats_pages_as_a_legacy_app_until_st_navigation(monkeypatch):
    """What the hand-back relies on. If the first half fails, Streamlit no longer starts in legacy mode beside a
    pages/ folder: check whether the workaround is still needed."""
    monkeypatch.setattr(PagesManager, "uses_pages_directory", None)
    PagesManager(str(ROOT / "app.py"))
    assert workarounds.legacy_pages_flag() is True, "a fresh server beside pages/ starts in legacy mode"
    monkeypatch.setattr(PagesManager, "uses_pages_directory", False)
    assert workarounds.legacy_pages_flag() is False


def test_the_hand_back_says_so_when_streamlit_has_no_legacy_flag(monkeypatch):
    monkeypatch.delattr(PagesManager, "uses_pages_directory")
    with pytest.raises(workarounds.StreamlitWorkaroundBroken, match="issues/9624"):
        workarounds.legacy_pages_flag()
    monkeypatch.setattr(workarounds, "_installed", False)
    with pytest.raises(workarounds.StreamlitWorkaroundBroken):
        workarounds.install()


@pytest.mark.slow
@pytest.mark.parametrize("page", [app_pages()[1], app_pages()[-1]], ids=lambda p: p.name)  # one server each
def test_a_link_straight_to_a_page_on_a_fresh_server_goes_through_the_router(page):
    """The first request after a start names a page: it gets the router's page list (no legacy sidebar of every file
    in pages/), the page it asked for, and no broken workaround in the log."""
    server = load_test.Server(SMALL)
    server.start()
    figures = load_test.Figures(1, 0)

    async def first_visit():
        visitor = load_test.Visitor(server, figures, random.Random(0))
        visitor.ws = await websockets.connect(
            f"ws://127.0.0.1:{server.port}/_stcore/stream", subprotocols=["streamlit"], max_size=None
        )
        try:
            return await visitor.request(page_name=page.url_path)
        finally:
            await visitor.leave()

    try:
        run = asyncio.run(first_visit())
    finally:
        server.stop()
    assert figures.errors == []
    assert sorted(run.pages) == sorted(p.url_path for p in app_pages()), "the router's pages, not pages/'s files"
    assert run.page_hash == run.pages[page.url_path]
    assert run.title, "the page drew its heading"
    assert "StreamlitWorkaroundBroken" not in server.log()


# ------------------------------------------------------------------------------------------- 2. expired sessions


class _Session:
    def __init__(self, session_id: str):
        self.id = session_id
        self.shut_down = 0

    def shutdown(self) -> None:
        self.shut_down += 1


def _manager(ttl_seconds: int) -> WebsocketSessionManager:
    return WebsocketSessionManager(
        session_storage=MemorySessionStorage(ttl_seconds=ttl_seconds),
        uploaded_file_manager=SimpleNamespace(),
        script_cache=SimpleNamespace(),
        message_enqueued_callback=None,
    )


def test_streamlit_still_forgets_an_expired_session_without_shutting_it_down():
    """What the reaper is for. If this fails, Streamlit shuts expired sessions down itself (streamlit#12506 is
    fixed): remove the reaper."""
    manager = _manager(ttl_seconds=0)
    session = _Session("gone")
    manager._session_storage.save(SessionInfo(client=None, session=session))
    assert manager.get_session_info("gone") is None, "expired: Streamlit no longer finds it"
    assert manager.list_sessions() == []
    assert session.shut_down == 0, "and never shut it down"


def test_the_reaper_shuts_expired_sessions_down_and_leaves_the_others():
    manager = _manager(ttl_seconds=0)
    gone = _Session("gone")
    manager._session_storage.save(SessionInfo(client=None, session=gone))
    store = workarounds.expired_session_store(SimpleNamespace(_session_mgr=manager))
    assert isinstance(store[0], type(threading.Lock()))
    assert workarounds.reap_expired_sessions(store) == 1
    assert gone.shut_down == 1
    assert workarounds.reap_expired_sessions(store) == 0, "once only"

    manager = _manager(ttl_seconds=120)
    waiting = _Session("waiting")
    manager._session_storage.save(SessionInfo(client=None, session=waiting))
    store = workarounds.expired_session_store(SimpleNamespace(_session_mgr=manager))
    assert workarounds.reap_expired_sessions(store) == 0
    assert waiting.shut_down == 0, "a visitor who may still reconnect keeps the session"


@pytest.mark.parametrize("missing", ["_session_mgr", "_storage_lock", "_session_storage", "_cache"])
def test_the_reaper_says_so_when_the_session_store_has_moved(missing):
    manager = _manager(ttl_seconds=0)
    runtime = SimpleNamespace(_session_mgr=manager)
    if missing == "_session_mgr":
        runtime = SimpleNamespace()
    elif missing == "_cache":
        manager._session_storage = SimpleNamespace()
    else:
        delattr(manager, missing)
    with pytest.raises(workarounds.StreamlitWorkaroundBroken, match="issues/12506"):
        workarounds.expired_session_store(runtime)


# ------------------------------------------------------------------------------------------- 3. nonsense frames


def test_the_log_filter_says_so_when_streamlit_no_longer_logs_that_message(monkeypatch):
    monkeypatch.setattr(workarounds, "_UNDECODABLE", "A message Streamlit never logged")
    with pytest.raises(workarounds.StreamlitWorkaroundBroken, match="no longer logs"):
        workarounds.quiet_protocol_errors()


def test_an_undecodable_frame_is_logged_as_one_line():
    workarounds.quiet_protocol_errors()
    record = logging.LogRecord(
        workarounds._WEBSOCKET_LOGGER, logging.ERROR, __file__, 1, workarounds._UNDECODABLE, (), None
    )
    try:
        raise ValueError("not a BackMsg")
    except ValueError:
        record.exc_info = sys.exc_info()
    target = logging.getLogger(workarounds._WEBSOCKET_LOGGER)
    assert all(f.filter(record) for f in target.filters)
    assert record.exc_info is None
    assert (
        record.getMessage()
        == f"{workarounds._UNDECODABLE} from a client (ValueError: not a BackMsg); connection closed"
    )


def test_install_checks_every_workaround_on_this_streamlit(monkeypatch):
    monkeypatch.setattr(workarounds, "_installed", False)
    workarounds.install()
    assert workarounds._installed
