"""The words around every chart: a title that states the message, a subtitle that states what is shown,
a source line, and a one-sentence summary for screen readers. Plain Python, built from the same frames
the chart draws, so the words can never disagree with the picture."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pandas as pd

from components.downloads import About
from inspections.frames import Frames
from inspections.labels import flagged
from inspections.once import once_per_object
from inspections.view import Options, View
from inspections.vocab import EVENT_KINDS, GRADES, NO_OVERALL_GRADE_MONTH, NO_UPDATE


@dataclass(frozen=True)
class Caption:
    title: str
    subtitle: str
    source: str
    summary: str


def names(items: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def checked_label(frames: Frames) -> str:
    date = frames.checked
    return f"{date.day} {date.strftime('%B %Y')}"


def filter_description(frames: Frames, view: View, options: Options) -> str:
    """What is shown: authorities, years, and any narrowing of event kinds or themes."""
    authorities = names(list(frames.authorities["authority"])) or "no authorities"
    years = str(view.first_year) if view.first_year == view.last_year else f"{view.first_year} to {view.last_year}"
    kinds = (
        "all kinds of inspection and visit"
        if set(view.kinds) >= set(options.kinds)
        else names([EVENT_KINDS[k].short for k in view.kinds])
    )
    themes = "all themes" if set(view.themes) >= set(options.themes) else names(list(frames.themes["theme"]))
    return f"{authorities}; {years}; {kinds}; {themes}"


PROJECT_NAME = "Ofsted children's services: North East comparisons"  # the dashboard, as files name their author


def download_about(title: str, filters: str, source: str, checked: str) -> About:
    """What a table's Excel download says about itself on its About sheet, with a citation built from the same."""
    shows = f" ({filters})" if filters else ""
    when = f", records checked against their sources on {checked}" if checked else ""
    cite = f"{title}{shows}. {PROJECT_NAME}, a dashboard of Ofsted's findings{when}."
    return About(title=title, filters=filters, source=source, checked=checked, cite=cite)


def table_about(title: str, frames: Frames, filters: str) -> About:
    """download_about for a table drawn from frames: its source line and records-checked date from the records."""
    return download_about(title, filters, source_line(frames), checked_label(frames))


def source_line(frames: Frames, publishers: pd.Series | None = None) -> str:
    """Who published the sources behind what is shown (publishers; by default every source's), Ofsted first."""
    if publishers is None:
        return _every_source_line(frames)  # asked on every page run, by every table's About sheet
    return _publishers_line(frames, publishers)


@once_per_object
def _every_source_line(frames: Frames) -> str:
    return _publishers_line(frames, frames.sources["publisher"])


def _publishers_line(frames: Frames, found: pd.Series) -> str:
    publisher_names = sorted({p.strip() for cell in found.dropna() for p in str(cell).split(";") if p.strip()})
    ofsted_first = sorted(publisher_names, key=lambda p: (p != "Ofsted", p))
    named = names(ofsted_first) or "Ofsted"
    return f"Source: inspection reports and letters from {named}, summarised by this dashboard. Records checked {checked_label(frames)}."


def latest_overall_title(latest: list[dict]) -> str:
    """Each authority's latest overall grade (latest: one event row each, by name), by name for a few authorities and
    counted for many, with those that have none under the framework from April 2026 said so (never left out)."""
    with_overall = [r for r in latest if r["overall_grade"] != ""]
    without = [r for r in latest if r["overall_grade"] == "" and r["overall_note"] != ""]
    if len(latest) <= 4:
        parts = [
            f"{r['authority']} {flagged(r['overall_grade'].lower(), 'judgements' not in r['unconfirmed'])}"
            for r in with_overall
        ]
        parts += [f"{r['authority']} none under the {NO_OVERALL_GRADE_MONTH} framework" for r in without]
        return ("Latest overall grades: " + names(parts)) if parts else ""
    counts = Counter(r["overall_grade"] for r in with_overall)
    parts = [f"{counts[g]} {g.lower()}" for g in GRADES.values() if counts[g]]
    if without:
        parts.append(
            f"{len(without)} with no overall grade under the {NO_OVERALL_GRADE_MONTH} framework "
            f"({names([r['authority'] for r in without])})"
        )
    unconfirmed = [r["authority"] for r in latest if "judgements" in r["unconfirmed"]]
    if parts and unconfirmed:
        parts[-1] += f" ({names(unconfirmed)}'s not confirmed)"
    return f"Latest overall grades of {len(latest)} authorities: " + names(parts) if parts else ""


def _by_date(row: dict) -> tuple[bool, pd.Timestamp]:
    """An event's place in date order, undated last, as pandas sorts them (sorted() keeps ties in order)."""
    undated = pd.isna(row["date"])
    return undated, pd.Timestamp.min if undated else row["date"]


