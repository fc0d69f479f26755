"""The questions the pages ask of the frames, as plain functions returning DataFrames."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from inspections.frames import Frames
from inspections.region import default_authorities
from inspections.view import Options, View
from inspections.vocab import CLOSED_STATUSES, EVENT_KINDS, NO_UPDATE, STATUS_LABELS

RECURRING_AT = 2  # a theme raised at this many separate events is "recurring"


def options_for(frames: Frames) -> Options:
    years = frames.events["date"].dt.year
    authorities = tuple(frames.authorities["authority_id"])
    return Options(
        authorities=authorities,
        default_authorities=default_authorities(authorities),
        kinds=tuple(k for k in EVENT_KINDS if k in set(frames.events["event_kind"])),
        themes=tuple(frames.themes["theme_id"]),
        first_year=int(years.min()) if len(years) else 2000,
        last_year=int(years.max()) if len(years) else 2000,
    )


def _has_theme(themes: pd.Series, chosen: set[str]) -> pd.Series:
    # astype(bool): an empty object Series would otherwise select columns rather than rows
    return themes.map(lambda ts: bool(chosen.intersection(ts))).astype(bool)


def apply_view(frames: Frames, view: View) -> Frames:
    """The frames cut down to the chosen authorities, years, event kinds and themes."""
    events = frames.events
    keep = (
        events["authority_id"].isin(view.authorities)
        & events["event_kind"].isin(view.kinds)
        & events["date"].dt.year.between(view.first_year, view.last_year)
    )
    event_ids = set(events.loc[keep, "event_id"])
    themes = set(view.themes)

    def by_event(frame: pd.DataFrame) -> pd.DataFrame:
        return frame[frame["event_id"].isin(event_ids)].reset_index(drop=True)

    findings = by_event(frames.findings)
    findings = findings[_has_theme(findings["themes"], themes)].reset_index(drop=True)
    recs = by_event(frames.recommendations)
    recs = recs[_has_theme(recs["themes"], themes)].reset_index(drop=True)
    return replace(
        frames,
        authorities=frames.authorities[frames.authorities["authority_id"].isin(view.authorities)].reset_index(
            drop=True
        ),
        events=by_event(events),
        judgements=by_event(frames.judgements),
        findings=findings,
        recommendations=recs,
        updates=frames.updates[frames.updates["rec_id"].isin(set(recs["rec_id"]))].reset_index(drop=True),
        themes=frames.themes[frames.themes["theme_id"].isin(themes)].reset_index(drop=True),
    )


def theme_evidence(frames: Frames, kind: str = "improvement") -> pd.DataFrame:
    """One row per (finding or recommendation, theme): the evidence behind the theme matrix.

    kind="improvement" counts areas for improvement and Ofsted's recommendations; "strength" counts strengths.
    """
    findings = frames.findings[frames.findings["kind"] == kind]
    columns = [
        "authority_id",
        "authority",
        "event_id",
        "event_label",
        "date",
        "date_label",
        "kind_label",
        "text",
        "paragraphs",
        "source_url",
        "themes",
    ]
    parts = [findings[columns]]
    if kind == "improvement":
        recs = frames.recommendations.assign(kind_label="Recommendation")
        parts.append(recs[columns])
    evidence = pd.concat(parts, ignore_index=True).explode("themes").rename(columns={"themes": "theme_id"})
    evidence = evidence[evidence["theme_id"].isin(set(frames.themes["theme_id"]))]
    return evidence.sort_values(["authority", "date"], kind="stable").reset_index(drop=True)


def theme_matrix(frames: Frames, kind: str = "improvement") -> pd.DataFrame:
    """Authorities by themes: how many separate events raised each theme, and whether it recurs.

    Long format, one row per cell, zeros included, so the table and the heatmap read the same numbers.
    """
    evidence = theme_evidence(frames, kind)
    counted = (
        evidence.groupby(["authority_id", "theme_id"])
        .agg(events=("event_id", "nunique"), items=("text", "size"))
        .reset_index()
    )
    grid = pd.MultiIndex.from_product(
        [frames.authorities["authority_id"], frames.themes["theme_id"]], names=["authority_id", "theme_id"]
    ).to_frame(index=False)
    matrix = grid.merge(counted, how="left", on=["authority_id", "theme_id"]).fillna({"events": 0, "items": 0})
    matrix = matrix.astype({"events": int, "items": int})
    matrix = matrix.merge(frames.authorities[["authority_id", "authority"]], on="authority_id")
    matrix = matrix.merge(frames.themes[["theme_id", "theme"]], on="theme_id")
    matrix["recurring"] = matrix["events"] >= RECURRING_AT
    return matrix[["authority_id", "authority", "theme_id", "theme", "events", "items", "recurring"]]


def cell_evidence(frames: Frames, authority_id: str, theme_id: str, kind: str = "improvement") -> pd.DataFrame:
    """The findings and recommendations behind one cell of the theme matrix, oldest first."""
    evidence = theme_evidence(frames, kind)
    cell = evidence[(evidence["authority_id"] == authority_id) & (evidence["theme_id"] == theme_id)]
    return cell.reset_index(drop=True)


def recurring_themes(frames: Frames, kind: str = "improvement") -> pd.DataFrame:
    """Themes that recur, with the number of authorities where they recur; most widespread first."""
    matrix = theme_matrix(frames, kind)
    recurring = matrix[matrix["recurring"]]
    summary = (
        recurring.groupby(["theme_id", "theme"])
        .agg(authorities=("authority_id", "nunique"), events=("events", "sum"))
        .reset_index()
        .sort_values(["authorities", "events", "theme"], ascending=[False, False, True])
    )
    return summary.reset_index(drop=True)


STATUS_ORDER = ["improved", "reported-complete", "partly-improved", "in-progress", "raised-again", NO_UPDATE]


def status_counts(frames: Frames) -> pd.DataFrame:
    """Latest status of each recommendation, counted by authority (zeros included)."""
    recs = frames.recommendations
    counted = recs.groupby(["authority_id", "status_id"]).size().rename("recommendations").reset_index()
    grid = pd.MultiIndex.from_product(
        [frames.authorities["authority_id"], STATUS_ORDER], names=["authority_id", "status_id"]
    ).to_frame(index=False)
    table = grid.merge(counted, how="left", on=["authority_id", "status_id"]).fillna({"recommendations": 0})
    table["recommendations"] = table["recommendations"].astype(int)
    table = table.merge(frames.authorities[["authority_id", "authority"]], on="authority_id")
    table["status"] = table["status_id"].map(STATUS_LABELS)
    return table[["authority_id", "authority", "status_id", "status", "recommendations"]]


def status_history(frames: Frames) -> pd.DataFrame:
    """For each year, how many recommendations stood at each status at the year's end (or at the records check)."""
    recs, updates = frames.recommendations, frames.updates
    if recs.empty:
        return pd.DataFrame(columns=["year", "as_of", "status_id", "status", "recommendations"])
    first = int(recs["date"].dt.year.min())
    last = int(frames.checked.year)
    rows = []
    for year in range(first, last + 1):
        as_of = min(pd.Timestamp(year=year, month=12, day=31), frames.checked)
        made = recs[recs["date"] <= as_of]
        known = updates[updates["date"] <= as_of].sort_values("date", kind="stable")
        latest = known.groupby("rec_id")["status_id"].last().to_dict()
        statuses = made["rec_id"].map(lambda rec_id, latest=latest: latest.get(rec_id, NO_UPDATE))
        for status in STATUS_ORDER:
            rows.append(
                {
                    "year": year,
                    "as_of": as_of,
                    "status_id": status,
                    "status": STATUS_LABELS[status],
                    "recommendations": int((statuses == status).sum()),
                }
            )
    return pd.DataFrame(rows)


