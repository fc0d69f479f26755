"""Tables as files people open in spreadsheets, made safe first, and the names every download is saved under.
Plain Python (no Streamlit)."""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import math
import numbers
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

# A spreadsheet runs a cell starting with one of these as a formula (CSV injection): OWASP's list and ASVS
# 1.2.10's NUL, plus the full-width forms some Excel input methods also treat as formula signs.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\0", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# Windows will not create a file with one of these names, whatever its extension.
_RESERVED_NAMES = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def neutralise(value: object) -> object:
    """Text a spreadsheet would run as a formula, prefixed with an apostrophe so it stays text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _is_list(value: object) -> bool:
    # Lists from the frames; arrays where a table has been through Arrow (as Streamlit hands tables back).
    return isinstance(value, (list, tuple, np.ndarray))


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of frame with list cells joined, and every text cell (and header) that could run as a formula neutralised."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(lambda v: neutralise(", ".join(map(str, v)) if _is_list(v) else v))
    safe.columns = [neutralise(str(c)) for c in safe.columns]
    return safe


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a byte-order mark, so Excel shows accented names correctly.

    Every text field is quoted (numbers are not): a spreadsheet that splits on a semicolon, tab, pipe or space
    instead of the comma (European Excel and LibreOffice often do) keeps a quoted field whole, so text such as
    `x;=1+1` cannot leave a cell starting with `=` behind it. The leading apostrophe handles the rest.
    """
    return spreadsheet_safe(frame).to_csv(index=False, quoting=csv.QUOTE_NONNUMERIC).encode("utf-8-sig")


# Columns whose cells are web addresses: links on screen and in Excel, numbers into a pack's list of sources.
URL_COLUMNS = frozenset(
    {
        "source",
        "sources",
        "url",
        "source_url",
        "source link",
        "source of the recommendation",
        "source of the latest status",
    }
)
# What a web link is, everywhere: links on screen, in Excel and in a pack (the records allow only these on load).
WEB_LINK_PATTERN = r"^https?://[^\s\"'<>]+$"
_WEB_LINK = re.compile(WEB_LINK_PATTERN, re.IGNORECASE)


def is_web_link(url: str) -> bool:
    """Whether url is a plain http(s) address, the only kind any download makes clickable."""
    return bool(_WEB_LINK.match(url))


@dataclass(frozen=True)
class About:
    """What an Excel download's About sheet says: what the table is, what the filters chose, where it comes from,
    when the records were checked against their sources, and how to cite it."""

    title: str
    filters: str = ""
    source: str = ""
    checked: str = ""
    cite: str = ""
    notes: tuple[str, ...] = ()


_MONTHS = "|".join(calendar.month_name[1:])
_EXACT_DATE = re.compile(rf"^(\d{{1,2}}) ({_MONTHS}) (\d{{4}})$")
_DATE_FORMAT = "d mmmm yyyy"
_LINE_POINTS = 15  # one line of 11 pt text: spreadsheets do not grow a row for wrapped text on opening
_HEADER_FILL = "#12436D"  # the Analysis Function's dark blue; white on it is 10:1
_LINK_BLUE = "#0563C1"  # Office's own colour for a link
_CHARS_PER_WIDTH = 1.2  # a column width unit holds about this many characters of proportional text
_DATE_WIDTH = 17  # "30 September 2025"
_MAX_WIDTH, _MIN_WIDTH = 60, 8  # characters
_ABOUT_WIDTH = 90  # characters
_LONGEST_LINK = 2079  # Excel's limit for a link's address; a longer address is kept as text
# Characters an .xlsx file cannot hold (XML 1.0 refuses the C0 controls but tab, newline and return).
_ILLEGAL_CHARACTERS = re.compile(r"[\000-\010\013\014\016-\037]")
# Strings are written as strings: never read as formulas, numbers or links (links are only written as links).
_WORKBOOK_OPTIONS = {
    "in_memory": True,
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
}


def excel_date(value: object) -> dt.date | None:
    """A day-exact date label ("11 June 2019") or timestamp as a date; None for anything less exact ("June 2019",
    "2019", "11 June 2019 (not confirmed)"), which stays the honest text rather than an invented day."""
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and (match := _EXACT_DATE.match(value)):
        day, month, year = int(match[1]), list(calendar.month_name).index(match[2]), int(match[3])
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    return None


