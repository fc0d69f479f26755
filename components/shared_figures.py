"""Plotly figures that every session shares from a cache, and that stay whole while several sessions use them.

The upstream behaviour: copying a figure, `go.Figure(fig)` (as the print layout did until it worked on the figure's
dict), takes each trace's own property dict from `fig`, pops its "type" while it builds the copy's
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

Drawing: st.plotly_chart turns the figure into a dict with `to_dict` on every page run (Streamlit 1.67,
`plotly.tools.return_figure_from_figure_or_data`), and plotly's `to_dict` deep-copies every property and encodes
its arrays as base64: 1 to 6 ms a figure, on every run of every page that shows it, for a figure that never
changes. A shared figure makes that dict once and hands the same one out; Streamlit and `plotly.io.to_json` only
read it. tests/test_shared_figures.py fails loudly if st.plotly_chart stops reading figures that way
(`test_drawing_a_shared_figure_again_reuses_its_dict`).
"""

from __future__ import annotations

import dataclasses
from typing import TypeVar

import pandas as pd
import plotly.graph_objects as go

T = TypeVar("T")


class SharedFigure(go.Figure):
    """A figure that is read, never changed, by every session: its traces are handed out as fresh copies, and
    its dict is made once."""

    @property
    def data(self) -> tuple:
        # Each copy is built from its trace's properties as JSON-like data (a read), never by popping them.
        return tuple(type(trace)(trace.to_plotly_json()) for trace in super().data)

    def to_dict(self) -> dict:
        """The figure as plotly's dict, made on first use and then shared: callers must only read it."""
        # Two sessions drawing it first at once may both make it; either result is the same and complete.
        made = getattr(self, "_shared_dict", None)
        if made is None:
            made = self._shared_dict = super().to_dict()
        return made


_HOLDS_NO_FIGURE = (str, int, float, pd.DataFrame, pd.Series)


def share(value: T) -> T:
    """value, with every plotly figure in it (in lists, tuples, dicts and dataclasses) made a SharedFigure.

    In place, by changing the figures' class: SharedFigure adds no state but its dict, made on first use, and making
    new figures would cost the validation this module exists to avoid.
    """
    if value is None or isinstance(value, _HOLDS_NO_FIGURE):
        return value  # first: most of what is walked is words and tables
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
