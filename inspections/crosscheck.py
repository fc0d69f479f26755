"""Compare the records with Ofsted's official statistics: every ILACS inspection's type, dates and grades.

The statistics ("Local authority inspection outcomes as at 31 March ...", an ODS file) are the second source for
what a report does not print (its type and publication date) and a check on what it does. Only the authorities in
the records are compared, by ONS code, so the England-wide file can be used as it is published.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from inspections.schema import Event, Records
from inspections.vocab import EVENT_KINDS, GRADES, JUDGEMENT_AREAS

HISTORY_SHEET = "ILACS_inspection_history"
DEFAULT_STATISTICS = (
    Path(__file__).resolve().parent.parent.parent
    / "shared"
    / "ofsted-reports"
    / "ofsted-la-inspection-outcomes-2025-03-31.ods"
)
_TYPES = {"ILACS Standard Inspection": "ilacs-standard", "ILACS Short Inspection": "ilacs-short"}
_GRADE_IDS = {label.casefold(): grade for grade, label in GRADES.items()}
# The statistics' columns, by the start of their headings, and the judgement areas each can hold. Before 2023 the
# children in care column holds the combined "children in care and care leavers" judgement.
_AREA_COLUMNS = {
    "Overall effectiveness": ("overall-effectiveness",),
    "The impact of leaders": ("leaders",),
    "The experiences and progress of children who need help": ("help-and-protection",),
    "The experiences and progress of children in care": ("children-in-care", "children-in-care-and-care-leavers"),
    "The experiences and progress of care leavers": ("care-leavers",),
}
MATCH_WITHIN_DAYS = 31  # a start date this close is the same inspection, recorded with a different first day


@dataclass(frozen=True)
class Inspection:
    """One row of the statistics' ILACS history."""

    ons_code: str
    authority: str
    start: dt.date
    published: dt.date | None
    kind: str | None
    grades: dict[str, str]


@dataclass(frozen=True)
class Disagreement:
    authority: str
    event: str  # the record's event id, or the statistics' start date where the records lack the inspection
    field: str
    records: str
    statistics: str

    def __str__(self) -> str:
        return f"{self.authority}: {self.event}: {self.field}: records say {self.records}; statistics say {self.statistics}"


class StatisticsUnreadable(Exception):
    """The file is not Ofsted's inspection outcomes statistics (or cannot be read)."""


def read_statistics(path: Path | str) -> list[Inspection]:
    """Every row of the statistics' ILACS inspection history sheet."""
    try:
        raw = pd.read_excel(path, sheet_name=HISTORY_SHEET, header=None, engine="odf", dtype=str)
    except FileNotFoundError:
        raise StatisticsUnreadable(f"{path}: no such file") from None
    except zipfile.BadZipFile:
        raise StatisticsUnreadable(
            f"{path}: not an ODS spreadsheet (Ofsted publishes the statistics as .ods)"
        ) from None
    except (ValueError, KeyError, OSError, ImportError) as exc:
        raise StatisticsUnreadable(f"{path}: cannot read the sheet {HISTORY_SHEET!r}: {exc}") from None
    header_rows = raw.index[raw.apply(lambda row: "Local authority area code" in set(row.dropna()), axis=1)]
    if not len(header_rows):
        raise StatisticsUnreadable(f"{path}: the sheet {HISTORY_SHEET!r} has no 'Local authority area code' column")
    table = raw.iloc[header_rows[0] + 1 :]
    table.columns = [str(c).strip() for c in raw.iloc[header_rows[0]]]
    columns = {prefix: _column(table, prefix) for prefix in _AREA_COLUMNS}
    rows = []
    for record in table.to_dict("records"):
        code, start = str(record.get("Local authority area code") or "").strip(), _date(record.get("Inspection date"))
        if not code or start is None:
            continue
        grades = {}
        for prefix, column in columns.items():
            value = str(record.get(column) or "").strip().casefold() if column else ""
            if value in _GRADE_IDS:
                grades[prefix] = _GRADE_IDS[value]
        rows.append(
            Inspection(
                ons_code=code,
                authority=str(record.get("Local authority name") or code).strip(),
                start=start,
                published=_date(record.get("Publication date")),
                kind=_TYPES.get(str(record.get("Inspection type") or "").strip()),
                grades=grades,
            )
        )
    return rows


