"""The columns of every frame, in order, and how rows become a frame whose text is plain Python strings."""

from __future__ import annotations

import pandas as pd

BASE = ["authority_id", "authority", "event_id", "event_kind", "event_label"]
COLUMNS = {
    "authorities": ["authority_id", "authority", "ons_code", "ofsted_urn", "checked"],
    "events": [
        *BASE,
        "kind_label",
        "framework",
        "graded",
        "start",
        "end",
        "date",
        "date_from",
        "date_to",
        "fieldwork",
        "published",
        "overall_grade_id",
        "overall_grade",
        "overall_note",
        "grades",
        "unconfirmed",
        "note",
        "findings",
        "recommendations",
        "source_url",
        "publisher",
    ],
    "judgements": [
        *BASE,
        "date",
        "area_id",
        "area",
        "grade_id",
        "grade",
        "grade_label",
        "grade_rank",
        "unconfirmed",
        "source_url",
    ],
    "findings": [
        *BASE,
        "date",
        "date_label",
        "finding_id",
        "kind",
        "kind_label",
        "is_recommendation",
        "text",
        "themes",
        "theme_labels",
        "paragraphs",
        "source_url",
        "publisher",
    ],
    "recommendations": [
        *BASE,
        "date",
        "date_label",
        "rec_id",
        "text",
        "short_text",
        "themes",
        "theme_labels",
        "national_framework",
        "paragraphs",
        "status_id",
        "status",
        "evidence",
        "status_date",
        "status_note",
        "status_publisher",
        "status_source_url",
        "history",
        "updates",
        "open",
        "age_days",
        "source_url",
    ],
    "updates": [
        "authority_id",
        "authority",
        "event_id",
        "rec_id",
        "recommendation",
        "event_label",
        "date",
        "date_from",
        "date_to",
        "date_label",
        "status_id",
        "status",
        "evidence_id",
        "evidence",
        "note",
        "paragraphs",
        "source_url",
        "publisher",
    ],
    "sources": ["source_id", "title", "publisher", "kind", "url", "published"],
    "themes": ["theme_id", "theme", "description"],
    "changes": ["date", "date_label", "what", "records", "record_ids", "why", "source_url", "publisher", "commit"],
}


def frame_of(rows: list[dict], name: str) -> pd.DataFrame:
    """A table of rows with its text columns held as plain Python strings.

    pandas 3 holds text in Arrow-backed columns by default, which pay a fixed cost on every filter, take and
    comparison; on tables of a few hundred rows, filtered afresh for every view, that cost was most of the work
    (a view derived three to four times faster with plain strings, measured in bench/bench_pages.py).
    """
    frame = pd.DataFrame(rows, columns=COLUMNS[name])
    text = [c for c in frame.columns if pd.api.types.is_string_dtype(frame[c].dtype) and frame[c].dtype != object]
    # A deep copy holds the columns of each dtype together, as one array: pandas filters and takes array by array,
    # so a view's filter of the events then handles 4 arrays rather than 25 (half the cost of apply_view).
    return (frame.astype(dict.fromkeys(text, object)) if text else frame).copy()
