"""Plotly figures that every session shares from a cache, and that stay whole while several sessions use them.

The upstream behaviour: copying a figure, `go.Figure(fig)` (as `print_layout.with_titles` does for print and for the
committee pack), takes each trace's own property dict from `fig`, pops its "type" while it builds the copy's
trace, and puts it back (plotly 7.1, `BaseDataValidator.validate_coerce`; the in-place pop replaced a deepcopy in
plotly/plotly.py#3946). Nothing is lost in one thread, but a session drawing the same cached figure at that
moment (st.plotly_chart reads it with `to_dict`) sends a trace with no type, or fails with "dictionary changed
size during iteration", and a second session copying it builds a scatter trace from heatmap properties and fails.

Copying every cached figure for each caller would avoid it, but a plotly copy re-validates every property: 10 to
40 ms a figure, two to twelve times a warm page run (plotly/plotly.py#1078, closed unfixed). So a shared figure
hands out copies of its traces instead (`fig.data`), which is where `go.Figure(fig)` takes them from: a copy is
then made from those, never from the shared figure's own dicts, and only when someone copies it. Drawing reads
the shared dicts without changing them. tests/test_shared_figures.py fails loudly if a plotly upgrade copies
another way (`test_copying_a_shared_figure_never_touches_its_traces`) and runs the sessions side by side.
"""

from __future__ import annotations

import dataclasses
from typing import TypeVar

import plotly.graph_objects as go

T = TypeVar("T")


class SharedFigure(go.Figure):
    """A figure that is read, never changed, by every session: its traces are handed out as fresh copies."""

    @property
    def data(self) -> tuple:
        # Each copy is built from its trace's properties as JSON-like data (a read), never by popping them.
        return tuple(type(trace)(trace.to_plotly_json()) for trace in super().data)


def share(value: T) -> T:
    """value, with every plotly figure in it (in lists, tuples, dicts and dataclasses) made a SharedFigure.

    In place, by changing the figures' class: SharedFigure adds no state, only how `data` is read, and making
    new figures would cost the validation this module exists to avoid.
    """
    if type(value) is go.Figure:
        value.__class__ = SharedFigure
    elif isinstance(value, (list, tuple)):
        for item in value:
            share(item)
    elif isinstance(value, dict):
        for item in value.values():
            share(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            share(getattr(value, field.name))
    return value
