"""The recommendations page's own tables, for the choices above them, computed once per view and choice.

Built on the page they were made afresh on every run, and each fresh frame was converted to Arrow again: a third
of a warm run of that page on the real server. Through components.data.derived they are shared by every session
like the view's frames, so a rerun that changes nothing (a click on a download, a toggle put back) builds none.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from components.exhibits import recommendations_table
from inspections.frames import Frames
from inspections.headings import STATUS_HISTORY, STATUS_UPDATES, headed
from inspections.since import Since, changes_since, marked, marked_updates


def chosen_recommendations(
    frames: Frames,
    since: dt.date | None,
    statuses: tuple[str, ...],
    events: tuple[str, ...],
    open_only: bool,
    changed_only: bool,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(rows, table): the recommendations these choices keep, and the table a reader sees of them (marked, with
    what is new first, when a since date is set)."""
    changes = _changes(frames, since)
    shown = frames.recommendations
    if statuses:
        shown = shown[shown["status"].isin(statuses)]
    if events:
        shown = shown[shown["event_label"].isin(events)]
    if open_only:
        shown = shown[shown["open"]]
    if changed_only and changes is not None:
        shown = shown[shown["rec_id"].isin(set(changes.changed["rec_id"]))]
    table = marked(recommendations_table(shown), shown, changes)
    if changes is not None:  # what is new or changed first, so it is seen without scrolling
        table = table.sort_values(table.columns[0], key=lambda marks: marks.eq(""), kind="stable")
    return shown, table.reset_index(drop=True)


def status_history(frames: Frames, since: dt.date | None, rec_id: str) -> pd.DataFrame:
    """One recommendation's status updates as a reader sees them (empty when none is recorded)."""
    history = frames.updates[frames.updates["rec_id"] == rec_id]
    return marked_updates(headed(history, STATUS_HISTORY), history, _changes(frames, since))


def status_updates(frames: Frames, since: dt.date | None) -> pd.DataFrame:
    """Every status update in the view, as a reader sees them."""
    updates = frames.updates
    return marked_updates(headed(updates, STATUS_UPDATES), updates, _changes(frames, since))


def _changes(frames: Frames, since: dt.date | None) -> Since | None:
    return changes_since(frames, since) if since else None  # kept with the frames (inspections.once)
