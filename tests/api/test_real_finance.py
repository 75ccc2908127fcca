"""Finances against replies shaped as production code reads them (values invented, paths real).

K = Karantir-dev/billing-typescript; D = ISPsystem BILLmanager 6 function pages.
"""

from __future__ import annotations

from decimal import Decimal

from billtui.api import lists
from billtui.api.calls import finance
from billtui.api.models import PaymentStatus

from tests.api.conftest import doc

BALANCE_ROW = {"paymethod": {"$": "0"}, "name": {"$": "Account balance (12.34)"}, "paymethod_type": {"$": "0"},
               "action": {"button": {"$name": "fromsubaccount", "$": "Pay"}}}
CARD_ROW = {"paymethod": {"$": "71"}, "name": {"$": "Stripe"}, "paymethod_type": {"$": "1"},
            "payment_minamount": {"$": "1.00"}, "payment_maxamount": {"$": "0.00"}}


async def test_basket_shape(client, panel) -> None:
    """K src/Redux/cart/cartOperations.js getBasket + Cart.jsx: bare numbers, itemlist, rolled_back."""
    panel.handlers["basket"] = lambda f: doc(
        total_sum={"$": "43.00"}, tax={"$": "0.00"}, full_discount={"$": "4.30"}, billorder={"$": "77"},
        list=[{"$name": "itemlist", "elem": [
            {"id": {"$": "5"}, "desc": {"$": "VDS-1, 1 month"}, "cost": {"$": "38.70"}, "fullcost": {"$": "43.00"},
             "discount_percent": {"$": "10%"}, "pricelist_name": {"$": "VDS-1"}, "item.type": {"$": "vds"},
             "item.period": {"$": "1"}, "item.id": {"$": "900"}},
            {"id": {"$": "6"}, "desc": {"$": "gone"}, "cost": {"$": "1.00"}, "rolled_back": {"$": "on"}}]}])
    cart = await finance.basket(client)
    assert cart.billorder == "77" and cart.total is not None and cart.total.amount == Decimal("43.00")
    assert cart.discount is not None and cart.discount.amount == Decimal("4.30")
    assert [i.id for i in cart.items] == ["5"]
    item = cart.items[0]
    assert item.kind == "vds" and item.period == "1" and item.full_cost.amount == Decimal("43.00")


async def test_basket_one_item_as_object(client, panel) -> None:
    panel.handlers["basket"] = lambda f: doc(total_sum={"$": "5.00"}, billorder={"$": "8"},
                                             list={"$name": "itemlist", "elem": {"id": {"$": "1"}, "cost": {"$": "5.00"}}})
    assert len((await finance.basket(client)).items) == 1


async def test_bare_cart_totals_are_in_the_account_currency(client, panel) -> None:
    """Cart.jsx prints the bare total_sum / cost with the account's currency appended: billtui reads
    them in the currency of the balance it last read (here ``12.34 €``, userOperations.js)."""
    panel.handlers["dashboard.info"] = lambda f: doc(elem=[{"realbalance": {"$": "12.34 €"}}])
    panel.handlers["dashboard.subaccount_credit"] = lambda f: doc(elem=[{"credit": {"$": "0"}}])
    panel.handlers["basket"] = lambda f: doc(total_sum={"$": "5.00"}, billorder={"$": "8"},
                                             list={"$name": "itemlist", "elem": {"id": {"$": "1"}, "cost": {"$": "5.00"}}})
    from billtui.api.calls import account

    assert (await finance.basket(client)).total.currency == ""  # nothing known yet: no guess
    await account.dashboard(client)
    cart = await finance.basket(client)
    assert cart.total.currency == "EUR" and cart.items[0].cost.currency == "EUR"


async def test_basket_writes(client, panel) -> None:
    """K cartOperations.js deleteBasketItem / clearBasket / setBasketPromocode."""
    panel.handlers["basket"] = lambda f: doc(ok={})
    await finance.basket_remove(client, "5")
    await finance.basket_clear(client, "77")
    await finance.apply_promocode(client, "WELCOME")
    sent = [f for f in panel.forms if f.get("func") == "basket" and f.get("sok")]
    assert {k: sent[0][k] for k in ("sok", "id", "clicked_button")} == {"sok": "ok", "id": "5", "clicked_button": "delete"}
    assert {k: sent[1][k] for k in ("id", "clicked_button")} == {"id": "77", "clicked_button": "clearbasket"}
    assert sent[2]["promocode"] == "WELCOME"


