"""`python -m inspections draft` on pages cut from real reports: what it reads, and that the validator takes it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from inspections.draft import draft_report
from inspections.draft_yaml import render
from inspections.records import load_records
from tests.conftest import FIXTURES, ROOT, SHIPPED

PDFS = FIXTURES / "pdf"

# fixture -> what the report says on those pages (checked by eye against the PDF)
EXPECTED = {
    "ilacs-2019-gateshead.pdf": {
        "kind": "ilacs",
        "fieldwork": ("2019-04-29", "2019-05-03"),
        "lead_inspector": "Jan Edwards, Her Majesty's Inspector",
        "judgements": {
            "overall-effectiveness": "good",
            "leaders": "good",
            "help-and-protection": "good",
            "children-in-care-and-care-leavers": "good",
        },
        "points": 4,
        "first_paragraphs": "What needs to improve (p. 2)",
        "tags": [None, None, None, None],
        "first_themes": {"supervision", "management-oversight", "iro"},
    },
    "ilacs-2025-sunderland.pdf": {
        "kind": "ilacs",
        "fieldwork": ("2025-01-27", "2025-01-31"),
        "lead_inspector": "Louise Walker, His Majesty's Inspector",
        "judgements": {
            "overall-effectiveness": "outstanding",
            "leaders": "outstanding",
            "help-and-protection": "outstanding",
            "children-in-care": "outstanding",
            "care-leavers": "good",
        },
        "points": 3,
        "first_paragraphs": "What needs to improve (p. 2)",
        "tags": ["outcome-3", "outcome-3", "enabler-2"],
        "first_themes": {"exploitation-missing"},
    },
    "ilacs-2026-south-tyneside.pdf": {
        "kind": "ilacs",
        "fieldwork": ("2026-06-15", "2026-06-26"),
        "lead_inspector": "Gareth Dakin, His Majesty's Inspector",
        "judgements": {
            "leaders": "good",
            "help-and-protection": "good",
            "children-in-care": "good",
            "care-leavers": "outstanding",
        },
        "points": 3,
        "first_paragraphs": "What needs to improve (p. 2)",
        "tags": ["outcome-1", "outcome-1", "enabler-2"],
        "first_themes": {"young-carers", "plans"},
    },
    "sif-2016-gateshead.pdf": {
        "kind": "sif",
        "fieldwork": ("2015-10-27", "2015-11-19"),
        "published": "2016-03-11",
        "lead_inspector": "Tracey Metcalfe HMI",
        "judgements": {
            "overall-effectiveness": "good",
            "help-and-protection": "good",
            "children-looked-after": "good",
            "adoption": "good",
            "care-leavers": "requires-improvement",
            "leadership": "good",
            "lscb-review": "requires-improvement",
        },
        "points": 15,
        "first_paragraphs": "Recommendations (p. 7), para 1; paras 17, 25, 46, 48, 80",
        "tags": [None] * 15,
        "first_themes": {"plans", "care-leavers"},
    },
    "sif-2014-hartlepool.pdf": {
        "kind": "sif",
        "fieldwork": ("2013-11-19", "2013-12-11"),
        "judgements": {
            "overall-effectiveness": "good",
            "help-and-protection": "good",
            "children-looked-after": "good",
            "adoption": "good",
            "care-leavers": "good",
            "leadership": "good",
            "lscb-review": "requires-improvement",
        },
        "points": 17,
        "first_paragraphs": "Areas for improvement, item 1 (p. 5)",
        "tags": [None] * 17,
        "first_themes": {"recording"},
    },
}


@pytest.fixture(scope="module")
def drafts() -> dict[str, tuple[str, dict]]:
    """Each fixture's printed draft and the event read back from it (reading PDFs is slow: once per module)."""
    out = {}
    for name in EXPECTED:
        text = render(draft_report(PDFS / name, authority="gateshead"))
        out[name] = (text, yaml.safe_load(text)[0])
    return out


