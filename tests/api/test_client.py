"""The client's session and transport behaviour, against a fake panel on httpx.MockTransport."""

import asyncio

import httpx
import pytest

from billtui.api import BillClient, errors

from tests.api.conftest import PASSWORD, URL, FakePanel, doc, error


def _secretless(panel: FakePanel, client: BillClient) -> None:
    for req in panel.requests:
        url = str(req.url)
        assert PASSWORD not in url and "SID" not in url and "auth=" not in url
    for method, url, form in client.request_log:
        assert PASSWORD not in url and PASSWORD not in str(form)
        assert all("SID" not in v for v in form.values())


async def test_lazy_login_then_call_with_session_in_body(panel, client):
    panel.handlers["payment"] = lambda f: doc(elem=[{"id": {"$": "1"}}], p_elems={"$": "1"})
    d = await client.call("payment", p_cnt="20", p_num="1")
    assert d.total == 1
    assert panel.funcs() == ["auth", "whoami", "payment"]
    last = panel.forms[-1]
    assert last["out"] == "json" and last["lang"] == "en" and last["auth"].startswith("SID")
    assert all(r.method == "POST" for r in panel.requests)
    assert panel.requests[-1].url == httpx.URL(URL)
    assert client.user_id == "7"
    _secretless(panel, client)


async def test_bad_password(panel):
    c = BillClient(URL, "demo", "wrong", transport=httpx.MockTransport(panel))
    with pytest.raises(errors.LoginRefused) as info:
        await c.login()
    assert info.value.reason == "badpassword"
    assert info.value.message == "Wrong login or password."
    assert "wrong" not in str(info.value)


async def test_password_callable_is_used(panel):
    asked = []
    c = BillClient(URL, "demo", lambda: asked.append(1) or PASSWORD, transport=httpx.MockTransport(panel))
    await c.login()
    assert asked and c.logged_in


async def test_no_password_is_a_login_refusal(panel):
    c = BillClient(URL, "demo", None, transport=httpx.MockTransport(panel))
    with pytest.raises(errors.LoginRefused):
        await c.call("whoami")
    assert panel.forms == []


async def test_two_factor(panel):
    panel.totp_code = "123456"

    async def code() -> str:
        return "123456"

    c = BillClient(URL, "demo", PASSWORD, transport=httpx.MockTransport(panel), totp=code)
    await c.login()
    assert panel.funcs() == ["auth", "whoami", "totp.confirm", "whoami"]
    confirm = panel.forms[2]
    assert confirm["qrcode"] == "123456" and confirm["sok"] == "ok" and confirm["clicked_button"] == "ok"
    panel.handlers["keepalive"] = lambda f: doc(ok={})
    await c.keepalive()
    assert panel.forms[-1]["auth"].endswith("-2fa")


async def test_two_factor_wrong_code(panel):
    panel.totp_code = "123456"

    async def code() -> str:
        return "000000"

    c = BillClient(URL, "demo", PASSWORD, transport=httpx.MockTransport(panel), totp=code)
    with pytest.raises(errors.FieldError) as info:
        await c.login()
    assert info.value.field == "qrcode"


async def test_expired_session_read_is_repeated_after_one_silent_login(panel, client):
    panel.handlers["payment"] = lambda f: doc(elem=[{"id": {"$": "1"}}])
    await client.login()
    panel.expire_all()
    d = await client.call("payment")
    assert len(d.rows()) == 1
    assert panel.funcs() == ["auth", "whoami", "payment", "auth", "whoami", "payment"]
    assert panel.logins == 2


async def test_expired_session_write_is_not_repeated(panel, client):
    calls = []
    panel.handlers["payment.delete"] = lambda f: calls.append(f) or doc(ok={})
    await client.login()
    panel.expire_all()
    with pytest.raises(errors.SessionRenewedWriteNotSent) as info:
        await client.call("payment.delete", write=True, elid="5")
    assert calls == []
    assert info.value.message and info.value.hint
    assert client.logged_in
    await client.call("payment.delete", write=True, elid="5")
    assert len(calls) == 1


