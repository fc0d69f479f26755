"""Property-based tests: mutate a valid records file at random and the loader either accepts the result
or reports located errors. It never crashes, whatever the bytes.

Three kinds of mutation: raw bytes (what a bad save or a bad paste does), lines (what a hasty hand edit
does) and the parsed data (a value of the wrong type or content in any field, keys added or dropped).
Anything accepted must also build the app's tables and charts.
"""

from __future__ import annotations

import copy
import os
import re

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from components import charts, timeline_charts
from inspections.analysis import status_counts, theme_matrix
from inspections.errors import RecordsInvalid
from inspections.frames import build_frames
from inspections.load import parse_yaml
from inspections.records import validate_loaded
from inspections.summaries import authority_summary, regional_summary
from tests.conftest import SMALL

BASE = SMALL.read_bytes()
BASE_DATA = yaml.safe_load(BASE)
LINES = BASE.split(b"\n")

# A hundred examples per test in `make test`; FUZZ_EXAMPLES=5000 for a long hunt.
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "100")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def check(raw: bytes) -> None:
    """The loader's contract: a usable result, or RecordsInvalid whose every error is located and printable."""
    try:
        records = validate_loaded(parse_yaml(raw, "fuzz.yaml"))
    except RecordsInvalid as exc:
        assert exc.errors, "RecordsInvalid must carry at least one error"
        last_line = len(re.split(rb"\r\n|\r|\n", raw))  # lines as YAML and editors count them
        for error in exc.errors:
            assert error.file == "fuzz.yaml"
            assert error.line is not None, f"no line for: {error}"
            assert 1 <= error.line <= last_line, f"line {error.line} outside the file: {error}"
            assert error.message.strip()
            assert error.path.isprintable(), f"path would print control characters: {error.path!r}"
            assert str(error).encode("utf-8"), "every error can be printed as UTF-8"
        return
    frames = build_frames(records)
    authority_summary(frames)
    regional_summary(frames)
    timeline_charts.timeline_figure(frames.events)
    charts.status_figure(status_counts(frames))
    if not frames.themes.empty and not frames.authorities.empty:
        charts.theme_matrix_figure(theme_matrix(frames, "improvement"))


# Text a curator (or a clipboard) might put in a file: YAML punctuation, quotes, escapes, odd Unicode.
_YAML_BITS = st.sampled_from(
    [
        ":", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "!!int ", "!!python/object:os.system ", "!x ", "<<: ",
        "? ", "|", ">", "'", '"', "#", "%YAML 1.1\n", "---\n", "...\n", "\t", "  ", "\n", "\\x1b", "\\ud800",
        "2019-02-30", "2019-13", "9" * 5000, "~", "yes", ".nan", "0x", "\ufeff", "\u202e", "\x85", "\r\n", "\x00",
    ]
)  # fmt: skip
_FRAGMENT = st.one_of(_YAML_BITS, st.text(max_size=12), st.binary(max_size=6).map(lambda b: b.decode("latin-1")))


@FUZZ
@given(data=st.data())
def test_byte_mutations_never_crash(data):
    raw = bytearray(BASE)
    for _ in range(data.draw(st.integers(1, 4), label="mutations")):
        at = data.draw(st.integers(0, len(raw)), label="at")
        action = data.draw(st.sampled_from(["insert", "delete", "replace", "truncate"]), label="action")
        if action == "insert":
            raw[at:at] = data.draw(_FRAGMENT, label="text").encode("utf-8", "surrogatepass")
        elif action == "delete":
            del raw[at : at + data.draw(st.integers(1, 40), label="length")]
        elif action == "replace" and at < len(raw):
            raw[at] = data.draw(st.integers(0, 255), label="byte")
        elif action == "truncate":
            del raw[at:]
    check(bytes(raw))


@FUZZ
@given(data=st.data())
def test_line_edits_never_crash(data):
    lines = list(LINES)
    for _ in range(data.draw(st.integers(1, 3), label="edits")):
        i = data.draw(st.integers(0, len(lines) - 1), label="line")
        action = data.draw(st.sampled_from(["duplicate", "drop", "swap", "indent", "dedent", "value"]), label="edit")
        if action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "drop":
            del lines[i]
        elif action == "swap":
            j = data.draw(st.integers(0, len(lines) - 1), label="other")
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "indent":
            lines[i] = b"  " + lines[i]
        elif action == "dedent":
            lines[i] = lines[i][2:]
        elif action == "value" and b": " in lines[i]:
            head = lines[i].split(b": ", 1)[0]
            lines[i] = head + b": " + data.draw(_FRAGMENT, label="value").encode("utf-8", "surrogatepass")
        if not lines:
            lines = [b""]
    check(b"\n".join(lines))


# Values of every type a YAML file can hold, including the awkward ones.
_LEAF = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(
        [
            "", " ", "2019-02-30", "2019-06", "2019", "1899-01-01", "2019-06-11T10:00:00", "javascript:alert(1)",
            "data:text/html,x", "http://example.org/x", "<script>alert(1)</script>", "=HYPERLINK(\"x\")", "good",
            "sif", "improved", "supervision", "src-a-2018", "x" * 2100, "Alpha", "E08000001",
        ]
    ),
)  # fmt: skip
_VALUE = st.recursive(
    _LEAF,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


def _paths(node, here=()):
    yield here
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, (*here, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, (*here, i))


@FUZZ
@given(data=st.data())
def test_data_mutations_are_accepted_or_located(data):
    tree = copy.deepcopy(BASE_DATA)
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        paths = [p for p in _paths(tree) if p]
        path = data.draw(st.sampled_from(paths), label="path")
        parent = tree
        for part in path[:-1]:
            parent = parent[part]
        action = data.draw(st.sampled_from(["replace", "delete", "add-key", "copy-sibling"]), label="action")
        if action == "replace":
            parent[path[-1]] = data.draw(_VALUE, label="value")
        elif action == "delete":
            del parent[path[-1]]
        elif action == "add-key" and isinstance(parent, dict):
            parent[data.draw(st.text(min_size=1, max_size=10), label="key")] = data.draw(_VALUE, label="value")
        elif action == "copy-sibling" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[path[-1]]))  # duplicate ids, duplicate events
        if not isinstance(tree, dict):
            break
    raw = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False).encode("utf-8", "surrogatepass")
    check(raw)


def test_the_unmutated_file_is_accepted():
    records = validate_loaded(parse_yaml(BASE, "fuzz.yaml"))
    assert len(records.authorities) == 2
