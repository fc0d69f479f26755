"""Figures: pure functions from DataFrames to plotly Figures. No Streamlit here, so each is unit-tested.

Meaning is never carried by colour alone: grades have their own marker shape and a text label,
statuses their own fill pattern and a count label, so charts read in greyscale print and for
colour-blind readers. Colours are the Government Analysis Function palette (afcharts).
"""

from __future__ import annotations

import html
import math
import re
import textwrap
from dataclasses import dataclass
from functools import cache

import afcharts.pio_template  # noqa: F401  (registers the "afcharts" plotly template)
import pandas as pd
import plotly.graph_objects as go
from afcharts.af_colours import get_af_colours

from components.contrast import INK, PAPER, between, text_colour_on
from inspections.vocab import GRADES, STATUS_LABELS

CATEGORICAL = get_af_colours("categorical", colour_format="hex", number_of_colours=6)
SEQUENTIAL = get_af_colours("sequential", colour_format="hex")  # darkest first
DARK_BLUE, TURQUOISE, DARK_PINK, ORANGE, DARK_GREY, LIGHT_PURPLE = CATEGORICAL
LIGHT_GREY = "#BFBFBF"
FONT = "Arial, Helvetica, sans-serif"


@dataclass(frozen=True)
class Mark:
    colour: str
    symbol: str
    text: str


GRADE_MARKS: dict[str, Mark] = {
    "outstanding": Mark(DARK_BLUE, "star", "Outstanding"),
    "good": Mark(TURQUOISE, "circle", "Good"),
    "requires-improvement": Mark(ORANGE, "diamond", "Requires improvement"),
    "adequate": Mark(LIGHT_PURPLE, "square", "Adequate"),
    "inadequate": Mark(DARK_PINK, "x", "Inadequate"),
}
NO_OVERALL = Mark(DARK_GREY, "hexagon", "No overall grade (framework from April 2026)")
UNGRADED = Mark(DARK_GREY, "circle", "Visit (not graded)")


@dataclass(frozen=True)
class Fill:
    colour: str
    pattern: str


STATUS_FILLS: dict[str, Fill] = {
    "improved": Fill(DARK_BLUE, ""),
    "reported-complete": Fill(TURQUOISE, "/"),
    "partly-improved": Fill(SEQUENTIAL[3], "."),
    "in-progress": Fill(ORANGE, "x"),
    "raised-again": Fill(DARK_PINK, "-"),
    "no-update-found": Fill(LIGHT_GREY, "+"),
}

# Inspection frameworks for children's social care. SIF inspections began in November 2013;
# ILACS replaced them from January 2018.
ERAS = (
    ("Before the SIF", None, "2013-11-01"),
    ("Single inspection<br>framework (SIF)", "2013-11-01", "2018-01-01"),
    ("ILACS", "2018-01-01", None),
)


def esc(text: object) -> str:
    """Text from the records, made safe for plotly's HTML-like labels."""
    return html.escape(str(text), quote=False)


def base_layout(fig: go.Figure, *, height: int) -> go.Figure:
    """The house style (afcharts template, fonts, legend on top), keeping anything already set on fig's layout."""
    existing = fig.layout.to_plotly_json()
    existing.pop("template", None)  # plotly's default, replaced by ours
    fig.layout = _house_layout()
    if existing:
        fig.update_layout(existing)
    fig.layout.height = height
    return fig


@cache
def _house_layout() -> go.Layout:
    # Built once: applying the template and these settings with update_layout cost about 20 ms of CPU per
    # figure (plotly walks the template property by property); assigning a built layout copies it in about 5.
    return go.Layout(
        template="afcharts",
        font={"family": FONT, "size": 15, "color": "#0B0C0C"},
        hovermode="closest",
        hoverlabel={"font": {"size": 14}, "align": "left"},
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        plot_bgcolor="white",
        paper_bgcolor="white",
        legend={
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.0,
            "x": 0,
            "xanchor": "left",
            "itemclick": False,
            "font": {"size": 14},
        },
    )


PRINT_TIMELINE_ROW = 85  # px per authority when a pack splits the timeline across pages: three to a page


