"""The password and the session id never leave memory: not in argv, files, logs, the cache or
any request URL — after a real session in the TUI and with the CLI. TLS is verified by default."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import httpx
import pytest

from billtui.cli import main as cli
from billtui.storage import config as config_mod, credentials, paths
from billtui.api import errors
from billtui.api.client import BillClient
from billtui.storage.config import Profile
from billtui.widgets.header_bar import HeaderBar
from tests.app.conftest import make_sim, open_item, screen_text, settle

from tests.reliability.helpers import Cable, flat, profile_app, session_ids
from tests.reliability.served import self_signed, serve

PASSWORD = "Zq7-distinctive-Passw0rd-91"


@pytest.fixture
def watched(monkeypatch):
    """Record every request URL and every subprocess argv, wherever they come from."""
    seen: dict[str, list] = {"urls": [], "argv": []}
    real_send = httpx.AsyncClient.send

    async def send(self, request, *args, **kwargs):
        seen["urls"].append(str(request.url))
        return await real_send(self, request, *args, **kwargs)

    real_popen = subprocess.Popen.__init__

    def popen(self, args, *a, **k):
        seen["argv"].append([str(x) for x in (args if isinstance(args, (list, tuple)) else [args])])
        return real_popen(self, args, *a, **k)

    monkeypatch.setattr(httpx.AsyncClient, "send", send)
    monkeypatch.setattr(subprocess.Popen, "__init__", popen)
    return seen


def every_file(root) -> list:
    return [p for p in root.rglob("*") if p.is_file()]


def assert_nowhere(secrets: set[str], root, seen: dict[str, list], *extra: str) -> None:
    assert secrets and all(len(s) >= 6 for s in secrets)
    haystacks = {str(p): p.read_bytes().decode("utf-8", "replace") for p in every_file(root)}
    haystacks["argv of this process"] = " ".join(sys.argv)
    haystacks["environment"] = " ".join(f"{k}={v}" for k, v in os.environ.items())
    for i, argv in enumerate(seen["argv"]):
        haystacks[f"subprocess {i} argv"] = " ".join(argv)
    for i, url in enumerate(seen["urls"]):
        haystacks[f"request URL {i}"] = url
    for i, text in enumerate(extra):
        haystacks[f"output {i}"] = text
    for secret in secrets:
        for where, text in haystacks.items():
            assert secret not in text, f"a secret was found in {where}"


async def test_a_tui_session_leaves_no_secret_anywhere(watched, isolated_dirs, memory_keyring):
    sim = make_sim()
    sim.state.run("UPDATE users SET password=? WHERE login='demo'", (PASSWORD,))
    cable = Cable(sim)
    app = profile_app(sim, cable)
    credentials.store_password("work", "demo", PASSWORD)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for key in ("payments", "tickets", "services/vds", "user_settings", "notifications"):
            await open_item(pilot, key)
        assert "John Smith" in screen_text(app) or "demo@" in screen_text(app)
        log = list(app.client.request_log)
        app.client.request_log.clear()
    sids = session_ids(cable)
    assert sids, "the app never used a session"
    assert all(url.endswith("/billmgr") for url in watched["urls"])  # everything in POST bodies
    assert PASSWORD not in repr(log) and not any(s in repr(log) for s in sids)
    assert_nowhere({PASSWORD, *sids}, isolated_dirs, watched)
    for path in every_file(paths.config_dir()) + every_file(paths.cache_dir()):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert every_file(paths.cache_dir()), "the offline cache was not written"


def test_the_cli_leaves_no_secret_anywhere(watched, isolated_dirs, memory_keyring, capsys):
    sim = make_sim()
    sim.state.run("UPDATE users SET password=? WHERE login='demo'", (PASSWORD,))
    with serve(sim) as url:
        config_mod.save(config_mod.Config().with_profile(Profile(name="work", url=url, username="demo"),
                                                         default=True))
        credentials.store_password("work", "demo", PASSWORD)
        assert cli.main(["--profile", "work", "get", "payments", "--format", "json"]) == 0
        assert cli.main(["ticket", "reply", "1002", "--message", "Confirmed, thanks"]) in (0, 2)
        sids = {s.sid for s in getattr(sim.sessions, "_by_id", {}).values()}
    out, err = capsys.readouterr()
    assert "PM-000040" in out
    assert watched["urls"] and all(u.endswith("/billmgr") for u in watched["urls"])
    assert_nowhere({PASSWORD, *sids}, isolated_dirs, watched, out, err)
    assert stat.S_IMODE(config_mod.config_path().stat().st_mode) == 0o600


# ------------------------------------------------------------------------------ TLS


def test_tls_is_verified_by_default():
    assert Profile(name="p", url="https://x/billmgr", username="u").verify is True
    assert BillClient("https://x/billmgr", "u", "p").verifies_tls


def test_a_self_signed_panel_fails_and_names_the_ca_bundle_option(tmp_path):
    import asyncio

    cert, key = self_signed(tmp_path)
    sim = make_sim()

    async def login(verify):
        async with BillClient(url, "demo", "demo", verify=verify) as client:
            await client.login()
            return client.realname

    with serve(sim, certfile=cert, keyfile=key) as url:
        with pytest.raises(errors.TlsError) as info:
            asyncio.run(login(True))
        assert "ca_bundle" in str(info.value)
        assert asyncio.run(login(str(cert))) == "John Smith"  # the profile's ca_bundle trusts it
        assert asyncio.run(login(False)) == "John Smith"  # explicitly off


async def test_the_tui_says_how_to_trust_a_self_signed_panel_and_warns_when_unverified(tmp_path, monkeypatch):
    cert, key = self_signed(tmp_path)
    sim = make_sim()
    monkeypatch.setenv("BILLTUI_PASSWORD", "demo")
    with serve(sim, certfile=cert, keyfile=key) as url:
        from billtui.app import BillTUI
        from billtui.launch import Launch

        strict = Profile(name="work", url=url, username="demo")
        app = BillTUI(Launch("profile", strict), config=config_mod.Config().with_profile(strict))
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            text = flat(screen_text(app))
            assert "certificate could not be verified" in text and "ca_bundle" in text
            assert getattr(app, "offline", None) is None  # a certificate problem is not "offline"

        loose = Profile(name="work", url=url, username="demo", verify_tls=False)
        app = BillTUI(Launch("profile", loose), config=config_mod.Config().with_profile(loose))
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert "TLS not verified" in app.screen.query_one(HeaderBar).warning
            assert "TLS not verified" in screen_text(app)


def test_the_offline_cache_scrubs_every_field_the_transport_hides():
    """A secret the transport keeps out of logs (a 2FA code in ``disable_totp``, ``authinfo``) must
    not land in the offline cache either: the two lists are kept in step."""
    from billtui.storage import cache
    from billtui.api import transport

    assert transport.SECRET_FIELDS <= cache.SECRET_FIELDS
    assert "disable_totp" in transport.SECRET_FIELDS


# ------------------------------------------------------------------ crash reports (issue #16)
#
# Textual prints an unhandled exception as a rich traceback with every frame's locals. A crash
# while logging in or sending a request must not print the password or the session id.

NEW_PASSWORD = "N3w-distinctive-Secret-77"


class Bursting(Cable):
    """The demo panel's cable, which runs out of memory on the request naming ``burst_on``."""

    def __init__(self, sim, burst_on: str | None = None) -> None:
        super().__init__(sim)
        self.burst_on = burst_on

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = request.content  # urlencoded: read before it is sent
        if self.burst_on and f"func={self.burst_on}".encode() in body:
            self.requests.append(request)
            raise MemoryError("out of memory while sending")
        return await super().handle_async_request(request)


