"""Figures cached by `derived` are shared by every session, and stay whole while several use them at once:
drawing (st.plotly_chart reads the figure as a dict), printing and packing (both copy it first) run in
parallel threads on one cached figure, and no thread ever sees a trace without its type or an error.
The copy plotly makes pops each trace's type from the figure it copies and puts it back (plotly 7.1); the
second test fails loudly if a plotly upgrade brings that back onto shared figures."""

from __future__ import annotations

import json
import threading
import time
from typing import ClassVar

import plotly.graph_objects as go
import plotly.io as pio
import pytest
from plotly.utils import PlotlyJSONEncoder

from components import exhibits, print_layout, region_exhibits
from components.data import Context, derived
from inspections.analysis import apply_view, options_for
from inspections.view import View

SECONDS = 3.0


@pytest.fixture(scope="module")
def ctx(small_frames) -> Context:
    options = options_for(small_frames)
    view = View.default(options)
    return Context(apply_view(small_frames, view), small_frames, view, options, digest="shared-figures-test")


def hammer(*workers, seconds: float = SECONDS) -> list[str]:
    """Run each worker in its own thread, over and over, for `seconds`; return what went wrong."""
    problems: list[str] = []
    stop = time.monotonic() + seconds

    def loop(work) -> None:
        while time.monotonic() < stop and not problems:
            try:
                problem = work()
            except Exception as exc:  # any error in any thread is the failure this test looks for
                problem = f"{work.__name__}: {type(exc).__name__}: {str(exc)[:200]}"
            if problem:
                problems.append(problem)

    threads = [threading.Thread(target=loop, args=(w,), daemon=True) for w in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 30)
    return problems


def untyped(spec: dict) -> str | None:
    missing = [i for i, trace in enumerate(spec["data"]) if "type" not in trace]
    return f"traces {missing} have no type" if missing else None


def test_every_session_can_draw_print_and_pack_one_cached_figure_at_once(ctx):
    timeline = derived(ctx, exhibits.timeline, ctx.view, ctx.options)
    matrix = derived(ctx, exhibits.themes, ctx.view, ctx.options, "improvement")
    packable = derived(ctx, exhibits.exhibits, ctx.view, ctx.options)
    assert derived(ctx, exhibits.timeline, ctx.view, ctx.options).figure is timeline.figure, "one shared figure"

    def draw():  # what st.plotly_chart does with it
        return untyped(timeline.figure.to_dict()) or untyped(matrix.figure.to_dict())

    def print_it():  # what a print download does with it
        printed = print_layout.with_titles(timeline.figure, "Title", "Subtitle", "Source")
        return untyped(printed.to_dict()) or untyped(pio.from_json(pio.to_json(printed)).to_dict())

    def pack_it():  # what a committee pack does with it
        items = [i for e in packable if e.figure is not None for i in e.items(with_chart=True, with_table=False)]
        return next((p for p in (untyped(i.figure.to_dict()) for i in items) if p), None)

    assert hammer(draw, draw, print_it, pack_it, pack_it) == []
    assert untyped(timeline.figure.to_dict()) is None and untyped(matrix.figure.to_dict()) is None


def test_the_region_exhibits_are_shared_whole_too(ctx):
    shared = [e for e in derived(ctx, region_exhibits.exhibits, everything=True) if e.figure is not None]
    assert shared

    def pack_it():
        return next((untyped(e.items(with_chart=True, with_table=False)[0].figure.to_dict()) for e in shared), None)

    def draw():
        return next((p for p in (untyped(e.figure.to_dict()) for e in shared) if p), None)

    assert hammer(pack_it, pack_it, draw, seconds=1.5) == []


class _Tripwire(dict):
    """A trace's own properties, which must never be changed once the figure is shared."""

    armed: ClassVar[set[int]] = set()

    def pop(self, *args):
        if id(self) in _Tripwire.armed:
            raise AssertionError(f"a shared figure's trace lost its {args[0]!r} while being copied")
        return super().pop(*args)


def test_copying_a_shared_figure_never_touches_its_traces(ctx):
    figure = derived(ctx, exhibits.timeline, ctx.view, ctx.options).figure
    # Peeks at plotly's storage (the list of each trace's property dicts) only to watch it, in this test alone.
    figure._data[:] = [_Tripwire(props) for props in figure._data]
    _Tripwire.armed = {id(props) for props in figure._data}
    try:
        copy = go.Figure(figure)
        print_layout.with_titles(figure, "Title", "Subtitle", "Source")
    finally:
        _Tripwire.armed = set()
    assert [t.type for t in copy.data] == [t["type"] for t in figure.to_dict()["data"]]


def _draw_twice() -> None:
    import plotly.graph_objects as go
    import streamlit as st

    from components.shared_figures import share

    @st.cache_resource
    def figure() -> go.Figure:
        return share(go.Figure(go.Bar(x=["a", "b"], y=[1, 2])))

    st.plotly_chart(figure(), theme=None, key="chart")


def test_drawing_a_shared_figure_again_reuses_its_dict(monkeypatch):
    """st.plotly_chart reads a figure with to_dict on every run; a shared figure's dict is made once. If a
    Streamlit upgrade stops calling to_dict, this fails: the saving (a deep copy per chart per run) is gone."""
    from plotly.basedatatypes import BaseFigure
    from streamlit.testing.v1 import AppTest

    from components.shared_figures import SharedFigure

    calls = {"shared": 0, "made": 0}
    shared_to_dict, made_to_dict = SharedFigure.to_dict, BaseFigure.to_dict

    def counting_shared(self):
        calls["shared"] += 1
        return shared_to_dict(self)

    def counting_made(self):
        calls["made"] += isinstance(self, SharedFigure)
        return made_to_dict(self)

    monkeypatch.setattr(SharedFigure, "to_dict", counting_shared)
    monkeypatch.setattr(BaseFigure, "to_dict", counting_made)
    at = AppTest.from_function(_draw_twice)
    at.run()
    at.run()
    assert not at.exception
    assert calls["shared"] >= 2, "st.plotly_chart no longer reads figures with to_dict: revisit shared_figures"
    assert calls["made"] == 1, "the shared figure's dict was made again"
    spec = at.get("plotly_chart")[0].proto.spec
    assert '"type":"bar"' in spec.replace(" ", "")


def test_printing_a_shared_figure_leaves_the_dict_it_shares_as_it_was(ctx):
    figure = derived(ctx, exhibits.timeline, ctx.view, ctx.options).figure
    shared = figure.to_dict()  # what every session drawing it is handed
    before = json.dumps(shared, cls=PlotlyJSONEncoder, sort_keys=True)
    printed = print_layout.with_titles(figure, "Title", "Subtitle", "Source")
    assert figure.to_dict() is shared
    assert json.dumps(shared, cls=PlotlyJSONEncoder, sort_keys=True) == before
    assert printed.layout.title.text == "<b>Title</b>" and figure.layout.title.text != printed.layout.title.text