def _column(table: pd.DataFrame, prefix: str) -> str | None:
    return next((c for c in table.columns if c.startswith(prefix)), None)


def _date(value: object) -> dt.date | None:
    try:
        stamp = pd.Timestamp(str(value).strip()) if value is not None and str(value).strip() else None
    except ValueError:
        return None
    return None if stamp is None or pd.isna(stamp) else stamp.date()


def crosscheck(records: Records, statistics: list[Inspection]) -> list[Disagreement]:
    """Every disagreement between the records' ILACS inspections and the statistics, for the records' authorities."""
    found: list[Disagreement] = []
    latest_in_statistics = max((row.start for row in statistics), default=dt.date.min)
    for authority in records.authorities:
        rows = [row for row in statistics if row.ons_code == authority.ons_code]
        ilacs = [e for e in authority.events if EVENT_KINDS[e.kind].framework == "ILACS" and EVENT_KINDS[e.kind].graded]
        matched: set[str] = set()
        for row in rows:
            event = _match(row, ilacs)
            if event is None:
                found.append(
                    Disagreement(
                        authority.name, f"inspection from {row.start}", "event", "nothing", "an ILACS inspection"
                    )
                )
                continue
            matched.add(event.id)
            found.extend(_compare(authority.name, event, row))
        for event in ilacs:
            covered = event.fieldwork.start.latest <= latest_in_statistics
            if event.id not in matched and covered:
                found.append(Disagreement(authority.name, event.id, "event", "an ILACS inspection", "nothing"))
    return found


def _match(row: Inspection, events: list[Event]) -> Event | None:
    def distance(event: Event) -> int:
        start = event.fieldwork.start
        if start.earliest <= row.start <= start.latest:
            return 0
        return min(abs((start.earliest - row.start).days), abs((start.latest - row.start).days))

    near = sorted((distance(e), e.id, e) for e in events if distance(e) <= MATCH_WITHIN_DAYS)
    return near[0][2] if near else None


def _compare(authority: str, event: Event, row: Inspection) -> list[Disagreement]:
    out: list[Disagreement] = []

    def differ(field: str, ours: str, theirs: str) -> None:
        out.append(Disagreement(authority, event.id, field, ours, theirs))

    start = event.fieldwork.start
    if start.iso != row.start.isoformat():
        differ("fieldwork start", str(start), row.start.isoformat())
    if row.kind and event.kind != row.kind:
        differ("kind", event.kind, row.kind)
    if row.published:
        if event.published is None:
            differ("published", "not known", row.published.isoformat())
        elif event.published.iso != row.published.isoformat():
            differ("published", str(event.published), row.published.isoformat())
    for prefix, areas in _AREA_COLUMNS.items():
        ours = next((event.judgements[a] for a in areas if a in event.judgements), None)
        theirs = row.grades.get(prefix)
        if ours != theirs:
            area = next((a for a in areas if a in event.judgements), areas[0])
            differ(JUDGEMENT_AREAS[area].lower(), ours or "no grade", theirs or "no grade")
    settled = {
        "kind": bool(row.kind) and event.kind == row.kind,
        "published": bool(row.published) and event.published is not None and event.published.iso == str(row.published),
        "fieldwork": False,  # the statistics give only the first day
        "judgements": not any(d.field in {JUDGEMENT_AREAS[a].lower() for a in JUDGEMENT_AREAS} for d in out),
    }
    for field in event.unconfirmed:
        if settled.get(field):
            differ(
                f"{field} marked not confirmed", "not confirmed", "confirmed: cite ofsted-statistics and drop the mark"
            )
    return out
