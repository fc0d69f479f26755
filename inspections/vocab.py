"""The closed vocabularies of the records, with the labels the app shows, and the inspection frameworks' eras
(the April 2026 rule among them). One place, checked on load."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class EventKind:
    label: str
    short: str
    graded: bool
    framework: str
    areas: tuple[str, ...] = ()


_ILACS_AREAS = (
    "overall-effectiveness",
    "leaders",
    "help-and-protection",
    "children-in-care-and-care-leavers",
    "children-in-care",
    "care-leavers",
)
_SIF_AREAS = (
    "overall-effectiveness",
    "help-and-protection",
    "children-looked-after",
    "adoption",
    "care-leavers",
    "leadership",
    "lscb-review",
)
_PRE_2013_AREAS = ("overall-effectiveness", "capacity-to-improve")

EVENT_KINDS: dict[str, EventKind] = {
    "sif": EventKind("Single inspection framework inspection", "SIF inspection", True, "SIF", _SIF_AREAS),
    "ilacs-standard": EventKind("ILACS standard inspection", "ILACS standard", True, "ILACS", _ILACS_AREAS),
    "ilacs-short": EventKind("ILACS short inspection", "ILACS short", True, "ILACS", _ILACS_AREAS),
    "ilacs": EventKind(
        "ILACS inspection (standard or short not confirmed)", "ILACS inspection", True, "ILACS", _ILACS_AREAS
    ),
    "focused-visit": EventKind("ILACS focused visit", "Focused visit", False, "ILACS"),
    "monitoring-visit": EventKind("Monitoring visit", "Monitoring visit", False, "ILACS"),
    "jtai": EventKind("Joint targeted area inspection", "JTAI", False, "JTAI"),
    "protection-inspection": EventKind(
        "Inspection of arrangements for the protection of children",
        "Child protection inspection",
        True,
        "Pre-2013",
        _PRE_2013_AREAS,
    ),
    "looked-after-inspection": EventKind(
        "Inspection of services for children looked after",
        "Looked-after children inspection",
        True,
        "Pre-2013",
        _PRE_2013_AREAS,
    ),
    "safeguarding-looked-after-inspection": EventKind(
        "Inspection of safeguarding and looked after children services",
        "Safeguarding and LAC inspection",
        True,
        "Pre-2013",
        _PRE_2013_AREAS,
    ),
    "unannounced-inspection": EventKind(
        "Unannounced inspection of contact, referral and assessment",
        "Unannounced inspection",
        False,
        "Pre-2013",
    ),
}

JUDGEMENT_AREAS: dict[str, str] = {
    "overall-effectiveness": "Overall effectiveness",
    "leaders": "Impact of leaders",
    "help-and-protection": "Help and protection",
    "children-in-care-and-care-leavers": "Children in care and care leavers",
    "children-in-care": "Children in care",
    "care-leavers": "Care leavers",
    "children-looked-after": "Children looked after and achieving permanence",
    "adoption": "Adoption performance",
    "leadership": "Leadership, management and governance",
    "lscb-review": "Local Safeguarding Children Board review",
    "capacity-to-improve": "Capacity to improve",
}

# Ordered best to worst; the rank is only for sorting and colour, never averaged.
GRADES: dict[str, str] = {
    "outstanding": "Outstanding",
    "good": "Good",
    "requires-improvement": "Requires improvement to be good",
    "adequate": "Adequate",
    "inadequate": "Inadequate",
}
GRADE_RANK = {grade: rank for rank, grade in enumerate(GRADES)}

STATUSES: dict[str, str] = {
    "improved": "Improved",
    "partly-improved": "Partly improved",
    "raised-again": "Raised again",
    "reported-complete": "Reported complete",
    "in-progress": "Reported in progress",
}
NO_UPDATE = "no-update-found"
STATUS_LABELS: dict[str, str] = {**STATUSES, NO_UPDATE: "No update found"}
# A recommendation is open until a source reports it done (Ofsted finding it improved, or the council
# reporting it complete). "No update found" is open: nobody has said otherwise.
CLOSED_STATUSES = frozenset({"improved", "reported-complete"})

EVIDENCE: dict[str, str] = {
    "ofsted": "Later Ofsted inspection or visit",
    "council": "Council's own report",
    "other": "Other published source",
}

FINDING_KINDS: dict[str, str] = {"strength": "Strength", "improvement": "Area for improvement"}

SOURCE_KINDS: dict[str, str] = {
    "ofsted-report": "Ofsted inspection report",
    "ofsted-letter": "Ofsted visit letter",
    "official-statistics": "Official statistics",
    "council-paper": "Council paper",
    "press": "Press or trade coverage",
    "other": "Other",
}

UNCONFIRMABLE_FIELDS = ("fieldwork", "published", "kind", "judgements")

# The eras of children's social care inspection, one home for their dates and names (the timeline's bands, the
# data dictionary): SIF inspections began in November 2013; ILACS replaced them from January 2018; and within
# ILACS, from April 2026, inspections give no overall effectiveness grade (NO_OVERALL_GRADE_FROM below).


@dataclass(frozen=True)
class Era:
    framework: str  # as EVENT_KINDS name it
    name: str  # as a reader knows it
    start: dt.date | None  # None: from the first records
    end: dt.date | None  # None: still in force

    @property
    def years(self) -> str:
        """'SIF (2013-2018)', 'ILACS (2018 on)', or the framework alone where it has no start."""
        if self.start is None:
            return self.framework
        return (
            f"{self.framework} ({self.start.year}-{self.end.year})"
            if self.end
            else f"{self.framework} ({self.start.year} on)"
        )


SIF_FROM = dt.date(2013, 11, 1)
ILACS_FROM = dt.date(2018, 1, 1)
ERAS = (
    Era("Pre-2013", "Before the SIF", None, SIF_FROM),
    Era("SIF", "Single inspection framework (SIF)", SIF_FROM, ILACS_FROM),
    Era("ILACS", "ILACS", ILACS_FROM, None),
)

# From April 2026 Ofsted gives ILACS inspections no overall effectiveness grade, only the four judgements. The rule
# follows the fieldwork start, not publication: the first reports without it had fieldwork from 27 April 2026,
# while Wolverhampton's (fieldwork January 2026, published June 2026) still has one.
NO_OVERALL_GRADE_FROM = dt.date(2026, 4, 1)
NO_OVERALL_GRADE_MONTH = f"{NO_OVERALL_GRADE_FROM:%B %Y}"  # "April 2026": how every screen and file names the change
NO_OVERALL_GRADE_SOURCE = (
    "https://www.wired-gov.net/wg/news.nsf/articles/ofsted+confirms+removal+of+headline+judgement+for+inspections"
    "+of+local+authorities+childrens+services+27112025162500?open"
)
NO_OVERALL_GRADE_LABEL = f"No overall grade under the framework from {NO_OVERALL_GRADE_MONTH}"
OVERALL_NOT_KNOWN_LABEL = "Overall grade not known"
OVERALL = "overall-effectiveness"


def without_overall_grade(kind: str, fieldwork_start: dt.date) -> bool:
    """Whether an event of this kind, with fieldwork starting no earlier than this day, has no overall grade."""
    return EVENT_KINDS[kind].framework == "ILACS" and fieldwork_start >= NO_OVERALL_GRADE_FROM


def overall_grade_note(kind: str, fieldwork_start: dt.date, judgements: dict[str, str]) -> str:
    """Why a graded event shows no overall grade ("" when it has one, or is not graded)."""
    if not judgements or OVERALL in judgements:
        return ""
    return NO_OVERALL_GRADE_LABEL if without_overall_grade(kind, fieldwork_start) else OVERALL_NOT_KNOWN_LABEL


# From 2025 each "what needs to improve" point names the Children's Social Care National Framework outcome,
# enabler or principle it relates to (Department for Education, December 2023). The enablers' numbers are as
# South Tyneside's 2026 report prints them ("enabler 2, leaders drive conditions for effective practice").
NATIONAL_FRAMEWORK: dict[str, str] = {
    "outcome-1": "Outcome 1: children, young people and families stay together and get the help they need",
    "outcome-2": "Outcome 2: children and young people are supported by their family network",
    "outcome-3": "Outcome 3: children and young people are safe in and outside of their homes",
    "outcome-4": "Outcome 4: children in care and care leavers have stable, loving homes",
    "enabler-1": "Enabler 1: multi-agency working is prioritised and effective",
    "enabler-2": "Enabler 2: leaders drive conditions for effective practice",
    "enabler-3": "Enabler 3: the workforce is equipped and effective",
    "principles": "The National Framework's principles",
}
NATIONAL_FRAMEWORK_SHORT: dict[str, str] = {key: label.split(":")[0] for key, label in NATIONAL_FRAMEWORK.items()}
