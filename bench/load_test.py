"""Load test: many visitors browsing one dashboard server at once, over Streamlit's own browser protocol.

Run from the repository root:  .venv/bin/python -m bench.load_test [--sessions 25] [--duration 60]

Starts `streamlit run app.py` on a free loopback port (127.0.0.1 only, with the repository's
.streamlit/config.toml), then keeps N simulated visitors busy for the given time. Each visitor is a websocket
client speaking what a browser speaks at /_stcore/stream: protobuf BackMsg "rerun" requests carrying a query
string, a page and widget values, answered by ForwardMsgs until `script_finished`. A visitor arrives by a
link (a sensible one, or a hostile one: bad percent-encoding, NUL, a markdown link, an overlong value), reads
the page, then repeatedly opens another page, changes a sidebar filter (authorities, years, kinds, themes),
downloads a table (HTTP GET of the CSV/Excel behind a download button) or a chart's print files (clicks
"Prepare print files", then fetches the PNG, SVG and PDF at once and again a second later), pausing 0.3 to
1.5 s between actions (`--no-pauses`: none; `--no-print-files`: never a print); after a few actions it leaves and a
new visitor arrives. Lighter than 25 headless Chromiums on a 2-core machine, and it exercises the same server
code: sessions, script runs, caches and media files.

Checks: no exception element in any page, every request answered with a finished run of the page asked for
(with its title), every chart's spec with a type on every trace, every print prepared without an error, every
download 200 and non-empty (a 404 also counts as a missing download). Memory: the server process's resident set size after a
warm-up visit to every page (by one visitor per process: the baseline, caches filled), its peak under load, and after every visitor has
left and Streamlit has dropped their sessions (the test server uses server.disconnectedSessionTTL=2 so that
happens in seconds, not the production two minutes); the Chromium that the committee pack page starts is
reported apart, as unique memory. Prints the figures; exits 1 if any check fails.

The short form runs in `make test` (tests/test_load_short.py: 10 visitors for 15 seconds).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import json
import random
import statistics
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import psutil
import websockets
from streamlit.proto.BackMsg_pb2 import BackendOperationRequest, BackMsg, DeferredFileRequestPayload
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.Common_pb2 import DoubleArray, StringArray
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates

if __package__ in (None, ""):  # run as a file (python bench/load_test.py), not as a module of the installed project
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from deploy.cluster import Cluster
from inspections.analysis import options_for
from inspections.frames import build_frames
from inspections.records import load_records
from testing.paths import ROOT, SHIPPED
from testing.server import StreamlitServer, free_port

DEFAULT_DATA = SHIPPED
REQUEST_TIMEOUT = 90.0  # seconds for one page run under load before it counts as unanswered
SESSION_TTL = 2  # seconds Streamlit keeps a disconnected session (production default: 120)
PAUSE_S = (0.3, 1.5)  # a visitor's pause between actions; --no-pauses sets (0, 0) to saturate the server
# How often a visitor opens another page, changes a filter, downloads a table, prepares a chart's print files;
# --no-print-files sets the last to 0, to measure the server processes alone (Chromium draws print files apart).
ACTION_WEIGHTS = [5, 4, 1, 1]
CHILDREN_EVERY_S = 5.0  # how often Chromium's unique memory is read under load (see sample_memory)

# Links a visitor might arrive by that the app must shrug off with a notice (raw query strings, as sent).
HOSTILE_LINKS = [
    "la=%ZZ&from=%E0%A4",  # broken percent-encoding and a truncated UTF-8 sequence
    "la=%00%01&kind=%1B%5B2J",  # NUL, control characters, a terminal escape
    "theme=" + "x" * 5000,  # an overlong value
    "%E2%80%AE" * 40 + "=1",  # a long key of right-to-left overrides
    "la=%5BLog%20in%5D(https%3A%2F%2Fevil.example)",  # a markdown link
    "la=%3Cscript%3Ealert(1)%3C%2Fscript%3E&from=2019&from=1066",  # script, repeated key
    "from=%F0%9F%92%A9&to=2020&to=twenty",  # emoji and words for years
]


@dataclass
class Figures:
    """What happened: counts, errors, latencies and memory."""

    sessions: int
    duration_s: float
    requests: int = 0
    visits: int = 0
    page_runs: dict[str, int] = field(default_factory=dict)
    filter_changes: int = 0
    hostile_links: int = 0
    downloads: int = 0
    download_bytes: int = 0
    print_prepares: int = 0
    print_downloads: int = 0
    missing_downloads: int = 0
    charts: int = 0
    errors: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    page_latencies: dict[str, list[float]] = field(default_factory=dict)
    largest_message_bytes: int = 0
    rss_cold_mb: float = 0.0
    rss_baseline_mb: float = 0.0
    rss_peak_mb: float = 0.0
    rss_after_mb: float = 0.0
    rss_after_rounds_mb: list[float] = field(default_factory=list)
    all_pages: list[str] = field(default_factory=list)
    warm_up_pages: list[str] = field(default_factory=list)
    children_peak_mb: float = 0.0
    children_after_mb: float = 0.0
    elapsed_s: float = 0.0
    server_cpu_s: float = 0.0
    children_cpu_s: float = 0.0
    generator_cpu_s: float = 0.0
    processes: int = 1
    quiet_after_warm_up_s: float = 0.0

    def summary(self) -> dict:
        lat = sorted(self.latencies) or [0.0]
        return {
            "sessions": self.sessions,
            "duration_s": round(self.elapsed_s, 1),
            "visits": self.visits,
            "requests": self.requests,
            "requests_per_s": round(self.requests / self.elapsed_s, 2) if self.elapsed_s else 0,
            "page_runs": dict(sorted(self.page_runs.items())),
            "filter_changes": self.filter_changes,
            "hostile_links": self.hostile_links,
            "downloads": self.downloads,
            "download_kb": round(self.download_bytes / 1024),
            "print_prepares": self.print_prepares,
            "print_downloads": self.print_downloads,
            "missing_downloads": self.missing_downloads,
            "charts_checked": self.charts,
            "errors": len(self.errors),
            "quiet_after_warm_up_s": self.quiet_after_warm_up_s,
            "server_cpu_s": round(self.server_cpu_s, 1),
            "server_cpu_ms_per_request": round(1000 * self.server_cpu_s / self.requests) if self.requests else 0,
            "server_processes": self.processes,
            "load_generator_cpu_s": round(self.generator_cpu_s, 1),
            "chromium_cpu_s": round(self.children_cpu_s, 1),
            "latency_p50_s": round(statistics.median(lat), 2),
            "latency_p95_s": round(lat[int(0.95 * (len(lat) - 1))], 2),
            "latency_max_s": round(lat[-1], 2),
            "latency_p50_p95_s_by_page": {
                page: (round(statistics.median(times), 2), round(sorted(times)[int(0.95 * (len(times) - 1))], 2))
                for page, times in sorted(self.page_latencies.items())
            },
            "largest_message_kb": round(self.largest_message_bytes / 1024),
            "rss_cold_mb": round(self.rss_cold_mb, 1),
            "rss_baseline_mb": round(self.rss_baseline_mb, 1),
            "rss_peak_mb": round(self.rss_peak_mb, 1),
            "rss_after_mb": round(self.rss_after_mb, 1),
            "rss_after_each_round_mb": self.rss_after_rounds_mb,
            "children_uss_peak_mb": round(self.children_peak_mb, 1),
            "children_uss_after_mb": round(self.children_after_mb, 1),
        }


def snapshot(directory: Path) -> dict[str, tuple]:
    """Every file and folder under directory, with its size, modification time and SHA-256."""
    state = {}
    for path in sorted(directory.rglob("*")):
        info = path.stat()
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "folder"
        state[str(path.relative_to(directory))] = (info.st_size if path.is_file() else 0, info.st_mtime_ns, digest)
    return state


class Server(StreamlitServer):
    """The dashboard's server as the load test drives it: sessions of visitors who leave are dropped in seconds."""

    sticky = False  # one process: no proxy cookie to keep a visitor on it

    def __init__(self, data: Path, port: int | None = None):
        port = port or free_port()
        super().__init__(
            data, name=f"load-test-{port}", port=port, options=[f"--server.disconnectedSessionTTL={SESSION_TTL}"]
        )


