"""A PDF pack lays out tables whose cells hold one long unbroken word (a web address pasted into a note), as the
Word pack does: the word is broken across lines inside its column instead of stopping the build."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from pypdf import PdfReader

from components import export
from components.captions import Caption

ADDRESS = "https://www.example.gov.uk/" + "council-papers/children/" * 6 + "x" * 25  # 175 characters, no spaces


def pack_with(table: pd.DataFrame) -> export.Pack:
    caption = Caption(title="Timeline", subtitle="All", source="Ofsted", summary="A table.")
    sources = pd.DataFrame(
        {"title": ["A report"], "publisher": ["Ofsted"], "published": ["2020"], "url": ["https://a"]}
    )
    item = export.PackItem("timeline", "Judgement timeline", caption, None, table)
    return export.Pack("Pack", "", "everything", "1 December 2026", (item,), sources)


GRADES = (
    "Overall effectiveness: Good; Help and protection: Good; Children looked after and achieving permanence: Good; "
    "Adoption performance: Good; Care leavers: Requires improvement to be good; Leadership, management and "
    "governance: Good; Local Safeguarding Children Board review: Requires improvement to be good"
)
TIMELINE_ROW = {
    "Authority": "Gateshead",
    "Kind of event": "Single inspection framework inspection",
    "Fieldwork": "27 October to 19 November 2015",
    "Published": "11 March 2016",
    "Grades": GRADES,
    "Not confirmed": "",
    "Note": ADDRESS,
    "Source": "https://a",
}


@pytest.mark.parametrize(
    "table",
    [
        pd.DataFrame([TIMELINE_ROW] * 3),
        pd.DataFrame({"Authority": ["Gateshead"], "Note": [f"See {ADDRESS} for the minutes."]}),
        pd.DataFrame({"Authority": ["Gateshead"], "Published": ["2016"], "Note": [ADDRESS], "Source": ["https://a"]}),
        pd.DataFrame({"A": [ADDRESS], "B": [ADDRESS], "C": [ADDRESS], "D": [ADDRESS]}),
        pd.DataFrame({"Note": ["x" * 2000]}),
        pd.DataFrame([{**TIMELINE_ROW, "Note": "y" * 2000, "Grades": GRADES * 4}]),
    ],
    ids=[
        "the-timeline-table",
        "in-a-sentence",
        "a-whole-cell",
        "every-column",
        "the-longest-text-allowed",
        "a-row-taller-than-a-page",
    ],
)
def test_a_long_unbroken_word_is_broken_to_fit_its_column(table):
    data = export.pdf_pack(pack_with(table), {})
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages).replace("\n", "")
    assert ADDRESS[:20] in text or "x" * 40 in text or "y" * 40 in text


def test_the_word_pack_of_the_same_table_still_works():
    table = pd.DataFrame({"Authority": ["Gateshead"], "Note": [ADDRESS]})
    assert export.docx_pack(pack_with(table), {})[:2] == b"PK"