def timeline_figure(events: pd.DataFrame, *, row_px: int = 110) -> go.Figure:
    """Every event on a time axis, one row per authority, marked by overall grade (shape, colour and label).

    Events close together in one authority's row are stacked a little apart so neither hides the other.
    A grade that no source confirms is starred and footnoted.
    """
    fig = go.Figure()
    rows = list(dict.fromkeys(events["authority"]))
    events = events.assign(
        mark=events.apply(_event_mark_key, axis=1),
        y=_row_positions(events, rows),
        label_position=_label_positions(events),
    )
    starred = events["unconfirmed"].str.contains("judgements") & events["graded"]
    _add_uncertain_dates(fig, events)
    for key in [*GRADE_MARKS, "no-overall", "ungraded"]:
        group = events[events["mark"] == key]
        if group.empty:
            continue
        mark = _mark(key)
        fig.add_trace(
            go.Scatter(
                x=group["date"],
                y=group["y"],
                mode="markers+text",
                name=mark.text,
                text=[_short_grade(key) + ("*" if star else "") for star in starred[group.index]],
                textposition=list(group["label_position"]),
                textfont={"size": 12, "color": "#0B0C0C"},
                marker={
                    "symbol": mark.symbol,
                    "size": 18,
                    "color": "white" if key == "ungraded" else mark.colour,
                    "line": {"width": 2.5 if key == "ungraded" else 1.5, "color": "#0B0C0C"},
                },
                customdata=group[["authority", "kind_label", "fieldwork", "published"]]
                .map(esc)
                .assign(grades=group["grades"].map(_hover_grades))
                .to_numpy(),
                hovertemplate=(
                    "<b>%{customdata[0]}</b><br>%{customdata[1]}<br>Fieldwork: %{customdata[2]}<br>"
                    "Published: %{customdata[3]}%{customdata[4]}<extra></extra>"
                ),
            )
        )
    _add_eras(fig, events)
    if starred.any():
        _footnote_unconfirmed(fig)
    base_layout(fig, height=160 + row_px * max(len(rows), 1))
    fig.update_yaxes(
        tickvals=list(range(len(rows)))[::-1],
        ticktext=[esc(r) for r in rows],
        title=None,
        showgrid=True,
        gridcolor="#E5E5E5",
        zeroline=False,
        range=[-0.8, len(rows) - 0.4],
    )
    fig.update_xaxes(
        title="Date published (or end of fieldwork where publication is not confirmed)",
        showgrid=True,
        gridcolor="#EFEFEF",
    )
    return fig


def _footnote_unconfirmed(fig: go.Figure) -> None:
    """The key to the star on a grade no source confirms, in the chart itself, so it survives being pasted."""
    fig.add_annotation(
        text="* Grade not confirmed against Ofsted's report",
        xref="paper",
        yref="paper",
        x=1,
        y=0,
        xanchor="right",
        yanchor="bottom",
        xshift=-4,
        showarrow=False,
        font={"size": 12, "color": "#505A5F"},
    )


def _hover_grades(grades: str) -> str:
    """An event's grades for its hover box, one per line; nothing for an ungraded visit."""
    return "".join(f"<br>{esc(part)}" for part in grades.split("; ") if part)


def _add_uncertain_dates(fig: go.Figure, events: pd.DataFrame) -> None:
    """A dashed bar across the whole range for an event the sources date only loosely (for example "2018 to
    2020"), so its mark is not read as a known date."""
    loose = events[events["unconfirmed"].str.contains("fieldwork") & ((events["end"] - events["start"]).dt.days > 180)]
    if loose.empty:
        return
    xs: list = []
    ys: list = []
    for row in loose.itertuples():
        xs += [row.start, row.end, None]
        ys += [row.y, row.y, None]
    fig.add_trace(
        go.Scatter(
            x=xs,
            y=ys,
            mode="lines",
            name="Date known only as a range",
            legendrank=1001,  # drawn first, under the marks, but listed last
            line={"color": "#505A5F", "width": 3, "dash": "dot"},
            hoverinfo="skip",
        )
    )


def _label_positions(events: pd.DataFrame) -> pd.Series:
    """Labels alternate above and below the marks in each row, so neighbours' labels do not collide."""
    order = events.sort_values("date").groupby("authority").cumcount()
    return order.map(lambda n: "top center" if n % 2 == 0 else "bottom center").reindex(events.index)


