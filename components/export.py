"""Print files and committee packs as Word and PDF, from figures drawn by one warm Chromium.

Plain Python, no Streamlit, so every part is unit-tested. The pieces:

- components.renderer (re-exported here): whether static export can work, what to say if not, and the one warm
  Chromium (`renderer()`) that every export and pack shares, with its time limit.
- `export_filename`: download names that say what is in them.
- `Pack`, `docx_pack`, `pdf_pack`, `build_pack`: the committee pack.
"""

from __future__ import annotations

import io
import logging
import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape as xml_escape

import pandas as pd
import plotly.graph_objects as go
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from pypdf import PdfReader, PdfWriter, Transformation
from reportlab.lib import colors
from reportlab.lib.fonts import addMapping
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from components.captions import Caption
from components.downloads import safe_filename
from components.renderer import (  # noqa: F401  (the print pieces, re-exported: pages and tools import them from here)
    CHROMIUM_HELP,
    PNG_SCALE,
    RENDER_TIMEOUT,
    ChromiumMissing,
    ExportFailed,
    ExportTimedOut,
    FigureRenderer,
    Format,
    RenderCache,
    RenderJob,
    chromium_problem,
    figure_bytes,
    find_chromium,
    renderer,
)

_LOGGER = logging.getLogger(__name__)
Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class FileKind:
    extension: str
    mime: str
    label: str


FORMATS: dict[str, FileKind] = {
    "png": FileKind("png", "image/png", "PNG"),
    "svg": FileKind("svg", "image/svg+xml", "SVG"),
    "pdf": FileKind("pdf", "application/pdf", "PDF"),
    "csv": FileKind("csv", "text/csv", "CSV"),
    "xlsx": FileKind("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"),
    "docx": FileKind("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"),
}

# ---------------------------------------------------------------------------------------------------------------
# File names


def view_parts(file_stem: str, authorities: Sequence[str], first_year: int | None, last_year: int | None) -> list[str]:
    """The words of a download's file name: what it is, for which authorities, over which years."""
    parts = [file_stem]
    if authorities:
        parts.append("-".join(authorities) if len(authorities) <= 4 else f"{len(authorities)}-authorities")
    if first_year is not None and last_year is not None:
        parts.append(str(first_year) if first_year == last_year else f"{first_year}-{last_year}")
    return parts


def export_filename(
    file_stem: str,
    extension: str,
    authorities: Sequence[str] = (),
    first_year: int | None = None,
    last_year: int | None = None,
) -> str:
    """A safe file name such as recurring-themes_gateshead-newcastle_2017-2025.png."""
    return safe_filename(*view_parts(file_stem, authorities, first_year, last_year), extension=extension)


# ---------------------------------------------------------------------------------------------------------------
# The committee pack: what goes in it


@dataclass(frozen=True)
class PackItem:
    """One chart and/or table in a pack, with the words that go with it."""

    key: str
    name: str
    caption: Caption
    figure: go.Figure | None = None  # print-ready (charts.with_titles) or None for a table on its own
    table: pd.DataFrame | None = None
    lead: str = ""  # a paragraph under the heading, before the figure or table


@dataclass(frozen=True)
class Pack:
    heading: str
    introduction: str
    scope: str  # what the filters select, in words
    checked: str  # when the records were last checked against their sources
    items: tuple[PackItem, ...]
    sources: pd.DataFrame  # title, publisher, published, url
    produced_by: str = "the Ofsted children's services dashboard for North East councils"
    citation: str = ""  # how to cite the pack's view (inspections.citation)

    @property
    def figures(self) -> list[PackItem]:
        """The items that carry a figure, in order."""
        return [item for item in self.items if item.figure is not None]


