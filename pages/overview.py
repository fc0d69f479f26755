"""Overview: one card per authority, a short regional summary, and where the data comes from."""

import streamlit as st

from components import exhibits
from components.blocks import folded, table_with_downloads
from components.captions import checked_label, filter_description, source_line, table_about
from components.citation import cite_block
from components.data import content_key, derived, page_context
from components.since_view import since_banner
from components.text_safety import md_escape
from inspections.cards import overview_cards
from inspections.summaries import regional_summary

ctx = page_context()
frames = ctx.frames

st.title("Ofsted children's services: North East comparisons", anchor=False)
st.markdown(
    "What Ofsted has said about councils' children's social care, from sourced records. "
    f"Showing {md_escape(filter_description(frames, ctx.view, ctx.options))}. Records checked {checked_label(frames)}."
)

cards = derived(ctx, overview_cards)
if not cards:
    st.warning("No authorities are chosen. Pick at least one in the sidebar.")
    st.stop()
changes = since_banner(ctx)

columns = st.columns(min(len(cards), 3))
for i, card in enumerate(cards):
    with columns[i % len(columns)].container(border=True):
        st.subheader(md_escape(card.authority), anchor=False)
        if card.overall_grade:
            st.markdown(f"**Overall effectiveness: {card.overall_label}**")
        elif card.latest_graded_event:
            st.markdown(f"**{card.overall_note or 'No overall grade given at the latest graded inspection'}**")
        else:
            st.markdown("**No graded inspection in this selection**")
        if card.latest_graded_event:
            st.caption(f"{card.latest_kind}; fieldwork {card.latest_fieldwork}; published {card.latest_published}")
            if not card.grades_confirmed:
                st.markdown(":material/warning: **Grades not confirmed against Ofsted's report.**")
                with st.expander("Why not confirmed"):
                    st.markdown(md_escape(card.latest_note))
            st.markdown("\n".join(f"- {area}: **{grade}**" for area, grade in card.judgements))
        st.markdown(
            f"{card.events} inspections and visits recorded · {card.recommendations} recommendations, "
            f"**{card.open_recommendations} not reported done** ({card.no_update_found} with no update found)"
        )
        if card.most_recent_event and card.most_recent_event != card.latest_graded_event:
            st.caption(md_escape(f"Most recent event: {card.most_recent_event}"))
        if changes is not None:
            mine_new = changes.events[changes.events["authority_id"] == card.authority_id]
            new = [
                f"{label.split(',')[0]}, published {published}"
                for label, published in zip(mine_new["event_label"], mine_new["published"], strict=True)
            ]
            moved = int((changes.changed["authority_id"] == card.authority_id).sum())
            if new or moved:
                said = [*new, *([f"{moved} status{'es' if moved != 1 else ''} reported"] if moved else [])]
                st.markdown(f":material/update: **New since {changes.label}:** {md_escape('; '.join(said))}")

st.subheader("Across the region", anchor=False)
st.markdown("\n".join(f"- {md_escape(line)}" for line in derived(ctx, regional_summary)))

with folded("Table of the cards above", "overview") as box:
    if box.open:
        at_a_glance = derived(ctx, exhibits.summary, ctx.view, ctx.options)
        table_with_downloads(
            "overview",
            at_a_glance.table,
            file_stem="overview",
            about=table_about("Each authority at a glance", frames, filter_description(frames, ctx.view, ctx.options)),
            for_view=True,
            content_key=content_key(ctx, "overview"),
        )

st.subheader("Where the data comes from", anchor=False)
st.markdown(
    "Every event, finding and status update links to its source: Ofsted's own inspection reports and visit letters "
    "first, then council committee papers where they report progress. Findings are written in our own words. "
    "Where a source does not confirm a date or a fact, the dashboard says **not confirmed**; where no later source "
    "reports on a recommendation, it says **no update found**. See *Sources and data* for every record."
)
cite_block(
    f"Overview: {filter_description(frames, ctx.view, ctx.options)}",
    source_line(frames, frames.events["publisher"]),
    what="page",
)