def squeezed(text: str) -> str:
    """Text without whitespace or box drawing, so a secret wrapped over two lines is found too."""
    import re

    return re.sub(r"[\s│╭╮╰╯─┃▕▏]", "", text)


def crash_report(err: str) -> str:
    """What the user sees on exit (a short summary naming the file) and the report file itself."""
    from billtui.storage import paths

    files = sorted((paths.state_dir() / "crashes").glob("crash-*.txt"))
    assert files, "no crash report was written"
    assert "billtui stopped after an unexpected error" in err and str(files[-1]) in squeezed(err)
    return err + "\n" + files[-1].read_text()


def assert_report_hides(report: str, secrets: set[str]) -> None:
    assert "MemoryError" in report, "no crash report was printed"
    for secret in secrets:
        assert secret not in report and secret not in squeezed(report), "a secret is in the crash report"
    assert "<hidden: holds a secret>" in report  # locals are shown, the secret ones hidden


def plain_secrets_in_own_frames(exc: BaseException, secrets: set[str]) -> list[str]:
    """Frames of billtui's credential plumbing whose locals, printed as Textual does
    (``show_locals``, unscrubbed), show a secret. ``transport.py`` is left out: it turns the
    form into the plain dict httpx needs (one frame); the crash report hides that one."""
    from pathlib import Path

    from rich.traceback import Traceback

    import billtui

    own = Path(billtui.__file__).parent
    trace = Traceback.extract(type(exc), exc, exc.__traceback__, show_locals=True)
    found = []
    for stack in trace.stacks:
        for frame in stack.frames:
            path = Path(frame.filename)
            if own not in path.parents or path.name == "transport.py" or "calls" in path.parts:
                continue
            for name, node in (frame.locals or {}).items():
                text = node.render(max_width=10_000)
                if any(s in text for s in secrets):
                    found.append(f"{path.name}:{frame.name} {name}")
    return found