def _row_positions(events: pd.DataFrame, rows: list[str]) -> pd.Series:
    """Each event's height: its authority's row, nudged down when it falls within months of the one before."""
    positions = pd.Series(0.0, index=events.index)
    for authority, group in events.sort_values("date").groupby("authority", sort=False):
        base = len(rows) - 1 - rows.index(authority)
        offset, previous = 0.0, None
        for index, date in group["date"].items():
            offset = offset - 0.28 if previous is not None and (date - previous).days < 270 and offset > -0.5 else 0.0
            positions[index] = base + offset
            previous = date
    return positions


def _event_mark_key(row: pd.Series) -> str:
    if not row["graded"]:
        return "ungraded"
    for grade, label in GRADES.items():
        if row["overall_grade"] == label:
            return grade
    return "no-overall"


def _mark(key: str) -> Mark:
    return GRADE_MARKS.get(key) or (NO_OVERALL if key == "no-overall" else UNGRADED)


def _short_grade(key: str) -> str:
    return {"requires-improvement": "RI", "no-overall": "No overall", "ungraded": "Visit"}.get(key, _mark(key).text)


def _add_eras(fig: go.Figure, events: pd.DataFrame) -> None:
    if events.empty:
        return
    lo, hi = events["date"].min() - pd.Timedelta(days=300), events["date"].max() + pd.Timedelta(days=300)
    shades = ["#F3F2F1", "#FFFFFF", "#F3F2F1"]
    # Plain shape and annotation dicts set in one update: plotly's add_vrect and add_vline cost several
    # milliseconds each, and this runs for every new view.
    shapes: list[dict] = []
    notes: list[dict] = []
    for (label, start, end), shade in zip(ERAS, shades, strict=True):
        x0 = max(pd.Timestamp(start), lo) if start else lo
        x1 = min(pd.Timestamp(end), hi) if end else hi
        if x0 >= x1:
            continue
        band = {"type": "rect", "xref": "x", "yref": "paper", "x0": x0, "x1": x1, "y0": 0, "y1": 1}
        shapes.append({**band, "fillcolor": shade, "line": {"width": 0}, "layer": "below"})
        if (x1 - x0) / (hi - lo) > 0.12:  # too narrow a slice has no room for its name
            notes.append(
                {
                    "x": x0,
                    "y": 0,
                    "yref": "paper",
                    "xanchor": "left",
                    "yanchor": "bottom",
                    "xshift": 4,
                    "text": label,
                    "showarrow": False,
                    "font": {"size": 12, "color": "#505A5F"},
                }
            )
        if start and lo < pd.Timestamp(start) < hi:
            line = {"type": "line", "xref": "x", "yref": "paper", "x0": start, "x1": start, "y0": 0, "y1": 1}
            shapes.append({**line, "x0": pd.Timestamp(start), "x1": pd.Timestamp(start), "line": _ERA_LINE})
    fig.update_layout(
        shapes=[*fig.layout.shapes, *shapes], annotations=[*fig.layout.annotations, *notes], xaxis_range=[lo, hi]
    )


_ERA_LINE = {"color": "#505A5F", "width": 1, "dash": "dot"}


# Ofsted's own short forms, as council reports use them; the legend spells each out.
GRADE_SHORT = {"outstanding": "O", "good": "G", "requires-improvement": "RI", "adequate": "A", "inadequate": "I"}