def excel_bytes(sheets: dict[str, pd.DataFrame], about: About | Sequence[str] | None = None) -> bytes:
    """An .xlsx workbook: an About sheet first, then one sheet per table with a bold, filled, frozen header and
    autofilter, columns sized to their text, day-exact dates as real dates and web addresses as links.

    about is an About, or (older callers) lines of notes. Every text cell, the About sheet's included, is
    neutralised (see neutralise) so none can run as a formula.

    Written with XlsxWriter, which writes each cell once with its format: openpyxl, which builds every cell and
    style as objects first, took three times as long (1.9 against 0.6 s for every record's workbook), and Excel
    files are made while a visitor waits for the download."""
    if about is not None and not isinstance(about, About):
        notes = [str(n) for n in about]
        about = About(title=notes[0] if notes else "", notes=tuple(notes[1:]))
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, _WORKBOOK_OPTIONS)
    formats = _Formats(book)
    used: set[str] = {"about"}
    names = [_sheet_name(name, used) for name in sheets]
    _about_sheet(book.add_worksheet("About"), formats, about, names)
    for name, frame in zip(names, sheets.values(), strict=True):
        _table_sheet(book.add_worksheet(name), formats, spreadsheet_safe(frame))
    book.close()
    return buffer.getvalue()


class _Formats:
    """The workbook's cell formats, made once per workbook (XlsxWriter's formats belong to one workbook)."""

    def __init__(self, book: xlsxwriter.Workbook) -> None:
        top = {"valign": "top"}
        wrap = {**top, "text_wrap": True}
        link = {"font_color": _LINK_BLUE, "underline": 1}
        self.header = book.add_format({**wrap, "bold": True, "font_color": "#FFFFFF", "bg_color": _HEADER_FILL})
        self.label = book.add_format({**wrap, "bold": True})
        self.top, self.wrap = book.add_format(top), book.add_format(wrap)
        self.link, self.wrapped_link = book.add_format({**top, **link}), book.add_format({**wrap, **link})
        # a date reads as text does, not as a number
        self.date = book.add_format({**top, "num_format": _DATE_FORMAT, "align": "left"})


def _text(value: object) -> object:
    """A cell value a workbook can hold: neutralised, without the control characters Excel refuses."""
    if isinstance(value, str):
        return neutralise(_ILLEGAL_CHARACTERS.sub("", value))
    return value


def _write(sheet: Worksheet, row: int, column: int, value: object, text_format: Format, date_format: Format) -> None:
    """One cell: a real date if the day is known, a number, or neutralised text (never a formula)."""
    date = excel_date(value)
    if date is not None:
        sheet.write_datetime(row, column, date, date_format)
    elif isinstance(value, bool | np.bool_):
        sheet.write_boolean(row, column, bool(value), text_format)
    elif isinstance(value, numbers.Real) and math.isfinite(value):
        sheet.write_number(row, column, value, text_format)
    else:
        sheet.write_string(row, column, _text(str(value)), text_format)


def _about_sheet(sheet: Worksheet, formats: _Formats, about: About | None, tables: list[str]) -> None:
    about = about or About(title="")
    rows: list[tuple[str, object]] = [
        ("Title", about.title),
        ("What it shows", about.filters),
        ("Source", about.source),
        ("Records checked", excel_date(about.checked) or about.checked),
        ("How to cite", about.cite),
        *(("Note", note) for note in about.notes),
        ("Sheets", ", ".join(tables)),
        (
            "Reading it",
            "Dates known to the day are real dates; a date known only to the month or year, or not confirmed, is "
            "kept as written. Web addresses are links; a cell with several sources has a column for each. Text "
            "that a spreadsheet would run as a formula starts with an apostrophe.",
        ),
    ]
    row = 0
    for label, value in rows:
        if value in ("", None):
            continue
        sheet.write_string(row, 0, label, formats.label)
        _write(sheet, row, 1, value, formats.wrap, formats.date)
        sheet.set_row(row, _LINE_POINTS * _lines(str(value), _ABOUT_WIDTH))
        row += 1
    sheet.set_column(0, 0, _width(18))
    sheet.set_column(1, 1, _width(_ABOUT_WIDTH + 2))
    _print_setup(sheet, repeat_header=False)


def _width(characters: float) -> float:
    """XlsxWriter's width for a column whose file says `characters` wide, as openpyxl and Excel's files give it:
    XlsxWriter adds the 5-pixel padding of 11 pt Calibri (7 pixels a character) to the width it is given."""
    return characters - 5 / 7


