"""The draft command against the curated records, on every report we hold.

Run from the repository root:  .venv/bin/python bench/bench_draft.py [--reports DIR] [--only TEXT] [--brief]

For each PDF in ../shared/ofsted-reports/<authority-id>/ it drafts the record exactly as
`python -m inspections draft PDF --authority <authority-id>` prints it, reads that YAML back, and compares it with
the curated event for the same inspection (matched by the publication date in the file name, else by fieldwork
start): fieldwork dates, kind, every grade, the number of improvement points, each point's paragraphs, its
National Framework tag and the suggested themes against the curated ones. Paragraphs are compared as numbers, not
strings: a point's own number where the report numbers its recommendations (SIF), and the paragraphs that support
it (printed by the report, or suggested by shared wording) against the curated ones other than its own number.
Points are paired in report order. A report the parser cannot read is listed with the reason.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from inspections.draft import Draft, draft_report  # noqa: E402
from inspections.draft_paragraphs import cited_items, cited_paragraphs  # noqa: E402
from inspections.draft_pdf import ReportUnreadable  # noqa: E402
from inspections.draft_yaml import render  # noqa: E402
from inspections.records import load_records  # noqa: E402
from inspections.schema import Event  # noqa: E402

REPORTS = ROOT.parent / "shared" / "ofsted-reports"
GRADED = ("sif", "ilacs", "ilacs-short", "ilacs-standard")
AIMS = {"dates": 1.0, "grades": 1.0, "points": 1.0, "paragraphs": 1.0, "recall": 0.8, "precision": 0.6}


@dataclass
class Result:
    name: str
    rows: list[tuple[str, str, str, str]] = field(default_factory=list)  # check, draft, curated, verdict
    counts: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    defeated: str | None = None


def drafted(pdf: Path, authority: str) -> tuple[dict | None, Draft | None, str]:
    """The event as the command prints it (render(draft_report(...)), read back from its YAML), the draft behind
    it, or the command's error message."""
    try:
        draft = draft_report(pdf, authority)
    except ReportUnreadable as exc:
        return None, None, str(exc)
    return yaml.safe_load(render(draft))[0], draft, ""


def curated_event(events: list[Event], pdf: Path, start: str | None) -> tuple[Event | None, str]:
    published = pdf.name[:10]
    graded = [e for e in events if e.kind in GRADED]
    for event in graded:
        if event.published and event.published.iso == published:
            return event, "publication date"
    for event in graded:
        if start and event.fieldwork.start.iso == start:
            return event, "fieldwork start (the file name's date matches no record)"
    return None, ""


def compare(pdf: Path, authority: str, events: list[Event]) -> Result:
    result = Result(f"{authority}/{pdf.name[:10]}")
    draft, made, error = drafted(pdf, authority)
    if draft is None or made is None:
        result.defeated = error or "no output"
        return result
    fieldwork = draft.get("fieldwork") or {}
    start, end = (str(fieldwork.get(k)) if fieldwork.get(k) else None for k in ("start", "end"))
    event, matched = curated_event(events, pdf, start)
    if event is None:
        result.defeated = "no curated record for this inspection"
        return result
    result.notes.append(f"matched {event.id} by {matched}")
    result.notes += [f"TODO {name}: {why}" for name, why in made.notes.items() if name not in ("kind", "published")]
    result.notes += [f"point {i}: TODO {todo}" for i, p in enumerate(made.points, start=1) for todo in p.todo]
    _against_report(result, made, event)
    curated_dates = f"{event.fieldwork.start.iso} to {event.fieldwork.end.iso}"
    _check(result, "dates", "fieldwork", f"{start} to {end}", curated_dates, f"{start} to {end}" == curated_dates)
    _kind(result, draft.get("kind"), event.kind)
    grades = draft.get("judgements") or {}
    for area in dict.fromkeys([*event.judgements, *grades]):
        mine, theirs = grades.get(area, "(none)"), event.judgements.get(area, "(none)")
        _check(result, "grades", area, mine, theirs, mine == theirs)
    _points(result, draft.get("recommendations") or [], event, made)
    return result


def _against_report(result: Result, made: Draft, event: Event) -> None:
    """Where the report prints something the curated record leaves out or gives differently."""
    cover = made.cover
    if cover.lead_inspector and not event.lead_inspector:
        result.notes.append(f"curated record has no lead inspector; the report names {cover.lead_inspector!r}")
    elif cover.lead_inspector and _plain(cover.lead_inspector) != _plain(event.lead_inspector or ""):
        result.notes.append(
            f"lead inspector: the report has {cover.lead_inspector!r}, curated {event.lead_inspector!r}"
        )
    if cover.published and event.published and cover.published.isoformat() != event.published.iso:
        result.notes.append(
            f"the report prints publication {cover.published}; the curated record has {event.published}"
        )
    for index, (point, rec) in enumerate(zip(made.points, event.recommendations, strict=False), start=1):
        printed = set(point.point.cited)
        curated = cited_paragraphs(rec.paragraphs or "") - {point.point.number}
        if printed and not printed <= curated:
            theirs = f"cites paras {_numbers(None, curated)}" if curated else "cites none"
            result.notes.append(
                f"point {index}: the report cites paras {_numbers(None, printed)}; the curated record {theirs} "
                f"({rec.paragraphs!r})"
            )
    if len(made.points) != len(event.recommendations):
        result.notes.append(
            f"the report lists {len(made.points)} points; the curated record has {len(event.recommendations)}"
        )


