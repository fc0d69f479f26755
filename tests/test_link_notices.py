"""A crafted link cannot put a clickable address inside the dashboard's own notice: the values it quotes are
inert text, so neither a web address, a www. name nor an e-mail address in them becomes a link."""

from __future__ import annotations

import re

import pytest

from tests.conftest import SMALL

CRAFTED = {
    "web-address": {"la": "Log in: https://evil.example/sso"},
    "www-name": {"la": "Log in at www.evil.example"},
    "e-mail": {"theme": "write to help@evil.example"},
    "unknown-key": {"https://evil.example/sso": "1"},
    "icon-and-colour-codes": {"kind": ":red[Urgent] :material/warning: log in"},
}
# What GitHub-flavoured markdown (Streamlit's renderer) turns into a link or styled text, backslashes or not.
_AUTOLINK = re.compile(r"(?:https?|ftp|mailto|xmpp):|www\.|[\w.+-]@[\w-]")
_DIRECTIVE = re.compile(r":[a-z]+(?:\[|/)")
_CODE_SPAN = re.compile(r"(`+) (.*?) \1")  # what markdown shows as written, linking and drawing nothing


def outside_code(notice: str) -> str:
    return _CODE_SPAN.sub("", notice)


def notices(params: dict[str, str], app) -> list[str]:
    at = app(SMALL, params=params)
    assert not at.exception, at.exception
    return [i.value for i in at.info if "link" in (i.icon or "")]


@pytest.mark.parametrize("params", CRAFTED.values(), ids=CRAFTED.keys())
def test_a_crafted_link_cannot_make_a_link_in_the_notice(params, app):
    shown = notices(params, app)
    assert shown, "the odd link is still reported"
    for notice in shown:
        assert _AUTOLINK.search(outside_code(notice)) is None, f"would be linked: {notice!r}"
        assert _DIRECTIVE.search(outside_code(notice)) is None, f"would be styled: {notice!r}"


@pytest.mark.parametrize("value", ["Log in: https://evil.example/sso", "a `` b ` c", "`x`"])
def test_the_quoted_value_still_reads_as_it_was_written(value, app):
    (notice,) = notices({"la": value}, app)[:1]
    assert notice.startswith("Ignored unknown authority ")
    assert [quoted for _, quoted in _CODE_SPAN.findall(notice)] == [repr(value)]
