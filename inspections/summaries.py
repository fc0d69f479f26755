"""Each chosen authority at a glance, and the region in a few sentences: the overview's cards, its table and its
summary. Plain Python over the view's rows.

Most visitors arrive on the overview, and most filter changes make a view no one has asked for yet, so these run
for every new view. They work on the frames' columns as Python lists: pandas' per-row access (`to_dict`,
`itertuples`, a group-by) over a few dozen rows cost more than the work itself.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd

from inspections.analysis import recurring_theme_rows
from inspections.frames import Frames
from inspections.once import once_per_object
from inspections.vocab import CLOSED_STATUSES, NO_UPDATE, OVERALL

_LATEST_EVENT_COLUMNS = ("kind_label", "fieldwork", "published", "note", "overall_note")


def _columns(frame: pd.DataFrame, names) -> list[list]:
    return [frame[name].tolist() for name in names]


def _latest_by_authority(event_ids: list, authorities: list, dates: list) -> dict[str, str]:
    """Each authority's latest event by date (the later row of two on one day)."""
    latest: dict[str, tuple[pd.Timestamp, str]] = {}
    for event, authority, date in zip(event_ids, authorities, dates, strict=True):
        if authority not in latest or date >= latest[authority][0]:
            latest[authority] = (date, event)
    return {authority: event for authority, (_, event) in latest.items()}


@once_per_object
def latest_judgement_rows(frames: Frames) -> tuple[dict, ...]:
    """Each authority's most recent graded event, one dict per judgement area: the judgement's columns and the
    event's kind, dates and notes, in the judgements' order."""
    events = frames.events
    ids, authorities, dates, graded = _columns(events, ("event_id", "authority_id", "date", "graded"))
    keep = [n for n, is_graded in enumerate(graded) if is_graded]
    latest = set(_latest_by_authority(*([column[n] for n in keep] for column in (ids, authorities, dates))).values())
    about = {
        event: dict(zip(_LATEST_EVENT_COLUMNS, row, strict=True))
        for event, *row in zip(ids, *_columns(events, _LATEST_EVENT_COLUMNS), strict=True)
        if event in latest
    }
    names = list(frames.judgements.columns)
    event = names.index("event_id")
    return tuple(
        {**dict(zip(names, values, strict=True)), **about[values[event]]}
        for values in zip(*_columns(frames.judgements, names), strict=True)
        if values[event] in latest
    )


def latest_judgements(frames: Frames) -> pd.DataFrame:
    """Each authority's most recent graded event: one row per judgement area."""
    rows = latest_judgement_rows(frames)
    judgements = frames.judgements
    picked = judgements[judgements["event_id"].isin({row["event_id"] for row in rows})].reset_index(drop=True)
    return picked.assign(**{c: np.array([row[c] for row in rows], dtype=object) for c in _LATEST_EVENT_COLUMNS})


@once_per_object
def authority_summary_rows(frames: Frames) -> tuple[dict, ...]:
    """One dict per chosen authority, in the authorities' order: its latest graded event and judgements, its most
    recent event, and its counts of events and recommendations."""
    latest: dict[str, list[dict]] = {}
    for row in latest_judgement_rows(frames):
        latest.setdefault(row["authority_id"], []).append(row)
    events = frames.events
    ids, authorities, dates, labels = _columns(events, ("event_id", "authority_id", "date", "event_label"))
    label_of = dict(zip(ids, labels, strict=True))
    last_event = {a: label_of[e] for a, e in _latest_by_authority(ids, authorities, dates).items()}
    event_counts = Counter(authorities)
    totals, open_counts, none_counts = Counter(), Counter(), Counter()
    for authority, status in zip(*_columns(frames.recommendations, ("authority_id", "status_id")), strict=True):
        totals[authority] += 1
        open_counts[authority] += status not in CLOSED_STATUSES
        none_counts[authority] += status == NO_UPDATE
    rows = []
    for aid, name in zip(*_columns(frames.authorities, ("authority_id", "authority")), strict=True):
        mine = latest.get(aid, [])
        first = mine[0] if mine else {}
        overall = next((r for r in mine if r["area_id"] == OVERALL), {})
        rows.append(
            {
                "authority_id": aid,
                "authority": name,
                "latest_graded_event": first.get("event_label", ""),
                "latest_kind": first.get("kind_label", ""),
                "latest_published": first.get("published", ""),
                "latest_fieldwork": first.get("fieldwork", ""),
                "overall_grade": overall.get("grade", ""),
                "overall_label": overall.get("grade_label", ""),
                "overall_note": first.get("overall_note", ""),
                "judgements": "; ".join(f"{r['area']}: {r['grade_label']}" for r in mine),
                "grades_confirmed": not any(r["unconfirmed"] for r in mine),
                "latest_note": first.get("note", ""),
                "most_recent_event": last_event.get(aid, ""),
                "events": int(event_counts.get(aid, 0)),
                "recommendations": int(totals.get(aid, 0)),
                "open_recommendations": int(open_counts.get(aid, 0)),
                "no_update_found": int(none_counts.get(aid, 0)),
            }
        )
    return tuple(rows)


@once_per_object
def authority_summary(frames: Frames) -> pd.DataFrame:
    """One row per authority for the overview cards."""
    return pd.DataFrame(list(authority_summary_rows(frames)))


def regional_summary(frames: Frames) -> list[str]:
    """A few plain sentences about the chosen authorities, for the overview page."""
    summary = authority_summary_rows(frames)
    if not summary:
        return ["No authorities are chosen."]
    lines = []
    graded = [r for r in summary if r["overall_grade"] != ""]
    if graded:
        parts = [
            f"{r['authority']}: {r['overall_grade'].lower()}{'' if r['grades_confirmed'] else ' (grade not confirmed)'}, "
            f"published {r['latest_published']}"
            for r in graded
        ]
        lines.append("Latest overall effectiveness grades: " + "; ".join(parts) + ".")
    by_note: dict[str, list[dict]] = {}  # in order of first appearance
    for r in summary:
        if r["overall_grade"] == "" and r["overall_note"] != "":
            by_note.setdefault(r["overall_note"], []).append(r)
    for note, group in by_note.items():
        parts = [f"{r['authority']} ({r['judgements'].lower()}, published {r['latest_published']})" for r in group]
        lines.append(f"{note}, so the latest four judgements instead: " + "; ".join(parts) + ".")
    total = sum(r["recommendations"] for r in summary)
    open_ = sum(r["open_recommendations"] for r in summary)
    none = sum(r["no_update_found"] for r in summary)
    where = "1 authority" if len(summary) == 1 else f"{len(summary)} authorities"
    lines.append(
        f"{total} recommendations recorded for {where}; {open_} not yet reported done, "
        f"of which {none} have no update found in any source."
    )
    recurring = recurring_theme_rows(frames)
    if recurring:
        # Every theme that recurs as widely as the most widespread is named; the rest are counted, never dropped.
        widest = max(authorities for _, _, authorities, _ in recurring)
        named = [theme for _, theme, authorities, _ in recurring if authorities == widest]
        rest = len(recurring) - len(named)
        places = "the one authority" if len(summary) == 1 else f"{widest} of {len(summary)} authorities"
        lines.append(
            f"Themes raised at two or more inspections or visits in {places}: "
            + ", ".join(theme.lower() for theme in named)
            + (f"; {rest} other theme{'s' if rest != 1 else ''} recur in fewer." if rest else ".")
        )
    return lines
