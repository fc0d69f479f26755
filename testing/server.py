"""The one Streamlit server harness: `streamlit run app.py` on a free loopback port with the records file given,
started and stopped by this process only, with its log and its memory and CPU as psutil sees them.

Used by the server tests, the browser tests (tests/e2e/), bench/load_test.py and scripts/screenshots.py.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from typing import IO

import psutil

from inspections.records import DATA_PATH_ENV
from testing.paths import APP, ARTIFACTS, ROOT


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class StreamlitServer:
    """`streamlit run app.py` on a free localhost port, with the records file given; a context manager.

    The log goes to a file (log_dir, by default artifacts/e2e/logs/), not a pipe, so a chatty server never
    blocks on a full pipe and the log can be read while it runs."""

    def __init__(
        self,
        data: Path | str,
        *,
        name: str = "app",
        script: Path | str = APP,
        log_dir: Path | str | None = None,
        options: Sequence[str] = (),
        port: int | None = None,
    ):
        self.data = str(data)
        self.options = list(options)
        self.name = name
        self.script = str(script)
        self.port = port or free_port()
        self.log_path = Path(log_dir or ARTIFACTS / "logs") / f"server-{name}.log"
        self.process: subprocess.Popen | None = None
        self._log: IO[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    base = url  # the load test's name for it

    def start(self, timeout: float = 90) -> StreamlitServer:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = self.log_path.open("wb")
        env = {**os.environ, DATA_PATH_ENV: self.data, "PYTHONUNBUFFERED": "1"}
        command = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            self.script,
            "--server.port",
            str(self.port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            *self.options,
        ]
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.process.returncode}; see {self.log_path}")
            if self.healthy():
                return self
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"streamlit did not become healthy within {timeout:.0f}s; see {self.log_path}")

    def healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                return response.status == 200
        except OSError:
            return False

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)
        if self._log:
            self._log.close()
            self._log = None

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def rss_mb(self) -> float:
        """Resident memory of the server process itself."""
        try:
            return psutil.Process(self.process.pid).memory_info().rss / 1024 / 1024
        except psutil.Error:
            return 0.0

    def children_mb(self) -> float:
        """Memory unique to the server's child processes (the Chromium the committee pack page starts):
        unique set size, since Chromium's processes share most of their pages and RSS would count them again."""
        total = 0
        with contextlib.suppress(psutil.Error):
            for child in psutil.Process(self.process.pid).children(recursive=True):
                with contextlib.suppress(psutil.Error):
                    total += child.memory_full_info().uss
        return total / 1024 / 1024

    def cpu_s(self) -> tuple[float, float]:
        """CPU seconds used so far by the server process, and by its (current) children."""
        try:
            root = psutil.Process(self.process.pid)
            own = sum(root.cpu_times()[:2])
            children = 0.0
            for child in root.children(recursive=True):
                with contextlib.suppress(psutil.Error):
                    children += sum(child.cpu_times()[:2])
            return own, children
        except psutil.Error:
            return 0.0, 0.0

    def __enter__(self) -> StreamlitServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
