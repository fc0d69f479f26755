"""The command line a curator uses: all errors at once and exit 1, or a one-line summary and exit 0."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT, SMALL


def run(*args: str):
    return subprocess.run(
        [sys.executable, "-m", "inspections", *args], capture_output=True, text=True, cwd=ROOT, timeout=60
    )


def test_validate_prints_a_summary_and_exits_0():
    result = run("validate", str(SMALL))
    assert result.returncode == 0, result.stderr
    assert "valid: 2 authorities, 4 events, 4 recommendations, 5 sources" in result.stdout


def test_validate_prints_every_error_with_its_place_and_exits_1(write_yaml):
    text = (
        SMALL.read_text()
        .replace("status: raised-again", "status: sorted")
        .replace("ons_code: E08000002", "ons_code: nope")
    )
    result = run("validate", str(write_yaml(text)))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert any(
        ":39: authorities[0].events[0].recommendations[0].updates[1].status: expected one of" in line for line in lines
    ), lines
    assert any("authorities[1].ons_code: expected an ONS code" in line for line in lines)
    assert lines[-1].endswith("2 problems found")
    assert "Traceback" not in result.stderr


def test_validate_reports_unreadable_bytes_without_a_traceback(write_yaml):
    result = run("validate", str(write_yaml(b"schema_version: 1\nname: \xff\n")))
    assert result.returncode == 1
    assert ":2: the file is not valid UTF-8" in result.stderr
    assert "Traceback" not in result.stderr


def test_schema_is_json_schema_for_editors():
    result = run("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert set(schema["required"]) >= {"schema_version", "checked", "themes", "sources", "authorities"}
    assert schema["additionalProperties"] is False
