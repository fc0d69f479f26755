"""A table's CSV or Excel file is made when its button is clicked, and the file stays downloadable while other
visitors' page runs sweep Streamlit's unreferenced files (workaround 4 in components/streamlit_workarounds.py)."""

from __future__ import annotations

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from components import streamlit_workarounds as workarounds


def _manager() -> MediaFileManager:
    return MediaFileManager(MemoryMediaFileStorage("/media"))


def _click(manager: MediaFileManager, payload: bytes = b"a,b\n1,2\n") -> str:
    """What a click does: the button's callable registered on a run, then made into a file when asked for."""
    placeholder = manager.add_deferred(lambda: payload, "text/csv", "1.(2.3).4", "table.csv")
    return workarounds.media_file_id(manager.execute_deferred(placeholder))


def _sweep(manager: MediaFileManager, times: int = 2) -> None:
    """What other sessions' finished page runs do, once each."""
    for _ in range(times):
        manager.remove_orphaned_files()


def test_streamlit_still_deletes_a_file_made_on_click_after_two_sweeps():
    """The upstream behaviour the workaround is for. If this fails, Streamlit keeps such files itself: remove
    workaround 4 and this test."""
    manager = _manager()
    made = _click(manager)
    assert manager.read_file(made) is not None
    _sweep(manager)
    assert manager.read_file(made) is None, "Streamlit no longer sweeps files made on click: drop the workaround"


def test_a_file_made_on_click_survives_other_visitors_runs():
    manager = _manager()
    workarounds.keep_files_made_on_click(manager)
    made = _click(manager)
    _sweep(manager, times=5)
    assert manager.read_file(made).content == b"a,b\n1,2\n"


def test_a_file_made_on_click_is_let_go_after_its_minute(monkeypatch):
    manager = _manager()
    workarounds.keep_files_made_on_click(manager, grace_s=60)
    clock = [1000.0]
    monkeypatch.setattr(workarounds.time, "monotonic", lambda: clock[0])
    made = _click(manager)
    clock[0] += 59
    _sweep(manager)
    assert manager.read_file(made) is not None
    clock[0] += 2
    _sweep(manager)
    assert manager.read_file(made) is None, "the file is swept as usual once its minute is up"


def test_installing_twice_wraps_once():
    manager = _manager()
    workarounds.keep_files_made_on_click(manager)
    wrapped = manager.execute_deferred
    workarounds.keep_files_made_on_click(manager)
    assert manager.execute_deferred is wrapped


@pytest.mark.parametrize("gone", ["execute_deferred", "_get_inactive_file_ids"])
def test_the_workaround_says_so_when_streamlit_no_longer_has_what_it_wraps(monkeypatch, gone):
    monkeypatch.delattr(MediaFileManager, gone)
    with pytest.raises(workarounds.StreamlitWorkaroundBroken, match="pull/12942"):
        workarounds.keep_files_made_on_click(_manager())


def test_the_media_address_names_the_stored_file():
    manager = _manager()
    url = manager.add(b"x", "text/csv", "1.2", file_name="t.csv", is_for_static_download=True)
    assert manager.read_file(workarounds.media_file_id(url)) is not None


@pytest.mark.parametrize("value", ["soon", "-5", "nan", ""])
def test_a_grace_that_is_not_a_positive_number_falls_back_to_a_minute(monkeypatch, value):
    monkeypatch.setenv(workarounds.CLICK_FILE_GRACE_ENV, value)
    assert workarounds._grace_s() == 60.0
