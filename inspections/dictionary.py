"""What each column of the downloadable tables means."""

import pandas as pd

from inspections.labels import NOT_CONFIRMED_LABEL
from inspections.vocab import ERAS, NO_OVERALL_GRADE_LABEL, NO_OVERALL_GRADE_MONTH, OVERALL_NOT_KNOWN_LABEL

_FRAMEWORKS = ", ".join(era.years for era in ERAS[:-1]) + f" or {ERAS[-1].years}"  # "Pre-2013, SIF (2013-2018) or ..."

# Table: {column: meaning}, in the order the sources page lists them.
_MEANINGS: dict[str, dict[str, str]] = {
    "Events": {
        "authority": "Council whose children's services were inspected",
        "event_kind / kind_label": "Kind of Ofsted event: SIF inspection, ILACS standard or short inspection, focused visit, monitoring visit, JTAI or older inspection",
        "framework": f"Inspection framework in force: {_FRAMEWORKS}",
        "fieldwork": "Dates inspectors were on site, as precise as the source allows",
        "published": f"Date Ofsted published the report or letter; '{NOT_CONFIRMED_LABEL}' where no source gives it",
        "overall_grade_id / overall_grade": f"Overall effectiveness grade (its id, and as shown); empty for ungraded visits and for inspections without an overall grade (from {NO_OVERALL_GRADE_MONTH})",
        "overall_note": f"Why a graded inspection shows no overall grade: '{NO_OVERALL_GRADE_LABEL}' (Ofsted no longer gives one), as distinct from '{OVERALL_NOT_KNOWN_LABEL}'",
        "unconfirmed": "Fields of the record that no source confirms",
    },
    "Judgements": {"area / grade": "Each graded judgement area and Ofsted's grade"},
    "Findings": {
        "kind": "Strength or area for improvement found by Ofsted",
        "text": "The finding, paraphrased in our words",
        "themes": "Themes from the taxonomy that the finding raises",
        "paragraphs": "Where in the source the finding is (paragraph numbers for ILACS reports)",
    },
    "Recommendations": {
        "text": "What Ofsted asked the council to improve, in our words",
        "status": "Latest reported status: Improved, Partly improved, Raised again, Reported complete, Reported in progress, or No update found",
        "evidence": "Who reports the latest status: a later Ofsted inspection, the council's own papers, or another source",
        "national_framework": "From 2025, the Children's Social Care National Framework outcome or enabler Ofsted tags the point with (for example Outcome 3, Enabler 2); our own themes are kept beside it",
        "open": "True unless Ofsted found it improved or the council reported it complete",
        "age_days": "For open recommendations: days from the event's publication to the records check",
        "status_publisher / status_source_url": "Who published the document behind the latest status, and its address (source_url is where the recommendation came from)",
        "history": "Every reported status in date order, with who said it and when",
        "short_text": "The start of the recommendation in our words, to recognise it in lists",
    },
    "Status updates": {"date / status / evidence / note": "Every later report on a recommendation, with its source"},
    "Events, Status updates": {
        "date_from / date_to": "The first and last day a date could be (a date known only to the month spans the month); compared with a 'since' date",
    },
    "Authorities": {"checked": "When this authority's records were last checked against their sources"},
    "Change log": {
        "date / what / records / why": "Every change made to the records: when, what, which record ids, and why"
    },
    "Sources": {"url": "Address of the source document; Ofsted's own file where known"},
    "All": {"source_url": "Address(es) of the sources, separated by spaces"},
}

DATA_DICTIONARY = pd.DataFrame(
    [(table, column, meaning) for table, columns in _MEANINGS.items() for column, meaning in columns.items()],
    columns=["Table", "Column", "Meaning"],
)
