"""What each column of the downloadable tables means."""

import pandas as pd

_ROWS = [
    ("Events", "authority", "Council whose children's services were inspected"),
    (
        "Events",
        "event_kind / kind_label",
        "Kind of Ofsted event: SIF inspection, ILACS standard or short inspection, focused visit, monitoring visit, JTAI or older inspection",
    ),
    ("Events", "framework", "Inspection framework in force: Pre-2013, SIF (2013-2018) or ILACS (2018 on)"),
    ("Events", "fieldwork", "Dates inspectors were on site, as precise as the source allows"),
    ("Events", "published", "Date Ofsted published the report or letter; 'Not confirmed' where no source gives it"),
    (
        "Events",
        "overall_grade_id / overall_grade",
        "Overall effectiveness grade (its id, and as shown); empty for ungraded visits and for inspections without an overall grade (from April 2026)",
    ),
    (
        "Events",
        "overall_note",
        "Why a graded inspection shows no overall grade: 'No overall grade under the framework from April 2026' (Ofsted no longer gives one), as distinct from 'Overall grade not known'",
    ),
    ("Events", "unconfirmed", "Fields of the record that no source confirms"),
    ("Judgements", "area / grade", "Each graded judgement area and Ofsted's grade"),
    ("Findings", "kind", "Strength or area for improvement found by Ofsted"),
    ("Findings", "text", "The finding, paraphrased in our words"),
    ("Findings", "themes", "Themes from the taxonomy that the finding raises"),
    ("Findings", "paragraphs", "Where in the source the finding is (paragraph numbers for ILACS reports)"),
    ("Recommendations", "text", "What Ofsted asked the council to improve, in our words"),
    (
        "Recommendations",
        "status",
        "Latest reported status: Improved, Partly improved, Raised again, Reported complete, Reported in progress, or No update found",
    ),
    (
        "Recommendations",
        "evidence",
        "Who reports the latest status: a later Ofsted inspection, the council's own papers, or another source",
    ),
    (
        "Recommendations",
        "national_framework",
        "From 2025, the Children's Social Care National Framework outcome or enabler Ofsted tags the point with (for example Outcome 3, Enabler 2); our own themes are kept beside it",
    ),
    ("Recommendations", "open", "True unless Ofsted found it improved or the council reported it complete"),
    ("Recommendations", "age_days", "For open recommendations: days from the event's publication to the records check"),
    (
        "Recommendations",
        "status_publisher / status_source_url",
        "Who published the document behind the latest status, and its address (source_url is where the recommendation came from)",
    ),
    ("Recommendations", "history", "Every reported status in date order, with who said it and when"),
    ("Recommendations", "short_text", "The start of the recommendation in our words, to recognise it in lists"),
    ("Status updates", "date / status / evidence / note", "Every later report on a recommendation, with its source"),
    (
        "Events, Status updates",
        "date_from / date_to",
        "The first and last day a date could be (a date known only to the month spans the month); compared with a 'since' date",
    ),
    ("Authorities", "checked", "When this authority's records were last checked against their sources"),
    (
        "Change log",
        "date / what / records / why",
        "Every change made to the records: when, what, which record ids, and why",
    ),
    ("Sources", "url", "Address of the source document; Ofsted's own file where known"),
    ("All", "source_url", "Address(es) of the sources, separated by spaces"),
]

DATA_DICTIONARY = pd.DataFrame(_ROWS, columns=["Table", "Column", "Meaning"])