class ProxiedServers(Server):
    """N `streamlit run` processes behind HAProxy (deploy/cluster.py), measured together; visitors go to the proxy."""

    sticky = True

    def __init__(self, data: Path, processes: int):
        super().__init__(data)
        self.cluster = Cluster(processes, data=data, streamlit_args=(f"--server.disconnectedSessionTTL={SESSION_TTL}",))
        self.port = self.cluster.port

    def start(self, timeout: float = 90) -> ProxiedServers:
        self.cluster.start(timeout)
        return self

    def sticky_cookie(self) -> str:
        """The proxy's process cookie, as a browser gets it with the page."""
        with urllib.request.urlopen(f"{self.base}/", timeout=REQUEST_TIMEOUT) as response:
            cookies = response.headers.get_all("Set-Cookie") or []
        return "; ".join(c.split(";", 1)[0] for c in cookies)

    def _processes(self) -> list[psutil.Process]:
        found = []
        for role, pid in self.cluster.pids().items():
            if role.startswith("streamlit"):
                with contextlib.suppress(psutil.Error):
                    found.append(psutil.Process(pid))
        return found

    def rss_mb(self) -> float:
        return sum(p.memory_info().rss for p in self._processes()) / 1024 / 1024

    def children_mb(self) -> float:
        total = 0
        for process in self._processes():
            with contextlib.suppress(psutil.Error):
                for child in process.children(recursive=True):
                    with contextlib.suppress(psutil.Error):
                        total += child.memory_full_info().uss
        return total / 1024 / 1024

    def cpu_s(self) -> tuple[float, float]:
        """CPU seconds of every Streamlit process and HAProxy, and of their children."""
        own = children = 0.0
        for role, pid in self.cluster.pids().items():
            with contextlib.suppress(psutil.Error):
                process = psutil.Process(pid)
                own += sum(process.cpu_times()[:2])
                if role.startswith("streamlit"):
                    for child in process.children(recursive=True):
                        with contextlib.suppress(psutil.Error):
                            children += sum(child.cpu_times()[:2])
        return own, children

    def stop(self) -> None:
        self._logs = self.cluster.logs()
        self.cluster.stop()

    def log(self) -> str:
        return getattr(self, "_logs", None) or self.cluster.logs()


