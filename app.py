"""Ofsted children's services in the North East: the router. Pages live in pages/."""

import streamlit as st

from components import data, streamlit_workarounds
from components.blocks import show_errors
from inspections.text_columns import use_python_strings

use_python_strings()  # before any frame is built: see inspections/text_columns.py
streamlit_workarounds.install()  # what Streamlit 1.67 has no public API for; raises if its internals have moved

st.set_page_config(
    page_title="Ofsted children's services: North East comparisons",
    page_icon=":material/child_care:",
    layout="wide",
)

# (script, title, icon, address); the first is the default page at the site's root.
PAGES = (
    ("pages/overview.py", "Overview", ":material/dashboard:", ""),
    ("pages/region.py", "The region side by side", ":material/map:", "region"),
    ("pages/timeline.py", "Judgement timeline", ":material/timeline:", "timeline"),
    ("pages/themes.py", "Recurring themes", ":material/grid_on:", "themes"),
    ("pages/recommendations.py", "Recommendations", ":material/checklist:", "recommendations"),
    ("pages/sources.py", "Sources and data", ":material/table:", "sources"),
    ("pages/pack.py", "Committee pack", ":material/description:", "pack"),
)

loaded = data.load()
if loaded.errors:
    # The panel answers at every page's address, so a shared link never meets "Page not found" and a tab
    # left open returns to the page it asked for once the records are fixed.
    def panel() -> None:
        show_errors(loaded.errors)

    panels = [
        st.Page(panel, title="Records need attention", url_path=address or "errors", default=not address)
        for _, _, _, address in PAGES
    ]
    st.navigation(panels, position="hidden").run()
    st.stop()

# Made once per visitor: st.Page resolves and checks its script's path, about a millisecond of every run. Not
# shared between visitors, because st.navigation marks on the page object which page a run may call.
if "app_pages" not in st.session_state:
    st.session_state["app_pages"] = [
        st.Page(script, title=title, icon=icon, **({"url_path": address} if address else {"default": True}))
        for script, title, icon, address in PAGES
    ]
st.navigation(st.session_state["app_pages"]).run()
