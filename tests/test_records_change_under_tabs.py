"""Records that change while a tab is open: the next run of that tab keeps every remembered choice the new
records still allow, moves the rest into range (the years) or drops them (an authority, kind or theme no longer
recorded, a cell no longer in the matrix), says so until the reader chooses again, and draws the page."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import SMALL

PAGES = ["pages/overview.py", "pages/timeline.py", "pages/themes.py", "pages/recommendations.py", "pages/pack.py"]
FULL = SMALL.read_text(encoding="utf-8")
ALPHA_2024 = FULL[FULL.index("      - id: alpha-2024\n") : FULL.index("  - id: beta\n")]
assert "published: 2024-03-01" in ALPHA_2024
WITHOUT_2024 = FULL.replace(ALPHA_2024, "")  # the records now end in 2021, not 2024
ALPHA = FULL[FULL.index("  - id: alpha\n") : FULL.index("  - id: beta\n")]
EARLY_HELP = "  - {id: early-help, label: Early help, description: Support before statutory social work.}\n"
WITHOUT_ALPHA = FULL.replace(ALPHA, "").replace(EARLY_HELP, "")  # Beta alone: 2019 only, and no early help theme


def notices(at: AppTest) -> str:
    return " ".join(i.value for i in at.info) + " ".join(w.value for w in at.warning)


@pytest.fixture
def tab(app, tmp_path):
    records = tmp_path / "records.yaml"
    records.write_text(FULL, encoding="utf-8")

    def open_tab(page: str) -> tuple[AppTest, object]:
        at = app(records, page, chromium=False)
        assert not at.exception, at.exception
        return at, records

    return open_tab


@pytest.mark.parametrize("page", PAGES)
def test_a_narrower_year_range_moves_the_remembered_years_into_range(tab, page):
    at, records = tab(page)
    assert at.slider(key="f_years").value == (2018, 2024)
    records.write_text(WITHOUT_2024, encoding="utf-8")
    at.run()
    assert not at.exception, at.exception
    assert at.slider(key="f_years").value == (2018, 2021)
    assert "records have changed" in notices(at) and "2018 to 2021" in notices(at)
    at.slider(key="f_years").set_value((2019, 2021)).run()
    assert not at.exception
    assert "records have changed" not in notices(at), "until the reader chooses again, like a link's notices"


def test_a_chosen_range_that_no_longer_exists_falls_back_to_the_records(tab):
    at, records = tab("pages/timeline.py")
    at.slider(key="f_years").set_value((2022, 2024)).run()
    records.write_text(WITHOUT_2024, encoding="utf-8")
    at.run()
    assert not at.exception, at.exception
    assert at.slider(key="f_years").value == (2021, 2021)


def test_an_authority_and_theme_that_are_gone_are_dropped_with_a_notice(tab):
    at, records = tab("pages/themes.py")
    at.multiselect(key="f_authorities").set_value(["alpha"]).run()
    at.multiselect(key="f_themes").set_value(["early-help", "plans"]).run()
    at.selectbox(key="cell_theme").set_value("Plans and planning").run()
    assert at.selectbox(key="cell_authority").value == "Alpha"
    at.switch_page("pages/recommendations.py").run()
    events = at.multiselect(key="rec_event")
    events.set_value(events.options[:1]).run()
    at.switch_page("pages/themes.py").run()
    records.write_text(WITHOUT_ALPHA, encoding="utf-8")
    at.run()
    assert not at.exception, at.exception
    assert at.multiselect(key="f_themes").value == ["plans"]
    assert "records have changed" in notices(at)
    assert at.selectbox(key="cell_authority").value == "Beta"
    for page in PAGES:
        at.switch_page(page).run()
        assert not at.exception, (page, at.exception)
    at.switch_page("pages/recommendations.py").run()
    events = at.multiselect(key="rec_event")
    assert events.options == ["SIF inspection, 1 May 2019"] and set(events.value) <= set(events.options)
