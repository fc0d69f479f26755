"""The closed vocabularies of the records, with the labels the app shows. One place, checked on load."""

from __future__ import annotations

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
    "council-paper": "Council paper",
    "press": "Press or trade coverage",
    "other": "Other",
}

UNCONFIRMABLE_FIELDS = ("fieldwork", "published", "kind", "judgements")
