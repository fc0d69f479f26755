"""Charts on a time axis: every inspection and visit by authority (marked by overall grade), and every
judgement area over time. Pure functions from frames to plotly figures."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.chart_style import (
    ERAS,
    GRADE_MARKS,
    GRADE_SHORT,
    NO_OVERALL,
    UNGRADED,
    Mark,
)
from components.figure_drafts import Draft, trace
from components.text_safety import esc

PRINT_TIMELINE_ROW = 85  # px per authority when a pack splits the timeline across pages: three to a page


def timeline_figure(events: pd.DataFrame, *, row_px: int = 110) -> go.Figure:
    """Every event on a time axis, one row per authority, marked by overall grade (shape, colour and label).

    Events close together in one authority's row are stacked a little apart so neither hides the other.
    A grade that no source confirms is starred and footnoted.
    """
    # Laid out in plain Python over the view's few dozen events: pandas' sorting, grouping and indexing per
    # authority cost more than plotly's check of the finished figure, and this runs for every new view.
    draft = Draft()
    authority, graded, unconfirmed = (events[c].tolist() for c in ("authority", "graded", "unconfirmed"))
    stamps = events["date"].tolist()
    rows = list(dict.fromkeys(authority))
    in_order = sorted(range(len(stamps)), key=stamps.__getitem__)
    y = _row_positions(authority, stamps, rows, in_order)
    label_position = _label_positions(authority, in_order)
    starred = ["judgements" in u and g for u, g in zip(unconfirmed, graded, strict=True)]
    _add_uncertain_dates(draft, events, y)
    keys = [_event_mark_key(g, o) for g, o in zip(graded, events["overall_grade_id"], strict=True)]
    hover = list(
        zip(authority, events["kind_label"], events["fieldwork"], events["published"], events["grades"], strict=True)
    )
    dates = events["date"].to_numpy()
    for key in [*GRADE_MARKS, "no-overall", "ungraded"]:  # the legend's order
        group = [n for n, k in enumerate(keys) if k == key]
        if not group:
            continue
        mark = _mark(key)
        draft.add_trace(
            trace(
                "scatter",
                x=dates[group],
                y=np.array([y[n] for n in group]),
                mode="markers+text",
                name=mark.text,
                text=[_short_grade(key) + ("*" if starred[n] else "") for n in group],
                textposition=[label_position[n] for n in group],
                textfont={"size": 12, "color": "#0B0C0C"},
                marker={
                    "symbol": mark.symbol,
                    "size": 18,
                    "color": "white" if key == "ungraded" else mark.colour,
                    "line": {"width": 2.5 if key == "ungraded" else 1.5, "color": "#0B0C0C"},
                },
                customdata=_rows_of(
                    [esc(who), esc(kind), esc(fieldwork), esc(published), _hover_grades(grades)]
                    for who, kind, fieldwork, published, grades in (hover[n] for n in group)
                ),
                hovertemplate=(
                    "<b>%{customdata[0]}</b><br>%{customdata[1]}<br>Fieldwork: %{customdata[2]}<br>"
                    "Published: %{customdata[3]}%{customdata[4]}<extra></extra>"
                ),
            )
        )
    if stamps:
        _add_eras(draft, min(stamps), max(stamps))
    if any(starred):
        _footnote_unconfirmed(draft)
    draft.update_layout(height=160 + row_px * max(len(rows), 1))
    draft.update_yaxes(
        tickvals=list(range(len(rows)))[::-1],
        ticktext=[esc(r) for r in rows],
        title=None,
        showgrid=True,
        gridcolor="#E5E5E5",
        zeroline=False,
        range=[-0.8, len(rows) - 0.4],
    )
    draft.update_xaxes(
        title="Date published (or end of fieldwork where publication is not confirmed)",
        showgrid=True,
        gridcolor="#EFEFEF",
    )
    return draft.figure()


def _rows_of(rows: Iterable[list]) -> np.ndarray:
    """Hover data as plotly keeps a frame's values: one row per mark, as an array of Python objects."""
    return np.array(list(rows), dtype=object)


