"""Print files drawn by a real Chromium, opened and checked: PNG size in pixels, SVG and PDF words, the Word pack
and the PDF pack. One warm browser serves the whole module (about 3 s to start)."""

from __future__ import annotations

import io
import re
from xml.etree import ElementTree

import docx
import pytest
from pypdf import PdfReader

from components import exhibits, export
from inspections.analysis import apply_view, options_for
from inspections.view import View

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(export.find_chromium() is None, reason="needs Chromium: sudo apt-get install chromium"),
]


@pytest.fixture(scope="module")
def renderer():
    warm = export.FigureRenderer(tabs=1, idle_seconds=None)
    yield warm
    warm.close()


@pytest.fixture(scope="module")
def view(small_frames):
    options = options_for(small_frames)
    chosen = View.default(options)
    return apply_view(small_frames, chosen), chosen, options


@pytest.fixture(scope="module")
def printed(view):
    """The pack's three standard charts, laid out for print, by key."""
    frames, chosen, options = view
    found = {e.key: e for e in exhibits.exhibits(frames, chosen, options)}
    return {key: found[key].items(with_chart=True, with_table=True)[0] for key in exhibits.DEFAULT_CHARTS}


def words(text: str) -> str:
    return " ".join(text.split())


def svg_text(data: bytes) -> str:
    """Every piece of text drawn in an SVG, in order, as one line."""
    root = ElementTree.fromstring(data)
    return words(" ".join(t for t in root.itertext()))


@pytest.mark.parametrize("key", exhibits.DEFAULT_CHARTS)
def test_png_is_drawn_at_print_resolution(renderer, printed, key):
    figure = printed[key].figure
    data = export.figure_bytes(figure, "png", using=renderer)
    width, height = export.png_size(data)
    assert (width, height) == (800 * export.PNG_SCALE, figure.layout.height * export.PNG_SCALE)
    assert width >= 2 * 800  # at least twice the A4-width layout


@pytest.mark.parametrize(
    ("fmt", "read"),
    [("svg", svg_text), ("pdf", lambda data: words(PdfReader(io.BytesIO(data)).pages[0].extract_text()))],
    ids=["svg", "pdf"],
)
@pytest.mark.parametrize("key", exhibits.DEFAULT_CHARTS)
def test_svg_and_pdf_carry_title_filters_and_source(renderer, printed, key, fmt, read):
    item = printed[key]
    text = read(export.figure_bytes(item.figure, fmt, using=renderer))
    for expected in (item.caption.title, item.caption.subtitle, item.caption.source):
        assert words(expected) in text, (expected, text[:400])
    assert "Records checked 31 January 2026" in text


def test_a_pdf_figure_is_one_page_of_the_print_layout_size(renderer, printed):
    figure = printed["timeline"].figure
    page = PdfReader(io.BytesIO(export.figure_bytes(figure, "pdf", using=renderer))).pages
    assert len(page) == 1
    assert round(float(page[0].mediabox.width)) == 600  # 800 CSS px at 0.75 pt each
    assert abs(float(page[0].mediabox.height) - figure.layout.height * 0.75) < 1.5


def test_the_word_pack_opens_with_pictures_alt_text_tables_and_sources(renderer, view, printed):
    frames = view[0]
    pack = export.Pack(
        heading="Children's services scrutiny",
        introduction="For the committee on 3 March.",
        scope="Alpha and Beta",
        checked="31 January 2026",
        items=tuple(printed.values()),
        sources=exhibits.cited_sources(frames),
    )
    document = docx.Document(io.BytesIO(export.build_pack(pack, "docx", using=renderer)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings == ["Children's services scrutiny", *[i.name for i in printed.values()], "Sources"]
    assert len(document.inline_shapes) == 3
    assert all(shape._inline.docPr.get("descr") for shape in document.inline_shapes)
    assert round(document.inline_shapes[0].width.cm, 1) == 16.0
    assert len(document.tables) == 3
    text = "\n".join(p.text for p in document.paragraphs)
    assert all(url in text for url in pack.sources["url"])


def test_the_pdf_pack_has_its_pages_in_order(renderer, view, printed):
    frames, chosen, options = view
    choices = [(e, e.key in exhibits.DEFAULT_CHARTS, False) for e in exhibits.exhibits(frames, chosen, options)]
    pack = exhibits.make_pack(frames, chosen, options, choices, heading="Scrutiny pack")
    reader = PdfReader(io.BytesIO(export.build_pack(pack, "pdf", using=renderer)))
    pages = [words(page.extract_text()) for page in reader.pages]
    assert all(round(float(p.mediabox.width)) == 595 for p in reader.pages)  # A4
    assert "Scrutiny pack What this pack shows: Alpha and Beta" in pages[0]
    # each chart's title (drawn inside its vector figure) is found once, on its own page, in pack order
    where = [[n for n, text in enumerate(pages) if words(item.caption.title) in text] for item in pack.figures]
    assert [len(found) for found in where] == [1, 1, 1]
    assert [found[0] for found in where] == sorted({found[0] for found in where})
    assert re.search(r"Sources Every figure", pages[-1]) and where[-1][0] >= len(pages) - 2
    assert all(f"Page {n}" in text and len(text) > 200 for n, text in enumerate(pages, start=1))  # no blank pages
    assert renderer.starts == 1  # everything in this module used one browser
