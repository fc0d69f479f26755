"""Answers kept with the shared object they came from, so a question asked several ways is answered once.

A view's frames (components.data) are shared read-only by every session, and several questions about them are
built on the same answer: the overview's cards, its regional summary and its table each need every authority's
summary, and each summary needs the latest judgements. Asked through the page cache they are three entries,
each computing the summary again. A function wrapped here keeps its answer for as long as its first argument (a
frames object, a shared figure or table) lives. Callers must not change what it returns, and an answer must not
hold its first argument: neither would ever be let go. Plain Python, so the analysis stays usable without the app.
"""

from __future__ import annotations

import functools
import threading
import weakref
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")

_KEPT: dict[int, tuple[weakref.ref, dict[tuple, Any]]] = {}
_LOCK = threading.Lock()


def once_per_object(function: Callable[..., T]) -> Callable[..., T]:
    """function(first, ...), computed once per first argument (by identity) and the rest (hashable), then shared."""

    @functools.wraps(function)
    def once(first: Any, *args: Hashable, **kwargs: Hashable) -> T:
        key = (function, args, tuple(sorted(kwargs.items())))
        with _LOCK:
            kept = _KEPT.get(id(first))
            if kept is not None and kept[0]() is first and key in kept[1]:
                return kept[1][key]
        value = function(first, *args, **kwargs)  # outside the lock: two threads may both compute it, with one result
        with _LOCK:
            kept = _KEPT.get(id(first))
            if kept is None or kept[0]() is not first:
                ident = id(first)
                kept = _KEPT[ident] = (weakref.ref(first, lambda _dead, ident=ident: _forget(ident)), {})
            return kept[1].setdefault(key, value)

    return once


def _forget(ident: int) -> None:
    with _LOCK:
        kept = _KEPT.get(ident)
        if kept is not None and kept[0]() is None:
            del _KEPT[ident]