def _footnote_unconfirmed(draft: Draft) -> None:
    """The key to the star on a grade no source confirms, in the chart itself, so it survives being pasted."""
    draft.add_annotations(
        {
            "text": "* Grade not confirmed against Ofsted's report",
            "xref": "paper",
            "yref": "paper",
            "x": 1,
            "y": 0,
            "xanchor": "right",
            "yanchor": "bottom",
            "xshift": -4,
            "showarrow": False,
            "font": {"size": 12, "color": "#505A5F"},
        }
    )


def _hover_grades(grades: str) -> str:
    """An event's grades for its hover box, one per line; nothing for an ungraded visit."""
    return "".join(f"<br>{esc(part)}" for part in grades.split("; ") if part)


def _add_uncertain_dates(draft: Draft, events: pd.DataFrame, y: list[float]) -> None:
    """A dashed bar across the whole range for an event the sources date only loosely (for example "2018 to
    2020"), so its mark is not read as a known date."""
    xs: list = []
    ys: list = []
    for unsure, start, end, height in zip(events["unconfirmed"], events["start"], events["end"], y, strict=True):
        if "fieldwork" in unsure and (end - start).days > 180:
            xs += [start, end, None]
            ys += [height, height, None]
    if not xs:
        return
    draft.add_trace(
        trace(
            "scatter",
            x=xs,
            y=ys,
            mode="lines",
            name="Date known only as a range",
            legendrank=1001,  # drawn first, under the marks, but listed last
            line={"color": "#505A5F", "width": 3, "dash": "dot"},
            hoverinfo="skip",
        )
    )


def _label_positions(authority: list[str], in_order: list[int]) -> list[str]:
    """Labels alternate above and below the marks in each row, so neighbours' labels do not collide."""
    positions = [""] * len(authority)
    seen: dict[str, int] = {}
    for n in in_order:
        count = seen[authority[n]] = seen.get(authority[n], -1) + 1
        positions[n] = "top center" if count % 2 == 0 else "bottom center"
    return positions


def _row_positions(authority: list[str], dates: list, rows: list[str], in_order: list[int]) -> list[float]:
    """Each event's height: its authority's row, nudged down when it falls within months of the one before."""
    positions = [0.0] * len(authority)
    previous: dict[str, tuple] = {}  # authority -> (date, offset) of its latest event so far
    for n in in_order:
        base = len(rows) - 1 - rows.index(authority[n])
        before = previous.get(authority[n])
        offset = (
            before[1] - 0.28 if before is not None and (dates[n] - before[0]).days < 270 and before[1] > -0.5 else 0.0
        )
        positions[n] = base + offset
        previous[authority[n]] = (dates[n], offset)
    return positions


def _event_mark_key(graded: bool, overall_grade_id: str) -> str:
    if not graded:
        return "ungraded"
    return overall_grade_id if overall_grade_id in GRADE_MARKS else "no-overall"


def _mark(key: str) -> Mark:
    return GRADE_MARKS.get(key) or (NO_OVERALL if key == "no-overall" else UNGRADED)


def _short_grade(key: str) -> str:
    return {"requires-improvement": "RI", "no-overall": "No overall", "ungraded": "Visit"}.get(key, _mark(key).text)


