"""England context: the share of English authorities at each grade, from Ofsted's official statistics.

The statistics ("Local authority inspection outcomes as at 31 March 2025") give every authority's latest ILACS
judgements; `scripts/england_context.py` copies that table to a small CSV in data/, which is all this reads.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from inspections.vocab import GRADES

ENGLAND_CSV = Path(__file__).resolve().parent.parent / "data" / "england" / "latest-judgements-2025-03-31.csv"
AS_AT = "31 March 2025"
SOURCE_TITLE = "Ofsted, Local authority inspection outcomes as at 31 March 2025 (official statistics)"
SOURCE_URL = "https://www.gov.uk/government/statistics/local-authority-inspection-outcomes-as-at-31-march-2025"

# Our column: the start of the statistics' heading.
STATISTICS_COLUMNS = {
    "ons_code": "Local authority area code",
    "authority": "Local authority name",
    "inspection_date": "Inspection date",
    "publication_date": "Publication date",
    "overall-effectiveness": "Overall effectiveness",
    "leaders": "The impact of leaders",
    "help-and-protection": "The experiences and progress of children who need help",
    "children-in-care": "The experiences and progress of children in care",
    "care-leavers": "The experiences and progress of care leavers",
}
AREAS = {
    "leaders": "Impact of leaders",
    "help-and-protection": "Help and protection",
    "children-in-care": "Children in care",
    "care-leavers": "Care leavers",
    "overall-effectiveness": "Overall effectiveness",
}
ILACS_GRADES = [g for g in GRADES if g != "adequate"]
_BY_LABEL = {GRADES[g].casefold(): g for g in ILACS_GRADES}


def read_england(path: Path = ENGLAND_CSV) -> pd.DataFrame:
    """Every English authority's latest judgements (grade ids; empty where the statistics give none)."""
    table = pd.read_csv(path, dtype=str).fillna("")
    for area in AREAS:
        table[area] = table[area].str.strip().str.casefold().map(_BY_LABEL).fillna("")
    return table


def grade_shares(england: pd.DataFrame, region_codes: set[str]) -> pd.DataFrame:
    """For each judgement and grade: how many authorities, and what share, in England and in the region.

    Shares are of the authorities the statistics grade on that judgement (care leavers has been a separate
    judgement only since January 2023, so fewer authorities have it), and `of` says how many that is.
    """
    rows = []
    groups = {"England": england, "North East": england[england["ons_code"].isin(region_codes)]}
    for area, label in AREAS.items():
        for where, table in groups.items():
            graded = table[table[area] != ""]
            for grade in ILACS_GRADES:
                count = int((graded[area] == grade).sum())
                rows.append(
                    {
                        "area_id": area,
                        "area": label,
                        "where": where,
                        "grade_id": grade,
                        "grade": GRADES[grade],
                        "authorities": count,
                        "of": len(graded),
                        "share": round(100 * count / len(graded), 1) if len(graded) else 0.0,
                    }
                )
    return pd.DataFrame(rows)
