"""The export engine without a browser: file names, the render cache, the warm session's lifecycle (with a fake
browser), the missing-Chromium message, and the Word and PDF packs built from stand-in images."""

from __future__ import annotations

import asyncio
import io
import struct
import threading
import time
import zlib
from dataclasses import replace

import docx
import pandas as pd
import plotly.graph_objects as go
import pytest
from pypdf import PdfReader
from reportlab.pdfgen import canvas

from components import exhibits, export, print_layout, text_safety
from inspections.analysis import apply_view, options_for
from inspections.view import View

# ------------------------------------------------------------------------------------------------ small fixtures


def tiny_png(width: int, height: int) -> bytes:
    """A valid grey PNG of the given size, made without any imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def stand_in_pdf(text: str, width: float = 600, height: float = 400) -> bytes:
    """A one-page PDF with a line of text, standing in for kaleido's figure PDF."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=(width, height))
    page.drawString(20, height - 40, text)
    page.save()
    return buffer.getvalue()


class FakeBrowser:
    """Stands in for kaleido.Kaleido: answers calc_fig with bytes naming the format and the figure's title."""

    def __init__(self, fail_first: int = 0) -> None:
        self.calls = 0
        self.closed = False
        self.fail_first = fail_first

    async def calc_fig(self, figure: go.Figure, opts: dict) -> bytes:
        await asyncio.sleep(0.001)
        self.calls += 1
        if self.calls <= self.fail_first:
            raise RuntimeError("browser crashed")
        return f"{opts['format']}:{opts['scale']}:{figure.layout.title.text}".encode()

    async def close(self) -> None:
        self.closed = True


def fake_renderer(**kwargs) -> tuple[export.FigureRenderer, list[FakeBrowser]]:
    browsers: list[FakeBrowser] = []
    fail_first = kwargs.pop("fail_first", 0)

    async def open_fake(tabs: int, timeout: float) -> FakeBrowser:
        browser = FakeBrowser(fail_first if not browsers else 0)
        browsers.append(browser)
        return browser

    renderer = export.FigureRenderer(find=lambda: "/usr/bin/chromium", opener=open_fake, **kwargs)
    return renderer, browsers


def titled(text: str) -> go.Figure:
    return go.Figure(layout={"title": {"text": text}})


@pytest.fixture
def small_view(small_frames):
    options = options_for(small_frames)
    view = View.default(options)
    return apply_view(small_frames, view), view, options


def small_pack(small_view, *, tables: bool = True) -> export.Pack:
    frames, view, options = small_view
    choices = [(e, e.figure is not None, tables) for e in exhibits.exhibits(frames, view, options)]
    return exhibits.make_pack(
        frames, view, options, choices, heading="Scrutiny pack", introduction="First para.\n\nSecond para."
    )


# ------------------------------------------------------------------------------------------------ file names


@pytest.mark.parametrize(
    ("stem", "extension", "authorities", "years", "expected"),
    [
        (
            "recurring-themes",
            "png",
            ["gateshead", "newcastle"],
            (2017, 2025),
            "recurring-themes_gateshead-newcastle_2017-2025.png",
        ),
        ("judgement-timeline", "svg", ["gateshead"], (2021, 2021), "judgement-timeline_gateshead_2021.svg"),
        ("recommendation-status", "pdf", [f"la{i}" for i in range(12)], (2010, 2026), None),
        ("committee-pack", "docx", [], (None, None), "committee-pack.docx"),
        ("../../Évaluation: <b>CON</b>", "pdf", ["a/b"], (2019, 2020), "evaluation-b-con-b_a-b_2019-2020.pdf"),
    ],
)
def test_export_file_names_say_what_they_are_and_are_safe(stem, extension, authorities, years, expected):
    name = export.export_filename(stem, extension, authorities, *years)
    if expected:
        assert name == expected
    else:
        assert name == f"{stem}_12-authorities_2010-2026.{extension}"
    assert all(ch.isascii() and (ch.isalnum() or ch in "-_.") for ch in name)
    assert len(name) <= 160


# ------------------------------------------------------------------------------------------------ cache


def test_render_cache_keeps_recent_bytes_within_its_budget():
    cache = export.RenderCache(max_bytes=10)
    cache.put("a", b"12345")
    cache.put("b", b"12345")
    assert cache.get("a") == b"12345"  # a is now the most recent
    cache.put("c", b"123")
    assert cache.get("b") is None and cache.get("a") and cache.get("c")
    cache.put("huge", b"x" * 11)
    assert cache.get("huge") is None


def test_render_job_key_changes_with_figure_format_and_scale():
    fig = titled("A")
    keys = {
        export.RenderJob(fig, "png").key(),
        export.RenderJob(fig, "svg").key(),
        export.RenderJob(fig, "png", scale=2).key(),
        export.RenderJob(titled("B"), "png").key(),
    }
    assert len(keys) == 4
    assert export.RenderJob(fig, "svg", scale=2).key() == export.RenderJob(fig, "svg").key()  # scale is PNG-only


