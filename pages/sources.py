"""Sources and data: every record as a table, downloads, a data dictionary and the validation summary."""

import pandas as pd
import streamlit as st

from components.blocks import table_with_downloads
from components.captions import checked_label, table_about
from components.data import derived, page_context
from components.downloads import excel_bytes
from inspections.dictionary import DATA_DICTIONARY
from inspections.frames import Frames

ctx = page_context()
everything = ctx.everything

st.title("Sources and data", anchor=False)
events = everything.events
st.success(
    f"The records passed validation: {len(everything.authorities)} authorities, {len(events)} events, "
    f"{len(everything.findings)} findings, {len(everything.recommendations)} recommendations, "
    f"{len(everything.updates)} status updates and {len(everything.sources)} sources. "
    f"Records checked against their sources on {checked_label(everything)}.",
    icon=":material/verified:",
)
st.markdown("These tables hold every record, whatever the sidebar filters say.")


def record_tables(everything: Frames) -> dict[str, pd.DataFrame]:
    """The records as tables to read and download. The frames' start, end and date columns are left out: they
    place a partial date on the timeline (mid-month where only the month is known), and in a spreadsheet they would
    read as days no source gives. The dates as the sources give them are in the label columns beside them."""
    placed = ["start", "end", "date"]
    return {
        "Sources": everything.sources,
        "Events": everything.events.drop(columns=placed),
        "Judgements": everything.judgements.drop(columns=["date"]),
        "Findings": everything.findings.drop(columns=["date"]),
        "Recommendations": everything.recommendations.drop(columns=["date"]),
        "Status updates": everything.updates.drop(columns=["date"]),
        "Themes": everything.themes,
    }


def workbook(everything: Frames) -> bytes:
    """Every table in one workbook: the slowest thing on the page, so built once per records file."""
    about = table_about("Every record: every table", everything, "Every record, whatever the filters")
    return excel_bytes(record_tables(everything), about)


tables = derived(ctx, record_tables, everything=True)
st.download_button(
    "Download every table (Excel)",
    derived(ctx, workbook, everything=True),
    file_name="ofsted-records_all-tables.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    key="xlsx_all",
    icon=":material/download:",
)
for tab, (name, table) in zip(st.tabs(list(tables)), tables.items(), strict=True):
    with tab:
        table_with_downloads(
            f"all_{name}",
            table,
            file_stem=f"records-{name}",
            about=table_about(f"Every record: {name.lower()}", everything, "Every record, whatever the filters"),
            content_key=f"{ctx.digest}:{name}",
        )

st.subheader("Data dictionary", anchor=False)
st.dataframe(DATA_DICTIONARY, hide_index=True, width="stretch")
