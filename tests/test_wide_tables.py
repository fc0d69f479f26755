"""The status tables spread into columns read as pandas' pivot reads them, full grid or not."""

from __future__ import annotations

import pandas as pd
import pytest

from components.exhibits import _wide

FULL = pd.DataFrame(
    {
        "authority": ["Beta", "Beta", "Alpha", "Alpha"],
        "status": ["Improved", "No update found", "Improved", "No update found"],
        "recommendations": [3, 0, 1, 2],
    }
)


@pytest.mark.parametrize(
    "frame",
    [FULL, FULL.iloc[:3], FULL.iloc[::-1]],
    ids=["every-pair", "a-pair-missing", "rows-in-another-order"],
)
def test_a_wide_table_is_what_pandas_pivot_makes(frame):
    expected = frame.pivot(index="authority", columns="status", values="recommendations").reset_index()
    pd.testing.assert_frame_equal(_wide(frame, "authority", "status", "recommendations"), expected)


def test_rows_and_columns_are_sorted_and_the_counts_stay_whole_numbers():
    table = _wide(FULL, "authority", "status", "recommendations")
    assert list(table["authority"]) == ["Alpha", "Beta"]
    assert list(table.columns) == ["authority", "Improved", "No update found"]
    assert table["Improved"].tolist() == [1, 3] and table["Improved"].dtype == "int64"


def test_a_pair_given_twice_is_refused_as_pandas_refuses_it():
    with pytest.raises(ValueError):
        _wide(pd.concat([FULL, FULL.iloc[:1]]), "authority", "status", "recommendations")
