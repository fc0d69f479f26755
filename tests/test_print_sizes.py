"""Every chart in a committee pack prints at the full text width of an A4 page, so no chart text is below
8 pt (print_layout.PRINT_SMALL px at that width): a chart too tall for a page is split by authority into parts that
each fit, rather than shrunk. Checked on the shipped records with all twelve authorities chosen."""

from __future__ import annotations

import pandas as pd
import pytest

from components import pack_model, print_layout, timeline_charts
from inspections.frames import build_frames
from inspections.records import load_records
from tests.conftest import SHIPPED, every_exhibit

PT_PER_PX_AT_FULL_WIDTH = pack_model.TEXT_WIDTH_CM / 2.54 * 72 / print_layout.PRINT_WIDTH


@pytest.fixture(scope="module")
def all_twelve():
    built = every_exhibit(build_frames(load_records(SHIPPED)))
    return [item for e in built for item in e.items(with_chart=True, with_table=True) if item.figure is not None]


def font_sizes(figure) -> list[float]:
    layout = figure.layout
    sizes = [layout.font.size, layout.legend.font.size, *(a.font.size for a in layout.annotations)]
    sizes += [axis.tickfont.size for axis in (layout.xaxis, layout.yaxis)]
    sizes += [t.textfont.size for t in figure.data if "textfont" in t and t.text is not None]
    return [s for s in sizes if s is not None]


def test_the_tall_charts_are_split_into_parts_for_all_twelve(all_twelve):
    keys = [item.key for item in all_twelve]
    assert "timeline" not in keys and "timeline-1" in keys and "timeline-2" in keys
    assert "judgements" not in keys and "judgements-1" in keys


def test_every_printed_chart_is_placed_at_the_full_text_width(all_twelve):
    for item in all_twelve:
        width_cm, _ = pack_model.picture_size_cm(item.figure.layout.width, item.figure.layout.height)
        assert width_cm == pytest.approx(pack_model.TEXT_WIDTH_CM), item.key


def test_no_printed_chart_text_is_below_8_pt(all_twelve):
    for item in all_twelve:
        smallest = min(font_sizes(item.figure)) * PT_PER_PX_AT_FULL_WIDTH
        assert smallest >= 7.9, (item.key, smallest)


def test_a_part_names_its_authorities_and_the_table_comes_once_with_the_last(all_twelve):
    parts = [item for item in all_twelve if item.key.startswith("judgements-")]
    assert parts[0].caption.title.endswith(f"(part 1 of {len(parts)}: Darlington)")
    assert [p.table is not None for p in parts] == [False] * (len(parts) - 1) + [True]
    assert parts[1].caption.summary.startswith("The chart continued")


def test_the_latest_judgement_label_sits_inside_the_plot(small_frames):
    figure = timeline_charts.judgements_figure(small_frames.judgements)
    latest = max(x for trace in figure.data for x in trace.x)
    assert pd.Timestamp(figure.layout.xaxis.range[1]) > latest + pd.Timedelta(days=300)
