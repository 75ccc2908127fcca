"""The wire, the session and the reply parser against the shapes real clients read and send.

Values are invented; every path, attribute and function name comes from code that talks to real
BILLmanager panels, named in each case:
- KT = Karantir-dev/billing-typescript (production customer panel, BILLmanager 6), src/...
- BA = pulivilizator/billmgr-addon billmgr_addon/utils/billmgr_api.py
- GUIDE = ISPsystem "Guide to ISPsystem software API" (BILLmanager 6)
Replies go through our client via the FakePanel (tests/api/conftest.py), so what is tested is
what a screen would get.
"""
from __future__ import annotations

from typing import Any

import httpx
import pytest

from billtui.api import BillClient, errors, models
from billtui.api.parser import Doc, parse_reply

from tests.api.conftest import PASSWORD, URL, FakePanel, doc


def _doc(**children: Any) -> Doc:
    return parse_reply({"doc": children})


# --- (a) reply shapes ------------------------------------------------------------------------------

ROW = {"id": {"$": "12"}, "name": {"$": "vds-1"}, "status": {"$orig": "2", "$": "Active"}}

#: (case id naming its source, doc children, expected ids of Doc.rows())
ELEM_CASES = [
    # BA BillmgrAPIResponse.get_list iterates doc["elem"] when "p_elems" is there; GUIDE lists
    ("BA get_list: elem array", {"elem": [ROW, {**ROW, "id": {"$": "13"}}], "p_elems": {"$": "2"}}, ["12", "13"]),
    # XML-to-JSON gives one element as an object (KT affiliateProgram/operations.js handles it for
    # reportdata.reward.elem; the same converter makes doc.elem)
    ("KT affiliateProgram/operations.js: one row as an object", {"elem": ROW, "p_elems": {"$": "1"}}, ["12"]),
    # BA get_list: `if "elem" in self._doc` — an empty list has no elem at all;
    # KT userOperations.js dashBoardInfo: `if (elem && elem?.length > 0)`
    ("BA get_list / KT dashBoardInfo: missing elem", {"p_elems": {"$": "0"}}, []),
]


@pytest.mark.parametrize("case,children,ids", ELEM_CASES, ids=[c[0] for c in ELEM_CASES])
async def test_list_rows_in_every_shape(panel: FakePanel, client: BillClient, case: str,
                                        children: dict, ids: list[str]) -> None:
    panel.handlers["vds"] = lambda f: doc(**children)
    d = await client.call("vds", p_cnt="20", p_num="1")
    assert [r["id"].text for r in d.rows()] == ids
    assert d.total == len(ids)
    for row in d.rows():
        assert row["status"].value == "2" and row["status"].text == "Active"  # $orig kept beside $


def test_paging_fields() -> None:
    # BA get_list keys on p_elems; KT billingOperations.js sends p_cnt / p_num and reads doc.p_elems.$
    d = _doc(elem=[ROW], p_elems={"$": "42"}, p_num={"$": "3"}, p_cnt={"$": "10"})
    assert (d.total, d.page, d.page_size, d.has_page_size) == (42, 3, 10, True)


def test_row_attributes_become_cells_and_cells_keep_theirs() -> None:
    # KT affiliateProgram/operations.js: reportdata.reward.elem[].amount.$ and amount.$id (the day)
    d = _doc(reportdata={"reward": {"elem": {"amount": {"$id": "2025-06-01", "$": "1.50 EUR"}}}})
    rows = d.report_rows("reward")
    assert len(rows) == 1
    assert rows[0]["amount"].text == "1.50 EUR" and rows[0]["amount"].attrs["id"] == "2025-06-01"


@pytest.mark.parametrize("reportdata", [
    # KT affiliateProgram/operations.js getDayDetails: `Array.isArray(details) ? details : [details]`
    {"reward": {"elem": {"name": {"$": "vds-1"}, "reward": {"$": "10%"}}}},
    {"reward": {"elem": [{"name": {"$": "vds-1"}, "reward": {"$": "10%"}},
                         {"name": {"$": "vds-2"}, "reward": {"$": "5%"}}]}},
    # reportdata itself as an array of report blocks (XML with two <reportdata>)
    [{"reward": {"elem": {"name": {"$": "vds-1"}, "reward": {"$": "10%"}}}},
     {"reward": {"elem": {"name": {"$": "vds-2"}, "reward": {"$": "5%"}}}}],
], ids=["KT getDayDetails: one row object", "KT getDayDetails: array", "reportdata as array"])
def test_reportdata_as_object_and_array(reportdata: Any) -> None:
    d = _doc(reportdata=reportdata)
    names = [r["name"].text for r in d.report_rows("reward")]
    assert names[0] == "vds-1" and len(names) in (1, 2)
    assert d.report_rows("nothing") == []
    assert _doc().report_rows("reward") == []


