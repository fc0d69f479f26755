"""The server: the deployment settings in .streamlit/config.toml are real Streamlit options and in force, a
running server refuses uploads, cross-site websockets and requests without the XSRF token, survives hostile
links over its own protocol, and the app never writes to data/ (checked with an audit hook on every file
operation while every page and filter runs)."""

from __future__ import annotations

import asyncio
import os
import random
import sys
import tomllib
import urllib.error
import urllib.request
import uuid

import pytest
import websockets
from streamlit import config

from bench import load_test
from components import streamlit_workarounds as workarounds
from testing.browser import app_pages
from tests.conftest import ROOT

CONFIG_FILE = ROOT / ".streamlit" / "config.toml"
DATA_DIR = ROOT / "data"
ALL_PAGES = [page.script for page in app_pages()]  # read from app.py: a new page is covered


# --------------------------------------------------------------------------------------------- the settings


def _settings() -> dict[str, object]:
    parsed = tomllib.loads(CONFIG_FILE.read_text(encoding="utf-8"))
    return {f"{section}.{key}": value for section, options in parsed.items() for key, value in options.items()}


def test_every_setting_is_a_real_streamlit_option():
    known = set(config.get_config_options())
    unknown = [name for name in _settings() if name not in known]
    assert unknown == [], f"not options in this Streamlit, so silently ignored: {unknown}"


def test_the_settings_are_in_force(monkeypatch):
    monkeypatch.chdir(ROOT)
    config.get_config_options(force_reparse=True)
    try:
        for name, value in _settings().items():
            assert config.get_option(name) == value, name
            assert str(CONFIG_FILE) in config.get_where_defined(name) or config.get_where_defined(name).endswith(
                "config.toml"
            ), name
    finally:
        config.get_config_options(force_reparse=True)


def test_the_public_deployment_settings():
    settings = _settings()
    assert settings["client.showErrorDetails"] == "none"
    assert settings["server.enableXsrfProtection"] is True
    assert settings["server.enableCORS"] is True
    assert settings["server.maxUploadSize"] == 0
    assert settings["browser.gatherUsageStats"] is False
    assert 1 <= settings["server.maxMessageSize"] <= 50


def test_every_setting_is_explained_in_the_file_and_in_docs():
    lines = CONFIG_FILE.read_text(encoding="utf-8").splitlines()
    docs = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    for i, line in enumerate(lines):
        if "=" in line and not line.lstrip().startswith("#"):
            assert lines[i - 1].lstrip().startswith("#"), f"no comment above: {line}"
    for name in _settings():
        short = name.split(".", 1)[1]
        assert f"`{name}" in docs or f"`{short}" in docs, f"docs/security.md does not explain {name}"


# -------------------------------------------------------------------------------------- a running server


@pytest.fixture(scope="module")
def server():
    running = load_test.Server(load_test.DEFAULT_DATA)
    running.start()
    yield running
    running.stop()


def _xsrf_cookie(server) -> str:
    """This client's XSRF cookie, as a browser would hold it."""
    with urllib.request.urlopen(f"{server.base}/_stcore/health", timeout=30) as response:  # where Streamlit sets it
        cookie = response.headers.get("Set-Cookie", "")
    return cookie.split("_streamlit_xsrf=", 1)[1].split(";", 1)[0] if "_streamlit_xsrf=" in cookie else ""


