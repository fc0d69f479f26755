"""Judgement timeline: every inspection and visit on a time axis, one row per authority."""

import streamlit as st

from components import exhibits
from components.blocks import chart_block
from components.data import content_key, derived, page_context
from components.since_view import since_banner

ctx = page_context()
frames = ctx.frames

st.title("Judgement timeline", anchor=False)
st.markdown(
    "Each mark is one Ofsted inspection or visit. Graded inspections show the overall grade by shape, colour and "
    "label; visits that Ofsted does not grade are open circles. Shaded bands show the inspection framework in force."
)
if frames.events.empty:
    st.warning("No inspections or visits match these filters.")
    st.stop()
changes = since_banner(ctx)

timeline = derived(ctx, exhibits.timeline, ctx.view, ctx.options)
chart_block("timeline", **timeline.on_page(), content_key=content_key(ctx, "timeline"))

if st.toggle("Show every judgement area (sub-judgements)", key="show_subjudgements"):
    areas = derived(ctx, exhibits.judgements, ctx.view, ctx.options)
    if areas is None:
        st.info("No graded judgements match these filters.")
    else:
        chart_block("judgements", **areas.on_page(), content_key=content_key(ctx, "judgements"))
