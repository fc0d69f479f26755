"""The shared sidebar. The choice lives in the URL, so a copied link reproduces the view,
and in session state, so it survives a page switch."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from components.text_safety import inert_text, md_escape
from inspections.frames import Frames
from inspections.region import GROUPS
from inspections.since import ROUGH_DATES_RULE
from inspections.view import Notice, Options, View, parse_query, to_query
from inspections.vocab import EVENT_KINDS

_KEYS = {
    "authorities": "f_authorities",
    "years": "f_years",
    "kinds": "f_kinds",
    "themes": "f_themes",
    "since": "f_since",
}
_NOTICES = "f_notices"
_GROUP = "f_group"
_ALL = "all"
# The filter values, kept outside widget state: Streamlit forgets a widget's value when the page
# changes (the widget on the new page is a different widget), so the widgets are re-seeded from here (_seed_widgets).
_VALUES = "f_values"
# Streamlit draws captions in the text colour at 60% opacity: 3.9:1 on white, under WCAG's 4.5:1 for small text
# (axe: color-contrast, serious). Captions carry chart subtitles and sources, so they are drawn opaque in GOV.UK's
# secondary text colour (7:1 on white, 6:1 on the sidebar). A style-only st.html takes no space on the page.
# Streamlit's focus ring on the sidebar's page links is a faint tint; keyboard users need to see where they are,
# so focus is drawn as GOV.UK draws it: a yellow band with a black edge (WCAG 2.2, 2.4.7 and 2.4.13).
_CONTRAST_CSS = (
    '<style>[data-testid="stCaptionContainer"] { color: #505A5F; opacity: 1; }'
    ' [data-testid="stSidebarNavLink"]:focus-visible { outline: 3px solid #FFDD00; outline-offset: 0;'
    " box-shadow: inset 0 -4px 0 #0B0C0C; background: #FFDD00; color: #0B0C0C; }</style>"
)


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
        "since": view.since,
    }


def _remember() -> None:
    """Widget callback: keep the reader's new choice, and drop notices about the old link."""
    st.session_state[_VALUES] = {name: st.session_state[key] for name, key in _KEYS.items() if key in st.session_state}
    st.session_state[_NOTICES] = []
    st.session_state[_BY_READER] = True


def _choose_group(options: Options) -> None:
    """Widget callback: a group replaces the authority choice; the picker then returns to its prompt."""
    group = st.session_state.get(_GROUP)
    if group:
        members = options.authorities if group == _ALL else GROUPS[group][1]
        _remember()
        st.session_state[_VALUES]["authorities"] = [a for a in options.authorities if a in members]
    st.session_state[_GROUP] = None


def _group_choices(options: Options) -> dict[str, str]:
    """The groups the records can show (each with at least two of its authorities), then every authority."""
    offered = {
        key: label for key, (label, members) in GROUPS.items() if len(set(members) & set(options.authorities)) >= 2
    }
    return {**offered, _ALL: f"All {len(options.authorities)} authorities"}


def _known(name: str, value, options: Options):
    """A remembered filter value without anything the options do not offer, and years inside the records' range.
    A browser only sends options it was given, but a hand-made websocket client can send any value, and the
    records can change under an open tab (a curator removes an authority's earliest event)."""
    if name == "years":
        try:
            first, last = sorted(int(min(max(year, options.first_year), options.last_year)) for year in value)
        except (TypeError, ValueError, OverflowError):
            first, last = options.first_year, options.last_year
        return (first, last)
    if name == "since":
        return (
            value
            if isinstance(value, dt.date) and _since_range(options)[0] <= value <= _since_range(options)[1]
            else None
        )
    allowed = {"authorities": options.authorities, "kinds": options.kinds, "themes": options.themes}[name]
    return [v for v in value or () if v in allowed]


def _fit_to_records(options: Options) -> None:
    """Bring the remembered filters within what these records offer; if the records changed since they were
    chosen and a choice had to change, say so, once."""
    remembered = st.session_state[_VALUES]
    fitted = {name: _known(name, remembered.get(name), options) for name in _KEYS}
    if not fitted["authorities"] and remembered["authorities"]:
        fitted["authorities"] = list(options.starting_authorities)
    changed = {name for name in _KEYS if _as_list(fitted[name]) != _as_list(remembered.get(name))}
    seen = st.session_state.get(_OPTIONS)
    if changed and seen is not None and seen != options:
        what = " and ".join(_CHANGED[name] for name in _KEYS if name in changed)
        notice = Notice(
            f"The records have changed since this page was opened: {what} no longer recorded, so your choice "
            f"has been adjusted. The records now run from {options.first_year} to {options.last_year}."
        )
        st.session_state[_NOTICES] = [*st.session_state.get(_NOTICES, []), notice]
    st.session_state[_VALUES] = fitted
    st.session_state[_OPTIONS] = options


_SEEN = "f_seen"  # (page address, query) as the last run left them: a change on the same page is Back or Forward
# Set by the filters' callbacks: this run follows the reader's own change to a filter, so it is not Back or Forward
# even when its address is not the one the last run wrote (see sidebar).
_BY_READER = "f_by_reader"


def _as_list(value) -> list:
    return [] if value is None else [value] if isinstance(value, dt.date) else list(value)


