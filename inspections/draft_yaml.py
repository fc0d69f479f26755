"""A draft event written out as records YAML, with comments for the curator, indented to sit under `events:`."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from inspections.draft import Draft, DraftPoint
from inspections.vocab import EVENT_KINDS, OVERALL

INDENT = "      "  # an event's "- id:" sits six spaces in, under an authority's `events:` in data/authorities/
WIDTH = 116


def render(draft: Draft) -> str:
    """The draft as YAML text: the event, with the source to declare in a comment block above it."""
    out: list[str] = []
    cover = draft.cover
    _comment(
        out,
        "",
        f"Draft record from {Path(draft.file).name}, written by `python -m inspections draft`. Check every line against the "
        f"report. Paste the event under `events:` in data/authorities/{draft.authority}.yaml and declare its "
        "source (below) under `sources:`; write each recommendation in our own words; check the suggested themes "
        "and paragraphs; resolve every TODO; then run `python -m inspections validate`.",
    )
    out.append("#")
    out.append("# The source, for `sources:`:")
    out.append(f"#   - id: {draft.source_id}")
    out.append(
        f"#     title: {_quote(_source_title(draft))}" if cover.title else "#     title: TODO the report's title"
    )
    out.append("#     publisher: Ofsted")
    out.append("#     kind: ofsted-report")
    out.append("#     url: TODO the report's address on Ofsted's site (files.ofsted.gov.uk/v1/file/...)")
    if cover.published:
        out.append(f"#     published: {cover.published.isoformat()}")
    _todo(out, INDENT, draft.notes.get("authority"), "authority")
    out.append(f"{INDENT}- id: {draft.event_id}")
    inner = INDENT + "  "
    _todo(out, inner, draft.notes.get("kind"), "kind")
    out.append(f"{inner}kind: {draft.kind}")
    if cover.title:
        out.append(f"{inner}title: {_quote(cover.title)}")
    if cover.start and cover.end:
        out.append(f"{inner}fieldwork: {{start: {cover.start.isoformat()}, end: {cover.end.isoformat()}}}")
    else:
        _todo(out, inner, draft.notes.get("fieldwork"), "fieldwork")
    if cover.published:
        out.append(f"{inner}published: {cover.published.isoformat()}")
    else:
        _todo(out, inner, draft.notes.get("published"), "published")
    if cover.lead_inspector:
        out.append(f"{inner}lead_inspector: {_quote(cover.lead_inspector)}")
    else:
        _todo(out, inner, draft.notes.get("lead_inspector"), "lead_inspector")
    out.append(f"{inner}sources: [{draft.source_id}]")
    _judgements(out, inner, draft)
    _todo(out, inner, draft.notes.get("recommendations"), "recommendations")
    if draft.points:
        out.append(f"{inner}recommendations:")
        for point in draft.points:
            _point(out, inner + "  ", point)
    return "\n".join(out) + "\n"


def _source_title(draft: Draft) -> str:
    """The report's title, led by the council's name where the title does not already name it."""
    title, council = draft.cover.title or "", draft.cover.council
    return title if not council or council in title else f"{council}: {title}"


def _judgements(out: list[str], inner: str, draft: Draft) -> None:
    areas = EVENT_KINDS[draft.kind].areas
    out.append(f"{inner}judgements:")
    for area in areas:
        if area in draft.judgements:
            out.append(f"{inner}  {area}: {draft.judgements[area]}")
        elif area in draft.notes:
            note = draft.notes[area]
            if area == OVERALL and note.startswith("none:"):
                _comment(out, inner + "  ", f"{area}: {note}")
            else:
                _todo(out, inner + "  ", note, area)


def _point(out: list[str], indent: str, drafted: DraftPoint) -> None:
    point = drafted.point
    where = f"para {point.number}" if point.number is not None else f"point {point.position}"
    _comment(out, indent, f"The report ({point.section}, p. {point.page}, {where}): {point.wording}")
    out.append(f"{indent}- id: {drafted.id}")
    body = indent + "  "
    out.append(f'{body}text: "TODO: the point above in our own words"')
    if drafted.themes:
        reasons = ", ".join(f"{hit.theme} ({_quote(hit.phrase)})" for hit in drafted.themes)
        _comment(out, body, f"themes suggested by inspections/theme_rules.py: {reasons}; check them")
        out.append(f"{body}themes: [{', '.join(hit.theme for hit in drafted.themes)}]")
    for todo in drafted.todo:
        field, _, message = todo.partition(": ")
        _todo(out, body, message, field)
    if point.cited:
        _comment(out, body, "paragraphs: as the report cites them")
    elif drafted.suggested:
        shown = "; ".join(f"para {s.number}: {', '.join(s.shared[:4])}" for s in drafted.suggested)
        _comment(out, body, f"paragraphs suggested as sharing most of the point's words ({shown}); check them")
    out.append(f"{body}paragraphs: {_quote(drafted.paragraphs)}")
    if point.national_framework:
        out.append(f"{body}national_framework: {point.national_framework}")


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _comment(out: list[str], indent: str, text: str) -> None:
    for line in textwrap.wrap(" ".join(text.split()), width=max(40, WIDTH - len(indent) - 2)):
        out.append(f"{indent}# {line}")


def _todo(out: list[str], indent: str, message: str | None, field: str) -> None:
    if message:
        _comment(out, indent, f"TODO {field}: {message}")
