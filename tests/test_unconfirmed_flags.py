"""A grade, date or kind that no source confirms says so wherever it is shown or exported: in each exhibit's
table (and its CSV and Excel files), its chart (the figure itself, so a pasted PNG or SVG keeps it), its words
(title, subtitle, the "In words" summary that is also the chart's alt text), and the Word and PDF packs.

Fixture: Gamma's 2024 inspection has grades, a kind and a publication month that no source confirms."""

from __future__ import annotations

import io
import json

import docx
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from components import exhibits, print_layout
from components.downloads import csv_bytes, excel_bytes
from components.export import build_pack
from inspections.analysis import apply_view, options_for
from inspections.frames import build_frames
from inspections.records import load_records
from inspections.summaries import authority_summary, regional_summary
from tests.conftest import FIXTURES, every_exhibit, everything

FLAG = "not confirmed"
RECORDS = FIXTURES / "unconfirmed.yaml"

# Which parts of each exhibit show the unconfirmed event's grades, date or kind (themes and status counts do not).
SHOWN_IN = {
    "summary": {"table"},
    "timeline": {"table", "figure", "words"},
    "judgements": {"table", "figure", "words"},
    "recommendations": {"table"},
    "region-grid": {"table", "figure", "words"},
    "region-map-leaders": {"table", "words"},  # no boundaries for invented authorities, so no shapes to star
    "next-inspections": {"table"},
}


@pytest.fixture(scope="module")
def frames():
    return build_frames(load_records(RECORDS))


@pytest.fixture(scope="module")
def built(frames):
    return {e.key: e for e in every_exhibit(frames)}


def excel_text(data: bytes) -> str:
    book = load_workbook(io.BytesIO(data))
    return " ".join(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None)


@pytest.mark.parametrize("key", sorted(SHOWN_IN))
def test_the_table_and_its_downloads_carry_the_flag(built, key):
    table = built[key].table
    gamma = table[table.astype(str).apply(lambda row: "Gamma" in " ".join(row), axis=1)]
    assert gamma.astype(str).apply(lambda row: FLAG in " ".join(row), axis=1).any(), key
    assert FLAG in csv_bytes(table).decode("utf-8-sig")
    assert FLAG in excel_text(excel_bytes({key: table}))


@pytest.mark.parametrize("key", sorted(k for k, parts in SHOWN_IN.items() if "figure" in parts))
def test_the_chart_itself_carries_the_flag(built, key):
    figure = built[key].figure
    assert FLAG in json.dumps(figure.to_plotly_json(), default=str), "a pasted chart must keep the flag"
    printed = print_layout.with_titles(figure, built[key].caption.title, built[key].caption.subtitle, "")
    assert FLAG in json.dumps(printed.to_plotly_json(), default=str)


@pytest.mark.parametrize("key", sorted(k for k, parts in SHOWN_IN.items() if "words" in parts))
def test_the_words_and_alt_text_carry_the_flag(built, key):
    caption = built[key].caption
    assert FLAG in caption.summary, "the In words summary, also the chart's alt text"
    assert FLAG in caption.title + caption.subtitle


def test_the_unconfirmed_event_is_flagged_by_name_and_kind(frames):
    event = frames.events.set_index("event_id").loc["gamma-2024"]
    assert event["event_label"] == "ILACS short (not confirmed), May 2024 (not confirmed)"
    assert event["kind_label"] == "ILACS short inspection (not confirmed)"
    assert event["published"] == "May 2024 (not confirmed)"
    assert "Care leavers: Outstanding (not confirmed)" in event["grades"]
    confirmed = frames.events.set_index("event_id").loc["delta-2022"]
    assert FLAG not in confirmed["event_label"] + confirmed["grades"] + confirmed["published"]


def test_the_overview_words_carry_the_flag(frames):
    summary = authority_summary(frames).set_index("authority")
    assert summary.loc["Gamma", "overall_label"] == "Good (not confirmed)"
    assert FLAG not in summary.loc["Delta", "overall_label"]
    assert any("gamma: good (grade not confirmed)" in line.lower() for line in regional_summary(frames))


@pytest.mark.browser
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_word_and_pdf_packs_carry_the_flag_for_each_exhibit(frames, built, fmt):
    options = options_for(frames)
    view = everything(options)
    chosen = [built[k] for k in ("summary", "timeline", "judgements", "recommendations")]
    pack = exhibits.make_pack(apply_view(frames, view), view, options, [(e, True, True) for e in chosen])
    data = build_pack(pack, fmt)
    if fmt == "docx":
        document = docx.Document(io.BytesIO(data))
        text = "\n".join(p.text for p in document.paragraphs)
        cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        assert len(document.tables) == len(chosen)
        for table in document.tables:
            assert FLAG in " ".join(c.text for row in table.rows for c in row.cells), "every table keeps its flag"
        # The chart's title is drawn in its picture (said once); the picture's alt text carries it in words.
        text += "\n" + " ".join(document.element.body.xpath("//wp:docPr/@descr"))
    else:
        text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
        cells = []
    assert text.count(FLAG) + " ".join(cells).count(FLAG) >= len(chosen)
    assert "Gamma good (not confirmed)" in " ".join(text.split()), "the timeline's title, as printed"