def _lines(value: object, width: int) -> int:
    """About how many lines text takes wrapped at width characters."""
    if not isinstance(value, str) or not value:
        return 1
    return sum(max(1, -(-len(line) // width)) for line in value.splitlines() or [""])


def _print_setup(sheet: Worksheet, *, repeat_header: bool) -> None:
    """Printed, a sheet fits the width of a landscape A4 page, and a table repeats its header row on each page."""
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    if repeat_header:
        sheet.repeat_rows(0)


def _link_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """frame with each web-address column split into one column per address (Source, Source 2, ...), since a
    spreadsheet cell holds one link."""
    out: dict[str, pd.Series] = {}
    for column in frame.columns:
        values = frame[column]
        tokens = values.map(lambda v: str(v).split() if isinstance(v, str) else [v])
        addresses = all(isinstance(t, str) and ":" in t for cell in tokens for t in cell)  # scheme:..., not words
        if str(column).lower() not in URL_COLUMNS or not addresses:  # words, not addresses: leave them whole
            out[column] = values
            continue
        for n in range(max(tokens.map(len).max() if len(tokens) else 1, 1)):
            out[column if n == 0 else f"{column} {n + 1}"] = tokens.map(lambda t, n=n: t[n] if n < len(t) else "")
    return pd.DataFrame(out, index=frame.index)


def _table_sheet(sheet: Worksheet, formats: _Formats, frame: pd.DataFrame) -> None:
    frame = _link_columns(frame)
    widths = [len(str(c)) for c in frame.columns]
    rows = list(frame.itertuples(index=False))
    for values in rows:
        for n, value in enumerate(values):
            if not _is_blank(value):
                longest = (
                    _DATE_WIDTH
                    if excel_date(value) is not None
                    else max((len(line) for line in str(value).splitlines()), default=0)
                )
                widths[n] = max(widths[n], longest)
    wrap = [width > _MAX_WIDTH for width in widths]
    for n, column in enumerate(frame.columns):
        sheet.write_string(0, n, _text(str(column)), formats.header)
        sheet.set_column(n, n, _width(min(max(widths[n], _MIN_WIDTH), _MAX_WIDTH) + 2))
    wrapped = [n for n, wraps in enumerate(wrap) if wraps]
    for number, values in enumerate(rows, start=1):
        for n, value in enumerate(values):
            if _is_blank(value):
                continue
            text = formats.wrap if wrap[n] else formats.top  # a row's cells read from the same top line
            if isinstance(value, str) and is_web_link(value) and len(value) <= _LONGEST_LINK:
                link = formats.wrapped_link if wrap[n] else formats.link
                if sheet.write_url(number, n, value, link, string=_text(value)) >= 0:
                    continue  # else one link too many for a sheet: kept as text
            _write(sheet, number, n, value, text, formats.date)
        lines = max((_lines(values[n], int(_MAX_WIDTH * _CHARS_PER_WIDTH)) for n in wrapped), default=1)
        if lines > 1:
            sheet.set_row(number, min(_LINE_POINTS * lines, 409))  # Excel's tallest row
    sheet.freeze_panes(1, 0)
    _print_setup(sheet, repeat_header=True)
    if frame.columns.size:
        sheet.autofilter(0, 0, len(rows), frame.columns.size - 1)


def _is_blank(value: object) -> bool:
    """Nothing to write: an empty cell, as a spreadsheet has it, for missing values and empty text."""
    if isinstance(value, str):
        return value == ""
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value)


def _sheet_name(name: str, used: set[str]) -> str:
    clean = re.sub(r"[\[\]:*?/\\]", " ", name).strip()[:31] or "Sheet"
    candidate, n = clean, 2
    while candidate.lower() in used:
        candidate = f"{clean[:28]} {n}"
        n += 1
    used.add(candidate.lower())
    return candidate


def safe_filename(*parts: str, extension: str) -> str:
    """A file name safe on Windows, macOS and Linux: lower-case ASCII words joined by hyphens and underscores."""
    words = []
    for part in parts:
        ascii_part = unicodedata.normalize("NFKD", str(part)).encode("ascii", "ignore").decode()
        slug = re.sub(r"[^a-z0-9]+", "-", ascii_part.lower()).strip("-")
        if slug:
            words.append(slug[:60])
    stem = ("_".join(words) or "download")[:150]
    if stem in _RESERVED_NAMES:
        stem += "_download"
    return f"{stem}.{extension.lstrip('.')}"


def view_parts(file_stem: str, authorities: Sequence[str], first_year: int | None, last_year: int | None) -> list[str]:
    """The words of a download's file name: what it is, for which authorities, over which years."""
    parts = [file_stem]
    if authorities:
        parts.append("-".join(authorities) if len(authorities) <= 4 else f"{len(authorities)}-authorities")
    if first_year is not None and last_year is not None:
        parts.append(str(first_year) if first_year == last_year else f"{first_year}-{last_year}")
    return parts


def export_filename(
    file_stem: str,
    extension: str,
    authorities: Sequence[str] = (),
    first_year: int | None = None,
    last_year: int | None = None,
) -> str:
    """A safe file name such as recurring-themes_gateshead-newcastle_2017-2025.png."""
    return safe_filename(*view_parts(file_stem, authorities, first_year, last_year), extension=extension)
