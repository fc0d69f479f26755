"""Committee pack: choose the charts and tables, add a heading and introduction, download one Word or PDF file."""

import streamlit as st

from components import exhibits, export, region_exhibits
from components.captions import filter_description, source_line
from components.citation import cite_text
from components.data import derived, page_context
from components.exhibit import Entry
from components.since_view import since_banner
from components.text_safety import md_escape

FORMATS = {"Word (.docx)": "docx", "PDF": "pdf"}
_BUILT = "pack_built"  # the last pack built in this session: its bytes, file name and what it was built from

ctx = page_context()
frames = ctx.frames

st.title("Committee pack", anchor=False)
st.markdown(
    "Put the charts and tables you need for a committee report into one Word document or PDF: each with a "
    "heading, a numbered caption, alternative text for screen readers and, if you want it, the table of numbers; "
    "the sources are listed at the end with their links. Charts are drawn for print at A4 width."
)
if frames.authorities.empty:
    st.warning("No authorities are chosen. Pick at least one in the sidebar.")
    st.stop()
st.info(
    f"The pack shows what the sidebar filters select: {md_escape(filter_description(frames, ctx.view, ctx.options))}."
)

problem = export.chromium_problem()
if problem:
    st.warning(f"{problem} A pack of tables can still be built.", icon=":material/print_disabled:")
else:
    export.renderer().warm_up()  # start Chromium now, so it is ready by the time the pack is asked for

since_banner(ctx)
HEADING_LIMIT, INTRODUCTION_LIMIT = 200, 4000
offered = [
    *exhibits.catalogue(frames, ctx.view.since),
    *region_exhibits.CATALOGUE,
]  # names only: nothing is built until asked
with st.form("pack_form", border=True):
    # No max_chars: Streamlit's box then drops a longer paste whole, without a word. The text is cut here instead.
    heading = st.text_input(
        "Heading (optional)",
        placeholder=exhibits.default_heading(frames),
        key="pack_heading",
        help=f"Up to {HEADING_LIMIT} characters. Left empty, the pack is headed with the authorities it covers.",
    ).strip()
    introduction = st.text_area(
        "Introduction (optional)",
        key="pack_intro",
        help=f"Up to {INTRODUCTION_LIMIT} characters: a paragraph or two for the top of the pack. Leave a blank "
        "line between paragraphs.",
    )
    st.markdown("**What to include**")
    # Two rows of toggles rather than a grid of tick boxes: the grid was a column per cell, over a hundred
    # elements sent on every run of the page, where these are two.
    names = {entry.key: entry.name for entry in offered}
    with_charts = [entry.key for entry in offered if entry.has_chart]
    charts = st.pills(
        "Charts, drawn for print",
        with_charts,
        selection_mode="multi",
        default=[] if problem else [key for key in with_charts if key in exhibits.DEFAULT_CHARTS],
        format_func=names.get,
        key="pack_charts",
        disabled=problem is not None,
        help="Each chart is drawn at A4 width with its title, filters and source, and alternative text.",
    )
    tables = st.pills(
        "Tables of the numbers",
        list(names),
        selection_mode="multi",
        default=[entry.key for entry in offered if entry.needs_since],
        format_func=names.get,
        key="pack_tables",
        help="Each table comes after its chart, or on its own where no chart is chosen.",
    )
    if only_tables := [entry.name for entry in offered if not entry.has_chart]:
        st.caption(f"A table only, with no chart: {'; '.join(only_tables)}.")
    ticked: list[tuple[Entry, bool, bool]] = [(entry, entry.key in charts, entry.key in tables) for entry in offered]
    file_label = st.radio("File", list(FORMATS), horizontal=True, key="pack_format")
    submitted = st.form_submit_button("Build the pack", type="primary", icon=":material/description:")

for label, text, limit in (("heading", heading, HEADING_LIMIT), ("introduction", introduction, INTRODUCTION_LIMIT)):
    if len(text) > limit:
        st.warning(
            f"The {label} is {len(text)} characters long; the pack uses its first {limit}.",
            icon=":material/content_cut:",
        )
heading, introduction = heading[:HEADING_LIMIT].strip(), introduction[:INTRODUCTION_LIMIT]
fmt = FORMATS[file_label]
wanted = [(e.key, chart, table) for e, chart, table in ticked if chart or table]
signature = (ctx.view, tuple(wanted), heading, introduction, fmt)

if submitted:
    st.session_state.pop(_BUILT, None)
    if not wanted:
        st.warning("Choose at least one chart or table.")
    else:
        choices = []
        for entry, chart, table in ticked:
            if not (chart or table):
                continue
            if entry.whole_region:
                exhibit = derived(ctx, entry.build, everything=True)
            else:
                exhibit = derived(ctx, entry.build, ctx.view, ctx.options)
            if exhibit is not None:
                choices.append((exhibit, chart, table))
        citation = cite_text(
            heading or exhibits.default_heading(frames), source_line(frames, frames.events["publisher"])
        )
        pack = exhibits.make_pack(
            frames, ctx.view, ctx.options, choices, heading=heading, introduction=introduction, citation=citation
        )
        bar = st.progress(0.0, text="Starting…")
        with st.status("Building the committee pack…", expanded=False) as status:

            def report(fraction: float, message: str) -> None:
                bar.progress(fraction, text=message)
                status.write(message)

            try:
                data = export.build_pack(pack, fmt, progress=report)
            except (export.ChromiumMissing, export.ExportFailed) as exc:
                status.update(label="The pack could not be built", state="error")
                st.error(str(exc), icon=":material/error:")
            else:
                status.update(label="The pack is ready", state="complete")
                name = export.export_filename(
                    "committee-pack", fmt, ctx.view.authorities, ctx.view.first_year, ctx.view.last_year
                )
                st.session_state[_BUILT] = {"signature": signature, "data": data, "name": name, "fmt": fmt}

built = st.session_state.get(_BUILT)
if built and built["signature"] == signature:
    kind = export.FORMATS[built["fmt"]]
    st.download_button(
        f"Download the committee pack ({kind.label})",
        built["data"],
        file_name=built["name"],
        mime=kind.mime,
        key="pack_download",
        type="primary",
        icon=":material/download:",
        on_click="ignore",
    )
    st.caption(f"{built['name']}, {len(built['data']) / 1_000_000:.1f} MB.")
elif built:
    st.caption("The filters or choices have changed since the last pack was built: build it again to download.")
