"""The app's one loader: read the records once per file content, cache the frames, filter them per view.

cache_resource, not cache_data: the frames are shared read-only by every session, so they are not copied
on each rerun (pages only ever derive new frames from them).
"""

from __future__ import annotations

import gc
import logging
import os
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TypeVar

import streamlit as st

from components.filters import sidebar
from components.shared_figures import share
from components.streamlit_workarounds import hand_bare_page_run_to_router
from inspections.analysis import apply_view, options_for
from inspections.bundle import RawBundle, parse_bundle, read_bundle
from inspections.errors import RecordError, RecordsInvalid
from inspections.frames import Frames, build_frames
from inspections.records import data_path, validate_loaded
from inspections.view import Options, View

T = TypeVar("T")
_LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class Loaded:
    path: str
    digest: str
    frames: Frames | None
    errors: tuple[RecordError, ...] = ()


def load() -> Loaded:
    """The records behind the app, validated; re-read only when a file's content changes."""
    path = data_path()
    seen = _READ.get(str(path))
    if seen is not None and _settled_and_unchanged(seen[0]):
        return seen[1]
    try:
        bundle = read_bundle(path)  # each file no more than MAX_BYTES + 1 bytes in memory, whatever it is
    except RecordsInvalid as exc:  # unreadable, too large, or an include that names no file
        return _refused(Loaded(str(path), "", None, tuple(exc.errors)))
    loaded = _refused(_load_cached(path=str(path), digest=bundle.digest, _bundle=bundle))
    if loaded.digest:
        if len(_READ) > 8:
            _READ.clear()
        # Stat taken after the read: a write during it leaves the file unsettled, so the next run reads again.
        _READ[str(path)] = (_stat_keys(tuple(f.name for f in bundle.files)), loaded)
    return loaded


def _refused(loaded: Loaded) -> Loaded:
    """loaded, after logging its problems with the files' full paths (the panel names them from the project
    folder); once for each new set of problems, not on every page run."""
    global _LOGGED
    if loaded.errors and loaded.errors != _LOGGED:
        _LOGGED = loaded.errors
        lines = "\n".join(f"  {e.file}:{e.line or '-'}: {e.path}: {e.message}" for e in loaded.errors[:50])
        _LOGGER.warning("the records at %s cannot be used (%d problems):\n%s", loaded.path, len(loaded.errors), lines)
    return loaded


_LOGGED: tuple[RecordError, ...] = ()


# Reading and hashing every file on every run (twice: the router and the page each call load()) was
# the one page cost that grew with the records (about 15 ms a run at 153 authorities). Files whose
# size, inode and modification time are unchanged since they were read, and which were last written more than
# _SETTLED_NS ago (so a rewrite within the file system's timestamp granularity cannot hide), are not read again.
# Each file's folder is watched too, so an authority file added beside the others is picked up.
_SETTLED_NS = 2_000_000_000
_READ: dict[str, tuple[tuple, Loaded]] = {}
_Stat = tuple[int, int, int, int] | None


def _stat_keys(names: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[_Stat, ...]]:
    stats: list[_Stat] = []
    for name in dict.fromkeys([*names, *(os.path.dirname(n) or "." for n in names)]):
        try:
            info = os.stat(name)
        except OSError:
            stats.append(None)
            continue
        stats.append((info.st_size, info.st_ino, info.st_mtime_ns, info.st_ctime_ns))
    return names, tuple(stats)


def _settled_and_unchanged(key: tuple[tuple[str, ...], tuple[_Stat, ...]]) -> bool:
    names, stats = key
    if _stat_keys(names) != key or None in stats:
        return False
    return all(time.time_ns() - max(s[2], s[3]) >= _SETTLED_NS for s in stats if s is not None)


@st.cache_resource(show_spinner="Reading the records…", max_entries=4)
def _load_cached(path: str, digest: str, _bundle: RawBundle) -> Loaded:
    # Keyed on path and content digest; the leading underscore stops Streamlit hashing the bytes again.
    try:
        records = validate_loaded(parse_bundle(_bundle))
    except RecordsInvalid as exc:
        return Loaded(path, digest, None, tuple(exc.errors))
    loaded = Loaded(path, digest, build_frames(records))
    _settle_long_lived()
    return loaded


