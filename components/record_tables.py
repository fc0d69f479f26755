"""Every record as the Sources page shows it: a table per kind of record, and one workbook of them all.

Plain Python. The workbook is the slowest file the dashboard makes (about 0.6 s for the twelve authorities, 2 s when
openpyxl wrote it, longer under load), and it is the same for everyone until the records change. It used to be made
by the first click on its button, which then waited for it; under bench/load_test.py that one build was about a
seventh of the server's time in a minute's load. Now the Sources page starts it in the background as it is first
drawn (`prepare_workbook`), once per records, so it is ready by the time anyone clicks, and a click during the build
waits for that build rather than starting another.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future

import pandas as pd

from components.captions import table_about
from components.downloads import excel_bytes
from inspections.frames import Frames
from inspections.headings import CHANGE_LOG, headed
from inspections.once import once_per_object


def change_log(everything: Frames) -> pd.DataFrame:
    """The change log as a reader sees it: records named in words, with their ids for a curator."""
    return headed(everything.changes, CHANGE_LOG)


def record_tables(everything: Frames) -> dict[str, pd.DataFrame]:
    """The records as tables to read and download. The frames' start, end and date columns are left out: they
    place a partial date on the timeline (mid-month where only the month is known), and in a spreadsheet they would
    read as days no source gives. The dates as the sources give them are in the label columns beside them."""
    placed = ["start", "end", "date"]
    return {
        "Sources": everything.sources,
        "Authorities": everything.authorities,
        "Events": everything.events.drop(columns=placed),
        "Judgements": everything.judgements.drop(columns=["date"]),
        "Findings": everything.findings.drop(columns=["date"]),
        "Recommendations": everything.recommendations.drop(columns=["date"]),
        "Status updates": everything.updates.drop(columns=["date"]),
        "Themes": everything.themes,
        "Change log": change_log(everything),
    }


def workbook(everything: Frames) -> bytes:
    """Every table in one Excel workbook, with an About sheet: built once per records (see the module's note)."""
    return _build(everything).result()


def prepare_workbook(everything: Frames) -> None:
    """Start building the workbook in the background, unless it is built or being built."""
    _build(everything)


_LOCK = threading.Lock()  # so that two visitors arriving at once start one build between them
BUILDER = "records-workbook"  # the background thread's name, for a benchmark that waits for the file's work


def _build(everything: Frames) -> Future:
    with _LOCK:
        slot = _slot(everything)
        built = slot[0]
        if built is None or (built.done() and built.exception() is not None):  # a failed build is tried again
            built = slot[0] = Future()
            threading.Thread(target=_make, args=(built, everything), name=BUILDER, daemon=True).start()
        return built


@once_per_object
def _slot(everything: Frames) -> list[Future | None]:
    """Where this records' build is kept, for as long as its frames live."""
    return [None]


def _make(built: Future, everything: Frames) -> None:
    try:
        about = table_about("Every record: every table", everything, "Every record, whatever the filters")
        built.set_result(excel_bytes(record_tables(everything), about))
    except BaseException as exc:  # handed to whoever asks for the file, as the click's own failure was
        built.set_exception(exc)