@dataclass
class PageRun:
    """One answered request: what the page drew."""

    page_hash: str = ""
    title: str = ""
    finished: int | None = None
    exceptions: list[str] = field(default_factory=list)
    widgets: dict[str, object] = field(default_factory=dict)  # key suffix -> widget proto
    downloads: list[str] = field(default_factory=list)  # CSV and Excel: a URL, or "deferred:<id>" made on click
    prints: list[str] = field(default_factory=list)  # PNG, SVG and PDF downloads, the same way
    prepare: list[object] = field(default_factory=list)  # "Prepare print files" buttons (widget protos)
    pages: dict[str, str] = field(default_factory=dict)  # url path -> page script hash
    query_string: str | None = None
    notices: int = 0
    largest: int = 0
    charts: int = 0


def _is_table(element) -> bool:
    """A CSV or Excel button (the print buttons are PNG, SVG and PDF)."""
    return "CSV" in element.download_button.label or "Excel" in element.download_button.label


def _file_ref(button) -> str:
    return button.url or (f"deferred:{button.deferred_file_id}" if button.deferred_file_id else "")


def _untyped_traces(spec: str) -> list[int]:
    """The traces of a chart's plotly spec that carry no type (which the browser would draw as something else)."""
    return [i for i, trace in enumerate(json.loads(spec).get("data", [])) if "type" not in trace]


