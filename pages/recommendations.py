"""Recommendations: what Ofsted asked for, and what has been reported since."""

import streamlit as st

from components import exhibits
from components.blocks import chart_block, table_with_downloads
from components.captions import filter_description, table_about
from components.data import content_key, derived, page_context
from inspections.vocab import STATUS_LABELS

ctx = page_context()
frames = ctx.frames

st.title("Recommendations", anchor=False)
st.markdown(
    "Each Ofsted recommendation is shown at its latest reported status. **Who says so matters:** a later Ofsted "
    "inspection finding an issue improved is stronger evidence than a council paper reporting an action complete. "
    "**No update found** means no later source we found reports on it; it is not the same as done."
)
recs = frames.recommendations
if recs.empty:
    st.warning("No recommendations match these filters.")
    st.stop()

for key, build in (("status", exhibits.status), ("history", exhibits.history)):
    chart = derived(ctx, build, ctx.view, ctx.options)
    chart_block(
        key, chart.caption, chart.figure, chart.table, file_stem=chart.file_stem, content_key=content_key(ctx, key)
    )

st.subheader("Every recommendation", anchor=False)
left, middle, right = st.columns(3)
statuses = middle.multiselect(
    "Latest status", list(STATUS_LABELS.values()), placeholder="All statuses", key="rec_status"
)
events = right.multiselect("Event", list(dict.fromkeys(recs["event_label"])), placeholder="All events", key="rec_event")
open_only = left.toggle("Only those not reported done", key="rec_open")
shown = recs
if statuses:
    shown = shown[shown["status"].isin(statuses)]
if events:
    shown = shown[shown["event_label"].isin(events)]
if open_only:
    shown = shown[shown["open"]]
table = shown[
    [
        "authority",
        "event_label",
        "text",
        "theme_labels",
        "national_framework",
        "status",
        "evidence",
        "status_date",
        "status_note",
        "age_days",
        "source_url",
    ]
].rename(
    columns={
        "authority": "Authority",
        "event_label": "Event",
        "text": "Recommendation (our words)",
        "theme_labels": "Themes (ours)",
        "national_framework": "National Framework (Ofsted's tag)",
        "status": "Latest status",
        "evidence": "Who says so",
        "status_date": "Status date",
        "status_note": "What was reported",
        "age_days": "Days open at records check",
        "source_url": "Source",
    }
)
st.caption(f"{len(table)} of {len(recs)} recommendations. Use the sidebar to filter by authority and theme.")
table_with_downloads(
    "recommendations",
    table,
    file_stem="recommendations",
    about=table_about(
        "Every recommendation and its latest status", frames, filter_description(frames, ctx.view, ctx.options)
    ),
    for_view=True,
    content_key=content_key(ctx, "recommendations", statuses, events, open_only),
)

with st.expander("Every status update, with its source"):
    updates = frames.updates[["authority", "rec_id", "date_label", "status", "evidence", "note", "source_url"]].rename(
        columns={
            "authority": "Authority",
            "rec_id": "Recommendation",
            "date_label": "Date",
            "status": "Status",
            "evidence": "Who says so",
            "note": "What was reported",
            "source_url": "Source",
        }
    )
    table_with_downloads(
        "updates",
        updates,
        file_stem="status-updates",
        about=table_about("Every status update", frames, filter_description(frames, ctx.view, ctx.options)),
        for_view=True,
        content_key=content_key(ctx, "updates"),
    )
