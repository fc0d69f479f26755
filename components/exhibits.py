"""The charts and tables a committee pack can hold, each built with its words from the frames of one view.

Plain Python: the pack page lists these, and the pack builders in components.export turn them into files.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pandas as pd
import plotly.graph_objects as go

from components import captions, charts, timeline_charts
from components.captions import Caption
from components.exhibit import Entry, Exhibit
from components.pack_model import Pack
from inspections.analysis import status_counts, status_history, theme_matrix
from inspections.frames import Frames
from inspections.headings import EVENTS, JUDGEMENTS, RECOMMENDATIONS, SUMMARY, THEME_MATRIX, headed, headings
from inspections.since import changes_since, changes_table, marked_for
from inspections.since import summary as since_summary
from inspections.summaries import authority_summary
from inspections.view import Options, View

DEFAULT_CHARTS = ("timeline", "themes-improvement", "status")  # ticked when the pack page opens


def exhibits(frames: Frames, view: View, options: Options) -> list[Exhibit]:
    """Every chart and table the pack can hold for this view, in the order the pages show them."""
    built = [build(frames, view, options) for build in _BUILDERS]
    return [e for e in built if e is not None]


# One builder per chart or table, used by its page and by the committee pack alike, so both show the same thing.


def _split_by_rows(
    frame: pd.DataFrame,
    draw: Callable[[pd.DataFrame], go.Figure],
    *,
    column: str = "authority",
    order: tuple[str, ...] | None = None,
) -> dict:
    """How a pack splits a chart with a row per authority (or theme) across pages: the Exhibit's for_rows, the chart
    drawn from only some rows' part of frame, and its rows, in order (as they first appear, unless given)."""
    rows = tuple(frame[column].drop_duplicates()) if order is None else order
    return {"for_rows": lambda names: draw(frame[frame[column].isin(names)]), "rows": rows}


def timeline(frames: Frames, view: View, options: Options) -> Exhibit | None:
    if frames.events.empty:
        return None
    table = marked_for(headed(frames.events, EVENTS), frames.events, frames, view.since)
    caption = captions.timeline_caption(frames, view, options)
    events = frames.events
    return Exhibit(
        "timeline",
        "Judgement timeline",
        caption,
        timeline_charts.timeline_figure(events),
        table,
        "judgement-timeline",
        **_split_by_rows(events, partial(timeline_charts.timeline_figure, row_px=timeline_charts.PRINT_TIMELINE_ROW)),
    )


def judgements(frames: Frames, view: View, options: Options) -> Exhibit | None:
    if frames.judgements.empty:
        return None
    table = marked_for(headed(frames.judgements, JUDGEMENTS), frames.judgements, frames, view.since)
    caption = captions.judgements_caption(frames, view, options)
    every = frames.judgements
    return Exhibit(
        "judgements",
        "Every judgement area",
        caption,
        timeline_charts.judgements_figure(every),
        table,
        "judgement-areas",
        **_split_by_rows(every, timeline_charts.judgements_figure, order=tuple(sorted(set(every["authority"])))),
    )


def themes(frames: Frames, view: View, options: Options, kind: str) -> Exhibit | None:
    """The theme matrix counting areas for improvement (kind "improvement") or strengths ("strength")."""
    if frames.authorities.empty or frames.themes.empty:
        return None
    matrix = theme_matrix(frames, kind)
    table = headed(matrix, THEME_MATRIX)
    name = "Recurring themes: areas for improvement" if kind == "improvement" else "Recurring themes: strengths"
    caption = captions.matrix_caption(frames, view, options, matrix, kind)
    return Exhibit(
        f"themes-{kind}",
        name,
        caption,
        charts.theme_matrix_figure(matrix),
        table,
        f"recurring-themes-{kind}",
        **_split_by_rows(matrix, charts.theme_matrix_figure, column="theme"),
    )


