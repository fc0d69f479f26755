"""What a report's first page says: council, title, fieldwork, lead inspector, framework, kind and grades."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from inspections.draft_pdf import Page, ReportUnreadable
from inspections.draft_text import join_lines

_MONTHS = {name.casefold(): number for number, name in enumerate(calendar.month_name) if name}
_MONTH = "|".join(name for name in calendar.month_name if name)
_DATE_PART = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+({_MONTH}))?(?:,?\s+(\d{{4}}))?\b", re.IGNORECASE)
_GRADE = r"outstanding|good|requires? improvement(?: to be good)?|inadequate"
_GRADE_IDS = {"outstanding": "outstanding", "good": "good", "inadequate": "inadequate"}

# ILACS judgement table rows, most specific first ("children in care and care leavers" before "children in care").
_ILACS_ROWS = [
    ("leaders", r"the impact of leaders on social work practice with children and families"),
    ("help-and-protection", r"the experiences and progress of children who need help and protection"),
    ("children-in-care-and-care-leavers", r"the experiences and progress of children in care and care leavers"),
    ("children-in-care", r"the experiences and progress of children in care"),
    ("care-leavers", r"the experiences and progress of (?:children )?care leavers"),  # Redcar 2026: "children care"
    ("overall-effectiveness", r"overall effectiveness"),
]
# SIF cover rows; the overall grade is the sentence above them, the LSCB review's grade a heading further on.
_SIF_ROWS = [
    ("help-and-protection", r"1\. children who need help and protection"),
    ("children-looked-after", r"2\. children looked after and achieving permanence"),
    ("adoption", r"2\.1 adoption performance"),
    ("care-leavers", r"2\.2 experiences and progress of care leavers"),
    ("leadership", r"3\. leadership, management and governance"),
]
_SIF_OVERALL = [
    rf"children's services in .{{1,80}}? (?:are|is) (?:judged to be )?({_GRADE})",
    r"children's services in .{1,80}? (requires? improvement)",
    rf"the overall judgement is ({_GRADE})",
]
_LSCB = [
    rf"the (?:judgement for the )?effectiveness of the (?:local safeguarding children board|lscb)(?: \(lscb\))? "
    rf"(?:is )?({_GRADE})",
    rf"the local safeguarding children board (?:is )?({_GRADE})",
]


@dataclass
class Cover:
    """What the report says about itself. `missing` holds a sentence for each field that could not be read."""

    framework: str  # ILACS | SIF
    council: str | None = None
    title: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    published: dt.date | None = None
    lead_inspector: str | None = None
    kind: str | None = None  # sif, or ilacs-short / ilacs-standard where the report says which
    judgements: dict[str, str] = field(default_factory=dict)
    lscb_reviewed: bool = False
    missing: dict[str, str] = field(default_factory=dict)


def grade_id(text: str) -> str:
    """Ofsted's grade wording as our grade id ("Requires improvement to be good" -> requires-improvement)."""
    text = " ".join(text.split()).casefold()
    return "requires-improvement" if text.startswith("require") else _GRADE_IDS[text]


def read_cover(sheets: list[Page]) -> Cover:
    """Read the cover fields; raise ReportUnreadable if this is not an ILACS or SIF inspection report."""
    pages = [sheet.lines for sheet in sheets]
    first = join_lines(pages[0]) if pages else ""
    flat = first.casefold()
    if "focused visit" in flat[:400] or "monitoring visit" in flat[:400]:
        raise ReportUnreadable(
            "this is a focused or monitoring visit letter: it has no grades, so write its record by hand "
            "(the draft command reads graded ILACS and SIF inspection reports)"
        )
    if not re.search(r"inspection dates?\s*:", flat):
        raise ReportUnreadable(
            "this does not look like an Ofsted inspection report of children's services: its first page has no "
            "'Inspection dates:' line"
        )
    if re.search(r"judgement\s+grade", flat) or "the impact of leaders on social work practice" in flat:
        cover = Cover("ILACS")
        _ilacs_judgements(first, cover)
        stated = re.search(r"\b(short|standard) inspection\b", " ".join(join_lines(p) for p in pages[:3]), re.I)
        cover.kind = f"ilacs-{stated.group(1).casefold()}" if stated else None
    elif "children who need help and protection" in flat and "leadership, management and governance" in flat:
        cover = Cover("SIF", kind="sif")
        _sif_judgements(first, pages, cover)
    else:
        raise ReportUnreadable(
            "this does not look like an Ofsted ILACS or SIF inspection report: its first page has no judgement "
            "table (ILACS: 'Judgement Grade'; SIF: 'Children who need help and protection ...')"
        )
    _names(pages[0], cover)
    _dates(first, cover)
    _lead_inspector(pages, cover)
    published = re.search(rf"report published:\s*(\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}})", flat, re.I)
    cover.published = _date(published.group(1)) if published else None
    return cover


