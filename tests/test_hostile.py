"""The hostile-input catalogue (tests/hostile/): every broken or hostile records file gives exactly the
problems listed for it in tests/hostile/cases.yaml, with line and place, from the loader and as the lines
`python -m inspections validate` prints; a few representative files also through the CLI itself (in-process and as
a process) and the app's error panel: never a traceback or a half-drawn page.
The hostile files that are valid load, and their text reaches the page only as text.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from inspections.__main__ import main as cli_main
from inspections.errors import RecordsInvalid
from inspections.records import load_records
from testing.browser import app_pages
from tests.conftest import ROOT, strings_in

HOSTILE = Path(__file__).resolve().parent / "hostile"
CASES = yaml.safe_load((HOSTILE / "cases.yaml").read_text(encoding="utf-8"))["cases"]
BROKEN = [c for c in CASES if not c.get("valid")]
VALID = [c for c in CASES if c.get("valid")]
ALL_PAGES = [page.script for page in app_pages()]  # read from app.py: a new page is covered


def ids(cases):
    return [c["file"].removesuffix(".yaml") for c in cases]


@pytest.fixture
def materialise(tmp_path):
    """The case's file as the tools must see it: the file itself, or a padded copy for `pad_to` cases."""

    def make(case: dict) -> Path:
        path = HOSTILE / case["file"]
        if "pad_to" not in case:
            return path
        size = case["pad_to"]
        raw = path.read_bytes()
        filler = b"# padding: far more text than any real records file\n"
        raw += filler * ((size - len(raw)) // len(filler))
        raw += b"#" * (size - len(raw) - 1) + b"\n"
        padded = tmp_path / case["file"]
        padded.write_bytes(raw)
        assert padded.stat().st_size == size
        return padded

    return make


def expected(case: dict) -> list[tuple]:
    return [(e["line"], e["path"], e["message"]) for e in case["errors"]]


def test_the_catalogue_is_complete():
    """Every file is in cases.yaml and every entry has its file; at least 30 ways to break the records."""
    files = {p.name for p in HOSTILE.glob("*.yaml")} - {"cases.yaml"}
    listed = [c["file"] for c in CASES]
    assert sorted(listed) == sorted(files)
    assert len(set(listed)) == len(listed)
    assert len(BROKEN) >= 30
    for case in BROKEN:
        assert case["errors"], f"{case['file']}: a broken case must list what is wrong"


def cli_lines(path: Path, case: dict) -> list[str]:
    """What `python -m inspections validate` must print for a broken case: one line per problem."""
    return [f"{path}:{line}: {p + ': ' if p else ''}{m}" if line else f"{path}: {m}" for line, p, m in expected(case)]


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_loader_reports_each_problem_with_its_place(case, materialise):
    """Every case, once: the validator's problems, and each as the one line the CLI prints for it."""
    path = materialise(case)
    if case.get("valid"):
        load_records(path)
        return
    with pytest.raises(RecordsInvalid) as caught:
        load_records(path)
    assert [(e.line, e.path, e.message) for e in caught.value.errors] == expected(case)
    assert {e.file for e in caught.value.errors} == {str(path)}
    printed = "\n".join(str(e) for e in caught.value.errors).splitlines()  # as `print(error)` writes them
    assert printed == cli_lines(path, case)
    assert all(line.isprintable() for line in printed), "nothing printed may drive the terminal"


# The CLI and the error panel only show what the validator found (above, for every case), so they run on a few
# files that between them show a problem every way it can be shown: a whole file with no line (62, padded outside
# the project), line 1 of an empty file, YAML syntax, a place inside the records, two problems at once, another
# encoding, and text that would drive a terminal or turn a line right to left.
SHOWN_CASES = [
    "01-unclosed-bracket",
    "05-empty",
    "09-bom-broken",
    "11-utf-16",
    "13-control-escape-in-text",
    "14-bidi-override",
    "15-control-char-in-key",
    "44-duplicate-theme-id",
    "53-billion-laughs",
    "62-oversize",
]
SHOWN = [c for c in BROKEN if c["file"].removesuffix(".yaml") in SHOWN_CASES]
assert len(SHOWN) == len(SHOWN_CASES), "every case shown is in the catalogue, and broken"


@pytest.mark.parametrize("case", SHOWN + VALID, ids=ids(SHOWN + VALID))
def test_cli_prints_each_problem_and_exits_1(case, materialise, capsys):
    path = materialise(case)
    code = cli_main(["validate", str(path)])
    out, err = capsys.readouterr()
    if case.get("valid"):
        assert code == 0
        assert out.startswith(f"{path}: valid: ")
        return
    assert code == 1
    lines = err.splitlines()
    want = cli_lines(path, case)
    count = len(want)
    assert lines == [*want, f"{path}: {count} problem{'s' if count != 1 else ''} found"]
    assert all(line.isprintable() for line in lines), "nothing printed may drive the terminal"


# A handful run as real processes (in parallel), for what in-process calls cannot show: the exit status and
# stderr of `python -m inspections` itself, with no traceback.
PROCESS_CASES = [
    "05-empty",
    "11-utf-16",
    "12-nul-byte",
    "15-control-char-in-key",
    "53-billion-laughs",
    "56-python-tag",
    "60-deep-nesting-flow",
    "62-oversize",
]


def test_cli_as_a_process(materialise):
    chosen = [c for c in CASES if c["file"].removesuffix(".yaml") in PROCESS_CASES]
    assert len(chosen) == len(PROCESS_CASES)
    runs = [
        (
            case,
            subprocess.Popen(
                [sys.executable, "-m", "inspections", "validate", str(materialise(case))],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            ),
        )
        for case in chosen
    ]
    for case, process in runs:
        out, err = process.communicate(timeout=60)
        assert process.returncode == 1, (case["file"], err)
        assert "Traceback" not in err
        assert out == ""
        for _line, _path, message in expected(case):
            assert message in err
        assert err.strip().endswith("found")


@pytest.mark.parametrize("case", SHOWN, ids=ids(SHOWN))
def test_error_panel_lists_each_problem_and_draws_nothing_else(case, materialise, app):
    path = materialise(case)
    at = app(path, chromium=False)
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["The records need attention"]
    count = len(case["errors"])
    assert f"has {count} problem{'s' if count != 1 else ''}" in at.error[0].value
    shown = at.dataframe[0].value
    # Files are named from the project folder, or by name alone outside it (never the server's own paths).
    named = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name
    assert list(shown.itertuples(index=False, name=None)) == [
        (named, str(line) if line else "–", p, m) for line, p, m in expected(case)
    ]
    # No partial pages: no charts, no other tables, no sidebar filters, no downloads.
    assert len(at.dataframe) == 1
    assert not at.get("plotly_chart")
    assert not at.multiselect and not at.sidebar.children
    assert not at.get("download_button")


# Fragments of the hostile text in 52-html-and-script-in-text.yaml that must never reach a page as markup.
HTML_CASE = HOSTILE / "52-html-and-script-in-text.yaml"
# A backslash before < or ] is markdown's escape: then the text is shown, not obeyed.
RAW_MARKUP = re.compile(
    r"(?<!\\)<(script|img|b>Council|i>Supervision|a href|div|/div)|(?<!\\)\]\(https://evil|!\[irregular"
)
# Plotly reads a subset of HTML in labels (not markdown): there no tag from the records may appear unescaped.
RAW_PLOTLY_MARKUP = re.compile(r"<(script|img|b>Council|i>Supervision|a href|div|/div)")
MARKDOWN_ELEMENTS = ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success")


def _markdown_bodies(at: AppTest) -> list[str]:
    return [str(e.value) for kind in MARKDOWN_ELEMENTS for e in getattr(at, kind)]


@pytest.mark.parametrize("case", VALID, ids=ids(VALID))
def test_valid_hostile_files_render_every_page(case, app):
    at = app(HOSTILE / case["file"], chromium=False)
    for page in ALL_PAGES:
        at.switch_page(page).run()
        assert not at.exception, (page, at.exception)
        assert not at.error, (page, [e.value for e in at.error])


def test_html_and_script_in_records_reach_the_page_only_as_text(app):
    at = app(HTML_CASE, chromium=False)
    seen_markup_text = seen_chart_text = seen_table_text = False
    for page in ALL_PAGES:
        at.switch_page(page).run()
        assert not at.exception, (page, at.exception)
        if page == "pages/timeline.py":
            at.toggle(key="show_subjudgements").set_value(True).run()
        # Markdown: every < and [ from the records is escaped, so nothing becomes a tag, a link or an image.
        for body in _markdown_bodies(at):
            assert not RAW_MARKUP.search(body), (page, body)
            seen_markup_text |= r"\<b\>Council" in body
        # Plotly: labels, hover data and ticks carry the text HTML-escaped (text_safety.esc).
        for chart in at.get("plotly_chart"):
            for text in strings_in(json.loads(chart.proto.spec)):
                assert not RAW_PLOTLY_MARKUP.search(text), (page, text)
                seen_chart_text |= "Alpha &lt;b&gt;Council&lt;/b&gt;" in text
        # Tables: the text itself, unchanged (st.dataframe draws text, never HTML).
        for frame in at.dataframe:
            cells = frame.value.astype(str).to_numpy().ravel().tolist()
            seen_table_text |= (
                "<script>alert(document.cookie)</script> Make supervision regular: see https://evil.example" in cells
            )
    assert seen_markup_text, "the authority's name should appear, escaped, in the page text"
    assert seen_chart_text, "the authority's name should appear, escaped, in the charts"
    assert seen_table_text, "the recommendation's text should appear unchanged in a table"


@pytest.mark.parametrize("kind", ["directory", "fifo", "missing"])
def test_cli_on_something_that_is_not_a_records_file(kind, tmp_path, capsys):
    """Not a file at all: one clear problem and exit 1, never a traceback or a read that never ends."""
    path = tmp_path / "records.yaml"
    if kind == "directory":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)  # reading it would block for ever
    assert cli_main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    reason = {"directory": "not a regular file", "fifo": "not a regular file", "missing": "No such file"}[kind]
    assert err.startswith(f"{path}: cannot read the records file: {reason}")
