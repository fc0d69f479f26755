"""Every page run through Streamlit's AppTest, on fixture data chosen by the environment variable."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from testing.paths import ALL_TWELVE as TWELVE
from tests.conftest import FIXTURES, SHIPPED, SMALL

PAGES = [
    "pages/overview.py",
    "pages/region.py",
    "pages/timeline.py",
    "pages/themes.py",
    "pages/recommendations.py",
    "pages/sources.py",
    "pages/pack.py",
]
REGION = FIXTURES / "region.yaml"  # an inspection from April 2026 (no overall grade), a combined judgement, inadequate
ALL_TWELVE = ",".join(TWELVE)


def texts(at: AppTest) -> str:
    parts = [
        e.value
        for kind in ("title", "subheader", "markdown", "caption", "info", "warning", "error", "success")
        for e in getattr(at, kind)
    ]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize(
    ("data", "params"),
    [(SMALL, {}), (SHIPPED, {}), (SHIPPED, {"la": ALL_TWELVE}), (REGION, {})],
    ids=["fixture", "shipped-default", "shipped-all-twelve", "after-april-2026"],
)
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_without_exception(app, page, data, params):
    at = app(data=data, page=page, params=params)
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert at.title, "every page has a title"
    if params:
        assert len(at.multiselect(key="f_authorities").value) == 12


def test_a_first_visit_to_the_shipped_records_shows_the_three_tyneside_authorities(app):
    at = app(data=SHIPPED, page="pages/overview.py")
    assert at.multiselect(key="f_authorities").value == ["gateshead", "newcastle-upon-tyne", "north-tyneside"]
    assert "la" not in at.query_params


def test_choosing_a_group_selects_its_authorities_and_the_link_keeps_them(app):
    at = app(data=SHIPPED, page="pages/timeline.py")
    at.selectbox(key="f_group").set_value("tees-valley").run()
    chosen = at.multiselect(key="f_authorities").value
    assert chosen == ["darlington", "hartlepool", "middlesbrough", "redcar-and-cleveland", "stockton-on-tees"]
    assert at.query_params["la"] == ",".join(chosen)
    assert at.selectbox(key="f_group").value is None, "the picker returns to its prompt"


def test_the_region_page_shows_every_authority_whatever_the_sidebar_chooses(app):
    at = app(data=SHIPPED, page="pages/region.py", params={"la": "gateshead"})
    table = at.dataframe[0].value
    assert len(table) == 12 and "Middlesbrough" in set(table["Authority"])
    row = table[table["Authority"] == "Middlesbrough"].iloc[0]
    assert row["Overall effectiveness"] == "No overall grade under the framework from April 2026"


def test_after_april_2026_the_overview_says_why_there_is_no_overall_grade(app):
    at = app(data=REGION, page="pages/overview.py")
    shown = texts(at)
    assert "**No overall grade under the framework from April 2026**" in shown
    assert "Overall effectiveness: Requires" not in shown


@pytest.mark.parametrize("page", ["pages/timeline.py", "pages/themes.py", "pages/recommendations.py"])
def test_every_chart_has_a_table_and_downloads(app, page):
    at = app(page=page)
    assert at.get("plotly_chart"), "the page draws a chart"
    assert at.dataframe, "a table sits behind the chart"
    labels = {b.label for b in at.get("download_button")}
    assert {"Download CSV", "Download Excel"} <= labels


def test_choosing_an_authority_changes_chart_and_table(app):
    at = app(page="pages/timeline.py")
    before = at.dataframe[0].value
    assert set(before["Authority"]) == {"Alpha", "Beta"}
    at.multiselect(key="f_authorities").set_value(["beta"]).run()
    after = at.dataframe[0].value
    assert set(after["Authority"]) == {"Beta"}
    assert at.subheader[0].value == "Latest overall grades: Beta good"
    assert at.query_params["la"] == "beta"


def test_choosing_a_theme_changes_the_matrix(app):
    at = app(page="pages/themes.py")
    assert set(at.dataframe[0].value["Theme"]) == {"Supervision", "Plans and planning", "Early help"}
    at.multiselect(key="f_themes").set_value(["plans"]).run()
    assert set(at.dataframe[0].value["Theme"]) == {"Plans and planning"}
    assert at.query_params["theme"] == "plans"


def test_a_link_with_query_parameters_opens_the_same_view(app):
    at = app(page="pages/recommendations.py", params={"la": "alpha", "from": "2019"})
    assert at.multiselect(key="f_authorities").value == ["alpha"]
    assert at.slider(key="f_years").value == (2019, 2024)
    table = at.dataframe[2].value
    assert set(table["Authority"]) == {"Alpha"}
    assert "2018" not in " ".join(table["Made at"])


def test_the_view_survives_a_page_switch(app):
    at = app(params={"la": "beta"})
    at.switch_page("pages/themes.py").run()
    assert at.multiselect(key="f_authorities").value == ["beta"]
    assert at.query_params["la"] == "beta"


def test_a_filter_changed_before_the_browser_has_the_last_address_is_not_taken_for_back(app):
    """Issue 14, point 10: a change made while the last run was still going comes with the address the browser had
    before that run's address reached it. That is the reader's change, not Back: both changes stay."""
    at = app(page="pages/timeline.py")
    at.multiselect(key="f_authorities").set_value(["alpha"]).run()
    assert at.query_params["la"] == "alpha"
    at.query_params.clear()  # the address as it was before la=alpha reached the browser
    at.slider(key="f_years").set_value((2019, 2024)).run()
    assert at.multiselect(key="f_authorities").value == ["alpha"]
    assert at.slider(key="f_years").value == (2019, 2024)
    assert dict(at.query_params) == {"la": "alpha", "from": "2019"}


def test_an_earlier_address_with_no_filter_changed_is_back(app):
    at = app(page="pages/timeline.py")
    at.multiselect(key="f_authorities").set_value(["alpha"]).run()
    at.query_params.clear()  # Back: the address before la=alpha, and no widget touched
    at.run()
    assert at.multiselect(key="f_authorities").value == ["alpha", "beta"]
    assert "la" not in at.query_params


def test_a_strange_link_is_ignored_with_a_notice(app):
    at = app(params={"la": "<b>atlantis</b>", "bogus": "1", "from": "1066"})
    assert not at.exception
    notices = " ".join(i.value for i in at.info)
    assert "Ignored unknown authority" in notices and "bogus" in notices and "1066" in notices
    assert at.multiselect(key="f_authorities").value == ["alpha", "beta"]


def test_choosing_a_cell_lists_its_findings(app):
    at = app(page="pages/themes.py")
    at.selectbox(key="cell_authority").set_value("Alpha").run()
    at.selectbox(key="cell_theme").set_value("Supervision").run()
    findings = at.dataframe[1].value
    assert list(findings["Type"]) == [
        "Area for improvement",
        "Recommendation",
        "Area for improvement",
        "Recommendation",
    ]
    assert "Supervision is irregular." in set(findings["What Ofsted found (our words)"])


def test_strengths_can_be_counted_instead(app):
    at = app(page="pages/themes.py")
    at.radio(key="matrix_kind").set_value("Strengths").run()
    table = at.dataframe[0].value.set_index(["Authority", "Theme"])
    assert table.loc[("Alpha", "Early help"), "Events raising it"] == 2


def test_no_update_found_is_shown_honestly(app):
    at = app(page="pages/recommendations.py")
    table = at.dataframe[2].value
    assert (table["Latest status"] == "No update found").sum() == 2
    assert "with no update found" in at.subheader[0].value


def test_sub_judgements_can_be_shown(app):
    at = app(page="pages/timeline.py")
    charts_before = len(at.get("plotly_chart"))
    at.toggle(key="show_subjudgements").set_value(True).run()
    assert len(at.get("plotly_chart")) == charts_before + 1


def test_filtering_to_nothing_explains_itself(app):
    at = app(page="pages/timeline.py", params={"from": "2021", "to": "2021", "kind": "sif"})
    assert not at.exception
    assert "No inspections or visits match these filters." in texts(at)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("schema_version: 1\nchecked: 2026-01-31\nchecked: 2026-02-01\n", "duplicate key 'checked'"),
        ("themes: [\n", "YAML syntax"),
        (b"name: \xff\n", "not valid UTF-8"),
    ],
    ids=["duplicate-key", "syntax", "bad-bytes"],
)
def test_a_broken_file_shows_the_error_panel_not_a_traceback(app, write_yaml, content, expected):
    at = app(data=write_yaml(content))
    assert not at.exception
    assert at.title[0].value == "The records need attention"
    problems = at.dataframe[0].value
    assert expected in " ".join(problems["Problem"])
    assert not at.get("plotly_chart")


def test_a_missing_file_shows_the_error_panel(app, tmp_path):
    at = app(data=tmp_path / "missing.yaml")
    assert not at.exception
    assert "cannot read the records file" in " ".join(at.dataframe[0].value["Problem"])


def test_an_unconfirmed_grade_says_so_beside_it(app, write_yaml):
    text = SMALL.read_text(encoding="utf-8")
    needle = "        published: 2024-03-01\n        sources: [src-a-2024]\n        judgements:"
    assert needle in text
    doubtful = text.replace(
        needle,
        "        published: 2024-03-01\n        unconfirmed: [judgements]\n        note: Grades from a summary table.\n"
        "        sources: [src-a-2024]\n        judgements:",
    )
    at = app(data=write_yaml(doubtful))
    assert not at.exception
    shown = texts(at)
    assert "**Overall effectiveness: Good (not confirmed)**" in shown
    assert "Grades not confirmed against Ofsted's report" in shown
    assert "Alpha: good (grade not confirmed), published" in shown
    assert "**Overall effectiveness: Good**\n" in shown + "\n"  # Beta's confirmed grade carries no flag


def test_the_recommendations_table_leads_with_what_was_asked_its_status_and_what_was_said(app):
    at = app(page="pages/recommendations.py")
    table = next(frame.value for frame in at.dataframe if "Latest status" in frame.value.columns)
    assert list(table.columns[:4]) == ["Authority", "Recommendation (our words)", "Latest status", "What was reported"]
