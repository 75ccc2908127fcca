"""Every fault the panel or the network can throw shows a clear message, and what the user
typed stays where it was."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Select

from tests.app.conftest import demo_app, open_item, screen_text, settle, top_text

from tests.reliability.helpers import flat

#: What the user reads for each fault kind (a read, after the client's retries gave up).
READ_MESSAGES = {
    "http500": "HTTP status 500",
    "html": "web page instead of API data",
    "truncated": "cut off",
    "drop": "connection to the panel broke off",
    "busy": "Request in process",
}


@pytest.mark.parametrize("kind", list(READ_MESSAGES))
async def test_a_list_says_what_went_wrong_and_r_retries(kind):
    app = demo_app()
    app.sim.faults.set("payment", kind)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        if kind == "busy":
            app.client.busy_retry_delays = (0.0,)
        await open_item(pilot, "payments")
        text = flat(screen_text(app))
        assert READ_MESSAGES[kind] in text and "Press r to retry" in text
        app.sim.faults.clear()
        app.screen.focus_content()
        await pilot.press("r")
        await settle(pilot)
        assert "PM-000040" in screen_text(app)


async def test_an_expired_session_is_renewed_without_the_user_noticing():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.sim.expire_all_sessions()
        await open_item(pilot, "payments")
        assert "PM-000040" in screen_text(app)


async def add_funds_form(pilot, amount: str):
    app = pilot.app
    await open_item(pilot, "payments")
    app.screen.focus_content()
    await pilot.pause()
    await pilot.press("a")
    await settle(pilot)
    screen = app.screen
    screen.query_one("#paymethod", Select).value = "1"
    await pilot.pause()
    screen.query_one("#amount", Input).focus()
    await pilot.press(*amount)
    return screen


@pytest.mark.parametrize("kind,says", [
    ("http500", "don't know if it went through"),
    ("html", "don't know if it went through"),
    ("truncated", "don't know if it went through"),
    ("drop", "don't know if it went through"),
    ("busy", "Request in process"),
])
async def test_add_funds_keeps_the_amount_and_says_what_happened(kind, says):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = await add_funds_form(pilot, "42.50")
        before = app.sim.state.one("SELECT COUNT(*) AS n FROM payments")["n"]
        app.sim.faults.set("payment.add.method", kind)
        await pilot.press("ctrl+s")
        await settle(pilot)
        text = flat(top_text(app))
        assert says in text
        if kind != "busy":
            assert "Check the Payments list" in text
        assert app.screen is screen  # the form is still open
        assert screen.query_one("#amount", Input).value == "42.50"
        assert screen.query_one("#paymethod", Select).value == "1"
        # Nothing was sent twice behind the user's back.
        assert sum(1 for f, _ in app.sim.faults.fired if f == "payment.add.method") == 1
        after = app.sim.state.one("SELECT COUNT(*) AS n FROM payments")["n"]
        # A truncated answer came after the panel did it: exactly why the user is told to check.
        assert after == before + (1 if kind == "truncated" else 0)


async def test_a_ticket_reply_that_may_have_gone_through_is_kept_and_not_resent():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "tickets")
        app.screen.focus_content()
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        editor = getattr(screen, "editor", None)
        if editor is None:
            pytest.skip("the ticket screen has no reply editor here")
        await pilot.press("w")
        await pilot.press(*"Still broken")
        app.sim.faults.set("clientticket.edit", "drop", count=1)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert editor.text == "Still broken"
        assert "don't know if it went through" in flat(screen_text(app))
        assert sum(1 for f, _ in app.sim.faults.fired if f == "clientticket.edit") == 1
