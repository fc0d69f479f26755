"""Ofsted children's services in the North East: the router. Pages live in pages/."""

import streamlit as st

from components import data
from components.blocks import show_errors
from inspections.text_columns import use_python_strings

use_python_strings()  # before any frame is built: see inspections/text_columns.py

st.set_page_config(
    page_title="Ofsted children's services: North East comparisons",
    page_icon=":material/child_care:",
    layout="wide",
)

loaded = data.load()
if loaded.errors:
    st.navigation(
        [st.Page(lambda: show_errors(loaded.errors), title="Records need attention", url_path="errors")]
    ).run()
    st.stop()

PAGES = [
    st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("pages/region.py", title="The region side by side", icon=":material/map:", url_path="region"),
    st.Page("pages/timeline.py", title="Judgement timeline", icon=":material/timeline:", url_path="timeline"),
    st.Page("pages/themes.py", title="Recurring themes", icon=":material/grid_on:", url_path="themes"),
    st.Page(
        "pages/recommendations.py", title="Recommendations", icon=":material/checklist:", url_path="recommendations"
    ),
    st.Page("pages/sources.py", title="Sources and data", icon=":material/table:", url_path="sources"),
    st.Page("pages/pack.py", title="Committee pack", icon=":material/description:", url_path="pack"),
]
st.navigation(PAGES).run()