async def _with_live_session(server, action):
    """Run action(session_id) in a thread while a browser-like websocket session is open."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ClientState_pb2 import ClientState
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    url = f"ws://127.0.0.1:{server.port}/_stcore/stream"
    async with websockets.connect(url, subprotocols=["streamlit"], max_size=None) as ws:
        await ws.send(BackMsg(rerun_script=ClientState()).SerializeToString())
        while True:
            msg = ForwardMsg()
            msg.ParseFromString(await ws.recv())
            if msg.WhichOneof("type") == "new_session":
                return await asyncio.to_thread(action, msg.new_session.initialize.session_id)


def _put_upload(server, session_id: str, xsrf: str | None) -> int:
    boundary = uuid.uuid4().hex
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\n'
        f"Content-Type: text/csv\r\n\r\n{'a,b' * 100}\r\n--{boundary}--\r\n"
    ).encode()
    headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
    if xsrf is not None:
        headers |= {"X-Xsrftoken": xsrf, "Cookie": f"_streamlit_xsrf={xsrf}"}
    request = urllib.request.Request(
        f"{server.base}/_stcore/upload_file/{session_id}/file-1", data=body, headers=headers, method="PUT"
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


@pytest.mark.server
def test_uploads_are_refused(server):
    xsrf = _xsrf_cookie(server)
    assert xsrf, "XSRF protection sets its cookie"

    def try_uploads(session_id: str) -> tuple[int, int]:
        return _put_upload(server, session_id, None), _put_upload(server, session_id, xsrf)

    without_token, with_token = asyncio.run(_with_live_session(server, try_uploads))
    assert without_token == 403, "no XSRF token: refused"
    assert with_token == 413, "with the token: still refused, as uploads are off (maxUploadSize = 0)"


@pytest.mark.server
def test_websockets_from_other_sites_are_refused(server):
    async def connect(origin: str):
        url = f"ws://127.0.0.1:{server.port}/_stcore/stream"
        async with websockets.connect(url, subprotocols=["streamlit"], origin=origin) as ws:
            await ws.recv()

    with pytest.raises(websockets.exceptions.WebSocketException):
        asyncio.run(connect("https://evil.example"))


@pytest.mark.server
def test_hostile_links_over_the_real_protocol(server):
    """Each hostile raw query string (bad percent-encoding, NUL, overlong, markdown...), all at once: the page
    renders with a notice, and the next page works too."""
    figures = load_test.Figures(len(load_test.HOSTILE_LINKS), 0)

    async def visit(query: str):
        visitor = load_test.Visitor(server, figures, random.Random(0))
        try:
            run = await visitor.arrive(query)
            await visitor.request(page_hash=visitor.pages["timeline"])
        finally:
            await visitor.leave()
        return run.notices

    async def visit_all():
        return await asyncio.gather(*(visit(query) for query in load_test.HOSTILE_LINKS))

    notices = asyncio.run(visit_all())
    assert figures.errors == []
    assert all(n >= 1 for n in notices), dict(zip(load_test.HOSTILE_LINKS, notices, strict=True))


# ------------------------------------------------------------------------------------- data/ is read-only


_WATCH: dict = {"on": False, "writes": []}
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC
_CHANGING_EVENTS = {
    "os.rename",
    "os.remove",
    "os.rmdir",
    "os.mkdir",
    "os.truncate",
    "os.chmod",
    "os.chown",
    "os.utime",
    "os.symlink",
    "os.link",
    "shutil.copyfile",
    "shutil.copytree",
    "shutil.move",
    "shutil.rmtree",
}


def _in_data(value) -> bool:
    if isinstance(value, bytes):
        value = os.fsdecode(value)
    if not isinstance(value, (str, os.PathLike)):
        return False
    return os.path.abspath(os.fspath(value)).startswith(str(DATA_DIR) + os.sep) or os.path.abspath(
        os.fspath(value)
    ) == str(DATA_DIR)


def _audit(event: str, args: tuple) -> None:
    if not _WATCH["on"]:
        return
    if event == "open" and args and _in_data(args[0]):
        mode, flags = (*args, None, 0)[1:3]
        if (isinstance(mode, str) and set(mode) & set("wax+")) or (isinstance(flags, int) and flags & _WRITE_FLAGS):
            _WATCH["writes"].append((event, args[0], mode))
    elif event in _CHANGING_EVENTS and any(_in_data(a) for a in args):
        _WATCH["writes"].append((event, *args))


sys.addaudithook(_audit)


def test_the_app_never_writes_to_data(app):
    """Every page, every filter and toggle, run on the shipped data: no file under data/ is opened for writing,
    created, renamed, removed or touched, and every file's bytes and times are as they were."""
    before = load_test.snapshot(DATA_DIR)
    _WATCH["writes"].clear()
    _WATCH["on"] = True
    try:
        at = app(None, chromium=False)  # the app's default, data/records.yaml; the pack page without a browser
        for page in ALL_PAGES:
            at.switch_page(page).run()
            assert not at.exception, (page, at.exception)
        at.switch_page("pages/timeline.py").run()
        at.toggle(key="show_subjudgements").set_value(True).run()
        at.multiselect(key="f_authorities").set_value(at.multiselect(key="f_authorities").options[:1]).run()
        at.switch_page("pages/themes.py").run()
        at.radio(key="matrix_kind").set_value("Strengths").run()
        assert not at.exception
    finally:
        _WATCH["on"] = False
    assert _WATCH["writes"] == []
    assert load_test.snapshot(DATA_DIR) == before


