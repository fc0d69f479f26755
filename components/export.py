"""Print files and committee packs, from figures drawn by one warm Chromium.

Plain Python, no Streamlit, so every part is unit-tested. The pieces, each re-exported here for the pages and tools:

- components.chromium: where Chromium is, the time limit, and what to say when print export cannot work.
- components.render_jobs: a figure to draw (`RenderJob`) and the shared cache of drawn bytes.
- components.renderer: the one warm Chromium (`renderer()`) that every export and pack shares.
- components.downloads: `export_filename`, download names that say what is in them (one home for file names).
- components.pack_model: `Pack` and `PackItem`, what a committee pack holds and the words around each item.
- components.pack_docx and components.pack_pdf: `docx_pack` and `pdf_pack`, the pack written as Word and PDF.
- here: `build_pack`, drawing the figures on the warm renderer and handing them to a writer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from components.chromium import (  # noqa: F401  (re-exported: pages and tools import the print pieces from here)
    CHROMIUM_HELP,
    RENDER_TIMEOUT,
    ChromiumMissing,
    ExportFailed,
    ExportTimedOut,
    find_chromium,
)
from components.downloads import export_filename, view_parts  # noqa: F401  (re-exported)
from components.pack_docx import docx_pack, png_size  # noqa: F401  (re-exported)
from components.pack_model import (  # noqa: F401  (re-exported: pages, exhibits and tests use them from here)
    Pack,
    PackItem,
    clean_text,
    figure_words,
    picture_size_cm,
    printable_table,
    source_entry,
    source_numbers,
    table_column_widths,
)
from components.pack_pdf import pdf_font, pdf_pack  # noqa: F401  (re-exported)
from components.render_jobs import PNG_SCALE, Format, RenderCache, RenderJob  # noqa: F401  (re-exported)
from components.renderer import FigureRenderer, chromium_problem, figure_bytes, renderer  # noqa: F401  (re-exported)

_LOGGER = logging.getLogger(__name__)
Progress = Callable[[float, str], None]


@dataclass(frozen=True)
class FileKind:
    extension: str
    mime: str
    label: str


FORMATS: dict[str, FileKind] = {
    "png": FileKind("png", "image/png", "PNG"),
    "svg": FileKind("svg", "image/svg+xml", "SVG"),
    "pdf": FileKind("pdf", "application/pdf", "PDF"),
    "csv": FileKind("csv", "text/csv", "CSV"),
    "xlsx": FileKind("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"),
    "docx": FileKind("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"),
}

# ---------------------------------------------------------------------------------------------------------------
# Building a pack end to end


PackFormat = Literal["docx", "pdf"]


@dataclass
class PackProgress:
    """Reports building progress as a fraction and a sentence; the UI passes a callback."""

    total_figures: int
    report: Progress | None = None
    steps: list[str] = field(default_factory=list)

    def __call__(self, fraction: float, message: str) -> None:
        self.steps.append(message)
        if self.report:
            self.report(min(max(fraction, 0.0), 1.0), message)


def build_pack(
    pack: Pack, fmt: PackFormat, *, using: FigureRenderer | None = None, progress: Progress | None = None
) -> bytes:
    """The whole pack as Word or PDF bytes: figures drawn on the warm renderer, then the document assembled."""
    figures = pack.figures
    report = PackProgress(len(figures), progress)
    images: dict[str, bytes] = {}
    if figures:
        image_fmt: Format = "png" if fmt == "docx" else "pdf"
        report(0.02, f"Drawing {len(figures)} figure{'s' if len(figures) != 1 else ''}…")
        jobs = [RenderJob(item.figure, image_fmt) for item in figures if item.figure is not None]

        def drawn(n: int) -> None:
            report(0.05 + 0.8 * n / len(jobs), f"Drew figure {n} of {len(jobs)}")

        rendered = (using or renderer()).render_many(jobs, progress=drawn)
        images = {item.key: data for item, data in zip(figures, rendered, strict=True)}
    report(0.9, "Putting the Word document together…" if fmt == "docx" else "Laying out the PDF…")
    try:
        data = docx_pack(pack, images) if fmt == "docx" else pdf_pack(pack, images)
    except Exception as exc:  # the page shows ExportFailed in words; the details belong in the log
        _LOGGER.exception("the committee pack (%s) could not be put together", fmt)
        raise ExportFailed(PACK_FAILED_HELP.format(kind="Word document" if fmt == "docx" else "PDF")) from exc
    report(1.0, "Done.")
    return data


PACK_FAILED_HELP = (
    "The {kind} could not be put together from these choices. Please try again with fewer items, or the other "
    "format; if it keeps failing, tell whoever runs the dashboard, who can find the reason in the server's log."
)
