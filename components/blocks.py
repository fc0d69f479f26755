"""Streamlit layout pieces shared by the pages: a chart with its words and its table, downloads, the error panel."""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.captions import Caption
from components.downloads import csv_bytes, excel_bytes, safe_filename
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
):
    """Title, subtitle, the chart, its source line, a one-sentence summary and the table behind it."""
    st.subheader(caption.title, anchor=False)
    st.caption(caption.subtitle)
    config = {
        **_PLOTLY_CONFIG,
        "toImageButtonOptions": {**_PLOTLY_CONFIG["toImageButtonOptions"], "filename": file_stem},
    }
    event = st.plotly_chart(
        figure,
        theme=None,
        key=f"chart_{key}",
        config=config,
        alt=caption.summary,
        on_select=on_select,
        selection_mode=selection_mode,
    )
    st.caption(caption.source)
    st.markdown(f"**In words:** {md_escape(caption.summary)}")
    with st.expander("Table of the numbers behind this chart"):
        table_with_downloads(key, table, file_stem=file_stem, notes=[caption.title, caption.subtitle, caption.source])
    return event


def table_with_downloads(key: str, table: pd.DataFrame, *, file_stem: str, notes: list[str] | None = None) -> None:
    st.dataframe(table, hide_index=True, width="stretch", column_config=_link_columns(table))
    left, right, _ = st.columns([1, 1, 3])
    left.download_button(
        "Download CSV",
        csv_bytes(table),
        file_name=safe_filename(file_stem, extension="csv"),
        mime="text/csv",
        key=f"csv_{key}",
        icon=":material/download:",
    )
    right.download_button(
        "Download Excel",
        excel_bytes({file_stem: table}, notes),
        file_name=safe_filename(file_stem, extension="xlsx"),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"xlsx_{key}",
        icon=":material/download:",
    )


def _link_columns(table: pd.DataFrame) -> dict:
    config = {}
    for column in table.columns:
        if column.lower() in {"source", "url", "source_url", "source link"}:
            config[column] = st.column_config.LinkColumn(column, display_text="Open source", validate=r"^https?://")
    return config


def md_escape(text: str) -> str:
    """Records text for st.markdown: no HTML, links, formatting or maths, and no list at the start.

    Only the characters that start markdown syntax are escaped, so full stops and hyphens (in web
    addresses too, which Streamlit links only when they are plain http(s)) show as written.
    """
    escaped = re.sub(r"([\\`*_\[\]<>|~$#])", r"\\\1", str(text))
    return re.sub(r"^(\s*)([-+]|\d+\.)", r"\1\\\2", escaped)


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
            {"File": e.file, "Line": str(e.line) if e.line else "–", "Where": e.path, "Problem": e.message}
            for e in errors
        ]
    )
    st.dataframe(table, hide_index=True, width="stretch")
    st.markdown("Check a file from the command line with `python -m inspections validate PATH`.")
