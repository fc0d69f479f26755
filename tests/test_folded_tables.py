"""The tables behind the charts, the overview's cards and the status updates are folded: drawn only once opened."""

from __future__ import annotations

import pytest

from testing.apptest import folded_keys, open_folded

FOLDED = [
    ("pages/timeline.py", ["Table of the numbers behind this chart"]),
    ("pages/themes.py", ["Table of the numbers behind this chart"]),
    ("pages/recommendations.py", ["Table of the numbers behind this chart", "Every status update, with its source"]),
    ("pages/overview.py", ["Table of the cards above"]),
]


def folded_labels(at) -> list[str]:
    return [e.label for e in at.expander if not e.label.startswith(("How to cite", "Why not"))]


@pytest.mark.parametrize("page, labels", FOLDED)
def test_a_folded_table_is_not_drawn_until_opened(app, page, labels):
    at = app(page=page, tables_open=False)
    assert not at.exception
    assert set(labels) <= set(folded_labels(at))
    closed_tables = len(at.dataframe)
    assert folded_keys(at) and not any(at.session_state[key] for key in folded_keys(at))

    open_folded(at)
    assert not at.exception
    assert len(at.dataframe) == closed_tables + len(folded_keys(at))  # one table in each
    assert all(at.session_state[key] for key in folded_keys(at))


def test_an_opened_table_stays_open_and_follows_the_filters(app):
    at = app(page="pages/timeline.py", tables_open=False)
    open_folded(at)
    before = at.dataframe[0].value
    at.multiselect(key="f_authorities").set_value(["alpha"]).run()
    after = at.dataframe[0].value
    assert set(after["Authority"]) == {"Alpha"} != set(before["Authority"])


def test_the_overviews_table_has_its_downloads_once_opened(app):
    at = app(page="pages/overview.py", tables_open=False)
    labels = [b.label for b in at.get("download_button")]
    open_folded(at)
    assert len(at.get("download_button")) == len(labels) + 2  # its CSV and Excel