async def test_access_denied_on_a_live_session_is_not_a_renewal(panel, client):
    panel.handlers["secret"] = lambda f: error("access", "", "Access denied")
    await client.login()
    with pytest.raises(errors.AccessDenied):
        await client.call("secret", write=True)
    assert panel.logins == 1
    with pytest.raises(errors.AccessDenied):
        await client.call("secret")  # a read: renewed once, then denied for good
    assert panel.logins == 2


async def test_field_error(panel, client):
    panel.handlers["payment.add.method"] = lambda f: error("value", "amount", "The 'Amount' field has invalid value.")
    with pytest.raises(errors.FieldError) as info:
        await client.call("payment.add.method", write=True, sok="ok", amount="-5")
    assert info.value.field == "amount"


async def test_unknown_function_is_not_available(panel, client):
    with pytest.raises(errors.NotAvailable):
        await client.call("dnshost")


async def test_busy_read_is_retried_write_is_not(panel, client):
    n = {"read": 0, "write": 0}

    def read(f):
        n["read"] += 1
        return error("busy", "", "Request in process, please wait") if n["read"] < 2 else doc(ok={})

    def write(f):
        n["write"] += 1
        return error("busy", "", "Request in process, please wait")

    panel.handlers["r"] = read
    panel.handlers["w"] = write
    assert (await client.call("r")).ok is not None
    assert n["read"] == 2
    with pytest.raises(errors.PanelBusy):
        await client.call("w", write=True)
    assert n["write"] == 1


async def test_html_body_is_not_json(panel, client):
    await client.login()
    panel.handlers["payment"] = lambda f: httpx.Response(200, text="<html><body>Blocked by firewall</body></html>",
                                                          headers={"content-type": "text/html"})
    with pytest.raises(errors.NotJson) as info:
        await client.call("payment")
    assert "web page" in info.value.message


async def test_truncated_body_is_not_json(panel, client):
    await client.login()
    panel.handlers["payment"] = lambda f: httpx.Response(200, content=b'{"doc": {"elem": [')
    with pytest.raises(errors.NotJson):
        await client.call("payment")


async def test_bad_status(panel, client):
    await client.login()
    panel.handlers["payment"] = lambda f: httpx.Response(500, text="oops")
    with pytest.raises(errors.BadStatus) as info:
        await client.call("payment")
    assert info.value.status == 500 and "500" in info.value.message


