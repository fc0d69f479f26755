"""How to cite a view of the dashboard in a committee paper: one home for the words, plain Python.

The form is the one UK council committee papers commonly use for web sources (Harvard, as in *Cite Them Right*):
author or organisation, (year), title, what it rests on, "Available at:" the address, "(Accessed: date)". The year
is the year the records were checked, the title the chart's own title, and the address the view's page with its
query string, so a reader who opens it sees the same view.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from urllib.parse import urlencode

DASHBOARD = "Ofsted children's services: North East comparisons"
NO_ADDRESS = "(the dashboard's address; copy it from the browser's address bar)"


def day_label(date: dt.date) -> str:
    """2 December 2026."""
    return f"{date.day} {date.strftime('%B %Y')}"


def view_address(page_url: str | None, query: Mapping[str, str]) -> str:
    """The page's address with the view's settings as its query string; commas left readable."""
    if not page_url:
        return NO_ADDRESS
    base = page_url.split("?", 1)[0].split("#", 1)[0]
    return f"{base}?{urlencode(dict(query), safe=',')}" if query else base


def citation(title: str, source: str, checked: dt.date, address: str, accessed: dt.date) -> str:
    """One reference: 'Ofsted children's services: North East comparisons (2026) Title. Source: .... Records checked
    2 December 2026. Available at: https://... (Accessed: 3 December 2026).'"""
    title = title.strip().rstrip(".")
    source = source.strip()
    if "records checked" not in source.lower():
        source = f"{source.rstrip('.')}. Records checked {day_label(checked)}."
    return (
        f"{DASHBOARD} ({checked.year}) {title}. [Online dashboard]. {source} "
        f"Available at: {address} (Accessed: {day_label(accessed)})."
    )