@pytest.mark.parametrize("source", ["keyring", "typed", "environment"])
async def test_a_crash_while_logging_in_never_prints_the_password(source, capsys, memory_keyring,
                                                                 monkeypatch):
    from billtui.screens.shell.login import LoginScreen

    sim = make_sim()
    app = profile_app(sim, Bursting(sim, burst_on="auth"))
    if source == "keyring":
        credentials.store_password("work", "demo", PASSWORD)
    elif source == "environment":
        monkeypatch.setenv("BILLTUI_PASSWORD", PASSWORD)
    with pytest.raises(Exception) as info:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            if source == "typed":
                assert isinstance(app.screen, LoginScreen)
                field = app.screen.query_one("#password")
                field.focus()
                await pilot.press(*PASSWORD, "enter")
                await settle(pilot)
    report = crash_report(capsys.readouterr().err)
    assert_report_hides(report, {PASSWORD})
    assert "Secret('***')" in report  # the login worker's argument, as Textual shows it
    crash = getattr(info.value, "error", info.value)
    assert isinstance(crash, MemoryError)
    assert plain_secrets_in_own_frames(crash, {PASSWORD}) == []


async def test_a_crash_inside_a_request_never_prints_a_password_or_the_session_id(capsys, memory_keyring):
    from billtui.api.calls import settings
    from billtui.screens.shell.main import MainScreen

    sim = make_sim()
    sim.state.run("UPDATE users SET password=? WHERE login='demo'", (PASSWORD,))
    cable = Bursting(sim)
    app = profile_app(sim, cable)
    credentials.store_password("work", "demo", PASSWORD)
    with pytest.raises(Exception) as info:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, MainScreen)
            cable.burst_on = "usrparam"
            app.run_worker(settings.change_password(app.client, PASSWORD, NEW_PASSWORD))
            await settle(pilot)
    sids = session_ids(cable)
    assert sids and all(len(s) >= 6 for s in sids)
    report = crash_report(capsys.readouterr().err)
    assert_report_hides(report, {PASSWORD, NEW_PASSWORD, *sids})
    crash = getattr(info.value, "error", info.value)
    assert isinstance(crash, MemoryError)
    assert plain_secrets_in_own_frames(crash, {PASSWORD, NEW_PASSWORD, *sids}) == []


def test_the_crash_report_finds_a_secret_however_a_local_spells_it():
    """Quoted by repr, form-encoded, or cut short by rich's 80-character limit."""
    import io
    from urllib.parse import quote_plus

    from rich.console import Console

    from billtui.runtime import crash
    from billtui.api.secret import Secret

    odd = "it's a \\ long & odd = passw0rd " + "x" * 90
    held = Secret(odd)

    def fail(encoded: str, raw: bytes, shortened: str) -> None:
        raise MemoryError("boom")

    try:
        fail(quote_plus(odd), odd.encode(), odd)
    except MemoryError:
        rendered = crash.report()
    out = io.StringIO()
    Console(file=out, width=200, color_system=None).print(rendered)
    text = out.getvalue()
    assert "fail" in text and text.count(crash.HIDDEN) >= 3
    assert odd[:16] not in text and quote_plus(odd)[:16] not in text and repr(odd)[1:17] not in text
    assert held.reveal() == odd


# ------------------------------------------------------------------ Secret, forms, children