# ------------------------------------------------------------------------------------------------ warm session


def test_one_browser_serves_every_render_and_repeats_come_from_the_cache():
    renderer, browsers = fake_renderer(idle_seconds=None)
    try:
        assert renderer.render(export.RenderJob(titled("One"), "png")) == b"png:3:One"
        assert renderer.render(export.RenderJob(titled("Two"), "svg")) == b"svg:1:Two"
        assert renderer.render(export.RenderJob(titled("One"), "png")) == b"png:3:One"
        assert renderer.starts == 1 and len(browsers) == 1
        assert browsers[0].calls == 2  # the repeat was cached
    finally:
        renderer.close()
    assert browsers[0].closed and not renderer.running


def test_concurrent_sessions_each_get_their_own_figure():
    renderer, _ = fake_renderer(idle_seconds=None)
    results: dict[int, bytes] = {}

    def work(n: int) -> None:
        results[n] = renderer.render(export.RenderJob(titled(f"Figure {n}"), "pdf"))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    renderer.close()
    assert results == {n: f"pdf:1:Figure {n}".encode() for n in range(12)}
    assert renderer.starts == 1


def test_a_crashed_browser_is_started_again_once():
    renderer, browsers = fake_renderer(idle_seconds=None, fail_first=1)
    try:
        assert renderer.render(export.RenderJob(titled("After crash"), "png")) == b"png:3:After crash"
        assert renderer.starts == 2 and browsers[0].closed
    finally:
        renderer.close()


def test_an_idle_browser_is_closed_and_reopened_on_demand():
    renderer, browsers = fake_renderer(idle_seconds=0.05)
    try:
        renderer.render(export.RenderJob(titled("First"), "png"))
        deadline = time.monotonic() + 5
        while renderer.running and time.monotonic() < deadline:
            time.sleep(0.02)
        assert not renderer.running and browsers[0].closed
        renderer.render(export.RenderJob(titled("Second"), "png"))
        assert renderer.starts == 2
    finally:
        renderer.close()


def test_a_hung_browser_is_reported_and_closed():
    async def open_hung(tabs: int, timeout: float):
        class Hung(FakeBrowser):
            async def calc_fig(self, figure, opts):
                await asyncio.sleep(10)

        return Hung()

    renderer = export.FigureRenderer(find=lambda: "/usr/bin/chromium", opener=open_hung, timeout=0.1, idle_seconds=None)
    with pytest.raises(export.ExportFailed, match="took longer than"):
        renderer.render(export.RenderJob(titled("Slow"), "png"))
    assert not renderer.running


def test_render_many_reports_progress_for_each_figure():
    renderer, _ = fake_renderer(idle_seconds=None)
    seen: list[int] = []
    try:
        renderer.render(export.RenderJob(titled("Cached"), "png"))
        jobs = [export.RenderJob(titled(t), "png") for t in ("Cached", "New 1", "New 2")]
        out = renderer.render_many(jobs, progress=seen.append)
    finally:
        renderer.close()
    assert out == [b"png:3:Cached", b"png:3:New 1", b"png:3:New 2"]
    assert seen == [1, 2, 3]


# ------------------------------------------------------------------------------------------------ missing Chromium


def test_without_chromium_the_renderer_says_what_is_missing_and_how_to_fix_it():
    renderer = export.FigureRenderer(find=lambda: None)
    with pytest.raises(export.ChromiumMissing) as raised:
        renderer.render(export.RenderJob(titled("A"), "png"))
    message = str(raised.value)
    assert "Chromium" in message and "apt-get install chromium" in message
    assert "camera icon" in message  # the toolbar's own PNG still works
    assert not renderer.running


@pytest.mark.parametrize(
    ("browser_path", "found"),
    [("/nonexistent/chromium", False), ("/usr/bin/chromium", True)],
)
def test_browser_path_decides_where_chromium_is_looked_for(monkeypatch, tmp_path, browser_path, found):
    if found:
        fake = tmp_path / "chromium"
        fake.write_text("#!/bin/sh\n")
        fake.chmod(0o755)
        browser_path = str(fake)
    monkeypatch.setenv("BROWSER_PATH", browser_path)
    assert (export.find_chromium() == browser_path) is found
    assert (export.chromium_problem() is None) is found


# ------------------------------------------------------------------------------------------------ print tables


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (["Supervision", "Plans"], "Supervision, Plans"),
        (True, "Yes"),
        (float("nan"), ""),
        (pd.NA, ""),
        (None, ""),
        ("bell\x07 and \x1bescape", "bell and escape"),
        ("Café – ok", "Café – ok"),
        (3, "3"),
    ],
)
def test_clean_text_is_safe_for_word_and_pdf(value, expected):
    assert text_safety.clean_text(value) == expected