@pytest.mark.parametrize("name", EXPECTED)
def test_the_draft_holds_what_the_report_says(drafts, name):
    expected = EXPECTED[name]
    _, event = drafts[name]
    assert event["kind"] == expected["kind"]
    assert (str(event["fieldwork"]["start"]), str(event["fieldwork"]["end"])) == expected["fieldwork"]
    assert str(event.get("published")) == expected.get("published", "None")
    assert event.get("lead_inspector") == expected.get("lead_inspector")
    assert event["judgements"] == expected["judgements"]
    points = event.get("recommendations", [])
    assert len(points) == expected["points"]
    assert points[0]["paragraphs"].startswith(expected["first_paragraphs"])
    assert [p.get("national_framework") for p in points] == expected["tags"]
    assert set(points[0]["themes"]) == expected["first_themes"]
    assert all(p["text"].startswith("TODO") for p in points), "paraphrases are the curator's"


@pytest.mark.parametrize(
    ("name", "todo"),
    [
        ("ilacs-2019-gateshead.pdf", "TODO kind: the report does not say whether this was a short or a standard"),
        ("ilacs-2019-gateshead.pdf", "TODO published: the report does not print its publication date"),
        ("sif-2014-hartlepool.pdf", "TODO lead_inspector: no 'Lead inspector:' line found"),
        ("sif-2014-hartlepool.pdf", "TODO paragraphs: the report does not number its paragraphs"),
        ("ilacs-2026-south-tyneside.pdf", "overall-effectiveness: none: the framework from April 2026 gives no"),
    ],
)
def test_what_was_not_read_is_left_out_with_a_todo(drafts, name, todo):
    text, _ = drafts[name]
    assert todo in " ".join(line.strip().lstrip("# ") for line in text.splitlines())


def test_the_report_wording_is_kept_in_a_comment_beside_each_point(drafts):
    text, _ = drafts["ilacs-2025-sunderland.pdf"]
    assert (
        "# The report (What needs to improve, p. 2, point 3): The workloads of PAs in the Next Steps service." in text
    )
    assert '# themes suggested by inspections/theme_rules.py: care-leavers ("PAs"), workforce ("workloads")' in text


def test_the_sif_report_own_paragraph_references_are_kept(drafts):
    _, event = drafts["sif-2016-gateshead.pdf"]
    lscb = event["recommendations"][8]
    assert lscb["paragraphs"] == "LSCB recommendations (p. 35), para 109; paras 118, 133"
    assert "partnership" in lscb["themes"]


@pytest.mark.parametrize("name", EXPECTED)
def test_pasted_under_events_with_its_source_declared_the_validator_accepts_it(drafts, name, tmp_path):
    text, _ = drafts[name]
    draft_source = text.split("#   - id: ")[1].split()[0]
    themes = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))["themes"]
    head = yaml.safe_dump({"schema_version": 1, "checked": "2026-12-02", "themes": themes}, sort_keys=False)
    records = head + textwrap.dedent(
        f"""\
        sources:
          - id: {draft_source}
            title: Inspection report
            publisher: Ofsted
            kind: ofsted-report
            url: https://files.ofsted.gov.uk/v1/file/1
        authorities:
          - id: gateshead
            name: Gateshead
            ons_code: E08000037
            events:
        """
    )
    path = tmp_path / "records.yaml"
    path.write_text(records + text, encoding="utf-8")
    loaded = load_records(path)
    assert loaded.authorities[0].events[0].recommendations[0].id.startswith("gateshead-")


def test_the_command_prints_the_draft_and_exits_0():
    pdf = PDFS / "ilacs-2025-sunderland.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "inspections", "draft", str(pdf), "--authority", "sunderland"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Draft record from ilacs-2025-sunderland.pdf")
    assert "      - id: sunderland-2025-ilacs\n" in result.stdout
    assert result.stderr == ""


def test_without_authority_the_id_comes_from_the_council_name_and_says_so():
    draft = draft_report(PDFS / "ilacs-2019-gateshead.pdf")
    assert (draft.authority, draft.event_id) == ("gateshead", "gateshead-2019-ilacs")
    assert "pass --authority ID" in draft.notes["authority"]


def test_the_fixtures_are_small():
    sizes = {p.name: p.stat().st_size for p in Path(PDFS).glob("*.pdf")}
    assert set(sizes) == set(EXPECTED)
    assert sum(sizes.values()) < 1_000_000
