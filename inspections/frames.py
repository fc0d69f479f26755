"""Tidy pandas frames built from validated records: one row per event, judgement, finding, recommendation, update."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from inspections.dates import span_label
from inspections.frame_columns import frame_of
from inspections.labels import (
    NOT_CONFIRMED_LABEL,
    date_bounds,
    date_label,
    event_label,
    field_flagged,
    short_text,
    status_history_text,
    timestamp,
)
from inspections.schema import Records
from inspections.vocab import (
    CLOSED_STATUSES,
    EVENT_KINDS,
    EVIDENCE,
    FINDING_KINDS,
    GRADE_RANK,
    GRADES,
    JUDGEMENT_AREAS,
    NATIONAL_FRAMEWORK_SHORT,
    NO_UPDATE,
    STATUS_LABELS,
    overall_grade_note,
)


@dataclass(frozen=True)
class Frames:
    """Every table the pages draw from. Built once per records file and cached by the app."""

    authorities: pd.DataFrame
    events: pd.DataFrame
    judgements: pd.DataFrame
    findings: pd.DataFrame
    recommendations: pd.DataFrame
    updates: pd.DataFrame
    sources: pd.DataFrame
    themes: pd.DataFrame
    checked: pd.Timestamp
    changes: pd.DataFrame  # the change log of the records (data/changes.yaml), newest first


def build_frames(records: Records) -> Frames:
    sources = records.sources_by_id()
    theme_labels = records.theme_labels()
    checked = pd.Timestamp(records.checked)

    def urls(ids: list[str]) -> str:
        return " ".join(sources[i].url for i in ids)

    def publishers(ids: list[str]) -> str:
        return "; ".join(dict.fromkeys(sources[i].publisher for i in ids))

    authorities, events, judgements, findings, recs, updates = [], [], [], [], [], []
    for authority in records.authorities:
        authorities.append(
            {
                "authority_id": authority.id,
                "authority": authority.name,
                "ons_code": authority.ons_code,
                "ofsted_urn": authority.ofsted_urn or "",
                "checked": pd.Timestamp(authority.checked or records.checked),
            }
        )
        for event in authority.events:
            kind = EVENT_KINDS[event.kind]
            # The event's date as everywhere else: publication, or the end of fieldwork where that is not known.
            date_from, date_to = date_bounds(event.reference_date)
            base = {
                "authority_id": authority.id,
                "authority": authority.name,
                "event_id": event.id,
                "event_kind": event.kind,
                "event_label": event_label(event),
            }
            events.append(
                {
                    **base,
                    "kind_label": field_flagged(kind.label, "kind", event),
                    "framework": kind.framework,
                    "graded": bool(event.judgements),
                    "start": pd.Timestamp(event.fieldwork.start.earliest),
                    "end": pd.Timestamp(event.fieldwork.end.latest),
                    "date": timestamp(event.reference_date),
                    "date_from": date_from,
                    "date_to": date_to,
                    "fieldwork": field_flagged(
                        span_label(event.fieldwork.start, event.fieldwork.end), "fieldwork", event
                    ),
                    "published": field_flagged(date_label(event.published), "published", event)
                    if event.published
                    else NOT_CONFIRMED_LABEL,
                    "overall_grade_id": event.judgements.get("overall-effectiveness", ""),
                    "overall_grade": GRADES.get(event.judgements.get("overall-effectiveness", ""), ""),
                    "overall_note": overall_grade_note(event.kind, event.fieldwork.start.earliest, event.judgements),
                    "grades": "; ".join(
                        f"{JUDGEMENT_AREAS[a]}: {field_flagged(GRADES[g], 'judgements', event)}"
                        for a, g in event.judgements.items()
                    ),
                    "unconfirmed": ", ".join(event.unconfirmed),
                    "note": event.note or "",
                    "findings": len(event.findings),
                    "recommendations": len(event.recommendations),
                    "source_url": urls(event.sources),
                    "publisher": publishers(event.sources),
                }
            )
            for area, grade in event.judgements.items():
                judgements.append(
                    {
                        **base,
                        "date": timestamp(event.reference_date),
                        "area_id": area,
                        "area": JUDGEMENT_AREAS[area],
                        "grade_id": grade,
                        "grade": GRADES[grade],
                        "grade_label": field_flagged(GRADES[grade], "judgements", event),
                        "grade_rank": GRADE_RANK[grade],
                        "unconfirmed": "judgements" in event.unconfirmed,
                        "source_url": urls(event.sources),
                    }
                )
            for number, finding in enumerate(event.findings, start=1):
                ids = finding.sources or event.sources
                findings.append(
                    {
                        **base,
                        "date": timestamp(event.reference_date),
                        "date_label": date_label(event.reference_date),
                        "finding_id": f"{event.id}-f{number}",
                        "kind": finding.kind,
                        "kind_label": FINDING_KINDS[finding.kind],
                        "is_recommendation": False,
                        "text": finding.text,
                        "themes": list(finding.themes),
                        "theme_labels": ", ".join(theme_labels[t] for t in finding.themes),
                        "paragraphs": finding.paragraphs or "",
                        "source_url": urls(ids),
                        "publisher": publishers(ids),
                    }
                )
            for rec in event.recommendations:
                ordered = sorted(rec.updates, key=lambda u: u.date.earliest)
                latest = ordered[-1] if ordered else None
                short = short_text(rec.text)
                status = latest.status if latest else NO_UPDATE
                open_ = status not in CLOSED_STATUSES
                recs.append(
                    {
                        **base,
                        "date": timestamp(event.reference_date),
                        "date_label": date_label(event.reference_date),
                        "rec_id": rec.id,
                        "text": rec.text,
                        "short_text": short,
                        "themes": list(rec.themes),
                        "theme_labels": ", ".join(theme_labels[t] for t in rec.themes),
                        "national_framework": NATIONAL_FRAMEWORK_SHORT.get(rec.national_framework or "", ""),
                        "paragraphs": rec.paragraphs or "",
                        "status_id": status,
                        "status": STATUS_LABELS[status],
                        "evidence": EVIDENCE[latest.evidence] if latest else "",
                        "status_date": date_label(latest.date) if latest else "",
                        "status_note": latest.note if latest else "",
                        "status_publisher": publishers(latest.sources) if latest else "",
                        "status_source_url": urls(latest.sources) if latest else "",
                        "history": status_history_text(ordered),
                        "updates": len(rec.updates),
                        "open": open_,
                        "age_days": (checked - timestamp(event.reference_date)).days if open_ else pd.NA,
                        "source_url": urls(event.sources),
                    }
                )
                for update in ordered:
                    updates.append(
                        {
                            "authority_id": authority.id,
                            "authority": authority.name,
                            "event_id": event.id,
                            "rec_id": rec.id,
                            "recommendation": short,
                            "event_label": base["event_label"],
                            "date": timestamp(update.date),
                            "date_from": date_bounds(update.date)[0],
                            "date_to": date_bounds(update.date)[1],
                            "date_label": update.date.label,
                            "status_id": update.status,
                            "status": STATUS_LABELS[update.status],
                            "evidence_id": update.evidence,
                            "evidence": EVIDENCE[update.evidence],
                            "note": update.note,
                            "paragraphs": update.paragraphs or "",
                            "source_url": urls(update.sources),
                            "publisher": publishers(update.sources),
                        }
                    )

    source_rows = [
        {
            "source_id": s.id,
            "title": s.title,
            "publisher": s.publisher,
            "kind": s.kind,
            "url": s.url,
            "published": date_label(s.published),
        }
        for s in records.sources
    ]
    theme_rows = [{"theme_id": t.id, "theme": t.label, "description": t.description} for t in records.themes]
    named = {
        **{s.id: s.title for s in records.sources},
        **{a["authority_id"]: a["authority"] for a in authorities},
        **{e["event_id"]: f"{e['authority']}: {e['event_label']}" for e in events},
        **{r["rec_id"]: f"{r['authority']}: {r['short_text']}" for r in recs},
    }
    change_rows = [
        {
            "date": pd.Timestamp(c.date),
            "date_label": f"{c.date.day} {c.date.strftime('%B %Y')}",
            "what": c.what,
            "records": "; ".join(named.get(i, i) for i in c.records),
            "record_ids": ", ".join(c.records),
            "why": c.why,
            "source_url": urls(c.sources),
            "publisher": publishers(c.sources),
            "commit": c.commit or "",
        }
        for c in sorted(records.changes, key=lambda c: c.date, reverse=True)
    ]

    return Frames(
        authorities=frame_of(authorities, "authorities"),
        events=_sorted(frame_of(events, "events")),
        judgements=_sorted(frame_of(judgements, "judgements")),
        findings=_sorted(frame_of(findings, "findings")),
        recommendations=_sorted(frame_of(recs, "recommendations")),
        updates=_sorted(frame_of(updates, "updates")),
        sources=frame_of(source_rows, "sources"),
        themes=frame_of(theme_rows, "themes"),
        checked=checked,
        changes=frame_of(change_rows, "changes"),
    )


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(["authority", "date"], kind="stable").reset_index(drop=True)
