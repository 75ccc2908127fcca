"""Orders and the cart with Pilot against the demo panel: promo codes, removing, paying."""

from __future__ import annotations

from billtui.screens.finances.orders import CartTable, PromoScreen
from billtui.screens.common.payflow import PaymentPageScreen
from billtui.screens.finances.payments import AddFundsScreen
from billtui.widgets.field import Field
from tests.app.conftest import demo_app, open_item, screen_text, settle


def fill_cart(app) -> int:
    """Two items in the demo panel's cart, as ordering a VDS and a certificate would leave it."""
    st = app.sim.state
    order = st.run("INSERT INTO orders(cdate, status) VALUES ('2026-11-25 10:00:00', 'basket')")
    for pricelist, name, desc, cost, period in ((11, "VDS-1", "VDS-1 web-02, 1 month", 500, 1),
                                                (41, "PositiveSSL", "PositiveSSL shop.example.com, 1 year", 1500, 12)):
        st.run("INSERT INTO order_items(order_id, pricelist_id, pricelist_name, desc, cost, period)"
               " VALUES (?,?,?,?,?,?)", (order, pricelist, name, desc, cost, period))
    return order


async def test_the_cart_shows_items_total_and_what_awaits_payment():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        fill_cart(app)
        await settle(pilot)
        await open_item(pilot, "orders")
        text = screen_text(app)
        assert "Cart · 2 items" in text and "Total 20.00 USD" in text  # bare totals, read in the account currency
        assert "VDS-1 web-02, 1 month" in text and "15.00" in text
        assert "Awaiting payment: order 503 (5.00 USD)" in text
        assert "Order history" in text and "501" in text


async def test_a_bad_promo_code_shows_the_panels_message_and_keeps_the_code():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        fill_cart(app)
        await settle(pilot)
        await open_item(pilot, "orders")
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*"NOPE42", "enter")
        await settle(pilot)
        assert isinstance(app.screen, PromoScreen)
        assert app.screen.query_one("#promocode-field", Field).has_class("-invalid")
        assert "Promo code not found" in screen_text(app)
        assert app.screen.query_one("#promocode").value == "NOPE42"
        # A good code is applied and the total drops by 10 %.
        await pilot.press(*["backspace"] * 6, *"WELCOME10", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, PromoScreen)
        assert "Total 18.00" in screen_text(app)


async def test_remove_an_item_then_empty_the_cart():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        order = fill_cart(app)
        await settle(pilot)
        await open_item(pilot, "orders")
        assert app.focused is app.screen.query_one(CartTable)
        await pilot.press("d")
        await settle(pilot)
        text = screen_text(app)
        assert "Cart · 1 item" in text and "VDS-1 web-02" not in text and "Total 15.00" in text
        await pilot.press("E")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert "The cart is empty" in screen_text(app)
        assert app.sim.state.all("SELECT * FROM order_items WHERE order_id=?", (order,)) == []


async def test_pay_the_cart_on_the_payment_page():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        order = fill_cart(app)
        await settle(pilot)
        await open_item(pilot, "orders")
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, AddFundsScreen)
        assert app.screen.query_one("#amount").value == "20.00"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("down", "enter")  # Bank card
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PaymentPageScreen)
        assert "Paying the cart (20.00 USD) by Bank card" in screen_text(app)
        payment = app.sim.state.one("SELECT * FROM payments WHERE billorder=?", (order,))
        assert payment["amount"] == 2000 and payment["status"] == 1
        await pilot.press("escape")
        await settle(pilot)
        text = screen_text(app)
        assert "The cart is empty" in text
        assert f"order {order} (20.00 USD)" in text  # now awaiting payment


async def test_pay_the_cart_from_the_balance():
    """The cart's pay form offers the balance first (sortPaymethodList.js); paying with it needs no
    payment page: the panel answers ok = func=order and the cart empties."""
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        order = fill_cart(app)
        await settle(pilot)
        await open_item(pilot, "orders")
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, AddFundsScreen)
        assert "Account balance (124.50 USD)" in screen_text(app)  # preselected
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, (AddFundsScreen, PaymentPageScreen))
        assert app.sim.state.one("SELECT status FROM orders WHERE id=?", (order,))["status"] == "paid"
        assert app.sim.state.one("SELECT balance FROM account WHERE id=1")["balance"] == 12450 - 2000
        assert "The cart is empty" in screen_text(app)
