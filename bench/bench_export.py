"""Static export: a six-chart committee pack on one warm Chromium, against six cold one-off exports.

Run from the repository root:  .venv/bin/python bench/bench_export.py [--records PATH] [--repeat N]

The cold route is what a naive implementation does: `plotly.io.to_image` for each chart, which starts and stops
a Chromium every call. The pack route is what the app does: one FigureRenderer (started once, then reused)
draws all six, and the Word document is assembled. Both draw the same six print-ready figures as 2,400 px
PNGs, in one run, on this machine. Machines are noisy, so the script prints ratios as well as seconds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import plotly.io as pio  # noqa: E402

from components import exhibits, export  # noqa: E402
from components.print_layout import PRINT_WIDTH  # noqa: E402
from inspections.analysis import apply_view, options_for  # noqa: E402
from inspections.frames import build_frames  # noqa: E402
from inspections.records import load_records  # noqa: E402
from inspections.view import View  # noqa: E402

SIX = ("timeline", "judgements", "themes-improvement", "themes-strength", "status", "history")


def six_chart_pack(records: Path) -> export.Pack:
    """A pack of the six charts (no tables) for every authority in the records."""
    frames = build_frames(load_records(records))
    options = options_for(frames)
    view = View.default(options)
    shown = apply_view(frames, view)
    found = {e.key: e for e in exhibits.exhibits(shown, view, options)}
    choices = [(found[key], True, False) for key in SIX]
    return exhibits.make_pack(shown, view, options, choices, heading="Benchmark pack")


def cold_route(pack: export.Pack) -> float:
    """Seconds to export each chart with its own one-off Chromium (plotly.io.to_image)."""
    start = time.perf_counter()
    for item in pack.figures:
        pio.to_image(item.figure, format="png", width=PRINT_WIDTH, scale=export.PNG_SCALE)
    return time.perf_counter() - start


def pack_route(pack: export.Pack, renderer: export.FigureRenderer) -> float:
    """Seconds to build the whole Word pack on the given renderer (its cache emptied first)."""
    renderer.cache.clear()
    start = time.perf_counter()
    export.build_pack(pack, "docx", using=renderer)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=Path, default=ROOT / "data" / "records.yaml")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each route; the median is reported")
    args = parser.parse_args()
    if export.find_chromium() is None:
        print(export.CHROMIUM_HELP, file=sys.stderr)
        return 2

    pack = six_chart_pack(args.records)
    cold, first, warm = [], [], []
    for _ in range(args.repeat):
        cold.append(cold_route(pack))
        renderer = export.FigureRenderer(idle_seconds=None)
        first.append(pack_route(pack, renderer))  # includes starting the one browser
        warm.append(pack_route(pack, renderer))  # the browser already warm, as in a running app
        renderer.close()
    cold_s, first_s, warm_s = (statistics.median(times) for times in (cold, first, warm))
    n = len(pack.figures)
    print(f"{n} charts, PNG {PRINT_WIDTH * export.PNG_SCALE} px wide, median of {args.repeat} run(s)")
    print(f"cold route, one Chromium per chart:      {cold_s:6.2f} s  ({cold_s / n:.2f} s a chart)")
    print(f"pack, starting its one Chromium:          {first_s:6.2f} s")
    print(f"pack, Chromium already warm:              {warm_s:6.2f} s  ({warm_s / n:.2f} s a chart)")
    print(f"ratio pack/cold, including the start:     {first_s / cold_s:6.2f}")
    print(f"ratio pack/cold, warm (as in the app):    {warm_s / cold_s:6.2f}   (aim: under 0.33)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