@pytest.mark.parametrize("exc,expected", [
    (httpx.ReadTimeout("timed out"), errors.PanelTimeout),
    (httpx.ConnectTimeout("timed out"), errors.PanelTimeout),
    (httpx.ConnectError("[Errno 111] Connection refused"), errors.PanelUnreachable),
    (httpx.ConnectError("[Errno -2] Name or service not known"), errors.PanelUnreachable),
    (httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed"), errors.TlsError),
    (httpx.RemoteProtocolError("peer closed"), errors.TransportError),
])
async def test_network_failures_are_typed(exc, expected):
    def boom(request):
        raise exc

    c = BillClient(URL, "demo", PASSWORD, transport=httpx.MockTransport(boom))
    with pytest.raises(expected) as info:
        await c.login()
    assert info.value.message and info.value.hint
    assert PASSWORD not in str(info.value)
    if expected is errors.TlsError:
        assert "ca_bundle" in info.value.hint and "verify_tls = false" in info.value.hint


async def test_secrets_never_in_urls_or_error_texts(panel, client):
    # A panel that echoes the submitted password back in its error text.
    panel.handlers["usrparam"] = lambda f: error("value", "old_passwd", f"Wrong password {f.get('old_passwd')}")
    with pytest.raises(errors.FieldError) as info:
        await client.call("usrparam", write=True, sok="ok", old_passwd="old-Secret-1", passwd="n", confirm="n")
    assert "old-Secret-1" not in str(info.value) and "old-Secret-1" not in repr(info.value.args)
    panel.handlers["leak"] = lambda f: error("other", "", f"session {f['auth']} and {PASSWORD}")
    with pytest.raises(errors.ApiError) as info2:
        await client.call("leak")
    assert "SID" not in str(info2.value) and PASSWORD not in str(info2.value)
    _secretless(panel, client)
    assert any(form.get("old_passwd") == "***" for _, _, form in client.request_log)


async def test_multipart_when_files(panel, client):
    panel.handlers["clientticket.edit"] = lambda f: doc(ok={}, id={"$": "99"})
    d = await client.call("clientticket.edit", write=True, files={"file_1": ("a.txt", b"hello")},
                          sok="ok", subject="S", message="M")
    assert d.new_id == "99"
    req = panel.requests[-1]
    assert req.headers["content-type"].startswith("multipart/form-data")
    assert panel.forms[-1]["file_1"] == "FILE:a.txt" and panel.forms[-1]["subject"] == "S"
    assert panel.forms[-1]["auth"].startswith("SID")
    assert "SID" not in str(req.url)


async def test_elid_lists_are_joined(panel, client):
    panel.handlers["payment.delete"] = lambda f: doc(ok={})
    await client.call("payment.delete", write=True, elid=["12", "15", "20"])
    assert panel.forms[-1]["elid"] == "12, 15, 20"


async def test_concurrent_calls_share_one_login(panel, client):
    panel.handlers["payment"] = lambda f: doc(elem=[])
    await asyncio.gather(*(client.call("payment") for _ in range(10)))
    assert panel.logins == 1
    panel.expire_all()
    await asyncio.gather(*(client.call("payment") for _ in range(10)))
    assert panel.logins == 2


async def test_logout_and_host(panel, client):
    await client.login()
    await client.logout()
    assert panel.funcs()[-1] == "logon" and not client.logged_in
    assert client.host == "panel.example.com:1500"
    assert BillClient("https://u:p@h.example/billmgr", "x").host == "h.example"


async def test_download_with_filename_and_progress(panel, client):
    panel.handlers["payment.print.pdf"] = lambda f: httpx.Response(
        200, content=b"%PDF-1.4 data", headers={"content-type": "application/pdf",
                                                "content-disposition": 'attachment; filename="../../etc/pay 12.pdf"'})
    seen = []
    name, data = await client.download("payment.print.pdf", progress=lambda a, b: seen.append((a, b)),
                                       elid="12", out="pdf_print")
    assert name == "pay 12.pdf" and data.startswith(b"%PDF")
    assert seen[-1][0] == len(data)
    assert panel.forms[-1]["out"] == "pdf_print"


async def test_download_error_reply_is_raised(panel, client):
    await client.login()
    panel.handlers["ticket.file"] = lambda f: error("access", "", "Access denied")
    with pytest.raises(errors.AccessDenied):
        await client.download("ticket.file", elid="1")


async def test_request_log_is_bounded(panel, client):
    panel.handlers["x"] = lambda f: doc(ok={})
    for _ in range(120):
        await client.call("x")
    assert len(client.request_log) <= 100


async def test_who_am_i_right_after_login_reuses_the_logins_answer_once(panel, client, monkeypatch):
    from billtui.api import client as client_module
    from billtui.api.calls import account

    recorded = []
    client.on_read = lambda func, params, d: recorded.append((func, dict(params)))
    await client.login()
    me = await account.whoami(client)
    assert (me.id, me.realname, me.login) == ("7", "Demo User", "demo")
    assert panel.funcs() == ["auth", "whoami"]  # the login's whoami only
    assert recorded == [("whoami", {})]  # still handed to the offline cache like any read

    await account.whoami(client)  # taken once: later calls ask the panel
    assert panel.funcs() == ["auth", "whoami", "whoami"]

    panel.handlers["user.edit"] = lambda f: doc(ok={})
    await client.logout()
    await client.login()
    await client.call("user.edit", write=True, realname="New Name")  # a write may change who we are
    await account.whoami(client)
    assert panel.funcs()[-2:] == ["user.edit", "whoami"]

    monkeypatch.setattr(client_module, "LOGIN_WHOAMI_MAX_AGE", -1.0)  # a login's answer gone stale
    await client.logout()
    await client.login()
    await account.whoami(client)
    assert panel.funcs()[-3:] == ["auth", "whoami", "whoami"]
