"""Figures for the region page: the four judgements side by side, a map, and England's shares beside ours.

from components.text_safety import esc
Like components.charts, plain functions from DataFrames to plotly figures; grades keep their shape (grid),
fill pattern (map, bars) and a written label as well as colour, so each reads in greyscale and without colour.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from components.chart_style import GRADE_MARKS, legend_groups
from components.text_safety import esc
from inspections.region import FOUR

GEOJSON = Path(__file__).resolve().parent.parent / "data" / "geo" / "north-east-authorities-2023.geojson"
MAP_ATTRIBUTION = "Boundaries: Office for National Statistics, OGL v3.0; contains OS data © Crown copyright 2023."
SHORT = {"outstanding": "Outstanding", "good": "Good", "requires-improvement": "RI", "inadequate": "Inadequate"}
PATTERNS = {"outstanding": "", "good": "/", "requires-improvement": ".", "inadequate": "x"}
NOT_GRADED = "#FFFFFF"
# Labels of the small urban authorities would cover each other at their own label points, so they are drawn out
# to the sea or the moors with a leader line (offsets in pixels, as plotly's annotation ax/ay).
LABEL_OFFSETS = {
    "E08000021": (-170, -20),  # Newcastle upon Tyne
    "E08000037": (-170, 45),  # Gateshead
    "E08000022": (150, -55),  # North Tyneside
    "E08000023": (170, -5),  # South Tyneside
    "E08000024": (170, 15),  # Sunderland
    "E06000001": (190, 12),  # Hartlepool
    "E06000003": (170, 52),  # Redcar and Cleveland
    "E06000002": (150, 100),  # Middlesbrough
    "E06000004": (10, 105),  # Stockton-on-Tees
    "E06000005": (-150, 60),  # Darlington
}


def grid_figure(latest: pd.DataFrame) -> go.Figure:
    """Authorities (rows) by the four judgements (columns): each cell the grade's mark and its name."""
    fig = go.Figure()
    rows = [esc(a) for a in latest["authority"]]
    columns = list(FOUR.values())
    for grade, mark in GRADE_MARKS.items():
        xs, ys, texts, hovers = [], [], [], []
        for row in latest.to_dict("records"):
            for area, label in FOUR.items():
                if row.get(f"{area}_id") != grade:
                    continue
                starred = "(not confirmed)" in str(row.get(area, ""))
                xs.append(label)
                ys.append(esc(row["authority"]))
                texts.append(SHORT.get(grade, mark.text) + ("*" if starred else ""))
                hovers.append(esc(f"{row['authority']}: {label}: {row.get(area)}"))
        if not xs:
            continue
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=ys,
                mode="markers+text",
                name=mark.text,
                text=texts,
                textposition="middle right",
                textfont={"size": 13, "color": "#0B0C0C"},
                marker={
                    "symbol": mark.symbol,
                    "size": 18,
                    "color": mark.colour,
                    "line": {"width": 1.5, "color": "#0B0C0C"},
                },
                hovertext=hovers,
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    fig.update_layout(height=150 + 38 * max(len(rows), 1))
    fig.update_xaxes(
        categoryorder="array", categoryarray=columns, side="top", title=None, showgrid=False, range=[-0.4, 3.9]
    )
    fig.update_yaxes(
        categoryorder="array", categoryarray=rows[::-1], title=None, showgrid=True, gridcolor="#EFEFEF", automargin=True
    )
    fig.update_layout(legend={"y": -0.02, "yanchor": "top"}, margin={"t": 40})
    return fig


@cache
def _shapes() -> dict[str, dict]:
    data = json.loads(GEOJSON.read_text(encoding="utf-8"))
    return {f["properties"]["LAD23CD"]: f for f in data["features"]}


def _rings(feature: dict) -> list[list[list[float]]]:
    geometry = feature["geometry"]
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [polygon[0] for polygon in polygons]  # outer rings; the region's holes are too small to draw