def open_recommendations(frames: Frames) -> pd.DataFrame:
    """Recommendations nobody has reported done, oldest first, with their age at the records check."""
    recs = frames.recommendations
    open_ = recs[~recs["status_id"].isin(CLOSED_STATUSES)]
    return open_.sort_values("age_days", ascending=False, kind="stable").reset_index(drop=True)


def latest_judgements(frames: Frames) -> pd.DataFrame:
    """Each authority's most recent graded event: one row per judgement area."""
    graded = frames.events[frames.events["graded"]]
    latest = graded.sort_values("date").groupby("authority_id").tail(1)
    judgements = frames.judgements[frames.judgements["event_id"].isin(set(latest["event_id"]))]
    return judgements.merge(
        latest[["event_id", "kind_label", "fieldwork", "published", "note", "overall_note"]], on="event_id", how="left"
    ).reset_index(drop=True)


def authority_summary(frames: Frames) -> pd.DataFrame:
    """One row per authority for the overview cards."""
    rows = []
    latest = latest_judgements(frames)
    for _, authority in frames.authorities.iterrows():
        aid = authority["authority_id"]
        events = frames.events[frames.events["authority_id"] == aid]
        recs = frames.recommendations[frames.recommendations["authority_id"] == aid]
        mine = latest[latest["authority_id"] == aid]
        last_event = events.sort_values("date").tail(1)
        rows.append(
            {
                "authority_id": aid,
                "authority": authority["authority"],
                "latest_graded_event": mine["event_label"].iloc[0] if len(mine) else "",
                "latest_kind": mine["kind_label"].iloc[0] if len(mine) else "",
                "latest_published": mine["published"].iloc[0] if len(mine) else "",
                "latest_fieldwork": mine["fieldwork"].iloc[0] if len(mine) else "",
                "overall_grade": _overall(mine),
                "overall_note": mine["overall_note"].iloc[0] if len(mine) else "",
                "judgements": "; ".join(f"{r.area}: {r.grade}" for r in mine.itertuples()),
                "grades_confirmed": not bool(mine["unconfirmed"].any()) if len(mine) else True,
                "latest_note": mine["note"].iloc[0] if len(mine) else "",
                "most_recent_event": last_event["event_label"].iloc[0] if len(last_event) else "",
                "events": len(events),
                "recommendations": len(recs),
                "open_recommendations": int((~recs["status_id"].isin(CLOSED_STATUSES)).sum()),
                "no_update_found": int((recs["status_id"] == NO_UPDATE).sum()),
            }
        )
    return pd.DataFrame(rows)


