"""How the server's pandas holds text: as plain Python strings, not pandas 3's default Arrow-backed strings.

pandas 3 makes every new column of text Arrow-backed. On this app's tables (a few hundred rows, filtered,
mapped and joined afresh for every new view) each such operation pays a fixed conversion cost, which was about
a third of the server's CPU under bench/load_test.py (py-spy: astype, _from_sequence and to_numpy of
ArrowStringArray). `future.infer_string` switches the default back for the whole process; pandas 3 marks it
deprecated and pandas 4 will remove it, so `use_python_strings` fails loudly then (tests/test_text_columns.py),
and the frames the records build hold plain strings either way (inspections.frame_columns.frame_of).
"""

from __future__ import annotations

import warnings

import pandas as pd

OPTION = "future.infer_string"


def use_python_strings() -> None:
    """Make new text columns plain Python strings in this process. Call once, from the app's entry point."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", category=FutureWarning)
        warnings.filterwarnings("ignore", message=".*infer_string.*")
        pd.set_option(OPTION, False)
