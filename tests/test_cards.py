"""The overview's cards say what the authority summary says, with each judgement but the overall one."""

from __future__ import annotations

from dataclasses import replace

from inspections.cards import overview_cards
from inspections.summaries import authority_summary, latest_judgements
from inspections.vocab import OVERALL


def test_one_card_per_authority_in_the_summarys_order_with_its_figures(small_frames):
    cards = overview_cards(small_frames)
    summary = authority_summary(small_frames)
    assert [c.authority for c in cards] == list(summary["authority"])
    for card, row in zip(cards, summary.to_dict("records"), strict=True):
        assert (card.overall_grade, card.events, card.open_recommendations) == (
            row["overall_grade"],
            row["events"],
            row["open_recommendations"],
        )


def test_a_card_lists_the_latest_judgements_but_not_the_overall_grade(small_frames):
    latest = latest_judgements(small_frames)
    for card in overview_cards(small_frames):
        mine = latest[(latest["authority_id"] == card.authority_id) & (latest["area_id"] != OVERALL)]
        assert card.judgements == tuple(zip(mine["area"], mine["grade_label"], strict=True))
        assert all(area != "Overall effectiveness" for area, _ in card.judgements)


def test_an_authority_with_no_graded_inspection_has_a_card_with_no_judgements(small_frames):
    ungraded = replace(small_frames, events=small_frames.events.assign(graded=False))
    cards = overview_cards(ungraded)
    assert cards and all(c.judgements == () and c.latest_graded_event == "" for c in cards)