# Columns of web addresses: links on screen, numbers into the closing list of sources in a pack.
URL_COLUMNS = frozenset(
    {
        "source",
        "sources",
        "url",
        "source_url",
        "source link",
        "source of the recommendation",
        "source of the latest status",
    }
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def clean_text(value: object) -> str:
    """Text safe for Word's and PDF's XML: no control characters, lists joined, missing values empty."""
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, (list, tuple)):
        value = ", ".join(map(str, value))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, pd.Timestamp):
        return f"{value.day} {value.strftime('%B %Y')}"
    return _CONTROL.sub("", unicodedata.normalize("NFC", str(value)))


def source_numbers(sources: pd.DataFrame) -> dict[str, int]:
    """Each source URL's number in the pack's closing list (1-based)."""
    return {url: n for n, url in enumerate(sources["url"], start=1)}


def printable_table(table: pd.DataFrame, numbers: Mapping[str, int]) -> pd.DataFrame:
    """A table as text for print: URLs replaced by their numbers in the sources list ([3]), lists joined."""
    out = pd.DataFrame({str(c): table[c].map(clean_text) for c in table.columns})
    for column in out.columns:
        if column.lower() in URL_COLUMNS:
            out[column] = out[column].map(lambda cell: _cite(cell, numbers))
    return out


def _cite(cell: str, numbers: Mapping[str, int]) -> str:
    refs = [f"[{numbers[url]}]" if url in numbers else url for url in cell.split()]
    return " ".join(dict.fromkeys(refs))


def _is_web_link(url: str) -> bool:
    return bool(re.match(r"^https?://[^\s\"'<>]+$", url))


def source_entry(row: pd.Series) -> str:
    """One source as a line of the closing list: title, publisher, date."""
    published = clean_text(row.get("published"))
    date = f", {published}" if published and published != "Not confirmed" else ""
    return f"{clean_text(row['title'])}. {clean_text(row['publisher'])}{date}."


# ---------------------------------------------------------------------------------------------------------------
# Word


A4_WIDTH_CM, A4_HEIGHT_CM, MARGIN_CM = 21.0, 29.7, 2.5
_PT_PER_CM = 72 / 2.54
TEXT_WIDTH_CM = A4_WIDTH_CM - 2 * MARGIN_CM  # 16 cm: the column the print layout is sized for
MAX_FIGURE_HEIGHT_CM = 20.5  # leaves room for the heading and caption on the same page


def picture_size_cm(width_px: float, height_px: float) -> tuple[float, float]:
    """A figure's size on the page: the full text width, or less so a tall one fits under its heading."""
    width = TEXT_WIDTH_CM
    height = width * height_px / width_px
    if height > MAX_FIGURE_HEIGHT_CM:
        width, height = width * MAX_FIGURE_HEIGHT_CM / height, MAX_FIGURE_HEIGHT_CM
    return width, height


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height in pixels, read from a PNG's header."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def docx_pack(pack: Pack, pngs: Mapping[str, bytes]) -> bytes:
    """The pack as a Word document: heading, introduction, then per item a heading, the figure with alt text,
    a numbered caption, a summary in words and the table; last, the numbered sources with links."""

    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(A4_WIDTH_CM), Cm(A4_HEIGHT_CM)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(11)
    doc.core_properties.title = clean_text(pack.heading)
    doc.core_properties.subject = clean_text(pack.scope)

    doc.add_heading(clean_text(pack.heading), level=0)
    for paragraph in _paragraphs(pack.introduction):
        doc.add_paragraph(paragraph)
    doc.add_paragraph(_about(pack))
    if pack.citation:
        doc.add_paragraph(f"How to cite this pack: {clean_text(pack.citation)}")

    numbers = source_numbers(pack.sources)
    figure_no = table_no = 0
    for item in pack.items:
        doc.add_heading(clean_text(item.name), level=1)
        if item.lead:
            doc.add_paragraph(clean_text(item.lead))
        if item.figure is not None:
            figure_no += 1
            _docx_figure(doc, item, pngs[item.key], figure_no)
        if item.table is not None:
            table_no += 1
            label = f"{item.name}: the numbers behind figure {figure_no}" if item.figure is not None else item.name
            _docx_caption(doc, "Table", table_no, label)
            _docx_table(doc, printable_table(item.table, numbers))

    doc.add_heading("Sources", level=1)
    doc.add_paragraph(
        "Every figure and table above rests on these documents. Numbers in square brackets in the tables refer "
        "to this list."
    )
    for n, (_, row) in enumerate(pack.sources.iterrows(), start=1):
        paragraph = doc.add_paragraph(f"[{n}] {source_entry(row)} ")
        url = clean_text(row["url"])
        if _is_web_link(url):
            _docx_hyperlink(paragraph, url)
        else:
            paragraph.add_run(url)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _paragraphs(text: str) -> list[str]:
    return [clean_text(p).strip() for p in re.split(r"\n\s*\n", text or "") if clean_text(p).strip()]


