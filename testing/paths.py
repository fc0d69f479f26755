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

# The twelve North East authorities the shipped records hold, by id: a link to all of them is "la=" + these joined.
ALL_TWELVE = (
    "darlington",
    "durham",
    "gateshead",
    "hartlepool",
    "middlesbrough",
    "newcastle-upon-tyne",
    "north-tyneside",
    "northumberland",
    "redcar-and-cleveland",
    "south-tyneside",
    "stockton-on-tees",
    "sunderland",
)
