"""A question asked several ways about one view's frames is answered once, and forgotten with the frames."""

from __future__ import annotations

import gc
from dataclasses import dataclass, replace

import pandas as pd
import pytest

from inspections import once as module
from inspections.once import once_per_object
from inspections.summaries import authority_summary, regional_summary


@dataclass(frozen=True)
class Tiny:
    rows: pd.DataFrame


def counted():
    calls = []

    @once_per_object
    def rows_over(frames: Tiny, least: int = 0) -> int:
        calls.append(least)
        return int((frames.rows["n"] > least).sum())

    return rows_over, calls


def test_the_same_question_about_the_same_frames_is_answered_once():
    rows_over, calls = counted()
    frames = Tiny(pd.DataFrame({"n": [1, 2, 3]}))
    assert [rows_over(frames), rows_over(frames), rows_over(frames, 1), rows_over(frames, least=1)] == [3, 3, 2, 2]
    assert calls == [0, 1, 1], "once per arguments (positional and keyword counted apart)"


def test_other_frames_get_their_own_answer():
    rows_over, calls = counted()
    one, other = Tiny(pd.DataFrame({"n": [1, 2, 3]})), Tiny(pd.DataFrame({"n": [5]}))
    assert (rows_over(one), rows_over(other)) == (3, 1)
    assert len(calls) == 2


def test_answers_go_when_their_frames_do():
    rows_over, _ = counted()
    frames = Tiny(pd.DataFrame({"n": [1]}))
    rows_over(frames)
    ident = id(frames)
    assert ident in module._KEPT
    del frames
    gc.collect()
    assert ident not in module._KEPT


def test_the_overviews_cards_and_sentences_share_one_summary(small_frames):
    frames = replace(small_frames)  # a frames object of this test's own, so nothing is kept from another test
    cards = authority_summary(frames)
    regional_summary(frames)
    assert authority_summary(frames) is cards
    assert authority_summary(replace(small_frames)) is not cards


def test_an_answer_that_cannot_be_made_is_made_again_next_time_it_is_asked():
    """An exception is not kept: the next call tries again (a table Arrow cannot hold, a drawing that failed)."""
    tries = []

    @once_per_object
    def fails(frames: Tiny) -> int:
        tries.append(1)
        raise ValueError("no")

    frames = Tiny(pd.DataFrame({"n": [1]}))
    for _ in range(2):
        with pytest.raises(ValueError):
            fails(frames)
    assert len(tries) == 2
