"""A pack an officer can put in a committee paper as it is (issue 14, points 4 and 7), checked by reopening the real
bytes: long tables on landscape pages with their header row repeated and their rows kept whole, in Word and PDF;
the every-recommendation table saying what was reported; and the Word file's finishing touches: page numbers,
its own properties, British English, and each chart's message said once."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pandas as pd
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from pypdf import PdfReader

from components import exhibits, export
from components.captions import PROJECT_NAME, Caption
from components.pack_model import is_wide
from inspections.analysis import apply_view, options_for
from inspections.view import View
from tests.test_export import small_pack, stand_in_pdf, tiny_png

NOTE = "The council's papers report steady progress on this, with a new audit cycle and training for managers. "


def long_table(rows: int = 60) -> pd.DataFrame:
    """A table like the every-recommendation one: eight columns, two of them long text."""
    return pd.DataFrame(
        {
            "Authority": ["Newcastle upon Tyne"] * rows,
            "Event": ["ILACS short, 11 June 2019"] * rows,
            "Recommendation (our words)": [f"Row {n}: " + NOTE * 2 for n in range(rows)],
            "Latest status": ["Partly improved"] * rows,
            "Who says so": ["Later Ofsted inspection or visit"] * rows,
            "Status date": ["29 January 2025"] * rows,
            "What was reported": [NOTE * 3] * rows,
            "Source": ["https://a"] * rows,
        }
    )


def short_table() -> pd.DataFrame:
    return pd.DataFrame({"Authority": ["Alpha", "Beta"], "Events": [3, 4]})


def pack_of(*tables: pd.DataFrame, figure_first: bool = False) -> export.Pack:
    caption = Caption(title="Every recommendation", subtitle="All", source="Ofsted", summary="Table of 60 rows.")
    items = [export.PackItem(f"t{n}", f"Table {n}", caption, None, t) for n, t in enumerate(tables)]
    sources = pd.DataFrame(
        {"title": ["A report"], "publisher": ["Ofsted"], "published": ["2020"], "url": ["https://a"]}
    )
    return export.Pack("Scrutiny pack", "", "everything", "1 December 2026", tuple(items), sources)


@pytest.fixture
def small_view(small_frames):
    options = options_for(small_frames)
    view = View.default(options)
    return apply_view(small_frames, view), view, options


# ------------------------------------------------------------------------------------------------ point 4: Word


def test_a_long_word_table_goes_on_landscape_pages_and_back():
    document = docx.Document(io.BytesIO(export.docx_pack(pack_of(short_table(), long_table(), short_table()), {})))
    orientations = [s.orientation for s in document.sections]
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    landscape = document.sections[1]
    assert round(landscape.page_width.cm, 1) == 29.7 and round(landscape.page_height.cm, 1) == 21.0
    body = document.element.body
    wide = document.tables[1]._tbl
    # the wide table sits in the landscape section: the section break after it is the one that ends landscape
    breaks_before = [p for p in wide.itersiblings(preceding=True) if p.find(f".//{qn('w:sectPr')}") is not None]
    assert len(breaks_before) == 1, "one section (portrait) ends before the wide table"
    assert body.find(qn("w:sectPr")) is not None
    widths = sum(c.width for c in document.tables[1].rows[0].cells)
    assert widths > docx.shared.Cm(24)  # the table uses the landscape page's width


def test_every_word_table_keeps_its_rows_whole_and_repeats_its_header():
    document = docx.Document(io.BytesIO(export.docx_pack(pack_of(short_table(), long_table()), {})))
    for table in document.tables:
        rows = table.rows
        header = rows[0]._tr.trPr
        assert header.find(qn("w:tblHeader")).get(qn("w:val")) == "true"
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in rows)
        assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in rows[1:])


# ------------------------------------------------------------------------------------------------ point 4: PDF


def pdf_pages(pack: export.Pack, pdfs: dict[str, bytes] | None = None) -> list:
    return PdfReader(io.BytesIO(export.pdf_pack(pack, pdfs or {}))).pages


def test_a_long_pdf_table_gets_landscape_pages_with_its_header_on_each():
    pages = pdf_pages(pack_of(short_table(), long_table(), short_table()))
    shapes = ["landscape" if float(p.mediabox.width) > float(p.mediabox.height) else "portrait" for p in pages]
    assert shapes[0] == "portrait" and shapes[-1] == "portrait"
    wide = [n for n, text in enumerate(p.extract_text() for p in pages) if "Row " in text]
    assert len(wide) >= 2 and all(shapes[n] == "landscape" for n in wide)
    for n in wide:
        assert "What was reported" in pages[n].extract_text()  # the header row, repeated on every page


def test_pdf_rows_are_kept_whole():
    pages = [" ".join(p.extract_text().split()) for p in pdf_pages(pack_of(long_table()))]
    for n in range(60):
        where = [k for k, text in enumerate(pages) if f"Row {n}:" in text]
        assert len(where) == 1
        row_text = f"Row {n}: " + " ".join((NOTE * 2).split())
        assert row_text[:200] in pages[where[0]], f"row {n} is split across pages"


def test_a_short_table_stays_portrait():
    assert not is_wide(short_table()) and is_wide(long_table())


# ------------------------------------------------------------------------------------------------ point 4: content


def test_every_recommendation_table_says_what_was_reported(small_view):
    frames, view, options = small_view
    table = next(e for e in exhibits.exhibits(frames, view, options) if e.key == "recommendations").table
    assert "What was reported" in table.columns
    assert set(table["What was reported"]) - {""}, "the latest update's note is shown"


# ------------------------------------------------------------------------------------------------ point 7: Word


def word(small_view) -> tuple[docx.document.Document, bytes]:
    pack = small_pack(small_view)
    data = export.docx_pack(pack, {item.key: tiny_png(160, 90) for item in pack.figures})
    return docx.Document(io.BytesIO(data)), data


def test_word_pack_properties_name_the_project_not_python_docx(small_view):
    document, _ = word(small_view)
    properties = document.core_properties
    assert properties.author == properties.last_modified_by == PROJECT_NAME
    assert properties.title == "Scrutiny pack"
    assert properties.subject.startswith("Alpha and Beta")
    assert properties.language == "en-GB"
    assert properties.created is not None and properties.created.year >= 2026


def test_word_pack_is_british_english(small_view):
    _, data = word(small_view)
    with zipfile.ZipFile(io.BytesIO(data)) as parts:
        styles = parts.read("word/styles.xml").decode()
        settings = parts.read("word/settings.xml").decode()
    languages = re.findall(r'<w:lang [^>]*w:val="([^"]+)"', styles)
    assert languages and set(languages) == {"en-GB"}
    assert "en-US" not in styles and 'w:themeFontLang w:val="en-GB"' in settings


def test_word_pack_pages_are_numbered_in_every_section(small_view):
    document = docx.Document(io.BytesIO(export.docx_pack(pack_of(short_table(), long_table()), {})))
    for section in document.sections:
        footer = section.footer._element
        fields = [t.text for t in footer.iter(qn("w:instrText"))]
        assert any(f.strip() == "PAGE" for f in fields), fields
        assert "Scrutiny pack" in "".join(t.text for t in footer.iter(qn("w:t")))


def test_word_pack_says_each_charts_message_once(small_view):
    document, _ = word(small_view)
    pack = small_pack(small_view)
    text = [p.text for p in document.paragraphs]
    for item in pack.figures:
        title = item.caption.title
        assert sum(title in line for line in text) == 0, title  # the picture carries its title (and alt text)
        assert not any(line.startswith("In words:") for line in text)
    alt = [shape._inline.docPr.get("descr") for shape in document.inline_shapes]
    assert alt == [item.caption.summary for item in pack.figures]


def test_pdf_pack_says_each_charts_message_once(small_view):
    pack = small_pack(small_view)
    pdfs = {item.key: stand_in_pdf("figure") for item in pack.figures}
    text = " ".join(" ".join(p.extract_text().split()) for p in pdf_pages(pack, pdfs))
    assert "In words:" not in text
    timeline = next(item for item in pack.figures if item.key == "timeline")
    assert timeline.caption.title not in text
