"""The overview's cards: one per authority, as plain values, worked out once per view.

Drawn from the rows of the authority summary and the latest judgements (inspections.summaries), not their frames:
walking frames on every page run (a namedtuple class made per `itertuples` call) was a twentieth of the server's
time under bench/load_test.py, since most visitors arrive on the overview. Plain Python, like the analysis it reads.
"""

from __future__ import annotations

from dataclasses import dataclass

from inspections.frames import Frames
from inspections.summaries import authority_summary_rows, latest_judgement_rows
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
    for row in latest_judgement_rows(frames):
        if row["area_id"] != OVERALL:
            judgements.setdefault(row["authority_id"], []).append((row["area"], row["grade_label"]))
    return tuple(
        Card(
            **{field: row[field] for field in _FROM_SUMMARY},
            judgements=tuple(judgements.get(row["authority_id"], ())),
        )
        for row in authority_summary_rows(frames)
    )
