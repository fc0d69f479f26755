"""What Streamlit checks on a websocket, exactly as docs/security.md states it: the Host header's name against
`server.allowedHosts`; then the Origin against the Host header exactly as sent (port and case included), then
against `server.corsAllowedOrigins` and any localhost address, by name alone, on any port. Raw upgrade requests
on a live server, so each header is the one given."""

from __future__ import annotations

import base64
import os
import socket

import pytest

from deploy.cluster import public_host_args
from testing.server import StreamlitServer
from tests.conftest import SMALL

pytestmark = pytest.mark.server

PUBLIC = "dashboard.example.gov.uk"


def upgrade_status(port: int, host: str, origin: str | None) -> int:
    """The HTTP status a websocket upgrade to /_stcore/stream gets with these Host and Origin headers."""
    key = base64.b64encode(os.urandom(16)).decode()
    lines = [
        "GET /_stcore/stream HTTP/1.1",
        f"Host: {host}",
        "Upgrade: websocket",
        "Connection: Upgrade",
        f"Sec-WebSocket-Key: {key}",
        "Sec-WebSocket-Version: 13",
        "Sec-WebSocket-Protocol: streamlit",
    ]
    if origin is not None:
        lines.append(f"Origin: {origin}")
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        status_line = sock.makefile("rb").readline().decode()
    return int(status_line.split()[1])


@pytest.fixture(scope="module")
def locked():
    """A server deployed as docs/security.md says: allowedHosts and the allowed origin set to the public name."""
    with StreamlitServer(SMALL, name="allowed-hosts", options=public_host_args(PUBLIC)) as server:
        yield server


@pytest.fixture(scope="module")
def hosts_only():
    """allowedHosts set, but no allowed origin: a Host with a port refuses the site's own pages."""
    with StreamlitServer(SMALL, name="allowed-hosts-only", options=[f"--server.allowedHosts={PUBLIC}"]) as server:
        yield server


@pytest.fixture(scope="module")
def unlocked():
    """The shipped settings, allowedHosts empty: fine on 127.0.0.1, open to DNS rebinding in public."""
    with StreamlitServer(SMALL, name="no-allowed-hosts") as server:
        yield server


@pytest.mark.parametrize(
    ("host", "origin", "admitted"),
    [
        (PUBLIC, f"https://{PUBLIC}", True),
        (f"{PUBLIC}:443", f"https://{PUBLIC}", True),  # a proxy that keeps the port
        (PUBLIC.upper() + ".", f"https://{PUBLIC}", True),  # case and a trailing dot do not matter
        ("evil.example", "https://evil.example", False),  # DNS rebinding: another name, same address
        (f"{PUBLIC}.evil.example", f"https://{PUBLIC}", False),
        (PUBLIC, "https://evil.example", False),  # another site's page
        (PUBLIC, "http://localhost:9999", True),  # Streamlit admits any localhost origin, on any port
        (PUBLIC, "http://127.0.0.1:1", True),
        (PUBLIC, None, True),  # no Origin: not a browser; the Host check still applies
        ("evil.example", None, False),
    ],
)
def test_deployed_with_the_public_name(locked, host, origin, admitted):
    assert (upgrade_status(locked.port, host, origin) == 101) is admitted


@pytest.mark.parametrize(
    ("host", "origin", "admitted"),
    [
        ("evil.example", "https://evil.example", True),  # why allowedHosts must be set when deploying
        ("127.0.0.1", "https://evil.example", False),
    ],
)
def test_with_the_shipped_empty_allowed_hosts(unlocked, host, origin, admitted):
    assert (upgrade_status(unlocked.port, host, origin) == 101) is admitted


@pytest.mark.parametrize(
    ("host", "admitted"),
    [(PUBLIC, True), (f"{PUBLIC}:443", False)],  # why the proxy passes on the bare name, and why the origin is set
)
def test_with_allowed_hosts_alone_a_port_in_the_host_refuses_the_sites_own_page(hosts_only, host, admitted):
    assert (upgrade_status(hosts_only.port, host, f"https://{PUBLIC}") == 101) is admitted
