"""Sourced records of Ofsted's children's services inspections, and the frames built from them.

Plain Python: nothing here imports Streamlit, so it runs in tests, notebooks and the command line.
"""

from inspections.errors import RecordError, RecordsInvalid
from inspections.records import DEFAULT_DATA_PATH, load_records

__all__ = ["DEFAULT_DATA_PATH", "RecordError", "RecordsInvalid", "load_records"]
