"""Each validation rule, shown failing: a small records file with one thing wrong, and the message it must give."""

from __future__ import annotations

import itertools

import pytest

from inspections.errors import RecordsInvalid
from inspections.records import load_records
from inspections.vocab import ERAS, EVENT_KINDS, NO_OVERALL_GRADE_FROM, NO_OVERALL_GRADE_LABEL, NO_OVERALL_GRADE_MONTH
from tests.conftest import RECORDS_HEAD

# Lines 1 to 6 are RECORDS_HEAD (tests/conftest.py); the line numbers below count them.
VALID = (
    RECORDS_HEAD
    + """\
  - {id: paper, title: Paper, publisher: A council, kind: council-paper, url: "https://example.org/p"}
authorities:
  - id: alpha
    name: Alpha
    ons_code: E08000037
    events:
      - id: alpha-2019
        kind: ilacs-short
        fieldwork: {start: 2019-04-29, end: 2019-05-03}
        published: 2019-06-11
        sources: [report]
        judgements: {overall-effectiveness: good, leaders: good}
        findings:
          - {kind: improvement, text: Supervision is irregular., themes: [supervision]}
        recommendations:
          - id: alpha-2019-r1
            text: Make supervision regular.
            themes: [supervision]
            updates:
              - {date: 2022-02, status: in-progress, evidence: council, note: Training under way., sources: [paper]}
"""
)


def test_the_base_file_is_valid(write_yaml):
    records = load_records(write_yaml(VALID))
    assert records.authorities[0].events[0].recommendations[0].updates[0].status == "in-progress"


# (id, text to replace, replacement, line, path, message fragment)
RULES = [
    (
        "unknown-top-level-key",
        "checked: 2026-01-31",
        "checked: 2026-01-31\nchecks: 2026-01-31",
        3,
        "checks",
        "unknown key 'checks'",
    ),
    (
        "unknown-event-key",
        "        published: 2019-06-11",
        "        publised: 2019-06-11",
        16,
        "authorities[0].events[0].publised",
        "unknown key 'publised'",
    ),
    ("missing-required-key", "    name: Alpha\n", "", 9, "authorities[0].name", "required key 'name' is missing"),
    (
        "unknown-event-kind",
        "kind: ilacs-short",
        "kind: ilacs-long",
        14,
        "authorities[0].events[0].kind",
        "expected one of 'sif'",
    ),
    (
        "unknown-grade",
        "leaders: good}",
        "leaders: great}",
        18,
        "authorities[0].events[0].judgements.leaders",
        "got 'great'",
    ),
    (
        "unknown-judgement-area",
        "leaders: good}",
        "leadership: good}",
        18,
        "authorities[0].events[0].judgements.leadership",
        "is not a judgement of a ilacs-short event",
    ),
    (
        "graded-visit",
        "kind: ilacs-short",
        "kind: focused-visit",
        18,
        "authorities[0].events[0].judgements.overall-effectiveness",
        "this kind of event is not graded",
    ),
    (
        "graded-kind-without-grades",
        "        judgements: {overall-effectiveness: good, leaders: good}\n",
        "",
        14,
        "authorities[0].events[0].kind",
        "is graded: give its judgements",
    ),
    (
        "unknown-status",
        "status: in-progress",
        "status: done",
        26,
        "authorities[0].events[0].recommendations[0].updates[0].status",
        "got 'done'",
    ),
    (
        "unknown-evidence",
        "evidence: council",
        "evidence: rumour",
        26,
        "authorities[0].events[0].recommendations[0].updates[0].evidence",
        "got 'rumour'",
    ),
    (
        "unknown-finding-kind",
        "{kind: improvement",
        "{kind: weakness",
        20,
        "authorities[0].events[0].findings[0].kind",
        "got 'weakness'",
    ),
    (
        "undeclared-theme",
        "text: Supervision is irregular., themes: [supervision]",
        "text: Supervision is irregular., themes: [supervisoin]",
        20,
        "authorities[0].events[0].findings[0].themes[0]",
        "theme 'supervisoin' is not declared",
    ),
    (
        "undeclared-source",
        "sources: [paper]",
        "sources: [papers]",
        26,
        "authorities[0].events[0].recommendations[0].updates[0].sources[0]",
        "source 'papers' is not declared",
    ),
    ("duplicate-source-id", "{id: paper,", "{id: report,", 7, "sources[1].id", "source id 'report' is used twice"),
    (
        "duplicate-recommendation-id",
        "- id: alpha-2019-r1\n            text: Make supervision regular.",
        "- id: alpha-2019-r1\n            text: Make supervision regular.\n            themes: [supervision]\n          - id: alpha-2019-r1\n            text: Again.",
        25,
        "authorities[0].events[0].recommendations[1].id",
        "used twice",
    ),
    (
        "duplicate-source-url",
        '"https://example.org/p"',
        '"https://example.org/r"',
        7,
        "sources[1].url",
        "same address as source 'report'",
    ),
    (
        "bad-id",
        "- id: alpha-2019\n",
        "- id: Alpha 2019\n",
        13,
        "authorities[0].events[0].id",
        "expected an id of lower-case letters",
    ),
    (
        "bad-ons-code",
        "ons_code: E08000037",
        "ons_code: E0800003",
        11,
        "authorities[0].ons_code",
        "expected an ONS code",
    ),
    (
        "end-before-start",
        "end: 2019-05-03",
        "end: 2019-04-01",
        15,
        "authorities[0].events[0].fieldwork.end",
        "fieldwork ends (2019-04-01) before it starts",
    ),
    (
        "impossible-date",
        "start: 2019-04-29",
        "start: 2019-02-30",
        15,
        "authorities[0].events[0].fieldwork.start",
        "is not a real date",
    ),
    (
        "published-before-fieldwork",
        "        published: 2019-06-11",
        "        published: 2019-04-01",
        16,
        "authorities[0].events[0].published",
        "published (2019-04-01) before fieldwork ended",
    ),
    (
        "update-before-event",
        "date: 2022-02",
        "date: 2018-12",
        26,
        "authorities[0].events[0].recommendations[0].updates[0].date",
        "before the event it follows",
    ),
    (
        "javascript-url",
        '"https://example.org/r"',
        '"javascript:alert(1)"',
        6,
        "sources[0].url",
        "expected a web address starting https://",
    ),
    ("data-url", '"https://example.org/r"', '"data:text/html,hi"', 6, "sources[0].url", "expected a web address"),
    (
        "wrong-type-list",
        "sources: [report]",
        "sources: report",
        17,
        "authorities[0].events[0].sources",
        "expected a list",
    ),
    (
        "empty-text",
        "text: Make supervision regular.",
        'text: ""',
        23,
        "authorities[0].events[0].recommendations[0].text",
        "must not be empty",
    ),
    ("wrong-schema-version", "schema_version: 1", "schema_version: 2", 1, "schema_version", "expected one of 1"),
]