def _plain(name: str) -> str:
    return re.sub(r"[^a-z ]", "", name.casefold())


def _check(result: Result, total: str, check: str, mine: str, theirs: str, right: bool) -> None:
    result.counts[f"{total}.n"] += 1
    result.counts[f"{total}.right"] += right
    result.rows.append((check, mine, theirs, "right" if right else "WRONG"))


def _kind(result: Result, mine: str, theirs: str) -> None:
    if mine == theirs:
        verdict = "right"
    elif mine == "ilacs" and theirs.startswith("ilacs-"):
        verdict = "left to the curator (the report does not say)"
    else:
        verdict = "WRONG"
    result.counts[f"kind.{verdict.split()[0]}"] += 1
    result.rows.append(("kind", mine, theirs, verdict))


def _points(result: Result, points: list[dict], event: Event, made: Draft) -> None:
    recs = event.recommendations
    found = min(len(points), len(recs))
    result.counts["points.n"] += len(recs)
    result.counts["points.right"] += found
    result.counts["points.extra"] += max(0, len(points) - len(recs))
    verdict = "right" if len(points) == len(recs) else "WRONG"
    result.rows.append(("improvement points", str(len(points)), str(len(recs)), verdict))
    for index, (point, rec) in enumerate(zip(points, recs, strict=False), start=1):
        printed = bool(made.points[index - 1].point.cited)
        _paragraphs(result, index, point.get("paragraphs") or "", rec.paragraphs or "", printed)
        mine, theirs = set(point.get("themes") or []), set(rec.themes)
        result.counts["themes.tp"] += len(mine & theirs)
        result.counts["themes.fp"] += len(mine - theirs)
        result.counts["themes.fn"] += len(theirs - mine)
        missed = f"; missed {', '.join(sorted(theirs - mine))}" if theirs - mine else ""
        extra = f"; extra {', '.join(sorted(mine - theirs))}" if mine - theirs else ""
        shown = f"{len(mine & theirs)}/{len(theirs)} found{missed}{extra}"
        result.rows.append((f"  {index} themes", ", ".join(sorted(mine)), ", ".join(sorted(theirs)), shown))
        if rec.national_framework or point.get("national_framework"):
            mine_tag, their_tag = point.get("national_framework", "(none)"), rec.national_framework or "(none)"
            _check(result, "tags", f"  {index} national framework", mine_tag, their_tag, mine_tag == their_tag)


def _paragraphs(result: Result, index: int, mine: str, theirs: str, printed: bool) -> None:
    """Count and show a point's paragraph checks (see paragraph_checks)."""
    own = _own(mine)
    drafted_support = cited_paragraphs(mine) - {own}
    curated = cited_paragraphs(theirs)
    curated_support = curated - {own}
    checks = paragraph_checks(mine, theirs)
    if curated_support:
        result.counts["support.drafted"] += len(drafted_support)
        result.counts["support.shared"] += len(drafted_support & curated_support)
        result.counts["support.curated"] += len(curated_support)
    if not checks:
        result.counts["paragraphs.incomparable"] += 1
        if drafted_support and not printed:  # printed citations the record lacks are noted already
            result.notes.append(
                f"point {index}: the curated record cites no paragraph numbers ({theirs!r}); the draft has {mine!r}"
            )
        verdict = "not comparable: the curated record cites no paragraph numbers"
    else:
        right = all(ok for _, ok in checks)
        result.counts["paragraphs.n"] += 1
        result.counts["paragraphs.right"] += right
        verdict = "right" if right else "WRONG (" + ", ".join(name for name, ok in checks if not ok) + ")"
    result.rows.append((f"  {index} paragraphs", _numbers(own, drafted_support), _numbers(None, curated), verdict))


def paragraph_checks(mine: str, theirs: str) -> list[tuple[str, bool]]:
    """A point's own paragraph number must agree with the curated one where both give it ("own"), and its
    supporting paragraphs must include at least one curated supporting paragraph where the record cites any
    ("support"). No checks means the curated record gives no paragraph numbers to compare with."""
    own = _own(mine)
    curated = cited_paragraphs(theirs)
    checks = []
    if own is not None and (their_own := _curated_own(theirs, curated)) is not None:
        checks.append(("own", own == their_own))
    if curated_support := curated - {own}:
        checks.append(("support", bool((cited_paragraphs(mine) - {own}) & curated_support)))
    return checks


