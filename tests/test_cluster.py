"""Two Streamlit processes behind HAProxy (deploy/cluster.py): sticky, websocket-aware, with the public headers,
and a short load test through the proxy with no errors and no missing download."""

from __future__ import annotations

import os
import urllib.error
import urllib.request

import pytest

from bench import load_test
from deploy.cluster import COOKIE, Cluster, haproxy_config, haproxy_problem

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cluster():
    problem = haproxy_problem()
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"{problem} (.ci/run installs it)")
        pytest.skip(problem)
    with Cluster(2) as running:
        yield running


def get(url: str, cookie: str = ""):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    return urllib.request.urlopen(request, timeout=30)


def process_cookie(response) -> str:
    cookies = [c.split(";", 1)[0] for c in response.headers.get_all("Set-Cookie") or []]
    return next(c for c in cookies if c.startswith(f"{COOKIE}="))


def test_the_configuration_names_every_process_once():
    config = haproxy_config([8601, 8602, 8603], 8080)
    assert config.count("server p") == 3 and "cookie p3" in config and "bind 127.0.0.1:8080" in config


@pytest.mark.server
def test_each_new_visitor_is_given_a_process_and_kept_on_it(cluster):
    first = {process_cookie(get(cluster.url + "/")) for _ in range(4)}
    assert first == {f"{COOKIE}=p1", f"{COOKIE}=p2"}, "new visitors are shared between the processes"
    with get(cluster.url + "/", f"{COOKIE}=p2") as response:
        assert response.status == 200
        assert not response.headers.get_all("Set-Cookie"), "a visitor who has a process keeps it"


@pytest.mark.server
def test_the_public_side_has_anti_framing_and_no_sniff_headers(cluster):
    with get(cluster.url + "/") as response:
        assert response.headers["X-Frame-Options"] == "DENY"
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
        assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.server
def test_streamlit_metrics_are_not_served_to_the_public(cluster):
    with pytest.raises(urllib.error.HTTPError) as refused:
        get(cluster.url + "/_stcore/metrics")
    assert refused.value.code == 404


@pytest.mark.server
def test_with_a_public_name_the_proxy_refuses_other_hosts_and_passes_on_the_bare_name():
    from tests.test_host_checks import upgrade_status

    if haproxy_problem():
        pytest.skip(haproxy_problem())
    public = "dashboard.example.gov.uk"
    with Cluster(1, public_host=public) as cluster:
        assert upgrade_status(cluster.port, f"{public}:443", f"https://{public}") == 101
        assert upgrade_status(cluster.port, public.upper(), f"https://{public}") == 101
        assert upgrade_status(cluster.port, "evil.example", "https://evil.example") == 421, "DNS rebinding"
        assert upgrade_status(cluster.port, f"127.0.0.1:{cluster.port}", None) == 421


@pytest.mark.server
def test_visitors_browse_and_download_through_the_proxy_without_an_error():
    if haproxy_problem():
        pytest.skip(haproxy_problem())
    figures = load_test.run_load_test(sessions=6, duration=12, processes=2)
    summary = figures.summary()
    print(summary)
    assert figures.errors == [], figures.errors[:10]
    assert summary["requests"] >= 20 and summary["downloads"] >= 1, summary
    assert summary["server_processes"] == 2
