"""Streamlit layout pieces shared by the pages: a chart with its words and its table, downloads, the error panel."""

from __future__ import annotations

import hashlib
from functools import partial
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.arrow_tables import arrow_table
from components.captions import Caption, checked_label, download_about
from components.citation import cite_block
from components.downloads import (
    URL_COLUMNS,
    WEB_LINK_PATTERN,
    About,
    csv_bytes,
    excel_bytes,
    export_filename,
    safe_filename,
)
from components.export import FORMATS
from components.phone_layout import is_phone, phone_figure
from components.print_files import PRINT_FORMATS, print_downloads
from components.text_safety import md_escape
from inspections.errors import RecordError

# Plotly's own toolbar PNG, sized for a slide or a paper; server-side print exports are separate.
_PLOTLY_CONFIG = {"displaylogo": False, "toImageButtonOptions": {"format": "png", "scale": 2}}


def chart_block(
    key: str,
    caption: Caption,
    figure: go.Figure,
    table: pd.DataFrame,
    *,
    file_stem: str,
    on_select: str = "ignore",
    selection_mode: str | tuple[str, ...] = "points",
    for_view: bool = True,
    content_key: str = "",
):
    """Title, subtitle, the chart, its source line, a one-sentence summary and the table behind it. for_view=False
    for a chart of the whole region whatever the sidebar says: its file names then do not name the sidebar's choice."""
    st.subheader(md_escape(caption.title), anchor=False)  # captions carry authority names and theme labels
    st.caption(md_escape(caption.subtitle))
    config = {
        **_PLOTLY_CONFIG,
        "toImageButtonOptions": {**_PLOTLY_CONFIG["toImageButtonOptions"], "filename": file_stem},
    }
    shown = phone_figure(figure) if is_phone(st.context.headers.get("User-Agent")) else figure
    event = st.plotly_chart(
        shown,
        theme=None,
        key=f"chart_{key}",
        config=config,
        alt=caption.summary,
        on_select=on_select,
        selection_mode=selection_mode,
    )
    st.caption(md_escape(caption.source))
    st.markdown(f"**In words:** {md_escape(caption.summary)}")
    cite_block(caption.title, caption.source)
    chart_downloads(key, caption, figure, table, file_stem=file_stem, for_view=for_view, content_key=content_key)
    with folded("Table of the numbers behind this chart", f"table_{key}") as box:
        if box.open:
            st.dataframe(arrow_table(table), hide_index=True, width="stretch", column_config=link_columns(table))
    return event


FOLDED_PREFIX = "folded_"  # the session state keys of folded() expanders (testing.apptest opens them by this)


def folded(label: str, key: str):
    """A closed expander whose content is drawn only once the reader opens it: use `with folded(...) as box:` and
    draw inside `if box.open:`. Opening it is a page run (Streamlit's documented lazy expander), but a closed
    table costs nothing: drawing every table behind every chart, in case someone opened it, was about a tenth of
    the server's time under bench/load_test.py (the tables' Arrow conversion and their messages)."""
    return st.expander(label, key=f"{FOLDED_PREFIX}{key}", on_change="rerun")


def chart_downloads(
    key: str,
    caption: Caption,
    figure: go.Figure,
    table: pd.DataFrame,
    *,
    file_stem: str,
    for_view: bool = True,
    content_key: str = "",
) -> None:
    """One row of downloads under a chart: print-ready PNG, SVG and PDF (prepared on the server when asked, see
    components.print_files), and the numbers as CSV and Excel. Without Chromium the print buttons are disabled and
    say why."""
    row = download_row()
    names = {
        fmt: view_filename(file_stem, fmt) if for_view else safe_filename(file_stem, extension=fmt)
        for fmt in PRINT_FORMATS
    }
    problem = print_downloads(row, key, caption, figure, names)
    about = download_about(caption.title, caption.subtitle, caption.source, _checked())
    _table_downloads(key, table, file_stem, about, row, for_view=for_view, content_key=content_key)
    if problem:
        st.caption(f"**Print downloads are unavailable.** {problem}")  # our own words, not records text


def view_filename(file_stem: str, extension: str) -> str:
    """A download's file name naming what it is and the chosen authorities and years."""
    from components.data import current_view  # here, not at the top: components.data imports the sidebar

    view = current_view()
    if view is None:
        return safe_filename(file_stem, extension=extension)
    return export_filename(file_stem, extension, list(view.authorities), view.first_year, view.last_year)


def _checked() -> str:
    """When the records being shown were last checked against their sources, as the captions write it."""
    from components.data import load  # here, not at the top: components.data imports the sidebar, which uses blocks

    frames = load().frames
    return checked_label(frames) if frames is not None else ""