def _curated_own(citation: str, curated: set[int]) -> int | None:
    """The point's own number as the curated record gives it ("item 3", "no. 3", "recommendation 3", or the one
    paragraph before the first semicolon of "Recommendations (p. 7), para 3; paras 19-22"), if it gives one."""
    items = cited_items(citation)
    if len(items) == 1:
        return next(iter(items))
    head = citation.split(";")[0]
    numbers = cited_paragraphs(head)
    if len(numbers) == 1 and re.search(r"recommendation|improvement", head, re.I):
        return next(iter(numbers))
    return None


def _own(citation: str) -> int | None:
    head = citation.split(";")[0]
    numbers = cited_paragraphs(head)
    return min(numbers) if len(numbers) == 1 else None


def _numbers(own: int | None, support: set[int]) -> str:
    text = ", ".join(str(n) for n in sorted(support))
    return f"own {own}; {text}" if own is not None else text or "(none)"


def share(right: int, total: int) -> str:
    return f"{right}/{total} ({right / total:.0%})" if total else "n/a"


def table(result: Result) -> str:
    lines = [f"\n## {result.name}"]
    if result.defeated:
        return "\n".join([*lines, f"  DEFEATED: {result.defeated}"])
    widths = [max(len(row[i]) for row in result.rows) for i in range(3)]
    widths = [min(w, 44) for w in widths]
    for check, mine, theirs, verdict in [("check", "draft", "curated", "result"), *result.rows]:
        lines.append(f"  {check:<{widths[0]}}  {mine[:44]:<{widths[1]}}  {theirs[:44]:<{widths[2]}}  {verdict}")
    lines += [f"  note: {note}" for note in result.notes]
    return "\n".join(lines)


def totals(results: list[Result]) -> str:
    c = sum((r.counts for r in results), Counter())
    precision = c["themes.tp"] / ((c["themes.tp"] + c["themes.fp"]) or 1)
    recall = c["themes.tp"] / ((c["themes.tp"] + c["themes.fn"]) or 1)
    figures = {
        "dates": (c["dates.right"], c["dates.n"]),
        "grades": (c["grades.right"], c["grades.n"]),
        "points": (c["points.right"], c["points.n"]),
        "paragraphs": (c["paragraphs.right"], c["paragraphs.n"]),
    }
    defeated = [r for r in results if r.defeated]
    lines = ["\n# Totals", f"  reports: {len(results)}, read: {len(results) - len(defeated)}"]
    for name, (right, total) in figures.items():
        met = "met" if total and right / total >= AIMS[name] else "missed"
        lines.append(f"  {name:<11} {share(right, total):<18} aim {AIMS[name]:.0%}: {met}")
    lines.append(
        f"  extra points drafted: {c['points.extra']}; points whose paragraphs the records do not number: "
        f"{c['paragraphs.incomparable']}"
    )
    lines.append(
        f"  supporting paragraphs: {c['support.shared']} of {c['support.drafted']} drafted are curated; "
        f"{c['support.shared']} of {c['support.curated']} curated found"
    )
    lines.append(f"  kind: {c['kind.right']} right, {c['kind.left']} left to the curator, {c['kind.WRONG']} wrong")
    lines.append(f"  national framework tags: {share(c['tags.right'], c['tags.n'])}")
    for name, value in (("recall", recall), ("precision", precision)):
        met = "met" if value >= AIMS[name] else "missed"
        lines.append(f"  themes {name:<9} {value:.2f}  aim {AIMS[name]:.1f}: {met}")
    lines += [f"  defeated: {r.name}: {r.defeated}" for r in defeated]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=Path, default=REPORTS, help="folder of <authority-id>/*.pdf")
    parser.add_argument("--records", type=Path, default=ROOT / "data" / "records.yaml")
    parser.add_argument("--only", default="", help="only reports whose authority/file name contains this")
    parser.add_argument("--brief", action="store_true", help="totals only, without the table per report")
    args = parser.parse_args(argv)
    records = load_records(args.records)
    events = {a.id: a.events for a in records.authorities}
    pdfs = sorted(p for p in args.reports.glob("*/*.pdf") if args.only in f"{p.parent.name}/{p.name}")
    if not pdfs:
        print(f"no reports found under {args.reports}", file=sys.stderr)
        return 1
    began = time.perf_counter()
    results = []
    for pdf in pdfs:
        result = compare(pdf, pdf.parent.name, events.get(pdf.parent.name, []))
        results.append(result)
        if not args.brief:
            print(table(result), flush=True)
    print(totals(results))
    print(f"  {len(pdfs)} reports in {time.perf_counter() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
