"""The region page's charts and tables, each with its words: built from every authority's records, whatever the
sidebar's authority choice, because the point of the page is the whole North East side by side."""

from __future__ import annotations

import pandas as pd

from components import captions, region_charts
from components.captions import Caption
from components.exhibit import Entry, Exhibit
from inspections import england, region
from inspections.frames import Frames
from inspections.headings import ENGLAND, NEXT_INSPECTIONS, headed, map_headings
from inspections.vocab import GRADES

OUTSTANDING = GRADES["outstanding"]


def _latest_events(frames: Frames, latest: pd.DataFrame) -> pd.DataFrame:
    return frames.events[frames.events["event_id"].isin(set(latest.get("event_id", pd.Series(dtype=str)).dropna()))]


def unconfirmed_note(latest: pd.DataFrame) -> str:
    """'' when every latest grade is confirmed, else which authorities' are not: "Gamma's grades not confirmed"."""
    if "grades_confirmed" not in latest:
        return ""
    names = [r.authority for r in latest.itertuples() if r.grades_confirmed is False]
    if not names:
        return ""
    return (
        f"{names[0]}'s grades not confirmed" if len(names) == 1 else f"grades of {captions.names(names)} not confirmed"
    )


def region_source(frames: Frames, latest: pd.DataFrame) -> str:
    return captions.source_line(frames, _latest_events(frames, latest)["publisher"])


def region_cites(frames: Frames, latest: pd.DataFrame) -> tuple[str, ...]:
    """The addresses of the reports behind each authority's latest inspection, for a pack's list of sources."""
    return tuple(dict.fromkeys(u for cell in _latest_events(frames, latest)["source_url"] for u in str(cell).split()))


def grid(frames: Frames) -> Exhibit | None:
    latest = region.latest_ilacs(frames)
    if latest.empty or "leaders_id" not in latest:
        return None
    n = len(latest)
    counts = region.grade_counts(latest)
    best = counts[counts["grade_id"] == "outstanding"].set_index("area")["count"]
    weakest = counts[counts["grade_id"].isin(["requires-improvement", "inadequate"])].groupby("area")["count"].sum()
    top_area = best.idxmax() if best.max() else ""
    unconfirmed = unconfirmed_note(latest)
    ungraded = list(latest.loc[latest["event_label"] == region.NO_ILACS, "authority"])
    caption = Caption(
        title=(
            f"{best.max()} of {n} authorities are outstanding for {top_area.lower()}"
            if top_area
            else f"Latest judgements of {n} authorities"
        )
        + (f" ({unconfirmed})" if unconfirmed else ""),
        subtitle=f"Latest ILACS judgements of the {n} North East authorities, four judgements each; * not confirmed",
        source=region_source(frames, latest),
        summary=(
            f"Grid of the latest four ILACS judgements for {n} authorities. Outstanding: "
            + ", ".join(f"{area.lower()} {count}" for area, count in best.items())
            + ". Requires improvement or inadequate: "
            + ", ".join(f"{area.lower()} {count}" for area, count in weakest.items())
            + "."
            + (f" {unconfirmed[0].upper()}{unconfirmed[1:]}." if unconfirmed else "")
            + (f" No ILACS inspection recorded for {captions.names(ungraded)}." if ungraded else "")
        ),
    )
    table = region.region_table(latest).drop(columns=["Latest ILACS inspection", "Fieldwork"])
    return Exhibit(
        "region-grid",
        "The region's latest four judgements",
        caption,
        region_charts.grid_figure(latest),
        table,
        "north-east-latest-judgements",
        region_cites(frames, latest),
    )


def grade_map(frames: Frames, area: str = "leaders") -> Exhibit | None:
    latest = region.latest_ilacs(frames)
    if latest.empty or f"{area}_id" not in latest:
        return None
    # An authority with no ILACS inspection has no grade to show: say so, in the words, the table and the map.
    latest = latest.assign(**{area: latest[area].fillna(region.NO_ILACS), "published": latest["published"].fillna("")})
    label = region.FOUR[area]
    codes = dict(zip(frames.authorities["authority_id"], frames.authorities["ons_code"], strict=True))
    counts = latest[f"{area}_id"].value_counts()
    parts = [f"{counts[g]} {GRADES[g].lower()}" for g in GRADES if g in counts.index]
    unconfirmed = unconfirmed_note(latest)
    caption = Caption(
        title=f"{label}: " + captions.names(parts) + (f" ({unconfirmed})" if unconfirmed else ""),
        subtitle=f"Latest ILACS grade for {label.lower()}, {len(latest)} North East authorities; colour and pattern show the grade, which each label names; * not confirmed",
        source=region_source(frames, latest) + " " + region_charts.MAP_ATTRIBUTION,
        summary=(
            f"Map of the North East's authorities by their latest grade for {label.lower()}: "
            + "; ".join(f"{r['authority']} {_in_words(r[area])}" for r in latest.to_dict("records"))
            + "."
        ),
    )
    table = headed(latest, map_headings(area, label))
    figure = region_charts.map_figure(latest, codes, area)
    return Exhibit(
        f"region-map-{area}",
        f"Map: {label.lower()}",
        caption,
        figure,
        table,
        f"north-east-map-{area}",
        region_cites(frames, latest),
    )


