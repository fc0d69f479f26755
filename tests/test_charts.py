"""Every chart function, checked on the data its figure carries."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from components import chart_style, charts, print_layout, timeline_charts
from inspections import analysis


def traces_by_name(fig):
    return {trace.name: trace for trace in fig.data}


def test_timeline_marks_each_grade_by_shape_colour_and_label(small_frames):
    fig = timeline_charts.timeline_figure(small_frames.events)
    traces = traces_by_name(fig)
    assert set(traces) == {"Good", "Requires improvement", "Visit (not graded)"}
    good = traces["Good"]
    assert list(fig.layout.yaxis.ticktext) == ["Alpha", "Beta"] and list(fig.layout.yaxis.tickvals) == [1, 0]
    assert len(good.x) == 2 and set(good.y) == {1.0, 0.0}
    assert [row[0] for row in good.customdata] == ["Alpha", "Beta"] or [row[0] for row in good.customdata] == [
        "Beta",
        "Alpha",
    ]
    assert good.marker.symbol == "circle" and list(good.text) == ["Good", "Good"]
    assert traces["Requires improvement"].marker.symbol == "diamond"
    assert list(traces["Requires improvement"].text) == ["RI"]
    visit = traces["Visit (not graded)"]
    assert visit.marker.color == "white" and list(visit.text) == ["Visit"]
    assert len({t.marker.symbol for t in fig.data if t.name != "Visit (not graded)"}) == 2  # a shape per grade


def test_timeline_draws_a_loosely_dated_event_across_its_whole_range(small_frames):
    events = small_frames.events.copy()
    visit = events.index[events["event_id"] == "alpha-2021-fv"][0]
    # The fixture's visit is dated to a month (not a range): no bar.
    assert "Date known only as a range" not in traces_by_name(timeline_charts.timeline_figure(events))
    events.loc[visit, ["start", "end"]] = [pd.Timestamp("2018-01-01"), pd.Timestamp("2020-12-31")]
    bar = traces_by_name(timeline_charts.timeline_figure(events))["Date known only as a range"]
    assert list(bar.x) == [pd.Timestamp("2018-01-01"), pd.Timestamp("2020-12-31"), None]
    assert bar.line.dash == "dot" and bar.y[0] == bar.y[1]
    events.loc[visit, "unconfirmed"] = ""  # a long fieldwork the sources do confirm is not a guess
    assert "Date known only as a range" not in traces_by_name(timeline_charts.timeline_figure(events))


def test_timeline_keeps_close_events_apart_and_stars_unconfirmed_grades(small_frames):
    events = small_frames.events.copy()
    beta = events.index[events["event_id"] == "beta-2019"][0]
    twin = events.loc[[beta]].assign(event_id="beta-2019-twin", unconfirmed="judgements")
    fig = timeline_charts.timeline_figure(pd.concat([events, twin], ignore_index=True))
    good = traces_by_name(fig)["Good"]
    beta_heights = sorted(y for y, row in zip(good.y, good.customdata, strict=True) if row[0] == "Beta")
    assert beta_heights[0] < beta_heights[1] == 0.0
    assert "Good*" in list(good.text)
    assert any("not confirmed" in a.text for a in fig.layout.annotations)


def test_timeline_shows_framework_eras(small_frames):
    fig = timeline_charts.timeline_figure(small_frames.events)
    labels = {a.text for a in fig.layout.annotations}
    assert "ILACS" in labels
    assert len(fig.layout.shapes) >= 2


def test_timeline_hover_text_is_escaped(small_frames):
    events = small_frames.events.copy()
    events.loc[0, "grades"] = "<script>alert(1)</script>"
    fig = timeline_charts.timeline_figure(events)
    hover = np.concatenate([t.customdata.ravel() for t in fig.data])
    assert any("&lt;script&gt;alert(1)&lt;/script&gt;" in str(h) for h in hover)
    assert not any("<script>" in str(h) for h in hover)


def test_timeline_hover_names_only_what_an_event_has(small_frames):
    fig = timeline_charts.timeline_figure(small_frames.events)
    hover = [str(h) for t in fig.data if t.customdata is not None for row in t.customdata for h in row]
    assert not any(h.endswith("Not confirmed: ") for h in hover)
    assert "Not confirmed:" not in " ".join(t.hovertemplate or "" for t in fig.data), "flags sit beside what they flag"


def test_judgements_figure_has_one_row_per_authority_and_area(small_frames):
    fig = timeline_charts.judgements_figure(small_frames.judgements)
    rows = {y for trace in fig.data for y in trace.y}
    assert "Beta – Adoption performance" in rows
    assert sum(len(t.x) for t in fig.data) == len(small_frames.judgements)
    assert traces_by_name(fig)["Outstanding (O)"].marker.symbol == "star"


def test_theme_matrix_figure_carries_the_matrix_counts(small_frames):
    matrix = analysis.theme_matrix(small_frames)
    fig = charts.theme_matrix_figure(matrix)
    heat = fig.data[0]
    assert list(heat.x) == ["Alpha", "Beta"]
    assert list(heat.y) == ["Supervision", "Plans and planning", "Early help"]
    assert heat.z[0][0] == 3 and heat.z[1][1] == 1
    texts = [t for t in fig.data if getattr(t, "mode", None) == "text"]
    written = {cell: n for t in texts for cell, n in zip(zip(t.x, t.y, strict=True), t.text, strict=True)}
    assert len(written) == len(matrix), "each cell's count written once"
    assert written["Alpha", "Supervision"] == "3"
    assert written["Alpha", "Early help"] == "–"
    assert heat.zmax == charts.MATRIX_TOP, "a fixed scale of counts, so two pasted matrices compare"
    outlined = traces_by_name(fig)["Recurring: raised at two or more inspections or visits (outlined)"]
    recurring = matrix[matrix["recurring"]]
    assert sorted(zip(outlined.x, outlined.y, strict=True)) == sorted(
        zip(recurring["authority"], recurring["theme"], strict=True)
    )
    clickable = fig.data[-1]  # heatmap cells cannot be clicked; one marker per cell can
    assert len(clickable.x) == len(matrix) == 6
    assert (clickable.x[0], clickable.y[0]) == ("Alpha", "Supervision")


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Newcastle upon Tyne", "Newcastle"),
        ("Stockton-on-Tees", "Stockton"),
        ("Redcar and Cleveland", "Redcar & Cleveland"),
        ("Durham", "Durham"),
    ],
)
def test_narrow_matrix_columns_use_short_names(name, short):
    assert chart_style.short_authority(name) == short


def test_status_figure_stacks_latest_statuses_with_patterns(small_frames):
    counts = analysis.status_counts(small_frames)
    fig = charts.status_figure(counts)
    traces = traces_by_name(fig)
    assert set(traces) == {"Improved", "Raised again", "No update found"}
    assert sum(sum(t.x) for t in fig.data) == 4
    patterns = {t.marker.pattern.shape for t in fig.data}
    assert len(patterns) == 3  # distinguishable without colour
    assert fig.layout.barmode == "stack"


def test_status_history_figure_by_year(small_frames):
    history = analysis.status_history(small_frames)
    fig = charts.status_history_figure(history)
    assert {t.name for t in fig.data} == {"Improved", "Raised again", "Reported in progress", "No update found"}
    in_2026 = sum(y for t in fig.data for x, y in zip(t.x, t.y, strict=True) if x == 2026)
    assert in_2026 == 4


def test_with_titles_draws_title_subtitle_and_source(small_frames):
    fig = print_layout.with_titles(
        charts.status_figure(analysis.status_counts(small_frames)), "A & B", "What is shown", "Source: Ofsted"
    )
    assert fig.layout.title.text == "<b>A &amp; B</b>"
    assert fig.layout.title.subtitle.text == "What is shown"
    assert any(a.text == "Source: Ofsted" for a in fig.layout.annotations)


def test_empty_frames_give_empty_figures_not_errors(small_frames):
    empty = small_frames.events.iloc[0:0]
    assert len(timeline_charts.timeline_figure(empty).data) == 0
    assert len(charts.status_figure(analysis.status_counts(small_frames).iloc[0:0]).data) == 0


def test_the_timeline_leaves_room_for_the_latest_label(small_frames):
    fig = timeline_charts.timeline_figure(small_frames.events)
    latest = small_frames.events["date"].max()
    assert pd.Timestamp(fig.layout.xaxis.range[1]) - latest >= pd.Timedelta(days=500)
