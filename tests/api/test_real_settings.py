"""Settings (notification switches, user settings, password, 2FA, contact data) against replies
shaped the way real code reads them, and the forms the client sends for every write.

Values are invented; every path is one that production code reads or sends. Sources:
- SO = Karantir-dev/billing-typescript src/Redux/settings/settingsOperations.js (a production customer
  panel for BILLmanager 6): getUserParams, setPersonalSettings, changeLang, setPasswordAccess, setTotp,
  setTotpPassword; src/Pages/UserSettings/AccessSettings/AccessSettings.jsx (status_totp, disable_totp);
  src/Components/Settings/ModalTwoStepVerification/ModalTwoStepVerification.jsx (secret, qrimage).
- FP = ISPsystem's function page "Notification settings (mainsubscribe)" (docs.ispsystem.com b6c):
  ``mainsubscribe`` column ``type``; ``subscribe`` columns ``notice status``, key ``notice_id``.
"""

from __future__ import annotations

import pytest

from billtui.api import models
from billtui.api.calls import settings
from billtui.api.errors import FieldError

from tests.api.conftest import doc, error


def _usrparam(**extra) -> dict:
    """A ``usrparam`` view as SO getUserParams reads it (every value under ``$``)."""
    fields = {
        "email": "notify@example.com", "timezone": "Europe/Riga", "atype": "atany", "secureip": "off",
        "setgeoip": "off", "addr": "", "sendemail": "on", "time": "2024-03-05 10:20:30", "telegram_id": "",
        "status_totp": "off", "email_confirmed_status": "on",
        "finance_notice_ntemail": "on", "finance_notice_ntmessenger": "off", "finance_notice_ntsms": "off",
        "news_notice_ntemail": "off", "news_notice_ntmessenger": "off", "news_notice_ntsms": "off",
        "service_notice_ntemail": "on", "service_notice_ntmessenger": "on", "service_notice_ntsms": "off",
        "support_notice_ntemail": "on", "support_notice_ntmessenger": "off", "support_notice_ntsms": "on",
    }
    fields.update(extra)
    body = {k: {"$": v} for k, v in fields.items()}
    body["slist"] = [{"$name": "timezone", "val": [{"$key": "Europe/Riga", "$": "Europe/Riga"},
                                                   {"$key": "UTC", "$": "UTC"}]},
                     {"$name": "atype", "val": [{"$key": "atany", "$": "Any"}, {"$key": "atallow", "$": "Only"}]}]
    body["messages"] = {"msg": {"instruction": "Open https://t.me/example_bot. to link Telegram"}}
    return doc(**body)


def _sent(panel, func: str) -> list[dict[str, str]]:
    return [f for f in panel.forms if f.get("func") == func and f.get("sok") == "ok"]


# ----------------------------------------------------------------------------- (a) reply corpus

async def test_usrparam_switches_become_the_matrix(panel, client):
    # SO getUserParams: <group>_notice_nt{email,messenger,sms}, for finance news service support.
    panel.handlers["usrparam"] = lambda form: _usrparam()
    matrix = await settings.notice_matrix(client)
    assert matrix.source == settings.SOURCE_USRPARAM
    assert matrix.channels == (("ntemail", "Email"), ("ntsms", "SMS"), ("ntmessenger", "Messenger"))
    rows = {n.id: n for n in matrix.notices}
    assert list(rows) == ["finance", "news", "service", "support"]
    assert rows["finance"].name == "Financial notices"
    assert rows["service"].channels == {"ntemail": True, "ntmessenger": True, "ntsms": False}
    assert rows["support"].channels["ntsms"] is True
    assert "mainsubscribe" not in panel.funcs()  # the lists are not asked when usrparam has switches


async def test_unknown_groups_and_channels_are_shown_by_their_own_names(panel, client):
    panel.handlers["usrparam"] = lambda form: doc(email={"$": "a@b.c"}, promo_offers_notice_ntviber={"$": "on"})
    matrix = await settings.notice_matrix(client)
    assert matrix.channels == (("ntviber", "Viber"),)
    assert matrix.notices[0].id == "promo_offers" and matrix.notices[0].name == "Promo offers"


def _sub_row(nid: str, status: str, **extra) -> dict:
    # FP: subscribe columns notice, status; key notice_id.
    return {"notice_id": {"$": nid}, "notice": {"$": f"Notice {nid}"}, "status": {"$orig": status, "$": status},
            **extra}


