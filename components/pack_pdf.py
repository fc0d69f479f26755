"""The committee pack as an A4 PDF: reportlab lays out the words and tables, leaving a slot for each figure; pypdf
then draws each figure's own vector PDF (from kaleido) into its slot, so the figures stay sharp at any zoom.
Wide tables get landscape pages; every table repeats its header row on each page and keeps its rows whole."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

import pandas as pd
from pypdf import PdfReader, PdfWriter, Transformation
from reportlab.lib import colors
from reportlab.lib.fonts import addMapping
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from components.pack_model import (
    MARGIN_CM,
    PT_PER_CM,
    Pack,
    about_text,
    figure_words,
    is_wide,
    paragraphs,
    printable_table,
    source_entry,
    source_numbers,
    table_column_widths,
    table_label,
    web_link,
)
from components.text_safety import clean_text

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
PORTRAIT, LANDSCAPE = "portrait", "landscape"


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


@dataclass(frozen=True)
class _Page:
    """The text area of a portrait and a landscape A4 page, in points."""

    margin: float = MARGIN_CM * PT_PER_CM

    def size(self, orientation: str) -> tuple[float, float]:
        return landscape(A4) if orientation == LANDSCAPE else A4

    def frame(self, orientation: str) -> tuple[float, float]:
        width, height = self.size(orientation)
        return width - 2 * self.margin, height - 2 * self.margin


def pdf_pack(pack: Pack, pdfs: Mapping[str, bytes]) -> bytes:
    """The pack as an A4 PDF: the same content as the Word pack, figures drawn as vectors, pages numbered."""

    font = pdf_font()
    page = _Page()
    buffer = io.BytesIO()
    heading = clean_text(pack.heading)

    def footer(canvas: Any, document: Any) -> None:
        width = canvas._pagesize[0]
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.setFillGray(0.35)
        canvas.drawString(page.margin, page.margin / 2, heading[:110])
        canvas.drawRightString(width - page.margin, page.margin / 2, f"Page {document.page}")
        canvas.restoreState()

    templates = []
    for orientation in (PORTRAIT, LANDSCAPE):
        width, height = page.frame(orientation)
        frame = Frame(
            page.margin, page.margin, width, height, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0
        )
        templates.append(PageTemplate(orientation, [frame], onPage=footer, pagesize=page.size(orientation)))
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        pageTemplates=templates,
        leftMargin=page.margin,
        rightMargin=page.margin,
        topMargin=page.margin,
        bottomMargin=page.margin,
        title=heading,
        subject=clean_text(pack.scope),
        creator=clean_text(pack.produced_by),
        author=clean_text(pack.produced_by),
        lang="en-GB",
    )
    slots: list[_Slot] = []
    doc.build(_pdf_story(pack, pdfs, font, page, slots))
    return _place_figures(buffer.getvalue(), slots, pdfs)


def _pdf_story(pack: Pack, pdfs: Mapping[str, bytes], font: str, page: _Page, slots: list[_Slot]) -> list[Any]:

    styles = _pdf_styles(font)
    story: list[Any] = [Paragraph(_x(pack.heading), styles["title"])]
    story += [Paragraph(_x(p), styles["body"]) for p in paragraphs(pack.introduction)]
    story.append(Paragraph(_x(about_text(pack)), styles["body"]))
    if pack.citation:
        story.append(Paragraph(f"<i>How to cite this pack:</i> {_x(pack.citation)}", styles["body"]))
    numbers = source_numbers(pack.sources)
    orientation = [PORTRAIT]

    def turn(to: str) -> None:
        """Carry on, or start a new page in the other orientation."""
        if orientation[0] != to:
            story.extend([NextPageTemplate(to), PageBreak()])
            orientation[0] = to

    figure_no = table_no = 0
    for item in pack.items:
        table = printable_table(item.table, numbers) if item.table is not None else None
        wide = table is not None and is_wide(table)
        turn(LANDSCAPE if wide and item.figure is None else PORTRAIT)
        block: list[Any] = [Paragraph(_x(item.name), styles["h1"])]
        if item.lead:
            block.append(Paragraph(_x(item.lead), styles["body"]))
        if item.figure is not None:
            figure_no += 1
            width, height = page.frame(PORTRAIT)
            fig_w, fig_h = _pdf_page_size(pdfs[item.key])
            scale = min(width / fig_w, (height - 110) / fig_h)  # leaves room for the heading and caption
            slot = _Slot(item.key, fig_w * scale, fig_h * scale)
            slots.append(slot)
            block += [
                _FigureSlot(slot),
                Paragraph(f"<b>Figure {figure_no}</b>: {_x(figure_words(item))}", styles["caption"]),
            ]
            story.append(KeepTogether(block))
            block = []
        if table is not None:
            table_no += 1
            turn(LANDSCAPE if wide else PORTRAIT)
            block.append(Paragraph(f"<b>Table {table_no}</b>: {_x(table_label(item, figure_no))}", styles["caption"]))
            story.append(KeepTogether(block))
            story.append(_pdf_table(table, styles, *page.frame(LANDSCAPE if wide else PORTRAIT)))
        elif block:
            story.append(KeepTogether(block))
        story.append(Spacer(1, 6))
    turn(PORTRAIT)
    story.append(Paragraph("Sources", styles["h1"]))
    story.append(
        Paragraph(
            "Every figure and table above rests on these documents. Numbers in square brackets in the tables "
            "refer to this list.",
            styles["body"],
        )
    )
    for n, (_, row) in enumerate(pack.sources.iterrows(), start=1):
        url = web_link(row["url"])
        link = f'<a href="{_x(url)}" color="#1D70B8"><u>{_x(url)}</u></a>' if url else _x(row["url"])
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


def _pdf_table(table: pd.DataFrame, styles: dict[str, Any], width: float, height: float) -> Table:
    """A table that repeats its header row on each page and keeps each row whole; only a row taller than a whole
    page (a very long note) is let run on to the next."""
    head = [Paragraph(f"<b>{_x(c)}</b>", styles["head"]) for c in table.columns]
    body = [[Paragraph(_x(v), styles["cell"]) for v in row] for row in table.itertuples(index=False)]
    widths = table_column_widths(table, width)

    def grid(split_in_row: int) -> Table:
        made = Table([head, *body], colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=split_in_row)
        made.setStyle(
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
        return made

    whole = grid(0)
    whole.wrap(width, height)
    heights = whole._rowHeights
    if heights and max(heights[1:], default=0) > height - heights[0] - 30:
        return grid(1)
    return whole


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
