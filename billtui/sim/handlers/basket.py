"""Orders: the cart (``basket``), paying it (``payment.add&billorder``) and the order history."""
from __future__ import annotations

from ..catalog import PROMOCODES
from ..context import Ctx, Doc
from ..doc import cell, form, ok, sublist, t
from ..errors import ApiError, missed_field, not_found
from ..listing import Column, ListSpec, run_list
from ..values import bare, money
from ..renewals import RENEWAL, extend
from .payments import create_payment, payment_page

#: The balance row of ``list methodlist`` when paying an order: ``paymethod_type`` 0, a name with the
#: balance, and ``action.button`` = ``fromsubaccount`` (Karantir-dev/billing-typescript Cart.jsx).
BALANCE_PAYMETHOD = "0"
BALANCE_BUTTON = "fromsubaccount"

ORDER_STATUS = {"basket": "In cart", "awaiting": "Awaiting payment", "paid": "Paid"}


def open_basket(ctx: Ctx, *, create: bool) -> int | None:
    """The id of the current cart, created on first use."""
    row = ctx.store.one("SELECT id FROM orders WHERE status='basket' ORDER BY id DESC LIMIT 1")
    if row is not None:
        return int(row["id"])
    if not create:
        return None
    return ctx.store.run("INSERT INTO orders(cdate, status) VALUES (?, 'basket')", (ctx.store.now(),))


def add_item(ctx: Ctx, pricelist_id: int, name: str, desc: str, cost: int, period: int,
             service_id: int | None = None, kind: str = "new") -> tuple[int, int]:
    """Put one item in the cart; returns (order id, item id). ``kind`` is ``renewals.RENEWAL`` for
    the renewal of ``service_id``, which paying the order carries out."""
    order = open_basket(ctx, create=True)
    assert order is not None
    item = ctx.store.run(
        "INSERT INTO order_items(order_id, pricelist_id, pricelist_name, desc, cost, period, service_id, kind)"
        " VALUES (?,?,?,?,?,?,?,?)", (order, pricelist_id, name, desc, cost, period, service_id, kind))
    return order, item


def order_total(ctx: Ctx, order: int) -> tuple[int, int]:
    """(sum of items, sum after the promo discount) in cents."""
    row = ctx.store.row("SELECT COALESCE(SUM(cost), 0) AS s FROM order_items WHERE order_id=?", (order,))
    pct = ctx.store.row("SELECT discount_pct FROM orders WHERE id=?", (order,))["discount_pct"]
    total = int(row["s"])
    return total, total - total * pct // 100


def basket(ctx: Ctx) -> Doc:
    """``basket``: view the cart, remove an item, empty it, or apply a promo code."""
    order = open_basket(ctx, create=False)
    if ctx.sok and order is not None:
        button = ctx.p("clicked_button")
        if button == "clearbasket":
            ctx.store.run("DELETE FROM order_items WHERE order_id=?", (order,))
            ctx.store.run("UPDATE orders SET promocode='', discount_pct=0 WHERE id=?", (order,))
        elif button == "delete" or (ctx.p("id") and button != "ok"):
            ids = [i.strip() for i in ctx.p("id", ctx.p("elid")).split(",") if i.strip()]
            if not ids:
                raise missed_field("id", "Item")
            for item in ids:
                gone = ctx.store.one("SELECT id FROM order_items WHERE id=? AND order_id=?", (item, order))
                if gone is None:
                    raise not_found("id", item)
                ctx.store.run("DELETE FROM order_items WHERE id=?", (item,))
        if ctx.p("promocode"):
            code = ctx.p("promocode").upper()
            if code not in PROMOCODES:
                raise ApiError("missed", "promocode", "Promo code not found", label="Promo code",
                               value=ctx.p("promocode"), detail="Promo code not found")
            ctx.store.run("UPDATE orders SET promocode=?, discount_pct=? WHERE id=?",
                          (code, PROMOCODES[code], order))
    elif ctx.sok and ctx.p("promocode"):
        raise ApiError("missed", "promocode", "Promo code not found", label="Promo code",
                       value=ctx.p("promocode"), detail="Promo code not found")
    doc = basket_view(ctx, order)
    if ctx.sok:
        doc.update(ok())
    return doc


def basket_view(ctx: Ctx, order: int | None) -> Doc:
    """The cart as a form, in the shape production code reads (cartOperations.js getBasket):
    ``total_sum``/``tax``/``full_discount`` bare numbers, items in ``list itemlist``."""
    rows, total, discounted, promo = [], 0, 0, ""
    if order is not None:
        pct = ctx.store.row("SELECT discount_pct FROM orders WHERE id=?", (order,))["discount_pct"]
        for item in ctx.store.all("SELECT i.*, p.type AS ptype FROM order_items i LEFT JOIN pricelists p"
                                  " ON p.id = i.pricelist_id WHERE order_id=? ORDER BY i.id", (order,)):
            cost = item["cost"] - item["cost"] * pct // 100
            rows.append({"id": t(item["id"]), "pricelist_name": t(item["pricelist_name"]),
                         "desc": t(ctx.describe(item["desc"])), "cost": t(bare(cost)), "fullcost": t(bare(item["cost"])),
                         "discount_percent": t(f"{pct}%"), "item.type": t(item["ptype"] or ""),
                         "item.period": t(item["period"]), "item.id": t(item["service_id"] or item["id"])})
        total, discounted = order_total(ctx, order)
        promo = ctx.store.row("SELECT promocode FROM orders WHERE id=?", (order,))["promocode"]
    fields = {"billorder": order if order is not None and rows else "", "total_sum": bare(discounted),
              "tax": bare(0), "full_discount": bare(total - discounted), "promocode": promo}
    return form("basket", fields, lists=[sublist("itemlist", rows)],
                messages={"total_sum": "Total", "promocode": "Promo code", "pricelist_name": "Tariff",
                          "desc": "Description", "cost": "Cost"})


