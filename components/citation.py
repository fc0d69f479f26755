"""'How to cite this' under a chart or a page: the reference from inspections.citation, with a copy button."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from inspections.citation import citation, view_address


def current_address() -> str:
    """This page's address with the view's query string (the sidebar keeps the URL in step with the filters)."""
    query = {key: ",".join(st.query_params.get_all(key)) for key in st.query_params}
    return view_address(st.context.url, query)


def records_checked() -> dt.date:
    """When the records behind the page were last checked against their sources."""
    from components.data import load  # here, not above: components.data draws the sidebar, which uses blocks

    frames = load().frames
    return frames.checked.date() if frames is not None else dt.date.today()


def cite_text(title: str, source: str) -> str:
    return citation(title, source, records_checked(), current_address(), dt.date.today())


def cite_block(title: str, source: str, *, what: str = "chart") -> None:
    """A folded 'How to cite this' with the reference in a code box, whose corner button copies it."""
    with st.expander(f"How to cite this {what}"):
        st.code(cite_text(title, source), language=None, wrap_lines=True)
        st.caption("In the Harvard form committee papers use. The address reproduces this view, filters included.")