TARIFF = {"pricelist": {"$": "41"}, "desc": {"$": "VDS S"}}


@pytest.mark.parametrize("lists", [
    # KT dedicOperations.js: data.doc.list.find(el => el?.$name === 'tariflist').elem
    [{"$name": "tariflist", "elem": [TARIFF]}, {"$name": "other", "elem": []}],
    # one <list> in the XML: an object, not an array
    {"$name": "tariflist", "elem": TARIFF},
], ids=["KT dedicOperations.js: list array", "list as one object"])
def test_sublists_as_object_or_array(lists: Any) -> None:
    d = _doc(list=lists)
    assert [r["desc"].text for r in d.sublist("tariflist")] == ["VDS S"]
    assert d.has_sublist("tariflist") and not d.has_sublist("promotion")


def test_new_api_list_or_old_api_elem() -> None:
    # BA AccountDiscountinfoRequest reads doc.list[$name=promotion].elem (new API); older panels
    # answer rows in doc.elem (API.md §7)
    new = _doc(list=[{"$name": "promotion", "elem": [{"id": {"$": "3"}}]}], elem=[{"id": {"$": "9"}}])
    old = _doc(elem=[{"id": {"$": "9"}}])
    empty_new = _doc(list=[{"$name": "promotion"}])
    assert [r["id"].text for r in new.rows_or_sublist("promotion")] == ["3"]
    assert [r["id"].text for r in old.rows_or_sublist("promotion")] == ["9"]
    assert empty_new.rows_or_sublist("promotion") == []


@pytest.mark.parametrize("slist", [
    # KT vdsOperations.js: `if (!Array.isArray(el.val)) el.val = [el.val]`
    [{"$name": "period", "val": {"$key": "1", "$": "Month"}}],
    # KT accessLogsOperations.js: data.doc.doc.slist.val.map(...) — slist as one object
    {"$name": "period", "val": [{"$key": "1", "$": "Month"}]},
], ids=["KT vdsOperations.js: val as object", "KT accessLogsOperations.js: slist as object"])
def test_slist_as_object_or_array(slist: Any) -> None:
    d = _doc(slist=slist)
    assert [(o.key, o.label) for o in d.slist("period")] == [("1", "Month")]
    assert d.slist_names() == ["period"]


def test_the_refreshed_form_of_an_sv_field_answer_nested_in_doc_doc() -> None:
    # KT vdsOperations.js (vds.order.param&sv_field=): setParametersInfo(data.doc.doc), slist in
    # data.doc.doc.slist; KT accessLogsOperations.js authlog.filter: data.doc.doc.slist.val
    d = _doc(messages={"msg": {"period": "Period"}},
             doc={"period": {"$": "3"}, "slist": [{"$name": "period", "val": [{"$key": "3", "$": "3 months"}]}],
                  "list": [{"$name": "tariflist", "elem": [TARIFF]}]})
    assert d.field("period") == "3"
    assert d.cell("period") is not None and d.cell("period").text == "3"
    assert [o.key for o in d.slist("period")] == ["3"]
    assert [r["desc"].text for r in d.sublist("tariflist")] == ["VDS S"]
    # the top level wins when both carry the field
    assert _doc(period={"$": "1"}, doc={"period": {"$": "3"}}).field("period") == "1"


def test_success_shapes() -> None:
    # KT authOperations.js: doc.ok.$ === 'func=totp.confirm'; keepalive / logon answer a plain ok
    assert _doc(ok={"$": "func=totp.confirm"}).ok.value == "func=totp.confirm"
    assert _doc(ok={}).ok.kind == "plain"
    assert _doc(ok={"$type": "url", "$": "https://pay.example/x"}).ok.kind == "url"
    assert _doc(elem=[]).ok is None


def test_messages_map() -> None:
    d = _doc(messages={"msg": {"id": "Id", "status": "Status"}})
    assert d.messages == {"id": "Id", "status": "Status"}


