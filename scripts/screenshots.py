"""Refresh the README's screenshots: a full-page PNG of each page on the shipped records.

Run on demand (not in CI), from the repository root, after a change that shows:

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--pages timeline themes]

It starts `streamlit run app.py` on a free localhost port, opens each page in Debian's Chromium at a laptop's
width (1366 px), waits until every chart has drawn, and saves docs/screenshots/<page>.png. It also builds the
default committee pack as a PDF, as an officer would get it, and saves its second page as
docs/screenshots/committee-pack-page.png (with poppler's pdftoppm).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from inspections.records import DEFAULT_DATA_PATH  # noqa: E402
from testing.browser import (  # noqa: E402
    ERROR_ELEMENTS,
    app_pages,
    browser_problem,
    full_page_screenshot,
    launch,
    new_context,
    open_page,
    phone_options,
)
from testing.server import StreamlitServer  # noqa: E402


def pack_page_picture(records: Path, out: Path, page: int = 2) -> Path:
    """Build the committee pack the pack page offers by default, as PDF, and save one page of it as a PNG."""
    from components import exhibits, export
    from inspections.analysis import options_for
    from inspections.frames import build_frames
    from inspections.records import load_records
    from inspections.view import View

    frames = build_frames(load_records(records))
    options = options_for(frames)
    view = View.default(options)
    choices = [(e, e.key in exhibits.DEFAULT_CHARTS, False) for e in exhibits.exhibits(frames, view, options)]
    pdf = export.build_pack(exhibits.make_pack(frames, view, options, choices), "pdf")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "pack.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "110",
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                str(source),
                str(Path(folder) / "page"),
            ],
            check=True,
        )
        path = out / "committee-pack-page.png"
        shutil.copyfile(Path(folder) / "page.png", path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots", help="folder for the PNGs")
    parser.add_argument("--records", type=Path, default=DEFAULT_DATA_PATH, help="records file (default: shipped)")
    parser.add_argument("--pages", nargs="*", help="page names, e.g. overview timeline (default: all)")
    parser.add_argument("--query", default="", help="query string for every page, e.g. la=gateshead,durham")
    parser.add_argument("--suffix", default="", help="added to each file name, e.g. -all-twelve")
    parser.add_argument("--width", type=int, help="window width in px, e.g. 390 for a phone (default 1366)")
    parser.add_argument("--phone", action="store_true", help="as a phone's browser: its user agent and touch")
    args = parser.parse_args(argv)

    problem = browser_problem()
    if problem:
        print(f"Cannot take screenshots: {problem}", file=sys.stderr)
        return 1
    pages = [p for p in app_pages() if not args.pages or p.name in args.pages]
    if not pages:
        print(f"No such pages; choose from {[p.name for p in app_pages()]}", file=sys.stderr)
        return 1

    from playwright.sync_api import sync_playwright

    failed = 0
    with StreamlitServer(args.records, name="screenshots") as server, sync_playwright() as driver:
        browser = launch(driver)
        context = new_context(browser, **phone_options(args.width, args.phone))
        for page in pages:
            tab = context.new_page()
            open_page(tab, page.url(server.url, args.query))
            if tab.locator(ERROR_ELEMENTS).count():
                print(f"{page.name}: the page shows an error; screenshot not saved", file=sys.stderr)
                failed += 1
            else:
                path = full_page_screenshot(tab, args.out / f"{page.name}{args.suffix}.png")
                print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
            tab.close()
        browser.close()
    if not args.pages and not args.query and shutil.which("pdftoppm"):
        print(pack_page_picture(args.records, args.out).relative_to(ROOT))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