async def test_pay_cart_from_balance_two_steps(client, panel) -> None:
    """K cartOperations.js getPaymentMethods (view payment.add&billorder) then setPaymentMethods
    (payment.add.method&sok=ok&billorder, clicked_button from the row's action.button); ok = func=order."""
    panel.handlers["payment.add"] = lambda f: doc(list=[{"$name": "methodlist", "elem": [CARD_ROW, BALANCE_ROW]}])
    panel.handlers["profile"] = lambda f: doc(elem=[{"id": {"$": "3"}, "name": {"$": "John"}},
                                                    {"id": {"$": "4"}, "name": {"$": "Acme"}}])
    panel.handlers["payment.add.method"] = lambda f: doc(ok={"$": "func=order"})
    form = await finance.pay_basket_form(client, "77")
    view = [f for f in panel.forms if f.get("func") == "payment.add"][0]
    assert view["billorder"] == "77" and "sok" not in view
    assert [p.key for p in form.payers] == ["3", "4"]
    balance = form.balance_method
    assert balance is not None and balance.id == "0" and balance.kind == "0"
    start = await finance.pay_basket(client, "77", method=balance, amount=Decimal("43.00"), payer="4")
    assert start.paid and start.url is None
    sent = panel.forms[-1]
    assert sent["func"] == "payment.add.method"
    assert {k: sent[k] for k in ("sok", "billorder", "paymethod", "amount", "profile", "clicked_button")} == {
        "sok": "ok", "billorder": "77", "paymethod": "0", "amount": "43.00", "profile": "4",
        "clicked_button": "fromsubaccount"}


async def test_balance_row_is_known_by_its_type_in_any_language(client, panel) -> None:
    """K sortPaymethodList.js / Cart.jsx: ``paymethod_type`` 0 alone marks the balance row, so a
    Russian panel's "Лицевой счёт" without the button is still the balance."""
    row = {"paymethod": {"$": "0"}, "name": {"$": "Лицевой счёт (124.50 RUB)"}, "paymethod_type": {"$": "0"}}
    panel.handlers["payment.add"] = lambda f: doc(list={"$name": "methodlist", "elem": [CARD_ROW, row]})
    form = await finance.pay_basket_form(client, "77")
    assert form.balance_method is not None and form.balance_method.name.startswith("Лицевой")
    assert [m.from_balance for m in form.methods] == [False, True]


async def test_pay_cart_by_card_relative_page(client, panel) -> None:
    """A real payment.add reply: ok {$type: url, $: /mancgi/sbpayment?elid=150}, payment_id."""
    panel.handlers["payment.add.method"] = lambda f: doc(ok={"$type": "url", "$": "/mancgi/sbpayment?elid=150"},
                                                         payment_id={"$": "150"})
    start = await finance.pay_basket(client, "77", paymethod="71", amount="43.00")
    assert not start.paid and start.payment_id == "150"
    assert start.url == "https://panel.example.com:1500/mancgi/sbpayment?elid=150"
    assert "clicked_button" not in panel.forms[-1]


async def test_add_funds_form_and_submit(client, panel) -> None:
    """K billingOperations.js getPaymentMethod / createPaymentMethod; payers from func=profile."""
    panel.handlers["payment.add.method"] = lambda f: (
        doc(ok={"$type": "url", "$": "https://pay.example/x"}, payment_id={"$": "9"}) if f.get("sok") else
        doc(payment_currency={"$": "153"}, list={"$name": "methodlist", "elem": CARD_ROW}))
    panel.handlers["profile"] = lambda f: doc(elem={"id": {"$": "3"}, "name": {"$": "John"}})
    form = await finance.payment_methods(client)
    assert [c.key for c in form.currencies] == ["153"]  # no slist: the form's own value
    assert [p.key for p in form.payers] == ["3"]
    assert [f.get("p_cnt") for f in panel.forms if f.get("func") == "profile"] == ["300"]
    start = await finance.add_funds(client, paymethod="71", amount="25", currency="153", payer="3")
    assert start.url == "https://pay.example/x" and start.payment_id == "9"
    sent = panel.forms[-1]
    assert {k: sent[k] for k in ("sok", "paymethod", "amount", "payment_currency", "profile")} == {
        "sok": "ok", "paymethod": "71", "amount": "25", "payment_currency": "153", "profile": "3"}