def _in_words(grade: str) -> str:
    """A grade label as it reads mid-sentence: "good", "no ILACS inspection recorded" (the acronym kept)."""
    return grade[:1].lower() + grade[1:] if grade == region.NO_ILACS else grade.lower()


def england_context(frames: Frames) -> Exhibit | None:
    latest = region.latest_ilacs(frames)
    codes = set(frames.authorities["ons_code"])
    if latest.empty or not england.ENGLAND_CSV.exists():
        return None
    shares = england.grade_shares(england.read_england(), codes)
    shares = shares[shares["area_id"].isin(region.FOUR)]
    shares = shares.assign(where=shares["where"].replace({"North East": f"North East, {england.AS_AT}"}))
    ours = region.grade_counts(latest)
    graded = ours.groupby("area_id")["count"].transform("sum")
    now = ours.assign(
        where=f"North East now ({captions.checked_label(frames)})",
        authorities=ours["count"],
        of=graded,
        share=(100 * ours["count"] / graded.where(graded > 0)).round(1).fillna(0.0),
    ).drop(columns=["count"])
    table = pd.concat([shares, now], ignore_index=True)
    table["order"] = table["area_id"].map({a: i for i, a in enumerate(region.FOUR)})
    table = table.sort_values(["order"], kind="stable").drop(columns=["order"])
    eng = shares[(shares["where"] == "England") & (shares["grade_id"] == "outstanding")].set_index("area")["share"]
    ne = now[now["grade_id"] == "outstanding"].set_index("area")["share"]
    caption = Caption(
        title="The North East has a larger share of outstanding judgements than England"
        if (ne.reindex(eng.index).fillna(0) > eng).sum() >= 3
        else "The North East's judgements beside England's",
        subtitle=(
            f"Share of authorities at each grade, per judgement: England ({england.AS_AT}, official statistics), "
            f"the North East in the same statistics, and the North East now from these records"
        ),
        source=f"Source: {england.SOURCE_TITLE}; Ofsted inspection reports summarised by this dashboard. Records checked {captions.checked_label(frames)}.",
        summary=(
            "Outstanding shares, England then the North East now: "
            + "; ".join(
                f"{area.lower()} {eng.get(area, 0):.0f}% and {ne.get(area, 0):.0f}%" for area in region.FOUR.values()
            )
            + "."
        ),
    )
    shown = headed(table, ENGLAND)
    return Exhibit(
        "england",
        "England beside the North East",
        caption,
        region_charts.england_figure(table),
        shown,
        "england-and-north-east-grades",
        (england.SOURCE_URL, *region_cites(frames, latest)),
    )


def next_inspections(frames: Frames) -> Exhibit | None:
    windows = region.next_inspection_windows(frames)
    if windows.empty:
        return None
    past = windows[windows["estimate"] == "Past the usual window"]
    caption = Caption(
        title="When each authority's next inspection would usually fall",
        subtitle=(
            "An estimate from the ILACS framework's usual cycle (about three years after the last inspection, give or "
            "take six months), measured at the records check; not a prediction of Ofsted's plans"
        ),
        source=f"Source: Ofsted inspection reports summarised by this dashboard; cycle as summarised at {region.CADENCE_SOURCE}",
        summary=f"Table of {len(windows)} authorities' last ILACS inspection and usual window for the next; {len(past)} past the usual window.",
    )
    table = windows.rename(columns=NEXT_INSPECTIONS)
    return Exhibit(
        "next-inspections",
        "When the next inspection would usually fall",
        caption,
        None,
        table,
        "next-inspection-windows",
    )


def _always(frames: Frames) -> bool:
    return not frames.events.empty


CATALOGUE: tuple[Entry, ...] = (
    Entry("region-grid", "The region's latest four judgements", True, _always, grid, whole_region=True),
    Entry("region-map-leaders", "Map: impact of leaders", True, _always, grade_map, whole_region=True),
    Entry("england", "England beside the North East", True, _always, england_context, whole_region=True),
    Entry(
        "next-inspections",
        "When the next inspection would usually fall",
        False,
        _always,
        next_inspections,
        whole_region=True,
    ),
)


def exhibits(frames: Frames) -> list[Exhibit]:
    """The region page's exhibits, for the committee pack (the map by impact of leaders)."""
    built = [entry.build(frames) for entry in CATALOGUE]
    return [e for e in built if e is not None]