def _settle_long_lived() -> None:
    """Leave what is alive now (the libraries' objects, the records' frames) out of Python's full garbage collections.

    A full collection walks every object the collector tracks, and most of a warm server's are plotly's, pandas' and
    Streamlit's own, alive for as long as the process: under bench/load_test.py a full collection took about 190 ms,
    and full collections were about 7% of the server's time. Frozen objects are still freed when nothing refers to
    them; only a cycle among them would stay. So this runs when the records are read: it lets go of what was frozen
    before, collects everything once (the old records' frames among it), then freezes what is still alive.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def filtered(digest: str, view: View, frames: Frames) -> Frames:
    """The frames for one view, cached per records digest and view."""
    return _filtered(digest=digest, view_key=repr(view), _view=view, _frames=frames)


@st.cache_resource(max_entries=64, show_spinner=False)
def _filtered(digest: str, view_key: str, _view: View, _frames: Frames) -> Frames:
    return apply_view(_frames, _view)


def options(loaded: Loaded) -> Options:
    return _options(digest=loaded.digest, _frames=loaded.frames)


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


def content_key(ctx: Context, name: str, *choices: object, everything: bool = False) -> str:
    """A name for a table's content: the records, the view (unless the table covers every authority), the table,
    and any page choices that shape it. Lets a table's download files be found without hashing the table."""
    view = "" if everything else repr(ctx.view)
    return f"{ctx.digest}|{view}|{name}|{choices!r}"


def derived(ctx: Context, function: Callable[..., T], *args: Hashable, everything: bool = False) -> T:
    """function(frames, *args) for this page's view (or, with everything=True, for all the records), computed once
    per records digest, view and arguments, and shared read-only by every session, like the frames.

    For the questions a page asks on every rerun (summaries, matrices, counts, workbooks) whose cost grows with
    the records: a rerun that changes nothing (a click on a download or a table) then costs no recomputation.
    Callers must not modify what it returns. Functions are told apart by file and name, so they are module-level.
    """
    code = function.__code__
    name = f"{code.co_filename}:{function.__qualname__}"
    if everything:
        return _derived_for_all(
            digest=ctx.digest, name=name, arguments=repr(args), _args=args, _function=function, _frames=ctx.everything
        )
    return _derived(
        digest=ctx.digest,
        view=repr(ctx.view),
        name=name,
        arguments=repr(args),
        _args=args,
        _function=function,
        _frames=ctx.frames,
    )


# Keys are the reprs of views and arguments (frozen dataclasses of tuples, numbers and text): Streamlit's own
# hashing of those objects cost about a millisecond a call, a fifth of a warm page run. The cached functions here
# are called with keywords: for each positional argument Streamlit looks up its name with inspect.signature, on
# every call (3 to 5% of a warm page run on the real server).
@st.cache_resource(max_entries=256, show_spinner=False)
def _derived(digest: str, view: str, name: str, arguments: str, _args: tuple, _function: Callable, _frames: Frames):
    return share(_function(_frames, *_args))  # its figures are drawn, printed and packed by many sessions at once


# What covers every record has a cache of its own: in one shared with the views, a crowd choosing many views
# pushed out the costliest entries (the Sources page's workbook of every table) to be built again and again.
@st.cache_resource(max_entries=64, show_spinner=False)
def _derived_for_all(digest: str, name: str, arguments: str, _args: tuple, _function: Callable, _frames: Frames):
    return share(_function(_frames, *_args))


def page_context() -> Context:
    """Draw the shared sidebar and return what the page should show.

    Called at the top of every page rather than once in app.py: widgets drawn by the router before
    page.run() are dropped from Streamlit's test tree on reruns, and pages own their widgets anyway.
    """
    hand_bare_page_run_to_router()  # a link straight to a page on a fresh server: see streamlit_workarounds
    loaded = load()
    opts = options(loaded)
    view = sidebar(loaded.frames, opts)
    st.session_state[_VIEW] = view
    return Context(filtered(loaded.digest, view, loaded.frames), loaded.frames, view, opts, loaded.digest)


_VIEW = "page_view"  # session state: the view this run's page shows, for what names its downloads


def current_view() -> View | None:
    """The view the sidebar chose on this page run (None before any page has drawn it)."""
    return st.session_state.get(_VIEW)