def _overall(judgements: pd.DataFrame) -> str:
    overall = judgements[judgements["area_id"] == "overall-effectiveness"]
    return overall["grade"].iloc[0] if len(overall) else ""


def regional_summary(frames: Frames) -> list[str]:
    """A few plain sentences about the chosen authorities, for the overview page."""
    summary = authority_summary(frames)
    if summary.empty:
        return ["No authorities are chosen."]
    lines = []
    graded = summary[summary["overall_grade"] != ""]
    if len(graded):
        parts = [
            f"{r.authority}: {r.overall_grade.lower()}{'' if r.grades_confirmed else ' (grade not confirmed)'}, "
            f"published {r.latest_published}"
            for r in graded.itertuples()
        ]
        lines.append("Latest overall effectiveness grades: " + "; ".join(parts) + ".")
    for note, group in summary[(summary["overall_grade"] == "") & (summary["overall_note"] != "")].groupby(
        "overall_note", sort=False
    ):
        parts = [
            f"{r.authority} ({r.judgements.lower()}{'' if r.grades_confirmed else '; grades not confirmed'}, "
            f"published {r.latest_published})"
            for r in group.itertuples()
        ]
        lines.append(f"{note}, so the latest four judgements instead: " + "; ".join(parts) + ".")
    total = summary["recommendations"].sum()
    open_ = summary["open_recommendations"].sum()
    none = summary["no_update_found"].sum()
    lines.append(
        f"{total} recommendations recorded across {len(summary)} authorities; {open_} not yet reported done, "
        f"of which {none} have no update found in any source."
    )
    recurring = recurring_themes(frames)
    if len(recurring):
        top = recurring.head(3)
        lines.append(
            "Themes raised at two or more inspections or visits in the most authorities: "
            + ", ".join(f"{r.theme.lower()} ({r.authorities})" for r in top.itertuples())
            + "."
        )
    return lines
