"""A report's text as blocks: headings, numbered paragraphs, bullets and plain text, each with its page."""

from __future__ import annotations

import re
from dataclasses import dataclass

from inspections.draft_pdf import BULLET, Page

# Full-line headings that end a paragraph or a list. Matched on whole lines only, because the same words also
# start lines inside paragraphs ("leadership, management and governance are inadequate because ...").
_HEADINGS = [
    r"what needs to improve\??\s*\d?",
    r"the experiences and progress of (children|care)\b.{0,90}",
    r"the impact of leaders on social work practice.{0,60}",
    r"recommendations",
    r"summary for children( and young people)?",
    r"summary",
    r"inspection findings( - the local safeguarding children board)?",
    r"information about this (inspection|local authority)",
    r"executive summary",
    r"the local safeguarding children board \(lscb\)",
    r"the local safeguarding children board (is|requires)\b.{0,40}",
    r"section \d+: .{0,80}?[^\d\s]",  # not the contents page's "Section 1: the Local Authority 3"
    r"areas for improvement",
    r"what does the local authority need to improve\?",
    r"key strengths and weaknesses of the lscb",
    r"leadership, management and governance\s*\w*( \w+){0,4}",
    r"the office for standards in education, children's services and skills \(ofsted\).*",
]
_HEADING = re.compile("^(?:" + "|".join(_HEADINGS) + r")\s*$", re.IGNORECASE)
_NUMBERED = re.compile(r"^(\d{1,3})\.\s+(\S.*)$")
# A footnote starts "1 Ofsted produces ..." (a number without a full stop) after a blank line near the page foot.
_FOOTNOTE = re.compile(r"^\d{1,2} [A-Z][a-z]")
END_OF_REPORT = "the office for standards in education"


@dataclass
class Block:
    kind: str  # heading | paragraph | bullet | text
    page: int  # the page number printed on it
    lines: list[str]
    number: int | None = None  # a numbered paragraph's number

    @property
    def text(self) -> str:
        return join_lines(self.lines)


def join_lines(lines: list[str]) -> str:
    """Lines of a block as one line: a line ending in a hyphen joins the next without a space (multi-agency)."""
    out = ""
    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            continue
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[:1].isalnum():
            out += line
        else:
            out = f"{out} {line}" if out else line
    return out


def strip_footnotes(lines: list[str]) -> list[str]:
    """A page's lines up to its footnotes, which would otherwise run on from the page's last paragraph."""
    for i in range(1, len(lines)):
        if _FOOTNOTE.match(lines[i].strip()) and not lines[i - 1].strip():
            return lines[:i]
    return lines


def is_heading(line: str) -> bool:
    return bool(_HEADING.match(" ".join(line.split())))


def blocks(pages: list[Page]) -> list[Block]:
    """Split the cleaned pages into blocks. Paragraph numbers must run on from the last one (1, 2, 3 ...), so a
    numbered list elsewhere (the SIF cover's "1. Children who need help and protection Good") is not taken for
    a paragraph; the count starts on the second page, after the cover."""
    out: list[Block] = []
    expected = 1
    ended = False
    for index, sheet in enumerate(pages):
        page = sheet.number
        for raw in strip_footnotes(sheet.lines):
            line = raw.strip()
            if ended or not line:
                continue
            if line.casefold().startswith(END_OF_REPORT):
                ended = True
                continue
            numbered = _NUMBERED.match(line) if index else None
            number = int(numbered.group(1)) if numbered else 0
            # A number may jump ahead only where a section starts (the text layer of a cut or damaged report can
            # lose paragraphs); inside a paragraph a wrapped line that happens to start "12. " is not a paragraph.
            in_step = number == expected or (number > expected and bool(out) and out[-1].kind == "heading")
            if numbered and in_step and _plausible(numbered.group(2)):
                out.append(Block("paragraph", page, [numbered.group(2)], number))
                expected = number + 1
            elif line.startswith(BULLET):
                out.append(Block("bullet", page, [line.lstrip(BULLET).strip()]))
            elif is_heading(line):
                out.append(Block("heading", page, [line]))
            elif (out and out[-1].kind in ("paragraph", "bullet", "text")) or (
                out and out[-1].kind == "heading" and _continues_heading(out[-1], line)
            ):
                out[-1].lines.append(line)
            else:
                out.append(Block("text", page, [line]))
    return out


def _plausible(rest: str) -> bool:
    """A paragraph starts with a capital or a figure ("18. 11.5% of children ..."), never a lower-case word."""
    return bool(re.match(r"[A-Z0-9'\"(]", rest))


def _continues_heading(heading: Block, line: str) -> bool:
    """A heading wraps onto a second line ("... help and" / "protection: good"); a sentence does not follow it."""
    text = heading.text
    return len(heading.lines) < 3 and (
        text.endswith((" and", " of", " in", " to", " who", " for", ":")) or (line[:1].islower() and len(line) < 60)
    )
