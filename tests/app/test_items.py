"""Every menu item opens a screen with real data from the demo panel."""

from __future__ import annotations

import pytest

from billtui.menu import Edition
from billtui.widgets.pane import Pane
from tests.app.conftest import demo_app, open_item, screen_text, settle

SHOWS = {
    "customer": "John Smith",
    "services": "Virtual private servers",
    "services/vds": "db-01",
    "services/domain": "old-project.net",
    "payments": "PM-000040",
    "orders": "new-vm",
    "expenses": "USD",
    "invoices": "INV-2026",
    "commissions": "12.00 EUR",
    "tickets": "SSH connection",
    "archived_tickets": "PTR record",
    "notifications": "Financial notices",
    "favourites": "Favourites",
    "contact_settings": "billing@acme.example.com",
    "user_settings": "Europe/Amsterdam",
    "help": "documentation",
    "tutorials": "Getting started",
}


@pytest.mark.parametrize("key", list(SHOWS))
async def test_item_opens_with_its_data(key):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, key)
        text = screen_text(app)
        assert SHOWS[key] in text
        assert "✗" not in text  # no error shown
        # The shell reloads, focuses and asks each pane about unsaved changes through one base.
        pane = app.screen.current_pane()
        assert isinstance(pane, Pane) and pane.item_key == key
        await pane.wait_loaded()
        pane.focus_content()
        await pilot.pause()
        assert app.focused is not None and pane in app.focused.ancestors_with_self


async def test_affiliate_program_in_advanced_shows_the_referral_link():
    app = demo_app(Edition.ADVANCED)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "affiliate")
        assert "Referral link" in screen_text(app)
        assert "✗" not in screen_text(app)
