"""The demo panel takes what the production customer panel sends for services, renewal and ordering,
and answers in the shapes it reads (Karantir-dev/billing-typescript, file named per case)."""
from __future__ import annotations

from tests.sim.conftest import Panel


def _list(doc: dict, name: str) -> list[dict]:
    lists = doc["list"] if isinstance(doc["list"], list) else [doc["list"]]
    node = next(x for x in lists if x["$name"] == name)
    elem = node.get("elem", [])
    return elem if isinstance(elem, list) else [elem]


def _slist(doc: dict, name: str) -> list[str]:
    return [v["$key"] for v in next(s for s in doc["slist"] if s["$name"] == name)["val"]]


async def test_vhost_order_flow_as_production_sends_it(panel: Panel) -> None:
    # vhostOperations.js orderVhost: func=vhost.order.pricelist (then with period)
    first = await panel.call("vhost.order.pricelist")
    assert first["period"]["$"] == "1" and _slist(first, "period") == ["1", "3", "6", "12"]
    rows = _list(first, "tariflist")
    assert {"pricelist", "desc", "price", "order_available"} <= set(rows[0])
    assert rows[0]["order_available"]["$"] == "on" and rows[0]["price"]["$"].startswith("3.00 USD")
    yearly = _list(await panel.call("vhost.order.pricelist", period=12), "tariflist")
    assert yearly[0]["price"]["$"].startswith("36.00 USD")
    # orderParamVhost: view with period, autoprolong, pricelist, datacenter (no sok)
    view = await panel.call("vhost.order.param", period=1, autoprolong=1, pricelist=21, datacenter=1)
    assert _slist(view, "autoprolong")[0] == "null" and "orderinfo" in view
    # buyVhostHandler: period, licence_agreement=on, autoprolong, pricelist, datacenter, sok=ok
    done = await panel.call("vhost.order.param", period=1, licence_agreement="on", autoprolong="null",
                            pricelist=21, datacenter=1, sok="ok", domain="shop.example.org")
    assert "ok" in done and "error" not in done


async def test_storage_style_next_step_and_finish(panel: Panel) -> None:
    # ftpOperations.js / dnsOperations.js getParameters: T.order.pricelist with pricelist, snext=ok,
    # sok=ok returns the order form (slist autoprolong; val[0] is "off")
    form = await panel.call("vds.order.pricelist", period=1, datacenter=1, pricelist=11, snext="ok", sok="ok")
    assert _slist(form, "autoprolong")[:2] == ["null", "1"]
    # orderFTP / orderDNS: clicked_button=finish
    done = await panel.call("vds.order.param", period=1, datacenter=1, pricelist=11, autoprolong="null",
                            licence_agreement="on", clicked_button="finish", sok="ok")
    assert "ok" in done and _list(await panel.call("basket"), "itemlist")


async def test_a_domain_tariff_is_not_on_sale_for_a_month(panel: Panel) -> None:
    rows = _list(await panel.call("domain.order.pricelist", period=12), "tariflist")
    assert all(r["order_available"]["$"] == "on" for r in rows)
    assert "error" in await panel.call("domain.order.pricelist", period=5)


async def test_autoprolong_null_and_prolong_as_production_sends_it(app, panel: Panel) -> None:
    # dedicOperations.js editDedicServerNoExtraPay: elid, autoprolong, clicked_button=ok, sok=ok
    assert "ok" in await panel.call("vds.edit", elid=101, autoprolong="null", clicked_button="ok", sok="ok")
    assert app.state.one("SELECT autoprolong FROM services WHERE id=101")["autoprolong"] == 0
    # getUpdateProlongInfo: elid + period, no sok, no sv_field
    assert (await panel.call("service.prolong", elid=102, period=6))["newexpiredate"]["$"] == "2025-12-20"
    # pay now without the cart: skipbasket=on
    paid = await panel.call("service.prolong", elid=101, period=1, sok="ok", skipbasket="on")
    assert "ok" in paid and paid["expiredate"]["$"] == "2025-08-30"
