"""The server holds text as plain Python strings; this fails loudly when pandas removes the switch (pandas 4)."""

from __future__ import annotations

import pandas as pd

from inspections.text_columns import OPTION, use_python_strings


def test_the_switch_still_exists_and_makes_text_columns_plain_strings():
    before = pd.get_option(OPTION)
    try:
        use_python_strings()
        assert pd.Series(["Gateshead", "Durham"]).dtype == object, (
            f"pandas {pd.__version__} ignores {OPTION}: text columns are Arrow-backed again; see "
            "inspections/text_columns.py for what that costs and convert where frames are made instead"
        )
    finally:
        pd.set_option(OPTION, before)
