"""The app's one loader: read the records once per file content, cache the frames, filter them per view.

cache_resource, not cache_data: the frames are shared read-only by every session, so they are not copied
on each rerun (pages only ever derive new frames from them).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from components.filters import sidebar
from inspections.analysis import apply_view, options_for
from inspections.errors import RecordError, RecordsInvalid
from inspections.frames import Frames, build_frames
from inspections.load import parse_yaml
from inspections.records import data_path, validate_loaded
from inspections.view import Options, View


@dataclass(frozen=True)
class Loaded:
    path: str
    digest: str
    frames: Frames | None
    errors: tuple[RecordError, ...] = ()


def load() -> Loaded:
    """The records behind the app, validated; re-read only when the file's content changes."""
    path = data_path()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        error = RecordError(str(path), None, "", f"cannot read the records file: {exc.strerror}")
        return Loaded(str(path), "", None, (error,))
    digest = hashlib.sha256(raw).hexdigest()
    return _load_cached(str(path), digest, raw)


@st.cache_resource(show_spinner="Reading the records…", max_entries=4)
def _load_cached(path: str, digest: str, _raw: bytes) -> Loaded:
    # Keyed on path and content digest; the leading underscore stops Streamlit hashing the bytes again.
    try:
        records = validate_loaded(parse_yaml(_raw, path))
    except RecordsInvalid as exc:
        return Loaded(path, digest, None, tuple(exc.errors))
    return Loaded(path, digest, build_frames(records))


@st.cache_resource(max_entries=64, show_spinner=False)
def filtered(digest: str, view: View, _frames: Frames) -> Frames:
    """The frames for one view, cached per records digest and view."""
    return apply_view(_frames, view)


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


def _leave_legacy_page_mode() -> None:
    """Hand a page run without the router back to app.py.

    On a fresh server Streamlit treats a pages/ folder as an old-style multipage app until app.py has
    called st.navigation once, so a shared link straight to /timeline would run the page bare, without the
    router's page list, layout or error panel. Switching the flag off and rerunning sends it through app.py.
    """
    if getattr(PagesManager, "uses_pages_directory", False):
        PagesManager.uses_pages_directory = False
        st.rerun()


def page_context() -> Context:
    """Draw the shared sidebar and return what the page should show.

    Called at the top of every page rather than once in app.py: widgets drawn by the router before
    page.run() are dropped from Streamlit's test tree on reruns, and pages own their widgets anyway.
    """
    _leave_legacy_page_mode()
    loaded = load()
    opts = options(loaded)
    view = sidebar(loaded.frames, opts)
    return Context(filtered(loaded.digest, view, loaded.frames), loaded.frames, view, opts)