def test_a_secret_never_shows_itself():
    from billtui.api.form import SecretForm
    from billtui.api.secret import Secret, live_values, scrub

    secret = Secret(PASSWORD)
    for shown in (repr(secret), str(secret), f"{secret}", repr([secret]), repr({"p": secret})):
        assert PASSWORD not in shown and "***" in shown
    assert secret.reveal() == PASSWORD and secret == PASSWORD and secret == Secret(PASSWORD)
    assert bool(secret) and not Secret("")
    found = credentials.Found(secret, "keyring")
    assert PASSWORD not in repr(found)
    assert PASSWORD in live_values() and scrub(f"x {PASSWORD} y") == "x *** y"

    form = SecretForm({"func": "auth", "username": "demo", "password": PASSWORD}, {"auth": Secret("SID-123456")})
    assert PASSWORD not in repr(form) and "SID-123456" not in repr(form) and "'username': 'demo'" in repr(form)
    plain = dict(form)  # what the transport does just before httpx
    assert plain == {"func": "auth", "username": "demo", "password": PASSWORD, "auth": "SID-123456"}
    assert form.redacted()["password"] == "***" and "lang" not in form.without("lang")


def test_a_password_from_anywhere_is_a_secret(monkeypatch):
    monkeypatch.setenv("BILLTUI_PASSWORD", PASSWORD)
    found = credentials.find_password("work", "demo")
    assert found is not None and found.source == "environment"
    assert found.password.reveal() == PASSWORD and PASSWORD not in repr(found)
    monkeypatch.delenv("BILLTUI_PASSWORD")
    credentials.store_password("work", "demo", PASSWORD)
    found = credentials.find_password("work", "demo")
    assert found is not None and found.source == "keyring" and PASSWORD not in repr(found)


def test_password_command_runs_without_billtuis_environment(monkeypatch, tmp_path):
    """The child (here a tiny python) sees no BILLTUI_* variable, the rest of the environment does."""
    monkeypatch.setenv("BILLTUI_PASSWORD", PASSWORD)
    monkeypatch.setenv("BILLTUI_SESSION", "SID-from-env-99")
    monkeypatch.setenv("SOMETHING_ELSE", "kept")
    seen = tmp_path / "child-env.txt"
    child = ("import os, sys; open(sys.argv[1], 'w').write(repr((sorted(k for k in os.environ "
             "if k.startswith('BILLTUI_')), os.environ.get('SOMETHING_ELSE')))); print('from-the-manager')")
    got = credentials.run_password_command((sys.executable, "-c", child, str(seen)))
    assert seen.read_text() == "([], 'kept')"
    assert got == "from-the-manager" and "from-the-manager" not in repr(got)
    assert os.environ["BILLTUI_PASSWORD"] == PASSWORD  # billtui's own environment is untouched


def test_the_cli_error_line_never_shows_a_secret(monkeypatch, capsys):
    from billtui.api.secret import Secret

    held = Secret("SID-cli-secret-4242")

    async def boom(client, args):
        raise RuntimeError(f"unexpected: the panel said {held.reveal()} and {PASSWORD}")

    import argparse

    monkeypatch.setenv("BILLTUI_PASSWORD", PASSWORD)
    code = cli._script(argparse.Namespace(command="get", demo=True, run=boom))
    err = capsys.readouterr().err
    assert code == 1 and "unexpected" in err
    assert held.reveal() not in err and PASSWORD not in err


async def test_secrets_reach_the_panel_in_plain_and_the_log_redacted():
    """Inside, a Secret; on the wire, the value itself (never the text "Secret('***')")."""
    from billtui.api.secret import Secret
    from tests.api.conftest import URL, FakePanel, doc

    panel = FakePanel()
    panel.password = PASSWORD
    panel.handlers["usrparam"] = lambda form: doc(ok={})
    async with BillClient(URL, "demo", Secret(PASSWORD), transport=httpx.MockTransport(panel)) as client:
        await client.call("usrparam", write=True, sok="ok", passwd=Secret(NEW_PASSWORD), confirm=NEW_PASSWORD)
        log = repr(client.request_log)
    auth, *_, change = panel.forms
    assert auth["password"] == PASSWORD
    assert change["passwd"] == NEW_PASSWORD and change["confirm"] == NEW_PASSWORD
    assert change["auth"] in panel.sessions and "Secret(" not in repr(panel.forms)
    assert PASSWORD not in log and NEW_PASSWORD not in log and change["auth"] not in log
