"""Excel downloads an officer can use as they are: a formatted, frozen, filterable header, columns sized to their
text, real dates where the day is known (and the honest text where it is not), clickable http(s) links only, an
About sheet saying what, whence and how to cite, and the formula rule still holding everywhere."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest

from components.downloads import _FORMULA_START, About, excel_bytes, excel_date, export_filename

ABOUT = About(
    title="Every recommendation and its latest status",
    filters="Gateshead and Newcastle upon Tyne; 2017 to 2025; all kinds of inspection and visit; all themes",
    source="Source: inspection reports and letters from Ofsted, summarised by this dashboard.",
    checked="2 December 2026",
    cite="Every recommendation and its latest status. Ofsted children's services: North East comparisons.",
)


def table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Authority": ["Gateshead", "Newcastle upon Tyne", "=cmd|'/c calc'!A1"],
            "Status date": ["21 May 2018", "June 2019", "11 June 2019 (not confirmed)"],
            "What was reported": ["x " * 200, "Short", ""],
            "Days open": [10, 20, 30],
            "Source": [
                "https://files.ofsted.gov.uk/v1/file/1",
                "https://a.example/1 http://b.example/2",
                "javascript:alert(1)",
            ],
        }
    )


def workbook(frame: pd.DataFrame | None = None, about: About | None = ABOUT):
    return openpyxl.load_workbook(
        io.BytesIO(excel_bytes({"Recommendations": table() if frame is None else frame}, about))
    )


def test_the_header_is_bold_filled_frozen_and_filterable():
    sheet = workbook()["Recommendations"]
    header = sheet[1]
    assert [c.value for c in header] == [
        "Authority",
        "Status date",
        "What was reported",
        "Days open",
        "Source",
        "Source 2",
    ]
    assert all(c.font.bold and c.fill.fgColor.rgb.endswith("12436D") for c in header)
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:F4"


def test_columns_are_sized_to_their_text_and_long_text_wraps():
    sheet = workbook()["Recommendations"]
    width = {sheet.cell(1, n).value: sheet.column_dimensions[sheet.cell(1, n).column_letter].width for n in range(1, 7)}
    assert 20 <= width["Authority"] <= 24  # "Newcastle upon Tyne" and a little room
    assert width["Days open"] < width["Authority"] < width["What was reported"] == 62
    assert sheet["C2"].alignment.wrap_text


def test_dates_known_to_the_day_are_dates_and_others_stay_as_written():
    sheet = workbook()["Recommendations"]
    assert sheet["B2"].value == dt.datetime(2018, 5, 21) and sheet["B2"].number_format == "d mmmm yyyy"
    assert sheet["B3"].value == "June 2019"  # only the month is known: no day is invented
    assert sheet["B4"].value == "11 June 2019 (not confirmed)"  # the flag stays with the date
    assert excel_date("2019") is None and excel_date("31 February 2019") is None
    assert excel_date(pd.Timestamp("2020-03-04")) == dt.date(2020, 3, 4)


def test_only_http_links_are_clickable_and_each_source_has_its_own_cell():
    sheet = workbook()["Recommendations"]
    assert sheet["E2"].hyperlink.target == "https://files.ofsted.gov.uk/v1/file/1"
    assert (sheet["E3"].hyperlink.target, sheet["F3"].hyperlink.target) == ("https://a.example/1", "http://b.example/2")
    assert sheet["E4"].value == "javascript:alert(1)" and sheet["E4"].hyperlink is None
    assert sheet["F2"].value is None and sheet["F2"].hyperlink is None


def test_a_source_column_of_words_is_left_whole():
    frame = pd.DataFrame({"Source": ["Council's own report", "https://a.example/1"]})
    sheet = workbook(frame)["Recommendations"]
    assert [c.value for c in sheet[1]] == ["Source"]
    assert sheet["A2"].value == "Council's own report" and sheet["A3"].hyperlink.target == "https://a.example/1"


def test_the_about_sheet_says_what_whence_when_and_how_to_cite():
    book = workbook()
    assert book.sheetnames == ["About", "Recommendations"]
    about = {row[0].value: row[1].value for row in book["About"].iter_rows()}
    assert about["Title"] == ABOUT.title
    assert about["What it shows"] == ABOUT.filters
    assert about["Source"] == ABOUT.source
    assert about["Records checked"] == dt.datetime(2026, 12, 2)
    assert about["How to cite"] == ABOUT.cite
    assert about["Sheets"] == "Recommendations"
    assert all(row[0].font.bold for row in book["About"].iter_rows())


@pytest.mark.parametrize("field", ["title", "filters", "source", "checked", "cite"])
def test_the_formula_rule_holds_on_the_about_sheet_and_in_link_cells(field):
    hostile = About(**{**ABOUT.__dict__, field: '=HYPERLINK("http://evil")'})
    # every piece looks like an address, so the column is split: each piece is neutralised on its own
    frame = table().assign(Source=['=HYPERLINK("http://evil")', "http://ok.example =cmd://x", "@https://x"])
    book = workbook(frame, hostile)
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    assert not any(isinstance(c.value, str) and c.value.startswith(_FORMULA_START) for c in cells)
    links = [c.hyperlink.target for c in cells if c.hyperlink]
    assert all(link.startswith(("http://", "https://")) for link in links) and "http://ok.example" in links
    assert "'=cmd://x" in [c.value for c in cells]


def test_excel_file_names_say_what_is_in_them():
    assert export_filename("recommendations", "xlsx", ["gateshead", "newcastle"], 2017, 2025) == (
        "recommendations_gateshead-newcastle_2017-2025.xlsx"
    )


def test_table_downloads_that_follow_the_filters_name_them_and_say_them(monkeypatch, app):
    """On the recommendations page the table's files name the chosen authorities and years, and the workbook's
    About sheet says what the filters chose."""
    from streamlit.delta_generator import DeltaGenerator

    from tests.conftest import SMALL

    offered: dict[str, tuple[str, bytes]] = {}
    original = DeltaGenerator.download_button

    def recording(self, label, data, file_name=None, *args, **kwargs):
        offered[kwargs.get("key", label)] = (file_name, data() if callable(data) else data)  # made on click
        return original(self, label, data, file_name, *args, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", recording)
    at = app(SMALL, "pages/recommendations.py")
    assert not at.exception
    name, data = offered["xlsx_recommendations"]
    assert name == "recommendations_alpha-beta_2018-2024.xlsx"
    assert offered["csv_recommendations"][0] == "recommendations_alpha-beta_2018-2024.csv"
    about = {row[0].value: row[1].value for row in openpyxl.load_workbook(io.BytesIO(data))["About"].iter_rows()}
    assert about["Title"] == "Every recommendation and its latest status"
    assert about["What it shows"].startswith("Alpha and Beta; 2018 to 2024")
    assert isinstance(about["Records checked"], dt.datetime) and about["How to cite"]
    chart_about = openpyxl.load_workbook(io.BytesIO(offered["xlsx_status"][1]))["About"]
    assert {row[0].value for row in chart_about.iter_rows()} >= {"Title", "What it shows", "Records checked"}


def test_list_cells_are_joined_whether_lists_tuples_or_arrays():
    import numpy as np

    table = pd.DataFrame({"Themes": [["plans", "supervision"], ("early-help",), np.array(["front-door", "=1+1"])]})
    book = openpyxl.load_workbook(io.BytesIO(excel_bytes({"t": table})))
    cells = [c.value for c in book["t"]["A"]][1:]
    assert cells == ["plans, supervision", "early-help", "front-door, =1+1"]


def test_an_address_too_long_for_a_spreadsheet_link_is_kept_as_text():
    """Excel refuses a link over 2,079 characters: the address is still there, as text, and its neighbours link."""
    long = "https://files.ofsted.gov.uk/v1/file/" + "x" * 2100
    sheet = workbook(pd.DataFrame({"Source": [long, "https://files.ofsted.gov.uk/v1/file/1"]}))["Recommendations"]
    assert sheet["A2"].value == long and sheet["A2"].hyperlink is None
    assert sheet["A3"].hyperlink.target == "https://files.ofsted.gov.uk/v1/file/1"


@pytest.mark.parametrize("text", ["123", "1e5", "www.example.org", "mailto:a@b.example", "TRUE"])
def test_text_that_looks_like_a_number_or_an_address_stays_text(text):
    sheet = workbook(pd.DataFrame({"Note": [text]}))["Recommendations"]
    assert sheet["A2"].value == text and sheet["A2"].data_type == "s" and sheet["A2"].hyperlink is None