class Visitor:
    """One browser tab: a websocket session that asks for pages and widget changes, one at a time."""

    def __init__(self, server: Server, figures: Figures, rng: random.Random):
        self.server, self.figures, self.rng = server, figures, rng
        self.ws = None
        self.pages: dict[str, str] = {}
        self.current = ""
        self.query = ""
        self.last: PageRun | None = None
        self.session_id = ""
        self.cookie = ""  # behind the proxy: the cookie that keeps this visitor on one process

    async def arrive(self, query: str) -> PageRun:
        if self.server.sticky:
            self.cookie = await asyncio.to_thread(self.server.sticky_cookie)
        url = f"ws://127.0.0.1:{self.server.port}/_stcore/stream"
        headers = {"Cookie": self.cookie} if self.cookie else None
        self.ws = await websockets.connect(
            url, subprotocols=["streamlit"], max_size=None, open_timeout=30, additional_headers=headers
        )
        self.query = query
        return await self.request(page_name="")

    async def leave(self) -> None:
        if self.ws is not None:
            await self.ws.close()
            self.ws = None

    async def request(self, *, page_hash: str = "", page_name: str = "", widgets: list | None = None) -> PageRun:
        state = ClientState(query_string=self.query, page_script_hash=page_hash, page_name=page_name)
        if widgets:
            state.widget_states.CopyFrom(WidgetStates(widgets=widgets))
        started = time.monotonic()
        await self.ws.send(BackMsg(rerun_script=state).SerializeToString())
        run = await asyncio.wait_for(self._read_run(), REQUEST_TIMEOUT)
        self.figures.latencies.append(time.monotonic() - started)
        self.figures.requests += 1
        self.figures.largest_message_bytes = max(self.figures.largest_message_bytes, run.largest)
        self.figures.charts += run.charts
        if run.pages:
            self.pages = run.pages
        if run.query_string is not None:
            self.query = run.query_string
        self.current = run.page_hash or self.current
        name = next((path or "overview" for path, h in self.pages.items() if h == self.current), "?")
        self.figures.page_runs[name] = self.figures.page_runs.get(name, 0) + 1
        self.figures.page_latencies.setdefault(name, []).append(self.figures.latencies[-1])
        problems = [f"{name}: exception: {e}" for e in run.exceptions]
        if run.finished != ForwardMsg.FINISHED_SUCCESSFULLY:
            problems.append(f"{name}: run finished with status {run.finished}")
        if not run.title:
            problems.append(f"{name}: no page title drawn")
        if page_hash and run.page_hash != page_hash:
            problems.append(f"{name}: asked for page {page_hash}, got {run.page_hash}")
        self.figures.errors.extend(problems)
        self.last = run
        return run

    async def _read_run(self) -> PageRun:
        run = PageRun()
        while True:
            raw = await self.ws.recv()
            run.largest = max(run.largest, len(raw))
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                self.session_id = msg.new_session.initialize.session_id or self.session_id
            elif kind == "navigation":
                run.page_hash = msg.navigation.page_script_hash or run.page_hash
                run.pages = {p.url_pathname: p.page_script_hash for p in msg.navigation.app_pages}
            elif kind == "page_info_changed":
                run.query_string = msg.page_info_changed.query_string
            elif kind == "page_not_found":
                run.exceptions.append("page not found")
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                self._element(msg.delta.new_element, run)
            elif kind == "script_finished":
                if msg.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue  # superseded by a rerun the page itself asked for; keep reading
                run.finished = msg.script_finished
                return run

    @staticmethod
    def _element(element, run: PageRun) -> None:
        which = element.WhichOneof("type")
        if which == "exception":
            shown = element.exception
            run.exceptions.append(f"{shown.type}: {shown.message} {' '.join(shown.stack_trace)}".strip()[:2000])
        elif which == "heading" and element.heading.tag == "h1" and not run.title:
            run.title = element.heading.body
        elif which == "alert" and "link" in element.alert.icon:
            run.notices += 1
        elif which == "alert" and "print_disabled" in element.alert.icon:
            run.exceptions.append(f"print files could not be drawn: {element.alert.body[:200]}")
        elif which in ("multiselect", "slider", "toggle"):
            widget = getattr(element, which)
            run.widgets[widget.id.rsplit("-", 1)[-1]] = widget
        elif which == "download_button" and not element.download_button.disabled:
            (run.downloads if _is_table(element) else run.prints).append(_file_ref(element.download_button))
        elif which == "button" and element.button.label == "Prepare print files" and not element.button.disabled:
            run.prepare.append(element.button)
        elif which == "plotly_chart":
            run.charts += 1
            if missing := _untyped_traces(element.plotly_chart.spec):
                run.exceptions.append(f"a chart reached the browser with traces {missing} that have no type")

    # What a visitor does between arriving and leaving.

    async def open_another_page(self) -> None:
        choices = [h for h in self.pages.values() if h and h != self.current] or list(self.pages.values())
        await self.request(page_hash=self.rng.choice(choices))

    async def change_a_filter(self) -> None:
        widgets = self.last.widgets if self.last else {}
        kinds = [k for k in ("f_authorities", "f_years", "f_kinds", "f_themes") if k in widgets]
        if not kinds:
            await self.open_another_page()
            return
        key = self.rng.choice(kinds)
        widget = widgets[key]
        state = WidgetState(id=widget.id)
        if key == "f_years":
            low, high = sorted(self.rng.sample(range(int(widget.min), int(widget.max) + 1), 2))
            state.double_array_value.CopyFrom(DoubleArray(data=[float(low), float(high)]))
        else:
            options = list(widget.options)
            least = 1 if key == "f_authorities" else 0  # no kinds or themes chosen means all of them
            chosen = self.rng.sample(options, self.rng.randint(least, len(options))) if options else []
            state.string_array_value.CopyFrom(StringArray(data=chosen))
        await self.request(page_hash=self.current, widgets=[state])
        self.figures.filter_changes += 1

    async def file_url(self, file_id: str) -> str:
        """Ask for a download as the browser does on a click: the server makes the file and answers its address."""
        request_id = str(uuid.uuid4())
        operation = BackendOperationRequest(
            request_id=request_id,
            session_id=self.session_id,
            deferred_file=DeferredFileRequestPayload(file_id=file_id),
        )
        await self.ws.send(BackMsg(backend_operation_request=operation).SerializeToString())

        async def answer() -> str:
            while True:
                msg = ForwardMsg()
                msg.ParseFromString(await self.ws.recv())
                if msg.WhichOneof("type") == "backend_operation_response":
                    response = msg.backend_operation_response
                    if response.request_id == request_id:
                        if response.error_msg:
                            raise OSError(response.error_msg)
                        return response.deferred_file.url

        return await asyncio.wait_for(answer(), REQUEST_TIMEOUT)

    async def download(self) -> None:
        files = [f for f in (self.last.downloads if self.last else []) if f]
        if not files:
            await self.open_another_page()
            return
        # Made on click: fetched at once, as a browser does, and again a second later while other visitors'
        # runs finish (each may sweep files no session refers to; see components/streamlit_workarounds.py).
        if url := await self.resolve(self.rng.choice(files)):
            await self.fetch_url(url)
            await asyncio.sleep(1.0)
            await self.fetch_url(url)

    async def print_files(self) -> None:
        """Prepare a chart's print files and download all three at once, then again a second later, while
        the other visitors' pages run (each finished run is when Streamlit may delete a file)."""
        run = self.last
        if run and run.prepare:
            button = self.rng.choice(run.prepare)
            click = WidgetState(id=button.id, trigger_value=True)
            run = await self.request(page_hash=self.current, widgets=[click])
            self.figures.print_prepares += 1
        files = [f for f in (run.prints if run else []) if f]
        if not files:
            await self.open_another_page()
            return
        urls = [url for url in [await self.resolve(f) for f in files] if url]
        for url in urls:
            await self.fetch_url(url, printed=True)
        await asyncio.sleep(1.0)
        for url in urls:
            await self.fetch_url(url, printed=True)

    async def resolve(self, file_ref: str) -> str | None:
        """A download's address: as drawn, or asked for as a browser does on a click (deferred files)."""
        try:
            if file_ref.startswith("deferred:"):
                return self.server.base + await self.file_url(file_ref.removeprefix("deferred:"))
            return self.server.base + file_ref
        except OSError as exc:
            self.figures.errors.append(f"download request: {exc}")
            return None

    async def fetch_url(self, url: str, *, printed: bool = False) -> None:
        def fetch() -> tuple[int, int]:
            try:
                # Behind the proxy the cookie keeps the download on the process that made the file.
                request = urllib.request.Request(url, headers={"Cookie": self.cookie} if self.cookie else {})
                with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
                    return response.status, len(response.read())
            except urllib.error.HTTPError as exc:
                return exc.code, 0

        try:
            status, size = await asyncio.to_thread(fetch)
        except OSError as exc:
            self.figures.errors.append(f"download {url}: {exc}")
            return
        self.figures.downloads += 1
        self.figures.print_downloads += printed
        self.figures.download_bytes += size
        if status == 404:
            self.figures.missing_downloads += 1
        if status != 200 or size == 0:
            self.figures.errors.append(f"download {url}: status {status}, {size} bytes")


