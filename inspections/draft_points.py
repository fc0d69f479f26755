"""The report's improvement points: ILACS "what needs to improve", SIF recommendations and areas for improvement."""

from __future__ import annotations

import re
from dataclasses import dataclass

from inspections.draft_text import Block
from inspections.vocab import NATIONAL_FRAMEWORK

_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# The National Framework tag closes a point: "(Outcome 1)", "(outcome three)", "(enabler 2, leaders drive ...)",
# "(enabler: the workforce is equipped and effective, national framework)".
_TAG = re.compile(r"\(([^()]*\b(?:outcome|enabler|principles?|national framework)\b[^()]*)\)\s*\.?\s*$", re.I)
_CITED = re.compile(r"\((?:see\s+)?(?:para(?:graph)?s?\.?)\s*([^()]*)\)", re.I)
_THROUGHOUT = re.compile(r"\(\s*throughout\s*\)", re.I)


@dataclass
class Point:
    section: str  # the heading it sits under, as the curated records cite it ("What needs to improve")
    page: int
    position: int  # its place in that list, from 1
    wording: str  # the report's words, without the National Framework tag
    number: int | None = None  # its own paragraph number, where the report numbers its recommendations
    cited: tuple[int, ...] = ()  # the paragraphs the report itself gives for it ("(paragraphs 17, 25 and 80)")
    throughout: bool = False  # the report says the point rests on the whole report ("(Throughout)")
    national_framework: str | None = None
    tag_text: str | None = None  # the tag as printed, kept when it could not be matched to our vocabulary


def find_points(all_blocks: list[Block], framework: str) -> list[Point]:
    """Every improvement point, in report order, with the section it is listed in."""
    points: list[Point] = []
    lscb = False
    current: str | None = None
    for block in all_blocks:
        if block.kind == "heading":
            heading = block.text.casefold()
            if "local safeguarding" in heading or "lscb" in heading:
                lscb = True
            current = _section(heading, framework, lscb)
            continue
        if current is None or block.kind not in ("paragraph", "bullet"):
            continue
        position = sum(1 for p in points if p.section == current) + 1
        points.append(_point(block, current, position))
    return points


def _section(heading: str, framework: str, lscb: bool) -> str | None:
    if heading.startswith("what needs to improve"):
        return "What needs to improve"
    if heading == "recommendations" or heading == "areas for improvement":
        name = heading.capitalize()
        return f"LSCB {heading}" if lscb and framework == "SIF" else name
    return None


def _point(block: Block, section: str, position: int) -> Point:
    wording = block.text
    point = Point(section, block.page, position, wording, number=block.number)
    if tag := _TAG.search(wording):
        point.tag_text = tag.group(1).strip()
        point.national_framework = national_framework_id(point.tag_text)
        point.wording = wording[: tag.start()].rstrip()
    cited: list[int] = []
    for found in _CITED.finditer(wording):
        cited.extend(numbers_in(found.group(1)))
    point.cited = tuple(dict.fromkeys(cited))
    point.throughout = bool(_THROUGHOUT.search(wording))
    return point


def numbers_in(text: str) -> list[int]:
    """The numbers in "17, 25, 46, 48 and 80" or "29-33" (a range counts each number in it)."""
    out: list[int] = []
    for first, last in re.findall(r"(\d{1,3})(?:\s*-\s*(\d{1,3}))?", text):
        low, high = int(first), int(last or first)
        out.extend(range(low, high + 1) if 0 <= high - low <= 30 else [low, high])
    return out


def national_framework_id(tag: str) -> str | None:
    """Our id for a printed National Framework tag, by its number or its words; None when it matches neither."""
    text = " ".join(tag.split()).casefold()
    for kind in ("outcome", "enabler"):
        if found := re.search(rf"\b{kind}s?\s*(one|two|three|four|\d)\b", text):
            key = f"{kind}-{_NUMBER_WORDS.get(found.group(1), 0)}"
            return key if key in NATIONAL_FRAMEWORK else None
    for key, label in NATIONAL_FRAMEWORK.items():
        words = label.split(":", 1)[-1].strip().casefold()
        if key != "principles" and words in text:
            return key
    return "principles" if "principle" in text else None
