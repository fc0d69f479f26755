"""Judgement timeline: every inspection and visit on a time axis, one row per authority."""

import streamlit as st

from components import captions, charts
from components.blocks import chart_block
from components.data import derived, page_context
from inspections.frames import Frames


def timeline_figure(frames: Frames):
    return charts.timeline_figure(frames.events)


def judgements_figure(frames: Frames):
    return charts.judgements_figure(frames.judgements)


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

caption = derived(ctx, captions.timeline_caption, ctx.view, ctx.options)
table = frames.events[
    ["authority", "kind_label", "fieldwork", "published", "grades", "unconfirmed", "note", "source_url"]
].rename(
    columns={
        "authority": "Authority",
        "kind_label": "Kind of event",
        "fieldwork": "Fieldwork",
        "published": "Published",
        "grades": "Grades",
        "unconfirmed": "Not confirmed",
        "note": "Note",
        "source_url": "Source",
    }
)
chart_block("timeline", caption, derived(ctx, timeline_figure), table, file_stem="judgement-timeline")

if st.toggle("Show every judgement area (sub-judgements)", key="show_subjudgements"):
    if frames.judgements.empty:
        st.info("No graded judgements match these filters.")
    else:
        sub = derived(ctx, captions.judgements_caption, ctx.view, ctx.options)
        sub_table = frames.judgements[["authority", "event_label", "area", "grade", "source_url"]].rename(
            columns={
                "authority": "Authority",
                "event_label": "Event",
                "area": "Judgement area",
                "grade": "Grade",
                "source_url": "Source",
            }
        )
        chart_block("judgements", sub, derived(ctx, judgements_figure), sub_table, file_stem="judgement-areas")
