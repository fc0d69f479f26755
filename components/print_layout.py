"""Figures laid out for print: a copy of a chart with its title, subtitle and source drawn in, words wrapped to an
A4 text column and type no smaller than 8 pt there. The input is any figure from the chart modules.

The copy is laid out as plain data (the figure's dict) and handed to plotly once, which checks every property as
it builds the figure: laying it out through plotly's objects checked each change as it was made, 70 ms or more
for the timeline, on every "Prepare print files" and for every chart in a pack (as components.figure_drafts does
for the charts themselves).
"""

from __future__ import annotations

import base64
import functools
import html
import math
import textwrap
from typing import Any

import numpy as np
import plotly.graph_objects as go

from components.chart_style import CLICK_TARGET
from components.figure_drafts import merge
from components.text_safety import esc

# Print layout. A printed figure is laid out PRINT_WIDTH CSS pixels wide. Placed across a 16 cm A4 text column,
# one pixel prints at 0.2 mm, so N px type prints at about 0.57 N pt: 16 px is 9 pt, 14 px is 8 pt.
PRINT_WIDTH = 800
PRINT_TITLE, PRINT_SUBTITLE, PRINT_TEXT, PRINT_SMALL = 24, 17, 16, 14
_EDGE = 16  # white space around the words, px
_LEGEND_ROW = 30  # px per row of a horizontal legend whose markers are up to 18 px