def judgements_figure(judgements: pd.DataFrame) -> go.Figure:
    """Every graded judgement area over time, one panel row per area within each authority.

    Marks are labelled with Ofsted's short forms (O, G, RI, A, I), so inspections two years apart keep their
    labels apart and the latest is never cut off at the edge; the full grade is in the legend, hover and table.
    """
    fig = go.Figure()
    judgements = judgements.assign(row=(judgements["authority"] + " – " + judgements["area"]).map(esc))
    rows = list(dict.fromkeys(judgements.sort_values(["authority", "area"])["row"]))
    for grade, mark in GRADE_MARKS.items():
        group = judgements[judgements["grade_id"] == grade]
        if group.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=group["date"],
                y=group["row"],
                mode="markers+text",
                name=f"{mark.text} ({GRADE_SHORT[grade]})",
                text=[GRADE_SHORT[grade] + ("*" if star else "") for star in group["unconfirmed"]],
                textposition="middle right",
                textfont={"size": 12},
                cliponaxis=False,
                marker={
                    "symbol": mark.symbol,
                    "size": 14,
                    "color": mark.colour,
                    "line": {"width": 1.5, "color": "#0B0C0C"},
                },
                customdata=group[["event_label", "area", "grade_label"]].map(esc).to_numpy(),
                hovertemplate="%{customdata[0]}<br>%{customdata[1]}: <b>%{customdata[2]}</b><extra></extra>",
            )
        )
    if judgements["unconfirmed"].any():
        _footnote_unconfirmed(fig)
    base_layout(fig, height=160 + 26 * max(len(rows), 1))
    fig.update_yaxes(categoryorder="array", categoryarray=rows[::-1], title=None, automargin=True)
    fig.update_xaxes(title="Date published", showgrid=True, gridcolor="#EFEFEF")
    if len(judgements):
        # A year's room each side: the latest label sits inside the plot, not over its edge.
        lo, hi = judgements["date"].min(), judgements["date"].max()
        fig.update_xaxes(range=[lo - pd.Timedelta(days=365), hi + pd.Timedelta(days=400)])
    return fig


# The matrix shades a fixed scale of counts, not the largest count shown, so two pasted matrices compare.
MATRIX_TOP = 6
MANY_COLUMNS = 6  # from this many authorities, column headings use short names (full names on hover and in tables)


def short_authority(name: str) -> str:
    """A short heading for a narrow column: 'Newcastle upon Tyne' -> 'Newcastle', 'Stockton-on-Tees' -> 'Stockton'."""
    short = re.sub(r" upon Tyne$|-on-Tees$", "", name)
    return (
        short.replace(" and Cleveland", " & Cleveland")
        .replace("North Tyneside", "N. Tyneside")
        .replace("South Tyneside", "S. Tyneside")
    )


MATRIX_SCALE = ((0.0, "#FFFFFF"), (0.01, SEQUENTIAL[4]), (0.5, SEQUENTIAL[2]), (1.0, SEQUENTIAL[0]))


def matrix_cell_colour(count: int) -> str:
    """The fill of a matrix cell counting this many events, on the fixed scale."""
    return between(list(MATRIX_SCALE), count / MATRIX_TOP)


def _cell_hover(events: int, items: int) -> str:
    if not events:
        return "Not raised at any inspection or visit in this view"
    return (
        f"Raised at {events} inspection{'s' if events != 1 else ''} or visit{'s' if events != 1 else ''}<br>"
        f"{items} finding{'s' if items != 1 else ''} and recommendation{'s' if items != 1 else ''}"
        "<br>Click to list them"
    )