def _about(pack: Pack) -> str:
    return clean_text(
        f"What this pack shows: {pack.scope}. Records checked against their sources on {pack.checked}. "
        f"Produced with {pack.produced_by}, from Ofsted's published inspection reports and letters and councils' "
        "own papers; findings are summarised in the dashboard's own words. Sources are listed at the end."
    )


def _docx_figure(doc: Any, item: PackItem, png: bytes, number: int) -> None:

    width_cm, _ = picture_size_cm(*png_size(png))
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.keep_with_next = True
    shape = paragraph.add_run().add_picture(io.BytesIO(png), width=Cm(width_cm))
    doc_pr = shape._inline.docPr  # Word's alt text lives on wp:docPr: descr is what screen readers read
    doc_pr.set("descr", clean_text(item.caption.summary))
    doc_pr.set("title", clean_text(item.caption.title))
    doc_pr.set("name", f"Figure {number}")
    _docx_caption(doc, "Figure", number, f"{item.caption.title}. {item.caption.subtitle}.")
    doc.add_paragraph(f"In words: {clean_text(item.caption.summary)}")


def _docx_caption(doc: Any, label: str, number: int, text: str) -> None:
    """A Word caption whose number is a SEQ field, so Word renumbers it when pasted among other figures."""
    paragraph = doc.add_paragraph(style="Caption")
    paragraph.paragraph_format.keep_with_next = label == "Table"
    paragraph.add_run(f"{label} ")
    _docx_field(paragraph, f" SEQ {label} \\* ARABIC ", str(number))
    paragraph.add_run(f": {clean_text(text)}")


def _docx_field(paragraph: Any, instruction: str, shown: str) -> None:

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
    paragraph.add_run(shown)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _docx_table(doc: Any, table: pd.DataFrame) -> None:

    grid = doc.add_table(rows=1, cols=len(table.columns))
    grid.style = "Table Grid"
    grid.autofit = False
    widths = [Pt(w) for w in table_column_widths(table, TEXT_WIDTH_CM * _PT_PER_CM, points_per_char=4.9)]
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width
    header = grid.rows[0]
    flag = OxmlElement("w:tblHeader")  # repeat the header row on each page
    flag.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(flag)
    for cell, column in zip(header.cells, table.columns, strict=True):
        run = cell.paragraphs[0].add_run(clean_text(column))
        run.bold, run.font.size = True, Pt(9)
        cell.paragraphs[0].paragraph_format.keep_with_next = True
    for values in table.itertuples(index=False):
        cells = grid.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.paragraphs[0].add_run(clean_text(value)).font.size = Pt(9)
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


# ---------------------------------------------------------------------------------------------------------------
# PDF: reportlab lays out the words and tables, leaving a slot for each figure; pypdf then draws each
# figure's own vector PDF (from kaleido) into its slot, so the figures stay sharp at any zoom.


