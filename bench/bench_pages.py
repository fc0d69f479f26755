"""How the dashboard's cost grows with the records: load, page runs, a browser round trip and server memory.

Run from the repository root (it takes a few minutes; nothing is written to data/):

    .venv/bin/python bench/bench_pages.py [--runs N] [--no-browser]

Every figure that matters is a ratio of two timings taken in the same run on the same machine, so the table
can be compared across machines; milliseconds are printed beside them for context only.

1. Load: read, parse and validate synthetic records of 3, 12 and 108 authorities (the shipped authorities
   cloned with new ids, written to a temporary folder), then build the frames. Time per authority, and its
   growth from 3 to 108 (1.0x = linear).
2. Growth: each page's warm script run (AppTest, caches filled, fastest of --runs) at 108 authorities against the same page at 3.
   "Same view" links to the three shipped authorities, so it measures what the size of the records file costs
   (aim: at most 1.5x). "All shown" is each page's default view, which draws 51 times as much.
3. Floor: each page's warm run against a floor page that only renders the same figures and tables, built
   before timing (aim: at most 2x): what the page's own work adds to Streamlit's rendering.
   Cold view: a page run for a filter combination never seen before (the caches filled for the records file,
   empty for that view: what a visitor waits for after changing a filter), median of several such views, against
   the same floor (aim: at most 3x), and against the same page's warm run (what deriving the view adds).
4. Browser (Chromium): from a filter change to the redrawn chart, against a rerun of a page with one static
   element.
5. Memory: peak resident memory of the `streamlit run` server with one session and with ten.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import platform
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import plotly.graph_objects as go  # noqa: E402
import psutil  # noqa: E402
import streamlit  # noqa: E402
import yaml  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from components import record_tables  # noqa: E402
from components.downloads import csv_bytes, excel_bytes  # noqa: E402
from inspections.analysis import options_for  # noqa: E402
from inspections.bundle import END_MARKER, parse_bundle, read_bundle  # noqa: E402
from inspections.frames import build_frames  # noqa: E402
from inspections.load import MAX_BYTES, read_yaml  # noqa: E402
from inspections.records import DATA_PATH_ENV, DEFAULT_DATA_PATH, load_records, validate_loaded  # noqa: E402
from testing.apptest import start_app  # noqa: E402
from testing.browser import APP_IDLE, app_pages, browser_problem, launch, new_context, open_page  # noqa: E402
from testing.server import StreamlitServer  # noqa: E402

SIZES = (3, 12, 108)  # the largest is nine copies of the twelve, within the loader's 5 MB limit
GROWTH_AIM = 1.5
FLOOR_AIM = 2.0
COLD_AIM = 3.0  # a view never seen before, against the floor


# ---------------------------------------------------------------------------------------------- records


def synthetic_records(source: Path, count: int, folder: Path) -> Path:
    """A records file of `count` authorities: the source's authorities cloned in turn, each clone with new
    authority, event and recommendation ids, a new name and ONS code. Sources and themes are shared."""
    data = parse_bundle(read_bundle(source)).data  # the index and every authority file it includes, as one
    data.pop("changes", None)  # the change log names the shipped records; clones are not in it
    base = data["authorities"]
    authorities = []
    for i in range(count):
        clone = copy.deepcopy(base[i % len(base)])
        copy_number = i // len(base)
        if copy_number:
            suffix = f"-copy-{copy_number}"
            clone["id"] += suffix
            clone["name"] = f"{clone['name']} {copy_number + 1}"
            clone["ons_code"] = f"E06{900000 + i:06d}"
            clone.pop("ofsted_urn", None)
            for event in clone.get("events", []):
                event["id"] += suffix
                for rec in event.get("recommendations", []):
                    rec["id"] += suffix
        authorities.append(clone)
    data["authorities"] = authorities
    path = folder / f"records-{count}.yaml"
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120)
    path.write_text(text + END_MARKER + "\n", encoding="utf-8")
    if path.stat().st_size > MAX_BYTES:
        raise SystemExit(f"{path.name} is {path.stat().st_size:,} bytes, over the loader's {MAX_BYTES:,} limit")
    return path


def best_of(repeats: int, function) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


@dataclass
class LoadRow:
    authorities: int
    size_kb: float
    validate_s: float
    frames_s: float


def bench_load(files: dict[int, Path]) -> list[LoadRow]:
    rows = []
    for count, path in files.items():
        repeats = 2 if count > 50 else 5
        validate_s = best_of(repeats, lambda path=path: validate_loaded(read_yaml(path)))
        records = validate_loaded(read_yaml(path))
        frames_s = best_of(repeats, lambda records=records: build_frames(records))
        rows.append(LoadRow(count, path.stat().st_size / 1024, validate_s, frames_s))
    return rows


# ---------------------------------------------------------------------------------------------- pages


# Pages are measured as a visitor first sees them, the tables behind the charts folded (components.blocks.folded);
# --tables-open measures them with every folded table opened, as the rounds before folding did.
TABLES_OPEN = False


def page_app(data: Path, script: str, params: dict[str, str] | None = None) -> AppTest:
    os.environ[DATA_PATH_ENV] = str(data)
    at = start_app(script, params, timeout=600, tables_open=TABLES_OPEN)
    if at.exception:
        raise RuntimeError(f"{script} raised on {data.name}: {at.exception}")
    at.run()  # warm: every cache filled
    for thread in threading.enumerate():  # and the file's own work done: the Sources page starts its workbook
        if thread.name == record_tables.BUILDER:
            thread.join()
    return at


def warm_runs(at: AppTest, runs: int) -> float:
    """The fastest of `runs` reruns that change nothing: the page's own cost, with the least noise from whatever
    else the machine is doing (the median is as noisy as the machine)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
    return min(times)


