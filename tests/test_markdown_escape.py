"""Record text shown through st.markdown stays text: no HTML, links, formatting or lists."""

import pytest

from components.text_safety import md_escape


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("<script>alert(1)</script>", r"\<script\>alert(1)\</script\>"),
        ("[click](javascript:alert(1))", r"\[click\](javascript:alert(1))"),
        ("*bold* and _italic_", r"\*bold\* and \_italic\_"),
        ("- not a list", r"\- not a list"),
        ("1. not a list", r"\1. not a list"),
        ("costs $5 and $6", r"costs \$5 and \$6"),
        ("See https://files.ofsted.gov.uk/v1/file/50280258.", "See https://files.ofsted.gov.uk/v1/file/50280258."),
        ("Help and protection - good.", "Help and protection - good."),
    ],
)
def test_markdown_special_characters_are_escaped(text, shown):
    assert md_escape(text) == shown