def test_printable_table_cites_sources_by_number():
    table = pd.DataFrame(
        {"Event": ["A", "B"], "Source": ["https://x.org/1 https://x.org/2", "https://x.org/9"], "n": [1, 2]}
    )
    out = export.printable_table(table, {"https://x.org/1": 1, "https://x.org/2": 2})
    assert list(out["Source"]) == ["[1] [2]", "https://x.org/9"]
    assert list(out["n"]) == ["1", "2"]


@pytest.mark.parametrize(
    ("size_px", "expected_cm"),
    [((2400, 1350), (16.0, 9.0)), ((2400, 6000), (8.2, 20.5))],
)
def test_pictures_fit_the_a4_text_column(size_px, expected_cm):
    width, height = export.picture_size_cm(*size_px)
    assert (round(width, 1), round(height, 1)) == expected_cm


@pytest.mark.parametrize(
    ("columns", "width"),
    [
        ({"Authority": ["Gateshead"], "Judgements": ["Overall effectiveness: good; " * 6]}, 450),
        ({"A": ["x"], "B": ["y"], "C": ["z"]}, 300),
        ({f"Recommendations {n}": ["Extraordinarily"] for n in range(12)}, 450),  # more words than room
    ],
)
def test_table_columns_fill_the_width_and_keep_words_whole_where_they_can(columns, width):
    table = pd.DataFrame(columns)
    widths = export.table_column_widths(table, width)
    assert abs(sum(widths) - width) < 0.01
    least = [max(len(w) for w in [c, *map(str, table[c])] for w in w.split()) * 4.8 + 8 for c in table.columns]
    if sum(least) < width:
        assert all(w >= need - 0.01 for w, need in zip(widths, least, strict=True))


def test_png_size_reads_the_header():
    assert export.png_size(tiny_png(7, 3)) == (7, 3)
    with pytest.raises(ValueError):
        export.png_size(b"GIF89a")


# ------------------------------------------------------------------------------------------------ Word pack


def test_word_pack_has_headings_pictures_with_alt_text_captions_tables_and_sources(small_view):
    pack = small_pack(small_view)
    pngs = {item.key: tiny_png(160, 90) for item in pack.figures}
    document = docx.Document(io.BytesIO(export.docx_pack(pack, pngs)))

    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings == ["Scrutiny pack", *[item.name for item in pack.items], "Sources"]
    assert [p.text for p in document.paragraphs][1:3] == ["First para.", "Second para."]

    shapes = document.inline_shapes
    assert len(shapes) == len(pack.figures) == 6
    alt_texts = [shape._inline.docPr.get("descr") for shape in shapes]
    assert alt_texts == [item.caption.summary for item in pack.figures]
    assert all(alt_texts)

    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    figures = [c for c in captions if c.startswith("Figure ")]
    # the picture carries the title and subtitle, so the caption says in words what it shows, once
    assert figures == [f"Figure {n}: {export.figure_words(i)}" for n, i in enumerate(pack.figures, 1)]
    assert not any(i.caption.title in c for i, c in zip(pack.figures, figures, strict=True))
    assert next(c for c in captions if c.startswith("Table ")) == (
        "Table 1: 2 authorities with their latest grades and open recommendations"
    )
    assert len(document.tables) == len(pack.items)
    assert document.core_properties.title == "Scrutiny pack"

    text = "\n".join(p.text for p in document.paragraphs)
    sources = pack.sources
    assert len(sources) == 5
    for n, url in enumerate(sources["url"], start=1):
        assert f"[{n}] " in text and url in text
    links = [r.target_ref for r in document.part.rels.values() if r.reltype.endswith("/hyperlink")]
    assert sorted(links) == sorted(sources["url"])
    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7


def test_word_pack_tables_cite_the_numbered_sources(small_view):
    pack = small_pack(small_view)
    pngs = {item.key: tiny_png(16, 9) for item in pack.figures}
    document = docx.Document(io.BytesIO(export.docx_pack(pack, pngs)))
    timeline_table = next(
        t
        for t in document.tables
        if t.rows[0].cells[0].text == "Authority" and "Source" in [c.text for c in t.rows[0].cells]
    )
    sources = [row.cells[-1].text for row in timeline_table.rows[1:]]
    assert sources and all(s.startswith("[") for s in sources)