# ------------------------------------------------------------------------------- crafted clients, old sessions


@pytest.mark.server
def test_crafted_widget_values_do_not_break_the_page(server):
    """A hand-made client can send any widget value, not only the options it was shown: unknown options and
    impossible years are ignored. A value of the wrong type makes Streamlit itself fail for that one run of that
    one session, and then the visitor sees only the generic message (client.showErrorDetails = "none")."""
    from streamlit.proto.Common_pb2 import DoubleArray, StringArray
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    figures = load_test.Figures(1, 0)

    async def visit():
        visitor = load_test.Visitor(server, figures, random.Random(0))
        try:
            run = await visitor.arrive("")
            authorities, years = run.widgets["f_authorities"], run.widgets["f_years"]
            crafted = WidgetState(id=authorities.id)
            crafted.string_array_value.CopyFrom(StringArray(data=["<script>x</script>", authorities.options[0]]))
            await visitor.request(page_hash=visitor.current, widgets=[crafted])
            crafted = WidgetState(id=years.id)
            crafted.double_array_value.CopyFrom(DoubleArray(data=[1e300, -5.0]))
            await visitor.request(page_hash=visitor.current, widgets=[crafted])
            assert figures.errors == []
            wrong_type = await visitor.request(
                page_hash=visitor.current, widgets=[WidgetState(id=authorities.id, string_value="not a list")]
            )
            figures.errors.clear()
            await visitor.request(page_hash=visitor.pages["themes"])  # the session carries on
            return wrong_type
        finally:
            await visitor.leave()

    wrong_type = asyncio.run(visit())
    assert figures.errors == []
    assert len(wrong_type.exceptions) == 1
    shown = wrong_type.exceptions[0]
    assert "redacted" in shown
    assert "TypeError" not in shown and "Traceback" not in shown and ".py" not in shown


@pytest.fixture
def server_with_short_grace(monkeypatch):
    """A server that keeps a file made on click one second, not a minute (workaround 4), so the test need not wait."""
    monkeypatch.setenv(workarounds.CLICK_FILE_GRACE_ENV, "1")
    running = load_test.Server(load_test.DEFAULT_DATA)
    running.start()
    yield running
    running.stop()


@pytest.mark.server
def test_a_visitor_who_has_left_leaves_no_files_behind(server_with_short_grace):
    """Once a disconnected session's reconnection time is up, the download files its page made are freed
    (components/streamlit_workarounds.py; Streamlit 1.67 alone keeps them for the life of the server)."""
    server = server_with_short_grace
    figures = load_test.Figures(1, 0)

    def status(url: str) -> int:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                return response.status
        except urllib.error.HTTPError as exc:
            return exc.code

    async def visits() -> tuple[int, int]:
        first = load_test.Visitor(server, figures, random.Random(0))
        await first.arrive("")
        run = await first.request(page_hash=first.pages["sources"])
        url = await first.resolve(run.downloads[0])  # a table file, made as a click makes it
        while_there = await asyncio.to_thread(status, url)
        await first.leave()
        await asyncio.sleep(load_test.SESSION_TTL + 2.5)  # past the reconnection time and the reaper's interval
        later = load_test.Visitor(server, figures, random.Random(1))
        await later.arrive("")
        await later.request(page_hash=later.pages["timeline"])
        await later.leave()
        return while_there, await asyncio.to_thread(status, url)

    while_there, after = asyncio.run(visits())
    assert (while_there, after) == (200, 404)
    assert figures.errors == []
