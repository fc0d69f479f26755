"""The print layout (print_layout.with_titles): words wrapped to A4 width, fonts large enough to read, footnotes under the
chart, and grades and statuses told apart without colour."""

from __future__ import annotations

import pytest

from components import chart_style, charts, print_layout, region_exhibits, timeline_charts
from inspections import analysis


def print_figures(frames) -> dict[str, object]:
    matrix = analysis.theme_matrix(frames)
    figures = {
        "timeline": timeline_charts.timeline_figure(frames.events),
        "judgements": timeline_charts.judgements_figure(frames.judgements),
        "themes": charts.theme_matrix_figure(matrix),
        "status": charts.status_figure(analysis.status_counts(frames)),
        "history": charts.status_history_figure(analysis.status_history(frames)),
    }
    source = "Source: inspection reports and letters from Ofsted and Council A. Records checked 31 January 2026."
    return {
        key: print_layout.with_titles(fig, f"Title of {key}", "Alpha and Beta; 2018 to 2024", source)
        for key, fig in figures.items()
    }


@pytest.mark.parametrize(
    ("text", "width", "size", "lines"),
    [
        ("Short", 768, 24, 1),
        ("word " * 60, 768, 16, 4),
        ("word " * 60, 300, 16, 9),
        ("", 768, 16, 1),
    ],
)
def test_text_is_wrapped_to_the_width(text, width, size, lines):
    wrapped = print_layout.text_lines(text, width, size)
    assert len(wrapped) == lines
    assert all(len(line) * size * 0.5 <= width for line in wrapped)


def test_a_long_title_wraps_and_the_plot_moves_down_to_make_room(small_frames):
    fig = charts.status_figure(analysis.status_counts(small_frames))
    short = print_layout.with_titles(fig, "Short title", "Subtitle", "Source: Ofsted.")
    long = print_layout.with_titles(fig, "A very long title " * 6, "A long subtitle " * 12, "Source: Ofsted. " * 20)
    assert long.layout.title.text.count("<br>") >= 1 and long.layout.title.subtitle.text.count("<br>") >= 1
    assert long.layout.margin.t > short.layout.margin.t and long.layout.margin.b > short.layout.margin.b
    assert long.layout.height - long.layout.margin.t - long.layout.margin.b == (
        short.layout.height - short.layout.margin.t - short.layout.margin.b
    )  # the plot keeps its size; the page grows
    assert long.layout.width == short.layout.width == print_layout.PRINT_WIDTH


def test_record_text_in_titles_is_escaped(small_frames):
    fig = print_layout.with_titles(go_figure(small_frames), "<script>x</script> & co", "a < b", "Source: <b>x</b>")
    assert "<script>" not in fig.layout.title.text and "&lt;script&gt;" in fig.layout.title.text
    assert fig.layout.title.subtitle.text == "a &lt; b"
    assert any("&lt;b&gt;x&lt;/b&gt;" in (a.text or "") for a in fig.layout.annotations)


def go_figure(frames):
    return charts.status_figure(analysis.status_counts(frames))


def test_every_font_is_large_enough_to_read_at_a4_width(small_frames):
    for key, fig in print_figures(small_frames).items():
        layout = fig.layout
        assert layout.font.size >= print_layout.PRINT_TEXT, key
        assert layout.title.font.size >= 20 and layout.title.subtitle.font.size >= print_layout.PRINT_TEXT, key
        assert (
            layout.xaxis.tickfont.size >= print_layout.PRINT_TEXT
            and layout.yaxis.tickfont.size >= print_layout.PRINT_TEXT
        )
        assert all(a.font.size >= print_layout.PRINT_SMALL for a in layout.annotations), key
        for trace in fig.data:
            if "textfont" in trace and trace.textfont.size is not None:
                assert trace.textfont.size >= print_layout.PRINT_SMALL, (key, trace.name)


def test_footnotes_move_under_the_chart_into_the_source_block(small_frames):
    events = small_frames.events.copy()
    events.loc[events["graded"], "unconfirmed"] = "judgements"
    fig = timeline_charts.timeline_figure(events)
    assert any((a.text or "").startswith("*") for a in fig.layout.annotations), "the screen chart has a footnote"
    printed = print_layout.with_titles(fig, "T", "S", "Source: Ofsted.")
    paper_notes = [a for a in printed.layout.annotations if a.xref == "paper" and a.yref == "paper"]
    assert len(paper_notes) == 1
    assert paper_notes[0].text.startswith("* Grade not confirmed") and "Source: Ofsted." in paper_notes[0].text


def test_the_legend_sits_under_the_subtitle_and_above_the_plot(small_frames):
    fig = print_figures(small_frames)["status"]
    legend, height = fig.layout.legend, fig.layout.height
    assert legend.orientation == "h" and legend.yref == "container" and legend.yanchor == "top"
    legend_top_px = (1 - legend.y) * height
    assert 60 < legend_top_px < fig.layout.margin.t


def test_grades_and_statuses_are_told_apart_without_colour(small_frames):
    figures = print_figures(small_frames)
    for key in ("timeline", "judgements"):
        marks = [(t.marker.symbol, t.marker.color == "white") for t in figures[key].data]
        assert len(marks) == len(set(marks)), key  # each grade has its own shape (or open/filled)
        assert all(t.text is not None and all(t.text) for t in figures[key].data), key  # and a written label
    for key in ("status", "history"):
        patterns = [t.marker.pattern.shape for t in figures[key].data]
        assert len(patterns) == len(set(patterns)), key  # each status has its own fill pattern
    heat = next(t for t in figures["themes"].data if t.type == "heatmap")
    counts = [n for t in figures["themes"].data if getattr(t, "mode", None) == "text" for n in t.text]
    assert len(counts) == heat.z.size and all(counts)  # every cell says its count in words


def test_click_targets_are_left_off_paper(small_frames):
    printed = print_figures(small_frames)["themes"]
    kinds = [(t.type, getattr(t, "mode", None)) for t in printed.data]
    inks = sum(kind == ("scatter", "text") for kind in kinds)  # one trace of counts per ink colour
    assert kinds == [("heatmap", None), *[("scatter", "text")] * inks, ("scatter", "markers")], (
        "cells, counts, outlines"
    )
    assert inks >= 1 and printed.data[-1].marker.symbol == "square-open"


def test_every_chart_and_its_print_are_in_the_house_style(small_frames):
    """The house style comes from plotly's default template; a figure made any other way would lose it."""
    on_screen = {
        "timeline": timeline_charts.timeline_figure(small_frames.events),
        "themes": charts.theme_matrix_figure(analysis.theme_matrix(small_frames)),
        "status": charts.status_figure(analysis.status_counts(small_frames)),
        **{e.key: e.figure for e in region_exhibits.exhibits(small_frames) if e.figure is not None},
    }
    for key, fig in {**on_screen, **print_figures(small_frames)}.items():
        house = fig.layout.template.layout
        assert house.font.family == chart_style.FONT and house.legend.orientation == "h", key
        assert house.plot_bgcolor == "white" and house.colorway, key  # afcharts' palette under ours
