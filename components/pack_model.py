"""The committee pack's content, whatever file it is written to: what goes in it, the words around each item,
tables as printable text, and the page geometry both writers share. Plain Python, no Streamlit."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from components.captions import Caption
from components.downloads import URL_COLUMNS, is_web_link
from components.text_safety import clean_text
from inspections.labels import NOT_CONFIRMED_LABEL

# ---------------------------------------------------------------------------------------------------------------
# What goes in it


@dataclass(frozen=True)
class PackItem:
    """One chart and/or table in a pack, with the words that go with it."""

    key: str
    name: str
    caption: Caption
    figure: go.Figure | None = None  # print-ready (print_layout.with_titles) or None for a table on its own
    table: pd.DataFrame | None = None
    lead: str = ""  # a paragraph under the heading, before the figure or table


@dataclass(frozen=True)
class Pack:
    heading: str
    introduction: str
    scope: str  # what the filters select, in words
    checked: str  # when the records were last checked against their sources
    items: tuple[PackItem, ...]
    sources: pd.DataFrame  # title, publisher, published, url
    produced_by: str = "the Ofsted children's services dashboard for North East councils"
    citation: str = ""  # how to cite the pack's view (inspections.citation)

    @property
    def figures(self) -> list[PackItem]:
        """The items that carry a figure, in order."""
        return [item for item in self.items if item.figure is not None]


# ---------------------------------------------------------------------------------------------------------------
# Text


def paragraphs(text: str) -> list[str]:
    """Text split into paragraphs at blank lines, each cleaned; empty ones dropped."""
    return [clean_text(p).strip() for p in re.split(r"\n\s*\n", text or "") if clean_text(p).strip()]


def about_text(pack: Pack) -> str:
    """The paragraph under the pack's heading: what it shows, when the records were checked, where it comes from."""
    return clean_text(
        f"What this pack shows: {pack.scope}. Records checked against their sources on {pack.checked}. "
        f"Produced with {pack.produced_by}, from Ofsted's published inspection reports and letters and councils' "
        "own papers; findings are summarised in the dashboard's own words. Sources are listed at the end."
    )


def figure_words(item: PackItem) -> str:
    """A figure's caption: its summary in words, less the sentence that repeats the title, because the picture
    already carries its title, subtitle and source. Each thing is said once."""
    summary, title = clean_text(item.caption.summary).strip(), clean_text(item.caption.title).strip().rstrip(".")
    shorter = re.sub(rf"\s*{re.escape(title)}\.?$", "", summary).strip() if title else summary
    return shorter or summary


def table_label(item: PackItem, figure_no: int) -> str:
    """A table's caption: the numbers behind its figure, or what a table on its own holds (not its heading again)."""
    if item.figure is not None:
        return f"The numbers behind figure {figure_no}"
    summary = clean_text(item.caption.summary).strip()
    return re.sub(r"^Table of ", "", summary).rstrip(".") or clean_text(item.name)


def source_numbers(sources: pd.DataFrame) -> dict[str, int]:
    """Each source URL's number in the pack's closing list (1-based)."""
    return {url: n for n, url in enumerate(sources["url"], start=1)}


def printable_table(table: pd.DataFrame, numbers: Mapping[str, int]) -> pd.DataFrame:
    """A table as text for print: URLs replaced by their numbers in the sources list ([3]), lists joined."""
    out = pd.DataFrame({str(c): table[c].map(clean_text) for c in table.columns})
    for column in out.columns:
        if column.lower() in URL_COLUMNS:
            out[column] = out[column].map(lambda cell: _cite(cell, numbers))
    return out


def _cite(cell: str, numbers: Mapping[str, int]) -> str:
    refs = [f"[{numbers[url]}]" if url in numbers else url for url in cell.split()]
    return " ".join(dict.fromkeys(refs))


def source_entry(row: pd.Series) -> str:
    """One source as a line of the closing list: title, publisher, date."""
    published = clean_text(row.get("published"))
    date = f", {published}" if published and published != NOT_CONFIRMED_LABEL else ""
    return f"{clean_text(row['title'])}. {clean_text(row['publisher'])}{date}."


def web_link(url: str) -> str | None:
    """url cleaned, if it is a plain http(s) address a reader may follow; None otherwise."""
    cleaned = clean_text(url)
    return cleaned if is_web_link(cleaned) else None


# ---------------------------------------------------------------------------------------------------------------
# Pages


A4_WIDTH_CM, A4_HEIGHT_CM, MARGIN_CM = 21.0, 29.7, 2.5
PT_PER_CM = 72 / 2.54
TEXT_WIDTH_CM = A4_WIDTH_CM - 2 * MARGIN_CM  # 16 cm: the column the print layout is sized for
LANDSCAPE_TEXT_WIDTH_CM = A4_HEIGHT_CM - 2 * MARGIN_CM  # 24.7 cm, for tables too wide for a portrait page
MAX_FIGURE_HEIGHT_CM = 20.5  # leaves room for the heading and caption on the same page
CELL_POINTS_PER_CHAR = 4.8  # the average width of a character of 8 to 9 pt sans in table cells

