"""The app's one loader: read the records once per file content, cache the frames, filter them per view.

cache_resource, not cache_data: the frames are shared read-only by every session, so they are not copied
on each rerun (pages only ever derive new frames from them).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TypeVar

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from components.filters import sidebar
from components.sessions import reap_expired_sessions
from inspections.analysis import apply_view, options_for
from inspections.errors import RecordError, RecordsInvalid
from inspections.frames import Frames, build_frames
from inspections.load import parse_yaml, read_limited
from inspections.records import data_path, validate_loaded
from inspections.view import Options, View

T = TypeVar("T")


@dataclass(frozen=True)
class Loaded:
    path: str
    digest: str
    frames: Frames | None
    errors: tuple[RecordError, ...] = ()


def load() -> Loaded:
    """The records behind the app, validated; re-read only when the file's content changes."""
    reap_expired_sessions()  # every page run starts here: a good moment to let go of visitors who have left
    path = data_path()
    key = _stat_key(path)  # taken before reading: a change during the read makes the next run read again
    unchanged = _unchanged_since_read(path, key)
    if unchanged is not None:
        return unchanged
    try:
        raw = read_limited(path)  # never more than MAX_BYTES + 1 bytes in memory, whatever the file
    except OSError as exc:
        error = RecordError(str(path), None, "", f"cannot read the records file: {exc.strerror or exc}")
        return Loaded(str(path), "", None, (error,))
    except RecordsInvalid as exc:  # too large
        return Loaded(str(path), "", None, tuple(exc.errors))
    digest = hashlib.sha256(raw).hexdigest()
    loaded = _load_cached(str(path), digest, raw)
    _remember_read(path, key, loaded)
    return loaded


# Reading and hashing the whole file on every run (twice: the router and the page each call load()) was
# the one page cost that grew with the records (about 15 ms a run at 153 authorities). A file whose
# size, inode and modification time are unchanged since it was read, and which was last written more than
# _SETTLED_NS ago (so a rewrite within the file system's timestamp granularity cannot hide), is not read again.
_SETTLED_NS = 2_000_000_000
_READ: dict[str, tuple[tuple[int, int, int, int], Loaded]] = {}


def _stat_key(path) -> tuple[int, int, int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_size, stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns)


def _unchanged_since_read(path, key) -> Loaded | None:
    seen = _READ.get(str(path))
    if key is None or seen is None or seen[0] != key:
        return None
    if time.time_ns() - max(key[2], key[3]) < _SETTLED_NS:
        return None
    return seen[1]


def _remember_read(path, key, loaded: Loaded) -> None:
    if key is not None and loaded.digest:
        if len(_READ) > 8:
            _READ.clear()
        _READ[str(path)] = (key, loaded)


@st.cache_resource(show_spinner="Reading the records…", max_entries=4)
def _load_cached(path: str, digest: str, _raw: bytes) -> Loaded:
    # Keyed on path and content digest; the leading underscore stops Streamlit hashing the bytes again.
    try:
        records = validate_loaded(parse_yaml(_raw, path))
    except RecordsInvalid as exc:
        return Loaded(path, digest, None, tuple(exc.errors))
    return Loaded(path, digest, build_frames(records))


def filtered(digest: str, view: View, frames: Frames) -> Frames:
    """The frames for one view, cached per records digest and view."""
    return _filtered(digest, repr(view), view, frames)


@st.cache_resource(max_entries=64, show_spinner=False)
def _filtered(digest: str, view_key: str, _view: View, _frames: Frames) -> Frames:
    return apply_view(_frames, _view)


def options(loaded: Loaded) -> Options:
    return _options(loaded.digest, loaded.frames)


@st.cache_resource(max_entries=4, show_spinner=False)
def _options(digest: str, _frames: Frames) -> Options:
    return options_for(_frames)


@dataclass(frozen=True)
class Context:
    """What a page needs: the frames for the chosen view, the unfiltered frames, the view and its options."""

    frames: Frames
    everything: Frames
    view: View
    options: Options
    digest: str = ""  # the records' content hash: with the view, the key for derived()


def derived(ctx: Context, function: Callable[..., T], *args: Hashable, everything: bool = False) -> T:
    """function(frames, *args) for this page's view (or, with everything=True, for all the records), computed once
    per records digest, view and arguments, and shared read-only by every session, like the frames.

    For the questions a page asks on every rerun (summaries, matrices, counts, workbooks) whose cost grows with
    the records: a rerun that changes nothing (a click on a download or a table) then costs no recomputation.
    Callers must not modify what it returns. Functions are told apart by file and name, so they are module-level.
    """
    code = function.__code__
    name = f"{code.co_filename}:{function.__qualname__}"
    view = "" if everything else repr(ctx.view)
    frames = ctx.everything if everything else ctx.frames
    return _derived(ctx.digest, view, name, repr(args), args, function, frames)


# Keys are the reprs of views and arguments (frozen dataclasses of tuples, numbers and text): Streamlit's own
# hashing of those objects cost about a millisecond a call, a fifth of a warm page run.
@st.cache_resource(max_entries=256, show_spinner=False)
def _derived(digest: str, view: str, name: str, arguments: str, _args: tuple, _function: Callable, _frames: Frames):
    return _function(_frames, *_args)


def _leave_legacy_page_mode() -> None:
    """Hand a page run without the router back to app.py.

    On a fresh server Streamlit treats a pages/ folder as an old-style multipage app until app.py has
    called st.navigation once, so a shared link straight to /timeline would run the page bare, without the
    router's page list, layout or error panel. Switching the flag off and rerunning sends it through app.py.

    Once per process is enough: nothing on a real server sets the flag back. AppTest does, before every run,
    and a rerun there would swallow the button click that started the run, so tests see the page bare after
    the first run, as they did before this existed.
    """
    global _router_checked
    if _router_checked:
        return
    _router_checked = True
    if getattr(PagesManager, "uses_pages_directory", False):
        PagesManager.uses_pages_directory = False
        st.rerun()


_router_checked = False


def page_context() -> Context:
    """Draw the shared sidebar and return what the page should show.

    Called at the top of every page rather than once in app.py: widgets drawn by the router before
    page.run() are dropped from Streamlit's test tree on reruns, and pages own their widgets anyway.
    """
    _leave_legacy_page_mode()
    loaded = load()
    opts = options(loaded)
    view = sidebar(loaded.frames, opts)
    return Context(filtered(loaded.digest, view, loaded.frames), loaded.frames, view, opts, loaded.digest)