def sensible_links(data: Path) -> list[str]:
    """Query strings for real views of the records: single authorities, year ranges, kinds and themes."""
    options = options_for(build_frames(load_records(data)))
    links = [""]
    links += [urlencode({"la": a}) for a in options.authorities]
    links += [urlencode({"from": options.first_year + 3, "to": options.last_year - 1})]
    links += [urlencode({"kind": ",".join(options.kinds[:2])}), urlencode({"theme": ",".join(options.themes[:3])})]
    links += [urlencode({"la": ",".join(options.authorities[:2]), "from": options.last_year - 5})]
    return links


async def visitor_loop(server: Server, figures: Figures, links: list[str], seed: int, until: float) -> None:
    rng = random.Random(seed)
    while time.monotonic() < until:
        visitor = Visitor(server, figures, rng)
        hostile = rng.random() < 0.15
        query = rng.choice(HOSTILE_LINKS if hostile else links)
        try:
            run = await visitor.arrive(query)
            figures.visits += 1
            if hostile:
                figures.hostile_links += 1
                if not run.notices:
                    figures.errors.append(f"hostile link {query[:40]!r}: no notice shown")
            for _ in range(rng.randint(3, 8)):
                if time.monotonic() >= until:
                    break
                await asyncio.sleep(rng.uniform(*PAUSE_S))
                action = rng.choices(
                    [visitor.open_another_page, visitor.change_a_filter, visitor.download, visitor.print_files],
                    ACTION_WEIGHTS,
                )
                await action[0]()
        except (TimeoutError, websockets.WebSocketException, OSError) as exc:
            figures.errors.append(f"visitor {seed}: {type(exc).__name__}: {exc}"[:300])
        finally:
            await visitor.leave()