LANDSCAPE_HEIGHT_SHARE = (A4_WIDTH_CM - 2 * MARGIN_CM) / (
    A4_HEIGHT_CM - 2 * MARGIN_CM
)  # 0.65: a landscape page's lines
_LINES_PER_PORTRAIT_PAGE = 65  # 9 pt cells on a 24.7 cm text height, less the header row


def table_lines(table: pd.DataFrame, width: float) -> int:
    """About how many lines of text a table takes laid out at width (pt): each row as tall as its fullest cell."""
    widths = table_column_widths(table, width)
    chars = [max(int((w - 6) / CELL_POINTS_PER_CHAR), 1) for w in widths]
    rows = [[str(c) for c in table.columns], *([str(v) for v in row] for row in table.itertuples(index=False))]
    return sum(max((-(-len(cell) // n) or 1 for cell, n in zip(row, chars, strict=True)), default=1) for row in rows)


def is_wide(table: pd.DataFrame) -> bool:
    """Whether a table reads better on landscape pages: it runs past half a portrait page, and its text wraps so
    much less across 24.7 cm than 16 cm that it takes fewer pages even though a landscape page holds fewer lines."""
    portrait = table_lines(table, TEXT_WIDTH_CM * PT_PER_CM)
    if portrait < _LINES_PER_PORTRAIT_PAGE / 2:
        return False
    landscape = table_lines(table, LANDSCAPE_TEXT_WIDTH_CM * PT_PER_CM)
    return landscape / LANDSCAPE_HEIGHT_SHARE < 0.85 * portrait


def picture_size_cm(width_px: float, height_px: float) -> tuple[float, float]:
    """A figure's size on the page: the full text width, or less so a tall one fits under its heading."""
    width = TEXT_WIDTH_CM
    height = width * height_px / width_px
    if height > MAX_FIGURE_HEIGHT_CM:
        width, height = width * MAX_FIGURE_HEIGHT_CM / height, MAX_FIGURE_HEIGHT_CM
    return width, height


def table_column_widths(
    table: pd.DataFrame, width: float, points_per_char: float = CELL_POINTS_PER_CHAR, padding: float = 8
) -> list[float]:
    """Column widths (pt) that add up to width: each at least its longest word (so no word is split, where the
    page allows), the rest shared in proportion to how much text the column holds on average, but no column wider
    than its longest cell needs (what it would not use goes to the others).

    Where the longest words do not fit side by side (a web address pasted into a note), the widest columns are
    narrowed to a common width, so only the over-long words break, not every word of every other column."""
    columns = [[str(c), *map(str, table[c])] for c in table.columns]
    least = [
        max(len(word) for cell in cells for word in (cell.split() or [""])) * points_per_char + padding
        for cells in columns
    ]
    if sum(least) > width * _WORDS_SHARE:
        least = _narrow_widest(least, width * _WORDS_SHARE)
    most = [
        max(max(len(cell) for cell in cells) * points_per_char + padding, w)
        for cells, w in zip(columns, least, strict=True)
    ]
    weights = [sum(len(cell) for cell in cells) / len(cells) + 4 for cells in columns]
    widths, spare = list(least), width - sum(least)
    growing = [n for n in range(len(widths)) if most[n] > widths[n]]
    while spare > 0.01 and growing:  # share out the spare room; a column that is full passes its share on
        share = sum(weights[n] for n in growing)
        given = {n: min(spare * weights[n] / share, most[n] - widths[n]) for n in growing}
        for n, extra in given.items():
            widths[n] += extra
        spare -= sum(given.values())
        growing = [n for n in growing if most[n] - widths[n] > 0.01]
    if spare > 0.01:  # every column holds its longest cell on one line: the rest in proportion to the text
        widths = [w + spare * k / sum(weights) for w, k in zip(widths, weights, strict=True)]
    return widths


_WORDS_SHARE = 0.8  # at most this much of the width goes to whole words; the rest follows how much text there is


def _narrow_widest(widths: list[float], total: float) -> list[float]:
    """widths with the largest lowered to one cap, so that they add up to total (or each is an equal share)."""
    if total <= 0 or not widths:
        return [total / max(len(widths), 1)] * len(widths)
    ordered = sorted(widths)
    below, rest = 0.0, len(ordered)
    for w in ordered:
        cap = (total - below) / rest
        if w >= cap:
            return [min(x, cap) for x in widths]
        below, rest = below + w, rest - 1
    return widths
