"""Visitors' sessions and connections: let go of those who have left, and keep the log readable when a client
sends nonsense.

Expired sessions: shut them down, and free the download files their pages made.

Streamlit (1.67) keeps a disconnected session for `server.disconnectedSessionTTL` seconds, so a browser that
reconnects can resume it. It keeps them in a TTL cache that forgets an expired session without shutting it
down, so the CSV and Excel files its download buttons made stay in the server's memory, and downloadable,
for as long as the server runs: about half a megabyte for every visitor who ever opened the Sources page.
`reap_expired_sessions` shuts expired sessions down as Streamlit would have, at most every few seconds, from
the script run of whoever is using the app, and from a watcher thread that the first run starts, so they are let
go of (their event loops and file descriptors too) even when nobody else visits. It relies on Streamlit internals, so it looks each one up and
does nothing if one is missing; bench/load_test.py and tests/test_load_short.py show the memory either way.

Nonsense frames: Streamlit 1.67 logs a full traceback for every websocket frame that is not one of its messages
(`starlette_websocket.py`, "Error deserializing back message"), so anyone could fill the log with them.
`quiet_protocol_errors` keeps each to one line naming the error; tests/test_hostile_websocket.py checks it.
"""

from __future__ import annotations

import logging
import threading
import time

_LOGGER = logging.getLogger(__name__)
_WEBSOCKET_LOGGER = "streamlit.web.server.starlette.starlette_websocket"
_UNDECODABLE = "Error deserializing back message"
_INTERVAL_S = 2.0
_lock = threading.Lock()
_last_run = float("-inf")
_watcher: threading.Thread | None = None


def reap_expired_sessions() -> int:
    """Shut down sessions whose reconnection time has run out; return how many. Never raises."""
    global _last_run
    _watch()
    now = time.monotonic()
    with _lock:
        if now - _last_run < _INTERVAL_S:
            return 0
        _last_run = now
    try:
        from streamlit.runtime import Runtime

        if not Runtime.exists():
            return 0
        manager = getattr(Runtime.instance(), "_session_mgr", None)
        storage_lock = getattr(manager, "_storage_lock", None)
        cache = getattr(getattr(manager, "_session_storage", None), "_cache", None)
        if storage_lock is None or not callable(getattr(cache, "expire", None)):
            return 0
        with storage_lock:  # the lock Streamlit holds when it saves or deletes stored sessions
            expired = cache.expire()
    except Exception:  # a Streamlit that works differently: leave its sessions alone
        _LOGGER.debug("could not look for expired sessions", exc_info=True)
        return 0
    for _session_id, info in expired:
        try:
            info.session.shutdown()
        except Exception:
            _LOGGER.warning("could not shut down an expired session", exc_info=True)
    return len(expired)


def _watch() -> None:
    """Start, once, the thread that keeps looking for expired sessions while the server runs."""
    global _watcher
    with _lock:
        if _watcher is not None and _watcher.is_alive():
            return
        _watcher = threading.Thread(target=_keep_reaping, name="session-reaper", daemon=True)
        _watcher.start()


def _keep_reaping() -> None:
    while True:
        time.sleep(_INTERVAL_S)
        reap_expired_sessions()


class _OneLine(logging.Filter):
    """A record of an undecodable frame, with the error named in its line instead of a traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and str(record.msg).startswith(_UNDECODABLE):
            error = record.exc_info[1]
            reason = f"{type(error).__name__}: {str(error)[:120]}" if error is not None else "unknown"
            record.msg = f"{_UNDECODABLE} from a client ({reason}); connection closed"
            record.args, record.exc_info, record.exc_text = (), None, None
        return True


def quiet_protocol_errors() -> None:
    """Log each undecodable websocket frame as one line (idempotent; from the first page run on)."""
    target = logging.getLogger(_WEBSOCKET_LOGGER)
    if not any(isinstance(f, _OneLine) for f in target.filters):
        target.addFilter(_OneLine())


quiet_protocol_errors()
