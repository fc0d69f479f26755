"""Charts of counts: the matrix of recurring themes by authority, and recommendations by latest status and over
time. Pure functions from frames to plotly figures; each count is written on the chart, never left to colour."""

from __future__ import annotations

import textwrap
from functools import cache

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.chart_style import (
    CLICK_TARGET,
    PATTERN_OPACITY,
    SEQUENTIAL,
    STATUS_FILLS,
    Fill,
    legend_groups,
    pattern_colour,
    short_authority,
)
from components.contrast import between, text_colour_on
from components.figure_drafts import Draft, trace
from components.text_safety import esc
from inspections.vocab import STATUS_LABELS

# The matrix shades a fixed scale of counts, not the largest count shown, so two pasted matrices compare.
MATRIX_TOP = 6
MANY_COLUMNS = 6  # from this many authorities, column headings use short names (full names on hover and in tables)


MATRIX_SCALE = ((0.0, "#FFFFFF"), (0.01, SEQUENTIAL[4]), (0.5, SEQUENTIAL[2]), (1.0, SEQUENTIAL[0]))


@cache  # a dozen counts, asked for in every cell of every matrix drawn
def matrix_cell_colour(count: int) -> str:
    """The fill of a matrix cell counting this many events, on the fixed scale."""
    return between(list(MATRIX_SCALE), count / MATRIX_TOP)


@cache
def count_ink(count: int) -> str:
    """The colour a matrix cell's count is written in: ink or paper, whichever reads better on its fill."""
    return text_colour_on(matrix_cell_colour(count))


def _cell_hover(events: int, items: int) -> str:
    if not events:
        return "Not raised at any inspection or visit in this view"
    return (
        f"Raised at {events} inspection{'s' if events != 1 else ''} or visit{'s' if events != 1 else ''}<br>"
        f"{items} finding{'s' if items != 1 else ''} and recommendation{'s' if items != 1 else ''}"
        "<br>Click to list them"
    )


def theme_matrix_figure(matrix: pd.DataFrame) -> go.Figure:
    """Themes (rows) by authorities (columns); each cell's count is written in it, and recurring cells are outlined."""
    # Drawn from the matrix's columns as plain Python lists: it is drawn for every new view, and pandas' pivot,
    # map and a boolean filter per trace on a few hundred cells cost more than the rest of the chart.
    cells = list(
        zip(
            matrix["authority"].map(esc),  # axis labels and %{x} are plotly markup
            matrix["theme"].map(esc),
            matrix["events"].tolist(),
            matrix["items"].tolist(),
            matrix["recurring"].tolist(),
            strict=True,
        )
    )
    authorities = list(dict.fromkeys(matrix["authority"]))
    themes = list(dict.fromkeys(matrix["theme"]))
    column = {esc(a): i for i, a in enumerate(authorities)}
    row = {esc(t): i for i, t in enumerate(themes)}
    grid = np.full((len(themes), len(authorities)), np.nan)
    for authority, theme, events, *_ in cells:
        grid[row[theme], column[authority]] = events
    draft = Draft(
        trace(
            "heatmap",
            z=grid if np.isnan(grid).any() else grid.astype(np.int64),  # as pandas' pivot gives: whole counts
            x=[esc(a) for a in authorities],
            y=[esc(t) for t in themes],
            colorscale=[list(stop) for stop in MATRIX_SCALE],
            zmin=0,
            zmax=MATRIX_TOP,
            xgap=3,
            ygap=3,
            showscale=False,  # every cell carries its number, so a colour key would only repeat it
            hoverinfo="skip",
        )
    )
    # Counts as text, each in ink or paper chosen for its own cell: plotly's automatic choice left some cells under
    # 4.5:1. One trace per ink, not a colour per cell: plotly checks a colour list entry by entry, which cost more
    # than the rest of the chart.
    inks = [count_ink(events) for _, _, events, *_ in cells]
    for ink in dict.fromkeys(inks):
        written = [cell for cell, cell_ink in zip(cells, inks, strict=True) if cell_ink == ink]
        draft.add_trace(
            trace(
                "scatter",
                x=np.array([c[0] for c in written], dtype=object),
                y=np.array([c[1] for c in written], dtype=object),
                mode="text",
                text=["–" if c[2] == 0 else str(int(c[2])) for c in written],
                textfont={"size": 14, "color": ink},
                showlegend=False,
                hoverinfo="skip",
            )
        )
    recurring = [cell for cell in cells if cell[4]]
    if recurring:
        draft.add_trace(
            trace(
                "scatter",
                x=np.array([c[0] for c in recurring], dtype=object),
                y=np.array([c[1] for c in recurring], dtype=object),
                mode="markers",
                name="Recurring: raised at two or more inspections or visits (outlined)",
                marker={"symbol": "square-open", "size": 26, "color": "#0B0C0C", "line": {"width": 2.5}},
                hoverinfo="skip",
            )
        )
    # Heatmap cells cannot be selected by a click, so a near-invisible square marks each cell's centre:
    # clicking it selects that cell (the page then lists the findings behind it).
    draft.add_trace(
        trace(
            "scatter",
            x=np.array([c[0] for c in cells], dtype=object),
            y=np.array([c[1] for c in cells], dtype=object),
            mode="markers",
            marker={"symbol": "square", "size": 28, "color": "rgba(0,0,0,0.01)"},
            meta=CLICK_TARGET,
            customdata=[[_cell_hover(c[2], c[3])] for c in cells],
            hovertemplate="%{y} – %{x}<br>%{customdata[0]}<extra></extra>",
            showlegend=False,
            selected={"marker": {"color": "rgba(0,0,0,0.01)"}},
            unselected={"marker": {"opacity": 1}},
        )
    )
    draft.update_layout(
        height=170 + 34 * max(len(themes), 1),
        clickmode="event+select",
        dragmode=False,
        legend={"y": -0.01, "yanchor": "top"},
    )
    draft.update_yaxes(autorange="reversed", automargin=True, title=None, showgrid=False)
    if len(authorities) >= MANY_COLUMNS:
        headings = [esc(short_authority(a)) for a in authorities]
    else:  # wrapped, so neighbouring long names ("Newcastle upon Tyne North Tyneside") never run together
        headings = [
            "<br>".join(esc(line) for line in textwrap.wrap(a, 11, break_on_hyphens=False)) for a in authorities
        ]
    draft.update_xaxes(
        side="top",
        title=None,
        showgrid=False,
        tickvals=[esc(a) for a in authorities],
        ticktext=headings,
        tickangle=-45 if len(authorities) >= MANY_COLUMNS else 0,
    )
    return draft.figure()


