"""One exhibit: a chart with the table behind it (or a table alone) and its words, what a page's chart block
shows of it, and how a committee pack holds it, split by authority or theme into page-sized parts when the chart
is too tall for a page; and one entry of the pack page's list, named before anything is built."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import pandas as pd
import plotly.graph_objects as go

from components import captions, print_layout
from components.captions import Caption
from components.pack_model import MAX_FIGURE_HEIGHT_CM, TEXT_WIDTH_CM, PackItem
from inspections.frames import Frames


@dataclass(frozen=True)
class Exhibit:
    """One thing an officer can tick: a chart with the table behind it, or a table on its own."""

    key: str
    name: str
    caption: Caption
    figure: go.Figure | None
    table: pd.DataFrame
    file_stem: str
    cites: tuple[str, ...] = ()  # addresses of sources beyond the view's own rows (the region's exhibits)
    # For a chart with a row per authority or theme: the same chart for some of its rows, so a pack can split
    # it across pages, and those rows' names in order.
    lead: str = ""  # a paragraph the pack prints under the heading (the since summary)
    for_rows: Callable[[tuple[str, ...]], go.Figure] | None = None
    rows: tuple[str, ...] = ()

    def on_page(self) -> dict:
        """What a page's chart block shows of this exhibit (its words, chart, table and file names), as the keyword
        arguments of blocks.chart_block: `chart_block(key, **exhibit.on_page(), content_key=...)`."""
        return {"caption": self.caption, "figure": self.figure, "table": self.table, "file_stem": self.file_stem}

    def items(self, *, with_chart: bool, with_table: bool) -> list[PackItem]:
        """This exhibit as pack items, the figure laid out for print: one item, or one per page-sized part when the
        chart is too tall for a page at full width (shrunk to fit, its words would print under 8 pt)."""
        table = self.table if with_table else None
        if not with_chart or self.figure is None:
            return [PackItem(self.key, self.name, self.caption, None, table, self.lead)]
        whole = self._printed(self.figure, self.caption)
        if _fits_a_page(whole) or self.for_rows is None or len(self.rows) < 2:
            return [PackItem(self.key, self.name, self.caption, whole, table, self.lead)]
        parts = _page_sized_parts(self)
        items = []
        for n, (group, printed) in enumerate(parts, start=1):
            which = captions.names(list(group)) if len(group) <= 3 else f"{group[0]} to {group[-1]}"
            part = f"part {n} of {len(parts)}: {which}"
            caption = replace(self.caption, title=f"{self.caption.title} ({part})")
            if n > 1:  # the summary of the whole chart is said once, with its first part
                caption = replace(caption, summary=f"The chart continued ({part}).")
            printed = self._printed(printed, caption)
            last = n == len(parts)
            items.append(
                PackItem(
                    f"{self.key}-{n}", f"{self.name} ({part})", caption, printed, table if last else None, self.lead
                )
            )
        return items

    @staticmethod
    def _printed(figure: go.Figure, caption: Caption) -> go.Figure:
        return print_layout.with_titles(figure, caption.title, caption.subtitle, caption.source)


def _fits_a_page(printed: go.Figure) -> bool:
    """Whether a print-laid-out figure fits under its heading on an A4 page at the full text width."""
    return printed.layout.height / printed.layout.width <= MAX_FIGURE_HEIGHT_CM / TEXT_WIDTH_CM


def _page_sized_parts(exhibit: Exhibit) -> list[tuple[tuple[str, ...], go.Figure]]:
    """The fewest runs of consecutive rows whose charts each fit a page (down to one row a part)."""
    names = exhibit.rows
    assert exhibit.for_rows is not None
    for count in range(2, len(names) + 1):
        size = -(-len(names) // count)
        groups = [names[i : i + size] for i in range(0, len(names), size)]
        parts = [(g, exhibit.for_rows(g)) for g in groups]
        if all(_fits_a_page(exhibit._printed(f, exhibit.caption)) for _, f in parts):
            return parts
    return parts


@dataclass(frozen=True)
class Entry:
    """What the pack page lists before anything is built: a name, whether it has a chart, and how to build it."""

    key: str
    name: str
    has_chart: bool
    shown: Callable[[Frames], bool]  # whether the view has anything to show in it
    build: Callable[..., Exhibit | None]  # (frames, view, options), or (frames) for the whole region
    whole_region: bool = False  # built from every authority's records, whatever the sidebar chooses
    needs_since: bool = False  # offered only when the reader has set a since date
