"""The demo panel accepts requests shaped the way real clients send them.

Each test names the client whose request it copies:
- the production customer panel Karantir-dev/billing-typescript (src/Redux/auth/authOperations.js,
  src/Redux/userInfo/userOperations.js): urlencoded POSTs with ``auth=``, the login as multipart
  FormData with ``sok=ok``;
- pulivilizator/billmgr-addon billmgr_addon/utils/billmgr_api.py: ``out=sjson``, GET with a query
  string or POST with a JSON body, the session in the ``billmgrses5`` cookie, or
  ``authinfo=LOGIN:PASSWORD``;
- ISPsystem "Guide to ISPsystem software API" (BILLmanager 6): GET and POST, ``authinfo`` on a
  single request with no session.
"""
from __future__ import annotations

import json

import httpx

from billtui.sim.app import SimApp

from tests.sim.conftest import Panel, make_client


async def test_get_with_the_fields_in_the_query_string(app: SimApp) -> None:
    # API guide: https://IP:1500/billmgr?out=xml&func=auth&username=...&password=...
    async with make_client(app) as client:
        r = await client.get("/billmgr", params={"out": "json", "func": "auth", "username": "demo",
                                                 "password": "demo"})
        sid = r.json()["doc"]["auth"]["$id"]
        r = await client.get("/billmgr", params={"out": "json", "func": "whoami", "auth": sid, "lang": "en"})
        assert r.status_code == 200
        assert r.json()["doc"]["user"]["$realname"] == "John Smith"
        # billmgr_api.py KeepAliveRequest: method GET, func keepalive
        r = await client.get("/billmgr", params={"func": "keepalive", "out": "sjson", "auth": sid})
        assert "ok" in r.json()["doc"]


async def test_sjson_and_xjson_answer_the_same_dollar_json(panel: Panel) -> None:
    # billmgr_api.py sends out=sjson; production sends out=xjson for two calls.
    plain = await panel.call("dashboard.info")
    for out in ("sjson", "xjson"):
        r = await panel.raw(func="dashboard.info", out=out)
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("application/json")
        doc = r.json()["doc"]
        assert doc["elem"] == plain["elem"]
        assert doc["tparams"]["out"] == {"$": out}


async def test_the_session_in_the_billmgrses5_cookie(app: SimApp) -> None:
    # billmgr_api.py get_billmgr_api_as_current_user: cookies={"billmgrses5": session_id}, no auth=
    async with make_client(app) as client:
        sid = (await client.post("/billmgr", data={"func": "auth", "username": "demo", "password": "demo",
                                                   "out": "json"})).json()["doc"]["auth"]["$id"]
        client.cookies.set("billmgrses5", sid)
        doc = (await client.post("/billmgr", data={"func": "whoami", "out": "sjson"})).json()["doc"]
        assert doc["user"]["$name"] == "demo"
        client.cookies.set("billmgrses5", "deadbeef")
        doc = (await client.post("/billmgr", data={"func": "whoami", "out": "sjson"})).json()["doc"]
        assert doc["error"]["$type"] == "access"


async def test_a_json_body_with_the_cookie(app: SimApp) -> None:
    # billmgr_api.py build_request: POST with json=request_data ({"func":..., "out": "sjson"}).
    async with make_client(app) as client:
        sid = (await client.post("/billmgr", data={"func": "auth", "username": "demo", "password": "demo",
                                                   "out": "json"})).json()["doc"]["auth"]["$id"]
        r = await client.post("/billmgr", json={"func": "account.discountinfo", "out": "sjson"},
                              headers={"cookie": f"billmgrses5={sid}"})
        doc = r.json()["doc"]
        assert "error" not in doc
        assert doc["$func"] == "account.discountinfo"


async def test_authinfo_on_a_single_request_opens_no_session(app: SimApp) -> None:
    # API guide: ?authinfo=admin1:mypasswd&out=xml&func=function; billmgr_api.py common_params["authinfo"]
    before = len(app.sessions)
    async with make_client(app) as client:
        r = await client.get("/billmgr", params={"func": "whoami", "out": "sjson", "authinfo": "demo:demo"})
        doc = r.json()["doc"]
        assert doc["user"]["$realname"] == "John Smith"
        assert "authinfo" not in doc["tparams"]  # the password is never echoed
        assert "demo:demo" not in r.text
        assert len(app.sessions) == before
        r = await client.post("/billmgr", data={"func": "payment", "out": "json", "authinfo": "demo:demo"})
        assert "error" not in r.json()["doc"]
        assert len(app.sessions) == before