FLOOR_SCRIPT = """
import pickle
import streamlit as st

@st.cache_resource
def built(path):
    with open(path, "rb") as file:
        return pickle.load(file)

for kind, payload in built({path!r}):
    if kind == "figure":
        st.plotly_chart(payload, theme=None)
    elif kind == "table":
        st.dataframe(payload, hide_index=True, width="stretch")
    else:
        label, data, name = payload
        st.download_button(label, data, file_name=name)
"""


COLD_VIEWS = 15  # one page run each is milliseconds, so the median of five moved by half between runs


def cold_ranges(first_year: int, last_year: int, count: int = COLD_VIEWS) -> list[tuple[int, int]]:
    """`count` year ranges, each different and none the default (every year), widest first: the views a visitor
    narrowing the years would see."""
    spans = [(a, b) for a in range(first_year, last_year + 1) for b in range(a, last_year + 1)]
    spans.remove((first_year, last_year))
    return sorted(spans, key=lambda span: (span[0] - span[1], span))[:count]


def cold_runs(data: Path, script: str, first_year: int, last_year: int) -> float:
    """The median time of a page run for views never seen before in this process: each a new year range, so
    everything derived for a view (frames, summaries, figures, table files) is a cache miss, while what is built
    once per records file is not."""
    at = page_app(data, script)
    times = []
    for first, last in cold_ranges(first_year, last_year):
        at.query_params["from"] = str(first)
        at.query_params["to"] = str(last)
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
        if at.exception:
            raise RuntimeError(f"{script} raised on a cold view: {at.exception}")
    return statistics.median(times)


def floor_app(at: AppTest, folder: Path, name: str) -> tuple[AppTest, int]:
    """A page that renders what `at` rendered (its figures, its tables, a CSV and an Excel download of each
    table), every piece built before timing: the cost of Streamlit's own rendering."""
    import pickle

    items: list[tuple[str, object]] = []
    for chart in at.get("plotly_chart"):
        items.append(("figure", go.Figure(json.loads(chart.proto.spec))))
    for i, frame in enumerate(at.dataframe):
        table = frame.value
        items.append(("table", table))
        items.append(("download", ("Download CSV", csv_bytes(table), f"table-{i}.csv")))
        items.append(("download", ("Download Excel", excel_bytes({"table": table}), f"table-{i}.xlsx")))
    path = folder / f"floor-{name}.pickle"
    path.write_bytes(pickle.dumps(items))
    floor = AppTest.from_string(FLOOR_SCRIPT.format(path=str(path)), default_timeout=600)
    floor.run()
    floor.run()
    return floor, sum(kind != "download" for kind, _ in items)


