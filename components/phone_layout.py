"""Charts laid out for a phone's screen, about 360 px wide: the same traces in the same order (so a click still
selects the same point), with shorter labels, smaller type and fewer ticks. The full names stay in the hover
text, the "In words" summary and the table behind each chart.

from components.text_safety import esc
Streamlit tells the server nothing about a visitor's window size, so `is_phone` reads the browser's user
agent: "Mobi" in it is the sign browsers give for a phone (MDN, "Browser detection using the user agent").
"""

from __future__ import annotations

import html
import re

import plotly.graph_objects as go

from components.chart_style import short_authority
from components.text_safety import esc

PHONE_FONT = 12
_LABEL_CHARS = 16  # a y-axis label on a phone: about a third of the screen


def is_phone(user_agent: str | None) -> bool:
    return bool(user_agent) and "Mobi" in user_agent


def shortened(label: str, chars: int = _LABEL_CHARS) -> str:
    """A label cut to fit a phone's axis, ending in an ellipsis where cut; authorities by their short name.
    Takes and gives plotly markup (text escaped)."""
    text = html.unescape(label)
    if " – " in text:  # "Authority – Judgement area": one line each
        authority, area = text.split(" – ", 1)
        return f"{shortened(esc(authority), chars)}<br>{shortened(esc(area), chars)}"
    text = short_authority(text)
    return esc(text if len(text) <= chars else text[: chars - 1].rstrip() + "…")


def phone_figure(fig: go.Figure) -> go.Figure:
    """A copy of fig for a phone's width."""
    phone = go.Figure(fig)
    phone.update_layout(
        font={"size": PHONE_FONT},
        legend={"font": {"size": PHONE_FONT}, "orientation": "h"},
        margin={"l": 4, "r": 4},
    )
    phone.update_yaxes(tickfont={"size": PHONE_FONT})
    for axis in ("x", "y"):
        _shorten_axis(phone, axis)
    title = phone.layout.xaxis.title.text
    if title:  # "Date published (or end of fieldwork ...)": the parenthesis is in the chart's subtitle
        phone.update_xaxes(title={"text": re.sub(r"\s*\(.*\)$", "", title), "font": {"size": PHONE_FONT}})
    if phone.layout.xaxis.type != "category" and not _has_heatmap(phone):
        phone.update_xaxes(nticks=5, dtick=None, tickfont={"size": PHONE_FONT})
    for trace in phone.data:
        if trace.type == "scatter" and trace.mode and "text" in trace.mode and trace.mode != "text":
            trace.mode = "markers"  # labels beside marks collide at this width; shape and colour say the grade
            trace.marker.size = min(trace.marker.size or 12, 14)
        elif trace.type == "scatter" and trace.mode == "text":
            trace.textfont.size = PHONE_FONT  # the counts in matrix cells
        elif trace.type == "bar":
            trace.textfont.size = PHONE_FONT
    # Notes pinned inside the plot (framework bands' names) overlap at this width; the footnote on
    # unconfirmed grades is kept.
    phone.layout.annotations = [a for a in phone.layout.annotations if "confirmed" in str(a.text or "")]
    if _has_heatmap(phone):
        phone.update_xaxes(tickangle=-90, tickfont={"size": PHONE_FONT}, automargin=True)
    return phone


def _has_heatmap(fig: go.Figure) -> bool:
    return any(t.type == "heatmap" for t in fig.data)


def _shorten_axis(fig: go.Figure, axis: str) -> None:
    layout_axis = fig.layout[f"{axis}axis"]
    if layout_axis.ticktext:
        values = list(layout_axis.tickvals) if layout_axis.tickvals is not None else list(layout_axis.ticktext)
        fig.update_layout(
            {f"{axis}axis": {"tickvals": values, "ticktext": [shortened(t) for t in layout_axis.ticktext]}}
        )
        return
    values = [getattr(t, axis, None) for t in fig.data]
    labels = list(dict.fromkeys(v for column in values if column is not None for v in column if isinstance(v, str)))
    if labels:
        fig.update_layout({f"{axis}axis": {"tickvals": labels, "ticktext": [shortened(v) for v in labels]}})
