"""Write data/england/latest-judgements-2025-03-31.csv from Ofsted's official statistics (ODS).

Run when Ofsted publishes a new "Local authority inspection outcomes as at 31 March" release:

    .venv/bin/python scripts/england_context.py [PATH.ods]

The app reads the small CSV this writes (every English authority's latest ILACS judgements), never the ODS,
so it needs neither ../shared nor an ODS reader to run.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from inspections.crosscheck import DEFAULT_STATISTICS  # noqa: E402
from inspections.england import ENGLAND_CSV, STATISTICS_COLUMNS  # noqa: E402


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else DEFAULT_STATISTICS
    raw = pd.read_excel(source, sheet_name="Inspections_as_at_31_March", header=None, engine="odf", dtype=str)
    header = raw.index[raw.apply(lambda row: "Local authority area code" in set(row.dropna()), axis=1)][0]
    table = raw.iloc[header + 1 :].copy()
    table.columns = [str(c).strip() for c in raw.iloc[header]]
    out = pd.DataFrame({ours: table[_column(table, theirs)] for ours, theirs in STATISTICS_COLUMNS.items()})
    out = out.dropna(subset=["ons_code"])
    for column in ("inspection_date", "publication_date"):
        out[column] = pd.to_datetime(out[column]).dt.date
    out.to_csv(ENGLAND_CSV, index=False)
    print(f"{ENGLAND_CSV.relative_to(ROOT)}: {len(out)} authorities")
    return 0


def _column(table: pd.DataFrame, prefix: str) -> str:
    return next(c for c in table.columns if c.startswith(prefix))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