def test_hostile_record_text_stays_text_in_word_and_pdf(small_view):
    pack = small_pack(small_view, tables=False)
    hostile = '<w:p>]]></b> & "quotes" \x0b =cmd|calc'
    first = pack.items[1]
    pack = replace(
        pack,
        heading=hostile,
        introduction=hostile,
        items=(replace(first, name=hostile, caption=replace(first.caption, summary=hostile)),),
    )
    document = docx.Document(io.BytesIO(export.docx_pack(pack, {first.key: tiny_png(16, 9)})))
    assert document.paragraphs[0].text == hostile.replace("\x0b", "")
    pdf = PdfReader(io.BytesIO(export.pdf_pack(pack, {first.key: stand_in_pdf("figure")})))
    assert '<w:p>]]></b> & "quotes"' in pdf.pages[0].extract_text()


# ------------------------------------------------------------------------------------------------ PDF pack


def test_pdf_pack_is_a4_with_each_figure_placed_once_and_sources_last(small_view):
    pack = small_pack(small_view)
    pdfs = {item.key: stand_in_pdf(f"STAND-IN FIGURE {item.key}") for item in pack.figures}
    reader = PdfReader(io.BytesIO(export.pdf_pack(pack, pdfs)))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]

    sizes = {tuple(sorted((round(float(p.mediabox.width)), round(float(p.mediabox.height))))) for p in reader.pages}
    assert sizes <= {(595, 842)}  # A4, portrait or landscape
    assert pages[0].startswith("Scrutiny pack")
    placed = [[n for n, text in enumerate(pages) if f"STAND-IN FIGURE {item.key}" in text] for item in pack.figures]
    assert all(len(found) == 1 for found in placed), placed
    assert [found[0] for found in placed] == sorted(found[0] for found in placed)  # in pack order
    assert "Sources" in pages[-1] and pack.sources["url"].iloc[-1] in pages[-1].replace(" ", "")
    assert all(f"Page {n}" in text for n, text in enumerate(pages, start=1))
    assert reader.metadata.title == "Scrutiny pack"


def test_pdf_pack_links_every_source(small_view):
    pack = small_pack(small_view, tables=False)
    pdfs = {item.key: stand_in_pdf("figure") for item in pack.figures}
    reader = PdfReader(io.BytesIO(export.pdf_pack(pack, pdfs)))
    links = {
        annot.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annot in page.get("/Annots", [])
        if annot.get_object().get("/Subtype") == "/Link"
    }
    assert links == set(pack.sources["url"])


# ------------------------------------------------------------------------------------------------ building a pack


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_build_pack_draws_each_figure_once_and_reports_progress(small_view, fmt):
    pack = small_pack(small_view, tables=False)
    pack = replace(pack, items=pack.items[:3])
    drawn: list[str] = []

    class Recorder:
        def render_many(self, jobs, progress=None):
            out = []
            for n, job in enumerate(jobs, start=1):
                drawn.append(job.fmt)
                out.append(tiny_png(32, 18) if job.fmt == "png" else stand_in_pdf("fig"))
                progress(n)
            return out

    steps: list[tuple[float, str]] = []
    data = export.build_pack(pack, fmt, using=Recorder(), progress=lambda f, m: steps.append((f, m)))
    assert data[:2] == (b"PK" if fmt == "docx" else b"%P")
    assert drawn == [("png" if fmt == "docx" else "pdf")] * len(pack.figures)
    fractions = [f for f, _ in steps]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert any("figure 1 of" in m for _, m in steps)


def test_a_pack_of_tables_needs_no_browser(small_view):
    frames, view, options = small_view
    choices = [(e, False, True) for e in exhibits.exhibits(frames, view, options)]
    pack = exhibits.make_pack(frames, view, options, choices)
    broken = export.FigureRenderer(find=lambda: None)
    document = docx.Document(io.BytesIO(export.build_pack(pack, "docx", using=broken)))
    assert len(document.inline_shapes) == 0 and len(document.tables) == len(choices)
    assert document.paragraphs[0].text == "Ofsted inspections of children's services: Alpha and Beta"


def test_cited_sources_are_those_behind_the_view_with_ofsted_first(small_frames):
    options = options_for(small_frames)
    only_beta = apply_view(
        small_frames, View(("beta",), options.first_year, options.last_year, options.kinds, options.themes)
    )
    assert list(exhibits.cited_sources(only_beta)["url"]) == ["https://example.org/b-2019"]
    everything = exhibits.cited_sources(apply_view(small_frames, View.default(options)))
    assert list(everything["publisher"]) == ["Ofsted"] * 4 + ["Council A"]


def test_print_figures_are_a4_width_and_carry_their_words(small_view):
    frames, view, options = small_view
    for exhibit in exhibits.exhibits(frames, view, options):
        (item,) = exhibit.items(with_chart=True, with_table=False)
        if item.figure is None:
            continue
        assert item.figure.layout.width == print_layout.PRINT_WIDTH
        assert item.figure.layout.title.text.startswith("<b>")
        assert any(
            "Records checked 31 January 2026" in (a.text or "").replace("<br>", " ")
            for a in item.figure.layout.annotations
        )
