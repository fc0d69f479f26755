"""The draft command's parts, table-driven on the forms the reports we hold print things in."""

from __future__ import annotations

import datetime as dt

import pytest

from inspections.draft import draft_from_pages
from inspections.draft_paragraphs import cited_items, cited_paragraphs, suggest
from inspections.draft_pdf import ReportUnreadable, clean_pages
from inspections.draft_points import national_framework_id, numbers_in
from inspections.draft_report import dates_in, grade_id
from inspections.draft_text import blocks, join_lines, strip_footnotes
from inspections.draft_yaml import render

D = dt.date


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("29 April 2019 to 3 May 2019", [D(2019, 4, 29), D(2019, 5, 3)]),
        ("12 to 16 May 2025", [D(2025, 5, 12), D(2025, 5, 16)]),
        ("29 November to 10 December 2021", [D(2021, 11, 29), D(2021, 12, 10)]),
        ("23 April-18 May 2018", [D(2018, 4, 23), D(2018, 5, 18)]),
        ("15 - 26 June 2026", [D(2026, 6, 15), D(2026, 6, 26)]),
        (
            "5 to 9 December 2022 and 14 to 15 February 2023",
            [D(2022, 12, 5), D(2022, 12, 9), D(2023, 2, 14), D(2023, 2, 15)],
        ),
        ("31 February 2020 to 2 March 2020", []),  # not a real date: left for the curator, never guessed
        ("sometime in spring", []),
    ],
)
def test_inspection_dates_in_every_printed_form(text, dates):
    assert dates_in(text) == dates


@pytest.mark.parametrize(
    ("printed", "grade"),
    [
        ("Good", "good"),
        ("Requires improvement to be good", "requires-improvement"),
        ("Requires Improvement", "requires-improvement"),
        ("require improvement to be\ngood", "requires-improvement"),
        ("Inadequate", "inadequate"),
        ("OUTSTANDING", "outstanding"),
    ],
)
def test_grades_as_our_vocabulary(printed, grade):
    assert grade_id(printed) == grade


@pytest.mark.parametrize(
    ("tag", "key"),
    [
        ("Outcome 1", "outcome-1"),
        ("Outcome three", "outcome-3"),
        ("outcome 4, national framework", "outcome-4"),
        ("Enabler two", "enabler-2"),
        ("enabler 2, leaders drive conditions for effective practice", "enabler-2"),
        ("enabler: the workforce is equipped and effective, national framework", "enabler-3"),
        ("enabler: leaders drive conditions for effective practice, national framework", "enabler-2"),
        ("principles, national framework", "principles"),
        ("outcome 7", None),
        ("national framework", None),
    ],
)
def test_national_framework_tags_by_number_or_words(tag, key):
    assert national_framework_id(tag) == key


@pytest.mark.parametrize(
    ("citation", "paragraphs", "items"),
    [
        ("What needs to improve (p. 2); paras 6, 8", {6, 8}, set()),
        ("Recommendations (p. 7), para 1; paras 19-22", {1, 19, 20, 21, 22}, set()),
        ("Recommendations, item 4 (p. 8); paras 29, 51, 82", {29, 51, 82}, {4}),
        ("LSCB recommendations (p. 43); para 142; para 155", {142, 155}, set()),
        ("what needs to improve, point 2", set(), {2}),
        ("Areas for improvement, item 1 (p. 5); see pp. 11, 17", set(), {1}),
        ("paragraphs 17, 25, 46, 48 and 80", {17, 25, 46, 48, 80}, set()),
        ("recommendation 3 (p. 8); paras 26, 37", {26, 37}, {3}),
    ],
)
def test_citations_are_read_as_numbers_not_strings(citation, paragraphs, items):
    assert cited_paragraphs(citation) == paragraphs
    assert cited_items(citation) == items


@pytest.mark.parametrize(
    ("text", "numbers"),
    [("17, 25, 46, 48 and 80", [17, 25, 46, 48, 80]), ("29-33", [29, 30, 31, 32, 33]), ("62 ,63", [62, 63])],
)
def test_numbers_and_ranges(text, numbers):
    assert numbers_in(text) == numbers


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["strong multi-", "agency work"], "strong multi-agency work"),
        (["children  in", " care"], "children in care"),
        (["aged 16 to 17 -", "a gap"], "aged 16 to 17 - a gap"),
    ],
)
def test_lines_join_into_sentences(lines, joined):
    assert join_lines(lines) == joined


def test_footnotes_do_not_run_on_from_the_last_paragraph():
    lines = ["5. The last paragraph on the page.", "", "1 The areas for improvement have been cross-referenced"]
    assert strip_footnotes(lines) == lines[:2]


