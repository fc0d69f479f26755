"""The frames cached for every session are only read: every page's questions asked of one set of cached frames
from several threads at once raise nothing, and leave every frame exactly as it was."""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import fields

import pandas as pd

from components import exhibits, region_exhibits
from components.downloads import csv_bytes
from inspections import analysis, summaries
from inspections.analysis import apply_view, options_for
from inspections.frames import Frames, build_frames
from inspections.records import load_records
from inspections.view import View
from tests.conftest import SHIPPED


def fingerprint(frames: Frames) -> str:
    sha = hashlib.sha256()
    for field in fields(frames):
        value = getattr(frames, field.name)
        if isinstance(value, pd.DataFrame):
            sha.update(field.name.encode() + value.to_json(default_handler=str).encode())
        else:
            sha.update(repr(value).encode())
    return sha.hexdigest()


def test_pages_asking_questions_at_once_leave_the_shared_frames_as_they_were():
    everything = build_frames(load_records(SHIPPED))
    options = options_for(everything)
    view = View.default(options)
    frames = apply_view(everything, view)
    before = (fingerprint(everything), fingerprint(frames))
    questions = [
        lambda: exhibits.exhibits(frames, view, options),
        lambda: region_exhibits.exhibits(everything),
        lambda: summaries.authority_summary(frames),
        lambda: summaries.regional_summary(frames),
        lambda: analysis.cell_evidence(frames, options.authorities[0], options.themes[0]),
        lambda: [csv_bytes(getattr(everything, f.name)) for f in fields(everything) if f.name != "checked"],
        lambda: apply_view(everything, View(options.authorities[:1], view.first_year, view.last_year, (), ())),
    ]
    problems: list[str] = []
    stop = time.monotonic() + 3

    def ask(question) -> None:
        while time.monotonic() < stop and not problems:
            try:
                question()
            except Exception as exc:  # any error in any thread is what this test looks for
                problems.append(f"{type(exc).__name__}: {exc}"[:300])

    threads = [threading.Thread(target=ask, args=(q,), daemon=True) for q in questions * 2]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert problems == []
    assert (fingerprint(everything), fingerprint(frames)) == before
