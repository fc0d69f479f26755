"""Command line: `python -m inspections validate [PATH]` and `python -m inspections schema`."""

from __future__ import annotations

import argparse
import json
import sys

from inspections.errors import RecordsInvalid
from inspections.records import data_path, load_records
from inspections.schema import json_schema


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m inspections", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check a records file and list every problem")
    validate.add_argument("path", nargs="?", help="records file (default: the app's data file)")
    commands.add_parser("schema", help="print the JSON Schema of the records, for editors")
    args = parser.parse_args(argv)

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
    print(summary_line(records, path))
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
