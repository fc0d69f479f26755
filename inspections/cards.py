"""The overview's cards: one per authority, as plain values, worked out once per view.

Drawn from the authority summary and the latest judgements, which are frames; walking those frames on every page
run (a namedtuple class made per `itertuples` call, for each of two frames) was a twentieth of the server's time
under bench/load_test.py, since most visitors arrive on the overview. Plain Python, like the analysis it reads.
"""

from __future__ import annotations

from dataclasses import dataclass

from inspections.analysis import authority_summary, latest_judgements
from inspections.frames import Frames
from inspections.vocab import OVERALL


@dataclass(frozen=True)
class Card:
    authority_id: str
    authority: str
    overall_grade: str
    overall_label: str
    overall_note: str
    latest_graded_event: str
    latest_kind: str
    latest_fieldwork: str
    latest_published: str
    grades_confirmed: bool
    latest_note: str
    judgements: tuple[tuple[str, str], ...]  # (area, grade) for each judgement but the overall one
    events: int
    recommendations: int
    open_recommendations: int
    no_update_found: int
    most_recent_event: str


_FROM_SUMMARY = tuple(name for name in Card.__dataclass_fields__ if name != "judgements")  # the summary's columns


def overview_cards(frames: Frames) -> tuple[Card, ...]:
    """Each chosen authority's card, in the summary's order."""
    judgements: dict[str, list[tuple[str, str]]] = {}
    latest = latest_judgements(frames)
    for aid, area_id, area, grade in zip(
        latest["authority_id"], latest["area_id"], latest["area"], latest["grade_label"], strict=True
    ):
        if area_id != OVERALL:
            judgements.setdefault(aid, []).append((area, grade))
    return tuple(
        Card(
            **{field: row[field] for field in _FROM_SUMMARY},
            judgements=tuple(judgements.get(row["authority_id"], ())),
        )
        for row in authority_summary(frames).to_dict("records")
    )