def table_with_downloads(
    key: str,
    table: pd.DataFrame,
    *,
    file_stem: str,
    about: About | None = None,
    for_view: bool = False,
    content_key: str = "",
) -> None:
    """A table with its CSV and Excel downloads; about is what the Excel file's About sheet says. for_view when
    the table follows the sidebar's filters, so its file names name the chosen authorities and years. content_key,
    when the caller knows one (the records digest and the table's name), names the table's content so it need not
    be hashed on every run."""
    st.dataframe(arrow_table(table), hide_index=True, width="stretch", column_config=link_columns(table))
    _table_downloads(key, table, file_stem, about, download_row(), for_view=for_view, content_key=content_key)


def download_row():
    """A row of download buttons side by side, wrapping on a narrow screen. One horizontal container rather than
    columns: a page's every message costs the server time on every run, and a row of columns is a message for the
    row and one for each column (a fifth of the Sources page's messages)."""
    return st.container(horizontal=True, gap="small")


def _table_downloads(
    key: str,
    table: pd.DataFrame,
    file_stem: str,
    about: About | None,
    place,
    *,
    for_view: bool = False,
    content_key: str = "",
) -> None:
    """CSV and Excel buttons for a table, made safe for spreadsheets, in place (a download row); with for_view,
    the file names also name the chosen authorities and years."""

    def name(extension: str) -> str:
        return view_filename(file_stem, extension) if for_view else safe_filename(file_stem, extension=extension)

    for kind in ("csv", "xlsx"):
        place.download_button(
            f"Download {FORMATS[kind].label}",
            partial(table_file, kind, table, file_stem, about, content_key),  # made on click: see table_file
            file_name=name(kind),
            mime=FORMATS[kind].mime,
            key=f"{kind}_{key}",
            icon=":material/download:",
            on_click="ignore",
        )


def table_file(kind: str, table: pd.DataFrame, file_stem: str, about: About | None, content_key: str = "") -> bytes:
    """A table's CSV or Excel file, made when a visitor clicks its button and kept for the next click, by anyone.

    Making every table's files for every new view was the largest cost of a page run under load (openpyxl took
    tens of milliseconds even for a five-row workbook), though few visitors download. Streamlit could delete a
    file made on click before the browser fetched it; components.streamlit_workarounds keeps it for a minute.
    """
    try:
        content = content_key.encode() or pd.util.hash_pandas_object(table, index=False).to_numpy().tobytes()
    except TypeError:  # a cell Streamlit can show but pandas cannot hash (a list): make it afresh
        return _table_file(kind, table, file_stem, about)
    fingerprint = hashlib.sha256(content + repr((list(table.columns), file_stem, about)).encode()).hexdigest()
    return _cached_table_file(kind=kind, fingerprint=fingerprint, _table=table, _stem=file_stem, _about=about)


@st.cache_resource(max_entries=256, show_spinner=False)
def _cached_table_file(kind: str, fingerprint: str, _table: pd.DataFrame, _stem: str, _about: About | None):
    return _table_file(kind, _table, _stem, _about)


def _table_file(kind: str, table: pd.DataFrame, file_stem: str, about: About | None) -> bytes:
    return csv_bytes(table) if kind == "csv" else excel_bytes({file_stem: table}, about)


def link_columns(table: pd.DataFrame) -> dict:
    """Column settings that show a table's source addresses as links, for st.dataframe."""
    config = {}
    for column in table.columns:
        if column.lower() in URL_COLUMNS:
            config[column] = st.column_config.LinkColumn(column, display_text="Open source", validate=WEB_LINK_PATTERN)
    return config


_PROJECT = Path(__file__).resolve().parent.parent


def shown_file(name: str) -> str:
    """A records file as a visitor may see it named: from the project folder (data/authorities/durham.yaml), or
    by its name alone when it lives elsewhere, since where the server keeps files is nobody else's business.
    The full path is in the server log (components/data.py)."""
    path = Path(name)
    if not path.is_absolute():
        path = Path.cwd() / path
    try:
        return path.resolve().relative_to(_PROJECT).as_posix()
    except (ValueError, OSError):
        return path.name or name


def show_errors(errors: tuple[RecordError, ...] | list[RecordError]) -> None:
    """The panel shown instead of the pages when the records cannot be used."""
    st.title("The records need attention", anchor=False)
    count = len(errors)
    st.error(
        f"The dashboard cannot show the records because the data file has {count} problem{'s' if count != 1 else ''}. "
        "Nothing has been changed. Fix each one below, then reload this page.",
        icon=":material/error:",
    )
    table = pd.DataFrame(
        [
            {"File": shown_file(e.file), "Line": str(e.line) if e.line else "–", "Where": e.path, "Problem": e.message}
            for e in errors
        ]
    )
    st.dataframe(table, hide_index=True, width="stretch")
    st.markdown("Check a file from the command line with `python -m inspections validate PATH`.")
