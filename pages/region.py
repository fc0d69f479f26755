"""The region: every North East authority's latest four judgements side by side, a map, England, next inspections."""

import streamlit as st

from components import region_exhibits
from components.blocks import chart_block, table_with_downloads
from components.captions import checked_label, download_about, table_about
from components.data import content_key, derived, page_context
from components.since_view import since_banner
from inspections import region
from inspections.vocab import NO_OVERALL_GRADE_MONTH

ctx = page_context()

st.title("The North East side by side", anchor=False)
st.markdown(
    "Every authority's latest ILACS inspection, whatever the sidebar's choice of authorities: the four judgements "
    f"Ofsted gives every council (since {NO_OVERALL_GRADE_MONTH} it gives no overall grade), a map, how the region "
    "compares with England, and when each next inspection would usually fall."
)

grid = derived(ctx, region_exhibits.grid, everything=True)
if grid is None:
    st.warning("No ILACS inspection is recorded, so there is nothing to compare.")
    st.stop()
since_banner(ctx, everything=True)

sort_labels = {"authority": "Authority (A to Z)", **{k: f"{v} (weakest first)" for k, v in region.FOUR.items()}}
sort_by = st.selectbox("Sort the table by", list(sort_labels), format_func=sort_labels.get, key="region_sort")
table = derived(ctx, region.sorted_region_table, sort_by, everything=True)
st.subheader("Latest four judgements", anchor=False)
st.caption("Care leavers became a judgement of its own in January 2023; before that it was one with children in care.")
table_with_downloads(
    "region_table",
    table,
    file_stem="north-east-latest-judgements",
    about=table_about("Latest four judgements", ctx.everything, "All twelve North East authorities"),
    content_key=content_key(ctx, "region-table", sort_by, everything=True),
)

chart_block(
    "region_grid", **grid.on_page(), for_view=False, content_key=content_key(ctx, "region-grid", everything=True)
)

area = st.radio(
    "Colour the map by",
    list(region.FOUR),
    format_func=region.FOUR.get,
    horizontal=True,
    key="region_map_area",
)
chosen_map = derived(ctx, region_exhibits.grade_map, area, everything=True)
chart_block(
    "region_map",
    **chosen_map.on_page(),
    for_view=False,
    content_key=content_key(ctx, "region-map", area, everything=True),
)

context = derived(ctx, region_exhibits.england_context, everything=True)
if context is not None:
    chart_block(
        "england", **context.on_page(), for_view=False, content_key=content_key(ctx, "england", everything=True)
    )

upcoming = derived(ctx, region_exhibits.next_inspections, everything=True)
if upcoming is not None:
    st.subheader(upcoming.caption.title, anchor=False)
    st.markdown(
        f"**An estimate, not a prediction.** {upcoming.caption.subtitle}. After an inadequate judgement Ofsted "
        "monitors the council and re-inspects when ready, so there is no usual window. Ofsted does not publish its "
        "plans; a report published since the records were checked would not be counted here."
    )
    table_with_downloads(
        "next_inspections",
        upcoming.table,
        file_stem=upcoming.file_stem,
        about=download_about(
            upcoming.caption.title, upcoming.caption.subtitle, upcoming.caption.source, checked_label(ctx.everything)
        ),
        content_key=content_key(ctx, "next-inspections", everything=True),
    )
    st.caption(upcoming.caption.source)