async def visit_every_page(server: Server, figures: Figures) -> None:
    """One visitor using every feature once (each page, each filter, a download), so the code paths are
    imported and the caches the pages share are filled before the baseline is measured."""
    visitor = Visitor(server, figures, random.Random(0))
    await visitor.arrive("")
    figures.all_pages = sorted(path or "overview" for path in visitor.pages)
    for page_hash in list(visitor.pages.values()):
        await visitor.request(page_hash=page_hash)
        await visitor.change_a_filter()
        await visitor.download()
        if visitor.last and (visitor.last.prepare or visitor.last.prints):
            await visitor.print_files()
    await visitor.leave()


async def sample_memory(server: Server, figures: Figures, stop: asyncio.Event) -> None:
    """The server's resident memory every half second; Chromium's unique memory every CHILDREN_EVERY_S, in a thread.
    Unique memory is read from each process's smaps_rollup, which makes the kernel walk its memory map: read every
    half second on the visitors' event loop, that was two thirds of the load generator's CPU under load (py-spy)
    and held every visitor up while it ran."""
    children_due = 0.0
    while not stop.is_set():
        figures.rss_peak_mb = max(figures.rss_peak_mb, server.rss_mb())
        if time.monotonic() >= children_due:
            children_due = time.monotonic() + CHILDREN_EVERY_S
            figures.children_peak_mb = max(figures.children_peak_mb, await asyncio.to_thread(server.children_mb))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 0.5)


def wait_until_quiet(server: Server, *, most: float = 60.0) -> float:
    """Seconds until the server's processes use under a tenth of a core for a second: work the warm-up started in
    the background (the Sources page's workbook of every record) then finishes before the load's CPU is counted."""
    started = time.monotonic()
    before = sum(server.cpu_s())
    while time.monotonic() - started < most:
        time.sleep(1.0)
        now = sum(server.cpu_s())
        if now - before < 0.1:
            break
        before = now
    return time.monotonic() - started


def settled_rss(server: Server, seconds: float) -> float:
    """Memory once the server has been idle a while (the median of the last few samples)."""
    samples = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        samples.append(server.rss_mb())
        time.sleep(0.5)
    return statistics.median(samples[-5:])


def after_everyone_left(server: Server, figures: Figures) -> float:
    """Memory once every visitor's session has expired. Streamlit expires disconnected sessions lazily,
    when its session store is next used, so one more short visit after the TTL lets it drop them all."""
    time.sleep(SESSION_TTL + 1)

    async def one_visit() -> None:
        visitor = Visitor(server, figures, random.Random(0))
        await visitor.arrive("")
        await visitor.leave()

    asyncio.run(one_visit())
    return settled_rss(server, 4)