def _since_range(options: Options) -> tuple[dt.date, dt.date]:
    """The days a since date may be: from the first year of the records to today."""
    return dt.date(options.first_year, 1, 1), dt.date.today()


_OPTIONS = "f_options"  # the options the remembered filters were last fitted to: a change means new records
_CHANGED = {
    "authorities": "some chosen authorities are",
    "years": "some chosen years are",
    "kinds": "some chosen kinds of event are",
    "themes": "some chosen themes are",
    "since": "the chosen since date is",
}


def _seed_widgets(*, force: bool) -> None:
    """Give the filter widgets the remembered values, but only where the widget does not hold them already.

    Writing a widget's state from the script makes Streamlit send that value to the browser, which puts it in the
    widget whatever the reader has done since the run began. Written on every run, each run sent the year slider
    the years it began with, so an arrow key pressed while a run was going was undone when the run's slider
    arrived, and the next press started from the old year (issue 14, point 10). So a widget is written only when
    its value must come from outside: a link, Back or Forward, or a page switch (`force`: the widget on a new page
    is a new widget), records that no longer offer the choice, or a group chosen for the authorities.
    """
    remembered = st.session_state[_VALUES]
    for name, key in _KEYS.items():
        if force or key not in st.session_state or _as_list(st.session_state[key]) != _as_list(remembered[name]):
            st.session_state[key] = remembered[name]


def sidebar(frames: Frames, options: Options) -> View:
    """Draw the filters and return the chosen view; keep the URL in step with it."""
    by_reader = st.session_state.pop(_BY_READER, False)  # first: a rerun can stop the run at any st call
    here, query, seen = st.context.url or "", _query_dict(), st.session_state.get(_SEEN)
    st.html(_CONTRAST_CSS)
    # A filter changed while the last run was still going sends the address the browser had then, before that run's
    # address reached it: not the reader going Back, so the change they made wins (issue 14, point 10).
    from_link = _VALUES not in st.session_state or (
        not by_reader and seen is not None and seen[0] == here and seen[1] != query
    )
    if from_link:
        # A first visit, or the same page at an address the sidebar did not write: the browser's Back or
        # Forward (Streamlit pushes each address it is given onto the history), or an edited address.
        st.session_state[_VALUES] = _values_from_link(options)
    _fit_to_records(options)
    # Another page's address means the widgets are new: Streamlit ties a widget to its page. Where the address is
    # not known (AppTest), a page switch cannot be told, so any run not started by a filter seeds them all.
    _seed_widgets(force=from_link or seen is None or seen[0] != here or (not here and not by_reader))

    names = dict(zip(frames.authorities["authority_id"], frames.authorities["authority"], strict=True))
    themes = dict(zip(frames.themes["theme_id"], frames.themes["theme"], strict=True))
    with st.sidebar:
        st.header("Filters", anchor=False)
        chosen = st.multiselect(
            "Authorities",
            options.authorities,
            format_func=lambda a: names.get(a, str(a)),
            key=_KEYS["authorities"],
            on_change=_remember,
            placeholder="Choose authorities",
        )
        groups = _group_choices(options)
        st.selectbox(
            "Or compare a group",
            list(groups),
            index=None,
            format_func=groups.get,
            key=_GROUP,
            on_change=_choose_group,
            args=(options,),
            placeholder="Choose a group of authorities",
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
            format_func=lambda k: EVENT_KINDS[k].short if k in EVENT_KINDS else str(k),
            key=_KEYS["kinds"],
            on_change=_remember,
            placeholder="All kinds",
        )
        chosen_themes = st.multiselect(
            "Themes",
            options.themes,
            format_func=lambda t: themes.get(t, str(t)),
            key=_KEYS["themes"],
            on_change=_remember,
            placeholder="All themes",
        )
        earliest, latest = _since_range(options)
        since = st.date_input(
            "Since (the date of your last meeting)",
            value=None,
            min_value=earliest,
            max_value=latest,
            format="DD/MM/YYYY",
            key=_KEYS["since"],
            on_change=_remember,
            help="Every page then marks what is new or changed after that day. " + ROUGH_DATES_RULE,
        )
        st.caption(
            "Leave kinds or themes empty to include them all. The page address keeps your choice: copy it to share this view."
        )

    view = View(
        authorities=tuple(_known("authorities", chosen, options)),
        first_year=first,
        last_year=last,
        kinds=tuple(_known("kinds", kinds, options)) or options.kinds,
        themes=tuple(_known("themes", chosen_themes, options)) or options.themes,
        since=_known("since", since, options),
    )
    wanted = to_query(view, options)
    written = {k: [v] for k, v in wanted.items()}
    if _query_dict() != written:
        st.query_params.from_dict(wanted)
    st.session_state[_SEEN] = (here, written)
    for notice in st.session_state.get(_NOTICES, []):
        st.info(_notice_markdown(notice), icon=":material/link_off:")
    return view


def _notice_markdown(notice: str) -> str:
    """Our words escaped, and what the notice quotes from the link as inert text, never markdown that links."""
    parts = getattr(notice, "parts", ((notice, True),))
    return "".join(inert_text(text) if quoted else md_escape(text) for text, quoted in parts)
