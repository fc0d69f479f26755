"""The region's views: the latest four judgements, the next-inspection estimate, England's shares, the groups."""

from __future__ import annotations

import pandas as pd
import pytest

from components import region_charts, region_exhibits
from inspections import england, region
from inspections.analysis import options_for
from inspections.frames import build_frames
from inspections.records import load_records
from inspections.summaries import authority_summary, regional_summary
from inspections.vocab import NO_OVERALL_GRADE_LABEL
from tests.conftest import FIXTURES, SHIPPED, SMALL

REGION = FIXTURES / "region.yaml"


@pytest.fixture(scope="module")
def frames():
    return build_frames(load_records(REGION))


def by_authority(table: pd.DataFrame) -> dict[str, dict]:
    return {row["Authority"]: row for row in table.to_dict("records")}


def test_an_inspection_from_april_2026_shows_its_four_judgements_and_why_there_is_no_overall_grade(frames):
    alpha = by_authority(region.region_table(region.latest_ilacs(frames)))["Alpha"]
    assert alpha["Overall effectiveness"] == NO_OVERALL_GRADE_LABEL
    assert alpha["Impact of leaders"] == "Requires improvement to be good"
    assert alpha["Care leavers"] == "Outstanding"
    assert alpha["Published"] == "28 July 2026 (not confirmed)"


def test_before_2023_children_in_care_and_care_leavers_show_as_one_judgement(frames):
    beta = by_authority(region.region_table(region.latest_ilacs(frames)))["Beta"]
    assert beta["Children in care"] == beta["Care leavers"] == f"Good {region.COMBINED_NOTE}"
    assert beta["Overall effectiveness"] == "Good"


@pytest.mark.parametrize(
    ("sort_by", "first"),
    [("authority", "Alpha"), ("leaders", "Gamma"), ("care-leavers", "Gamma"), ("children-in-care", "Gamma")],
)
def test_sorting_by_a_judgement_puts_the_weakest_first(frames, sort_by, first):
    assert region.region_table(region.latest_ilacs(frames), sort_by)["Authority"].iloc[0] == first


@pytest.mark.parametrize(
    ("authority", "estimate", "opens"),
    [
        ("Alpha", "Before the usual window", "December 2028"),
        ("Beta", "Past the usual window", "December 2023"),
        ("Gamma", "No usual window: after an inadequate judgement Ofsted monitors, then re-inspects", ""),
    ],
)
def test_the_next_inspection_is_an_estimate_from_the_three_year_cycle(frames, authority, estimate, opens):
    windows = region.next_inspection_windows(frames).set_index("authority")
    assert windows.loc[authority, "estimate"] == estimate
    assert windows.loc[authority, "window_opens"] == opens


def test_the_overview_names_an_authority_without_an_overall_grade_instead_of_dropping_it(frames):
    summary = authority_summary(frames).set_index("authority")
    assert summary.loc["Alpha", "overall_note"] == NO_OVERALL_GRADE_LABEL
    lines = " ".join(regional_summary(frames))
    assert "Alpha (impact of leaders: requires improvement to be good" in lines
    assert NO_OVERALL_GRADE_LABEL in lines


def test_grade_counts_keep_every_grade_and_each_judgement_counts_each_authority_once(frames):
    counts = region.grade_counts(region.latest_ilacs(frames))
    assert set(counts["grade_id"]) == {"outstanding", "good", "requires-improvement", "inadequate"}
    assert counts.groupby("area_id")["count"].sum().to_dict() == {
        "leaders": 3,
        "help-and-protection": 3,
        "children-in-care": 3,
        "care-leavers": 3,
    }


def test_englands_shares_add_up_per_judgement_and_the_region_is_picked_by_ons_code():
    table = england.read_england()
    assert len(table) == 153
    shares = england.grade_shares(table, {"E08000037", "E08000021"})
    north_east = shares[shares["where"] == "North East"]
    assert set(north_east[north_east["area_id"] == "leaders"]["of"]) == {2}
    assert set(north_east["of"]) <= {1, 2}  # care leavers: one of the two was inspected before 2023
    for (_, _), group in shares.groupby(["area_id", "where"]):
        assert group["share"].sum() == pytest.approx(100, abs=0.5) or group["of"].iloc[0] == 0


@pytest.mark.parametrize("area", list(region.FOUR))
def test_the_map_labels_every_authority_with_its_grade_in_words(frames, area):
    latest = region.latest_ilacs(frames)
    codes = dict(zip(frames.authorities["authority_id"], frames.authorities["ons_code"], strict=True))
    labels = [a.text for a in region_charts.map_figure(latest, codes, area).layout.annotations]
    assert len(labels) == 3
    for row in latest.to_dict("records"):
        assert any(row["authority"] in label for label in labels)
    assert all(any(word in label for word in ("Outstanding", "Good", "RI", "Inadequate")) for label in labels)


def test_the_region_exhibits_cite_the_reports_behind_them(frames):
    built = {e.key: e for e in region_exhibits.exhibits(frames)}
    assert {"region-grid", "region-map-leaders", "england", "next-inspections"} <= set(built)
    assert "https://example.org/alpha-2026" in built["region-grid"].cites
    assert england.SOURCE_URL in built["england"].cites


def test_a_first_visit_shows_the_three_tyneside_authorities_when_the_records_hold_them():
    options = options_for(build_frames(load_records(SHIPPED)))
    assert options.default_authorities == ("gateshead", "newcastle-upon-tyne", "north-tyneside")
    assert len(options.authorities) == 12


def test_records_without_the_default_group_start_from_every_authority():
    options = options_for(build_frames(load_records(SMALL)))
    assert options.starting_authorities == options.authorities


def test_after_april_2026_an_inadequate_judgement_gets_no_usual_window(write_yaml):
    text = REGION.read_text().replace("leaders: requires-improvement", "leaders: inadequate", 1)
    windows = region.next_inspection_windows(build_frames(load_records(write_yaml(text)))).set_index("authority")
    assert windows.loc["Alpha", "estimate"].startswith("No usual window")


@pytest.mark.parametrize("area", list(region.FOUR))
def test_the_map_says_an_authority_has_no_ilacs_inspection_instead_of_nan(area):
    exhibit = region_exhibits.grade_map(build_frames(load_records(SMALL)), area)  # Beta has no ILACS inspection
    assert "Beta no ILACS inspection recorded" in exhibit.caption.summary
    beta = by_authority(exhibit.table)["Beta"]
    assert beta[region.FOUR[area]] == region.NO_ILACS
    for text in (exhibit.caption.summary, *map(str, beta.values())):
        assert not {"nan", "None", "NaT", "<NA>"} & set(text.replace(".", " ").split()), text


def test_the_grid_says_which_authorities_have_no_ilacs_inspection():
    grid = region_exhibits.grid(build_frames(load_records(SMALL)))
    assert grid.caption.summary.endswith("No ILACS inspection recorded for Beta.")
    assert (
        "No ILACS inspection recorded for"
        not in region_exhibits.grid(build_frames(load_records(REGION))).caption.summary
    )
