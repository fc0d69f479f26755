"""Figures drafted as plain data, then made and checked by plotly once.

Building a figure step by step through plotly's objects (go.Scatter, add_trace, update_layout, update_xaxes) checks
and copies every property at every step: the timeline took about 45 ms to build, though plotly checks the same
finished figure, `go.Figure(spec)`, in about 10. Every new view builds its figures again, and under
bench/load_test.py that building was a fifth of the server's time. So a chart is drafted here as the dicts and lists
plotly's own JSON is made of, and `figure()` hands the whole draft to plotly's public constructor, which validates
every property as before: a misspelt property still fails, and in the same place, the draft's `figure()` call.

Only what the charts use: traces added in order, layout set by nested merge, axis settings, notes and shapes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go


def trace(kind: str, **props: Any) -> dict:
    """A trace of plotly's type `kind` ("scatter", "bar", "heatmap") with these properties."""
    return {"type": kind, **props}


class Draft:
    """A figure in the making: `data` is its traces, `layout` its layout, both plain data until `figure()`."""

    def __init__(self, *traces: dict) -> None:
        self.data: list[dict] = list(traces)
        self.layout: dict[str, Any] = {}

    def add_trace(self, trace: dict) -> None:
        self.data.append(trace)

    def update_layout(self, **props: Any) -> None:
        """Set layout properties; a dict value is merged into what is there, as plotly's update_layout does."""
        merge(self.layout, props)

    def update_xaxes(self, **props: Any) -> None:
        merge(self.layout, {"xaxis": props})

    def update_yaxes(self, **props: Any) -> None:
        merge(self.layout, {"yaxis": props})

    def add_annotations(self, *notes: dict) -> None:
        self.layout.setdefault("annotations", []).extend(notes)

    def add_shapes(self, *shapes: dict) -> None:
        self.layout.setdefault("shapes", []).extend(shapes)

    def figure(self) -> go.Figure:
        """The plotly figure, every property checked (in the house template: plotly's default)."""
        return go.Figure({"data": [_arrays(t) for t in self.data], "layout": self.layout})


def _arrays(props: dict) -> dict:
    """props with pandas columns as the NumPy arrays plotly makes of them. Given a pandas Series, plotly's check of
    a data property asks narwhals what the Series holds, which inspects its class and, for text, its values: about
    a fifth of making a bar chart. The array plotly keeps, and so the figure's JSON, is the same."""
    return {key: _array(value) for key, value in props.items()}


def _array(value: Any) -> Any:
    if isinstance(value, pd.Series | pd.Index):
        return value.to_numpy()
    if isinstance(value, dict):
        return _arrays(value)
    return value


def merge(into: dict, props: Mapping[str, Any]) -> None:
    """Change plain figure data as plotly's update does: nested settings merged key by key, anything else replaced."""
    for key, value in props.items():
        if isinstance(value, Mapping):
            if not isinstance(into.get(key), dict):
                into[key] = {}
            merge(into[key], value)  # into a dict of the draft's own, so a shared constant is never changed
        else:
            into[key] = value
