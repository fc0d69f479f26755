"""The words a frame's cells carry: dates as the sources give them, "(not confirmed)" where no source confirms a
field, events named as a reader knows them, and short forms of long texts. One home for each, so every screen and
export says the same."""

from __future__ import annotations

import pandas as pd

from inspections.dates import PartialDate
from inspections.vocab import EVENT_KINDS, EVIDENCE, STATUS_LABELS


def short_text(text: str, limit: int = 70) -> str:
    """The start of a text, cut at a word and marked with an ellipsis: how a reader recognises an item in a list."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.")
    return f"{cut}…"


def timestamp(date: PartialDate | None) -> pd.Timestamp:
    return pd.Timestamp(date.midpoint) if date else pd.NaT


def date_label(date: PartialDate | None) -> str:
    return date.label if date else NOT_CONFIRMED_LABEL


NOT_CONFIRMED = "(not confirmed)"
NOT_CONFIRMED_LABEL = "Not confirmed"  # in place of a date no source gives


def flagged(label: str, confirmed: bool) -> str:
    """A label as every screen and export shows it: with "(not confirmed)" where no source confirms it."""
    return label if confirmed or not label else f"{label} {NOT_CONFIRMED}"


def date_bounds(date: PartialDate | None) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The first and last day a partial date could be (NaT where not known): what a since date is compared with."""
    return (pd.Timestamp(date.earliest), pd.Timestamp(date.latest)) if date else (pd.NaT, pd.NaT)


def status_history_text(updates: list) -> str:
    """A recommendation's statuses in date order, each with who said it and when, as one line of text."""
    return "; ".join(f"{u.date.label}: {STATUS_LABELS[u.status].lower()} ({EVIDENCE[u.evidence]})" for u in updates)


def field_flagged(label: str, field: str, event) -> str:
    return flagged(label, field not in event.unconfirmed)


def event_label(event) -> str:
    """'ILACS standard, Jun 2018', flagged where its kind or the date it names is not confirmed."""
    kind = field_flagged(EVENT_KINDS[event.kind].short, "kind", event)
    date_field = "published" if event.published else "fieldwork"
    return f"{kind}, {field_flagged(date_label(event.reference_date), date_field, event)}"
