"""The print downloads under each chart (PNG, SVG and PDF, drawn on the server by Chromium): prepared when the
visitor asks, then held for that visitor, so every file is there when the browser asks for it.

Why two steps: Streamlit 1.67 deletes a file that a download button made on click (a callable) at the second
script run to finish anywhere on the server, so under load a print link could 404 before the browser fetched
it; and a click's failure could not be shown on the page. Here one button draws all three files in the page's
own run, with the time limit of components.renderer, and says in words what went wrong if it could not. The
files then sit in this visitor's session and are offered as ordinary downloads (bytes, like the CSV and Excel
files), which Streamlit keeps while the buttons are on the page.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

import plotly.graph_objects as go
import streamlit as st

from components import export, print_layout
from components.captions import Caption
from components.shared_figures import share
from inspections.once import once_per_object

_LOGGER = logging.getLogger(__name__)
PRINT_FORMATS: tuple[export.Format, ...] = ("png", "svg", "pdf")
PREPARE_LABEL = "Prepare print files"
_PREPARED = "print_files"  # session state: chart key -> Prepared
_FAILED = "print_failed"  # session state: chart key -> what went wrong last time, for the visitor
_HELP = {
    "png": "A print-quality picture (2,400 pixels wide) with the title, filters and source drawn in.",
    "svg": "A scalable picture for designers; keeps the title, filters and source.",
    "pdf": "A vector PDF of the chart with its title, filters and source, sharp at any size.",
}
PREPARE_HELP = (
    "Draws the chart for print, with its title, filters and source, as a PNG (2,400 pixels wide), an SVG and a "
    f"PDF. It takes a few seconds (at most {export.RENDER_TIMEOUT:.0f}); then each has its own download button."
)
UNEXPECTED_HELP = (
    "The print files could not be drawn. Please try again; if it fails again, tell whoever runs the dashboard, "
    "who can find the reason in the server's log."
)


@dataclass(frozen=True)
class Prepared:
    """A chart's print files, and what they were drawn from: a shared cached figure keeps its identity while the
    view and records are unchanged, so `figure is` tells whether they still match the chart on the page."""

    figure: go.Figure
    caption: Caption
    files: Mapping[str, bytes]


def print_downloads(place, key: str, caption: Caption, figure: go.Figure, file_names: Mapping[str, str]) -> str | None:
    """Draw the print downloads in `place` (a download row): a button to prepare them, or the three downloads once
    prepared, or disabled downloads saying why there can be none. Returns what stops print export, if anything."""
    problem = export.chromium_problem()
    prepared = _prepared(key, figure, caption)
    if prepared is not None:
        _downloads(place, key, prepared.files, file_names)
        return None
    if problem:
        _downloads(place, key, {}, file_names, disabled_because=problem)
        return problem
    slot = place.empty()
    if slot.button(PREPARE_LABEL, key=f"print_{key}", icon=":material/print:", help=PREPARE_HELP):
        with slot, st.spinner("Drawing the print files…"):
            prepared = _prepare(key, figure, caption)
        if prepared is not None:
            from components.blocks import download_row  # here: blocks imports this module

            with slot:
                _downloads(download_row(), key, prepared.files, file_names)
    failed = st.session_state.get(_FAILED, {}).get(key)
    if failed and prepared is None:
        st.error(failed, icon=":material/print_disabled:")
    return None


def _prepared(key: str, figure: go.Figure, caption: Caption) -> Prepared | None:
    prepared = st.session_state.get(_PREPARED, {}).get(key)
    if prepared is not None and prepared.figure is figure and prepared.caption == caption:
        return prepared
    return None


def _prepare(key: str, figure: go.Figure, caption: Caption) -> Prepared | None:
    """Draw the three files, keep them for this visitor, or keep what went wrong, in the visitor's words."""
    failures = st.session_state.setdefault(_FAILED, {})
    try:
        printed = _print_ready(figure, caption.title, caption.subtitle, caption.source)
        drawn = export.renderer().render_many([export.RenderJob(printed, fmt) for fmt in PRINT_FORMATS])
    except (export.ChromiumMissing, export.ExportFailed) as exc:  # their messages are written for visitors
        failures[key] = str(exc)
        return None
    except Exception:
        _LOGGER.exception("print files for %s could not be drawn", key)
        failures[key] = UNEXPECTED_HELP
        return None
    failures.pop(key, None)
    prepared = Prepared(figure, caption, dict(zip(PRINT_FORMATS, drawn, strict=True)))
    st.session_state.setdefault(_PREPARED, {})[key] = prepared
    return prepared


@once_per_object
def _print_ready(figure: go.Figure, title: str, subtitle: str, source: str) -> go.Figure:
    # Laid out for print once per shared figure and words, not for every visitor who prepares it: the copy and
    # re-layout cost tens of milliseconds, and the drawn files are shared anyway (components.render_jobs).
    return share(print_layout.with_titles(figure, title, subtitle, source))


def _downloads(
    place, key: str, files: Mapping[str, bytes], file_names: Mapping[str, str], *, disabled_because: str | None = None
) -> None:
    for fmt in PRINT_FORMATS:
        kind = export.FORMATS[fmt]
        place.download_button(
            f"Download {kind.label}",
            files.get(fmt, b""),
            file_name=file_names[fmt],
            mime=kind.mime,
            key=f"{fmt}_{key}",
            icon=":material/image:",
            on_click="ignore",
            disabled=disabled_because is not None,
            help=disabled_because or _HELP[fmt],
        )