@pytest.mark.parametrize("reply", [
    pytest.param(doc(elem=[_sub_row("31", "on"), _sub_row("32", "off")]), id="FP subscribe elem array"),
    pytest.param(doc(elem=_sub_row("31", "on")), id="FP subscribe one row as an object"),
])
async def test_without_switches_the_lists_answer(panel, client, reply):
    panel.handlers["usrparam"] = lambda form: _usrparam_without_switches()
    panel.handlers["mainsubscribe"] = lambda form: doc(elem=[{"id": {"$": "1"}, "type": {"$": "Email"}}])
    panel.handlers["subscribe"] = lambda form: reply
    matrix = await settings.notice_matrix(client)
    assert matrix.source == settings.SOURCE_SUBSCRIBE
    assert matrix.notices[0].id == "31"  # notice_id is what suspend/resume take (FP)
    assert matrix.notices[0].active is True and matrix.notices[0].name == "Notice 31"


def _usrparam_without_switches() -> dict:
    return doc(email={"$": "a@b.c"}, timezone={"$": "UTC"})


async def test_subscribe_row_with_id_and_notice_id_is_known_by_notice_id(panel, client):
    panel.handlers["subscribe"] = lambda form: doc(elem=[_sub_row("31", "on", id={"$": "9001"})])
    rows = await settings.subscriptions(client)
    assert rows[0].id == "31"


async def test_without_usrparam_the_lists_answer(panel, client):
    panel.handlers["usrparam"] = lambda form: error("missed", "func", "Function usrparam not found")
    panel.handlers["mainsubscribe"] = lambda form: doc()  # missing elem: an empty list
    panel.handlers["subscribe"] = lambda form: doc()
    matrix = await settings.notice_matrix(client)
    assert matrix.source == settings.SOURCE_SUBSCRIBE and matrix.notices == []


@pytest.mark.parametrize("value, expected", [("on", True), ("off", False)])
async def test_status_totp_says_whether_2fa_is_on(panel, client, value, expected):
    # AccessSettings.jsx: userParams.status_totp === 'on'.
    panel.handlers["usrparam"] = lambda form: _usrparam(status_totp=value)
    assert settings.totp_status(await settings.usrparam_view(client)) is expected


async def test_totp_new_view_has_a_secret_and_an_image_link_not_an_otpauth_url(panel, client):
    # SO setTotp: secret, qrimage (a link fetched with the session), the download links, actualtime.
    panel.handlers["totp.new"] = lambda form: doc(
        secret={"$": "JBSWY3DPEHPK3PXP"}, qrimage={"$": "?func=totp.qrimage&elid=1"},
        qrimage_download_link={"$": "?func=totp.qrimage&download=on"},
        secret_download_link={"$": "?func=totp.new.file"}, actualtime={"$": "2024-03-05 10:20:30"})
    form = await settings.totp_new(client)
    assert form.get("secret") == "JBSWY3DPEHPK3PXP"
    assert settings.totp_otpauth_url(form) == ""  # the PNG link is never offered as a key URL


async def test_an_otpauth_url_is_used_when_the_panel_gives_one(panel, client):
    url = "otpauth://totp/host:demo?secret=JBSWY3DPEHPK3PXP"
    panel.handlers["totp.new"] = lambda form: doc(secret={"$": "JBSWY3DPEHPK3PXP"}, qrimage={"$": url})
    assert settings.totp_otpauth_url(await settings.totp_new(client)) == url


# ------------------------------------------------------------------------ (b) what writes send

async def test_saving_switches_sends_usrparam_fields_with_elid_and_the_users_language(panel, client):
    # SO setPersonalSettings: usrparam&sok=ok&elid=<id>&<group>_notice_<channel>=on|off.
    panel.handlers["usrparam"] = lambda form: doc(ok={}) if form.get("sok") else _usrparam(lang="de")
    matrix = await settings.notice_matrix(client)
    wanted = {(n.id, ch): on for n in matrix.notices for ch, on in n.channels.items()}
    wanted[("finance", "ntsms")] = True
    await settings.save_notice_switches(client, wanted, matrix.form)
    sent = _sent(panel, "usrparam")[-1]
    assert sent["elid"] == "7"
    assert sent["finance_notice_ntsms"] == "on" and sent["news_notice_ntemail"] == "off"
    assert sent["service_notice_ntmessenger"] == "on"
    assert sent["lang"] == "de"  # a usrparam save's lang is the user's language (SO changeLang)
    assert not any(k in sent for k in ("old_passwd", "passwd", "disable_totp"))


