"""Reading the records leaves what is alive out of Python's full collections, and lets nothing dead in with it."""

from __future__ import annotations

import gc
import weakref

import pytest

from components import data


class Node:
    """An object in a reference cycle: only the garbage collector can free it."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture(autouse=True)
def unfrozen():
    yield
    gc.unfreeze()  # the rest of the test session collects as usual


def test_what_is_alive_when_the_records_are_read_is_frozen():
    alive = Node()
    data._settle_long_lived()
    assert gc.get_freeze_count() > 0
    assert alive.me is alive


def test_a_cycle_already_dead_is_collected_not_frozen():
    dead = Node()
    gone = weakref.ref(dead)
    del dead
    data._settle_long_lived()
    assert gone() is None


def test_a_cycle_frozen_while_alive_is_collected_when_the_records_are_read_again():
    old_frames = Node()  # alive at the first read, as the old records' frames are
    gone = weakref.ref(old_frames)
    data._settle_long_lived()
    del old_frames
    gc.collect()
    assert gone() is not None, "frozen: a full collection does not walk it"
    data._settle_long_lived()  # new records
    assert gone() is None
