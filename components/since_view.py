"""The since date on screen: the summary of what changed, in one box every page shows in the same place."""

from __future__ import annotations

import streamlit as st

from components.data import Context, derived
from components.text_safety import md_escape
from inspections.since import ROUGH_DATES_RULE, Since, changes_since, column_name, summary


def found(ctx: Context, *, everything: bool = False) -> Since | None:
    """What changed after the reader's since date in this view (or in all the records), or None with no date set."""
    if ctx.view.since is None:
        return None
    return derived(ctx, changes_since, ctx.view.since, everything=everything)


def since_banner(ctx: Context, *, everything: bool = False) -> Since | None:
    """The since summary in a box, with the rule for rough dates, when a since date is set."""
    changes = found(ctx, everything=everything)
    if changes is not None:
        st.info(md_escape(summary(changes)), icon=":material/update:")
        st.caption(
            f"Rows are marked in a column **{md_escape(column_name(changes))}**. {md_escape(ROUGH_DATES_RULE)} "
            "Clear the date in the sidebar to stop marking."
        )
    return changes
