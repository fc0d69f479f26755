from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from inspections.frames import Frames, build_frames
from inspections.records import DATA_PATH_ENV, load_records
from inspections.view import Options, View
from testing.apptest import NO_CHROMIUM, start_app
from testing.paths import FIXTURES, ROOT, SHIPPED, SMALL

__all__ = [
    "FIXTURES",
    "RECORDS_HEAD",
    "ROOT",
    "SHIPPED",
    "SMALL",
    "every_exhibit",
    "everything",
    "strings_in",
]  # the tests import these from here

# The first six lines of the small records files the rule tests write: the version, the checked date, one theme and
# one Ofsted source (more sources may follow). Line numbers in those tests count these lines.
RECORDS_HEAD = """\
schema_version: 1
checked: 2026-01-31
themes:
  - {id: supervision, label: Supervision, description: How managers supervise social workers.}
sources:
  - {id: report, title: Report, publisher: Ofsted, kind: ofsted-report, url: "https://example.org/r", published: 2019-06-11}
"""


@pytest.fixture(scope="session")
def small_frames() -> Frames:
    return build_frames(load_records(SMALL))


@pytest.fixture
def app(monkeypatch):
    """Start the dashboard in AppTest: `app(records, page, params)`. records=None runs the app's default
    (data/records.yaml); chromium=False makes Chromium missing, so no browser is started; tables_open=False leaves
    the folded tables closed, as a reader first sees them."""

    def start(
        data: Path | str | None = SMALL,
        page: str | None = None,
        params: dict | None = None,
        *,
        chromium: bool = True,
        timeout: float = 60,
        tables_open: bool = True,
    ) -> AppTest:
        if data is None:
            monkeypatch.delenv(DATA_PATH_ENV, raising=False)
        else:
            monkeypatch.setenv(DATA_PATH_ENV, str(data))
        if not chromium:
            monkeypatch.setenv("BROWSER_PATH", NO_CHROMIUM)
        return start_app(page, params, timeout=timeout, tables_open=tables_open)

    return start


@pytest.fixture
def write_yaml(tmp_path):
    """Write YAML text (dedented) to a file and return its path."""

    def write(text: str | bytes, name: str = "records.yaml") -> Path:
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


def everything(options: Options) -> View:
    """The view with every authority, year, kind of event and theme chosen."""
    return View(options.authorities, options.first_year, options.last_year, options.kinds, options.themes)


def every_exhibit(frames: Frames) -> list:
    """Every exhibit the dashboard builds from frames with everything chosen: the pack's, then the region page's."""
    from components import exhibits, region_exhibits  # late: only the chart and pack tests need them
    from inspections.analysis import apply_view, options_for

    options = options_for(frames)
    view = everything(options)
    return exhibits.exhibits(apply_view(frames, view), view, options) + region_exhibits.exhibits(frames)


def strings_in(node):
    """Every string inside a JSON-like structure (dicts, lists, tuples, numpy arrays), for escaping checks."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings_in(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from strings_in(value)
    elif hasattr(node, "tolist"):
        yield from strings_in(node.tolist())
