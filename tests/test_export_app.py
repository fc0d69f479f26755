"""The export buttons and the committee pack page, run through Streamlit's AppTest on the small fixture."""

from __future__ import annotations

import io

import docx
import pytest
from streamlit.testing.v1 import AppTest

from components import export
from components.print_files import PREPARE_LABEL
from tests.conftest import SHIPPED, SMALL

CHART_PAGES = ["pages/timeline.py", "pages/themes.py", "pages/recommendations.py"]
PRINT_LABELS = {"Download PNG", "Download SVG", "Download PDF"}


@pytest.fixture
def app(app):
    """The conftest starter, with time for the print files to be drawn, and no exception on the page."""

    def start(page: str, *, chromium: bool = True, records=SMALL) -> AppTest:
        at = app(records, page, chromium=chromium, timeout=120)
        assert not at.exception, at.exception
        return at

    return start


def downloads(at: AppTest) -> dict[str, object]:
    return {button.label: button for button in at.get("download_button")}


def chooser(at: AppTest, which: str):
    """The pack page's row of charts ("charts") or of tables ("tables") to choose from."""
    return at.button_group(key=f"pack_{which}")


def named(at: AppTest, which: str, *, chosen: bool = False) -> set[str]:
    """The names offered in a chooser (or only those chosen), as the page shows them."""
    row = chooser(at, which)
    return set(row.formatted_values) if chosen else set(row.options)


def pack_button(at: AppTest):
    return next(b for b in at.button if b.label == "Build the pack")


@pytest.mark.parametrize("page", CHART_PAGES)
def test_every_chart_has_print_and_data_downloads(app, page):
    """Print files are prepared on request (components/print_files.py), then downloaded; tests/test_print_files.py
    follows that through."""
    at = app(page)
    charts_drawn = len(at.get("plotly_chart"))
    labels = [b.label for b in at.get("download_button")]
    for label in ["Download CSV", "Download Excel"]:
        assert labels.count(label) >= charts_drawn, label
    if export.find_chromium():
        prepare = [b for b in at.button if b.label == PREPARE_LABEL]
        assert len(prepare) >= charts_drawn and not any(b.proto.disabled for b in prepare)


@pytest.mark.parametrize("page", CHART_PAGES)
def test_without_chromium_the_print_buttons_say_what_is_missing(app, page):
    at = app(page, chromium=False)
    printing = [b for b in at.get("download_button") if b.label in PRINT_LABELS]
    assert printing and all(b.proto.disabled for b in printing)
    assert all("apt-get install chromium" in b.proto.help for b in printing)
    notes = " ".join(c.value for c in at.caption)
    assert "Print downloads are unavailable" in notes and "camera icon" in notes
    assert at.get("plotly_chart"), "the chart, with its own toolbar download, is still drawn"
    data_buttons = [b for b in at.get("download_button") if b.label in {"Download CSV", "Download Excel"}]
    assert data_buttons and not any(b.proto.disabled for b in data_buttons)


def test_pack_page_offers_every_chart_and_table_with_the_usual_three_chosen(app):
    at = app("pages/pack.py")
    assert at.title[0].value == "Committee pack"
    assert named(at, "charts", chosen=True) == {
        "Judgement timeline",
        "Recurring themes: areas for improvement",
        "Recommendations: latest status",
    }
    assert not named(at, "tables", chosen=True)
    assert {"Every recommendation", "Each authority at a glance"} <= named(at, "tables")
    assert at.text_input(key="pack_heading").placeholder == "Ofsted inspections of children's services: Alpha and Beta"
    assert "Alpha and Beta; 2018 to 2024" in at.info[0].value


@pytest.mark.parametrize("chromium", [True, False], ids=["with-chromium", "without-chromium"])
def test_pack_page_renders_on_the_shipped_records(app, chromium):
    at = app("pages/pack.py", chromium=chromium, records=SHIPPED)
    assert not at.error and at.title[0].value == "Committee pack"
    charts = chooser(at, "charts").options
    assert len(charts) == 6 + 3, "six charts of the chosen view and three of the whole region"
    assert {"The region's latest four judgements", "Map: impact of leaders"} <= set(charts)