async def test_change_password_sends_old_passwd_passwd_confirm(panel, client):
    # SO setPasswordAccess: usrparam&sok=ok&elid&old_passwd&passwd&confirm.
    panel.handlers["usrparam"] = lambda form: doc(ok={})
    await settings.change_password(client, "old-one", "n3w-Pass-2024")
    sent = _sent(panel, "usrparam")[-1]
    assert {k: sent[k] for k in ("elid", "old_passwd", "passwd", "confirm")} == {
        "elid": "7", "old_passwd": "old-one", "passwd": "n3w-Pass-2024", "confirm": "n3w-Pass-2024"}


async def test_wrong_old_password_is_a_field_error_on_old_passwd(panel, client):
    # SO setPasswordAccess: error.$object === 'old_passwd'.
    panel.handlers["usrparam"] = lambda form: error("value", "old_passwd", "Wrong old password")
    with pytest.raises(FieldError) as caught:
        await settings.change_password(client, "nope", "n3w-Pass-2024")
    assert caught.value.field == "old_passwd"


async def test_totp_confirm_echoes_secret_and_login_and_sends_show_actualtime(panel, client):
    # SO setTotpPassword: totp.new&sok=ok&qrcode&secret&login&show_actualtime=show.
    panel.handlers["totp.new"] = lambda form: doc(ok={}) if form.get("sok") else doc(
        secret={"$": "JBSWY3DPEHPK3PXP"}, login={"$": "panel.example.com(demo)"})
    form = await settings.totp_new(client)
    await settings.totp_confirm_new(client, "123456", form)
    sent = _sent(panel, "totp.new")[-1]
    assert {k: sent[k] for k in ("qrcode", "secret", "login", "show_actualtime")} == {
        "qrcode": "123456", "secret": "JBSWY3DPEHPK3PXP", "login": "panel.example.com(demo)",
        "show_actualtime": "show"}


async def test_totp_confirm_without_a_login_field_builds_host_of_login(panel, client):
    panel.handlers["totp.new"] = lambda form: doc(ok={}) if form.get("sok") else doc(secret={"$": "ABC"})
    await settings.totp_confirm_new(client, "123456", await settings.totp_new(client))
    assert _sent(panel, "totp.new")[-1]["login"] == "panel.example.com(demo)"


async def test_totp_disable_sends_disable_totp_with_the_code(panel, client):
    # SO setPasswordAccess / AccessSettings.jsx: usrparam&sok=ok&elid&disable_totp=<code>.
    panel.handlers["usrparam"] = lambda form: doc(ok={})
    await settings.totp_disable(client, "654321", models.FormData(values={"lang": "en"}, options={}))
    sent = _sent(panel, "usrparam")[-1]
    assert sent["disable_totp"] == "654321" and sent["elid"] == "7" and sent["lang"] == "en"


async def test_wrong_disable_code_is_a_field_error_on_disable_totp(panel, client):
    panel.handlers["usrparam"] = lambda form: error("value", "disable_totp", "Invalid code")
    with pytest.raises(FieldError) as caught:
        await settings.totp_disable(client, "000000")
    assert caught.value.field == "disable_totp"


async def test_usrparam_save_sends_elid(panel, client):
    # SO setPersonalSettings / changeLang send elid with usrparam&sok=ok.
    panel.handlers["usrparam"] = lambda form: doc(ok={})
    await settings.usrparam_save(client, lang="de", timezone="UTC")
    sent = _sent(panel, "usrparam")[-1]
    assert (sent["elid"], sent["lang"], sent["timezone"]) == ("7", "de", "UTC")


async def test_list_mode_suspend_and_resume_send_notice_ids(panel, client):
    # FP: subscribe.suspend / subscribe.resume, elid = notice_id values joined by ", ".
    panel.handlers["subscribe.suspend"] = lambda form: doc(ok={})
    panel.handlers["subscribe.resume"] = lambda form: doc(ok={})
    await settings.suspend(client, ["31", "32"])
    await settings.resume(client, ["33"])
    sent = [f for f in panel.forms if f.get("func", "").startswith("subscribe.")]
    assert [(f["func"], f["elid"]) for f in sent] == [("subscribe.suspend", "31, 32"), ("subscribe.resume", "33")]


# ------------------------------------------- the demo panel answers and accepts the real shape

sim_app = pytest.importorskip("billtui.sim.app")


async def _sim_post(app, **form: str) -> dict:
    import httpx

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://sim") as http:
        resp = await http.post("/billmgr", data={"out": "json", **form})
        return resp.json()["doc"]