def _bar_marker(fill: Fill) -> dict:
    return {
        "color": fill.colour,
        "line": {"color": "#0B0C0C", "width": 1},
        "pattern": {
            "shape": fill.pattern,
            "fillmode": "overlay",
            "fgcolor": pattern_colour(fill),
            "fgopacity": PATTERN_OPACITY,
            "size": 9,
            "solidity": 0.2,
        },
    }


def status_figure(counts: pd.DataFrame) -> go.Figure:
    """Latest status of every recommendation, stacked by authority; each segment has a pattern and a count."""
    draft = Draft()
    counts = counts.assign(authority=counts["authority"].map(esc))  # axis labels and %{y} are plotly markup
    authorities = list(dict.fromkeys(counts["authority"]))
    for status, fill, group in legend_groups(counts, "status_id", STATUS_FILLS, counted="recommendations"):
        draft.add_trace(
            trace(
                "bar",
                y=group["authority"],
                x=group["recommendations"],
                orientation="h",
                name=STATUS_LABELS[status],
                marker=_bar_marker(fill),
                text=[str(n) if n else "" for n in group["recommendations"]],
                textposition="inside",
                insidetextanchor="middle",
                constraintext="none",  # bars are tall enough; plotly would shrink counts to about 8 px
                textfont={"size": 15, "color": text_colour_on(fill.colour)},
                hovertemplate="%{y}<br>" + esc(STATUS_LABELS[status]) + ": %{x}<extra></extra>",
            )
        )
    draft.update_layout(height=200 + 70 * max(len(authorities), 1), barmode="stack", bargap=0.35)
    draft.update_yaxes(categoryorder="array", categoryarray=authorities[::-1], title=None, automargin=True)
    totals: dict[str, int] = {}
    for authority, n in zip(counts["authority"], counts["recommendations"].tolist(), strict=True):
        totals[authority] = totals.get(authority, 0) + n
    widest = max(totals.values(), default=0)
    step = 2 if widest <= 20 else 5 if widest <= 60 else 10  # whole numbers, never crowded
    draft.update_xaxes(title="Number of recommendations", dtick=step, showgrid=True, gridcolor="#E5E5E5")
    return draft.figure()


def status_history_figure(history: pd.DataFrame) -> go.Figure:
    """How the chosen recommendations' latest known status changed, year by year."""
    draft = Draft()
    for status, fill, group in legend_groups(history, "status_id", STATUS_FILLS, counted="recommendations"):
        draft.add_trace(
            trace(
                "bar",
                x=group["year"],
                y=group["recommendations"],
                name=STATUS_LABELS[status],
                marker=_bar_marker(fill),
                hovertemplate="%{x}: " + esc(STATUS_LABELS[status]) + " %{y}<extra></extra>",
            )
        )
    draft.update_layout(height=420, barmode="stack", bargap=0.25)
    draft.update_xaxes(title="Year end (latest year: as at the records check)", dtick=1)
    draft.update_yaxes(title="Number of recommendations", showgrid=True, gridcolor="#E5E5E5")
    return draft.figure()
