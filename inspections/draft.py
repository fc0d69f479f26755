"""A draft record from an Ofsted report's PDF: `python -m inspections draft PATH.pdf [--authority ID]`.

Everything in the draft is read from the report, or is a suggestion said to be one (themes from
inspections/theme_rules.py, supporting paragraphs by shared wording). What could not be read is left out with a
`# TODO` saying what was not found; nothing is guessed. The curator writes the paraphrases.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from inspections.draft_paragraphs import Suggestion, suggest
from inspections.draft_pdf import ReportUnreadable, clean_pages, read_pages
from inspections.draft_points import Point, find_points
from inspections.draft_report import Cover, read_cover
from inspections.draft_text import Block, blocks
from inspections.theme_rules import ThemeHit, suggest_themes
from inspections.vocab import EVENT_KINDS, NO_OVERALL_GRADE_MONTH, OVERALL, without_overall_grade

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_COUNCIL_WORDS = re.compile(
    r"\b(metropolitan borough council|borough council|city council|county council|council|borough of|city of|the)\b",
    re.I,
)
# Before 2025 no point carries a National Framework tag; from then every one should.
NATIONAL_FRAMEWORK_FROM = dt.date(2025, 1, 1)


@dataclass
class DraftPoint:
    point: Point
    id: str
    themes: list[ThemeHit]
    suggested: list[Suggestion]  # supporting paragraphs by shared wording, where the report cites none
    paragraphs: str  # the citation written into the record
    todo: list[str] = field(default_factory=list)


@dataclass
class Draft:
    """A report read into the shape of one event, with a TODO for each field that could not be read."""

    file: str
    authority: str
    authority_from_report: bool
    cover: Cover
    kind: str
    event_id: str
    source_id: str
    judgements: dict[str, str]
    notes: dict[str, str]  # field -> why it is left out or needs the curator (rendered as comments)
    points: list[DraftPoint]
    numbered_paragraphs: bool


def draft_report(path: Path | str, authority: str | None = None) -> Draft:
    """Read the PDF and draft its event; raise ReportUnreadable with a message for the curator."""
    return draft_from_pages(read_pages(path), str(path), authority)


def draft_from_pages(pages: list[str], file: str, authority: str | None = None) -> Draft:
    """Draft an event from the pages' text (as read_pages returns it); `file` names the report in messages."""
    if authority is not None and not _ID.match(authority):
        raise ReportUnreadable(f"--authority {authority!r}: expected an id such as north-tyneside")
    cleaned = clean_pages(pages)
    try:
        cover = read_cover(cleaned)
    except ReportUnreadable as exc:
        raise ReportUnreadable(f"{file}: {exc}") from None
    all_blocks = blocks(cleaned)
    slug = authority or _slug(cover.council) or "new-authority"
    kind = cover.kind or "ilacs"
    framework = "sif" if cover.framework == "SIF" else "ilacs"
    year = cover.start.year if cover.start else None
    event_id = f"{slug}-{year}-{framework}" if year else f"{slug}-{framework}"
    published_year = (cover.published or cover.end or cover.start or dt.date.today()).year
    notes = dict(cover.missing)
    judgements = _judgements(cover, kind, notes)
    if not cover.kind:
        notes["kind"] = _kind_note(cover)
    if not cover.published:
        notes["published"] = "the report does not print its publication date; take it from Ofsted's reports page"
    if authority is None:
        notes["authority"] = (
            f"the id {slug!r} is made from the council's name on the report; pass --authority ID to use the "
            "authority's id in the records"
        )
    draft = Draft(
        file=file,
        authority=slug,
        authority_from_report=authority is None,
        cover=cover,
        kind=kind,
        event_id=event_id,
        source_id=f"{slug}-ofsted-{published_year}-{framework}",
        judgements=judgements,
        notes=notes,
        points=[],
        numbered_paragraphs=any(b.kind == "paragraph" for b in all_blocks),
    )
    draft.points = _draft_points(all_blocks, draft, year)
    if not draft.points:
        notes["recommendations"] = "no 'What needs to improve' or recommendations list was found"
    return draft


def _slug(council: str | None) -> str:
    if not council:
        return ""
    words = _COUNCIL_WORDS.sub(" ", council)
    return re.sub(r"[^a-z0-9]+", "-", words.casefold()).strip("-")