# errors: every production call does `if (data.doc.error) throw new Error(data.doc.error.msg.$)`
ERROR_CASES = [
    ("KT throwServerError: $object badpassword", {"$type": "auth", "$object": "badpassword",
                                                   "msg": {"$": "Invalid username or password"}},
     errors.LoginRefused, "Wrong login or password."),
    ("KT auth.json warnings.blockgeoip", {"$type": "auth", "$object": "blockgeoip", "msg": {"$": "x"}},
     errors.LoginRefused, "Logging in from this country is blocked for this account."),
    ("KT getCurrentSessionStatus: $type access", {"$type": "access", "msg": {"$": "Access denied"}},
     errors.AccessDenied, "Access denied"),
    ("KT checkIfTokenAlive: 'Insufficient privileges' whatever the type",
     {"$type": "rights", "msg": {"$": "Insufficient privileges to perform the function"}},
     errors.AccessDenied, "Insufficient privileges to perform the function"),
    ("KT checkIfTokenAlive: Russian busy text",
     {"$type": "xxx", "msg": {"$": "Ваш запрос обрабатывается, пожалуйста, подождите"}},
     errors.PanelBusy, "Ваш запрос обрабатывается, пожалуйста, подождите"),
    # KT authOperations.js reset (func=recovery) reads error.param[1].$; API.md §4: detail is a
    # template filled from param when msg is missing
    ("KT authOperations.js reset: param[].$ fills the detail template",
     {"$type": "value", "$object": "email", "param": [{"$name": "object", "$": "Email"},
                                                      {"$name": "value", "$": "x@"}],
      "detail": {"$": "The '__object__' field has invalid value '__value__'."}},
     errors.FieldError, "The 'Email' field has invalid value 'x@'."),
    ("error node as an array", [{"$type": "exists", "msg": {"$": "Already exists"}}],
     errors.ApiError, "Already exists"),
]


@pytest.mark.parametrize("case,node,exc,message", ERROR_CASES, ids=[c[0] for c in ERROR_CASES])
def test_error_shapes(case: str, node: Any, exc: type, message: str) -> None:
    with pytest.raises(exc) as info:
        parse_reply({"doc": {"error": node}})
    assert info.value.message == message


@pytest.mark.parametrize("status", [403, 460])
async def test_an_ip_block_status_says_so(panel: FakePanel, client: BillClient, status: int) -> None:
    # KT checkIfTokenAlive.js: "460" and 403 ("Network Error") mean the provider blocked the address
    panel.handlers["payment"] = lambda f: httpx.Response(status, text="blocked")
    client.read_retry = type(client.read_retry)(delays=())
    with pytest.raises(errors.BadStatus) as info:
        await client.call("payment")
    assert info.value.status == status and "blocked your IP" in (info.value.hint or "")


def test_the_menu_in_the_production_shape() -> None:
    # KT userOperations.js currentSessionRights: doc.mainmenu.node; checkIfComponentShouldRender.js
    # reads sections' $name and their node[].$name; usePageRender('customer', 'usrparam') etc.
    d = _doc(mainmenu={"node": [
        {"$name": "customer", "node": [{"$name": "usrparam"}, {"$name": "profile"}, {"$name": "affiliate.client"}]},
        {"$name": "mainmenuservice", "node": [{"$name": "vds"}, {"$name": "dedic"}]},
        {"$name": "finance", "node": [{"$name": "payment"}, {"$name": "expense"}]},
        {"$name": "support", "node": {"$name": "clientticket"}},  # one item: an object
        {"$name": "stat", "node": [{"$name": "authlog"}]},
    ]}, messages={"msg": {"vds": "Virtual private servers"}})
    menu = models.PanelMenu.from_doc(d)
    assert {"usrparam", "profile", "affiliate.client", "payment", "expense", "clientticket"} <= menu.functions
    assert [t.name for t in menu.service_types] == ["vds", "dedic"]
    assert menu.service_types[0].title == "Virtual private servers"
    assert menu.offers("vds.edit") and not menu.offers("invoice")


def test_the_menu_with_one_section_as_an_object() -> None:
    d = _doc(mainmenu={"node": {"$name": "mainmenuservice", "node": {"$name": "vhost"}}})
    assert [t.name for t in models.PanelMenu.from_doc(d).service_types] == ["vhost"]


# --- (b) what the client sends -----------------------------------------------------------------------

def _form(panel: FakePanel, func: str) -> dict[str, str]:
    return next(f for f in panel.forms if f.get("func") == func)


async def test_login_sends_what_the_production_panel_sends(panel: FakePanel, client: BillClient) -> None:
    # KT authOperations.js login: func=auth, username, password, out=json; then whoami with auth=
    await client.login()
    sent = _form(panel, "auth")
    assert sent["username"] == "demo" and sent["password"] == PASSWORD and sent["out"] == "json"
    assert "auth" not in sent
    who = _form(panel, "whoami")
    assert who["auth"].startswith("SID") and who["out"] == "json" and who["lang"] == "en"
    # every request a urlencoded POST to the endpoint itself (axiosInstance.js), nothing in the URL
    for req in panel.requests:
        assert req.method == "POST" and req.url == httpx.URL(URL)
        assert req.headers["content-type"].startswith("application/x-www-form-urlencoded")