_FONT_CANDIDATES = (
    # Liberation Sans has Arial's metrics, matching the figures; DejaVu Sans covers more scripts.
    ("/usr/share/fonts/truetype/liberation/LiberationSans-{}.ttf", ("Regular", "Bold", "Italic", "BoldItalic")),
    ("/usr/share/fonts/truetype/liberation2/LiberationSans-{}.ttf", ("Regular", "Bold", "Italic", "BoldItalic")),
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans{}.ttf", ("", "-Bold", "-Oblique", "-BoldOblique")),
    ("C:/Windows/Fonts/arial{}.ttf", ("", "bd", "i", "bi")),
    ("/System/Library/Fonts/Supplemental/Arial{}.ttf", ("", " Bold", " Italic", " Bold Italic")),
)
_FONT_LOCK = threading.Lock()
_FONT_FAMILY: str | None = None


def pdf_font() -> str:
    """The font family for pack text: an embedded TrueType sans if one is installed, else Helvetica."""
    global _FONT_FAMILY
    with _FONT_LOCK:
        if _FONT_FAMILY is None:
            _FONT_FAMILY = _register_font()
        return _FONT_FAMILY


def _register_font() -> str:

    for pattern, styles in _FONT_CANDIDATES:
        paths = [Path(pattern.format(style)) for style in styles]
        if not all(p.is_file() for p in paths):
            continue
        names = ["PackSans", "PackSans-Bold", "PackSans-Italic", "PackSans-BoldItalic"]
        try:
            for name, path in zip(names, paths, strict=True):
                pdfmetrics.registerFont(TTFont(name, str(path)))
        except Exception:  # an unreadable font: try the next
            continue
        for (bold, italic), name in zip(((0, 0), (1, 0), (0, 1), (1, 1)), names, strict=True):
            addMapping("PackSans", bold, italic, name)
        return "PackSans"
    return "Helvetica"


@dataclass
class _Slot:
    key: str
    width: float
    height: float
    page: int = 0
    x: float = 0.0
    y: float = 0.0


def _pdf_page_size(data: bytes) -> tuple[float, float]:

    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    return float(box.width), float(box.height)


