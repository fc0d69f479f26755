"""Frames and analysis on the small fixture, whose answers are known by hand."""

from __future__ import annotations

from dataclasses import replace

import pytest

from inspections import analysis, summaries
from inspections.view import View


def cell(matrix, authority, theme):
    row = matrix[(matrix["authority_id"] == authority) & (matrix["theme_id"] == theme)]
    assert len(row) == 1
    return row.iloc[0]


def test_one_row_per_event_judgement_finding_recommendation_and_update(small_frames):
    f = small_frames
    assert (len(f.events), len(f.judgements), len(f.findings), len(f.recommendations), len(f.updates)) == (
        4,
        15,
        7,
        4,
        3,
    )


def test_partial_dates_are_labelled_honestly(small_frames):
    visit = small_frames.events.set_index("event_id").loc["alpha-2021-fv"]
    assert visit["fieldwork"] == "September 2021 (not confirmed)"
    assert visit["published"] == "Not confirmed"
    assert visit["unconfirmed"] == "fieldwork"
    assert not visit["graded"]


@pytest.mark.parametrize(
    ("authority", "theme", "events", "items", "recurring"),
    [
        ("alpha", "supervision", 3, 4, True),  # 2018 finding + recommendation, 2021 visit, 2024 recommendation
        ("alpha", "plans", 1, 2, False),
        ("alpha", "early-help", 0, 0, False),  # raised only as a strength
        ("beta", "plans", 1, 2, False),
        ("beta", "supervision", 1, 1, False),  # from the recommendation; the finding is a strength
    ],
)
def test_theme_matrix_counts_events_raising_each_theme(small_frames, authority, theme, events, items, recurring):
    row = cell(analysis.theme_matrix(small_frames), authority, theme)
    assert (row["events"], row["items"], row["recurring"]) == (events, items, recurring)


def test_theme_matrix_can_count_strengths(small_frames):
    matrix = analysis.theme_matrix(small_frames, "strength")
    assert cell(matrix, "alpha", "early-help")["events"] == 2
    assert cell(matrix, "beta", "supervision")["events"] == 1
    assert cell(matrix, "alpha", "supervision")["events"] == 0


def test_cell_evidence_lists_what_is_behind_a_cell_oldest_first(small_frames):
    evidence = analysis.cell_evidence(small_frames, "alpha", "supervision")
    assert list(evidence["kind_label"]) == [
        "Area for improvement",
        "Recommendation",
        "Area for improvement",
        "Recommendation",
    ]
    assert evidence["date"].is_monotonic_increasing
    assert all(url.startswith("https://") for url in evidence["source_url"])


@pytest.mark.parametrize("kind", ["improvement", "strength"])
def test_every_cell_lists_as_many_items_as_the_matrix_counts(small_frames, kind):
    matrix = analysis.theme_matrix(small_frames, kind)
    for _, row in matrix.iterrows():
        evidence = analysis.cell_evidence(small_frames, row["authority_id"], row["theme_id"], kind)
        assert len(evidence) == row["items"]
        assert evidence["event_id"].nunique() == row["events"]
        assert set(evidence["theme_id"]) <= {row["theme_id"]}
        assert (kind == "improvement") or "Recommendation" not in set(evidence["kind_label"])


def test_a_theme_left_out_of_the_view_has_no_evidence(small_frames):
    view = View.default(analysis.options_for(small_frames))
    without = analysis.apply_view(small_frames, replace(view, themes=("early-help",)))
    assert analysis.cell_evidence(without, "alpha", "supervision").empty
    assert not analysis.cell_evidence(small_frames, "alpha", "supervision").empty


def test_latest_status_and_no_update_found(small_frames):
    recs = small_frames.recommendations.set_index("rec_id")
    assert recs.loc["alpha-2018-r1", "status"] == "Raised again"
    assert recs.loc["alpha-2018-r1", "evidence"] == "Later Ofsted inspection or visit"
    assert recs.loc["alpha-2018-r2", "status"] == "Improved"
    assert recs.loc["alpha-2024-r1", "status"] == "No update found"
    assert not recs.loc["alpha-2018-r2", "open"]
    assert recs.loc["beta-2019-r1", "open"]


