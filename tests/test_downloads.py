"""Downloads open in spreadsheets as text, never as formulas, under safe file names."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from components.downloads import csv_bytes, excel_bytes, neutralise, safe_filename


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Good", "Good"),
        ("", ""),
        (3, 3),
    ],
)
def test_formula_leading_cells_are_neutralised(value, expected):
    assert neutralise(value) == expected


def hostile_table():
    return pd.DataFrame({"text": ["=1+1", "plain", "@cmd"], "themes": [["a", "b"], ["c"], []], "n": [1, -2, 3]})


def test_csv_cells_cannot_run_as_formulas():
    text = csv_bytes(hostile_table()).decode("utf-8-sig")
    assert "'=1+1" in text and "'@cmd" in text and "a, b" in text
    assert ",-2" in text  # numbers stay numbers
    assert "\n=1+1" not in text


def test_excel_cells_cannot_run_as_formulas():
    book = openpyxl.load_workbook(io.BytesIO(excel_bytes({"Table: one?": hostile_table()}, ["=cmd|'/c calc'!A1"])))
    assert book.sheetnames == ["About", "Table  one"]
    sheet = book["Table  one"]
    values = [cell.value for cell in sheet["A"]]
    assert values == ["text", "'=1+1", "plain", "'@cmd"]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert book["About"]["B1"].value.startswith("'=")  # the title row


@pytest.mark.parametrize(
    ("parts", "extension", "expected"),
    [
        (
            ("recurring-themes", "Gateshead, Newcastle", "2017-2025"),
            "png",
            "recurring-themes_gateshead-newcastle_2017-2025.png",
        ),
        (("../../etc/passwd",), "csv", "etc-passwd.csv"),
        (("CON", "Ça va?"), "xlsx", "con_ca-va.xlsx"),
        (("",), "csv", "download.csv"),
    ],
)
def test_file_names_are_safe_everywhere(parts, extension, expected):
    assert safe_filename(*parts, extension=extension) == expected
