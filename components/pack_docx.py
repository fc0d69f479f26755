"""The committee pack as a Word document (python-docx): the accessible version, with headings, alternative text,
numbered captions, tables whose header repeats and whose rows stay whole, landscape pages for wide tables,
numbered pages, British English and the document's own properties filled in."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from typing import Any

import pandas as pd
from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Inches, Pt

from components.captions import PROJECT_NAME
from components.pack_model import (
    A4_HEIGHT_CM,
    A4_WIDTH_CM,
    LANDSCAPE_TEXT_WIDTH_CM,
    MARGIN_CM,
    PT_PER_CM,
    TEXT_WIDTH_CM,
    Pack,
    PackItem,
    about_text,
    figure_words,
    is_wide,
    paragraphs,
    picture_size_cm,
    printable_table,
    source_entry,
    source_numbers,
    table_column_widths,
    table_label,
    web_link,
)
from components.text_safety import clean_text

LANGUAGE = "en-GB"
# 9 pt Arial, bold in the header; Word pads each cell by 0.19 cm a side.
_CELL_POINTS_PER_CHAR, _CELL_PADDING = 5.2, 14
_KEEP_TOGETHER_ROWS = 15  # a table this short moves whole to the next page rather than leave a row or two behind


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height in pixels, read from a PNG's header."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def docx_pack(pack: Pack, pngs: Mapping[str, bytes]) -> bytes:
    """The pack as a Word document: heading, introduction, then per item a heading, the figure with alt text and
    a numbered caption saying in words what it shows, and the table; last, the numbered sources with links."""

    doc = Document()
    heading = clean_text(pack.heading)
    _set_up_page(doc.sections[0], landscape=False, heading=heading)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(11)
    _british_english(doc)
    properties = doc.core_properties
    properties.title, properties.subject = _property(heading), _property(pack.scope)
    properties.author = properties.last_modified_by = PROJECT_NAME
    properties.language, properties.keywords = LANGUAGE, "Ofsted; children's services; North East England"
    properties.comments = _property(f"Records checked against their sources on {pack.checked}.")
    properties.created = properties.modified = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    properties.revision = 1

    doc.add_heading(heading, level=0)
    for paragraph in paragraphs(pack.introduction):
        doc.add_paragraph(paragraph)
    doc.add_paragraph(about_text(pack))
    if pack.citation:
        doc.add_paragraph(f"How to cite this pack: {clean_text(pack.citation)}")

    numbers = source_numbers(pack.sources)
    figure_no = table_no = 0
    for item in pack.items:
        table = printable_table(item.table, numbers) if item.table is not None else None
        wide = table is not None and is_wide(table)
        _orient(doc, landscape=wide and item.figure is None, heading=heading)  # a wide table alone: all landscape
        doc.add_heading(clean_text(item.name), level=1)
        if item.lead:
            doc.add_paragraph(clean_text(item.lead))
        if item.figure is not None:
            figure_no += 1
            _docx_figure(doc, item, pngs[item.key], figure_no)
        if table is not None:
            table_no += 1
            _orient(doc, landscape=wide, heading=heading)
            _docx_caption(doc, "Table", table_no, table_label(item, figure_no))
            width = LANDSCAPE_TEXT_WIDTH_CM if wide else TEXT_WIDTH_CM
            _docx_table(doc, table, width * PT_PER_CM)

    _orient(doc, landscape=False, heading=heading)
    doc.add_heading("Sources", level=1)
    doc.add_paragraph(
        "Every figure and table above rests on these documents. Numbers in square brackets in the tables refer "
        "to this list."
    )
    for n, (_, row) in enumerate(pack.sources.iterrows(), start=1):
        paragraph = doc.add_paragraph(f"[{n}] {source_entry(row)} ")
        link = web_link(row["url"])
        if link:
            _docx_hyperlink(paragraph, link)
        else:
            paragraph.add_run(clean_text(row["url"]))
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _property(text: str) -> str:
    """Text for a document property, which Word's format caps at 255 characters."""
    text = clean_text(text)
    return text if len(text) <= 255 else text[:254] + "…"


