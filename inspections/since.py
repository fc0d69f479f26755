"""What is new or changed since a date (the reader's last meeting), and the words and table that say so.

New means dated after the since date, never on it: a committee meeting on 1 October has seen what was published that
day. A date known only to the month or year counts as after only if all of it is after ("December 2026" is after
30 November 2026, but not after 1 December 2026, where it could fall either side); such an item is counted apart as
dated too roughly to tell, never as new. An event with no publication date is judged by the end of its fieldwork, the
date the timeline places it at.

Plain Python: pages, the overview summary and the committee pack's "Changes since" section all use these.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from inspections.frames import Frames
from inspections.once import once_per_object
from inspections.vocab import EVENT_KINDS

NEW, CHANGED, UNSURE = "New", "Status changed", "Cannot tell: dated only to the month or year"
ROUGH_DATES_RULE = (
    "An item counts as new only if it is dated after the since date; one dated only to a month or year counts only "
    "if the whole month or year is after it. An inspection or visit is dated by its publication, or by the end of "
    "its fieldwork where that is not known."
)

# How each status reads after a count of recommendations: "3 recommendations reported improved, 1 raised again".
_STATUS_WORDS = {
    "improved": "reported improved",
    "partly-improved": "partly improved",
    "raised-again": "raised again",
    "reported-complete": "reported complete",
    "in-progress": "reported in progress",
}


def date_label(date: dt.date) -> str:
    return f"{date.day} {date.strftime('%B %Y')}"


def after(date_from: pd.Series, date_to: pd.Series, since: dt.date) -> pd.Series:
    """For each item, True if all its possible dates are after since, False if none is, and None if it cannot tell
    (a partial date spanning the since date, or no latest date known)."""
    cut = pd.Timestamp(since)
    out = pd.Series([None] * len(date_from), index=date_from.index, dtype=object)
    out[date_to.notna() & (date_to <= cut)] = False
    out[date_from.notna() & (date_from > cut)] = True
    return out


@dataclass(frozen=True)
class Since:
    """What the frames of one view hold that is new or changed after one date."""

    since: dt.date
    events: pd.DataFrame  # events published after the date
    findings: pd.DataFrame  # findings of those events
    recommendations: pd.DataFrame  # recommendations made at those events
    changed: pd.DataFrame  # one row per recommendation whose status was reported after the date: its latest such update
    unsure_events: frozenset[str]  # ids of events dated too roughly to tell
    unsure_updates: int  # status updates dated too roughly to tell
    unsure_recs: frozenset[str]  # ids of the recommendations those updates are about
    log: pd.DataFrame  # entries of the records' change log dated after the date

    @property
    def label(self) -> str:
        return date_label(self.since)


@once_per_object  # asked by the since box and again by each table it marks
def changes_since(frames: Frames, since: dt.date) -> Since:
    events, updates = frames.events, frames.updates
    new_event = after(events["date_from"], events["date_to"], since)
    new_ids = set(events.loc[new_event.eq(True), "event_id"])
    dated = after(updates["date_from"], updates["date_to"], since)
    recent = updates[dated.eq(True)].sort_values("date_from", kind="stable")
    changed = recent.groupby("rec_id", sort=False).tail(1).sort_values(["authority", "date_from"], kind="stable")
    log = frames.changes[frames.changes["date"] > pd.Timestamp(since)]
    return Since(
        since=since,
        events=events[events["event_id"].isin(new_ids)].reset_index(drop=True),
        findings=frames.findings[frames.findings["event_id"].isin(new_ids)].reset_index(drop=True),
        recommendations=frames.recommendations[frames.recommendations["event_id"].isin(new_ids)].reset_index(drop=True),
        changed=changed.reset_index(drop=True),
        unsure_events=frozenset(events.loc[new_event.isna(), "event_id"]),
        unsure_updates=int(dated.isna().sum()),
        unsure_recs=frozenset(updates.loc[dated.isna(), "rec_id"]),
        log=log.reset_index(drop=True),
    )


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _noun(kind: str) -> str:
    return "visit" if "visit" in kind else "inspection"


def summary_parts(found: Since) -> list[str]:
    """The counts of what changed, each a phrase: '1 new inspection', '3 recommendations reported improved'."""
    parts: list[str] = []
    nouns = [_noun(k) for k in found.events["event_kind"]]
    for noun in ("inspection", "visit"):
        if (n := nouns.count(noun)) > 0:
            parts.append(_count(n, f"new {noun}"))
    if len(found.recommendations):
        parts.append(_count(len(found.recommendations), "new recommendation"))
    by_status = found.changed["status_id"].value_counts()
    first = True
    for status, words in _STATUS_WORDS.items():
        n = int(by_status.get(status, 0))
        if n:
            parts.append(f"{_count(n, 'recommendation')} {words}" if first else f"{n} {words}")
            first = False
    return parts


def summary(found: Since) -> str:
    """One complete sentence, for the overview and the pack: what changed since the date, in this selection."""
    parts = summary_parts(found)
    if parts:
        text = f"Since {found.label}: " + _join(parts) + "."
    else:
        text = (
            f"Nothing new since {found.label} in this selection: no inspection or visit published and no status "
            "reported after that date."
        )
    rough = []
    if found.unsure_events:
        rough.append(_count(len(found.unsure_events), "inspection or visit", "inspections or visits"))
    if found.unsure_updates:
        rough.append(_count(found.unsure_updates, "status update"))
    if rough:
        one = sum(map(_leading, rough)) == 1
        text += f" {_join(rough)} {'is' if one else 'are'} dated too roughly to tell whether "
        text += f"{'it' if one else 'they'} came after that date, so {'it is' if one else 'they are'} not counted."
    if len(found.log):
        text += f" The records' change log has {_count(len(found.log), 'entry', 'entries')} after that date."
    return text


def _leading(phrase: str) -> int:
    return int(phrase.split()[0])


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def changes_table(found: Since) -> pd.DataFrame:
    """One row per new event and per recommendation whose status changed, oldest first within each authority."""
    rows = [
        {
            "Date": row.published,
            "Authority": row.authority,
            "What changed": f"New {_noun(row.event_kind)}: {row.kind_label}",
            "Detail": _event_detail(row),
            "Who says so": row.publisher,
            "Source": row.source_url,
            "_order": row.date_from,
        }
        for row in found.events.itertuples()
    ]
    rows += [
        {
            "Date": row.date_label,
            "Authority": row.authority,
            "What changed": f"Recommendation {_STATUS_WORDS.get(row.status_id, row.status.lower())}",
            "Detail": f"“{row.recommendation}” ({row.event_label}): {row.note}",
            "Who says so": f"{row.evidence} ({row.publisher})",
            "Source": row.source_url,
            "_order": row.date_from,
        }
        for row in found.changed.itertuples()
    ]
    columns = ["Date", "Authority", "What changed", "Detail", "Who says so", "Source"]
    if not rows:
        return pd.DataFrame(columns=columns)
    table = pd.DataFrame(rows).sort_values(["Authority", "_order"], kind="stable")
    return table[columns].reset_index(drop=True)


def _event_detail(row) -> str:
    grades = f"Grades: {row.grades}." if row.grades else f"{EVENT_KINDS[row.event_kind].label}, not graded."
    return f"{grades} {_count(row.findings, 'finding')} and {_count(row.recommendations, 'recommendation')} recorded."


def marks(frame: pd.DataFrame, found: Since) -> pd.Series:
    """For rows of events, findings or recommendations: New (their event is new), Status changed (a recommendation
    whose status was reported after the date), both, the rough-date caveat, or empty."""
    new_events = set(found.events["event_id"])
    changed = set(found.changed["rec_id"])
    recs = frame["rec_id"] if "rec_id" in frame.columns else pd.Series([None] * len(frame), index=frame.index)
    out = []
    for event, rec in zip(frame["event_id"], recs, strict=True):
        said = []
        if event in new_events:
            said.append(NEW)
        if rec in changed:
            said.append(CHANGED.lower() if said else CHANGED)
        if not said and (event in found.unsure_events or rec in found.unsure_recs):
            said.append(UNSURE)
        out.append("; ".join(said))
    return pd.Series(out, index=frame.index, dtype=object)


def column_name(found: Since) -> str:
    return f"Since {found.label}"


def marked(table: pd.DataFrame, rows: pd.DataFrame, found: Since | None) -> pd.DataFrame:
    """table (drawn from rows, in the same order) with the since mark as its first column; as it is without a date."""
    if found is None:
        return table
    name = column_name(found)
    return table.assign(**{name: marks(rows, found).to_numpy()})[[name, *table.columns]]


def marked_for(table: pd.DataFrame, rows: pd.DataFrame, frames: Frames, since: dt.date | None) -> pd.DataFrame:
    """marked(), working out what changed since the date first (for exhibits, which have the view, not a Since)."""
    return marked(table, rows, changes_since(frames, since) if since else None)


def marked_updates(table: pd.DataFrame, updates: pd.DataFrame, found: Since | None) -> pd.DataFrame:
    """A table of status updates with a first column saying which were reported after the date (or cannot tell)."""
    if found is None:
        return table
    dated = after(updates["date_from"], updates["date_to"], found.since)
    words = dated.map({True: "Reported after this date", False: ""}).where(dated.notna(), UNSURE)
    name = column_name(found)
    return table.assign(**{name: words.to_numpy()})[[name, *table.columns]]
