"""Logging in, sessions, two-factor, and what replies never echo."""
from __future__ import annotations

import json

from billtui.sim.app import create_app

from tests.sim.conftest import Panel, make_client


async def test_login_returns_session(anon: Panel) -> None:
    doc = await anon.call("auth", username="demo", password="demo")
    assert doc["auth"]["$id"] == doc["auth"]["$"]
    assert doc["auth"]["$level"] == "16"
    anon.sid = doc["auth"]["$id"]
    who = await anon.call("whoami")
    assert who["user"]["$realname"] == "John Smith"
    assert who["user"]["$name"] == "demo"
    assert "ok" not in who


async def test_wrong_password_then_blocklogon(anon: Panel) -> None:
    for _ in range(5):
        doc = await anon.call("auth", username="demo", password="nope")
        assert doc["error"]["$type"] == "auth"
        assert doc["error"]["$object"] == "badpassword"
    doc = await anon.call("auth", username="demo", password="demo")
    assert doc["error"]["$object"] == "blocklogon"


async def test_success_resets_failure_count(anon: Panel) -> None:
    for _ in range(4):
        await anon.call("auth", username="demo", password="nope")
    await anon.login()
    doc = await anon.call("auth", username="demo", password="nope")
    assert doc["error"]["$object"] == "badpassword"


async def test_unknown_session_is_access_error(anon: Panel) -> None:
    anon.sid = "deadbeef"
    doc = await anon.call("payment")
    assert doc["error"]["$type"] == "access"


async def test_session_expires_after_ttl() -> None:
    now = [1000.0]  # the panel's clock, moved by hand: no waiting for time to pass
    app = create_app(session_ttl=60.0, clock=lambda: now[0])
    async with make_client(app) as client:
        p = Panel(client)
        await p.login()
        now[0] += 59.0
        assert "error" not in await p.call("keepalive")  # a request keeps the session alive
        now[0] += 59.0
        assert "error" not in await p.call("whoami")
        now[0] += 61.0
        assert (await p.call("whoami"))["error"]["$type"] == "access"


async def test_expire_all_sessions(app, panel: Panel) -> None:
    app.expire_all_sessions()
    assert (await panel.call("dashboard.info"))["error"]["$type"] == "access"


async def test_logon_logs_out(panel: Panel) -> None:
    assert "ok" in await panel.call("logon")
    assert (await panel.call("whoami"))["error"]["$type"] == "access"


async def test_totp_flow(anon: Panel) -> None:
    await anon.login("totp", "totp")
    who = await anon.call("whoami")
    assert who["ok"]["$"] == "func=totp.confirm"
    assert (await anon.call("payment"))["error"]["$type"] == "access"
    bad = await anon.call("totp.confirm", qrcode="000000", sok="ok", clicked_button="ok")
    assert bad["error"]["$type"] == "value" and bad["error"]["$object"] == "qrcode"
    first = anon.sid
    good = await anon.call("totp.confirm", qrcode="123456", sok="ok", clicked_button="ok")
    anon.sid = good["auth"]["$id"]
    assert anon.sid != first
    assert "ok" not in await anon.call("whoami")
    assert "elem" in await anon.call("payment")


async def test_tparams_never_echo_secrets(anon: Panel) -> None:
    response = await anon.raw(func="auth", username="demo", password="s3cr3t-pass")
    assert "s3cr3t-pass" not in response.text
    await anon.login()
    response = await anon.raw(func="usrparam", sok="ok", old_passwd="oldsecret", passwd="newsecret1",
                              confirm="newsecret1")
    assert "oldsecret" not in response.text and "newsecret1" not in response.text
    assert anon.sid not in json.dumps(response.json()["doc"].get("tparams", {}))


async def test_manager_alias_get_and_404(app) -> None:
    async with make_client(app) as client:
        r = await client.get("/manager/billmgr", params={"func": "auth", "username": "demo", "password": "demo",
                                                        "out": "json"})
        assert r.status_code == 200 and "auth" in r.json()["doc"]
        assert (await client.post("/other", data={"func": "auth"})).status_code == 404


async def test_new_password_works_for_auth(panel: Panel) -> None:
    wrong = await panel.call("usrparam", sok="ok", old_passwd="bad", passwd="fresh-pass", confirm="fresh-pass")
    assert wrong["error"]["$object"] == "old_passwd"
    mismatch = await panel.call("usrparam", sok="ok", old_passwd="demo", passwd="fresh-pass", confirm="other")
    assert mismatch["error"]["$type"] == "value" and mismatch["error"]["$object"] == "confirm"
    assert "ok" in await panel.call("usrparam", sok="ok", old_passwd="demo", passwd="fresh-pass",
                                    confirm="fresh-pass")
    assert (await panel.call("auth", username="demo", password="demo"))["error"]["$type"] == "auth"
    assert "auth" in await panel.call("auth", username="demo", password="fresh-pass")
