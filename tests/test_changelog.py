"""The records' change log (data/changes.yaml) and checked dates: each validation rule shown failing, in a change log
kept in its own file as the shipped records keep it, so every message names that file, the line and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspections.errors import RecordsInvalid
from inspections.frames import build_frames
from inspections.records import load_records
from tests.conftest import RECORDS_HEAD, SHIPPED

# Lines 1 to 6 are RECORDS_HEAD (tests/conftest.py), shared with the other rule tests.
INDEX = (
    RECORDS_HEAD
    + """\
include: [alpha.yaml, changes.yaml]
# end of records
"""
)

ALPHA = """\
authorities:
  - id: alpha
    name: Alpha
    ons_code: E08000037
    checked: 2026-01-31
    events:
      - id: alpha-2019
        kind: focused-visit
        fieldwork: {start: 2019-04-29, end: 2019-05-03}
        sources: [report]
        recommendations:
          - {id: alpha-2019-r1, text: Make supervision regular., themes: [supervision]}
# end of records
"""

CHANGES = """\
changes:
  - date: 2026-01-30
    what: The 2019 visit's dates were corrected.
    records: [alpha-2019, alpha-2019-r1]
    why: The letter gives them.
    sources: [report]
    commit: 0bdee92
# end of records
"""


@pytest.fixture
def write(write_yaml):
    """write(changes, alpha): the index, Alpha's records and the change log written side by side; the index's path."""

    def write_files(changes: str = CHANGES, alpha: str = ALPHA) -> Path:
        write_yaml(alpha, "alpha.yaml")
        write_yaml(changes, "changes.yaml")
        return write_yaml(INDEX)

    return write_files


def test_the_base_change_log_is_valid_and_names_its_records_in_words(write):
    frames = build_frames(load_records(write()))
    assert list(frames.changes["record_ids"]) == ["alpha-2019, alpha-2019-r1"]
    assert frames.changes["records"].iloc[0] == "Alpha: Focused visit, 3 May 2019; Alpha: Make supervision regular."
    assert frames.authorities["checked"].iloc[0].date().isoformat() == "2026-01-31"


# (id, file, text to replace, replacement, line, path, message fragment)
RULES = [
    (
        "unknown-key",
        "changes",
        "    why: The letter",
        "    reason: x\n    why: The letter",
        5,
        "changes[0].reason",
        "unknown key 'reason'",
    ),
    (
        "record-not-found",
        "changes",
        "[alpha-2019, alpha-2019-r1]",
        "[alpha-2019, alpha-2019-r9]",
        4,
        "changes[0].records[1]",
        "'alpha-2019-r9' is not the id",
    ),
    ("no-records", "changes", "[alpha-2019, alpha-2019-r1]", "[]", 4, "changes[0].records", "at least one"),
    ("missing-why", "changes", "    why: The letter gives them.\n", "", 2, "changes[0].why", "required key 'why'"),
    (
        "undeclared-source",
        "changes",
        "sources: [report]",
        "sources: [letter]",
        6,
        "changes[0].sources[0]",
        "source 'letter' is not declared",
    ),
    (
        "nowhere-to-check",
        "changes",
        "    sources: [report]\n    commit: 0bdee92\n",
        "",
        2,
        "changes[0]",
        "say where the change can be checked",
    ),
    ("bad-commit", "changes", "commit: 0bdee92", "commit: HEAD", 7, "changes[0].commit", "got 'HEAD'"),
    ("month-only-date", "changes", "date: 2026-01-30", "date: 2026-01", 2, "changes[0].date", "YYYY-MM-DD"),
    (
        "after-records-checked",
        "changes",
        "date: 2026-01-30",
        "date: 2026-02-01",
        2,
        "changes[0].date",
        "after the records were last checked",
    ),
    (
        "authority-checked-after-file",
        "alpha",
        "checked: 2026-01-31",
        "checked: 2026-02-02",
        5,
        "authorities[0].checked",
        "after the records' own checked date",
    ),
    (
        "authority-checked-not-a-date",
        "alpha",
        "checked: 2026-01-31",
        "checked: soon",
        5,
        "authorities[0].checked",
        "YYYY-MM-DD",
    ),
]


@pytest.mark.parametrize(
    ("file", "old", "new", "line", "path", "message"), [r[1:] for r in RULES], ids=[r[0] for r in RULES]
)
def test_rule_names_file_line_field_and_what_is_wrong(write, file, old, new, line, path, message):
    changes, alpha = CHANGES, ALPHA
    if file == "changes":
        assert old in changes
        changes = changes.replace(old, new)
    else:
        assert old in alpha
        alpha = alpha.replace(old, new)
    with pytest.raises(RecordsInvalid) as caught:
        load_records(write(changes, alpha))
    errors = caught.value.errors
    assert any(
        e.file.endswith(f"{file}.yaml") and e.line == line and e.path == path and message in e.message for e in errors
    ), [(e.file, e.line, e.path, e.message) for e in errors]


def test_a_change_log_file_holding_anything_else_is_refused(write):
    with pytest.raises(RecordsInvalid) as caught:
        load_records(write(CHANGES.replace("changes:", "checked: 2026-01-31\nchanges:")))
    assert any("holds only sources, authorities and changes" in e.message for e in caught.value.errors)


def test_the_shipped_change_log_records_the_corrections_of_the_independent_check():
    changes = build_frames(load_records(SHIPPED)).changes
    named = " ".join(changes["record_ids"])
    for record in (
        "stockton-on-tees-2016-r8",
        "north-tyneside-2017-r3",
        "north-tyneside-2018-r1",
        "middlesbrough-2026-r1",
        "middlesbrough-2026-r2",
        "newcastle-2017-sif",
        "newcastle-2021-ilacs",
    ):
        assert record in named
    assert all(changes[(changes["source_url"] == "")]["commit"] != "")


def test_every_shipped_authority_has_its_checked_date():
    records = load_records(SHIPPED)
    assert all(a.checked is not None and a.checked <= records.checked for a in records.authorities)
