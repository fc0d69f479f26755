"""Recurring themes: authorities by themes, with the findings behind every cell."""

import html

import streamlit as st

from components import exhibits
from components.blocks import chart_block, link_columns
from components.data import content_key, derived, page_context
from components.since_view import since_banner
from components.text_safety import md_escape
from inspections.analysis import cell_evidence
from inspections.headings import CELL_EVIDENCE, headed
from inspections.since import marked

ctx = page_context()
frames = ctx.frames

st.title("Recurring themes", anchor=False)
st.markdown(
    "Each cell counts the separate inspections and visits that raised a theme. A theme raised at two or more is "
    "marked **recurring**. Choose a cell below to read the findings behind it."
)
counting = st.radio(
    "Count", ["Areas for improvement and recommendations", "Strengths"], horizontal=True, key="matrix_kind"
)
kind = "strength" if counting == "Strengths" else "improvement"
if frames.authorities.empty or frames.themes.empty:
    st.warning("Choose at least one authority and theme.")
    st.stop()
changes = since_banner(ctx)

matrix = derived(ctx, exhibits.themes, ctx.view, ctx.options, kind)
event = chart_block(
    "themes",
    **matrix.on_page(),
    on_select="rerun",
    selection_mode="points",
    content_key=content_key(ctx, "themes", kind),
)

names = dict(zip(frames.authorities["authority"], frames.authorities["authority_id"], strict=True))
themes = dict(zip(frames.themes["theme"], frames.themes["theme_id"], strict=True))
points = event.selection.points if event else []
# The chart's labels are escaped for plotly (text_safety.esc), so "Tyne & Wear" comes back as "Tyne &amp; Wear".
clicked = (html.unescape(str(points[0].get("x"))), html.unescape(str(points[0].get("y")))) if points else None
if clicked and clicked != st.session_state.get("cell_clicked"):
    # A new click on a cell chooses it in the selectboxes below; later choices there are left alone.
    st.session_state["cell_clicked"] = clicked
    if clicked[0] in names and clicked[1] in themes:
        st.session_state["cell_authority"], st.session_state["cell_theme"] = clicked

st.subheader("Findings behind a cell", anchor=False)
left, right = st.columns(2)
authority = left.selectbox("Authority", list(names), key="cell_authority")
theme = right.selectbox("Theme", list(themes), key="cell_theme")
evidence = derived(ctx, cell_evidence, names[authority], themes[theme], kind)
if evidence.empty:
    st.info(md_escape(f"No {counting.lower()} about {theme.lower()} for {authority} in this selection."))
else:
    st.caption(f"{len(evidence)} findings from {evidence['event_id'].nunique()} inspections or visits, oldest first.")
    shown = marked(
        headed(evidence, CELL_EVIDENCE),
        evidence,
        changes,
    )
    st.dataframe(shown, hide_index=True, width="stretch", column_config=link_columns(shown))
