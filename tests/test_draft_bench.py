"""How bench/bench_draft.py decides a point's paragraphs are right: numbers, not strings."""

from __future__ import annotations

import pytest

from bench.bench_draft import paragraph_checks


@pytest.mark.parametrize(
    ("draft", "curated", "checks"),
    [
        # ILACS: no own number; a supporting paragraph in common is enough.
        ("What needs to improve (p. 2); paras 6, 11", "What needs to improve (p. 2); paras 6, 8", [("support", True)]),
        ("What needs to improve (p. 2); paras 2, 3", "What needs to improve (p. 2); paras 6, 8", [("support", False)]),
        # SIF: the own number must agree, however the record writes it.
        (
            "Recommendations (p. 7), para 1; paras 19, 40",
            "Recommendations (p. 7), para 1; paras 19-22",
            [("own", True), ("support", True)],
        ),
        (
            "Recommendations (p. 8), para 4; para 77",
            "Recommendations, item 4 (p. 8); paras 29, 51",
            [("own", True), ("support", False)],
        ),
        (
            "Recommendations (p. 8), para 5; para 12",
            "Recommendations, item 4 (p. 8); para 12",
            [("own", False), ("support", True)],
        ),
        # The record cites only supporting paragraphs: the own number is not held against the draft.
        ("Recommendations (p. 8), para 1; para 31", "Recommendations (p. 8); para 31", [("support", True)]),
        # Nothing to compare with: the record cites a list position or pages only.
        ("What needs to improve (p. 2); para 19", "what needs to improve, point 1", []),
        ("Areas for improvement, item 1 (p. 5)", "Areas for improvement, item 1 (p. 5); see pp. 11, 17", []),
    ],
)
def test_paragraphs_are_compared_as_numbers(draft, curated, checks):
    assert paragraph_checks(draft, curated) == checks
