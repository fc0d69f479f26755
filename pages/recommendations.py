"""Recommendations: what Ofsted asked for, and what has been reported since."""

import pandas as pd
import streamlit as st

from components import exhibits, recommendation_tables
from components.blocks import chart_block, folded, table_with_downloads
from components.captions import filter_description, source_line, table_about
from components.citation import cite_block
from components.data import content_key, derived, page_context
from components.since_view import since_banner
from components.text_safety import md_escape
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
changes = since_banner(ctx)

for key, build in (("status", exhibits.status), ("history", exhibits.history)):
    chart = derived(ctx, build, ctx.view, ctx.options)
    chart_block(key, **chart.on_page(), content_key=content_key(ctx, key))

st.subheader("Every recommendation", anchor=False)
changed_only = changes is not None and st.toggle(
    f"Only those whose status changed since {changes.label}", key="rec_changed"
)
left, middle, right = st.columns(3)
statuses = middle.multiselect(
    "Latest status", list(STATUS_LABELS.values()), placeholder="All statuses", key="rec_status"
)
events = right.multiselect("Event", list(dict.fromkeys(recs["event_label"])), placeholder="All events", key="rec_event")
open_only = left.toggle("Only those not reported done", key="rec_open")
shown, table = derived(
    ctx,
    recommendation_tables.chosen_recommendations,
    ctx.view.since,
    tuple(statuses),
    tuple(events),
    open_only,
    bool(changed_only),
)
st.caption(
    f"{len(table)} of {len(recs)} recommendations. Use the sidebar to filter by authority and theme. Each row gives "
    "where the recommendation came from and, separately, who said its latest status, with both sources."
)
table_with_downloads(
    "recommendations",
    table,
    file_stem="recommendations",
    about=table_about(
        "Every recommendation and its latest status", frames, filter_description(frames, ctx.view, ctx.options)
    ),
    for_view=True,
    content_key=content_key(ctx, "recommendations", statuses, events, open_only, changed_only),
)
cite_block(
    f"Every recommendation and its latest status: {filter_description(frames, ctx.view, ctx.options)}",
    source_line(frames, pd.concat([frames.events["publisher"], frames.updates["publisher"]])),
    what="table",
)

st.subheader("One recommendation's status over time", anchor=False)
labels = {
    rec: f"{authority}, {event}: {short}"
    for rec, authority, event, short in zip(
        shown["rec_id"], shown["authority"], shown["event_label"], shown["short_text"], strict=True
    )
}
if not labels:
    st.info("No recommendation in the table above.")
else:
    chosen = st.selectbox(
        "Recommendation (from the table above)", list(labels), format_func=labels.get, key="rec_detail"
    )
    row = shown[shown["rec_id"] == chosen].iloc[0]
    st.markdown(f"**{md_escape(row['text'])}**")
    st.caption(md_escape(f"Made at the {row['event_label']} ({row['authority']})."))
    history = derived(ctx, recommendation_tables.status_history, ctx.view.since, chosen)
    if history.empty:
        st.markdown("**No update found**: no later source we found reports on it.")
    else:
        table_with_downloads(
            "rec_history",
            history,
            file_stem=f"status-history-{chosen}",
            content_key=content_key(ctx, "rec-history", chosen),
        )

with folded("Every status update, with its source", "updates") as box:
    if box.open:
        table_with_downloads(
            "updates",
            derived(ctx, recommendation_tables.status_updates, ctx.view.since),
            file_stem="status-updates",
            about=table_about("Every status update", frames, filter_description(frames, ctx.view, ctx.options)),
            for_view=True,
            content_key=content_key(ctx, "updates"),
        )
