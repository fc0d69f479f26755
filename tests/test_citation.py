"""How to cite a view: the reference's form, the view's address with its query string, and where it is shown;
and the recommendations table naming both of a recommendation's sources, with its history in words."""

from __future__ import annotations

import datetime as dt

import pytest

from inspections.citation import NO_ADDRESS, citation, view_address
from tests.conftest import FIXTURES, SMALL

SINCE = FIXTURES / "since.yaml"


@pytest.mark.parametrize(
    ("url", "query", "expected"),
    [
        ("http://localhost:8501/themes", {}, "http://localhost:8501/themes"),
        (
            "http://localhost:8501/themes",
            {"la": "gateshead,durham"},
            "http://localhost:8501/themes?la=gateshead,durham",
        ),
        (
            "https://example.org/recommendations",
            {"la": "alpha", "since": "2025-06-15"},
            "https://example.org/recommendations?la=alpha&since=2025-06-15",
        ),
        ("https://example.org/x?old=1#top", {"to": "2020"}, "https://example.org/x?to=2020"),
        ("https://example.org/x", {"theme": "a b&c"}, "https://example.org/x?theme=a+b%26c"),
        (None, {"la": "alpha"}, NO_ADDRESS),
    ],
)
def test_the_address_reproduces_the_view(url, query, expected):
    assert view_address(url, query) == expected


def test_the_reference_has_title_publisher_checked_date_address_and_access_date():
    text = citation(
        "Supervision recurs in all 3 authorities",
        "Source: inspection reports and letters from Ofsted, summarised by this dashboard. Records checked 2 December 2026.",
        dt.date(2026, 12, 2),
        "https://example.org/themes?la=gateshead",
        dt.date(2026, 12, 9),
    )
    assert text == (
        "Ofsted children's services: North East comparisons (2026) Supervision recurs in all 3 authorities. "
        "[Online dashboard]. Source: inspection reports and letters from Ofsted, summarised by this dashboard. "
        "Records checked 2 December 2026. Available at: https://example.org/themes?la=gateshead "
        "(Accessed: 9 December 2026)."
    )


def test_a_source_line_without_the_checked_date_gains_it():
    text = citation("T", "Source: Ofsted", dt.date(2026, 1, 5), "https://x.org", dt.date(2026, 2, 1))
    assert (
        "Source: Ofsted. Records checked 5 January 2026. Available at: https://x.org (Accessed: 1 February 2026)."
        in text
    )


@pytest.mark.parametrize(
    ("page", "charts"),
    [("pages/timeline.py", 1), ("pages/themes.py", 1), ("pages/recommendations.py", 2), ("pages/overview.py", 0)],
)
def test_every_chart_and_page_has_a_reference_to_copy(app, page, charts):
    at = app(SMALL, page)
    labels = [e.label for e in at.expander if e.label.startswith("How to cite this")]
    assert labels.count("How to cite this chart") == charts
    assert len(labels) >= max(charts, 1)
    assert all("Records checked" in c.value and "(Accessed: " in c.value for c in at.code)
    assert at.code  # st.code carries the copy button


def test_the_recommendations_table_names_both_sources_and_the_history(app):
    at = app(SINCE, "pages/recommendations.py")
    table = at.dataframe[2].value
    row = table[table["Recommendation (our words)"] == "Supervise social workers monthly."].iloc[0]
    assert row["Source of the recommendation"] == "https://example.org/b-2019"
    assert row["Source of the latest status"] == "https://example.org/b-august"
    assert row["Published by"] == "Council B"
    assert row["Status history (oldest first)"] == "August 2025: raised again (Council's own report)"


def test_one_recommendations_history_is_shown_in_words_and_downloadable(app):
    at = app(SINCE, "pages/recommendations.py")
    at.selectbox(key="rec_detail").set_value("alpha-2024-r1").run()
    history = at.dataframe[3].value
    assert list(history.columns) == ["Date", "Status", "Who says so", "Published by", "What was reported", "Source"]
    assert list(history["Status"]) == ["Improved"]
    assert any(b.label == "Download CSV" for b in at.get("download_button"))
    updates = at.dataframe[4].value
    assert "rec_id" not in updates.columns and "Recommendation" not in updates.columns
    assert "Make plans specific and timed." in set(updates["Recommendation (our words, short)"])
