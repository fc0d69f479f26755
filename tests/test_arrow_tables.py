"""A shared frame is converted to Arrow once and shown as it is; a frame Arrow cannot hold is left to Streamlit."""

from __future__ import annotations

import gc

import pandas as pd

from components.arrow_tables import arrow_table
from inspections import once


def test_the_same_frame_is_converted_once_and_keeps_its_columns_and_values():
    frame = pd.DataFrame({"Authority": ["Gateshead", "Newcastle upon Tyne"], "Events": [3, 4]}, index=[5, 9])
    table = arrow_table(frame)
    assert arrow_table(frame) is table
    assert table.column_names == ["Authority", "Events"]  # the index is never shown, so never sent
    assert table.to_pydict() == {"Authority": ["Gateshead", "Newcastle upon Tyne"], "Events": [3, 4]}


def test_an_equal_frame_made_afresh_is_converted_afresh():
    first, second = pd.DataFrame({"a": ["x"]}), pd.DataFrame({"a": ["y"]})
    assert arrow_table(first).to_pydict() == {"a": ["x"]}
    assert arrow_table(second).to_pydict() == {"a": ["y"]}


def test_a_frame_that_is_gone_leaves_nothing_kept():
    frame = pd.DataFrame({"a": ["x"]})
    arrow_table(frame)
    key = id(frame)
    del frame
    gc.collect()
    assert key not in once._KEPT


def test_a_column_arrow_cannot_hold_is_handed_back_for_streamlit_to_fix():
    mixed = pd.DataFrame({"a": ["text", 1]})
    assert arrow_table(mixed) is mixed