def test_running_headers_and_page_numbers_are_dropped_and_the_printed_number_kept():
    header = "Inspection of Newtown local authority children's services"
    pages = ["Cover", *(f"{header}\n1 to 5 May 2025 {n}\n{n - 1}. Paragraph on page {n}." for n in (8, 9, 10))]
    cleaned = clean_pages(pages)
    assert [page.number for page in cleaned] == [1, 8, 9, 10]
    assert cleaned[1].lines == ["7. Paragraph on page 8."]


def test_paragraph_numbers_must_run_on_so_a_wrapped_figure_is_not_a_paragraph():
    pages = clean_pages(["Cover", "1. First paragraph about the numbers of\n12. children, which wraps.\n2. Second."])
    found = [(b.number, b.text) for b in blocks(pages) if b.kind == "paragraph"]
    assert found == [(1, "First paragraph about the numbers of 12. children, which wraps."), (2, "Second.")]


@pytest.mark.parametrize(
    ("point", "best"),
    [
        ("The response to children who are privately fostered.", 3),
        ("The quality and impact of management oversight.", 1),
        ("Sufficiency of homes for children in care.", 2),
    ],
)
def test_the_paragraph_sharing_most_telling_words_is_suggested_first(point, best):
    paragraphs = {
        1: "Management oversight is regular but its impact is not recorded; the quality of oversight varies.",
        2: "There are not enough homes for children in care, and sufficiency is a pressure on placements.",
        3: "Children living in private fostering arrangements are not always identified or visited.",
        4: "Early help is strong and families are helped quickly.",
    }
    suggestions = suggest(point, paragraphs)
    assert suggestions[0].number == best
    assert len(suggestions) <= 3


ILACS_COVER = """Inspection of Newtown local authority children's services
Inspection dates: {dates}
Lead inspector: A Person, His Majesty's Inspector
Judgement Grade
The impact of leaders on social work practice with children and families Good
The experiences and progress of children who need help and protection Good
The experiences and progress of children in care Good
The experiences and progress of care leavers Good
{overall}
This was a {kind} inspection.
"""
WNTI = """Inspection of Newtown local authority children's services
What needs to improve?
\u2022 Support to young carers. (outcome 1, national framework)
\u2022 Something of a kind no rule knows. (outcome 9)
The experiences and progress of children who need help and protection: good
1. Young carers are identified but not always supported.
"""


def ilacs(dates="1 to 5 June 2026", overall="", kind="standard") -> list[str]:
    return [ILACS_COVER.format(dates=dates, overall=overall, kind=kind), WNTI, WNTI.split("\n", 1)[0]]


@pytest.mark.parametrize(
    ("pages", "field", "expected"),
    [
        (ilacs(kind="short"), "kind", "ilacs-short"),
        (ilacs(kind="standard"), "kind", "ilacs-standard"),
        (ilacs(kind="focused"), "kind", "ilacs"),
        (ilacs(), "overall", "none: the framework from April 2026 gives no overall effectiveness grade"),
        (ilacs(overall="Overall effectiveness Good"), "overall", "the report prints an overall grade (good)"),
        (ilacs(dates="1 to 5 June 2025"), "overall", "not found in the judgement table on the first page"),
        (ilacs(dates="9 to 5 June 2025"), "fieldwork", "the inspection dates run backwards"),
        (ilacs(dates="in June"), "fieldwork", "the inspection dates could not be read"),
    ],
)
def test_the_cover_is_read_or_the_gap_is_named(pages, field, expected):
    draft = draft_from_pages(pages, "report.pdf", "newtown")
    if field == "kind":
        assert draft.kind == expected
    elif field == "overall":
        assert draft.notes["overall-effectiveness"].startswith(expected)
        assert "overall-effectiveness" not in draft.judgements
    else:
        assert draft.notes[field].startswith(expected)


def test_a_point_no_rule_matches_has_no_themes_and_a_todo_never_a_guess():
    draft = draft_from_pages(ilacs(), "report.pdf", "newtown")
    text = render(draft)
    first, second = draft.points
    assert [h.theme for h in first.themes] == ["young-carers"] and first.point.national_framework == "outcome-1"
    assert "\n            themes: [young-carers]" in text
    assert second.themes == [] and "\n            themes:" not in text.split("newtown-2026-r2")[1]
    assert "# TODO themes: no theme rule matched the point's wording" in text
    assert "# TODO national_framework: the tag 'outcome 9' matches none of ours" in text


def test_a_report_without_improvement_points_says_so():
    pages = ilacs()
    pages[1] = "Inspection of Newtown local authority children's services\n1. All is well."
    draft = draft_from_pages(pages, "report.pdf", "newtown")
    assert draft.points == []
    assert "# TODO recommendations: no 'What needs to improve' or recommendations list was found" in render(draft)


def test_an_empty_text_is_not_a_report():
    with pytest.raises(ReportUnreadable, match=r"report\.pdf: this does not look like an Ofsted inspection report"):
        draft_from_pages(["", ""], "report.pdf")