def map_figure(latest: pd.DataFrame, codes: dict[str, str], area: str) -> go.Figure:
    """The twelve authorities filled by their latest grade in one judgement (colour and pattern), each labelled
    with its name and grade. `codes` maps authority id to ONS code."""
    shapes = _shapes()
    squash = math.cos(math.radians(54.8))  # longitude degrees are shorter this far north
    fig = go.Figure()
    shown_in_legend: set[str] = set()
    label = FOUR[area]
    for row in latest.to_dict("records"):
        feature = shapes.get(codes.get(row["authority_id"], ""))
        if feature is None:
            continue
        grade = row.get(f"{area}_id") if isinstance(row.get(f"{area}_id"), str) else ""
        mark = GRADE_MARKS.get(grade)
        name = mark.text if mark else "Not graded"
        for ring in _rings(feature):
            fig.add_trace(
                go.Scatter(
                    x=[x * squash for x, _ in ring],
                    y=[y for _, y in ring],
                    mode="lines",
                    fill="toself",
                    fillcolor=mark.colour if mark else NOT_GRADED,
                    fillpattern={
                        "shape": PATTERNS.get(grade, ""),
                        "bgcolor": mark.colour if mark else NOT_GRADED,
                        "fgcolor": "white",
                        "size": 10,
                        "solidity": 0.3,
                    },
                    line={"color": "#0B0C0C", "width": 1},
                    name=name,
                    legendgroup=name,
                    showlegend=name not in shown_in_legend,
                    hoveron="fills",
                    text=esc(f"{row['authority']}: {label}: {row.get(area, 'Not graded')}"),
                    hoverinfo="text",
                )
            )
            shown_in_legend.add(name)
        props = feature["properties"]
        starred = "(not confirmed)" in str(row.get(area, ""))
        ax, ay = LABEL_OFFSETS.get(props["LAD23CD"], (0, 0))
        fig.add_annotation(
            x=props["LONG"] * squash,
            y=props["LAT"],
            text=f"<b>{esc(row['authority'])}</b><br>{SHORT.get(grade, 'Not graded')}{'*' if starred else ''}",
            showarrow=bool(ax or ay),
            ax=ax,
            ay=ay,
            arrowhead=0,
            arrowwidth=1.5,
            arrowcolor="#0B0C0C",
            font={"size": 12, "color": "#0B0C0C"},
            bgcolor="rgba(255,255,255,0.92)",
            bordercolor="#0B0C0C",
            borderwidth=1,
            borderpad=2,
        )
    fig.update_layout(height=760)
    fig.update_xaxes(visible=False, range=[-2.75 * squash, -0.25 * squash])
    fig.update_yaxes(visible=False, scaleanchor="x", scaleratio=1)
    fig.update_layout(legend={"traceorder": "normal"})
    return fig


def england_figure(shares: pd.DataFrame) -> go.Figure:
    """Per judgement, the share of authorities at each grade: England, the North East in the same statistics,
    and the North East now from our records. 100% stacked bars with patterns and percentage labels."""
    fig = go.Figure()
    shares = shares.assign(row=(shares["area"] + " – " + shares["where"]).map(esc))
    rows = list(dict.fromkeys(shares["row"]))
    for grade, mark, group in legend_groups(shares, "grade_id", GRADE_MARKS):
        light = grade == "requires-improvement"
        fig.add_trace(
            go.Bar(
                y=group["row"],
                x=group["share"],
                orientation="h",
                name=mark.text,
                marker={
                    "color": mark.colour,
                    "line": {"color": "#0B0C0C", "width": 1},
                    "pattern": {
                        "shape": PATTERNS.get(grade, ""),
                        "fillmode": "overlay",
                        "fgcolor": "white",
                        "size": 9,
                        "solidity": 0.2,
                    },
                },
                text=[f"{s:.0f}%" if s >= 6 else "" for s in group["share"]],
                textposition="inside",
                insidetextanchor="middle",
                textfont={"size": 13, "color": "#0B0C0C" if light else "white"},
                customdata=group.columns("authorities", "of"),
                hovertemplate="%{y}<br>"
                + esc(mark.text)
                + ": %{x}% (%{customdata[0]} of %{customdata[1]})<extra></extra>",
            )
        )
    fig.update_layout(height=170 + 34 * max(len(rows), 1))
    fig.update_layout(barmode="stack", bargap=0.3)
    fig.update_yaxes(categoryorder="array", categoryarray=rows[::-1], title=None, automargin=True)
    fig.update_xaxes(
        title="Share of authorities graded on that judgement (%)",
        range=[0, 100],
        dtick=20,
        showgrid=True,
        gridcolor="#E5E5E5",
    )
    return fig
