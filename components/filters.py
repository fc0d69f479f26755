"""The shared sidebar. The choice lives in the URL, so a copied link reproduces the view,
and in session state, so it survives a page switch."""

from __future__ import annotations

import streamlit as st

from inspections.frames import Frames
from inspections.view import View, Options, parse_query, to_query
from inspections.vocab import EVENT_KINDS

_KEYS = {"authorities": "f_authorities", "years": "f_years", "kinds": "f_kinds", "themes": "f_themes"}
_NOTICES = "f_notices"


def _query_dict() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params.keys()}


def _seed_from_url(options: Options) -> None:
    """On a session's first run, take the view from the link (ignoring, with a notice, what cannot be used)."""
    parsed = parse_query(_query_dict(), options)
    view = parsed.view
    st.session_state[_KEYS["authorities"]] = list(view.authorities)
    st.session_state[_KEYS["years"]] = (view.first_year, view.last_year)
    st.session_state[_KEYS["kinds"]] = [] if set(view.kinds) >= set(options.kinds) else list(view.kinds)
    st.session_state[_KEYS["themes"]] = [] if set(view.themes) >= set(options.themes) else list(view.themes)
    st.session_state[_NOTICES] = parsed.notices


def _clear_notices() -> None:
    st.session_state[_NOTICES] = []


def sidebar(frames: Frames, options: Options) -> View:
    """Draw the filters and return the chosen view; keep the URL in step with it."""
    if _KEYS["authorities"] not in st.session_state:
        _seed_from_url(options)

    names = dict(zip(frames.authorities["authority_id"], frames.authorities["authority"], strict=True))
    themes = dict(zip(frames.themes["theme_id"], frames.themes["theme"], strict=True))
    with st.sidebar:
        st.header("Filters", anchor=False)
        chosen = st.multiselect(
            "Authorities",
            options.authorities,
            format_func=names.get,
            key=_KEYS["authorities"],
            on_change=_clear_notices,
            placeholder="Choose authorities",
        )
        if options.first_year < options.last_year:
            first, last = st.slider(
                "Years (date published)",
                options.first_year,
                options.last_year,
                key=_KEYS["years"],
                on_change=_clear_notices,
            )
        else:
            first = last = options.first_year
        kinds = st.multiselect(
            "Kinds of inspection and visit",
            options.kinds,
            format_func=lambda k: EVENT_KINDS[k].short,
            key=_KEYS["kinds"],
            on_change=_clear_notices,
            placeholder="All kinds",
        )
        chosen_themes = st.multiselect(
            "Themes",
            options.themes,
            format_func=themes.get,
            key=_KEYS["themes"],
            on_change=_clear_notices,
            placeholder="All themes",
        )
        st.caption("Leave kinds or themes empty to include them all. The page address keeps your choice: copy it to share this view.")

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