async def test_two_factor_sends_what_sendTotp_sends(panel: FakePanel) -> None:
    # KT authOperations.js sendTotp: func=totp.confirm, sok=ok, out=json, clicked_button=ok,
    # qrcode=<code>, auth=<temporary id>; the final session is doc.auth.$id
    panel.totp_code = "654321"

    async def code() -> str:
        return "654321"

    async with BillClient(URL, "demo", PASSWORD, transport=httpx.MockTransport(panel), totp=code) as c:
        await c.login()
        temp = _form(panel, "whoami")["auth"]  # the first id, from func=auth
        sent = _form(panel, "totp.confirm")
        assert {k: sent[k] for k in ("sok", "clicked_button", "qrcode", "out")} == {
            "sok": "ok", "clicked_button": "ok", "qrcode": "654321", "out": "json"}
        assert sent["auth"] == temp
        panel.handlers["payment"] = lambda f: doc(elem=[])
        await c.call("payment")
        assert panel.forms[-1]["auth"] == temp + "-2fa"  # the session from doc.auth.$id


async def test_keepalive_and_logout(panel: FakePanel, client: BillClient) -> None:
    # KT getCurrentSessionStatus: func=keepalive&auth=; KT logout: func=logon&auth=
    panel.handlers["keepalive"] = lambda f: doc(ok={})
    await client.keepalive()
    sid = _form(panel, "keepalive")["auth"]
    await client.logout()
    assert panel.forms[-1] == {"func": "logon", "auth": sid, "out": "json", "lang": "en"}
    assert not client.logged_in


async def test_an_access_error_on_a_write_is_probed_with_keepalive(panel: FakePanel, client: BillClient) -> None:
    # KT checkIfTokenAlive.js: after "Insufficient privileges" production calls keepalive and treats
    # doc.error.$type == 'access' as an expired session
    panel.handlers["payment.delete"] = lambda f: {"doc": {"error": {
        "$type": "access", "msg": {"$": "Insufficient privileges to perform the function"}}}}
    panel.handlers["keepalive"] = lambda f: doc(ok={})
    await client.login()
    with pytest.raises(errors.AccessDenied):
        await client.call("payment.delete", write=True, elid="5")
    assert panel.funcs()[-2:] == ["payment.delete", "keepalive"]
    assert panel.logins == 1  # the session is alive: no silent re-login for a missing right


def test_a_generic_form_reads_the_nested_sv_field_answer() -> None:
    # KT vdsOperations.js: setParametersInfo(renameAddonFields(data.doc.doc))
    d = _doc(messages={"msg": {"ostempl": "OS"}}, email={"$": "top@example.com"},
             doc={"ostempl": {"$": "debian-12"}, "email": {"$": "inner@example.com"},
                  "slist": {"$name": "ostempl", "val": [{"$key": "debian-12", "$": "Debian 12"}]},
                  "list": {"$name": "addons", "elem": {"id": {"$": "1"}}}})
    form = models.FormData.from_doc(d)
    assert form.get("ostempl") == "debian-12" and form.get("email") == "top@example.com"
    assert [o.key for o in form.options["ostempl"]] == ["debian-12"]
    assert [r["id"].text for r in form.lists["addons"]] == ["1"]
    assert "doc" not in form.values


def test_commissions_are_offered_by_a_menu_naming_affiliate_client() -> None:
    # KT Pages/AffiliateProgram/AffiliateProgram.jsx: the incomes page is the ``reward`` toolbar
    # button of affiliate.client (metadata.toolbar.toolgrp[0].toolbtn[].$name), not a menu item
    from billtui.api.features import offered

    menu = models.PanelMenu.from_doc(_doc(mainmenu={"node": [
        {"$name": "customer", "node": [{"$name": "affiliate.client"}]}]}))
    assert offered(menu, "commissions") and offered(menu, "affiliate")
    bare = models.PanelMenu.from_doc(_doc(mainmenu={"node": [{"$name": "finance", "node": [{"$name": "payment"}]}]}))
    assert not offered(bare, "commissions")
    rights = _doc(metadata={"toolbar": {"toolgrp": [{"toolbtn": [{"$name": "click"}, {"$name": "reward"}]}]}})
    assert {"click", "reward"} <= rights.toolbar