def test_a_region_exhibit_in_the_pack_covers_every_authority_and_cites_its_reports(app):
    at = app("pages/pack.py", chromium=False, records=SHIPPED)
    chooser(at, "tables").select("region-grid")
    pack_button(at).click().run()
    assert not at.exception
    document = docx.Document(io.BytesIO(at.session_state["pack_built"]["data"]))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Authority")
    assert len(table.rows) == 1 + 12
    text = "\n".join(p.text for p in document.paragraphs)
    assert "files.ofsted.gov.uk/v1/file/50308109" in text, "Middlesbrough's 2026 report is among the sources"


def test_pack_of_tables_is_built_and_offered_for_download(app):
    at = app("pages/pack.py", chromium=False)
    assert "apt-get install chromium" in at.warning[0].value
    assert chooser(at, "charts").proto.disabled and not named(at, "charts", chosen=True)
    chooser(at, "tables").select("recommendations")
    at.text_area(key="pack_intro").input("For the meeting on 3 March.")
    pack_button(at).click().run()
    assert not at.exception
    assert "Download the committee pack (Word)" in downloads(at)
    assert at.session_state["pack_built"]["name"] == "committee-pack_alpha-beta_2018-2024.docx"
    built = at.session_state["pack_built"]["data"]
    document = docx.Document(io.BytesIO(built))
    assert [p.text for p in document.paragraphs][:2] == [
        "Ofsted inspections of children's services: Alpha and Beta",
        "For the meeting on 3 March.",
    ]
    assert len(document.tables) == 1 and not document.inline_shapes


def test_a_long_pasted_heading_is_cut_with_a_notice_not_dropped(app):
    at = app("pages/pack.py", chromium=False)
    assert not at.text_input(key="pack_heading").max_chars, "a box with a limit drops a longer paste whole"
    chooser(at, "tables").select("recommendations")
    at.text_input(key="pack_heading").input("Scrutiny " + "x" * 245)
    pack_button(at).click().run()
    assert "The heading is 254 characters long; the pack uses its first 200." in [w.value for w in at.warning]
    document = docx.Document(io.BytesIO(at.session_state["pack_built"]["data"]))
    assert document.paragraphs[0].text == ("Scrutiny " + "x" * 245)[:200]


def test_nothing_chosen_asks_for_a_choice(app):
    at = app("pages/pack.py", chromium=False)
    pack_button(at).click().run()
    assert "Choose at least one chart or table." in [w.value for w in at.warning]
    assert "Download the committee pack (Word)" not in downloads(at)


@pytest.mark.browser
@pytest.mark.skipif(export.find_chromium() is None, reason="needs Chromium: sudo apt-get install chromium")
def test_the_usual_word_pack_is_built_from_the_page(app):
    at = app("pages/pack.py")
    pack_button(at).click().run()
    assert not at.exception and not at.error
    assert [s.label for s in at.get("status")] == ["The pack is ready"]
    document = docx.Document(io.BytesIO(at.session_state["pack_built"]["data"]))
    assert len(document.inline_shapes) == 3
    assert all(shape._inline.docPr.get("descr") for shape in document.inline_shapes)
    assert "Download the committee pack (Word)" in downloads(at)


def test_every_exhibit_offers_its_table_and_those_without_a_chart_are_named(app):
    at = app("pages/pack.py", chromium=False)
    charts, tables = named(at, "charts"), named(at, "tables")
    note = next(c.value for c in at.caption if c.value.startswith("A table only, with no chart: "))
    table_only = note.removeprefix("A table only, with no chart: ").removesuffix(".").split("; ")
    assert charts < tables and set(table_only) == tables - charts
