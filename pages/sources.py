"""Sources and data: every record as a table, downloads, a data dictionary and the validation summary."""

from functools import partial

import pandas as pd
import streamlit as st

from components.blocks import table_with_downloads
from components.captions import checked_label, source_line, table_about
from components.citation import cite_block
from components.data import derived, page_context
from components.export import FORMATS
from components.record_tables import change_log, prepare_workbook, record_tables, workbook
from components.since_view import since_banner
from inspections.dictionary import DATA_DICTIONARY

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
changes = since_banner(ctx, everything=True)


st.subheader("What has changed in the records", anchor=False)
log = everything.changes
checked = everything.authorities["checked"]
first_logged = checked_label(everything) if log.empty else f"{log['date'].min():%-d %B %Y}"
st.markdown(
    f"The changes made to the records since {first_logged}, when this log begins, newest first ({len(log)} "
    f"{'entry' if len(log) == 1 else 'entries'}), kept in `data/changes.yaml` and checked with the records: each names "
    "the records it changed and where it can be checked. Corrections after an independent check are entries like any "
    "other; earlier changes are in the project's git history. Each authority's records were last checked on "
    f"{checked_label(everything) if checked.nunique() <= 1 else 'the date in the Authorities table'}."
)
if log.empty:
    st.info("No change is recorded.")
else:
    shown_log = derived(ctx, change_log, everything=True)
    if changes is not None:
        after = (log["date"] > pd.Timestamp(changes.since)).map({True: "After this date", False: ""})
        shown_log = shown_log.assign(**{f"Since {changes.label}": after.to_numpy()})
        shown_log = shown_log[[shown_log.columns[-1], *shown_log.columns[:-1]]]
    table_with_downloads(
        "change_log", shown_log, file_stem="records-change-log", content_key=f"{ctx.digest}:changes:{ctx.view.since}"
    )

st.subheader("Every record", anchor=False)
tables = derived(ctx, record_tables, everything=True)
prepare_workbook(everything)  # in the background, once per records: ready by the time anyone clicks
st.download_button(
    "Download every table (Excel)",
    partial(workbook, everything),  # waits for that build if it is still going
    file_name="ofsted-records_all-tables.xlsx",
    mime=FORMATS["xlsx"].mime,
    key="xlsx_all",
    icon=":material/download:",
    on_click="ignore",
)
# Only the open tab's table is sent: all nine were 1.1 MB and 77 messages on every run of the page, and most
# visitors read one. Choosing another tab reruns the page with that one (Streamlit's stateful tabs).
chosen = st.tabs(list(tables), key="records_tab", on_change="rerun")
for tab, (name, table) in zip(chosen, tables.items(), strict=True):
    if not tab.open:
        continue
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
cite_block("Records of Ofsted inspections of North East children's services", source_line(everything), what="data")
