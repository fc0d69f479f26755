"""The region side by side: each authority's latest four ILACS judgements, and when its next inspection is usual."""

from __future__ import annotations

import pandas as pd

from inspections.frames import Frames
from inspections.headings import region_headings
from inspections.vocab import GRADE_RANK, GRADES

# Groups a North East officer compares within, by the combined authorities and county areas of the region.
GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "tyneside": (
        "Tyneside (Gateshead, Newcastle upon Tyne, North Tyneside)",
        ("gateshead", "newcastle-upon-tyne", "north-tyneside"),
    ),
    "tyne-and-wear": (
        "Tyne and Wear",
        ("gateshead", "newcastle-upon-tyne", "north-tyneside", "south-tyneside", "sunderland"),
    ),
    "tees-valley": (
        "Tees Valley",
        ("darlington", "hartlepool", "middlesbrough", "redcar-and-cleveland", "stockton-on-tees"),
    ),
    "durham-northumberland": ("Durham and Northumberland", ("durham", "northumberland")),
}
# The dashboard began with these three and holds their records deepest; a first visit shows them.
DEFAULT_GROUP = "tyneside"

# The four judgements every ILACS inspection gives (from April 2026, the only ones), in Ofsted's order. Before
# 2023 children in care and care leavers were one judgement; it is shown under both, marked as combined.
FOUR = {
    "leaders": "Impact of leaders",
    "help-and-protection": "Help and protection",
    "children-in-care": "Children in care",
    "care-leavers": "Care leavers",
}
COMBINED = "children-in-care-and-care-leavers"
COMBINED_NOTE = "(one judgement with children in care, before 2023)"

# Ofsted re-inspects under ILACS about three years after the last inspection, give or take six months; after an
# inadequate judgement it monitors instead and re-inspects when ready. A local safeguarding partnership's summary of
# the framework, as no Ofsted page stating the rule was in the stored sources.
CYCLE_MONTHS, WINDOW_MONTHS = 36, 6
CADENCE_SOURCE = "https://www.kirkleessafeguardingchildren.co.uk/procedures-local-protocols-and-guidance/ilacs-inspection-guidance-for-professionals/"


def default_authorities(available: tuple[str, ...]) -> tuple[str, ...]:
    """The authorities a first visit shows: the default group where the records hold it, else every authority."""
    wanted = [a for a in GROUPS[DEFAULT_GROUP][1] if a in available]
    return tuple(wanted) if wanted else available


NO_ILACS = "No ILACS inspection recorded"


def latest_ilacs(frames: Frames) -> pd.DataFrame:
    """One row per authority: its latest graded ILACS inspection and the four judgements, worst-first sortable.

    Grade columns hold the label (with "(not confirmed)" where the records say so); `<area>_rank` columns hold
    Ofsted's order (0 outstanding ... 4 inadequate) for sorting, never for averaging.
    """
    events = frames.events[(frames.events["framework"] == "ILACS") & frames.events["graded"]]
    latest = events.sort_values("date").groupby("authority_id").tail(1).set_index("authority_id")
    judgements = frames.judgements[frames.judgements["event_id"].isin(set(latest["event_id"]))]
    rows = []
    for authority in frames.authorities.itertuples():
        row: dict[str, object] = {"authority_id": authority.authority_id, "authority": authority.authority}
        if authority.authority_id not in latest.index:
            rows.append({**row, "event_label": NO_ILACS, "overall": ""})
            continue
        event = latest.loc[authority.authority_id]
        mine = judgements[judgements["event_id"] == event["event_id"]].set_index("area_id")
        flag = " (not confirmed)" if "judgements" in event["unconfirmed"] else ""
        row.update(
            event_id=event["event_id"],
            event_label=event["event_label"],
            fieldwork=event["fieldwork"],
            published=event["published"],
            start=event["start"],
            overall=(event["overall_grade"] + flag) if event["overall_grade"] else event["overall_note"],
            grades_confirmed=not flag,
        )
        for area in FOUR:
            source = area if area in mine.index else _combined_for(area, mine.index)
            if source is None:
                row[area], row[f"{area}_rank"] = "Not graded", pd.NA
                continue
            grade = mine.loc[source]
            row[area] = grade["grade"] + flag + (f" {COMBINED_NOTE}" if source == COMBINED else "")
            row[f"{area}_id"] = grade["grade_id"]
            row[f"{area}_rank"] = GRADE_RANK[grade["grade_id"]]
        rows.append(row)
    return pd.DataFrame(rows)