def _kind_note(cover: Cover) -> str:
    days = f"fieldwork ran {(cover.end - cover.start).days + 1} days" if cover.start and cover.end else "no dates"
    return (
        "the report does not say whether this was a short or a standard inspection, so the kind is left as "
        f"ilacs ({days}; a short inspection's fieldwork is one week, a standard one's two): check Ofsted's "
        "statistics (python -m inspections crosscheck) and write ilacs-short or ilacs-standard"
    )


def _judgements(cover: Cover, kind: str, notes: dict[str, str]) -> dict[str, str]:
    areas = EVENT_KINDS[kind].areas
    found = {area: cover.judgements[area] for area in areas if area in cover.judgements}
    if cover.framework == "ILACS":
        expected = ["leaders", "help-and-protection"]
        if "children-in-care-and-care-leavers" not in found:
            expected += ["children-in-care", "care-leavers"]
        for area in expected:
            if area not in found:
                notes[area] = "not found in the judgement table on the first page"
        if cover.start and without_overall_grade(kind, cover.start):
            if OVERALL in found:
                notes[OVERALL] = (
                    f"the report prints an overall grade ({found.pop(OVERALL)}), but inspections with fieldwork "
                    f"from {NO_OVERALL_GRADE_MONTH} have none and the validator refuses one: check the report"
                )
            else:
                notes[OVERALL] = (
                    f"none: the framework from {NO_OVERALL_GRADE_MONTH} gives no overall effectiveness grade"
                )
        elif OVERALL not in found:
            notes[OVERALL] = "not found in the judgement table on the first page"
    return found


def _draft_points(all_blocks: list[Block], draft: Draft, year: int | None) -> list[DraftPoint]:
    points = find_points(all_blocks, draft.cover.framework)
    paragraphs = {b.number: b.text for b in all_blocks if b.kind == "paragraph" and b.number is not None}
    own = {p.number for p in points if p.number is not None}
    lscb_first = min((p.number for p in points if p.number and p.section.startswith("LSCB")), default=None)
    tagged = any(p.tag_text for p in points) or bool(
        draft.cover.start and draft.cover.start >= NATIONAL_FRAMEWORK_FROM and draft.cover.framework == "ILACS"
    )
    out = []
    for index, point in enumerate(points, start=1):
        rec_id = f"{draft.authority}-{year}-r{index}" if year else f"{draft.authority}-r{index}"
        candidates = _candidates(paragraphs, own, point, lscb_first)
        suggested = [] if point.cited or point.throughout else suggest(point.wording, paragraphs, candidates)
        drafted = DraftPoint(
            point, rec_id, suggest_themes(point.wording, point.section), suggested, _citation(point, suggested)
        )
        if not drafted.themes:
            drafted.todo.append("themes: no theme rule matched the point's wording; choose from data/records.yaml")
        if point.tag_text and not point.national_framework:
            drafted.todo.append(f"national_framework: the tag {point.tag_text!r} matches none of ours")
        elif tagged and not point.tag_text and draft.cover.framework == "ILACS":
            drafted.todo.append("national_framework: no National Framework tag found after the point")
        if not paragraphs:
            drafted.todo.append("paragraphs: the report does not number its paragraphs; cite pages instead")
        out.append(drafted)
    return out


def _candidates(paragraphs: dict[int, str], own: set[int], point: Point, lscb_first: int | None) -> set[int]:
    """The paragraphs that could support a point: not the recommendations themselves, and on the point's side of
    the report (the LSCB review's findings follow its recommendations; the local authority's come before them)."""
    numbers = set(paragraphs) - own
    if lscb_first is None:
        return numbers
    if point.section.startswith("LSCB"):
        return {n for n in numbers if n > lscb_first}
    return {n for n in numbers if n < lscb_first}


def _citation(point: Point, suggested: list[Suggestion]) -> str:
    if point.number is not None:
        where = f"{point.section} (p. {point.page}), para {point.number}"
    elif point.section == "What needs to improve":
        where = f"What needs to improve (p. {point.page})"
    else:
        where = f"{point.section}, item {point.position} (p. {point.page})"
    if point.throughout:
        return f"{where}; throughout the report"
    support = list(point.cited) or sorted(s.number for s in suggested)
    if not support:
        return where
    label = "para" if len(support) == 1 else "paras"
    return f"{where}; {label} {', '.join(str(n) for n in support)}"