async def _sim_session(app) -> str:
    return (await _sim_post(app, func="auth", username="demo", password="demo"))["auth"]["$id"]


async def test_demo_usrparam_has_the_production_fields_and_takes_setpersonalsettings():
    app = sim_app.create_app(tier="advanced")
    sid = await _sim_session(app)
    view = await _sim_post(app, func="usrparam", lang="en", auth=sid)
    assert view["status_totp"]["$"] == "off"
    for group in ("finance", "news", "service", "support"):
        for channel in ("ntemail", "ntmessenger", "ntsms"):
            assert view[f"{group}_notice_{channel}"]["$"] in ("on", "off")
    # SO setPersonalSettings: the whole set of switches (and more) with elid and sok=ok.
    sent = {f"{g}_notice_{ch}": "off" for g in ("finance", "news", "service", "support")
            for ch in ("ntemail", "ntmessenger", "ntsms")}
    sent["finance_notice_ntsms"] = "on"
    reply = await _sim_post(app, func="usrparam", sok="ok", lang="en", elid="7", auth=sid, sendemail="on",
                            setgeoip="off", **sent)
    assert "ok" in reply
    after = await _sim_post(app, func="usrparam", auth=sid)
    assert after["finance_notice_ntsms"]["$"] == "on" and after["support_notice_ntemail"]["$"] == "off"
    bad = await _sim_post(app, func="usrparam", sok="ok", auth=sid, finance_notice_ntsms="maybe")
    assert bad["error"]["$object"] == "finance_notice_ntsms"


async def test_demo_totp_new_takes_settotppassword_and_usrparam_disable_totp():
    app = sim_app.create_app(tier="advanced")
    sid = await _sim_session(app)
    view = await _sim_post(app, func="totp.new", lang="en", auth=sid)
    assert view["secret"]["$"] and view["qrimage"]["$"] and not view["qrimage"]["$"].startswith("otpauth:")
    # SO setTotpPassword.
    ok = await _sim_post(app, func="totp.new", qrcode="123456", sok="ok", show_actualtime="show",
                         login=view["login"]["$"], secret=view["secret"]["$"], lang="en", auth=sid)
    assert "ok" in ok
    assert (await _sim_post(app, func="usrparam", auth=sid))["status_totp"]["$"] == "on"
    # SO setPasswordAccess with disable_totp: a wrong code names the field, a right one turns it off.
    wrong = await _sim_post(app, func="usrparam", sok="ok", elid="7", auth=sid, disable_totp="000000",
                            old_passwd="", passwd="", confirm="", atype="atany", secureip="off", addr="")
    assert wrong["error"]["$object"] == "disable_totp"
    right = await _sim_post(app, func="usrparam", sok="ok", elid="7", auth=sid, disable_totp="123456",
                            old_passwd="", passwd="", confirm="", atype="atany", secureip="off", addr="")
    assert "ok" in right
    assert (await _sim_post(app, func="usrparam", auth=sid))["status_totp"]["$"] == "off"


async def test_demo_subscribe_rows_carry_notice_id():
    app = sim_app.create_app(tier="advanced")
    sid = await _sim_session(app)
    rows = (await _sim_post(app, func="subscribe", auth=sid))["elem"]
    assert all(r["notice_id"]["$"] == r["id"]["$"] for r in rows)


async def test_a_usrparam_save_that_does_not_change_the_language_sends_no_lang(panel, client):
    """Real usrparam views carry no ``lang`` field (SO getUserParams), and a ``lang`` sent with a save is
    the user's new language (SO changeLang): without one to repeat, billtui's own ``lang=en`` must not
    go with the save, or a Russian-speaking user's panel would switch to English."""
    panel.handlers["usrparam"] = lambda form: doc(ok={}) if form.get("sok") else _usrparam()
    matrix = await settings.notice_matrix(client)
    wanted = {(n.id, ch): on for n in matrix.notices for ch, on in n.channels.items()}
    await settings.save_notice_switches(client, wanted, matrix.form)
    await settings.usrparam_save(client, timezone="Europe/Moscow")
    await settings.totp_disable(client, "123456")
    saves = [f for f in _sent(panel, "usrparam") if f.get("sok")]
    assert len(saves) == 3 and all("lang" not in f for f in saves)
    await settings.usrparam_view(client)  # a read still says which language to answer in
    assert [f for f in panel.forms if f.get("func") == "usrparam"][-1]["lang"] == "en"
