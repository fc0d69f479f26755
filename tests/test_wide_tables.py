"""The status tables spread into columns read as pandas' pivot reads them, full grid or not, whichever way pandas
holds text (the app makes it plain Python strings, inspections.text_columns; pandas 3's default is its own type)."""

from __future__ import annotations

import warnings
from contextlib import contextmanager

import pandas as pd
import pytest

from components.exhibits import _wide
from inspections.text_columns import OPTION


def full() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "authority": ["Beta", "Beta", "Alpha", "Alpha"],
            "status": ["Improved", "No update found", "Improved", "No update found"],
            "recommendations": [3, 0, 1, 2],
        }
    )


@contextmanager
def text_held_as(pandas_strings: bool):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the option is deprecated in pandas 3
        with pd.option_context(OPTION, pandas_strings):
            yield


@pytest.mark.parametrize(
    ("made_with", "spread_with"),
    [(False, False), (True, True), (True, False)],
    # The last: a frame made before the app turned pandas' strings off (as a test module's frames are). The reverse,
    # pandas' strings turned on again after the records are read, is a state the app never reaches.
    ids=["python-strings", "pandas-strings", "made-with-pandas-strings"],
)
@pytest.mark.parametrize(
    "cut",
    [lambda f: f, lambda f: f.iloc[:3], lambda f: f.iloc[::-1]],
    ids=["every-pair", "a-pair-missing", "rows-in-another-order"],
)
def test_a_wide_table_is_what_pandas_pivot_makes(cut, made_with, spread_with):
    with text_held_as(made_with):
        frame = cut(full())
    with text_held_as(spread_with):
        expected = frame.pivot(index="authority", columns="status", values="recommendations").reset_index()
        got = _wide(frame, "authority", "status", "recommendations")
    pd.testing.assert_frame_equal(got, expected)


def test_rows_and_columns_are_sorted_and_the_counts_stay_whole_numbers():
    table = _wide(full(), "authority", "status", "recommendations")
    assert list(table["authority"]) == ["Alpha", "Beta"]
    assert list(table.columns) == ["authority", "Improved", "No update found"]
    assert table["Improved"].tolist() == [1, 3] and table["Improved"].dtype == "int64"


def test_a_pair_given_twice_is_refused_as_pandas_refuses_it():
    with pytest.raises(ValueError):
        _wide(pd.concat([full(), full().iloc[:1]]), "authority", "status", "recommendations")
