"""The password and the session id never leave memory: not in argv, files, logs, the cache or
any request URL — after a real session in the TUI and with the CLI. TLS is verified by default."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import httpx
import pytest

from billtui import cli, config as config_mod, credentials, paths
from billtui.api import errors
from billtui.api.client import BillClient
from billtui.config import Profile
from billtui.widgets.header_bar import HeaderBar
from tests.app.conftest import make_sim, open_item, screen_text, settle

from .helpers import Cable, flat, profile_app, session_ids
from .served import self_signed, serve

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
    from billtui import cache
    from billtui.api import transport

    assert transport.SECRET_FIELDS <= cache.SECRET_FIELDS
    assert "disable_totp" in transport.SECRET_FIELDS
