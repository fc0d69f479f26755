"""Command line: `python -m inspections validate [PATH]`, `crosscheck [PATH]`, `schema` and `draft PDF`."""

from __future__ import annotations

import argparse
import json
import sys

from inspections.crosscheck import DEFAULT_STATISTICS, StatisticsUnreadable, crosscheck, read_statistics
from inspections.errors import RecordsInvalid
from inspections.records import data_path, load_records
from inspections.schema import json_schema


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m inspections", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check a records file and list every problem")
    validate.add_argument("path", nargs="?", help="records file (default: the app's data file)")
    commands.add_parser("schema", help="print the JSON Schema of the records, for editors")
    check = commands.add_parser(
        "crosscheck", help="compare the records' ILACS inspections with Ofsted's official statistics"
    )
    check.add_argument("path", nargs="?", help="records file (default: the app's data file)")
    check.add_argument(
        "--statistics", default=str(DEFAULT_STATISTICS), help="Ofsted's inspection outcomes statistics (ODS)"
    )
    draft = commands.add_parser("draft", help="print a draft record of an Ofsted inspection report (PDF)")
    draft.add_argument("pdf", help="the report, as Ofsted publishes it")
    draft.add_argument("--authority", help="the authority's id in the records (default: from the council's name)")
    args = parser.parse_args(argv)

    if args.command == "draft":
        return _draft(args.pdf, args.authority)
    if args.command == "schema":
        print(json.dumps(json_schema(), indent=2))
        return 0

    path = args.path or data_path()
    try:
        records = load_records(path)
    except RecordsInvalid as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
        count = len(exc.errors)
        print(f"{path}: {count} problem{'s' if count != 1 else ''} found", file=sys.stderr)
        return 1
    if args.command == "crosscheck":
        return _crosscheck(records, args.statistics)
    print(summary_line(records, path))
    return 0


def _crosscheck(records, statistics: str) -> int:
    try:
        rows = read_statistics(statistics)
    except StatisticsUnreadable as exc:
        print(exc, file=sys.stderr)
        return 1
    found = crosscheck(records, rows)
    for disagreement in found:
        print(disagreement)
    compared = sum(1 for row in rows if row.ons_code in {a.ons_code for a in records.authorities})
    verdict = f"{len(found)} disagreement{'s' if len(found) != 1 else ''}" if found else "no disagreements"
    print(f"{compared} ILACS inspections in the statistics compared with the records: {verdict}")
    return 1 if found else 0


def _draft(pdf: str, authority: str | None) -> int:
    from inspections.draft import draft_report
    from inspections.draft_pdf import ReportUnreadable
    from inspections.draft_yaml import render

    try:
        print(render(draft_report(pdf, authority)), end="")
    except ReportUnreadable as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


def summary_line(records, path) -> str:
    events = [e for a in records.authorities for e in a.events]
    recs = sum(len(e.recommendations) for e in events)
    return (
        f"{path}: valid: {len(records.authorities)} authorities, {len(events)} events, "
        f"{recs} recommendations, {len(records.sources)} sources (checked {records.checked})"
    )


if __name__ == "__main__":
    sys.exit(main())
