"""Load and validate a records file in one step: YAML, schema, then checks across records."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from inspections.bundle import MergedYaml, parse_bundle, read_bundle
from inspections.changelog import changelog_problems
from inspections.errors import RecordError, RecordsInvalid, format_path
from inspections.load import LoadedYaml
from inspections.schema import Records
from inspections.vocab import EVENT_KINDS, NO_OVERALL_GRADE_FROM, OVERALL, without_overall_grade

DEFAULT_DATA_PATH = Path(__file__).resolve().parent.parent / "data" / "records.yaml"
DATA_PATH_ENV = "OFSTED_DASHBOARD_DATA"


def data_path() -> Path:
    """The records file the app uses: $OFSTED_DASHBOARD_DATA if set, else the shipped data."""
    override = os.environ.get(DATA_PATH_ENV, "").strip()
    return Path(override) if override else DEFAULT_DATA_PATH


def load_records(path: Path | str | None = None) -> Records:
    """Read, validate and cross-check a records file and the files it includes; raise RecordsInvalid."""
    return validate_loaded(parse_bundle(read_bundle(path or data_path())))


def validate_loaded(loaded: LoadedYaml | MergedYaml) -> Records:
    if not isinstance(loaded.data, dict):
        raise RecordsInvalid(
            [
                RecordError(
                    loaded.file,
                    1,
                    "",
                    "expected a mapping with schema_version, checked, themes, sources and authorities",
                )
            ]
        )
    try:
        records = Records.model_validate(loaded.data)
    except ValidationError as exc:
        raise RecordsInvalid(_schema_errors(exc, loaded)) from None
    errors = [_error_at(loaded, loc, message) for loc, message in cross_check(records)]
    if errors:
        raise RecordsInvalid(errors)
    return records


def _schema_errors(exc: ValidationError, loaded: LoadedYaml | MergedYaml) -> list[RecordError]:
    errors = []
    seen = set()
    for err in exc.errors(include_url=False):
        loc = tuple(part for part in err["loc"] if part != "[key]")
        message = _friendly(err, loc)
        if (loc, message) in seen:
            continue
        seen.add((loc, message))
        errors.append(_error_at(loaded, loc, message))
    return errors


def _error_at(loaded: LoadedYaml | MergedYaml, loc: tuple, message: str) -> RecordError:
    file, line, local = loaded.where(loc)
    return RecordError(file, line, format_path(local), message)


def _friendly(err: dict[str, Any], loc: tuple) -> str:
    kind = err["type"]
    value = err.get("input")
    shown = repr(value) if not isinstance(value, (dict, list)) else type(value).__name__
    if len(shown) > 80:
        shown = shown[:77] + "..."
    if kind == "extra_forbidden":
        return f"unknown key {loc[-1]!r}; check the spelling against docs/records.md"
    if kind == "missing":
        return f"required key {loc[-1]!r} is missing"
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return f"expected one of {expected}; got {shown}"
    if kind == "string_pattern_mismatch":
        if loc and loc[-1] == "ons_code":
            return f"expected an ONS code such as E08000037; got {shown}"
        if loc and loc[-1] == "ofsted_urn":
            return f"expected an Ofsted URN of 5 to 7 digits (quoted); got {shown}"
        return f"expected an id of lower-case letters, digits and single hyphens; got {shown}"
    if kind in ("string_type", "list_type", "dict_type", "model_type", "model_attributes_type"):
        wanted = {"string_type": "text", "list_type": "a list", "dict_type": "a mapping"}.get(kind, "a mapping")
        return f"expected {wanted}; got {shown}"
    if kind == "value_error":
        return str(err.get("ctx", {}).get("error", err["msg"]))
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long" and isinstance(value, str):
        limit = err.get("ctx", {}).get("max_length")
        return f"is {len(value):,} characters long; the limit is {limit:,}"
    if kind == "too_short":
        return "must list at least one item"
    return f"{err['msg']}; got {shown}"


def cross_check(records: Records) -> list[tuple[tuple, str]]:
    """Checks that span records: unique ids, known references, dates in order, areas fit the framework."""
    problems: list[tuple[tuple, str]] = []
    theme_ids = _unique(records.themes, ("themes",), "theme", problems)
    source_ids = _unique(records.sources, ("sources",), "source", problems)
    urls: dict[str, str] = {}
    for i, source in enumerate(records.sources):
        if source.url in urls:
            problems.append(
                ((("sources", i, "url")), f"same address as source {urls[source.url]!r}; cite that source instead")
            )
        urls.setdefault(source.url, source.id)
    _unique(records.authorities, ("authorities",), "authority", problems)
    # Charts and tables are labelled by name: two authorities (or themes) sharing one would be drawn as one.
    _unique_label(records.authorities, "name", ("authorities",), "authority", problems)
    _unique_label(records.themes, "label", ("themes",), "theme", problems)
    if not any(authority.events for authority in records.authorities):
        problems.append(
            (("authorities",), "no authority has an inspection or visit recorded, so there is nothing to show")
        )
    event_ids: set[str] = set()
    rec_ids: set[str] = set()

    def refs(ids: list[str], known: set[str], what: str, loc: tuple) -> None:
        for i, ref in enumerate(ids):
            if ref not in known:
                problems.append(((*loc, i), f"{what} {ref!r} is not declared in the file's {what}s list"))

    for a, authority in enumerate(records.authorities):
        for e, event in enumerate(authority.events):
            here = ("authorities", a, "events", e)
            if event.id in event_ids:
                problems.append(((*here, "id"), f"event id {event.id!r} is used twice"))
            event_ids.add(event.id)
            start, end = event.fieldwork.start, event.fieldwork.end
            if end.latest < start.earliest:
                problems.append(((*here, "fieldwork", "end"), f"fieldwork ends ({end}) before it starts ({start})"))
            if event.published and event.published.latest < end.earliest:
                problems.append(((*here, "published"), f"published ({event.published}) before fieldwork ended ({end})"))
            kind = EVENT_KINDS[event.kind]
            if kind.graded and not event.judgements:
                problems.append(
                    (
                        (*here, "kind"),
                        f"a {event.kind} event is graded: give its judgements (mark them unconfirmed if need be)",
                    )
                )
            problems.extend(_overall_grade_problems(event, here))
            for area in event.judgements:
                if area not in kind.areas:
                    allowed = ", ".join(kind.areas) or "none: this kind of event is not graded"
                    problems.append(
                        (
                            (*here, "judgements", area),
                            f"{area!r} is not a judgement of a {event.kind} event; allowed: {allowed}",
                        )
                    )
            refs(event.sources, source_ids, "source", (*here, "sources"))
            for f, finding in enumerate(event.findings):
                refs(finding.themes, theme_ids, "theme", (*here, "findings", f, "themes"))
                refs(finding.sources or [], source_ids, "source", (*here, "findings", f, "sources"))
            for r, rec in enumerate(event.recommendations):
                at = (*here, "recommendations", r)
                if rec.id in rec_ids:
                    problems.append(((*at, "id"), f"recommendation id {rec.id!r} is used twice"))
                rec_ids.add(rec.id)
                refs(rec.themes, theme_ids, "theme", (*at, "themes"))
                for u, update in enumerate(rec.updates):
                    refs(update.sources, source_ids, "source", (*at, "updates", u, "sources"))
                    if update.date.latest < event.reference_date.earliest:
                        problems.append(
                            (
                                (*at, "updates", u, "date"),
                                f"update dated {update.date} is before the event it follows ({event.reference_date})",
                            )
                        )
    return problems + changelog_problems(records)


def _overall_grade_problems(event, here: tuple) -> list[tuple[tuple, str]]:
    """ILACS inspections from April 2026 have no overall grade; earlier graded ones always do."""
    if EVENT_KINDS[event.kind].framework != "ILACS" or not event.judgements:
        return []
    start = event.fieldwork.start
    cut = NO_OVERALL_GRADE_FROM.strftime("%-d %B %Y")
    if without_overall_grade(event.kind, start.earliest) and OVERALL in event.judgements:
        return [
            (
                (*here, "judgements", OVERALL),
                f"fieldwork starts {start}, on or after {cut}: Ofsted gives no overall effectiveness grade "
                "under that framework, so remove it",
            )
        ]
    if not without_overall_grade(event.kind, start.latest) and OVERALL not in event.judgements:
        return [
            (
                (*here, "judgements"),
                f"fieldwork starts {start}, before {cut}: an ILACS inspection then had an overall effectiveness "
                "grade; give it (mark judgements unconfirmed if need be)",
            )
        ]
    return []


def _unique(items: list[BaseModel], loc: tuple, what: str, problems: list) -> set[str]:
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item.id in seen:
            problems.append(((*loc, i, "id"), f"{what} id {item.id!r} is used twice"))
        seen.add(item.id)
    return seen


def _unique_label(items: list[BaseModel], attr: str, loc: tuple, what: str, problems: list) -> None:
    seen: dict[str, str] = {}
    for i, item in enumerate(items):
        label = getattr(item, attr)
        if label.casefold() in seen and seen[label.casefold()] != item.id:
            problems.append(
                ((*loc, i, attr), f"{what} {attr} {label!r} is also used by {what} {seen[label.casefold()]!r}")
            )
        seen.setdefault(label.casefold(), item.id)