def test_age_of_open_recommendations_is_measured_to_the_records_check(small_frames):
    ages = analysis.open_recommendations(small_frames).set_index("rec_id")["age_days"]
    assert (
        ages["beta-2019-r1"]
        == (small_frames.checked - small_frames.events.set_index("event_id").loc["beta-2019", "date"]).days
    )
    assert list(ages.index) == ["alpha-2018-r1", "beta-2019-r1", "alpha-2024-r1"]


def test_status_counts_include_zeros_and_sum_to_the_recommendations(small_frames):
    counts = analysis.status_counts(small_frames)
    assert counts["recommendations"].sum() == 4
    assert len(counts) == 2 * 6
    alpha = counts[counts["authority_id"] == "alpha"].set_index("status_id")["recommendations"]
    assert (alpha["improved"], alpha["raised-again"], alpha["no-update-found"], alpha["in-progress"]) == (1, 1, 1, 0)


def test_status_history_follows_each_update_in_time(small_frames):
    history = analysis.status_history(small_frames).pivot(index="year", columns="status_id", values="recommendations")
    assert history.loc[2018, "no-update-found"] == 2
    assert history.loc[2022, "in-progress"] == 1
    assert history.loc[2024, "raised-again"] == 1 and history.loc[2024, "improved"] == 1
    assert history.loc[2026].sum() == 4


def test_authority_summary_picks_the_latest_graded_event(small_frames):
    summary = summaries.authority_summary(small_frames).set_index("authority_id")
    assert summary.loc["alpha", "overall_grade"] == "Good"
    assert summary.loc["alpha", "latest_published"] == "1 March 2024"
    assert summary.loc["alpha", "open_recommendations"] == 2
    assert summary.loc["beta", "no_update_found"] == 1


def test_view_filters_authorities_years_kinds_and_themes(small_frames):
    options = analysis.options_for(small_frames)
    assert (options.first_year, options.last_year) == (2018, 2024)
    everything = View.default(options)
    assert len(analysis.apply_view(small_frames, everything).events) == 4

    only_beta = analysis.apply_view(small_frames, replace(everything, authorities=("beta",)))
    assert set(only_beta.events["authority_id"]) == {"beta"}
    assert list(only_beta.authorities["authority_id"]) == ["beta"]

    recent = analysis.apply_view(small_frames, replace(everything, first_year=2020))
    assert list(recent.events["event_id"]) == ["alpha-2021-fv", "alpha-2024"]

    visits = analysis.apply_view(small_frames, replace(everything, kinds=("focused-visit",)))
    assert list(visits.events["event_id"]) == ["alpha-2021-fv"]

    plans = analysis.apply_view(small_frames, replace(everything, themes=("plans",)))
    assert set(plans.recommendations["rec_id"]) == {"alpha-2018-r2", "beta-2019-r1"}
    assert list(plans.themes["theme_id"]) == ["plans"]
    assert set(plans.updates["rec_id"]) == {"alpha-2018-r2"}


def test_regional_summary_says_what_is_open(small_frames):
    lines = summaries.regional_summary(small_frames)
    assert (
        "4 recommendations recorded for 2 authorities; 3 not yet reported done, of which 2 have no update found"
        in lines[1]
    )


def test_the_regional_summary_reads_right_for_one_authority_and_names_every_widest_theme(small_frames):
    options = analysis.options_for(small_frames)
    one = analysis.apply_view(
        small_frames, View(("alpha",), options.first_year, options.last_year, options.kinds, options.themes)
    )
    lines = " ".join(summaries.regional_summary(one))
    assert "for 1 authority;" in lines and "1 authorities" not in lines
    recurring = analysis.recurring_themes(one)
    for theme in recurring["theme"]:
        assert theme.lower() in lines, "no recurring theme is left out without being counted"