def _order_to_pay(ctx: Ctx, billorder: str):
    row = ctx.store.one("SELECT * FROM orders WHERE id=?", (billorder,)) if billorder.isdigit() else None
    if row is None or row["status"] == "paid":
        raise not_found("billorder", billorder)
    _, total = order_total(ctx, row["id"])
    if total <= 0:
        raise ApiError("value", "billorder", "The cart is empty", label="Order", value=billorder)
    return row, total


def payment_add(ctx: Ctx) -> Doc:
    """``payment.add&billorder=ID`` (view): the methods to pay an order with, the balance among them.
    A submit here (older clients) is still taken, like ``payment.add.method&billorder``."""
    row, total = _order_to_pay(ctx, ctx.p("billorder"))
    if ctx.sok:
        return pay_order(ctx)
    doc = payment_page(ctx, total)
    balance = ctx.store.row("SELECT balance FROM account WHERE id=1")["balance"]
    balance_row = {"paymethod": t(BALANCE_PAYMETHOD), "name": t(f"{ctx.tr('Account balance')} ({bare(balance)} USD)"),
                   "paymethod_type": t("0"),
                   "action": {"button": {"$name": BALANCE_BUTTON, "$": ctx.tr("Pay from the balance")}}}
    for node in doc.get("list", []):
        if node.get("$name") == "methodlist":
            # Last: the panel need not send it first; production sorts it first itself (sortPaymethodList.js).
            node["elem"] = [*node.get("elem", []), balance_row]
    doc["billorder"] = t(row["id"])
    doc["amount_readonly"] = t("on")
    return doc


def pay_order(ctx: Ctx) -> Doc:
    """Pay an order (``payment.add.method&sok=ok&billorder=ID``): from the balance
    (``clicked_button=fromsubaccount``) → ``ok`` = ``func=order``; else a payment and its page."""
    row, total = _order_to_pay(ctx, ctx.p("billorder"))
    if ctx.p("clicked_button") == BALANCE_BUTTON or ctx.p("paymethod") == BALANCE_PAYMETHOD:
        balance = ctx.store.row("SELECT balance FROM account WHERE id=1")["balance"]
        if balance < total:
            raise ApiError("value", "paymethod", f"Not enough money on the account balance ({bare(balance)} USD)"
                           f" to pay {bare(total)} USD", label="Payment method", value=ctx.p("paymethod"))
        ctx.store.run("UPDATE account SET balance=balance-? WHERE id=1", (total,))
        ctx.store.run("UPDATE orders SET status='paid' WHERE id=?", (row["id"],))
        today = ctx.store.today.isoformat()
        for item in ctx.store.all("SELECT * FROM order_items WHERE order_id=?", (row["id"],)):
            ctx.store.run("INSERT INTO expenses(locale_name, realdate, cdate, amount, notpayd, discountamount,"
                          " payments, taxamount) VALUES (?,?,?,?,0,0,'',0)",
                          (item["desc"], today, ctx.store.now(), item["cost"]))
            if item["kind"] == RENEWAL and item["service_id"] is not None:
                # A renewal in the cart is carried out when the cart is paid, exactly as paying it
                # at once would (service.prolong with skipbasket): the same expiry, the same history.
                extend(ctx, item["service_id"], item["period"])
        return ok("func=order")
    reply = create_payment(ctx, None, fixed=total, billorder=row["id"])
    ctx.store.run("UPDATE orders SET status='awaiting' WHERE id=?", (row["id"],))
    return reply


def _order_render(row, ctx: Ctx) -> dict:
    items = ctx.store.all("SELECT desc, cost FROM order_items WHERE order_id=?", (row["id"],))
    _, total = order_total(ctx, row["id"])
    return {"id": t(row["id"]), "cdate": t(row["cdate"]), "desc": t("; ".join(ctx.describe(i["desc"]) for i in items)),
            "amount": t(money(total)), "status": cell(ctx.tr(ORDER_STATUS[row["status"]]), row["status"])}


def _inpaylist(ctx: Ctx) -> Doc:
    rows = []
    for row in ctx.store.all("SELECT * FROM orders WHERE status='awaiting' ORDER BY id DESC"):
        _, total = order_total(ctx, row["id"])
        rows.append({"id": t(row["id"]), "cdate": t(row["cdate"]), "amount": t(money(total)),
                     "billorder": t(row["id"])})
    return {"list": [sublist("inpaylist", rows)]}


ORDER = ListSpec(
    func="order", title="Orders", source="orders",
    columns=[Column("id", "Id", "id", "digit"), Column("cdate", "Date", "cdate", "date"),
             Column("desc", "Items", "id"), Column("amount", "Amount", "id", "digit"),
             Column("status", "Status", "status")],
    render=_order_render, default_sort="cdate", toolbar=[("pay", "payment.add")], extra=_inpaylist)


def order_list(ctx: Ctx) -> Doc:
    """``order``: order history plus the orders awaiting payment."""
    return run_list(ctx, ORDER, (["status != 'basket'"], []))


HANDLERS = {"basket": basket, "payment.add": payment_add, "order": order_list}
