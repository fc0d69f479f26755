"""Pages are thin: they read filters, ask the data layer, hand frames to chart functions and lay out the result,
so no page imports plotly or reads YAML itself. Pages are run by Streamlit from file paths rather than imported
as a package, so this check reads their source; import-linter (`make test`) checks the packages."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

FORBIDDEN_IN_PAGES = ("plotly", "yaml", "pydantic")


def imported_modules(source: str) -> set[str]:
    """Every module a piece of Python source imports, by its full dotted name."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def forbidden(source: str) -> set[str]:
    return {m for m in imported_modules(source) if m.split(".")[0] in FORBIDDEN_IN_PAGES}


@pytest.mark.parametrize("page", sorted((ROOT / "pages").glob("*.py")), ids=lambda p: p.name)
def test_no_page_builds_figures_or_reads_records_itself(page: Path):
    assert not forbidden(page.read_text(encoding="utf-8")), page.name


@pytest.mark.parametrize(
    ("source", "caught"),
    [
        ("import plotly.graph_objects as go", {"plotly.graph_objects"}),
        ("from plotly import express", {"plotly"}),
        ("import yaml", {"yaml"}),
        ("import streamlit as st\nfrom components import charts", set()),
    ],
)
def test_the_check_catches_a_page_that_would(source, caught):
    assert forbidden(source) == caught