def _combined_for(area: str, graded: pd.Index) -> str | None:
    return COMBINED if area in ("children-in-care", "care-leavers") and COMBINED in graded else None


def region_table(latest: pd.DataFrame, sort_by: str = "authority") -> pd.DataFrame:
    """The side-by-side table a reader sees: named columns, sorted by a judgement (worst first) or by name."""
    shown = latest
    if sort_by in FOUR:
        shown = latest.sort_values([f"{sort_by}_rank", "authority"], ascending=[False, True], na_position="last")
    columns = region_headings(FOUR)
    return shown.reindex(columns=list(columns)).rename(columns=columns).fillna("").reset_index(drop=True)


def sorted_region_table(frames: Frames, sort_by: str = "authority") -> pd.DataFrame:
    """region_table of every authority's latest ILACS inspection, for the page to keep per records file and sort."""
    return region_table(latest_ilacs(frames), sort_by)


def grade_counts(latest: pd.DataFrame) -> pd.DataFrame:
    """How many of the authorities hold each grade in each of the four judgements (long form, zeros kept)."""
    rows = []
    for area, label in FOUR.items():
        ids = latest.get(f"{area}_id", pd.Series(dtype=object)).dropna()
        for grade, grade_label in GRADES.items():
            if grade == "adequate":
                continue  # not an ILACS grade
            rows.append(
                {
                    "area_id": area,
                    "area": label,
                    "grade_id": grade,
                    "grade": grade_label,
                    "count": int((ids == grade).sum()),
                }
            )
    return pd.DataFrame(rows)


def next_inspection_windows(frames: Frames) -> pd.DataFrame:
    """For each authority: its last ILACS inspection, time since it (at the records check) and the usual window
    for the next, as an estimate from the framework's cycle, never a prediction of Ofsted's plans."""
    latest = latest_ilacs(frames)
    checked = frames.checked
    rows = []
    for row in latest.itertuples():
        if pd.isna(getattr(row, "start", pd.NaT)):
            rows.append({"authority": row.authority, "last_inspection": "None recorded", "estimate": "Not estimated"})
            continue
        start = pd.Timestamp(row.start)
        opens = start + pd.DateOffset(months=CYCLE_MONTHS - WINDOW_MONTHS)
        closes = start + pd.DateOffset(months=CYCLE_MONTHS + WINDOW_MONTHS)
        if _judged_inadequate(latest.loc[row.Index]):
            estimate, opens_label, closes_label = (
                "No usual window: after an inadequate judgement Ofsted monitors, then re-inspects",
                "",
                "",
            )
        else:
            estimate = (
                "Before the usual window"
                if checked < opens
                else "Within the usual window"
                if checked <= closes
                else "Past the usual window"
            )
            opens_label, closes_label = f"{opens:%B %Y}", f"{closes:%B %Y}"
        rows.append(
            {
                "authority": row.authority,
                "last_inspection": row.event_label,
                "fieldwork_started": f"{start.day} {start:%B %Y}",
                "months_since": _months_between(start, checked),
                "window_opens": opens_label,
                "window_closes": closes_label,
                "estimate": estimate,
            }
        )
    return pd.DataFrame(rows)


def _judged_inadequate(full: pd.Series) -> bool:
    """Inadequate overall; or, from April 2026 when there is no overall grade, inadequate on any judgement
    (nothing then says which judgement leads to monitoring, so no usual window is estimated for either)."""
    if str(full.get("overall", "")).startswith("Inadequate"):
        return True
    no_overall = not any(str(full.get("overall", "")).startswith(g) for g in GRADES.values())
    return no_overall and any(full.get(f"{area}_id") == "inadequate" for area in FOUR)


def _months_between(start: pd.Timestamp, end: pd.Timestamp) -> int:
    return (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)
