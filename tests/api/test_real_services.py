"""Services, renewal and ordering against replies shaped the way production code reads them.

Each case names its source in Karantir-dev/billing-typescript (values invented, paths real).
Reads go through the FakePanel (``panel.handlers[func]``); writes are checked on ``panel.forms``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from billtui.api import lists, models
from billtui.api.calls import services
from billtui.api.parser import Cell, Option
from billtui.api.values import Money

from tests.api.conftest import doc

EUR = "EUR"


def sent(panel, func: str) -> list[dict[str, str]]:
    return [f for f in panel.forms if f.get("func") == func]


# --------------------------------------------------------------------------- lists (reads)

# src/Components/Services/vds/VDSItem/VDSItem.jsx + ServerState/ServerState.jsx: status.$ is a bare
# code, item_status.$orig the detailed code and item_status.$ its text, autoprolong.$ only when on,
# cost.$ "10.00 EUR / Month" (DedicItem.jsx replaces 'Month').
VDS_ROWS = [
    {"id": {"$": "301"}, "domain": {"$": "vm1.example.com"}, "ip": {"$": "192.0.2.10"},
     "ostempl": {"$": "Debian 12"}, "pricelist": {"$": "VPS Start"}, "datacentername": {"$": "Amsterdam"},
     "createdate": {"$": "2026-01-05"}, "expiredate": {"$": "2026-12-05"}, "cost": {"$": "10.00 EUR / Month"},
     "status": {"$": "3"}, "item_status": {"$orig": "3_autosuspend", "$": "Suspended by Administrator"}},
    {"id": {"$": "302"}, "domain": {"$": "vm2.example.com"}, "pricelist": {"$": "VPS Pro"},
     "expiredate": {"$": "2027-01-01"}, "cost": {"$": "20.00 EUR / Month"}, "autoprolong": {"$": "1 month"},
     "status": {"$": "2"}, "item_status": {"$orig": "2", "$": "Active"}},
]


@pytest.mark.parametrize("elem", [VDS_ROWS, VDS_ROWS[0]], ids=["array", "one-row-object"])
async def test_service_list_real_row_shape(client, panel, elem):
    # vdsOperations.js getVDS: data.doc.elem, p_elems.$
    panel.handlers["vds"] = lambda f: doc(elem=elem, p_elems={"$": str(len(elem) if isinstance(elem, list) else 1)})
    page = await lists.fetch_page(client, lists.services("vds"), 1, 20)
    first = page.rows[0]
    assert first.status is models.ServiceStatus.SUSPENDED and first.status_detail == "autosuspend"
    assert first.status_text == "Suspended by Administrator"
    assert first.autoprolong == "Off" and first.autoprolong_months is None
    assert first.cost == Money(Decimal("10.00"), EUR) and first.expires == date(2026, 12, 5)
    assert first.name == "vm1.example.com" and first.tariff == "VPS Start" and first.datacenter == "Amsterdam"
    if isinstance(elem, list):
        second = page.rows[1]
        assert second.status is models.ServiceStatus.ACTIVE and second.status_text == "Active"
        assert second.autoprolong_months == 1 and second.autoprolong == "1 month"


async def test_service_list_without_elem_is_empty(client, panel):
    # vdsOperations.js: data?.doc?.elem || [] — an empty list has no elem
    panel.handlers["dedic"] = lambda f: doc(p_elems={"$": "0"})
    page = await lists.fetch_page(client, lists.services("dedic"), 1, 20)
    assert page.rows == () and page.total == 0


async def test_domain_row_real_expiredate(client, panel):
    # src/Components/Services/Domains/DomainsTable/DomainsTable.jsx: real_expiredate, item_status, cost "/ Year"
    panel.handlers["domain"] = lambda f: doc(elem=[{
        "id": {"$": "77"}, "domain": {"$": "example.org"}, "real_expiredate": {"$": "2027-03-01"},
        "cost": {"$": "12.00 EUR / Year"}, "item_status": {"$orig": "5_open", "$": "In progress"},
        "status": {"$": "5"}}])
    (d,) = (await lists.fetch_page(client, lists.services("domain"), 1, 20)).rows
    assert d.expires == date(2027, 3, 1) and d.status is models.ServiceStatus.IN_PROGRESS
    assert d.status_detail == "open" and d.cost == Money(Decimal("12.00"), EUR)


def test_old_shape_status_still_read():
    # the older shape (API.md §3): status with the $orig code and the $ text in one cell
    s = models.Service.from_row({"status": Cell("Suspended", "3_abusesuspend"), "autoprolong": Cell("Off", "off")})
    assert s.status is models.ServiceStatus.SUSPENDED and s.status_detail == "abusesuspend"
    assert s.status_text == "Suspended" and s.autoprolong == "Off" and s.autoprolong_months is None


# --------------------------------------------------------------------------- auto-renew (T.edit)

EDIT_FORM = {"elid": {"$": "301"}, "autoprolong": {"$": "1"}, "expiredate": {"$": "2026-12-05"},
             "slist": [{"$name": "autoprolong", "val": [{"$key": "null", "$": "Disabled"},
                                                        {"$key": "1", "$": "1 month (10.00 EUR)"},
                                                        {"$key": "12", "$": "1 year (110.00 EUR)"}]}]}


def _edit_handler(form_doc):
    def handler(f):
        return doc(ok={}) if f.get("sok") else doc(**form_doc)
    return handler


async def test_autorenew_off_sends_the_forms_null_key(client, panel):
    # dedicOperations.js editDedicServerNoExtraPay / deleteDedic: autoprolong=null, sok=ok, clicked_button=ok
    panel.handlers["vds.edit"] = _edit_handler(EDIT_FORM)
    await services.set_autoprolong(client, "vds", "301", None)
    (save,) = [f for f in sent(panel, "vds.edit") if f.get("sok")]
    assert save["autoprolong"] == "null" and save["elid"] == "301"
    assert save["sok"] == "ok" and save["clicked_button"] == "ok"


async def test_autorenew_months_sends_the_forms_key(client, panel):
    panel.handlers["vds.edit"] = _edit_handler(EDIT_FORM)
    await services.set_autoprolong(client, "vds", "301", 12)
    (save,) = [f for f in sent(panel, "vds.edit") if f.get("sok")]
    assert save["autoprolong"] == "12"


async def test_autorenew_off_when_the_form_lacks_an_off_option(client, panel):
    # vds/EditModal.jsx: unshift({$key: 'null', $: 'Disabled'}) when the list has no null option
    form = {**EDIT_FORM, "slist": [{"$name": "autoprolong", "val": [{"$key": "1", "$": "1 month"}]}]}
    panel.handlers["vds.edit"] = _edit_handler(form)
    await services.set_autoprolong(client, "vds", "301", None)
    assert [f for f in sent(panel, "vds.edit") if f.get("sok")][0]["autoprolong"] == "null"


async def test_autorenew_off_key_of_another_spelling_is_sent_back_as_is(client, panel):
    # a form whose off option has another key: the form's key wins over any constant of ours
    form = {**EDIT_FORM, "slist": [{"$name": "autoprolong", "val": [{"$key": "none", "$": "Off"},
                                                                    {"$key": "1", "$": "1 month"}]}]}
    panel.handlers["vhost.edit"] = _edit_handler(form)
    await services.set_autoprolong(client, "vhost", "5", None)
    assert [f for f in sent(panel, "vhost.edit") if f.get("sok")][0]["autoprolong"] == "none"


def test_off_key_helpers():
    assert services.autoprolong_off_key([Option("1", "1 month"), Option("null", "Disabled")]) == "null"
    assert services.autoprolong_off_key([Option("x9", "Disabled"), Option("1", "1 month")]) == "x9"
    assert services.autoprolong_off_key([]) == "null"
    assert services.is_autoprolong_off("null") and not services.is_autoprolong_off("3")


async def test_save_autoprolong_sends_the_key_given(client, panel):
    panel.handlers["dedic.edit"] = _edit_handler(EDIT_FORM)
    await services.save_autoprolong(client, "dedic", "9", "null")
    assert panel.forms[-1]["func"] == "dedic.edit" and panel.forms[-1]["autoprolong"] == "null"


# --------------------------------------------------------------------------- delete, history, instruction, gotoserver

async def test_delete_joins_ids(client, panel):
    # vdsOperations.js deleteVDS: elid: id.join(', ')
    panel.handlers["vds.delete"] = lambda f: doc(ok={})
    await services.delete(client, "vds", ["301", "302"])
    assert sent(panel, "vds.delete")[-1]["elid"] == "301, 302"


async def test_history_rows(client, panel):
    # dedicOperations.js getServiceHistory: elid, p_cnt, p_num → elem, p_elems
    panel.handlers["service.history"] = lambda f: doc(
        elem={"id": {"$": "1"}, "changedate": {"$": "2026-11-01 10:00:00"}, "desc": {"$": "Service renewed"},
              "user": {"$": "demo"}, "ip": {"$": "198.51.100.1"}}, p_elems={"$": "1"})
    page = await services.history(client, "301")
    assert page.total == 1 and page.rows[0].description == "Service renewed"
    assert sent(panel, "service.history")[-1]["elid"] == "301"


async def test_instruction_body_and_gotoserver_ok(client, panel):
    # dedicOperations.js getServiceInstruction: doc.body.$ (HTML); goToPanel: doc.ok.$
    panel.handlers["service.instruction.html"] = lambda f: doc(body={"$": "<p>Login: <b>root</b></p>"})
    panel.handlers["gotoserver"] = lambda f: doc(ok={"$type": "url", "$": "https://vm.example.com/?key=1"})
    assert "Login: root" in await services.instruction(client, "301")
    assert await services.goto_server(client, "301") == "https://vm.example.com/?key=1"


# --------------------------------------------------------------------------- renewal (service.prolong)

PROLONG = {"elid": {"$": "301"}, "title_name": {"$": "vm1"}, "period": {"$": "1"},
           "expiredate": {"$": "2026-12-05"}, "newexpiredate": {"$": "2027-01-05"}, "status": {"$": "2"},
           "slist": {"$name": "period", "val": [{"$key": "1", "$": "1 month - 10.00 EUR"},
                                                {"$key": "12", "$": "1 year - 110.00 EUR"}]}}


def _prolong(f):
    if f.get("sok"):
        return doc(ok={"$": "func=basket"}, billorder={"$": "4001"})
    new = "2027-12-05" if f.get("period") == "12" else "2027-01-05"
    return doc(**{**PROLONG, "newexpiredate": {"$": new}, "period": {"$": f.get("period", "1")}})


async def test_prolong_view_and_recompute(client, panel):
    # dedicOperations.js getProlongInfo (slist as one object here), getUpdateProlongInfo (elid + period,
    # no sok, no sv_field; reads newexpiredate.$)
    panel.handlers["service.prolong"] = _prolong
    view = await services.prolong_view(client, "301")
    assert [o.key for o in view.periods] == ["1", "12"] and view.expires == date(2026, 12, 5)
    again = await services.prolong_recompute(client, "301", "12")
    assert again.new_expires == date(2027, 12, 5)
    recompute = sent(panel, "service.prolong")[-1]
    assert recompute["period"] == "12" and "sok" not in recompute and "sv_field" not in recompute


async def test_prolong_into_the_cart_sends_what_production_sends(client, panel):
    # dedicOperations.js payProlongPeriod: elid, period, clicked_button=basket, sok=ok
    panel.handlers["service.prolong"] = _prolong
    assert await services.prolong_submit(client, "301", "12") is not None
    f = sent(panel, "service.prolong")[-1]
    assert (f["elid"], f["period"], f["sok"], f["clicked_button"]) == ("301", "12", "ok", "basket")


async def test_prolong_pay_now_skips_the_cart(client, panel):
    # UNPROVEN for service.prolong; skipbasket=on per ISPsystem "Service management via API"
    panel.handlers["service.prolong"] = lambda f: doc(ok={}, expiredate={"$": "2027-01-05"})
    result = await services.prolong_pay(client, "301", "1")
    f = sent(panel, "service.prolong")[-1]
    assert f["skipbasket"] == "on" and f["sok"] == "ok" and "clicked_button" not in f
    assert result.expires == date(2027, 1, 5) and result.url is None


@pytest.mark.parametrize("ok, page", [
    ("/mancgi/sbpayment?elid=150", "/mancgi/sbpayment?elid=150"),
    ("javascript:alert(1)", None),
])
async def test_prolong_pay_page_is_joined_and_only_a_web_page(client, panel, ok, page):
    # cartOperations.js: ok.$ may be a path on the panel's host; only http(s) goes to a browser
    panel.handlers["service.prolong"] = lambda f: doc(ok={"$type": "url", "$": ok})
    result = await services.prolong_pay(client, "301", "1")
    if page is None:
        assert result.url is None
    else:
        assert result.url is not None and result.url.startswith(("http://", "https://")) and result.url.endswith(page)


# --------------------------------------------------------------------------- ordering

def _tariflist(period: str) -> dict:
    """vhostOperations.js orderVhost: list[$name=tariflist].elem[] with pricelist.$, desc.$, price.$,
    order_available.$; slist period; doc.period.$. Prices per period."""
    month = {"1": "3.00", "3": "8.40", "12": "30.00"}[period]
    old, new = Decimal(month) * 2, Decimal(month) * 2 * Decimal("0.8")
    return doc(
        period={"$": period}, datacenter={"$": "1"},
        slist=[{"$name": "period", "val": [{"$key": "1", "$": "Month"}, {"$key": "3", "$": "Three months"},
                                           {"$key": "12", "$": "Year"}]},
               {"$name": "datacenter", "val": {"$key": "1", "$": "Amsterdam"}}],
        list={"$name": "tariflist", "elem": [
            {"pricelist": {"$": "21"}, "desc": {"$": "<p>START | SSD 10 GB | Sites 1</p>"},
             "price": {"$": f"{month} EUR Month"}, "order_available": {"$": "on"}},
            # VDSOrder.jsx parseTariffPrice: <b>percent</b> <del>old</del> <b>new</b>
            {"pricelist": {"$": "22"}, "desc": {"$": "PRO | SSD 50 GB"},
             "price": {"$": f"<b>20%</b> <del>{old:.2f} EUR</del> <b>{new:.2f} EUR</b>"},
             "order_available": {"$": "on"}},
            {"pricelist": {"$": "23"}, "desc": {"$": "LEGACY"}, "price": {"$": "1.00 EUR"},
             "order_available": {"$": "off"}},
        ]})


async def test_tariffs_from_tariflist_with_every_period(client, panel):
    panel.handlers["vhost.order.pricelist"] = lambda f: _tariflist(f.get("period", "1"))
    tariffs = await services.order_pricelist(client, "vhost")
    assert [t.id for t in tariffs] == ["21", "22"]  # order_available off is not on sale
    start, pro = tariffs
    assert start.name == "START" and start.description == "SSD 10 GB · Sites 1"
    assert start.price == Money(Decimal("3.00"), EUR)
    assert [m for m, _ in start.prices] == [1, 3, 12]
    assert dict(start.prices)[12] == Money(Decimal("30.00"), EUR)
    assert pro.price == Money(Decimal("4.80"), EUR)  # the discounted price, not the old one
    asked = [f.get("period") for f in sent(panel, "vhost.order.pricelist")]
    assert asked == [None, "3", "12"]


async def test_tariflist_one_row_object_and_list_array(client, panel):
    # vdsOperations.js getNewPeriodInfo reads list[0].elem: list as an array, elem one object
    reply = doc(period={"$": "1"}, list=[{"$name": "tariflist", "elem": {
        "pricelist": {"$": "11"}, "desc": {"$": "VDS-1"}, "price": {"$": "5.00 EUR Month"}}}])
    panel.handlers["vds.order.pricelist"] = lambda f: reply
    (t,) = await services.order_pricelist(client, "vds")
    assert t.id == "11" and t.name == "VDS-1" and t.prices == ((1, Money(Decimal("5.00"), EUR)),)


async def test_old_tariff_shapes_still_read(client, panel):
    panel.handlers["vds.order.pricelist"] = lambda f: doc(elem=[{
        "pricelist": {"$": "11"}, "name": {"$": "VDS-1"},
        "prices": {"price": [{"$period": "1", "$": "5.00 USD"}, {"$period": "12", "$": "50.00 USD"}]}}])
    (t,) = await services.order_pricelist(client, "vds")
    assert t.id == "11" and dict(t.prices)[12] == Money(Decimal("50.00"), "USD")


@pytest.mark.parametrize("text, months", [
    ("Six months", 6), ("Three months", 3), ("Half a year", 6), ("Two years", 24), ("Month", 1),
    ("1 year", 12), ("3", 3), ("²", None), ("Off", None),
])
def test_autoprolong_text_of_a_row(text, months):
    # ServerState.jsx shows autoprolong.$ as the panel wrote it: a period word or a number; a
    # longer word is not read as the shorter one inside it, and an odd digit does not crash.
    row = {"id": Cell("1"), "autoprolong": Cell(text)}
    assert models.Service.from_row(row, "vds").autoprolong_months == months


async def test_a_period_the_panel_refuses_leaves_the_others(client, panel):
    # vhostOperations.js asks each period with period=N; one failing must not lose the tariffs.
    def pricelist(f):
        if f.get("period") == "12":
            return {"doc": {"error": {"$type": "value", "$object": "period", "msg": {"$": "Bad period"}}}}
        return doc(period={"$": f.get("period", "1")},
                   slist=[{"$name": "period", "val": [{"$key": "1", "$": "Month"}, {"$key": "3", "$": "3 months"},
                                                       {"$key": "12", "$": "Year"}]}],
                   list=[{"$name": "tariflist", "elem": [{"pricelist": {"$": "11"}, "desc": {"$": "VDS-1"},
                                                           "price": {"$": "5.00 EUR Month"}}]}])
    panel.handlers["vds.order.pricelist"] = pricelist
    (t,) = await services.order_pricelist(client, "vds")
    assert [m for m, _ in t.prices] == [1, 3]


@pytest.mark.parametrize("text, now, before", [
    ("8.00 EUR Month", "8.00 EUR", None),
    ("<b>20%</b> <del>10.00 EUR Month</del> <b>8.00 EUR Month</b>", "8.00 EUR", "10.00 EUR"),
    ("8.00 € per month", "8.00 EUR", None),
    ("1,234.50 EUR / Month", "1234.50 EUR", None),
    ("<b>20 %</b> <del>1,250.00 EUR</del> <b>1,000.00 EUR</b>", "1000.00 EUR", "1250.00 EUR"),
    ("CAD 5.00 / Month", "5.00 CAD", None),
    ("€8.00", "8.00 EUR", None),
    ("1 234,50 ₽ в месяц", "1234.50 RUB", None),
    ("8.00 per month", "8.00", None),
    ("Trial period", None, None),
])
def test_tariff_price_text(text, now, before):
    # VDSOrder.jsx translate()/parseTariffPrice, SharedHosting TarifCard.jsx parsePrice; a word of
    # the period is not a currency, thousands are grouped, a code may come first.
    def money(s):
        if s is None:
            return None
        amount, _, cur = s.partition(" ")
        return Money(Decimal(amount), cur)
    assert services.tariff_price(text) == (money(now), money(before))


async def test_order_form_view_sends_no_sok(client, panel):
    # vhostOperations.js orderParamVhost: period, autoprolong, pricelist, datacenter, no sok
    panel.handlers["vhost.order.param"] = lambda f: doc(
        autoprolong={"$": "1"}, orderinfo={"$": "Total amount: 3.00 EUR"},
        slist=[{"$name": "autoprolong", "val": [{"$key": "null", "$": "Disabled"}, {"$key": "1", "$": "Month"}]}])
    form = await services.order_params(client, "vhost", "21", period="1")
    assert [o.key for o in form.options["autoprolong"]] == ["null", "1"]
    f = sent(panel, "vhost.order.param")[-1]
    assert f["pricelist"] == "21" and f["period"] == "1" and "sok" not in f


async def test_order_submit_sends_what_production_sends(client, panel):
    # dnsOperations.js orderDNS / ftpOperations.js orderFTP: sok=ok, licence_agreement=on,
    # clicked_button=finish; vhostOperations.js: period, autoprolong, pricelist, datacenter
    panel.handlers["vhost.order.param"] = lambda f: doc(ok={"$": "func=basket"})
    ok = await services.order_submit(client, "vhost", "21", "12", autoprolong="null", datacenter="1",
                                     domain="example.org", licence_agreement="off")
    assert ok is not None
    f = sent(panel, "vhost.order.param")[-1]
    assert (f["pricelist"], f["period"], f["sok"], f["clicked_button"]) == ("21", "12", "ok", "finish")
    assert f["licence_agreement"] == "on" and f["autoprolong"] == "null"
    assert f["datacenter"] == "1" and f["domain"] == "example.org"


async def test_tariffs_from_t_order_when_pricelist_is_not_offered(client, panel):
    # dedicOperations.js getTarifs: func=dedic.order answers list tariflist + slist period
    panel.handlers["dedic.order"] = lambda f: doc(period={"$": "1"}, list={"$name": "tariflist", "elem": [
        {"pricelist": {"$": "51"}, "desc": {"$": "XEON | 32 GB"}, "price": {"$": "89.00 EUR Month"}}]})
    (t,) = await services.order_pricelist(client, "dedic")
    assert t.id == "51" and t.name == "XEON" and t.price == Money(Decimal("89.00"), EUR)
    assert [f["func"] for f in panel.forms if f["func"].startswith("dedic")] == ["dedic.order.pricelist", "dedic.order"]
