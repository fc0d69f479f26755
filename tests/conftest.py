from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from inspections.frames import Frames, build_frames
from inspections.records import load_records

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SMALL = FIXTURES / "small.yaml"
SHIPPED = ROOT / "data" / "authorities.yaml"


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
