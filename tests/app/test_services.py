"""Services as a user meets them: the lists, renewing, auto-renew, deleting, ordering."""

from __future__ import annotations

from tests.app.conftest import demo_app, open_item, screen_text, settle


def _service(app, sid: int) -> dict:
    return dict(app.sim.state.one("SELECT * FROM services WHERE id=?", (sid,)))


async def _open_vds(pilot) -> None:
    await open_item(pilot, "services/vds")
    await settle(pilot)


async def _highlight(pilot, name: str) -> None:
    """Move the cursor down the focused list until the row named ``name`` is current."""
    table = pilot.app.screen.focused
    for _ in range(50):
        row = table.current_row
        if row is not None and row.name.startswith(name):
            return
        await pilot.press("down")
    raise AssertionError(f"{name} not in the list")


async def test_renew_a_service_and_see_the_new_expiry():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_vds(pilot)
        await _highlight(pilot, "db-01")
        await pilot.press("n")
        await settle(pilot)
        text = screen_text(app)
        assert "Renew db-01" in text
        assert "Expires now:  2026-11-30" in text
        assert "New expiry:   2026-12-30" in text
        assert "24.00 USD" in text
        await pilot.press("down")  # 3 months
        await settle(pilot)
        assert "New expiry:   2027-02-28" in screen_text(app)
        assert "72.00 USD" in screen_text(app)
        await pilot.press("up")  # back to 1 month, within the balance
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert _service(app, 102)["expiredate"] == "2026-12-30"
        text = screen_text(app)
        assert "Renew db-01" not in text
        assert "2026-12-30" in text  # the list shows the new date
        assert "Balance $100.50" in text


async def test_renew_into_the_cart():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_vds(pilot)
        await _highlight(pilot, "db-01")
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        from billtui.api.calls import finance

        cart = await finance.basket(app.client)
        assert any("db-01" in i.description for i in cart.items)
        assert _service(app, 102)["expiredate"] == "2026-11-30"


async def test_toggle_auto_renew():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_vds(pilot)
        await _highlight(pilot, "db-01")
        assert _service(app, 102)["autoprolong"] == 0
        await pilot.press("a")
        await settle(pilot)
        assert "Auto-renew · db-01" in screen_text(app)
        await pilot.press("down", "enter")  # Off → 1 month
        await settle(pilot)
        assert _service(app, 102)["autoprolong"] == 1
        line = next(l for l in screen_text(app).splitlines() if "db-01" in l)
        assert "1 month" in line
        await pilot.press("a")
        await settle(pilot)
        assert "Disabled" in screen_text(app)  # the form's own "off" option (key null)
        await pilot.press("home", "enter")  # back to Off: the demo panel, like a real one, takes only null
        await settle(pilot)
        assert _service(app, 102)["autoprolong"] == 0


async def test_delete_is_refused_without_the_right_name():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_vds(pilot)
        await _highlight(pilot, "db-01")
        await pilot.press("d")
        await settle(pilot)
        await pilot.press(*"db-02", "enter")
        await settle(pilot)
        text = screen_text(app)
        assert "That is not the name" in text
        assert _service(app, 102)["status"] == "2"
        await pilot.press("escape")
        await settle(pilot)
        assert _service(app, 102)["status"] == "2"


async def test_delete_after_typing_the_name():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_vds(pilot)
        await _highlight(pilot, "db-01")
        name = app.screen.focused.current_row.name
        await pilot.press("d")
        await settle(pilot)
        await pilot.press(*name, "enter")
        await settle(pilot)
        assert _service(app, 102)["status"] == "4"
        assert "db-01" not in screen_text(app)


