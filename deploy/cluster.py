"""Several `streamlit run` processes behind HAProxy, each visitor kept on one process.

Streamlit keeps a visitor's session (its widgets, its download files) in the memory of the process its
websocket reached, so a crowd bigger than one Python process can serve needs several processes behind a
proxy that is websocket-aware and sticky. HAProxy inserts a cookie naming the process on the first answer and
sends every later request carrying it (the page, its websocket, its downloads) to that process.

    .venv/bin/python -m deploy.cluster --processes 2 --port 8080      # or: make serve-many N=2 PORT=8080

Used by bench/load_test.py --processes N and by tests/test_cluster.py. The proxy also sets the headers a
public deployment needs (no framing, no MIME sniffing) and keeps Streamlit's /_stcore/metrics off the public
side; deploy/README.md says how the same layout maps to a container platform.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COOKIE = "streamlit_process"

HAPROXY_CONFIG = """\
# Written by deploy/cluster.py for {processes} Streamlit process(es); see deploy/README.md.
global
    maxconn 4096

defaults
    mode http
    timeout connect 5s
    timeout client 1h
    timeout server 1h
    # A websocket stays open while a tab is: the tunnel timeout, not the request timeout, applies to it.
    timeout tunnel 1h
    timeout http-request 10s

frontend dashboard
    bind {address}:{port}
    # Prometheus metrics are for the operator, never the public.
    http-request deny deny_status 404 if {{ path_beg /_stcore/metrics }}
    # No other site may frame the dashboard (clickjacking), and browsers must not guess content types.
    http-response set-header X-Frame-Options DENY
    http-response set-header Content-Security-Policy "frame-ancestors 'none'"
    http-response set-header X-Content-Type-Options nosniff
    http-response set-header Referrer-Policy same-origin
{host_rules}    default_backend streamlit

backend streamlit
    balance roundrobin
    # Sticky: the first answer sets a cookie naming the process; the page, its websocket and its download
    # files then all reach the process that holds the visitor's session.
    cookie {cookie} insert indirect nocache httponly
    option httpchk GET /_stcore/health
{servers}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def haproxy_binary() -> str | None:
    """HAProxy on PATH, or where Debian installs it (/usr/sbin is not on every user's PATH)."""
    return shutil.which("haproxy") or (str(Path("/usr/sbin/haproxy")) if Path("/usr/sbin/haproxy").exists() else None)


def haproxy_problem() -> str | None:
    """Why HAProxy cannot be started here, in the reader's words, or None."""
    if haproxy_binary():
        return None
    return "HAProxy is not installed; install it with: sudo apt-get install haproxy"


# With a public name: another Host is refused at the door (DNS rebinding), and the Host passed on is the bare
# name. Streamlit's same-origin test compares the Origin's host with the Host header as sent, so a port left in
# it ("name:443", as some proxies forward it) would refuse every visitor's websocket.
HOST_RULES = """\
    http-request deny deny_status 421 unless {{ req.hdr(host),field(1,:),lower -m str {host} }}
    http-request set-header Host {host}
"""


def haproxy_config(ports: list[int], port: int, address: str = "127.0.0.1", public_host: str | None = None) -> str:
    servers = "\n".join(
        f"    server p{i} 127.0.0.1:{p} check inter 2s rise 1 cookie p{i}" for i, p in enumerate(ports, start=1)
    )
    host_rules = HOST_RULES.format(host=public_host.lower()) if public_host else ""
    return HAPROXY_CONFIG.format(
        processes=len(ports), address=address, port=port, cookie=COOKIE, servers=servers, host_rules=host_rules
    )


def public_host_args(public_host: str | None) -> tuple[str, ...]:
    """Streamlit's own checks for a public name: websockets naming another host, or from another site, refused."""
    if not public_host:
        return ()
    return (f"--server.allowedHosts={public_host}", f"--server.corsAllowedOrigins=https://{public_host}")