def _set_up_page(section: Any, *, landscape: bool, heading: str) -> None:
    """A4 in the orientation asked for, with the pack's margins and a footer of the heading and page number."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    long, short = Cm(A4_HEIGHT_CM), Cm(A4_WIDTH_CM)
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))
    section.footer_distance = Cm(1.2)
    footer = section.footer
    footer.is_linked_to_previous = False  # each orientation puts the page number at its own right margin
    paragraph = footer.paragraphs[0]
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)
    stops = paragraph.paragraph_format.tab_stops
    for inherited in (Inches(3.25), Inches(6.5)):  # the Footer style's centre and right stops, for US Letter
        stops.add_tab_stop(inherited, WD_TAB_ALIGNMENT.CLEAR)
    stops.add_tab_stop(Cm(LANDSCAPE_TEXT_WIDTH_CM if landscape else TEXT_WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT)
    size = Pt(8)
    paragraph.add_run(heading[:110]).font.size = size
    paragraph.add_run("\tPage ").font.size = size
    _docx_field(paragraph, " PAGE ", "1", size=size)


def _orient(doc: Any, *, landscape: bool, heading: str) -> None:
    """Start a new section on a new page when the orientation has to change; otherwise carry on."""
    current = doc.sections[-1]
    if (current.orientation == WD_ORIENT.LANDSCAPE) == landscape:
        return
    _set_up_page(doc.add_section(WD_SECTION.NEW_PAGE), landscape=landscape, heading=heading)


def _british_english(doc: Any) -> None:
    """Spelling and grammar checked as British English: the default run language, every style that names one,
    and the theme's font language."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    if run_defaults is not None and run_defaults.find(qn("w:rPr")) is not None:
        props = run_defaults.find(qn("w:rPr"))
        lang = props.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            props.append(lang)
        lang.set(qn("w:val"), LANGUAGE)
        lang.set(qn("w:eastAsia"), LANGUAGE)
    for lang in styles.iter(qn("w:lang")):
        lang.set(qn("w:val"), LANGUAGE)
    settings = doc.settings.element
    for lang in settings.iter(qn("w:themeFontLang")):
        lang.set(qn("w:val"), LANGUAGE)


def _docx_figure(doc: Any, item: PackItem, png: bytes, number: int) -> None:

    width_cm, _ = picture_size_cm(*png_size(png))
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.keep_with_next = True
    shape = paragraph.add_run().add_picture(io.BytesIO(png), width=Cm(width_cm))
    doc_pr = shape._inline.docPr  # Word's alt text lives on wp:docPr: descr is what screen readers read
    doc_pr.set("descr", clean_text(item.caption.summary))
    doc_pr.set("title", clean_text(item.caption.title))
    doc_pr.set("name", f"Figure {number}")
    _docx_caption(doc, "Figure", number, figure_words(item))


def _docx_caption(doc: Any, label: str, number: int, text: str) -> None:
    """A Word caption whose number is a SEQ field, so Word renumbers it when pasted among other figures."""
    paragraph = doc.add_paragraph(style="Caption")
    paragraph.paragraph_format.keep_with_next = label == "Table"
    paragraph.add_run(f"{label} ")
    _docx_field(paragraph, f" SEQ {label} \\* ARABIC ", str(number))
    paragraph.add_run(f": {clean_text(text)}")


def _docx_field(paragraph: Any, instruction: str, shown: str, *, size: Any = None) -> None:

    def run_with(child: Any) -> None:
        run = OxmlElement("w:r")
        run.append(child)
        paragraph._p.append(run)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = instruction
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    paragraph.add_run(shown).font.size = size
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _row_flags(row: Any, *, header: bool) -> None:
    """Keep a row whole on one page (w:cantSplit); repeat the header row at the top of each page (w:tblHeader).
    The schema orders cantSplit before tblHeader."""
    props = row._tr.get_or_add_trPr()
    keep = OxmlElement("w:cantSplit")
    keep.set(qn("w:val"), "true")
    props.append(keep)
    if header:
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        props.append(repeat)


def _docx_table(doc: Any, table: pd.DataFrame, width_pt: float) -> None:

    grid = doc.add_table(rows=1, cols=len(table.columns))
    grid.style = "Table Grid"
    grid.autofit = False
    widths = [
        Pt(w)
        for w in table_column_widths(table, width_pt, points_per_char=_CELL_POINTS_PER_CHAR, padding=_CELL_PADDING)
    ]
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width
    header = grid.rows[0]
    _row_flags(header, header=True)
    for cell, column in zip(header.cells, table.columns, strict=True):
        shading = OxmlElement("w:shd")  # the same light grey as the PDF's header row
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), "E8E8E8")
        cell._tc.get_or_add_tcPr().append(shading)
        run = cell.paragraphs[0].add_run(clean_text(column))
        run.bold, run.font.size = True, Pt(9)
        cell.paragraphs[0].paragraph_format.keep_with_next = True
    together = len(table) <= _KEEP_TOGETHER_ROWS
    for n, values in enumerate(table.itertuples(index=False), start=1):
        row = grid.add_row()
        _row_flags(row, header=False)
        for cell, value in zip(row.cells, values, strict=True):
            cell.paragraphs[0].add_run(clean_text(value)).font.size = Pt(9)
            cell.paragraphs[0].paragraph_format.keep_with_next = together and n < len(table)
    for row in grid.rows:  # Word reads the widths from the cells; LibreOffice from the grid columns
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    doc.add_paragraph()


def _docx_hyperlink(paragraph: Any, url: str) -> None:

    rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel_id)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    props.append(style)
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), "1D70B8")
    props.append(colour)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(underline)
    run.append(props)
    text = OxmlElement("w:t")
    text.text = url
    run.append(text)
    link.append(run)
    paragraph._p.append(link)
