"""Our workarounds for Streamlit 1.67, where it has no public API for what we need: each names its upstream issue,
app.py installs them, and each raises StreamlitWorkaroundBroken when the Streamlit internals it relies on are gone.

1. A link straight to a page on a fresh server. Streamlit treats a pages/ folder beside app.py as a legacy
   multipage app until some session has called st.navigation ("As soon as any session of your app executes the
   st.navigation command, your app will ignore the pages/ directory", st.navigation's documentation). So when the
   first request after a start is /timeline, Streamlit runs pages/timeline.py bare, with its own sidebar list of
   every file in pages/, without the router's page list, layout or error panel. Upstream: the nearest report is
   streamlit/streamlit#9624 ("st.navigation doesn't support deeplinks on first load", closed as not reproduced in an
   app without pages/); Streamlit's own advice is to rename the folder, which our design card rules out.
   `hand_bare_page_run_to_router` switches legacy mode off and reruns, so the run goes through app.py. It has to be
   called by the page (data.page_context), because a bare run is exactly the run in which app.py does not run.

2. Visitors who leave. A disconnected session is kept for server.disconnectedSessionTTL seconds in a TTL cache that
   forgets it when the time is up without shutting it down, so the CSV and Excel files its download buttons made
   stay in memory, and downloadable, for the life of the server. Upstream: streamlit/streamlit#12506 ("Memory leak
   caused by session state persisting after tab closed"; the fix proposed in #12521 was closed unmerged; the
   option itself came from #9179 for #6166). A watcher thread, started by `install`, shuts expired sessions down
   as Streamlit would have, every two seconds, whether or not anyone visits.

3. Nonsense frames. Streamlit logs a full traceback for every websocket frame that is not one of its messages
   ("Error deserializing back message"), so anyone could fill the log. A log filter keeps each to one line.
   No upstream issue found; tests/test_hostile_websocket.py fails if the filter stops matching.

4. Files made on click. A download button given a callable makes its file when clicked, and Streamlit stores that
   file referenced by no session ("We leave actual_file_id unmapped so repeat clicks rerun the callable",
   media_file_manager.py, from the deferred download button of streamlit/streamlit#12942). Every script run that
   finishes, in any session, sweeps unreferenced files: the first sweep marks it, the second deletes it. Under a
   crowd two runs can finish between the click's answer and the browser's request, and the visitor gets a 404.
   `keep_files_made_on_click` leaves a file made on click out of the sweeps for a minute after it is made.
   No upstream issue found for the sweep itself.

tests/test_streamlit_workarounds.py and tests/test_files_made_on_click.py fail on a Streamlit where any of them no
longer works.
"""

from __future__ import annotations

import importlib
import inspect
import logging
import os
import threading
import time
from typing import Any

import streamlit as st
from streamlit.runtime import Runtime
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.pages_manager import PagesManager

_LOGGER = logging.getLogger(__name__)
_WEBSOCKET_LOGGER = "streamlit.web.server.starlette.starlette_websocket"
_UNDECODABLE = "Error deserializing back message"
_INTERVAL_S = 2.0
_PAGES_ISSUE = "https://github.com/streamlit/streamlit/issues/9624"
_SESSIONS_ISSUE = "https://github.com/streamlit/streamlit/issues/12506"
_DEFERRED_PR = "https://github.com/streamlit/streamlit/pull/12942"
# Long enough for any browser to fetch the file it was just given the address of; tests shorten it.
CLICK_FILE_GRACE_ENV = "DASHBOARD_CLICK_FILE_GRACE_S"


def _grace_s() -> float:
    """The grace from the environment, or a minute when it is unset or not a positive number (logged, not raised)."""
    value = os.environ.get(CLICK_FILE_GRACE_ENV, "60")
    try:
        grace = float(value)
    except ValueError:
        grace = -1.0
    if not grace > 0:
        _LOGGER.warning("%s=%r is not a positive number of seconds; using 60", CLICK_FILE_GRACE_ENV, value[:40])
        return 60.0
    return grace


CLICK_FILE_GRACE_S = _grace_s()


class StreamlitWorkaroundBroken(RuntimeError):
    """This Streamlit no longer has an internal that one of our workarounds relies on: see the message."""


def install() -> None:
    """Check every workaround's internals (raising StreamlitWorkaroundBroken if one is gone) and start them.
    Called by app.py on every run; the work is done once per process."""
    global _installed
    if _installed:
        return
    legacy_pages_flag()
    _start_reaper()
    quiet_protocol_errors()
    if Runtime.exists():
        keep_files_made_on_click(Runtime.instance().media_file_mgr)
    _installed = True


_installed = False


# ------------------------------------------------------------------------------------------- 1. bare page runs


def legacy_pages_flag() -> bool:
    """Whether Streamlit is still treating pages/ as a legacy multipage app in this process."""
    if "uses_pages_directory" not in vars(PagesManager):
        raise StreamlitWorkaroundBroken(
            f"PagesManager.uses_pages_directory is gone, so a link straight to a page on a fresh server cannot be "
            f"handed to app.py ({_PAGES_ISSUE}): see components/streamlit_workarounds.py"
        )
    return bool(PagesManager.uses_pages_directory)


