"""Every benchmark script still imports and answers --help: a renamed constant once broke bench_export.py unseen,
since no test ran it (the benchmarks are run by hand, for the README)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from testing.paths import ROOT

SCRIPTS = sorted(path.name for path in (ROOT / "bench").glob("*.py") if path.name != "__init__.py")


def test_every_benchmark_script_is_listed():
    assert {"bench_export.py", "bench_pages.py", "bench_draft.py", "load_test.py"} <= set(SCRIPTS)


@pytest.mark.parametrize("script", SCRIPTS)
def test_a_benchmark_script_answers_help(script):
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), "--help"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "usage:" in done.stdout


def test_cold_views_are_each_a_new_year_range_and_never_the_default():
    from bench.bench_pages import COLD_VIEWS, cold_ranges

    ranges = cold_ranges(2010, 2026)
    assert len(ranges) == len(set(ranges)) == COLD_VIEWS
    assert (2010, 2026) not in ranges
    assert all(2010 <= first <= last <= 2026 for first, last in ranges)
