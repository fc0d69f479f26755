"""Reading an Ofsted report's PDF into clean page text, refusing files that are not readable reports."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 30 * 1024 * 1024  # Ofsted's reports are under 1 MB; anything far larger is not one
MAX_PAGES = 150  # the longest SIF report we hold has 49 pages

# Word's symbol-font bullets come out of the PDF as private-use characters; dashes and quotes vary by template.
_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2500": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\u25fc": "\u2022",
        "\uf06e": "\u2022",
        "\uf0a7": "\u2022",
        "\uf0b7": "\u2022",
        "\uf0be": "\u2022",
        "\u25aa": "\u2022",
        "\u25a0": "\u2022",
        "\uf02d": "-",
    }
)
BULLET = "\u2022"


class ReportUnreadable(Exception):
    """The file is not a readable Ofsted report; the message says why, for the curator."""


def read_pages(path: Path | str) -> list[str]:
    """The text of every page, normalised (straight quotes, one bullet character); raise ReportUnreadable."""
    path = Path(path)
    data = _read_bytes(path)
    try:
        import pypdf
        from pypdf.errors import DependencyError, FileNotDecryptedError
    except ImportError as exc:  # pragma: no cover - pypdf is a pinned requirement
        raise ReportUnreadable(f"{path}: pypdf is not installed ({exc}); run make run or make test first") from None
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its recoverable-structure warnings are noise here
    try:
        import io

        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not _opens_without_password(reader):
            raise ReportUnreadable(f"{path}: the PDF is encrypted with a password, so its text cannot be read")
        if len(reader.pages) > MAX_PAGES:
            raise ReportUnreadable(
                f"{path}: {len(reader.pages)} pages is far longer than any inspection report; is this the right file?"
            )
        pages = [(page.extract_text() or "").translate(_TRANSLATE) for page in reader.pages]
    except ReportUnreadable:
        raise
    except (DependencyError, FileNotDecryptedError):
        raise ReportUnreadable(f"{path}: the PDF is encrypted, so its text cannot be read") from None
    except Exception as exc:
        raise ReportUnreadable(f"{path}: the PDF could not be read ({type(exc).__name__}: {exc})") from None
    if not any(page.strip() for page in pages):
        raise ReportUnreadable(
            f"{path}: no text could be read from the PDF (blank pages, or a scan without a text layer)"
        )
    return pages


def _read_bytes(path: Path) -> bytes:
    if not path.is_file():
        raise ReportUnreadable(f"{path}: no such file")
    size = path.stat().st_size
    if size == 0:
        raise ReportUnreadable(f"{path}: the file is empty")
    if size > MAX_BYTES:
        raise ReportUnreadable(f"{path}: {size // (1024 * 1024)} MB is far larger than any Ofsted report")
    data = path.read_bytes()
    if not data.lstrip()[:5] == b"%PDF-":
        raise ReportUnreadable(f"{path}: not a PDF (it does not start with %PDF-)")
    # A PDF ends with %%EOF; a download cut short does not, and pypdf would otherwise read what it can silently.
    if b"%%EOF" not in data[-2048:]:
        raise ReportUnreadable(f"{path}: the PDF is incomplete (no end-of-file marker): download it again")
    return data


def _opens_without_password(reader) -> bool:
    """Many PDFs are encrypted with an empty password only to restrict editing; those read normally."""
    try:
        return bool(reader.decrypt(""))
    except Exception:
        return False


@dataclass(frozen=True)
class Page:
    number: int  # as printed on the page (so a citation is right in a page cut from a report), else its position
    lines: list[str]


def clean_pages(pages: list[str]) -> list[Page]:
    """Each page as lines, without the page number and running header repeated at the top of every page."""
    split = [[line.rstrip() for line in page.splitlines()] for page in pages]
    headers = _running_headers(split)
    cleaned = []
    for index, lines in enumerate(split):
        body = list(lines)
        printed = None
        # Drop blank lines, bare page numbers and (after the title page) running headers from the top of the page.
        while body and (not body[0].strip() or body[0].strip().isdigit() or (index and _key(body[0]) in headers)):
            top = body.pop(0).strip()
            found = re.search(r"(?:^|\s)(\d{1,3})$", top)
            if found and printed is None and (top.isdigit() or _key(top) in headers):
                printed = int(found.group(1))
        cleaned.append(Page(printed or index + 1, body))
    return cleaned


def _key(line: str) -> str:
    return re.sub(r"\s+\d{1,3}$", "", line.strip()).casefold()


def _running_headers(split: list[list[str]]) -> set[str]:
    """Lines found near the top of at least half the pages after the first (the ILACS reports' title and dates)."""
    later = split[1:]
    if len(later) < 2:
        return set()
    counts: dict[str, int] = {}
    for lines in later:
        top = [_key(line) for line in lines if line.strip()][:4]
        for key in set(top):
            if key and not key.isdigit():
                counts[key] = counts.get(key, 0) + 1
    return {key for key, count in counts.items() if count >= 2 and count * 2 >= len(later) and len(key) > 3}
