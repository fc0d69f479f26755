"""Dates that may be known only to the month or the year.

Sources often say "a focused visit in September 2021". Recording that as 2021-09-01 would invent a day,
so a PartialDate keeps the precision it was given and says so when shown.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """Read YYYY, YYYY-MM or YYYY-MM-DD (a YAML date or a bare year also work)."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            raise ValueError("expected a date without a time (YYYY-MM-DD)")
        if isinstance(value, dt.date):
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise ValueError("expected a date: YYYY-MM-DD, YYYY-MM or YYYY")
        match = _PATTERN.match(value.strip())
        if not match:
            raise ValueError(f"expected a date: YYYY-MM-DD, YYYY-MM or YYYY, got {value!r}")
        year, month, day = (int(g) if g else None for g in match.groups())
        if not 1900 <= year <= 2100:
            raise ValueError(f"year {year} is out of range (1900-2100)")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month {month} does not exist in {value!r}")
        if day is not None:
            try:
                dt.date(year, month, day)
            except ValueError:
                raise ValueError(f"{value!r} is not a real date") from None
        return cls(year, month, day)

    @property
    def earliest(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    @property
    def midpoint(self) -> dt.date:
        """Where to draw a date of uncertain day on a time axis."""
        return self.earliest + (self.latest - self.earliest) / 2

    @property
    def is_exact(self) -> bool:
        return self.day is not None

    @property
    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    @property
    def label(self) -> str:
        """As a councillor would write it: 11 June 2019, September 2021 or 2012."""
        if self.day:
            return f"{self.day} {calendar.month_name[self.month]} {self.year}"
        if self.month:
            return f"{calendar.month_name[self.month]} {self.year}"
        return str(self.year)

    def __str__(self) -> str:
        return self.iso


def span_label(start: PartialDate, end: PartialDate) -> str:
    """'2 to 6 December 2024', 'April to May 2019', or a single label when they match."""
    if start == end:
        return start.label
    if start.is_exact and end.is_exact and start.year == end.year:
        if start.month == end.month:
            return f"{start.day} to {end.label}"
        return f"{start.day} {calendar.month_name[start.month]} to {end.label}"
    return f"{start.label} to {end.label}"