async def test_payment_rows_status_as_text(client, panel) -> None:
    """K PaymentsTable.jsx reads id number create_date status(text) sender_name paymethodamount_iso paymethod_name."""
    panel.handlers["payment"] = lambda f: doc(elem=[
        {"id": {"$": "1"}, "number": {"$": "P-1"}, "create_date": {"$": "2026-11-02"}, "status": {"$": "New"},
         "sender_name": {"$": "John"}, "paymethodamount_iso": {"$": "10.00 EUR"}, "paymethod_name": {"$": "Stripe"}},
        {"id": {"$": "2"}, "number": {"$": "P-2"}, "status": {"$": "Paid"}, "paymethodamount_iso": {"$": "5.00 €"}}],
        p_elems={"$": "2"})
    page = await lists.fetch_page(client, lists.PAYMENTS, 1, 20)
    first, second = page.rows
    assert first.status is PaymentStatus.NEW and first.deletable and first.payer == "John"
    assert second.status is PaymentStatus.CREDITED and not second.deletable


async def test_payment_redirect_delete_pdf(client, panel) -> None:
    """K billingOperations.js getPaymentRedirect / deletePayment / getPaymentPdf."""
    panel.handlers["payment.add.redirect"] = lambda f: doc(ok={"$type": "url", "$": "/mancgi/pay?elid=1"})
    panel.handlers["payment.delete"] = lambda f: doc(ok={})
    assert await finance.payment_redirect(client, "1") == "https://panel.example.com:1500/mancgi/pay?elid=1"
    assert panel.forms[-1]["sok"] == "ok" and panel.forms[-1]["elid"] == "1"
    await finance.delete_payment(client, "1")
    assert panel.forms[-1]["elid"] == "1" and "sok" not in panel.forms[-1]


async def test_expense_rows_and_filter(client, panel) -> None:
    """D "Expenses (expense)"; K billingOperations.js setExpensesFilters (fromdate todate, sok=ok)."""
    panel.handlers["expense"] = lambda f: doc(elem={"id": {"$": "3"}, "locale_name": {"$": "VDS"},
                                                    "realdate": {"$": "2026-11-01"}, "amount": {"$": "5.00 EUR"},
                                                    "payments": {"$": "P-1"}, "taxamount": {"$": "0.00 EUR"}})
    panel.handlers["expense.filter"] = lambda f: doc(ok={})
    page = await lists.fetch_page(client, lists.EXPENSES, 1, 20, filters={"from": "2026-11-01", "to": "2026-11-30"})
    assert page.rows[0].name == "VDS" and page.rows[0].amount.amount == Decimal("5.00")
    stored = [f for f in panel.forms if f.get("func") == "expense.filter" and "fromdate" in f][0]
    assert stored["sok"] == "ok" and stored["todate"] == "2026-11-30"


async def test_orders_inpaylist(client, panel) -> None:
    """K billingOperations.js getUnpaidOrders: doc.list[$name=inpaylist].elem."""
    panel.handlers["order"] = lambda f: doc(list=[{"$name": "inpaylist", "elem": {"id": {"$": "12"}}}])
    assert [o.id for o in await finance.orders_awaiting_payment(client)] == ["12"]


async def test_only_a_web_page_is_a_payment_page(client, panel) -> None:
    """A hostile ``ok`` must not make billtui open a file: or javascript: address in the browser."""
    for bad in ("file:///etc/passwd", "javascript:alert(1)", "ssh://panel/x"):
        panel.handlers["payment.add.method"] = lambda f, bad=bad: doc(ok={"$type": "url", "$": bad})
        start = await finance.pay_basket(client, "77", paymethod="71", amount="43.00")
        assert start.url is None


async def test_rewards_load_when_the_period_view_fails(client, panel) -> None:
    """affiliate operations.js reads the period options first; a panel that refuses that view must not
    keep the report from loading: the wanted key is sent as it is."""
    def reward(form):
        if "period" not in form:
            return {"doc": {"error": {"$type": "access", "$object": "", "msg": {"$": "Access denied"}}}}
        return doc(reportdata={"reward": {"elem": {"amount": {"$id": "2026-12-01", "$": "3.00 EUR"}}}})
    panel.handlers["affiliate.client.reward"] = reward
    assert await finance.reward_periods(client) == []
    rows = await finance.rewards(client, "currentmonth")
    assert [str(r.amount) for r in rows] == ["3.00 EUR"]
