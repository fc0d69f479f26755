"""The YAML layer: what PyYAML would let through silently is refused here, with a line number."""

from __future__ import annotations

import pytest

from inspections.errors import RecordsInvalid
from inspections.load import parse_yaml, read_yaml


def only_error(raw: bytes):
    with pytest.raises(RecordsInvalid) as caught:
        parse_yaml(raw, "draft.yaml")
    assert len(caught.value.errors) == 1, caught.value.errors
    return caught.value.errors[0]


@pytest.mark.parametrize(
    ("raw", "line", "path", "message"),
    [
        (b"a: 1\na: 2\n", 2, "a", "duplicate key 'a' (first given on line 1)"),
        (b"top:\n  inner: 1\n  inner: 2\n", 3, "top.inner", "duplicate key 'inner'"),
        (b"list:\n  - id: x\n    id: y\n", 3, "list[0].id", "duplicate key 'id'"),
        (b"a: &x [1, 2]\nb: *x\n", 1, "", "anchors and aliases"),
        (b"a: [1, 2\n", 2, "", "YAML syntax"),
        (b"a: ok\nb: caf\xe9\n", 2, "", "not valid UTF-8"),
        (b"", 1, "", "the file is empty"),
        (b"   \n\n", 1, "", "the file is empty"),
        (b"<<: {a: 1}\n", 1, "", "merge keys"),
    ],
    ids=[
        "duplicate-top",
        "duplicate-nested",
        "duplicate-in-list",
        "alias",
        "syntax",
        "latin-1",
        "empty",
        "blank",
        "merge-key",
    ],
)
def test_refuses_what_pyyaml_would_let_through(raw, line, path, message):
    error = only_error(raw)
    assert error.line == line
    assert error.path == path
    assert message in error.message
    assert error.file == "draft.yaml"


def test_billion_laughs_is_refused_before_expansion():
    bomb = b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    bomb += b"".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n".encode() for i in range(9)
    )
    assert "anchors and aliases" in only_error(bomb).message


def test_deep_nesting_is_refused():
    error = only_error(b"a: " + b"[" * 200 + b"]" * 200 + b"\n")
    assert "nested" in error.message


def test_a_utf8_byte_order_mark_is_accepted():
    assert parse_yaml("\ufeffname: Gateshead\n".encode()).data == {"name": "Gateshead"}


def test_dates_stay_as_text_for_the_schema_to_read():
    assert parse_yaml(b"d: 2019-06-11\n").data == {"d": "2019-06-11"}


def test_oversized_file_is_refused_without_reading_it(write_yaml):
    path = write_yaml("a: " + "x" * 2000 + "\n")
    with pytest.raises(RecordsInvalid) as caught:
        read_yaml(path, max_bytes=1000)
    assert "limited to 1,000" in caught.value.errors[0].message


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(RecordsInvalid) as caught:
        read_yaml(tmp_path / "nope.yaml")
    assert "cannot read the file" in caught.value.errors[0].message


def test_line_numbers_are_kept_for_nested_values():
    loaded = parse_yaml(b"authorities:\n  - id: a\n    events:\n      - id: e\n        kind: sif\n")
    assert loaded.line_for(("authorities", 0, "events", 0, "kind")) == 5
    assert loaded.line_for(("authorities", 0, "events", 0, "missing")) == 4