def text_lines(text: str, width_px: float, size: float, *, bold: bool = False) -> list[str]:
    """text wrapped into lines that fit width_px at a font size (a generous estimate of Arial's widths)."""
    per_char = size * (0.55 if bold else 0.5)
    return textwrap.wrap(str(text), max(int(width_px // per_char), 8), break_on_hyphens=False) or [""]


def _line_px(size: float) -> int:
    return math.ceil(size * 1.3)


def _heading_px(title_lines: int, subtitle_lines: int) -> int:
    """Height of the title and subtitle block as plotly.js draws it (measured: a subtitle of several lines is
    lifted by 0.7 em into its padding)."""
    subtitle = 14 + subtitle_lines * _line_px(PRINT_SUBTITLE) if subtitle_lines else 0
    lifted = math.ceil(0.7 * PRINT_SUBTITLE) if subtitle_lines > 1 else 0
    return _EDGE + title_lines * _line_px(PRINT_TITLE) + subtitle - lifted


def _lines_markup(lines: list[str]) -> str:
    return "<br>".join(esc(line) for line in lines)


def with_titles(fig: go.Figure, title: str, subtitle: str, source: str, *, width: int = PRINT_WIDTH) -> go.Figure:
    """A copy of fig laid out for print: its title, subtitle (the filters) and source drawn in, so it stands alone.

    Words are wrapped to the page width, fonts sized to read at A4 width, footnotes moved under the chart, and the
    margins worked out from the wrapped lines so nothing overlaps. Meaning still rests on shapes, patterns and
    labels, never colour alone.
    """
    spec = _copied(fig.to_dict())  # a shared figure's dict is read by other sessions: never changed here
    data, layout = spec.setdefault("data", []), spec.setdefault("layout", {})
    inner = width - 2 * _EDGE
    title_lines = text_lines(title, inner, PRINT_TITLE, bold=True)
    subtitle_lines = text_lines(subtitle, inner, PRINT_SUBTITLE)
    notes = _take_footnotes(layout)
    data[:] = [t for t in data if t.get("meta") != CLICK_TARGET]  # drawn only to be clicked: smudges on paper
    source_lines = [line for text in [*notes, source] for line in text_lines(text, inner, PRINT_SMALL)]
    heading_px = _heading_px(len(title_lines), len(subtitle_lines))
    _print_fonts(data, layout)
    (left, least_plot_px), right = _print_yaxis(data, layout, width), _right_margin(data)
    plot_width = width - left - right
    legend_px = _print_legend(data, layout, plot_width, top_px=heading_px + 10, height=None)
    top_axis_px, bottom_axis_px = _print_axes(data, layout, plot_width=plot_width)
    source_px = len(source_lines) * _line_px(PRINT_SMALL) + _EDGE
    if any(t.get("type") == "heatmap" for t in data):  # rows as tight as their labels allow, to fit a page
        plot_px = max(least_plot_px + 20, 220)
    else:
        plot_px = max(int((fig.layout.height or 450) - 70), 220, least_plot_px)
    top = heading_px + 10 + legend_px + top_axis_px + 12
    bottom = bottom_axis_px + 14 + source_px
    height = top + plot_px + bottom
    merge(
        layout,
        {
            "width": width,
            "height": height,
            "margin": {"l": left, "r": right, "t": top, "b": bottom, "autoexpand": True},
            "title": {
                "text": f"<b>{_lines_markup(title_lines)}</b>",
                "subtitle": {
                    "text": _lines_markup(subtitle_lines),
                    "font": {"size": PRINT_SUBTITLE, "color": "#0B0C0C"},
                },
                "font": {"size": PRINT_TITLE, "color": "#0B0C0C"},
                "x": _EDGE / width,
                "xref": "container",
                "xanchor": "left",
                # plotly.js lifts a title of several lines by 0.7 em; put it back so the first line is not cut off
                "y": 1 - (_EDGE + (0.7 * PRINT_TITLE if len(title_lines) > 1 else 0)) / height,
                "yref": "container",
                "yanchor": "top",
                "pad": {"t": 0, "b": 0, "l": 0},
            },
        },
    )
    _print_legend(data, layout, plot_width, top_px=heading_px + 10, height=height)
    layout.setdefault("annotations", []).append(
        {
            "text": _lines_markup(source_lines),
            "xref": "paper",
            "yref": "paper",
            "x": 0,
            "y": 0,
            "xshift": -(left - _EDGE),
            "yshift": -(bottom_axis_px + 14),
            "xanchor": "left",
            "yanchor": "top",
            "showarrow": False,
            "align": "left",
            "font": {"size": PRINT_SMALL, "color": "#505A5F"},
        }
    )
    return go.Figure(spec)


def _axes(layout: dict, axis: str) -> list[dict]:
    """Every axis of a kind ("x" or "y") in the layout, as plotly's update_xaxes finds them: the first always,
    made if need be, and any others the figure has."""
    layout.setdefault(f"{axis}axis", {})
    return [value for key, value in layout.items() if key.startswith(f"{axis}axis") and isinstance(value, dict)]


def _update_axes(layout: dict, axis: str, changes: dict) -> None:
    for found in _axes(layout, axis):
        merge(found, changes)


def _is_typed_array(value: Any) -> bool:
    return isinstance(value, dict) and "bdata" in value and "dtype" in value


def _copied(value: Any) -> Any:
    """plotly's dict of a figure, copied, with its numeric arrays (base64 there) as NumPy arrays again, as the
    figure held them: the printed figure's traces then hold arrays, not their encoding."""
    if isinstance(value, dict):
        return _array(value) if _is_typed_array(value) else {key: _copied(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_copied(item) for item in value]
    return value  # text, numbers, and arrays plotly keeps as they are (never changed here)


def _array(typed: dict) -> np.ndarray:
    array = np.frombuffer(base64.b64decode(typed["bdata"]), dtype=np.dtype(typed["dtype"]))
    if "shape" in typed:
        array = array.reshape([int(n) for n in str(typed["shape"]).split(",")])
    # plotly stores whole numbers in the smallest type that holds them; the charts made them as NumPy's default
    return array.astype(np.int64) if array.dtype.kind == "i" else array.copy()


def _values(value: Any) -> list | None:
    """An array setting as a list, or None if unset."""
    return None if value is None else list(value)


@functools.cache
def _has_property(trace_type: str, name: str) -> bool:
    """Whether plotly's trace of this type has this property (as `name in trace` answers for a trace object)."""
    return name in go.Figure({"data": [{"type": trace_type}]}).data[0]


def _take_footnotes(layout: dict) -> list[str]:
    """Remove notes pinned to the plot area (paper x and y) and return their text, to print under the chart."""
    annotations = layout.get("annotations") or []
    notes = [a for a in annotations if a.get("xref") == "paper" and a.get("yref") == "paper"]
    if "annotations" in layout:
        layout["annotations"] = [a for a in annotations if a not in notes]
    return [html.unescape(str(a["text"]).replace("<br>", " ")) for a in notes if a.get("text")]


def _print_fonts(data: list[dict], layout: dict) -> None:
    """Every piece of text at least PRINT_SMALL px; axes and legend at PRINT_TEXT."""
    merge(
        layout, {"font": {"size": PRINT_TEXT}, "legend": {"font": {"size": PRINT_TEXT}}, "uniformtext": {"minsize": 12}}
    )
    for axis in ("x", "y"):
        _update_axes(layout, axis, {"tickfont": {"size": PRINT_TEXT}, "title": {"font": {"size": PRINT_TEXT}}})
    for trace in data:
        kind = trace.get("type", "scatter")
        if kind == "scatter":
            trace["cliponaxis"] = False  # a label at the edge of the plot is drawn whole
        if _has_property(kind, "textfont"):
            font = trace.setdefault("textfont", {})
            font["size"] = max(font.get("size") or 0, PRINT_SMALL)
        if kind == "heatmap":
            merge(trace, {"colorbar": {"tickfont": {"size": PRINT_SMALL}, "title": {"font": {"size": PRINT_SMALL}}}})
    for annotation in layout.get("annotations") or []:
        font = annotation.setdefault("font", {})
        font["size"] = max(font.get("size") or 0, PRINT_SMALL)


def _category_labels(data: list[dict], layout: dict, axis: str) -> list[str]:
    """The category labels on an axis ("x" or "y"): its tick text, or the traces' text values; empty for numbers."""
    ticktext = _values(layout.get(f"{axis}axis", {}).get("ticktext"))
    if ticktext:
        return [str(t) for t in ticktext]
    labels: list[str] = []
    for trace in data:
        values = trace.get(axis)
        if values is None:
            continue
        labels.extend(str(v) for v in values if isinstance(v, str))
    return labels


def _print_yaxis(data: list[dict], layout: dict, width: int) -> tuple[int, int]:
    """Wrap long category labels on the y axis; return the left margin and the least plot height they need."""
    labels = list(dict.fromkeys(_category_labels(data, layout, "y")))
    yaxis = layout.get("yaxis", {})
    if not labels:
        return _EDGE + 48 + (_line_px(PRINT_TEXT) + 6 if yaxis.get("title", {}).get("text") else 0), 0
    wrapped = [text_lines(html.unescape(label), width * 0.4, PRINT_TEXT) for label in labels]
    if any(len(lines) > 1 for lines in wrapped):
        tickvals = _values(yaxis.get("tickvals"))
        _update_axes(
            layout,
            "y",
            {"tickvals": labels if tickvals is None else tickvals, "ticktext": [_lines_markup(ls) for ls in wrapped]},
        )
    longest = max(len(line) for lines in wrapped for line in lines)
    deepest = max(len(lines) for lines in wrapped)
    if any(t.get("type") == "heatmap" for t in data):  # cells fill the plot: no padding above the first row
        _update_axes(layout, "y", {"range": [len(labels) - 0.5, -0.5], "autorange": False})
    return _EDGE + math.ceil(longest * PRINT_TEXT * 0.5) + 16, len(labels) * (deepest * (_line_px(PRINT_TEXT) - 2) + 8)


def _right_margin(data: list[dict]) -> int:
    if any(t.get("type") == "heatmap" and t.get("showscale") is not False for t in data):
        return _EDGE + 90  # room for the colour bar
    labelled_right = any(
        t.get("type", "scatter") == "scatter"
        and t.get("textposition") is not None
        and "right" in str(t["textposition"])
        for t in data
    )
    return _EDGE + (70 if labelled_right else 8)


def _print_legend(data: list[dict], layout: dict, plot_width: int, *, top_px: int, height: int | None) -> int:
    """Put the legend in rows under the subtitle, and return the height it takes (0 with no legend)."""
    names = [
        t["name"] for t in data if t.get("name") and t.get("showlegend") is not False and t.get("type") != "heatmap"
    ]
    if not names:
        return 0
    text_px = math.ceil(max(len(n) for n in names) * PRINT_TEXT * 0.5) + 8
    per_row = max(plot_width // (text_px + 46), 1)  # plotly adds the symbol and gaps to each entry's width
    rows = math.ceil(len(names) / per_row)
    if height is not None:
        merge(
            layout,
            {
                "legend": {
                    "orientation": "h",
                    "xref": "container",
                    "x": _EDGE / (layout.get("width") or PRINT_WIDTH),
                    "xanchor": "left",
                    "yref": "container",
                    "y": 1 - top_px / height,
                    "yanchor": "top",
                    "entrywidth": text_px,
                    "entrywidthmode": "pixels",
                    "itemsizing": "constant",
                    "tracegroupgap": 0,
                }
            },
        )
    return rows * _LEGEND_ROW + 6


def _print_axes(data: list[dict], layout: dict, plot_width: int) -> tuple[int, int]:
    """Wrap axis titles and category labels for print; return the px the axes take above and below the plot."""
    top = bottom = 0
    xaxis = layout.get("xaxis", {})
    labels = list(dict.fromkeys(_category_labels(data, layout, "x")))
    tickvals = _values(xaxis.get("tickvals"))
    tick_px = _line_px(PRINT_TEXT) + 8
    if labels:
        column = plot_width / max(len(labels), 1)
        wrapped = [text_lines(html.unescape(label), column - 8, PRINT_TEXT) for label in labels]
        if all(len(line) * PRINT_TEXT * 0.5 <= column - 8 for lines in wrapped for line in lines):
            _update_axes(
                layout,
                "x",
                {
                    "tickvals": labels if tickvals is None else tickvals,
                    "ticktext": [_lines_markup(lines) for lines in wrapped],
                    "tickangle": 0,
                    "automargin": True,
                },
            )
            tick_px = max(len(lines) for lines in wrapped) * _line_px(PRINT_TEXT) + 10
        else:
            _update_axes(layout, "x", {"tickangle": -90, "automargin": True})
            tick_px = math.ceil(max(len(html.unescape(label)) for label in labels) * PRINT_TEXT * 0.5) + 14
    title_px = 0
    title = xaxis.get("title", {}).get("text")
    if title:
        title_lines = text_lines(html.unescape(title), plot_width, PRINT_TEXT)
        _update_axes(layout, "x", {"title": {"text": _lines_markup(title_lines), "standoff": 8}})
        title_px = len(title_lines) * _line_px(PRINT_TEXT) + 8
    if xaxis.get("side") == "top":
        top = tick_px + title_px
        bottom = 8
    else:
        bottom = tick_px + title_px
    return top, bottom
