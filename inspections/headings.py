"""Column headings: what every table a reader sees (on screen, downloaded, in a pack) calls each frame column.

One home, so a page and the pack built from it say the same. HEADINGS is each column's heading wherever it is
shown; a table that words a column its own way says so where the table is defined below, so a difference is a
choice made in one place rather than two copies that drifted. Plain Python.
"""

from __future__ import annotations

import pandas as pd

HEADINGS = {
    "age_days": "Days open at records check",
    "area": "Judgement area",
    "authorities": "Authorities",
    "authority": "Authority",
    "commit": "Commit",
    "date_label": "Date",
    "event_label": "Event",
    "estimate": "At the records check",
    "events": "Inspections and visits",
    "evidence": "Who says so",
    "fieldwork": "Fieldwork",
    "fieldwork_started": "Its fieldwork began",
    "grade": "Grade",
    "grade_label": "Grade",
    "grades": "Grades",
    "history": "Status history (oldest first)",
    "items": "Findings and recommendations",
    "judgements": "Its judgements",
    "kind_label": "Kind of event",
    "last_inspection": "Last ILACS inspection",
    "latest_graded_event": "Latest graded inspection",
    "months_since": "Months since, at records check",
    "most_recent_event": "Most recent event",
    "national_framework": "National Framework (Ofsted's tag)",
    "no_update_found": "No update found",
    "note": "Note",
    "of": "Of",
    "open_recommendations": "Not reported done",
    "overall": "Overall effectiveness",
    "overall_label": "Overall effectiveness",
    "paragraphs": "Where in the source",
    "published": "Published",
    "publisher": "Published by",
    "recommendation": "Recommendation (our words, short)",
    "recommendations": "Recommendations",
    "record_ids": "Record ids",
    "records": "Records",
    "recurring": "Recurring",
    "share": "Share (%)",
    "source_url": "Source",
    "status": "Status",
    "status_date": "Status date",
    "status_note": "What was reported",
    "status_publisher": "Published by",
    "status_source_url": "Source of the latest status",
    "text": "Recommendation (our words)",
    "theme": "Theme",
    "theme_labels": "Themes (ours)",
    "unconfirmed": "Not confirmed",
    "what": "What changed",
    "where": "Where and when",
    "why": "Why",
    "window_closes": "Usual window closes (estimate)",
    "window_opens": "Usual window opens (estimate)",
    "year": "Year",
}


def headings(*columns: str, **worded: str) -> dict[str, str]:
    """A table's headings: these frame columns in this order, each under its usual heading or the one given here."""
    unknown = set(worded) - set(columns)
    if unknown:
        raise ValueError(f"headings given for columns the table does not show: {sorted(unknown)}")
    return {column: worded[column] if column in worded else HEADINGS[column] for column in columns}


def headed(frame: pd.DataFrame, table: dict[str, str], columns: tuple[str, ...] | None = None) -> pd.DataFrame:
    """frame as a reader sees it: the table's columns (or only `columns` of them, in that order) under its headings."""
    return frame[list(table if columns is None else columns)].rename(columns=table)


# Events on the timeline page and in a pack.
EVENTS = headings("authority", "kind_label", "fieldwork", "published", "grades", "unconfirmed", "note", "source_url")
JUDGEMENTS = headings("authority", "event_label", "area", "grade_label", "source_url")
THEME_MATRIX = headings("authority", "theme", "events", "items", "recurring", events="Events raising it")
# The findings behind one cell of the theme matrix (the themes page).
CELL_EVIDENCE = headings(
    "event_label",
    "kind_label",
    "text",
    "paragraphs",
    "source_url",
    kind_label="Type",
    text="What Ofsted found (our words)",
)
SUMMARY = headings(
    "authority",
    "overall_label",
    "latest_graded_event",
    "judgements",
    "events",
    "most_recent_event",
    "recommendations",
    "open_recommendations",
    "no_update_found",
)
# Where a recommendation came from and who said its latest status are two documents, so two columns (issue 14).
RECOMMENDATIONS = headings(  # what a reader looks for first on the left: what was asked, its status, what was said
    "authority",
    "text",
    "status",
    "status_note",
    "evidence",
    "status_date",
    "event_label",
    "theme_labels",
    "national_framework",
    "source_url",
    "status_publisher",
    "status_source_url",
    "history",
    "age_days",
    status="Latest status",
    event_label="Made at",
    source_url="Source of the recommendation",
)
# One recommendation's statuses (the recommendations page), and every status update.
STATUS_HISTORY = headings(
    "date_label", "status", "evidence", "publisher", "note", "source_url", note="What was reported"
)
STATUS_UPDATES = headings(
    "authority",
    "event_label",
    "recommendation",
    "date_label",
    "status",
    "evidence",
    "note",
    "source_url",
    event_label="Made at",
    note="What was reported",
)
CHANGE_LOG = headings("date_label", "what", "records", "why", "source_url", "commit", "record_ids")

# The region page. Its grade columns are the four judgement areas, headed by their names (inspections.region.FOUR).
LATEST_ILACS = "Latest ILACS inspection"  # the region page's event column: the inspection its grades come from


def region_headings(areas: dict[str, str]) -> dict[str, str]:
    """The twelve side by side: each authority, its grade in each of these areas (id: name), and where they are from."""
    return headings(
        "authority",
        *areas,
        "overall",
        "event_label",
        "fieldwork",
        "published",
        event_label=LATEST_ILACS,
        **areas,
    )


def map_headings(area: str, label: str) -> dict[str, str]:
    """The table beside the region map of one judgement area."""
    return headings("authority", area, "event_label", "published", event_label=LATEST_ILACS, **{area: label})


ENGLAND = headings("area", "where", "grade", "authorities", "of", "share", area="Judgement")
NEXT_INSPECTIONS = headings(
    "authority", "last_inspection", "fieldwork_started", "months_since", "window_opens", "window_closes", "estimate"
)
