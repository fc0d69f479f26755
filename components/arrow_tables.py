"""Tables as Arrow for st.dataframe, converted once per shared frame instead of on every page run.

Streamlit turns a pandas frame into Arrow each time st.dataframe is called: under the load test that was about a
tenth of the server's time, almost all of it on the same cached frames (an exhibit's table, shared by every
session, drawn again on every rerun). A frame handed out by components.data is never changed (its contract), so
its Arrow table can be kept for as long as the frame lives (inspections.once). A frame made afresh on each run
gains nothing, and costs nothing more: its entry goes when it does.
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

from inspections.once import once_per_object


def arrow_table(frame: pd.DataFrame) -> pa.Table | pd.DataFrame:
    """frame as an Arrow table without its index (st.dataframe is always shown without it), made once per frame;
    the frame itself when Arrow cannot hold a column as it is (Streamlit then applies its own fixes)."""
    table = _arrow_of(frame)
    return frame if table is None else table


@once_per_object
def _arrow_of(frame: pd.DataFrame) -> pa.Table | None:
    try:
        return pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError, ValueError, TypeError):
        return None  # not the frame itself: an answer that held its frame would keep both alive for ever
