"""Links: a view survives a round trip through the URL, and a strange link is ignored with a notice."""

from __future__ import annotations

import pytest

from inspections.view import Options, View, parse_query, to_query

OPTIONS = Options(
    authorities=("gateshead", "newcastle-upon-tyne", "north-tyneside"),
    kinds=("sif", "ilacs-short", "focused-visit"),
    themes=("supervision", "plans", "iro"),
    first_year=2011,
    last_year=2025,
)


def test_default_view_has_an_empty_link():
    assert to_query(View.default(OPTIONS), OPTIONS) == {}
    assert parse_query({}, OPTIONS).view == View.default(OPTIONS)


@pytest.mark.parametrize(
    "view",
    [
        View(("gateshead",), 2011, 2025, OPTIONS.kinds, OPTIONS.themes),
        View(("gateshead", "north-tyneside"), 2015, 2020, ("sif",), ("plans", "iro")),
        View(OPTIONS.authorities, 2019, 2019, OPTIONS.kinds, ("supervision",)),
    ],
)
def test_views_round_trip_through_the_link(view):
    parsed = parse_query(to_query(view, OPTIONS), OPTIONS)
    assert parsed.view == view
    assert parsed.notices == []


@pytest.mark.parametrize(
    ("params", "notice", "expected"),
    [
        ({"utm_source": "x"}, "Ignored unknown link setting 'utm_source'", View.default(OPTIONS)),
        ({"la": "sunderland"}, "Ignored unknown authority 'sunderland'", View.default(OPTIONS)),
        (
            {"la": "gateshead,atlantis"},
            "Ignored unknown authority 'atlantis'",
            View(("gateshead",), 2011, 2025, OPTIONS.kinds, OPTIONS.themes),
        ),
        (
            {"la": ["gateshead", "north-tyneside"]},
            None,
            View(("gateshead", "north-tyneside"), 2011, 2025, OPTIONS.kinds, OPTIONS.themes),
        ),
        ({"from": "1066"}, "Ignored year '1066'", View.default(OPTIONS)),
        ({"from": "twenty"}, "Ignored year 'twenty'", View.default(OPTIONS)),
        (
            {"from": "2020", "to": "2015"},
            "reversed",
            View(OPTIONS.authorities, 2015, 2020, OPTIONS.kinds, OPTIONS.themes),
        ),
        ({"theme": "x" * 5000}, "overlong", View.default(OPTIONS)),
        ({"kind": "<script>alert(1)</script>"}, "Ignored unknown event kind", View.default(OPTIONS)),
        ({"la": "gateshead,gateshead"}, None, View(("gateshead",), 2011, 2025, OPTIONS.kinds, OPTIONS.themes)),
    ],
    ids=[
        "unknown-key",
        "unknown-authority",
        "partly-unknown",
        "repeated-key",
        "year-out-of-range",
        "not-a-year",
        "reversed",
        "overlong",
        "script",
        "duplicate",
    ],
)
def test_strange_links_are_ignored_with_a_notice(params, notice, expected):
    parsed = parse_query(params, OPTIONS)
    assert parsed.view == expected
    if notice:
        assert any(notice in n for n in parsed.notices), parsed.notices
    else:
        assert parsed.notices == []


def test_notices_do_not_echo_control_characters_or_long_values():
    parsed = parse_query({"bad\x00key" + "y" * 100: "1"}, OPTIONS)
    assert "\x00" not in parsed.notices[0]
    assert len(parsed.notices[0]) < 120