def pdf_pack(pack: Pack, pdfs: Mapping[str, bytes]) -> bytes:
    """The pack as an A4 PDF: the same content as the Word pack, figures drawn as vectors, pages numbered."""

    font = pdf_font()
    margin = MARGIN_CM * _PT_PER_CM
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=clean_text(pack.heading),
        subject=clean_text(pack.scope),
        creator=clean_text(pack.produced_by),
    )
    slots: list[_Slot] = []
    story = _pdf_story(pack, pdfs, font, doc.width, doc.height, slots)

    def footer(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.setFillGray(0.35)
        canvas.drawString(margin, margin / 2, clean_text(pack.heading)[:110])
        canvas.drawRightString(A4[0] - margin, margin / 2, f"Page {document.page}")
        canvas.restoreState()

    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return _place_figures(buffer.getvalue(), slots, pdfs)


def _pdf_story(
    pack: Pack, pdfs: Mapping[str, bytes], font: str, width: float, height: float, slots: list[_Slot]
) -> list[Any]:

    styles = _pdf_styles(font)
    story: list[Any] = [Paragraph(_x(pack.heading), styles["title"])]
    story += [Paragraph(_x(p), styles["body"]) for p in _paragraphs(pack.introduction)]
    story.append(Paragraph(_x(_about(pack)), styles["body"]))
    if pack.citation:
        story.append(Paragraph(f"<i>How to cite this pack:</i> {_x(pack.citation)}", styles["body"]))
    numbers = source_numbers(pack.sources)
    figure_no = table_no = 0
    for item in pack.items:
        block: list[Any] = [Paragraph(_x(item.name), styles["h1"])]
        if item.lead:
            block.append(Paragraph(_x(item.lead), styles["body"]))
        if item.figure is not None:
            figure_no += 1
            fig_w, fig_h = _pdf_page_size(pdfs[item.key])
            scale = min(width / fig_w, (height - 110) / fig_h)  # leaves room for the heading and caption
            slot = _Slot(item.key, fig_w * scale, fig_h * scale)
            slots.append(slot)
            block += [
                _FigureSlot(slot),
                Paragraph(
                    f"<b>Figure {figure_no}</b>: {_x(item.caption.title)}. {_x(item.caption.subtitle)}.",
                    styles["caption"],
                ),
            ]
            story.append(KeepTogether(block))
            story.append(Paragraph(f"<i>In words:</i> {_x(item.caption.summary)}", styles["body"]))
            block = []
        if item.table is not None:
            table_no += 1
            label = f"{item.name}: the numbers behind figure {figure_no}" if item.figure is not None else item.name
            block.append(Paragraph(f"<b>Table {table_no}</b>: {_x(label)}", styles["caption"]))
            story.append(KeepTogether(block))
            story.append(_pdf_table(printable_table(item.table, numbers), styles, width))
        elif block:
            story.append(KeepTogether(block))
        story.append(Spacer(1, 6))
    story.append(Paragraph("Sources", styles["h1"]))
    story.append(
        Paragraph(
            "Every figure and table above rests on these documents. Numbers in square brackets in the tables "
            "refer to this list.",
            styles["body"],
        )
    )
    for n, (_, row) in enumerate(pack.sources.iterrows(), start=1):
        url = clean_text(row["url"])
        link = f'<a href="{_x(url)}" color="#1D70B8"><u>{_x(url)}</u></a>' if _is_web_link(url) else _x(url)
        story.append(Paragraph(f"[{n}] {_x(source_entry(row))} {link}", styles["source"]))
    return story


def _x(text: object) -> str:
    """Text escaped for reportlab's paragraph markup."""
    return xml_escape(clean_text(text), {'"': "&quot;"})


def _pdf_styles(font: str) -> dict[str, Any]:

    base = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=14, spaceAfter=6)
    bold = f"{font}-Bold"
    return {
        "title": ParagraphStyle("title", parent=base, fontSize=20, leading=25, spaceAfter=12, fontName=bold),
        "h1": ParagraphStyle(
            "h1", parent=base, fontSize=14, leading=18, spaceBefore=10, spaceAfter=6, fontName=bold, keepWithNext=1
        ),
        "body": base,
        "caption": ParagraphStyle("caption", parent=base, fontSize=9, leading=12, spaceAfter=3),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10, spaceAfter=0),
        "head": ParagraphStyle("head", parent=base, fontSize=8, leading=10, spaceAfter=0),
        "source": ParagraphStyle("source", parent=base, fontSize=9, leading=12, leftIndent=14, firstLineIndent=-14),
    }


def _pdf_table(table: pd.DataFrame, styles: dict[str, Any], width: float) -> Any:

    head = [Paragraph(f"<b>{_x(c)}</b>", styles["head"]) for c in table.columns]
    body = [[Paragraph(_x(v), styles["cell"]) for v in row] for row in table.itertuples(index=False)]
    widths = table_column_widths(table, width)
    # splitInRow: a row taller than a page (a very long note in a narrow column) continues on the next page.
    grid = Table([head, *body], colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=1)
    grid.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#505A5F")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8E8E8")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return grid


def table_column_widths(table: pd.DataFrame, width: float, points_per_char: float = 4.8) -> list[float]:
    """Column widths (pt) that add up to width: each at least its longest word (so no word is split, where the
    page allows), the rest shared in proportion to how much text the column holds.

    Where the longest words do not fit side by side (a web address pasted into a note), the widest columns are
    narrowed to a common width, so only the over-long words break, not every word of every other column."""
    columns = [[str(c), *map(str, table[c])] for c in table.columns]
    least = [
        max(len(word) for cell in cells for word in (cell.split() or [""])) * points_per_char + 8 for cells in columns
    ]
    if sum(least) > width * _WORDS_SHARE:
        least = _narrow_widest(least, width * _WORDS_SHARE)
    weights = [min(max(len(cell) for cell in cells), 60) + 4 for cells in columns]
    spare = width - sum(least)
    return [w + spare * k / sum(weights) for w, k in zip(least, weights, strict=True)]


