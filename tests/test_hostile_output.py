"""Safe output: hostile record text and hostile links reach the page, the charts and the downloads as inert
text. Unit tests of the escaping functions (with hypothesis), every chart built from the hostile records,
downloads opened back up, and odd links run through the whole app (AppTest)."""

from __future__ import annotations

import io
import re

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from components import charts, print_layout, text_safety, timeline_charts
from components.downloads import _FORMULA_START, csv_bytes, excel_bytes, neutralise, safe_filename
from components.text_safety import md_escape
from inspections.analysis import status_counts, status_history, theme_matrix
from inspections.frames import build_frames
from inspections.records import load_records
from tests.conftest import ROOT, SMALL, strings_in

HOSTILE = ROOT / "tests" / "hostile"
HTML_FRAMES = build_frames(load_records(HOSTILE / "52-html-and-script-in-text.yaml"))
PLOTLY_TAGS = re.compile(r"<(script|img|b>Council|i>Supervision|a |div|/div|i>)", re.IGNORECASE)


# Markdown: escaping leaves nothing markdown or HTML would act on.

_MARKDOWN_ACTIVE = set("\\`*_[]<>|~$#")


def _unescaped(text: str) -> list[str]:
    """Characters markdown would act on that are not preceded by an escaping backslash."""
    found, i = [], 0
    while i < len(text):
        if text[i] == "\\":
            i += 2  # a backslash escapes the next character, whatever it is
            continue
        if text[i] in _MARKDOWN_ACTIVE:
            found.append(text[i])
        i += 1
    return found


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("\\`*_[]()<>|~$#!-+.:&= \nabc1")) | st.characters(), max_size=60))
def test_md_escape_leaves_no_active_markdown(text):
    escaped = md_escape(text)
    assert _unescaped(escaped) == []
    for line in escaped.split("\n"):
        assert not re.match(r"\s*([-+]|\d+\.)\s", line), "a line must not start a list"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_plotly_escape_leaves_no_tags(text):
    escaped = text_safety.esc(text)
    assert "<" not in escaped and ">" not in escaped
    assert escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") == text


# Charts: every figure built from the hostile records carries the text escaped.


FIGURES = {
    "timeline": lambda f: timeline_charts.timeline_figure(f.events),
    "judgements": lambda f: timeline_charts.judgements_figure(f.judgements),
    "themes": lambda f: charts.theme_matrix_figure(theme_matrix(f, "improvement")),
    "status": lambda f: charts.status_figure(status_counts(f)),
    "history": lambda f: charts.status_history_figure(status_history(f)),
    "print": lambda f: print_layout.with_titles(
        timeline_charts.timeline_figure(f.events), "Title <script>x</script>", "<b>Council</b>", "<img src=x>"
    ),
}


@pytest.mark.parametrize("name", FIGURES)
def test_every_chart_escapes_record_text(name):
    figure = FIGURES[name](HTML_FRAMES).to_plotly_json()
    texts = list(strings_in(figure))
    assert texts
    raw = [t for t in texts if PLOTLY_TAGS.search(t)]
    assert raw == [], f"{name}: record text reaches plotly as markup"


def test_the_hostile_names_are_really_in_the_charts():
    """The check above is not vacuous: the escaped authority name is drawn."""
    texts = list(strings_in(charts.status_figure(status_counts(HTML_FRAMES)).to_plotly_json()))
    assert any("Alpha &lt;b&gt;Council&lt;/b&gt;" in t for t in texts)


# Downloads: every table built from the hostile records opens as text.


def _tables():
    return {
        "sources": HTML_FRAMES.sources,
        "events": HTML_FRAMES.events,
        "findings": HTML_FRAMES.findings,
        "recommendations": HTML_FRAMES.recommendations,
        "updates": HTML_FRAMES.updates,
        "themes": HTML_FRAMES.themes,
    }