def status(frames: Frames, view: View, options: Options) -> Exhibit | None:
    if frames.recommendations.empty:
        return None
    counts = status_counts(frames)
    table = _wide(counts, "authority", "status", "recommendations")
    table = table.rename(columns=headings("authority"))
    caption = captions.status_caption(frames, view, options)
    return Exhibit(
        "status",
        "Recommendations: latest status",
        caption,
        charts.status_figure(counts),
        table,
        "recommendation-status",
        **_split_by_rows(counts, charts.status_figure),
    )


def history(frames: Frames, view: View, options: Options) -> Exhibit | None:
    if frames.recommendations.empty:
        return None
    history = status_history(frames)
    table = _wide(history, "year", "status", "recommendations")
    table = table.rename(columns=headings("year"))
    caption = captions.history_caption(frames, view, options, history)
    return Exhibit(
        "history",
        "Recommendations: status over time",
        caption,
        charts.status_history_figure(history),
        table,
        "recommendation-status-over-time",
    )


def _wide(frame: pd.DataFrame, index: str, columns: str, values: str) -> pd.DataFrame:
    """`frame.pivot(index=index, columns=columns, values=values).reset_index()`, in plain Python for a full grid
    (each pair once), rows and columns sorted as pivot sorts them: pandas' pivot cost a millisecond a table."""
    cells = {
        (row, column): value
        for row, column, value in zip(*(frame[c].tolist() for c in (index, columns, values)), strict=True)
    }
    rows, heads = sorted({row for row, _ in cells}), sorted({column for _, column in cells})
    if frame.empty or len(cells) != len(frame) or len(cells) != len(rows) * len(heads):  # gaps or repeats
        return frame.pivot(index=index, columns=columns, values=values).reset_index()
    table = pd.DataFrame(
        {
            index: pd.Series(rows, dtype=frame[index].dtype),
            **{head: pd.Series([cells[(row, head)] for row in rows], dtype=frame[values].dtype) for head in heads},
        }
    )
    table.columns = pd.Index([index, *heads], dtype=frame[columns].dtype, name=columns)  # typed as pivot types them
    return table


