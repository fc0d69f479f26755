"""The phone layout keeps every trace, in order, with its data (so a click selects the same point), and makes
what collides at 360 px smaller: short axis labels, no labels beside marks, no notes inside the plot but the
flag on unconfirmed grades. The user agent decides, as Streamlit tells the server no window size."""

from __future__ import annotations

import html

import pytest

from components.phone_layout import is_phone, phone_figure, shortened
from inspections.frames import build_frames
from inspections.records import load_records
from tests.conftest import SHIPPED, every_exhibit


@pytest.fixture(scope="module")
def figures():
    built = every_exhibit(build_frames(load_records(SHIPPED)))
    return {e.key: e.figure for e in built if e.figure is not None}


@pytest.mark.parametrize(
    ("agent", "phone"),
    [
        (
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1",
            True,
        ),
        ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36", True),
        ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36", False),
        ("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Safari/604.1", False),
        ("", False),
        (None, False),
    ],
)
def test_a_phone_is_told_by_its_user_agent(agent, phone):
    assert is_phone(agent) is phone


@pytest.mark.parametrize(
    ("label", "short"),
    [
        ("Supervision", "Supervision"),
        ("Electronic case systems and recording", "Electronic case…"),
        ("Newcastle upon Tyne", "Newcastle"),
        ("Redcar and Cleveland – Help and protection", "Redcar &amp; Clevel…<br>Help and protec…"),
        ("Alpha &lt;b&gt;", "Alpha &lt;b&gt;"),  # escaped text stays escaped
    ],
)
def test_labels_are_shortened_for_a_phone(label, short):
    assert shortened(label) == short


def test_every_trace_and_its_data_is_kept_in_order(figures):
    for key, figure in figures.items():
        phone = phone_figure(figure)
        assert [t.type for t in phone.data] == [t.type for t in figure.data], key
        for before, after in zip(figure.data, phone.data, strict=True):
            for field in ("x", "y", "customdata", "z"):
                assert str(getattr(before, field, None)) == str(getattr(after, field, None)), (key, field)


def test_nothing_that_collides_at_phone_width_is_left(figures):
    for key, figure in figures.items():
        phone = phone_figure(figure)
        assert not [t for t in phone.data if t.type == "scatter" and t.mode == "markers+text"], key
        for axis in (phone.layout.xaxis, phone.layout.yaxis):
            lines = [line for t in axis.ticktext or () for line in str(t).split("<br>")]
            assert all(len(html.unescape(line)) <= 16 for line in lines), key
        assert all("confirmed" in str(a.text) for a in phone.layout.annotations), key


def test_the_shared_figure_is_not_changed(figures):
    before = figures["timeline"].to_json()
    phone_figure(figures["timeline"])
    assert figures["timeline"].to_json() == before