def theme_matrix_figure(matrix: pd.DataFrame) -> go.Figure:
    """Themes (rows) by authorities (columns); each cell's count is written in it, and recurring cells are outlined."""
    themes = list(dict.fromkeys(matrix["theme"]))
    authorities = list(dict.fromkeys(matrix["authority"]))
    grid = matrix.pivot(index="theme", columns="authority", values="events").reindex(index=themes, columns=authorities)
    fig = go.Figure(
        go.Heatmap(
            z=grid.to_numpy(),
            x=[esc(a) for a in authorities],
            y=[esc(t) for t in themes],
            colorscale=[list(stop) for stop in MATRIX_SCALE],
            zmin=0,
            zmax=MATRIX_TOP,
            xgap=3,
            ygap=3,
            showscale=False,  # every cell carries its number, so a colour key would only repeat it
            hoverinfo="skip",
        )
    )
    cells = matrix.assign(authority=matrix["authority"].map(esc), theme=matrix["theme"].map(esc))
    # Counts as a text trace, each in ink or paper chosen for its own cell: plotly's automatic choice left
    # some cells under 4.5:1.
    fig.add_trace(
        go.Scatter(
            x=cells["authority"],
            y=cells["theme"],
            mode="text",
            text=["–" if n == 0 else str(int(n)) for n in cells["events"]],
            textfont={"size": 14, "color": [text_colour_on(matrix_cell_colour(n)) for n in cells["events"]]},
            showlegend=False,
            hoverinfo="skip",
        )
    )
    recurring = cells[cells["recurring"]]
    if len(recurring):
        fig.add_trace(
            go.Scatter(
                x=recurring["authority"],
                y=recurring["theme"],
                mode="markers",
                name="Recurring: raised at two or more inspections or visits (outlined)",
                marker={"symbol": "square-open", "size": 26, "color": "#0B0C0C", "line": {"width": 2.5}},
                hoverinfo="skip",
            )
        )
    # Heatmap cells cannot be selected by a click, so a near-invisible square marks each cell's centre:
    # clicking it selects that cell (the page then lists the findings behind it).
    fig.add_trace(
        go.Scatter(
            x=cells["authority"],
            y=cells["theme"],
            mode="markers",
            marker={"symbol": "square", "size": 28, "color": "rgba(0,0,0,0.01)"},
            customdata=[[_cell_hover(e, i)] for e, i in zip(cells["events"], cells["items"], strict=True)],
            hovertemplate="%{y} – %{x}<br>%{customdata[0]}<extra></extra>",
            showlegend=False,
            selected={"marker": {"color": "rgba(0,0,0,0.01)"}},
            unselected={"marker": {"opacity": 1}},
        )
    )
    base_layout(fig, height=170 + 34 * max(len(themes), 1))
    fig.update_layout(clickmode="event+select", dragmode=False, legend={"y": -0.01, "yanchor": "top"})
    fig.update_yaxes(autorange="reversed", automargin=True, title=None, showgrid=False)
    if len(authorities) >= MANY_COLUMNS:
        headings = [esc(short_authority(a)) for a in authorities]
    else:  # wrapped, so neighbouring long names ("Newcastle upon Tyne North Tyneside") never run together
        headings = [
            "<br>".join(esc(line) for line in textwrap.wrap(a, 11, break_on_hyphens=False)) for a in authorities
        ]
    fig.update_xaxes(
        side="top",
        title=None,
        showgrid=False,
        tickvals=[esc(a) for a in authorities],
        ticktext=headings,
        tickangle=-45 if len(authorities) >= MANY_COLUMNS else 0,
    )
    return fig


PATTERN_OPACITY = 0.6


def pattern_colour(fill: Fill) -> str:
    """A pattern's strokes in the opposite of the count's colour, so the strokes never blur into the digits and
    the count reads against the strokes too."""
    return PAPER if text_colour_on(fill.colour) == INK else INK


def _bar_marker(fill: Fill) -> dict:
    return {
        "color": fill.colour,
        "line": {"color": "#0B0C0C", "width": 1},
        "pattern": {
            "shape": fill.pattern,
            "fillmode": "overlay",
            "fgcolor": pattern_colour(fill),
            "fgopacity": PATTERN_OPACITY,
            "size": 9,
            "solidity": 0.2,
        },
    }


def status_figure(counts: pd.DataFrame) -> go.Figure:
    """Latest status of every recommendation, stacked by authority; each segment has a pattern and a count."""
    fig = go.Figure()
    counts = counts.assign(authority=counts["authority"].map(esc))  # axis labels and %{y} are plotly markup
    authorities = list(dict.fromkeys(counts["authority"]))
    for status, fill in STATUS_FILLS.items():
        group = counts[counts["status_id"] == status]
        if group.empty or group["recommendations"].sum() == 0:
            continue
        fig.add_trace(
            go.Bar(
                y=group["authority"],
                x=group["recommendations"],
                orientation="h",
                name=STATUS_LABELS[status],
                marker=_bar_marker(fill),
                text=[str(n) if n else "" for n in group["recommendations"]],
                textposition="inside",
                insidetextanchor="middle",
                constraintext="none",  # bars are tall enough; plotly would shrink counts to about 8 px
                textfont={"size": 15, "color": text_colour_on(fill.colour)},
                hovertemplate="%{y}<br>" + esc(STATUS_LABELS[status]) + ": %{x}<extra></extra>",
            )
        )
    base_layout(fig, height=200 + 70 * max(len(authorities), 1))
    fig.update_layout(barmode="stack", bargap=0.35)
    fig.update_yaxes(categoryorder="array", categoryarray=authorities[::-1], title=None, automargin=True)
    widest = int(counts.groupby("authority")["recommendations"].sum().max()) if len(counts) else 0
    step = 2 if widest <= 20 else 5 if widest <= 60 else 10  # whole numbers, never crowded
    fig.update_xaxes(title="Number of recommendations", dtick=step, showgrid=True, gridcolor="#E5E5E5")
    return fig