@pytest.mark.parametrize(("old", "new", "line", "path", "message"), [r[1:] for r in RULES], ids=[r[0] for r in RULES])
def test_rule_reports_file_line_path_and_expectation(write_yaml, old, new, line, path, message):
    assert old in VALID, "the case must change the base file"
    file = write_yaml(VALID.replace(old, new, 1))
    with pytest.raises(RecordsInvalid) as caught:
        load_records(file)
    matching = [e for e in caught.value.errors if e.path == path]
    assert matching, [str(e) for e in caught.value.errors]
    assert message in matching[0].message
    assert matching[0].line == line
    assert matching[0].file == str(file)


def test_all_problems_are_reported_at_once(write_yaml):
    broken = VALID.replace("leaders: good}", "leaders: great}").replace("status: in-progress", "status: done")
    with pytest.raises(RecordsInvalid) as caught:
        load_records(write_yaml(broken))
    assert len(caught.value.errors) == 2


def test_plain_http_is_allowed_for_sites_without_https(write_yaml):
    records = load_records(write_yaml(VALID.replace('"https://example.org/p"', '"http://example.org/p"')))
    assert records.sources[1].url == "http://example.org/p"


AFTER_APRIL_2026 = (
    VALID.replace("start: 2019-04-29, end: 2019-05-03", "start: 2026-06-08, end: 2026-06-19")
    .replace("published: 2019-06-11", "published: 2026-07-28")
    .replace("date: 2022-02", "date: 2026-11")
)


def test_an_ilacs_inspection_from_april_2026_has_no_overall_grade(write_yaml):
    """From April 2026 Ofsted gives no overall-effectiveness grade; the model must not assume one."""
    records = load_records(write_yaml(AFTER_APRIL_2026.replace("overall-effectiveness: good, ", "")))
    assert "overall-effectiveness" not in records.authorities[0].events[0].judgements


def test_an_overall_grade_after_april_2026_is_refused_where_it_is_written(write_yaml):
    path = write_yaml(AFTER_APRIL_2026)
    with pytest.raises(RecordsInvalid) as caught:
        load_records(path)
    (error,) = caught.value.errors
    assert error.path == "authorities[0].events[0].judgements.overall-effectiveness"
    assert error.line == _line_of(AFTER_APRIL_2026, "judgements:")
    assert "no overall effectiveness grade" in error.message and "2026-06-08" in error.message


def test_an_ilacs_inspection_before_april_2026_without_an_overall_grade_is_refused(write_yaml):
    with pytest.raises(RecordsInvalid) as caught:
        load_records(write_yaml(VALID.replace("overall-effectiveness: good, ", "")))
    (error,) = caught.value.errors
    assert error.path == "authorities[0].events[0].judgements"
    assert "before 1 April 2026" in error.message and "overall effectiveness grade" in error.message


def test_the_eras_follow_each_other_and_name_frameworks_the_event_kinds_use():
    """The eras are stated once (inspections.vocab.ERAS); the timeline's bands and the data dictionary read them."""
    assert {era.framework for era in ERAS} <= {kind.framework for kind in EVENT_KINDS.values()}
    assert ERAS[0].start is None and ERAS[-1].end is None
    assert all(before.end == after.start for before, after in itertools.pairwise(ERAS))
    ilacs = next(era for era in ERAS if era.framework == "ILACS")
    assert ilacs.start < NO_OVERALL_GRADE_FROM, "the April 2026 change is within the ILACS era"
    assert NO_OVERALL_GRADE_MONTH == "April 2026" and NO_OVERALL_GRADE_MONTH in NO_OVERALL_GRADE_LABEL


def test_fieldwork_known_only_as_a_year_that_spans_the_change_is_not_held_to_either_rule(write_yaml):
    text = AFTER_APRIL_2026.replace("start: 2026-06-08, end: 2026-06-19", "start: 2026, end: 2026").replace(
        "published: 2026-07-28", "published: 2026"
    )
    assert load_records(write_yaml(text.replace("overall-effectiveness: good, ", "")))
    assert load_records(write_yaml(text))


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_month_only_dates_are_accepted(write_yaml):
    records = load_records(
        write_yaml(VALID.replace("start: 2019-04-29, end: 2019-05-03", "start: 2019-04, end: 2019-05"))
    )
    assert records.authorities[0].events[0].fieldwork.start.label == "April 2019"