async def test_a_wrong_authinfo_is_a_refused_login_and_counts_towards_blocklogon(app: SimApp) -> None:
    async with make_client(app) as client:
        for _ in range(5):
            doc = (await client.get("/billmgr", params={"func": "whoami", "out": "json",
                                                        "authinfo": "demo:nope"})).json()["doc"]
            assert doc["error"]["$type"] == "auth"
            assert doc["error"]["$object"] == "badpassword"
            assert "nope" not in json.dumps(doc)
        doc = (await client.get("/billmgr", params={"func": "whoami", "out": "json",
                                                    "authinfo": "demo:demo"})).json()["doc"]
        assert doc["error"]["$object"] == "blocklogon"


async def test_authinfo_for_a_two_factor_account_reaches_nothing_but_the_code(app: SimApp) -> None:
    async with make_client(app) as client:
        doc = (await client.get("/billmgr", params={"func": "payment", "out": "json",
                                                    "authinfo": "totp:totp"})).json()["doc"]
        assert doc["error"]["$type"] == "access"


async def test_the_production_login_as_multipart_form_data(app: SimApp) -> None:
    # authOperations.js login: new FormData() with func=auth, username, password, out=json,
    # g-recaptcha-response, sok=ok, posted as multipart; the session is doc.auth.$id.
    async with make_client(app) as client:
        r = await client.post("/billmgr", files={"func": (None, "auth"), "username": (None, "demo"),
                                                 "password": (None, "demo"), "out": (None, "json"),
                                                 "g-recaptcha-response": (None, ""), "sok": (None, "ok")})
        assert r.request.headers["content-type"].startswith("multipart/form-data")
        sid = r.json()["doc"]["auth"]["$id"]
        assert sid
        # then userOperations.js getUserInfo: whoami / menu&sok=ok, urlencoded, with auth=
        for func, extra in (("whoami", {}), ("menu", {"sok": "ok"})):
            r = await client.post("/billmgr", data={"func": func, "out": "json", "lang": "en", "auth": sid, **extra})
            assert "error" not in r.json()["doc"]
        menu = r.json()["doc"]["mainmenu"]["node"]
        assert isinstance(menu, list) and all("$name" in s and isinstance(s["node"], list) for s in menu)


async def test_the_production_two_factor_flow(app: SimApp) -> None:
    # authOperations.js login -> whoami doc.ok.$ == 'func=totp.confirm' -> sendTotp:
    # func=totp.confirm, sok=ok, out=json, clicked_button=ok, qrcode, auth=<temporary id> -> doc.auth.$id
    async with make_client(app) as client:
        async def post(**form: str) -> dict:
            return (await client.post("/billmgr", data={"out": "json", **form})).json()["doc"]

        temp = (await post(func="auth", username="totp", password="totp", sok="ok"))["auth"]["$id"]
        assert (await post(func="whoami", lang="en", auth=temp))["ok"]["$"] == "func=totp.confirm"
        assert (await post(func="payment", auth=temp))["error"]["$type"] == "access"
        final = (await post(func="totp.confirm", sok="ok", clicked_button="ok", qrcode="123456",
                            auth=temp))["auth"]["$id"]
        assert final != temp
        # getCurrentSessionStatus: keepalive; an expired session is doc.error.$type == 'access'
        assert "ok" in await post(func="keepalive", auth=final)
        assert (await post(func="keepalive", auth=temp))["error"]["$type"] == "access"
        # logout: func=logon&auth=
        assert "ok" in await post(func="logon", auth=final)
        assert (await post(func="keepalive", auth=final))["error"]["$type"] == "access"


async def test_the_auth_field_wins_over_a_stale_cookie(app: SimApp) -> None:
    async with make_client(app) as client:
        sid = (await client.post("/billmgr", data={"func": "auth", "username": "demo", "password": "demo",
                                                   "out": "json"})).json()["doc"]["auth"]["$id"]
        r = await client.post("/billmgr", data={"func": "whoami", "out": "json", "auth": sid},
                              headers={"cookie": "billmgrses5=stale"})
        assert r.json()["doc"]["user"]["$name"] == "demo"


async def test_a_malformed_cookie_or_json_body_is_no_session(app: SimApp) -> None:
    async with make_client(app) as client:
        r = await client.post("/billmgr", content=b"[1, 2", headers={"content-type": "application/json",
                                                                     "cookie": 'billmgrses5="x; ;;'})
        assert r.status_code == 200
        assert r.json()["doc"]["error"]["$type"] in ("access", "missed")
        r2 = await client.request("POST", "/billmgr", content=json.dumps([1, 2]).encode(),
                                  headers={"content-type": "application/json"})
        assert isinstance(r2, httpx.Response) and r2.status_code == 200