def _ilacs_judgements(first: str, cover: Cover) -> None:
    flat = first.casefold()
    taken: list[tuple[int, int]] = []
    for area, label in _ILACS_ROWS:
        for match in re.finditer(rf"{label}\s+({_GRADE})\b", flat):
            if any(start <= match.start() < end for start, end in taken):
                continue  # "children in care" inside a row already read as "children in care and care leavers"
            taken.append((match.start(), match.end()))
            cover.judgements[area] = grade_id(match.group(1))
            break


def _sif_judgements(first: str, pages: list[list[str]], cover: Cover) -> None:
    flat = first.casefold()
    for pattern in _SIF_OVERALL:
        if found := re.search(pattern, flat):
            cover.judgements["overall-effectiveness"] = grade_id(found.group(1))
            break
    else:
        cover.missing["overall-effectiveness"] = "no overall judgement found on the cover"
    for area, label in _SIF_ROWS:
        if found := re.search(rf"{label}\s+({_GRADE})\b", flat):
            cover.judgements[area] = grade_id(found.group(1))
        else:
            cover.missing[area] = "not found in the cover's judgement list"
    cover.lscb_reviewed = "review of the effectiveness of the local safeguarding children board" in flat
    if cover.lscb_reviewed:
        for page in pages:
            text = join_lines(page).casefold()
            if found := next((m for p in _LSCB if (m := re.search(p, text))), None):
                cover.judgements["lscb-review"] = grade_id(found.group(1))
                break
        else:
            cover.missing["lscb-review"] = "the report reviews the LSCB but its grade was not found"


def _names(first_lines: list[str], cover: Cover) -> None:
    lines = [" ".join(line.split()) for line in first_lines if line.strip() and not line.strip().isdigit()]
    head: list[str] = []
    for line in lines:
        if re.match(r"inspection dates?\s*:", line, re.I):
            break
        head.append(line)
    text = join_lines(head)
    if found := re.match(r"(Inspection of (.+?) local authority children's services)", text):
        cover.council, cover.title = found.group(2), found.group(1)
    elif head and (found := re.search(r"((?:Re-)?[Ii]nspection of .+)", text)):
        cover.title = re.sub(r"(Board)\d$", r"\1", found.group(1).strip())
        cover.council = text[: found.start()].strip() or None
    if not cover.title:
        cover.missing["title"] = "no title found above the inspection dates"
    if not cover.council:
        cover.missing["council"] = "the council's name was not found on the cover"


def _dates(first: str, cover: Cover) -> None:
    found = re.search(
        r"inspection dates?\s*:\s*(.{4,120}?)(?:lead inspector|report published|children's services|"
        r"the overall judgement|judgement\s+grade|$)",
        first,
        re.I,
    )
    if not found:
        cover.missing["fieldwork"] = "no inspection dates found on the cover"
        return
    parts = dates_in(found.group(1))
    if len(parts) < 2:
        cover.missing["fieldwork"] = f"the inspection dates could not be read: {found.group(1).strip()!r}"
        return
    start, end = parts[0], parts[-1]
    if start > end:
        cover.missing["fieldwork"] = f"the inspection dates run backwards: {found.group(1).strip()!r}"
        return
    cover.start, cover.end = start, end


def dates_in(text: str) -> list[dt.date]:
    """Every date in "5 to 9 December 2022 and 14 to 15 February 2023", each completed from the ones after it."""
    raw = [
        [int(m.group(1)), _MONTHS.get((m.group(2) or "").casefold()), int(m.group(3)) if m.group(3) else None]
        for m in _DATE_PART.finditer(text)
    ]
    month = year = None
    for part in reversed(raw):
        part[1] = part[1] or month
        part[2] = part[2] or year
        month, year = part[1], part[2]
    dates = []
    for day, month_, year_ in raw:
        if month_ is None or year_ is None:
            return []
        try:
            dates.append(dt.date(year_, month_, day))
        except ValueError:
            return []
    return dates


def _date(text: str) -> dt.date | None:
    parts = dates_in(text)
    return parts[0] if len(parts) == 1 else None


def _lead_inspector(pages: list[list[str]], cover: Cover) -> None:
    for page in pages:
        lines = [" ".join(line.split()) for line in page]
        for i, line in enumerate(lines):
            if found := re.match(r"Lead inspector:\s*(.+)", line):
                name = found.group(1).strip()
                following = next((n for n in lines[i + 1 : i + 3] if n), "")
                if re.fullmatch(r"(Her|His) Majesty's Inspector", following) and "Majesty" not in name:
                    name = f"{name}, {following}"
                cover.lead_inspector = name
                return
    cover.missing["lead_inspector"] = "no 'Lead inspector:' line found"
