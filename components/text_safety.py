"""Text from the records and from links, made safe for each place it is shown: Streamlit markdown, plotly labels
and hover text, Word's and PDF's XML. This is the app's output boundary (docs/security.md): every piece of
outside text reaches a visitor through one of these. What the loader refuses outright (controls, direction
overrides, hidden line breaks) is a validation rule, in inspections/load.py.
"""

from __future__ import annotations

import html
import re
import unicodedata

import pandas as pd


def md_escape(text: str) -> str:
    """Records text for st.markdown: no HTML, links, formatting or maths, and no list at the start.

    Only the characters that start markdown syntax are escaped, so full stops and hyphens (in web
    addresses too, which Streamlit links only when they are plain http(s)) show as written.
    """
    escaped = re.sub(r"([\\`*_\[\]<>|~$#])", r"\\\1", str(text))
    return re.sub(r"^(\s*)([-+]|\d+\.)", r"\1\\\2", escaped)


def inert_text(text: str) -> str:
    """Text from outside (a link's values) for st.markdown, to read exactly as written and do nothing: a code span.

    Backslash escapes are not enough: Streamlit's markdown links web addresses, www. names and e-mail addresses
    even when their punctuation is escaped, and draws `:icon:` and `:colour[...]` codes. Nothing inside a code
    span is linked or drawn. The fence is longer than any run of backticks in the text, and padded with a space
    each side, which markdown removes, so the text shows whole. Line breaks become spaces.
    """
    flat = " ".join(str(text).split())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", flat)), default=0) + 1)
    return f"{fence} {flat} {fence}"


def esc(text: object) -> str:
    """Text from the records, made safe for plotly's HTML-like labels."""
    return html.escape(str(text), quote=False)


# XML 1.0 forbids these in Word's and PDF's files; tab, newline and carriage return are allowed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def clean_text(value: object) -> str:
    """Text safe for Word's and PDF's XML: no control characters, lists joined, missing values empty."""
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, (list, tuple)):
        value = ", ".join(map(str, value))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, pd.Timestamp):
        return f"{value.day} {value.strftime('%B %Y')}"
    return _CONTROL.sub("", unicodedata.normalize("NFC", str(value)))
