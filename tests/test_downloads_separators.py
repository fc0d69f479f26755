"""A CSV opened with another separator (a semicolon, as European Excel and LibreOffice often use, a tab, a pipe,
a space) still cannot start any cell with a formula: every text field is quoted, so a separator inside it stays
inside its cell."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from components.downloads import csv_bytes

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
SEPARATORS = [",", ";", "\t", "|", " ", ":"]


def crafted_table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "note": ["x;=1+1;=SUM(A1:A9)", "a\t=2+2", "b|@SUM(A1)", "c =3", "plain"],
            "count": [1, -2, 3, 4, 5],
        }
    )


@pytest.mark.parametrize("separator", SEPARATORS, ids=repr)
def test_no_cell_starts_with_a_formula_whatever_the_separator(separator):
    text = csv_bytes(crafted_table()).decode("utf-8-sig")
    cells = [cell.strip() for row in csv.reader(io.StringIO(text), delimiter=separator) for cell in row]
    assert cells, "the file reads back"
    assert [c for c in cells if c.startswith(FORMULA_START) and not _is_number(c)] == []


def test_with_commas_the_cells_read_back_as_written():
    rows = list(csv.reader(io.StringIO(csv_bytes(crafted_table()).decode("utf-8-sig"))))
    assert rows[0] == ["note", "count"]
    assert rows[1] == ["x;=1+1;=SUM(A1:A9)", "1"]
    assert [r[1] for r in rows[1:]] == ["1", "-2", "3", "4", "5"]


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True