def test_csv_downloads_of_hostile_records_cannot_run_formulas():
    for name, table in _tables().items():
        frame = pd.read_csv(io.BytesIO(csv_bytes(table)), dtype=str, keep_default_na=False, encoding="utf-8-sig")
        for cell in [*frame.columns, *frame.to_numpy().ravel()]:
            assert not str(cell).startswith(_FORMULA_START), (name, cell)
    sources = csv_bytes(HTML_FRAMES.sources).decode("utf-8-sig")
    assert "'=HYPERLINK" in sources


def test_excel_downloads_of_hostile_records_hold_no_formulas():
    book = openpyxl.load_workbook(io.BytesIO(excel_bytes(_tables(), ["=cmd|' /C calc'!A0"])))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert cells
    assert all(cell.data_type != "f" for cell in cells)
    assert not any(isinstance(c.value, str) and c.value.startswith(_FORMULA_START) for c in cells)
    notes = [c.value for c in cells if isinstance(c.value, str) and "+SUM(1,2)" in c.value]
    assert notes and all(n.startswith("'+SUM") for n in notes)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("\0=1", "'\0=1"), ("\uff1dSUM(A1)", "'\uff1dSUM(A1)"), ("\uff20cmd", "'\uff20cmd"), ("a=1", "a=1")],
)
def test_more_formula_signs_are_neutralised(value, expected):
    assert neutralise(value) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=40), min_size=1, max_size=4), st.sampled_from(["csv", "xlsx", "png"]))
def test_file_names_are_always_safe(parts, extension):
    name = safe_filename(*parts, extension=extension)
    stem, _, ext = name.rpartition(".")
    assert ext == extension
    assert re.fullmatch(r"[a-z0-9][a-z0-9_-]*", stem), name
    assert len(name) <= 160
    assert stem.lower() not in {"con", "prn", "aux", "nul", "com1", "lpt1"}


@pytest.mark.parametrize("reserved", ["CON", "nul", "Com1", "lpt9"])
def test_windows_device_names_are_never_file_names(reserved):
    assert safe_filename(reserved, extension="csv") == f"{reserved.lower()}_download.csv"


# Links: odd query strings through the whole app. AppTest URL-encodes what is set here, so the app receives
# these exact strings after decoding, as a browser would send them percent-encoded.

ODD_LINKS = {
    "percent-encoded-unicode": {"la": "Gâteshead,%C3%A9,é", "theme": "ｓｕｐｅｒｖｉｓｉｏｎ"},
    "nul-and-controls": {"la": "alpha\x00beta", "kind": "\x1b[2J\x07", "from": "\x00"},
    "very-long-key": {"k" * 5000: "1", "la": "alpha"},
    "very-long-value": {"theme": ",".join(["plans"] * 2000)},
    "markdown-link": {"la": "[Log in](https://evil.example)", "utm": "![x](https://evil.example/p.png)"},
    "right-to-left-override": {"\u202eal": "ahpla", "la": "\u202ealpha"},
    "repeated-keys": {"la": ["alpha", "alpha", "nowhere"], "from": ["2019", "1066"]},
    "empty-values": {"la": "", "from": "", "kind": ",,,"},
    "surrogate-escape": {"la": "%ED%A0%80", "to": "%FF%FE"},
}


@pytest.mark.parametrize("params", ODD_LINKS.values(), ids=ODD_LINKS.keys())
def test_odd_links_are_ignored_with_a_short_notice(app, params):
    at = app(SMALL, params=params)
    assert not at.exception, at.exception
    assert at.title, "the page still renders"
    notices = [i.value for i in at.info]
    assert notices, "something in the link was ignored, so the reader is told"
    for notice in notices:
        assert len(notice) < 400, "notices stay short"
        assert notice.isprintable(), repr(notice)
        # what the link said is quoted in a code span (shown as written, linking nothing); the rest is escaped
        words = re.sub(r"(`+) .*? \1", "", notice)
        assert _unescaped(words.replace("'", "")) == [], f"a notice is markdown-escaped: {notice!r}"
    assert set(at.multiselect(key="f_authorities").value) <= {"alpha", "beta"}