_WORDS_SHARE = 0.8  # at most this much of the width goes to whole words; the rest follows how much text there is


def _narrow_widest(widths: list[float], total: float) -> list[float]:
    """widths with the largest lowered to one cap, so that they add up to total (or each is an equal share)."""
    if total <= 0 or not widths:
        return [total / max(len(widths), 1)] * len(widths)
    ordered = sorted(widths)
    below, rest = 0.0, len(ordered)
    for w in ordered:
        cap = (total - below) / rest
        if w >= cap:
            return [min(x, cap) for x in widths]
        below, rest = below + w, rest - 1
    return widths


class _FigureSlot(Flowable):
    """Empty space the size of a figure; remembers the page and place it was drawn at."""

    def __init__(self, slot: _Slot) -> None:
        super().__init__()
        self.slot = slot

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.slot.width, self.slot.height + 6

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        self.slot.page, self.slot.x, self.slot.y = canvas.getPageNumber(), x, y + 6
        super().drawOn(canvas, x, y, _sW)

    def draw(self) -> None:
        return None


def _place_figures(base: bytes, slots: Iterable[_Slot], pdfs: Mapping[str, bytes]) -> bytes:

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(base)))
    for slot in slots:
        figure = PdfReader(io.BytesIO(pdfs[slot.key])).pages[0]
        scale = slot.width / float(figure.mediabox.width)
        transform = Transformation().scale(scale, scale).translate(slot.x, slot.y)
        writer.pages[slot.page - 1].merge_transformed_page(figure, transform)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------------------------
# Building a pack end to end


PackFormat = Literal["docx", "pdf"]


@dataclass
class PackProgress:
    """Reports building progress as a fraction and a sentence; the UI passes a callback."""

    total_figures: int
    report: Progress | None = None
    steps: list[str] = field(default_factory=list)

    def __call__(self, fraction: float, message: str) -> None:
        self.steps.append(message)
        if self.report:
            self.report(min(max(fraction, 0.0), 1.0), message)


def build_pack(
    pack: Pack, fmt: PackFormat, *, using: FigureRenderer | None = None, progress: Progress | None = None
) -> bytes:
    """The whole pack as Word or PDF bytes: figures drawn on the warm renderer, then the document assembled."""
    figures = pack.figures
    report = PackProgress(len(figures), progress)
    images: dict[str, bytes] = {}
    if figures:
        image_fmt: Format = "png" if fmt == "docx" else "pdf"
        report(0.02, f"Drawing {len(figures)} figure{'s' if len(figures) != 1 else ''}…")
        jobs = [RenderJob(item.figure, image_fmt) for item in figures if item.figure is not None]

        def drawn(n: int) -> None:
            report(0.05 + 0.8 * n / len(jobs), f"Drew figure {n} of {len(jobs)}")

        rendered = (using or renderer()).render_many(jobs, progress=drawn)
        images = {item.key: data for item, data in zip(figures, rendered, strict=True)}
    report(0.9, "Putting the Word document together…" if fmt == "docx" else "Laying out the PDF…")
    try:
        data = docx_pack(pack, images) if fmt == "docx" else pdf_pack(pack, images)
    except Exception as exc:  # the page shows ExportFailed in words; the details belong in the log
        _LOGGER.exception("the committee pack (%s) could not be put together", fmt)
        raise ExportFailed(PACK_FAILED_HELP.format(kind="Word document" if fmt == "docx" else "PDF")) from exc
    report(1.0, "Done.")
    return data


PACK_FAILED_HELP = (
    "The {kind} could not be put together from these choices. Please try again with fewer items, or the other "
    "format; if it keeps failing, tell whoever runs the dashboard, who can find the reason in the server's log."
)
