"""Chart text reads at 4.5:1 or better against what is behind it (WCAG 2.2 AA, 1.4.3), computed from the figures'
own colours: the counts in matrix cells, and the counts on status bars against the fill and the fill's pattern."""

from __future__ import annotations

import pytest

from components import chart_style, charts
from components.contrast import TEXT_CONTRAST, blend, contrast_ratio, text_colour_on
from inspections.analysis import status_counts, theme_matrix


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("#FFFFFF", "#000000", 21.0), ("#777777", "#FFFFFF", 4.48), ("#0B0C0C", "#0B0C0C", 1.0)],
)
def test_the_contrast_ratio_is_wcags(a, b, expected):
    assert contrast_ratio(a, b) == pytest.approx(expected, abs=0.01)


def test_every_matrix_count_reads_against_its_cell(small_frames):
    figure = charts.theme_matrix_figure(theme_matrix(small_frames, "improvement"))
    written = [t for t in figure.data if getattr(t, "mode", None) == "text"]
    matrix = theme_matrix(small_frames, "improvement")
    assert sum(len(t.text) for t in written) == len(matrix), "every cell has its count written"
    for counts in written:
        for text in counts.text:
            n = 0 if text == "–" else int(text)
            assert contrast_ratio(counts.textfont.color, charts.matrix_cell_colour(n)) >= TEXT_CONTRAST, n


@pytest.mark.parametrize("count", range(0, charts.MATRIX_TOP + 3))
def test_any_count_on_the_fixed_scale_can_be_written_legibly(count):
    cell = charts.matrix_cell_colour(count)
    assert contrast_ratio(text_colour_on(cell), cell) >= TEXT_CONTRAST, (count, cell)


def test_the_matrix_shading_is_the_same_whatever_else_is_shown(small_frames):
    matrix = theme_matrix(small_frames, "improvement")
    whole = charts.theme_matrix_figure(matrix).data[0]
    one = charts.theme_matrix_figure(matrix[matrix["authority"] == "Alpha"]).data[0]
    assert (whole.zmin, whole.zmax) == (one.zmin, one.zmax) == (0, charts.MATRIX_TOP)


@pytest.mark.parametrize("status", list(chart_style.STATUS_FILLS))
def test_status_counts_read_against_the_fill_and_its_pattern(status):
    fill = chart_style.STATUS_FILLS[status]
    text = text_colour_on(fill.colour)
    strokes = blend(chart_style.pattern_colour(fill), fill.colour, chart_style.PATTERN_OPACITY)
    assert contrast_ratio(text, fill.colour) >= TEXT_CONTRAST, status
    assert contrast_ratio(text, strokes) >= TEXT_CONTRAST, status


def test_the_status_chart_writes_counts_in_the_colour_chosen_for_each_fill(small_frames):
    figure = charts.status_figure(status_counts(small_frames))
    for trace in figure.data:
        assert contrast_ratio(trace.textfont.color, trace.marker.color) >= TEXT_CONTRAST, trace.name


def test_an_empty_matrix_cell_does_not_invite_a_click(small_frames):
    figure = charts.theme_matrix_figure(theme_matrix(small_frames, "improvement"))
    hovers = [row[0] for t in figure.data if t.customdata is not None for row in t.customdata]
    empty = [h for h in hovers if h.startswith("Not raised")]
    assert empty and not any("Click" in h for h in empty)
    assert not any("(s)" in h for h in hovers)
