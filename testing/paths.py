"""Where the project's files are: the repository root, the shipped records and the test fixtures."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
DATA = ROOT / "data"
SHIPPED = DATA / "records.yaml"
FIXTURES = ROOT / "tests" / "fixtures"
SMALL = FIXTURES / "small.yaml"
ARTIFACTS = ROOT / "artifacts" / "e2e"
