"""The words around each chart are built from the same frames as the chart, so they say what it shows."""

from __future__ import annotations

from dataclasses import replace

from components import captions
from inspections import analysis
from inspections.view import View


def view_and_options(frames):
    options = analysis.options_for(frames)
    return View.default(options), options


def test_timeline_title_states_the_latest_overall_grades(small_frames):
    view, options = view_and_options(small_frames)
    caption = captions.timeline_caption(small_frames, view, options)
    assert caption.title == "Latest overall grades: Alpha good and Beta good"
    assert "4 Ofsted inspections and visits (3 graded, 1 not graded)" in caption.summary


def test_subtitle_states_the_filters(small_frames):
    view, options = view_and_options(small_frames)
    narrowed = replace(view, authorities=("beta",), first_year=2019, last_year=2019, themes=("plans",))
    frames = analysis.apply_view(small_frames, narrowed)
    assert (
        captions.filter_description(frames, narrowed, options)
        == "Beta; 2019; all kinds of inspection and visit; Plans and planning"
    )


def test_source_line_names_publishers_and_the_records_check(small_frames):
    line = captions.source_line(small_frames)
    assert line.startswith("Source: inspection reports and letters from Ofsted and Council A")
    assert line.endswith("Records checked 31 January 2026.")


def test_matrix_title_names_the_most_widespread_recurring_theme(small_frames):
    view, options = view_and_options(small_frames)
    matrix = analysis.theme_matrix(small_frames)
    caption = captions.matrix_caption(small_frames, view, options, matrix, "improvement")
    assert caption.title == "Supervision recurs in 1 of 2 authorities"
    assert "1 cells are recurring" in caption.summary


def test_status_title_counts_done_and_no_update(small_frames):
    view, options = view_and_options(small_frames)
    assert captions.status_caption(small_frames, view, options).title == (
        "1 of 4 recommendations reported done; 2 with no update found"
    )


def test_empty_selection_says_so(small_frames):
    view, options = view_and_options(small_frames)
    nothing = analysis.apply_view(small_frames, replace(view, kinds=("jtai",)))
    assert captions.timeline_caption(nothing, view, options).title == "No inspections or visits match these filters"
    assert captions.status_caption(nothing, view, options).title == "No recommendations match these filters"