async def test_order_a_virtual_server_through_the_wizard_and_find_it_in_the_cart():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_vds(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert "Order a new service" in screen_text(app)
        await pilot.press("enter")  # the type: Virtual servers (preselected)
        await settle(pilot)
        text = screen_text(app)
        assert "VDS-2" in text and "3 months 36.00 USD" in text
        await pilot.press("down", "enter")  # VDS-2
        await settle(pilot)
        await pilot.press("down", "enter")  # 3 months
        await settle(pilot)
        assert "Operating system" in screen_text(app)
        await pilot.press("ctrl+n")
        await settle(pilot)
        text = screen_text(app)
        assert "36.00 USD" in text and "3 months" in text
        await pilot.press("b")
        await settle(pilot)
        from billtui.api.calls import finance

        cart = await finance.basket(app.client)
        assert [i.description for i in cart.items] == ["VDS-2 (2 vCPU, 4 GB RAM, 60 GB SSD), 3 months"]
        await open_item(pilot, "orders")
        assert "VDS-2" in screen_text(app)


async def test_an_orders_pane_opened_before_shows_the_new_order():
    # Orders was open (its cart empty) before the order was made in Services: it must not stay stale.
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(pilot, "orders")
        assert "The cart is empty" in screen_text(app)
        await _open_vds(pilot)
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("down", "enter")  # VDS-2
        await settle(pilot)
        await pilot.press("down", "enter")  # 3 months
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        await open_item(pilot, "orders")
        text = screen_text(app)
        assert "The cart is empty" not in text and "VDS-2" in text and "Cart · 1 item" in text


async def test_order_validation_error_keeps_the_wizard_on_the_field():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(pilot, "services/vds")
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("enter", "enter", "enter")  # vds, first tariff, first period
        await settle(pilot)
        addon = app.screen.query_one("#opt-addon_1")
        addon.focus()
        addon.value = "99"
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        text = screen_text(app)
        assert "Order a new service" in text
        field = app.screen.query_one("#field-addon_1")
        assert field.has_class("-invalid")
        assert app.screen.query_one("#opt-addon_1").value == "99"
        from billtui.api.calls import finance

        assert (await finance.basket(app.client)).empty


async def test_expiring_soon_lists_exactly_what_expires_within_14_days():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(pilot, "services")
        await settle(pilot)
        table = app.screen.query_one("#expiring-table")
        names = [s.name for s, _ in table.rows_data]
        assert [s.id for s, _ in table.rows_data] == ["102", "111"]
        assert names[1] == "shop.example.com"
        text = screen_text(app)
        assert "2026-11-30" in text and "2026-12-07" in text
        assert "old-project.net" in text  # under Expired, not in the expiring list


async def test_renew_from_the_expiring_soon_view():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(pilot, "services")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert "Renew db-01" in screen_text(app)
        await pilot.press("p")
        await settle(pilot)
        assert _service(app, 102)["expiredate"] == "2026-12-30"
        table = app.screen.query_one("#expiring-table")
        assert [s.id for s, _ in table.rows_data] == ["111"]


async def test_details_history_and_instructions():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_vds(pilot)
        await _highlight(pilot, "db-01")
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(app)
        assert "VDS-4" in text and "203.0.113.11" in text
        await pilot.press("i")
        await settle(pilot)
        text = screen_text(app)
        assert "is ready" in text and "<b>" not in text
        await pilot.press("escape", "h")
        await settle(pilot)
        assert "History of db-01" in screen_text(app)


async def test_control_panel_link_is_opened_or_copied(monkeypatch):
    monkeypatch.setenv("BILLTUI_NO_BROWSER", "1")
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_vds(pilot)
        await _highlight(pilot, "db-01")
        await pilot.press("c")
        await settle(pilot)
        assert any("vds.panel.example.com" in str(n.message) for n in app._notifications)


async def test_order_pay_now_ends_on_the_payment_page(monkeypatch):
    monkeypatch.setenv("BILLTUI_NO_BROWSER", "1")
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_vds(pilot)
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("enter", "enter", "enter")
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert "Bank card" in screen_text(app)
        await pilot.press("down", "enter")  # the balance is listed first
        await settle(pilot)
        assert "https://pay.example.com/" in screen_text(app)


async def test_order_pay_now_from_the_balance_says_it_was_paid():
    """Paying the new order from the balance needs no payment page: the panel answers
    ``ok`` = ``func=order`` (cartOperations.js), the balance drops and the user is told so."""
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_vds(pilot)
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("enter", "enter", "enter")  # VDS-1, 1 month
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert "Account balance" in screen_text(app)
        await pilot.press("enter")  # the balance row, listed first
        await settle(pilot)
        assert any("Paid 5.00 USD from your balance." in str(n.message) for n in app._notifications)
        assert "Balance $119.50" in screen_text(app)
        order = app.sim.state.one("SELECT id, status FROM orders ORDER BY id DESC LIMIT 1")
        assert order["status"] == "paid"
        # What went to the panel: the production panel's second step, with the payer and the balance's button.
        sent = [form for _, _, form in app.client.request_log if form.get("func") == "payment.add.method"][-1]
        assert (sent["sok"], sent["amount"], sent["clicked_button"]) == ("ok", "5.00", "fromsubaccount")
        assert sent["billorder"] == str(order["id"]) and sent["profile"]
