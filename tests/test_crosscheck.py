"""`python -m inspections crosscheck`: the records against Ofsted's official statistics, on a small fixture file."""

from __future__ import annotations

import os

import pandas as pd
import pytest

from inspections.__main__ import main as cli_main
from inspections.crosscheck import DEFAULT_STATISTICS, crosscheck, read_statistics
from inspections.records import load_records
from tests.conftest import SHIPPED, SMALL

COLUMNS = [
    "Web link",
    "Local authority area code",
    "Local authority name",
    "Local authority status",
    "Ofsted region",
    "Inspection date",
    "Publication date",
    "Inspection type",
    "Overall effectiveness",
    "The impact of leaders on social work practice with children and families",
    "The experiences and progress of children who need help and protection",
    "The experiences and progress of children in care",
    "The experiences and progress of care leavers",
]
RI = "Requires improvement to be good"
# Alpha's 2018 inspection exactly as tests/fixtures/small.yaml records it.
AGREES = [
    "link",
    "E08000001",
    "Alpha",
    "Current",
    "A region",
    "2018-04-02",
    "2018-06-01",
    "ILACS Standard Inspection",
    RI,
    "Good",
    RI,
    RI,
    "",
]


def write_statistics(path, rows: list[list[str]]):
    """An ODS laid out as Ofsted publishes it: a title, a note, then the table from row 3."""
    title = [
        ["ILACS inspection history from 2018-2025", *[""] * 12],
        ["This worksheet contains one table.", *[""] * 12],
    ]
    table = pd.DataFrame([*title, COLUMNS, *rows])
    with pd.ExcelWriter(path, engine="odf") as writer:
        pd.DataFrame([["Cover"]]).to_excel(writer, sheet_name="Cover", header=False, index=False)
        table.to_excel(writer, sheet_name="ILACS_inspection_history", header=False, index=False)
    return path


def changed(column: str, value: str) -> list[str]:
    row = list(AGREES)
    row[COLUMNS.index(column)] = value
    return row


def test_statistics_that_agree_give_no_disagreement(tmp_path, capsys):
    stats = write_statistics(tmp_path / "stats.ods", [AGREES])
    assert cli_main(["crosscheck", str(SMALL), "--statistics", str(stats)]) == 0
    assert (
        "1 ILACS inspections in the statistics compared with the records: no disagreements" in capsys.readouterr().out
    )


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (
            changed("Inspection type", "ILACS Short Inspection"),
            "alpha-2018: kind: records say ilacs-standard; statistics say ilacs-short",
        ),
        (
            changed("Publication date", "2018-06-08"),
            "alpha-2018: published: records say 2018-06-01; statistics say 2018-06-08",
        ),
        (
            changed("Inspection date", "2018-04-09"),
            "alpha-2018: fieldwork start: records say 2018-04-02; statistics say 2018-04-09",
        ),
        (
            changed("Overall effectiveness", "Good"),
            "alpha-2018: overall effectiveness: records say requires-improvement; statistics say good",
        ),
        (
            changed("The experiences and progress of children in care", "Good"),
            "alpha-2018: children in care and care leavers: records say requires-improvement; statistics say good",
        ),
        (
            changed("Inspection date", "2023-01-09"),
            "Alpha: inspection from 2023-01-09: event: records say nothing; statistics say an ILACS inspection",
        ),
    ],
    ids=["type", "published", "start", "overall", "combined-children-in-care", "missing-from-records"],
)
def test_each_kind_of_disagreement_is_listed_and_fails(tmp_path, capsys, row, expected):
    stats = write_statistics(tmp_path / "stats.ods", [row])
    assert cli_main(["crosscheck", str(SMALL), "--statistics", str(stats)]) == 1
    assert expected in capsys.readouterr().out


def test_an_inspection_the_statistics_should_hold_but_lack_is_listed(tmp_path):
    later = changed("Inspection date", "2025-01-06")  # statistics reach 2025, but not Alpha's 2018 inspection
    found = crosscheck(load_records(SMALL), read_statistics(write_statistics(tmp_path / "stats.ods", [later])))
    assert any(d.event == "alpha-2018" and d.statistics == "nothing" for d in found)


def test_a_value_the_statistics_settle_may_not_stay_marked_unconfirmed(tmp_path, write_yaml):
    text = SMALL.read_text().replace(
        "        published: 2018-06-01\n", "        published: 2018-06-01\n        unconfirmed: [kind]\n", 1
    )
    records = load_records(write_yaml(text))
    found = crosscheck(records, read_statistics(write_statistics(tmp_path / "stats.ods", [AGREES])))
    assert [(d.event, d.field) for d in found] == [("alpha-2018", "kind marked not confirmed")]


@pytest.mark.parametrize("content", [b"", b"not a spreadsheet", None], ids=["empty", "text", "missing"])
def test_a_file_that_is_not_the_statistics_is_refused_with_a_reason(tmp_path, capsys, content):
    path = tmp_path / "stats.ods"
    if content is not None:
        path.write_bytes(content)
    assert cli_main(["crosscheck", str(SMALL), "--statistics", str(path)]) == 1
    err = capsys.readouterr().err
    assert str(path) in err and "Traceback" not in err


def test_the_shipped_records_agree_with_ofsteds_statistics(capsys):
    if not DEFAULT_STATISTICS.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{DEFAULT_STATISTICS} is missing: CI must have ../shared beside the project")
        pytest.skip("../shared is not beside the project")
    assert cli_main(["crosscheck", str(SHIPPED)]) == 0, capsys.readouterr().out