class Cluster:
    """N Streamlit processes and HAProxy in front, started and stopped together; a context manager."""

    def __init__(
        self,
        processes: int = 2,
        *,
        port: int | None = None,
        data: Path | str | None = None,
        streamlit_args: tuple[str, ...] = (),
        address: str = "127.0.0.1",
        public_host: str | None = None,
    ):
        self.processes, self.port, self.address = processes, port or free_port(), address
        self.data = data
        self.public_host = public_host
        self.streamlit_args = (*public_host_args(public_host), *streamlit_args)
        self.ports = [free_port() for _ in range(processes)]
        self.servers: list[subprocess.Popen] = []
        self.proxy: subprocess.Popen | None = None
        self._folder = tempfile.TemporaryDirectory(prefix="cluster-")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Cluster:
        self.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.stop()

    def start(self, timeout: float = 90) -> None:
        problem = haproxy_problem()
        if problem:
            raise RuntimeError(problem)
        env = dict(os.environ)
        if self.data:
            env["OFSTED_DASHBOARD_DATA"] = str(self.data)
        for port in self.ports:
            command = [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "app.py",
                "--server.address=127.0.0.1",
                f"--server.port={port}",
                "--server.headless=true",
                *self.streamlit_args,
            ]
            log = open(Path(self._folder.name) / f"server-{port}.log", "w")  # noqa: SIM115 (closed with the process)
            self.servers.append(subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT))
        deadline = time.monotonic() + timeout
        for port in self.ports:
            self._wait(f"http://127.0.0.1:{port}/_stcore/health", deadline)
        config = Path(self._folder.name) / "haproxy.cfg"
        config.write_text(haproxy_config(self.ports, self.port, self.address, self.public_host), encoding="utf-8")
        haproxy = haproxy_binary() or "haproxy"
        check = subprocess.run([haproxy, "-c", "-q", "-f", str(config)], capture_output=True, text=True)
        if check.returncode:
            raise RuntimeError(f"HAProxy refused its configuration: {check.stderr or check.stdout}")
        self.proxy = subprocess.Popen(
            ["haproxy", "-db", "-f", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        self._wait(f"{self.url}/_stcore/health", deadline)
        self._wait_for_every_process(deadline)

    def _wait_for_every_process(self, deadline: float) -> None:
        # HAProxy sends visitors to a process only once its first health check has passed.
        wanted = {f"p{i}" for i in range(1, self.processes + 1)}
        while time.monotonic() < deadline:
            seen = set()
            for _ in range(2 * self.processes):
                with contextlib.suppress(OSError), self._open(f"{self.url}/_stcore/health") as r:
                    seen.update(c.split(";", 1)[0].split("=", 1)[-1] for c in r.headers.get_all("Set-Cookie") or [])
            if wanted <= seen:
                return
            time.sleep(0.5)
        raise RuntimeError("HAProxy did not send visitors to every process in time")

    def _wait(self, url: str, deadline: float) -> None:
        while time.monotonic() < deadline:
            for process in [*self.servers, self.proxy]:
                if process is not None and process.poll() is not None:
                    raise RuntimeError(f"a process of the cluster exited (code {process.returncode})")
            with contextlib.suppress(OSError), self._open(url) as response:
                if response.read() == b"ok":
                    return
            time.sleep(0.3)
        raise RuntimeError(f"{url} did not answer in time")

    def _open(self, url: str):
        # Through the proxy, a public name must be the Host asked for; the processes themselves accept any.
        proxied = url.startswith(self.url) and self.public_host
        headers = {"Host": self.public_host} if proxied else {}
        return urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=2)

    def pids(self) -> dict[str, int]:
        """Process ids by role, for measuring CPU and memory."""
        found = {f"streamlit-{i}": p.pid for i, p in enumerate(self.servers, start=1)}
        if self.proxy is not None:
            found["haproxy"] = self.proxy.pid
        return found

    def logs(self) -> str:
        """What the Streamlit processes have logged so far."""
        return "\n".join(p.read_text(errors="replace") for p in sorted(Path(self._folder.name).glob("server-*.log")))

    def stop(self) -> None:
        for process in [self.proxy, *self.servers]:
            if process is not None and process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in [self.proxy, *self.servers]:
            if process is None:
                continue
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        self._folder.cleanup()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.cluster", description=__doc__.split("\n\n")[0])
    parser.add_argument("--processes", type=int, default=2, help="Streamlit processes (default 2)")
    parser.add_argument("--port", type=int, default=8080, help="the proxy's port (default 8080)")
    parser.add_argument("--address", default="127.0.0.1", help="the proxy's address (default 127.0.0.1)")
    parser.add_argument("--public-host", help="the public host name; any other Host header is refused")
    args = parser.parse_args(argv)
    problem = haproxy_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    with Cluster(args.processes, port=args.port, address=args.address, public_host=args.public_host) as cluster:
        print(f"Serving {args.processes} processes behind HAProxy at {cluster.url} (Ctrl+C stops them)")
        with contextlib.suppress(KeyboardInterrupt):
            while all(p.poll() is None for p in [cluster.proxy, *cluster.servers]):
                time.sleep(1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
