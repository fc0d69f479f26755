"""What a reader has chosen to look at, and how that choice travels in a URL.

Plain Python so the parsing of hostile query strings is tested without a browser.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

MAX_PARAM_LENGTH = 400
KEYS = ("la", "from", "to", "kind", "theme", "since")


@dataclass(frozen=True)
class Options:
    """What can be chosen, taken from the records."""

    authorities: tuple[str, ...]
    kinds: tuple[str, ...]
    themes: tuple[str, ...]
    first_year: int
    last_year: int
    default_authorities: tuple[str, ...] = ()  # what a first visit shows; empty means every authority

    @property
    def starting_authorities(self) -> tuple[str, ...]:
        return self.default_authorities or self.authorities


@dataclass(frozen=True)
class View:
    authorities: tuple[str, ...]
    first_year: int
    last_year: int
    kinds: tuple[str, ...]
    themes: tuple[str, ...]
    since: dt.date | None = None  # the reader's "since" date (their last meeting): marks what is newer, filters nothing

    @classmethod
    def default(cls, options: Options) -> View:
        return cls(options.starting_authorities, options.first_year, options.last_year, options.kinds, options.themes)

    def is_default(self, options: Options) -> bool:
        return self == View.default(options)


class Notice(str):
    """A notice's text, which remembers the parts that repeat what the link said (`quoted`), so the page can show
    those as inert text: a link's values are anybody's words, and may look like web addresses."""

    parts: tuple[tuple[str, bool], ...]

    def __new__(cls, *parts: str | Quoted) -> Notice:
        pieces = tuple((p.text, True) if isinstance(p, Quoted) else (str(p), False) for p in parts)
        notice = super().__new__(cls, "".join(text for text, _ in pieces))
        notice.parts = pieces
        return notice

    @property
    def quoted(self) -> tuple[str, ...]:
        return tuple(text for text, quoted in self.parts if quoted)


@dataclass(frozen=True)
class Quoted:
    """A value from the link, quoted for a notice (shortened, control characters removed)."""

    text: str


@dataclass
class ParsedView:
    view: View
    notices: list[Notice] = field(default_factory=list)


def parse_query(params: Mapping[str, str | Sequence[str]], options: Options) -> ParsedView:
    """Read a view from query parameters; anything odd is dropped with a notice, never an error."""
    view = View.default(options)
    notices: list[str] = []

    for key in params:
        if key not in KEYS:
            notices.append(Notice("Ignored unknown link setting ", _show(key), "."))

    def values(key: str) -> list[str] | None:
        raw = params.get(key)
        if raw is None:
            return None
        items = [raw] if isinstance(raw, str) else list(raw)
        out: list[str] = []
        for item in items:
            if len(item) > MAX_PARAM_LENGTH:
                notices.append(Notice(f"Ignored an overlong value for {key!r}."))
                continue
            out.extend(part.strip() for part in item.split(",") if part.strip())
        return out

    def choose(key: str, allowed: tuple[str, ...], what: str) -> tuple[str, ...] | None:
        got = values(key)
        if got is None:
            return None
        kept = tuple(dict.fromkeys(v for v in got if v in allowed))
        dropped = [v for v in got if v not in allowed]
        if dropped:
            shown = [part for v in dropped[:5] for part in (", ", _show(v))][1:]
            notices.append(Notice(f"Ignored unknown {what} ", *shown, " in the link."))
        if not kept:
            notices.append(Notice(f"No known {what} in the link, so the usual {what} choice is shown."))
            return None
        return kept

    if (chosen := choose("la", options.authorities, "authority")) is not None:
        view = replace(view, authorities=chosen)
    if (chosen := choose("kind", options.kinds, "event kind")) is not None:
        view = replace(view, kinds=chosen)
    if (chosen := choose("theme", options.themes, "theme")) is not None:
        view = replace(view, themes=chosen)

    years = {}
    for key in ("from", "to"):
        got = values(key)
        if not got:
            continue
        value = got[-1]
        if value.isdigit() and len(value) == 4 and options.first_year <= int(value) <= options.last_year:
            years[key] = int(value)
        else:
            notices.append(
                Notice(
                    "Ignored year ",
                    _show(value),
                    f" for {key!r}; records run from {options.first_year} to {options.last_year}.",
                )
            )
    first, last = years.get("from", view.first_year), years.get("to", view.last_year)
    if first > last:
        notices.append(Notice("The link's years were reversed, so they have been swapped."))
        first, last = last, first
    view = replace(view, first_year=first, last_year=last)
    got = values("since")
    if got:
        since = parse_since(got[-1])
        if since is None:
            notices.append(Notice("Ignored the date ", _show(got[-1]), " for 'since'; write it as YYYY-MM-DD."))
        elif not (options.first_year <= since.year and since <= dt.date.today()):
            notices.append(
                Notice(
                    "Ignored the date ",
                    _show(got[-1]),
                    f" for 'since'; choose a day from {options.first_year} to today.",
                )
            )
        else:
            view = replace(view, since=since)
    return ParsedView(view, notices)


def parse_since(value: str) -> dt.date | None:
    """A whole date written YYYY-MM-DD between 1900 and 2100, or None: a since date must be a day, not a month."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return None
    try:
        date = dt.date.fromisoformat(value.strip())
    except ValueError:
        return None
    return date if 1900 <= date.year <= 2100 else None


def to_query(view: View, options: Options) -> dict[str, str]:
    """Query parameters that reproduce view; settings left at their default are omitted to keep links short."""
    params: dict[str, str] = {}
    if view.authorities != options.starting_authorities:
        params["la"] = ",".join(view.authorities)
    if view.first_year != options.first_year:
        params["from"] = str(view.first_year)
    if view.last_year != options.last_year:
        params["to"] = str(view.last_year)
    if view.kinds != options.kinds:
        params["kind"] = ",".join(view.kinds)
    if view.themes != options.themes:
        params["theme"] = ",".join(view.themes)
    if view.since is not None:
        params["since"] = view.since.isoformat()
    return params


def _show(value: str) -> Quoted:
    """A value quoted for a notice: shortened and with control characters removed."""
    clean = "".join(c for c in value if c.isprintable())
    return Quoted(repr(clean[:40] + ("…" if len(clean) > 40 else "")))
