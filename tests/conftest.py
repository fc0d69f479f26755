from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from inspections.frames import Frames, build_frames
from inspections.records import load_records

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SMALL = FIXTURES / "small.yaml"
SHIPPED = ROOT / "data" / "records.yaml"


@pytest.fixture(scope="session")
def small_frames() -> Frames:
    return build_frames(load_records(SMALL))


@pytest.fixture
def write_yaml(tmp_path):
    """Write YAML text (dedented) to a file and return its path."""

    def write(text: str | bytes, name: str = "records.yaml") -> Path:
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


def strings_in(node):
    """Every string inside a JSON-like structure (dicts, lists, tuples, numpy arrays), for escaping checks."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings_in(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from strings_in(value)
    elif hasattr(node, "tolist"):
        yield from strings_in(node.tolist())
