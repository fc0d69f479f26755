"""The questions the pages ask of the frames, as plain functions returning DataFrames."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from inspections.frames import Frames
from inspections.once import once_per_object
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


def apply_view(frames: Frames, view: View) -> Frames:
    """The frames cut down to the chosen authorities, years, event kinds and themes."""
    # Run for every new view: the masks are built from plain-Python columns kept with the frames (_rows_of), as
    # pandas' isin, .dt and a boolean filter per frame cost several milliseconds for a few hundred rows.
    rows = _rows_of(frames)
    authorities, kinds, themes = set(view.authorities), set(view.kinds), set(view.themes)
    kept = {
        event
        for event, authority, kind, year in rows.events
        if authority in authorities and kind in kinds and view.first_year <= year <= view.last_year
    }

    def cut(frame: pd.DataFrame, keep: list[bool]) -> pd.DataFrame:
        return frame[np.array(keep, dtype=bool)].reset_index(drop=True)

    def by_event(frame: pd.DataFrame, events: list[str]) -> pd.DataFrame:
        return cut(frame, [event in kept for event in events])

    def by_event_and_theme(frame: pd.DataFrame, items: list[tuple[str, frozenset[str]]]) -> pd.DataFrame:
        return cut(frame, [event in kept and not themes.isdisjoint(tags) for event, tags in items])

    recs = by_event_and_theme(frames.recommendations, rows.recommendations)
    chosen_recs = set(recs["rec_id"])
    return replace(
        frames,
        authorities=cut(frames.authorities, [a in authorities for a in rows.authorities]),
        events=by_event(frames.events, [event for event, *_ in rows.events]),
        judgements=by_event(frames.judgements, rows.judgements),
        findings=by_event_and_theme(frames.findings, rows.findings),
        recommendations=recs,
        updates=cut(frames.updates, [rec in chosen_recs for rec in rows.updates]),
        themes=cut(frames.themes, [t in themes for t in rows.themes]),
    )


@dataclass(frozen=True)
class _Rows:
    """The columns apply_view filters on, as plain Python, kept with the unfiltered frames."""

    authorities: list[str]
    events: list[tuple[str, str, str, int]]  # event, authority, kind, year
    judgements: list[str]  # event
    findings: list[tuple[str, frozenset[str]]]  # event, themes
    recommendations: list[tuple[str, frozenset[str]]]
    updates: list[str]  # recommendation
    themes: list[str]


@once_per_object
def _rows_of(frames: Frames) -> _Rows:
    events = frames.events

    def tagged(frame: pd.DataFrame) -> list[tuple[str, frozenset[str]]]:
        return [(e, frozenset(t)) for e, t in zip(frame["event_id"], frame["themes"], strict=True)]

    return _Rows(
        authorities=frames.authorities["authority_id"].tolist(),
        events=list(
            zip(
                events["event_id"].tolist(),
                events["authority_id"].tolist(),
                events["event_kind"].tolist(),
                events["date"].dt.year.tolist(),
                strict=True,
            )
        ),
        judgements=frames.judgements["event_id"].tolist(),
        findings=tagged(frames.findings),
        recommendations=tagged(frames.recommendations),
        updates=frames.updates["rec_id"].tolist(),
        themes=frames.themes["theme_id"].tolist(),
    )


_EVIDENCE_COLUMNS = [
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
]


def cell_evidence(frames: Frames, authority_id: str, theme_id: str, kind: str = "improvement") -> pd.DataFrame:
    """The findings and recommendations behind one cell of the theme matrix, oldest first: one row for each time
    an item names the theme.

    kind="improvement" counts areas for improvement and Ofsted's recommendations; "strength" counts strengths.
    """
    # Only the cell's own rows are picked, and built once as a frame: exploding every finding of the view by theme,
    # for the one cell a reader looks at, cost about 9 ms on every new view.
    findings = frames.findings[frames.findings["kind"] == kind]
    parts = [(findings, None)] + ([(frames.recommendations, "Recommendation")] if kind == "improvement" else [])
    chosen = theme_id in set(frames.themes["theme_id"])
    columns: dict[str, list[np.ndarray]] = {c: [] for c in _EVIDENCE_COLUMNS}
    for part, kind_label in parts:
        rows = [
            i
            for i, (authority, themes) in enumerate(zip(part["authority_id"], part["themes"], strict=True))
            if chosen and authority == authority_id
            for theme in themes
            if theme == theme_id
        ]
        for column, values in columns.items():
            if column == "kind_label" and kind_label is not None:
                values.append(np.full(len(rows), kind_label, dtype=object))
            else:
                values.append(part[column].to_numpy()[rows])
    cell = {column: np.concatenate(values) for column, values in columns.items()}
    order = np.argsort(cell["date"], kind="stable")  # one authority: oldest first, in the frames' order on a tie
    return pd.DataFrame(
        {
            **{column: values[order] for column, values in cell.items()},
            "theme_id": np.full(len(order), theme_id, dtype=object),
        }
    )


@once_per_object
def theme_matrix_rows(frames: Frames, kind: str = "improvement") -> list[tuple]:
    """The theme matrix's rows as tuples of its columns (see theme_matrix)."""
    # Counted in plain Python: a view's findings are a few hundred rows, and pandas' explode, group and merge
    # cost far more than the counting (this runs for every new view).
    wanted = set(frames.themes["theme_id"])
    events: dict[tuple[str, str], set[str]] = {}
    items: dict[tuple[str, str], int] = {}
    findings = frames.findings[frames.findings["kind"] == kind]
    parts = [findings] + ([frames.recommendations] if kind == "improvement" else [])
    for part in parts:
        for authority, event, themes in zip(part["authority_id"], part["event_id"], part["themes"], strict=True):
            for theme in themes:
                if theme in wanted:
                    events.setdefault((authority, theme), set()).add(event)
                    items[(authority, theme)] = items.get((authority, theme), 0) + 1
    themes = list(zip(frames.themes["theme_id"], frames.themes["theme"], strict=True))
    return [
        (aid, name, tid, label, n, items.get((aid, tid), 0), n >= RECURRING_AT)
        for aid, name in zip(frames.authorities["authority_id"], frames.authorities["authority"], strict=True)
        for tid, label in themes
        for n in [len(events.get((aid, tid), ()))]
    ]