def hand_bare_page_run_to_router() -> None:
    """Send a page run that did not go through app.py back through it; call it first thing on every page.

    Once per process is enough: nothing on a real server sets the flag back. AppTest does, before every run, and a
    rerun there would swallow the button click that started the run, so tests see the page bare after the first
    run, as they did before this existed.
    """
    global _router_checked
    if _router_checked:
        return
    _router_checked = True
    if legacy_pages_flag():
        PagesManager.uses_pages_directory = False
        st.rerun()


_router_checked = False


# ------------------------------------------------------------------------------------------- 2. expired sessions


def expired_session_store(runtime: Any) -> tuple[threading.Lock, Any]:
    """The lock Streamlit holds when it saves or deletes a disconnected session, and the TTL cache it keeps them in."""
    try:
        manager = runtime._session_mgr
        lock = manager._storage_lock
        cache = manager._session_storage._cache
        cache.expire  # noqa: B018  (an attribute check: what reaping calls)
    except AttributeError as exc:
        raise StreamlitWorkaroundBroken(
            f"Streamlit's session store has changed ({exc}), so sessions whose visitors have left would never be "
            f"shut down ({_SESSIONS_ISSUE}): see components/streamlit_workarounds.py"
        ) from exc
    if not callable(getattr(lock, "acquire", None)) or not callable(cache.expire):
        raise StreamlitWorkaroundBroken(f"Streamlit's session store is not a lock and a TTL cache ({_SESSIONS_ISSUE})")
    return lock, cache


def reap_expired_sessions(store: tuple[threading.Lock, Any]) -> int:
    """Shut down the sessions whose reconnection time has run out; return how many."""
    lock, cache = store
    with lock:
        expired = cache.expire()
    for _session_id, info in expired:
        try:
            info.session.shutdown()
        except Exception:
            _LOGGER.warning("could not shut down an expired session", exc_info=True)
    return len(expired)


def _start_reaper() -> None:
    if not Runtime.exists() or type(Runtime.instance()) is not Runtime:
        return  # AppTest's stand-in runtime: no visitors, nothing to let go of
    store = expired_session_store(Runtime.instance())
    threading.Thread(target=_keep_reaping, args=(store,), name="session-reaper", daemon=True).start()


def _keep_reaping(store: tuple[threading.Lock, Any]) -> None:
    while True:
        time.sleep(_INTERVAL_S)
        try:
            reap_expired_sessions(store)
        except Exception:
            _LOGGER.exception("could not look for expired sessions (%s)", _SESSIONS_ISSUE)


# ------------------------------------------------------------------------------------------- 3. nonsense frames


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
    """Log each undecodable websocket frame as one line (idempotent)."""
    try:
        logged_there = _UNDECODABLE in inspect.getsource(importlib.import_module(_WEBSOCKET_LOGGER))
    except (ImportError, OSError, TypeError) as exc:
        raise StreamlitWorkaroundBroken(f"{_WEBSOCKET_LOGGER} cannot be read ({exc})") from exc
    if not logged_there:
        raise StreamlitWorkaroundBroken(
            f"{_WEBSOCKET_LOGGER} no longer logs {_UNDECODABLE!r}, so the filter that keeps a nonsense frame to one "
            "log line would match nothing: see components/streamlit_workarounds.py"
        )
    target = logging.getLogger(_WEBSOCKET_LOGGER)
    if not any(isinstance(f, _OneLine) for f in target.filters):
        target.addFilter(_OneLine())


# ------------------------------------------------------------------------------------------- 4. files made on click


def keep_files_made_on_click(manager: MediaFileManager, grace_s: float = CLICK_FILE_GRACE_S) -> None:
    """Keep each file that a download button makes on click out of Streamlit's sweeps for grace_s seconds
    (idempotent per manager). Raises StreamlitWorkaroundBroken if the manager lacks what this wraps."""
    if getattr(manager, "_keeps_click_files", False):
        return
    make, inactive = getattr(manager, "execute_deferred", None), getattr(manager, "_get_inactive_file_ids", None)
    if not callable(make) or not callable(inactive):
        raise StreamlitWorkaroundBroken(
            "MediaFileManager.execute_deferred or _get_inactive_file_ids is gone, so a file made on click could be "
            f"deleted before the browser fetches it ({_DEFERRED_PR}): see components/streamlit_workarounds.py"
        )
    made: dict[str, float] = {}  # file id -> when it was made
    lock = threading.Lock()

    def execute_deferred(file_id: str) -> str:
        url = make(file_id)
        with lock:
            made[media_file_id(url)] = time.monotonic()
        return url

    def get_inactive_file_ids() -> set[str]:
        now = time.monotonic()
        with lock:
            for old in [f for f, when in made.items() if now - when > grace_s]:
                del made[old]
            recent = set(made)
        return inactive() - recent

    manager.execute_deferred = execute_deferred
    manager._get_inactive_file_ids = get_inactive_file_ids
    manager._keeps_click_files = True


def media_file_id(url: str) -> str:
    """The stored file's id in a media address such as /media/3f2a….csv."""
    return url.rsplit("/", 1)[-1].split(".", 1)[0]