@dataclass
class PageRow:
    page: str
    small_s: float
    same_view_s: float
    all_shown_s: float
    floor_small_s: float
    floor_all_s: float
    floor_items: int  # figures and tables the floor renders; 0 means the page has none to compare
    cold_s: float = 0.0  # a run for a view never seen before, at 3 authorities

    @property
    def cold_over_floor(self) -> float:
        return self.cold_s / self.floor_small_s

    @property
    def cold_over_warm(self) -> float:
        # What a new view adds to a rerun of the same page: the part of the wait that deriving the view costs,
        # whatever Streamlit's elements on the page cost (the floor holds only its charts and tables).
        return self.cold_s / self.small_s

    @property
    def growth_same_view(self) -> float:
        return self.same_view_s / self.small_s

    @property
    def growth_all_shown(self) -> float:
        return self.all_shown_s / self.small_s

    @property
    def over_floor(self) -> float:
        return self.small_s / self.floor_small_s

    @property
    def over_floor_all(self) -> float:
        return self.all_shown_s / self.floor_all_s


def bench_pages(files: dict[int, Path], folder: Path, runs: int) -> list[PageRow]:
    small, large = files[min(files)], files[max(files)]
    shipped_ids = ",".join(a["id"] for a in yaml.safe_load(small.read_text(encoding="utf-8"))["authorities"])
    options = options_for(build_frames(load_records(small)))
    years = (options.first_year, options.last_year)
    rows = []
    for page in app_pages():
        at_small = page_app(small, page.script)
        small_s = warm_runs(at_small, runs)
        floor, items = floor_app(at_small, folder, f"{page.name}-small")
        floor_small_s = warm_runs(floor, runs)
        same_view_s = warm_runs(page_app(large, page.script, {"la": shipped_ids}), runs)
        at_large = page_app(large, page.script)
        all_shown_s = warm_runs(at_large, max(3, runs // 2))
        floor_all_s = warm_runs(floor_app(at_large, folder, f"{page.name}-large")[0], max(3, runs // 2))
        cold_s = cold_runs(small, page.script, *years)
        rows.append(PageRow(page.name, small_s, same_view_s, all_shown_s, floor_small_s, floor_all_s, items, cold_s))
        print(f"  {page.name}: done", file=sys.stderr, flush=True)
    return rows


# ---------------------------------------------------------------------------------------------- browser

# The floor for a browser round trip: one element, which says which run drew it, so the browser can tell
# when a rerun has reached the screen (a checkbox asks for the rerun).
STATIC_PAGE = """
import streamlit as st

st.checkbox("Rerun", key="rerun")
st.session_state["runs"] = st.session_state.get("runs", 0) + 1
st.markdown(f"Run {st.session_state['runs']}")
"""

# The chart has been redrawn without the authority just removed, and the run is over. (Until the rerun
# reaches the screen the chart still shows it, so this cannot be true early.)
CHART_WITHOUT = """([name]) => {
    const app = document.querySelector("[data-testid='stApp']");
    if (app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    const ticks = [...document.querySelectorAll("[data-testid='stPlotlyChart'] .ytick text")].map(t => t.textContent);
    return ticks.length > 0 && !ticks.includes(name);
}"""


@dataclass
class BrowserRow:
    filter_s: float
    static_s: float

    @property
    def ratio(self) -> float:
        return self.filter_s / self.static_s


def bench_browser(data: Path, folder: Path, repeats: int) -> BrowserRow:
    from playwright.sync_api import sync_playwright

    static = folder / "static_page.py"
    static.write_text(STATIC_PAGE, encoding="utf-8")
    first = yaml.safe_load(data.read_text(encoding="utf-8"))["authorities"][0]["name"]
    timeline = next(p for p in app_pages() if p.name == "timeline")
    filter_times, static_times = [], []
    with (
        StreamlitServer(data, name="bench-app", log_dir=folder) as app,
        StreamlitServer(data, name="bench-static", script=static, log_dir=folder) as floor,
        sync_playwright() as driver,
    ):
        browser = launch(driver)
        context = new_context(browser)
        page = context.new_page()
        for attempt in range(repeats + 1):  # the first of each is a warm-up, not counted
            open_page(page, timeline.url(app.url))
            start = time.perf_counter()
            page.get_by_role("button", name=f"Remove {first}").click()
            page.wait_for_function(CHART_WITHOUT, arg=[first], polling="raf")
            if attempt:
                filter_times.append(time.perf_counter() - start)

            page.goto(floor.url)
            page.get_by_text("Run 1", exact=True).wait_for()
            page.wait_for_selector(APP_IDLE, state="attached")
            start = time.perf_counter()
            page.get_by_text("Rerun").click()
            page.get_by_text("Run 2", exact=True).wait_for()
            if attempt:
                static_times.append(time.perf_counter() - start)
        browser.close()
    return BrowserRow(statistics.median(filter_times), statistics.median(static_times))


# ---------------------------------------------------------------------------------------------- memory


class PeakMemory:
    """Samples a process's resident memory every 20 ms and keeps the highest."""

    def __init__(self, pid: int):
        self.process = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            try:
                self.peak = max(self.peak, self.process.memory_info().rss)
            except psutil.Error:
                return
            time.sleep(0.02)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


@dataclass
class MemoryRow:
    idle_mb: float
    one_mb: float
    ten_mb: float
    pages: list[str] = field(default_factory=list)


def bench_memory(data: Path, folder: Path) -> MemoryRow:
    """One visitor reads every page; then ten visitors, each in a tab of their own, do the same at once.
    The committee pack page is left out: it starts a separate Chromium for print exports."""
    from playwright.sync_api import sync_playwright

    pages = [p for p in app_pages() if p.name != "pack"]
    with StreamlitServer(data, name="bench-memory", log_dir=folder) as server, sync_playwright() as driver:
        browser = launch(driver)
        context = new_context(browser)
        process = psutil.Process(server.process.pid)
        time.sleep(1)
        idle = process.memory_info().rss
        with PeakMemory(server.process.pid) as one:
            tab = context.new_page()
            for page in pages:
                open_page(tab, page.url(server.url))
        with PeakMemory(server.process.pid) as ten:
            tabs = [context.new_page() for _ in range(10)]
            for page in pages:
                for tab_ in tabs:  # start every visitor's page, then wait for them all
                    tab_.goto(page.url(server.url), wait_until="commit")
                for tab_ in tabs:
                    tab_.wait_for_selector(APP_IDLE, state="attached", timeout=120_000)
                    tab_.locator("h1").first.wait_for(timeout=120_000)
        browser.close()
    mb = 1024 * 1024
    return MemoryRow(idle / mb, max(one.peak, idle) / mb, max(ten.peak, one.peak) / mb, [p.name for p in pages])


# ---------------------------------------------------------------------------------------------- report


def machine() -> str:
    model = platform.processor() or "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    ram = psutil.virtual_memory().total / 1024**3
    return (
        f"{os.cpu_count()} CPUs (nproc), {model}, {ram:.0f} GiB RAM; Python {platform.python_version()}, "
        f"Streamlit {streamlit.__version__}, {platform.system()} {platform.release()}"
    )


def verdict(value: float, aim: float) -> str:
    return "meets" if value <= aim else "MISSES"


def report(loads, pages, browser, memory) -> str:
    out = [f"Machine: {machine()}", ""]
    base = loads[0]
    out += [
        "Load and validate (read, parse, schema and cross-record checks), then build the frames",
        "",
        "| authorities | file | validate, ms per authority | growth | frames, ms per authority | growth |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for row in loads:
        per_v = row.validate_s / row.authorities
        per_f = row.frames_s / row.authorities
        out.append(
            f"| {row.authorities} | {row.size_kb:,.0f} KB | {per_v * 1000:.1f} | "
            f"{per_v / (base.validate_s / base.authorities):.2f}x | {per_f * 1000:.2f} | "
            f"{per_f / (base.frames_s / base.authorities):.2f}x |"
        )
    out += [
        "",
        f"Pages: warm script runs (AppTest, fastest of several). Growth = {max(SIZES)} authorities / 3 (aim <= {GROWTH_AIM}x, same view);"
        f" floor = page / the same figures and tables pre-built (aim <= {FLOOR_AIM}x, at 3 authorities);"
        f" cold view = a run for a view never seen before, median of {COLD_VIEWS}, / the floor (aim <= {COLD_AIM}x)"
        " and / the same page's warm run",
        "",
        f"| page | 3 authorities | {max(SIZES)}, same view | growth | {max(SIZES)}, all shown | growth | floor ratio | verdict |"
        f" floor ratio, {max(SIZES)} all shown | cold view | cold / floor | cold / warm |",
        "|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|",
    ]
    for row in pages:
        growth_ok = row.growth_same_view <= GROWTH_AIM
        floor_ok = not row.floor_items or row.over_floor <= FLOOR_AIM
        cold_ok = not row.floor_items or row.cold_over_floor <= COLD_AIM
        missed = [name for name, ok in (("growth", growth_ok), ("floor", floor_ok), ("cold", cold_ok)) if not ok]
        floor = f"{row.over_floor:.2f}x" if row.floor_items else "n/a (no chart or table)"
        floor_all = f"{row.over_floor_all:.2f}x" if row.floor_items else "n/a"
        out.append(
            f"| {row.page} | {row.small_s * 1000:.0f} ms | {row.same_view_s * 1000:.0f} ms | "
            f"{row.growth_same_view:.2f}x | {row.all_shown_s * 1000:.0f} ms | {row.growth_all_shown:.1f}x | "
            f"{floor} | {'meets the aims' if not missed else 'misses ' + ' and '.join(missed)} | {floor_all} | "
            f"{row.cold_s * 1000:.0f} ms | {f'{row.cold_over_floor:.2f}x' if row.floor_items else 'n/a'} | "
            f"{row.cold_over_warm:.2f}x |"
        )
    if browser:
        out += [
            "",
            "Browser (Chromium, shipped records, median): filter change to redrawn chart / rerun of a one-element page",
            "",
            f"| filter change to chart | one-element rerun | ratio |\n|---:|---:|---:|\n"
            f"| {browser.filter_s * 1000:.0f} ms | {browser.static_s * 1000:.0f} ms | {browser.ratio:.1f}x |",
        ]
    if memory:
        out += [
            "",
            f"Server memory (resident, shipped records; pages {', '.join(memory.pages)})",
            "",
            "| started, idle | peak, one session | peak, ten sessions | ten / one | per extra session |",
            "|---:|---:|---:|---:|---:|",
            f"| {memory.idle_mb:.0f} MB | {memory.one_mb:.0f} MB | {memory.ten_mb:.0f} MB | "
            f"{memory.ten_mb / memory.one_mb:.2f}x | {(memory.ten_mb - memory.one_mb) / 9:.1f} MB |",
        ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=Path, default=DEFAULT_DATA_PATH, help="records to clone (default: shipped)")
    parser.add_argument("--runs", type=int, default=7, help="timed reruns per page and view (median)")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium and memory measurements")
    parser.add_argument("--tables-open", action="store_true", help="open every folded table on the pages measured")
    args = parser.parse_args(argv)
    global TABLES_OPEN
    TABLES_OPEN = args.tables_open

    with tempfile.TemporaryDirectory(prefix="bench-pages-") as tmp:
        folder = Path(tmp)
        print("Writing synthetic records…", file=sys.stderr, flush=True)
        files = {n: synthetic_records(args.records, n, folder) for n in SIZES}
        print("Loading…", file=sys.stderr, flush=True)
        loads = bench_load(files)
        print("Page runs…", file=sys.stderr, flush=True)
        pages = bench_pages(files, folder, args.runs)
        browser = memory = None
        problem = browser_problem()
        if args.no_browser or problem:
            if problem:
                print(f"Browser measurements skipped: {problem}", file=sys.stderr)
        else:
            print("Browser…", file=sys.stderr, flush=True)
            browser = bench_browser(files[min(SIZES)], folder, repeats=5)
            print("Memory…", file=sys.stderr, flush=True)
            memory = bench_memory(files[min(SIZES)], folder)
        print(report(loads, pages, browser, memory))
    return 0


if __name__ == "__main__":
    sys.exit(main())
