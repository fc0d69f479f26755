"""The house style of every chart: the Analysis Function palette (afcharts), grade marks with their own shapes
and status fills with their own patterns (so charts read in greyscale and for colour-blind readers), the
framework eras' bands (their dates from inspections.vocab), one trace per legend entry, text escaping for plotly
labels and the shared layout."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TypeVar

import afcharts.pio_template  # noqa: F401  (registers the "afcharts" plotly template)
import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from afcharts.af_colours import get_af_colours

from components.contrast import INK, PAPER, text_colour_on
from inspections import vocab

CATEGORICAL = get_af_colours("categorical", colour_format="hex", number_of_colours=6)
SEQUENTIAL = get_af_colours("sequential", colour_format="hex")  # darkest first
DARK_BLUE, TURQUOISE, DARK_PINK, ORANGE, DARK_GREY, LIGHT_PURPLE = CATEGORICAL
LIGHT_GREY = "#BFBFBF"
FONT = "Arial, Helvetica, sans-serif"
Style = TypeVar("Style")


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
NO_OVERALL = Mark(DARK_GREY, "hexagon", f"No overall grade (framework from {vocab.NO_OVERALL_GRADE_MONTH})")
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

# The inspection frameworks' eras (inspections.vocab.ERAS) as the timeline shades them: (name, start, end), a long
# name on two lines, the dates as ISO strings (None at an open end).
ERAS = tuple(
    (
        "<br>".join(textwrap.wrap(era.name, 18)),
        era.start.isoformat() if era.start else None,
        era.end.isoformat() if era.end else None,
    )
    for era in vocab.ERAS
)


# The name of a trace drawn only to be clicked (plotly's `meta`): print and phone layouts know it by this tag.
CLICK_TARGET = "click-target"


def _house_template() -> go.layout.Template:
    template = go.layout.Template(pio.templates["afcharts"])
    template.layout.update(
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
    return template


# Every figure this process makes starts from the house template, as plotly's documented default. Plotly gives a
# new figure its default template without checking it property by property (about 0.4 ms); assigning the same
# house layout to each finished figure was checked in full, 4 to 8 ms a figure on every new view. What a chart
# sets itself still wins over the template, as it did over the assigned layout.
HOUSE_TEMPLATE = "ofsted-dashboard"
pio.templates[HOUSE_TEMPLATE] = _house_template()
pio.templates.default = HOUSE_TEMPLATE


# Ofsted's own short forms, as council reports use them; the legend spells each out.
GRADE_SHORT = {"outstanding": "O", "good": "G", "requires-improvement": "RI", "adequate": "A", "inadequate": "I"}


class Rows:
    """Some rows of a frame, read a column at a time as NumPy arrays: what plotly makes of a column anyway. Cheaper
    than the rows as a frame of their own, which pandas builds column by column (a chart is drawn for every view)."""

    def __init__(self, frame: pd.DataFrame, positions: list[int]) -> None:
        self._frame, self._positions = frame, np.array(positions, dtype=np.intp)

    def __len__(self) -> int:
        return len(self._positions)

    def __getitem__(self, column: str) -> np.ndarray:
        return self._frame[column].to_numpy()[self._positions]

    def columns(self, *names: str) -> np.ndarray:
        """These columns side by side, a row per row (as `frame[list(names)].to_numpy()` gives them)."""
        return self._frame[list(names)].to_numpy()[self._positions]


def legend_groups(
    frame: pd.DataFrame, column: str, styles: Mapping[str, Style], *, counted: str | None = None
) -> Iterator[tuple[str, Style, Rows]]:
    """(key, style, rows) for each key of styles, in their order, whose value in column has rows in frame (and a
    total above zero in the `counted` column, if given): one trace each, so every chart's legend keeps the house
    order and never lists an empty entry."""
    # Positions per value in one pass over plain values: a boolean mask per style key, or pandas' group-by and a
    # frame per group, cost more than drawing the traces.
    positions: dict[object, list[int]] = {}
    for i, value in enumerate(frame[column].tolist()):
        positions.setdefault(value, []).append(i)
    totals = frame[counted].tolist() if counted is not None else None
    for key, style in styles.items():
        rows = positions.get(key)
        if rows is None:
            continue
        if totals is not None and sum(totals[i] for i in rows) == 0:
            continue
        yield key, style, Rows(frame, rows)


def short_authority(name: str) -> str:
    """A short heading for a narrow column: 'Newcastle upon Tyne' -> 'Newcastle', 'Stockton-on-Tees' -> 'Stockton'."""
    short = re.sub(r" upon Tyne$|-on-Tees$", "", name)
    return (
        short.replace(" and Cleveland", " & Cleveland")
        .replace("North Tyneside", "N. Tyneside")
        .replace("South Tyneside", "S. Tyneside")
    )


PATTERN_OPACITY = 0.6


def pattern_colour(fill: Fill) -> str:
    """A pattern's strokes in the opposite of the count's colour, so the strokes never blur into the digits and
    the count reads against the strokes too."""
    return PAPER if text_colour_on(fill.colour) == INK else INK
