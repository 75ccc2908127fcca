"""The Customer screen: the account at a glance, what needs attention, editing contact data."""

from __future__ import annotations

from tests.app.conftest import demo_app, open_item, screen_text, settle


async def test_overview_shows_account_balance_and_what_needs_attention():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(pilot, "customer")
        await settle(pilot)
        text = screen_text(app)
        assert "John Smith" in text
        # The demo panel writes realbalance with the currency's symbol, as real panels do.
        assert "Balance $124.50" in text  # the header
        assert text.count("$124.50") >= 2  # and on the Balance card
        assert "$0.00" in text  # the credit, from dashboard.subaccount_credit
        assert "Needs attention" in text
        assert "Expiring within 14 days" in text
        attention = str(app.screen.query_one("#attention").render())
        assert "db-01" in attention and "shop.example.com" in attention
        assert "old-project.net" not in attention  # expired already, not "expiring"
        assert "New replies in" in attention  # ticket 1001 has an unread reply
        assert "Unpaid in the cart" not in attention  # the demo cart starts empty
        assert "Payers" in text and "Discounts" in text
        # Discounts from the new-API shape (list promotion, name.name / value.text / products).
        assert "Loyal customer" in text and "5%" in text and "All services" in text
        assert "VDS volume discount" in text and "10%" in text


async def test_cart_items_show_up_as_needing_attention():
    from billtui.api.calls import services

    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await services.prolong_submit(app.client, "111", 12)
        await open_item(pilot, "customer")
        await pilot.press("r")
        await settle(pilot)
        attention = str(app.screen.query_one("#attention").render())
        assert "Unpaid in the cart: 1 item" in attention


async def test_edit_contact_data():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(pilot, "customer")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        phone = app.screen.query_one("#in-phone")
        phone.value = ""
        phone.focus()
        await pilot.press(*"+1 555 0100", "enter")
        await settle(pilot)
        row = app.sim.state.one("SELECT phone FROM users WHERE id=7")
        assert row["phone"] == "+1 555 0100"
        assert "+1 555 0100" in screen_text(app)


async def test_bad_email_marks_the_field_and_keeps_the_input():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(pilot, "customer")
        await settle(pilot)
        before = app.sim.state.one("SELECT email FROM users WHERE id=7")["email"]
        await pilot.press("e")
        await settle(pilot)
        email = app.screen.query_one("#in-email")
        email.value = ""
        email.focus()
        await pilot.press(*"not-an-email", "ctrl+s")
        await settle(pilot)
        assert app.screen.query_one("#field-email").has_class("-invalid")
        assert app.screen.query_one("#in-email").value == "not-an-email"
        text = screen_text(app)
        assert "Edit contact data" in text
        assert "Email" in text and "not-an-email" in text
        assert app.sim.state.one("SELECT email FROM users WHERE id=7")["email"] == before


async def test_expiring_services_are_found_reading_the_lists_a_page_at_a_time(monkeypatch):
    """Soonest expiry first, a page at a time: the result must not depend on the page size."""
    import billtui.screens.customer.customer as customer

    from collections import Counter

    from bench.panel import RecordingPanel
    from billtui.app import BillTUI
    from billtui.launch import Launch
    from tests.app.conftest import make_sim

    monkeypatch.setattr(customer, "ATTENTION_PAGE", 1)
    panel = RecordingPanel(make_sim())
    app = BillTUI(Launch.demo(), demo_sim=panel)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        attention = str(app.screen.query_one("#attention").render())
        assert "db-01" in attention and "shop.example.com" in attention
        assert "old-project.net" not in attention
        # 4 servers; reading stops at the first one that expires after the window.
        assert Counter(c.func for c in panel.calls)["vds"] == 2


async def test_expiring_services_are_found_on_a_panel_that_ignores_sorting(monkeypatch):
    """Sorting is an assumed parameter: unsorted pages are all read, nothing is missed."""
    import billtui.api.lists as lists_module
    import billtui.screens.customer.customer as customer

    real_fetch_page = lists_module.fetch_page

    async def unsorted(client, call, page, page_size, *, sort=None, **kwargs):
        got = await real_fetch_page(client, call, page, page_size, sort=("expires", True), **kwargs)
        return got  # the newest expiry first: the opposite of what was asked

    monkeypatch.setattr(customer, "ATTENTION_PAGE", 1)
    monkeypatch.setattr(lists_module, "fetch_page", unsorted)
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        attention = str(app.screen.query_one("#attention").render())
        assert "db-01" in attention and "shop.example.com" in attention


async def test_a_field_the_panel_marks_read_only_cannot_be_edited(monkeypatch):
    """A real panel may lock the email (it is the login): the form says so in metadata, the dialog obeys."""
    from dataclasses import replace

    from billtui.api.calls import account

    real_view = account.user_view

    async def locked(client):
        return replace(await real_view(client), readonly=frozenset({"email"}))

    monkeypatch.setattr(account, "user_view", locked)
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(pilot, "customer")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert app.screen.query_one("#in-email").disabled
        assert app.screen.focused is app.screen.query_one("#in-realname")
        assert "does not let you change it" in screen_text(app)