def run_load_test(
    sessions: int, duration: float, data: Path = DEFAULT_DATA, seed: int = 1, rounds: int = 1, processes: int = 0
) -> Figures:
    """Drive one server (processes=0) or N processes behind HAProxy (processes=N) with simulated visitors."""
    figures = Figures(sessions=sessions, duration_s=duration, processes=max(processes, 1))
    links = sensible_links(data)
    data_before = snapshot(ROOT / "data")
    server = ProxiedServers(data, processes) if processes else Server(data)
    server.start()
    try:
        figures.rss_cold_mb = server.rss_mb()
        # One warm-up visitor per process (the proxy sends each new visitor to the next): each process reads the
        # records, starts its Chromium and fills its caches before the load, as the one process does alone.
        for _ in range(max(processes, 1)):
            asyncio.run(visit_every_page(server, figures))
        figures.quiet_after_warm_up_s = round(wait_until_quiet(server), 1)
        figures.rss_baseline_mb = settled_rss(server, 3)
        warm_up_requests = figures.requests
        figures.warm_up_pages = sorted(figures.page_runs)
        figures.requests, figures.latencies, figures.page_runs, figures.page_latencies = 0, [], {}, {}

        async def load() -> None:
            stop = asyncio.Event()
            sampler = asyncio.create_task(sample_memory(server, figures, stop))
            until = time.monotonic() + duration
            await asyncio.gather(
                *(visitor_loop(server, figures, links, seed * 1000 + i, until) for i in range(sessions))
            )
            stop.set()
            await sampler

        for _ in range(rounds):
            started, (cpu_before, children_before) = time.monotonic(), server.cpu_s()
            generator_before = time.process_time()
            asyncio.run(load())
            figures.generator_cpu_s += time.process_time() - generator_before
            figures.elapsed_s += time.monotonic() - started
            cpu_after, children_after = server.cpu_s()
            figures.server_cpu_s += cpu_after - cpu_before
            figures.children_cpu_s += max(children_after - children_before, 0.0)
            figures.rss_after_rounds_mb.append(round(after_everyone_left(server, figures), 1))
        figures.rss_after_mb = figures.rss_after_rounds_mb[-1]
        figures.children_after_mb = server.children_mb()
        if warm_up_requests < 2:
            figures.errors.append("the warm-up visit did not reach every page")
    finally:
        server.stop()
    if snapshot(ROOT / "data") != data_before:
        figures.errors.append("a file under data/ was written, created or removed while the server ran")
    if set(figures.warm_up_pages) != set(figures.all_pages):
        figures.errors.append(f"the warm-up answered {figures.warm_up_pages}, not every page {figures.all_pages}")
    if "Traceback" in server.log():
        figures.errors.append("the server logged a traceback:\n" + server.log()[-2000:])
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=25, help="simulated visitors at once (default 25)")
    parser.add_argument("--duration", type=float, default=60, help="seconds of load (default 60)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="records file (default: the shipped data)")
    parser.add_argument("--rounds", type=int, default=1, help="repeat the load, settling between (shows a plateau)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--no-pauses", action="store_true", help="visitors act without pausing (saturated throughput)")
    parser.add_argument(
        "--no-print-files",
        action="store_true",
        help="visitors never prepare print files (the server processes alone, without Chromium's drawing)",
    )
    parser.add_argument(
        "--processes", type=int, default=0, help="N Streamlit processes behind HAProxy (default: one, no proxy)"
    )
    args = parser.parse_args(argv)
    if args.no_pauses:
        global PAUSE_S
        PAUSE_S = (0.0, 0.0)
    if args.no_print_files:
        ACTION_WEIGHTS[3] = 0
    figures = run_load_test(args.sessions, args.duration, args.data, rounds=args.rounds, processes=args.processes)
    summary = figures.summary()
    if args.json:
        print(json.dumps({**summary, "error_list": figures.errors[:50]}, indent=2))
    else:
        width = max(map(len, summary))
        for key, value in summary.items():
            print(f"{key:<{width}}  {value}")
        for error in figures.errors[:20]:
            print("ERROR", error)
    return 1 if figures.errors else 0


if __name__ == "__main__":
    sys.exit(main())
