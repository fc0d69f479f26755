"""The workbook of every record is built once per records, in the background, and every click gets that one."""

from __future__ import annotations

import io
import threading
import time
from dataclasses import replace

import openpyxl
import pytest

from components import record_tables


@pytest.fixture
def records(small_frames):
    return replace(small_frames)  # a frames object of its own: the workbook is kept with the object


def test_the_workbook_holds_an_about_sheet_and_every_table(records):
    book = openpyxl.load_workbook(io.BytesIO(record_tables.workbook(records)))
    assert book.sheetnames == ["About", *record_tables.record_tables(records)]


def test_visitors_asking_at_once_share_one_build_started_by_the_page(records, monkeypatch):
    builds = []
    real = record_tables.excel_bytes

    def slow(*args, **kwargs):
        builds.append(threading.current_thread().name)
        time.sleep(0.3)  # long enough for every click below to arrive during the build
        return real(*args, **kwargs)

    monkeypatch.setattr(record_tables, "excel_bytes", slow)
    record_tables.prepare_workbook(records)
    got: list[bytes] = []
    clicks = [threading.Thread(target=lambda: got.append(record_tables.workbook(records))) for _ in range(5)]
    for click in clicks:
        click.start()
    for click in clicks:
        click.join()
    assert builds == ["records-workbook"], "one build, in the background, not one per click"
    assert len(got) == 5 and all(b is got[0] for b in got)
    record_tables.prepare_workbook(records)
    assert record_tables.workbook(records) is got[0] and len(builds) == 1, "built once per records"


def test_a_build_that_fails_fails_the_click_that_asks(records, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("no workbook today")

    monkeypatch.setattr(record_tables, "excel_bytes", broken)
    record_tables.prepare_workbook(records)
    with pytest.raises(ValueError, match="no workbook today"):
        record_tables.workbook(records)


def test_after_a_failed_build_the_next_click_builds_again(records, monkeypatch):
    real = record_tables.excel_bytes
    monkeypatch.setattr(record_tables, "excel_bytes", lambda *a, **k: (_ for _ in ()).throw(OSError("disk full")))
    with pytest.raises(OSError, match="disk full"):
        record_tables.workbook(records)
    monkeypatch.setattr(record_tables, "excel_bytes", real)
    assert record_tables.workbook(records).startswith(b"PK"), "a failure is not kept for ever"


def test_the_sources_page_sends_only_the_chosen_tab_s_table(app):
    """Each run of the Sources page draws the table of the tab that is open, not all nine (1.1 MB a run)."""
    at = app(page="pages/sources.py")
    shown = [frame.value for frame in at.dataframe]
    assert any("source_id" in table.columns for table in shown)  # the first tab, Sources, is open
    assert not any("finding_id" in table.columns for table in shown)
    at.session_state["records_tab"] = "Findings"
    at.run()
    assert not at.exception
    shown = [frame.value for frame in at.dataframe]
    assert any("finding_id" in table.columns for table in shown)
    assert not any("source_id" in table.columns and "title" in table.columns for table in shown)