def status_history_figure(history: pd.DataFrame) -> go.Figure:
    """How the chosen recommendations' latest known status changed, year by year."""
    fig = go.Figure()
    for status, fill in STATUS_FILLS.items():
        group = history[history["status_id"] == status]
        if group.empty or group["recommendations"].sum() == 0:
            continue
        fig.add_trace(
            go.Bar(
                x=group["year"],
                y=group["recommendations"],
                name=STATUS_LABELS[status],
                marker=_bar_marker(fill),
                hovertemplate="%{x}: " + esc(STATUS_LABELS[status]) + " %{y}<extra></extra>",
            )
        )
    base_layout(fig, height=420)
    fig.update_layout(barmode="stack", bargap=0.25)
    fig.update_xaxes(title="Year end (latest year: as at the records check)", dtick=1)
    fig.update_yaxes(title="Number of recommendations", showgrid=True, gridcolor="#E5E5E5")
    return fig


# Print layout. A printed figure is laid out PRINT_WIDTH CSS pixels wide. Placed across a 16 cm A4 text column,
# one pixel prints at 0.2 mm, so N px type prints at about 0.57 N pt: 16 px is 9 pt, 14 px is 8 pt.
PRINT_WIDTH = 800
PRINT_TITLE, PRINT_SUBTITLE, PRINT_TEXT, PRINT_SMALL = 24, 17, 16, 14
_EDGE = 16  # white space around the words, px
_LEGEND_ROW = 30  # px per row of a horizontal legend whose markers are up to 18 px


