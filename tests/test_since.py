"""The since date: what counts as new after it (partial dates included), the summary's words, the marks on every
page, the recommendations page's filter, links carrying it, and the pack's "Changes since" section.

tests/fixtures/since.yaml dates things after 15 June 2025, on it, before it and in June 2025 (too rough to tell).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace

import docx
import pandas as pd
import pytest
from pypdf import PdfReader

from components import exhibits, export
from inspections import since
from inspections.analysis import options_for
from inspections.dates import PartialDate
from inspections.frames import build_frames
from inspections.records import load_records
from inspections.view import View, parse_query, to_query
from tests.conftest import FIXTURES

SINCE = FIXTURES / "since.yaml"
MEETING = dt.date(2025, 6, 15)


@pytest.fixture(scope="module")
def frames():
    return build_frames(load_records(SINCE))


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2025-06-16", True),  # the day after
        ("2025-06-15", False),  # the day itself: the meeting has seen it
        ("2025-06-14", False),
        ("2025-07", True),  # the whole month is after
        ("2025-06", None),  # June holds the 15th: could be either side
        ("2025-05", False),
        ("2025", None),
        ("2026", True),
        ("2024", False),
    ],
)
def test_a_date_counts_as_after_only_if_all_of_it_is_after(date, expected):
    parsed = PartialDate.parse(date)
    got = since.after(pd.Series([pd.Timestamp(parsed.earliest)]), pd.Series([pd.Timestamp(parsed.latest)]), MEETING)
    assert got.iloc[0] is expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (
            MEETING,
            "Since 15 June 2025: 1 new inspection, 1 new recommendation, 1 recommendation reported improved and 1 "
            "raised again. 1 inspection or visit and 1 status update are dated too roughly to tell whether they came "
            "after that date, so they are not counted. The records' change log has 1 entry after that date.",
        ),
        (
            dt.date(2025, 6, 14),  # the update dated on the 15th now counts
            "Since 14 June 2025: 1 new inspection, 1 new recommendation, 1 recommendation reported improved, 1 "
            "partly improved and 1 raised again. 1 inspection or visit and 1 status update are dated too roughly to "
            "tell whether they came after that date, so they are not counted. The records' change log has 1 entry "
            "after that date.",
        ),
        (
            dt.date(2025, 6, 30),  # June is over: the June items are before it
            "Since 30 June 2025: 1 new inspection, 1 new recommendation, 1 recommendation reported improved and 1 "
            "raised again. The records' change log has 1 entry after that date.",
        ),
        (
            dt.date(2024, 1, 1),
            "Since 1 January 2024: 2 new inspections, 1 new visit, 3 new recommendations, 1 recommendation reported "
            "improved, 1 partly improved, 1 raised again and 1 reported in progress. The records' change log has 2 "
            "entries after that date.",
        ),
        (
            dt.date(2025, 9, 1),
            "Nothing new since 1 September 2025 in this selection: no inspection or visit published and no status "
            "reported after that date.",
        ),
    ],
    ids=["meeting", "day-before", "month-end", "many", "nothing"],
)
def test_the_summary_is_complete_and_reads_right_for_one_or_many(frames, day, expected):
    assert since.summary(since.changes_since(frames, day)) == expected


def test_one_rough_item_reads_in_the_singular(frames):
    only_updates = replace(frames, events=frames.events[frames.events["event_id"] != "alpha-2025-fv"])
    text = since.summary(since.changes_since(only_updates, MEETING))
    assert "1 status update is dated too roughly to tell whether it came after that date, so it is not counted." in text


def test_rows_are_marked_new_changed_or_too_rough(frames):
    found = since.changes_since(frames, MEETING)
    marks = dict(zip(frames.recommendations["rec_id"], since.marks(frames.recommendations, found), strict=True))
    assert marks == {
        "alpha-2024-r1": since.CHANGED,  # improved in July 2025
        "alpha-2024-r2": since.UNSURE,  # an update dated only June 2025
        "alpha-2025-r1": since.NEW,  # made at the new inspection
        "beta-2019-r1": "",  # reported on the day itself
        "beta-2019-r2": since.CHANGED,  # August 2025
    }
    events = dict(zip(frames.events["event_id"], since.marks(frames.events, found), strict=True))
    assert events == {"alpha-2024": "", "alpha-2025-fv": since.UNSURE, "alpha-2025": since.NEW, "beta-2019": ""}


def test_the_changes_table_has_a_row_per_new_event_and_per_status_change(frames):
    table = since.changes_table(since.changes_since(frames, MEETING))
    assert list(table["What changed"]) == [
        "New inspection: ILACS standard inspection",
        "Recommendation reported improved",
        "Recommendation raised again",
    ]
    assert list(table["Authority"]) == ["Alpha", "Alpha", "Beta"]
    assert table["Source"].str.startswith("https://").all()


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("2025-06-15", dt.date(2025, 6, 15)),
        ("2025-13-01", None),
        ("2025-02-30", None),
        ("2025-06", None),
        ("last week", None),
        ("1999-01-01", None),  # before the records' first year
        ("2999-01-01", None),  # after today
    ],
)
def test_a_since_date_in_a_link_is_used_or_ignored_with_a_notice(frames, value, kept):
    options = options_for(frames)
    parsed = parse_query({"since": value}, options)
    assert parsed.view.since == kept
    assert bool(parsed.notices) == (kept is None)


def test_the_overview_leads_with_the_since_summary_and_each_card_says_what_is_new(app):
    at = app(SINCE, "pages/overview.py", {"since": "2025-06-15"})
    assert not at.exception
    assert at.info[0].value.startswith("Since 15 June 2025: 1 new inspection")
    assert at.date_input(key="f_since").value == MEETING
    cards = " ".join(m.value for m in at.markdown)
    assert "New since 15 June 2025:** ILACS standard, published 15 July 2025; 1 status reported" in cards


def test_without_a_date_nothing_is_marked(app):
    at = app(SINCE, "pages/recommendations.py")
    assert not any(str(i.value).startswith("Since") for i in at.info)
    assert not any(str(c).startswith("Since") for c in at.dataframe[2].value.columns)


def test_choosing_a_date_in_the_sidebar_puts_it_in_the_link(app):
    at = app(SINCE, "pages/overview.py")
    at.date_input(key="f_since").set_value(MEETING).run()
    assert at.query_params["since"] == "2025-06-15"
    assert at.info[0].value.startswith("Since 15 June 2025")


def test_a_bad_since_date_in_a_link_is_ignored_with_a_notice(app):
    at = app(SINCE, "pages/overview.py", {"since": "2025-06"})
    assert not at.exception
    assert at.date_input(key="f_since").value is None
    assert any("Ignored the date" in i.value and "YYYY-MM-DD" in i.value for i in at.info)
    assert not any(i.value.startswith("Since") for i in at.info)


def test_the_recommendations_page_can_show_only_those_whose_status_changed(app):
    at = app(SINCE, "pages/recommendations.py", {"since": "2025-06-15"})
    table = at.dataframe[2].value
    assert len(table) == 5 and table.columns[0] == "Since 15 June 2025"
    at.toggle(key="rec_changed").set_value(True).run()
    table = at.dataframe[2].value
    assert list(table["Recommendation (our words)"]) == [
        "Make supervision regular and reflective.",
        "Supervise social workers monthly.",
    ]
    assert set(table["Since 15 June 2025"]) == {since.CHANGED}


@pytest.mark.parametrize(
    "page", ["pages/timeline.py", "pages/themes.py", "pages/region.py", "pages/sources.py", "pages/pack.py"]
)
def test_every_page_shows_what_changed(app, page):
    at = app(SINCE, page, {"since": "2025-06-15"})
    assert not at.exception, at.exception
    assert any(i.value.startswith("Since 15 June 2025") for i in at.info)


def test_the_timeline_table_marks_new_events(app):
    at = app(SINCE, "pages/timeline.py", {"since": "2025-06-15"})
    table = next(d.value for d in at.dataframe if "Since 15 June 2025" in d.value.columns)
    assert sorted(table["Since 15 June 2025"]) == sorted(["", since.UNSURE, since.NEW, ""])


def changes_pack(frames):
    options = options_for(frames)
    view = replace(View.default(options), since=MEETING)
    exhibit = exhibits.changes(frames, view, options)
    return exhibits.make_pack(frames, view, options, [(exhibit, False, True)], citation="A citation.")


def test_the_pack_offers_the_changes_section_only_with_a_date(frames):
    assert "changes" not in [e.key for e in exhibits.catalogue(frames)]
    assert exhibits.catalogue(frames, MEETING)[0].key == "changes"


def test_the_word_pack_has_the_changes_section_with_its_summary_and_table(frames):
    document = docx.Document(io.BytesIO(export.docx_pack(changes_pack(frames), {})))
    paragraphs = [p.text for p in document.paragraphs]
    heading = paragraphs.index("Changes since 15 June 2025")
    assert document.paragraphs[heading].style.name == "Heading 1"
    assert paragraphs[heading + 1].startswith("Since 15 June 2025: 1 new inspection, 1 new recommendation")
    rows = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert rows[0] == ["Date", "Authority", "What changed", "Detail", "Who says so", "Source"]
    assert [r[2] for r in rows[1:]] == [
        "New inspection: ILACS standard inspection",
        "Recommendation reported improved",
        "Recommendation raised again",
    ]
    assert all(r[5].startswith("[") for r in rows[1:])  # addresses become numbers into the list of sources
    assert "How to cite this pack: A citation." in paragraphs


def test_the_pdf_pack_has_the_changes_section_too(frames):
    reader = PdfReader(io.BytesIO(export.pdf_pack(changes_pack(frames), {})))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Changes since 15 June 2025" in text
    assert "Recommendation raised again" in text


def test_an_officer_sets_the_date_and_puts_the_changes_in_a_word_pack_from_the_page(app, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")  # a pack of tables needs no Chromium
    at = app(SINCE, "pages/pack.py", {"since": "2025-06-15"})
    tables = at.button_group(key="pack_tables")
    assert "changes" in tables.value and "Changes since the sidebar's date" in tables.formatted_values
    next(b for b in at.button if b.label == "Build the pack").click().run()
    assert not at.exception
    document = docx.Document(io.BytesIO(at.session_state["pack_built"]["data"]))
    paragraphs = [p.text for p in document.paragraphs]
    assert "Changes since 15 June 2025" in paragraphs
    assert any(p.startswith("Since 15 June 2025: 1 new inspection") for p in paragraphs)
    cite = next(p for p in paragraphs if p.startswith("How to cite this pack: "))
    assert "Records checked 30 September 2025" in cite and "(Accessed: " in cite
    assert len(document.tables[0].rows) == 1 + 3


def test_a_since_date_survives_the_round_trip_through_a_link(frames):
    options = options_for(frames)
    view = replace(View.default(options), authorities=("alpha",), since=MEETING)
    query = to_query(view, options)
    assert query == {"la": "alpha", "since": "2025-06-15"}
    assert parse_query(query, options).view == view
    assert "since" not in to_query(View.default(options), options)
