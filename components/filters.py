"""The shared sidebar. The choice lives in the URL, so a copied link reproduces the view,
and in session state, so it survives a page switch."""

from __future__ import annotations

import streamlit as st

from inspections.frames import Frames
from inspections.view import Options, View, parse_query, to_query
from inspections.vocab import EVENT_KINDS

_KEYS = {"authorities": "f_authorities", "years": "f_years", "kinds": "f_kinds", "themes": "f_themes"}
_NOTICES = "f_notices"
# The filter values, kept outside widget state: Streamlit forgets a widget's value when the page
# changes (the widget on the new page is a different widget), so each run re-seeds the widgets from here.
_VALUES = "f_values"


def _query_dict() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def _values_from_link(options: Options) -> dict:
    """The filter values a link asks for; anything that cannot be used is ignored with a notice."""
    parsed = parse_query(_query_dict(), options)
    st.session_state[_NOTICES] = parsed.notices
    view = parsed.view
    return {
        "authorities": list(view.authorities),
        "years": (view.first_year, view.last_year),
        "kinds": [] if set(view.kinds) >= set(options.kinds) else list(view.kinds),
        "themes": [] if set(view.themes) >= set(options.themes) else list(view.themes),
    }


def _remember() -> None:
    """Widget callback: keep the reader's new choice, and drop notices about the old link."""
    st.session_state[_VALUES] = {name: st.session_state[key] for name, key in _KEYS.items() if key in st.session_state}
    st.session_state[_NOTICES] = []


def sidebar(frames: Frames, options: Options) -> View:
    """Draw the filters and return the chosen view; keep the URL in step with it."""
    if _VALUES not in st.session_state:
        st.session_state[_VALUES] = _values_from_link(options)
    for name, key in _KEYS.items():
        st.session_state[key] = st.session_state[_VALUES][name]

    names = dict(zip(frames.authorities["authority_id"], frames.authorities["authority"], strict=True))
    themes = dict(zip(frames.themes["theme_id"], frames.themes["theme"], strict=True))
    with st.sidebar:
        st.header("Filters", anchor=False)
        chosen = st.multiselect(
            "Authorities",
            options.authorities,
            format_func=names.get,
            key=_KEYS["authorities"],
            on_change=_remember,
            placeholder="Choose authorities",
        )
        if options.first_year < options.last_year:
            first, last = st.slider(
                "Years (date published)",
                options.first_year,
                options.last_year,
                key=_KEYS["years"],
                on_change=_remember,
            )
        else:
            first = last = options.first_year
        kinds = st.multiselect(
            "Kinds of inspection and visit",
            options.kinds,
            format_func=lambda k: EVENT_KINDS[k].short,
            key=_KEYS["kinds"],
            on_change=_remember,
            placeholder="All kinds",
        )
        chosen_themes = st.multiselect(
            "Themes",
            options.themes,
            format_func=themes.get,
            key=_KEYS["themes"],
            on_change=_remember,
            placeholder="All themes",
        )
        st.caption(
            "Leave kinds or themes empty to include them all. The page address keeps your choice: copy it to share this view."
        )

    view = View(
        authorities=tuple(chosen),
        first_year=first,
        last_year=last,
        kinds=tuple(kinds) or options.kinds,
        themes=tuple(chosen_themes) or options.themes,
    )
    wanted = to_query(view, options)
    if _query_dict() != {k: [v] for k, v in wanted.items()}:
        st.query_params.from_dict(wanted)
    for notice in st.session_state.get(_NOTICES, []):
        st.info(notice, icon=":material/link_off:")
    return view
