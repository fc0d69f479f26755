"""Tables as files people open in spreadsheets, made safe first. Plain Python (no Streamlit)."""

from __future__ import annotations

import csv
import io
import re
import unicodedata

import pandas as pd

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


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of frame with list cells joined, and every text cell (and header) that could run as a formula neutralised."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(lambda v: neutralise(", ".join(map(str, v)) if isinstance(v, list) else v))
    safe.columns = [neutralise(str(c)) for c in safe.columns]
    return safe


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a byte-order mark, so Excel shows accented names correctly.

    Every text field is quoted (numbers are not): a spreadsheet that splits on a semicolon, tab, pipe or space
    instead of the comma (European Excel and LibreOffice often do) keeps a quoted field whole, so text such as
    `x;=1+1` cannot leave a cell starting with `=` behind it. The leading apostrophe handles the rest.
    """
    return spreadsheet_safe(frame).to_csv(index=False, quoting=csv.QUOTE_NONNUMERIC).encode("utf-8-sig")


def excel_bytes(sheets: dict[str, pd.DataFrame], notes: list[str] | None = None) -> bytes:
    """An .xlsx workbook, one sheet per table, with an 'About' sheet carrying title, source and notes."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        if notes:
            pd.DataFrame({"About this download": [neutralise(n) for n in notes]}).to_excel(
                writer, sheet_name="About", index=False
            )
        used: set[str] = set()
        for name, frame in sheets.items():
            sheet = _sheet_name(name, used)
            spreadsheet_safe(frame).to_excel(writer, sheet_name=sheet, index=False)
    return buffer.getvalue()


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