def _add_eras(draft: Draft, first: pd.Timestamp, last: pd.Timestamp) -> None:
    # More room after the latest event than before the first: its label ("No overall", "Outstanding") is centred on
    # the mark and was cut off at the right edge at tablet widths.
    lo, hi = first - pd.Timedelta(days=300), last + pd.Timedelta(days=540)
    shades = ["#F3F2F1", "#FFFFFF", "#F3F2F1"]
    # Plain shape and annotation dicts set in one update: plotly's add_vrect and add_vline cost several
    # milliseconds each, and this runs for every new view.
    shapes: list[dict] = []
    notes: list[dict] = []
    for (label, start, end), shade in zip(ERAS, shades, strict=True):
        x0 = max(pd.Timestamp(start), lo) if start else lo
        x1 = min(pd.Timestamp(end), hi) if end else hi
        if x0 >= x1:
            continue
        band = {"type": "rect", "xref": "x", "yref": "paper", "x0": x0, "x1": x1, "y0": 0, "y1": 1}
        shapes.append({**band, "fillcolor": shade, "line": {"width": 0}, "layer": "below"})
        if (x1 - x0) / (hi - lo) > 0.12:  # too narrow a slice has no room for its name
            notes.append(
                {
                    "x": x0,
                    "y": 0,
                    "yref": "paper",
                    "xanchor": "left",
                    "yanchor": "bottom",
                    "xshift": 4,
                    "text": label,
                    "showarrow": False,
                    "font": {"size": 12, "color": "#505A5F"},
                }
            )
        if start and lo < pd.Timestamp(start) < hi:
            line = {"type": "line", "xref": "x", "yref": "paper", "x0": start, "x1": start, "y0": 0, "y1": 1}
            shapes.append({**line, "x0": pd.Timestamp(start), "x1": pd.Timestamp(start), "line": _ERA_LINE})
    draft.add_shapes(*shapes)
    draft.add_annotations(*notes)
    draft.update_xaxes(range=[lo, hi])


_ERA_LINE = {"color": "#505A5F", "width": 1, "dash": "dot"}


def judgements_figure(judgements: pd.DataFrame) -> go.Figure:
    """Every graded judgement area over time, one panel row per area within each authority.

    Marks are labelled with Ofsted's short forms (O, G, RI, A, I), so inspections two years apart keep their
    labels apart and the latest is never cut off at the edge; the full grade is in the legend, hover and table.
    """
    draft = Draft()
    authority, area, grade_id = (judgements[c].tolist() for c in ("authority", "area", "grade_id"))
    pairs = list(zip(authority, area, strict=True))
    label = {pair: esc(f"{pair[0]} – {pair[1]}") for pair in set(pairs)}
    row = [label[pair] for pair in pairs]
    rows = list(dict.fromkeys(label[pair] for pair in sorted(label)))
    unconfirmed = judgements["unconfirmed"].tolist()
    hover = list(zip(judgements["event_label"], area, judgements["grade_label"], strict=True))
    dates = judgements["date"].to_numpy()
    for grade, mark in GRADE_MARKS.items():  # the legend's order
        group = [n for n, g in enumerate(grade_id) if g == grade]
        if not group:
            continue
        draft.add_trace(
            trace(
                "scatter",
                x=dates[group],
                y=[row[n] for n in group],
                mode="markers+text",
                name=f"{mark.text} ({GRADE_SHORT[grade]})",
                text=[GRADE_SHORT[grade] + ("*" if unconfirmed[n] else "") for n in group],
                textposition="middle right",
                textfont={"size": 12},
                cliponaxis=False,
                marker={
                    "symbol": mark.symbol,
                    "size": 14,
                    "color": mark.colour,
                    "line": {"width": 1.5, "color": "#0B0C0C"},
                },
                customdata=_rows_of(
                    [esc(event), esc(what), esc(grade_label)] for event, what, grade_label in (hover[n] for n in group)
                ),
                hovertemplate="%{customdata[0]}<br>%{customdata[1]}: <b>%{customdata[2]}</b><extra></extra>",
            )
        )
    if any(unconfirmed):
        _footnote_unconfirmed(draft)
    draft.update_layout(height=160 + 26 * max(len(rows), 1))
    draft.update_yaxes(categoryorder="array", categoryarray=rows[::-1], title=None, automargin=True)
    draft.update_xaxes(title="Date published", showgrid=True, gridcolor="#EFEFEF")
    if len(judgements):
        # A year's room each side: the latest label sits inside the plot, not over its edge.
        lo, hi = judgements["date"].min(), judgements["date"].max()
        draft.update_xaxes(range=[lo - pd.Timedelta(days=365), hi + pd.Timedelta(days=400)])
    return draft.figure()
