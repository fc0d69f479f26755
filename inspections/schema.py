"""The shape of the records: pydantic models with closed vocabularies and no unknown keys."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    WithJsonSchema,
)

from inspections.dates import PartialDate
from inspections.vocab import (
    EVENT_KINDS,
    EVIDENCE,
    FINDING_KINDS,
    GRADES,
    JUDGEMENT_AREAS,
    NATIONAL_FRAMEWORK,
    SOURCE_KINDS,
    STATUSES,
    UNCONFIRMABLE_FIELDS,
)

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80),
    Field(description="lower-case letters, digits and single hyphens"),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]

DateLike = Annotated[
    PartialDate,
    BeforeValidator(PartialDate.parse),
    PlainSerializer(lambda d: d.iso, return_type=str),
    WithJsonSchema(
        {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$", "description": "YYYY-MM-DD, YYYY-MM or YYYY"}
    ),
]


def _http_url(value: str) -> str:
    """Only web addresses: javascript:, data:, file: and the rest are refused, so a link can only open a page.

    The scheme is written in lower case, so every check downstream (the app's link columns) can match it exactly.
    """
    value = value.strip()
    lowered = value.lower()
    if not lowered.startswith(("https://", "http://")) or len(lowered) < 12 or any(c.isspace() for c in value):
        shown = repr(value) if len(value) <= 60 else repr(value[:57]) + "..."
        raise ValueError(f"expected a web address starting https:// (or http://); got {shown}")
    scheme, rest = value.split("://", 1)
    return f"{scheme.lower()}://{rest}"


Url = Annotated[
    str,
    StringConstraints(max_length=2000),
    AfterValidator(_http_url),
    WithJsonSchema({"type": "string", "pattern": "^https?://\\S+$", "format": "uri", "maxLength": 2000}),
]


def _schema_version(value: object) -> object:
    # Literal[1] alone would take true or 1.0 for 1.
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"expected one of 1; got {value!r}")
    return value


def _exact_date(value: object) -> object:
    """A whole date written YYYY-MM-DD (pydantic alone would read the number 0 as 1 January 1970)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    text = value.strip() if isinstance(value, str) else ""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError(f"expected a date written YYYY-MM-DD; got {value!r}")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a real date") from None


def _vocab(values: dict) -> object:
    return Literal[tuple(values)]  # type: ignore[valid-type]


EventKindId = _vocab(EVENT_KINDS)
AreaId = _vocab(JUDGEMENT_AREAS)
Grade = _vocab(GRADES)
Status = _vocab(STATUSES)
Evidence = _vocab(EVIDENCE)
FindingKind = _vocab(FINDING_KINDS)
SourceKind = _vocab(SOURCE_KINDS)
Unconfirmable = _vocab(dict.fromkeys(UNCONFIRMABLE_FIELDS))
NationalFramework = _vocab(NATIONAL_FRAMEWORK)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Theme(Strict):
    id: Id
    label: ShortText
    description: Text


class Source(Strict):
    id: Id
    title: ShortText
    publisher: ShortText
    kind: SourceKind
    url: Url
    published: DateLike | None = None


class Fieldwork(Strict):
    start: DateLike
    end: DateLike


class StatusUpdate(Strict):
    date: DateLike
    status: Status
    evidence: Evidence
    note: Text
    sources: list[Id] = Field(min_length=1)
    paragraphs: ShortText | None = None


class Recommendation(Strict):
    id: Id
    text: Text
    themes: list[Id] = Field(min_length=1)
    paragraphs: ShortText | None = None
    national_framework: NationalFramework | None = Field(
        default=None, description="the National Framework outcome or enabler the report tags the point with (2025 on)"
    )
    updates: list[StatusUpdate] = Field(default_factory=list)


class Finding(Strict):
    kind: FindingKind
    text: Text
    themes: list[Id] = Field(min_length=1)
    paragraphs: ShortText | None = None
    sources: list[Id] | None = Field(default=None, min_length=1, description="defaults to the event's sources")


class Event(Strict):
    id: Id
    kind: EventKindId
    title: ShortText | None = None
    focus: ShortText | None = Field(default=None, description="the theme Ofsted gave a visit, in its words")
    lead_inspector: ShortText | None = None
    fieldwork: Fieldwork
    published: DateLike | None = None
    unconfirmed: list[Unconfirmable] = Field(default_factory=list)
    note: Text | None = None
    sources: list[Id] = Field(min_length=1)
    judgements: dict[AreaId, Grade] = Field(default_factory=dict)
    findings: list[Finding] = Field(default_factory=list)
    recommendations: list[Recommendation] = Field(default_factory=list)

    @property
    def reference_date(self) -> PartialDate:
        """Publication where known, else the end of fieldwork: what later updates must not precede."""
        return self.published or self.fieldwork.end


ExactDate = Annotated[dt.date, BeforeValidator(_exact_date)]


class Authority(Strict):
    id: Id
    name: ShortText
    ons_code: Annotated[str, StringConstraints(pattern=r"^E0[6-9]\d{6}$|^E1[0-9]\d{6}$")]
    ofsted_urn: Annotated[str, StringConstraints(pattern=r"^\d{5,7}$")] | None = None
    checked: ExactDate | None = Field(
        default=None, description="when this authority's records were last checked against their sources"
    )
    events: list[Event] = Field(default_factory=list)


class Change(Strict):
    """One entry of the records' change log: what changed, in which records, why, and where to check it."""

    date: ExactDate
    what: Text
    records: list[Id] = Field(min_length=1, description="ids of the authorities, events, recommendations or sources")
    why: Text
    sources: list[Id] = Field(default_factory=list, description="declared sources that show the change is right")
    commit: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{7,40}$")] | None = Field(
        default=None, description="the git commit that made the change"
    )


class Records(Strict):
    schema_version: Annotated[Literal[1], BeforeValidator(_schema_version)]
    checked: ExactDate
    themes: list[Theme] = Field(min_length=1)
    sources: list[Source] = Field(min_length=1)
    authorities: list[Authority] = Field(min_length=1)
    changes: list[Change] = Field(default_factory=list, description="the change log (data/changes.yaml)")

    def theme_labels(self) -> dict[str, str]:
        return {t.id: t.label for t in self.themes}

    def sources_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}


def json_schema() -> dict:
    """JSON Schema for editors (YAML language servers use it for completion and checks)."""
    schema = Records.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Ofsted children's services records"
    return schema