@once_per_object
def theme_matrix(frames: Frames, kind: str = "improvement") -> pd.DataFrame:
    """Authorities by themes: how many separate events raised each theme, and whether it recurs.

    Long format, one row per cell, zeros included, so the table and the heatmap read the same numbers.
    """
    columns = ["authority_id", "authority", "theme_id", "theme", "events", "items", "recurring"]
    return pd.DataFrame(theme_matrix_rows(frames, kind), columns=columns).astype(
        {"events": int, "items": int, "recurring": bool}
    )


@once_per_object
def recurring_theme_rows(frames: Frames, kind: str = "improvement") -> list[tuple[str, str, int, int]]:
    """Themes that recur, as (theme_id, theme, authorities where it recurs, events raising it there), most
    widespread first."""
    # Counted in plain Python, as the matrix is: a pandas group-by and sort cost more than the rest of the summary.
    where: dict[tuple[str, str], set[str]] = {}
    events: dict[tuple[str, str], int] = {}
    for aid, _, tid, theme, n, _, recurs in theme_matrix_rows(frames, kind):
        if recurs:
            where.setdefault((tid, theme), set()).add(aid)
            events[(tid, theme)] = events.get((tid, theme), 0) + int(n)
    return sorted(
        ((tid, theme, len(aids), events[(tid, theme)]) for (tid, theme), aids in where.items()),
        key=lambda row: (-row[2], -row[3], row[1]),
    )


def recurring_themes(frames: Frames, kind: str = "improvement") -> pd.DataFrame:
    """Themes that recur, with the number of authorities where they recur; most widespread first."""
    columns = ["theme_id", "theme", "authorities", "events"]
    return pd.DataFrame(recurring_theme_rows(frames, kind), columns=columns).astype({"authorities": int, "events": int})


STATUS_ORDER = ["improved", "reported-complete", "partly-improved", "in-progress", "raised-again", NO_UPDATE]


def status_counts(frames: Frames) -> pd.DataFrame:
    """Latest status of each recommendation, counted by authority (zeros included)."""
    # Counted in Python: a group-by and two merges over a few hundred rows cost tens of milliseconds a view.
    counts = Counter(zip(frames.recommendations["authority_id"], frames.recommendations["status_id"], strict=True))
    rows = [
        (aid, name, status, STATUS_LABELS[status], counts.get((aid, status), 0))
        for aid, name in zip(frames.authorities["authority_id"], frames.authorities["authority"], strict=True)
        for status in STATUS_ORDER
    ]
    table = pd.DataFrame(rows, columns=["authority_id", "authority", "status_id", "status", "recommendations"])
    return table.astype({"recommendations": int})  # an integer column even when no authority is chosen


def status_history(frames: Frames) -> pd.DataFrame:
    """For each year, how many recommendations stood at each status at the year's end (or at the records check)."""
    recs, updates = frames.recommendations, frames.updates
    columns = ["year", "as_of", "status_id", "status", "recommendations"]
    if recs.empty:
        return pd.DataFrame(columns=columns)
    made = sorted(zip(recs["date"], recs["rec_id"], strict=True))
    said = sorted(zip(updates["date"], range(len(updates)), updates["rec_id"], updates["status_id"], strict=True))
    rows = []
    latest: dict[str, str] = {}
    m = u = 0
    for year in range(int(recs["date"].dt.year.min()), int(frames.checked.year) + 1):
        as_of = min(pd.Timestamp(year=year, month=12, day=31), frames.checked)
        while u < len(said) and said[u][0] <= as_of:  # updates in date order: the last one by then is the status
            latest[said[u][2]] = said[u][3]
            u += 1
        while m < len(made) and made[m][0] <= as_of:
            m += 1
        counts: dict[str, int] = {}
        for _, rec_id in made[:m]:
            status = latest.get(rec_id, NO_UPDATE)
            counts[status] = counts.get(status, 0) + 1
        rows += [(year, as_of, status, STATUS_LABELS[status], counts.get(status, 0)) for status in STATUS_ORDER]
    return pd.DataFrame(rows, columns=columns)


def open_recommendations(frames: Frames) -> pd.DataFrame:
    """Recommendations nobody has reported done, oldest first, with their age at the records check."""
    recs = frames.recommendations
    open_ = recs[~recs["status_id"].isin(CLOSED_STATUSES)]
    return open_.sort_values("age_days", ascending=False, kind="stable").reset_index(drop=True)