def recommendations_table(recs: pd.DataFrame, columns: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Recommendations as a reader sees them, with both sources; columns are frame columns, in order."""
    return headed(recs, RECOMMENDATIONS, columns)


_PACK_RECOMMENDATION = (
    "authority",
    "event_label",
    "text",
    "source_url",
    "status",
    "evidence",
    "status_publisher",
    "status_date",
    "status_note",
    "status_source_url",
)


def _recommendations(frames: Frames, view: View, options: Options) -> Exhibit | None:
    recs = frames.recommendations
    if recs.empty:
        return None
    table = marked_for(recommendations_table(recs, _PACK_RECOMMENDATION), recs, frames, view.since)
    caption = Caption(
        title="Every recommendation and its latest status",
        subtitle=f"Ofsted recommendations: {captions.filter_description(frames, view, options)}",
        source=captions.source_line(frames, frames.events["publisher"]),
        summary=f"Table of {len(recs)} recommendations with their latest reported status.",
    )
    return Exhibit("recommendations", "Every recommendation", caption, None, table, "recommendations")


def changes(frames: Frames, view: View, options: Options) -> Exhibit | None:
    """What is new or changed since the view's since date: the summary sentence, and a table of each change."""
    if view.since is None:
        return None
    found = changes_since(frames, view.since)
    table = changes_table(found)
    said = since_summary(found)
    caption = Caption(
        title=f"Changes since {found.label}",
        subtitle=f"New inspections and visits, and statuses reported after that date: "
        f"{captions.filter_description(frames, view, options)}",
        source=captions.source_line(frames, pd.concat([frames.events["publisher"], frames.updates["publisher"]])),
        summary=said,
    )
    return Exhibit("changes", caption.title, caption, None, table, "changes-since", lead=said)


def summary(frames: Frames, view: View, options: Options) -> Exhibit | None:
    summary = authority_summary(frames)
    if summary.empty:
        return None
    caption = Caption(
        title="Each authority at a glance",
        subtitle=f"Latest grades and recommendations: {captions.filter_description(frames, view, options)}",
        source=captions.source_line(frames, frames.events["publisher"]),
        summary=f"Table of {len(summary)} authorities with their latest grades and open recommendations.",
    )
    table = headed(summary, SUMMARY)
    return Exhibit("summary", "Each authority at a glance", caption, None, table, "overview")


def _improvement_themes(frames: Frames, view: View, options: Options) -> Exhibit | None:
    return themes(frames, view, options, "improvement")


def _strength_themes(frames: Frames, view: View, options: Options) -> Exhibit | None:
    return themes(frames, view, options, "strength")


def _has(frame: str) -> Callable[[Frames], bool]:
    return lambda frames: not getattr(frames, frame).empty


CATALOGUE: tuple[Entry, ...] = (
    Entry("changes", "Changes since the sidebar's date", False, _has("authorities"), changes, needs_since=True),
    Entry("summary", "Each authority at a glance", False, _has("authorities"), summary),
    Entry("timeline", "Judgement timeline", True, _has("events"), timeline),
    Entry("judgements", "Every judgement area", True, _has("judgements"), judgements),
    Entry("themes-improvement", "Recurring themes: areas for improvement", True, _has("themes"), _improvement_themes),
    Entry("themes-strength", "Recurring themes: strengths", True, _has("themes"), _strength_themes),
    Entry("status", "Recommendations: latest status", True, _has("recommendations"), status),
    Entry("history", "Recommendations: status over time", True, _has("recommendations"), history),
    Entry("recommendations", "Every recommendation", False, _has("recommendations"), _recommendations),
)
_BUILDERS = tuple(entry.build for entry in CATALOGUE)


def catalogue(frames: Frames, since: object = None) -> list[Entry]:
    """The exhibits this view can offer, without building any of them (figures cost most of a page run); the
    changes since a date only when one is set."""
    return [
        entry
        for entry in CATALOGUE
        if entry.shown(frames) and not frames.authorities.empty and (since is not None or not entry.needs_since)
    ]


def cited_sources(frames: Frames, also: tuple[str, ...] = ()) -> pd.DataFrame:
    """The sources behind the rows of this view (events, findings, recommendations, updates) and any other
    addresses given, Ofsted's first."""
    cited: set[str] = set(also)
    for frame in (frames.events, frames.findings, frames.recommendations, frames.updates):
        for cell in frame["source_url"].dropna():
            cited.update(str(cell).split())
    sources = frames.sources[frames.sources["url"].isin(cited)].copy()
    sources["ofsted_last"] = sources["publisher"] != "Ofsted"
    sources = sources.sort_values(["ofsted_last", "publisher", "title"], kind="stable")
    return sources[["title", "publisher", "published", "url"]].reset_index(drop=True)


def default_heading(frames: Frames) -> str:
    """A pack heading naming the authorities."""
    return f"Ofsted inspections of children's services: {captions.names(list(frames.authorities['authority']))}"


def make_pack(
    frames: Frames,
    view: View,
    options: Options,
    choices: list[tuple[Exhibit, bool, bool]],
    *,
    heading: str = "",
    introduction: str = "",
    citation: str = "",
) -> Pack:
    """A pack from the ticked exhibits: (exhibit, with its chart, with its table) in page order."""
    items = tuple(
        item
        for exhibit, chart, table in choices
        if chart or table
        for item in exhibit.items(with_chart=chart, with_table=table)
    )
    return Pack(
        heading=heading.strip() or default_heading(frames),
        introduction=introduction,
        scope=captions.filter_description(frames, view, options),
        checked=captions.checked_label(frames),
        items=items,
        citation=citation,
        sources=cited_sources(frames, tuple(u for e, chart, table in choices if chart or table for u in e.cites)),
    )