def timeline_caption(frames: Frames, view: View, options: Options) -> Caption:
    events = frames.events
    # Plain Python over the few columns it reads: pandas' sort and to_dict of every column cost more than the chart.
    fields = ("authority", "date", "graded", "overall_grade", "overall_note", "unconfirmed", "grades")
    rows = [
        dict(zip(fields, values, strict=True)) for values in zip(*(events[f].tolist() for f in fields), strict=True)
    ]
    latest: dict[str, dict] = {}
    for row in sorted(rows, key=_by_date):
        if row["graded"]:
            latest[row["authority"]] = row
    graded = [latest[name] for name in sorted(latest)]
    title = latest_overall_title(graded) if graded else ""
    if not title:
        title = (
            f"{len(events)} inspections and visits recorded"
            if len(events)
            else "No inspections or visits match these filters"
        )
    visits = int((~events["graded"]).sum())
    four = [
        f"{r['authority']}'s four judgements are {r['grades'].lower()}"
        for r in graded
        if not r["overall_grade"] and r["overall_note"]
    ]
    summary = (
        f"Timeline of {len(events)} Ofsted inspections and visits ({len(events) - visits} graded, {visits} not graded) "
        f"for {names(list(frames.authorities['authority']))}. {title}." + "".join(f" {line}." for line in four)
    )
    return Caption(
        title=title,
        subtitle=f"Ofsted children's social care inspections and visits by date: {filter_description(frames, view, options)}",
        source=source_line(frames, events["publisher"]),
        summary=summary,
    )


def judgements_caption(frames: Frames, view: View, options: Options) -> Caption:
    j = frames.judgements
    unconfirmed = j[j["unconfirmed"]]
    flag = (
        f" {len(unconfirmed)} of them, from {names(sorted(set(unconfirmed['event_label'])))} for "
        f"{names(sorted(set(unconfirmed['authority'])))}, are not confirmed against Ofsted's report."
        if len(unconfirmed)
        else ""
    )
    return Caption(
        title="Every graded judgement, area by area",
        subtitle=f"Ofsted grades for each judgement area: {filter_description(frames, view, options)}"
        + ("; * not confirmed" if flag else ""),
        source=source_line(frames, frames.events["publisher"]),
        summary=f"{len(j)} graded judgements across {j['event_id'].nunique()} inspections, one row per authority "
        f"and area.{flag}",
    )


def matrix_caption(frames: Frames, view: View, options: Options, matrix: pd.DataFrame, kind: str) -> Caption:
    what = "areas for improvement and recommendations" if kind == "improvement" else "strengths"
    # Counted over the matrix's columns as plain lists: it is worded for every new view, and pandas' filter, group-by
    # and unique counts on a few hundred cells cost more than the words.
    cells = list(zip(matrix["authority"], matrix["theme"], matrix["events"].tolist(), matrix["recurring"], strict=True))
    authorities, themes = list(dict.fromkeys(c[0] for c in cells)), list(dict.fromkeys(c[1] for c in cells))
    where_recurs: dict[str, set[str]] = {}
    for authority, theme, _, recurring in cells:
        if recurring:
            where_recurs.setdefault(theme, set()).add(authority)
    recurring_cells = sum(1 for c in cells if c[3])
    if recurring_cells:
        widest = max(len(places) for places in where_recurs.values())
        leaders = [t for t in themes if len(where_recurs.get(t, ())) == widest]
        total = len(authorities)
        where = f"all {total} authorities" if widest == total and total > 1 else f"{widest} of {total} authorities"
        if total == 1:
            where = authorities[0]
        if len(leaders) == 1:
            title = f"{leaders[0]} recurs in {where}"
        else:
            title = f"{len(leaders)} themes recur in {where}, including {leaders[0].lower()}"
    elif sum(c[2] for c in cells):
        title = "No theme is raised at more than one event"
    else:
        title = "No findings match these filters"
    summary = (
        f"Table of {len(themes)} themes by {len(authorities)} authorities counting the "
        f"inspections and visits whose {what} raise each theme; {recurring_cells} cells are recurring "
        f"(raised at two or more events). {title}."
    )
    return Caption(
        title=title,
        subtitle=f"Number of inspections and visits whose {what} raise each theme: {filter_description(frames, view, options)}",
        source=source_line(frames, frames.events["publisher"]),
        summary=summary,
    )


def status_caption(frames: Frames, view: View, options: Options) -> Caption:
    recs = frames.recommendations
    total = len(recs)
    none = int((recs["status_id"] == NO_UPDATE).sum())
    done = int((~recs["open"]).sum()) if total else 0
    if total:
        title = f"{done} of {total} recommendations reported done; {none} with no update found"
    else:
        title = "No recommendations match these filters"
    return Caption(
        title=title,
        subtitle=f"Latest reported status of each Ofsted recommendation: {filter_description(frames, view, options)}",
        source=source_line(frames, pd.concat([frames.events["publisher"], frames.updates["publisher"]])),
        summary=f"Stacked bar chart of {total} recommendations by authority and latest status. {title}.",
    )


def history_caption(frames: Frames, view: View, options: Options, history: pd.DataFrame) -> Caption:
    return Caption(
        title="How the status of recommendations has changed",
        subtitle=f"Recommendations by latest known status at each year end: {filter_description(frames, view, options)}",
        source=source_line(frames, pd.concat([frames.events["publisher"], frames.updates["publisher"]])),
        summary=(
            f"Stacked bar chart by year from {history['year'].min() if len(history) else '-'} showing how many "
            "recommendations stood at each status at the end of the year."
        ),
    )