def text_lines(text: str, width_px: float, size: float, *, bold: bool = False) -> list[str]:
    """text wrapped into lines that fit width_px at a font size (a generous estimate of Arial's widths)."""
    per_char = size * (0.55 if bold else 0.5)
    return textwrap.wrap(str(text), max(int(width_px // per_char), 8), break_on_hyphens=False) or [""]


def _line_px(size: float) -> int:
    return math.ceil(size * 1.3)


def _heading_px(title_lines: int, subtitle_lines: int) -> int:
    """Height of the title and subtitle block as plotly.js draws it (measured: a subtitle of several lines is
    lifted by 0.7 em into its padding)."""
    subtitle = 14 + subtitle_lines * _line_px(PRINT_SUBTITLE) if subtitle_lines else 0
    lifted = math.ceil(0.7 * PRINT_SUBTITLE) if subtitle_lines > 1 else 0
    return _EDGE + title_lines * _line_px(PRINT_TITLE) + subtitle - lifted


def _lines_markup(lines: list[str]) -> str:
    return "<br>".join(esc(line) for line in lines)


def with_titles(fig: go.Figure, title: str, subtitle: str, source: str, *, width: int = PRINT_WIDTH) -> go.Figure:
    """A copy of fig laid out for print: its title, subtitle (the filters) and source drawn in, so it stands alone.

    Words are wrapped to the page width, fonts sized to read at A4 width, footnotes moved under the chart, and the
    margins worked out from the wrapped lines so nothing overlaps. Meaning still rests on shapes, patterns and
    labels, never colour alone.
    """
    printed = go.Figure(fig)
    inner = width - 2 * _EDGE
    title_lines = text_lines(title, inner, PRINT_TITLE, bold=True)
    subtitle_lines = text_lines(subtitle, inner, PRINT_SUBTITLE)
    notes = _take_footnotes(printed)
    _drop_click_targets(printed)
    source_lines = [line for text in [*notes, source] for line in text_lines(text, inner, PRINT_SMALL)]
    heading_px = _heading_px(len(title_lines), len(subtitle_lines))
    _print_fonts(printed)
    (left, least_plot_px), right = _print_yaxis(printed, width), _right_margin(printed)
    plot_width = width - left - right
    legend_px = _print_legend(printed, plot_width, top_px=heading_px + 10, height=None)
    top_axis_px, bottom_axis_px = _print_axes(printed, plot_width=plot_width)
    source_px = len(source_lines) * _line_px(PRINT_SMALL) + _EDGE
    if any(t.type == "heatmap" for t in printed.data):  # rows as tight as their labels allow, to fit a page
        plot_px = max(least_plot_px + 20, 220)
    else:
        plot_px = max(int((fig.layout.height or 450) - 70), 220, least_plot_px)
    top = heading_px + 10 + legend_px + top_axis_px + 12
    bottom = bottom_axis_px + 14 + source_px
    height = top + plot_px + bottom
    printed.update_layout(
        width=width,
        height=height,
        margin={"l": left, "r": right, "t": top, "b": bottom, "autoexpand": True},
        title={
            "text": f"<b>{_lines_markup(title_lines)}</b>",
            "subtitle": {"text": _lines_markup(subtitle_lines), "font": {"size": PRINT_SUBTITLE, "color": "#0B0C0C"}},
            "font": {"size": PRINT_TITLE, "color": "#0B0C0C"},
            "x": _EDGE / width,
            "xref": "container",
            "xanchor": "left",
            # plotly.js lifts a title of several lines by 0.7 em; put it back so the first line is not cut off
            "y": 1 - (_EDGE + (0.7 * PRINT_TITLE if len(title_lines) > 1 else 0)) / height,
            "yref": "container",
            "yanchor": "top",
            "pad": {"t": 0, "b": 0, "l": 0},
        },
    )
    _print_legend(printed, plot_width, top_px=heading_px + 10, height=height)
    printed.add_annotation(
        text=_lines_markup(source_lines),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        xshift=-(left - _EDGE),
        yshift=-(bottom_axis_px + 14),
        xanchor="left",
        yanchor="top",
        showarrow=False,
        align="left",
        font={"size": PRINT_SMALL, "color": "#505A5F"},
    )
    return printed


def _take_footnotes(fig: go.Figure) -> list[str]:
    """Remove notes pinned to the plot area (paper x and y) and return their text, to print under the chart."""
    notes = [a for a in fig.layout.annotations if a.xref == "paper" and a.yref == "paper"]
    fig.layout.annotations = [a for a in fig.layout.annotations if a not in notes]
    return [html.unescape(str(a.text).replace("<br>", " ")) for a in notes if a.text]


def _print_fonts(fig: go.Figure) -> None:
    """Every piece of text at least PRINT_SMALL px; axes and legend at PRINT_TEXT."""
    fig.update_layout(font={"size": PRINT_TEXT}, legend={"font": {"size": PRINT_TEXT}}, uniformtext={"minsize": 12})
    fig.update_xaxes(tickfont={"size": PRINT_TEXT}, title={"font": {"size": PRINT_TEXT}})
    fig.update_yaxes(tickfont={"size": PRINT_TEXT}, title={"font": {"size": PRINT_TEXT}})
    for trace in fig.data:
        if trace.type == "scatter":
            trace.cliponaxis = False  # a label at the edge of the plot is drawn whole
        if "textfont" in trace:
            trace.textfont.size = max(trace.textfont.size or 0, PRINT_SMALL)
        if trace.type == "heatmap":
            trace.colorbar.tickfont.size = PRINT_SMALL
            trace.colorbar.title.font.size = PRINT_SMALL
    for annotation in fig.layout.annotations:
        annotation.font.size = max(annotation.font.size or 0, PRINT_SMALL)


def _category_labels(fig: go.Figure, axis: str) -> list[str]:
    """The category labels on an axis ("x" or "y"): its tick text, or the traces' text values; empty for numbers."""
    ticktext = fig.layout[f"{axis}axis"].ticktext
    if ticktext:
        return [str(t) for t in ticktext]
    labels: list[str] = []
    for trace in fig.data:
        values = getattr(trace, axis, None)
        if values is None:
            continue
        labels.extend(str(v) for v in values if isinstance(v, str))
    return labels


def _print_yaxis(fig: go.Figure, width: int) -> tuple[int, int]:
    """Wrap long category labels on the y axis; return the left margin and the least plot height they need."""
    labels = list(dict.fromkeys(_category_labels(fig, "y")))
    yaxis = fig.layout.yaxis
    if not labels:
        return _EDGE + 48 + (_line_px(PRINT_TEXT) + 6 if yaxis.title.text else 0), 0
    wrapped = [text_lines(html.unescape(label), width * 0.4, PRINT_TEXT) for label in labels]
    if any(len(lines) > 1 for lines in wrapped):
        tickvals = list(yaxis.tickvals) if yaxis.tickvals is not None else labels
        fig.update_yaxes(tickvals=tickvals, ticktext=[_lines_markup(lines) for lines in wrapped])
    longest = max(len(line) for lines in wrapped for line in lines)
    deepest = max(len(lines) for lines in wrapped)
    if any(t.type == "heatmap" for t in fig.data):  # cells fill the plot: no padding above the first row
        fig.update_yaxes(range=[len(labels) - 0.5, -0.5], autorange=False)
    return _EDGE + math.ceil(longest * PRINT_TEXT * 0.5) + 16, len(labels) * (deepest * (_line_px(PRINT_TEXT) - 2) + 8)


def _right_margin(fig: go.Figure) -> int:
    if any(t.type == "heatmap" and t.showscale is not False for t in fig.data):
        return _EDGE + 90  # room for the colour bar
    labelled_right = any(
        t.type == "scatter" and t.textposition is not None and "right" in str(t.textposition) for t in fig.data
    )
    return _EDGE + (70 if labelled_right else 8)


def _drop_click_targets(fig: go.Figure) -> None:
    """Remove traces drawn almost transparent so a screen reader can click them: on paper they are only smudges."""
    fig.data = [t for t in fig.data if not _near_invisible(getattr(getattr(t, "marker", None), "color", None))]


def _near_invisible(colour: object) -> bool:
    match = (
        re.fullmatch(r"rgba\(\s*[\d.]+\s*,\s*[\d.]+\s*,\s*[\d.]+\s*,\s*([\d.]+)\s*\)", colour or "")
        if isinstance(colour, str)
        else None
    )
    return bool(match) and float(match.group(1)) < 0.05


def _print_legend(fig: go.Figure, plot_width: int, *, top_px: int, height: int | None) -> int:
    """Put the legend in rows under the subtitle, and return the height it takes (0 with no legend)."""
    names = [t.name for t in fig.data if t.name and t.showlegend is not False and t.type != "heatmap"]
    if not names:
        return 0
    text_px = math.ceil(max(len(n) for n in names) * PRINT_TEXT * 0.5) + 8
    per_row = max(plot_width // (text_px + 46), 1)  # plotly adds the symbol and gaps to each entry's width
    rows = math.ceil(len(names) / per_row)
    if height is not None:
        fig.update_layout(
            legend={
                "orientation": "h",
                "xref": "container",
                "x": _EDGE / (fig.layout.width or PRINT_WIDTH),
                "xanchor": "left",
                "yref": "container",
                "y": 1 - top_px / height,
                "yanchor": "top",
                "entrywidth": text_px,
                "entrywidthmode": "pixels",
                "itemsizing": "constant",
                "tracegroupgap": 0,
            }
        )
    return rows * _LEGEND_ROW + 6


def _print_axes(fig: go.Figure, plot_width: int) -> tuple[int, int]:
    """Wrap axis titles and category labels for print; return the px the axes take above and below the plot."""
    top = bottom = 0
    xaxis = fig.layout.xaxis
    labels = list(dict.fromkeys(_category_labels(fig, "x")))
    tickvals = list(xaxis.tickvals) if xaxis.tickvals is not None else labels
    tick_px = _line_px(PRINT_TEXT) + 8
    if labels:
        column = plot_width / max(len(labels), 1)
        wrapped = [text_lines(html.unescape(label), column - 8, PRINT_TEXT) for label in labels]
        if all(len(line) * PRINT_TEXT * 0.5 <= column - 8 for lines in wrapped for line in lines):
            fig.update_xaxes(
                tickvals=tickvals, ticktext=[_lines_markup(lines) for lines in wrapped], tickangle=0, automargin=True
            )
            tick_px = max(len(lines) for lines in wrapped) * _line_px(PRINT_TEXT) + 10
        else:
            fig.update_xaxes(tickangle=-90, automargin=True)
            tick_px = math.ceil(max(len(html.unescape(label)) for label in labels) * PRINT_TEXT * 0.5) + 14
    title_px = 0
    if xaxis.title.text:
        title_lines = text_lines(html.unescape(xaxis.title.text), plot_width, PRINT_TEXT)
        fig.update_xaxes(title={"text": _lines_markup(title_lines), "standoff": 8})
        title_px = len(title_lines) * _line_px(PRINT_TEXT) + 8
    if xaxis.side == "top":
        top = tick_px + title_px
        bottom = 8
    else:
        bottom = tick_px + title_px
    return top, bottom
